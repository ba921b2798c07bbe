"""Emotions per sentence and per document, with negation and intensifiers."""

from __future__ import annotations

import pytest

from marsad.rhetoric import EmotionScorer


@pytest.fixture(scope="module")
def scorer() -> EmotionScorer:
    return EmotionScorer()


def test_labels_are_the_emotional_tone_set_and_sum_to_one(scorer):
    result = scorer.score_text("شعرت بحزن عميق بعد رحيل صديقي.")
    assert set(result.emotions) == {"anger", "fear", "joy", "love", "sadness", "surprise", "sympathy", "none"}
    assert abs(sum(result.emotions.values()) - 1) < 0.01
    assert result.top == "sadness"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("أنا خايفة جدا من بكرة", "fear"),
        ("مبروك النجاح يا بطل، فرحتنا كبيرة", "joy"),
        ("بحبك يا أحلى حد في الدنيا", "love"),
        ("حسبي الله ونعم الوكيل فيهم، حاجة تفور الدم", "anger"),
        ("مش معقول! صدمة كبيرة بجد", "surprise"),
        ("اللهم كن لأهلنا في الموصل، قلوبنا معكم", "sympathy"),
        ("غادرت الطائرة في موعدها المحدد صباح اليوم", "none"),
    ],
)
def test_a_clear_text_gets_its_emotion(scorer, text, label):
    assert scorer.classify(text) == label


def test_negation_turns_a_cue_against_its_emotion(scorer):
    plain = scorer.score_text("أنا سعيد بهذا القرار.")
    negated = scorer.score_text("أنا لست سعيدا بهذا القرار.")
    assert plain.top == "joy"
    assert negated.emotions["joy"] == 0
    cue = negated.sentences[0].cues[0]
    assert cue.label == "joy" and cue.weight < 0


def test_an_intensifier_raises_the_weight(scorer):
    plain = scorer.score_text("الوضع مقلق.").sentences[0].cues[0].weight
    strong = scorer.score_text("الوضع مقلق جدا.").sentences[0].cues[0].weight
    assert strong > plain


def test_sentences_without_cues_are_not_listed_and_intensity_is_bounded(scorer):
    text = "وصل الوفد إلى العاصمة. وعبر الأهالي عن حزنهم وغضبهم الشديد بعد المجزرة."
    result = scorer.score_text(text)
    assert len(result.sentences) == 1
    sentence = result.sentences[0]
    assert text[sentence.start : sentence.end].startswith("وعبر الأهالي")
    for cue in sentence.cues:
        assert text[cue.start : cue.end] == cue.text
    assert 0 < result.intensity <= 1 and 0 < sentence.intensity <= 1
    assert scorer.score_text("وصل الوفد إلى العاصمة.").intensity == 0
