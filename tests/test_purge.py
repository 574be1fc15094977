"""Deleting for good: after an entry is purged from the trash, its words are nowhere in the files.

FTS5 keeps a deleted document's words in its segments until they are merged, and SQLite leaves
deleted bytes in free pages and in the -wal; the purge must clear all three.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NOW

from goaljournal.store import InvalidInput, Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.screens.reflections import ReflectionsScreen

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
