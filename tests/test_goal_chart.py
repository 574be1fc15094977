"""A goal's progress chart: the points, the ideal pace from baseline to target, the milestones,
today and the projected finish, worked out in core and drawn on the goal's page."""

from __future__ import annotations

from datetime import date

from goaljournal.core.chart import Line, Mark, line_chart, plain
from goaljournal.core.goal_chart import chart_caption, chart_rows, goal_chart
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.goals.screen import GoalDetailScreen
from goaljournal.ui.shared.widgets.chart import ChartView

TODAY = date(2026, 3, 20)


def study_goal(store: Store) -> int:
    """0 → 100 hours from 1 Jan to 31 Dec 2026; 10 hours on 1 March, 20 on 15 March: 5 hours a
    week recently, so the remaining 80 take 112 days, to 5 July."""
    goal_id = store.add_goal(
        "Study 100 hours for the PMP", target=100, baseline=0, unit="hours",
        start_date="2026-01-01", deadline="2026-12-31",
    )  # fmt: skip
    store.add_milestone(goal_id, "Finish the prep course", due="2026-02-15")
    store.add_milestone(goal_id, "Sit a practice exam", due="2026-06-01")
    store.set_milestone_done(store.milestones(goal_id)[0].id, "2026-02-14")
    store.add_checkin(goal_id, 10, at="2026-03-01")
    store.add_checkin(goal_id, 12, at="2026-03-15", note="a slow start")
    store.add_checkin(goal_id, 20, at="2026-03-15")  # the day's last value is the day's point
    return goal_id


def test_the_chart_has_the_points_the_pace_line_and_the_projected_finish(store: Store) -> None:
    goal_id = study_goal(store)
    goal = store.get_goal(goal_id)
    chart = goal_chart(goal, store.checkins(goal_id), store.milestones(goal_id), TODAY)

    assert chart.kind == "value"
    assert chart.points == ((date(2026, 3, 1), 10.0), (date(2026, 3, 15), 20.0))
    assert chart.pace == ((date(2026, 1, 1), 0.0), (date(2026, 12, 31), 100.0))
    assert chart.projected_finish == date(2026, 7, 5)
    assert chart.projection == ((date(2026, 3, 15), 20.0), (date(2026, 7, 5), 100.0))
    assert chart.milestones == ((date(2026, 2, 15), "Finish the prep course", True), (date(2026, 6, 1), "Sit a practice exam", False))
    assert (chart.first, chart.last) == (date(2026, 1, 1), date(2026, 12, 31))
    assert chart_caption(chart) == "projected finish 5 Jul 2026, about 6 months before the deadline"


def test_no_projection_when_the_pace_moves_away_or_the_target_is_reached(store: Store) -> None:
    goal_id = store.add_goal("Cut the report time to 2 hours", target=2, baseline=6, start_date="2026-01-01", deadline="2026-06-30")
    goal = store.get_goal(goal_id)
    store.add_checkin(goal_id, 5, at="2026-03-01")
    store.add_checkin(goal_id, 5.5, at="2026-03-10")  # slower again: moving away from the target
    away = goal_chart(goal, store.checkins(goal_id), [], TODAY)
    assert (away.projection, away.projected_finish) == (None, None)
    assert chart_caption(away) == "no recent pace towards the target"

    store.add_checkin(goal_id, 1.5, at="2026-03-18")
    reached = goal_chart(store.get_goal(goal_id), store.checkins(goal_id), [], TODAY)
    assert reached.projected_finish is None
    assert chart_caption(reached) == "target reached"


def test_a_counted_goal_has_a_bar_per_period_against_the_target(store: Store) -> None:
    goal_id = store.add_goal("Write 5 client reports per week", target=5, cadence="week", start_date="2026-03-02")
    for day, count in (("2026-03-02", 3), ("2026-03-04", 2), ("2026-03-10", 1)):
        store.add_checkin(goal_id, count, at=day)
    chart = goal_chart(store.get_goal(goal_id), store.checkins(goal_id), [], TODAY)

    assert chart.kind == "cadence" and chart.per_period == 5
    assert chart.bars == ((date(2026, 3, 2), "2 Mar", 5.0), (date(2026, 3, 9), "9 Mar", 1.0), (date(2026, 3, 16), "16 Mar", 0.0))
    text = plain(chart_rows(chart, 40, 10))
    assert text[-2].startswith("█ met  █ short of it  ▒ this week so far")
    target_row = next(row for row in text if "╌" in row)
    assert target_row.lstrip().startswith("5 ┤█")  # the first week reaches the target line


def test_the_line_chart_puts_each_end_at_its_column_and_row() -> None:
    """x 0..10 over 20 plot columns (40 dots), y 0..10 over 8 rows (32 dots), after a gutter of 4
    for the labels 10, 5.7 and 0 and the axis: a line from (0, 0) to (10, 10) starts in the
    bottom-left cell and ends in the top-right one; today's rule at x 5."""
    rows = line_chart(
        [Line(((0, 0), (10, 10)), "pace", "pace")], 25, 10, x_range=(0, 10), y_range=(0, 10),
        rules=[Mark(5, "┊", "today")], ticks=[Mark(10, "◆", "done")], x_labels=[(0, "start")],
    )  # fmt: skip
    text = plain(rows)
    assert len(text) == 10 and {len(row) for row in text} == {25}
    assert text[0].startswith(" 10 ┤") and text[3].startswith("5.7 ┤") and text[7].startswith("  0 ┤")
    plot = [row[5:] for row in text[:8]]
    assert plot[7][0] != " " and plot[0][19] != " "  # the ends: braille dots in the corner cells
    assert plot[0][0] == " " and plot[7][19] == " "
    assert plot[0][10] == "┊"  # x 5 of 0..10 is dot 20 of 0..39: the eleventh column
    assert text[8][5:] == "─" * 10 + "┴" + "─" * 8 + "◆"
    assert text[9][5:].startswith("start")


async def test_the_goal_page_draws_the_chart_and_v_gives_it_the_panel(store: Store, screen_text) -> None:
    goal_id = study_goal(store)
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GoalDetailScreen(goal_id))
        await pilot.pause()
        chart = app.screen.query_one(ChartView)
        assert not chart.display  # a short screen shows the detail first
        await pilot.press("v")
        await pilot.pause()
        assert chart.display and not app.screen.query_one("#goal-view-text-scroll").display
        text = screen_text(app)
        assert "projected finish 5 Jul 2026" in text
        assert "◆" in text and "◇" in text and "┊" in text
        # The pace line runs from the bottom-left plot cell (1 Jan, 0 hours) to the top-right one
        # (31 Dec, 100 hours), in its own role; the check-ins are drawn as check-ins.
        plot = [row for row in chart.rows if any(role == "axis" and text in "┤│" for text, role in row)]
        cells = [[(char, role) for text, role in row for char in text] for row in plot]
        start = next(index for index, (char, _) in enumerate(cells[0]) if char in "┤│") + 1
        assert cells[-1][start][1] == "pace" and cells[0][-1][1] == "pace"
        assert any(role == "value" for row in cells for _, role in row)
        await pilot.press("v")
        await pilot.pause()
        assert not chart.display

    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(GoalDetailScreen(goal_id))
        await pilot.pause()
        text = screen_text(app)
        assert "Study 100 hours for the PMP" in text and "projected finish 5 Jul 2026" in text  # both, room for both
        store.add_checkin(goal_id, 60, at="2026-03-19")  # 40 hours in four days: the projection moves
        app.screen.refresh_data()
        await pilot.pause()
        assert "projected finish" in screen_text(app) and "5 Jul 2026" not in screen_text(app)
