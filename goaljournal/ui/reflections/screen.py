"""Reflections: the whole log, newest first, read a page at a time.

Full-text search with the matches highlighted; filters by kind, tag, star, goal and dates; a
Markdown reader; a multi-line editor with `@tag` completion and goal links; delete with undo,
and a trash view to restore from. The list is a VirtualList: it asks the store only for the
rows on screen, so a journal of 100,000 entries opens at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from goaljournal.core.models import Entry
from goaljournal.store import Store
from goaljournal.ui.reflections.filters import FilterBar
from goaljournal.ui.reflections.render import entry_row, log_status
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.widgets.entry_editor import EntryDraft, EntryEditor
from goaljournal.ui.shared.widgets.entry_reader import EntryReader
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.virtual_list import VirtualList

NO_ENTRIES = "No entries yet: press n to write the first one."
# What the screen is for, said while the journal has no entries.
LOG_PURPOSE = (
    "Reflections is your log: what you did, learned, won and were told, in a few lines a day. "
    "Tag entries with @words, link them to goals, star the ones worth keeping; / searches it all."
)
PURGE_HELD_UP = (
    "Deleted, but another program reading the journal still holds an older copy of the text in "
    "its files; close that program, then press P in the trash to wipe it."
)


class BackupPurgeDialog(ModalScreen[bool]):
    """Asks whether a purged entry should go from the automatic backups too."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        with Vertical(id="backup-purge-dialog") as dialog:
            dialog.border_title = "Delete for good"
            backups = "automatic backup" if self.count == 1 else f"{self.count} automatic backups"
            yield Static(Content(f"The entry is still in the {backups} (backups/ beside the journal)."))
            yield Static(Content("Also remove it from them? Backups you made yourself are not changed."))
            yield Label(Content("y remove it from them · n keep them"), classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass
class EntrySource:
    """Entries for the VirtualList, a page at a time, with the current search and filters.

    ``filters`` are the keyword arguments of ``Store.entries``; with ``trash`` set the list is
    the trash, most recently deleted first. A search also fetches where each entry of the page
    matches, so its row can show the match.
    """

    store: Store
    filters: dict[str, Any] = field(default_factory=dict)
    trash: bool = False
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def count(self) -> int:
        self.spans = {}
        if self.trash:
            return self.store.count_entries(trashed=True)
        return self.store.count_entries(**self.filters)

    def fetch(self, offset: int, limit: int) -> list[Entry]:
        if self.trash:
            return self.store.trashed_entries(offset=offset, limit=limit)
        entries = self.store.entries(offset=offset, limit=limit, **self.filters)
        query = self.filters.get("query")
        if query:
            self.spans.update(self.store.match_spans(query, [entry.id for entry in entries]))
        return entries

    def render_row(self, entry: Entry, width: int) -> Content:
        # The list's width counts its scrollbar too.
        return entry_row(entry, width - 2, self.spans.get(entry.id, ()), trashed=self.trash)


class EntryList(VirtualList[Entry]):
    """The log's list: Enter reads the highlighted entry (the reader is always beside it).

    The reader is told of a new highlight at once, in the same turn as the key, instead of
    through the Highlighted message: the message is handled only after the list's frame is drawn,
    and the reader's own frame came one or two frames (20–40 ms) later on every page down.
    """

    BINDINGS = [Binding("enter", "select", "Read", show=False)]

    def __init__(self, source: EntrySource, on_highlight: Callable[[Entry | None], None], **kwargs: Any) -> None:
        super().__init__(source, **kwargs)
        self.on_highlight = on_highlight

    def watch_cursor(self, old: int, new: int) -> None:
        super().watch_cursor(old, new)
        self.on_highlight(self.highlighted_row)


class ReflectionsScreen(JournalScreen[None]):
    SCREEN_NAME = "Reflections"
    CSS_PATH = "reflections.tcss"
    # Under 110 columns the list has the whole width and Enter shows the entry in its place.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("n", "new_entry", "New"),
        Binding("slash", "search", "Search"),
        Binding("e", "edit_entry", "Edit"),
        Binding("f", "filters", "Filter"),
        Binding("s", "toggle_star", "Star"),
        Binding("d,delete", "delete_entry", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("T", "toggle_trash", "Trash"),
        Binding("P", "purge_entry", "Purge", show=False),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.source = EntrySource(self.store)
        self._purge_armed: int | None = None  # the trashed entry a first P asked to purge
        self._goal_titles: dict[int, str] = {}
        self._tags: list[str] = []
        self._cursor_away = 0  # the row highlighted in the view (the log or the trash) not shown

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield SafeInput(placeholder="/ Search the log: every word must match, prefix* too — Enter", id="search", select_on_focus=True)
        yield FilterBar(lambda: self.today, lambda: self._tags, id="filters")
        yield Static(Content.assemble(LOG_PURPOSE, "\n\n", (NO_ENTRIES, "bold")), id="log-empty")
        with Horizontal(id="reflections-main"):
            entries = EntryList(self.source, self._show_entry, id="entries", classes="panel", empty_text=NO_ENTRIES)
            entries.border_title = "Log"
            yield entries
            reader = EntryReader(id="reader", classes="panel")
            reader.border_title = "Entry"
            yield reader
        yield KeyBar()

    @property
    def entry_list(self) -> VirtualList[Entry]:
        return self.query_one("#entries", VirtualList)

    def on_mount(self) -> None:
        # JournalScreen.on_mount (run too: Textual calls every class's handler) reads the data.
        self.entry_list.focus()

    # -- reading ----------------------------------------------------------------------------

    def title_status(self) -> str:
        return log_status(self.entry_list.row_count, trash=self.source.trash, filtered=bool(self.source.filters))

    def refresh_data(self) -> None:
        """Re-read everything: after a write, or on coming back to the screen."""
        self._goal_titles = {goal.id: goal.title for goal in self.store.goals()}
        self._tags = [name for name, _ in self.store.tag_counts()]
        self.query_one(FilterBar).offer_goals(self._goal_titles)
        self._reload(keep_cursor=True)

    def _reload(self, *, keep_cursor: bool = False) -> None:
        if self.source.trash:
            self.entry_list.empty_text = "The trash is empty."
        elif self.source.filters:
            self.entry_list.empty_text = "No entries match: escape clears the search and the filters."
        else:
            self.entry_list.empty_text = NO_ENTRIES
        self.entry_list.reload(keep_cursor=keep_cursor)
        # An empty journal says what the log is for instead of showing two empty panes.
        empty = not self.source.trash and not self.source.filters and not self.entry_list.row_count
        if empty != self.has_class("-empty"):
            self.set_class(empty, "-empty")
            if not empty:
                self.entry_list.focus()
        self.entry_list.border_title = "Trash" if self.source.trash else "Log"
        super().refresh_data()
        self._show_entry(self.entry_list.highlighted_row)

    @on(VirtualList.Selected, "#entries")
    def entry_selected(self, event: VirtualList.Selected) -> None:
        reader = self.query_one(EntryReader)
        if self.has_class("-narrow"):
            self.add_class("-reading")  # the reader takes the list's place
            self.call_after_refresh(reader.focus)  # it can take the focus once it is shown
        else:
            reader.focus()

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        if event.widget is not self.query_one(EntryReader):
            self.remove_class("-reading")

    def _show_entry(self, entry: Entry | None) -> None:
        titles = [self._goal_titles.get(goal_id, f"goal {goal_id}") for goal_id in entry.goal_ids] if entry else []
        self.query_one(EntryReader).show(
            entry,
            goal_titles=titles,
            spans=self.source.spans.get(entry.id, []) if entry else [],
            trashed=self.source.trash,
        )

    # -- search and filters -----------------------------------------------------------------

    def apply_filters(self) -> None:
        """Read the search box and the filter bar into the list's filters, and show the result."""
        filters, problems = self.query_one(FilterBar).read()
        query = self.query_one("#search", Input).value.strip()
        if query:
            filters = {"query": query, **filters}
        for problem in problems:
            self.journal_app.tell(problem, severity="warning")
        self.source.filters = filters
        self._reload()

    @on(Input.Submitted, "#search")
    def run_search(self) -> None:
        self.apply_filters()
        self.entry_list.focus()

    @on(Input.Submitted, "#filters Input")
    def filter_submitted(self) -> None:
        self.apply_filters()

    @on(Select.Changed, "#filters Select")
    @on(Checkbox.Changed, "#filters Checkbox")
    def filter_changed(self) -> None:
        self.apply_filters()

    def apply_search(self, text: str) -> None:
        """Search for ``text`` (the search box's Enter does this)."""
        self.query_one("#search", Input).value = text
        self.apply_filters()

    def clear_filters(self) -> None:
        self.query_one("#search", Input).value = ""
        self.query_one(FilterBar).clear()
        self.apply_filters()

    def action_search(self) -> None:
        if self.source.trash:
            self.action_toggle_trash()
        self.query_one("#search", Input).focus()

    def action_filters(self) -> None:
        if self.source.trash:
            self.action_toggle_trash()
        self.query_one("#filter-kind", Select).focus()

    def action_back(self) -> None:
        """Escape: back from the reader to the list, out of the trash, back from a field to the
        list, or, from the list, clear the search and the filters."""
        if self.has_class("-reading") or self.focused is self.query_one(EntryReader):
            self.entry_list.focus()
        elif self.source.trash:
            self.action_toggle_trash()
        elif self.focused is not self.entry_list:
            self.entry_list.focus()
        elif self.source.filters:
            self.clear_filters()

    # -- writing ----------------------------------------------------------------------------

    def _goal_choices(self, keep: tuple[int, ...] = ()) -> list[tuple[int, str]]:
        """Goals an entry can be linked to: those still pursued, and any it is linked to already."""
        pursued = {goal.id for goal in self.store.goals(status=("draft", "active", "paused"))}
        return [(goal_id, title) for goal_id, title in self._goal_titles.items() if goal_id in pursued or goal_id in keep]

    def _in_trash(self) -> bool:
        if self.source.trash:
            self.journal_app.tell("This entry is in the trash: u restores it first.", severity="warning")
        return self.source.trash

    def action_new_entry(self) -> None:
        if self._in_trash():
            return
        filters = self.source.filters
        draft = EntryDraft(
            "", kind=filters.get("kind", "reflection"), starred=bool(filters.get("starred")),
            goal_ids=(filters["goal_id"],) if "goal_id" in filters else (),
        )  # fmt: skip

        def save(result: EntryDraft | None) -> None:
            if result is None:
                return
            if self.attempt(
                self.store.add_entry, result.text, kind=result.kind, starred=result.starred, goal_ids=result.goal_ids
            ):
                self.journal_app.tell("Entry saved.")
                self.refresh_data()
                self.entry_list.action_first()

        templates = self.store.entry_templates()
        self.app.push_screen(EntryEditor(draft, tags=self._tags, goals=self._goal_choices(), templates=templates), save)

    def action_edit_entry(self) -> None:
        entry = self.entry_list.highlighted_row
        if entry is None or self._in_trash():
            return
        draft = EntryDraft(entry.text, entry.kind, bool(entry.starred), tuple(entry.goal_ids))

        def save(result: EntryDraft | None) -> None:
            if result is None or result == draft:
                return
            if self.attempt(
                self.store.edit_entry, entry.id, text=result.text, kind=result.kind, starred=result.starred,
                goal_ids=result.goal_ids,
            ):  # fmt: skip
                self.remember(f"the edit of the entry of {entry.at[:16]}", lambda: self.store.edit_entry(
                    entry.id, text=draft.text, kind=draft.kind, starred=draft.starred, goal_ids=draft.goal_ids))  # fmt: skip
                self.journal_app.tell("Entry updated.")
                self.refresh_data()

        editor = EntryEditor(
            draft, title=f"Edit the entry of {entry.at[:16]}", tags=self._tags, goals=self._goal_choices(draft.goal_ids)
        )
        self.app.push_screen(editor, save)

    def action_toggle_star(self) -> None:
        entry = self.entry_list.highlighted_row
        if entry is None or self._in_trash():
            return
        if self.attempt(self.store.update_entry, entry.id, starred=not entry.starred):
            self.remember("the star" if not entry.starred else "the star taken off",
                          lambda: self.store.update_entry(entry.id, starred=bool(entry.starred)))  # fmt: skip
            self._reload(keep_cursor=True)

    def action_delete_entry(self) -> None:
        entry = self.entry_list.highlighted_row
        if entry is None or self._in_trash():
            return
        if self.attempt(self.store.trash, "entries", entry.id):
            self.remember(_deleting(entry), lambda: self.store.restore("entries", entry.id))
            self.journal_app.tell(f"Moved to the trash: {entry.text[:40]}. u brings it back, T shows the trash.")
            self._reload(keep_cursor=True)

    def action_undo(self) -> None:
        """In the list: bring back the last entry deleted. In the trash: restore the highlighted one."""
        if self.source.trash:
            entry = self.entry_list.highlighted_row
            if entry is not None and self.attempt(self.store.restore, "entries", entry.id):
                self.journal_app.forget(self.undo_owner, _deleting(entry))
                self.journal_app.tell("Restored to the log.")
                self._reload(keep_cursor=True)
            return
        if self.journal_app.undo_last(self.undo_owner):
            self._reload(keep_cursor=True)

    def action_purge_entry(self) -> None:
        """In the trash, P twice deletes the highlighted entry for good (it cannot be undone).
        While an earlier purge's text is still held by another program, P tries to wipe it first."""
        if self.store.purge_pending():
            self._wipe_purged()
            return
        entry = self.entry_list.highlighted_row
        if not self.source.trash or entry is None:
            if not self.source.trash:
                self.journal_app.tell("P deletes for good from the trash only: T shows the trash.")
            return
        if self._purge_armed != entry.id:
            self._purge_armed = entry.id
            self.journal_app.tell("Press P again to delete this entry for good; it cannot be brought back.", severity="warning")
            return
        self._purge_armed = None
        wiped: list[bool] = []
        if not self.attempt(lambda: wiped.append(self.store.purge_entry(entry.id))):
            return
        self.journal_app.forget(self.undo_owner, _deleting(entry))
        self._reload(keep_cursor=True)
        if wiped[0]:
            self.journal_app.tell("Deleted for good.")
        else:
            self.journal_app.tell(PURGE_HELD_UP, severity="warning")
        backups = self.store.automatic_backups_holding(entry.uuid)
        if backups:
            self.app.push_screen(BackupPurgeDialog(len(backups)), lambda yes: self._purge_backups(entry.uuid, yes))

    def _wipe_purged(self) -> None:
        wiped: list[bool] = []
        if self.attempt(lambda: wiped.append(self.store.wipe_purged())):
            if wiped[0]:
                self.journal_app.tell("The older copy is wiped too: the purged text is gone from the journal's files.")
            else:
                self.journal_app.tell(PURGE_HELD_UP, severity="warning")

    def _purge_backups(self, entry_uuid: str, yes: bool | None) -> None:
        if not yes:
            self.journal_app.tell("The automatic backups keep it (backups/ beside the journal).")
            return
        rewritten: list[int] = []
        if self.attempt(lambda: rewritten.append(len(self.store.purge_from_backups(entry_uuid)))):
            count = rewritten[0]
            self.journal_app.tell(f"Removed from {count} automatic backup{'' if count == 1 else 's'} too.")

    def action_toggle_trash(self) -> None:
        """The trash, or back to the log: each keeps the row it had highlighted."""
        self._purge_armed = None
        self.source.trash = not self.source.trash
        self.set_class(self.source.trash, "-trash")
        self._cursor_away, cursor = self.entry_list.cursor, self._cursor_away
        self._reload()
        self.entry_list.cursor = cursor
        self.entry_list.focus()


def _deleting(entry: Entry) -> str:
    """How `u` names an entry's delete (restoring or purging it from the trash forgets it)."""
    return f"deleting the entry of {entry.at[:16]} (#{entry.id})"
