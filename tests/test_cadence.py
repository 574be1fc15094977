"""Goals stated as a rate ("Complete 5 client reports per week"): each check-in adds to the week,
month or quarter it falls in; periods are met or missed; every view counts them the same way.

Today is Wed 25 Nov 2026 (conftest.NOW): its week runs Mon 23 – Sun 29 Nov.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import NOW, run_cli

from goaljournal.core.cadence import (
    amount_text,
    met_text,
    period_at,
    period_index,
    period_pace,
    streak_text,
    summarise,
)
from goaljournal.core.progress import pace_status, progress_fraction
from goaljournal.core.smart import extract_metric, smart_report
from goaljournal.store import Store
from goaljournal.store.errors import InvalidInput

TODAY = NOW.date()
# Four weeks of a 5-a-week goal started on Monday 2 Nov: met, missed, met, and 2 so far this week.
WEEKS = [("2026-11-02", 3.0), ("2026-11-06", 2.0), ("2026-11-10", 4.0), ("2026-11-16", 6.0), ("2026-11-24", 2.0)]


# -- core: the periods --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "cadence", "first", "last"),
    [
        (date(2026, 11, 25), "week", date(2026, 11, 23), date(2026, 11, 29)),  # weeks start on Monday
        (date(2026, 11, 29), "week", date(2026, 11, 23), date(2026, 11, 29)),
        (date(2027, 1, 1), "week", date(2026, 12, 28), date(2027, 1, 3)),  # a week across the new year
        (date(2026, 11, 25), "month", date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 11, 25), "quarter", date(2026, 10, 1), date(2026, 12, 31)),
        (date(2027, 2, 28), "quarter", date(2027, 1, 1), date(2027, 3, 31)),
    ],
)
def test_a_day_falls_in_one_period_and_the_periods_follow_each_other(day: date, cadence: str, first: date, last: date) -> None:
    index = period_index(day, cadence)
    assert (period_at(index, cadence).first, period_at(index, cadence).last) == (first, last)
    assert (period_at(index + 1, cadence).first - period_at(index, cadence).last).days == 1


def test_weeks_met_missed_and_the_one_under_way() -> None:
    summary = summarise("week", 5, WEEKS, TODAY, start="2026-11-02")
    assert summary.current == 2
    assert summary.this_period("client reports") == "2 of 5 client reports this week"
    # The week under way is not missed: 2 met of the 3 weeks that have ended.
    assert (summary.met, summary.counted, summary.streak) == (2, 3, 1)
    assert summary.met_text() == "2 of 3 weeks met"
    assert summary.streak_text() == "1 week in a row"
    shown = summary.results()
    assert [(r.period.first.isoformat(), r.total, r.met, r.running, r.missed) for r in shown] == [
        ("2026-11-23", 2.0, False, True, False),
        ("2026-11-16", 6.0, True, False, False),
        ("2026-11-09", 4.0, False, False, True),
        ("2026-11-02", 5.0, True, False, False),
    ]
    assert [r.period.first for r in summary.results(limit=2)] == [date(2026, 11, 23), date(2026, 11, 16)]

    done = summarise("week", 5, [*WEEKS, ("2026-11-25", 3.0)], TODAY, start="2026-11-02")
    assert (done.current, done.met, done.counted, done.streak) == (5, 3, 4, 2)
    assert done.met_text() == "3 of 4 weeks met" and done.streak_text() == "2 weeks in a row"


def test_a_week_begun_part_way_is_not_missed_but_counts_once_met() -> None:
    # Started on Thursday 5 Nov: that week had 2, short of 5, and is not held against the goal.
    late = summarise("week", 5, [("2026-11-06", 2.0), ("2026-11-10", 5.0), ("2026-11-16", 1.0)], TODAY, start="2026-11-05")
    assert (late.met, late.counted) == (1, 2)
    assert late.results()[-1].partial and not late.results()[-1].missed
    # Met anyway: it counts.
    keen = summarise("week", 5, [("2026-11-06", 5.0), ("2026-11-10", 5.0)], TODAY, start="2026-11-05")
    assert (keen.met, keen.counted, keen.streak) == (2, 3, 0)  # the week of 16 Nov was missed


def test_the_first_check_in_starts_the_count_when_it_comes_before_the_start_date() -> None:
    summary = summarise("month", 2, [("2026-08-10", 2.0), ("2026-10-03", 1.0)], TODAY, start="2026-09-01")
    # August (begun part-way: met, counted), September (missed), October (missed); November under way.
    assert (summary.met, summary.counted, summary.period_count) == (1, 3, 4)
    assert summary.met_text() == "1 of 3 months met"


def test_a_passed_deadline_ends_the_count_and_nothing_runs() -> None:
    summary = summarise("week", 1, [("2026-10-05", 1.0), ("2026-10-14", 1.0), ("2026-11-24", 9.0)], TODAY,
                        start="2026-10-05", deadline="2026-10-18")  # fmt: skip
    assert not summary.running
    assert (summary.met, summary.counted, summary.streak, summary.current) == (2, 2, 2, 0)


def test_no_period_ended_yet_and_no_target() -> None:
    fresh = summarise("quarter", 3, [], TODAY, start="2026-11-20")
    assert (fresh.met, fresh.counted, fresh.streak) == (0, 0, 0)
    assert fresh.met_text() == "no quarter ended yet"
    untargeted = summarise("month", None, [("2026-11-02", 4.0)], TODAY)
    assert untargeted.this_period() == "4 this month" and untargeted.met_text() == "no month ended yet"
    assert amount_text(2, 5, "quarter") == "2 of 5 this quarter"
    assert streak_text(0, "week") == "" and streak_text(3, "month") == "3 months in a row"
    assert met_text(1, 1, "quarter") == "1 of 1 quarter met"


def test_centuries_of_weeks_are_counted_without_walking_them() -> None:
    started = time.perf_counter()
    summary = summarise("week", 1, [("2026-11-16", 1.0), ("2026-11-24", 1.0)], TODAY, start="1000-01-06")
    assert time.perf_counter() - started < 0.05
    assert summary.period_count > 52_000 and summary.met == 2 and summary.streak == 2


@pytest.mark.parametrize(
    ("total", "day", "pace"),
    [
        (0, date(2026, 11, 23), "on track"),  # Monday morning: nothing due yet
        (2, date(2026, 11, 25), "on track"),  # Wednesday, 2 of 5: two days of seven behind us
        (1, date(2026, 11, 26), "at risk"),
        (0, date(2026, 11, 28), "off track"),
        (5, date(2026, 11, 24), "met"),
    ],
)
def test_a_period_is_paced_against_the_days_behind_us(total: float, day: date, pace: str) -> None:
    assert period_pace(total, 5, "week", day) == pace


# -- the SMART coach ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "target", "unit", "per"),
    [
        ("Complete 5 client reports per week", 5, "client reports", "week"),
        ("Attend two HR industry events per month", 2, "HR industry events", "month"),
        ("Read 2 books a month", 2, "books", "month"),
        ("Close 3 deals a quarter by the end of 2027", 3, "deals", "quarter"),
        ("Run 4 workshops per quarter", 4, "workshops", "quarter"),
        ("Publish an article every week", None, None, "week"),
        ("Send the team newsletter weekly", None, None, "week"),
        ("Go to the gym three times a week", 3, "times", "week"),
        ("Practise 20 minutes a day", 20, "minutes", None),  # a rate, but not a period a goal tracks
        ("Meet a mentor every two weeks", None, None, None),
        ("Read 12 books in 2027", 12, "books", None),
        ("Close 10 new deals this quarter", 10, "new deals", None),  # a deadline, not a rate
    ],
)
def test_the_coach_reads_the_period_of_a_rate(sentence: str, target: float | None, unit: str | None, per: str | None) -> None:
    metric = smart_report(sentence, TODAY).metric
    assert metric is not None
    assert (metric.amount, metric.unit, metric.per) == (target, unit, per)


@pytest.mark.parametrize("sentence", ["Cut travel costs by a quarter by June", "Spend a quarter of my week on mentoring"])
def test_a_quarter_as_a_fraction_is_no_rate(sentence: str) -> None:
    metric = extract_metric(sentence)
    assert metric is None or metric.per is None


def test_smart_json_prints_the_metric_with_its_period(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    def metric(sentence: str) -> object:
        code, out, err = run_cli(capsys, "smart", sentence, "--today", "2026-11-25", "--json")
        assert (code, err) == (0, "")
        return json.loads(out)["metric"]

    assert metric("Complete 5 client reports per week") == {"target": 5, "unit": "client reports", "per": "week"}
    assert metric("Attend two HR industry events per month") == {"target": 2, "unit": "HR industry events", "per": "month"}
    assert metric("Read 12 books by December 2027") == {"target": 12, "unit": "books", "per": None}
    assert metric("I want to be successful") is None


# -- the store ----------------------------------------------------------------------------------


def reports_goal(store: Store) -> int:
    return store.add_goal("Complete 5 client reports per week", target=5, unit="client reports", cadence="week",
                          start_date="2026-11-02", category="performance")  # fmt: skip


def test_check_ins_add_to_the_period_under_way(store: Store) -> None:
    goal_id = reports_goal(store)
    store.add_checkin(goal_id, 4, at="2026-11-20")  # last week: not this week's
    store.add_checkin(goal_id, 1, at="2026-11-23")
    store.add_checkin(goal_id, delta=1)  # "+1" on Today: one more, today
    goal = store.get_goal(goal_id)
    assert [c.value for c in store.checkins(goal_id)] == [4, 1, 1]  # amounts, not running values
    assert goal.current == 2 and goal.current_at == "2026-11-25"
    assert progress_fraction(goal) == pytest.approx(0.4)
    assert pace_status(goal, TODAY) == "on track"
    assert [g.current for g in store.goals() if g.id == goal_id] == [2]
    amounts = store.checkin_amounts([goal_id])[goal_id]
    assert amounts == [("2026-11-20", 4.0), ("2026-11-23", 1.0), ("2026-11-25", 1.0)]
    assert store.checkin_amounts([goal_id], until="2026-11-22")[goal_id] == [("2026-11-20", 4.0)]
    summary = summarise("week", 5, amounts, TODAY, start="2026-11-02")
    assert summary.this_period() == "2 of 5 this week" and summary.met_text() == "0 of 3 weeks met"


def test_a_plain_goal_keeps_its_meaning(store: Store) -> None:
    goal_id = store.add_goal("Earn the PMP", target=50, baseline=10, unit="hours")
    store.add_checkin(goal_id, 31, at="2026-11-20")
    store.add_checkin(goal_id, delta=2)
    goal = store.get_goal(goal_id)
    assert goal.current == 33 and [c.value for c in store.checkins(goal_id)] == [31, 33]
    assert progress_fraction(goal) == pytest.approx(23 / 40)


def test_a_cadence_the_store_does_not_know_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput):
        store.add_goal("Read 2 books a fortnight", target=2, cadence="fortnight")


def test_a_people_log_goal_with_a_cadence_counts_each_month(store: Store) -> None:
    goal_id = store.add_goal("Attend two HR industry events per month", target=2, cadence="month",
                             progress_from="event", start_date="2026-09-01", category="networking")  # fmt: skip
    priya = store.add_person("Priya Shah")
    omar = store.add_person("Omar Haddad")
    for person, day in ((priya, "2026-09-10"), (omar, "2026-09-10"), (priya, "2026-09-24"), (omar, "2026-10-08"),
                        (priya, "2026-11-12")):  # fmt: skip
        store.add_interaction(person, "event", at=day)
    store.add_interaction(priya, "coffee", at="2026-11-13")  # not an event
    checkins = store.checkins(goal_id)
    # One check-in per day, holding that day's count: amounts the months add up.
    assert [(c.at, c.value, c.source) for c in checkins] == [
        ("2026-09-10", 2.0, "interactions"), ("2026-09-24", 1.0, "interactions"),
        ("2026-10-08", 1.0, "interactions"), ("2026-11-12", 1.0, "interactions"),
    ]  # fmt: skip
    goal = store.get_goal(goal_id)
    assert goal.current == 1
    summary = summarise("month", 2, store.checkin_amounts([goal_id])[goal_id], TODAY, start=goal.start_date)
    assert (summary.met, summary.counted, summary.this_period()) == (1, 2, "1 of 2 this month")

    # Without a cadence the same goal counts a running total again, from its baseline.
    store.update_goal(goal_id, cadence=None, baseline=1)
    assert [c.value for c in store.checkins(goal_id)] == [3, 4, 5, 6]
    store.update_goal(goal_id, cadence="month")
    assert [c.value for c in store.checkins(goal_id)] == [2, 1, 1, 1]


# -- Today, by keys -----------------------------------------------------------------------------


async def test_today_adds_typed_check_ins_to_this_week(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from goaljournal.ui.app import GoalJournalApp

    goal_id = reports_goal(store)
    for day, amount in (("2026-11-03", 5), ("2026-11-12", 3), ("2026-11-13", 2), ("2026-11-17", 5)):
        store.add_checkin(goal_id, amount, at=day)
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "0 of 5 this week" in text and "3 weeks in a row" in text
        await pilot.press("tab")
        assert isinstance(app.focused, Input) and app.focused.id == f"checkin-{goal_id}"
        await pilot.press("+", "1", "enter")  # one more report
        await pilot.press("shift+tab", "1", "enter")  # and another: a plain number adds too
        await pilot.pause()
        text = screen_text(app)
        assert "2 of 5 this week" in text and "40%" in text and "3 weeks in a row" in text
        assert "client reports this week" not in text or "2 of 5 client reports this week" in text
        await pilot.press("shift+tab", "3", "enter")  # five: this week is met, and joins the streak
        await pilot.pause()
        text = screen_text(app)
        assert "5 of 5 this week" in text and "4 weeks in a row" in text and "met" in text
    assert [(c.at, c.value) for c in store.checkins(goal_id)][-3:] == [("2026-11-25", 1), ("2026-11-25", 1), ("2026-11-25", 3)]
    assert store.get_goal(goal_id).current == 5


# -- the drafting form, by keys -----------------------------------------------------------------


async def test_the_coach_fills_the_cadence_from_the_sentence_and_it_is_saved(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Select

    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.goals.screen import GoalsScreen

    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "n")
        await pilot.pause()
        cadence = app.screen.query_one("#draft-cadence", Select)
        assert cadence.value == "total"
        await pilot.press(*"Read 2 books a month")
        await pilot.pause()
        assert cadence.value == "month"
        assert any("per month" in line and "adds up" in line for line in screen_text(app).splitlines())
        await pilot.press("ctrl+u", *"Complete 5 client reports per week")
        await pilot.pause()
        assert cadence.value == "week"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    [goal] = store.goals()
    assert (goal.target, goal.unit, goal.cadence) == (5, "client reports", "week")


async def test_a_cadence_the_user_chose_is_not_overwritten_by_the_sentence(store: Store) -> None:
    from textual.widgets import Select

    from goaljournal.ui.app import GoalJournalApp

    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "n")
        await pilot.pause()
        cadence = app.screen.query_one("#draft-cadence", Select)
        cadence.focus()
        await pilot.press("enter", *"per q", "enter")  # the menu jumps to "per quarter" as it is typed
        await pilot.pause()
        assert cadence.value == "quarter"
        app.screen.query_one("#draft-title").focus()
        await pilot.press(*"Read 2 books a month", "ctrl+s")
        await pilot.pause()
    [goal] = store.goals()
    assert (goal.target, goal.unit, goal.cadence) == (2, "books", "quarter")


def test_the_goal_detail_lists_each_week_met_or_missed_newest_first(store: Store) -> None:
    from goaljournal.ui.goals.render import PERIODS_SHOWN, goal_detail

    goal_id = store.add_goal("Complete 5 client reports per week", target=5, unit="client reports", cadence="week",
                             start_date="2026-05-04")  # fmt: skip
    for day, amount in (("2026-11-03", 5), ("2026-11-10", 2), ("2026-11-17", 6), ("2026-11-24", 1)):
        store.add_checkin(goal_id, amount, at=day)
    text = goal_detail(store, store.get_goal(goal_id), TODAY).plain
    assert "1 of 5 client reports this week" in text
    assert "5 client reports per week · 2 of 29 weeks met · 1 week in a row" in text
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith(("✓", "✗", "… week"))]
    assert lines[:4] == [
        "… week of 23 Nov 2026    1/5  under way",
        "✓ week of 16 Nov 2026    6/5  met",
        "✗ week of 9 Nov 2026     2/5  missed",
        "✓ week of 2 Nov 2026     5/5  met",
    ]
    assert len(lines) == PERIODS_SHOWN and "… and 18 weeks before" in text


async def test_the_timeline_counts_the_weeks_met(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    from goaljournal.ui.app import GoalJournalApp

    goal_id = store.add_goal("Complete 5 client reports per week", target=5, unit="reports", cadence="week",
                             start_date="2026-10-05")  # fmt: skip
    for day, amount in (("2026-10-27", 5), ("2026-11-03", 5), ("2026-11-10", 2), ("2026-11-17", 6), ("2026-11-23", 1)):
        store.add_checkin(goal_id, amount, at=day)
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
    # The goal's span, drawn once after November's items: the weeks ended since 5 Oct are seven,
    # three of them met (from 26 Oct, 2 Nov, 16 Nov); this week runs on.
    assert "3 of 7 weeks met" in text
    assert "+6 reports" in text and "6 / 5" not in text  # a check-in is an amount, not a value so far
    from goaljournal.ui.timeline.screen import item_parts

    [start] = store.timeline_items("2026-10-05", "2026-10-05")
    assert "goal set · Complete 5 client reports per week  5 reports per week" in item_parts(start, TODAY, "month")[0].plain


def test_exports_say_a_cadence_goals_amount_is_this_periods(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goal_id = reports_goal(store)
    store.add_checkin(goal_id, 2, at="2026-11-24")
    store.update_goal(goal_id, deadline="2027-03-31")
    code, out, _ = run_cli(capsys, "--db", str(db_path), "export", "--format", "markdown")
    assert code == 0 and "2 of 5 client reports this week (40%)" in out
    code, out, _ = run_cli(capsys, "--db", str(db_path), "export", "--format", "ics")
    unfolded = out.replace("\r\n ", "").replace("\n ", "")
    assert code == 0 and "Target 5 client reports per week\\; 2 client reports this week" in unfolded


def test_the_report_counts_periods_met_in_the_period_and_since_the_start(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goal_id = store.add_goal("Complete 5 client reports per week", target=5, unit="client reports", cadence="week",
                             start_date="2026-10-05")  # fmt: skip
    for day, amount in (("2026-10-27", 5), ("2026-11-03", 5), ("2026-11-10", 2), ("2026-11-17", 6), ("2026-11-23", 1)):
        store.add_checkin(goal_id, amount, at=day)
    events = store.add_goal("Attend two HR industry events per month", target=2, cadence="month", progress_from="event",
                            start_date="2026-09-01")  # fmt: skip
    priya = store.add_person("Priya Shah")
    for day in ("2026-09-10", "2026-09-24", "2026-10-08", "2026-11-12"):
        store.add_interaction(priya, "event", at=day)
    code, out, err = run_cli(capsys, "--db", str(db_path), "report", "--period", "month")
    assert (code, err) == (0, "")
    assert "- Target: 5 client reports per week\n" in out
    assert "- This period: 3 of 4 weeks met · 1 of 5 client reports this week so far\n" in out
    assert "- Since the start: 3 of 7 weeks met · 1 week in a row\n" in out
    assert "of target" not in out  # no running total for a rate
    assert "- Target: 2 events attended per month\n" in out
    assert "- Since the start: 1 of 2 months met\n" in out
    assert "events attended +1 this period, 2 events attended per month · no month ended yet" in out
    assert events

    code, out, _ = run_cli(capsys, "--db", str(db_path), "report", "--period", "month", "--at", "2026-10-15")
    assert "- This period: 1 of 4 weeks met\n" in out  # October, as it ended: no week under way


def test_goals_json_gives_the_cadence_this_periods_total_and_the_periods_met(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goal_id = reports_goal(store)
    for day, amount in (("2026-11-03", 5), ("2026-11-10", 2), ("2026-11-17", 6), ("2026-11-24", 1)):
        store.add_checkin(goal_id, amount, at=day)
    plain = store.add_goal("Read 12 books", target=12, unit="books")
    code, out, err = run_cli(capsys, "--db", str(db_path), "goals", "--json")
    assert (code, err) == (0, "")
    by_id = {goal["id"]: goal for goal in json.loads(out)}
    rated = by_id[goal_id]
    assert (rated["cadence"], rated["current"], rated["target"], rated["progress"]) == ("week", 1, 5, 0.2)
    assert rated["periods"] == {"met": 2, "counted": 3, "streak": 1}
    assert by_id[plain]["cadence"] is None and "periods" not in by_id[plain]
    code, out, _ = run_cli(capsys, "--db", str(db_path), "goals")
    assert "1/5 client reports this week" in out


def test_checkin_and_goal_show_speak_of_the_period_under_way(
    store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goal_id = reports_goal(store)
    store.add_checkin(goal_id, 5, at="2026-11-17")  # last week: met, and not this week's
    code, out, err = run_cli(capsys, "--db", str(db_path), "checkin", str(goal_id), "2")
    assert (code, err) == (0, "")
    assert out.endswith("(2 of 5 this week)\n") and "of the way" not in out
    code, out, _ = run_cli(capsys, "--db", str(db_path), "goal", "show", str(goal_id))
    assert "progress 2 of 5 client reports this week (40%)" in out


async def test_at_80_columns_a_goals_pace_does_not_push_its_amount_out_of_sight(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    from goaljournal.ui.app import GoalJournalApp

    pmp = store.add_goal("Earn the PMP certification", target=50, baseline=0, unit="hours", start_date="2026-06-01",
                         deadline="2027-05-25")  # fmt: skip
    store.add_checkin(pmp, 31, at="2026-11-24")
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
    # The bar shrinks so "62%  on track" stays on its line, and the amount below stays in sight.
    assert "62%  on track" in text and "31 / 50" in text


async def test_today_shows_a_people_log_goal_per_month(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    from goaljournal.ui.app import GoalJournalApp

    store.add_goal("Attend two HR industry events per month", target=2, cadence="month", progress_from="event",
                   start_date="2026-09-01")  # fmt: skip
    priya = store.add_person("Priya Shah")
    for day in ("2026-09-10", "2026-09-24", "2026-10-08", "2026-10-20", "2026-11-12"):
        store.add_interaction(priya, "event", at=day)
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
    assert "1 of 2 events attended this month" in text and "2 months in a row" in text


@pytest.mark.parametrize(("cadence", "current"), [("week", 1.0), ("month", 3.0), ("quarter", 7.0)])
def test_the_period_under_way_is_the_cadences_own(store: Store, cadence: str, current: float) -> None:
    goal_id = store.add_goal("Run workshops", target=4, cadence=cadence, start_date="2026-06-01")
    for day, amount in (("2026-09-30", 8), ("2026-10-01", 4), ("2026-11-20", 2), ("2026-11-23", 1)):
        store.add_checkin(goal_id, amount, at=day)
    assert store.get_goal(goal_id).current == current  # Q4 from 1 Oct, November, the week from Mon 23 Nov
