"""MUC-4 development sets TST1 + TST2 (200 messages), scored two ways.

``muc4``: role fillers as processed for GTT/GRIT (``gtt_processed``/``grit_processed``
``dev.jsonl``): CEAF-REE F1 over PerpInd, PerpOrg, Target, Victim, Weapon (GRIT) and
template F1 with incident-type matching (GTT).

``muc4-keys``: the original answer keys: per message, F1 of the sets of incident types,
incident dates, countries and places, and the number killed (exact / MAE).

The pipeline reads the original message text (upper case, dateline = publication date)
with hard line wraps joined. From an output line, only events with a MUC incident type
(``codes.muc.incident_type`` not null) count: perpetrators of kind ``individual`` ->
PerpInd, ``organization`` -> PerpOrg, targets -> Target, victims -> Victim, weapons ->
Weapon. ``ceaf_ree_named_victims_f1`` / ``template_named_victims_f1`` read victims as the
processed slot defines them (persons' names only, never "7 civilians"); the headline
figures keep every contract victim.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ...nlp.lexicon import read_json
from ..base import GoldDoc, GoldSet, Line, empty_line
from ..metrics import PRF, Template, ceaf_ree, count_scores, label_set_prf, template_f1
from ..metrics.roles import normalize_filler
from .muc_text import MucKey, parse_key_file, read_messages

__all__ = ["ROLES", "Muc4KeysSet", "Muc4Set", "is_personal_name", "muc_templates"]

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_CORPORA = (("tst1", "tst1-muc3", "key-tst1.v7"), ("tst2", "tst2-muc4", "key-tst2.v4"))


def _muc_type(event: dict[str, Any]) -> str | None:
    codes = event.get("codes") or {}
    muc = codes.get("muc") or {}
    kind = muc.get("incident_type")
    return str(kind).lower() if kind else None


def is_personal_name(quote: str) -> bool:
    """Whether a victim quote names a person ("Jaime Pardo Leal", "Cerezo"), not a
    description ("six Jesuit priests", "7 civilians", "the mayor"): no digit, no number
    word or determiner, no common noun for people (the casualty lexicon's heads)."""
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d", quote.lower())
    if not words or any(w.isdigit() for w in words):
        return False
    return not any(w in _DESCRIPTION_WORDS or w.rstrip("s") in _DESCRIPTION_WORDS
                   for w in words)


def _description_words() -> frozenset[str]:
    lex = read_json("casualties", "casualties.json")
    people = {w.lower() for key in ("singular", "unknown_heads") for w in lex[key]}
    return frozenset(people | _NUMBER_WORDS | set(read_json("actors", "persons.json")["titles"])
                     | {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these",
                        "those", "some", "several", "many", "dozens", "hundreds", "priest",
                        "jesuit", "peasant", "worker", "journalist", "reporter", "leader",
                        "official", "mayor", "judge", "family", "relative", "son", "daughter",
                        "wife", "husband", "brother", "sister", "mother", "father", "citizen"})


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve "
                          "twenty thirty forty fifty hundred thousand".split())
_DESCRIPTION_WORDS = _description_words()


def muc_templates(line: Line, *, named_victims_only: bool = False) -> list[Template]:
    """The MUC templates an output line predicts (events with a MUC incident type).

    ``named_victims_only`` keeps only victims quoted by a person's name: the processed
    MUC-4 Victim slot is the original keys' HUM TGT: NAME (every gold Victim entity is a
    name), while the contract's ``victims`` also quote described groups ("7 civilians")."""
    out = []
    for ev in line.get("events") or []:
        kind = _muc_type(ev)
        if not kind:
            continue
        fillers: dict[str, list[list[str]]] = {r: [] for r in ROLES}
        for p in ev.get("perpetrators") or []:
            role = "PerpOrg" if p.get("kind") == "organization" else "PerpInd"
            fillers[role].append([p.get("text", "")])
        for key, role in (("targets", "Target"), ("victims", "Victim"), ("weapons", "Weapon")):
            fillers[role].extend([x.get("text", "")] for x in ev.get(key) or [])
        if named_victims_only:
            fillers["Victim"] = [v for v in fillers["Victim"] if is_personal_name(v[0])]
        out.append(Template(kind, fillers))
    return out


def _messages(data_dir: Path) -> dict[str, Any]:
    base = data_dir / "muc4/original/CORPORA"
    out: dict[str, Any] = {}
    for folder, corpus, _ in _CORPORA:
        out.update(read_messages(base / folder / corpus))
    return out


def _quote_choices(templates: list[dict[str, Any]], extracts: dict[str, list[list[str]]],
                   role: str) -> dict[frozenset[str], str]:
    """For each template entity of ``role``, the one mention a gold line quotes for it.

    GRIT merges entities across templates, so every template entity that falls in the
    same GRIT entity quotes the same mention when they have one in common (then the pooled
    fillers dedup to one entity, as in GRIT); a mention shared with another GRIT entity is
    avoided (so distinct entities stay distinct)."""
    grit = [frozenset(normalize_filler(m) for m in ent) for ent in extracts.get(role, [])]
    ents = [frozenset(normalize_filler(m[0]) for m in ent)
            for t in templates for ent in t.get(role, [])]
    orders = {frozenset(normalize_filler(m[0]) for m in ent): [normalize_filler(m[0]) for m in ent]
              for t in templates for ent in t.get(role, [])}
    choice: dict[frozenset[str], str] = {}
    for ent in ents:
        home = max(grit, key=lambda g: (len(ent & g), g == ent), default=ent)
        home = home if ent & home else ent
        others = set().union(*(g for g in grit if g != home)) if grit else set()
        family = [e for e in ents if e <= home]
        common = [m for m in orders[ent] if all(m in e for e in family) and m not in others]
        own = [m for m in orders[ent] if m not in others]
        choice[ent] = (common or own or orders[ent])[0]
    return choice


class Muc4Set(GoldSet):
    """GTT/GRIT role fillers on TST1+TST2."""

    name = "muc4"
    title = "MUC-4 role fillers (TST1+TST2)"
    path = "muc4/gtt_processed/dev.jsonl"
    headline = ("ceaf_ree_f1", "template_f1")
    slice_size = 40

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        messages = _messages(data_dir)
        grit = {}
        with open(data_dir / "muc4/grit_processed/dev.jsonl", encoding="utf-8") as fh:
            for raw in fh:
                row = json.loads(raw)
                grit[row["docid"]] = row["extracts"]
        docs = []
        with open(data_dir / self.path, encoding="utf-8") as fh:
            for raw in fh:
                row = json.loads(raw)
                msg = messages.get(row["docid"])
                templates = [
                    Template(t["incident_type"],
                             {r: [[m[0] for m in ent] for ent in t.get(r, [])] for r in ROLES})
                    for t in row["templates"]]
                gold = {"templates": templates, "raw": row["templates"],
                        "extracts": {r: [[m[0] for m in ent] for ent in
                                         grit.get(row["docid"], {}).get(r, [])]
                                     for r in ROLES}}
                docs.append(GoldDoc(id=row["docid"], text=msg.text if msg else row["doctext"],
                                    published=msg.published if msg else None, gold=gold))
        return docs

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        raw = doc.gold["raw"]
        choices = {r: _quote_choices(raw, doc.gold["extracts"], r) for r in ROLES}

        def fill(t: dict[str, Any], role: str) -> list[dict[str, Any]]:
            out = []
            for ent in t[role]:
                quote = choices[role][frozenset(normalize_filler(m[0]) for m in ent)]
                text, offset = next(m for m in ent if normalize_filler(m[0]) == quote)
                out.append({"text": text, "start": int(offset), "end": int(offset) + len(text)})
            return out

        for t in raw:
            line["events"].append({
                "codes": {"muc": {"incident_type": t["incident_type"]}},
                "perpetrators": [f | {"kind": "individual"} for f in fill(t, "PerpInd")]
                + [f | {"kind": "organization"} for f in fill(t, "PerpOrg")],
                "targets": fill(t, "Target"),
                "victims": fill(t, "Victim"),
                "weapons": fill(t, "Weapon"),
            })
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        ceaf, templ, ceaf_named, templ_named = PRF(), PRF(), PRF(), PRF()
        per_role = {r: PRF() for r in ROLES}
        for doc, line in zip(docs, lines, strict=True):
            pred = muc_templates(line)
            extracts = _pooled(pred)
            ceaf.add(ceaf_ree(doc.gold["extracts"], extracts, ROLES))
            for r in ROLES:
                per_role[r].add(ceaf_ree(doc.gold["extracts"], extracts, (r,)))
            templ.add(template_f1(doc.gold["templates"], pred, ROLES))
            # Secondary reading: victims as the processed slot defines them (names only).
            named = muc_templates(line, named_victims_only=True)
            ceaf_named.add(ceaf_ree(doc.gold["extracts"], _pooled(named), ROLES))
            templ_named.add(template_f1(doc.gold["templates"], named, ROLES))
        out = ceaf.as_dict("ceaf_ree") | templ.as_dict("template")
        out |= {f"ceaf_ree_{r.lower()}_f1": per_role[r].f1 for r in ROLES}
        out |= {"ceaf_ree_named_victims_f1": ceaf_named.f1,
                "template_named_victims_f1": templ_named.f1}
        return out


def _pooled(templates: list[Template]) -> dict[str, list[list[str]]]:
    """Every template's fillers pooled per role (CEAF-REE scores the document's entities)."""
    extracts: dict[str, list[list[str]]] = {r: [] for r in ROLES}
    for t in templates:
        for r in ROLES:
            extracts[r].extend(t.fillers.get(r, []))
    return extracts


def _norm(text: str | None) -> str:
    # The keys are unaccented upper case ("BOGOTA"): fold accents so "Bogotá" agrees.
    folded = unicodedata.normalize("NFKD", text or "")
    return normalize_filler("".join(c for c in folded if not unicodedata.combining(c)))


class Muc4KeysSet(GoldSet):
    """The original MUC-4 answer keys of TST1+TST2: type, date, location, deaths."""

    name = "muc4-keys"
    title = "MUC-4 keys (TST1+TST2)"
    path = "muc4/original/CORPORA/tst1/key-tst1.v7"
    headline = ("type_f1", "date_f1", "country_f1", "place_f1", "deaths_exact")
    slice_size = 40

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        messages = _messages(data_dir)
        keys: dict[str, list[MucKey]] = {m: [] for m in messages}
        base = data_dir / "muc4/original/CORPORA"
        for folder, _, key_file in _CORPORA:
            for k in parse_key_file(base / folder / key_file):
                keys.setdefault(k.doc_id, []).append(k)
        return [GoldDoc(id=m.id, text=m.text, published=m.published, gold=keys[m.id])
                for m in messages.values()]

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        for k in doc.gold:
            line["events"].append({
                "codes": {"muc": {"incident_type": k.incident_type}},
                "date": k.dates[0].isoformat() if k.dates else None,
                "location": {"name": k.place, "country": k.country},
                "fatalities": k.deaths,
            })
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        tallies = {m: PRF() for m in ("type", "date", "country", "place")}
        gold_deaths: list[int] = []
        pred_deaths: list[int | None] = []
        matched = _Matched()
        for doc, line in zip(docs, lines, strict=True):
            keys: list[MucKey] = doc.gold
            events = [e for e in line.get("events") or [] if _muc_type(e)]
            locs = [e.get("location") or {} for e in events]
            tallies["type"].add(label_set_prf([k.incident_type for k in keys],
                                              [_muc_type(e) for e in events]))
            tallies["date"].add(label_set_prf(
                [k.dates[0] for k in keys if k.dates],
                [_day(e.get("date")) for e in events if _day(e.get("date"))]))
            tallies["country"].add(label_set_prf([_norm(k.country) for k in keys if k.country],
                                                 [_norm(x.get("country")) for x in locs
                                                  if x.get("country")]))
            tallies["place"].add(label_set_prf([_norm(k.place) for k in keys if k.place],
                                               [_norm(x.get("name")) for x in locs
                                                if x.get("name")]))
            if keys and all(k.deaths is not None for k in keys):
                gold_deaths.append(sum(k.deaths or 0 for k in keys))
                pred_deaths.append(sum(int(e.get("fatalities") or 0) for e in events)
                                   if events else None)
            matched.add(keys, events)
        out: dict[str, float] = {}
        for m, t in tallies.items():
            out |= t.as_dict(m)
        return out | count_scores(gold_deaths, pred_deaths, "deaths") | matched.as_dict()


class _Matched:
    """Per-incident slots over key templates matched one-to-one with predicted events.

    A predicted event may match a key only of the same incident type (MUC-4's mapping
    condition); among those, pairs agreeing on more of date, place and deaths are taken
    first. Of the matched pairs: the date is right when it falls in the key's date or
    range; the place when its name (accents folded) is one of the key's named cities or
    departments, in any of its alternatives (the issue's "the named city or
    department"; the country alone does not count); the deaths when
    the event's fatalities (null = 0) equal the key's HUM TGT EFFECT deaths (keys with
    no usable number are left out).

    The number of templates, both ways: ``templates_within_one`` over the documents that
    report an incident (no predicted template there is wrong, as for deaths), and
    ``templates_count_mae`` over the documents with a predicted template (templates
    predicted for a document with none count there)."""

    def __init__(self) -> None:
        self.n_keys = self.n_pred = self.pairs = 0
        self.date_hits = self.date_n = self.place_hits = self.place_n = 0
        self.death_hits = self.death_n = 0
        self.docs = self.within_one = 0
        self.count_errors: list[int] = []

    @staticmethod
    def _agree(k: MucKey, e: dict[str, Any]) -> tuple[bool, bool, bool]:
        day = _day(e.get("date"))
        date_ok = bool(k.dates) and day is not None and min(k.dates) <= day <= max(k.dates)
        place_ok = bool(k.places) and _norm((e.get("location") or {}).get("name")) in {
            _norm(p) for p in k.places}
        deaths_ok = k.deaths is not None and int(e.get("fatalities") or 0) == k.deaths
        return date_ok, place_ok, deaths_ok

    def add(self, keys: list[MucKey], events: list[dict[str, Any]]) -> None:
        if keys:
            self.docs += 1
            self.within_one += bool(events) and abs(len(keys) - len(events)) <= 1
        if events:
            self.count_errors.append(abs(len(keys) - len(events)))
        self.n_keys += len(keys)
        self.n_pred += len(events)
        cands = []
        for i, k in enumerate(keys):
            for j, e in enumerate(events):
                if _muc_type(e) == k.incident_type:
                    cands.append((sum(self._agree(k, e)), i, j))
        used_k: set[int] = set()
        used_e: set[int] = set()
        for _, i, j in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
            if i in used_k or j in used_e:
                continue
            used_k.add(i)
            used_e.add(j)
            k, e = keys[i], events[j]
            date_ok, place_ok, deaths_ok = self._agree(k, e)
            self.pairs += 1
            if k.dates:
                self.date_n += 1
                self.date_hits += date_ok
            if k.places:
                self.place_n += 1
                self.place_hits += place_ok
            if k.deaths is not None:
                self.death_n += 1
                self.death_hits += deaths_ok

    def as_dict(self) -> dict[str, float]:
        def pct(a: int, b: int) -> float:
            return 100.0 * a / b if b else 0.0

        return {"matched_date_acc": pct(self.date_hits, self.date_n),
                "matched_place_acc": pct(self.place_hits, self.place_n),
                "matched_deaths_acc": pct(self.death_hits, self.death_n),
                "matched_recall": pct(self.pairs, self.n_keys),
                "templates_within_one": pct(self.within_one, self.docs),
                "templates_count_mae": (sum(self.count_errors) / len(self.count_errors)
                                        if self.count_errors else float("nan"))}


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
