"""The timeline's roadmap: the layout of its cells, and the mode on the Timeline screen."""

from __future__ import annotations

from datetime import date

from conftest import NOW

from goaljournal.core.models import Goal, Milestone
from goaljournal.core.roadmap import Cell, layout, window
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.reader import ReaderDialog
from goaljournal.ui.timeline.roadmap import RoadmapList
from goaljournal.ui.timeline.screen import TimelineScreen, TimelineView

TODAY = NOW.date()  # Wed 25 Nov 2026


def goal(goal_id: int, title: str, start: str, deadline: str | None, **fields: object) -> Goal:
    return Goal(goal_id, f"u{goal_id}", title, status=fields.pop("status", "active"), start_date=start, deadline=deadline, **fields)  # type: ignore[arg-type]


def test_bars_milestones_and_the_today_line_fall_in_their_columns() -> None:
    # 2026 by month, 84 cells: a 24-cell title column, then 5 cells a month (January 0–4, ...).
    goals = [
        goal(3, "Open-ended", "2026-09-01", None),
        goal(1, "Ship the platform", "2026-02-01", "2026-06-30", baseline=0, target=10, current=4),
        goal(2, "Hire the team", "2026-03-01", "2026-04-30", parent_id=1),
        goal(4, "Done long ago", "2025-01-01", "2025-06-30", status="achieved"),
    ]
    milestones = [
        Milestone(1, "m1", 1, "Design", due_date="2026-03-01", done_at="2026-02-27"),
        Milestone(2, "m2", 1, "Beta", due_date="2026-04-01"),
    ]
    roadmap = layout(goals, milestones, TODAY, date(2026, 1, 1), date(2026, 12, 31), 84, zoom="month")
    assert (roadmap.title_width, roadmap.period_cells, len(roadmap.periods)) == (24, 5, 12)
    # Long-term goals by start, each stepping stone under its goal; the goal achieved before the window is not shown.
    assert [(row.goal.id, row.depth) for row in roadmap.rows if row.goal] == [(1, 0), (2, 1), (3, 0)]
    ship, hire, open_ended = roadmap.rows
    # February 1 to June 30: columns 5 to 29; 40% of its 25 cells done.
    assert ship.bar_text[:5].strip() == "" and ship.bar_text[30:].strip(" │") == ""
    assert [i for i, cell in enumerate(ship.cells) if cell.role in ("done", "bar", "milestone", "milestone-done", "overdue")] == list(range(5, 30))
    assert [i for i, cell in enumerate(ship.cells) if cell.role == "done"] == [i for i in range(5, 15) if i != 10]
    assert ship.cells[10] == Cell("◆", "milestone-done") and ship.cells[15] == Cell("◇", "overdue")
    assert (ship.cells[14].text, ship.cells[16].text) == ("█", "░")
    assert [i for i, cell in enumerate(hire.cells) if cell.role == "bar"] == list(range(10, 20))
    # Today, 25 November: column 50 + 24 * 5 // 30 = 54, on every row and on the axis.
    assert roadmap.today_column == 54
    assert all(row.cells[54] == Cell("│", "today") for row in [*roadmap.rows, roadmap.header[0]])
    assert "".join(cell.text for cell in roadmap.header[1].cells[50:55]) == "Nov │"
    # No deadline: its bar runs from September to today, then open to the right edge.
    assert open_ended.cells[39] == Cell(" ", "blank") and open_ended.cells[40] == Cell("░", "bar")
    assert open_ended.bar_text[55:] == "┄┄┄┄→"


def test_the_window_keeps_most_of_its_periods_ahead() -> None:
    first, last = window(TODAY, "month", 80, 0)
    assert (first, last) == (date(2026, 9, 1), date(2027, 7, 31))  # 11 months, November the third
    assert window(TODAY, "quarter", 120, 0)[0] == date(2026, 1, 1)  # 14 quarters, Q4 2026 the fourth


async def test_m_shows_the_roadmap_which_moves_opens_a_goal_and_goes_back(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    career = store.add_goal("Lead the analytics team", start_date="2026-06-01", deadline="2028-12-31")
    store.add_goal("Pass the certification", start_date="2026-10-01", deadline="2027-03-31", parent_id=career)
    store.add_goal("Write every week", start_date="2026-11-01")
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("m")
        await pilot.pause()
        view = app.screen.query_one(TimelineView)
        roadmap = view.query_one(RoadmapList)
        assert view.roadmap_shown and roadmap.has_focus and not view.axis.display
        text = screen_text(app)
        assert "m List" in text.splitlines()[-1] and "Roadmap" not in text.splitlines()[-1]  # the key bar says what m does next
        assert "● Lead the analytics team" in text and "  ● Pass the certification" in text
        assert "no deadline →" in text and "Nov" in text
        first = roadmap.source.roadmap.first
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert roadmap.source.roadmap.first == date(first.year + first.month // 12, first.month % 12 + 1, 1)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert roadmap.source.roadmap.first.month == (first.month - 2) % 12 + 1
        await pilot.press("3")  # by quarter, around the same day (October 2026): 11 quarters, Q4 2026 the third
        await pilot.pause()
        assert [period.zoom for period in roadmap.source.roadmap.periods[:1]] == ["quarter"]
        assert roadmap.source.roadmap.first == date(2026, 4, 1) and "m list" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderDialog) and app.screen.kind == "goal"
        assert "Pass the certification" in screen_text(app)
        await pilot.press("escape", "m")
        await pilot.pause()
        assert not view.roadmap_shown and view.axis.display and view.axis.has_focus
        assert "m Roadmap" in screen_text(app).splitlines()[-1]
