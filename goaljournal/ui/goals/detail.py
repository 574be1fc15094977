"""One goal's own page: its detail, its check-ins (corrected or deleted here), its milestones
(changed in place, each change saved at once) and its SMART verdicts."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from goaljournal.core.goal_chart import chart_rows, goal_chart
from goaljournal.core.models import CheckIn, Goal
from goaljournal.core.progress import format_number, sparkline
from goaljournal.store import JournalError
from goaljournal.ui.goals.checkins import CheckinForm, CheckinList
from goaljournal.ui.goals.coach import SmartPanel, goal_report
from goaljournal.ui.goals.dialogs import change_status
from goaljournal.ui.goals.draft import GoalDraftScreen, edit_goal
from goaljournal.ui.goals.milestones import MilestoneList
from goaljournal.ui.goals.render import day_text, goal_detail
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.widgets.chart import ChartView
from goaljournal.ui.shared.widgets.footer import KeyBar

# What `u` says it undoes, for each change the milestone list makes.
MILESTONE_CHANGES = {
    "added": "adding the milestone '{title}'",
    "edited": "the edit of the milestone '{title}'",
    "done": "marking '{title}' done",
    "undone": "marking '{title}' not done",
    "moved": "the move of a milestone",
    "removed": "removing the milestone '{title}'",
    "restored": "putting back the milestone '{title}'",
}


class GoalDetailScreen(JournalScreen[None]):
    """One goal: its detail, its check-ins (corrected or deleted here), its milestones (edited in
    place), and its SMART verdicts. `u` undoes the latest change made on this goal's page."""

    SCREEN_NAME = "Goal"
    CSS_PATH = "goals.tcss"
    # Under 100 columns the milestones get half the width: their titles need it more than the detail.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # Under 36 rows the detail and the chart take turns (`v`); taller, the chart is under the detail.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS = [
        Binding("escape", "back", "Back", show=True),
        Binding("e", "edit_goal", "Edit", show=True),
        Binding("S", "change_status", "Status…", show=True),
        Binding("m", "focus_milestones", "Milestones", show=True),
        Binding("c", "focus_checkins", "Check-ins", show=True),
        Binding("b", "new_step", "Stepping stone", show=True),
        Binding("v", "toggle_chart", "Chart", show=True),
    ]

    def __init__(self, goal_id: int) -> None:
        super().__init__()
        self.goal_id = goal_id

    @property
    def undo_owner(self) -> str:
        return f"goal-{self.goal_id}"

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="goal-view"):
            with Vertical(id="goal-view-main"):
                with Vertical(id="goal-view-detail", classes="panel") as detail:
                    detail.border_title = f"Goal #{self.goal_id}"
                    with VerticalScroll(id="goal-view-text-scroll"):
                        yield Static(id="goal-view-text")
                    yield ChartView(id="goal-chart")
                with Vertical(id="goal-view-checkins", classes="panel") as checkins:
                    checkins.border_title = "Check-ins"
                    checkins.border_subtitle = "enter correct · d delete · u undo"
                    yield CheckinList(id="goal-checkins")
            with Vertical(id="goal-view-side"):
                with Vertical(id="goal-view-milestones", classes="panel") as milestones:
                    milestones.border_title = "Milestones"
                    milestones.border_subtitle = "n add · enter edit · space done · shift+↑↓ move · d remove · u undo"
                    yield MilestoneList(today=self.today, id="goal-milestones", undo_here=False)
                with VerticalScroll(id="goal-view-smart", classes="panel") as smart:
                    smart.border_title = "SMART"
                    yield SmartPanel(id="goal-view-smart-panel")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#goal-view-text-scroll").focus()

    def title_status(self) -> str:
        return f"goal #{self.goal_id}"

    def refresh_data(self) -> None:
        super().refresh_data()
        try:
            goal = self.store.get_goal(self.goal_id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            self.app.pop_screen()
            return
        self.query_one("#goal-view-text", Static).update(goal_detail(self.store, goal, self.today, milestones=False, checkins=False))
        checkins = self.store.checkins(self.goal_id)  # the chart's and the list's: read once
        self._show_chart(goal, checkins)
        self.query_one(SmartPanel).show(goal_report(self.store, goal, self.today))
        milestones = self.query_one(MilestoneList)
        milestones.items = self.store.draft_milestones(self.goal_id)
        if milestones.is_mounted:
            milestones.show_items()
        done = sum(item.done_on is not None for item in milestones.items)
        self.query_one("#goal-view-milestones").border_title = f"Milestones {done}/{len(milestones.items)}"
        self._show_checkins(checkins)

    def _show_chart(self, goal: Goal, checkins: list[CheckIn]) -> None:
        chart = goal_chart(goal, checkins, self.store.milestones(goal.id), self.today, self.store.week_start)
        self.query_one(ChartView).show(lambda width, height: chart_rows(chart, width, height))

    def action_toggle_chart(self) -> None:
        """The chart alone in the panel, or the detail (with the chart under it when there is room)."""
        self.query_one("#goal-view-detail").toggle_class("-chart")

    def _show_checkins(self, checkins: list[CheckIn]) -> None:
        self.query_one(CheckinList).show(checkins)
        title = Content.assemble(f"Check-ins ({len(checkins)})")
        if checkins:
            values = [checkin.value for checkin in checkins]
            title = Content.assemble(title, " ", (sparkline(values[-20:]), "$text-accent"), f" latest {format_number(values[-1])}")
        self.query_one("#goal-view-checkins").border_title = title

    # -- check-ins ---------------------------------------------------------------------------

    def _correctable(self) -> CheckIn | None:
        """The highlighted check-in, if it is one typed here (the people log's are corrected there)."""
        checkin = self.query_one(CheckinList).current
        if checkin is not None and checkin.source is not None:
            self.journal_app.tell(
                "This check-in was counted from the people log: it cannot be edited here; "
                "correct or delete the conversation on the People screen (p).", severity="warning",
            )  # fmt: skip
            return None
        return checkin

    def action_edit_checkin(self) -> None:
        checkin = self._correctable()
        if checkin is None:
            return
        goal = self.store.get_goal(self.goal_id)
        store = self.store

        def save(changes: dict[str, Any]) -> None:
            before = store.update_checkin(checkin.id, **changes)
            self.remember(
                f"the correction of the check-in of {day_text(before.at)}",
                lambda: store.update_checkin(checkin.id, value=before.value, note=before.note, at=before.at),
            )

        def done(changes: dict[str, Any] | None) -> None:
            if changes:
                self.journal_app.tell("Check-in corrected (u undoes).")
                self.refresh_data()

        self.app.push_screen(CheckinForm(checkin, goal, today=self.today, save=save), done)

    def action_delete_checkin(self) -> None:
        checkin = self._correctable()
        if checkin is None:
            return
        if self.attempt(self.store.trash, "checkins", checkin.id):
            what = f"{format_number(checkin.value)} on {day_text(checkin.at)}"
            self.remember(f"deleting the check-in of {what}", lambda: self.store.restore("checkins", checkin.id))
            self.journal_app.tell(f"Moved the check-in of {what} to the trash: u brings it back.")
            self.refresh_data()

    def action_focus_checkins(self) -> None:
        self.query_one(CheckinList).focus()

    # -- milestones --------------------------------------------------------------------------

    @on(MilestoneList.Changed, "#goal-milestones")
    def _milestone_changed(self, event: MilestoneList.Changed) -> None:
        """Save the list as it now is (one write), and keep the milestones as they were for `u`."""
        store, goal_id, item = self.store, self.goal_id, event.item
        try:
            before = store.save_milestones(goal_id, event.items)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
        else:
            old = next((m for m in before if item.id is not None and m.id == item.id), item)
            change = "undone" if event.change == "done" and item.done_on is None else event.change
            if before != list(event.items):
                self.remember(MILESTONE_CHANGES[change].format(title=old.title), lambda: store.save_milestones(goal_id, before))
            if event.change == "removed":
                self.journal_app.tell("Milestone moved to the trash: u puts it back.")
        self.refresh_data()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_focus_milestones(self) -> None:
        self.query_one(MilestoneList).focus()

    def action_edit_goal(self) -> None:
        edit_goal(self, self.goal_id, self.refresh_data)

    def action_new_step(self) -> None:
        self.app.push_screen(GoalDraftScreen(parent_id=self.goal_id))

    def action_change_status(self) -> None:
        change_status(self, self.goal_id, self.refresh_data)
