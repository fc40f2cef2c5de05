"""``python -m talkclaims``: the same command as ``talkclaims``."""

from talkclaims.cli import main

main()
