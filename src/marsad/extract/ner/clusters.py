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
from ...text import NormalizeOptions, clitic_splits, normalize

CLUSTERS_FILE = "clusters.tsv"
COLUMNS = ("word", "coarse", "middle", "fine", "count")
_LEVELS = (("cc", 1), ("cm", 2), ("cf", 3))
_SPLIT_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)
_ARTICLE = "ال"
_DOUBLE_LAM = "لل"


class ClusterFeatures:
    """`cc=`, `cm=`, `cf=`: the token's coarse, middle and fine cluster (or `c=none`)."""

    name = "clusters"
    version = "1"
    contextual = frozenset(("cm",))

    def __init__(self, table: dict[str, tuple[str, ...]], path: Path | None = None) -> None:
        self.table = table
        self.path = path
        self._cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    @classmethod
    def load(cls, path: Path) -> ClusterFeatures:
        return cls(read_clusters(path), path)

    def __call__(self, tokens: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        return [self._features(token) for token in tokens]

    def _features(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self._cache.get(token)
        if found is None:
            features = self._lookup(token)
            found = features, tuple(f for f in features if f[: f.find("=")] in self.contextual)
            if len(self._cache) < 500_000:
                self._cache[token] = found
        return found

    def _lookup(self, token: str) -> tuple[str, ...]:
        """The word's clusters; failing that, those of the word without its proclitics
        («وبغداد» -> «بغداد», «للعاصمة» -> «العاصمة»), marked `cvia=clitic`."""
        ids = self.table.get(normalize(token))
        if ids:
            return tuple(f"{name}={ids[level - 1]}" for name, level in _LEVELS)
        for form in _without_proclitics(token):
            ids = self.table.get(form)
            if ids:
                return (*(f"{name}={ids[level - 1]}" for name, level in _LEVELS), "cvia=clitic")
        return ("c=none",)


def _without_proclitics(token: str) -> list[str]:
    """Normalised forms of `token` with its proclitics dropped, the article kept."""
    view = normalize(token, _SPLIT_VIEW)
    forms = []
    for split in clitic_splits(view)[1:]:
        if split.suffix:
            continue
        if split.prefix.endswith(_ARTICLE) or split.prefix.endswith(_DOUBLE_LAM):
            form = _ARTICLE + split.stem
        else:
            form = split.stem
        forms.append(normalize(form))
    return forms


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
