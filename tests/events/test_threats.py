"""Threats against a specific target: MUC-4 templates that are no ACLED event.

MUC-4 fills a template for a threat against a specific target (STAGE OF EXECUTION:
THREATENED); ACLED codes no threat; PLOVER codes THREATEN. The events stage makes each
such threat a record with ``codes.acled`` null, ``codes.muc`` the type of the act
threatened and ``codes.plover`` THREATEN (what marks it a threat). A
threat of vague violence ("to step up attacks"), an old or habitual one ("had received
threats in the past") and a threat told in the sentence of an incident make none.
Passages written for this test.
"""

from __future__ import annotations

import pytest

from sitrep.events.threats import find_threats, old_threat

# (sentence, [(MUC type, target quoted, human target)] found in it)
SENTENCES = [
    ("The rebels threatened to kill election officials in Chalatenango.",
     [("attack", "election officials", True)]),
    ("Al-Shabaab threatened to attack hotels in Mogadishu during the holiday season.",
     [("attack", "hotels", False)]),
    ("The militia threatened to burn the village of Kiwanja if residents refused to pay.",
     [("arson", "the village of Kiwanja", False)]),
    ("The militants threatened to kidnap foreign aid workers in Diffa.",
     [("kidnapping", "foreign aid workers", True)]),
    ("The rebels warned that they will blow up the pipeline near Saravena.",
     [("bombing", "the pipeline", False)]),
    ("The union denounced death threats against its leaders in Barrancabermeja.",
     [("attack", "its leaders", True)]),
    ("The archbishop said that he has again received death threats.",
     [("attack", "he", True)]),
    ("Journalists in Culiacan received death threats from the cartel on Monday.",
     [("attack", "Journalists", True)]),
    ("IN RECENT DAYS THE REBELS HAVE ANNOUNCED THAT THEY WILL DESTROY POWER LINES, AND "
     "THREATENED TO KILL ELECTION OFFICIALS.",
     [("attack", "POWER LINES", False), ("attack", "ELECTION OFFICIALS", True)]),
    # vague violence, no specific target
    ("The group threatened to step up attacks in the capital.", []),
    ("The commander vowed that they will attack whoever resists.", []),
    ("The gunman threatened to kill himself before police talked him down.", []),
    ("No threat was made, the police said.", []),
    ("The army announced that it will hold talks with the rebels.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_find_threats(sentence, expected):
    got = [(t.incident_type, t.target, t.human) for t in find_threats(sentence)]
    assert got == expected
    for t in find_threats(sentence):
        assert sentence[t.target_start:t.target_start + len(t.target)] == t.target


@pytest.mark.parametrize(("sentence", "old"), [
    ("The plant had received threats in the past, the manager said.", True),
    ("The colonel had been the object of death threats.", True),
    ("The judge received several death threats for years.", True),
    ("In the past few days the rebels threatened to kill election officials.", False),
    ("The rebels threatened to kill election officials.", False),
])
def test_old_threat(sentence, old):
    assert old_threat(sentence, 0, len(sentence)) is old


# (passage, published, expected records: (ACLED sub-event type, MUC type, stage))
PASSAGES = [
    ("The rebels threatened to kill election officials in Chalatenango, the army said on "
     "Sunday.", "1989-03-12", [(None, "attack", "threatened")]),
    ("The militia threatened to burn the village of Kiwanja if residents refused to pay.",
     "2020-05-02", [(None, "arson", "threatened")]),
    ("The militants threatened to kidnap foreign aid workers in Diffa, a local official "
     "said.", "2021-02-11", [(None, "kidnapping", "threatened")]),
    ("The group threatened to step up attacks in the capital.", "2019-07-01", []),
    ("The plant had received threats in the past, the manager said.", "2019-07-01", []),
    # An incident told with a threat in its sentence: the incident alone.
    ("Gunmen who had threatened to kill the mayor shot him dead in Tumaco on Sunday.",
     "2019-07-01", [("Attack", "attack", None)]),
    # A threat told apart from an incident of the report: both.
    ("Gunmen shot dead a judge in Cali on Tuesday. Colleagues said the cartel had "
     "threatened to kill judges who sign extradition orders.", "1989-11-02",
     [("Attack", "attack", None)]),
    ("Gunmen shot dead a judge in Cali on Tuesday. The cartel has threatened to kill "
     "judges who sign extradition orders, officials said.", "1989-11-02",
     [("Attack", "attack", None), (None, "attack", "threatened")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), PASSAGES)
def test_threat_records(extract, text, published, expected):
    events = extract(text, published=published)["events"]
    got = [((e["codes"]["acled"] or {}).get("sub_event_type"),
            (e["codes"]["muc"] or {}).get("incident_type"),
            "threatened" if (e["codes"]["plover"] or {}).get("event_type") == "THREATEN"
            else None) for e in events]
    assert got == expected
    for e in events:
        if e["codes"]["acled"] is None:
            # PLOVER's THREATEN; the least sure of records; its target quoted with evidence.
            assert e["codes"]["plover"]["event_type"] == "THREATEN"
            assert e["confidence"] < 0.3
            assert e["victims"] or e["targets"]
            fields = {x["field"] for x in e["evidence"]}
            assert "codes" in fields and {"victims", "targets"} & fields


def test_threat_against_a_pronoun_quotes_no_victim(extract):
    events = extract("The archbishop said on Monday that he has again received death "
                     "threats.", published="1990-01-21")["events"]
    assert [(e["codes"]["muc"]["incident_type"], e["victims"]) for e in events] == \
        [("attack", [])]
