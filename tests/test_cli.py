"""End-to-end through the real `marsad` console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, REPO

MARSAD = shutil.which("marsad", path=str(Path(sys.executable).parent)) or "marsad"
SCHEMA = json.loads((REPO / "src/marsad/resources/schema/analysis.schema.json").read_text(encoding="utf-8"))


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([MARSAD, *args], capture_output=True, text=True, env=env, timeout=120)


def test_seed_json_is_a_valid_contract_with_exact_offsets(seed_path):
    result = run("analyze", str(seed_path), "--published", "2019-03-21", "--json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    analysis = json.loads(lines[0])
    jsonschema.validate(analysis, SCHEMA)
    assert analysis["published"] == "2019-03-21"
    assert analysis["title"].startswith("بعد اقتحام «قسد» للباغوز")
    assert len(analysis["sentences"]) == 17
    for layer in ("entities", "dates", "quotes"):
        for span in analysis[layer]:
            assert analysis["text"][span["start"] : span["end"]] == span["text"]


def test_directory_gives_json_lines_one_per_document():
    result = run("analyze", str(EXAMPLES), "--json")
    assert result.returncode == 0, result.stderr
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(analyses) == len(list(EXAMPLES.glob("*.txt")))
    assert all(a["published"] for a in analyses)  # from the file names


def test_pretty_output_shows_title_and_sentences(seed_path):
    result = run("analyze", str(seed_path), "--pretty")
    assert result.returncode == 0, result.stderr
    assert "داعش يكتب بالعاطفة" in result.stdout
    assert "17 sentences" in result.stdout
    assert "\u200f" in result.stdout  # right-to-left mark before Arabic cells


def test_some_inputs_fail_exit_1_and_are_reported_at_the_end(tmp_path, seed_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = run("analyze", str(empty), str(seed_path), str(binary), str(tmp_path / "nope.txt"), "--json")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1  # the seed still went through
    assert "Traceback" not in result.stderr
    assert "3 input(s) failed" in result.stderr
    for code, name in (("M002", "empty.txt"), ("M003", "blob.txt"), ("M001", "nope.txt")):
        assert any(code in line and name in line for line in result.stderr.splitlines())


@pytest.mark.parametrize(
    "args, phrase",
    [
        (["analyze", "x.txt", "--published", "21/03/2019"], "M005"),
        (["analyze", "x.txt", "--only", "sentences,bogus"], "M006"),
        (["analyze"], "Missing argument"),
        (["frobnicate"], "No such command"),
    ],
)
def test_usage_errors_exit_2(args, phrase):
    result = run(*args)
    assert result.returncode == 2
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr


def test_only_runs_the_selected_analysers(seed_path):
    result = run("analyze", str(seed_path), "--only", "sentences", "--json")
    assert json.loads(result.stdout)["layers"] == ["sentences"]


def test_help_teaches_with_examples():
    result = run("analyze", "--help")
    assert result.returncode == 0
    for phrase in ("--published", "--json", "--only", "Examples", "Exit codes"):
        assert phrase in result.stdout
    top = run("--help")
    assert "analyze" in top.stdout and "layers" in top.stdout


def test_layers_lists_the_registry():
    result = run("layers")
    assert result.returncode == 0
    assert "sentences" in result.stdout and "tokens" in result.stdout


def test_no_readable_files_in_a_directory(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run("analyze", str(tmp_path))
    assert result.returncode == 1
    assert "M011" in result.stderr


FIXTURES = REPO / "tests" / "ingest" / "fixtures"


def test_analyze_reads_every_kind_of_source_and_lists_the_failures():
    result = run("analyze", str(FIXTURES), "--only", "sentences", "--json")
    assert result.returncode == 1  # the fixtures hold malformed records on purpose
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(analyses) == 17
    assert {"https://t.me/c/1500000001/3", "https://alrafidain.example/news/2017/07/10/mosul-victory"} <= {a["url"] for a in analyses}
    assert "17 document(s) analysed, 7 input(s) failed" in result.stderr
    for code in ("M302", "M004", "M307", "M313"):
        assert code in result.stderr
    assert "Traceback" not in result.stderr


def test_analyze_with_a_field_mapping_and_a_telegram_username():
    result = run(
        "analyze", str(FIXTURES / "articles.json"), str(FIXTURES / "telegram" / "result.json"),
        "--map", "text=content.body", "--telegram-username", "nafitha", "--only", "sentences", "--json",
    )
    analyses = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["url"] for a in analyses][:3] == ["https://news.example/ar/101", "https://news.example/ar/102", "https://t.me/nafitha/2"]
    bad = run("analyze", str(FIXTURES), "--map", "body=content")
    assert bad.returncode == 2 and "M305" in bad.stderr and "unknown field 'body'" in bad.stderr


def test_events_csv_writes_acled_rows_beside_the_json(tmp_path, seed_path):
    import csv

    out = tmp_path / "events.csv"
    result = run("analyze", str(seed_path), "--published", "2019-03-21", "--json", "--events-csv", str(out))
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout.splitlines()[0])
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(analysis["events"]) > 0
    taken = [r for r in rows if r["sub_event_type"] == "Non-state actor overtakes territory" and r["event_date"] == "2019-03-20"]
    assert taken and taken[0]["location"] == "Baghouz" and taken[0]["country"] == "Syria" and taken[0]["latitude"]
    assert "event row(s) written" in result.stderr


def test_events_csv_to_a_missing_directory_fails_before_reading(tmp_path, seed_path):
    result = run("analyze", str(seed_path), "--events-csv", str(tmp_path / "no" / "events.csv"), "--json")
    assert result.returncode == 2
    assert "[M141]" in result.stderr and result.stdout == ""
