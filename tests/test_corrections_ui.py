"""Correcting check-ins in the app, the "did you mean …?" question, and `u` on every screen that
changes something, driven by keys through Pilot on a real journal file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from textual.widgets import Input

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.goals.checkins import CheckinForm
from goaljournal.ui.goals.screen import GoalDetailScreen
from goaljournal.ui.shared.checkin_doubt import DoubtDialog

TODAY = date(2026, 11, 25)
SIZE = (80, 24)


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


def told(app: GoalJournalApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


def values(store: Store, goal_id: int) -> list[float]:
    return [checkin.value for checkin in store.checkins(goal_id)]


@pytest.fixture
def reports(store: Store) -> int:
    """Three client reports a week, from none; one goal, so Today's first field is its field."""
    return store.add_goal("Complete 3 client reports", target=3, baseline=0, unit="reports", status="active",
                          start_date="2026-11-01", deadline="2026-12-31")  # fmt: skip


async def open_goal(pilot: Any, goal_id: int) -> GoalDetailScreen:
    await pilot.press("g")
    await pilot.pause()
    pilot.app.push_screen(GoalDetailScreen(goal_id))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, GoalDetailScreen)
    return screen


# -- "did you mean …?" on Today -------------------------------------------------------------


@pytest.mark.parametrize(("answer", "saved", "field_after"), [("n", [], "30"), ("escape", [], "30"), ("y", [30.0], ""), ("m", [3.0], "")])
async def test_a_mistyped_30_on_a_target_of_3_is_caught_on_today(store: Store, reports: int, screen_text, answer: str,
                                                                 saved: list[float], field_after: str) -> None:  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "3", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DoubtDialog)
        text = screen_text(app)
        assert "Did you mean 3?" in text and "y save 30 as typed" in text
        assert "back to the value" in text.replace("│", "").replace("\n", " ").replace("  ", " ")  # the keys, whole
        assert values(store, reports) == []  # nothing saved while it asks
        await pilot.press(answer)
        await pilot.pause()
        assert not isinstance(app.screen, DoubtDialog)
        assert values(store, reports) == saved
        field = app.screen.query_one(f"#checkin-{reports}", Input)
        assert field.value == field_after  # n keeps the typed text to fix it
        if answer in ("n", "escape"):
            assert app.screen.focused is field


async def test_a_plausible_check_in_is_saved_without_a_question(store: Store, reports: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "2", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, DoubtDialog)
        assert values(store, reports) == [2.0]


async def test_a_relative_check_in_far_off_asks_too(store: Store, reports: int, screen_text) -> None:
    store.add_checkin(reports, 1, at="2026-11-20")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "+", "3", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DoubtDialog)
        assert "Did you mean +3?" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert values(store, reports) == [1.0, 4.0]


# -- `u` on Today ----------------------------------------------------------------------------


async def test_u_on_today_undoes_the_check_in_just_saved_once(store: Store, reports: int) -> None:
    other = store.add_goal("Read 12 books", target=12, baseline=0, status="active", deadline="2027-06-30")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "2", "enter")  # saved; the cursor is in the next goal's field
        await pilot.pause()
        assert values(store, reports) == [2.0]
        (saved,) = store.checkins(reports)
        await pilot.press("u")
        await pilot.pause()
        assert values(store, reports) == []
        assert store.get_checkin(saved.id).deleted_at is not None  # in the trash, not gone
        assert "Undone: the check-in of 2 reports on Complete 3 client reports." in told(app)
        await pilot.press("u")  # once only
        await pilot.pause()
        assert told(app)[-1] == "Nothing to undo."
        assert app.screen.query_one(f"#checkin-{other}", Input).value == ""  # u is no text in a number field
        assert values(store, reports) == [] and values(store, other) == []


async def test_u_from_the_due_list_undoes_the_check_in_too(store: Store, reports: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "2", "enter", "escape", "u")  # the last field: Enter moves on to the reflection
        await pilot.pause()
        assert values(store, reports) == []


# -- correcting a check-in on the goal's page ------------------------------------------------


async def test_a_wrong_check_in_is_corrected_from_the_goal_detail(store: Store, reports: int, screen_text) -> None:
    wrong = store.add_checkin(reports, 30, at="2026-11-20", note="week 47")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_goal(pilot, reports)
        assert "30" in screen_text(app)
        await pilot.press("c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinForm)
        await pilot.press("ctrl+u", "3", "enter", "ctrl+u", *"yesterday", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        corrected = store.get_checkin(wrong)
        assert (corrected.value, corrected.at, corrected.note) == (3.0, "2026-11-24", "week 47")
        assert corrected.updated_at == "2026-11-25T09:30:00Z"
        assert store.get_goal(reports).current == 3.0
        text = screen_text(app)
        assert "Check-ins (1)" in text and "24 Nov 2026" in text and "✎" in text
        await pilot.press("u")  # the correction is undone: the check-in as it was
        await pilot.pause()
        back = store.get_checkin(wrong)
        assert (back.value, back.at, back.note) == (30.0, "2026-11-20", "week 47")


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        ("value", "3x", "'3x' is not a number"),
        ("value", "1e999", "finite number"),
        ("day", "2026-1-5", "not a date"),
        ("day", "someday", "not a date"),
    ],
)
async def test_a_bad_value_or_day_is_said_in_the_form_and_kept(store: Store, reports: int, screen_text, field: str,
                                                               typed: str, said: str) -> None:  # fmt: skip
    checkin = store.add_checkin(reports, 2, at="2026-11-20")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_goal(pilot, reports)
        await pilot.press("c", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckinForm)
        if field == "day":
            await pilot.press("enter")
        await pilot.press("ctrl+u", *typed, "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert said in screen_text(app)
        assert form.query_one(f"#checkin-{field}", Input).value == typed
        assert form.focused is form.query_one(f"#checkin-{field}", Input)
        unchanged = store.get_checkin(checkin)
        assert (unchanged.value, unchanged.at, unchanged.updated_at) == (2.0, "2026-11-20", None)


async def test_the_goal_detail_form_asks_did_you_mean_too(store: Store, reports: int, screen_text) -> None:
    checkin = store.add_checkin(reports, 2, at="2026-11-20")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_goal(pilot, reports)
        await pilot.press("c", "enter", "ctrl+u", "3", "0", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DoubtDialog)
        assert "Did you mean 3?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CheckinForm)
        assert app.screen.query_one("#checkin-value", Input).value == "30"
        assert store.get_checkin(checkin).value == 2.0
        await pilot.press("ctrl+s", "m")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        assert store.get_checkin(checkin).value == 3.0


async def test_a_check_in_deleted_comes_back_with_u(store: Store, reports: int, screen_text) -> None:
    first = store.add_checkin(reports, 1, at="2026-11-10")
    wrong = store.add_checkin(reports, 30, at="2026-11-20")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_goal(pilot, reports)
        await pilot.press("c", "d")  # the newest is highlighted first
        await pilot.pause()
        assert [c.id for c in store.checkins(reports)] == [first]
        assert store.get_checkin(wrong).deleted_at is not None
        assert store.get_goal(reports).current == 1.0
        assert "Check-ins (1)" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert [c.id for c in store.checkins(reports)] == [first, wrong]
        assert "Check-ins (2)" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert told(app)[-1] == "Nothing to undo."
        assert [c.id for c in store.checkins(reports)] == [first, wrong]


async def test_a_check_in_from_the_people_log_says_where_to_correct_it(store: Store) -> None:
    goal = store.add_goal("Have 5 coffees with people", target=5, progress_from="coffee", status="active")
    store.add_interaction(store.add_person("Ana"), "coffee")
    (counted,) = store.checkins(goal)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_goal(pilot, goal)
        for key in ("enter", "d"):
            await pilot.press("c", key)
            await pilot.pause()
            assert isinstance(app.screen, GoalDetailScreen)
            assert "cannot be edited here" in told(app)[-1]
        assert store.get_checkin(counted.id).deleted_at is None and store.get_checkin(counted.id).value == 1.0


async def test_the_goal_detail_with_its_check_ins_fits_80_columns(store: Store, reports: int, screen_text) -> None:
    for day, value, note in (("2026-11-05", 1, "kick-off deck"), ("2026-11-12", 2, ""), ("2026-11-20", 30, "typed 30, meant 3")):
        store.add_checkin(reports, value, at=day, note=note or None)
    store.add_milestone(reports, "Agree the report template", due="2026-11-30")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_goal(pilot, reports)
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        # Nothing cut: each check-in whole on its line, the panel's keys, and c in the footer.
        assert "20 Nov 2026  30   typed 30, meant 3" in text and "05 Nov 2026   1   kick-off deck" in text
        assert "Check-ins (3)" in text and "enter correct · d delete · u undo" in text
        assert "c Check-ins" in text.splitlines()[-1]


# -- `u` on every screen that changes something ----------------------------------------------


def _goal(store: Store) -> int:
    return store.add_goal("Earn the PMP certification", target=50, baseline=0, status="active", deadline="2027-05-25")


def _status(store: Store, ids: dict[str, int]) -> str:
    return store.get_goal(ids["goal"]).status


def _title(store: Store, ids: dict[str, int]) -> str:
    return store.get_goal(ids["goal"]).title


def _talk_notes(store: Store, ids: dict[str, int]) -> str | None:
    return store.get_interaction(ids["talk"]).notes


def _milestone_done(store: Store, ids: dict[str, int]) -> str | None:
    return store.get_milestone(ids["milestone"]).done_at


def _milestones(store: Store, ids: dict[str, int]) -> list[str]:
    return [m.title for m in store.milestones(ids["goal"])]


def _entries(store: Store, ids: dict[str, int]) -> list[str]:
    return [entry.text for entry in store.entries()]


def _starred(store: Store, ids: dict[str, int]) -> bool:
    return bool(store.get_entry(ids["entry"]).starred)


def _people(store: Store, ids: dict[str, int]) -> list[str]:
    return [person.name for person in store.people()]


def _talks(store: Store, ids: dict[str, int]) -> list[int]:
    return [talk.id for talk in store.interactions(person_id=ids["person"])]


def _follow_up(store: Store, ids: dict[str, int]) -> str | None:
    return store.get_interaction(ids["talk"]).follow_up_done


def _sessions(store: Store, ids: dict[str, int]) -> list[int]:
    return [session.id for session in store.assessments()]


def _ratings(store: Store, ids: dict[str, int]) -> list[tuple[str | None, int]]:
    return [(rating.skill_name, rating.rating) for rating in store.ratings(ids["session"])]


def _skills(store: Store, ids: dict[str, int]) -> list[str]:
    return [skill.name for skill in store.skills()]


def _setup(store: Store) -> dict[str, int]:
    goal = _goal(store)
    milestone = store.add_milestone(goal, "Submit the PMP application", due="2026-11-24")
    store.add_milestone(goal, "Book the exam", due="2027-02-01")
    entry = store.add_entry("Mock exam: 68%", at="2026-11-20 18:00:00")
    person = store.add_person("Priya Raman")
    talk = store.add_interaction(person, "coffee", at="2026-11-18", follow_up="send the outline", follow_up_due="2026-11-24")
    session = store.add_assessment("2026-06-01")
    store.add_skill("Negotiation")
    return {"goal": goal, "milestone": milestone, "entry": entry, "person": person, "talk": talk, "session": session}


Where = Callable[[Any, dict[str, int]], Any]


async def _on_goals(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("g")


async def _on_goal(pilot: Any, ids: dict[str, int]) -> None:
    await open_goal(pilot, ids["goal"])


async def _on_milestones(pilot: Any, ids: dict[str, int]) -> None:
    await open_goal(pilot, ids["goal"])
    await pilot.press("m")


async def _on_today(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("t")


async def _on_reflections(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("r")


async def _on_people(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("p")


async def _on_person(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("p", "enter")


async def _on_assess(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("a")


async def _on_skills_step(pilot: Any, ids: dict[str, int]) -> None:
    await pilot.press("a", "n")  # n resumes the session in progress
    await pilot.pause()
    await pilot.press("right", "right")


UNDO_CASES = {
    "goal status on Goals": (_on_goals, ["S", "down", "enter", *"exam moved", "enter"], _status),
    "goal status on its page": (_on_goal, ["S", "enter", *"on hold", "enter"], _status),
    "goal edited": (_on_goals, ["e", "ctrl+a", "ctrl+k", *"Pass the PMP exam", "ctrl+s", *"clearer", "enter"], _title),
    "milestone done": (_on_milestones, ["space"], _milestone_done),
    "milestone removed": (_on_milestones, ["d"], _milestones),
    "milestone moved": (_on_milestones, ["shift+down"], _milestones),
    "milestone added": (_on_milestones, ["n", *"Sit the exam", "enter", "enter"], _milestones),
    "milestone ticked on Today": (_on_today, ["enter"], _milestone_done),
    "entry deleted": (_on_reflections, ["d"], _entries),
    "entry starred": (_on_reflections, ["s"], _starred),
    "entry edited": (_on_reflections, ["e", "end", *" (timed)", "ctrl+s"], _entries),
    "person edited": (_on_people, ["e", "end", *" PhD", "ctrl+s"], _people),
    "conversation edited": (_on_person, ["e", "tab", "tab", *"Talked about the outline", "ctrl+s"], _talk_notes),
    "person deleted": (_on_people, ["d"], _people),
    "conversation deleted": (_on_person, ["d"], _talks),
    "follow-up done": (_on_person, ["x"], _follow_up),
    "session deleted": (_on_assess, ["d"], _sessions),
    "skill rated": (_on_skills_step, ["4"], _ratings),
    "skill retired": (_on_skills_step, ["x"], _skills),
}


@pytest.mark.parametrize("case", list(UNDO_CASES))
async def test_u_undoes_the_latest_change_on_every_screen(store: Store, case: str) -> None:
    where, keys, state = UNDO_CASES[case]
    ids = _setup(store)
    before = state(store, ids)
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await where(pilot, ids)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert state(store, ids) != before, "the keys changed nothing"
        await pilot.press("u")
        await pilot.pause()
        assert state(store, ids) == before
        assert any(message.startswith("Undone: ") for message in told(app))
        await pilot.press("u")
        await pilot.pause()
        assert told(app)[-1] == "Nothing to undo."
        assert state(store, ids) == before


async def test_u_takes_back_keeping_or_dropping_a_strength_at_still_true(store: Store, screen_text) -> None:
    may = store.add_assessment("2026-05-09")
    store.add_assessment_item(may, "strength", "Excel modelling", evidence="forecast within 2%")
    store.update_assessment(may, completed_at="2026-05-10 20:40:00", step=7)
    app = app_for(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", "n")  # a new session offers May's strength: still true?
        await pilot.pause()
        (session,) = [s.id for s in store.assessments() if s.id != may]

        def kept() -> list[str]:
            return [item.text for item in store.assessment_items(session) if item.kind == "strength"]

        await pilot.press("k")
        await pilot.pause()
        assert kept() == ["Excel modelling"]
        await pilot.press("u")
        await pilot.pause()
        assert kept() == []
        assert told(app)[-1] == "Undone: kept strength 'Excel modelling'."
        await pilot.press("d")  # dropped: nothing is written, the offer leaves the list
        await pilot.pause()
        assert kept() == [] and told(app)[-1].startswith("Dropped the strength")
        await pilot.press("u")
        await pilot.pause()
        assert told(app)[-1] == "Undone: dropping the strength 'Excel modelling'."
        await pilot.press("k")  # offered again, so it can be kept
        await pilot.pause()
        assert kept() == ["Excel modelling"]


async def test_a_cadence_goal_judges_each_amount_against_one_periods_target(store: Store, screen_text) -> None:
    weekly = store.add_goal("Complete 5 client reports per week", target=5, baseline=0, unit="reports", cadence="week",
                            status="active", start_date="2026-11-01", deadline="2026-12-31")  # fmt: skip
    store.add_checkin(weekly, 46, at="2026-11-23")  # a big week so far: the period's total is far past 5
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "+", "6", "enter")  # six more is a plausible amount, whatever the total
        await pilot.pause()
        assert not isinstance(app.screen, DoubtDialog)
        assert values(store, weekly) == [46.0, 6.0]
        await pilot.press("shift+tab", "5", "0", "enter")  # 50 in one go: an extra zero
        await pilot.pause()
        assert isinstance(app.screen, DoubtDialog)
        assert "Did you mean 5?" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert values(store, weekly) == [46.0, 6.0, 5.0]


DECISIONS = {
    "extended": (["x", *"2027-01-31", "enter", *"moved to January", "enter"], lambda store, goal: store.get_goal(goal).deadline),
    "achieved": (["d", *"nine lessons were enough", "enter"], lambda store, goal: store.get_goal(goal).status),
    "abandoned": (["b", *"no longer needed", "enter"], lambda store, goal: store.get_goal(goal).status),
    "put away": (["z"], lambda store, goal: sorted(store.prompt_snoozes(TODAY))),
}


@pytest.mark.parametrize("case", list(DECISIONS))
async def test_u_takes_back_a_decision_made_on_today(store: Store, case: str) -> None:
    keys, state = DECISIONS[case]
    late = store.add_goal("Learn SQL", target=12, baseline=0, unit="lessons", start_date="2026-09-01", deadline="2026-11-21",
                          status="active")  # fmt: skip
    store.add_checkin(late, 9, at="2026-11-24")
    before = state(store, late)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+tab", *keys)  # to "Needs a decision", just above the due list
        await pilot.pause()
        assert state(store, late) != before, "the keys changed nothing"
        await pilot.press("u")
        await pilot.pause()
        assert state(store, late) == before
        assert told(app)[-1].startswith("Undone: ")


async def test_the_did_you_mean_keys_wrap_instead_of_being_cut(store: Store, reports: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", *"300000", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DoubtDialog)
        text = " ".join(line.strip("│ ") for line in screen_text(app).splitlines())
        assert "y save 300000 as typed" in text and "n / escape back to the value" in text
