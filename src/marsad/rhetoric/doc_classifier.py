"""Document-level techniques: TF-IDF n-grams and one-vs-rest logistic regressions.

Each technique seen often enough in training gets its own binary classifier, and
one more classifier answers "does this text use any technique?" (the `persuasive`
head, ArAIEval task 1A).  The regularisation strength C and each label's decision
threshold are tuned on the tuning set: the dev examples when given, otherwise
out-of-fold predictions on the training examples (never on test data).  After
tuning, the classifiers are refitted on train + dev.

When a span tagger is given, each text also gets the tagger's per-technique
evidence (the highest probability that a token is inside a span, the number of
spans found) as extra features: the span annotations carry word-level knowledge
that document labels alone do not (figures in docs/rhetoric-models.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from .datasets import Example
from .features import text_vectorizer
from .span_tagger import SpanTagger

Progress = Callable[[str, int, int], None]
C_GRID = (1.0, 4.0, 16.0, 64.0)
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.025), 3)
MIN_TUNING_POSITIVES = 5
FOLDS = 4
PERSUASIVE = "persuasive"


def _no_progress(step: str, done: int, total: int) -> None:
    pass


@dataclass
class DocumentPrediction:
    scores: dict[str, float]  # every modelled technique -> probability
    labels: list[str]  # techniques over their thresholds (empty: no technique)
    persuasive: float  # probability that the text uses any technique
    is_persuasive: bool


@dataclass
class DocumentClassifier:
    vectorizer: object
    labels: list[str]
    heads: dict[str, LogisticRegression]
    thresholds: dict[str, float]
    span_tagger: SpanTagger | None = None
    span_weight: float = 1.0
    c: dict[str, float] = field(default_factory=dict)
    # A persuasive text with no label over its threshold gets its most probable label
    # (kept only when it scores better on the tuning set).
    fallback: bool = True
    # span evidence by text, shared by the classifiers fitted while tuning; never saved
    evidence_cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "evidence_cache": {}, "_stack": None}

    def _stacked(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Head names, their weights as one (features x heads) matrix, their intercepts; built once."""
        stack = self.__dict__.get("_stack")
        if stack is None or stack[0] != list(self.heads):
            names = list(self.heads)
            weights = np.vstack([self.heads[name].coef_[0] for name in names]).T.copy()
            bias = np.array([self.heads[name].intercept_[0] for name in names])
            stack = self.__dict__["_stack"] = (names, weights, bias)
        return stack

    def matrix(self, texts: Sequence[str], evidence: Sequence[np.ndarray] | None = None):
        """Features of `texts`; `evidence` is the span tagger's document_features for each, when already computed."""
        # the union's parts one by one: FeatureUnion.transform's joblib dispatch costs more than one text
        features = hstack([part.transform(texts) for _, part in self.vectorizer.transformer_list]).tocsr()
        if self.span_tagger is None:
            return features
        if evidence is None:
            rows = span_evidence(self.span_tagger, texts, self.evidence_cache)
        else:
            rows = np.array([_scaled(row) for row in evidence])
        return hstack([features, csr_matrix(rows * self.span_weight)]).tocsr()

    def probabilities(self, texts: Sequence[str], evidence: Sequence[np.ndarray] | None = None) -> dict[str, np.ndarray]:
        """Every head's probability, as one product with the stacked weights (same as predict_proba)."""
        names, weights, bias = self._stacked()
        scores = np.asarray(self.matrix(texts, evidence) @ weights) + bias
        probabilities = 1.0 / (1.0 + np.exp(-scores))
        return {name: probabilities[:, column] for column, name in enumerate(names)}

    def predict(self, texts: Sequence[str], evidence: Sequence[np.ndarray] | None = None) -> list[DocumentPrediction]:
        probabilities = self.probabilities(texts, evidence)
        return [self._decide({name: float(p[i]) for name, p in probabilities.items()}) for i in range(len(texts))]

    def _decide(self, scores: dict[str, float]) -> DocumentPrediction:
        persuasive = scores.pop(PERSUASIVE, None)
        labels = [label for label in self.labels if scores[label] >= self.thresholds[label]]
        if persuasive is None:
            persuasive = max(scores.values(), default=0.0)
            is_persuasive = bool(labels)
        else:
            is_persuasive = persuasive >= self.thresholds[PERSUASIVE]
        return DocumentPrediction(scores, self._gate(labels, scores, is_persuasive), persuasive, is_persuasive)

    def _gate(self, labels: list[str], scores: dict[str, float], is_persuasive: bool) -> list[str]:
        if not is_persuasive:
            return []
        if not labels and scores and self.fallback:
            return [max(scores, key=scores.get)]
        return labels


def span_evidence(tagger: SpanTagger, texts: Sequence[str], cache: dict[str, np.ndarray]) -> np.ndarray:
    rows = np.zeros((len(texts), 2 * len(tagger.labels)))
    for index, text in enumerate(texts):
        if text not in cache:
            cache[text] = _scaled(tagger.document_features(text))
        rows[index] = cache[text]
    return rows


def _scaled(row: np.ndarray) -> np.ndarray:
    """Span counts on a log scale, so that one long article does not dwarf the probabilities."""
    row = np.array(row, dtype=float)
    row[1::2] = np.log1p(row[1::2])
    return row


# ---------------------------------------------------------------- training


@dataclass
class _Targets:
    texts: list[str]
    columns: dict[str, np.ndarray]  # head -> 0/1 per text, or -1 where the text says nothing about it


def _targets(examples: Sequence[Example], labels: Sequence[str]) -> _Targets:
    columns = {}
    for label in labels:
        columns[label] = np.array([-1 if e.labels is None else int(label in e.labels) for e in examples])
    columns[PERSUASIVE] = np.array([-1 if e.persuasive is None else int(e.persuasive) for e in examples])
    return _Targets([e.text for e in examples], columns)


def modelled_labels(examples: Sequence[Example], min_count: int) -> list[str]:
    counts: dict[str, int] = {}
    for example in examples:
        for label in example.labels or ():
            counts[label] = counts.get(label, 0) + 1
    return sorted(label for label, count in counts.items() if count >= min_count)


def _fit_head(features, target: np.ndarray, c: float) -> LogisticRegression | None:
    known = target >= 0
    if len(set(target[known])) < 2:
        return None
    return LogisticRegression(C=c, solver="liblinear", max_iter=1000).fit(features[known], target[known])


def _fit_features(classifier: DocumentClassifier, texts: Sequence[str]):
    classifier.vectorizer.fit(texts)
    return classifier.matrix(texts)


def _tuning_probabilities(
    train: _Targets, tuning: _Targets | None, c: float, make: Callable[[], DocumentClassifier]
) -> tuple[dict[str, np.ndarray], _Targets]:
    """Probabilities on the tuning set (dev, or out-of-fold on train) for every head."""
    if tuning is not None:
        classifier = make()
        features = _fit_features(classifier, train.texts)
        dev_features = classifier.matrix(tuning.texts)
        out = {}
        for name, target in train.columns.items():
            head = _fit_head(features, target, c)
            out[name] = head.predict_proba(dev_features)[:, 1] if head else np.zeros(len(tuning.texts))
        return out, tuning
    out = {name: np.zeros(len(train.texts)) for name in train.columns}
    for fit_rows, held_rows in KFold(FOLDS, shuffle=True, random_state=13).split(train.texts):
        classifier = make()
        features = _fit_features(classifier, [train.texts[i] for i in fit_rows])
        held = classifier.matrix([train.texts[i] for i in held_rows])
        for name, target in train.columns.items():
            head = _fit_head(features, target[fit_rows], c)
            if head is not None:
                out[name][held_rows] = head.predict_proba(held)[:, 1]
    return out, train


def _f1(target: np.ndarray, predicted: np.ndarray) -> float:
    tp = int(np.sum((target == 1) & predicted))
    fp = int(np.sum((target == 0) & predicted))
    fn = int(np.sum((target == 1) & ~predicted))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _accuracy(target: np.ndarray, predicted: np.ndarray) -> float:
    return float(np.mean((target == 1) == predicted))


def tune_thresholds(probabilities: dict[str, np.ndarray], tuning: _Targets) -> tuple[dict[str, float], float]:
    """Per-head thresholds and the micro-F1 they reach on the tuning set.

    The persuasive head maximises accuracy (task 1A's micro-F1); each technique its
    own F1, or, with fewer than MIN_TUNING_POSITIVES tuning examples, a threshold
    shared by all such labels that maximises their pooled F1.
    """
    thresholds: dict[str, float] = {}
    rare: list[str] = []
    for name, target in tuning.columns.items():
        known = target >= 0
        if not known.any():
            thresholds[name] = 0.5
            continue
        t, p = target[known], probabilities[name][known]
        if name == PERSUASIVE:
            thresholds[name] = float(max(THRESHOLDS, key=lambda th: (_accuracy(t, p >= th), -abs(th - 0.5))))
        elif t.sum() >= MIN_TUNING_POSITIVES:
            thresholds[name] = float(max(THRESHOLDS, key=lambda th: (_f1(t, p >= th), -abs(th - 0.5))))
        else:
            rare.append(name)
    if rare:
        t = np.concatenate([tuning.columns[name][tuning.columns[name] >= 0] for name in rare])
        p = np.concatenate([probabilities[name][tuning.columns[name] >= 0] for name in rare])
        shared = float(max(THRESHOLDS, key=lambda th: (_f1(t, p >= th), th)))
        thresholds.update({name: shared for name in rare})
    return thresholds, _micro_f1(probabilities, tuning, thresholds)


def _micro_f1(probabilities: dict[str, np.ndarray], tuning: _Targets, thresholds: dict[str, float]) -> float:
    tp = fp = fn = 0
    for name, target in tuning.columns.items():
        if name == PERSUASIVE:
            continue
        known = target >= 0
        predicted = probabilities[name][known] >= thresholds[name]
        tp += int(np.sum((target[known] == 1) & predicted))
        fp += int(np.sum((target[known] == 0) & predicted))
        fn += int(np.sum((target[known] == 1) & ~predicted))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _rule_scores(
    classifier: DocumentClassifier, label_runs: dict[str, np.ndarray], persuasive_run: dict[str, np.ndarray], tuning: _Targets
) -> dict[bool, float]:
    """Document micro-F1 (no_technique counted) on the tuning set, with and without the fallback label."""
    rows = [i for i in range(len(tuning.texts)) if all(tuning.columns[label][i] >= 0 for label in classifier.labels)]
    if not rows or not classifier.labels:
        return {True: 0.0, False: 0.0}
    scores = {}
    for fallback in (True, False):
        classifier.fallback = fallback
        tp = fp = fn = 0
        for i in rows:
            probabilities = {label: float(label_runs[label][i]) for label in classifier.labels}
            persuasive = float(persuasive_run[PERSUASIVE][i]) >= classifier.thresholds.get(PERSUASIVE, 0.5)
            over = [label for label in classifier.labels if probabilities[label] >= classifier.thresholds[label]]
            predicted = set(classifier._gate(over, probabilities, persuasive)) or {"no_technique"}
            gold = {label for label in classifier.labels if tuning.columns[label][i] == 1} or {"no_technique"}
            tp, fp, fn = tp + len(predicted & gold), fp + len(predicted - gold), fn + len(gold - predicted)
        scores[fallback] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def train_document_classifier(
    train: Sequence[Example],
    dev: Sequence[Example] | None = None,
    span_tagger: SpanTagger | None = None,
    min_count: int = 5,
    c_grid: Sequence[float] = C_GRID,
    progress: Progress = _no_progress,
) -> tuple[DocumentClassifier, dict]:
    """Fit, tune on dev (or out-of-fold), refit on train + dev; returns the classifier and its tuning report."""
    labels = modelled_labels(train, min_count)
    train_targets = _targets(train, labels)
    tuning_targets = _targets(dev, labels) if dev else None

    cache: dict[str, np.ndarray] = {}

    def make() -> DocumentClassifier:
        return DocumentClassifier(text_vectorizer(), labels, {}, {}, span_tagger, evidence_cache=cache)

    best: dict[str, tuple[float, float, dict[str, float]]] = {}  # head group -> (score, c, thresholds)
    runs: dict[float, dict[str, np.ndarray]] = {}
    for done, c in enumerate(c_grid):
        progress(f"tuning C={c}", done, len(c_grid))
        probabilities, tuning = _tuning_probabilities(train_targets, tuning_targets, c, make)
        runs[c] = probabilities
        thresholds, micro = tune_thresholds(probabilities, tuning)
        known = tuning.columns[PERSUASIVE] >= 0
        accuracy = _accuracy(tuning.columns[PERSUASIVE][known], probabilities[PERSUASIVE][known] >= thresholds[PERSUASIVE])
        if micro > best.get("labels", (-1.0,))[0]:
            best["labels"] = (micro, c, thresholds)
        if accuracy > best.get(PERSUASIVE, (-1.0,))[0]:
            best[PERSUASIVE] = (accuracy, c, thresholds)
    progress("fitting", len(c_grid), len(c_grid))
    every = list(train) + list(dev or ())
    final_targets = _targets(every, labels)
    classifier = make()
    features = _fit_features(classifier, final_targets.texts)
    chosen_c = {name: best[PERSUASIVE if name == PERSUASIVE else "labels"][1] for name in final_targets.columns}
    for name, target in final_targets.columns.items():
        head = _fit_head(features, target, chosen_c[name])
        if head is not None:
            classifier.heads[name] = head
            source = best[PERSUASIVE if name == PERSUASIVE else "labels"][2]
            classifier.thresholds[name] = source.get(name, 0.5)
    classifier.labels = [label for label in labels if label in classifier.heads]
    classifier.c = chosen_c
    rules = _rule_scores(classifier, runs[best["labels"][1]], runs[best[PERSUASIVE][1]], tuning)
    classifier.fallback = rules[True] > rules[False]
    report = {
        "tuned_on": "dev" if dev else f"{FOLDS}-fold out-of-fold predictions on train",
        "c": {"labels": best["labels"][1], PERSUASIVE: best[PERSUASIVE][1]},
        "tuning_micro_f1": round(best["labels"][0], 4),
        "tuning_persuasive_accuracy": round(best[PERSUASIVE][0], 4),
        "tuning_document_micro_f1": {"with fallback": round(rules[True], 4), "without": round(rules[False], 4)},
        "fallback": classifier.fallback,
    }
    return classifier, report
