"""Frames of extremist and counter-extremist discourse, each with its evidence span (frames.tsv)."""

from __future__ import annotations

from pathlib import Path

from ..model import Frame
from .document import DocumentView
from .lexicon import NEGATION_WINDOW_TECHNIQUES, is_vetoed, load_cues, load_modifiers, load_vetoes
from .resources import RESOURCES


class FrameFinder:
    def __init__(self, directory: Path = RESOURCES) -> None:
        self.cues = load_cues("frames.tsv", "frame", directory)
        self.modifiers = load_modifiers(directory)
        self.vetoes = load_vetoes(directory)

    def find(self, view: DocumentView, starts: list[int] | None = None) -> list[Frame]:
        """Every piece of evidence, in text order; overlapping evidence for one frame keeps the best."""
        found: list[Frame] = []
        vetoed = [(m.start, m.end, m.payload) for m in self.vetoes.find(view, starts)]
        for match in self.cues.find(view, starts):
            if is_vetoed(match.payload.label, match.start, vetoed):
                continue
            if self.modifiers.negated(view, match.first_word, self.modifiers.technique_negators, NEGATION_WINDOW_TECHNIQUES):
                continue
            cue = match.payload
            found.append(Frame(cue.label, match.start, match.end, view.text[match.start : match.end], cue.score, cue.pattern))
        return _best_per_span(found)


def _best_per_span(frames: list[Frame]) -> list[Frame]:
    frames = sorted(frames, key=lambda f: (-f.score, -(f.end - f.start), f.start))
    kept: list[Frame] = []
    for frame in frames:
        if all(other.label != frame.label or frame.end <= other.start or other.end <= frame.start for other in kept):
            kept.append(frame)
    return sorted(kept, key=lambda f: (f.start, f.end, f.label))
