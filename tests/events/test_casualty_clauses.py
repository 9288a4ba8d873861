"""Casualty rules about who a count's verb is said of, and counts that reach their event.

- a number after a month name is a day ("the Dec. 6 hunting accident");
- a subject pronoun just before the verb is its subject: no head noun further back;
- a participle with no auxiliary and a direct object is an active verb: its subject
  acts ("one of the officers shot the suspect"), as is "who" before a verb of saying
  ("a man who witnesses said shot at officers");
- only the last word of a name in capitals tells a group ("CARLOS PIZARRO" is one man);
- a prepositional phrase between a counted noun and its verb ("two of her bodyguards
  from the security department were killed");
- thousands told in the present perfect are a campaign's total, and so are the figures
  listed with them ("we have inflicted 1,902 dead, 1,209 wounded");
- a relative clause with a subject of its own ("the man who police shot") is said of
  its head noun;
- a named object ("fatally shot Quintonio Rivers"), a reflexive one ("killed himself"),
  a headline's bare person noun ("kills teenager") and present tense ("shoots two");
- one sentence told twice counts its persons once; those shot and then dead are not
  also wounded;
- a count spanning a relative clause reaches the event of the clause that holds its verb.

Every passage was written for these tests (varied places, actors and phrasings).
"""

from __future__ import annotations

import pytest

from sitrep.events.casualties import extract_counts, toll

# (sentence, [(kind, value), ...]): the counts found, in any order.
COUNT_ROWS: list[tuple[str, list[tuple[str, int]]]] = [
    # A number after a month is a day, not a count of people.
    ("Charges stem from a Dec. 6 hunting accident near Route 9 where he allegedly shot and "
     "injured a neighbour.", [("wounded", 1)]),
    ("The March 14 bombing in Quetta killed 11 people.", [("killed", 11)]),
    ("The May 3 raid in Gao left two soldiers dead.", [("killed", 2)]),
    ("A Sept. 12 ambush near Mopti wounded four peacekeepers.", [("wounded", 4)]),
    # "who" before a verb of saying is the verb's subject: the shooter.
    ("Police said the man, who they say shot at deputies outside the mall in Dothan, fled.",
     []),
    ("A man who witnesses said shot at officers outside a bar in Tulsa was arrested on "
     "Monday.", [("arrested", 1)]),
    # A participle with a direct object is active: the subject did the shooting.
    ("One of the officers then shot and struck the suspect in the leg.", []),
    ("Two of the deputies shot the gunman outside the bank in Ocala.", [("wounded", 1)]),
    ("Three deputies shot a suspect who fled a traffic stop in Macon.", [("wounded", 1)]),
    # ... not a time after it, nor a headline's bare participle.
    ("Two men shot the night before were still in hospital in Leeds.", [("wounded", 2)]),
    ("Man shot in the arm in Camden.", [("wounded", 1)]),
    # A named object, in mixed case: one person (not a day after the verb).
    ("The officer fatally shot Quintonio Rivers, 19, on Saturday in Chicago.",
     [("killed", 1)]),
    ("Gunmen killed Abdullahi Musa, a village head, in Zamfara.", [("killed", 1)]),
    ("Two men were killed Monday in Camden.", [("killed", 2)]),
    ("Shot Fired Near School In Akron", []),
    # A reflexive object: the subject is the one shot or killed.
    ("The gunman killed himself after the siege in Leeds.", [("killed", 1)]),
    ("Child shoots himself at a paintball park in Forney", [("wounded", 1)]),
    ("Police say the man who killed himself had taken two hostages.",
     [("killed", 1), ("abducted", 2)]),
    # A headline's present tense, and a person noun with no determiner after its verb.
    ("Gunman shoots two at a bar in Tulsa", [("wounded", 2)]),
    ("Man stabs three people on a train in Bristol", [("wounded", 3)]),
    ("Cop shoots and wounds armed robbery suspect in Brooklyn", [("wounded", 1)]),
    ("Gunman kills teenager outside school in Flint", [("killed", 1)]),
    ("Deve Gowda has held chief minister Modi responsible for the violence.", []),
    ("He shoots hoops every Sunday in Dayton.", []),
    # A name in capitals ending in "s" is one person.
    ("THE ASSASSINATED CARLOS PIZARRO WAS BURIED IN BOGOTA.", [("killed", 1)]),
    ("THE MURDER OF HUMAN RIGHTS ACTIVISTS WAS CONDEMNED.", []),
    # A prepositional phrase between the counted noun and its verb.
    ("Two of her bodyguards from the security department were killed in Medellin.",
     [("killed", 2)]),
    ("Three soldiers on patrol near the border were wounded in Tillaberi on Sunday.",
     [("wounded", 3)]),
    ("Four members of a family in Kano were killed by gunmen.", [("killed", 4)]),
    ("Six students of the university, who had gone to fetch water, were abducted near "
     "Kaduna.", [("abducted", 6)]),
    ("At least 3 people in 2 cars were shot in Flint on Saturday.", [("wounded", 3)]),
    # ... but "one of the dead" is no new count.
    ("The sources could not say that he is one of the dead.", []),
    # A campaign's totals, told in the perfect, are no incident's toll.
    ("WE HAVE INFLICTED 1,902 DEAD, 1,209 WOUNDED ON THE ENEMY IN THE OFFENSIVE.", []),
    ("The insurgency has killed more than 30,000 people and displaced millions in Borno.",
     []),
    ("The war has left 3,000 dead in the province.", []),
    ("More than 1,500 people have been killed in the conflict in Cabo Delgado.", []),
    # ... but a large toll told in the past, a day said with it, the pluperfect that
    # narrates, and a small one in the perfect, are.
    ("Police had detained nearly 1,000 persons on Friday in Ahmedabad.",
     [("arrested", 1000)]),
    ("Police have detained nearly 1,200 people on Friday in Dhaka.", [("arrested", 1200)]),
    ("A truck bomb killed 1,200 people in the market in Mogadishu on Saturday.",
     [("killed", 1200)]),
    ("Fighting has killed 25 people in Tawergha, medics said.", [("killed", 25)]),
]


@pytest.mark.parametrize(("sentence", "expected"), COUNT_ROWS,
                         ids=[r[0][:40] for r in COUNT_ROWS])
def test_clause_counts(sentence: str, expected: list[tuple[str, int]]) -> None:
    found = extract_counts(sentence)
    assert sorted((c.kind, c.value) for c in found) == sorted(expected)
    for c in found:
        assert sentence[c.start:c.end] == c.text


def test_clause_count_rows_unique() -> None:
    assert len({r[0] for r in COUNT_ROWS}) == len(COUNT_ROWS)


# (passage, fatalities, wounded): the toll reconciled over the passage's counts.
TOLL_ROWS: list[tuple[str, int | None, int | None]] = [
    ("WE HAVE INFLICTED 1,902 DEAD ON THE ENEMY. A BOMB KILLED TWO PEASANTS IN USULUTAN.",
     2, None),
    ("Two of her bodyguards from the security department were killed. A driver was "
     "wounded.", 2, 1),
    # The same sentence told again (a web page's repeat) names the same persons: the
    # first suspect of a sentence is the first whatever other persons came before.
    ("A police officer was killed Sunday after he was shot by a suspect who was later "
     "killed by police. A police officer was killed Sunday after he was shot by a suspect "
     "who was later killed by police.", 2, 0),
    # Shot, then dead: the one shot is not also wounded.
    ("Chicago cop shoots teenager. The officer fatally shot a 17-year-old on Tuesday.",
     1, 0),
]


@pytest.mark.parametrize(("text", "fatalities", "wounded"), TOLL_ROWS,
                         ids=[r[0][:40] for r in TOLL_ROWS])
def test_clause_toll(text: str, fatalities: int | None, wounded: int | None) -> None:
    result = toll(extract_counts(text))
    assert (result.fatalities, result.wounded) == (fatalities, wounded)


# (passage, [(fatalities, wounded) per event]): the count reaches its event through the
# whole pipeline.
EVENT_ROWS: list[tuple[str, list[tuple[int | None, int | None]]]] = [
    # The count spans names in apposition and a relative clause; its verb is in the last.
    ("Gunmen attacked a judge's car in Medellin on Friday. Two of her bodyguards, Juan Ruiz "
     "and Pedro Gil, who were inside the car, were killed instantly.", [(2, None)]),
    ("Three soldiers, who had been guarding the checkpoint near Gao since dawn, were killed "
     "when militants attacked on Monday.", [(3, None)]),
    ("Two villagers who were working in their fields near Kaduna were shot dead by bandits "
     "on Sunday.", [(2, None)]),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_ROWS,
                         ids=[r[0][:40] for r in EVENT_ROWS])
def test_count_reaches_event(extract, text: str,
                             expected: list[tuple[int | None, int | None]]) -> None:
    events = extract(text, published="2021-05-04")["events"]
    assert [(e["fatalities"], e["wounded"]) for e in events] == expected
