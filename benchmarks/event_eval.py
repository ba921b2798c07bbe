"""Events against the gold set (tests/gold/): precision, recall and F1.

A predicted event matches a gold event of the same article when their type, actor1 and
location agree (names compared as docs/conventions.md says: case, diacritics and hyphens
folded; Arabic names normalised).  Each event matches at most once.  Among matched pairs,
actor2 and date agreement are reported separately; a looser score that asks only for the
ACLED event type (not the sub-event type), actor1 and location is printed too.

The gold set has two halves written apart: `a-` articles were looked at while the
events lexicons were developed (the dev split), `b-` articles were not (held out).
Both are scored separately and together.

    python benchmarks/event_eval.py                   # dev, held-out and all
    python benchmarks/event_eval.py --split heldout   # one split, with per-type figures
    python benchmarks/event_eval.py --show 2019-03-24_a-baghouz-final-pocket   # misses and extras
    python benchmarks/event_eval.py --gold tests/gold/dev_events --show-all    # a development folder
    python benchmarks/event_eval.py --gold tests/gold/dev_events --stems '*_d5-*'   # one batch of it
    python benchmarks/event_eval.py --gold tests/gold/dev_events --exclude-stems '*_d5-*'   # the rest

`--gold DIR` scores another folder in the same format (`DIR/articles`, `DIR/annotations`),
such as tests/gold/dev_events/ (development articles, written to find errors: rules may be
tuned on them); it is scored as one split with per-type figures.  `--stems GLOB` keeps the
articles whose stem matches the pattern (a batch of a folder, scored alone), `--exclude-stems
GLOB` drops them.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "gold"))

from gold import GoldArticle, load_gold  # noqa: E402

from marsad.model import Document  # noqa: E402
from marsad.pipeline import build_pipeline  # noqa: E402
from marsad.text import normalize  # noqa: E402

SPLITS = {"dev": "_a-", "heldout": "_b-"}


def fold(name: str | None) -> str | None:
    """Names as the scorers compare them: case, diacritics, hyphens and apostrophes folded."""
    if name is None:
        return None
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    for mark in "-‐–'’ʼ`":
        stripped = stripped.replace(mark, " ")
    return " ".join(normalize(stripped).casefold().split())


# What must agree for two events to match, by level: the scored criterion ("type"), the looser
# ACLED event type ("event_type"), and one-argument diagnostics (benchmarks/event_agreement.py).
KEY_FIELDS = {
    "type": ("type", "actor1", "location"),
    "event_type": ("event_type", "actor1", "location"),
    "type only": ("type",),
    "type+actor1": ("type", "actor1"),
    "type+location": ("type", "location"),
}


def key(event: dict, level: str = "type") -> tuple:
    kind, *names = KEY_FIELDS[level]
    return (event[kind], *(fold(event.get(name)) for name in names))


@dataclass
class Tally:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0
    actor2_agree: int = 0
    date_agree: int = 0
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, other: Tally) -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.gold += other.gold
        self.actor2_agree += other.actor2_agree
        self.date_agree += other.date_agree
        for name, counts in other.per_type.items():
            self.per_type[name].update(counts)

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match(predicted: list[dict], gold: list[dict], level: str = "type") -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs (predicted, gold) with equal keys, preferring pairs whose dates also agree."""
    pairs = []
    unmatched_gold = list(gold)
    unmatched_predicted = []
    for event in sorted(predicted, key=lambda e: e.get("start", 0)):
        candidates = [g for g in unmatched_gold if key(g, level) == key(event, level)]
        if not candidates:
            unmatched_predicted.append(event)
            continue
        best = next((g for g in candidates if g.get("date") == event.get("date")), candidates[0])
        unmatched_gold.remove(best)
        pairs.append((event, best))
    return pairs, unmatched_predicted, unmatched_gold


def score(predicted: list[dict], gold: list[dict], level: str = "type") -> Tally:
    pairs, extra, missed = match(predicted, gold, level)
    tally = Tally(len(pairs), len(predicted), len(gold))
    for event, gold_event in pairs:
        tally.actor2_agree += fold(event.get("actor2")) == fold(gold_event.get("actor2"))
        tally.date_agree += event.get("date") == gold_event.get("date")
        tally.per_type[gold_event["type"]]["tp"] += 1
    for event in extra:
        tally.per_type[event["type"]]["fp"] += 1
    for gold_event in missed:
        tally.per_type[gold_event["type"]]["fn"] += 1
    return tally


def predict(pipeline, article: GoldArticle) -> list[dict]:
    document = Document(article.stem, article.title, article.text, source=article.stem, published=article.published)
    return [event.to_dict() for event in pipeline(document).events]


def report(name: str, tally: Tally, loose: Tally, per_type: bool) -> None:
    matched = tally.true_positive or 1
    print(
        f"{name:<8} events: gold {tally.gold:>3}, predicted {tally.predicted:>3}, matched {tally.true_positive:>3}   "
        f"P {tally.precision:.3f}  R {tally.recall:.3f}  F1 {tally.f1:.3f}   "
        f"(event_type level F1 {loose.f1:.3f});  among matched: actor2 agrees {tally.actor2_agree / matched:.0%}, "
        f"date agrees {tally.date_agree / matched:.0%}"
    )
    if per_type:
        print(f"  {'type':<38} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for type_name, counts in sorted(tally.per_type.items(), key=lambda item: -(item[1]["tp"] + item[1]["fn"])):
            tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  {type_name:<38} {tp + fn:>5} {tp + fp:>5} {tp:>4} {p:>6.2f} {r:>6.2f} {f:>6.2f}")


def show(article: GoldArticle, predicted: list[dict]) -> None:
    pairs, extra, missed = match(predicted, article.events)
    print(f"== {article.stem}: {len(pairs)} matched, {len(extra)} extra, {len(missed)} missed")
    for event, gold_event in pairs:
        print(f"  ok    {event_line(event)}   [actor2 gold {gold_event.get('actor2')}, date gold {gold_event.get('date')}]")
    for event in extra:
        print(f"  extra {event_line(event)}  «{event['evidence'][0]['text'][:90]}»")
    for gold_event in missed:
        print(f"  miss  {event_line(gold_event)}  «{gold_event['evidence'][0]['text'][:90]}»")


def event_line(event: dict) -> str:
    return f"{event['type']} | {event.get('actor1')} -> {event.get('actor2')} | {event.get('location')} | {event.get('date')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default=None, help="score one split, with per-type figures")
    parser.add_argument("--show", nargs="*", default=[], metavar="STEM", help="print matches, extras and misses of these articles")
    parser.add_argument("--show-all", action="store_true", help="print matches, extras and misses of every article scored (not with the held-out split)")
    parser.add_argument("--gold", type=Path, default=None, metavar="DIR", help="score this folder (articles/ + annotations/) instead of tests/gold/")
    parser.add_argument("--stems", default=None, metavar="GLOB", help="with --gold: only the articles whose stem matches this pattern, e.g. '*_d5-*'")
    parser.add_argument("--exclude-stems", default=None, metavar="GLOB", help="with --gold: leave out the articles whose stem matches this pattern")
    args = parser.parse_args()
    if (args.stems or args.exclude_stems) and args.gold is None:
        parser.error("--stems and --exclude-stems filter a --gold folder (the gold set is chosen with --split)")
    if args.show_all and args.gold is None and args.split != "dev":
        parser.error("--show-all prints per-article output: use it with --gold DIR or --split dev (the held-out half stays unread)")
    articles = load_gold(args.gold) if args.gold else load_gold()
    if args.stems:
        articles = [a for a in articles if fnmatch.fnmatch(a.stem, args.stems)]
    if args.exclude_stems:
        articles = [a for a in articles if not fnmatch.fnmatch(a.stem, args.exclude_stems)]
    pipeline = build_pipeline(["events"])
    predictions = {article.stem: predict(pipeline, article) for article in articles}
    if args.gold is None and args.split == "dev":
        shown = [a for a in articles if SPLITS["dev"] in a.stem]
    else:
        shown = articles if args.gold else []
    for article in articles:
        if article.stem in args.show or (args.show_all and article in shown):
            show(article, predictions[article.stem])
    if args.gold is not None:
        tally, loose = Tally(), Tally()
        for article in articles:
            tally.add(score(predictions[article.stem], article.events))
            loose.add(score(predictions[article.stem], article.events, level="event_type"))
        name = args.gold.name + (f"[{args.stems}]" if args.stems else "") + (f"[not {args.exclude_stems}]" if args.exclude_stems else "")
        report(f"{name} ({len(articles)})", tally, loose, per_type=True)
        return
    splits = [args.split] if args.split else ["dev", "heldout", "all"]
    for split in splits:
        chosen = [a for a in articles if split == "all" or SPLITS[split] in a.stem]
        tally, loose = Tally(), Tally()
        for article in chosen:
            tally.add(score(predictions[article.stem], article.events))
            loose.add(score(predictions[article.stem], article.events, level="event_type"))
        report(f"{split} ({len(chosen)})", tally, loose, per_type=args.split is not None)


if __name__ == "__main__":
    main()
