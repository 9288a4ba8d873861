"""Who counts as a casualty, and how mentions add up: a table of sentences we wrote.

Each row is a passage and the reconciled toll (killed, wounded) it must give through
:func:`sitrep.events.casualties.extract_counts` and :func:`~sitrep.events.casualties.toll`
(``None`` = not reported). The rules covered: an age used as a noun is a person ("a
15-year-old was shot"); a shot fired is not a person shot ("fired one shot"); a coordinated
noun phrase that is the subject of a new clause is not a victim ("shot the clerk and both
suspects fled"); persons named apart in one sentence, or one by one before a plural verb
("Hill and Price were shot"), are each one; one person told again in
another sentence ("One person was injured ... a 24-year-old man was shot") is not one more;
an exact total beats a vague one ("17 people were hurt ... many wounded"); a plural noun
after a number counts people ("the six Jesuits"), weapons do not; an age after a name is
not a count ("Janet Wilson, 31, died"); a partitive with a possessive counts ("two of her
bodyguards"); a participle phrase may stand between the counted subject and its verb
("seven guards travelling aboard a bus were killed"); a singular noun coordinated with a
counted one is one person more ("the judge and two of her bodyguards"); a wound tells a
wounded person ("a man with a gunshot wound", "he suffered serious injuries"), not one
more when the article of the wound is the only figure, and not a wounded one when the
same person is then dead; in capitals, a name after "the murder of" is one
person, a plural noun there a group; "another man" is one more person, also
after a pronoun, but "the third officer to be shot in four years" is a tally.
"""

from __future__ import annotations

import pytest

from sitrep.events.casualties import extract_counts, toll

ROWS: list[tuple[str, str, int | None, int | None]] = [
    ("age_noun_with_wound", "Deputies found a 15-year-old with a gunshot wound to his left "
     "leg on Willow Road.", None, 1),
    ("age_noun_found_shot", "Police said the 17-year-old was found shot in the right leg "
     "near the park.", None, 1),
    ("age_nouns_two_outcomes", "A 25-year-old man was killed and a 19-year-old was wounded "
     "in the drive-by.", 1, 1),
    ("fired_one_shot", "The suspect fired one shot at an officer, but nobody was injured.",
     None, 0),
    ("returned_one_shot", "The trooper returned one shot and the driver sped away.", None,
     None),
    ("headline_two_shot", "Two shot, one killed in overnight violence in Dayton.", 1, 1),
    ("subject_of_next_clause", "During the struggle the robber shot the clerk and both "
     "robbers fled on foot.", None, 1),
    ("named_apart", "Marcus Hill was shot in the leg and Dana Price was shot in the arm "
     "outside the club.", None, 2),
    ("named_apart_with_ages", "Hill, 25, was shot in the leg and Price, 30, was shot in the "
     "arm.", None, 2),
    ("named_pair_subject", "Hill and Price were shot outside the club.", None, 2),
    ("one_person_told_again", "One person was injured after a shooting outside a tavern. "
     "Officers learned that a 24-year-old man was shot in the upper torso.", None, 1),
    ("two_persons_one_sentence", "Two people were wounded. A man was shot in the back and "
     "a woman was shot in the hand.", None, 2),
    ("exact_beats_vague", "Officials said 17 people were hurt and many wounded remain in "
     "hospital.", None, 17),
    ("plural_noun_after_number", "Twelve miners died when gunmen stormed the camp near the "
     "river.", 12, None),
    ("coordinated_parts", "THE SIX PRIESTS AND TWO MORE PERSONS WERE KILLED AT DAWN.", 8,
     None),
    ("parts_with_toll", "Three soldiers and two civilians were killed, bringing the toll "
     "to five.", 5, None),
    ("weapons_are_not_people", "A man armed with two handguns was shot by deputies after a "
     "chase.", None, None),
    ("age_after_name_is_not_count", "The death of a woman shot by police was ruled a "
     "homicide. Janet Wilson, 31, died from multiple gunshots.", 1, None),
    ("partitive_with_possessive", "Two of her bodyguards were killed when gunmen fired on "
     "the car in Cali.", 2, None),
    ("partitive_their_children", "Three of their children were wounded by shrapnel in the "
     "market in Gao.", None, 3),
    ("participle_after_subject", "AT LEAST SEVEN GUARDS TRAVELLING ABOARD A MILITARY BUS "
     "WERE KILLED TODAY IN LIMA.", 7, None),
    ("participle_after_subject_mixed_case", "Five soldiers riding in a pickup truck were "
     "killed by a roadside bomb near Kidal.", 5, None),
    ("singular_and_partitive", "The magistrate and two of his escorts were assassinated on "
     "the road to Tumaco.", 3, None),
    ("singular_and_number", "A woman and three children were wounded when a grenade "
     "exploded in Bujumbura.", None, 4),
    ("pronoun_and_number_not_added", "He and two others were shot in Camden on Friday.",
     None, 2),
    ("with_a_gunshot_wound", "Officers found a man with a gunshot wound to the leg outside "
     "a store in Tulsa.", None, 1),
    ("suffered_a_wound", "During the struggle he suffered a non-life threatening gunshot "
     "wound.", None, 1),
    ("named_suffering_from_wound", "Brandon Cole, 29, was suffering from a gunshot wound in "
     "his left calf.", None, 1),
    ("sustained_injuries", "The soldier sustained serious injuries when the mine exploded "
     "near Gao.", None, 1),
    ("wounded_then_dead_is_dead", "Police found a woman with a gunshot wound; she was "
     "pronounced dead at the scene.", 1, 0),
    ("counted_with_wounds", "Two men with gunshot wounds walked into the clinic in Kisumu.",
     None, 2),
    ("murder_of_name_in_capitals", "THE COURT ORDERED AN INQUIRY INTO THE MURDER OF "
     "OSVALDO KIMENYI ON A STREET IN KAMPALA.", 1, None),
    ("killing_of_group_in_capitals", "THE KILLING OF HUMAN RIGHTS ACTIVISTS WAS CONDEMNED "
     "BY THE CHURCH.", None, None),
    ("singular_subject_then_participle", "THE PERSON DRIVING THE TRUCK WAS ALSO KILLED NEAR "
     "SAN VICENTE.", 1, None),
    ("another_person_after_indefinite", "A man was shot in the leg in Mombasa. Another man "
     "was stabbed, police said.", None, 2),
    ("another_person_after_pronoun", "He was shot in the leg outside the bar. Another man "
     "was shot in the arm.", None, 2),
    ("ordinal_tally_is_no_other_person", "Bolton was gunned down on Saturday. He was the "
     "third officer in the city to be fatally shot in four years.", 1, None),
    ("wound_article_is_no_count", "He was suffering from a gunshot wound. One man remained "
     "hospitalized.", None, 1),
]


def test_rows_unique():
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("text", "killed", "wounded"), [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_toll_of_passage(text, killed, wounded):
    counts = extract_counts(text)
    t = toll(counts)
    got = (t.fatalities, t.wounded, [(c.kind, c.value, c.text) for c in counts])
    assert (t.fatalities, t.wounded) == (killed, wounded), got
