"""RSS and Atom feeds: each entry becomes an Article, from the linked page when fetched.

The feed itself is a URL (fetched with :func:`sitrep.ingest.fetch.fetch`) or a file.
An entry's page is fetched and its article text extracted from the HTML; when fetching
is off or fails, the entry's own summary or content stands in, with a diagnostic.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser

from ..article import Article
from .decode import decode_bytes
from .fetch import FetchError, fetch
from .readers import make_article

__all__ = ["read_feed"]


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return date.fromtimestamp(time.mktime(value))
    return None


def _entry_html(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return entry.get("summary")


def _entry_id(feed_url: str, entry: Any) -> str:
    key = entry.get("id") or entry.get("link") or entry.get("title") or ""
    return "feed-" + hashlib.sha1(f"{feed_url}#{key}".encode()).hexdigest()[:16]


def read_feed(source: str, *, allow_private: bool = False, fetch_pages: bool = True,
              timeout: float = 10.0, max_bytes: int = 5_000_000,
              published: date | None = None) -> Iterator[Article]:
    """Articles from one feed (URL or file), in feed order."""
    if source.lower().startswith(("http://", "https://")):
        try:
            body = fetch(source, timeout=timeout, max_bytes=max_bytes,
                         allow_private=allow_private).body
        except FetchError as exc:
            yield Article(id=source, text="", url=source, error=f"feed not fetched: {exc}")
            return
    else:
        body = Path(source).read_bytes()
    parsed = feedparser.parse(body)
    outlet = parsed.feed.get("title")
    for entry in parsed.entries:
        link = entry.get("link")
        art_id = _entry_id(source, entry)
        fields = {"id": art_id, "title": entry.get("title"), "url": link, "source": outlet,
                  "published": _entry_date(entry), "default_published": published}
        note = None
        if fetch_pages and link:
            try:
                page = fetch(link, timeout=timeout, max_bytes=max_bytes,
                             allow_private=allow_private)
                decoded = decode_bytes(page.body)
                if decoded.text is not None:
                    art = make_article(html=decoded.text, **fields)
                    if not art.error:
                        yield art
                        continue
                    note = art.error
            except FetchError as exc:
                note = str(exc)
        summary = _entry_html(entry)
        if not summary:
            yield Article(id=art_id, text="", url=link, title=entry.get("title"),
                          error=f"no text: {note or 'the entry has no summary'}")
            continue
        art = make_article(html=f"<html><body><p>{summary}</p></body></html>", **fields)
        if art.error:  # too short for the boilerplate remover: keep the summary's words
            art = make_article(text=_strip_tags(summary), **fields)
        if note:
            art.diagnose("ingest", "page-not-fetched", f"using the feed summary: {note}")
        yield art


def _strip_tags(html: str) -> str:
    import re
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
