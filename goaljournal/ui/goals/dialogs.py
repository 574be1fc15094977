"""A goal's status changed with a reason: the dialog that asks for both, and the change it makes
(from the goals list or a goal's page, `S`), kept as a revision and undone with `u`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.models import GOAL_STATUSES, Goal
from goaljournal.store import JournalError
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput

# What a status change is called in the dialog.
STATUS_ACTIONS = {"active": "Activate", "paused": "Pause", "achieved": "Achieve", "abandoned": "Abandon", "draft": "Back to draft"}


class StatusChange(NamedTuple):
    status: str
    reason: str


class StatusDialog(UnsavedTextGuard, ModalScreen[StatusChange | None]):
    """Pick a new status, then say why; dismisses with the StatusChange, or None."""

    SAVE_KEY = "enter"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, goal: Goal) -> None:
        super().__init__()
        self.goal = goal
        self.choice: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="status-dialog", classes="goal-dialog") as dialog:
            dialog.border_title = "Change status"
            yield Static(Content.assemble("Now ", (self.goal.status, "bold $text-accent"), ": ", user_content(self.goal.title, single_line=True, width=50)))
            options = [
                Option(Content.assemble((f"{STATUS_ACTIONS[status]:<14}", "bold"), f"→ {status}"), id=status)
                for status in ("active", "paused", "achieved", "abandoned", "draft")
                if status != self.goal.status
            ]
            yield OptionList(*options, id="status-choice")
            yield Label(Content("Why? A few words, kept with the revision"))
            yield SafeInput(placeholder="e.g. passed the exam on 3 June", id="status-reason")
            yield Label(Content("↑↓ pick · enter next · enter save · escape cancel"), classes="hint")

    def on_mount(self) -> None:
        choice = self.query_one("#status-choice", OptionList)
        choice.highlighted = 0
        choice.focus()

    @on(OptionList.OptionSelected, "#status-choice")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.choice = event.option.id
        self.query_one("#status-reason", Input).focus()

    @on(Input.Submitted, "#status-reason")
    def _submitted(self, event: Input.Submitted) -> None:
        choice = self.choice
        if choice is None:
            highlighted = self.query_one("#status-choice", OptionList).highlighted_option
            choice = highlighted.id if highlighted else None
        if choice is None or choice not in GOAL_STATUSES:
            return
        reason = event.value.strip()
        if not reason:
            self.app.notify("Say in a few words why: it is kept with the revision.", severity="warning", markup=False)
            return
        self.dismiss(StatusChange(choice, reason))


def change_status(screen: JournalScreen[Any], goal_id: int, then: Callable[[], None]) -> None:
    """Ask for the new status and the reason, and keep the change as a revision; ``then`` runs
    once the journal has changed."""
    try:
        goal = screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return

    def chosen(choice: StatusChange | None) -> None:
        if choice is None:
            return
        if screen.attempt(screen.store.update_goal, goal_id, status=choice.status, reason=choice.reason):
            if choice.status != goal.status:
                screen.remember(f"goal {goal_id} made {choice.status}",
                                lambda: screen.store.update_goal(goal_id, status=goal.status, reason="undone"))  # fmt: skip
            screen.journal_app.tell(f"Goal {goal_id} is now {choice.status}; the reason is kept with the revision (u undoes).")
            then()

    screen.app.push_screen(StatusDialog(goal), chosen)
