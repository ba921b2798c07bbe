"""Reading the gazetteer's TSV files: `#` comment lines, one header row, tab-separated rows."""

from __future__ import annotations

from pathlib import Path

from ...errors import Errors, MarsadError

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "gazetteer"


def resource_path(name: str) -> Path:
    return RESOURCES / name


def read_table(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for every data row; the header must name exactly `columns`."""
    if not path.exists():
        raise MarsadError(Errors.M100, path=path)
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header) != columns:
                raise MarsadError(Errors.M101, path=path, line=number, reason=f"header {header} should be {list(columns)}")
            continue
        if len(cells) != len(columns):
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"{len(cells)} columns, expected {len(columns)}")
        row = {name: cell.strip() for name, cell in zip(columns, cells)}
        if not row[columns[0]]:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"empty {columns[0]}")
        rows.append((number, row))
    return rows
