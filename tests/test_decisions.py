"""Goals that need a decision: the pure rules (core/decisions.py) and the store's lifecycle
changes and snoozes, on a real journal file."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from conftest import NOW

from goaljournal.core.decisions import (
    ASSESSMENT_DUE,
    JOURNAL,
    NO_CHECKIN,
    PAST_DEADLINE,
    REVIEW_DUE,
    TARGET_REACHED,
    Decision,
    decisions,
    goal_decision,
)
from goaljournal.core.models import Goal
from goaljournal.store import Store
from goaljournal.store.errors import InvalidInput

TODAY = NOW.date()
RECENT = TODAY - timedelta(days=10)  # a completed self-assessment not yet due again


def goal(goal_id: int = 1, **fields: object) -> Goal:
    """An active goal started a week ago, with a check-in yesterday, halfway to its target."""
    values: dict[str, object] = {
        "title": f"Goal {goal_id}", "status": "active", "baseline": 0.0, "target": 10.0, "current": 5.0,
        "start_date": (TODAY - timedelta(days=7)).isoformat(), "current_at": (TODAY - timedelta(days=1)).isoformat(),
        "created_at": "2026-11-18T09:00:00Z",
    }  # fmt: skip
    values.update(fields)
    return Goal(id=goal_id, uuid=f"u{goal_id}", **values)  # type: ignore[arg-type]


def prompts(found: list[Decision]) -> list[tuple[str, int, int | None]]:
    return [(d.prompt, d.subject_id, d.days) for d in found]


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


# -- core: each prompt and its boundaries ----------------------------------------------------


def test_an_active_goal_on_track_needs_no_decision() -> None:
    assert goal_decision(goal(), TODAY) is None


@pytest.mark.parametrize(("deadline", "expected"), [(days_ago(0), None), (days_ago(-3), None), (days_ago(1), 1), (days_ago(4), 4)])
def test_past_deadline_starts_the_day_after_it(deadline: str, expected: int | None) -> None:
    found = goal_decision(goal(deadline=deadline), TODAY)
    assert (found and (found.prompt, found.days)) == ((PAST_DEADLINE, expected) if expected else None)


@pytest.mark.parametrize(("current", "reached"), [(9.99, False), (10.0, True), (12.0, True)])
def test_target_reached_by_a_check_in(current: float, reached: bool) -> None:
    found = goal_decision(goal(current=current), TODAY)
    assert (found.prompt if found else None) == (TARGET_REACHED if reached else None)


def test_a_falling_target_is_reached_from_above() -> None:
    assert goal_decision(goal(baseline=80.0, target=72.0, current=72.0), TODAY).prompt == TARGET_REACHED  # type: ignore[union-attr]
    assert goal_decision(goal(baseline=80.0, target=72.0, current=75.0), TODAY) is None


def test_target_reached_needs_a_check_in_not_a_baseline_equal_to_the_target() -> None:
    assert goal_decision(goal(baseline=10.0, current=None, current_at=None), TODAY) is None


def test_a_rate_is_never_reached() -> None:
    assert goal_decision(goal(cadence="week", current=12.0), TODAY) is None


def test_a_goal_without_target_is_reached_by_its_milestones() -> None:
    no_target = goal(target=None, current=None)
    assert goal_decision(no_target, TODAY) is None
    assert goal_decision(no_target, TODAY, progress=0.5) is None
    assert goal_decision(no_target, TODAY, progress=1.0).prompt == TARGET_REACHED  # type: ignore[union-attr]


@pytest.mark.parametrize(("last", "quiet"), [(20, False), (21, True), (40, True)])
def test_no_check_in_for_21_days(last: int, quiet: bool) -> None:
    found = goal_decision(goal(current_at=days_ago(last)), TODAY)
    assert (found and (found.prompt, found.days)) == ((NO_CHECKIN, last) if quiet else None)


@pytest.mark.parametrize(("start", "quiet"), [(20, False), (21, True)])
def test_a_goal_without_check_ins_counts_from_its_start(start: int, quiet: bool) -> None:
    found = goal_decision(goal(current=None, current_at=None, start_date=days_ago(start)), TODAY)
    assert (found.prompt if found else None) == (NO_CHECKIN if quiet else None)


def test_a_goal_without_check_ins_or_start_counts_from_its_creation() -> None:
    created = (TODAY - timedelta(days=30)).isoformat() + "T08:00:00Z"
    assert goal_decision(goal(current=None, current_at=None, start_date=None, created_at=created), TODAY).prompt == NO_CHECKIN  # type: ignore[union-attr]
    assert goal_decision(goal(current=None, current_at=None, start_date=days_ago(-5)), TODAY) is None  # starts later


@pytest.mark.parametrize("status", ["draft", "paused", "achieved", "abandoned"])
def test_only_active_goals_are_asked(status: str) -> None:
    assert goal_decision(goal(status=status, deadline=days_ago(4), current_at=days_ago(60)), TODAY) is None


def test_one_prompt_per_goal_the_deadline_first() -> None:
    both = goal(deadline=days_ago(2), current=10.0, current_at=days_ago(30))
    assert goal_decision(both, TODAY).prompt == PAST_DEADLINE  # type: ignore[union-attr]
    assert goal_decision(replace(both, deadline=None), TODAY).prompt == TARGET_REACHED  # type: ignore[union-attr]


# -- core: the list, its order, the self-assessment and snoozes --------------------------------


def test_the_order_is_stable_by_prompt_then_most_days() -> None:
    goals = [
        goal(1, current_at=days_ago(22)),
        goal(2, deadline=days_ago(1)),
        goal(3, current=10.0),
        goal(4, deadline=days_ago(9)),
        goal(5, current_at=days_ago(30)),
        goal(6),
    ]
    expected = [(PAST_DEADLINE, 4, 9), (PAST_DEADLINE, 2, 1), (TARGET_REACHED, 3, None), (NO_CHECKIN, 5, 30), (NO_CHECKIN, 1, 22)]
    assert prompts(decisions(goals, TODAY, last_assessment=RECENT)) == expected
    assert prompts(decisions(reversed(goals), TODAY, last_assessment=RECENT)) == expected


@pytest.mark.parametrize(("last", "due"), [(89, False), (90, True), (95, True)])
def test_the_self_assessment_is_due_90_days_after_the_last(last: int, due: bool) -> None:
    found = decisions([goal()], TODAY, last_assessment=TODAY - timedelta(days=last))
    assert prompts(found) == ([(ASSESSMENT_DUE, JOURNAL, last)] if due else [])


def test_a_journal_without_a_self_assessment_is_asked_once_it_has_a_goal() -> None:
    assert decisions([], TODAY, last_assessment=None) == []
    assert prompts(decisions([goal(status="draft")], TODAY, last_assessment=None)) == [(ASSESSMENT_DUE, JOURNAL, None)]


def test_the_self_assessment_comes_last() -> None:
    found = decisions([goal(1, deadline=days_ago(3)), goal(2, current_at=days_ago(25))], TODAY, last_assessment=TODAY - timedelta(days=100))
    assert [d.prompt for d in found] == [PAST_DEADLINE, NO_CHECKIN, ASSESSMENT_DUE]


def test_a_snoozed_prompt_is_left_out_and_no_other_takes_its_place() -> None:
    both = goal(1, deadline=days_ago(2), current=10.0)
    other = goal(2, current_at=days_ago(30))
    snoozed = {(PAST_DEADLINE, 1), (ASSESSMENT_DUE, JOURNAL)}
    assert prompts(decisions([both, other], TODAY, last_assessment=None, snoozed=snoozed)) == [(NO_CHECKIN, 2, 30)]
    # Snoozing one kind of prompt does not silence another that comes up for the goal later.
    assert prompts(decisions([replace(other, deadline=days_ago(1))], TODAY, last_assessment=RECENT, snoozed={(NO_CHECKIN, 2)})) == [
        (PAST_DEADLINE, 2, 1)
    ]


# -- store: lifecycle decisions, each a revision with its reason ------------------------------


@pytest.fixture
def late(store: Store) -> int:
    """A goal four days past its deadline."""
    return store.add_goal("Learn SQL", target=12, baseline=0, start_date="2026-06-01", deadline="2026-11-21")


def revision_of(store: Store, goal_id: int) -> tuple[dict[str, list[object]], str | None]:
    revision = store.revisions(goal_id)[-1]
    return json.loads(revision.changes), revision.reason


def test_extend_the_deadline_with_a_reason(store: Store, late: int) -> None:
    store.extend_deadline(late, "2027-01-31", "the course moved to January")
    assert store.get_goal(late).deadline == "2027-01-31"
    assert revision_of(store, late) == ({"deadline": ["2026-11-21", "2027-01-31"]}, "the course moved to January")


@pytest.mark.parametrize(
    ("deadline", "reason", "message"),
    [
        ("2027-01-31", "", "the reason is empty"),
        ("2027-01-31", "   ", "the reason is empty"),
        ("2026-11-21", "same day", "not later than the deadline"),
        ("2026-11-01", "earlier", "not later than the deadline"),
        ("2027-1-31", "unpadded", "not a date"),
        ("2027-02-30", "no such day", "not a real date"),
        ("9999-01-01", "out of range", "outside the dates"),
    ],
)
def test_an_extension_is_refused_without_a_reason_or_a_later_real_day(
    store: Store, late: int, deadline: str, reason: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        store.extend_deadline(late, deadline, reason)
    assert store.get_goal(late).deadline == "2026-11-21" and store.revisions(late) == []


def test_a_goal_without_a_deadline_can_be_given_one(store: Store) -> None:
    goal_id = store.add_goal("Read more")
    store.extend_deadline(goal_id, date(2027, 3, 1), "a date makes it real")
    assert store.get_goal(goal_id).deadline == "2027-03-01"


def test_achieve_abandon_and_pause_are_revisions_with_their_reasons(store: Store, late: int) -> None:
    other = store.add_goal("Speak at a meetup")
    third = store.add_goal("Run a workshop")
    store.mark_goal_achieved(late, "passed the final exercise")
    store.abandon_goal(other, "the meetup closed")
    store.pause_goal(third)
    assert [store.get_goal(i).status for i in (late, other, third)] == ["achieved", "abandoned", "paused"]
    assert revision_of(store, late) == ({"status": ["active", "achieved"]}, "passed the final exercise")
    assert revision_of(store, other) == ({"status": ["active", "abandoned"]}, "the meetup closed")
    assert revision_of(store, third) == ({"status": ["active", "paused"]}, None)


def test_abandoning_needs_a_reason(store: Store, late: int) -> None:
    for reason in ("", "  "):
        with pytest.raises(InvalidInput, match="the reason is empty"):
            store.abandon_goal(late, reason)
    assert store.get_goal(late).status == "active" and store.revisions(late) == []


def test_a_blank_optional_reason_is_kept_as_none(store: Store, late: int) -> None:
    store.pause_goal(late, "   ")
    assert revision_of(store, late) == ({"status": ["active", "paused"]}, None)


def test_a_decision_already_taken_makes_no_second_revision(store: Store, late: int) -> None:
    assert store.mark_goal_achieved(late) is not None
    assert store.mark_goal_achieved(late) is None
    assert len(store.revisions(late)) == 1


# -- store: snoozes ---------------------------------------------------------------------------


def test_a_snooze_hides_a_prompt_until_its_day(db_path: Path, store: Store, late: int) -> None:
    assert [d.prompt for d in store.needed_decisions(TODAY)] == [PAST_DEADLINE, ASSESSMENT_DUE]
    store.snooze_prompt(PAST_DEADLINE, late, TODAY + timedelta(days=7))
    assert store.prompt_snoozes(TODAY) == {(PAST_DEADLINE, late): TODAY + timedelta(days=7)}
    assert [d.prompt for d in store.needed_decisions(TODAY)] == [ASSESSMENT_DUE]
    # 1 December: November's monthly review is due besides (a prompt of its own, not snoozed).
    assert [d.prompt for d in store.needed_decisions(TODAY + timedelta(days=6))] == [REVIEW_DUE, ASSESSMENT_DUE]
    week_later = NOW + timedelta(days=7)
    with Store.open(db_path, clock=lambda: week_later) as later:
        assert later.prompt_snoozes(week_later.date()) == {}
        assert [(d.prompt, d.subject_id) for d in later.needed_decisions(week_later.date())] == [
            (PAST_DEADLINE, late), (REVIEW_DUE, JOURNAL), (ASSESSMENT_DUE, JOURNAL),
        ]  # fmt: skip


def test_snoozing_again_moves_the_day_and_clears_snoozes_that_are_over(db_path: Path, store: Store) -> None:
    store.snooze_prompt(ASSESSMENT_DUE, JOURNAL, "2026-11-26")
    store.snooze_prompt(ASSESSMENT_DUE, JOURNAL, "2026-12-02")
    assert store.prompt_snoozes(TODAY) == {(ASSESSMENT_DUE, JOURNAL): date(2026, 12, 2)}
    store.snooze_prompt(NO_CHECKIN, 7, "2026-11-30")
    later = datetime(2026, 12, 5, 8, 0)
    with Store.open(db_path, clock=lambda: later) as reopened:
        reopened.snooze_prompt(NO_CHECKIN, 8, "2026-12-12")
        rows = reopened.conn.execute("SELECT prompt, subject_id, until FROM prompt_snoozes").fetchall()
    assert [tuple(row) for row in rows] == [(NO_CHECKIN, 8, "2026-12-12")]


@pytest.mark.parametrize(
    ("prompt", "subject_id", "until", "message"),
    [
        ("", 1, "2026-12-02", "unknown prompt"),
        (None, 1, "2026-12-02", "unknown prompt"),
        ("nag", 1, "2026-12-02", "unknown prompt"),
        (PAST_DEADLINE, -1, "2026-12-02", "subject"),
        (PAST_DEADLINE, True, "2026-12-02", "subject"),
        (PAST_DEADLINE, 2**63, "2026-12-02", "subject"),
        (PAST_DEADLINE, "1", "2026-12-02", "subject"),
        (PAST_DEADLINE, 1, "2026-12-2", "not a date"),
        (PAST_DEADLINE, 1, "10000-01-01", "not a date"),
        (PAST_DEADLINE, 1, None, "a day"),
    ],
)
def test_a_bad_snooze_is_refused_and_nothing_is_written(
    store: Store, prompt: object, subject_id: object, until: object, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        store.snooze_prompt(prompt, subject_id, until)  # type: ignore[arg-type]
    assert store.conn.execute("SELECT count(*) FROM prompt_snoozes").fetchone()[0] == 0


def test_needed_decisions_reads_milestones_and_the_last_completed_assessment(store: Store) -> None:
    talk = store.add_goal("Give a talk", start_date="2026-11-20")
    for title in ("Outline", "Rehearse"):
        store.set_milestone_done(store.add_milestone(talk, title), TODAY)
    started = store.add_assessment("2026-11-01")  # in progress: it does not count
    done = store.add_assessment("2026-08-20")
    store.update_assessment(done, completed_at="2026-08-27 10:00:00")
    found = store.needed_decisions(TODAY)
    assert [(d.prompt, d.subject_id, d.days) for d in found] == [(TARGET_REACHED, talk, None), (ASSESSMENT_DUE, JOURNAL, 97)]
    store.update_assessment(started, completed_at="2026-11-02 10:00:00")
    assert [d.prompt for d in store.needed_decisions(TODAY)] == [TARGET_REACHED]
