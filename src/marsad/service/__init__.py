"""The core facade: the CLI, the API and the web pages call these, nothing deeper."""

from .analysis import Outcome, analyse_documents, analyse_paths, analyse_text, parse_published, pipeline_for
from .reading import read_options, read_sources

__all__ = [
    "Outcome",
    "analyse_documents",
    "analyse_paths",
    "analyse_text",
    "parse_published",
    "pipeline_for",
    "read_options",
    "read_sources",
]
