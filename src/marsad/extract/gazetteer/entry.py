"""What the gazetteer knows about one actor, person or place."""

from __future__ import annotations

from dataclasses import dataclass

PLACE_KINDS = frozenset(("country", "region", "admin1", "town", "camp", "military_base"))
PERSON = "person"
# Candidates for one alias are tried in this order (then by population).
_KIND_PRIORITY = {"country": 0, "admin1": 1, "region": 2, "town": 3, "camp": 4, "military_base": 5}


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
