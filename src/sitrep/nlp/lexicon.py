"""Load the lexicon and pattern files shipped in ``sitrep/data`` (loaded once, cached)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["data_path", "read_json", "read_lines"]

_DATA = Path(__file__).resolve().parent.parent / "data"


def data_path(*parts: str) -> Path:
    """Path of a file shipped in the package's ``data`` folder."""
    return _DATA.joinpath(*parts)


@cache
def read_lines(*parts: str) -> tuple[str, ...]:
    """Non-blank lines of a data file, ``#`` comments removed, whitespace stripped."""
    out = []
    for line in data_path(*parts).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@cache
def read_json(*parts: str) -> Any:
    """A JSON data file, parsed once per process."""
    return json.loads(data_path(*parts).read_text(encoding="utf-8"))
