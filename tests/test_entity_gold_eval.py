"""The development set is well formed, and the entities layer keeps its measured quality
on it and on the gold set (a floor under the figures in the README, not the figures)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import entity_gold_eval  # noqa: E402

DEV = REPO / "tests" / "gold" / "dev"
GOLD = REPO / "tests" / "gold"


def test_every_dev_annotation_is_found_in_its_article():
    articles = list(entity_gold_eval.gold_articles(DEV))
    assert len(articles) >= 10
    for _, document, entities in articles:
        assert document.published is not None
        for item in entities:
            assert document.text[item["start"] : item["end"]] == item["text"]


def test_entities_keep_their_quality():
    for folder, floor in ((DEV, 0.93), (GOLD, 0.88)):
        scores = entity_gold_eval.score(folder)
        assert scores.tracks["all"].overall.prf()[2] >= floor, folder.name
        track = scores.tracks["all"]
        assert track.canonical_equivalent / track.overall.hits >= 0.95


def test_english_folding_and_gazetteer_equivalence():
    assert entity_gold_eval.same_entry("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan")
    assert entity_gold_eval.same_entry("يحيى سريع", "Yahya Saree")
    assert not entity_gold_eval.same_entry("Yahya Saree", "Hassan Nasrallah")
