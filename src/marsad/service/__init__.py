"""The core facade: the CLI, the API and the web pages call these, nothing deeper."""

from .acled import ACLED_COLUMNS, EventsCsv, acled_rows, write_events_csv
from .analysis import Outcome, analyse_documents, analyse_paths, analyse_text, parse_published, pipeline_for
from .analysis import with_ner_model
from .reading import read_options, read_sources
from .train import parse_grid, train_ner
from .corpus import (
    Hit,
    SearchResult,
    corpus_stats,
    default_db,
    get_document,
    search,
)
from .export import FORMATS as EXPORT_FORMATS
from .ingestion import IngestReport, Ingestion, IngestStep
from .names import build_filters
from .export import ExportReport, export_documents

__all__ = [
    "ACLED_COLUMNS",
    "EXPORT_FORMATS",
    "EventsCsv",
    "ExportReport",
    "Hit",
    "IngestReport",
    "IngestStep",
    "Ingestion",
    "Outcome",
    "SearchResult",
    "acled_rows",
    "analyse_documents",
    "analyse_paths",
    "analyse_text",
    "build_filters",
    "corpus_stats",
    "default_db",
    "export_documents",
    "get_document",
    "parse_grid",
    "parse_published",
    "pipeline_for",
    "read_options",
    "read_sources",
    "search",
    "train_ner",
    "with_ner_model",
    "write_events_csv",
]
