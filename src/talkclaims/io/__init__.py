"""Documents in (files, dumps, HTML pages) and records out (formats, views, the report)."""
