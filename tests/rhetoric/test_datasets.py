"""Readers of the public labelled formats, on fixtures written in those formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import MarsadError
from marsad.rhetoric.datasets import (
    BINARY,
    EMOTIONS,
    MULTILABEL,
    NO_TECHNIQUE,
    SPANS,
    WANLP2022,
    emotion_part,
    is_test_split,
    overlap_key,
    read_dataset,
    scheme_labels,
    technique_labels,
    without_overlaps,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_araieval_2023_binary_reads_true_and_false_case_insensitively():
    dataset = read_dataset(FIXTURES / "araieval23_1A.jsonl")
    assert dataset.task == BINARY
    assert [e.persuasive for e in dataset.examples] == [False, True, False]
    assert dataset.examples[0].kind == "tweet"
    assert dataset.label_set == ("true", "false")


def test_araieval_2023_multilabel_drops_no_technique_and_skips_blank_lines():
    dataset = read_dataset(FIXTURES / "araieval23_1B.jsonl")
    assert dataset.task == MULTILABEL and len(dataset) == 3
    assert dataset.examples[0].labels == () and dataset.examples[0].persuasive is False
    assert dataset.examples[1].labels == ("Loaded_Language", "Name_Calling-Labeling")
    assert NO_TECHNIQUE in dataset.label_set and len(dataset.label_set) == 24


def test_wanlp_2022_names_map_to_the_araieval_taxonomy():
    dataset = read_dataset(FIXTURES / "wanlp22_task1.json")
    assert dataset.task == MULTILABEL and dataset.scheme == WANLP2022
    assert dataset.examples[0].labels == ("Appeal_to_Fear-Prejudice", "Name_Calling-Labeling")
    assert dataset.examples[1].labels == ()
    # Smears -> Questioning_the_Reputation, Reductio ad hitlerum -> Guilt_by_Association
    assert dataset.examples[2].labels == ("Guilt_by_Association", "Loaded_Language", "Questioning_the_Reputation")
    assert dataset.examples[0].id == "101"
    assert len(dataset.label_set) == 21  # 20 WANLP techniques + no_technique, in ArAIEval names
    assert "Appeal_to_Hypocrisy" not in dataset.label_set


def test_the_wanlp_mapping_is_one_to_one():
    wanlp = scheme_labels(WANLP2022)
    assert len(set(wanlp)) == len(wanlp) == 21
    assert set(wanlp) <= set(technique_labels()) | {NO_TECHNIQUE}


def test_spans_keep_official_offsets_and_align_for_training():
    dataset = read_dataset(FIXTURES / "wanlp22_task2.json")
    assert dataset.task == SPANS
    fear = dataset.examples[0].spans[1]
    assert (fear.label, fear.text) == ("Appeal_to_Fear-Prejudice", "تنشر الرعب في القرى الآمنة")
    text = dataset.examples[2].text
    loaded = dataset.examples[2].spans[0]
    assert (loaded.start, loaded.end) == (13, 19)  # as the file says, one character off
    assert text[loaded.start : loaded.end] != "الفاسد"
    aligned = dataset.examples[2].aligned_spans()[0]
    assert text[aligned.start : aligned.end] == "الفاسد"
    assert dataset.examples[1].spans == () and dataset.examples[1].persuasive is False


def test_araieval_2024_and_armpro_span_files():
    spans = read_dataset(FIXTURES / "araieval24_spans.jsonl")
    assert spans.task == SPANS
    first = spans.examples[0]
    assert [(s.label, first.text[s.start : s.end]) for s in first.spans] == [
        ("Loaded_Language", "همجي"),
        ("Exaggeration-Minimisation", "عشرات الضحايا"),
    ]
    assert first.labels == ("Exaggeration-Minimisation", "Loaded_Language")
    armpro = read_dataset(FIXTURES / "armpro_span.jsonl")
    assert armpro.examples[0].id == "pg1_001"
    assert armpro.examples[0].text.startswith("ونددت المنظمة")
    assert read_dataset(FIXTURES / "armpro_binary.jsonl").task == BINARY


def test_coarse_labels_are_refused_with_a_pointer_to_the_fine_files():
    with pytest.raises(MarsadError) as caught:
        read_dataset(FIXTURES / "armpro_coarse.jsonl")
    assert caught.value.code == "M220" and "multilabel or span file" in str(caught.value)


def test_unknown_label_bad_json_and_missing_file(tmp_path):
    unknown = tmp_path / "unknown.jsonl"
    unknown.write_text(json.dumps({"id": "1", "text": "نص", "labels": ["Propaganda_Bingo"]}) + "\n", encoding="utf-8")
    with pytest.raises(MarsadError, match=r"\[M222\].*Propaganda_Bingo"):
        read_dataset(unknown)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "1", "text": "نص", "labels": []}\n{"id": 2, "text": \n', encoding="utf-8")
    with pytest.raises(MarsadError, match=r"\[M221\] .*broken.jsonl:2:"):
        read_dataset(broken)
    with pytest.raises(MarsadError, match=r"\[M001\]"):
        read_dataset(tmp_path / "absent.jsonl")


def test_emotions_csv_with_padded_header_and_labels_and_the_held_back_split():
    dataset = read_dataset(FIXTURES / "emotions.csv")
    assert dataset.task == EMOTIONS
    assert [e.emotion for e in dataset.examples] == ["sympathy", "joy", "anger", "fear"]
    assert [e.id for e in emotion_part(dataset, "test")] == ["5", "10"]
    assert [e.id for e in emotion_part(dataset, "train")] == ["1", "7"]


def test_test_splits_are_recognised_by_name():
    assert is_test_split(Path("task1A_test.jsonl"))
    assert is_test_split(Path("task1_dev_test.json"))
    assert is_test_split(Path("ArMPro_span_test_V2.jsonl"))
    assert not is_test_split(Path("task1B_train.jsonl"))
    assert not is_test_split(Path("contest_notes.jsonl"))


def test_overlap_key_sees_a_reprinted_tweet_as_the_same_text():
    original = "RT @agency: عاجل | الرئيس يصل إلى الرياض https://t.co/abc123"
    reprint = "عاجل | الرئيس يصل الى الرياض LINK"
    assert overlap_key(original) == overlap_key(reprint)
    assert overlap_key(original) != overlap_key("عاجل | الرئيس يغادر الرياض LINK")


def test_without_overlaps_drops_excluded_texts_and_repeats():
    examples = read_dataset(FIXTURES / "araieval23_1B.jsonl").examples
    kept = without_overlaps([*examples, examples[0]], [overlap_key(examples[1].text)])
    assert [e.id for e in kept] == ["t1", "p1"]
