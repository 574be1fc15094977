"""Correcting a journal from the shell: goal show/edit/status, milestones, check-in edit/delete,
restore. Every command on a real journal file; every user error is exit 1, one line on stderr,
and the journal exactly as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW, Cli, CliResult, journal_state

from goaljournal.store import Store
from goaljournal.store.errors import InvalidInput


def assert_user_error(result: CliResult, *fragments: str) -> None:
    assert result.code == 1, result
    assert result.out == ""
    assert result.err.startswith("goaljournal: ") and result.err.count("\n") == 1, repr(result.err)
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in result.err


@pytest.fixture
def journal(db_path: Path) -> Path:
    """Goal 1 (10 → 100 km by 2026-12-31) with check-ins 1 (30, a note) and 2 (45), milestones 1
    (due 2026-12-01) and 2 (done 2026-11-20); goal 2 counts coffees from the people log, so
    check-in 3 is the log's."""
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal = store.add_goal("Run 100 km", target=100, baseline=10, unit="km", deadline="2026-12-31", category="skill")
        store.add_checkin(goal, 30, at="2026-11-20", note="first long run")
        store.add_checkin(goal, 45, at="2026-11-24")
        store.add_milestone(goal, "Register for the race", due="2026-12-01")
        store.set_milestone_done(store.add_milestone(goal, "Buy shoes"), "2026-11-20")
        counted = store.add_goal("Have 5 coffees with people", target=5, progress_from="coffee")
        store.add_interaction(store.add_person("Ana"), "coffee")
        assert [c.id for c in store.checkins(counted)] == [3]
    return db_path


# -- goal show --------------------------------------------------------------------------------


def test_goal_show_json_has_the_goal_and_everything_with_ids(gj: Cli, journal: Path) -> None:
    with Store.open(journal, clock=lambda: NOW) as store:
        store.update_goal(1, target=120, reason="feeling strong")
    shown = gj("goal", "show", "1", "--json")
    assert shown.code == 0 and shown.err == ""
    goal = shown.json()
    assert {"id", "title", "status", "target", "baseline", "unit", "deadline", "progress", "milestones", "checkins",
            "revisions", "category", "why", "cadence"} <= set(goal)  # fmt: skip
    assert (goal["id"], goal["title"], goal["status"], goal["target"], goal["baseline"]) == (1, "Run 100 km", "active", 120, 10)
    assert (goal["unit"], goal["deadline"], goal["category"], goal["cadence"]) == ("km", "2026-12-31", "skill", None)
    assert goal["in_trash"] is False
    assert goal["progress"] == round((45 - 10) / (120 - 10), 4)
    assert [(m["id"], m["title"], m["due"], m["done_on"]) for m in goal["milestones"]] == [
        (1, "Register for the race", "2026-12-01", None), (2, "Buy shoes", None, "2026-11-20"),
    ]  # fmt: skip
    assert [(c["id"], c["at"], c["value"], c["note"]) for c in goal["checkins"]] == [
        (1, "2026-11-20", 30, "first long run"), (2, "2026-11-24", 45, None),
    ]  # fmt: skip
    (revision,) = goal["revisions"]
    assert revision["changes"] == {"target": {"before": 100, "after": 120}} and revision["reason"] == "feeling strong"


def test_goal_show_text_fits_80_columns_and_shows_user_text_as_data(gj: Cli, journal: Path) -> None:
    long = "Earn the \x1b[31mPMP\x1b[0m certification " + "and much more " * 10
    with Store.open(journal, clock=lambda: NOW) as store:
        store.update_goal(1, title=long, why="because\nit matters " * 8, cadence="week", reason="a longer [b]title[/b]")
        store.update_checkin(1, note="a note\x9b31m " * 20)
    shown = gj("goal", "show", "1")
    assert shown.code == 0
    lines = shown.out.splitlines()
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert "\x1b" not in shown.out and "\x9b" not in shown.out and "␛[31mPMP" in shown.out
    assert lines[0].startswith("goal 1: Earn the")
    assert "per week" in lines[1]
    assert "progress 45 of 100 km this week (45%) · by 2026-12-31" in shown.out  # a rate: no baseline
    assert any(line.split()[:3] == ["1", "open", "due"] for line in lines)
    assert any(line.split()[:3] == ["2", "2026-11-24", "45"] for line in lines)
    assert "because: a longer [b]title[/b]" in shown.out


def test_goal_show_of_an_unknown_goal(gj: Cli, journal: Path) -> None:
    assert_user_error(gj("goal", "show", "9"), "no goal with id 9")
    assert gj("goal", "show", "x").code == 2


# -- goal edit and status ---------------------------------------------------------------------


def test_goal_edit_with_a_reason_keeps_a_revision(gj: Cli, journal: Path) -> None:
    result = gj("goal", "edit", "1", "--target", "120", "--deadline", "2027-01-31", "--reason", "feeling strong")
    assert result.code == 0 and "target 100 → 120" in result.out and "deadline 2026-12-31 → 2027-01-31" in result.out
    with Store.open(journal, clock=lambda: NOW) as store:
        goal = store.get_goal(1)
        (revision,) = store.revisions(1)
    assert (goal.target, goal.deadline) == (120, "2027-01-31")
    assert json.loads(revision.changes) == {"target": [100, 120], "deadline": ["2026-12-31", "2027-01-31"]}
    assert revision.reason == "feeling strong"


def test_goal_edit_of_details_needs_no_reason_and_prints_json(gj: Cli, journal: Path) -> None:
    result = gj("goal", "edit", "1", "--unit", "miles", "--why", "health", "--per", "week", "--category", "performance",
                "--baseline", "5", "--metric", "distance run", "--json")  # fmt: skip
    assert result.code == 0, result.err
    goal = result.json()
    assert (goal["unit"], goal["why"], goal["cadence"], goal["category"], goal["baseline"]) == ("miles", "health", "week", "performance", 5)
    assert goal["revisions"] == []
    assert gj("goal", "edit", "1", "--per", "none", "--why", "").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        assert (store.get_goal(1).cadence, store.get_goal(1).why) == (None, None)


def test_goal_edit_to_the_same_value_needs_no_reason(gj: Cli, journal: Path) -> None:
    result = gj("goal", "edit", "1", "--target", "100")
    assert result.code == 0 and "nothing changed" in result.out


def test_goal_add_per_sets_the_cadence(gj: Cli, db_path: Path) -> None:
    assert gj("goal", "add", "Write two posts per month", "--target", "2", "--per", "month").code == 0
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.get_goal(1).cadence == "month"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "120"], "needs a reason"),
        (["--title", "Run 120 km"], "needs a reason"),
        (["--deadline", "2027-03-31", "--unit", "miles"], "needs a reason"),
        (["--target", "120", "--reason", "  "], "reason is empty"),
        (["--title", "   ", "--reason", "r"], "title is empty"),
        (["--target", "nan", "--reason", "r"], "finite number"),
        (["--target", "1e13", "--reason", "r"], "finite number"),
        (["--baseline", "inf"], "finite number"),
        (["--target", "ten", "--reason", "r"], "must be a number"),
        (["--deadline", "soon", "--reason", "r"], "not a date"),
        (["--deadline", "9999-01-01", "--reason", "r"], "years 1000 to 9998"),
        ([], "nothing to change"),
    ],
)
def test_goal_edit_refuses_and_writes_nothing(gj: Cli, journal: Path, args: list[str], message: str) -> None:
    before = journal_state(journal)
    assert_user_error(gj("goal", "edit", "1", *args), message)
    assert journal_state(journal) == before


@pytest.mark.parametrize("goal_id", ["9", "0", "-3"])
def test_goal_edit_of_an_unknown_goal(gj: Cli, journal: Path, goal_id: str) -> None:
    before = journal_state(journal)
    assert_user_error(gj("goal", "edit", goal_id, "--unit", "m"), f"no goal with id {goal_id}")
    assert journal_state(journal) == before


def test_goal_edit_of_a_goal_in_the_trash_is_refused(gj: Cli, journal: Path) -> None:
    with Store.open(journal, clock=lambda: NOW) as store:
        store.trash("goals", 1)
    before = journal_state(journal)
    assert_user_error(gj("goal", "edit", "1", "--unit", "m"), "in the trash")
    assert journal_state(journal) == before
    assert gj("goal", "show", "1", "--json").json()["in_trash"] is True
    assert "in the trash since" in gj("goal", "show", "1").out


def test_goal_status_keeps_the_reason(gj: Cli, journal: Path) -> None:
    result = gj("goal", "status", "1", "paused", "--reason", "injured knee")
    assert result.code == 0 and "status active → paused" in result.out
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.get_goal(1).status == "paused"
        (revision,) = store.revisions(1)
    assert (json.loads(revision.changes), revision.reason) == ({"status": ["active", "paused"]}, "injured knee")


def test_goal_status_refusals(gj: Cli, journal: Path) -> None:
    before = journal_state(journal)
    assert_user_error(gj("goal", "status", "1", "achieved"), "needs a reason", "--reason")
    assert_user_error(gj("goal", "status", "7", "achieved", "--reason", "r"), "no goal with id 7")
    assert gj("goal", "status", "1", "finished", "--reason", "r").code == 2
    assert journal_state(journal) == before


# -- milestones -------------------------------------------------------------------------------


def test_milestone_add_done_reopen_delete_and_restore(gj: Cli, journal: Path) -> None:
    added = gj("milestone", "add", "1", "Run", "a", "half", "marathon", "--due", "2026-12-20", "--json")
    assert added.code == 0, added.err
    assert added.json() == {"id": 3, "goal_id": 1, "title": "Run a half marathon", "due": "2026-12-20", "done_on": None}
    assert "done 2026-11-25" in gj("milestone", "done", "3").out
    assert "already done" in gj("milestone", "done", "3").out
    assert gj("milestone", "reopen", "3").code == 0
    assert gj("milestone", "delete", "3").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        assert [m.id for m in store.milestones(1)] == [1, 2]
        assert store.get_milestone(3).done_at is None
    assert gj("restore", "milestone", "3").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        assert [m.id for m in store.milestones(1)] == [1, 2, 3]


def test_milestone_due_reads_a_phrase(gj: Cli, journal: Path) -> None:
    assert gj("milestone", "add", "1", "Book the venue", "--due", "in two weeks").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.get_milestone(3).due_date == "2026-12-09"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "9", "Something"], "no goal with id 9"),
        (["add", "1", "   "], "is empty"),
        (["add", "1", "Something", "--due", "whenever"], "not a date"),
        (["add", "1", "Something", "--due", "9999-01-01"], "years 1000 to 9998"),
        (["done", "9"], "no milestone with id 9"),
        (["reopen", "9"], "no milestone with id 9"),
        (["delete", "9"], "no milestone with id 9"),
    ],
)
def test_milestone_refusals(gj: Cli, journal: Path, args: list[str], message: str) -> None:
    before = journal_state(journal)
    assert_user_error(gj("milestone", *args), message)
    assert journal_state(journal) == before


def test_a_milestone_in_the_trash_is_neither_ticked_nor_trashed_again(gj: Cli, journal: Path) -> None:
    assert gj("milestone", "delete", "1").code == 0
    before = journal_state(journal)
    assert_user_error(gj("milestone", "done", "1"), "in the trash", "restore")
    assert_user_error(gj("milestone", "delete", "1"), "already in the trash")
    assert journal_state(journal) == before
    assert gj("milestone", "done", "x").code == 2


# -- checkin edit and delete, beside checkin GOAL VALUE ---------------------------------------


def test_checkin_edit_corrects_value_note_and_day(gj: Cli, journal: Path) -> None:
    result = gj("checkin", "edit", "1", "--value", "3", "--note", "a typo: 3, not 30", "--at", "2026-11-19", "--json")
    assert result.code == 0, result.err
    corrected = result.json()
    assert (corrected["id"], corrected["value"], corrected["note"], corrected["at"]) == (1, 3, "a typo: 3, not 30", "2026-11-19")
    assert (corrected["before"]["value"], corrected["before"]["at"]) == (30, "2026-11-20")
    assert gj("checkin", "edit", "1", "--note", "").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        checkin = store.get_checkin(1)
    assert (checkin.value, checkin.note, checkin.at) == (3, None, "2026-11-19")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1", "--value", "nan"], "finite number"),
        (["1", "--value=-inf"], "finite number"),
        (["1", "--value", "2e12"], "finite number"),
        (["1", "--value", "lots"], "must be a number"),
        (["1", "--at", "2026-1-5"], "not a date"),
        (["1", "--at", "9999-01-01"], "years 1000 to 9998"),
        (["1"], "nothing to change"),
        (["99", "--value", "1"], "no check-in with id 99"),
        (["3", "--value", "4"], "people log"),
    ],
)
def test_checkin_edit_refusals(gj: Cli, journal: Path, args: list[str], message: str) -> None:
    before = journal_state(journal)
    assert_user_error(gj("checkin", "edit", *args), message)
    assert journal_state(journal) == before


def test_checkin_delete_goes_to_the_trash_and_comes_back(gj: Cli, journal: Path) -> None:
    deleted = gj("checkin", "delete", "2")
    assert deleted.code == 0 and "restore checkin 2" in deleted.out
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.get_goal(1).current == 30
    before = journal_state(journal)
    assert_user_error(gj("checkin", "delete", "2"), "already in the trash")
    assert_user_error(gj("checkin", "edit", "2", "--value", "5"), "in the trash")
    assert journal_state(journal) == before
    assert gj("restore", "checkin", "2").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.get_goal(1).current == 45


def test_a_checkin_counted_from_the_people_log_is_not_trashed(gj: Cli, journal: Path) -> None:
    before = journal_state(journal)
    assert_user_error(gj("checkin", "delete", "3"), "people log", "conversation")
    assert_user_error(gj("checkin", "delete", "99"), "no check-in with id 99")
    assert journal_state(journal) == before


def test_the_store_refuses_to_trash_a_people_log_checkin(journal: Path) -> None:
    with Store.open(journal, clock=lambda: NOW) as store:
        with pytest.raises(InvalidInput, match="people log"):
            store.trash("checkins", 3)
        assert store.get_checkin(3).deleted_at is None


@pytest.mark.parametrize(
    "prefix", [[], ["--json"]], ids=["plain", "options-before-the-command"]
)
def test_checkin_goal_value_still_records_beside_edit_and_delete(gj: Cli, journal: Path, prefix: list[str]) -> None:
    assert gj(*prefix, "checkin", "1", "50").code == 0
    assert gj(*prefix, "checkin", "edit", "4", "--value", "55").code == 0
    assert gj(*prefix, "checkin", "--note", "edit", "1", "+5").code == 0  # "edit" as a note is a note
    with Store.open(journal, clock=lambda: NOW) as store:
        assert [(c.id, c.value, c.note) for c in store.checkins(1)][-2:] == [(4, 55, None), (5, 60, "edit")]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["checkin", " 1", "7"], 0, ""),
        (["checkin", "-1", "7"], 1, "no goal with id -1"),
        (["checkin", "0", "7"], 1, "no goal with id 0"),
        (["checkin", "1", "edit"], 1, "must be a number"),
        (["checkin", "1.5", "7"], 2, "a goal id is a whole number"),
        (["checkin", "edit"], 2, "CHECKIN_ID"),
        (["checkin", "edit", "one", "--value", "1"], 2, "a check-in id is a whole number"),
        (["checkin", "delete", "99999999999999999999"], 2, "a check-in id is a whole number up to"),
        (["checkin", "edit", "1", "--confidence", "3"], 2, "unrecognized arguments"),
    ],
)
def test_checkin_ids_that_look_odd(gj: Cli, journal: Path, args: list[str], code: int, message: str) -> None:
    before = journal_state(journal)
    result = gj(*args)
    assert result.code == code, result
    assert message in result.err
    if code == 0:
        with Store.open(journal, clock=lambda: NOW) as store:
            assert store.get_goal(1).current == 7
    else:
        assert journal_state(journal) == before


# -- restore ----------------------------------------------------------------------------------


def test_restore_puts_every_kind_back(gj: Cli, journal: Path) -> None:
    with Store.open(journal, clock=lambda: NOW) as store:
        entry = store.add_entry("A reflection")
        assessment = store.add_assessment("2026-11-01")
        ids = {"goal": 1, "milestone": 1, "checkin": 1, "entry": entry, "person": 1, "conversation": 1, "assessment": assessment}
        tables = {"goal": "goals", "milestone": "milestones", "checkin": "checkins", "entry": "entries", "person": "people",
                  "conversation": "interactions", "assessment": "assessments"}  # fmt: skip
        for kind, row_id in ids.items():
            store.trash(tables[kind], row_id)
        assert store.get_goal(2).current is None  # the conversation's coffee is no longer counted
    for kind, row_id in ids.items():
        result = gj("restore", kind, row_id)
        assert result.code == 0 and f"restored {kind} {row_id}" in result.out, (kind, result)
    with Store.open(journal, clock=lambda: NOW) as store:
        for kind, row_id in ids.items():
            row = store._one(f"SELECT deleted_at FROM {tables[kind]} WHERE id = ?", (row_id,))
            assert row[0] is None, kind
        assert store.get_goal(2).current == 1


def test_restore_refusals(gj: Cli, journal: Path) -> None:
    before = journal_state(journal)
    assert_user_error(gj("restore", "goal", "1"), "goal 1 is not in the trash")
    assert_user_error(gj("restore", "person", "1"), "person 1 is not in the trash")
    assert_user_error(gj("restore", "entry", "5"), "no entry with id 5")
    assert_user_error(gj("restore", "checkin", "3"), "people log")
    assert gj("restore", "tag", "1").code == 2
    assert gj("restore", "goal", "first").code == 2
    assert journal_state(journal) == before


# -- end to end -------------------------------------------------------------------------------


def test_a_refused_correction_in_a_real_process_is_one_line(journal: Path) -> None:
    argv = [sys.executable, "-m", "goaljournal", "--db", str(journal), "goal", "edit", "1", "--target", "nan"]
    before = journal_state(journal)
    done = subprocess.run(argv, capture_output=True, timeout=60)
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr.startswith(b"goaljournal: ") and done.stderr.count(b"\n") == 1
    assert journal_state(journal) == before
    done = subprocess.run([*argv[:5], "checkin", "edit", "1", "--value", "31"], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"value 30 \xe2\x86\x92 31" in done.stdout
