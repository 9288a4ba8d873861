"""The MUC-4 scorer's secondary reading of victims: the processed Victim slot holds
persons' names only (the original keys' HUM TGT: NAME), so a description is left out."""

import pytest

from sitrep.eval.sets.muc4 import is_personal_name, muc_templates


@pytest.mark.parametrize(("quote", "named"), [
    ("Jaime Pardo Leal", True),
    ("HECTOR OQUELI COLINDRES", True),
    ("Cerezo", True),
    ("Ana Maria Gomez", True),
    ("Mohammed Yusuf", True),
    ("six Jesuit priests", False),
    ("7 civilians", False),
    ("PEASANTS", False),
    ("the mayor", False),
    ("two policemen", False),
    ("his bodyguards", False),
    ("a journalist", False),
    ("", False),
])
def test_is_personal_name(quote, named):
    assert is_personal_name(quote) is named


def test_named_victims_only_keeps_names():
    line = {"events": [{"codes": {"muc": {"incident_type": "attack"}},
                        "victims": [{"text": "7 civilians"}, {"text": "Rosa Fernandez"}]}]}
    assert muc_templates(line)[0].fillers["Victim"] == [["7 civilians"], ["Rosa Fernandez"]]
    named = muc_templates(line, named_victims_only=True)
    assert named[0].fillers["Victim"] == [["Rosa Fernandez"]]
