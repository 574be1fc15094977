"""Opening a journal file: permissions, version check, connection settings, upgrades, backups.

Only the standard library is imported here, so the command line's fast paths stay fast; the
migrations (and sqlite_utils with them) are imported only when a journal is new or out of date.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from goaljournal.store.errors import (
    CorruptJournal,
    InvalidInput,
    JournalBusy,
    JournalError,
    JournalUnavailable,
    NewerJournal,
    ReadOnlyJournal,
)

SCHEMA_VERSION = 5
BUSY_TIMEOUT_MS = 5000


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only, before anything writes to it.

    SQLite gives the -wal and -shm files the database file's mode, so this covers them too.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create a folder (and missing parents) that only its owner can enter."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def _is_read_only(path: Path) -> bool:
    # The owner write bit is honoured even for root, who could write anyway: a journal the user
    # made read-only (chmod a-w) is opened read-only.
    mode = path.stat().st_mode
    return not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    # check_same_thread=False: the TUI reads from a thread worker now and then; the Store
    # serialises every use of the connection with its own lock instead.
    if read_only:
        # Without immutable=1, reading a WAL journal creates -wal and -shm files that keep the
        # journal's read-only mode and stay behind; once the user makes the journal writable
        # again, the read-only -shm makes every write fail. Nothing writes a read-only file, so
        # it is read as immutable unless a -wal left by a writer holds data still to be read.
        immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
        target, uri = f"file:{quote(str(path.resolve()))}?mode=ro{immutable}", True
    else:
        target, uri = str(path), False
    return sqlite3.connect(
        target,
        uri=uri,
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )


def open_journal(path: Path, clock: Callable[[], datetime]) -> tuple[sqlite3.Connection, bool]:
    """Open (creating if needed) the journal at ``path`` and bring its schema up to date.

    Returns the connection and whether it is read-only. Raises a ``JournalError`` subclass with a
    message for the user when the file cannot be used; a refused file is left byte for byte as
    it was. ``clock`` names the backup an upgrade keeps of the old file.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise JournalUnavailable(f"{path} is a folder, not a journal file")
    if not path.exists():
        if not path.parent.is_dir():
            raise JournalUnavailable(f"cannot create {path}: the folder {path.parent} does not exist")
        try:
            create_private_file(path)
        except OSError as err:
            raise JournalUnavailable(f"cannot create {path}: {err.strerror}") from None
    read_only = _is_read_only(path)
    conn = _connect(path, read_only)
    try:
        with translate_errors(path):
            version = _check_version(conn, path)
            _configure(conn, read_only)
            if version < SCHEMA_VERSION:
                if read_only:
                    raise ReadOnlyJournal(
                        f"{path} is read-only and was made by an older goaljournal; "
                        "make it writable once so it can be upgraded"
                    )
                _upgrade(conn, path, version, clock)
    except BaseException:
        conn.close()
        raise
    return conn, read_only


def _check_version(conn: sqlite3.Connection, path: Path) -> int:
    # Read before any PRAGMA that writes (journal_mode=WAL changes the file header), so a file
    # we refuse stays untouched.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerJournal(
            f"{path} was written by a newer goaljournal (journal format {version}, this version "
            f"reads up to {SCHEMA_VERSION}); upgrade goaljournal to open it. The file was not changed."
        )
    if version == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise JournalUnavailable(f"{path} is a SQLite database but not a goaljournal journal")
    return version


def _configure(conn: sqlite3.Connection, read_only: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA synchronous = FULL")
    if not read_only:
        # SQLite 3.7.0-3.51.2 can corrupt a WAL journal when a checkpoint runs while another
        # connection writes or checkpoints (the WAL-reset bug). Writers here are already one at a
        # time (BEGIN IMMEDIATE); the automatic checkpoint is PASSIVE and runs outside that lock,
        # so it is off, and ``checkpoint`` runs only modes that take the write lock themselves.
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while mode != "wal":
            try:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as err:
                # The switch needs the write lock and SQLite does not wait for it here: when two
                # programs open a new journal at once, one is told "locked" at once. Retry.
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
                continue
            break
        if mode != "wal":
            raise JournalUnavailable(f"could not switch the journal to WAL mode (got {mode})")


# A WAL beyond this is folded back into the journal after a commit (SQLite's default is ~4 MB).
CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024


def checkpoint(conn: sqlite3.Connection, mode: str = "RESTART", *, wait_ms: int = 200) -> bool:
    """Copy the WAL into the journal file; True when all of it was copied.

    RESTART and TRUNCATE take SQLite's write lock for the whole checkpoint, so no other
    connection can write or checkpoint meanwhile (see ``_configure``). A busy journal is left for
    the next time rather than holding the caller up for the whole busy timeout.
    """
    if mode not in ("RESTART", "TRUNCATE"):
        raise ValueError(mode)
    conn.execute(f"PRAGMA busy_timeout = {wait_ms:d}")
    try:
        busy = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()[0]
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    return not busy


def _upgrade(conn: sqlite3.Connection, path: Path, version: int, clock: Callable[[], datetime]) -> None:
    if version > 0:
        stamp = clock().strftime("%Y%m%d-%H%M%S")
        dest, number = path.with_name(f"{path.name}.v{version}-{stamp}.bak"), 1
        while dest.exists():  # a second try within the same second (a retry, another process)
            number += 1
            dest = path.with_name(f"{path.name}.v{version}-{stamp}-{number}.bak")
        backup_to(conn, dest)
    from goaljournal.store import schema  # imports sqlite_utils: only on create or upgrade

    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have upgraded it while we waited for the write lock.
        if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            schema.migrate(conn)
        conn.execute("COMMIT")
    except BaseException as err:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(err, sqlite3.DatabaseError) and not any(n in str(err).lower() for n, _, _ in _MESSAGES):
            # A step that fails on this file (a table it did not expect): one line, not a traceback.
            raise JournalUnavailable(
                f"{path} could not be upgraded to journal format {SCHEMA_VERSION} ({err}); "
                "it was left as it was"
            ) from None
        raise


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the whole journal, consistently, to a new file ``dest`` readable by its owner only."""
    dest = Path(dest).expanduser()
    if dest.exists():
        raise InvalidInput(f"{dest} already exists; choose another name")
    if not dest.parent.is_dir():
        raise InvalidInput(f"cannot write {dest}: the folder {dest.parent} does not exist")
    try:
        create_private_file(dest)
        target = sqlite3.connect(dest)
        try:
            conn.backup(target)
            # A backup should be one self-contained file, not a WAL database with side files.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        # SQLite's backup API writes 0644 when it creates a file; make sure ours stays private.
        os.chmod(dest, 0o600)
    except OSError as err:
        raise JournalUnavailable(f"cannot write {dest}: {err.strerror}") from None
    return dest


_MESSAGES = (
    ("database is locked", JournalBusy, "the journal is busy (another program is writing to it); try again"),
    ("readonly", ReadOnlyJournal, "the journal is read-only; nothing was written"),
    ("file is not a database", CorruptJournal, "is not a goaljournal journal or is damaged (not a SQLite database)"),
    ("malformed", CorruptJournal, "is damaged (SQLite reports a malformed database); run `goaljournal doctor`"),
    ("disk is full", JournalUnavailable, "the disk is full; nothing was written"),
    ("disk i/o error", JournalUnavailable, "a disk I/O error stopped the write; nothing was written"),
    ("unable to open database", JournalUnavailable, "cannot be opened (check the path and its permissions)"),
)


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn the SQLite errors a user can meet into ``JournalError``s with a plain message."""
    try:
        yield
    except JournalError:
        raise
    except sqlite3.DatabaseError as err:
        text = str(err).lower()
        for needle, kind, message in _MESSAGES:
            if needle in text:
                subject = "" if message.startswith("the ") else f"{path} "
                raise kind(subject + message) from None
        raise
