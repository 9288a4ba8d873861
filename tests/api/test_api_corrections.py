"""Corrections are kept: re-extraction never overwrites them, exports carry them."""

from __future__ import annotations

import copy
import csv
import io

import pytest

from conftest import AUTH
from sitrep.api import EventFilters
from sitrep.api.corrections import CorrectionError, validate_correction
from sitrep.api.synthetic import synthetic_lines


def _reextracted(line: dict, **changes) -> dict:
    """The same article extracted again by a pipeline that now reads it differently."""
    again = copy.deepcopy(line)
    for event in again["events"]:
        event.update(changes)
    return again


def test_reextraction_keeps_corrected_fields_and_updates_the_rest(new_repo):
    repo = new_repo()
    line = synthetic_lines(1)[0]
    repo.add_article(line)
    eid = line["events"][0]["event_id"]
    repo.correct_event(eid, {"fatalities": 41, "location.admin1": "Corrected Region"},
                       who="ana")
    added = repo.add_article(_reextracted(line, fatalities=3, wounded=9))
    assert added.replaced
    event = repo.get_event(eid).event
    assert (event["fatalities"], event["location"]["admin1"]) == (41, "Corrected Region")
    assert event["wounded"] == 9  # an uncorrected field follows the new extraction
    assert event["status"] == "corrected"
    assert event["corrected_fields"] == ["fatalities", "location.admin1"]
    actions = [(r.action, r.who) for r in repo.get_event(eid).revisions]
    assert actions == [("extract", "sitrep"), ("correct", "ana"), ("re-extract", "sitrep")]


def test_reviews_survive_reextraction_and_vanished_events_go_unless_vouched_for(new_repo):
    repo = new_repo()
    line = synthetic_lines(1, events_per_article=3)[0]
    repo.add_article(line)
    ids = [e["event_id"] for e in line["events"]]
    repo.review_event(ids[0], "reject", who="ana")
    repo.review_event(ids[1], "accept", who="ana")
    fewer = copy.deepcopy(line)
    fewer["events"] = []  # the new pipeline finds nothing in the article
    repo.add_article(fewer)
    assert repo.get_event(ids[0]).event["status"] == "rejected"
    assert repo.get_event(ids[1]).event["status"] == "accepted"
    with pytest.raises(LookupError):
        repo.get_event(ids[2])


def test_api_correction_is_a_revision_and_reaches_every_export(client, repo):
    resp = client.patch("/events/syn-4-0", headers=AUTH | {"X-Sitrep-User": "ben"},
                        json={"fields": {"fatalities": 77, "sub_event_type": "Grenade"},
                              "note": "second source"})
    assert resp.status_code == 200
    rev = resp.json()["revision"]
    assert rev["who"] == "ben" and rev["action"] == "correct" and rev["note"] == "second source"
    assert rev["changes"]["fatalities"]["new"] == 77
    assert rev["when"].endswith("+00:00")
    event = resp.json()["event"]
    # A sub-event type brings its ACLED event type along.
    assert event["codes"]["acled"]["event_type"] == "Explosions/Remote violence"

    for line in synthetic_lines(30):  # the whole batch is extracted again
        repo.add_article(line)

    row = next(r for r in csv.DictReader(io.StringIO(client.get("/export.csv").text))
               if r["event_id"] == "syn-4-0")
    assert (row["fatalities"], row["sub_event_type"], row["status"]) == (
        "77", "Grenade", "corrected")
    geo = client.get("/export.geojson").json()
    feat = next(f for f in geo["features"] if f["id"] == "syn-4-0")
    assert feat["properties"]["fatalities"] == 77
    listed = client.get("/events?min_fatalities=77&type=Grenade").json()["items"]
    assert [r["event_id"] for r in listed] == ["syn-4-0"]
    assert repo.export("csv", EventFilters(country=("nowhere",))).count(b"\n") == 1


@pytest.mark.parametrize(("fields", "expected"), [
    ({"fatalities": 0}, {"fatalities": 0}),
    ({"fatalities": None}, {"fatalities": None}),
    ({"date": "2023-04-05"}, {"date": "2023-04-05"}),
    ({"location.country_code": "ml"}, {"location.country_code": "ML"}),
    ({"actor1": "  Wagner Group "}, {"actor1": "Wagner Group"}),
    ({"sub_event_type": "Peaceful protest"},
     {"sub_event_type": "Peaceful protest", "event_type": "Protests"}),
    ({"location.lat": -12.5, "location.lon": 130}, {"location.lat": -12.5,
                                                     "location.lon": 130.0}),
])
def test_valid_corrections_are_normalised(fields, expected):
    assert validate_correction(fields) == expected


@pytest.mark.parametrize(("fields", "bad_field"), [
    ({"fatalities": True}, "fatalities"),
    ({"fatalities": 2.5}, "fatalities"),
    ({"actor1_inter": 9}, "actor1_inter"),
    ({"date_precision": 4}, "date_precision"),
    ({"location.country_code": "Mali"}, "location.country_code"),
    ({"location.lon": 200}, "location.lon"),
    ({"event_id": "x"}, "event_id"),
])
def test_invalid_corrections_name_the_field(fields, bad_field):
    with pytest.raises(CorrectionError) as info:
        validate_correction(fields)
    assert info.value.field == bad_field


def test_correction_can_add_a_location_the_machine_missed(new_repo):
    repo = new_repo()
    line = synthetic_lines(1)[0]
    line["events"][0]["location"] = None
    repo.add_article(line)
    eid = line["events"][0]["event_id"]
    repo.correct_event(eid, {"location.name": "Timbuktu", "location.country_code": "ML"},
                       who="ana")
    loc = repo.get_event(eid).event["location"]
    assert (loc["name"], loc["country_code"], loc["lat"]) == ("Timbuktu", "ML", None)
