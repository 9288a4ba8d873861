"""Migration 2: corrections and reviews outlive re-ingest and re-extraction; every reader
(the effective view, ``sitrep query``, every export format) carries the corrected values."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date

import duckdb
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from sitrep.api.corrections import EDITABLE_FIELDS
from sitrep.api.synthetic import synthetic_lines
from sitrep.export import export_events
from sitrep.schema import article_from_dict
from sitrep.store import EventFilter, Store, migrations, select_events
from sitrep.store.articles import put_article
from sitrep.store.commands import register
from sitrep.store.fields import CORRECTABLE
from sitrep.store.ingest import IngestOptions, ingest
from sitrep.store.review import correct, history, review

# Two reports of one incident (dedup merges them) and an unrelated one; written for tests.
FIRST = {"id": "kaya-1", "url": "https://example.org/kaya", "published": "2021-04-03",
         "text": "Gunmen attacked a market in Kaya, Burkina Faso, on Friday, killing 12 "
                 "traders, the regional governor said."}
SECOND = {"id": "kaya-2", "url": "https://other.example.net/kaya", "published": "2021-04-03",
          "text": "At least 15 traders were killed on Friday when gunmen attacked a market in "
                  "Kaya, Burkina Faso, officials said."}
OTHER = {"id": "lagos", "published": "2021-06-14",
         "text": "Police arrested 40 protesters in Lagos, Nigeria, on Saturday during a march "
                 "against fuel prices."}


def _ingest(store, tmp_path, *articles):
    src = tmp_path / f"in{len(list(tmp_path.iterdir()))}.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return ingest(store, [str(src)], IngestOptions(progress=False))


def test_migrations_upgrade_a_version_1_database(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    con = duckdb.connect(str(path))
    assert migrations.migrate(con) == 1
    con.close()
    monkeypatch.undo()
    with pytest.raises(Exception, match="schema version 1"):
        Store(path, read_only=True)  # a reader asks for an upgrade rather than guessing
    with Store(path) as store:
        assert store.version == migrations.MIGRATIONS[-1][0]
        columns = {r[0] for r in store.con.execute("DESCRIBE articles").fetchall()}
        assert {"incident", "signature"} <= columns  # migration 3
        assert store.count("event_corrections") == store.count("event_reviews") == 0
        assert store.count("effective_events") == 0


def test_the_correctable_fields_are_the_apis_editable_fields():
    assert set(CORRECTABLE) == set(EDITABLE_FIELDS)
    with Store(":memory:") as store:
        columns = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
    assert {f.column for f in CORRECTABLE.values()} <= columns


@pytest.mark.parametrize(("field", "value", "column", "expected"), [
    ("fatalities", 41, "fatalities", 41),
    ("fatalities", None, "fatalities", None),
    ("date", "2023-04-05", "event_date", date(2023, 4, 5)),
    ("location.admin1", "Centre-Nord", "admin1", "Centre-Nord"),
    ("location.lat", -12.5, "latitude", -12.5),
    ("actor2_inter", 7, "inter2", 7),
    ("sub_event_type", "Grenade", "sub_event_type", "Grenade"),
    ("abducted", 3, "abducted", 3),
])
def test_the_view_lays_each_kind_of_correction_over_its_column(tmp_path, field, value,
                                                               column, expected):
    line = synthetic_lines(1)[0]
    with Store(tmp_path / "v.duckdb") as store:
        index = store.load_incidents()
        put_article(store, index, article_from_dict(line))
        eid = line["events"][0]["event_id"]
        correct(store, eid, {field: value}, who="ana")
        row = store.event_rows("event_id = ?", [eid], effective=True)[0]
        assert row[column] == expected
        assert (row["status"], row["corrected_fields"]) == ("corrected", [field])
        assert store.event_rows("event_id = ?", [eid])[0][column] != expected or \
            expected is None  # the machine's value is kept in events


def test_reingest_merging_a_new_report_keeps_corrections_everywhere(pipeline, tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        _ingest(store, tmp_path, FIRST, OTHER)
        (kaya,) = select_events(store, EventFilter(country="BF"))
        eid = kaya["event_id"]
        correct(store, eid, {"fatalities": 14, "location.admin1": "Centre-Nord"}, who="ana",
                note="hospital count")
        stats = _ingest(store, tmp_path, SECOND, FIRST)  # FIRST again: skipped
        assert (stats.stored, stats.skipped, stats.merged) == (1, 1, 1)
        raw = store.event_rows("event_id = ?", [eid])[0]
        assert raw["n_sources"] == 2 and raw["fatalities_high"] == 15  # the machine merged
        (row,) = select_events(store, EventFilter(country="BF"))
        assert (row["fatalities"], row["admin1"], row["n_sources"]) == (14, "Centre-Nord", 2)
        assert select_events(store, EventFilter(min_fatalities=14))[0]["event_id"] == eid

        outs = {}
        for fmt in ("csv", "geojson", "jsonl"):
            buf = io.StringIO()
            export_events(store, fmt, buf)
            outs[fmt] = buf.getvalue()
        export_events(store, "parquet", tmp_path / "e.parquet")
        acled = next(r for r in csv.DictReader(io.StringIO(outs["csv"]))
                     if r["event_id_cnty"] == eid)
        assert (acled["fatalities"], acled["admin1"]) == ("14", "Centre-Nord")
        assert "14 fatalities" in acled["notes"]
        feature = next(f for f in json.loads(outs["geojson"])["features"] if f["id"] == eid)
        assert feature["properties"]["fatalities"] == 14
        event = next(e for e in map(json.loads, outs["jsonl"].splitlines())
                     if e["event_id"] == eid)
        assert (event["fatalities"], event["location"]["admin1"]) == (14, "Centre-Nord")
        assert event["merged"]["fatalities"] == 14 and event["status"] == "corrected"
        table = pq.read_table(tmp_path / "e.parquet").to_pylist()
        assert next(r for r in table if r["event_id"] == eid)["fatalities"] == 14

        review(store, eid, "reject", who="ben")
        assert select_events(store, EventFilter(country="BF")) == []
        hidden = select_events(store, EventFilter(country="BF", include_hidden=True))
        assert hidden[0]["status"] == "rejected" and hidden[0]["fatalities"] == 14
        review(store, eid, "restore", who="ben")
        assert select_events(store, EventFilter(country="BF"))[0]["status"] == "corrected"
        assert [a.action for a in history(store.con, eid)] == ["correct", "reject", "restore"]

    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["query", "--db", str(db), "--country", "BF"])
    assert res.exit_code == 0, res.output
    line = json.loads(res.stdout.splitlines()[0])
    assert (line["fatalities"], line["admin1"], line["status"]) == (14, "Centre-Nord",
                                                                    "corrected")
    assert line["corrected_fields"] == ["fatalities", "location.admin1"]


def test_reextraction_replaces_the_machine_rows_but_never_a_correction(tmp_path):
    line = synthetic_lines(1, events_per_article=2)[0]
    with Store(tmp_path / "r.duckdb") as store:
        index = store.load_incidents()
        first = put_article(store, index, article_from_dict(line))
        keep, drop = first.event_ids
        correct(store, keep, {"fatalities": 99}, who="ana")
        again = copy.deepcopy(line)
        again["events"] = again["events"][:1]
        again["events"][0].update(fatalities=1, wounded=6)
        second = put_article(store, index, article_from_dict(again))
        assert second.replaced and second.event_ids == [keep]
        assert store.count("articles") == 1 and store.count("event_reports") == 1
        ids = {r["event_id"] for r in store.event_rows()}
        assert ids == {keep}  # the event nobody vouched for is gone with its extraction
        raw = store.event_rows("event_id = ?", [keep])[0]
        row = store.event_rows("event_id = ?", [keep], effective=True)[0]
        assert (raw["fatalities"], raw["wounded"]) == (1, 6)
        assert (row["fatalities"], row["wounded"]) == (99, 6)
        changes = [json.loads(c) for (c,) in store.con.execute(
            "SELECT change FROM revisions WHERE event_id = ? ORDER BY revision",
            [keep]).fetchall()]
        assert changes[-1]["action"] == "re-extract"
        assert changes[-1]["fields"]["wounded"] == [None, 6]
