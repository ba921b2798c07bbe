"""Events the analyser finds on ordinary news it was not written for (SaudiNewsNet),
sampled for judging precision by eye.

Articles `--start` to `--stop` (exclusive) of the corpus are analysed; `--sample N`
predicted events are drawn at random (seeded), each printed with its type, actors,
place and the cue, and `--context` characters around its first evidence span. Mark each
line right or wrong and count. Use one range to find errors and a fresh range to judge
a change (the fresh range was never looked at while the rules were written).

    python benchmarks/event_precision.py --start 5000 --stop 7000 --sample 40 --seed 1
    python benchmarks/event_precision.py --start 7000 --stop 9000 --sample 40 --seed 2
    python benchmarks/event_precision.py --start 5000 --stop 7000 --top 30   # most frequent types and cues
"""

from __future__ import annotations

import argparse
from collections import Counter

from corpus import load_articles, print_sample

from marsad.model import Document
from marsad.pipeline import build_pipeline


def describe(event) -> str:
    actors = " / ".join(str(a) for a in (event.actor1, event.actor2) if a) or "-"
    return f"{event.type} | {actors} | {event.location or '-'} | cue «{event.cue}»"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--start", type=int, default=5000)
    parser.add_argument("--stop", type=int, default=7000)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--context", type=int, default=90)
    parser.add_argument("--top", type=int, default=0, help="print the K most frequent (type, cue) pairs")
    args = parser.parse_args()
    articles, origin = load_articles(args.stop)
    pipeline = build_pipeline(["events"])
    found = []
    for number in range(args.start, min(args.stop, len(articles))):
        article = articles[number]
        analysis = pipeline(Document(f"a{number}", article.title, article.text))
        found.extend((number, analysis.text, event) for event in analysis.events)
    count = max(1, min(args.stop, len(articles)) - args.start)
    print(f"corpus: {origin}; articles {args.start}-{args.stop}: {len(found):,} events ({len(found) / count:.2f} per article)")
    print("by type:", dict(Counter(e.type for _, _, e in found).most_common()))
    if args.top:
        for (kind, cue), n in Counter((e.type, e.cue) for _, _, e in found).most_common(args.top):
            print(f"{n:6d}  {kind}  «{cue}»")
    if args.sample:
        print_sample(found, args.sample, args.seed, describe, args.context)


if __name__ == "__main__":
    main()
