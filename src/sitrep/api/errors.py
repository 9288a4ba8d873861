"""One JSON error shape for every route, and the handlers that produce it.

Every error response, whatever raised it (a route, validation, routing, the size limit,
an unexpected bug), has the body::

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}

``code`` is stable and machine-readable; ``message`` is one line for people; ``details``
lists per-field problems (``{"field": ..., "message": ...}``) or is empty.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .corrections import CorrectionError
from .repository import NotFoundError

__all__ = ["ApiError", "error_body", "install_error_handlers"]

_log = logging.getLogger("sitrep.api")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
          415: "unsupported_media_type", 422: "invalid_input", 500: "internal_error",
          502: "upstream_error", 503: "unavailable"}


class ApiError(Exception):
    """An error a route raises on purpose; becomes the shared JSON shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 details: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.details = details or []
        self.headers = headers


def error_body(status: int, message: str, *, code: str | None = None,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The error JSON object."""
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"),
                      "message": message, "details": details or []}}


def _respond(status: int, message: str, *, code: str | None = None,
             details: list[dict[str, Any]] | None = None,
             headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code=code, details=details),
                        status_code=status, headers=headers)


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _respond(exc.status, exc.message, code=exc.code, details=exc.details,
                    headers=exc.headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = [{"field": _field_name(e.get("loc", ())), "message": e.get("msg", "invalid")}
               for e in exc.errors()]
    first = details[0] if details else {"field": "body", "message": "invalid"}
    return _respond(422, f"invalid input: {first['field']}: {first['message']}",
                    details=details)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "")
    return _respond(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _not_found(_: Request, exc: Exception) -> JSONResponse:
    return _respond(404, str(exc))


async def _correction_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CorrectionError)
    return _respond(422, f"invalid correction: {exc}",
                    details=[{"field": exc.field, "message": exc.message}])


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    _log.exception("unhandled error", exc_info=exc)
    return _respond(500, "internal error; see the server log")


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the one error shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(CorrectionError, _correction_error)
    app.add_exception_handler(Exception, _unexpected)
