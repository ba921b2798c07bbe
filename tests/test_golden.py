"""Whole-document golden outputs for the seed and the bundled examples.

After a deliberate change, regenerate with `make golden` (MARSAD_REGEN_GOLDEN=1)
and review the diff like code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, GOLDEN, SEED_PUBLISHED, regenerate_golden
from marsad import service


def analyse_file(path: Path, published=None) -> dict:
    outcomes = list(service.analyse_paths([path], published))
    assert len(outcomes) == 1 and outcomes[0].ok, outcomes[0].error
    return outcomes[0].analysis.to_dict()


def check_golden(name: str, produced: dict) -> None:
    path = GOLDEN / f"{name}.json"
    produced = json.loads(json.dumps(produced, ensure_ascii=False))
    produced["source"] = Path(produced["source"]).name  # machine-independent
    if regenerate_golden() or not path.exists():
        if not regenerate_golden():
            pytest.fail(f"no golden file {path}; run `make golden` to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(produced, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    for layer in expected:
        assert produced.get(layer) == expected[layer], f"{name}: layer {layer!r} differs from {path}"
    assert produced == expected


def test_seed_golden(seed_path):
    check_golden("seed", analyse_file(seed_path, SEED_PUBLISHED))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_example_golden(path):
    check_golden(f"examples/{path.stem}", analyse_file(path))


def test_seed_sentences_are_the_articles_real_sentences(seed_path):
    analysis = analyse_file(seed_path, SEED_PUBLISHED)
    text = analysis["text"]
    sentences = [text[s["start"] : s["end"]] for s in analysis["sentences"]]
    wrapped = [s for s in sentences if s.startswith("بدأت معارك طرد داعش")]
    assert len(wrapped) == 1 and wrapped[0].endswith("لساعات.") and wrapped[0].count("\n") == 2
    assert sentences[-1] == "للمزيد.. «حروب البادية».. مرحلة متوقعة لـ«داعش» بعد «الباغوز»"
    assert "خطاب عاطفي" in sentences and "رسائل الهزيمة" in sentences and "تجاهل للحديث" in sentences
    for sentence in analysis["sentences"]:
        assert text[sentence["start"] : sentence["end"]].strip() == text[sentence["start"] : sentence["end"]]
