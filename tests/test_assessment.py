"""Self-assessment logic (core) and its store methods, on a real journal file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goaljournal.core import assessment as core
from goaljournal.core.models import AssessmentItem, Rating
from goaljournal.store import InvalidInput, Store
from goaljournal.store.transfer import export_data, import_data
from conftest import NOW


def item(kind: str, text: str, **fields: object) -> AssessmentItem:
    return AssessmentItem(id=0, uuid="", assessment_id=0, kind=kind, text=text, **fields)  # type: ignore[arg-type]


def rating(skill_id: int, name: str, value: int, assessment_id: int = 0) -> Rating:
    return Rating(id=0, uuid="", assessment_id=assessment_id, skill_id=skill_id, rating=value, skill_name=name)


# -- core ------------------------------------------------------------------------------------


def test_steps_are_seven_and_marks_show_progress() -> None:
    assert core.STEP_COUNT == 7
    assert [s.key for s in core.STEPS][:3] == ["strengths", "weaknesses", "skills"]
    assert core.step_marks(3) == "●●●○○○○"
    assert core.step_marks(0) == "●○○○○○○" and core.step_marks(9) == "●●●●●●●"


def test_skill_changes_give_direction_and_delta() -> None:
    before = [rating(1, "Presenting", 2), rating(2, "Excel", 4), rating(3, "Negotiation", 2), rating(4, "Retired one", 3)]
    after = [rating(1, "Presenting", 3), rating(2, "Excel", 3), rating(3, "Negotiation", 2), rating(5, "New one", 1)]
    changes = {c.name: c for c in core.skill_changes(before, after)}
    assert (changes["Presenting"].delta, changes["Presenting"].direction) == (1, "up")
    assert (changes["Excel"].delta, changes["Excel"].direction) == (-1, "down")
    assert (changes["Negotiation"].delta, changes["Negotiation"].direction) == (0, "same")
    assert (changes["New one"].delta, changes["New one"].direction) == (None, "new")
    assert changes["Retired one"].direction == "dropped"
    assert [core.delta_text(d) for d in (2, -1, 0, None)] == ["▲ 2", "▼ 1", "=", ""]


def test_items_worded_differently_across_sessions_still_match() -> None:
    assert core.same_item("Presenting to senior audiences", "presenting to a senior audience")
    assert core.same_item("Saying no to ad-hoc requests", "Saying no to ad-hoc requests!")
    assert not core.same_item("Presenting to senior audiences", "Excel modelling")
    assert not core.same_item("Automation", "Coaching junior analysts")
    changes = core.item_changes(
        [item("weakness", "Presenting to senior audiences"), item("weakness", "Negotiating timelines")],
        [item("weakness", "Presenting to a senior audience"), item("weakness", "Protecting my evenings")],
    )
    assert [i.text for i in changes.added] == ["Protecting my evenings"]
    assert [i.text for i in changes.dropped] == ["Negotiating timelines"]
    assert [(a.text, b.text) for a, b in changes.kept] == [("Presenting to senior audiences", "Presenting to a senior audience")]


def test_feedback_themes_count_what_was_said_with_its_sources() -> None:
    items = [
        item("feedback", "Lead with the 'so what' on your slides", source="supervisor"),
        item("feedback", "You talk too fast when presenting", source="peer"),
        item("feedback", "Meet people outside the company", source="mentor"),
        item("feedback", "Hmm", source="self"),
        item("strength", "Slides"),  # not feedback: not counted
    ]
    themes = core.feedback_themes(items)
    assert themes[0] == core.Theme("communication", 2, ("supervisor", "peer"))
    assert {t.name for t in themes} == {"communication", "visibility and network", "other"}


def test_comparison_reports_theme_changes() -> None:
    before = [item("feedback", "Your dashboards are great"), item("feedback", "Slides are too dense")]
    after = [item("feedback", "Slow down on the numbers slide"), item("feedback", "You answer at 9 pm; leave earlier")]
    themes = {t.name: t.status for t in core.compare_sessions(before, [], after, []).themes}
    assert themes == {"communication": "same", "analysis and tools": "gone", "time and boundaries": "new"}


def test_trajectories_follow_each_skill_across_sessions() -> None:
    sessions = [core.SessionRef(1, "2026-01-01"), core.SessionRef(2, "2026-04-01"), core.SessionRef(3, "2026-07-01")]
    ratings = [
        rating(10, "Presenting", 1, 1), rating(10, "Presenting", 3, 2), rating(10, "Presenting", 5, 3),
        rating(11, "Excel", 4, 1), rating(11, "Excel", 2, 3), rating(12, "Old", 2, 9),  # session 9: not listed
    ]  # fmt: skip
    lines = {t.name: t for t in core.trajectories(sessions, ratings, retired=[11])}
    assert set(lines) == {"Presenting", "Excel"}
    assert lines["Presenting"].ratings == [1, 3, 5] and lines["Presenting"].sparkline == "▁▄█"
    assert lines["Presenting"].change == 4
    assert lines["Excel"].ratings == [4, None, 2] and lines["Excel"].sparkline == "▆·▂"
    assert lines["Excel"].change == -2 and lines["Excel"].retired
    assert core.rating_sparkline([1, 2, 3, 4, 5]) == "▁▂▄▆█"


def test_digest_names_counts_moves_lows_themes_and_a_goal_candidate() -> None:
    before_items = [item("weakness", "Presenting to senior audiences"), item("weakness", "Saying no")]
    after_items = [
        item("strength", "Automation"),
        item("weakness", "Presenting to senior audiences", cost="others get the credit"),
        item("feedback", "Slow down on the numbers slide", source="supervisor"),
    ]
    lines = core.digest(
        after_items, [rating(1, "Presenting", 3), rating(2, "Negotiation", 1)],
        previous_items=before_items, previous_ratings=[rating(1, "Presenting", 2), rating(2, "Negotiation", 2)],
        previous_at="9 May 2026",
    )  # fmt: skip
    text = "\n".join(lines)
    assert lines[0] == "1 strength, 1 weakness, 0 successes, 0 failures, 1 piece of feedback."
    assert "2 skills rated, average 2.0 of 5 (was 2.0)." in text
    assert "Up since 9 May 2026: Presenting ▲ 1." in text
    assert "Down since 9 May 2026: Negotiation ▼ 1." in text
    assert "Lowest: Negotiation 1." in text
    assert "Still a weakness: Presenting to senior audiences." in text
    assert "No longer listed as a weakness: Saying no." in text
    assert "Feedback themes: communication (1); from supervisor." in text
    assert lines[-1] == "A goal could start from: Presenting to senior audiences."


def test_suggested_skills_start_from_the_users_goal_categories() -> None:
    chosen = core.suggested_skills(["networking", "networking", None], ["following up"], limit=3)
    assert chosen == [("Building relationships", "networking"), ("Public speaking", "networking"), ("Presentation skills", "skill")]
    assert len(core.suggested_skills([], [], limit=100)) == sum(len(v) for v in core.CATEGORY_SKILLS.values()) - 0


def test_goal_titles_from_a_weakness_and_a_skill() -> None:
    assert core.goal_title_for_weakness("  Presenting to\nsenior audiences ") == "Improve: Presenting to senior audiences"
    assert core.goal_title_for_skill("Negotiation", 2) == "Raise my Negotiation rating from 2 to 3 (of 5)"


# -- store -----------------------------------------------------------------------------------


@pytest.fixture
def two_sessions(store: Store) -> tuple[int, int]:
    first, second = store.add_assessment("2026-05-01"), store.add_assessment("2026-09-01")
    speaking, excel = store.skill_id("Public speaking"), store.skill_id("Excel")
    store.rate_skill(first, speaking, 2, note="nervous")
    store.rate_skill(first, excel, 4)
    store.rate_skill(second, speaking, 3)
    store.update_assessment(first, completed_at="2026-05-01 20:00:00", step=7)
    return first, second


def test_in_progress_session_is_found_and_resumable(store: Store, two_sessions: tuple[int, int]) -> None:
    first, second = two_sessions
    store.update_assessment(second, step=3)
    current = store.assessment_in_progress()
    assert current is not None and (current.id, current.step) == (second, 3)
    assert store.get_assessment(second).rating_count == 1
    store.update_assessment(second, completed_at="2026-09-01 21:00:00")
    assert store.assessment_in_progress() is None


def test_a_session_started_from_the_screen_is_written_at_its_first_step_in_one_write(store: Store) -> None:
    started = store.add_assessment("2026-11-25", step=1)
    filed = store.add_assessment("2026-11-25")  # made to hold filed feedback: not started
    assert (store.get_assessment(started).step, store.get_assessment(filed).step) == (1, 0)


def test_items_are_edited_removed_and_put_back(store: Store, two_sessions: tuple[int, int]) -> None:
    session = two_sessions[1]
    weak = store.add_assessment_item(session, "weakness", "Presenting", evidence="froze", cost="credit")
    store.update_assessment_item(weak, text="Presenting to the board", cost="  ", evidence="froze at the CFO's question")
    edited = store.get_assessment_item(weak)
    assert (edited.text, edited.evidence, edited.cost) == ("Presenting to the board", "froze at the CFO's question", None)
    with pytest.raises(InvalidInput, match="empty"):
        store.update_assessment_item(weak, text=" ")
    with pytest.raises(InvalidInput, match="feedback source"):
        store.update_assessment_item(weak, source="boss")
    removed = store.remove_assessment_item(weak)
    assert store.assessment_items(session) == []
    store.put_back_assessment_item(removed)
    (back,) = store.assessment_items(session)
    assert (back.uuid, back.text, back.evidence, back.position) == (edited.uuid, edited.text, edited.evidence, edited.position)


def test_an_item_a_goal_came_from_cannot_be_removed(store: Store, two_sessions: tuple[int, int]) -> None:
    weak = store.add_assessment_item(two_sessions[1], "weakness", "Presenting")
    goal = store.add_goal("Improve: Presenting", status="draft", assessment_item_id=weak)
    with pytest.raises(InvalidInput, match=f"goal #{goal} came from this weakness"):
        store.remove_assessment_item(weak)
    assert store.goals_from_items(two_sessions[1]) == {weak: [goal]}


def test_skills_are_added_renamed_retired_and_brought_back(store: Store, two_sessions: tuple[int, int]) -> None:
    speaking = store.skill_id("public SPEAKING")
    store.rename_skill(speaking, "  Speaking   in public ")
    assert [r.skill_name for r in store.ratings(two_sessions[0])] == ["Excel", "Speaking in public"]
    with pytest.raises(InvalidInput, match="already a skill called 'excel'"):
        store.rename_skill(speaking, "excel")
    store.retire_skill(speaking)
    assert [s.name for s in store.skills()] == ["Excel"]
    assert len(store.ratings(two_sessions[0])) == 2  # past ratings stay
    assert store.add_skill("speaking in PUBLIC") == speaking
    assert [s.name for s in store.skills()] == ["Excel", "Speaking in public"]
    store.unrate_skill(two_sessions[0], speaking)
    assert [r.skill_name for r in store.ratings(two_sessions[0])] == ["Excel"]


def test_skill_trajectories_cover_all_live_sessions_and_stop_at_a_day(store: Store, two_sessions: tuple[int, int]) -> None:
    lines = {t.name: t for t in store.skill_trajectories()}
    assert lines["Public speaking"].ratings == [2, 3] and lines["Public speaking"].sparkline == "▂▄"
    assert lines["Excel"].ratings == [4, None]
    assert {t.name: t.ratings for t in store.skill_trajectories(until="2026-06-30")} == {"Excel": [4], "Public speaking": [2]}
    store.trash("assessments", two_sessions[1])
    assert {t.name: t.ratings for t in store.skill_trajectories()} == {"Excel": [4], "Public speaking": [2]}


def test_a_low_rated_skill_becomes_one_weakness_item(store: Store, two_sessions: tuple[int, int]) -> None:
    first = two_sessions[0]
    speaking = store.skill_id("Public speaking")
    gap = store.skill_gap_item(first, speaking)
    assert store.skill_gap_item(first, speaking) == gap
    made = store.get_assessment_item(gap)
    assert (made.kind, made.text, made.evidence) == ("weakness", "Public speaking (rated 2 of 5)", "nervous")
    with pytest.raises(InvalidInput, match="rate the skill first"):
        store.skill_gap_item(two_sessions[1], store.skill_id("Excel"))


def test_export_and_import_keep_every_assessment_detail(store: Store, two_sessions: tuple[int, int], tmp_path: Path) -> None:
    """Sessions, items, ratings, retired and renamed skills, resume state and goal links survive a round trip."""
    first, second = two_sessions
    store.update_assessment(second, step=4, summary="Half-way through")
    weak = store.add_assessment_item(second, "weakness", "Presenting", evidence="froze", cost="credit")
    store.add_assessment_item(second, "feedback", "Slow down", source="mentor", action="rehearse")
    store.retire_skill(store.skill_id("Excel"))
    store.rename_skill(store.skill_id("Public speaking"), "Speaking")
    store.add_goal("Improve: Presenting", status="draft", assessment_item_id=weak)
    exported = export_data(store)
    with Store.open(tmp_path / "copy.db", clock=lambda: NOW) as copy:
        import_data(copy, json.loads(json.dumps(exported)))
        assert export_data(copy) == exported
        assert import_data(copy, exported)["assessment_items"] == 0  # a second import adds nothing
        resumed = copy.assessment_in_progress()
        assert resumed is not None and (resumed.step, resumed.summary) == (4, "Half-way through")
        assert [s.name for s in copy.skills()] == ["Speaking"]
        assert {t.name: (t.ratings, t.retired) for t in copy.skill_trajectories()} == {
            "Speaking": ([2, 3], False), "Excel": ([4, None], True),
        }  # fmt: skip
        (goal,) = copy.goals(status="draft")
        assert copy.get_assessment_item(goal.assessment_item_id).text == "Presenting"  # type: ignore[arg-type]


def test_digest_offers_a_lasting_costly_weakness_first() -> None:
    lines = core.digest(
        [item("weakness", "Small network"), item("weakness", "Evenings", cost="no gym"), item("weakness", "Saying yes to every request", cost="focus")],
        [], previous_items=[item("weakness", "Saying yes to requests")], previous_ratings=[],
    )  # fmt: skip
    assert lines[-1] == "A goal could start from: Saying yes to every request."
    assert core.digest([item("weakness", "Small network"), item("weakness", "Evenings", cost="no gym")], [])[-1] == (
        "A goal could start from: Evenings."
    )
