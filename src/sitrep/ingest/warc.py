"""WARC archives (e.g. Common Crawl's news crawl): each HTML response is an Article."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from ..article import Article
from .decode import decode_bytes
from .readers import make_article, parse_published

__all__ = ["read_warc"]

_MAX_BYTES = 5_000_000


def read_warc(path: Path, *, published: date | None = None) -> Iterator[Article]:
    """Articles from the HTML ``response`` records of a (gzipped) WARC file, in order."""
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            art_id = "warc-" + hashlib.sha1((url or "").encode()).hexdigest()[:16]
            body = record.content_stream().read(_MAX_BYTES + 1)
            if len(body) > _MAX_BYTES:
                yield Article(id=art_id, text="", url=url, error="page over the size limit")
                continue
            decoded = decode_bytes(body)
            if decoded.text is None:
                yield Article(id=art_id, text="", url=url, error=decoded.error)
                continue
            try:
                crawled = parse_published(record.rec_headers.get_header("WARC-Date"))
            except ValueError:
                crawled = None
            # the crawl date bounds the publication date; the page's own date wins
            yield make_article(id=art_id, html=decoded.text, url=url,
                               default_published=published or crawled)
