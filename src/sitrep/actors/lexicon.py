"""The actor lexicon: countries, state forces, named groups and generic descriptions.

Everything here is read from the data files in ``sitrep/data/actors/`` (loaded once per
process). The files hold ACLED-style names and ``inter`` codes; this module only turns
them into typed records and offers the naming helpers :func:`qualify`,
:func:`inter_of`, :func:`country_name` and :func:`event_inter`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..nlp.lexicon import read_json

__all__ = [
    "CATEGORIES",
    "Country",
    "Group",
    "GenericActor",
    "Lexicon",
    "country_name",
    "event_inter",
    "inter_of",
    "lexicon",
    "qualify",
]

CATEGORIES = frozenset({
    "military", "police", "government", "rebel", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external", "unidentified",
})
STATE_CATEGORIES = ("military", "police", "government")


@dataclass(frozen=True, slots=True)
class Country:
    """A country: ISO code, ACLED-style short name, and the words that name it."""

    code: str
    name: str
    actor_name: str  # the form inside force names: "Military Forces of the Philippines"
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """A named non-state actor (or multinational force) with its ACLED-style name.

    ``aliases`` match case-insensitively; ``acronyms`` only as written, in mixed-case
    text (so "IS" never matches the verb in ALL-CAPS wire copy). ``qualify`` marks
    names that take the event country as a suffix ("Fulani Ethnic Militia (Nigeria)").
    """

    name: str
    inter: int
    category: str
    countries: tuple[str, ...]
    region: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    qualify: bool = False

    @property
    def country_code(self) -> str | None:
        """The group's country when it operates in exactly one, else ``None``."""
        return self.countries[0] if len(self.countries) == 1 else None


@dataclass(frozen=True, slots=True)
class GenericActor:
    """An unnamed actor description ("gunmen", "villagers") and what ACLED calls it."""

    name: str
    inter: int
    category: str
    phrases: tuple[str, ...]


@dataclass(slots=True)
class Lexicon:
    """All actor data, indexed for lookups by name and by country."""

    countries: dict[str, Country]
    groups: list[Group]
    generics: list[GenericActor]
    templates: dict[str, str]
    country_less: dict[str, str]
    nouns: dict[str, dict[str, list[str]]]
    of_nouns: dict[str, list[str]]
    blockers: list[str]
    units: dict[str, list[str]] = field(default_factory=dict)
    named_forces: list[tuple[str, str, str]] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)

    def force_name(self, category: str, code: str) -> str:
        """ACLED name of a country's state force: "Military Forces of Tunisia"."""
        return self.templates[category].format(country=self.countries[code].actor_name)
    by_name: dict[str, tuple[int, str]] = field(default_factory=dict)
    qualified_names: frozenset[str] = frozenset()
    country_by_name: dict[str, str] = field(default_factory=dict)


@cache
def lexicon() -> Lexicon:
    """The actor lexicon, parsed once per process."""
    countries = {
        row["code"]: Country(row["code"], row["name"], row.get("in_actor_name", row["name"]),
                             tuple(row["demonyms"]), tuple(row["aliases"]))
        for row in read_json("actors", "countries.json")
    }
    groups = [
        Group(row["name"], row["inter"], row["category"], tuple(row["countries"]),
              row["region"], tuple(row["aliases"]), tuple(row["acronyms"]),
              bool(row.get("qualify", False)))
        for row in read_json("actors", "groups.json")
    ]
    generics = [
        GenericActor(row["name"], row["inter"], row["category"], tuple(row["phrases"]))
        for row in read_json("actors", "generic.json")["entries"]
    ]
    forces = read_json("actors", "forces.json")
    lex = Lexicon(countries, groups, generics, forces["templates"], forces["country_less"],
                  forces["nouns"], forces["of_nouns"], forces.get("blockers", []),
                  {k: v for k, v in forces.get("units", {}).items() if not k.startswith("_")})
    lex.trailing = list(forces.get("trailing", []))
    named = forces.get("named_forces", {}).get("entries", [])
    lex.named_forces = [(phrase, code, cat) for phrase, code, cat in named]
    by_name: dict[str, tuple[int, str]] = {}
    for g in groups:
        by_name[g.name] = (g.inter, g.category)
    for gen in generics:
        by_name.setdefault(gen.name, (gen.inter, gen.category))
    for cat, name in lex.country_less.items():
        by_name[name] = (1, cat)
    lex.by_name = by_name
    lex.qualified_names = frozenset(
        [gen.name for gen in generics] + [g.name for g in groups if g.qualify])
    names: dict[str, str] = {}
    for c in countries.values():
        for n in (c.name, *c.aliases):
            names[n.casefold()] = c.code
    lex.country_by_name = names
    return lex


def country_name(country: str | None) -> str | None:
    """The ACLED-style name of ``country`` (an ISO alpha-2 code or any country name).

    Unknown inputs are returned unchanged so that callers never lose information.
    """
    if not country:
        return None
    lex = lexicon()
    key = country.strip()
    if len(key) == 2 and key.upper() in lex.countries:
        return lex.countries[key.upper()].name
    code = lex.country_by_name.get(key.casefold())
    if code:
        return lex.countries[code].name
    code = _pycountry_code(key)
    if code and code in lex.countries:
        return lex.countries[code].name
    return key


@cache
def _pycountry_code(name: str) -> str | None:
    # Imported lazily: only official names ("Syrian Arab Republic") need it.
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


_QUALIFIER = re.compile(r"^(?P<base>.+?) \((?P<country>[^()]+)\)$")
_STATE_NAME = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?P<country>.+)$")


def qualify(name: str, country: str | None) -> str:
    """ACLED's name for an actor at an event in ``country`` (code or name).

    "Unidentified Armed Group" -> "Unidentified Armed Group (Tunisia)";
    "Military Forces" (a country-less mention like "the army") -> "Military Forces of
    Tunisia"; names that already carry a country, and named groups, are unchanged.
    """
    cname = country_name(country)
    if not cname:
        return name
    lex = lexicon()
    code = lex.country_by_name.get(cname.casefold())
    for cat, bare in lex.country_less.items():
        if name == bare:
            return lex.force_name(cat, code) if code else lex.templates[cat].format(country=cname)
    if name in lex.qualified_names:
        return f"{name} ({cname})"
    return name


def inter_of(name: str) -> int | None:
    """ACLED ``inter`` code of an actor name (qualified or not), ``None`` if unknown."""
    lex = lexicon()
    hit = lex.by_name.get(name)
    if hit:
        return hit[0]
    if _STATE_NAME.match(name):
        return 1
    m = _QUALIFIER.match(name)
    if m and m.group("base") in lex.qualified_names:
        return lex.by_name[m.group("base")][0]
    return None


def event_inter(inter: int, actor_country: str | None, event_country: str | None) -> int:
    """The inter code of a state force at an event: ACLED codes state forces acting
    outside their own country as external forces (8)."""
    if inter == 1 and actor_country and event_country and actor_country != event_country:
        return 8
    return inter
