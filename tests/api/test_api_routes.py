"""Every read route of the REST API over a store of synthetic articles."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import AUTH


def test_health_counts_visible_events(client, repo):
    body = client.get("/health").json()
    assert body == {"status": "ok", "events": 60, "store": type(repo).__name__}


def _all(client, query: str) -> list[dict]:
    resp = client.get("/events?limit=1000&" + query)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["total"] == len(body["items"])
    return body["items"]


@pytest.mark.parametrize(("query", "check"), [
    ("country=NG", lambda r: r["country_code"] == "NG"),
    ("country=nigeria", lambda r: r["country"] == "Nigeria"),
    ("country=ML,IQ", lambda r: r["country_code"] in ("ML", "IQ")),
    ("country=ML&country=IQ", lambda r: r["country_code"] in ("ML", "IQ")),
    ("admin1=borno", lambda r: r["admin1"] == "Borno"),
    ("date_from=2023-06-01&date_to=2023-06-30",
     lambda r: "2023-06-01" <= r["date"] <= "2023-06-30"),
    ("type=Battles", lambda r: r["event_type"] == "Battles"),
    ("type=air/drone strike", lambda r: r["sub_event_type"] == "Air/drone strike"),
    ("actor=islamic", lambda r: "Islamic State" in (r["actor1"], r["actor2"])),
    ("min_fatalities=20", lambda r: r["fatalities"] >= 20),
    ("country=CD&min_fatalities=5&type=Violence against civilians",
     lambda r: r["country_code"] == "CD" and r["fatalities"] >= 5
     and r["event_type"] == "Violence against civilians"),
])
def test_filters_select_exactly_the_matching_events(client, query, check):
    everything = _all(client, "")
    chosen = _all(client, query)
    assert chosen, f"the synthetic store should have events for {query}"
    assert all(check(r) for r in chosen)
    assert len(chosen) == sum(check(r) for r in everything)


def test_text_filter_searches_the_source_articles(client):
    rows = _all(client, "q=Synthetic report 7")
    # "Synthetic report 7" is the title of article 7 only (and 7x would be "report 7x").
    allowed = {"syn-7"} | {f"syn-{n}" for n in range(70, 80)}
    assert {s for r in rows for s in r["sources"]} <= allowed
    assert any(r["sources"] == ["syn-7"] for r in rows)


@pytest.mark.parametrize(("sort", "key", "reverse"), [
    ("-date", "date", True), ("date", "date", False),
    ("-fatalities", "fatalities", True), ("fatalities", "fatalities", False),
    ("country", "country", False),
])
def test_sorting(client, sort, key, reverse):
    rows = _all(client, f"sort={sort}")
    values = [r[key] for r in rows]
    assert values == sorted(values, reverse=reverse)


def test_pagination_walks_every_event_once(client):
    seen, offset = [], 0
    while offset is not None:
        body = client.get(f"/events?limit=7&offset={offset}&sort=fatalities").json()
        seen.extend(r["event_id"] for r in body["items"])
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == 60


def test_event_detail_has_fields_evidence_sources_and_revisions(client):
    body = client.get("/events/syn-3-1").json()
    event, source = body["event"], body["sources"][0]
    assert event["event_id"] == "syn-3-1" and event["status"] == "unreviewed"
    assert source["id"] == "syn-3" and source["title"] == "Synthetic report 3"
    for span in source["evidence"]:
        assert source["text"][span["start"]:span["end"]] == span["text"]
    assert {s["field"] for s in source["evidence"]} >= {"fatalities", "location", "date"}
    assert [r["action"] for r in body["revisions"]] == ["extract"]


def test_stats_timeline_and_facets(client):
    body = client.get("/stats?bucket=week&country=NG").json()
    assert set(body["countries"]) == {"Nigeria"}
    assert sum(t["events"] for t in body["timeline"]) == body["countries"]["Nigeria"]
    periods = [t["period"] for t in body["timeline"]]
    assert periods == sorted(periods)


def test_export_csv_and_geojson_follow_filters(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?country=IQ").text)))
    assert rows and all(r["country_code"] == "IQ" for r in rows)
    geo = json.loads(client.get("/export.geojson?country=IQ").content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == len(rows)
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (36, 43)  # Mosul


def test_export_parquet_reads_back(client, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    resp = client.get("/export.parquet?min_fatalities=12")
    assert resp.headers["content-type"] == "application/vnd.apache.parquet"
    path = tmp_path / "e.parquet"
    path.write_bytes(resp.content)
    got = duckdb.connect().execute(f"SELECT min(fatalities), count(*) FROM '{path}'").fetchone()
    assert got[0] >= 12 and got[1] == len(_all(client, "min_fatalities=12"))


def test_delete_is_soft_and_reversible(client):
    assert client.delete("/events/syn-1-0", headers=AUTH).status_code == 200
    assert "syn-1-0" not in {r["event_id"] for r in _all(client, "")}
    assert client.get("/events/syn-1-0").json()["event"]["status"] == "deleted"
    assert _all(client, "status=deleted")[0]["event_id"] == "syn-1-0"
    client.post("/events/syn-1-0/review", json={"action": "restore"}, headers=AUTH)
    assert "syn-1-0" in {r["event_id"] for r in _all(client, "")}


@pytest.mark.parametrize(("action", "status", "visible"), [
    ("accept", "accepted", True), ("reject", "rejected", False),
])
def test_review_actions(client, action, status, visible):
    resp = client.post("/events/syn-2-0/review", json={"action": action, "who": "ana"},
                       headers=AUTH)
    assert resp.status_code == 200
    assert resp.json()["revision"]["who"] == "ana"
    assert resp.json()["event"]["status"] == status
    assert ("syn-2-0" in {r["event_id"] for r in _all(client, "")}) is visible


@pytest.mark.parametrize(("path", "needle"), [
    ("/", "sitrep"), ("/docs", "/docs-assets/swagger-ui-bundle.js"),
    ("/static/app.js", "review"), ("/static/countries-110m.json", "Topology"),
    ("/openapi.json", "/events/{event_id}"), ("/config.json", "writes_enabled"),
])
def test_pages_and_documents_are_served_locally(client, path, needle):
    resp = client.get(path)
    assert resp.status_code == 200 and needle in resp.text
    assert "cdn" not in resp.text.lower()[:5000] or path == "/openapi.json"


def test_swagger_assets_are_bundled(client):
    resp = client.get("/docs-assets/swagger-ui-bundle.js")
    assert resp.status_code == 200 and len(resp.content) > 100_000
