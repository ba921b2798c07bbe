"""The `dates` analyser: date expressions with their calendar value."""

from __future__ import annotations

from ...analyser import Analyser, AnalyserConfig
from ...model import Analysis, DateMention
from ...views import token_view
from .grammar import parse
from .lexicon import load_lexicon
from .resolve import resolve
from .scan import Scanner


class DatesAnalyser(Analyser):
    """Finds date expressions and resolves them against `Analysis.published`."""

    name = "dates"
    needs = ("tokens", "sentences")
    provides = ("dates",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        self.lexicon = load_lexicon()
        self.scanner = Scanner(self.lexicon)

    def __call__(self, analysis: Analysis) -> None:
        pieces = self.scanner.scan(token_view(analysis))
        previous_year = None
        for expression in parse(pieces, self.lexicon):
            resolution = resolve(expression, analysis.published, previous_year)
            if expression.date is not None and expression.date.year is not None and resolution.value:
                previous_year = int(resolution.value[:4])
            start, end = expression.start, expression.end
            analysis.dates.append(
                DateMention(
                    start,
                    end,
                    analysis.text[start:end],
                    resolution.value,
                    resolution.precision,
                    resolution.earliest.isoformat() if resolution.earliest else None,
                    resolution.latest.isoformat() if resolution.latest else None,
                    resolution.note,
                )
            )
