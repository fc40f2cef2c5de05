"""Web pages: their main text and what they say of themselves, found by trafilatura
(imported only when a page is read). Saved pages (`talkclaims.read.readers.read_html`)
and the pages of a web archive (`talkclaims.read.warc`) both come through here.
"""

from __future__ import annotations


def html_article(html: str, url: str | None = None) -> tuple[str | None, dict[str, str]]:
    """The main text of a web page, found by trafilatura (menus, footers and comments left
    out; None when there is none), and what the page says of itself: ``title``,
    publication ``date`` (YYYY-MM-DD), site name as ``outlet``, and ``url`` (its canonical
    URL, else ``url`` as given, the address it was fetched from).

    Saved pages and pages of a web archive both come through here, so they carry the same
    metadata. Dates are only those the page marks up (meta tags, JSON-LD, time elements,
    the URL): htmldate's extensive search would take a « © 2026 » footer for the
    publication date. Without a site name of its own, a page with a URL gets its domain
    (trafilatura's choice), so that articles of one site group together.
    """
    import trafilatura  # heavy: only when there is HTML to read

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        return None, {}
    found = trafilatura.extract_metadata(html, default_url=url, extensive=False)
    values = {
        "url": getattr(found, "url", None) or url,
        "title": getattr(found, "title", None),
        "date": getattr(found, "date", None),
        "outlet": getattr(found, "sitename", None),
    }
    return text, {key: value for key, value in values.items() if value}
