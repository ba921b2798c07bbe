"""Accuracy and macro-F1 of the lexicon-only emotion classifier on the Emotional-Tone tweets.

    .venv/bin/python benchmarks/emotion_lexicon_eval.py            # the held-back split (ID % 5 == 0)
    .venv/bin/python benchmarks/emotion_lexicon_eval.py --split train

The split is the one in docs/conventions.md ("Data splits"): tweets whose ID is a
multiple of 5 are held back; lexicon development looks at the others only.  Each
tweet gets the top label of `EmotionScorer.score_text` (`none` when no cue fires).
Baselines run in the same process: always the most frequent train label, and a
random guess in the train label proportions (seeded).
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "external" / "emotional_tone_arabic" / "Emotional-Tone-Dataset.csv"
HELD_BACK_EVERY = 5


def load(split: str) -> list[tuple[str, str]]:
    """(tweet, label) pairs of `split` ("test": ID % 5 == 0, "train": the rest)."""
    pairs = []
    with DATA.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for row in reader:
            held_back = int(row[0]) % HELD_BACK_EVERY == 0
            if held_back == (split == "test"):
                pairs.append((row[1], row[2].strip()))
    return pairs


def scores(gold: list[str], predicted: list[str]) -> tuple[float, float, dict[str, float]]:
    """Accuracy, macro-F1 over the gold labels, and F1 per label."""
    labels = sorted(set(gold))
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold)
    return accuracy, sum(per_label.values()) / len(labels), per_label


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("test", "train"), default="test")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found (../shared is absent); nothing to measure.", file=sys.stderr)
        return 1
    from marsad.rhetoric import EmotionScorer

    scorer = EmotionScorer()
    train_labels = [label for _, label in load("train")]
    pairs = load(args.split)
    gold = [label for _, label in pairs]
    began = time.perf_counter()
    predicted = [scorer.classify(text) for text, _ in pairs]
    elapsed = time.perf_counter() - began

    majority = Counter(train_labels).most_common(1)[0][0]
    rng = random.Random(13)
    weighted = [rng.choice(train_labels) for _ in gold]
    print(f"Emotional-Tone, {args.split} split ({len(pairs)} tweets; held back: ID % {HELD_BACK_EVERY} == 0)")
    print(f"{'system':<28}{'accuracy':>10}{'macro-F1':>10}")
    for name, guesses in (
        (f"majority ({majority})", [majority] * len(gold)),
        ("random (train proportions)", weighted),
        ("Marsad emotion lexicon", predicted),
    ):
        accuracy, macro, _ = scores(gold, guesses)
        print(f"{name:<28}{accuracy:>10.3f}{macro:>10.3f}")
    _, _, per_label = scores(gold, predicted)
    print("lexicon F1 per label: " + ", ".join(f"{label} {f1:.2f}" for label, f1 in per_label.items()))
    print(f"lexicon speed: {len(pairs) / elapsed:,.0f} tweets/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
