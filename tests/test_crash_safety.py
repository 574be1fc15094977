"""Crash safety: a writer killed with SIGKILL at any moment loses nothing it said was saved.

A child process writes entries (each with its tags, one transaction each) and prints an entry's
id only after its commit has returned. The test kills it at seeded random moments and then
checks the file: ``integrity_check`` is "ok", every id printed is there with all of its tags, and
no row points at a missing one. A negative control prints before committing and must be caught.
Connection settings that this relies on (WAL, synchronous=FULL, ...) are asserted here too.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import NOW, attack_rounds, raw_connect

from goaljournal.store import Store
from goaljournal.store.connection import BUSY_TIMEOUT_MS

pytestmark = pytest.mark.plain_journal("child processes open the journal by scripts of their own, without a key")

ROUNDS = 25
TAGS_PER_ENTRY = 3

# Writes entries forever; prints "id" after add_entry (one transaction: entry, index, tags) returns.
SAFE_WRITER = """
import sys
from datetime import datetime
from goaljournal.store import Store
NOW = datetime(2026, 11, 25, 9, 30)
store = Store.open(sys.argv[1], clock=lambda: NOW)
print("ready", flush=True)
number = 0
while True:
    number += 1
    entry_id = store.add_entry(f"crash test entry {number} @alpha{number} @beta{number} @gamma{number}")
    print(entry_id, flush=True)
"""

# The negative control: claims an entry is saved before its transaction commits.
UNSAFE_WRITER = """
import sys, time
from datetime import datetime
from goaljournal.store import Store

NOW = datetime(2026, 11, 25, 9, 30)
store = Store.open(sys.argv[1], clock=lambda: NOW)
print("ready", flush=True)
number = 0
while True:
    number += 1
    with store.transaction():
        entry_id = store.add_entry(f"crash test entry {number} @alpha{number} @beta{number} @gamma{number}")
        print(entry_id, flush=True)
        time.sleep(0.2)
"""


def start(script: str, db_path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(db_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    return child


def kill(child: subprocess.Popen[str]) -> list[int]:
    """SIGKILL the child and return the ids it printed in full (a half-written line is not a claim)."""
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    return [int(line) for line in out.split("\n")[:-1] if line.strip()]


def losses(db_path: Path, claimed: list[int]) -> list[str]:
    """What the journal lost or broke, after a crash: empty when nothing."""
    problems = []
    conn = raw_connect(db_path)  # a fresh connection recovers the WAL the dead writer left
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchall()
        if verdict != [("ok",)]:
            problems.append(f"integrity: {verdict}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("orphaned rows")
        present = {row[0]: row[1] for row in conn.execute(
            "SELECT e.id, count(t.tag_id) FROM entries e LEFT JOIN entry_tags t ON t.entry_id = e.id GROUP BY e.id"
        )}  # fmt: skip
        problems += [f"entry {i} lost" for i in claimed if i not in present]
        problems += [f"entry {i} has {n} tags" for i, n in present.items() if n != TAGS_PER_ENTRY]
        orphans = conn.execute(
            "SELECT count(*) FROM entry_tags WHERE entry_id NOT IN (SELECT id FROM entries) "
            "OR tag_id NOT IN (SELECT id FROM tags)"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} orphaned tag links")
        indexed = conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '\"crash\"'").fetchone()[0]
        if indexed != len(present):
            problems.append(f"search index holds {indexed} of {len(present)} entries")
    finally:
        conn.close()
    return problems


def test_connection_settings(store: Store) -> None:
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("synchronous") == 2  # FULL
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("busy_timeout") >= 5000 and BUSY_TIMEOUT_MS >= 5000
    assert store.pragma("trusted_schema") == 0
    # The WAL-reset bug decision: no automatic (PASSIVE, lock-free) checkpoints.
    assert store.pragma("wal_autocheckpoint") == 0


def test_a_writer_killed_at_random_moments_loses_nothing_it_reported(db_path: Path) -> None:
    Store.open(db_path, clock=lambda: NOW).close()
    chance = random.Random(20261125)
    claimed_total = 0
    for _ in range(ROUNDS):
        child = start(SAFE_WRITER, db_path)
        time.sleep(chance.uniform(0.0, 0.25))
        claimed = kill(child)
        claimed_total += len(claimed)
        assert losses(db_path, claimed) == []
    assert claimed_total > ROUNDS  # the writer did write, round after round


def test_the_check_sees_a_loss_when_a_writer_reports_before_it_commits(db_path: Path) -> None:
    """Negative control: the same check, on a writer that lies, finds the entry missing."""
    Store.open(db_path, clock=lambda: NOW).close()
    child = start(UNSAFE_WRITER, db_path)
    assert child.stdout is not None
    first = int(child.stdout.readline())  # printed, and the commit is still 0.2 s away
    claimed = [first, *kill(child)]
    assert f"entry {first} lost" in losses(db_path, claimed)


def export_of_entries(count: int) -> dict[str, object]:
    stamp = "2026-01-01T00:00:00Z"
    entries = [
        {"uuid": f"{n:032x}", "at": f"2026-01-01 {n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}",
         "text": f"imported entry {n} with some words to index @bulk{n % 50}", "kind": "reflection",
         "starred": 0, "private": 0, "created_at": stamp, "updated_at": stamp, "deleted_at": None}
        for n in range(count)
    ]  # fmt: skip
    tags = [{"uuid": f"{n + 10**9:032x}", "name": f"bulk{n}"} for n in range(50)]
    entry_tags = [{"entry_uuid": f"{n:032x}", "tag_uuid": f"{n % 50 + 10**9:032x}"} for n in range(count)]
    return {"format": "goaljournal", "version": 1, "schema": 4, "entries": entries, "tags": tags, "entry_tags": entry_tags}


@pytest.mark.parametrize("wal_bytes", [1, 256 * 1024, 1024 * 1024])
def test_an_import_killed_half_way_leaves_all_or_nothing(tmp_path: Path, db_path: Path, wal_bytes: int) -> None:
    source = tmp_path / "export.json"
    source.write_text(json.dumps(export_of_entries(10_000)), encoding="utf-8")
    Store.open(db_path, clock=lambda: NOW).close()
    child = subprocess.Popen(
        [sys.executable, "-m", "goaljournal", "--db", str(db_path), "import", str(source)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    wal = Path(f"{db_path}-wal")
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size >= wal_bytes:
            break
        time.sleep(0.001)
    assert child.poll() is None, "the import finished before it could be killed half-way"
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.check() == []
        # All or nothing; killed before its one commit, at its very end, it is nothing.
        assert store.count_entries() == 0
        assert store.counts()["tags"] == 0


# -- the app and the command line writing at once ---------------------------------------------

CLI_WRITER = """
import sys
from goaljournal.cli import main
path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
for number in range(count):  # each call opens the journal, writes and closes, as a shell's would
    assert main(["--db", path, "log", f"{name} line {number} @{name}"]) == 0
"""
WRITES = attack_rounds(60)


async def test_the_app_and_two_command_line_writers_at_once_lose_nothing(db_path: Path) -> None:
    from conftest import NOW
    from test_random_keys import send_keys
    from textual.widgets import Input

    from goaljournal.ui.app import GoalJournalApp

    Store.open(db_path, clock=lambda: NOW).close()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", CLI_WRITER, str(db_path), name, str(WRITES)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for name in ("shellone", "shelltwo")
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        with Store.open(db_path, clock=lambda: NOW) as store:
            app = GoalJournalApp(store, today=NOW.date())
            async with app.run_test(size=(120, 36)) as pilot:
                for writer in writers:
                    assert writer.stdin is not None
                    writer.stdin.write("go\n")
                    writer.stdin.flush()
                for number in range(WRITES):
                    await pilot.press("ctrl+r")  # settled: the field has focus before the words come
                    await send_keys(pilot, [*f"app {number}", "enter"])
                assert app.screen.query_one("#reflection", Input).value == ""
        for writer in writers:
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.check() == []
        texts = {entry.text for entry in store.entries(limit=1000)}
    assert texts == (
        {f"app {n}" for n in range(WRITES)}
        | {f"{name} line {n} @{name}" for name in ("shellone", "shelltwo") for n in range(WRITES)}
    )


def test_a_journal_locked_past_the_busy_timeout_says_busy_and_loses_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaljournal import cli
    from goaljournal.store import connection

    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("already here")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    holder = raw_connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        code = cli.main(["--db", str(db_path), "log", "waiting to be written"])
        err = capsys.readouterr().err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and err.count("\n") == 1 and "the journal is busy" in err
    assert cli.main(["--db", str(db_path), "log", "waiting to be written"]) == 0  # once free, it works
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert sorted(e.text for e in store.entries()) == ["already here", "waiting to be written"]


async def test_the_app_on_a_busy_journal_says_so_and_keeps_what_was_typed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import NOW
    from textual.widgets import Input

    from goaljournal.store import connection
    from goaljournal.ui.app import GoalJournalApp

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    with Store.open(db_path, clock=lambda: NOW) as store:
        app = GoalJournalApp(store, today=NOW.date())
        async with app.run_test(size=(120, 36)) as pilot:
            holder = raw_connect(db_path, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            try:
                await pilot.press("ctrl+r", *"words worth keeping", "enter")
                await pilot.pause()
            finally:
                holder.execute("ROLLBACK")
                holder.close()
            assert any("busy" in str(n.message) for n in app._notifications)
            assert app.screen.query_one("#reflection", Input).value == "words worth keeping"
        assert store.count_entries() == 0


def test_the_wal_is_checkpointed_under_the_write_lock_and_stays_bounded(store: Store, db_path: Path) -> None:
    """Automatic checkpoints are off (the WAL-reset bug); the store checkpoints a large WAL itself."""
    from goaljournal.store.connection import CHECKPOINT_WAL_BYTES

    page = "words " * 4000  # about 24 kB an entry
    for number in range(500):  # about 12 MB written in all
        store.add_entry(f"{number} {page}")
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size < 2 * CHECKPOINT_WAL_BYTES
    assert store.count_entries() == 500 and store.check() == []
