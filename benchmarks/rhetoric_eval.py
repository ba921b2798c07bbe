"""The rhetoric results table: data set x system x official metric, next to published figures.

Systems: the majority baseline (counted on the training data), the lexicon default
(the pipeline's `rhetoric` analyser; the column stays empty until it is installed)
and the trained CPU model (`marsad train`).  Two technique models are trained, each
on everything legitimately available minus the texts of the sets it is scored on
(the public sets reprint each other's texts; the overlap check drops them):

  model "all-but-tests"  scored on ArAIEval 2023 1A/1B test, WANLP 2022 dev_test
                         (task 1 and 2) and ArMPro V1 test (binary, multilabel, spans)
  model "all-but-a24"    scored on ArAIEval 2024 task 1 dev (spans), which is ArMPro
                         V1 dev plus tweets, so ArMPro dev cannot be trained on

Both tune on ArAIEval 2023 1B dev (never on a test split).  The emotion model is
trained on the emotional-tone train part and scored on the held-back fifth.  Then
the pipeline speed with the model on is measured against the default pipeline in the
same process (SaudiNewsNet articles).

    python benchmarks/rhetoric_eval.py [--models DIR] [--retrain] [--speed-articles 500]

Models are cached in --models (default: /tmp/marsad-rhetoric-models) and reused
unless --retrain.  Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from corpus import SHARED, load_articles

from marsad import service
from marsad.model import Document

EXTERNAL = SHARED / "data" / "external"
A23 = EXTERNAL / "araieval2023_task1"
WANLP = EXTERNAL / "wanlp2022_propaganda" / "data"
ARMPRO = EXTERNAL / "armpro_arpro_news" / "V1"
A24_DEV = EXTERNAL / "araieval2024_task1" / "data" / "araieval24_task1_dev.jsonl"
EMOTIONS = EXTERNAL / "emotional_tone_arabic" / "Emotional-Tone-Dataset.csv"

TRAIN_ALL = [A23 / "task1B_train.jsonl", ARMPRO / "span" / "ArMPro_span_dev.jsonl", WANLP / "task2_train.json", WANLP / "task2_dev.json"]
TUNE = [A23 / "task1B_dev.jsonl"]

# (label, file, model, majority counted on, best published figure and its source)
EVALUATIONS = [
    ("ArAIEval 2023 1A test (binary)", A23 / "task1A_test.jsonl", "all-but-tests", [A23 / "task1A_train.jsonl"],
     "0.763 (HTE, MARBERT; 1st of 13)"),
    ("ArAIEval 2023 1B test (multilabel)", A23 / "task1B_test.jsonl", "all-but-tests", [A23 / "task1B_train.jsonl"],
     "not retrieved (overview arXiv 2311.03179)"),
    ("WANLP 2022 task 1 dev_test (multilabel)", WANLP / "task1_dev_test.json", "all-but-tests", [WANLP / "task1_train.json"],
     "test figure not retrieved; dev_test stands in for the unlabelled test"),
    ("WANLP 2022 task 2 dev_test (spans)", WANLP / "task2_dev_test.json", "all-but-tests", [WANLP / "task2_train.json"],
     "test figure not retrieved"),
    ("ArAIEval 2024 task 1 dev (spans)", A24_DEV, "all-but-a24", [WANLP / "task2_train.json"],
     "test: > 0.2774 (1st not retrieved; MemeMind 3rd 0.2774, AraBERT)"),
    ("ArMPro V1 test (binary)", ARMPRO / "binary" / "ArMPro_binary_test.jsonl", "all-but-tests", [ARMPRO / "binary" / "ArMPro_binary_dev.jsonl"],
     "numbers not retrieved (LREC-COLING 2024)"),
    ("ArMPro V1 test (multilabel)", ARMPRO / "multilabel" / "ArMPro_multilabel_test.jsonl", "all-but-tests",
     [ARMPRO / "multilabel" / "ArMPro_multilabel_dev.jsonl"], "numbers not retrieved"),
    ("ArMPro V1 test (spans)", ARMPRO / "span" / "ArMPro_span_test.jsonl", "all-but-tests", [ARMPRO / "span" / "ArMPro_span_dev.jsonl"],
     "stand-in for the ArAIEval 2024 paragraph test: > 0.2774"),
    ("Emotional tone, held-back fifth (8 classes)", EMOTIONS, "emotions", [], "accuracy 0.681 (authors' CNB; their split)"),
]

MODELS = {
    "all-but-tests": dict(
        data=TRAIN_ALL, dev=TUNE,
        exclude=[A23 / "task1A_test.jsonl", A23 / "task1B_test.jsonl", WANLP / "task1_dev_test.json", WANLP / "task2_dev_test.json",
                 ARMPRO / "span" / "ArMPro_span_test.jsonl"],
    ),
    "all-but-a24": dict(data=TRAIN_ALL, dev=TUNE, exclude=[A24_DEV]),
}


def progress(step: str, done: int, total: int) -> None:
    print(f"\r  {step} {done}/{total}   ", end="", file=sys.stderr, flush=True)


def train(models: Path, retrain: bool) -> dict[str, Path]:
    paths = {}
    for name, spec in MODELS.items():
        paths[name] = folder = models / name
        if retrain or not (folder / "manifest.json").is_file():
            started = time.perf_counter()
            print(f"training {name} ...", file=sys.stderr)
            service.train_techniques_model(spec["data"], folder, spec["dev"], spec["exclude"], progress=progress)
            print(f"\n  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    paths["emotions"] = folder = models / "emotions"
    if retrain or not (folder / "manifest.json").is_file():
        started = time.perf_counter()
        print("training emotions ...", file=sys.stderr)
        service.train_emotions_model([EMOTIONS], folder, progress=progress)
        print(f"\n  emotions: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return paths


def evaluate(paths: dict[str, Path]) -> list[dict]:
    rows = []
    systems = ["majority", "model"] + (["lexicon"] if service.rhetoric.lexicon_available() else [])
    for label, data, model, majority_train, published in EVALUATIONS:
        print(f"scoring {label} ...", file=sys.stderr)
        results = {}
        for system in systems:
            [result] = service.evaluate(data, [system], paths[model], majority_train if system == "majority" else ())
            results[system] = result
        first = next(iter(results.values()))
        rows.append({
            "data": label, "metric": first.metric, "count": first.scores.count, "published": published,
            **{system: round(r.official, 4) for system, r in results.items()},
            **{f"{system}_macro": round(r.scores.macro_f1, 4) for system, r in results.items()},
        })
    return rows


def speed(model: Path, limit: int, rounds: int = 3) -> dict[str, float]:
    articles, where = load_articles(limit)
    documents = [Document(str(i), a.title, a.text) for i, a in enumerate(articles)]
    pipelines = {
        "default": service.pipeline_for(),
        "default + rhetoric_model": service.pipeline_for(config=service.AnalyserConfig(rhetoric_model=model)),
    }
    best = {name: float("inf") for name in pipelines}
    for _ in range(rounds):
        for name, pipeline in pipelines.items():
            started = time.perf_counter()
            for document in documents:
                pipeline(document)
            best[name] = min(best[name], time.perf_counter() - started)
    figures = {name: len(documents) / seconds for name, seconds in best.items()}
    figures["corpus"] = where
    return figures


def table(rows: list[dict]) -> str:
    lexicon = any("lexicon" in row for row in rows)
    head = ["data set (texts)", "official metric", "majority", "lexicon", "trained (CPU)", "best published"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [f"{row['data']} ({row['count']})", row["metric"], f"{row['majority']:.3f}",
                 f"{row['lexicon']:.3f}" if lexicon else "", f"{row['model']:.3f}", row["published"]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=Path, default=Path("/tmp/marsad-rhetoric-models"))
    parser.add_argument("--retrain", action="store_true")
    parser.add_argument("--speed-articles", type=int, default=500)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    if not EXTERNAL.is_dir():
        sys.exit(f"{EXTERNAL} is absent: the public data sets are needed")
    paths = train(args.models, args.retrain)
    rows = evaluate(paths)
    print(table(rows))
    print()
    print("macro-F1: " + "; ".join(f"{r['data']}: majority {r['majority_macro']:.3f}, trained {r['model_macro']:.3f}" for r in rows))
    if args.speed_articles:
        figures = speed(paths["all-but-tests"], args.speed_articles)
        ratio = figures["default + rhetoric_model"] / figures["default"]
        print(f"\nspeed on {figures['corpus']} (one core, best of 3): default {figures['default']:.0f} articles/s, "
              f"with the trained model {figures['default + rhetoric_model']:.0f} articles/s ({ratio:.2f} x the default)")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
