"""Emotions per sentence and per document, from the emotion lexicon (emotions.tsv).

Each cue adds its weight to its emotion in its sentence, scaled by intensifiers and
diminishers next to it (modifiers.tsv); a negator in the three words before it
turns half its weight against the emotion instead.  A sentence's distribution is
its emotion scores plus a constant `none` prior, normalised; a sentence without
cues is all `none`.  The document's distribution sums the sentences (each cue-less
sentence adds its `none` prior), and its intensity grows with the emotional weight
per sentence.

`EmotionScorer.score_text` and `classify` work on a bare string, so evaluation
scripts and other layers can call them without building a pipeline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from ..model import EmotionCue, SentenceEmotions
from ..text import split_sentences, tokenize
from .document import DocumentView
from .lexicon import NEGATION_WINDOW_EMOTIONS, load_cues, load_modifiers
from .resources import RESOURCES, taxonomy

NONE = "none"
# The `none` mass of a sentence: a cue of weight above this makes the emotion win.
NONE_PRIOR = 0.5
NEGATED_SHARE = -0.5
DIGITS = 3


@dataclass
class SentenceScore:
    start: int
    end: int
    raw: dict[str, float] = field(default_factory=dict)
    cues: list[EmotionCue] = field(default_factory=list)

    @property
    def total(self) -> float:
        return sum(self.raw.values())


@dataclass(frozen=True)
class DocumentEmotions:
    emotions: dict[str, float]
    intensity: float
    sentences: list[SentenceEmotions]

    @property
    def top(self) -> str:
        """The label with the highest share (`none` wins ties)."""
        return max(self.emotions, key=lambda label: (self.emotions[label], label == NONE))


class EmotionScorer:
    def __init__(self, directory: Path = RESOURCES) -> None:
        self.cues = load_cues("emotions.tsv", "emotion", directory)
        self.modifiers = load_modifiers(directory)
        self.labels = taxonomy()["emotion"]
        self.emotion_labels = tuple(label for label in self.labels if label != NONE)

    def score(self, view: DocumentView, starts: list[int] | None = None) -> DocumentEmotions:
        sentences = [SentenceScore(start, end) for start, end in view.sentences]
        for match in self.cues.find(view, starts):
            cue = match.payload
            weight = cue.score * self.modifiers.factor(view, match.first_word, match.last_word)
            if self.modifiers.negated(view, match.first_word, self.modifiers.emotion_negators, NEGATION_WINDOW_EMOTIONS):
                weight *= NEGATED_SHARE
            sentence = sentences[view.sentence[match.first_word]]
            sentence.raw[cue.label] = sentence.raw.get(cue.label, 0.0) + weight
            sentence.cues.append(EmotionCue(match.start, match.end, view.text[match.start : match.end], cue.label, round(weight, DIGITS)))
        for sentence in sentences:
            sentence.raw = {label: value for label, value in sentence.raw.items() if value > 0}
        return self._document(sentences)

    def score_text(self, text: str) -> DocumentEmotions:
        """Emotions of a bare string (segmented and tokenised here)."""
        return self.score(DocumentView(text, tokenize(text), list(split_sentences(text))))

    def classify(self, text: str) -> str:
        """The single most likely label of a short text (a tweet, a sentence)."""
        return self.score_text(text).top

    def _document(self, sentences: list[SentenceScore]) -> DocumentEmotions:
        totals = dict.fromkeys(self.emotion_labels, 0.0)
        neutral_sentences = 0
        listed: list[SentenceEmotions] = []
        for sentence in sentences:
            for label, value in sentence.raw.items():
                totals[label] += value
            if not sentence.raw:
                neutral_sentences += 1
            if sentence.cues:
                listed.append(self._sentence(sentence))
        emotional = sum(totals.values())
        none_mass = NONE_PRIOR * max(math.sqrt(neutral_sentences), 1.0 if emotional == 0 else 0.5)
        distribution = self._distribution(totals, none_mass)
        intensity = 1 - math.exp(-emotional / math.sqrt(max(len(sentences), 1)))
        return DocumentEmotions(distribution, round(intensity, DIGITS), listed)

    def _sentence(self, sentence: SentenceScore) -> SentenceEmotions:
        totals = {label: sentence.raw.get(label, 0.0) for label in self.emotion_labels}
        distribution = self._distribution(totals, NONE_PRIOR)
        intensity = round(1 - math.exp(-sentence.total), DIGITS)
        return SentenceEmotions(sentence.start, sentence.end, distribution, intensity, sentence.cues)

    def _distribution(self, totals: dict[str, float], none_mass: float) -> dict[str, float]:
        mass = sum(totals.values()) + none_mass
        shares = {label: totals.get(label, 0.0) / mass for label in self.emotion_labels}
        shares[NONE] = none_mass / mass
        return {label: round(shares[label], DIGITS) for label in self.labels}
