"""Dates typed by a user on the command line or in a form: stdlib only, always given `today`."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"

# The years a journal may hold. Four digits sort and compare as text (the store relies on it),
# and a year short of 9999 leaves room for the periods, quarters and "next year" computed from
# any stored day.
MIN_YEAR = 1000
MAX_YEAR = 9998
FIRST_DAY = date(MIN_YEAR, 1, 1)
LAST_DAY = date(MAX_YEAR, 12, 31)
RANGE_TEXT = f"years {MIN_YEAR} to {MAX_YEAR}"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?")


class BadDate(ValueError):
    """Text that names no date we understand; the message says what we accept."""


def check_range(day: date) -> date:
    """``day``, refused (BadDate) outside the years a journal may hold."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadDate(f"{day.isoformat()} is outside the dates a journal holds ({RANGE_TEXT})")
    return day


def iso_day(text: object) -> date:
    """Exactly ``YYYY-MM-DD`` and a real date, in any year (``date.fromisoformat`` alone also
    takes ``20261125`` and ``2026-W48-3``)."""
    if not isinstance(text, str) or not _ISO_DAY.fullmatch(text):
        raise BadDate(f"{text!r} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadDate(f"{text!r} is not a real date") from None


def strict_day(text: object) -> date:
    """A stored or imported day: exactly ``YYYY-MM-DD``, a real date, in range."""
    return check_range(iso_day(text))


def strict_moment(text: object) -> datetime:
    """A stored or imported moment: ``YYYY-MM-DD HH:MM[:SS]`` (space or T), real and in range."""
    if not isinstance(text, str) or not _ISO_MOMENT.fullmatch(text):
        raise BadDate(f"{text!r} is not a date and time (YYYY-MM-DD HH:MM:SS)")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadDate(f"{text!r} is not a real date and time") from None
    check_range(moment.date())
    return moment


def parse_day(text: str, today: date) -> date:
    """A day: ``YYYY-MM-DD``, ``today``, ``yesterday``, ``tomorrow`` or ``N days ago``."""
    return parse_moment(text, datetime.combine(today, datetime.min.time())).date()


def day_or_phrase(text: str, today: date) -> date | None:
    """A day typed as a date (as :func:`parse_day` reads it) or as a deadline phrase ("in a
    week", "by Friday", "within three months"), counted from ``today``; None if it is neither.
    The phrase rules (and pendulum) are imported only when the text is not a plain date."""
    try:
        return parse_day(text, today)
    except BadDate:
        pass
    from goaljournal.core.deadlines import deadline_from_field

    found = deadline_from_field(text, today)
    return None if found is None else found.day


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment: ``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM[:SS]`` (or with ``T``), ``today``,
    ``yesterday``, ``tomorrow``, ``N days ago``. A bare day keeps the time of ``now``."""
    cleaned = " ".join(text.strip().lower().split())
    relative = {"today": 0, "now": 0, "yesterday": -1, "tomorrow": 1}
    if cleaned in relative:
        return _in_range(text, lambda: now + timedelta(days=relative[cleaned]))
    words = cleaned.split(" ")
    if len(words) == 3 and words[1] in ("day", "days") and words[2] == "ago" and words[0].isdigit():
        return _in_range(text, lambda: now - timedelta(days=int(words[0])))
    try:
        moment = datetime.fromisoformat(cleaned.upper())
    except ValueError:
        raise BadDate(
            f"'{text}' is not a date: use YYYY-MM-DD, 'YYYY-MM-DD HH:MM', today or yesterday"
        ) from None
    if moment.tzinfo is not None:
        moment = _in_range(text, lambda: moment.astimezone().replace(tzinfo=None))
    if len(cleaned) == 10:  # a bare day: keep the time of day of `now`
        moment = datetime.combine(moment.date(), now.time())
    check_range(moment.date())
    return moment.replace(microsecond=0)


def format_day(day: date) -> str:
    # isoformat, not strftime: strftime writes year 999 as "999", which sorts wrong as text.
    return day.isoformat()


def format_moment(moment: datetime) -> str:
    return moment.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")


# English names, whatever the process's locale: strftime's %a and %b follow LC_TIME, so the same
# journal would read differently (and columns lose their width) under another locale.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTH_ABBRS = tuple(name[:3] for name in MONTH_NAMES)
DAY_ABBRS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DIRECTIVE = re.compile(r"%(.)")


# How people's dates read (the config file's ``date_style``): each style rewrites the day, month
# and year of the patterns the screens ask for, written as the default style writes them:
# "%d %b %Y" (full), "%d %b %y" (short year) and "%d %b" (no year). The rest of a pattern (the
# weekday, the time, the words) stays.
DATE_STYLES = {
    "day-month-year": {"%d %b %Y": "%d %b %Y", "%d %b %y": "%d %b %y", "%d %b": "%d %b"},   # 25 Nov 2026
    "iso": {"%d %b %Y": "%Y-%m-%d", "%d %b %y": "%Y-%m-%d", "%d %b": "%m-%d"},             # 2026-11-25
    "month-day-year": {"%d %b %Y": "%b %d, %Y", "%d %b %y": "%b %d '%y", "%d %b": "%b %d"},  # Nov 25, 2026
}  # fmt: skip
DEFAULT_DATE_STYLE = "day-month-year"
_DATE_PART = re.compile(r"%d %b(?: %[Yy])?")
_date_style = DATE_STYLES[DEFAULT_DATE_STYLE]


def use_date_style(name: str) -> None:
    """Write people's dates in the style ``name`` (a DATE_STYLES key) from now on: the app sets
    it once, from the user's preferences, before anything is drawn."""
    global _date_style
    _date_style = DATE_STYLES[name]


def human_date(moment: date, pattern: str = "%d %b %Y") -> str:
    """``moment`` (a date or datetime) written for people with strftime's ``pattern``, except that
    ``%a`` and ``%b`` are always the English abbreviations ("Mon", "Dec"), and the day, month and
    year are in the date style in use (see DATE_STYLES)."""
    style = _date_style
    pattern = _DATE_PART.sub(lambda match: style[match.group()], pattern)

    def directive(match: re.Match[str]) -> str:
        code = match.group(1)
        if code == "a":
            return DAY_ABBRS[moment.weekday()]
        if code == "b":
            return MONTH_ABBRS[moment.month - 1]
        return moment.strftime("%" + code)

    return _DIRECTIVE.sub(directive, pattern)


def human_day(iso_day: str, pattern: str = "%d %b %Y") -> str:
    """A stored day (``YYYY-MM-DD``) as :func:`human_date` writes it: ``24 Nov 2026``."""
    return human_date(date.fromisoformat(iso_day), pattern)

def _in_range(text: str, compute: Callable[[], datetime]) -> datetime:
    """A moment counted from another (``999999 days ago``), refused (BadDate) if it leaves the
    journal's years or the calendar itself."""
    try:
        moment = compute()
    except (OverflowError, ValueError):  # past year 1 or 9999, or a count too long to read
        raise BadDate(f"'{text}' is outside the dates a journal holds ({RANGE_TEXT})") from None
    check_range(moment.date())
    return moment


def days_after(day: date, days: int) -> date:
    """``days`` after ``day`` (before, if negative), stopping at the first or last day a journal
    holds however far that is (a default follow-up, a look-ahead window); never raises."""
    ordinal = day.toordinal() + days
    return date.fromordinal(min(max(ordinal, FIRST_DAY.toordinal()), LAST_DAY.toordinal()))
