"""Role-filler scores for template extraction (MUC-4, WikiEvents).

- :func:`ceaf_ree`: CEAF-REE (Du, Rush & Cardie 2021, GRIT): per role, gold entities (a set
  of coreferent mention strings) and predicted entities are aligned one-to-one to maximise
  the number of matches; a predicted entity matches a gold one when all its mentions are
  mentions of the gold entity. Micro-averaged over documents and roles.
- :func:`template_f1`: GTT's template F1 (Du et al. 2021 NAACL): predicted templates are
  aligned one-to-one with gold templates *of the same incident type*, maximising the role
  fillers they share; the incident type counts as one slot of every template, and every
  filler of an unaligned template is a false positive (or negative).

Strings are compared after SQuAD-style normalisation (lower case, no punctuation, no
articles, single spaces), as in GRIT's scorer.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .basic import PRF

__all__ = ["Template", "assign_max", "ceaf_ree", "normalize_filler", "template_f1"]

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans({c: " " for c in string.punctuation})

# role -> list of entities; an entity is the list of its mention strings
Entities = Mapping[str, Sequence[Sequence[str]]]


def normalize_filler(text: str) -> str:
    """Lower case, punctuation and articles removed, whitespace collapsed."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split())


def assign_max(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs of a one-to-one assignment maximising the total weight
    (Hungarian algorithm, O(n^3); the matrix may be rectangular)."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    n = max(n_rows, n_cols)
    top = max(max(row) for row in weights)
    # square cost matrix: cost = top - weight, padding cells cost `top` (weight 0)
    cost = [[top - (weights[i][j] if i < n_rows and j < n_cols else 0.0)
             for j in range(n)] for i in range(n)]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match = [0] * (n + 1)  # match[col] = row (1-based), 0 = free
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return [(match[j] - 1, j - 1) for j in range(1, n + 1)
            if match[j] and match[j] - 1 < n_rows and j - 1 < n_cols]


def _entity_sets(entities: Sequence[Sequence[str]]) -> list[frozenset[str]]:
    """Normalised mention sets, empty ones dropped, duplicates merged."""
    out: list[frozenset[str]] = []
    for ent in entities:
        s = frozenset(m for m in (normalize_filler(x) for x in ent) if m)
        if s and s not in out:
            out.append(s)
    return out


def _role_tally(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> PRF:
    g, p = _entity_sets(gold), _entity_sets(pred)
    if not g or not p:
        return PRF(0, len(p), 0, len(g))
    weights = [[1.0 if pe <= ge else 0.0 for pe in p] for ge in g]
    hit = sum(weights[i][j] for i, j in assign_max(weights))
    return PRF(hit, len(p), hit, len(g))


def ceaf_ree(gold: Entities, pred: Entities, roles: Sequence[str]) -> PRF:
    """CEAF-REE tallies of one document over ``roles`` (add them up across documents)."""
    total = PRF()
    for role in roles:
        total.add(_role_tally(gold.get(role, ()), pred.get(role, ())))
    return total


@dataclass(slots=True)
class Template:
    """One incident template: its type and its role fillers."""

    incident_type: str
    fillers: dict[str, list[list[str]]] = field(default_factory=dict)


def _template_size(t: Template, roles: Sequence[str]) -> int:
    return 1 + sum(len(_entity_sets(t.fillers.get(r, ()))) for r in roles)


def template_f1(gold: Sequence[Template], pred: Sequence[Template],
                roles: Sequence[str]) -> PRF:
    """GTT template-F1 tallies of one document (add them up across documents)."""
    n_gold = sum(_template_size(t, roles) for t in gold)
    n_pred = sum(_template_size(t, roles) for t in pred)
    if not gold or not pred:
        return PRF(0, n_pred, 0, n_gold)
    weights: list[list[float]] = []
    for g in gold:
        row = []
        for p in pred:
            if normalize_filler(g.incident_type) != normalize_filler(p.incident_type):
                row.append(0.0)
            else:
                # +1: the incident type is itself a matched slot of an aligned pair
                row.append(1.0 + ceaf_ree(g.fillers, p.fillers, roles).matched_gold)
        weights.append(row)
    hit = sum(weights[i][j] for i, j in assign_max(weights))
    return PRF(hit, n_pred, hit, n_gold)
