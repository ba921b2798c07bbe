"""The dates-and-quotes gold sets (our own articles) are well formed, and the layers
keep their measured quality on them (a floor, not the figure: see the README)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

import datesquotes_eval  # noqa: E402

SETS = [REPO / "tests" / "gold" / "dates_quotes", REPO / "tests" / "gold" / "dates_quotes_heldout"]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_annotation_is_found_in_its_article(folder):
    articles = list(datesquotes_eval.gold_articles(folder))
    assert len(articles) >= 6
    for _, document, gold in articles:
        for layer in ("dates", "quotes"):
            for item in gold[layer]:
                assert document.text[item["start"] : item["end"]] == item["text"]
        assert document.published is not None


def test_dates_and_quotes_keep_their_quality_on_the_gold_sets():
    scores = datesquotes_eval.score(SETS)
    assert scores.date_values.prf()[2] >= 0.9
    assert scores.quote_spans.prf()[2] >= 0.9
    assert scores.verbs_right / scores.quote_hits >= 0.9
