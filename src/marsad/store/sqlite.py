"""The SQLite backend: one file, WAL, FTS5 over search keys, forward migrations.

The search index is a contentless FTS5 table whose rowid is the document's pk; its
text is the search keys of every word (several readings per word, in text order).
FTS5 cannot put two readings at one position, so a phrase query is compiled to NEAR
groups that every true match satisfies, and `exact_phrases` is False: the service
checks phrase candidates word by word.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import Errors, MarsadError
from . import sql
from .base import Match, Store, StoreWriter, filters_used
from .query import And, Not, Or, Phrase, Query, Term, has_phrase
from .records import (
    AnalysisRows,
    CorpusStats,
    Existing,
    Filters,
    IndexedDocument,
    Neighbour,
    StoredDocument,
    Total,
)

# Each migration moves the schema one version forward; never edit a released one.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "documents, analyses, index tables, near-duplicate bands, FTS5 search",
        [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
# Rows stay small (filters and joins read many of them); the texts live apart.
            """CREATE TABLE documents (
                pk INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                source TEXT, url TEXT, published TEXT,
                content_hash TEXT NOT NULL,
                cluster INTEGER NOT NULL,
                ingested_at TEXT NOT NULL)""",
            """CREATE TABLE document_texts (
                doc INTEGER PRIMARY KEY REFERENCES documents (pk), title TEXT NOT NULL, text TEXT NOT NULL)""",
            "CREATE INDEX documents_cluster ON documents (cluster)",
            "CREATE INDEX documents_hash ON documents (content_hash)",
            "CREATE INDEX documents_published ON documents (published)",
            """CREATE TABLE analyses (
                doc INTEGER PRIMARY KEY REFERENCES documents (pk),
                layers TEXT NOT NULL, json TEXT NOT NULL, analysed_at TEXT NOT NULL)""",
            """CREATE TABLE entities (
                doc INTEGER NOT NULL REFERENCES documents (pk), type TEXT NOT NULL,
                surface TEXT NOT NULL, key TEXT NOT NULL, canonical TEXT, canonical_key TEXT, kind TEXT,
                start_char INTEGER NOT NULL, end_char INTEGER NOT NULL)""",
            "CREATE INDEX entities_doc ON entities (doc)",
            "CREATE INDEX entities_key ON entities (key)",
            "CREATE INDEX entities_canonical ON entities (canonical_key)",
            """CREATE TABLE events (
                doc INTEGER NOT NULL REFERENCES documents (pk),
                type TEXT NOT NULL, type_key TEXT NOT NULL, event_type TEXT NOT NULL, event_type_key TEXT NOT NULL,
                actor1 TEXT, actor1_key TEXT, actor2 TEXT, actor2_key TEXT, location TEXT, location_key TEXT,
                date TEXT, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, confidence REAL NOT NULL)""",
            "CREATE INDEX events_doc ON events (doc)",
            "CREATE INDEX events_type ON events (type_key)",
            "CREATE INDEX events_event_type ON events (event_type_key)",
            "CREATE INDEX events_actor1 ON events (actor1_key)",
            "CREATE INDEX events_actor2 ON events (actor2_key)",
            "CREATE INDEX events_location ON events (location_key)",
            """CREATE TABLE quotes (
                doc INTEGER NOT NULL REFERENCES documents (pk), speaker TEXT, speaker_key TEXT, verb TEXT,
                start_char INTEGER NOT NULL, end_char INTEGER NOT NULL)""",
            "CREATE INDEX quotes_doc ON quotes (doc)",
            "CREATE INDEX quotes_speaker ON quotes (speaker_key)",
            """CREATE TABLE techniques (
                doc INTEGER NOT NULL REFERENCES documents (pk), label TEXT NOT NULL, label_key TEXT NOT NULL,
                start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, score REAL NOT NULL)""",
            "CREATE INDEX techniques_doc ON techniques (doc)",
            "CREATE INDEX techniques_label ON techniques (label_key)",
            "CREATE TABLE signatures (doc INTEGER PRIMARY KEY REFERENCES documents (pk), signature BLOB NOT NULL)",
            "CREATE TABLE lsh_bands (band INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (band, doc)) WITHOUT ROWID",
            # Search keys arrive normalised, lower-case and made of letters and digits only,
            # separated by spaces: the ascii tokeniser (every non-ASCII character is part
            # of a token) splits them exactly, and faster than unicode61.
            "CREATE VIRTUAL TABLE search USING fts5 (terms, content='', tokenize='ascii')",
        ],
    ),
]
LATEST = MIGRATIONS[-1][0]
BUSY_TIMEOUT_MS = 30_000
# Most readings one word is indexed under (see marsad.text.match_keys); bounds NEAR windows.
MAX_READINGS = 6
MAX_PHRASE_COMBINATIONS = 64
MAX_NEIGHBOURS = 100
# Page cache per connection (SQLite's default is 2 MiB): the FTS segments, the LSH band
# index and the pk indexes of a large corpus stay in memory while a batch is written
# or a query runs.  A fixed bound, so memory stays flat as the corpus grows.
CACHE_KIB = 32 * 1024


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class SQLiteStore(Store):
    exact_phrases = False

    def __init__(self, path: Path, create: bool = True) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        if not create and not self.path.exists():
            raise MarsadError(Errors.M320, location=self.path)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._write = self._connect(self.path)
        self._configure_writer()
        migrate(self._write)

    # -- connections -------------------------------------------------------------
    def _connect(self, path: Path, read_only: bool = False) -> sqlite3.Connection:
        try:
            if read_only:
                connection = sqlite3.connect(
                    f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as error:
            raise MarsadError(Errors.M329, location=path, reason=str(error)) from None
        return connection

    def _configure_writer(self) -> None:
        try:
            self._write.execute("PRAGMA journal_mode = WAL")
            self._write.execute("PRAGMA synchronous = NORMAL")
            self._write.execute("PRAGMA foreign_keys = ON")
            self._write.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._write.execute("PRAGMA temp_store = MEMORY")
        except sqlite3.OperationalError as error:
            raise MarsadError(Errors.M329, location=self.path, reason=str(error)) from None

    def _reader(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect(self.path, read_only=True)
            connection.execute("PRAGMA query_only = ON")
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._local.connection = connection
            with self._readers_lock:
                self._readers.append(connection)
        return connection

    def close(self) -> None:
        with self._readers_lock:
            for connection in self._readers:
                connection.close()
            self._readers.clear()
        self._write.close()

    def schema_version(self) -> int:
        return current_version(self._reader())

    # -- writing -----------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[StoreWriter]:
        with self._write_lock:
            writer = _SQLiteWriter(self._write)
            try:
                yield writer
            except BaseException:
                writer.rollback()
                raise
            writer.finish()

    # -- reading -----------------------------------------------------------------
    def candidates(
        self,
        query: Query | None,
        filters: Filters,
        batch: int = 200,
        order: str = "best",
        with_analysis: bool = False,
    ) -> Iterator[StoredDocument]:
        floor = None
        if query is not None and order == "best":
            source, clauses, params = self._match(query, filters)
            floor = self._window_floor(source, clauses, params)
        return self._documents(query, filters, batch, order, with_analysis, floor)

    def match(self, query: Query | None, filters: Filters, clusters: bool = True, batch: int = 200) -> Match:
        """One pass over the matches, newest first, gives the count, the clusters and the
        ranking window; phrases are counted by their words (a bound) and ranked exactly."""
        if query is None or (not filters_used(filters) and not has_phrase(query)):
            return super().match(query, filters, clusters, batch)
        source, clauses, params = self._match(query, filters, near=False)
        if not filters_used(filters):
            source = "search"
        # Without a phrase the scan matches exactly, so it also gives each match's rank:
        # the ranking needs no second pass over the index and the filters.
        ranked = source != "search" and not has_phrase(query)
        rows = self._reader().execute(
            f"SELECT search.rowid{', d.cluster' if source != 'search' else ''}{', search.rank' if ranked else ''} "
            f"FROM {source} {_where(clauses)} ORDER BY search.rowid DESC LIMIT ?",
            params + [sql.COUNT_CAP + 1],
        ).fetchall()
        exact = len(rows) <= sql.COUNT_CAP and not has_phrase(query)
        if len(rows) > sql.COUNT_CAP:
            total = Total(sql.COUNT_CAP, False)
        elif clusters and source != "search":
            total = Total(len({row[1] for row in rows}), exact)
        else:
            total = Total(len(rows), exact and not clusters)
        if ranked:
            best = sorted(rows[: sql.RANK_WINDOW], key=lambda row: (row[2], -row[0]))
            return Match(total, self._documents_in_order([(row[0], row[2]) for row in best], batch))
        floor = rows[min(len(rows), sql.RANK_WINDOW) - 1][0] if rows else None
        return Match(total, self._documents(query, filters, batch, "best", False, floor))

    def _documents_in_order(self, ranked: list[tuple[int, float]], batch: int) -> Iterator[StoredDocument]:
        """The documents of (pk, rank) pairs, in that order, read a page at a time."""
        for start in range(0, len(ranked), batch):
            page = ranked[start : start + batch]
            marks = ", ".join("?" * len(page))
            rows = self._reader().execute(
                f"SELECT {sql.DOCUMENT_COLUMNS} FROM documents d JOIN document_texts t ON t.doc = d.pk "
                f"JOIN documents c ON c.pk = d.cluster WHERE d.pk IN ({marks})",
                [pk for pk, _ in page],
            ).fetchall()
            by_pk = {row[0]: row for row in rows}
            for pk, rank in page:
                yield sql.stored_document(by_pk[pk], None, rank)

    def _documents(
        self, query: Query | None, filters: Filters, batch: int, order: str, with_analysis: bool, floor: int | None
    ) -> Iterator[StoredDocument]:
        source, clauses, params = self._match(query, filters)
        key = "d.pk"
        if query is not None and not filters_used(filters):
            # Every indexed row is a stored document: rank the index alone, no join per match.
            source, key = "search", "search.rowid"
        if order == "ingested":
            order_by = key
        elif query is None:
            order_by = "d.published DESC, d.pk DESC"
        else:
            order_by = f"search.rank, {key} DESC"
        if floor is not None:
            clauses, params = clauses + ["search.rowid >= ?"], params + [floor]
        # Rank and page over pks first, then read the texts of that page only.
        page = f"SELECT {key} AS pk{', search.rank AS rank' if query else ''} FROM {source} {_where(clauses)} ORDER BY {order_by} LIMIT ? OFFSET ?"
        columns = sql.DOCUMENT_COLUMNS + (", a.json" if with_analysis else "") + (", hits.rank" if query else "")
        select = (
            f"SELECT {columns} FROM ({page}) hits JOIN documents d ON d.pk = hits.pk "
            "JOIN document_texts t ON t.doc = d.pk JOIN documents c ON c.pk = d.cluster"
            + (" LEFT JOIN analyses a ON a.doc = d.pk" if with_analysis else "")
            + f" ORDER BY {'d.pk' if order == 'ingested' else 'hits.rank, d.pk DESC' if query else order_by}"
        )
        offset = 0
        while True:
            rows = self._reader().execute(select, params + [batch, offset]).fetchall()
            for row in rows:
                yield sql.stored_document(row, row[10] if with_analysis else None, row[-1] if query else 0.0)
            if len(rows) < batch:
                return
            offset += batch

    def _match(self, query: Query | None, filters: Filters, near: bool = True) -> tuple[str, list[str], list]:
        """FROM, WHERE conditions and parameters selecting the documents that match."""
        clauses, params = sql.filter_clauses(filters)
        if query is None:
            return "documents d", clauses, params
        match = fts5_query(query, near=near)
        return "search JOIN documents d ON d.pk = search.rowid", ["search MATCH ?"] + clauses, [match] + params

    def _window_floor(self, source: str, clauses: list[str], params: list) -> int | None:
        """The pk above which the RANK_WINDOW most recently stored matches lie (None if fewer match)."""
        if len(clauses) == 1:  # the match alone: no need to join the documents
            source = "search"
        row = self._reader().execute(
            f"SELECT search.rowid FROM {source} {_where(clauses)} ORDER BY search.rowid DESC LIMIT 1 OFFSET ?",
            params + [sql.RANK_WINDOW - 1],
        ).fetchone()
        return row[0] if row else None

    def count(self, query: Query | None, filters: Filters, clusters: bool = True) -> Total:
        source, clauses, params = self._match(query, filters)
        db = self._reader()
        if not filters_used(filters):
            if query is None:
                statement = "SELECT count(DISTINCT cluster) FROM documents" if clusters else "SELECT count(*) FROM documents"
                return Total(db.execute(statement).fetchone()[0], True)
            documents = db.execute("SELECT count(*) FROM search WHERE search MATCH ?", params[:1]).fetchone()[0]
        else:
            documents = db.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {source} {_where(clauses)} LIMIT ?)", params + [sql.COUNT_CAP + 1]
            ).fetchone()[0]
            if documents > sql.COUNT_CAP:
                return Total(sql.COUNT_CAP, False)
        if not clusters:
            return Total(documents, True)
        if documents > sql.CLUSTER_COUNT_CAP:
            return Total(documents, False)
        statement = f"SELECT count(DISTINCT d.cluster) FROM {source} {_where(clauses)}"
        return Total(db.execute(statement, params).fetchone()[0], True)

    def existing(self, doc_id: str) -> Existing | None:
        return sql.existing(self._reader().execute(sql.EXISTING, (doc_id,)).fetchone())

    def copies(self, cluster_pks: Sequence[int]) -> dict[int, int]:
        if not cluster_pks:
            return {}
        marks = ", ".join("?" * len(cluster_pks))
        rows = self._reader().execute(
            f"SELECT cluster, count(*) FROM documents WHERE cluster IN ({marks}) GROUP BY cluster", list(cluster_pks)
        )
        return dict(rows.fetchall())

    def get(self, doc_id: str) -> StoredDocument | None:
        return sql.stored_with_analysis(self._reader().execute(sql.GET_DOCUMENT, (doc_id,)).fetchone())

    def stats(self, top: int = 10) -> CorpusStats:
        db = self._reader()
        one = lambda statement, *params: db.execute(statement, params).fetchone()  # noqa: E731
        many = lambda statement, *params: db.execute(statement, params).fetchall()  # noqa: E731
        return sql.corpus_stats(one, many, top, current_version(db), self.location)


class _SQLiteWriter(StoreWriter):
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self._begin()

    def _begin(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise MarsadError(Errors.M328, reason=str(error)) from None
        # The write lock is ours until COMMIT: the next pk is known, so a document that
        # starts its own cluster is written in one statement.
        self.next_pk = self.db.execute("SELECT COALESCE(max(pk), 0) + 1 FROM documents").fetchone()[0]

    def existing(self, doc_id: str) -> Existing | None:
        return sql.existing(self.db.execute(sql.EXISTING, (doc_id,)).fetchone())

    def same_content(self, content_hash: str) -> int | None:
        row = self.db.execute(sql.SAME_CONTENT, (content_hash,)).fetchone()
        return row[0] if row else None

    def neighbours(self, bands: Sequence[int]) -> list[Neighbour]:
        if not bands:
            return []
        marks = ", ".join("?" * len(bands))
        rows = self.db.execute(
            "SELECT d.pk, d.cluster, s.signature FROM documents d JOIN signatures s ON s.doc = d.pk "
            f"WHERE d.pk IN (SELECT doc FROM lsh_bands WHERE band IN ({marks})) ORDER BY d.pk LIMIT ?",
            list(bands) + [MAX_NEIGHBOURS],
        )
        return [Neighbour(pk, cluster, bytes(signature)) for pk, cluster, signature in rows]

    def add(self, indexed: IndexedDocument, cluster: int | None) -> int:
        doc = indexed.document
        pk = self.next_pk
        self.db.execute(
            "INSERT INTO documents (pk, id, source, url, published, content_hash, cluster, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                pk, doc.id, doc.source, doc.url, doc.published.isoformat() if doc.published else None,
                indexed.content_hash, pk if cluster is None else cluster, now(),
            ),
        )
        self.db.execute("INSERT INTO document_texts (doc, title, text) VALUES (?, ?, ?)", (pk, doc.title, doc.text))
        self.next_pk += 1
        self.db.execute("INSERT INTO search (rowid, terms) VALUES (?, ?)", (pk, terms_text(indexed.terms)))
        if indexed.signature is not None:
            self.db.execute("INSERT INTO signatures (doc, signature) VALUES (?, ?)", (pk, indexed.signature))
            if cluster is None:  # only a cluster's first document is looked up: see base.StoreWriter.add
                self.db.execute(_insert_bands(len(indexed.bands)), [v for band in indexed.bands for v in (band, pk)])
        if indexed.analysis is not None:
            self.add_analysis(pk, indexed.analysis)
        return pk

    def add_analysis(self, pk: int, rows: AnalysisRows) -> None:
        self.db.execute(
            "INSERT INTO analyses (doc, layers, json, analysed_at) VALUES (?, ?, ?, ?)",
            (pk, ",".join(rows.analysis.layers), sql.analysis_json(rows.analysis), now()),
        )
        self.db.executemany(sql.INSERT_ENTITY, sql.entity_params(pk, rows))
        self.db.executemany(sql.INSERT_EVENT, sql.event_params(pk, rows))
        self.db.executemany(sql.INSERT_QUOTE, sql.quote_params(pk, rows))
        self.db.executemany(sql.INSERT_TECHNIQUE, sql.technique_params(pk, rows))

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self._begin()

    def finish(self) -> None:
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")


@functools.lru_cache(maxsize=8)
def _insert_bands(count: int) -> str:
    """One statement for all of a document's bands (cheaper than executemany's row-by-row calls)."""
    return "INSERT OR IGNORE INTO lsh_bands (band, doc) VALUES " + ", ".join(["(?, ?)"] * count)


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def terms_text(terms: list[tuple[str, ...]]) -> str:
    return " ".join(itertools.chain.from_iterable(terms))


# -- FTS5 query compilation ----------------------------------------------------------
def fts5_query(query: Query, near: bool = True) -> str:
    """The FTS5 MATCH expression.  A phrase becomes NEAR groups (`near`) or, cheaper and
    looser, the AND of its words; a negated phrase is always negated exactly by NEAR."""
    if isinstance(query, Term):
        return _term(query)
    if isinstance(query, Phrase):
        return _phrase(query) if near else "(" + " AND ".join(_term(term) for term in query.terms) + ")"
    if isinstance(query, Or):
        return "(" + " OR ".join(fts5_query(part, near) for part in query.parts) + ")"
    if isinstance(query, And):
        positive = [fts5_query(p, near) for p in query.parts if not isinstance(p, Not)]
        negative = [fts5_query(p.part) for p in query.parts if isinstance(p, Not)]
        if not positive:
            raise MarsadError(Errors.M324, query="NOT ...")
        expression = "(" + " AND ".join(positive) + ")"
        for part in negative:
            expression = f"({expression} NOT {part})"
        return expression
    raise MarsadError(Errors.M324, query="NOT ...")  # a bare NOT has nothing to look up


def _quote(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def _term(term: Term) -> str:
    if len(term.keys) == 1:
        return _quote(term.keys[0])
    return "(" + " OR ".join(_quote(key) for key in term.keys) + ")"


def _phrase(phrase: Phrase) -> str:
    """NEAR groups over every choice of one key per word (exactness is checked later)."""
    if len(phrase.terms) == 1:
        return _term(phrase.terms[0])
    combinations = 1
    for term in phrase.terms:
        combinations *= len(term.keys)
    if combinations > MAX_PHRASE_COMBINATIONS:
        return "(" + " AND ".join(_term(term) for term in phrase.terms) + ")"
    window = (len(phrase.terms) - 1) * 2 * MAX_READINGS
    groups = [
        f"NEAR({' '.join(_quote(key) for key in choice)}, {window})"
        for choice in itertools.product(*(term.keys for term in phrase.terms))
    ]
    return "(" + " OR ".join(groups) + ")"


# -- migrations ------------------------------------------------------------------------
def current_version(db: sqlite3.Connection) -> int:
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_version'").fetchone()
    if not exists:
        return 0
    return db.execute("SELECT COALESCE(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(db: sqlite3.Connection) -> None:
    """Apply every pending migration, each in its own transaction."""
    if current_version(db) > LATEST:
        raise MarsadError(Errors.M321, location="the SQLite file", found=current_version(db), latest=LATEST)
    if current_version(db) == LATEST:
        return
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise MarsadError(Errors.M328, reason=str(error)) from None
    try:
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
        for version, _description, statements in MIGRATIONS:
            if version <= current_version(db):
                continue
            for statement in statements:
                db.execute(statement)
            db.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (version, now()))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
