"""Turning a parsed expression into a calendar value, against the publication date.

Rules (documented in README "Dates"):

* Explicit dates stand on their own: «20 مارس 2019» is 2019-03-20 whatever the
  publication date.  Hijri dates convert to Gregorian (calendar.py).
* A day and month without a year: «الجاري» takes the publication year; «الماضي» the last
  such day strictly before publication; «المقبل» the next one strictly after; a future
  cue before it («من المقرر») the next one on or after; otherwise the last such day no
  later than publication + `TOLERANCE_DAYS` (news reports the past, and announces the
  next few days).  A month without a day follows the same rules month by month, except
  that with no qualifier it is the nearest such month (ties go to the past): «في سبتمبر»
  is as often announced as reported.
* Relative days («أمس», «أول أمس», «غدًا», «اليوم») count from publication.  A weekday
  alone («الخميس», «يوم الخميس») is the last such day on or before publication;
  «الماضي» strictly before; «المقبل» strictly after (or on/after after a future cue).
* Relative units: «منذ يومين» day; «الشهر الماضي» month; «العام الماضي» year; weeks
  («الأسبوع الماضي», «قبل أسبوعين») are the Monday-Sunday (ISO) week: its Monday is the
  value, precision week, with the exact `earliest`/`latest`.
* A Hijri month or year rarely sits inside one Gregorian month or year: its value is
  the Gregorian month or year holding its middle, and `earliest`/`latest` are exact.
* Conflicts: when an explicit date and the weekday or relative word beside it disagree,
  the explicit date is kept; when a relative word and a weekday disagree («أمس الأربعاء»
  in an article published on a Friday) the weekday is kept (the publication date is
  often the day after writing).  Either way the `note` says so; nothing is dropped.
* «من العام نفسه» after a month takes the year of the last date before it with a
  written year; without one it is read like a month alone.
* Without a publication date, anything that needs one has value and precision null.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from . import calendar as cal
from . import lexicon as lx
from .grammar import DatePart, Expression

TOLERANCE_DAYS = 7
HIJRI_UNMARKED_YEARS = range(1300, 1600)  # «عام 1436» in Gulf media is a Hijri year...
HIJRI_UNMARKED_DISTANCE = 30  # ...when it is within this many years of the publication's Hijri year
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Resolution:
    value: str | None = None
    precision: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    note: str | None = None


UNRESOLVED = Resolution()


class _NeedsAnchor(Exception):
    """The expression is relative and there is no publication date."""


def resolve(expression: Expression, published: dt.date | None, previous_year: int | None = None) -> Resolution:
    """`previous_year`: the year of the last date with a written year before this one
    (for «كانون الأول من العام نفسه»)."""
    if expression.date is not None and expression.date.same_year and previous_year is not None:
        expression = replace(expression, date=replace(expression.date, year=previous_year))
    try:
        return _resolve(expression, published)
    except _NeedsAnchor:
        return UNRESOLVED
    except cal.NoSuchDay as error:
        return Resolution(note=f"no such date: {error}")
    except (OverflowError, ValueError) as error:
        return Resolution(note=f"outside the calendar: {error}")


def _anchor(published: dt.date | None) -> dt.date:
    if published is None:
        raise _NeedsAnchor
    return published


def _resolve(expression: Expression, published: dt.date | None) -> Resolution:
    if expression.date is not None:
        resolution = _date(expression.date, expression, published)
        return _checked_against_words(resolution, expression, published)
    if expression.relative is not None:
        return _relative_day(expression, _anchor(published))
    if expression.weekday is not None:
        anchor = _anchor(published)
        return day_resolution(_weekday(anchor, expression.weekday, expression.weekday_direction, expression.future_hint))
    if expression.shift is not None:
        return _shift(*expression.shift, _anchor(published))
    return UNRESOLVED


# -- building resolutions ---------------------------------------------------------------------


def day_resolution(day: dt.date, note: str | None = None) -> Resolution:
    return Resolution(day.isoformat(), "day", day, day, note)


def month_resolution(year: int, month: int) -> Resolution:
    interval = cal.month_interval(year, month)
    return Resolution(f"{year:04d}-{month:02d}", "month", interval.first, interval.last)


def week_resolution(week: cal.Interval) -> Resolution:
    """A week: its Monday as the value, precision week (docs/conventions.md)."""
    return Resolution(week.first.isoformat(), "week", week.first, week.last)


def year_resolution(year: int) -> Resolution:
    interval = cal.year_interval(year)
    return Resolution(f"{year:04d}", "year", interval.first, interval.last)


def interval_resolution(interval: cal.Interval, precision: str, note: str | None = None) -> Resolution:
    """An interval labelled by the Gregorian month or year holding its middle."""
    middle = interval.middle
    value = f"{middle.year:04d}-{middle.month:02d}" if precision == "month" else f"{middle.year:04d}"
    return Resolution(value, precision, interval.first, interval.last, note)


# -- explicit and partial dates -----------------------------------------------------------------


def _date(part: DatePart, expression: Expression, published: dt.date | None) -> Resolution:
    if part.named is not None:
        return day_resolution(part.named, "the name of a past event, dated from named_dates.tsv")
    if part.month_of_shift is not None:
        anchor = _anchor(published)
        steps = {lx.PAST: -1, lx.CURRENT: 0, lx.FUTURE: 1}[part.month_of_shift]
        year, month = cal.add_months(anchor.year, anchor.month, steps)
        return day_resolution(cal.gregorian_day(year, month, part.day))
    calendar = part.calendar
    if part.year is not None and not part.calendar_marked and part.month is None and _unmarked_hijri(part.year, published):
        calendar = "hijri"
    if calendar == "hijri":
        return _hijri(part, expression, published)
    if part.year is not None:
        if part.day is not None:
            return day_resolution(cal.gregorian_day(part.year, part.month, part.day))
        if part.month is not None:
            return month_resolution(part.year, part.month)
        return year_resolution(part.year)
    anchor = _anchor(published)
    if part.day is not None:
        return day_resolution(_gregorian_day_without_year(part, expression, anchor))
    limit = anchor + dt.timedelta(days=TOLERANCE_DAYS)
    year, month = _month_without_year(part.month, part.direction, expression.future_hint, (anchor.year, anchor.month), (limit.year, limit.month))
    return month_resolution(year, month)


def _unmarked_hijri(year: int, published: dt.date | None) -> bool:
    if year not in HIJRI_UNMARKED_YEARS or published is None:
        return False
    return abs(cal.to_hijri(published)[0] - year) <= HIJRI_UNMARKED_DISTANCE


def _gregorian_day_without_year(part: DatePart, expression: Expression, anchor: dt.date) -> dt.date:
    candidates = []
    for year in range(anchor.year - 8, anchor.year + 2):
        try:
            candidates.append(cal.gregorian_day(year, part.month, part.day))
        except cal.NoSuchDay:
            continue
    if not candidates:
        raise cal.NoSuchDay(f"no year has day {part.day} of month {part.month}")
    return _pick(candidates, part.direction, expression.future_hint, anchor, lambda day: day.year == anchor.year)


def _pick(candidates, direction, future_hint, anchor, is_current):
    """The candidate the direction words point to (candidates in ascending order)."""
    if direction == lx.CURRENT:
        current = [candidate for candidate in candidates if is_current(candidate)]
        if current:
            return current[0]
    if direction == lx.PAST:
        return max(candidate for candidate in candidates if candidate < anchor)
    if direction == lx.FUTURE:
        return min(candidate for candidate in candidates if candidate > anchor)
    if future_hint:
        return min(candidate for candidate in candidates if candidate >= anchor)
    limit = anchor + dt.timedelta(days=TOLERANCE_DAYS)
    return max(candidate for candidate in candidates if candidate <= limit)


def _month_without_year(month, direction, future_hint, now, limit):
    """(year, month) of a month named without a year.

    `now` is the publication's (year, month) and `limit` that of publication + TOLERANCE_DAYS,
    both in the month's own calendar."""
    candidates = [(year, month) for year in range(now[0] - 1, now[0] + 2)]
    if direction == lx.CURRENT:
        return (now[0], month)
    if direction == lx.PAST:
        return max(candidate for candidate in candidates if candidate < now)
    if direction == lx.FUTURE:
        return min(candidate for candidate in candidates if candidate > now)
    if future_hint:
        return min(candidate for candidate in candidates if candidate >= now)
    del limit  # a bare month is as often announced as reported: take the nearest one
    return min(candidates, key=lambda candidate: (abs(_months_between(candidate, now)), _months_between(candidate, now)))


def _months_between(later: tuple[int, int], earlier: tuple[int, int]) -> int:
    return (later[0] - earlier[0]) * 12 + later[1] - earlier[1]


def _hijri(part: DatePart, expression: Expression, published: dt.date | None) -> Resolution:
    year = part.year
    if year is not None and year >= 1700 and part.month is not None:
        year = _hijri_year_of_month_in(part.month, year)  # «رمضان 2019»
    if year is None:
        anchor = _anchor(published)
        now_year, now_month, _ = cal.to_hijri(anchor)
        if part.day is not None:
            return _hijri_day_without_year(part, expression, anchor, now_year)
        limit = cal.to_hijri(anchor + dt.timedelta(days=TOLERANCE_DAYS))[:2]
        year, month = _month_without_year(part.month, part.direction, expression.future_hint, (now_year, now_month), limit)
        return _hijri_month_resolution(year, month)
    if part.day is not None:
        day, umm_al_qura = cal.hijri_day(year, part.month, part.day)
        return day_resolution(day, None if umm_al_qura else _ARITHMETIC_NOTE)
    if part.month is not None:
        return _hijri_month_resolution(year, part.month)
    return interval_resolution(cal.hijri_year(year), "year", None if year in cal.UMM_AL_QURA_YEARS else _ARITHMETIC_NOTE)


_ARITHMETIC_NOTE = "Hijri year outside the Umm al-Qura tables: converted with the arithmetic calendar (may differ by a day or two)"


def _hijri_month_resolution(year: int, month: int) -> Resolution:
    return interval_resolution(cal.hijri_month(year, month), "month", None if year in cal.UMM_AL_QURA_YEARS else _ARITHMETIC_NOTE)


def _hijri_year_of_month_in(month: int, gregorian_year: int) -> int:
    """The Hijri year whose `month` starts in `gregorian_year` (the middle one if two do)."""
    guess = cal.to_hijri(dt.date(gregorian_year, 7, 1))[0]
    for year in (guess, guess - 1, guess + 1):
        if cal.hijri_month(year, month).first.year == gregorian_year:
            return year
    return guess


def _hijri_day_without_year(part: DatePart, expression: Expression, anchor: dt.date, now_year: int) -> Resolution:
    candidates: list[tuple[dt.date, int]] = []
    for year in range(now_year - 1, now_year + 2):
        try:
            candidates.append((cal.hijri_day(year, part.month, part.day)[0], year))
        except cal.NoSuchDay:
            continue
    if not candidates:
        raise cal.NoSuchDay(f"Hijri month {part.month} has no day {part.day}")
    years = dict(candidates)
    chosen = _pick([day for day, _ in candidates], part.direction, expression.future_hint, anchor, lambda day: years[day] == now_year)
    return day_resolution(chosen)


# -- relative days, weekdays and units -------------------------------------------------------------


def _relative_day(expression: Expression, anchor: dt.date) -> Resolution:
    day = anchor + dt.timedelta(days=expression.relative)
    if expression.weekday is None or day.weekday() == expression.weekday:
        return day_resolution(day)
    trusted = _nearest_weekday(day, expression.weekday)
    if day <= anchor < trusted:
        trusted -= dt.timedelta(days=7)  # «أمس الجمعة» told on a Wednesday: a past Friday, not the next one
    note = (
        f"the text names {WEEKDAY_NAMES[expression.weekday]}, but counted from publication ({anchor.isoformat()}) "
        f"the relative day is {day.isoformat()}, a {WEEKDAY_NAMES[day.weekday()]}: the weekday is kept"
    )
    return day_resolution(trusted, note)


def _nearest_weekday(day: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - day.weekday()) % 7
    return day + dt.timedelta(days=ahead) if ahead <= 3 else day - dt.timedelta(days=7 - ahead)


def _weekday(anchor: dt.date, weekday: int, direction: str | None, future_hint: bool) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == lx.PAST:
        return anchor - dt.timedelta(days=back or 7)
    if direction == lx.FUTURE:
        return anchor + dt.timedelta(days=ahead or 7)
    if future_hint:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _shift(unit: str, steps: int, anchor: dt.date) -> Resolution:
    if unit == "day":
        return day_resolution(anchor + dt.timedelta(days=steps))
    if unit == "week":
        return week_resolution(cal.week_of(anchor + dt.timedelta(weeks=steps)))
    if unit == "month":
        return month_resolution(*cal.add_months(anchor.year, anchor.month, steps))
    return year_resolution(anchor.year + steps)


def _checked_against_words(resolution: Resolution, expression: Expression, published: dt.date | None) -> Resolution:
    """Note (never hide) a weekday or relative word that disagrees with an explicit date."""
    if resolution.precision != "day" or resolution.value is None:
        return resolution
    day = dt.date.fromisoformat(resolution.value)
    notes = [resolution.note] if resolution.note else []
    if expression.weekday is not None and day.weekday() != expression.weekday:
        notes.append(
            f"the text names {WEEKDAY_NAMES[expression.weekday]}, but {day.isoformat()} is a "
            f"{WEEKDAY_NAMES[day.weekday()]}: the explicit date is kept"
        )
    if expression.relative is not None and published is not None:
        counted = published + dt.timedelta(days=expression.relative)
        if counted != day:
            notes.append(
                f"counted from publication ({published.isoformat()}) the relative day is {counted.isoformat()}: "
                "the explicit date is kept"
            )
    return replace(resolution, note="; ".join(notes) or None)
