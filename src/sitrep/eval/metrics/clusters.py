"""Clustering scores for same-incident grouping: B-cubed (Bagga & Baldwin 1998) and
pairwise (same-cluster link) precision/recall/F1.

Items are documents; ``gold`` and ``pred`` map an item to its cluster key. An item
missing from ``pred`` is in no predicted cluster: it contributes 0 recall (and nothing to
precision), so an empty prediction scores 0 rather than the "all singletons" baseline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

from .basic import PRF

__all__ = ["bcubed", "pairwise"]


def _clusters(assign: Mapping[Hashable, Hashable]) -> dict[Hashable, set[Hashable]]:
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, key in assign.items():
        out[key].add(item)
    return out


def bcubed(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed tallies: per-item precision summed over predicted items and per-item
    recall summed over gold items (so ``PRF.precision`` is the B-cubed precision)."""
    gold_c, pred_c = _clusters(gold), _clusters(pred)
    prec_sum = rec_sum = 0.0
    for item, key in pred.items():
        p_cluster = pred_c[key]
        g_cluster = gold_c.get(gold[item], set()) if item in gold else set()
        prec_sum += len(p_cluster & g_cluster) / len(p_cluster)
    for item, key in gold.items():
        g_cluster = gold_c[key]
        p_cluster = pred_c.get(pred[item], set()) if item in pred else set()
        rec_sum += len(p_cluster & g_cluster) / len(g_cluster)
    return PRF(prec_sum, len(pred), rec_sum, len(gold))


def _links(assign: Mapping[Hashable, Hashable]) -> set[frozenset[Hashable]]:
    links: set[frozenset[Hashable]] = set()
    for members in _clusters(assign).values():
        ordered = sorted(members, key=repr)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                links.add(frozenset((a, b)))
    return links


def pairwise(gold: Mapping[Hashable, Hashable], pred: Mapping[Hashable, Hashable]) -> PRF:
    """Pairwise tallies over same-cluster links.

    When neither side has any link (all singletons), pairwise precision is defined as
    0 (no link was predicted), so singletons score 0 here and are judged by B-cubed.
    """
    g, p = _links(gold), _links(pred)
    hit = len(g & p)
    return PRF(hit, len(p), hit, len(g))
