"""The events analyser's own cost, on one core, against the text layer in the same process.

The layers events needs (tokens, sentences, entities, dates, quotes) run once first; then
the events analyser alone and the text layer alone (tokens + sentences) are timed over
the same articles, round after round, in CPU time (time.process_time: a busy machine
slows wall-clock figures, CPU time much less).  The first round also fills the word
caches; the best round is reported.

    python benchmarks/events_speed.py [--limit 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

from corpus import load_articles

from marsad.model import Analysis, Document
from marsad.pipeline import build_pipeline


def timed(work) -> float:
    began = time.process_time()
    work()
    return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles, origin = load_articles(args.limit)
    documents = [Document(f"a{i}", a.title, a.text) for i, a in enumerate(articles)]
    pipeline = build_pipeline(["events"])
    *upstream, events = pipeline.analysers
    text_layer = build_pipeline(["tokens", "sentences"])
    analyses = []
    for document in documents:
        analysis = Analysis.of(document)
        for analyser in upstream:
            analyser(analysis)
        analyses.append(analysis)

    def run_events() -> None:
        for analysis in analyses:
            events(analysis)

    def run_text_layer() -> None:
        for document in documents:
            text_layer(document)

    rounds = [(timed(run_events), timed(run_text_layer)) for _ in range(args.rounds)]
    best_events = min(seconds for seconds, _ in rounds)
    best_text = min(seconds for _, seconds in rounds)
    found = sum(len(analysis.events) for analysis in analyses)
    characters = sum(len(d.text) for d in documents)
    print(f"corpus: {origin}; {len(documents):,} articles, mean {characters / len(documents):,.0f} characters; "
          f"{found:,} events ({found / len(documents):.1f} per article); CPU time, best of {args.rounds} rounds")
    print(f"first round (cold word caches): events {rounds[0][0]:.2f} s")
    print(f"events alone:      {best_events:.2f} s, {len(documents) / best_events:,.0f} articles/s")
    print(f"text layer alone:  {best_text:.2f} s, {len(documents) / best_text:,.0f} articles/s")
    print(f"ratio (events time / text-layer time): {best_events / best_text:.2f}")


if __name__ == "__main__":
    main()
