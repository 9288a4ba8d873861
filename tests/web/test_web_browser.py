"""The dashboard in a real browser (Debian's chromium driven by playwright).

Articles go in through the API and the real pipeline, as a user's would; the test then
filters, opens an event, sees its evidence highlighted, corrects a field, reloads and
sees the correction kept. A screenshot of the map page is saved as a test artifact.
Every test runs over the embedded DuckDB store (what ``sitrep serve`` uses) and the
in-memory one. Skips when /usr/bin/chromium or playwright is absent.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("SITREP_ARTIFACTS", "out/test-artifacts"))
TOKEN = "browser-test-token"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent: apt-get install chromium to run the browser tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is absent: pip install playwright")
uvicorn = pytest.importorskip("uvicorn")

from sitrep.api import EventFilters, Sort  # noqa: E402  (after the skips above)

# Hand-written reports (not real articles), in different places and phrasings.
ARTICLES = [
    ("rep-mali", "2023-05-10",
     "Gunmen killed 12 villagers in an attack on the village of Ogossagou in central Mali "
     "on Tuesday, local officials said. The attackers burned several houses before fleeing."),
    ("rep-nigeria", "2023-06-02",
     "Suspected Boko Haram fighters attacked a military base in Monguno, Borno State, on "
     "Thursday, killing five soldiers, the Nigerian army said in a statement."),
    ("rep-iraq", "2023-07-20",
     "A roadside bomb exploded near a police patrol in Kirkuk, Iraq, on Wednesday, killing "
     "two policemen and wounding three others, security sources said."),
]


def new_repository(kind: str, folder: Path):
    from sitrep.api import InMemoryRepository
    from sitrep.api.duckdb_repository import DuckDBRepository

    return InMemoryRepository() if kind == "memory" else DuckDBRepository(folder / "web.duckdb")


@pytest.fixture(scope="module", params=("duckdb", "memory"))
def server(pipeline, request, tmp_path_factory):
    from sitrep.api import ApiSettings, create_app
    from sitrep.api.intake import ingest_articles
    from sitrep.ingest.readers import make_article

    repo = new_repository(request.param, tmp_path_factory.mktemp(request.param))
    ingest_articles(repo, [make_article(id=i, text=t, published=p) for i, p, t in ARTICLES])
    app = create_app(repo, ApiSettings(token=TOKEN))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    port = srv.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", repo
    srv.should_exit = True
    thread.join(timeout=10)
    if hasattr(repo, "close"):
        repo.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_map_page_shows_events_and_is_saved_as_an_artifact(server, page):
    base, repo = server
    assert repo.count() >= 3, "the pipeline should find an event in each report"
    page.goto(base + "/")
    page.wait_for_selector("#points circle")
    assert page.locator("#countries path").count() > 150  # bundled Natural Earth outlines
    assert page.locator("#points circle").count() == repo.count()
    assert page.locator("#timeline rect").count() >= 1
    assert page.locator("#events tbody tr").count() == repo.count()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"map-{type(repo).__name__}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_filter_open_see_evidence_correct_and_reload(server, page):
    base, repo = server
    page.goto(base + "/#token=" + TOKEN)  # the link `sitrep serve` prints
    page.wait_for_selector("#events tbody tr")
    page.select_option("#f-country", "Mali")
    page.click("#f-apply")
    page.wait_for_function(
        "[...document.querySelectorAll('#events tbody tr')].every("
        "r => r.children[4].textContent === 'Mali')")
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 1
    event_id = rows.first.get_attribute("data-id")
    rows.first.click()
    page.wait_for_selector("#sources mark")
    marks = page.locator("#sources mark")
    marked = " ".join(marks.all_inner_texts())
    assert "12" in marked or "killed" in marked  # the toll's words are highlighted in place
    page.fill("#fld-fatalities", "13")
    page.fill("#fld-location-admin1", "Mopti Region")
    page.click("#save")
    page.wait_for_selector("#revisions li:has-text('correct')")
    page.reload()
    page.wait_for_selector("#fld-fatalities")
    page.wait_for_function("document.querySelector('#fld-fatalities').value === '13'")
    assert page.input_value("#fld-location-admin1") == "Mopti Region"
    assert "corrected" in page.inner_text("#event-status")
    assert repo.get_event(event_id).event["fatalities"] == 13


def test_review_mode_is_keyboard_driven(server, page):
    base, repo = server
    page.goto(base + "/#token=" + TOKEN)
    page.wait_for_selector("#events tbody tr")
    page.goto(base + "/#/review")
    page.wait_for_function("document.querySelector('#status').textContent"
                           ".startsWith('reviewing 1 of')")
    assert page.is_visible("#review-nav")
    page.keyboard.press("a")  # accept; the next event (if any) comes up
    accepted = EventFilters(status=("accepted",))
    deadline = time.monotonic() + 10
    while repo.list_events(accepted, sort=Sort(), offset=0, limit=10).total == 0:
        assert time.monotonic() < deadline, "pressing 'a' did not accept the event"
        time.sleep(0.05)


@pytest.mark.parametrize("kind", ["duckdb", "memory"])
def test_paste_an_article_from_the_empty_state(pipeline, browser, kind, tmp_path):
    from sitrep.api import ApiSettings, create_app

    repo = new_repository(kind, tmp_path)
    app = create_app(repo, ApiSettings(token=TOKEN))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{srv.servers[0].sockets[0].getsockname()[1]}"
    try:
        pg = browser.new_page()
        pg.goto(base + "/#token=" + TOKEN)
        pg.wait_for_selector("#empty:not([hidden])")
        pg.click("#empty a")
        pg.fill("#add-body", ARTICLES[1][2])
        pg.fill("#add-published", ARTICLES[1][1])
        pg.click("#add-text button")
        pg.wait_for_selector("#add-result:has-text('event')")
        assert "1 article(s) read" in pg.inner_text("#add-result")
        assert repo.count() >= 1
        pg.close()
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        if hasattr(repo, "close"):
            repo.close()
