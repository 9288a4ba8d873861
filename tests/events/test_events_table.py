"""The events table (issue 6): sentences written for this test across regions and
phrasings, each with the ACLED sub-event type expected of it and the actors the actors
stage finds in it (qualified by the event's country, as the event builder does).

A sentence's type is its most confident asserted trigger (``classify_sentence`` +
``best_match(asserted_only=True)``), with 2024 as the publication year (so "in 2014" is
history); ``None`` means no event: threats, denials, plans, negations, history,
statistics, claims of responsibility, sanctions, ordinary crime and disasters.
Actor names are the ActorStage's, passed through :func:`sitrep.actors.qualify` with the
country the event happens in (``None`` where the sentence names none).
"""

from __future__ import annotations

import pytest

from sitrep.actors import ActorStage, qualify
from sitrep.events.typing import best_match, classify_sentence
from sitrep.ingest.readers import make_article

PUBLISHED_YEAR = 2024

# (sentence, event country, expected ACLED sub-event type, expected actor names)
EVENTS = [
    ("Jihadists from JNIM attacked a military post near Boulkessi, Mali, on Sunday, "
     "and soldiers fought them off.",
     "Mali", "Armed clash",
     ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali")),
    ("Gunmen killed 14 villagers in an attack on the village of Solhan in Burkina "
     "Faso on Friday night.",
     "Burkina Faso", "Attack",
     ("Civilians (Burkina Faso)", "Unidentified Armed Group (Burkina Faso)")),
    ("A roadside bomb struck an army convoy near Menaka, killing three Malian soldiers.",
     "Mali", "Remote explosive/landmine/IED",
     ("Military Forces of Mali",)),
    ("Nigerien troops recaptured the town of Tillia from Islamic State fighters on Thursday.",
     "Niger", "Government regains territory",
     ("Islamic State", "Military Forces of Niger")),
    ("Boko Haram fighters seized the town of Damasak in Borno State after the "
     "Nigerian army withdrew.",
     "Nigeria", "Non-violent transfer of territory",
     ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Military Forces of Nigeria")),
    ("Bandits abducted 30 students from a boarding school in Zamfara State, Nigeria, "
     "police said.",
     "Nigeria", "Abduction/forced disappearance",
     ("Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)")),
    ("A female suicide bomber blew herself up at a market in Maiduguri, killing eight people.",
     "Nigeria", "Suicide bomb",
     ("Unidentified Armed Group (Nigeria)",)),
    ("Chadian police arrested 12 opposition activists in N'Djamena on Monday.",
     "Chad", "Arrests",
     ("Police Forces of Chad",)),
    ("Residents of Bamako marched peacefully on Friday to demand the departure of "
     "French troops.",
     "Mali", "Peaceful protest",
     ("Civilians (Mali)", "Military Forces of France")),
    ("Police in Dakar fired tear gas to disperse supporters of Ousmane Sonko who had "
     "gathered outside the court.",
     "Senegal", "Protest with intervention",
     ("Police Forces of Senegal",)),
    ("Protesters in Niamey burned tyres and threw stones at police after the election "
     "result was announced.",
     "Niger", "Violent demonstration",
     ("Police Forces of Niger", "Protesters (Niger)")),
    ("An angry mob lynched a suspected thief in Kano on Tuesday.",
     "Nigeria", "Mob violence",
     ("Rioters (Nigeria)",)),
    ("Al-Shabaab militants fired mortar shells at the presidential palace in "
     "Mogadishu on Wednesday.",
     "Somalia", "Shelling/artillery/missile attack",
     ("Al Shabaab",)),
    ("A grenade thrown into a bar in Garissa, Kenya, wounded nine people on Saturday.",
     "Kenya", "Grenade",
     ()),
    ("Ethiopian federal forces clashed with Tigrayan fighters near Alamata on Monday.",
     "Ethiopia", "Armed clash",
     ("Military Forces of Ethiopia", "TPLF: Tigray People's Liberation Front")),
    ("A drone strike hit a market in Tigray, killing dozens of civilians, witnesses said.",
     "Ethiopia", "Air/drone strike",
     ("Civilians (Ethiopia)",)),
    ("Kenyan police shot dead two protesters during anti-tax demonstrations in "
     "Nairobi on Tuesday.",
     "Kenya", "Excessive force against protesters",
     ("Police Forces of Kenya", "Protesters (Kenya)")),
    ("Somali soldiers defused a car bomb parked near a checkpoint in Baidoa.",
     "Somalia", "Disrupted weapons use",
     ("Military Forces of Somalia",)),
    ("Ugandan soldiers raped women in villages near the border, a rights group "
     "reported on Monday.",
     "Uganda", "Sexual violence",
     ("Military Forces of Uganda",)),
    ("Thousands of teachers went on strike across Uganda on Monday over unpaid salaries.",
     "Uganda", "Peaceful protest",
     ()),
    ("Israeli warplanes struck targets in Gaza City overnight, killing four people.",
     "Palestine", "Air/drone strike",
     ("Military Forces of Israel",)),
    ("Houthi rebels fired a ballistic missile at Marib city on Sunday.",
     "Yemen", "Shelling/artillery/missile attack",
     ("Houthi Movement",)),
    ("Syrian government forces regained control of the town of Saraqeb from rebels on Monday.",
     "Syria", "Government regains territory",
     ("Military Forces of Syria", "Unidentified Armed Group (Syria)")),
    ("Rebel fighters withdrew from Daraa under a Russian-brokered deal, handing over "
     "their positions without a fight.",
     "Syria", "Non-violent transfer of territory",
     ("Unidentified Armed Group (Syria)",)),
    ("A chlorine gas attack on Douma killed dozens of civilians, rescuers said.",
     "Syria", "Chemical weapon",
     ("Civilians (Syria)",)),
    ("The Syrian government and rebel groups agreed to a ceasefire in Idlib on Thursday.",
     "Syria", "Agreement",
     ("Government of Syria", "Unidentified Armed Group (Syria)")),
    ("Iraqi protesters set fire to the Iranian consulate in Najaf on Wednesday night.",
     "Iraq", "Violent demonstration",
     ("Protesters (Iraq)",)),
    ("Iraqi security forces opened fire on demonstrators in Nasiriyah, killing 25 people.",
     "Iraq", "Excessive force against protesters",
     ("Police Forces of Iraq", "Protesters (Iraq)")),
    ("Islamic State militants kidnapped 20 shepherds near Kirkuk, Iraqi officials said.",
     "Iraq", "Abduction/forced disappearance",
     ("Government of Iraq", "Islamic State")),
    ("Yemeni government forces captured a senior Houthi commander in Taiz on Friday.",
     "Yemen", "Arrests",
     ("Houthi Movement", "Military Forces of Yemen")),
    ("Turkish troops set up a new military base near the Syrian town of Atarib.",
     "Syria", "Headquarters or base established",
     ("Military Forces of Syria", "Military Forces of Turkey")),
    ("Hezbollah fighters looted shops in the village after the battle, residents said.",
     "Syria", "Looting/property destruction",
     ("Civilians (Syria)", "Hezbollah")),
    ("Taliban fighters ambushed a police checkpoint in Kunduz province, killing seven "
     "policemen.",
     "Afghanistan", "Armed clash",
     ("Police Forces of Afghanistan", "Taliban")),
    ("A suicide car bomb exploded outside a mosque in Quetta, Pakistan, killing 20 "
     "worshippers.",
     "Pakistan", "Suicide bomb",
     ("Civilians (Pakistan)",)),
    ("Maoist rebels blew up a police vehicle with an IED in Chhattisgarh's Dantewada district.",
     "India", "Remote explosive/landmine/IED",
     ("CPI (Maoist): Communist Party of India (Maoist)", "Police Forces of India")),
    ("Indian police baton-charged farmers protesting on a highway near Delhi on Saturday.",
     "India", "Protest with intervention",
     ("Civilians (India)", "Police Forces of India")),
    ("Stone-pelting youths clashed with security forces in Srinagar after Friday prayers.",
     "India", "Violent demonstration",
     ("Police Forces of India",)),
    ("Villagers beat a man to death in Jharkhand over rumours that he was a cattle thief.",
     "India", "Mob violence",
     ("Civilians (India)",)),
    ("Pakistani Taliban attacked a school in Peshawar, killing 132 children.",
     "Pakistan", "Attack",
     ("Civilians (Pakistan)", "TTP: Tehreek-i-Taliban Pakistan")),
    ("Bangladeshi police detained 40 opposition activists in Dhaka ahead of the election.",
     "Bangladesh", "Arrests",
     ("Police Forces of Bangladesh",)),
    ("Hundreds of lawyers rallied outside the Supreme Court in Islamabad on Tuesday.",
     "Pakistan", "Peaceful protest",
     ()),
    ("Sri Lankan troops found a cache of weapons and explosives buried in a jungle "
     "near Vavuniya.",
     "Sri Lanka", "Disrupted weapons use",
     ("Military Forces of Sri Lanka",)),
    ("Gunmen shot dead a journalist outside his home in Tijuana, Mexico, on Monday.",
     "Mexico", "Attack",
     ("Civilians (Mexico)", "Unidentified Armed Group (Mexico)")),
    ("Members of the Jalisco cartel clashed with the Sinaloa cartel in Zacatecas, "
     "leaving 18 dead.",
     "Mexico", "Armed clash",
     ("CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel")),
    ("ELN guerrillas bombed an oil pipeline in Arauca, Colombia, on Sunday.",
     "Colombia", "Remote explosive/landmine/IED",
     ("ELN: National Liberation Army",)),
    ("Venezuelan National Guard troops fired rubber bullets and tear gas at "
     "opposition marchers in Caracas.",
     "Venezuela", "Protest with intervention",
     ("Military Forces of Venezuela", "Protesters (Venezuela)")),
    ("Chilean students looted supermarkets and set metro stations on fire during "
     "protests in Santiago.",
     "Chile", "Violent demonstration",
     ()),
    ("Dissidents of the FARC kidnapped two soldiers in Cauca department, the "
     "Colombian army said.",
     "Colombia", "Abduction/forced disappearance",
     ("FARC: Revolutionary Armed Forces of Colombia", "Military Forces of Colombia")),
    ("Peruvian police killed two protesters with live ammunition in Lima on Saturday.",
     "Peru", "Excessive force against protesters",
     ("Police Forces of Peru", "Protesters (Peru)")),
    ("Haitian gang members set fire to dozens of houses in Cite Soleil, residents said.",
     "Haiti", "Looting/property destruction",
     ("Civilians (Haiti)", "Unidentified Armed Group (Haiti)")),
    ("Russian forces shelled Kharkiv with rocket launchers on Tuesday, killing five civilians.",
     "Ukraine", "Shelling/artillery/missile attack",
     ("Civilians (Ukraine)", "Military Forces of Russia")),
    ("Ukrainian forces liberated the village of Robotyne in Zaporizhzhia region, the "
     "general staff said.",
     "Ukraine", "Government regains territory",
     ("Military Forces of Ukraine",)),
    ("Thousands of people marched through Paris on Saturday against the pension reform.",
     "France", "Peaceful protest",
     ()),
    ("French riot police fired tear gas at yellow vest protesters on the Champs-Elysees.",
     "France", "Protest with intervention",
     ("Police Forces of France", "Protesters (France)")),
    ("Rioters in Dublin set a bus on fire and looted shops after a stabbing on Thursday.",
     "Ireland", "Violent demonstration",
     ("Rioters (Ireland)",)),
    ("Belarusian police detained more than 100 protesters in Minsk on Sunday.",
     "Belarus", "Protest with intervention",
     ("Police Forces of Belarus", "Protesters (Belarus)")),
    ("A man stabbed three people at a train station in Hamburg, police said.",
     "Germany", "Attack",
     ("Police Forces of Germany",)),
    ("Spanish police seized rifles and explosives belonging to a Basque separatist cell.",
     "Spain", "Disrupted weapons use",
     ("Police Forces of Spain",)),
    ("Thousands of protesters marched peacefully in Minneapolis on Sunday to demand "
     "police reform.",
     "United States", "Peaceful protest",
     ("Police Forces of the United States", "Protesters (United States)")),
    ("Police in Portland arrested 13 demonstrators after a protest outside a federal "
     "courthouse turned violent.",
     "United States", "Violent demonstration",
     ("Police Forces of the United States", "Protesters (United States)")),
    ("A gunman opened fire on worshippers at a synagogue in Pittsburgh, killing 11 people.",
     "United States", "Attack",
     ("Civilians (United States)", "Unidentified Armed Group (United States)")),
    ("Proud Boys and antifa activists clashed in downtown Portland on Saturday, "
     "throwing punches and bottles.",
     "United States", "Mob violence",
     ()),
    ("Police used pepper spray to disperse a crowd of demonstrators in Seattle on "
     "Monday night.",
     "United States", "Protest with intervention",
     ("Police Forces of the United States", "Protesters (United States)")),
    ("Islamic State claimed responsibility for the bombing of a church in Jolo, "
     "according to its Amaq news agency.",
     "Philippines", "Remote explosive/landmine/IED",
     ("Islamic State",)),
    ("FBI agents arrested a man in Michigan who had planned to kidnap the governor.",
     "United States", "Arrests",
     ("Police Forces of the United States",)),
]

# Sentences that report no event (the type is None); actors are still recognised.
NO_EVENT = [
    ("Al-Shabaab threatened to attack hotels in Mogadishu during the holiday season.",
     "Somalia", None,
     ("Al Shabaab",)),
    ("The army denied that its soldiers had killed civilians in the village.",
     None, None,
     ("Civilians", "Military Forces")),
    ("Opposition leaders plan to hold a rally in Harare next week.",
     "Zimbabwe", None,
     ()),
    ("No one was injured and no arrests were made, police said.",
     None, None,
     ("Police Forces",)),
    ("The government said it would deploy troops if the protests continue.",
     None, None,
     ("Government", "Military Forces")),
    ("In 2014, Boko Haram kidnapped 276 schoolgirls from Chibok.",
     "Nigeria", None,
     ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",)),
    ("More than 3,000 people have been killed in the conflict since 2019, according to the UN.",
     None, None,
     ()),
    ("Kenya accused Al-Shabaab of carrying out the attack on the bus, which the group denied.",
     None, None,
     ("Al Shabaab",)),
    ("Ten people were killed in clashes in the town in 2012, residents recalled.",
     None, None,
     ("Civilians",)),
    ("The European Union imposed new sanctions on Russia over the war.",
     None, None,
     ()),
    ("Police warned that anyone who joins the banned march will be arrested.",
     None, None,
     ("Police Forces",)),
    ("The rebels could launch a new offensive on the capital, analysts warned.",
     None, None,
     ("Unidentified Armed Group",)),
    ("Russia has rejected accusations that its aircraft bombed the hospital.",
     "Russia", None,
     ()),
    ("The ministry denied reports of clashes in the border town on Tuesday.",
     None, None,
     ()),
    ("Human rights groups fear that the crackdown may intensify before the vote.",
     None, None,
     ()),
    ("The president called for calm and urged protesters not to resort to violence.",
     None, None,
     ("Protesters",)),
    ("Last year, 1,200 civilians were killed in attacks across the Sahel, a report said.",
     None, None,
     ("Civilians",)),
    ("The United States expelled ten Russian diplomats on Thursday.",
     "United States", None,
     ()),
    ("Police arrested three men suspected of smuggling heroin across the border.",
     None, None,
     ("Police Forces",)),
    ("A gas explosion at a chemical plant in Texas injured 30 workers.",
     "United States", None,
     ()),
    ("Floods in Pakistan have killed more than 1,000 people and displaced millions.",
     "Pakistan", None,
     ()),
    ("The army said it had not carried out any air strikes in the area.",
     None, None,
     ("Military Forces",)),
    ("Talks between the government and the rebels are expected to resume next month.",
     None, None,
     ("Government", "Unidentified Armed Group")),
]

_STAGE = ActorStage()


def _sub_event_type(sentence: str) -> str | None:
    match = best_match(classify_sentence(sentence, reference_year=PUBLISHED_YEAR),
                       asserted_only=True)
    return match.acled_sub_event_type if match is not None else None


def _actors(sentence: str, country: str | None) -> tuple[str, ...]:
    article = _STAGE(make_article(id="t", text=sentence))
    return tuple(sorted({qualify(a.name, country) for a in article.actors}))


def test_table_is_large_and_varied() -> None:
    assert len(EVENTS) + len(NO_EVENT) >= 80
    assert len(NO_EVENT) >= 20
    assert len({t for _, _, t, _ in EVENTS}) >= 20  # most ACLED sub-event types appear


@pytest.mark.parametrize(("sentence", "country", "sub_event_type", "actors"), EVENTS + NO_EVENT)
def test_sub_event_type(sentence: str, country: str | None, sub_event_type: str | None,
                        actors: tuple[str, ...]) -> None:
    assert _sub_event_type(sentence) == sub_event_type


@pytest.mark.parametrize(("sentence", "country", "sub_event_type", "actors"), EVENTS + NO_EVENT)
def test_actors(sentence: str, country: str | None, sub_event_type: str | None,
                actors: tuple[str, ...]) -> None:
    assert _actors(sentence, country) == actors
