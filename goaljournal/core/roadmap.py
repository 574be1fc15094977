"""The timeline's roadmap as cells: goals as bars across weeks, months, quarters or years.

Pure: the goals (their progress in ``current``, as the store gives it), their milestones, today
and a window of whole periods go in; rows of cells come out, each cell one character and the
name of its role ("done", "bar", "today", "milestone", ...), so what is drawn where is tested
here and the screen only gives each role its style. Every mark reads without colour: the done
part of a bar, the rest, a milestone done or open, the today line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from goaljournal.core.dates import MONTH_ABBRS
from goaljournal.core.models import STATUS_MARKS, Goal, Milestone
from goaljournal.core.periods import Period, period_of
from goaljournal.core.progress import progress_fraction
from goaljournal.core.timeline_axis import goal_dates, is_day

# The cells a period takes: room for its label and a space ("23 Nov", "Nov", "Q4"); a year has a
# cell a month, or its goals' milestones would cover their bars.
PERIOD_CELLS = {"week": 7, "month": 5, "quarter": 6, "year": 12}
# Goals still being pursued are always rows; one achieved or abandoned only while its bar is in view.
PURSUED = ("active", "draft", "paused")
INDENT = 2  # cells a stepping stone sits under its goal, per level
DEEPEST = 3  # levels indented at most: a deep chain keeps room for its titles
NO_DEADLINE = "no deadline →"

GLYPHS = {
    "done": "█", "bar": "░", "open": "┄", "today": "│", "milestone": "◇", "milestone-done": "◆",
    "overdue": "◇", "before": "◂", "after": "▸",
}  # fmt: skip


class Cell(NamedTuple):
    """One character of a row, and what it shows."""

    text: str
    role: str


BLANK = Cell(" ", "blank")


@dataclass
class RoadmapRow:
    """One line: a goal (None for the axis's lines), its label (mark and title, fitted to the
    title column by whoever draws it: only they know how wide its characters are) and one cell per
    column of the bars."""

    goal: Goal | None
    label: list[Cell]
    title: str
    cells: list[Cell]
    depth: int = 0
    dimmed: bool = False  # achieved or abandoned: drawn quieter

    @property
    def bar_text(self) -> str:
        return "".join(cell.text for cell in self.cells)

    def runs(self) -> list[Cell]:
        """The cells joined into runs of one role, for drawing."""
        return [Cell("".join(cell.text for cell in run), role) for role, run in groupby(self.cells, key=attrgetter("role"))]


@dataclass
class Roadmap:
    """The axis's two lines of labels and a row per goal, ``title_width`` cells of label then
    ``cells`` columns of bars; ``period_cells`` columns to each of the window's ``periods``."""

    periods: list[Period]
    title_width: int
    period_cells: int
    today_column: int | None
    header: list[RoadmapRow] = field(default_factory=list)
    rows: list[RoadmapRow] = field(default_factory=list)

    @property
    def first(self) -> date:
        return self.periods[0].first

    @property
    def last(self) -> date:
        return self.periods[-1].last

    @property
    def cells(self) -> int:
        return self.period_cells * len(self.periods)


def title_width(width: int) -> int:
    """The title column at ``width``: 22 cells at 80, wider on a wider terminal, up to 44."""
    return min(max(20, width * 2 // 7), 44)


def window(anchor: date, zoom: str, width: int, week_start: int = 0) -> tuple[date, date]:
    """The first and last day of the periods a roadmap ``width`` cells wide shows around
    ``anchor``: as many whole periods as fit, ``anchor``'s a quarter of the way in, so that most
    of the window is what lies ahead."""
    count = max(1, (width - title_width(width)) // PERIOD_CELLS[zoom])
    first = period_of(anchor, zoom, week_start).shifted(-(count // 4))
    return first.first, first.shifted(count - 1).last


def step(anchor: date, zoom: str, periods: int, week_start: int = 0) -> date:
    """The day ``periods`` periods after ``anchor``'s (before, if negative): where ``]`` and ``[`` move."""
    return period_of(anchor, zoom, week_start).shifted(periods).first


def _periods(first: date, last: date, zoom: str, week_start: int) -> list[Period]:
    periods = [period_of(first, zoom, week_start)]
    while periods[-1].last < last:
        following = periods[-1].shifted(1)
        if following == periods[-1]:  # the last period of the years a journal holds
            break
        periods.append(following)
    return periods


class _Columns:
    """Which column a day falls in: its period's place in the window, then its place in the
    period. Days outside the window give columns outside it (negative, or past the last)."""

    def __init__(self, first: Period, cells: int, week_start: int) -> None:
        self.first, self.cells, self.week_start = first, cells, week_start

    def of(self, day: date) -> int:
        zoom, first = self.first.zoom, self.first.first
        period = period_of(day, zoom, self.week_start)
        if zoom == "week":
            index = (period.first - first).days // 7
        else:
            months = (period.first.year - first.year) * 12 + period.first.month - first.month
            index = {"month": months, "quarter": months // 3, "year": months // 12}[zoom]
        length = (period.last - period.first).days + 1
        return index * self.cells + (day - period.first).days * self.cells // length


def visible_goals(goals: Iterable[Goal], today: date, first: date, last: date) -> list[tuple[Goal, int]]:
    """The goals a roadmap of ``first`` to ``last`` shows, each with its depth: those still being
    pursued, and those achieved or abandoned whose bar is in the window; long-term goals above
    their stepping stones, each level by start. A stepping stone whose goal is not shown is a
    goal of its own here."""
    shown = [
        goal for goal in goals
        if is_day(goal.start_date or goal.created_at[:10]) and (not goal.deadline or is_day(goal.deadline))
        and (goal.status in PURSUED or _overlaps(goal, today, first, last))
    ]  # fmt: skip
    ids = {goal.id for goal in shown}
    children: dict[int | None, list[Goal]] = {}
    for goal in shown:
        parent = goal.parent_id if goal.parent_id in ids and goal.parent_id != goal.id else None
        children.setdefault(parent, []).append(goal)
    for group in children.values():
        group.sort(key=lambda goal: (goal_dates(goal, today), goal.id))
    out: list[tuple[Goal, int]] = []
    placed: set[int] = set()

    def place(goal: Goal, depth: int) -> None:
        if goal.id in placed:
            return
        placed.add(goal.id)
        out.append((goal, depth))
        for child in children.get(goal.id, []):
            place(child, depth + 1)

    for goal in children.get(None, []):
        place(goal, 0)
    for goal in shown:  # parents that lead round in a circle (a damaged import): still shown
        place(goal, 0)
    return out


def _overlaps(goal: Goal, today: date, first: date, last: date) -> bool:
    start, end = goal_dates(goal, today)
    return start <= last and end >= first


def layout(
    goals: Sequence[Goal],
    milestones: Iterable[Milestone],
    today: date,
    first: date,
    last: date,
    width: int,
    *,
    zoom: str,
    week_start: int = 0,
) -> Roadmap:
    """The roadmap of ``goals`` from ``first`` to ``last`` (whole periods of ``zoom``), ``width``
    cells wide: the title column, then each period's columns. The cells left over when the
    periods share the width go to the titles."""
    periods = _periods(first, last, zoom, week_start)
    titles = title_width(width)
    cells = max(1, (width - titles) // len(periods))
    titles = max(width - cells * len(periods), 0)
    columns = _Columns(periods[0], cells, week_start)
    total = cells * len(periods)
    today_column = columns.of(today)
    roadmap = Roadmap(periods, titles, cells, today_column if 0 <= today_column < total else None)
    roadmap.header = _header(roadmap, columns, zoom)
    by_goal: dict[int, list[Milestone]] = {}
    for milestone in milestones:
        if is_day(milestone.due_date):
            by_goal.setdefault(milestone.goal_id, []).append(milestone)
    for goal, depth in visible_goals(goals, today, roadmap.first, roadmap.last):
        roadmap.rows.append(_goal_row(roadmap, columns, goal, depth, by_goal.get(goal.id, []), today))
    return roadmap


def _header(roadmap: Roadmap, columns: _Columns, zoom: str) -> list[RoadmapRow]:
    """Two lines: the larger unit (the year; the month at week zoom) where it begins, and each
    period's name."""
    total, size = roadmap.cells, roadmap.period_cells
    upper, lower = [BLANK] * total, [BLANK] * total
    previous = ""
    for index, period in enumerate(roadmap.periods):
        day = period.first
        name = {"week": f"{day.day} {MONTH_ABBRS[day.month - 1]}", "month": MONTH_ABBRS[day.month - 1],
                "quarter": f"Q{(day.month - 1) // 3 + 1}", "year": str(day.year)}[zoom]  # fmt: skip
        _write(lower, index * size, name[: size - 1], "label")
        larger = "" if zoom == "year" else f"{MONTH_ABBRS[day.month - 1]} {day.year}" if zoom == "week" else str(day.year)
        if larger and larger != previous:
            _write(upper, index * size, larger, "label")
            previous = larger
    for line in (upper, lower):
        _today(roadmap, line)
    return [
        RoadmapRow(None, [], "", upper),
        RoadmapRow(None, [Cell("Goals", "label")], "", lower),
    ]


def _write(cells: list[Cell], column: int, text: str, role: str) -> None:
    """``text`` from ``column`` on, over blank cells only: a label never covers another, and one
    cut short ("May 202") would be wrong, so a label without room is left out."""
    if column + len(text) > len(cells) or any(cells[column + i] is not BLANK for i in range(len(text))):
        return
    for i, char in enumerate(text):
        cells[column + i] = Cell(char, role)


def _today(roadmap: Roadmap, cells: list[Cell]) -> None:
    column = roadmap.today_column
    if column is not None and cells[column].role not in ("label", "milestone", "milestone-done", "overdue"):
        cells[column] = Cell(GLYPHS["today"], "today")


def _goal_row(
    roadmap: Roadmap, columns: _Columns, goal: Goal, depth: int, milestones: list[Milestone], today: date
) -> RoadmapRow:
    total = roadmap.cells
    cells = [BLANK] * total
    start, end = goal_dates(goal, today)
    begin, finish = columns.of(start), columns.of(end)
    fraction = progress_fraction(goal)
    done = round((fraction or 0.0) * (finish - begin + 1))
    for column in range(max(begin, 0), min(finish, total - 1) + 1):
        cells[column] = Cell(GLYPHS["done"], "done") if column - begin < done else Cell(GLYPHS["bar"], "bar")
    if not goal.deadline:  # open to the right edge, and saying so where there is room
        open_from = max(finish + 1, 0)
        for column in range(open_from, total):
            cells[column] = Cell(GLYPHS["open"], "open")
        if open_from < total:
            text = NO_DEADLINE if total - open_from >= len(NO_DEADLINE) + 2 else NO_DEADLINE[-1]
            for i, char in enumerate(text):
                cells[total - len(text) + i] = Cell(char, "open")
    if finish < 0:
        cells[0] = Cell(GLYPHS["before"], "edge")
    elif begin >= total:
        cells[-1] = Cell(GLYPHS["after"], "edge")
    for milestone in milestones:
        column = columns.of(date.fromisoformat(milestone.due_date or ""))
        if 0 <= column < total:
            role = "milestone-done" if milestone.done else "overdue" if milestone.due_date < today.isoformat() else "milestone"  # type: ignore[operator]
            cells[column] = Cell(GLYPHS[role], role)
    _today(roadmap, cells)
    depth = min(depth, DEEPEST)
    label = [Cell(" " * INDENT * depth, "blank"), Cell(STATUS_MARKS.get(goal.status, "?"), "status"), Cell(" ", "blank")]
    return RoadmapRow(goal, label, goal.title, cells, depth, dimmed=goal.status not in PURSUED)
