"""The core facade: the CLI, the API and the web pages call these, nothing deeper."""

from ..analyser import AnalyserConfig
from .analysis import Outcome, analyse_documents, analyse_paths, analyse_text, parse_published, pipeline_for
from .rhetoric import Evaluation, evaluate, train_emotions_model, train_techniques_model

__all__ = [
    "AnalyserConfig",
    "Evaluation",
    "Outcome",
    "analyse_documents",
    "analyse_paths",
    "analyse_text",
    "evaluate",
    "parse_published",
    "pipeline_for",
    "train_emotions_model",
    "train_techniques_model",
]
