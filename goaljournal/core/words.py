"""How counts, dues and example dates read, in one place for the app, the CLI and the exports.

Pure and stdlib only: the quick commands import it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from goaljournal.core.dates import LAST_DAY, BadDate, check_range, days_after, human_date

# Month names in English whatever the locale (strftime's %B follows the locale).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
# Nouns whose plural is not the singular with an "s".
_IRREGULAR = {"person": "people", "entry": "entries", "child": "children", "activity": "activities",
              "category": "categories", "reply": "replies", "day of check-ins": "days of check-ins"}  # fmt: skip
# Nouns counted without "a": "add feedback", not "add a feedback".
_UNCOUNTABLE = {"feedback", "advice", "progress", "evidence"}
# The app's own plural labels (PROGRESS_SOURCES, conversation kinds) and how one of them reads.
_SINGULAR = {
    "new people met": "new person met", "conversations": "conversation", "coffees": "coffee", "meetings": "meeting",
    "events attended": "event attended", "calls": "call", "messages": "message", "feedback sessions": "feedback session",
    "people": "person",
}  # fmt: skip


def plural_of(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun in _UNCOUNTABLE or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


def plural(count: int | float, one: str, many: str | None = None) -> str:
    """``1 item``, ``2 items``, ``1,204 entries``, ``1 person``: a count and its noun agreeing."""
    shown = f"{int(count):,}" if float(count).is_integer() else f"{count:g}"
    return f"{shown} {one if count == 1 else (many or plural_of(one))}"


def counted_unit(label: str | None, count: float | None) -> str | None:
    """One of the app's plural labels ("new people met", "coffees") agreeing with ``count``:
    ``1 new person met per week``. A unit the user typed is theirs and stays as written."""
    if label is None or count != 1:
        return label
    return _SINGULAR.get(label, label)


def with_article(noun: str) -> str:
    """``a strength``, ``an outcome``, ``feedback``: what "add …" needs before a noun."""
    if noun in _UNCOUNTABLE:
        return noun
    return f"{'an' if noun[:1].lower() in ('a', 'e', 'i', 'o', 'u') else 'a'} {noun}"


def overdue_text(days: int) -> str:
    """The one way the app and the CLI say that something is late: ``3 days overdue``."""
    return f"{plural(max(days, 1), 'day')} overdue"


def overdue_since(due: date, today: date) -> str:
    return overdue_text((today - due).days)


def _ahead(today: date, days: int) -> date:
    """A day ``days`` ahead for an example; at the very end of the calendar, the last day."""
    return min(days_after(today, days), LAST_DAY)


def example_day(today: date, days: int = 10) -> str:
    """An ISO day for a hint, ``days`` after ``today``: an example of a date is never in the past."""
    return _ahead(today, days).isoformat()


def follow_up_examples(today: date) -> str:
    """``in a week, by Friday, 2026-12-07``: what a follow-up's "when" may say."""
    return f"in a week, by Friday, {example_day(today, 10)}"


def due_examples(today: date) -> str:
    """``2026-12-15, Dec 15, in two weeks``: what a milestone's due day may say."""
    day = _ahead(today, 20)
    return f"{day.isoformat()}, {human_date(day, '%b %d').replace(' 0', ' ')}, in two weeks"


def deadline_examples(today: date) -> str:
    """``2027-03-31, by March 31, end of Q2, within 3 months``: what a goal's deadline may say;
    the date is the end of a month about four months ahead, the quarter the one after next."""
    ahead = _ahead(today, 120)
    following = date(ahead.year + (ahead.month == 12), ahead.month % 12 + 1, 1) if ahead < LAST_DAY else ahead
    month_end = days_after(following, -1) if ahead < LAST_DAY else ahead
    quarter = ((today.month - 1) // 3 + 2) % 4 + 1
    return f"{month_end.isoformat()}, by {MONTHS[month_end.month - 1]} {month_end.day}, end of Q{quarter}, within 3 months"


def past_examples(today: date) -> str:
    """``2026-11-24, yesterday, 3 days ago``: what the day something happened may say."""
    return f"{days_after(today, -1).isoformat()}, yesterday, 3 days ago"


def change_text(name: str, old: object, new: object, shown: Callable[[object], str] = str) -> str:
    """One field's change in a revision: ``target 3 → 5``, ``deadline set to 31 Mar 2027``,
    ``target cleared (was 5)``; a missing value is said in words, never as ``None``."""
    if old is None and new is None:
        return f"{name} unchanged"
    if old is None:
        return f"{name} set to {shown(new)}"
    if new is None:
        return f"{name} cleared (was {shown(old)})"
    return f"{name} {shown(old)} → {shown(new)}"


# A journal's tables as the import and doctor commands count them: (one, many).
TABLE_WORDS = {
    "skills": ("skill", "skills"), "assessments": ("assessment", "assessments"),
    "assessment_items": ("assessment item", "assessment items"), "ratings": ("rating", "ratings"),
    "goals": ("goal", "goals"), "milestones": ("milestone", "milestones"), "revisions": ("revision", "revisions"),
    "checkins": ("check-in", "check-ins"), "tags": ("tag", "tags"), "entries": ("entry", "entries"),
    "daily_checkins": ("daily check-in", "daily check-ins"), "people": ("person", "people"),
    "interactions": ("conversation", "conversations"), "reviews": ("review", "reviews"),
    "review_goals": ("goal reviewed", "goals reviewed"), "review_focus": ("focus item", "focus items"),
    "reflection_prompts": ("reflection prompt", "reflection prompts"), "entry_templates": ("entry template", "entry templates"),
}  # fmt: skip


def table_count(count: int, table: str) -> str:
    """``1 goal``, ``3 check-ins``: a count of a table's rows in words (a table not listed keeps its name)."""
    one, many = TABLE_WORDS.get(table, (table.replace("_", " "), table.replace("_", " ")))
    return plural(count, one, many)


def extend_examples(today: date) -> str:
    """``2026-12-25, in a month, end of Q1``: what a later deadline may say."""
    quarter = (today.month - 1) // 3 % 4 + 2
    quarter = quarter - 4 if quarter > 4 else quarter
    return f"{example_day(today, 30)}, in a month, end of Q{quarter}"


def new_deadline_problem(day: date | None, today: date) -> str | None:
    """What is wrong with ``day``, read from what was typed as a goal's new deadline (None: it
    read as no date), or None when it will do."""
    if day is None:
        return f"not a date I can read: try {extend_examples(today)}"
    try:
        check_range(day)
    except BadDate as err:
        return str(err)
    if day < today:
        return f"{human_date(day)} has passed: pick today or later"
    return None
