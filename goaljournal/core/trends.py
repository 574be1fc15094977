"""Trends over a year: the check-in days of a heat map in numbers (streaks, active days), and the
day's mood and energy as two lines, a day without a score a gap rather than a zero. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from goaljournal.core.chart import Line, Row, date_labels, dated, day_label, legend, line_chart, wrapped
from goaljournal.core.dates import DAY_ABBRS
from goaljournal.core.heatmap import LEVEL_GLYPHS, LEVEL_WORDS, HeatMap, heat_map_rows, month_labels
from goaljournal.core.models import DailyCheckin
from goaljournal.core.progress import streak
from goaljournal.core.text import one_line
from goaljournal.core.words import plural

# A span whose scores all fall in its last 90 days is drawn over those days alone: a journal
# begun last month shows its days spread out, not squeezed against the right edge of a year.
SHORT_SPAN = 90
SCALE = (1.0, 5.0)


def scale_height(room: int) -> int:
    """The rows of a chart on the 1–5 scale in ``room`` rows: its plot rows (its axis and labels
    are two more) one more than a multiple of four, so that each whole score has a row of its own
    (and the labels 5, 3 and 1 stand on theirs); at least three."""
    plot = room - 2
    return (min(plot, 3) if plot < 5 else (plot - 1) // 4 * 4 + 1) + 2


def weekday_names(week_start: int) -> tuple[str, ...]:
    """The weekdays' short names in the order of a week starting on ``week_start`` (0 Monday)."""
    return DAY_ABBRS[week_start:] + DAY_ABBRS[:week_start]


def longest_streak(days: Iterable[date]) -> int:
    """The most consecutive days among ``days``."""
    best = run = 0
    previous: date | None = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best, previous = max(best, run), day
    return best


@dataclass(frozen=True, slots=True)
class HeatFacts:
    """What the heat map's days add up to; ``current`` is None when the map does not end today."""

    current: int | None
    longest: int
    active: int
    days: int


def heat_facts(heat: HeatMap, today: date) -> HeatFacts:
    current = streak(heat.counts, today) if heat.last == today else None  # counts: the active days
    return HeatFacts(current, longest_streak(heat.counts), heat.active_days, (heat.last - heat.first).days + 1)


def heat_legend() -> Row:
    """The levels' glyphs and what each means: "· none  ░ 1  ▒ 2  ▓ 3  █ 4+ a day"."""
    row: Row = []
    for level, (glyph, words) in enumerate(zip(LEVEL_GLYPHS, LEVEL_WORDS, strict=True)):
        row += [(glyph, f"level{level}"), (f" {words}  " if level < len(LEVEL_GLYPHS) - 1 else f" {words} a day", "label")]
    return row


@dataclass(frozen=True, slots=True)
class ScoreSeries:
    """Mood and energy from ``first`` to ``last``: a point a day (``step`` 1), or a week's mean
    (``step`` 7) over a longer span; a day or week without a score has no point."""

    first: date
    last: date
    step: int
    mood: tuple[tuple[date, float], ...]
    energy: tuple[tuple[date, float], ...]

    @property
    def empty(self) -> bool:
        return not self.mood and not self.energy


def score_series(scores: Sequence[DailyCheckin], first: date, last: date) -> ScoreSeries:
    """The scores of ``first``..``last`` (``first`` a week's first day, as a heat map's), a
    week's mean each; or a day each over the last 90 days when every score falls in them."""
    days = [(date.fromisoformat(score.day), score) for score in scores]
    days = [(day, score) for day, score in days if first <= day <= last]
    short_first = last - timedelta(days=SHORT_SPAN - 1)
    if all(day >= short_first for day, _ in days) and short_first > first:
        return _series(days, short_first, last, 1)
    # A week's point sits mid-week (or on the last day, for the week under way).
    weekly = [(min(first + timedelta(days=(day - first).days // 7 * 7 + 3), last), score) for day, score in days]
    return _series(weekly, first, last, 7)


def _series(keyed: Sequence[tuple[date, DailyCheckin]], first: date, last: date, step: int) -> ScoreSeries:
    """The mean mood and energy of the scores sharing each key (a day, or a week's middle)."""
    moods: dict[date, list[int]] = {}
    energies: dict[date, list[int]] = {}
    for key, score in keyed:
        if score.mood is not None:
            moods.setdefault(key, []).append(score.mood)
        if score.energy is not None:
            energies.setdefault(key, []).append(score.energy)

    def means(values: dict[date, list[int]]) -> tuple[tuple[date, float], ...]:
        return tuple((key, sum(found) / len(found)) for key, found in sorted(values.items()))

    return ScoreSeries(first, last, step, means(moods), means(energies))


def score_rows(series: ScoreSeries, width: int, height: int) -> list[Row]:
    """Mood and energy drawn ``width`` × ``height``: two lines on the 1–5 scale, mood solid and
    energy dotted (● and ○ at each point when they are few), the legend under them."""
    if series.empty:
        return wrapped("No mood or energy recorded in this span: Today asks for both under the reflection.", width)
    count = max(len(series.mood), len(series.energy))
    mood_marker, energy_marker = ("●", "○") if count * 3 <= width else (None, None)
    per = "a day" if series.step == 1 else "a week's mean"
    lines = [
        Line(dated(series.mood), "series1", f"mood ({per})", marker=mood_marker, gap=series.step),
        Line(dated(series.energy), "series2", f"energy ({per})", dotted=True, marker=energy_marker, gap=series.step),
    ]
    notes = legend(lines, width=width)
    rows = line_chart(
        lines, width, scale_height(height - len(notes)),
        x_range=(float(series.first.toordinal()), float(series.last.toordinal())),
        y_range=SCALE, y_format=lambda value: str(round(value)),
        x_labels=date_labels(series.first, series.last, width - 4),
    )  # fmt: skip
    return rows + notes


FACTS_WIDTH = 16  # "Longest streak", "261 of 367": the column of numbers beside the map


def facts_lines(facts: HeatFacts) -> list[Row]:
    """The heat map's numbers, a label over each value, for a narrow column beside the map."""
    pairs = [("Longest streak", plural(facts.longest, "day")), ("Active days", f"{facts.active} of {facts.days}")]
    if facts.current is not None:
        pairs.insert(0, ("Current streak", plural(facts.current, "day")))
    return [row for label, value in pairs for row in ([(label, "label")], [(value, "value")])]


def year_rows(heat: HeatMap, facts: HeatFacts, week_start: int, width: int) -> list[Row]:
    """The heat map with the legend of its levels under it and its numbers beside it, a day a
    cell, or a day and a space where ``width`` has room for the wider map and the numbers."""
    rows = heat_map_rows(heat, weekday_names(week_start))
    label_width = len(rows[1][0][0])
    if label_width + 2 * len(heat.columns) + 2 + FACTS_WIDTH <= width:
        rows = [_months_spread(heat, label_width)] + [[row[0], *((text + " ", role) for text, role in row[1:])] for row in rows[1:]]
    rows.append(heat_legend())
    beside = facts_lines(facts)
    map_width = max(sum(len(text) for text, _ in row) for row in rows)
    out: list[Row] = []
    for index, row in enumerate(rows):
        facts_row = beside[index - 1] if 0 < index <= len(beside) else []
        used = sum(len(text) for text, _ in row)
        out.append([*row, (" " * (map_width - used + 2), None), *facts_row] if facts_row else row)
    return out


def _months_spread(heat: HeatMap, label_width: int) -> Row:
    """The month labels over a map two cells a week."""
    return [(" " * label_width + month_labels(heat, 2), "label")]


# -- a skill's ratings across self-assessments ---------------------------------------------------


def skill_rows(name: str, ratings: Sequence[int | None], days: Sequence[date], width: int, height: int) -> list[Row]:
    """One skill's ratings (``ratings[i]`` given in the session of ``days[i]``, oldest first; None
    where it was not rated) drawn ``width`` × ``height`` on the 1–5 scale: a ● at each session,
    the sessions' dates under the axis, and the legend naming the skill."""
    points = tuple((float(day.toordinal()), float(rating)) for day, rating in zip(days, ratings, strict=False) if rating is not None)
    if not points:
        return wrapped(f"{one_line(name, 60)}: not rated in any session yet.", width)
    line = Line(points, "series1", one_line(name, max(width - 2, 1)), marker="●")
    notes = legend([line], width=width)[:1]
    first, last = days[0], days[-1]
    pad = timedelta(days=max((last - first).days // 12, 10))  # the first and last ● clear of the axis
    plot_width = width - 4
    if len(days) * 9 <= plot_width and (last - first).days <= 366:  # each session's day, when they fit and need no year
        labels = [(float(day.toordinal()), day_label(day)) for day in days]
    else:
        labels = date_labels(first, last, plot_width)
    rows = line_chart(
        [line], width, scale_height(height - len(notes)),
        x_range=(float((first - pad).toordinal()), float((last + pad).toordinal())),
        y_range=SCALE, y_format=lambda value: str(round(value)), x_labels=labels,
    )  # fmt: skip
    return rows + notes
