"""Emotions of a whole text: TF-IDF n-grams and a multinomial logistic regression.

Trained on the emotional-tone tweets (eight labels, one per tweet); C is chosen by
out-of-fold accuracy on the training part, or on dev examples when given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from .datasets import EMOTION_LABELS, Example
from .features import text_vectorizer

Progress = Callable[[str, int, int], None]
C_GRID = (1.0, 4.0, 16.0)
FOLDS = 3


def _no_progress(step: str, done: int, total: int) -> None:
    pass


@dataclass
class EmotionClassifier:
    vectorizer: object
    classifier: LogisticRegression

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.classifier.classes_]

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        rows = self.classifier.predict_proba(self.vectorizer.transform(texts))
        return [dict(zip(self.labels, map(float, row))) for row in rows]

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [str(label) for label in self.classifier.predict(self.vectorizer.transform(texts))]


def _fit(texts: Sequence[str], labels: Sequence[str], c: float) -> EmotionClassifier:
    vectorizer = text_vectorizer()
    features = vectorizer.fit_transform(texts)
    return EmotionClassifier(vectorizer, LogisticRegression(C=c, max_iter=3000).fit(features, labels))


def _accuracy(model: EmotionClassifier, texts: Sequence[str], labels: Sequence[str]) -> float:
    return float(np.mean(np.array(model.predict(texts)) == np.array(labels)))


def train_emotion_classifier(
    train: Sequence[Example],
    dev: Sequence[Example] | None = None,
    c_grid: Sequence[float] = C_GRID,
    progress: Progress = _no_progress,
) -> tuple[EmotionClassifier, dict]:
    texts = [e.text for e in train]
    labels = [e.emotion for e in train]
    scores: dict[float, float] = {}
    for done, c in enumerate(c_grid):
        progress(f"tuning C={c}", done, len(c_grid))
        if dev:
            scores[c] = _accuracy(_fit(texts, labels, c), [e.text for e in dev], [e.emotion for e in dev])
            continue
        folds = StratifiedKFold(FOLDS, shuffle=True, random_state=13).split(texts, labels)
        scores[c] = float(
            np.mean(
                [
                    _accuracy(
                        _fit([texts[i] for i in fit], [labels[i] for i in fit], c),
                        [texts[i] for i in held],
                        [labels[i] for i in held],
                    )
                    for fit, held in folds
                ]
            )
        )
    best = max(scores, key=scores.get)
    progress("fitting", len(c_grid), len(c_grid))
    every = list(train) + list(dev or ())
    model = _fit([e.text for e in every], [e.emotion for e in every], best)
    unknown = set(model.labels) - set(EMOTION_LABELS)
    report = {
        "tuned_on": "dev" if dev else f"{FOLDS}-fold cross-validation on train",
        "c": best,
        "tuning_accuracy": round(scores[best], 4),
        "unknown_labels": sorted(unknown),
    }
    return model, report
