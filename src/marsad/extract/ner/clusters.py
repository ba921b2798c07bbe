"""Word clusters as CRF features: words used in the same contexts share a cluster id.

Clusters are learnt from unlabelled text (scripts/build_word_clusters.py) and travel
with the model that was trained with them (`clusters.tsv` in the model directory), so a
name the labelled data never showed still looks like the names it did.  The table has
one row per word: its normalised form, then one cluster id per granularity (coarse to
fine, named by the header: `word  k64  k256  k1024  k4096  count`), then its count.
Several granularities let the CRF weigh broad classes and narrow ones separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...errors import Errors, MarsadError
from ...text import NormalizeOptions, clitic_splits, normalize

CLUSTERS_FILE = "clusters.tsv"
FIRST_COLUMN, LAST_COLUMN = "word", "count"
_SPLIT_VIEW = NormalizeOptions(ta_marbuta=False, punctuation=False)
_ARTICLE = "ال"
_DOUBLE_LAM = "لل"


class ClusterTable:
    """{normalised word: cluster ids}, one id per level (coarse to fine)."""

    def __init__(self, levels: Sequence[str], ids: dict[str, tuple[str, ...]]) -> None:
        self.levels = tuple(levels)
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def get(self, word: str) -> tuple[str, ...] | None:
        return self.ids.get(word)


class ClusterFeatures:
    """`c:<level>=<id>` for each granularity of the table (`c:k256=17`), `cvia=clitic`
    when found only without the word's proclitics, or `c=none`.  The second-coarsest
    level is also copied to the neighbours."""

    name = "clusters"
    version = "2"

    def __init__(self, table: ClusterTable, path: Path | None = None) -> None:
        self.table = table
        self.path = path
        self._names = tuple(f"c:{level}" for level in table.levels)
        self.contextual = frozenset(self._names[1:2] or self._names[:1])
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
            return self._named(ids)
        for form in _without_proclitics(token):
            ids = self.table.get(form)
            if ids:
                return (*self._named(ids), "cvia=clitic")
        return ("c=none",)

    def _named(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(f"{name}={cluster}" for name, cluster in zip(self._names, ids))


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


def read_clusters(path: Path) -> ClusterTable:
    """The table of a clusters TSV (`#` comments, then a header `word <levels...> count`)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise MarsadError(Errors.M001, path=path) from None
    except (UnicodeDecodeError, IsADirectoryError) as error:
        raise MarsadError(Errors.M180, path=path, line=1, reason=str(error)) from None
    levels: list[str] | None = None
    ids: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if levels is None:
            if len(cells) < 3 or cells[0] != FIRST_COLUMN or cells[-1] != LAST_COLUMN:
                reason = f"header {cells} should be [{FIRST_COLUMN!r}, one column per granularity..., {LAST_COLUMN!r}]"
                raise MarsadError(Errors.M180, path=path, line=number, reason=reason)
            levels = cells[1:-1]
            continue
        if len(cells) != len(levels) + 2:
            raise MarsadError(Errors.M180, path=path, line=number, reason=f"{len(cells)} columns, expected {len(levels) + 2}")
        ids[cells[0]] = tuple(cells[1:-1])
    if levels is None or not ids:
        raise MarsadError(Errors.M180, path=path, line=len(lines), reason="no clusters in the file")
    return ClusterTable(levels, ids)
