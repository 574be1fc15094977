"""What the two People screens (the list, a person's page) share: the person and conversation
forms opened from either, a table's highlighted row, and what the command palette asks of them."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from goaljournal.core.dates import human_date
from goaljournal.ui.people.forms import (
    ConversationDraft,
    ConversationForm,
    PersonDraft,
    PersonForm,
)
from goaljournal.ui.shared.screen import JournalScreen


class FittedTable(DataTable[Text]):
    """A table whose columns are fitted to its width: it says when that width changes (the
    screen's own resize comes before its panes are laid out again, too early to measure)."""

    class Resized(Message):
        pass

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())

    def room(self, rows: int) -> int:
        """The cells the columns of ``rows`` rows can have: the width (before the first layout, the
        screen's), less the scrollbar when the rows will not all show."""
        width = self.size.width or self.app.size.width
        scrolls = not self.size.height or rows + self.header_height > self.size.height
        return width - (self.styles.scrollbar_size_vertical if scrolls else 0)


def row_id(table: DataTable[Text]) -> int | None:
    """The id keying the highlighted row, None for an empty table."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return int(key) if key is not None else None


def place_cursor(table: DataTable[Text], row: int, select: int | None) -> None:
    """After refilling ``table``: on the row keyed ``select`` if it is listed, else on ``row``
    (the place the cursor had: a row filtered out or deleted leaves its neighbour highlighted)."""
    if not table.row_count:
        return
    if select is not None:
        try:
            row = table.get_row_index(str(select))
        except RowDoesNotExist:
            pass
    table.move_cursor(row=max(0, min(row, table.row_count - 1)))


class PeoplePage(JournalScreen[None]):
    """A screen of the People mode. The app's "New person" and "Log a conversation" commands
    switch to the mode and call :meth:`new_person` or :meth:`new_conversation` on the page on top."""

    def new_person(self) -> None:
        """The form for someone new, shown over the list."""
        raise NotImplementedError

    def new_conversation(self) -> None:
        """The conversation form: with this page's person, else asking who with."""
        raise NotImplementedError

    def goal_choices(self, keep: tuple[int, ...] = ()) -> list[tuple[int, str]]:
        """Goals a conversation can have discussed: the active ones, and any it names already."""
        return [(goal.id, goal.title) for goal in self.store.goals() if goal.status == "active" or goal.id in keep]

    def edit_person(self, person_id: int, then: Callable[[], None]) -> None:
        """The person form for ``person_id``; ``then`` runs once the edit is saved (`u` undoes it)."""
        person = self.outcome(self.store.get_person, person_id)
        if person is None:
            return
        before = PersonDraft.of(person).fields()

        def save(draft: PersonDraft) -> None:
            self.store.update_person(person_id, **draft.fields())

        def done(draft: PersonDraft | None) -> None:
            if draft is not None:
                self.remember(f"the edit of {person.name}", lambda: self.store.update_person(person_id, **before))
                self.journal_app.tell(f"Saved {draft.name}.")
                then()

        self.app.push_screen(PersonForm(save, PersonDraft.of(person)), done)

    def log_conversation(self, person_id: int | None, then: Callable[[], None], *, choose_from: int | None = None) -> None:
        """The conversation form for ``person_id``; with None, the form asks who it was with
        (``choose_from`` offered first). ``then`` runs once the conversation is logged."""
        people: list[tuple[int, str]] = []
        name = ""
        if person_id is None:
            listed = self.store.people()
            if not listed:
                self.journal_app.tell("Add someone first: n on the People screen (p) adds a person.")
                return
            people = [(p.id, p.name) for p in listed]
            people.sort(key=lambda pair: pair[0] != choose_from)  # stable: the rest stay by name
        else:
            found = self.outcome(self.store.get_person, person_id)
            if found is None:
                return
            name = found.name

        def save(draft: ConversationDraft) -> None:
            self.store.add_interaction(draft.person_id, **draft.fields())

        def done(draft: ConversationDraft | None) -> None:
            if draft is not None:
                due = f"; follow up by {human_date(draft.follow_up_due, '%a %d %b')}" if draft.follow_up_due else ""
                self.journal_app.tell(f"Logged the {draft.kind} of {human_date(draft.at, '%d %b')}{due}.")
                then()

        form = ConversationForm(
            save, today=self.today, goals=self.goal_choices(), person_id=person_id, person_name=name, people=people
        )
        self.app.push_screen(form, done)
