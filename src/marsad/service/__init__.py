"""The core facade: the CLI, the API and the web pages call these, nothing deeper."""

from ..analyser import AnalyserConfig
from .acled import ACLED_COLUMNS, EventsCsv, acled_rows, write_events_csv
from .analysis import (
    Outcome,
    analyse_documents,
    analyse_paths,
    analyse_text,
    analyser_config,
    parse_published,
    pipeline_for,
)
from .corpus import Hit, SearchResult, corpus_stats, default_db, get_document, search
from .export import FORMATS as EXPORT_FORMATS
from .export import ExportReport, export_documents
from .ingestion import IngestReport, Ingestion, IngestStep
from .names import build_filters
from .reading import read_options, read_sources
from .rhetoric import Evaluation, evaluate, train_emotions_model, train_techniques_model
from .train import parse_grid, train_ner

__all__ = [
    "ACLED_COLUMNS",
    "AnalyserConfig",
    "EXPORT_FORMATS",
    "Evaluation",
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
    "analyser_config",
    "build_filters",
    "corpus_stats",
    "default_db",
    "evaluate",
    "export_documents",
    "get_document",
    "parse_grid",
    "parse_published",
    "pipeline_for",
    "read_options",
    "read_sources",
    "search",
    "train_emotions_model",
    "train_ner",
    "train_techniques_model",
    "write_events_csv",
]
