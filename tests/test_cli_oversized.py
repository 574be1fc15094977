"""Input past what the journal can hold: numbers too large for SQLite or a float, ids past 64 bits,
queries of a thousand words, goal sentences of a hundred thousand characters, an empty --db.

Each is refused in one line (exit 1, or exit 2 with argparse's usage for bad usage) or handled,
never a traceback, and a refusal leaves the journal as it was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, run_cli

from goaljournal.store import Store
from goaljournal.store.transfer import export_data

BIG_ID = str(2**63)  # one past SQLite's largest INTEGER


def journal_state(path: Path) -> dict[str, Any]:
    with Store.open(path, clock=lambda: NOW) as store:
        return export_data(store)


def run(*args: str | Path, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "goaljournal", *map(str, args)]
    return subprocess.run(argv, input=input, capture_output=True, timeout=60, text=input is None)


def assert_one_line(code: int, err: str) -> str:
    """Exit 1 and exactly one line on stderr, the program's."""
    assert code == 1, err
    assert "Traceback" not in err
    assert err.startswith("goaljournal: ") and err.count("\n") == 1, repr(err)
    return err


def assert_usage(code: int, err: str) -> str:
    """Exit 2: argparse's usage, then its one error line (the last), no traceback."""
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith("usage: ")
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and err.endswith(errors[0] + "\n"), repr(err)
    return errors[0]


@pytest.fixture
def journal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A journal with a goal (id 1), a person (id 1) and an entry."""
    for args in (["goal", "add", "Run 100 km by 2026-12-31"], ["met", "Ada Lovelace"], ["log", "Planned the week"]):
        assert run_cli(capsys, "--db", str(db_path), *args)[0] == 0
    return db_path


# -- ids and --limit past 64 bits -------------------------------------------------------------


@pytest.mark.parametrize(
    "args, limit",
    [
        (["checkin", BIG_ID, "1"], "9,223,372,036,854,775,807"),
        (["checkin", "--", "-" + BIG_ID + "1", "1"], "9,223,372,036,854,775,807"),
        (["checkin", "9" * 5000, "1"], "9,223,372,036,854,775,807"),  # past int()'s 4,300 digits
        (["log", "x", "--goal", BIG_ID], "9,223,372,036,854,775,807"),
        (["search", "--goal", BIG_ID], "9,223,372,036,854,775,807"),
        (["search", "x", "--limit", BIG_ID], "1,000,000"),
        (["search", "x", "--limit", "1000001"], "1,000,000"),
        (["met", "--person", BIG_ID], "9,223,372,036,854,775,807"),
        (["met", "Ada Lovelace", "--goal", BIG_ID], "9,223,372,036,854,775,807"),
        (["goal", "add", "x", "--parent", BIG_ID], "9,223,372,036,854,775,807"),
    ],
)
def test_an_id_or_limit_past_64_bits_is_bad_usage(
    journal: Path, capsys: pytest.CaptureFixture[str], args: list[str], limit: str
) -> None:
    before = journal_state(journal)
    code, out, err = run_cli(capsys, "--db", str(journal), *args)
    line = assert_usage(code, err)
    assert f"a whole number up to {limit}" in line and len(line) < 200
    assert not out
    assert journal_state(journal) == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["checkin", str(2**63 - 1), "1"], f"no goal with id {2**63 - 1}"),
        (["checkin", "0", "1"], "no goal with id 0"),
        (["checkin", "--", "-5", "1"], "no goal with id -5"),
        (["met", "--person", str(2**63 - 1)], f"no person with id {2**63 - 1}"),
        (["search", "x", "--limit", "0"], "--limit must be at least 1"),
    ],
)
def test_an_id_in_range_that_names_nothing_is_one_line(
    journal: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = journal_state(journal)
    code, out, err = run_cli(capsys, "--db", str(journal), *args)
    assert message in assert_one_line(code, err)
    assert journal_state(journal) == before


def test_the_largest_limit_searches(journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "--db", str(journal), "search", "planned", "--limit", "1000000")
    assert (code, err) == (0, "") and "Planned the week" in out


def test_a_big_id_end_to_end(journal: Path) -> None:
    done = run("--db", journal, "checkin", BIG_ID, "1")
    assert_usage(done.returncode, done.stderr)


# -- an empty --db ----------------------------------------------------------------------------


def default_journal(tmp_path: Path) -> Path:
    return tmp_path / "xdg-data" / "goaljournal" / "journal.db"  # conftest sets XDG_DATA_HOME


@pytest.mark.parametrize("value", ["", "   "])
@pytest.mark.parametrize("args", [["log", "a note"], ["goals"], ["doctor"], ["met", "Ada"]])
def test_an_empty_db_option_is_refused_not_the_default_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # a blank path would be a file in the working folder
    code, out, err = run_cli(capsys, "--db", value, *args)
    assert "--db is empty" in assert_one_line(code, err)
    assert not out
    assert not default_journal(tmp_path).exists()
    code, out, err = run_cli(capsys, args[0], "--db", value, *args[1:])  # after the command too
    assert "--db is empty" in assert_one_line(code, err)
    assert not default_journal(tmp_path).exists()


def test_an_empty_db_option_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    done = run("--db", "", "log", "a note")
    assert_one_line(done.returncode, done.stderr)
    assert not default_journal(tmp_path).exists()


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_goaljournal_db_is_unset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.chdir(tmp_path)  # a blank path would be a file in the working folder
    monkeypatch.setenv("GOALJOURNAL_DB", value)
    code, out, err = run_cli(capsys, "log", "a note")
    assert (code, err) == (0, "")
    assert default_journal(tmp_path).exists()


# -- imports: integers past int()'s 4,300 digits ----------------------------------------------

HUGE = "1" + "0" * 5000


def goaljournal_export(journal: Path, place: str) -> str:
    """The journal's own export with a 5,001-digit integer in ``place``."""
    data = journal_state(journal)
    marker = "HUGE-NUMBER-HERE"
    if place == "header":
        data["x"] = marker
    elif place == "version":
        data["version"] = marker
    else:  # a row's value
        data["goals"][0]["target"] = marker
    return json.dumps(data).replace(json.dumps(marker), "-" + HUGE if place == "row" else HUGE)


def dayone_export(place: str) -> str:
    entry = {"uuid": "a" * 32, "creationDate": "2026-11-20T08:00:00Z", "text": "From Day One", "n": "HUGE-NUMBER-HERE"}
    data = {"metadata": {"version": "1.0"}, "entries": [entry]}
    if place == "metadata":
        data["metadata"]["count"], entry["n"] = entry["n"], 1
    return json.dumps(data).replace('"HUGE-NUMBER-HERE"', HUGE)


@pytest.mark.parametrize(
    "fmt, make",
    [
        ("json", lambda journal: goaljournal_export(journal, "header")),
        ("json", lambda journal: goaljournal_export(journal, "version")),
        ("json", lambda journal: goaljournal_export(journal, "row")),
        ("dayone", lambda journal: dayone_export("entry")),
        ("dayone", lambda journal: dayone_export("metadata")),
        ("dayone-zip", lambda journal: dayone_export("entry")),
    ],
    ids=["json-header", "json-version", "json-row", "dayone-entry", "dayone-metadata", "dayone-zip"],
)
def test_an_import_with_a_5000_digit_integer_is_refused_in_one_line(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, make: Any
) -> None:
    text = make(journal)
    assert HUGE in text
    source = tmp_path / "export.json"
    if fmt == "dayone-zip":
        import zipfile

        source = tmp_path / "export.zip"
        with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("Journal.json", text)
    else:
        source.write_text(text)
    before = journal_state(journal)
    code, out, err = run_cli(capsys, "--db", str(journal), "import", "--format", fmt.removesuffix("-zip"), str(source))
    assert "a number of more than 100 digits" in assert_one_line(code, err)
    assert not out
    assert journal_state(journal) == before


def test_a_5000_digit_integer_on_standard_input_end_to_end(journal: Path) -> None:
    before = journal_state(journal)
    done = run("--db", journal, "import", "-", input=goaljournal_export(journal, "header").encode())
    assert_one_line(done.returncode, done.stderr.decode())
    assert journal_state(journal) == before


def test_a_long_integer_within_the_limit_is_left_to_the_row_checks(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.json"
    source.write_text(goaljournal_export(journal, "row").replace(HUGE, "1" + "0" * 99))
    code, out, err = run_cli(capsys, "--db", str(journal), "import", str(source))
    assert "goals[0].target" in assert_one_line(code, err)


# -- SMART analysis: numbers past a float, sentences of a hundred thousand characters ---------

TOO_LARGE_GOALS = [
    "Save $" + "9" * 309 + " by 2027-12-31",  # past a float: infinity, which int() refused
    "Save $" + "9" * 900 + " by 2027-12-31",
    "Save $5,000,000,000,000 by 2027-12-31",  # a float, but past the trillion a target holds
    "Read " + "9" * 400 + " books by 2027-12-31",
    "Cut the backlog from " + "9" * 400 + " to 5 tickets by 2027-12-31",
    "Grow revenue by " + "9" * 400 + "% by 2027-12-31",
]


@pytest.mark.parametrize("text", TOO_LARGE_GOALS, ids=["money-309", "money-900", "money-5e12", "count", "change", "percent"])
def test_a_number_too_large_to_track_is_not_measurable(text: str) -> None:
    from goaljournal.core.smart import smart_report

    report = smart_report(text, NOW.date())
    assert report.measurable.ok is False and "too large to track" in report.measurable.why
    assert len(report.measurable.why) < 120
    assert report.time_bound.ok is True


@pytest.mark.parametrize("text", TOO_LARGE_GOALS[:2] + TOO_LARGE_GOALS[3:4], ids=["money-309", "money-900", "count"])
def test_smart_and_goal_add_take_a_number_too_large_to_track(
    db_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code, out, err = run_cli(capsys, "smart", text)
    assert (code, err) == (0, "")
    assert "✗ Measurable" in out and "too large to track" in out
    code, out, err = run_cli(capsys, "--db", str(db_path), "goal", "add", text)
    assert code == 0 and out.startswith("added goal 1: ")
    assert err.startswith("note: goal 1 is not yet SMART (measurable)") and err.count("\n") == 1, err
    assert [goal["title"] for goal in journal_state(db_path)["goals"]] == [text]


def test_goal_add_of_a_number_too_large_end_to_end(db_path: Path) -> None:
    done = run("--db", db_path, "goal", "add", TOO_LARGE_GOALS[0])
    assert done.returncode == 0 and "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert len(journal_state(db_path)["goals"]) == 1


LONG_GOAL = "within three " * 9000  # 117,000 characters: 27 s to analyse whole


def test_the_smart_analysis_reads_the_first_thousand_characters() -> None:
    from goaljournal.core.smart import SENTENCE_LIMIT, smart_report

    report = smart_report(LONG_GOAL, NOW.date())
    assert report.partial and report.text == LONG_GOAL.strip()
    # A deadline past the first thousand characters is not read; one within them is.
    filler = "x " * (SENTENCE_LIMIT // 2)
    assert smart_report("Read 12 books " + filler + "by 2027-06-30", NOW.date()).deadline is None
    assert smart_report("Read 12 books by 2027-06-30 " + filler, NOW.date()).deadline is not None
    assert not smart_report("Read 12 books by 2027-06-30", NOW.date()).partial


@pytest.mark.parametrize("text", [LONG_GOAL, "Save $" + "9" * 5000 + " by 2027-12-31", "9" * 100_000], ids=["words", "money", "digits"])
@pytest.mark.parametrize("command", [["smart"], ["goal", "add"]])
def test_smart_and_goal_add_of_a_long_sentence_read_its_first_thousand_characters(
    db_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], text: str
) -> None:
    # How fast is measured in bench/smart_speed.py, not here.
    code, out, err = run_cli(capsys, "--db", str(db_path), *command, text)
    assert code == 0 and "Traceback" not in err
    if command == ["smart"]:
        assert "only its first 1,000 characters are read" in out
    else:
        assert len(journal_state(db_path)["goals"]) == 1


# -- searches of a thousand words and more ----------------------------------------------------

MANY_WORDS = " ".join(f"word{i}" for i in range(1000))


@pytest.mark.parametrize(
    "query, listed",
    [
        ("a " * 1000, ["Ada Lovelace", "Grace Hopper"]),  # the same word a thousand times
        (MANY_WORDS, ["Grace Hopper"]),  # every one of them in her notes
        (MANY_WORDS + " word5000", []),
        ("hopper " * 100_000, ["Grace Hopper"]),
    ],
    ids=["same-word", "distinct-words", "one-missing", "100k-words"],
)
def test_a_people_search_of_many_words_matches_them_all(
    journal: Path, capsys: pytest.CaptureFixture[str], query: str, listed: list[str]
) -> None:
    assert run_cli(capsys, "--db", str(journal), "met", "Grace Hopper")[0] == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        grace = store.people_named("Grace Hopper")[0].id
        store.update_person(grace, notes=MANY_WORDS.upper())
        assert [person.name for person in store.people(query=query)] == listed
    before = journal_state(journal)
    code, out, err = run_cli(capsys, "--db", str(journal), "people", *query.split())
    assert (code, err) == (0, "")
    assert [name for name in listed if name in out] == listed and ("Ada" in out) == ("Ada Lovelace" in listed)
    assert journal_state(journal) == before


def test_a_people_search_of_a_thousand_words_end_to_end(journal: Path) -> None:
    done = run("--db", journal, "people", "a " * 1000)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize("query", ["planned " * 1000, MANY_WORDS, "planned* " * 100_000], ids=["same", "1000-distinct", "100k-same"])
def test_a_search_of_up_to_a_thousand_different_words_runs(
    journal: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = run_cli(capsys, "--db", str(journal), "search", query)
    assert (code, err) == (0, "")
    assert ("Planned the week" in out) == query.startswith("planned")


@pytest.mark.parametrize("query", [MANY_WORDS + " word1000", " ".join(f"w{i}" for i in range(100_000))], ids=["1001", "100k"])
def test_a_search_of_more_than_a_thousand_different_words_is_one_line(
    journal: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    before = journal_state(journal)
    code, out, err = run_cli(capsys, "--db", str(journal), "search", query)
    assert "a search takes at most 1,000 different words" in assert_one_line(code, err)
    assert journal_state(journal) == before
