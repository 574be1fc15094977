"""A goal's story: everything that happened to one goal, on its own timeline, oldest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from goaljournal.core.timeline_axis import TimelineFilter
from goaljournal.store import JournalError
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.timeline.render import story_summary
from goaljournal.ui.timeline.view import AxisScreen


class GoalStoryScreen(AxisScreen):
    """One goal's story, oldest first: how it was first written, its revisions, check-ins,
    milestones and entries, to its deadline."""

    SCREEN_NAME = "Goal story"
    OFFERS_STORY = False
    BINDINGS = [Binding("escape", "back", "Back to the timeline")]

    def __init__(self, goal_id: int, title: str) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.goal_title = title

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield Static(id="story-summary")
        yield self.timeline_view(
            newest_first=False,
            timeline_filter=TimelineFilter(goal_id=self.goal_id, goal_title=self.goal_title),
            escape_clears=False,
            start_at_today=False,
            id="story",
        )
        yield KeyBar()

    def refresh_data(self) -> None:
        try:
            goal = self.store.get_goal(self.goal_id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="warning")
            self.app.pop_screen()
            return
        self.query_one("#story-summary", Static).update(story_summary(self.store, goal, self.today))
        self.view.refresh_if_changed()
        super().refresh_data()

    def title_status(self) -> str:
        return "escape: the timeline"  # short: at 80 columns the title bar has room for little more

    def action_back(self) -> None:
        self.app.pop_screen()
