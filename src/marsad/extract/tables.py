"""Reading the tab-separated data files under `marsad/resources/`.

Every file starts with `#` comment lines that say what its columns mean; blank lines
and further comments are skipped.  A row with the wrong number of columns, or a value
a reader refuses, is reported with its file and line (M120), never skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple, TypeVar

from ..errors import Errors, MarsadError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

T = TypeVar("T")


class Row(NamedTuple):
    line: int
    fields: tuple[str, ...]


def resource_path(relative: str) -> Path:
    path = RESOURCES / relative
    if not path.is_file():
        raise MarsadError(Errors.M121, path=relative)
    return path


def read_rows(relative: str, columns: int) -> Iterator[Row]:
    """Rows of `resources/<relative>` with exactly `columns` tab-separated fields."""
    path = resource_path(relative)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(field.strip() for field in line.split("\t"))
        if len(fields) != columns or not all(fields):
            raise MarsadError(
                Errors.M120, path=relative, line=number, reason=f"expected {columns} non-empty tab-separated columns, found {len(fields)}"
            )
        yield Row(number, fields)


def parse_field(relative: str, row: Row, parse: Callable[[str], T], index: int) -> T:
    """`parse(row.fields[index])`, or M120 naming the file, line and bad value."""
    value = row.fields[index]
    try:
        return parse(value)
    except (ValueError, KeyError) as error:
        raise MarsadError(Errors.M120, path=relative, line=row.line, reason=f"bad value {value!r} ({error})") from None
