"""Run the pipeline over many articles in forked worker processes, keeping input order.

:func:`ordered_map` is the generic pool (per-item crash/timeout isolation);
:mod:`sitrep.parallel.extract_pool` applies it to articles and output lines.
"""

from .pool import Failure, available_cores, ordered_map

__all__ = ["Failure", "available_cores", "ordered_map"]
