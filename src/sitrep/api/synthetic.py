"""Synthetic extracted articles: output lines with consistent text, events and evidence.

For load tests (100,000 events in seconds, no pipeline run) and API tests. The sentences
are made up from templates here; offsets of every evidence span index the generated text.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from .. import SCHEMA

__all__ = ["PLACES", "synthetic_line", "synthetic_lines"]

# name, country, code, admin1, lat, lon
PLACES = (
    ("Mopti", "Mali", "ML", "Mopti", 14.4843, -4.1830),
    ("Gao", "Mali", "ML", "Gao", 16.2717, -0.0447),
    ("Maiduguri", "Nigeria", "NG", "Borno", 11.8464, 13.1603),
    ("Kaduna", "Nigeria", "NG", "Kaduna", 10.5222, 7.4383),
    ("Beni", "Democratic Republic of the Congo", "CD", "North Kivu", 0.4911, 29.4731),
    ("Bunia", "Democratic Republic of the Congo", "CD", "Ituri", 1.5594, 30.2522),
    ("Kandahar", "Afghanistan", "AF", "Kandahar", 31.6133, 65.7101),
    ("Mosul", "Iraq", "IQ", "Nineveh", 36.3350, 43.1189),
    ("Idlib", "Syria", "SY", "Idlib", 35.9306, 36.6339),
    ("Sanaa", "Yemen", "YE", "Amanat al Asimah", 15.3547, 44.2066),
    ("Kharkiv", "Ukraine", "UA", "Kharkiv", 49.9808, 36.2527),
    ("Cauca", "Colombia", "CO", "Cauca", 2.4448, -76.6147),
    ("Mindanao", "Philippines", "PH", "Lanao del Sur", 7.9986, 124.2928),
    ("Ouagadougou", "Burkina Faso", "BF", "Centre", 12.3714, -1.5197),
)
# ACLED sub-event type, event type, verb phrase
ACTIONS = (
    ("Armed clash", "Battles", "clashed with"),
    ("Attack", "Violence against civilians", "attacked"),
    ("Air/drone strike", "Explosions/Remote violence", "launched an air strike on"),
    ("Remote explosive/landmine/IED", "Explosions/Remote violence", "set off a roadside bomb near"),
    ("Abduction/forced disappearance", "Violence against civilians", "kidnapped"),
    ("Peaceful protest", "Protests", "marched peacefully alongside"),
    ("Mob violence", "Riots", "rioted against"),
)
ACTORS = (("Islamic State", 2), ("Military Forces", 1), ("Police Forces", 1),
          ("JNIM", 2), ("ADF", 2), ("Communal Militia", 4), ("Protesters", 6),
          ("Rioters", 5), ("Civilians", 7), ("Unidentified Armed Group", 3))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _span(text: str, part: str, field: str, start_at: int = 0) -> dict[str, Any]:
    start = text.index(part, start_at)
    return {"field": field, "start": start, "end": start + len(part), "text": part}


def synthetic_line(article_no: int, rng: random.Random, *, events: int = 2,
                   first_day: date = date(2023, 1, 1), days: int = 365) -> dict[str, Any]:
    """One output line (with ``text``) holding ``events`` events, one sentence each."""
    published = first_day + timedelta(days=rng.randrange(days))
    sentences: list[str] = []
    plans = []
    for _ in range(events):
        place = rng.choice(PLACES)
        sub, etype, verb = rng.choice(ACTIONS)
        a1, a2 = rng.sample(ACTORS, 2)
        back = rng.randrange(0, 6)
        day = published - timedelta(days=back)
        killed = rng.choice((0, 1, 2, 3, 5, 8, 12, 20, 35, 60))
        sentence = (f"On {WEEKDAYS[day.weekday()]}, {a1[0]} {verb} {a2[0]} in {place[0]}, "
                    f"{place[1]}, and {killed} people were killed, local officials said.")
        sentences.append(sentence)
        plans.append((place, sub, etype, a1, a2, day, killed))
    text = f"Report {article_no}. " + " ".join(sentences)
    out_events = []
    cursor = 0
    for n, (place, sub, etype, a1, a2, day, killed) in enumerate(plans):
        s0 = text.index(sentences[n], cursor)
        cursor = s0 + len(sentences[n])
        evidence = [
            _span(text, WEEKDAYS[day.weekday()], "date", s0),
            _span(text, a1[0], "actor1", s0),
            _span(text, a2[0], "actor2", s0 + 3 + len(a1[0])),
            _span(text, place[0], "location", s0),
            _span(text, f"{killed} people were killed", "fatalities", s0),
        ]
        out_events.append({
            "event_id": f"syn-{article_no}-{n}",
            "codes": {"acled": {"event_type": etype, "sub_event_type": sub,
                                "disorder_type": "Political violence"},
                      "muc": None, "plover": None},
            "date": day.isoformat(), "date_precision": 1,
            "location": {"name": place[0], "geonameid": None, "lat": place[4],
                         "lon": place[5], "country": place[1], "country_code": place[2],
                         "admin1": place[3], "admin2": None, "geo_precision": 1},
            "actor1": {"name": a1[0], "inter": a1[1]}, "actor2": {"name": a2[0], "inter": a2[1]},
            "assoc_actors": [], "perpetrators": [], "victims": [], "targets": [], "weapons": [],
            "fatalities": killed, "fatalities_low": killed, "fatalities_high": killed,
            "fatalities_by": None, "wounded": None, "arrested": None, "abducted": None,
            "evidence": evidence, "confidence": round(rng.uniform(0.4, 0.95), 2),
            "sources": [f"syn-{article_no}"], "merged": None,
        })
    return {"schema": SCHEMA, "id": f"syn-{article_no}", "published": published.isoformat(),
            "error": None, "places": [], "dates": [], "events": out_events, "text": text,
            "title": f"Synthetic report {article_no}"}


def synthetic_lines(articles: int, *, events_per_article: int = 2,
                    seed: int = 7) -> list[dict[str, Any]]:
    """``articles`` synthetic output lines, reproducible for a given seed."""
    rng = random.Random(seed)
    return [synthetic_line(i, rng, events=events_per_article) for i in range(articles)]
