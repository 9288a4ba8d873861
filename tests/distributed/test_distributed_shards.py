"""Shards: planned in input order, each read exactly as `sitrep extract` reads its part."""

from __future__ import annotations

import json

import pytest

from sitrep.distributed.output import read_lines, write_shard
from sitrep.distributed.shards import plan_shards, read_shard
from sitrep.ingest import read_inputs


def _jsonl(path, n, blank_every=0):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if blank_every and i % blank_every == 0:
                fh.write("\n")
            row = {"text": f"Report number {i} from the north."}
            if i % 3:
                row["id"] = f"r{i}"  # the others fall back to "file:line"
            fh.write(json.dumps(row) + "\n")
            if i == 5:
                fh.write("{not json\n")
    return path


@pytest.mark.parametrize("n, size, blank_every, expected_counts", [
    (10, 4, 0, [4, 4, 3]),
    (10, 100, 0, [11]),
    (10, 3, 4, [3, 3, 3, 3, 2]),  # 10 rows + 1 bad + 3 blank lines
    (1, 1, 0, [1]),
])
def test_jsonl_shards_read_like_the_whole_file(tmp_path, n, size, blank_every, expected_counts):
    path = _jsonl(tmp_path / "in.jsonl", n, blank_every)
    shards = plan_shards([path], size=size)
    assert [s.count for s in shards] == expected_counts
    assert [s.name for s in shards] == [f"part-{i:05d}" for i in range(len(shards))]
    whole = [(a.id, a.text, a.error) for a in read_inputs([path])]
    pieces = [(a.id, a.text, a.error) for s in shards for a in read_shard(s)]
    assert pieces == whole


def test_directory_batches_files_and_keeps_order(tmp_path):
    for name in ("c", "a", "b", "d", "e"):
        (tmp_path / f"{name}.txt").write_text(f"Text of {name}.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x", encoding="utf-8")
    shards = plan_shards([tmp_path], size=2)
    assert [s.kind for s in shards] == ["files"] * 3
    assert [a.id for s in shards for a in read_shard(s)] == ["a", "b", "c", "d", "e"]


def test_parquet_input_one_shard_per_row_group(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": ["p1", None, "p3"],
                      "text": ["Rebels attacked a convoy.", "Police made arrests.", None],
                      "published": ["2020-02-03", None, "2020-02-05"]})
    path = tmp_path / "in.parquet"
    pq.write_table(table, path, row_group_size=2)
    shards = plan_shards([path])
    assert [(s.kind, s.offset) for s in shards] == [("parquet", 0), ("parquet", 1)]
    arts = [a for s in shards for a in read_shard(s)]
    assert [a.id for a in arts] == ["p1", "in:2", "p3"]
    assert [a.error is None for a in arts] == [True, True, False]
    assert str(arts[0].published) == "2020-02-03"


# warcio's writer leaves a spooled temporary file for the garbage collector (its bug).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_warc_input_reads_html_responses(tmp_path):
    warcio = pytest.importorskip("warcio")
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    body = ("<html><head><title>Clashes in Goma</title></head><body><article><p>"
            + "Soldiers and militia fighters clashed in Goma on Monday, residents said. " * 8
            + "</p></article></body></html>").encode()
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://news.example/goma", "response", payload=BytesIO(body),
            http_headers=headers))
    assert warcio is not None
    shards = plan_shards([path])
    arts = [a for s in shards for a in read_shard(s)]
    assert [a.id for a in arts] == ["http://news.example/goma"]
    assert "Goma" in arts[0].text


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_output_shard_round_trip_is_atomic(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    lines = [json.dumps({"id": f"a{i}", "error": None, "events": [{}] * i}) for i in range(3)]
    path = tmp_path / f"part-00000.{fmt}"
    write_shard(path, lines, fmt)
    assert list(read_lines(path)) == lines
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
