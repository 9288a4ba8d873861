"""What makes two ingested articles the same article: canonical URL, else content hash."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["article_key", "canonical_url", "content_hash"]

# query parameters that track the reader, not the page
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|"
                       r"smid|sr_share|at_medium|at_campaign)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str | None:
    """The URL with scheme and host lower-cased, default port, fragment and tracking
    parameters dropped, and no trailing slash; None for anything that is not http(s)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port if parts.port not in (None, 80, 443) else None
    netloc = f"{host}:{port}" if port else host
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", netloc, path, query, ""))


def content_hash(text: str) -> str:
    """SHA-1 of the text with whitespace runs collapsed (re-wrapped copies match)."""
    return hashlib.sha1(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def article_key(url: str | None, text: str) -> str:
    """``url:<canonical URL>`` when the article has an http(s) URL, else ``sha1:<hash>``."""
    canon = canonical_url(url)
    return f"url:{canon}" if canon else f"sha1:{content_hash(text)}"
