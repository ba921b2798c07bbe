"""Persuasion techniques as spans, from the lexicon and patterns of techniques.tsv.

Precision first: a hit is dropped when a negator governs it («ليست إرهابية») or when
it sits inside a neutral fixed expression (neutral.tsv: «مكافحة الإرهاب», «الأراضي
المحتلة»...).  Words in quoted speech count like the writer's own: a report that
calls a group «الإرهابية» labels it whoever first said it.  Repetition is found from
the document itself: a short unit said again and again, or an emotive cue or slogan
used three times or more.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import compress, count
from operator import eq
from pathlib import Path

from ..model import Technique
from .document import DocumentView
from .lexicon import NEGATION_WINDOW_TECHNIQUES, Cue, is_vetoed, load_cues, load_modifiers, load_vetoes
from .patterns import Match
from .resources import RESOURCES

# A topic word said often («الإرهاب» in an op-ed on terrorism) is not the technique;
# a slogan or an emotive phrase of several words said again and again is.
REPEATED_LABELS = frozenset({"Loaded_Language", "Slogans", "Flag_Waving"})
MIN_REPEATS_OF_A_CUE = 3
MAX_REPEATED_UNIT = 3
REPETITION_SCORE = 0.7
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


class TechniqueFinder:
    """Built once (lexicons compiled); `find(view)` is linear in the document's words."""

    def __init__(self, directory: Path = RESOURCES) -> None:
        self.cues = load_cues("techniques.tsv", "technique", directory)
        self.vetoes = load_vetoes(directory)
        self.modifiers = load_modifiers(directory)

    def find(self, view: DocumentView, starts: list[int] | None = None) -> list[Technique]:
        """Techniques in the document; `starts` (from a Gate) limits where patterns may begin."""
        vetoed = [(m.start, m.end, m.payload) for m in self.vetoes.find(view, starts)]
        hits: list[tuple[Match[Cue], Technique]] = []
        for match in self.cues.find(view, starts):
            cue = match.payload
            if is_vetoed(cue.label, match.start, vetoed):
                continue
            if self.modifiers.negated(view, match.first_word, self.modifiers.technique_negators, NEGATION_WINDOW_TECHNIQUES):
                continue
            technique = Technique(cue.label, match.start, match.end, view.text[match.start : match.end], cue.score, cue.pattern)
            hits.append((match, technique))
        techniques = [technique for _, technique in hits]
        techniques += _repeated_cues(hits) + _repeated_units(view)
        return _resolve_overlaps(techniques)


def _repeated_cues(hits: list[tuple[Match[Cue], Technique]]) -> list[Technique]:
    """A slogan or emotive phrase (one lexicon entry of several words) used MIN_REPEATS_OF_A_CUE
    times or more: Repetition on every use after the first."""
    uses: dict[str | None, list[Technique]] = defaultdict(list)
    for match, technique in hits:
        if technique.label in REPEATED_LABELS and match.last_word > match.first_word:
            uses[technique.cue].append(technique)
    repeated: list[Technique] = []
    for group in uses.values():
        if len(group) >= MIN_REPEATS_OF_A_CUE:
            for technique in group[1:]:
                cue = f"repeated {len(group)}x: {group[0].text}"
                repeated.append(Technique("Repetition", technique.start, technique.end, technique.text, REPETITION_SCORE, cue))
    return repeated


def _repeated_units(view: DocumentView) -> list[Technique]:
    """«الله أكبر الله أكبر», «ارحل ارحل ارحل»: a unit of 1-3 words said again right after itself.

    One word must come three times in a row (twice is often an idiom: «رويدًا رويدًا»);
    a unit of two or three words twice.  Candidates come from comparing each word with
    the word one, two and three places on (`map`: cheap on every document).
    """
    forms, sentences, starts, ends = view.forms, view.sentence, view.starts, view.ends
    found: list[Technique] = []
    taken_until = -1
    candidates = sorted(
        set().union(*(compress(count(), map(eq, forms, forms[size:])) for size in range(1, MAX_REPEATED_UNIT + 1)))
    )
    for first in candidates:
        if first <= taken_until:
            continue
        for size in range(MAX_REPEATED_UNIT, 0, -1):
            times = _times_repeated(forms, first, size)
            last = first + size * times - 1
            if times < (3 if size == 1 else 2) or sentences[first] != sentences[last]:
                continue
            unit = forms[first : first + size]
            if sum(map(len, unit)) < 3 * size or not all(_ARABIC_WORD.fullmatch(form) for form in unit):
                continue
            start, end = starts[first], ends[last]
            text = view.text[start : ends[first + size - 1]]
            found.append(Technique("Repetition", start, end, view.text[start:end], REPETITION_SCORE, f"repeated {times}x: {text}"))
            taken_until = last
            break
    return found


def _times_repeated(forms: list[str], first: int, size: int) -> int:
    unit = forms[first : first + size]
    times, position = 1, first + size
    while forms[position : position + size] == unit:
        times += 1
        position += size
    return times


def _resolve_overlaps(techniques: list[Technique]) -> list[Technique]:
    """Per label, overlapping hits keep the best one (higher score, then longer); output in text order."""
    by_label: dict[str, list[Technique]] = defaultdict(list)
    for technique in techniques:
        by_label[technique.label].append(technique)
    kept: list[Technique] = []
    for group in by_label.values():
        group.sort(key=lambda t: (-t.score, -(t.end - t.start), t.start))
        chosen: list[Technique] = []
        for technique in group:
            if all(technique.end <= other.start or other.end <= technique.start for other in chosen):
                chosen.append(technique)
        kept.extend(chosen)
    kept.sort(key=lambda t: (t.start, t.end, t.label))
    return kept
