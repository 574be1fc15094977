"""Hand-written SVG for the HTML report: line charts with dated axes, bars and a heat-map grid.

Pure text in, text out, standard library only (and plain classes rather than dataclasses: the
module stays a few milliseconds to import): the report must open anywhere, offline, so the
charts are inline SVG with no script, font or image of their own. Every piece of text goes
through ``esc`` (``html.escape``), so a goal titled ``</svg><script>`` stays words on a chart.
Charts read without colour: each line has its own dash pattern and marker, named in a legend,
and heat-map levels differ by opacity with the day's count in the cell's ``<title>``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from html import escape

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# A line's look, by name: its dash pattern (none: solid). Chosen to stay apart in grey print.
DASHES = {"solid": None, "dashed": "7 4", "dotted": "1.5 3.5", "dashdot": "8 3 1.5 3"}
# Series colours, in order; the dash and marker carry the meaning, the colour only helps.
PALETTE = ("#1f5fa8", "#b4521e", "#2e7d32", "#7b3fa0", "#8a6d00", "#00707a")
INK, MUTED, GRID = "#222", "#666", "#ddd"

# The plot area inside a chart's box: room for the y labels on the left, the date labels below.
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 12, 30


def esc(text: object) -> str:
    """Text for an SVG or HTML text node or a quoted attribute: every <, >, &, " and ' escaped."""
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """A coordinate, short and stable: one decimal, no "-0"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Series:
    """One line of a chart, in data units (a date's x is ``date.toordinal()``)."""

    __slots__ = ("points", "label", "dash", "marker", "colour", "width")

    def __init__(
        self,
        points: Sequence[tuple[float, float]],
        label: str,
        dash: str = "solid",  # a key of DASHES
        *,
        marker: str | None = None,  # "dot", "ring", "square", "cross" or "diamond" at each point
        colour: str = PALETTE[0],
        width: float = 2.0,
    ) -> None:
        self.points, self.label, self.dash = tuple(points), label, dash
        self.marker, self.colour, self.width = marker, colour, width


class Frame:
    """Maps data to pixels: ``x_range`` onto the plot area's width, ``y_range`` up its height."""

    __slots__ = ("width", "height", "x_range", "y_range")

    def __init__(self, width: float, height: float, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        self.width, self.height, self.x_range, self.y_range = width, height, x_range, y_range

    @property
    def left(self) -> float:
        return LEFT

    @property
    def right(self) -> float:
        return self.width - RIGHT

    @property
    def top(self) -> float:
        return TOP

    @property
    def bottom(self) -> float:
        return self.height - BOTTOM

    def x(self, value: float) -> float:
        lo, hi = self.x_range
        span = (hi - lo) or 1.0
        return self.left + (value - lo) / span * (self.right - self.left)

    def y(self, value: float) -> float:
        lo, hi = self.y_range
        span = (hi - lo) or 1.0
        return self.bottom - (value - lo) / span * (self.bottom - self.top)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round values from ``lo`` to ``hi`` for the y axis, about ``count`` of them."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo] if math.isfinite(lo) else []
    raw = (hi - lo) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    ticks, value = [], first
    while value <= hi + step * 1e-9 and len(ticks) < 50:
        ticks.append(round(value, 10))
        value += step
    return ticks


def padded_range(values: Sequence[float], *, floor: float | None = None) -> tuple[float, float]:
    """A y range holding every value, with a little room above and below (none below ``floor``)."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return (0.0, 1.0)
    lo, hi = min(finite), max(finite)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    if floor is not None and lo < floor <= min(finite):
        lo = floor
    return (lo, hi)


def month_ticks(first: date, last: date, most: int = 8) -> list[tuple[float, str]]:
    """Date labels for an x axis from ``first`` to ``last``: month starts, every second, third,
    sixth or twelfth month when more than ``most`` would fit; a January (or the first label)
    carries its year. A span of ten weeks or less is labelled by week instead ("8 Nov")."""
    if (last - first).days <= 70:
        step = 7 if (last - first).days > 14 else 2
        days = [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1, step)]
        return [(float(day.toordinal()), f"{day.day} {MONTHS[day.month - 1]}") for day in days]
    months = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        if date(year, month, 1) >= first:
            months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = next((s for s in (1, 2, 3, 6, 12) if len(months) / s <= most), 12)
    chosen = [d for d in months if (d.month - 1) % step == 0] if step > 1 else months
    if not chosen:  # a span inside one month: its two ends
        return [(first.toordinal(), f"{first.day} {MONTHS[first.month - 1]}"), (last.toordinal(), f"{last.day} {MONTHS[last.month - 1]}")]
    labels = []
    for index, day in enumerate(chosen):
        text = MONTHS[day.month - 1] + (f" {day.year}" if day.month == 1 or index == 0 else "")
        labels.append((float(day.toordinal()), text))
    return labels


def _marker(kind: str, x: float, y: float, colour: str, title: str | None = None) -> str:
    hover = f"<title>{esc(title)}</title>" if title else ""
    if kind == "ring":
        shape = f'<circle cx="{num(x)}" cy="{num(y)}" r="3.5" fill="#fff" stroke="{colour}" stroke-width="1.8">'
        return shape + hover + "</circle>"
    if kind == "square":
        return f'<rect x="{num(x - 3)}" y="{num(y - 3)}" width="6" height="6" fill="{colour}">{hover}</rect>'
    if kind == "diamond":
        d = f"M{num(x)} {num(y - 4.5)}L{num(x + 4.5)} {num(y)}L{num(x)} {num(y + 4.5)}L{num(x - 4.5)} {num(y)}Z"
        return f'<path d="{d}" fill="{colour}">{hover}</path>'
    if kind == "cross":
        d = f"M{num(x - 3.5)} {num(y - 3.5)}L{num(x + 3.5)} {num(y + 3.5)}M{num(x - 3.5)} {num(y + 3.5)}L{num(x + 3.5)} {num(y - 3.5)}"
        return f'<path d="{d}" stroke="{colour}" stroke-width="2" fill="none">{hover}</path>'
    return f'<circle cx="{num(x)}" cy="{num(y)}" r="3" fill="{colour}">{hover}</circle>'


def clip_x(points: Sequence[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    """The part of a line between ``x = lo`` and ``x = hi`` (x ascending), cut where it crosses
    them: a projection that reaches its target years on stops at the chart's edge."""
    kept: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x1 < lo or x0 > hi:
            continue
        if x1 == x0:  # a step on one day
            piece = [(x0, y0), (x1, y1)]
        else:
            slope = (y1 - y0) / (x1 - x0)
            a, b = max(x0, lo), min(x1, hi)
            piece = [(a, y0 + slope * (a - x0)), (b, y0 + slope * (b - x0))]
        kept.extend(piece[1:] if kept and kept[-1] == piece[0] else piece)
    return kept


def _polyline(series: Series, frame: Frame) -> str:
    coords = " ".join(f"{num(frame.x(x))},{num(frame.y(y))}" for x, y in clip_x(series.points, *frame.x_range))
    dash = DASHES.get(series.dash)
    pattern = f' stroke-dasharray="{dash}"' if dash else ""
    cap = ' stroke-linecap="round"' if series.dash == "dotted" else ""
    return (
        f'<polyline class="series" points="{coords}" fill="none" stroke="{series.colour}" '
        f'stroke-width="{num(series.width)}"{pattern}{cap}><title>{esc(series.label)}</title></polyline>'
    )


class Tick:
    """A mark on the x axis (a milestone): a diamond, filled when ``done``, a visible ``label``
    above it (a number the caption explains) and the full ``title`` on hover."""

    __slots__ = ("x", "label", "title", "done")

    def __init__(self, x: float, label: str, title: str, done: bool = False) -> None:
        self.x, self.label, self.title, self.done = x, label, title, done


def line_chart(
    series: Sequence[Series],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_labels: Sequence[tuple[float, str]] = (),
    y_format: Callable[[float], str] = lambda v: f"{v:g}",
    y_ticks: Sequence[float] | None = None,
    rules: Sequence[tuple[float, str]] = (),
    ticks: Sequence[Tick] = (),
    point_titles: Callable[[Series, tuple[float, float]], str] | None = None,
    width: int = 640,
    height: int = 240,
    label: str = "",
) -> str:
    """A line chart: axes, grid lines at the y ticks, each series as a polyline with its dash
    pattern and markers, vertical ``rules`` (x, label: "today"), milestone ``ticks`` on the x axis,
    then a legend of the series beneath (a sample of each line beside its label)."""
    frame = Frame(width, height, x_range, y_range)
    legend_rows = 1 + max(row for _, row in legend_places(series, width)) if series else 0
    total = height + 18 * legend_rows
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {total}" width="{width}" height="{total}" role="img" aria-label="{esc(label)}">',
        f"<title>{esc(label)}</title>" if label else "",
    ]
    ys = list(y_ticks) if y_ticks is not None else nice_ticks(*y_range)
    for value in ys:
        if y_range[0] <= value <= y_range[1]:
            y = num(frame.y(value))
            parts.append(f'<line x1="{num(frame.left)}" y1="{y}" x2="{num(frame.right)}" y2="{y}" stroke="{GRID}" stroke-width="1"/>')
            parts.append(f'<text x="{num(frame.left - 6)}" y="{y}" dy="0.32em" text-anchor="end" class="axis">{esc(y_format(value))}</text>')
    parts.append(
        f'<path d="M{num(frame.left)} {num(frame.top)}V{num(frame.bottom)}H{num(frame.right)}" fill="none" stroke="{INK}" stroke-width="1"/>'
    )
    for x, text in x_labels:
        if x_range[0] <= x <= x_range[1]:
            px = num(frame.x(x))
            parts.append(f'<line x1="{px}" y1="{num(frame.bottom)}" x2="{px}" y2="{num(frame.bottom + 4)}" stroke="{INK}"/>')
            parts.append(f'<text x="{px}" y="{num(frame.bottom + 16)}" text-anchor="middle" class="axis">{esc(text)}</text>')
    for x, text in rules:
        if x_range[0] <= x <= x_range[1]:
            px = num(frame.x(x))
            parts.append(f'<line class="rule" x1="{px}" y1="{num(frame.top)}" x2="{px}" y2="{num(frame.bottom)}" stroke="{MUTED}" stroke-width="1" stroke-dasharray="2 2"/>')
            parts.append(f'<text x="{px}" y="{num(frame.top - 2)}" text-anchor="middle" class="axis">{esc(text)}</text>')
    for s in series:
        if len(s.points) > 1:
            parts.append(_polyline(s, frame))
        if s.marker or len(s.points) == 1:
            for point in s.points:
                if not x_range[0] <= point[0] <= x_range[1]:
                    continue
                title = point_titles(s, point) if point_titles else s.label
                parts.append(_marker(s.marker or "dot", frame.x(point[0]), frame.y(point[1]), s.colour, title))
    for tick in ticks:
        if x_range[0] <= tick.x <= x_range[1]:
            px = frame.x(tick.x)
            fill = INK if tick.done else "#fff"
            d = f"M{num(px)} {num(frame.bottom - 5)}L{num(px + 5)} {num(frame.bottom)}L{num(px)} {num(frame.bottom + 5)}L{num(px - 5)} {num(frame.bottom)}Z"
            parts.append(f'<path class="milestone" d="{d}" fill="{fill}" stroke="{INK}" stroke-width="1.2"><title>{esc(tick.title)}</title></path>')
            parts.append(f'<text x="{num(px)}" y="{num(frame.bottom - 8)}" text-anchor="middle" class="tick">{esc(tick.label)}</text>')
    if legend_rows:
        parts.append(legend(series, top=height, width=width))
    parts.append("</svg>")
    return "".join(parts)


def legend_places(series: Sequence[Series], width: int) -> list[tuple[float, int]]:
    """Where each series' legend item goes: ``(x, row)``, left to right, a new row when the
    next label (about 6.5 px a character at the legend's 12 px) would run past ``width``."""
    places, x, row = [], float(LEFT), 0
    for s in series:
        room = 34 + 6.5 * len(s.label) + 20
        if x > LEFT and x + room > width:
            x, row = float(LEFT), row + 1
        places.append((x, row))
        x += room
    return places


def legend(series: Sequence[Series], *, top: float, width: int) -> str:
    """Each series' line sample (its dash and marker) and label, in rows under the plot."""
    parts = []
    for s, (x, row) in zip(series, legend_places(series, width)):
        y = top + 18 * row + 4
        dash = DASHES.get(s.dash)
        pattern = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{num(x)}" y1="{num(y)}" x2="{num(x + 28)}" y2="{num(y)}" stroke="{s.colour}" stroke-width="{num(s.width)}"{pattern}/>')
        if s.marker:
            parts.append(_marker(s.marker, x + 14, y, s.colour))
        parts.append(f'<text x="{num(x + 34)}" y="{num(y)}" dy="0.32em" class="legend">{esc(s.label)}</text>')
    return "".join(parts)


def bar_chart(
    bars: Sequence[tuple[str, float, str]],
    *,
    target: float | None = None,
    target_label: str = "target",
    y_format: Callable[[float], str] = lambda v: f"{v:g}",
    width: int = 640,
    height: int = 200,
    label: str = "",
) -> str:
    """Bars, oldest first: ``(short label, value, hover title)``, each with its value above it
    where there is room; a dashed line at ``target``. A bar that reaches the target is filled,
    one short of it only outlined, so "met" reads in grey; a legend under the bars says so."""
    values = [value for _, value, _ in bars if math.isfinite(value)]
    top = max([*values, target or 0.0, 1.0]) * 1.12
    frame = Frame(width, height, (0, max(len(bars), 1)), (0, top))
    total = height + 18
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {total}" width="{width}" height="{total}" role="img" aria-label="{esc(label)}">',
        f"<title>{esc(label)}</title>" if label else "",
    ]
    for value in nice_ticks(0, top, 4):
        y = num(frame.y(value))
        parts.append(f'<line x1="{num(frame.left)}" y1="{y}" x2="{num(frame.right)}" y2="{y}" stroke="{GRID}"/>')
        parts.append(f'<text x="{num(frame.left - 6)}" y="{y}" dy="0.32em" text-anchor="end" class="axis">{esc(y_format(value))}</text>')
    slot = (frame.right - frame.left) / max(len(bars), 1)
    every = max(1, math.ceil(len(bars) * 44 / (frame.right - frame.left)))  # labels at least 44 px apart
    for index, (text, value, title) in enumerate(bars):
        shown = value if math.isfinite(value) else 0.0
        x, y = frame.left + index * slot + slot * 0.15, frame.y(max(shown, 0.0))
        met = target is not None and shown >= target
        parts.append(_bar(x, y, slot * 0.7, frame.bottom - y, met, title))
        if slot >= 24:
            parts.append(f'<text x="{num(x + slot * 0.35)}" y="{num(y - 4)}" text-anchor="middle" class="tick">{esc(y_format(shown))}</text>')
        if index % every == 0:
            parts.append(f'<text x="{num(x + slot * 0.35)}" y="{num(frame.bottom + 16)}" text-anchor="middle" class="axis">{esc(text)}</text>')
    legend_y = height + 4
    if target is not None and math.isfinite(target):
        y = num(frame.y(target))
        parts.append(f'<line x1="{num(frame.left)}" y1="{y}" x2="{num(frame.right)}" y2="{y}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="7 4"/>')
        parts.append(f'<line x1="{LEFT}" y1="{legend_y}" x2="{LEFT + 28}" y2="{legend_y}" stroke="{INK}" stroke-width="1.5" stroke-dasharray="7 4"/>')
        parts.append(f'<text x="{LEFT + 34}" y="{legend_y}" dy="0.32em" class="legend">{esc(target_label)}</text>')
        x = LEFT + 34 + 6.5 * len(target_label) + 24
        for met, words in ((True, "met"), (False, "short of it")):
            parts.append(_bar(x, legend_y - 5, 10, 10, met, words))
            parts.append(f'<text x="{num(x + 15)}" y="{legend_y}" dy="0.32em" class="legend">{words}</text>')
            x += 15 + 6.5 * len(words) + 20
    parts.append(f'<path d="M{num(frame.left)} {num(frame.top)}V{num(frame.bottom)}H{num(frame.right)}" fill="none" stroke="{INK}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _bar(x: float, y: float, width: float, height: float, met: bool, title: str) -> str:
    fill = PALETTE[0] if met else "#fff"
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(width)}" height="{num(height)}" fill="{fill}" '
        f'stroke="{PALETTE[0]}" stroke-width="1.2"><title>{esc(title)}</title></rect>'
    )


# Heat-map levels 0..4: the fill's opacity (0: an empty outlined cell), so they differ in grey too.
LEVEL_OPACITY = (0.0, 0.3, 0.5, 0.75, 1.0)
CELL, GAP = 11, 2


def heat_grid(
    columns: Sequence[Sequence[tuple[int, str] | None]],
    *,
    months: Sequence[tuple[int, str]] = (),
    row_labels: Sequence[tuple[int, str]] = (),
    level_names: Sequence[str] = ("none", "1", "2", "3", "4+"),
    label: str = "",
) -> str:
    """A calendar grid: one column a week, seven rows; each cell ``(level, hover title)`` or
    None (a day not shown). ``months`` puts a label over the column where a month begins,
    ``row_labels`` names some rows ("Mon"); a legend of the levels follows the grid."""
    left, top = 30, 16
    width = left + len(columns) * (CELL + GAP) + 4
    height = top + 7 * (CELL + GAP) + 26
    parts = [
        f'<svg class="chart heat" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{esc(label)}">',
        f"<title>{esc(label)}</title>" if label else "",
    ]
    for index, (column, text) in enumerate(months):
        if index + 1 < len(months) and months[index + 1][0] - column < 3:
            continue  # a month shown for a column or two at the start: no room for its name
        parts.append(f'<text x="{left + column * (CELL + GAP)}" y="{top - 5}" class="axis">{esc(text)}</text>')
    for row, text in row_labels:
        parts.append(f'<text x="{left - 4}" y="{top + row * (CELL + GAP) + CELL / 2}" dy="0.32em" text-anchor="end" class="axis">{esc(text)}</text>')
    for index, column in enumerate(columns):
        for row, cell in enumerate(column):
            if cell is None:
                continue
            parts.append(_cell(left + index * (CELL + GAP), top + row * (CELL + GAP), cell[0], cell[1]))
    y = top + 7 * (CELL + GAP) + 8
    x = left
    parts.append(f'<text x="{x}" y="{y + CELL / 2}" dy="0.32em" class="legend">Check-ins a day:</text>')
    x += 110
    for level, name in enumerate(level_names):
        parts.append(_cell(x, y, level, f"{name} check-ins"))
        parts.append(f'<text x="{x + CELL + 3}" y="{y + CELL / 2}" dy="0.32em" class="legend">{esc(name)}</text>')
        x += CELL + 12 + 7 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def _cell(x: float, y: float, level: int, title: str) -> str:
    opacity = LEVEL_OPACITY[max(0, min(level, len(LEVEL_OPACITY) - 1))]
    fill = f'fill="{PALETTE[2]}" fill-opacity="{opacity:g}"' if level else 'fill="#fff"'
    return (
        f'<rect x="{num(x)}" y="{num(y)}" width="{CELL}" height="{CELL}" {fill} stroke="#999" stroke-width="0.6">'
        f"<title>{esc(title)}</title></rect>"
    )
