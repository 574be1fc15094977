"""The demo journal: a believable, deterministic year of data, filled quickly through the store."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from goaljournal.core.progress import streak
from goaljournal.core.cadence import summarise
from goaljournal.demo import fill_demo_journal
from goaljournal.store import Store

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo(store: Store) -> Store:
    fill_demo_journal(store, TODAY)
    return store


def test_counts_are_in_the_expected_ranges(demo: Store) -> None:
    counts = demo.counts()
    assert 6 <= counts["goals"] <= 10
    assert 20 <= counts["milestones"] <= 40
    assert 2 <= counts["revisions"] <= 4
    assert 80 <= counts["checkins"] <= 200
    assert 250 <= counts["entries"] <= 400
    assert 10 <= counts["tags"] <= 14
    assert counts["assessments"] == 2
    assert 6 <= counts["skills"] <= 8
    assert demo.check() == []


def test_goals_cover_statuses_categories_and_a_parent(demo: Store) -> None:
    goals = demo.goals()
    statuses = [goal.status for goal in goals]
    assert statuses.count("active") >= 4
    assert {"achieved", "draft"} <= set(statuses)
    assert {"paused", "abandoned"} & set(statuses)
    assert len({goal.category for goal in goals if goal.category}) >= 5

    draft = next(goal for goal in goals if goal.status == "draft")
    assert draft.target is None and draft.deadline is None

    by_id = {goal.id: goal for goal in goals}
    children = [goal for goal in goals if goal.parent_id is not None]
    assert children
    for child in children:
        parent = by_id[child.parent_id]  # type: ignore[index]
        assert parent.deadline is not None and child.deadline is not None
        assert parent.deadline > child.deadline
        assert child in demo.child_goals(parent.id)
    assert any(
        date.fromisoformat(goal.deadline) - TODAY > timedelta(days=3 * 365) for goal in goals if goal.deadline
    )

    linked = [goal for goal in goals if goal.assessment_item_id is not None]
    assert linked
    weaknesses = {
        item.id for session in demo.assessments() for item in demo.assessment_items(session.id) if item.kind == "weakness"
    }
    assert all(goal.assessment_item_id in weaknesses for goal in linked)


def test_milestones_due_soon_and_overdue(demo: Store) -> None:
    due = demo.open_milestones_due(TODAY + timedelta(days=7))
    overdue = [m for m in due if date.fromisoformat(m.due_date) < TODAY]  # type: ignore[arg-type]
    soon = [m for m in due if date.fromisoformat(m.due_date) >= TODAY]  # type: ignore[arg-type]
    assert 1 <= len(overdue) <= 3
    assert len(soon) >= 2
    for goal in demo.goals():
        milestones = demo.milestones(goal.id)
        if goal.status != "draft":
            assert 3 <= len(milestones) <= 5
        for milestone in milestones:
            if milestone.done_at:
                assert milestone.done_at <= TODAY.isoformat()
            if milestone.due_date and milestone.due_date > TODAY.isoformat():
                assert not milestone.done


def test_checkins_make_a_streak_and_revisions_have_reasons(demo: Store) -> None:
    days = demo.checkin_days()
    assert max(days) <= TODAY
    assert streak(days, TODAY) >= 10
    for goal in demo.goals(status="active"):
        if goal.progress_from is None:  # a counted goal has one check-in per day its count moved
            assert len(demo.checkins(goal.id)) >= 5
    revisions = demo.revisions()
    assert revisions and all(revision.reason for revision in revisions)


def test_two_completed_assessments_rate_the_same_skills_differently(demo: Store) -> None:
    newer, older = demo.assessments()
    assert older.at < newer.at
    assert 90 <= (date.fromisoformat(newer.at) - date.fromisoformat(older.at)).days <= 140
    assert older.completed_at and newer.completed_at and older.summary and newer.summary
    for session in (older, newer):
        kinds = {item.kind for item in demo.assessment_items(session.id)}
        assert kinds == {"strength", "weakness", "success", "failure", "feedback"}
        sources = {item.source for item in demo.assessment_items(session.id) if item.kind == "feedback"}
        assert len(sources) >= 3
    before = {rating.skill_name: rating.rating for rating in demo.ratings(older.id)}
    after = {rating.skill_name: rating.rating for rating in demo.ratings(newer.id)}
    assert 6 <= len(before) <= 8 and before.keys() == after.keys()
    assert any(after[name] > before[name] for name in before)
    assert any(after[name] < before[name] for name in before)


def test_entries_span_a_year_with_kinds_tags_stars_and_literal_markup(demo: Store) -> None:
    entries = demo.entries(limit=1000)
    moments = [datetime.fromisoformat(entry.at) for entry in entries]
    assert max(moments).date() < TODAY
    assert min(moments).date() >= TODAY - timedelta(days=366)
    assert {entry.kind for entry in entries} == {"reflection", "win", "lesson", "feedback", "note"}
    starred = sum(entry.starred for entry in entries)
    assert 0.02 * len(entries) <= starred <= 0.10 * len(entries)
    assert sum(1 for entry in entries if entry.goal_ids) >= 30
    assert all(entry.text.isascii() for entry in entries)
    assert any("Checklist: [x] draft [ ] review [/]" in entry.text for entry in entries)
    tags = dict(demo.tag_counts())
    assert {"networking", "mentoring", "pmp", "presenting", "feedback", "analytics", "wellbeing"} <= tags.keys()
    assert demo.search("Priya")


def _snapshot(path: Path, today: date) -> tuple[list, list, list, list]:
    with Store.open(path, clock=lambda: datetime.combine(today, datetime.min.time())) as store:
        fill_demo_journal(store, today)
        goals = [(g.title, g.start_date, g.deadline, g.status, g.target, g.current) for g in store.goals()]
        entries = [(e.at, e.kind, e.text, e.starred, e.tags) for e in store.entries(limit=1000)]
        milestones = [(m.title, m.due_date, m.done_at) for g in store.goals() for m in store.milestones(g.id)]
        checkins = [(c.at, c.value, c.note) for g in store.goals() for c in store.checkins(g.id)]
    return goals, entries, milestones, checkins


def test_fill_is_deterministic(tmp_path: Path) -> None:
    first = _snapshot(tmp_path / "one.db", TODAY)
    second = _snapshot(tmp_path / "two.db", TODAY)
    assert first == second
    # Every date follows `today`: another day shifts everything but nothing lands in its future.
    other = date(2025, 3, 3)
    goals, entries, milestones, checkins = _snapshot(tmp_path / "three.db", other)
    assert max(entry[0] for entry in entries) < other.isoformat()
    assert max(checkin[0] for checkin in checkins) < other.isoformat()
    assert all(done is None or done <= other.isoformat() for _, _, done in milestones)
    assert goals != first[0]


def test_people_log_has_a_mentor_a_dozen_contacts_and_counted_goals(demo: Store) -> None:
    people = demo.people()
    mentors = [person for person in people if person.relationship == "mentor"]
    assert len(mentors) == 1 and len(people) - 1 >= 12
    assert {"manager", "mentee", "peer", "contact"} <= {person.relationship for person in people}
    mentor_talks = demo.interactions(mentors[0].id)
    assert len(mentor_talks) >= 8
    assert sum(1 for talk in mentor_talks if talk.learned) >= 7 and sum(1 for talk in mentor_talks if talk.outcome) >= 5
    assert any(talk.goal_ids for talk in mentor_talks)
    filed = [talk for talk in mentor_talks if talk.assessment_item_id is not None]
    assert len(filed) == 1
    item = demo.get_assessment_item(filed[0].assessment_item_id)  # type: ignore[arg-type]
    assert item.kind == "feedback" and item.source == "mentor" and item.text == filed[0].learned
    assert {talk.kind for talk in demo.interactions()} == {"coffee", "meeting", "event", "call", "message", "feedback"}
    assert max(talk.at for talk in demo.interactions()) < TODAY.isoformat()

    # Open follow-ups: one overdue, two due this week.
    due = demo.follow_ups_due(TODAY + timedelta(days=7))
    assert sum(1 for talk in due if talk.follow_up_due < TODAY.isoformat()) == 1  # type: ignore[operator]
    assert sum(1 for talk in due if talk.follow_up_due >= TODAY.isoformat()) == 2  # type: ignore[operator]

    counted = {goal.progress_from: goal for goal in demo.goals(status="active") if goal.progress_from}
    assert counted.keys() == {"people", "event"} and counted["people"].progress_tag == "hr"
    for goal in counted.values():
        count = demo.count_for_goal(goal.id)
        if goal.cadence:  # a count per month: the check-ins hold each day's count, the months sum them
            periods = summarise(goal.cadence, goal.target, demo.checkin_amounts([goal.id])[goal.id], TODAY,
                                start=goal.start_date, deadline=goal.deadline)  # fmt: skip
            assert sum(c.value for c in demo.checkins(goal.id)) == count >= 2
            assert periods.met >= 1 and periods.counted > periods.met  # some months met, some missed
            continue
        assert count >= 2 and goal.current == (goal.baseline or 0) + count and goal.target and goal.current < goal.target
    # The HR goal counts people tagged hr first met in its window: checked here without the store's counter.
    start, end = counted["people"].start_date, counted["people"].deadline
    hr_new = [p for p in people if "hr" in p.tags and p.first_met and start <= p.first_met <= end]  # type: ignore[operator]
    assert demo.count_for_goal(counted["people"].id) == len(hr_new) == 2


def test_the_demo_has_goals_stated_as_a_rate(demo: Store) -> None:
    rated = {goal.title.split(" until ")[0]: goal for goal in demo.goals() if goal.cadence}
    assert set(rated) == {"Complete 5 client reports per week", "Attend two HR industry events per month"}
    reports = rated["Complete 5 client reports per week"]
    periods = summarise("week", reports.target, demo.checkin_amounts([reports.id])[reports.id], TODAY,
                        start=reports.start_date, deadline=reports.deadline)  # fmt: skip
    assert periods.counted >= 8 and 0 < periods.met < periods.counted  # weeks met and weeks missed
    assert rated["Attend two HR industry events per month"].progress_from == "event"
