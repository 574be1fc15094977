"""The app driven by keys through Pilot, on a real journal file."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, TextArea

from conftest import NOW

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.assess.screen import AssessScreen
from goaljournal.ui.goals.screen import GoalsScreen
from goaljournal.ui.help import HelpScreen
from goaljournal.ui.reflections.screen import ReflectionsScreen
from goaljournal.ui.timeline.screen import TimelineScreen
from goaljournal.ui.today.screen import TodayScreen
from goaljournal.ui.shared.widgets.entry_reader import MarkdownText
from goaljournal.ui.shared.widgets.virtual_list import VirtualList

TODAY = date(2026, 11, 25)
SIZE = (130, 40)
HOSTILE = "todo [/] then [@click=app.quit]x[/] and \x1b[31mred\x1b[0m [bold]not bold"


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


@pytest.fixture
def pmp_goal(store: Store) -> int:
    goal_id = store.add_goal(
        "Earn the PMP certification", target=50, baseline=0, unit="hours", metric="study hours",
        start_date="2026-06-01", deadline="2027-05-25", category="certification",
    )  # fmt: skip
    store.add_milestone(goal_id, "Submit the PMP application", due="2026-11-27")
    store.add_milestone(goal_id, "Draft the conference talk outline", due="2026-11-20")
    store.add_checkin(goal_id, 31, at="2026-11-24")
    return goal_id


async def test_each_screen_key_shows_its_screen_and_q_quits(store: Store, pmp_goal: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        for key, screen_type, title in [
            ("a", AssessScreen, "Self-assessment"),
            ("g", GoalsScreen, "Goals"),
            ("l", TimelineScreen, "Timeline"),
            ("r", ReflectionsScreen, "Reflections"),
            ("t", TodayScreen, "Today"),
        ]:
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type), key
            assert f"goaljournal · {title}" in screen_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_today_shows_due_milestones_goals_and_streak(store: Store, pmp_goal: int, screen_text) -> None:
    async with app_for(store).run_test(size=SIZE) as pilot:
        text = screen_text(pilot.app)
        assert "Submit the PMP application" in text
        assert "5 days overdue" in text
        assert "Earn the PMP certification" in text
        assert "31 / 50 hours" in text
        assert "62%" in text
        assert "streak 1 day · no check-in yet today" in text


async def test_check_in_and_reflect_from_today_by_keys(store: Store, pmp_goal: int, screen_text) -> None:
    async with app_for(store).run_test(size=SIZE) as pilot:
        checkin = pilot.app.screen.query_one(f"#checkin-{pmp_goal}", Input)
        checkin.focus()
        await pilot.press("+", "2", "enter")
        await pilot.pause()
        assert store.get_goal(pmp_goal).current == 33
        assert "33 / 50 hours" in screen_text(pilot.app)

        await pilot.press("ctrl+r")
        await pilot.press(*"Studied risk management @pmp")
        await pilot.press("enter")
        await pilot.pause()
    entries = store.entries()
    assert [e.text for e in entries] == ["Studied risk management @pmp"]
    assert entries[0].tags == ["pmp"]


async def test_enter_on_a_due_milestone_marks_it_done(store: Store, pmp_goal: int) -> None:
    async with app_for(store).run_test(size=SIZE) as pilot:
        pilot.app.screen.query_one("#due-list").focus()
        await pilot.press("enter")  # the first is the overdue outline
        await pilot.pause()
    done = {m.title: m.done_at for m in store.milestones(pmp_goal)}
    assert done["Draft the conference talk outline"] == TODAY.isoformat()
    assert done["Submit the PMP application"] is None


async def test_hostile_entry_text_is_shown_literally_and_the_app_keeps_running(store: Store, pmp_goal: int, screen_text) -> None:
    store.add_entry(HOSTILE, at="2026-11-24 08:00:00")
    store.add_goal(HOSTILE)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "todo [/] then [@click=app.quit]x[/]" in text
        assert "\x1b" not in text
        assert "␛[31mred" in text
        assert "[bold]not bold" in text
        reader = app.screen.query_one("#reader-text", MarkdownText)
        assert "[@click=app.quit]x[/]" in reader.source
        # A click on the would-be action must not quit the app.
        await pilot.click(VirtualList, offset=(30, 0))
        await pilot.press("g")
        await pilot.pause()
        assert "todo [/] then [@click=app.quit]x" in screen_text(app)
        for key in "tlar":
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running


async def test_reflections_search_new_and_edit(store: Store, screen_text) -> None:
    store.add_entry("Coffee with my mentor about the PMP @mentoring", at="2026-11-20 09:00:00")
    store.add_entry("Quarterly review went well @career", at="2026-11-21 09:00:00")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        entries = app.screen.query_one("#entries", VirtualList)
        assert entries.row_count == 2
        await pilot.press("slash", *"mentors", "enter")
        await pilot.pause()
        assert entries.row_count == 1
        assert "Coffee with my mentor" in screen_text(app)
        assert "1 match" in screen_text(app)
        await pilot.press("escape")  # back to the list
        await pilot.press("slash")
        await pilot.press("escape")  # clears the search
        await pilot.pause()
        assert entries.row_count == 2

        entries.focus()
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        editor.insert("Gave my first talk to the team.\nNervous but it went fine @presenting")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert entries.row_count == 3
        newest = store.entries(limit=1)[0]
        assert newest.text.startswith("Gave my first talk") and newest.tags == ["presenting"]

        await pilot.press("home", "e")
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        editor.text = "Gave my first talk to the whole department @presenting @win"
        await pilot.press("ctrl+s")
        await pilot.pause()
    edited = store.get_entry(newest.id)
    assert edited.text == "Gave my first talk to the whole department @presenting @win"
    assert edited.tags == ["presenting", "win"]
    assert [e.id for e in store.search("department")] == [newest.id]


async def test_goals_screen_lists_goals_with_detail_and_filter(store: Store, pmp_goal: int, screen_text) -> None:
    store.update_goal(pmp_goal, reason="exam slots moved", deadline="2027-06-30")
    store.add_goal("Read 12 books on leadership", status="draft")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "Earn the PMP certification" in text and "Read 12 books" in text
        assert "Milestones (0/2 done)" in text
        assert "because exam slots moved" in text
        await pilot.press("s")  # filter: active
        await pilot.pause()
        text = screen_text(app)
        assert "filter: active" in text
        assert "Read 12 books" not in text


async def test_a_read_only_journal_opens_and_a_write_gives_a_message(db_path, pmp_goal: int, store: Store) -> None:
    store.close()
    db_path.chmod(0o444)
    with Store.open(db_path, clock=lambda: NOW) as read_only:
        app = app_for(read_only)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+r", *"lost?", "enter")
            await pilot.pause()
            assert app.is_running
            assert any("read-only" in str(n.message) for n in app._notifications)
            assert app.screen.query_one("#reflection", Input).value == "lost?"


async def test_the_app_opens_on_the_demo_journal(store: Store, screen_text) -> None:
    from goaljournal.demo import fill_demo_journal

    fill_demo_journal(store, today=TODAY)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "Pass the PMP exam" in text
        assert "streak 16 days · no check-in yet today" in text
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#entries", VirtualList).row_count == store.count_entries() > 250
        await pilot.press("a")
        await pilot.pause()
        assert "was 2  ▲ 1" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "check-in · Pass the PMP exam" in screen_text(app)


async def test_the_command_palette_reaches_every_screen(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to timeline")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


async def test_a_new_journal_says_how_to_start(store: Store, screen_text) -> None:
    async with app_for(store).run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Press n to draft your first goal" in text
        assert "Nothing due this week." in text
