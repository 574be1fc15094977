"""The people screen's forms: a person, and a conversation held with one.

Each form is a modal typed with its result. The caller hands it a ``save`` function that writes
to the store; the form calls it and closes only when it worked. A value the form or the store
refuses leaves the form open with everything typed still there, and says why on one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from goaljournal.core.dates import day_or_phrase, human_date
from goaljournal.core.models import (
    INTERACTION_KINDS,
    RELATIONSHIPS,
    Interaction,
    Person,
)
from goaljournal.core.words import follow_up_examples, past_examples
from goaljournal.store import JournalError
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput, SafeTextArea

# The store's rule for a follow-up typed without a date: due a week after the conversation.
DEFAULT_FOLLOW_UP_DAYS = 7

DraftType = TypeVar("DraftType")


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as "hr, @mentoring shrm": split on commas and spaces, the `@` optional."""
    names: dict[str, str] = {}
    for word in re.split(r"[,\s]+", text):
        name = word.lstrip("@")
        if name:
            names.setdefault(name.casefold(), name)  # the store ignores case too: the first spelling wins
    return tuple(names.values())


def form_row(label: str) -> Horizontal:
    """One line of a form: its label, then the field(s) composed inside the ``with``."""
    row = Horizontal(classes="form-row")
    row.compose_add_child(Label(Content(label), classes="form-label"))
    return row


class FormScreen(UnsavedTextGuard, ModalScreen[DraftType | None]):
    """What both forms share: ctrl+s saves, escape cancels (twice if something was typed), Enter in a one-line field moves on,
    and one line under the fields says what is wrong. Dismissed with the draft saved, or None."""

    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def compose_error(self) -> ComposeResult:
        yield Static(id="form-error", classes="form-error")
        yield Label(Content("tab / enter next field · ctrl+s save · escape cancel"), classes="form-hint")

    def refuse(self, message: str, field_id: str | None = None) -> None:
        """Say what is wrong, keep everything typed, and put the cursor where the fix goes."""
        self.query_one("#form-error", Static).update(Content.styled(message, "$text-error"))
        self.app.notify(message, severity="warning", markup=False)
        if field_id is not None:
            self.query_one(f"#{field_id}").focus()

    def write(self, save: Callable[[], object]) -> bool:
        try:
            save()
        except JournalError as err:
            self.refuse(str(err))
            return False
        return True

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()


# -- a person --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonDraft:
    name: str
    role: str = ""
    organisation: str = ""
    how_met: str = ""
    relationship: str = "contact"
    tags: tuple[str, ...] = ()
    notes: str = ""
    shared: bool = False  # people are private (left out of exports and reports) unless shared

    @classmethod
    def of(cls, person: Person) -> PersonDraft:
        return cls(
            person.name, person.role or "", person.organisation or "", person.how_met or "", person.relationship,
            tuple(person.tags), person.notes or "", not person.private,
        )  # fmt: skip

    def fields(self) -> dict[str, Any]:
        """The store's keyword arguments for this person."""
        return {
            "name": self.name, "role": self.role, "organisation": self.organisation, "how_met": self.how_met,
            "relationship": self.relationship, "tags": list(self.tags), "notes": self.notes, "private": not self.shared,
        }  # fmt: skip


class PersonForm(FormScreen[PersonDraft]):
    """Add or edit a person. Dismisses with the draft saved, or None."""

    def __init__(self, save: Callable[[PersonDraft], object], draft: PersonDraft | None = None) -> None:
        super().__init__()
        self.save = save
        self.draft = draft or PersonDraft("")
        self.editing = draft is not None

    def compose(self) -> ComposeResult:
        draft = self.draft
        with VerticalScroll(classes="people-dialog") as dialog:
            dialog.border_title = user_content(f"Edit {draft.name}", single_line=True, width=70) if self.editing else "New person"
            with form_row("Name"):
                yield SafeInput(draft.name, placeholder="e.g. Priya Raman", compact=True, id="person-name")
            with form_row("Role"):
                yield SafeInput(draft.role, placeholder="e.g. Head of People Analytics", compact=True, id="person-role")
            with form_row("Organisation"):
                yield SafeInput(draft.organisation, placeholder="e.g. Northwind Bank", compact=True, id="person-organisation")
            with form_row("How we met"):
                yield SafeInput(draft.how_met, placeholder="e.g. SHRM regional meetup in March", compact=True, id="person-how-met")
            with form_row("Relationship"):
                yield Select(
                    [(name, name) for name in RELATIONSHIPS], value=draft.relationship, allow_blank=False, compact=True,
                    id="person-relationship",
                )  # fmt: skip
            with form_row("Tags"):
                tags = " ".join(f"@{tag}" for tag in draft.tags)
                yield SafeInput(tags, placeholder="@hr @analytics (space or comma between; @ optional)", compact=True, id="person-tags")
            with form_row("Notes"):
                yield SafeTextArea(draft.notes, id="person-notes", soft_wrap=True, compact=True, classes="form-area")
            with form_row(""):
                yield Checkbox("Share in exports and reports (off: private)", draft.shared, compact=True, id="person-shared")
            yield from self.compose_error()

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def current(self) -> PersonDraft:
        def value(field_id: str) -> str:
            return self.query_one(f"#{field_id}", Input).value.strip()

        relationship = self.query_one("#person-relationship", Select).value
        return PersonDraft(
            name=value("person-name"), role=value("person-role"), organisation=value("person-organisation"),
            how_met=value("person-how-met"), relationship=relationship if isinstance(relationship, str) else "contact",
            tags=split_tags(value("person-tags")), notes=self.query_one("#person-notes", TextArea).text.strip(),
            shared=self.query_one("#person-shared", Checkbox).value,
        )  # fmt: skip

    def action_save(self) -> None:
        draft = self.current()
        if not draft.name:
            self.refuse("The name is empty: write it, or press escape to cancel.", "person-name")
            return
        if self.write(lambda: self.save(draft)):
            self.dismiss(draft)


# -- a conversation --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConversationDraft:
    person_id: int
    kind: str
    at: date
    notes: str = ""
    learned: str = ""
    outcome: str = ""
    follow_up: str = ""
    follow_up_due: date | None = None
    goal_ids: tuple[int, ...] = ()

    def fields(self) -> dict[str, Any]:
        """The store's keyword arguments for this conversation (all but the person)."""
        return {
            "kind": self.kind, "at": self.at, "notes": self.notes, "learned": self.learned, "outcome": self.outcome,
            "follow_up": self.follow_up, "follow_up_due": self.follow_up_due, "goal_ids": list(self.goal_ids),
        }  # fmt: skip


class ConversationForm(FormScreen[ConversationDraft]):
    """Log or edit a conversation. ``people`` (id, name) adds a "With" choice when the form is
    opened from outside a person's page. Dismisses with the draft saved, or None."""

    def __init__(
        self,
        save: Callable[[ConversationDraft], object],
        *,
        today: date,
        goals: Sequence[tuple[int, str]],
        person_id: int | None = None,
        person_name: str = "",
        people: Sequence[tuple[int, str]] = (),
        interaction: Interaction | None = None,
    ) -> None:
        super().__init__()
        self.save = save
        self.today = today
        self.goals = goals
        self.person_id = person_id
        self.person_name = person_name
        self.people = people
        self.interaction = interaction

    def compose(self) -> ComposeResult:
        old = self.interaction
        with VerticalScroll(classes="people-dialog") as dialog:
            title = f"Edit the {old.kind} of {old.at}" if old is not None else "Log a conversation"
            # A Content title: a plain string would be read as markup, and the name is the user's.
            dialog.border_title = user_content(f"{title} with {self.person_name}" if self.person_name else title, single_line=True, width=70)
            if self.person_id is None:
                with form_row("With"):
                    yield Select(
                        [(user_content(name, single_line=True, width=60), person_id) for person_id, name in self.people],
                        value=self.people[0][0] if self.people else Select.BLANK, allow_blank=not self.people,
                        compact=True, id="talk-person",
                    )  # fmt: skip
            with form_row("Kind"):
                yield Select(
                    [(kind, kind) for kind in INTERACTION_KINDS], value=old.kind if old else "coffee", allow_blank=False,
                    compact=True, id="talk-kind",
                )  # fmt: skip
            with form_row("When"):
                day = old.at if old else self.today.isoformat()
                yield SafeInput(day, placeholder=past_examples(self.today), compact=True, id="talk-at")
                yield Static(id="talk-at-shown", classes="form-shown")
            with form_row("Notes"):
                yield SafeTextArea(old.notes or "" if old else "", id="talk-notes", soft_wrap=True, compact=True, classes="form-area")
            with form_row("Learned"):
                learned = old.learned or "" if old else ""
                yield SafeTextArea(learned, id="talk-learned", soft_wrap=True, compact=True, classes="form-area")
            with form_row("Done about it"):
                outcome = old.outcome or "" if old else ""
                yield SafeInput(outcome, placeholder="what came of it, e.g. Rewrote the deck's first slide", compact=True, id="talk-outcome")
            with form_row("Follow-up"):
                follow_up = old.follow_up or "" if old else ""
                yield SafeInput(follow_up, placeholder="e.g. Send her the survey results", compact=True, id="talk-follow-up")
            with form_row("Follow up when"):
                when = old.follow_up_due or "" if old else ""
                yield SafeInput(when, placeholder=follow_up_examples(self.today), compact=True, id="talk-follow-up-when")
                yield Static(id="talk-due-shown", classes="form-shown")
            if self.goals:
                goals = SelectionList[int](
                    *(
                        Selection(user_content(title, single_line=True, width=70), goal_id, goal_id in (old.goal_ids if old else ()))
                        for goal_id, title in self.goals
                    ),
                    id="talk-goals",
                )
                goals.border_title = "Goals discussed (space picks)"
                yield goals
            yield from self.compose_error()

    def on_mount(self) -> None:
        first = "#talk-person" if self.person_id is None else "#talk-kind"
        self.query_one(first).focus()
        self._show_day()
        self._show_due()

    def _text(self, field_id: str) -> str:
        widget = self.query_one(f"#{field_id}")
        if isinstance(widget, TextArea):
            return widget.text.strip()
        return self.query_one(f"#{field_id}", Input).value.strip()

    def _day(self) -> date | None:
        return day_or_phrase(self._text("talk-at"), self.today)

    def _due(self) -> tuple[bool, date | None]:
        """Whether the follow-up's "when" reads, and the day it means (a week after the
        conversation when only the follow-up's text is given)."""
        text = self._text("talk-follow-up-when")
        if text:
            day = day_or_phrase(text, self.today)
            return day is not None, day
        day = self._day()
        if self._text("talk-follow-up") and day is not None:
            return True, day + timedelta(days=DEFAULT_FOLLOW_UP_DAYS)
        return True, None

    @on(Input.Changed, "#talk-at")
    def _show_day(self) -> None:
        day = self._day()
        shown = self.query_one("#talk-at-shown", Static)
        if day is None:
            shown.update(Content.styled(f"not a date I can read: try {past_examples(self.today)}", "$text-error"))
        else:
            shown.update(Content(f"→ {human_date(day, '%a %d %b %Y')}"))
        self._show_due()

    @on(Input.Changed, "#talk-follow-up, #talk-follow-up-when")
    def _show_due(self) -> None:
        ok, day = self._due()
        shown = self.query_one("#talk-due-shown", Static)
        if not ok:
            shown.update(Content.styled(f"not a date I can read: try {follow_up_examples(self.today)}", "$text-error"))
        elif day is None:
            shown.update(Content.styled("no follow-up", "$text-muted"))
        elif self._text("talk-follow-up-when"):
            shown.update(Content(f"→ {human_date(day, '%a %d %b %Y')}"))
        else:
            shown.update(Content(f"→ {human_date(day, '%a %d %b %Y')} (a week after)"))

    def current(self) -> ConversationDraft | None:
        """What the form holds, or None (after saying why) when a field cannot be read."""
        person_id = self.person_id
        if person_id is None:
            chosen = self.query_one("#talk-person", Select).value
            if not isinstance(chosen, int):
                self.refuse("Choose who the conversation was with (add people on the People screen, p).", "talk-person")
                return None
            person_id = chosen
        day = self._day()
        if day is None:
            self.refuse(f"'{self._text('talk-at')}' is not a date I can read: try {past_examples(self.today)}.", "talk-at")
            return None
        ok, due = self._due()
        if not ok:
            phrase = self._text("talk-follow-up-when")
            self.refuse(f"'{phrase}' is not a date I can read: try {follow_up_examples(self.today)}.", "talk-follow-up-when")
            return None
        kind = self.query_one("#talk-kind", Select).value
        goal_ids = tuple(self.query_one("#talk-goals", SelectionList).selected) if self.goals else ()
        return ConversationDraft(
            person_id=person_id, kind=kind if isinstance(kind, str) else "coffee", at=day, notes=self._text("talk-notes"),
            learned=self._text("talk-learned"), outcome=self._text("talk-outcome"), follow_up=self._text("talk-follow-up"),
            follow_up_due=due, goal_ids=goal_ids,
        )  # fmt: skip

    def action_save(self) -> None:
        draft = self.current()
        if draft is not None and self.write(lambda: self.save(draft)):
            self.dismiss(draft)
