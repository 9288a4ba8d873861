"""One JSON error shape for every route; authentication; size limits; malformed input."""

from __future__ import annotations

import pytest

from conftest import AUTH, TOKEN

BAD = {"Authorization": "Bearer wrong"}


def assert_error(resp, status: int, code: str) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert (err["status"], err["code"]) == (status, code)
    assert isinstance(err["message"], str) and err["message"]
    assert isinstance(err["details"], list)
    return err


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), [
    ("GET", "/no/such/route", {}, 404, "not_found"),
    ("GET", "/events/ev-missing", {}, 404, "not_found"),
    ("PATCH", "/events/ev-missing", {"json": {"fields": {"fatalities": 1}}}, 404, "not_found"),
    ("DELETE", "/events/ev-missing", {}, 404, "not_found"),
    ("POST", "/events/ev-missing/review", {"json": {"action": "accept"}}, 404, "not_found"),
    ("PUT", "/events", {}, 405, "method_not_allowed"),
    ("GET", "/events?limit=0", {}, 422, "invalid_input"),
    ("GET", "/events?limit=5000", {}, 422, "invalid_input"),
    ("GET", "/events?offset=-1", {}, 422, "invalid_input"),
    ("GET", "/events?date_from=yesterday", {}, 422, "invalid_input"),
    ("GET", "/events?date_from=2023-05-01&date_to=2023-04-01", {}, 422, "invalid_input"),
    ("GET", "/events?min_fatalities=-2", {}, 422, "invalid_input"),
    ("GET", "/events?sort=colour", {}, 422, "invalid_input"),
    ("GET", "/events?status=lost", {}, 422, "invalid_input"),
    ("GET", "/stats?bucket=year", {}, 422, "invalid_input"),
    ("GET", "/export.csv?date_to=13/13/2023", {}, 422, "invalid_input"),
    ("POST", "/articles", {"json": {}}, 422, "invalid_input"),
    ("POST", "/articles", {"json": {"text": "a", "html": "<p>b</p>"}}, 422, "invalid_input"),
    ("POST", "/articles", {"json": {"text": "Shots fired.", "colour": "red"}}, 422,
     "invalid_input"),
    ("POST", "/articles", {"json": {"url": "ftp://example.org/x"}}, 422, "invalid_input"),
    ("POST", "/articles", {"content": b"{not json", "headers": {"Content-Type":
                                                                 "application/json"}},
     422, "invalid_input"),
    ("POST", "/articles", {"json": ["a list"]}, 422, "invalid_input"),
    ("POST", "/articles/upload", {"files": {"files": ("a.pdf", b"%PDF-1.4")}}, 415,
     "unsupported_media_type"),
    ("POST", "/feeds", {"json": {"url": "not a url"}}, 422, "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {}}}, 422, "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"colour": "red"}}}, 422, "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"fatalities": "many"}}}, 422,
     "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"date": "2023-02-30"}}}, 422,
     "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"event_type": "War"}}}, 422,
     "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"event_type": "Protests",
                                                      "sub_event_type": "Armed clash"}}},
     422, "invalid_input"),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"location.lat": 123}}}, 422,
     "invalid_input"),
    ("POST", "/events/syn-0-0/review", {"json": {"action": "approve"}}, 422, "invalid_input"),
])
def test_every_failure_has_the_one_error_shape(client, method, path, kwargs, status, code):
    resp = client.request(method, path, headers=AUTH | kwargs.pop("headers", {}), **kwargs)
    assert_error(resp, status, code)


def test_validation_details_name_the_field(client):
    resp = client.patch("/events/syn-0-0", json={"fields": {"wounded": -1}}, headers=AUTH)
    err = assert_error(resp, 422, "invalid_input")
    assert err["details"] == [{"field": "wounded",
                               "message": "must be a whole number >= 0 or null"}]
    err = assert_error(client.get("/events?limit=abc"), 422, "invalid_input")
    assert err["details"][0]["field"] == "limit"


WRITES = [
    ("POST", "/articles", {"json": {"text": "Gunmen attacked a market."}}),
    ("POST", "/articles/upload", {"files": {"files": ("a.txt", b"Gunmen attacked a market.")}}),
    ("POST", "/feeds", {"json": {"url": "https://example.org/feed.xml"}}),
    ("PATCH", "/events/syn-0-0", {"json": {"fields": {"fatalities": 1}}}),
    ("POST", "/events/syn-0-0/review", {"json": {"action": "accept"}}),
    ("DELETE", "/events/syn-0-0", {}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), WRITES)
@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "unauthorized"),
    (BAD, 403, "bad_token"),
    ({"X-API-Token": "wrong"}, 403, "bad_token"),
])
def test_writes_need_the_token(client, method, path, kwargs, headers, status, code):
    resp = client.request(method, path, headers=headers, **kwargs)
    err = assert_error(resp, status, code)
    if status == 401:
        assert resp.headers["www-authenticate"] == "Bearer"
        assert "token" in err["message"]
    assert client.get("/events/syn-0-0").json()["event"]["status"] == "unreviewed"


def test_token_in_either_header_is_accepted(client):
    for headers in (AUTH, {"X-API-Token": TOKEN}):
        resp = client.post("/events/syn-0-0/review", json={"action": "accept"},
                           headers=headers)
        assert resp.status_code == 200


def test_without_a_configured_token_writes_are_disabled(make):
    client = make(token=None)
    assert_error(client.delete("/events/syn-0-0", headers=AUTH), 403, "writes_disabled")
    assert client.get("/events").status_code == 200


@pytest.mark.parametrize("path", ["/events", "/events/syn-0-0", "/stats", "/export.csv",
                                  "/export.geojson", "/export.parquet"])
def test_closed_reads_need_the_token(make, path):
    client = make(open_reads=False)
    assert_error(client.get(path), 401, "unauthorized")
    assert_error(client.get(path, headers=BAD), 403, "bad_token")
    assert client.get(path, headers=AUTH).status_code == 200
    assert client.get("/health").status_code == 200  # liveness stays open


def test_oversize_body_is_refused_before_reading(make):
    client = make(max_body_bytes=1000)
    resp = client.post("/articles", json={"text": "x" * 5000}, headers=AUTH)
    err = assert_error(resp, 413, "payload_too_large")
    assert "1000 bytes" in err["message"]


def test_oversize_chunked_body_is_refused(make):
    client = make(max_body_bytes=1000)

    def chunks():
        for _ in range(10):
            yield b"y" * 300

    resp = client.post("/articles", content=chunks(), headers=AUTH | {
        "Content-Type": "application/json"})
    assert_error(resp, 413, "payload_too_large")


def test_unexpected_errors_use_the_shape_too(make, repo, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repo, "count", boom)
    client = make()
    client_raises = client.__class__(client.app, raise_server_exceptions=False)
    err = assert_error(client_raises.get("/health"), 500, "internal_error")
    assert "disk" not in err["message"]  # internals stay in the log
