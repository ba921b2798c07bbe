"""`marsad ingest`, `marsad search`, `marsad export` and `marsad stats`: the corpus commands.

Thin: every command parses its options, calls `marsad.service` and prints.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer
from rich.progress import Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .. import service
from ..console import rtl_safe
from ..errors import EXIT_OK, EXIT_SOME_FAILED, MarsadError
from .app import app, fail, stderr, stdout
from . import reading

DB_HELP = (
    "The corpus: an SQLite file or postgresql://user:password@host:port/db. "
    "Default: $MARSAD_DB, else ./marsad.db."
)
DbOption = Annotated[Optional[str], typer.Option("--db", metavar="PATH|DSN", help=DB_HELP, show_default=False)]
ActorOption = Annotated[
    Optional[list[str]],
    typer.Option("--actor", "-a", metavar="NAME", help="Mentions this actor (Arabic or canonical name; repeat for all of several).", show_default=False),
]
PlaceOption = Annotated[
    Optional[list[str]],
    typer.Option("--place", metavar="NAME", help="Mentions this place (repeat for all of several).", show_default=False),
]
EventTypeOption = Annotated[
    Optional[list[str]],
    typer.Option("--event-type", "-e", metavar="TYPE", help='Has an event of this ACLED type or sub-type, e.g. "Armed clash" (repeat for any of several).', show_default=False),
]
TechniqueOption = Annotated[
    Optional[list[str]],
    typer.Option("--technique", "-t", metavar="LABEL", help="Uses this persuasion technique, e.g. Loaded_Language (repeat for any of several).", show_default=False),
]
SinceOption = Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Published on or after.", show_default=False)]
UntilOption = Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Published on or before.", show_default=False)]
AllCopiesOption = Annotated[
    bool, typer.Option("--all-copies", help="Every near-duplicate copy, not one document per cluster.")
]
HIGHLIGHT = "bold black on yellow"
PLAIN_MARK = "**"


def _filters(actor, place, event_type, technique, since, until):
    return service.build_filters(
        actors=actor or (),
        places=place or (),
        event_types=event_type or (),
        techniques=technique or (),
        since=service.parse_published(since),
        until=service.parse_published(until),
    )


# -- ingest --------------------------------------------------------------------------------
class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.completed / task.elapsed if task.elapsed else 0.0
        return Text(f"{speed:,.0f} docs/s", style="progress.data.speed")


@app.command(
    epilog=(
        "Examples:\n\n"
        "  marsad ingest examples/ ../archive/feed.jsonl\n\n"
        "  marsad ingest dump.jsonl --no-analyze --db /data/corpus.db\n\n"
        "  marsad ingest articles/ --db postgresql://marsad:secret@localhost/marsad\n\n"
        "  marsad ingest export.csv --map text=المحتوى,published=تاريخ_النشر --no-analyze\n\n"
        "  marsad ingest https://example.org/feed.xml --timeout 20\n\n"
        + reading.SOURCES_EPILOG
        + "\n\n"
        "Re-running the same command adds nothing: documents already in the corpus are counted as duplicates. "
        "Near-duplicates (reposts, lightly edited copies) are kept and linked to the first copy seen. "
        "A file or record that cannot be read is reported and skipped; if the run is interrupted, run it again to finish.\n\n"
        "Exit codes: 0 every input stored, 1 some inputs failed (listed at the end), 2 usage error."
    )
)
def ingest(
    sources: Annotated[list[str], typer.Argument(help=reading.SOURCES_HELP, show_default=False)],
    db: DbOption = None,
    analyze: Annotated[
        bool, typer.Option("--analyze/--no-analyze", help="Run the analysis pipeline and index its layers (entities, events...).")
    ] = True,
    published: Annotated[
        Optional[str],
        typer.Option("--published", "-p", metavar="YYYY-MM-DD", help="Publication date for documents that carry none."),
    ] = None,
    only: Annotated[
        Optional[str], typer.Option("--only", metavar="NAMES", help="Comma-separated analysers to run (see `marsad layers`).")
    ] = None,
    mapping: reading.MapOption = None,
    timeout: reading.TimeoutOption = reading.DEFAULT_TIMEOUT,
    max_bytes: reading.MaxBytesOption = reading.DEFAULT_MAX_BYTES,
    telegram_username: reading.TelegramUsernameOption = None,
) -> None:
    """Add articles to the corpus: read, analyse, index for search, link near-duplicates."""
    try:
        options = service.read_options(service.parse_published(published), mapping, timeout, max_bytes, telegram_username)
        ingestion = service.Ingestion(
            sources,
            db=db,
            analyze=analyze,
            only=[name.strip() for name in only.split(",") if name.strip()] if only else None,
            options=options,  # carries --published
        )
        progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed:,} documents"),
            _RateColumn(),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=not stderr.is_terminal,
        )
        with progress:
            task = progress.add_task("ingesting", total=None)
            for step in ingestion.run():
                progress.advance(task)
                if step.status == "failed":
                    progress.update(task, description=f"ingesting ({ingestion.report.counts[step.status]} failed)")
    except MarsadError as error:
        raise fail(error) from None
    except KeyboardInterrupt:
        _ingest_summary(ingestion)
        stderr.print("Interrupted: what was read is stored. Run the same command again to finish.", highlight=False)
        raise typer.Exit(130) from None
    _ingest_summary(ingestion)
    raise typer.Exit(EXIT_SOME_FAILED if ingestion.report.failures or ingestion.report.counts["failed"] else EXIT_OK)


def _ingest_summary(ingestion: service.Ingestion) -> None:
    report = ingestion.report
    counts = report.counts
    rate = report.processed / report.seconds if report.seconds else 0.0
    stderr.print(
        f"{counts['new']:,} new · {counts['near-duplicate']:,} near-duplicate · {counts['duplicate']:,} duplicate"
        + (f" · {counts['analysed']:,} analysed now" if counts["analysed"] else "")
        + f" · {counts['failed']:,} failed — {report.processed:,} inputs in {report.seconds:.1f}s ({rate:,.0f}/s)"
        + f" into {ingestion.location}",
        highlight=False,
    )
    if report.analysis_failures:
        stderr.print(f"{report.analysis_failures} document(s) stored without their analysis (see below).", highlight=False)
    for source, error in report.failures:
        stderr.print(f"  error {source}: {error}", highlight=False, markup=False)
    listed = len(report.failures)
    total = sum(report.failure_codes.values())
    if total > listed:
        by_code = ", ".join(f"{code} ×{n}" for code, n in report.failure_codes.most_common())
        stderr.print(f"  … and {total - listed} more ({by_code})", highlight=False)


# -- search --------------------------------------------------------------------------------
@app.command(
    epilog=(
        "Examples:\n\n"
        "  marsad search الباغوز                         (also finds «بالباغوز», «للباغوز»)\n\n"
        '  marsad search \'"قوات سوريا الديمقراطية"\'          (a phrase)\n\n'
        "  marsad search 'داعش AND (حلب OR إدلب) NOT هدنة' --since 2024-01-01\n\n"
        '  marsad search --actor "Islamic State" --event-type "Armed clash" --json\n\n'
        "Words match across alef, ya and ta marbuta variants, diacritics and attached clitics. "
        "Operators: AND (implied), OR, NOT, +word, -word, parentheses, \"phrases\" or «phrases». "
        "Near-duplicate copies count once (the best-matching copy is shown) unless --all-copies."
    )
)
def search(
    query: Annotated[Optional[str], typer.Argument(help="Words, \"phrases\" and operators; may be omitted when filters are given.", show_default=False)] = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    event_type: EventTypeOption = None,
    technique: TechniqueOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many results to show.")] = 20,
    all_copies: AllCopiesOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as one JSON object (offsets included).")] = False,
    db: DbOption = None,
) -> None:
    """Search the corpus, with highlighted snippets in the original spelling."""
    try:
        filters = _filters(actor, place, event_type, technique, since, until)
        if not query and filters == service.build_filters():
            raise typer.BadParameter("give a QUERY, a filter (--actor, --place, ...) or both", param_hint="QUERY")
        result = service.search(query, db=db, filters=filters, limit=limit, all_copies=all_copies)
    except MarsadError as error:
        raise fail(error) from None
    if as_json:
        sys.stdout.write(json.dumps(_result_json(query, result), ensure_ascii=False) + "\n")
        return
    _print_result(result)


def _result_json(query: str | None, result: service.SearchResult) -> dict:
    return {
        "query": query,
        "total": result.total,
        "total_is_estimate": result.total_is_estimate,
        "hits": [
            {
                "id": hit.document.id,
                "title": hit.document.title,
                "published": hit.document.published.isoformat() if hit.document.published else None,
                "source": hit.document.source,
                "url": hit.document.url,
                "cluster_id": hit.document.cluster_id,
                "copies": hit.copies,
                "rank": hit.document.rank,
                "title_highlights": [list(span) for span in hit.title_highlights],
                "snippets": [
                    {
                        "start": snippet.start,
                        "end": snippet.end,
                        "text": hit.document.text[snippet.start : snippet.end],
                        "highlights": [list(span) for span in snippet.highlights],
                    }
                    for snippet in hit.snippets
                ],
            }
            for hit in result.hits
        ],
    }


def highlighted(text: str, start: int, end: int, spans: list[tuple[int, int]], styled: bool) -> Text:
    """text[start:end] with the matched words marked; the characters themselves are untouched."""
    out = Text()
    cursor = start
    for span_start, span_end in spans:
        out.append(text[cursor:span_start])
        if styled:
            out.append(text[span_start:span_end], style=HIGHLIGHT)
        else:
            out.append(PLAIN_MARK + text[span_start:span_end] + PLAIN_MARK)
        cursor = span_end
    out.append(text[cursor:end])
    return out


def _print_result(result: service.SearchResult) -> None:
    styled = stdout.is_terminal
    if not result.hits:
        stdout.print("No documents match.", highlight=False)
        return
    about = "about " if result.total_is_estimate else ""
    stdout.print(f"{len(result.hits)} of {about}{result.total:,} matching", highlight=False)
    for number, hit in enumerate(result.hits, start=1):
        document = hit.document
        line = Text(f"\n{number}. ")
        line.append("\u200f")
        line.append(highlighted(document.title, 0, len(document.title), hit.title_highlights, styled))
        stdout.print(line, style="bold", highlight=False)
        facts = [document.published.isoformat() if document.published else "undated", document.source or document.url or "", f"id {document.id}"]
        if hit.copies > 1:
            facts.append(f"{hit.copies} copies")
        stdout.print("   " + " · ".join(fact for fact in facts if fact), style="dim", highlight=False, markup=False)
        for snippet in hit.snippets:
            body = highlighted(document.text, snippet.start, snippet.end, snippet.highlights, styled)
            body = Text("   \u200f…") + _one_line(body) + Text("…")
            stdout.print(body, highlight=False)


def _one_line(text: Text) -> Text:
    """Newlines inside a snippet shown as spaces (display only; offsets refer to the stored text)."""
    plain = text.plain
    if "\n" not in plain and "\r" not in plain:
        return text
    copy = text.copy()
    copy.plain = plain.replace("\r", " ").replace("\n", " ")
    return copy


# -- export --------------------------------------------------------------------------------
@app.command(
    epilog=(
        "Examples:\n\n"
        "  marsad export --format jsonl --out corpus.jsonl\n\n"
        '  marsad export --format acled --actor "Islamic State" --since 2019-01-01 --out events.csv\n\n'
        "  marsad export --format parquet --query الباغوز --out baghouz.parquet\n\n"
        "jsonl: the analysis contract, one document per line. csv / parquet: one row per document "
        "(id, title, published, source, url, cluster_id, actors, places, event types, techniques, text). "
        "acled: one row per event with ACLED's columns, then the document id and evidence offsets. "
        "Near-duplicate copies are exported once unless --all-copies."
    )
)
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="jsonl|csv|parquet|acled", help="Output format.")] = "jsonl",
    out: Annotated[str, typer.Option("--out", "-o", metavar="FILE", help='Where to write ("-" for standard output).')] = "-",
    query: Annotated[Optional[str], typer.Option("--query", "-q", metavar="QUERY", help="Only documents matching this search query.")] = None,
    actor: ActorOption = None,
    place: PlaceOption = None,
    event_type: EventTypeOption = None,
    technique: TechniqueOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    all_copies: AllCopiesOption = False,
    db: DbOption = None,
) -> None:
    """Export documents, analyses or events for other tools."""
    try:
        filters = _filters(actor, place, event_type, technique, since, until)
        report = service.export_documents(fmt, out, db=db, query=query, filters=filters, all_copies=all_copies)
    except MarsadError as error:
        raise fail(error) from None
    where = "standard output" if out == "-" else out
    stderr.print(f"{report.rows:,} rows from {report.documents:,} documents written to {where} ({report.format}).", highlight=False)


# -- stats ---------------------------------------------------------------------------------
@app.command(epilog="Examples:\n\n  marsad stats\n\n  marsad stats --db /data/corpus.db --top 20 --json")
def stats(
    top: Annotated[int, typer.Option("--top", help="How many sources, actors and places to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statistics as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """What the corpus holds: documents, sources, date range, top actors and places, near-duplicate clusters."""
    try:
        result = service.corpus_stats(db, top=top)
    except MarsadError as error:
        raise fail(error) from None
    if as_json:
        sys.stdout.write(json.dumps(_stats_json(result), ensure_ascii=False) + "\n")
        return
    first = result.first_published.isoformat() if result.first_published else "—"
    last = result.last_published.isoformat() if result.last_published else "—"
    stdout.print(
        f"{result.location} (schema {result.schema_version})\n"
        f"{result.documents:,} documents ({result.analysed:,} analysed) · {result.clusters:,} clusters "
        f"({result.copies:,} near-duplicate copies) · {result.sources:,} sources\n"
        f"published {first} … {last}" + (f" · {result.undated:,} undated" if result.undated else ""),
        highlight=False,
    )
    for title, rows in (
        ("Top sources (documents)", [(c.name, c.documents) for c in result.top_sources]),
        ("Top actors (clusters)", [(c.name, c.documents) for c in result.top_actors]),
        ("Top places (clusters)", [(c.name, c.documents) for c in result.top_places]),
        ("Largest near-duplicate clusters", [(f"{c.title} ({c.cluster_id})", c.copies) for c in result.largest_clusters]),
    ):
        if rows:
            table = Table("name", "count", title=title, title_justify="left")
            for name, count in rows:
                table.add_row(rtl_safe(name), f"{count:,}")
            stdout.print(table)


def _stats_json(result) -> dict:
    def counts(items):
        return [{"name": c.name, "count": c.documents} for c in items]

    return {
        "location": result.location,
        "schema_version": result.schema_version,
        "documents": result.documents,
        "analysed": result.analysed,
        "clusters": result.clusters,
        "copies": result.copies,
        "sources": result.sources,
        "first_published": result.first_published.isoformat() if result.first_published else None,
        "last_published": result.last_published.isoformat() if result.last_published else None,
        "undated": result.undated,
        "top_sources": counts(result.top_sources),
        "top_actors": counts(result.top_actors),
        "top_places": counts(result.top_places),
        "largest_clusters": [{"cluster_id": c.cluster_id, "title": c.title, "copies": c.copies} for c in result.largest_clusters],
    }


