"""Who held which office when (offices.tsv): «الرئيس التركي» on 2019-10-21 is Erdoğan.

An `OfficeIndex` answers `holder(office, of, day)`: the person in `office` of `of` (a
country, region or actor, by canonical name) on `day`, or None when nobody the gazetteer
knows held it then, or when two did (a date on a transition day is not guessed).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

OFFICES = frozenset(
    (
        "president", "vice_president", "prime_minister", "king", "emir", "crown_prince", "supreme_leader",
        "defence_minister", "interior_minister", "foreign_minister", "army_chief", "governor",
        "secretary_general", "envoy", "leader", "spokesman",
    )
)


@dataclass(frozen=True)
class Term:
    person: str  # canonical name in persons.tsv
    office: str
    of: str
    start: dt.date
    end: dt.date | None  # None: still in office

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class OfficeIndex:
    terms: dict[tuple[str, str], list[Term]] = field(default_factory=dict)

    def add(self, term: Term) -> None:
        self.terms.setdefault((term.office, term.of), []).append(term)

    def holder(self, office: str, of: str, day: dt.date) -> str | None:
        """The canonical name of the one person in `office` of `of` on `day`."""
        holders = {term.person for term in self.terms.get((office, of), ()) if term.covers(day)}
        return holders.pop() if len(holders) == 1 else None

    def offices_of(self, person: str) -> list[Term]:
        return [term for terms in self.terms.values() for term in terms if term.person == person]


def parse_day(value: str, last: bool = False) -> dt.date:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial date is its first day (its last with `last`)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        day = calendar.monthrange(parts[0], parts[1])[1] if last else 1
        return dt.date(parts[0], parts[1], day)
    return dt.date(*parts)
