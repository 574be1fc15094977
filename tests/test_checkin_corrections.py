"""Correcting a check-in in the store: value, note and day, with what it was returned for undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import NOW

from goaljournal.store import Store
from goaljournal.store.errors import InvalidInput, NotFound


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "journal.db", clock=lambda: NOW) as store:
        yield store


def test_a_mistyped_value_is_corrected_and_the_old_one_returned(store: Store) -> None:
    goal = store.add_goal("Complete 3 client reports", target=3, baseline=0)
    checkin = store.add_checkin(goal, 30, note="typo", at="2026-11-20")
    before = store.update_checkin(checkin, value=3)
    assert (before.value, before.note, before.at, before.updated_at) == (30, "typo", "2026-11-20", None)
    after = store.get_checkin(checkin)
    assert (after.value, after.note, after.at) == (3, "typo", "2026-11-20")
    assert after.updated_at == "2026-11-25T09:30:00Z"
    assert store.get_goal(goal).current == 3


def test_note_and_day_change_and_what_is_not_given_is_kept(store: Store) -> None:
    goal = store.add_goal("Read books", target=10)
    checkin = store.add_checkin(goal, 2, note="two")
    store.update_checkin(checkin, note=None, at="2026-11-01")
    after = store.get_checkin(checkin)
    assert (after.value, after.note, after.at) == (2, None, "2026-11-01")


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"value": float("nan")}, "check-in value"), ({"at": "2026-1-5"}, "date"), ({"at": None}, "needs a day")],
)
def test_a_bad_correction_changes_nothing(store: Store, changes: dict, message: str) -> None:
    goal = store.add_goal("Read books", target=10)
    checkin = store.add_checkin(goal, 2)
    with pytest.raises(InvalidInput, match=message):
        store.update_checkin(checkin, **changes)
    assert store.get_checkin(checkin).value == 2 and store.get_checkin(checkin).updated_at is None


def test_an_unknown_checkin_and_one_from_the_people_log_are_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.update_checkin(999, value=1)
    goal = store.add_goal("Have 5 coffees with people", target=5, progress_from="coffee")
    store.add_interaction(store.add_person("Ana"), "coffee")
    (counted,) = store.checkins(goal)
    with pytest.raises(InvalidInput, match="people log"):
        store.update_checkin(counted.id, value=4)
