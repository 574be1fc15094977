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
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from goaljournal import files
from goaljournal.store import driver
from goaljournal.store.backup_names import same_second_names
from goaljournal.store.driver import Key
from goaljournal.store.errors import (
    CorruptJournal,
    EncryptedJournal,
    InvalidInput,
    JournalBusy,
    JournalError,
    JournalUnavailable,
    NewerJournal,
    ReadOnlyJournal,
    WrongPassphrase,
)

SCHEMA_VERSION = 8
BUSY_TIMEOUT_MS = 5000


def create_private_file(path: Path) -> None:
    """Create an empty journal file readable by its owner only, before anything writes to it.

    SQLite gives the -wal and -shm files the database file's mode, so this covers them too. A
    symbolic link to a missing file is refused rather than followed.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        if os.path.islink(path) and not os.path.exists(path):
            raise JournalUnavailable(f"{path} is a symbolic link to a missing file; goaljournal does not create files through links") from None
        return
    os.close(fd)


def make_private_dir(path: Path) -> None:
    """Create a folder goaljournal manages (and missing parents): private (0700), never a symbolic
    link, the user's own and writable by nobody else (see ``goaljournal.files``)."""
    try:
        files.make_private_dir(path)
    except files.OutputError as err:
        raise JournalUnavailable(str(err)) from None


def _read_only_part(path: Path) -> str | None:
    """What keeps the journal at ``path`` from being written ("PATH" or "the folder FOLDER"), or None.

    The owner write bit is honoured even for root, who could write anyway: a journal the user
    made read-only (chmod a-w) is opened read-only. A journal in a folder that cannot be written
    is read-only too: SQLite creates its -wal and -shm files beside it, so writing (and even
    reading in WAL mode, unless read as immutable) needs the folder.
    """
    mode = path.stat().st_mode
    if not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK):
        return str(path)
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder}"
    return None


_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
)  # fmt: skip


def _refuse_what_is_not_a_file(path: Path) -> None:
    """Refuse a path that names something other than a regular file, before anything opens it:
    opening a FIFO can block for ever, and a device or socket is no journal."""
    try:
        mode = os.stat(path).st_mode  # stat never opens it, so a FIFO cannot block here
    except FileNotFoundError:
        return  # a new journal (or a dangling link, which creating it reports)
    except OSError as err:
        raise JournalUnavailable(f"cannot open {path}: {err.strerror}") from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
        raise JournalUnavailable(f"{path} is {kind}, not a journal file")


def _unread_wal_without_shm(path: Path) -> bool:
    """A -wal that holds something (a writer that stopped without folding it back) and no -shm."""
    try:
        wal = os.stat(f"{path}-wal").st_size
    except OSError:
        return False
    return wal > 0 and not os.path.exists(f"{path}-shm")


def _connect(path: Path, read_only: bool, key: Key | None) -> sqlite3.Connection:
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
    return driver.connect(
        target,
        key=key,
        uri=uri,
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )


def open_journal(path: Path, clock: Callable[[], datetime], key: Key | None = None) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating if needed) the journal at ``path`` and bring its schema up to date.

    ``key`` opens an encrypted journal (or creates one, with the key's salt); without it an
    encrypted file is refused, saying so, and with it a plain file is.

    Returns the connection and, when it is read-only, why (the message a refused write gives).
    Raises a ``JournalError`` subclass with a message for the user when the file cannot be used;
    a refused file is left byte for byte as it was. ``clock`` names the backup an upgrade keeps
    of the old file.
    """
    path = Path(path).expanduser()
    _refuse_what_is_not_a_file(path)
    encrypted = driver.is_encrypted(path)
    if encrypted and key is None:
        raise EncryptedJournal(f"{path} is encrypted (or damaged: it is no plain SQLite file); it opens with its passphrase")
    if key is not None and not encrypted and path.exists() and path.stat().st_size > 0:
        raise JournalUnavailable(f"{path} is not encrypted; it opens without a passphrase")
    if not path.exists():
        if not path.parent.is_dir():
            raise JournalUnavailable(f"cannot create {path}: the folder {path.parent} does not exist")
        try:
            create_private_file(path)
        except OSError as err:
            raise JournalUnavailable(f"cannot create {path}: {err.strerror}") from None
    blocker = _read_only_part(path)
    read_only = blocker is not None
    if blocker is None:
        read_only_reason = None
    elif blocker == str(path):
        read_only_reason = f"{path} is read-only; nothing was written"
    else:
        read_only_reason = f"{blocker} is read-only, so the journal cannot be written; nothing was written"
    if blocker is not None and blocker != str(path) and _unread_wal_without_shm(path):
        # SQLite reads a -wal through its -shm index, which it would have to create beside it.
        raise JournalUnavailable(
            f"{path} has a -wal file holding changes not yet in the journal, and reading them needs a "
            f"-shm file that {blocker} cannot hold (it is read-only); make the folder writable once, "
            "so the changes can be folded in; nothing was changed"
        )
    try:
        conn = _connect(path, read_only, key)
    except driver.DatabaseError as err:  # SQLCipher checks the key as it is set
        raise _key_problem(path, key, err) from None
    try:
        with translate_errors(path):
            try:
                version = _check_version(conn, path)
            except driver.DatabaseError as err:
                raise _key_problem(path, key, err) from None
            _configure(conn, read_only)
            if version < SCHEMA_VERSION:
                if read_only:
                    if blocker == str(path):
                        why = f"{path} is read-only and was made by an older goaljournal"
                    else:
                        why = f"{path} was made by an older goaljournal and {blocker} is read-only"
                    raise ReadOnlyJournal(f"{why}; make it writable once so the journal can be upgraded")
                _upgrade(conn, path, version, clock, key)
    except BaseException:
        conn.close()
        raise
    return conn, read_only_reason


def _key_problem(path: Path, key: Key | None, err: Exception) -> Exception:
    """A failed first read with a key is a wrong passphrase: an encrypted file looks like noise."""
    if key is not None and "not a database" in str(err).lower():
        return WrongPassphrase(f"wrong passphrase for {path} (or the file is damaged, or not an encrypted goaljournal journal); nothing was changed")
    return err


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
            except driver.OperationalError as err:
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


def _upgrade(conn: sqlite3.Connection, path: Path, version: int, clock: Callable[[], datetime], key: Key | None) -> None:
    if version > 0:
        # A second try within the same second (a retry, another process) takes the next number.
        first, *others = same_second_names(f"{path.name}.v{version}-{clock():%Y%m%d-%H%M%S}", ".bak")
        backup_to(conn, path.with_name(first), journal=path, alternatives=others, key=key)
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
        if isinstance(err, driver.DatabaseError) and not any(n in str(err).lower() for n, _, _ in _MESSAGES):
            # A step that fails on this file (a table it did not expect): one line, not a traceback.
            raise JournalUnavailable(
                f"{path} could not be upgraded to journal format {SCHEMA_VERSION} ({err}); "
                "it was left as it was"
            ) from None
        raise


def backup_to(
    conn: sqlite3.Connection,
    dest: Path,
    *,
    journal: Path | None = None,
    managed: bool = False,
    alternatives: Sequence[str] = (),
    key: Key | None = None,
) -> Path:
    """Copy the whole journal, consistently, to a new private file ``dest``; returns the file.

    The copy goes through ``goaljournal.files``: a temporary file, checked (``PRAGMA
    integrity_check``) before it is linked in under its name, so a copy cut short or damaged is
    never found under a backup's name. ``journal``'s own files are refused as ``dest``;
    ``managed``: ``dest``'s folder is one goaljournal manages (``backups/``); ``alternatives``:
    names in ``dest``'s folder to take, in order, when ``dest`` is taken (another backup in the
    same second). ``key``: the journal's, with which the copy is encrypted too (an encrypted
    journal's copies share its key and salt). A copy that cannot be written (a full disk) names ``dest``, not the journal,
    which a backup only reads.
    """
    dest = Path(dest).expanduser()
    untouched = "the journal is untouched" if journal is None else f"the journal {journal} is untouched"

    def fill(part: files.Partial) -> None:
        try:
            target = driver.connect(part.path, key=key, isolation_level=None)
        except driver.Error as err:
            raise files.OutputError(f"cannot write {dest}: {err}; nothing was written") from None
        try:
            # No rollback journal: the temporary file is thrown away whole if the copy fails.
            target.execute("PRAGMA journal_mode = OFF")
            conn.backup(target)
        except driver.Error as err:
            # The step's error is the copy's; a write that failed there is the copy's file.
            code = getattr(err, "sqlite_errorname", None)
            if code not in _WRITE_ERRORS:
                raise
            reason = "the disk is full" if code == "SQLITE_FULL" else f"a {err} stopped the write"
            raise files.OutputError(f"cannot write {dest}: {reason}; nothing was written") from None
        finally:
            target.close()
        # The copy keeps the source's WAL flag (header bytes 18-19 = 2); 1 is the rollback-journal
        # format, so the backup is one self-contained file, opened without -wal or -shm beside it.
        if key is not None:
            _leave_wal_mode(part.path, key)  # an encrypted header cannot be patched in place
        elif os.pread(part.fd, 2, 18) == b"\x02\x02":
            os.pwrite(part.fd, b"\x01\x01", 18)
        problem = copy_problem(part.path, key=key)
        if problem:
            raise files.OutputError(f"the copy of the journal failed its check ({problem}); nothing was written to {dest}")

    try:
        return files.write_with(dest, fill, journal=journal, managed=managed, replace=False, alternatives=alternatives)
    except files.OutputRefused as err:  # the store's callers handle JournalErrors
        raise InvalidInput(str(err)) from None
    except files.OutputError as err:
        raise JournalUnavailable(f"{err}; {untouched}") from None


# What SQLite reports when writing the copy fails; reading the journal fails otherwise.
_WRITE_ERRORS = frozenset(("SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_DIR_FSYNC"))


def _leave_wal_mode(path: str, key: Key) -> None:
    target = driver.connect(path, key=key, isolation_level=None)
    try:
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def read_only_uri(path: str | Path) -> str:
    """A URI that reads the file at ``path`` as it is: no lock, no -wal or -shm made beside it."""
    return f"file:{quote(os.path.abspath(path))}?mode=ro&immutable=1"


def copy_problem(path: str | Path, *, key: Key | None = None) -> str | None:
    """What is wrong with a journal copy (encrypted with ``key``), read without changing it or
    making side files; None when SQLite's integrity check says "ok" and it is a goaljournal journal."""
    try:
        conn = driver.connect(read_only_uri(path), uri=True, key=key)
    except driver.Error as err:
        return str(err)
    try:
        verdicts = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        if verdicts != ["ok"]:
            return verdicts[0]
        if conn.execute("PRAGMA user_version").fetchone()[0] < 1:
            return "not a goaljournal journal"
    except driver.Error as err:
        return str(err)
    finally:
        conn.close()
    return None


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
    except driver.DatabaseError as err:
        text = str(err).lower()
        for needle, kind, message in _MESSAGES:
            if needle in text:
                subject = "" if message.startswith("the ") else f"{path} "
                raise kind(subject + message) from None
        raise
