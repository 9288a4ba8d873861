"""The DuckDB repository: its listing snapshot agrees with SQL and follows every write."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import AUTH, make_client
from sitrep.api import EventFilters, Sort
from sitrep.api.duckdb_repository import DuckDBRepository, where_sql
from sitrep.api.synthetic import synthetic_lines


@pytest.fixture
def duck(tmp_path):
    repo = DuckDBRepository(tmp_path / "d.duckdb")
    for line in synthetic_lines(40):
        repo.add_article(line)
    yield repo
    repo.close()


@pytest.mark.parametrize("filters", [
    EventFilters(),
    EventFilters(country=("ng", "Iraq")),
    EventFilters(admin1="BORNO"),
    EventFilters(date_from=date(2023, 3, 1), date_to=date(2023, 8, 31)),
    EventFilters(event_type=("battles", "Attack")),
    EventFilters(actor="militia"),
    EventFilters(min_fatalities=12, country=("CD",)),
    EventFilters(status=("unreviewed",)),
])
def test_snapshot_listing_and_sql_select_the_same_events(duck, filters):
    page = duck.list_events(filters, sort=Sort("fatalities", True), offset=0, limit=1000)
    where, params = where_sql(filters)
    sql_ids = {r[0] for r in duck.store.con.execute(
        f"SELECT event_id FROM effective_events{where}", params).fetchall()}
    assert {r["event_id"] for r in page.items} == sql_ids and page.total == len(sql_ids)
    assert sql_ids or filters != EventFilters()


def test_listing_follows_corrections_reviews_and_new_articles(duck):
    client = make_client(duck)
    before = client.get("/events?country=ML&limit=1000").json()["total"]
    eid = client.get("/events?country=ML&limit=1").json()["items"][0]["event_id"]
    client.patch(f"/events/{eid}", headers=AUTH,
                 json={"fields": {"location.country": "Niger", "location.country_code": "NE"}})
    assert client.get("/events?country=ML&limit=1000").json()["total"] == before - 1
    moved = client.get("/events?country=niger").json()["items"]
    assert [r["event_id"] for r in moved] == [eid] and moved[0]["status"] == "corrected"
    client.delete(f"/events/{eid}", headers=AUTH)
    assert client.get("/events?country=NE").json()["total"] == 0
    duck.add_article(synthetic_lines(41)[40])
    assert client.get("/health").json()["events"] == 80 - 1 + 2
