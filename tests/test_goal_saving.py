"""Saving a goal as its form holds it: the goal's fields and all its milestones in one transaction
(store.add_goal with milestones, store.revise_goal, store.save_milestones), undone by saving
what it returns, and never half-written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import NOW

from goaljournal.store import InvalidInput, JournalError, Store
from goaljournal.store.goals import GoalEdit
from goaljournal.store.milestones import DraftMilestone


def shown(store: Store, goal_id: int) -> list[tuple[str, str | None, str | None]]:
    return [(m.title, m.due_date, m.done_at) for m in store.milestones(goal_id)]


@pytest.fixture
def goal(store: Store) -> int:
    goal_id = store.add_goal("Earn the PMP certification", target=50, deadline="2027-05-25")
    store.add_milestone(goal_id, "Apply", due="2026-12-01")
    store.add_milestone(goal_id, "Practice exam", due="2027-01-15")
    store.add_milestone(goal_id, "Book the exam")
    return goal_id


def fail_when_milestones_are_ordered(store: Store) -> None:
    """A write that fails after the goal and some milestones have been written: the last step of
    a save puts the milestones in order."""
    store.conn.execute(
        "CREATE TEMP TRIGGER fail_ordering BEFORE UPDATE OF position ON milestones "
        "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"
    )


def test_a_new_goal_and_its_milestones_are_saved_together(store: Store) -> None:
    steps = [DraftMilestone("Join the chapter", date(2026, 12, 15)), DraftMilestone("Meet five leaders", done_on=date(2026, 11, 25))]
    goal_id = store.add_goal("Meet 5 HR leaders by March", milestones=steps)
    assert shown(store, goal_id) == [("Join the chapter", "2026-12-15", None), ("Meet five leaders", None, "2026-11-25")]
    assert [m.position for m in store.milestones(goal_id)] == [1, 2]


def test_a_bad_milestone_leaves_no_goal(store: Store) -> None:
    with pytest.raises(InvalidInput):
        store.add_goal("Meet 5 HR leaders", milestones=[DraftMilestone("Join"), DraftMilestone("  ")])
    with pytest.raises(InvalidInput):
        store.add_goal("Meet 5 HR leaders", milestones=[DraftMilestone("Join", date(10000 - 1, 1, 1))])
    assert store.counts()["goals"] == 0 and store.counts()["milestones"] == 0


def test_a_new_goal_failing_midway_leaves_nothing(store: Store) -> None:
    fail_when_milestones_are_ordered(store)
    with pytest.raises(JournalError):  # "the disk is full", as the app would show it
        store.add_goal("Meet 5 HR leaders", milestones=[DraftMilestone("Join"), DraftMilestone("Meet")])
    assert store.counts()["goals"] == 0 and store.counts()["milestones"] == 0


def test_milestones_are_added_changed_trashed_and_ordered_in_one_save(store: Store, goal: int) -> None:
    apply, practice, book = store.draft_milestones(goal)
    before = store.save_milestones(goal, [
        DraftMilestone("Book the exam", date(2027, 4, 1), id=book.id),
        DraftMilestone("Apply", date(2026, 12, 1), done_on=date(2026, 11, 25), id=apply.id),
        DraftMilestone("Join a study group"),
    ])  # fmt: skip
    assert before == [apply, practice, book]
    assert shown(store, goal) == [
        ("Book the exam", "2027-04-01", None), ("Apply", "2026-12-01", "2026-11-25"), ("Join a study group", None, None),
    ]  # fmt: skip
    assert store.get_milestone(practice.id).deleted_at is not None  # in the trash, not gone
    assert store.counts()["milestones"] == 4


def test_saving_what_a_save_returns_undoes_it(store: Store, goal: int) -> None:
    apply, practice, book = store.draft_milestones(goal)
    before = store.save_milestones(goal, [replace_title(book, "Book it"), DraftMilestone("New step"), apply])
    store.save_milestones(goal, before)
    assert store.draft_milestones(goal) == [apply, practice, book]  # the removed one back, the new one trashed
    assert store.get_milestone(practice.id).deleted_at is None
    assert [m.title for m in store.milestones(goal)] == ["Apply", "Practice exam", "Book the exam"]


def replace_title(item: DraftMilestone, title: str) -> DraftMilestone:
    return DraftMilestone(title, item.due, item.done_on, item.id)


def test_a_milestone_of_another_goal_is_refused_and_nothing_is_written(store: Store, goal: int) -> None:
    other = store.add_goal("Read 12 books")
    stranger = store.add_milestone(other, "Pick the books")
    apply, practice, book = store.draft_milestones(goal)
    for wrong in ([DraftMilestone("New"), DraftMilestone("Pick", id=stranger)], [DraftMilestone("New"), apply, apply]):
        with pytest.raises(InvalidInput):
            store.save_milestones(goal, wrong)
    assert store.draft_milestones(goal) == [apply, practice, book]
    assert store.counts()["milestones"] == 4


def test_saving_the_same_milestones_writes_nothing(store: Store, goal: int) -> None:
    stamps = [m.updated_at for m in store.milestones(goal)]
    token = store.change_token()
    assert store.save_milestones(goal, store.draft_milestones(goal)) == store.draft_milestones(goal)
    assert [m.updated_at for m in store.milestones(goal)] == stamps
    assert store.change_token() == token


def test_a_goal_edit_keeps_a_revision_and_is_undone_fields_and_milestones(store: Store, goal: int) -> None:
    apply, practice, book = store.draft_milestones(goal)
    edit = store.revise_goal(
        goal, {"deadline": "2027-06-30", "why": "senior roles"}, [book, DraftMilestone("Join a study group"), apply],
        reason="exam slots moved",
    )  # fmt: skip
    assert edit.fields == {"deadline": "2027-05-25", "why": None}
    assert edit.milestones == [apply, practice, book]
    assert edit.changed and edit.revision_id is not None
    [revision] = store.revisions(goal)
    assert (revision.id, revision.reason) == (edit.revision_id, "exam slots moved")
    assert (store.get_goal(goal).deadline, store.get_goal(goal).why) == ("2027-06-30", "senior roles")
    assert [m.title for m in store.milestones(goal)] == ["Book the exam", "Join a study group", "Apply"]

    undo = store.revise_goal(edit.goal_id, edit.fields, edit.milestones, reason="undone")
    assert (store.get_goal(goal).deadline, store.get_goal(goal).why) == ("2027-05-25", None)
    assert store.draft_milestones(goal) == [apply, practice, book]
    assert undo.changed and store.revisions(goal)[-1].reason == "undone"


def test_a_goal_edit_failing_midway_leaves_nothing_half_written(store: Store, goal: int) -> None:
    before = store.draft_milestones(goal)
    apply, practice, book = before
    fail_when_milestones_are_ordered(store)
    with pytest.raises(JournalError):  # "the disk is full", as the app would show it
        store.revise_goal(goal, {"deadline": "2027-06-30"}, [book, DraftMilestone("Join a study group"), apply], reason="moved")
    assert store.get_goal(goal).deadline == "2027-05-25"
    assert store.revisions(goal) == []
    assert store.draft_milestones(goal) == before
    assert store.counts()["milestones"] == 3


def test_an_edit_that_changes_nothing_is_no_edit(store: Store, goal: int) -> None:
    edit = store.revise_goal(goal, {"deadline": "2027-05-25", "target": 50}, store.draft_milestones(goal))
    assert edit == GoalEdit(goal, {}, None, None) and not edit.changed
    assert store.revise_goal(goal, {"why": "to lead projects"}).milestones is None  # milestones not given: left
    assert len(store.milestones(goal)) == 3


def test_the_milestones_are_read_where_they_are_written(store: Store, goal: int, db_path: Path) -> None:
    """The form read the milestones when it opened; another program added one since. The save
    trashes it (the form's list is what the user saved), and its undo brings it back."""
    form = store.draft_milestones(goal)
    with Store.open(db_path, clock=lambda: NOW) as other:
        late = other.add_milestone(goal, "Added from the command line")
    edit = store.revise_goal(goal, {}, [*form, DraftMilestone("From the form")])
    assert edit.milestones is not None and [m.id for m in edit.milestones] == [m.id for m in form] + [late]
    assert [m.title for m in store.milestones(goal)] == ["Apply", "Practice exam", "Book the exam", "From the form"]
    store.revise_goal(goal, edit.fields, edit.milestones, reason="undone")
    assert [m.title for m in store.milestones(goal)] == ["Apply", "Practice exam", "Book the exam", "Added from the command line"]


# -- in the app ---------------------------------------------------------------------------------


async def test_undo_after_editing_a_goal_puts_back_its_fields_and_milestones(store: Store, goal: int) -> None:
    from textual.widgets import Input

    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.goals.draft import GoalDraftScreen
    from goaljournal.ui.goals.screen import GoalsScreen

    before = store.draft_milestones(goal)
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "e")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        app.screen.query_one("#draft-why", Input).value = "senior roles"
        app.screen.query_one("#draft-milestones").focus()
        await pilot.press("home", "d", "space")  # the first milestone removed, the next one done
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert store.get_goal(goal).why == "senior roles"
        assert [(m.title, m.done_at) for m in store.milestones(goal)] == [("Practice exam", "2026-11-25"), ("Book the exam", None)]
        await pilot.press("u")
        await pilot.pause()
    assert store.get_goal(goal).why is None
    assert store.draft_milestones(goal) == before


async def test_a_milestone_added_on_the_goal_page_is_taken_back_by_undo(store: Store, goal: int) -> None:
    from goaljournal.ui.app import GoalJournalApp

    before = store.draft_milestones(goal)
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter", "m")
        await pilot.press("n", *"Join a study group", "enter", "enter")
        await pilot.pause()
        assert [m.title for m in store.milestones(goal)][-1] == "Join a study group"
        await pilot.press("home", "space", "u")  # done, and undone
        await pilot.pause()
        assert store.draft_milestones(goal)[0] == before[0]
        await pilot.press("u")
        await pilot.pause()
    assert store.draft_milestones(goal) == before
