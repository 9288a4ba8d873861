"""One event per incident, with the right toll, place and day: passages through the whole
pipeline (the ``extract`` fixture), read as a table.

Each row is a short report we wrote ourselves, its publication date, and the events it
must give, in the order they are first told: ``n`` events, and for each event only the
fields the row is about (``place`` is matched without accents or case; ``by`` checks the
named keys of ``fatalities_by``). The rules covered: ACLED's toll (most conservative
figure, vague quantities, updates that replace a toll, totals versus parts, zero tolls),
low/high ranges, deaths by side, wounded/arrested/abducted; splitting (round-ups by
place or day, "separately", same day and place aggregated, continuations); no event for
background, history, statistics, denials and hypotheticals; the incident's place (not the
ministry's capital, not the dateline's city unless it is the scene; near = precision 2,
a province only = 3) and day (the sentence's own date; "last week" = precision 2).
"""

from __future__ import annotations

import pytest

Row = tuple[str, str, str | None, list[dict]]


# ---- tolls: the most conservative figure, ranges, vague quantities, updates ----------
TOLLS: list[Row] = [
    ("at_least", "Gunmen killed at least 12 people in an attack on a market in Maiduguri "
     "on Sunday, police said.", "2019-05-14",
     [{"fatalities": 12, "low": 12, "date": "2019-05-12", "place": "maiduguri"}]),
    ("up_to", "Up to 30 people were killed when militants stormed a village near Mopti on "
     "Friday, local officials said.", "2019-03-25",
     [{"fatalities": 30, "high": 30, "date": "2019-03-22", "place": "mopti", "geo": 2}]),
    ("toll_rose", "A car bomb exploded in Mogadishu on Saturday, killing 20 people. By "
     "Sunday the death toll had risen to 31, officials said.", "2018-11-11",
     [{"fatalities": 31, "date": "2018-11-10", "place": "mogadishu"}]),
    ("toll_climbed", "Gunmen attacked a hotel in Bamako on Friday, killing 19 people. The "
     "toll later climbed to 22, the government said.", "2015-11-22",
     [{"fatalities": 22, "date": "2015-11-20", "place": "bamako"}]),
    ("dozens", "Dozens of people were killed when gunmen attacked a church in Owo on "
     "Sunday.", "2022-06-06", [{"fatalities": 12, "place": "owo"}]),
    ("several", "Several soldiers were killed in an ambush by insurgents in Mocimboa da "
     "Praia on Tuesday.", "2021-04-08", [{"fatalities": 10, "by": {"actor2": 10}}]),
    ("hundreds", "Hundreds of people were killed in fighting between rival militias in "
     "Tripoli on Sunday, witnesses said.", "2019-04-09", [{"fatalities": 100}]),
    ("a_dozen_wounded", "A dozen policemen were wounded when protesters threw stones at "
     "them in Lome on Saturday.", "2017-09-10", [{"wounded": 12, "fatalities": None}]),
    ("handful", "A handful of protesters were injured when police dispersed a march in "
     "Lusaka on Tuesday.", "2021-02-18", [{"wounded": 3, "place": "lusaka"}]),
    ("scores_wounded", "A suicide bomber killed 14 people and wounded scores of others at "
     "a rally in Quetta on Tuesday, police said.", "2018-07-11",
     [{"fatalities": 14, "wounded": 20, "place": "quetta"}]),
    ("more_than", "More than 40 people were wounded when police fired tear gas at "
     "protesters in Conakry on Thursday.", "2019-10-20",
     [{"wounded": 40, "fatalities": None, "place": "conakry"}]),
    ("nearly", "Nearly 50 soldiers were killed when jihadists overran an army base in "
     "Indelimane on Friday.", "2019-11-03", [{"fatalities": 50, "date": "2019-11-01"}]),
    ("between", "Between 10 and 15 people died in clashes between herders and farmers in "
     "Jos on Sunday.", "2018-06-26", [{"fatalities": 10, "low": 10, "high": 15}]),
    ("at_least_then_up_to", "At least 40 people were killed in the attack on a hotel in "
     "Ouagadougou on Friday. Up to 50 people died, according to hospital staff.",
     "2016-01-17", [{"fatalities": 40, "low": 40, "high": 50, "place": "ouagadougou"}]),
    ("no_one_hurt", "A bomb exploded outside a bank in Athens early on Tuesday, but no one "
     "was hurt, police said.", "2018-07-12",
     [{"fatalities": None, "place": "athens", "date": "2018-07-10"}]),
    ("no_casualties", "A roadside bomb damaged an army truck near Ramadi on Monday but "
     "caused no casualties, police said.", "2014-03-18",
     [{"fatalities": 0, "wounded": 0, "place": "ramadi", "geo": 2}]),
]

# ---- totals and parts, sides, repeats, perpetrators ------------------------------------
PARTS: list[Row] = [
    ("total_and_parts", "At least 20 people died in the fighting in Kidal on Monday. "
     "Soldiers killed 14 rebels, and six soldiers also died.", "2020-02-11",
     [{"fatalities": 20, "date": "2020-02-10", "place": "kidal"}]),
    ("parts_only", "Five civilians and four policemen were killed when a bomb went off in "
     "Peshawar on Thursday.", "2017-08-04",
     [{"fatalities": 9, "by": {"civilians": 5}, "place": "peshawar"}]),
    ("including", "At least 30 people, including 12 children, were killed when a bomb hit "
     "a bus in Kandahar on Wednesday.", "2018-05-03",
     [{"fatalities": 30, "by": {"civilians": 12}}]),
    ("repeat_same_toll", "Boko Haram fighters killed 23 villagers near Konduga on Saturday. "
     "The 23 villagers were killed as they returned from a funeral, a local leader said.",
     "2020-06-01", [{"fatalities": 23, "by": {"civilians": 23}}]),
    ("both_sides", "Eight soldiers and 15 militants were killed in clashes in Sirte on "
     "Wednesday, a military spokesman said.", "2016-06-16",
     [{"fatalities": 23, "place": "sirte"}]),
    ("attacker_shot_dead", "A man stabbed three people at a train station in Marseille on "
     "Sunday before he was shot dead by soldiers.", "2017-10-02",
     [{"fatalities": 1, "wounded": 3, "place": "marseille"}]),
    ("two_attackers_also_killed", "Gunmen killed six guards at a bank in Kano on Monday. "
     "The two attackers were also killed by police.", "2018-04-17",
     [{"fatalities": 8, "by": {"civilians": 0}, "place": "kano"}]),
    ("killed_and_wounded", "Three people were killed and 15 wounded when a grenade was "
     "thrown into a crowd in Bujumbura on Wednesday.", "2016-01-07",
     [{"fatalities": 3, "wounded": 15, "place": "bujumbura"}]),
    ("one_killed_nine_wounded", "A grenade attack on a market in Juba on Saturday killed "
     "one trader and wounded nine others.", "2016-07-24",
     [{"fatalities": 1, "wounded": 9, "place": "juba"}]),
    ("shot_later_died", "A man was shot in Kingston on Monday night. He later died at "
     "hospital, police said.", "2022-03-01",
     [{"fatalities": 1, "date": "2022-02-28", "place": "kingston"}]),
    ("named_victim", "Juan Perez, 34, was shot and killed outside his home in Tijuana on "
     "Saturday, municipal police said.", "2021-09-06",
     [{"fatalities": 1, "date": "2021-09-04", "place": "tijuana"}]),
    ("children_and_wife", "A man opened fire at his home in Durban on Sunday, killing his "
     "five young children as well as his wife, police said.", "2019-03-04",
     [{"fatalities": 6}]),
    ("mother_of_three", "A mother of three was shot dead in Soweto on Friday.",
     "2020-10-03", [{"fatalities": 1, "place": "soweto"}]),
]

# ---- arrests, abductions ---------------------------------------------------------------
OTHER_OUTCOMES: list[Row] = [
    ("arrested", "Police arrested 45 protesters in Harare on Monday after clashes outside "
     "parliament.", "2019-01-15", [{"arrested": 45, "place": "harare"}]),
    ("hundreds_arrested", "Security forces arrested hundreds of opposition supporters in "
     "Kampala on Monday, according to the party.", "2020-11-20",
     [{"arrested": 100, "place": "kampala"}]),
    ("detained", "Security forces detained 12 journalists covering a protest in Addis "
     "Ababa on Saturday.", "2020-07-05", [{"arrested": 12}]),
    ("abducted", "Gunmen abducted 17 students from a school in Kaduna on Thursday, police "
     "said.", "2021-03-13", [{"abducted": 17, "place": "kaduna"}]),
    ("kidnapped_sailors", "Pirates kidnapped 12 sailors from a cargo ship off Bonny Island "
     "on Tuesday, the shipping company said.", "2020-12-17", [{"abducted": 12}]),
    ("arrests_in_raid", "Police killed two suspected robbers and arrested four others "
     "during a raid in Nairobi on Tuesday.", "2019-08-22",
     [{"fatalities": 2, "arrested": 4, "place": "nairobi"}]),
    ("looting_arrests", "Rioters looted shops and torched cars in Durban on Monday, police "
     "said, adding that 19 people had been arrested.", "2021-07-13",
     [{"arrested": 19, "place": "durban"}]),
    ("wounded_only", "Police fired live rounds at demonstrators in Kinshasa on Sunday, "
     "wounding at least 17 people.", "2018-01-22",
     [{"wounded": 17, "fatalities": None, "place": "kinshasa"}]),
]

# ---- splitting: how many incidents, and which mentions belong to each -----------------
SPLITS: list[Row] = [
    ("roundup_three_cities", "In Kirkuk, a roadside bomb killed three soldiers on Monday. "
     "In Mosul, gunmen shot dead two policemen. In Baquba, a suicide bomber killed nine "
     "people at a funeral.", "2013-06-18",
     [{"place": "kirkuk", "fatalities": 3}, {"place": "mosul", "fatalities": 2},
      {"place": "baqubah", "fatalities": 9}]),
    ("headline_roundup", "Three attacks in Nigeria\n\nIn Maiduguri, a suicide bomber killed "
     "five people on Monday. In Yola, gunmen killed two farmers on Monday. In Jos, a mob "
     "killed a man on Monday.", "2018-02-06",
     [{"place": "maiduguri", "fatalities": 5}, {"place": "yola", "fatalities": 2},
      {"place": "jos", "fatalities": 1}]),
    ("separately", "Troops killed five militants in a raid near Dera Ismail Khan on Friday. "
     "Separately, gunmen shot dead a polio worker in Quetta on Friday.", "2019-04-27",
     [{"place": "dera ismail khan", "fatalities": 5, "geo": 2},
      {"place": "quetta", "fatalities": 1}]),
    ("two_cities_two_days", "Gunmen killed two policemen in Peshawar on Monday. On "
     "Tuesday, a bomb killed five people in Lahore.", "2016-09-07",
     [{"place": "peshawar", "date": "2016-09-05", "fatalities": 2},
      {"place": "lahore", "date": "2016-09-06", "fatalities": 5}]),
    ("same_place_new_day", "Gunmen killed four people in Kidal on Monday. On Wednesday, "
     "another attack in Kidal killed two soldiers.", "2019-09-12",
     [{"date": "2019-09-09", "fatalities": 4}, {"date": "2019-09-11", "fatalities": 2}]),
    ("same_day_same_place", "Fighting broke out in Aleppo on Friday morning between rebels "
     "and government forces. Later on Friday the clashes in Aleppo spread to the old city, "
     "and 20 fighters were killed.", "2012-07-28",
     [{"place": "aleppo", "date": "2012-07-27", "fatalities": 20}]),
    ("continuation_pronoun", "Gunmen attacked a police post in Tillaberi on Thursday. They "
     "killed three officers and burned two vehicles before fleeing toward the border.",
     "2021-05-15", [{"date": "2021-05-13", "fatalities": 3}]),
    ("headline_then_body", "Gunmen kill 6 in church attack\n\nGunmen killed six people, "
     "including a priest, during Sunday mass at a church in Dablo, the mayor said.",
     "2019-05-13", [{"fatalities": 6, "date": "2019-05-12"}]),
    ("local_news_one_shooting", "Man shot, killed in Cleveland\n\nCLEVELAND - A 25-year-old "
     "man was shot and killed late Saturday on the city's east side, police said. "
     "Officers found the victim in a parked car. He was pronounced dead at the scene. "
     "No arrests have been made.", "2016-01-10",
     [{"fatalities": 1, "place": "cleveland", "date": "2016-01-09"}]),
    ("two_days_one_operation", "Fighting between the army and rebels raged in Goma late "
     "on Tuesday and into Wednesday, leaving seven soldiers dead.", "2012-11-22",
     [{"fatalities": 7, "place": "goma"}]),
    ("destruction_in_the_raid", "Gunmen killed 12 villagers in an attack on Ogossagou in "
     "central Mali on Tuesday, local officials said. The attackers burned several houses "
     "before fleeing.", "2023-05-03", [{"fatalities": 12, "date": "2023-05-02"}]),
    ("raids_after_attack", "Militants attacked a barracks in Diffa on Monday, killing nine "
     "soldiers. Troops killed 14 militants during raids near Diffa on Wednesday.",
     "2016-06-09",
     [{"date": "2016-06-06", "fatalities": 9}, {"date": "2016-06-08", "fatalities": 14}]),
]

# ---- no event: background, history, statistics, denials, peaceful politics ------------
NO_EVENT: list[Row] = [
    ("anniversary", "Residents of Srebrenica gathered on Saturday to remember the massacre "
     "of 8,000 men and boys in 1995.", "2020-07-12", []),
    ("mass_grave_history", "Investigators exhumed bodies on Tuesday from a mass grave "
     "linked to the 1994 genocide.", "2019-04-10", []),
    ("statistics", "So far this year more than 200 people have been killed in violence in "
     "the region, according to the United Nations.", "2021-08-01", []),
    ("denied", "The army denied on Tuesday that its soldiers had killed civilians in "
     "Mopti.", "2020-06-10", []),
    ("since_uprising", "Since its 2011 uprising, Tunisia has moved toward democracy, and "
     "more than 3,000 Tunisians have left to fight for jihadist groups abroad.",
     "2016-03-09", []),
]

# ---- the incident's place and day -------------------------------------------------------
PLACE_DAY: list[Row] = [
    ("ministry_in_capital", "The interior ministry in Kabul said on Wednesday that Taliban "
     "fighters had killed eight policemen at a checkpoint in Kunduz on Tuesday night.",
     "2017-05-10", [{"place": "kunduz", "date": "2017-05-09", "fatalities": 8}]),
    ("dateline_not_scene", "NAIROBI, June 3 (Reuters) - Al Shabaab militants killed four "
     "police officers in an attack on a police station in Mandera on Friday, Kenyan "
     "police said.", "2016-06-03", [{"place": "mandera", "date": "2016-06-03"}]),
    ("dateline_is_scene", "BAGHDAD, Oct 4 - A car bomb exploded at a busy market in Baghdad "
     "on Thursday, killing 11 people and wounding 28, police and medics said.",
     "2012-10-05", [{"place": "baghdad", "date": "2012-10-04", "fatalities": 11,
                     "wounded": 28}]),
    ("dateline_only_place", "KANO, Nigeria (AP) - Gunmen shot dead three traders at a "
     "cattle market on Sunday, police said.", "2018-03-05",
     [{"place": "kano", "fatalities": 3, "date": "2018-03-04"}]),
    ("near_town", "Militants ambushed an army convoy near Gao on Sunday, killing four "
     "soldiers.", "2018-01-29", [{"place": "gao", "geo": 2, "fatalities": 4}]),
    ("outside_town", "Clashes continued on Wednesday just outside Bentiu between the army "
     "and rebel fighters, witnesses said.", "2014-04-17",
     [{"place": "bentiu", "geo": 2, "date": "2014-04-16"}]),
    ("province_only", "Insurgents killed 11 soldiers in Zabul province on Thursday, "
     "officials said.", "2016-12-02", [{"place": "zabul", "geo": 3, "fatalities": 11}]),
    ("neighbourhood_in_city", "A man was shot and wounded on Tuesday in the Kensington "
     "section of Philadelphia, police said.", "2016-01-06",
     [{"place": "philadelphia", "wounded": 1}]),
    ("street_not_town", "A teenager was shot near 65th and Thurston in Milwaukee on "
     "Thursday night, police said.", "2016-01-22", [{"place": "milwaukee"}]),
    ("last_week", "Police said on Monday that a journalist was shot dead in Acapulco last "
     "week.", "2019-05-13", [{"fatalities": 1, "date_precision": 2}]),
    ("reporting_day_not_event_day", "Rebels killed five villagers in Beni on Saturday, "
     "the army said on Monday.", "2019-11-04", [{"date": "2019-11-02", "fatalities": 5}]),
    ("airstrike_town", "Air strikes on the town of Saraqib on Thursday killed at least "
     "nine civilians, a monitoring group said.", "2020-02-07",
     [{"place": "saraqib", "date": "2020-02-06", "fatalities": 9,
       "by": {"civilians": 9}}]),
]

# ---- sentences whose head noun, actor or trigger needs care -----------------------------
CLAUSES: list[Row] = [
    ("relative_clause_head", "About 25 farmers who tried to march into Nashik were "
     "arrested on Monday.", "2018-03-14", [{"arrested": 25, "date": "2018-03-12"}]),
    ("police_find_bodies", "Police found the bodies of four traders hacked to death near "
     "Nellore on Friday.", "2017-06-11", [{"fatalities": 4}]),
    ("lead_without_anchor", "Thousands of people marched through Lisbon against "
     "austerity.", "2013-03-04", [{}]),
    ("lead_seizure", "Weapons and ammunition were seized from two hostels in Peshawar "
     "during the raids.", "2016-02-09", [{}]),
    ("lead_demand_not_event", "Opposition parties called for the arrest of the governor "
     "of Lagos.", "2019-08-20", []),
    # A weapon or aircraft with a verb of its own opens a new strike, not a back-reference.
    ("aircraft_subject", "The Syrian warplanes destroyed a hospital in Idlib on Friday.",
     "2019-05-06", [{"date": "2019-05-03", "place": "idlib"}]),
    ("missile_fired_by", "The missile fired by the rebels hit a school in Marib on Sunday, "
     "killing four children.", "2021-02-08", [{"fatalities": 4, "place": "ma'rib"}]),
    ("attack_noun_points_back", "Rebels attacked Kidal on Monday. The attack killed five "
     "soldiers.", "2016-05-25", [{"fatalities": 5, "place": "kidal"}]),
]

ROWS = TOLLS + PARTS + CLAUSES + OTHER_OUTCOMES + SPLITS + NO_EVENT + PLACE_DAY

def test_table_is_large_and_ids_unique():
    assert len(ROWS) >= 60
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("text", "published", "expected"), [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_passage(extract, check_events, text, published, expected):
    check_events(extract(text, published=published)["events"], expected)


# ---- who acted: an actor naming the means after the trigger is the agent -------------
@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Nine villagers were killed in police firing in Bastar district on Monday.",
     "Police Forces", "Civilians"),
    ("Two rebels died in an army ambush in Kivu province on Friday.",
     "Military Forces", "Unidentified Armed Group"),
    ("Six farmers were wounded by army shelling near Kupwara on Tuesday.",
     "Military Forces", None),
])
def test_actor_of_means(extract, text, actor1, actor2):
    ev = extract(text, published="2020-03-04")["events"][0]
    assert ev["actor1"]["name"].startswith(actor1)
    assert (ev["actor2"] or {}).get("name", "").startswith(actor2 or "")


# ---- MUC-4 codes combat only when civilians are hit -----------------------------------
@pytest.mark.parametrize(("text", "muc"), [
    ("Troops clashed with rebels near Gao on Sunday; three civilians were killed in the "
     "crossfire.", "attack"),
    ("Troops clashed with rebels near Gao on Sunday, killing 4 rebels.", None),
])
def test_muc_type_when_civilians_hit(extract, text, muc):
    ev = extract(text, published="2020-03-04")["events"][0]
    assert ev["codes"]["acled"]["sub_event_type"] == "Armed clash"
    assert ev["codes"]["muc"]["incident_type"] == muc


# ---- who did it: not those who only find or investigate it, nor a station's name ------
@pytest.mark.parametrize(("text", "sub", "not_actor1"), [
    ("Police found the bodies of two herders shot dead near Wajir on Sunday.", "Attack",
     "Police"),
    ("Police registered a murder case after a shopkeeper was stabbed to death in Indore on "
     "Tuesday.", "Attack", "Police"),
    ("Security forces arrested more than 60 people during raids in Hebron on Wednesday.",
     "Arrests", None),
    # ACLED: the force that used lethal violence on protesters is actor1.
    ("Kenyan police shot dead two protesters during demonstrations in Nairobi on Tuesday.",
     "Excessive force against protesters", "Protesters"),
])
def test_who_acted_and_type(extract, text, sub, not_actor1):
    ev = extract(text, published="2020-03-04")["events"][0]
    assert ev["codes"]["acled"]["sub_event_type"] == sub
    if not_actor1:
        assert not (ev["actor1"] or {}).get("name", "").startswith(not_actor1)
