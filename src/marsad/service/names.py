"""Actor and place names for filters: what an analyst types -> the keys the index holds.

`--actor داعش` must find articles that only say «تنظيم الدولة»: both resolve to the
canonical name "Islamic State" in the entities gazetteer, and the entity index holds
canonical names.  The resolver is a hook: `gazetteer_resolver()` uses
`marsad.extract.gazetteer` as soon as that module is installed (the entities
analyser), and any callable name -> canonical names can be passed instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..store import Filters
from .keys import name_key

# A name as typed -> the canonical names it may be stored under («داعش» -> ["Islamic State"]).
NameResolver = Callable[[str], Iterable[str]]


@lru_cache(maxsize=1)
def gazetteer_resolver() -> NameResolver | None:
    """Resolves names through the entities gazetteer once that analyser is installed."""
    try:
        from ..extract.gazetteer import load_gazetteer  # type: ignore[import-not-found]
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith("marsad"):
            return None
        raise
    return resolver_for(load_gazetteer())


MAX_DESCENDANTS = 1_000


def resolver_for(gazetteer) -> NameResolver:
    """A resolver over a gazetteer (`resolve(name) -> Entry | None`, entries with `parent`):
    a name gives its canonical name and those of the entries below it, so that "Islamic
    State" also finds «ولاية سيناء» (Islamic State Sinai Province, parent Islamic State)."""
    children: dict[str, set[str]] = {}
    for entries in getattr(gazetteer, "entries", {}).values():
        for entry in entries if isinstance(entries, (list, tuple)) else [entries]:
            if getattr(entry, "parent", None):
                children.setdefault(entry.parent, set()).add(entry.canonical)

    def resolve(name: str) -> list[str]:
        entry = gazetteer.resolve(name)
        if entry is None or not entry.canonical:
            return []
        found = [entry.canonical]
        for canonical in found:  # grows while it is walked: every descendant, once
            for child in sorted(children.get(canonical, ())):
                if child not in found and len(found) < MAX_DESCENDANTS:
                    found.append(child)
        return found

    return resolve


def name_keys(name: str, resolver: NameResolver | None) -> tuple[str, ...]:
    """Every key a name may be indexed under: its own spelling and what it resolves to."""
    names = [name] + list(resolver(name) if resolver else [])
    return tuple(dict.fromkeys(key for key in (name_key(n) for n in names) if key))


def build_filters(
    actors: Sequence[str] = (),
    places: Sequence[str] = (),
    event_types: Sequence[str] = (),
    techniques: Sequence[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    resolver: NameResolver | None = None,
) -> Filters:
    resolver = resolver if resolver is not None else gazetteer_resolver()
    return Filters(
        actors=tuple(name_keys(name, resolver) for name in actors if name.strip()),
        places=tuple(name_keys(name, resolver) for name in places if name.strip()),
        event_types=tuple(t.strip() for t in event_types if t.strip()),
        techniques=tuple(t.strip() for t in techniques if t.strip()),
        since=since,
        until=until,
    )
