"""Timeline: years of goals, milestones, check-ins, entries, revisions, assessments,
conversations with people and their follow-ups on one keyboard-driven time axis, grouped by
week, month, quarter or year.

Only what is on screen is read. The axis is laid out from one count per day (``AxisLayout``:
no row is read to build it); a page of rows reads just the days it covers
(``TimelineSource.fetch``), and a period's header numbers and its goals' progress are read when
that period's rows are.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Footer,
    Input,
    Label,
    Markdown,
    OptionList,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from goaljournal.core.cadence import CadenceSummary, rate_text, summarise
from goaljournal.core.models import CADENCES, Goal
from goaljournal.core.periods import (
    DAY_ABBRS,
    MONTH_ABBRS,
    ZOOMS,
    BadJump,
    JumpTarget,
    Period,
    long_date,
    month_year,
    parse_jump,
    period_of,
    short_date,
    zoom_in,
    zoom_out,
)
from goaljournal.core.progress import (
    format_number,
    goal_horizon,
    pace_status,
    progress_fraction,
)
from goaljournal.store import JournalError, Store
from goaljournal.ui.assess.render import assessment_summary
from goaljournal.ui.goals.render import goal_detail
from goaljournal.ui.people.render import conversation_detail
from goaljournal.ui.reflections.render import entry_heading
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import progress_bar, user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.virtual_list import VirtualList

# Every kind has its own mark and word, so the timeline reads without colour too.
MARKS: dict[str, tuple[str, str]] = {
    "span": ("▌", "$accent"),
    "goal-start": ("▶", "$accent"),
    "deadline": ("⚑", "$warning"),
    "milestone-done": ("✓", "$success"),
    "milestone-due": ("○", "$secondary"),
    "milestone-overdue": ("!", "bold $error"),
    "checkin": ("●", "$success"),
    "revision": ("↻", "$warning"),
    "assessment": ("◎", "$accent"),
    "reflection": ("✎", "$foreground"),
    "win": ("★", "$warning"),
    "lesson": ("◇", "$secondary"),
    "feedback": ("❝", "$primary"),
    "note": ("·", "$text-muted"),
    "conversation": ("⇄", "$primary"),
    "follow-up": ("↪", "$secondary"),
    "follow-up-done": ("↪", "$success"),
    "follow-up-overdue": ("↪", "bold $error"),
}
KIND_LABELS = {
    "goal": "goals (start and deadline)",
    "milestone": "milestones",
    "checkin": "check-ins",
    "revision": "goal revisions",
    "assessment": "self-assessments",
    "reflection": "reflections",
    "win": "wins",
    "lesson": "lessons",
    "feedback": "feedback",
    "note": "notes",
    "conversation": "conversations with people",
    "follow-up": "follow-ups (on their due day)",
}
ENTRY_WORDS = {"win": "win", "lesson": "lesson", "feedback": "feedback", "note": "note"}
INDENT = "   "


# -- what the timeline shows ------------------------------------------------------------------


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


class Slot(NamedTuple):
    """Where a row sits: its kind (period, span, today or item), period, day, and for a span its
    goal, for an item its place among that day's items."""

    kind: str
    period_index: int
    day: date
    goal: Goal | None = None
    position: int = 0


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


def goal_dates(goal: Goal, today: date) -> tuple[date, date]:
    """A goal's span: start to deadline; without a deadline it runs until today."""
    start = date.fromisoformat(goal.start_date or goal.created_at[:10] or today.isoformat())
    end = date.fromisoformat(goal.deadline) if goal.deadline else max(start, today)
    return start, max(start, end)


class AxisLayout:
    """Where every row of the axis is, from how many items each day holds.

    Periods with nothing dated in them are left out, except today's. A period's rows are its
    header, then its goal spans, then its days' items in display order, today's led by a "today"
    line. Nothing is read from the journal here: a row's item is found by its day and its
    position among that day's items.
    """

    def __init__(
        self,
        day_counts: Sequence[tuple[date, int]],
        goals: Sequence[Goal],
        *,
        zoom: str,
        today: date,
        newest_first: bool = True,
    ) -> None:
        self.zoom, self.today, self.newest_first = zoom, today, newest_first
        counts = dict(day_counts)
        counts.setdefault(today, 0)  # the "today" line is always on the axis
        self.counts = counts
        by_period: dict[Period, list[date]] = {}
        period: Period | None = None
        for day in sorted(counts, reverse=newest_first):
            # Sorted days come period by period: one period_of per period, not per day (100,000
            # days a year apart from the next period took 0.3 s of the first frame).
            if period is None or not period.first <= day <= period.last:
                period = period_of(day, zoom)
                in_period = by_period.setdefault(period, [])
            in_period.append(day)
        self.periods: list[Period] = list(by_period)
        self.days: list[list[date]] = list(by_period.values())
        spans = [(goal, *goal_dates(goal, today)) for goal in goals]
        self.spans: list[list[Goal]] = []
        self.starts: list[int] = []  # the first row of each period
        self.day_starts: list[list[int]] = []  # where each day's rows start, from its period's first row
        row = 0
        for period, days in zip(self.periods, self.days):
            here = sorted(
                (s for s in spans if period.overlaps(s[1], s[2])), key=lambda s: (s[1], s[0].id)
            )
            self.spans.append([s[0] for s in here])
            self.starts.append(row)
            offset, starts = 1 + len(here), []
            for day in days:
                starts.append(offset)
                offset += self.slots_on(day)
            self.day_starts.append(starts)
            row += offset
        self.row_count = row

    def slots_on(self, day: date) -> int:
        return self.counts.get(day, 0) + (day == self.today)

    def slot(self, index: int) -> Slot:
        """What the row at ``index`` is."""
        k = bisect_right(self.starts, index) - 1
        period, local = self.periods[k], index - self.starts[k]
        edge = period.last if self.newest_first else period.first
        if local == 0:
            return Slot("period", k, edge)
        if local <= len(self.spans[k]):
            return Slot("span", k, edge, goal=self.spans[k][local - 1])
        j = bisect_right(self.day_starts[k], local) - 1
        day = self.days[k][j]
        position = local - self.day_starts[k][j]
        if day == self.today:
            if position == 0:
                return Slot("today", k, day)
            position -= 1
        return Slot("item", k, day, position=position)

    def period_of_row(self, index: int) -> int:
        return bisect_right(self.starts, index) - 1

    def day_rows(self, day: date) -> range:
        """The rows of ``day``'s items (and of the today line, on today)."""
        period = period_of(day, self.zoom)
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
        """The goals' progress at the end of the period (or today, for a period still running)."""
        period = self.axis_layout.periods[k]
        if period not in self._values:
            as_of = min(period.last, self.axis_layout.today)
            goals = self.axis_layout.spans[k]
            rated = [goal for goal in goals if goal.cadence in CADENCES]
            try:
                self._values[period] = self.store.checkin_values_as_of([goal.id for goal in goals], as_of)
                amounts = self.store.checkin_amounts([goal.id for goal in rated], until=as_of) if rated else {}
            except JournalError:
                self.stale = True
                return {}
            # A cadence goal counts the weeks, months or quarters met within the period shown.
            self._rated[period] = {
                goal.id: summarise(goal.cadence, goal.target, amounts[goal.id], as_of,  # type: ignore[arg-type]
                                   start=goal.start_date, deadline=goal.deadline, since=period.first)
                for goal in rated
            }  # fmt: skip
        return self._values[period]

    # -- drawing ------------------------------------------------------------------------------

    def render_row(self, row: AxisRow, width: int) -> Content:
        width -= self.reserved
        if row.drawn is None or row.drawn[0] != width:
            row.drawn = (width, self._draw(row, width))
        return row.drawn[1]

    def _draw(self, row: AxisRow, width: int) -> Content:
        if row.kind == "period":
            return self._header(row, width)
        if row.kind == "today":
            label = f" ━━ today · {long_date(row.day)} "
            return Content.styled(label + "━" * max(0, width - len(label) - 1), "bold $warning")
        if row.kind == "span":
            return self._span(row, width)
        if row.item is None:
            return Content.styled(f"{INDENT}…", "$text-muted")
        layout = self.axis_layout
        left, right = item_parts(row.item, layout.today, layout.zoom, width, one_goal=self.filter.goal_id is not None)
        return fit(left, right, width)

    def _header(self, row: AxisRow, width: int) -> Content:
        label = Content.styled(f" ── {row.period.label} ", "bold $accent")
        room = width - label.cell_length - 8  # a rule of a few dashes stays between them
        stats = Content.styled(f" {counts_text(row.counts, room)} ──", "$text-muted") if row.counts else Content("")
        rule = max(1, width - label.cell_length - stats.cell_length - 1)
        return Content.assemble(label, ("─" * rule, "$accent"), stats)

    def _span(self, row: AxisRow, width: int) -> Content:
        goal = row.slot.goal
        assert goal is not None
        shown = replace(goal, current=row.value)
        fraction = progress_fraction(shown)
        start, end = goal_dates(goal, self.axis_layout.today)
        right = f"{month_year(start)} → {month_year(end) if goal.deadline else 'no deadline'} · {goal.status}"
        if row.periods is not None:
            met = row.periods.met_text()
            progress = Content.styled(f"  {met:<17}", "$accent")
        elif fraction is None:
            progress = Content.styled("  no target    ", "$text-muted")
        else:
            progress = Content.assemble("  ", (progress_bar(fraction), "$accent"), f" {round(fraction * 100):3d}%")
        room = max(min(width - 66, 64), 10)
        title = user_content(goal.title, style="bold", single_line=True, width=room)
        left = Content.assemble(INDENT, MARKS["span"], " ", title.pad_right(room - title.cell_length), progress)
        return fit(left, Content.styled(right, "$text-muted"), width)


def date_range_text(first: date, last: date) -> str:
    """``Wed 25 Nov 2026``, ``16–30 Nov 2026``, ``16 Oct – 30 Nov 2026``, ``3 Dec 2025 – 2 Jan 2026``."""
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{short_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTH_ABBRS[first.month - 1]} – {short_date(last)}"
    return f"{short_date(first)} – {short_date(last)}"


def counts_text(counts: dict[str, int], width: int | None = None) -> str:
    """``3 goals active · milestones 2/4 done · 18 check-in days · 21 entries · 4 conversations
    · follow-ups 1/2 done``; the people's part is left out where ``width`` has no room for it."""
    goals = counts["goals_active"]
    parts = [f"{goals} {'goal' if goals == 1 else 'goals'} active"]
    if counts["milestones_due"]:
        parts.append(f"milestones {counts['milestones_done']}/{counts['milestones_due']} done")
    days, entries = counts["checkin_days"], counts["entries"]
    parts.append(f"{days} check-in {'day' if days == 1 else 'days'}")
    parts.append(f"{entries} {'entry' if entries == 1 else 'entries'}")
    # Counts from an older store have no conversations: .get keeps the strip drawing.
    talks = counts.get("conversations", 0)
    if talks:
        parts.append(f"{talks} {'conversation' if talks == 1 else 'conversations'}")
    if counts.get("follow_ups_due"):
        parts.append(f"follow-ups {counts['follow_ups_done']}/{counts['follow_ups_due']} done")
    kept = len(parts)
    while width is not None and kept > 4 and len(" · ".join(parts[:kept])) > width:
        kept -= 1
    return " · ".join(parts[:kept])


def fit(left: Content, right: Content, width: int) -> Content:
    """``left`` and ``right`` on one line of ``width`` cells: right-aligned, left cut to fit."""
    room = width - right.cell_length - 2
    if left.cell_length > room:
        left = left.truncate(max(room - 1, 1)) + Content("…")
    gap = max(width - left.cell_length - right.cell_length - 1, 1)
    return Content.assemble(left, " " * gap, right)


def day_label(day: date, zoom: str) -> str:
    """``Wed 25`` in a week or month; ``25 Nov`` in a quarter or a year (the day alone is
    ambiguous there)."""
    if zoom in ("week", "month"):
        return f"{DAY_ABBRS[day.weekday()]} {day.day:>2}"
    return f"{day.day:>2} {MONTH_ABBRS[day.month - 1]}"


def _days_word(days: int) -> str:
    return f"{days} {'day' if days == 1 else 'days'}"


def _amount(value: float | None, target: float | None, unit: str | None) -> str:
    unit_text = f" {unit}" if unit else ""
    if value is None:
        return ""
    if target is None:
        return f"{format_number(value)}{unit_text}"
    return f"{format_number(value)} / {format_number(target)}{unit_text}"


def revision_text(changes: str | None) -> str:
    """``deadline 25 Mar 2027 → 24 May 2027; target 3 → 4`` from a revision's JSON."""
    try:
        parsed = json.loads(changes or "{}")
        pairs = [(name, old, new) for name, (old, new) in parsed.items()]
    except (ValueError, TypeError, AttributeError):
        return "changed"

    def shown(name: str, value: Any) -> str:
        if value is None:
            return "none"
        if name == "deadline":
            try:
                return short_date(date.fromisoformat(str(value)))
            except ValueError:
                return str(value)
        if isinstance(value, float):
            return format_number(value)
        return str(value)

    # A new title is the line's subject already; say only that it changed.
    return "; ".join(
        "title reworded" if name == "title" else f"{name} {shown(name, old)} → {shown(name, new)}" for name, old, new in pairs
    )


def item_parts(
    item: dict[str, Any], today: date, zoom: str, width: int = 200, *, one_goal: bool = False
) -> tuple[Content, Content]:
    """An item's line: the mark, day and text on the left, its state on the right. With
    ``one_goal`` (a goal's story) check-ins, milestones and revisions leave out the goal's title."""

    def shown(text: str, style: str = "") -> Content:
        # Cut to the line's width first: measuring a 300-character entry costs more than drawing it.
        return user_content(text, style=style, single_line=True, width=width)
    kind = item["kind"]
    day = date.fromisoformat(item["day"])
    when = day_label(day, zoom)
    right: tuple[str, str] = ("", "$text-muted")
    if kind == "entry":
        entry_kind = item["entry_kind"] or "reflection"
        mark = MARKS.get(entry_kind, MARKS["reflection"])
        word = ENTRY_WORDS.get(entry_kind)
        text: list[str | tuple[str, str] | Content] = [f"{word} · " if word else "", shown(item["text"])]
        if item["starred"]:
            right = ("starred", "$warning")
    elif kind == "checkin":
        mark = MARKS["checkin"]
        amount = _amount(item["value"], item["target"], item["unit"])
        if item.get("entry_kind") in CADENCES:  # the goal's cadence: an amount added to its period
            amount = f"+{format_number(item['value'])}" + (f" {item['unit']}" if item["unit"] else "")
        # The goal's title gives way to the amount, which is what the line is about.
        title = [] if one_goal else [user_content(item["title"] or "", single_line=True, width=min(width, 48)), "  "]
        text = ["check-in · ", *title, (amount, "bold")]
        if item["note"]:
            text += [("  · ", "$text-muted"), shown(item["note"], "$text-muted")]
    elif kind == "milestone":
        due = date.fromisoformat(item["due"]) if item["due"] else None
        if item["done"]:
            mark = MARKS["milestone-done"]
            right = ("done" if due in (None, day) else f"done · was due {short_date(due)}", "$success")
        elif item["status"] in ("achieved", "abandoned"):
            mark, right = MARKS["milestone-due"], (f"not done · goal {item['status']}", "$text-muted")
        elif day < today:
            mark, right = MARKS["milestone-overdue"], (f"overdue · {_days_word((today - day).days)}", "bold $error")
        else:
            mark = MARKS["milestone-due"]
            right = ("due today" if day == today else f"due in {_days_word((day - today).days)}", "$secondary")
        text = ["milestone · ", shown(item["text"] or "")]
        if not one_goal:
            text += [(" · ", "$text-muted"), shown(item["title"] or "", "$text-muted")]
    elif kind == "deadline":
        mark = MARKS["deadline"]
        status = item["status"]
        # A cadence goal's last check-in is an amount, not where it got to: its span counts periods met.
        reached = "" if item.get("entry_kind") in CADENCES else _amount(item["value"], item["target"], item["unit"])
        text = ["deadline · ", shown(item["title"] or "")]
        if reached:
            text.append((f"  reached {reached}", "$text-muted"))
        if status in ("achieved", "abandoned"):
            right = (status, "$success" if status == "achieved" else "$text-muted")
        elif day < today:
            right = ("passed", "$error")
        elif day == today:
            right = ("today", "bold $warning")
        else:
            right = (f"in {_days_word((day - today).days)}", "$warning")
    elif kind == "goal-start":
        mark = MARKS["goal-start"]
        text = ["goal set · ", shown(item["text"] or item["title"] or "")]
        if item.get("entry_kind") in CADENCES:
            text.append((f"  {rate_text(item['target'], item['unit'], item['entry_kind'])}", "$text-muted"))
        elif item["target"] is not None:
            text.append((f"  from {_amount(item['value'] or 0.0, item['target'], item['unit'])}", "$text-muted"))
        right = (f"now {item['status']}", "$text-muted")
    elif kind == "revision":
        mark = MARKS["revision"]
        text = ["revised · ", *([] if one_goal else [shown(item["title"] or ""), ": "]), shown(revision_text(item["text"]))]
        if item["note"]:
            text += [("  because ", "$text-muted"), shown(item["note"], "$text-muted")]
    elif kind == "assessment":
        mark = MARKS["assessment"]
        text = ["self-assessment · "]
        if item["note"]:
            text.append(shown(f"this goal answers its {item['note']}"))
        else:
            text.append(shown(item["text"] or "no summary yet"))
        state = "done" if item["done"] else "in progress"
        right = (f"{item['value']} items · {item['target']} skills · {state}", "$text-muted")
    elif kind == "conversation":
        mark = MARKS["conversation"]
        # "coffee with Priya Shah: notes…", or what was learned when there are no notes.
        text = ["conversation · ", f"{item['entry_kind']} with ", shown(item["title"] or "", "bold")]
        said = item["text"] or item["note"]
        if said:
            text += [": ", shown(said)]
        if item["status"] and item["status"] != "contact":
            right = (item["status"], "$text-muted")
    elif kind == "follow-up":
        text = ["follow-up: ", shown(item["text"] or ""), ("  (", "$text-muted"), shown(item["title"] or "", "$text-muted"),
                (")", "$text-muted")]  # fmt: skip
        if item["done"]:
            mark = MARKS["follow-up-done"]
            done_on = item["note"] or ""
            right = ("done" if done_on == item["day"] else f"done {short_date(date.fromisoformat(done_on))}", "$success")
        elif day < today:
            mark, right = MARKS["follow-up-overdue"], (f"overdue · {_days_word((today - day).days)}", "bold $error")
        else:
            mark = MARKS["follow-up"]
            right = ("due today" if day == today else f"due in {_days_word((day - today).days)}", "$secondary")
    else:  # a kind from a newer version of the store: show it plainly rather than fail
        mark = ("?", "")
        text = [user_content(str(item.get("text") or item.get("title") or kind), single_line=True)]
    left = Content.assemble(INDENT, mark, f" {when}  ", *text)
    return left, Content.styled(right[0], right[1])


# -- the list and the view around it ----------------------------------------------------------


class TimelineList(VirtualList[AxisRow]):
    """The axis itself: a VirtualList that says when what it shows has moved."""

    BINDINGS = [
        Binding("left", "older", "Older period", show=False),
        Binding("right", "newer", "Newer period", show=False),
    ]

    class Scrolled(Message):
        """The rows on screen changed."""

    def render_line(self, y: int) -> Strip:
        # VirtualList hands rows its whole width; the scrollbar takes some of it, and a row's
        # right-aligned part would be cut.
        self.source.reserved = self.size.width - self.scrollable_content_region.width  # type: ignore[attr-defined]
        return super().render_line(y)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled())

    def on_resize(self, event: events.Resize) -> None:
        # VirtualList's own handler runs too (Textual calls each class's); this one tells the strip.
        self.post_message(self.Scrolled())

    def show_row(self, index: int, screen_row: int = 0) -> None:
        """Put the cursor on ``index``, ``screen_row`` lines from the top where it can be."""
        self.scroll_to(y=max(0, index - screen_row), animate=False)
        self.cursor = index
        self.post_message(self.Scrolled())

    def visible_rows(self) -> range:
        top = int(self.scroll_y)
        return range(top, min(top + max(self.scrollable_content_region.height, 1), self.row_count))

    def action_older(self) -> None:
        self._view().action_older()

    def action_newer(self) -> None:
        self._view().action_newer()

    def _view(self) -> TimelineView:
        return self.query_ancestor(TimelineView)


class InfoLine(Widget):
    """One line of text that changes often: unlike Static.update, a change repaints the line
    without laying out the whole screen again (9 ms a page on the timeline)."""

    DEFAULT_CSS = "InfoLine { height: 1; }"
    text: reactive[Content] = reactive(Content(""), layout=False)

    def update(self, text: Content) -> None:
        self.text = text

    def render(self) -> Content:
        return self.text


class JumpInput(SafeInput):
    """Where the user types a date to jump to; escape puts it away."""

    BINDINGS = [Binding("escape", "close", "Cancel", show=False)]

    def action_close(self) -> None:
        self.query_ancestor(TimelineView).close_jump()


class TimelineView(Vertical):
    """The zoom line, the numbers of the visible range, a jump field and the axis, with the keys
    that move through time. The screen around it opens what Enter selects."""

    # The strip above the axis names these keys; the footer keeps room for the app's own.
    BINDINGS = [
        Binding("minus", "zoom_out", "Zoom out", show=False),
        Binding("plus,equals_sign", "zoom_in", "Zoom in", show=False),
        Binding("1", "set_zoom('week')", "Week", show=False),
        Binding("2", "set_zoom('month')", "Month", show=False),
        Binding("3", "set_zoom('quarter')", "Quarter", show=False),
        Binding("4", "set_zoom('year')", "Year", show=False),
        Binding("left_square_bracket", "older", "Older period", show=False),
        Binding("right_square_bracket", "newer", "Newer period", show=False),
        Binding("full_stop", "to_today", "Today", show=False),
        Binding("colon", "jump", "Jump"),
        Binding("o", "flip_order", "Order", show=False),
    ]

    def __init__(
        self,
        *,
        zoom: str = "month",
        newest_first: bool = True,
        timeline_filter: TimelineFilter | None = None,
        escape_clears: bool = True,
        start_at_today: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="timeline-view")
        self.escape_clears = escape_clears  # the strip says so; a goal's story keeps its goal
        self.start_at_today = start_at_today  # a story starts at its beginning
        self.zoom = zoom
        self.newest_first = newest_first
        self.filter = timeline_filter or TimelineFilter()
        self.axis_layout: AxisLayout | None = None
        self._token: tuple[Any, ...] | None = None
        self._retried: tuple[Any, ...] | None = None
        self._shown_range: tuple[date, date] | None = None

    def compose(self) -> ComposeResult:
        yield InfoLine(id="timeline-zoom", classes="timeline-strip")
        yield InfoLine(id="timeline-range", classes="timeline-strip")
        yield JumpInput(
            placeholder="Jump to: 2025-03-14 · March 2025 · Q3 2025 · week 12 · 2025 · today — Enter", id="timeline-jump",
            select_on_focus=True,
        )
        yield TimelineList(
            TimelineSource(self.store, AxisLayout([], [], zoom=self.zoom, today=self.today)),
            id="timeline-list",
            empty_text="Nothing on the timeline here.",
        )

    # -- reading ----------------------------------------------------------------------------

    @property
    def store(self) -> Store:
        return self.app.store  # type: ignore[attr-defined,no-any-return]

    @property
    def today(self) -> date:
        return self.app.today  # type: ignore[attr-defined,no-any-return]

    @property
    def axis(self) -> TimelineList:
        return self.query_one(TimelineList)

    @property
    def source(self) -> TimelineSource:
        return self.axis.source  # type: ignore[return-value]

    class Loaded(Message):
        """The axis was laid out anew: the number of items may have changed."""

    def on_mount(self) -> None:
        # Another process (the command line) may write while the timeline is open.
        self.set_interval(2.0, self._poll)

    def _poll(self) -> None:
        if self.axis_layout is not None and self.screen.is_active:
            self.refresh_if_changed()

    def refresh_if_changed(self) -> None:
        """Lay the axis out again if the journal (or the day) changed since it was read."""
        if self.axis_layout is None:
            self.load()
            self.axis.call_after_refresh(self._first_place)
        else:
            try:
                token = (self.store.change_token(), self.today)
            except JournalError:
                return
            # A page that found the journal changed under it asks for one new read; twice for
            # the same journal means rows that cannot be placed (damaged dates): leave them.
            retry = self.source.stale and self._retried != token
            if token != self._token or retry:
                self._retried = token if retry else None
                self.load(keep_place=True)

    def load(self, *, keep_place: bool = False) -> None:
        """Read the day counts and goals, and lay the axis out at the current zoom and filter."""
        anchor = self._anchor() if keep_place and self.axis_layout is not None else None
        store, today = self.store, self.today
        try:
            token = (store.change_token(), today)
            days = store.timeline_day_counts(**self.filter.store_args())
            goals: list[Goal] = store.goals() if self.filter.shows_spans else []
        except JournalError as err:  # the axis stays as it was; the next look tries again
            self.app.tell(str(err), severity="error")  # type: ignore[attr-defined]
            if self.axis_layout is not None:
                return
            token, days, goals = None, [], []
        self._token = token
        counts = [(date.fromisoformat(day), n) for day, n in days if _is_day(day)]
        goals = [
            g for g in goals
            if (self.filter.goal_id is None or g.id == self.filter.goal_id)
            and _is_day(g.start_date or g.created_at[:10]) and (not g.deadline or _is_day(g.deadline))
        ]  # fmt: skip
        self.axis_layout = AxisLayout(counts, goals, zoom=self.zoom, today=today, newest_first=self.newest_first)
        axis = self.axis
        axis.source = TimelineSource(store, self.axis_layout, self.filter)
        axis.reload(keep_cursor=True)
        self._show_zoom()
        if anchor is not None:
            self._restore(*anchor)
        self.update_range()
        self.post_message(self.Loaded())

    def _first_place(self) -> None:
        """Where the axis opens, once it has its size: today, or a story's beginning."""
        if self.start_at_today:
            self.action_to_today()
        else:
            self.axis.show_row(0)

    def _anchor(self) -> tuple[AxisRow | None, int]:
        axis = self.axis
        return axis.highlighted_row, axis.cursor - int(axis.scroll_y)

    def _restore(self, row: AxisRow | None, screen_row: int) -> None:
        """Put the cursor back on what ``row`` showed, at the same height on screen."""
        layout, axis = self.axis_layout, self.axis
        assert layout is not None
        if row is None:
            axis.show_row(layout.today_row(), screen_row)
            return
        if row.kind == "today":
            index = layout.today_row()
        elif row.kind == "item":
            index = next(
                (i for i in layout.day_rows(row.day) if (found := axis.row_at(i)) is not None and found.key == row.key),
                layout.first_row_from(row.day),
            )
        else:  # a header or a goal span: the same stretch of time at the new zoom
            self.jump_to(JumpTarget(row.period.first, row.period.last, row.period.zoom), quiet=True)
            return
        axis.show_row(index, screen_row)

    # -- what the strips say ----------------------------------------------------------------

    def _show_zoom(self) -> None:
        levels: list[str | tuple[str, str]] = []
        for zoom in ZOOMS:
            levels.append((f"[{zoom}]", "bold $accent") if zoom == self.zoom else (f" {zoom} ", ""))
        key = "bold $accent"
        order = "newest first" if self.newest_first else "oldest first"
        # A goal's story has no filter to change: escape leaves it.
        chosen: list[str | tuple[str, str] | Content] = []
        if self.escape_clears:
            chosen = [("f", key), " filter: ", user_content(self.filter.describe(), style="bold", single_line=True)]
            if self.filter.active:
                chosen += [("  esc", key), " clears it"]
        self.query_one("#timeline-zoom", InfoLine).update(
            Content.assemble(
                *levels, (" -/+", key), " zoom  ", ("[/]", key), " period  ", (".", key), " today  ",
                (":", key), " jump  ", ("o", key), f" {order}  ", *chosen,
            )
        )

    @on(TimelineList.Scrolled)
    def update_range(self) -> None:
        """The numbers of the stretch of time on screen, for the strip above the axis."""
        layout, axis = self.axis_layout, self.axis
        strip = self.query_one("#timeline-range", InfoLine)
        if layout is None:
            return
        if sum(layout.counts.values()) == 0 and not any(layout.spans):
            self._shown_range = None
            empty = "Nothing here yet: add a goal (g) or write a reflection (r)."
            if self.filter.active:
                empty = "Nothing matches the filter (f changes it, escape clears it)."
            strip.update(Content.styled(empty, "$text-muted"))
            return
        visible = axis.visible_rows()
        if not visible:
            return
        days = [layout.slot(i).day for i in (visible.start, visible.stop - 1)]
        first, last = min(days), max(days)
        if self._shown_range == (first, last):
            return
        self._shown_range = (first, last)
        counts = self.store.timeline_counts(first, last, goal_id=self.filter.goal_id, tag=self.filter.tag)
        span = date_range_text(first, last)
        room = strip.size.width - len(f"On screen {span}  ") - 2
        strip.update(Content.assemble(("On screen ", "bold"), (span, "bold $accent"), "  ", counts_text(counts, room)))

    # -- moving through time ----------------------------------------------------------------

    def jump_to(self, target: JumpTarget, *, quiet: bool = False) -> None:
        """Show ``target``: from its newest end when newest first, its oldest end otherwise;
        with a whole period in it at this zoom, from that period's header."""
        layout = self.axis_layout
        if layout is None or not layout.row_count:
            return
        edge = target.last if self.newest_first else target.first
        period = period_of(edge, self.zoom)
        whole = target.first <= period.first and period.last <= target.last
        index = layout.first_row_from(edge, header=whole)
        slot = layout.slot(index)
        inside = target.first <= slot.day <= target.last or (
            slot.kind == "period" and layout.periods[slot.period_index].overlaps(target.first, target.last)
        )
        self.axis.show_row(index)
        if not inside and not quiet:
            where = "earlier" if self.newest_first else "later"
            self.app.tell(f"Nothing on the timeline in {target.label}; this is the nearest {where}.")  # type: ignore[attr-defined]

    def action_to_today(self) -> None:
        """The today line, with this period's header above it when both fit on screen."""
        layout = self.axis_layout
        if layout is None:
            return
        index = layout.today_row()
        header = layout.header_row(layout.period_of_row(index))
        height = max(self.axis.scrollable_content_region.height, 3)
        screen_row = index - header if index - header < height * 2 // 3 else height // 3
        self.axis.show_row(index, screen_row)

    def _step_period(self, older: bool) -> None:
        layout = self.axis_layout
        if layout is None or not layout.row_count:
            return
        k = layout.period_of_row(self.axis.cursor)
        # On a period's header, the step goes to the next period; inside it, to its header first.
        on_header = self.axis.cursor == layout.starts[k]
        step = 1 if older == self.newest_first else -1
        target = k + step if on_header or step > 0 else k
        if not 0 <= target < len(layout.periods):
            end = "oldest" if older else "newest"
            self.app.tell(f"That is the {end} period on the timeline.")  # type: ignore[attr-defined]
            return
        self.axis.show_row(layout.starts[target])

    def action_older(self) -> None:
        self._step_period(older=True)

    def action_newer(self) -> None:
        self._step_period(older=False)

    def set_zoom(self, zoom: str) -> None:
        if zoom == self.zoom or self.axis_layout is None:
            return
        row, screen_row = self._anchor()
        self.zoom = zoom
        self.load()
        self._restore(row, screen_row)

    def action_set_zoom(self, zoom: str) -> None:
        self.set_zoom(zoom)

    def action_zoom_in(self) -> None:
        self.set_zoom(zoom_in(self.zoom))

    def action_zoom_out(self) -> None:
        self.set_zoom(zoom_out(self.zoom))

    def zoom_into(self, row: AxisRow) -> None:
        """Enter on a header: that period, one zoom finer."""
        if self.zoom == "week":
            self.app.tell("Week is the closest zoom.")  # type: ignore[attr-defined]
            return
        self.zoom = zoom_in(self.zoom)
        self.load()
        self.jump_to(JumpTarget(row.period.first, row.period.last, row.period.zoom), quiet=True)

    def action_flip_order(self) -> None:
        row, _ = self._anchor()
        self.newest_first = not self.newest_first
        self.load()
        self._restore(row, 2)

    def set_filter(self, timeline_filter: TimelineFilter) -> None:
        row, screen_row = self._anchor()
        self.filter = timeline_filter
        self.load()
        self._restore(row, screen_row)

    # -- jumping by typing a date -----------------------------------------------------------

    def action_jump(self) -> None:
        jump = self.query_one(JumpInput)
        jump.value = ""
        jump.display = True
        jump.focus()

    def close_jump(self) -> None:
        jump = self.query_one(JumpInput)
        jump.display = False
        self.axis.focus()

    @on(Input.Submitted, "#timeline-jump")
    def _jump_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.close_jump()
            return
        try:
            target = parse_jump(text, self.today)
        except BadJump as err:
            self.app.tell(str(err), severity="warning")  # type: ignore[attr-defined]
            return  # the text stays, to be corrected
        self.close_jump()
        self.jump_to(target)


def _is_day(text: str | None) -> bool:
    """A stored day we can place; anything else (a damaged import) is left off the axis."""
    try:
        date.fromisoformat(text or "")
    except ValueError:
        return False
    return True


# -- opening what a row shows -------------------------------------------------------------------


class DismissOnce:
    """For the dialogs over the timeline: keys that arrive faster than the screen changes (a
    burst, a paste) can ask a dialog to close twice, or after the user moved to another screen;
    only the first, while the dialog is on top, closes it (a second would pop the screen below)."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:  # type: ignore[attr-defined]
            return AwaitComplete()
        return super().dismiss(result)  # type: ignore[misc,no-any-return]


class GoalDetailDialog(DismissOnce, ModalScreen[str | None]):
    """A goal's detail (the Goals screen's), over the timeline; ``s`` opens its story."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back"),
        Binding("s", "dismiss('story')", "Story"),
    ]

    def __init__(self, detail: Content, *, with_story: bool = True) -> None:
        super().__init__()
        self.detail = detail
        self.with_story = with_story

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="timeline-goal-dialog", classes="timeline-dialog") as dialog:
            dialog.border_title = "Goal"
            yield Static(self.detail)
        hint = "escape back · s this goal's story on the timeline" if self.with_story else "escape back"
        yield Label(Content(hint), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#timeline-goal-dialog").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.with_story or not (action == "dismiss" and parameters == ("story",))


class EntryReader(DismissOnce, ModalScreen[None]):
    """One entry, its text rendered as Markdown."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [Binding("escape,q", "dismiss", "Back")]

    def __init__(self, heading: Content, markdown: str) -> None:
        super().__init__()
        self.heading = heading
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="timeline-entry-dialog", classes="timeline-dialog") as dialog:
            dialog.border_title = "Entry"
            yield Static(self.heading, id="timeline-entry-heading")
            yield Markdown(self.markdown, id="timeline-entry-text")
        yield Label(Content("escape back"), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#timeline-entry-dialog").focus()


class AssessmentSummary(DismissOnce, ModalScreen[None]):
    """A self-assessment at a glance: its summary, skill ratings and items."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [Binding("escape,q", "dismiss", "Back")]

    def __init__(self, summary: Content) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="timeline-assessment-dialog", classes="timeline-dialog") as dialog:
            dialog.border_title = "Self-assessment"
            yield Static(self.summary)
        yield Label(Content("escape back"), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#timeline-assessment-dialog").focus()


class ConversationReader(DismissOnce, ModalScreen[str | None]):
    """One conversation, read-only: who, when, notes, what was learned and done, the follow-up
    and the goals discussed; ``p`` opens the person's page, where it can be changed."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("escape,q", "dismiss(None)", "Back"),
        Binding("p", "dismiss('person')", "Person"),
    ]

    def __init__(self, detail: Content, *, with_person: bool = True) -> None:
        super().__init__()
        self.detail = detail
        self.with_person = with_person

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="timeline-conversation-dialog", classes="timeline-dialog") as dialog:
            dialog.border_title = "Conversation"
            yield Static(self.detail)
        hint = "escape back · p this person's page" if self.with_person else "escape back"
        yield Label(Content(hint), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#timeline-conversation-dialog").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.with_person or not (action == "dismiss" and parameters == ("person",))


def person_page() -> type[Screen[Any]] | None:
    """The people screen's page for a person (PersonScreen(person_id)), if the app has one."""
    try:
        from goaljournal.ui.people import screen as people
    except ImportError:
        return None
    return getattr(people, "PersonScreen", None)


def open_row(screen: JournalScreen, row: AxisRow, *, story: bool = True) -> None:
    """Enter on a row: a goal's detail, an entry's reader, an assessment's summary, a
    conversation (or its follow-up) read-only; on a period header, that period one zoom closer."""
    store, view = screen.store, screen.query_one(TimelineView)
    if row.kind == "period":
        view.zoom_into(row)
        return
    if row.kind == "today":
        return
    try:
        if row.item is not None and row.item["kind"] in ("conversation", "follow-up"):
            talk = store.get_interaction(row.item["id"])
            detail = conversation_detail(store, talk.id, screen.today)
            page = person_page()

            def then_person(choice: str | None) -> None:
                if choice == "person" and page is not None:
                    screen.app.push_screen(page(talk.person_id))  # type: ignore[call-arg]

            screen.app.push_screen(ConversationReader(detail, with_person=page is not None), then_person)
        elif row.item is not None and row.item["kind"] == "entry":
            heading, markdown = entry_heading(store, row.item["id"])
            screen.app.push_screen(EntryReader(heading, markdown))
        elif row.item is not None and row.item["kind"] == "assessment":
            screen.app.push_screen(AssessmentSummary(assessment_summary(store, row.item["id"])))
        elif row.goal_id is not None:
            goal_id = row.goal_id
            detail = goal_detail(store, store.get_goal(goal_id), screen.today)

            def then(choice: str | None) -> None:
                if choice == "story":
                    open_story(screen, goal_id)

            screen.app.push_screen(GoalDetailDialog(detail, with_story=story), then)
    except JournalError as err:  # gone meanwhile (trashed from the command line, say)
        screen.journal_app.tell(str(err), severity="warning")
        view.load(keep_place=True)


def open_story(screen: JournalScreen, goal_id: int) -> None:
    try:
        goal = screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="warning")
        return
    screen.app.push_screen(GoalStoryScreen(goal.id, goal.title))


# -- choosing what to show ----------------------------------------------------------------------


def goal_options(goals: Sequence[Goal]) -> list[Option]:
    return [
        Option(
            Content.assemble(user_content(goal.title, single_line=True, width=70), (f"  {goal.status}", "$text-muted")),
            id=str(goal.id),
        )
        for goal in goals
    ]


class TimelineFilterDialog(UnsavedTextGuard, DismissOnce, ModalScreen[TimelineFilter | None]):
    """Which goal, tag and kinds the timeline shows."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "apply", "Apply", priority=True),
        Binding("ctrl+r", "clear", "Show everything"),
    ]

    def __init__(
        self, current: TimelineFilter, goals: Sequence[Goal], tags: Sequence[str], *, suggested_goal: int | None = None
    ) -> None:
        super().__init__()
        self.current = current
        self.goals = list(goals)
        self.tags = list(tags)
        self.suggested_goal = suggested_goal if current.goal_id is None else current.goal_id

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-filter-dialog", classes="timeline-dialog") as dialog:
            dialog.border_title = "Filter the timeline"
            yield Label(Content.styled("Goal — enter picks one", "bold"))
            yield OptionList(Option(Content("All goals"), id="all"), *goal_options(self.goals), id="timeline-filter-goal")
            yield Label(Content.styled("Tag — only entries carry tags", "bold"))
            yield SafeInput(
                self.current.tag or "", placeholder="any tag, e.g. networking",
                suggester=SuggestFromList(self.tags, case_sensitive=False), id="timeline-filter-tag",
            )  # fmt: skip
            yield Label(Content.styled("Show — space turns a kind on or off", "bold"))
            kinds = self.current.kinds
            yield SelectionList[str](
                *((label, kind, kinds is None or kind in kinds) for kind, label in KIND_LABELS.items()), id="timeline-filter-kinds"
            )
        hint = "tab next field · ctrl+s apply · ctrl+r show everything · escape cancel"
        yield Label(Content(hint), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        goals = self.query_one("#timeline-filter-goal", OptionList)
        ids = [goal.id for goal in self.goals]
        goals.highlighted = ids.index(self.suggested_goal) + 1 if self.suggested_goal in ids else 0
        goals.focus()

    @on(OptionList.OptionSelected, "#timeline-filter-goal")
    def _goal_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_apply()

    @on(Input.Submitted, "#timeline-filter-tag")
    def _tag_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        goals = self.query_one("#timeline-filter-goal", OptionList)
        chosen = goals.highlighted
        goal = self.goals[chosen - 1] if chosen else None
        tag = self.query_one("#timeline-filter-tag", Input).value.strip().lstrip("@").strip()
        known = {name.lower(): name for name in self.tags}
        if tag and tag.lower() not in known:
            message = f"No entry is tagged @{tag}; pick a tag from the suggestions or leave it empty."
            self.app.tell(message, severity="warning")  # type: ignore[attr-defined]
            return
        kinds = frozenset(self.query_one(SelectionList).selected)
        if not kinds:
            self.app.tell("Choose at least one kind to show (space turns one on).", severity="warning")  # type: ignore[attr-defined]
            return
        self.dismiss(
            TimelineFilter(
                goal_id=goal.id if goal else None,
                goal_title=goal.title if goal else "",
                tag=known[tag.lower()] if tag else None,
                kinds=None if kinds == frozenset(KIND_LABELS) else kinds,
            )
        )

    def action_clear(self) -> None:
        self.dismiss(TimelineFilter())


class GoalPicker(DismissOnce, ModalScreen[int | None]):
    """Which goal's story to tell, when the row under the cursor belongs to none."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, goals: Sequence[Goal]) -> None:
        super().__init__()
        self.goals = list(goals)

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-goal-picker", classes="timeline-dialog") as dialog:
            dialog.border_title = "Whose story? Enter picks a goal"
            yield OptionList(*goal_options(self.goals), id="timeline-picker-goals")
        yield Label(Content("enter tell this goal's story · escape cancel"), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))


# -- the screens ------------------------------------------------------------------------------


class _AxisScreen(JournalScreen):
    """A screen built around one TimelineView, its axis focused when it opens."""

    CSS_PATH = "timeline.tcss"

    @property
    def view(self) -> TimelineView:
        return self.query_one(TimelineView)

    def on_mount(self) -> None:
        super().on_mount()
        self.view.axis.focus()


class TimelineScreen(_AxisScreen):
    """Everything on one axis, newest first, from today."""

    SCREEN_NAME = "Timeline"
    BINDINGS = [
        Binding("f", "filter", "Filter"),
        Binding("s", "story", "Story"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield TimelineView(id="timeline")
        yield Footer()

    def refresh_data(self) -> None:
        self.view.refresh_if_changed()
        super().refresh_data()

    @on(TimelineView.Loaded)
    def _loaded(self) -> None:
        JournalScreen.refresh_data(self)  # the title's count; the view is read already

    def title_status(self) -> str:
        layout = self.view.axis_layout
        total = sum(layout.counts.values()) if layout else 0
        if self.view.filter.active:
            return f"{total:,} {'item matches' if total == 1 else 'items match'} the filter"
        return f"{total:,} {'item' if total == 1 else 'items'}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.view.filter.active
        return True

    @on(VirtualList.Selected, "#timeline-list")
    def _open(self, event: VirtualList.Selected) -> None:
        open_row(self, event.row)

    def action_filter(self) -> None:
        row = self.view.axis.highlighted_row

        def chosen(new: TimelineFilter | None) -> None:
            if new is not None:
                self.apply_filter(new)

        tags = [name for name, _ in self.store.tag_counts()]
        suggested = row.goal_id if row is not None else None
        self.app.push_screen(TimelineFilterDialog(self.view.filter, self.store.goals(), tags, suggested_goal=suggested), chosen)

    def apply_filter(self, new: TimelineFilter) -> None:
        self.view.set_filter(new)
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        if self.view.filter.active:
            self.apply_filter(TimelineFilter())

    def action_story(self) -> None:
        row = self.view.axis.highlighted_row
        goal_id = self.view.filter.goal_id or (row.goal_id if row is not None else None)
        if goal_id is not None:
            open_story(self, goal_id)
            return
        goals = self.store.goals()
        if not goals:
            self.journal_app.tell("There are no goals yet: add one on the Goals screen (g).")
            return

        def chosen(picked: int | None) -> None:
            if picked is not None:
                open_story(self, picked)

        self.app.push_screen(GoalPicker(goals), chosen)


class GoalStoryScreen(_AxisScreen):
    """One goal's story, oldest first: how it was first written, its revisions, check-ins,
    milestones and entries, to its deadline."""

    SCREEN_NAME = "Goal story"
    BINDINGS = [Binding("escape", "back", "Back to the timeline")]

    def __init__(self, goal_id: int, title: str) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.goal_title = title

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield Static(id="story-summary")
        yield TimelineView(
            newest_first=False,
            timeline_filter=TimelineFilter(goal_id=self.goal_id, goal_title=self.goal_title),
            escape_clears=False,
            start_at_today=False,
            id="story",
        )
        yield Footer()

    def refresh_data(self) -> None:
        try:
            goal = self.store.get_goal(self.goal_id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="warning")
            self.app.pop_screen()
            return
        self.query_one("#story-summary", Static).update(self.summary(goal))
        self.view.refresh_if_changed()
        super().refresh_data()

    def title_status(self) -> str:
        return "escape back to the timeline"

    def summary(self, goal: Goal) -> Content:
        today = self.today
        start, end = goal_dates(goal, today)
        fraction = progress_fraction(goal)
        counts = self.store.timeline_counts("0001-01-01", "9999-12-31", goal_id=goal.id)
        revisions = len(self.store.revisions(goal.id))
        facts = [goal.status, goal.category or "no category", f"{goal_horizon(goal) or 'no'} horizon",
                 f"{short_date(start)} → {short_date(end) if goal.deadline else 'no deadline'}"]  # fmt: skip
        lines = [user_content(goal.title, style="bold", single_line=True), Content.styled(" · ".join(facts), "$text-muted")]
        if fraction is not None:
            current = goal.current if goal.current is not None else goal.baseline
            lines.append(
                Content.assemble(
                    (progress_bar(fraction, 20), "$accent"), f" {fraction:.0%}  ",
                    user_content(_amount(current or 0.0, goal.target, goal.unit), single_line=True),
                    (f"  {pace_status(goal, today) or ''}", "bold"),
                )
            )
        lines.append(
            Content(
                f"{revisions} {'revision' if revisions == 1 else 'revisions'} · "
                f"milestones {counts['milestones_done']}/{counts['milestones_due']} done · "
                f"{counts['checkin_days']} check-in days · {counts['entries']} linked entries"
            )
        )
        return Content("\n").join(lines)

    @on(VirtualList.Selected, "#timeline-list")
    def _open(self, event: VirtualList.Selected) -> None:
        open_row(self, event.row, story=False)

    def action_back(self) -> None:
        self.app.pop_screen()
