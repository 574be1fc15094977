"""The self-assessment screens driven by keys through Pilot, on a real journal file."""

from __future__ import annotations

from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from conftest import open_new_session

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.assess.screen import AssessScreen
from goaljournal.ui.assess.compare import CompareScreen
from goaljournal.ui.assess.forms import FieldForm
from goaljournal.ui.assess.render import comparison_content, day_label
from goaljournal.ui.assess.session import AssessmentSession
from goaljournal.ui.goals.draft import GoalDraftScreen

TODAY = date(2026, 11, 25)
SIZE = (130, 40)


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


async def fill_form(pilot: Pilot, *values: str) -> None:
    """Type each field of the open form and press enter after it (the last enter saves)."""
    for value in values:
        await type_text(pilot, value)
        await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def past_session(store: Store) -> int:
    """A finished session in May: the one a new session is compared with."""
    may = store.add_assessment("2026-05-09", summary="Weak at being seen")
    store.add_assessment_item(may, "strength", "Excel modelling", evidence="forecast within 2%")
    store.add_assessment_item(may, "weakness", "Presenting to senior audiences", cost="others present my work")
    store.add_assessment_item(may, "weakness", "Negotiating timelines")
    store.add_assessment_item(may, "feedback", "Your dashboards are the only ones people use", source="peer")
    for name, value in (("Public speaking", 2), ("Excel and dashboards", 4), ("Negotiation", 3)):
        store.rate_skill(may, store.skill_id(name), value)
    store.update_assessment(may, completed_at="2026-05-10 20:40:00", step=7)
    return may


async def test_a_whole_session_by_keys(store: Store, past_session: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_new_session(pilot)
        assert "step 1 of 7  ●○○○○○○" in screen_text(app)
        assert "last session 9 May 2026" in screen_text(app)

        await pilot.press("d")  # 1. May's strength, offered as "still true?": dropped
        await pilot.press("n")  # a strength with its evidence
        await fill_form(pilot, "Storytelling", "Board deck")
        await pilot.press("right")  # 2. May's two weaknesses dropped; a weakness with evidence and cost
        await pilot.press("d", "d", "n")
        await fill_form(pilot, "Evenings", "Late 11 days", "No gym")
        assert "costs: No gym" in screen_text(app)

        await pilot.press("right")  # 3. skills: rate the listed ones, add one, note one
        await pilot.pause()
        assert "step 3 of 7  ●●●○○○○" in screen_text(app)
        await pilot.press("3")  # Excel and dashboards (first, alphabetically): was 4
        await pilot.press("4")  # a digit moves on to the next unrated skill: Negotiation, was 3
        await pilot.press("3")  # Public speaking: was 2
        await pilot.press("up", "e")  # back from the first suggestion to Public speaking: its note
        await fill_form(pilot, "No notes")
        await pilot.press("n")
        await fill_form(pilot, "SQL")
        await pilot.press("2")
        text = screen_text(app)
        assert "was 4  ▼ 1" in text and "was 3  ▲ 1" in text and "was 2  ▲ 1" in text
        assert "No notes" in text

        await pilot.press("right")  # 4. a success, then (tab) a failure
        await pilot.press("n")
        await fill_form(pilot, "Readout", "Rehearse")
        await pilot.press("tab", "n")
        await fill_form(pilot, "Late report", "Re-scope")

        await pilot.press("right")  # 5. feedback: choose the source, then what was said and what I will do
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter")  # self → peer → supervisor; the choice stays
        assert app.focused is app.screen.query_one("#field-source")
        await pilot.press("tab")
        await fill_form(pilot, "Slow down", "Use a timer")

        await pilot.press("right")  # 6. my summary beside the app's digest
        await pilot.pause()
        text = screen_text(app)
        assert "1 strength, 1 weakness, 1 success, 1 failure, 1 piece" in text
        assert "4 skills rated, average 3.0 of 5 (was 3.0)" in text
        await pilot.press("e")
        await type_text(pilot, "Better.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Better." in screen_text(app)

        await pilot.press("right")  # 7. review against May, then finish
        await pilot.pause()
        text = screen_text(app)
        assert "step 7 of 7  ●●●●●●●" in text
        assert "Skills since 9 May 2026: 2 up, 1 down, 0 the same" in text
        assert "− dropped Presenting to senior audiences" in text
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, AssessScreen)
        assert "✓ 5 items · 4 skills" in screen_text(app)

    done = store.get_assessment(session.assessment_id)
    assert done.at == "2026-11-25" and done.completed_at == "2026-11-25 09:30:00" and done.step == 7
    assert done.summary == "Better."
    items = {i.kind: i for i in store.assessment_items(done.id)}
    assert (items["strength"].text, items["strength"].evidence) == ("Storytelling", "Board deck")
    assert (items["weakness"].text, items["weakness"].evidence, items["weakness"].cost) == ("Evenings", "Late 11 days", "No gym")
    assert (items["success"].text, items["success"].learned) == ("Readout", "Rehearse")
    assert (items["failure"].text, items["failure"].learned) == ("Late report", "Re-scope")
    feedback = items["feedback"]
    assert (feedback.source, feedback.text, feedback.action) == ("supervisor", "Slow down", "Use a timer")
    ratings = {r.skill_name: (r.rating, r.note) for r in store.ratings(done.id)}
    assert ratings == {
        "Excel and dashboards": (3, None), "Negotiation": (4, None), "Public speaking": (3, "No notes"), "SQL": (2, None),
    }  # fmt: skip


async def test_quit_at_step_3_and_resume_with_every_answer_kept(store: Store, past_session: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_new_session(pilot)
        await pilot.press("n")
        await fill_form(pilot, "Coaching", "Aisha")
        await pilot.press("right", "n")
        await fill_form(pilot, "Network", "", "Late news")
        await pilot.press("right", "down", "5")  # Negotiation
        await pilot.pause()
        assert "step 3 of 7" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    assert store.get_assessment(session.assessment_id).step == 3

    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "◐ in progress · step 3 of 7" in screen_text(app)
        await pilot.press("n")  # n resumes the session in progress instead of starting another
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession)
        assert app.screen.assessment_id == session.assessment_id
        text = screen_text(app)
        assert "step 3 of 7" in text and "●●●●●" in text and "was 3  ▲ 2" in text
        await pilot.press("left")
        await pilot.pause()
        assert "Network" in screen_text(app) and "costs: Late news" in screen_text(app)
        await pilot.press("left")
        await pilot.pause()
        assert "Coaching" in screen_text(app) and "evidence: Aisha" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AssessScreen)
    assert len(store.assessments()) == 2
    assert store.get_assessment(session.assessment_id).step == 1
    assert store.get_assessment(session.assessment_id).completed_at is None


@pytest.fixture
def three_sessions(store: Store, past_session: int) -> tuple[int, int, int]:
    sept = store.add_assessment("2026-09-06")
    store.add_assessment_item(sept, "strength", "Automation", evidence="refresh from 6 hours to 3")
    store.add_assessment_item(sept, "weakness", "Presenting to a senior audience")
    store.add_assessment_item(sept, "weakness", "Protecting my evenings")
    store.add_assessment_item(sept, "feedback", "You answer messages at 9 pm", source="peer")
    for name, value in (("Public speaking", 3), ("Excel and dashboards", 5), ("Negotiation", 2)):
        store.rate_skill(sept, store.skill_id(name), value)
    store.update_assessment(sept, completed_at="2026-09-06 21:00:00", step=7)
    nov = store.add_assessment("2026-11-20")
    store.rate_skill(nov, store.skill_id("Public speaking"), 5)
    store.update_assessment(nov, completed_at="2026-11-20 21:00:00", step=7)
    return past_session, sept, nov


async def test_compare_two_sessions_shows_the_deltas(store: Store, three_sessions: tuple[int, int, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "Public speaking        ▂▄█" in screen_text(app)  # the trajectory over three sessions
        await pilot.press("down", "c")  # September against the session before it (May)
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "9 May 2026 → 6 Sep 2026" in text
        assert "Skills: 2 up · 1 down · 0 same" in text
        lines = {line.split("  ")[0].strip("│ "): line for line in text.splitlines() if "●" in line}
        assert "▲ 1" in lines["Public speaking"] and "▂▄" in lines["Public speaking"]
        assert "▲ 1" in lines["Excel and dashboards"]
        assert "▼ 1" in lines["Negotiation"]
        assert "− dropped Excel modelling" in text and "+ new     Automation" in text
        assert "= kept    Presenting to a senior audience" in text
        assert "+ new     Protecting my evenings" in text and "− dropped Negotiating timelines" in text
        assert "time and boundaries  ×1  new" in text
        assert "no longer heard: analysis and tools" in text
        await pilot.press("escape")
        await pilot.pause()
        # Any two: mark November and May with space, then compare them.
        await pilot.press("up", "space", "down", "down", "space", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "9 May 2026 → 20 Nov 2026" in text
        assert "Skills: 1 up · 0 down · 0 same" in text
        assert "▲ 3" in text


async def test_turn_a_weakness_into_a_linked_goal(store: Store, past_session: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "enter")  # open May's session
        await pilot.pause()
        await pilot.press("right", "G")  # the first weakness: goal drafting opens, prefilled
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        assert app.screen.query_one("#draft-title", Input).value == "Improve: Presenting to senior audiences"
        assert "From your self-assessment weakness: Presenting to senior" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession)
        assert "→ goal #1" in screen_text(app)
    presenting = next(i for i in store.assessment_items(past_session) if i.text == "Presenting to senior audiences")
    (goal,) = store.goals(status=("draft", "active"))
    assert goal.assessment_item_id == presenting.id
    assert (goal.title, goal.category) == ("Improve: Presenting to senior audiences", "skill")
    row = store.conn.execute(
        "SELECT i.text FROM goals g JOIN assessment_items i ON i.id = g.assessment_item_id WHERE g.id = ?", (goal.id,)
    ).fetchone()
    assert row[0] == "Presenting to senior audiences"


async def test_a_low_rated_skill_becomes_a_goal_from_the_review(store: Store, past_session: int) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "enter")
        await pilot.pause()
        for _ in range(6):
            await pilot.press("right")
        await pilot.pause()
        candidates = app.screen.query_one("#assess-candidates", OptionList)
        ids = [candidates.get_option_at_index(i).id for i in range(candidates.option_count)]
        speaking = store.skill_id("Public speaking")
        assert f"skill-{speaking}" in ids and f"skill-{store.skill_id('Negotiation')}" not in ids  # rated 3
        candidates.highlighted = ids.index(f"skill-{speaking}")
        await pilot.press("enter", "escape")  # a cancelled draft leaves nothing behind
        await pilot.pause()
        assert store.goals() == [] and len(store.assessment_items(past_session)) == 4
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    (goal,) = store.goals(status=("draft", "active"))
    source = store.get_assessment_item(goal.assessment_item_id)  # type: ignore[arg-type]
    assert (source.assessment_id, source.kind, source.text) == (past_session, "weakness", "Public speaking (rated 2 of 5)")
    assert goal.title == "Raise my Public speaking rating from 2 to 3 (of 5)" and goal.category == "skill"


async def test_skills_are_added_renamed_and_retired_by_keys(store: Store, past_session: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_new_session(pilot)
        await pilot.press("right", "right")
        await pilot.press("f2")  # rename the first skill
        await pilot.pause()
        assert isinstance(app.screen, FieldForm)
        await pilot.press("ctrl+u", *"Exl", "left")  # left moves in the field: it is not "back a step"
        await fill_form(pilot, "ce")
        await pilot.press("down", "x")  # retire Negotiation
        await pilot.pause()
        text = screen_text(app)
        assert "Negotiation" not in text and "Excel " in text and "Excel and dashboards" not in text
        await pilot.press("f2")  # a clash is refused with a message, nothing changes
        await pilot.press("ctrl+u")
        await fill_form(pilot, "excel")
        assert isinstance(app.screen, AssessmentSession)
        await pilot.press("n")
        await fill_form(pilot, "")  # an empty name is refused by the form itself
        assert isinstance(app.screen, FieldForm)
        await pilot.press("escape")
    assert [s.name for s in store.skills()] == ["Excel", "Public speaking"]
    assert [s.name for s in store.skills(include_retired=True) if s.retired_at] == ["Negotiation"]
    assert {r.skill_name for r in store.ratings(past_session)} == {"Excel", "Negotiation", "Public speaking"}


async def test_delete_an_item_and_undo_it_by_keys(store: Store, past_session: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "enter", "right", "down", "d")  # the second weakness
        await pilot.pause()
        assert "Negotiating timelines" not in screen_text(app)
        assert [i.text for i in store.assessment_items(past_session) if i.kind == "weakness"] == ["Presenting to senior audiences"]
        await pilot.press("u")
        await pilot.pause()
        assert "Negotiating timelines" in screen_text(app)
        await pilot.press("up", "G")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")  # an item a goal came from is kept
        await pilot.pause()
        assert "Presenting to senior audiences" in screen_text(app)
    assert len(store.assessment_items(past_session)) == 4


async def test_hostile_item_text_is_shown_literally(store: Store, past_session: int, screen_text) -> None:
    hostile = "todo [/] then [@click=app.quit]x[/] \x1b[31mred"
    store.add_assessment_item(past_session, "strength", hostile, evidence="[bold]not bold")
    store.rename_skill(store.skill_id("Negotiation"), "[b]x[/b]")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "todo [/] then [@click=app.quit]x[/] ␛[31mred" in screen_text(app)
        assert "[b]x[/b]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "evidence: [bold]not bold" in screen_text(app)
        await pilot.press("right", "right")
        await pilot.pause()
        assert "[b]x[/b]" in screen_text(app)
        assert app.is_running


def test_the_review_steps_comparison_is_text_from_the_store_alone(store: Store, three_sessions: tuple[int, int, int]) -> None:
    may, sept, _ = three_sessions
    text = comparison_content(store, store.get_assessment(may), store.get_assessment(sept)).plain
    assert text.startswith("Skills since 9 May 2026: 2 up, 1 down, 0 the same")
    assert "− dropped Excel modelling" in text and "+ new     Protecting my evenings" in text
    assert day_label("2026-09-06 21:00:00") == "6 Sep 2026"


# -- at every width ------------------------------------------------------------------------------


async def test_an_empty_journal_says_what_a_self_assessment_is_for_and_the_key_that_starts_one(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "Take stock of where you stand, once a quarter." in text
        assert "Press n to start your first self-assessment." in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession)


def panel_region(app: GoalJournalApp, selector: str):  # type: ignore[no-untyped-def]
    return app.screen.query_one(selector).region


async def test_at_80_columns_the_sessions_sit_above_the_session_and_beside_it_when_wider(
    store: Store, three_sessions: tuple[int, int, int], screen_text
) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        sessions, detail = panel_region(app, "#sessions"), panel_region(app, "#assessment")
        assert sessions.width == detail.width == 80 and sessions.bottom <= detail.y
        assert not app.screen.query_one("#assess-trajectories").display
        first_line = screen_text(app).splitlines()[0]
        assert "goaljournal · Self-assessment" in first_line
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.pause()
        sessions, detail = panel_region(app, "#sessions"), panel_region(app, "#assessment")
        assert sessions.right <= detail.x and detail.width > 60
        assert app.screen.query_one("#assess-trajectories").display


async def test_a_long_item_wraps_under_its_own_text_not_back_to_the_edge(store: Store, past_session: int, screen_text) -> None:
    long = "evidence words " * 12
    item = store.add_assessment_item(past_session, "strength", "Turning messy data into numbers", evidence=long.strip())
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "enter")  # May's session, step 1: its strengths
        await pilot.pause()
        await pilot.pause()
        lines = [line.strip("│") for line in screen_text(app).splitlines()]
        start = next(i for i, line in enumerate(lines) if "evidence: evidence words" in line)
        column = lines[start].index("evidence words")
        following = lines[start + 1]
        assert following[:column].strip() == "" and following[column:].startswith("evidence words"), (lines[start], following)
    assert item


async def test_the_skills_step_fits_80_columns_with_the_note_cut_not_wrapped(store: Store, past_session: int, screen_text) -> None:
    store.rate_skill(past_session, store.skill_id("Negotiation"), 3, note="Fine with my own team, nervous with the board and finance")
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "enter", "right", "right")  # May's session, step 3: skills
        await pilot.pause()
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "Negotiation" in line)
        assert "●●●○○" in row and "Fine with my own team" in row and "…" in row and "finance" not in row
        skills = app.screen.query_one("#step-skills", OptionList)
        assert not skills.show_horizontal_scrollbar
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if "Negotiation" in line)
        assert "nervous with the board and finance" in row


async def test_the_key_bar_shows_the_screen_s_keys_most_used_first(store: Store, past_session: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        assert bar.index("n New") < bar.index("c Compare") < bar.index("space Mark") < bar.index("u Undo")
        await pilot.press("enter", "right", "right")  # the skills step
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        assert max(bar.index("→ Next"), bar.index("← Back")) < bar.index("1–5 Rate") < bar.index("n Add") < bar.index("G Make a goal")
