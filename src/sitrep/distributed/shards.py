"""Split inputs into shards (units of distributed work) and read one shard's articles.

A shard is part of one input that a worker can read on its own: a run of lines of a JSON
Lines file (located by byte offset, found once when planning), a row group of a Parquet
file, one WARC file, or a batch of ``.txt``/``.html`` files of a directory. Shards are
numbered in input order, so concatenating the output shards in number order gives the
same lines, in the same order, as a single-process run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from ..article import Article
from ..ingest.readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    InputError,
    article_from_record,
    make_article,
    read_path,
)

__all__ = ["Shard", "plan_shards", "read_shard"]

PARQUET_SUFFIXES = {".parquet", ".pq"}
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class Shard:
    """One unit of work. ``kind`` is ``files``, ``jsonl``, ``parquet`` or ``warc``.

    ``jsonl``: lines ``first_line``.. (1-based) starting at byte ``offset``, ``count`` of
    them. ``parquet``: row group ``offset``. ``files``: every path in ``paths``.
    """

    number: int
    kind: str
    paths: tuple[str, ...]
    offset: int = 0
    count: int = 0
    first_line: int = 1

    @property
    def name(self) -> str:
        """The output file stem: ``part-00042``."""
        return f"part-{self.number:05d}"


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        return "file"
    return None


def _jsonl_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(byte offset, line count, first line number) of each run of ``size`` lines."""
    offset, start_line, count, pos, line_no = 0, 1, 0, 0, 0
    with path.open("rb") as fh:
        for raw in fh:
            line_no += 1
            count += 1
            pos += len(raw)
            if count == size:
                yield offset, count, start_line
                offset, start_line, count = pos, line_no + 1, 0
    if count:
        yield offset, count, start_line


def _expand(inputs: Iterable[str | Path]) -> Iterator[Path]:
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(c for c in p.iterdir() if c.is_file()):
                if _kind(child) is not None:
                    yield child
        elif p.is_file():
            if _kind(p) is None:
                raise InputError(f"cannot read {raw}: expected .txt, .html, .jsonl, .parquet, "
                                 ".warc(.gz) or a directory")
            yield p
        else:
            raise InputError(f"cannot read {raw}: no such file or directory")


def plan_shards(inputs: Iterable[str | Path], *, size: int = 1000) -> list[Shard]:
    """Shards of ``inputs`` (files or directories) in input order, ~``size`` articles each."""
    shards: list[Shard] = []
    batch: list[str] = []

    def flush() -> None:
        if batch:
            shards.append(Shard(len(shards), "files", tuple(batch)))
            batch.clear()

    for path in _expand(inputs):
        kind = _kind(path)
        if kind == "file":
            batch.append(str(path))
            if len(batch) >= size:
                flush()
            continue
        flush()  # keep input order: a batch of files ends where another input starts
        if kind == "jsonl":
            for offset, count, first in _jsonl_ranges(path, size):
                shards.append(Shard(len(shards), "jsonl", (str(path),), offset, count, first))
        elif kind == "parquet":
            import pyarrow.parquet as pq

            groups = pq.ParquetFile(path).metadata.num_row_groups
            for group in range(groups):
                shards.append(Shard(len(shards), "parquet", (str(path),), group))
        else:
            shards.append(Shard(len(shards), "warc", (str(path),)))
    flush()
    return shards


def _jsonl(shard: Shard, published: date | None) -> Iterator[Article]:
    from ..ingest.readers import read_jsonl_lines  # the reader `sitrep extract` uses

    path = Path(shard.paths[0])
    with path.open("rb") as fh:
        fh.seek(shard.offset)
        lines = [fh.readline() for _ in range(shard.count)]
    # Number lines as the whole-file reader does, so fallback ids ("file:12") agree.
    # (the reader skips blank lines but counts them, so blanks in front shift the numbers)
    padded = chain(repeat(b"", shard.first_line - 1), lines)
    yield from read_jsonl_lines(padded, path.stem, published)


def _row_article(row: dict[str, Any], where: str, published: date | None) -> Article:
    return article_from_record(row, where, published, unit="row")


def _parquet(shard: Shard, published: date | None) -> Iterator[Article]:
    import pyarrow.parquet as pq

    path = Path(shard.paths[0])
    pf = pq.ParquetFile(path)
    first = sum(pf.metadata.row_group(g).num_rows for g in range(shard.offset))
    for i, row in enumerate(pf.read_row_group(shard.offset).to_pylist()):
        yield _row_article(row, f"{path.stem}:{first + i + 1}", published)


def _warc(shard: Shard, published: date | None) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator

    path = Path(shard.paths[0])
    with path.open("rb") as fh:
        for n, record in enumerate(ArchiveIterator(fh), 1):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                     else "") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            raw = record.content_stream().read()
            html = raw.decode("utf-8", errors="replace")
            yield make_article(id=url or f"{path.name}:{n}", html=html, url=url,
                               default_published=published)


def read_shard(shard: Shard, *, published: date | None = None) -> Iterator[Article]:
    """The articles of ``shard``, in order, exactly as ``sitrep extract`` reads them."""
    if shard.kind == "files":
        for p in shard.paths:
            yield from read_path(p, published=published)
    elif shard.kind == "jsonl":
        yield from _jsonl(shard, published)
    elif shard.kind == "parquet":
        yield from _parquet(shard, published)
    elif shard.kind == "warc":
        yield from _warc(shard, published)
    else:
        raise ValueError(f"unknown shard kind {shard.kind!r}")
