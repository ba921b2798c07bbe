"""The official metrics on cases computed by hand, and against the published baselines."""

from __future__ import annotations

import pytest

from conftest import external
from marsad.rhetoric.datasets import NO_TECHNIQUE, read_dataset
from marsad.rhetoric.metrics import multilabel_scores, single_label_scores, span_scores

LL, NC = "Loaded_Language", "Name_Calling-Labeling"


def test_partial_overlap_earns_proportional_credit():
    # gold 0-10, predicted 5-15: half of each is shared
    scores = span_scores([[(0, 10, LL)]], [[(5, 15, LL)]])
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.micro_f1 == pytest.approx(0.5)


def test_two_predictions_inside_one_gold_span():
    # predicted 0-4 and 6-10 inside gold 0-10: precision (4/4 + 4/4) / 2, recall (4/10 + 4/10) / 1
    scores = span_scores([[(0, 10, LL)]], [[(0, 4, LL), (6, 10, LL)]])
    assert scores.precision == pytest.approx(1.0)
    assert scores.recall == pytest.approx(0.8)
    assert scores.micro_f1 == pytest.approx(2 * 0.8 / 1.8)


def test_overlap_with_another_label_earns_nothing_and_counts_against_both():
    scores = span_scores([[(0, 10, LL), (20, 30, NC)]], [[(0, 10, NC)]])
    assert scores.micro_f1 == 0.0
    assert scores.per_label[NC].support == 1 and scores.per_label[NC].f1 == 0.0


def test_credit_is_per_text_and_micro_averaged():
    gold = [[(0, 4, LL)], [(0, 8, LL)]]
    predicted = [[(0, 4, LL)], [(4, 12, LL)]]  # exact; half of 8 on both sides
    scores = span_scores(gold, predicted)
    assert scores.precision == pytest.approx((1 + 0.5) / 2)
    assert scores.recall == pytest.approx((1 + 0.5) / 2)
    # the same offsets in different texts never overlap
    assert span_scores([[(0, 4, LL)], []], [[], [(0, 4, LL)]]).micro_f1 == 0.0


def test_nothing_to_find_and_nothing_found_is_perfect():
    assert span_scores([[], []], [[], []]).micro_f1 == 1.0
    assert span_scores([[(0, 3, LL)]], [[]]).micro_f1 == 0.0


def test_multilabel_micro_and_macro_count_no_technique_as_a_label():
    labels = [LL, NC, NO_TECHNIQUE]
    gold = [{LL, NC}, {NO_TECHNIQUE}, {LL}]
    predicted = [{LL}, {LL}, {LL}]
    scores = multilabel_scores(gold, predicted, labels)
    # LL: tp 2, fp 1, fn 0 -> F1 0.8; NC: fn 1 -> 0; no_technique: fn 1 -> 0
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 4)
    assert scores.micro_f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert scores.macro_f1 == pytest.approx(0.8 / 3)
    assert scores.per_label[LL].support == 2


def test_labels_outside_the_label_set_are_ignored():
    scores = multilabel_scores([{LL}], [{LL, "Invented_Label"}], [LL, NO_TECHNIQUE])
    assert scores.micro_f1 == 1.0


def test_single_label_accuracy_equals_micro_f1():
    scores = single_label_scores(["joy", "anger", "none", "joy"], ["joy", "joy", "none", "fear"], ["joy", "anger", "none", "fear"])
    assert scores.accuracy == pytest.approx(0.5)
    assert scores.micro_f1 == pytest.approx(0.5)
    # joy: tp1 fp1 fn1 -> 0.5; anger 0; none 1.0; fear 0
    assert scores.macro_f1 == pytest.approx(1.5 / 4)


def test_length_mismatch_is_an_error():
    with pytest.raises(ValueError):
        span_scores([[]], [])


# The data sets' READMEs give these baselines; the metrics must reproduce them.


def test_always_loaded_language_on_araieval_2023_1b_test_is_0_360():
    dataset = read_dataset(external("araieval2023_task1", "task1B_test.jsonl"))
    gold = [e.labels or (NO_TECHNIQUE,) for e in dataset.examples]
    scores = multilabel_scores(gold, [(LL,)] * len(gold), dataset.label_set)
    assert scores.micro_f1 == pytest.approx(0.360, abs=5e-4)
    two = multilabel_scores(gold, [(LL, NC)] * len(gold), dataset.label_set)
    assert two.micro_f1 == pytest.approx(0.404, abs=5e-4)


def test_always_true_on_araieval_2023_1a_test_is_0_658():
    dataset = read_dataset(external("araieval2023_task1", "task1A_test.jsonl"))
    gold = ["true" if e.persuasive else "false" for e in dataset.examples]
    scores = single_label_scores(gold, ["true"] * len(gold), ("true", "false"))
    assert scores.micro_f1 == pytest.approx(0.658, abs=5e-4)
    assert scores.macro_f1 == pytest.approx(0.397, abs=5e-4)


def test_always_loaded_language_on_wanlp_2022_dev_test_is_0_376():
    dataset = read_dataset(external("wanlp2022_propaganda", "data", "task1_dev_test.json"))
    gold = [e.labels or (NO_TECHNIQUE,) for e in dataset.examples]
    assert multilabel_scores(gold, [(LL,)] * len(gold), dataset.label_set).micro_f1 == pytest.approx(0.376, abs=5e-4)
    assert multilabel_scores(gold, [(LL, NC)] * len(gold), dataset.label_set).micro_f1 == pytest.approx(0.535, abs=5e-4)
