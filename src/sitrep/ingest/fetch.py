"""Fetching a page safely: timeouts, a size limit, robots.txt, and no private addresses.

A feed names URLs chosen by someone else, so fetching them must not reach the machine's
own network (SSRF): every host is resolved and refused when any address is private,
loopback, link-local or reserved -- unless ``allow_private`` says otherwise (tests, an
intranet feed). Redirects are followed by hand so each hop is checked the same way.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

__all__ = ["USER_AGENT", "FetchError", "Page", "check_url", "fetch"]

USER_AGENT = "sitrep/0.1 (+https://github.com/sitrep; news event extraction)"
_MAX_REDIRECTS = 5


class FetchError(Exception):
    """A page could not or may not be fetched (the message says why)."""


@dataclass(slots=True)
class Page:
    """A fetched page: final URL, body bytes, and the content type the server gave."""

    url: str
    body: bytes
    content_type: str


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise :class:`FetchError` unless ``url`` is http(s) to a public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs are fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"{url}: cannot resolve {parts.hostname}: {exc}") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global or addr.is_multicast:
            raise FetchError(f"{url}: refused: {parts.hostname} is a private or local "
                             f"address ({addr}); use --allow-private to permit it")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # we follow redirects ourselves, checking every hop


_OPENER = urllib.request.build_opener(_NoRedirect)


def _get(url: str, *, timeout: float, max_bytes: int) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=timeout) as resp:
            body = resp.read(max_bytes + 1)
            status, headers = resp.status, dict(resp.headers.items())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), b""
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        raise FetchError(f"{url}: {exc}") from exc
    if len(body) > max_bytes:
        raise FetchError(f"{url}: larger than the {max_bytes} byte limit")
    return status, headers, body


@lru_cache(maxsize=1024)
def _robots(root: str, timeout: float, allow_private: bool) -> urllib.robotparser.RobotFileParser:
    parser = urllib.robotparser.RobotFileParser()
    try:
        check_url(root, allow_private=allow_private)
        status, _, body = _get(root + "/robots.txt", timeout=timeout, max_bytes=500_000)
    except FetchError:
        status, body = 404, b""
    if status in (401, 403):
        parser.disallow_all = True
    elif status == 200:
        parser.parse(body.decode("utf-8", "replace").splitlines())
    else:
        parser.allow_all = True
    return parser


def fetch(url: str, *, timeout: float = 10.0, max_bytes: int = 5_000_000,
          allow_private: bool = False, obey_robots: bool = True) -> Page:
    """GET ``url`` within the limits; raises :class:`FetchError` with the reason."""
    for _ in range(_MAX_REDIRECTS + 1):
        check_url(url, allow_private=allow_private)
        parts = urlsplit(url)
        if obey_robots:
            root = f"{parts.scheme}://{parts.netloc}"
            if not _robots(root, timeout, allow_private).can_fetch(USER_AGENT, url):
                raise FetchError(f"{url}: disallowed by robots.txt")
        status, headers, body = _get(url, timeout=timeout, max_bytes=max_bytes)
        if status in (301, 302, 303, 307, 308):
            location = headers.get("Location") or headers.get("location")
            if not location:
                raise FetchError(f"{url}: redirect without a Location")
            url = urljoin(url, location)
            continue
        if status != 200:
            raise FetchError(f"{url}: HTTP {status}")
        return Page(url=url, body=body,
                    content_type=headers.get("Content-Type") or headers.get("content-type", ""))
    raise FetchError(f"{url}: more than {_MAX_REDIRECTS} redirects")
