"""Cross-article dedup: which reports merge, stable ids, reconciled figures."""

from __future__ import annotations

import pytest

from sitrep.article import Article
from sitrep.dedup import merge_events
from sitrep.dedup.documents import document_incidents
from sitrep.schema import Actor, Codes, Event, Location

TYPES = {"clash": ("Battles", "Armed clash"),
         "attack": ("Violence against civilians", "Attack"),
         "protest": ("Protests", "Peaceful protest")}
PLACES = {"kaya": ("Kaya", 2597258, 13.09, -1.08, "BF", "Burkina Faso"),
          "djibo": ("Djibo", 2360886, 14.10, -1.63, "BF", "Burkina Faso"),
          "kaya-near": ("Kaya outskirts", None, 13.10, -1.07, "BF", "Burkina Faso")}


def event(eid: str, kind: str, day: str | None, place: str, fatalities: int | None = None,
          low: int | None = None, high: int | None = None, actor: str = "JNIM") -> Event:
    etype, sub = TYPES[kind]
    name, gid, lat, lon, cc, country = PLACES[place]
    return Event(event_id=eid, codes=Codes(acled={"event_type": etype, "sub_event_type": sub,
                                                   "disorder_type": "Political violence"}),
                 date=day, date_precision=1,
                 location=Location(name, gid, lat, lon, country, cc, None, None, 1),
                 actor1=Actor(actor, 2), actor2=None, fatalities=fatalities,
                 fatalities_low=low, fatalities_high=high, sources=[eid])


def article(aid: str, text: str, *events: Event) -> Article:
    art = Article(id=aid, text=text)
    for e in events:
        e.sources = [aid]
    art.events = list(events)
    return art


TEXT_A = "Gunmen attacked the village of Kaya in Sanmatenga province, killing traders."
TEXT_B = "In Sanmatenga province, gunmen raided Kaya village and killed several traders."
TEXT_C = "Students marched in Djibo to protest the closure of their school."


@pytest.mark.parametrize(("first", "second", "merged"), [
    (event("e1", "clash", "2021-04-02", "kaya"), event("e2", "clash", "2021-04-02", "kaya"), True),
    (event("e1", "clash", "2021-04-02", "kaya"),
     event("e2", "clash", "2021-04-03", "kaya-near"), True),
    (event("e1", "clash", "2021-04-02", "kaya"), event("e2", "clash", "2021-04-02", "djibo"),
     False),  # 120 km apart
    (event("e1", "clash", "2021-04-02", "kaya"), event("e2", "clash", "2021-04-20", "kaya"),
     False),  # weeks apart
    (event("e1", "clash", "2021-04-02", "kaya"), event("e2", "protest", "2021-04-02", "kaya"),
     False),  # another type
])
def test_which_reports_merge(first, second, merged):
    arts = [article("a", TEXT_A, first), article("b", TEXT_B, second)]
    merge_events(arts)
    assert (arts[0].events[0].event_id == arts[1].events[0].event_id) is merged


def test_id_survives_a_later_report_and_figures_reconcile():
    arts = [article("a", TEXT_A, event("e1", "attack", "2021-04-02", "kaya", 12, 12, 15)),
            article("b", TEXT_B, event("e2", "attack", "2021-04-02", "kaya", 9, 9, 9))]
    merge_events(arts[:1])
    first_id = arts[0].events[0].event_id
    merge_events(arts)
    ids = {a.events[0].event_id for a in arts}
    assert ids == {first_id}
    merged = arts[1].events[0].merged
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (9, 9, 15)
    assert merged.sources == ["a", "b"]


def test_events_of_one_article_stay_apart():
    art = article("a", TEXT_A, event("e1", "clash", "2021-04-02", "kaya"),
                  event("e2", "clash", "2021-04-02", "kaya", actor="ISGS"))
    merge_events([art])
    assert art.events[0].event_id != art.events[1].event_id


@pytest.mark.parametrize(("texts", "same"), [
    ((TEXT_A, TEXT_B), True),
    ((TEXT_A, TEXT_C), False),
])
def test_document_incidents_follow_wording(texts, same):
    arts = [Article(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    groups = document_incidents(arts)
    assert (groups["d0"] == groups["d1"]) is same
