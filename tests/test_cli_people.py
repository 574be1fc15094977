"""The people commands of the command line: `met`, `people`, `followups`, and goals
that count conversations. Each runs ``goaljournal.cli.main`` on a real journal file, with the
command line's clock pinned to NOW (conftest) so "in a week" has one answer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NOW, CliResult, journal_state

from goaljournal.store import Store


def opened(path: Path) -> Store:
    return Store.open(path, clock=lambda: NOW)


def assert_one_line_error(result: CliResult) -> str:
    assert result.code == 1, result
    assert result.out == "" and "Traceback" not in result.err
    assert result.err.startswith("goaljournal: ") and result.err.count("\n") == 1, repr(result.err)
    return result.err


# -- met ------------------------------------------------------------------------------------


def test_met_adds_a_new_person_then_finds_them_again_by_name_case_ignored(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = gj("met", "Priya", "Shah", "--note", "talked about the PMP")
    assert first.code == 0, first.err
    assert first.out == "logged coffee with Priya Shah on Wed 25 Nov 2026 (conversation 1)\n"
    assert "added Priya Shah to your people" in first.err
    second = gj("met", "PRIYA SHAH", "--kind", "call")
    assert second.code == 0 and second.err == ""
    assert second.out.startswith("logged call with Priya Shah on Wed 25 Nov 2026")
    with opened(db_path) as store:
        people = store.people()
        assert [(p.name, p.relationship, p.private, p.interaction_count) for p in people] == [("Priya Shah", "contact", 1, 2)]
        talks = store.interactions(people[0].id)
        assert [(t.kind, t.at, t.notes) for t in talks] == [("call", "2026-11-25", None), ("coffee", "2026-11-25", "talked about the PMP")]


def test_met_with_a_follow_up_phrase_counts_from_today(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = gj("met", "Grace Liu", "--kind", "event", "--follow-up", "in a week", "--at", "yesterday")
    assert result.code == 0, result.err
    assert result.out.endswith("; follow up by Wed 2 Dec 2026\n")
    assert gj("met", "Grace Liu", "--follow-up", "by Friday", "--follow-up-text", "Send Grace the article").code == 0
    with opened(db_path) as store:
        talks = store.interactions()
        assert [(t.at, t.follow_up, t.follow_up_due) for t in talks] == [
            ("2026-11-25", "Send Grace the article", "2026-11-27"),
            ("2026-11-24", "Follow up with Grace Liu", "2026-12-02"),
        ]


def test_a_follow_up_phrase_it_cannot_read_saves_nothing_not_even_the_person(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert gj("met", "Someone Known").code == 0
    before = journal_state(db_path)
    err = assert_one_line_error(gj("met", "Someone New", "--follow-up", "whenever"))
    assert "cannot read 'whenever' as a date; try 'in a week', 'by Friday' or 2026-12-02" in err
    assert journal_state(db_path) == before
    err = assert_one_line_error(gj("met", "Someone New", "--at", "2026-11-20", "--follow-up", "2026-11-01"))
    assert "before the conversation" in err and journal_state(db_path) == before


def test_an_unknown_kind_is_bad_usage_and_saves_nothing(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert gj("met", "Someone Known").code == 0
    before = journal_state(db_path)
    result = gj("met", "Someone New", "--kind", "lunch")
    assert result.code == 2 and "Traceback" not in result.err
    assert "invalid choice: 'lunch'" in result.err and "coffee" in result.err
    assert journal_state(db_path) == before


def test_two_people_with_one_name_need_an_id(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    with opened(db_path) as store:
        first = store.add_person("Sam Lee", organisation="Acme")
        second = store.add_person("sam lee", organisation="Globex")
    before = journal_state(db_path)
    err = assert_one_line_error(gj("met", "Sam Lee"))
    assert f"2 people are named Sam Lee (ids {first}, {second}); say which with --person ID" in err
    assert journal_state(db_path) == before
    result = gj("met", "--person", second, "--kind", "message")
    assert result.code == 0 and "logged message with sam lee" in result.out
    with opened(db_path) as store:
        assert [t.person_id for t in store.interactions()] == [second]
        store.trash_person(first)
    assert gj("met", "Sam Lee").code == 0  # the one in the trash no longer competes
    assert_one_line_error(gj("met", "--person", 999))
    usage = gj("met", "Sam Lee", "--person", second)
    assert usage.code == 2 and "not both" in usage.err
    assert gj("met").code == 2


def test_met_json_and_goals_discussed(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert gj("goal", "add", "Pass the PMP exam", "--target", "100", "--deadline", "2027-05-24").code == 0
    result = gj("met", "Priya Shah", "--kind", "feedback", "--learned", "lead with the ask", "--goal", "1",
                "--follow-up", "tomorrow", "--json")  # fmt: skip
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == {
        "id", "uuid", "person_id", "person", "at", "kind", "notes", "learned", "outcome", "follow_up",
        "follow_up_due", "follow_up_done", "goal_ids", "person_added",
    }  # fmt: skip
    assert (data["kind"], data["at"], data["learned"], data["goal_ids"]) == ("feedback", "2026-11-25", "lead with the ask", [1])
    assert (data["follow_up"], data["follow_up_due"], data["follow_up_done"]) == ("Follow up with Priya Shah", "2026-11-26", None)
    assert data["person_added"] is True and data["person"]["name"] == "Priya Shah" and data["person"]["private"] is True
    assert data["person"]["id"] == data["person_id"] and data["person"]["open_follow_ups"] == 1
    assert gj("met", "Priya Shah", "--json").json()["person_added"] is False
    assert_one_line_error(gj("met", "Priya Shah", "--goal", "7"))


def test_markup_and_escape_codes_in_a_name_print_as_text(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    name = "[bold]Eve[/] \x1b[31mRed\x1b[0m"
    done = subprocess.run([sys.executable, "-m", "goaljournal", "--db", str(db), "met", name], capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout and b"\x1b" not in done.stderr
    assert "[bold]Eve[/] ␛[31mRed␛[0m".encode() in done.stdout
    listed = subprocess.run([sys.executable, "-m", "goaljournal", "--db", str(db), "people"], capture_output=True, timeout=60, check=False)
    assert b"\x1b" not in listed.stdout and b"[bold]Eve[/]" in listed.stdout
    with Store.open(db, clock=lambda: NOW) as store:
        assert store.people()[0].name == name  # stored as typed


# -- people and followups -------------------------------------------------------------------


@pytest.fixture
def people_journal(db_path: Path) -> Path:
    with opened(db_path) as store:
        priya = store.add_person("Priya Raman", relationship="mentor", role="HR Director", organisation="Northwind",
                                 tags=["hr", "mentoring"])  # fmt: skip
        grace = store.add_person("Grace Liu", role="Head of People Ops", tags=["hr"])
        store.add_person("Ravi Desai", relationship="peer")
        store.add_interaction(priya, "coffee", at="2026-11-10", follow_up="Send the outline", follow_up_due="2026-11-20")
        store.add_interaction(grace, "event", at="2026-11-24", follow_up_due="2026-11-30")
        store.add_interaction(grace, "message", at="2026-11-24", follow_up_due="2026-12-20")
        done = store.add_interaction(priya, "call", at="2026-11-01", follow_up_due="2026-11-05")
        store.set_follow_up_done(done, "2026-11-04")
    return db_path


def test_people_lists_and_searches(gj, people_journal: Path) -> None:  # type: ignore[no-untyped-def]
    result = gj("people")
    assert result.code == 0
    lines = result.out.splitlines()
    assert [line[6:34].strip() for line in lines] == ["Grace Liu", "Priya Raman", "Ravi Desai"]
    assert "mentor" in lines[1] and "HR Director, Northwind" in lines[1] and "last met 2026-11-10" in lines[1]
    assert "1 open follow-up" in lines[1] and "2 open follow-ups" in lines[0] and "not met yet" in lines[2]
    assert [p["name"] for p in gj("people", "hr", "director", "--json").json()] == ["Priya Raman"]
    assert [p["name"] for p in gj("people", "--tag", "hr", "--json").json()] == ["Grace Liu", "Priya Raman"]
    assert [p["name"] for p in gj("people", "--relationship", "peer", "--json").json()] == ["Ravi Desai"]
    grace = gj("people", "grace", "--json").json()[0]
    assert (grace["conversations"], grace["open_follow_ups"], grace["last_met"], grace["tags"]) == (2, 2, "2026-11-24", ["hr"])


def test_followups_lists_overdue_and_due_within_a_week(gj, people_journal: Path) -> None:  # type: ignore[no-untyped-def]
    result = gj("followups")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert "overdue" in lines[0] and "Fri 20 Nov 2026" in lines[0] and "Send the outline" in lines[0]
    assert "due" in lines[1] and "Mon 30 Nov 2026" in lines[1] and "Follow up with Grace Liu" in lines[1]
    data = gj("followups", "--within", "30", "--json").json()
    assert [(f["follow_up_due"], f["overdue"]) for f in data] == [("2026-11-20", True), ("2026-11-30", False), ("2026-12-20", False)]
    assert_one_line_error(gj("followups", "--within", "-1"))


# -- goals that count conversations ---------------------------------------------------------


def test_a_goal_counts_new_people_met_with_a_tag(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    added = gj("goal", "add", "Connect with five HR leaders", "--target", "5", "--deadline", "over the next quarter",
               "--category", "networking", "--progress-from", "people", "--progress-tag", "hr")  # fmt: skip
    assert added.code == 0 and "counts new people met with @hr from the people log" in added.out
    goal = gj("goals", "--json").json()[0]
    assert (goal["progress_from"], goal["progress_tag"], goal["current"]) == ("people", "hr", None)
    with opened(db_path) as store:
        store.add_person("Marcus Webb", tags=["hr"])
        store.add_person("Grace Liu", tags=["hr"])
    for args in (["Marcus Webb"], ["Grace Liu", "--kind", "event"], ["marcus webb", "--kind", "call"], ["Not Tagged"]):
        assert gj("met", *args).code == 0
    goal = gj("goals", "--json").json()[0]
    assert goal["current"] == 2 and goal["progress"] == 0.4  # two hr people, each counted once
    err = assert_one_line_error(gj("checkin", "1", "3"))
    assert "log a conversation instead" in err


def test_goal_add_progress_options_are_checked(gj, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert gj("goal", "add", "Meet people", "--progress-from", "parties").code == 2
    assert "needs --progress-from" in assert_one_line_error(gj("goal", "add", "Meet people", "--progress-tag", "hr"))
    with opened(db_path) as store:
        assert store.goals() == []

