"""A review as text: the period in numbers against the period before, a goal's line, the summary
and the comparison of two reviews. Pure functions of the store: tested without the app."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from goaljournal.core.cadence import amount_text
from goaljournal.core.dates import human_day
from goaljournal.core.models import CADENCES, Goal, Review
from goaljournal.core.periods import Period
from goaljournal.core.progress import format_number, goal_horizon, pace_status, progress_fraction
from goaljournal.core.review import (
    REVIEW_NAMES,
    NumberRow,
    PeriodNumbers,
    compare_goals,
    compare_numbers,
    decision_words,
    percent,
    reviewed_period,
)
from goaljournal.core.words import plural
from goaljournal.store import Store
from goaljournal.ui.shared.text import user_content

DECISION_MARKS = {"keep": "→", "adjust": "✎", "pause": "‖", "achieved": "✓", "abandon": "✗"}
CHANGE_STYLES = {True: "$text-success", False: "$text-warning", None: "$text-muted"}


def review_name(review: Review) -> str:
    """``Weekly review``."""
    return REVIEW_NAMES[review.kind].capitalize()


def review_period_of(review: Review) -> Period:
    """The period a review covers."""
    return reviewed_period(review.kind, date.fromisoformat(review.period_start))


def period_label(review: Review) -> str:
    """``Week 49 · 30 Nov–6 Dec 2026``, ``November 2026``, ``Q4 2026 · Oct–Dec``."""
    return review_period_of(review).label


def numbers_table(rows: list[NumberRow], *, now: str, before: str) -> Content:
    """The numbers as aligned columns: what, this period, the one before, the change."""
    label_width = max(len(row.label) for row in rows) + 2
    head = Content.styled(f"{'':<{label_width}}{now:>10}{before:>12}{'change':>9}", "bold")
    lines = [head]
    for row in rows:
        lines.append(Content.assemble(
            f"{row.label:<{label_width}}", (f"{row.now:>10}", "bold"), (f"{row.before:>12}", "$text-muted"),
            (f"{row.change:>9}", CHANGE_STYLES[row.better]),
        ))  # fmt: skip
    return Content("\n").join(lines)


def period_numbers(store: Store, review: Review) -> tuple[PeriodNumbers, PeriodNumbers]:
    """The review's period in numbers (as kept when it was finished, else as they stand) and the
    period before's."""
    period = review_period_of(review)
    kept = PeriodNumbers.from_json(review.numbers)
    now = kept if kept is not None else store.period_numbers(period.first, period.last)
    earlier = period.shifted(-1)
    return now, store.period_numbers(earlier.first, earlier.last)


def numbers_content(store: Store, review: Review) -> Content:
    now, before = period_numbers(store, review)
    word = review.kind
    return numbers_table(compare_numbers(now, before), now=f"this {word}", before=f"{word} before")


def goal_line(
    goal: Goal, decision: str | None, since: float | None, today: date, week_start: int, width: int, *, horizon: bool = False
) -> Content:
    """Two lines for the goals step: the decision's mark and the title; then progress since the
    last review, pace, and with ``horizon`` the goal's horizon (a month's or quarter's review asks
    whether it still fits)."""
    mark = DECISION_MARKS.get(decision or "", "·")
    decided = Content.styled(f" · {decision_words(decision)}", "$text-success" if decision else "$text-muted")
    title = user_content(goal.title, style="bold", single_line=True).truncate(max(width - 4 - decided.cell_length, 10), ellipsis=True)
    now = progress_fraction(goal)
    if goal.cadence in CADENCES:
        amount = amount_text(goal.current or 0.0, goal.target, goal.cadence, goal.unit)  # type: ignore[arg-type]
    else:
        value = format_number(goal.current if goal.current is not None else goal.baseline)
        target = f" of {format_number(goal.target)}" if goal.target is not None else ""
        amount = value + target + (f" {goal.unit}" if goal.unit else "")
    if since is None:
        moved = f"{percent(now)} so far"
    elif percent(since) == percent(now):
        moved = f"{percent(now)}, as at the last review"
    else:
        moved = f"{percent(since)} → {percent(now)} since the last review"
    pace = pace_status(goal, today, week_start)
    status = "" if goal.status == "active" else f" · {goal.status}"
    if horizon:
        status += f" · {goal_horizon(goal) or 'no'} horizon"
    second = f"{amount} · {moved}" + (f" · {pace}" if pace else "") + status
    return Content.assemble((f"{mark} ", "bold $text-accent"), title, decided, "\n  ",
                            user_content(second, single_line=True).truncate(max(width - 2, 10), ellipsis=True).stylize("$text-muted"))  # fmt: skip


def summary_content(store: Store, review: Review, today: date) -> Content:
    """What the review found and decided, as the summary step and the reader show it."""
    parts: list[Content] = [Content.styled(f"{review_name(review)} · {period_label(review)}", "bold")]
    if review.completed_at:
        parts.append(Content.styled(f"finished {human_day(review.completed_at[:10])}", "$text-muted"))
    else:
        parts.append(Content.styled("in progress", "$text-muted"))
    if review.summary:
        parts += [Content(""), user_content(review.summary)]
    parts += [Content(""), Content.styled("In numbers", "bold $text-accent"), numbers_content(store, review)]
    goals = store.reviewed_goals(review.id)
    decided = [goal for goal in goals if goal.decision]
    if goals:
        parts += [Content(""), Content.styled("Goals", "bold $text-accent")]
        for goal in goals:
            parts.append(Content.assemble(
                f"{DECISION_MARKS.get(goal.decision or '', '·')} ", user_content(goal.title, single_line=True),
                (f" · {decision_words(goal.decision)} · {percent(goal.fraction)}", "$text-muted"),
            ))  # fmt: skip
    elif not review.completed_at:
        parts += [Content(""), Content.styled(f"{plural(len(decided), 'goal')} decided so far", "$text-muted")]
    entries = [store.get_entry(entry_id) for entry_id in store.review_entry_ids(review.id)]
    for kind, heading in (("win", "Wins"), ("lesson", "What got in the way")):
        written = [entry for entry in entries if entry.kind == kind]
        if written:
            parts += [Content(""), Content.styled(heading, "bold $text-accent")]
            parts += [Content.assemble("• ", user_content(entry.text, single_line=True)) for entry in written]
    focus = store.review_focus(review.id)
    if focus:
        parts += [Content(""), Content.styled(f"Focus for the next {review.kind}", "bold $text-accent")]
        for number, item in enumerate(focus, start=1):
            of_goal = Content.styled(f" ({item.goal_title})", "$text-muted") if item.goal_title else Content("")
            parts.append(Content.assemble(f"{number}. ", user_content(item.title, single_line=True), of_goal))
    return Content("\n").join(parts)


def comparison_content(store: Store, review: Review, earlier: Review | None) -> Content:
    """Two reviews side by side: the numbers kept by each, each goal's progress then and now, and
    the focus each set."""
    if earlier is None:
        return Content.styled(f"No earlier {REVIEW_NAMES[review.kind]} to compare with yet.", "$text-muted")
    now, _ = period_numbers(store, review)
    then, _ = period_numbers(store, earlier)
    parts = [
        Content.styled(f"{period_label(review)}  against  {period_label(earlier)}", "bold"),
        Content(""),
        numbers_table(compare_numbers(now, then), now="this one", before="that one"),
    ]
    changes = compare_goals(store.reviewed_goals(review.id), store.reviewed_goals(earlier.id))
    if changes:
        parts += [Content(""), Content.styled("Goals: progress then → now", "bold $text-accent")]
        for change in changes:
            parts.append(Content.assemble(
                "• ", user_content(change.title, single_line=True), (f" · {change.moved}", "$text-muted"),
                (f" · {decision_words(change.decision)}" if change.decision else "", "$text-muted"),
            ))  # fmt: skip
    for heading, which in (("Focus then", earlier), ("Focus now", review)):
        focus = store.review_focus(which.id)
        if focus:
            parts += [Content(""), Content.styled(heading, "bold $text-accent")]
            parts += [Content.assemble("• ", user_content(item.title, single_line=True),
                                       ("  ✓ done" if item.done_at else "", "$text-success")) for item in focus]  # fmt: skip
    return Content("\n").join(parts)


def review_reading(store: Store, review_id: int, today: date) -> Content:
    """A finished review as the reader shows it: its summary, then the comparison with the one
    before."""
    review = store.get_review(review_id)
    earlier = store.review_before(review)
    return Content("\n").join([
        summary_content(store, review, today), Content(""), Content.styled("Compared with the one before", "bold $text-accent"),
        comparison_content(store, review, earlier),
    ])  # fmt: skip
