"""Role fillers through the whole pipeline with the trained tagger: quotes index the
article text in any letter case, and the tagger's roles come out the same whatever the
case (articles written for these tests)."""

from __future__ import annotations

from functools import cache

import pytest

from sitrep.article import Article
from sitrep.events.fillers_combine import filler_modes
from sitrep.events.fillers_model import load_tagger
from sitrep.pipeline import DEFAULT_STAGES, Pipeline, load_stage

ARTICLES = [
    "Gunmen from the ELN shot dead two soldiers and a teacher in Arauca with rifles on Monday.",
    "Suspected Shabaab militants threw a grenade at a bus station in Mandera on Sunday, "
    "killing three passengers.",
    "Masked men set fire to the mayor's office in Puno on Friday night. The mayor, Julio "
    "Quispe, was wounded.",
    "A car bomb exploded outside the Interior Ministry in Kabul on Tuesday, killing 12 "
    "people. The Taliban claimed responsibility.",
    "Urban guerrillas of the Shining Path dynamited two power pylons near Lima on Saturday.",
]

SLOTS = ("perpetrators", "victims", "targets", "weapons")


@cache
def _pipeline() -> Pipeline:
    return Pipeline([load_stage(path)() for _, path in DEFAULT_STAGES])


def _fillers(text: str) -> dict[str, list[tuple[str, int, int]]]:
    events = _pipeline().run(Article(id="t", text=text, published=None)).events
    return {s: [(r.text, r.start, r.end) for ev in events for r in getattr(ev, s)]
            for s in SLOTS}


@pytest.mark.parametrize("text", ARTICLES)
@pytest.mark.parametrize("case", [str, str.upper, str.lower])
def test_quotes_index_the_text(text: str, case) -> None:
    article = case(text)
    for quotes in _fillers(article).values():
        for quote, start, end in quotes:
            assert article[start:end] == quote


@pytest.mark.parametrize("text", ARTICLES)
def test_tagged_roles_ignore_letter_case(text: str) -> None:
    if load_tagger() is None:
        pytest.skip("no trained tagger in data/models")
    modes = filler_modes()
    mixed, upper = _fillers(text), _fillers(text.upper())
    for slot, role in (("targets", "Target"), ("weapons", "Weapon")):
        if modes[role] == "model":
            assert [q.lower() for q, _, _ in mixed[slot]] == \
                [q.lower() for q, _, _ in upper[slot]]


@pytest.mark.parametrize(
    ("text", "slot", "expected"),
    [
        (ARTICLES[1], "weapons", "grenade"),
        (ARTICLES[2], "targets", "mayor's office"),
        (ARTICLES[3], "weapons", "car bomb"),
        (ARTICLES[4], "targets", "power pylons"),
        (ARTICLES[4], "perpetrators", "Shining Path"),
    ],
)
def test_fillers_found(text: str, slot: str, expected: str) -> None:
    assert any(expected.lower() in q.lower() for q, _, _ in _fillers(text)[slot])


@pytest.mark.parametrize("text", ARTICLES)
def test_no_quote_ends_on_a_function_word(text: str) -> None:
    for quotes in _fillers(text).values():
        for quote, _, _ in quotes:
            assert quote.split()[-1].lower() not in ("of", "and", "in", "by", "to")
