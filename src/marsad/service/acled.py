"""ACLED-style rows: one per event, with ACLED's column names, then where its evidence is.

`acled_rows` builds the rows from an analysis in the contract's JSON form (what
`Analysis.to_dict()` gives and what the store keeps), so `marsad analyze --events-csv`
and the store's `marsad export --format acled` write the same rows.
"""

from __future__ import annotations

import csv
import os
import tempfile
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import Errors, MarsadError

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "source", "notes",
)
# After the ACLED columns: where the evidence is, so every row can be checked.
TRACE_COLUMNS = ("marsad_document", "marsad_start", "marsad_end", "marsad_confidence")
COLUMNS = ACLED_COLUMNS + TRACE_COLUMNS


def acled_rows(analysis: Mapping[str, Any], source: str | None = None, document_id: str | None = None) -> Iterator[dict[str, Any]]:
    """One row per event of `analysis`; `notes` is the sentence that holds the event's
    first evidence; `event_date` falls back to the publication date; fields the events
    layer does not know stay empty."""
    text = analysis.get("text") or ""
    sentences = analysis.get("sentences") or []
    starts = [sentence["start"] for sentence in sentences]
    published = analysis.get("published") or ""
    origin = source if source is not None else (analysis.get("source") or analysis.get("url") or "")
    for event in analysis.get("events") or []:
        yield {
            "event_date": event.get("date") or published,
            "event_type": event.get("event_type") or "",
            "sub_event_type": event.get("type") or "",
            "actor1": event.get("actor1") or "",
            "assoc_actor_1": event.get("assoc_actor_1") or "",
            "actor2": event.get("actor2") or "",
            "country": event.get("country") or "",
            "admin1": event.get("admin1") or "",
            "location": event.get("location") or "",
            "latitude": _number(event.get("latitude")),
            "longitude": _number(event.get("longitude")),
            "source": origin,
            "notes": _sentence_of(text, sentences, starts, event["start"], event["end"]),
            "marsad_document": document_id if document_id is not None else analysis.get("id", ""),
            "marsad_start": event["start"],
            "marsad_end": event["end"],
            "marsad_confidence": event.get("confidence", ""),
        }


def _number(value: Any) -> Any:
    return "" if value is None else value


def _sentence_of(text: str, sentences: list[Mapping[str, int]], starts: list[int], start: int, end: int) -> str:
    """The whole sentence around [start, end) (the evidence itself when there are no sentences)."""
    index = bisect_right(starts, start) - 1
    if 0 <= index < len(sentences):
        sentence = sentences[index]
        return " ".join(text[sentence["start"] : max(sentence["end"], end)].split())
    return " ".join(text[start:end].split())


class EventsCsv:
    """Rows written as analyses stream in; the file appears under its name only when
    closed without error (a failed run leaves no half file behind)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        try:
            handle, self._temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=directory)
        except OSError as error:
            raise MarsadError(Errors.M141, path=str(path), reason=error.strerror or str(error)) from None
        self._stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._stream, fieldnames=COLUMNS)
        self._writer.writeheader()
        self.rows = 0

    def add(self, analysis: Mapping[str, Any]) -> None:
        for row in acled_rows(analysis):
            self._writer.writerow(row)
            self.rows += 1

    def close(self) -> None:
        self._stream.close()
        try:
            os.replace(self._temporary, self.path)
        except OSError as error:
            self.discard()
            raise MarsadError(Errors.M141, path=str(self.path), reason=error.strerror or str(error)) from None

    def discard(self) -> None:
        self._stream.close()
        if os.path.exists(self._temporary):
            os.remove(self._temporary)


def write_events_csv(analyses: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    """Write the events of `analyses` to `path`; returns the number of rows."""
    sink = EventsCsv(path)
    try:
        for analysis in analyses:
            sink.add(analysis)
    except BaseException:
        sink.discard()
        raise
    sink.close()
    return sink.rows
