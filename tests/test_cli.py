"""The command-line contract: one line per input article, in order; exit codes; options."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.contract import check_line

pytestmark = pytest.mark.slow

TEXTS = {
    "a": "Gunmen killed three villagers near Gao in northern Mali on Monday, officials said.",
    "b": "",
    "c": "Police arrested 12 protesters in Karachi on Friday after clashes outside parliament.",
}


def sitrep(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin,
                          capture_output=True, text=True)


def test_jsonl_stdin_one_line_per_article_in_order():
    stdin = "".join(json.dumps({"id": k, "text": v, "published": "2021-05-05"}) + "\n"
                    for k, v in TEXTS.items())
    out = sitrep("extract", "-", stdin=stdin)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "b", "c"]
    assert lines[1]["error"] and lines[1]["events"] == []
    for line, text in zip(lines, TEXTS.values(), strict=True):
        check_line(line, text)


def test_output_file_and_directory_input(tmp_path):
    for k, v in TEXTS.items():
        (tmp_path / f"{k}.txt").write_text(v, encoding="utf-8")
    out_file = tmp_path / "out" / "events.jsonl"
    out = sitrep("extract", str(tmp_path), "--output", str(out_file), "--published", "2021-05-05")
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    ids = [json.loads(x)["id"] for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing-file.txt"], "no such file"),
        (["extract", "-", "--published", "9 March"], "not a date"),
        (["extract", "-", "--stages", "sentences,nonsense"], "unknown stage"),
    ],
)
def test_run_that_cannot_proceed_exits_non_zero(args, message):
    out = sitrep(*args, stdin="text")
    assert out.returncode == 2
    assert message in out.stderr
    assert out.stdout == ""


def test_plain_text_stdin():
    out = sitrep("extract", "-", "--published", "2021-05-05", stdin=TEXTS["a"])
    (line,) = [json.loads(x) for x in out.stdout.splitlines()]
    assert line["id"] == "stdin" and line["published"] == "2021-05-05"
