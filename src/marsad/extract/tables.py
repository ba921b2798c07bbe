"""Reading the tab-separated data files under `marsad/resources/`.

Every file starts with `#` comment lines that say what its columns mean; blank lines
and further comments are skipped.  `read_rows` reads files whose columns are described
only in that comment; `read_table` reads files whose first row names the columns.  A
row with the wrong number of columns, or a value a reader refuses, is reported with its
file and line (M120), never skipped silently.
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


def read_table(relative: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: value}) for every row of `resources/<relative>` after its
    header row, which must name exactly `columns`; cells may be empty."""
    path = resource_path(relative)
    rows: list[tuple[int, dict[str, str]]] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise MarsadError(Errors.M120, path=relative, line=number, reason=f"header {cells} should be {list(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise MarsadError(Errors.M120, path=relative, line=number, reason=f"{len(cells)} columns, expected {len(columns)}")
        rows.append((number, {name: cell.strip() for name, cell in zip(columns, cells)}))
    return rows


def parse_field(relative: str, row: Row, parse: Callable[[str], T], index: int) -> T:
    """`parse(row.fields[index])`, or M120 naming the file, line and bad value."""
    value = row.fields[index]
    try:
        return parse(value)
    except (ValueError, KeyError) as error:
        raise MarsadError(Errors.M120, path=relative, line=row.line, reason=f"bad value {value!r} ({error})") from None
