"""People: the list (search, relationship filter), a person's page with the conversations held
with them, their follow-ups, and, for a mentor, the goals discussed and what came of the advice.

A list of people is small (dozens, a few hundred), so a DataTable holds it whole.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Input, Static
from textual.widgets.data_table import RowDoesNotExist

from goaljournal.core.dates import human_date
from goaljournal.core.models import RELATIONSHIPS, Goal, Interaction, Person
from goaljournal.core.progress import progress_fraction
from goaljournal.store import JournalError
from goaljournal.ui.people.forms import (
    ConversationDraft,
    ConversationForm,
    PersonDraft,
    PersonForm,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import (
    compose_line,
    progress_bar,
    user_cell,
    user_content,
)
from goaljournal.ui.shared.widgets.safe_text import SafeInput

RELATIONSHIP_FILTERS = ("all", *RELATIONSHIPS)
RELATIONSHIP_STYLES = {"mentor": "bold $accent", "manager": "$warning", "mentee": "$success", "peer": "", "contact": "$text-muted"}
EMPTY_HINT = "No people yet — press n to add someone you met."
NO_MATCH_HINT = "No one matches: escape clears the search, f changes the relationship filter."


def _day(text: str) -> str:
    return human_date(date.fromisoformat(text))


def how_long_ago(day: str, today: date) -> str:
    """A past day said the way people say it: today, yesterday, 5 days ago, 3 weeks ago…"""
    days = (today - date.fromisoformat(day)).days
    if days < 0:
        return "tomorrow" if days == -1 else f"in {-days} days"
    if days < 2:
        return ("today", "yesterday")[days]
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return f"{years} year{'s' if years > 1 else ''} ago"


def theme_style(app: App[object], style: str) -> str:
    """A theme variable ($error) as a colour a rich Text cell understands."""
    if not style.startswith("$"):
        return style
    return app.theme_variables.get(style[1:], "")


def follow_up_state(interaction: Interaction, today: date) -> tuple[str, str]:
    """A follow-up's state and its style: done on …, due in N days, due today, overdue by N days."""
    if not interaction.follow_up_due:
        return "", ""
    if interaction.follow_up_done:
        return f"done {_day(interaction.follow_up_done)}", "$success"
    days = (date.fromisoformat(interaction.follow_up_due) - today).days
    if days < 0:
        return f"overdue by {-days} day{'s' if days < -1 else ''}", "$error"
    if days == 0:
        return "due today", "$warning"
    return f"due in {days} day{'s' if days > 1 else ''}", "$text-muted"


def role_line(person: Person) -> str:
    return " · ".join(part for part in (person.role, person.organisation) if part)


class PeopleTable(DataTable[Text]):
    """The people list; Enter opens the highlighted person's page."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", show=True)]


class PeopleScreen(JournalScreen):
    SCREEN_NAME = "People"
    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("f", "cycle_relationship", "Relationship"),
        Binding("n", "new_person", "New"),
        Binding("e", "edit_person", "Edit"),
        Binding("c", "log_conversation", "Log talk"),
        Binding("d,delete", "trash_person", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.relationship_filter = "all"
        self.listed: dict[int, Person] = {}

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield SafeInput(placeholder="/ Search people: name, role, organisation, how we met, notes, @tags", id="people-search", select_on_focus=True)
        with Vertical(id="people-main"):
            yield Static(id="people-empty")
            table = PeopleTable(id="people-table", cursor_type="row", zebra_stripes=True)
            yield table
            with VerticalScroll(id="people-preview", classes="panel") as preview:
                preview.border_title = "Person"
                yield Static(id="people-preview-text")
        yield Footer()

    @property
    def table(self) -> PeopleTable:
        return self.query_one(PeopleTable)

    def on_mount(self) -> None:
        self.table.add_columns("Name", "Relationship", "Role · organisation", "Tags", "Last conversation", "Follow-ups")
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
        overdue = Counter(talk.person_id for talk in self.store.follow_ups_due(self.today) if talk.follow_up_due < self.today.isoformat())
        table.clear()
        # The name and role columns share what the fixed ones leave (about 80 cells with padding),
        # so the table fits its width without a horizontal scrollbar.
        room = max(30, (table.size.width or 110) - 80)
        for person in people:
            follow_ups = Text("")
            if person.open_follow_ups:
                late = overdue.get(person.id, 0)
                more = person.open_follow_ups - late
                words = f"{late} overdue" + (f", {more} open" if more else "") if late else f"{more} open"
                follow_ups = Text(words, style=theme_style(self.app, "$error" if late else "$warning"))
            last = Text(f"{_day(person.last_met)} · {how_long_ago(person.last_met, self.today)}") if person.last_met else Text("never", style="dim")
            table.add_row(
                user_cell(person.name, style="bold", width=room // 2),
                Text(person.relationship),
                user_cell(role_line(person), width=room - room // 2),
                user_cell(" ".join(f"@{tag}" for tag in person.tags), width=14),
                last,
                follow_ups,
                key=str(person.id),
            )
        if table.row_count:
            row = selected
            if select is not None:
                try:
                    row = table.get_row_index(str(select))
                except RowDoesNotExist:  # filtered out or deleted: keep the place
                    row = selected
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))
        empty = self.query_one("#people-empty", Static)
        empty.display = not people
        searching = bool(self.query_text()) or relationship is not None
        empty.update(Content.styled(NO_MATCH_HINT if searching else EMPTY_HINT, "$text-muted italic"))
        super().refresh_data()
        self._show_preview()

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_data()

    def highlighted_person_id(self) -> int | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

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
        lines = person_summary(person, self.today)
        latest = self.store.interactions(person.id, limit=1)
        if latest:
            talk = latest[0]
            lines.append(compose_line(("Last: ", "$text-muted"), f"{_day(talk.at)} {talk.kind}  ",
                                      user_content(talk.notes or talk.learned or "", single_line=True, width=90)))  # fmt: skip
        shown.update(Content("\n").join(lines))

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
            added.append(self.store.add_person(**draft.fields()))  # type: ignore[arg-type]

        def done(draft: object) -> None:
            if draft is None or not added:
                return
            if added[-1] not in [p.id for p in self.store.people(query=self.query_text() or None)]:
                # The new person would be hidden by the search: clear it so they show.
                with self.prevent(Input.Changed):
                    self.query_one("#people-search", Input).value = ""
            self.relationship_filter = "all"
            self.journal_app.tell(f"Added {draft.name}.")  # type: ignore[attr-defined]
            self.refresh_data(select=added[-1])
            self.table.focus()

        self.app.push_screen(PersonForm(save), done)

    def action_edit_person(self) -> None:
        person_id = self.highlighted_person_id()
        if person_id is not None:
            edit_person(self, person_id, lambda: self.refresh_data(select=person_id))

    def action_log_conversation(self) -> None:
        person_id = self.highlighted_person_id()
        if person_id is None:
            self.journal_app.tell("Add someone first: n adds a person.")
            return
        log_conversation(self, person_id, self.refresh_data)

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


def person_summary(person: Person, today: date) -> list[Content]:
    """Who a person is, in a few lines: name, relationship, role, how we met, tags, notes."""
    lines = [
        compose_line((person.name, "bold"), "  ", (person.relationship, RELATIONSHIP_STYLES.get(person.relationship, ""))),
    ]
    if role_line(person):
        lines.append(user_content(role_line(person), single_line=True))
    if person.how_met:
        lines.append(compose_line(("Met: ", "$text-muted"), user_content(person.how_met, single_line=True)))
    if person.tags:
        lines.append(user_content(" ".join(f"@{tag}" for tag in person.tags), style="$accent", single_line=True))
    talks = f"{person.interaction_count} conversation{'s' if person.interaction_count != 1 else ''}"
    if person.first_met and person.last_met:
        talks += f" · first {_day(person.first_met)} · last {_day(person.last_met)} ({how_long_ago(person.last_met, today)})"
    if person.open_follow_ups:
        talks += f" · {person.open_follow_ups} follow-up{'s' if person.open_follow_ups > 1 else ''} open"
    lines.append(Content.styled(talks, "$text-muted"))
    lines.append(
        Content.styled("Private: left out of exports and reports", "$text-muted")
        if person.private
        else Content.styled("Shared in exports and reports", "$warning")
    )
    if person.notes:
        lines += [Content(""), user_content(person.notes)]
    return lines


# -- shared by the list and the person page --------------------------------------------------


def edit_person(screen: JournalScreen, person_id: int, then: object) -> None:
    try:
        person = screen.store.get_person(person_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return

    def save(draft: PersonDraft) -> None:
        screen.store.update_person(person_id, **draft.fields())

    def done(draft: object) -> None:
        if draft is not None:
            screen.journal_app.tell(f"Saved {draft.name}.")  # type: ignore[attr-defined]
            then()  # type: ignore[operator]

    def done_and_remember(draft: object) -> None:
        if draft is not None:
            before = PersonDraft.of(person).fields()
            screen.remember(f"the edit of {person.name}", lambda: screen.store.update_person(person_id, **before))
        done(draft)

    screen.app.push_screen(PersonForm(save, PersonDraft.of(person)), done_and_remember)


def goal_choices(screen: JournalScreen, keep: tuple[int, ...] = ()) -> list[tuple[int, str]]:
    """Goals a conversation can have discussed: the active ones, and any it names already."""
    goals = [goal for goal in screen.store.goals() if goal.status == "active" or goal.id in keep]
    return [(goal.id, goal.title) for goal in goals]


def log_conversation(screen: JournalScreen, person_id: int | None, then: object, *, choose_from: int | None = None) -> None:
    """The conversation form for ``person_id``; with None, the form asks who it was with
    (``choose_from`` chosen first)."""
    people: list[tuple[int, str]] = []
    name = ""
    if person_id is None:
        listed = screen.store.people()
        if not listed:
            screen.journal_app.tell("Add someone first: n on the People screen (p) adds a person.")
            return
        people = [(p.id, p.name) for p in listed]
        people.sort(key=lambda pair: pair[0] != choose_from)  # stable: the rest stay by name
    else:
        try:
            name = screen.store.get_person(person_id).name
        except JournalError as err:
            screen.journal_app.tell(str(err), severity="error")
            return

    def save(draft: ConversationDraft) -> None:
        screen.store.add_interaction(draft.person_id, **draft.fields())  # type: ignore[arg-type]

    def done(draft: object) -> None:
        if isinstance(draft, ConversationDraft):
            due = f"; follow up by {human_date(draft.follow_up_due, '%a %d %b')}" if draft.follow_up_due else ""
            screen.journal_app.tell(f"Logged the {draft.kind} of {human_date(draft.at, '%d %b')}{due}.")
            then()  # type: ignore[operator]

    form = ConversationForm(
        save, today=screen.today, goals=goal_choices(screen), person_id=person_id, person_name=name, people=people
    )
    screen.app.push_screen(form, done)


# -- a person's page -------------------------------------------------------------------------


class ConversationTable(DataTable[Text]):
    """A person's conversations, newest first; Enter edits the highlighted one."""

    BINDINGS = [Binding("enter", "select_cursor", "Edit", show=False)]


class PersonScreen(JournalScreen):
    """One person: who they are, every conversation, follow-ups, and what came of the advice."""

    SCREEN_NAME = "Person"
    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("c,n", "log_conversation", "Log talk"),
        Binding("e", "edit_conversation", "Edit"),
        Binding("x,space", "toggle_follow_up", "Follow-up"),
        Binding("F", "file_feedback", "Feedback"),
        Binding("d,delete", "trash_conversation", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("E", "edit_person", "Person"),
    ]

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.person: Person | None = None
        self.talks: dict[int, Interaction] = {}

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
        yield Footer()

    @property
    def table(self) -> ConversationTable:
        return self.query_one(ConversationTable)

    def on_mount(self) -> None:
        self.table.add_columns("Date", "Kind", "Notes", "Follow-up")
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
        table.clear()
        room = max(20, (table.size.width or 70) - 44)
        for talk in talks:
            state, style = follow_up_state(talk, self.today)
            table.add_row(
                Text(_day(talk.at)), Text(talk.kind), user_cell(talk.notes or talk.learned or "", width=room),
                Text(state, style=theme_style(self.app, style)), key=str(talk.id),
            )  # fmt: skip
        if table.row_count:
            row = selected
            if select is not None:
                try:
                    row = table.get_row_index(str(select))
                except RowDoesNotExist:
                    row = selected
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))
        about = self.query_one("#person-about", VerticalScroll)
        about.border_title = user_content(person.name, single_line=True, width=40)
        self.query_one("#person-about-text", Static).update(Content("\n").join(self._about(person, talks)))
        super().refresh_data()
        self._show_conversation()

    def _about(self, person: Person, talks: list[Interaction]) -> list[Content]:
        lines = person_summary(person, self.today)
        mentor = person.relationship == "mentor"
        discussed = Counter(goal_id for talk in talks for goal_id in talk.goal_ids)
        if discussed:
            last_discussed: dict[int, str] = {}
            for talk in talks:  # newest first: the first seen is the latest
                for goal_id in talk.goal_ids:
                    last_discussed.setdefault(goal_id, talk.at)
            lines += [Content(""), Content.styled("Goals discussed with your mentor" if mentor else "Goals discussed", "bold")]
            for goal_id, times in discussed.most_common():
                goal = self._goal(goal_id)
                if goal is None:
                    continue
                fraction = progress_fraction(goal)
                bar = f"{progress_bar(fraction, 8)} {fraction:4.0%}" if fraction is not None else " " * 13
                state = "" if goal.status == "active" else f" · {goal.status}"
                lines.append(compose_line("  ", (bar, "$accent"), " ", user_content(goal.title, single_line=True, width=60)))
                lines.append(Content.styled(f"    discussed {times}× · last {_day(last_discussed[goal_id])}{state}", "$text-muted"))
        advised = [talk for talk in talks if talk.learned]
        if advised:
            lines += [Content(""), Content.styled("Advice and what came of it" if mentor else "What I learned and what came of it", "bold")]
            for talk in advised:
                lines.append(compose_line((f"  {_day(talk.at)} ", "$text-muted"), user_content(talk.learned or "", single_line=True, width=80)))
                lines.append(self._came_of_it(talk))
        return lines

    def _came_of_it(self, talk: Interaction) -> Content:
        if talk.outcome:
            return compose_line(("    → done: ", "$success"), user_content(talk.outcome, single_line=True, width=76))
        if talk.follow_up:
            state, style = follow_up_state(talk, self.today)
            return compose_line(("    → ", "$text-muted"), user_content(talk.follow_up, single_line=True, width=60), "  ", (state, style))
        return Content.styled("    → nothing recorded yet: e adds what was done about it", "$text-muted italic")

    def _goal(self, goal_id: int) -> Goal | None:
        try:
            goal = self.store.get_goal(goal_id)
        except JournalError:
            return None
        return goal if goal.deleted_at is None else None

    def highlighted_id(self) -> int | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def highlighted(self) -> Interaction | None:
        talk_id = self.highlighted_id()
        return self.talks.get(talk_id) if talk_id is not None else None

    @on(DataTable.RowHighlighted, "#conversations")
    def _row_highlighted(self) -> None:
        self._show_conversation()

    @on(DataTable.RowSelected, "#conversations")
    def _row_selected(self) -> None:
        self.action_edit_conversation()

    def _show_conversation(self) -> None:
        shown = self.query_one("#conversation-text", Static)
        talk = self.highlighted()
        if talk is None:
            shown.update(Content.styled("No conversations yet: c logs one (a coffee, a meeting, an event, a call…).", "$text-muted italic"))
            return
        lines = [Content.assemble((human_date(date.fromisoformat(talk.at), '%a %d %b %Y'), "bold"), f" · {talk.kind} · ",
                                  (how_long_ago(talk.at, self.today), "$text-muted"))]  # fmt: skip
        if talk.notes:
            lines.append(user_content(talk.notes))
        if talk.learned:
            lines.append(compose_line(("Learned: ", "$accent"), user_content(talk.learned)))
        if talk.outcome:
            lines.append(compose_line(("Done about it: ", "$success"), user_content(talk.outcome)))
        if talk.follow_up_due:
            state, style = follow_up_state(talk, self.today)
            lines.append(compose_line(("Follow-up: ", "$accent"), user_content(talk.follow_up or "", single_line=True, width=60),
                                      f" · by {_day(talk.follow_up_due)} · ", (state, style)))  # fmt: skip
        titles = [goal.title for goal in (self._goal(goal_id) for goal_id in talk.goal_ids) if goal is not None]
        if titles:
            lines.append(compose_line(("Goals: ", "$text-muted"), user_content("; ".join(titles), single_line=True, width=100)))
        if talk.assessment_item_id is not None:
            lines.append(Content.styled("Filed as feedback in the self-assessment", "$text-muted"))
        shown.update(Content("\n").join(lines))

    # -- keys -------------------------------------------------------------------------------

    def action_back(self) -> None:
        # Only ever this page: a pop asked for late (keys typed ahead) must not close a dialog
        # or the command palette opened over it meanwhile.
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_edit_person(self) -> None:
        edit_person(self, self.person_id, self.refresh_data)

    def action_log_conversation(self) -> None:
        def then() -> None:
            self.refresh_data()
            self.table.move_cursor(row=0)  # the newest, which is usually the one just logged

        log_conversation(self, self.person_id, then)

    def action_edit_conversation(self) -> None:
        talk = self.highlighted()
        if talk is None:
            return

        def save(draft: ConversationDraft) -> None:
            self.store.update_interaction(talk.id, **draft.fields())  # type: ignore[arg-type]

        def done(draft: object) -> None:
            if draft is not None:
                self.remember(f"the edit of the {talk.kind} of {_day(talk.at)}",
                              lambda: self.store.update_interaction(talk.id, **_talk_fields(talk)))  # fmt: skip
                self.journal_app.tell("Conversation saved.")
                self.refresh_data(select=talk.id)

        form = ConversationForm(
            save, today=self.today, goals=goal_choices(self, tuple(talk.goal_ids)), person_id=self.person_id,
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
        self.journal_app.tell(f"{verb} in the self-assessment of {_day(session.at[:10])} ({state}).")
        self.refresh_data(select=talk.id)

    def action_trash_conversation(self) -> None:
        talk = self.highlighted()
        if talk is None:
            return
        if self.attempt(self.store.trash_interaction, talk.id):
            self.remember(f"deleting the {talk.kind} of {_day(talk.at)}", lambda: self._restore(talk.id))
            self.journal_app.tell(f"Moved the {talk.kind} of {_day(talk.at)} to the trash: u brings it back.")
            self.refresh_data()

    def _restore(self, talk_id: int) -> None:
        self.store.restore_interaction(talk_id)
        self.call_after_refresh(self.refresh_data, select=talk_id)


def _talk_fields(talk: Interaction) -> dict[str, object]:
    """A conversation's fields as the edit form writes them: what undoing an edit puts back."""
    names = ("kind", "at", "notes", "learned", "outcome", "follow_up", "follow_up_due")
    fields: dict[str, object] = {name: getattr(talk, name) for name in names}
    return {**fields, "goal_ids": list(talk.goal_ids)}


# -- from the command palette ----------------------------------------------------------------


def _people_mode(app: App[object], then: object) -> None:
    """Switch to the People screen, then run ``then(screen)`` on whichever people screen is on top."""
    if not isinstance(app.screen, JournalScreen):
        # A form, the help or another palette is open (keys typed ahead can open one before this
        # command runs): switching modes under it would strand it.
        return
    app.switch_mode("people")
    app.call_after_refresh(lambda: then(app.screen))  # type: ignore[operator]


def new_person(app: App[object]) -> None:
    def run(screen: object) -> None:
        if isinstance(screen, PersonScreen):
            screen.action_back()
            app.call_after_refresh(lambda: run(app.screen))
        elif isinstance(screen, PeopleScreen):
            screen.action_new_person()

    _people_mode(app, run)


def new_conversation(app: App[object]) -> None:
    """With someone's page open: a conversation with them; else the form asks who with."""
    def run(screen: object) -> None:
        if isinstance(screen, PersonScreen):
            screen.action_log_conversation()
        elif isinstance(screen, PeopleScreen):
            log_conversation(screen, None, screen.refresh_data, choose_from=screen.highlighted_person_id())

    _people_mode(app, run)
