"""JSON files (`.json`, gzipped or not): an array of records, an object holding one
(`{"articles": [...]}`, `{"data": {"items": [...]}}`), or a single article object.

The file is parsed as a stream of events (ijson), so a multi-gigabyte array is read
record by record in constant memory.  The records are the first array of objects
found within three levels; each becomes a Document as in records.py.  Broken JSON
stops the file with M300 after the records before the fault.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ijson

from ..errors import Errors, MarsadError
from ..model import Document
from .failures import ReadFailure
from .options import ReadOptions
from .records import RecordDocuments, SourceRefused, origin_name
from .streams import GZIP_ERRORS, open_binary, utf8_stream

MAX_LIST_DEPTH = 3
_OPEN = frozenset({"start_map", "start_array"})
_CLOSE = frozenset({"end_map", "end_array"})


def read_json(path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadFailure]:
    options = options or ReadOptions()
    to_document = RecordDocuments(str(path), options, origin_name(path))
    scan = _Scan()
    count = 0
    with open_binary(path) as stream:
        try:
            for number, record in scan.records(ijson.parse(utf8_stream(stream, str(path)), use_float=True)):
                try:
                    yield to_document(record, f"record {number}")
                    count += 1
                except SourceRefused as error:
                    yield ReadFailure(str(path), error)
                    return
                except MarsadError as error:
                    yield ReadFailure(f"{path}#{number}", error)
        except ijson.JSONError as error:
            yield ReadFailure(str(path), MarsadError(Errors.M300, path=str(path), reason=_first_line(error), count=count))
            return
        except GZIP_ERRORS as error:
            yield ReadFailure(str(path), MarsadError(Errors.M314, path=str(path), reason=str(error) or type(error).__name__))
            return
    if scan.list_found or scan.empty_array:
        return
    if scan.top_fields:
        try:
            yield to_document(scan.top_fields, "the top-level object")
            return
        except MarsadError:
            pass
    yield ReadFailure(str(path), MarsadError(Errors.M301, path=str(path), reason=scan.describe()))


@dataclass
class _Scan:
    """Walks ijson events, building each object of the records list."""

    list_found: bool = False
    top_kind: str | None = None
    top_fields: dict[str, object] = field(default_factory=dict)
    events: int = 0

    @property
    def empty_array(self) -> bool:
        return self.top_kind == "start_array" and self.events == 2

    def records(self, events) -> Iterator[tuple[int, object]]:
        depth = 0
        list_depth: int | None = None  # depth inside the records array
        candidate: int | None = None  # depth inside an array whose first item is not seen yet
        builder: ijson.ObjectBuilder | None = None
        top_key: str | None = None
        number = 0
        for _prefix, event, value in events:
            self.events += 1
            if self.top_kind is None:
                self.top_kind = event
            if builder is not None:
                builder.event(event, value)
                depth += 1 if event in _OPEN else -1 if event in _CLOSE else 0
                if depth == list_depth:
                    number += 1
                    yield number, builder.value
                    builder = None
                continue
            if event in _OPEN:
                depth += 1
                inside_records = list_depth is not None and depth == list_depth + 1
                if not inside_records and candidate == depth - 1 and event == "start_map":
                    list_depth, self.list_found, inside_records = candidate, True, True
                if inside_records and event == "start_map":
                    builder = ijson.ObjectBuilder()
                    builder.event(event, value)
                    candidate = None
                    continue
                candidate = depth if event == "start_array" and not self.list_found and depth <= MAX_LIST_DEPTH else None
                if inside_records:  # an array inside the records list: not a record
                    number += 1
                    yield number, []
                continue
            candidate = None
            if event in _CLOSE:
                depth -= 1
                if list_depth is not None and depth < list_depth:
                    list_depth = None
                continue
            if event == "map_key" and depth == 1:
                top_key = value
            elif list_depth is not None and depth == list_depth:
                number += 1
                yield number, value
            elif depth == 1 and top_key is not None and self.top_kind == "start_map":
                self.top_fields[top_key] = value

    def describe(self) -> str:
        if self.top_kind == "start_map":
            keys = list(self.top_fields)
            return f"an object with no array of objects; its fields: {', '.join(keys[:10]) or 'none'}"
        if self.top_kind == "start_array":
            return "an array of no objects"
        return f"a single {self.top_kind or 'nothing'}"


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
