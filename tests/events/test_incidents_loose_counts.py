"""A toll told apart from its incident: which incident it belongs to.

A count of dead or wounded told in a clause with no incident of its own ("the bishop
condemned the deaths of four nuns") goes to the one incident whose sentences name the
victims by the same noun again ("the nuns were shot in the chapel"), even when another
incident is told nearer to it; a noun too common to tie it ("people") or shared by two
incidents leaves it to nearness (the incident told just before, else just after).
Passages written for this test.
"""

from __future__ import annotations

import pytest

# (id, passage, published, (fatalities, wounded) of each event in the order told)
ROWS = [
    ("nuns_named_again_drc",
     "The bishop condemned the deaths of four nuns. Separately, soldiers clashed with "
     "rebels near Goma on Friday. On Saturday, gunmen stormed the convent in Kabanga, and "
     "the nuns were shot in the chapel.", "2020-01-01", [(None, None), (4, None)]),
    ("priests_named_again_el_salvador",
     "Church leaders mourned the deaths of six priests. Troops clashed with guerrillas "
     "near Aguilares on Sunday. The priests were murdered at their residence in San "
     "Salvador on Thursday.", "1989-11-20", [(None, None), (6, None)]),
    ("miners_named_again_peru",
     "The company confirmed the deaths of nine miners. Police arrested two suspects in "
     "Huancayo on Monday. The miners were ambushed by gunmen near La Oroya on Saturday.",
     "1990-06-12", [(None, None), (9, None)]),
    ("wounded_pilgrims_named_again_india",
     "Doctors treated the injuries of 14 pilgrims. Police clashed with stone pelters in "
     "Anantnag on Tuesday. The pilgrims were hurt when militants fired on their bus near "
     "Pahalgam on Monday.", "2017-07-12", [(None, None), (None, 14)]),
    # "people" ties to nothing: the toll goes to the incident told just after it.
    ("people_by_nearness_nigeria",
     "The governor mourned the deaths of 12 people. Gunmen attacked a bus near Jos on "
     "Sunday. Separately, a bomb exploded in Kaduna on Monday.", "2019-12-31",
     [(12, None), (None, None)]),
]


@pytest.mark.parametrize(("text", "published", "expected"), [r[1:] for r in ROWS],
                         ids=[r[0] for r in ROWS])
def test_loose_count_goes_to_the_victims_incident(extract, text, published, expected):
    events = extract(text, published=published)["events"]
    got = [(e["fatalities"], e["wounded"]) for e in events if e["codes"]["acled"]]
    assert got == expected, [(e["trigger"], e["fatalities"]) for e in events]
