"""The REST service: FastAPI app over a ``Repository`` (embedded store or in-memory)."""

from __future__ import annotations

from .app import create_app
from .memory import InMemoryRepository
from .repository import EventFilters, Repository, Sort
from .settings import ApiSettings

__all__ = ["ApiSettings", "EventFilters", "InMemoryRepository", "Repository", "Sort",
           "create_app"]
