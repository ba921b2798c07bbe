"""How far two annotators agree on events, under the criterion the events layer is scored by.

A second annotator's events (tests/gold/agreement/annotations/<stem>.json, written blind)
are scored against the first annotation of the same article (tests/gold/annotations/ or
tests/gold/dev_events/annotations/) with exactly the matching of benchmarks/event_eval.py:
two events match when their type, actor1 and location agree (names folded as
docs/conventions.md says), each event at most once.  The first annotation plays gold, so
P is the share of the second annotator's events the first also has, R the reverse; F1 is
the same whichever plays gold.  That F1 is the ceiling the events layer's F1 can be read
against.

Printed: P/R/F1 with per-type counts and the looser ACLED event-type level (as event_eval
prints them), how many matched pairs also agree on actor2 and on date, and the agreement
when only the type, only (type, actor1) or only (type, location) must agree, which shows
the argument that drives the disagreement.

    python benchmarks/event_agreement.py                  # the agreement set, all stems
    python benchmarks/event_agreement.py --show           # every pair, extra and miss, per article
    python benchmarks/event_agreement.py --show 2014-06-12_mosul-falls
    python benchmarks/event_agreement.py --second tests/gold/dev_events/annotations   # a self-check: F1 1.0

Articles of the held-out half (`_b-`) are never read, whatever --second holds.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "gold"))
sys.path.insert(0, str(REPO / "benchmarks"))

from event_eval import Tally, event_line, match, report, score  # noqa: E402
from gold import GOLD, GoldArticle, load_article  # noqa: E402

SECOND = GOLD / "agreement" / "annotations"
FIRST_FOLDERS = (GOLD, GOLD / "dev_events")
HELD_OUT = "_b-"
DIAGNOSTIC_LEVELS = ("type only", "type+actor1", "type+location")


@dataclass
class Pair:
    """One article annotated twice: `first` plays gold, `second` plays prediction."""

    stem: str
    first: GoldArticle
    second: GoldArticle


def first_folder(stem: str) -> Path:
    for folder in FIRST_FOLDERS:
        if (folder / "annotations" / f"{stem}.json").exists():
            return folder
    raise SystemExit(f"{stem}: no first annotation in {', '.join(str(f / 'annotations') for f in FIRST_FOLDERS)}")


def load_pairs(second: Path = SECOND, only: list[str] | None = None) -> list[Pair]:
    """Every article annotated in `second` (or the stems in `only`), with both annotations."""
    stems = sorted(path.stem for path in second.glob("*.json") if HELD_OUT not in path.stem)
    if only:
        unknown = sorted(set(only) - set(stems))
        if unknown:
            raise SystemExit(f"not annotated in {second}: {', '.join(unknown)}")
        stems = [stem for stem in stems if stem in only]
    pairs = []
    for stem in stems:
        folder = first_folder(stem)
        pairs.append(Pair(stem, load_article(stem, folder), load_article(stem, folder, annotations=second)))
    return pairs


def agreement(pairs: list[Pair], level: str = "type") -> Tally:
    tally = Tally()
    for pair in pairs:
        tally.add(score(pair.second.events, pair.first.events, level))
    return tally


def print_counts(tally: Tally) -> None:
    print(
        f"matched pairs: {tally.true_positive};  actor2 agrees in {tally.actor2_agree}, "
        f"date agrees in {tally.date_agree}"
    )


def print_diagnostics(pairs: list[Pair]) -> None:
    print("what must agree                 matched    P      R      F1")
    for level in ("type", *DIAGNOSTIC_LEVELS):
        tally = agreement(pairs, level)
        label = "type, actor1, location (scored)" if level == "type" else level
        print(f"  {label:<31} {tally.true_positive:>4}   {tally.precision:.3f}  {tally.recall:.3f}  {tally.f1:.3f}")


def bootstrap_f1(pairs: list[Pair], rounds: int = 2000, seed: int = 0) -> tuple[float, float]:
    """A 95% interval of the scored F1, resampling whole articles (events of one article
    are not independent)."""
    per_article = [agreement([pair]) for pair in pairs]
    rng = random.Random(seed)
    scores = []
    for _ in range(rounds):
        tally = Tally()
        for index in rng.choices(range(len(per_article)), k=len(per_article)):
            tally.add(per_article[index])
        scores.append(tally.f1)
    scores.sort()
    return scores[int(0.025 * rounds)], scores[int(0.975 * rounds) - 1]


def show(pair: Pair) -> None:
    pairs, extra, missed = match(pair.second.events, pair.first.events)
    print(f"== {pair.stem}: {len(pairs)} agree, {len(extra)} only second, {len(missed)} only first")
    for second, first in pairs:
        print(f"  both   {event_line(second)}   [first: actor2 {first.get('actor2')}, date {first.get('date')}]")
    for event in extra:
        print(f"  second {event_line(event)}  «{event['evidence'][0]['text'][:80]}»")
    for event in missed:
        print(f"  first  {event_line(event)}  «{event['evidence'][0]['text'][:80]}»")


def _shown(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--second", type=Path, default=SECOND, metavar="DIR", help=f"the second annotator's folder of <stem>.json (default {SECOND.relative_to(REPO)})")
    parser.add_argument("--stems", nargs="+", default=None, metavar="STEM", help="score only these articles")
    parser.add_argument("--show", nargs="*", default=None, metavar="STEM", help="print both annotations' events side by side (all articles when no STEM is given)")
    args = parser.parse_args()
    pairs = load_pairs(args.second, args.stems)
    if not pairs:
        parser.error(f"no annotations in {args.second}")
    if args.show is not None:
        for pair in pairs:
            if not args.show or pair.stem in args.show:
                show(pair)
        print()
    tally, loose = agreement(pairs), agreement(pairs, "event_type")
    print(f"second annotator ({_shown(args.second)}) against the first; {len(pairs)} articles; in the table gold = first, pred = second")
    report(f"agree ({len(pairs)})", tally, loose, per_type=True)
    print_counts(tally)
    low, high = bootstrap_f1(pairs)
    print(f"F1 95% interval, articles resampled (2000 rounds, seed 0): {low:.3f} - {high:.3f}")
    print_diagnostics(pairs)


if __name__ == "__main__":
    main()
