"""Perpetrators read off the grammar of event sentences (events/fillers_agents.py): the
described people doing the attack verb, the accused, and the officer commanding them.
Sentences are our own, from several regions."""

from __future__ import annotations

import pytest

from sitrep.article import Sentence
from sitrep.events.fillers_agents import agent_fillers, commanders, doers, is_state


def _one(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text))]


@pytest.mark.parametrize(("text", "expected"), [
    # subject of an active attack verb
    ("Masked gunmen shot dead a shopkeeper in Peshawar on Monday.", ["Masked gunmen"]),
    ("Suspected herdsmen killed 12 villagers in Benue State overnight.",
     ["Suspected herdsmen"]),
    ("THE CRIMINALS, RIDING MOTORCYCLES, INTERCEPTED THE CAR OF THE JUDGE.", ["CRIMINALS"]),
    ("Several armed individuals who were waiting outside the church opened fire on the "
     "worshippers.", ["Several armed individuals"]),
    ("Two men on a motorcycle hurled a grenade at the police post in Srinagar.",
     ["Two men"]),
    ("Hooded youths torched three buses in the suburbs of Lyon.", ["Hooded youths"]),
    ("About 30 militiamen raided the camp near Bunia at dawn.", ["About 30 militiamen"]),
    ("Unknown assailants reportedly stabbed the activist in Dhaka.", ["Unknown assailants"]),
    ("TWO INDIVIDUALS WHO WERE PASSING BY PLACED THE EXPLOSIVES AND FLED.",
     ["TWO INDIVIDUALS"]),
    # agent of a passive one
    ("The village was attacked by heavily armed bandits, residents said.",
     ["heavily armed bandits"]),
    ("The mayor of Iguala was kidnapped last night by six armed men.", ["six armed men"]),
    ("The bus was torched by a mob of angry youths near Kano.", ["mob"]),
    # the accused
    ("Police arrested two suspects after the bombing of the market in Mogadishu.",
     ["two suspects"]),
    ("Three persons suspected of taking part in the ambush were released.",
     ["Three persons"]),
    ("Four men accused of the lynching in Alwar were granted bail.", ["Four men"]),
    # no doers: the harmed, the state as victim, speech, plans, peaceful acts
    ("The 15 people killed in the blast were buried on Friday.", []),
    ("Who are the other 15 people killed?", []),
    ("Two soldiers were killed by a roadside bomb in Kunar.", []),
    ("Protesters marched peacefully through Santiago on Sunday.", []),
    ("The minister said militants would attack again.", []),
    ("Residents fled the town of Pibor after the clashes.", []),
    ("Police said the culprits had not been identified.", []),
    ("French police are hunting a suspect who left on a bicycle.", []),
    ("Kurdish-led militias captured the last town held by the group.", []),
])
def test_doers(text: str, expected: list[str]) -> None:
    assert [r.text for r in doers(text, _one(text)[0])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A patrol led by Captain Aziz Khan raided the village at dawn.", ["Captain Aziz Khan"]),
    ("Villagers said soldiers commanded by Lieutenant Colonel Moussa Diallo burned the "
     "houses.", ["Lieutenant Colonel Moussa Diallo"]),
    ("THEY WERE CAPTURED BY ARMY TROOPS COMMANDED BY MURDERER COLONEL CANAS.",
     ["COLONEL CANAS"]),
    ("Gunmen under the command of Commander Ali Mahdi stormed the checkpoint.",
     ["Commander Ali Mahdi"]),
    ("Police officers led by Inspector Juan Ortega and two sergeants beat the detainees.",
     ["Inspector Juan Ortega"]),
    # a government, an office or an unnamed officer: no commander of doers
    ("The military government headed by General Augusto Pinochet denied the charges.", []),
    ("The commission headed by Judge Mary Okafor will report in May.", []),
    ("The unit was commanded by a young lieutenant.", []),
])
def test_commanders(text: str, expected: list[str]) -> None:
    assert [r.text for r in commanders(text, _one(text)[0])] == expected


@pytest.mark.parametrize(("text", "civilians_hit", "expected"), [
    # state forces' doing counts only when civilians were hit (combat is no crime)
    ("Army troops shot three farmers near Ayutla.", True, ["Army troops"]),
    ("Army troops attacked the rebel camp near the border.", False, []),
    ("Two policemen beat the vendor in Lahore.", True, ["Two policemen"]),
    ("Armed bandits attacked the convoy near Zamfara.", False, ["Armed bandits"]),
])
def test_state_doers_need_civilian_victims(text: str, civilians_hit: bool,
                                            expected: list[str]) -> None:
    found = agent_fillers(text, _one(text), [0], civilians_hit=civilians_hit)
    assert [r.text for r in found] == expected
    assert all(r.kind == "individual" for r in found)


@pytest.mark.parametrize(("quote", "state"), [
    ("army troops", True), ("national police members", True), ("two policemen", True),
    ("masked gunmen", False), ("urban guerrillas", False), ("suspects", False),
])
def test_is_state(quote: str, state: bool) -> None:
    from sitrep.schema import RoleFiller
    assert is_state(RoleFiller(quote, 0, len(quote), "individual")) is state


def test_offsets_and_sentences() -> None:
    text = "Rain fell. Masked gunmen shot the judge. Police arrested two suspects."
    sentences = [Sentence(0, 0, 10), Sentence(1, 11, 40), Sentence(2, 41, len(text))]
    found = agent_fillers(text, sentences, [1, 1, 7])
    assert [(r.text, text[r.start:r.end]) for r in found] == [("Masked gunmen", "Masked gunmen")]
    found = agent_fillers(text, sentences, [1, 2])
    assert [r.text for r in found] == ["Masked gunmen", "two suspects"]
