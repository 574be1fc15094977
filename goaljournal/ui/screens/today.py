"""Today, the home screen: what is due, each active goal with a quick check-in, a reflection."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.models import Goal, Milestone
from goaljournal.core.progress import format_number, pace_status, progress_fraction, streak
from goaljournal.ui.screens.base import JournalScreen
from goaljournal.ui.text import progress_bar, user_content

STATUS_STYLES = {"on track": "$success", "at risk": "$warning", "off track": "$error", "done": "$success"}


def due_label(milestone: Milestone, today: date) -> Content:
    due = date.fromisoformat(milestone.due_date or today.isoformat())
    if due < today:
        when = Content.styled(f"! overdue {due:%d %b}", "bold $error")
    elif due == today:
        when = Content.styled("today", "bold $warning")
    else:
        when = Content(f"{due:%a %d %b}")
    goal = user_content(milestone.goal_title or "", style="$text-muted", single_line=True, width=30)
    return Content.assemble(
        when.pad_right(max(1, 18 - when.cell_length)),
        user_content(milestone.title, single_line=True, width=40),
        "\n" + " " * 18,
        goal,
    )


class GoalRow(Vertical):
    """One active goal: title, progress bar and pace, and a field to check in a new value."""

    def __init__(self, goal: Goal) -> None:
        super().__init__(classes="goal-row")
        self.goal = goal

    def compose(self) -> ComposeResult:
        yield Static(classes="goal-summary")
        yield Input(
            placeholder="value or +N, Enter",
            classes="checkin",
            id=f"checkin-{self.goal.id}",
            restrict=r"[+\-]?[0-9]*[.]?[0-9]*",
        )

    def on_mount(self) -> None:
        self.show(self.goal)

    def show(self, goal: Goal) -> None:
        self.goal = goal
        today = self.screen.today  # type: ignore[attr-defined]
        fraction = progress_fraction(goal)
        pace = pace_status(goal, today)
        percent = f"{fraction:4.0%}" if fraction is not None else "   –"
        current = goal.current if goal.current is not None else goal.baseline
        unit = f" {goal.unit}" if goal.unit else ""
        amount = f"{format_number(current)} / {format_number(goal.target)}{unit}" if goal.target is not None else "no target yet"
        metric = goal.metric or "progress"
        deadline = f"by {date.fromisoformat(goal.deadline):%d %b %Y}" if goal.deadline else "no deadline"
        self.query_one(".goal-summary", Static).update(
            Content.assemble(
                user_content(goal.title, style="bold", single_line=True, width=48),
                "\n",
                (progress_bar(fraction, 16), "$accent"),
                f" {percent}  ",
                (pace or "", STATUS_STYLES.get(pace or "", "")),
                "\n",
                user_content(f"{metric}: {amount}", style="$text-muted", single_line=True, width=40),
                (f"   {deadline}", "$text-muted"),
            )
        )


class TodayScreen(JournalScreen):
    SCREEN_NAME = "Today"
    BINDINGS = [
        Binding("ctrl+r", "focus_reflection", "Reflection box", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="today-main"):
            with Vertical(id="due-panel", classes="panel") as due:
                due.border_title = "Due this week"
                yield OptionList(id="due-list")
            with VerticalScroll(id="goals-panel", classes="panel") as goals:
                goals.border_title = "Active goals"
        reflection = Input(
            placeholder="A line or two on today (@tags welcome) — Enter saves", id="reflection"
        )
        reflection.border_title = "Reflection"
        yield reflection
        yield Footer()

    def title_status(self) -> str:
        days = self.store.checkin_days(since=self.today - timedelta(days=3660))
        count = streak(days, self.today)
        return f"check-in streak {count} day{'s' if count != 1 else ''}"

    def refresh_data(self) -> None:
        super().refresh_data()
        self._show_due()
        self._show_goals()

    def _show_due(self) -> None:
        due_list = self.query_one("#due-list", OptionList)
        milestones = self.store.open_milestones_due(self.today + timedelta(days=7))
        due_list.clear_options()
        if not milestones:
            due_list.add_option(Option(Content.styled("Nothing due this week.", "$text-muted italic"), disabled=True))
        for milestone in milestones:
            due_list.add_option(Option(due_label(milestone, self.today), id=f"milestone-{milestone.id}"))
        if milestones:
            due_list.highlighted = 0

    def _show_goals(self) -> None:
        panel = self.query_one("#goals-panel", VerticalScroll)
        goals = self.store.goals(status="active")
        rows = {row.goal.id: row for row in panel.query(GoalRow)}
        if rows and set(rows) == {goal.id for goal in goals}:
            for goal in goals:
                rows[goal.id].show(goal)
            return
        panel.remove_children()
        if not goals:
            panel.mount(
                Static(
                    Content.styled(
                        "No active goals yet. Add one from the shell:\n"
                        'goaljournal goal add "Pass the PMP exam" --target 100 --unit hours --deadline 2027-05-24',
                        "$text-muted italic",
                    )
                )
            )
        panel.mount_all(GoalRow(goal) for goal in goals)

    @on(OptionList.OptionSelected, "#due-list")
    def toggle_milestone(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id:
            return
        milestone_id = int(event.option.id.removeprefix("milestone-"))
        if self.attempt(self.store.set_milestone_done, milestone_id, self.today):
            self.journal_app.tell("Milestone done. Well done!")
        self.refresh_data()

    @on(Input.Submitted, ".checkin")
    def check_in(self, event: Input.Submitted) -> None:
        row = event.input.parent
        assert isinstance(row, GoalRow)
        raw = event.value.strip()
        if not raw or raw in "+-.":
            return
        goal = self.store.get_goal(row.goal.id)
        try:
            number = float(raw.lstrip("+"))
        except ValueError:
            self.journal_app.tell(f"'{raw}' is not a number", severity="warning")
            return
        if raw.startswith("+"):
            number += goal.current if goal.current is not None else (goal.baseline or 0.0)
        if not self.attempt(self.store.add_checkin, goal.id, number, at=self.today):
            return
        event.input.value = ""
        self.journal_app.tell(f"Checked in {format_number(number)}")
        self.refresh_data()

    @on(Input.Submitted, "#reflection")
    def save_reflection(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            self.journal_app.tell("Write something first.", severity="warning")
            return
        if not self.attempt(self.store.add_entry, text):
            return
        event.input.value = ""
        self.journal_app.tell("Reflection saved.")

    def action_focus_reflection(self) -> None:
        self.query_one("#reflection", Input).focus()
