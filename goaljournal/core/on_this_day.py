"""On this day: what was written, achieved or decided on today's date in earlier years, and a month
ago. Which days those are, how long ago they read, and the one line each record shows.

Every earlier day comes round once a year (or a month later): a day that today's month lacks (29
February in another year, 31 January in February) is remembered on the last day of the month,
together with that month's own last day. So 29 February 2024 shows on 28 February 2025, and on
31 March nothing shows from a month ago (February's last days showed on 28 or 29 March).

Pure and stdlib only.
"""

from __future__ import annotations

import json
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from goaljournal.core.dates import human_date
from goaljournal.core.progress import format_number
from goaljournal.core.text import plain_preview
from goaljournal.core.words import change_text, plural

# What a record can be besides an entry (whose kind is its entry kind: reflection, win, ...).
ACHIEVED, DECISION, MILESTONE, ASSESSMENT = "achieved", "decision", "milestone", "assessment"
# How much of a record's text is kept: more than any screen shows on one line.
TEXT_CELLS = 200


@dataclass(frozen=True, slots=True)
class EarlierDays:
    """The days of one earlier period that fall on today's date (one day, or a month's last few
    days), and how long ago they read."""

    first: date
    last: date
    ago: str


@dataclass(frozen=True, slots=True)
class Memory:
    """One record from an earlier period: ``kind`` is an entry's kind, or ACHIEVED, DECISION,
    MILESTONE or ASSESSMENT; ``text`` is one line; the ids say what opens it (an entry, a goal, a
    self-assessment)."""

    day: date
    ago: str
    kind: str
    text: str
    entry_id: int | None = None
    goal_id: int | None = None
    assessment_id: int | None = None


def _last_day(year: int, month: int) -> int:
    return monthrange(year, month)[1]


def same_days(year: int, month: int, today: date) -> tuple[date, date] | None:
    """The days of ``month`` in ``year`` that fall on ``today``'s date: its day of the month, and
    on the last day of today's month the days after it too; None when that month is too short."""
    last = _last_day(year, month)
    if today.day > last:
        return None
    first = date(year, month, today.day)
    if today.day == _last_day(today.year, today.month):
        return first, date(year, month, last)
    return first, first


def how_long_ago(day: date, today: date) -> str:
    """``a month ago``, ``3 months ago``, ``1 year ago``, ``2 years ago``; within a month, in days.
    A month counts as whole on the last day of a shorter one (31 January to 28 February)."""
    months = (today.year - day.year) * 12 + today.month - day.month
    if today.day < day.day and today.day != _last_day(today.year, today.month):
        months -= 1
    if months >= 12:
        return f"{plural(months // 12, 'year')} ago"
    if months >= 1:
        return "a month ago" if months == 1 else f"{months} months ago"
    days = (today - day).days
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def earlier_days(today: date, since: date) -> list[EarlierDays]:
    """The periods to look back on, newest first: a month ago, then the same date in each earlier
    year back to ``since``'s year (the journal's first record). A period whose month is too short
    is left out."""
    periods: list[tuple[int, int]] = [(today.year - (today.month == 1), (today.month - 2) % 12 + 1)]
    periods += [(year, today.month) for year in range(today.year - 1, max(since.year, 1) - 1, -1)]
    found = []
    for year, month in periods:
        days = same_days(year, month, today)
        if days is not None:
            found.append(EarlierDays(days[0], days[1], how_long_ago(days[0], today)))
    return found


def entry_line(text: str) -> str:
    """An entry, written in Markdown, as the one line of plain text it starts with."""
    return plain_preview(text, TEXT_CELLS)


def decision_line(title: str, changes: str | None, reason: str | None) -> str:
    """A revision with its reason, in a line: ``Pass the PMP exam: deadline moved to 24 May 2027 —
    The reorg ate six study weeks``."""
    try:
        parsed = json.loads(changes or "{}")
        pairs = [(name, old, new) for name, (old, new) in parsed.items()]
    except (ValueError, TypeError, AttributeError):
        pairs = []

    def said(name: str, old: object, new: object) -> str:
        if name == "status":
            return "resumed" if new == "active" and old == "paused" else str(new)
        if name == "title":
            return "reworded"
        if name == "deadline" and old and new:
            try:
                return f"deadline moved to {human_date(date.fromisoformat(str(new)))}"
            except ValueError:
                pass
        return change_text(name, old, new, lambda value: format_number(value) if isinstance(value, int | float) else str(value))

    what = "; ".join(said(name, old, new) for name, old, new in pairs) or "changed"
    return f"{title}: {what}" + (f" — {reason.strip()}" if reason and reason.strip() else "")


def milestone_line(title: str, goal_title: str) -> str:
    """A milestone done, with the goal it served: ``Submit the PMP application (Pass the PMP exam)``."""
    return f"{title} ({goal_title})"


def assessment_line(summary: str | None) -> str:
    """A self-assessment completed: the start of its summary, if it has one."""
    return plain_preview(summary, TEXT_CELLS) if summary and summary.strip() else "self-assessment completed"
