"""Day One's JSON export, imported: the Journal.json of an export and the zip around it.

No real Day One export is at hand: tests/fixtures/dayone/Journal.json is written by hand after
Day One's documented export format (uuid, creationDate in UTC, timeZone, Markdown text with
escaped punctuation, tags, starred, and the fields goaljournal ignores: location, weather,
photos), and dayone-export.zip holds it with a photo, as Day One's export zip does.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, raw_connect

from goaljournal.cli import main
from goaljournal.core.dayone import NotDayOne, parse_dayone
from goaljournal.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "dayone"
JSON = FIXTURES / "Journal.json"
ZIP = FIXTURES / "dayone-export.zip"


def run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_entries_come_with_local_time_text_tags_and_star() -> None:
    entries = list(parse_dayone(JSON.read_bytes()))
    assert [e.at for e in entries] == ["2025-03-14 09:05:12", "2025-06-02 13:45:00", "2025-06-04 08:30:00"]
    coffee = entries[0]
    assert coffee.starred and coffee.tags == ["mentoring", "career-growth"]
    assert coffee.uuid == "0e5c3d1a7b2f4c8e9a6d5b4c3e2f1a0b"
    # Day One's escapes are gone: the text reads as the user wrote it, Markdown and all.
    assert coffee.text.startswith("# Coffee with Priya\n\nShe thinks I'm ready to lead the analytics guild. Three")
    assert "1. Say no to ad-hoc requests" in coffee.text and coffee.text.endswith("naïve but hopeful!")
    assert not any(e.text == "" for e in entries)  # the empty entry is skipped


def test_the_zip_reads_the_same_as_its_json() -> None:
    assert list(parse_dayone(ZIP.read_bytes())) == list(parse_dayone(JSON.read_bytes()))


def test_import_from_the_zip_then_the_json_adds_each_entry_once(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db_path, "import", "--format", "dayone", ZIP)[:2] == (0, "imported 3 entries\n")
    assert run(capsys, "--db", db_path, "import", "--format", "dayone", JSON)[1].startswith("nothing new to import")
    with Store.open(db_path, clock=lambda: NOW) as store:
        entries = store.entries()
        assert len(entries) == 3
        assert {tag for e in entries for tag in e.tags} == {"mentoring", "career-growth", "pmp", "presenting"}
        assert [e.id for e in store.entries(starred=True)] == [e.id for e in entries if e.at.startswith("2025-03-14")]
        assert store.search("東京出張")
    # On to jrnl, which keeps tags only in the text: Day One's tags are written into it.
    code, out, _ = run(capsys, "--db", db_path, "export", "--format", "jrnl")
    # Day One keeps seconds; the minutes format would drop them, so that entry's date has them.
    assert code == 0 and "[2025-03-14 09:05:12] # Coffee with Priya *\n" in out and "hopeful! @career-growth @mentoring\n" in out
    assert "[2025-06-04 08:30] 東京出張。" in out
    # Read back, that jrnl file (tags written into the text, seconds and all) adds nothing.
    exported = tmp_path / "journal.txt"
    exported.write_text(out, encoding="utf-8")
    assert run(capsys, "--db", db_path, "import", "--format", "jrnl", exported)[1].startswith("nothing new to import")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "invalid JSON"),
        (b'{"metadata": {}}', 'no "entries" list'),
        (b'{"entries": [{"text": "no date"}]}', "no creationDate"),
        (b'{"entries": [{"creationDate": "last tuesday", "text": "x"}]}', "not an ISO date"),
    ],
)
def test_a_file_that_is_not_a_day_one_export_is_refused(
    content: bytes, message: str, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, out, err = run(capsys, "--db", db_path, "import", "--format", "dayone", bad)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1
    with raw_connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 0


def test_a_zip_without_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photos/a.jpeg", b"\xff\xd8")
    with pytest.raises(NotDayOne, match="no .json file"):
        list(parse_dayone(path.read_bytes()))
