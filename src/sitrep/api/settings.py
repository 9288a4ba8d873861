"""Settings of the web service, fixed when it starts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["ApiSettings", "Fetcher"]

# A fetcher takes a URL and returns (body bytes, content type); it raises OSError-like
# errors (or httpx errors) when the page cannot be had. Tests inject one; no network then.
Fetcher = Callable[[str], tuple[bytes, str]]


@dataclass(slots=True)
class ApiSettings:
    """What an operator chooses at start.

    ``token``: the secret every write must carry (``Authorization: Bearer ...``); None
    disables writes. ``open_reads``: False makes reads need the token too.
    ``tile_url``: an optional online tile layer (``https://.../{z}/{x}/{y}.png``) the map
    offers as an option; by default the map uses only bundled country outlines.
    """

    token: str | None = None
    open_reads: bool = True
    max_body_bytes: int = 5_000_000
    max_page_size: int = 1000
    allow_fetch: bool = True
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5_000_000
    max_feed_items: int = 50
    tile_url: str | None = None
    fetcher: Fetcher | None = None
