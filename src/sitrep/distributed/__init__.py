"""Extraction on a Dask cluster: inputs split into shards, one output file per shard,
resumable by shard, with deduplication as a second pass over the extracted events.

See ``docs/distributed.md`` for running it on a real cluster.
"""

from .dedup import dedup_shards
from .engine import RunSummary, ShardResult, process_shard, run_dask
from .output import read_lines
from .shards import Shard, plan_shards, read_shard

__all__ = ["RunSummary", "Shard", "ShardResult", "dedup_shards", "plan_shards",
           "process_shard", "read_lines", "read_shard", "run_dask"]
