"""The optional Hugging Face path: a tiny randomly initialised BERT that the test builds.

The classifier layer is set by hand so that every subword gets one chosen tag; the
checks then cover what the real loading code does with it: BIO decoding, subword
offsets mapped back to whole words of the original text, windows over long texts,
label names checked, and the model used through `--rhetoric-model`.  The work runs
in a child process (hf_probe.py), so that torch never loads into the test process.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

if importlib.util.find_spec("transformers") is None or importlib.util.find_spec("torch") is None:
    pytest.skip("transformers and torch are not installed (pip install 'marsad[hf]')", allow_module_level=True)

PROBE = Path(__file__).parent / "hf_probe.py"
TEXT = "قالت الوزارة إن الهجوم الوحشي خلف مجزرة مروعة في المدينة"


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    work = tmp_path_factory.mktemp("hf")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TRANSFORMERS_VERBOSITY": "error", "HF_HUB_OFFLINE": "1"}
    result = subprocess.run([sys.executable, str(PROBE), str(work)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_word_tagged_b_gives_one_span_per_word(seen):
    assert [span["text"] for span in seen["b"]] == TEXT.split()
    assert {span["label"] for span in seen["b"]} == {"Loaded_Language"}
    assert all(0.9 < span["score"] <= 1 for span in seen["b"])


def test_inside_tags_join_into_one_span_and_o_gives_none(seen):
    assert [(span["start"], span["end"]) for span in seen["i"]] == [(0, len(TEXT))]
    assert seen["o"] == [] and seen["blank"] == []


def test_long_texts_are_tagged_in_windows(seen):
    long_text = seen["long_text"]
    assert len(seen["windows"]) == len(long_text.split())
    assert all(long_text[span["start"] : span["end"]] == span["text"] in TEXT.split() for span in seen["windows"])


def test_labels_must_be_bio_over_technique_names(seen):
    assert "[M231]" in seen["bad_labels"] and "B-Sarcasm" in seen["bad_labels"]
    assert seen["wanlp_labels"] == ["Questioning_the_Reputation"]  # WANLP 2022 "Smears"


def test_the_hf_model_runs_in_the_pipeline(seen):
    analysis = seen["pipeline"]
    techniques = analysis["rhetoric"]["techniques"]
    assert [t["text"] for t in techniques] == TEXT.split()
    assert all(analysis["text"][t["start"] : t["end"]] == t["text"] for t in techniques)
    assert all(t["source"] == "model:pipe" for t in techniques)
    assert analysis["rhetoric"]["document_techniques"] == [] and analysis["rhetoric"]["persuasive"] is None
    assert analysis["layers"][-1] == "rhetoric_model"
