"""Reflection prompts and entry templates, kept from the command palette: each a list in a dialog
over the screen it was asked from. `n` adds one; `x` retires one (it stays on the list, dimmed,
and `x` again restores it); on templates `e` or `enter` edits the name, kind and text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.models import EntryTemplate, ReflectionPrompt
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.template_picker import template_line, template_preview
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.writing.forms import PromptForm, TemplateForm

if TYPE_CHECKING:
    from goaljournal.ui.app import GoalJournalApp

Aid = TypeVar("Aid", ReflectionPrompt, EntryTemplate)


class AidsDialog(ModalScreen[None], Generic[Aid]):
    """What both lists share: every row, retired ones dimmed in their place, and `x` to retire
    or restore the highlighted one. Subclasses say what the rows are and how a row reads."""

    CSS_PATH = "writing.tcss"
    DEFAULT_CLASSES = "aids-dialog"
    HEADING = ""
    HINT = ""
    NAMED = ""  # how a notification names one row

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Aid] = []

    @property
    def store(self) -> Store:
        return cast("GoalJournalApp", self.app).store

    def compose(self) -> ComposeResult:
        with Vertical(id="aids-box") as box:
            box.border_title = self.HEADING
            box.border_subtitle = "escape closes"
            yield OptionList(id="aids-list")
            yield from self.compose_below()
            yield Label(Content(self.HINT), classes="hint")

    def compose_below(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#aids-list", OptionList).focus()

    def on_resize(self) -> None:
        self.show()

    def read(self) -> list[Aid]:
        raise NotImplementedError

    def line(self, item: Aid, width: int) -> Content:
        raise NotImplementedError

    def show(self, *, at: int | None = None) -> None:
        """Read the rows again and list them, the cursor on the row with id ``at`` (or where it was)."""
        options = self.query_one("#aids-list", OptionList)
        keep = options.highlighted
        self.items = self.read()
        width = options.scrollable_content_region.width or 72
        options.clear_options()
        options.add_options(Option(self.line(item, width), id=str(item.id)) for item in self.items)
        if at is not None:
            keep = next((index for index, item in enumerate(self.items) if item.id == at), keep)
        if self.items:
            options.highlighted = min(keep or 0, len(self.items) - 1)

    @property
    def highlighted(self) -> Aid | None:
        index = self.query_one("#aids-list", OptionList).highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def action_retire(self) -> None:
        item = self.highlighted
        if item is None:
            return
        change = self.restore if item.retired else self.retire
        try:
            change(item.id)
        except JournalError as err:
            self.app.notify(str(err), severity="error", markup=False)
            return
        done = "offered again" if item.retired else "retired: x restores it"
        self.app.notify(f"{self.NAMED} {done}.", markup=False)
        self.show(at=item.id)

    def retire(self, item_id: int) -> None:
        raise NotImplementedError

    def restore(self, item_id: int) -> None:
        raise NotImplementedError

    def action_close(self) -> None:
        self.dismiss(None)

    def added(self, new_id: int | None) -> None:
        if new_id is not None:
            self.show(at=new_id)


class PromptsScreen(AidsDialog[ReflectionPrompt]):
    """The reflection prompts Today offers, one a day in this order (`ctrl+o` there offers another)."""

    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("x", "retire", "Retire / restore"),
        Binding("escape", "close", "Close"),
    ]
    HEADING = "Reflection prompts"
    HINT = "Today offers one a day, in this order · n add · x retire or restore"
    NAMED = "The prompt is"

    def read(self) -> list[ReflectionPrompt]:
        return self.store.reflection_prompts(retired=True)

    def line(self, item: ReflectionPrompt, width: int) -> Content:
        if not item.retired:
            return user_content(item.text, single_line=True, width=width)
        # Plain styles: an option's text leaves theme variables out (see template_line).
        text = user_content(item.text, single_line=True, width=max(width - 10, 8), style="dim")
        return Content.assemble(text, "  ", ("retired", "dim italic"))

    def retire(self, item_id: int) -> None:
        self.store.retire_reflection_prompt(item_id)

    def restore(self, item_id: int) -> None:
        self.store.restore_reflection_prompt(item_id)

    def action_add(self) -> None:
        self.app.push_screen(PromptForm(self.store.add_reflection_prompt), self.added)


class TemplatesScreen(AidsDialog[EntryTemplate]):
    """The templates an entry can start from (`ctrl+t` in the editor), the highlighted one's text
    below the list."""

    BINDINGS = [
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("x", "retire", "Retire / restore"),
        Binding("escape", "close", "Close"),
    ]
    HEADING = "Entry templates"
    HINT = "ctrl+t in the editor uses one · n add · e edit · x retire or restore"
    NAMED = "The template is"

    def compose_below(self) -> ComposeResult:
        with VerticalScroll(id="aids-preview", can_focus=False):
            yield Static(id="aids-text")

    def read(self) -> list[EntryTemplate]:
        return self.store.entry_templates(retired=True)

    def line(self, item: EntryTemplate, width: int) -> Content:
        return template_line(item, width)

    def show(self, *, at: int | None = None) -> None:
        super().show(at=at)
        self._preview()

    @on(OptionList.OptionHighlighted, "#aids-list")
    def _preview(self) -> None:
        self.query_one("#aids-text", Static).update(template_preview(self.highlighted))

    @on(OptionList.OptionSelected, "#aids-list")
    def _chosen(self) -> None:
        self.action_edit()

    def retire(self, item_id: int) -> None:
        self.store.retire_entry_template(item_id)

    def restore(self, item_id: int) -> None:
        self.store.restore_entry_template(item_id)

    def action_add(self) -> None:
        self.app.push_screen(TemplateForm(lambda name, kind, text: self.store.add_entry_template(name, kind, text)), self.added)

    def action_edit(self) -> None:
        template = self.highlighted
        if template is None:
            return

        def save(name: str, kind: str, text: str) -> int:
            self.store.update_entry_template(template.id, name=name, kind=kind, text=text)
            return template.id

        self.app.push_screen(TemplateForm(save, template), self.added)
