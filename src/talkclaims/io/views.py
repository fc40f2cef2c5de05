"""Ways to look at claims: an article with its claims marked, and counts by group.

`article_view` builds a rich renderable from an article and its claims (used by
`talkclaims show`); `count_by` aggregates claims for `talkclaims stats`. Both take the
records every writer takes, so what a person sees is what the exports say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from talkclaims.records import Claim

KIND_STYLES = {"direct": "on #1f5130", "mixed": "on #5e4a00", "indirect": "on #1d3a5f"}
MENTION_STYLE = "underline bold"
CUE_STYLE = "underline italic"
OUTLET_STYLE = "bold magenta"
GROUPS = ("speaker", "source", "cue", "doc", "kind")
NONE = "(none)"


def article_view(
    text: str, claims: Sequence[Claim], outlets: Iterable[tuple[int, int]] = ()
) -> RenderableType:
    """The article with each claim highlighted by kind and numbered, the speaker mention
    and cue underlined, outlets marked, and a legend of the numbered claims."""
    body = Text(text)
    for start, end in outlets:
        body.stylize(OUTLET_STYLE, start, end)
    for claim in claims:
        body.stylize(KIND_STYLES.get(claim.kind, "reverse"), claim.start, claim.end)
        mention, cue = claim.marks
        if mention is not None:
            body.stylize(MENTION_STYLE, *mention)
        if cue is not None:
            body.stylize(CUE_STYLE, *cue)
    # numbers before each claim: inserted from the end so earlier offsets stay valid
    for number, claim in sorted(enumerate(claims, 1), key=lambda x: -x[1].start):
        body = body[: claim.start] + Text(f"[{number}]", style="bold reverse") + body[claim.start :]
    legend = Table(title="claims", title_justify="left", show_lines=False)
    for column in ("#", "line", "kind", "speaker", "cue", "sources", "confidence"):
        legend.add_column(column, justify="right" if column in ("#", "line") else "left")
    for number, claim in enumerate(claims, 1):
        legend.add_row(
            str(number),
            str(claim.line),
            Text(claim.kind, style=KIND_STYLES.get(claim.kind, "")),
            claim.speaker or "—",
            claim.cue or "—",
            "; ".join(claim.sources) or "—",
            f"{claim.confidence:.2f}",
        )
    key = Text.assemble(
        ("direct", KIND_STYLES["direct"]), "  ",
        ("mixed", KIND_STYLES["mixed"]), "  ",
        ("indirect", KIND_STYLES["indirect"]), "  ",
        ("speaker", MENTION_STYLE), "  ",
        ("cue", CUE_STYLE), "  ",
        ("outlet", OUTLET_STYLE),
    )  # fmt: skip
    return Group(body, Text(), key, legend)


@dataclass(frozen=True, slots=True)
class Count:
    """One group of claims: its name, how many, and its share of all claims counted."""

    name: str
    claims: int
    share: float


def count_by(claims: Iterable[Claim], by: str) -> list[Count]:
    """Claims grouped by speaker, source, cue, doc or kind, most frequent first.

    A claim credited to two outlets counts once for each; claims with no value for the
    group are counted under « (none) ».
    """
    if by not in GROUPS:
        raise ValueError(f"cannot group by {by!r}; use one of {', '.join(GROUPS)}")
    counts: Counter[str] = Counter()
    for claim in claims:
        if by == "source":
            counts.update(claim.sources or [NONE])
        else:
            counts[getattr(claim, by) or NONE] += 1
    total = sum(counts.values())
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Count(name, n, n / total) for name, n in ordered]
