"""`marsad analyze` and `marsad layers`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from .. import service
from ..console import render_analysis
from ..errors import EXIT_OK, EXIT_SOME_FAILED, Errors, MarsadError
from ..ingest import READABLE_SUFFIXES
from ..pipeline import REGISTRY, analyser_class, default_names
from .app import app, fail, progress_bar, stderr, stdout
from .reading import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    SOURCES_EPILOG,
    SOURCES_HELP,
    MapOption,
    MaxBytesOption,
    TelegramUsernameOption,
    TimeoutOption,
)


def _split_only(only: str | None) -> list[str] | None:
    if not only:
        return None
    return [name.strip() for name in only.split(",") if name.strip()]


@app.command(
    epilog=(
        "Examples:\n\n"
        "  marsad analyze article.txt --published 2019-03-21 --pretty\n\n"
        "  marsad analyze examples/ --json > analyses.jsonl\n\n"
        "  marsad analyze feed.jsonl --only sentences --json | jq .sentences\n\n"
        "  marsad analyze article.txt --ner-model models/anercorp-crf --json\n\n"
        "  marsad analyze export.csv --map text=المحتوى,published=تاريخ_النشر --json\n\n"
        "  marsad analyze https://example.org/rss.xml ChatExport/result.json --json\n\n"
        "  marsad analyze archive/ --events-csv events.csv --json > analyses.jsonl\n\n"
        "  marsad analyze article.txt --rhetoric-model models/techniques --json | jq .rhetoric\n\n"
        + SOURCES_EPILOG
        + "\n\nExit codes: 0 all inputs analysed, 1 some inputs failed (listed at the end), 2 usage error."
    )
)
def analyze(
    paths: Annotated[list[str], typer.Argument(help=SOURCES_HELP, show_default=False, metavar="SOURCES")],
    published: Annotated[
        Optional[str],
        typer.Option(
            "--published",
            "-p",
            metavar="YYYY-MM-DD",
            help="Publication date for documents that carry none; relative dates («أمس») resolve against it.",
        ),
    ] = None,
    as_json: Annotated[
        Optional[bool],
        typer.Option(
            "--json/--pretty",
            help="--json prints the analysis contract (one JSON object per line); --pretty prints readable tables. "
            "Default: --pretty on a terminal, --json otherwise.",
            show_default=False,
        ),
    ] = None,
    only: Annotated[
        Optional[str],
        typer.Option(
            "--only",
            metavar="NAMES",
            help="Comma-separated analysers to run (what they need is added). See `marsad layers`.",
        ),
    ] = None,
    ner_model: Annotated[
        Optional[Path],
        typer.Option(
            "--ner-model",
            metavar="DIR",
            help="A CRF model directory from `marsad train ner`: its entities are added where the rules found none.",
        ),
    ] = None,
    events_csv: Annotated[
        Optional[str],
        typer.Option(
            "--events-csv",
            metavar="FILE",
            help="Also write the events as ACLED-style rows (event_date, event_type, sub_event_type, actor1, "
            "assoc_actor_1, actor2, country, admin1, location, latitude, longitude, source, notes) to FILE.",
        ),
    ] = None,
    rhetoric_model: Annotated[
        Optional[Path],
        typer.Option(
            "--rhetoric-model",
            metavar="DIR",
            help="A model directory made by `marsad train techniques|emotions` (or a local Hugging Face "
            "token-classification model): its techniques join the lexicon's, tagged source=model:DIR.",
        ),
    ] = None,
    mapping: MapOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    telegram_username: TelegramUsernameOption = None,
) -> None:
    """Analyse Arabic articles: sentences, entities, dates, quotes, events and rhetoric, with offsets."""
    try:
        published_date = service.parse_published(published)
        options = service.read_options(published_date, mapping, timeout, max_bytes, telegram_username)
        config = service.analyser_config(ner_model, rhetoric_model)
        service.pipeline_for(_split_only(only), config)  # fail fast on unknown analysers or an unloadable model
    except MarsadError as error:
        raise fail(error) from None
    json_output = as_json if as_json is not None else not stdout.is_terminal
    failures: list[MarsadError] = []
    analysed = 0
    try:
        events = service.EventsCsv(events_csv) if events_csv else None
    except MarsadError as error:
        raise fail(error) from None
    outcomes = service.analyse_paths(paths, published_date, _split_only(only), config, options=options)
    try:
        with progress_bar(enabled=(json_output or events is not None) and stderr.is_terminal) as progress:
            task = progress.add_task("analysing", total=None)
            for outcome in outcomes:
                progress.advance(task)
                if outcome.error is not None:
                    failures.append(outcome.error)
                    progress.update(task, description=f"analysing ({len(failures)} failed)")
                    continue
                analysed += 1
                data = outcome.analysis.to_dict()
                if events is not None:
                    events.add(data)
                if json_output:
                    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
                else:
                    stdout.print(render_analysis(outcome.analysis))
    except BaseException:
        if events is not None:
            events.discard()
        raise
    if events is not None:
        try:
            events.close()
        except MarsadError as error:
            raise fail(error) from None
        stderr.print(f"{events.rows} event row(s) written to {events_csv}", highlight=False)
    _summary(analysed, failures)
    if analysed == 0 and not failures:
        stderr.print(str(MarsadError(Errors.M011, paths=", ".join(map(str, paths)), suffixes=_suffixes())), highlight=False)
        raise typer.Exit(EXIT_SOME_FAILED)
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


def _suffixes() -> str:
    return ", ".join(sorted(suffix for suffix in READABLE_SUFFIXES if suffix))


def _summary(analysed: int, failures: list[MarsadError]) -> None:
    if not failures:
        return
    stderr.print(f"{analysed} document(s) analysed, {len(failures)} input(s) failed:", highlight=False)
    for error in failures:
        stderr.print(f"  error {error}", highlight=False, markup=False)


@app.command()
def layers() -> None:
    """List the analysers, what each needs and adds, and which run by default."""
    table = Table("analyser", "default", "needs", "adds", "what")
    defaults = set(default_names())
    for name, entry in REGISTRY.items():
        cls = analyser_class(name)
        table.add_row(name, "yes" if name in defaults else "", ", ".join(cls.needs), ", ".join(cls.provides), entry.help)
    stdout.print(table)
