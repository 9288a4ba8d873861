"""Casualty counts from sentences, and their reconciliation into a toll."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.article import Article
from sitrep.events.casualties import CasualtyStage, extract_counts, toll

# (sentence, [(kind, value, side, is_total), ...]) -- sentences written for these tests.
CASES = [
    # Nigeria: market bombing
    ("At least 55 people died when two bombs exploded in a market in Maiduguri.",
     [("killed", 55, "unknown", True)]),
    ("Two suicide bombers killed 14 traders and wounded 30 shoppers in Kano on Friday.",
     [("killed", 14, "civilians", False), ("wounded", 30, "civilians", False)]),
    ("The death toll from the blast in Yola rose to 62, officials said.",
     [("killed", 62, "unknown", True)]),
    ("Dozens of worshippers were injured in the mosque attack.",
     [("wounded", 12, "civilians", False)]),
    ("Three people, including two children, were killed in the explosion.",
     [("killed", 3, "unknown", True), ("killed", 2, "civilians", False)]),
    # India: police shooting, arrests
    ("Police opened fire on the crowd, killing three protesters and wounding five.",
     [("killed", 3, "civilians", False), ("wounded", 5, "unknown", True)]),
    ("Eleven students were hospitalised after the lathi charge in Patna.",
     [("wounded", 11, "civilians", False)]),
    ("Police arrested 15 suspects in connection with the riots in Ahmedabad.",
     [("arrested", 15, "perpetrators", False)]),
    ("As many as 40 people were detained overnight in Srinagar.",
     [("arrested", 40, "unknown", True)]),
    ("Two jawans were killed and four injured in a Maoist ambush in Sukma.",
     [("killed", 2, "state", False), ("wounded", 4, "unknown", True)]),
    # Syria: clashes
    ("Government troops killed 36 rebels in clashes near Aleppo.",
     [("killed", 36, "perpetrators", False)]),
    ("Seven soldiers and nine fighters died in the fighting near Idlib.",
     [("killed", 7, "state", False), ("killed", 9, "perpetrators", False)]),
    ("The shelling left 4 police officers dead in Deir ez-Zor.",
     [("killed", 4, "state", False)]),
    ("Air strikes killed seven more militants on Wednesday.",
     [("killed", 7, "perpetrators", False)]),
    ("Monitors said the bodies of 20 villagers were found in Hama.",
     [("killed", 20, "civilians", False)]),
    ("Two dead, five hurt as mortar rounds hit Damascus.",
     [("killed", 2, "unknown", True), ("wounded", 5, "unknown", True)]),
    # Mexico: kidnappings
    ("Gunmen kidnapped 12 farmers from a ranch in Guerrero.",
     [("abducted", 12, "civilians", False)]),
    ("A journalist was abducted in Veracruz on Monday.",
     [("abducted", 1, "civilians", False)]),
    ("Several migrants were taken hostage by a cartel in Tamaulipas.",
     [("abducted", 10, "civilians", False)]),
    ("Security forces captured five gang members in Sinaloa.",
     [("arrested", 5, "perpetrators", False)]),
    # MUC-style all caps
    ("FIVE PEASANTS WERE MURDERED BY TERRORISTS IN SANTA ANA.",
     [("killed", 5, "civilians", False)]),
    ("THE GUERRILLAS KILLED TWO SOLDIERS AND WOUNDED THREE CIVILIANS.",
     [("killed", 2, "state", False), ("wounded", 3, "civilians", False)]),
    ("NO ONE WAS HURT IN THE DYNAMITE ATTACK.",
     [("wounded", 0, "unknown", True)]),
    # Africa / elsewhere
    ("Al-Shabaab fighters stormed the base, and 12 soldiers were killed.",
     [("killed", 12, "state", False)]),
    ("7 civilians also died in the crossfire in Ben Guerdan.",
     [("killed", 7, "civilians", False)]),
    ("A 25-year-old man was shot dead in Cape Town.",
     [("killed", 1, "unknown", False)]),
    ("The raid ended with a total of 31 dead in Borno.",
     [("killed", 31, "unknown", True)]),
    ("Gunmen abducted more than 200 schoolgirls from Chibok.",
     [("abducted", 200, "civilians", False)]),
    ("Police said between 5 and 8 assailants were killed.",
     [("killed", 5, "perpetrators", False)]),
    ("Twenty-one insurgents lost their lives in the operation.",
     [("killed", 21, "perpetrators", False)]),
    ("Israeli forces detained a number of youths in Hebron.",
     [("arrested", 10, "civilians", False)]),
    # Negatives: hypotheticals, negations, non-casualty numbers
    ("No one was killed in the attack on the convoy.", [("killed", 0, "unknown", True)]),
    ("The bomb could have killed hundreds of people.", []),
    ("The group threatened to kill 20 hostages.", []),
    ("Around 50 militants launched a dawn attack on army posts.", []),
    ("More than 3,000 Tunisians have left to fight in Syria.", []),
    ("The 36-hour siege ended in 2015 after talks.", []),
    ("A ransom of $5 million was paid for the release.", []),
    ("The militants would have killed many more if guards had not fired.", []),
    ("Thousands of residents protested in Lagos on Monday.", []),
    ("There were no casualties, police said.",
     [("killed", 0, "unknown", True), ("wounded", 0, "unknown", True)]),
    # Singular person nouns, possessives, "as well as", "both", "the murder of"
    ("Officers said the homeowner was also shot in Tulsa.",
     [("wounded", 1, "unknown", False)]),
    ("The store owner was fatally shot during a robbery in Camden.",
     [("killed", 1, "unknown", False)]),
    ("A man opened fire at his home, killing his five young children as well as his wife.",
     [("killed", 5, "civilians", False), ("killed", 1, "unknown", False)]),
    ("Both teens died the next day at a hospital in Fresno.",
     [("killed", 2, "civilians", False)]),
    ("Security forces arrested hundreds of opposition supporters in Kampala.",
     [("arrested", 100, "unknown", False)]),
    # a plural noun after a number heads the phrase (side unknown, read as a total)
    ("THE MURDER OF THE SIX JESUITS SHOCKED THE COUNTRY.",
     [("killed", 6, "unknown", True)]),
    ("Unknown men carried out the murder of judge Castro in Cali.",
     [("killed", 1, "unknown", False)]),
    ("Gunmen killed 5 farmhands on a ranch in Sonora.",
     [("killed", 5, "unknown", True)]),
    ("A mother of three was shot dead in Soweto.", [("killed", 1, "unknown", False)]),
    ("Soldiers killed 4 rebels and seized 20 rifles near Beni.",
     [("killed", 4, "perpetrators", False)]),
    # an age is not a count (the 555 further back is not reached: no count at all)
    ("At least 555 kids under the age of 12 have been killed since 2012.", []),
    ("He served 5 years in prison for the robbery.", []),
    # Shot, then died: the one person shot earlier in the sentence is the one who died.
    ("Teen shot outside a Tulsa diner dies", [("killed", 1, "unknown", False),
                                              ("wounded", 1, "unknown", False)]),
    ("A clerk who was shot during a robbery in Akron on Friday has died.",
     [("killed", 1, "unknown", False), ("wounded", 1, "unknown", False)]),
    # One death told without a figure (weak: used only when nothing firmer is said).
    ("Detectives in Omaha are investigating a homicide on Pine Street.",
     [("killed", 1, "unknown", False)]),
    ("A deadly shooting in Tacoma is under investigation.", [("killed", 1, "unknown", False)]),
    ("The shooting death of Ana Ruiz remains unsolved.", [("killed", 1, "unknown", False)]),
    ("A hiker found the body of a woman near the trail.", [("killed", 1, "civilians", False)]),
    ("He was charged with attempted murder in Reno.", []),
    ("Police booked the landlord for murder in Patna.", []),  # a charge, not a death told
    ("The murder case was handed to the crime branch in Surat.", []),
    ("Laredo man dead after shooting at a gas station", [("killed", 1, "unknown", False)]),
    # A relative clause between the figure and its verb: the head noun is the subject.
    ("About 40 students who had blocked the highway near Cochabamba were arrested.",
     [("arrested", 40, "civilians", False)]),
    ("Nine fishermen, who had sailed from Mombasa at dawn, were abducted by pirates.",
     [("abducted", 9, "civilians", False)]),
    ("Deputies are searching for two men who shot at a patrol car in Tulsa.", []),
    # Wire copy in capitals: a named victim still counts once; a thing does not.
    ("VARGAS WAS MURDERED YESTERDAY MORNING IN ZONE 10.", [("killed", 1, "unknown", False)]),
    ("THE CAR WAS SHOT AT NEAR THE BRIDGE.", []),
    ("THE ARCHBISHOP WAS KILLED BY A SNIPER.", [("killed", 1, "unknown", False)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_counts_in_sentence(sentence: str, expected: list[tuple[str, int, str, bool]]) -> None:
    found = extract_counts(sentence)
    assert sorted((c.kind, c.value, c.side, c.is_total) for c in found) == sorted(expected)
    for c in found:
        assert sentence[c.start:c.end] == c.text


def _article(text: str) -> Article:
    return CasualtyStage()(Article(id="t", text=text))


@pytest.mark.parametrize(("text", "fatalities", "low", "high", "by", "wounded", "arrested"), [
    # Total versus parts: 55, not 110.
    ("At least 55 people died in the attack. The army killed 36 attackers and 12 troops "
     "and 7 civilians also died.",
     55, 55, 55, {"perpetrators": 36, "state": 12, "civilians": 7, "unknown": 0}, None, None),
    # Parts larger than the total: the total becomes their sum.
    ("Ten people were killed. Troops killed 8 militants and 4 soldiers died.",
     12, 12, 12, {"perpetrators": 8, "state": 4, "civilians": 0, "unknown": 0}, None, None),
    # The same figure twice counts once.
    ("Gunmen killed 9 villagers in Zamfara. The 9 villagers were buried on Sunday.",
     9, 9, 9, {"perpetrators": 0, "state": 0, "civilians": 9, "unknown": 0}, None, None),
    # Updates: the latest toll wins.
    ("At least 30 people were killed. Later the death toll rose to 41.",
     41, 41, 41, {"perpetrators": 0, "state": 0, "civilians": 0, "unknown": 41}, None, None),
    # A range across reports: most conservative figure, range kept.
    ("At least 55 people died, police said. Medics said up to 60 people were killed.",
     55, 55, 60, {"perpetrators": 0, "state": 0, "civilians": 0, "unknown": 55}, None, None),
    # A zero count never beats a positive one of the same kind.
    ("Two policemen were injured. No one was killed. Police arrested 3 suspects.",
     0, 0, 0, {}, 2, 3),
    # Shot then died: counted dead, not also wounded.
    ("A man was shot in Ceres on Tuesday. He died later at the hospital.",
     1, 1, 1, {"perpetrators": 0, "state": 0, "civilians": 0, "unknown": 1}, 0, None),
    # Two people introduced in one sentence are two; a second victim is one more.
    ("One man was shot in the back and a 29-year-old man was shot in the leg.",
     None, None, None, {}, 2, None),
    ("A man was shot in Kensington. A man was taken to Temple Hospital.",
     None, None, None, {}, 1, None),
    ("Nothing happened today.", None, None, None, {}, None, None),
    # A homicide with a named count: the figure, not the weak one.
    ("Police are investigating a double homicide in Flint. Two men were shot dead.",
     2, 2, 2, {"perpetrators": 0, "state": 0, "civilians": 0, "unknown": 2}, None, None),
])
def test_toll(text: str, fatalities: int | None, low: int | None, high: int | None,
              by: dict[str, int], wounded: int | None, arrested: int | None) -> None:
    result = toll(_article(text).counts)
    assert (result.fatalities, result.fatalities_low, result.fatalities_high) == (
        fatalities, low, high)
    assert result.fatalities_by == by
    assert (result.wounded, result.arrested) == (wounded, arrested)
    assert all(text[m.start:m.end] == m.text for m in result.evidence)


def test_seed_article_counts() -> None:
    seed = Path(__file__).resolve().parents[2] / ".." / "shared" / "examples" / "ben-guerdan.txt"
    if not seed.exists():
        pytest.skip("shared examples absent")
    article = _article(seed.read_text(encoding="utf-8"))
    found = {(c.kind, c.value, c.side) for c in article.counts}
    assert ("killed", 55, "unknown") in found
    assert ("killed", 36, "perpetrators") in found
    assert ("arrested", 10, "unknown") in found
    assert not any(c.value in (50, 3000) for c in article.counts)


def test_gvdb_dev_floor() -> None:
    path = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gvdb" / "dev.tsv"
    if not path.exists():
        pytest.skip("GVDB dev data absent")
    from sitrep.events.casualty_eval import score_gvdb

    score = score_gvdb(path)
    assert score.killed_exact >= 0.78
    assert score.injured_exact >= 0.70


@pytest.mark.parametrize("text", [
    "Gunmen KILLED three villagers near Kaduna; two others were Wounded.",
    "İstanbul: police said 4 protesters were arrested and 2 were injured.",  # length shifts
    "NO ONE WAS HURT WHEN THE BOMB EXPLODED IN QUETTA.",
    "Thirty-one people were killed, officials said.",
])
def test_caseless_trigger_scan_finds_what_the_ignorecase_scan_finds(text):
    from sitrep.events.casualty_lexicon import caseless_finditer, casualty_lexicon

    lex = casualty_lexicon()
    fast = [(m.start(), m.end(), m.group()) for m in
            caseless_finditer(lex.triggers, lex.triggers_lower, text, text.lower())]
    assert fast == [(m.start(), m.end(), m.group()) for m in lex.triggers.finditer(text)]
