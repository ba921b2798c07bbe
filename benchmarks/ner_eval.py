"""Entity-level NER evaluation (exact span and type, CoNLL style, per type), and the
gold set's per-layer scores.

    # any CoNLL/IOB file (or FILE:START-END): rules only and/or a CRF model directory
    python benchmarks/ner_eval.py conll test.txt --rules --model models/crf

    # ANERcorp, CAMeL split (test = lines 125,279-150,286; train on lines 1-125,278 only);
    # --errors adds where the errors are (type, boundary, missed, spurious; seen vs unseen names);
    # a two-pass model is scored twice: its first pass alone ("crf 1 pass") and both passes
    python benchmarks/ner_eval.py anercorp --rules --train models/anercorp-crf --errors
    python benchmarks/ner_eval.py anercorp --model models/anercorp-crf
    python benchmarks/ner_eval.py anercorp --train models/anercorp-crf-clusters --clusters clusters.tsv

    # AQMAR: test = the 20 conventional test articles; train on the 8 dev articles
    python benchmarks/ner_eval.py aqmar --rules --train models/aqmar-crf
    python benchmarks/ner_eval.py aqmar --train models/aqmar-aner --extra-train ANERCorp.txt:1-125278

    # our gold set (tests/gold/): entities (strict and lenient), dates, quotes
    python benchmarks/ner_eval.py gold [--model models/anercorp-crf]

    # speed: the default pipeline against the same plus the CRF, same articles, same process
    python benchmarks/ner_eval.py speed --model models/anercorp-crf --limit 500

"Rules only" runs the default `entities` analyser on the detokenised text (sentences
joined by spaces, one per line, 20 sentences per document) and maps its entities back
to the tokens they overlap.  Public data are read from ../shared and never copied.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
EXTERNAL = SHARED / "data" / "external"
ANERCORP = EXTERNAL / "anercorp" / "ANERCorp.txt"
ANERCORP_TRAIN_LINES = (1, 125_278)
ANERCORP_TEST_LINES = (125_279, 150_286)
AQMAR = EXTERNAL / "aqmar"
AQMAR_DEV_ARTICLES = (
    "Damascus", "Atom", "Raul_Gonzales", "Linux", "Imam_Hussein_Shrine", "Nuclear_Power", "Real_Madrid", "Solaris",
)
SENTENCES_PER_DOCUMENT = 20
TYPES = ("PER", "ORG", "LOC", "MISC")
GOLD_TYPES = ("PER", "ORG", "LOC")  # the gold set annotates no MISC, so none is scored

sys.path.insert(0, str(REPO / "tests" / "gold"))
sys.path.insert(0, str(REPO / "benchmarks"))

from marsad.extract.ner.conll import ConllCorpus, LabelledSentence, read_conll  # noqa: E402
from marsad.extract.ner.evaluation import score_tagged  # noqa: E402
from marsad.extract.ner.tags import EntitySpan, spans_from_tags, tags_from_spans  # noqa: E402
from marsad.extract.scoring import OVERALL, Scores, score, without_proclitics  # noqa: E402
from marsad.model import Document  # noqa: E402

console = Console()


# -- CoNLL: rules only ---------------------------------------------------------------------
@dataclass(frozen=True)
class Detokenised:
    """Sentences joined into one text, with each token's (start, end) offsets."""

    text: str
    offsets: list[list[tuple[int, int]]]  # per sentence, per token


def detokenise(sentences: Sequence[Sequence[str]]) -> Detokenised:
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    for number, tokens in enumerate(sentences):
        if number:
            parts.append("\n")
            position += 1
        spans = []
        for index, token in enumerate(tokens):
            if index:
                parts.append(" ")
                position += 1
            parts.append(token)
            spans.append((position, position + len(token)))
            position += len(token)
        offsets.append(spans)
    return Detokenised("".join(parts), offsets)


def tags_for_entities(detokenised: Detokenised, entities: Iterable[tuple[int, int, str]]) -> list[list[str]]:
    """IOB tags per sentence for character-span entities: an entity tags every token it
    overlaps (the first one it meets wins where two would tag the same token)."""
    spans: list[list[EntitySpan]] = [[] for _ in detokenised.offsets]
    taken: list[set[int]] = [set() for _ in detokenised.offsets]
    for start, end, entity_type in sorted(entities, key=lambda e: (e[0], -e[1])):
        if entity_type not in TYPES:
            continue
        for number, sentence in enumerate(detokenised.offsets):
            covered = [i for i, (s, e) in enumerate(sentence) if s < end and start < e]
            if covered:
                first, last = covered[0], covered[-1]
                if not taken[number] & set(range(first, last + 1)):
                    spans[number].append(EntitySpan(first, last + 1, entity_type))
                    taken[number].update(range(first, last + 1))
                break
    return [tags_from_spans(len(sentence), found) for sentence, found in zip(detokenised.offsets, spans)]


def rules_tags(sentences: Sequence[LabelledSentence]) -> list[list[str]]:
    """Tags from the default `entities` analyser, run on the detokenised sentences."""
    from marsad.pipeline import build_pipeline

    pipeline = build_pipeline(["entities"])
    predicted: list[list[str]] = []
    for first in range(0, len(sentences), SENTENCES_PER_DOCUMENT):
        chunk = sentences[first : first + SENTENCES_PER_DOCUMENT]
        detokenised = detokenise([s.tokens for s in chunk])
        analysis = pipeline(Document(id=f"s{first}", title="", text=detokenised.text))
        entities = [(e.start, e.end, e.type) for e in analysis.entities]
        predicted.extend(tags_for_entities(detokenised, entities))
    return predicted


def rules_available() -> bool:
    from marsad.pipeline import REGISTRY

    return "entities" in REGISTRY


# -- CoNLL: CRF ----------------------------------------------------------------------------
def crf_tags(sentences: Sequence[LabelledSentence], model_dir: Path, first_pass_only: bool = False) -> list[list[str]]:
    """Tags from a CRF model directory, each file tagged as one document; with
    `first_pass_only`, a two-pass model's first pass alone."""
    from marsad.extract.ner.crf import DocumentTagger
    from marsad.extract.ner.document import by_document
    from marsad.extract.ner.model_dir import load_tagger

    tagger, _ = load_tagger(model_dir)
    if first_pass_only:
        tagger = DocumentTagger(tagger.first)
    tags: list[list[str]] = []
    for run in by_document([sentence.source for sentence in sentences]):  # each file as one document
        tags.extend(tagger.tag_document([sentences[index].tokens for index in run]))
    return tags


def evaluate(
    name: str,
    sentences: Sequence[LabelledSentence],
    systems: dict[str, Callable[[Sequence[LabelledSentence]], list[list[str]]]],
    seen: set[tuple[str, str]] | None = None,
) -> dict[str, Scores]:
    """Scores of each system; with `seen` (the training entities), where the errors are."""
    gold = [sentence.tags for sentence in sentences]
    results = {}
    breakdowns = {}
    for system, tagger in systems.items():
        started = time.perf_counter()
        predicted = tagger(sentences)
        seconds = time.perf_counter() - started
        results[system] = score_tagged(gold, predicted)
        if seen is not None:
            breakdowns[system] = error_breakdown(sentences, predicted, seen)
        console.print(f"{name}: {system} tagged {sum(len(s.tokens) for s in sentences):,} tokens in {seconds:.1f} s", highlight=False)
    print_table(f"{name}: entity-level P/R/F1 (exact span and type)", results)
    if breakdowns:
        print_breakdown(f"{name}: where the errors are", breakdowns)
    return results


# -- error analysis ------------------------------------------------------------------------
ERROR_KINDS = ("correct", "wrong type", "wrong boundary", "missed", "spurious")


def entity_key(tokens: Sequence[str]) -> str:
    from marsad.text import match_key, normalize

    return " ".join(match_key(token) or normalize(token) for token in tokens)


def training_entities(specs: Sequence[str]) -> set[tuple[str, str]]:
    """(entity words' match keys, type) of every entity in the training files."""
    found = set()
    for spec in specs:
        for sentence in read_conll(spec).sentences:
            for span in spans_from_tags(sentence.tags):
                found.add((entity_key(sentence.tokens[span.first : span.end]), span.type))
    return found


def error_breakdown(sentences, predicted, seen: set[tuple[str, str]]) -> dict[str, Counter]:
    """Per type: gold entities found exactly, with the wrong type (same span), with a
    wrong boundary (overlapping predictions only), missed (nothing overlaps); predicted
    entities overlapping no gold one (spurious); and exact finds among gold entities
    seen in training as that type vs unseen (with their totals)."""
    counts: dict[str, Counter] = {}
    for sentence, tags in zip(sentences, predicted):
        gold_spans = spans_from_tags(sentence.tags)
        predicted_spans = spans_from_tags(tags)
        exact = {(p.first, p.end): p.type for p in predicted_spans}
        for span in gold_spans:
            row = counts.setdefault(span.type, Counter())
            overlapping = [p for p in predicted_spans if p.first < span.end and span.first < p.end]
            kind = (
                "correct" if exact.get((span.first, span.end)) == span.type
                else "wrong type" if (span.first, span.end) in exact
                else "wrong boundary" if overlapping
                else "missed"
            )
            row[kind] += 1
            novelty = "seen" if (entity_key(sentence.tokens[span.first : span.end]), span.type) in seen else "unseen"
            row[f"{novelty}: total"] += 1
            row[f"{novelty}: found"] += kind == "correct"
        for span in predicted_spans:
            if not any(g.first < span.end and span.first < g.end for g in gold_spans):
                counts.setdefault(span.type, Counter())["spurious"] += 1
    return counts


def print_breakdown(title: str, breakdowns: dict[str, dict[str, Counter]]) -> None:
    """Columns: gold entities correct / wrong type / wrong boundary / missed, spurious
    predictions, and recall on gold names seen in training as that type and unseen."""
    table = Table(title=title, title_justify="left", caption="recall seen/unseen: exact finds among gold names the training data has (not) tagged as that type")
    for column in ("system", "type", "correct", "type err", "boundary", "missed", "spurious", "recall seen", "recall unseen"):
        table.add_column(column, justify="left" if column in ("system", "type") else "right")
    for system, counts in breakdowns.items():
        for entity_type in TYPES:
            row = counts.get(entity_type, Counter())
            cells = [str(row[kind]) for kind in ERROR_KINDS]
            for novelty in ("seen", "unseen"):
                total = row[f"{novelty}: total"]
                cells.append(f"{row[f'{novelty}: found'] / total:.2f} of {total}" if total else "-")
            table.add_row(system, entity_type, *cells)
        table.add_section()
    Console(width=max(console.width, 120)).print(table)


def print_table(
    title: str, results: dict[str, Scores], rows: Sequence[str] = (*TYPES, OVERALL), first: str = "system", quiet_rows: bool = False
) -> None:
    """P/R/F1 per system (or layer) and type; `quiet_rows` leaves out the types with
    neither gold nor predicted entities (the overall row always stays)."""
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    table.add_column("type")
    for column in ("P", "R", "F1", "gold", "predicted"):
        table.add_column(column, justify="right")
    for system, scores in results.items():
        for row in rows:
            if row not in scores or quiet_rows and row != OVERALL and not (scores[row].gold or scores[row].predicted):
                continue
            counts = scores[row]
            table.add_row(
                system, row, f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}",
                str(counts.gold), str(counts.predicted),
            )
        table.add_section()
    console.print(table)


def systems_for(args, train_specs: Sequence[str], dev_specs: Sequence[str] = ()) -> dict:
    systems: dict[str, Callable] = {}
    if args.rules:
        if rules_available():
            systems["rules"] = rules_tags
        else:
            console.print("rules: the `entities` analyser is not in this Marsad; skipped", style="yellow")
    model = args.model
    if getattr(args, "train", None):
        model = train(train_specs, dev_specs, Path(args.train), args)
    if model:
        name = Path(model).name
        if model_passes(Path(model)) == 2:  # also score its first pass: one pass vs two, same fit
            systems[f"crf 1 pass ({name})"] = lambda sentences: crf_tags(sentences, Path(model), first_pass_only=True)
            systems[f"crf 2 passes ({name})"] = lambda sentences: crf_tags(sentences, Path(model))
        else:
            systems[f"crf ({name})"] = lambda sentences: crf_tags(sentences, Path(model))
    if not systems:
        raise SystemExit("nothing to evaluate: give --rules and/or --model DIR (or --train DIR)")
    return systems


def model_passes(model_dir: Path) -> int:
    from marsad.extract.ner.model_dir import read_manifest

    return 2 if read_manifest(model_dir).get("second_pass") else 1


def train(train_specs: Sequence[str], dev_specs: Sequence[str], out: Path, args) -> Path:
    from marsad.service import parse_grid, train_ner
    from marsad.extract.ner.training import DEFAULT_C1, DEFAULT_C2

    console.print(f"training on {', '.join(map(str, train_specs))} -> {out}", highlight=False)
    started = time.perf_counter()
    last: dict[str, float] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in last:
            console.print(f"  {stage} ...", highlight=False)
            last[stage] = time.perf_counter()

    result, _ = train_ner(
        train_specs, out, dev_specs,
        parse_grid(args.c1, "--c1", DEFAULT_C1), parse_grid(args.c2, "--c2", DEFAULT_C2),
        args.max_iterations, force=True, progress=report,
        clusters=Path(args.clusters) if args.clusters else None, stack_folds=args.stack_folds,
        scheme=args.scheme,
    )
    best = result.best
    second = f", second pass {result.second_pass.scores[OVERALL].f1:.3f}" if result.second_pass else ""
    console.print(
        f"trained in {time.perf_counter() - started:.0f} s; chosen c1={best.params.c1:g} c2={best.params.c2:g} "
        f"(dev F1 first pass {best.scores[OVERALL].f1:.3f}{second}; saved {2 if result.two_passes else 1} pass(es))",
        highlight=False,
    )
    return out


def require(path: Path) -> Path:
    if not path.exists():
        raise SystemExit(f"{path} not found (../shared is absent?)")
    return path


def run_conll(args) -> None:
    sentences = [s for spec in args.files for s in read_conll(spec).sentences]
    train_specs = args.train_files or []
    seen = training_entities(train_specs) if args.errors else None
    evaluate(", ".join(args.files), sentences, systems_for(args, train_specs), seen)


def run_anercorp(args) -> None:
    require(ANERCORP)
    train_spec = f"{ANERCORP}:{ANERCORP_TRAIN_LINES[0]}-{ANERCORP_TRAIN_LINES[1]}"
    test = read_conll(f"{ANERCORP}:{ANERCORP_TEST_LINES[0]}-{ANERCORP_TEST_LINES[1]}")
    seen = training_entities([train_spec]) if args.errors else None
    evaluate("ANERcorp test (CAMeL split)", test.sentences, systems_for(args, [train_spec]), seen)


def run_aqmar(args) -> None:
    require(AQMAR)
    files = sorted(AQMAR.glob("*.txt"))
    dev = [str(path) for path in files if path.stem in AQMAR_DEV_ARTICLES]
    test: list[LabelledSentence] = [s for path in files if path.stem not in AQMAR_DEV_ARTICLES for s in read_conll(path).sentences]
    extra = list(args.extra_train or [])
    seen = training_entities([*extra, *dev]) if args.errors else None
    evaluate("AQMAR test (20 articles)", test, systems_for(args, [*extra, *dev]), seen)


# -- the gold set --------------------------------------------------------------------------
def gold_scores(articles, analyses, include_coref: bool = False) -> dict[str, Scores]:
    """Per-layer scores of analyses against gold articles (same order)."""
    strict_gold, strict_predicted, lenient_gold, lenient_predicted = [], [], [], []
    linked_gold, linked_predicted = [], []
    dates_gold, dates_predicted, date_spans_gold, date_spans_predicted = [], [], [], []
    quotes_gold, quotes_predicted, speakers_gold, speakers_predicted = [], [], [], []
    for article, analysis in zip(articles, analyses):
        doc, text = article.stem, article.text
        coref = [g for g in article.entities if g.get("coref")] if not include_coref else []
        scored = [g for g in article.entities if include_coref or not g.get("coref")]
        coref_keys = {(without_proclitics(text, g["start"], g["end"]), g["end"]) for g in coref}
        predicted = [
            e for e in analysis.entities
            if e.type in GOLD_TYPES and (without_proclitics(text, e.start, e.end), e.end) not in coref_keys
        ]
        strict_gold += [(doc, g["start"], g["end"], g["type"]) for g in scored]
        strict_predicted += [(doc, e.start, e.end, e.type) for e in predicted]
        lenient_gold += [(doc, without_proclitics(text, g["start"], g["end"]), g["end"], g["type"]) for g in scored]
        lenient_predicted += [(doc, without_proclitics(text, e.start, e.end), e.end, e.type) for e in predicted]
        linked_gold += [(doc, without_proclitics(text, g["start"], g["end"]), g["end"], g["type"], g.get("canonical")) for g in scored]
        linked_predicted += [(doc, without_proclitics(text, e.start, e.end), e.end, e.type, e.canonical) for e in predicted]
        dates_gold += [(doc, d["start"], d["end"], d.get("value")) for d in article.dates]
        dates_predicted += [(doc, d.start, d.end, d.value) for d in analysis.dates]
        date_spans_gold += [(doc, d["start"], d["end"]) for d in article.dates]
        date_spans_predicted += [(doc, d.start, d.end) for d in analysis.dates]
        quotes_gold += [(doc, q["start"], q["end"]) for q in article.quotes]
        quotes_predicted += [(doc, q.start, q.end) for q in analysis.quotes]
        speakers_gold += [(doc, q["start"], q["end"], q.get("speaker")) for q in article.quotes]
        speakers_predicted += [(doc, q.start, q.end, q.speaker) for q in analysis.quotes]
    by_type = lambda item: item[3]  # noqa: E731
    return {
        "entities (strict)": score(strict_gold, strict_predicted, by_type),
        "entities (lenient)": score(lenient_gold, lenient_predicted, by_type),
        "entities + canonical (lenient)": score(linked_gold, linked_predicted, by_type),
        "dates (span)": score(date_spans_gold, date_spans_predicted),
        "dates (span + value)": score(dates_gold, dates_predicted),
        "quotes (span)": score(quotes_gold, quotes_predicted),
        "quotes (span + speaker)": score(speakers_gold, speakers_predicted),
    }


def run_gold(args) -> None:
    from gold import load_gold

    from marsad import service

    articles = load_gold()
    if not articles:
        raise SystemExit("no gold articles in tests/gold/")
    pipeline = service.pipeline_for(None, service.analyser_config(ner_model=args.model))
    started = time.perf_counter()
    analyses = [
        pipeline(Document(id=a.stem, title=a.title, text=a.text, source=str(a.path), published=a.published)) for a in articles
    ]
    seconds = time.perf_counter() - started
    console.print(f"gold set: {len(articles)} articles, pipeline {', '.join(pipeline.names)} ({seconds:.2f} s)", highlight=False)
    results = gold_scores(articles, analyses, args.include_coref)
    print_table("Gold set: per-layer P/R/F1", results, first="layer", quiet_rows=True)


def run_speed(args) -> None:
    """Articles per second on one core: the default pipeline, then the same plus the CRF."""
    from corpus import load_articles

    from marsad import service

    articles, where = load_articles(args.limit)
    documents = [Document(id=str(i), title=a.title, text=a.text) for i, a in enumerate(articles)]
    baseline = service.pipeline_for(None)
    with_crf = service.pipeline_for(None, service.analyser_config(ner_model=args.model))
    rates = {}
    for label, pipeline in (("default pipeline", baseline), ("default + ner (CRF)", with_crf)):
        pipeline(documents[0])  # warm caches
        started = time.perf_counter()
        for document in documents:
            pipeline(document)
        rates[label] = len(documents) / (time.perf_counter() - started)
    console.print(f"{where}: " + "; ".join(f"{label} {rate:.1f} articles/s" for label, rate in rates.items())
                  + f"; ratio {rates['default + ner (CRF)'] / rates['default pipeline']:.2f}", highlight=False)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run in (("conll", run_conll), ("anercorp", run_anercorp), ("aqmar", run_aqmar)):
        sub = commands.add_parser(name)
        if name == "conll":
            sub.add_argument("files", nargs="+", help="CoNLL files to score (FILE or FILE:START-END)")
            sub.add_argument("--train-files", nargs="*", help="training files for --train")
        if name == "aqmar":
            sub.add_argument("--extra-train", nargs="*", metavar="FILE", help="more training files for --train (e.g. ANERcorp's train part)")
        sub.add_argument("--rules", action="store_true", help="score the default entities analyser (rules only)")
        sub.add_argument("--model", help="score a CRF model directory")
        sub.add_argument("--train", metavar="DIR", help="train a CRF on the training part into DIR, then score it")
        sub.add_argument("--c1", help="L1 grid for --train (default: the trainer's)")
        sub.add_argument("--c2", help="L2 grid for --train")
        sub.add_argument("--max-iterations", type=int, default=150)
        sub.add_argument("--clusters", metavar="FILE", help="word clusters for --train (scripts/build_word_clusters.py)")
        sub.add_argument("--stack-folds", type=int, default=5, help="--train: folds of the first pass for the second (0: one pass)")
        sub.add_argument("--scheme", choices=("BIOES", "IOB2"), default="IOB2", help="--train: tags the CRF learns")
        sub.add_argument("--errors", action="store_true", help="also break the errors down (type, boundary, missed, spurious; seen vs unseen names)")
        sub.set_defaults(run=run)
    sub = commands.add_parser("speed")
    sub.add_argument("--model", required=True, help="a CRF model directory")
    sub.add_argument("--limit", type=int, default=500, help="SaudiNewsNet articles to analyse")
    sub.set_defaults(run=run_speed)
    sub = commands.add_parser("gold")
    sub.add_argument("--model", help="add a CRF model directory to the default pipeline")
    sub.add_argument("--include-coref", action="store_true", help="also score gold mentions marked coref")
    sub.set_defaults(run=run_gold)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
