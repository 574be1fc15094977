"""What a goal's progress chart shows, worked out once for the terminal and for the HTML report.

A goal measured by a reading (a count so far, a score, an amount) is a line of its check-ins
against the ideal pace, from the baseline on the start day to the target on the deadline, with
its milestones on the time axis, today, and where the recent pace would reach the target. A goal
with a cadence ("two talks a month") is a bar per period against the target per period.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from goaljournal.core.cadence import period_at, period_index, period_totals
from goaljournal.core.chart import Line, Mark, Row, bar_chart, date_labels, dated, day_label, legend, line_chart, nice_range, wrapped
from goaljournal.core.dates import MONTH_ABBRS
from goaljournal.core.models import CADENCES, CheckIn, Goal, Milestone
from goaljournal.core.periods import short_date
from goaljournal.core.progress import clamp_finite
from goaljournal.core.words import plural

# The recent pace is the change over the check-ins of the last four weeks before the latest one
# (or the first and latest check-in when those weeks hold only one).
RECENT_DAYS = 28
# A projection further out than this is no forecast: the chart says the pace will not get there.
PROJECTION_LIMIT_DAYS = 3660
# A cadence goal's chart shows at most this many periods, the latest.
BAR_PERIODS = 12

Point = tuple[date, float]


@dataclass(frozen=True, slots=True)
class GoalChart:
    kind: str  # "value" or "cadence"
    first: date
    last: date
    today: date
    unit: str | None
    baseline: float | None
    target: float | None
    points: tuple[Point, ...] = ()
    pace: tuple[Point, Point] | None = None
    projection: tuple[Point, Point] | None = None
    projected_finish: date | None = None
    milestones: tuple[tuple[date, str, bool], ...] = ()
    bars: tuple[tuple[date, str, float], ...] = ()
    per_period: float | None = None
    cadence: str | None = None  # "week", "month" or "quarter" for a cadence goal

    @property
    def values(self) -> list[float]:
        """Every value the chart draws, for its y range."""
        values = [value for _, value in self.points] + [total for *_, total in self.bars]
        for line in (self.pace, self.projection):
            if line:
                values += [line[0][1], line[1][1]]
        values += [value for value in (self.baseline, self.target, self.per_period) if value is not None]
        return values


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def daily_points(checkins: Sequence[CheckIn]) -> tuple[Point, ...]:
    """The check-ins as one value a day, the day's latest, oldest first."""
    by_day: dict[date, float] = {}
    for checkin in sorted((c for c in checkins if not c.deleted_at), key=lambda c: (c.at, c.id)):
        day = _day(checkin.at)
        if day is not None:
            by_day[day] = clamp_finite(checkin.value)
    return tuple(sorted(by_day.items()))


def projected(points: Sequence[Point], target: float | None) -> tuple[tuple[Point, Point] | None, date | None]:
    """Where the recent pace takes the latest value: the line to the target and the day it gets
    there; (None, None) without a target, with fewer than two days of check-ins, when the target
    is reached already, or when the pace is flat, away from the target or too slow to forecast."""
    if target is None or len(points) < 2:
        return None, None
    latest_day, latest = points[-1]
    recent = [point for point in points if (latest_day - point[0]).days <= RECENT_DAYS]
    since_day, since = recent[0] if len(recent) >= 2 else points[-2]
    days = (latest_day - since_day).days
    remaining = target - latest
    if days <= 0 or remaining == 0:
        return None, None
    rate = (latest - since) / days
    if rate == 0 or (rate > 0) != (remaining > 0):
        return None, None
    needed = math.ceil(remaining / rate)
    if not 0 < needed <= PROJECTION_LIMIT_DAYS:
        return None, None
    finish = latest_day + timedelta(days=needed)
    return ((latest_day, latest), (finish, target)), finish


def goal_chart(goal: Goal, checkins: Sequence[CheckIn], milestones: Sequence[Milestone], today: date, week_start: int = 0) -> GoalChart:
    """The chart of ``goal`` from its check-ins and milestones, as of ``today``."""
    points = daily_points(checkins)
    start, deadline = _day(goal.start_date), _day(goal.deadline)
    dated = tuple(
        sorted((due, milestone.title, milestone.done_at is not None)
               for milestone in milestones if not milestone.deleted_at and (due := _day(milestone.due_date)) is not None)
    )  # fmt: skip
    known = [day for day in (start, _day(goal.created_at), points[0][0] if points else None) if day is not None]
    first = start or min(known, default=today)
    if goal.cadence in CADENCES:
        return _cadence_chart(goal, checkins, dated, first, today, week_start)
    pace = None
    if start and deadline and goal.target is not None and deadline > start:
        pace = ((start, clamp_finite(goal.baseline or 0.0)), (deadline, clamp_finite(goal.target)))
    projection, finish = (None, None) if goal.status in ("achieved", "abandoned") else projected(points, goal.target)
    ends = [day for day in (deadline, today, points[-1][0] if points else None) if day is not None]
    last = max(ends)
    if finish and finish > last and (finish - first).days <= 2 * max((last - first).days, 30):
        last = finish  # a finish near enough is shown; a far one is named, the line running off the edge
    first = min([first, *(day for day, *_ in dated), *(day for day, _ in points[:1])])
    last = max([last, *(day for day, *_ in dated)])
    if last <= first:
        last = first + timedelta(days=1)
    return GoalChart(
        "value", first, last, today, goal.unit, goal.baseline, goal.target,
        points, pace, projection, finish, dated,
    )  # fmt: skip


def _cadence_chart(goal: Goal, checkins: Sequence[CheckIn], dated: tuple[tuple[date, str, bool], ...], first: date, today: date, week_start: int) -> GoalChart:
    """Bars of each period's total (check-ins of a cadence goal are amounts, summed per period)
    from the goal's first period to today's, the latest BAR_PERIODS of them."""
    cadence = goal.cadence or "week"
    amounts = [(day, clamp_finite(c.value)) for c in checkins if not c.deleted_at and (day := _day(c.at)) is not None]
    totals = period_totals(amounts, cadence, week_start)
    now = period_index(today, cadence, week_start)
    begin = max(min([period_index(first, cadence, week_start), *totals]) if totals else period_index(first, cadence, week_start), now - BAR_PERIODS + 1)
    bars = []
    for index in range(min(begin, now), now + 1):
        period = period_at(index, cadence, week_start)
        bars.append((period.first, _period_label(period.first, cadence), totals.get(index, 0.0)))
    return GoalChart(
        "cadence", bars[0][0], today, today, goal.unit, None, goal.target,
        milestones=dated, bars=tuple(bars), per_period=goal.target, cadence=cadence,
    )  # fmt: skip


def _period_label(first: date, cadence: str) -> str:
    if cadence == "week":
        return day_label(first)
    if cadence == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year % 100:02d}"
    return MONTH_ABBRS[first.month - 1] if first.month != 1 else str(first.year)


def chart_rows(chart: GoalChart, width: int, height: int) -> list[Row]:
    """The chart drawn ``width`` × ``height`` cells for a terminal: the plot, its legend and what
    the projection says, in words, under it."""
    if chart.kind == "cadence":
        period = chart.cadence or "period"
        notes = legend([], [
            ("█", "done", "met"), ("█", "value", "short of it"), ("▒", "projection", f"this {period} so far"),
            ("╌", "target", f"target a {period}"),
        ], width)  # fmt: skip
        bars = [(label, total) for _, label, total in chart.bars]
        return bar_chart(bars, width, height - len(notes), target=chart.per_period, last_under_way=True) + notes
    lines = []
    if chart.pace:
        lines.append(Line(dated(chart.pace), "pace", "pace", dotted=True))
    if chart.projection:
        lines.append(Line(dated(chart.projection), "projection", "projected", dotted=True, marker="»"))
    if chart.points:
        crowded = len(chart.points) * 3 > width
        lines.append(Line(dated(chart.points), "value", "check-ins", marker=None if crowded else "●"))
    marks = [("┊", "today", "today")]
    if chart.milestones:
        marks.append(("◆◇", "milestone", "milestones"))
    notes = legend(lines, marks, width) + wrapped(chart_caption(chart), width)
    notes = notes[: max(height - max(6, height * 2 // 3), 0)]  # the plot first: the words where they fit
    low, high = nice_range(min(chart.values, default=0.0), max(chart.values, default=1.0))
    ticks = [Mark(float(day.toordinal()), "◆" if done else "◇", "done" if done else "milestone") for day, _, done in chart.milestones]
    rows = line_chart(
        lines, width, height - len(notes),
        x_range=(float(chart.first.toordinal()), float(chart.last.toordinal())),
        y_range=(low, high),
        x_labels=date_labels(chart.first, chart.last, width - 8),
        rules=[Mark(float(chart.today.toordinal()), "┊", "today")],
        ticks=ticks,
    )  # fmt: skip
    return rows + notes


def chart_caption(chart: GoalChart) -> str:
    """What the projection says, in words: "projected finish 6 Dec 2026, 15 days after the
    deadline"; empty when the chart has nothing to forecast."""
    if chart.kind != "value" or chart.target is None or len(chart.points) < 2:
        return ""
    if chart.projected_finish is None:
        latest = chart.points[-1][1]
        start = chart.baseline if chart.baseline is not None else chart.points[0][1]
        if (latest - chart.target) * (start - chart.target) <= 0:
            return "target reached"
        return "no recent pace towards the target"
    words = f"projected finish {short_date(chart.projected_finish)}"
    deadline = chart.pace[1][0] if chart.pace else None
    if deadline is not None and chart.projected_finish != deadline:
        days = abs((chart.projected_finish - deadline).days)
        side = "after" if chart.projected_finish > deadline else "before"
        words += f", {_span_words(days)} {side} the deadline"
    return words


def _span_words(days: int) -> str:
    """A number of days as a person would say it: "15 days", "about 5 months", "about 4 years"."""
    if days < 60:
        return plural(days, "day")
    if days < 730:
        return "about " + plural(round(days / 30.44), "month")
    return "about " + plural(round(days / 365.25), "year")
