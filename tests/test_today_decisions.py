"""Today's "Needs a decision" list, driven by keys through Pilot on a real journal file: extend,
achieve, abandon, pause, put away for a week, and the self-assessment when it is due."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import NOW

from goaljournal.core.decisions import ASSESSMENT_DUE, NO_CHECKIN, PAST_DEADLINE, TARGET_REACHED, Decision
from goaljournal.core.models import Goal
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.assess.session import AssessmentSession
from goaljournal.ui.goals.screen import GoalDetailScreen
from goaljournal.ui.today.screen import TodayScreen
from goaljournal.ui.today.decisions import DecisionList, ExtendDialog, decision_line

TODAY = NOW.date()
SIZE = (80, 24)
TO_DECISIONS = "shift+tab"  # Today starts on the due list; the decisions are the stop before it


def app_for(store: Store, today: date = TODAY) -> GoalJournalApp:
    return GoalJournalApp(store, today=today)


def assessed(store: Store, days_ago: int) -> None:
    """A self-assessment completed ``days_ago``."""
    session = store.add_assessment(TODAY - timedelta(days=days_ago))
    store.update_assessment(session, completed_at=f"{TODAY - timedelta(days=days_ago)} 18:00:00")


@pytest.fixture
def late(store: Store) -> int:
    """Learn SQL, four days past its deadline, checked in on yesterday; the self-assessment is recent."""
    goal_id = store.add_goal("Learn SQL", target=12, baseline=0, unit="lessons", start_date="2026-09-01", deadline="2026-11-21")
    store.add_checkin(goal_id, 9, at=TODAY - timedelta(days=1))
    assessed(store, 30)
    return goal_id


def decision_lines(text: str) -> list[str]:
    """The lines of the "Needs a decision" box."""
    lines = text.splitlines()
    top = next((i for i, line in enumerate(lines) if "Needs a decision" in line), None)
    if top is None:
        return []
    bottom = next(i for i in range(top + 1, len(lines)) if lines[i].lstrip().startswith("╰"))
    return [line.strip("│ ").rstrip("│ ▁▂▃▄▅▆▇█▔") for line in lines[top + 1 : bottom]]  # less the scrollbar


def last_revision(store: Store, goal_id: int) -> tuple[dict[str, list[object]], str | None]:
    revision = store.revisions(goal_id)[-1]
    return json.loads(revision.changes), revision.reason


async def test_a_goal_past_its_deadline_is_extended_with_a_reason(store: Store, late: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert decision_lines(screen_text(app)) == ["Learn SQL · 4 days past its deadline — x extend  d done  b abandon  z later"]
        await pilot.press(TO_DECISIONS, "x")
        assert isinstance(app.screen, ExtendDialog)
        await pilot.press(*"2027-01-31", "enter", *"moved to January", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert decision_lines(screen_text(app)) == []  # nothing left to decide: the section is gone
        assert app.focused is app.screen.query_one("#due-list")
    assert store.get_goal(late).deadline == "2027-01-31"
    assert last_revision(store, late) == ({"deadline": ["2026-11-21", "2027-01-31"]}, "moved to January")


async def test_an_extension_takes_a_phrase_and_refuses_a_day_out_of_range_or_past_or_no_reason(
    store: Store, late: int, screen_text
) -> None:
    clear = ("ctrl+a", "ctrl+k")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "x", *"9999-12-31", "enter", *"far away", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExtendDialog)  # refused in the form: the reason typed is kept
        assert "outside the dates a journal holds" in screen_text(app)
        await pilot.press(*clear, *"2026-11-23")
        assert "has passed" in screen_text(app)
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExtendDialog)
        await pilot.press(*clear, *"in a month", "enter", *clear, "enter")  # and no reason
        await pilot.pause()
        assert isinstance(app.screen, ExtendDialog) and store.revisions(late) == []
        await pilot.press(*"the course moved", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.get_goal(late).deadline == "2026-12-25"
    assert last_revision(store, late)[1] == "the course moved"


async def test_escape_leaves_the_goal_as_it_was(store: Store, late: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "x", *"2027-01-31", "escape")
        assert isinstance(app.screen, ExtendDialog)  # typed text is not thrown away by one key
        await pilot.press("escape", "b", *"no longer", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.get_goal(late).deadline == "2026-11-21" and store.get_goal(late).status == "active"
    assert store.revisions(late) == []


async def test_a_goal_past_its_deadline_is_marked_achieved(store: Store, late: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "d", *"nine lessons were enough", "enter")
        await pilot.pause()
    assert store.get_goal(late).status == "achieved"
    assert last_revision(store, late) == ({"status": ["active", "achieved"]}, "nine lessons were enough")


async def test_a_goal_past_its_deadline_is_abandoned_with_a_reason(store: Store, late: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "b", "enter")  # a reason is required: the dialog stays
        await pilot.pause()
        assert store.get_goal(late).status == "active"
        await pilot.press(*"the team moved to NoSQL", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.get_goal(late).status == "abandoned"
    assert last_revision(store, late) == ({"status": ["active", "abandoned"]}, "the team moved to NoSQL")


async def test_a_goal_at_its_target_is_marked_achieved_in_two_keys(store: Store, screen_text) -> None:
    books = store.add_goal("Read 12 books", target=12, baseline=0, unit="books", start_date="2026-01-01", deadline="2026-12-31")
    store.add_checkin(books, 12, at=TODAY - timedelta(days=2))
    assessed(store, 10)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert decision_lines(screen_text(app)) == ["Read 12 books · reached its target — d mark achieved  z later"]
        await pilot.press(TO_DECISIONS, "d", "enter")  # the reason offered is what called for it
        await pilot.pause()
        assert "Read 12 books" not in screen_text(app)  # no longer among the active goals either
    assert store.get_goal(books).status == "achieved"
    assert last_revision(store, books) == ({"status": ["active", "achieved"]}, "reached its target")


async def test_a_reason_typed_replaces_the_one_offered(store: Store) -> None:
    books = store.add_goal("Read 12 books", target=12, baseline=0, start_date="2026-01-01", deadline="2026-12-31")
    store.add_checkin(books, 12, at=TODAY - timedelta(days=2))
    assessed(store, 10)
    async with app_for(store).run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "d", *"the twelfth was Middlemarch", "enter")
        await pilot.pause()
    assert last_revision(store, books) == ({"status": ["active", "achieved"]}, "the twelfth was Middlemarch")


async def test_a_quiet_goal_is_paused(store: Store, screen_text) -> None:
    run = store.add_goal("Run a 10k", target=10, baseline=0, unit="km", start_date="2026-09-01", deadline="2027-04-30")
    store.add_checkin(run, 4, at=TODAY - timedelta(days=23))
    assessed(store, 10)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert decision_lines(screen_text(app)) == ["Run a 10k · no check-in for 23 days — s pause  b abandon  z later"]
        await pilot.press(TO_DECISIONS, "x", "d")  # keys this prompt does not offer do nothing
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen) and store.revisions(run) == []
        await pilot.press("s", "enter")
        await pilot.pause()
    assert store.get_goal(run).status == "paused"
    assert last_revision(store, run) == ({"status": ["active", "paused"]}, "no check-in for 23 days")


async def test_a_check_in_on_today_answers_the_quiet_prompt(store: Store, screen_text) -> None:
    run = store.add_goal("Run a 10k", target=10, baseline=0, unit="km", start_date="2026-09-01", deadline="2027-04-30")
    store.add_checkin(run, 4, at=TODAY - timedelta(days=23))
    assessed(store, 10)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "5", "enter")
        await pilot.pause()
        assert decision_lines(screen_text(app)) == []
    assert store.get_goal(run).current == 5


async def test_a_prompt_put_away_is_back_after_seven_days(db_path: Path, store: Store, late: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "z")
        await pilot.pause()
        assert decision_lines(screen_text(app)) == []
    for days, shown in ((6, False), (7, True)):
        moment = NOW + timedelta(days=days)
        with Store.open(db_path, clock=lambda moment=moment: moment) as later:
            app = app_for(later, moment.date())
            async with app.run_test(size=SIZE):
                # November's monthly review is due on these days too: a prompt of its own.
                lines = [line for line in decision_lines(screen_text(app)) if "review due" not in line]
        assert (lines == [f"Learn SQL · {4 + days} days past its deadline — x extend  d done  b abandon  z later"]) is shown, lines


async def test_the_self_assessment_due_is_shown_and_enter_starts_it(store: Store, screen_text) -> None:
    store.add_goal("Learn SQL", start_date="2026-11-20")
    assessed(store, 95)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert decision_lines(screen_text(app)) == ["Self-assessment due (last one 95 days ago) — enter starts it  z later"]
        await pilot.press(TO_DECISIONS, "enter")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession)
    started = store.assessment_in_progress()
    assert started is not None and started.at == TODAY.isoformat()


async def test_a_journal_without_a_self_assessment_is_asked_for_its_first(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert decision_lines(screen_text(app)) == []  # no goals yet: nothing to ask
    store.add_goal("Learn SQL")
    store.add_assessment(TODAY - timedelta(days=3))  # started, not finished
    async with app_for(store).run_test(size=SIZE) as pilot:
        assert decision_lines(screen_text(pilot.app)) == ["No self-assessment yet — enter resumes it  z later"]
        await pilot.press(TO_DECISIONS, "z")
        await pilot.pause()
        assert decision_lines(screen_text(pilot.app)) == []


async def test_enter_on_a_goal_opens_it(store: Store, late: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(TO_DECISIONS, "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen) and app.screen.goal_id == late


@pytest.fixture
def busy_day(store: Store) -> dict[str, int]:
    """One prompt of each kind, with a long title, and the self-assessment 95 days ago."""
    goals = {
        "late": store.add_goal("Learn SQL", target=12, baseline=0, start_date="2026-09-01", deadline="2026-11-21"),
        "long": store.add_goal(
            "Complete the ten-module People Analytics course with a capstone project", target=10, baseline=0,
            start_date="2026-06-01", deadline="2026-11-10",
        ),  # fmt: skip
        "books": store.add_goal("Read 12 books", target=12, baseline=0, start_date="2026-01-01", deadline="2026-12-31"),
        "run": store.add_goal("Run a 10k", target=10, baseline=0, start_date="2026-09-01", deadline="2027-04-30"),
    }
    store.add_checkin(goals["late"], 9, at=TODAY - timedelta(days=1))
    store.add_checkin(goals["long"], 8, at=TODAY - timedelta(days=1))
    store.add_checkin(goals["books"], 12, at=TODAY - timedelta(days=2))
    store.add_checkin(goals["run"], 4, at=TODAY - timedelta(days=23))
    assessed(store, 95)
    return goals


async def test_every_line_fits_80_columns_and_the_list_scrolls(store: Store, busy_day: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert all(len(line) <= 80 for line in text.splitlines())
        lines = decision_lines(text)
        assert lines == [
            "Complete the ten-m… · 15 days overdue — x extend  d done  b abandon  z later",
            "Learn SQL · 4 days past its deadline — x extend  d done  b abandon  z later",
            "Read 12 books · reached its target — d mark achieved  z later",
            "Run a 10k · no check-in for 23 days — s pause  b abandon  z later",
        ]
        await pilot.press(TO_DECISIONS, "end")
        await pilot.pause()
        assert decision_lines(screen_text(app))[-1] == "Self-assessment due (last one 95 days ago) — enter starts it  z later"
        assert "Due this week" in screen_text(app)  # the rest of Today keeps its place


async def test_a_prompt_that_comes_with_a_check_in_keeps_every_line_whole(store: Store, busy_day: dict[str, int], screen_text) -> None:
    walk = store.add_goal("Walk 100 km", target=100, baseline=0, unit="km", start_date="2026-11-01", deadline="2026-12-31")
    store.add_checkin(walk, 90, at=TODAY - timedelta(days=1))
    assessed(store, 10)  # four prompts: the list is full, without a scrollbar yet
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert len(decision_lines(screen_text(app))) == 4
        field = app.screen.query_one(f"#checkin-{walk}")
        field.focus()
        await pilot.press(*"100", "enter")
        await pilot.pause()
        assert len(app.screen.query_one(DecisionList).decisions) == 5
        lines = decision_lines(screen_text(app))
        assert len(lines) == 4 and all(" — " in line for line in lines), lines  # one line each, none wrapped
        assert lines[3] == "Walk 100 km · reached its target — d mark achieved  z later"
        app.screen.query_one(DecisionList).focus()
        await pilot.press("end")
        await pilot.pause()
        assert decision_lines(screen_text(app))[-1] == "Run a 10k · no check-in for 23 days — s pause  b abandon  z later"


async def test_a_title_is_shown_as_written_and_cut_to_the_cells_there_are(store: Store, screen_text) -> None:
    hostile = store.add_goal("[b]SQL[/]\x1b[31m[/x]", start_date="2026-09-01", deadline="2026-11-21")
    wide = store.add_goal("読書" * 40, start_date="2026-09-01", deadline="2026-11-20")
    for goal_id in (hostile, wide):
        store.add_checkin(goal_id, 1, at=TODAY - timedelta(days=1))
    assessed(store, 10)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        lines = decision_lines(text)
        assert lines[1] == "[b]SQL[/]␛[31m[/x] · 4 days overdue — x extend  d done  b abandon  z later"
        assert lines[0].startswith("読書") and "… · 5 days overdue — x extend" in lines[0]
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press(TO_DECISIONS, "down", "d", "enter")
        await pilot.pause()
        assert app.is_running
    assert store.get_goal(hostile).status == "achieved"


async def test_the_decisions_are_one_shift_tab_above_the_due_list_and_escape_goes_back(store: Store, late: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        due, decisions = app.screen.query_one("#due-list"), app.screen.query_one(DecisionList)
        assert app.focused is due and "shift+tab to choose · enter opens · z: away for 7 days" in screen_text(app)
        await pilot.press(TO_DECISIONS)
        assert app.focused is decisions and "escape back · enter opens" in screen_text(app)
        await pilot.press("escape")
        assert app.focused is due and "shift+tab to choose" in screen_text(app)


@pytest.mark.parametrize("title", ["Learn SQL", "Complete the ten-module People Analytics course", "読書" * 30, "x"])
@pytest.mark.parametrize("prompt", [PAST_DEADLINE, TARGET_REACHED, NO_CHECKIN, ASSESSMENT_DUE])
def test_a_decision_line_never_passes_its_width(title: str, prompt: str) -> None:
    goal = Goal(id=1, uuid="u", title=title, status="active")
    decision = Decision(prompt, 0 if prompt == ASSESSMENT_DUE else 1, 1234, None if prompt == ASSESSMENT_DUE else goal)
    for width in range(20, 121):
        line = decision_line(decision, width)
        assert line.cell_length <= width and "\n" not in line.plain, (width, line.plain)
    wide = decision_line(decision, 200).plain
    assert (title in wide) is (prompt != ASSESSMENT_DUE) and "z later" in wide
