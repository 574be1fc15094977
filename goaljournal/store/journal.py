"""The journal store: every read and write of goals, entries and assessments goes through here."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from goaljournal.core.dates import format_day, format_moment
from goaljournal.core.models import (
    CATEGORIES,
    ENTRY_KINDS,
    FEEDBACK_SOURCES,
    GOAL_STATUSES,
    HORIZONS,
    ITEM_KINDS,
    REVISED_FIELDS,
    Assessment,
    AssessmentItem,
    CheckIn,
    Entry,
    Goal,
    Milestone,
    Rating,
    Revision,
    Skill,
)
from goaljournal.core.tags import extract_tags
from goaljournal.store.connection import backup_to, open_journal, translate_errors
from goaljournal.store.errors import InvalidInput, NotFound, ReadOnlyJournal

GOAL_FIELDS = (
    "title", "category", "horizon", "metric", "unit", "baseline", "target", "start_date",
    "deadline", "why", "confidence", "status", "parent_id", "assessment_item_id",
)  # fmt: skip
ITEM_FIELDS = ("evidence", "cost", "learned", "source", "action")
# Soft-deletable tables a caller may name; anything else is refused before it reaches SQL.
TRASHABLE = ("entries", "goals", "milestones", "checkins", "assessments")


def new_uuid() -> str:
    return uuid.uuid4().hex


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def quote_fts(query: str) -> str:
    """A user's search words as an FTS5 query that matches them all and never raises.

    Each word becomes a quoted string, so FTS syntax (AND, NEAR, ``"``, ``:``, ``^``) is taken
    literally; a trailing ``*`` is kept as a prefix search.
    """
    terms = []
    for word in query.replace("\x00", " ").split():
        prefix = word.endswith("*") and len(word.rstrip("*")) > 0
        word = word.rstrip("*") if prefix else word
        terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(terms)


def index_entry(conn: sqlite3.Connection, entry_id: int, text: str, *, old_text: str | None = None) -> None:
    """Keep the full-text index in step with an entry's text (see schema 003: no triggers)."""
    if old_text is not None:
        conn.execute("INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', ?, ?)", (entry_id, old_text))
    conn.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (entry_id, text))


def _check_text(value: str | None, what: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise InvalidInput(f"{what} is empty; nothing was saved")
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            f"{what} contains characters that are not valid Unicode (a lone surrogate); nothing was saved"
        ) from None
    if required and not value.strip():
        raise InvalidInput(f"{what} is empty; nothing was saved")
    return value


def _check_choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    if value is not None and value not in choices:
        raise InvalidInput(f"unknown {what} '{value}': choose one of {', '.join(choices)}")
    return value


def _check_scale(value: int | None, what: str) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5):
        raise InvalidInput(f"{what} must be a whole number from 1 to 5")
    return value


def _moment(value: datetime | str | None) -> str | None:
    """A moment as stored (YYYY-MM-DD HH:MM:SS); text must already be an ISO date-time."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return format_moment(datetime.fromisoformat(value))
        except ValueError:
            raise InvalidInput(f"'{value}' is not a date and time (YYYY-MM-DD HH:MM:SS)") from None
    return format_moment(value)


def _day(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                raise InvalidInput(f"'{value}' is not a date (YYYY-MM-DD)") from None
        return value
    return format_day(value)


class Store:
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
        read_only: bool = False,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        conn.row_factory = sqlite3.Row
        self.conn = conn
        self.path = Path(path)
        self.read_only = read_only
        self.clock = clock
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Callable[[], datetime] = datetime.now) -> Store:
        conn, read_only = open_journal(Path(path))
        return cls(conn, Path(path), read_only=read_only, clock=clock)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------

    def today(self) -> date:
        return self.clock().date()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: everything inside commits together or not at all."""
        if self.read_only:
            raise ReadOnlyJournal(f"{self.path} is read-only; nothing was written")
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
            self.conn.execute("COMMIT")

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

    def _require(self, table: str, row_id: int, what: str) -> sqlite3.Row:
        row = self._one(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if row is None:
            raise NotFound(f"no {what} with id {row_id}")
        return row

    # -- entries ----------------------------------------------------------------------------

    def add_entry(
        self,
        text: str,
        *,
        at: datetime | str | None = None,
        kind: str = "reflection",
        goal_ids: Iterable[int] = (),
        tags: Iterable[str] = (),
        starred: bool = False,
        private: bool = False,
    ) -> int:
        """Add an entry; ``@tags`` in the text are recorded along with ``tags``."""
        _check_text(text, "the entry text", required=True)
        _check_choice(kind, ENTRY_KINDS, "kind")
        moment = _moment(at) or format_moment(self.clock())
        stamp = utc_stamp()
        goal_ids = list(goal_ids)
        with self.transaction() as conn:
            for goal_id in goal_ids:
                self._require("goals", goal_id, "goal")
            entry_id = self._insert(conn, "entries", {
                "at": moment, "text": text, "kind": kind, "starred": int(starred),
                "private": int(private), "created_at": stamp, "updated_at": stamp,
            })  # fmt: skip
            index_entry(conn, entry_id, text)
            self._link_tags(conn, entry_id, [*extract_tags(text), *tags])
            conn.executemany(
                "INSERT OR IGNORE INTO entry_goals (entry_id, goal_id) VALUES (?, ?)",
                [(entry_id, goal_id) for goal_id in goal_ids],
            )
        return entry_id

    def _link_tags(self, conn: sqlite3.Connection, entry_id: int, names: Iterable[str]) -> None:
        for name in dict.fromkeys(names):
            _check_text(name, "a tag", required=True)
            conn.execute("INSERT OR IGNORE INTO tags (uuid, name) VALUES (?, ?)", (new_uuid(), name))
            conn.execute(
                "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) "
                "SELECT ?, id FROM tags WHERE name = ?",
                (entry_id, name),
            )

    def update_entry(
        self,
        entry_id: int,
        *,
        text: str | None = None,
        kind: str | None = None,
        starred: bool | None = None,
        private: bool | None = None,
        at: datetime | str | None = None,
    ) -> None:
        """Change an entry; a new text re-reads its ``@tags``."""
        self._require("entries", entry_id, "entry")
        changes: dict[str, Any] = {}
        if text is not None:
            changes["text"] = _check_text(text, "the entry text", required=True)
        if kind is not None:
            changes["kind"] = _check_choice(kind, ENTRY_KINDS, "kind")
        if starred is not None:
            changes["starred"] = int(starred)
        if private is not None:
            changes["private"] = int(private)
        if at is not None:
            changes["at"] = _moment(at)
        if not changes:
            return
        changes["updated_at"] = utc_stamp()
        with self.transaction() as conn:
            old_text = conn.execute("SELECT text FROM entries WHERE id = ?", (entry_id,)).fetchone()[0]
            assignments = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(f"UPDATE entries SET {assignments} WHERE id = ?", [*changes.values(), entry_id])
            if text is not None:
                index_entry(conn, entry_id, text, old_text=old_text)
                conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
                self._link_tags(conn, entry_id, extract_tags(text))

    def get_entry(self, entry_id: int) -> Entry:
        row = self._require("entries", entry_id, "entry")
        return self._with_links([row])[0]

    def _with_links(self, rows: Sequence[sqlite3.Row]) -> list[Entry]:
        entries = [Entry.from_row(row) for row in rows]
        if not entries:
            return entries
        by_id = {entry.id: entry for entry in entries}
        marks = ", ".join("?" for _ in by_id)
        for row in self._rows(
            f"SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            f"WHERE et.entry_id IN ({marks}) ORDER BY t.name COLLATE NOCASE",
            list(by_id),
        ):
            by_id[row[0]].tags.append(row[1])
        for row in self._rows(
            f"SELECT entry_id, goal_id FROM entry_goals WHERE entry_id IN ({marks}) ORDER BY goal_id",
            list(by_id),
        ):
            by_id[row[0]].goal_ids.append(row[1])
        return entries

    def _entry_filter(
        self,
        *,
        query: str | None = None,
        tag: str | None = None,
        kind: str | None = None,
        starred: bool | None = None,
        goal_id: int | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        trashed: bool = False,
    ) -> tuple[str, list[Any]] | None:
        """The WHERE clause for a filtered view of entries, or None when nothing can match."""
        clauses = ["deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"]
        params: list[Any] = []
        if query is not None:
            match = quote_fts(query)
            if not match:
                return None
            clauses.append("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            params.append(match)
        if tag:
            clauses.append(
                "id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                "WHERE t.name = ?)"
            )
            params.append(tag.lstrip("@"))
        if kind:
            clauses.append("kind = ?")
            params.append(_check_choice(kind, ENTRY_KINDS, "kind"))
        if starred is not None:
            clauses.append("starred = ?")
            params.append(int(starred))
        if goal_id is not None:
            clauses.append("id IN (SELECT entry_id FROM entry_goals WHERE goal_id = ?)")
            params.append(goal_id)
        if date_from is not None:
            clauses.append("at >= ?")
            params.append(_day(date_from))
        if date_to is not None:
            clauses.append("at < date(?, '+1 day')")
            params.append(_day(date_to))
        return " AND ".join(clauses), params

    def entries(self, *, offset: int = 0, limit: int = 200, **filters: Any) -> list[Entry]:
        """A page of entries, newest first, with their tags and goal links."""
        where = self._entry_filter(**filters)
        if where is None:
            return []
        sql, params = where
        # With a search, walk the newest-first index and keep the matches: the planner would
        # otherwise fetch and sort every match (22 ms for a common word at 100,000 entries,
        # 2 ms this way; a word with no match costs one index scan, 6 ms).
        source = "entries INDEXED BY entries_live_at" if filters.get("query") is not None and not filters.get("trashed") else "entries"
        rows = self._rows(
            f"SELECT * FROM {source} WHERE {sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return self._with_links(rows)

    def count_entries(self, **filters: Any) -> int:
        where = self._entry_filter(**filters)
        if where is None:
            return 0
        sql, params = where
        row = self._one(f"SELECT count(*) FROM entries WHERE {sql}", params)
        return int(row[0]) if row else 0

    def search(self, query: str, *, limit: int = 50, **filters: Any) -> list[Entry]:
        """Entries matching every word of ``query``, newest first; never raises on odd input."""
        _check_text(query, "the search")
        return self.entries(query=query, limit=limit, **filters)

    def tag_counts(self) -> list[tuple[str, int]]:
        """Each tag used by a live entry, with its count, most used first."""
        # Counting links and leaving out the few trashed entries avoids a lookup of every
        # entry row: 22 ms instead of 118 ms for 150,000 tag links.
        rows = self._rows(
            "SELECT t.name, count(*) AS n FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE et.entry_id NOT IN (SELECT id FROM entries WHERE deleted_at IS NOT NULL) "
            "GROUP BY et.tag_id ORDER BY n DESC, t.name COLLATE NOCASE"
        )
        return [(row[0], row[1]) for row in rows]

    # -- trash ------------------------------------------------------------------------------

    def trash(self, table: str, row_id: int) -> None:
        """Soft-delete a row: it leaves every view but the trash, and can be restored."""
        self._set_deleted(table, row_id, utc_stamp())

    def restore(self, table: str, row_id: int) -> None:
        self._set_deleted(table, row_id, None)

    def _set_deleted(self, table: str, row_id: int, stamp: str | None) -> None:
        if table not in TRASHABLE:
            raise ValueError(f"{table} has no trash")
        self._require(table, row_id, table.rstrip("s"))
        with self.transaction() as conn:
            conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", (stamp, row_id))

    # -- goals ------------------------------------------------------------------------------

    def _check_goal_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        unknown = set(fields) - set(GOAL_FIELDS)
        if unknown:
            raise ValueError(f"not goal fields: {', '.join(sorted(unknown))}")
        if "title" in fields:
            _check_text(fields["title"], "the goal", required=True)
        for name in ("metric", "unit", "why"):
            _check_text(fields.get(name), f"the {name}")
        _check_choice(fields.get("category"), CATEGORIES, "category")
        _check_choice(fields.get("horizon"), HORIZONS, "horizon")
        _check_choice(fields.get("status"), GOAL_STATUSES, "status")
        _check_scale(fields.get("confidence"), "confidence")
        for name in ("start_date", "deadline"):
            if name in fields:
                fields[name] = _day(fields[name])
        for name in ("baseline", "target"):
            value = fields.get(name)
            if value is not None:
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
                    raise InvalidInput(f"the {name} must be a number")
                fields[name] = float(value)
        for name, table, what in (("parent_id", "goals", "goal"), ("assessment_item_id", "assessment_items", "assessment item")):
            if fields.get(name) is not None:
                self._require(table, fields[name], what)
        return fields

    def add_goal(self, title: str, **fields: Any) -> int:
        """Add a goal; it starts today unless ``start_date`` says otherwise."""
        fields = self._check_goal_fields({"title": title, **fields})
        fields.setdefault("start_date", format_day(self.today()))
        fields.setdefault("status", "active")
        stamp = utc_stamp()
        with self.transaction() as conn:
            return self._insert(conn, "goals", {**fields, "created_at": stamp, "updated_at": stamp})

    _GOAL_SELECT = (
        "SELECT g.*, "
        "(SELECT value FROM checkins c WHERE c.goal_id = g.id AND c.deleted_at IS NULL "
        " ORDER BY c.at DESC, c.id DESC LIMIT 1) AS current, "
        "(SELECT at FROM checkins c WHERE c.goal_id = g.id AND c.deleted_at IS NULL "
        " ORDER BY c.at DESC, c.id DESC LIMIT 1) AS current_at "
        "FROM goals g"
    )

    def get_goal(self, goal_id: int) -> Goal:
        row = self._one(f"{self._GOAL_SELECT} WHERE g.id = ?", (goal_id,))
        if row is None:
            raise NotFound(f"no goal with id {goal_id}")
        return Goal.from_row(row)

    def goals(self, *, status: str | Sequence[str] | None = None, trashed: bool = False) -> list[Goal]:
        """Goals, soonest deadline first (goals without one last)."""
        clauses = ["g.deleted_at IS NOT NULL" if trashed else "g.deleted_at IS NULL"]
        params: list[Any] = []
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            for value in statuses:
                _check_choice(value, GOAL_STATUSES, "status")
            clauses.append(f"g.status IN ({', '.join('?' for _ in statuses)})")
            params.extend(statuses)
        rows = self._rows(
            f"{self._GOAL_SELECT} WHERE {' AND '.join(clauses)} "
            "ORDER BY g.deadline IS NULL, g.deadline, g.id",
            params,
        )
        return [Goal.from_row(row) for row in rows]

    def update_goal(
        self, goal_id: int, *, reason: str | None = None, at: datetime | str | None = None, **changes: Any
    ) -> int | None:
        """Change a goal. A change to its title, target, deadline or status is kept as a
        revision with ``reason``, dated ``at`` (default now); returns that revision's id, if one
        was made."""
        current = self._require("goals", goal_id, "goal")
        changes = self._check_goal_fields(dict(changes))
        _check_text(reason, "the reason")
        if changes.get("parent_id") is not None and goal_id in self._ancestors(changes["parent_id"]):
            raise InvalidInput("a goal cannot be its own parent, directly or through its parents")
        changed = {name: value for name, value in changes.items() if current[name] != value}
        if not changed:
            return None
        revised = {name: [current[name], changed[name]] for name in REVISED_FIELDS if name in changed}
        stamp = utc_stamp()
        with self.transaction() as conn:
            assignments = ", ".join(f"{name} = ?" for name in changed)
            conn.execute(
                f"UPDATE goals SET {assignments}, updated_at = ? WHERE id = ?",
                [*changed.values(), stamp, goal_id],
            )
            if not revised:
                return None
            return self._insert(conn, "revisions", {
                "goal_id": goal_id, "at": _moment(at) or format_moment(self.clock()),
                "changes": json.dumps(revised, ensure_ascii=False), "reason": reason,
            })  # fmt: skip

    def _ancestors(self, goal_id: int) -> set[int]:
        """The goal and every goal above it through parent links."""
        rows = self._rows(
            "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT g.parent_id FROM goals g JOIN up ON g.id = up.id "
            "WHERE g.parent_id IS NOT NULL) SELECT id FROM up",
            (goal_id,),
        )
        return {row[0] for row in rows}

    def revisions(self, goal_id: int | None = None) -> list[Revision]:
        if goal_id is None:
            rows = self._rows("SELECT * FROM revisions ORDER BY at, id")
        else:
            rows = self._rows("SELECT * FROM revisions WHERE goal_id = ? ORDER BY at, id", (goal_id,))
        return [Revision.from_row(row) for row in rows]

    def child_goals(self, goal_id: int) -> list[Goal]:
        rows = self._rows(f"{self._GOAL_SELECT} WHERE g.parent_id = ? AND g.deleted_at IS NULL ORDER BY g.id", (goal_id,))
        return [Goal.from_row(row) for row in rows]

    # -- milestones -------------------------------------------------------------------------

    def add_milestone(self, goal_id: int, title: str, *, due: date | str | None = None) -> int:
        _check_text(title, "the milestone", required=True)
        self._require("goals", goal_id, "goal")
        stamp = utc_stamp()
        with self.transaction() as conn:
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM milestones WHERE goal_id = ?", (goal_id,)
            ).fetchone()[0]
            return self._insert(conn, "milestones", {
                "goal_id": goal_id, "title": title, "due_date": _day(due), "position": position,
                "created_at": stamp, "updated_at": stamp,
            })  # fmt: skip

    def set_milestone_done(self, milestone_id: int, done_on: date | str | None) -> None:
        """Mark a milestone done on ``done_on``, or not done with None."""
        self._require("milestones", milestone_id, "milestone")
        with self.transaction() as conn:
            conn.execute(
                "UPDATE milestones SET done_at = ?, updated_at = ? WHERE id = ?",
                (_day(done_on), utc_stamp(), milestone_id),
            )

    _MILESTONE_SELECT = (
        "SELECT m.*, g.title AS goal_title FROM milestones m JOIN goals g ON g.id = m.goal_id "
        "WHERE m.deleted_at IS NULL AND g.deleted_at IS NULL"
    )

    def milestones(self, goal_id: int) -> list[Milestone]:
        rows = self._rows(
            f"{self._MILESTONE_SELECT} AND m.goal_id = ? ORDER BY m.position, m.id", (goal_id,)
        )
        return [Milestone.from_row(row) for row in rows]

    def open_milestones_due(self, until: date) -> list[Milestone]:
        """Milestones not done, of goals still being pursued, due on or before ``until``."""
        rows = self._rows(
            f"{self._MILESTONE_SELECT} AND m.done_at IS NULL AND m.due_date IS NOT NULL "
            "AND m.due_date <= ? AND g.status IN ('draft', 'active') ORDER BY m.due_date, m.id",
            (format_day(until),),
        )
        return [Milestone.from_row(row) for row in rows]

    # -- check-ins --------------------------------------------------------------------------

    def add_checkin(
        self,
        goal_id: int,
        value: float,
        *,
        at: date | str | None = None,
        note: str | None = None,
        confidence: int | None = None,
    ) -> int:
        self._require("goals", goal_id, "goal")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise InvalidInput("a check-in value must be a number")
        _check_text(note, "the note")
        _check_scale(confidence, "confidence")
        with self.transaction() as conn:
            return self._insert(conn, "checkins", {
                "goal_id": goal_id, "at": _day(at) or format_day(self.today()), "value": float(value),
                "note": note, "confidence": confidence, "created_at": utc_stamp(),
            })  # fmt: skip

    def checkins(self, goal_id: int) -> list[CheckIn]:
        rows = self._rows(
            "SELECT * FROM checkins WHERE goal_id = ? AND deleted_at IS NULL ORDER BY at, id", (goal_id,)
        )
        return [CheckIn.from_row(row) for row in rows]

    def checkin_days(self, *, since: date | None = None) -> list[date]:
        """Days with at least one check-in, newest first."""
        rows = self._rows(
            "SELECT DISTINCT at FROM checkins WHERE deleted_at IS NULL AND at >= ? ORDER BY at DESC",
            (format_day(since) if since else "",),
        )
        return [date.fromisoformat(row[0]) for row in rows]

    # -- assessments ------------------------------------------------------------------------

    def add_assessment(self, at: date | str | None = None, *, summary: str | None = None) -> int:
        _check_text(summary, "the summary")
        stamp = utc_stamp()
        with self.transaction() as conn:
            return self._insert(conn, "assessments", {
                "at": _day(at) or format_day(self.today()), "summary": summary,
                "created_at": stamp, "updated_at": stamp,
            })  # fmt: skip

    def update_assessment(self, assessment_id: int, **changes: Any) -> None:
        allowed = {"summary", "step", "completed_at", "at"}
        if set(changes) - allowed:
            raise ValueError(f"not assessment fields: {', '.join(sorted(set(changes) - allowed))}")
        _check_text(changes.get("summary"), "the summary")
        if "at" in changes:
            changes["at"] = _day(changes["at"])
        if changes.get("completed_at") is not None:
            changes["completed_at"] = _moment(changes["completed_at"])
        self._require("assessments", assessment_id, "assessment")
        with self.transaction() as conn:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(
                f"UPDATE assessments SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), utc_stamp(), assessment_id],
            )

    def add_assessment_item(self, assessment_id: int, kind: str, text: str, **fields: Any) -> int:
        """A strength, weakness, success, failure or piece of feedback in an assessment."""
        _check_choice(kind, ITEM_KINDS, "assessment item kind")
        _check_text(text, f"the {kind}", required=True)
        unknown = set(fields) - set(ITEM_FIELDS)
        if unknown:
            raise ValueError(f"not assessment item fields: {', '.join(sorted(unknown))}")
        for name in ITEM_FIELDS:
            _check_text(fields.get(name), f"the {name}")
        _check_choice(fields.get("source"), FEEDBACK_SOURCES, "feedback source")
        self._require("assessments", assessment_id, "assessment")
        with self.transaction() as conn:
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM assessment_items WHERE assessment_id = ?",
                (assessment_id,),
            ).fetchone()[0]
            return self._insert(conn, "assessment_items", {
                "assessment_id": assessment_id, "kind": kind, "text": text, **fields,
                "position": position, "created_at": utc_stamp(),
            })  # fmt: skip

    def skill_id(self, name: str, *, category: str | None = None) -> int:
        """The id of the skill called ``name`` (any case), adding it if it is new."""
        _check_text(name, "the skill name", required=True)
        name = " ".join(name.split())
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM skills WHERE name = ?", (name,)).fetchone()
            if row:
                return int(row[0])
            return self._insert(conn, "skills", {"name": name, "category": category, "created_at": utc_stamp()})

    def rate_skill(self, assessment_id: int, skill_id: int, rating: int, *, note: str | None = None) -> None:
        """Set (or change) a skill's 1–5 rating in an assessment."""
        _check_scale(rating, "a skill rating")
        _check_text(note, "the note")
        self._require("assessments", assessment_id, "assessment")
        self._require("skills", skill_id, "skill")
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO ratings (uuid, assessment_id, skill_id, rating, note) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (assessment_id, skill_id) DO UPDATE SET rating = excluded.rating, note = excluded.note",
                (new_uuid(), assessment_id, skill_id, rating, note),
            )

    def assessments(self) -> list[Assessment]:
        """Assessment sessions, newest first, with how many items and ratings each holds."""
        rows = self._rows(
            "SELECT a.*, "
            "(SELECT count(*) FROM assessment_items i WHERE i.assessment_id = a.id) AS item_count, "
            "(SELECT count(*) FROM ratings r WHERE r.assessment_id = a.id) AS rating_count "
            "FROM assessments a WHERE a.deleted_at IS NULL ORDER BY a.at DESC, a.id DESC"
        )
        return [Assessment.from_row(row) for row in rows]

    def assessment_items(self, assessment_id: int) -> list[AssessmentItem]:
        rows = self._rows(
            "SELECT * FROM assessment_items WHERE assessment_id = ? ORDER BY kind, position, id",
            (assessment_id,),
        )
        return [AssessmentItem.from_row(row) for row in rows]

    def ratings(self, assessment_id: int) -> list[Rating]:
        rows = self._rows(
            "SELECT r.*, s.name AS skill_name FROM ratings r JOIN skills s ON s.id = r.skill_id "
            "WHERE r.assessment_id = ? ORDER BY s.name COLLATE NOCASE",
            (assessment_id,),
        )
        return [Rating.from_row(row) for row in rows]

    def skills(self, *, include_retired: bool = False) -> list[Skill]:
        where = "" if include_retired else "WHERE retired_at IS NULL"
        return [Skill.from_row(row) for row in self._rows(f"SELECT * FROM skills {where} ORDER BY name COLLATE NOCASE")]

    # -- timeline -------------------------------------------------------------------------

    def timeline_items(self, start: date, end: date) -> list[dict[str, Any]]:
        """Everything dated from ``start`` to ``end`` (inclusive), newest first.

        Each item is a dict with ``day`` (YYYY-MM-DD), ``kind`` (goal-start, deadline,
        milestone, checkin, entry, revision, assessment), ``id``, ``goal_id``, ``text``,
        ``value``, ``done`` and, for entries, ``entry_kind`` and ``starred``.
        """
        lo, hi = format_day(start), format_day(end)
        sql = """
        SELECT substr(e.at, 1, 10) AS day, 'entry' AS kind, e.id, NULL AS goal_id, e.text,
               NULL AS value, NULL AS done, e.kind AS entry_kind, e.starred, e.at AS sort_at
          FROM entries e WHERE e.deleted_at IS NULL AND e.at >= :lo AND e.at < date(:hi, '+1 day')
        UNION ALL
        SELECT c.at, 'checkin', c.id, c.goal_id, g.title, c.value, NULL, NULL, 0, c.at || ' 23:59:58'
          FROM checkins c JOIN goals g ON g.id = c.goal_id
         WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN :lo AND :hi
        UNION ALL
        SELECT coalesce(m.done_at, m.due_date), 'milestone', m.id, m.goal_id, m.title, NULL,
               m.done_at IS NOT NULL, NULL, 0, coalesce(m.done_at, m.due_date) || ' 23:59:59'
          FROM milestones m JOIN goals g ON g.id = m.goal_id
         WHERE m.deleted_at IS NULL AND g.deleted_at IS NULL
           AND coalesce(m.done_at, m.due_date) BETWEEN :lo AND :hi
        UNION ALL
        SELECT substr(r.at, 1, 10), 'revision', r.id, r.goal_id, g.title || ' — ' || coalesce(r.reason, 'revised'),
               NULL, NULL, NULL, 0, r.at
          FROM revisions r JOIN goals g ON g.id = r.goal_id
         WHERE g.deleted_at IS NULL AND r.at >= :lo AND r.at < date(:hi, '+1 day')
        UNION ALL
        SELECT a.at, 'assessment', a.id, NULL, coalesce(a.summary, 'Self-assessment'), NULL,
               a.completed_at IS NOT NULL, NULL, 0, a.at || ' 12:00:00'
          FROM assessments a WHERE a.deleted_at IS NULL AND a.at BETWEEN :lo AND :hi
        UNION ALL
        SELECT g.start_date, 'goal-start', g.id, g.id, g.title, NULL, NULL, NULL, 0, g.start_date || ' 00:00:00'
          FROM goals g WHERE g.deleted_at IS NULL AND g.start_date BETWEEN :lo AND :hi
        UNION ALL
        SELECT g.deadline, 'deadline', g.id, g.id, g.title, NULL, g.status = 'achieved', NULL, 0, g.deadline || ' 23:59:59'
          FROM goals g WHERE g.deleted_at IS NULL AND g.deadline BETWEEN :lo AND :hi
        ORDER BY sort_at DESC, kind, id DESC
        """
        return [dict(row) for row in self._rows(sql, {"lo": lo, "hi": hi})]

    # -- whole journal ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many rows each part of the journal holds, trash included."""
        tables = ("goals", "milestones", "revisions", "checkins", "entries", "tags",
                  "assessments", "assessment_items", "skills", "ratings")  # fmt: skip
        return {table: int(self._one(f"SELECT count(*) FROM {table}")[0]) for table in tables}  # type: ignore[index]

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """A consistent copy of the journal in a new private file."""
        with self._lock, translate_errors(self.path):
            return backup_to(self.conn, Path(dest))

    def check(self) -> list[str]:
        """Problems SQLite finds in the file, its links and its search index; empty when healthy."""
        problems: list[str] = []
        with self._lock, translate_errors(self.path):
            verdicts = [row[0] for row in self.conn.execute("PRAGMA integrity_check").fetchall()]
            if verdicts != ["ok"]:
                problems.extend(f"integrity: {verdict}" for verdict in verdicts)
            for row in self.conn.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"broken link: {row[0]} row {row[1]} points to a missing {row[2]} row")
            if not self.read_only:
                try:
                    self.conn.execute("INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)")
                except sqlite3.DatabaseError as err:
                    problems.append(f"search index: {err}")
        return problems

    def schema_version(self) -> int:
        return int(self._one("PRAGMA user_version")[0])  # type: ignore[index]

    def pragma(self, name: str) -> Any:
        if not re.fullmatch(r"[a-z_]+", name):
            raise ValueError(name)
        row = self._one(f"PRAGMA {name}")
        return row[0] if row else None
