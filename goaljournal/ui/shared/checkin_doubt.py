"""The question asked before a check-in value far outside its goal's range is saved ("did you
mean 3?"): Today and the goal page both save check-ins through :func:`ask_if_doubtful`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from goaljournal.core.models import CADENCES, Goal
from goaljournal.core.progress import Doubt, checkin_doubt, format_number

DIALOG_CSS = """
DoubtDialog {
    align: center middle;
}
DoubtDialog > Vertical {
    width: 64;
    max-width: 100%;
    height: auto;
    border: round $warning;
    border-title-color: $text-warning;
    background: $surface;
    padding: 0 1;
}
DoubtDialog .hint {
    color: $text-muted;
    margin-top: 1;
}
"""


class DoubtDialog(ModalScreen[str | None]):
    """Asks before a doubtful value is saved. Dismisses with "typed" (save it as typed), "meant"
    (save the likely meant value instead), or None (back to the field, the text kept)."""

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS = [
        Binding("y", "dismiss('typed')", "Save as typed"),
        Binding("m", "meant", "Save what I meant"),
        Binding("n,escape", "dismiss(None)", "Back"),
    ]

    def __init__(self, doubt: Doubt, typed: str) -> None:
        super().__init__()
        self.doubt = doubt
        self.typed = typed

    @property
    def meant_text(self) -> str:
        if self.doubt.meant is None:
            return ""
        return ("+" if self.typed.startswith("+") else "") + format_number(self.doubt.meant)

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Is that right?"
            yield Static(Content(self.doubt.reason + "."), id="doubt-reason")
            question = f"Did you mean {self.meant_text}?" if self.meant_text else f"Is {self.typed} what you meant?"
            yield Static(Content.styled(question, "bold"), id="doubt-question")
            keys = f"y save {self.typed} as typed · " + (f"m save {self.meant_text} · " if self.meant_text else "")
            yield Static(Content(keys + "n / escape back to the value"), classes="hint")  # wraps, never cut

    def action_meant(self) -> None:
        if self.doubt.meant is not None:
            self.dismiss("meant")


def ask_if_doubtful(app: App[Any], goal: Goal, typed: str, number: float, *, added_to: float | None, save: Callable[[float], object],
                    back: Callable[[], object]) -> None:  # fmt: skip
    """Save ``number`` (typed as ``typed``) for ``goal`` through ``save``, asking first when it
    looks mistyped: `y` saves it, `m` saves what was likely meant, `n` calls ``back``."""
    if goal.cadence in CADENCES:  # each check-in is an amount added to its period: judged against one period's target
        doubt = checkin_doubt(number, 0.0, goal.target)
    else:
        doubt = checkin_doubt(number, goal.baseline, goal.target, added_to=added_to)
    if doubt is None:
        save(number)
        return

    def answered(answer: str | None) -> None:
        if answer == "typed":
            save(number)
        elif answer == "meant" and doubt.meant is not None:
            save(doubt.meant)
        else:
            back()

    app.push_screen(DoubtDialog(doubt, typed), answered)
