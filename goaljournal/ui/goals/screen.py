"""Goals: the list (filtered by status, category and horizon, long-term goals over their stepping
stones) and the selected goal's detail beside it. A goal's own page is in detail.py (and is
imported from here too, where the app looks for it)."""

from __future__ import annotations


from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from goaljournal.core.dates import human_day
from goaljournal.core.models import STATUS_MARKS, Goal
from goaljournal.core.progress import goal_horizon, progress_fraction
from goaljournal.core.smart import SmartReport
from goaljournal.store import JournalError
from goaljournal.ui.goals.coach import LETTER_STYLES, goal_report, smart_letters
from goaljournal.ui.goals.detail import GoalDetailScreen
from goaljournal.ui.goals.dialogs import change_status
from goaljournal.ui.goals.draft import GoalDraftScreen, edit_goal
from goaljournal.ui.goals.render import (
    CATEGORY_FILTERS,
    FILTERS,
    HORIZON_FILTERS,
    STATUS_ORDER,
    STATUS_STYLES,
    ListColumns,
    goal_detail,
    in_tree_order,
    list_columns,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import progress_bar, user_cell, user_content
from goaljournal.ui.shared.widgets.footer import KeyBar

__all__ = ["GoalDetailScreen", "GoalsScreen"]

NARROW_BELOW = 100


class GoalTable(DataTable[Text]):
    """The goals list; it says when its width changes, as its columns are cut to that width (the
    screen's own resize comes before the list has its new width, as the detail moves below)."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class GoalsScreen(JournalScreen[None]):
    SCREEN_NAME = "Goals"
    CSS_PATH = "goals.tcss"
    # Under this width the detail goes below the list, which keeps the whole width for its columns.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    BINDINGS = [
        Binding("n", "new_goal", "New", show=True),
        Binding("e", "edit_goal", "Edit", show=True),
        Binding("s", "cycle_filter", "Status filter", show=True),
        Binding("S", "change_status", "Status…", show=True),
        Binding("b", "new_step", "Stepping stone", show=True),
        Binding("c", "cycle_category", "Category", show=True),
        Binding("h", "cycle_horizon", "Horizon", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = "all"
        self.category_filter = "all"
        self.horizon_filter = "all"
        self._fitted_to = 0  # the table width the columns were last cut to

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="goals-main"):
            table = GoalTable(id="goal-table", cursor_type="row", zebra_stripes=True)
            yield table
            with VerticalScroll(id="goal-detail", classes="panel") as detail:
                detail.border_title = "Goal"
                yield Static(id="goal-detail-text")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).focus()

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

    def _columns(self, table: DataTable[Text], goals: list[Goal]) -> ListColumns:
        """Columns for the table's width (less a scrollbar when the rows will need one)."""
        width = self._fitted_to = table.size.width or 78
        if len(goals) + 1 > table.size.height:
            width -= table.styles.scrollbar_size_vertical
        columns = list_columns(width, max((len(str(goal.id)) for goal in goals), default=1))
        status = "Status" if columns.status > 1 else ""
        progress = "Progress" if columns.bar else "Done"
        table.clear(columns=True)
        for label, cells in zip(("#", status, "Goal", "SMART", progress, "Deadline"), columns.widths(), strict=True):
            table.add_column(label, width=cells)
        return columns

    def refresh_data(self, *, select: int | None = None) -> None:
        super().refresh_data()
        table = self.query_one(DataTable)
        selected = table.cursor_row
        if select is None and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            select = int(key) if key else None
        goals = self.listed_goals()
        # An empty journal: no list of nothing, the screen says what it is for.
        empty = not goals and not self.store.goals()
        if table.display == empty:
            table.display = not empty
            self.query_one("#goal-detail").border_title = "Goals" if empty else "Goal"
            if not empty:
                table.focus()
        columns = self._columns(table, goals)
        accent = self.themed("$text-accent")
        for goal, depth in in_tree_order(goals):
            fraction = progress_fraction(goal)
            indent = "  " * (depth - 1) + "└ " if depth else ""
            style = self.themed(STATUS_STYLES.get(goal.status, ""))
            status = goal.status if columns.status > 1 else STATUS_MARKS.get(goal.status, "?")
            done = "" if fraction is None else f"{fraction:4.0%}"
            if fraction is not None and columns.bar:
                done = f"{progress_bar(fraction, columns.bar)} {done}"
            table.add_row(
                Text(str(goal.id), style="dim"),
                Text(status, style=style),
                user_cell(indent + goal.title, width=columns.title),
                self._marks(goal_report(self.store, goal, self.today)),
                Text(done, style=accent),
                Text(human_day(goal.deadline, "%d %b %y") if goal.deadline else ""),
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
        """S M A R T for a table cell, coloured by verdict (lower case: not met; ?: cannot tell)."""
        marks = Text(no_wrap=True)
        for letter, ok in smart_letters(report):
            marks.append(letter, style=self.themed(LETTER_STYLES[ok]))
        return marks

    @on(GoalTable.Resized)
    def _fit_columns(self) -> None:
        if self.is_mounted and self.query_one(DataTable).size.width != self._fitted_to:
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
            detail.update(self._empty_text())
            return
        try:
            detail.update(goal_detail(self.store, self.store.get_goal(goal_id), self.today, width=detail.size.width or None))
        except JournalError as err:
            detail.update(user_content(str(err), style="$text-error"))

    def _empty_text(self) -> Content:
        """What the screen is for and the key that fills it; or, when a filter hides every goal, how to see them."""
        filters = [value for value in (self.status_filter, self.category_filter, self.horizon_filter) if value != "all"]
        if filters and self.store.goals():
            return Content.styled(f"No {' · '.join(filters)} goals. s, c and h change the filters; n drafts a new goal.", "$text-muted italic")
        return Content.assemble(
            ("Goals you are working toward, each one SMART: specific, measurable, achievable, relevant and time-bound. ", "$text-muted"),
            ("A long-term goal is reached through stepping stones, and each is checked in on from Today.\n\n", "$text-muted"),
            ("Press ", ""), ("n", "bold $text-accent"), (" to draft your first goal", "bold"),
            (": write it as one sentence, and the SMART coach reads it as you type.", "$text-muted"),
        )

    def _open_draft(self, screen: GoalDraftScreen) -> None:
        def done(goal_id: int | None) -> None:
            if goal_id is not None:
                self.refresh_data(select=goal_id)

        self.app.push_screen(screen, done)

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
