"""The timeline's axis and the keys that move through it: zoom, periods, today, a typed date.

``TimelineView`` lays the axis out from the store (one count per day, see
``core.timeline_axis``), keeps it current while the journal changes, and leaves opening a row to
the screen around it. In place of the axis it can show the roadmap (``roadmap``), whose window the
same keys move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Static

from goaljournal.core import roadmap
from goaljournal.core.models import Goal
from goaljournal.core.periods import BadJump, JumpTarget, parse_jump, period_of, zoom_in, zoom_out
from goaljournal.core.timeline_axis import (
    AxisLayout,
    TimelineFilter,
    placeable_days,
    placeable_goals,
)
from goaljournal.core.words import plural
from goaljournal.store import JournalError, Store
from goaljournal.ui import nav
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.virtual_list import VirtualList
from goaljournal.ui.timeline.render import (
    ZOOM_LINE_FORMS,
    assemble,
    counts_text,
    date_range_text,
    zoom_line,
)
from goaljournal.ui.timeline.roadmap import RoadmapHeader, RoadmapList, RoadmapSource
from goaljournal.ui.timeline.source import AxisRow, TimelineSource


class Tell(Protocol):
    """How the view says something to the user: the app's ``tell``."""

    def __call__(self, message: str, *, severity: SeverityLevel = "information") -> None: ...


class TimelineList(VirtualList[AxisRow]):
    """The axis itself: a VirtualList that says when what it shows has moved."""

    BINDINGS = [
        Binding("left", "older", "Older period", show=False),
        Binding("right", "newer", "Newer period", show=False),
    ]

    source: TimelineSource

    class Scrolled(Message):
        """The rows on screen changed."""

    def render_line(self, y: int) -> Strip:
        # VirtualList hands rows its whole width; the scrollbar takes some of it, and a row's
        # right-aligned part would be cut.
        self.source.reserved = self.size.width - self.scrollable_content_region.width
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
    without laying out the whole screen again (9 ms a page on the timeline). Given several
    versions of the line, longest first, it shows the first that fits its width."""

    DEFAULT_CSS = "InfoLine { height: 1; }"
    texts: reactive[tuple[Content, ...]] = reactive((Content(""),), layout=False)

    def update(self, *texts: Content) -> None:
        self.texts = texts

    def render(self) -> Content:
        width = self.content_size.width
        return next((text for text in self.texts if text.cell_length <= width), self.texts[-1])


class JumpInput(SafeInput):
    """Where the user types a date to jump to; escape puts it away."""

    BINDINGS = [Binding("escape", "close", "Cancel", show=False)]

    def action_close(self) -> None:
        self.query_ancestor(TimelineView).close_jump()


# What an empty journal's timeline says: what it is for, and the key that starts filling it.
EMPTY_TIMELINE = assemble(
    ("The timeline is your journal on one time axis", "bold"),
    ": goals from their start to their deadline, milestones, daily check-ins, reflections, "
    "self-assessments and conversations, grouped by week, month, quarter or year.\n\nNothing is on it yet. Press ",
    ("n", "bold $text-accent"), " to set a first goal with the SMART coach, or ",
    ("r", "bold $text-accent"), " to open your reflections and write the first.",
)


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
        store: Store,
        today: Callable[[], date],
        tell: Tell,
        *,
        zoom: str = "month",
        newest_first: bool = True,
        timeline_filter: TimelineFilter | None = None,
        escape_clears: bool = True,
        start_at_today: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="timeline-view")
        self.store = store
        self._today = today  # read on every look: the day turns while the timeline is open
        self.tell = tell
        self.escape_clears = escape_clears  # the strip says so; a goal's story keeps its goal
        self.start_at_today = start_at_today  # a story starts at its beginning
        self.zoom = zoom
        self.newest_first = newest_first
        self.filter = timeline_filter or TimelineFilter()
        self.axis_layout: AxisLayout | None = None
        self._token: tuple[Any, ...] | None = None
        self._retried: tuple[Any, ...] | None = None
        self._shown_range: tuple[date, date] | None = None
        self.roadmap_shown = False
        self.roadmap_anchor: date | None = None  # the day the roadmap's window is around; None: today

    def compose(self) -> ComposeResult:
        yield InfoLine(id="timeline-zoom", classes="timeline-strip")
        yield InfoLine(id="timeline-range", classes="timeline-strip")
        yield JumpInput(
            placeholder="Jump to: 2025-03-14 · March 2025 · Q3 2025 · week 12 · 2025 · today — Enter", id="timeline-jump",
            select_on_focus=True,
        )
        yield Static(EMPTY_TIMELINE, id="timeline-empty")
        yield TimelineList(
            TimelineSource(self.store, AxisLayout([], [], zoom=self.zoom, today=self.today)),
            id="timeline-list",
            empty_text="Nothing on the timeline here.",
        )
        yield RoadmapHeader(id="roadmap-header")
        yield RoadmapList(
            RoadmapSource([], [], self.today, self.today, self.zoom), id="roadmap-list",
            empty_text="No goals here: [ and ] move the window, . comes back to today, n sets a goal.",
        )

    # -- reading ----------------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self._today()

    @property
    def axis(self) -> TimelineList:
        return self.query_one(TimelineList)

    @property
    def source(self) -> TimelineSource:
        return self.axis.source

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
            self.tell(str(err), severity="error")
            if self.axis_layout is not None:
                return
            token, days, goals = None, [], []
        self._token = token
        self.axis_layout = AxisLayout(
            placeable_days(days), placeable_goals(goals, self.filter), zoom=self.zoom, today=today, newest_first=self.newest_first,
            week_start=store.week_start,
        )
        axis = self.axis
        axis.source = TimelineSource(store, self.axis_layout, self.filter)
        axis.reload(keep_cursor=True)
        self._show_zoom()
        if anchor is not None:
            self._restore(*anchor)
        self.update_range()
        if self.roadmap_shown:
            self.load_roadmap()
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
        elif row.kind == "item" and layout.by_month:  # a year: the summary of the item's month
            index = layout.day_rows(row.day).stop - 1
        elif row.kind == "item":
            index = next(
                (i for i in layout.day_rows(row.day) if (found := axis.row_at(i)) is not None and found.key == row.key),
                layout.first_row_from(row.day),
            )
        elif row.kind == "month":
            month = period_of(row.day, "month")
            self.jump_to(JumpTarget(month.first, month.last, "month"), quiet=True)
            return
        else:  # a header or a goal span: the same stretch of time at the new zoom
            self.jump_to(JumpTarget(row.period.first, row.period.last, row.period.zoom), quiet=True)
            return
        axis.show_row(index, screen_row)

    # -- what the strips say ----------------------------------------------------------------

    def _show_zoom(self) -> None:
        # A goal's story has no filter to change: escape leaves it.
        shown = self.filter if self.escape_clears else None
        self.query_one("#timeline-zoom", InfoLine).update(
            *(zoom_line(self.zoom, self.newest_first, shown, form=form, roadmap=self.roadmap_shown) for form in ZOOM_LINE_FORMS)
        )

    @on(TimelineList.Scrolled)
    def update_range(self) -> None:
        """The numbers of the stretch of time on screen, for the strip above the axis."""
        layout, axis = self.axis_layout, self.axis
        strip = self.query_one("#timeline-range", InfoLine)
        if layout is None or self.roadmap_shown:
            return
        self.query_one("#timeline-empty").display = layout.is_empty and not self.filter.active
        if layout.is_empty:
            self._shown_range = None
            empty = "Nothing here yet: n sets a first goal."
            if self.filter.active:
                empty = "Nothing matches the filter (f changes it, escape clears it)."
            strip.update(Content.styled(empty, "$text-muted"))
            return
        visible = axis.visible_rows()
        if not visible:
            return
        days = [*layout.slot_days(visible.start), *layout.slot_days(visible.stop - 1)]
        first, last = min(days), max(days)
        if self._shown_range == (first, last):
            return
        self._shown_range = (first, last)
        counts = self.store.timeline_counts(first, last, goal_id=self.filter.goal_id, tag=self.filter.tag)
        span = date_range_text(first, last)
        room = strip.size.width - len(f"On screen {span}  ") - 2
        strip.update(assemble(("On screen ", "bold"), (span, "bold $text-accent"), "  ", counts_text(counts, room)))

    # -- moving through time ----------------------------------------------------------------

    def jump_to(self, target: JumpTarget, *, quiet: bool = False) -> None:
        """Show ``target``: from its newest end when newest first, its oldest end otherwise;
        with a whole period in it at this zoom, from that period's header."""
        layout = self.axis_layout
        if layout is None or not layout.row_count:
            return
        index, where = layout.jump_row(target)
        self.axis.show_row(index)
        if where != "inside" and not quiet:
            first, last = layout.slot_days(index)
            shown = date_range_text(first, last) if layout.slot(index).kind in ("item", "today", "month") else layout.periods[layout.slot(index).period_index].label
            self.tell(f"Nothing on the timeline in {target.label}; the nearest {where} is {shown}.")

    def action_to_today(self) -> None:
        """The today line, with this period's header above it when both fit on screen."""
        if self.roadmap_shown:
            self.move_roadmap(None)
            return
        layout = self.axis_layout
        if layout is None:
            return
        self.axis.show_row(*layout.today_place(max(self.axis.scrollable_content_region.height, 3)))

    def _step_period(self, older: bool) -> None:
        if self.roadmap_shown:
            self.move_roadmap(roadmap.step(self.roadmap_anchor or self.today, self.zoom, -1 if older else 1, self.store.week_start))
            return
        layout = self.axis_layout
        if layout is None or not layout.row_count:
            return
        row = layout.period_step(self.axis.cursor, older=older)
        if row is None:
            self.tell(f"That is the {'oldest' if older else 'newest'} period on the timeline.")
            return
        self.axis.show_row(row)

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
        if self.roadmap_shown:
            self.move_roadmap(self.roadmap_anchor)

    def action_set_zoom(self, zoom: str) -> None:
        self.set_zoom(zoom)

    def action_zoom_in(self) -> None:
        self.set_zoom(zoom_in(self.zoom))

    def action_zoom_out(self) -> None:
        self.set_zoom(zoom_out(self.zoom))

    def zoom_into(self, row: AxisRow) -> None:
        """Enter on a header: that period, one zoom finer; on a month's summary, that month."""
        if self.zoom == "week":
            self.tell("Week is the closest zoom.")
            return
        period = period_of(row.day, "month") if row.kind == "month" else row.period
        self.zoom = "month" if row.kind == "month" else zoom_in(self.zoom)
        self.load()
        self.jump_to(JumpTarget(period.first, period.last, period.zoom), quiet=True)

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

    # -- the roadmap: the goals as bars across the window ------------------------------------

    @property
    def roadmap(self) -> RoadmapList:
        return self.query_one(RoadmapList)

    def show_roadmap(self, shown: bool) -> None:
        """The roadmap in place of the axis, or the axis back where it was."""
        self.roadmap_shown = shown
        self.axis.display = not shown
        self.query_one(RoadmapHeader).display = shown
        self.roadmap.display = shown
        if shown:
            self.query_one("#timeline-empty").display = False
            self.load_roadmap()
            self.roadmap.focus()
        else:
            self._shown_range = None
            self.update_range()
            self.axis.focus()
        self._show_zoom()

    def load_roadmap(self) -> None:
        """Read the goals and their dated milestones, and lay the roadmap out again."""
        try:
            goals = self.store.goals()
            milestones = self.store.dated_milestones()
        except JournalError as err:
            self.tell(str(err), severity="error")
            return
        if not self.filter.shows_spans:
            goals = []  # a filter by tag or by kinds without goals leaves the goals out
        elif self.filter.goal_id is not None:  # the goal and its stepping stones
            goals = [goal for goal in goals if self.filter.goal_id in (goal.id, goal.parent_id)]
        source = self.roadmap.source
        source.goals, source.milestones, source.today = goals, milestones, self.today
        self.move_roadmap(self.roadmap_anchor)

    def move_roadmap(self, anchor: date | None) -> None:
        """Place the roadmap's window around ``anchor`` (None: today) at the current zoom."""
        self.roadmap_anchor = anchor
        source, listed = self.roadmap.source, self.roadmap
        source.anchor, source.zoom, source.week_start = anchor or self.today, self.zoom, self.store.week_start
        listed.relayout()

    @on(RoadmapList.Relaid)
    def _roadmap_relaid(self) -> None:
        """The strip above the roadmap: its window, how many goals it shows, what its marks mean."""
        self.query_one(RoadmapHeader).refresh()
        shown = self.roadmap.source.roadmap
        if shown is None or not self.roadmap_shown:
            return
        strip = self.query_one("#timeline-range", InfoLine)
        span = date_range_text(shown.first, shown.last)
        counted = assemble(("On screen ", "bold"), (span, "bold $text-accent"), f"  {plural(len(shown.rows), 'goal')}")
        legend = "█ done ░ to go ◆ ◇ milestones │ today"
        strip.update(assemble(counted, "  ", (legend, "$text-muted")), counted)

    # -- jumping by typing a date -----------------------------------------------------------

    def action_jump(self) -> None:
        jump = self.query_one(JumpInput)
        jump.value = ""
        jump.display = True
        jump.focus()

    def close_jump(self) -> None:
        jump = self.query_one(JumpInput)
        jump.display = False
        (self.roadmap if self.roadmap_shown else self.axis).focus()

    @on(Input.Submitted, "#timeline-jump")
    def _jump_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.close_jump()
            return
        try:
            target = parse_jump(text, self.today, self.store.week_start)
        except BadJump as err:
            self.tell(str(err), severity="warning")
            return  # the text stays, to be corrected
        self.close_jump()
        if self.roadmap_shown:
            self.move_roadmap(target.first)
        else:
            self.jump_to(target)


class AxisScreen(JournalScreen[None]):
    """A screen built around one TimelineView, its axis focused when it opens. Enter on a row
    reads what it shows, in the feature that owns it (the app opens it from a ``ui.nav`` message)."""

    CSS_PATH = "timeline.tcss"
    OFFERS_STORY = True  # a goal read from here offers its story (not from within that story)

    def timeline_view(self, **options: Any) -> TimelineView:
        """A TimelineView reading this screen's journal, as of its today, telling through its app."""
        return TimelineView(self.store, lambda: self.today, self.journal_app.tell, **options)

    @property
    def view(self) -> TimelineView:
        return self.query_one(TimelineView)

    def on_mount(self) -> None:
        super().on_mount()
        self.view.axis.focus()

    @on(VirtualList.Selected, "#timeline-list")
    def _open(self, event: VirtualList.Selected) -> None:
        self.open_row(event.row)

    @on(VirtualList.Selected, "#roadmap-list")
    def _open_goal(self, event: VirtualList.Selected) -> None:
        if event.row.goal is not None:
            self.post_message(nav.ReadGoal(event.row.goal.id, with_story=self.OFFERS_STORY))

    def open_row(self, row: AxisRow) -> None:
        """Enter on a row: a goal's detail, an entry, a self-assessment's summary, a conversation
        (or the one a follow-up came from), read-only; on a period header, that period one zoom closer."""
        item = row.item
        if row.kind in ("period", "month"):
            self.view.zoom_into(row)
        elif item is not None and item["kind"] in ("conversation", "follow-up"):
            self.post_message(nav.ReadConversation(item["id"]))
        elif item is not None and item["kind"] == "entry":
            self.post_message(nav.ReadEntry(item["id"]))
        elif item is not None and item["kind"] == "assessment":
            self.post_message(nav.ReadAssessment(item["id"]))
        elif item is not None and item["kind"] == "review":
            self.post_message(nav.ReadReview(item["id"]))
        elif row.kind != "today" and row.goal_id is not None:
            self.post_message(nav.ReadGoal(row.goal_id, with_story=self.OFFERS_STORY))
