"""The `rhetoric` analyser: techniques, emotions and frames over the tokens and sentences."""

from __future__ import annotations

from ..analyser import Analyser, AnalyserConfig
from ..model import Analysis, Rhetoric
from ..views import token_view
from .document import DocumentView
from .emotions import EmotionScorer
from .frames import FrameFinder
from .patterns import Gate
from .techniques import TechniqueFinder


class RhetoricAnalyser(Analyser):
    """Adds `rhetoric`: technique spans, per-document and per-sentence emotions, frames."""

    name = "rhetoric"
    needs = ("tokens", "sentences")
    provides = ("rhetoric",)

    def __init__(self, config: AnalyserConfig | None = None) -> None:
        super().__init__(config)
        self.techniques = TechniqueFinder()
        self.emotions = EmotionScorer()
        self.frames = FrameFinder()
        self.gate = Gate(self.techniques.cues, self.techniques.vetoes, self.emotions.cues, self.frames.cues)  # frames share the vetoes

    def __call__(self, analysis: Analysis) -> None:
        sentences = [(s.start, s.end) for s in analysis.sentences]
        shared = token_view(analysis)
        view = DocumentView(analysis.text, shared.tokens, sentences, shared)
        starts = self.gate.starts(view)
        emotions = self.emotions.score(view, starts)
        analysis.rhetoric = Rhetoric(
            techniques=self.techniques.find(view, starts),
            emotions=emotions.emotions,
            intensity=emotions.intensity,
            frames=self.frames.find(view, starts),
            sentence_emotions=emotions.sentences,
        )
