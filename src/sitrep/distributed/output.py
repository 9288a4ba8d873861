"""Output shards: one file per input shard, written atomically, read back in order.

A shard's file appears under its final name only once complete (written to a temporary
name, then renamed), so "the file exists" means "the shard is done": a rerun skips it,
and a worker killed half way leaves only a temporary file that the redo replaces. That
is what makes runs resumable and retries free of duplicates.

Formats: ``jsonl`` (the contract's lines) or ``parquet`` with one row per article and
columns ``id``, ``published``, ``error``, ``n_events`` and ``line`` (the full JSON line),
so tools can filter on the flat columns and still get every field.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["FORMATS", "done_shards", "read_lines", "shard_path", "write_shard"]

FORMATS = ("jsonl", "parquet")


def shard_path(out_dir: Path, name: str, fmt: str) -> Path:
    """Where the output of the shard called ``name`` goes."""
    return out_dir / f"{name}.{fmt}"


def write_shard(path: Path, lines: Sequence[str], fmt: str) -> None:
    """Write ``lines`` (JSON texts) to ``path`` atomically."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        if fmt == "jsonl":
            with tmp.open("w", encoding="utf-8") as fh:
                for line in lines:
                    fh.write(line + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        elif fmt == "parquet":
            _write_parquet(tmp, lines)
        else:
            raise ValueError(f"unknown output format {fmt!r}")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_parquet(path: Path, lines: Sequence[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in lines]
    table = pa.table({
        "id": pa.array([r.get("id") for r in rows], pa.string()),
        "published": pa.array([r.get("published") for r in rows], pa.string()),
        "error": pa.array([r.get("error") for r in rows], pa.string()),
        "n_events": pa.array([len(r.get("events") or []) for r in rows], pa.int32()),
        "line": pa.array(list(lines), pa.string()),
    })
    pq.write_table(table, path)


def read_lines(path: Path) -> Iterator[str]:
    """The JSON lines of one output shard (either format)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        yield from pq.read_table(path, columns=["line"]).column("line").to_pylist()
        return
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.strip():
                yield raw.rstrip("\n")


def done_shards(out_dir: Path, fmt: str) -> set[str]:
    """Names of the shards whose output is complete."""
    return {p.name[: -len(fmt) - 1] for p in out_dir.glob(f"part-*.{fmt}")}
