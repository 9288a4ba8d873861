"""Same-incident grouping across articles: GVC validation part and ECB+ topics 1-35.

Predictions are made with cross-article dedup over all documents of the set. Each
document is assigned the incident the predicted line names: its document incident
(``"incident"``, set by :func:`sitrep.dedup.merge_events` from the article's wording,
place and day, so documents that yield no ACLED event -- ECB+ also covers earthquakes,
product launches, sports -- are still grouped), else the ``event_id`` of its main event;
a document with neither is in no cluster. The event-only measure is reported beside it as
``event_bcubed_*``. Gold: GVC incident id (Bugert et al. 2021 split file); ECB+ seminal
event (each topic covers two real-world events: the ``ecb`` and the ``ecbplus``
documents). Metrics: B-cubed and pairwise P/R/F1 over documents.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from ..base import GoldDoc, GoldSet, Line, empty_line, main_event
from ..metrics import bcubed, pairwise

__all__ = ["ECBPlusSet", "GVCSet", "detokenize", "doc_clusters", "doc_incidents", "line_incident"]

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|''|-)$")
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "#", "-"}


def detokenize(tokens: Iterable[str]) -> str:
    """Tokens joined with spaces, except before closing punctuation and clitics."""
    out: list[str] = []
    prev = ""
    for tok in tokens:
        if out and not _NO_SPACE_BEFORE.match(tok) and prev not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(tok)
        prev = tok
    return "".join(out)


def doc_clusters(lines: Sequence[Line]) -> dict[str, str]:
    """Document id -> ``event_id`` of its main event (documents with no event left out)."""
    out = {}
    for line in lines:
        ev = main_event(line)
        if ev and ev.get("event_id"):
            out[str(line.get("id"))] = str(ev["event_id"])
    return out


def line_incident(line: Line) -> str | None:
    """The document incident a predicted line names (its ``"incident"`` field)."""
    return str(line["incident"]) if line.get("incident") else None


def doc_incidents(lines: Sequence[Line]) -> dict[str, str]:
    """Document id -> its incident: the line's document incident, else its main event."""
    out = doc_clusters(lines)
    for line in lines:
        incident = line_incident(line)
        if incident:
            out[str(line.get("id"))] = incident
    return out


class _GroupingSet(GoldSet):
    grouped = True
    headline = ("bcubed_f1", "pairwise_f1")

    def gold_line(self, doc: GoldDoc) -> Line:
        line = empty_line(doc.id)
        line["events"] = [{"event_id": doc.gold}]
        return line

    def score(self, docs: Sequence[GoldDoc], lines: Sequence[Line]) -> dict[str, float]:
        gold = {d.id: d.gold for d in docs}
        pred = {k: v for k, v in doc_incidents(lines).items() if k in gold}
        by_event = {k: v for k, v in doc_clusters(lines).items() if k in gold}
        return (bcubed(gold, pred).as_dict("bcubed") | pairwise(gold, pred).as_dict("pairwise")
                | bcubed(gold, by_event).as_dict("event_bcubed"))


class GVCSet(_GroupingSet):
    """Gun Violence Corpus, validation part: 78 documents, 37 incidents."""

    name = "gvc"
    title = "GVC val (same-incident grouping)"
    path = "gvc/val/dataset.conll"
    slice_size = 78  # small: always whole, so incidents are not cut apart

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        events: dict[str, str] = {}
        with open(data_dir / "gvc/splits_bugert2021/gvc_doc_to_event.csv",
                  encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                events[row["doc-id"]] = row["event-id"]
        docs: list[GoldDoc] = []
        sentences: dict[int, list[str]] = {}
        key = ""
        with open(data_dir / self.path, encoding="utf-8") as fh:
            for raw in fh:
                if raw.startswith("#begin document"):
                    key = raw.split("(", 1)[1].split(")", 1)[0]
                    sentences = {}
                elif raw.startswith("#end document"):
                    docs.append(self._doc(key, sentences, events))
                elif raw.strip():
                    cols = raw.rstrip("\n").split("\t")
                    sentences.setdefault(int(cols[1]), []).append(cols[3])
        return docs

    @staticmethod
    def _doc(key: str, sentences: dict[int, list[str]], events: dict[str, str]) -> GoldDoc:
        _, incident, doc_hash = key.split("/")
        dct = sentences.pop(0, [""])[0]
        try:
            published = date.fromisoformat(dct[:10])
        except ValueError:
            published = None
        text = "\n".join(detokenize(sentences[i]) for i in sorted(sentences))
        return GoldDoc(id=doc_hash, text=text, published=published,
                       gold=events.get(doc_hash, incident))


class ECBPlusSet(_GroupingSet):
    """ECB+ topics 1-35 (772 documents, two real-world events per topic)."""

    name = "ecbplus"
    title = "ECB+ topics 1-35 (same-incident grouping)"
    path = "ecbplus/ECB+"
    slice_size = 60

    def _load(self, data_dir: Path) -> list[GoldDoc]:
        docs = []
        root = data_dir / self.path
        topics = sorted((p for p in root.iterdir() if p.is_dir() and p.name.isdigit()),
                        key=lambda p: int(p.name))
        for topic in topics:
            files = sorted(topic.glob("*.xml"),
                           key=lambda f: (f.stem.endswith("plus"), _num(f.stem)))
            for f in files:
                sentences: dict[int, list[str]] = {}
                for tok in ET.parse(f).getroot().iter("token"):
                    sentences.setdefault(int(tok.get("sentence", 0)), []).append(tok.text or "")
                text = "\n".join(detokenize(sentences[i]) for i in sorted(sentences))
                seminal = "ecbplus" if f.stem.endswith("ecbplus") else "ecb"
                docs.append(GoldDoc(id=f.stem, text=text, gold=f"{topic.name}-{seminal}"))
        return docs


def _num(stem: str) -> int:
    m = re.search(r"_(\d+)", stem)
    return int(m.group(1)) if m else 0
