"""Deadlines in goal sentences: "within three months", "by year's end", "end of Q2", "in 2027".

An ordered rule set: each rule is a regular expression and a resolver, and the first rule (in
the order of ``RULES``) that matches anywhere in the text wins, so an explicit date ("by March
31") outranks a relative one ("in two months") in the same sentence. Every rule is anchored on a
word that names time (a month, a quarter, a season, "year", a unit after "within"/"in"), so
numbers that are amounts ("5k", "$5,000", "15%", "20-minute", "6pm", "12 books") never become
dates. Resolution is relative to an explicit ``today``; nothing here reads the clock.

Date arithmetic is pendulum's (month ends, quarters, clamped month adding). It is imported on the
first call, not at import: the command line's quick paths import ``goaljournal.core`` and must not
pay pendulum's ~50 ms (tests/test_import_hygiene.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pendulum

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Meteorological seasons (northern hemisphere): the month each starts in.
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

UNITS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9}  # fmt: skip
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
PHRASE_NUMBERS = {"a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "a dozen": 12, "dozen": 12,
                  "half a": 0.5, "half an": 0.5, "a hundred": 100, "hundred": 100}  # fmt: skip

_UNIT_WORDS = "|".join(word for word in UNITS if word not in ("a", "an"))
_TEEN_WORDS = "|".join(TEENS)
_TENS_WORDS = "|".join(TENS)
_PHRASE_WORDS = "|".join(sorted((re.escape(p) for p in PHRASE_NUMBERS), key=len, reverse=True))
# A number as digits ("6", "1,000", "2.5") or words ("two", "twenty-four", "a couple of").
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_PHRASE_WORDS}|(?:{_TENS_WORDS})(?:[- ](?:{_UNIT_WORDS}))?"
    rf"|{_TEEN_WORDS}|{_UNIT_WORDS}|an|a)"
)


def number_value(text: str) -> float | None:
    """The value of a number written as digits or words; None if it is not one."""
    cleaned = " ".join(text.lower().replace(",", "").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):  # not float()'s "nan" or "1e9"
        return float(cleaned)
    if cleaned in PHRASE_NUMBERS:
        return float(PHRASE_NUMBERS[cleaned])
    for table in (UNITS, TEENS, TENS):
        if cleaned in table:
            return float(table[cleaned])
    tens, _, unit = cleaned.replace("-", " ").partition(" ")
    if tens in TENS and unit in UNITS:
        return float(TENS[tens] + UNITS[unit])
    return None


@dataclass(frozen=True, slots=True)
class DeadlineMatch:
    """A deadline found in a text: the day, where its phrase is (``text[start:end]``), and which
    rule read it."""

    day: date
    start: int
    end: int
    phrase: str
    rule: str


# -- pieces of patterns ---------------------------------------------------------------------

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(WEEKDAYS)
# What may come before a time phrase; it is part of the phrase shown to the user.
_LEAD = (
    r"(?:\b(?P<lead>by|before|until|till|til|through|thru|in|within|during|over|for|at|on|"
    r"no\s+later\s+than|not\s+later\s+than|ahead\s+of|prior\s+to)\s+)?"
)
_BY_LEADS = ("by", "before", "until", "till", "til", "ahead of", "prior to")
_END = r"(?:(?P<end>(?:the\s+)?(?:very\s+)?(?:end|close)\s+of)\s+(?:the\s+)?)?"
_AHEAD = ("next", "coming", "the coming", "following", "the following", "upcoming")


def _year(name: str = "year") -> str:
    return rf"(?P<{name}>(?:19|20|21)\d\d)"


def _which_year(name: str = "which_year") -> str:
    return rf"(?P<{name}>this\s+year|the\s+year|next\s+year|the\s+following\s+year)"


# After a year, what would make it an amount instead: "2027 steps", "2000%", "2026k", "2026.5".
_NOT_AMOUNT = r"(?!\s*(?:%|k\b|[.,]\d|-\w)|\s+(?!(?:is|as|this|was|plus|unless|across|thus)\b)[a-z]{2,}s\b)"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _group(match: re.Match[str], name: str) -> str:
    return (match.groupdict().get(name) or "").lower()


# -- date arithmetic ------------------------------------------------------------------------


@cache
def _pendulum() -> Any:
    import pendulum

    return pendulum


def _p(day: date) -> pendulum.Date:
    return _pendulum().date(day.year, day.month, day.day)


def _plain(day: Any) -> date:
    return date(day.year, day.month, day.day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return _plain(_pendulum().date(year, month, 1).end_of("month"))


def _quarter_end(year: int, quarter: int) -> date:
    return _month_end(year, quarter * 3)


def _year_named(match: re.Match[str], today: date) -> int | None:
    """The year a match names (2027, '27, "this year", "next year"); None if it names none."""
    for name in ("year", "year_before", "year_mid"):
        if _group(match, name):
            return int(_group(match, name))
    if _group(match, "short_year"):
        return 2000 + int(_group(match, "short_year"))
    which = _group(match, "which_year")
    if which:
        return today.year + (0 if which in ("this year", "the year") else 1)
    return None


def _not_past(end_in: Callable[[int], date], today: date) -> date:
    """The first of this year's and next year's dates that is not before today."""
    this_year = end_in(today.year)
    return this_year if this_year >= today else end_in(today.year + 1)


def _not_past_day(month: int, day: int, today: date) -> date | None:
    """The first ``day`` of ``month`` that is not before today; None if the month has no such day."""
    for year in (today.year, today.year + 1, today.year + 4):  # 29 Feb waits for a leap year
        found = _safe_date(year, month, day)
        if found is not None and found >= today:
            return found
    return None


# -- resolvers: a match and today → the deadline (or None: the match names no real date) ----

Resolver = Callable[[re.Match[str], date], "date | None"]


def _iso(match: re.Match[str], today: date) -> date | None:
    return _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))


def _month_day(match: re.Match[str], today: date) -> date | None:
    month, day = MONTHS[_group(match, "month")], int(match["day"])
    year = _year_named(match, today)
    if year is not None:
        return _safe_date(year, month, day)
    if not 1 <= day <= 31:
        return None
    return _not_past_day(month, day, today)


def _month_year(match: re.Match[str], today: date) -> date:
    return _month_end(int(match["year"]), MONTHS[_group(match, "month")])


_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4, "final": 4}


def _quarter(match: re.Match[str], today: date) -> date:
    quarter = int(match["q"]) if _group(match, "q") else _QUARTER_WORDS[_group(match, "qword")]
    if _group(match, "lead") in ("before", "ahead of", "prior to") and not _group(match, "end") and quarter > 1:
        quarter -= 1  # "before Q2": by the end of Q1
    year = _year_named(match, today)
    if year is not None:
        return _quarter_end(year, quarter)
    return _not_past(lambda year: _quarter_end(year, quarter), today)


def _half(match: re.Match[str], today: date) -> date:
    month = 12 if _group(match, "half") == "second" or _group(match, "h") == "2" else 6  # mid-year: June
    year = _year_named(match, today)
    if year is not None:
        return _month_end(year, month)
    return _not_past(lambda year: _month_end(year, month), today)


def _year_end(match: re.Match[str], today: date) -> date:
    return date(today.year + (1 if _group(match, "next") else 0), 12, 31)


def _this_quarter(match: re.Match[str], today: date) -> date:
    return _plain(_p(today).last_of("quarter"))


def _next_quarter(match: re.Match[str], today: date) -> date:
    return _plain(_p(today).first_of("quarter").add(months=3).last_of("quarter"))


def _season(match: re.Match[str], today: date) -> date | None:
    if not (_group(match, "lead") or _group(match, "which") or _group(match, "end")):
        return None  # a bare "summer" is a word ("a summer internship"), and "fall" a verb
    first_month = SEASONS[_group(match, "season")]

    def span(year: int) -> tuple[date, date]:
        start = date(year, first_month, 1)
        return start, _plain(_p(start).add(months=2).end_of("month"))

    # "by summer" means ready when summer begins; "this summer", "over the summer" and "by the
    # end of summer" mean before it is over.
    by_start = _group(match, "lead") in _BY_LEADS and not _group(match, "end") and _group(match, "which") != "this"
    year = _year_named(match, today)
    if year is not None:
        start, end = span(year)
        return start if by_start else end
    spans = [span(year) for year in range(today.year - 1, today.year + 3)]
    if by_start:
        return next(start for start, _ in spans if start > today)
    if " ".join(_group(match, "which").split()) in _AHEAD:
        return next(end for start, end in spans if start > today)
    return next(end for _, end in spans if end >= today)


_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
# How people shorten the units when they type fast: "in 6 wks", "w/in 3 mos", "2 yrs".
UNIT_ABBREVIATIONS = {"hr": "hour", "wk": "week", "mo": "month", "mth": "month", "qtr": "quarter", "yr": "year"}


def unit_name(written: str) -> str:
    """"weeks", "wks", "wk" → "week"."""
    written = written.lower()
    if written in UNIT_ABBREVIATIONS:
        return UNIT_ABBREVIATIONS[written]
    single = written[:-1] if written.endswith("s") else written
    return UNIT_ABBREVIATIONS.get(single, single)


def _duration(match: re.Match[str], today: date) -> date | None:
    amount = number_value(match["n"]) if _group(match, "n") else 1.0
    if amount is None or amount <= 0 or amount > 1000:
        return None
    unit = unit_name(_group(match, "unit"))
    if unit == "hour":  # "within 48 hrs": the day those hours run out; "every ticket within 24 hrs" is a standard
        if amount < 24 or re.search(r"\b(?:every|each|all|any)\b", match.string[: match.start()], re.IGNORECASE):
            return None
        return today + timedelta(days=-(-round(amount) // 24))
    if unit in _UNIT_DAYS:
        return today + timedelta(days=round(amount * _UNIT_DAYS[unit]))
    months = amount * _UNIT_MONTHS[unit]
    if months != int(months):  # "half a month"
        return today + timedelta(days=round(months * 30.44))
    if unit == "quarter":  # "over the next two quarters": to the end of a calendar quarter
        return _plain(_p(today).first_of("quarter").add(months=int(months)).last_of("quarter"))
    return _plain(_p(today).add(months=int(months)))


def _duration_after_lead(match: re.Match[str], today: date) -> date | None:
    # Only a number or "the next" makes a span a deadline: a bare plural ("within weeks", "in
    # months") is vague, and "for week" or "over month" is no English anyone writes.
    if not _group(match, "n") and (not _group(match, "next") or _group(match, "unit").endswith("s")):
        return None
    return _duration(match, today)


def _period(match: re.Match[str], today: date) -> date:
    unit = _group(match, "unit")
    ahead = 1 if " ".join(_group(match, "which").split()) in _AHEAD else 0
    if unit == "week":
        return _plain(_p(today).add(weeks=ahead).end_of("week"))
    if unit == "month":
        return _plain(_p(today).add(months=ahead).end_of("month"))
    return date(today.year + ahead, 12, 31)


def _calendar_year(match: re.Match[str], today: date) -> date:
    year = int(match["year"])
    if _group(match, "lead") in ("before", "ahead of", "prior to") and not _group(match, "end"):
        year -= 1  # "before 2028" is by the end of 2027
    return date(year, 12, 31)


def _month(match: re.Match[str], today: date) -> date:
    month = MONTHS[_group(match, "month")]
    year = today.year
    if month < today.month or (month == today.month and " ".join(_group(match, "which").split()) in _AHEAD):
        year += 1
    if _group(match, "lead") in ("before", "ahead of", "prior to") and not _group(match, "end"):
        before = _plain(_p(date(year, month, 1)).subtract(days=1))  # "before March": by the end of February
        return before if before >= today else _month_end(year, month)
    return _month_end(year, month)


def _weekday(match: re.Match[str], today: date) -> date:
    ahead = (WEEKDAYS.index(_group(match, "weekday")) - today.weekday()) % 7
    if ahead == 0 and "next" in (_group(match, "which"), _group(match, "next")):
        ahead = 7  # "next Wednesday", said on a Wednesday
    return today + timedelta(days=ahead)


def _named_day(match: re.Match[str], today: date) -> date:
    word = " ".join(_group(match, "word").replace("-", " ").split())
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word.endswith(("week", "wk")) or word == "eow":
        return _plain(_p(today).end_of("week"))
    if word.endswith(("month", " mo", "month end")) or word in ("eom", "month end"):
        return _plain(_p(today).end_of("month"))
    if word in ("eoq", "quarter end"):
        return _plain(_p(today).last_of("quarter"))
    return today


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "xmas": (12, 25),
             "new year's eve": (12, 31), "new year eve": (12, 31), "new years eve": (12, 31), "halloween": (10, 31),
             "new year": (1, 1), "new year's": (1, 1), "new years": (1, 1), "new year's day": (1, 1),
             "new years day": (1, 1), "new year day": (1, 1), "valentine's day": (2, 14), "valentines day": (2, 14),
             "valentine day": (2, 14)}  # fmt: skip


def _holiday(match: re.Match[str], today: date) -> date | None:
    key = " ".join(_group(match, "holiday").replace("’", "'").split())
    if key not in _HOLIDAYS:
        return None
    month, day = _HOLIDAYS[key]
    return _not_past(lambda year: date(year, month, day), today)


def _numeric_date(match: re.Match[str], today: date) -> date | None:
    """15/01, 31/03/2027, 12/15: day first unless only month first can be a date."""
    first, second = int(match["a"]), int(match["b"])
    day, month = (first, second) if second <= 12 else (second, first)
    if not 1 <= month <= 12:
        return None
    if match["y"]:
        year = int(match["y"])
        return _safe_date(year + 2000 if year < 100 else year, month, day)
    return _not_past_day(month, day, today)


def _ordinal_day(match: re.Match[str], today: date) -> date | None:
    """"by the 15th": that day of this month, or of the next if it has passed."""
    day = int(match["day"])
    month, year = today.month, today.year
    for _ in range(3):
        found = _safe_date(year, month, day)
        if found is not None and found >= today:
            return found
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None


_PART_OF_MONTH = {"early": 10, "mid": 15}


def _part_of_month(match: re.Match[str], today: date) -> date | None:
    """"by mid-March": the 15th; "early February": the 10th; "late May": its last day."""
    month = MONTHS[_group(match, "month")]
    part = _group(match, "part")
    year = _year_named(match, today)

    def day_in(in_year: int) -> date:
        return _month_end(in_year, month) if part == "late" else date(in_year, month, _PART_OF_MONTH[part])

    return day_in(year) if year is not None else _not_past(day_in, today)


# -- the rules, in order --------------------------------------------------------------------

_UNIT = r"(?P<unit>hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|mos?|mths?|quarters?|qtrs?|years?|yrs?|decades?)"
_WHICH = r"(?:(?P<which>this|next|the\s+coming|coming|the\s+following|following|upcoming|current|the\s+current)\s+)"

RULES: tuple[tuple[str, re.Pattern[str], Resolver], ...] = (
    # 2027-03-31
    ("iso date", _compile(_LEAD + r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), _iso),
    # by 15/01, before 31/03/2027, on 12/15 (after a word that makes it a date: not "4.5/5", "24/7")
    ("numeric date", _compile(
        r"\b(?P<lead>by|before|on|until|till|due|no\s+later\s+than)\s+(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<y>(?:20)?\d\d))?\b(?![/.]\d)"),
        _numeric_date),
    # by mid-March, early February 2027, by late May
    ("part of month", _compile(
        _LEAD + r"\b(?P<part>early|mid|late)[- ]?(?P<month>" + _MONTH_NAMES + r")\b(?:\s+" + _year() + r"\b)?"),
        _part_of_month),
    # March 31, Mar 31st, March 31, 2027 (not "June 5k", "May 3pm", "Dec 1.5")
    ("month day", _compile(
        _LEAD + r"(?:the\s+)?\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
        r"(?![.,:/]\d|\s*(?:%|am\b|pm\b))(?:,?\s+" + _year() + r"\b)?"), _month_day),
    # 31 March, the 15th of June 2027
    ("day month", _compile(
        _LEAD + r"(?:the\s+)?\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_NAMES + r")\b\.?"
        r"(?:,?\s+" + _year() + r"\b)?"), _month_day),
    # December 2027, by the end of March 2027
    ("month year", _compile(
        _LEAD + _END + r"\b(?P<month>" + _MONTH_NAMES + r")\.?,?\s+(?:of\s+)?" + _year() + r"\b"), _month_year),
    # Q2, end of Q2, Q3 2027, Q1 of next year, Q4 '27, 2027 Q1
    ("quarter", _compile(
        _LEAD + _END + r"(?:\b" + _year("year_before") + r"\s*)?(?<!\bthe\s)(?<!\bour\s)(?<!\bmy\s)(?<!\ba\s)\bq(?P<q>[1-4])\b(?!&)"
        r"(?:\s*(?:of\s+)?(?:" + _year() + r"\b|['’](?P<short_year>\d\d)\b|" + _which_year() + r"))?"), _quarter),
    # the first quarter of 2027, the last quarter of the year
    ("ordinal quarter", _compile(
        _LEAD + _END + r"(?:the\s+)?\b(?P<qword>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+quarter\b"
        r"(?:\s+of\s+(?:" + _year() + r"\b|" + _which_year() + r"))?"), _quarter),
    # the first half of 2027, the second half of the year, H2 2027, by mid-2027, mid-year
    ("half year", _compile(
        _LEAD + _END + r"(?:(?:the\s+)?\b(?P<half>first|second)\s+half\s+of\s+(?:" + _year() + r"\b|" + _which_year() + r")"
        r"|\bh(?P<h>[12])\b(?:\s*" + _year("year_before") + r"\b)?|\bmid[- ]?(?:year\b|" + _year("year_mid") + r"\b))"
        r"(?!\s+(?:review|appraisal|evaluation|check-in|bonus|report|survey|planning))"),
        _half),
    # by the end of the year, by year's end, year-end, end of next year
    ("year end", _compile(
        _LEAD + r"(?:(?:the\s+)?(?:very\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<next>next)\s+)?year\b(?!s)"
        r"|(?:the\s+)?\byear['’]?s\s+end\b|(?:the\s+)?\byear[- ]end\b|\beoy\b)"), _year_end),
    # next quarter, over the next quarter, by the end of next quarter
    ("next quarter", _compile(_LEAD + _END + r"(?:the\s+)?\b(?:next|coming|following|upcoming)\s+quarter\b(?!ly)"), _next_quarter),
    # this quarter, by the end of the quarter
    ("this quarter", _compile(
        _LEAD + _END + r"(?:(?:the\s+)?(?:this|current)|the)\s+quarter\b(?!ly|\s+of\b)"), _this_quarter),
    # by summer, this autumn, over the winter, the end of summer 2027
    ("season", _compile(
        _LEAD + _END + r"(?:(?P<which>this|next|the\s+coming|coming|the\s+following|following)\s+|the\s+)?"
        r"\b(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?" + _year() + r"\b)?"
        r"(?!\s+(?:school|intern\w*|job|camp|programm?e?s?|course|term|semester|session|party|reading|sale|hires?)\b)"), _season),
    # in 2027, by 2030, by the end of 2027, before 2028
    ("year", _compile(
        r"(?:(?P<lead>by|before|in|until|till|through|during|within|for|ahead\s+of|prior\s+to)\s+)" + _END
        + r"(?:the\s+year\s+)?\b" + _year() + r"\b" + _NOT_AMOUNT), _calendar_year),
    # by June, by next June, in March, by the end of May (a month after a lead only: "I may")
    ("month", _compile(
        r"(?:(?P<lead>by|before|in|until|till|through|during|for|ahead\s+of|prior\s+to)\s+)" + _END
        + r"(?:(?P<which>this|next|the\s+coming|coming)\s+)?\b(?P<month>" + _MONTH_NAMES + r")\b(?!\s*\d)(?!-)"), _month),
    # within three months, in two weeks, over the next 6 months, for the next 30 days, in a fortnight
    # (not "within a week of meeting", "in 2-week sprints", "for weeks")
    ("duration", _compile(
        r"(?:(?P<lead>within|w/in|in|over|during|for|inside(?:\s+of)?|in\s+under|in\s+less\s+than)\s+)"
        r"(?:the\s+)?(?:(?P<next>next|coming|following|upcoming|first)\s+)?(?:(?P<n>" + NUMBER + r")(?:\s+|(?<=\d)(?=[a-z])))?" + _UNIT
        + r"\b(?!-)(?:['’]s?\s+time\b)?(?!\s+(?:of|after|from\s+(?!now\b|today\b)|before|since|ago|per|into|in\s+a\s+row)\b)"),
        _duration_after_lead),
    # three months from now, 90 days from today
    ("from now", _compile(r"\b(?P<n>" + NUMBER + r")\s+" + _UNIT + r"\s+from\s+(?:now|today)\b"), _duration),
    # this month, next week, by the end of next year
    ("calendar period", _compile(_LEAD + _END + _WHICH + r"\b(?P<unit>week|month|year)\b(?!s|ly)"), _period),
    # by Friday, next Monday
    ("weekday", _compile(
        r"(?:(?:by|before|until|till|on)\s+(?:(?P<which>this|next)\s+)?|\b(?P<next>next)\s+)\b(?P<weekday>" + _WEEKDAY_NAMES + r")\b"),
        _weekday),
    # by the 15th, on the 20th
    ("day of month", _compile(r"\b(?P<lead>by|before|on|until|till)\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:" + _MONTH_NAMES + r")\b)"),
     _ordinal_day),
    # by Christmas, before New Year's Eve
    ("holiday", _compile(
        _LEAD + r"\b(?P<holiday>christmas(?:\s+day|\s+eve)?|xmas|new\s+year['’]?s?\s+eve|new\s+year['’]?s?(?:\s+day)?|"
        r"halloween|valentine['’]?s?\s+day)\b"), _holiday),
    # tomorrow, by the end of the day, by the end of the week / month
    ("named day", _compile(
        _LEAD + r"\b(?P<word>tomorrow|tonight|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|wk|month|mo)|end\s+of\s+day|eod|eow|eom|eoq|"
        r"(?<=by\s)(?:month|quarter)[- ]end)\b"), _named_day),
)  # fmt: skip


_STARTS = re.compile(r"\b(?:start|starts|starting|begin|begins|beginning|from|as\s+of|effective|commencing)\s+$", re.IGNORECASE)


def find_deadline(text: str, today: date) -> DeadlineMatch | None:
    """The deadline a goal sentence names, relative to ``today``, with the phrase that names it.

    The first rule of ``RULES`` that matches decides; None when no phrase names a date.
    """
    for name, pattern, resolve in RULES:
        for match in pattern.finditer(text):
            if _STARTS.search(text, 0, match.start()):
                continue  # "starting in January" names when it begins, not when it is due
            try:
                day = resolve(match, today)
            except (OverflowError, ValueError):  # a date past the calendar's ends (year 1 or 9999)
                continue
            if day is not None:
                start, end = match.span()
                return DeadlineMatch(day, start, end, text[start:end].strip(), name)
    return None


def deadline_from(text: str, today: date) -> date | None:
    """The deadline a goal sentence names, relative to ``today``; None if it names none.

    Never a past day: a phrase naming a year that is over ("in 2025") gives None here, while
    ``find_deadline`` still reports it so the SMART coach can say the deadline has passed.
    """
    found = find_deadline(text, today)
    return found.day if found and found.day >= today else None


def deadline_from_field(text: str, today: date) -> DeadlineMatch | None:
    """A deadline typed on its own ("2027-03-31", "end of Q2", "March 31", "3 months", "2027")."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    # Read as it is, then as if after "by" ("March 31", "2027") or "in" ("3 months").
    for candidate, added in ((cleaned, 0), (f"by {cleaned}", 3), (f"in {cleaned}", 3)):
        found = find_deadline(candidate, today)
        # Only a phrase that is the whole field counts: "blue moon 2027" is not "2027".
        if found and found.start <= added and found.end >= len(candidate.rstrip(".!")):
            return DeadlineMatch(found.day, 0, len(cleaned), cleaned, found.rule)
    return None


# -- time words that are not deadlines ------------------------------------------------------

_VAGUE = _compile(
    r"\b(?:soon|someday|some\s+day|one\s+day|eventually|sometime|some\s+time|at\s+some\s+point|asap|"
    r"as\s+soon\s+as\s+(?:possible|i\s+can)|in\s+the\s+(?:near\s+)?future|later(?:\s+on)?|in\s+(?:a\s+)?(?:little\s+)?while|"
    r"before\s+long|down\s+the\s+(?:road|line)|in\s+the\s+(?:coming|next)\s+(?:few\s+)?(?:days|weeks|months|years)|"
    r"(?:within|in|over)\s+(?:days|weeks|months|years)|(?:in|over)\s+time|(?:in|within|over)\s+(?:the\s+next\s+)?several\s+\w+|"
    r"in\s+due\s+course|going\s+forward|from\s+now\s+on|this\s+time\s+next\s+year)\b"
)
_EVENT = _compile(
    r"\b(?:(?:within|w/in|in)\s+(?:" + NUMBER + r"\s+)?(?:days?|weeks?|wks?|hours?|hrs?|months?|mos?)\s+(?:of|after|from)\s+"
    r"(?!now\b|today\b)[\w'’ -]+"
    r"|(?:by|before|until|ahead\s+of|prior\s+to|at)\s+(?:my|our|the\s+next|the|next)\s+(?!end\b|close\b)(?:[\w'’-]+\s+){0,2}"
    r"(?:review|appraisal|birthday|wedding|launch|move|exam|interview|deadline|retirement|graduation|promotion|"
    r"conference|reorg|baby|trip|holiday|vacation|anniversary|evaluation|cycle|round|season|meeting|offsite|"
    r"release|audit|renewal|recertification|all-hands|all\s+hands|town\s+hall|kickoff|kick-off|summit|standup|"
    r"stand-up|board\s+meeting|planning|rotation|placement|residency|internship)\b"
    r"|before\s+(?:it|they|mine|(?:my|our|the)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:expires?|runs?\s+out|lapses?|ends?|starts?|begins?)\b"
    r"|when\s+[\w'’-]+\s+(?:goes|leaves|returns|starts|comes\s+back|is\s+back|retires)\b[\w'’ -]*"
    r"|(?:in|at|during|before|by|until)\s+(?:my|our|the)\s+(?:next\s+|annual\s+|yearly\s+|mid-?year\s+|year-end\s+|performance\s+)*"
    r"(?:review|appraisal|evaluation|one-to-one|1:1)"
    r"|(?:this|next|the)\s+(?:semester|term|school\s+year|academic\s+year|fiscal\s+year|financial\s+year|season)\b"
    r"|(?:this|next)\s+sprint\b"
    r"|by\s+(?:the\s+)?age\s+(?:of\s+)?\d+|by\s+the\s+time\s+(?:i|we)\b[\w'’ ]*|when\s+i\s+(?:turn|am|get)\b[\w'’ ]*"
    r"|after\s+(?:each|every)\s+\w+|(?:before|after)\s+(?:i|we)\s+\w+)"
)


def vague_time(text: str) -> str | None:
    """A time word that names no date ("soon", "someday", "in the coming months"), if any."""
    found = _VAGUE.search(text)
    return found.group().strip() if found else None


def event_time(text: str) -> str | None:
    """A time tied to an event rather than a date ("within a week of meeting", "before my
    review", "by age 40"), if any."""
    found = _EVENT.search(text)
    return found.group().strip() if found else None
