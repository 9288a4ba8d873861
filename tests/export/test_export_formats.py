"""Exports: ACLED CSV loads with ACLED's names and types; GeoJSON is valid; Parquet round-trips."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from sitrep.export import ACLED_COLUMNS, export_events, summary
from sitrep.store import Store
from sitrep.store.ingest import IngestOptions, ingest

ARTICLES = [
    {"id": "k1", "published": "2022-08-15",
     "text": "Al-Shabaab militants attacked a hotel in Mogadishu, Somalia, on Sunday, killing "
             "21 people, police said."},
    {"id": "k2", "published": "2022-03-02",
     "text": "Riot police fired tear gas at hundreds of protesters in Colombo, Sri Lanka, "
             "on Tuesday."},
    {"id": "k3", "published": "1989-11-03",
     "text": "Armed men threatened to kill the election officials of Chalatenango on Tuesday, "
             "the electoral council said."},
]


@pytest.fixture()
def store(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with Store(tmp_path / "e.duckdb") as s:
        ingest(s, [str(src)], IngestOptions(progress=False))
        yield s


def test_acled_csv_loads_with_acled_columns_and_types(store):
    buf = io.StringIO()
    n = export_events(store, "csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()))
    assert n >= 1 and list(df.columns) == list(ACLED_COLUMNS)
    for col in ("year", "inter1", "inter2", "iso", "fatalities", "timestamp", "geo_precision"):
        assert pd.api.types.is_integer_dtype(df[col]), col
    assert pd.api.types.is_float_dtype(df["latitude"])
    pd.to_datetime(df["event_date"], format="%Y-%m-%d")
    assert df["notes"].str.endswith(".").all()


def test_acled_csv_fills_region_interaction_and_crowd_size(store):
    buf = io.StringIO()
    export_events(store, "csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()), keep_default_na=False)
    regions = dict(zip(df["country"], df["region"], strict=True))
    assert regions.get("Somalia") == "Eastern Africa" and regions.get("Sri Lanka") == "South Asia"
    for _, row in df.iterrows():
        codes = sorted(c for c in (row["inter1"], row["inter2"]) if c)
        assert row["interaction"] == (codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)
                                      if codes else 0)
    protests = df[df["event_type"].isin(["Protests", "Riots"])]
    assert list(protests["tags"]) == ["crowd size=hundreds"] * len(protests) and len(protests)


def test_geojson_is_a_feature_collection(store):
    buf = io.StringIO()
    export_events(store, "geojson", buf)
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection" and doc["features"]
    for feat in doc["features"]:
        assert feat["type"] == "Feature" and isinstance(feat["properties"], dict)
        geom = feat["geometry"]
        if geom is not None:
            lon, lat = geom["coordinates"]
            assert geom["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90


def test_parquet_round_trips(store, tmp_path):
    path = tmp_path / "e.parquet"
    n = export_events(store, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == n
    rows = store.event_rows(effective=True)  # what exports carry: corrections applied
    back = table.to_pylist()
    for a, b in zip(rows, back, strict=True):
        assert {k: v for k, v in b.items() if k != "notes"} == a


def test_jsonl_lines_are_events_with_merged_figures(store):
    buf = io.StringIO()
    export_events(store, "jsonl", buf)
    for line in buf.getvalue().splitlines():
        ev = json.loads(line)
        assert ev["event_id"] and ev["merged"]["sources"] == ev["sources"]


@pytest.mark.parametrize(("row", "expected"), [
    ({"event_date": __import__("datetime").date(2021, 4, 2), "sub_event_type": "Armed clash",
      "actor1": "JNIM", "actor2": "Military Forces of Mali", "location": "Gao",
      "country": "Mali", "fatalities": 3, "n_sources": 2},
     "On 2 April 2021, armed clash involving JNIM against Military Forces of Mali in Gao "
     "(Mali); 3 fatalities reported (2 sources)."),
    ({"event_date": None, "event_type": "Protests", "n_sources": 1},
     "On an unknown date, protests involving unidentified actors (1 source)."),
])
def test_notes_sentence(row, expected):
    assert summary(row) == expected


def test_acled_csv_leaves_out_records_acled_codes_none_of(store):
    # the threat is stored (PLOVER THREATEN) but is no ACLED event
    everything = io.StringIO()
    assert export_events(store, "jsonl", everything) >= 3
    types = [(json.loads(line)["codes"]["acled"] or {}).get("event_type")
             for line in everything.getvalue().splitlines()]
    assert None in types
    buf = io.StringIO()
    n = export_events(store, "csv", buf)
    df = pd.read_csv(io.StringIO(buf.getvalue()), keep_default_na=False)
    assert n == len(df) == len([t for t in types if t]) and (df["event_type"] != "").all()
