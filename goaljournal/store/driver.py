"""Which SQLite library opens a journal: the standard ``sqlite3`` for a plain file, ``sqlcipher3``
(SQLCipher 4, the ``encrypted`` extra) for an encrypted one, with its key set before anything else.

One file is only ever opened through one library in a process (two libraries' POSIX locks do not
see each other), so every connection to a journal, its backups and its copies comes from
:func:`connect` with the journal's key. The two libraries have separate exception classes:
``Error``, ``DatabaseError``, ``OperationalError`` and ``IntegrityError`` here are tuples of both
once SQLCipher is loaded; catch them as ``driver.DatabaseError`` (looked up when raised), never
imported by name.

The key is derived here, once per passphrase and salt, exactly as SQLCipher 4 derives it
(PBKDF2-HMAC-SHA512, 256,000 iterations, the file's first 16 bytes as the salt) and handed to
SQLCipher as a raw key, so that the slow derivation runs once in a process however many
connections (backups, checks) it opens. Standard library only until an encrypted file is opened.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from goaljournal.store.errors import JournalUnavailable

PLAIN_HEADER = b"SQLite format 3\x00"
SALT_BYTES = 16
KDF_ITERATIONS = 256_000  # SQLCipher 4's default
INSTALL_HINT = "pip install 'goaljournal[encrypted]'"

Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
IntegrityError: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

_sqlcipher: ModuleType | None = None


@dataclass(frozen=True)
class Key:
    """A journal's encryption key and the salt its file starts with. Its text never shows."""

    secret: bytes = field(repr=False)
    salt: bytes

    @property
    def pragma_value(self) -> str:
        # A raw key with its salt: SQLCipher uses it as is, no derivation, and writes the salt
        # into a new file's first 16 bytes.
        return f"x'{self.secret.hex()}{self.salt.hex()}'"


def derive_key(passphrase: str, salt: bytes) -> Key:
    """The key SQLCipher 4 would derive from ``passphrase`` for a file starting with ``salt``;
    derived once per process for each pair (it takes a fifth of a second on purpose)."""
    return Key(_derived(passphrase, bytes(salt)), bytes(salt))


@functools.lru_cache(maxsize=4)
def _derived(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def file_header(path: str | os.PathLike[str]) -> bytes:
    """The first 16 bytes of ``path`` (fewer for a shorter file); never opens a non-regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.pread(fd, SALT_BYTES, 0)
    finally:
        os.close(fd)


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` looks like an encrypted journal: not a plain SQLite file, and whole pages
    long (SQLCipher writes pages of 512 bytes or a power of two above). An encrypted file looks
    like noise, so noise that happens to fit is taken for one, and its passphrase is then
    reported wrong. An empty or missing file is plain (a new journal)."""
    try:
        found = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(found.st_mode) or found.st_size < 512 or found.st_size % 512:
        return False  # a folder or a device is refused as such when it is opened
    return file_header(path) != PLAIN_HEADER


def sqlcipher() -> ModuleType:
    """The ``sqlcipher3`` DB-API module, loaded on first use; a missing extra is one line."""
    global _sqlcipher, Error, DatabaseError, OperationalError, IntegrityError
    if _sqlcipher is None:
        try:
            from sqlcipher3 import dbapi2
        except ImportError:
            raise JournalUnavailable(f"encrypted journals need SQLCipher: {INSTALL_HINT}") from None
        _sqlcipher = dbapi2
        Error = (sqlite3.Error, dbapi2.Error)
        DatabaseError = (sqlite3.DatabaseError, dbapi2.DatabaseError)
        OperationalError = (sqlite3.OperationalError, dbapi2.OperationalError)
        IntegrityError = (sqlite3.IntegrityError, dbapi2.IntegrityError)
    return _sqlcipher


def connect(target: str | os.PathLike[str], *, key: Key | None, cipher: bool = False, **options: Any) -> Any:
    """A connection to ``target`` (a path, or a ``file:`` URI with ``uri=True``) through the
    library its ``key`` calls for, keyed before any other statement; with ``cipher``, through
    SQLCipher even without a key (a plain file a conversion reads or writes with SQLCipher).

    On an encrypted connection SQLCipher's own log lines are silenced (a wrong key is reported
    by the caller, in one line) and temporary tables and indices stay in memory, so no sort or
    index build spills plain text into a temporary file.
    """
    if key is None and not cipher:
        return sqlite3.connect(target, **options)
    module = sqlcipher()
    conn = module.connect(target, **options)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f'PRAGMA key = "{key.pragma_value}"')
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def row_factory(conn: Any) -> type:
    """The ``Row`` class of the library ``conn`` comes from."""
    if isinstance(conn, sqlite3.Connection):
        return sqlite3.Row
    return sqlcipher().Row


def salt_of(path: str | os.PathLike[str]) -> bytes:
    """An encrypted file's salt: its first 16 bytes."""
    header = file_header(Path(path))
    if len(header) < SALT_BYTES:
        raise JournalUnavailable(f"{path} is too short to be an encrypted journal")
    return header
