"""Span scores computed by hand."""

import pytest

from marsad.extract.ner.evaluation import score_tagged
from marsad.extract.scoring import OVERALL, score, without_proclitics


def test_exact_match_per_group_and_micro_overall():
    gold = [("d", 0, 4, "PER"), ("d", 10, 15, "LOC"), ("d", 20, 25, "LOC")]
    predicted = [("d", 0, 4, "PER"), ("d", 10, 15, "ORG"), ("d", 20, 24, "LOC")]
    scores = score(gold, predicted, group=lambda item: item[3])
    assert (scores["PER"].precision, scores["PER"].recall) == (1.0, 1.0)
    assert scores["LOC"].true_positives == 0 and scores["LOC"].false_negatives == 2
    assert scores["LOC"].false_positives == 1
    assert scores["ORG"].false_positives == 1 and scores["ORG"].f1 == 0.0
    overall = scores[OVERALL]
    assert (overall.true_positives, overall.false_positives, overall.false_negatives) == (1, 2, 2)
    assert overall.precision == pytest.approx(1 / 3) and overall.recall == pytest.approx(1 / 3)
    assert overall.f1 == pytest.approx(1 / 3)


def test_duplicates_count_as_often_as_they_occur_and_empty_is_zero():
    scores = score([("a",), ("a",)], [("a",)])
    assert (scores[OVERALL].true_positives, scores[OVERALL].false_negatives) == (1, 1)
    empty = score([], [])
    assert empty[OVERALL].f1 == 0.0 and empty[OVERALL].precision == 0.0


def test_tagged_sentences_score_like_conlleval():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    predicted = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    scores = score_tagged(gold, predicted)
    # PER right; LOC missed and ORG invented in sentence 1; ORG cut short in sentence 2
    assert scores["PER"].f1 == 1.0
    assert (scores["LOC"].gold, scores["LOC"].predicted) == (1, 0)
    assert (scores["ORG"].true_positives, scores["ORG"].false_positives, scores["ORG"].false_negatives) == (0, 2, 1)
    assert scores[OVERALL].precision == pytest.approx(1 / 3)
    assert scores[OVERALL].recall == pytest.approx(1 / 3)
    with pytest.raises(ValueError):
        score_tagged(gold, predicted[:1])


def test_lenient_start_skips_proclitic_letters_only():
    text = "قال إن للتنظيم وبغداد العراق"
    start = text.index("للتنظيم")
    assert text[without_proclitics(text, start, start + 7) : start + 7] == "تنظيم"
    assert without_proclitics(text, start + 1, start + 7) == without_proclitics(text, start, start + 7)
    iraq = text.index("العراق")
    assert without_proclitics(text, iraq, iraq + 6) == iraq  # the article is part of the name
