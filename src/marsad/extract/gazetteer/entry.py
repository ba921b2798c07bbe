"""What the gazetteer knows about one actor, person or place."""

from __future__ import annotations

from dataclasses import dataclass

PLACE_KINDS = frozenset(
    ("country", "region", "admin1", "town", "district", "village", "camp", "military_base", "site", "facility", "river", "sea")
)
PERSON = "person"
# Candidates for one alias are tried in this order (then by population): a name shared by a
# town and its region («إدلب», «الحديدة») is the town unless a head noun says otherwise
# («محافظة إدلب», see place_heads.tsv).
_KIND_PRIORITY = {
    "country": 0, "town": 1, "admin1": 2, "region": 3, "district": 4, "village": 5, "camp": 6,
    "military_base": 7, "site": 8, "facility": 9, "river": 10, "sea": 11,
}


def entity_type(kind: str) -> str:
    """PER, LOC or ORG for a gazetteer kind."""
    if kind == PERSON:
        return "PER"
    if kind in PLACE_KINDS:
        return "LOC"
    return "ORG"


@dataclass(frozen=True)
class Entry:
    canonical: str
    canonical_ar: str
    kind: str
    parent: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    role: str | None = None  # persons
    affiliation: str | None = None  # persons: an actor's canonical name or a country

    @property
    def type(self) -> str:
        return entity_type(self.kind)

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    def priority(self) -> tuple[int, int]:
        return _KIND_PRIORITY.get(self.kind, 9), -(self.population or 0)
