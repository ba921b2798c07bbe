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

from .model import Analysis

RLM = "\u200f"
_HAS_ARABIC = regex.compile(r"\p{Script=Arabic}")
MAX_CELL = 120


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
    tables = [
        _table(
            "Sentences",
            ("#", "span", "sentence"),
            ((i + 1, f"{s.start}–{s.end}", text[s.start : s.end]) for i, s in enumerate(analysis.sentences)),
        ),
        _table(
            "Entities",
            ("text", "type", "canonical", "kind"),
            ((e.text, e.type, e.canonical or "", e.kind or "") for e in analysis.entities),
        ),
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
            ((t.label, f"{t.score:.2f}", t.text) for t in analysis.rhetoric.techniques),
        ),
        _table("Frames", ("frame", "score", "words"), ((f.label, f"{f.score:.2f}", f.text) for f in analysis.rhetoric.frames)),
    ]
    parts.extend(table for table in tables if table is not None)
    if analysis.rhetoric.emotions:
        top = sorted(analysis.rhetoric.emotions.items(), key=lambda item: -item[1])[:4]
        parts.append(
            Text(
                "Emotions: "
                + ", ".join(f"{label} {score:.2f}" for label, score in top)
                + f" · intensity {analysis.rhetoric.intensity:.2f}"
            )
        )
    return Panel(Group(*parts), expand=True)


def print_analyses(analyses: Iterable[Analysis], console: Console) -> None:
    for analysis in analyses:
        console.print(render_analysis(analysis))
