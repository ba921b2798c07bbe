"""What goes into the store and what comes out of it.

The service layer builds an `IndexedDocument` (search terms, near-duplicate
signature, index rows with normalised keys) from a Document and its Analysis; the
store only writes and reads these records.  Keys are computed outside the store so
that it never needs the text layer: a key is already normalised when it arrives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..model import Analysis, Document


@dataclass(frozen=True)
class EntityRow:
    type: str
    surface: str
    key: str  # normalised, clitic-stripped surface
    canonical: str | None
    canonical_key: str | None
    kind: str | None
    start: int
    end: int


@dataclass(frozen=True)
class EventRow:
    type: str
    event_type: str
    actor1: str | None
    actor1_key: str | None
    actor2: str | None
    actor2_key: str | None
    location: str | None
    location_key: str | None
    date: str | None
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class QuoteRow:
    speaker: str | None
    speaker_key: str | None
    verb: str | None
    start: int
    end: int


@dataclass(frozen=True)
class TechniqueRow:
    label: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class AnalysisRows:
    """An analysis and its index rows, ready to be written."""

    analysis: Analysis
    entities: list[EntityRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    techniques: list[TechniqueRow] = field(default_factory=list)


@dataclass(frozen=True)
class IndexedDocument:
    """A document with everything the store indexes about it."""

    document: Document
    content_hash: str
    # One tuple of search keys per word, in text order (several readings of one word).
    terms: list[tuple[str, ...]]
    signature: bytes | None  # MinHash values; None when the text is too short to fingerprint
    bands: list[int]  # LSH band hashes of the signature (signed 64-bit)
    analysis: AnalysisRows | None = None


@dataclass(frozen=True)
class Existing:
    """A document already in the store."""

    pk: int
    analysed: bool


@dataclass(frozen=True)
class Neighbour:
    """A stored document that shares an LSH band with a new one."""

    pk: int
    cluster: int
    signature: bytes


@dataclass
class StoredDocument:
    """A document as read back from the store."""

    pk: int
    id: str
    title: str
    text: str
    source: str | None
    url: str | None
    published: dt.date | None
    cluster_id: str  # id of the first-seen document of its near-duplicate cluster
    cluster_pk: int
    ingested_at: str
    analysis: dict[str, Any] | None = None  # the contract JSON, when the document was analysed
    rank: float = 0.0

    def document(self) -> Document:
        return Document(self.id, self.title, self.text, self.source, self.url, self.published)


@dataclass(frozen=True)
class Filters:
    """Conditions on documents.  Names are keys (normalised) prepared by the caller.

    Each entry of `actors` (and of `places`) is the set of keys one name may appear
    under (its canonical name, its aliases, its own spelling); every entry must match.
    `event_types` and `techniques` match if any of theirs does (compared lower-case).
    """

    actors: tuple[tuple[str, ...], ...] = ()
    places: tuple[tuple[str, ...], ...] = ()
    event_types: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None


class Total(NamedTuple):
    """How many match: exact, or (when counting would take longer than the search) a bound."""

    count: int
    exact: bool


@dataclass(frozen=True)
class Count:
    name: str
    documents: int


@dataclass(frozen=True)
class ClusterSummary:
    cluster_id: str
    title: str
    copies: int


@dataclass
class CorpusStats:
    documents: int = 0
    analysed: int = 0
    clusters: int = 0
    copies: int = 0  # documents that are near-duplicates of an earlier one
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    undated: int = 0
    sources: int = 0
    top_sources: list[Count] = field(default_factory=list)
    top_actors: list[Count] = field(default_factory=list)
    top_places: list[Count] = field(default_factory=list)
    largest_clusters: list[ClusterSummary] = field(default_factory=list)
    schema_version: int = 0
    location: str = ""
