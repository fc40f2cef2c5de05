"""talkclaims: who said what, and according to whom, in French news articles.

The package is importable without spaCy: the model and the rules load only when a
document is parsed, so the command line starts fast and `talkclaims --help` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Claim", "__version__"]

from talkclaims.records import Claim
