"""Deleting for good: after an entry is purged from the trash, its words are nowhere in the files.

FTS5 keeps a deleted document's words in its segments until they are merged, and SQLite leaves
deleted bytes in free pages and in the -wal; the purge must clear all three.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NOW, render_screen_text

from goaljournal.store import InvalidInput, JournalError, Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.reflections.screen import ReflectionsScreen

pytestmark = pytest.mark.plain_journal("a purge is proven by finding no trace of the text in the file's bytes")

SECRET = "zanzibarquokka"  # a word in no other entry
SECRET_TAG = "hushhushtagxyz"


def file_bytes(path: Path) -> bytes:
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def fill(store: Store) -> int:
    for number in range(300):  # enough entries for the index to hold several segments
        store.add_entry(f"ordinary entry {number} about meetings and mentoring @work")
    secret = store.add_entry(f"Private note: {SECRET} said something I must not keep @{SECRET_TAG}")
    for number in range(50):
        store.add_entry(f"later entry {number} @work")
    return secret


def test_a_purged_entry_leaves_no_trace_in_the_file_or_the_wal(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    assert SECRET.encode() in file_bytes(db_path)  # the control: the test can see the words
    assert store.purge_entry(secret) is True
    data = file_bytes(db_path)
    assert SECRET.encode() not in data and SECRET_TAG.encode() not in data
    assert store.check() == []
    assert store.search(SECRET) == [] and store.count_entries(trashed=True) == 0
    assert store.count_entries() == 350 and len(store.search("mentoring", limit=500)) == 300
    assert SECRET_TAG not in [name for name, _ in store.tag_counts()]


def test_the_words_stay_on_disk_without_the_optimize_and_checkpoint(store: Store, db_path: Path) -> None:
    """Negative control: a plain DELETE of the row (what purge improves on) leaves the words."""
    secret = fill(store)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', ?, ?)",
            (secret, store.get_entry(secret).text),
        )
        conn.execute("DELETE FROM entries WHERE id = ?", (secret,))
    assert SECRET.encode() in file_bytes(db_path)


def test_only_an_entry_in_the_trash_can_be_purged(store: Store) -> None:
    entry = store.add_entry("still wanted")
    with pytest.raises(InvalidInput, match="not in the trash"):
        store.purge_entry(entry)
    assert store.get_entry(entry).text == "still wanted"


async def test_p_twice_in_the_trash_purges_the_highlighted_entry(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        await pilot.press("P")  # outside the trash: only a hint
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("P")  # armed, not yet purged
        await pilot.pause()
        assert store.count_entries(trashed=True) == 1
        await pilot.press("P")
        await pilot.pause()
        assert store.count_entries(trashed=True) == 0
        messages = [str(n.message) for n in app._notifications]
        assert any("again" in m for m in messages) and any("for good" in m for m in messages)
    assert SECRET.encode() not in file_bytes(db_path)


# Another program reading the journal: it opens a read transaction (its snapshot of the journal,
# secret included), says so, and keeps it until told to go on.
READER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN")
conn.execute("SELECT count(*) FROM entries").fetchone()
print("reading", flush=True)
if len(sys.argv) > 2:
    time.sleep(float(sys.argv[2]))  # a short read, over by itself
else:
    sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
print("done", flush=True)
"""


@contextlib.contextmanager
def reader_in_another_process(path: Path, *, seconds: float | None = None) -> Iterator[subprocess.Popen[str]]:
    """A read held until ``finish``, or for ``seconds``."""
    hold = [] if seconds is None else [str(seconds)]
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(path), *hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline() == "reading\n"
        yield reader
    finally:
        if reader.poll() is None:
            finish(reader)


def finish(reader: subprocess.Popen[str]) -> None:
    out, _ = reader.communicate("go\n", timeout=30)
    assert out == "done\n"


def test_a_purge_waits_for_a_short_read_to_end(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    with reader_in_another_process(db_path, seconds=0.5):
        assert store.purge_entry(secret) is True
    assert SECRET.encode() not in file_bytes(db_path)


def test_a_purge_a_reader_holds_up_says_so_and_is_finished_once_it_ends(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    with reader_in_another_process(db_path) as reader:
        started = time.monotonic()
        assert store.purge_entry(secret) is False  # the reader keeps its copy: not "done"
        assert time.monotonic() - started < 10  # bounded: the caller is not held up for ever
        assert SECRET.encode() in file_bytes(db_path)
        assert store.purge_pending()
        finish(reader)
    assert store.count_entries(trashed=True) == 0  # the entry itself is gone
    assert store.wipe_purged() is True and not store.purge_pending()
    assert SECRET.encode() not in file_bytes(db_path)


def test_the_purge_check_finds_a_text_left_in_the_file(store: Store, db_path: Path) -> None:
    """Control for the check purge relies on: an entry deleted without secure_delete leaves its
    bytes, and the check finds them (so such a purge would not be reported done)."""
    secret = store.add_entry(f"Private note: {SECRET} said something I must not keep")
    store.add_entry("a later entry")
    text = store.get_entry(secret).text
    with store.transaction() as conn:
        conn.execute("PRAGMA secure_delete = OFF")
        conn.execute("DELETE FROM entries WHERE id = ?", (secret,))
    assert store._traces_left([text])
    assert not store._traces_left(["a text this journal never held"])


async def purge_in_the_app(app: GoalJournalApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
    await pilot.press("r")
    await pilot.pause()
    await pilot.press("T")
    await pilot.pause()
    await pilot.press("P", "P")
    await pilot.pause()
    return [str(n.message) for n in app._notifications]


async def test_the_app_does_not_say_deleted_for_good_while_another_program_holds_the_text(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    app = GoalJournalApp(store, today=NOW.date())
    with reader_in_another_process(db_path) as reader:
        async with app.run_test(size=(120, 36)) as pilot:
            messages = await purge_in_the_app(app, pilot)
            assert not any("for good." in m for m in messages)
            assert any("another program" in m and "older copy" in m for m in messages)
            assert store.count_entries(trashed=True) == 0
            finish(reader)
            await pilot.press("P")  # the other program has closed: P wipes what it held
            await pilot.pause()
            assert "wiped" in [str(n.message) for n in app._notifications][-1]
    assert SECRET.encode() not in file_bytes(db_path)


def every_file_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def make_automatic_backups(store: Store, days: list[str]) -> list[Path]:
    folder = store.path.parent / "backups"
    folder.mkdir(exist_ok=True)
    return [store.backup(folder / f"journal-auto-{day}.db") for day in days]


def test_purging_from_the_automatic_backups_leaves_the_text_in_no_file(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    backups = make_automatic_backups(store, ["2026-11-23", "2026-11-24"])
    uuid = store.get_entry(secret).uuid
    assert store.purge_entry(secret) is True
    # The control: a purge alone leaves the backups as they were.
    assert [p for p in every_file_under(db_path.parent) if SECRET.encode() in p.read_bytes()] == backups
    assert store.automatic_backups_holding(uuid) == backups
    assert store.purge_from_backups(uuid) == backups
    assert [p for p in every_file_under(db_path.parent) if SECRET.encode() in p.read_bytes()] == []
    for backup in backups:  # each is still a whole, healthy journal, the other entries in it
        with Store.open(backup, clock=lambda: NOW) as copy:
            assert copy.check() == [] and copy.count_entries() == 350 and copy.search(SECRET) == []
        assert backup.stat().st_mode & 0o777 == 0o600
    assert store.automatic_backups_holding(uuid) == []


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_the_app_offers_to_purge_the_automatic_backups_too(store: Store, db_path: Path, answer: str) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    backups = make_automatic_backups(store, ["2026-11-23", "2026-11-24"])
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 36)) as pilot:
        await purge_in_the_app(app, pilot)
        assert "2 automatic backups" in render_screen_text(app)
        await pilot.press(answer)
        await pilot.pause()
        last = [str(n.message) for n in app._notifications][-1]
    holding = [p for p in every_file_under(db_path.parent) if SECRET.encode() in p.read_bytes()]
    if answer == "y":
        assert "Removed from 2 automatic backups" in last and holding == []
    else:
        assert "keep it" in last and holding == backups


def test_a_backup_from_an_older_journal_format_is_purged_too(store: Store, db_path: Path) -> None:
    """An automatic backup kept from before the people log (journal format 4) has no person_tags."""
    secret = fill(store)
    store.trash("entries", secret)
    [backup] = make_automatic_backups(store, ["2026-11-20"])
    with contextlib.closing(sqlite3.connect(backup)) as old:
        old.execute("DROP TABLE person_tags")
        old.commit()
    uuid = store.get_entry(secret).uuid
    store.purge_entry(secret)
    assert store.purge_from_backups(uuid) == [backup]
    assert SECRET.encode() not in backup.read_bytes()


def test_a_backup_that_cannot_be_rewritten_is_named(store: Store, db_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    good, bad = make_automatic_backups(store, ["2026-11-20", "2026-11-21"])
    with contextlib.closing(sqlite3.connect(bad)) as damaged:  # a search index it cannot update
        damaged.execute("PRAGMA writable_schema = ON")
        damaged.execute("UPDATE sqlite_master SET sql = 'CREATE VIRTUAL TABLE entries_fts USING nosuchmodule()' WHERE name = 'entries_fts'")
        damaged.commit()
    uuid = store.get_entry(secret).uuid
    store.purge_entry(secret)
    with pytest.raises(JournalError, match="removed from 1 automatic backups, but not from journal-auto-2026-11-21.db"):
        store.purge_from_backups(uuid)
    assert SECRET.encode() not in good.read_bytes()


def test_a_link_under_a_backup_name_is_not_rewritten(store: Store, db_path: Path, tmp_path: Path) -> None:
    secret = fill(store)
    store.trash("entries", secret)
    [backup] = make_automatic_backups(store, ["2026-11-20"])
    elsewhere = store.backup(tmp_path / "my-own-copy.db")
    (backup.parent / "journal-auto-2026-11-19.db").symlink_to(elsewhere)
    uuid = store.get_entry(secret).uuid
    store.purge_entry(secret)
    assert store.purge_from_backups(uuid) == [backup]
    assert SECRET.encode() in elsewhere.read_bytes()  # the user's own copy, reached through a link, is theirs
