"""CSV and TSV tables (`.csv`, `.tsv`, gzipped or not), streamed row by row.

The first row names the columns; `--map text=المحتوى,title=العنوان` says which column
holds what, and without it common names (English and Arabic, see records.py) are
recognised.  The delimiter is a tab for .tsv, else the one among `, ; TAB |` that the
header row uses most.  A broken row (bad quoting) is reported and the next rows are read.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path

from ..errors import Errors, MarsadError
from ..model import Document
from .failures import ReadFailure
from .options import ReadOptions
from .records import RecordFields, origin_name
from .streams import GZIP_ERRORS, iter_lines, open_binary

DELIMITERS = (",", ";", "\t", "|")
TAB_SUFFIXES = (".tsv", ".tab", ".tsv.gz", ".tab.gz")
MAX_FIELD_CHARS = 32 * 1024 * 1024  # csv's default (128 KB) is shorter than some articles


def read_table(path: Path, options: ReadOptions | None = None) -> Iterator[Document | ReadFailure]:
    options = options or ReadOptions()
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    with open_binary(path) as stream:
        try:
            yield from _rows_to_documents(path, iter_lines(stream, str(path)), options)
        except GZIP_ERRORS as error:
            yield ReadFailure(str(path), MarsadError(Errors.M314, path=str(path), reason=str(error) or type(error).__name__))


def _rows_to_documents(path: Path, numbered_lines, options: ReadOptions) -> Iterator[Document | ReadFailure]:
    lines = (line for _number, line in numbered_lines)
    first = next(lines, None)
    if first is None or not first.strip():
        yield ReadFailure(str(path), MarsadError(Errors.M002, path=str(path)))
        return
    delimiter = "\t" if str(path).lower().endswith(TAB_SUFFIXES) else _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    header = [name.strip() or f"column {index}" for index, name in enumerate(next(reader), start=1)]
    try:
        fields = RecordFields(str(path), header, options)
    except MarsadError as error:
        yield ReadFailure(str(path), error)
        return
    origin = origin_name(path)
    row_number = 0
    while True:
        row_start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield ReadFailure(f"{path}:{row_start}", MarsadError(Errors.M315, path=str(path), line=row_start, reason=str(error)))
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1
        try:
            yield fields.document(dict(zip(header, row)), f"row {row_number} (line {row_start})", origin)
        except MarsadError as error:
            yield ReadFailure(f"{path}:{row_start}", error)


def _delimiter(header: str) -> str:
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","
