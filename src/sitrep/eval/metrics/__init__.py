"""Metric functions, each matching the literature's definition (see each module)."""

from .basic import PRF, count_scores, label_set_prf, span_prf, weighted_f1
from .clusters import bcubed, pairwise
from .geo import MAX_ERROR_KM, GeoSpan, auc_log_error, geo_scores, haversine_km
from .roles import Template, assign_max, ceaf_ree, normalize_filler, template_f1

__all__ = [
    "MAX_ERROR_KM",
    "PRF",
    "GeoSpan",
    "Template",
    "assign_max",
    "auc_log_error",
    "bcubed",
    "ceaf_ree",
    "count_scores",
    "geo_scores",
    "haversine_km",
    "label_set_prf",
    "normalize_filler",
    "pairwise",
    "span_prf",
    "template_f1",
    "weighted_f1",
]
