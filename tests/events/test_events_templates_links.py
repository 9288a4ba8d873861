"""Which incident an act is, and who did it: tables of sentences written for this test.

The rules covered (MUC-4 TASKDOC section 1.0 and ACLED's codebook agree on them):

- a person taken by any side whose whereabouts are then unknown ("seized two students,
  who are still missing") is an abduction or forced disappearance (ACLED), a kidnapping
  (MUC-4), not an arrest; an arrest with no such word stays one;
- an air attack told by a word for violence alone ("attacked", "killed": no bomb said)
  is a MUC-4 attack, not a bombing; one that drops bombs stays a bombing; either needs
  civilians hit to be a MUC-4 incident at all;
- the side an arrest is re-typed by is who took the people: the one named after the
  word for taking ("arrested a leader of the MRTA") is who was taken, so the arrest
  stays an arrest; "held by the ELN" is the ELN's act, an abduction;
- the items of a list share the negation or the hypothesis said before its first item
  ("there will not be any more bombings, attacks or murders"); a clause of its own
  after a comma does not ("..., killing two");
- an incident typed otherwise (a battle) that tells in so many words a bombing, a
  kidnapping or an arson within it takes that act's MUC-4 type, not from a reference
  back or a weapon's name alone;
- an armed group told as doing the incident in a clause that refers back to it ("police
  blamed ISWAP for the bombing", "the ADF had carried out the killings") is among its
  perpetrators too, though another side leads the incident's actors.
"""

from __future__ import annotations

import pytest

from sitrep.events.assemble import _act_told
from sitrep.events.drafts import Draft
from sitrep.events.frames import Clause, Frame
from sitrep.events.typing import best_match, classify_sentence

YEAR = 2021
ABDUCTION = "Abduction/forced disappearance"

# (sentence, expected ACLED sub-event type, expected MUC-4 incident type) of the most
# confident asserted trigger
TYPED = [
    # -- a taking followed by a disappearance
    ("National police members dressed in civilian clothes seized two students in Soyapango, "
     "who are still missing.", ABDUCTION, "kidnapping"),
    ("Soldiers detained the activist on Monday in Harare; her whereabouts remain unknown.",
     ABDUCTION, "kidnapping"),
    ("Troops picked up four farmers near Oaxaca, and their relatives say their whereabouts "
     "are unknown.", ABDUCTION, "kidnapping"),
    ("Men in uniform arrested a lawyer in Dhaka last week and he has not been seen since.",
     ABDUCTION, "kidnapping"),
    # ... and none: an arrest stays an arrest.
    ("Police arrested three suspects in Mombasa on Friday.", "Arrests", None),
    ("Security forces detained 12 people in Tunis after the raid.", "Arrests", None),
    # -- who took them: the one after the word for taking was taken
    ("Police in Lima arrested a leader of the Tupac Amaru group on Sunday.", "Arrests", None),
    ("An arrested leader of the Shining Path was moved to a prison in Callao.", "Arrests",
     None),
    ("Two engineers have been held by the ELN since March.", ABDUCTION, "kidnapping"),
    ("Two women have been held by FARC rebels since 16 December in Medellin.",
     ABDUCTION, "kidnapping"),
    # -- air attacks: a bomb said or not
    ("A military helicopter attacked a bus carrying civilians near Kunduz.",
     "Air/drone strike", "attack"),
    ("Warplanes bombed a village near Idlib, killing four civilians.", "Air/drone strike",
     "bombing"),
    ("Air force planes attacked rebel positions in the hills above Kidal.",
     "Air/drone strike", None),
]


@pytest.mark.parametrize(("sentence", "sub", "muc"), TYPED)
def test_typed(sentence: str, sub: str, muc: str | None) -> None:
    m = best_match(classify_sentence(sentence, reference_year=YEAR), asserted_only=True)
    assert m is not None
    assert (m.acled_sub_event_type, m.muc_incident_type) == (sub, muc)


# (sentence, {trigger text: modality})
LISTED = [
    ("They added that there will not be any more bombings, terrorist attacks or murders "
     "of officials.", {"bombings": "negated", "terrorist attacks": "negated",
                       "murders": "negated"}),
    ("The rebels vowed to carry out kidnappings and bombings across North Kivu.",
     {"kidnappings": "hypothetical", "bombings": "hypothetical"}),
    ("The group said it would halt attacks, kidnappings and extortion in Cauca.",
     {"attacks": "hypothetical", "kidnappings": "hypothetical"}),
    # A clause of its own after the comma keeps its own reading.
    ("The group denied the bombing, and militants killed two soldiers in Gao on Monday.",
     {"bombing": "negated", "killed": "asserted"}),
    ("Militants vowed revenge, and on Sunday they bombed a market in Kabul.",
     {"bombed": "asserted"}),
]


@pytest.mark.parametrize(("sentence", "expected"), LISTED)
def test_list_shares_modality(sentence: str, expected: dict[str, str]) -> None:
    got = {m.trigger_text: m.modality for m in classify_sentence(sentence, reference_year=YEAR)}
    assert {k: got.get(k) for k in expected} == expected


def _frame(text: str, *, anaphoric: bool = False, nominal: bool = False) -> Frame:
    matches = classify_sentence(text, 0, reference_year=YEAR)
    assert matches, text
    return Frame(0, Clause(0, len(text)), matches, anaphoric=anaphoric, nominal=nominal)


# (clauses of one incident as (text, anaphoric, nominal), expected MUC-4 type of an act
# told in so many words)
ACTS = [
    ([("Heavy fighting broke out in the north of the capital.", False, False),
      ("The rebels blew up several electricity pylons with dynamite.", False, False)],
     "bombing"),
    ([("Troops and rebels fought for hours near Bunia.", False, False),
      ("The rebels kidnapped two nurses from the health centre.", False, False)],
     "kidnapping"),
    ([("Soldiers clashed with FARC fighters near Tumaco.", False, False),
      ("The rebels set fire to three trucks on the highway.", False, False)], "arson"),
    # No act of its own: a battle with helicopters, a bombing only referred back to, a
    # weapon only named.
    ([("Heavy fighting broke out near Perquin.", False, False),
      ("Helicopter gunships supported the troops.", False, False)], None),
    ([("Fighting raged in the suburbs of Aden.", False, False),
      ("The bombing caused panic among residents.", True, False)], None),
    ([("Clashes went on near Gao.", False, False),
      ("Dynamite was found on the road.", False, True)], None),
]


@pytest.mark.parametrize(("clauses", "expected"), ACTS)
def test_act_told(clauses: list[tuple[str, bool, bool]], expected: str | None) -> None:
    draft = Draft(frames=[_frame(t, anaphoric=a, nominal=n) for t, a, n in clauses])
    assert _act_told(draft) == expected


# (passage, expected perpetrator quotes of its one event, in order)
BLAMED = [
    ("A bomb exploded at a bus station in Maiduguri on Monday, killing four people. Boko "
     "Haram fighters carried out the attack, police said, and officials blamed ISWAP for "
     "the bombing.", ["Boko Haram fighters", "ISWAP", "Boko Haram"]),
    ("Soldiers shot dead three villagers near Kasese on Sunday. Local leaders said the ADF "
     "had carried out the killings.", ["Soldiers", "ADF"]),
    # One side only: nothing added.
    ("Gunmen killed five villagers in an attack on a village near Beni on Sunday. The army "
     "blamed the ADF for the attack.", ["Gunmen", "ADF"]),
]


@pytest.mark.parametrize(("text", "perpetrators"), BLAMED)
def test_blamed_groups_are_perpetrators(extract, text: str, perpetrators: list[str]) -> None:
    events = extract(text, published="2021-03-10")["events"]
    assert len(events) == 1
    assert [p["text"] for p in events[0]["perpetrators"]] == perpetrators
