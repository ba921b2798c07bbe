"""Document-level score of the lexicon techniques on ArAIEval 2023 task 1B (train or dev only).

    .venv/bin/python benchmarks/technique_lexicon_eval.py              # dev
    .venv/bin/python benchmarks/technique_lexicon_eval.py --split train

A paragraph's predicted labels are the set of technique labels the `rhetoric`
analyser finds in it (no_technique when none); scored against the gold label sets
with micro- and macro-F1 over the 23 techniques plus no_technique, as the task does.
The baseline in the same process always answers Loaded_Language.  This is a quick
look at recall and precision while writing lexicons: the official test split is
evaluated by `marsad eval techniques` (issue 5, items 4-5), never tuned on here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "external" / "araieval2023_task1"
NO_TECHNIQUE = "no_technique"


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(gold: list[set[str]], predicted: list[set[str]]) -> tuple[float, float, dict[str, tuple[int, int, int]]]:
    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, predicted):
        for label in g | p:
            tp_fp_fn = counts.setdefault(label, [0, 0, 0])
            tp_fp_fn[0 if label in g and label in p else 1 if label in p else 2] += 1
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    gold_labels = {label for g in gold for label in g}
    macro = sum(f1(*counts[label]) for label in gold_labels) / len(gold_labels)
    return f1(tp, fp, fn), macro, {label: tuple(c) for label, c in counts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    args = parser.parse_args()
    path = DATA / f"task1B_{args.split}.jsonl"
    if not path.exists():
        print(f"{path} not found (../shared is absent); nothing to measure.", file=sys.stderr)
        return 1
    from marsad.model import Document
    from marsad.pipeline import build_pipeline

    pipeline = build_pipeline(["rhetoric"])
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [set(record["labels"]) or {NO_TECHNIQUE} for record in records]
    predicted = []
    for record in records:
        analysis = pipeline(Document(record["id"], "", record["text"]))
        predicted.append({t.label for t in analysis.rhetoric.techniques} or {NO_TECHNIQUE})
    print(f"ArAIEval 2023 task 1B, {args.split} ({len(records)} items), document-level label sets")
    print(f"{'system':<32}{'micro-F1':>10}{'macro-F1':>10}")
    for name, guesses in (("always Loaded_Language", [{"Loaded_Language"}] * len(gold)), ("Marsad lexicon", predicted)):
        micro, macro, _ = score(gold, guesses)
        print(f"{name:<32}{micro:>10.3f}{macro:>10.3f}")
    _, _, counts = score(gold, predicted)
    print("lexicon per label (tp/fp/fn):")
    for label, (tp, fp, fn) in sorted(counts.items(), key=lambda item: -sum(item[1])):
        print(f"  {label:<36}{tp:>4}{fp:>4}{fn:>4}   P {tp / (tp + fp) if tp + fp else 0:.2f}  R {tp / (tp + fn) if tp + fn else 0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
