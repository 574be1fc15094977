"""Goals that count conversations: the suggestion from a goal's sentence, the drafting form's
"Progress" choice, and the goal detail, by keys through Pilot on a real journal file."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Select

from goaljournal.core.networking import suggest_progress_from
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.goals.draft import GoalDraftScreen
from goaljournal.ui.goals.render import goal_detail
from goaljournal.ui.goals.screen import GoalsScreen
from goaljournal.ui.today.screen import TodayScreen

TODAY = date(2026, 11, 25)
SIZE = (130, 40)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Connect with five HR leaders over the next quarter", "people"),
        ("Meet 5 leaders in Q1", "people"),
        ("Get to know ten product managers this year", "people"),
        ("Attend two industry events per month", "event"),
        ("Go to 3 conferences in 2027", "event"),
        ("Hold 10 coffee chats by March", "coffee"),
        ("Have 6 conversations with senior engineers", "interactions"),
        ("Schedule 4 meetings with directors", "meeting"),
        ("Ask for feedback from 3 peers by June", "feedback"),
        ("Make 8 calls to former colleagues", "call"),
        ("Send 20 LinkedIn messages to alumni", "message"),
        ("Read 12 books in 2027", None),
        ("I want to be successful", None),
    ],
)
def test_suggest_progress_from_the_sentence(title: str, expected: str | None) -> None:
    assert suggest_progress_from(title, category="networking") == expected


def test_suggest_progress_from_reads_metric_and_unit_and_only_for_networking() -> None:
    assert suggest_progress_from("Grow my network by March", "people met", "people", "networking") == "people"
    assert suggest_progress_from("Grow my network by March", None, None, "networking") is None
    # A "meeting" in a performance goal is not a conversation to log.
    assert suggest_progress_from("Run 4 meetings a week on time", category="performance") is None
    assert suggest_progress_from("Connect with five HR leaders") == "people"  # no category yet: the text decides


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


async def open_draft(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("g")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GoalDraftScreen)


def meet(store: Store, name: str, day: str, *, tags: tuple[str, ...] = ("hr",), kind: str = "meeting") -> None:
    store.add_interaction(store.add_person(name, tags=tags), kind, at=day)


async def test_draft_a_goal_that_counts_people_met_by_keys_then_log_meetings(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*"Grow my HR network by March")  # the sentence suggests nothing to count
        await pilot.press("tab", "enter", *"net", "enter")  # category: networking
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "tab", "0", "tab", "5")  # horizon, metric, unit, baseline 0, target 5
        progress = app.screen.query_one("#draft-progress", Select)
        assert progress.value == "typed"
        await pilot.press(*["tab"] * 6)  # counted, deadline, why, confidence, serves, progress
        assert app.focused is progress
        await pilot.press("enter", *"new", "enter")  # the menu jumps to "new people met"
        await pilot.pause()
        assert progress.value == "people"
        await pilot.press("tab", *"@hr")
        await pilot.pause()
        text = screen_text(app)
        assert "counts new people met @hr" in text and "suggested" not in text
        assert "filled by conversations you log: p, or goaljournal met" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        [goal] = store.goals()
        assert (goal.progress_from, goal.progress_tag, goal.target, goal.deadline) == ("people", "hr", 5, "2027-03-31")
        assert goal.current is None

        meet(store, "Ines Moreau", "2026-11-20")  # before the goal was set (today): not counted
        meet(store, "Priya Shah", "2026-11-25")
        meet(store, "Omar Haddad", "2026-11-25")
        meet(store, "Sam Lee", "2026-11-25", tags=("design",))  # not tagged hr: not counted
        assert store.get_goal(goal.id).current == 2
        app.screen.refresh_data()
        await pilot.pause()
        text = screen_text(app)
        assert "Counts new people met @hr: 2 of 5" in text and "2 counted so far" in text

        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "2 of 5 new people met (@hr)" in text and "40%" in text
        meet(store, "Lena Park", "2026-11-25")
        app.screen.refresh_data()
        await pilot.pause()
        assert "3 of 5 new people met (@hr)" in screen_text(app) and "60%" in screen_text(app)


async def test_a_networking_sentence_preselects_what_it_counts_until_the_user_chooses(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*"Attend two industry events per month")
        progress = app.screen.query_one("#draft-progress", Select)
        assert progress.value == "typed"  # no category yet
        await pilot.press("tab", "enter", *"net", "enter")
        await pilot.pause()
        assert progress.value == "event"
        assert "counts events attended · suggested by the goal" in screen_text(app)
        # The user picks typed check-ins: a sentence that changes afterwards does not undo it.
        progress.focus()
        await pilot.press("enter", "home", "enter")
        await pilot.pause()
        assert progress.value == "typed"
        app.screen.query_one("#draft-title", Input).focus()
        await pilot.press("end", *" and hold 10 coffee chats")
        await pilot.pause()
        assert progress.value == "typed"
        assert "reads like it counts coffees: choose it to count them" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [goal] = store.goals()
    assert goal.progress_from is None and goal.progress_tag is None


async def test_editing_keeps_the_choice_and_a_bad_tag_saves_nothing(store: Store, screen_text) -> None:
    goal_id = store.add_goal(
        "Hold 10 coffee chats by March", target=10, baseline=0, category="networking", deadline="2027-03-31",
        progress_from="call", progress_tag="alumni",
    )  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        progress = app.screen.query_one("#draft-progress", Select)
        assert progress.value == "call"  # not "coffee", though the sentence says so
        assert app.screen.query_one("#draft-progress-tag", Input).value == "alumni"
        assert "counts calls @alumni" in screen_text(app)
        tag = app.screen.query_one("#draft-progress-tag", Input)
        tag.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"two words", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)  # refused, kept to be fixed
        assert any("'two words' is not a tag" in str(n.message) for n in app._notifications)
        assert store.get_goal(goal_id).progress_tag == "alumni"
        await pilot.press("ctrl+a", "ctrl+k", *"hr")
        progress.focus()
        await pilot.press("enter", *"coffee", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    goal = store.get_goal(goal_id)
    assert (goal.progress_from, goal.progress_tag) == ("coffee", "hr")


def test_the_goal_detail_says_what_it_counts_and_lists_conversations_about_it(store: Store) -> None:
    goal_id = store.add_goal(
        "Connect with five HR leaders", target=5, baseline=0, start_date="2026-10-01", deadline="2027-03-31",
        progress_from="people",
    )  # fmt: skip
    priya = store.add_person("Priya [b]Shah[/b]")
    store.add_interaction(priya, "coffee", at="2026-11-20", learned="Ask for intros", goal_ids=[goal_id])
    detail = goal_detail(store, store.get_goal(goal_id), TODAY).plain
    assert "Counts new people met: 1 of 5\n  1 counted so far · log with goaljournal met" in detail
    assert "Recent conversations about this goal" in detail
    assert "20 Nov 2026  coffee with Priya [b]Shah[/b]: Ask for intros" in detail
    typed = store.add_goal("Read 12 books", target=12)
    assert "Counts" not in goal_detail(store, store.get_goal(typed), TODAY).plain
