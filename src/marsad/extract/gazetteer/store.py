"""Loading the gazetteer files into one `Gazetteer`, built once per process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ...errors import Errors, MarsadError
from ...text import tokenize
from .entry import PERSON, Entry
from .keys import alias_keys, english_key, readings
from .offices import OFFICES, OfficeIndex, Term, parse_day
from .phrases import PhraseMatch, PhraseMatcher
from .tables import read_table, resource_path

ACTOR_COLUMNS = ("alias", "canonical", "canonical_ar", "kind", "parent", "country")
PERSON_COLUMNS = ("alias", "canonical", "canonical_ar", "role", "affiliation")
PLACE_COLUMNS = ("alias", "canonical", "canonical_ar", "kind", "country", "admin1", "lat", "lon", "population", "source")
OFFICE_COLUMNS = ("person", "office", "of", "from", "to")
ENGLISH_COLUMNS = ("name", "canonical")
PLACE_ENGLISH_COLUMNS = ("name", "canonical", "country")
DEMONYM_COLUMNS = ("form", "place")
AMBIGUOUS_COLUMNS = ("alias", "rule", "note")
RULES = frozenset(("drop", "quoted", "context", "place_noun", "no_adjective_after", "named_before", "no_definite_before", "after_title"))
# GeoNames towns smaller than this need a place noun before them (rule `place_noun`),
# and so do towns below MIDDLE_TOWN whose Arabic name is one short word: transliterated
# foreign names of four letters or fewer are often Arabic words («كان» Cannes, «وان» Van).
SMALL_TOWN = 50_000
MIDDLE_TOWN = 1_000_000
SHORT_NAME = 4
# A kunya written «أبو» is also «أبي» (genitive) and «أبا» (accusative).
_KUNYA_CASES = ("أبو ", "أبي ", "أبا ")


@dataclass(frozen=True)
class Alias:
    """One matchable name: its candidates (best first) and the rule that guards it."""

    text: str
    entries: tuple[Entry, ...]
    rule: str | None = None

    @property
    def entry(self) -> Entry:
        return self.entries[0]


@dataclass
class Gazetteer:
    """Actors, persons and places with their Arabic aliases, and demonyms.

    `resolve(name)` finds the entry for any alias or canonical name; `entry(canonical)`
    the entry of a canonical name; `demonym(word)` the place an adjective points to;
    `find(word_readings)` every alias occurrence in a document's words.
    """

    entries: dict[str, list[Entry]] = field(default_factory=dict)  # canonical -> entries
    aliases: dict[tuple[str, ...], Alias] = field(default_factory=dict)
    demonyms: dict[str, Entry] = field(default_factory=dict)
    matcher: PhraseMatcher[Alias] | None = None
    arabic_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canonical -> aliases
    english: dict[str, list[Entry]] = field(default_factory=dict)  # english_key -> entries, best first
    offices: OfficeIndex = field(default_factory=OfficeIndex)

    def entry(self, canonical: str, country: str | None = None) -> Entry | None:
        """The entry named `canonical` (in `country`, when several places share the name);
        English names are matched as docs/conventions.md says (case, diacritics, hyphens
        folded) and English aliases count («ISIS», «Ra's al 'Ayn»)."""
        found = self.entries.get(canonical) or self.english.get(english_key(canonical), [])
        if country is not None:
            found = [entry for entry in found if entry.country == country]
        return found[0] if found else None

    def holder(self, office: str, of: str, day: dt.date) -> Entry | None:
        """The person in `office` («foreign_minister») of `of` («France») on `day`."""
        person = self.offices.holder(office, of, day)
        return self.entry(person) if person else None

    def names(self, canonical: str) -> tuple[str, ...]:
        """The Arabic aliases of a canonical name, as written in the gazetteer files."""
        return self.arabic_names.get(canonical, ())

    def resolve(self, name: str) -> Entry | None:
        """The entry for an Arabic alias (clitics and spelling variants handled) or an
        English canonical name; None when the gazetteer does not know the name."""
        name = name.strip()
        if not name:
            return None
        english = self.entry(name)
        if english is not None:
            return english
        tokens = [token for token in tokenize(name) if token.kind in ("arabic", "word", "number")]
        for match in self.find([readings(token.text) for token in tokens]):
            if match.first == 0 and match.last == len(tokens) - 1:
                return match.values[0].entry
        return None

    def demonym(self, word: str) -> Entry | None:
        """The place a demonym or relational adjective points to («السورية» -> Syria)."""
        for key, _ in readings(word.strip()):
            if key in self.demonyms:
                return self.demonyms[key]
        return None

    def find(self, word_readings) -> list[PhraseMatch[Alias]]:
        """Alias occurrences in a sequence of word readings (see keys.readings)."""
        return self.matcher.find(word_readings) if self.matcher else []

    def find_words(self, words) -> list[PhraseMatch[Alias]]:
        """Alias occurrences in a document's words (objects with .text and .readings)."""
        return self.matcher.find_words(words) if self.matcher else []


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer from src/marsad/resources/gazetteer/, loaded once and cached."""
    builder = _Builder()
    builder.add_actors()
    builder.add_persons()
    builder.add_places()
    gazetteer = builder.build()
    gazetteer.english = _english_names(gazetteer, builder.by_canonical)
    gazetteer.offices = _offices(gazetteer)
    return gazetteer


class _Builder:
    def __init__(self) -> None:
        self.by_canonical: dict[str, list[Entry]] = {}
        self.named: list[tuple[str, Entry]] = []  # (alias, entry) in file order
        self.context_only: set[tuple[str, Entry]] = set()  # GeoNames (alias, town) pairs

    def _register(self, path, number: int, alias: str, entry: Entry) -> None:
        known = self.by_canonical.setdefault(entry.canonical, [])
        twin = next((old for old in known if old == entry), None)
        if twin is None:
            clash = next((old for old in known if not (old.is_place and entry.is_place)), None) if known else None
            if clash is not None:
                raise MarsadError(Errors.M102, path=path, canonical=entry.canonical, reason=f"line {number}: {entry.kind} vs {clash.kind}")
            known.append(entry)
            twin = entry
        self.named.append((alias, twin))

    def add_actors(self) -> None:
        path = resource_path("actors.tsv")
        for number, row in read_table(path, ACTOR_COLUMNS):
            entry = Entry(row["canonical"], row["canonical_ar"], row["kind"], row["parent"] or None, row["country"] or None)
            self._register(path, number, row["alias"], entry)
        self._check_parents(path)

    def _check_parents(self, path) -> None:
        for entries in self.by_canonical.values():
            for entry in entries:
                if entry.parent and entry.parent not in self.by_canonical:
                    raise MarsadError(Errors.M103, path=path, line="-", value=entry.parent, what="a parent actor")

    def add_persons(self) -> None:
        path = resource_path("persons.tsv")
        for number, row in read_table(path, PERSON_COLUMNS):
            entry = Entry(
                row["canonical"], row["canonical_ar"], PERSON,
                role=row["role"] or None, affiliation=row["affiliation"] or None,
            )
            for alias in _kunya_forms(row["alias"]):
                self._register(path, number, alias, entry)

    def add_places(self) -> None:
        path = resource_path("places.tsv")
        for number, row in read_table(path, PLACE_COLUMNS):
            try:
                lat = float(row["lat"]) if row["lat"] else None
                lon = float(row["lon"]) if row["lon"] else None
                population = int(row["population"]) if row["population"] else None
            except ValueError as error:
                raise MarsadError(Errors.M101, path=path, line=number, reason=str(error)) from None
            entry = Entry(
                row["canonical"], row["canonical_ar"], row["kind"], None, row["country"] or None,
                row["admin1"] or None, lat, lon, population,
            )
            self._register(path, number, row["alias"], entry)
            if row["source"] == "geonames" and _needs_context(row["alias"], population or 0):
                self.context_only.add((row["alias"], entry))
            elif row["source"] == "capital" and " " not in row["alias"] and len(row["alias"]) <= SHORT_NAME:
                self.context_only.add((row["alias"], entry))  # «اتن» (Athens) is also ف + «اتن» in «فاتن»

    def build(self) -> Gazetteer:
        rules = _ambiguity_rules()
        grouped: dict[tuple[str, ...], list[tuple[str, Entry]]] = {}
        for alias, entry in self.named:
            grouped.setdefault(alias_keys(alias), []).append((alias, entry))
        aliases: dict[tuple[str, ...], Alias] = {}
        for keys, named in grouped.items():
            entries = _ranked(entry for _, entry in named)
            rule = rules.get(keys)
            if rule is None and all(pair in self.context_only for pair in named):
                rule = "place_noun"
            aliases[keys] = Alias(named[0][0], entries, rule)
        arabic_names: dict[str, list[str]] = {}
        for alias, entry in self.named:
            known = arabic_names.setdefault(entry.canonical, [])
            if alias not in known:
                known.append(alias)
        gazetteer = Gazetteer(
            entries={canonical: list(_ranked(entries)) for canonical, entries in self.by_canonical.items()},
            aliases=aliases,
            matcher=PhraseMatcher((keys, alias) for keys, alias in aliases.items() if alias.rule != "drop"),
            arabic_names={canonical: tuple(names) for canonical, names in arabic_names.items()},
        )
        gazetteer.demonyms = _demonyms(gazetteer)
        return gazetteer


def _needs_context(alias: str, population: int) -> bool:
    """Small GeoNames towns, and one-word names below a million people that are short or
    definite («الجديد», «العين», «الخميس» are words before they are towns)."""
    if population < SMALL_TOWN:
        return True
    one_word = " " not in alias
    return one_word and population < MIDDLE_TOWN and (len(alias) <= SHORT_NAME or alias.startswith("ال"))


def _kunya_forms(alias: str) -> list[str]:
    for case in _KUNYA_CASES:
        if alias.startswith(case):
            rest = alias[len(case) :]
            return [other + rest for other in _KUNYA_CASES]
    return [alias]


def _ranked(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Actors and persons first (file order), then places by kind and population."""
    unique = list(dict.fromkeys(entries))
    others = [entry for entry in unique if not entry.is_place]
    places = sorted((entry for entry in unique if entry.is_place), key=Entry.priority)
    return tuple(others + places)


def _ambiguity_rules() -> dict[tuple[str, ...], str]:
    path = resource_path("ambiguous.tsv")
    rules: dict[tuple[str, ...], str] = {}
    for number, row in read_table(path, AMBIGUOUS_COLUMNS):
        if row["rule"] not in RULES:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"unknown rule {row['rule']!r}; use one of {sorted(RULES)}")
        rules[alias_keys(row["alias"])] = row["rule"]
    return rules


def _demonyms(gazetteer: Gazetteer) -> dict[str, Entry]:
    path = resource_path("demonyms.tsv")
    found: dict[str, Entry] = {}
    for number, row in read_table(path, DEMONYM_COLUMNS):
        place = gazetteer.entry(row["place"])
        if place is None or not place.is_place:
            raise MarsadError(Errors.M103, path=path, line=number, value=row["place"], what="a place")
        found[readings(row["form"])[0][0]] = place
    return found


def _english_names(gazetteer: Gazetteer, by_canonical: dict[str, list[Entry]]) -> dict[str, list[Entry]]:
    """english_key -> entries: every canonical name, then the hand-written English aliases
    (english_names.tsv), then the GeoNames spellings of places (place_names_en.tsv)."""
    found: dict[str, list[Entry]] = {}

    def add(name: str, entries: list[Entry]) -> None:
        known = found.setdefault(english_key(name), [])
        known.extend(entry for entry in entries if entry not in known)

    for canonical, entries in by_canonical.items():
        add(canonical, _ranked(entries))
    path = resource_path("english_names.tsv")
    for number, row in read_table(path, ENGLISH_COLUMNS):
        entries = by_canonical.get(row["canonical"])
        if not entries:
            raise MarsadError(Errors.M103, path=path, line=number, value=row["canonical"], what="a canonical name")
        add(row["name"], _ranked(entries))
    path = resource_path("place_names_en.tsv")
    for number, row in read_table(path, PLACE_ENGLISH_COLUMNS):
        entries = [entry for entry in by_canonical.get(row["canonical"], []) if entry.country == (row["country"] or None)]
        if not entries:
            raise MarsadError(Errors.M103, path=path, line=number, value=row["canonical"], what="a place")
        add(row["name"], entries)
    return found


def _offices(gazetteer: Gazetteer) -> OfficeIndex:
    path = resource_path("offices.tsv")
    index = OfficeIndex()
    for number, row in read_table(path, OFFICE_COLUMNS):
        person = gazetteer.entries.get(row["person"], [])
        if not any(entry.kind == PERSON for entry in person):
            raise MarsadError(Errors.M103, path=path, line=number, value=row["person"], what="a person of persons.tsv")
        if row["office"] not in OFFICES:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"unknown office {row['office']!r}; use one of {sorted(OFFICES)}")
        if row["of"] not in gazetteer.entries:
            raise MarsadError(Errors.M103, path=path, line=number, value=row["of"], what="a country, region or actor")
        try:
            start = parse_day(row["from"])
            end = parse_day(row["to"], last=True) if row["to"] else None
        except ValueError as error:
            raise MarsadError(Errors.M101, path=path, line=number, reason=f"dates are YYYY, YYYY-MM or YYYY-MM-DD ({error})") from None
        if end is not None and end < start:
            raise MarsadError(Errors.M101, path=path, line=number, reason="`to` is before `from`")
        index.add(Term(row["person"], row["office"], row["of"], start, end))
    return index
