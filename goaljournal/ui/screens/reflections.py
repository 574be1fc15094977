"""Reflections: the whole log, newest first, searchable, with a reader and an editor."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Markdown, TextArea

from goaljournal.core.models import Entry
from goaljournal.core.text import printable
from goaljournal.store import Store
from goaljournal.ui.screens.base import JournalScreen
from goaljournal.ui.text import user_content
from goaljournal.ui.widgets.virtual_list import VirtualList

KIND_MARKS = {"reflection": "✎", "win": "★", "lesson": "◇", "feedback": "❝", "note": "·"}


@dataclass
class EntrySource:
    """Entries for a VirtualList, read a page at a time with the current search."""

    store: Store
    filters: dict[str, Any] = field(default_factory=dict)

    def count(self) -> int:
        return self.store.count_entries(**self.filters)

    def fetch(self, offset: int, limit: int) -> list[Entry]:
        return self.store.entries(offset=offset, limit=limit, **self.filters)

    def render_row(self, entry: Entry, width: int) -> Content:
        tags = " ".join(f"@{tag}" for tag in entry.tags)
        star = "★" if entry.starred else " "
        room = max(width - 24 - len(tags), 10)
        return Content.assemble(
            (f" {entry.at[:10]} ", "$text-muted"),
            (star, "$warning"),
            f" {KIND_MARKS.get(entry.kind, '·')} ",
            user_content(entry.text, single_line=True, width=room),
            "  ",
            user_content(tags, style="$accent", single_line=True),
        )


def entry_markdown(entry: Entry) -> str:
    """An entry as Markdown for the reader; the text is the user's own Markdown."""
    tags = " ".join(f"`@{tag}`" for tag in entry.tags)
    star = " ★" if entry.starred else ""
    header = f"**{entry.at[:16]}** · {entry.kind}{star}"
    return f"{header}\n\n{printable(entry.text)}\n\n{tags}\n"


class EntryEditor(ModalScreen[str | None]):
    """A multi-line editor for an entry; dismisses with the text, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, text: str = "", title: str = "New entry") -> None:
        super().__init__()
        self.initial_text = text
        self.editor_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog") as dialog:
            dialog.border_title = self.editor_title
            yield TextArea(self.initial_text, id="editor", soft_wrap=True, show_line_numbers=False)
            yield Label(Content("ctrl+s save · escape cancel · @word makes a tag"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if not text.strip():
            self.app.notify("The entry is empty; write something or press escape.", severity="warning", markup=False)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReflectionsScreen(JournalScreen):
    SCREEN_NAME = "Reflections"
    BINDINGS = [
        Binding("slash", "search", "Search", show=True),
        Binding("n", "new_entry", "New", show=True),
        Binding("e", "edit_entry", "Edit", show=True),
        Binding("s", "toggle_star", "Star", show=True),
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield Input(placeholder="Search the log (words, prefix*) — Enter", id="search")
        with Horizontal(id="reflections-main"):
            yield VirtualList(EntrySource(self.store), id="entries", empty_text="No entries match.")
            with VerticalScroll(id="reader", classes="panel") as reader:
                reader.border_title = "Entry"
                yield Markdown(id="reader-text")
        yield Footer()

    @property
    def entry_list(self) -> VirtualList[Entry]:
        return self.query_one("#entries", VirtualList)

    def on_mount(self) -> None:
        super().on_mount()
        self.entry_list.focus()

    def title_status(self) -> str:
        source: EntrySource = self.entry_list.source  # type: ignore[assignment]
        total = self.entry_list.row_count
        searching = "query" in source.filters
        if searching:
            return f"{total} {'match' if total == 1 else 'matches'}"
        return f"{total} {'entry' if total == 1 else 'entries'}"

    def refresh_data(self) -> None:
        self.entry_list.reload(keep_cursor=True)
        super().refresh_data()
        self._show_entry(self.entry_list.highlighted_row)

    @on(VirtualList.Highlighted, "#entries")
    def entry_highlighted(self, event: VirtualList.Highlighted) -> None:
        self._show_entry(event.row)

    @on(VirtualList.Selected, "#entries")
    def entry_selected(self, event: VirtualList.Selected) -> None:
        self.query_one("#reader", VerticalScroll).focus()

    def _show_entry(self, entry: Entry | None) -> None:
        markdown = self.query_one("#reader-text", Markdown)
        markdown.update(entry_markdown(entry) if entry else "")

    @on(Input.Submitted, "#search")
    def run_search(self, event: Input.Submitted) -> None:
        self.apply_search(event.value)

    def apply_search(self, text: str) -> None:
        source: EntrySource = self.entry_list.source  # type: ignore[assignment]
        query = text.strip()
        source.filters = {"query": query} if query else {}
        self.entry_list.reload()
        super().refresh_data()
        self._show_entry(self.entry_list.highlighted_row)
        self.entry_list.focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            self.apply_search("")
        else:
            self.entry_list.focus()

    def action_new_entry(self) -> None:
        def save(text: str | None) -> None:
            if text is not None and self.attempt(self.store.add_entry, text):
                self.journal_app.tell("Entry saved.")
                self.entry_list.reload()
                self.refresh_data()

        self.app.push_screen(EntryEditor(), save)

    def action_edit_entry(self) -> None:
        entry = self.entry_list.highlighted_row
        if entry is None:
            return

        def save(text: str | None) -> None:
            if text is not None and self.attempt(self.store.update_entry, entry.id, text=text):
                self.journal_app.tell("Entry updated.")
                self.refresh_data()

        self.app.push_screen(EntryEditor(entry.text, title=f"Edit entry of {entry.at[:16]}"), save)

    def action_toggle_star(self) -> None:
        entry = self.entry_list.highlighted_row
        if entry is not None and self.attempt(self.store.update_entry, entry.id, starred=not entry.starred):
            self.refresh_data()
