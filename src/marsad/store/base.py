"""The store interface every backend implements (SQLite by default, PostgreSQL for teams).

One writer, many readers: `Store.writer()` hands out the single write connection
(a second writer in the same process waits for the first to finish; another process
waits on the database's own lock), while reads go through per-thread connections
and see the last committed state.  A writer commits in batches; every document is
written together with its analysis, index rows, search terms and near-duplicate
bands in one transaction, so a crash or `kill -9` loses at most the uncommitted
batch and never leaves half a document behind.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from .query import Query
from .records import AnalysisRows, CorpusStats, Existing, Filters, IndexedDocument, Neighbour, StoredDocument, Total


@dataclass
class Match:
    total: Total
    documents: Iterator[StoredDocument]


class StoreWriter(abc.ABC):
    """The single write connection, inside an open transaction."""

    @abc.abstractmethod
    def existing(self, doc_id: str) -> Existing | None:
        """The stored document with this id, if any (committed or in this batch)."""

    @abc.abstractmethod
    def same_content(self, content_hash: str) -> int | None:
        """Cluster of a stored document with exactly this content hash."""

    @abc.abstractmethod
    def neighbours(self, bands: Sequence[int]) -> list[Neighbour]:
        """First documents of clusters sharing at least one LSH band with `bands` (at most 100)."""

    @abc.abstractmethod
    def add(self, indexed: IndexedDocument, cluster: int | None) -> int:
        """Write a new document (its own cluster when `cluster` is None); returns its pk.

        Only a document that starts a cluster has its LSH bands stored: later copies
        are compared with the cluster's first document, so a cluster of ten thousand
        forwards costs one neighbour, not ten thousand."""

    @abc.abstractmethod
    def add_analysis(self, pk: int, rows: AnalysisRows) -> None:
        """Attach an analysis to a stored document that has none."""

    @abc.abstractmethod
    def commit(self) -> None:
        """Make everything written so far durable and start the next batch."""


class Store(abc.ABC):
    """A corpus of documents, their analyses and their indexes."""

    #: True when phrase queries are matched exactly by the backend; False when the
    #: candidates it returns still need checking word by word.
    exact_phrases: bool = False

    location: str = ""

    @abc.abstractmethod
    def writer(self) -> AbstractContextManager[StoreWriter]:
        """The single writer; commits on normal exit, rolls the open batch back on error."""

    @abc.abstractmethod
    def existing(self, doc_id: str) -> Existing | None:
        """The committed document with this id, if any (a cheap check before analysing it again)."""

    @abc.abstractmethod
    def candidates(
        self, query: Query | None, filters: Filters, batch: int = 200, order: str = "best", with_analysis: bool = False
    ) -> Iterator[StoredDocument]:
        """Matching documents read lazily in pages of `batch`.

        order="best": by relevance with a query (ranked among the RANK_WINDOW most
        recently stored matches when more match: ranking every match of a common word
        would cost more than the search), newest published first without one;
        order="ingested": in the order they were stored (exports)."""

    @abc.abstractmethod
    def count(self, query: Query | None, filters: Filters, clusters: bool = True) -> Total:
        """How many clusters (or documents) match.  Exact for small answers; for large
        ones the number of matching documents (clusters may be fewer) or COUNT_CAP."""

    def match(self, query: Query | None, filters: Filters, clusters: bool = True, batch: int = 200) -> Match:
        """What a search needs: the count and the documents, best first (backends may share work)."""
        return Match(self.count(query, filters, clusters), self.candidates(query, filters, batch=batch))

    @abc.abstractmethod
    def copies(self, cluster_pks: Sequence[int]) -> dict[int, int]:
        """Number of documents in each of these clusters."""

    @abc.abstractmethod
    def get(self, doc_id: str) -> StoredDocument | None:
        """One document, with its analysis."""

    @abc.abstractmethod
    def stats(self, top: int = 10) -> CorpusStats:
        """Counts, date range, top sources, actors and places (counted once per cluster)."""

    @abc.abstractmethod
    def schema_version(self) -> int: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def filters_used(filters: Filters) -> bool:
    return filters != Filters()
