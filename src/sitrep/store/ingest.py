"""``sitrep ingest``: articles from files, feeds and WARC archives into the store.

Articles are read in order, in batches. A batch drops what is already stored (same
canonical URL or same text), runs extraction on the rest, places each article in a
document incident (:mod:`sitrep.dedup.online`: its wording, town and day), merges its
events into the stored incidents (the document incident being one piece of evidence, as
in the batch ``merge_events``), and is written in one transaction. A run killed at any point leaves
only whole batches behind; running it again skips them and continues, so the database
ends as an uninterrupted run would have left it: the dedup state is rebuilt from the
stored rows (:meth:`Store.load_incidents`), step for step as the run built it.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from ..article import Article
from ..dedup.documents import DocSignature
from ..dedup.incidents import Incident, IncidentIndex, Report, key_terms
from ..dedup.online import OnlineDocuments, about_main_incident, signature_dict, store_signature
from ..dedup.text import term_counts
from ..ingest.readers import read_inputs
from ..schema import Event
from .db import Batch, Store
from .keys import article_key, canonical_url, content_hash
from .rows import article_row, event_row, merge_into_row, report_row, revision_row

__all__ = ["IngestOptions", "IngestStats", "doc_evidence", "document_incident",
           "found_incident", "ingest",
           "iter_sources"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass
class IngestOptions:
    """How to ingest: extraction on/off, batch size, fetching limits."""

    extract: bool = True
    dedup: bool = True  # off: every report founds its own incident (bulk loads)
    batch_size: int = 256
    published: date | None = None
    allow_private: bool = False
    fetch_pages: bool = True
    progress: bool = True
    timeout: float = 10.0
    max_bytes: int = 5_000_000


@dataclass
class IngestStats:
    """What a run did."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    merged: int = 0
    errors: list[str] = field(default_factory=list)


def iter_sources(sources: Sequence[str], options: IngestOptions) -> Iterator[Article]:
    """Articles from each source in order: a URL or file of a feed, a WARC file, or any
    input ``sitrep extract`` reads (.txt, .html, .jsonl, a directory)."""
    for source in sources:
        lower = source.lower()
        if lower.startswith(("http://", "https://")) or lower.endswith(FEED_SUFFIXES):
            from ..ingest.feeds import read_feed
            yield from read_feed(source, allow_private=options.allow_private,
                                 fetch_pages=options.fetch_pages, timeout=options.timeout,
                                 max_bytes=options.max_bytes, published=options.published)
        elif lower.endswith(WARC_SUFFIXES):
            from ..ingest.warc import read_warc
            yield from read_warc(Path(source), published=options.published)
        else:
            yield from read_inputs([source], published=options.published)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class _Ingester:
    """State of one run: the store, the dedup index loaded from it, the pipeline."""

    def __init__(self, store: Store, options: IngestOptions) -> None:
        self.store = store
        self.options = options
        self.index: IncidentIndex = store.load_incidents()
        self.seq = store.next_seq()
        self.pipeline: Callable[[Article], Article] | None = None
        if options.extract:
            from ..pipeline import Pipeline
            self.pipeline = Pipeline.default().run
        self.stats = IngestStats()

    def run_batch(self, articles: list[Article]) -> None:
        keyed = []
        for art in articles:
            canon = canonical_url(art.url)
            digest = content_hash(art.text)
            keyed.append((art, article_key(art.url, art.text), canon, digest))
        known = self.store.known([k for _, k, _, _ in keyed], [h for *_, h in keyed])
        batch = Batch()
        now = datetime.now(UTC).replace(tzinfo=None)  # stored as naive UTC
        seen: set[str] = set()
        pending: list[_Placed] = []
        for art, key, canon, digest in keyed:
            self.stats.read += 1
            if key in known or digest in known or key in seen or digest in seen:
                self.stats.skipped += 1
                continue
            seen.update((key, digest))
            if art.error:
                self.stats.failed += 1
            elif self.pipeline is not None:
                art = self.pipeline(art)
            terms = key_terms(term_counts(art.text, title=art.title)) if art.events else []
            doc, sig = document_incident(self.index, art, key, processed=(
                self.pipeline is not None or bool(art.events)) and self.options.dedup)
            stored_sig = signature_dict(sig) if sig is not None else None
            batch.articles.append(article_row(
                art, key=key, seq=self.seq, canonical=canon, digest=digest,
                extracted=self.pipeline is not None and not art.error, terms=terms, now=now,
                incident=doc, signature=stored_sig))
            self._merge(art, key, terms, pending, doc, sig)
            self.seq += 1
            self.stats.stored += 1
        self._rows(pending, batch, now)
        if batch:
            self.store.write_batch(batch)

    def _merge(self, art: Article, key: str, terms: list[str], pending: list[_Placed],
               doc: str | None, sig: DocSignature | None) -> None:
        for idx, event in enumerate(art.events):
            report = Report.of(event, key, terms=terms, doc_incident=doc_evidence(event, doc, sig))
            incident, new = (self.index.add(report) if self.options.dedup
                             else found_incident(self.index, report))
            self.stats.events += 1
            self.stats.merged += not new
            # the incident as it stands now (later reports of this batch may join it)
            pending.append(_Placed(self.seq, key, idx, event, new,
                                   Incident(incident.id, list(incident.reports))))

    def _rows(self, pending: list[_Placed], batch: Batch, now: datetime) -> None:
        """The batch's events, reports and revisions, in placing order. The stored rows of
        incidents this batch joins are read in one query (one per report was most of the
        cost of a large ingest)."""
        wanted = {p.incident.id for p in pending if not p.new}
        stored: dict[str, dict[str, Any]] = {}
        if wanted:
            ids = sorted(wanted)
            stored = {r["event_id"]: r for r in self.store.event_rows(
                f"event_id IN ({', '.join('?' for _ in ids)})", ids)}
        for p in pending:
            incident_id = p.incident.id
            if p.new:
                before = None
                after = event_row(p.event, p.incident, seq=p.seq, now=now)
            else:
                before = batch.events.get(incident_id) or stored[incident_id]
                after = merge_into_row(before, p.incident, seq=p.seq, now=now)
            batch.events[incident_id] = after
            batch.reports.append(report_row(p.key, p.idx, p.event, incident_id))
            batch.revisions.append(revision_row(before, after, article_key=p.key, now=now))


@dataclass(slots=True)
class _Placed:
    """One report placed by the dedup index, its rows still to write."""

    seq: int
    key: str
    idx: int
    event: Event
    new: bool
    incident: Incident


def doc_evidence(event: Event, doc: str | None, sig: DocSignature | None) -> str | None:
    """The document incident as evidence for one of the article's events (None when the
    event is not the one the article is about: see :func:`about_main_incident`)."""
    return doc if doc and sig is not None and about_main_incident(event, sig) else None


def document_incident(index: IncidentIndex, article: Article, key: str, *,
                      processed: bool = True) -> tuple[str | None, DocSignature | None]:
    """The article's document incident and the signature that placed it (both None for
    an article that failed or was not processed: without places and dates its wording
    alone would group it)."""
    if not processed or article.error:
        return None, None
    if index.documents is None:
        index.documents = OnlineDocuments()
    sig = store_signature(article, key)
    return index.documents.add(sig), sig


def found_incident(index: IncidentIndex, report: Report) -> tuple[Incident, bool]:
    """A new incident for ``report`` without matching (its id made unique), as indexed."""
    incident_id = report.event_id
    if incident_id in index.incidents:
        incident_id += "-" + hashlib.sha1(report.article.encode("utf-8")).hexdigest()[:8]
    incident = Incident(id=incident_id, reports=[report])
    index.load(incident)
    return incident, True


def ingest(store: Store, sources: Sequence[str] | Iterable[Article],
           options: IngestOptions | None = None) -> IngestStats:
    """Ingest ``sources`` (paths/URLs, or Articles) into ``store``; returns the tallies."""
    options = options or IngestOptions()
    run = _Ingester(store, options)
    items: Iterable[Article]
    if isinstance(sources, Sequence) and all(isinstance(s, str) for s in sources):
        items = iter_sources(list(sources), options)  # type: ignore[arg-type]
    else:
        items = sources  # type: ignore[assignment]
    bar: Any = None
    if options.progress:
        from tqdm import tqdm
        bar = tqdm(unit=" articles", file=sys.stderr, desc="ingest", mininterval=0.5)
    for batch in _batches(items, options.batch_size):
        run.run_batch(batch)
        if bar is not None:
            bar.update(len(batch))
            bar.set_postfix(stored=run.stats.stored, events=run.stats.events, refresh=False)
    if bar is not None:
        bar.close()
    return run.stats
