"""The short reason a change of a goal is kept with, asked in one dialog wherever a change needs
one: an edit of a goal's substance, or a decision on Today (achieve, abandon, pause)."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput


class ReasonDialog(UnsavedTextGuard, ModalScreen[str | None]):
    """``heading`` on the border, then what the reason is about (``subject``, in bold, and the
    ``changes``, one bullet each) and the reason's line, prefilled with ``suggested``.

    Dismisses with the reason (stripped; "" for none when it is not ``required``), or None when
    escape cancels. A required reason left empty is asked for again."""

    DEFAULT_CSS = """
    ReasonDialog {
        align: center middle;
    }
    ReasonDialog > #reason-dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        border: round $accent;
        border-title-color: $text-accent;
        background: $surface;
        padding: 0 1;
    }
    ReasonDialog .hint {
        color: $text-muted;
        margin-top: 1;
    }
    """
    SAVE_KEY = "enter"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        heading: str,
        *,
        subject: str = "",
        changes: Sequence[str] = (),
        required: bool = True,
        suggested: str = "",
        example: str = "priorities changed this quarter",
        escape_means: str = "cancel",
    ) -> None:
        super().__init__()
        self.heading = heading
        self.subject = subject
        self.changes = list(changes)
        self.required = required
        self.suggested = suggested
        self.example = example
        self.escape_means = escape_means

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-dialog") as dialog:
            dialog.border_title = self.heading
            if self.subject:
                yield Static(user_content(self.subject, style="bold", single_line=True, width=70))
            for change in self.changes:
                yield Static(user_content(f"• {change}"))
            yield Label(Content("Why? A few words, kept with the revision" + ("" if self.required else " (optional)")))
            # A reason offered is a suggestion: selected, so that typing replaces it and enter keeps it.
            yield SafeInput(self.suggested, placeholder=f"e.g. {self.example}", id="reason", select_on_focus=True)
            yield Label(Content(f"enter save · escape {self.escape_means}"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    @on(Input.Submitted, "#reason")
    def _submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if self.required and not reason:
            self.app.notify("Say in a few words why: it is kept with the revision.", severity="warning", markup=False)
            return
        self.dismiss(reason)
