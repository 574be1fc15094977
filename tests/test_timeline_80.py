"""The timeline at 80x24, the smallest screen it is made for: nothing it says is cut."""

from __future__ import annotations

from conftest import NOW

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

SIZE = (80, 24)


def journal(store: Store) -> Store:
    """A busy November: the strip's numbers are long."""
    goals = [store.add_goal(f"Goal number {n}", target=10, baseline=0, start_date="2026-10-01", deadline="2027-03-31") for n in range(7)]
    for n, goal in enumerate(goals):
        store.add_milestone(goal, f"Step {n}", due="2026-11-28")
        store.add_checkin(goal, 1, at=f"2026-11-{10 + n:02d}")
    for day in range(1, 25):
        store.add_entry(f"Day {day} @work", at=f"2026-11-{day:02d} 08:00:00")
    return store


async def test_the_strips_above_the_axis_fit(store: Store, screen_text) -> None:
    async with GoalJournalApp(journal(store), today=NOW.date()).run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        lines = screen_text(pilot.app).splitlines()
        assert "[month]" in lines[1] and lines[1].rstrip().endswith("newest first  f filter: all")
        assert lines[2].startswith(" On screen") and lines[2].rstrip().endswith("done")  # whole parts only
        await pilot.press("f", "down", "enter")  # one goal: the filter says so, and how to clear it
        await pilot.pause()
        assert screen_text(pilot.app).splitlines()[1].rstrip().endswith("esc clears it")


async def test_the_filters_kinds_scroll_into_view(store: Store, screen_text) -> None:
    async with GoalJournalApp(journal(store), today=NOW.date()).run_test(size=SIZE) as pilot:
        await pilot.press("l", "f")
        await pilot.pause()
        assert "follow-ups (on their due day)" not in screen_text(pilot.app)  # below the goals
        await pilot.press("tab", "tab")  # past the goals and the tag, to the kinds
        await pilot.pause()
        assert "follow-ups (on their due day)" in screen_text(pilot.app)


async def test_a_goals_story_says_how_to_leave_it(store: Store, screen_text) -> None:
    async with GoalJournalApp(journal(store), today=NOW.date()).run_test(size=SIZE) as pilot:
        await pilot.press("l", "s", "enter")
        await pilot.pause()
        title = screen_text(pilot.app).splitlines()[0]
        assert "Goal story" in title and title.rstrip().endswith("escape: the timeline")
