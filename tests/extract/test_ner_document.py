"""Document features (what the first pass said about the same word elsewhere) and the
two-pass model that uses them: trained, saved, reloaded, used by the `ner` analyser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.analyser import AnalyserConfig
from marsad.errors import MarsadError
from marsad.extract.ner.analyser import CrfEntitiesAnalyser
from marsad.extract.ner.conll import read_conll
from marsad.extract.ner.document import DocumentFeatures
from marsad.extract.ner.features import default_featuriser
from marsad.extract.ner.model_dir import FIRST_PASS_FILE, MANIFEST_FILE, MODEL_FILE, load_tagger
from marsad.extract.ner.training import TrainingPlan, TrainingResult, cross_validated_tags, train_model
from marsad.extract.ner.crf import featurise
from marsad.model import Document

TINY = Path(__file__).resolve().parent / "data" / "tiny_ner.conll"


def test_each_word_learns_the_types_its_other_occurrences_got():
    sentences = [["قال", "الرئيس", "إميل", "لحود"], ["وأكد", "لحود", "أن", "بيروت", "آمنة"], ["زار", "لحود", "بيروت", "."]]
    first_pass = [["O", "O", "B-PER", "I-PER"], ["O", "O", "O", "B-LOC", "O"], ["O", "B-PER", "B-LOC", "O"]]
    found = DocumentFeatures(window=5)(sentences, first_pass)
    assert found[1][1] == ["dany=PER", "dmaj=PER", "dfrac=PER:4"]  # both other «لحود» were persons
    assert found[0][3] == ["dany=PER", "dmaj=PER", "dfrac=PER:2"]  # one of two others
    assert found[2][2] == ["dany=LOC", "dmaj=LOC", "dfrac=LOC:4"]
    assert found[0][1] == ["dnone"]  # «الرئيس» occurs once
    assert found[2][3] == []  # punctuation has no document features


def test_occurrences_outside_the_window_are_not_counted():
    sentences = [["لحود"], ["أمس"], ["أمس"], ["لحود"]]
    first_pass = [["B-PER"], ["O"], ["O"], ["O"]]
    assert DocumentFeatures(window=2)(sentences, first_pass)[3][0] == ["dnone"]
    assert DocumentFeatures(window=3)(sentences, first_pass)[3][0] == ["dany=PER", "dmaj=PER", "dfrac=PER:4"]
    assert DocumentFeatures(window=1)(sentences, first_pass)[1][0] == ["dallO"]


def test_the_manifest_description_round_trips_and_refuses_other_versions():
    features = DocumentFeatures(window=7)
    assert DocumentFeatures.from_description(features.describe()).window == 7
    assert DocumentFeatures.from_description({**features.describe(), "version": "0"}) is None


def test_cross_validated_tags_come_from_models_that_never_saw_the_sentence(tmp_path):
    corpus = read_conll(TINY)
    data = featurise(corpus.sentences, default_featuriser())
    from marsad.extract.ner.crf import Hyperparameters

    tags = cross_validated_tags(data, Hyperparameters(0.01, 0.01, 40), 3, tmp_path, lambda *_: None)
    assert [len(t) for t in tags] == [len(s.tokens) for s in corpus.sentences]
    assert not list(tmp_path.iterdir())  # fold models are removed


@pytest.fixture(scope="module")
def two_pass_dir(tmp_path_factory) -> Path:
    """A model whose second pass is kept whatever the dev scores (the tiny fixture's
    dev is too small to say), to exercise saving and loading two passes."""
    out = tmp_path_factory.mktemp("two_pass")
    original = TrainingResult.two_passes
    TrainingResult.two_passes = property(lambda self: self.second_pass is not None)
    try:
        plan = TrainingPlan([read_conll(TINY)], c1=(0.01,), c2=(0.01,), max_iterations=60, stack_folds=3)
        train_model(plan, out, default_featuriser())
    finally:
        TrainingResult.two_passes = original
    return out


def test_a_two_pass_model_is_saved_and_reloaded(two_pass_dir):
    assert sorted(path.name for path in two_pass_dir.iterdir()) == [FIRST_PASS_FILE, MANIFEST_FILE, MODEL_FILE]
    manifest = json.loads((two_pass_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["passes"] == 2 and manifest["stack_folds"] == 3
    assert manifest["second_pass"]["document"] == DocumentFeatures().describe()
    assert {"dev", "dev_first_pass", "dev_second_pass"} <= manifest["metrics"].keys()
    tagger, _ = load_tagger(two_pass_dir)
    assert tagger.second is not None and tagger.document is not None
    tagged = tagger.tag_document([["وصل", "أحمد", "العلي", "إلى", "بغداد", "."], ["وقال", "العلي", "إن", "بغداد", "آمنة", "."]])
    assert tagged[0][4] == "B-LOC" and tagged[1][3] == "B-LOC"
    assert tagger.tag_document([[], ["بغداد"]])[0] == []


def test_the_analyser_tags_a_document_with_both_passes(two_pass_dir):
    analyser = CrfEntitiesAnalyser(AnalyserConfig(ner_model=two_pass_dir))
    from marsad.pipeline import build_pipeline

    pipeline = build_pipeline(["entities"])
    analysis = pipeline(Document(id="d", title="", text="وصل أحمد العلي إلى بغداد أمس. وقال العلي إن الوضع هادئ."))
    analyser(analysis)
    for entity in analysis.entities:
        assert analysis.text[entity.start : entity.end] == entity.text
    assert any(entity.text == "بغداد" and entity.type == "LOC" for entity in analysis.entities)


def test_a_second_pass_on_unknown_document_features_is_refused(two_pass_dir, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in two_pass_dir.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    manifest = json.loads((copy / MANIFEST_FILE).read_text(encoding="utf-8"))
    manifest["second_pass"]["document"]["version"] = "99"
    (copy / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        load_tagger(copy)
    assert caught.value.code == "M175" and "document v99" in str(caught.value)
    (copy / FIRST_PASS_FILE).unlink()
    manifest["second_pass"]["document"]["version"] = DocumentFeatures.version
    (copy / MANIFEST_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        load_tagger(copy)
    assert caught.value.code == "M174" and FIRST_PASS_FILE in str(caught.value)


def test_sentences_from_different_files_are_different_documents():
    from marsad.extract.ner.document import by_document

    assert by_document(["a", "a", "b", "a"]) == [range(0, 2), range(2, 3), range(3, 4)]
    assert by_document([]) == []
    features = DocumentFeatures(window=5)
    found = features.over_documents([["لحود"], ["لحود"], ["لحود"]], [["B-PER"], ["O"], ["B-PER"]], ["a.conll", "a.conll", "b.conll"])
    assert found[1][0] == ["dany=PER", "dmaj=PER", "dfrac=PER:4"]  # only the «لحود» of a.conll
    assert found[2][0] == ["dnone"]
