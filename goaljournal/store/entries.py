"""The reflection log: entries, their tags and goal links, filters and full-text search."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from goaljournal.core.dates import format_moment
from goaljournal.core.models import ENTRY_KINDS, Entry
from goaljournal.core.tags import extract_tags
from goaljournal.store.base import StoreBase
from goaljournal.store.errors import InvalidInput
from goaljournal.store.values import (
    _check_choice,
    _check_text,
    _day,
    _moment,
    new_uuid,
)


# Different words a search() takes. FTS5 reads a query in time that grows with the square of its
# terms: 5 ms for a thousand, 0.24 s for 30,000, 14 s for 300,000.
SEARCH_WORDS_LIMIT = 1_000


def fts_terms(query: str) -> list[str]:
    """A user's search words as FTS5 strings, each once, in order: every word quoted, so FTS
    syntax (AND, NEAR, ``"``, ``:``, ``^``) is taken literally; a trailing ``*`` is kept as a
    prefix search."""
    terms = []
    for word in query.replace("\x00", " ").split():
        prefix = word.endswith("*") and len(word.rstrip("*")) > 0
        word = word.rstrip("*") if prefix else word
        terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    return list(dict.fromkeys(terms))


def quote_fts(query: str) -> str:
    """A user's search words as an FTS5 query that matches them all and never raises."""
    return " ".join(fts_terms(query))


def index_entry(conn: sqlite3.Connection, entry_id: int, text: str, *, old_text: str | None = None) -> None:
    """Keep the full-text index in step with an entry's text (see schema 003: no triggers)."""
    if old_text is not None:
        conn.execute("INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', ?, ?)", (entry_id, old_text))
    conn.execute("INSERT INTO entries_fts (rowid, text) VALUES (?, ?)", (entry_id, text))


class EntriesMixin(StoreBase):
    """Entries: add, edit, list, filter and search, newest first."""

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
        stamp = self._stamp()
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
        changes["updated_at"] = self._stamp()
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
        if links:
            self._attach(entries, "tags", "SELECT et.entry_id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                                          "WHERE et.entry_id IN ({ids}) ORDER BY t.name COLLATE NOCASE")  # fmt: skip
            self._attach(entries, "goal_ids", "SELECT entry_id, goal_id FROM entry_goals WHERE entry_id IN ({ids}) ORDER BY goal_id")
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
        fts_joined: bool = False,
    ) -> tuple[str, list[Any]] | None:
        """The WHERE clause for a filtered view of entries, or None when nothing can match.
        ``fts_joined``: the query reads from entries_fts joined to entries (see entries)."""
        clauses = ["deleted_at IS NOT NULL" if trashed else "deleted_at IS NULL"]
        params: list[Any] = []
        if query is not None:
            match = quote_fts(query)
            if not match:
                return None
            in_index = "entries_fts MATCH ?"
            clauses.append(in_index if fts_joined else f"id IN (SELECT rowid FROM entries_fts WHERE {in_index})")
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
                source = "entries_fts JOIN entries ON entries.id = entries_fts.rowid"
        where = self._entry_filter(**filters, fts_joined=source.startswith("entries_fts"))
        if where is None:
            return []
        sql, params = where
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
        """Entries matching every word of ``query``, newest first. FTS syntax in it is taken
        literally and never raises; more than SEARCH_WORDS_LIMIT different words is refused
        (InvalidInput)."""
        _check_text(query, "the search")
        if len(fts_terms(query)) > SEARCH_WORDS_LIMIT:
            raise InvalidInput(f"a search takes at most {SEARCH_WORDS_LIMIT:,} different words")
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
