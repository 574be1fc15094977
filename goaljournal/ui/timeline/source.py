"""The timeline's rows for a VirtualList: a page reads only the days it covers.

The layout (``core.timeline_axis.AxisLayout``) says what each row is; this reads the items of a
page of rows in one query, and a period's header numbers and its goals' progress when that
period's rows are first read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from textual.content import Content

from goaljournal.core.cadence import CadenceSummary, summarise
from goaljournal.core.models import CADENCES
from goaljournal.core.periods import Period, period_of
from goaljournal.core.timeline_axis import AxisLayout, Slot, TimelineFilter
from goaljournal.store import JournalError, Store
from goaljournal.ui.timeline.render import (
    header_line,
    item_line,
    month_line,
    span_line,
    today_line,
    unread_line,
)


@dataclass
class AxisRow:
    """One line of the axis, with what it shows (an item is a dict from Store.timeline_items)."""

    slot: Slot
    period: Period
    item: dict[str, Any] | None = None
    counts: dict[str, int] | None = None
    value: float | None = None
    periods: CadenceSummary | None = None  # a cadence goal's span: its periods within this one
    drawn: tuple[int, Content] | None = None  # (width, line): the cursor moving redraws every row

    @property
    def kind(self) -> str:
        return self.slot.kind

    @property
    def day(self) -> date:
        return self.slot.day

    @property
    def key(self) -> tuple[Any, ...]:
        """What the row stands for, to find it again after the axis is laid out anew."""
        if self.item is not None:
            return ("item", self.item["kind"], self.item["id"])
        if self.slot.kind == "span" and self.slot.goal is not None:
            return ("span", self.slot.goal.id)
        return (self.slot.kind,)

    @property
    def goal_id(self) -> int | None:
        if self.slot.goal is not None:
            return self.slot.goal.id
        return self.item.get("goal_id") if self.item else None


@dataclass
class TimelineSource:
    """The rows of an AxisLayout for a VirtualList: a page reads only the days it covers."""

    store: Store
    axis_layout: AxisLayout
    filter: TimelineFilter = field(default_factory=TimelineFilter)
    stale: bool = False  # the journal changed under the layout: lay it out again
    reserved: int = 0  # columns of the row width the scrollbar covers
    _counts: dict[Period, dict[str, int]] = field(default_factory=dict)
    _values: dict[Period, dict[int, float]] = field(default_factory=dict)
    _rated: dict[Period, dict[int, CadenceSummary]] = field(default_factory=dict)

    def count(self) -> int:
        return self.axis_layout.row_count

    def fetch(self, offset: int, limit: int) -> list[AxisRow]:
        layout = self.axis_layout
        slots = [layout.slot(index) for index in range(offset, min(offset + limit, layout.row_count))]
        rows = [AxisRow(slot, layout.periods[slot.period_index]) for slot in slots]
        items = [row for row in rows if row.kind == "item"]
        if items:
            first, last = items[0].slot, items[-1].slot
            lo, hi = sorted((first.day, last.day))
            try:
                found = self.store.timeline_items(
                    lo, hi, newest_first=layout.newest_first, offset=first.position, limit=len(items), **self.filter.store_args()
                )
            except JournalError:  # busy or gone for a moment: the rows show "…" until read again
                found = []
            for row, item in zip(items, found):
                if item["day"] != row.day.isoformat():
                    self.stale = True
                    break
                row.item = item
            if len(found) < len(items):
                self.stale = True
        for row in rows:
            if row.kind == "period":
                row.counts = self._period_counts(row.period)
            elif row.kind == "month":
                row.counts = self._period_counts(period_of(row.day, "month"))
            elif row.kind == "span" and row.slot.goal is not None:
                row.value = self._span_values(row.slot.period_index).get(row.slot.goal.id)
                row.periods = self._rated.get(row.period, {}).get(row.slot.goal.id)
        return rows

    def _period_counts(self, period: Period) -> dict[str, int] | None:
        if period not in self._counts:
            try:
                self._counts[period] = self.store.timeline_counts(
                    period.first, period.last, goal_id=self.filter.goal_id, tag=self.filter.tag
                )
            except JournalError:
                self.stale = True
                return None
        return self._counts[period]

    def _span_values(self, k: int) -> dict[int, float]:
        """The progress, as of today, of the goals whose spans the period shows: a span is drawn
        once on the axis, so it says where the goal got to, not where it was at the period's end."""
        period = self.axis_layout.periods[k]
        if period not in self._values:
            as_of = self.axis_layout.today
            goals = self.axis_layout.spans[k]
            rated = [goal for goal in goals if goal.cadence in CADENCES]
            try:
                self._values[period] = self.store.checkin_values_as_of([goal.id for goal in goals], as_of)
                amounts = self.store.checkin_amounts([goal.id for goal in rated], until=as_of) if rated else {}
            except JournalError:
                self.stale = True
                return {}
            # A cadence goal counts the weeks, months or quarters it met.
            self._rated[period] = {
                goal.id: summarise(goal.cadence, goal.target, amounts[goal.id], as_of,
                                   start=goal.start_date, deadline=goal.deadline, week_start=self.store.week_start)
                for goal in rated if goal.cadence is not None
            }  # fmt: skip
        return self._values[period]

    # -- drawing ------------------------------------------------------------------------------

    def render_row(self, row: AxisRow, width: int) -> Content:
        width -= self.reserved
        if row.drawn is None or row.drawn[0] != width:
            row.drawn = (width, self._draw(row, width))
        return row.drawn[1]

    def _draw(self, row: AxisRow, width: int) -> Content:
        layout = self.axis_layout
        if row.kind == "period":
            return header_line(row.period, row.counts, width)
        if row.kind == "today":
            return today_line(row.day, width)
        if row.kind == "month":
            return month_line(period_of(row.day, "month"), row.counts, width)
        if row.kind == "span" and row.slot.goal is not None:
            return span_line(row.slot.goal, row.value, row.periods, layout.today, width)
        if row.item is None:
            return unread_line()
        return item_line(row.item, layout.today, layout.zoom, width, one_goal=self.filter.goal_id is not None)
