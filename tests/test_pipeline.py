import pytest

from marsad.analyser import Analyser
from marsad.errors import MarsadError
from marsad.model import Document
from marsad.pipeline import REGISTRY, Pipeline, build_pipeline, default_names, with_dependencies


def document(text="قال المتحدث إن المعركة انتهت. ثم غادر."):
    return Document(id="d", title="t", text=text)


def test_default_pipeline_runs_every_default_analyser_in_registry_order():
    pipeline = build_pipeline()
    assert pipeline.names == default_names() == [n for n, e in REGISTRY.items() if e.default]
    analysis = pipeline(document())
    assert analysis.layers == pipeline.names
    assert [analysis.text[s.start : s.end] for s in analysis.sentences] == ["قال المتحدث إن المعركة انتهت.", "ثم غادر."]


def test_only_selects_and_adds_what_is_needed():
    assert with_dependencies(["sentences"]) == ["sentences"]
    analysis = build_pipeline(["sentences"])(document())
    assert analysis.layers == ["sentences"]
    assert "tokens" not in analysis.views


def test_unknown_analyser_is_a_usage_error_listing_the_choices():
    with pytest.raises(MarsadError) as caught:
        build_pipeline(["sentences", "nonsense", "other"])
    assert caught.value.code == "M006"
    assert "nonsense, other" in str(caught.value)
    assert "sentences" in str(caught.value)
    assert caught.value.exit_code == 2


class NeedsMany(Analyser):
    name = "needy"
    needs = ("entities", "events")
    provides = ("report",)


class NeedsReport(Analyser):
    name = "reader"
    needs = ("report", "quotes")


def test_unmet_needs_are_all_reported_in_one_error():
    with pytest.raises(MarsadError) as caught:
        Pipeline([NeedsMany(), NeedsReport()])
    message = str(caught.value)
    assert caught.value.code == "M007"
    assert "'needy' needs entities, events" in message
    assert "'reader' needs quotes" in message
    assert "report" not in message.split("'reader' needs")[1]


class Exploding(Analyser):
    name = "exploding"

    def __call__(self, analysis):
        raise RuntimeError("boom")


def test_an_analyser_crash_becomes_a_coded_error_naming_the_analyser():
    with pytest.raises(MarsadError) as caught:
        Pipeline([Exploding()])(document())
    assert caught.value.code == "M008"
    assert "'exploding'" in str(caught.value) and "boom" in str(caught.value)


def test_text_without_arabic_gives_sensible_layers():
    pipeline = build_pipeline()
    for text in ("The SDF said on Wednesday it had taken Baghouz. ISIS denied it.", "😀😀 🇸🇾", "\x00\x01 control", " "):
        analysis = pipeline(document(text))
        for sentence in analysis.sentences:
            assert analysis.text[sentence.start : sentence.end].strip()
    english = pipeline(document("The SDF said on Wednesday it had taken Baghouz. ISIS denied it."))
    assert len(english.sentences) == 2


def test_analysing_makes_no_reference_cycles_so_collection_can_wait_for_the_documents_end(example_paths):
    import gc

    from marsad.ingest import read_plaintext

    pipeline = build_pipeline()
    documents = [read_plaintext(path) for path in example_paths]
    for item in documents:
        pipeline(item)  # resources loaded, caches warm
    gc.collect()
    gc.disable()
    try:
        analyses = [pipeline(item) for item in documents]
        assert gc.isenabled() is False  # a caller's choice is kept
    finally:
        gc.enable()
    assert all(analysis.entities for analysis in analyses)
    assert gc.collect() == 0


def test_the_collector_is_enabled_again_after_a_document_and_after_a_failure():
    import gc

    pipeline = build_pipeline(["sentences"])
    pipeline(document())
    assert gc.isenabled()

    class Failing(Analyser):
        name = "failing"

        def __call__(self, analysis):
            raise ValueError("broken")

    with pytest.raises(MarsadError):
        Pipeline([Failing()])(document())
    assert gc.isenabled()
