"""Document-level features for the second CRF pass: what the first pass said about the
same word elsewhere in the document.

News articles name an entity several times, and some mentions are easier than others
(«الرئيس اللبناني إميل لحود» in the lead, a bare «لحود» later).  The first pass tags
every sentence on its own; then each word learns the entity types the first pass gave
the other occurrences of its match key within `WINDOW` sentences on either side:

* `dany=PER` for every type some other occurrence got, `dmaj=PER` for the commonest
  one and `dfrac=PER:3` for its share of the other occurrences in quarters;
* `dallO` when every other occurrence was tagged O, `dnone` when there is none.

The window slides over the sentences, so a long document costs linear time and a
corpus without article breaks (ANERcorp) reads as a run of overlapping documents.  At
training time the first-pass tags come from cross-validation (training.py), so the
second pass learns how far to trust first-pass tags on text the first pass never saw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ...text import match_key, normalize

WINDOW = 40  # sentences on either side
OUTSIDE = "O"


class DocumentFeatures:
    name = "document"
    version = "1"

    def __init__(self, window: int = WINDOW) -> None:
        self.window = window

    def describe(self) -> dict[str, str | int]:
        """What a model's manifest records to rebuild these features."""
        return {"name": self.name, "version": self.version, "window": self.window}

    @classmethod
    def from_description(cls, described: dict) -> DocumentFeatures | None:
        """The features a manifest describes, or None if this Marsad computes others."""
        if described.get("name") != cls.name or described.get("version") != cls.version:
            return None
        window = described.get("window")
        return cls(window) if isinstance(window, int) and window >= 0 else None

    def over_documents(
        self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], sources: Sequence[str]
    ) -> list[list[list[str]]]:
        """As __call__, each run of sentences with the same source taken as one document."""
        found: list[list[list[str]]] = []
        for run in by_document(sources):
            found.extend(self([sentences[i] for i in run], [tags[i] for i in run]))
        return found

    def __call__(self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[list[str]]]:
        """Per sentence, per token: its document features, from the first pass's `tags`."""
        keys = [[_key(token) for token in tokens] for tokens in sentences]
        types = [[_type(tag) for tag in sentence_tags] for sentence_tags in tags]
        window: dict[str, Counter[str]] = {}
        found: list[list[list[str]]] = []
        low = high = 0
        for index in range(len(sentences)):
            first, last = max(0, index - self.window), min(len(sentences), index + self.window + 1)
            while high < last:
                _count(window, keys[high], types[high], 1)
                high += 1
            while low < first:
                _count(window, keys[low], types[low], -1)
                low += 1
            found.append([_features(window.get(key), own) if key else [] for key, own in zip(keys[index], types[index])])
        return found


def by_document(sources: Sequence[str]) -> list[range]:
    """Runs of consecutive items with the same source: the documents of a list of
    sentences read from several files (a window never crosses from one to the next)."""
    runs: list[range] = []
    first = 0
    for index in range(1, len(sources) + 1):
        if index == len(sources) or sources[index] != sources[first]:
            runs.append(range(first, index))
            first = index
    return runs


def _count(window: dict[str, Counter[str]], keys: list[str], types: list[str], step: int) -> None:
    for key, entity_type in zip(keys, types):
        if key:
            window.setdefault(key, Counter())[entity_type] += step


def _features(counts: Counter[str] | None, own: str) -> list[str]:
    """Features from the counts of the word's occurrences in the window, itself excluded."""
    others = {entity_type: count - (entity_type == own) for entity_type, count in (counts or {}).items()}
    total = sum(others.values())
    if total <= 0:
        return ["dnone"]
    entities = {entity_type: count for entity_type, count in others.items() if entity_type != OUTSIDE and count > 0}
    if not entities:
        return ["dallO"]
    commonest, count = max(entities.items(), key=lambda item: (item[1], item[0]))
    return [*(f"dany={entity_type}" for entity_type in sorted(entities)), f"dmaj={commonest}", f"dfrac={commonest}:{4 * count // total}"]


def _type(tag: str) -> str:
    return tag[2:] if tag != OUTSIDE and "-" in tag else OUTSIDE


@lru_cache(maxsize=200_000)
def _key(token: str) -> str:
    """The word's match key; empty (no features) for one-letter words and punctuation."""
    key = match_key(token) or normalize(token)
    return key if len(key) >= 2 and any(char.isalpha() for char in key) else ""
