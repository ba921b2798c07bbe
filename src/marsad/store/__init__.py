"""The corpus store: documents, their analyses and the indexes that make them searchable.

`open_store("marsad.db")` opens (or creates) an SQLite corpus;
`open_store("postgresql://user:pw@host/db")` a PostgreSQL one.  Both implement
`Store`.  The store imports the contract (`marsad.model`) and the error catalogue
only; normalised keys and search terms come from the service layer.
"""

from __future__ import annotations

from pathlib import Path

from .base import Match, Store, StoreWriter
from .query import And, Not, Or, Phrase, Query, Term, has_phrase
from .records import (
    AnalysisRows,
    ClusterSummary,
    CorpusStats,
    Count,
    EntityRow,
    EventRow,
    Existing,
    Filters,
    IndexedDocument,
    Neighbour,
    QuoteRow,
    StoredDocument,
    TechniqueRow,
    Total,
)

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_SCHEMES)


def open_store(target: str | Path, create: bool = True) -> Store:
    """An SQLite file path or a PostgreSQL DSN.  With `create=False` a missing corpus is an error (M320)."""
    if is_postgres(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target), create=create)
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(target), create=create)


__all__ = [
    "And",
    "AnalysisRows",
    "ClusterSummary",
    "CorpusStats",
    "Count",
    "EntityRow",
    "EventRow",
    "Existing",
    "Filters",
    "Match",
    "IndexedDocument",
    "Neighbour",
    "Not",
    "Or",
    "Phrase",
    "Query",
    "QuoteRow",
    "Store",
    "StoreWriter",
    "StoredDocument",
    "TechniqueRow",
    "Term",
    "Total",
    "has_phrase",
    "is_postgres",
    "open_store",
]
