"""Event linking: sentences that say who did an incident told before (tables of
sentences written for this test, from several regions).

The rules covered (data/events/links.json):

- a sentence attributes an incident when a word of doing or of responsibility governs a
  definite incident noun that points back ("claimed responsibility for the attack",
  "carried out the operation", "blamed the FMLN for the massacre", "the killing had been
  ordered by ..."); a question or a supposition of who did it does not ("if", "whoever",
  "no one has claimed", "those responsible"), nor an indefinite or unrelated noun;
- such a sentence joins the perpetrators of the nearest violent incident told before it;
  a plural reference ("the attacks") joins every violent incident told before it;
- the people it describes as doing the deed ("three men armed with rifles", "the officers
  who were involved") are individual perpetrators; a vague word with no count ("the
  people") is no one described;
- only the perpetrators change: the event's type, day, place, actors and toll are the
  incident's own.
"""

from __future__ import annotations

import pytest

import sitrep.events.assemble as assemble
from sitrep.events.drafts import Draft, attribution_links
from sitrep.events.frames import Clause, Frame
from sitrep.events.roles import attributed_people, attributes_deed, deed_reference
from sitrep.events.typing import TypeMatch
from sitrep.extract import extract_text

# (sentence, whether it attributes an incident told before)
DEEDS = [
    ("The Taliban claimed responsibility for the attack in a statement.", True),
    ("Al-Shabaab said its fighters carried out the operation.", True),
    ("Prosecutors in Guerrero said members of a cartel committed the crime.", True),
    ("The army blamed the ADF for the massacre near Beni.", True),
    ("Police accused two soldiers of the killing.", True),
    ("THE MILITANTS NEITHER CLAIMED NOR DENIED RESPONSIBILITY FOR THE AMBUSH.", True),
    ("Officials in Quetta said the separatists were responsible for Tuesday's bombing.", True),
    ("The murder of the mayor was committed by members of a death squad.", True),
    ("The attack on the convoy was carried out by fighters of the ADF, the army said.", True),
    ("Officials in Jos attributed the attacks to a militia.", True),
    ("Police in Karachi blamed the explosion on a banned group.", True),
    ("Two colonels were involved in this crime, the commission found.", True),
    ("Police have arrested three suspects in the shooting in Nairobi.", True),
    ("The killing had been ordered by a local commander, witnesses said.", True),
    # -- no attribution: a supposition, a question, no one, or no reference back
    ("No one has claimed responsibility for the attack.", False),
    ("If the ELN carried out the attack, talks will be suspended.", False),
    ("Whoever committed this crime will face justice, the governor of Kaduna said.", False),
    ("The commission will determine who is responsible for the massacre.", False),
    ("Police carried out an operation in the slums of Rio on Monday.", False),
    ("The group was given responsibility for the struggle against death squads.", False),
    ("We urge our people to participate in the stoppage to repudiate the death squads.",
     False),
    ("The army said it carried out air strikes in northern Mali.", False),
    ("Protesters blamed the government for rising prices in Lagos.", False),
    ("Gunmen attacked a bus in Zamfara state on Friday.", False),
]


@pytest.mark.parametrize(("sentence", "expected"), DEEDS)
def test_attributes_deed(sentence: str, expected: bool) -> None:
    assert attributes_deed(sentence) is expected


# (sentence, the incident noun it points back with)
REFERENCES = [
    ("The Taliban claimed responsibility for the attack.", "attack"),
    ("Officials in Jos attributed the attacks to a militia.", "attacks"),
    ("THE MILITIA COMMITTED THIS CRIME.", "crime"),
    ("The army blamed the militia for Sunday's killings in Ituri.", "killings"),
    ("No one has claimed responsibility for the bombing.", None),
    ("Troops patrolled the border near Tillaberi.", None),
]


@pytest.mark.parametrize(("sentence", "noun"), REFERENCES)
def test_deed_reference(sentence: str, noun: str | None) -> None:
    assert deed_reference(sentence) == noun


# (sentence, the people it describes as doing the deed)
PEOPLE = [
    ("Police said three men armed with rifles carried out the raid.",
     ["three men armed with rifles"]),
    ("Prosecutors said members of the Guerreros Unidos cartel committed the crime.",
     ["members of the Guerreros Unidos cartel"]),
    ("THE OFFICERS WHO WERE INVOLVED IN THE CRIME COULD BE RELEASED.", ["THE OFFICERS"]),
    ("ON FRIDAY, FOUR PERSONS SUSPECTED OF PARTICIPATING IN THE ATTACK WERE FREED IN KANO.",
     ["FOUR PERSONS"]),
    ("Police in Dhaka have arrested two suspects in the attack on the blogger.",
     ["two suspects"]),
    ("The army blamed two soldiers for the killing in Cauca.", ["two soldiers"]),
    ("The murder was committed by members of a death squad, police said.",
     ["members of a death squad"]),
    ('The bishop said "rightist sectors and soldiers" could be implicated in the crime.',
     ["rightist sectors", "soldiers"]),
    ("Officials in Bogota said a colonel and two soldiers committed the crime.",
     ["a colonel", "two soldiers"]),
    ("Prosecutors said members of the army and police committed the massacre.",
     ["members of the army and police"]),
    ("COL RAMIREZ, WHO COMMANDS THE BATTALION IN MORAZAN, WAS DIRECTLY INVOLVED IN THE CRIME.",
     ["COL RAMIREZ"]),
    ("Investigators said the major's driver, and two soldiers committed the crime.",
     ["two soldiers"]),
    # -- no one described: a named group (an actor), a vague word, a clause, a supposition
    ("The Taliban claimed responsibility for the attack.", []),
    ("Officials said the people were behind the massacre.", []),
    ("Witnesses said the air force against rebel columns carried out the raid.", []),
    ("If three gunmen carried out the attack, the police will find them.", []),
    ("The enemies of peace carried out this cowardly action, the minister said.", []),
]


@pytest.mark.parametrize(("sentence", "quotes"), PEOPLE)
def test_attributed_people(sentence: str, quotes: list[str]) -> None:
    found = attributed_people(sentence, offset=100)
    assert [p.text for p in found] == quotes
    for p in found:
        assert sentence[p.start - 100:p.end - 100] == p.text


def _draft(sub: str, *sentences: int) -> Draft:
    match = TypeMatch(0, 1, "x", "Violence against civilians", sub, "Political violence",
                      "attack", None, None, 0.8, "asserted")
    return Draft([Frame(k, Clause(0, 1), [match]) for k in sentences])


def _links(text_sentences: list[str], drafts: list[Draft]) -> list[list[int]]:
    text, spans = "", []
    for s in text_sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s + " "
    return attribution_links(text, spans, drafts)


SENTENCES = [
    "Gunmen attacked a village near Bunia on Monday.",  # 0: incident A
    "A bomb exploded at a market in Beni on Tuesday.",  # 1: incident B
    "Officials said the ADF carried out the bombing.",  # 2: singular: the nearest (B)
    "Authorities attribute the attacks to the ADF.",  # 3: plural: A and B
    "No one has claimed responsibility for the attack.",  # 4: not said
]


def test_links_nearest_and_plural() -> None:
    a, b = _draft("Attack", 0), _draft("Remote explosive/landmine/IED", 1)
    assert _links(SENTENCES, [a, b]) == [[3], [2, 3]]


def test_links_skip_a_draft_that_holds_the_sentence() -> None:
    a, b = _draft("Attack", 0), _draft("Remote explosive/landmine/IED", 1, 2)
    assert _links(SENTENCES, [a, b]) == [[3], [3]]


def test_links_only_violent_incidents() -> None:
    protest = _draft("Peaceful protest", 0, 1)
    assert _links(SENTENCES, [protest]) == [[]]


# (article, a perpetrator the linked sentence adds)
ARTICLES = [
    ("MOGADISHU, 3 March 2021 -- A car bomb exploded outside the governor's office in "
     "Mogadishu on Monday, killing nine people. Al-Shabaab said its fighters carried out "
     "the operation.", "Al-Shabaab"),
    ("QUETTA, Pakistan -- A roadside bomb killed five soldiers near Turbat on Tuesday. The "
     "Balochistan Liberation Army said it was responsible for the action.",
     "Balochistan Liberation Army"),
    ("CHILPANCINGO, Mexico -- Gunmen shot dead a mayor in Guerrero state on Friday. "
     "Prosecutors said members of the Guerreros Unidos cartel committed the crime.",
     "members of the Guerreros Unidos cartel"),
]

_FIELDS_KEPT = ("event_id", "codes", "date", "location", "actor1", "actor2", "assoc_actors",
                "victims", "targets", "weapons", "fatalities", "wounded", "arrested",
                "sentence_indices", "trigger", "confidence")


@pytest.mark.parametrize(("text", "perpetrator"), ARTICLES)
def test_linked_perpetrators_and_nothing_else(text: str, perpetrator: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    linked = extract_text(text, published="2021-03-05")["events"]
    assert any(p["text"] == perpetrator for e in linked for p in e["perpetrators"])
    monkeypatch.setattr(assemble, "attribution_links",
                        lambda text, sentences, drafts, *rest: [[] for _ in drafts])
    monkeypatch.setattr(assemble, "attributed_people", lambda sentence, offset=0: [])
    alone = extract_text(text, published="2021-03-05")["events"]
    assert not any(p["text"] == perpetrator for e in alone for p in e["perpetrators"])
    assert [{k: e.get(k) for k in _FIELDS_KEPT} for e in linked] == \
        [{k: e.get(k) for k in _FIELDS_KEPT} for e in alone]
