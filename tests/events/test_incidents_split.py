"""How an article's clauses split into incidents, and which type an incident gets.

Passages we wrote ourselves (other regions, other phrasings than the seed) run through the
whole pipeline (the ``extract`` fixture); each row gives the events expected in the order
first told, with the fields the row is about. The rules covered:

- an operation that killed or wounded someone is the fight it was: the toll outranks the
  arrests and weapons seizures of the same raid in choosing the type (ACLED codes a raid
  with fatalities as an armed clash or an attack, not as Arrests or Disrupted weapons
  use); without a toll an arrest or a seizure keeps its own type, and demonstrations keep
  theirs, which may carry a toll;
- a seizure or an arrest told as a sequel of an incident ("recovered a rifle after the
  attack", "in the wake of the bombing") is an event of its own, even with no day or
  place of its own;
- a definite reference with nothing new ("The targets of the attack were ...", "The
  attacks also damaged ...") points back to the incident told before it, even when ACLED
  types the two words apart (an attack, a bombing);
- a clause that names several places as coordinated scenes ("in Kano and Kaduna", "in
  Gao as well as in Menaka") tells one incident per place (ACLED's one event per
  location), and so does a list closed by one ("in Kano, Kaduna, and Zaria"), unless it
  gives a toll (not split among them), or the places are a town and its province, a span
  ("between Fallujah and Baghdad") or agencies ("the Kano and Kaduna police"); a
  side-action at one of those places (an arson) joins no other side-action of the
  sentence;
- a clause that names a day and a year happened on that day;
- ", and" closing a list of places does not cut the clause; "reported that a bomb" is
  no reference back to a bomb told before.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.article import DateMention
from sitrep.events.drafts import frame_date
from sitrep.events.frames import Clause, Frame
from sitrep.events.typing import classify_sentence
from tests.passages import fold

CLASH = "Armed clash"
ARRESTS = "Arrests"
SEIZURE = "Disrupted weapons use"

# (id, text, published, expected events in order: fields to check)
ROWS: list[tuple[str, str, str, list[dict]]] = [
    # -- the toll outranks the operation's arrests and seizures
    ("raid_kills_and_seizes_nigeria",
     "Nigerian soldiers killed four Boko Haram fighters during a raid on a hideout near "
     "Bama on Thursday and seized rifles and ammunition.", "2020-03-06",
     [{"sub": CLASH, "fatalities": 4}]),
    ("raid_kills_and_arrests_pakistan",
     "Police in Karachi killed two suspected militants in a raid on Sunday and arrested "
     "five others.", "2019-06-10",
     [{"sub": CLASH, "fatalities": 2, "arrested": 5}]),
    ("recovered_explosives_and_wounded_colombia",
     "Colombian troops recovered explosives and wounded three FARC dissidents in a raid in "
     "Popayan on Tuesday.", "2021-02-17",
     [{"sub": CLASH, "wounded": 3}]),
    ("arrests_told_first_iraq",
     "Security forces arrested 12 people and killed one gunman during an operation in "
     "Mosul on Friday.", "2017-04-08",
     [{"sub": CLASH, "fatalities": 1, "arrested": 12}]),
    ("house_raid_seizing_explosives_turkey",
     "Turkish police raided a house in Gaziantep on Tuesday, killing two Islamic State "
     "suspects and seizing explosives.", "2016-07-20",
     [{"sub": CLASH, "fatalities": 2}]),
    ("seizure_in_next_sentence_mali",
     "Soldiers killed six jihadists in a raid on a camp near Mopti on Tuesday and arrested "
     "two others. Weapons and motorbikes were seized.", "2020-06-03",
     [{"sub": CLASH, "fatalities": 6, "arrested": 2}]),
    ("killed_and_seized_their_weapons_drc",
     "The army killed three rebels near Beni on Friday and seized their weapons.",
     "2020-10-03", [{"sub": CLASH, "fatalities": 3}]),
    # -- no toll: the arrest or the seizure is the event
    ("arrests_without_toll_pakistan",
     "Police arrested 30 people during raids in Lahore on Monday.", "2018-05-08",
     [{"sub": ARRESTS, "arrested": 30, "fatalities": None}]),
    ("seizure_without_toll_mali",
     "Soldiers seized 200 kilograms of explosives in a raid on a farm near Gao on Saturday.",
     "2019-09-15", [{"sub": SEIZURE, "fatalities": None}]),
    # -- a demonstration keeps its type with a toll
    ("protesters_fired_on_sudan",
     "Police fired on protesters in Khartoum on Thursday, killing two.", "2019-01-18",
     [{"sub": "Excessive force against protesters", "fatalities": 2}]),
    # -- sequels told after the incident are events of their own
    ("cache_found_after_the_attack_nigeria",
     "Gunmen killed five villagers in Gusau on Sunday. Police found a cache of rifles in a "
     "nearby forest after the attack.", "2020-08-10",
     [{"sub": "Attack", "fatalities": 5}, {"sub": SEIZURE, "fatalities": None}]),
    ("arrests_after_the_attack_afghanistan",
     "Militants stormed a checkpoint near Kandahar on Monday, killing three policemen. "
     "Afghan forces arrested four suspects after the attack.", "2021-05-11",
     [{"sub": CLASH, "fatalities": 3}, {"sub": ARRESTS, "arrested": 4}]),
    ("detained_in_the_wake_of_the_bombing_somalia",
     "A bomb exploded in a market in Mogadishu on Tuesday, killing six people. In the wake "
     "of the bombing, police detained 20 people.", "2019-12-04",
     [{"sub": "Remote explosive/landmine/IED", "fatalities": 6},
      {"sub": ARRESTS, "arrested": 20}]),
    ("arrested_and_recovered_after_the_attack_egypt",
     "Gunmen opened fire on a bus near Minya on Friday, killing seven pilgrims. Police "
     "later arrested three suspects and recovered a rifle after the attack.", "2018-11-05",
     [{"sub": "Attack", "fatalities": 7}, {"sub": ARRESTS, "arrested": 3}]),
    ("arrests_after_the_attack_same_sentence_nigeria",
     "Gunmen killed two guards at a bank in Kano on Monday, and police arrested five "
     "suspects after the attack.", "2019-02-12",
     [{"fatalities": 2, "arrested": None}, {"sub": ARRESTS, "arrested": 5}]),
    ("caches_discovered_after_the_killings_nigeria",
     "Gunmen killed nine farmers near Bokkos on Tuesday. Two weapons caches were "
     "discovered in the area after the killings.", "2021-06-10",
     [{"sub": "Attack", "fatalities": 9}, {"sub": SEIZURE, "fatalities": None}]),
    ("recovered_following_the_assault_pakistan",
     "Militants attacked a power station in Chaman on Sunday, wounding four guards. "
     "Grenades and detonators were recovered in the town following the assault.",
     "2022-08-30",
     [{"sub": "Attack", "wounded": 4}, {"sub": SEIZURE, "wounded": None}]),
    # -- the incident a sequel names is still told once
    ("patrol_after_the_bombing_nigeria",
     "Troops patrolled the streets of Maiduguri after Monday's bombing, which killed 12 "
     "people.", "2018-02-14",
     [{"sub": "Remote explosive/landmine/IED", "fatalities": 12, "date": "2018-02-12"}]),
    # -- one event per scene of a clause naming coordinated places
    ("posts_attacked_in_two_towns_nigeria",
     "Gunmen attacked police posts in Kano and Kaduna on Wednesday.", "2020-02-20",
     [{"place": "kano"}, {"place": "kaduna"}]),
    ("kidnapped_in_gao_as_well_as_in_menaka_mali",
     "Militants kidnapped aid workers in Gao as well as in Menaka on Saturday.",
     "2019-07-15", [{"place": "gao"}, {"place": "menaka"}]),
    ("churches_burned_in_two_towns_cameroon",
     "Armed men set fire to churches in Nkambe and Ndop on Saturday.", "2022-01-10",
     [{"place": "nkambe"}, {"place": "ndop"}]),
    ("clashes_near_two_towns_drc",
     "Clashes between troops and rebels were reported near Beni and Butembo on Sunday.",
     "2017-09-04", [{"place": "beni"}, {"place": "butembo"}]),
    # a list "A, B, and C" closed by a coordinated pair: each item a scene
    ("towers_bombed_in_three_towns_nigeria",
     "Militants bombed telecom towers in Kano, Kaduna, and Zaria on Sunday night, "
     "officials said.", "2020-01-01",
     [{"place": "kano"}, {"place": "kaduna"}, {"place": "zaria"}]),
    ("stations_burned_in_three_towns_mali",
     "Arsonists set fire to polling stations in Mopti, Segou, and Gao on Saturday.",
     "2020-01-01", [{"place": "mopti"}, {"place": "segou"}, {"place": "gao"}]),
    ("camps_attacked_in_three_towns_kenya",
     "Al-Shabaab fighters attacked police camps in Mandera, Wajir, and Garissa on Sunday.",
     "2020-01-01", [{"place": "mandera"}, {"place": "wajir"}, {"place": "garissa"}]),
    ("list_with_toll_stays_whole_pakistan",
     "Bombs exploded in Quetta, Sibi and Turbat on Friday, killing 12 people.",
     "2020-01-01", [{"fatalities": 12}]),
    ("toll_over_two_towns_stays_whole_nigeria",
     "Gunmen killed 12 people in Kano and Kaduna on Friday.", "2018-03-03",
     [{"fatalities": 12}]),
    ("town_with_its_province_drc",
     "Rebels attacked a bus near Goma, North Kivu, on Tuesday.", "2019-10-02",
     [{"place": "goma"}]),
    ("between_two_towns_iraq",
     "Troops retook the town of Garma, between Fallujah and Baghdad, on Sunday.",
     "2016-03-14", [{"sub": "Government regains territory"}]),
    ("two_towns_police_nigeria",
     "Two robbery suspects were arrested by the Kano and Kaduna police on Monday.",
     "2021-04-20", [{"sub": ARRESTS, "arrested": 2}]),
    # -- definite references point back
    ("the_attacks_also_damaged_niger",
     "Militants ambushed an army convoy near Diffa on Sunday, killing four soldiers. The "
     "attacks also damaged two trucks.", "2019-04-16",
     [{"sub": CLASH, "fatalities": 4}]),
    ("the_targets_of_the_attack_iraq",
     "A car bomb exploded outside a police station in Kirkuk on Saturday, wounding nine "
     "people. The targets of the attack were officers leaving the station.", "2020-01-20",
     [{"sub": "Remote explosive/landmine/IED", "wounded": 9}]),
    ("claimed_the_attack_somalia",
     "A roadside bomb hit a military vehicle near Kismayo on Monday, killing two soldiers. "
     "Al Shabaab claimed the attack.", "2020-02-11",
     [{"sub": "Remote explosive/landmine/IED", "fatalities": 2}]),
    ("the_attackers_fled_pakistan",
     "Two policemen were shot dead in Peshawar on Friday. The attackers fled on a "
     "motorbike, police said.", "2016-03-12",
     [{"fatalities": 2, "date": "2016-03-11"}]),
]


def _check(events: list[dict], expected: list[dict]) -> None:
    got = [((e["codes"]["acled"] or {}).get("sub_event_type"), e["date"], e["fatalities"],
            e["wounded"], e["arrested"]) for e in events]
    assert len(events) == len(expected), got
    for ev, want in zip(events, expected, strict=True):
        for key, value in want.items():
            if key == "sub":
                assert (ev["codes"]["acled"] or {}).get("sub_event_type") == value, got
            elif key == "place":
                assert value in fold((ev.get("location") or {}).get("name")), got
            else:
                assert ev[key] == value, (key, got)


@pytest.mark.parametrize(("text", "published", "expected"), [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_incident_split(extract, text, published, expected):
    _check(extract(text, published=published)["events"], expected)


def _date(start: int, text: str, value: str, grain: str, first: date, last: date):
    return DateMention(start, start + len(text), text, value, grain, first, last)


@pytest.mark.parametrize(("dates", "expected"), [
    # "at 1830 on Thursday, 25 May": a clock time read as a year loses to the day.
    ([_date(30, "1830", "1830", "year", date(1830, 1, 1), date(1830, 12, 31)),
      _date(38, "Thursday, 25 May", "1989-05-25", "day", date(1989, 5, 25),
            date(1989, 5, 25))], "1989-05-25"),
    # "in March, on the 9th": the day.
    ([_date(31, "March", "2021-03", "month", date(2021, 3, 1), date(2021, 3, 31)),
      _date(45, "the 9th", "2021-03-09", "day", date(2021, 3, 9), date(2021, 3, 9))],
     "2021-03-09"),
    # Two days: the one nearest the trigger.
    ([_date(2, "Monday", "2016-03-07", "day", date(2016, 3, 7), date(2016, 3, 7)),
      _date(40, "Wednesday", "2016-03-09", "day", date(2016, 3, 9), date(2016, 3, 9))],
     "2016-03-09"),
])
def test_frame_date_prefers_the_day(dates, expected):
    text = "Rebels attacked the barracks and the clashes went on, the army said today."
    matches = [m for m in classify_sentence(text, 0) if m.trigger_text == "clashes"]
    assert matches
    frame = Frame(0, Clause(0, len(text)), matches, dates=dates)
    assert frame_date(frame).value == expected



@pytest.mark.parametrize(("text", "clauses"), [
    # ", and" closing a list of places keeps the list in one clause (so each place can
    # be told apart as a scene of its own).
    ("The institutes in Vina del Mar, Talca, and Temuco were the target of bomb attacks.",
     ["The institutes in Vina del Mar, Talca, and Temuco were the target of bomb attacks."]),
    ("Gunmen raided villages in Zamfara, Sokoto, and Kebbi states on Monday.",
     ["Gunmen raided villages in Zamfara, Sokoto, and Kebbi states on Monday."]),
    # A new subject after ", and" opens a clause, even after a comma earlier on.
    ("In Cali, the police said, and soldiers arrested four men on Friday.",
     ["In Cali, the police said", ", and soldiers arrested four men on Friday."]),
    ("Rebels burned a bus, and the army killed two of them.",
     ["Rebels burned a bus", ", and the army killed two of them."]),
])
def test_split_clauses_keeps_lists(text, clauses):
    from sitrep.events.frames import split_clauses

    assert [text[c.start:c.end] for c in split_clauses(text, 0, len(text))] == clauses


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "reported that a bomb": "that" introduces the report, it does not point back to a
    # bomb told before; the bomb is an incident of its own.
    ("Gunmen set fire to a church in Jos on Friday. On Tuesday police reported that a "
     "bomb, which had been hidden in a car, damaged a market in Bauchi.", "1989-11-02",
     [{"sub": "Looting/property destruction", "place": "jos"},
      {"sub": "Remote explosive/landmine/IED", "place": "bauchi"}]),
])
def test_reported_that_is_no_reference(extract, text, published, expected):
    _check(extract(text, published=published)["events"], expected)
