"""Today's text, without the app: the due list's lines, a goal's summary, the streak."""

from __future__ import annotations

import pytest
from conftest import TODAY

from goaljournal.core.models import Interaction
from goaljournal.store import Store
from goaljournal.ui.today.render import counted_amount, due_label, follow_up_label, goal_summary, streak_status


@pytest.fixture
def goals(store: Store) -> dict[str, int]:
    """A goal with a target checked in today, a weekly one, one counting events, one measured by milestones."""
    pmp = store.add_goal("Earn the PMP certification", target=50, baseline=0, unit="hours", start_date="2026-06-01", deadline="2027-05-25")
    store.add_checkin(pmp, 31, at="2026-11-24")
    store.add_checkin(pmp, 33, at=TODAY)
    reports = store.add_goal("Complete 5 client reports per week", target=5, unit="client reports", cadence="week", start_date="2026-10-01")
    store.add_checkin(reports, 2, at=TODAY)
    events = store.add_goal("Attend two HR industry events per month", target=2, cadence="month", progress_from="event",
                            progress_tag="hr", start_date="2026-09-01")  # fmt: skip
    habit = store.add_goal("Build a mentoring habit", start_date="2026-09-01", deadline="2026-11-01")
    store.set_milestone_done(store.add_milestone(habit, "Give a [b]first[/b] talk", due="2026-11-20"), TODAY)
    store.add_milestone(habit, "Mentor a new hire", due="2026-11-27")
    return {"pmp": pmp, "reports": reports, "events": events, "habit": habit}


def test_a_goal_with_a_target_says_how_far_its_pace_and_its_deadline(store: Store, goals: dict[str, int]) -> None:
    shown = goal_summary(store, store.get_goal(goals["pmp"]), TODAY, 40).plain.splitlines()
    assert shown[0] == "Earn the PMP certification"
    assert shown[1].endswith(" 66%  on track") and shown[1].startswith("█")
    assert shown[2] == "33 / 50 hours · by 25 May 2027  ✓ today"


def test_a_cadence_goal_counts_this_period_then_its_streak(store: Store, goals: dict[str, int]) -> None:
    shown = goal_summary(store, store.get_goal(goals["reports"]), TODAY, 40).plain.splitlines()
    # Checked in on today: said beside the amount, as for a goal counted as a whole.
    assert shown[2:] == ["2 of 5 client reports this week  ✓ today", "0 of 7 weeks met · no deadline"]
    # Narrow, the unit gives way first.
    assert goal_summary(store, store.get_goal(goals["reports"]), TODAY, 30).plain.splitlines()[2] == "2 of 5 this week  ✓ today"


def test_a_goal_counting_conversations_says_how_to_log_one(store: Store, goals: dict[str, int]) -> None:
    goal = store.get_goal(goals["events"])
    assert counted_amount(goal) == "0 of 2 events attended this month (@hr)"
    shown = goal_summary(store, goal, TODAY, 60).plain.splitlines()
    assert shown[2] == "0 of 2 events attended this month (@hr)"
    assert shown[-1] == "from conversations · log one: p, or goaljournal met NAME"
    assert "✓ today" not in goal_summary(store, goal, TODAY, 60).plain


def test_a_goal_without_a_target_is_measured_by_its_milestones(store: Store, goals: dict[str, int]) -> None:
    shown = goal_summary(store, store.get_goal(goals["habit"]), TODAY, 40).plain.splitlines()
    assert shown[1].endswith(" 50%  off track")
    assert shown[2] == "1 / 2 milestones · was due 01 Nov 2026"


@pytest.mark.parametrize("width", [20, 26, 34, 40, 60])
def test_no_line_of_a_summary_is_wider_than_its_room(store: Store, goals: dict[str, int], width: int) -> None:
    store.update_goal(goals["pmp"], title="Earn the PMP certification before the spring budget round closes")
    for goal in store.goals(status="active"):
        lines = goal_summary(store, goal, TODAY, width).plain.splitlines()
        assert max(len(line) for line in lines) <= width, lines


def test_a_due_milestone_says_when_and_for_which_goal_its_title_literal(store: Store, goals: dict[str, int]) -> None:
    done, ahead = store.milestones(goals["habit"])
    assert due_label(done, TODAY).plain.splitlines() == ["☑ done today        Give a [b]first[/b] talk", " " * 20 + "Build a mentoring habit"]
    assert due_label(ahead, TODAY).plain.startswith("☐ Fri 27 Nov        Mentor a new hire")
    store.set_milestone_done(done.id, None)
    assert due_label(store.milestones(goals["habit"])[0], TODAY).plain.startswith("☐ ! 5 days overdue  ")


@pytest.mark.parametrize(("due", "said"), [("2026-11-22", "! 3 days overdue"), ("2026-11-25", "due today"), ("2026-11-27", "due Fri 27")])
def test_a_follow_up_says_when_and_with_whom(due: str, said: str) -> None:
    follow_up = Interaction(id=1, uuid="u", person_id=1, kind="coffee", at="2026-11-15", follow_up="Send the outline", follow_up_due=due,
                            person_name="Priya Shah")  # fmt: skip
    first, second = follow_up_label(follow_up, TODAY).plain.splitlines()
    assert first == f"☐ {said:<18}Send the outline"
    assert second.strip() == "coffee with Priya Shah"


def test_the_streak_counts_days_with_a_check_in(store: Store, goals: dict[str, int]) -> None:
    assert streak_status(store, TODAY) == "check-in streak 2 days"
    assert streak_status(store, TODAY.replace(day=28)) == "streak 0 days · no check-in yet today"
    for goal_id in goals.values():
        store.update_goal(goal_id, status="paused")
    assert streak_status(store, TODAY.replace(day=28)) == "check-in streak 0 days"  # nothing to check in on


@pytest.mark.parametrize("width", [24, 30, 40])
def test_a_narrow_due_list_puts_the_title_after_the_date_and_fits_its_width(store: Store, goals: dict[str, int], width: int) -> None:
    store.add_milestone(goals["pmp"], "Submit the PMP application with the employer's letter", due="2026-11-20")
    for milestone in store.milestones_for_today(TODAY, until=TODAY.replace(day=30)):
        *title, goal = due_label(milestone, TODAY, width).plain.splitlines()
        assert all(len(line) <= width for line in [*title, goal]), (title, goal)
        assert goal.startswith("  ") and not goal.startswith("   ")
    overdue = next(m for m in store.milestones(goals["pmp"]) if m.due_date == "2026-11-20")
    assert due_label(overdue, TODAY, 40).plain.splitlines() == [
        "☐ ! 5 days overdue Submit the PMP",
        "                   application with the…",
        "  Earn the PMP certification",
    ]


@pytest.mark.parametrize("width", [30, 40, 60, 120])
def test_a_long_title_wraps_under_itself_never_back_to_the_left_edge(store: Store, goals: dict[str, int], width: int) -> None:
    title = "Follow up with Grace about the analytics roundtable and the survey she offered to share"
    follow_up = Interaction(id=1, uuid="u", person_id=1, kind="event", at="2026-11-15", follow_up=title, follow_up_due="2026-11-20",
                            person_name="Grace Liu")  # fmt: skip
    first, *more, below = follow_up_label(follow_up, TODAY, width).plain.splitlines()
    column = first.index("Follow")
    assert all(line[:column].isspace() and not line[column].isspace() for line in more), more
    assert all(len(line) <= width for line in [first, *more, below])
    assert len(more) <= 1
    shown = " ".join(part.strip() for part in [first[column:], *more])
    # The title uses the width it has: cut only where two lines of it do not hold it all.
    assert shown == title if len(title) <= 2 * (width - column) - 1 else shown.endswith("…")


def test_a_wide_due_list_shows_a_title_in_full(store: Store, goals: dict[str, int]) -> None:
    """At 200 columns a title of 60 characters is not cut at 34 beside an empty half of the list."""
    title = "Ask Priya to review the talk outline before the leadership offsite"
    follow_up = Interaction(id=1, uuid="u", person_id=1, kind="coffee", at="2026-11-15", follow_up=title, follow_up_due="2026-11-27",
                            person_name="Priya Raman")  # fmt: skip
    first, second = follow_up_label(follow_up, TODAY, 96).plain.splitlines()
    assert first.endswith(title)
