"""The corpus facade: ingest, search, statistics.  The CLI (and later the API) call these.

Where the corpus lives: `--db PATH` (an SQLite file) or `--db postgresql://...`;
without it, $MARSAD_DB, else `marsad.db` in the current directory.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import Errors, MarsadError
from ..ingest import ReadFailure, read_documents
from ..model import Document
from ..pipeline import Pipeline
from ..store import CorpusStats, Filters, Query, Store, StoredDocument, StoreWriter, has_phrase, open_store
from .analysis import pipeline_for
from .highlight import Matcher, Snippet, Span, snippets
from .indexing import analysis_rows, index_document
from .keys import name_key
from .neardup import NearDuplicates
from .query import parse_query, positive_parts

DEFAULT_DB = "marsad.db"
DB_ENVIRONMENT = "MARSAD_DB"
COMMIT_EVERY = 500  # documents per transaction ...
COMMIT_SECONDS = 1.0  # ... or seconds, whichever comes first
MAX_LISTED_FAILURES = 200  # the summary lists this many; the rest are counted by code

# A name as typed -> the canonical names it may be stored under («داعش» -> ["Islamic State"]).
NameResolver = Callable[[str], Iterable[str]]


def default_db() -> str:
    return os.environ.get(DB_ENVIRONMENT) or DEFAULT_DB


@contextmanager
def opened(db: Store | str | Path | None, create: bool = False) -> Iterator[Store]:
    """A Store given directly, or one opened (and closed afterwards) from a location."""
    if isinstance(db, Store):
        yield db
        return
    store = open_store(db if db is not None else default_db(), create=create)
    try:
        yield store
    finally:
        store.close()


# -- names ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def gazetteer_resolver() -> NameResolver | None:
    """Resolves names through the entities gazetteer once that analyser is installed."""
    try:
        from ..extract.gazetteer import load_gazetteer  # type: ignore[import-not-found]
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("marsad"):
            return None
        raise
    gazetteer = load_gazetteer()

    def resolve(name: str) -> list[str]:
        entry = gazetteer.resolve(name)
        return [entry.canonical] if entry is not None and entry.canonical else []

    return resolve


def name_keys(name: str, resolver: NameResolver | None) -> tuple[str, ...]:
    """Every key a name may be indexed under: its own spelling and what it resolves to."""
    names = [name] + list(resolver(name) if resolver else [])
    return tuple(dict.fromkeys(key for key in (name_key(n) for n in names) if key))


def build_filters(
    actors: Sequence[str] = (),
    places: Sequence[str] = (),
    event_types: Sequence[str] = (),
    techniques: Sequence[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    resolver: NameResolver | None = None,
) -> Filters:
    resolver = resolver if resolver is not None else gazetteer_resolver()
    return Filters(
        actors=tuple(name_keys(name, resolver) for name in actors if name.strip()),
        places=tuple(name_keys(name, resolver) for name in places if name.strip()),
        event_types=tuple(t.strip() for t in event_types if t.strip()),
        techniques=tuple(t.strip() for t in techniques if t.strip()),
        since=since,
        until=until,
    )


# -- ingest --------------------------------------------------------------------------
NEW, DUPLICATE, NEAR_DUPLICATE, ANALYSED, FAILED = "new", "duplicate", "near-duplicate", "analysed", "failed"


@dataclass(frozen=True)
class IngestStep:
    """What happened to one input."""

    source: str
    status: str  # new | duplicate | near-duplicate | analysed | failed
    error: MarsadError | None = None  # set when failed, or when stored but its analysis failed


@dataclass
class IngestReport:
    counts: Counter = field(default_factory=Counter)
    failures: list[tuple[str, MarsadError]] = field(default_factory=list)
    failure_codes: Counter = field(default_factory=Counter)
    analysis_failures: int = 0
    seconds: float = 0.0

    def record(self, step: IngestStep) -> None:
        self.counts[step.status] += 1
        if step.error is not None:
            self.failure_codes[step.error.code] += 1
            if step.status != FAILED:
                self.analysis_failures += 1
            if len(self.failures) < MAX_LISTED_FAILURES:
                self.failures.append((step.source, step.error))

    @property
    def processed(self) -> int:
        return sum(self.counts.values())


class Ingestion:
    """Streams documents from `paths` into the corpus: one document in memory at a time."""

    def __init__(
        self,
        paths: Sequence[Path],
        db: Store | str | Path | None = None,
        analyze: bool = True,
        published: dt.date | None = None,
        only: Iterable[str] | None = None,
        commit_every: int = COMMIT_EVERY,
        commit_seconds: float = COMMIT_SECONDS,
    ) -> None:
        self.paths = list(paths)
        self.db = db
        self.pipeline: Pipeline | None = pipeline_for(only) if analyze else None
        self.published = published
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.near = NearDuplicates()
        self.report = IngestReport()
        self.location = ""

    def run(self) -> Iterator[IngestStep]:
        started = time.perf_counter()
        with opened(self.db, create=True) as store, store.writer() as writer:
            self.location = store.location
            pending, last_commit = 0, time.monotonic()
            for item in read_documents(self.paths, self.published):
                step = self._one(item, writer, store.location)
                self.report.record(step)
                yield step
                if step.status in (NEW, NEAR_DUPLICATE, ANALYSED):
                    pending += 1
                if pending >= self.commit_every or (pending and time.monotonic() - last_commit >= self.commit_seconds):
                    self._commit(writer, store.location)
                    pending, last_commit = 0, time.monotonic()
        self.report.seconds = time.perf_counter() - started

    def _commit(self, writer: StoreWriter, location: str) -> None:
        try:
            writer.commit()
        except MarsadError:
            raise
        except Exception as error:
            raise MarsadError(Errors.M332, location=location, reason=f"{type(error).__name__}: {error}") from error

    def _one(self, item: Document | ReadFailure, writer: StoreWriter, location: str) -> IngestStep:
        if isinstance(item, ReadFailure):
            return IngestStep(item.source, FAILED, item.error)
        source = item.source or item.id
        try:
            existing = writer.existing(item.id)
            if existing is not None and (existing.analysed or self.pipeline is None):
                return IngestStep(source, DUPLICATE)
            analysis, analysis_error = self._analyse(item)
            if existing is not None:
                if analysis is None:
                    return IngestStep(source, DUPLICATE, analysis_error)
                writer.add_analysis(existing.pk, analysis_rows(analysis))
                return IngestStep(source, ANALYSED)
            indexed = index_document(item, analysis, self.near)
            cluster = writer.same_content(indexed.content_hash)
            if cluster is None and indexed.signature is not None:
                cluster = self.near.best_cluster(indexed.signature, writer.neighbours(indexed.bands))
            writer.add(indexed, cluster)
        except MarsadError:
            raise
        except Exception as error:
            raise MarsadError(Errors.M332, location=location, reason=f"{type(error).__name__}: {error}") from error
        return IngestStep(source, NEW if cluster is None else NEAR_DUPLICATE, analysis_error)

    def _analyse(self, document: Document):
        if self.pipeline is None:
            return None, None
        try:
            return self.pipeline(document), None
        except MarsadError as error:  # stored without its analysis; reported
            return None, error


# -- search --------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    document: StoredDocument
    copies: int  # documents in its near-duplicate cluster
    title_highlights: list[Span]
    snippets: list[Snippet]


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    total: int  # matching clusters (documents with all_copies)
    total_is_estimate: bool  # True when phrase matches were not all checked
    query: Query | None


def search(
    query: str | None,
    db: Store | str | Path | None = None,
    filters: Filters | None = None,
    limit: int = 20,
    all_copies: bool = False,
) -> SearchResult:
    """Documents matching the query and filters, best first, one per near-duplicate cluster."""
    if limit < 1:
        raise MarsadError(Errors.M330, value=limit)
    parsed = parse_query(query) if query and query.strip() else None
    filters = filters or Filters()
    with opened(db) as store:
        verify = parsed is not None and has_phrase(parsed) and not store.exact_phrases
        found = list(_matching(store, parsed, filters, all_copies, verify, limit))
        copies = store.copies([document.cluster_pk for document in found])
        total = store.count(parsed, filters, clusters=not all_copies)
    if len(found) < limit:  # every candidate was seen: the count is exact
        total = len(found)
    parts = positive_parts(parsed) if parsed is not None else []
    hits = [
        Hit(
            document=document,
            copies=copies.get(document.cluster_pk, 1),
            title_highlights=Matcher(document.title).spans(parts),
            snippets=snippets(document.text, Matcher(document.text).spans(parts)),
        )
        for document in found
    ]
    return SearchResult(hits, max(total, len(hits)), verify and len(hits) >= limit, parsed)


def matching_documents(
    store: Store, query: Query | None, filters: Filters, all_copies: bool, order: str = "best", with_analysis: bool = False
) -> Iterator[StoredDocument]:
    verify = query is not None and has_phrase(query) and not store.exact_phrases
    yield from _matching(store, query, filters, all_copies, verify, None, order, with_analysis)


def _matching(
    store: Store,
    query: Query | None,
    filters: Filters,
    all_copies: bool,
    verify: bool,
    limit: int | None,
    order: str = "best",
    with_analysis: bool = False,
) -> Iterator[StoredDocument]:
    seen: set[int] = set()
    produced = 0
    batch = 200 if limit is None else max(50, limit * 3)
    for document in store.candidates(query, filters, batch=batch, order=order, with_analysis=with_analysis):
        if not all_copies and document.cluster_pk in seen:
            continue
        if verify and not Matcher(document.title, document.text).matches(query):
            continue
        seen.add(document.cluster_pk)
        yield document
        produced += 1
        if limit is not None and produced >= limit:
            return


def get_document(doc_id: str, db: Store | str | Path | None = None) -> StoredDocument:
    with opened(db) as store:
        document = store.get(doc_id)
        if document is None:
            raise MarsadError(Errors.M331, doc_id=doc_id, location=store.location)
        return document


def corpus_stats(db: Store | str | Path | None = None, top: int = 10) -> CorpusStats:
    with opened(db) as store:
        return store.stats(top)
