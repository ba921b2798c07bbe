"""Text-layer throughput: Marsad against PyArabic, side by side in one process.

Work per article, for each system:
  Marsad   normalize_with_offsets (alef, ya, ta marbuta, diacritics, tatweel, digits,
           quotes, ligatures, with an offset map) + split_sentences + tokenize (offsets)
  PyArabic strip_tashkeel + strip_tatweel + normalize_ligature + normalize_alef
           + normalize_teh (no offsets) + sentence_tokenize + tokenize_with_location

Both run on one core over the same articles, interleaved for --rounds rounds; the
best round of each is reported, and the ratio is PyArabic time / Marsad time
(> 1 means Marsad is faster).

    python benchmarks/text_speed.py [--limit 3000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import time

from corpus import load_articles

from marsad.text import normalize_with_offsets, split_sentences, tokenize


def marsad_stages():
    return {
        "normalise": lambda text: normalize_with_offsets(text),
        "segment": lambda text: split_sentences(text),
        "tokenise": lambda text: tokenize(text),
    }


def pyarabic_stages():
    from pyarabic import araby

    def normalise(text):
        text = araby.strip_tashkeel(text)
        text = araby.strip_tatweel(text)
        text = araby.normalize_ligature(text)
        text = araby.normalize_alef(text)
        return araby.normalize_teh(text)

    return {
        "normalise": normalise,
        "segment": araby.sentence_tokenize,
        "tokenise": araby.tokenize_with_location,
    }


def time_stage(function, texts) -> float:
    began = time.perf_counter()
    for text in texts:
        function(text)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    articles, origin = load_articles(args.limit)
    texts = [article.text for article in articles]
    characters = sum(map(len, texts))
    systems = {"marsad": marsad_stages(), "pyarabic": pyarabic_stages()}
    best: dict[tuple[str, str], float] = {}
    for _ in range(args.rounds):
        for system, stages in systems.items():
            for stage, function in stages.items():
                seconds = time_stage(function, texts)
                key = (system, stage)
                best[key] = min(best.get(key, float("inf")), seconds)
    print(f"corpus: {origin}; {len(texts):,} articles, {characters:,} characters; best of {args.rounds} rounds, one core")
    print(f"{'stage':<10} {'marsad s':>10} {'pyarabic s':>11} {'ratio':>7}")
    totals = {"marsad": 0.0, "pyarabic": 0.0}
    for stage in systems["marsad"]:
        ours, theirs = best[("marsad", stage)], best[("pyarabic", stage)]
        totals["marsad"] += ours
        totals["pyarabic"] += theirs
        print(f"{stage:<10} {ours:>10.3f} {theirs:>11.3f} {theirs / ours:>6.2f}x")
    ours, theirs = totals["marsad"], totals["pyarabic"]
    print(f"{'total':<10} {ours:>10.3f} {theirs:>11.3f} {theirs / ours:>6.2f}x")
    print(
        f"marsad: {characters / ours / 1e6:.2f} M chars/s, {len(texts) / ours:,.0f} articles/s; "
        f"pyarabic: {characters / theirs / 1e6:.2f} M chars/s, {len(texts) / theirs:,.0f} articles/s"
    )
    print(f"ratio (pyarabic time / marsad time): {theirs / ours:.2f}")


if __name__ == "__main__":
    main()
