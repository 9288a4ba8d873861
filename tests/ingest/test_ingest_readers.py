"""Input readers: every kind of input, and bad input that must not stop a run."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.ingest import InputError, read_inputs

GOOD = "Gunmen attacked a police post in the town of Gao on Monday, killing two officers."


@pytest.mark.parametrize(
    ("name", "data", "error_part"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("nul.txt", b"text\x00with nul", "binary"),
    ],
)
def test_bad_text_files_become_error_lines(tmp_path, name, data, error_part):
    path = tmp_path / name
    path.write_bytes(data)
    (art,) = list(read_inputs([path]))
    assert art.id == path.stem
    assert error_part in art.error


def test_cp1252_text_is_decoded_with_a_diagnostic(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 owners in Bamako said soldiers arrived.".encode("cp1252"))
    (art,) = list(read_inputs([path]))
    assert art.error is None
    assert "Café" in art.text
    assert any(d.code == "encoding" for d in art.diagnostics)


def test_huge_text_is_cut_with_a_diagnostic(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(GOOD + " x" * 600_000, encoding="utf-8")
    (art,) = list(read_inputs([path]))
    assert len(art.text) == 1_000_000
    assert any("cut" in d.message for d in art.diagnostics)


def test_jsonl_lines_keep_order_and_isolate_errors(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD, "published": "2016-03-09"}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps(["a list"]),
        json.dumps({"id": "e", "text": GOOD, "language": "fr"}),
        json.dumps({"id": "f", "text": GOOD, "published": "2016-03-09T10:00:00Z"}),
        json.dumps({"id": "g", "text": GOOD, "published": "yesterday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts = list(read_inputs([path]))
    assert [a.id for a in arts] == ["a", "batch:2", "c", "batch:4", "e", "f", "g"]
    assert arts[0].published == date(2016, 3, 9) and arts[0].error is None
    assert "malformed JSON" in arts[1].error
    assert "neither" in arts[2].error
    assert "object" in arts[3].error
    assert "language" in arts[4].error
    assert arts[5].published == date(2016, 3, 9)
    assert arts[6].published is None and arts[6].diagnostics[0].code == "bad-published"


def test_default_published_applies_only_where_missing(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "x", "text": GOOD, "published": "2020-01-02"}) + "\n"
                    + json.dumps({"id": "y", "text": GOOD}) + "\n", encoding="utf-8")
    arts = list(read_inputs([path], published=date(2016, 3, 9)))
    assert [a.published for a in arts] == [date(2020, 1, 2), date(2016, 3, 9)]


def test_directory_reads_supported_files_sorted(tmp_path):
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read_inputs([tmp_path])] == ["a", "b"]


def test_html_input_drops_boilerplate(tmp_path):
    body = " ".join([GOOD] * 5)
    html = (f"<html><head><title>Attack in Gao</title></head><body><nav>Home | World | Sport</nav>"
            f"<article><h1>Attack in Gao</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Copyright</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (art,) = list(read_inputs([tmp_path / "page.html"]))
    assert art.error is None
    assert "Gunmen attacked" in art.text and "Copyright" not in art.text
    assert art.from_html


def test_html_output_line_carries_the_extracted_text():
    from sitrep.ingest.readers import make_article
    from sitrep.schema import article_to_dict

    body = " ".join([GOOD] * 5)
    art = make_article(id="p", html=f"<html><body><article><p>{body}</p><p>{body}</p>"
                                    f"</article></body></html>")
    line = article_to_dict(art)
    assert line["text"] == art.text and "Gunmen" in line["text"]
    assert "text" not in article_to_dict(make_article(id="t", text=GOOD))


@pytest.mark.parametrize("path", ["does/not/exist.txt", "nowhere/"])
def test_missing_path_stops_the_run(path):
    with pytest.raises(InputError):
        list(read_inputs([path]))
