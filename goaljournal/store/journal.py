"""The journal store: every read and write of goals, entries and assessments goes through here."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from goaljournal.core.assessment import SessionRef, Trajectory, trajectories
from goaljournal.core.dates import format_day, format_moment
from goaljournal.core.models import (
    CATEGORIES,
    ENTRY_KINDS,
    FEEDBACK_SOURCES,
    GOAL_STATUSES,
    HORIZONS,
    ITEM_KINDS,
    PROGRESS_SOURCES,
    REVISED_FIELDS,
    Assessment,
    AssessmentItem,
    CheckIn,
    DailyCheckin,
    Entry,
    Goal,
    Milestone,
    Rating,
    Revision,
    Skill,
)
from goaljournal.core.tags import extract_tags
from goaljournal.store.connection import (
    CHECKPOINT_WAL_BYTES,
    backup_to,
    checkpoint,
    make_private_dir,
    open_journal,
    translate_errors,
)
from goaljournal.store.errors import (
    InvalidInput,
    JournalError,
    NotFound,
    ReadOnlyJournal,
)
from goaljournal.store.people import COUNT_FIELDS, PeopleMixin
from goaljournal.store.values import (
    _check_choice,
    _check_scale,
    _check_text,
    _day,
    _moment,
    new_uuid,
    utc_stamp,
)

if TYPE_CHECKING:  # issue 8: only its import and report commands need these
    from goaljournal.core.jrnl import ImportedEntry
    from goaljournal.core.report import ReportData

GOAL_FIELDS = (
    "title", "category", "horizon", "metric", "unit", "baseline", "target", "start_date",
    "deadline", "why", "confidence", "status", "parent_id", "assessment_item_id", "progress_from",
    "progress_tag",
)  # fmt: skip
ITEM_FIELDS = ("evidence", "cost", "learned", "source", "action")
# Soft-deletable tables a caller may name; anything else is refused before it reaches SQL.
TRASHABLE = ("entries", "goals", "milestones", "checkins", "assessments", "people", "interactions")


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


class Store(PeopleMixin):
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

    def _with_links(self, rows: Sequence[sqlite3.Row], *, links: bool = True) -> list[Entry]:
        entries = Entry.from_rows(rows)
        if not entries or not links:
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

    # Above this many rows a search reads its matches from the index and sorts them (see entries).
    WHOLE_SEARCH_ROWS = 1000

    def entries(self, *, offset: int = 0, limit: int = 200, links: bool = True, **filters: Any) -> list[Entry]:
        """A page of entries, newest first, with their tags and goal links (unless ``links`` is
        False: a plain listing need not look them up)."""
        where = self._entry_filter(**filters)
        if where is None:
            return []
        sql, params = where
        source = "entries"
        if filters.get("query") is not None and not filters.get("trashed"):
            if offset + limit <= self.WHOLE_SEARCH_ROWS:
                # A page: walk the newest-first index and keep the matches; the planner would
                # otherwise fetch and sort every match (22 ms for a common word at 100,000
                # entries, 2 ms this way; a word with no match costs one index scan, 6 ms).
                source = "entries INDEXED BY entries_live_at"
            else:
                # Every match (15,000 at 100,000 entries): reading them from the full-text index
                # and sorting them takes 29 ms; walking the date index takes 51 ms.
                sql = sql.replace("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)", "entries_fts MATCH ?")
                source = "entries_fts JOIN entries ON entries.id = entries_fts.rowid"
        rows = self._rows(
            f"SELECT entries.* FROM {source} WHERE {sql} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return self._with_links(rows, links=links)

    def count_entries(self, **filters: Any) -> int:
        where = self._entry_filter(**filters)
        if where is None:
            return 0
        sql, params = where
        row = self._one(f"SELECT count(*) FROM entries WHERE {sql}", params)
        return int(row[0]) if row else 0

    def search(self, query: str, *, limit: int = 50, links: bool = True, **filters: Any) -> list[Entry]:
        """Entries matching every word of ``query``, newest first; never raises on odd input."""
        _check_text(query, "the search")
        return self.entries(query=query, limit=limit, links=links, **filters)

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
        self._require(table, row_id, {"people": "person", "interactions": "conversation"}.get(table, table.rstrip("s")))
        with self.transaction() as conn:
            conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", (stamp, row_id))
            if table in ("people", "interactions"):
                self._recount_goals(conn)

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
        _check_choice(fields.get("progress_from"), tuple(PROGRESS_SOURCES), "progress source")
        if "progress_tag" in fields:
            tag = _check_text(fields["progress_tag"], "the tag")
            fields["progress_tag"] = (tag.strip().lstrip("@").strip() or None) if tag else None
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
            goal_id = self._insert(conn, "goals", {**fields, "created_at": stamp, "updated_at": stamp})
            if fields.get("progress_from"):
                self._recount_goals(conn, [goal_id])
            return goal_id

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
            if "progress_from" in changed and changed["progress_from"] is None:
                self._release_counted_checkins(conn, goal_id)
            elif any(name in changed for name in COUNT_FIELDS):
                self._recount_goals(conn, [goal_id])
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
        goal = self._require("goals", goal_id, "goal")
        if goal["progress_from"] is not None:
            raise InvalidInput(
                f"goal #{goal_id} counts {PROGRESS_SOURCES[goal['progress_from']]} from the people log; "
                "log a conversation instead (goaljournal met NAME)"
            )
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

    # -- guided self-assessment (issue 6): resume, edit items, skill list, trajectories ------

    def get_assessment(self, assessment_id: int) -> Assessment:
        row = self._one(
            "SELECT a.*, "
            "(SELECT count(*) FROM assessment_items i WHERE i.assessment_id = a.id) AS item_count, "
            "(SELECT count(*) FROM ratings r WHERE r.assessment_id = a.id) AS rating_count "
            "FROM assessments a WHERE a.id = ?",
            (assessment_id,),
        )
        if row is None:
            raise NotFound(f"no assessment with id {assessment_id}")
        return Assessment.from_row(row)

    def assessment_in_progress(self) -> Assessment | None:
        """The newest session started and not yet finished, if any: it is resumed, not doubled."""
        row = self._one(
            "SELECT id FROM assessments WHERE completed_at IS NULL AND deleted_at IS NULL "
            "ORDER BY at DESC, id DESC LIMIT 1"
        )
        return self.get_assessment(row[0]) if row else None

    def get_assessment_item(self, item_id: int) -> AssessmentItem:
        return AssessmentItem.from_row(self._require("assessment_items", item_id, "assessment item"))

    def update_assessment_item(self, item_id: int, **changes: Any) -> None:
        """Change an item's kind, text or fields; an empty optional field is stored as NULL."""
        allowed = {"kind", "text", *ITEM_FIELDS}
        if set(changes) - allowed:
            raise ValueError(f"not assessment item fields: {', '.join(sorted(set(changes) - allowed))}")
        current = self.get_assessment_item(item_id)
        kind = _check_choice(changes.get("kind", current.kind), ITEM_KINDS, "assessment item kind")
        if "text" in changes:
            _check_text(changes["text"], f"the {kind}", required=True)
        for name in ITEM_FIELDS:
            if name in changes:
                value = _check_text(changes[name], f"the {name}")
                changes[name] = value if value and value.strip() else None
        _check_choice(changes.get("source"), FEEDBACK_SOURCES, "feedback source")
        if not changes:
            return
        with self.transaction() as conn:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(f"UPDATE assessment_items SET {assignments} WHERE id = ?", [*changes.values(), item_id])

    def remove_assessment_item(self, item_id: int) -> AssessmentItem:
        """Delete an item and return it, so that the caller can offer to put it back.

        Items have no trash column (and no migration is due for one), so undo re-inserts the
        returned row with its uuid. An item a goal came from is refused: the link would break.
        """
        item = self.get_assessment_item(item_id)
        goal = self._one("SELECT id FROM goals WHERE assessment_item_id = ? LIMIT 1", (item_id,))
        if goal is not None:
            raise InvalidInput(f"goal #{goal[0]} came from this {item.kind}; it stays as the goal's source")
        with self.transaction() as conn:
            conn.execute("DELETE FROM assessment_items WHERE id = ?", (item_id,))
        return item

    def put_back_assessment_item(self, item: AssessmentItem) -> int:
        """Re-insert an item removed by :meth:`remove_assessment_item` (same uuid, same place)."""
        self._require("assessments", item.assessment_id, "assessment")
        values = {name: getattr(item, name) for name in ("uuid", "assessment_id", "kind", "text", *ITEM_FIELDS, "position", "created_at")}
        with self.transaction() as conn:
            return self._insert(conn, "assessment_items", values)

    def unrate_skill(self, assessment_id: int, skill_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM ratings WHERE assessment_id = ? AND skill_id = ?", (assessment_id, skill_id))

    def add_skill(self, name: str, *, category: str | None = None) -> int:
        """Put a skill on the user's list (a retired one of that name comes back); its id."""
        skill_id = self.skill_id(name, category=category)
        with self.transaction() as conn:
            conn.execute("UPDATE skills SET retired_at = NULL WHERE id = ?", (skill_id,))
        return skill_id

    def rename_skill(self, skill_id: int, name: str) -> None:
        """Rename a skill; its ratings in every session follow it."""
        _check_text(name, "the skill name", required=True)
        name = " ".join(name.split())
        self._require("skills", skill_id, "skill")
        clash = self._one("SELECT id FROM skills WHERE name = ? AND id <> ?", (name, skill_id))
        if clash is not None:
            raise InvalidInput(f"there is already a skill called '{name}'")
        with self.transaction() as conn:
            conn.execute("UPDATE skills SET name = ? WHERE id = ?", (name, skill_id))

    def retire_skill(self, skill_id: int, *, retired: bool = True) -> None:
        """Take a skill off the list to rate (or bring it back); its past ratings are kept."""
        self._require("skills", skill_id, "skill")
        with self.transaction() as conn:
            conn.execute(
                "UPDATE skills SET retired_at = ? WHERE id = ?", (utc_stamp() if retired else None, skill_id)
            )

    def all_ratings(self, *, until: date | str | None = None) -> list[Rating]:
        """Every rating of every live session (up to ``until``), oldest session first."""
        rows = self._rows(
            "SELECT r.*, s.name AS skill_name FROM ratings r JOIN skills s ON s.id = r.skill_id "
            "JOIN assessments a ON a.id = r.assessment_id WHERE a.deleted_at IS NULL AND a.at <= ? "
            "ORDER BY a.at, a.id, s.name COLLATE NOCASE",
            (_day(until) or "9999-12-31",),
        )
        return [Rating.from_row(row) for row in rows]

    def skill_trajectories(self, *, until: date | str | None = None) -> list[Trajectory]:
        """Each skill's ratings across all live sessions (up to ``until``), oldest first.

        The timeline's data for skills: a trajectory as of any day it shows."""
        limit = _day(until) or "9999-12-31"
        sessions = [SessionRef(a.id, a.at) for a in reversed(self.assessments()) if a.at <= limit]
        retired = [row[0] for row in self._rows("SELECT id FROM skills WHERE retired_at IS NOT NULL")]
        return trajectories(sessions, self.all_ratings(until=until), retired=retired)

    def skill_gap_item(self, assessment_id: int, skill_id: int) -> int:
        """The weakness item standing for a low-rated skill in a session (added once), so that a
        goal made from the skill links to an assessment item like any other."""
        rating = self._one(
            "SELECT r.rating, r.note, s.name FROM ratings r JOIN skills s ON s.id = r.skill_id "
            "WHERE r.assessment_id = ? AND r.skill_id = ?",
            (assessment_id, skill_id),
        )
        if rating is None:
            raise InvalidInput("rate the skill first; a goal starts from a rated skill")
        text = f"{rating['name']} (rated {rating['rating']} of 5)"
        existing = self._one(
            "SELECT id FROM assessment_items WHERE assessment_id = ? AND kind = 'weakness' AND text = ?",
            (assessment_id, text),
        )
        if existing is not None:
            return int(existing[0])
        return self.add_assessment_item(assessment_id, "weakness", text, evidence=rating["note"])

    def goals_from_items(self, assessment_id: int) -> dict[int, list[int]]:
        """For each item of a session that goals came from: those goals' ids."""
        linked: dict[int, list[int]] = {}
        for row in self._rows(
            "SELECT g.assessment_item_id, g.id FROM goals g JOIN assessment_items i ON i.id = g.assessment_item_id "
            "WHERE i.assessment_id = ? AND g.deleted_at IS NULL ORDER BY g.id",
            (assessment_id,),
        ):
            linked.setdefault(row[0], []).append(row[1])
        return linked

    # -- timeline -------------------------------------------------------------------------
    # Everything dated, on one axis. The timeline never reads the whole journal: it asks once how
    # many items each day holds (timeline_day_counts: one index scan, about 30 ms for 100,000
    # entries), lays its rows out from those counts, and then reads only the days of the rows on
    # screen (timeline_items with a day range, an offset into the first day and a limit).

    # What the timeline can show, as its filter names them: "goal" is a goal's start and deadline.
    TIMELINE_KINDS = ("goal", "milestone", "checkin", "revision", "assessment", *ENTRY_KINDS, "conversation", "follow-up")
    TIMELINE_COLUMNS = (
        "day", "kind", "id", "goal_id", "title", "text", "note", "value", "target", "unit", "done",
        "status", "due", "entry_kind", "starred", "sort_at",
    )  # fmt: skip

    def _timeline_arms(
        self, kinds: Iterable[str] | None, goal_id: int | None, tag: str | None, *, paging: bool = False
    ) -> tuple[list[tuple[str, str, str, str]], dict[str, Any]]:
        """One SELECT per kind of dated thing, narrowed by the filters, as (day expression,
        columns, "table … WHERE …", day-range condition); and the named parameters they use.

        The day counts and the item pages are both built from these, so they always agree.
        """
        chosen = set(self.TIMELINE_KINDS) if kinds is None else set(kinds)
        unknown = sorted(chosen - set(self.TIMELINE_KINDS))
        if unknown:
            raise InvalidInput(f"unknown timeline kind '{unknown[0]}': choose from {', '.join(self.TIMELINE_KINDS)}")
        _check_text(tag, "the tag")
        params: dict[str, Any] = {"goal": goal_id, "tag": tag.lstrip("@") if tag else None}
        arms: list[tuple[str, str, str, str]] = []

        def arm(day: str, exprs: tuple[str, ...], source: str, day_range: str) -> None:
            assert len(exprs) == len(self.TIMELINE_COLUMNS) - 1
            columns = ", ".join(f"{expr} AS {name}" for expr, name in zip((day, *exprs), self.TIMELINE_COLUMNS))
            arms.append((day, columns, source, day_range))

        entry_kinds = [kind for kind in ENTRY_KINDS if kind in chosen]
        if entry_kinds:
            where = ["e.deleted_at IS NULL"]
            if len(entry_kinds) < len(ENTRY_KINDS):
                params.update({f"entry_kind_{n}": kind for n, kind in enumerate(entry_kinds)})
                where.append(f"e.kind IN ({', '.join(f':entry_kind_{n}' for n in range(len(entry_kinds)))})")
            if goal_id is not None:
                where.append("e.id IN (SELECT entry_id FROM entry_goals WHERE goal_id = :goal)")
            # A page (a few days) checks each of its entries for the tag: 0.5 ms for a common tag
            # at 100,000 entries, where reading the tag's whole list first takes 11 ms; counting
            # every day is the other way round.
            if tag and paging:
                where.append(
                    "EXISTS (SELECT 1 FROM entry_tags et WHERE et.entry_id = e.id "
                    "AND et.tag_id = (SELECT id FROM tags WHERE name = :tag))"
                )
            elif tag:
                where.append(
                    "e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = :tag)"
                )
            linked_goal = ":goal" if goal_id is not None else "(SELECT min(eg.goal_id) FROM entry_goals eg WHERE eg.entry_id = e.id)"
            arm("substr(e.at, 1, 10)",
                ("'entry'", "e.id", linked_goal, "NULL", "e.text", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
                 "NULL", "e.kind", "e.starred", "e.at"),
                f"entries e WHERE {' AND '.join(where)}",
                "e.at >= :lo AND e.at < :hi_end")  # fmt: skip
        if tag:  # only entries carry tags
            return arms, params

        # Conversations on their day, follow-ups on their due day (done or not). A journal holds
        # a few thousand conversations at most: reading them for a page is cheap without an index
        # on done follow-ups (interactions_follow_up covers the open ones only).
        talked = "i.deleted_at IS NULL AND p.deleted_at IS NULL" + (
            " AND i.id IN (SELECT interaction_id FROM interaction_goals WHERE goal_id = :goal)" if goal_id is not None else ""
        )
        discussed = ":goal" if goal_id is not None else "(SELECT min(ig.goal_id) FROM interaction_goals ig WHERE ig.interaction_id = i.id)"
        if "conversation" in chosen:
            arm("i.at",
                ("'conversation'", "i.id", discussed, "p.name", "i.notes", "i.learned", "NULL", "NULL", "NULL",
                 "NULL", "p.relationship", "i.follow_up_due", "i.kind", "0", "i.at || ' 12:00:01'"),
                f"interactions i JOIN people p ON p.id = i.person_id WHERE {talked}",
                "i.at BETWEEN :lo AND :hi")  # fmt: skip
        if "follow-up" in chosen:
            arm("i.follow_up_due",
                ("'follow-up'", "i.id", discussed, "p.name", "i.follow_up", "i.follow_up_done", "NULL", "NULL", "NULL",
                 "i.follow_up_done IS NOT NULL", "p.relationship", "i.follow_up_due", "i.kind", "0",
                 "i.follow_up_due || ' 23:59:57'"),
                f"interactions i JOIN people p ON p.id = i.person_id WHERE {talked} AND i.follow_up_due IS NOT NULL",
                "i.follow_up_due BETWEEN :lo AND :hi")  # fmt: skip

        live = "g.deleted_at IS NULL" + (" AND g.id = :goal" if goal_id is not None else "")
        if "checkin" in chosen:
            arm("c.at",
                ("'checkin'", "c.id", "c.goal_id", "g.title", "NULL", "c.note", "c.value", "g.target", "g.unit",
                 "NULL", "g.status", "NULL", "NULL", "0", "c.at || ' 23:59:58'"),
                f"checkins c JOIN goals g ON g.id = c.goal_id WHERE c.deleted_at IS NULL AND {live}",
                "c.at BETWEEN :lo AND :hi")  # fmt: skip
        if "milestone" in chosen:
            day = "coalesce(m.done_at, m.due_date)"
            arm(day,
                ("'milestone'", "m.id", "m.goal_id", "g.title", "m.title", "NULL", "NULL", "NULL", "NULL",
                 "m.done_at IS NOT NULL", "g.status", "m.due_date", "NULL", "0", f"{day} || ' 23:59:59'"),
                f"milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL AND {live} AND {day} IS NOT NULL",
                f"{day} BETWEEN :lo AND :hi")  # fmt: skip
        if "revision" in chosen:
            arm("substr(r.at, 1, 10)",
                ("'revision'", "r.id", "r.goal_id", "g.title", "r.changes", "r.reason", "NULL", "NULL", "NULL",
                 "NULL", "g.status", "NULL", "NULL", "0", "r.at"),
                f"revisions r JOIN goals g ON g.id = r.goal_id WHERE {live}",
                "r.at >= :lo AND r.at < :hi_end")  # fmt: skip
        if "assessment" in chosen:
            # In one goal's story: the assessment the goal came from, with the item it answers.
            origin = "FROM assessment_items i JOIN goals og ON og.assessment_item_id = i.id WHERE og.id = :goal"
            arm("a.at",
                ("'assessment'", "a.id", "NULL", "NULL", "a.summary",
                 f"(SELECT i.kind || ': ' || i.text {origin})" if goal_id is not None else "NULL",
                 "(SELECT count(*) FROM assessment_items i WHERE i.assessment_id = a.id)",
                 "(SELECT count(*) FROM ratings rt WHERE rt.assessment_id = a.id)",
                 "NULL", "a.completed_at IS NOT NULL", "NULL", "NULL", "NULL", "0", "a.at || ' 12:00:00'"),
                "assessments a WHERE a.deleted_at IS NULL"
                + (f" AND a.id IN (SELECT i.assessment_id {origin})" if goal_id is not None else ""),
                "a.at BETWEEN :lo AND :hi")  # fmt: skip
        if "goal" in chosen:
            start = "coalesce(g.start_date, substr(g.created_at, 1, 10))"
            # The goal as first written: the old title of its first title revision, if any.
            first_title = (
                "coalesce((SELECT json_extract(CASE WHEN json_valid(r.changes) THEN r.changes END, '$.title[0]') "
                "FROM revisions r WHERE r.goal_id = g.id AND r.changes LIKE '%\"title\"%' ORDER BY r.at, r.id LIMIT 1), g.title)"
            )
            arm(start,
                ("'goal-start'", "g.id", "g.id", "g.title", first_title, "NULL", "g.baseline", "g.target", "g.unit",
                 "NULL", "g.status", "g.deadline", "NULL", "0", f"{start} || ' 00:00:00'"),
                f"goals g WHERE {live}",
                f"{start} BETWEEN :lo AND :hi")  # fmt: skip
            reached = (
                "(SELECT c.value FROM checkins c WHERE c.goal_id = g.id AND c.deleted_at IS NULL AND c.at <= g.deadline "
                "ORDER BY c.at DESC, c.id DESC LIMIT 1)"
            )
            arm("g.deadline",
                ("'deadline'", "g.id", "g.id", "g.title", "NULL", "NULL", reached, "g.target", "g.unit",
                 "g.status = 'achieved'", "g.status", "g.deadline", "NULL", "0", "g.deadline || ' 23:59:59'"),
                f"goals g WHERE {live} AND g.deadline IS NOT NULL",
                "g.deadline BETWEEN :lo AND :hi")  # fmt: skip
        return arms, params

    def timeline_day_counts(
        self, *, kinds: Iterable[str] | None = None, goal_id: int | None = None, tag: str | None = None
    ) -> list[tuple[str, int]]:
        """How many timeline items each day holds (days with none are left out), oldest first."""
        arms, params = self._timeline_arms(kinds, goal_id, tag)
        if not arms:
            return []
        per_arm = " UNION ALL ".join(f"SELECT {day} AS day, count(*) AS n FROM {source} GROUP BY 1" for day, _, source, _ in arms)
        rows = self._rows(f"SELECT day, sum(n) FROM ({per_arm}) WHERE day IS NOT NULL GROUP BY day ORDER BY day", params)
        return [(row[0], int(row[1])) for row in rows]

    def timeline_items(
        self,
        start: date | str,
        end: date | str,
        *,
        newest_first: bool = True,
        offset: int = 0,
        limit: int | None = None,
        kinds: Iterable[str] | None = None,
        goal_id: int | None = None,
        tag: str | None = None,
    ) -> list[dict[str, Any]]:
        """The timeline items dated ``start`` to ``end`` (inclusive), in display order.

        Each is a dict with the keys of TIMELINE_COLUMNS: ``day`` (YYYY-MM-DD), ``kind``
        (entry, checkin, milestone, revision, assessment, goal-start, deadline), ``id``,
        ``goal_id`` and what each kind shows (see ``_timeline_arms``). ``offset`` and ``limit``
        page through the range; with a range of a few days, a page costs a few milliseconds
        however big the journal is. ``kinds`` narrows to some of TIMELINE_KINDS, ``goal_id`` to
        one goal's story, ``tag`` to the entries with that tag.
        """
        arms, params = self._timeline_arms(kinds, goal_id, tag, paging=True)
        if not arms:
            return []
        lo, hi = _day(start), _day(end)
        # "~" sorts after any time of day, so a moment on ``hi`` is still before ``hi_end``.
        params.update(lo=lo, hi=hi, hi_end=f"{hi}~", limit=-1 if limit is None else limit, offset=offset)
        direction = "DESC" if newest_first else "ASC"
        union = " UNION ALL ".join(f"SELECT {columns} FROM {source} AND {day_range}" for _, columns, source, day_range in arms)
        sql = f"{union} ORDER BY sort_at {direction}, kind {direction}, id {direction} LIMIT :limit OFFSET :offset"
        return [dict(row) for row in self._rows(sql, params)]

    def timeline_counts(
        self, start: date | str, end: date | str, *, goal_id: int | None = None, tag: str | None = None
    ) -> dict[str, int]:
        """What the days ``start`` to ``end`` (inclusive) held: ``goals_active`` (goals, drafts
        aside, whose start-to-deadline span meets the range), ``milestones_due`` and, of those,
        ``milestones_done``, ``checkin_days``, ``entries``, ``conversations`` and
        ``follow_ups_due`` and, of those, ``follow_ups_done``. ``goal_id`` narrows everything to
        one goal (conversations: those that discussed it); ``tag`` counts only the entries with
        that tag (nothing else has tags)."""
        _check_text(tag, "the tag")
        lo, hi = _day(start), _day(end)
        params: dict[str, Any] = {"lo": lo, "hi": hi, "hi_end": f"{hi}~", "goal": goal_id, "tag": tag.lstrip("@") if tag else None}
        one_goal = " AND g.id = :goal" if goal_id is not None else ""
        entry_where = ""
        if goal_id is not None:
            entry_where += " AND e.id IN (SELECT entry_id FROM entry_goals WHERE goal_id = :goal)"
        if tag:
            entry_where += " AND e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = :tag)"
        due = (
            "FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL AND g.deleted_at IS NULL "
            f"AND m.due_date BETWEEN :lo AND :hi{one_goal}"
        )
        talked = (
            "FROM interactions i JOIN people p ON p.id = i.person_id WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL"
            + (" AND i.id IN (SELECT interaction_id FROM interaction_goals WHERE goal_id = :goal)" if goal_id is not None else "")
        )
        row = self._one(
            f"""SELECT
            (SELECT count(*) FROM goals g WHERE g.deleted_at IS NULL AND g.status <> 'draft'
                AND coalesce(g.start_date, substr(g.created_at, 1, 10)) <= :hi
                AND coalesce(g.deadline, '9999-12-31') >= :lo{one_goal}) AS goals_active,
            (SELECT count(*) {due}) AS milestones_due,
            (SELECT count(*) {due} AND m.done_at IS NOT NULL) AS milestones_done,
            (SELECT count(DISTINCT c.at) FROM checkins c JOIN goals g ON g.id = c.goal_id
              WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN :lo AND :hi{one_goal}) AS checkin_days,
            (SELECT count(*) FROM entries e WHERE e.deleted_at IS NULL AND e.at >= :lo AND e.at < :hi_end{entry_where}) AS entries,
            (SELECT count(*) {talked} AND i.at BETWEEN :lo AND :hi) AS conversations,
            (SELECT count(*) {talked} AND i.follow_up_due BETWEEN :lo AND :hi) AS follow_ups_due,
            (SELECT count(*) {talked} AND i.follow_up_due BETWEEN :lo AND :hi AND i.follow_up_done IS NOT NULL) AS follow_ups_done
            """,
            params,  # type: ignore[arg-type]
        )
        assert row is not None
        return {key: int(row[key]) for key in row.keys()}

    def checkin_values_as_of(self, goal_ids: Iterable[int], day: date | str) -> dict[int, float]:
        """Each goal's latest check-in value on or before ``day``; goals without one are left out."""
        ids = list(dict.fromkeys(goal_ids))
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self._rows(
            "SELECT g.id, (SELECT c.value FROM checkins c WHERE c.goal_id = g.id AND c.deleted_at IS NULL "
            f"AND c.at <= ? ORDER BY c.at DESC, c.id DESC LIMIT 1) FROM goals g WHERE g.id IN ({marks})",
            [_day(day), *ids],
        )
        return {row[0]: row[1] for row in rows if row[1] is not None}

    def change_token(self) -> tuple[int, int]:
        """A value that changes whenever the journal does, by this connection or another
        process: a view can skip re-reading when it is the same as at its last read."""
        with self._lock, translate_errors(self.path):
            data_version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            return int(data_version), self.conn.total_changes

    # -- daily check-in and the reflection log (issue 5) ------------------------------------

    _KEEP: Any = object()  # "leave this score as it is" in set_day_scores

    def day_scores(self, day: date | str) -> DailyCheckin | None:
        """The mood and energy recorded for ``day``, if any."""
        row = self._one("SELECT * FROM daily_checkins WHERE day = ?", (_day(day),))
        return DailyCheckin.from_row(row) if row else None

    def set_day_scores(self, day: date | str, *, mood: int | None = _KEEP, energy: int | None = _KEEP) -> None:
        """Record a day's mood and/or energy, 1–5 (None clears it); a score not given is kept."""
        if mood is not self._KEEP:
            _check_scale(mood, "mood")
        if energy is not self._KEEP:
            _check_scale(energy, "energy")
        day_text, stamp = _day(day), utc_stamp()
        with self.transaction() as conn:
            row = conn.execute("SELECT mood, energy FROM daily_checkins WHERE day = ?", (day_text,)).fetchone()
            mood = (row["mood"] if row else None) if mood is self._KEEP else mood
            energy = (row["energy"] if row else None) if energy is self._KEEP else energy
            if row is None:
                self._insert(conn, "daily_checkins", {
                    "day": day_text, "mood": mood, "energy": energy, "created_at": stamp, "updated_at": stamp,
                })  # fmt: skip
            else:
                conn.execute(
                    "UPDATE daily_checkins SET mood = ?, energy = ?, updated_at = ? WHERE day = ?",
                    (mood, energy, stamp, day_text),
                )

    def active_days(self, *, since: date | None = None) -> list[date]:
        """Days with a check-in, newest first: a goal's progress, or the day's mood or energy."""
        lo = format_day(since) if since else ""
        rows = self._rows(
            "SELECT at FROM checkins WHERE deleted_at IS NULL AND at >= ? "
            "UNION SELECT day FROM daily_checkins WHERE (mood IS NOT NULL OR energy IS NOT NULL) AND day >= ? "
            "ORDER BY 1 DESC",
            (lo, lo),
        )
        return [date.fromisoformat(row[0]) for row in rows]

    def milestones_for_today(self, today: date, *, until: date) -> list[Milestone]:
        """Open milestones due by ``until`` (overdue ones included) and those done ``today``, of
        goals still being pursued, soonest first: a milestone ticked by mistake can be unticked."""
        rows = self._rows(
            f"{self._MILESTONE_SELECT} AND g.status IN ('draft', 'active') AND ("
            "(m.done_at IS NULL AND m.due_date IS NOT NULL AND m.due_date <= ?) OR m.done_at = ?) "
            "ORDER BY m.due_date IS NULL, m.due_date, m.id",
            (format_day(until), format_day(today)),
        )
        return [Milestone.from_row(row) for row in rows]

    def edit_entry(
        self, entry_id: int, *, text: str, kind: str, starred: bool, goal_ids: Iterable[int] = ()
    ) -> None:
        """Save an edited entry whole, in one transaction: text (and its tags), kind, star and
        the goals it is linked to (the links are replaced)."""
        goal_ids = list(dict.fromkeys(goal_ids))
        with self.transaction() as conn:
            for goal_id in goal_ids:
                self._require("goals", goal_id, "goal")
            self.update_entry(entry_id, text=text, kind=kind, starred=starred)
            conn.execute("DELETE FROM entry_goals WHERE entry_id = ?", (entry_id,))
            conn.executemany(
                "INSERT INTO entry_goals (entry_id, goal_id) VALUES (?, ?)", [(entry_id, g) for g in goal_ids]
            )

    def trashed_entries(self, *, offset: int = 0, limit: int = 200) -> list[Entry]:
        """A page of the trash, the most recently deleted first (``count_entries(trashed=True)``
        counts them)."""
        rows = self._rows(
            "SELECT * FROM entries WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return self._with_links(rows)

    def match_spans(self, query: str, entry_ids: Iterable[int]) -> dict[int, list[tuple[int, int]]]:
        """Where ``query`` matches each entry's text, as FTS5 ``highlight()`` finds it (stemmed
        words and prefixes too): ``{entry id: [(start, end), ...]}``, character offsets into the
        text. Entries without a match are left out; odd queries match nothing and never raise."""
        ids = list(dict.fromkeys(entry_ids))
        match = quote_fts(query)
        if not ids or not match:
            return {}
        # FTS5 seeks a rowid range but not a list: "rowid IN (200 ids)" walked every match of a
        # common word (35 ms at 100,000 entries); a page's ids lie close together (0.9 ms).
        wanted = set(ids)
        rows = self._rows(
            "SELECT h.rowid, h.marked, e.text FROM (SELECT rowid, highlight(entries_fts, 0, char(2), char(3)) "
            "AS marked FROM entries_fts WHERE entries_fts MATCH ? AND rowid BETWEEN ? AND ?) h "
            "JOIN entries e ON e.id = h.rowid",
            [match, min(ids), max(ids)],
        )
        return {
            row[0]: spans for row in rows if row[0] in wanted and (spans := self._marked_spans(row[2], row[1]))
        }

    @staticmethod
    def _marked_spans(text: str, marked: str) -> list[tuple[int, int]]:
        """The spans that ``marked`` (``text`` with \\x02 … \\x03 around each match) marks.

        Offsets are counted in ``text`` itself, so a caller shows the user's own characters; a
        text that holds \\x02 or \\x03 itself is aligned character by character instead."""
        if "\x02" not in text and "\x03" not in text:
            spans, offset, start = [], 0, 0
            for piece in re.split("([\x02\x03])", marked):
                if piece == "\x02":
                    start = offset
                elif piece == "\x03":
                    spans.append((start, offset))
                else:
                    offset += len(piece)
            return spans
        spans, start, index = [], None, 0
        for char in marked:
            if index < len(text) and char == text[index]:
                index += 1
            elif char == "\x02":
                start = index
            elif char == "\x03" and start is not None:
                spans.append((start, index))
                start = None
        return spans

    # -- goal drafting (issue 4): milestones edited and reordered, the load of active goals --

    def get_milestone(self, milestone_id: int) -> Milestone:
        row = self._one(
            "SELECT m.*, g.title AS goal_title FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.id = ?",
            (milestone_id,),
        )
        if row is None:
            raise NotFound(f"no milestone with id {milestone_id}")
        return Milestone.from_row(row)

    def update_milestone(
        self, milestone_id: int, *, title: str | None = None, due: date | str | None = None, clear_due: bool = False
    ) -> None:
        """Rename a milestone, or move its due day (``clear_due`` leaves it undated)."""
        self._require("milestones", milestone_id, "milestone")
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = _check_text(title, "the milestone", required=True)
        if due is not None or clear_due:
            changes["due_date"] = None if clear_due else _day(due)
        if not changes:
            return
        with self.transaction() as conn:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(
                f"UPDATE milestones SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), utc_stamp(), milestone_id],
            )

    def order_milestones(self, goal_id: int, milestone_ids: Sequence[int]) -> None:
        """Put a goal's milestones in the order given; milestones not named keep their order after them."""
        self._require("goals", goal_id, "goal")
        with self.transaction() as conn:
            current = [row[0] for row in conn.execute(
                "SELECT id FROM milestones WHERE goal_id = ? ORDER BY position, id", (goal_id,)
            )]  # fmt: skip
            unknown = set(milestone_ids) - set(current)
            if unknown:
                raise InvalidInput(f"milestone {min(unknown)} is not a step of goal {goal_id}")
            ordered = list(dict.fromkeys(milestone_ids)) + [m for m in current if m not in milestone_ids]
            stamp = utc_stamp()
            conn.executemany(
                "UPDATE milestones SET position = ?, updated_at = ? WHERE id = ?",
                [(position, stamp, milestone_id) for position, milestone_id in enumerate(ordered, start=1)],
            )

    def move_milestone(self, milestone_id: int, steps: int) -> None:
        """Move a milestone up (negative ``steps``) or down among its goal's live milestones."""
        milestone = self.get_milestone(milestone_id)
        order = [m.id for m in self.milestones(milestone.goal_id)]
        if milestone_id not in order:
            return
        index = order.index(milestone_id)
        target = max(0, min(len(order) - 1, index + steps))
        order.insert(target, order.pop(index))
        self.order_milestones(milestone.goal_id, order)

    def count_active_goals(self, *, besides: int | None = None) -> int:
        """How many goals are active (leaving out ``besides``): the load a new goal joins."""
        row = self._one(
            "SELECT count(*) FROM goals WHERE status = 'active' AND deleted_at IS NULL AND id IS NOT ?",
            (besides,),
        )
        return int(row[0]) if row else 0

    # -- interoperability and reports (issue 8): bulk import, export and report reads -------

    def import_entries(
        self, entries: Iterable[ImportedEntry], *, progress: Callable[[int, int], None] | None = None
    ) -> tuple[int, int]:
        """Add entries read from another journal app, all in one transaction; returns
        ``(added, already there)``.

        An entry is already there when its uuid is (a second import of the same file), or when
        an entry has the same moment and text (a goaljournal journal exported and read back).
        ``progress(done, total)`` is called as the work goes on (``done == total`` at the end). Tags are the text's ``@tags``
        plus each entry's own ``tags``."""
        rows = list(entries)
        for entry in rows:
            _check_text(entry.text, "an entry's text", required=True)
            for tag in entry.tags:
                _check_text(tag, "a tag", required=True)
        total = len(rows)
        stamp = utc_stamp()
        with self.transaction() as conn:
            if rows:
                lo, hi = min(e.at for e in rows), max(e.at for e in rows)
                present = set(conn.execute("SELECT at, text FROM entries WHERE at BETWEEN ? AND ?", (lo, hi)).fetchall())
                present = {(row[0], row[1]) for row in present}
                rows_new = [e for e in rows if (e.at, e.text) not in present]
            else:
                rows_new = []
            first_new = conn.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
            # Progress in steps of work: the rows (n), then the search index and the tags (n/2 each).
            steps = 2 * len(rows_new)
            chunk = 5000
            for start in range(0, len(rows_new), chunk):
                conn.executemany(
                    "INSERT OR IGNORE INTO entries (uuid, at, text, kind, starred, private, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'reflection', ?, 0, ?, ?)",
                    [(e.uuid or new_uuid(), e.at, e.text, int(e.starred), stamp, stamp) for e in rows_new[start : start + chunk]],
                )
                if progress:
                    progress(min(start + chunk, len(rows_new)), steps)
            # New rows get ids above every old one (rowid is max + 1), so they are found by id.
            conn.execute("INSERT INTO entries_fts (rowid, text) SELECT id, text FROM entries WHERE id > ?", (first_new,))
            if progress and rows_new:
                progress(len(rows_new) * 3 // 2, steps)
            ids = dict(conn.execute("SELECT uuid, id FROM entries WHERE id > ?", (first_new,)).fetchall())
            links: list[tuple[int, str]] = []
            for entry in rows_new:
                entry_id = ids.get(entry.uuid)
                if entry_id is not None:
                    ids.pop(entry.uuid)  # a uuid twice in the file: its first entry only
                    names = {name.casefold(): name for name in reversed([*extract_tags(entry.text), *entry.tags])}
                    links.extend((entry_id, name) for name in names.values())
            conn.executemany(
                "INSERT OR IGNORE INTO tags (uuid, name) VALUES (?, ?)", [(new_uuid(), name) for name in {n for _, n in links}]
            )
            conn.executemany(
                "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT ?, id FROM tags WHERE name = ?", links
            )
            added = conn.execute("SELECT count(*) FROM entries WHERE id > ?", (first_new,)).fetchone()[0]
        if progress:
            progress(steps, steps)
        return int(added), total - int(added)

    def entries_for_export(
        self, *, include_private: bool = False, date_from: date | str | None = None, date_to: date | str | None = None
    ) -> list[Entry]:
        """Live entries, oldest first, with their tags and goal links, for the export formats;
        private entries only when asked for."""
        clauses, params = ["e.deleted_at IS NULL"], []
        if not include_private:
            clauses.append("e.private = 0")
        if date_from is not None:
            clauses.append("e.at >= ?")
            params.append(_day(date_from))
        if date_to is not None:
            clauses.append("e.at < date(?, '+1 day')")
            params.append(_day(date_to))
        rows = self._rows(
            "SELECT e.*, (SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE et.entry_id = e.id) AS tag_names, "
            "(SELECT group_concat(goal_id) FROM entry_goals eg WHERE eg.entry_id = e.id) AS goal_list "
            f"FROM entries e WHERE {' AND '.join(clauses)} ORDER BY e.at, e.id",
            params,
        )
        entries = []
        for row in rows:
            entry = Entry.from_row(row)
            entry.tags = sorted(row["tag_names"].split("\x1f"), key=str.casefold) if row["tag_names"] else []
            entry.goal_ids = sorted(int(n) for n in row["goal_list"].split(",")) if row["goal_list"] else []
            entries.append(entry)
        return entries

    def all_checkins(self) -> list[CheckIn]:
        """Every live check-in of every live goal, oldest first."""
        rows = self._rows(
            "SELECT c.* FROM checkins c JOIN goals g ON g.id = c.goal_id "
            "WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL ORDER BY c.at, c.id"
        )
        return [CheckIn.from_row(row) for row in rows]

    def all_milestones(self) -> list[Milestone]:
        """Every live milestone of every live goal, by goal and position."""
        rows = self._rows(f"{self._MILESTONE_SELECT} ORDER BY m.goal_id, m.position, m.id")
        return [Milestone.from_row(row) for row in rows]

    def report_data(self, first: date, last: date, *, include_private: bool = False) -> ReportData:
        """What a review packet for the days ``first`` to ``last`` needs (see core/report.py).

        Goals: not drafts, started by ``last``, and still pursued or due, changed or checked in
        on within the period. Entries: the period's wins, lessons, feedback and starred ones."""
        from goaljournal.core.report import GoalReport, ReportData, SessionData

        lo, hi = format_day(first), format_day(last)
        with self.snapshot():
            goal_rows = self._rows(
                f"{self._GOAL_SELECT} WHERE g.deleted_at IS NULL AND g.status <> 'draft' "
                "AND coalesce(g.start_date, substr(g.created_at, 1, 10)) <= :hi AND ("
                "g.status IN ('active', 'paused') OR coalesce(g.deadline, '9999') >= :lo "
                "OR EXISTS (SELECT 1 FROM checkins c WHERE c.goal_id = g.id AND c.at BETWEEN :lo AND :hi) "
                "OR EXISTS (SELECT 1 FROM revisions r WHERE r.goal_id = g.id AND r.at >= :lo AND r.at < :hi_end)) "
                "ORDER BY g.deadline IS NULL, g.deadline, g.id",
                {"lo": lo, "hi": hi, "hi_end": f"{hi}~"},
            )
            goals = [Goal.from_row(row) for row in goal_rows]
            reports = []
            for goal in goals:
                checkins = [c for c in self.checkins(goal.id) if c.at <= hi]
                revisions = [r for r in self.revisions(goal.id) if lo <= r.at[:10] <= hi]
                reports.append(GoalReport(goal, checkins, self.milestones(goal.id), revisions))
            private = "" if include_private else " AND private = 0"
            entry_rows = self._rows(
                "SELECT * FROM entries WHERE deleted_at IS NULL AND at >= ? AND at < ? "
                f"AND (kind IN ('win', 'lesson', 'feedback') OR starred = 1){private} ORDER BY at, id",
                (lo, f"{hi}~"),
            )
            entry_count = self._one(
                f"SELECT count(*) FROM entries WHERE deleted_at IS NULL AND at >= ? AND at < ?{private}", (lo, f"{hi}~")
            )[0]  # type: ignore[index]
            checkin_days = self._one(
                "SELECT count(*) FROM (SELECT c.at FROM checkins c JOIN goals g ON g.id = c.goal_id "
                "WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN ? AND ? "
                "UNION SELECT day FROM daily_checkins WHERE (mood IS NOT NULL OR energy IS NOT NULL) AND day BETWEEN ? AND ?)",
                (lo, hi, lo, hi),
            )[0]  # type: ignore[index]
            sessions = [a for a in self.assessments() if a.completed_at is not None and a.at <= hi][:2]
            data = [SessionData(a.at, self.assessment_items(a.id), self.ratings(a.id)) for a in sessions]
        return ReportData(
            goals=reports,
            entries=self._with_links(entry_rows),
            entry_count=int(entry_count),
            checkin_days=int(checkin_days),
            latest_assessment=data[0] if data else None,
            previous_assessment=data[1] if len(data) > 1 else None,
            goal_titles={goal.id: goal.title for goal in goals},
        )

    # -- whole journal ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many rows each part of the journal holds, trash included."""
        tables = ("goals", "milestones", "revisions", "checkins", "entries", "tags",
                  "assessments", "assessment_items", "skills", "ratings", "daily_checkins", "people", "interactions")  # fmt: skip
        return {table: int(self._one(f"SELECT count(*) FROM {table}")[0]) for table in tables}  # type: ignore[index]

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """A consistent copy of the journal in a new private file."""
        with self._lock, translate_errors(self.path):
            return backup_to(self.conn, Path(dest))

    def check(self) -> list[str]:
        """Problems SQLite finds in the file, its links and its search index; empty when healthy."""
        problems: list[str] = []
        with self._lock, translate_errors(self.path):
            try:
                verdicts = [row[0] for row in self.conn.execute("PRAGMA integrity_check").fetchall()]
                if verdicts != ["ok"]:
                    problems.extend(f"integrity: {verdict}" for verdict in verdicts)
                for row in self.conn.execute("PRAGMA foreign_key_check").fetchall():
                    problems.append(f"broken link: {row[0]} row {row[1]} points to a missing {row[2]} row")
            except sqlite3.DatabaseError as err:  # damage bad enough that the check cannot finish
                return [f"integrity: {err}"]
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

    # -- reliability (issue 10): checkpoints under the write lock, purge, rolling backups ------

    def _checkpoint_if_large(self) -> None:
        """Fold a large WAL back into the journal (automatic checkpoints are off: see
        ``connection._configure`` on the WAL-reset bug)."""
        try:
            size = os.stat(f"{self.path}-wal").st_size
        except OSError:
            return
        if size > CHECKPOINT_WAL_BYTES:
            checkpoint(self.conn, "RESTART")

    def purge_entry(self, entry_id: int) -> bool:
        """Delete an entry in the trash for good: its row, its links, its words in the search
        index, and (with ``secure_delete``) the bytes they leave in the file; tags only it used
        go too. Returns False when another program kept the WAL from being emptied, so older
        copies of the text may remain in the -wal file until it is next checkpointed."""
        row = self._require("entries", entry_id, "entry")
        if row["deleted_at"] is None:
            raise InvalidInput(f"entry {entry_id} is not in the trash; move it there first")
        with self._lock, translate_errors(self.path):
            self.conn.execute("PRAGMA secure_delete = ON")
            try:
                with self.transaction() as conn:
                    tag_ids = [r[0] for r in conn.execute("SELECT tag_id FROM entry_tags WHERE entry_id = ?", (entry_id,))]
                    conn.execute(
                        "INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', ?, ?)",
                        (entry_id, row["text"]),
                    )
                    conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))  # links cascade
                    conn.executemany(
                        "DELETE FROM tags WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM entry_tags WHERE tag_id = ?1) "
                        "AND NOT EXISTS (SELECT 1 FROM person_tags WHERE tag_id = ?1)",
                        [(tag_id,) for tag_id in tag_ids],
                    )
                    # FTS5 keeps a deleted document's words in its old segments until they are
                    # merged; 'optimize' merges them all, and secure_delete zeroes the freed pages.
                    conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')")
            finally:
                self.conn.execute("PRAGMA secure_delete = OFF")
            # The -wal still holds the pages as they were before; TRUNCATE empties it.
            return checkpoint(self.conn, "TRUNCATE", wait_ms=2000)

    def rolling_backup(self, *, keep: int = 7) -> Path | None:
        """Today's automatic backup, ``backups/journal-auto-YYYY-MM-DD.db`` beside the journal,
        unless there is one already; only the newest ``keep`` automatic backups are kept.

        It reads through a connection of its own, so the app's writes are not held up while it
        copies; it writes a ``.partial`` file first, so a copy cut short is never taken for a
        backup. Returns the new backup, or None when there was nothing to do."""
        if self.read_only:
            return None
        folder = self.path.parent / "backups"
        make_private_dir(folder)
        dest = folder / f"journal-auto-{format_day(self.today())}.db"
        made = None
        if not dest.exists():
            partial = dest.with_name(dest.name + ".partial")
            partial.unlink(missing_ok=True)
            source = sqlite3.connect(f"file:{quote(str(self.path.resolve()))}?mode=ro", uri=True)
            try:
                with translate_errors(self.path):
                    backup_to(source, partial)
            finally:
                source.close()
            os.replace(partial, dest)
            made = dest
        for old in sorted(folder.glob("journal-auto-*.db"))[:-keep]:
            old.unlink(missing_ok=True)
        return made

    def start_rolling_backup(self, *, keep: int = 7) -> threading.Thread:
        """``rolling_backup`` in a background thread: opening the app never waits for it. A
        backup that fails is retried the next time the app opens."""

        def run() -> None:
            with contextlib.suppress(JournalError, OSError, sqlite3.Error):
                self.rolling_backup(keep=keep)

        thread = threading.Thread(target=run, name="goaljournal-rolling-backup", daemon=True)
        thread.start()
        return thread
