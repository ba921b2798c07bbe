"""benchmarks/event_agreement.py: the second annotation of tests/gold/agreement/ scored
against the first with event_eval's matching."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import event_agreement  # noqa: E402

SCRIPT = REPO / "benchmarks" / "event_agreement.py"
DEV_EVENTS = REPO / "tests" / "gold" / "dev_events"


def test_the_script_scores_the_agreement_set():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=True, cwd=REPO)
    assert "16 articles" in result.stdout
    assert "F1" in result.stdout and "type+location" in result.stdout
    assert "actor2 agrees in" in result.stdout


def test_an_annotation_against_itself_agrees_fully():
    pairs = event_agreement.load_pairs(DEV_EVENTS / "annotations", ["2014-06-12_mosul-falls", "2015-06-27_sousse-beach-attack"])
    assert [pair.stem for pair in pairs] == ["2014-06-12_mosul-falls", "2015-06-27_sousse-beach-attack"]
    for level in ("type", "event_type", *event_agreement.DIAGNOSTIC_LEVELS):
        tally = event_agreement.agreement(pairs, level)
        assert tally.gold > 0 and tally.f1 == 1.0
        assert tally.actor2_agree == tally.date_agree == tally.true_positive


def test_the_second_annotation_is_scored_by_event_eval_matching():
    pairs = event_agreement.load_pairs(only=["2014-06-12_mosul-falls"])
    tally = event_agreement.agreement(pairs)
    assert tally.gold == len(pairs[0].first.events) and tally.predicted == len(pairs[0].second.events)
    assert tally.true_positive <= event_agreement.agreement(pairs, "type only").true_positive


def test_held_out_stems_are_never_read(tmp_path):
    (tmp_path / "2019-01-01_b-anything.json").write_text('{"events": []}', encoding="utf-8")
    assert event_agreement.load_pairs(tmp_path) == []
