"""The store's incremental dedup: document incidents, stable ids as reports arrive, the
same decisions whether a run is resumed or not, bounded candidate sets."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.article import Article
from sitrep.dedup.documents import DocSignature
from sitrep.dedup.incidents import IncidentIndex, Report
from sitrep.dedup.online import OnlineDocuments
from sitrep.store import Store
from sitrep.store.ingest import IngestOptions, ingest

KAYA_1 = Article(id="kaya-1", published=date(2021, 4, 3), text=(
    "Gunmen attacked the cattle market in Kaya, Burkina Faso, on Friday, killing 12 traders, "
    "the regional governor said. The attackers arrived on motorbikes and set stalls on fire."))
KAYA_2 = Article(id="kaya-2", published=date(2021, 4, 4), text=(
    "At least 15 traders died when gunmen on motorbikes stormed the cattle market in Kaya, "
    "Burkina Faso, on Friday and set stalls on fire, residents said."))
GOMA = Article(id="goma-1", published=date(2021, 4, 4), text=(
    "Rebels clashed with the army outside Goma, Democratic Republic of the Congo, on "
    "Saturday; eight soldiers were killed, a military spokesman said."))
QUETTA = Article(id="quetta-1", published=date(2021, 6, 20), text=(
    "A roadside bomb struck a police van in Quetta, Pakistan, on Sunday, killing three "
    "officers, officials said."))
KAYA_3 = Article(id="kaya-3", published=date(2021, 4, 5), text=(
    "Burkina Faso mourned the traders killed in Friday's attack on the cattle market in Kaya, "
    "where gunmen on motorbikes killed 12 people and burned stalls."))


def _groups(store: Store) -> dict[str, tuple[str | None, list[str]]]:
    rows = store.con.execute(
        "SELECT a.id, a.incident, list(r.event_id ORDER BY r.idx) FROM articles a LEFT JOIN "
        "event_reports r ON r.article_key = a.key GROUP BY a.id, a.incident").fetchall()
    return {i: (inc, [e for e in evs if e]) for i, inc, evs in rows}


def test_an_incident_keeps_its_id_as_later_reports_join_it(tmp_path):
    opts = IngestOptions(progress=False)
    with Store(tmp_path / "s.duckdb") as store:
        ingest(store, [KAYA_1], opts)
        first = _groups(store)["kaya-1"]
        assert first[0] and first[1]
        for art in (GOMA, KAYA_2, QUETTA, KAYA_3):
            ingest(store, [art], opts)
        groups = _groups(store)
        assert groups["kaya-1"] == first  # neither the document nor the event id moved
        assert groups["kaya-2"][0] == groups["kaya-3"][0] == first[0]
        assert first[1][0] in groups["kaya-2"][1]
        assert groups["goma-1"][0] != first[0] and groups["quetta-1"][0] != first[0]
        row = store.event_rows("event_id = ?", [first[1][0]])[0]
        assert row["n_sources"] >= 2 and row["fatalities"] == 12


@pytest.mark.parametrize("order", [
    [KAYA_1, GOMA, KAYA_2, QUETTA, KAYA_3],
    [QUETTA, KAYA_3, GOMA, KAYA_1, KAYA_2],
])
def test_a_resumed_run_decides_as_an_uninterrupted_one(tmp_path, order):
    opts = IngestOptions(progress=False, batch_size=2)
    with Store(tmp_path / "one.duckdb") as one:
        ingest(one, list(order), opts)
        whole = _groups(one)
    with Store(tmp_path / "many.duckdb") as many:
        for art in order:  # every call reloads the dedup state from the database
            ingest(many, [art], opts)
        pieces = _groups(many)
    assert pieces == whole


def _sig(key: str, terms: str, day: date | None = None,
         place: tuple[float, float] | None = None) -> DocSignature:
    counts: dict[str, int] = {}
    for t in terms.split():
        counts[t] = counts.get(t, 0) + 1
    return DocSignature(id=key, terms=counts, day=day, place=place)


def test_online_documents_keep_first_ids_and_replay_exactly():
    day, kaya = date(2021, 4, 2), (13.09, -1.08)
    sigs = [_sig("a", "kaya market gunmen motorbikes traders stalls fire", day, kaya),
            _sig("b", "goma rebels army soldiers clash spokesman", day, (-1.68, 29.22)),
            _sig("c", "kaya market gunmen traders stalls motorbikes killed", day, kaya),
            _sig("d", "quetta bomb police van officers", date(2021, 6, 20), (30.18, 66.99))]
    live = OnlineDocuments()
    placed = [(s, live.add(s)) for s in sigs]
    assert placed[2][1] == placed[0][1] != placed[1][1] != placed[3][1]
    again = OnlineDocuments()
    for sig, cluster in placed:
        again.replay(sig, cluster)
    probe = _sig("e", "kaya market traders gunmen stalls", day, kaya)
    assert again.add(probe) == live.add(probe) == placed[0][1]


def test_online_documents_retire_the_least_recently_joined():
    docs = OnlineDocuments(max_active=2)
    ids = [docs.add(_sig(f"s{i}", f"word{i} other{i} thing{i}")) for i in range(4)]
    assert list(docs.clusters) == ids[2:]


def _report(n: int, day: date | None, place: tuple[float, float] = (13.09, -1.08)) -> Report:
    return Report(event_id=f"e{n}", article=f"a{n}", country_code="BF",
                  event_type="Violence against civilians", sub_event_type="Attack", day=day,
                  lat=place[0], lon=place[1], actors=frozenset({"Unidentified Armed Group"}))


@pytest.mark.parametrize(("day", "joins"), [
    (date(2021, 4, 2), True), (date(2021, 4, 5), True), (date(2021, 4, 6), False),
    (date(2021, 3, 30), True), (date(2021, 3, 29), False),
])
def test_incident_candidates_are_blocked_by_day(day, joins):
    index = IncidentIndex()
    first, _ = index.add(_report(0, date(2021, 4, 2)))
    assert [i.id for i in index._candidates(_report(1, day))] == ([first.id] if joins else [])
