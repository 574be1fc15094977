"""Typed text is never thrown away by one key: every form and dialog of the app, opened by its
keys at 80x24, keeps what was typed on one `escape` and says so; a second `escape` discards it;
a form left untouched closes on one `escape`.

To cover a new form, add a ``Form`` to FORMS: the keys that open it from Today (or a function
that does), the screen class it is, and the keys that reach a text field inside it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from textual import events
from textual.screen import Screen
from textual.widgets import Input, TextArea

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.assess.forms import FieldForm
from goaljournal.ui.goals.checkins import CheckinForm
from goaljournal.ui.goals.dialogs import StatusDialog
from goaljournal.ui.goals.draft import GoalDraftScreen
from goaljournal.ui.goals.milestones import MilestoneDialog
from goaljournal.ui.shared.reason import ReasonDialog
from goaljournal.ui.people.forms import ConversationForm, PersonForm
from goaljournal.ui.timeline.screen import TimelineFilterDialog
from goaljournal.ui.today.screen import ReflectionInput
from goaljournal.ui.shared.reason import ReasonDialog as DecisionReasonDialog  # one dialog serves both
from goaljournal.ui.today.decisions import ExtendDialog
from goaljournal.ui.shared.unsaved import UNSAVED_TEXT_WARNING
from goaljournal.ui.shared.widgets.entry_editor import EntryEditor

TODAY = date(2026, 11, 25)
SIZE = (80, 24)
TYPED = "Kept words"

Opener = tuple[str, ...] | Callable[[Any], Awaitable[None]]


@dataclass(frozen=True)
class Form:
    name: str
    opens: Opener  # keys pressed from Today, or an async function of the pilot
    screen: type[Screen[Any]]  # what the form is
    to_text: tuple[str, ...] = ()  # keys inside the form that reach a text field
    shows: str = ""  # words on the form, to be sure it is the right one
    starts_unsaved: bool = False  # opens holding text the user wrote and nothing has saved


async def paste_into_todays_reflection(pilot: Any) -> None:
    """A paste of several lines into Today's reflection line opens the full editor with it."""
    await pilot.pause()
    pilot.app.screen.query_one(ReflectionInput).post_message(events.Paste("Line one\nline two"))
    await pilot.pause()


def deciding(*keys: str) -> Callable[[Any], Awaitable[None]]:
    """A goal past its deadline on Today, then ``keys`` on it in "Needs a decision"."""

    async def open_decision(pilot: Any) -> None:
        pilot.app.store.add_goal("Learn SQL", start_date="2026-09-01", deadline="2026-11-21")
        pilot.app.screen.refresh_data()
        await pilot.press("shift+tab", *keys)

    return open_decision


async def correct_a_check_in(pilot: Any) -> None:
    """A goal's page, its check-ins (c), the highlighted one corrected (enter)."""
    store = pilot.app.store
    store.add_checkin(store.goals()[0].id, 12, at="2026-11-20")
    await pilot.press("g", "enter", "c", "enter")


FORMS = [
    Form("new goal", ("g", "n"), GoalDraftScreen, shows="New goal"),
    Form("edit goal", ("g", "e"), GoalDraftScreen, shows="Edit goal"),
    Form("milestone", ("g", "n", "ctrl+n"), MilestoneDialog, shows="New milestone"),
    Form("reason for a change", ("g", "e", "end", "!", "ctrl+s"), ReasonDialog, shows="Why?"),
    Form("goal status", ("g", "S"), StatusDialog, to_text=("enter",), shows="Change status"),
    Form("new entry", ("r", "n"), EntryEditor, shows="New entry"),
    Form("edit entry", ("r", "e"), EntryEditor, shows="Edit the entry"),
    Form("today's pasted reflection", paste_into_todays_reflection, EntryEditor, shows="Today's reflection", starts_unsaved=True),
    Form("new person", ("p", "n"), PersonForm),
    Form("edit person", ("p", "e"), PersonForm),
    Form("conversation from the people list", ("p", "c"), ConversationForm, to_text=("tab",)),
    Form("conversation on a person's page", ("p", "enter", "c"), ConversationForm, to_text=("tab",)),
    Form("assessment item", ("a", "n", "n"), FieldForm, shows="New strength"),
    Form("new feedback", ("a", "n", *["right"] * 4, "n"), FieldForm, to_text=("tab",), shows="New feedback"),
    Form("skill", ("a", "n", "right", "right", "n"), FieldForm, shows="Add a skill"),
    Form("assessment summary", ("a", "n", *["right"] * 5, "e"), FieldForm, shows="Your summary"),
    Form("timeline filter", ("l", "f"), TimelineFilterDialog, to_text=("tab",), shows="Filter the timeline"),
    Form("extend a deadline", deciding("x"), ExtendDialog, shows="Extend the deadline"),
    Form("abandon a goal", deciding("b"), DecisionReasonDialog, shows="Abandon the goal"),
    Form("check-in correction", correct_a_check_in, CheckinForm, shows="Correct a check-in"),
]


@pytest.fixture
def journal(store: Store) -> Store:
    """Something for every form to open on: a goal, an entry, a person."""
    goal = store.add_goal("Earn the PMP certification", target=50, unit="hours", deadline="2027-05-25")
    store.add_entry("Met my mentor @mentoring", goal_ids=[goal])
    store.add_person("Priya Raman", relationship="mentor")
    return store


async def open_form(pilot: Any, form: Form) -> Screen[Any]:
    if callable(form.opens):
        await form.opens(pilot)
    else:
        await pilot.press(*form.opens)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, form.screen), f"{form.name}: {type(screen).__name__} is on top"
    await pilot.press(*form.to_text)
    await pilot.pause()
    return screen


def shown_text(screen: Screen[Any]) -> str:
    return " ".join(w.text if isinstance(w, TextArea) else w.value for w in screen.query("Input, TextArea"))


@pytest.mark.parametrize("form", FORMS, ids=[form.name for form in FORMS])
async def test_one_escape_keeps_typed_text_and_a_second_discards_it(journal: Store, form: Form, screen_text) -> None:
    app = GoalJournalApp(journal, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form_screen = await open_form(pilot, form)
        assert form.shows in screen_text(app)
        assert isinstance(app.focused, (Input, TextArea)), f"{form.name}: {app.focused!r} has the focus"
        await pilot.press(*TYPED)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form_screen, f"{form.name} closed on one escape"
        assert TYPED in shown_text(form_screen)
        assert UNSAVED_TEXT_WARNING in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not form_screen, f"{form.name} stayed open on a second escape"


@pytest.mark.parametrize("form", FORMS, ids=[form.name for form in FORMS])
async def test_an_untouched_form_closes_on_one_escape(journal: Store, form: Form, screen_text) -> None:
    app = GoalJournalApp(journal, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form_screen = await open_form(pilot, form)
        await pilot.press("escape")
        await pilot.pause()
        if form.starts_unsaved:  # what it holds was written by the user: it asks all the same
            assert app.screen is form_screen and UNSAVED_TEXT_WARNING in screen_text(app)
        else:
            assert app.screen is not form_screen, f"{form.name} asked although nothing was typed"


async def test_typing_after_the_warning_asks_again(journal: Store, screen_text) -> None:
    app = GoalJournalApp(journal, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        form_screen = await open_form(pilot, FORMS[0])
        await pilot.press(*"First", "escape", *" and more")
        await pilot.pause()
        assert UNSAVED_TEXT_WARNING not in screen_text(app)  # what it said no longer holds
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form_screen
        assert "First and more" in shown_text(form_screen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not form_screen
