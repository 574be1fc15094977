"""Trends: the heat map of check-in days, the day counts it is drawn from, mood and energy over
time with gaps, and a skill's ratings across self-assessments, as pictures."""

from __future__ import annotations

from datetime import date, timedelta

from goaljournal.core.chart import Line, line_chart, plain
from goaljournal.core.heatmap import heat_map, month_labels
from goaljournal.core.models import DailyCheckin
from goaljournal.core.trends import longest_streak, score_series, skill_rows
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.widgets.chart import ChartView

TODAY = date(2026, 11, 25)  # a Wednesday


def test_the_heat_map_puts_each_day_in_its_week_and_weekday_and_labels_the_months() -> None:
    heat = heat_map({TODAY: 4, date(2026, 11, 24): 1, date(2026, 1, 7): 2}, TODAY)
    assert len(heat.columns) == 53 and heat.first == date(2025, 11, 24)  # a Monday, 52 weeks before this one
    assert heat.columns[52][2] == TODAY and heat.columns[52][1] == date(2026, 11, 24)
    assert heat.columns[52][3] is None  # tomorrow
    assert heat.columns[6][2] == date(2026, 1, 7)
    assert (heat.level(TODAY), heat.level(date(2026, 11, 24)), heat.level(date(2026, 11, 23))) == (4, 1, 0)
    months = dict(heat.months)
    assert (months[0], months[1], months[5]) == ("Nov", "Dec", "2026")  # a January shows its year


def test_the_new_year_label_wins_over_the_month_it_would_touch() -> None:
    """From 8 Dec 2025 a week a cell: "Dec" at column 0 and "2026" at column 3 touch; the year stays."""
    line = month_labels(heat_map({}, date(2026, 12, 7)))
    assert line.startswith("   2026    Mar ")
    assert month_labels(heat_map({}, TODAY)).startswith("Nov  2026")  # room for both: both


def test_a_week_starting_on_sunday_moves_the_days_down_a_row() -> None:
    heat = heat_map({}, TODAY, week_start=6)
    assert heat.columns[52][0] == date(2026, 11, 22) and heat.columns[52][3] == TODAY
    assert heat.columns[52][4:] == (None, None, None)


def test_streaks_count_consecutive_days() -> None:
    days = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 5), date(2026, 3, 6)]
    assert longest_streak(days) == 3 and longest_streak([]) == 0


def score(day: date, mood: int | None, energy: int | None = None) -> DailyCheckin:
    return DailyCheckin(id=0, uuid="", day=day.isoformat(), mood=mood, energy=energy)


def test_mood_and_energy_are_a_week_s_mean_with_a_gap_for_a_week_without_a_score() -> None:
    first = date(2025, 11, 24)
    scores = [score(date(2026, 1, 5), 4, 2), score(date(2026, 1, 6), 2), score(date(2026, 1, 21), None, 5)]
    series = score_series(scores, first, TODAY)
    assert series.step == 7
    assert series.mood == ((date(2026, 1, 8), 3.0),)  # mid-week; the energy-only day gives no mood at all
    assert series.energy == ((date(2026, 1, 8), 2.0), (date(2026, 1, 22), 5.0))
    # Drawn, the two weeks' energies are apart: a lone dot each, no line through the week between.
    rows = line_chart([Line(((0, 2), (14, 5)), "series2", "energy", gap=7)], 30, 7, x_range=(0, 14), y_range=(1, 5))
    assert len([cell for row in plain(rows[:5]) for cell in row[3:] if cell != " "]) == 2


def test_a_journal_begun_in_the_last_90_days_is_drawn_over_those_days_a_point_a_day() -> None:
    series = score_series([score(TODAY - timedelta(days=10), 3), score(TODAY - timedelta(days=8), 5)], date(2025, 11, 24), TODAY)
    assert series.step == 1 and series.first == TODAY - timedelta(days=89)
    assert series.mood == ((TODAY - timedelta(days=10), 3.0), (TODAY - timedelta(days=8), 5.0))


def test_a_skill_chart_puts_each_rating_on_its_row() -> None:
    rows = plain(skill_rows("Negotiation", [5, None, 1], [date(2026, 1, 5), date(2026, 5, 9), date(2026, 9, 6)], 40, 10))
    top, bottom = next(row for row in rows if row.startswith("5 ┤")), next(row for row in rows if row.startswith("1 ┤"))
    assert top.count("●") == bottom.count("●") == 1 and top.index("●") < bottom.index("●")
    assert "5 Jan" in rows[-2] and "6 Sep" in rows[-2] and rows[-1] == "● Negotiation"


def test_activity_counts_check_ins_and_a_recorded_mood_once(store: Store) -> None:
    kept, trashed = store.add_goal("Study"), store.add_goal("Old goal")
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    store.add_checkin(kept, 1, at=monday)
    store.add_checkin(kept, 2, at=monday)
    store.add_checkin(trashed, 1, at=monday)
    store.trash("goals", trashed)
    store.set_day_scores(monday, mood=4)
    store.set_day_scores(tuesday, mood=3)
    store.set_day_scores(tuesday, energy=2)
    assert store.activity_by_day(monday - timedelta(days=7), TODAY) == {monday: 3, tuesday: 1}


async def test_the_trends_screen_shows_each_day_s_shade_and_the_streak(store: Store) -> None:
    goal = store.add_goal("Study")
    for _ in range(4):
        store.add_checkin(goal, 1, at=TODAY)
    store.add_checkin(goal, 1, at=TODAY - timedelta(days=1))
    store.set_day_scores(TODAY - timedelta(days=2), mood=4)  # a mood alone makes the day count
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        lines = app.screen.query_one("#trends-heat", ChartView).render().plain.splitlines()
        week = len("Mon ") + 52  # this week's column, after the weekday names
        assert [lines[row][week] for row in (1, 2, 3, 4)] == ["░", "░", "█", " "]  # Monday to Thursday (tomorrow)
        assert lines[3].startswith("Wed") and lines[1][week - 1] == "·"
        assert "Current streak" in lines[1] and "3 days" in lines[2]


async def test_the_skill_chart_follows_the_highlighted_skill(store: Store) -> None:
    may, september = store.add_assessment("2026-05-09"), store.add_assessment("2026-09-06")
    excel, speaking = store.add_skill("Excel"), store.add_skill("Public speaking")
    for session, excel_rating, speaking_rating in ((may, 5, 1), (september, 3, 5)):
        store.rate_skill(session, excel, excel_rating)
        store.rate_skill(session, speaking, speaking_rating)
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()

        def chart() -> dict[str, str]:
            rows = app.screen.query_one("#skill-chart", ChartView).render().plain.splitlines()
            return {row[:3]: row for row in rows if row[:3] in ("5 ┤", "3 ┤", "1 ┤")} | {"legend": rows[-1]}

        excel_chart = chart()
        assert excel_chart["legend"] == "● Excel"
        assert excel_chart["5 ┤"].index("●") < excel_chart["3 ┤"].index("●") and "●" not in excel_chart["1 ┤"]
        app.screen.query_one("#skills-over-time").focus()
        await pilot.press("down")
        await pilot.pause()
        speaking_chart = chart()
        assert speaking_chart["legend"] == "● Public speaking"
        assert speaking_chart["1 ┤"].index("●") < speaking_chart["5 ┤"].index("●") and "●" not in speaking_chart["3 ┤"]
