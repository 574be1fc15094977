"""Turning a journal file, and every copy of it goaljournal keeps, from plain into encrypted, back,
or to a new key.

A conversion writes a new file beside the old one (``goaljournal.files``: private, fsynced),
verifies it (SQLite's integrity check, and the same number of rows in every table) and renames it
over the old one: killed at any moment, the journal is whole, plain or encrypted. The old file's
-wal is folded in and removed first, and the journal is held locked from then until the new file
is in place, so no other program writes to the old file meanwhile; a journal open elsewhere (the
app) is refused. Then the backups in ``backups/`` and the copies an upgrade kept (``*.vN-*.bak``)
are converted one by one (a copy already as asked is left alone, so running the command again
finishes what a kill interrupted), or deleted when the user says so.

The work runs through SQLCipher (``sqlcipher_export`` copies a whole database into an attached
one with another key), so the plain side is opened with SQLCipher too: one library per file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from goaljournal import files
from goaljournal.store import driver
from goaljournal.store.backup_names import backups_folder, read_name
from goaljournal.store.connection import SCHEMA_VERSION, read_only_uri, translate_errors
from goaljournal.store.driver import Key
from goaljournal.store.errors import JournalBusy, JournalUnavailable, WrongPassphrase

LOCK_WAIT_MS = 1000


def unlock(path: Path, passphrase: str) -> Key:
    """The key ``passphrase`` gives the encrypted journal at ``path`` (checked when it is opened)."""
    return driver.derive_key(passphrase, driver.salt_of(path))


def check_key(path: Path, key: Key) -> None:
    """Raise ``WrongPassphrase`` unless ``key`` opens ``path``; reads without writing."""
    problem = _open_problem(path, key)
    if problem is not None:
        raise WrongPassphrase(f"wrong passphrase for {path}; nothing was changed")


def _open_problem(path: Path, key: Key | None) -> str | None:
    try:
        with contextlib.closing(_cipher_connect(read_only_uri(path), key, uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError as err:
        return str(err)
    return None


def _cipher_connect(target: str, key: Key | None, **options: Any) -> Any:
    """A SQLCipher connection, keyed when ``key`` is given (a plain file otherwise)."""
    return driver.connect(target, key=key, cipher=True, isolation_level=None, **options)


@dataclass
class Conversion:
    """What a conversion did: the journal, and its copies converted, deleted or left (with why)."""

    journal_changed: bool = False
    converted: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    left: list[tuple[Path, str]] = field(default_factory=list)


def journal_copies(journal: Path) -> list[Path]:
    """The journal's backups (``backups/STEM-….db``) and the copies upgrades kept
    (``NAME.vN-….bak`` beside it): regular files only, never through a link."""
    found = []
    folder = backups_folder(journal)
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(folder)):
            if read_name(journal, name) is not None:
                found.append(folder / name)
    with contextlib.suppress(OSError):
        for name in sorted(os.listdir(journal.parent)):
            if name.startswith(f"{journal.name}.v") and name.endswith(".bak"):
                found.append(journal.parent / name)
    return [path for path in found if path.is_file() and not path.is_symlink()]


def convert(path: Path, *, source: Key | None, target: Key | None, delete_copies: bool = False) -> Conversion:
    """Make the journal at ``path`` (opened with ``source``) and its copies encrypted with
    ``target`` (plain when None); ``delete_copies`` deletes the copies instead of converting them.
    A journal already encrypted with ``target`` is left as it is and only its copies are done."""
    path = Path(path)
    done = Conversion()
    if not _is_as_asked(path, target):
        _convert_journal(path, source, target)
        done.journal_changed = True
    for copy in journal_copies(path):
        if delete_copies:
            copy.unlink(missing_ok=True)
            done.deleted.append(copy)
            continue
        if _is_as_asked(copy, target):
            continue
        try:
            _convert_copy(copy, source, target)
        except (JournalUnavailable, files.OutputError, OSError, *driver.Error) as err:
            done.left.append((copy, str(err)))
        else:
            done.converted.append(copy)
    return done


def _is_as_asked(path: Path, target: Key | None) -> bool:
    if target is None:
        return not driver.is_encrypted(path)
    return driver.is_encrypted(path) and driver.file_header(path) == target.salt and _open_problem(path, target) is None


@contextlib.contextmanager
def _held(path: Path, key: Key | None) -> Iterator[Any]:
    """The journal opened for conversion: its -wal folded in and removed, and locked against every
    other program until the block ends (the new file is renamed in meanwhile)."""
    with translate_errors(path):
        conn = _cipher_connect(str(path), key)
    try:
        with translate_errors(path):
            conn.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_MS:d}")
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except driver.DatabaseError as err:
                if key is not None and "not a database" in str(err).lower():
                    raise WrongPassphrase(f"wrong passphrase for {path}; nothing was changed") from None
                raise
            if not 1 <= version <= SCHEMA_VERSION:
                raise JournalUnavailable(f"{path} is not a goaljournal journal this version can convert; nothing was changed")
            try:
                mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            except driver.OperationalError as err:
                if "locked" not in str(err).lower():
                    raise
                mode = "wal"
            if mode != "delete":
                raise JournalBusy(f"{path} is open in another program (the app?); close it and try again; nothing was changed")
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("BEGIN EXCLUSIVE")  # taken now and, in exclusive locking mode, kept
            conn.execute("COMMIT")
        yield conn
    finally:
        conn.close()


def _convert_journal(path: Path, source: Key | None, target: Key | None) -> None:
    with _held(path, source) as conn:
        try:
            _write_converted(conn, path, target)
        except files.OutputError as err:
            raise JournalUnavailable(f"{err}; the journal {path} is unchanged") from None


def _convert_copy(copy: Path, source: Key | None, target: Key | None) -> None:
    key = source
    if source is not None and not driver.is_encrypted(copy):
        key = None  # a plain copy left from before the journal was encrypted
    taken = copy.stat()
    with contextlib.closing(_cipher_connect(read_only_uri(copy), key, uri=True)) as conn:
        try:
            _write_converted(conn, copy, target)
        except driver.DatabaseError as err:  # reading the copy: the checked new file reports its own
            if "not a database" in str(err).lower():
                raise JournalUnavailable("it does not open with the journal's passphrase") from None
            raise
    with contextlib.suppress(OSError):  # a conversion changes how a copy is kept, not when it was taken
        os.utime(copy, ns=(taken.st_atime_ns, taken.st_mtime_ns))


def _write_converted(conn: Any, path: Path, target: Key | None) -> None:
    """Put at ``path`` a checked copy of what ``conn`` holds, keyed with ``target``."""
    counts = _row_counts(conn)
    version = conn.execute("PRAGMA user_version").fetchone()[0]

    def fill(part: files.Partial) -> None:
        _export(conn, part.path, target, version)
        _verify(part.path, target, counts)

    files.write_with(path, fill)


def _export(conn: Any, dest: str, target: Key | None, version: int) -> None:
    """Copy everything ``conn`` holds into the new file ``dest``, keyed with ``target``."""
    secret = "" if target is None else target.pragma_value
    conn.execute("ATTACH DATABASE ? AS converted KEY ?", (dest, secret))
    try:
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT sqlcipher_export('converted')")
            conn.execute(f"PRAGMA converted.user_version = {int(version):d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE converted")


def _row_counts(conn: Any) -> dict[str, int]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def _verify(dest: str, target: Key | None, counts: dict[str, int]) -> None:
    """The new file opens with ``target``, passes the integrity check and holds every row."""
    problem: str | None
    try:
        with contextlib.closing(_cipher_connect(f"file:{quote(dest)}?mode=ro", target, uri=True)) as copy:
            verdicts = [row[0] for row in copy.execute("PRAGMA integrity_check").fetchall()]
            problem = None if verdicts == ["ok"] else verdicts[0]
            if problem is None and _row_counts(copy) != counts:
                problem = "it does not hold every row"
    except driver.DatabaseError as err:
        problem = str(err)
    if problem is not None:
        raise files.OutputError(f"the converted copy failed its check ({problem})")
