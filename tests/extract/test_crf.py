"""The CRF recogniser: train on a tiny fixture, save, load, tag; the `ner` analyser and
its merge policy with the rule layers' entities."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from marsad.analyser import AnalyserConfig
from marsad.errors import MarsadError
from marsad.extract.ner.analyser import CrfEntitiesAnalyser
from marsad.extract.ner.conll import read_conll
from marsad.extract.ner.features import default_featuriser
from marsad.extract.ner.merge import crf_entities, merge_entities
from marsad.extract.ner.model_dir import MANIFEST_FILE, MODEL_FILE, load_tagger, read_manifest
from marsad.extract.ner.training import TrainingPlan, split_dev, train_model
from marsad.model import Document, Entity
from marsad.pipeline import build_pipeline
from marsad.text import tokenize

TINY = Path(__file__).resolve().parent / "data" / "tiny_ner.conll"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("crf")
    stages: list[str] = []
    plan = TrainingPlan([read_conll(TINY)], c1=(0.01, 0.1), c2=(0.01,), max_iterations=60)
    result = train_model(plan, out, default_featuriser(), lambda stage, done, total: stages.append(stage))
    assert any(stage.startswith("search c1=0.01") for stage in stages)
    assert any(stage.startswith("final fit") for stage in stages)
    assert len(result.trials) == 2
    return out


def test_training_writes_a_model_and_a_manifest(model_dir):
    assert sorted(path.name for path in model_dir.iterdir()) == [MANIFEST_FILE, MODEL_FILE]
    manifest = json.loads((model_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["format"] == "marsad.ner-crf/1"
    assert manifest["features"] == {"text": "1", "rules": "1"}
    assert set(manifest["labels"]) == {"O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG"}
    assert manifest["hyperparameters"]["c1"] in (0.01, 0.1) and manifest["hyperparameters"]["max_iterations"] == 60
    assert manifest["hyperparameters"]["scheme"] == "IOB2"
    assert manifest["training_files"][0]["sentences"] == 46 and len(manifest["training_files"][0]["sha256"]) == 64
    assert manifest["dev"]["source"] == "carved" and manifest["dev"]["sentences"] == 5
    assert manifest["trained_on"]["sentences"] == 46  # refitted on train + carved dev
    assert [trial["c1"] for trial in manifest["search"]] == [0.01, 0.1]
    assert 0.0 <= manifest["metrics"]["dev"]["overall"]["f1"] <= 1.0


def test_dev_is_carved_from_the_end_of_each_file_unless_given():
    corpus = read_conll(TINY)
    train, dev, carved = split_dev(TrainingPlan([corpus]))
    assert carved and len(dev) == 5 and dev[-1] == corpus.sentences[-1] and train[0] == corpus.sentences[0]
    train, dev, carved = split_dev(TrainingPlan([corpus], dev=[corpus]))
    assert not carved and len(train) == len(dev) == 46


def test_a_loaded_model_tags_known_names_in_new_sentences(model_dir):
    tagger, manifest = load_tagger(model_dir)
    tokens = ["أعلن", "أحمد", "العلي", "من", "بغداد", "أن", "الأمم", "المتحدة", "سترسل", "مساعدات", "."]
    tags = tagger.tag(tokens)
    assert tags[1:3] == ["B-PER", "I-PER"]
    assert tags[4] == "B-LOC"
    assert tags[6:8] == ["B-ORG", "I-ORG"]
    assert tags[0] == tags[3] == tags[-1] == "O"
    assert tagger.tag([]) == []


def test_training_refuses_too_little_or_unlabelled_data(tmp_path):
    few = tmp_path / "few.conll"
    few.write_text("بغداد B-LOC\n\nعمان B-LOC\n", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        train_model(TrainingPlan([read_conll(few)]), tmp_path, default_featuriser())
    assert caught.value.code == "M178" and "only 1 training sentences" in str(caught.value)
    plain = tmp_path / "plain.conll"
    plain.write_text("\n\n".join("كلمة O" for _ in range(40)), encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        train_model(TrainingPlan([read_conll(plain)]), tmp_path, default_featuriser())
    assert "no entity" in str(caught.value)


def test_loading_checks_the_directory_and_the_feature_set(model_dir, tmp_path):
    with pytest.raises(MarsadError) as caught:
        read_manifest(tmp_path / "absent")
    assert caught.value.code == "M174"
    (tmp_path / MANIFEST_FILE).write_text("{}", encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        read_manifest(tmp_path)
    assert caught.value.code == "M174" and MODEL_FILE in str(caught.value)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / MODEL_FILE).write_bytes((model_dir / MODEL_FILE).read_bytes())
    manifest = json.loads((model_dir / MANIFEST_FILE).read_text(encoding="utf-8"))
    (copy / MANIFEST_FILE).write_text(json.dumps({**manifest, "features": {"text": "0"}}), encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        load_tagger(copy)
    assert caught.value.code == "M175" and "text v0" in str(caught.value)
    (copy / MANIFEST_FILE).write_text(json.dumps({**manifest, "format": "other/1"}), encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        load_tagger(copy)
    assert "format 'other/1'" in str(caught.value)


# -- merge policy --------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    canonical: str
    kind: str
    type: str


class FakeGazetteer:
    """Knows a few names, as the gazetteer's resolve() would."""

    names = {
        "بغداد": Target("Baghdad", "town", "LOC"),
        "الأمم المتحدة": Target("United Nations", "organisation", "ORG"),
        "العراق": Target("Iraq", "country", "LOC"),
    }

    def resolve(self, name: str):
        return self.names.get(name)


def entities_for(text: str, tags: list[str], linker=None) -> list[Entity]:
    tokens = tokenize(text)
    assert len(tokens) == len(tags)
    return crf_entities(text, tokens, tags, linker)


def test_crf_spans_lose_proclitics_before_the_article():
    text = "زار والعراق للتنظيم"
    found = entities_for(text, ["O", "B-LOC", "B-ORG"])
    assert [(e.text, e.type) for e in found] == [("العراق", "LOC"), ("لتنظيم", "ORG")]
    for entity in found:
        assert text[entity.start : entity.end] == entity.text


def test_a_bare_proclitic_is_dropped_only_when_the_linker_knows_the_rest():
    text = "وبغداد ووليد"
    found = entities_for(text, ["B-LOC", "B-PER"], FakeGazetteer())
    assert [e.text for e in found] == ["بغداد", "ووليد"]
    assert (found[0].canonical, found[0].kind) == ("Baghdad", "town")
    assert [e.text for e in entities_for(text, ["B-LOC", "O"])] == ["وبغداد"]  # no linker: keep the word


def test_linking_needs_the_same_type():
    text = "بغداد بغداد"
    found = entities_for(text, ["B-LOC", "B-PER"], FakeGazetteer())
    assert found[0].canonical == "Baghdad"
    assert found[1].canonical is None


def test_diacritics_and_tatweel_stay_with_the_proclitic():
    text = "وَالعِراق"
    found = entities_for(text, ["B-LOC"])
    assert found[0].text == "العِراق"


def test_rule_entities_win_where_they_overlap():
    existing = [Entity(10, 20, "x" * 10, "ORG", "Islamic State", "armed_group")]
    added = [
        Entity(12, 25, "y" * 13, "LOC"),  # overlaps a rule entity: dropped
        Entity(30, 35, "z" * 5, "LOC"),
        Entity(32, 40, "w" * 8, "ORG"),  # overlaps an earlier CRF entity: dropped
        Entity(0, 5, "v" * 5, "MISC"),
    ]
    merged = merge_entities(existing, added)
    assert [(e.start, e.end, e.type) for e in merged] == [(0, 5, "MISC"), (10, 20, "ORG"), (30, 35, "LOC")]
    assert merged[1] is existing[0]


def test_unlinked_persons_take_the_fullest_form_of_their_name():
    existing = [Entity(0, 15, "أبو حسن المهاجر", "PER", "أبو حسن المهاجر", "person")]
    added = [Entity(30, 37, "المهاجر", "PER"), Entity(40, 49, "نبيل نعيم", "PER")]
    merged = merge_entities(existing, added)
    assert [(e.text, e.canonical, e.kind) for e in merged[1:]] == [
        ("المهاجر", "أبو حسن المهاجر", "person"),
        ("نبيل نعيم", "نبيل نعيم", "person"),
    ]


# -- the analyser --------------------------------------------------------------------------
def test_the_ner_analyser_needs_a_model():
    with pytest.raises(MarsadError) as caught:
        CrfEntitiesAnalyser(AnalyserConfig())
    assert caught.value.code == "M176" and "--ner-model" in str(caught.value)


def test_the_ner_analyser_adds_entities_with_exact_offsets(model_dir):
    text = "وقال أحمد العلي إن الوفد وصل إلى بغداد.\n\nوأعلنت الأمم المتحدة عن خطة جديدة."
    pipeline = build_pipeline(["ner"], AnalyserConfig(ner_model=model_dir))
    analysis = pipeline(Document(id="d", title="", text=text))
    assert "ner" in analysis.layers
    found = {(e.text, e.type) for e in analysis.entities}
    assert {("أحمد العلي", "PER"), ("بغداد", "LOC"), ("الأمم المتحدة", "ORG")} <= found
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text
    for blank in ("", " \n "):
        assert pipeline(Document(id="e", title="", text=blank)).entities == []


def test_a_bioes_model_learns_name_ends_and_answers_in_iob2(tmp_path):
    import pycrfsuite

    plan = TrainingPlan([read_conll(TINY)], c1=(0.01,), c2=(0.01,), max_iterations=60, stack_folds=0, scheme="BIOES")
    train_model(plan, tmp_path, default_featuriser())
    raw = pycrfsuite.Tagger()
    raw.open(str(tmp_path / MODEL_FILE))
    assert {"E-PER", "E-ORG"} <= set(raw.labels())
    tagger, manifest = load_tagger(tmp_path)
    assert manifest["hyperparameters"]["scheme"] == "BIOES" and "E-PER" not in manifest["labels"]
    tags = tagger.tag(["أعلن", "أحمد", "العلي", "أن", "الأمم", "المتحدة", "سترسل", "مساعدات", "."])
    assert tags[1:3] == ["B-PER", "I-PER"] and tags[4:6] == ["B-ORG", "I-ORG"]
