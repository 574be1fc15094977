"""A person's page: who they are, every conversation held with them, their follow-ups, and, for
a mentor, the goals discussed and what came of the advice."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from goaljournal.core.dates import human_day
from goaljournal.core.models import Interaction, Person
from goaljournal.store import JournalError
from goaljournal.ui import nav
from goaljournal.ui.people.forms import ConversationDraft, ConversationForm
from goaljournal.ui.people.page import FittedTable, PeoplePage, place_cursor, row_id
from goaljournal.ui.people.render import (
    Column,
    conversation_panel,
    fit_columns,
    follow_up_state,
    person_about,
)
from goaljournal.ui.shared.text import user_cell, user_content
from goaljournal.ui.shared.widgets.footer import KeyBar


class ConversationTable(FittedTable):
    """A person's conversations, newest first; Enter edits the highlighted one."""

    BINDINGS = [Binding("enter", "select_cursor", "Edit", show=False)]


class PersonScreen(PeoplePage):
    """One person: who they are, every conversation, follow-ups, and what came of the advice."""

    SCREEN_NAME = "Person"
    CSS_PATH = "people.tcss"
    # Under 110 columns the about panel goes above the conversations, which get the whole width.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("c,n", "log_conversation", "Log talk"),
        Binding("escape", "back", "Back"),
        Binding("e", "edit_conversation", "Edit"),
        Binding("x,space", "toggle_follow_up", "Follow-up"),
        Binding("E", "edit_person", "Person"),
        Binding("F", "file_feedback", "Feedback"),
        Binding("d,delete", "trash_conversation", "Delete"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.person: Person | None = None
        self.talks: dict[int, Interaction] = {}
        self._fitted_width = 0  # the table's width its columns were last fitted to

    @property
    def undo_owner(self) -> str:
        return f"person-{self.person_id}"

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="person-main"):
            with VerticalScroll(id="person-about", classes="panel") as about:
                about.border_title = "About"
                yield Static(id="person-about-text")
            with Vertical(id="person-talks"):
                table = ConversationTable(id="conversations", cursor_type="row", zebra_stripes=True, classes="panel")
                table.border_title = "Conversations"
                yield table
                with VerticalScroll(id="conversation-detail", classes="panel") as detail:
                    detail.border_title = "Conversation"
                    yield Static(id="conversation-text")
        yield KeyBar()

    @property
    def table(self) -> ConversationTable:
        return self.query_one(ConversationTable)

    def on_mount(self) -> None:
        super().on_mount()
        self.table.focus()

    def title_status(self) -> str:
        return f"{len(self.talks)} conversation{'s' if len(self.talks) != 1 else ''}"

    def refresh_data(self, *, select: int | None = None) -> None:
        try:
            self.person = person = self.store.get_person(self.person_id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            self.action_back()
            return
        if person.deleted_at is not None:
            self.journal_app.tell(f"{person.name} is in the trash.", severity="warning")
        talks = self.store.interactions(self.person_id)
        self.talks = {talk.id: talk for talk in talks}
        table = self.table
        selected = table.cursor_row
        if select is None:
            select = self.highlighted_id()
        rows = []
        for talk in talks:
            state, style = follow_up_state(talk, self.today)
            rows.append((Text(human_day(talk.at)), Text(talk.kind), talk.notes or talk.learned or "", Text(state, style=self.themed(style))))
        self._fitted_width = table.size.width
        widths = fit_columns(table.room(len(talks)), [
            Column("date", 11, 11), Column("notes", max([5, *(len(row[2]) for row in rows)]), 12),
            Column("kind", max([4, *(row[1].cell_len for row in rows)]), 8), Column("follow-up", max([9, *(row[3].cell_len for row in rows)]), 9),
        ], grow=("kind", "follow-up", "notes"))  # fmt: skip
        table.clear(columns=True)
        for key, heading in (("date", "Date"), ("kind", "Kind"), ("notes", "Notes"), ("follow-up", "Follow-up")):
            if key in widths:
                table.add_column(heading, width=widths[key], key=key)
        for talk, (day, kind, notes, state) in zip(talks, rows, strict=True):
            cells = {"date": day, "kind": kind, "notes": user_cell(notes, width=widths.get("notes")), "follow-up": state}
            table.add_row(*(cells[key] for key in ("date", "kind", "notes", "follow-up") if key in widths), key=str(talk.id))
        place_cursor(table, selected, select)
        about = self.query_one("#person-about", VerticalScroll)
        about.border_title = user_content(person.name, single_line=True, width=40)
        # The panel's text width (its size is inside its border and padding), less its scrollbar
        # when the text is longer than the panel.
        width = about.size.width or self.app.size.width // 2
        text = person_about(self.store, person, talks, self.today, width)
        if len(text.plain.splitlines()) > about.size.height:
            text = person_about(self.store, person, talks, self.today, width - about.styles.scrollbar_size_vertical)
        self.query_one("#person-about-text", Static).update(text)
        super().refresh_data()
        self._show_conversation()

    def highlighted_id(self) -> int | None:
        # A key can reach the screen before its table is mounted (a burst typed as it opens).
        table = next(iter(self.query(ConversationTable)), None)
        return row_id(table) if table is not None else None

    def highlighted(self) -> Interaction | None:
        talk_id = self.highlighted_id()
        return self.talks.get(talk_id) if talk_id is not None else None

    @on(FittedTable.Resized)
    def _refit(self) -> None:
        if self.is_mounted and self.table.size.width != self._fitted_width:
            self.refresh_data()

    @on(DataTable.RowHighlighted, "#conversations")
    def _row_highlighted(self) -> None:
        self._show_conversation()

    @on(DataTable.RowSelected, "#conversations")
    def _row_selected(self) -> None:
        self.action_edit_conversation()

    def _show_conversation(self) -> None:
        self.query_one("#conversation-text", Static).update(conversation_panel(self.store, self.highlighted(), self.today))

    # -- from the command palette -----------------------------------------------------------

    def new_person(self) -> None:
        # Someone new is added on the list: back to it, and ask again there.
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
            self.app.post_message(nav.NewPerson())

    def new_conversation(self) -> None:
        self.action_log_conversation()

    # -- keys -------------------------------------------------------------------------------

    def action_back(self) -> None:
        # Only ever this page: a pop asked for late (keys typed ahead) must not close a dialog
        # or the command palette opened over it meanwhile.
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_edit_person(self) -> None:
        self.edit_person(self.person_id, self.refresh_data)

    def action_log_conversation(self) -> None:
        def then() -> None:
            self.refresh_data()
            self.table.move_cursor(row=0)  # the newest, which is usually the one just logged

        self.log_conversation(self.person_id, then)

    def action_edit_conversation(self) -> None:
        talk = self.highlighted()
        if talk is None:
            return

        def save(draft: ConversationDraft) -> None:
            self.store.update_interaction(talk.id, **draft.fields())

        def done(draft: ConversationDraft | None) -> None:
            if draft is not None:
                self.remember(f"the edit of the {talk.kind} of {human_day(talk.at)}",
                              lambda: self.store.update_interaction(talk.id, **talk_fields(talk)))  # fmt: skip
                self.journal_app.tell("Conversation saved.")
                self.refresh_data(select=talk.id)

        form = ConversationForm(
            save, today=self.today, goals=self.goal_choices(tuple(talk.goal_ids)), person_id=self.person_id,
            person_name=self.person.name if self.person else "", interaction=talk,
        )  # fmt: skip
        self.app.push_screen(form, done)

    def action_toggle_follow_up(self) -> None:
        talk = self.highlighted()
        if talk is None:
            return
        if not talk.follow_up_due:
            self.journal_app.tell("This conversation has no follow-up: e adds one.")
            return
        done_on = None if talk.follow_up_done else self.today
        if self.attempt(self.store.set_follow_up_done, talk.id, done_on):
            before = talk.follow_up_done
            self.remember("the follow-up done" if done_on else "the follow-up opened again",
                          lambda: self.store.set_follow_up_done(talk.id, before))  # fmt: skip
            self.journal_app.tell("Follow-up done." if done_on else "Follow-up open again.")
            self.refresh_data(select=talk.id)

    def action_file_feedback(self) -> None:
        talk = self.highlighted()
        if talk is None:
            return
        already = talk.assessment_item_id is not None
        try:
            assessment_id, _ = self.store.file_feedback(talk.id)
            session = self.store.get_assessment(assessment_id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            return
        state = "finished" if session.completed_at else "in progress"
        verb = "Already filed" if already else "Filed as feedback"
        self.journal_app.tell(f"{verb} in the self-assessment of {human_day(session.at[:10])} ({state}).")
        self.refresh_data(select=talk.id)

    def action_trash_conversation(self) -> None:
        talk = self.highlighted()
        if talk is None:
            return
        if self.attempt(self.store.trash_interaction, talk.id):
            self.remember(f"deleting the {talk.kind} of {human_day(talk.at)}", lambda: self._restore(talk.id))
            self.journal_app.tell(f"Moved the {talk.kind} of {human_day(talk.at)} to the trash: u brings it back.")
            self.refresh_data()

    def _restore(self, talk_id: int) -> None:
        self.store.restore_interaction(talk_id)
        self.call_after_refresh(self.refresh_data, select=talk_id)


def talk_fields(talk: Interaction) -> dict[str, Any]:
    """A conversation's fields as the edit form writes them: what undoing an edit puts back."""
    names = ("kind", "at", "notes", "learned", "outcome", "follow_up", "follow_up_due")
    fields: dict[str, Any] = {name: getattr(talk, name) for name in names}
    return {**fields, "goal_ids": list(talk.goal_ids)}
