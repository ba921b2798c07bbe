"""Score the dates and quotes layers against gold annotations (docs/conventions.md format).

Gold sets read (each a folder with articles/ and annotations/), each scored on its own:
  tests/gold/dates_quotes/          our own articles, written while the rules were built
  tests/gold/dev/                   development articles for entities, dates and quotes
  tests/gold/dates_quotes_heldout/  our own articles, written and annotated after the rules
                                    and scored once before any change (see the README)
  tests/gold/                       the main gold set, when its annotations have "dates"/"quotes"
or the folders given with --gold.  The publication date is the file name's leading
YYYY-MM-DD, as for any input.

Dates: a prediction is a span hit when its offsets equal the gold span; it is resolved
when it also has the gold value and precision.  Quotes: span hits likewise; for hits,
the verb is right when it equals the gold verb (diacritics and alef forms folded) and
the speaker when it equals the gold speaker after the conventions' English-name folding
(case, diacritics, hyphens: `Erdoğan` = `Erdogan`); `equivalent` also accepts a speaker
that names the same gazetteer entry («يحيى سريع» = `Yahya Saree`); `lenient` when one
contains the other («التحالف» for «التحالف الدولي»; a role phrase never matches a name).

    python benchmarks/datesquotes_eval.py [--gold DIR ...] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "gold"))

from gold import locate  # noqa: E402

from marsad import service  # noqa: E402
from marsad.ingest import read_plaintext  # noqa: E402
from marsad.extract.gazetteer import english_key, load_gazetteer  # noqa: E402
from marsad.text import normalize  # noqa: E402

DEFAULT_GOLD = (
    REPO / "tests" / "gold" / "dates_quotes",
    REPO / "tests" / "gold" / "dev",
    REPO / "tests" / "gold" / "dates_quotes_heldout",
    REPO / "tests" / "gold",
)


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    hits: int = 0

    def add(self, predicted: int, gold: int, hits: int) -> None:
        self.predicted += predicted
        self.gold += gold
        self.hits += hits

    def prf(self) -> tuple[float, float, float]:
        precision = self.hits / self.predicted if self.predicted else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Scores:
    articles: int = 0
    date_spans: Counts = field(default_factory=Counts)
    date_values: Counts = field(default_factory=Counts)
    quote_spans: Counts = field(default_factory=Counts)
    quote_hits: int = 0
    verbs_right: int = 0
    speakers_exact: int = 0
    speakers_equivalent: int = 0
    speakers_lenient: int = 0
    errors: list[str] = field(default_factory=list)


def gold_articles(folder: Path):
    """(stem, document, annotation with offsets) for every annotated article in `folder`."""
    for annotation_path in sorted((folder / "annotations").glob("*.json")):
        data = json.loads(annotation_path.read_text(encoding="utf-8"))
        if "dates" not in data and "quotes" not in data:
            continue
        document = read_plaintext(folder / "articles" / f"{annotation_path.stem}.txt")
        for layer in ("dates", "quotes"):
            for item in data.get(layer, []):
                item["start"], item["end"] = locate(document.text, item["text"], int(item.get("occurrence", 1)), annotation_path.stem)
        yield annotation_path.stem, document, data


def _fold(value: str | None) -> str:
    return english_key(normalize(value or "").strip())


def _same_entry(said: str | None, truth: str | None) -> bool:
    """Both name the same gazetteer entry («يحيى سريع» and `Yahya Saree`)."""
    if not said or not truth:
        return False
    gazetteer = load_gazetteer()
    a, b = gazetteer.resolve(said), gazetteer.resolve(truth)
    return a is not None and b is not None and a.canonical == b.canonical


def score(folders) -> Scores:
    scores = Scores()
    for folder in folders:
        if not (folder / "annotations").is_dir():
            continue
        for stem, document, gold in gold_articles(folder):
            scores.articles += 1
            analysis = service.analyse_documents([document], service.pipeline_for()).__next__().analysis
            if "dates" in gold:
                _score_dates(stem, analysis.dates, gold["dates"], scores)
            if "quotes" in gold:
                _score_quotes(stem, analysis.quotes, gold["quotes"], scores)
    return scores


def _score_dates(stem, predicted, gold, scores: Scores) -> None:
    by_span = {(d.start, d.end): d for d in predicted}
    gold_spans = {(g["start"], g["end"]): g for g in gold}
    span_hits = [span for span in gold_spans if span in by_span]
    value_hits = [s for s in span_hits if (by_span[s].value, by_span[s].precision) == (gold_spans[s]["value"], gold_spans[s]["precision"])]
    scores.date_spans.add(len(by_span), len(gold_spans), len(span_hits))
    scores.date_values.add(len(by_span), len(gold_spans), len(value_hits))
    for span, item in gold_spans.items():
        if span not in by_span:
            scores.errors.append(f"{stem} date missed: {item['text']!r} ({item['value']})")
        elif span not in value_hits:
            got = by_span[span]
            scores.errors.append(f"{stem} date {item['text']!r}: {got.value} {got.precision}, gold {item['value']} {item['precision']}")
    for span, date in by_span.items():
        if span not in gold_spans:
            scores.errors.append(f"{stem} date extra: {date.text!r} ({date.value})")


def _score_quotes(stem, predicted, gold, scores: Scores) -> None:
    by_span = {(q.start, q.end): q for q in predicted}
    gold_spans = {(g["start"], g["end"]): g for g in gold}
    hits = [span for span in gold_spans if span in by_span]
    scores.quote_spans.add(len(by_span), len(gold_spans), len(hits))
    scores.quote_hits += len(hits)
    for span in hits:
        got, item = by_span[span], gold_spans[span]
        scores.verbs_right += _fold(got.verb) == _fold(item["verb"])
        said, truth = _fold(got.speaker), _fold(item["speaker"])
        exact = said == truth
        equivalent = exact or _same_entry(got.speaker, item["speaker"])
        scores.speakers_exact += exact
        scores.speakers_equivalent += equivalent
        lenient = equivalent or (bool(said) and bool(truth) and (said in truth or truth in said))
        scores.speakers_lenient += lenient
        if not equivalent or _fold(got.verb) != _fold(item["verb"]):
            scores.errors.append(
                f"{stem} quote {item['text'][:40]!r}: speaker {got.speaker!r} verb {got.verb!r}, "
                f"gold {item['speaker']!r} {item['verb']!r}"
            )
    for span, item in gold_spans.items():
        if span not in by_span:
            scores.errors.append(f"{stem} quote missed: {item['text'][:50]!r}")
    for span, quote in by_span.items():
        if span not in gold_spans:
            scores.errors.append(f"{stem} quote extra: {quote.text[:50]!r}")


def report(scores: Scores) -> str:
    lines = [f"{scores.articles} gold articles; pipeline: {', '.join(service.pipeline_for().names)}"]
    for name, counts in (("date spans", scores.date_spans), ("dates resolved", scores.date_values), ("quote spans", scores.quote_spans)):
        p, r, f = counts.prf()
        lines.append(f"{name:<15} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({counts.hits}/{counts.gold} gold, {counts.predicted} predicted)")
    if scores.quote_hits:
        n = scores.quote_hits
        lines.append(
            f"on {n} quote hits: verb {scores.verbs_right / n:.3f}, speaker exact {scores.speakers_exact / n:.3f}, "
            f"equivalent {scores.speakers_equivalent / n:.3f}, lenient {scores.speakers_lenient / n:.3f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", help="gold folder(s) with articles/ and annotations/")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong value")
    args = parser.parse_args()
    for folder in args.gold or DEFAULT_GOLD:
        scores = score([folder])
        if not scores.articles:
            continue
        print(f"== {folder.relative_to(REPO) if folder.is_relative_to(REPO) else folder}")
        print(report(scores))
        if args.errors:
            print("\n".join(scores.errors))


if __name__ == "__main__":
    main()
