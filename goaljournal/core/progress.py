"""Progress of a goal, its status against elapsed time, its horizon, and the check-in streak."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from goaljournal.core.models import CADENCES, Goal

# The largest target, baseline or check-in value a journal takes, either way: the store's writes,
# the import and doctor all hold values to it. A trillion is far beyond any count, amount or score
# a person tracks, keeps every sum, span and ratio of stored values finite, and keeps a value's
# hundredths exact (a float near 1e12 is exact to about 0.0001).
NUMBER_LIMIT = 1e12
LIMIT_TEXT = "a finite number between -1e12 and 1e12 (a trillion)"

_BIGGEST = sys.float_info.max


def within_limit(value: float) -> bool:
    """Whether ``value`` is a number a journal takes: finite, and NUMBER_LIMIT at most either way."""
    return math.isfinite(value) and abs(value) <= NUMBER_LIMIT


def clamp_finite(value: float) -> float:
    """``value`` with infinities as the biggest finite floats (a journal written before values
    were bounded may hold them); NaN, which SQLite never stores, as 0."""
    if math.isnan(value):
        return 0.0
    return min(max(value, -_BIGGEST), _BIGGEST)


def share(value: float | None, baseline: float | None, target: float) -> float:
    """How far ``value`` has come from ``baseline`` (None: 0) towards ``target``, 0..1. A value
    not given is the baseline; a target equal to the baseline is reached. Total over floats."""
    low, high = clamp_finite(baseline or 0.0), clamp_finite(target)
    current = low if value is None else clamp_finite(value)
    if high == low:
        return 1.0
    if math.isinf(high - low):  # a span past the biggest float: halved, it cannot overflow
        fraction = (current / 2 - low / 2) / (high / 2 - low / 2)
    else:  # an overflowing numerator is ±inf, which the clamp puts at the right end
        fraction = (current - low) / (high - low)
    return min(max(fraction, 0.0), 1.0)


def progress_fraction(goal: Goal) -> float | None:
    """Latest value against baseline → target, clamped to 0..1; None without a target. A goal
    with a cadence measures the period under way: its total (``current``, as the store gives
    it) from 0 towards the target per period."""
    if goal.target is None:
        return 1.0 if goal.status == "achieved" else None
    if goal.cadence in CADENCES:
        return share(goal.current or 0.0, 0.0, goal.target)
    return share(goal.current, goal.baseline, goal.target)


def elapsed_fraction(goal: Goal, today: date) -> float | None:
    """How much of the time from start to deadline has passed, 0..1; None without both dates."""
    if not goal.start_date or not goal.deadline:
        return None
    start, end = date.fromisoformat(goal.start_date), date.fromisoformat(goal.deadline)
    total = (end - start).days
    if total <= 0:
        return 1.0
    return min(max((today - start).days / total, 0.0), 1.0)


def pace_status(goal: Goal, today: date, week_start: int = 0) -> str | None:
    """'on track', 'at risk' or 'off track' from progress against elapsed time. A goal with a
    cadence is paced within the period under way ('met' once its total reaches the target; a
    week starts on the weekday ``week_start``)."""
    if goal.cadence in CADENCES and goal.target is not None:
        from goaljournal.core.cadence import period_pace  # it formats with this module

        return period_pace(goal.current or 0.0, goal.target, goal.cadence, today, week_start)  # type: ignore[arg-type]
    progress, elapsed = progress_fraction(goal), elapsed_fraction(goal, today)
    if progress is None or elapsed is None:
        return None
    if progress >= 1.0:
        return "done"
    behind = elapsed - progress
    if behind <= 0.10:
        return "on track"
    if behind <= 0.25 and elapsed < 1.0:
        return "at risk"
    return "off track"


def derived_horizon(start: date | None, deadline: date | None) -> str | None:
    """short (up to a year), medium (up to four years) or long, from the span to the deadline."""
    if deadline is None:
        return None
    days = (deadline - (start or deadline)).days
    if days <= 366:
        return "short"
    if days <= 4 * 366:
        return "medium"
    return "long"


def goal_horizon(goal: Goal) -> str | None:
    """The horizon the user chose, or the one the deadline implies."""
    if goal.horizon:
        return goal.horizon
    start = date.fromisoformat(goal.start_date) if goal.start_date else None
    deadline = date.fromisoformat(goal.deadline) if goal.deadline else None
    return derived_horizon(start, deadline)


def streak(days_with_checkins: Iterable[date], today: date) -> int:
    """Consecutive days with a check-in, ending today (or yesterday, if today has none yet)."""
    days = set(days_with_checkins)
    cursor = today if today in days else today - timedelta(days=1)
    count = 0
    while cursor in days:
        count += 1
        cursor -= timedelta(days=1)
    return count


def format_number(value: float | None) -> str:
    """12.0 → '12', 2.5 → '2.5', 1e300 → '1e+300', None → '–'; never 'nan' or 'inf' (an
    infinity a journal holds from before values were bounded shows as ∞)."""
    if value is None or math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.6g}"


SPARK_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A one-line chart of ``values``: ▁▂▄▆█."""
    if not values:
        return ""
    finite = [clamp_finite(value) for value in values]
    low, high = min(finite), max(finite)
    if high == low:
        return SPARK_BARS[len(SPARK_BARS) // 2] * len(values)
    top = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[round(share(value, low, high) * top)] for value in finite)


# A check-in this many times the goal's span (baseline to target) away from the baseline is
# most likely a slip of the keyboard: an extra zero (30 for 3) or a missed decimal point.
IMPLAUSIBLE_SPANS = 10


@dataclass(frozen=True, slots=True)
class Doubt:
    """Why a typed check-in looks mistyped, and what was probably meant (None when nothing is obvious).
    ``meant`` is in the terms typed: a value for a value, an amount to add for ``+N``."""

    reason: str
    meant: float | None


def checkin_doubt(typed: float, baseline: float | None, target: float | None, *, added_to: float | None = None) -> Doubt | None:
    """Whether a check-in looks mistyped: the value (``typed``, or ``added_to + typed`` for a
    ``+N`` check-in) lies ten times the span from baseline to target or more beyond the baseline,
    or below zero on a count (a goal from a baseline of zero or more up to a bigger target).
    None when it looks plausible, or the goal has no target to judge by."""
    if target is None or not all(map(math.isfinite, (typed, target, baseline or 0.0, added_to or 0.0))):
        return None
    low = baseline or 0.0
    span = abs(target - low)
    value = typed if added_to is None else added_to + typed
    is_count = low >= 0 and target > low
    if is_count and value < 0:
        reason = f"{format_number(value)} is below zero, and this goal counts up from {format_number(low)}"
    elif span and abs(value - low) >= IMPLAUSIBLE_SPANS * span:
        reason = f"{format_number(value)} is far from this goal's range, {format_number(low)} to {format_number(target)}"
    else:
        return None
    return Doubt(reason, _likely_meant(typed, added_to or 0.0, low, target, is_count))


def _likely_meant(typed: float, added_to: float, low: float, target: float, is_count: bool) -> float | None:
    """The typed number with a stray minus sign or extra zeros taken off, when that lands in or
    near the goal's range (within one span of it)."""
    span = abs(target - low)
    bottom, top = min(low, target) - span, max(low, target) + span
    candidates = [-typed] if is_count and added_to + typed < 0 else []
    candidates += [typed / 10**power for power in range(1, 7)]
    for candidate in candidates:
        if bottom <= added_to + candidate <= top and not (is_count and added_to + candidate < 0):
            return candidate
    return None
