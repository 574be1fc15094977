"""The goals screens driven by keys through Pilot, on a real journal file: drafting with the live
SMART coach, milestones, the goal detail, status changes and revisions, filters."""

from __future__ import annotations

from datetime import date

import json

import pytest
from conftest import run_cli
from textual.widgets import DataTable, Input, Select

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.goals.coach import SmartPanel
from goaljournal.ui.goals.dialogs import StatusDialog
from goaljournal.ui.goals.draft import GoalDraftScreen
from goaljournal.ui.goals.milestones import MilestoneDialog
from goaljournal.ui.shared.reason import ReasonDialog
from goaljournal.ui.goals.screen import GoalDetailScreen, GoalsScreen

TODAY = date(2026, 11, 25)
SIZE = (130, 40)
MARKUP = "[b]x[/b] and [red]not red[/] [@click=app.quit]q[/]"


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


def verdicts(app: GoalJournalApp) -> dict[str, str]:
    """The SMART panel's mark for each criterion, as shown: ✓, ✗ or ?."""
    panel = app.screen.query_one(SmartPanel)
    marks = {}
    for name in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        head = str(panel.query_one(f"#smart-{name}-head").render())
        marks[name] = head[0]
    return marks


def focused_id(app: GoalJournalApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def open_draft(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("g")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, GoalDraftScreen)
    assert focused_id(pilot.app) == "draft-title"


@pytest.fixture
def pmp_goal(store: Store) -> int:
    goal_id = store.add_goal(
        "Earn the PMP certification", target=50, baseline=0, unit="hours", metric="study hours",
        start_date="2026-06-01", deadline="2027-05-25", category="certification", confidence=4,
        why="Senior roles here run cross-team projects",
    )  # fmt: skip
    store.add_milestone(goal_id, "Submit the PMP application", due="2026-11-27")
    store.add_milestone(goal_id, "Sit a practice exam", due="2027-01-15")
    store.add_checkin(goal_id, 31, at="2026-11-24", note="weekend study")
    return goal_id


async def test_verdicts_change_as_the_goal_is_typed(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*"Network more")
        await pilot.pause()
        assert verdicts(app) == {"specific": "✗", "measurable": "✗", "achievable": "?", "relevant": "?", "time_bound": "✗"}
        assert "'more' is vague" in screen_text(app)

        await pilot.press("ctrl+u", *"Meet five HR leaders")
        await pilot.pause()
        assert verdicts(app)["specific"] == "✓" and verdicts(app)["measurable"] == "✓"
        assert verdicts(app)["time_bound"] == "✗"
        assert "5 HR leaders" in screen_text(app)

        await pilot.press(*" by March")
        await pilot.pause()
        assert verdicts(app)["time_bound"] == "✓"
        text = screen_text(app)
        assert "Wed 31 Mar 2027" in text and "'by March'" in text

        await pilot.press(*["tab"] * 9)  # category, horizon, metric, unit, baseline, target, counted, deadline, why
        assert focused_id(app) == "draft-why"
        await pilot.press(*"a wider network")
        await pilot.press("tab", "4")  # confidence 4 of 5
        await pilot.pause()
        assert verdicts(app) == {"specific": "✓", "measurable": "✓", "achievable": "✓", "relevant": "✓", "time_bound": "✓"}
        assert "SMART: all five met." in screen_text(app)


ONE_ANALYSIS = [
    "learn to build dashboards in Tableau",
    "Get a raise",
    "Update the employee handbook with the new remote-work policy by Friday",
    "Read 20 books by next week",
    "Write 2 posts/month so that I can build my profile",
    "Attend the HR summit before my review",
]


async def test_the_form_and_the_command_line_judge_a_sentence_alike(
    store: Store, capsys: pytest.CaptureFixture[str], screen_text
) -> None:
    """The panel beside an otherwise empty form and `goaljournal smart` give each criterion the
    same mark, and the sentence's own criteria the same reason: one analysis, whoever asks. (The
    form's reasons for Achievable and Relevant point at its empty fields.)"""
    marks = {True: "✓", False: "✗", None: "?"}
    expected = {}
    for sentence in ONE_ANALYSIS:
        code, out, _ = run_cli(capsys, "smart", sentence, "--today", TODAY.isoformat(), "--json")
        assert code == 0
        answer = json.loads(out)
        expected[sentence] = answer
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*ONE_ANALYSIS[0])  # typed, as a user would; the others set at once
        for sentence in ONE_ANALYSIS:
            app.screen.query_one("#draft-title", Input).value = sentence
            await pilot.pause()
            answer = expected[sentence]
            assert verdicts(app) == {name: marks[answer[name]["ok"]] for name in verdicts(app)}, sentence
            text = " ".join(screen_text(app).split())
            for name in ("specific", "measurable", "time_bound"):
                assert " ".join(answer[name]["why"].split())[:40] in text, (sentence, name)


async def test_save_a_goal_with_milestones_by_keys_and_find_it_in_the_journal(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*"Meet 5 leaders in Q1")
        await pilot.press("tab")
        assert focused_id(app) == "draft-category"
        await pilot.press("enter", *"net", "enter")  # the menu jumps to networking as it is typed
        await pilot.pause()
        assert app.screen.query_one("#draft-category", Select).value == "networking"
        await pilot.press("tab", "tab")
        assert focused_id(app) == "draft-metric"
        await pilot.press(*"met", "tab", *"people", "tab", "0", "tab", "5", "tab", "tab")  # past "counted": in total
        assert focused_id(app) == "draft-deadline"
        await pilot.press("tab", *"to grow", "tab", "4")
        await pilot.press("ctrl+n")  # a milestone from anywhere in the form
        await pilot.pause()
        assert isinstance(app.screen, MilestoneDialog)
        await pilot.press(*"Join", "enter", *"Dec 15", "enter")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Meet", "enter", *"in Q1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)

    [goal] = store.goals()
    assert goal.title == "Meet 5 leaders in Q1"
    assert (goal.category, goal.metric, goal.unit, goal.baseline, goal.target) == ("networking", "met", "people", 0, 5)
    assert (goal.deadline, goal.start_date, goal.why, goal.confidence) == ("2027-03-31", "2026-11-25", "to grow", 4)
    assert goal.status == "active"
    assert [(m.title, m.due_date, m.position) for m in store.milestones(goal.id)] == [
        ("Join", "2026-12-15", 1),
        ("Meet", "2027-03-31", 2),
    ]


async def test_a_vague_goal_is_kept_as_a_draft_and_the_sentence_fills_target_and_deadline(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*"Be successful", "ctrl+s")
        await pilot.pause()
        assert any("Saved as a draft" in str(n.message) for n in app._notifications)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Read 12 books in 2027")
        await pilot.pause()
        assert "target 12 · books" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    vague, books = sorted(store.goals(), key=lambda goal: goal.id)
    assert vague.status == "draft" and vague.deadline is None
    assert (books.status, books.target, books.unit, books.deadline) == ("active", 12, "books", "2027-12-31")


async def test_a_deadline_that_does_not_read_saves_nothing(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_draft(pilot)
        await pilot.press(*"Write 3 posts")
        app.screen.query_one("#draft-deadline", Input).focus()
        await pilot.press(*"blue moon")
        await pilot.pause()
        assert "not a date I can read" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        assert focused_id(app) == "draft-deadline"
        assert app.screen.query_one("#draft-title", Input).value == "Write 3 posts"
        await pilot.press("escape")  # unsaved: the first escape only warns
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    assert store.goals() == []


async def test_change_the_deadline_with_a_reason_and_find_the_revision(store: Store, pmp_goal: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        deadline = app.screen.query_one("#draft-deadline", Input)
        assert deadline.value == "2027-05-25"
        deadline.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"end of Q2 2027")
        await pilot.pause()
        assert "Wed 30 Jun 2027" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert "deadline 2027-05-25 → 2027-06-30" in screen_text(app)
        await pilot.press("escape")  # back to editing: nothing written yet
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        assert store.get_goal(pmp_goal).deadline == "2027-05-25"
        await pilot.press("ctrl+s", *"slots moved", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert "because slots moved" in screen_text(app)
    assert store.get_goal(pmp_goal).deadline == "2027-06-30"
    [revision] = store.revisions(pmp_goal)
    assert revision.reason == "slots moved"
    assert '"deadline": ["2027-05-25", "2027-06-30"]' in revision.changes


async def test_a_title_with_markup_shows_literally(store: Store, screen_text) -> None:
    goal_id = store.add_goal(MARKUP, status="active")
    store.add_milestone(goal_id, "[i]step[/i] one", due="2026-12-01")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert "[b]x[/b] and [red]not red[/]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        text = screen_text(app)
        assert "[b]x[/b] and [red]not red[/] [@click=app.quit]q[/]" in text
        assert "[i]step[/i] one" in text
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#draft-title", Input).value == MARKUP
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")  # a stepping stone: the parent shows in the Serves menu
        await pilot.pause()
        assert "[b]x[/b] and [red]not red[/]" in screen_text(app)
        assert app.is_running


async def test_milestones_on_the_goal_screen_add_edit_reorder_done_and_remove(store: Store, pmp_goal: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        await pilot.press("m")  # to the milestones
        await pilot.press("n", *"Book the exam", "enter", *"2027-04-01", "enter")
        await pilot.pause()
        assert [m.title for m in store.milestones(pmp_goal)][-1] == "Book the exam"

        await pilot.press("home", "space")  # the first is done today
        await pilot.pause()
        assert store.milestones(pmp_goal)[0].done_at == TODAY.isoformat()

        await pilot.press("shift+down")  # the first moves below the second
        await pilot.pause()
        assert [m.title for m in store.milestones(pmp_goal)] == [
            "Sit a practice exam", "Submit the PMP application", "Book the exam",
        ]  # fmt: skip

        await pilot.press("home", "enter")  # edit the first
        await pilot.pause()
        assert isinstance(app.screen, MilestoneDialog)
        title = app.screen.query_one("#milestone-title", Input)
        title.value = "Sit two practice exams"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert store.milestones(pmp_goal)[0].title == "Sit two practice exams"

        await pilot.press("end", "up", "d")  # remove the last one
        await pilot.pause()
        assert [m.title for m in store.milestones(pmp_goal)] == ["Sit two practice exams", "Submit the PMP application"]
        assert "Milestones 1/2" in screen_text(app)
        assert store.counts()["milestones"] == 3  # in the trash, not gone
        await pilot.press("u")
        await pilot.pause()
        assert [m.title for m in store.milestones(pmp_goal)][-1] == "Book the exam"


async def test_status_change_asks_why_and_keeps_a_revision(store: Store, pmp_goal: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter", "S")
        await pilot.pause()
        assert isinstance(app.screen, StatusDialog)
        await pilot.press("down", "enter")  # paused, achieved: the second
        await pilot.press("enter")  # no reason yet: refused
        await pilot.pause()
        assert isinstance(app.screen, StatusDialog)
        await pilot.press(*"passed early", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDetailScreen)
        assert "because passed early" in screen_text(app)
    assert store.get_goal(pmp_goal).status == "achieved"
    [revision] = store.revisions(pmp_goal)
    assert revision.reason == "passed early" and '"status": ["active", "achieved"]' in revision.changes


async def test_a_stepping_stone_is_listed_under_its_long_term_goal(store: Store, screen_text) -> None:
    career = store.add_goal("Become a senior people analytics lead by December 2030", deadline="2030-12-31", status="active")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one("#draft-parent", Select).value == career
        await pilot.press(*"Pass PMP by May 2027")
        await pilot.pause()
        assert verdicts(app)["relevant"] == "✓"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "└ Pass PMP by May 2027" in screen_text(app)
    [step] = store.child_goals(career)
    assert (step.title, step.deadline) == ("Pass PMP by May 2027", "2027-05-31")


async def test_filters_by_status_category_and_horizon(store: Store, screen_text) -> None:
    store.add_goal("Save $5,000 by December 2027", category="financial", deadline="2027-12-31", start_date="2026-11-25")
    store.add_goal("Read 12 books", category="skill", status="draft")
    store.add_goal("Become a director", category="leadership", deadline="2031-06-30", start_date="2026-11-25")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("s")  # active
        await pilot.pause()
        assert table.row_count == 2 and "filter: active" in screen_text(app)
        await pilot.press("h", "h", "h")  # all → short → medium → long
        await pilot.pause()
        assert table.row_count == 1 and "Become a director" in screen_text(app)
        await pilot.press("h", "c")  # horizons all, category skill: none active
        await pilot.pause()
        shown = str(app.screen.query_one("#goal-detail-text").render())
        assert table.row_count == 0 and "No active · skill goals. s, c and h change the filters" in shown


async def test_the_self_assessment_can_open_the_form_prefilled(store: Store, screen_text) -> None:
    assessment = store.add_assessment("2026-11-20")
    item = store.add_assessment_item(assessment, "weakness", "Presenting to senior leaders")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        saved: list[int | None] = []
        screen = GoalDraftScreen(title="Give three talks to the leadership team by the end of Q1", category="skill", assessment_item_id=item)
        app.push_screen(screen, saved.append)
        await pilot.pause()
        text = screen_text(app)
        assert "Presenting to senior leaders" in text
        assert verdicts(app)["relevant"] == "✓"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [goal] = store.goals()
    assert saved == [goal.id]
    assert (goal.assessment_item_id, goal.category, goal.deadline) == (item, "skill", "2027-03-31")


async def test_the_command_palette_opens_a_new_goal_from_anywhere(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"new goal")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
