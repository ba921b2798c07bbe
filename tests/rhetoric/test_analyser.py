"""The `rhetoric` analyser through the pipeline: the seed's targets (issue 5), the
bundled examples, and the contract (spans slice the text, the schema validates)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO
from marsad.ingest import read_plaintext
from marsad.pipeline import build_pipeline, default_names

SCHEMA = json.loads((REPO / "src/marsad/resources/schema/analysis.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(["rhetoric"])


@pytest.fixture(scope="module")
def seed(pipeline, seed_path):
    return pipeline(read_plaintext(seed_path))


def spans(analysis, label):
    return [t.text for t in analysis.rhetoric.techniques if t.label == label]


def inside(analysis, start, end, label):
    return [t for t in analysis.rhetoric.techniques if t.label == label and start <= t.start and t.end <= end]


def test_rhetoric_runs_by_default_after_tokens_and_sentences():
    assert "rhetoric" in default_names()
    assert build_pipeline(["rhetoric"]).names == ["tokens", "sentences", "rhetoric"]


def test_seed_spokesman_quote_is_loaded_and_appeals_to_fear(seed):
    quote = "إنه يرتكب مجازر ضد الدواعش في الباغوز"
    start = seed.text.index(quote)
    end = start + len(quote)
    assert [t.text for t in inside(seed, start, end, "Loaded_Language")] == ["مجازر"]
    assert inside(seed, start, end, "Appeal_to_Fear-Prejudice")
    victimhood = [f for f in seed.rhetoric.frames if f.label == "victimhood" and start <= f.start < end]
    assert victimhood


def test_seed_name_calling(seed):
    labels = spans(seed, "Name_Calling-Labeling")
    assert "الإرهابي «أبو حسن المهاجر»" in labels
    assert labels.count("الدواعش") >= 2
    assert "الإرهابية" in labels  # «داعش» الإرهابية, جماعة الإخوان الإرهابية


def test_seed_supporter_comparison_is_whataboutism(seed):
    [comparison] = spans(seed, "Whataboutism")
    assert comparison.startswith("قارن فيها بين التعاطف")
    assert "ضحايا مسجدي نيوزلندا" in comparison and comparison.endswith("وبين ما اعتبرهم ضحايا الباغوز")


def test_seed_doubt_on_the_claims(seed):
    assert spans(seed, "Doubt").count("زاعمًا") == 2


def test_seed_frames(seed):
    labels = {frame.label for frame in seed.rhetoric.frames}
    assert {"victimhood", "denial_of_defeat", "promise_of_victory_or_return", "grievance_against_west"} <= labels
    denial = [f.text for f in seed.rhetoric.frames if f.label == "denial_of_defeat"]
    assert denial == ["نافيًا أن تكون دولته قد انهارت"]


def test_seed_top_emotions_include_sadness_or_anger(seed):
    emotions = {label: share for label, share in seed.rhetoric.emotions.items() if label != "none"}
    top_two = sorted(emotions, key=emotions.get, reverse=True)[:2]
    assert {"sadness", "anger"} & set(top_two)
    assert seed.rhetoric.intensity > 0.5


def test_every_span_slices_the_text_and_the_schema_validates(pipeline, seed):
    analyses = [seed] + [pipeline(read_plaintext(path)) for path in sorted(EXAMPLES.glob("*.txt"))]
    for analysis in analyses:
        rhetoric = analysis.rhetoric
        for item in rhetoric.techniques + rhetoric.frames:
            assert analysis.text[item.start : item.end] == item.text and item.cue
        for sentence in rhetoric.sentence_emotions:
            for cue in sentence.cues:
                assert analysis.text[cue.start : cue.end] == cue.text
                assert sentence.start <= cue.start and cue.end <= sentence.end
        jsonschema.validate(json.loads(json.dumps(analysis.to_dict(), ensure_ascii=False)), SCHEMA)


def example(pipeline, stem: str):
    return pipeline(read_plaintext(EXAMPLES / f"{stem}.txt"))


def test_examples_give_sensible_labels(pipeline):
    naba = example(pipeline, "2019-11-01_naba-editorial")
    assert "رأس الكفر" in spans(naba, "Name_Calling-Labeling")
    assert "باقية وتتمدد" in spans(naba, "Slogans")
    assert "threat_intimidation" in {f.label for f in naba.rhetoric.frames}

    baghdad = example(pipeline, "2021-01-21_baghdad-market-bombing")
    assert spans(baghdad, "Name_Calling-Labeling") == ["الرافضة"]
    assert spans(baghdad, "Doubt") == ["زاعمًا"]

    # straight reporting of an offensive: no strong technique (weaker cues such as «عنيفة»
    # are descriptive vocabulary, README "Rhetoric"), no frame, no emotion
    aleppo = example(pipeline, "2024-11-30_aleppo-offensive")
    assert [t.text for t in aleppo.rhetoric.techniques if t.score >= 0.6] == [] and aleppo.rhetoric.frames == []
    assert all(t.score < 0.6 for t in aleppo.rhetoric.techniques)
    assert aleppo.rhetoric.emotions["none"] == 1.0 and aleppo.rhetoric.intensity == 0.0
