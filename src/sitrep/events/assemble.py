"""Turn event drafts into contract :class:`~sitrep.schema.Event` objects.

Here the article-level decisions are made for each incident: its day and place (with
ACLED's precision codes and the context fallbacks), its actors (who acted, who was hit,
associated forces, country qualifiers), its final type (an attack on armed forces that
fight back is an armed clash; violence on civilians is not), its toll, and the evidence
for every field.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from ..article import ActorMention, Article, CountMention, DateMention, PlaceMention
from ..dates import acled_time_precision
from ..nlp.lexicon import read_json
from ..schema import Actor, Codes, Event, Evidence, Location
from .casualties import toll
from .drafts import Draft, family_of, place_rank
from .fillers import role_fillers
from .frames import city_of, dateline_span, in_dateline, place_weights, wire_dateline
from .place_trust import (
    best_place,
    capital_said,
    nearby,
    sentence_town,
    told_town,
    town_in_county,
)
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


@dataclass(slots=True)
class _Context:
    """What the article has established so far, for clauses that do not say it again."""

    main_place: PlaceMention | None
    country_place: PlaceMention | None
    # The main town is said only in the dateline, in a report whose body names the
    # country or lies in another country: where the report was filed, not a scene.
    filed_from: bool = False
    # The dateline's town: what "in this capital", "here today" point to.
    dateline_town: PlaceMention | None = None


_SURE_READING = 0.5  # a resolution score below it is a doubtful reading ("Metro")
_DEICTIC = re.compile(read_json("events", "frame_patterns.json")["deictic_place"],
                      re.IGNORECASE)


def _article_context(article: Article, weights: dict[int, float] | None = None) -> _Context:
    resolved = [p for p in article.places if p.lat is not None]
    if weights is None:
        weights = place_weights(article)
    towns = [p for p in resolved if place_rank(p) >= 3 and weights.get(p.start, 0.0) >= 2.0]
    # The most trusted town, the first said on ties (the dateline's, the lead's).
    main = max(towns, key=lambda p: (weights[p.start], -p.start)) if towns else None
    span = dateline_span(article)
    body = [p for p in resolved if not in_dateline(p, span)]
    # The country the body is about: where most of its places lie (surely read ones).
    codes = Counter(p.country_code for p in body
                    if p.country_code and p.score >= _SURE_READING)
    main_cc = codes.most_common(1)[0][0] if codes else None
    countries = [p for p in resolved if p.feature == "country"]
    in_body = [p for p in countries if not in_dateline(p, span) and p.country_code == main_cc]
    country = Counter(p.geonameid for p in in_body or countries).most_common(1)[0][0] \
        if countries else None
    country_place = next((p for p in in_body or countries if p.geonameid == country), None)
    filed_from = False
    dateline_town = next((p for p in resolved if p.start == span[0] and span[1] > span[0]
                          and place_rank(p) >= 3), None)
    if main is not None and in_dateline(main, span) and not any(
            p.geonameid == main.geonameid for p in body):
        # Filed from abroad ("MADRID (SPAIN) -- ... in San Salvador"), or from the capital
        # of a country the body names while telling no town ("SAN SALVADOR -- ... the
        # army said ... in El Salvador").
        filed_from = bool(codes) and main.country_code not in codes or bool(in_body)
        # Or a wire bureau's dated dateline ("BOGOTA, 7 SEP 89 (EFE) -- MEDELLIN
        # CONTINUES TO LIVE THROUGH A WAVE OF TERROR") over a body that names another
        # town: the body tells the scene. A local station's ("GREELEY, Colo. (AP)") is
        # its own beat.
        filed_from = filed_from or wire_dateline(article, span) and any(
            not in_dateline(p, span) and p.country_code == main.country_code
            and place_rank(p) >= 4 for p in towns)
        if filed_from:
            others = [p for p in towns if not in_dateline(p, span)
                      and p.country_code == (main_cc or p.country_code)]
            main = max(others, key=lambda p: (weights[p.start], -p.start)) if others else None
    return _Context(main, country_place, filed_from, dateline_town)


def _event_place(draft: Draft, ctx: _Context, previous: PlaceMention | None,
                 article: Article) -> tuple[PlaceMention | None, bool]:
    """The incident's place, and whether it was inferred from context rather than said
    for this incident (ACLED's geo_precision 2/3 then)."""
    place, inferred = draft.place, False
    here = ctx.dateline_town
    if here is not None and (place is None or place_rank(place) < 3) and (
            place is None or place.country_code == here.country_code) and any(
            _DEICTIC.search(article.text, f.clause.start, f.clause.end) for f in draft.frames):
        # "murdered yesterday in zone 10 of this capital", "bombs exploded here today":
        # the town the report is filed from.
        return city_of(here, article.places), False
    if place is None or draft.place_weight < 2.0:
        # No place, or only a doubtful one: the place the article has established --
        # within the country said for this incident ("kidnapped in Colombia"), if any.
        said = draft.place if draft.place is not None and draft.place.feature == "country" \
            else None
        fallback = previous or ctx.main_place
        if fallback is not None and (said is None or fallback.country_code == said.country_code):
            place, inferred = fallback, True
        elif said is not None:
            place, inferred = said, False
    if place is None or place_rank(place) < 3 or inferred:
        # The incident's own clause says "in <town>": the scene, however doubtful the
        # reading (all-capitals copy), over a region or a town of another country
        # inferred from context (a doubtful neighbourhood does not displace the
        # report's own town).
        told = told_town(article, [p for f in draft.frames for p in f.places])
        if told is not None and (place is None or place_rank(place) < 3
                                 or told.country_code != place.country_code
                                 and nearby(told, place)):
            place, inferred = told, False
    span = dateline_span(article)
    coarse = place is None or place.feature == "country"
    if coarse or inferred and place is ctx.main_place and in_dateline(place, span) \
            and wire_dateline(article, span):
        # A town said in the incident's own sentences ("Cali police announced that ...
        # bombs exploded"), over a mere country (a region said for the incident stays:
        # the town may be another incident's); a town trusted as a scene, over a wire
        # bureau's town that the incident's sentences never name ("SAN SALVADOR, 6 JUL
        # 89 -- ... on the road to La Libertad port").
        near, sure = sentence_town(article, sorted({f.sentence for f in draft.frames}))
        if near is not None and (coarse or sure and near.country_code == place.country_code):
            place, inferred = near, not sure
    if place is None or inferred or place.feature == "country":
        # "bombed the capital again early this morning": the country's largest city.
        country = place or ctx.country_place
        capital = capital_said(article, [(f.clause.start, f.clause.end) for f in draft.frames],
                               country.country_code if country is not None else None)
        if capital is not None:
            place, inferred = capital, False
    if place is None:
        # "condemned the assassination of six Jesuits in El Salvador": the country said
        # for the incident, before the one the report is about.
        place = told_town(article, [p for f in draft.frames for p in f.places], ("country",))
        inferred = False
    if place is None:
        place, inferred = ctx.country_place, True
    if place is None:
        place, inferred = best_place(article), True  # the only places are doubtful ones
    inside = _town_inside(place, ctx.main_place)
    if inside is None and place is not None and place.feature == "admin2":
        inside = town_in_county(article, place)  # "Augusta woman ...", "Richmond County"
    if inside is not None:
        place, inferred = inside, True  # "in N.C.", the report filed from Fayetteville, N.C.
    if place is not None:
        place = city_of(place, article.places)  # "Kensington" -> Philadelphia
    return place, inferred


def _town_inside(region: PlaceMention | None, town: PlaceMention | None) -> PlaceMention | None:
    """The article's main town when the incident's place is only the province or county
    that town lies in: the report names the region, its dateline or lead the town."""
    if region is None or town is None or region.feature not in ("admin1", "admin2", "region"):
        return None  # a country is too wide to guess the town
    if place_rank(town) <= place_rank(region):
        return None  # (the county itself: no town of it)
    if town.country_code != region.country_code:
        return None
    if town.admin1 != region.admin1 or region.feature == "admin2" and town.admin2 != region.admin2:
        return None
    return town


def _event_date(draft: Draft, previous: DateMention | None,
                article: Article) -> tuple[str | None, int | None, DateMention | None]:
    if draft.date is not None:
        d = draft.date
        return d.first_day.isoformat(), acled_time_precision(d), d
    if draft.sentence_date is not None:
        d = draft.sentence_date
        return d.first_day.isoformat(), acled_time_precision(d), d
    if previous is not None:  # told after a dated incident: near that day
        return previous.first_day.isoformat(), 2, previous
    if article.anchor is not None:
        return article.anchor.isoformat(), 2, None
    return None, None, None


def _near(draft: Draft) -> bool:
    return any(f.near for f in draft.frames if draft.place in f.places)


def _location(place: PlaceMention | None, near: bool) -> Location | None:
    if place is None:
        return None
    rank = place_rank(place)
    precision = 1 if rank >= 4 else 2 if rank == 3 else 3
    if near and precision == 1:
        precision = 2
    return Location(name=place.name, geonameid=place.geonameid, lat=place.lat, lon=place.lon,
                    country=place.country, country_code=place.country_code,
                    admin1=place.admin1, admin2=place.admin2, geo_precision=precision)


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
    ctx = _article_context(article, next((f.place_weight for d in drafts for f in d.frames),
                                         None))
    events = []
    previous_date: DateMention | None = None
    previous_place: PlaceMention | None = None
    ordered = sorted(drafts, key=lambda d: d.first_sentence)
    lead = ordered[0] if ordered else None
    tolls = [toll([c for f in d.frames for c in f.counts] + d.loose_counts) for d in ordered]
    violent_toll = any(({"violence", "remote"} & d.families) and (t.fatalities or t.wounded)
                       for d, t in zip(ordered, tolls, strict=True))
    for index, draft in enumerate(ordered):
        date, precision, date_mention = _event_date(draft, previous_date, article)
        if draft.date is not None:
            previous_date = draft.date
        place, inferred = _event_place(draft, ctx, previous_place, article)
        if draft.place is not None and draft.place_weight >= 2.0:
            previous_place = draft.place
        loc = _location(place, _near(draft))
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
        # kill or wound (an attack on police or soldiers is a terrorist attack there; the
        # army's combat against rebels is not): the toll and the sides say which.
        muc = muc_if_civilians_hit(match) if _civilians_hit(t, sides) or _armed_group_hit(
            t, sides) else match.muc_incident_type
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
        roles = role_fillers(article, draft, sides.actor1_mentions, t, tagged=tagged)
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


def _dedupe_evidence(items: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in items:
        key = (e.field, e.start, e.end)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
