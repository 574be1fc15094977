"""The journal store's plumbing: the connection, its lock, transactions and the small helpers
every part of :class:`~goaljournal.store.journal.Store` uses."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from goaljournal.store import driver
from goaljournal.store.connection import (
    CHECKPOINT_WAL_BYTES,
    checkpoint,
    open_journal,
    translate_errors,
)
from goaljournal.store.driver import Key
from goaljournal.store.errors import NotFound, ReadOnlyJournal
from goaljournal.store.values import new_uuid, utc_stamp


class StoreBase:
    """One open journal file.

    The connection is shared by the TUI's main thread and its workers (``check_same_thread`` is
    off), so every use of it holds ``self._lock``. Writes run in ``BEGIN IMMEDIATE`` transactions:
    the write lock is taken up front, and a busy journal waits for the busy timeout instead of
    failing half-way.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        clock: Callable[[], datetime],
        read_only: bool = False,
        read_only_reason: str | None = None,
        key: Key | None = None,
    ) -> None:
        conn.row_factory = driver.row_factory(conn)
        self.conn = conn
        # An encrypted journal's key: every copy of it (backups) is encrypted with it too.
        self.key = key
        self.path = Path(path)
        self.read_only = read_only or read_only_reason is not None
        # What a refused write says: the file, or the folder it is in, cannot be written.
        self.read_only_reason = read_only_reason or f"{self.path} is read-only; nothing was written"
        self.clock = clock
        # The weekday() a cadence goal's weeks start on (0 Monday, 6 Sunday): the app sets the
        # user's preference; the command line keeps ISO weeks.
        self.week_start = 0
        self._lock = threading.RLock()
        self._purged_texts: list[str] = []  # purged, but maybe still in the files (see purge_entry)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Callable[[], datetime], key: Key | None = None) -> Self:
        """Open the journal at ``path``. ``clock`` is the store's "now" (naive, local time): it
        dates new records and stamps changes; only entry points pass the real one. ``key`` opens
        an encrypted journal (see ``store.encryption.unlock``), or creates a new one encrypted."""
        conn, read_only_reason = open_journal(Path(path), clock, key)
        return cls(conn, Path(path), read_only_reason=read_only_reason, clock=clock, key=key)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def today(self) -> date:
        return self.clock().date()

    def _stamp(self) -> str:
        """Now, by the store's clock, as a created/updated stamp."""
        return utc_stamp(self.clock())

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: everything inside commits together or not at all."""
        if self.read_only:
            raise ReadOnlyJournal(self.read_only_reason)
        with self._lock, translate_errors(self.path):
            if self.conn.in_transaction:  # nested: join the outer transaction
                yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                # A commit that fails (disk full, I/O error) may leave the transaction open:
                # roll it back so the next write does not join a half-written one.
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self._checkpoint_if_large()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: everything read inside sees the same state of the journal."""
        with self._lock, translate_errors(self.path):
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock, translate_errors(self.path):
            return self.conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock, translate_errors(self.path):
            return self.conn.execute(sql, params).fetchone()

    def _insert(self, conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
        values.setdefault("uuid", new_uuid())
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))
        return int(cursor.lastrowid or 0)

    def _attach(self, items: Sequence[Any], attribute: str, sql: str) -> None:
        """Fill each item's list ``attribute`` from ``sql``'s (item id, value) rows; ``{ids}`` in
        ``sql`` stands for the items' ids, so one query serves a whole page of items."""
        by_id = {item.id: item for item in items}
        if by_id:
            marks = ", ".join("?" for _ in by_id)
            for item_id, value in self._rows(sql.format(ids=marks), list(by_id)):
                getattr(by_id[item_id], attribute).append(value)

    def _require(self, table: str, row_id: int, what: str) -> sqlite3.Row:
        row = self._one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if row is None:
            raise NotFound(f"no {what} with id {row_id}")
        return row

    def _checkpoint_if_large(self) -> None:
        """Fold a large WAL back into the journal (automatic checkpoints are off: see
        ``connection._configure`` on the WAL-reset bug). TRUNCATE, not RESTART: the size is
        read from the file, which RESTART leaves at its full length, so every later commit would
        checkpoint again."""
        try:
            size = os.stat(f"{self.path}-wal").st_size
        except OSError:
            return
        if size > CHECKPOINT_WAL_BYTES:
            checkpoint(self.conn, "TRUNCATE")

    def change_token(self) -> tuple[int, int]:
        """A value that changes whenever the journal does, by this connection or another
        process: a view can skip re-reading when it is the same as at its last read."""
        with self._lock, translate_errors(self.path):
            data_version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            return int(data_version), self.conn.total_changes
