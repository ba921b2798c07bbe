"""The date lexicons (`resources/dates/*.tsv`) as one lookup table, loaded once.

Every entry is stored under its normalised words (`marsad.text.normalize`: alef forms,
ya, ta marbuta, diacritics and digits folded), so «الجمعة», «الجمعه» and «الجُمعة» are
one key.  A phrase may have several words («كانون الثاني», «أول من أمس»); `phrases`
lists, for each first word, every phrase starting with it, longest first, so the
scanner can take the longest match.  One phrase may play several roles («منذ» is an
`ago` marker and a `month_cue`), so a lookup returns every entry for the phrase.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ...text import normalize
from ..tables import parse_field, read_rows

# Entry kinds.  Marker roles (markers.tsv) are kinds too.
MONTH = "month"
WEEKDAY = "weekday"
RELATIVE = "relative"
UNIT = "unit"
QUALIFIER = "qualifier"
CARDINAL = "cardinal"
ORDINAL = "ordinal"
HIJRI = "hijri"
GREGORIAN = "gregorian"
TIME_OF_DAY = "time_of_day"
DAY_WORD = "day_word"
AGO = "ago"
LATER = "later"
OF = "of"
THIS = "this"
SAME = "same"
MONTH_CUE = "month_cue"
YEAR_CUE = "year_cue"
FUTURE_CUE = "future_cue"
TODAY_BEFORE = "today_before"
WEEKDAY_BEFORE = "weekday_before"
NAMED_HEAD = "named_head"
MARKER_ROLES = frozenset(
    {HIJRI, GREGORIAN, TIME_OF_DAY, DAY_WORD, AGO, LATER, OF, THIS, SAME, MONTH_CUE, YEAR_CUE, FUTURE_CUE, TODAY_BEFORE, WEEKDAY_BEFORE, NAMED_HEAD}
)

PAST, CURRENT, FUTURE = "past", "current", "future"
DIRECTIONS = (PAST, CURRENT, FUTURE)
UNITS = ("day", "week", "month", "year")
CALENDARS = ("gregorian", "hijri")


@dataclass(frozen=True)
class Month:
    calendar: str
    number: int
    ambiguous: bool


@dataclass(frozen=True)
class Relative:
    offset: int
    framed: bool  # a date only with a time of day / «يوم» before it or a weekday after it


@dataclass(frozen=True)
class Unit:
    unit: str
    count: int | None  # None: plural, the number is given separately
    definite: bool


@dataclass(frozen=True)
class Entry:
    kind: str
    value: object = None  # Month, int (weekday, number), Relative, Unit, str (direction)


@dataclass
class DateLexicon:
    # first normalised word -> [(words, entries)], longest phrase first
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = field(default_factory=dict)
    # (day, month) -> value, for named events («ثورة 25 يناير»)
    named_dates: dict[tuple[int, int], dt.date] = field(default_factory=dict)

    def longest(self, words: list[str]) -> tuple[int, tuple[Entry, ...]]:
        """(how many of `words` the longest phrase covers, its entries); (0, ()) if none."""
        for phrase, entries in self.phrases.get(words[0], ()):
            if tuple(words[: len(phrase)]) == phrase:
                return len(phrase), entries
        return 0, ()

    def starts_phrase(self, word: str) -> bool:
        return word in self.phrases

    def phrase_length(self, word: str) -> int:
        """Words in the longest phrase starting with `word` (phrases are sorted longest first)."""
        return len(self.phrases[word][0][0])


def key(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


def _months() -> list[tuple[str, Entry]]:
    path = "dates/months.tsv"
    entries = []
    for row in read_rows(path, 4):
        calendar = parse_field(path, row, _one_of(CALENDARS), 0)
        number = parse_field(path, row, _int_between(1, 12), 1)
        ambiguous = parse_field(path, row, _yes_no, 3) or calendar == "hijri"
        entries.append((row.fields[2], Entry(MONTH, Month(calendar, number, ambiguous))))
    return entries


def _weekdays() -> list[tuple[str, Entry]]:
    path = "dates/weekdays.tsv"
    return [(row.fields[1], Entry(WEEKDAY, parse_field(path, row, _int_between(0, 6), 0))) for row in read_rows(path, 2)]


def _relative_days() -> list[tuple[str, Entry]]:
    path = "dates/relative_days.tsv"
    entries = []
    for row in read_rows(path, 3):
        offset = parse_field(path, row, int, 0)
        framed = parse_field(path, row, _one_of(("plain", "framed")), 1) == "framed"
        entries.append((row.fields[2], Entry(RELATIVE, Relative(offset, framed))))
    return entries


def _units() -> list[tuple[str, Entry]]:
    path = "dates/units.tsv"
    entries = []
    for row in read_rows(path, 3):
        unit = parse_field(path, row, _one_of(UNITS), 0)
        count = None if row.fields[1] == "plural" else parse_field(path, row, _int_between(1, 2), 1)
        word = row.fields[2]
        entries.append((word, Entry(UNIT, Unit(unit, count, normalize(word).startswith("ال")))))
    return entries


def _qualifiers() -> list[tuple[str, Entry]]:
    path = "dates/qualifiers.tsv"
    return [(row.fields[1], Entry(QUALIFIER, parse_field(path, row, _one_of(DIRECTIONS), 0))) for row in read_rows(path, 2)]


def _numbers() -> list[tuple[str, Entry]]:
    path = "dates/numbers.tsv"
    entries = []
    for row in read_rows(path, 3):
        kind = parse_field(path, row, _one_of((CARDINAL, ORDINAL)), 0)
        entries.append((row.fields[2], Entry(kind, parse_field(path, row, _int_between(1, 31), 1))))
    return entries


def _markers() -> list[tuple[str, Entry]]:
    path = "dates/markers.tsv"
    return [(row.fields[1], Entry(parse_field(path, row, _one_of(MARKER_ROLES), 0))) for row in read_rows(path, 2)]


def _named_dates() -> dict[tuple[int, int], dt.date]:
    path = "dates/named_dates.tsv"
    named = {}
    for row in read_rows(path, 4):
        day = parse_field(path, row, _int_between(1, 31), 0)
        month = parse_field(path, row, _int_between(1, 12), 1)
        named[(day, month)] = parse_field(path, row, dt.date.fromisoformat, 2)
    return named


@lru_cache(maxsize=1)
def load_lexicon() -> DateLexicon:
    """Every date lexicon, normalised and indexed; built once per process."""
    grouped: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for loader in (_months, _weekdays, _relative_days, _units, _qualifiers, _numbers, _markers):
        for text, entry in loader():
            words = key(text)
            if entry not in grouped[words]:
                grouped[words].append(entry)
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = defaultdict(list)
    for words, entries in grouped.items():
        phrases[words[0]].append((words, tuple(entries)))
    for candidates in phrases.values():
        candidates.sort(key=lambda item: -len(item[0]))
    return DateLexicon(dict(phrases), _named_dates())


def _one_of(choices):
    def parse(value: str) -> str:
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(sorted(choices))}")
        return value

    return parse


def _int_between(low: int, high: int):
    def parse(value: str) -> int:
        number = int(value)
        if not low <= number <= high:
            raise ValueError(f"expected {low}-{high}")
        return number

    return parse


def _yes_no(value: str) -> bool:
    if value not in ("yes", "no"):
        raise ValueError("expected yes or no")
    return value == "yes"


__all__ = ["DateLexicon", "Entry", "Month", "Relative", "Unit", "load_lexicon"]
