"""What the entities analyser finds on real news it was not written for (SaudiNewsNet).

Two views, for reviewing by eye:

  --top K      the K most frequent (surface form, type, canonical) triples, with counts:
               a common word read as a place («المدينة» -> Medina) shows up at the top.
  --sample N   N mentions drawn at random (seeded) with 60 characters of context, to
               judge precision: mark each line right or wrong and count.

    python benchmarks/entity_precision.py --limit 3000 --top 60
    python benchmarks/entity_precision.py --limit 3000 --sample 100 --seed 7 --type LOC
"""

from __future__ import annotations

import argparse
from collections import Counter

from corpus import load_articles, print_sample

from marsad.extract.entities import EntitiesAnalyser
from marsad.text import tokenize


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--type", choices=["PER", "ORG", "LOC", "MISC"], default=None)
    parser.add_argument("--origin", default=None, help="only mentions of this origin (gazetteer, composition, name, coreference)")
    args = parser.parse_args()
    articles, origin = load_articles(args.limit)
    analyser = EntitiesAnalyser()
    found = []
    for number, article in enumerate(articles):
        for mention in analyser.mentions(article.text, tokenize(article.text)):
            if args.type and mention.type != args.type:
                continue
            if args.origin and mention.origin != args.origin:
                continue
            found.append((number, article.text, mention))
    print(f"corpus: {origin}; {len(found):,} mentions" + (f" of type {args.type}" if args.type else ""))
    print("by type:", dict(Counter(m.type for _, _, m in found)), "by origin:", dict(Counter(m.origin for _, _, m in found)))
    if args.top:
        counts = Counter((text[m.start : m.end], m.type, m.canonical) for _, text, m in found)
        for (surface, kind, canonical), count in counts.most_common(args.top):
            print(f"{count:6d}  {kind}  {surface}  -> {canonical}")
    if args.sample:
        print_sample(found, args.sample, args.seed, lambda m: f"{m.type} {m.canonical!r} ({m.origin})")

if __name__ == "__main__":
    main()
