"""Readable terminal summaries of analyses (rich), safe for right-to-left text.

Arabic cells start with a RIGHT-TO-LEFT MARK so that terminals with bidi support
lay them out right to left even when they begin with a Latin letter or a digit;
the text itself is printed unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .model import CONVENTION_BELOW, Analysis

RLM = "\u200f"
_HAS_ARABIC = regex.compile(r"\p{Script=Arabic}")
MAX_CELL = 120
# With only these layers the sentences themselves are the result worth showing.
TEXT_LAYERS = {"tokens", "sentences"}


def rtl_safe(value: object) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    if len(text) > MAX_CELL:
        text = text[: MAX_CELL - 1] + "…"
    return RLM + text if _HAS_ARABIC.search(text) else text


def _table(title: str, columns: Iterable[str], rows: Iterable[Iterable[object]]) -> Table | None:
    rows = list(rows)
    if not rows:
        return None
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(rtl_safe(cell) for cell in row))
    return table


def _entity_rows(analysis: Analysis) -> list[tuple[object, ...]]:
    """One row per entity (canonical name, else surface), most mentioned first."""
    groups: dict[tuple[str, str], list] = {}
    for entity in analysis.entities:
        groups.setdefault((entity.canonical or entity.text, entity.type), []).append(entity)
    rows = []
    for (name, type_), mentions in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        written = "، ".join(dict.fromkeys(mention.text for mention in mentions))
        rows.append((name, type_, mentions[0].kind or "", len(mentions), written))
    return rows


def render_analysis(analysis: Analysis) -> Panel:
    """One panel per document: header facts, then a table per non-empty layer."""
    header = Text()
    header.append(rtl_safe(analysis.title) or "(untitled)", style="bold")
    header.append(f"\nid {analysis.id}")
    if analysis.source:
        header.append(f" · {analysis.source}")
    header.append(f" · published {analysis.published.isoformat() if analysis.published else 'unknown'}")
    header.append(f"\n{len(analysis.text):,} characters · {len(analysis.sentences)} sentences")
    header.append(f" · layers: {', '.join(analysis.layers) or 'none'}")
    parts: list[object] = [header]
    text = analysis.text
    only_text_layers = set(analysis.layers) <= TEXT_LAYERS
    tables = [
        _table(
            "Sentences",
            ("#", "span", "sentence"),
            ((i + 1, f"{s.start}–{s.end}", text[s.start : s.end]) for i, s in enumerate(analysis.sentences)),
        )
        if only_text_layers
        else None,
        _table("Entities", ("canonical", "type", "kind", "mentions", "as written"), _entity_rows(analysis)),
        _table(
            "Dates",
            ("text", "value", "precision", "note"),
            ((d.text, d.value or "unresolved", d.precision or "", d.note or "") for d in analysis.dates),
        ),
        _table("Quotes", ("speaker", "verb", "quote"), ((q.speaker or "?", q.verb or "", q.text) for q in analysis.quotes)),
        _table(
            "Events",
            ("type", "actor1", "actor2", "location", "date", "evidence"),
            ((e.type, e.actor1, e.actor2, e.location, e.date, text[e.start : e.end]) for e in analysis.events),
        ),
        _table(
            "Techniques",
            ("label", "score", "words"),
            ((t.label, f"{t.score:.2f}", t.text) for t in analysis.rhetoric.techniques if t.score >= CONVENTION_BELOW),
        ),
        _table("Frames", ("frame", "score", "words"), ((f.label, f"{f.score:.2f}", f.text) for f in analysis.rhetoric.frames)),
    ]
    parts.extend(table for table in tables if table is not None)
    convention = sum(t.score < CONVENTION_BELOW for t in analysis.rhetoric.techniques)
    if convention:
        parts.append(Text(f"{convention} convention-tier technique cues hidden (score < {CONVENTION_BELOW}; see --json)"))
    emotions = sorted(((label, score) for label, score in analysis.rhetoric.emotions.items() if score > 0), key=lambda item: -item[1])
    if emotions:
        listed = ", ".join(f"{label} {score:.2f}" for label, score in emotions[:4])
        parts.append(Text(f"Emotions: {listed} · intensity {analysis.rhetoric.intensity:.2f}"))
    return Panel(Group(*parts), expand=True)


def print_analyses(analyses: Iterable[Analysis], console: Console) -> None:
    for analysis in analyses:
        console.print(render_analysis(analysis))
