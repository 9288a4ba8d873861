"""The REST service: FastAPI app over a ``Repository`` (embedded store or in-memory)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["ApiSettings", "EventFilters", "InMemoryRepository", "Repository", "Sort",
           "create_app"]

# Loaded on first use: FastAPI is slow to import and `sitrep extract` never needs it.
_HOMES = {"create_app": ".app", "InMemoryRepository": ".memory", "EventFilters": ".repository",
          "Repository": ".repository", "Sort": ".repository", "ApiSettings": ".settings"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
