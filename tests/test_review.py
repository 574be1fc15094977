"""The review ritual: which period a review covers and when one is due (pure), the store's reviews
(decisions, entries, focus, the numbers kept), comparing two reviews, and a whole weekly review
of the demo journal taken by keys."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import NOW
from demo_app import make_demo_journal

from goaljournal.core.review import (
    DoneReview,
    PeriodNumbers,
    compare_goals,
    compare_numbers,
    review_due,
    review_period,
    ReviewedGoal,
)
from goaljournal.store import InvalidInput, Store
from goaljournal.ui import nav
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.review.render import comparison_content
from goaljournal.ui.review.screen import ReviewSession
from goaljournal.ui.today.screen import TodayScreen

# A week away from a month's end, when the month's review would ask first.
WEDNESDAY = date(2026, 12, 16)
FRIDAY = date(2026, 12, 18)
LAST_WEEK = date(2026, 12, 7)  # its Monday
THIS_WEEK = date(2026, 12, 14)


# -- which period, and when it is due ---------------------------------------------------------


def test_a_review_covers_the_week_under_way_from_its_friday_and_the_week_before_until_then() -> None:
    assert review_period("week", FRIDAY).first == THIS_WEEK
    assert review_period("week", FRIDAY + timedelta(days=2)).first == THIS_WEEK  # Sunday
    assert review_period("week", WEDNESDAY).first == LAST_WEEK
    assert review_period("week", FRIDAY, week_start=6).first == date(2026, 12, 13)  # weeks from Sunday
    assert (review_period("month", date(2026, 11, 28)).first, review_period("month", date(2026, 12, 5)).first) == (
        date(2026, 11, 1), date(2026, 11, 1))  # fmt: skip
    assert review_period("quarter", date(2027, 1, 10)).first == date(2026, 10, 1)
    with pytest.raises(ValueError, match="unknown review"):
        review_period("year", FRIDAY)


def test_the_weekly_review_is_due_from_friday_to_tuesday_and_only_with_an_active_goal() -> None:
    since = date(2026, 1, 1)
    mid_month = date(2026, 12, 14)  # a Monday, away from a month's end (when the month's review asks first)
    due = {day: review_due(day, [], goals_since=since) for day in (mid_month + timedelta(days=n) for n in range(7))}
    assert [day.strftime("%a") for day, found in due.items() if found and found[0] == "week"] == ["Mon", "Tue", "Fri", "Sat", "Sun"]
    assert due[mid_month] == ("week", review_period("week", mid_month)) and due[mid_month][1].first == date(2026, 12, 7)
    friday = mid_month + timedelta(days=4)
    assert review_due(friday, [], goals_since=None) is None  # nothing to review
    assert review_due(friday, [], goals_since=friday + timedelta(days=3)) is None  # the first goal came after the week


def test_a_review_done_or_a_longer_one_done_since_the_period_began_settles_it() -> None:
    since = date(2026, 1, 1)
    assert review_due(FRIDAY, [DoneReview("week", THIS_WEEK, FRIDAY)], goals_since=since) is None
    assert review_due(FRIDAY, [DoneReview("week", LAST_WEEK, FRIDAY)], goals_since=since) == ("week", review_period("week", FRIDAY))
    # The month's end: the monthly review asks first, and once done it covers the week too.
    month_end = date(2026, 11, 29)  # a Sunday, the last days of November
    assert review_due(month_end, [], goals_since=since)[0] == "month"  # type: ignore[index]
    assert review_due(month_end, [DoneReview("month", date(2026, 11, 1), month_end)], goals_since=since) is None
    # The week's review does not settle the month's.
    assert review_due(month_end, [DoneReview("week", LAST_WEEK, month_end)], goals_since=since)[0] == "month"  # type: ignore[index]


def test_numbers_compare_with_the_better_direction_of_each() -> None:
    now = PeriodNumbers(checkins=12, checkin_days=5, milestones_missed=1, entries=3, mood=3.5)
    before = PeriodNumbers(checkins=9, checkin_days=5, milestones_missed=0, entries=4, mood=None)
    rows = {row.label: row for row in compare_numbers(now, before)}
    assert (rows["check-ins"].change, rows["check-ins"].better) == ("+3", True)
    assert (rows["days with a check-in"].change, rows["days with a check-in"].better) == ("=", None)
    assert (rows["milestones missed"].change, rows["milestones missed"].better) == ("+1", False)
    assert (rows["entries written"].change, rows["entries written"].better) == ("−1", False)
    assert (rows["mood (1–5)"].now, rows["mood (1–5)"].change) == ("3.5", "")


def test_numbers_kept_in_a_review_are_read_back_and_junk_is_no_numbers() -> None:
    numbers = PeriodNumbers(checkins=2, mood=4.0)
    assert PeriodNumbers.from_json(numbers.as_json()) == numbers
    for junk in ("", "[1]", "{", json.dumps({"checkins": -1}), json.dumps({"checkins": True}), json.dumps({"mood": "NaN"})):
        assert PeriodNumbers.from_json(junk) is None, junk


def test_goals_compare_then_and_now() -> None:
    changes = compare_goals([ReviewedGoal(1, "Talks", "keep", 0.75), ReviewedGoal(2, "New", None, 0.1)],
                            [ReviewedGoal(1, "Talks", "adjust", 0.25), ReviewedGoal(3, "Gone", "abandon", 0.5)])  # fmt: skip
    assert [(c.title, c.moved) for c in changes] == [
        ("Talks", "25% → 75% (+50 points)"), ("New", "– → 10%"), ("Gone", "50% → –"),
    ]  # fmt: skip


# -- the store --------------------------------------------------------------------------------


@pytest.fixture
def journal(db_path: Path) -> Store:
    store = Store.open(db_path, clock=lambda: datetime(2026, 12, 18, 17, 0))
    store.add_goal("Publish 4 articles", target=4, baseline=0, unit="articles", status="active",
                   start_date="2026-10-01", deadline="2027-02-28")  # fmt: skip
    store.add_goal("Run 3 lunch-and-learns", target=3, baseline=0, status="active", start_date="2026-10-01", deadline="2027-03-31")
    return store


def test_a_review_is_started_once_per_period_and_resumed(journal: Store) -> None:
    review = journal.start_review("week", FRIDAY)
    assert journal.start_review("week", FRIDAY + timedelta(days=1)) == review
    assert journal.start_review("week", WEDNESDAY) != review  # that one reviews last week
    assert journal.get_review(review).period_start == THIS_WEEK.isoformat()


def test_decisions_change_the_goal_with_a_revision_and_can_be_changed_back(journal: Store) -> None:
    review = journal.start_review("week", FRIDAY)
    revision = journal.decide_in_review(review, 1, "adjust", reason="two a month is what I can do", changes={"target": 3, "deadline": "2027-03-31"})
    assert revision is not None
    last = journal.revisions(1)[-1]
    assert (json.loads(last.changes), last.reason) == ({"target": [4.0, 3.0], "deadline": ["2027-02-28", "2027-03-31"]}, "two a month is what I can do")
    journal.decide_in_review(review, 2, "pause")
    assert journal.get_goal(2).status == "paused"
    journal.decide_in_review(review, 2, "keep")  # changed its mind: active again
    assert journal.get_goal(2).status == "active"
    assert journal.review_decisions(review) == {1: "adjust", 2: "keep"}
    with pytest.raises(InvalidInput, match="why the goal is abandoned"):
        journal.decide_in_review(review, 2, "abandon")
    with pytest.raises(InvalidInput, match="what changes"):
        journal.decide_in_review(review, 2, "adjust")
    with pytest.raises(InvalidInput, match="target, deadline or horizon"):
        journal.decide_in_review(review, 2, "adjust", changes={"title": "x"})
    assert journal.get_goal(2).status == "active"
    draft = journal.add_goal("Someday: learn Rust", status="draft")
    with pytest.raises(InvalidInput, match="is draft: a review decides on active goals"):
        journal.decide_in_review(review, draft, "keep")
    assert journal.get_goal(draft).status == "draft"


def test_wins_and_obstacles_are_entries_of_their_kinds_and_the_focus_is_three_at_most(journal: Store) -> None:
    review = journal.start_review("week", FRIDAY)
    win = journal.add_review_entry(review, "Shipped the draft @writing", kind="win")
    lesson = journal.add_review_entry(review, "Meetings ate Tuesday", kind="lesson")
    assert [(e.kind, e.tags) for e in map(journal.get_entry, journal.review_entry_ids(review))] == [("win", ["writing"]), ("lesson", [])]
    assert journal.review_entry_ids(review) == [win, lesson]
    milestone = journal.add_milestone(1, "Draft article 2", due="2026-12-10")
    journal.set_review_focus(review, [("milestone", milestone), ("goal", 2)])
    assert [(f.title, f.goal_title) for f in journal.review_focus(review)] == [("Draft article 2", "Publish 4 articles"), ("Run 3 lunch-and-learns", None)]
    with pytest.raises(InvalidInput, match="3 goals or milestones at most"):
        journal.set_review_focus(review, [("goal", 1), ("goal", 2), ("milestone", milestone), ("goal", 99)])
    with pytest.raises(InvalidInput, match="a goal or a milestone"):
        journal.set_review_focus(review, [("entry", win)])
    assert len(journal.review_focus(review)) == 2  # a refused focus leaves the one before


def test_a_finished_review_keeps_its_numbers_and_its_focus_shows_the_week_after(journal: Store) -> None:
    journal.add_checkin(1, 2, at=date(2026, 12, 8))  # last week: not counted
    journal.add_checkin(1, 1, at=date(2026, 12, 15))
    journal.add_checkin(2, 1, at=date(2026, 12, 15))
    journal.set_day_scores(date(2026, 12, 16), mood=4, energy=2)
    journal.set_day_scores(date(2026, 12, 17), mood=3)
    review = journal.start_review("week", FRIDAY)
    journal.set_review_focus(review, [("goal", 1)])
    assert journal.current_focus(FRIDAY) is None  # not finished yet
    journal.complete_review(review)
    numbers = PeriodNumbers.from_json(journal.get_review(review).numbers)
    # Days with a check-in as the streak and the report count them: the 15th's progress, and the
    # 16th's and 17th's mood and energy.
    assert numbers == PeriodNumbers(checkins=2, checkin_days=3, mood=3.5, energy=2.0)
    assert [g.fraction for g in journal.reviewed_goals(review)] == [0.25, 1 / 3]
    assert journal.review_due(FRIDAY) is None
    for day, shown in ((FRIDAY, True), (date(2026, 12, 27), True), (date(2026, 12, 28), False)):
        assert (journal.current_focus(day) is not None) is shown, day
    with pytest.raises(InvalidInput, match="finished"):
        journal.decide_in_review(review, 1, "keep")
    # A monthly review finished later without a focus leaves the week's focus on Today.
    monthly = journal.start_review("month", date(2026, 12, 29))
    journal.complete_review(monthly, at=datetime(2026, 12, 29, 9, 0))
    assert [item.title for item in journal.current_focus(date(2026, 12, 26))[1]] == ["Publish 4 articles"]


def test_comparing_two_reviews_shows_what_changed(journal: Store) -> None:
    first = journal.start_review("week", date(2026, 11, 20))
    journal.add_checkin(1, 1, at=date(2026, 11, 18))
    journal.set_review_focus(first, [("goal", 2)])
    journal.complete_review(first, at=datetime(2026, 11, 20, 16, 0))
    journal.add_checkin(1, 3, at=date(2026, 12, 15))
    journal.add_checkin(1, 3, at=date(2026, 12, 16))
    latest = journal.start_review("week", FRIDAY)
    journal.decide_in_review(latest, 1, "keep")
    journal.complete_review(latest)
    assert journal.review_before(journal.get_review(latest), periods=4) == journal.get_review(first)
    text = comparison_content(journal, journal.get_review(latest), journal.get_review(first)).plain
    assert "Week 51 · 14–20 Dec 2026  against  Week 47 · 16–22 Nov 2026" in text
    assert "Publish 4 articles · 25% → 75% (+50 points) · kept going" in text
    check_ins = next(line for line in text.splitlines() if line.startswith("check-ins"))
    assert check_ins.split() == ["check-ins", "2", "1", "+1"]
    assert "Focus then\n• Run 3 lunch-and-learns" in text


# -- a whole weekly review, by keys -----------------------------------------------------------


async def test_a_whole_weekly_review_of_the_demo_journal_by_keys(tmp_path: Path, screen_text) -> None:
    path = make_demo_journal(tmp_path / "demo.db")
    friday = NOW + timedelta(days=2)  # Friday 27 November: this week's review is due
    store = Store.open(path, clock=lambda: friday)
    revisions_before = len(store.revisions())
    app = GoalJournalApp(store, today=friday.date())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Weekly review due: Week 48 · 23–29 Nov 2026" in screen_text(app)
        await pilot.press("shift+tab")  # to "Needs a decision"
        for _ in range(5):
            if "review" in app.query_one("#decision-list").current.prompt:
                break
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSession)
        assert "The week in numbers" in screen_text(app) and "check-ins" in screen_text(app)
        # 2: each goal in turn. The first is kept, the second adjusted, the third paused.
        await pilot.press("right", "k")
        goals = [g for g in store.goals(status="active")]
        await pilot.press("a", *"9", "enter", "enter", "enter", *"scope grew", "enter")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        decided = store.review_decisions(store.reviews()[0].id)
        assert sorted(decided.values()) == ["adjust", "keep", "pause"]
        # Left half-way: it resumes at the same step.
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        app.post_message(nav.StartReview("week"))
        await pilot.pause()
        assert isinstance(app.screen, ReviewSession) and app.screen.step == 2
        # 3: a win and an obstacle.
        await pilot.press("right", *"Booked the room @presenting", "enter", "enter", *"Two rush requests", "enter")
        await pilot.pause()
        # 4: the focus, two picked (enter on the empty line went on to it).
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.step == 4
        await pilot.press("space", "down", "space")
        await pilot.pause()
        # 5: a line to sum up, and finish.
        await pilot.press("right", *"Steady; the deck comes first", "enter", "f")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen), (app.screen.step, app.focused, screen_text(app))
        assert "Focus this week (from your review)" in screen_text(app)
        assert "Weekly review due" not in screen_text(app)
    review = store.reviews(completed=True)[0]
    assert (review.kind, review.period_start, review.summary) == ("week", "2026-11-23", "Steady; the deck comes first")
    assert [(e.kind, e.text) for e in map(store.get_entry, store.review_entry_ids(review.id))] == [
        ("win", "Booked the room @presenting"), ("lesson", "Two rush requests"),
    ]  # fmt: skip
    adjusted = next(goal_id for goal_id, decision in store.review_decisions(review.id).items() if decision == "adjust")
    assert store.get_goal(adjusted).target == 9 and store.revisions(adjusted)[-1].reason == "scope grew"
    paused = next(goal_id for goal_id, decision in store.review_decisions(review.id).items() if decision == "pause")
    assert store.get_goal(paused).status == "paused"
    assert len(store.revisions()) == revisions_before + 2
    assert len(store.review_focus(review.id)) == 2 and goals
    assert PeriodNumbers.from_json(review.numbers) is not None
    store.close()


async def test_today_starts_on_what_is_due_below_the_focus_and_enter_on_a_focus_opens_its_goal(tmp_path: Path) -> None:
    from goaljournal.ui.goals.screen import GoalDetailScreen
    from goaljournal.ui.today.widgets import DueList

    path = make_demo_journal(tmp_path / "demo.db")
    store = Store.open(path, clock=lambda: NOW)
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        due = app.screen.query_one(DueList)
        assert (due.get_option_at_index(due.highlighted).id or "").startswith(("milestone-", "follow-up-"))
        focus_rows = [i for i in range(due.option_count) if (due.get_option_at_index(i).id or "").startswith("focus-goal-")]
        due.highlighted = focus_rows[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        assert app.screen.goal_id == store.review_focus(store.current_focus(NOW.date())[0].id)[1].goal_id
    store.close()


async def test_an_adjustment_needs_a_reason_and_a_deadline_not_passed(journal: Store, screen_text) -> None:
    app = GoalJournalApp(journal, today=FRIDAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.post_message(nav.StartReview("week"))
        await pilot.pause()
        await pilot.press("right", "a", "enter", *"2026-12-01", "enter", "enter", "enter")
        await pilot.pause()
        assert "has passed: pick today or later" in screen_text(app)
        app.screen.query_one("#adjust-deadline").value = "in a month"
        app.screen.query_one("#adjust-reason").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "say in a few words why" in screen_text(app)
        await pilot.press(*"the course moved", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewSession)
    assert journal.get_goal(1).deadline == "2027-01-18"
    assert journal.revisions(1)[-1].reason == "the course moved"
