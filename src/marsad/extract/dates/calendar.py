"""Calendar arithmetic: Hijri conversion, months, weeks.

Hijri dates convert with the Umm al-Qura calendar (`hijridate`, years 1343-1500 AH,
1924-2077 CE), the calendar Saudi and most Gulf media use; outside that range the
arithmetic Islamic calendar of `convertdate` is used (it can differ by a day or two).
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
from dataclasses import dataclass

from convertdate import islamic
from hijridate import Gregorian, Hijri

UMM_AL_QURA_YEARS = range(1343, 1501)
WEEK_STARTS_ON = 0  # Monday (ISO 8601), so week values compare across sources


@dataclass(frozen=True)
class Interval:
    """A closed range of days."""

    first: dt.date
    last: dt.date

    @property
    def middle(self) -> dt.date:
        return self.first + (self.last - self.first) / 2


class NoSuchDay(ValueError):
    pass


def gregorian_day(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise NoSuchDay(f"{year:04d}-{month:02d} has no day {day}") from None


def hijri_day(year: int, month: int, day: int) -> tuple[dt.date, bool]:
    """(Gregorian date, whether Umm al-Qura was used)."""
    if day > hijri_month_length(year, month):
        raise NoSuchDay(f"Hijri month {month} of {year} has no day {day}")
    if year in UMM_AL_QURA_YEARS:
        return Hijri(year, month, day).to_gregorian(), True
    return dt.date(*islamic.to_gregorian(year, month, day)), False


def hijri_month_length(year: int, month: int) -> int:
    if year in UMM_AL_QURA_YEARS:
        return Hijri(year, month, 1).month_length()
    return islamic.month_length(year, month)


def hijri_month(year: int, month: int) -> Interval:
    first, _ = hijri_day(year, month, 1)
    last, _ = hijri_day(year, month, hijri_month_length(year, month))
    return Interval(first, last)


def hijri_year(year: int) -> Interval:
    return Interval(hijri_month(year, 1).first, hijri_month(year, 12).last)


def to_hijri(day: dt.date) -> tuple[int, int, int]:
    """(year, month, day) in the Hijri calendar."""
    if dt.date(1924, 8, 1) <= day <= dt.date(2077, 11, 16):
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
        return hijri.year, hijri.month, hijri.day
    return islamic.from_gregorian(day.year, day.month, day.day)


def month_interval(year: int, month: int) -> Interval:
    return Interval(dt.date(year, month, 1), dt.date(year, month, _gregorian.monthrange(year, month)[1]))


def year_interval(year: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31))


def add_months(year: int, month: int, steps: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + steps
    return index // 12, index % 12 + 1


def week_of(day: dt.date) -> Interval:
    """The Monday-to-Sunday (ISO) week holding `day`."""
    first = day - dt.timedelta(days=(day.weekday() - WEEK_STARTS_ON) % 7)
    return Interval(first, first + dt.timedelta(days=6))
