"""Readers for each input kind of ``sitrep extract``: .txt, .html, .jsonl, directories, stdin."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..article import Article
from .decode import check_text, decode_bytes
from .html import extract_html
from .language import guess_language

__all__ = ["InputError", "article_from_record", "make_article", "parse_published", "read_inputs",
           "read_jsonl_lines", "read_path"]

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


class InputError(Exception):
    """The run cannot proceed: an input path is missing or of an unknown kind."""


def parse_published(value: Any) -> date | None:
    """An ISO date or datetime string (or date) as a date; None when absent.

    Raises ValueError for a value that is present but not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


def make_article(*, id: str, text: str | None = None, html: str | None = None,
                 published: Any = None, title: str | None = None, url: str | None = None,
                 source: str | None = None, language: str | None = None,
                 default_published: date | None = None) -> Article:
    """Build an Article from raw fields; problems become ``error`` or diagnostics."""
    art = Article(id=id, text="", title=title, url=url, source=source, language=language)
    try:
        art.published = parse_published(published) or default_published
    except ValueError:
        art.published = default_published
        art.diagnose("ingest", "bad-published", f"published {published!r} is not an ISO date")
    if language and not language.lower().startswith("en"):
        art.error = f"unsupported language {language!r}: sitrep reads English text"
        return art
    if text is None and html is not None:
        page = extract_html(html, url=url)
        if page.text is None:
            art.error = "no article text found in the HTML"
            return art
        text = page.text
        art.from_html = True
        art.title = art.title or page.title
        art.url = art.url or page.url
        art.source = art.source or page.source
        if art.published is None and page.date:
            try:
                art.published = parse_published(page.date)
            except ValueError:
                pass
    if not isinstance(text, str):
        art.error = "no text: give \"text\" or \"html\" as a string"
        return art
    checked = check_text(text)
    if checked.text is None:
        art.error = checked.error
        return art
    art.text = checked.text
    if checked.warning:
        art.diagnose("ingest", "text-warning", checked.warning)
    guess = guess_language(art.text)
    if not guess.english:
        seems = f" (it looks like {guess.language})" if guess.language else ""
        art.diagnose("ingest", "not-english",
                     f"the text does not look like English{seems}; sitrep reads English, "
                     "so places and events from it may be wrong")
    return art


def _read_text_file(path: Path, default_published: date | None) -> Article:
    decoded = decode_bytes(path.read_bytes())
    if decoded.text is None:
        return Article(id=path.stem, text="", published=default_published, error=decoded.error)
    if path.suffix.lower() in HTML_SUFFIXES:
        return make_article(id=path.stem, html=decoded.text, default_published=default_published)
    art = make_article(id=path.stem, text=decoded.text, default_published=default_published)
    if decoded.warning:
        art.diagnose("ingest", "encoding", decoded.warning)
    return art


def _jsonl_article(line: str, where: str, default_published: date | None) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Article(id=where, text="", published=default_published,
                       error=f"malformed JSON line: {exc.msg} at column {exc.colno}")
    if not isinstance(obj, dict):
        return Article(id=where, text="", published=default_published,
                       error="a JSON Lines input line must be an object")
    return article_from_record(obj, where, default_published)


def article_from_record(obj: dict[str, Any], where: str, default_published: date | None, *,
                        unit: str = "line") -> Article:
    """An article from one input record (a JSON line, a Parquet row): its fields as the
    contract names them; ``where`` is the id when the record has none."""
    art_id = obj.get("id")
    art_id = str(art_id) if art_id not in (None, "") else where
    if obj.get("text") is None and obj.get("html") is None:
        return Article(id=art_id, text="", published=default_published,
                       error=f'the {unit} has neither "text" nor "html"')
    return make_article(id=art_id, text=obj.get("text"), html=obj.get("html"),
                        published=obj.get("published"), title=obj.get("title"),
                        url=obj.get("url"), source=obj.get("source"),
                        language=obj.get("language"), default_published=default_published)


def read_jsonl_lines(lines: Iterable[bytes], name: str,
                     default_published: date | None) -> Iterator[Article]:
    """Articles from JSON Lines (bytes per line); a bad line becomes an error article whose
    id is ``name:line-number``."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield Article(id=f"{name}:{number}", text="", published=default_published,
                          error="line is not valid UTF-8")
            continue
        yield _jsonl_article(line, f"{name}:{number}", default_published)


def _read_stdin(stream: BinaryIO, default_published: date | None) -> Iterator[Article]:
    data = stream.read()
    if data.lstrip().startswith(b"{"):
        yield from read_jsonl_lines(data.splitlines(), "stdin", default_published)
        return
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield Article(id="stdin", text="", published=default_published, error=decoded.error)
        return
    yield make_article(id="stdin", text=decoded.text, default_published=default_published)


def read_path(path: str | Path, *, published: date | None = None) -> Iterator[Article]:
    """Articles from one input: a file, a directory (its files sorted) or ``-`` (stdin)."""
    if str(path) == "-":
        yield from _read_stdin(sys.stdin.buffer, published)
        return
    p = Path(path)
    if p.is_dir():
        for child in sorted(c for c in p.iterdir() if c.is_file()):
            if child.suffix.lower() in SUFFIXES:
                yield from read_path(child, published=published)
        return
    if not p.is_file():
        raise InputError(f"cannot read {path}: no such file or directory")
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with p.open("rb") as fh:
            yield from read_jsonl_lines(fh, p.stem, published)
    elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES or suffix == "":
        yield _read_text_file(p, published)
    else:
        raise InputError(f"cannot read {path}: expected .txt, .html, .jsonl, a directory or -")


def check_paths(paths: Iterable[str | Path]) -> None:
    """Fail fast, before any output, when an input path does not exist."""
    for path in paths:
        if str(path) != "-" and not Path(path).exists():
            raise InputError(f"cannot read {path}: no such file or directory")


def read_inputs(paths: Iterable[str | Path], *, published: date | None = None) -> Iterator[Article]:
    """Articles from every input path, in order."""
    paths = list(paths)
    check_paths(paths)
    for path in paths:
        yield from read_path(path, published=published)
