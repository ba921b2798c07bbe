"""JSON Lines records: {"title", "text", optional "id", "url", "published", "source"}.

A malformed line is reported as a ReadFailure and the next lines are still read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document, parse_date
from .decode import decode_bytes
from .failures import ReadFailure
from .ids import content_id


def read_jsonl(path: Path, published: dt.date | None = None) -> Iterator[Document | ReadFailure]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=str(path)) from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield record_to_document(decode_bytes(raw, str(path)), str(path), number, published)
            except MarsadError as error:
                yield ReadFailure(f"{path}:{number}", error)


def record_to_document(line: str, path: str, number: int, published: dt.date | None) -> Document:
    def bad(reason: str) -> MarsadError:
        return MarsadError(Errors.M004, path=path, line=number, reason=reason)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise bad(f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise bad(f"expected an object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad('no "text" string')
    title = record.get("title") or ""
    if not isinstance(title, str):
        raise bad('"title" must be a string')
    try:
        record_published = parse_date(record.get("published")) or published
    except ValueError:
        raise bad(f'"published" is not YYYY-MM-DD: {record.get("published")!r}') from None
    return Document(
        id=str(record.get("id") or content_id(title, text)),
        title=title,
        text=text,
        source=_optional_str(record.get("source")) or path,
        url=_optional_str(record.get("url")),
        published=record_published,
    )


def _optional_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
