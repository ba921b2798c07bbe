"""`marsad train ner` and `marsad analyze --ner-model`, end to end through the console script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import run

TINY = Path(__file__).resolve().parent / "extract" / "data" / "tiny_ner.conll"


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "model"
    result = run("train", "ner", "--conll", str(TINY), "--out", str(out), "--c1", "0.05", "--c2", "0.01,0.1", "--max-iterations", "60")
    assert result.returncode == 0, result.stderr
    assert "Hyperparameter search" in result.stdout and "Saved" in result.stdout
    assert "--ner-model" in result.stdout
    assert "second pass" in result.stdout  # trained and scored on dev, kept or not
    return out


def test_train_ner_writes_a_model_directory(trained):
    manifest = json.loads((trained / "manifest.json").read_text(encoding="utf-8"))
    assert [(t["c1"], t["c2"]) for t in manifest["search"]] == [(0.05, 0.01), (0.05, 0.1)]
    assert manifest["training_files"][0]["path"] == str(TINY)


def test_analyze_with_ner_model_adds_the_crf_layer(trained, tmp_path):
    article = tmp_path / "2024-05-02_visit.txt"
    article.write_text("زيارة رسمية\nوصل أحمد العلي إلى بغداد أمس، والتقى ممثلي الأمم المتحدة.\n", encoding="utf-8")
    result = run("analyze", str(article), "--ner-model", str(trained), "--json")
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert analysis["layers"].index("ner") == analysis["layers"].index("entities") + 1
    texts = {(e["text"], e["type"]) for e in analysis["entities"]}
    assert ("أحمد العلي", "PER") in texts and ("الأمم المتحدة", "ORG") in texts
    for entity in analysis["entities"]:
        assert analysis["text"][entity["start"] : entity["end"]] == entity["text"]
    only = run("analyze", str(article), "--ner-model", str(trained), "--only", "sentences", "--json")
    assert json.loads(only.stdout)["layers"] == ["tokens", "sentences", "entities", "ner"]


def test_a_missing_model_directory_is_a_clear_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("عنوان\nنص قصير.\n", encoding="utf-8")
    result = run("analyze", str(article), "--ner-model", str(tmp_path / "nope"), "--json")
    assert result.returncode == 1
    assert "[M174]" in result.stderr and "marsad train ner" in result.stderr
    assert result.stdout == ""


def test_train_refuses_to_overwrite_anything_but_a_model(trained, tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("x", encoding="utf-8")
    result = run("train", "ner", "--conll", str(TINY), "--out", str(other), "--force")
    assert result.returncode == 2 and "[M177]" in result.stderr
    assert (other / "keep.txt").exists()
    result = run("train", "ner", "--conll", str(TINY), "--out", str(trained))
    assert result.returncode == 2 and "--force" in result.stderr


def test_train_usage_errors_are_coded(tmp_path):
    result = run("train", "ner", "--conll", str(TINY), "--out", str(tmp_path / "m"), "--c1", "0.1,abc")
    assert result.returncode == 2 and "[M179]" in result.stderr
    result = run("train", "ner", "--conll", str(tmp_path / "missing.conll"), "--out", str(tmp_path / "m"))
    assert result.returncode == 1 and "[M001]" in result.stderr
    assert not (tmp_path / "m").exists()
    result = run("train", "ner", "--conll", f"{TINY}:5-2", "--out", str(tmp_path / "m"))
    assert result.returncode == 2 and "[M173]" in result.stderr


def test_train_help_has_examples():
    result = run("train", "ner", "--help")
    assert result.returncode == 0
    assert "marsad train ner --conll" in result.stdout and "FILE:START-END" in result.stdout
    assert "--stack-folds" in result.stdout


def test_stack_folds_zero_trains_one_pass(tmp_path):
    out = tmp_path / "one"
    result = run("train", "ner", "--conll", str(TINY), "--out", str(out), "--c1", "0.05", "--c2", "0.01", "--max-iterations", "40", "--stack-folds", "0")
    assert result.returncode == 0, result.stderr
    assert "second pass" not in result.stdout
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["passes"] == 1 and "dev_second_pass" not in manifest["metrics"]
    assert sorted(path.name for path in out.iterdir()) == ["manifest.json", "model.crfsuite"]


def test_the_scheme_option_chooses_the_tags_the_crf_learns(tmp_path):
    out = tmp_path / "bioes"
    common = ("--c1", "0.05", "--c2", "0.01", "--max-iterations", "40", "--stack-folds", "0")
    result = run("train", "ner", "--conll", str(TINY), "--out", str(out), *common, "--scheme", "bioes")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["hyperparameters"]["scheme"] == "BIOES"
    assert {"B-PER", "I-PER"} <= set(manifest["labels"]) and not any(label[:2] in ("S-", "E-") for label in manifest["labels"])
    article = tmp_path / "visit.txt"
    article.write_text("وصل أحمد العلي إلى بغداد أمس، والتقى ممثلي الأمم المتحدة.\n", encoding="utf-8")
    analysed = run("analyze", str(article), "--ner-model", str(out), "--json")
    assert analysed.returncode == 0, analysed.stderr
    texts = {(e["text"], e["type"]) for e in json.loads(analysed.stdout)["entities"]}
    assert ("أحمد العلي", "PER") in texts  # the BIOES model's B-/E- read back as one name
    refused = run("train", "ner", "--conll", str(TINY), "--out", str(tmp_path / "x"), *common, "--scheme", "BILOU")
    assert refused.returncode != 0 and "BILOU" in refused.stderr
