"""Shared fixtures: the built pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

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


def fold(s: str | None) -> str:
    """Lower case without accents ("Bogotá" -> "bogota"), for comparing place names."""
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower()


# Short keys of the passage tables -> contract fields.
_EVENT_FIELDS = {"low": "fatalities_low", "high": "fatalities_high"}


def assert_events(events: list[dict], expected: list[dict]) -> None:
    """The events of a passage table row: as many as expected, in the order first told,
    each with the fields its expectation names (``place`` is a substring of the folded
    location name, ``geo`` the geo precision, ``by`` keys of ``fatalities_by``; other
    keys are contract fields, ``low``/``high`` short for the fatality bounds)."""
    got = [(e["date"], (e.get("location") or {}).get("name"), e["fatalities"], e["wounded"])
           for e in events]
    assert len(events) == len(expected), got
    for ev, want in zip(events, expected, strict=True):
        for key, value in want.items():
            if key == "place":
                assert value in fold((ev.get("location") or {}).get("name")), got
            elif key == "geo":
                assert ev["location"]["geo_precision"] == value, got
            elif key == "by":
                for side, n in value.items():
                    assert (ev["fatalities_by"] or {}).get(side) == n, (ev["fatalities_by"], got)
            else:
                assert ev[_EVENT_FIELDS.get(key, key)] == value, (key, got)


@pytest.fixture
def check_events():
    """:func:`assert_events`, for the passage tables."""
    return assert_events
