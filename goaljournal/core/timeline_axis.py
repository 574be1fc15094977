"""The timeline's axis as numbers: which items it holds (the filter) and on which row each sits.

The axis is laid out from one count per day (``AxisLayout``): no item is read to build it, and a
row's item is found later by its day and its place among that day's items. Everything here is
pure: no store, no Textual, so the layout and the moves through time are tested directly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from goaljournal.core.models import Goal
from goaljournal.core.periods import JumpTarget, Period, period_of

KIND_LABELS = {
    "goal": "goals (start and deadline)",
    "milestone": "milestones",
    "checkin": "check-ins",
    "revision": "goal revisions",
    "assessment": "self-assessments",
    "review": "reviews (weekly, monthly, quarterly)",
    "reflection": "reflections",
    "win": "wins",
    "lesson": "lessons",
    "feedback": "feedback",
    "note": "notes",
    "conversation": "conversations with people",
    "follow-up": "follow-ups (on their due day)",
}


@dataclass(frozen=True)
class TimelineFilter:
    """Which items the axis holds: one goal's, one tag's, some kinds (None: every kind)."""

    goal_id: int | None = None
    goal_title: str = ""
    tag: str | None = None
    kinds: frozenset[str] | None = None

    @property
    def active(self) -> bool:
        return self.goal_id is not None or bool(self.tag) or self.kinds is not None

    def store_args(self) -> dict[str, Any]:
        return {"goal_id": self.goal_id, "tag": self.tag, "kinds": None if self.kinds is None else sorted(self.kinds)}

    def describe(self) -> str:
        parts = []
        if self.goal_id is not None:
            title = self.goal_title if len(self.goal_title) <= 32 else self.goal_title[:31] + "…"
            parts.append(f"goal “{title}”")
        if self.tag:
            parts.append(f"@{self.tag}")
        if self.kinds is not None:
            parts.append(f"{len(self.kinds)} of {len(KIND_LABELS)} kinds")
        return " · ".join(parts) if parts else "all"

    @property
    def shows_spans(self) -> bool:
        """Goal spans have no tag, and belong to the "goal" kind."""
        return not self.tag and (self.kinds is None or "goal" in self.kinds)


def is_day(text: str | None) -> bool:
    """A stored day the axis can place; anything else (a damaged import) is left off it."""
    try:
        date.fromisoformat(text or "")
    except ValueError:
        return False
    return True


def placeable_days(day_counts: Iterable[tuple[str, int]]) -> list[tuple[date, int]]:
    """The store's (day, count) pairs the axis can place, as dates."""
    return [(date.fromisoformat(day), count) for day, count in day_counts if is_day(day)]


def placeable_goals(goals: Iterable[Goal], timeline_filter: TimelineFilter) -> list[Goal]:
    """The goals whose spans the axis draws: the filter's goal (or every goal) with dates it can place."""
    return [
        goal for goal in goals
        if (timeline_filter.goal_id is None or goal.id == timeline_filter.goal_id)
        and is_day(goal.start_date or goal.created_at[:10]) and (not goal.deadline or is_day(goal.deadline))
    ]  # fmt: skip


def goal_dates(goal: Goal, today: date) -> tuple[date, date]:
    """A goal's span: start to deadline; without a deadline it runs until today."""
    start = date.fromisoformat(goal.start_date or goal.created_at[:10] or today.isoformat())
    end = date.fromisoformat(goal.deadline) if goal.deadline else max(start, today)
    return start, max(start, end)


class Slot(NamedTuple):
    """Where a row sits: its kind (period, span, today, item, or month: a month's summary in a year),
    period, day, and for a span its goal, for an item its place among that day's items. A month's
    row has the day that stands for its month (see ``AxisLayout.key``)."""

    kind: str
    period_index: int
    day: date
    goal: Goal | None = None
    position: int = 0


class AxisLayout:
    """Where every row of the axis is, from how many items each day holds.

    Periods with nothing dated in them are left out, except today's. A period's rows are its
    header, its days' items in display order (today's led by a "today" line), then the spans of
    the goals that first show in it: each goal's span is drawn once, in the first period in
    display order that it overlaps, so a period starts with what happened in it. A year holds one
    summary row per month instead of its items: a year of items is not an overview. Nothing is
    read from the journal here: a row's item is found by its day and its position among that
    day's items.
    """

    def __init__(
        self,
        day_counts: Sequence[tuple[date, int]],
        goals: Sequence[Goal],
        *,
        zoom: str,
        today: date,
        newest_first: bool = True,
        week_start: int = 0,
    ) -> None:
        self.zoom, self.today, self.newest_first, self.week_start = zoom, today, newest_first, week_start
        self.by_month = zoom == "year"
        counts: dict[date, int] = {}
        for day, count in day_counts:
            key = self.key(day)
            counts[key] = counts.get(key, 0) + count
        self.today_key = self.key(today)
        counts.setdefault(self.today_key, 0)  # the "today" line is always on the axis
        self.counts = counts
        self.item_count = sum(counts.values())  # the counts never change: summed once, not per scroll
        by_period: dict[Period, list[date]] = {}
        period: Period | None = None
        for day in sorted(counts, reverse=newest_first):
            # Sorted days come period by period: one period_of per period, not per day (100,000
            # days a year apart from the next period took 0.3 s of the first frame).
            if period is None or not period.first <= day <= period.last:
                period = period_of(day, zoom, week_start)
                in_period = by_period.setdefault(period, [])
            in_period.append(day)
        self.periods: list[Period] = list(by_period)
        self.days: list[list[date]] = list(by_period.values())
        spans = [(goal, *goal_dates(goal, today)) for goal in goals]
        placed: set[int] = set()
        self.spans: list[list[Goal]] = []
        self.starts: list[int] = []  # the first row of each period
        self.day_starts: list[list[int]] = []  # where each day's rows start, from its period's first row
        self.span_starts: list[int] = []  # where each period's spans start, from its first row
        row = 0
        for period, days in zip(self.periods, self.days):
            here = [s for s in spans if s[0].id not in placed and period.overlaps(s[1], s[2])]
            here.sort(key=lambda s: (s[1], s[0].id))
            placed.update(s[0].id for s in here)
            self.spans.append([s[0] for s in here])
            self.starts.append(row)
            offset, starts = 1, []
            for day in days:
                starts.append(offset)
                offset += self.slots_on(day)
            self.day_starts.append(starts)
            self.span_starts.append(offset)
            row += offset + len(here)
        self.row_count = row

    def key(self, day: date) -> date:
        """The day that stands for ``day`` on the axis: itself, or in a year its month's first day
        (newest first) or last (oldest first), so that searching the keys finds the month."""
        if not self.by_month:
            return day
        if self.newest_first:
            return day.replace(day=1)
        return day.replace(day=monthrange(day.year, day.month)[1])

    @property
    def is_empty(self) -> bool:
        """Nothing dated and no goal span: only the today line."""
        return self.item_count == 0 and not any(self.spans)

    def slots_on(self, day: date) -> int:
        today = day == self.today_key
        if self.by_month:
            return (self.counts.get(day, 0) > 0) + today
        return self.counts.get(day, 0) + today

    def slot(self, index: int) -> Slot:
        """What the row at ``index`` is."""
        k = bisect_right(self.starts, index) - 1
        period, local = self.periods[k], index - self.starts[k]
        edge = period.last if self.newest_first else period.first
        if local == 0:
            return Slot("period", k, edge)
        if local >= self.span_starts[k]:
            return Slot("span", k, edge, goal=self.spans[k][local - self.span_starts[k]])
        j = bisect_right(self.day_starts[k], local) - 1
        day = self.days[k][j]
        position = local - self.day_starts[k][j]
        if day == self.today_key:
            if position == 0:
                return Slot("today", k, self.today)
            position -= 1
        if self.by_month:
            return Slot("month", k, day)
        return Slot("item", k, day, position=position)

    def slot_days(self, index: int) -> tuple[date, date]:
        """The first and last day the row at ``index`` stands for: a whole period for a header or a
        span, a whole month for a month's summary, else its day."""
        slot = self.slot(index)
        if slot.kind in ("period", "span"):
            period = self.periods[slot.period_index]
            return period.first, period.last
        if slot.kind == "month":
            month = period_of(slot.day, "month")
            return month.first, month.last
        return slot.day, slot.day

    def period_of_row(self, index: int) -> int:
        return bisect_right(self.starts, index) - 1

    def day_rows(self, day: date) -> range:
        """The rows of ``day``'s items (and of the today line, on today); in a year, its month's."""
        day = self.key(day)
        period = period_of(day, self.zoom, self.week_start)
        k = self._period_index(period)
        if k is None or day not in self.counts:
            return range(0)
        j = self.days[k].index(day)
        first = self.starts[k] + self.day_starts[k][j]
        return range(first, first + self.slots_on(day))

    def today_row(self) -> int:
        return self.day_rows(self.today).start

    def header_row(self, k: int) -> int:
        return self.starts[max(0, min(k, len(self.starts) - 1))]

    def _period_index(self, period: Period) -> int | None:
        k = self._first_period_from(period.first)
        return k if k < len(self.periods) and self.periods[k] == period else None

    def _first_period_from(self, day: date) -> int:
        """The first period, in display order, that holds ``day`` or comes after it."""
        if self.newest_first:
            return bisect_left(self.periods, -day.toordinal(), key=lambda p: -p.first.toordinal())
        return bisect_left(self.periods, day, key=lambda p: p.last)

    def first_row_from(self, day: date, *, header: bool = False) -> int:
        """The first row, in display order, on ``day`` or past it (older when newest first);
        with ``header``, the header of the period holding it rather than its first item."""
        day = self.key(day)
        k = self._first_period_from(day)
        if k >= len(self.periods):
            return max(self.row_count - 1, 0)
        if header or day not in self.periods[k]:
            return self.starts[k]
        days = self.days[k]
        if self.newest_first:
            j = bisect_left(days, -day.toordinal(), key=lambda d: -d.toordinal())
        else:
            j = bisect_left(days, day)
        if j >= len(days):
            return self.starts[k + 1] if k + 1 < len(self.starts) else self.row_count - 1
        return self.starts[k] + self.day_starts[k][j]

    # -- moving through time ----------------------------------------------------------------

    def jump_row(self, target: JumpTarget) -> tuple[int, str]:
        """The row that shows ``target``, and where it is: "inside" it, or the nearest row
        "earlier" or "later" than it (past it, or before it when nothing is past it). From the
        target's newest end when newest first, its oldest end otherwise; with a whole period in the
        target at this zoom, from that period's header."""
        edge = target.last if self.newest_first else target.first
        period = period_of(edge, self.zoom, self.week_start)
        whole = target.first <= period.first and period.last <= target.last
        index = self.first_row_from(edge, header=whole)
        first, last = self.slot_days(index)
        if first <= target.last and last >= target.first:
            return index, "inside"
        return index, "earlier" if last < target.first else "later"

    def period_step(self, cursor: int, *, older: bool) -> int | None:
        """Where ``[`` (older) or ``]`` (newer) goes from the row ``cursor``: the next period's
        header, or first this period's own header when the step goes up the screen from inside it.
        None past the oldest or newest period."""
        k = self.period_of_row(cursor)
        on_header = cursor == self.starts[k]
        step = 1 if older == self.newest_first else -1
        target = k + step if on_header or step > 0 else k
        if not 0 <= target < len(self.periods):
            return None
        return self.starts[target]

    def today_place(self, height: int) -> tuple[int, int]:
        """The today line's row, and the screen line to show it on in an axis ``height`` lines
        high: under its period's header when both fit in the top two thirds, else a third down."""
        index = self.today_row()
        header = self.header_row(self.period_of_row(index))
        return index, index - header if index - header < height * 2 // 3 else height // 3
