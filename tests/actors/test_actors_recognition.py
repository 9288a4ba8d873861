"""Actor recognition on hand-written sentences from many regions: every mention, its
ACLED-style name and inter code (tables of input and exact expected output)."""

from __future__ import annotations

import pytest

from sitrep.actors import ActorStage
from sitrep.article import Article

STAGE = ActorStage()

MIL_TN = "Military Forces of Tunisia"
IS = "Islamic State"
UAG = "Unidentified Armed Group"

# (sentence, [(mention text, name, inter), ...]) -- the complete list, in text order.
CASES = [
    # North Africa / Sahel
    ("Tunisian troops killed five militants near Kasserine on Sunday.",
     [("Tunisian troops", MIL_TN, 1), ("militants", UAG, 3)]),
    ("Tunisia's government declared a curfew after the raid.",
     [("Tunisia's government", "Government of Tunisia", 1)]),
    ("The Tunisian police arrested two suspects in Sfax.",
     [("Tunisian police", "Police Forces of Tunisia", 1)]),
    ("Tunisian security forces dispersed the demonstrators with tear gas.",
     [("Tunisian security forces", "Police Forces of Tunisia", 1),
      ("demonstrators", "Protesters", 6)]),
    ("Malian soldiers and Wagner mercenaries entered the village of Moura.",
     [("Malian soldiers", "Military Forces of Mali", 1),
      ("Wagner mercenaries", "Wagner Group", 8)]),
    ("JNIM fighters ambushed a convoy of the Malian army near Boni.",
     [("JNIM fighters", "JNIM: Group for Support of Islam and Muslims", 2),
      ("Malian army", "Military Forces of Mali", 1)]),
    ("Al Qaeda in the Islamic Maghreb claimed the kidnapping of two aid workers.",
     [("Al Qaeda in the Islamic Maghreb", "AQIM: Al Qaeda in the Islamic Maghreb", 2),
      ("aid workers", "Civilians", 7)]),
    ("Fighters of the Islamic State in the Greater Sahara attacked Nigerien gendarmes.",
     [("Islamic State in the Greater Sahara", "Islamic State (Sahel)", 2),
      ("Nigerien gendarmes", "Military Forces of Niger", 1)]),
    ("Burkinabe troops said Ansaroul Islam gunmen had killed 12 villagers.",
     [("Burkinabe troops", "Military Forces of Burkina Faso", 1),
      ("Ansaroul Islam gunmen", "Ansaroul Islam", 2), ("villagers", "Civilians", 7)]),
    # West and Central Africa
    ("Boko Haram insurgents stormed a camp of the Nigerian Army in Borno.",
     [("Boko Haram insurgents", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
      ("Nigerian Army", "Military Forces of Nigeria", 1)]),
    ("ISWAP said it had captured several soldiers.",
     [("ISWAP", "Islamic State (West Africa)", 2), ("soldiers", "Military Forces", 1)]),
    ("Suspected Fulani herdsmen killed 20 farmers in Benue State.",
     [("Fulani herdsmen", "Fulani Ethnic Militia", 4), ("farmers", "Civilians", 7)]),
    ("Ambazonian separatists set fire to a school in Bamenda.",
     [("Ambazonian separatists", "Ambazonian Separatists", 2)]),
    ("Anti-Balaka militiamen clashed with ex-Seleka fighters in Bambari.",
     [("Anti-Balaka militiamen", "Anti-Balaka", 2), ("ex-Seleka fighters", "Ex-Seleka", 2)]),
    ("M23 rebels seized Bunagana after clashes with Congolese troops.",
     [("M23 rebels", "M23: March 23 Movement", 2),
      ("Congolese troops", "Military Forces of the Democratic Republic of Congo", 1)]),
    ("The Allied Democratic Forces killed civilians with machetes near Beni.",
     [("Allied Democratic Forces", "ADF: Allied Democratic Forces", 2),
      ("civilians", "Civilians", 7)]),
    # East Africa / Horn
    ("Al-Shabaab militants attacked an AMISOM base outside Mogadishu.",
     [("Al-Shabaab militants", "Al Shabaab", 2),
      ("AMISOM", "ATMIS: African Union Transition Mission in Somalia", 8)]),
    ("The Rapid Support Forces shelled residents of El Fasher.",
     [("Rapid Support Forces", "RSF: Rapid Support Forces", 2), ("residents", "Civilians", 7)]),
    ("SPLA-IO forces and South Sudanese soldiers exchanged fire in Upper Nile.",
     [("SPLA-IO forces",
       "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition", 2),
      ("South Sudanese soldiers", "Military Forces of South Sudan", 1)]),
    # Middle East
    ("Syria's army recaptured the town from Hayat Tahrir al-Sham.",
     [("Syria's army", "Military Forces of Syria", 1),
      ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", 2)]),
    ("Iraqi forces said Daesh remnants were hiding in the desert.",
     [("Iraqi forces", "Military Forces of Iraq", 1), ("Daesh", IS, 2)]),
    ("Houthi rebels fired a missile at Saudi Arabia's air force base.",
     [("Houthi rebels", "Houthi Movement", 2),
      ("Saudi Arabia's air force", "Military Forces of Saudi Arabia", 1)]),
    ("Israeli soldiers shot a Palestinian protester near Nablus.",
     [("Israeli soldiers", "Military Forces of Israel", 1), ("protester", "Protesters", 6)]),
    ("Hamas and Hezbollah both condemned the strike.",
     [("Hamas", "Hamas", 2), ("Hezbollah", "Hezbollah", 2)]),
    ("Turkish jets struck PKK positions in northern Iraq.",
     [("Turkish jets", "Military Forces of Turkey", 1),
      ("PKK", "PKK: Kurdistan Workers Party", 2)]),
    ("The SDF said IS fighters attacked a checkpoint in Deir ez-Zor.",
     [("SDF", "SDF: Syrian Democratic Forces", 2), ("IS fighters", IS, 2)]),
    # Europe
    ("Ukrainian troops repelled an assault by Russian forces near Bakhmut.",
     [("Ukrainian troops", "Military Forces of Ukraine", 1),
      ("Russian forces", "Military Forces of Russia", 1)]),
    # South and Southeast Asia
    ("Taliban fighters overran a police checkpoint in Helmand.",
     [("Taliban fighters", "Taliban", 2), ("police", "Police Forces", 1)]),
    ("The Pakistani Taliban claimed the bombing that killed six policemen.",
     [("Pakistani Taliban", "TTP: Tehreek-i-Taliban Pakistan", 2),
      ("policemen", "Police Forces", 1)]),
    ("Maoist rebels ambushed a CRPF patrol in Chhattisgarh, Indian police said.",
     [("Maoist rebels", "CPI (Maoist): Communist Party of India (Maoist)", 2),
      ("CRPF", "Police Forces of India", 1), ("Indian police", "Police Forces of India", 1)]),
    ("Naxalites torched two trucks.",
     [("Naxalites", "CPI (Maoist): Communist Party of India (Maoist)", 2)]),
    ("Abu Sayyaf gunmen abducted three fishermen off Sulu.",
     [("Abu Sayyaf gunmen", "Abu Sayyaf", 2), ("fishermen", "Civilians", 7)]),
    ("The New People's Army attacked a Philippine army detachment.",
     [("New People's Army", "NPA: New People's Army", 2),
      ("Philippine army detachment", "Military Forces of the Philippines", 1)]),
    ("Myanmar's military junta bombed a village held by the Arakan Army.",
     [("Myanmar's military junta", "Government of Myanmar", 1),
      ("Arakan Army", "AA: Arakan Army", 2)]),
    # Latin America
    ("Salvadoran army troops clashed with FMLN guerrillas in Chalatenango.",
     [("Salvadoran army troops", "Military Forces of El Salvador", 1),
      ("FMLN guerrillas", "FMLN: Farabundo Marti National Liberation Front", 2)]),
    ("Colombian police blamed the ELN for the pipeline bombing.",
     [("Colombian police", "Police Forces of Colombia", 1),
      ("ELN", "ELN: National Liberation Army", 2)]),
    ("FARC dissidents killed two soldiers in Cauca.",
     [("FARC dissidents", "FARC Dissidents", 2), ("soldiers", "Military Forces", 1)]),
    ("Shining Path guerrillas dynamited a bridge near Ayacucho, Peruvian authorities said.",
     [("Shining Path guerrillas", "Shining Path", 2),
      ("Peruvian authorities", "Government of Peru", 1)]),
    ("Members of the Sendero Luminoso attacked a police post.",
     [("Sendero Luminoso", "Shining Path", 2), ("police", "Police Forces", 1)]),
    # "gunmen from <group>" only describes the group: one actor.
    ("Gunmen from the Jalisco cartel killed a mayor in Michoacán.",
     [("Jalisco cartel", "CJNG: Jalisco New Generation Cartel", 3)]),
    ("Sinaloa Cartel hitmen clashed with Mexican soldiers.",
     [("Sinaloa Cartel", "Sinaloa Cartel", 3), ("hitmen", UAG, 3),
      ("Mexican soldiers", "Military Forces of Mexico", 1)]),
    ("The Manuel Rodríguez Patriotic Front bombed a bank in Santiago.",
     [("Manuel Rodríguez Patriotic Front", "FPMR: Manuel Rodriguez Patriotic Front", 2)]),
    # Generic actors, MUC-style lower case and ALL CAPS
    ("unknown assailants shot dead two peasants; urban commandos later bombed a bank.",
     [("unknown assailants", UAG, 3), ("peasants", "Civilians", 7),
      ("urban commandos", UAG, 3)]),
    ("THE GUATEMALAN ARMY DENIED THAT GUERRILLAS ATTACKED THE FARM.",
     [("GUATEMALAN ARMY", "Military Forces of Guatemala", 1), ("GUERRILLAS", UAG, 3)]),
    ("rioters looted shops before riot police fired tear gas at the mob.",
     [("rioters", "Rioters", 5), ("riot police", "Police Forces", 1), ("mob", "Rioters", 5)]),
    ("death squads killed three trade unionists, the treasury police said.",
     [("death squads", UAG, 3), ("treasury police", "Police Forces", 1)]),
    # Two mentions of one actor, and acronyms
    ("Officials blamed the Islamic State group, aka ISIS, for the attack.",
     [("Islamic State group", IS, 2), ("ISIS", IS, 2)]),
    ("the islamic state of iraq and the levant claimed the blast.",
     [("islamic state of iraq and the levant", IS, 2)]),
    # Decision: "police station" still marks the police (as the attacked side); the event
    # builder decides the role. Only the word "police" is the mention.
    ("Gunmen attacked a police station in Kidal.",
     [("Gunmen", UAG, 3), ("police", "Police Forces", 1)]),
    # Negatives: no actor
    ("Islamic banking grew in Malaysia last year.", []),
    ("The state of Texas passed a new budget.", []),
    ("THE SITUATION IS CALM AND THE ROAD IS OPEN.", []),
    ("The weather is fine and it is sunny.", []),
    ("Fire brigade crews put out the blaze at the Salvation Army shop.", []),
    ("Thousands of Tunisians have left to fight abroad.", []),
    ("He sold FAL rifles in the market.", []),
    ("pro-government forces and anti-government protesters met in the square.",
     [("protesters", "Protesters", 6)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_actors_recognised(sentence: str, expected: list[tuple[str, str, int]]) -> None:
    mentions = STAGE(Article("t", sentence)).actors
    got = [(m.text, m.name, m.inter) for m in mentions]
    assert got == expected
    for m in mentions:  # offsets index the original text
        assert sentence[m.start:m.end] == m.text


@pytest.mark.parametrize(("sentence", "text", "country"), [
    ("Tunisian troops killed five militants.", "Tunisian troops", "TN"),
    ("Syria's army advanced.", "Syria's army", "SY"),
    ("The army advanced.", "army", None),
    ("FMLN guerrillas attacked.", "FMLN guerrillas", "SV"),
    ("US troops withdrew from the base.", "US troops", "US"),
])
def test_actors_country_code(sentence: str, text: str, country: str | None) -> None:
    (m,) = [m for m in STAGE(Article("t", sentence)).actors if m.text == text]
    assert m.country_code == country


def test_actors_sorted_and_non_overlapping() -> None:
    text = " ".join(s for s, _ in CASES)
    mentions = STAGE(Article("t", text)).actors
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
