"""Shared fixtures: the built pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.passages import assert_events

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline.default()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared development data is not beside the repo")
    return SHARED


@pytest.fixture
def extract(pipeline):
    """Run the full pipeline on a text; returns the contract dict."""
    from sitrep.ingest.readers import make_article
    from sitrep.schema import article_to_dict

    def run(text: str, published: str | None = None, id: str = "t") -> dict:
        return article_to_dict(pipeline.run(make_article(id=id, text=text, published=published)))

    return run


@pytest.fixture
def check_events():
    """:func:`assert_events`, for the passage tables."""
    return assert_events
