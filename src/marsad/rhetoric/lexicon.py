"""Cue lexicons (label, pattern, score) and the modifiers that change a cue's force."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Errors, MarsadError
from ..text import normalize
from .document import DocumentView
from .patterns import PatternError, PatternSet
from .resources import RESOURCES, check_label, rows, taxonomy

NEGATION_WINDOW_TECHNIQUES = 2
NEGATION_WINDOW_EMOTIONS = 3
INTENSIFIER_WINDOW = 2


@dataclass(frozen=True)
class Cue:
    label: str
    pattern: str  # as written in the resource: what the output calls the cue
    score: float


def load_cues(name: str, kind: str, directory: Path = RESOURCES) -> PatternSet[Cue]:
    """A lexicon file with columns label, pattern, score (labels of `kind` in taxonomy.tsv)."""
    patterns: PatternSet[Cue] = PatternSet()
    for row in rows(name, 3, directory):
        label = check_label(row, kind, row.text(0))
        pattern = row.text(1)
        try:
            patterns.add(pattern, Cue(label, pattern, row.number(2, 1.0)))
        except (PatternError, ValueError) as error:
            raise row.error(str(error)) from None
    return patterns


@lru_cache(maxsize=4)
def load_vetoes(directory: Path = RESOURCES) -> PatternSet[frozenset[str] | None]:
    """neutral.tsv: expressions that veto the listed technique or frame labels (None: every label)."""
    vetoes: PatternSet[frozenset[str] | None] = PatternSet()
    for row in rows("neutral.tsv", 2, directory):
        labels = row.text(0)
        vetoed = None if labels == "*" else frozenset(_vetoable(row, label.strip()) for label in labels.split(","))
        try:
            vetoes.add(row.text(1), vetoed)
        except PatternError as error:
            raise row.error(str(error)) from None
    return vetoes


def _vetoable(row, label: str) -> str:
    kind = "frame" if label in taxonomy()["frame"] else "technique"
    return check_label(row, kind, label)


def is_vetoed(label: str, start: int, vetoed: list[tuple[int, int, frozenset[str] | None]]) -> bool:
    """A hit starting at `start` lies inside a neutral expression that vetoes its label."""
    return any(low <= start < high and (labels is None or label in labels) for low, high, labels in vetoed)


@dataclass(frozen=True)
class Modifiers:
    technique_negators: frozenset[str]
    emotion_negators: frozenset[str]
    factors: dict[str, float]  # intensifiers (> 1) and diminishers (< 1), by normalised form

    def negated(self, view: DocumentView, first_word: int, negators: frozenset[str], window: int) -> bool:
        """A negator among the `window` words before `first_word`, in the same sentence."""
        sentences, forms = view.sentence, view.forms
        sentence = sentences[first_word]
        for index in range(first_word - 1, max(first_word - 1 - window, -1), -1):
            if sentences[index] != sentence or view.clause_break[index]:
                return False
            if forms[index] in negators:
                return True
        return False

    def factor(self, view: DocumentView, first_word: int, last_word: int) -> float:
        """The product of intensifiers and diminishers next to a cue (same sentence)."""
        sentences, forms = view.sentence, view.forms
        sentence = sentences[first_word]
        factor = 1.0
        nearby = list(range(max(first_word - INTENSIFIER_WINDOW, 0), first_word))
        nearby += list(range(last_word + 1, min(last_word + 1 + INTENSIFIER_WINDOW, len(forms))))
        for index in nearby:
            if sentences[index] == sentence:
                factor *= self.factors.get(forms[index], 1.0)
        return factor


@lru_cache(maxsize=4)
def load_modifiers(directory: Path = RESOURCES) -> Modifiers:
    negators: dict[str, set[str]] = {"techniques": set(), "emotions": set()}
    factors: dict[str, float] = {}
    for row in rows("modifiers.tsv", 4, directory):
        kind, word, scope = row.text(0), normalize(row.text(1)), row.text(3)
        scopes = ("techniques", "emotions") if scope == "both" else (scope,)
        if kind not in ("negator", "intensifier", "diminisher") or any(s not in negators for s in scopes):
            raise row.error(f"kind must be negator, intensifier or diminisher and scope techniques, emotions or both")
        if kind == "negator":
            for s in scopes:
                negators[s].add(word)
            continue
        factor = _factor(row)
        if (kind == "intensifier") != (factor > 1):
            raise row.error("an intensifier's factor is above 1, a diminisher's below 1")
        factors[word] = factor
    return Modifiers(frozenset(negators["techniques"]), frozenset(negators["emotions"]), factors)


def _factor(row) -> float:
    try:
        value = float(row.text(2))
    except ValueError:
        raise row.error("the factor must be a number") from None
    if not 0 < value <= 3:
        raise MarsadError(Errors.M200, path=row.path.name, line=row.line, reason="the factor must be in (0, 3]")
    return value
