"""The journal store: one :class:`Store` per open journal file, composed of one part per
kind of record (entries, goals, assessments, timeline, interoperability, people). Every read
and write of the journal goes through it."""

from __future__ import annotations

import contextlib
import glob
import mmap
import os
import re
import sqlite3
import threading
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from goaljournal.store import driver
from goaljournal.store.assessments import AssessmentsMixin
from goaljournal.store.backup_names import automatic_name, backups_folder, name_stem, read_name
from goaljournal.store.base import StoreBase
from goaljournal.store.connection import (
    backup_to,
    checkpoint,
    copy_problem,
    make_private_dir,
    translate_errors,
)
from goaljournal.store.decisions import DecisionsMixin
from goaljournal.store.entries import EntriesMixin
from goaljournal.store.errors import InvalidInput, JournalError, JournalUnavailable
from goaljournal.store.goals import GoalsMixin
from goaljournal.store.interop import InteropMixin
from goaljournal.store.people import PeopleMixin
from goaljournal.store.reviews import ReviewsMixin
from goaljournal.store.timeline import TimelineMixin
from goaljournal.store.writing_aids import WritingAidsMixin

# How long a purge waits for other programs' reads to end before saying it could not finish.
PURGE_WAIT_SECONDS = 3.0

# Soft-deletable tables a caller may name; anything else is refused before it reaches SQL.
TRASHABLE = ("entries", "goals", "milestones", "checkins", "assessments", "people", "interactions", "reviews")
# How a message names one row of each.
TRASHED_NAMES = {
    "entries": "entry", "goals": "goal", "milestones": "milestone", "checkins": "check-in",
    "assessments": "assessment", "people": "person", "interactions": "conversation", "reviews": "review",
}  # fmt: skip


def _delete_entry_for_good(conn: sqlite3.Connection, entry_id: int, text: str) -> None:
    """Delete an entry, its links, its words in the search index and the tags only it used, in
    the caller's transaction. An automatic backup kept from an older journal format may lack the
    search index or people's tags: what is not there is not touched."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tag_ids = [r[0] for r in conn.execute("SELECT tag_id FROM entry_tags WHERE entry_id = ?", (entry_id,))]
    if "entries_fts" in tables:
        conn.execute("INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', ?, ?)", (entry_id, text))
    conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))  # links cascade
    person_tags = "AND NOT EXISTS (SELECT 1 FROM person_tags WHERE tag_id = ?1)" if "person_tags" in tables else ""
    conn.executemany(
        f"DELETE FROM tags WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM entry_tags WHERE tag_id = ?1) {person_tags}",
        [(tag_id,) for tag_id in tag_ids],
    )
    if "entries_fts" in tables:
        # FTS5 keeps a deleted document's words in its old segments until they are merged;
        # 'optimize' merges them all, and secure_delete zeroes the freed pages.
        conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")


class Store(ReviewsMixin, EntriesMixin, DecisionsMixin, GoalsMixin, AssessmentsMixin, TimelineMixin, InteropMixin, PeopleMixin,
            WritingAidsMixin, StoreBase):
    """One open journal file: see :class:`~goaljournal.store.base.StoreBase` for how the connection
    is shared and written."""

    # -- trash --------------------------------------------------------------------------------

    def trash(self, table: str, row_id: int, *, strict: bool = False) -> None:
        """Soft-delete a row: it leaves every view but the trash, and can be restored. With
        ``strict``, a row already in the trash is refused rather than left as it is."""
        self._set_deleted(table, row_id, self._stamp(), strict=strict)

    def restore(self, table: str, row_id: int, *, strict: bool = False) -> None:
        """Put a row back from the trash. With ``strict``, a row not in the trash is refused."""
        self._set_deleted(table, row_id, None, strict=strict)

    def _set_deleted(self, table: str, row_id: int, stamp: str | None, *, strict: bool) -> None:
        if table not in TRASHABLE:
            raise ValueError(f"{table} has no trash")
        what = TRASHED_NAMES[table]
        with self.transaction() as conn:
            row = self._require(table, row_id, what)
            if table == "checkins" and row["source"] is not None:
                # The people log writes and trashes these as conversations come and go.
                raise InvalidInput(
                    f"check-in #{row_id} was counted from the people log; delete or restore the conversation instead"
                )
            if strict and (row["deleted_at"] is None) == (stamp is None):
                where = "already in the trash" if stamp is not None else "not in the trash"
                raise InvalidInput(f"{what} {row_id} is {where}")
            conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", (stamp, row_id))
            if table in ("people", "interactions"):
                self._recount_goals(conn)

    # -- whole journal ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many rows each part of the journal holds, trash included (a new journal holds the
        built-in reflection prompts and entry templates already)."""
        tables = ("goals", "milestones", "revisions", "checkins", "entries", "tags",
                  "assessments", "assessment_items", "skills", "ratings", "daily_checkins", "people", "interactions",
                  "reviews", "review_goals", "review_focus", "reflection_prompts", "entry_templates")  # fmt: skip
        return {table: int(self._one(f"SELECT count(*) FROM {table}")[0]) for table in tables}  # type: ignore[index]

    def backup(self, dest: str | os.PathLike[str], *, managed: bool = False, alternatives: Sequence[str] = ()) -> Path:
        """A consistent, checked copy of the journal in a new private file (``managed``: in a
        folder goaljournal manages, such as ``backups/``); ``alternatives`` are names in the same
        folder taken in order when ``dest`` is taken meanwhile. Returns the file written."""
        with self._lock, translate_errors(self.path):
            return backup_to(self.conn, Path(dest), journal=self.path, managed=managed, alternatives=alternatives, key=self.key)

    def check(self) -> list[str]:
        """Problems SQLite finds in the file, its links and its search index, and stored values their
        column may not hold (store/fields.py); empty when healthy."""
        problems: list[str] = []
        with self._lock, translate_errors(self.path):
            try:
                verdicts = [row[0] for row in self.conn.execute("PRAGMA integrity_check").fetchall()]
                if verdicts != ["ok"]:
                    problems.extend(f"integrity: {verdict}" for verdict in verdicts)
                for row in self.conn.execute("PRAGMA foreign_key_check").fetchall():
                    problems.append(f"broken link: {row[0]} row {row[1]} points to a missing {row[2]} row")
                if self.encrypted:  # every page's HMAC: a changed byte SQLite's own check may not reach
                    problems.extend(f"encryption: {row[0]}" for row in self.conn.execute("PRAGMA cipher_integrity_check").fetchall())
            except driver.DatabaseError as err:  # damage bad enough that the check cannot finish
                return [f"integrity: {err}"]
            from goaljournal.store.fields import value_problems

            try:
                problems.extend(value_problems(self.conn))
            except driver.DatabaseError as err:
                problems.append(f"values: {err}")
            if not self.read_only:
                try:
                    self.conn.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)")
                except driver.DatabaseError as err:
                    problems.append(f"search index: {err}")
        return problems

    def schema_version(self) -> int:
        return int(self._one("PRAGMA user_version")[0])  # type: ignore[index]

    def pragma(self, name: str) -> Any:
        if not re.fullmatch(r"[a-z_]+", name):
            raise ValueError(name)
        row = self._one(f"PRAGMA {name}")
        return row[0] if row else None

    # -- reliability: purge and rolling backups -----------------------------------------------

    def purge_entry(self, entry_id: int, *, wait: float = PURGE_WAIT_SECONDS) -> bool:
        """Delete an entry in the trash for good: its row, its links, its words in the search
        index, and (with ``secure_delete``) the bytes they leave in the file; tags only it used
        go too.

        Returns True once the text is gone from the journal and its -wal. Another program in the
        middle of reading the journal keeps the older pages (the text among them) until it ends:
        the purge waits up to ``wait`` seconds for that, and otherwise returns False with the
        entry deleted and its text still to wipe (:meth:`wipe_purged` finishes it later)."""
        with self._lock, translate_errors(self.path):
            self.conn.execute("PRAGMA secure_delete = ON")
            try:
                with self.transaction() as conn:
                    # Read where it is deleted: the index's 'delete' needs the text as it is now.
                    row = self._require("entries", entry_id, "entry")
                    if row["deleted_at"] is None:
                        raise InvalidInput(f"entry {entry_id} is not in the trash; move it there first")
                    _delete_entry_for_good(conn, entry_id, row["text"])
            finally:
                self.conn.execute("PRAGMA secure_delete = OFF")
            self._purged_texts.append(row["text"])
            return self.wipe_purged(wait=wait)

    def purge_pending(self) -> bool:
        """Whether a purged entry's text may still be in the journal's files (see :meth:`purge_entry`)."""
        return bool(self._purged_texts)

    def wipe_purged(self, *, wait: float = PURGE_WAIT_SECONDS) -> bool:
        """Empty the -wal into the journal (TRUNCATE), waiting up to ``wait`` seconds for other
        programs' reads to end, then make sure no purged text is left in either file. True when
        nothing purged is left."""
        if not self._purged_texts:
            return True
        deadline = time.monotonic() + wait
        with self._lock, translate_errors(self.path):
            while True:
                # Short waits in a loop, not one long one: the checkpoint holds the write lock
                # while it waits, and other programs' writes should not stall for seconds.
                if checkpoint(self.conn, "TRUNCATE", wait_ms=250) and not self._traces_left(self._purged_texts):
                    self._purged_texts.clear()
                    return True
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.05)

    def _traces_left(self, texts: list[str]) -> bool:
        """Whether pieces of ``texts`` are still in the journal file or its -wal. Pieces that a
        live entry also holds, and texts too short to tell from anything else, are not looked for."""
        pieces: set[bytes] = set()
        for text in texts:
            data = text.encode()
            if len(data) < 8:
                continue
            # Sampled pieces rather than the whole text: a long text is split across pages.
            for start in range(0, len(data), 1024):
                piece = data[start : start + 48]
                if len(piece) >= 8:
                    pieces.add(piece)
        pieces = {
            piece for piece in pieces
            if self.conn.execute("SELECT 1 FROM entries WHERE instr(CAST(text AS BLOB), ?) LIMIT 1", (piece,)).fetchone() is None
        }  # fmt: skip
        if not pieces:
            return False
        for name in (str(self.path), f"{self.path}-wal"):
            try:
                with open(name, "rb") as file:
                    if os.fstat(file.fileno()).st_size == 0:
                        continue
                    with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
                        if any(data.find(piece) >= 0 for piece in pieces):
                            return True
            except FileNotFoundError:
                continue
        return False

    def automatic_backups_holding(self, entry_uuid: str) -> list[Path]:
        """This journal's automatic backups (``backups/journal-auto-*.db`` for ``journal.db``)
        that still hold the entry."""
        holding = []
        for _, backup in self._automatic_backups():
            try:
                with contextlib.closing(self._open_backup(backup, read_only=True)) as conn:
                    found = conn.execute("SELECT 1 FROM entries WHERE uuid = ?", (entry_uuid,)).fetchone()
            except driver.DatabaseError:
                continue  # unreadable, not a journal or damaged: nothing of ours to remove from it
            if found:
                holding.append(backup)
        return holding

    def purge_from_backups(self, entry_uuid: str) -> list[Path]:
        """Remove an entry from every automatic backup that holds it, as :meth:`purge_entry`
        does from the journal, then VACUUM each so its free pages go too. Backups made by
        ``goaljournal backup`` or before an upgrade are the user's copies and are left alone.
        Each keeps its file time: a purge changes what a backup holds, not when it was taken.
        Returns the backups rewritten; one that cannot be rewritten is named in the error raised
        after the others are done."""
        rewritten, failed = [], []
        for backup in self.automatic_backups_holding(entry_uuid):
            try:
                self._purge_backup(backup, entry_uuid)
            except (*driver.DatabaseError, JournalError, OSError) as err:
                failed.append(f"{backup.name} ({err})")
            else:
                rewritten.append(backup)
        if failed:
            raise JournalUnavailable(
                f"removed from {len(rewritten)} automatic backups, but not from {', '.join(failed)}"
            )
        return rewritten

    def _purge_backup(self, backup: Path, entry_uuid: str) -> None:
        taken = backup.stat()
        try:
            self._purge_backup_rows(backup, entry_uuid)
        finally:
            with contextlib.suppress(OSError):
                os.utime(backup, ns=(taken.st_atime_ns, taken.st_mtime_ns))

    def _purge_backup_rows(self, backup: Path, entry_uuid: str) -> None:
        with contextlib.closing(self._open_backup(backup, read_only=False)) as conn:
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT id, text FROM entries WHERE uuid = ?", (entry_uuid,)).fetchone()
                if row is not None:
                    _delete_entry_for_good(conn, row[0], row[1])
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("VACUUM")

    def _automatic_backups(self) -> list[tuple[date, Path]]:
        """This journal's automatic backups with their days, oldest first. A link under a
        backup's name is not one of ours: pruning or rewriting it would change another file."""
        found = []
        for path in backups_folder(self.path).glob(f"{glob.escape(name_stem(self.path))}-auto-*.db"):
            named = read_name(self.path, path.name)
            if named is not None and named.automatic and not path.is_symlink():
                found.append((named.day, path))
        return sorted(found)

    def _open_backup(self, path: Path, *, read_only: bool) -> sqlite3.Connection:
        mode = "ro" if read_only else "rw"
        return driver.connect(f"file:{quote(str(path.resolve()))}?mode={mode}", key=self.key, uri=True, isolation_level=None)

    def rolling_backup(self, *, keep: int = 7) -> Path | None:
        """Today's automatic backup, ``backups/STEM-auto-YYYY-MM-DD.db`` beside the journal (STEM
        is the journal's file name without its suffix: ``journal`` for ``journal.db``), unless there
        is one already; this journal's automatic backups dated more than ``keep`` days before today
        are then removed, but never the one just made nor the newest one that passes the check.

        Age is the date in the name against the journal's today (one clock for both): backups
        dated in the future, left by a clock that ran ahead, are kept until they age, rather than
        crowding out each new day's backup. It reads through a connection of its own, so the
        app's writes are not held up while it copies. Returns the new backup, or None when there
        was nothing to do."""
        if self.read_only:
            return None
        folder = backups_folder(self.path)
        make_private_dir(folder)
        today = self.today()
        dest = folder / automatic_name(self.path, today)
        made = None
        if not dest.exists():
            source = driver.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro", key=self.key, uri=True)
            try:
                with translate_errors(self.path):
                    made = backup_to(source, dest, journal=self.path, managed=True, key=self.key)
            finally:
                source.close()
        (folder / f"{dest.name}.partial").unlink(missing_ok=True)  # left by versions before the atomic write
        self._prune_automatic(today - timedelta(days=keep - 1), made)
        return made

    def _prune_automatic(self, oldest_kept: date, made: Path | None) -> None:
        dated = sorted(self._automatic_backups(), reverse=True)
        old = [path for day, path in dated if day < oldest_kept and path != made]
        if not old:
            return
        newest_good = made or next((path for _, path in dated if copy_problem(path, key=self.key) is None), None)
        for path in old:
            if path != newest_good:
                path.unlink(missing_ok=True)

    def start_rolling_backup(self, *, keep: int = 7) -> threading.Thread:
        """``rolling_backup`` in a background thread: opening the app never waits for it. A
        backup that fails is retried the next time the app opens."""

        def run() -> None:
            with contextlib.suppress(JournalError, OSError, *driver.Error):
                self.rolling_backup(keep=keep)

        thread = threading.Thread(target=run, name="goaljournal-rolling-backup", daemon=True)
        thread.start()
        return thread
