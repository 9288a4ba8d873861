"""MUC-4's view of an event: the task definition's relevance rules, as passages.

Each passage is run through the whole pipeline; the ACLED event stays, only
``codes.muc.incident_type`` says whether MUC-4 would fill a template for it.
"""

from __future__ import annotations

import pytest

from sitrep.events.muc_relevance import (
    MucFacts,
    civilian_target,
    force_country,
    nationality_before,
    not_relevant_because,
)

# (passage, publication date, MUC incident type of each event in order)
PASSAGES = [
    # Rule 1b: a purely guerrilla act against soldiers or police is no terrorist incident.
    ("Guerrillas ambushed an army patrol near Ayacucho on Tuesday, killing four soldiers.",
     "1990-03-14", [None]),
    ("FARC rebels attacked a police station in Toribio, Cauca, on Friday, wounding three "
     "policemen.", "2012-07-08", [None]),
    ("Taliban fighters killed six police officers at a checkpoint in Kunduz province on "
     "Tuesday.", "2017-03-08", [None]),
    ("Boko Haram insurgents stormed an army base in Monguno on Thursday and killed 11 "
     "soldiers.", "2019-01-04", [None]),
    # ... but civilians, civilian property and infrastructure hit make it one (rule 1).
    ("Rebels attacked a bus on the road to Huancayo on Monday, killing six passengers.",
     "1989-06-13", ["attack"]),
    ("ELN rebels blew up an oil pipeline near Saravena on Sunday, the army said.",
     "2001-05-08", ["bombing"]),
    ("Suspected Shining Path guerrillas dynamited two electricity pylons near Lima on "
     "Monday, causing a blackout.", "1990-05-15", ["bombing"]),
    ("Gunmen attacked a market in Maiduguri on Friday, killing nine traders.",
     "2015-02-21", ["attack"]),
    # ... and so do another country's forces hit across a border, the attacker's
    # nationality said by its description ("Colombian guerrillas").
    ("Colombian guerrillas killed five Venezuelan soldiers in an ambush in Apure state on "
     "Thursday.", "1989-10-27", ["attack"]),
    ("Salvadoran rebels ambushed a Honduran army patrol near Marcala on Sunday, killing "
     "two soldiers.", "1989-06-05", ["attack"]),
    ("Colombian guerrillas killed five Colombian soldiers in an ambush in Arauca on "
     "Thursday.", "1989-10-27", [None]),
    ("Rebels ambushed a Honduran army patrol near Marcala on Sunday, killing two "
     "soldiers.", "1989-06-05", [None]),
    # Rule 2: state forces are perpetrators when the target is civilian.
    ("Soldiers opened fire on villagers in Cabanas department on Saturday, killing three "
     "peasants.", "1989-10-02", ["attack"]),
    # Rule 5: only acts reported as facts (an order to begin, an appeal to stop).
    ("The cartel ordered its gunmen to take hostages among wealthy families in Cali.",
     "1990-01-04", [None]),
    ("Community leaders in Kasai asked the militia to cease its attacks on schools.",
     "2017-06-01", [None]),
    # Rule 7: the nature of the attack or of the target must be told.
    ("Fighting raged all day around the hospital in Zacatecoluca, rebel radio said.",
     "1989-11-14", [None]),
    ("Heavy fighting broke out in northern Mogadishu on Sunday night and was still going "
     "on at dawn, residents said.", "2007-04-02", [None]),
    ("SAN SALVADOR, 25 JUL 89 (DPA) -- THE ARMY SAID TODAY IT HAD SEIZED AN ARSENAL NEAR "
     "SAN MIGUEL. THE TROOPS ALSO CONFISCATED 3,000 FUSES, GRENADES, INCENDIARY BOMBS AND "
     "200 STICKS OF TNT.", "1989-07-25", [None]),
    # Relevant incidents of every kind keep their type.
    ("A car bomb exploded outside a bank in Bogota on Wednesday, wounding 12 passers-by.",
     "1989-10-19", ["bombing"]),
    ("Unidentified gunmen kidnapped a coffee grower near Pereira on Sunday.",
     "1989-08-07", ["kidnapping"]),
    ("Urban commandos set fire to three buses in San Salvador on Tuesday.",
     "1989-11-15", ["arson"]),
    ("Gunmen on motorcycles shot dead a journalist in Karachi on Wednesday, police said.",
     "2012-10-04", ["attack"]),
]


@pytest.mark.parametrize(("text", "published", "expected"), PASSAGES)
def test_muc_view_of_passages(extract, text, published, expected):
    events = extract(text, published=published)["events"]
    assert [(e["codes"].get("muc") or {}).get("incident_type") for e in events] == expected, \
        [(e["codes"], e["trigger"]) for e in events]
    # The ACLED view is unchanged: the incident is still an ACLED event.
    assert all(e["codes"]["acled"] for e in events)


@pytest.mark.parametrize(("facts", "reason"), [
    (MucFacts("attack", "ambushed", "", 2, 1, ["four soldiers"], ["army patrol"], True,
              forces_hit=True), "military target"),
    (MucFacts("attack", "ambushed", "", 2, 1, ["four soldiers", "a teacher"], [], True,
              forces_hit=True), None),
    (MucFacts("attack", "attacked", "", 2, 1, ["three policemen"], ["police station"], True,
              civilians_hit=True, forces_hit=True), None),
    (MucFacts("bombing", "explosives", "", 2, 1, ["five soldiers"], [], True,
              forces_hit=True, foreign_forces=True), None),
    (MucFacts("attack", "killed", "", 2, 1, ["the mayor"], [], True), None),
    (MucFacts("attack", "killed", "", 1, 2, ["two rebels"], [], True), None),
    (MucFacts("attack", "attacked", "", 2, 1, [], [], False, forces_hit=True), None),
    (MucFacts("attack", "violence"), "not specific"),
    (MucFacts("attack", "violence", toll=True), None),
    (MucFacts("attack", "Missiles"), "not specific"),
    (MucFacts("attack", "missiles", targets=["airport"]), None),
    (MucFacts("attack", "attacks", "They asked the militia to cease its "), "not factual"),
    (MucFacts("attack", "attacks", "They asked the militia to cease its ", toll=True), None),
    (MucFacts("attack", "mines", "We demand that they stop using land "), "not factual"),
    (MucFacts("attack", "killed", "The army said that the rebels who "), None),
    (MucFacts(None, "violence"), None),
    # A vague word in the lead, the nature of the attack told in the clause beside it.
    (MucFacts("bombing", "terrorist", told_triggers=["hit"]), None),
    (MucFacts("bombing", "terrorist", told_triggers=["terrorist", "explosives"]),
     "not specific"),
])
def test_not_relevant_because(facts, reason):
    assert not_relevant_because(facts) == reason


@pytest.mark.parametrize(("targets", "civilian"), [
    (["electricity poles"], True),
    (["a bus"], True),
    (["the barracks"], False),
    (["an army patrol", "police station"], False),
    (["police station", "a bank"], True),
    ([], False),
])
def test_civilian_target(targets, civilian):
    assert civilian_target(targets) is civilian


@pytest.mark.parametrize(("text", "country"), [
    ("Colombian guerrillas", "CO"),
    ("MEMBERS OF THE SALVADORAN REBELS", "SV"),
    ("the rebels", None),
    ("Sunday guerrillas", None),
])
def test_nationality_before(text, country):
    assert nationality_before(text, len(text) - len(text.split()[-1])) == country


@pytest.mark.parametrize(("name", "country"), [
    ("Military Forces of Venezuela", "VE"),
    ("Military Forces of Venezuela (1989-1993)", "VE"),
    ("Police Forces of the Philippines", "PH"),
    ("Military Forces", None),
])
def test_force_country(name, country):
    assert force_country(name) == country
