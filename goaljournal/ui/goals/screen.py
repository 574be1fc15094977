"""Goals: the list (filtered by status, category and horizon, long-term goals over their stepping
stones), the selected goal's detail beside it, and a goal's own screen with its milestones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import RowDoesNotExist

from goaljournal.core.dates import human_date
from goaljournal.core.models import (
    CheckIn,
    Goal,
)
from goaljournal.core.progress import (
    format_number,
    goal_horizon,
    progress_fraction,
    sparkline,
)
from goaljournal.core.smart import SmartReport
from goaljournal.store import JournalError
from goaljournal.store.goals import GOAL_FIELDS
from goaljournal.ui.goals.checkins import CheckinForm, CheckinList
from goaljournal.ui.goals.draft import (
    DraftMilestone,
    GoalDraftScreen,
    MilestoneList,
    SmartPanel,
    StatusDialog,
    goal_report,
    stored_milestones,
)
from goaljournal.ui.goals.render import (
    CATEGORY_FILTERS,
    FILTERS,
    HORIZON_FILTERS,
    STATUS_ORDER,
    day_text,
    goal_detail,
    in_tree_order,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import progress_bar, user_cell, user_content


class GoalsScreen(JournalScreen):
    SCREEN_NAME = "Goals"
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("n", "new_goal", "New", show=True),
        Binding("b", "new_step", "Stepping stone", show=True),
        Binding("e", "edit_goal", "Edit", show=True),
        Binding("S", "change_status", "Status…", show=True),
        Binding("s", "cycle_filter", "Status filter", show=True),
        Binding("c", "cycle_category", "Category", show=True),
        Binding("h", "cycle_horizon", "Horizon", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = "all"
        self.category_filter = "all"
        self.horizon_filter = "all"

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="goals-main"):
            table: DataTable[Text] = DataTable(id="goal-table", cursor_type="row", zebra_stripes=True)
            yield table
            with VerticalScroll(id="goal-detail", classes="panel") as detail:
                detail.border_title = "Goal"
                yield Static(id="goal-detail-text")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Status", "Goal", "SMART", "Progress", "Deadline")
        super().on_mount()
        table.focus()

    def title_status(self) -> str:
        extra = [value for value in (self.category_filter, self.horizon_filter) if value != "all"]
        return "filter: " + " · ".join([self.status_filter, *extra])

    def listed_goals(self) -> list[Goal]:
        status = None if self.status_filter == "all" else self.status_filter
        goals = self.store.goals(status=status)
        if self.category_filter != "all":
            goals = [goal for goal in goals if goal.category == self.category_filter]
        if self.horizon_filter != "all":
            goals = [goal for goal in goals if goal_horizon(goal) == self.horizon_filter]
        # Goals being pursued first; within a status, the store's order (soonest deadline first).
        return sorted(goals, key=lambda goal: STATUS_ORDER.index(goal.status) if goal.status in STATUS_ORDER else 9)

    def refresh_data(self, *, select: int | None = None) -> None:
        super().refresh_data()
        table = self.query_one(DataTable)
        selected = table.cursor_row
        if select is None and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            select = int(key) if key else None
        table.clear()
        accent = self.app.theme_variables.get("accent", "")
        # The title takes what the other columns leave (id, status, SMART, progress, deadline
        # and the cells' padding need about 45 cells).
        title_width = max(24, (table.size.width or 76) - 45)
        for goal, depth in in_tree_order(self.listed_goals()):
            fraction = progress_fraction(goal)
            indent = "  " * (depth - 1) + "└ " if depth else ""
            marks = self._marks(goal_report(self.store, goal, self.today))
            table.add_row(
                Text(str(goal.id), style="dim"),
                Text(goal.status),
                user_cell(indent + goal.title, width=title_width),
                marks,
                Text(f"{progress_bar(fraction, 5)} {fraction:4.0%}", style=accent) if fraction is not None else Text(""),
                Text(human_date(date.fromisoformat(goal.deadline), '%d %b %y') if goal.deadline else ""),
                key=str(goal.id),
            )
        if table.row_count:
            row = selected
            if select is not None:
                try:
                    row = table.get_row_index(str(select))
                except RowDoesNotExist:  # filtered out: keep the place
                    row = selected
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_detail()

    def _marks(self, report: SmartReport) -> Text:
        """S M A R T for a table cell, coloured by verdict (a lower-case letter is not met)."""
        colours = self.app.theme_variables
        styles = {True: f"bold {colours.get('success', 'green')}", False: colours.get("error", "red"), None: "dim"}
        marks = Text(no_wrap=True)
        for (_, verdict), letter in zip(report.criteria, "SMART", strict=True):
            marks.append(letter if verdict.ok is not False else letter.lower(), style=styles[verdict.ok])
        return marks

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_data()

    @on(DataTable.RowHighlighted, "#goal-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#goal-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is not None:
            self.app.push_screen(GoalDetailScreen(goal_id))

    def highlighted_goal_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def _show_detail(self) -> None:
        detail = self.query_one("#goal-detail-text", Static)
        goal_id = self.highlighted_goal_id()
        if goal_id is None:
            detail.update(Content.styled("No goals here yet. Press n to draft one.", "$text-muted italic"))
            return
        try:
            detail.update(goal_detail(self.store, self.store.get_goal(goal_id), self.today))
        except JournalError as err:
            detail.update(user_content(str(err), style="$error"))

    def _open_draft(self, screen: GoalDraftScreen) -> None:
        def done(goal_id: int | None) -> None:
            if goal_id is not None:
                self.refresh_data(select=goal_id)

        self.app.push_screen(screen, done)  # type: ignore[arg-type]

    def action_new_goal(self) -> None:
        self._open_draft(GoalDraftScreen())

    def action_new_step(self) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is None:
            self.journal_app.tell("Pick the longer-term goal first; b adds a stepping stone under it.")
            return
        self._open_draft(GoalDraftScreen(parent_id=goal_id))

    def action_edit_goal(self) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is not None:
            edit_goal(self, goal_id, lambda: self.refresh_data(select=goal_id))

    def action_change_status(self) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is not None:
            change_status(self, goal_id, lambda: self.refresh_data(select=goal_id))

    def action_cycle_filter(self) -> None:
        self.status_filter = FILTERS[(FILTERS.index(self.status_filter) + 1) % len(FILTERS)]
        self.refresh_data()

    def action_cycle_category(self) -> None:
        self.category_filter = CATEGORY_FILTERS[(CATEGORY_FILTERS.index(self.category_filter) + 1) % len(CATEGORY_FILTERS)]
        self.refresh_data()

    def action_cycle_horizon(self) -> None:
        self.horizon_filter = HORIZON_FILTERS[(HORIZON_FILTERS.index(self.horizon_filter) + 1) % len(HORIZON_FILTERS)]
        self.refresh_data()


def edit_goal(screen: JournalScreen, goal_id: int, then: Callable[[], object]) -> None:
    """The drafting form for a stored goal; what it changed can be undone with `u`."""
    try:
        before = screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return

    def done(saved: int | None) -> None:
        if saved is None:
            return
        try:
            after = screen.store.get_goal(goal_id)
        except JournalError:
            return
        changed = {name: getattr(before, name) for name in GOAL_FIELDS if getattr(before, name) != getattr(after, name)}
        if changed:
            screen.remember(f"the edit of goal #{goal_id}", lambda: screen.store.update_goal(goal_id, reason="undone", **changed))
        then()

    screen.app.push_screen(GoalDraftScreen(goal_id=goal_id), done)  # type: ignore[arg-type]


def change_status(screen: JournalScreen, goal_id: int, then: object) -> None:
    """Ask for the new status and the reason, and keep the change as a revision."""
    try:
        goal = screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return

    def chosen(choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        status, reason = choice
        if screen.attempt(screen.store.update_goal, goal_id, status=status, reason=reason):
            if status != goal.status:
                screen.remember(f"goal {goal_id} made {status}",
                                lambda: screen.store.update_goal(goal_id, status=goal.status, reason="undone"))  # fmt: skip
            screen.journal_app.tell(f"Goal {goal_id} is now {status}; the reason is kept with the revision (u undoes).")
            then()  # type: ignore[operator]

    screen.app.push_screen(StatusDialog(goal), chosen)


class GoalDetailScreen(JournalScreen):
    """One goal: its detail, its check-ins (corrected or deleted here), its milestones (edited in
    place), and its SMART verdicts. `u` undoes the latest change made on this goal's page."""

    SCREEN_NAME = "Goal"
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", show=True),
        Binding("e", "edit_goal", "Edit", show=True),
        Binding("S", "change_status", "Status…", show=True),
        Binding("m", "focus_milestones", "Milestones", show=True),
        Binding("c", "focus_checkins", "Check-ins", show=True),
        Binding("b", "new_step", "Stepping stone", show=True),
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
                with VerticalScroll(id="goal-view-detail", classes="panel") as detail:
                    detail.border_title = f"Goal #{self.goal_id}"
                    yield Static(id="goal-view-text")
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
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#goal-view-detail").focus()

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
        self.query_one(SmartPanel).show(goal_report(self.store, goal, self.today))
        milestones = self.query_one(MilestoneList)
        milestones.items = stored_milestones(self.store, self.goal_id)
        if milestones.is_mounted:
            milestones.show_items()
        done = sum(item.done_on is not None for item in milestones.items)
        self.query_one("#goal-view-milestones").border_title = f"Milestones {done}/{len(milestones.items)}"
        self._show_checkins()

    def _show_checkins(self) -> None:
        checkins = self.store.checkins(self.goal_id)
        self.query_one(CheckinList).show(checkins)
        title = Content.assemble(f"Check-ins ({len(checkins)})")
        if checkins:
            values = [checkin.value for checkin in checkins]
            title = Content.assemble(title, " ", (sparkline(values[-20:]), "$accent"), f" latest {format_number(values[-1])}")
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

        def save(changes: dict[str, object]) -> None:
            before = store.update_checkin(checkin.id, **changes)  # type: ignore[arg-type]
            self.remember(
                f"the correction of the check-in of {day_text(before.at)}",
                lambda: store.update_checkin(checkin.id, value=before.value, note=before.note, at=before.at),
            )

        def done(changes: dict[str, object] | None) -> None:
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
        store, item = self.store, event.item
        stored = {m.id: m for m in store.milestones(self.goal_id)}
        order = list(stored)
        old = stored.get(item.id) if item.id is not None else None
        if event.change == "added":
            self._save_added(item)
        elif event.change == "edited" and old is not None:
            if self.attempt(store.update_milestone, old.id, title=item.title, due=item.due, clear_due=item.due is None):
                self.remember(f"the edit of the milestone '{old.title}'", lambda: store.update_milestone(
                    old.id, title=old.title, due=old.due_date, clear_due=old.due_date is None))  # fmt: skip
        elif event.change == "done" and old is not None:
            if self.attempt(store.set_milestone_done, old.id, item.done_on):
                self.remember(f"marking '{old.title}' {'done' if item.done_on else 'not done'}",
                              lambda: store.set_milestone_done(old.id, old.done_at))  # fmt: skip
        elif event.change == "moved":
            if self.attempt(store.order_milestones, self.goal_id, [m.id for m in event.milestones.items if m.id is not None]):
                self.remember("the move of a milestone", lambda: store.order_milestones(self.goal_id, order))
        elif event.change == "removed" and old is not None:
            if self.attempt(store.trash, "milestones", old.id):
                self.remember(f"removing the milestone '{old.title}'", lambda: self._put_back(old.id, order))
                self.journal_app.tell("Milestone moved to the trash: u puts it back.")
        self.refresh_data()

    def _put_back(self, milestone_id: int, order: list[int]) -> None:
        with self.store.transaction():
            self.store.restore("milestones", milestone_id)
            self.store.order_milestones(self.goal_id, order)

    def _save_added(self, item: DraftMilestone) -> None:
        added: list[int] = []

        def write() -> None:
            with self.store.transaction():
                added.append(self.store.add_milestone(self.goal_id, item.title, due=item.due))
                if item.done_on:
                    self.store.set_milestone_done(added[0], item.done_on)

        if self.attempt(write):
            self.remember(f"adding the milestone '{item.title}'", lambda: self.store.trash("milestones", added[0]))

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
