"""Charts in a terminal: lines drawn in braille dots (2×4 to a cell) over labelled axes.

Pure and dependency-free: a chart is rows of segments, each a piece of text and a *role* (a
semantic name: "value", "pace", "today", ...) that the screen maps to a style and a test reads
as it is. A chart reads without colour: every line has its own marker or dot pattern, named in
the legend, and marks on the axis are glyphs, not hues.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from goaljournal.core.dates import MONTH_ABBRS
from goaljournal.core.progress import format_number

Segment = tuple[str, "str | None"]
Row = list[Segment]

_BRAILLE = 0x2800
# The bit of each dot in a braille cell, by (column, row) within the cell.
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
AXIS_ROLE = "axis"
LABEL_ROLE = "label"


@dataclass(frozen=True, slots=True)
class Line:
    """A line through ``points`` ((x, y) in data units; a date's x is its ordinal)."""

    points: tuple[tuple[float, float], ...]
    role: str
    label: str
    dotted: bool = False  # every other dot: a line drawn for comparison (a pace, a projection)
    marker: str | None = None  # drawn over the line at each point
    gap: float | None = None  # points further apart in x are not joined (a day without a score); a lone one is a dot

    @property
    def sample(self) -> str:
        """How the line looks, for the legend."""
        return self.marker or ("⠂⠂" if self.dotted else "⠒⠒")


@dataclass(frozen=True, slots=True)
class Mark:
    """A glyph at ``x``: a vertical rule through the plot (today) or a tick on the axis (a milestone)."""

    x: float
    glyph: str
    role: str


class _Canvas:
    """Braille dots on a grid of cells; each cell keeps the role of the last line drawn into it."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns, self.rows = columns, rows
        self.bits = [[0] * columns for _ in range(rows)]
        self.roles: list[list[str | None]] = [[None] * columns for _ in range(rows)]
        self.glyphs: list[list[str | None]] = [[None] * columns for _ in range(rows)]

    def dot(self, x: int, y: int, role: str) -> None:
        if 0 <= x < self.columns * 2 and 0 <= y < self.rows * 4:
            column, row = x // 2, y // 4
            self.bits[row][column] |= _DOT_BITS[x % 2][y % 4]
            self.roles[row][column] = role

    def segment(self, start: tuple[int, int], end: tuple[int, int], role: str, dotted: bool) -> None:
        """Bresenham's line from ``start`` to ``end`` (both on the canvas: the caller clips)."""
        (x0, y0), (x1, y1) = start, end
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        step_x, step_y = (1 if x1 >= x0 else -1), (1 if y1 >= y0 else -1)
        error, count = dx + dy, 0
        while True:
            if not dotted or count % 3 == 0:
                self.dot(x0, y0, role)
            if (x0, y0) == (x1, y1):
                return
            count += 1
            twice = 2 * error
            if twice >= dy:
                error += dy
                x0 += step_x
            if twice <= dx:
                error += dx
                y0 += step_y

    def glyph(self, column: int, row: int, glyph: str, role: str) -> None:
        if 0 <= column < self.columns and 0 <= row < self.rows:
            self.glyphs[row][column] = glyph
            self.roles[row][column] = role

    def cell(self, column: int, row: int) -> tuple[str, str | None]:
        glyph = self.glyphs[row][column]
        if glyph is not None:
            return glyph, self.roles[row][column]
        bits = self.bits[row][column]
        return (chr(_BRAILLE + bits), self.roles[row][column]) if bits else (" ", None)


def _clip(a: tuple[float, float], b: tuple[float, float], box: tuple[float, float, float, float]) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The part of the segment a–b inside ``box`` (x0, y0, x1, y1), by Liang–Barsky; None outside."""
    (ax, ay), (bx, by) = a, b
    x0, y0, x1, y1 = box
    dx, dy = bx - ax, by - ay
    low, high = 0.0, 1.0
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (ax + low * dx, ay + low * dy), (ax + high * dx, ay + high * dy)


def _finite(value: float) -> float:
    return value if math.isfinite(value) else math.copysign(1e300, value) if not math.isnan(value) else 0.0


def axis_number(value: float) -> str:
    """A value on an axis, to three figures or so: 16.36 → '16.4', 1234.5 → '1235'."""
    if not math.isfinite(value) or abs(value) >= 100:
        return format_number(round(value) if math.isfinite(value) else value)
    return format_number(round(value, 1 if abs(value) >= 1 else 2))


def nice_range(low: float, high: float) -> tuple[float, float]:
    """A y range holding ``low``..``high``, with room when they are equal."""
    low, high = _finite(low), _finite(high)
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        return low - pad, high + pad
    return low, high


def line_chart(
    lines: Sequence[Line],
    width: int,
    height: int,
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_labels: Sequence[tuple[float, str]] = (),
    y_format: Callable[[float], str] | None = None,
    rules: Sequence[Mark] = (),
    ticks: Sequence[Mark] = (),
) -> list[Row]:
    """``height`` rows, each ``width`` cells: the plot with a y axis labelled at its top, middle
    and bottom, an x axis carrying ``ticks``, and ``x_labels`` under it. Points outside the
    ranges are clipped; ``rules`` are vertical lines through the plot where no dot is."""
    y0, y1 = nice_range(*y_range)
    x0, x1 = x_range
    if x1 <= x0:
        x1 = x0 + 1
    plot_rows = max(height - 2, 1)
    y_marks = {0: y1, plot_rows - 1: y0}
    if plot_rows >= 5:
        y_marks[(plot_rows - 1) // 2] = y0 + (y1 - y0) * (1 - ((plot_rows - 1) // 2) / (plot_rows - 1))
    y_texts = {row: (y_format or axis_number)(value) for row, value in y_marks.items()}
    gutter = max(len(text) for text in y_texts.values()) + 1
    columns = max(width - gutter - 1, 1)
    canvas = _Canvas(columns, plot_rows)
    dots_x, dots_y = columns * 2 - 1, plot_rows * 4 - 1

    def to_dot(point: tuple[float, float]) -> tuple[int, int]:
        x, y = point
        return round((x - x0) / (x1 - x0) * dots_x), round((y1 - y) / (y1 - y0) * dots_y)

    def column_of(x: float) -> int | None:
        if not x0 <= x <= x1:
            return None
        return min(round((x - x0) / (x1 - x0) * dots_x) // 2, columns - 1)

    box = (x0, y0, x1, y1)
    for line in lines:
        points = [(_finite(x), _finite(y)) for x, y in line.points]
        joined = [line.gap is None or b[0] - a[0] <= line.gap for a, b in zip(points, points[1:], strict=False)]
        for (a, b), join in zip(zip(points, points[1:], strict=False), joined, strict=True):
            clipped = _clip(a, b, box) if join else None
            if clipped:
                canvas.segment(to_dot(clipped[0]), to_dot(clipped[1]), line.role, line.dotted)
        if line.marker is None:  # a point joined to neither neighbour (or a line of one) is a dot
            for index, point in enumerate(points):
                if not (index and joined[index - 1]) and not (index < len(joined) and joined[index]):
                    clipped = _clip(point, point, box)
                    if clipped:
                        canvas.dot(*to_dot(clipped[0]), line.role)
    for line in lines:
        if line.marker:
            for x, y in line.points:
                if x0 <= x <= x1 and y0 <= y <= y1:
                    dot_x, dot_y = to_dot((x, y))
                    canvas.glyph(dot_x // 2, dot_y // 4, line.marker, line.role)
    for rule in rules:
        column = column_of(rule.x)
        if column is not None:
            for row in range(plot_rows):
                if canvas.cell(column, row)[0] == " ":
                    canvas.glyph(column, row, rule.glyph, rule.role)

    rows: list[Row] = []
    for row in range(plot_rows):
        out = _y_axis(y_texts.get(row, ""), gutter)
        out.extend(canvas.cell(column, row) for column in range(columns))
        rows.append(_merged(out))
    if height >= 2:
        axis: list[Segment] = [(" " * gutter + "└", AXIS_ROLE)] + [("─", AXIS_ROLE)] * columns
        for mark in (*rules, *ticks):
            column = column_of(mark.x)
            if column is not None:
                axis[1 + column] = (mark.glyph if mark in ticks else "┴", mark.role)
        rows.insert(plot_rows, _merged(axis))
    if height >= 3:
        rows.append(_merged([(" " * (gutter + 1), None), (_label_line(x_labels, column_of, columns), LABEL_ROLE)]))
    return rows[:height]


def _y_axis(label: str, gutter: int) -> Row:
    """The start of a plot row: its y label (if any) right-aligned in ``gutter``, then the axis."""
    return [(label.rjust(gutter - 1) + " ", LABEL_ROLE), ("┤" if label else "│", AXIS_ROLE)]


def _label_line(labels: Sequence[tuple[float, str]], column_of: Callable[[float], int | None], columns: int) -> str:
    """The x labels, each starting at its column (the last pulled in to fit)."""
    placed = []
    for x, text in sorted(labels):
        column = column_of(x)
        if column is not None:
            placed.append((min(column, columns - len(text)), text))
    return _placed(placed, columns)


def _placed(labels: Sequence[tuple[int, str]], columns: int) -> str:
    """A line ``columns`` wide with each (column, text) written from its column, in order; one
    that would run into the one before, or past either end, is left out."""
    line = [" "] * columns
    free_from = 0
    for column, text in labels:
        if column < free_from or column < 0 or column + len(text) > columns:
            continue
        line[column : column + len(text)] = list(text)
        free_from = column + len(text) + 1
    return "".join(line)


def _merged(segments: Row) -> Row:
    """Neighbouring segments of one role joined: fewer spans for the screen to style."""
    out: Row = []
    for text, role in segments:
        if out and out[-1][1] == role:
            out[-1] = (out[-1][0] + text, role)
        else:
            out.append((text, role))
    return out


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def date_labels(first: date, last: date, columns: int) -> list[tuple[float, str]]:
    """Labels for a date axis ``columns`` wide: days, months (a January as its year) or years,
    as many as fit with room between them."""
    span = max((last - first).days, 1)
    if span <= 62:
        for step in (1, 2, 7, 14, 28):
            days = list(range(0, span + 1, step))
            if len(days) * 7 <= columns:
                return [(float((first + timedelta(d)).toordinal()), day_label(first + timedelta(d))) for d in days]
        return [(float(first.toordinal()), day_label(first))]
    months = _month_index(last) - _month_index(first)
    for step in (1, 2, 3, 6, 12, 24, 60, 120):
        starts = [index for index in range(_month_index(first) + 1, _month_index(last) + 1) if index % step == 0]
        if (len(starts) + 1) * 6 <= columns or months // step <= 1:
            labels = []
            for index in starts:
                year, month = divmod(index, 12)
                text = str(year) if month == 0 or step >= 12 else MONTH_ABBRS[month]
                labels.append((float(date(year, month + 1, 1).toordinal()), text))
            return labels
    return []


def day_label(day: date) -> str:
    """A day on an axis, without its year: "23 Nov"."""
    return f"{day.day} {MONTH_ABBRS[day.month - 1]}"


def dated(points: Sequence[tuple[date, float]]) -> tuple[tuple[float, float], ...]:
    """(day, value) points as a chart's (x, y): a day's x is its ordinal."""
    return tuple((float(day.toordinal()), value) for day, value in points)


def legend(lines: Sequence[Line], marks: Sequence[tuple[str, str, str]] = (), width: int = 1000) -> list[Row]:
    """Each line's sample and label, then each (glyph, role, label) of the marks, as rows no
    wider than ``width`` (an item never split)."""
    rows: list[Row] = [[]]
    used = 0
    for sample, role, label in [(line.sample, line.role, line.label) for line in lines] + [tuple(mark) for mark in marks]:
        size = len(sample) + 1 + len(label)
        if rows[-1] and used + 2 + size > width:
            rows.append([])
            used = 0
        if rows[-1]:
            rows[-1].append(("  ", None))
            used += 2
        rows[-1].extend([(sample, role), (" " + label, LABEL_ROLE)])
        used += size
    return rows


def wrapped(text: str, width: int, role: str | None = LABEL_ROLE) -> list[Row]:
    """``text`` in rows of at most ``width`` cells, broken between words."""
    rows: list[str] = []
    for word in text.split():
        if rows and len(rows[-1]) + 1 + len(word) <= width:
            rows[-1] += " " + word
        else:
            rows.append(word[:width])
    return [[(row, role)] for row in rows]


def plain(rows: Sequence[Row]) -> list[str]:
    """The rows as plain text (for tests and a terminal without styles)."""
    return ["".join(text for text, _ in row) for row in rows]


_EIGHTHS = " ▁▂▃▄▅▆▇█"


def bar_chart(
    bars: Sequence[tuple[str, float]],
    width: int,
    height: int,
    *,
    target: float | None = None,
    y_format: Callable[[float], str] | None = None,
    last_under_way: bool = False,
) -> list[Row]:
    """A bar per (label, value), left to right, over a y axis from 0; ``target`` as a dashed
    rule across the bars (a bar reaching it has the role "done", one short of it "value"; the
    last, when ``last_under_way``, is shaded ▒ with the role "projection": not yet short of
    anything). Labels under the bars where they fit."""
    values = [max(_finite(value), 0.0) for _, value in bars]
    top = max([*values, target or 0.0, 1.0])
    plot_rows = max(height - 2, 1)
    y_marks = {0: top, plot_rows - 1: 0.0}
    y_texts = {row: (y_format or axis_number)(value) for row, value in y_marks.items()}
    target_row = None
    if target is not None and target > 0:
        target_row = min(round((1 - target / top) * plot_rows), plot_rows - 1)
        y_texts[target_row] = (y_format or axis_number)(target)
    gutter = max(len(text) for text in y_texts.values()) + 1
    columns = max(width - gutter - 1, 1)
    count = max(len(bars), 1)
    slot = max(columns // count, 1)
    bar_width = max(min(slot - 1, 6), 1)
    rows: list[Row] = []
    for row in range(plot_rows):
        out = _y_axis(y_texts.get(row, ""), gutter)
        line: Row = []
        shown = values[: columns // slot or 1]
        for index, value in enumerate(shown):
            eighths = round(value / top * plot_rows * 8)
            below = (plot_rows - 1 - row) * 8  # eighths of bar under this row
            fill = min(max(eighths - below, 0), 8)
            reached = target is None or value >= target
            under_way = last_under_way and index == len(values) - 1 and not reached
            text = ("▒" if under_way and fill == 8 else _EIGHTHS[fill]) * bar_width
            if fill == 0 and row == target_row:
                text = "╌" * bar_width
                role: str | None = "target"
            else:
                role = ("projection" if under_way else "done" if reached else "value") if fill else None
            gap = "╌" if row == target_row else " "
            line.append((text, role))
            line.append((gap * (slot - bar_width), "target" if row == target_row else None))
        used = sum(len(text) for text, _ in line)
        line.append((("╌" if row == target_row else " ") * (columns - used), "target" if row == target_row else None))
        rows.append(_merged(out + line))
    if height >= 2:
        rows.append(_merged([(" " * gutter + "└", AXIS_ROLE), ("─" * columns, AXIS_ROLE)]))
    if height >= 3:
        labels = _placed([(index * slot, text) for index, (text, _) in enumerate(bars[: columns // slot or 1])], columns)
        rows.append([(" " * (gutter + 1), None), (labels, LABEL_ROLE)])
    return rows[:height]
