"""ACLED's derived CSV columns: region, interaction, civilian targeting, source scale, tags.

Each follows ACLED's codebook: ``region`` is ACLED's world region of the country (a data
file covering every ISO 3166 country); ``interaction`` the two actors' ``inter`` codes as
one two-digit number, lower first, and ``inter`` x 10 when one actor acts alone (ACLED's
"sole" interactions, e.g. 60 for protesters alone); ``civilian_targeting`` says
"Civilian targeting" when civilians are the target; ``source_scale`` the reach of the
outlets that reported the event, where sitrep knows them; ``tags`` what ACLED tags from
the text (the crowd size of a demonstration).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ..nlp.lexicon import read_json

__all__ = ["SCALE_ORDER", "civilian_targeting", "crowd_size", "interaction", "region_of",
           "source_scale", "tags"]

CIVILIANS = 7
# ACLED joins several scales with "-" (e.g. "National-International"); this fixes the order
SCALE_ORDER = ("Local partner", "Subnational", "National", "Regional", "International",
               "New media", "Other")


@cache
def _regions() -> dict[str, str]:
    return dict(read_json("export", "acled_regions.json")["regions"])


def region_of(country_code: str | None) -> str:
    """ACLED's region of an ISO 3166-1 alpha-2 country code ("" when unknown)."""
    return _regions().get((country_code or "").upper(), "")


def interaction(inter1: int | None, inter2: int | None) -> int:
    """ACLED's interaction code: 12 for state forces vs rebels (lower code first), 60 for
    protesters alone, 0 when no actor is known."""
    codes = sorted(c for c in (inter1 or 0, inter2 or 0) if c)
    if not codes:
        return 0
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def civilian_targeting(row: dict[str, Any]) -> str:
    """"Civilian targeting" when civilians are the event's target: every violence-against-
    civilians event (unarmed non-combatants are its target by definition, even where the
    victims were not coded as actor 2), and any other event whose second actor is
    civilians (ACLED codes the targeted side as actor 2: a bomb in a market, mob violence
    against villagers)."""
    if row.get("event_type") == "Violence against civilians":
        return "Civilian targeting"
    return "Civilian targeting" if int(row.get("inter2") or 0) == CIVILIANS else ""


@cache
def _scales() -> tuple[dict[str, str], dict[str, str]]:
    data = read_json("export", "source_scales.json")
    return dict(data["names"]), dict(data["hosts"])


def _host_scale(url: str | None, hosts: dict[str, str]) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    while host:
        if host in hosts:
            return hosts[host]
        host = host.partition(".")[2]  # news.bbc.co.uk -> bbc.co.uk -> co.uk
    return None


def source_scale(sources: Iterable[tuple[str | None, str | None]]) -> str:
    """The scale of ``(outlet name, url)`` pairs, joined as ACLED joins them; outlets
    sitrep does not know add nothing ("" when none is known)."""
    names, hosts = _scales()
    found = set()
    for name, url in sources:
        scale = names.get((name or "").strip().lower()) or _host_scale(url, hosts)
        if scale:
            found.add(scale)
    return "-".join(s for s in SCALE_ORDER if s in found)


@cache
def _crowd() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = read_json("export", "tags.json")
    pattern = re.compile(rf"\b{data['lead']}?(?P<size>{data['quantity']})\s+(?:of\s+)?"
                         rf"(?:[\w-]+\s+){{0,2}}?(?:{data['crowd']})\b", re.IGNORECASE)
    outcome = re.compile(rf"\b(?:{data['not_after']})\s+(?:at least\s+|some\s+)?$",
                         re.IGNORECASE)
    return pattern, outcome, frozenset(data["crowd_event_types"])


def crowd_size(text: str) -> str | None:
    """The crowd size a passage gives ("hundreds", "about 2,000"), lower-cased; None.
    ("arrested 12 protesters" counts arrests, not the crowd.)"""
    pattern, outcome, _ = _crowd()
    for m in pattern.finditer(text):
        if not outcome.search(text[max(0, m.start() - 30):m.start()]):
            return " ".join(m.group("size").lower().split())
    return None


def tags(row: dict[str, Any], passage: str | None) -> str:
    """ACLED's ``tags`` for one event: ``crowd size=...`` for a demonstration (``no
    report`` when its report gives none), from ``passage`` (the report's sentences about
    the event); "" for other events."""
    if row.get("event_type") not in _crowd()[2]:
        return ""
    size = crowd_size(passage) if passage else None
    return f"crowd size={size or 'no report'}"
