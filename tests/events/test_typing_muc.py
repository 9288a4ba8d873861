"""MUC-4 incident types given at typing, as a table of sentences written for this test.

MUC-4's task definition (TASKDOC, template-doc-part1 section 1.0) keys terrorist acts:
violence by any side against civilian or non-military targets (sabotage of
infrastructure included), a bomb planted and defused (an attempted bombing); clashes
between guerrillas and soldiers, and state air strikes on rebels, are no incident unless
civilians or civilian property are hit. Each row: the most confident asserted trigger's
ACLED sub-event type and MUC-4 incident type (``None``: no MUC template).
"""

from __future__ import annotations

import pytest

from sitrep.events.typing import best_match, classify_sentence

YEAR = 1990

# (sentence, expected ACLED sub-event type, expected MUC-4 incident type)
MUC = [
    # A rebel group named an army attacking infrastructure: sabotage, a MUC attack.
    ("THE NATIONAL LIBERATION ARMY ATTACKED THE POWER STATION OF BARRANCABERMEJA LAST NIGHT.",
     "Attack", "attack"),
    ("Guerrillas clashed with soldiers guarding the oil pipeline near Arauca.", "Armed clash",
     "attack"),
    # Purely military combat: no template.
    ("Troops clashed with rebels in the hills of Morazan on Sunday.", "Armed clash", None),
    ("Rebels attacked an army base near Goma before dawn.", "Armed clash", None),
    # A bomb planted and defused is an attempted bombing; a seized arms cache is none.
    ("Police deactivated a car bomb left outside a bank in Cali on Friday.",
     "Disrupted weapons use", "bombing"),
    ("The bomb squad defused an explosive device found at the town hall of Sucre.",
     "Disrupted weapons use", "bombing"),
    ("Soldiers seized a cache of rifles in a farmhouse near Ayacucho.",
     "Disrupted weapons use", None),
    # State air strikes: a template only when civilians are hit.
    ("Air force planes bombed guerrilla positions on the Guazapa volcano.", "Air/drone strike",
     None),
    ("Warplanes bombed a village near Chalatenango, killing four peasants.",
     "Air/drone strike", "bombing"),
    ("Insurgents ambushed a bus carrying civilians near Huancayo.", "Attack", "attack"),
    # An assassination is no clash, even of a former commander by guerrillas.
    ("Guerrillas assassinated the former army commander in Tegucigalpa on Sunday.", "Attack",
     "attack"),
    # An arrest over a named crime brings news of that crime: MUC-4 templates the crime.
    ("Three men were arrested in Medellin in connection with the attack on a senator.",
     "Arrests", "attack"),
    ("Police arrested two men accused of the bombing of a bus in La Paz.", "Arrests",
     "bombing"),
    ("The two men were held for questioning after the raid in Quito.", "Arrests", None),
]


@pytest.mark.parametrize(("sentence", "sub", "muc"), MUC)
def test_muc_incident_type(sentence: str, sub: str, muc: str | None) -> None:
    m = best_match(classify_sentence(sentence, reference_year=YEAR), asserted_only=True)
    assert m is not None
    assert (m.acled_sub_event_type, m.muc_incident_type) == (sub, muc)
