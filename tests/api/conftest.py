"""Fixtures of the API tests: an app over an in-memory store of synthetic articles."""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    # Starlette's TestClient warns (at import) that it prefers httpx2; httpx works fine.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sitrep.api import ApiSettings, InMemoryRepository, create_app
from sitrep.api.synthetic import synthetic_lines

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def repo() -> InMemoryRepository:
    store = InMemoryRepository()
    for line in synthetic_lines(30):
        store.add_article(line)
    return store


def make_client(repo: InMemoryRepository, **settings) -> TestClient:
    settings.setdefault("token", TOKEN)
    return TestClient(create_app(repo, ApiSettings(**settings)))


@pytest.fixture
def client(repo) -> TestClient:
    return make_client(repo)


@pytest.fixture
def make(repo):
    """Build a client over the same store with other settings."""
    return lambda **kw: make_client(repo, **kw)
