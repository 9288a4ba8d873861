"""Feeds, WARC and safe fetching: a local HTTP server only (allow-private on), no internet."""

from __future__ import annotations

import http.server
import io
import threading

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest.feeds import read_feed
from sitrep.ingest.fetch import FetchError, check_url, fetch
from sitrep.ingest.warc import read_warc

PAGE = ("<html><head><title>Clash near Gao</title></head><body><article><h1>Clash near Gao"
        "</h1><p>Soldiers and militants clashed near Gao, Mali, on Tuesday, and four "
        "soldiers were killed in the fighting, the army said in a statement.</p><p>The army "
        "said reinforcements had been sent to the area after the attack on the convoy."
        "</p></article></body></html>")


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{base}{path}</link><guid>{path}</guid>"
        f"<pubDate>Wed, 05 May 2021 10:00:00 GMT</pubDate><description>{d}</description></item>"
        for t, path, d in [("Clash near Gao", "/gao", "Short summary of the clash."),
                           ("Secret", "/private/x", "Summary kept when the page is off limits."),
                           ("Huge", "/huge", "Summary of a page that is too large.")])
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
            f"{items}</channel></rss>")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {"/robots.txt": ("text/plain", "User-agent: *\nDisallow: /private/\n"),
                  "/feed.rss": ("application/rss+xml", feed(base)),
                  "/gao": ("text/html", PAGE),
                  "/huge": ("text/html", "x" * 300_000)}
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/gao")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = routes[self.path]
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("url", ["http://127.0.0.1/x", "http://localhost:8080/",
                                 "http://10.0.0.5/feed", "http://[::1]/", "file:///etc/passwd",
                                 "http://169.254.169.254/latest/meta-data/"])
def test_private_and_local_addresses_are_refused(url):
    with pytest.raises(FetchError):
        check_url(url)


def test_fetch_follows_redirects_and_limits(server):
    page = fetch(server + "/moved", allow_private=True)
    assert page.url.endswith("/gao") and b"Gao" in page.body
    with pytest.raises(FetchError, match="robots"):
        fetch(server + "/private/x", allow_private=True)
    with pytest.raises(FetchError, match="limit"):
        fetch(server + "/huge", allow_private=True, max_bytes=1000)
    with pytest.raises(FetchError, match="private or local"):
        fetch(server + "/gao")


def test_feed_entries_become_articles(server):
    arts = list(read_feed(server + "/feed.rss", allow_private=True, max_bytes=100_000))
    assert [a.title for a in arts] == ["Clash near Gao", "Secret", "Huge"]
    gao, secret, huge = arts
    assert "four soldiers were killed" in gao.text and gao.source == "Test Wire"
    assert str(gao.published) == "2021-05-05"
    assert "off limits" in secret.text  # robots.txt: the summary stands in
    assert any(d.code == "page-not-fetched" for d in secret.diagnostics)
    assert any(d.code == "page-not-fetched" for d in huge.diagnostics)


def test_feed_url_to_private_host_is_an_error_article():
    arts = list(read_feed("http://127.0.0.1:9/feed.rss"))
    assert len(arts) == 1 and "private or local" in arts[0].error


def test_warc_responses_become_articles(tmp_path):
    path = tmp_path / "news.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in [("https://news.example.org/gao", "text/html", PAGE),
                                 ("https://news.example.org/logo.png", "image/png", "PNG")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                               http_headers=headers)
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file
    arts = list(read_warc(path))
    assert len(arts) == 1 and arts[0].url == "https://news.example.org/gao"
    assert "Soldiers and militants clashed" in arts[0].text and arts[0].published is not None
