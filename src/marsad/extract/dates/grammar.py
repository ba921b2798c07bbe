"""The date grammar: runs of neighbouring pieces read as date expressions.

A full expression is one span, read left to right in this order (every part optional,
but there must be a relative day, a weekday, a date or a relative unit):

    [time of day] [«يوم»] [relative day] [weekday [qualifier] | «(» weekday «)»] [«،»] [date]

    «فجر اليوم», «أمس الأربعاء 20 مارس الجاري», «أول أمس الثلاثاء», «الجمعة الماضية»,
    «مساء يوم الخميس», «اليوم (الاثنين)», «الخميس، 21 مارس 2019»

where a date is one of

    day month [year [calendar]] [qualifier]   «20 مارس 2019», «15 رجب 1440 هـ», «التاسع من يوليو»
    day [«من»] «الشهر» qualifier              «العاشر من الشهر الجاري»
    [«شهر»] month (year [calendar] | qualifier) «مارس 2019», «شهر رمضان الماضي», «سبتمبر (أيلول) 2015»
    [«شهر»] month                              after a cue word: «في أبريل» (not «مارس», which is also a verb)
    d/m/yyyy, yyyy-mm-dd, d.m.yyyy [calendar]  «20/3/2019», «16 / 9 / 1436هـ»
    year-word year [calendar]                  «عام 2017», «لعام 1436هـ»
    year calendar                              «2017م», «1436هـ»
    year                                       after a cue word, not followed by a word: «منذ 2014.»

or, alone, a relative unit: «منذ يومين», «قبل ثلاثة أيام», «الأسبوع الماضي», «هذا العام».
The grammar only says what the words say; `resolve` turns it into a calendar date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ...text.tokenize import ARABIC
from . import lexicon as lx
from ..words import readings
from .scan import Piece, Scan

DAY_DIGITS = 2
BARE_YEARS = range(1900, 2100)  # a year with no cue word but «في/منذ»
CONTEXT_WORDS = 5  # how far back a future cue («من المقرر») is looked for
_NOT_ANCHORED_AFTER = frozenset({"من", "على"})  # «قبل يومين من الانتخابات»: not relative to publication


@dataclass
class DatePart:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    calendar: str = "gregorian"
    calendar_marked: bool = False  # «هـ» or «م» written after the year
    direction: str | None = None  # qualifier after a day-month or month
    month_of_shift: str | None = None  # «20 من الشهر الجاري»: the month is a relative unit
    named: dt.date | None = None  # a day-month naming a past event
    same_year: bool = False  # «من العام نفسه»: the year of the date mentioned before


@dataclass
class Expression:
    first: int  # piece indices in `run`, inclusive
    last: int
    run: list[Piece] = field(repr=False)
    time_of_day: bool = False
    day_word: bool = False
    relative: int | None = None  # days from publication («أمس» -1)
    weekday: int | None = None  # 0 = Monday
    weekday_direction: str | None = None
    date: DatePart | None = None
    shift: tuple[str, int] | None = None  # («week», -1) for «الأسبوع الماضي»
    future_hint: bool = False

    @property
    def start(self) -> int:
        return self.run[self.first].start

    @property
    def end(self) -> int:
        return self.run[self.last].end


def parse(scan: Scan, lexicon: lx.DateLexicon) -> list[Expression]:
    reader = _Reader(scan, lexicon)
    expressions: list[Expression] = []
    for run in _runs(scan):
        index = 0
        while index < len(run):
            expression = reader.expression(run, index) if run[index].can_start else None
            if expression is None:
                index += 1
                continue
            expressions.append(expression)
            index = expression.last + 1
    return expressions


def _runs(scan: Scan) -> list[list[Piece]]:
    """Maximal runs of pieces that touch (consecutive tokens of one sentence)."""
    runs: list[list[Piece]] = []
    for piece in scan.pieces:
        if runs and scan.adjacent(runs[-1][-1], piece):
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _at(run: list[Piece], index: int, kind: str) -> Piece | None:
    if 0 <= index < len(run) and run[index].has(kind):
        return run[index]
    return None


def _punct(run: list[Piece], index: int) -> str | None:
    return run[index].punct if 0 <= index < len(run) else None


def _number(run: list[Piece], index: int) -> Piece | None:
    if 0 <= index < len(run) and run[index].number is not None:
        return run[index]
    return None


class _Reader:
    def __init__(self, scan: Scan, lexicon: lx.DateLexicon) -> None:
        self.scan = scan
        self.lexicon = lexicon

    # -- context outside the expression -------------------------------------------------

    def _word_roles(self, token: int) -> tuple[lx.Entry, ...]:
        if not 0 <= token < len(self.scan.tokens) or self.scan.kind(token) != ARABIC:
            return ()
        for _, word in readings(self.scan.word(token)):
            length, entries = self.lexicon.longest([word])
            if length:
                return entries
        return ()

    def _before_has(self, piece: Piece, kind: str) -> bool:
        """Whether the token just before `piece` (same sentence) plays role `kind`."""
        token = piece.first - 1
        if token < 0 or self.scan.sentence(token) != piece.sentence:
            return False
        return any(entry.kind == kind for entry in self._word_roles(token))

    def _definite_word_before(self, piece: Piece) -> bool:
        token = piece.first - 1
        if token < 0 or self.scan.kind(token) != ARABIC or self.scan.sentence(token) != piece.sentence:
            return False
        word = self.scan.word(token)
        return word.startswith(("ال", "وال", "بال", "لل")) and not any(
            entry.kind == lx.WEEKDAY for entry in self._word_roles(token)
        )

    def _definite_word_after(self, piece: Piece) -> bool:
        token = piece.last + 1
        if token >= len(self.scan.tokens) or self.scan.kind(token) != ARABIC or self.scan.sentence(token) != piece.sentence:
            return False
        return self.scan.word(token).startswith("ال")

    def _word_after(self, piece: Piece) -> str | None:
        token = piece.last + 1
        if token >= len(self.scan.tokens) or self.scan.sentence(token) != piece.sentence:
            return None
        return self.scan.word(token) if self.scan.kind(token) == ARABIC else None

    def _future_cue_before(self, piece: Piece) -> bool:
        for token in range(piece.first - 1, max(piece.first - 1 - CONTEXT_WORDS, -1), -1):
            if self.scan.sentence(token) != piece.sentence:
                return False
            if any(entry.kind == lx.FUTURE_CUE for entry in self._word_roles(token)):
                return True
        return False

    # -- the expression ---------------------------------------------------------------------

    def expression(self, run: list[Piece], first: int) -> Expression | None:
        found = self._anchored(run, first)
        if found is None:
            found = self._shift(run, first)
        if found is None:
            return None
        if (found.date is not None and found.date.year is None) or found.weekday is not None:
            found.future_hint = self._future_cue_before(run[first])
        return found

    def _anchored(self, run: list[Piece], first: int) -> Expression | None:
        expression = Expression(first, first - 1, run)
        index = first
        if _at(run, index, lx.TIME_OF_DAY):
            expression.time_of_day, index = True, index + 1
        if _at(run, index, lx.DAY_WORD):
            expression.day_word, index = True, index + 1
        relative = _at(run, index, lx.RELATIVE)
        if relative is not None:
            expression.relative, index = relative.get(lx.RELATIVE).offset, index + 1
            if _at(run, index, lx.DAY_WORD):  # «أمس يوم الأربعاء»
                index += 1
        index = self._weekday(run, index, expression)
        core_end = index
        if (expression.relative is not None or expression.weekday is not None) and _punct(run, index) in ("،", ","):
            index += 1
        date = self._date(run, index, expression)
        if date is not None:
            expression.date, index = date
            core_end = index
        expression.last = core_end - 1
        if not self._acceptable(run, expression):
            return None
        return expression

    def _weekday(self, run: list[Piece], index: int, expression: Expression) -> int:
        weekday = _at(run, index, lx.WEEKDAY)
        if weekday is not None:
            expression.weekday, index = weekday.get(lx.WEEKDAY), index + 1
            qualifier = _at(run, index, lx.QUALIFIER)
            if qualifier is not None:
                expression.weekday_direction, index = qualifier.get(lx.QUALIFIER), index + 1
            return index
        if _punct(run, index) == "(" and _at(run, index + 1, lx.WEEKDAY) and _punct(run, index + 2) == ")":
            if expression.relative is not None:  # «اليوم (الاثنين)»
                expression.weekday = run[index + 1].get(lx.WEEKDAY)
                return index + 3
        return index

    def _acceptable(self, run: list[Piece], expression: Expression) -> bool:
        if expression.last < expression.first:
            return False
        has_core = expression.relative is not None or expression.weekday is not None or expression.date is not None
        if not has_core:
            return False
        first = run[expression.first]
        if expression.relative is not None:
            relative_piece = next(p for p in run[expression.first : expression.last + 1] if p.has(lx.RELATIVE))
            entry: lx.Relative = relative_piece.get(lx.RELATIVE)
            framed = expression.time_of_day or expression.day_word or expression.weekday is not None
            if entry.framed and not framed:
                return False
            if entry.offset == 0 and not framed and expression.date is None:
                # «ذلك اليوم», «في اليوم», «اليوم التالي», «اليوم الوطني» are not today
                if self._before_has(relative_piece, lx.TODAY_BEFORE) or self._definite_word_after(relative_piece):
                    return False
        elif expression.weekday is not None and expression.date is None and not expression.day_word:
            if self._before_has(first, lx.WEEKDAY_BEFORE) and not expression.time_of_day:
                return False
        return True

    # -- dates --------------------------------------------------------------------------------

    def _date(self, run: list[Piece], index: int, expression: Expression) -> tuple[DatePart, int] | None:
        for form in (self._day_month, self._day_of_month_unit, self._month_year, self._numeric, self._year):
            found = form(run, index, expression)
            if found is not None:
                return found
        return None

    def _day(self, run: list[Piece], index: int, expression: Expression) -> tuple[int, int] | None:
        """(day, index after it and an optional «من»)."""
        number = _number(run, index)
        if number is not None and number.digits <= DAY_DIGITS and 1 <= number.number <= 31:
            return number.number, index + 1 + bool(_at(run, index + 1, lx.OF))
        ordinal = _at(run, index, lx.ORDINAL)
        if ordinal is not None and _at(run, index + 1, lx.OF):
            inside = index > expression.first  # «الخميس التاسع من»: the weekday is ours
            if inside or not self._definite_word_before(ordinal):  # not «الأسبوع الأول من مارس»
                return ordinal.get(lx.ORDINAL), index + 2
        return None

    def _month(self, run: list[Piece], index: int) -> tuple[lx.Month, int] | None:
        piece = _at(run, index, lx.MONTH)
        if piece is None:
            return None
        month: lx.Month = piece.get(lx.MONTH)
        index += 1
        # «سبتمبر (أيلول)», «أيلول/سبتمبر»: the same month in another naming
        if _punct(run, index) == "(" and self._same_month(run, index + 1, month) and _punct(run, index + 2) == ")":
            return month, index + 3
        if _punct(run, index) in ("/", "-") and self._same_month(run, index + 1, month):
            return month, index + 2
        return month, index

    def _same_month(self, run: list[Piece], index: int, month: lx.Month) -> bool:
        other = _at(run, index, lx.MONTH)
        return other is not None and other.get(lx.MONTH).number == month.number and other.get(lx.MONTH).calendar == month.calendar

    def _year(self, run: list[Piece], index: int, expression: Expression | None = None) -> tuple[DatePart, int] | None:
        """year-word year [calendar] | year calendar | cue year."""
        year_word = _at(run, index, lx.UNIT)
        if year_word is not None and year_word.get(lx.UNIT).unit == "year" and year_word.get(lx.UNIT).count == 1:
            found = self._year_number(run, index + 1, digits=(3, 4))
            if found is not None:
                return found
        found = self._year_number(run, index, digits=(3, 4))
        if found is not None and found[0].calendar_marked:
            return found
        found = self._year_number(run, index, digits=(4,))
        if found is not None and found[0].year in BARE_YEARS and self._before_has(run[index], lx.YEAR_CUE):
            if index == (expression.first if expression else index) and self._word_after(run[index]) is None:
                return found
        return None

    def _year_number(self, run: list[Piece], index: int, digits: tuple[int, ...]) -> tuple[DatePart, int] | None:
        number = _number(run, index)
        if number is None or number.digits not in digits:
            return None
        part = DatePart(year=number.number)
        if _at(run, index + 1, lx.HIJRI):
            return replace(part, calendar="hijri", calendar_marked=True), index + 2
        if _at(run, index + 1, lx.GREGORIAN):
            return replace(part, calendar_marked=True), index + 2
        return part, index + 1

    def _day_month(self, run: list[Piece], index: int, expression: Expression) -> tuple[DatePart, int] | None:
        day = self._day(run, index, expression)
        if day is None:
            return None
        found = self._month(run, day[1])
        if found is None:
            return None
        month, index = found
        part = DatePart(day=day[0], month=month.number, calendar=month.calendar)
        year = self._year_number(run, index, digits=(4,) if month.calendar == "gregorian" else (3, 4))
        if year is not None:
            return _with_year(part, year[0]), year[1]
        qualifier = _at(run, index, lx.QUALIFIER)
        if qualifier is not None:
            return replace(part, direction=qualifier.get(lx.QUALIFIER)), index + 1
        same = self._same_year(run, index)
        if same is not None:
            return replace(part, same_year=True), same
        if month.calendar == "gregorian" and expression.first == index - 2 and self._before_has(run[expression.first], lx.NAMED_HEAD):
            named = self.lexicon.named_dates.get((part.day, part.month))
            return (replace(part, named=named), index) if named else None
        return part, index

    def _same_year(self, run: list[Piece], index: int) -> int | None:
        """Index after «من العام نفسه» / «من نفس العام» at `index`, if it is there."""
        if not _at(run, index, lx.OF):
            return None
        year_word = lx.Unit("year", 1, True)
        unit = _at(run, index + 1, lx.UNIT)
        if unit is not None and unit.get(lx.UNIT) == year_word and _at(run, index + 2, lx.SAME):
            return index + 3
        unit = _at(run, index + 2, lx.UNIT)
        if _at(run, index + 1, lx.SAME) and unit is not None and unit.get(lx.UNIT) == year_word:
            return index + 3
        return None

    def _day_of_month_unit(self, run: list[Piece], index: int, expression: Expression) -> tuple[DatePart, int] | None:
        """«20 من الشهر الجاري», «العاشر من الشهر الماضي»."""
        day = self._day(run, index, expression)
        if day is None:
            return None
        unit = _at(run, day[1], lx.UNIT)
        qualifier = _at(run, day[1] + 1, lx.QUALIFIER)
        if unit is None or qualifier is None or unit.get(lx.UNIT) != lx.Unit("month", 1, True):
            return None
        return DatePart(day=day[0], month_of_shift=qualifier.get(lx.QUALIFIER)), day[1] + 2

    def _month_year(self, run: list[Piece], index: int, expression: Expression) -> tuple[DatePart, int] | None:
        month_word = _at(run, index, lx.UNIT)
        has_month_word = month_word is not None and month_word.get(lx.UNIT) == lx.Unit("month", 1, False)
        found = self._month(run, index + 1 if has_month_word else index)
        if found is None:
            return None
        month, after = found
        part = DatePart(month=month.number, calendar=month.calendar)
        year = self._year_number(run, after, digits=(4,) if month.calendar == "gregorian" else (3, 4))
        if year is not None:
            return _with_year(part, year[0]), year[1]
        qualifier = _at(run, after, lx.QUALIFIER)
        if qualifier is not None:
            return replace(part, direction=qualifier.get(lx.QUALIFIER)), after + 1
        same = self._same_year(run, after)
        if same is not None:
            return replace(part, same_year=True), same
        if has_month_word:
            return part, after
        if not month.ambiguous and index == expression.first and self._before_has(run[index], lx.MONTH_CUE):
            return part, after
        return None

    def _numeric(self, run: list[Piece], index: int, expression: Expression) -> tuple[DatePart, int] | None:
        if 0 <= index < len(run) and run[index].dotted:
            parts, after = run[index].dotted, index + 1
        else:
            numbers = [_number(run, index + offset) for offset in (0, 2, 4)]
            separators = {_punct(run, index + 1), _punct(run, index + 3)}
            if None in numbers or len(separators) != 1 or separators.pop() not in ("/", "-", "."):
                return None
            parts, after = tuple(str(number.number).zfill(number.digits) for number in numbers), index + 5
        part = _numeric_part(parts)
        if part is None:
            return None
        if _at(run, after, lx.HIJRI):
            return replace(part, calendar="hijri", calendar_marked=True), after + 1
        if _at(run, after, lx.GREGORIAN):
            return replace(part, calendar="gregorian", calendar_marked=True), after + 1
        return part, after

    # -- relative units -------------------------------------------------------------------------

    def _shift(self, run: list[Piece], first: int) -> Expression | None:
        piece = run[first]
        if piece.has(lx.AGO) or piece.has(lx.LATER):
            return self._counted_shift(run, first, -1 if piece.has(lx.AGO) else 1)
        unit = _at(run, first, lx.UNIT)
        if unit is not None and unit.get(lx.UNIT).definite and unit.get(lx.UNIT).count == 1:
            qualifier = _at(run, first + 1, lx.QUALIFIER)
            if qualifier is not None:
                steps = {lx.PAST: -1, lx.CURRENT: 0, lx.FUTURE: 1}[qualifier.get(lx.QUALIFIER)]
                return Expression(first, first + 1, run, shift=(unit.get(lx.UNIT).unit, steps))
        if piece.has(lx.THIS):
            unit = _at(run, first + 1, lx.UNIT)
            if unit is not None and unit.get(lx.UNIT).definite:
                return Expression(first, first + 1, run, shift=(unit.get(lx.UNIT).unit, 0))
        return None

    def _counted_shift(self, run: list[Piece], first: int, sign: int) -> Expression | None:
        index = first + 1
        count = None
        number = _number(run, index)
        if number is not None:
            count, index = number.number, index + 1
        elif _at(run, index, lx.CARDINAL):
            count, index = run[index].get(lx.CARDINAL), index + 1
        unit_piece = _at(run, index, lx.UNIT)
        if unit_piece is None:
            return None
        unit: lx.Unit = unit_piece.get(lx.UNIT)
        if unit.definite or (unit.count is None and count is None):
            return None  # «منذ أيام»: no number, no date
        if _number(run, index + 1) is not None or _at(run, index + 1, lx.WEEKDAY) or _at(run, index + 1, lx.MONTH):
            return None  # «منذ عام 2014» is a year, «منذ يوم الثلاثاء» a weekday
        if self._word_after(unit_piece) in _NOT_ANCHORED_AFTER:
            return None  # «قبل يومين من الانتخابات» counts from the elections
        steps = count if count is not None else unit.count
        return Expression(first, index, run, shift=(unit.unit, sign * steps))


def _with_year(part: DatePart, year: DatePart) -> DatePart:
    calendar = part.calendar if part.month is not None and part.calendar == "hijri" else year.calendar
    return replace(part, year=year.year, calendar=calendar, calendar_marked=year.calendar_marked)


def _numeric_part(parts: tuple[str, str, str]) -> DatePart | None:
    """d/m/yyyy or yyyy/m/d; a 4-digit year is required."""
    first, middle, last = parts
    if len(first) == 4 and len(last) <= 2:
        year, month, day = int(first), int(middle), int(last)
    elif len(last) == 4 and len(first) <= 2:
        day, month, year = int(first), int(middle), int(last)
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DatePart(day=day, month=month, year=year, calendar="hijri" if year < 1700 else "gregorian")
