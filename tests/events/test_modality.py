"""Modality of sentences and of triggers within them (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sitrep.events.modality import MODALITIES, sentence_modality, trigger_modality

SENTENCES = [
    ("Gunmen attacked a bus near Jos on Monday, police said.", "asserted"),
    ("Reports said soldiers killed four rebels in the hills.", "asserted"),
    ("No one was hurt in the blast, officials said.", "negated"),
    ("The army denied that its troops had opened fire.", "negated"),
    ("The militants did not attack the convoy.", "negated"),
    ("There were no casualties.", "negated"),
    ("The group threatened to attack the oil fields.", "hypothetical"),
    ("Police could face protests if fuel prices rise.", "hypothetical"),
    ("The rebels plan to march on the capital.", "hypothetical"),
    ("Officials warned that jihadists would strike again.", "hypothetical"),
    ("Since its 2011 uprising the country has been unstable.", "background"),
    ("In 1990 the army massacred 200 villagers there.", "background"),
    ("Last year's floods displaced thousands.", "background"),
    ("Protesters marked the anniversary of the coup.", "background"),
    ("More than 3,000 Tunisians have left to fight for ISIS.", "background"),
    ("Some 500 people have been killed since 2015.", "background"),
    ("So far this year 30 attacks have been recorded.", "background"),
    ("The group has grown in strength across the Sahel.", "background"),
    ("Two rival governments vie for control of the country.", "background"),
    ("It was the deadliest attack since 2015.", "asserted"),
    # A loose cue elsewhere in a long sentence does not undo the event it asserts.
    ("Police arrested 17 activists at the railway station minutes before they were to board "
     "a train, and the party said it would send more volunteers.", "asserted"),
    ("Troops detained two men who were not carrying papers near Gao.", "asserted"),
    ("Officials said the suspects would be charged if evidence was found.", "hypothetical"),
    # History told beside the news: "N years after", "since" with words before the year.
    ("The raid came five years after gunmen killed 147 students in Garissa.", "background"),
    ("Since the deadly December 2012 rampage, the school has had armed guards.", "background"),
    ("Since the brutal 2019 crackdown, few have dared to march.", "background"),
    # "have been arrested in connection with": news, not a tally since some year.
    ("At least 40 people have been arrested in connection with the riot, police said.",
     "asserted"),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_modality(text: str, expected: str) -> None:
    assert sentence_modality(text) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # The denial precedes the trigger.
        ("The army denied that guerrillas attacked the farm.", "attacked", "negated"),
        # A casualty negation does not negate the blast itself.
        ("A bomb exploded near the market but no one was hurt.", "exploded", "asserted"),
        # The hypothesis is in another clause.
        (
            "Militants attacked the base, and officials warned they could strike again.",
            "attacked",
            "asserted",
        ),
        (
            "Militants attacked the base, and officials warned they could strike again.",
            "strike",
            "hypothetical",
        ),
        ("The rebels threatened to attack the town.", "attack", "hypothetical"),
        ("Soldiers did not fire on the crowd.", "fire", "negated"),
        ("In 2016 gunmen attacked the hotel.", "attacked", "background"),
        # A charge names an earlier crime: the arrest is the news, the murder is not.
        ("Police in Karachi charged the two men with murder and arson.", "murder",
         "background"),
        ("The suspects are doing time for kidnapping a banker.", "kidnapping", "background"),
        ("Detectives opened cases pertaining to murder and looting.", "looting", "background"),
        # Orders, requests and permissions to act are not acts.
        ("The court gave police 20 days to arrest the bank chairman.", "arrest",
         "hypothetical"),
        ("The minister asked the government to arrest the governor.", "arrest", "hypothetical"),
        ("Officers were instructed to detain anyone leaving the camp.", "detain",
         "hypothetical"),
        ("Police have not been able to arrest the kidnappers.", "arrest", "negated"),
        ("Police were able to arrest the kidnappers in Lagos.", "arrest", "asserted"),
        ("Gunmen killed 12 people in an attack on a village in Zamfara.", "killed", "asserted"),
    ],
)
def test_trigger_modality(text: str, trigger: str, expected: str) -> None:
    start = text.index(trigger)
    assert trigger_modality(text, start, start + len(trigger)) == expected


def test_reference_year_makes_current_year_news() -> None:
    text = "In 2016 gunmen attacked the hotel."
    start = text.index("attacked")
    assert trigger_modality(text, start, start + 8, reference_year=2016) == "asserted"
    assert sentence_modality(text, reference_year=2016) == "asserted"
    assert sentence_modality(text, reference_year=2020) == "background"


def test_labels() -> None:
    assert set(MODALITIES) == {"asserted", "negated", "hypothetical", "background"}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # Demands and calls for an arrest: no arrest happened.
        ("Opposition parties in Dhaka called for the arrest of the factory owner.", "arrest",
         "hypothetical"),
        ("Villagers demanded that police arrest the men who burned the chapel.", "arrest",
         "hypothetical"),
        ("The widow urged the authorities to detain her husband's attackers.", "detain",
         "hypothetical"),
        ("It is the state's responsibility to apprehend the gunmen, the bishop said.",
         "apprehend", "hypothetical"),
        ("Prosecutors in Lima sought the arrest of three former army officers.", "arrest",
         "hypothetical"),
        ("Rights groups are seeking the immediate arrest of the commander in Goma.", "arrest",
         "hypothetical"),
        ("Students in Accra are pressing for the arrest of the campus guard.", "arrest",
         "hypothetical"),
        # The arrest itself is news.
        ("Police in Dhaka arrested the factory owner on Tuesday.", "arrested", "asserted"),
        # Charges and custody name a killing as a legal matter.
        ("Farmer charged with murder of neighbour in Punjab", "murder", "background"),
        ("Two brothers were booked for murder in Muzaffarpur on Sunday.", "murder",
         "background"),
        ("A constable accused of killing a vendor in Mombasa was granted bail.", "killing",
         "background"),
        ("Youth arraigned for killing his uncle in Abeokuta", "killing", "background"),
        ("Court sentences ex-soldier to death for killing six villagers", "killing",
         "background"),
        ("Police arrested two men over the killing of a trader in Kano.", "killing",
         "background"),
        ("Detectives questioned a driver in connection with the shooting of a lawyer in Cali.",
         "shooting", "background"),
        ("Murder suspect arrested in Kumasi", "Murder", "background"),
        ("Three men face murder charges after a brawl in Durban.", "murder", "background"),
        ("Police in Pune registered a murder case against the landlord.", "murder",
         "background"),
        # A killing reported as news stays asserted.
        ("Gunmen shot dead a police officer in Kisumu on Monday.", "shot", "asserted"),
        ("Soldiers kill suspects in raid on a hideout in Borno", "kill", "asserted"),
        ("Police detained a councillor over the weekend after gunmen attacked a bus.",
         "detained", "asserted"),
    ],
)
def test_demands_and_charges(text: str, trigger: str, expected: str) -> None:
    start = text.index(trigger)
    assert trigger_modality(text, start, start + len(trigger)) == expected
