"""The corpus facade: where the corpus is, search, statistics.  The CLI (and later the API) call these.

Where the corpus lives: `--db PATH` (an SQLite file) or `--db postgresql://...`;
without it, $MARSAD_DB, else `marsad.db` in the current directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, MarsadError
from ..store import CorpusStats, Filters, Query, Store, StoredDocument, has_phrase, open_store
from .highlight import Matcher, Snippet, Span, query_keys, snippets
from .query import parse_query, positive_parts

DEFAULT_DB = "marsad.db"
DB_ENVIRONMENT = "MARSAD_DB"

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
    total_is_estimate: bool  # True when `total` is a bound (large answers, unchecked phrase candidates)
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
        match = store.match(parsed, filters, clusters=not all_copies, batch=max(50, limit * 3))
        found = list(_collapse(match.documents, parsed, all_copies, verify, limit))
        copies = store.copies([document.cluster_pk for document in found])
        total, exact = match.total
    if len(found) < limit:  # every candidate was seen: the count is exact
        total, exact = len(found), True
    elif verify:  # phrase candidates not yet checked may not be matches
        exact = False
    parts = positive_parts(parsed) if parsed is not None else []
    wanted = query_keys(parts)
    hits = [
        Hit(
            document=document,
            copies=copies.get(document.cluster_pk, 1),
            title_highlights=Matcher(document.title, wanted=wanted).spans(parts),
            snippets=snippets(document.text, Matcher(document.text, wanted=wanted).spans(parts)),
        )
        for document in found
    ]
    return SearchResult(hits, max(total, len(hits)), not exact, parsed)


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
    batch = 200 if limit is None else max(50, limit * 3)
    documents = store.candidates(query, filters, batch=batch, order=order, with_analysis=with_analysis)
    yield from _collapse(documents, query, all_copies, verify, limit)


def _collapse(
    documents: Iterable[StoredDocument], query: Query | None, all_copies: bool, verify: bool, limit: int | None
) -> Iterator[StoredDocument]:
    """One document per cluster (the first, i.e. best, seen) unless all_copies; phrases checked when asked."""
    seen: set[int] = set()
    produced = 0
    wanted = query_keys(query) if verify and query is not None else None
    for document in documents:
        if not all_copies and document.cluster_pk in seen:
            continue
        if verify and not Matcher(document.title, document.text, wanted=wanted).matches(query):
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
