"""The `quotes` analyser: speech in quotation marks, with its speaker and reporting verb."""

from __future__ import annotations

from ...analyser import Analyser, AnalyserConfig
from ...model import Analysis
from ...views import token_view
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
        view = token_view(analysis)
        reader = QuoteReader(analysis.text, view.tokens, view.sentence_of, analysis.entities, self.lexicon, regions)
        analysis.quotes = reader.read()

