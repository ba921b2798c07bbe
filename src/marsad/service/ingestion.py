"""`marsad ingest`: documents in, analysed, indexed and clustered, with nothing lost.

Two threads share the work.  The calling thread reads, analyses and indexes each
document (search keys, content hash, MinHash); the store's single writer runs in a
thread of its own, deciding new / duplicate / near-duplicate against what is
already stored and writing in batches (every COMMIT_EVERY documents or
COMMIT_SECONDS, whichever comes first).  SQLite and PostgreSQL release the GIL while
they work, so on two cores the two halves overlap.  A bounded queue between them
keeps memory flat however large the input.

A crash or `kill -9` loses at most the open batch: every document is written with
its analysis, index rows, search terms and LSH bands in one transaction, and a
re-run skips what was committed (documents are known by id).
"""

from __future__ import annotations

import datetime as dt
import queue
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, MarsadError
from ..ingest import ReadFailure, ReadOptions, read_documents
from ..model import Analysis, Document
from ..pipeline import Pipeline
from ..store import AnalysisRows, IndexedDocument, Store, StoreWriter
from .analysis import pipeline_for
from .corpus import opened
from .indexing import analysis_rows, index_document
from .neardup import NearDuplicates

COMMIT_EVERY = 2000  # documents per transaction (fewer, larger FTS segments to merge) ...
COMMIT_SECONDS = 1.0  # ... or seconds, whichever comes first
QUEUE_SIZE = 256  # documents waiting for the writer
MAX_LISTED_FAILURES = 200  # the summary lists this many; the rest are counted by code

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
    reading_cpu: float = 0.0  # CPU seconds of the reading/analysing/indexing thread ...
    writing_cpu: float = 0.0  # ... and of the writer thread (they overlap on two cores)

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


@dataclass(frozen=True)
class _Job:
    """A document (or an analysis for a stored one) on its way to the writer."""

    source: str
    doc_id: str
    indexed: IndexedDocument | None = None
    rows: AnalysisRows | None = None  # for a document stored earlier without analysis
    error: MarsadError | None = None  # its analysis failed


class Ingestion:
    """Streams documents from `paths` into the corpus; iterate `run()` for one step per input."""

    def __init__(
        self,
        paths: Sequence[Path | str],
        db: Store | str | Path | None = None,
        analyze: bool = True,
        published: dt.date | None = None,
        only: Iterable[str] | None = None,
        commit_every: int = COMMIT_EVERY,
        commit_seconds: float = COMMIT_SECONDS,
        options: ReadOptions | None = None,
    ) -> None:
        # Files and directories as Paths; URLs (feeds) stay strings for the readers that take them.
        self.paths = [path if isinstance(path, Path) or "://" in str(path) else Path(path) for path in paths]
        self.db = db
        self.pipeline: Pipeline | None = pipeline_for(only) if analyze else None
        self.published = published
        self.options = options
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.near = NearDuplicates()
        self.report = IngestReport()
        self.location = ""

    def run(self) -> Iterator[IngestStep]:
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            yield from self._run()
        finally:
            self.report.seconds = time.perf_counter() - started
            self.report.reading_cpu = time.thread_time() - cpu

    def _run(self) -> Iterator[IngestStep]:
        with opened(self.db, create=True) as store:
            self.location = store.location
            writer = _WriterThread(store, self.near, self.commit_every, self.commit_seconds, self.report)
            writer.start()
            try:
                for item in read_documents(self.paths, self.published, self.options):
                    prepared = self._prepare(item, store)
                    if isinstance(prepared, IngestStep):
                        yield self._record(prepared)
                    else:
                        writer.put(prepared)
                    for step in writer.finished():
                        yield self._record(step)
            except BaseException:  # Ctrl-C, a consumer that stops early, a bug: keep what was read
                writer.close_quietly()
                raise
            writer.close()
            for step in writer.finished():
                yield self._record(step)

    def _record(self, step: IngestStep) -> IngestStep:
        self.report.record(step)
        return step

    def _prepare(self, item: Document | ReadFailure, store: Store) -> IngestStep | _Job:
        """Everything that needs no write lock: the cheap duplicate check, analysis, indexing."""
        if isinstance(item, ReadFailure):
            return IngestStep(item.source, FAILED, item.error)
        source = item.source or item.id
        existing = store.existing(item.id)
        if existing is not None and (existing.analysed or self.pipeline is None):
            return IngestStep(source, DUPLICATE)
        analysis, error = self._analyse(item)
        if existing is not None:
            if analysis is None:
                return IngestStep(source, DUPLICATE, error)
            return _Job(source, item.id, rows=analysis_rows(analysis))
        return _Job(source, item.id, indexed=index_document(item, analysis, self.near), error=error)

    def _analyse(self, document: Document) -> tuple[Analysis | None, MarsadError | None]:
        if self.pipeline is None:
            return None, None
        try:
            return self.pipeline(document), None
        except MarsadError as error:  # stored without its analysis, and reported
            return None, error


class _WriterThread:
    """The store's single writer, fed through a bounded queue."""

    _DONE = object()

    def __init__(
        self, store: Store, near: NearDuplicates, commit_every: int, commit_seconds: float, report: IngestReport
    ) -> None:
        self.report = report
        self.store = store
        self.near = near
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.jobs: queue.Queue = queue.Queue(maxsize=QUEUE_SIZE)
        self.steps: queue.SimpleQueue = queue.SimpleQueue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="marsad-store-writer", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def put(self, job: _Job) -> None:
        while True:
            self._raise_if_failed()
            try:
                self.jobs.put(job, timeout=0.2)
                return
            except queue.Full:
                continue

    def finished(self) -> Iterator[IngestStep]:
        while True:
            try:
                yield self.steps.get_nowait()
            except queue.Empty:
                return

    def close(self) -> None:
        """Write what is queued, commit and stop."""
        self.put(self._DONE)  # type: ignore[arg-type]
        self.thread.join()
        self._raise_if_failed()

    def close_quietly(self) -> None:
        """close() while another exception is on its way: the writer's own failure, if any, is dropped."""
        if self.error is None:
            try:
                self.close()
            except BaseException:  # the first exception is the one to report
                pass

    def _raise_if_failed(self) -> None:
        if self.error is not None:
            if isinstance(self.error, MarsadError):
                raise self.error
            raise MarsadError(
                Errors.M332, location=self.store.location, reason=f"{type(self.error).__name__}: {self.error}"
            ) from self.error

    def _run(self) -> None:
        cpu = time.thread_time()
        try:
            with self.store.writer() as writer:
                self._loop(writer)
        except BaseException as error:  # handed to the reading thread; the open batch was rolled back
            self.error = error
        finally:
            self.report.writing_cpu = time.thread_time() - cpu

    def _loop(self, writer: StoreWriter) -> None:
        pending, last_commit = 0, time.monotonic()
        while True:
            try:
                job = self.jobs.get(timeout=self.commit_seconds)
            except queue.Empty:
                job = None
            if job is self._DONE:
                return
            if job is not None:
                step = self._write(job, writer)
                pending += step.status in (NEW, NEAR_DUPLICATE, ANALYSED)
                self.steps.put(step)
            if pending and (pending >= self.commit_every or time.monotonic() - last_commit >= self.commit_seconds):
                writer.commit()
                pending, last_commit = 0, time.monotonic()

    def _write(self, job: _Job, writer: StoreWriter) -> IngestStep:
        existing = writer.existing(job.doc_id)  # the authority: includes this batch
        rows = job.rows if job.rows is not None else (job.indexed.analysis if job.indexed else None)
        if existing is not None:
            if existing.analysed or rows is None:
                return IngestStep(job.source, DUPLICATE, job.error)
            writer.add_analysis(existing.pk, rows)
            return IngestStep(job.source, ANALYSED)
        indexed = job.indexed
        cluster = writer.same_content(indexed.content_hash)
        if cluster is None and indexed.signature is not None:
            cluster = self.near.best_cluster(indexed.signature, writer.neighbours(indexed.bands))
        writer.add(indexed, cluster)
        return IngestStep(job.source, NEW if cluster is None else NEAR_DUPLICATE, job.error)

