"""Deadlines, milestones and follow-ups as an iCalendar file (VTODO with a due date), check-in days as
all-day events and entries as VJOURNAL when asked for. Built with the icalendar package, which
only ``export --format ics`` imports."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Journal, Todo

from goaljournal.core.models import CheckIn, Entry, Goal, Interaction, Milestone
from goaljournal.core.progress import format_number
from goaljournal.core.text import plain_preview

PRODID = "-//goaljournal//goaljournal//EN"
UID_DOMAIN = "goaljournal"


def _stamp(text: str | None) -> datetime:
    """A stored UTC stamp (2026-11-25T09:30:00Z) as a datetime; now-independent fallback."""
    if text:
        try:
            return datetime.fromisoformat(text).astimezone(UTC)
        except (ValueError, OverflowError):  # a local time at the calendar's very ends
            pass
    return datetime(1970, 1, 1, tzinfo=UTC)


def build_calendar(
    goals: Iterable[Goal],
    milestones: Iterable[Milestone],
    *,
    checkins: Iterable[CheckIn] = (),
    entries: Iterable[Entry] = (),
    follow_ups: Iterable[Interaction] = (),
    private_people: frozenset[int] = frozenset(),
) -> bytes:
    """The calendar as bytes (RFC 5545: CRLF lines, folded at 75 octets). A follow-up with
    someone in ``private_people`` is a to-do that names nobody and says nothing of the talk."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "goaljournal")
    titles: dict[int, str] = {}
    for goal in goals:
        titles[goal.id] = goal.title
        if not goal.deadline:
            continue
        todo = Todo()
        todo.add("uid", f"goal-{goal.uuid}@{UID_DOMAIN}")
        todo.add("dtstamp", _stamp(goal.updated_at))
        todo.add("summary", f"Deadline: {goal.title}")
        todo.add("due", date.fromisoformat(goal.deadline))
        if goal.start_date:
            todo.add("dtstart", date.fromisoformat(goal.start_date))
        # A category is listed once: "goal" and the goal's own category, unless that is "goal" too.
        todo.add("categories", list(dict.fromkeys(["goal", goal.category or "goal"])))
        todo.add("status", "COMPLETED" if goal.status == "achieved" else "CANCELLED" if goal.status == "abandoned" else "NEEDS-ACTION")
        if goal.target is not None:
            unit = f" {goal.unit}" if goal.unit else ""
            current = goal.current if goal.current is not None else goal.baseline
            if goal.cadence:  # a rate: the target is per period, and "now" is this period's total
                todo.add("description", f"Target {format_number(goal.target)}{unit} per {goal.cadence}; "
                                        f"{format_number(current)}{unit} this {goal.cadence}")  # fmt: skip
            else:
                todo.add("description", f"Target {format_number(goal.target)}{unit}; now {format_number(current)}{unit}")
        calendar.add_component(todo)
    for milestone in milestones:
        todo = Todo()
        todo.add("uid", f"milestone-{milestone.uuid}@{UID_DOMAIN}")
        todo.add("dtstamp", _stamp(milestone.updated_at))
        todo.add("summary", milestone.title)
        if milestone.due_date:
            todo.add("due", date.fromisoformat(milestone.due_date))
        goal_title = milestone.goal_title or titles.get(milestone.goal_id)
        if goal_title:
            todo.add("description", f"Milestone of: {goal_title}")
        todo.add("categories", ["milestone"])
        if milestone.done_at:
            todo.add("status", "COMPLETED")
            todo.add("completed", datetime.combine(date.fromisoformat(milestone.done_at[:10]), datetime.min.time(), UTC))
        else:
            todo.add("status", "NEEDS-ACTION")
        calendar.add_component(todo)
    for item in follow_ups:
        if not item.follow_up_due:
            continue
        todo = Todo()
        todo.add("uid", f"follow-up-{item.uuid}@{UID_DOMAIN}")
        todo.add("dtstamp", _stamp(item.updated_at))
        todo.add("due", date.fromisoformat(item.follow_up_due))
        todo.add("categories", ["follow-up"])
        if item.person_id in private_people:
            todo.add("summary", "Follow up with a private contact")
        else:
            todo.add("summary", item.follow_up or f"Follow up with {item.person_name}")
            todo.add("description", f"After a {item.kind} with {item.person_name} on {item.at}")
        if item.follow_up_done:
            todo.add("status", "COMPLETED")
            todo.add("completed", datetime.combine(date.fromisoformat(item.follow_up_done), datetime.min.time(), UTC))
        else:
            todo.add("status", "NEEDS-ACTION")
        calendar.add_component(todo)
    days: dict[str, list[CheckIn]] = {}
    for checkin in checkins:
        days.setdefault(checkin.at, []).append(checkin)
    for day, items in sorted(days.items()):
        event = Event()
        event.add("uid", f"checkins-{day}@{UID_DOMAIN}")
        event.add("dtstamp", _stamp(max(c.created_at for c in items)))
        event.add("summary", f"Check-in ({len(items)})")
        first = date.fromisoformat(day)
        event.add("dtstart", first)
        if first < date.max:  # without DTEND an all-day event is that one day (RFC 5545 3.6.1)
            event.add("dtend", first + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add("description", "\n".join(
            f"{titles.get(c.goal_id, f'goal {c.goal_id}')}: {format_number(c.value)}" + (f" — {c.note}" if c.note else "")
            for c in items
        ))  # fmt: skip
        calendar.add_component(event)
    for entry in entries:
        journal = Journal()
        journal.add("uid", f"entry-{entry.uuid}@{UID_DOMAIN}")
        journal.add("dtstamp", _stamp(entry.updated_at))
        journal.add("dtstart", datetime.fromisoformat(entry.at))
        journal.add("summary", plain_preview(entry.text, 120) or entry.kind)
        journal.add("description", entry.text)
        if entry.tags:
            journal.add("categories", list(dict.fromkeys(entry.tags)))
        calendar.add_component(journal)
    return calendar.to_ical()
