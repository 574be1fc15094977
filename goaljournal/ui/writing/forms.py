"""The forms that add a reflection prompt and add or edit an entry template. Each is handed a
``save`` that writes to the store and returns the row's id; the form closes with that id once it
worked, and a refusal leaves it open with everything typed, saying why on one line."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from goaljournal.core.models import ENTRY_KINDS, EntryTemplate
from goaljournal.store import JournalError
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput, SafeTextArea


class AidForm(UnsavedTextGuard, ModalScreen[int | None]):
    """What both forms share: the error line, and saving through ``save``."""

    CSS_PATH = "writing.tcss"
    DEFAULT_CLASSES = "aids-dialog"

    def write(self, save: Callable[[], int]) -> None:
        try:
            saved = save()
        except JournalError as err:
            self.query_one("#form-error", Static).update(user_content(str(err), style="$text-error"))
            return
        self.dismiss(saved)


class PromptForm(AidForm):
    """A new reflection prompt: one line, `enter` saves."""

    SAVE_KEY = "enter"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, save: Callable[[str], int]) -> None:
        super().__init__()
        self.save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="aids-box") as box:
            box.border_title = "New reflection prompt"
            box.border_subtitle = "enter save · escape cancel"
            yield SafeInput(placeholder="e.g. Which conversation changed my mind today?", id="prompt-text")
            yield Static(id="form-error")
            yield Label(Content("A question Today offers above the reflection line, one a day."), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#prompt-text", Input).focus()

    @on(Input.Submitted, "#prompt-text")
    def _submitted(self, event: Input.Submitted) -> None:
        self.write(lambda: self.save(event.value))


class TemplateForm(AidForm):
    """Add a template, or edit ``template``: its name, the kind of entry it makes and its text
    (`@tags` welcome; a line ending in a space is where the cursor goes). `ctrl+s` saves."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, save: Callable[[str, str, str], int], template: EntryTemplate | None = None) -> None:
        super().__init__()
        self.save = save
        self.template = template

    def compose(self) -> ComposeResult:
        template = self.template
        with Vertical(id="aids-box") as box:
            box.border_title = "New entry template" if template is None else "Edit the template"
            box.border_subtitle = "ctrl+s save · escape cancel"
            with Horizontal(classes="form-row"):
                yield Label(Content("Name"), classes="form-label")
                yield SafeInput(template.name if template else "", placeholder="e.g. Sprint retro", id="template-name")
                yield Select([(kind, kind) for kind in ENTRY_KINDS], allow_blank=False,
                             value=template.kind if template else "note", compact=True, id="template-kind")  # fmt: skip
            yield SafeTextArea(template.text if template else "", id="template-text", soft_wrap=True)
            yield Static(id="form-error")
            yield Label(
                Content("The entry's start: headings, @tags, \"- \" where you will write · tab moves on"), classes="hint"
            )

    def on_mount(self) -> None:
        self.query_one("#template-name", Input).focus()

    @on(Input.Submitted, "#template-name")
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        name = self.query_one("#template-name", Input).value
        kind = self.query_one("#template-kind", Select).value
        text = self.query_one("#template-text", SafeTextArea).text
        self.write(lambda: self.save(name, kind if isinstance(kind, str) else "note", text))
