"""Choosing an entry template: their names, and the highlighted one's text as it will start the
entry. The editor opens it (`ctrl+t`); the templates screen shows templates the same way."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.models import EntryTemplate
from goaljournal.ui.shared.text import user_content

# A template's line in a list: its name, then the kind of entry it makes, in a column of its own.
KIND_CELLS = 10


def template_line(template: EntryTemplate, width: int) -> Content:
    """``name   kind`` on one line of ``width`` cells; a retired template says so, dimmed. (An
    option's text takes plain styles: OptionList leaves theme variables such as $text-muted out.)"""
    kind = f"{template.kind} · retired" if template.retired else template.kind
    room = max(width - KIND_CELLS - 2 - (len(kind) - len(template.kind)), 8)
    name = user_content(template.name, single_line=True, width=room, style="dim" if template.retired else "")
    gap = " " * max(room - name.cell_length + 2, 2)
    return Content.assemble(name, gap, (kind, "dim italic" if template.retired else "italic"))


def template_preview(template: EntryTemplate | None) -> Content:
    """The template's text as it starts an entry, with the kind it gives the entry."""
    if template is None:
        return Content.styled("No template to show.", "$text-muted")
    return Content.assemble((f"Makes a {template.kind} entry:\n", "$text-muted"), user_content(template.text))


class TemplatePicker(ModalScreen[EntryTemplate | None]):
    """The active templates, one a line, the highlighted one's text below. Dismisses with the
    template chosen (`enter`), or None (`escape`)."""

    DEFAULT_CSS = """
    TemplatePicker {
        align: center middle;
    }
    TemplatePicker > #picker-dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        border-title-color: $text-accent;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    TemplatePicker #picker-list {
        height: auto;
        overflow-x: hidden;
        max-height: 35vh;  /* with the preview, the dialog fits 24 rows */
        border: none;
        padding: 0;
    }
    TemplatePicker #picker-preview {
        height: auto;
        max-height: 40vh;
        border-top: solid $primary-muted;
    }
    TemplatePicker .hint {
        color: $text-muted;
    }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, templates: Sequence[EntryTemplate]) -> None:
        super().__init__()
        self.templates = list(templates)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog") as dialog:
            dialog.border_title = "Start from a template"
            dialog.border_subtitle = "enter chooses · escape cancels"
            yield OptionList(*(Option(template_line(t, 70), id=str(t.id)) for t in self.templates), id="picker-list")
            with VerticalScroll(id="picker-preview", can_focus=False):
                yield Static(id="picker-text")
            yield Label(Content("It goes below anything written, and the entry takes its kind."), classes="hint")

    def on_mount(self) -> None:
        options = self.query_one("#picker-list", OptionList)
        options.highlighted = 0 if self.templates else None
        options.focus()
        self._preview(options.highlighted)

    @on(OptionList.OptionHighlighted, "#picker-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_index)

    def _preview(self, index: int | None) -> None:
        template = self.templates[index] if index is not None and index < len(self.templates) else None
        self.query_one("#picker-text", Static).update(template_preview(template))

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.templates[event.option_index])
