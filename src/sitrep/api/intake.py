"""Getting articles into the store: pasted text or HTML, a URL, uploaded files, a feed.

Each path ends the same way: an ``Article`` goes through the default pipeline and its
output line (with its text) is handed to the repository. Fetching uses httpx with a
timeout and a size cap, or the fetcher the settings inject (tests: no network).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..article import Article
from ..ingest.readers import InputError, read_path
from ..pipeline import Pipeline
from ..schema import article_to_dict
from .errors import ApiError
from .repository import AddedArticle, Repository
from .settings import ApiSettings

__all__ = ["FeedItem", "content_id", "feed_date", "fetch", "ingest_articles", "parse_feed",
           "read_upload"]

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson")


def content_id(prefix: str, content: str) -> str:
    """A stable article id from its content, so posting the same article twice replaces it."""
    return f"{prefix}-{hashlib.sha1(content.encode('utf-8')).hexdigest()[:12]}"


def ingest_articles(repo: Repository, articles: list[Article]) -> list[AddedArticle]:
    """Extract every article and store it; articles that failed are stored with their error."""
    pipeline = Pipeline.default()
    added = []
    for article in articles:
        done = article if article.error else pipeline.run(article)
        added.append(repo.add_article(article_to_dict(done, include_text=True)))
    return added


def _http_fetch(url: str, settings: ApiSettings) -> tuple[bytes, str]:
    import httpx  # imported here: only URL and feed intake need it

    with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=True,
                      headers={"User-Agent": "sitrep/0.1"}) as client, \
            client.stream("GET", url) as resp:
        resp.raise_for_status()
        body = bytearray()
        for chunk in resp.iter_bytes():
            body += chunk
            if len(body) > settings.fetch_max_bytes:
                raise ApiError(413, f"{url} is larger than {settings.fetch_max_bytes} bytes")
        return bytes(body), resp.headers.get("content-type", "")


def fetch(url: str, settings: ApiSettings) -> tuple[bytes, str]:
    """The body and content type at ``url`` (http or https only); ApiError 4xx/502 else."""
    if not re.match(r"^https?://[^\s/]+", url):
        raise ApiError(422, "url must start with http:// or https://",
                       details=[{"field": "url", "message": "not an http(s) URL"}])
    if not settings.allow_fetch:
        raise ApiError(403, "fetching URLs is disabled on this server", code="fetch_disabled")
    try:
        if settings.fetcher is not None:
            return settings.fetcher(url)
        return _http_fetch(url, settings)
    except ApiError:
        raise
    except Exception as exc:  # network errors of any kind become one clean 502
        raise ApiError(502, f"could not fetch {url}: {exc}") from exc


def read_upload(filename: str, data: bytes) -> list[Article]:
    """Articles in one uploaded file (.txt, .html or .jsonl), read as ``sitrep extract`` does."""
    name = _SAFE_NAME.sub("_", Path(filename or "upload.txt").name) or "upload.txt"
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ApiError(415, f"{filename!r}: upload .txt, .html or .jsonl files",
                       details=[{"field": "files", "message": "unsupported file type"}])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            return list(read_path(path))
        except InputError as exc:
            raise ApiError(422, str(exc)) from exc


@dataclass(slots=True)
class FeedItem:
    """One entry of an RSS or Atom feed (``html`` is its content or summary, if any)."""

    url: str | None
    title: str | None
    published: str | None
    html: str | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(node: ET.Element, *names: str) -> str | None:
    for child in node:
        if _local(child.tag) in names:
            if _local(child.tag) == "link" and child.get("href"):
                return child.get("href")
            if child.text and child.text.strip():
                return child.text.strip()
    return None


def parse_feed(data: bytes) -> Iterator[FeedItem]:
    """Entries of an RSS 2.0 or Atom feed, in document order (ApiError 422 if not a feed)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ApiError(422, f"not an RSS or Atom feed: {exc}") from exc
    entries = [n for n in root.iter() if _local(n.tag) in ("item", "entry")]
    if _local(root.tag) not in ("rss", "feed", "rdf") and not entries:
        raise ApiError(422, "not an RSS or Atom feed: no <item> or <entry> elements")
    for node in entries:
        yield FeedItem(
            url=_child_text(node, "link", "guid", "id"),
            title=_child_text(node, "title"),
            published=_child_text(node, "pubdate", "published", "updated", "date"),
            html=_child_text(node, "encoded", "content") or _child_text(node, "description",
                                                                       "summary"),
        )


def feed_date(value: str | None) -> str | None:
    """An RSS (RFC 822) or Atom (ISO 8601) date as an ISO date; None when unreadable."""
    if not value:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None
