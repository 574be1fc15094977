"""Goals: the list with a status filter, and the selected goal's detail beside it."""

from __future__ import annotations

import json
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from goaljournal.core.models import Goal
from goaljournal.core.progress import format_number, goal_horizon, pace_status, progress_fraction, sparkline
from goaljournal.store import Store
from goaljournal.ui.screens.base import JournalScreen
from goaljournal.ui.text import progress_bar, user_cell, user_content

# Active first: it is the filter people want most.
FILTERS = ("all", "active", "draft", "paused", "achieved", "abandoned")


def goal_detail(store: Store, goal: Goal, today: date) -> Content:
    """Everything about one goal: its numbers, milestones, check-ins and revisions."""
    fraction = progress_fraction(goal)
    unit = f" {goal.unit}" if goal.unit else ""
    lines: list[Content] = [
        user_content(goal.title, style="bold"),
        Content.assemble(
            (f"{goal.status}", "$accent"),
            f" · {goal.category or 'no category'} · {goal_horizon(goal) or 'no'} horizon",
        ),
        Content(""),
    ]
    if goal.target is not None:
        current = goal.current if goal.current is not None else goal.baseline
        lines.append(
            Content.assemble(
                (progress_bar(fraction, 20), "$accent"),
                f" {fraction or 0:.0%}  {format_number(current)} of {format_number(goal.target)}{unit}"
                f" (from {format_number(goal.baseline or 0)})",
                f"  {pace_status(goal, today) or ''}",
            )
        )
    if goal.metric:
        lines.append(user_content(f"Measured by: {goal.metric}", single_line=True))
    lines.append(Content(f"From {goal.start_date or '?'} to {goal.deadline or 'no deadline'}"))
    if goal.why:
        lines.append(user_content(f"Why it matters: {goal.why}"))
    if goal.confidence:
        lines.append(Content(f"Confidence: {'●' * goal.confidence}{'○' * (5 - goal.confidence)}"))
    milestones = store.milestones(goal.id)
    lines += [Content(""), Content.styled(f"Milestones ({sum(m.done for m in milestones)}/{len(milestones)} done)", "bold")]
    for milestone in milestones:
        overdue = not milestone.done and milestone.due_date and milestone.due_date < today.isoformat()
        mark = ("✓", "$success") if milestone.done else (("!", "$error") if overdue else ("○", ""))
        lines.append(
            Content.assemble(
                "  ", mark, f" {milestone.due_date or '          '}  ",
                user_content(milestone.title, single_line=True),
                (f"  done {milestone.done_at}", "$text-muted") if milestone.done else "",
            )
        )
    checkins = store.checkins(goal.id)
    if checkins:
        values = [checkin.value for checkin in checkins]
        lines += [
            Content(""),
            Content.styled(f"Check-ins ({len(checkins)})", "bold"),
            Content.assemble(("  " + sparkline(values[-40:]), "$accent"), f"  latest {format_number(values[-1])} on {checkins[-1].at}"),
        ]
    revisions = store.revisions(goal.id)
    if revisions:
        lines += [Content(""), Content.styled("Revisions", "bold")]
        for revision in revisions:
            changes = json.loads(revision.changes)
            what = "; ".join(f"{name}: {old} → {new}" for name, (old, new) in changes.items())
            lines.append(user_content(f"  {revision.at[:10]}  {what}", single_line=True))
            if revision.reason:
                lines.append(user_content(f"      because {revision.reason}", style="$text-muted", single_line=True))
    return Content("\n").join(lines)


class GoalsScreen(JournalScreen):
    SCREEN_NAME = "Goals"
    BINDINGS = [Binding("s", "cycle_filter", "Status filter", show=True)]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = "all"

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
        table.add_columns("#", "Status", "Goal", "Category", "Progress", "Deadline")
        super().on_mount()
        table.focus()

    def title_status(self) -> str:
        return f"filter: {self.status_filter}"

    def refresh_data(self) -> None:
        super().refresh_data()
        table = self.query_one(DataTable)
        selected = table.cursor_row
        table.clear()
        status = None if self.status_filter == "all" else self.status_filter
        for goal in self.store.goals(status=status):
            fraction = progress_fraction(goal)
            table.add_row(
                Text(str(goal.id), style="dim"),
                Text(goal.status),
                user_cell(goal.title, width=46),
                Text(goal.category or ""),
                Text(f"{progress_bar(fraction, 8)} {fraction:4.0%}" if fraction is not None else ""),
                Text(goal.deadline or ""),
                key=str(goal.id),
            )
        if table.row_count:
            table.move_cursor(row=min(selected, table.row_count - 1))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#goal-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one(DataTable)
        detail = self.query_one("#goal-detail-text", Static)
        if not table.row_count:
            detail.update(Content.styled("No goals here yet.", "$text-muted italic"))
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:
            return
        detail.update(goal_detail(self.store, self.store.get_goal(int(key)), self.today))

    def action_cycle_filter(self) -> None:
        self.status_filter = FILTERS[(FILTERS.index(self.status_filter) + 1) % len(FILTERS)]
        self.refresh_data()
