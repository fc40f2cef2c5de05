"""The `talkclaims` command: a thin layer over the library.

One module per command (`extract`, `show`, `report`, `stats`, `quotes`, `check`,
`evaluate`), what they share in `common`, the Typer application and the entry point in
`root`. Heavy imports
(spaCy, the model) happen inside the commands that need them, so `talkclaims --help` and
`talkclaims --version` answer at once. A user's mistake (a missing path, a bad pattern
file) gets a one-line message and an exit code, never a traceback: 0 all went well, 1
some input could not be processed, 2 usage error.
"""

from talkclaims.cli.root import app, main

__all__ = ["app", "main"]
