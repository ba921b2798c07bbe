"""Precision, recall and F1 over sets of spans, CoNLL style.

A prediction counts only when it equals a gold item exactly (for entities: the same
document, start, end and type).  Items are any hashable values; a `group` function
names the row each belongs to (its entity type), and `overall` is the micro average.
Lenient matching is a different key for the same items (see `without_proclitics`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

OVERALL = "overall"
PROCLITIC_LETTERS = "وفبكل"


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def gold(self) -> int:
        return self.true_positives + self.false_negatives

    @property
    def predicted(self) -> int:
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, other: Counts) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives


Scores = dict[str, Counts]


def score(
    gold: Iterable[Hashable],
    predicted: Iterable[Hashable],
    group: Callable[[Hashable], str] = lambda item: OVERALL,
) -> Scores:
    """Counts per group plus `overall`; duplicates count as often as they occur."""
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    groups: Scores = {}
    for item in gold_counts.keys() | predicted_counts.keys():
        matched = min(gold_counts[item], predicted_counts[item])
        counts = Counts(matched, predicted_counts[item] - matched, gold_counts[item] - matched)
        groups.setdefault(group(item), Counts()).add(counts)
    overall = Counts()
    for counts in groups.values():
        overall.add(counts)
    return {**groups, OVERALL: overall}


def merge(into: Scores, more: Scores) -> Scores:
    for name, counts in more.items():
        into.setdefault(name, Counts()).add(counts)
    return into


def without_proclitics(text: str, start: int, end: int) -> int:
    """`start` moved past leading proclitic letters (و ف ب ك ل), keeping at least two
    letters: spans that differ only there match leniently («للتنظيم», «لتنظيم», «تنظيم»)."""
    while end - start > 2 and text[start] in PROCLITIC_LETTERS:
        start += 1
    return start
