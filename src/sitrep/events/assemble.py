"""Turn event drafts into contract :class:`~sitrep.schema.Event` objects.

Here the article-level decisions are made for each incident: its day and place (decided
in :mod:`.event_where`), its actors (who acted, who was hit, associated forces, country
qualifiers), its final type (an attack on armed forces that
fight back is an armed clash; violence on civilians is not), its toll, and the evidence
for every field. The MUC-4 incident type is the same decision seen through MUC-4's task
definition (:mod:`.muc_relevance`): a purely guerrilla act against soldiers or police, a
mere word for violence or arms, an appeal to stop violence get none.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from ..article import ActorMention, Article, CountMention, DateMention, PlaceMention
from ..nlp.lexicon import read_json
from ..schema import Actor, Codes, Event, Evidence, Location, RoleFiller
from .casualties import toll
from .drafts import Draft, attribution_links, family_of, place_rank
from .event_where import article_context, event_date, event_place, is_near, location_of
from .fillers import role_fillers
from .frames import Clause, Frame
from .muc_relevance import (
    MucFacts,
    civilian_target,
    force_country,
    muc_view,
    nationality_before,
)
from .roles import attributed_people, deed_sentences
from .typing import TypeMatch, muc_if_civilians_hit

__all__ = ["assemble_events"]

ARMED_INTERS = {1, 2, 3, 4, 8}
_SUB_PRIORITY: list[str] = read_json("events", "sub_event_priority.json")
_ACLED_TYPES: dict[str, list[str]] = read_json("schema", "acled_types.json")
_ATTACK_TYPES = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))
_TYPE_OF_SUB = {sub: t for t, subs in _ACLED_TYPES.items() for sub in subs}
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}


_SUB_RANK = {s: i for i, s in enumerate(_SUB_PRIORITY)}
# Strategic developments told around a violent incident: its sequels and side-actions.
_FOLLOW_UPS = {"Arrests", "Looting/property destruction", "Change to group/activity",
               "Disrupted weapons use"}
_FOLLOW_UP_DOUBT = 0.2
# Typing confidence decides first: ACLED's priority (a bombing before an attack, a
# battle before an arrest) only chooses among readings about as sure as the best one, so
# "arrested 100 people during raids" stays an arrest.
_TYPE_MARGIN = 0.15


def _choose_type(draft: Draft, hurt: bool = False) -> TypeMatch:
    """The draft's type: the surest reading, ACLED's priority among readings about as sure.

    ``hurt`` (the incident killed or wounded someone): violence outranks the arrests and
    seizures of the same operation. ACLED codes an arrest or a weapons seizure that left
    dead or wounded as the fight it was ("troops killed seven militants during raids that
    also recovered weapons" is an armed clash, however sure the seizure's own wording).
    Demonstrations and looting keep their own types, which may carry a toll."""
    told = [f for f in draft.frames if not f.anaphoric] or draft.frames
    if any(not _side_frame(f) for f in told):
        # Arrests or seizures told in a clause of their own joined the draft as sides of
        # the violence it tells ("troops ... opened fire ... conducting searches and
        # arrests"): they do not type it.
        told = [f for f in told if not _side_frame(f)]
    matches = [m for f in told for m in f.matches]
    if hurt and any(_violent(m) for m in matches):
        matches = [m for m in matches if m.acled_sub_event_type not in _OPERATION_SIDES]
    best = max(m.confidence for m in matches)
    return min(matches, key=lambda m: (m.confidence < best - _TYPE_MARGIN,
                                       _SUB_RANK.get(m.acled_sub_event_type or "", 99),
                                       -m.confidence))


# Side-actions of a security operation: the operation's violence, when it hurt anyone,
# is the event.
_OPERATION_SIDES = frozenset(("Arrests", "Disrupted weapons use"))


def _side_frame(f) -> bool:
    """A clause that tells only an arrest or a seizure."""
    return all(m.acled_sub_event_type in _OPERATION_SIDES for m in f.matches)


def _violent(m: TypeMatch) -> bool:
    """A reading of direct or remote violence (not a side-action, protest or development)."""
    return bool(m.acled_sub_event_type) and \
        family_of(m.acled_sub_event_type) in ("violence", "remote")


def _civilians_hit(t, sides: _Sides) -> bool:
    """Civilians among the dead or wounded, or the side the violence hit."""
    if any(c.side == "civilians" and c.value and c.kind in ("killed", "wounded")
           for c in t.evidence):
        return True
    return sides.actor2 is not None and sides.actor2.inter == 7 and bool(
        t.fatalities or t.wounded)


def _armed_group_hit(t, sides: _Sides) -> bool:
    """A non-state armed group (rebels, militias, gangs) led the violence and someone
    was killed or wounded."""
    return sides.actor1 is not None and sides.actor1.inter in (2, 3) and bool(
        t.fatalities or t.wounded)


def _codes(sub: str | None, match: TypeMatch, muc: str | None) -> Codes:
    if not sub:
        return Codes(acled=None, muc={"incident_type": muc}, plover=None)
    etype = _TYPE_OF_SUB[sub]
    disorder = _DISORDER[etype]
    if sub == "Excessive force against protesters" or sub == "Violent demonstration":
        disorder = "Political violence; Demonstrations" if sub != "Violent demonstration" \
            else "Demonstrations"
    plover = ({"event_type": match.plover_event_type, "mode": match.plover_mode}
              if match.plover_event_type else None)
    return Codes(acled={"event_type": etype, "sub_event_type": sub, "disorder_type": disorder},
                 muc={"incident_type": muc}, plover=plover)


def _qualified(a: ActorMention, country: str | None, country_code: str | None) -> str:
    from ..actors import qualify

    if a.country_code is None and country is not None:
        return qualify(a.name, country)
    if a.country_code is not None and a.country_code != country_code and a.inter == 1:
        return a.name  # a foreign state force keeps its own name
    return qualify(a.name, None) if a.country_code else qualify(a.name, country)


def _armed_group_in_article(article: Article) -> ActorMention | None:
    """The one named non-state armed group of the article, for unnamed "militants"."""
    named = {a.name: a for a in article.actors
             if a.inter in (2, 3) and not a.name.startswith("Unidentified")}
    return next(iter(named.values())) if len(named) == 1 else None


@dataclass(slots=True)
class _Sides:
    actor1: Actor | None
    actor2: Actor | None
    assoc: list[Actor]
    evidence: list[Evidence]
    actor1_mentions: list[ActorMention]


def _sides(draft: Draft, article: Article, country: str | None, cc: str | None) -> _Sides:
    named_group = _armed_group_in_article(article)
    votes: dict[str, Counter[str]] = {"agent": Counter(), "patient": Counter(), "other": Counter()}
    info: dict[str, tuple[int, list[ActorMention]]] = {}
    for f in draft.frames:
        for role, mentions in (("agent", f.agents), ("patient", f.patients),
                               ("other", f.others)):
            for a in mentions:
                name = _qualified(a, country, cc)
                if a.name.startswith("Unidentified") and named_group is not None:
                    name = named_group.name
                    a_inter = named_group.inter
                else:
                    a_inter = a.inter
                votes[role][name] += 1
                info.setdefault(name, (a_inter, []))[1].append(a)
    if not info:
        return _Sides(None, None, [], [], [])
    if any(info[n][0] == 7 for n in info) and all(info[n][0] == 7 for n in votes["agent"]) \
            and votes["agent"]:
        # "Civilians were attacked": civilians as grammatical agents are still the victims.
        for n in list(votes["agent"]):
            votes["patient"][n] += votes["agent"].pop(n)
    agents = votes["agent"]
    actor1_name = agents.most_common(1)[0][0] if agents else None
    patients = Counter({k: v for k, v in votes["patient"].items() if k != actor1_name})
    others = Counter({k: v for k, v in votes["other"].items() if k != actor1_name})
    rest = patients or others or Counter({k: v for k, v in agents.items() if k != actor1_name})
    actor2_name = rest.most_common(1)[0][0] if rest else None
    if actor1_name is None:
        names = [n for n in info if n != actor2_name]
        actor1_name, actor2_name = (names[0], actor2_name) if names else (actor2_name, None)
    side1 = {actor1_name}
    side2 = {actor2_name} if actor2_name else set()
    assoc = []
    for name, (inter, _) in info.items():
        if name in side1 or name in side2 or inter == 7:
            continue  # civilians hit in a battle are its victims, not a party to it
        assoc.append(Actor(name, inter))
    evidence = []
    for fld, name in (("actor1", actor1_name), ("actor2", actor2_name)):
        if name:
            m = info[name][1][0]
            evidence.append(Evidence(fld, m.start, m.end, m.text))
    for a in assoc:
        m = info[a.name][1][0]
        evidence.append(Evidence("assoc_actors", m.start, m.end, m.text))
    if actor1_name and info[actor1_name][0] == 7 and actor2_name is None:
        # Civilians are the ones hit; the unnamed attacker is ACLED's unidentified group.
        actor2_name = actor1_name
        actor1_name = _unidentified(country)
        info[actor1_name] = (3, [])
        evidence = [Evidence("actor2", e.start, e.end, e.text) for e in evidence]
    a1_mentions = info[actor1_name][1] if actor1_name else []
    return _Sides(Actor(actor1_name, info[actor1_name][0]) if actor1_name else None,
                  Actor(actor2_name, info[actor2_name][0]) if actor2_name else None,
                  assoc, evidence, a1_mentions)


def _unidentified(country: str | None) -> str:
    from ..actors import qualify

    return qualify("Unidentified Armed Group", country)


_DEMONSTRATORS = {5, 6}
_PROTEST_SUBS = {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters", "Violent demonstration", "Mob violence"}
_ON_CIVILIANS = {"Attack", "Abduction/forced disappearance", "Sexual violence",
                 "Air/drone strike", "Shelling/artillery/missile attack",
                 "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"}


def _acled_roles(sides: _Sides, sub: str | None, t, country: str | None) -> None:
    """ACLED's conventions on who is actor1: demonstrators lead their own events; civilians
    hit by violence are actor2 even when the text does not name them as an actor."""
    a1, a2 = sides.actor1, sides.actor2
    if sub == "Excessive force against protesters":
        # The force that used lethal violence is the actor of this one, as in any attack.
        if a1 is not None and a1.inter in _DEMONSTRATORS and a2 is not None \
                and a2.inter not in _DEMONSTRATORS:
            _swap(sides)
        return
    if sub in _PROTEST_SUBS and a2 is not None and a2.inter in _DEMONSTRATORS \
            and (a1 is None or a1.inter not in _DEMONSTRATORS):
        _swap(sides)
        return
    if sub in _ON_CIVILIANS and a2 is None and a1 is not None and a1.inter != 7 \
            and any(c.side == "civilians" and c.value for c in t.evidence):
        sides.actor2 = Actor(_civilians(country), 7)
        civ = next((c for c in t.evidence if c.side == "civilians"), None)
        if civ is not None:
            sides.evidence.append(Evidence("actor2", civ.start, civ.end, civ.text))


def _swap(sides: _Sides) -> None:
    sides.actor1, sides.actor2 = sides.actor2, sides.actor1
    for e in sides.evidence:
        e.field = {"actor1": "actor2", "actor2": "actor1"}.get(e.field, e.field)


def _civilians(country: str | None) -> str:
    from ..actors import qualify

    return qualify("Civilians", country)


def _retype(sub: str | None, sides: _Sides) -> str | None:
    """ACLED's rule: violence between two armed sides is a battle; on civilians, an attack."""
    a1, a2 = sides.actor1, sides.actor2
    if sub == "Attack" and a1 and a2 and a1.inter in ARMED_INTERS and a2.inter in ARMED_INTERS:
        return "Armed clash"
    if sub == "Armed clash" and a2 is not None and a2.inter == 7:
        return "Attack"
    return sub


def _by_side(t_by: dict[str, int], sides: _Sides) -> dict[str, int] | None:
    if not t_by:
        return None
    out = {"actor1": 0, "actor2": 0, "civilians": t_by.get("civilians", 0),
           "unknown": t_by.get("unknown", 0)}
    a1 = sides.actor1.inter if sides.actor1 else None
    for side in ("state", "perpetrators"):
        n = t_by.get(side, 0)
        if not n:
            continue
        is_state = side == "state"
        if a1 is not None and (a1 == 1) == is_state:
            out["actor1"] += n
        elif sides.actor2 is not None:
            out["actor2"] += n
        else:
            out["unknown"] += n
    return out


def _event_id(article: Article, date: str | None, loc: Location | None, sub: str | None,
              sides: _Sides, index: int) -> str:
    key = "|".join(str(x) for x in (article.id, date, loc.geonameid if loc else None, sub,
                                    sides.actor1.name if sides.actor1 else None,
                                    sides.actor2.name if sides.actor2 else None, index))
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _count_evidence(counts: list[CountMention]) -> list[Evidence]:
    out = []
    for c in counts:
        fld = {"killed": "fatalities", "wounded": "wounded", "arrested": "arrested",
               "abducted": "abducted"}.get(c.kind, c.kind)
        out.append(Evidence(fld, c.start, c.end, c.text))
    return out


def assemble_events(article: Article, drafts: list[Draft]) -> list:
    """Final events of an article, in the order their first report appears."""
    # The frames carry the article's place weights (computed once per article).
    ctx = article_context(article, next((f.place_weight for d in drafts for f in d.frames),
                                         None))
    events = []
    previous_date: DateMention | None = None
    previous_place: PlaceMention | None = None
    ordered = sorted(drafts, key=lambda d: d.first_sentence)
    lead = ordered[0] if ordered else None
    tolls = [toll([c for f in d.frames for c in f.counts] + d.loose_counts) for d in ordered]
    violent_toll = any(({"violence", "remote"} & d.families) and (t.fatalities or t.wounded)
                       for d, t in zip(ordered, tolls, strict=True))
    spans = [(s.start, s.end) for s in article.sentences]
    # (only an article with a violent incident has perpetrators to link)
    deeds = deed_sentences(article.text, spans) if any(
        d.families & _LINKED for d in ordered) else set()
    links = attribution_links(article.text, spans, ordered, deeds)
    for index, draft in enumerate(ordered):
        date, precision, date_mention = event_date(draft, previous_date, article)
        if draft.date is not None:
            previous_date = draft.date
        place, inferred = event_place(draft, ctx, previous_place, article)
        if draft.place is not None and draft.place_weight >= 2.0:
            previous_place = draft.place
        loc = location_of(place, is_near(draft))
        if loc is not None and inferred:
            # Not said for this incident: near the place the article established.
            loc.geo_precision = max(loc.geo_precision, 2 if place_rank(place) >= 4 else 3)
        country = place.country if place else None
        cc = place.country_code if place else None
        t = tolls[index]
        match = _choose_type(draft, bool(t.fatalities or t.wounded))
        sides = _sides(draft, article, country, cc)
        _acled_roles(sides, match.acled_sub_event_type, t, country)
        sub = _retype(match.acled_sub_event_type, sides)
        # MUC-4 codes combat only when civilians are hit, or when guerrillas or gangs
        # kill or wound (the army's combat against rebels is not one): the toll and the
        # sides say which; a battle that hit civilian property is one too. Whether the
        # ones hit were only soldiers or police is decided below, once the victims and
        # targets are quoted (muc_relevance).
        muc = muc_if_civilians_hit(match) if _civilians_hit(t, sides) or _armed_group_hit(
            t, sides) else match.muc_incident_type
        if muc is None and sub == "Armed clash" and not _forces(sides.actor1):
            muc = _civilian_property_hit(draft)
        if muc is None:
            muc = _act_told(draft)
        evidence: list[Evidence] = [Evidence("codes", match.trigger_start, match.trigger_end,
                                             match.trigger_text)]
        if date_mention is not None:
            evidence.append(Evidence("date", date_mention.start, date_mention.end,
                                     date_mention.text))
        if place is not None:
            evidence.append(Evidence("location", place.start, place.end, place.text))
        evidence += sides.evidence
        evidence += _count_evidence(list(t.evidence))
        # The trained tagger reads attacks (what it learnt from); protests, arrests and
        # strategic developments keep the rules' fillers.
        tagged = muc is not None or _TYPE_OF_SUB.get(sub or "") in _ATTACK_TYPES
        roles = role_fillers(article, draft, sides.actor1_mentions + _blamed(draft, sides),
                             t, tagged=tagged)
        linked = _with_links(article, draft, links[index])
        if any(f.agents for f in linked.frames[len(draft.frames):]):
            # A sentence that only says who did the incident tells its perpetrators (the
            # people and things it names besides are the incident's as told elsewhere);
            # one that names no actor is left to the people it describes (below).
            roles.perpetrators = role_fillers(
                article, linked, sides.actor1_mentions + _blamed(linked, sides), t,
                tagged=tagged).perpetrators
        # People described as doing it ("three men armed with rifles carried out the raid").
        # (in the linked sentences and in the clauses that refer back to the incident)
        roles.perpetrators += _attributed(article, sorted(deeds & (set(links[index]) | {
            f.sentence for f in draft.frames if f.anaphoric})), roles.perpetrators)
        if muc is not None:
            muc = muc_view(MucFacts(
                muc, match.trigger_text, _lead(article, match),
                sides.actor1.inter if sides.actor1 else None,
                sides.actor2.inter if sides.actor2 else None,
                [r.text for r in roles.victims], [r.text for r in roles.targets],
                toll=bool(t.fatalities or t.wounded or t.abducted),
                civilians_hit=_civilians_hit(t, sides), forces_hit=_forces(sides.actor2),
                foreign_forces=_forces(sides.actor2) and _foreign(sides, cc, article.text),
                told_triggers=_told_nearby(draft, match)))
        for fld in ("perpetrators", "victims", "targets", "weapons"):
            evidence += [Evidence(fld, r.start, r.end, r.text) for r in getattr(roles, fld)]
        # Each anchor the text gives (a day, a place, an actor, a toll) makes the event
        # more certain; a told toll also marks the incident the article is about.
        # An incident told again (in several sentences, or in the lead) is one the
        # report stands behind.
        has_toll = any(x for x in (t.fatalities, t.wounded, t.arrested, t.abducted))
        told = len({f.sentence for f in draft.frames})
        confidence = 0.2 + 0.25 * match.confidence + 0.1 * (date_mention is not None) \
            + 0.1 * (draft.place is not None) + 0.1 * (sides.actor1 is not None) \
            + 0.15 * has_toll + 0.05 * min(told - 1, 2) + 0.1 * (draft is lead)
        if sub in _FOLLOW_UPS and not (t.fatalities or t.wounded) and violent_toll:
            # "A boy was arrested in connection with Sunday's fatal shooting": next to a
            # violent incident with a toll, an arrest or a theft is its sequel or a side
            # of it, not what the report is about.
            confidence -= _FOLLOW_UP_DOUBT
        ev = Event(
            event_id=_event_id(article, date, loc, sub, sides, index),
            codes=_codes(sub, match, muc), date=date, date_precision=precision, location=loc,
            actor1=sides.actor1, actor2=sides.actor2, assoc_actors=sides.assoc,
            perpetrators=roles.perpetrators, victims=roles.victims, targets=roles.targets,
            weapons=roles.weapons, fatalities=t.fatalities, fatalities_low=t.fatalities_low,
            fatalities_high=t.fatalities_high, fatalities_by=_by_side(t.fatalities_by, sides),
            wounded=t.wounded, arrested=t.arrested, abducted=t.abducted,
            evidence=_dedupe_evidence(evidence), confidence=round(min(confidence, 1.0), 3),
            sources=[article.id],
            trigger=Evidence("trigger", match.trigger_start, match.trigger_end,
                             match.trigger_text),
            sentence_indices=sorted({f.sentence for f in draft.frames}))
        events.append(ev)
    return events


def _civilian_property_hit(draft: Draft) -> str | None:
    """MUC-4's rule 1: a guerrilla warfare incident that hits civilian property is
    relevant ("the rebels blew up several electricity poles" during the fighting; "two
    Red Cross vehicles were attacked"): the MUC type of the surest clause of the draft
    that names such a target, when typing gave it one."""
    best = None
    for f in draft.frames:
        if f.anaphoric or not f.targets or not civilian_target([x.text for x in f.targets]):
            continue
        for m in f.matches:
            kind = muc_if_civilians_hit(m)
            if kind is not None and (best is None or m.confidence > best[0]):
                best = (m.confidence, kind)
    return best[1] if best else None


def _with_links(article: Article, draft: Draft, sentences: list[int]) -> Draft:
    """The draft as its role fillers read it: with a clause of reference for each sentence
    that attributes its incident (``drafts.attribution_links``), holding the armed groups
    named there as agents ("the Islamic State said its fighters were responsible
    for the action"). Only the fillers see it: the event's type, day, place and actors are
    the draft's own."""
    if not sentences:
        return draft
    frames = list(draft.frames)
    for k in sentences:
        s = article.sentences[k]
        frame = Frame(k, Clause(s.start, s.end), [], anaphoric=True)
        frame.agents = [a for a in article.actors if s.start <= a.start < s.end]
        frames.append(frame)
    return Draft(frames, draft.loose_counts, draft.date, draft.place, draft.place_weight,
                 draft.seen, draft.sentence_date)


def _attributed(article: Article, sentences: list[int],
                have: list[RoleFiller]) -> list[RoleFiller]:
    """The people the linked sentences describe as doing the incident ("three men armed
    with rifles carried out the raid", ``roles.attributed_people``), as individual
    perpetrators, unless a perpetrator already quoted overlaps or names them."""
    out: list[RoleFiller] = []
    for k in sentences:
        s = article.sentences[k]
        for p in attributed_people(article.text[s.start:s.end], s.start):
            low = p.text.lower()
            if not any(o.start < p.end and p.start < o.end or o.text.lower() in low
                       or low in o.text.lower() for o in have + out):
                out.append(RoleFiller(p.text, p.start, p.end, "individual"))
    return out


def _blamed(draft: Draft, sides: _Sides) -> list[ActorMention]:
    """Armed groups told as doing the incident in a clause that refers back to it ("the
    Medellin Cartel planned the attack", "the attacks could have been carried out by the
    MRTA"): perpetrators of it too, though the incident's actor1 is another side."""
    have = {id(m) for m in sides.actor1_mentions}
    return [a for f in draft.frames if f.anaphoric for a in f.agents
            if a.inter in _GROUP_INTERS and id(a) not in have]


_GROUP_INTERS = (2, 3)  # rebels, political militias
_LINKED = frozenset(read_json("events", "links.json")["families"])  # drafts.attribution_links


# MUC-4 incident types that name an act of their own (not "attack", which combat is too).
_OWN_ACTS = frozenset(("bombing", "kidnapping", "arson"))
_SURE_ACT = 0.8


def _act_told(draft: Draft) -> str | None:
    """The MUC-4 type of an act told in so many words within an incident typed otherwise
    ("heavy fighting ... where the rebels blew up several electricity poles with dynamite":
    ACLED codes the battle, MUC-4 the bombing): the surest clause of the draft that tells
    a bombing, kidnapping, arson or robbery itself, not by a reference back or by a weapon's
    or an actor's name alone."""
    best = None
    for f in draft.frames:
        if f.anaphoric or f.nominal:
            continue
        for m in f.matches:
            if m.muc_incident_type in _OWN_ACTS and m.confidence >= _SURE_ACT and (
                    best is None or m.confidence > best.confidence):
                best = m
    return best.muc_incident_type if best is not None else None


def _forces(actor: Actor | None) -> bool:
    """A military or police force (ACLED names them so), not a government."""
    return actor is not None and actor.inter == 1 and actor.name.startswith(_FORCES)


_FORCES = ("Military Forces", "Police Forces")


def _foreign(sides: _Sides, country_code: str | None, text: str) -> bool:
    """The attacker is of another country than the place it struck or the forces it hit
    ("Colombian guerrillas killed five Venezuelan soldiers in Apure"). The attacker's
    country is its own (a national force, a group of one country) or the one its
    description names ("COLOMBIAN GUERRILLAS")."""
    own = {a.country_code or nationality_before(text, a.start) for a in sides.actor1_mentions}
    own.discard(None)
    if not own:
        return False
    # Whose forces were hit: the force's own country when its name says it, else the
    # country of the place.
    hit = force_country(sides.actor2.name) if sides.actor2 is not None else None
    hit = hit or country_code
    return hit is not None and hit not in own


def _told_nearby(draft: Draft, match: TypeMatch) -> list[str]:
    """The words that tell the incident happened in the clauses around its trigger's
    (within a sentence): not a reference back, not a mere actor's or weapon's name."""
    home = next((f.sentence for f in draft.frames if match in f.matches), None)
    if home is None:
        return []
    return [m.trigger_text for f in draft.frames
            if abs(f.sentence - home) <= 1 and not f.anaphoric and not f.nominal
            for m in f.matches if m.muc_incident_type]


def _lead(article: Article, match: TypeMatch) -> str:
    """The trigger's sentence up to the trigger (what may govern it: "stop using ...")."""
    s = article.sentence_at(match.trigger_start)
    start = s.start if s is not None else 0
    return article.text[start:match.trigger_start]


def _dedupe_evidence(items: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in items:
        key = (e.field, e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
