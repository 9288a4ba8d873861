"""Cross-validation of the role-filler tagger inside sitrep's own pipeline.

The training messages run through the pipeline once (fillers from the rules alone); the
events it finds (those with a MUC-4 incident type) give the sentences the tagger reads
and the rules' fillers. A tagger trained on the other half of the messages then fills
the same events in each way of :data:`sitrep.events.fillers_combine.MODES`, scored as
MUC-4 is (CEAF-REE per role, GTT template F1), so the source of each role and its
decision bias are chosen on training data, never on the evaluation messages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from ..actors.persons import find_persons
from ..article import ActorMention, Article
from ..eval.metrics import PRF, Template, ceaf_ree, template_f1
from ..pipeline import Pipeline
from ..schema import RoleFiller
from .fillers import RoleFillers, quoted
from .fillers_combine import (
    canonical,
    combine,
    entity_fillers,
    event_sentences,
    snap_to_names,
)
from .fillers_features import ROLES, Token, sentence_features, tokenize
from .fillers_model import TaggedSpan, spans_from_labels
from .fillers_quotes import group_names, named_actors

__all__ = ["CvDoc", "CvEvent", "evaluate", "pipeline_docs"]


@dataclass(slots=True)
class CvEvent:
    """A MUC-typed event the pipeline found: its type, sentences and rule fillers."""

    muc: str
    sentences: list[int]
    rules: RoleFillers


@dataclass(slots=True)
class CvDoc:
    """A training message as the pipeline read it, with its gold fillers."""

    text: str
    extracts: dict[str, list[list[str]]]
    templates: list[Template]
    events: list[CvEvent]
    tokens: dict[int, list[Token]] = field(default_factory=dict)
    features: dict[int, np.ndarray] = field(default_factory=dict)
    # Label scores per sentence under the tagger of the fold that holds this message out.
    scores: dict[int, np.ndarray] = field(default_factory=dict)
    names: list[tuple[int, int]] = field(default_factory=list)  # person names found
    groups: list[tuple[int, int, str, str]] = field(default_factory=list)  # named groups
    named: list[tuple[int, int]] = field(default_factory=list)  # named organisations
    actors: list[ActorMention] = field(default_factory=list)


def pipeline_docs(rows: list[tuple[str, str, date | None, dict[str, list[list[str]]],
                             list[Template]]], bits: int) -> list[CvDoc]:
    """Run the pipeline (rules only) over ``(id, text, published, extracts, templates)``
    rows."""
    before = os.environ.get("SITREP_FILLERS")
    os.environ["SITREP_FILLERS"] = "rules"
    try:
        pipe = Pipeline.default()
        out = []
        for doc_id, text, published, extracts, templates in rows:
            art = pipe.run(Article(id=doc_id, text=text, published=published))
            events = [CvEvent(str(e.codes.muc["incident_type"]).lower(), list(e.sentence_indices),
                              RoleFillers(list(e.perpetrators), list(e.victims),
                                          list(e.targets), list(e.weapons)))
                      for e in art.events if e.codes.muc and e.codes.muc.get("incident_type")]
            need = sorted({i for e in events
                           for i in event_sentences(e.sentences, len(art.sentences))})
            doc = CvDoc(text, extracts, templates, events, groups=group_names(art.actors),
                        named=named_actors(art.actors), actors=list(art.actors))
            toks = [tokenize(text, art.sentences[i].start, art.sentences[i].end) for i in need]
            for i, t, f in zip(need, toks, sentence_features(toks, need, bits), strict=True):
                doc.tokens[i], doc.features[i] = t, f
                s = art.sentences[i]
                doc.names += [(p.start, p.end) for p in find_persons(text[s.start:s.end], s.start)]
            out.append(doc)
        return out
    finally:
        if before is None:
            del os.environ["SITREP_FILLERS"]
        else:
            os.environ["SITREP_FILLERS"] = before


@dataclass(slots=True)
class CvScores:
    """CEAF-REE per role and template F1 over a set of messages."""

    roles: dict[str, PRF]
    template: PRF

    def total(self) -> PRF:
        """CEAF-REE over all roles."""
        t = PRF()
        for r in self.roles.values():
            t.add(r)
        return t


def evaluate(docs: list[CvDoc], bias: np.ndarray, modes: dict[str, str],
             limits: dict[str, int]) -> CvScores:
    """Scores of the events' fillers with the tagger's held-out label scores plus
    ``bias``, each role filled as ``modes`` says, at most ``limits`` tagged entities."""
    roles = {r: PRF() for r in ROLES}
    templ = PRF()
    for d in docs:
        spans: dict[int, list[TaggedSpan]] = {
            i: spans_from_labels(d.tokens[i], s + bias) if len(d.tokens[i]) else []
            for i, s in d.scores.items()}
        pred: dict[str, list[list[str]]] = {r: [] for r in ROLES}
        templates = []
        seen: dict[str, list[RoleFiller]] = {}
        for e in d.events:
            found = snap_to_names([sp for i in event_sentences(e.sentences, 1 << 30)
                                   if i in spans for sp in spans[i]], d.names)
            f = canonical(quoted(d.text, d.actors, combine(
                e.rules, entity_fillers(d.text, found, limits), modes, d.text),
                d.groups, d.named), seen)
            fillers = {"PerpInd": [[p.text] for p in f.perpetrators if p.kind != "organization"],
                       "PerpOrg": [[p.text] for p in f.perpetrators if p.kind == "organization"],
                       "Target": [[x.text] for x in f.targets],
                       "Victim": [[x.text] for x in f.victims],
                       "Weapon": [[x.text] for x in f.weapons]}
            templates.append(Template(e.muc, fillers))
            for r in ROLES:
                pred[r] += fillers[r]
        for r in ROLES:
            roles[r].add(ceaf_ree(d.extracts, pred, (r,)))
        templ.add(template_f1(d.templates, templates, ROLES))
    return CvScores(roles, templ)
