"""Entity-level scores of tag sequences (exact span and type, per type and overall)."""

from __future__ import annotations

from collections.abc import Sequence

from ..scoring import Scores, score
from .tags import spans_from_tags


def score_tagged(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Scores:
    """Scores of predicted against gold IOB sentences (same sentences, same tokens)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    gold_items = []
    predicted_items = []
    for index, (gold_tags, predicted_tags) in enumerate(zip(gold, predicted)):
        if len(gold_tags) != len(predicted_tags):
            raise ValueError(f"sentence {index}: {len(gold_tags)} gold tags but {len(predicted_tags)} predicted")
        gold_items.extend((index, *span) for span in spans_from_tags(gold_tags))
        predicted_items.extend((index, *span) for span in spans_from_tags(predicted_tags))
    return score(gold_items, predicted_items, group=lambda item: item[3])
