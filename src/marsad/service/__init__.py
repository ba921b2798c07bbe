"""The core facade: the CLI, the API and the web pages call these, nothing deeper."""

from .acled import ACLED_COLUMNS, EventsCsv, acled_rows, write_events_csv
from .analysis import Outcome, analyse_documents, analyse_paths, analyse_text, parse_published, pipeline_for
from .reading import read_options, read_sources

__all__ = [
    "ACLED_COLUMNS",
    "EventsCsv",
    "acled_rows",
    "write_events_csv",
    "Outcome",
    "analyse_documents",
    "analyse_paths",
    "analyse_text",
    "parse_published",
    "pipeline_for",
    "read_options",
    "read_sources",
]
