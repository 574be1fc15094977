"""The journal as one Markdown document: goals with their milestones and progress, then the
entries by year and month, oldest first."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from goaljournal.core.models import Entry, Goal, Interaction, Milestone, Person
from goaljournal.core.periods import MONTH_NAMES, long_date
from goaljournal.core.progress import format_number, progress_fraction
from goaljournal.core.text import markdown_block, markdown_inline


def _day(text: str | None) -> str:
    return long_date(date.fromisoformat(text[:10])) if text else "–"


def _progress(goal: Goal) -> str:
    share = progress_fraction(goal)
    if goal.target is None:
        return "no target"
    current = goal.current if goal.current is not None else goal.baseline
    unit = f" {_flat(goal.unit)}" if goal.unit else ""
    percent = f" ({share:.0%})" if share is not None else ""
    period = f" this {goal.cadence}" if goal.cadence else ""  # a cadence goal's current is its period's total
    return f"{format_number(current if current is not None else 0.0)} of {format_number(goal.target)}{unit}{period}{percent}"


def _flat(text: str) -> str:
    """User text on one line, literal (see ``markdown_inline``)."""
    return markdown_inline(text)


def format_people(people: Iterable[Person], interactions: Iterable[Interaction]) -> Iterator[str]:
    """The people section: each person with their conversations, oldest first. The caller
    passes only the people it may show (private ones are left out unless asked for)."""
    by_person: dict[int, list[Interaction]] = {}
    for item in interactions:
        by_person.setdefault(item.person_id, []).append(item)
    people = list(people)
    if not people:
        return
    yield "## People\n\n"
    for person in people:
        yield f"### {_flat(person.name)}\n\n"
        facts = [_flat(person.relationship)] + [_flat(part) for part in (person.role, person.organisation) if part]
        if person.tags:
            facts.append(" ".join("@" + _flat(tag) for tag in person.tags))
        yield f"- {' · '.join(facts)}\n"
        if person.how_met:
            yield f"- How we met: {_flat(person.how_met)}\n"
        if person.notes:
            yield f"- Notes: {_flat(person.notes)}\n"
        for item in by_person.get(person.id, []):
            parts = [f"{_day(item.at)} · {item.kind}"]
            if item.notes:
                parts.append(_flat(item.notes))
            if item.learned:
                parts.append(f"learned: {_flat(item.learned)}")
            if item.outcome:
                parts.append(f"done about it: {_flat(item.outcome)}")
            if item.follow_up_due:
                state = f"done {_day(item.follow_up_done)}" if item.follow_up_done else f"due {_day(item.follow_up_due)}"
                parts.append(f"follow-up: {_flat(item.follow_up or '')} ({state})")
            yield f"- {' — '.join(parts)}\n"
        yield "\n"


def format_markdown(
    goals: list[Goal],
    milestones: Iterable[Milestone],
    entries: Iterable[Entry],
    *,
    title: str = "goaljournal",
    people: Iterable[Person] = (),
    interactions: Iterable[Interaction] = (),
) -> Iterator[str]:
    """The document, piece by piece (lines ending in a newline)."""
    by_goal: dict[int, list[Milestone]] = {}
    for milestone in milestones:
        by_goal.setdefault(milestone.goal_id, []).append(milestone)
    yield f"# {_flat(title)}\n\n## Goals\n\n"
    if not goals:
        yield "No goals yet.\n\n"
    for goal in goals:
        yield f"### {_flat(goal.title)}\n\n"
        facts = [goal.status]
        if goal.category:
            facts.append(_flat(goal.category))
        if goal.deadline:
            facts.append(f"by {_day(goal.deadline)}")
        yield f"- {' · '.join(facts)}\n- Progress: {_progress(goal)}\n"
        if goal.why:
            yield f"- Why: {_flat(goal.why)}\n"
        for milestone in by_goal.get(goal.id, []):
            mark = "x" if milestone.done_at else " "
            due = f" (due {_day(milestone.due_date)})" if milestone.due_date else ""
            done = f", done {_day(milestone.done_at)}" if milestone.done_at else ""
            yield f"- [{mark}] {_flat(milestone.title)}{due}{done}\n"
        yield "\n"
    yield from format_people(people, interactions)
    yield "## Journal\n\n"
    year = month = None
    for entry in entries:
        day = date.fromisoformat(entry.at[:10])
        if day.year != year:
            year, month = day.year, None
            yield f"### {year}\n\n"
        if day.month != month:
            month = day.month
            yield f"#### {MONTH_NAMES[month - 1]} {year}\n\n"
        star = " ★" if entry.starred else ""
        kind = "" if entry.kind == "reflection" else f" · {entry.kind}"
        yield f"**{_day(entry.at)}, {entry.at[11:16]}**{kind}{star}\n\n"
        # The text is data, not Markdown: shown as written, it cannot open a fence, a comment
        # or a heading that would swallow or restructure the rest of the document.
        yield markdown_block(entry.text) + "\n\n"
