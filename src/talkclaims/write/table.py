"""The default format of `talkclaims extract`: a rich table per article, to read at a terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from talkclaims.records import Claim
from talkclaims.text.controls import printable
from talkclaims.write.rows import SOURCE_SEPARATOR


class TableWriter:
    """A rich table per document, for a person reading at a terminal."""

    def __init__(self, stream: IO[str], width: int | None = None) -> None:
        from rich.console import Console

        self.console = Console(file=stream, width=width, highlight=False)
        if width is None and not self.console.is_terminal:
            self.console.width = 120  # a file or a pipe: wide enough to keep columns whole
        self.count = 0

    def write(self, claims: Sequence[Claim], text: str | None = None) -> None:
        from rich.table import Table

        if not claims:
            return
        table = Table(title=_escape(claims[0].doc), title_justify="left", show_lines=True)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        # no minimum widths: on a narrow terminal every column shrinks and wraps at word
        # boundaries instead of the table running past the edge and being cut
        table.add_column("speaker", max_width=28)
        table.add_column("cue", max_width=16)
        table.add_column("sources", max_width=22)
        table.add_column("claim", ratio=1)
        styles = {"direct": "green", "mixed": "yellow", "indirect": "cyan"}
        for claim in claims:
            speaker = _escape(claim.speaker) if claim.speaker else "[dim]—[/dim]"
            if claim.speaker_mention and claim.speaker_mention != claim.speaker:
                speaker += f"\n[dim]({_escape(claim.speaker_mention)})[/dim]"
            if claim.speaker_type:
                # « person · f »: what kind of speaker, and the gender the article gives
                kind = claim.speaker_type
                if claim.speaker_gender:
                    kind += f" · {claim.speaker_gender}"
                speaker += f"\n[dim italic]{kind}[/dim italic]"
            table.add_row(
                str(claim.line),
                f"[{styles.get(claim.kind, 'white')}]{claim.kind}[/]",
                speaker,
                _escape(claim.cue or "—"),
                _escape(SOURCE_SEPARATOR.join(claim.sources) or "—"),
                _escape(claim.text),
            )
        self.console.print(table)
        self.count += len(claims)

    def close(self) -> None:
        if self.count == 0:
            self.console.print("[dim]No claims found.[/dim]")


def _escape(text: str) -> str:
    """Text for rich markup in a terminal: markup escaped, control characters visible."""
    from rich.markup import escape

    return escape(printable(text))
