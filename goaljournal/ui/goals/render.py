"""Goals as text: the detail of a goal, its cadence periods, the tree order of the list, and the
drafting form's hint lines. Pure functions of the store and today, so they can be tested without
the app."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.content import Content

from goaljournal.core.cadence import (
    NOUNS,
    CadenceSummary,
    count_words,
    period_name,
    rate_text,
    summarise,
)
from goaljournal.core.dates import human_date, human_day
from goaljournal.core.deadlines import DeadlineMatch
from goaljournal.core.models import (
    CADENCES,
    CATEGORIES,
    HORIZONS,
    PROGRESS_SOURCES,
    Goal,
)
from goaljournal.core.progress import (
    derived_horizon,
    format_number,
    goal_horizon,
    pace_status,
    progress_fraction,
    sparkline,
)
from goaljournal.core.scale import rating_dots
from goaljournal.core.smart import GoalFields, SmartReport
from goaljournal.core.words import change_text, deadline_examples, overdue_text, plural
from goaljournal.store import JournalError, Store
from goaljournal.ui.goals.coach import goal_report, smart_marks
from goaljournal.ui.shared.text import progress_bar, user_content

# "all" first, then the filter people want most.
FILTERS = ("all", "active", "draft", "paused", "achieved", "abandoned")
CATEGORY_FILTERS = ("all", *CATEGORIES)
HORIZON_FILTERS = ("all", *HORIZONS)
STATUS_STYLES = {"active": "$text-accent", "draft": "$text-warning", "paused": "$text-muted", "achieved": "$text-success", "abandoned": "$text-muted"}
STATUS_ORDER = ("active", "draft", "paused", "achieved", "abandoned")
RECENT_CHECKINS = 5
# The periods a cadence goal's detail lists (newest first); the count says how many came before.
PERIODS_SHOWN = 12


# -- the list's columns ----------------------------------------------------------------------

CELL_PADDING = 2  # a DataTable cell's padding, one cell each side
STATUS_WORD, DEADLINE_CELLS, SMART_CELLS = 9, 9, 5
# The goal's title is what the list is for: below this many cells it gives way first the status
# word, then the progress bar (its percentage stays), never the progress or the deadline.
TITLE_WANTED = 36


@dataclass(frozen=True, slots=True)
class ListColumns:
    """The goals list's column widths for the room there is (each without its cell padding)."""

    id: int
    status: int  # STATUS_WORD, or 1: a mark
    title: int
    bar: int  # 0: the percentage alone
    deadline: int = DEADLINE_CELLS

    @property
    def progress(self) -> int:
        return self.bar + 1 + 4 if self.bar else 4

    def widths(self) -> tuple[int, ...]:
        return (self.id, self.status, self.title, SMART_CELLS, self.progress, self.deadline)


def list_columns(width: int, id_cells: int) -> ListColumns:
    """Columns that fit ``width`` cells exactly: the title takes what the others leave."""

    def title_room(status: int, bar: int) -> int:
        fixed = ListColumns(id_cells, status, 0, bar).widths()
        return width - sum(fixed) - CELL_PADDING * len(fixed)

    status, bar = next(((status, bar) for status, bar in ((STATUS_WORD, 5), (1, 5)) if title_room(status, bar) >= TITLE_WANTED), (1, 0))
    return ListColumns(id_cells, status, max(title_room(status, bar), 8), bar)



def day_text(text: str | None) -> str:
    return human_day(text) if text else "–"


def goal_detail(
    store: Store, goal: Goal, today: date, *, milestones: bool = True, checkins: bool = True, width: int | None = None
) -> Content:
    """Everything about one goal: its numbers, SMART verdicts, milestones, check-ins and revisions
    (the goal's own screen lists milestones and check-ins apart, where they can be changed).
    With ``width``, each line of a list (a milestone, a check-in, a conversation) is cut to it
    rather than wrapped back to the left edge; sentences still wrap."""

    def cut(line: Content) -> Content:
        return line.truncate(width, ellipsis=True) if width else line
    fraction = progress_fraction(goal)
    report = goal_report(store, goal, today)
    lines: list[Content] = [
        user_content(goal.title, style="bold"),
        Content.assemble(
            (goal.status, STATUS_STYLES.get(goal.status, "$text-accent")),
            f" · {goal.category or 'no category'} · {goal_horizon(goal) or 'no'} horizon · ",
            smart_marks(report),
            (f" {report.met}/5", "$text-muted"),
        ),
        Content(""),
    ]
    periods = cadence_summary(store, goal, today)
    if periods is not None:
        lines += cadence_overview(goal, periods, today)
    elif goal.target is not None:
        current = goal.current if goal.current is not None else goal.baseline
        lines.append(
            Content.assemble(
                (progress_bar(fraction, 20), "$text-accent"),
                f" {fraction or 0:.0%}  {format_number(current)} of {format_number(goal.target)} ",
                user_content(goal.unit or "", single_line=True),
                f" (from {format_number(goal.baseline or 0)})",
                f"  {pace_status(goal, today, store.week_start) or ''}",
            )
        )
    if goal.metric:
        lines.append(user_content(f"Measured by: {goal.metric}", single_line=True))
    if goal.progress_from:
        lines.append(counted_text(store, goal))
    span = f"From {day_text(goal.start_date)} to {day_text(goal.deadline) if goal.deadline else 'no deadline'}"
    if goal.deadline and goal.status in ("active", "draft", "paused"):
        left = (date.fromisoformat(goal.deadline) - today).days
        span += f" · {plural(left, 'day')} left" if left >= 0 else f" · {overdue_text(-left)}"
    lines.append(Content(span))
    if goal.why:
        lines.append(user_content(f"Why it matters: {goal.why}"))
    if goal.confidence:
        lines.append(Content(f"Confidence: {rating_dots(goal.confidence)}"))
    if goal.parent_id is not None:
        try:
            parent = store.get_goal(goal.parent_id)
            lines.append(Content.assemble("Serves: ", user_content(f"#{parent.id} {parent.title}", single_line=True, width=70)))
        except JournalError:
            pass
    if goal.assessment_item_id is not None:
        try:
            item = store.get_assessment_item(goal.assessment_item_id)
            lines.append(Content.assemble("From the self-assessment: ", user_content(f"{item.kind}: {item.text}", single_line=True, width=70)))
        except JournalError:
            pass
    children = store.child_goals(goal.id)
    if children:
        lines += [Content(""), Content.styled(f"Stepping stones ({sum(c.status == 'achieved' for c in children)}/{len(children)} achieved)", "bold")]
        for child in children:
            share = progress_fraction(child)
            lines.append(cut(
                Content.assemble(
                    "  ", (f"{child.status:<9}", STATUS_STYLES.get(child.status, "")), " ",
                    (f"{share:4.0%} " if share is not None else "     ", "$text-muted"),
                    user_content(child.title, single_line=True, width=48),
                )  # fmt: skip
            ))
    if milestones:
        items = store.milestones(goal.id)
        lines += [Content(""), Content.styled(f"Milestones ({sum(m.done for m in items)}/{len(items)} done)", "bold")]
        for milestone in items:
            overdue = not milestone.done and milestone.due_date and milestone.due_date < today.isoformat()
            mark = ("✓", "$text-success") if milestone.done else (("!", "$text-error") if overdue else ("○", ""))
            if milestone.done:
                when = (f"done {day_text(milestone.done_at)}", "$text-success")
            elif milestone.due_date:
                when = (f"{'overdue' if overdue else 'due'} {day_text(milestone.due_date)}", "$text-error" if overdue else "$text-muted")
            else:
                when = ("no date", "$text-muted")
            # The date stays whole: the title gives way to it.
            room = max(width - 6 - len(when[0]), 8) if width else None
            lines.append(cut(Content.assemble("  ", mark, " ", user_content(milestone.title, single_line=True, width=room), "  ", when)))
    if periods is not None:
        lines += period_lines(goal, periods)
    made = store.checkins(goal.id) if checkins else []
    if made:
        values = [checkin.value for checkin in made]
        lines += [
            Content(""),
            Content.styled(f"Check-ins ({len(made)})", "bold"),
            Content.assemble(("  " + sparkline(values[-min(40, max((width or 80) - 32, 8)):]), "$text-accent"),
                             f"  latest {format_number(values[-1])} on {day_text(made[-1].at)}"),  # fmt: skip
        ]
        for checkin in reversed(made[-RECENT_CHECKINS:]):
            lines.append(cut(
                Content.assemble(
                    (f"  {day_text(checkin.at)}  ", "$text-muted"), f"{format_number(checkin.value):>5}  ",
                    user_content(checkin.note, style="$text-muted", single_line=True, width=60) if checkin.note else "",
                )  # fmt: skip
            ))
    talks = store.interactions(goal_id=goal.id, limit=RECENT_CHECKINS)
    if talks:
        lines += [Content(""), Content.styled("Recent conversations about this goal", "bold")]
        for talk in talks:
            said = talk.learned or talk.notes
            lines.append(cut(
                Content.assemble(
                    (f"  {day_text(talk.at)}  {talk.kind} with ", "$text-muted"),
                    user_content(talk.person_name or "", single_line=True, width=30),
                    *((": ", user_content(said, style="$text-muted", single_line=True, width=50)) if said else ()),
                )
            ))
    revisions = store.revisions(goal.id)
    if revisions:
        lines += [Content(""), Content.styled("Revisions", "bold")]
        for revision in revisions:
            changes = json.loads(revision.changes)
            what = "; ".join(change_text(name, old, new, plain_value) for name, (old, new) in changes.items())
            lines.append(user_content(f"  {revision.at[:10]}  {what}", single_line=True))
            if revision.reason:
                lines.append(user_content(f"      because {revision.reason}", style="$text-muted", single_line=True))
    return Content("\n").join(lines)


def cadence_summary(store: Store, goal: Goal, today: date) -> CadenceSummary | None:
    """A cadence goal's periods as of ``today`` (None for a goal counted as a total)."""
    cadence = goal.cadence
    if cadence is None or cadence not in CADENCES:
        return None
    amounts = store.checkin_amounts([goal.id])[goal.id]
    return summarise(cadence, goal.target, amounts, today, start=goal.start_date, deadline=goal.deadline, week_start=store.week_start)


def cadence_overview(goal: Goal, periods: CadenceSummary, today: date) -> list[Content]:
    """``████░░ 40%  2 of 5 client reports this week  on track``, then the rate, the periods
    met so far and the streak."""
    fraction = progress_fraction(goal)
    unit = goal.unit or PROGRESS_SOURCES.get(goal.progress_from or "")
    lines = []
    if goal.target is not None:
        lines.append(Content.assemble((progress_bar(fraction, 20), "$text-accent"), f" {fraction or 0:.0%}  {pace_status(goal, today, periods.week_start) or ''}"))
    lines.append(user_content(periods.this_period(unit), single_line=True))
    facts = [rate_text(goal.target, unit, periods.cadence), periods.met_text(), periods.streak_text()]
    lines.append(user_content(" · ".join(fact for fact in facts if fact), single_line=True))
    return lines


def period_lines(goal: Goal, periods: CadenceSummary) -> list[Content]:
    """Each period met or missed, newest first, the latest PERIODS_SHOWN of them."""
    noun = NOUNS[periods.cadence][1].capitalize()
    lines = [Content(""), Content.styled(f"{noun} ({periods.met_text()})", "bold")]
    target = f"/{format_number(goal.target)}" if goal.target is not None else ""
    shown = periods.results(limit=PERIODS_SHOWN)
    names = [period_name(result.period) for result in shown]
    room = max((len(name) for name in names), default=0)
    for result, name in zip(shown, names, strict=True):
        if result.met:
            mark, state = ("✓", "$text-success"), ("met", "$text-success")
        elif result.running:
            mark, state = ("…", "$text-accent"), ("under way", "$text-accent")
        elif result.partial:
            mark, state = ("·", "$text-muted"), ("part of it", "$text-muted")
        else:
            mark, state = ("✗", "$text-error"), ("missed", "$text-error")
        lines.append(
            Content.assemble("  ", mark, f" {name:<{room}}  {format_number(result.total):>3}{target}  ", state)
        )
    earlier = periods.period_count - PERIODS_SHOWN
    if earlier > 0:
        lines.append(Content.styled(f"  … and {count_words(earlier, periods.cadence)} before", "$text-muted"))
    return lines


def counted_text(store: Store, goal: Goal) -> Content:
    """``Counts new people met @hr: 2 of 5``, and below, ``2 counted so far``: where a counted
    goal's progress comes from, and how much of it the people log has given."""
    label = PROGRESS_SOURCES.get(goal.progress_from or "", goal.progress_from or "")
    current = goal.current if goal.current is not None else (goal.baseline or 0.0)
    amount = f": {format_number(current)} of {format_number(goal.target)}" if goal.target is not None else ""
    try:
        counted = store.count_for_goal(goal.id)
    except JournalError:
        counted = 0
    return Content.assemble(
        user_content(f"Counts {label}{f' @{goal.progress_tag}' if goal.progress_tag else ''}{amount}", single_line=True),
        (f"\n  {counted} counted so far · log with goaljournal met", "$text-muted"),
    )


def plain_value(value: object) -> str:
    """A field's value in a revision's or a change's line."""
    if value is None:
        return "none"
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def in_tree_order(goals: list[Goal]) -> Iterator[tuple[Goal, int]]:
    """Each goal with its depth: a goal right after the goal it serves (when both are listed)."""
    listed = {goal.id for goal in goals}
    children: dict[int, list[Goal]] = {}
    roots = []
    for goal in goals:
        if goal.parent_id is not None and goal.parent_id in listed and goal.parent_id != goal.id:
            children.setdefault(goal.parent_id, []).append(goal)
        else:
            roots.append(goal)
    seen: set[int] = set()

    def walk(goal: Goal, depth: int) -> Iterator[tuple[Goal, int]]:
        if goal.id in seen:  # a cycle the store refused to make, but never loop on one
            return
        seen.add(goal.id)
        yield goal, depth
        for child in children.get(goal.id, []):
            yield from walk(child, depth + 1)

    for root in roots:
        yield from walk(root, 0)
    for goal in goals:  # anything only reachable through a cycle
        if goal.id not in seen:
            yield goal, 0


# -- the drafting form's hint lines ----------------------------------------------------------


def deadline_line(text: str, typed: DeadlineMatch | None, horizon: str | None, report: SmartReport, today: date) -> Content:
    """The deadline field's ``text`` as read (``typed``), or the sentence's deadline when the field
    is empty: the day, how far off it is and the horizon (``horizon``, or the deadline's own)."""
    if text and typed is None:
        return Content.styled(f"not a date I can read: try {deadline_examples(today)}", "$text-error")
    day = typed.day if typed else None
    source: Content | None = None
    if day is None and report.deadline_match is not None:
        day = report.deadline_match.day
        source = Content.assemble(
            ("from the sentence ", "$text-muted"),
            user_content(f"'{report.deadline_match.phrase}'", single_line=True, width=40),
            " ",
        )
    if day is None:
        return Content.styled("no deadline yet", "$text-muted")
    days = (day - today).days
    when = f"in {plural(days, 'day')}" if days >= 0 else f"{plural(-days, 'day')} ago"
    horizon = horizon if horizon not in (None, "auto") else derived_horizon(today, day)
    return Content.assemble(
        source or "", ("→ ", "$text-accent"), (human_date(day, "%a %d %b %Y"), "bold"), f" · {when} · {horizon} horizon"
    )


def progress_hint(chosen: object, tag: str, suggestion: str | None, *, suggested: bool) -> Content:
    """Where a goal's progress will come from (``chosen``: a people-log count or typed check-ins),
    and what the sentence suggests; ``suggested`` says the choice is the suggestion, not the user's."""
    if chosen in PROGRESS_SOURCES:
        who = f" @{tag}" if tag else ""
        why = " · suggested by the goal" if suggested and chosen == suggestion else ""
        return Content.assemble(
            user_content(f"counts {PROGRESS_SOURCES[str(chosen)]}{who}", single_line=True, width=40),
            (why, "$text-muted"),
            ("\nfilled by conversations you log: p, or goaljournal met", "$text-muted"),
        )
    if suggestion:
        return Content.styled(f"reads like it counts {PROGRESS_SOURCES[suggestion]}: choose it to count them", "$text-muted")
    return Content("")


def metric_hint(filled: dict[str, Any], fields: GoalFields) -> Content:
    """What the sentence's measure (``filled``: coach.sentence_metric) puts in the fields left empty."""
    if fields.target is not None or not filled:
        return Content("")
    parts = []
    if "baseline" in filled and fields.baseline is None:
        parts.append(f"baseline {format_number(filled['baseline'])}")
    parts.append(f"target {format_number(filled['target'])}")
    if "unit" in filled and not fields.unit:
        parts.append(filled["unit"])
    return Content.assemble(
        ("from the sentence: ", "$text-muted"),
        user_content(" · ".join(parts), single_line=True, width=40),
        (" (used if left empty)", "$text-muted"),
    )
