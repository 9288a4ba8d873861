"""A perpetrator described by a bare noun is quoted by the article's first mention of that
noun, singular or plural; fuller descriptions keep their own quote
(``fillers_described.first_quotes``; texts written for these tests)."""

from __future__ import annotations

import re

import pytest

from sitrep.article import ActorMention, Article
from sitrep.events.fillers import _adjective
from sitrep.events.fillers_described import first_quotes
from sitrep.schema import RoleFiller


def _article(text: str, described: list[str]) -> Article:
    """``text`` with an unidentified-group actor mention at every occurrence of each word
    of ``described`` (as the actor lexicon marks described people)."""
    actors = [ActorMention(m.start(), m.end(), m.group(), "Unidentified Armed Group", 3,
                           "unidentified")
              for w in described for m in re.finditer(rf"\b{re.escape(w)}\b", text)]
    return Article(id="t", text=text, actors=sorted(actors, key=lambda a: a.start))


def _people(text: str):
    """Mentions that name people, as ``fillers.role_fillers`` tells them: not an adjective."""
    return lambda a: not _adjective(text, a)


def _last(text: str, words: str, kind: str = "individual") -> RoleFiller:
    start = text.rindex(words)
    return RoleFiller(words, start, start + len(words), kind)


@pytest.mark.parametrize(
    ("text", "described", "quote", "expected"),
    [
        # the singular later in the report is the plural group named first
        ("Militants stormed the hotel in Mogadishu. Police said one militant was shot.",
         ["Militants", "militant"], "militant", "Militants"),
        ("GUNMEN KILLED A JUDGE IN QUETTA. THE GUNMEN FLED ON MOTORCYCLES.",
         ["GUNMEN"], "GUNMEN", "GUNMEN"),
        ("Insurgents ambushed a convoy near Gao; the insurgent who led them was a local man.",
         ["Insurgents", "insurgent"], "insurgent", "Insurgents"),
        # a fuller description may be another group: its own quote stays
        ("Rebels shelled the town. Two masked rebels later burned the clinic.",
         ["Rebels"], "Two masked rebels", "Two masked rebels"),
        # an adjective is no mention of people ("rebel positions")
        ("Troops shelled rebel positions near Idlib. The rebels answered with rockets.",
         ["rebel", "rebels"], "rebels", "rebels"),
    ],
)
def test_first_quotes(text: str, described: list[str], quote: str, expected: str) -> None:
    article = _article(text, described)
    got = first_quotes(article.actors, [_last(text, quote)], _people(text))
    assert [p.text for p in got] == [expected]
    assert text[got[0].start:got[0].end] == expected


def test_first_quotes_keeps_organisations_and_merges_duplicates() -> None:
    text = "Gunmen of the Red Brigade killed two guards. The gunmen escaped; a gunman was held."
    article = _article(text, ["Gunmen", "gunmen", "gunman"])
    perps = [_last(text, "gunmen"), _last(text, "gunman"),
             _last(text, "Red Brigade", "organization")]
    got = first_quotes(article.actors, perps, _people(text))
    assert [(p.text, p.start, p.kind) for p in got] == [
        ("Gunmen", 0, "individual"), ("Red Brigade", text.index("Red"), "organization")]
