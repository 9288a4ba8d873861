"""Fixtures of the API tests: an app over a store of synthetic articles.

Every test that uses ``repo`` (or ``client``) runs twice: over the in-memory store and
over the embedded DuckDB store, which must behave the same through the API.
"""

from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():
    # Starlette's TestClient warns (at import) that it prefers httpx2; httpx works fine.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sitrep.api import ApiSettings, InMemoryRepository, create_app
from sitrep.api.duckdb_repository import DuckDBRepository
from sitrep.api.synthetic import synthetic_lines

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
KINDS = ("memory", "duckdb")


@pytest.fixture(params=KINDS)
def new_repo(request, tmp_path):
    """A factory of empty repositories of one kind (closed at the end of the test)."""
    made = []

    def make():
        if request.param == "memory":
            return InMemoryRepository()
        repo = DuckDBRepository(tmp_path / f"store{len(made)}.duckdb")
        made.append(repo)
        return repo

    yield make
    for repo in made:
        repo.close()


@pytest.fixture
def repo(new_repo):
    store = new_repo()
    for line in synthetic_lines(30):
        store.add_article(line)
    return store


def make_client(repo, **settings) -> TestClient:
    settings.setdefault("token", TOKEN)
    return TestClient(create_app(repo, ApiSettings(**settings)))


@pytest.fixture
def client(repo) -> TestClient:
    return make_client(repo)


@pytest.fixture
def make(repo):
    """Build a client over the same store with other settings."""
    return lambda **kw: make_client(repo, **kw)
