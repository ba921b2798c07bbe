"""The official metrics of the public persuasion-technique and emotion tasks.

* Document level (ArAIEval 2023 1A/1B, WANLP 2022 task 1, ArMPro): micro- and
  macro-F1 over every label of the task's label set, `no_technique` included (the
  official scorers binarise the label lists, so a text with no technique counts as
  the label `no_technique`).  For the binary task 1A the labels are `true` and
  `false`, so micro-F1 equals accuracy.
* Spans (ArAIEval 2024 task 1, WANLP 2022 task 2; SemEval-2021 task 6 style):
  every predicted span s earns |s ∩ t| / |s| of precision credit and every gold
  span t earns |s ∩ t| / |t| of recall credit for each same-label pair (s, t) in the
  same text; precision is the credit over the number of predicted spans, recall
  over the number of gold spans, F1 their harmonic mean, and 1.0 when there is
  nothing to find and nothing was predicted.  (Per label, the official script uses
  the precision credit for recall too; here each uses its own.)
* Emotions (one label per text): accuracy and macro-F1 over the eight labels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LabelScore:
    precision: float
    recall: float
    f1: float
    support: int  # gold occurrences


@dataclass(frozen=True)
class Scores:
    micro_f1: float
    macro_f1: float
    precision: float  # micro
    recall: float  # micro
    accuracy: float | None = None  # single-label tasks only
    per_label: dict[str, LabelScore] = field(default_factory=dict)
    count: int = 0  # texts scored

    def headline(self) -> dict[str, float]:
        figures = {"micro_f1": self.micro_f1, "macro_f1": self.macro_f1, "precision": self.precision, "recall": self.recall}
        if self.accuracy is not None:
            figures["accuracy"] = self.accuracy
        return figures


def prf(credit_p: float, predicted: float, credit_r: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from credits and counts (F1 is 1.0 when both counts are 0)."""
    precision = credit_p / predicted if predicted else 0.0
    recall = credit_r / gold if gold else 0.0
    if not predicted and not gold:
        return precision, recall, 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def multilabel_scores(
    gold: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]], labels: Sequence[str]
) -> Scores:
    """Micro/macro F1 over `labels`; each item is the set of labels of one text.

    Labels outside `labels` are ignored, as a binariser fitted on the label set does.
    """
    _same_length(gold, predicted)
    known = set(labels)
    true_pos: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    for gold_labels, predicted_labels in zip(gold, predicted):
        gold_set, predicted_set = set(gold_labels) & known, set(predicted_labels) & known
        gold_count.update(gold_set)
        predicted_count.update(predicted_set)
        true_pos.update(gold_set & predicted_set)
    per_label = _per_label(labels, true_pos, predicted_count, true_pos, gold_count)
    total_tp = sum(true_pos.values())
    precision, recall, micro = prf(total_tp, sum(predicted_count.values()), total_tp, sum(gold_count.values()))
    macro = sum(score.f1 for score in per_label.values()) / len(per_label) if per_label else 0.0
    return Scores(micro, macro, precision, recall, per_label=per_label, count=len(gold))


def single_label_scores(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> Scores:
    """Accuracy plus micro/macro F1 for one label per text (micro-F1 equals accuracy)."""
    scores = multilabel_scores([[label] for label in gold], [[label] for label in predicted], labels)
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0
    return Scores(
        scores.micro_f1, scores.macro_f1, scores.precision, scores.recall, accuracy, scores.per_label, scores.count
    )


Span = tuple[int, int, str]  # start, end (exclusive), label


def span_scores(gold: Sequence[Iterable[Span]], predicted: Sequence[Iterable[Span]], labels: Sequence[str] = ()) -> Scores:
    """Span-level micro-F1 with partial-overlap credit; one item per text.

    Per-label figures cover `labels` plus every label that occurs.
    """
    _same_length(gold, predicted)
    credit_p: Counter[str] = Counter()
    credit_r: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    for gold_spans, predicted_spans in zip(gold, predicted):
        gold_spans, predicted_spans = list(gold_spans), list(predicted_spans)
        gold_count.update(label for _, _, label in gold_spans)
        predicted_count.update(label for _, _, label in predicted_spans)
        for p_start, p_end, p_label in predicted_spans:
            for g_start, g_end, g_label in gold_spans:
                if p_label != g_label:
                    continue
                overlap = min(p_end, g_end) - max(p_start, g_start)
                if overlap > 0:
                    credit_p[p_label] += overlap / (p_end - p_start)
                    credit_r[g_label] += overlap / (g_end - g_start)
    all_labels = list(dict.fromkeys([*labels, *sorted(gold_count | predicted_count)]))
    per_label = _per_label(all_labels, credit_p, predicted_count, credit_r, gold_count)
    precision, recall, micro = prf(
        sum(credit_p.values()), sum(predicted_count.values()), sum(credit_r.values()), sum(gold_count.values())
    )
    scored = [score.f1 for label, score in per_label.items() if label in labels] if labels else []
    macro = sum(scored) / len(scored) if scored else 0.0
    return Scores(micro, macro, precision, recall, per_label=per_label, count=len(gold))


def _per_label(labels, credit_p: Counter, predicted: Counter, credit_r: Counter, gold: Counter) -> dict[str, LabelScore]:
    """Precision, recall and F1 of each label from its credited predictions and gold items."""
    per_label = {}
    for label in labels:
        p, r, f = prf(credit_p[label], predicted[label], credit_r[label], gold[label])
        # sklearn's zero_division=0: a label never predicted nor present scores 0, not 1
        if not predicted[label] and not gold[label]:
            f = 0.0
        per_label[label] = LabelScore(p, r, f, gold[label])
    return per_label


def _same_length(gold: Sequence, predicted: Sequence) -> None:
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold items but {len(predicted)} predictions")
