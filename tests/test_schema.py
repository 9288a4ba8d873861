"""The Article <-> output line round trip, and the published JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from sitrep.ingest.readers import make_article
from sitrep.schema import article_from_dict, article_to_dict, json_schema

TEXTS = [
    "Gunmen killed three villagers near Gao in northern Mali on Monday, officials said.",
    "Police fired tear gas at protesters in Santiago, Chile on Friday; 45 people were detained.",
    "No event here: the minister discussed the budget.",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", TEXTS)
def test_round_trip_through_the_output_line(pipeline, text):
    art = pipeline.run(make_article(id="rt", text=text, published="2021-05-07"))
    line = article_to_dict(art, include_text=True)
    again = article_to_dict(article_from_dict(json.loads(json.dumps(line))), include_text=True)
    assert again == line


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize(
    ("patch", "valid"),
    [
        ({}, True),
        ({"schema": "sitrep/2"}, False),
        ({"places": [{"start": 0, "end": 3, "text": "Gao"}]}, False),
        ({"dates": [{"start": 0, "end": 6, "text": "Monday", "value": "2021-05-03"}]}, True),
        ({"dates": [{"start": 0, "end": 6, "text": "Monday", "value": "last monday"}]}, False),
    ],
)
def test_schema_accepts_and_rejects(patch, valid):
    line = {"schema": "sitrep/1", "id": "x", "published": None, "error": None,
            "places": [], "dates": [], "events": [], **patch}
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors(line))
    assert (not errors) == valid, errors


@pytest.mark.slow
@pytest.mark.parametrize("text", TEXTS[:2])
def test_fast_event_to_dict_equals_asdict(pipeline, text):
    from dataclasses import asdict

    art = pipeline.run(make_article(id="rt", text=text, published="2021-05-07"))
    assert art.events
    for event in art.events:
        assert event.to_dict() == asdict(event)
