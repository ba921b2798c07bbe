"""Exports of the corpus: JSON Lines (the analysis contract), CSV and Parquet (one row
per document), ACLED-style CSV (one row per event).

A file is written next to its destination and renamed into place when complete, so
a failed export never leaves half a file under the requested name.  Rows stream:
memory does not grow with the corpus.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .acled import ACLED_COLUMNS, TRACE_COLUMNS
from .acled import acled_rows as analysis_acled_rows
from ..errors import Errors, MarsadError
from ..model import CONVENTION_BELOW, Analysis
from ..store import Filters, Store, StoredDocument
from .corpus import matching_documents, opened
from .query import parse_query

FORMATS = ("jsonl", "csv", "parquet", "acled")
DOCUMENT_COLUMNS = (
    "id", "title", "published", "source", "url", "cluster_id", "ingested_at",
    "layers", "actors", "places", "event_types", "techniques", "text",
)
PARQUET_BATCH = 1000


@dataclass(frozen=True)
class ExportReport:
    path: str
    format: str
    documents: int
    rows: int


def export_documents(
    fmt: str,
    out: str | Path,
    db: Store | str | Path | None = None,
    query: str | None = None,
    filters: Filters | None = None,
    all_copies: bool = False,
) -> ExportReport:
    """Write the matching documents (one per near-duplicate cluster unless `all_copies`) to `out`."""
    if fmt not in FORMATS:
        raise MarsadError(Errors.M325, value=fmt, formats=", ".join(FORMATS))
    parsed = parse_query(query) if query and query.strip() else None
    writer = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "acled": _acled}[fmt]
    with opened(db) as store:
        documents = _Counted(
            matching_documents(store, parsed, filters or Filters(), all_copies, order="ingested", with_analysis=True)
        )
        rows = writer(documents, str(out))
    return ExportReport(str(out), fmt, documents.count, rows)


class _Counted:
    def __init__(self, documents: Iterable[StoredDocument]) -> None:
        self.documents = documents
        self.count = 0

    def __iter__(self) -> Iterator[StoredDocument]:
        for document in self.documents:
            self.count += 1
            yield document


def contract(document: StoredDocument) -> dict[str, Any]:
    """The analysis contract of a stored document (empty layers when it was never analysed)."""
    if document.analysis is not None:
        return document.analysis
    return Analysis.of(document.document()).to_dict()


@contextmanager
def _destination(out: str, binary: bool = False) -> Iterator[IO]:
    """`out` written atomically, or stdout for "-"."""
    if out == "-":
        if binary:
            raise MarsadError(Errors.M326, path="-", reason="this format is binary; give a file name")
        yield sys.stdout
        return
    path = Path(out)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    except OSError as error:
        raise MarsadError(Errors.M326, path=out, reason=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _jsonl(documents: Iterable[StoredDocument], out: str) -> int:
    rows = 0
    with _destination(out) as stream:
        for document in documents:
            stream.write(json.dumps(contract(document), ensure_ascii=False) + "\n")
            rows += 1
    return rows


def _shown_techniques(analysis: dict) -> Iterable[str]:
    """Labels of the techniques above the convention tier (as the pretty view and search show them)."""
    techniques = analysis.get("rhetoric", {}).get("techniques", [])
    return dict.fromkeys(t["label"] for t in techniques if t.get("score", 1.0) >= CONVENTION_BELOW)


def _names(entities: list[dict], places: bool) -> str:
    chosen = [e.get("canonical") or e["text"] for e in entities if (e.get("type") == "LOC") == places]
    return "; ".join(dict.fromkeys(chosen))


def document_row(document: StoredDocument) -> dict[str, Any]:
    analysis = document.analysis or {}
    entities = analysis.get("entities", [])
    return {
        "id": document.id,
        "title": document.title,
        "published": document.published.isoformat() if document.published else "",
        "source": document.source or "",
        "url": document.url or "",
        "cluster_id": document.cluster_id,
        "ingested_at": document.ingested_at,
        "layers": ",".join(analysis.get("layers", [])),
        "actors": _names(entities, places=False),
        "places": _names(entities, places=True),
        "event_types": "; ".join(dict.fromkeys(e["type"] for e in analysis.get("events", []))),
        "techniques": "; ".join(_shown_techniques(analysis)),
        "text": document.text,
    }


def _csv(documents: Iterable[StoredDocument], out: str) -> int:
    rows = 0
    with _destination(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=DOCUMENT_COLUMNS)
        writer.writeheader()
        for document in documents:
            writer.writerow(document_row(document))
            rows += 1
    return rows


def _parquet(documents: Iterable[StoredDocument], out: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MarsadError(Errors.M327, feature="Parquet export", package="pyarrow", extra="parquet") from None
    schema = pa.schema([(name, pa.string()) for name in DOCUMENT_COLUMNS] + [("analysis", pa.string())])
    rows = 0
    with _destination(out, binary=True) as stream:
        with pq.ParquetWriter(stream, schema) as writer:
            batch: list[dict[str, Any]] = []
            for document in documents:
                row = document_row(document)
                row["analysis"] = json.dumps(document.analysis, ensure_ascii=False) if document.analysis else None
                batch.append(row)
                if len(batch) >= PARQUET_BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    rows += len(batch)
                    batch = []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            rows += len(batch)
    return rows


def acled_rows(document: StoredDocument) -> Iterator[dict[str, Any]]:
    """One ACLED-style row per event of a stored document (the same rows as --events-csv)."""
    return analysis_acled_rows(document.analysis or {}, source=document.source or document.url or "", document_id=document.id)


def _acled(documents: Iterable[StoredDocument], out: str) -> int:
    rows = 0
    with _destination(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS + TRACE_COLUMNS)
        writer.writeheader()
        for document in documents:
            for row in acled_rows(document):
                writer.writerow(row)
                rows += 1
    return rows


__all__ = ["ACLED_COLUMNS", "DOCUMENT_COLUMNS", "FORMATS", "ExportReport", "contract", "export_documents"]
