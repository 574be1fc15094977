"""People: the list of everyone met (search, relationship filter) with a preview of the one
highlighted; Enter opens their page (``people.person``).

A list of people is small (dozens, a few hundred), so a DataTable holds it whole.
"""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from goaljournal.core.dates import human_day
from goaljournal.core.models import RELATIONSHIPS, Person
from goaljournal.ui.people.forms import PersonDraft, PersonForm
from goaljournal.ui.people.page import FittedTable, PeoplePage, place_cursor, row_id
from goaljournal.ui.people.person import PersonScreen
from goaljournal.ui.people.render import (
    Column,
    fit_columns,
    how_long_ago,
    person_preview,
    role_line,
)
from goaljournal.ui.shared.text import user_cell
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.shared.widgets.safe_text import SafeInput

RELATIONSHIP_FILTERS = ("all", *RELATIONSHIPS)
EMPTY_HINT = "No people yet — press n to add someone you met."
# What the screen is for, said while it is empty.
PEOPLE_PURPOSE = (
    "People keeps the mentors, managers, peers and contacts you learn from: what each conversation "
    "taught you, what came of it, and the follow-ups you promised."
)
# The list's columns in the order shown, each with its headings, longest first (the first that fits).
PEOPLE_HEADINGS = {
    "name": ("Name",), "relationship": ("Relationship", "Relation"), "role": ("Role · organisation", "Role"),
    "tags": ("Tags",), "last": ("Last conversation", "Last talk", "Last"), "follow-ups": ("Follow-ups", "Follow-up", "Due"),
}  # fmt: skip
# The user's own text: cut to its column with an ellipsis, shown literally.
TYPED = {"name", "role", "tags"}
# Room left once every column fits goes first to names and roles; the last conversation's date
# is shown only when the whole of it fits (its short form says how long ago).
GROW_ORDER = ("name", "role", "relationship", "follow-ups", "tags", "last")


def people_columns(cells: list[dict[str, Text]]) -> list[Column]:
    """The list's columns, most useful first: who, when last met, what is owed them, then the
    relationship, role and tags (the preview under the list shows those whole)."""

    def need(key: str, least: int = 0) -> int:
        return max([least, *(row[key].cell_len for row in cells)])

    name = need("name", 4)
    return [
        Column("name", name, min(name, 12)),
        Column("last", need("last", 17), need("last-short", 9)),
        Column("follow-ups", need("follow-ups", 10), need("follow-ups", 6)),
        Column("relationship", need("relationship", 12), 8),
        Column("role", need("role", 19), min(need("role", 4), 12)),
        Column("tags", need("tags", 4), min(need("tags", 4), 8)),
    ]
NO_MATCH_HINT = "No one matches: escape clears the search, f changes the relationship filter."


class PeopleTable(FittedTable):
    """The people list; Enter opens the highlighted person's page."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", show=True)]


class PeopleScreen(PeoplePage):
    SCREEN_NAME = "People"
    CSS_PATH = "people.tcss"
    # From 160 columns the preview stands beside the list, which has all the room it needs.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (160, "-wide")]
    BINDINGS = [
        Binding("n", "new_person", "New"),
        Binding("c", "log_conversation", "Log talk"),
        Binding("slash", "search", "Search"),
        Binding("f", "cycle_relationship", "Filter"),  # by relationship, in turn
        Binding("e", "edit_person", "Edit"),
        Binding("d,delete", "trash_person", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.relationship_filter = "all"
        self.listed: dict[int, Person] = {}
        self._fitted_width = 0  # the table's width its columns were last fitted to

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield SafeInput(placeholder="/ Search people: name, role, organisation, how we met, notes, @tags", id="people-search", select_on_focus=True)
        with Horizontal(id="people-main"):
            with Vertical(id="people-list"):
                yield Static(id="people-empty")
                yield PeopleTable(id="people-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="people-preview", classes="panel") as preview:
                preview.border_title = "Person"
                yield Static(id="people-preview-text")
        yield KeyBar()

    @property
    def table(self) -> PeopleTable:
        return self.query_one(PeopleTable)

    def on_mount(self) -> None:
        super().on_mount()
        self.table.focus()

    def title_status(self) -> str:
        parts = [f"{len(self.listed)} {'person' if len(self.listed) == 1 else 'people'}"]
        if self.relationship_filter != "all":
            parts.append(f"filter: {self.relationship_filter}")
        return " · ".join(parts)

    def query_text(self) -> str:
        return self.query_one("#people-search", Input).value.strip()

    def refresh_data(self, *, select: int | None = None) -> None:
        table = self.table
        selected = table.cursor_row
        if select is None:
            select = self.highlighted_person_id()
        relationship = None if self.relationship_filter == "all" else self.relationship_filter
        people = self.store.people(query=self.query_text() or None, relationship=relationship)
        self.listed = {person.id: person for person in people}
        late = [talk for talk in self.store.follow_ups_due(self.today) if (talk.follow_up_due or "") < self.today.isoformat()]
        overdue = Counter(talk.person_id for talk in late)
        cells = [self._cells(person, overdue.get(person.id, 0)) for person in people]
        self._fitted_width = table.size.width
        widths = fit_columns(table.room(len(people)), people_columns(cells), grow=GROW_ORDER)
        shown_keys = [key for key in PEOPLE_HEADINGS if key in widths]
        table.clear(columns=True)
        for key in shown_keys:
            headings = PEOPLE_HEADINGS[key]
            heading = next((words for words in headings if len(words) <= widths[key]), headings[-1])
            table.add_column(heading, width=widths[key], key=key)
        for person, row in zip(people, cells, strict=True):
            shown = []
            for key in shown_keys:
                cell = row[key]
                if key == "last" and cell.cell_len > widths[key]:
                    cell = row["last-short"]
                shown.append(user_cell(cell.plain, style=str(cell.style), width=widths[key]) if key in TYPED else cell)
            table.add_row(*shown, key=str(person.id))
        place_cursor(table, selected, select)
        empty = self.query_one("#people-empty", Static)
        empty.display = not people
        table.display = self.query_one("#people-preview").display = bool(people)
        searching = bool(self.query_text()) or relationship is not None
        if searching:
            empty.update(Content.styled(NO_MATCH_HINT, "$text-muted italic"))
        else:
            empty.update(Content.assemble(PEOPLE_PURPOSE, "\n\n", (EMPTY_HINT, "bold")))
        super().refresh_data()
        self._show_preview()

    def _cells(self, person: Person, behind: int) -> dict[str, Text]:
        """Every cell ``person`` could have, whole: the columns shown are chosen from them."""
        follow_ups = Text("")
        if person.open_follow_ups:
            more = person.open_follow_ups - behind
            words = f"{behind} overdue" + (f", {more} open" if more else "") if behind else f"{more} open"
            follow_ups = Text(words, style=self.themed("$text-error" if behind else "$text-warning"))
        if person.last_met:
            ago = how_long_ago(person.last_met, self.today)
            last, last_short = Text(f"{human_day(person.last_met)} · {ago}"), Text(ago)
        else:
            last = last_short = Text("never", style="dim")
        return {
            "name": Text(person.name, style="bold"),
            "relationship": Text(person.relationship),
            "role": Text(role_line(person)),
            "tags": Text(" ".join(f"@{tag}" for tag in person.tags)),
            "last": last,
            "last-short": last_short,
            "follow-ups": follow_ups,
        }

    @on(FittedTable.Resized)
    def _refit(self) -> None:
        if self.is_mounted and self.table.size.width != self._fitted_width:
            self.refresh_data()

    def highlighted_person_id(self) -> int | None:
        return row_id(self.table)

    @on(DataTable.RowHighlighted, "#people-table")
    def _row_highlighted(self) -> None:
        self._show_preview()

    @on(DataTable.RowSelected, "#people-table")
    def _row_selected(self) -> None:
        person_id = self.highlighted_person_id()
        if person_id is not None:
            self.app.push_screen(PersonScreen(person_id))

    def _show_preview(self) -> None:
        shown = self.query_one("#people-preview-text", Static)
        person = self.listed.get(self.highlighted_person_id() or -1)
        if person is None:
            shown.update(Content.styled(NO_MATCH_HINT if self.store.people() else EMPTY_HINT, "$text-muted italic"))
            return
        shown.update(person_preview(self.store, person, self.today))

    # -- search and filter ------------------------------------------------------------------

    @on(Input.Changed, "#people-search")
    def _search_changed(self) -> None:
        self.refresh_data()

    @on(Input.Submitted, "#people-search")
    def _search_done(self) -> None:
        self.table.focus()

    def action_search(self) -> None:
        self.query_one("#people-search", Input).focus()

    def action_cycle_relationship(self) -> None:
        index = RELATIONSHIP_FILTERS.index(self.relationship_filter)
        self.relationship_filter = RELATIONSHIP_FILTERS[(index + 1) % len(RELATIONSHIP_FILTERS)]
        self.refresh_data()

    def action_back(self) -> None:
        """Escape: from the search box back to the list; from the list, clear search and filter."""
        if self.focused is not self.table:
            self.table.focus()
        elif self.query_text() or self.relationship_filter != "all":
            self.relationship_filter = "all"
            with self.prevent(Input.Changed):
                self.query_one("#people-search", Input).value = ""
            self.refresh_data()

    # -- writing ----------------------------------------------------------------------------

    def action_new_person(self) -> None:
        added: list[int] = []

        def save(draft: PersonDraft) -> None:
            added.append(self.store.add_person(**draft.fields()))

        def done(draft: PersonDraft | None) -> None:
            if draft is None or not added:
                return
            if added[-1] not in [p.id for p in self.store.people(query=self.query_text() or None)]:
                # The new person would be hidden by the search: clear it so they show.
                with self.prevent(Input.Changed):
                    self.query_one("#people-search", Input).value = ""
            self.relationship_filter = "all"
            self.journal_app.tell(f"Added {draft.name}.")
            self.refresh_data(select=added[-1])
            self.table.focus()

        self.app.push_screen(PersonForm(save), done)

    def action_edit_person(self) -> None:
        person_id = self.highlighted_person_id()
        if person_id is not None:
            self.edit_person(person_id, lambda: self.refresh_data(select=person_id))

    def action_log_conversation(self) -> None:
        person_id = self.highlighted_person_id()
        if person_id is None:
            self.journal_app.tell("Add someone first: n adds a person.")
            return
        self.log_conversation(person_id, self.refresh_data)

    def action_trash_person(self) -> None:
        person_id = self.highlighted_person_id()
        if person_id is None:
            return
        person = self.listed[person_id]
        if self.attempt(self.store.trash_person, person_id):
            self.remember(f"deleting {person.name}", lambda: self._restore(person_id))
            self.journal_app.tell(f"Moved {person.name} (and their conversations) to the trash: u brings them back.")
            self.refresh_data()

    def _restore(self, person_id: int) -> None:
        self.store.restore_person(person_id)
        self.call_after_refresh(self.refresh_data, select=person_id)

    # -- from the command palette -----------------------------------------------------------

    def new_person(self) -> None:
        self.action_new_person()

    def new_conversation(self) -> None:
        self.log_conversation(None, self.refresh_data, choose_from=self.highlighted_person_id())
