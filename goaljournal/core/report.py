"""The review packet: a Markdown progress report for a month, quarter or year.

Pure: the store gathers the rows (``Store.report_data``), this module works out the figures and
writes the Markdown. Every figure in the report comes from ``ReportData``, so a test can check
them against the journal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from goaljournal.core.assessment import compare_sessions, delta_text
from goaljournal.core.cadence import CadenceSummary, rate_text, summarise
from goaljournal.core.models import (
    CADENCES,
    PROGRESS_SOURCES,
    AssessmentItem,
    CheckIn,
    Entry,
    Goal,
    Interaction,
    Milestone,
    Person,
    Rating,
    Revision,
)
from goaljournal.core.periods import Period, long_date, period_of
from goaljournal.core.progress import clamp_finite, format_number, share, sparkline
from goaljournal.core.text import markdown_inline, plain_preview
from goaljournal.core.words import change_text, overdue_since, plural

PERIODS = ("month", "quarter", "year")


@dataclass(slots=True)
class GoalReport:
    goal: Goal
    checkins: list[CheckIn]  # up to the period's last day, oldest first
    milestones: list[Milestone]
    revisions: list[Revision]  # made within the period


@dataclass(slots=True)
class SessionData:
    at: str
    items: list[AssessmentItem]
    ratings: list[Rating]


@dataclass(slots=True)
class ReviewSummary:
    """A review finished in the period: what it covered, decided and chose to focus on."""

    kind: str
    period_start: str
    period_end: str
    completed_at: str
    summary: str | None
    decisions: list[tuple[str, str]]  # (goal title, decision)
    focus: list[str]


@dataclass(slots=True)
class ReportCharts:
    """What the HTML report draws beside the text (``Store.report_data(..., charts=True)``)."""

    day_counts: dict[date, int]  # check-ins a day, for the year up to the period's last day
    streak: int  # days with a check-in in a row, as of the period's last day (or today)
    scores: list[tuple[date, int | None, int | None]]  # the period's (day, mood, energy), oldest first
    ratings: list[tuple[str, list[Rating]]]  # each finished self-assessment's (day, ratings), oldest first


@dataclass(slots=True)
class ReportData:
    goals: list[GoalReport]
    entries: list[Entry]  # wins, lessons, feedback and starred entries of the period
    entry_count: int
    checkin_days: int
    latest_assessment: SessionData | None = None
    previous_assessment: SessionData | None = None
    goal_titles: dict[int, str] = field(default_factory=dict)
    reviews: list[ReviewSummary] = field(default_factory=list)  # finished in the period, oldest first
    charts: ReportCharts | None = None  # read only for the HTML report


@dataclass(slots=True)
class PeopleActivity:
    """The period's conversations, for the "People and conversations" section."""

    interactions: list[Interaction]  # held in the period, oldest first
    people: dict[int, Person]  # every live person, by id
    new_people: list[int]  # ids of the people first met in the period, in that order
    follow_ups_done: list[Interaction]  # done within the period
    follow_ups_open: list[Interaction]  # still open, due by the end of the next period


# "2 coffees", "1 feedback session": how a count of each kind of conversation reads.
KIND_WORDS = {
    "coffee": ("coffee", "coffees"), "meeting": ("meeting", "meetings"), "event": ("event", "events"),
    "call": ("call", "calls"), "message": ("message", "messages"), "feedback": ("feedback session", "feedback sessions"),
}  # fmt: skip


def count_words(count: int, kind: str) -> str:
    one, many = KIND_WORDS.get(kind, (kind, kind))
    return f"{count} {one if count == 1 else many}"


def report_period(kind: str, at: date) -> Period:
    if kind not in PERIODS:
        raise ValueError(f"unknown period '{kind}': choose one of {', '.join(PERIODS)}")
    return period_of(at, kind)


def period_title(period: Period) -> str:
    if period.zoom == "quarter":
        return f"Q{(period.first.month - 1) // 3 + 1} {period.first.year}"
    return period.label


def value_on(checkins: list[CheckIn], day: date) -> float | None:
    """The latest check-in value on or before ``day``."""
    value = None
    for checkin in checkins:
        if checkin.at <= day.isoformat():
            value = checkin.value
    return value


def progress_share(goal: Goal, value: float | None) -> float | None:
    if goal.target is None:
        return None
    return share(value, goal.baseline, goal.target)


def _md(text: str) -> str:
    """User text on one Markdown line, literal: the export's escaping (``markdown_inline``)."""
    return markdown_inline(text)


def _day(text: str | None) -> str:
    return long_date(date.fromisoformat(text[:10])) if text else "–"


def _amount(value: float | None, unit: str | None) -> str:
    return format_number(value) + (f" {_md(unit)}" if unit and value is not None else "")


@dataclass(slots=True)
class Section:
    """A part of the report as Markdown lines; the HTML page puts its charts between them."""

    name: str  # "heading", "summary", "goals", "goal", "milestones", "revisions", "reviews",
    # "entries", "people", "assessment", "next", "private"
    lines: list[str]
    goal: GoalReport | None = None  # a "goal" section's goal


def build_report(
    data: ReportData, period: Period, *, today: date, include_private: bool = False, people: PeopleActivity | None = None
) -> str:
    """The review packet for ``period`` as Markdown."""
    sections = report_sections(data, period, today=today, include_private=include_private, people=people)
    return "\n".join(line for section in sections for line in section.lines).rstrip("\n") + "\n"


def report_sections(
    data: ReportData, period: Period, *, today: date, include_private: bool = False, people: PeopleActivity | None = None
) -> list[Section]:
    """The review packet for ``period``, section by section, in Markdown."""
    first, last = period.first, period.last
    before = first - timedelta(days=1)
    sections = [Section("heading", [f"# Progress report · {period_title(period)}", "", f"{long_date(first)} – {long_date(last)} · written {long_date(today)}", ""])]
    done_in_period = [m for g in data.goals for m in g.milestones if m.done_at and first.isoformat() <= m.done_at <= last.isoformat()]
    due_in_period = [m for g in data.goals for m in g.milestones if m.due_date and first.isoformat() <= m.due_date <= last.isoformat()]
    # Missed: its due day has passed (within the period, by today) and it was not done by then.
    passed = min(last, today).isoformat()
    missed = [m for m in due_in_period if m.due_date <= passed and (not m.done_at or m.done_at > m.due_date)]  # type: ignore[operator]
    missed = [m for m in missed if not m.done_at or m.done_at > last.isoformat()]
    sections.append(Section("summary", [
        "## Summary",
        "",
        f"- Goals: {len(data.goals)}",
        f"- Milestones done: {len(done_in_period)}; due in the period: {len(due_in_period)}, missed: {len(missed)}",
        f"- Check-in days: {data.checkin_days}",
        f"- Journal entries: {data.entry_count}",
        "",
    ]))  # fmt: skip
    lines = ["## Goals", ""]
    if not data.goals:
        lines += ["No goals were being pursued in this period.", ""]
    sections.append(Section("goals", lines))
    for report in data.goals:
        sections.append(Section("goal", _goal_section(report, first, last, before, today), report))
    lines = ["## Milestones", ""]
    if done_in_period:
        lines += ["Hit:", ""]
        for m in sorted(done_in_period, key=lambda m: m.done_at or ""):
            late = f" (late: due {_day(m.due_date)})" if m.due_date and m.done_at and m.done_at > m.due_date else ""
            lines.append(f"- ✓ {_md(m.title)} — {_md(data.goal_titles.get(m.goal_id, ''))}, done {_day(m.done_at)}{late}")
        lines.append("")
    if missed:
        lines += ["Missed:", ""]
        for m in sorted(missed, key=lambda m: m.due_date or ""):
            state = f"done after the period, {_day(m.done_at)}" if m.done_at else "still open"
            lines.append(f"- ✗ {_md(m.title)} — {_md(data.goal_titles.get(m.goal_id, ''))}, due {_day(m.due_date)}, {state}")
        lines.append("")
    if not done_in_period and not missed:
        lines += ["No milestone was due or done in this period.", ""]
    sections.append(Section("milestones", lines))
    lines = ["## Revisions", ""]
    revisions = sorted((r for g in data.goals for r in g.revisions), key=lambda r: r.at)
    for revision in revisions:
        reason = f" — why: {_md(revision.reason)}" if revision.reason else " — no reason given"
        lines.append(f"- {_day(revision.at)} · {_md(data.goal_titles.get(revision.goal_id, ''))}: {_changes(revision.changes)}{reason}")
    if not revisions:
        lines.append("No goal was revised in this period.")
    lines.append("")
    sections.append(Section("revisions", lines))
    sections.append(Section("reviews", _reviews_section(data.reviews)))
    sections.append(Section("entries", _entries_section(data.entries)))
    if people is not None:
        sections.append(Section("people", people_section(people, data, first, last, today=today, include_private=include_private)))
    sections.append(Section("assessment", _assessment_section(data)))
    sections.append(Section("next", _next_period_section(data, period, today)))
    if not include_private:
        sections.append(Section("private", ["", "_Entries and people marked private are left out of this report._"]))
    return sections


def _goal_section(report: GoalReport, first: date, last: date, before: date, today: date) -> list[str]:
    goal = report.goal
    start_value = value_on(report.checkins, before)
    end_value = value_on(report.checkins, last)
    baseline = goal.baseline if goal.baseline is not None else (0.0 if goal.target is not None else None)
    share = progress_share(goal, end_value)
    lines = [f"### {_md(goal.title)}", ""]
    facts = [f"status {goal.status}"]
    if goal.category:
        facts.append(goal.category)
    if goal.deadline:
        facts.append(f"deadline {_day(goal.deadline)}")
    lines.append(f"- {' · '.join(facts)}")
    if goal.cadence in CADENCES:
        lines += _cadence_lines(report, first, last, today)
    elif goal.target is not None:
        now = end_value if end_value is not None else baseline
        percent = f" ({share:.0%} of the way)" if share is not None else ""
        lines.append(
            f"- Progress: baseline {_amount(baseline, goal.unit)} → now {_amount(now, goal.unit)} "
            f"of target {_amount(goal.target, goal.unit)}{percent}"
        )
        at_start = start_value if start_value is not None else baseline
        gained = clamp_finite(now or 0.0) - clamp_finite(at_start or 0.0)
        sign = "+" if gained >= 0 else "−"
        lines.append(f"- This period: {_amount(at_start, goal.unit)} → {_amount(now, goal.unit)} ({sign}{format_number(abs(gained))})")
    in_period = [c for c in report.checkins if first.isoformat() <= c.at <= last.isoformat()]
    values = [c.value for c in report.checkins if c.at <= last.isoformat()]
    if values:
        lines.append(f"- Check-ins: {len(in_period)} this period · `{sparkline(values[-30:])}`")
    else:
        lines.append("- Check-ins: none yet")
    done = sum(1 for m in report.milestones if m.done_at and m.done_at <= last.isoformat())
    if report.milestones:
        lines.append(f"- Milestones: {done} of {len(report.milestones)} done")
    lines.append("")
    return lines


def goal_periods(report: GoalReport, last: date, today: date, *, since: date | None = None) -> CadenceSummary:
    """A cadence goal's periods as of the report's last day (or today, within a period still
    running), counted from ``since`` (default: the goal's start)."""
    goal = report.goal
    amounts = [(checkin.at, checkin.value) for checkin in report.checkins]
    return summarise(goal.cadence, goal.target, amounts, min(last, today), start=goal.start_date,  # type: ignore[arg-type]
                     deadline=goal.deadline, since=since)  # fmt: skip


def _cadence_lines(report: GoalReport, first: date, last: date, today: date) -> list[str]:
    """A cadence goal: its rate, the periods met in the report's period and since it began."""
    goal = report.goal
    within = goal_periods(report, last, today, since=first)
    overall = goal_periods(report, last, today)
    cadence = within.cadence
    unit = goal.unit or PROGRESS_SOURCES.get(goal.progress_from or "")
    lines = [f"- Target: {_md(rate_text(goal.target, unit, cadence))}"]
    # "So far" only in the period holding today: a past period's last week may run past its end.
    running = f" · {_md(within.this_period(unit))} so far" if within.running and first <= today <= last else ""
    lines.append(f"- This period: {within.met_text()}{running}")
    streak = f" · {overall.streak_text()}" if overall.streak else ""
    lines.append(f"- Since the start: {overall.met_text()}{streak}")
    return lines


def _changes(changes: str) -> str:
    try:
        parsed = json.loads(changes)
    except ValueError:
        return _md(changes)
    parts = []
    for name, pair in parsed.items():
        if isinstance(pair, list) and len(pair) == 2:
            parts.append(change_text(name, pair[0], pair[1], _revised_value))
    return "; ".join(parts) or _md(changes)


def _revised_value(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        try:
            return _day(value)
        except ValueError:
            pass
    return _md(str(value))


# How much of an entry the packet quotes: a paragraph's worth, as plain text.
ENTRY_PREVIEW = 400


def _reviews_section(reviews: list[ReviewSummary]) -> list[str]:
    """The reviews finished in the period; nothing when there were none."""
    if not reviews:
        return []
    from goaljournal.core.review import REVIEW_NAMES, decision_words

    lines = ["## Reviews", ""]
    for review in reviews:
        name = REVIEW_NAMES.get(review.kind, "review").capitalize()
        covered = f"{_day(review.period_start)} – {_day(review.period_end)}"
        said = f": {_md(review.summary)}" if review.summary else ""
        lines.append(f"- {name} of {covered}, finished {_day(review.completed_at)}{said}")
        for title, decision in review.decisions:
            lines.append(f"  - {_md(title)}: {decision_words(decision)}")
        if review.focus:
            lines.append(f"  - Focus next: {'; '.join(_md(item) for item in review.focus)}")
    return [*lines, ""]


def _entry(entry: Entry) -> str:
    """An entry's Markdown as the plain text it says (``# Coffee with **Dana**`` reads "Coffee
    with Dana"), then escaped, so the packet shows it as written and cannot be restructured."""
    return _md(plain_preview(entry.text, ENTRY_PREVIEW))


def _entries_section(entries: list[Entry]) -> list[str]:
    wins = [e for e in entries if e.kind == "win"]
    others = [e for e in entries if e.kind != "win"]
    lines = ["## Wins", ""]
    lines += [f"- {_day(e.at)} · {_entry(e)}" for e in wins] or ["No wins were logged in this period."]
    lines += ["", "## Selected reflections", ""]
    lines += [f"- {_day(e.at)} · {e.kind}{' ★' if e.starred else ''} · {_entry(e)}" for e in others] or [
        "No starred reflections, lessons or feedback in this period."
    ]
    lines.append("")
    return lines


def _assessment_section(data: ReportData) -> list[str]:
    lines = ["## Since the previous assessment", ""]
    latest, previous = data.latest_assessment, data.previous_assessment
    if latest is None:
        return lines + ["No self-assessment yet.", ""]
    if previous is None:
        lines.append(f"One self-assessment so far ({_day(latest.at)}): nothing to compare it with yet.")
        for rating in latest.ratings:
            lines.append(f"- {_md(rating.skill_name or '')}: {rating.rating} of 5")
        return lines + [""]
    comparison = compare_sessions(previous.items, previous.ratings, latest.items, latest.ratings)
    lines.append(f"{_day(previous.at)} → {_day(latest.at)}")
    lines.append("")
    for change in comparison.skills:
        if change.direction in ("up", "down", "same"):
            lines.append(f"- {_md(change.name)}: {change.before} → {change.after} {delta_text(change.delta)}")
        elif change.direction == "new":
            lines.append(f"- {_md(change.name)}: rated {change.after} (new)")
    for label, items in (("Strengths added", comparison.strengths.added), ("Weaknesses added", comparison.weaknesses.added),
                         ("Weaknesses no longer listed", comparison.weaknesses.dropped)):  # fmt: skip
        if items:
            lines.append(f"- {label}: {'; '.join(_md(item.text) for item in items)}")
    return lines + [""]


def _next_period_section(data: ReportData, period: Period, today: date) -> list[str]:
    following = period.shifted(1)
    if following == period:  # the last period a journal holds: nothing follows it
        return ["## Next period", "", f"{period_title(period)} is as far as a journal's dates go."]
    lines = [f"## Next period · {period_title(following)}", ""]
    upcoming = sorted(
        (m for g in data.goals if g.goal.status in ("active", "draft") for m in g.milestones
         if not m.done_at and (m.due_date is None or m.due_date <= following.last.isoformat())),
        key=lambda m: (m.due_date is None, m.due_date or "", m.id),
    )  # fmt: skip
    for m in upcoming[:12]:
        due = f"due {_day(m.due_date)}" if m.due_date else "no due date"
        overdue = f" ({overdue_since(date.fromisoformat(m.due_date), today)})" if m.due_date and m.due_date < today.isoformat() else ""
        lines.append(f"- [ ] {_md(m.title)} — {_md(data.goal_titles.get(m.goal_id, ''))}, {due}{overdue}")
    if not upcoming:
        lines.append("No open milestones: a good moment to plan the next steps.")
    return lines


def _shareable(person: Person | None, include_private: bool) -> bool:
    return person is not None and (include_private or not person.private)


def _private_count(count: int, what: str = "private contact") -> str:
    return plural(count, what)


def people_section(
    activity: PeopleActivity, data: ReportData, first: date, last: date, *, today: date, include_private: bool = False
) -> list[str]:
    """Conversations held, new people met, follow-ups and counted goals. A private person is
    counted but never named, and what was said with them stays out."""
    counted = [g for g in data.goals if g.goal.progress_from]
    if not activity.people and not counted:
        return []  # a journal that keeps no people: no empty section
    people = activity.people
    lines = ["## People and conversations", ""]
    held = activity.interactions
    kinds = [kind for kind in KIND_WORDS if any(i.kind == kind for i in held)]
    by_kind = ", ".join(count_words(sum(1 for i in held if i.kind == kind), kind) for kind in kinds)
    lines.append(f"- Conversations: {len(held)}" + (f" ({by_kind})" if by_kind else ""))
    named = [people[pid].name for pid in activity.new_people if _shareable(people.get(pid), include_private)]
    hidden = len(activity.new_people) - len(named)
    who = [_md(name) for name in named] + ([_private_count(hidden)] if hidden else [])
    lines.append(f"- New people met: {len(activity.new_people)}" + (f" ({', '.join(who)})" if who else ""))
    still_open = activity.follow_ups_open
    overdue = [i for i in still_open if (i.follow_up_due or "") < today.isoformat()]
    lines.append(f"- Follow-ups: {len(activity.follow_ups_done)} done in the period; {len(still_open)} open, {len(overdue)} overdue")
    for report in counted:
        goal = report.goal
        before = value_on(report.checkins, first - timedelta(days=1))
        now = value_on(report.checkins, last)
        base = goal.baseline or 0.0
        gained = clamp_finite(now if now is not None else base) - clamp_finite(before if before is not None else base)
        label = PROGRESS_SOURCES.get(goal.progress_from or "", "conversations")
        tag = f" (@{_md(goal.progress_tag)})" if goal.progress_tag else ""
        target = f" of {format_number(goal.target)}" if goal.target is not None else ""
        if goal.cadence in CADENCES:  # its check-ins are each day's count: the period's are summed
            counted_here = sum(c.value for c in report.checkins if first.isoformat() <= c.at <= last.isoformat())
            within = goal_periods(report, last, today, since=first)
            lines.append(
                f"- Counted goal · {_md(goal.title)}: {label}{tag} +{format_number(counted_here)} this period, "
                f"{_md(rate_text(goal.target, label, within.cadence))} · {within.met_text()}"
            )
            continue
        lines.append(
            f"- Counted goal · {_md(goal.title)}: {label}{tag} +{format_number(gained)} this period, "
            f"{format_number(now if now is not None else base)}{target} in all"
        )
    lines.append("")
    shown = [i for i in held if _shareable(people.get(i.person_id), include_private)]
    if shown:
        lines += ["Conversations:", ""]
        for item in shown:
            person = people[item.person_id]
            said = []
            if item.learned:
                said.append(f"learned: {_md(item.learned)}")
            elif item.notes:
                said.append(_md(item.notes))
            if item.outcome:
                said.append(f"done about it: {_md(item.outcome)}")
            tail = f" — {'; '.join(said)}" if said else ""
            lines.append(f"- {_day(item.at)} · {item.kind} with {_md(person.name)} ({person.relationship}){tail}")
        lines.append("")
    private_held = len(held) - len(shown)
    if private_held:
        shown_ids = {i.id for i in shown}
        contacts = len({i.person_id for i in held if i.id not in shown_ids})
        lines += [f"{_private_count(private_held, 'conversation')} with {_private_count(contacts)} not shown.", ""]
    if still_open:
        lines += ["Open follow-ups:", ""]
        for item in still_open:
            person = people.get(item.person_id)
            what = _md(item.follow_up or "") if _shareable(person, include_private) else "a follow-up with a private contact"
            late = f" ({overdue_since(date.fromisoformat(item.follow_up_due or ''), today)})" if item in overdue else ""
            lines.append(f"- [ ] {what}, due {_day(item.follow_up_due)}{late}")
        lines.append("")
    return lines
