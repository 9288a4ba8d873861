"""Deduplication as a second pass over extracted output shards.

Extraction is per article and runs in parallel; deciding that two reports tell of one
incident needs every article, so it runs after, in one process. Each output line is
rebuilt into an :class:`~sitrep.article.Article` (:func:`sitrep.schema.article_from_dict`)
with its text read again from the input shard (the merge compares wording), the same
:func:`sitrep.dedup.merge_events` that ``sitrep extract --dedup`` uses runs over them in
input order, and the lines are rewritten with what the merge changed (event ids, merged
figures, diagnostics, any field it adds). The result equals ``--dedup`` in one process.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..dedup import merge_events
from ..schema import article_from_dict, article_to_dict
from .engine import PLAN_FILE
from .output import read_lines, shard_path, write_shard
from .shards import Shard, read_shard

__all__ = ["dedup_shards"]

# Fields of a line the merge may change; everything else is kept byte for byte.
_MERGED_KEYS = ("events", "diagnostics")


def _plan(out_dir: Path) -> tuple[str, list[Shard]]:
    plan = json.loads((out_dir / PLAN_FILE).read_text(encoding="utf-8"))
    return plan["format"], [Shard(**{**s, "paths": tuple(s["paths"])})
                            for s in plan["shards"]]


def dedup_shards(src_dir: str | Path, dest_dir: str | Path, fmt: str | None = None,
                 published: Any = None) -> int:
    """Rewrite every output shard of ``src_dir`` into ``dest_dir`` with merged event ids.

    ``src_dir`` must hold a finished run (its ``_plan.json`` names the inputs, which are
    read again for the texts). ``published`` must be the run's ``--published``. Returns
    the number of events whose id changed.
    """
    src, dest = Path(src_dir), Path(dest_dir)
    plan_fmt, shards = _plan(src)
    fmt = fmt or plan_fmt
    parts: list[tuple[Path, list[dict[str, Any]]]] = []
    articles = []
    for shard in shards:
        path = shard_path(src, shard.name, fmt)
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: finish the run before dedup")
        lines = [json.loads(line) for line in read_lines(path)]
        texts = [a.text for a in read_shard(shard, published=published)]
        if len(texts) != len(lines):
            raise ValueError(f"{path} does not match its input shard; rerun it")
        parts.append((path, lines))
        articles.extend(article_from_dict(d, text=t) for d, t in zip(lines, texts, strict=True))
    before = [e.event_id for a in articles for e in a.events]
    merge_events(articles)
    after = [e.event_id for a in articles for e in a.events]
    dest.mkdir(parents=True, exist_ok=True)
    merged = iter(articles)
    for path, lines in parts:
        out = []
        for d in lines:
            new = article_to_dict(next(merged))
            for key in (*_MERGED_KEYS, *(k for k in new if k not in d)):
                d[key] = new[key]
            out.append(json.dumps(d, ensure_ascii=False))
        write_shard(dest / path.name, out, fmt)
    return sum(b != a for b, a in zip(before, after, strict=True))
