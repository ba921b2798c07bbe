"""The `quotes` analyser: speech in quotation marks, with its speaker and reporting verb."""

from __future__ import annotations

from bisect import bisect_right

from ...analyser import Analyser, AnalyserConfig
from ...model import Analysis, Sentence
from ...text import Token
from .lexicon import load_lexicon
from .marks import quote_regions
from .reader import QuoteReader


class QuotesAnalyser(Analyser):
    """Adds `quotes`.  Speakers come from `Analysis.entities` when an entities analyser
    ran before it (canonical names, coreferent mentions resolved), else from the text."""

    name = "quotes"
    # "entities" is used when present; it becomes a need once the entities analyser is registered.
    needs = ("tokens", "sentences", "entities")
    provides = ("quotes",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        self.lexicon = load_lexicon()

    def __call__(self, analysis: Analysis) -> None:
        regions = quote_regions(analysis.text)
        if not regions:
            return
        tokens = analysis.views["tokens"]
        sentence_of = sentence_of_tokens(tokens, analysis.sentences)
        reader = QuoteReader(analysis.text, tokens, sentence_of, analysis.entities, self.lexicon, regions)
        analysis.quotes = reader.read()


def sentence_of_tokens(tokens: list[Token], sentences: list[Sentence]) -> list[int]:
    """Index of the sentence each token starts in (the previous one between sentences)."""
    starts = [sentence.start for sentence in sentences]
    return [bisect_right(starts, token.start) - 1 for token in tokens]
