"""A calendar heat map of check-in days: weeks as columns, a row per weekday, like a contribution
graph. Pure: the store counts the check-ins per day, this lays the days out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from goaljournal.core.dates import MONTH_ABBRS

# A day's glyph by level: no check-in, 1, 2, 3, 4 or more. Shades, so the map reads without colour.
LEVEL_GLYPHS = ("·", "░", "▒", "▓", "█")
LEVEL_WORDS = ("none", "1", "2", "3", "4+")


@dataclass(frozen=True, slots=True)
class HeatMap:
    """``columns`` of seven days each (a week, from the week's first day), oldest first; a day
    after ``last`` is None. ``months`` gives the column where each month's first day falls."""

    first: date
    last: date
    columns: tuple[tuple[date | None, ...], ...]
    counts: Mapping[date, int]
    months: tuple[tuple[int, str], ...]

    def level(self, day: date) -> int:
        return min(self.counts.get(day, 0), len(LEVEL_GLYPHS) - 1)

    @property
    def active_days(self) -> int:
        """Days in the map with at least one check-in (``counts`` holds only those)."""
        return len(self.counts)


def first_day(last: date, weeks: int = 53, week_start: int = 0) -> date:
    """The first day of a heat map of the ``weeks`` weeks up to ``last``: what to read for it."""
    this_week = last - timedelta(days=(last.weekday() - week_start) % 7)
    return this_week - timedelta(weeks=max(weeks, 1) - 1)


def heat_map(counts: Mapping[date, int], last: date, weeks: int = 53, week_start: int = 0) -> HeatMap:
    """The ``weeks`` weeks up to ``last`` (its week is the last column), weeks starting on the
    weekday ``week_start`` (0 Monday)."""
    weeks = max(weeks, 1)
    first = first_day(last, weeks, week_start)
    columns = tuple(
        tuple(day if day <= last else None for day in (first + timedelta(weeks=week, days=weekday) for weekday in range(7)))
        for week in range(weeks)
    )
    months: list[tuple[int, str]] = []
    for index, column in enumerate(columns):
        starts = [day for day in column if day is not None and (day.day == 1 or (index == 0 and day == column[0]))]
        if starts:
            day = starts[0]
            months.append((index, str(day.year) if day.month == 1 and day.day == 1 else MONTH_ABBRS[day.month - 1]))
    in_range = {day: count for day, count in counts.items() if first <= day <= last and count > 0}
    return HeatMap(first, last, columns, in_range, tuple(months))


def month_labels(heat: HeatMap, cells_a_week: int = 1) -> str:
    """The line of month labels over the map, each where its month begins; where two would touch,
    the new year's label is kept over the month before it, and otherwise the earlier one."""
    placed: list[tuple[int, str]] = []
    for column, text in heat.months:
        start = column * cells_a_week
        if start + len(text) > len(heat.columns) * cells_a_week:
            continue
        if placed and start <= placed[-1][0] + len(placed[-1][1]):
            if not text.isdigit():
                continue
            placed.pop()  # a year begins here: it matters more than the month before
            if placed and start <= placed[-1][0] + len(placed[-1][1]):
                continue
        placed.append((start, text))
    line = [" "] * (len(heat.columns) * cells_a_week)
    for start, text in placed:
        line[start : start + len(text)] = list(text)
    return "".join(line)


def heat_map_rows(heat: HeatMap, weekday_names: tuple[str, ...]) -> list[list[tuple[str, str | None]]]:
    """The map as text rows of (text, role): the month labels, then a row per weekday (labelled
    on every other row) with a cell per week; role "level0".."level4" per day."""
    label_width = max(len(name) for name in weekday_names) + 1
    rows: list[list[tuple[str, str | None]]] = [[(" " * label_width + month_labels(heat), "label")]]
    for weekday in range(7):
        name = weekday_names[weekday] if weekday % 2 == 0 else ""
        row: list[tuple[str, str | None]] = [(name.ljust(label_width), "label")]
        for column in heat.columns:
            day = column[weekday]
            if day is None:
                row.append((" ", None))
            else:
                level = heat.level(day)
                row.append((LEVEL_GLYPHS[level], f"level{level}"))
        rows.append(row)
    return rows
