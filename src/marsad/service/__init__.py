"""The core facade: the CLI, the API and the web pages call these, nothing deeper."""

from .analysis import Outcome, analyse_documents, analyse_paths, analyse_text, parse_published, pipeline_for
from .analysis import with_ner_model
from .reading import read_options, read_sources
from .train import parse_grid, train_ner

__all__ = [
    "Outcome",
    "analyse_documents",
    "analyse_paths",
    "analyse_text",
    "parse_published",
    "pipeline_for",
    "read_options",
    "read_sources",
    "parse_grid",
    "train_ner",
    "with_ner_model",
]
