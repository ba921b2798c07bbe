"""How well an Arabic town name the gazetteer lacks is found by its spelling.

`marsad.extract.gazetteer.spelling` matches an Arabic name to a GeoNames town of a known
country through their consonant skeletons.  This measures it on names whose answer is
known: the Arabic aliases of the GeoNames towns in resources/gazetteer/places.tsv (GeoNames
gives those towns both spellings).  Two figures:

* found / right: of the aliases whose town is in the spelling index, how many resolve to
  one town, and how many of those to the right one (same canonical, or a town within
  5 km: GeoNames lists some places twice);
* stray: the aliases of one country looked up in a neighbouring country's towns, where
  their town is not; every resolution there is wrong (or a namesake).

    python benchmarks/place_spelling.py
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from marsad.extract.events.places import km_between
from marsad.extract.gazetteer.entry import Entry
from marsad.extract.gazetteer.spelling import load_spelling_index
from marsad.extract.gazetteer.store import load_gazetteer

NEIGHBOURS = [
    ("Syria", "Iraq"), ("Iraq", "Syria"), ("Nigeria", "Niger"), ("Mali", "Burkina Faso"), ("Somalia", "Kenya"),
    ("Afghanistan", "Pakistan"), ("Yemen", "Saudi Arabia"), ("Libya", "Tunisia"), ("Egypt", "Sudan"), ("Algeria", "Morocco"),
]


def known_towns() -> dict[str, list[tuple[str, Entry]]]:
    """(Arabic alias, entry) of every GeoNames town of the index's countries, by country."""
    gazetteer = load_gazetteer()
    countries = {country for country, _ in load_spelling_index().towns}
    towns = defaultdict(list)
    for alias in gazetteer.aliases.values():
        for entry in alias.entries:
            if entry.kind == "town" and entry.country in countries and entry.lat is not None:
                towns[entry.country].append((alias.text, entry))
    return towns


def main() -> None:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    index = load_spelling_index()
    towns = known_towns()
    tally = Counter()
    for country, pairs in towns.items():
        for alias, entry in pairs:
            if len(alias.replace(" ", "")) < 4:
                continue
            tally["aliases"] += 1
            found = index.resolve(alias, country)
            if found is None:
                continue
            tally["found"] += 1
            tally["right"] += found.canonical == entry.canonical or km_between(found, entry) <= 5
    print(f"aliases of known towns: {tally['aliases']}; resolved to one town: {tally['found']} "
          f"({tally['found'] / tally['aliases']:.1%}); right: {tally['right']} ({tally['right'] / max(1, tally['found']):.1%} of resolved)")
    print("stray lookups (a country's town names among its neighbour's towns):")
    strays = looked = 0
    for home, other in NEIGHBOURS:
        names = {alias for alias, _ in towns.get(home, []) if len(alias.replace(" ", "")) >= 4}
        stray = sum(index.resolve(name, other) is not None for name in names)
        strays, looked = strays + stray, looked + len(names)
        print(f"  {home:<12} in {other:<13} {stray:>4} of {len(names):>5} ({stray / max(1, len(names)):.1%})")
    print(f"  all          {strays:>4} of {looked:>5} ({strays / max(1, looked):.1%})")


if __name__ == "__main__":
    main()
