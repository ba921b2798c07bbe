"""Word clusters as CRF features: words used in the same contexts share a cluster id.

Clusters are learnt from unlabelled text (scripts/build_word_clusters.py) and travel
with the model that was trained with them (`clusters.tsv` in the model directory), so a
name the labelled data never showed still looks like the names it did.  The table has
one row per word: its normalised form, then cluster ids from coarse to fine.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...errors import Errors, MarsadError
from ...text import normalize

CLUSTERS_FILE = "clusters.tsv"
COLUMNS = ("word", "coarse", "middle", "fine", "count")
_LEVELS = (("cc", 1), ("cm", 2), ("cf", 3))


class ClusterFeatures:
    """`cc=`, `cm=`, `cf=`: the token's coarse, middle and fine cluster (or `c=none`)."""

    name = "clusters"
    version = "1"
    contextual = frozenset(("cm",))

    def __init__(self, table: dict[str, tuple[str, ...]], path: Path | None = None) -> None:
        self.table = table
        self.path = path
        self._cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(cls, path: Path) -> ClusterFeatures:
        return cls(read_clusters(path), path)

    def __call__(self, tokens: Sequence[str]) -> list[list[str]]:
        return [list(self._features(token)) for token in tokens]

    def _features(self, token: str) -> tuple[str, ...]:
        found = self._cache.get(token)
        if found is None:
            ids = self.table.get(normalize(token))
            found = tuple(f"{name}={ids[level - 1]}" for name, level in _LEVELS) if ids else ("c=none",)
            if len(self._cache) < 500_000:
                self._cache[token] = found
        return found


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """{normalised word: (coarse, middle, fine)} from a clusters TSV (`#` comments, a header)."""
    table: dict[str, tuple[str, ...]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=path) from None
    except (UnicodeDecodeError, IsADirectoryError) as error:
        raise MarsadError(Errors.M180, path=path, line=1, reason=str(error)) from None
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise MarsadError(Errors.M180, path=path, line=number, reason=f"header {cells} should be {list(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise MarsadError(Errors.M180, path=path, line=number, reason=f"{len(cells)} columns, expected {len(COLUMNS)}")
        table[cells[0]] = tuple(cells[1:4])
    if not table:
        raise MarsadError(Errors.M180, path=path, line=len(lines), reason="no clusters in the file")
    return table
