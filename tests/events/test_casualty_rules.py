"""Casualty rules, one table per rule: running tallies, asides and appositions between a
count and its verb, abbreviations and modifiers inside a counted phrase, participles as
adjectives, "murder" as a verb, and the reconciliation of single persons, parts and
totals.

Every passage was written for these tests (varied places, actors and phrasings).
"""

from __future__ import annotations

import pytest

from sitrep.article import Article
from sitrep.events.casualties import CasualtyStage, extract_counts, toll

# (sentence, [(kind, value), ...]): the counts found, in any order.
COUNT_ROWS: list[tuple[str, list[tuple[str, int]]]] = [
    # An abbreviation with its dots is one modifier of the counted noun.
    ("Two U.S. soldiers were killed in Kandahar on Monday.", [("killed", 2)]),
    ("Three U.N. peacekeepers were wounded near Gao.", [("wounded", 3)]),
    ("TWO U.S. CITIZENS HAVE BEEN KILLED IN THE LAST FEW HOURS.", [("killed", 2)]),
    # A plural noun after a number and modifiers, even one the lexicon does not know.
    ("Two Mormon missionaries were shot dead in Cochabamba last night.", [("killed", 2)]),
    ("Four Pakistani engineers were abducted near Khost.", [("abducted", 4)]),
    # Words of the wound phrases ("taken to a local hospital") are no phrase boundary.
    ("Two local journalists were kidnapped in Mosul.", [("abducted", 2)]),
    # An aside in dashes or brackets between the count and its verb.
    ("Two men \u2014 both in their 20s \u2014 were shot in Camden on Friday.", [("wounded", 2)]),
    ("TWO MISSIONARIES -- AGED 19 AND 21 -- WERE SHOT TO DEATH IN EL ALTO.", [("killed", 2)]),
    ("Three soldiers (two of them officers) were killed in the ambush near Mopti.",
     [("killed", 3)]),
    # Names in apposition, then a relative clause, then the verb.
    ("Two policemen, Ali Musa and Idris Bello, who were guarding the bank, were shot dead.",
     [("killed", 2)]),
    ("Three teachers, who had gone to the market in Garissa, were abducted.",
     [("abducted", 3)]),
    # Running tallies: a perfect-tense count with a span of time is no incident's toll.
    ("Five judges have been killed in two months, the supreme court said.", []),
    ("So far this year, 14 reporters have been murdered in Veracruz.", []),
    ("Gunmen have killed 40 villagers in Zamfara state since January, officials say.", []),
    ("Police said 28 officers have been killed in the city over the last two weeks.", []),
    ("IN THIS DECADE, 200 PEOPLE HAVE BEEN KILLED BY THE CARTELS.", []),
    # ... but not an incident told in the perfect, nor a span that qualifies something else.
    ("Two people have been killed in a shooting in Dayton, the city's 12th homicide this "
     "year.", [("killed", 2), ("killed", 1)]),
    ("Three soldiers were killed in an ambush on Monday, the deadliest attack this year.",
     [("killed", 3)]),
    ("At least 12 people have been killed in clashes in Tripoli in the past 24 hours.",
     [("killed", 12)]),
    ("Two men have been arrested over the robbery in Kumasi.", [("arrested", 2)]),
    # A participle used as an adjective: one person.
    ("The family of the slain officer held a vigil in Tulsa on Sunday.", [("killed", 1)]),
    ("A kidnapped engineer was freed in Port Harcourt.", [("abducted", 1)]),
    # "murder" as a verb, or the deaths of a group of untold size: no figure.
    ("THOSE WHO SHELL THE VILLAGES AND PERSECUTE AND MURDER PEASANTS MUST BE STOPPED.", []),
    ("THE TROOPS FAKED A CLASH AT LAS PILAS TO MURDER THOSE PEASANTS.", []),
    ("He spoke about the church's position on the Jesuits' murder.", []),
    ("The death marks the city's deadliest start to a year since 2007.", []),
    ("Police are investigating the murder in Soweto.", [("killed", 1)]),
    # Nouns in "-men" and household staff are people; a list after the verb is parts.
    ("SOLDIERS WERE ARRESTED FOR KILLING 6 CLERGYMEN, A MAID, AND HER DAUGHTER.",
     [("killed", 6), ("killed", 1), ("killed", 1)]),
    ("Gunmen killed four tribesmen and two linesmen near Kohat.",
     [("killed", 4), ("killed", 2)]),
    # Persons named one by one before a plural verb; the last verb of a chain.
    ("Ana Ruiz and Tomas Vega were killed when gunmen stormed the bar in Celaya.",
     [("killed", 1), ("killed", 1)]),
    ("Okafor, 25, and Bello, 31, were shot dead on Friday in Onitsha.",
     [("killed", 1), ("killed", 1)]),
    ("Two herders were kidnapped and killed near Lokoja.", [("killed", 2)]),
    # A wound told as a fight for life.
    ("Two women are fighting for their lives after a stabbing in Leeds.", [("wounded", 2)]),
    ("Three children were battling for their lives after the blast in Jos.",
     [("wounded", 3)]),
]


@pytest.mark.parametrize(("sentence", "expected"), COUNT_ROWS,
                         ids=[r[0][:40] for r in COUNT_ROWS])
def test_counts(sentence: str, expected: list[tuple[str, int]]) -> None:
    found = extract_counts(sentence)
    assert sorted((c.kind, c.value) for c in found) == sorted(expected)
    for c in found:
        assert sentence[c.start:c.end] == c.text


def test_count_rows_unique() -> None:
    assert len({r[0] for r in COUNT_ROWS}) == len(COUNT_ROWS)


# (passage, fatalities, wounded): the reconciled toll.
TOLL_ROWS: list[tuple[str, int | None, int | None]] = [
    # One of a group told again by the same noun is not one more.
    ("Two men are hospitalized after a shooting in Germantown. Police say a 26-year-old man "
     "was shot in the leg.", None, 2),
    ("2 hospitalized after shooting. Two men were hospitalized on Sunday. One man was shot "
     "in the chest.", None, 2),
    ("Four women were injured in the attack in Bauchi. A woman was taken to the general "
     "hospital.", None, 4),
    # ... unless said as one more, or a different noun.
    ("Two men were shot in Harlem on Friday. A man was also wounded.", None, 3),
    ("Two men were shot in Harlem on Friday. Another man was wounded.", None, 3),
    ("Two men were shot in Harlem. A woman was also wounded.", None, 3),
    ("Three soldiers were killed near Gao. A civilian was killed too.", 4, None),
    # A person named only as a victim, told again.
    ("A man was shot in Moreno Valley. A gunshot victim was taken to the hospital with "
     "wounds that were not life-threatening.", None, 1),
    ("A woman was stabbed in Leeds on Monday. The victim was taken to hospital.", None, 1),
    # Two people told in one sentence stay two.
    ("A man was shot in the leg and a woman was shot in the arm. The victim was taken to "
     "hospital.", None, 2),
    # Running tallies do not add to the incident's toll.
    ("Gunmen killed three traders in Kano on Tuesday. So far this year 60 people have been "
     "killed in the state.", 3, None),
    ("A judge was shot dead in Medellin on Friday. Five judges have been killed in two "
     "months.", 1, None),
    # A total with its parts, and the parts told again by their group.
    ("Four army members, including two officers, were killed in Escalon. The two dead "
     "officers were identified as Captain Chavez and Lieutenant Bolanos.", 4, None),
    ("SOLDIERS WERE ARRESTED FOR KILLING 6 CLERGYMEN, A MAID, AND HER DAUGHTER.", 8, None),
    ("Gunmen killed four tribesmen and two linesmen near Kohat.", 6, None),
    ("Ana Ruiz and Tomas Vega were killed when gunmen stormed the bar in Celaya.", 2, None),
    ("Okafor, Bello and Musa were wounded in Onitsha. Okafor was later discharged.", None, 3),
    # Asides and abbreviations inside a count.
    ("Two U.S. contractors were killed and three Afghan guards wounded in Herat.", 2, 3),
    ("Two policemen, Ali Musa and Idris Bello, who were guarding the bank, were shot dead. "
     "A cashier was wounded.", 2, 1),
]


@pytest.mark.parametrize(("text", "fatalities", "wounded"), TOLL_ROWS,
                         ids=[r[0][:40] for r in TOLL_ROWS])
def test_toll(text: str, fatalities: int | None, wounded: int | None) -> None:
    result = toll(CasualtyStage()(Article(id="t", text=text)).counts)
    assert (result.fatalities, result.wounded) == (fatalities, wounded)
