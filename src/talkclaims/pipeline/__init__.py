"""The spaCy side: the French model as talkclaims loads it, its helper components, and
the ``talkclaims`` component that puts claims on a Doc."""
