"""One ReaderDialog reads a goal, an entry, a self-assessment or a conversation over any screen:
the app builds its body with the renderer of the feature that owns the record, and its keys lead
on (a goal's story, a person's page) through navigation messages."""

from __future__ import annotations

import pytest
from textual.message import Message

from conftest import NOW

from goaljournal.store import Store
from goaljournal.ui import nav
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.reader import ReaderDialog
from goaljournal.ui.shared.widgets.entry_reader import MarkdownText

HOSTILE = "todo [/] then [@click=app.quit]x[/] and \x1b[31mred\x1b[0m"


@pytest.fixture
def journal(store: Store) -> dict[str, int]:
    goal = store.add_goal("Give three talks", target=3, baseline=0, unit="talks", start_date="2026-10-01", deadline="2026-12-31")
    entry = store.add_entry(f"# Rehearsed\n\n{HOSTILE} @speaking", at="2026-11-18 20:00:00", kind="win", starred=True, goal_ids=[goal])
    person = store.add_person("Priya Shah", relationship="mentor")
    talk = store.add_interaction(person, "coffee", at="2026-11-20", notes="Outline first", goal_ids=[goal])
    assessment = store.add_assessment("2026-11-01", summary="Strong on data, shy on stage")
    return {"goal": goal, "entry": entry, "person": person, "talk": talk, "assessment": assessment}


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=NOW.date())


async def read(pilot, message: Message) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    pilot.app.post_message(message)
    await pilot.pause()


async def test_a_goal_read_over_any_screen_offers_its_story(store: Store, journal: dict[str, int], screen_text) -> None:
    from goaljournal.ui.timeline.story import GoalStoryScreen
    from goaljournal.ui.today.screen import TodayScreen

    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadGoal(journal["goal"]))
        dialog = pilot.app.screen
        assert isinstance(dialog, ReaderDialog) and dialog.kind == "goal"
        text = screen_text(pilot.app)
        assert "Give three talks" in text and "escape back · s this goal's story on the timeline" in text
        assert "╰" in text  # the whole box on an 80x24 screen, its hint under it
        await pilot.press("s")
        await pilot.pause()
        story = pilot.app.screen
        assert isinstance(story, GoalStoryScreen) and story.goal_id == journal["goal"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)


async def test_a_goal_read_within_its_story_offers_no_story(store: Store, journal: dict[str, int], screen_text) -> None:
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadGoal(journal["goal"], with_story=False))
        assert "s this goal's story" not in screen_text(pilot.app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderDialog)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ReaderDialog)


async def test_a_key_pressed_twice_leads_on_once(store: Store, journal: dict[str, int]) -> None:
    """The second press of a burst reaches a dialog already closed: it must not post again (two
    story screens, one over the other)."""
    from goaljournal.ui.timeline.story import GoalStoryScreen

    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadGoal(journal["goal"]))
        dialog = pilot.app.screen
        assert isinstance(dialog, ReaderDialog)
        dialog.action_follow("s")
        dialog.action_follow("s")
        await pilot.pause()
        assert [type(screen) for screen in pilot.app.screen_stack].count(GoalStoryScreen) == 1


async def test_an_entry_reads_as_the_reflection_log_shows_it(store: Store, journal: dict[str, int], screen_text) -> None:
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadEntry(journal["entry"]))
        dialog = pilot.app.screen
        assert isinstance(dialog, ReaderDialog) and dialog.kind == "entry"
        text = screen_text(pilot.app)
        assert "Wed 18 Nov 2026 · 20:00" in text and "▲ win · ★ starred" in text  # the shared entry_header
        assert "@speaking" in text and "◎ Give three talks" in text
        assert "todo [/] then [@click=app.quit]x[/]" in text and "\x1b" not in text
        assert dialog.query_one(MarkdownText).source.startswith("# Rehearsed")
        assert "Showing the start" not in text
        assert pilot.app.is_running


async def test_a_long_entry_says_how_much_is_left_out(store: Store, screen_text) -> None:
    long = store.add_entry("A line of text.\n" * 2_000, at="2026-11-18 20:00:00")
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadEntry(long))
        assert "Showing the start:" in screen_text(pilot.app) and "(32,000 in all)" in screen_text(pilot.app)


async def test_a_conversation_offers_the_persons_page(store: Store, journal: dict[str, int], screen_text) -> None:
    from goaljournal.ui.people.screen import PersonScreen

    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadConversation(journal["talk"]))
        assert isinstance(pilot.app.screen, ReaderDialog) and pilot.app.screen.kind == "conversation"
        text = screen_text(pilot.app)
        assert "coffee with Priya Shah · mentor" in text and "escape back · p this person's page" in text
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PersonScreen) and pilot.app.screen.person_id == journal["person"]


async def test_a_self_assessment(store: Store, journal: dict[str, int], screen_text) -> None:
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await read(pilot, nav.ReadAssessment(journal["assessment"]))
        assert isinstance(pilot.app.screen, ReaderDialog) and pilot.app.screen.kind == "assessment"
        assert "Strong on data, shy on stage" in screen_text(pilot.app)


@pytest.mark.parametrize(
    ("message", "told"),
    [
        (nav.ReadGoal(999), "no goal with id 999"),
        (nav.OpenGoalStory(999), "no goal with id 999"),
        (nav.ReadEntry(999), "no entry with id 999"),
        (nav.ReadConversation(999), "no conversation with id 999"),
    ],
    ids=["goal", "story", "entry", "conversation"],
)
async def test_a_record_gone_meanwhile_is_a_warning(store: Store, message: Message, told: str) -> None:
    """Gone between the row being drawn and enter (deleted from another window, say)."""
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        before = type(pilot.app.screen)
        await read(pilot, message)
        assert type(pilot.app.screen) is before and pilot.app.is_running
        notes = list(pilot.app._notifications)
        assert notes and told in str(notes[-1].message) and notes[-1].severity == "warning"


async def test_a_purged_entry_on_the_timeline_is_a_warning(store: Store, journal: dict[str, int]) -> None:
    from goaljournal.ui.timeline.screen import TimelineScreen, TimelineView

    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        view = pilot.app.screen.query_one(TimelineView)
        while not (view.axis.highlighted_row.item and view.axis.highlighted_row.item["kind"] == "entry"):
            await pilot.press("down")
        store.trash("entries", journal["entry"])
        assert store.purge_entry(journal["entry"])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert f"no entry with id {journal['entry']}" in str(list(pilot.app._notifications)[-1].message)
