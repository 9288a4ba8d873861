"""Event typing: sentences written for these tests, across regions and phrasings."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.events.typing import (
    ACLED_SUB_EVENT_TYPES,
    best_match,
    classify_sentence,
    codes_for,
    muc_if_civilians_hit,
)

# (sentence, expected ACLED sub-event type of the best asserted trigger, expected MUC type)
EVENTS = [
    # Battles
    (
        "Government troops clashed with Al-Shabaab fighters near Afgoye on Tuesday.",
        "Armed clash",
        None,
    ),
    (
        "Heavy fighting broke out between the army and FARC dissidents in Cauca.",
        "Armed clash",
        None,
    ),
    ("Rebels and soldiers exchanged fire for three hours outside Goma.", "Armed clash", None),
    (
        "Militants attacked an army post in Waziristan, sparking a gunfight that lasted hours.",
        "Armed clash",
        None,
    ),
    (
        "About 50 militants launched a dawn attack on army and police posts in the border town.",
        "Armed clash",
        None,
    ),
    (
        "Taliban insurgents stormed a police checkpoint in Kunduz overnight.",
        "Armed clash",
        None,
    ),
    ("GUERRILLAS AND ARMY TROOPS CLASHED IN THE JUNGLE NEAR SAN VICENTE.", "Armed clash", None),
    ("the rebels ambushed a military convoy on the road to kidal.", "Armed clash", None),
    (
        "Government forces recaptured the town of Palmyra from Islamic State.",
        "Government regains territory",
        None,
    ),
    (
        "The Syrian army retook several villages in southern Idlib.",
        "Government regains territory",
        None,
    ),
    (
        "Boko Haram fighters captured the town of Baga after soldiers fled.",
        "Non-state actor overtakes territory",
        None,
    ),
    (
        "Houthi rebels seized control of the district headquarters in Marib province.",
        "Non-state actor overtakes territory",
        None,
    ),
    (
        "The village was recaptured by jihadists on Sunday.",
        "Non-state actor overtakes territory",
        None,
    ),
    # Explosions / remote violence
    (
        "A car bomb exploded outside a hotel in Mogadishu, killing nine people.",
        "Remote explosive/landmine/IED",
        "bombing",
    ),
    (
        "A roadside bomb hit a police vehicle in Helmand.",
        "Remote explosive/landmine/IED",
        "bombing",
    ),
    (
        "Two farmers were killed when their tractor struck a landmine near Kassala.",
        "Remote explosive/landmine/IED",
        "bombing",
    ),
    (
        "A suicide bomber blew himself up at a mosque in Quetta during Friday prayers.",
        "Suicide bomb",
        "bombing",
    ),
    ("A woman detonated her explosive vest at a market in Maiduguri.", "Suicide bomb", "bombing"),
    (
        "Saudi-led coalition airstrikes hit a wedding party in Hajjah.",
        "Air/drone strike",
        "bombing",
    ),
    (
        # A state strike on militants is no MUC-4 terrorist incident (no civilians hit).
        "A US drone strike killed three suspected militants in Shabwa.",
        "Air/drone strike",
        None,
    ),
    ("Warplanes bombed rebel positions east of Damascus.", "Air/drone strike", None),
    (
        "Separatists shelled residential areas of Donetsk overnight.",
        "Shelling/artillery/missile attack",
        "attack",
    ),
    (
        "Mortar rounds landed near the presidential palace in Mogadishu.",
        "Shelling/artillery/missile attack",
        "attack",
    ),
    (
        "Militants fired rockets at an airbase in Anbar.",
        "Shelling/artillery/missile attack",
        "attack",
    ),
    (
        "Unknown assailants hurled a grenade into a bar in Bujumbura, wounding 12.",
        "Grenade",
        "bombing",
    ),
    ("A hand grenade was thrown at a police patrol in Srinagar.", "Grenade", "bombing"),
    (
        "Government helicopters dropped chlorine gas on the town, residents said.",
        "Chemical weapon",
        "attack",
    ),
    # Violence against civilians
    (
        "Gunmen killed 14 villagers in an overnight raid on a village in Plateau State.",
        "Attack",
        "attack",
    ),
    ("Armed men massacred dozens of civilians in Ituri province.", "Attack", "attack"),
    ("Suspected jihadists beheaded a village chief near Mocimboa da Praia.", "Attack", "attack"),
    ("Unidentified gunmen shot dead a journalist in Culiacan.", "Attack", "attack"),
    ("Militiamen hacked to death five farmers in their fields.", "Attack", "attack"),
    ("GUERRILLAS MURDERED THE MAYOR OF THE TOWN ON SATURDAY.", "Attack", "attack"),
    (
        "Gunmen kidnapped 30 students from a school in Kaduna State.",
        "Abduction/forced disappearance",
        "kidnapping",
    ),
    (
        "Two aid workers were abducted by armed men in Tillaberi.",
        "Abduction/forced disappearance",
        "kidnapping",
    ),
    (
        "the eln abducted a businessman on the road to cucuta.",
        "Abduction/forced disappearance",
        "kidnapping",
    ),
    (
        "Soldiers raped at least ten women in the village, a rights group said.",
        "Sexual violence",
        None,
    ),
    # Protests and riots
    (
        "Thousands of teachers marched through Nairobi to demand higher pay.",
        "Peaceful protest",
        None,
    ),
    ("Hundreds of people held a protest outside parliament in Yerevan.", "Peaceful protest", None),
    ("Farmers staged a sit-in at the district office in Punjab.", "Peaceful protest", None),
    ("Police fired tear gas to disperse protesters in Kampala.", "Protest with intervention", None),
    (
        "Riot police used water cannon against demonstrators in Santiago.",
        "Protest with intervention",
        None,
    ),
    ("Police arrested 40 protesters at a rally in Minsk.", "Protest with intervention", None),
    (
        "Security forces opened fire on protesters in Khartoum, killing five.",
        "Excessive force against protesters",
        "attack",
    ),
    (
        "Protesters threw stones at police and blocked roads in Dhaka.",
        "Violent demonstration",
        None,
    ),
    ("Rioters set fire to a police station in Lagos.", "Violent demonstration", "arson"),
    ("An angry mob lynched a suspected thief in Kisumu.", "Mob violence", "attack"),
    (
        "Villagers beat a man to death after accusing him of witchcraft, in an act of mob justice.",
        "Mob violence",
        "attack",
    ),
    # Strategic developments
    ("Police arrested three suspected members of the cell in Casablanca.", "Arrests", None),
    ("Security forces detained an opposition leader in Kinshasa.", "Arrests", None),
    ("Soldiers defused a bomb planted near a bridge in Mosul.", "Disrupted weapons use",
     "bombing"),
    (
        "Troops found an arms cache containing rifles and explosives in Borno.",
        "Disrupted weapons use",
        None,
    ),
    ("Air defences intercepted a ballistic missile over Riyadh.", "Disrupted weapons use", None),
    (
        "Militants looted shops and pharmacies in the town.",
        "Looting/property destruction",
        "robbery",
    ),
    ("Armed men torched dozens of houses in the village.", "Looting/property destruction", "arson"),
    ("GUERRILLAS SET FIRE TO THREE BUSES IN THE CAPITAL.", "Looting/property destruction", "arson"),
    (
        "Bandits robbed passengers on the Abuja-Kaduna highway.",
        "Looting/property destruction",
        "robbery",
    ),
    ("The government and the rebels signed a ceasefire agreement in Juba.", "Agreement", None),
    ("The two factions reached a peace deal after weeks of talks in Doha.", "Agreement", None),
    (
        "Al-Shabaab established a new base in the forest near Jilib.",
        "Headquarters or base established",
        None,
    ),
    (
        "Rebels set up their headquarters in the town hall.",
        "Headquarters or base established",
        None,
    ),
    (
        "The army withdrew from the town without a fight, and rebels moved in.",
        "Non-violent transfer of territory",
        None,
    ),
    (
        # ACLED's codebook lists surrenders among agreements.
        "Two militia commanders surrendered to the army with 40 fighters.",
        "Agreement",
        None,
    ),
    (
        "The two armed groups merged and pledged allegiance to Islamic State.",
        "Change to group/activity",
        None,
    ),
    (
        "The military declared a state of emergency and imposed a curfew in the capital.",
        "Other",
        None,
    ),
    (
        "The guerrillas enforced an armed strike that paralysed transport across the department.",
        "Other",
        "forced work stoppage",
    ),
    # "held" is an arrest only with custody or state forces around it.
    ("Police held 12 suspects overnight in Karachi.", "Arrests", None),
    ("The two men were held for questioning after the raid in Lahore.", "Arrests", None),
    # Combat between armed forces and rebels is a MUC incident only when civilians are hit.
    ("Rebels clashed with soldiers in the village market, killing three civilians.",
     "Armed clash", "attack"),
]

# No event of the article's time: negated, hypothetical, background, statistics.
NON_EVENTS = [
    "The opposition held a meeting in Nairobi on Monday.",
    "Elections were held peacefully across the country on Sunday.",
    "The army denied that guerrillas attacked the presidential farm.",
    "The militants did not attack the town, officials said.",
    "No clashes were reported in the capital on Friday.",
    "There was no fighting in the area overnight.",
    "The group threatened to attack government buildings.",
    "Analysts warned that militants could launch new attacks before the election.",
    "The rebels plan to seize the airport next month.",
    "If the talks fail, the army will attack the rebel stronghold.",
    "The government fears that protests may spread to other cities.",
    "Officials said the group would bomb the pipeline unless its demands were met.",
    "Since its 2011 uprising, Tunisia has moved toward democracy.",
    "More than 3,000 Tunisians have left to fight for ISIS in Syria and Iraq.",
    "At least 200 people have been killed in the region since 2015.",
    "The country has battled a growing Islamist militancy for years.",
    "Rival governments and armed factions vie for control of the country.",
    "The town was the site of a massacre in 1994.",
    "So far this year, 45 journalists have been killed in Mexico.",
    "Over the past decade, the insurgency has displaced two million people.",
    "Sunday marks the anniversary of the 2008 Mumbai attacks.",
    "Last year's bombing of the cathedral killed 20 people.",
    "The earthquake killed 30 people and destroyed hundreds of homes.",
    "The minister expressed condolences to the families of the victims.",
    "The weather was sunny in Nairobi on Tuesday.",
    "Flooding after heavy rain swept away houses in Kerala.",
]


@pytest.mark.parametrize(("sentence", "sub", "muc"), EVENTS)
def test_sentence_typing(sentence: str, sub: str, muc: str | None) -> None:
    best = best_match(classify_sentence(sentence), asserted_only=True)
    assert best is not None, sentence
    assert best.acled_sub_event_type == sub
    assert best.muc_incident_type == muc


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_no_event(sentence: str) -> None:
    assert best_match(classify_sentence(sentence), asserted_only=True) is None


def test_enough_cases() -> None:
    assert len(EVENTS) + len(NON_EVENTS) >= 80
    assert len(NON_EVENTS) >= 20


@pytest.mark.parametrize("variant", [str.lower, str.upper, lambda s: s])
def test_case_insensitive(variant) -> None:
    text = variant("Gunmen kidnapped three engineers near Port Harcourt.")
    assert (
        best_match(classify_sentence(text)).acled_sub_event_type == "Abduction/forced disappearance"
    )


@pytest.mark.parametrize(
    ("word", "sub"),
    [
        ("attacked", "Attack"),
        ("attacking", "Attack"),
        ("attacks", "Attack"),
        ("kidnaps", "Abduction/forced disappearance"),
        ("kidnapping", "Abduction/forced disappearance"),
        ("shelled", "Shelling/artillery/missile attack"),
        ("shelling", "Shelling/artillery/missile attack"),
    ],
)
def test_inflections(word: str, sub: str) -> None:
    m = best_match(classify_sentence(f"Gunmen {word} the village of Kuri."))
    assert m is not None and m.acled_sub_event_type == sub


def test_offsets_and_codes() -> None:
    text = "Witnesses said a car bomb exploded near the market."
    (m, *_) = [x for x in classify_sentence(text, offset=100) if x.trigger_text == "car bomb"]
    assert (m.trigger_start, m.trigger_end) == (
        100 + text.index("car bomb"),
        100 + text.index("car bomb") + 8,
    )
    assert m.acled_event_type == "Explosions/Remote violence"
    assert m.disorder_type == "Political violence"
    assert (m.plover_event_type, m.plover_mode) == ("ASSAULT", "explosives")
    assert m.modality == "asserted"


@pytest.mark.parametrize(
    ("sub", "event_type", "disorder"),
    [
        ("Violent demonstration", "Riots", "Political violence; Demonstrations"),
        ("Peaceful protest", "Protests", "Demonstrations"),
        ("Arrests", "Strategic developments", "Strategic developments"),
        ("Armed clash", "Battles", "Political violence"),
    ],
)
def test_mapping(sub: str, event_type: str, disorder: str) -> None:
    assert codes_for(sub)[:2] == (event_type, disorder)


def test_all_25_sub_event_types_mapped() -> None:
    assert len(ACLED_SUB_EVENT_TYPES) == 25


def test_month_march_is_not_a_protest() -> None:
    m = best_match(classify_sentence("Al-Shabaab fighters attacked a base on 27 March."))
    assert m is not None and m.acled_sub_event_type != "Peaceful protest"


_CASE = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "data"
    / "case2021-task2"
    / "test_set_final_release_with_labels.tsv"
)


@pytest.mark.slow
@pytest.mark.skipif(not _CASE.exists(), reason="shared CASE 2021 data not available")
def test_case2021_floor() -> None:
    from sitrep.events.typing_eval import eval_case

    assert eval_case(_CASE)["weighted_f1"] >= 0.65


@pytest.mark.parametrize(
    ("sentence", "plain", "with_civilians"),
    [
        ("Rebels clashed with soldiers near Goma.", None, "attack"),
        ("The army recaptured the town of Kidal from separatists.", None, "attack"),
        ("A car bomb exploded outside a police station in Kirkuk.", "bombing", "bombing"),
        ("Protesters marched peacefully through Santiago.", None, None),
    ],
)
def test_muc_if_civilians_hit(sentence: str, plain: str | None, with_civilians: str | None) -> None:
    best = best_match(classify_sentence(sentence), asserted_only=True)
    assert best is not None
    assert best.muc_incident_type == plain
    assert muc_if_civilians_hit(best) == with_civilians


@pytest.mark.parametrize(
    ("sentence", "trigger", "sub", "muc"),
    [
        # Weapons seized before use: no MUC-4 incident, whatever the weapon word says.
        ("Troops confiscated two rifles and several sticks of dynamite in Usulutan.",
         "dynamite", "Disrupted weapons use", None),
        ("The army captured 40 rifles and 12 grenades at a rebel camp.", "grenades",
         "Disrupted weapons use", None),
        ("A bomb exploded outside the court in Medellin.", "bomb",
         "Remote explosive/landmine/IED", "bombing"),
    ],
)
def test_weapon_words_retyped(sentence: str, trigger: str, sub: str, muc: str | None) -> None:
    (m,) = [m for m in classify_sentence(sentence) if m.trigger_text == trigger]
    assert (m.acled_sub_event_type, m.muc_incident_type) == (sub, muc)


@pytest.mark.parametrize(
    "sentence",
    [
        "The relics were kept in safe custody at the district office.",
        "The students are held to ransom by the administration.",
        "A hit squad was said to be on its way.",
    ],
)
def test_idioms_are_no_events(sentence: str) -> None:
    assert best_match(classify_sentence(sentence), asserted_only=True) is None


@pytest.mark.parametrize(
    ("sentence", "abduction"),
    [
        # "Missing" alone is not an abduction.
        ("A student went missing in Oaxaca on Friday.", False),
        ("The activist has been missing since March 3, his family said.", False),
        ("Two fishermen have gone missing off the coast of Mindanao.", False),
        ("Relatives said the herder is still missing after he left for the market.", False),
        # Abduction words say so.
        ("A teacher was kidnapped in Zamfara and has been missing since.", True),
        ("The journalist went missing after being picked up by men in plain clothes.", True),
        ("A priest is missing after he was taken by gunmen near Enugu.", True),
        ("Three engineers have been missing since their abduction in Cabo Delgado.", True),
    ],
)
def test_missing_needs_abduction_words(sentence: str, abduction: bool) -> None:
    subs = {m.acled_sub_event_type for m in classify_sentence(sentence)
            if m.modality == "asserted"}
    assert ("Abduction/forced disappearance" in subs) is abduction
