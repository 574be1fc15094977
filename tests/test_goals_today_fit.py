"""Goals and Today at the sizes people use, 80x24 to 200x50, and on an empty journal: the columns
that matter stay on screen, the detail goes below the list when the screen is narrow, and an
empty screen says what it is for and the one key that fills it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from textual.widgets import DataTable, Static

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.goals.draft import GoalDraftScreen
from goaljournal.ui.goals.screen import GoalsScreen

TODAY = date(2026, 11, 25)
LONG_TITLE = "Complete the 10-module People Analytics course with every quiz passed by 21 Nov 2026"


@pytest.fixture
def goals(store: Store) -> list[int]:
    ids = [
        store.add_goal(LONG_TITLE, target=10, baseline=0, unit="modules", metric="modules completed",
                       start_date="2026-07-28", deadline="2026-12-21", category="education", confidence=4),
        store.add_goal("Leave work by 6 pm on four days a week", status="paused", target=4, unit="days", deadline="2027-11-15"),
    ]  # fmt: skip
    store.add_checkin(ids[0], 8, at="2026-11-13")
    return ids


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
async def test_the_goals_list_keeps_progress_and_deadline_on_screen(store: Store, goals: list[int], screen_text, size) -> None:
    async with GoalJournalApp(store, today=TODAY).run_test(size=size) as pilot:
        await pilot.press("g")
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        assert not table.show_horizontal_scrollbar and table.virtual_size.width <= table.size.width
        row = next(line for line in screen_text(pilot.app).splitlines() if "Complete the 10-module" in line)
        assert "80%" in row and "21 Dec 26" in row and "SM" in row
        # The status word gives way to a mark before anything else does; at 200 columns it is back.
        assert ("active" in row) == (size[0] >= 200)
        # The title takes the room the other columns leave: in full at 200 columns.
        assert (LONG_TITLE in row) == (size[0] >= 200)


async def test_a_narrow_screen_puts_the_goal_detail_below_the_list(store: Store, goals: list[int]) -> None:
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = pilot.app.screen
        table, detail = screen.query_one("#goal-table"), screen.query_one("#goal-detail")
        assert screen.has_class("-narrow")
        assert table.region.width == detail.region.width == 80 and detail.region.y > table.region.y
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert detail.region.x > table.region.x and table.region.width + detail.region.width == 120


@pytest.mark.parametrize("width", [48, 60, 78, 80, 100, 131, 200])
def test_the_list_columns_fill_the_width_exactly(width: int) -> None:
    from goaljournal.ui.goals.render import list_columns

    columns = list_columns(width, 2)
    assert sum(columns.widths()) + 2 * len(columns.widths()) == width
    assert columns.deadline == 9 and columns.progress >= 4


async def test_an_empty_journal_says_what_goals_are_for_and_n_drafts_one(store: Store, screen_text) -> None:
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "Goals you are working toward" in text and "Press n to draft your first goal" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalDraftScreen)


async def test_an_empty_journal_says_what_today_is_for_and_n_drafts_a_goal(store: Store, screen_text) -> None:
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Today is the daily check-in" in text and "Nothing due this week." in text
        shown = " ".join(str(pilot.app.screen.query_one("#goals-panel .empty", Static).render()).split())
        assert "Press n to draft your first goal" in shown
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalDraftScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalsScreen)


async def test_today_without_an_active_goal_points_to_the_drafts(store: Store, screen_text) -> None:
    store.add_goal("I want to be more successful", status="draft")
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = str(pilot.app.screen.query_one("#goals-panel .empty", Static).render())
        assert "No active goals. n drafts a new one; g lists the drafts" in shown


def test_a_criterion_the_coach_cannot_tell_is_a_question_mark_not_a_letter_that_reads_as_met() -> None:
    from goaljournal.core.smart import smart_report
    from goaljournal.ui.goals.coach import smart_letters, smart_marks

    report = smart_report("Read 12 books by March 31", TODAY)
    verdicts = [verdict.ok for _, verdict in report.criteria]
    assert verdicts == [True, True, None, None, True]
    assert "".join(letter for letter, _ in smart_letters(report)) == "SM??T"
    assert smart_marks(report).plain == "SM??T"


async def test_the_goals_list_shows_what_the_coach_cannot_tell_as_such(store: Store, screen_text) -> None:
    store.add_goal("Read 12 books by March 31", deadline="2027-03-31")
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        row = next(line for line in screen_text(pilot.app).splitlines() if "Read 12 books" in line)
        assert "SM??T" in row  # cannot tell: Achievable without a confidence, Relevant without a why


@pytest.mark.parametrize("today", [date(2026, 11, 25), date(2031, 12, 30)])
def test_a_date_in_an_example_is_never_in_the_past(today: date) -> None:
    from goaljournal.core.smart import smart_report
    from goaljournal.ui.goals.render import deadline_line

    hint = deadline_line("soonish", None, None, smart_report("Read more", today), today).plain
    days = re.findall(r"\d{4}-\d{2}-\d{2}", hint)
    assert days and all(day > today.isoformat() for day in days), hint


async def test_the_draft_names_the_key_that_adds_a_milestone_and_a_dated_example_ahead(store: Store, screen_text) -> None:
    later = date(2031, 12, 30)
    async with GoalJournalApp(store, today=later).run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "n")
        await pilot.pause()
        from goaljournal.ui.goals.milestones import MilestoneList

        add_row = pilot.app.screen.query_one(MilestoneList).get_option("add").prompt
        assert str(add_row) == "+ add a milestone (ctrl+n)"
        await pilot.press("ctrl+n")
        await pilot.pause()
        due = pilot.app.screen.query_one("#milestone-due")
        assert due.placeholder.startswith("a date or a phrase: Jan 19,")
        due.value = "whenever"
        await pilot.pause()
        assert "try 2032-01-19, Jan 19, in two weeks" in screen_text(pilot.app)


async def test_a_check_in_is_said_on_the_goals_border_not_in_a_toast_over_the_reflection_line(store: Store, screen_text) -> None:
    goal = store.add_goal("Earn the PMP certification", target=50, baseline=0, unit="hours", start_date="2026-06-01", deadline="2027-05-25")
    store.add_checkin(goal, 31, at="2026-11-24")
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(f"#checkin-{goal}").focus()
        await pilot.press("3", "3", "enter")
        await pilot.pause()
        assert store.get_goal(goal).current == 33
        assert not app._notifications
        assert app.focused is app.screen.query_one("#reflection")
        subtitle = str(app.screen.query_one("#goals-panel").border_subtitle)
        assert subtitle.endswith("✓ [/$text-success]33 hours · esc, u undoes")
        assert "✓ 33 hours · esc, u undoes" in screen_text(app)
        await pilot.resize_terminal(160, 40)
        app.screen.query_one(f"#checkin-{goal}").focus()
        await pilot.press("+", "1", "enter")
        await pilot.pause()
        assert "✓ Earn the PMP certification: 34 hours · esc, u undoes" in screen_text(app)


@pytest.mark.parametrize("width", [36, 44, 60])
def test_a_goal_detail_cut_to_a_width_keeps_each_listed_item_to_one_line(store: Store, goals: list[int], width: int) -> None:
    from goaljournal.ui.goals.render import goal_detail

    goal = goals[0]
    store.add_milestone(goal, "Module 9: predictive attrition modelling with the survey data", due="2026-11-22")
    store.add_checkin(goal, 9, at="2026-11-20", note="Module 9 quiz retake booked for the week after the offsite")
    lines = goal_detail(store, store.get_goal(goal), TODAY, width=width).plain.splitlines()
    milestone = next(line for line in lines if "Module 9:" in line)
    assert len(milestone) <= width and milestone.endswith("overdue 22 Nov 2026")
    checkin = next(line for line in lines if "20 Nov 2026" in line and "latest" not in line)
    assert len(checkin) <= width and checkin.endswith("…")


def test_a_goal_from_a_self_assessment_is_detailed_at_a_width(store: Store) -> None:
    """Regression: the detail's line cutter was shadowed by the self-assessment item it names."""
    from goaljournal.ui.goals.render import goal_detail

    assessment = store.add_assessment("2026-11-20")
    item = store.add_assessment_item(assessment, "weakness", "Presenting to senior leaders")
    goal = store.add_goal("Give three talks to the leadership team by the end of Q1", assessment_item_id=item, deadline="2027-03-31")
    store.add_milestone(goal, "Book the first slot", due="2026-12-01")
    shown = goal_detail(store, store.get_goal(goal), TODAY, width=40).plain
    assert "From the self-assessment: weakness: Presenting" in shown and "Book the first slot" in shown


@pytest.mark.parametrize("size", [(80, 24), (120, 30)])
async def test_the_drafting_form_shows_every_field_without_scrolling_on_a_short_screen(store: Store, size) -> None:
    async with GoalJournalApp(store, today=TODAY).run_test(size=size) as pilot:
        await pilot.press("g", "n")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, GoalDraftScreen)
        form = screen.query_one("#draft-form")
        assert form.max_scroll_y == 0, "the empty form scrolls"
        assert screen.query_one("#draft-title").region.width >= 30  # room for what is typed
