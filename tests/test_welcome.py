"""The first run: a new journal opens on a welcome that teaches the daily loop and starts it, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NOW

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.assess.session import AssessmentSession
from goaljournal.ui.goals.coach import SmartPanel
from goaljournal.ui.goals.draft import GoalDraftScreen
from goaljournal.ui.help import HelpScreen
from goaljournal.ui.today.screen import TodayScreen
from goaljournal.ui.welcome.screen import WelcomeScreen


def first_run_app(store: Store, **options: bool) -> GoalJournalApp:
    """The app as the command line starts it on the user's journal."""
    return GoalJournalApp(store, today=NOW.date(), welcome=True, **options)


# -- the store: when is it a first run --------------------------------------------------------


@pytest.mark.parametrize(
    "write",
    [
        lambda store: store.add_goal("Read 12 books by December"),
        lambda store: store.add_entry("A first line"),
        lambda store: store.add_assessment(NOW.date()),
        lambda store: store.add_person("Dana Reyes"),
        lambda store: store.trash("entries", store.add_entry("Written, then deleted")),
    ],
    ids=["goal", "entry", "assessment", "person", "trashed entry"],
)
def test_a_journal_with_anything_written_is_no_first_run(store: Store, write) -> None:  # type: ignore[no-untyped-def]
    assert store.welcome_due()
    write(store)
    assert not store.welcome_due()


def test_the_welcome_put_away_stays_away_on_reopening(store: Store, db_path: Path) -> None:
    store.put_welcome_away()
    store.put_welcome_away()  # twice is once
    assert not store.welcome_due()
    with Store.open(db_path, clock=lambda: NOW) as again:
        assert not again.welcome_due()
        assert again.needed_decisions(NOW.date()) == []  # not taken for one of Today's prompts


# -- the app ----------------------------------------------------------------------------------


async def test_a_first_run_opens_on_the_welcome_and_it_fits_80x24(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        for step in ("1 Goals", "2 Milestones", "3 Check-in", "4 Reflection", "5 Assessment", "every quarter"):
            assert step in text, step
        # Every offer is on screen whole, the last line included: nothing scrolls or is cut.
        assert "Draft your first goal" in text and "Start your first self-assessment" in text and "Skip" in text
        assert "goaljournal import --format jrnl FILE" in text
        assert "goaljournal import --format dayone FILE" in text
        dialog = app.screen.query_one("#welcome-dialog")
        assert dialog.virtual_size.height <= dialog.content_size.height
        assert dialog.outer_size.width <= 80


async def test_escape_skips_to_today_and_a_restart_does_not_show_it_again(store: Store, db_path: Path) -> None:
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and len(app.screen_stack) == 1
    with Store.open(db_path, clock=lambda: NOW) as again:
        app = first_run_app(again)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen)


async def test_quitting_with_the_welcome_open_shows_it_again_next_time(store: Store) -> None:
    """Quitting to run the import command is no answer: a journal still empty welcomes again."""
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert store.welcome_due()


async def test_n_drafts_a_first_goal_with_the_smart_coach(store: Store) -> None:
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        assert app.screen.query_one(SmartPanel)
        assert WelcomeScreen not in {type(screen) for screen in app.screen_stack}
        assert not store.welcome_due()
        await pilot.press(*"Read 12 books by the end of 2027", "ctrl+s")
        await pilot.pause()
    assert [goal.title for goal in store.goals()] == ["Read 12 books by the end of 2027"]


async def test_a_starts_a_first_self_assessment(store: Store) -> None:
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession)
        assert store.assessment_in_progress() is not None
        assert not store.welcome_due()


async def test_a_journal_already_written_opens_on_today(store: Store) -> None:
    store.add_entry("Written from the command line")
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_a_read_only_journal_opens_on_today(store: Store, db_path: Path) -> None:
    """Nothing offered there could be saved: the app says the journal is read-only instead."""
    store.close()
    db_path.chmod(0o444)
    with Store.open(db_path, clock=lambda: NOW) as read_only:
        assert read_only.read_only and read_only.welcome_due()
        app = first_run_app(read_only)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, TodayScreen)


async def test_the_palette_reopens_it_on_any_journal(store: Store) -> None:
    store.add_goal("Read 12 books by December")
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"welcome")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "GoalsScreen"  # closed where it was opened


async def test_the_help_reopens_it_with_w(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    store.put_welcome_away()
    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "w opens the welcome again" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert [type(screen) for screen in app.screen_stack] == [TodayScreen, WelcomeScreen]


async def test_question_mark_in_the_welcome_shows_its_keys_first(store: Store) -> None:
    from textual.widgets import Markdown

    app = first_run_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        assert source.index("## This screen: the welcome") < source.index("First goal") < source.index("## Everywhere")
        await pilot.press("w")  # the welcome is already open: the help closes onto it
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [TodayScreen, WelcomeScreen]


async def test_a_demo_journal_never_welcomes_and_says_it_is_a_demo(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    app = first_run_app(store, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert "goaljournal · Today  DEMO " in screen_text(app).splitlines()[0]
        await pilot.press("g")
        await pilot.pause()
        assert " DEMO " in screen_text(app).splitlines()[0]
    app = first_run_app(store, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "DEMO (temporary journal)" in screen_text(app).splitlines()[0]


async def test_the_users_journal_has_no_demo_mark(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    store.put_welcome_away()
    app = first_run_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "DEMO" not in screen_text(app).splitlines()[0]


# -- the command line starts the app so -------------------------------------------------------


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[GoalJournalApp]:
    """The apps the command line starts, recorded instead of run (a terminal app cannot run here)."""
    apps: list[GoalJournalApp] = []
    monkeypatch.setattr(GoalJournalApp, "run", lambda self: apps.append(self))
    return apps


def test_the_command_line_welcomes_on_the_users_journal(started: list[GoalJournalApp], tmp_path: Path) -> None:
    from goaljournal.cli import main

    assert main(["--db", str(tmp_path / "mine.db")]) == 0
    [app] = started
    assert (app.offer_welcome, app.demo) == (True, False)


def test_the_command_line_marks_the_demo_and_does_not_welcome(started: list[GoalJournalApp]) -> None:
    from goaljournal.cli import main

    assert main(["--demo"]) == 0
    [app] = started
    assert (app.offer_welcome, app.demo) == (False, True)
