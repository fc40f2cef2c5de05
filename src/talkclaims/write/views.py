"""Ways to look at claims: an article with its claims marked, and counts by group.

`article_view` builds a rich renderable from an article and its claims (used by
`talkclaims show`); `count_by` and `cross_count` aggregate claims for `talkclaims
stats`, `counts_table` and `cross_table` show the counts
(`talkclaims.write.counts.write_counts` writes them in every format); `scores_table`
and `mismatch_lines` show what `talkclaims evaluate` scored. All take the records every
writer takes, so what a person sees is what the exports say.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from talkclaims.records import GENDERS, KINDS, SPEAKER_TYPES, Claim
from talkclaims.text.controls import printable

if TYPE_CHECKING:
    from talkclaims.qa.evaluate import DocResult, Scores

#: Backgrounds by kind, taken from the 256-colour palette (green, ochre, blue) so that a
#: 256-colour terminal shows them as they are instead of rounding two to one colour.
KIND_STYLES = {"direct": "on color(22)", "mixed": "on color(94)", "indirect": "on color(24)"}
MENTION_STYLE = "underline bold"
CUE_STYLE = "underline italic"
OUTLET_STYLE = "bold magenta"
#: What claims are counted by: ``source`` is each outlet a claim is credited to,
#: ``outlet`` the publication the article comes from (JSON Lines metadata).
GROUPS = (
    "speaker", "source", "cue", "doc", "kind", "speaker_type", "speaker_gender", "outlet",
)  # fmt: skip
NONE = "(none)"


def article_view(
    text: str, claims: Sequence[Claim], outlets: Iterable[tuple[int, int]] = ()
) -> RenderableType:
    """The article with each claim highlighted by kind and numbered, the speaker mention
    and cue underlined, outlets marked, and a legend of the numbered claims.

    Control characters of the article (an escape sequence that would retitle or clear
    the terminal) are shown as visible characters (`printable`), one for one, so the
    offsets of the claims still mark the right words."""
    body = Text(printable(text))
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
            _cell(claim.speaker or "—"),
            _cell(claim.cue or "—"),
            _cell("; ".join(claim.sources) or "—"),
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


def _cell(value: str) -> str:
    """A table cell from article words: markup escaped, control characters visible."""
    return escape(printable(value))


@dataclass(frozen=True, slots=True)
class Count:
    """One group of claims: its name, how many, and its share of all claims counted."""

    name: str
    claims: int
    share: float


def _values(claim: Claim, by: str) -> list[str]:
    """The groups ``claim`` counts in: one, but one per outlet for ``source``, and
    « (none) » for a claim with no value (no speaker, no cue, no outlet metadata…)."""
    if by == "source":
        return list(claim.sources) or [NONE]
    return [getattr(claim, by) or NONE]


def _most_first(counts: Counter[str]) -> list[tuple[str, int]]:
    """Groups most frequent first, ties by name: an order that is the same on every run."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def count_by(claims: Iterable[Claim], by: str) -> list[Count]:
    """Claims grouped by one of `GROUPS`, most frequent first.

    A claim credited to two outlets counts once for each; claims with no value for the
    group are counted under « (none) ».
    """
    if by not in GROUPS:
        raise ValueError(f"cannot group by {by!r}; use one of {', '.join(GROUPS)}")
    counts: Counter[str] = Counter()
    for claim in claims:
        counts.update(_values(claim, by))
    total = sum(counts.values())
    return [Count(name, n, n / total) for name, n in _most_first(counts)]


def parse_groups(text: str) -> tuple[str, ...]:
    """``--by`` as written (« speaker », « outlet,speaker_type »): one or two `GROUPS`.

    Raises ValueError with a message for the user (an unknown key, more than two keys,
    a key twice), so that the command can refuse before reading any article.
    """
    keys = tuple(key.strip() for key in text.split(","))
    for key in keys:
        if key not in GROUPS:
            shown = repr(key) if key else "an empty key"
            raise ValueError(f"--by: cannot group by {shown}; use one of {', '.join(GROUPS)}")
    if len(keys) > 2:
        raise ValueError(f"--by: at most two keys (FIRST,SECOND), not {len(keys)}: {text!r}")
    if len(keys) == 2 and keys[0] == keys[1]:
        raise ValueError(f"--by: {keys[0]!r} twice; cross two different keys")
    return keys


#: Columns of a cross-table whose second key has a fixed set of values: all of them,
#: in this order, even when a run has none, so that two runs give the same columns.
#: « (none) » is a column where the value can be missing (claims without a speaker).
FIXED_COLUMNS = {
    "kind": KINDS,
    "speaker_type": (*SPEAKER_TYPES, NONE),
    "speaker_gender": (*GENDERS, NONE),
}


@dataclass(frozen=True, slots=True)
class CrossRow:
    """One value of the first key: its claims, and how many of them have each value of
    the second key (`CrossTable.columns`)."""

    name: str
    claims: int
    counts: tuple[int, ...]

    @property
    def shares(self) -> tuple[float, ...]:
        """Each column's count over the row's claims. They add up to 1 but for a second
        key of ``source``, where a claim credited to two outlets counts in both."""
        return tuple(n / self.claims for n in self.counts)


@dataclass(frozen=True, slots=True)
class CrossTable:
    """Claims counted by two keys (``stats --by FIRST,SECOND``): one row per value of
    ``first``, most claims first, one column per value of ``second``."""

    first: str
    second: str
    columns: tuple[str, ...]
    rows: tuple[CrossRow, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The columns' headers in a table or a CSV file: the value, but ``SECOND=value``
        for a value named like a header before it (the speaker type « outlet » in
        ``--by outlet,speaker_type``), so that no file has two columns of one name."""
        taken = (self.first, "claims")
        return tuple(f"{self.second}={c}" if c in taken else c for c in self.columns)


def cross_count(claims: Iterable[Claim], first: str, second: str) -> CrossTable:
    """Claims counted by ``first`` and, within each of its values, by ``second``.

    Rows go most claims first (ties by name). Columns of ``kind``, ``speaker_type`` and
    ``speaker_gender`` are all their values in `FIXED_COLUMNS` order; other keys give a
    column per value seen, the most frequent first. Missing values are « (none) », as in
    `count_by`; a claim credited to two outlets counts for each.
    """
    for key in (first, second):
        if key not in GROUPS:
            raise ValueError(f"cannot group by {key!r}; use one of {', '.join(GROUPS)}")
    rows: Counter[str] = Counter()
    cells: Counter[tuple[str, str]] = Counter()
    seen: Counter[str] = Counter()
    for claim in claims:
        seconds = _values(claim, second)
        for name in _values(claim, first):
            rows[name] += 1
            cells.update((name, value) for value in seconds)
        seen.update(seconds)
    fixed = FIXED_COLUMNS.get(second, ())
    extra = [name for name, _ in _most_first(seen) if name not in fixed]
    columns = (*fixed, *extra)
    return CrossTable(
        first,
        second,
        columns,
        tuple(
            CrossRow(name, n, tuple(cells[name, column] for column in columns))
            for name, n in _most_first(rows)
        ),
    )


def counts_table(counts: Sequence[Count], by: str) -> Table:
    """Counts as a table for a person: one row per group, its claims and its share in %."""
    table = Table(title=f"claims by {by}", title_justify="left")
    table.add_column(by)
    table.add_column("claims", justify="right")
    table.add_column("share", justify="right")
    for count in counts:
        table.add_row(_cell(count.name), str(count.claims), f"{count.share:.1%}")
    return table


def cross_table(cross: CrossTable) -> Table:
    """A cross-table for a person: a row per value of the first key, its claims, then
    for each value of the second key its count and its share of the row in %."""
    table = Table(title=f"claims by {cross.first} and {cross.second}", title_justify="left")
    table.add_column(_cell(cross.first))
    table.add_column("claims", justify="right")
    for label in cross.labels:
        table.add_column(_cell(label), justify="right")
        table.add_column(f"{_cell(label)} %", justify="right")
    for row in cross.rows:
        cells = [_cell(row.name), str(row.claims)]
        for n, share in zip(row.counts, row.shares, strict=True):
            cells += [str(n), f"{share:.1%}"]
        table.add_row(*cells)
    return table


def _share(value: float) -> str:
    """A score with three decimals; « — » for a score over nothing (no gold source, no
    prediction), which must not read as a perfect 1.000."""
    return "—" if math.isnan(value) else f"{value:.3f}"


#: The rows of `scores_table`: a label and how a `Scores` is written in its cell.
SCORE_ROWS = (
    ("gold / predicted / matched", lambda s: f"{s.gold} / {s.predicted} / {s.matched}"),
    ("claims precision", lambda s: _share(s.precision)),
    ("claims recall", lambda s: _share(s.recall)),
    ("claims F1", lambda s: _share(s.f1)),
    ("speaker accuracy", lambda s: _share(s.speaker_accuracy)),
    ("attributed F1", lambda s: _share(s.attributed_f1)),
    ("sources precision", lambda s: _share(s.sources_precision)),
    ("sources recall", lambda s: _share(s.sources_recall)),
    ("sources F1", lambda s: _share(s.sources_f1)),
    ("cue accuracy", lambda s: _share(s.cue_accuracy)),
    ("speaker type accuracy", lambda s: _share(s.speaker_type_accuracy)),
    ("speaker gender accuracy", lambda s: _share(s.speaker_gender_accuracy)),
)


def scores_table(scores: Sequence[Scores], articles: int, kinds: Sequence[str]) -> Table:
    """Every metric of ``talkclaims evaluate``, one column per overlap threshold."""
    table = Table(title=f"{articles} articles, kinds {','.join(kinds)}", title_justify="left")
    table.add_column("metric")
    for s in scores:
        table.add_column(f"overlap ≥ {s.threshold:.0%}", justify="right")
    for label, cell in SCORE_ROWS:
        table.add_row(label, *(cell(s) for s in scores))
    return table


def mismatch_lines(results: Sequence[DocResult]) -> Iterator[str]:
    """Rich markup, one line per missed, extra or misattributed claim, article by article:
    what a person reads to see where the extractor and the gold disagree. Every value
    from the articles or the gold (names, words, file names) is shown as text: markup
    escaped, control characters visible (`printable`)."""
    for r in results:
        doc = _cell(r.doc)
        for g in r.missed:
            who = g.speakers[0] if g.speakers else None
            yield (
                f"[red]missed[/red]  {doc} {_cell(f'[{g.kind}]')} {_cell(str(who))}: "
                f"{_cell(g.text[:100])}"
            )
        for p in r.extra:
            yield (
                f"[yellow]extra[/yellow]   {doc}:{p.line} {_cell(f'[{p.kind}/{p.rule}]')} "
                f"{_cell(str(p.speaker))}: {_cell(p.text[:100])}"
            )
        for m in r.matches:
            if not m.speaker_ok:
                said = _cell(str(m.pred.speaker))
                accepted = _cell(str(list(m.gold.speakers or [])))
                yield (
                    f"[magenta]speaker[/magenta] {doc}:{m.pred.line} {said} ≠ {accepted}: "
                    f"{_cell(m.gold.text[:80])}"
                )
