"""Acceptance on the seed article (../shared/examples/ben-guerdan.txt), through the CLI."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from tests.contract import check_line

pytestmark = pytest.mark.slow


def _km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module", params=["2016-03-09", None], ids=["published", "no-date"])
def seed_line(request, shared_dir):
    path = shared_dir / "examples" / "ben-guerdan.txt"
    args = [sys.executable, "-m", "sitrep.cli", "extract", str(path)]
    if request.param:
        args += ["--published", request.param]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(lines) == 1
    return lines[0], path.read_text(encoding="utf-8")


def test_valid_against_schema_with_evidence(seed_line):
    line, text = seed_line
    assert line["error"] is None
    check_line(line, text)


def test_monday_attack(seed_line):
    line, _ = seed_line
    attacks = [e for e in line["events"] if e["date"] == "2016-03-07"
               and e["codes"]["acled"]["event_type"] == "Battles"]
    assert len(attacks) == 1, [(e["date"], e["codes"]) for e in line["events"]]
    ev = attacks[0]
    loc = ev["location"]
    assert loc["geonameid"] == 2472431 and loc["country_code"] == "TN"
    assert _km(loc["lat"], loc["lon"], 33.14, 11.22) < 10
    names = {ev["actor1"]["name"], ev["actor2"]["name"]}
    assert names == {"Islamic State", "Military Forces of Tunisia"}
    assert ev["fatalities"] == 55
    assert ev["fatalities_by"]["civilians"] == 7
    by_actor = {ev["actor1"]["name"]: ev["fatalities_by"]["actor1"],
                ev["actor2"]["name"]: ev["fatalities_by"]["actor2"]}
    assert by_actor == {"Islamic State": 36, "Military Forces of Tunisia": 12}


def test_raids_and_arrests(seed_line):
    line, _ = seed_line
    later = [e for e in line["events"] if e["date"] in ("2016-03-08", "2016-03-09")]
    assert any(e["fatalities"] == 7 for e in later), later
    assert any(e["arrested"] == 10 for e in later)


def test_arms_caches_and_no_background(seed_line):
    line, _ = seed_line
    types = [e["codes"]["acled"]["event_type"] for e in line["events"] if e["codes"]["acled"]]
    assert "Strategic developments" in types
    for ev in line["events"]:
        assert ev["location"]["country_code"] not in ("SY", "IQ", "LY")
        assert not (ev["date"] or "").startswith("2011")
        assert ev["fatalities"] != 3000 and ev["arrested"] != 3000


def test_four_events_with_the_raids_a_clash(seed_line):
    """Attack (Monday), raids that killed seven (a clash: the toll outranks the weapons
    they recovered), the Wednesday clash outside the town, and the arms caches found
    after the attack (a seizure of its own)."""
    line, _ = seed_line
    events = line["events"]
    assert len(events) == 4, [(e["date"], e["codes"]["acled"]) for e in events]
    raids = [e for e in events if e["fatalities"] == 7]
    assert len(raids) == 1
    assert raids[0]["codes"]["acled"]["sub_event_type"] == "Armed clash"
    assert raids[0]["date"] in ("2016-03-08", "2016-03-09")
    caches = [e for e in events if (e["codes"]["acled"] or {}).get("sub_event_type")
              == "Disrupted weapons use"]
    assert len(caches) == 1 and not caches[0]["fatalities"]
    assert caches[0]["location"]["geonameid"] == 2472431
    clashes = [e for e in events if e["codes"]["acled"]["event_type"] == "Battles"
               and not e["fatalities"]]
    assert len(clashes) == 1
