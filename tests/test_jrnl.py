"""jrnl's plain-text journal: import and export, on journal files that jrnl 4.6 itself wrote.

tests/fixtures/jrnl/minutes.txt and seconds-ampm.txt hold the same seven entries, written by
jrnl 4.6 with ``timeformat: '%Y-%m-%d %H:%M'`` and with its first-run default ``'%F %r'``
(make_fixtures.sh there shows how): tags, stars, multi-line bodies, blank lines inside a body
and non-ASCII text.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW

from goaljournal.cli import _progress_bar, main
from goaljournal.core.jrnl import format_jrnl, parse_jrnl
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
    with sqlite3.connect(db_path) as conn:
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
