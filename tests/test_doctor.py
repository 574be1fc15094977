"""`goaljournal doctor` on damaged copies, `goaljournal backup` while someone writes, and the
rolling automatic backups the app takes when it opens."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import NOW, raw_connect

from goaljournal.store import Store

pytestmark = pytest.mark.plain_journal("damage is made at plain SQLite's page offsets (dbstat)")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "goaljournal", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def journal(db_path: Path) -> Path:
    with Store.open(db_path, clock=lambda: NOW) as store:
        for number in range(400):
            store.add_entry(f"entry {number} about growth and mentoring, written to fill pages @t{number % 9}")
    return db_path


def page_of(path: Path, table: str, kind: str = "leaf") -> int:
    conn = raw_connect(path)
    try:
        pages = [row[0] for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno", (table, kind)
        )]  # fmt: skip
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return (pages[len(pages) // 2] - 1) * size


def damaged_copy(journal: Path, tmp_path: Path, table: str, at: int = 0) -> Path:
    copy = tmp_path / f"damaged-{table}.db"
    data = bytearray(journal.read_bytes())
    start = page_of(journal, table) + at
    for index in range(start, start + 16):  # flip the bytes of a page header
        data[index] ^= 0xFF
    copy.write_bytes(bytes(data))
    return copy


def test_a_healthy_journal_is_healthy(journal: Path) -> None:
    result = run("--db", str(journal), "doctor")
    assert result.returncode == 0 and "verdict: healthy" in result.stdout


@pytest.mark.parametrize("table", ["entries", "entries_fts_data", "entry_tags"])
def test_doctor_finds_a_damaged_page_and_says_how_to_recover(journal: Path, tmp_path: Path, table: str) -> None:
    copy = damaged_copy(journal, tmp_path, table)
    before = copy.read_bytes()
    result = run("--db", str(copy), "doctor")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "problem" in result.stdout and "verdict:" in result.stdout and "verdict: healthy" not in result.stdout
    assert "to recover" in result.stdout and ".recover" in result.stdout
    assert copy.read_bytes() == before


def test_doctor_on_a_damaged_schema_page_still_gives_a_verdict(journal: Path, tmp_path: Path) -> None:
    copy = tmp_path / "damaged-schema.db"
    data = bytearray(journal.read_bytes())
    for index in range(100, 116):  # page 1 after the file header: the schema's own b-tree
        data[index] ^= 0xFF
    copy.write_bytes(bytes(data))
    result = run("--db", str(copy), "doctor")
    assert result.returncode == 1 and "Traceback" not in result.stderr and not result.stdout
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr and "to recover" in result.stderr


def test_doctor_points_at_the_newest_backup(journal: Path, tmp_path: Path) -> None:
    assert run("--db", str(journal), "backup").returncode == 0
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    (copy_dir / "backups").mkdir()
    for backup in (journal.parent / "backups").iterdir():
        (copy_dir / "backups" / backup.name).write_bytes(backup.read_bytes())
    copy = damaged_copy(journal, tmp_path, "entries")
    moved = copy_dir / "journal.db"
    copy.rename(moved)
    result = run("--db", str(moved), "doctor")
    assert result.returncode == 1 and "copy the newest backup" in result.stdout and "backups/journal-" in result.stdout


def test_a_backup_taken_while_another_process_writes_passes_the_check(journal: Path, tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, datetime\nfrom goaljournal.store import Store\ns = Store.open(sys.argv[1], clock=lambda: datetime.datetime(2026, 11, 25, 9, 30))\nprint('ready', flush=True)\n"
         "for n in range(1500): s.add_entry(f'written during the backup {n} @busy')\n", str(journal)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    backups = [tmp_path / f"during-{n}.db" for n in range(5)]
    try:
        for backup in backups:
            assert run("--db", str(journal), "backup", str(backup)).returncode == 0
    finally:
        writer.wait(timeout=60)
    counts = []
    for backup in backups:
        with Store.open(backup, clock=lambda: NOW) as copy:
            assert copy.check() == []
            counts.append(copy.count_entries())
        assert run("--db", str(backup), "doctor").returncode == 0
    assert counts == sorted(counts) and counts[0] >= 400
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.count_entries() == 1900


def test_rolling_backups_keep_one_a_day_and_the_last_seven(db_path: Path) -> None:
    day = [NOW]
    with Store.open(db_path, clock=lambda: day[0]) as store:
        store.add_entry("kept in every backup")
        made = []
        for offset in range(10):
            day[0] = NOW + timedelta(days=offset)
            made.append(store.rolling_backup())
            assert store.rolling_backup() is None  # one a day
        folder = db_path.parent / "backups"
        kept = sorted(path.name for path in folder.iterdir())
        assert kept == [f"journal-auto-{(NOW + timedelta(days=n)).date()}.db" for n in range(3, 10)]
        assert all(path is not None for path in made)
        with Store.open(folder / kept[-1], clock=lambda: NOW) as newest:
            assert newest.check() == [] and newest.count_entries() == 1


def test_the_app_opens_at_once_and_the_rolling_backup_follows(db_path: Path) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("before the app opened")
        thread = store.start_rolling_backup()
        assert isinstance(thread, threading.Thread) and thread.daemon
        store.add_entry("written while the backup runs")  # the app is not held up
        thread.join(timeout=30)
    backup = db_path.parent / "backups" / f"journal-auto-{NOW.date()}.db"
    assert backup.exists() and not list(backup.parent.glob("*.partial"))


def test_a_rolling_backup_cut_short_is_not_taken_for_a_backup(db_path: Path) -> None:
    folder = db_path.parent / "backups"
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("words")
        folder.mkdir(mode=0o700)
        (folder / f"journal-auto-{NOW.date()}.db.partial").write_bytes(b"half a copy")
        assert store.rolling_backup() is not None
    assert [p.name for p in folder.iterdir()] == [f"journal-auto-{NOW.date()}.db"]


def test_a_read_only_journal_takes_no_rolling_backup(db_path: Path) -> None:
    Store.open(db_path, clock=lambda: NOW).close()
    db_path.chmod(0o400)
    with Store.open(db_path, clock=lambda: datetime(2026, 11, 25)) as store:
        assert store.rolling_backup() is None
    assert not (db_path.parent / "backups").exists()
