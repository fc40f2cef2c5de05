"""Two wordings of a quotation aligned word by word: what is the same, cut, changed.

One wording (``a``, usually the shorter) is located in the other (``b``): rapidfuzz finds
the stretch of ``b`` that ``a`` matches best (`fuzz.partial_ratio_alignment`, on words
rather than characters), then the words of both are aligned by their longest common
subsequence (`Indel.opcodes`). What differs is then one of:

- **cut**: words of one wording alone before the first or after the last word they
  share (an outlet that quotes half of a sentence cuts it, it does not change it);
  where both have words there, as many of them as the other has are changed (« nos
  citoyens » printed « nos alliés »);
- **free**: words that stand against a mark (« […] », « [Kushner] ») in the other: the
  outlet said that it left them out or put them in;
- **changed**: words changed, added or dropped inside the quotation; each region counts
  as many words as its longer side.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from talkclaims.corpus.wording import MARK, Wording

#: Words of context shown on each side of a change in a word diff.
CONTEXT = 3


@dataclass(frozen=True, slots=True)
class Region:
    """Tokens ``a[a_start:a_end]`` against ``b[b_start:b_end]``: ``equal``, ``cut``,
    ``free`` or ``changed`` (see the module's docstring)."""

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Alignment:
    """How ``a`` stands in ``b``: the words they share in order (``matched``), the words
    of ``a`` (``words``, marks left out) and the words changed inside the quotation
    (``changes``), region by region."""

    matched: int
    words: int
    changes: int
    regions: tuple[Region, ...]


def _window(a: Sequence[Hashable], b: Sequence[Hashable], mark: Hashable) -> tuple[int, int]:
    """The stretch of ``b`` that ``a`` matches best: each stretch of ``a`` between marks
    located in turn, after the one before it."""
    if len(a) >= len(b):
        return 0, len(b)
    segments, start = [], 0
    for n, token in enumerate([*a, mark]):
        if token == mark:
            if n > start:
                segments.append(a[start:n])
            start = n + 1
    if len(segments) == 1 and len(segments[0]) == len(a):
        found = fuzz.partial_ratio_alignment(a, b)
        return (found.dest_start, found.dest_end) if found.score else (0, len(b))
    first, last, at = None, 0, 0
    for segment in segments:
        if at >= len(b):
            break
        found = fuzz.partial_ratio_alignment(segment, b[at:])
        if not found.score:
            continue
        if first is None:
            first = at + found.dest_start
        last = at + found.dest_end
        at = last
    return (0, len(b)) if first is None else (first, last)


def _regions(
    a: Sequence[Hashable], b: Sequence[Hashable], start: int, end: int
) -> list[tuple[str, int, int, int, int]]:
    """The opcodes of ``a`` against ``b[start:end]``, in ``b``'s offsets, with runs of
    insertions and deletions merged into one « differ » region."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b[start:end]):
        tag = "equal" if op.tag == "equal" else "differ"
        span = (op.src_start, op.src_end, op.dest_start + start, op.dest_end + start)
        if tag == "differ" and out and out[-1][0] == "differ":
            previous = out.pop()
            span = (previous[1], span[1], previous[3], span[3])
        out.append((tag, *span))
    return out


def align(a: Sequence[Hashable], b: Sequence[Hashable], mark: Hashable = MARK) -> Alignment | None:
    """``a`` located in ``b`` and aligned word by word; None when they share no word.

    Tokens are any hashable values (folded words, or their numbers), ``mark`` the one
    that stands for a mark. The stretch of ``b`` found first has ``a``'s length; when
    words of ``a`` at its ends are left out of it (``b`` has words there that ``a``
    dropped), it grows by that many words on that side, and the alignment is made again.
    """
    if not a or not b:
        return None
    start, end = _window(a, b, mark)
    for _ in range(4):
        ops = _regions(a, b, start, end)
        lead = ops[0][2] - ops[0][1] if ops[0][0] == "differ" else 0
        trail = ops[-1][2] - ops[-1][1] if ops[-1][0] == "differ" else 0
        grow_left, grow_right = min(lead, start), min(trail, len(b) - end)
        if not grow_left and not grow_right:
            break
        start, end = start - grow_left, end + grow_right
    equal = [n for n, op in enumerate(ops) if op[0] == "equal"]
    if not equal:
        return None
    regions, matched, changes = [], 0, 0
    for n, (tag, a0, a1, b0, b1) in enumerate(ops):
        if tag == "equal":
            matched += sum(1 for token in a[a0:a1] if token != mark)
        elif mark in a[a0:a1] or mark in b[b0:b1]:
            tag = "free"
        elif n < equal[0] or n > equal[-1]:
            # an end: words of one side alone are a cut; as many words on both sides,
            # next to the words they share, are the same place worded otherwise
            paired = min(a1 - a0, b1 - b0)
            if paired:
                changes += paired
                if n < equal[0]:
                    regions.append(Region("cut", a0, a1 - paired, b0, b1 - paired))
                    regions.append(Region("changed", a1 - paired, a1, b1 - paired, b1))
                else:
                    regions.append(Region("changed", a0, a0 + paired, b0, b0 + paired))
                    regions.append(Region("cut", a0 + paired, a1, b0 + paired, b1))
                continue
            tag = "cut"
        else:
            tag = "changed"
            changes += max(a1 - a0, b1 - b0)
        regions.append(Region(tag, a0, a1, b0, b1))
    words = sum(1 for token in a if token != mark)
    return Alignment(matched, words, changes, tuple(regions))


def allowed_changes(words: int) -> int:
    """Words that may change in a quotation of ``words`` words that is still the same
    quotation: one in seven (none below seven words, where one word more or less
    makes another sentence as often as a misquote)."""
    return words // 7


def same_quotation(alignment: Alignment | None, min_words: int) -> bool:
    """Whether an alignment makes its two wordings one quotation: at least ``min_words``
    words shared, four in five of ``a``'s words found in order, no more words changed
    inside than `allowed_changes`, and ``min_words`` of them in a row."""
    if alignment is None:
        return False
    words = alignment.words
    if not (
        alignment.matched >= min_words
        and 5 * alignment.matched >= 4 * words
        and alignment.changes <= allowed_changes(words)
    ):
        return False
    # words in a row: bits of common phrases on each side of an elision or a change
    # (« Selon une nouvelle […] par rapport à ») would be found in many a quotation
    longest = max((r.a_end - r.a_start for r in alignment.regions if r.tag == "equal"), default=0)
    return longest >= min_words


def word_diff(alignment: Alignment, a: Wording, b: Wording, reference: str = "b") -> str:
    """The changes inside the quotation as a word diff of the other wording against the
    ``reference`` one (« a » or « b »): ``[-reference's words-]{+other's words+}``, with
    `CONTEXT` words of the other wording around each change and « … » for the rest."""
    other, ref = (b, a) if reference == "a" else (a, b)
    pieces: list[tuple[bool, int, int, str]] = []  # (changed, other's tokens, text)
    for region in alignment.regions:
        if reference == "a":
            o0, o1, r0, r1 = region.b_start, region.b_end, region.a_start, region.a_end
        else:
            o0, o1, r0, r1 = region.a_start, region.a_end, region.b_start, region.b_end
        if region.tag == "changed":
            old, new = ref.shown(r0, r1), other.shown(o0, o1)
            text = (f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else "")
            pieces.append((True, o0, o1, text))
        elif region.tag != "cut":
            pieces.append((False, o0, o1, ""))
    near: set[int] = set()  # other's tokens shown as context
    for changed, o0, o1, _ in pieces:
        if changed:
            near.update(range(max(0, o0 - CONTEXT), o0))
            near.update(range(o1, min(len(other.keys), o1 + CONTEXT)))
    out: list[str] = []
    last = -1  # the last of other's tokens written

    def skip_to(n: int) -> None:
        if n > last + 1:
            out.append("…")

    for changed, o0, o1, text in pieces:
        if changed:
            skip_to(o0)
            out.append(text)
            last = max(last, o1 - 1, o0 - 1)
            continue
        run = [n for n in range(o0, o1) if n in near]
        while run:  # consecutive tokens as printed, their punctuation included
            first = run[0]
            end = next((k for k in range(1, len(run)) if run[k] != first + k), len(run))
            skip_to(first)
            out.append(other.shown(first, first + end))
            last = first + end - 1
            run = run[end:]
    if last < len(other.keys) - 1:
        out.append("…")
    return " ".join(out)
