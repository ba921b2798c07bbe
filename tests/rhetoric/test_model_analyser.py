"""The trained model in the pipeline: `--rhetoric-model DIR` adds to the rhetoric layer, never replaces."""

from __future__ import annotations

import pytest
from tiny_corpus import UNSEEN_LOADED, UNSEEN_PLAIN, train_model

from marsad import service
from marsad.errors import MarsadError
from marsad.model import Analysis, Document, Technique
from marsad.pipeline import build_pipeline, default_names
from marsad.rhetoric.model_analyser import RhetoricModelAnalyser


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    return train_model(tmp_path_factory.mktemp("analyser"))


def test_the_model_analyser_is_off_by_default_and_on_with_a_model(model_dir):
    assert "rhetoric_model" not in default_names()
    plain = service.pipeline_for()
    assert "rhetoric_model" not in plain.names
    with_model = service.pipeline_for(config=service.AnalyserConfig(rhetoric_model=model_dir))
    assert with_model.names[-1] == "rhetoric_model"
    assert set(plain.names) < set(with_model.names)
    only = service.pipeline_for(["sentences"], service.AnalyserConfig(rhetoric_model=model_dir))
    assert only.names == ["sentences", "rhetoric_model"]


def test_analysis_carries_model_spans_document_labels_and_persuasion(model_dir):
    text = f"{UNSEEN_PLAIN}. {UNSEEN_LOADED}."
    analysis = service.analyse_text(text, only=["sentences"], config=service.AnalyserConfig(rhetoric_model=model_dir))
    rhetoric = analysis.rhetoric
    assert rhetoric.techniques
    for technique in rhetoric.techniques:
        assert text[technique.start : technique.end] == technique.text
        assert technique.source == "model:model" and technique.cue is None
        assert technique.start >= text.index(UNSEEN_LOADED)  # nothing in the plain sentence
    assert "Loaded_Language" in {t.label for t in rhetoric.document_techniques}
    assert rhetoric.persuasive is not None and rhetoric.persuasive > 0.5
    data = analysis.to_dict()["rhetoric"]
    assert data["document_techniques"][0]["source"] == "model:model"
    assert Analysis.from_dict(analysis.to_dict()).rhetoric == rhetoric


def test_lexicon_findings_are_kept_and_not_repeated(model_dir):
    text = UNSEEN_LOADED
    pipeline = build_pipeline(["sentences"])
    analysis = pipeline(Document("d1", "", text))
    analyser = RhetoricModelAnalyser(service.AnalyserConfig(rhetoric_model=model_dir))
    model_only = build_pipeline(["sentences"])(Document("d1", "", text))
    analyser(model_only)
    assert model_only.rhetoric.techniques
    first = model_only.rhetoric.techniques[0]
    lexicon = Technique(first.label, first.start, first.end, first.text, 0.9, cue="مذبحة")
    other = Technique("Name_Calling-Labeling", 0, 6, text[0:6], 0.7, cue="ارتكبت")
    analysis.rhetoric.techniques = [lexicon, other]
    analysis.rhetoric.emotions = {"anger": 0.6}
    analyser(analysis)
    techniques = analysis.rhetoric.techniques
    assert lexicon in techniques and other in techniques
    assert not any(t.source and (t.label, t.start, t.end) == (first.label, first.start, first.end) for t in techniques)
    assert analysis.rhetoric.emotions == {"anger": 0.6}
    assert [t.start for t in techniques] == sorted(t.start for t in techniques)


def test_the_analyser_without_a_model_says_what_to_give():
    with pytest.raises(MarsadError, match=r"\[M232\].*rhetoric_model analyser"):
        RhetoricModelAnalyser(service.AnalyserConfig())


def test_an_unloadable_model_fails_when_the_pipeline_is_built(tmp_path):
    with pytest.raises(MarsadError, match=r"\[M224\]"):
        service.pipeline_for(config=service.AnalyserConfig(rhetoric_model=tmp_path))
