"""The lexicon default against the majority baseline on the train/dev splits only: the table to tune on.

benchmarks/rhetoric_eval.py scores the test splits and is run once at the end of a
piece of work; this one mirrors its rows on splits that may be looked at while
tuning (ArAIEval 2023 1A/1B dev, WANLP 2022 task 1/2 dev, ArMPro V1 dev).  The
majority baseline is counted on the matching training file as in rhetoric_eval.py.
No model is needed.  ArMPro V1 dev is part of ArAIEval 2024 task 1 dev, so tuning
on it also favours that row of the test table: say so when reporting.

    python benchmarks/rhetoric_dev_eval.py [--only 1B] [--json rows.json]
"""

from __future__ import annotations

import argparse
import json
import sys

from corpus import SHARED

from marsad import service

EXTERNAL = SHARED / "data" / "external"
A23 = EXTERNAL / "araieval2023_task1"
WANLP = EXTERNAL / "wanlp2022_propaganda" / "data"
ARMPRO = EXTERNAL / "armpro_arpro_news" / "V1"

# (short name, file, majority counted on)
DEV_SETS = [
    ("1A", A23 / "task1A_dev.jsonl", A23 / "task1A_train.jsonl"),
    ("1B", A23 / "task1B_dev.jsonl", A23 / "task1B_train.jsonl"),
    ("wanlp-t1", WANLP / "task1_dev.json", WANLP / "task1_train.json"),
    ("wanlp-t2", WANLP / "task2_dev.json", WANLP / "task2_train.json"),
    ("armpro-binary", ARMPRO / "binary" / "ArMPro_binary_dev.jsonl", ARMPRO / "binary" / "ArMPro_binary_dev.jsonl"),
    ("armpro-multilabel", ARMPRO / "multilabel" / "ArMPro_multilabel_dev.jsonl", ARMPRO / "multilabel" / "ArMPro_multilabel_dev.jsonl"),
    ("armpro-spans", ARMPRO / "span" / "ArMPro_span_dev.jsonl", ARMPRO / "span" / "ArMPro_span_dev.jsonl"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="score only these short names (repeatable)")
    parser.add_argument("--json", help="also write the rows here")
    args = parser.parse_args()
    if not EXTERNAL.is_dir():
        sys.exit(f"{EXTERNAL} is absent: the public data sets are needed")
    rows = []
    print("| dev set (texts) | metric | majority | lexicon | lexicon - majority | lexicon P / R |")
    print("|---|---|---|---|---|---|")
    for name, data, train in DEV_SETS:
        if args.only and name not in args.only:
            continue
        majority, lexicon = service.evaluate(data, ["majority", "lexicon"], None, [train])
        row = {"data": name, "metric": lexicon.metric, "count": lexicon.scores.count,
               "majority": round(majority.official, 4), "lexicon": round(lexicon.official, 4)}
        rows.append(row)
        scores = lexicon.scores
        print(f"| {name} ({row['count']}) | {row['metric']} | {row['majority']:.3f} | {row['lexicon']:.3f} | "
              f"{row['lexicon'] - row['majority']:+.3f} | {_pr(scores)} |", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(rows, out, ensure_ascii=False, indent=2)


def _pr(scores) -> str:
    return f"{scores.precision:.2f} / {scores.recall:.2f}"


if __name__ == "__main__":
    main()
