"""JSON Lines (`.jsonl`, `.ndjson`, gzipped or not): one record per line, streamed.

Each line is an object; its fields are found by `--map` or by their common names
(`text`, `content`, `النص`...; see records.py).  A malformed line is reported as a
ReadFailure and the next lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .failures import ReadFailure
from .options import ReadOptions
from .records import RecordDocuments, SourceRefused, origin_name
from .streams import GZIP_ERRORS, iter_lines, open_binary


def read_jsonl(path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadFailure]:
    options = options or ReadOptions()
    to_document = RecordDocuments(str(path), options, origin_name(path))
    with open_binary(path) as stream:
        try:
            for number, line in iter_lines(stream, str(path)):
                if not line.strip():
                    continue
                try:
                    yield to_document(_parse(line, path, number), f"line {number}")
                except SourceRefused as error:
                    yield ReadFailure(str(path), error)
                    return
                except MarsadError as error:
                    yield ReadFailure(f"{path}:{number}", error)
        except GZIP_ERRORS as error:
            yield ReadFailure(str(path), MarsadError(Errors.M314, path=str(path), reason=str(error) or type(error).__name__))


def _parse(line: str, path: Path, number: int) -> object:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise MarsadError(Errors.M004, path=str(path), line=number, reason=f"invalid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise MarsadError(Errors.M004, path=str(path), line=number, reason=f"expected an object, got {type(record).__name__}")
    return record
