"""``python -m talkclaims.cli``: the same command as ``talkclaims``."""

from talkclaims.cli import main

main()
