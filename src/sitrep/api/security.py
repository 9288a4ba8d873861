"""API tokens for writes (and for reads when the server is closed), and body size limits."""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_body
from .settings import ApiSettings

__all__ = ["BodySizeLimit", "require_read", "require_write", "who_of"]


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def _check_token(request: Request, what: str) -> None:
    settings: ApiSettings = request.app.state.settings
    if settings.token is None:
        raise ApiError(403, f"{what} are disabled: start the server with --token",
                       code="writes_disabled")
    given = _presented_token(request)
    if not given:
        raise ApiError(401, f"{what} need an API token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8")):
        raise ApiError(403, "the API token is not valid", code="bad_token")


def require_write(request: Request) -> None:
    """Dependency: every write carries the configured token."""
    _check_token(request, "writes")


def require_read(request: Request) -> None:
    """Dependency: reads carry the token only when the server is closed to anonymous reads."""
    if not request.app.state.settings.open_reads:
        _check_token(request, "reads")


def who_of(request: Request, given: str | None) -> str:
    """Who made a change: the body's ``who``, else the X-Sitrep-User header, else 'api'."""
    who = (given or request.headers.get("x-sitrep-user") or "api").strip()
    return who[:100] or "api"


class BodySizeLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with a 413 in the error shape.

    It reads the body first (bounded) so chunked uploads without Content-Length are
    limited too, then replays it to the application.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        payload: dict[str, Any] = error_body(
            413, f"request body is larger than {self.max_bytes} bytes")
        data = json.dumps(payload).encode("utf-8")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})
