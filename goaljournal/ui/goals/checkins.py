"""Check-ins in the app: a goal's list of them (edit and delete) and the form that corrects one
(it asks, as Today does, before a value far outside its goal's range is saved)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.dates import BadDate, format_day, human_day, parse_day
from goaljournal.core.models import CheckIn, Goal
from goaljournal.core.progress import (
    LIMIT_TEXT,
    format_number,
    within_limit,
)
from goaljournal.store import JournalError
from goaljournal.ui.shared.checkin_doubt import ask_if_doubtful
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput


FORM_CSS = """
CheckinForm {
    align: center middle;
}
CheckinForm > Vertical {
    width: 64;
    max-width: 100%;
    height: auto;
    border: round $accent;
    border-title-color: $text-accent;
    background: $surface;
    padding: 0 1;
}
CheckinForm .checkin-row {
    height: 1;
    margin-top: 1;
}
CheckinForm .checkin-row Label {
    width: 7;
    color: $text-muted;
}
CheckinForm .checkin-row Input {
    width: 1fr;
}
CheckinForm .checkin-row .checkin-unit {
    width: auto;
    padding-left: 1;
}
CheckinForm .hint {
    color: $text-muted;
    margin-top: 1;
}
CheckinForm #checkin-error {
    color: $text-error;
    height: auto;
}
"""


def read_value(text: str) -> float:
    """A check-in value typed in a form; ValueError with what to type instead."""
    try:
        number = float(text.strip())
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a number: type a value such as 3 or 2.5") from None
    if not within_limit(number):
        raise ValueError(f"the value must be {LIMIT_TEXT}")
    return number


class CheckinForm(UnsavedTextGuard, ModalScreen[dict[str, Any] | None]):
    """Correct a typed check-in: its value, day and note. ``save`` writes the changes (only what
    changed); a value or day that does not read, or a refused write, is said in the form and the
    typed text stays. Dismisses with the changes saved, or None (escape: the unsaved-text rule)."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, checkin: CheckIn, goal: Goal, *, today: date, save: Callable[[dict[str, Any]], object]) -> None:
        super().__init__()
        self.checkin = checkin
        self.goal = goal
        self.today = today
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = user_content(f"Correct a check-in on {self.goal.title}", single_line=True, width=56)
            with Horizontal(classes="checkin-row"):
                yield Label(Content("Value"))
                yield SafeInput(format_number(self.checkin.value), placeholder="e.g. 3 or 2.5", id="checkin-value", compact=True)
                yield Label(user_content(self.goal.unit or "", single_line=True, width=14), classes="checkin-unit")
            with Horizontal(classes="checkin-row"):
                yield Label(Content("Day"))
                yield SafeInput(self.checkin.at, placeholder=f"{format_day(self.today - timedelta(days=5))}, yesterday, 3 days ago", id="checkin-day", compact=True)
            with Horizontal(classes="checkin-row"):
                yield Label(Content("Note"))
                yield SafeInput(self.checkin.note or "", placeholder="optional", id="checkin-note", compact=True)
            yield Static(id="checkin-error")
            yield Label(Content("enter next / save · ctrl+s save · escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#checkin-value", Input).focus()

    def _field(self, name: str) -> Input:
        return self.query_one(f"#checkin-{name}", Input)

    def _refuse(self, message: str, field: str) -> None:
        self.query_one("#checkin-error", Static).update(Content(message))
        self._field(field).focus()

    @on(Input.Submitted, "#checkin-value")
    def _to_day(self) -> None:
        self._field("day").focus()

    @on(Input.Submitted, "#checkin-day")
    def _to_note(self) -> None:
        self._field("note").focus()

    @on(Input.Submitted, "#checkin-note")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        typed = self._field("value").value.strip()
        try:
            value = read_value(typed)
        except ValueError as err:
            self._refuse(str(err), "value")
            return
        try:
            day = format_day(parse_day(self._field("day").value, self.today))
        except BadDate as err:
            self._refuse(str(err), "day")
            return
        note = self._field("note").value.strip() or None
        changes: dict[str, Any] = {"value": value, "at": day, "note": note}
        changes = {name: new for name, new in changes.items() if getattr(self.checkin, name) != new}
        if not changes:
            self.dismiss(None)
            return
        if "value" not in changes:
            self._write(changes)
            return

        def write(number: float) -> None:
            self._field("value").value = format_number(number)
            self._write({**changes, "value": number})

        ask_if_doubtful(self.app, self.goal, typed, value, added_to=None, save=write, back=lambda: self._field("value").focus())

    def _write(self, changes: dict[str, Any]) -> None:
        try:
            self.save(changes)
        except JournalError as err:
            self._refuse(str(err), "value")
            return
        self.dismiss(changes)


class CheckinList(OptionList):
    """A goal's check-ins, newest first. `e` or `enter` corrects the highlighted one, `d`
    deletes it (to the trash); the screen does both (``edit_checkin``, ``delete_checkin``)."""

    BINDINGS = [
        Binding("e", "screen.edit_checkin", "Correct"),
        Binding("d,delete", "screen.delete_checkin", "Delete"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.checkins: list[CheckIn] = []

    def show(self, checkins: list[CheckIn]) -> None:
        """Show ``checkins`` (oldest first, as the store lists them), keeping the place."""
        previous = self.highlighted
        self.checkins = list(reversed(checkins))
        if not self.checkins:
            self.set_options([Option(Content.styled("No check-ins yet: check in on Today (t).", "$text-muted italic"), disabled=True)])
            return
        width = max((len(format_number(checkin.value)) for checkin in self.checkins), default=1)
        # A note takes the rest of the line and no more: a line that wrapped would read as two check-ins.
        room = max((self.scrollable_content_region.width or 76) - len(human_day(self.checkins[0].at)) - width - 5, 8)
        self.set_options([Option(self._line(checkin, width, room), id=str(checkin.id)) for checkin in self.checkins])
        self.highlighted = min(previous or 0, len(self.checkins) - 1)

    def on_resize(self) -> None:
        if self.checkins:
            self.show(list(reversed(self.checkins)))

    def _line(self, checkin: CheckIn, width: int, room: int) -> Content:
        if checkin.source is not None:
            note = Content.styled("from the people log", "$text-muted italic")
        else:
            note = user_content(checkin.note or "", style="$text-muted", single_line=True, width=room)
        corrected = ("✎ ", "$text-warning") if checkin.updated_at else "  "
        if checkin.updated_at and not checkin.note and checkin.source is None:
            note = Content.styled("corrected", "$text-muted italic")
        return Content.assemble((f"{human_day(checkin.at)}  ", "$text-muted"), f"{format_number(checkin.value):>{width}} ", corrected, note)

    @property
    def current(self) -> CheckIn | None:
        if self.highlighted is None or self.highlighted >= len(self.checkins):
            return None
        return self.checkins[self.highlighted]

    def action_select(self) -> None:  # enter
        edit = getattr(self.screen, "action_edit_checkin", None)
        if edit is not None:
            edit()
