"""Whole-pipeline throughput on one core, per analyser, with peak memory.

Runs the default pipeline (every analyser registered as default in marsad.pipeline)
over the same articles as the other benchmarks, and, in the same process, the text
layer alone (tokens + sentences) as the baseline: the ratio says how many times the
text layer's cost the whole pipeline is.  Each analyser's own time is measured by
wrapping it, so the breakdown adds up to the pipeline time.

    python benchmarks/pipeline_speed.py [--limit 3000] [--rounds 3] [--clock cpu]

On a machine shared with other work, wall time counts the waits; `--clock cpu` counts
only this process's own CPU time.

Peak memory is the process's maximum resident set size (getrusage), after loading
every resource and analysing every article.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict

from corpus import load_articles

from marsad.model import Document
from marsad.pipeline import build_pipeline, default_names


class _Timed:
    def __init__(self, analyser, seconds):
        self.analyser, self.seconds = analyser, seconds
        self.name, self.needs, self.provides = analyser.name, analyser.needs, analyser.provides

    def __call__(self, analysis):
        began = CLOCK[0]()
        self.analyser(analysis)
        self.seconds[self.name] += CLOCK[0]() - began


CLOCK = [time.perf_counter]  # set from --clock


def run(pipeline, documents) -> float:
    began = CLOCK[0]()
    for document in documents:
        pipeline(document)
    return CLOCK[0]() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--clock", choices=["wall", "cpu"], default="wall",
        help="wall (perf_counter) or cpu (process_time: this process's own CPU time, steady on a busy shared machine)",
    )
    args = parser.parse_args()
    CLOCK[0] = time.process_time if args.clock == "cpu" else time.perf_counter
    articles, origin = load_articles(args.limit)
    documents = [Document(f"a{i}", a.title, a.text) for i, a in enumerate(articles)]
    characters = sum(len(d.text) for d in documents)

    began = time.perf_counter()
    pipeline = build_pipeline()
    startup = time.perf_counter() - began
    baseline = build_pipeline(["tokens", "sentences"])
    seconds: dict[str, float] = defaultdict(float)
    pipeline.analysers = [_Timed(a, seconds) for a in pipeline.analysers]

    best_full = best_base = float("inf")
    for _ in range(args.rounds):
        seconds_before = dict(seconds)
        best_base = min(best_base, run(baseline, documents))
        full = run(pipeline, documents)
        if full < best_full:
            best_full = full
            breakdown = {name: seconds[name] - seconds_before.get(name, 0.0) for name in seconds}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {origin}; {len(documents):,} articles, {characters:,} characters "
          f"(mean {characters / len(documents):,.0f}); best of {args.rounds} rounds, one core")
    print(f"default pipeline: {', '.join(default_names())}; built in {startup:.2f} s (resources loaded once)")
    print(f"{'analyser':<12} {'seconds':>8} {'share':>6} {'articles/s':>11}")
    for name, spent in breakdown.items():
        print(f"{name:<12} {spent:>8.3f} {spent / best_full:>6.1%} {len(documents) / spent:>11,.0f}")
    print(f"{'pipeline':<12} {best_full:>8.3f} {1:>6.0%} {len(documents) / best_full:>11,.0f}")
    print(f"baseline (text layer alone: tokens + sentences): {best_base:.3f} s, {len(documents) / best_base:,.0f} articles/s")
    print(f"ratio (pipeline time / text-layer time): {best_full / best_base:.2f}")
    print(f"peak memory (max RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
