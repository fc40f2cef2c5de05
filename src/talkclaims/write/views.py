"""Ways to look at claims: an article with its claims marked, and counts by group.

`article_view` builds a rich renderable from an article and its claims (used by
`talkclaims show`); `count_by` aggregates claims for `talkclaims stats` and
`counts_table` shows the counts (`talkclaims.write.writers.write_counts` writes them in
every format); `scores_table` and `mismatch_lines` show what `talkclaims evaluate`
scored. All take the records every writer takes, so what a person sees is what the
exports say.
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

from talkclaims.records import Claim
from talkclaims.write.writers import printable

if TYPE_CHECKING:
    from talkclaims.qa.evaluate import DocResult, Scores

#: Backgrounds by kind, taken from the 256-colour palette (green, ochre, blue) so that a
#: 256-colour terminal shows them as they are instead of rounding two to one colour.
KIND_STYLES = {"direct": "on color(22)", "mixed": "on color(94)", "indirect": "on color(24)"}
MENTION_STYLE = "underline bold"
CUE_STYLE = "underline italic"
OUTLET_STYLE = "bold magenta"
GROUPS = ("speaker", "source", "cue", "doc", "kind")
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


def counts_table(counts: Sequence[Count], by: str) -> Table:
    """Counts as a table for a person: one row per group, its claims and its share in %."""
    table = Table(title=f"claims by {by}", title_justify="left")
    table.add_column(by)
    table.add_column("claims", justify="right")
    table.add_column("share", justify="right")
    for count in counts:
        table.add_row(_cell(count.name), str(count.claims), f"{count.share:.1%}")
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
    what a person reads to see where the extractor and the gold disagree."""
    for r in results:
        for g in r.missed:
            who = g.speakers[0] if g.speakers else None
            yield (
                f"[red]missed[/red]  {r.doc} [{g.kind}] {escape(str(who))}: {escape(g.text[:100])}"
            )
        for p in r.extra:
            yield (
                f"[yellow]extra[/yellow]   {r.doc}:{p.line} [{p.kind}/{p.rule}] "
                f"{escape(str(p.speaker))}: {escape(p.text[:100])}"
            )
        for m in r.matches:
            if not m.speaker_ok:
                said = escape(str(m.pred.speaker))
                accepted = escape(str(list(m.gold.speakers or [])))
                yield (
                    f"[magenta]speaker[/magenta] {r.doc}:{m.pred.line} {said} ≠ {accepted}: "
                    f"{escape(m.gold.text[:80])}"
                )
