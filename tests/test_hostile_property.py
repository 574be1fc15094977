"""Hostile text, generated: whatever a user types, pastes or imports is kept byte for byte or
refused with one line; nothing raises.

Hypothesis runs derandomized (the same examples every run) with modest example counts; the
command line is driven in-process through ``cli.main`` so each example costs milliseconds.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NOW

from goaljournal import cli
from goaljournal.core.deadlines import deadline_from, deadline_from_field, find_deadline
from goaljournal.core.smart import smart_report
from goaljournal.store import Store

SETTINGS = settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
# Valid Unicode text (no lone surrogates), weighted towards the characters that cause trouble.
NASTY = st.sampled_from([
    "\x00", "\x1b", "\x1b[31m", "\x1b]52;c;aGk=\x07", "\x1b]0;title\x07", "\x07", "\x9b", "\r", "\r\n", "\u2028",
    "\t", "\n", '"', "'", "[/]", "[bold]", "[@click=app.quit]", "*", "@", "@tag", "NEAR(", "AND", "^", ":",
    "\ufeff", "\u202e", "\U0001f600", "e\u0301", "\ufffd", " ",
])  # fmt: skip
TEXT = st.lists(st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12), NASTY), max_size=12).map("".join)
BASE_DAY = date(2001, 1, 1)


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exit:  # argparse's usage errors
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


class Journal:
    """One journal shared by a test's examples; each logged entry gets a day of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.days = 0
        Store.open(path, clock=lambda: NOW).close()

    def next_day(self) -> str:
        self.days += 1
        return (BASE_DAY + timedelta(days=self.days)).isoformat()


@pytest.fixture
def journal(db_path: Path) -> Journal:
    return Journal(db_path)


@SETTINGS
@given(text=TEXT)
def test_any_text_logged_comes_back_byte_for_byte(journal: Journal, capsys: pytest.CaptureFixture[str], text: str) -> None:
    day = journal.next_day()
    code, out, err = run_cli(["--db", str(journal.path), "log", "--json", "--at", day, "--", text], capsys)
    if not text.strip() or text == "-":
        assert code == 1 and err.count("\n") == 1  # empty: refused with one line
        return
    assert code == 0, err
    logged = json.loads(out)
    assert logged["text"] == text
    code, out, err = run_cli(["--db", str(journal.path), "search", "--json", "--from", day, "--to", day], capsys)
    assert code == 0, err
    assert [entry["text"] for entry in json.loads(out)] == [text]
    code, out, _ = run_cli(["--db", str(journal.path), "export"], capsys)
    exported = {row["uuid"]: row["text"] for row in json.loads(out)["entries"]}
    assert exported[logged["uuid"]] == text
    assert all(ch not in out for ch in "\x1b\x07\x9b")  # escape codes never reach the terminal raw


def test_a_lone_surrogate_is_refused_with_a_message(journal: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    # What Python makes of invalid UTF-8 on the command line (surrogateescape).
    for text in ("\udc80", "ok then \udc80", "\ud800 high"):
        code, _, err = run_cli(["--db", str(journal.path), "log", "--", text], capsys)
        assert code == 1 and "not valid Unicode" in err and err.count("\n") == 1
    with Store.open(journal.path, clock=lambda: NOW) as store:
        assert store.count_entries() == 0


FTS_SYNTAX = ["", '"', '""', "'\"\"'", "\x00", "   ", "\t\n", "*", "**", "a*", "*a", "AND", "OR", "NOT", "NEAR(a b)",
              "a OR", "(", ")", "^a", "col:x", "text:x", "-x", "+", "{a b}", "a NEAR/2 b", "\"unterminated", "\u0000*"]  # fmt: skip


@SETTINGS
@given(query=st.one_of(st.sampled_from(FTS_SYNTAX), TEXT))
def test_search_never_raises(store: Store, query: str) -> None:
    if store.count_entries() == 0:
        store.add_entry('a "quoted" AND NEAR(x y) entry with col:x and * @tag')
    found = store.search(query)
    assert isinstance(found, list)
    assert isinstance(store.match_spans(query, [entry.id for entry in found]), dict)


@pytest.mark.parametrize("query", FTS_SYNTAX[1:])
def test_search_from_the_command_line_never_raises(journal: Journal, capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run_cli(["--db", str(journal.path), "search", "--json", "--", query], capsys)
    assert code in (0, 2) and "Traceback" not in err
    if code == 0:
        assert json.loads(out) == []


DEADLINE_WORDS = st.sampled_from([
    "by", "in", "within", "before", "end of", "Q1", "Q2", "Q4", "next", "this", "quarter", "year's end", "March 31",
    "December 2027", "2025", "2026", "1999", "0", "31", "Feb 30", "June", "summer", "three months", "last", "ago",
    "week", "$5,000", "15%", "12 books", "two events per month", "yesterday", "tomorrow", "Friday", "Christmas",
])  # fmt: skip
GOAL_TEXT = st.lists(st.one_of(DEADLINE_WORDS, TEXT), max_size=8).map(" ".join)
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@SETTINGS
@given(text=GOAL_TEXT, today=DAYS)
def test_deadlines_and_smart_never_raise_and_never_lie_in_the_past(text: str, today: date) -> None:
    """Relative phrases ("by March 31", "Q2", "next June") always resolve to today or later. A
    phrase naming its year outright ("2025", "2025-06-30") is taken at its word, and SMART then
    says the deadline has passed rather than quietly moving it."""
    for found in (find_deadline(text, today), deadline_from_field(text, today)):
        if found is not None and found.day < today:
            assert re.search(r"\d{4}", found.phrase), (text, today, found)
    deadline = deadline_from(text, today)
    assert deadline is None or deadline >= today, (text, today, deadline)
    report = smart_report(text, today)
    if report.deadline is not None and report.deadline < today:
        assert report.time_bound.ok is False and "passed" in report.time_bound.why
    shown = report.as_json()["deadline"]
    assert shown is None or shown >= today.isoformat(), (text, today, shown)
    json.dumps(report.as_json())


# -- imports of files that are not what they claim -------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
TABLES = ["entries", "tags", "entry_tags", "goals", "milestones", "checkins", "skills", "ratings",
          "assessments", "assessment_items", "revisions", "entry_goals", "daily_checkins"]  # fmt: skip
ROW_KEYS = ["uuid", "text", "at", "kind", "name", "title", "goal_uuid", "entry_uuid", "tag_uuid", "day", "value",
            "starred", "status", "created_at", "updated_at", "rating", "skill_uuid", "assessment_uuid"]  # fmt: skip
ROWS = st.lists(st.dictionaries(st.sampled_from(ROW_KEYS), JSON_VALUES, max_size=6), max_size=3)
EXPORTS = st.fixed_dictionaries(
    {"format": st.sampled_from(["goaljournal", "jrnl", 1]), "version": st.sampled_from([1, 0, 2, "1", None])},
    optional={table: st.one_of(ROWS, JSON_VALUES) for table in TABLES},
)


def assert_refused_or_added(journal: Journal, capsys: pytest.CaptureFixture[str], content: bytes, fmt: str) -> None:
    source = journal.path.parent / "import.txt"
    source.write_bytes(content)
    with Store.open(journal.path, clock=lambda: NOW) as store:
        before = store.counts()
    code, _, err = run_cli(["--db", str(journal.path), "import", "--format", fmt, str(source)], capsys)
    assert "Traceback" not in err
    assert code in (0, 1), err
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("goaljournal: ")
        with Store.open(journal.path, clock=lambda: NOW) as store:
            assert store.counts() == before  # nothing imported
    with Store.open(journal.path, clock=lambda: NOW) as store:
        assert store.check() == []


@SETTINGS
@given(data=EXPORTS)
def test_a_wrong_shaped_json_export_is_refused_or_imported_whole(journal: Journal, capsys: pytest.CaptureFixture[str], data: dict) -> None:
    assert_refused_or_added(journal, capsys, json.dumps(data).encode(), "json")


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=40))
def test_a_truncated_or_garbled_json_export_imports_nothing(
    journal: Journal, capsys: pytest.CaptureFixture[str], sample_export: bytes, cut: int, junk: bytes
) -> None:
    cut = cut % len(sample_export)
    content = sample_export[:cut] + junk
    assert_refused_or_added(journal, capsys, content, "json")


@pytest.fixture
def sample_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    source = tmp_path / "source.db"
    with Store.open(source, clock=lambda: NOW) as store:
        goal = store.add_goal("Read 12 books in 2027", target=12, unit="books")
        store.add_milestone(goal, "First book", due="2027-01-31")
        store.add_checkin(goal, 2, at="2026-11-01")
        store.add_entry("A line @reading", goal_ids=[goal])
    code, out, _ = run_cli(["--db", str(source), "export"], capsys)
    assert code == 0
    return out.encode()


JRNL_LINES = st.sampled_from(["[2026-11-24 09:00] Title", "[2026-13-45 99:99] bad", "[2026-11-24 09:00]", "@tag", "*",
                              "[", "]", "", "body text", "[2026-11-24 09:00] *Starred @t", "\x00"])  # fmt: skip


@SETTINGS
@given(lines=st.lists(st.one_of(JRNL_LINES, TEXT), max_size=8), junk=st.binary(max_size=30))
def test_a_jrnl_import_of_any_file_is_refused_or_imported_whole(
    journal: Journal, capsys: pytest.CaptureFixture[str], lines: list[str], junk: bytes
) -> None:
    assert_refused_or_added(journal, capsys, "\n".join(lines).encode() + junk, "jrnl")


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00", b"{", b"[]", b"null", b'{"format": "goaljournal"}',
                                     b'{"format": "goaljournal", "version": 1, "entries": {}}'])  # fmt: skip
def test_json_imports_of_odd_files_give_one_line(journal: Journal, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    assert_refused_or_added(journal, capsys, content, "json")


