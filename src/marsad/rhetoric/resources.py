"""Reading the rhetoric resources (TSV files under resources/rhetoric/).

Every file has a header of `#` comment lines describing its columns; data lines are
tab-separated.  A malformed line is a coded error naming the file and line, so a
lexicon edit that breaks something is caught by the test suite, not in production.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Errors, MarsadError

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "rhetoric"


@dataclass(frozen=True)
class Row:
    path: Path
    line: int
    fields: tuple[str, ...]

    def error(self, reason: str) -> MarsadError:
        return MarsadError(Errors.M200, path=self.path.name, line=self.line, reason=reason)

    def number(self, index: int, default: float) -> float:
        """Column `index` as a number in [0, 1] (or `default` when the column is absent or empty)."""
        if index >= len(self.fields) or not self.fields[index].strip():
            return default
        try:
            value = float(self.fields[index])
        except ValueError:
            raise self.error(f"column {index + 1} must be a number, got {self.fields[index]!r}") from None
        if not 0.0 <= value <= 1.0:
            raise self.error(f"column {index + 1} must be between 0 and 1, got {value}")
        return value

    def text(self, index: int, default: str = "") -> str:
        return self.fields[index].strip() if index < len(self.fields) else default


def rows(name: str, min_columns: int, directory: Path = RESOURCES) -> Iterator[Row]:
    """Data lines of `directory/name`, each with at least `min_columns` non-empty leading columns."""
    path = directory / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(line.rstrip("\r").split("\t"))
        if len(fields) < min_columns or any(not field.strip() for field in fields[:min_columns]):
            raise MarsadError(
                Errors.M200, path=name, line=number, reason=f"expected at least {min_columns} tab-separated columns"
            )
        yield Row(path, number, fields)


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, tuple[str, ...]]:
    """kind (technique, emotion, frame) -> its labels, in file order."""
    labels: dict[str, list[str]] = {}
    for row in rows("taxonomy.tsv", 2):
        labels.setdefault(row.text(0), []).append(row.text(1))
    return {kind: tuple(names) for kind, names in labels.items()}


def check_label(row: Row, kind: str, label: str) -> str:
    allowed = taxonomy()[kind]
    if label not in allowed:
        raise MarsadError(Errors.M201, path=row.path.name, line=row.line, kind=kind, label=label, allowed=", ".join(allowed))
    return label
