"""Whole-pipeline outputs over the benchmark corpus, written or compared: the check that a
speed-up changed nothing.

The golden files cover the seed and the bundled examples; this covers thousands of real
articles.  Every other article gets its collection date as `published` (dates and role
nouns resolve), the rest none (the unanchored paths run too).

    python benchmarks/pipeline_outputs.py --write /tmp/before.jsonl [--limit 3000]
    python benchmarks/pipeline_outputs.py --compare /tmp/before.jsonl [--limit 3000]

`--compare` prints how many articles differ, in which layers, and the first differences;
its exit status is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus import load_articles

from marsad.model import Document, parse_date
from marsad.pipeline import build_pipeline

SHOWN = 5


def documents(limit: int) -> list[Document]:
    articles, _ = load_articles(limit)
    return [
        Document(f"a{i}", a.title, a.text, published=parse_date(a.published) if i % 2 == 0 else None)
        for i, a in enumerate(articles)
    ]


def outputs(limit: int):
    """(id, the analysis as JSON without its text) for every article, in order."""
    pipeline = build_pipeline()
    for document in documents(limit):
        produced = pipeline(document).to_dict()
        del produced["text"]
        yield document.id, json.loads(json.dumps(produced, ensure_ascii=False))


def write(path: Path, limit: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for _, produced in outputs(limit):
            out.write(json.dumps(produced, ensure_ascii=False) + "\n")
    print(f"wrote {limit:,} analyses to {path}")


def compare(path: Path, limit: int) -> int:
    with path.open(encoding="utf-8") as stored:
        expected = [json.loads(line) for line in stored]
    differing: dict[str, int] = {}
    shown = 0
    compared = 0
    for (_, produced), before in zip(outputs(limit), expected):
        compared += 1
        layers = [key for key in before.keys() | produced.keys() if before.get(key) != produced.get(key)]
        for layer in layers:
            differing[layer] = differing.get(layer, 0) + 1
            if shown < SHOWN:
                shown += 1
                print(f"{produced['id']} {layer}:\n  before {json.dumps(before.get(layer), ensure_ascii=False)[:1500]}\n"
                      f"  now    {json.dumps(produced.get(layer), ensure_ascii=False)[:1500]}")
    if not differing:
        print(f"identical: {compared:,} analyses")
        return 0
    print(f"differences in {compared:,} analyses, by layer: {differing}")
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the analyses (JSON Lines) to this file")
    action.add_argument("--compare", type=Path, help="compare the analyses with those written to this file")
    args = parser.parse_args()
    if args.write:
        write(args.write, args.limit)
    else:
        sys.exit(compare(args.compare, args.limit))


if __name__ == "__main__":
    main()
