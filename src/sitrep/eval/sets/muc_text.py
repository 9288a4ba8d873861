"""Readers for the original MUC-3/MUC-4 corpus files: message texts and answer keys.

A corpus file holds messages that start with an ID line (``TST1-MUC3-0001``) followed by
a dateline (``GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --``, the publication date). A key
file holds 25-slot templates; a slot value may continue on the following lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

__all__ = ["MucKey", "MucMessage", "parse_key_file", "parse_muc_date", "read_messages"]

_MSG_ID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b.*$", re.M)
_DATELINE = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
_MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
_SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z][A-Z :]*?)\s{2,}(.*?)\s*$")
_QUOTED = re.compile(r'"([^"]+)"')
_NUMBER = re.compile(r"^[?\s]*(\d+)")


@dataclass(slots=True)
class MucMessage:
    """One message: reflowed text (hard line wraps joined) and publication date."""

    id: str
    text: str
    published: date | None


@dataclass(slots=True)
class MucKey:
    """The scored parts of one answer-key template."""

    doc_id: str
    incident_type: str
    dates: list[date] = field(default_factory=list)
    country: str | None = None
    place: str | None = None   # the most specific place (first alternative naming one)
    places: tuple[str, ...] = ()  # every named city or department, all alternatives
    deaths: int | None = None  # None: the key gives no usable number


# "BOGOTA (CITY)": a type note follows a name; "(COLOMBIA)" alone is a bracketed place.
_TYPE_NOTE = re.compile(r"(?<=[A-Z0-9.'\"])\s+\([A-Z /]+\)")


def _location_parts(alternative: str) -> list[str]:
    """``"(COLOMBIA: PEREIRA (CITY) - BELEN DE UMBRIA (TOWN))"`` -> ``["COLOMBIA",
    "PEREIRA", "BELEN DE UMBRIA"]``: the country, then the places from the general to the
    specific (type notes and the brackets around an alternative dropped; the two ends of
    a " - " range are both places)."""
    out = []
    for part in _TYPE_NOTE.sub("", alternative).split(":"):
        for name in part.split(" - "):
            name = name.strip().strip('"()').strip()
            if name and name not in {"-", "*"}:
                out.append(name)
    return out


def parse_muc_date(text: str) -> list[date]:
    """Every ``DD MON YY`` in ``text`` as dates (years 19YY)."""
    out = []
    for d, mon, yy in _DATELINE.findall(text):
        if mon in _MONTHS:
            try:
                out.append(date(1900 + int(yy), _MONTHS[mon], int(d)))
            except ValueError:
                continue
    return out


def _reflow(raw: str) -> str:
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw)]
    return "\n\n".join(p for p in paras if p)


def read_messages(path: Path) -> dict[str, MucMessage]:
    """The messages of a corpus file, by ID."""
    raw = path.read_text(encoding="latin-1")
    heads = list(_MSG_ID.finditer(raw))
    out = {}
    for i, m in enumerate(heads):
        body = raw[m.end(): heads[i + 1].start() if i + 1 < len(heads) else len(raw)]
        text = _reflow(body)
        dates = parse_muc_date(text[:80])
        out[m.group(1)] = MucMessage(m.group(1), text, dates[0] if dates else None)
    return out


def _slots(block: str) -> dict[int, list[str]]:
    slots: dict[int, list[str]] = {}
    current: int | None = None
    for line in block.splitlines():
        if line.startswith(";"):
            continue
        m = _SLOT.match(line)
        if m:
            current = int(m.group(1))
            slots[current] = [m.group(3)] if m.group(3) else []
        elif current is not None and line.strip():
            slots[current].append(line.strip())
    return slots


def _deaths(slots: dict[int, list[str]]) -> int | None:
    """The number killed: each ``DEATH`` line of slot 23 names one entity (its quotes are
    alternative names of it, ``"JESUITS" / "JESUIT PRIESTS"``); its number is on the slot-21
    line quoting the same names (the first figure of ``"6 / 4:"``). ``None`` when an entity
    has no number ("PLURAL")."""
    dead = [set(_QUOTED.findall(v)) for v in slots.get(23, []) if v.startswith("DEATH")]
    dead = [names for names in dead if names]
    if not dead:
        return 0
    entities: list[tuple[set[str], int | None]] = []
    for v in slots.get(21, []):
        num, _, rest = v.partition(":")
        m = _NUMBER.match(num)
        entities.append((set(_QUOTED.findall(rest)), int(m.group(1)) if m else None))
    total = 0
    counted: set[int] = set()
    for names in dead:
        line = next((i for i, (quoted, _) in enumerate(entities) if quoted & names), None)
        if line is None or entities[line][1] is None:
            return None  # "PLURAL" or no number: unknown
        if line not in counted:
            counted.add(line)
            total += entities[line][1] or 0
    return total


def parse_key_file(path: Path) -> list[MucKey]:
    """The templates of a key file (messages with no template are left out)."""
    raw = path.read_text(encoding="latin-1")
    blocks = re.split(r"(?m)^(?=\s*0\.\s+MESSAGE: ID)", raw)
    out = []
    for block in blocks:
        slots = _slots(block)
        ident = " ".join(slots.get(0, [])).split()
        kind = " ".join(slots.get(4, [])).strip()
        if not ident or not kind or kind.startswith("*"):
            continue
        kind = kind.split("/")[0].split(":")[0].strip().lower()
        # type notes go first: "SAN SALVADOR (CITY / DEPARTMENT)" holds a "/" of its own
        location = _TYPE_NOTE.sub("", " ".join(slots.get(3) or ["-"]))
        alternatives = [_location_parts(alt) for alt in location.split("/")]
        parts = alternatives[0]
        # the most specific place of the first alternative that names one below the country
        finest = next((alt for alt in alternatives if len(alt) > 1), parts)
        out.append(MucKey(
            doc_id=ident[0], incident_type=kind,
            dates=parse_muc_date(" ".join(slots.get(2, []))),
            country=parts[0].lower() if parts else None,
            place=finest[-1].lower() if finest else None,
            places=tuple(dict.fromkeys(p.lower() for alt in alternatives for p in alt[1:])),
            deaths=_deaths(slots),
        ))
    return out
