import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from marsad.model import (
    SCHEMA,
    Analysis,
    DateMention,
    Entity,
    Event,
    Frame,
    Quote,
    Rhetoric,
    Sentence,
    Technique,
)

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src" / "marsad" / "resources" / "schema" / "analysis.schema.json"


@pytest.fixture(scope="module")
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def full_analysis() -> Analysis:
    text = "أعلنت «قسد» سيطرتها على الباغوز أمس الأربعاء."
    return Analysis(
        id="doc-1",
        title="عنوان",
        text=text,
        source="test",
        url="https://example.org/a",
        published=dt.date(2019, 3, 21),
        sentences=[Sentence(0, len(text))],
        entities=[Entity(7, 10, "قسد", "ORG", "Syrian Democratic Forces", "armed_group")],
        dates=[DateMention(32, 45, "أمس الأربعاء", "2019-03-20", "day")],
        quotes=[Quote(6, 11, "«قسد»", None, None)],
        events=[Event("Non-state actor overtakes territory", "Strategic developments", "Syrian Democratic Forces", "Islamic State", "Baghouz", "2019-03-20", 0, len(text), 0.9)],
        rhetoric=Rhetoric(
            techniques=[Technique("Loaded_Language", 0, 5, "أعلنت", 0.5)],
            emotions={"anger": 0.2, "none": 0.8},
            intensity=0.3,
            frames=[Frame("denial_of_defeat", 0, 5, "أعلنت", 0.4)],
        ),
        layers=["sentences"],
    )


def test_round_trip_through_json(schema):
    analysis = full_analysis()
    data = json.loads(json.dumps(analysis.to_dict(), ensure_ascii=False))
    assert Analysis.from_dict(data) == analysis
    jsonschema.validate(data, schema)


def test_spans_in_the_example_slice_the_text():
    analysis = full_analysis()
    for entity in analysis.entities:
        assert analysis.text[entity.start : entity.end] == entity.text


def test_schema_lists_every_top_level_field(schema):
    assert set(full_analysis().to_dict()) == set(schema["properties"])
    assert full_analysis().to_dict()["schema"] == SCHEMA


def test_schema_rejects_a_bad_layer(schema):
    data = full_analysis().to_dict()
    data["entities"][0]["type"] = "PERSON"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    data = full_analysis().to_dict()
    data["dates"][0]["value"] = "20 March"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_from_dict_refuses_another_schema_version():
    data = full_analysis().to_dict()
    data["schema"] = "marsad.analysis/2"
    with pytest.raises(ValueError, match="unsupported schema"):
        Analysis.from_dict(data)


def test_from_dict_ignores_fields_added_later():
    data = full_analysis().to_dict()
    data["entities"][0]["confidence"] = 0.9
    data["future_layer"] = []
    assert Analysis.from_dict(data).entities[0].canonical == "Syrian Democratic Forces"


def test_views_are_not_serialised():
    analysis = full_analysis()
    analysis.views["tokens"] = ["x"]
    assert "views" not in analysis.to_dict()
