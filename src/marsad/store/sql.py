"""SQL shared by the backends: filters, analysis JSON, row conversion.

Placeholders are written `?` and converted by the PostgreSQL backend.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..model import CONVENTION_BELOW, Analysis
from .records import AnalysisRows, ClusterSummary, CorpusStats, Count, Existing, Filters, StoredDocument

# Relevance is computed over at most this many matches, the most recently stored.
RANK_WINDOW = 5_000
# Counting with filters stops here ("more than 10,000"); clusters are counted
# exactly up to CLUSTER_COUNT_CAP matching documents.
COUNT_CAP = 10_000
CLUSTER_COUNT_CAP = 5_000

DOCUMENT_FIELDS = ("schema", "id", "source", "url", "published", "title", "text")

# Columns of StoredDocument, in order, read by every document query (`d` is the
# document, `t` where its title and text are kept, `c` the first document of its
# cluster, `a` its analysis).
DOCUMENT_COLUMNS = (
    "d.pk, d.id, t.title, t.text, d.source, d.url, d.published, c.id, d.cluster, d.ingested_at"
)


def analysis_json(analysis: Analysis) -> str:
    """The contract JSON without the document's own fields (stored once, in documents)."""
    data = analysis.to_dict()
    for name in DOCUMENT_FIELDS:
        if name != "schema":
            data.pop(name, None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def merge_analysis(stored: str | None, document: StoredDocument) -> dict[str, Any] | None:
    """The full contract JSON: document fields first, then the stored layers."""
    if stored is None:
        return None
    layers = json.loads(stored)
    data: dict[str, Any] = {
        "schema": layers.pop("schema", "marsad.analysis/1"),
        "id": document.id,
        "source": document.source,
        "url": document.url,
        "published": document.published.isoformat() if document.published else None,
        "title": document.title,
        "text": document.text,
    }
    data.update(layers)
    return data


def to_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def stored_document(row: tuple, analysis: str | None = None, rank: float = 0.0) -> StoredDocument:
    pk, doc_id, title, text, source, url, published, cluster_id, cluster_pk, ingested_at = row[:10]
    document = StoredDocument(
        pk=pk,
        id=doc_id,
        title=title,
        text=text,
        source=source,
        url=url,
        published=to_date(published),
        cluster_id=cluster_id,
        cluster_pk=cluster_pk,
        ingested_at=str(ingested_at),
        rank=float(rank or 0.0),
    )
    document.analysis = merge_analysis(analysis, document)
    return document


def _in(column: str, values: tuple[str, ...]) -> tuple[str, list[Any]]:
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def _name_clause(keys: tuple[str, ...], entity_types: str, event_columns: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Documents where an entity of the right type, or an event field, carries one of `keys`."""
    parts: list[str] = []
    params: list[Any] = []
    for column in ("key", "canonical_key"):
        clause, values = _in(column, keys)
        parts.append(f"SELECT doc FROM entities WHERE {clause} AND {entity_types}")
        params += values
    for column in event_columns:
        clause, values = _in(column, keys)
        parts.append(f"SELECT doc FROM events WHERE {clause}")
        params += values
    return "d.pk IN (" + " UNION ".join(parts) + ")", params


def filter_clauses(filters: Filters) -> tuple[list[str], list[Any]]:
    """WHERE conditions (joined with AND by the caller) and their parameters."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(clause: str, values: list[Any]) -> None:
        clauses.append(clause)
        params.extend(values)

    for keys in filters.actors:
        add(*_name_clause(keys, "type <> 'LOC'", ("actor1_key", "actor2_key")))
    for keys in filters.places:
        add(*_name_clause(keys, "type = 'LOC'", ("location_key",)))
    if filters.event_types:
        types = tuple(t.lower() for t in filters.event_types)
        first, a = _in("type_key", types)
        second, b = _in("event_type_key", types)
        add(f"d.pk IN (SELECT doc FROM events WHERE {first} UNION SELECT doc FROM events WHERE {second})", a + b)
    if filters.techniques:
        clause, values = _in("label_key", tuple(t.lower() for t in filters.techniques))
        # the convention tier (reporting verbs, titles) would match nearly every article
        add(f"d.pk IN (SELECT doc FROM techniques WHERE {clause} AND score >= ?)", values + [CONVENTION_BELOW])
    if filters.since:
        add("d.published >= ?", [filters.since.isoformat()])
    if filters.until:
        add("d.published <= ?", [filters.until.isoformat()])
    return clauses, params


def entity_params(pk: int, rows: AnalysisRows) -> list[tuple]:
    return [
        (pk, e.type, e.surface, e.key, e.canonical, e.canonical_key, e.kind, e.start, e.end) for e in rows.entities
    ]


def event_params(pk: int, rows: AnalysisRows) -> list[tuple]:
    return [
        (
            pk, e.type, e.type.lower(), e.event_type, e.event_type.lower(),
            e.actor1, e.actor1_key, e.actor2, e.actor2_key, e.location, e.location_key,
            e.date, e.start, e.end, e.confidence,
        )
        for e in rows.events
    ]


def quote_params(pk: int, rows: AnalysisRows) -> list[tuple]:
    return [(pk, q.speaker, q.speaker_key, q.verb, q.start, q.end) for q in rows.quotes]


def technique_params(pk: int, rows: AnalysisRows) -> list[tuple]:
    return [(pk, t.label, t.label.lower(), t.start, t.end, t.score) for t in rows.techniques]


INSERT_ENTITY = (
    "INSERT INTO entities (doc, type, surface, key, canonical, canonical_key, kind, start_char, end_char) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_EVENT = (
    "INSERT INTO events (doc, type, type_key, event_type, event_type_key, actor1, actor1_key, actor2, actor2_key, "
    "location, location_key, date, start_char, end_char, confidence) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_QUOTE = "INSERT INTO quotes (doc, speaker, speaker_key, verb, start_char, end_char) VALUES (?, ?, ?, ?, ?, ?)"
INSERT_TECHNIQUE = (
    "INSERT INTO techniques (doc, label, label_key, start_char, end_char, score) VALUES (?, ?, ?, ?, ?, ?)"
)

# Top actors/places: an entity counts once per cluster; canonical name when known.
TOP_NAMES = """
SELECT name, count(*) AS n FROM (
    SELECT DISTINCT COALESCE(e.canonical, e.surface) AS name, d.cluster
    FROM entities e JOIN documents d ON d.pk = e.doc
    WHERE {condition}
) named
GROUP BY name ORDER BY n DESC, name LIMIT ?
"""

EXISTING = "SELECT d.pk, a.doc IS NOT NULL FROM documents d LEFT JOIN analyses a ON a.doc = d.pk WHERE d.id = ?"
SAME_CONTENT = "SELECT cluster FROM documents WHERE content_hash = ? ORDER BY pk LIMIT 1"
GET_DOCUMENT = (
    f"SELECT {DOCUMENT_COLUMNS}, a.json FROM documents d JOIN document_texts t ON t.doc = d.pk "
    "JOIN documents c ON c.pk = d.cluster "
    "LEFT JOIN analyses a ON a.doc = d.pk WHERE d.id = ?"
)


def existing(row: tuple | None) -> Existing | None:
    """The row of EXISTING as an Existing."""
    return Existing(row[0], bool(row[1])) if row else None


def stored_with_analysis(row: tuple | None) -> StoredDocument | None:
    """The row of GET_DOCUMENT as a StoredDocument with its analysis."""
    return stored_document(row, row[10]) if row else None


def corpus_stats(one, many, top: int, schema_version: int, location: str) -> CorpusStats:
    """`marsad stats` from two callables of the backend: one(statement, *params) -> a row,
    many(statement, *params) -> rows (statements written with `?`)."""
    stats = CorpusStats(schema_version=schema_version, location=location)
    stats.documents, stats.clusters, stats.sources = one(
        "SELECT count(*), count(DISTINCT cluster), count(DISTINCT source) FROM documents"
    )
    stats.copies = stats.documents - stats.clusters
    stats.analysed = one("SELECT count(*) FROM analyses")[0]
    first, last = one("SELECT min(published), max(published) FROM documents")
    stats.first_published, stats.last_published = to_date(first), to_date(last)
    stats.undated = one("SELECT count(*) FROM documents WHERE published IS NULL")[0]
    stats.top_sources = [
        Count(name or "(none)", n)
        for name, n in many("SELECT source, count(*) AS n FROM documents GROUP BY source ORDER BY n DESC, source LIMIT ?", top)
    ]
    stats.top_actors = [Count(*row) for row in many(TOP_NAMES.format(condition="e.type <> 'LOC'"), top)]
    stats.top_places = [Count(*row) for row in many(TOP_NAMES.format(condition="e.type = 'LOC'"), top)]
    stats.largest_clusters = [
        ClusterSummary(*row)
        for row in many(
            "SELECT c.id, t.title, g.n FROM (SELECT cluster, count(*) AS n FROM documents GROUP BY cluster "
            "HAVING count(*) > 1 ORDER BY n DESC LIMIT ?) g JOIN documents c ON c.pk = g.cluster "
            "JOIN document_texts t ON t.doc = c.pk ORDER BY g.n DESC, c.pk",
            top,
        )
    ]
    return stats
