"""The command line (DESIGN.md §5): every command on a real journal file in tmp_path.

Most checks call ``goaljournal.cli.main`` in-process (fast); the end-to-end ones run
``python -m goaljournal`` as a subprocess to see the real exit status, stderr and raw bytes.
The contract: exit 0 on success; 1 on a user error with exactly one line on stderr starting
"goaljournal: ", no traceback, and nothing in the journal changed; 2 on bad usage.
"""

from __future__ import annotations

import io
import json
import os
import random
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, Cli, journal_state, raw_connect

from goaljournal import __version__
from goaljournal.store import Store

# -- helpers --------------------------------------------------------------------------------


def run(*args: Any, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m goaljournal ARGS`` in a subprocess, with the test's environment."""
    argv = [sys.executable, "-m", "goaljournal", *(str(a) if isinstance(a, Path) else a for a in args)]
    return subprocess.run(argv, input=input, capture_output=True, timeout=60)


def assert_user_error(code: int, out: str | bytes, err: str | bytes) -> str:
    """Exit 1, nothing on stdout, one line on stderr starting with the program name."""
    if isinstance(err, bytes):
        err = err.decode("utf-8", "backslashreplace")
    assert code == 1, err
    assert not out
    assert "Traceback" not in err
    assert err.startswith("goaljournal: "), err
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    return err


def assert_usage_error(code: int, err: str | bytes) -> None:
    if isinstance(err, bytes):
        err = err.decode("utf-8", "backslashreplace")
    assert code == 2, err
    assert "Traceback" not in err
    assert "usage:" in err


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def journal(gj: Cli, db_path: Path) -> Path:
    """A journal with one goal (id 1, 10 → 100 km) and two entries, one linked to the goal."""
    assert gj("goal", "add", "Run 100 km", "--target", "100", "--unit", "km", "--baseline", "10",
              "--deadline", "2026-12-31").code == 0  # fmt: skip
    assert gj("log", "Planned the quarter @planning", "--at", "2026-11-01 09:00").code == 0
    assert gj("log", "Gave the demo @speaking @work", "--at", "2026-11-10 16:30", "--goal", "1").code == 0
    return db_path


ENTRY_KEYS = {"id", "uuid", "at", "text", "kind", "starred", "private", "tags", "goal_ids"}
GOAL_KEYS = {
    "id", "uuid", "title", "status", "category", "horizon", "metric", "unit", "baseline", "target",
    "current", "progress", "start_date", "deadline", "why", "confidence", "parent_id", "progress_from", "progress_tag",
    "cadence",
}  # fmt: skip


# -- log ------------------------------------------------------------------------------------


def test_log_json_has_every_field_and_reads_tags(gj: Cli) -> None:
    result = gj("log", "Presented Q3 numbers @work @Speaking, then more @work", "--at", "2026-11-20 14:05",
                "--kind", "win", "--star", "--json")  # fmt: skip
    assert result.code == 0 and result.err == ""
    entry = result.json()
    assert set(entry) == ENTRY_KEYS
    assert entry["id"] == 1 and len(entry["uuid"]) == 32
    assert entry["text"] == "Presented Q3 numbers @work @Speaking, then more @work"
    assert entry["at"] == "2026-11-20 14:05:00"
    assert entry["kind"] == "win"
    assert entry["starred"] is True and entry["private"] is False
    assert entry["tags"] == ["Speaking", "work"]
    assert entry["goal_ids"] == []


def test_log_human_output_and_defaults(gj: Cli, db_path: Path) -> None:
    result = gj("log", "several", "words @here", "--at", "2026-11-20 08:00")
    assert result.code == 0 and result.err == ""
    assert result.out == "logged entry 1 at 2026-11-20 08:00 with @here\n"
    with Store.open(db_path, clock=lambda: NOW) as store:
        entry = store.get_entry(1)
    assert entry.text == "several words @here"
    assert entry.kind == "reflection" and not entry.starred
    # Without --at the entry is dated now.
    now = gj("log", "no date given", "--json").json()
    assert len(now["at"]) == 19 and now["at"][4] == "-" and now["at"][10] == " "


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2026-03-04 08:15", "2026-03-04 08:15:00"),
        ("2026-03-04T08:15:30", "2026-03-04 08:15:30"),
        ("  2026-03-04   08:15 ", "2026-03-04 08:15:00"),
    ],
)
def test_log_at_forms(gj: Cli, given: str, stored: str) -> None:
    assert gj("log", "x", "--at", given, "--json").json()["at"] == stored


def test_log_at_bare_day_keeps_a_time(gj: Cli) -> None:
    at = gj("log", "x", "--at", "2026-03-04", "--json").json()["at"]
    assert at.startswith("2026-03-04 ") and len(at) == 19


def test_log_links_goals(gj: Cli) -> None:
    gj("goal", "add", "first goal")
    gj("goal", "add", "second goal")
    entry = gj("log", "worked on both", "--goal", "2", "--goal", "1", "--goal", "2", "--json").json()
    assert entry["goal_ids"] == [1, 2]


def test_log_dash_reads_stdin(gj: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("line one @piped\nline two\n\n"))
    entry = gj("log", "-", "--json").json()
    assert entry["text"] == "line one @piped\nline two"
    assert entry["tags"] == ["piped"]


def test_log_dash_empty_stdin_is_refused(gj: Cli, monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n\n"))
    result = gj("log", "-")
    assert "empty" in assert_user_error(result.code, result.out, result.err)
    assert journal_state(db_path)["entries"] == []


def test_log_dash_stdin_not_utf8_is_a_user_error(gj: Cli, monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"caf\xe9 \xff"), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdin", stdin)
    result = gj("log", "-")
    assert "UTF-8" in assert_user_error(result.code, result.out, result.err)
    assert journal_state(db_path)["entries"] == []


def test_log_stdin_end_to_end(db_path: Path) -> None:
    done = run("--db", db_path, "log", "-", "--json", input="from a pipe @cli\nsecond line\n".encode())
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    assert json.loads(done.stdout)["text"] == "from a pipe @cli\nsecond line"


# -- checkin --------------------------------------------------------------------------------


def test_checkin_absolute_then_relative(gj: Cli, journal: Path) -> None:
    first = gj("checkin", "1", "25", "--note", "long run", "--at", "2026-11-02", "--confidence", "4", "--json")
    assert first.code == 0 and first.err == ""
    data = first.json()
    assert set(data) == {"id", "goal"} and set(data["goal"]) == GOAL_KEYS
    assert data["goal"]["current"] == 25.0
    assert data["goal"]["progress"] == round(15 / 90, 4)

    second = gj("checkin", "1", "+5", "--at", "2026-11-03 18:00")
    assert second.code == 0 and second.err == ""
    assert second.out == "checked in 30 on goal 1: Run 100 km (22% of the way)\n"

    with Store.open(journal, clock=lambda: NOW) as store:
        checkins = store.checkins(1)
    assert [(c.at, c.value, c.note, c.confidence) for c in checkins] == [
        ("2026-11-02", 25.0, "long run", 4),
        ("2026-11-03", 30.0, None, None),
    ]


def test_checkin_relative_starts_from_baseline_or_zero(gj: Cli) -> None:
    gj("goal", "add", "Ship features", "--target", "20", "--baseline", "10")
    gj("goal", "add", "Read books", "--target", "12")
    assert gj("checkin", "1", "+2.5", "--at", "2026-11-02", "--json").json()["goal"]["current"] == 12.5
    assert gj("checkin", "2", "+3", "--at", "2026-11-02", "--json").json()["goal"]["current"] == 3.0
    assert gj("checkin", "2", " +1 ", "--at", "2026-11-03", "--json").json()["goal"]["current"] == 4.0


def test_checkin_defaults_to_today(gj: Cli, journal: Path) -> None:
    assert gj("checkin", "1", "12").code == 0
    with Store.open(journal, clock=lambda: NOW) as store:
        (checkin,) = store.checkins(1)
        assert checkin.at == store.today().isoformat()


# -- goals ----------------------------------------------------------------------------------


def test_goal_add_with_every_option(gj: Cli) -> None:
    parent = gj("goal", "add", "Become a team lead", "--json").json()
    result = gj(
        "goal", "add", "Present", "at", "4 meetups", "--deadline", "2026-12-31", "--target", "4",
        "--unit", "talks", "--category", "networking", "--metric", "talks given", "--baseline", "1",
        "--why", "visibility", "--parent", str(parent["id"]), "--status", "draft", "--json",
    )  # fmt: skip
    assert result.code == 0 and result.err == ""
    goal = result.json()
    assert set(goal) == GOAL_KEYS
    assert goal["title"] == "Present at 4 meetups"
    assert goal["deadline"] == "2026-12-31"
    assert (goal["target"], goal["baseline"], goal["current"]) == (4.0, 1.0, None)
    assert goal["progress"] == 0.0
    assert (goal["unit"], goal["category"], goal["metric"], goal["why"]) == (
        "talks", "networking", "talks given", "visibility",
    )  # fmt: skip
    assert goal["parent_id"] == parent["id"]
    assert goal["status"] == "draft"
    assert len(goal["start_date"]) == 10


def test_goal_add_human_output_and_default_status(gj: Cli) -> None:
    result = gj("goal", "add", "Learn SQL")
    assert result.code == 0 and result.out == "added goal 1: Learn SQL\n"
    assert gj("goals", "--json").json()[0]["status"] == "active"


def test_goals_list_filter_and_json(gj: Cli) -> None:
    gj("goal", "add", "Later goal", "--deadline", "2027-06-30", "--target", "10", "--unit", "posts")
    gj("goal", "add", "Paused goal", "--status", "paused")
    gj("goal", "add", "Sooner goal", "--deadline", "2026-12-01")

    listed = gj("goals", "--json").json()
    assert [g["title"] for g in listed] == ["Sooner goal", "Later goal", "Paused goal"]  # soonest deadline first
    assert all(set(g) == GOAL_KEYS for g in listed)

    paused = gj("goals", "--status", "paused", "--json").json()
    assert [g["title"] for g in paused] == ["Paused goal"]
    assert gj("goals", "--status", "achieved", "--json").json() == []

    human = gj("goals")
    assert human.code == 0 and human.err == ""
    lines = human.out.splitlines()
    assert len(lines) == 3
    assert "Sooner goal" in lines[0] and "by 2026-12-01" in lines[0]
    assert "Later goal" in lines[1] and "/10 posts" in lines[1]
    assert "Paused goal" in lines[2] and "paused" in lines[2] and "no deadline" in lines[2]
    assert gj("goals", "--status", "paused").out.count("\n") == 1


# -- search and tags ------------------------------------------------------------------------


def test_search_newest_first_with_limit(gj: Cli) -> None:
    gj("log", "standup went well", "--at", "2026-11-02 09:00")  # id 1
    gj("log", "standup ran long", "--at", "2026-11-05 09:00")  # id 2
    gj("log", "standup skipped", "--at", "2026-11-01 09:00")  # id 3
    gj("log", "lunch with the team", "--at", "2026-11-06 12:00")  # id 4

    found = gj("search", "standup", "--json")
    assert found.code == 0 and found.err == ""
    entries = found.json()
    assert [e["id"] for e in entries] == [2, 1, 3]
    assert all(set(e) == ENTRY_KEYS for e in entries)
    assert [e["id"] for e in gj("search", "standup", "--limit", "2", "--json").json()] == [2, 1]
    assert [e["id"] for e in gj("search", "standup", "long", "--json").json()] == [2]  # every word
    assert [e["id"] for e in gj("search", "stand*", "--json").json()] == [2, 1, 3]  # prefix
    assert gj("search", "nowhere", "--json").json() == []

    human = gj("search", "standup", "--limit", "2")
    lines = human.out.splitlines()
    assert len(lines) == 2
    assert "2026-11-05 09:00" in lines[0] and "standup ran long" in lines[0]
    assert "2026-11-02 09:00" in lines[1]


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "NEAR(", "a:b", "^x", "*", "-"])
def test_search_takes_fts_syntax_literally(gj: Cli, journal: Path, query: str) -> None:
    result = gj("search", query, "--json")
    assert result.code == 0, result.err
    assert isinstance(result.json(), list)


def test_tags_most_used_first(gj: Cli) -> None:
    gj("log", "a @work @alpha")
    gj("log", "b @work @speaking")
    gj("log", "c @work @speaking")
    tags = gj("tags", "--json")
    assert tags.code == 0 and tags.err == ""
    assert tags.json() == [
        {"tag": "work", "count": 3},
        {"tag": "speaking", "count": 2},
        {"tag": "alpha", "count": 1},
    ]
    assert gj("tags").out.splitlines() == ["     3  @work", "     2  @speaking", "     1  @alpha"]


def test_tags_leave_out_trashed_entries(gj: Cli, db_path: Path) -> None:
    gj("log", "a @work @alpha")
    gj("log", "b @work @draft")
    with Store.open(db_path, clock=lambda: NOW) as store:
        (draft,) = [e.id for e in store.entries(tag="draft")]
        store.trash("entries", draft)
    assert gj("tags", "--json").json() == [{"tag": "alpha", "count": 1}, {"tag": "work", "count": 1}]
    assert gj("tags").out.splitlines() == ["     1  @alpha", "     1  @work"]
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.restore("entries", draft)
    assert gj("tags", "--json").json() == [
        {"tag": "work", "count": 2}, {"tag": "alpha", "count": 1}, {"tag": "draft", "count": 1},
    ]  # fmt: skip


def test_tags_on_empty_journal(gj: Cli) -> None:
    assert gj("tags", "--json").json() == []
    assert gj("tags").out == ""


# -- export and import ----------------------------------------------------------------------


def test_export_to_stdout_and_file_then_import_twice(gj: Cli, cli: Cli, journal: Path, tmp_path: Path) -> None:
    gj("checkin", "1", "40", "--at", "2026-11-12", "--note", "half way")
    to_stdout = gj("export", "--format", "json")
    assert to_stdout.code == 0 and to_stdout.err == ""
    exported = to_stdout.json()
    assert exported["format"] == "goaljournal"
    texts = [e["text"] for e in exported["entries"]]
    assert texts == ["Planned the quarter @planning", "Gave the demo @speaking @work"]

    out_file = tmp_path / "export.json"
    to_file = gj("export", "--format", "json", "-o", out_file)
    assert to_file.code == 0 and to_file.out == ""
    assert str(out_file) in to_file.err
    assert json.loads(out_file.read_text(encoding="utf-8")) == exported
    assert mode(out_file) == 0o600  # the whole journal: private like the journal itself

    other = tmp_path / "other.db"
    first = cli("--db", other, "import", "--format", "json", out_file, "--json")
    assert first.code == 0, first.err
    assert first.json() == {
        "skills": 0, "assessments": 0, "assessment_items": 0, "ratings": 0, "goals": 1,
        "milestones": 0, "revisions": 0, "checkins": 1, "tags": 3, "entries": 2, "daily_checkins": 0,
        "people": 0, "interactions": 0, "reviews": 0, "review_goals": 0, "review_focus": 0,
        "reflection_prompts": 0, "entry_templates": 0,  # the built-ins are there already
        "entry_tags": 3, "entry_goals": 1, "person_tags": 0, "interaction_goals": 0, "review_entries": 0,
    }  # fmt: skip
    assert journal_state(other) == journal_state(journal)  # lossless

    second = cli("--db", other, "import", "--format", "json", out_file)
    assert second.code == 0 and second.err == ""
    assert "nothing new" in second.out
    assert set(cli("--db", other, "import", out_file, "--json").json().values()) == {0}
    assert journal_state(other) == journal_state(journal)
    # The imported entries are in the search index.
    found = cli("--db", other, "search", "demo", "--json").json()
    assert [e["text"] for e in found] == ["Gave the demo @speaking @work"]


def test_import_human_summary(cli: Cli, gj: Cli, journal: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    gj("export", "-o", export)
    result = cli("--db", tmp_path / "fresh.db", "import", export)
    assert result.code == 0
    assert result.out.startswith("imported ") and "2 entries" in result.out and "1 goal," in result.out


def test_import_from_stdin(cli: Cli, gj: Cli, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(gj("export").out))
    assert cli("--db", tmp_path / "fresh.db", "import", "-", "--json").json()["entries"] == 2


def test_export_overwrites_an_existing_file(gj: Cli, journal: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "export.json"
    out_file.write_text("old contents that are much longer than nothing " * 200)
    assert gj("export", "-o", out_file).code == 0
    assert json.loads(out_file.read_text())["format"] == "goaljournal"


# -- backup and doctor ----------------------------------------------------------------------


def test_backup_default_goes_into_backups_beside_the_journal(gj: Cli, journal: Path) -> None:
    result = gj("backup")
    assert result.code == 0 and result.err == ""
    folder = journal.parent / "backups"
    (written,) = folder.iterdir()
    assert result.out == f"backed up the journal to {written}\n"
    assert written.name.startswith("journal-") and written.suffix == ".db"
    assert mode(folder) == 0o700
    assert mode(written) == 0o600
    assert not written.with_name(written.name + "-wal").exists()  # one self-contained file
    assert journal_state(written) == journal_state(journal)


def test_two_backups_in_the_same_second_both_succeed(gj: Cli, journal: Path) -> None:
    first, second = gj("backup", "--json"), gj("backup", "--json")
    assert (first.code, second.code) == (0, 0), second.err
    paths = {first.json()["backup"], second.json()["backup"]}
    assert len(paths) == 2 and all(Path(p).exists() for p in paths)


def test_backup_to_a_file_and_into_a_folder(gj: Cli, journal: Path, tmp_path: Path) -> None:
    dest = tmp_path / "copy.db"
    result = gj("backup", dest)
    assert result.code == 0 and result.out == f"backed up the journal to {dest}\n"
    assert mode(dest) == 0o600
    assert journal_state(dest) == journal_state(journal)

    folder = tmp_path / "vault"
    folder.mkdir()
    written = Path(gj("backup", folder, "--json").json()["backup"])
    assert written.parent == folder and written.name.startswith("journal-")
    assert mode(written) == 0o600


def test_doctor_on_a_healthy_journal(gj: Cli, journal: Path) -> None:
    result = gj("doctor")
    assert result.code == 0 and result.err == ""
    assert result.out.splitlines()[-1] == "verdict: healthy"
    assert "2 entries" in result.out and "1 goal," in result.out
    report = gj("doctor", "--json").json()
    assert report["ok"] is True and report["problems"] == []
    assert report["read_only"] is False and report["journal_mode"] == "wal"
    assert report["counts"]["entries"] == 2
    assert report["path"] == str(journal)


def test_doctor_end_to_end(journal: Path) -> None:
    done = run("--db", journal, "doctor")
    assert done.returncode == 0 and done.stderr == b""
    assert b"verdict: healthy" in done.stdout


# -- options, environment and the default journal -------------------------------------------


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.code == 0 and result.out == f"goaljournal {__version__}\n"
    done = run("--version")
    assert done.returncode == 0 and done.stdout.decode() == f"goaljournal {__version__}\n"


def test_db_and_json_after_the_command(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "late.db"
    assert cli("log", "x @late", "--db", path).code == 0
    assert cli("--json", "tags", "--db", path).json() == [{"tag": "late", "count": 1}]
    assert cli("tags", "--db", path, "--json").json() == [{"tag": "late", "count": 1}]
    assert not (tmp_path / "xdg-data" / "goaljournal" / "journal.db").exists()


def test_db_after_the_command_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "late.db"
    done = run("log", "from the end", "--db", path)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.startswith(b"logged entry 1 at ")
    assert journal_state(path)["entries"][0]["text"] == "from the end"


def test_goaljournal_db_environment_variable(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_path = tmp_path / "from-env.db"
    monkeypatch.setenv("GOALJOURNAL_DB", str(env_path))
    assert cli("log", "via the environment").code == 0
    assert env_path.exists()
    assert journal_state(env_path)["entries"][0]["text"] == "via the environment"
    # --db wins over the environment.
    option_path = tmp_path / "from-option.db"
    assert cli("--db", option_path, "log", "via the option").code == 0
    assert [e["text"] for e in journal_state(env_path)["entries"]] == ["via the environment"]
    assert [e["text"] for e in journal_state(option_path)["entries"]] == ["via the option"]
    assert not (tmp_path / "xdg-data").exists()


def test_default_journal_is_private_under_xdg_data_home(cli: Cli, tmp_path: Path) -> None:
    old_umask = os.umask(0)  # a permissive umask must not make the journal public
    try:
        result = cli("log", "into the default journal")
    finally:
        os.umask(old_umask)
    assert result.code == 0, result.err
    folder = tmp_path / "xdg-data" / "goaljournal"
    path = folder / "journal.db"
    assert path.is_file()
    assert mode(folder) == 0o700
    assert mode(path) == 0o600
    for side in folder.glob("journal.db-*"):
        assert mode(side) == 0o600
    assert [e["text"] for e in cli("search", "default", "--json").json()] == ["into the default journal"]


def test_default_journal_end_to_end(tmp_path: Path) -> None:
    done = run("log", "default path via subprocess")
    assert done.returncode == 0, done.stderr
    path = tmp_path / "xdg-data" / "goaljournal" / "journal.db"
    assert mode(path.parent) == 0o700 and mode(path) == 0o600


# -- user errors: exit 1, one line, nothing changed -----------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["log", "x", "--at", "2026-13-40"], "2026-13-40"),
        (["log", "x", "--at", "tomorrowish"], "tomorrowish"),
        (["log", "x", "--at", ""], "not a date"),
        (["checkin", "999", "5"], "999"),
        (["log", "x", "--goal", "999"], "999"),
        (["log", "x", "--goal", "1", "--goal", "999"], "999"),
        (["log", ""], "empty"),
        (["log", "   "], "empty"),
        (["log", "\t\n"], "empty"),
        (["log", "", ""], "empty"),
        (["checkin", "1", "abc"], "number"),
        (["checkin", "1", "+abc"], "number"),
        (["checkin", "1", "+"], "number"),
        (["checkin", "1", "nan"], "finite"),
        (["checkin", "1", "1e999"], "finite"),
        (["checkin", "1", "5", "--at", "someday"], "someday"),
        (["goal", "add", "x", "--deadline", "2026-02-30"], "deadline"),
        (["goal", "add", "x", "--target", "lots"], "number"),
        (["goal", "add", "x", "--baseline", "inf"], "finite"),
        (["goal", "add", "x", "--parent", "999"], "999"),
        (["goal", "add", "   "], "empty"),
        (["search", "x", "--limit", "0"], "--limit"),
        (["log", "a\udc80b"], "Unicode"),
        (["goal", "add", "a\udc80b"], "Unicode"),
        (["search", "a\udc80b"], "Unicode"),
        (["log", "x", "--at", "2026-01-01\nrm -rf"], "not a date"),  # still one line
        (["log", "x", "--at", "\x1b]0;pwned\x07\x1b[2J"], "not a date"),  # no raw controls
    ],
)
def test_user_errors(gj: Cli, journal: Path, args: list[str], says: str) -> None:
    before = journal_state(journal)
    result = gj(*args)
    message = assert_user_error(result.code, result.out, result.err)
    assert says in message
    assert not any(ch in message for ch in "\x1b\x07\x9b")
    assert journal_state(journal) == before


def test_lone_surrogate_entry_saves_nothing(gj: Cli, db_path: Path) -> None:
    result = gj("log", "a\udc80b")
    assert "not valid Unicode" in assert_user_error(result.code, result.out, result.err)
    assert journal_state(db_path)["entries"] == []


def test_invalid_utf8_on_argv_end_to_end(journal: Path) -> None:
    before = journal_state(journal)
    # Bytes that are not UTF-8 reach Python as lone surrogates.
    argv = [sys.executable, "-m", "goaljournal", "--db", os.fsencode(journal), "log", b"caf\xe9 \xff"]
    done = subprocess.run(argv, capture_output=True, timeout=60)
    assert_user_error(done.returncode, done.stdout, done.stderr)
    assert journal_state(journal) == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["log", "x", "--at", "2026-13-40"], b"2026-13-40"),
        (["checkin", "999", "5"], b"999"),
        (["log", "x", "--goal", "999"], b"999"),
        (["log", "   "], b"empty"),
        (["checkin", "1", "lots"], b"number"),
    ],
)
def test_user_errors_end_to_end(journal: Path, args: list[str], says: bytes) -> None:
    before = journal_state(journal)
    done = run("--db", journal, *args)
    assert_user_error(done.returncode, done.stdout, done.stderr)
    assert says in done.stderr
    assert journal_state(journal) == before


def test_import_of_a_file_that_is_not_json(gj: Cli, journal: Path, tmp_path: Path) -> None:
    before = journal_state(journal)
    bad = tmp_path / "notes.txt"
    bad.write_text("these are not the rows you are looking for\n")
    result = gj("import", "--format", "json", bad)
    assert "JSON" in assert_user_error(result.code, result.out, result.err)
    for content in ("[]", '{"format": "something else"}', '{"format": "goaljournal", "version": 99}',
                    '{"format": "goaljournal", "version": 1, "entries": [{"text": "no uuid"}]}',
                    '{"format": "goaljournal", "version": 1, "entries": [{"uuid": "u1", "text": {"a": 1}}]}',
                    '{"format": "goaljournal", "version": 1, "entries": [{"uuid": "u2", "at": "2026-01-01"}]}'):  # fmt: skip
        bad.write_text(content)
        result = gj("import", bad)
        assert_user_error(result.code, result.out, result.err)
    bad.write_bytes(b"\xff\xfe not utf-8")
    result = gj("import", bad)
    assert "UTF-8" in assert_user_error(result.code, result.out, result.err)
    assert journal_state(journal) == before


def test_import_of_a_missing_file_or_a_folder(gj: Cli, journal: Path, tmp_path: Path) -> None:
    before = journal_state(journal)
    result = gj("import", "--format", "json", tmp_path / "missing.json")
    assert "missing.json" in assert_user_error(result.code, result.out, result.err)
    result = gj("import", tmp_path)
    assert_user_error(result.code, result.out, result.err)
    assert journal_state(journal) == before


def test_import_end_to_end_errors(journal: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope")
    for path in (bad, tmp_path / "missing.json"):
        done = run("--db", journal, "import", "--format", "json", path)
        assert_user_error(done.returncode, done.stdout, done.stderr)


def test_backup_refuses_an_existing_file(gj: Cli, journal: Path, tmp_path: Path) -> None:
    dest = tmp_path / "taken.db"
    dest.write_bytes(b"precious")
    result = gj("backup", dest)
    assert "exists" in assert_user_error(result.code, result.out, result.err)
    assert dest.read_bytes() == b"precious"
    done = run("--db", journal, "backup", dest)
    assert_user_error(done.returncode, done.stdout, done.stderr)
    assert dest.read_bytes() == b"precious"


def test_backup_and_export_into_a_missing_folder(gj: Cli, journal: Path, tmp_path: Path) -> None:
    for args in (["backup", tmp_path / "nope" / "copy.db"], ["export", "-o", tmp_path / "nope" / "x.json"]):
        result = gj(*args)
        assert_user_error(result.code, result.out, result.err)
    assert not (tmp_path / "nope").exists()


def test_backup_when_backups_is_a_file(gj: Cli, journal: Path) -> None:
    (journal.parent / "backups").write_text("not a folder")
    result = gj("backup")
    assert "backups" in assert_user_error(result.code, result.out, result.err)


def test_missing_folder_in_db(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "journal.db"
    result = cli("--db", path, "log", "x")
    assert "does not exist" in assert_user_error(result.code, result.out, result.err)
    done = run("--db", path, "search", "x")
    assert_user_error(done.returncode, done.stdout, done.stderr)
    assert not path.parent.exists()  # a typo does not start a journal somewhere new


def test_db_that_is_a_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("--db", tmp_path, "log", "x")
    assert "folder" in assert_user_error(result.code, result.out, result.err)


# -- files the store must refuse, untouched --------------------------------------------------


def _leaves_no_side_files(path: Path) -> bool:
    return not any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm", "-journal"))


@pytest.mark.parametrize(
    "args",
    [["log", "x"], ["search", "x"], ["tags"], ["goals"], ["doctor"], ["export"], ["backup"], ["checkin", "1", "2"]],
)
def test_corrupt_database_is_refused_and_unchanged(cli: Cli, tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "corrupt.db"
    content = random.Random(7).randbytes(16384)
    path.write_bytes(content)
    result = cli("--db", path, *args)
    assert "damaged" in assert_user_error(result.code, result.out, result.err)
    assert path.read_bytes() == content
    assert _leaves_no_side_files(path)
    assert not (tmp_path / "backups").exists()


def test_corrupt_database_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    content = random.Random(8).randbytes(8192)
    path.write_bytes(content)
    for args in (["log", "x"], ["doctor"]):
        done = run("--db", path, *args)
        assert_user_error(done.returncode, done.stdout, done.stderr)
    assert path.read_bytes() == content
    assert _leaves_no_side_files(path)


def test_other_sqlite_database_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "other-app.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    content = path.read_bytes()
    result = cli("--db", path, "log", "x")
    assert "not a goaljournal journal" in assert_user_error(result.code, result.out, result.err)
    assert path.read_bytes() == content


def _make_newer(path: Path) -> bytes:
    conn = raw_connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert _leaves_no_side_files(path)
    return path.read_bytes()


def test_journal_from_a_newer_version_is_refused_and_unchanged(cli: Cli, gj: Cli, journal: Path) -> None:
    content = _make_newer(journal)
    for args in (["log", "x"], ["search", "demo"], ["doctor"], ["backup"]):
        result = gj(*args)
        assert "newer" in assert_user_error(result.code, result.out, result.err)
    done = run("--db", journal, "log", "x")
    assert b"newer" in done.stderr
    assert_user_error(done.returncode, done.stdout, done.stderr)
    assert journal.read_bytes() == content
    assert _leaves_no_side_files(journal)


def test_read_only_journal(gj: Cli, journal: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    gj("export", "-o", export)
    journal.chmod(0o444)
    content = journal.read_bytes()

    for args in (["log", "x"], ["checkin", "1", "50"], ["goal", "add", "x"], ["import", export]):
        result = gj(*args)
        assert "read-only" in assert_user_error(result.code, result.out, result.err)
    done = run("--db", journal, "log", "not written")
    assert b"read-only" in done.stderr
    assert_user_error(done.returncode, done.stdout, done.stderr)

    found = gj("search", "demo", "--json")
    assert found.code == 0 and found.err == ""
    assert [e["text"] for e in found.json()] == ["Gave the demo @speaking @work"]
    done = run("--db", journal, "search", "demo")
    assert done.returncode == 0 and done.stderr == b"" and b"Gave the demo" in done.stdout
    assert gj("tags").code == 0 and gj("goals").code == 0
    doctor = gj("doctor")
    assert doctor.code == 0 and "read-only" in doctor.out and "verdict: healthy" in doctor.out

    assert journal.read_bytes() == content
    assert mode(journal) == 0o444


# -- bad usage: exit 2 ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["bogus"],
        ["log"],
        ["checkin", "1"],
        ["checkin"],
        ["log", "x", "--kind", "bogus"],
        ["goals", "--status", "bogus"],
        ["checkin", "1", "5", "--confidence", "9"],
        ["checkin", "one", "5"],
        ["log", "x", "--goal", "first"],
        ["search", "x", "--limit", "many"],
        ["search"],
        ["goal"],
        ["goal", "add"],
        ["goal", "add", "x", "--category", "bogus"],
        ["import"],
        ["export", "--format", "xml"],
        ["log", "x", "--no-such-option"],
    ],
)
def test_bad_usage_exits_2_and_touches_nothing(cli: Cli, db_path: Path, args: list[str]) -> None:
    before = _contents(db_path)
    result = cli("--db", db_path, *args)
    assert_usage_error(result.code, result.err)
    assert result.out == ""
    assert _contents(db_path) == before


def _contents(path: Path) -> bytes | None:
    """A file's bytes, None when there is no file (a plain test journal is made on first use)."""
    return path.read_bytes() if path.exists() else None


@pytest.mark.parametrize("args", [["bogus"], ["log"], ["log", "x", "--kind", "bogus"]])
def test_bad_usage_end_to_end(db_path: Path, args: list[str]) -> None:
    before = _contents(db_path)
    done = run("--db", db_path, *args)
    assert_usage_error(done.returncode, done.stderr)
    assert _contents(db_path) == before


# -- hostile text ---------------------------------------------------------------------------

HOSTILE = "[/] [bold]x [@click=app.quit]quit[/] \x1b[31mred\x1b[0m \x1b]0;title\x07 csi\x9b2J done @tagged"


def test_hostile_text_is_stored_exactly_and_printed_inert(db_path: Path) -> None:
    logged = run("--db", db_path, "log", HOSTILE)
    assert logged.returncode == 0, logged.stderr
    assert not any(ch in logged.stdout.decode() for ch in "\x1b\x9b\x07")

    with raw_connect(db_path) as conn:
        (stored,) = conn.execute("SELECT text FROM entries").fetchone()
    conn.close()
    assert stored == HOSTILE

    as_json = run("--db", db_path, "search", "done", "--json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)[0]["text"] == HOSTILE
    assert b"\x1b" not in as_json.stdout and b"\xc2\x9b" not in as_json.stdout and b"\x07" not in as_json.stdout

    human = run("--db", db_path, "search", "done")
    assert human.returncode == 0 and human.stderr == b""
    assert b"done" in human.stdout and b"[@click=app.quit]" in human.stdout
    # No raw ESC, BEL or C1 CSI (U+009B, UTF-8 c2 9b); visible stand-ins are fine.
    assert b"\x1b" not in human.stdout and b"\x07" not in human.stdout and b"\xc2\x9b" not in human.stdout
    assert not any(ch in human.stdout.decode() for ch in "\x1b\x9b\x07")


def test_hostile_text_in_process(gj: Cli) -> None:
    entry = gj("log", HOSTILE, "--json").json()
    assert entry["text"] == HOSTILE
    assert gj("search", "done", "--json").json()[0]["text"] == HOSTILE
    assert gj("export").json()["entries"][0]["text"] == HOSTILE
    for output in (gj("search", "done").out, gj("tags").out, gj("export").out):
        assert not any(ch in output for ch in "\x1b\x9b\x07")
    goal = gj("goal", "add", HOSTILE, "--target", "5", "--unit", "\x1b[5m", "--json").json()
    assert goal["title"] == HOSTILE and goal["unit"] == "\x1b[5m"
    outputs = (gj("goals").out, gj("goal", "add", "\x1b[2Jwipe").out, gj("checkin", "1", "3", "--note", "\x1b").out)
    for output in outputs:
        assert not any(ch in output for ch in "\x1b\x9b\x07")
