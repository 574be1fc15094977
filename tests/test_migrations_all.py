"""Every earlier journal format upgrades to exactly the schema of a new journal, data intact, and
a migration that fails leaves the journal as it was.

The fixtures are made by ``tests/fixtures/make_v{1,2,3,4,5,6,7}_journal.py``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW

from goaljournal.store import JournalUnavailable, Store
from goaljournal.store.connection import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
EARLIER = range(1, SCHEMA_VERSION)


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'"))
    finally:
        conn.close()


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump()) + [f"user_version {conn.execute('PRAGMA user_version').fetchone()[0]}"]
    finally:
        conn.close()


def copy_of(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"journal_v{version}.db"
    shutil.copyfile(FIXTURES / f"journal_v{version}.db", target)
    os.chmod(target, 0o600)
    return target


def test_there_is_a_fixture_for_every_earlier_version() -> None:
    for version in EARLIER:
        path = FIXTURES / f"journal_v{version}.db"
        assert path.is_file(), f"make it with tests/fixtures/make_v{version}_journal.py"
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        finally:
            conn.close()


@pytest.mark.parametrize("version", EARLIER)
def test_each_earlier_version_migrates_to_the_schema_of_a_new_journal(version: int, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    Store.open(fresh, clock=lambda: NOW).close()
    old = copy_of(version, tmp_path)
    before = sqlite3.connect(old)
    entries = before.execute("SELECT uuid, text FROM entries WHERE deleted_at IS NULL ORDER BY id").fetchall()
    live_tags = dict(before.execute(
        "SELECT t.name, count(*) FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
        "JOIN entries e ON e.id = et.entry_id WHERE e.deleted_at IS NULL GROUP BY t.id"
    ).fetchall())  # fmt: skip
    goals = before.execute("SELECT uuid, title FROM goals ORDER BY id").fetchall()
    before.close()
    with Store.open(old, clock=lambda: NOW) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.check() == []  # integrity, foreign_key_check and the search index
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert [(e.uuid, e.text) for e in store.entries()][::-1] == entries
        assert sorted((g.uuid, g.title) for g in store.goals()) == sorted(goals)
        assert [e.uuid for e in store.search("mentor")] == ["000000000000000000000000000000e1"]
        assert dict(store.tag_counts()) == live_tags
    assert schema_of(old) == schema_of(fresh)


@pytest.mark.parametrize("version", EARLIER)
def test_a_migration_that_fails_leaves_everything_as_it_was(version: int, tmp_path: Path) -> None:
    old = copy_of(version, tmp_path)
    # A table named like the index the last migration creates, already there: that step fails
    # after every earlier pending one has run.
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE entries_trashed (x)")
    conn.execute("INSERT INTO entries_trashed VALUES ('in the way')")
    conn.commit()
    conn.close()
    before = dump(old)
    with pytest.raises(JournalUnavailable, match="could not be upgraded .* left as it was"):
        Store.open(old, clock=lambda: NOW)
    assert dump(old) == before
    result = subprocess.run(
        [sys.executable, "-m", "goaljournal", "--db", str(old), "search", "mentor"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "left as it was" in result.stderr
    assert dump(old) == before


def test_version_7_keeps_its_review_and_its_trash(tmp_path: Path) -> None:
    with Store.open(copy_of(7, tmp_path), clock=lambda: NOW) as store:
        (review,) = store.reviews()
        assert (review.kind, review.step, review.completed_at) == ("week", 2, None)
        assert store.review_decisions(review.id) == {60: "keep"}
        assert [e.uuid for e in store.entries(trashed=True)] == ["000000000000000000000000000007e2"]
        # The trashed entry's tags stay out of the counts; "draft" is only on it.
        assert store.tag_counts() == [("work", 3), ("Mentoring", 1), ("networking", 1)]
        assert [store.get_entry(i).uuid for i in store.review_entry_ids(review.id)] == ["000000000000000000000000000007e1"]
