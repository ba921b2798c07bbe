"""Word clusters: the table, the features, a model that keeps its clusters, and the builder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from marsad.errors import MarsadError
from marsad.extract.ner.clusters import CLUSTERS_FILE, ClusterFeatures, read_clusters
from marsad.extract.ner.conll import read_conll
from marsad.extract.ner.features import default_featuriser
from marsad.extract.ner.model_dir import load_tagger
from marsad.extract.ner.training import TrainingPlan, train_model

TINY = Path(__file__).resolve().parent / "data" / "tiny_ner.conll"
TABLE = """# test clusters
word\tk2\tk8\tk32\tcount
بغداد\t1\t10\t100\t50
دمشق\t1\t10\t100\t40
القاهره\t1\t10\t101\t30
احمد\t2\t20\t200\t60
"""


def write_table(tmp_path: Path, text: str = TABLE) -> Path:
    path = tmp_path / "clusters.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_tokens_are_looked_up_by_their_normalised_form(tmp_path):
    features = ClusterFeatures.load(write_table(tmp_path))
    found = features(["القاهرة", "أحمد", "بغداد", "غير", "وبغداد"])
    assert found[0] == (("c:k2=1", "c:k8=10", "c:k32=101"), ("c:k8=10",))  # ta marbuta folded; the second level travels
    assert found[1][0] == ("c:k2=2", "c:k8=20", "c:k32=200")  # hamza folded
    assert found[2][1] == found[0][1]  # two cities share the middle cluster
    assert found[3] == (("c=none",), ())
    assert found[4][0] == ("c:k2=1", "c:k8=10", "c:k32=100", "cvia=clitic")  # looked up without «و»


def test_any_number_of_granularities_is_read(tmp_path):
    table = read_clusters(write_table(tmp_path, "# one level\nword\tk100\tcount\nبغداد\t7\t3\n"))
    assert table.levels == ("k100",) and table.get("بغداد") == ("7",)
    features = ClusterFeatures(table)
    assert features(["بغداد"]) == [(("c:k100=7",), ("c:k100=7",))]  # one level: it is the one that travels


def test_a_bad_table_is_a_coded_error(tmp_path):
    with pytest.raises(MarsadError) as caught:
        read_clusters(write_table(tmp_path, "word\tcluster\nبغداد\t1\n"))
    assert caught.value.code == "M180" and "header" in str(caught.value)
    with pytest.raises(MarsadError) as caught:
        read_clusters(write_table(tmp_path, "word\tk2\tk8\tcount\n"))
    assert "no clusters" in str(caught.value)
    with pytest.raises(MarsadError) as caught:
        read_clusters(write_table(tmp_path, "word\tk2\tk8\tcount\nبغداد\t1\t3\n"))
    assert "clusters.tsv:2:" in str(caught.value) and "3 columns, expected 4" in str(caught.value)


def test_a_model_trained_with_clusters_keeps_and_reloads_them(tmp_path):
    table = write_table(tmp_path)
    out = tmp_path / "model"
    out.mkdir()
    plan = TrainingPlan([read_conll(TINY)], c1=(0.05,), c2=(0.01,), max_iterations=40)
    result = train_model(plan, out, default_featuriser(table))
    assert result.manifest["features"] == {"text": "1", "rules": "1", "clusters": "2"}
    assert result.manifest["data_files"][CLUSTERS_FILE]["words"] == 4
    assert (out / CLUSTERS_FILE).read_text(encoding="utf-8") == TABLE
    table.unlink()  # the model no longer needs the original file
    tagger, manifest = load_tagger(out)
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == manifest
    assert tagger.tag(["وصل", "أحمد", "العلي", "إلى", "دمشق", "."])[4] == "B-LOC"


def test_the_builder_writes_a_table_the_features_can_read(tmp_path):
    pytest.importorskip("sklearn")  # the ppmi method's SVD
    corpus = tmp_path / "news.txt"
    cities = ["بغداد", "دمشق", "القاهرة", "عمان", "بيروت", "تونس"]
    verbs = ["وصل", "سافر", "عاد", "توجه"]
    lines = [f"{verb} الوزير إلى {city} أمس ثم غادر {city} اليوم" for verb in verbs for city in cities]
    corpus.write_text("\n".join(lines * 3), encoding="utf-8")
    out = tmp_path / "clusters.tsv"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_word_clusters.py"), str(corpus), "--out", str(out),
         "--method", "ppmi", "--context", "50", "--dimensions", "4", "--clusters", "2,3,4", "--min-count", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    table = read_clusters(out)
    assert table.levels == ("k2", "k3", "k4")
    assert {"بغداد", "دمشق", "الوزير", "اليوم"} <= table.ids.keys()
    assert table.get("بغداد") == table.get("دمشق")  # same contexts, same clusters
