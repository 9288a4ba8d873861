"""Typing, modality and anchoring cues of issue 6 (event typing), as tables of sentences
written for this test (varied regions and phrasings, events and non-events).

- ``TYPED``: the most confident asserted trigger's ACLED sub-event type (``None``: no
  event): weapons named with the verb that uses or seizes them, idioms that are no event
  ("downed their shutters", "take control of the situation", "an arrest warrant").
- ``MODALITY``: one trigger's modality: a would-be bomber who did blow himself up, a
  feared unit that did act, fighting that is only the backdrop ("after days of
  fighting"), charges and legal sections, bare verbs ordered or demanded.
- ``MAIN_EVENT``: the whole pipeline's main event on short reports: a seizure told with
  a weapon noun, a dated arrest, territory taken during a battle.
- ``TOLL``: the main event's fatalities, leaving out killings named as charges.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.article import Article
from sitrep.events.modality import trigger_modality
from sitrep.events.typing import best_match, classify_sentence
from sitrep.pipeline import DEFAULT_STAGES, Pipeline, load_stage

YEAR = 2024

# (sentence, expected ACLED sub-event type of the best asserted trigger)
TYPED = [
    ("Separatist forces fired 40 artillery and mortar shells at villages near Horlivka overnight.",
     "Shelling/artillery/missile attack"),
    ("Two rockets fired from the hills landed near the airport in Erbil on Tuesday.",
     "Shelling/artillery/missile attack"),
    ("Two grenades were thrown at a wedding party in Tierra Caliente on Saturday.", "Grenade"),
    ("Unknown men hurled a hand grenade into a bar in Bujumbura, wounding six.", "Grenade"),
    ("The mines had been planted by retreating fighters along the road to Hodeidah.",
     "Remote explosive/landmine/IED"),
    ("Soldiers were engaged in a fire exchange with bandits near Birnin Gwari since dawn.",
     "Armed clash"),
    ("Troops traded fire with Maoist rebels in a forest of Bijapur district.", "Armed clash"),
    ("Thousands of students took part in a march through central Santiago on Thursday.",
     "Peaceful protest"),
    ("Police lobbed 300 teargas shells at the crowd in Srinagar.", "Protest with intervention"),
    # Tear gas shells are no artillery: the mob stays the event, not a shelling.
    ("Police burst tear gas shells to disperse a rampaging mob in Kanpur.", "Mob violence"),
    ("Bomb disposal experts found 12 improvised explosive devices in a culvert near Mogadishu.",
     "Disrupted weapons use"),
    ("Police in Karachi seized a large cache of weapons and ammunition from a hideout.",
     "Disrupted weapons use"),
    ("Shopkeepers downed their shutters in the old city after news of the incident spread.",
     None),
    ("Shops pulled down their shutters across Jammu as the bandh call was observed.",
     "Peaceful protest"),
    ("The police were in no position to take control of the situation at the station.", None),
    ("Officials said the situation was brought under control by evening.", None),
    ("A court in Dhaka issued an arrest warrant for the former minister on Monday.", None),
    ("The suspect is being questioned by the anti-terrorist squad in Mumbai.", None),
    ("A bus turned turtle near Nashik, and two passengers were killed.", None),
    ("Police arrested the former mayor in Lima on a court warrant on Friday.", "Arrests"),
    # Anti-aircraft guns fired at ground troops are no air strike.
    ("Militants attacked an army post near Idlib with anti-aircraft guns and mortars.",
     "Shelling/artillery/missile attack"),
    ("Government helicopters dropped barrels of chlorine gas on Kafr Zita on Monday.",
     "Chemical weapon"),
    ("Insurgents fired mortar rounds containing poisonous gases at Kurdish positions.",
     "Chemical weapon"),
    ("Warplanes struck a chemical factory near Homs overnight.", "Air/drone strike"),
    ("The army captured a senior commander of the group in a raid near Baidoa.", "Arrests"),
    # The acting side: the clause's subject, a passive's "by" phrase.
    ("Syrian troops and allied fighters captured a key district of Deir al-Zour on Thursday.",
     "Government regains territory"),
    ("Afghan forces in a new push against the Taliban retook Kohistanat district on Friday.",
     "Government regains territory"),
    ("The army continued to push into areas held by the rebels, taking control of two towns.",
     "Government regains territory"),
    ("The district was captured by Houthi fighters after a week of fighting.",
     "Non-state actor overtakes territory"),
    ("Al-Shabaab militants were pushed back from their bases near Kismayo.",
     "Government regains territory"),
    # Regaining consciousness or strength is no territory.
    ("The motorcyclist regained consciousness two days later in a clinic in Cusco.", None),
    ("Federal troops regained control of the highway near Culiacan on Saturday.",
     "Government regains territory"),
    # A theft or an arrest told with a killing is its side or sequel: the killing is typed.
    ("Gunmen killed a shopkeeper and stole his motorbike in Kaduna on Monday.", "Attack"),
    ("Armed robbers shot dead two traders and robbed them of cash near Kano.", "Attack"),
    ("Thieves stole three cows from a farm near Nakuru overnight.",
     "Looting/property destruction"),
    ("Bandits killed four villagers near Zaria on Sunday, and two of the attackers were "
     "arrested later.", "Attack"),
    ("Police arrested two men in connection with the killing of a trader in Ibadan.",
     "Arrests"),
    # A rebel group named an army is no state force: its attack is not a clash.
    ("The Arakan Army attacked a fuel depot outside Sittwe on Wednesday.", "Attack"),
    # An air force as a target or a speaker is no air strike.
    ("Rebels fired at the air force base outside San Miguel overnight.", "Armed clash"),
    ("Insurgents launched a surprise attack on the headquarters of the Peruvian air force.",
     "Armed clash"),
]

# (sentence, trigger, expected modality)
MODALITY = [
    ("Two would-be suicide bombers blew themselves up before reaching their target in Khost.",
     "blew themselves up", "asserted"),
    ("The would-be attacker was overpowered by passengers on the train.", "attacker",
     "hypothetical"),
    ("A feared paramilitary unit raped women as it dispersed the sit-in in Khartoum.",
     "raped", "asserted"),
    ("Five fishermen are feared dead after the raid on the island.", "dead", "hypothetical"),
    ("Residents of the valley fear more attacks after the militants' threats.", "attacks",
     "hypothetical"),
    ("Packages identified as potential explosive devices were intercepted at the depot.",
     "intercepted", "asserted"),
    ("Officials warned of a potential attack on the pipeline.", "attack", "hypothetical"),
    ("The two sides agreed to a ceasefire following nearly two weeks of fighting in the north.",
     "fighting", "background"),
    ("Insurgents overran the base after days of heavy fighting in the district.",
     "heavy fighting", "background"),
    ("Three days of clashes in the capital left 20 people dead.", "clashes", "asserted"),
    ("The sections pertain to attempt to murder, dacoity and unlawful assembly.", "murder",
     "background"),
    ("Police registered an FIR against 50 people for rioting in the market.", "rioting",
     "background"),
    ("A conviction in murder would carry a life sentence, lawyers said.", "murder",
     "background"),
    ("A mob killed two cattle traders in a village of Alwar district on Friday.", "killed",
     "asserted"),
    ("He demanded that the governor dismiss the cabinet and arrest all its members.", "arrest",
     "hypothetical"),
    ("Officials were told by fax to detain and turn back the activists at the border.",
     "detain", "hypothetical"),
    ("Police arrest 12 in Surat after clashes.", "arrest", "asserted"),
    ("Protests spread to Surat after the arrest of five students.", "arrest", "asserted"),
    ("The police went on to arrest twelve people in the raid.", "arrest", "asserted"),
    ("If the march is banned, the volunteers will court arrest.", "arrest", "hypothetical"),
    ("Nearly 500 volunteers courted arrest outside the assembly in Bengaluru.", "arrest",
     "asserted"),
    ("Nothing can prevent the police from arresting the accused.", "arresting", "hypothetical"),
    ("The officers said they were finding it difficult to arrest the suspects.", "arrest",
     "hypothetical"),
    # What a protest is about is its grievance, not an incident of the protest.
    ("Students marched in a silent protest over the police shooting of a teenager in Nanterre.",
     "shooting", "background"),
    ("Thousands rallied in Lagos to condemn the killing of a trader by a police officer.",
     "killing", "background"),
    ("Protesters marched against the government while police fired tear gas in Quito.",
     "fired tear gas", "asserted"),
]

# (report, expected sub-event type of the pipeline's main event; None: no event)
MAIN_EVENT = [
    ("Explosive devices were found at a primary school in Kisumu on Monday, "
     "police said.", "Disrupted weapons use"),
    ("About 40 old grenades and a box of ammunition were found near a farm outside "
     "Battambang.", "Disrupted weapons use"),
    ("About 17 activists who tried to enter the town were arrested on Sunday.", "Arrests"),
    ("Militants gained control of the base in the district after heavy fighting "
     "with soldiers, an army spokesman said.", "Non-state actor overtakes territory"),
    ("Government troops retook the town of Kidal after fierce clashes with the rebels "
     "on Tuesday.", "Government regains territory"),
    ("Bandits killed four villagers near Zaria on Sunday, and two of the attackers were "
     "arrested later.", "Attack"),
    ("Gunmen shot a jeweller dead and stole his car in Ciudad Juarez on Friday.", "Attack"),
    ("Security was beefed up across the city after a terrorist plan was uncovered.", None),
    ("Party leaders demanded that the police arrest the organisers.", None),
]

# (report, expected fatalities of the main event): a killing named as a charge or a past
# event is no toll of the incident told.
TOLL = [
    ("Police in Surat arrested two men on Monday who are held for allegedly killing an "
     "autorickshaw driver.", None),
    ("Police arrested five men on Tuesday in Jaipur, and they were booked for murder and "
     "rioting.", None),
    ("Gunmen shot dead four traders in a market of Jos on Tuesday, police said.", 4),
]


def _best(sentence: str) -> str | None:
    m = best_match(classify_sentence(sentence, reference_year=YEAR), asserted_only=True)
    return m.acled_sub_event_type if m is not None else None


@pytest.mark.parametrize(("sentence", "expected"), TYPED)
def test_typing_cue(sentence: str, expected: str | None) -> None:
    assert _best(sentence) == expected


@pytest.mark.parametrize(("sentence", "trigger", "expected"), MODALITY)
def test_trigger_modality_cue(sentence: str, trigger: str, expected: str) -> None:
    start = sentence.index(trigger)
    assert trigger_modality(sentence, start, start + len(trigger),
                            reference_year=YEAR) == expected


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([load_stage(path)() for _, path in DEFAULT_STAGES])


@pytest.mark.parametrize(("text", "expected"), MAIN_EVENT)
def test_main_event_type(pipeline: Pipeline, text: str, expected: str | None) -> None:
    article = pipeline.run(Article(id="t", text=text, published=date(YEAR, 3, 6)))
    if expected is None:
        assert article.events == []
        return
    assert article.events, "no event"
    main = max(article.events, key=lambda e: e.confidence)
    assert main.codes.acled is not None
    assert main.codes.acled["sub_event_type"] == expected


@pytest.mark.parametrize(("text", "fatalities"), TOLL)
def test_main_event_toll(pipeline: Pipeline, text: str, fatalities: int | None) -> None:
    article = pipeline.run(Article(id="t", text=text, published=date(YEAR, 3, 6)))
    assert article.events, "no event"
    main = max(article.events, key=lambda e: e.confidence)
    assert (main.fatalities or None) == fatalities
