"""Main text of an HTML page, boilerplate removed (trafilatura), plus its metadata."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ExtractedPage", "extract_html"]


@dataclass(slots=True)
class ExtractedPage:
    """What trafilatura found in a page."""

    text: str | None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None


def extract_html(html: str, *, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata; ``text`` is None when nothing was found."""
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                               favor_precision=True)
    meta = trafilatura.extract_metadata(html, default_url=url)
    if not text:
        return ExtractedPage(None)
    return ExtractedPage(text, title=getattr(meta, "title", None),
                         date=getattr(meta, "date", None), url=getattr(meta, "url", None) or url,
                         source=getattr(meta, "sitename", None))
