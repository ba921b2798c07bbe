"""Pipeline throughput with the rhetoric layer on, one core, SaudiNewsNet articles.

Three pipelines run over the same articles in one process, interleaved article by
article so that a busy machine slows them alike; --rounds rounds, best round reported:
  baseline   tokens + sentences (the text layer the rhetoric layer needs)
  rhetoric   tokens + sentences + rhetoric (techniques, emotions, frames)
  default    the whole default pipeline as registered in marsad.pipeline

The budget (docs: common rules) is >= 100 articles/s/core for the default pipeline.
Ratios are baseline time / pipeline time (1.0 = no cost).

    .venv/bin/python benchmarks/rhetoric_speed.py [--limit 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

from corpus import load_articles

from marsad.model import Document
from marsad.pipeline import build_pipeline, default_names

BUDGET = 100.0


def run_round(pipelines: dict, documents) -> dict[str, float]:
    """Seconds per pipeline over all documents, each document through every pipeline in turn."""
    clock = time.perf_counter
    spent = dict.fromkeys(pipelines, 0.0)
    for document in documents:
        for name, pipeline in pipelines.items():
            began = clock()
            pipeline(document)
            spent[name] += clock() - began
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles, origin = load_articles(args.limit)
    documents = [Document(str(i), a.title, a.text) for i, a in enumerate(articles)]
    mean_chars = sum(len(d.text) for d in documents) / len(documents)
    pipelines = {
        "baseline": build_pipeline(["tokens", "sentences"]),
        "rhetoric": build_pipeline(["rhetoric"]),
        "default": build_pipeline(),
    }
    best = {name: float("inf") for name in pipelines}
    for _ in range(args.rounds):
        for name, seconds in run_round(pipelines, documents).items():
            best[name] = min(best[name], seconds)
    print(f"{origin}: {len(documents)} articles, mean {mean_chars:,.0f} chars; best of {args.rounds} rounds, one core")
    print(f"default pipeline: {', '.join(default_names())}")
    print(f"{'pipeline':<10}{'articles/s':>12}{'ratio vs baseline':>20}")
    for name, seconds in best.items():
        print(f"{name:<10}{len(documents) / seconds:>12,.0f}{best['baseline'] / seconds:>20.2f}")
    rate = len(documents) / best["default"]
    print(f"budget {BUDGET:.0f} articles/s/core: {'met' if rate >= BUDGET else 'NOT met'} ({rate:,.0f})")


if __name__ == "__main__":
    main()
