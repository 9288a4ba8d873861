"""Articles in through the API and the real pipeline: text, upload, URL, feed (no network)."""

from __future__ import annotations

import json

import pytest

from conftest import AUTH, make_client

REPORT = ("Militants attacked a police checkpoint in Kismayo, Somalia, on Monday, killing four "
          "officers, a regional official said.")
PAGE = ("<html><head><title>Checkpoint attack</title></head><body><article><h1>Checkpoint "
        f"attack</h1><p>{REPORT}</p><p>{REPORT.replace('Monday', 'Tuesday')}</p></article>"
        "</body></html>")
PAGES = {
    "https://news.example.org/kismayo": (PAGE.encode(), "text/html"),
    "https://news.example.org/feed.xml": (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>News</title>"
        b"<item><title>Checkpoint attack</title><link>https://news.example.org/kismayo</link>"
        b"<pubDate>Wed, 08 Mar 2023 10:00:00 GMT</pubDate></item></channel></rss>",
        "application/rss+xml"),
}


def fake_fetch(url: str) -> tuple[bytes, str]:
    if url not in PAGES:
        raise OSError("connection refused")
    return PAGES[url]


@pytest.fixture
def live(pipeline, new_repo):
    return make_client(new_repo(), fetcher=fake_fetch)


def test_post_text_extracts_and_stores_events(live):
    resp = live.post("/articles", json={"text": REPORT, "published": "2023-03-08"},
                     headers=AUTH)
    assert resp.status_code == 201
    added = resp.json()["articles"][0]
    assert added["error"] is None and added["event_ids"]
    event = live.get(f"/events/{added['event_ids'][0]}").json()["event"]
    assert event["location"]["country_code"] == "SO"
    assert event["date"] == "2023-03-06"
    again = live.post("/articles", json={"text": REPORT, "published": "2023-03-08"},
                      headers=AUTH).json()["articles"][0]
    assert again["replaced"] and again["article_id"] == added["article_id"]


def test_upload_reads_txt_and_jsonl(live):
    lines = "\n".join(json.dumps({"id": f"j{n}", "text": REPORT, "published": "2023-03-08"})
                      for n in range(2))
    resp = live.post("/articles/upload", headers=AUTH, files=[
        ("files", ("kismayo.txt", REPORT.encode(), "text/plain")),
        ("files", ("batch.jsonl", lines.encode(), "application/x-ndjson"))])
    assert resp.status_code == 201
    assert [a["article_id"] for a in resp.json()["articles"]] == ["kismayo", "j0", "j1"]


def test_url_and_feed_are_fetched_through_the_fetcher(live):
    page = live.post("/articles", json={"url": "https://news.example.org/kismayo"},
                     headers=AUTH).json()["articles"][0]
    assert page["error"] is None and page["event_ids"]
    feed = live.post("/feeds", json={"url": "https://news.example.org/feed.xml"},
                     headers=AUTH).json()["articles"]
    assert len(feed) == 1 and feed[0]["event_ids"]
    src = live.get(f"/events/{feed[0]['event_ids'][0]}").json()["sources"][0]
    assert src["published"] == "2023-03-08" and src["url"].endswith("/kismayo")


def test_unreachable_url_is_a_clean_502(live):
    resp = live.post("/articles", json={"url": "https://down.example.org/"}, headers=AUTH)
    assert resp.status_code == 502
    assert resp.json()["error"]["code"] == "upstream_error"
