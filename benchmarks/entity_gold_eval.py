"""Score the entities layer against gold annotations (docs/conventions.md format).

Gold sets read (each a folder with articles/ and annotations/), each scored on its own:
  tests/gold/dev/   development articles (written to find errors; rules may be tuned on them)
  tests/gold/       the main gold set: the measuring stick, never tuned on
or the folders given with --gold.  The publication date is the file name's leading
YYYY-MM-DD.

Tracks:
  names      gold entities without `coref` against predicted mentions that are not
             coreference (gazetteer aliases, compositions, person names)
  coref      gold entities with `coref: true` against predicted coreferent mentions
             («التنظيم», «المتحدث», a later «الرئيس التركي»)
  all        everything against everything
A hit is an exact span (offsets) with the same type (CoNLL style); `lenient` also
accepts a span that differs only by leading proclitic letters (و ف ب ل ك).
Canonical accuracy is measured on the exact hits of each track:
  exact       the canonical names are equal after the conventions' English-name folding
              (case, diacritics, hyphens: `Erdoğan` = `Erdogan`)
  equivalent  exact, or both name the same gazetteer entry (a gold Arabic name such as
              «يحيى سريع» that the gazetteer knows as `Yahya Saree`)

    python benchmarks/entity_gold_eval.py [--gold DIR ...] [--errors] [--type PER]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "gold"))

from gold import locate  # noqa: E402

from marsad import service  # noqa: E402
from marsad.extract.gazetteer import english_key, load_gazetteer  # noqa: E402
from marsad.ingest import read_plaintext  # noqa: E402

DEFAULT_GOLD = (REPO / "tests" / "gold" / "dev", REPO / "tests" / "gold")
TYPES = ("PER", "ORG", "LOC", "MISC")
TRACKS = ("names", "coref", "all")
PROCLITICS = "وفبلك"


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    hits: int = 0

    def prf(self) -> tuple[float, float, float]:
        precision = self.hits / self.predicted if self.predicted else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Track:
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    lenient: Counts = field(default_factory=Counts)
    canonical_exact: int = 0
    canonical_equivalent: int = 0

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_type.values():
            total.predicted += counts.predicted
            total.gold += counts.gold
            total.hits += counts.hits
        return total


@dataclass
class Scores:
    articles: int = 0
    tracks: dict[str, Track] = field(default_factory=lambda: {name: Track() for name in TRACKS})
    errors: list[str] = field(default_factory=list)


Span = tuple[int, int, str]  # start, end, type


def gold_articles(folder: Path):
    """(stem, document, entities with offsets) for every annotated article in `folder`."""
    for path in sorted((folder / "annotations").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "entities" not in data:
            continue
        document = read_plaintext(folder / "articles" / f"{path.stem}.txt")
        for item in data["entities"]:
            item["start"], item["end"] = locate(document.text, item["text"], int(item.get("occurrence", 1)), path.stem)
        yield path.stem, document, data["entities"]


def predicted_mentions(document):
    """(entity, is coreference) for the default pipeline's entities on `document`."""
    pipeline = service.pipeline_for()
    analysis = pipeline(document)
    analyser = next(a for a in pipeline.analysers if a.name == "entities")
    coreferent = {(m.start, m.end) for m in analyser.mentions(analysis.text, analysis.views["tokens"], analysis.published) if m.origin == "coreference"}
    return analysis.text, [(entity, (entity.start, entity.end) in coreferent) for entity in analysis.entities]


def same_entry(gold_canonical: str | None, predicted: str | None) -> bool:
    if not gold_canonical or not predicted:
        return False
    if english_key(gold_canonical) == english_key(predicted):
        return True
    gazetteer = load_gazetteer()
    gold_entry, predicted_entry = gazetteer.resolve(gold_canonical), gazetteer.resolve(predicted)
    return gold_entry is not None and predicted_entry is not None and gold_entry.canonical == predicted_entry.canonical


def _strip_proclitics(text: str, start: int, end: int) -> int:
    while start < end - 2 and text[start] in PROCLITICS:
        start += 1
    return start


def score_track(stem: str, text: str, track: Track, gold: list[dict], predicted: list, name: str, errors: list[str]) -> None:
    gold_spans: dict[Span, dict] = {(g["start"], g["end"], g["type"]): g for g in gold}
    predicted_spans: dict[Span, object] = {(e.start, e.end, e.type): e for e in predicted}
    for entity_type in TYPES:
        counts = track.by_type[entity_type]
        counts.gold += sum(1 for span in gold_spans if span[2] == entity_type)
        counts.predicted += sum(1 for span in predicted_spans if span[2] == entity_type)
        counts.hits += sum(1 for span in gold_spans if span[2] == entity_type and span in predicted_spans)
    lenient_predicted = {(_strip_proclitics(text, s, e), e, t) for s, e, t in predicted_spans}
    lenient_hits = sum(1 for s, e, t in gold_spans if (_strip_proclitics(text, s, e), e, t) in lenient_predicted)
    track.lenient.gold += len(gold_spans)
    track.lenient.predicted += len(predicted_spans)
    track.lenient.hits += lenient_hits
    for span, item in gold_spans.items():
        entity = predicted_spans.get(span)
        if entity is None:
            errors.append(f"{stem} [{name}] missed {span[2]} {item['text']!r} ({item.get('canonical')})")
            continue
        exact = english_key(item.get("canonical") or "") == english_key(entity.canonical or "")
        equivalent = exact or same_entry(item.get("canonical"), entity.canonical)
        track.canonical_exact += exact
        track.canonical_equivalent += equivalent
        if not equivalent:
            errors.append(f"{stem} [{name}] canonical {item['text']!r}: {entity.canonical!r}, gold {item.get('canonical')!r}")
    for span, entity in predicted_spans.items():
        if span not in gold_spans:
            errors.append(f"{stem} [{name}] extra {span[2]} {entity.text!r} ({entity.canonical})")


def score(folder: Path) -> Scores:
    scores = Scores()
    if not (folder / "annotations").is_dir():
        return scores
    for stem, document, gold in gold_articles(folder):
        scores.articles += 1
        text, predicted = predicted_mentions(document)
        tracks = {
            "names": ([g for g in gold if not g.get("coref")], [e for e, coref in predicted if not coref]),
            "coref": ([g for g in gold if g.get("coref")], [e for e, coref in predicted if coref]),
            "all": (gold, [e for e, _ in predicted]),
        }
        for name, (gold_items, predicted_items) in tracks.items():
            errors = scores.errors if name != "all" else []
            score_track(stem, text, scores.tracks[name], gold_items, predicted_items, name, errors)
    return scores


def report(scores: Scores) -> str:
    lines = [f"{scores.articles} gold articles; pipeline: {', '.join(service.pipeline_for().names)}"]
    for name in TRACKS:
        track = scores.tracks[name]
        overall = track.overall
        p, r, f = overall.prf()
        lines.append(f"-- {name}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({overall.hits}/{overall.gold} gold, {overall.predicted} predicted)")
        for entity_type, counts in track.by_type.items():
            if counts.gold or counts.predicted:
                p, r, f = counts.prf()
                lines.append(f"   {entity_type:<5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({counts.hits}/{counts.gold} gold, {counts.predicted} predicted)")
        p, r, f = track.lenient.prf()
        lines.append(f"   lenient (proclitics) F1 {f:.3f}")
        if overall.hits:
            lines.append(
                f"   canonical on {overall.hits} hits: exact {track.canonical_exact / overall.hits:.3f}, "
                f"equivalent {track.canonical_equivalent / overall.hits:.3f}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, action="append", help="gold folder(s) with articles/ and annotations/")
    parser.add_argument("--errors", action="store_true", help="list every miss, extra and wrong canonical")
    parser.add_argument("--type", choices=TYPES, help="list errors of this type only")
    args = parser.parse_args()
    for folder in args.gold or DEFAULT_GOLD:
        scores = score(folder)
        if not scores.articles:
            continue
        print(f"== {folder.relative_to(REPO) if folder.is_relative_to(REPO) else folder}")
        print(report(scores))
        if args.errors:
            errors = [e for e in scores.errors if not args.type or f" {args.type} " in e or "canonical" in e]
            print("\n".join(errors))
            print("error kinds:", dict(Counter(e.split("] ")[1].split()[0] for e in errors)))


if __name__ == "__main__":
    main()
