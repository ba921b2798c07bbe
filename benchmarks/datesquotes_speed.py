"""Throughput of the dates and quotes analysers, on one core, in one process.

Work measured, over the same articles (SaudiNewsNet, see corpus.py):
  text layer  tokens + sentences (what dates and quotes need; the baseline)
  dates       the dates analyser alone, on articles the text layer already ran on
  quotes      the quotes analyser alone, likewise
  pipeline    the whole default pipeline from a Document (what `marsad analyze` runs)
and, on the first --dateparser-limit articles, dateparser's `search_dates` (languages=["ar"]),
the named baseline for finding and resolving dates (it knows Egyptian month names and a
few relative words).  Each figure is the best of --rounds rounds; ratios compare runs
made in this process.

    python benchmarks/datesquotes_speed.py [--limit 3000] [--rounds 3] [--dateparser-limit 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from corpus import load_articles

from marsad.extract.dates import DatesAnalyser
from marsad.extract.quotes import QuotesAnalyser
from marsad.model import Analysis, Document
from marsad.pipeline import build_pipeline

PUBLISHED = dt.date(2015, 7, 25)  # SaudiNewsNet was collected 2015-07-21 .. 2015-08-11


def best_of(rounds: int, work) -> float:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dateparser-limit", type=int, default=300)
    args = parser.parse_args()
    articles, origin = load_articles(args.limit)
    documents = [Document(str(i), a.title, a.text, published=PUBLISHED) for i, a in enumerate(articles)]
    text_layer = build_pipeline(["tokens", "sentences"])
    full = build_pipeline()
    dates, quotes = DatesAnalyser(), QuotesAnalyser()
    prepared: list[Analysis] = [text_layer(document) for document in documents]

    def run_text_layer():
        for document in documents:
            text_layer(document)

    def run(analyser, layer):
        def work():
            for analysis in prepared:
                setattr(analysis, layer, [])
                analyser(analysis)

        return work

    def run_full():
        for document in documents:
            full(document)

    seconds = {
        "text layer": best_of(args.rounds, run_text_layer),
        "dates": best_of(args.rounds, run(dates, "dates")),
        "quotes": best_of(args.rounds, run(quotes, "quotes")),
        "pipeline": best_of(args.rounds, run_full),
    }
    characters = sum(len(d.text) for d in documents)
    found_dates = sum(len(a.dates) for a in prepared)
    found_quotes = sum(len(a.quotes) for a in prepared)
    print(f"corpus: {origin}; {len(documents):,} articles, {characters:,} characters; best of {args.rounds} rounds, one core")
    print(f"pipeline analysers: {', '.join(full.names)}")
    print(f"{'work':<12} {'seconds':>8} {'articles/s':>11} {'x text layer':>13}")
    for name, value in seconds.items():
        print(f"{name:<12} {value:>8.3f} {len(documents) / value:>11,.0f} {value / seconds['text layer']:>13.2f}")
    print(f"found: {found_dates:,} dates ({found_dates / len(documents):.2f}/article), {found_quotes:,} quotes")
    compare_dateparser(prepared[: args.dateparser_limit], dates, args.rounds)


def compare_dateparser(prepared: list[Analysis], dates: DatesAnalyser, rounds: int) -> None:
    if not prepared:
        return
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed (pip install -e '.[bench]'): no baseline comparison")
        return
    settings = {"RELATIVE_BASE": dt.datetime.combine(PUBLISHED, dt.time()), "PREFER_DATES_FROM": "past"}
    texts = [analysis.text for analysis in prepared]
    found = []

    def run_dateparser():
        found.clear()
        for text in texts:
            found.append(search_dates(text, languages=["ar"], settings=settings) or [])

    def run_ours():
        for analysis in prepared:
            analysis.dates = []
            dates(analysis)

    theirs = best_of(1, run_dateparser)  # one round: it is slow
    ours = best_of(rounds, run_ours)
    print(
        f"dateparser search_dates on the first {len(texts)} articles: {len(texts) / theirs:,.1f} articles/s, "
        f"{sum(map(len, found)):,} dates; Marsad dates: {len(texts) / ours:,.0f} articles/s, "
        f"{sum(len(a.dates) for a in prepared):,} dates; Marsad is {theirs / ours:,.0f}x faster"
    )


if __name__ == "__main__":
    main()
