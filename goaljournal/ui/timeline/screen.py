"""Timeline: years of goals, milestones, check-ins, entries, revisions, assessments,
conversations with people and their follow-ups on one keyboard-driven time axis, grouped by
week, month, quarter or year.

Only what is on screen is read. The axis is laid out from one count per day
(``core.timeline_axis.AxisLayout``: no row is read to build it); a page of rows reads just the
days it covers (``source.TimelineSource``), and a period's header numbers and its goals' progress
are read when that period's rows are. The rows are drawn by ``render``, the axis and its keys are
``view.TimelineView``, the filter and the goal picker are in ``dialogs``, a goal's story in
``story``. What a row shows is read in the feature that owns it: the screen posts a ``ui.nav``
message and the app opens a reader. ``m`` shows the goals as bars across the months instead
(``roadmap``), and the axis again.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding

from goaljournal.core.timeline_axis import KIND_LABELS, AxisLayout, TimelineFilter
from goaljournal.ui import nav
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.timeline.dialogs import GoalPicker, TimelineFilterDialog
from goaljournal.ui.timeline.render import counts_text, item_parts
from goaljournal.ui.timeline.source import TimelineSource
from goaljournal.ui.timeline.story import GoalStoryScreen
from goaljournal.ui.timeline.view import AxisScreen, TimelineView

# What tests, the benchmark and the app have long imported from here.
__all__ = [
    "KIND_LABELS", "AxisLayout", "GoalStoryScreen", "TimelineFilter", "TimelineFilterDialog", "TimelineScreen",
    "TimelineSource", "TimelineView", "counts_text", "item_parts",
]  # fmt: skip


class TimelineScreen(AxisScreen):
    """Everything on one axis, newest first, from today."""

    SCREEN_NAME = "Timeline"
    BINDINGS = [
        Binding("f", "filter", "Filter"),
        Binding("s", "story", "Story"),
        # One key, two names: the key bar says what `m` shows next.
        Binding("m", "roadmap(True)", "Roadmap"),
        Binding("m", "roadmap(False)", "List"),
        Binding("n", "new_goal", "New goal", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield self.timeline_view(id="timeline")
        yield KeyBar()

    def refresh_data(self) -> None:
        self.view.refresh_if_changed()
        super().refresh_data()

    @on(TimelineView.Loaded)
    def _loaded(self) -> None:
        AxisScreen.refresh_data(self)  # the title's count; the view is read already

    def title_status(self) -> str:
        layout = self.view.axis_layout
        total = layout.item_count if layout else 0
        if self.view.filter.active:
            return f"{total:,} {'item matches' if total == 1 else 'items match'} the filter"
        return f"{total:,} {'item' if total == 1 else 'items'}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filter":
            return self.view.filter.active
        if action == "roadmap":
            return parameters[0] != self.view.roadmap_shown
        return True

    def action_filter(self) -> None:
        row = self.view.axis.highlighted_row

        def chosen(new: TimelineFilter | None) -> None:
            if new is not None:
                self.apply_filter(new)

        tags = [name for name, _ in self.store.tag_counts()]
        suggested = row.goal_id if row is not None else None
        dialog = TimelineFilterDialog(self.view.filter, self.store.goals(), tags, self.journal_app.tell, suggested_goal=suggested)
        self.app.push_screen(dialog, chosen)

    def apply_filter(self, new: TimelineFilter) -> None:
        self.view.set_filter(new)
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        if self.view.filter.active:
            self.apply_filter(TimelineFilter())

    def action_new_goal(self) -> None:
        self.post_message(nav.DraftGoal())

    def action_roadmap(self, shown: bool) -> None:
        self.view.show_roadmap(shown)
        self.refresh_bindings()

    def action_story(self) -> None:
        if self.view.roadmap_shown:
            bar = self.view.roadmap.highlighted_row
            goal_id = self.view.filter.goal_id or (bar.goal.id if bar is not None and bar.goal is not None else None)
        else:
            row = self.view.axis.highlighted_row
            goal_id = self.view.filter.goal_id or (row.goal_id if row is not None else None)
        if goal_id is not None:
            self.post_message(nav.OpenGoalStory(goal_id))
            return
        goals = self.store.goals()
        if not goals:
            self.journal_app.tell("There are no goals yet: add one on the Goals screen (g).")
            return

        def chosen(picked: int | None) -> None:
            if picked is not None:
                self.post_message(nav.OpenGoalStory(picked))

        self.app.push_screen(GoalPicker(goals), chosen)
