"""`marsad train techniques|emotions` and `marsad eval techniques|emotions`."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from .. import service
from ..errors import MarsadError
from .app import command_group, fail, progress_bar, stderr, stdout

train_app = command_group("train", "Fit a statistical model from labelled data (saved to a directory).")
eval_app = command_group("eval", "Score systems on labelled data with the official metrics of each task.")

DATA_HELP = (
    "Labelled file: ArAIEval 2023 task 1A/1B or 2024 task 1 JSONL, WANLP 2022 task 1/2 JSON, "
    "ArMPro binary/multilabel/span JSONL. Repeat for several."
)


@contextmanager
def _progress():
    """A rich progress bar on stderr, and the callback the service reports to."""
    with progress_bar(enabled=stderr.is_terminal) as progress:
        task = progress.add_task("reading", total=None)

        def report(step: str, done: int, total: int) -> None:
            progress.update(task, description=step, completed=done, total=total or None)

        yield report


def _print_manifest_part(out: Path, part: dict) -> None:
    stdout.print(f"saved to {out} ({part['file']})", highlight=False)
    for key in ("document_labels", "span_labels", "labels"):
        if part.get(key):
            stdout.print(f"  {key.replace('_', ' ')}: {', '.join(part[key])}", highlight=False)
    for entry in part.get("training_data", []):
        stdout.print(f"  trained on {entry['name']}: {entry['used']} of {entry['examples']} texts", highlight=False)
    tuning = part.get("tuning", {})
    stdout.print(f"  tuning: {json.dumps(tuning, ensure_ascii=False)}", highlight=False, markup=False)


@train_app.command(
    "techniques",
    epilog=(
        "Examples:\n\n"
        "  marsad train techniques --data task1B_train.jsonl --dev task1B_dev.jsonl --out models/a23\n\n"
        "  marsad train techniques --data ArMPro_span_dev.jsonl --data task2_train.json "
        "--exclude ArMPro_span_test.jsonl --out models/spans\n\n"
        "Span data trains CRF span taggers (one per technique) and, through its labels, the document "
        "classifier, which also uses the taggers' evidence; document data trains the document classifier "
        "(TF-IDF word and character n-grams, one logistic regression per technique, plus an 'any technique' head). "
        "C and thresholds are tuned on --dev, or on out-of-fold predictions without it. "
        "Texts also in --dev or --exclude are dropped from training. Files named *test* are refused."
    ),
)
def train_techniques(
    data: Annotated[list[Path], typer.Option("--data", "-d", help=DATA_HELP, show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Model directory (created; an emotions part there is kept).")],
    dev: Annotated[
        Optional[list[Path]], typer.Option("--dev", help="Labelled file(s) for tuning; also used in the final fit.")
    ] = None,
    exclude: Annotated[
        Optional[list[Path]],
        typer.Option("--exclude", help="Evaluation file(s) whose texts must not be trained on (overlap check)."),
    ] = None,
    allow_test_split: Annotated[
        bool, typer.Option("--allow-test-split", help="Train on a file named *test* anyway (never on an evaluation set).")
    ] = False,
) -> None:
    """Fit a persuasion-technique model (document labels and/or spans) from labelled data."""
    try:
        with _progress() as report:
            part = service.train_techniques_model(data, out, dev or (), exclude or (), allow_test_split, report)
    except MarsadError as error:
        raise fail(error) from None
    _print_manifest_part(out, part)


@train_app.command(
    "emotions",
    epilog=(
        "Example:\n\n"
        "  marsad train emotions --data Emotional-Tone-Dataset.csv --out models/a23\n\n"
        "Only the train part is used: tweets whose ID is not a multiple of 5 (the others are the "
        "held-back test split of `marsad eval emotions`)."
    ),
)
def train_emotions(
    data: Annotated[list[Path], typer.Option("--data", "-d", help="Emotional-tone CSV (ID, TWEET, LABEL).", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Model directory (created; a techniques part there is kept).")],
) -> None:
    """Fit an emotion model (8 labels) on the train part of the emotional-tone data."""
    try:
        with _progress() as report:
            part = service.train_emotions_model(data, out, progress=report)
    except MarsadError as error:
        raise fail(error) from None
    _print_manifest_part(out, part)


SYSTEM_HELP = "System to score: majority, lexicon (the `rhetoric` analyser), model (--rhetoric-model). Repeat; default: all available."


def _evaluate(data: Path, systems: list[str] | None, model: Path | None, train: list[Path] | None, as_json: bool, per_label: bool, expect: str) -> None:
    try:
        with _progress() as report:
            results = service.evaluate(data, systems, model, train or (), expect, report)
    except MarsadError as error:
        raise fail(error) from None
    if as_json:
        for result in results:
            stdout.print_json(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    _print_results(results, per_label)


def _print_results(results: list, per_label: bool) -> None:
    first = results[0]
    summary = Table(title=f"{first.dataset} ({first.task}, {first.scores.count} texts)", title_justify="left")
    for column in ("system", first.metric, "macro-F1", "precision", "recall", "note"):
        summary.add_column(column, overflow="fold")
    for result in results:
        s = result.scores
        summary.add_row(result.system, f"{result.official:.4f}", f"{s.macro_f1:.4f}", f"{s.precision:.4f}", f"{s.recall:.4f}", result.note)
    stdout.print(summary)
    if not per_label:
        return
    table = Table(title="per label: F1 (support)", title_justify="left")
    table.add_column("label")
    table.add_column("support", justify="right")
    for result in results:
        table.add_column(result.system, justify="right")
    for label in first.scores.per_label:
        cells = [f"{r.scores.per_label[label].f1:.3f}" if label in r.scores.per_label else "" for r in results]
        table.add_row(label, str(first.scores.per_label[label].support), *cells)
    stdout.print(table)


@eval_app.command(
    "techniques",
    epilog=(
        "Examples:\n\n"
        "  marsad eval techniques --data task1A_test.jsonl --train task1A_train.jsonl --rhetoric-model models/a23\n\n"
        "  marsad eval techniques --data araieval24_task1_dev.jsonl --rhetoric-model models/spans --system model\n\n"
        "Metrics: documents, micro- and macro-F1 over the task's labels with no_technique (task 1A: micro-F1 = "
        "accuracy); spans, micro-F1 with partial-overlap credit (SemEval-2021 task 6, ArAIEval 2024)."
    ),
)
def eval_techniques(
    data: Annotated[Path, typer.Option("--data", "-d", help="Labelled file to score on.", show_default=False)],
    rhetoric_model: Annotated[Optional[Path], typer.Option("--rhetoric-model", metavar="DIR", help="Model directory for --system model.")] = None,
    system: Annotated[Optional[list[str]], typer.Option("--system", "-s", help=SYSTEM_HELP)] = None,
    train: Annotated[
        Optional[list[Path]], typer.Option("--train", help="Training file(s) the majority baseline counts (default: the model's, else --data).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per system.")] = False,
    per_label: Annotated[bool, typer.Option("--per-label/--no-per-label", help="Also print F1 per label.")] = True,
) -> None:
    """Score persuasion-technique systems on a labelled file with the task's official metric."""
    _evaluate(data, system, rhetoric_model, train, as_json, per_label, "techniques")


@eval_app.command(
    "emotions",
    epilog=(
        "Example:\n\n"
        "  marsad eval emotions --data Emotional-Tone-Dataset.csv --rhetoric-model models/a23\n\n"
        "Scores the held-back split (tweets whose ID is a multiple of 5): accuracy and macro-F1."
    ),
)
def eval_emotions(
    data: Annotated[Path, typer.Option("--data", "-d", help="Emotional-tone CSV.", show_default=False)],
    rhetoric_model: Annotated[Optional[Path], typer.Option("--rhetoric-model", metavar="DIR", help="Model directory for --system model.")] = None,
    system: Annotated[Optional[list[str]], typer.Option("--system", "-s", help=SYSTEM_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per system.")] = False,
    per_label: Annotated[bool, typer.Option("--per-label/--no-per-label", help="Also print F1 per label.")] = True,
) -> None:
    """Score emotion systems on the held-back split of the emotional-tone data."""
    _evaluate(data, system, rhetoric_model, None, as_json, per_label, "emotions")
