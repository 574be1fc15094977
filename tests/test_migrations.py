"""Opening journals of every age and kind: upgrades with a backup, refusals that leave the file as it
was, and read-only journals."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import stat
from pathlib import Path

import pytest

from goaljournal.store import (
    CorruptJournal,
    JournalUnavailable,
    NewerJournal,
    ReadOnlyJournal,
    Store,
)
from goaljournal.store import schema
from goaljournal.store.connection import SCHEMA_VERSION
from conftest import NOW, raw_connect

FIXTURE = Path(__file__).parent / "fixtures" / "journal_v1.db"
NEW_TABLES = ("skills", "assessments", "assessment_items", "ratings", "entries_fts")


def fingerprint(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns, stat.S_IMODE(info.st_mode)


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def raw(path: Path, sql: str) -> list[tuple]:
    conn = raw_connect(path)  # not mode=ro: it would leave -wal and -shm files behind
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    return {name for (name,) in raw(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.fixture
def v1_journal(db_path: Path) -> Path:
    shutil.copyfile(FIXTURE, db_path)
    os.chmod(db_path, 0o600)
    return db_path


def test_fixture_is_a_version_1_journal() -> None:
    assert raw(FIXTURE, "PRAGMA user_version") == [(1,)]
    assert raw(FIXTURE, "PRAGMA journal_mode") == [("delete",)]
    assert not table_names(FIXTURE) & set(NEW_TABLES)
    assert raw(FIXTURE, "SELECT count(*) FROM entries") == [(3,)]


def test_fresh_journal_is_at_the_current_version(db_path: Path) -> None:
    assert SCHEMA_VERSION == schema.SCHEMA_VERSION == len(schema.migrations._migrations)
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.schema_version() == SCHEMA_VERSION
        built_in = {"reflection_prompts": len(schema.BUILTIN_PROMPTS), "entry_templates": len(schema.BUILTIN_TEMPLATES)}
        assert store.counts() == dict.fromkeys(store.counts(), 0) | built_in
    applied = [name for (name,) in raw(db_path, "SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [m.name for m in schema.migrations._migrations]
    assert set(NEW_TABLES) <= table_names(db_path)
    assert side_files(db_path) == []  # a new journal needs no backup


def test_version_1_journal_is_upgraded_with_its_data_intact(v1_journal: Path) -> None:
    with Store.open(v1_journal, clock=lambda: NOW) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert set(NEW_TABLES) <= table_names(v1_journal)

        # Old entries are found: the full-text index was built from the rows already there.
        assert [e.uuid for e in store.search("mentor")] == ["000000000000000000000000000000e1"]
        assert [e.uuid for e in store.search("dash*")] == ["000000000000000000000000000000e2"]
        assert [e.uuid for e in store.entries()] == [f"000000000000000000000000000000e{n}" for n in (3, 2, 1)]
        first = store.entries(tag="mentoring")[0]
        assert first.tags == ["Mentoring", "networking"] and first.goal_ids == [1, 2]
        assert first.text.startswith("Met my mentors for coffee")
        assert store.tag_counts() == [("work", 2), ("Mentoring", 1), ("networking", 1)]

        goals = {g.id: g for g in store.goals()}
        assert goals[2].parent_id == 1 and goals[2].assessment_item_id is None
        assert (goals[2].target, goals[2].current, goals[3].status) == (2.0, 1.0, "draft")
        assert [(m.title, m.done_at) for m in store.milestones(2)] == [
            ("Pick the two mentees", "2025-01-30"), ("First monthly review", None),
        ]  # fmt: skip
        assert [r.reason for r in store.revisions(3)] == ["More ambitious"]
        assert store.counts() == {
            "goals": 3, "milestones": 2, "revisions": 1, "checkins": 2, "entries": 3, "tags": 3,
            "assessments": 0, "assessment_items": 0, "skills": 0, "ratings": 0, "daily_checkins": 0,
            "people": 0, "interactions": 0, "reviews": 0, "review_goals": 0, "review_focus": 0, "reflection_prompts": 7, "entry_templates": 4,
        }  # fmt: skip
        assert store.check() == []

        # The new parts of the schema work on the upgraded file.
        assessment = store.add_assessment()
        item = store.add_assessment_item(assessment, "weakness", "Estimates")
        goal = store.add_goal("Estimate better", assessment_item_id=item, parent_id=1)
        assert store.get_goal(goal).assessment_item_id == item
        store.add_entry("Another mentor lunch")
        assert len(store.search("mentor")) == 2
    applied = [name for (name,) in raw(v1_journal, "SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [m.name for m in schema.migrations._migrations]


def test_upgrade_leaves_a_private_backup_of_the_old_file(v1_journal: Path) -> None:
    Store.open(v1_journal, clock=lambda: NOW).close()
    backups = sorted(v1_journal.parent.glob("journal.db.v1-*.bak"))
    assert len(backups) == 1
    backup = backups[0]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert raw(backup, "PRAGMA user_version") == [(1,)]
    assert raw(backup, "PRAGMA integrity_check") == [("ok",)]
    assert raw(backup, "PRAGMA journal_mode") == [("delete",)]
    assert not table_names(backup) & set(NEW_TABLES)
    for table in ("goals", "entries", "tags", "entry_tags", "entry_goals", "milestones", "checkins", "revisions"):
        assert raw(backup, f"SELECT * FROM {table}") == raw(FIXTURE, f"SELECT * FROM {table}"), table

    Store.open(v1_journal, clock=lambda: NOW).close()  # already current: no second backup
    assert sorted(v1_journal.parent.glob("*.bak")) == backups


def test_newer_journal_is_refused_and_left_untouched(db_path: Path) -> None:
    Store.open(db_path, clock=lambda: NOW).close()
    conn = raw_connect(db_path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = fingerprint(db_path)

    with pytest.raises(NewerJournal, match="newer goaljournal"):
        Store.open(db_path, clock=lambda: NOW)
    assert fingerprint(db_path) == before
    assert side_files(db_path) == []  # no -wal, no -shm, no backup


def test_newer_journal_in_wal_mode_is_left_untouched(db_path: Path) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("Written by the future")
    conn = raw_connect(db_path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.close()
    before = fingerprint(db_path)

    with pytest.raises(NewerJournal):
        Store.open(db_path, clock=lambda: NOW)
    assert fingerprint(db_path) == before
    assert side_files(db_path) == []


@pytest.mark.plain_journal("writes a file of its own at the journal's path")
@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        b"These are my notes, not a database.\n" * 200,
        b"SQLite format 2\x00" + bytes(4080),
    ],
    ids=["random-bytes", "text", "bad-header"],
)
def test_non_sqlite_file_is_refused_and_left_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    before = fingerprint(db_path)
    with pytest.raises(CorruptJournal):
        Store.open(db_path, clock=lambda: NOW)
    assert fingerprint(db_path) == before
    assert side_files(db_path) == []


@pytest.mark.plain_journal("writes a file of its own at the journal's path")
def test_another_apps_database_is_refused(db_path: Path) -> None:
    conn = raw_connect(db_path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos (path) VALUES ('/tmp/cat.jpg')")
    conn.commit()
    conn.close()
    before = fingerprint(db_path)

    with pytest.raises(JournalUnavailable, match="not a goaljournal journal") as raised:
        Store.open(db_path, clock=lambda: NOW)
    assert not isinstance(raised.value, (NewerJournal, CorruptJournal))
    assert fingerprint(db_path) == before
    assert side_files(db_path) == []


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(JournalUnavailable, match="folder"):
        Store.open(tmp_path, clock=lambda: NOW)
    with pytest.raises(JournalUnavailable, match="does not exist"):
        Store.open(tmp_path / "nowhere" / "journal.db", clock=lambda: NOW)
    assert not (tmp_path / "nowhere").exists()


def test_read_only_journal_can_be_read_but_not_written(db_path: Path) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal = store.add_goal("Stay put")
        entry = store.add_entry("Frozen mentor notes @archive", goal_ids=[goal])
        milestone = store.add_milestone(goal, "Step")
        assessment = store.add_assessment()
        skill = store.skill_id("SQL")
    os.chmod(db_path, 0o444)  # root can still write it; the store must honour the mode anyway
    before = fingerprint(db_path)

    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.read_only
        assert [e.id for e in store.search("mentors")] == [entry]
        assert store.get_entry(entry).tags == ["archive"]
        assert [g.title for g in store.goals()] == ["Stay put"]
        assert store.check() == []
        writes = [
            lambda: store.add_entry("More"),
            lambda: store.update_entry(entry, text="Changed"),
            lambda: store.trash("entries", entry),
            lambda: store.add_goal("Another"),
            lambda: store.update_goal(goal, title="Moved", reason="why not"),
            lambda: store.add_checkin(goal, 1),
            lambda: store.add_milestone(goal, "Another step"),
            lambda: store.set_milestone_done(milestone, "2026-11-25"),
            lambda: store.add_assessment(),
            lambda: store.add_assessment_item(assessment, "strength", "Calm"),
            lambda: store.skill_id("SQL"),
            lambda: store.rate_skill(assessment, skill, 3),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyJournal):
                write()
        assert store.counts()["entries"] == 1
    assert fingerprint(db_path) == before
    # Reading left nothing beside it: side files made now would keep the journal's read-only
    # mode, and a user who makes the journal writable again could then not write to it.
    assert side_files(db_path) == []

    os.chmod(db_path, 0o600)
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert not store.read_only
        store.add_entry("Writable again")
        assert store.count_entries() == 2


def test_read_only_journal_shows_what_a_crashed_writer_left_in_its_wal(db_path: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed" / "journal.db"
    crashed.parent.mkdir()
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("Checkpointed long ago")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.add_entry("Only in the WAL so far")
        # Copy the files while the writer is still open, as a crash would leave them.
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{db_path}{suffix}", f"{crashed}{suffix}")
    os.chmod(crashed, 0o444)
    with Store.open(crashed, clock=lambda: NOW) as store:
        assert store.read_only
        assert [e.text for e in store.entries()] == ["Only in the WAL so far", "Checkpointed long ago"]
        assert [e.text for e in store.search("wal")] == ["Only in the WAL so far"]


def test_read_only_old_journal_is_refused_without_change(v1_journal: Path) -> None:
    os.chmod(v1_journal, 0o444)
    before = fingerprint(v1_journal)
    with pytest.raises(ReadOnlyJournal, match="read-only"):
        Store.open(v1_journal, clock=lambda: NOW)
    assert fingerprint(v1_journal) == before
    assert side_files(v1_journal) == []
