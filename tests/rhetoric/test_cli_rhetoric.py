"""End to end through the real `marsad` script: train, eval, analyze --rhetoric-model."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from tiny_corpus import UNSEEN_LOADED, UNSEEN_PLAIN, write

from conftest import REPO

MARSAD = shutil.which("marsad", path=str(Path(sys.executable).parent)) or "marsad"
SCHEMA = json.loads((REPO / "src/marsad/resources/schema/analysis.schema.json").read_text(encoding="utf-8"))
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([MARSAD, *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    data = write(folder / "tiny_train.jsonl")
    result = run("train", "techniques", "--data", str(data), "--out", str(folder / "model"))
    assert result.returncode == 0, result.stderr
    assert "span labels: Loaded_Language, Name_Calling-Labeling" in result.stdout
    assert "tiny_train.jsonl: 60 of 60 texts" in result.stdout
    return folder


def test_eval_prints_official_metrics_per_system_and_label(trained):
    evaluation = trained / "eval.jsonl"
    lines = [
        {"id": "e1", "text": UNSEEN_LOADED, "labels": [{"start": UNSEEN_LOADED.index("مذبحة مروعة"), "end": UNSEEN_LOADED.index("مذبحة مروعة") + len("مذبحة مروعة"), "technique": "Loaded_Language", "text": "مذبحة مروعة"}]},
        {"id": "e2", "text": UNSEEN_PLAIN, "labels": []},
    ]
    evaluation.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    result = run("eval", "techniques", "--data", str(evaluation), "--rhetoric-model", str(trained / "model"),
                 "--system", "majority", "--system", "model", "--json")
    assert result.returncode == 0, result.stderr
    majority, model = (json.loads(chunk) for chunk in _json_objects(result.stdout))
    assert majority["system"] == "majority" and "training data of model model" in majority["note"]
    assert model["metric"] == "span micro-F1 (partial overlap)"
    assert model["official"] > majority["official"]
    assert model["per_label"]["Loaded_Language"]["support"] == 1
    table = run("eval", "techniques", "--data", str(evaluation), "--rhetoric-model", str(trained / "model"), "--system", "model")
    assert "span micro-F1" in table.stdout and "per label" in table.stdout and "Loaded_Language" in table.stdout


def _json_objects(text: str) -> list[str]:
    decoder, objects, index = json.JSONDecoder(), [], 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        obj, index = decoder.raw_decode(text, index)
        objects.append(json.dumps(obj))
    return objects


def test_document_level_eval_of_the_span_trained_model(trained):
    result = run("eval", "techniques", "--data", str(FIXTURES / "araieval23_1A.jsonl"),
                 "--rhetoric-model", str(trained / "model"), "--system", "model", "--json")
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)
    assert scored["task"] == "binary" and scored["metric"] == "micro-F1 (= accuracy)"
    assert scored["count"] == 3


def test_analyze_with_the_model_gives_a_valid_contract(trained):
    article = trained / "2024-05-01_report.txt"
    article.write_text(f"تقرير ميداني\n{UNSEEN_PLAIN}. {UNSEEN_LOADED}.\n", encoding="utf-8")
    result = run("analyze", str(article), "--rhetoric-model", str(trained / "model"), "--json")
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    jsonschema.validate(analysis, SCHEMA)
    assert analysis["layers"][-1] == "rhetoric_model"
    techniques = analysis["rhetoric"]["techniques"]
    from_model = [t for t in techniques if t.get("source") is not None]
    assert from_model and all(t["source"] == "model:model" for t in from_model)
    assert all(analysis["text"][t["start"] : t["end"]] == t["text"] for t in techniques)
    assert analysis["rhetoric"]["persuasive"] > 0.5


def test_training_on_a_test_split_is_refused(tmp_path):
    data = write(tmp_path / "tiny_test.jsonl")
    result = run("train", "techniques", "--data", str(data), "--out", str(tmp_path / "m"))
    assert result.returncode == 2
    assert "[M223]" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize(
    "args, code",
    [
        (["analyze", "x.txt", "--rhetoric-model", "no/such/dir"], "M001"),
        (["eval", "techniques", "--data", str(FIXTURES / "araieval23_1B.jsonl"), "--system", "model"], "M232"),
        (["eval", "emotions", "--data", str(FIXTURES / "araieval23_1B.jsonl")], "M230"),
        (["eval", "techniques", "--data", str(FIXTURES / "emotions.csv")], "M230"),
        (["train", "techniques", "--data", str(FIXTURES / "armpro_coarse.jsonl"), "--out", "unused"], "M220"),
    ],
)
def test_coded_errors(args, code):
    result = run(*args)
    assert code in result.stderr, result.stderr
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr


def test_lexicon_system_is_scored_through_the_pipeline():
    result = run("eval", "techniques", "--data", str(FIXTURES / "araieval23_1B.jsonl"), "--system", "lexicon", "--json")
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)
    assert scored["count"] > 0 and 0.0 <= scored["micro_f1"] <= 1.0


def test_train_and_eval_emotions_end_to_end(tmp_path):
    rows = ["ID, TWEET, LABEL"]
    phrases = {
        "joy": ["انا مبسوط جدا النهارده", "فرحانة بالنجاح الحمد لله", "يوم جميل ومبهج"],
        "anger": ["انا متعصب جدا من الزحمة", "حاجة تغيظ بجد", "قرفت من الاهمال ده"],
        "sadness": ["حزين على فراقك", "قلبي موجوع اوي", "دموعي مش راضية تقف"],
    }
    number = 1
    for _ in range(4):
        for label, texts in phrases.items():
            for text in texts:
                rows.append(f'{number},"{text}", {label}')
                number += 1
    data = tmp_path / "tone.csv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    trained = run("train", "emotions", "--data", str(data), "--out", str(tmp_path / "model"))
    assert trained.returncode == 0, trained.stderr
    assert "tone.csv: 29 of 36 texts" in trained.stdout  # IDs 5, 10, ... 35 are held back
    scored = run("eval", "emotions", "--data", str(data), "--rhetoric-model", str(tmp_path / "model"),
                 "--system", "majority", "--system", "model", "--json")
    assert scored.returncode == 0, scored.stderr
    majority, model = (json.loads(chunk) for chunk in _json_objects(scored.stdout))
    assert model["metric"] == "accuracy" and model["count"] == 7
    assert model["official"] > majority["official"]


def test_command_groups_are_shared_between_areas():
    from marsad.cli import app as _  # noqa: F401  (every area registers its commands)
    from marsad.cli.app import app, command_group

    train = command_group("train", "another area asking for the same group")
    assert train is command_group("train", "")
    assert {"techniques", "emotions"} <= {command.name for command in train.registered_commands}
    assert [info.name for info in app.registered_groups].count("train") == 1
