"""The timeline's periods (week, month, quarter, year) and the dates a user can jump to.

Pure and stdlib only. Nothing here reads the clock: whatever depends on the current date takes
``today``. Month and day names are English whatever the process locale, so labels are the same
on every machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from goaljournal.core.dates import DAY_ABBRS, FIRST_DAY, LAST_DAY, MONTH_ABBRS, MONTH_NAMES, RANGE_TEXT

ZOOMS = ("week", "month", "quarter", "year")
PRECISIONS = ("day", *ZOOMS)


def short_date(day: date) -> str:
    """``25 Nov 2026``."""
    return f"{day.day} {MONTH_ABBRS[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """``Wed 25 Nov 2026``."""
    return f"{DAY_ABBRS[day.weekday()]} {short_date(day)}"


def month_year(day: date) -> str:
    """``Nov 2026``."""
    return f"{MONTH_ABBRS[day.month - 1]} {day.year}"


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier if negative), kept inside a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    last = _month_end(first)
    return first.replace(day=min(day.day, last.day))


def _month_end(day: date) -> date:
    if day.month == 12:  # computed directly: December 9999 has no following month
        return date(day.year, 12, 31)
    return date(day.year, day.month + 1, 1) - timedelta(days=1)


@dataclass(frozen=True, order=True)
class Period:
    """One week (Monday to Sunday, or Sunday to Saturday), month, quarter or year: ``first`` to
    ``last``, inclusive."""

    first: date
    last: date
    zoom: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def overlaps(self, first: date, last: date) -> bool:
        return first <= self.last and last >= self.first

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` later (earlier if negative) at the same zoom, stopping at the
        first or last period of the years a journal holds however far ``steps`` goes."""
        if self.zoom == "week":  # weeks start on the weekday this one starts on
            ordinal = self.first.toordinal() + 7 * steps
            day = date.fromordinal(_clamped(ordinal, FIRST_DAY.toordinal(), LAST_DAY.toordinal()))
            return period_of(day, "week", self.first.weekday())
        months = {"month": 1, "quarter": 3, "year": 12}[self.zoom]
        index = self.first.year * 12 + self.first.month - 1 + steps * months
        year, month = divmod(_clamped(index, FIRST_DAY.year * 12, LAST_DAY.year * 12 + 11), 12)
        return period_of(date(year, month + 1, 1), self.zoom)

    @property
    def label(self) -> str:
        """``Week 48 · 23–29 Nov 2026``, ``November 2026``, ``Q4 2026 · Oct–Dec``, ``2026``."""
        first, last = self.first, self.last
        if self.zoom == "week":
            if first.year != last.year:
                days = f"{short_date(first)} – {short_date(last)}"
            elif first.month != last.month:
                days = f"{first.day} {MONTH_ABBRS[first.month - 1]} – {short_date(last)}"
            else:
                days = f"{first.day}–{short_date(last)}"
            # The ISO number of the week's Monday: a week from Sunday is numbered as the days after.
            monday = first + timedelta(days=-first.weekday() % 7)
            return f"Week {monday.isocalendar().week} · {days}"
        if self.zoom == "month":
            return f"{MONTH_NAMES[first.month - 1]} {first.year}"
        if self.zoom == "quarter":
            return f"Q{(first.month - 1) // 3 + 1} {first.year} · {MONTH_ABBRS[first.month - 1]}–{MONTH_ABBRS[last.month - 1]}"
        return str(first.year)


def _clamped(value: int, low: int, high: int) -> int:
    return min(max(value, low), high)


def period_of(day: date, zoom: str, week_start: int = 0) -> Period:
    """The period of ``zoom`` that holds ``day``; weeks start on the weekday ``week_start``
    (0 Monday, 6 Sunday)."""
    if zoom == "week":
        first = date.fromordinal(max(day.toordinal() - (day.weekday() - week_start) % 7, 1))
        # The calendar ends on Friday 31 December 9999: its last week is cut short there.
        return Period(first, min(first, date.max - timedelta(days=6)) + timedelta(days=6), zoom)
    if zoom == "month":
        first = day.replace(day=1)
    elif zoom == "quarter":
        first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    elif zoom == "year":
        return Period(date(day.year, 1, 1), date(day.year, 12, 31), zoom)
    else:
        raise ValueError(f"unknown zoom {zoom!r}: choose one of {', '.join(ZOOMS)}")
    months = 1 if zoom == "month" else 3
    return Period(first, _month_end(_add_months(first, months - 1)), zoom)


def zoom_in(zoom: str) -> str:
    """The next finer zoom (week stays week)."""
    return ZOOMS[max(ZOOMS.index(zoom) - 1, 0)]


def zoom_out(zoom: str) -> str:
    """The next coarser zoom (year stays year)."""
    return ZOOMS[min(ZOOMS.index(zoom) + 1, len(ZOOMS) - 1)]


# -- jumping to a date ----------------------------------------------------------------------


class BadJump(ValueError):
    """Text that names no date or period we understand; the message says what we accept."""


@dataclass(frozen=True)
class JumpTarget:
    """Where a jump goes: the days ``first`` to ``last`` and how precise the user was."""

    first: date
    last: date
    precision: str

    @property
    def label(self) -> str:
        if self.precision == "day":
            return long_date(self.first)
        return period_of(self.first, self.precision, self.first.weekday()).label  # a week starts on its first day


HINT = "try 2025-03-14, 14 March 2025, March 2025, Q3 2025, week 12, 2025 or today"

_UNITS = {"day": 1, "week": 7}
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _period(day: date, precision: str) -> JumpTarget:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadJump(f"{day.isoformat()} is outside the dates a journal holds ({RANGE_TEXT})")
    if precision == "day":
        return JumpTarget(day, day, "day")
    period = period_of(day, precision)
    return JumpTarget(period.first, period.last, precision)


def _month_number(word: str) -> int | None:
    """1–12 for a month name or a prefix of one at least three letters long (``sept``)."""
    if len(word) < 3:
        return None
    for number, name in enumerate(MONTH_NAMES, start=1):
        if name.lower().startswith(word):
            return number
    return None


def _year(word: str) -> int | None:
    """A four-digit year, or ``'25`` for 2025."""
    if re.fullmatch(r"\d{4}", word) and int(word) >= 1:
        return int(word)
    if re.fullmatch(r"'\d{2}", word):
        return 2000 + int(word[1:])
    return None


def _day_of(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadJump(f"'{original}': {MONTH_NAMES[month - 1]} {year} has no day {day}") from None


def _shift(today: date, amount: int, unit: str) -> date:
    if unit in _UNITS:
        return today + timedelta(days=amount * _UNITS[unit])
    return _add_months(today, amount * (12 if unit == "year" else 1))


def parse_jump(text: str, today: date, week_start: int = 0) -> JumpTarget:
    """What a user typed to jump to, as a range of days.

    Understood: ``today``, ``yesterday``, ``tomorrow``; ``this``/``last``/``next``
    ``week``/``month``/``quarter``/``year``; ``3 weeks ago``, ``in 2 months``; ISO dates
    (``2025-03-14``, ``2025-03``, ``2025-W12``); ``14 March 2025``, ``March 14, 2025``,
    ``14 Mar``; ``March 2025``, ``Mar '25``, ``March``; ``Q3 2025``, ``2025 Q3``, ``Q3``;
    ``week 12 2025``, ``week 12``; ``2025``. Without a year, a month, day, quarter or week is
    the latest one that has begun by ``today``. "This week" starts on the weekday ``week_start``
    (0 Monday, 6 Sunday); "week 12" is the ISO week. Raises BadJump otherwise.
    """
    original = text.strip()
    cleaned = _ORDINAL.sub(r"\1", " ".join(original.lower().replace(",", " ").split()).rstrip("."))
    if not cleaned:
        raise BadJump(f"type a date to jump to: {HINT}")
    words = cleaned.split(" ")

    relative = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
    if cleaned in relative:
        return _period(today + timedelta(days=relative[cleaned]), "day")

    match = re.fullmatch(r"(this|last|previous|next) (week|month|quarter|year)", cleaned)
    if match:
        steps = {"this": 0, "last": -1, "previous": -1, "next": 1}[match[1]]
        current = period_of(today, match[2], week_start)
        period = current.shifted(steps)
        if steps and period == current:  # shifted stops at the journal's first or last period
            raise BadJump(f"'{original}' is outside the dates a journal holds ({RANGE_TEXT})")
        return JumpTarget(period.first, period.last, match[2])

    match = re.fullmatch(r"(\d+|a|an|one|two|three|four|five|six) (day|week|month|year)s? ago", cleaned) or re.fullmatch(
        r"in (\d+|a|an|one|two|three|four|five|six) (day|week|month|year)s?", cleaned
    )
    if match:
        amount = int(match[1]) if match[1].isdigit() else _NUMBER_WORDS[match[1]]
        sign = -1 if cleaned.endswith("ago") else 1
        try:
            return _period(_shift(today, sign * amount, match[2]), "day")
        except (OverflowError, ValueError):
            raise BadJump(f"'{original}' is too far away") from None

    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", cleaned)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if not 1 <= month <= 12 or year < 1:
            raise BadJump(f"'{original}' is not a date: the month must be 1 to 12")
        return _period(_day_of(year, month, day, original), "day")

    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", cleaned)
    if match and 1 <= int(match[2]) <= 12 and int(match[1]) >= 1:
        return _period(date(int(match[1]), int(match[2]), 1), "month")

    match = (
        re.fullmatch(r"(\d{4})[- ]?w(?:eek)? ?(\d{1,2})", cleaned)
        or re.fullmatch(r"w(?:eek)? ?(\d{1,2})(?: (\d{4}))?", cleaned)
    )
    if match:
        if cleaned[0].isdigit():
            year, week = int(match[1]), int(match[2])
        else:
            week, year = int(match[1]), int(match[2]) if match[2] else today.isocalendar().year
        try:
            monday = date.fromisocalendar(year, week, 1)
            if not match[2] and not cleaned[0].isdigit() and monday > today:
                monday = date.fromisocalendar(year - 1, week, 1)
        except ValueError:
            raise BadJump(f"'{original}': {year} has no week {week}") from None
        return _period(monday, "week")

    match = re.fullmatch(r"q([1-4])(?: (\d{4}))?", cleaned) or re.fullmatch(r"(\d{4})[- ]?q([1-4])", cleaned)
    if match:
        if cleaned[0] == "q":
            quarter, year = int(match[1]), int(match[2]) if match[2] else today.year
            if not match[2] and date(year, quarter * 3 - 2, 1) > today:
                year -= 1
        else:
            year, quarter = int(match[1]), int(match[2])
        if year < 1:
            raise BadJump(f"'{original}' is not a year we can show")
        return _period(date(year, quarter * 3 - 2, 1), "quarter")

    if len(words) == 1 and (year := _year(words[0])) is not None:
        return _period(date(year, 1, 1), "year")

    return _named_month(words, original, today)


def _named_month(words: list[str], original: str, today: date) -> JumpTarget:
    """``March``, ``March 2025``, ``2025 March``, ``14 March [2025]``, ``March 14 [2025]``."""
    months = [(index, number) for index, word in enumerate(words) if (number := _month_number(word.rstrip(".")))]
    if len(months) != 1 or len(words) > 3:
        raise BadJump(f"'{original}' is not a date I can jump to: {HINT}")
    where, month = months[0]
    rest = words[:where] + words[where + 1 :]
    year: int | None = None
    day: int | None = None
    for word in rest:
        if year is None and (found := _year(word)) is not None:
            year = found
        elif day is None and word.isdigit() and len(word) <= 2:
            day = int(word)
        else:
            raise BadJump(f"'{original}' is not a date I can jump to: {HINT}")
    if year is None:  # the latest one that has begun: in January, "December" is last December
        year = today.year
        try:
            begins = date(year, month, day or 1)
        except ValueError:  # 31 Apr and the like: _day_of says so below
            begins = date(year, month, 1)
        if begins > today:
            year -= 1
    if day is None:
        return _period(date(year, month, 1), "month")
    return _period(_day_of(year, month, day, original), "day")
