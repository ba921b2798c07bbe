"""Publication dates as sources write them, to a `datetime.date`.

Readers meet ISO dates and timestamps (`2019-03-21`, `2019-03-21T10:00:00+03:00`),
RFC 2822 dates from feeds and e-mail (`Thu, 21 Mar 2019 10:00:00 GMT`), day-first
numeric dates (`21/03/2019`, the Arab world's habit; month-first only when the day
cannot be a month), dates with month names (`21 مارس 2019`, `21 آذار 2019`,
`March 21, 2019`), Unix timestamps (seconds or milliseconds) and Arabic-Indic digits.
The date is the one written at the source (its local date), not converted to UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import lru_cache
from importlib import resources

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s_])")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:$|[T\s,])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIMESTAMP = re.compile(r"^\d{9,13}(?:\.\d+)?$")
_WORDS = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?", re.UNICODE)
_NUMBERS = re.compile(r"\d+")
_DAY_NAMES = re.compile(r"^\s*[^\W\d_]+[،,]\s*")  # "الخميس، " / "Thursday, "


def parse_published(value: object) -> dt.date | None:
    """A publication date, None for an empty value; ValueError when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        return _from_timestamp(float(value))
    text = str(value).strip().translate(_DIGITS)
    if not text:
        return None
    for parse in (_iso, _numeric, _compact, _timestamp, _rfc2822, _with_month_name):
        date = parse(text)
        if date is not None:
            return date
    raise ValueError(f"not a date: {value!r}")


def _iso(text: str) -> dt.date | None:
    match = _ISO.match(text)
    return _date(int(match[1]), int(match[2]), int(match[3])) if match else None


def _numeric(text: str) -> dt.date | None:
    match = _NUMERIC.match(text)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if first <= 12 < second:  # 03/21/2019 can only be month-first
        return _date(year, first, second)
    return _date(year, second, first)


def _compact(text: str) -> dt.date | None:
    match = _COMPACT.match(text)
    return _date(int(match[1]), int(match[2]), int(match[3])) if match else None


def _timestamp(text: str) -> dt.date | None:
    return _from_timestamp(float(text)) if _TIMESTAMP.match(text) else None


def _from_timestamp(seconds: float) -> dt.date:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"not a timestamp: {seconds!r}") from None


def _rfc2822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _with_month_name(text: str) -> dt.date | None:
    """`21 مارس 2019`, `الخميس، 21 آذار 2019`, `March 21, 2019`, `21 Mar 2019 10:00`."""
    text = _DAY_NAMES.sub("", text)
    months = _month_names()
    month = None
    for match in _WORDS.finditer(text):
        words = match.group(0).casefold()
        month = months.get(words) or months.get(words.split()[0])
        if month:
            break
    if month is None:
        return None
    numbers = [int(n) for n in _NUMBERS.findall(text)]
    years = [n for n in numbers if 1000 <= n <= 9999]
    days = [n for n in numbers if 1 <= n <= 31]
    if not years or not days:
        return None
    return _date(years[0], month, days[0])


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    table = resources.files("marsad").joinpath("resources/ingest/month_names.tsv").read_text(encoding="utf-8")
    names: dict[str, int] = {}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            number, name = line.split("\t")
            names[name.strip().casefold()] = int(number)
    return names
