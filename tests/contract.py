"""Checks every output line must pass: the JSON Schema, offsets, and evidence per field."""

from __future__ import annotations

from typing import Any

import jsonschema

from sitrep.schema import json_schema

# Event fields that need evidence when not null, and the evidence fields that support them.
SUPPORTED_BY = {
    "codes": {"codes"},
    "date": {"date"},
    "location": {"location"},
    "actor1": {"actor1"},
    "actor2": {"actor2"},
    "fatalities": {"fatalities"},
    "wounded": {"wounded"},
    "arrested": {"arrested"},
}


def check_line(line: dict[str, Any], text: str) -> None:
    """Assert that ``line`` is a valid output line for an article whose text is ``text``."""
    jsonschema.validate(line, json_schema())
    for m in line["places"] + line["dates"]:
        assert text[m["start"]:m["end"]] == m["text"], m
    for ev in line["events"]:
        fields_with_evidence = {e["field"] for e in ev["evidence"]}
        for e in ev["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"], e
        for role in ("perpetrators", "victims", "targets", "weapons"):
            for r in ev[role]:
                assert text[r["start"]:r["end"]] == r["text"], r
        for fld, supported in SUPPORTED_BY.items():
            value = ev[fld]
            if fld == "date" and value is not None and ev["date_precision"] != 1:
                continue  # an approximate date is derived from the article's context
            if fld == "location" and value is not None and value["geo_precision"] > 1 \
                    and not fields_with_evidence & supported:
                continue  # a context location (told elsewhere in the article)
            if value is not None and value != {} and fld != "codes":
                assert fields_with_evidence & supported, (fld, ev["evidence"])
