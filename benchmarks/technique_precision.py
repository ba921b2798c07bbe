"""Technique spans the lexicon finds in real news it was not written for (SaudiNewsNet), for judging by eye.

Two views:

  --top K      the K most frequent (label, cue) pairs with counts and an example span:
               a cue that fires everywhere on neutral news shows up at the top.
  --sample N   N hits drawn at random (seeded) with 70 characters of context on each
               side; mark each line defensible or not and count.

Hits can be limited to a tier (`--tier strong`: score >= 0.6, `--tier weak`: 0.3 <=
score < 0.6, `--tier convention`: score < 0.3, `--tier shown`: what the pretty view
shows, score >= 0.3) or a label, and articles taken from further into the corpus (`--skip`) so that
a fresh sample is not one the lexicon was reviewed on.

    python benchmarks/technique_precision.py --skip 6000 --limit 1500 --sample 60 --seed 11
    python benchmarks/technique_precision.py --skip 6000 --limit 1500 --top 40 --tier weak
    python benchmarks/technique_precision.py --skip 8000 --limit 3000 --sample 40 --cue الأهمية --cue أنحاء
    python benchmarks/technique_precision.py --skip 9000 --limit 1000 --sample 60 --tier convention
"""

from __future__ import annotations

import argparse
from collections import Counter

from corpus import load_articles, print_sample

from marsad.model import CONVENTION_BELOW, Document
from marsad.pipeline import build_pipeline

STRONG = 0.6
TIERS = {
    "strong": lambda score: score >= STRONG,
    "weak": lambda score: CONVENTION_BELOW <= score < STRONG,
    "convention": lambda score: score < CONVENTION_BELOW,
    "shown": lambda score: score >= CONVENTION_BELOW,
    "all": lambda score: True,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip", type=int, default=0, help="leave out the first SKIP articles of the corpus")
    parser.add_argument("--limit", type=int, default=1500, help="articles to read after the skipped ones")
    parser.add_argument("--top", type=int, default=0)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--tier", choices=list(TIERS), default="all")
    parser.add_argument("--label", default=None, help="only this technique label")
    parser.add_argument("--cue", action="append", default=[],
                        help="only hits whose cue contains this text (repeatable): to review a new batch of cues")
    args = parser.parse_args()
    articles, origin = load_articles(args.skip + args.limit)
    articles = articles[args.skip :]
    pipeline = build_pipeline(["rhetoric"])
    found = []
    for number, article in enumerate(articles, start=args.skip):
        for technique in pipeline(Document(str(number), article.title, article.text)).rhetoric.techniques:
            if args.label and technique.label != args.label:
                continue
            if args.cue and not any(part in technique.cue for part in args.cue):
                continue
            if not TIERS[args.tier](technique.score):
                continue
            found.append((number, article.text, technique))
    print(f"corpus: {origin}, articles {args.skip}-{args.skip + len(articles) - 1}; {len(found):,} hits (tier {args.tier})")
    print("by label:", dict(Counter(t.label for _, _, t in found).most_common()))
    if args.top:
        counts = Counter((t.label, t.cue) for _, _, t in found)
        examples = {(t.label, t.cue): t.text for _, _, t in found}
        for (label, cue), count in counts.most_common(args.top):
            print(f"{count:6d}  {label:<34} {cue}  e.g. «{examples[label, cue]}»")
    if args.sample:
        print_sample(found, args.sample, args.seed, lambda t: f"{t.label} {t.score:.2f} ({t.cue})", context=70)

if __name__ == "__main__":
    main()
