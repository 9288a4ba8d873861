"""Flat dataclasses become dicts of their fields, in field order."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from sitrep.article import Diagnostic, PlaceCandidate
from sitrep.schema import Actor, Evidence, RoleFiller, _dict_maker, _flat


@pytest.mark.parametrize("obj", [
    Diagnostic("places", "unresolved", "no gazetteer entry for 'Xyz'", 4, 7),
    Diagnostic("dates", "no-anchor", "no publication date"),
    Actor("Military Forces of Mali (2021-)", 1),
    RoleFiller("two gunmen", 10, 20, "individual"),
    Evidence("fatalities", 30, 42, "killed three"),
])
def test_flat_is_asdict(obj: object) -> None:
    d = _flat(obj)
    assert d == asdict(obj)
    assert list(d) == list(asdict(obj))  # same key order in the JSON line
    assert _flat(None) is None


def test_flat_place_candidate_keeps_field_order() -> None:
    fields = list(PlaceCandidate.__dataclass_fields__)
    make = _dict_maker(tuple(fields))
    assert list(make(type("O", (), dict.fromkeys(fields, 1))())) == fields


def test_dict_maker_refuses_what_is_no_field_name() -> None:
    with pytest.raises(ValueError):
        _dict_maker(("ok", "x); import os; (y"))
