"""Two programs on one journal: the TUI and the command line write at the same time."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import NOW, raw_connect

from goaljournal.store import JournalBusy, Store
from goaljournal.store import connection

pytestmark = pytest.mark.plain_journal("child processes open the journal by scripts of their own, without a key")

# Each writer opens the journal, says it is ready, waits for "go" on stdin, then writes its
# entries one transaction each, as separate `goaljournal log` calls would.
WRITER = """
import sys
from datetime import datetime
from goaljournal.store import Store

NOW = datetime(2026, 11, 25, 9, 30)
path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
with Store.open(path, clock=lambda: NOW) as store:
    for number in range(count):
        store.add_entry(f"{name} wrote entry {number} @{name}")
print("done", flush=True)
"""


def run_together(scripts: list[list[str]], *, timeout: float = 60) -> None:
    """Start a Python process per argument list (a script, then its arguments); once every one
    has said "ready", tell them all to go, and wait for each to say "done"."""
    processes = [
        subprocess.Popen([sys.executable, "-c", *script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for script in scripts
    ]  # fmt: skip
    try:
        for process in processes:  # every process is up before any of them starts
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in processes:
            out, err = process.communicate(timeout=timeout)
            assert process.returncode == 0, err
            assert out == "done\n"
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def run_writers(path: Path, names: list[str], count: int) -> None:
    run_together([[WRITER, str(path), name, str(count)] for name in names])


def test_two_processes_write_at_once_and_nothing_is_lost(db_path: Path) -> None:
    Store.open(db_path, clock=lambda: NOW).close()
    run_writers(db_path, ["alpha", "beta"], 100)
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.count_entries() == 200
        assert store.count_entries(tag="alpha") == 100
        assert store.count_entries(tag="beta") == 100
        texts = {e.text for e in store.entries(limit=500)}
        assert texts == {f"{name} wrote entry {n} @{name}" for name in ("alpha", "beta") for n in range(100)}
        assert len(store.search("wrote entry", limit=500)) == 200
        assert store.check() == []


@pytest.mark.parametrize("attempt", range(4))
def test_processes_can_create_the_same_new_journal_at_once(db_path: Path, attempt: int) -> None:
    # Racing to create, switch to WAL and migrate a new file: each attempt is a fresh race.
    run_writers(db_path, ["first", "second", "third", "fourth"], 5)
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.count_entries() == 20
        assert store.schema_version() == connection.SCHEMA_VERSION
        assert store.check() == []
    assert sorted(p.name for p in db_path.parent.glob("*.bak")) == []


def test_command_line_logs_from_two_shells_at_once(db_path: Path) -> None:
    def shell(name: str, results: list[subprocess.CompletedProcess[str]]) -> None:
        for number in range(8):
            results.append(subprocess.run(
                [sys.executable, "-m", "goaljournal", "--db", str(db_path), "log", f"{name} {number} @{name}"],
                capture_output=True, text=True, timeout=30,
            ))  # fmt: skip

    results: dict[str, list[subprocess.CompletedProcess[str]]] = {"left": [], "right": []}
    threads = [threading.Thread(target=shell, args=(name, done)) for name, done in results.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for done in results.values():
        assert [(r.returncode, r.stderr) for r in done] == [(0, "")] * 8
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert (store.count_entries(tag="left"), store.count_entries(tag="right")) == (8, 8)


# Holds the write lock for half a second, as another program would, then commits.
LOCK_HOLDER = """
import sqlite3, sys, time
other = sqlite3.connect(sys.argv[1], isolation_level=None)
other.execute("BEGIN IMMEDIATE")
other.execute("INSERT INTO tags (uuid, name) VALUES ('t1', 'from-the-other-program')")
print("locked", flush=True)
time.sleep(0.5)
other.execute("COMMIT")
"""


def test_a_short_lock_is_waited_out(store: Store) -> None:
    assert store.pragma("busy_timeout") >= 5000
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(store.path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        started = time.monotonic()
        entry = store.add_entry("Written once the other program let go")
        waited = time.monotonic() - started
    finally:
        assert holder.wait(timeout=30) == 0
    assert waited >= 0.3
    assert store.get_entry(entry).text == "Written once the other program let go"
    assert store.counts()["tags"] == 1


def test_a_lock_held_past_the_busy_timeout_raises_journal_busy(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    with Store.open(db_path, clock=lambda: NOW) as store:
        first = store.add_entry("Before the lock @kept")
        assert store.pragma("busy_timeout") == 300
        other = raw_connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT INTO tags (uuid, name) VALUES ('t2', 'held')")

            started = time.monotonic()
            with pytest.raises(JournalBusy, match="busy"):
                store.add_entry("While locked")
            assert time.monotonic() - started >= 0.25
            with pytest.raises(JournalBusy):
                store.add_goal("While locked")
            # Reading is never blocked by a writer in WAL mode.
            assert [e.id for e in store.entries()] == [first]
            assert not store.conn.in_transaction  # the failed write left no transaction open

            other.execute("COMMIT")
        finally:
            other.close()

        second = store.add_entry("After the lock")
        assert [e.id for e in store.entries()] == [second, first]
        assert store.counts()["goals"] == 0
        assert sorted(name for name, _ in store.tag_counts()) == ["kept"]
        assert store.counts()["tags"] == 2  # the other program's write is there too
        assert store.check() == []


def _checkin_shell(db_path: Path, goal_id: int, times: int, errors: list[str]) -> None:
    for _ in range(times):
        result = subprocess.run(
            [sys.executable, "-m", "goaljournal", "--db", str(db_path), "checkin", str(goal_id), "+1"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if result.returncode != 0:
            errors.append(result.stderr)


def test_plus_one_from_four_shells_at_once_adds_up(db_path: Path) -> None:
    """`checkin GOAL +1` reads the latest value and adds to it in one write transaction: four
    shells adding one, 25 times each, reach exactly 100."""
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal = store.add_goal("Practise talks", target=100)
    errors: list[str] = []
    shells = [threading.Thread(target=_checkin_shell, args=(db_path, goal, 25, errors)) for _ in range(4)]
    for shell in shells:
        shell.start()
    for shell in shells:
        shell.join()
    assert errors == []
    with Store.open(db_path, clock=lambda: NOW) as store:
        values = sorted(c.value for c in store.checkins(goal))
        assert store.get_goal(goal).current == 100
        assert values == [float(n) for n in range(1, 101)]


ADDER = """
import sys
from datetime import datetime
from goaljournal.store import Store
NOW = datetime(2026, 11, 25, 9, 30)
path, goal, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
with Store.open(path, clock=lambda: NOW) as store:
    for _ in range(count):
        store.add_checkin(goal, delta=1)
print("done", flush=True)
"""


def test_store_deltas_from_four_processes_at_once_add_up(db_path: Path) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal = store.add_goal("Read papers", target=200, baseline=0)
    run_together([[ADDER, str(db_path), str(goal), "50"] for _ in range(4)], timeout=120)
    with Store.open(db_path, clock=lambda: NOW) as store:
        assert store.get_goal(goal).current == 200


def test_a_large_wal_is_folded_back_and_shrinks(store: Store, db_path: Path) -> None:
    """Past CHECKPOINT_WAL_BYTES the WAL is copied into the journal and emptied; were it left at
    its full length, its size would call for a checkpoint after every later commit."""
    wal = Path(f"{db_path}-wal")
    sizes = []
    for number in range(1500):
        store.add_entry(f"entry {number} " + "words " * 500)
        sizes.append(wal.stat().st_size)
    folded = [after for before, after in zip(sizes, sizes[1:]) if after < before / 2]
    assert len(folded) >= 2  # the limit was reached more than once, and each time the WAL shrank
    assert max(sizes) <= connection.CHECKPOINT_WAL_BYTES
    assert store.count_entries() == 1500 and store.check() == []
