"""The text layer as analysers: tokens and sentences over the original text."""

from __future__ import annotations

from ..analyser import Analyser
from ..model import Analysis, Sentence
from ..text import split_sentences, tokenize


class TokensAnalyser(Analyser):
    """Adds `views["tokens"]`: every token with its original offsets (not serialised)."""

    name = "tokens"
    provides = ("tokens",)

    def __call__(self, analysis: Analysis) -> None:
        analysis.views["tokens"] = tokenize(analysis.text)


class SentencesAnalyser(Analyser):
    name = "sentences"
    provides = ("sentences",)

    def __call__(self, analysis: Analysis) -> None:
        analysis.sentences = [Sentence(span.start, span.end) for span in split_sentences(analysis.text)]
