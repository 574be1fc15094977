"""jrnl's plain-text journal: import and export, on journal files that jrnl 4.6 itself wrote.

tests/fixtures/jrnl/minutes.txt and seconds-ampm.txt hold the same seven entries, written by
jrnl 4.6 with ``timeformat: '%Y-%m-%d %H:%M'`` and with its first-run default ``'%F %r'``
(make_fixtures.sh there shows how): tags, stars, multi-line bodies, blank lines inside a body
and non-ASCII text.
"""

from __future__ import annotations

import io
import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NOW, raw_connect

from goaljournal.cli import _progress_bar, main
from goaljournal.core.jrnl import format_jrnl, jrnl_text, parse_jrnl
from goaljournal.exports import export_text
from goaljournal.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "jrnl"
MINUTES = FIXTURES / "minutes.txt"
AMPM = FIXTURES / "seconds-ampm.txt"

# What each fixture entry is: (moment, title, starred, @tags).
EXPECTED = [
    ("2026-11-02 08:15:00", "Started the PMP study plan.", False, {"pmp", "study"}),
    ("2026-11-09 18:40:00", "Met Priya for coffee @networking.", False, {"networking", "mentoring"}),
    ("2026-11-18 12:00:00", "Passed practice exam 2 with 78%!", True, set()),
    ("2026-11-20 21:05:00", "Café notes — Zürich trip, naïve résumé ideas 🚀 @travel", False, {"travel", "résumé"}),
    ("2026-11-24 09:00:00", "Quarterly review prep.", True, {"review", "pmp"}),
    ("2026-11-24 17:30:00", "A title with no body", False, set()),
    ("2026-11-25 07:45:00", "Morning pages? Done!", False, {"work-life"}),
]


def run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db_path: Path) -> list[tuple[Any, ...]]:
    with raw_connect(db_path) as conn:
        return conn.execute("SELECT at, text, starred FROM entries ORDER BY at, id").fetchall()


@pytest.mark.parametrize("fixture", [MINUTES, AMPM], ids=["minutes", "seconds-ampm"])
def test_parse_reads_every_entry_as_jrnl_wrote_it(fixture: Path) -> None:
    entries = list(parse_jrnl(fixture.read_text(encoding="utf-8")))
    assert [(e.at, e.text.split("\n")[0], e.starred) for e in entries] == [(at, title, star) for at, title, star, _ in EXPECTED]
    coffee = entries[1].text
    # A body keeps its blank lines, including two in a row.
    assert coffee.endswith("We agreed on three things:\n- send the draft by Friday\n- keep it under 20 minutes\n\n\nFollow up next week. @mentoring")
    assert "日本語のメモ" in entries[3].text and "✨" in entries[3].text
    assert entries[5].text == "A title with no body"


def test_both_time_formats_give_the_same_journal() -> None:
    minutes = list(parse_jrnl(MINUTES.read_text(encoding="utf-8")))
    ampm = list(parse_jrnl(AMPM.read_text(encoding="utf-8")))
    assert [(e.at, e.text, e.starred, e.uuid) for e in minutes] == [(e.at, e.text, e.starred, e.uuid) for e in ampm]


@pytest.mark.parametrize(("fixture", "time_format"), [(MINUTES, None), (AMPM, "%F %r")], ids=["minutes", "seconds-ampm"])
def test_jrnl_to_goaljournal_to_jrnl_is_the_same_file(
    fixture: Path, time_format: str | None, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", db_path, "import", "--format", "jrnl", fixture)
    assert (code, out, err) == (0, "imported 7 entries\n", "")
    exported = tmp_path / "back.txt"
    extra = ["--time-format", time_format] if time_format else []
    assert run(capsys, "--db", db_path, "export", "--format", "jrnl", "-o", exported, *extra)[0] == 0
    assert exported.read_bytes() == fixture.read_bytes()
    assert exported.stat().st_mode & 0o777 == 0o600


def test_tags_and_stars_land_in_the_journal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", MINUTES)[0] == 0
    with Store.open(db_path, clock=lambda: NOW) as store:
        entries = list(reversed(store.entries(limit=50)))
        assert [(e.at, set(e.tags), bool(e.starred)) for e in entries] == [(at, tags, star) for at, _, star, tags in EXPECTED]
        assert store.search("Zürich")[0].at == "2026-11-20 21:05:00"  # in the full-text index
        assert {name for name, _ in store.tag_counts()} >= {"pmp", "résumé", "work-life"}
        assert "example" not in {name for name, _ in store.tag_counts()}  # me@example.com is no tag


def test_importing_the_same_file_twice_adds_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", MINUTES)[0] == 0
    before = rows(db_path)
    code, out, _ = run(capsys, "--db", db_path, "import", "--format", "jrnl", MINUTES)
    assert (code, out) == (0, "nothing new to import: every entry is already in the journal\n")
    # The other time format names the same moments: nothing new either.
    code, out, _ = run(capsys, "--db", db_path, "--json", "import", "--format", "jrnl", AMPM)
    assert code == 0 and '"entries": 0' in out and '"already_present": 7' in out
    assert rows(db_path) == before


def test_a_goaljournal_journal_exported_and_read_back_adds_nothing(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.add_entry("Shipped the dashboard\nIt took two weeks. @work", at="2026-11-20 10:00:00", starred=True)
    store.add_entry("One line only", at="2026-11-21 11:30:00")
    store.add_entry("A private note", at="2026-11-22 08:00:00", private=True)
    out = tmp_path / "journal.txt"
    assert run(capsys, "--db", db_path, "export", "--format", "jrnl", "-o", out)[0] == 0
    text = out.read_text(encoding="utf-8")
    assert text == "[2026-11-20 10:00] Shipped the dashboard *\nIt took two weeks. @work\n\n[2026-11-21 11:30] One line only\n"
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", out)[1].startswith("nothing new")
    code, private_out, _ = run(capsys, "--db", db_path, "export", "--format", "jrnl", "--include-private")
    assert code == 0 and "[2026-11-22 08:00] A private note" in private_out


def test_a_body_line_that_looks_like_a_date_inside_brackets_stays_in_the_body() -> None:
    text = "[2026-01-05 10:00] Title\n[not a date] still the body\nand [2026-01-06 10:00] mid-line\n"
    (entry,) = parse_jrnl(text)
    assert entry.text == "Title\n[not a date] still the body\nand [2026-01-06 10:00] mid-line"


def test_format_writes_what_parse_reads() -> None:
    rows_in = [("2026-03-01 09:05:00", "Title line\n\nbody after a blank\n\nend", True), ("2026-03-02 18:00:00", "Only a title", False)]
    text = "".join(format_jrnl((at, text, star, []) for at, text, star in rows_in))
    assert [(e.at, e.text, e.starred) for e in parse_jrnl(text)] == rows_in


def test_tags_that_are_not_in_the_text_are_written_into_it() -> None:
    # A Day One entry keeps its tags beside the text; jrnl has only the text to keep them in.
    rows_in = [("2026-03-01 09:05:00", "Coffee with Priya @mentoring\nbody #pmp", False, ["mentoring", "pmp", "career-growth"])]
    assert "".join(format_jrnl(rows_in)) == "[2026-03-01 09:05] Coffee with Priya @mentoring\nbody #pmp @career-growth\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some notes\nwith no dates\n", "holds no jrnl entries"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_a_file_that_is_not_a_jrnl_journal_is_refused_and_nothing_changes(
    content: bytes, message: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", MINUTES)[0] == 0
    before = rows(db_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "--db", db_path, "import", "--format", "jrnl", bad)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1 and "Traceback" not in err
    assert rows(db_path) == before


def test_a_missing_file_is_a_one_line_error(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", db_path, "import", "--format", "jrnl", tmp_path / "nope.txt")
    assert code == 1 and "cannot read" in err and err.count("\n") == 1


def test_the_progress_bar_shows_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert _progress_bar("importing") is None
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    show = _progress_bar("importing")
    assert show is not None
    show(5000, 10000)
    show(10000, 10000)
    assert terminal.getvalue() == "\rimporting [###############...............]  50%\rimporting [##############################] 100%\n"


def test_bulk_import_reports_progress_and_links_tags(store: Store) -> None:
    text = "".join(
        f"[2026-01-01 {n // 60:02d}:{n % 60:02d}] Entry {n} @bulk{n % 3}\nbody #hashtag\n\n" for n in range(1200)
    )
    calls: list[tuple[int, int]] = []
    added, present = store.import_entries(parse_jrnl(text), progress=lambda done, total: calls.append((done, total)))
    assert (added, present) == (1200, 0)
    assert calls[0] == (1200, 2400) and calls[-1] == (2400, 2400)  # rows, then index and tags
    counts = dict(store.tag_counts())
    assert counts["bulk0"] == 400 and counts["hashtag"] == 1200  # jrnl's default "#" tags too
    assert store.count_entries(query="Entry") == 1200
    assert store.check() == []


def test_a_jrnl_folder_journal_is_read_day_file_by_day_file(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # jrnl's "folder" journals keep one file a day, YYYY/MM/DD.txt, in the same format.
    entries = list(parse_jrnl(MINUTES.read_text(encoding="utf-8")))
    for entry in entries:
        day = tmp_path / "folder" / entry.at[:4] / entry.at[5:7] / f"{entry.at[8:10]}.txt"
        day.parent.mkdir(parents=True, exist_ok=True)
        with day.open("a", encoding="utf-8") as out:
            out.write("".join(format_jrnl([(entry.at, entry.text, entry.starred, [])])) + "\n")
    code, out, _ = run(capsys, "--db", db_path, "import", "--format", "jrnl", tmp_path / "folder")
    assert (code, out) == (0, "imported 7 entries\n")
    code, out, _ = run(capsys, "--db", db_path, "export", "--format", "jrnl")
    assert out == MINUTES.read_text(encoding="utf-8")


# -- reading back a jrnl export adds nothing, for any journal ---------------------------------


def test_an_entry_logged_now_with_seconds_is_not_imported_again(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", str(db_path), "log", "Shipped it"], clock=lambda: NOW.replace(second=17)) == 0
    out = tmp_path / "journal.txt"
    assert run(capsys, "--db", db_path, "export", "--format", "jrnl", "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8") == "[2026-11-25 09:30:17] Shipped it\n"  # the minutes format would lose :17
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", out)[1].startswith("nothing new")
    assert rows(db_path) == [("2026-11-25 09:30:17", "Shipped it", 0)]
    fresh = tmp_path / "fresh.db"
    assert run(capsys, "--db", fresh, "import", "--format", "jrnl", out)[1] == "imported 1 entry\n"
    assert rows(fresh) == rows(db_path)


def test_a_journal_rewritten_by_jrnl_in_minutes_adds_nothing(store: Store) -> None:
    # jrnl rewrites its file in its own time format, minutes only: the seconds are gone.
    store.add_entry("Shipped it", at="2026-11-25 09:30:17")
    assert store.import_entries(parse_jrnl("[2026-11-25 09:30] Shipped it\n")) == (0, 1)


@pytest.mark.parametrize(
    ("text", "starred"),
    [
        ("Title\n[2020-01-01 10:00] x", False),  # a body line that starts like an entry
        ("Title\n\\[2020-01-01 10:00] x", False),  # ... already escaped
        ("Title\n[not a date] x", True),
        ("Rated it *", False),  # a title ending in " *" that is no star
        ("Rated it **", True),
        ("Footnote*\nbody", False),
        ("Path ends in *\\", False),
        ("Ends in a backslash\\", True),
    ],
)
def test_text_that_looks_like_jrnl_syntax_comes_back_as_it_was(
    text: str, starred: bool, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry(text, at="2026-11-20 10:00:00", starred=starred)
    out = tmp_path / "journal.txt"
    assert run(capsys, "--db", db_path, "export", "--format", "jrnl", "-o", out)[0] == 0
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", out)[1].startswith("nothing new")
    fresh = tmp_path / "fresh.db"
    assert run(capsys, "--db", fresh, "import", "--format", "jrnl", out)[1] == "imported 1 entry\n"
    assert rows(fresh) == rows(db_path) == [("2026-11-20 10:00:00", text, int(starred))]


def test_cr_only_line_ends_still_separate_entries() -> None:
    entries = list(parse_jrnl("[2026-01-03 10:00] A\rbody\r\r[2026-01-03 11:00] B *\r"))
    assert [(e.at, e.text, e.starred) for e in entries] == [("2026-01-03 10:00:00", "A\nbody", False), ("2026-01-03 11:00:00", "B", True)]


def test_identical_entries_in_a_file_are_each_imported_and_counted(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    three = tmp_path / "three.txt"
    three.write_text("[2026-01-02 10:00] Same\n\n[2026-01-02 10:00] Same\n\n[2026-01-02 10:00] Same\n", encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", three)[1] == "imported 3 entries\n"
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", three)[1].startswith("nothing new")
    code, out, _ = run(capsys, "--db", db_path, "--json", "import", "--format", "jrnl", three)
    assert json.loads(out) == {"entries": 0, "already_present": 3}
    # A file with one more of them adds just that one.
    three.write_text(three.read_text(encoding="utf-8") + "\n[2026-01-02 10:00] Same\n", encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", three)[1] == "imported 1 entry (3 already in the journal)\n"
    assert len(rows(db_path)) == 4


@pytest.mark.parametrize("moment", ["0001-01-01 10:00", "9999-12-31 10:00", "0999-12-31 23:59"])
def test_a_jrnl_entry_outside_the_journal_years_is_refused(
    moment: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", MINUTES)[0] == 0
    before = rows(db_path)
    bad = tmp_path / "bad.txt"
    bad.write_text(f"[2026-01-01 10:00] fine\n\n[{moment}] too far\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db_path, "import", "--format", "jrnl", bad)
    assert (code, out) == (1, "") and err.count("\n") == 1 and "line 3" in err and "Traceback" not in err
    assert rows(db_path) == before


def test_an_empty_jrnl_file_is_refused(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "--db", db_path, "import", "--format", "jrnl", empty)
    assert (code, out) == (1, "") and err.count("\n") == 1 and "holds no jrnl entries" in err


# Text weighted towards what jrnl's format gives a meaning to: brackets at a line's start, stars
# and backslashes at a title's end, blank lines, CR line ends, spaces around lines, tags.
_JRNL_PIECES = st.sampled_from([
    "[2020-01-01 10:00] ", "\\[2020-01-01 10:00] x", "[not a date] ", "[x]", " *", "*", "**", "\\", "\\*", "\r", "\r\n",
    "\n", "\n\n", " ", "\t", "@tag", "#hash", "@Work", "title", "body", "\u2028", "\ufeff", "é", "\x00",
])  # fmt: skip
_JRNL_TEXT = (
    st.lists(st.one_of(_JRNL_PIECES, st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)), min_size=1, max_size=10)
    .map("".join)
    .filter(lambda text: text.strip() != "")
)
_MOMENT = st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9998, 12, 31, 23, 59, 59)).map(
    lambda moment: moment.replace(microsecond=0)
)
_ENTRY = st.tuples(
    st.one_of(_MOMENT, st.sampled_from([datetime(2026, 1, 2, 10, 0, 0), datetime(2026, 1, 2, 10, 0, 41)])),
    _JRNL_TEXT,
    st.booleans(),
    st.lists(st.sampled_from(["work", "Work", "career-growth", "two words", "日本"]), max_size=3),
)


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(entries=st.lists(_ENTRY, max_size=6), copies=st.lists(st.integers(min_value=0, max_value=5), max_size=3))
def test_any_journal_exported_to_jrnl_and_read_back_adds_nothing(
    entries: list[tuple[datetime, str, bool, list[str]]], copies: list[int], tmp_path: Path
) -> None:
    entries = entries + [entries[i] for i in copies if i < len(entries)]  # identical entries too
    source_path, target_path, empty = tmp_path / "source.db", tmp_path / "target.db", tmp_path / "empty.db"
    if not empty.exists():  # an empty journal to copy: creating one per example would take most of the time
        Store.open(empty, clock=lambda: NOW).close()
    for path in (source_path, target_path):
        shutil.copyfile(empty, path)
    with Store.open(source_path, clock=lambda: NOW) as source:
        for moment, text, starred, tags in entries:
            source.add_entry(text, at=moment, starred=starred, tags=tags)
        exported = "".join(export_text(source, "jrnl"))
        expected = [
            (e.at, jrnl_text(e.text, e.tags), e.starred) for e in source.entries_for_export()
        ]
        assert source.import_entries(parse_jrnl(exported)) == (0, len(entries))
    with Store.open(target_path, clock=lambda: NOW) as target:
        assert target.import_entries(parse_jrnl(exported)) == (len(entries), 0)
        assert [(e.at, e.text, e.starred) for e in target.entries_for_export()] == expected
        assert "".join(export_text(target, "jrnl")) == exported
    for _, text, _, tags in entries:
        # The text is kept as it was, but for what jrnl's format cannot hold; reading is stable.
        assert jrnl_text(jrnl_text(text, tags)) == jrnl_text(text, tags)
        first_line = text.split("\n")[0]
        if not tags and "\r" not in text and first_line == first_line.strip() and text == text.rstrip():
            assert jrnl_text(text) == text
