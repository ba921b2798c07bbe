"""Train -> save -> load -> predict on a tiny corpus, and the model store's checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tiny_corpus import UNSEEN_LOADED, UNSEEN_PLAIN, write

from marsad.errors import MarsadError
from marsad.rhetoric import store
from marsad.rhetoric.datasets import read_dataset
from marsad.rhetoric.span_tagger import bio_tags, runs
from marsad.rhetoric.training import train_techniques
from marsad.text import tokenize


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rhetoric-model")
    data = read_dataset(write(folder / "tiny_spans.jsonl"))
    steps = []
    payload, description = train_techniques([data], progress=lambda step, done, total: steps.append(step))
    store.save_part(folder / "model", store.TECHNIQUES, payload, description)
    assert any(step.startswith("spans:") for step in steps) and any(step.startswith("documents:") for step in steps)
    return folder / "model"


def test_bio_tags_and_runs_round_trip_over_arabic_tokens():
    text = "ارتكبت العصابات مجزرة وحشية في القرية"
    tokens = tokenize(text)
    start = text.index("مجزرة وحشية")
    tags = bio_tags(tokens, [(start, start + len("مجزرة وحشية"))])
    assert tags == ["O", "O", "B", "I", "O", "O"]
    assert runs(tags) == [(2, 3)]
    assert runs(["I", "I", "O", "B", "B"]) == [(0, 1), (3, 3), (4, 4)]


def test_manifest_records_versions_labels_data_and_tuning(model_dir):
    manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == store.FORMAT
    part = manifest["parts"]["techniques"]
    assert part["span_labels"] == ["Loaded_Language", "Name_Calling-Labeling"]
    assert set(part["document_labels"]) == {"Loaded_Language", "Name_Calling-Labeling"}
    assert part["training_data"][0]["name"].endswith("tiny_spans.jsonl")
    assert part["training_data"][0]["used"] == part["training_data"][0]["examples"] == 60
    assert "scikit-learn" in part["libraries"] and len(part["sha256"]) == 64
    assert part["label_counts"]["no_technique"] == 20
    assert 0 < part["tuning"]["spans"]["threshold"] < 1


def test_loaded_model_finds_the_loaded_phrase_in_an_unseen_sentence(model_dir):
    model = store.load_model(model_dir)
    spans = model.spans.predict(UNSEEN_LOADED)
    loaded = [s for s in spans if s.label == "Loaded_Language"]
    assert loaded, spans
    assert any("مذبحة" in UNSEEN_LOADED[s.start : s.end] for s in loaded)
    assert all(0 < s.score <= 1 for s in spans)
    assert model.spans.predict(UNSEEN_PLAIN) == []


def test_loaded_model_labels_documents(model_dir):
    model = store.load_model(model_dir)
    loaded, plain = model.document.predict([UNSEEN_LOADED, UNSEEN_PLAIN])
    assert "Loaded_Language" in loaded.labels and loaded.is_persuasive
    assert plain.labels == [] and not plain.is_persuasive
    assert loaded.persuasive > plain.persuasive


def test_a_changed_file_is_refused(model_dir, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for file in model_dir.iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    with (copy / "techniques.joblib").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(MarsadError, match=r"\[M225\].*changed since training"):
        store.load_model(copy)


def test_another_scikit_learn_release_is_refused(model_dir, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for file in model_dir.iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["parts"]["techniques"]["libraries"]["scikit-learn"] = "0.24.2"
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(MarsadError, match=r"\[M225\].*trained with scikit-learn 0.24.2"):
        store.load_model(copy)


def test_wrong_format_missing_manifest_and_missing_part(model_dir, tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"format": "other/9", "parts": {}}), encoding="utf-8")
    with pytest.raises(MarsadError, match=r"\[M225\].*format 'other/9'"):
        store.load_model(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(MarsadError, match=r"\[M224\]"):
        store.load_model(empty)
    with pytest.raises(MarsadError, match=r"\[M226\].*marsad train emotions"):
        store.load_model(model_dir).require(store.EMOTIONS)


def test_training_refuses_emotion_data_and_empty_training_sets(tmp_path):
    emotions = read_dataset(Path(__file__).parent / "fixtures" / "emotions.csv")
    with pytest.raises(MarsadError, match=r"\[M230\]"):
        train_techniques([emotions])
    data = read_dataset(write(tmp_path / "tiny.jsonl"))
    with pytest.raises(MarsadError, match=r"\[M229\]"):
        train_techniques([data], exclude=[data])


def test_a_text_in_several_sets_keeps_its_span_labelled_copy():
    from marsad.rhetoric.datasets import without_overlaps
    from marsad.rhetoric.training import _richest_first

    fixtures = Path(__file__).parent / "fixtures"
    documents = read_dataset(fixtures / "wanlp22_task1.json")
    spans = read_dataset(fixtures / "wanlp22_task2.json")
    kept = without_overlaps(_richest_first([documents, spans]), set())
    assert len(kept) == 3
    assert all(example.spans is not None for example in kept)
