"""Evaluation harness: gold loaders, metrics, scoreboard and pinned floors.

``run_eval("lgl", limit=50)`` scores the default pipeline on a development set; see
:mod:`sitrep.eval.base` for how to plug in your own gold set and
:mod:`sitrep.eval.board` for ``make eval``.
"""

from .base import DataMissing, GoldDoc, GoldSet, get_set, register, registered
from .floors import Regression, check_floors, load_floors, raise_floors
from .predict import PipelinePredictor, Predictor, empty_predictor, gold_predictor
from .runner import DEFAULT_DATA_DIR, Scores, evaluate, run_all, run_eval, scores_markdown

__all__ = [
    "DEFAULT_DATA_DIR",
    "DataMissing",
    "GoldDoc",
    "GoldSet",
    "PipelinePredictor",
    "Predictor",
    "Regression",
    "Scores",
    "check_floors",
    "empty_predictor",
    "evaluate",
    "get_set",
    "gold_predictor",
    "load_floors",
    "raise_floors",
    "register",
    "registered",
    "run_all",
    "run_eval",
    "scores_markdown",
]
