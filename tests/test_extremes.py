"""Numbers and dates at their limits: what the journal accepts, stores and computes.

Values are bounded at NUMBER_LIMIT either way and days to the years 1000-9998 at the store, so
every caller (command line, app forms, imports) gets the same refusal; everything computed from
stored values (progress, pace, sparklines, periods, deadline phrases) is total: it never raises
or prints NaN or infinity, and stops or refuses at the range's ends.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import NOW, raw_connect
from goaljournal import cli
from goaljournal.core.dates import FIRST_DAY, LAST_DAY, BadDate, days_after, parse_day, parse_moment
from goaljournal.core.deadlines import deadline_from_field, find_deadline
from goaljournal.core.models import Goal
from goaljournal.core.periods import ZOOMS, BadJump, parse_jump, period_of
from goaljournal.core.progress import (
    NUMBER_LIMIT,
    elapsed_fraction,
    format_number,
    pace_status,
    progress_fraction,
    share,
    sparkline,
)
from goaljournal.core.report import PERIODS, report_period
from goaljournal.store import Store
from goaljournal.store.errors import InvalidInput
from goaljournal.store.transfer import export_data

# -- helpers --------------------------------------------------------------------------------


def journal_state(path: Path) -> dict:
    with Store.open(path, clock=lambda: NOW) as store:
        return export_data(store)


def run_cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, out: str, err: str) -> str:
    assert code == 1, err
    assert not out
    assert "Traceback" not in err
    assert err.startswith("goaljournal: ") and err.count("\n") == 1, repr(err)
    return err


@pytest.fixture
def journal(db_path: Path) -> Path:
    """One goal (id 1, 0 → 10 books) with a check-in of 4."""
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal_id = store.add_goal("Read 10 books", target=10, baseline=0, deadline="2027-06-30")
        store.add_checkin(goal_id, 4, at="2026-11-20")
    return db_path


# -- numbers on the command line ------------------------------------------------------------

TOO_BIG = [
    ("checkin", "1", "1e308"),
    ("checkin", "1", "--", "-1e308"),
    ("checkin", "1", "+1e308"),
    ("checkin", "1", str(10**30)),
    ("checkin", "1", "1e400"),
    ("checkin", "1", "1000000000001"),
    ("checkin", "1", "+999999999999"),  # 4 + that passes the limit: the store says so
    ("goal", "add", "x", "--target", str(10**30)),
    ("goal", "add", "x", "--target", "1e400"),
    ("goal", "add", "x", "--baseline=-1e308"),
    ("goal", "add", "x", "--baseline", "1e13", "--target", "1"),
]


@pytest.mark.parametrize("args", TOO_BIG, ids=" ".join)
def test_a_number_past_the_limit_is_one_line_and_changes_nothing(
    journal: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    before = journal_state(journal)
    message = assert_one_line_error(*run_cli(capsys, journal, *args))
    assert "1e12" in message
    assert journal_state(journal) == before


def test_the_limit_itself_is_accepted_and_shown_as_a_number(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, journal, "checkin", "1", "1e12")[0] == 0
    assert run_cli(capsys, journal, "checkin", "1", "--", "-1e12")[0] == 0
    code, out, _ = run_cli(capsys, journal, "goals", "--json")
    assert code == 0
    goals = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert goals[0]["current"] == -1e12 and goals[0]["progress"] == 0


# -- numbers at the store -------------------------------------------------------------------


@pytest.mark.parametrize("value", [1e308, -1e308, 1e12 * 1.0000001, 10**30, math.inf, -math.inf, math.nan, True, "5"])
def test_the_store_refuses_a_value_out_of_bounds_from_every_caller(store: Store, value: object) -> None:
    goal_id = store.add_goal("Read 10 books", target=10)
    with pytest.raises(InvalidInput, match="number"):
        store.add_checkin(goal_id, value)  # type: ignore[arg-type]
    for field in ("target", "baseline"):
        with pytest.raises(InvalidInput, match="number"):
            store.add_goal("Another", **{field: value})
        with pytest.raises(InvalidInput, match="number"):
            store.update_goal(goal_id, **{field: value})
    assert store.checkins(goal_id) == []
    assert [g.title for g in store.goals()] == ["Read 10 books"]
    assert store.get_goal(goal_id).target == 10


def test_two_big_increments_no_longer_reach_infinity(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, journal, "checkin", "1", "+6e11")[0] == 0
    before = journal_state(journal)
    assert_one_line_error(*run_cli(capsys, journal, "checkin", "1", "+6e11"))
    assert journal_state(journal) == before


# -- the maths over whatever a journal holds (a journal written before the limit too) -------

finite = st.floats(allow_nan=False, allow_infinity=False)
bounded = st.floats(min_value=-NUMBER_LIMIT, max_value=NUMBER_LIMIT, allow_nan=False)
any_float = st.floats()
days = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


def goal_with(target: float | None, baseline: float | None, current: float | None, **dates: str | None) -> Goal:
    return Goal(id=1, uuid="u", title="g", status="active", target=target, baseline=baseline, current=current, **dates)


@given(target=any_float, baseline=st.none() | any_float, current=st.none() | any_float)
def test_progress_is_a_fraction_whatever_the_numbers(target: float, baseline: float | None, current: float | None) -> None:
    fraction = progress_fraction(goal_with(target, baseline, current))
    assert fraction is not None and 0.0 <= fraction <= 1.0


@given(target=bounded, baseline=bounded, current=bounded)
def test_progress_within_the_limit_is_the_plain_ratio(target: float, baseline: float, current: float) -> None:
    fraction = share(current, baseline, target)
    if target == baseline:
        assert fraction == 1.0
    else:
        expected = min(max((current - baseline) / (target - baseline), 0.0), 1.0)
        assert fraction == pytest.approx(expected, abs=1e-9)


@given(
    target=finite, baseline=st.none() | finite, current=st.none() | finite,
    start=days, deadline=days, today=days,
)  # fmt: skip
def test_pace_and_elapsed_time_are_total(
    target: float, baseline: float | None, current: float | None, start: date, deadline: date, today: date
) -> None:
    goal = goal_with(target, baseline, current, start_date=start.isoformat(), deadline=deadline.isoformat())
    elapsed = elapsed_fraction(goal, today)
    assert elapsed is not None and 0.0 <= elapsed <= 1.0
    assert pace_status(goal, today) in ("done", "on track", "at risk", "off track")


@given(values=st.lists(any_float, min_size=1, max_size=40))
def test_a_sparkline_is_one_bar_per_value_whatever_the_values(values: list[float]) -> None:
    line = sparkline(values)
    assert len(line) == len(values) and set(line) <= set("▁▂▃▄▅▆▇█")


@given(value=st.none() | any_float)
def test_format_number_never_prints_nan_or_inf(value: float | None) -> None:
    text = format_number(value)
    assert "nan" not in text.lower() and "inf" not in text.lower()
    assert len(text) <= 13  # "-1.00001e+100"


@pytest.mark.parametrize(
    ("target", "baseline", "current", "expected"),
    [
        (10, 10, 3, 1.0),  # target equal to the baseline: reached
        (1e308, -1e308, 0, 0.5),  # a span past the biggest float
        (-1e308, 1e308, 1e308, 0.0),
        (1e308, -1e308, math.inf, 1.0),  # an infinity stored before values were bounded
        (-10, 0, -5, 0.5),  # a goal to go down
        (5e-324, 0, 1e12, 1.0),  # a tiny span
    ],
)
def test_progress_at_the_edges(target: float, baseline: float, current: float, expected: float) -> None:
    assert progress_fraction(goal_with(target, baseline, current)) == pytest.approx(expected)


# -- dates on the command line --------------------------------------------------------------

BAD_DATES = [
    ("log", "x", "--at", "0999-05-01"),
    ("log", "x", "--at", "9999-12-31"),
    ("log", "x", "--at", "9999-12-31 23:59"),
    ("log", "x", "--at", "999999 days ago"),
    ("log", "x", "--at", "99999999999999999999 days ago"),
    ("log", "x", "--at", "9" * 5000 + " days ago"),
    ("log", "x", "--at", "9999-12-31T23:00-05:00"),
    ("checkin", "1", "5", "--at", "0999-12-31"),
    ("goal", "add", "x", "--deadline", "9999-01-01"),
    ("goal", "add", "x", "--deadline", "0999-05-01"),
    ("met", "Ada", "--at", "0999-05-01"),
    ("met", "Ada", "--follow-up", "9999-01-01"),
    ("report", "--at", "9999-12-31"),
    ("report", "--at", "0999-12-31"),
    ("search", "x", "--from", "999999 days ago"),
]


@pytest.mark.parametrize("args", BAD_DATES, ids=lambda args: " ".join(args)[:60])
def test_a_date_outside_the_journals_years_is_one_line_and_changes_nothing(
    journal: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    before = journal_state(journal)
    assert_one_line_error(*run_cli(capsys, journal, *args))
    assert journal_state(journal) == before


@pytest.mark.parametrize("within", ["9999999999", "99999999999999999999999", "2921940"])
def test_followups_within_any_number_of_days(journal: Path, capsys: pytest.CaptureFixture[str], within: str) -> None:
    with Store.open(journal, clock=lambda: NOW) as store:
        person = store.add_person("Ada")
        store.add_interaction(person, "coffee", at="2026-11-20", follow_up="Send the article", follow_up_due="9998-12-31")
    code, out, err = run_cli(capsys, journal, "followups", "--within", within)
    assert code == 0, err
    assert "Send the article" in out


@pytest.mark.parametrize("now", ["9998-12-31T23:00", "1000-01-01T00:30"])
@pytest.mark.parametrize(
    "args",
    [
        ("goal", "add", "Ship it", "--deadline", "next year"),
        ("goal", "add", "Ship it", "--deadline", "end of Q4"),
        ("goal", "add", "Ship it", "--deadline", "in 3 months"),
        ("goal", "add", "Ship it", "--deadline", "by Christmas"),
        ("goal", "add", "Ship it by the end of next year"),
        ("met", "Ada", "--follow-up", "in a week"),
        ("log", "x", "--at", "tomorrow"),
        ("log", "x", "--at", "yesterday"),
        ("report", "--period", "year"),
        ("report", "--period", "quarter"),
        ("report", "--period", "month"),
        ("followups", "--within", "30"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else value,
)
def test_commands_at_the_ends_of_the_range_refuse_or_work_without_a_traceback(
    db_path: Path, capsys: pytest.CaptureFixture[str], now: str, args: tuple[str, ...]
) -> None:
    clock = datetime.fromisoformat(now)
    code = cli.main(["--db", str(db_path), *args], clock=lambda: clock)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code:
        assert_one_line_error(code, out, err)
        assert "outside the dates a journal holds" in err or "is not a date" in err
    with Store.open(db_path, clock=lambda: clock) as store:
        stored = [g.deadline for g in store.goals()] + [e.at[:10] for e in store.entries()]
    assert all(FIRST_DAY.isoformat() <= day <= LAST_DAY.isoformat() for day in stored if day)


# -- dates at the store ---------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["999-05-01", "0999-05-01", "9999-12-31", "20261125", "2026-W48-3", "2026-11-25T00:00", date(999, 1, 1), date(9999, 1, 1)])
def test_the_store_keeps_days_canonical_and_in_range(store: Store, bad: object) -> None:
    goal_id = store.add_goal("Read", target=10)
    with pytest.raises(InvalidInput):
        store.add_checkin(goal_id, 1, at=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        store.add_goal("Another", deadline=bad)
    with pytest.raises(InvalidInput):
        store.add_milestone(goal_id, "Step", due=bad)  # type: ignore[arg-type]
    assert store.checkins(goal_id) == [] and store.milestones(goal_id) == [] and len(store.goals()) == 1


@pytest.mark.parametrize("bad", ["0999-05-01 10:00", "9999-12-31 10:00:00", "20261125T1000", datetime(9999, 1, 1), datetime(999, 12, 31, 23)])
def test_the_store_keeps_moments_in_range(store: Store, bad: object) -> None:
    with pytest.raises(InvalidInput):
        store.add_entry("Something", at=bad)  # type: ignore[arg-type]
    assert store.count_entries() == 0


def test_the_ends_of_the_range_are_stored(store: Store) -> None:
    goal_id = store.add_goal("Old", target=10, start_date="1000-01-01", deadline="9998-12-31")
    store.add_checkin(goal_id, 1, at=date(1000, 1, 1))
    store.add_entry("first", at="1000-01-01 00:00")
    store.add_entry("last", at=datetime(9998, 12, 31, 23, 59, 59))
    person = store.add_person("Ada")
    talk = store.add_interaction(person, "coffee", at="9998-12-31", follow_up="Write back")
    # The default follow-up (a week later) stops at the last day a journal holds.
    assert store.get_interaction(talk).follow_up_due == "9998-12-31"
    assert [e.at for e in store.entries()] == ["9998-12-31 23:59:59", "1000-01-01 00:00:00"]


# -- periods and deadline phrases at the range's ends ---------------------------------------


@given(day=days, zoom=st.sampled_from(ZOOMS), steps=st.integers(min_value=-(10**12), max_value=10**12))
@example(day=LAST_DAY, zoom="week", steps=1)
@example(day=LAST_DAY, zoom="month", steps=1)
@example(day=LAST_DAY, zoom="quarter", steps=1)
@example(day=LAST_DAY, zoom="year", steps=1)
@example(day=FIRST_DAY, zoom="week", steps=-1)
@example(day=FIRST_DAY, zoom="year", steps=-(10**12))
def test_periods_shift_anywhere_and_stop_at_the_ends(day: date, zoom: str, steps: int) -> None:
    period = period_of(day, zoom)
    assert period.first <= day <= period.last
    moved = period.shifted(steps)
    assert moved.zoom == zoom
    assert moved.first <= LAST_DAY and moved.last >= FIRST_DAY
    assert moved.label  # the label of any period can be written
    if steps > 0:
        assert moved.first >= period.first
    elif steps < 0:
        assert moved.first <= period.first


@given(day=st.dates(), kind=st.sampled_from(PERIODS))
@example(day=date.max, kind="month")
def test_report_periods_and_the_next_one_exist_for_every_day(day: date, kind: str) -> None:
    period = report_period(kind, day)
    following = period.shifted(1)  # a report's "next period" section
    assert following.first <= LAST_DAY and following.last >= FIRST_DAY
    if day <= LAST_DAY:
        assert following.first >= period.first


@pytest.mark.parametrize("day", [date.min, date.max, FIRST_DAY, LAST_DAY])
@pytest.mark.parametrize("zoom", ZOOMS)
def test_period_of_at_the_calendars_ends(day: date, zoom: str) -> None:
    period = period_of(day, zoom)
    assert period.first <= day <= period.last


PHRASES = [
    "next year", "end of Q4", "end of next quarter", "this quarter", "in 3 months", "within a decade",
    "by Christmas", "next week", "by the end of the month", "tomorrow", "in 1000 years", "Q1", "by summer",
    "this winter", "second half of next year", "by next June", "end of next year", "by Friday", "in 2 weeks",
]  # fmt: skip


@pytest.mark.parametrize("today", [FIRST_DAY, LAST_DAY, date.min, date.max, LAST_DAY - timedelta(days=40)])
@pytest.mark.parametrize("phrase", PHRASES)
def test_deadline_phrases_never_overflow(today: date, phrase: str) -> None:
    found = deadline_from_field(phrase, today)
    assert found is None or isinstance(found.day, date)
    find_deadline(f"Ship it {phrase}", today)  # no OverflowError or ValueError


@pytest.mark.parametrize("today", [FIRST_DAY, LAST_DAY])
@pytest.mark.parametrize(
    "text", ["next year", "last year", "next week", "last week", "next month", "in 5 years", "30 days ago", "9999", "0999-12-31", "Q1 9999"]
)
def test_jumps_at_the_ends_go_nowhere_past_them(today: date, text: str) -> None:
    try:
        target = parse_jump(text, today)
    except BadJump as err:
        assert str(err)
    else:
        assert target.first <= LAST_DAY and target.last >= FIRST_DAY


@given(text=st.text(max_size=30), today=days)
@example(text="0999-05-01", today=FIRST_DAY)
@example(text="9999-12-31 10:00", today=LAST_DAY)
@example(text="tomorrow", today=LAST_DAY)
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_typed_days_are_refused_or_in_range(text: str, today: date) -> None:
    try:
        day = parse_day(text, today)
    except BadDate:
        return
    assert FIRST_DAY <= day <= LAST_DAY


@pytest.mark.parametrize("text", ["999999 days ago", "1 day ago", "tomorrow", "9" * 5000 + " days ago"])
@pytest.mark.parametrize("now", [datetime(1000, 1, 1), datetime(9998, 12, 31, 23, 59)])
def test_relative_days_at_the_ends_are_refused_not_overflowed(text: str, now: datetime) -> None:
    try:
        moment = parse_moment(text, now)
    except BadDate as err:
        assert "outside the dates a journal holds" in str(err)
    else:
        assert FIRST_DAY <= moment.date() <= LAST_DAY


@given(day=days, count=st.integers())
def test_days_after_is_total(day: date, count: int) -> None:
    assert FIRST_DAY <= days_after(day, count) <= LAST_DAY


# -- the app on a journal at the range's ends -------------------------------------------------


def _fill_extremes(store: Store) -> None:
    for day in ("1000-01-01", "9998-12-31"):
        goal_id = store.add_goal(f"Goal of {day}", target=1e12, baseline=-1e12, start_date="1000-01-01", deadline=day)
        store.add_milestone(goal_id, f"Step of {day}", due=day)
        store.add_checkin(goal_id, 1e12, at=day)
        store.add_checkin(goal_id, -1e12, at=day)
        store.add_entry(f"Entry of {day}", at=f"{day} 12:00", goal_ids=[goal_id])
        person = store.add_person(f"Person of {day}")
        store.add_interaction(person, "coffee", at=day, follow_up="Write back", follow_up_due=day)
    flat = store.add_goal("Target equals baseline", target=5, baseline=5, deadline="9998-12-31")
    store.add_checkin(flat, 5)


def _legacy_values(db_path: Path) -> None:
    """What a journal written before the limits may hold: the biggest floats, an infinity, and
    days in year 9999 (the calendar's last)."""
    with raw_connect(db_path) as conn:
        conn.execute("UPDATE goals SET target = 1.7e308, baseline = -1.7e308 WHERE title LIKE 'Goal of 1000%'")
        conn.execute("UPDATE checkins SET value = 9e999 WHERE value = 1e12")  # SQLite reads 9e999 as +Inf
        conn.execute("UPDATE goals SET deadline = '9999-12-31' WHERE title LIKE 'Goal of 9998%'")
        conn.execute("UPDATE milestones SET due_date = '9999-12-31' WHERE title LIKE 'Step of 9998%'")
        conn.execute("UPDATE entries SET at = '9999-12-31 12:00:00' WHERE text LIKE 'Entry of 9998%'")
        conn.execute("UPDATE interactions SET at = '9999-12-31', follow_up_due = '9999-12-31' WHERE at = '9998-12-31'")


@pytest.mark.parametrize(
    ("legacy", "today"),
    [(False, FIRST_DAY), (False, LAST_DAY), (True, date(2026, 11, 25)), (True, LAST_DAY)],
    ids=["first-day", "last-day", "legacy-values", "legacy-values-last-day"],
)
async def test_the_app_on_a_journal_at_the_ends_of_the_range(db_path: Path, screen_text, legacy: bool, today: date) -> None:
    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.timeline.screen import TimelineScreen

    with Store.open(db_path, clock=lambda: NOW) as store:
        _fill_extremes(store)
    if legacy:
        _legacy_values(db_path)
    with Store.open(db_path, clock=lambda: NOW) as store:
        app = GoalJournalApp(store, today=today)
        async with app.run_test(size=(130, 40)) as pilot:
            await pilot.press("t", "g", "down", "down", "enter")  # Today, Goals, a goal's detail
            await pilot.pause()
            await pilot.press("escape", "r", "l")  # Reflections, Timeline
            await pilot.pause()
            assert isinstance(app.screen, TimelineScreen)
            # Every zoom, moved to both ends and past them.
            await pilot.press("1", "[", "[", "]", "]", "2", "3", "4", "end", "]", "]", "home", "[", "[")
            await pilot.press("-", "+", "+", "+", "o", "full_stop")
            await pilot.pause()
            for jump, zoom in (("9998-12-31", "1"), ("1000-01-01", "2"), ("next year", "3"), ("last year", "4"), ("9999", "1")):
                await pilot.press("colon", *jump, "enter", "escape", zoom, "[", "]")
            await pilot.pause()
            await pilot.press("s", "enter")  # a goal's story, from 1000 to its deadline
            await pilot.pause()
            shown = screen_text(app)
            assert "Goal story" in shown
            await pilot.press("end", "home", "escape", "escape")
            await pilot.pause()
            for key in ("g", "t"):
                await pilot.press(key)
                await pilot.pause()
                shown += screen_text(app)
            assert not re.search(r"\b(nan|inf|infinity)\b", shown, re.IGNORECASE)
        assert app.return_code in (None, 0)


@pytest.mark.plain_journal("checks that no journal file is made")
@pytest.mark.parametrize("now", ["9999-12-31T10:00", "0999-12-31T10:00", "9999-12-31T23:00-05:00", "0001-01-01T01:00+05:00"])
def test_a_fixed_clock_outside_the_range_is_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, now: str
) -> None:
    monkeypatch.setenv("GOALJOURNAL_NOW", now)
    assert_one_line_error(*run_cli(capsys, db_path, "log", "hello"))
    assert not db_path.exists()


def test_the_calendar_export_takes_a_check_in_on_the_calendars_last_day(db_path: Path) -> None:
    from goaljournal.core.ics_export import build_calendar
    from goaljournal.core.models import CheckIn

    checkin = CheckIn(id=1, uuid="c", goal_id=1, at="9999-12-31", value=1e308, created_at="9999-12-31T23:59:59Z")
    text = build_calendar([], [], checkins=[checkin]).decode()
    assert "DTSTART;VALUE=DATE:99991231" in text and "DTEND" not in text


def test_commands_on_a_journal_holding_values_from_before_the_limit(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An infinity and the biggest floats (stored before values were bounded): every listing
    and the report still work, print numbers, and `goals --json` stays JSON."""
    with Store.open(journal, clock=lambda: NOW) as store:
        store.add_checkin(1, 3, at="2026-10-01")
        store.add_goal("Huge span", target=10, baseline=0)
        store.add_checkin(2, 5, at="2026-11-01")
        store.add_checkin(2, 6, at="2026-11-02")
    with raw_connect(journal) as conn:
        conn.execute("UPDATE goals SET target = 1.7e308, baseline = -1.7e308 WHERE id = 2")
        conn.execute("UPDATE checkins SET value = 9e999 WHERE goal_id = 1")  # +Inf
        conn.execute("UPDATE checkins SET value = -1.7e308 WHERE goal_id = 2 AND at = '2026-11-01'")
    code, out, err = run_cli(capsys, journal, "goals", "--json")
    assert code == 0, err
    goals = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert [(goal["current"], goal["progress"]) for goal in goals] == [(None, 1.0), (6, 0.5)]
    shown = ""
    for args in (("goals",), ("report",), ("report", "--period", "year"), ("export", "--format", "ics"), ("checkin", "1", "+1")):
        code, out, err = run_cli(capsys, journal, *args)
        shown += out
        if args[0] == "checkin":  # one more than infinity is refused
            assert_one_line_error(code, out, err)
        else:
            assert code == 0, err
    assert not re.search(r"\b(nan|inf|infinity)\b", shown, re.IGNORECASE)
    assert "This period: ∞ → ∞ (+0)" in shown  # a change from infinity to itself is none, not NaN


@pytest.mark.parametrize("typed", ["99999999999999999999", "+999999999999", "9" * 400])
async def test_a_check_in_past_the_limit_typed_on_today_is_refused_with_a_message(store: Store, typed: str) -> None:
    from textual.widgets import Input

    from goaljournal.ui.app import GoalJournalApp

    goal_id = store.add_goal("Read 10 books", target=10)
    store.add_checkin(goal_id, 4, at="2026-11-20")
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(130, 40)) as pilot:
        field = app.screen.query_one(f"#checkin-{goal_id}", Input)
        field.focus()
        field.value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert any("1e12" in str(note.message) or "not a number" in str(note.message) for note in app._notifications)
    assert [c.value for c in store.checkins(goal_id)] == [4]


def test_the_import_and_doctor_hold_values_to_the_same_limit() -> None:
    from goaljournal.store import fields

    assert fields.NUMBER_LIMIT is NUMBER_LIMIT
    with pytest.raises(fields.BadValue):
        fields.Number().convert(NUMBER_LIMIT * 1.0000001)
