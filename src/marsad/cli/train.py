"""`marsad train ner`: fit a CRF entity recogniser on CoNLL/IOB files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import Progress
from rich.table import Table

from .. import service
from ..errors import MarsadError
from .app import app, fail, progress_bar, stderr, stdout

train_app = typer.Typer(
    help="Train statistical models from labelled data; load them with `marsad analyze --ner-model DIR`.",
    no_args_is_help=True,
)
app.add_typer(train_app, name="train")


class TagScheme(str, Enum):
    BIOES = "BIOES"
    IOB2 = "IOB2"


@train_app.command(
    "ner",
    epilog=(
        "Examples:\n\n"
        "  marsad train ner --conll ANERCorp.txt:1-125278 --out models/anercorp-crf\n\n"
        "  marsad train ner --conll train.txt --dev dev.txt --c1 0.05,0.1 --c2 0.01 --out models/mine\n\n"
        "  marsad train ner --conll train.txt --clusters clusters.tsv --stack-folds 0 --out models/quick\n\n"
        "  marsad analyze article.txt --ner-model models/anercorp-crf --pretty\n\n"
        "Files: one `token TAG` per line (IOB2/BIOES over PER/PERS, ORG, LOC, MISC; more columns are fine, "
        "the tag is the last), blank lines or sentence-final punctuation between sentences. "
        "FILE:START-END takes a line range (1-based, inclusive). Without --dev, the last 10% of each "
        "training file is held out to choose c1/c2, then the model is refitted on everything.\n\n"
        "Two passes (default): a second CRF also sees what the first said about the same word elsewhere "
        "in the document; it is trained on cross-validated first-pass tags (--stack-folds fits more) and "
        "kept only if it beats the first pass on dev. --stack-folds 0 trains one pass (about 3x faster).\n\n"
        "The output directory holds model.crfsuite (and first_pass.crfsuite for two passes) and "
        "manifest.json (features, labels, files with SHA-256, hyperparameters, dev scores)."
    ),
)
def ner(
    conll: Annotated[
        list[str],
        typer.Option("--conll", metavar="FILE[:START-END]", help="Training file (repeat for several).", show_default=False),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Directory to write the model to.", show_default=False)],
    dev: Annotated[
        Optional[list[str]],
        typer.Option("--dev", metavar="FILE[:START-END]", help="Dev file to choose c1/c2 on (never trained on)."),
    ] = None,
    c1: Annotated[Optional[str], typer.Option("--c1", metavar="LIST", help="L1 values to try, e.g. 0.05,0.2.")] = None,
    c2: Annotated[Optional[str], typer.Option("--c2", metavar="LIST", help="L2 values to try, e.g. 0.01,0.1.")] = None,
    max_iterations: Annotated[int, typer.Option("--max-iterations", min=1, help="L-BFGS iterations per fit.")] = 150,
    clusters: Annotated[
        Optional[Path],
        typer.Option("--clusters", metavar="FILE", help="Word clusters (scripts/build_word_clusters.py) to use as features; kept in the model directory."),
    ] = None,
    stack_folds: Annotated[
        int,
        typer.Option("--stack-folds", min=0, metavar="N", help="Cross-validation folds for the second pass's first-pass tags; 0 or 1: one pass only."),
    ] = 5,
    scheme: Annotated[
        TagScheme,
        typer.Option("--scheme", case_sensitive=False, help="Tags the CRF learns (it always answers in IOB2): BIOES also marks one-token names and name ends."),
    ] = TagScheme.IOB2,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing model directory.")] = False,
) -> None:
    """Fit a CRF entity recogniser (python-crfsuite) on CoNLL/IOB files and save it to a directory."""
    from ..extract.ner.training import DEFAULT_C1, DEFAULT_C2

    try:
        c1_grid = service.parse_grid(c1, "--c1", DEFAULT_C1)
        c2_grid = service.parse_grid(c2, "--c2", DEFAULT_C2)
        with progress_bar(transient=False, spinner=False) as progress:
            result, corpora = service.train_ner(
                conll, out, dev or (), c1_grid, c2_grid, max_iterations, force, _reporter(progress), clusters, stack_folds,
                scheme=scheme.value,
            )
    except MarsadError as error:
        raise fail(error) from None
    for corpus in corpora:
        if corpus.problem_count:
            stderr.print(f"{corpus.source}: {corpus.problem_count} line(s) repaired, e.g. {corpus.problems[0]}", highlight=False, markup=False)
    _print_result(result, out)


def _reporter(progress: Progress):
    tasks: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(stage, total=total)
        progress.update(tasks[stage], completed=min(done, total), total=total)

    return report


def _print_result(result, out: Path) -> None:
    manifest = result.manifest
    table = Table("c1", "c2", "dev P", "dev R", "dev F1", "seconds", title="Hyperparameter search (entity-level, dev)", title_justify="left")
    best = result.best
    for trial in result.trials:
        overall = trial.scores["overall"]
        mark = " *" if trial is best else ""
        table.add_row(f"{trial.params.c1:g}{mark}", f"{trial.params.c2:g}", f"{overall.precision:.3f}", f"{overall.recall:.3f}", f"{overall.f1:.3f}", f"{trial.seconds:.0f}")
    second = result.second_pass
    if second is not None:
        overall = second.scores["overall"]
        kept = "kept" if result.two_passes else "not kept: the first pass alone is better"
        table.add_row("second pass", "", f"{overall.precision:.3f}", f"{overall.recall:.3f}", f"{overall.f1:.3f}", f"{second.seconds:.0f}")
        table.caption = f"second pass (document features) {kept}"
    stdout.print(table)
    per_type = Table("type", "P", "R", "F1", "gold", title="Chosen model on dev", title_justify="left")
    for name, row in manifest["metrics"]["dev"].items():
        per_type.add_row(name, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}", str(row["gold"]))
    stdout.print(per_type)
    trained = manifest["trained_on"]
    stdout.print(
        f"Saved {out} ({trained['sentences']:,} sentences, {trained['tokens']:,} tokens, "
        f"{manifest['seconds']:.0f} s). Use it with: marsad analyze FILE --ner-model {out}",
        highlight=False,
    )
