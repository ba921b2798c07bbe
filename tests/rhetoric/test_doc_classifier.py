"""The document classifier's threshold tuning (the rest is covered through training in test_training.py)."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.rhetoric.doc_classifier import PERSUASIVE, _Targets, balanced_accuracy, tune_thresholds


def test_balanced_accuracy_weighs_both_classes_equally():
    target = np.array([1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
    everything = np.ones(10, dtype=bool)
    assert balanced_accuracy(target, everything) == pytest.approx(0.5)  # accuracy would be 0.8
    assert balanced_accuracy(target, target == 1) == pytest.approx(1.0)
    one_class = np.array([1, 1, 1])
    assert balanced_accuracy(one_class, np.array([True, False, True])) == pytest.approx(2 / 3)


def test_persuasive_threshold_does_not_follow_the_share_of_persuasive_texts():
    # 80% persuasive texts; the negatives score up to 0.6, the positives from 0.3 upwards.
    # Accuracy would pick a low threshold that calls every ambiguous text persuasive;
    # balanced accuracy keeps the texts without a technique apart.
    rng = np.random.default_rng(7)
    positives = rng.uniform(0.3, 1.0, 400)
    negatives = rng.uniform(0.0, 0.6, 100)
    probabilities = {PERSUASIVE: np.concatenate([positives, negatives])}
    target = np.concatenate([np.ones(400, dtype=int), np.zeros(100, dtype=int)])
    tuning = _Targets(texts=[""] * 500, columns={PERSUASIVE: target})
    thresholds, _ = tune_thresholds(probabilities, tuning)
    predicted = probabilities[PERSUASIVE] >= thresholds[PERSUASIVE]
    assert 0.45 <= thresholds[PERSUASIVE] <= 0.65  # accuracy picks about 0.3 here
    assert np.mean(~predicted[target == 0]) > 0.7  # most texts without a technique are kept apart
