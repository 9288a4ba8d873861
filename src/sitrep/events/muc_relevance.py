"""MUC-4's view of an event: is it a relevant terrorist incident?

The MUC-3/4 task definition (TASKDOC ``template-doc-part1``, section 1.0) keeps out of its
database some violence that ACLED codes: a purely guerrilla act against the military or
the police (rule 1b), a description too vague to say what was attacked (rule 7), and
acts not reported as facts (rule 5: here, an appeal to stop or a call to begin them),
and a mere word for violence or for arms with nothing said to be hit (rule 7).
This module makes that one decision for an event already assembled; the ACLED event is
kept and only ``codes.muc.incident_type`` becomes null. The words it relies on are data
(``data/events/muc_relevance.json``).

The converse also holds (rule 1: "if a guerrilla warfare incident happens to affect
civilian personnel or property ... the incident becomes relevant"): :func:`civilian_target`
tells the assembler that a clause of a battle hit something other than state forces, so
the battle's MUC reading is kept; and an attack across a border on another country's forces
(:func:`nationality_before`, :func:`force_country`) is no purely domestic guerrilla act.

MUC-4 also fills templates for threats against a specific target, which ACLED never codes:
see :mod:`sitrep.events.threats`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..nlp.lexicon import read_json

__all__ = [
    "MucFacts",
    "civilian_target",
    "force_country",
    "muc_view",
    "nationality_before",
    "not_relevant_because",
]

_DATA = read_json("events", "muc_relevance.json")
_STATE_FORCES = re.compile(_DATA["state_forces"], re.IGNORECASE)
# Words that name violence or arms, not what was hit ("the violence", "missiles").
_UNSPECIFIC = frozenset(w.lower() for w in (*_DATA["vague_triggers"], *_DATA["weapon_triggers"]))
_APPEAL = re.compile(_DATA["appeal_before_trigger"], re.IGNORECASE)
_STATE = 1  # ACLED inter code of state forces (and governments)
_LEAD_CHARS = 100  # how far before the trigger an appeal may govern it
# The word right before an actor's mention, when it is a country's adjective
# ("COLOMBIAN guerrillas", "Salvadoran rebels"): the actor's nationality.
_NATIONALITY = re.compile(r"([A-Za-z]+)[ \t]+$")


@dataclass(frozen=True, slots=True)
class MucFacts:
    """What the MUC view needs to know of one event.

    ``incident_type`` is the type the typing decision gave; ``lead`` the text of the
    trigger's sentence before the trigger; ``actor1_inter``/``actor2_inter`` ACLED's
    ``inter`` codes of who acted and who was hit; ``victims``/``targets`` the quoted
    human and physical targets; ``toll`` whether anyone was counted killed, wounded or
    abducted; ``civilians_hit`` whether the toll or the sides say civilians were hit;
    ``forces_hit`` whether the side hit is a military or police force, ``foreign_forces``
    whether those forces are of another country than the attacker's; ``told_triggers``
    the words of the event's other clauses that tell it happened (not a reference back,
    not a mere name of an actor or weapon: "one of the devices HIT a wall").
    """

    incident_type: str | None
    trigger_text: str
    lead: str = ""
    actor1_inter: int | None = None
    actor2_inter: int | None = None
    victims: Sequence[str] = ()
    targets: Sequence[str] = ()
    toll: bool = False
    civilians_hit: bool = False
    forces_hit: bool = False
    foreign_forces: bool = False
    told_triggers: Sequence[str] = ()


def not_relevant_because(facts: MucFacts) -> str | None:
    """The MUC-4 rule that leaves the event out of the template database, or None."""
    if facts.incident_type is None:
        return None
    if _military_only(facts):
        return "military target"
    hit = bool(facts.victims or facts.targets) or facts.toll
    if not hit and all(t.lower() in _UNSPECIFIC for t in (facts.trigger_text,
                                                         *facts.told_triggers)):
        # (A vague word in the lead, "last night's terrorist acts", told in another clause
        # as "one of the devices hit a wall": the nature of the attack is told.)
        return "not specific"
    if not facts.toll and _APPEAL.search(facts.lead[-_LEAD_CHARS:]):
        return "not factual"
    return None


def muc_view(facts: MucFacts) -> str | None:
    """The event's MUC-4 incident type: the typing decision's, unless a relevance rule
    of the task definition leaves the event out."""
    return None if not_relevant_because(facts) else facts.incident_type


def civilian_target(targets: Sequence[str]) -> bool:
    """Whether any physical target quoted is not a state force's ("a bus", "electricity
    poles", not "the barracks" or "an army patrol")."""
    return any(not _STATE_FORCES.search(t) for t in targets)


def nationality_before(text: str, start: int) -> str | None:
    """The country code of a demonym written just before ``start`` ("Colombian" in
    "Colombian guerrillas" -> "CO"), or None."""
    m = _NATIONALITY.search(text, max(0, start - 30), start)
    return _demonyms().get(m.group(1).lower()) if m else None


def force_country(name: str) -> str | None:
    """The country code of a state force named in ACLED's style ("Military Forces of
    Venezuela (1989-1993)" -> "VE"), or None."""
    _, of, rest = name.partition(" of ")
    return _countries()[1].get(rest.split(" (")[0].strip().lower()) if of else None


def _demonyms() -> dict[str, str]:
    return _countries()[0]


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """Demonyms and ACLED country names (lower case) -> country code."""
    # (Imported here: the actor lexicon is large and only this rare case needs it.)
    from ..actors.lexicon import lexicon

    countries = lexicon().countries.values()
    return ({d.lower(): c.code for c in countries for d in c.demonyms},
            {n.lower(): c.code for c in countries for n in (c.actor_name, c.name)})


def _military_only(facts: MucFacts) -> bool:
    """Rule 1b: a non-state attacker (or an unnamed one) hit the military or police of
    its own country, and every person and thing named as hit belongs to them ("urban
    commandos attacked four treasury police officers"): no civilian, no civilian
    property. (Government officials are not forces: an attack on them is relevant.)"""
    if not facts.forces_hit or facts.actor1_inter == _STATE or facts.civilians_hit \
            or facts.foreign_forces:
        return False
    hit = (*facts.victims, *facts.targets)
    return bool(hit) and all(_STATE_FORCES.search(x) for x in hit)
