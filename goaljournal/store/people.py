"""People and the conversations held with them, as a part of :class:`Store`.

A goal whose ``progress_from`` is set counts its progress from these conversations instead of
typed check-ins. The store writes that goal's check-ins itself (``source = 'interactions'``, one
per day the count changes, with a uuid derived from the goal and the day so an export imported
twice still adds nothing), so Today, the timeline, sparklines and reports read them like any
other check-in. Every change that can move a count recounts, inside the same transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from goaljournal.core.dates import days_after, format_day
from goaljournal.core.models import (
    FEEDBACK_SOURCE_OF,
    INTERACTION_KINDS,
    PROGRESS_SOURCES,
    RELATIONSHIPS,
    Interaction,
    Person,
)
from goaljournal.store.base import StoreBase
from goaljournal.store.errors import InvalidInput, NotFound
from goaljournal.store.values import (
    _bound_day,
    _check_choice,
    _check_text,
    _day,
    new_uuid,
)

if TYPE_CHECKING:
    from goaljournal.core.models import Assessment

PERSON_FIELDS = ("name", "role", "organisation", "how_met", "relationship", "notes", "private")
INTERACTION_FIELDS = ("at", "kind", "notes", "learned", "outcome", "follow_up", "follow_up_due", "follow_up_done")
# Fields of a goal that change what it counts: a change to any of them recounts it.
COUNT_FIELDS = ("progress_from", "progress_tag", "start_date", "deadline", "baseline", "cadence")
# The namespace of the derived check-ins' uuid5s (imported when a count is written: see new_uuid).
DERIVED_CHECKINS = "5b0c1f7e-9d1a-4e7b-8c55-6f1d2a3b4c5d"

_PERSON_SELECT = (
    "SELECT p.*, "
    "(SELECT min(i.at) FROM interactions i WHERE i.person_id = p.id AND i.deleted_at IS NULL) AS first_met, "
    "(SELECT max(i.at) FROM interactions i WHERE i.person_id = p.id AND i.deleted_at IS NULL) AS last_met, "
    "(SELECT count(*) FROM interactions i WHERE i.person_id = p.id AND i.deleted_at IS NULL) AS interaction_count, "
    "(SELECT count(*) FROM interactions i WHERE i.person_id = p.id AND i.deleted_at IS NULL "
    " AND i.follow_up_due IS NOT NULL AND i.follow_up_done IS NULL) AS open_follow_ups "
    "FROM people p"
)
_INTERACTION_SELECT = (
    "SELECT i.*, p.name AS person_name, p.relationship AS relationship "
    "FROM interactions i JOIN people p ON p.id = i.person_id"
)


def _clean(value: str | None, what: str) -> str | None:
    """Optional text as stored: checked, and NULL when blank."""
    value = _check_text(value, what)
    return value if value and value.strip() else None


def _tag_names(tags: Iterable[str]) -> list[str]:
    names: dict[str, str] = {}
    for tag in tags:
        _check_text(tag, "a tag", required=True)
        name = tag.strip().lstrip("@").strip()
        if not name or any(ch.isspace() for ch in name):
            raise InvalidInput(f"'{tag}' is not a tag: one word, like hr or pmp")
        names.setdefault(name.casefold(), name)
    return list(names.values())


class PeopleMixin(StoreBase):
    """People, interactions, follow-ups, counted goals and feedback filed into an assessment."""

    if TYPE_CHECKING:  # other parts of the Store, used here

        def trash(self, table: str, row_id: int, *, strict: bool = False) -> None: ...
        def restore(self, table: str, row_id: int, *, strict: bool = False) -> None: ...
        def assessment_in_progress(self) -> Assessment | None: ...
        def add_assessment(self, at: date | str | None = None, *, summary: str | None = None, step: int = 0) -> int: ...
        def add_assessment_item(self, assessment_id: int, kind: str, text: str, **fields: Any) -> int: ...

    # -- people -------------------------------------------------------------------------------

    def _check_person_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        unknown = set(fields) - set(PERSON_FIELDS) - {"tags"}
        if unknown:
            raise ValueError(f"not person fields: {', '.join(sorted(unknown))}")
        if "name" in fields:
            _check_text(fields["name"], "the name", required=True)
            fields["name"] = fields["name"].strip()
        for name in ("role", "organisation", "how_met", "notes"):
            if name in fields:
                fields[name] = _clean(fields[name], f"the {name.replace('_', ' ')}")
        if "relationship" in fields:
            _check_choice(fields["relationship"], RELATIONSHIPS, "relationship")
        if "private" in fields:
            fields["private"] = int(bool(fields["private"]))
        return fields

    def add_person(self, name: str, *, tags: Iterable[str] = (), **fields: Any) -> int:
        """Add a person; people are private (left out of exports and reports) unless told."""
        fields = self._check_person_fields({"name": name, **fields})
        fields.setdefault("relationship", "contact")
        tag_names = _tag_names(tags)
        stamp = self._stamp()
        with self.transaction() as conn:
            person_id = self._insert(conn, "people", {**fields, "created_at": stamp, "updated_at": stamp})
            self._set_person_tags(conn, person_id, tag_names)
        return person_id

    def update_person(self, person_id: int, **changes: Any) -> None:
        """Change a person's fields; ``tags`` replaces the person's tags."""
        self._require("people", person_id, "person")
        tags = changes.pop("tags", None)
        changes = self._check_person_fields(changes)
        tag_names = None if tags is None else _tag_names(tags)
        with self.transaction() as conn:
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                conn.execute(
                    f"UPDATE people SET {assignments}, updated_at = ? WHERE id = ?",
                    [*changes.values(), self._stamp(), person_id],
                )
            if tag_names is not None:
                conn.execute("DELETE FROM person_tags WHERE person_id = ?", (person_id,))
                self._set_person_tags(conn, person_id, tag_names)
                self._recount_goals(conn)

    def _set_person_tags(self, conn: sqlite3.Connection, person_id: int, names: Sequence[str]) -> None:
        for name in names:
            conn.execute("INSERT OR IGNORE INTO tags (uuid, name) VALUES (?, ?)", (new_uuid(), name))
            conn.execute(
                "INSERT OR IGNORE INTO person_tags (person_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
                (person_id, name),
            )

    def _with_tags(self, rows: Sequence[sqlite3.Row]) -> list[Person]:
        people = Person.from_rows(rows)
        self._attach(people, "tags", "SELECT pt.person_id, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id "
                                     "WHERE pt.person_id IN ({ids}) ORDER BY t.name COLLATE NOCASE")  # fmt: skip
        return people

    def get_person(self, person_id: int) -> Person:
        rows = self._rows(f"{_PERSON_SELECT} WHERE p.id = ?", (person_id,))
        if not rows:
            raise NotFound(f"no person with id {person_id}")
        return self._with_tags(rows)[0]

    def people(
        self,
        *,
        query: str | None = None,
        relationship: str | None = None,
        tag: str | None = None,
        trashed: bool = False,
    ) -> list[Person]:
        """People by name. ``query`` matches words in the name, role, organisation, how you
        met, notes or tags (every word must match somewhere, case ignored)."""
        clauses = ["p.deleted_at IS NOT NULL" if trashed else "p.deleted_at IS NULL"]
        params: list[Any] = []
        if relationship is not None:
            _check_choice(relationship, RELATIONSHIPS, "relationship")
            clauses.append("p.relationship = ?")
            params.append(relationship)
        if tag is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.id = pt.tag_id "
                "WHERE pt.person_id = p.id AND t.name = ? COLLATE NOCASE)"
            )
            params.append(tag.lstrip("@"))
        words = list(dict.fromkeys(word.lower().lstrip("@") for word in (query or "").split()))
        common = ""
        if words:
            # One condition however many words, "no word fails to match", over the words as a
            # table: a condition per word nests one level deeper each, and SQLite refuses an
            # expression tree past 1,000 levels (about 500 words). instr on casefolded text: no
            # LIKE wildcards to escape, any character literal.
            common = "WITH words(word) AS MATERIALIZED (SELECT value FROM json_each(?)) "
            params.insert(0, json.dumps(words))
            clauses.append(
                "NOT EXISTS (SELECT 1 FROM words WHERE instr(lower(p.name || ' ' || coalesce(p.role, '') || ' ' || "
                "coalesce(p.organisation, '') || ' ' || coalesce(p.how_met, '') || ' ' || coalesce(p.notes, '') || ' ' || "
                "coalesce(p.relationship, '')), word) = 0 "
                "AND NOT EXISTS (SELECT 1 FROM person_tags pt JOIN tags t ON t.id = pt.tag_id "
                "WHERE pt.person_id = p.id AND instr(lower(t.name), word) > 0))"
            )
        rows = self._rows(
            f"{common}{_PERSON_SELECT} WHERE {' AND '.join(clauses)} ORDER BY p.name COLLATE NOCASE, p.id", params
        )
        return self._with_tags(rows)

    def people_named(self, name: str) -> list[Person]:
        """Live people whose name is ``name``, case ignored (for quick capture by name)."""
        rows = self._rows(
            f"{_PERSON_SELECT} WHERE p.deleted_at IS NULL AND p.name = ? COLLATE NOCASE ORDER BY p.id", (name.strip(),)
        )
        return self._with_tags(rows)

    def trash_person(self, person_id: int) -> None:
        """Move a person (and so their conversations) to the trash; counted goals recount."""
        self.trash("people", person_id)

    def restore_person(self, person_id: int, *, strict: bool = False) -> None:
        self.restore("people", person_id, strict=strict)

    def person_tag_names(self) -> list[str]:
        rows = self._rows(
            "SELECT DISTINCT t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id "
            "JOIN people p ON p.id = pt.person_id WHERE p.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE"
        )
        return [row[0] for row in rows]

    # -- interactions -------------------------------------------------------------------------

    def _check_interaction_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        unknown = set(fields) - set(INTERACTION_FIELDS)
        if unknown:
            raise ValueError(f"not interaction fields: {', '.join(sorted(unknown))}")
        if "kind" in fields:
            _check_choice(fields["kind"], INTERACTION_KINDS, "kind")
        for name in ("notes", "learned", "outcome", "follow_up"):
            if name in fields:
                fields[name] = _clean(fields[name], f"the {name.replace('_', ' ')}")
        for name in ("at", "follow_up_due", "follow_up_done"):
            if name in fields:
                fields[name] = _day(fields[name])
        if fields.get("at") is None and "at" in fields:
            raise InvalidInput("a conversation needs a date")
        return fields

    def add_interaction(
        self,
        person_id: int,
        kind: str = "coffee",
        *,
        at: date | str | None = None,
        goal_ids: Iterable[int] = (),
        **fields: Any,
    ) -> int:
        """Log a conversation with a person (on ``at``, default today). A ``follow_up`` with no
        due date is due in a week, the usual advice; a due date with no text follows up the
        person by name."""
        person = self._require("people", person_id, "person")
        fields = self._check_interaction_fields({"kind": kind, "at": at or format_day(self.today()), **fields})
        if fields.get("follow_up") and not fields.get("follow_up_due"):
            fields["follow_up_due"] = format_day(days_after(date.fromisoformat(fields["at"]), 7))
        if fields.get("follow_up_due") and not fields.get("follow_up"):
            fields["follow_up"] = f"Follow up with {person['name']}"
        goal_ids = list(dict.fromkeys(goal_ids))
        for goal_id in goal_ids:
            self._require("goals", goal_id, "goal")
        stamp = self._stamp()
        with self.transaction() as conn:
            interaction_id = self._insert(conn, "interactions", {
                "person_id": person_id, **fields, "created_at": stamp, "updated_at": stamp,
            })  # fmt: skip
            conn.executemany(
                "INSERT OR IGNORE INTO interaction_goals (interaction_id, goal_id) VALUES (?, ?)",
                [(interaction_id, goal_id) for goal_id in goal_ids],
            )
            self._recount_goals(conn)
        return interaction_id

    def update_interaction(self, interaction_id: int, *, goal_ids: Iterable[int] | None = None, **changes: Any) -> None:
        """Change a conversation; ``goal_ids`` replaces the goals it discussed."""
        self._require("interactions", interaction_id, "conversation")
        changes = self._check_interaction_fields(dict(changes))
        goals = None if goal_ids is None else list(dict.fromkeys(goal_ids))
        for goal_id in goals or ():
            self._require("goals", goal_id, "goal")
        with self.transaction() as conn:
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                conn.execute(
                    f"UPDATE interactions SET {assignments}, updated_at = ? WHERE id = ?",
                    [*changes.values(), self._stamp(), interaction_id],
                )
            if goals is not None:
                conn.execute("DELETE FROM interaction_goals WHERE interaction_id = ?", (interaction_id,))
                conn.executemany(
                    "INSERT INTO interaction_goals (interaction_id, goal_id) VALUES (?, ?)",
                    [(interaction_id, goal_id) for goal_id in goals],
                )
            self._recount_goals(conn)

    def trash_interaction(self, interaction_id: int) -> None:
        self.trash("interactions", interaction_id)

    def restore_interaction(self, interaction_id: int, *, strict: bool = False) -> None:
        self.restore("interactions", interaction_id, strict=strict)

    def _with_goals(self, rows: Sequence[sqlite3.Row]) -> list[Interaction]:
        interactions = Interaction.from_rows(rows)
        self._attach(interactions, "goal_ids", "SELECT interaction_id, goal_id FROM interaction_goals "
                                               "WHERE interaction_id IN ({ids}) ORDER BY goal_id")  # fmt: skip
        return interactions

    def get_interaction(self, interaction_id: int) -> Interaction:
        rows = self._rows(f"{_INTERACTION_SELECT} WHERE i.id = ?", (interaction_id,))
        if not rows:
            raise NotFound(f"no conversation with id {interaction_id}")
        return self._with_goals(rows)[0]

    def interactions(
        self,
        person_id: int | None = None,
        *,
        kind: str | None = None,
        goal_id: int | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        limit: int | None = None,
    ) -> list[Interaction]:
        """Live conversations (of live people), newest first."""
        clauses = ["i.deleted_at IS NULL", "p.deleted_at IS NULL"]
        params: list[Any] = []
        if person_id is not None:
            clauses.append("i.person_id = ?")
            params.append(person_id)
        if kind is not None:
            _check_choice(kind, INTERACTION_KINDS, "kind")
            clauses.append("i.kind = ?")
            params.append(kind)
        if goal_id is not None:
            clauses.append("i.id IN (SELECT interaction_id FROM interaction_goals WHERE goal_id = ?)")
            params.append(goal_id)
        if since is not None:
            clauses.append("i.at >= ?")
            params.append(_bound_day(since))
        if until is not None:
            clauses.append("i.at <= ?")
            params.append(_bound_day(until))
        sql = f"{_INTERACTION_SELECT} WHERE {' AND '.join(clauses)} ORDER BY i.at DESC, i.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._with_goals(self._rows(sql, params))

    def follow_ups_due(self, until: date | str, *, done_on: date | str | None = None) -> list[Interaction]:
        """Follow-ups not done, due on or before ``until``, soonest first; with ``done_on``, also
        those done that day (Today keeps one ticked by mistake, to be unticked)."""
        shown = "i.follow_up_done IS NULL AND i.follow_up_due <= ?"
        params = [_bound_day(until)]
        if done_on is not None:
            shown = f"({shown}) OR i.follow_up_done = ?"
            params.append(_bound_day(done_on))
        rows = self._rows(
            f"{_INTERACTION_SELECT} WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL "
            f"AND i.follow_up_due IS NOT NULL AND ({shown}) ORDER BY i.follow_up_due, i.id",
            params,
        )
        return self._with_goals(rows)

    def set_follow_up_done(self, interaction_id: int, done_on: date | str | None) -> None:
        """Mark a conversation's follow-up done on ``done_on``, or open again with None."""
        row = self._require("interactions", interaction_id, "conversation")
        if row["follow_up_due"] is None:
            raise InvalidInput("this conversation has no follow-up")
        with self.transaction() as conn:
            conn.execute(
                "UPDATE interactions SET follow_up_done = ?, updated_at = ? WHERE id = ?",
                (_day(done_on), self._stamp(), interaction_id),
            )

    # -- feedback into the self-assessment ----------------------------------------------------

    def file_feedback(self, interaction_id: int) -> tuple[int, int]:
        """File a conversation as a feedback item of the current self-assessment: the session in
        progress, else the newest one, else a new session. Returns (assessment id, item id); a
        conversation already filed returns its item instead of filing it twice."""
        interaction = self.get_interaction(interaction_id)
        if interaction.assessment_item_id is not None:
            row = self._one(
                "SELECT assessment_id FROM assessment_items WHERE id = ?", (interaction.assessment_item_id,)
            )
            if row is not None:
                return row[0], interaction.assessment_item_id
        text = interaction.learned or interaction.notes
        if not text:
            raise InvalidInput("this conversation has no notes or advice to file as feedback")
        with self.transaction() as conn:
            session = self.assessment_in_progress()
            if session is not None:
                assessment_id = session.id
            else:
                row = conn.execute(
                    "SELECT id FROM assessments WHERE deleted_at IS NULL ORDER BY at DESC, id DESC LIMIT 1"
                ).fetchone()
                assessment_id = row[0] if row else self.add_assessment(self.today())
            item_id = self.add_assessment_item(
                assessment_id, "feedback", text,
                evidence=f"{interaction.kind} with {interaction.person_name} on {interaction.at}",
                source=FEEDBACK_SOURCE_OF.get(interaction.relationship or "contact", "peer"),
                action=interaction.outcome or (interaction.follow_up if interaction.follow_up_done else None),
            )  # fmt: skip
            conn.execute(
                "UPDATE interactions SET assessment_item_id = ?, updated_at = ? WHERE id = ?",
                (item_id, self._stamp(), interaction_id),
            )
        return assessment_id, item_id

    # -- goals that count conversations -------------------------------------------------------

    def count_for_goal(self, goal_id: int, *, until: date | str | None = None) -> int:
        """What a counted goal has counted so far (up to ``until``, default everything)."""
        goal = self._require("goals", goal_id, "goal")
        if goal["progress_from"] is None:
            return 0
        with self.snapshot() as conn:
            days = self._counted_days(conn, goal)
        cut = _bound_day(until) if until is not None else None
        return sum(1 for day in days if cut is None or day <= cut)

    def _counted_days(self, conn: sqlite3.Connection, goal: sqlite3.Row) -> list[str]:
        """One day per thing the goal counts (a day repeats when it counts several), in order."""
        source = goal["progress_from"]
        low = goal["start_date"] or "0000-01-01"
        high = goal["deadline"] or "9999-12-31"
        tag_clause = ""
        params: list[Any] = []
        if goal["progress_tag"]:
            tag_clause = (
                " AND p.id IN (SELECT pt.person_id FROM person_tags pt JOIN tags t ON t.id = pt.tag_id "
                "WHERE t.name = ? COLLATE NOCASE)"
            )
            params.append(goal["progress_tag"].lstrip("@"))
        live = "i.deleted_at IS NULL AND p.deleted_at IS NULL"
        if source == "people":
            # A new person counts on the day of the first conversation ever held with them.
            sql = (
                f"SELECT min(i.at) AS day FROM interactions i JOIN people p ON p.id = i.person_id "
                f"WHERE {live}{tag_clause} GROUP BY p.id HAVING day BETWEEN ? AND ? ORDER BY day"
            )
            params += [low, high]
        else:
            kind_clause = "" if source == "interactions" else " AND i.kind = ?"
            sql = (
                f"SELECT i.at FROM interactions i JOIN people p ON p.id = i.person_id "
                f"WHERE {live}{tag_clause}{kind_clause} AND i.at BETWEEN ? AND ? ORDER BY i.at"
            )
            params += ([] if source == "interactions" else [source]) + [low, high]
        return [row[0] for row in conn.execute(sql, params)]

    def _recount_goals(self, conn: sqlite3.Connection, goal_ids: Iterable[int] | None = None) -> None:
        """Rewrite the derived check-ins of counted goals so they match the conversations."""
        sql = "SELECT * FROM goals WHERE progress_from IS NOT NULL AND deleted_at IS NULL"
        params: list[Any] = []
        if goal_ids is not None:
            ids = list(goal_ids)
            if not ids:
                return
            sql += f" AND id IN ({', '.join('?' for _ in ids)})"
            params = ids
        for goal in conn.execute(sql, params).fetchall():
            self._recount_goal(conn, goal)

    def _recount_goal(self, conn: sqlite3.Connection, goal: sqlite3.Row) -> None:
        from uuid import UUID, uuid5

        label = PROGRESS_SOURCES[goal["progress_from"]]
        wanted: dict[str, float] = {}
        per_day = goal["cadence"] is not None
        # A running count (from the baseline); for a goal with a cadence, each day's own count,
        # since its check-ins are amounts its periods add up (core.cadence).
        baseline = 0.0 if per_day else (goal["baseline"] or 0.0)
        for count, day in enumerate(self._counted_days(conn, goal), start=1):
            wanted[day] = wanted.get(day, 0.0) + 1 if per_day else baseline + count
        have = {
            row["at"]: row
            for row in conn.execute(
                "SELECT id, at, value, deleted_at FROM checkins WHERE goal_id = ? AND source = 'interactions'",
                (goal["id"],),
            )
        }
        for day, row in have.items():
            if day not in wanted:
                conn.execute("DELETE FROM checkins WHERE id = ?", (row["id"],))
        for day, value in wanted.items():
            note = f"{label}: {'+' if per_day else ''}{value - baseline:g}" + (f" (@{goal['progress_tag']})" if goal["progress_tag"] else "")
            row = have.get(day)
            if row is None:
                conn.execute(
                    "INSERT INTO checkins (uuid, goal_id, at, value, note, created_at, source) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'interactions')",
                    (
                        uuid5(UUID(DERIVED_CHECKINS), f"{goal['uuid']}:{day}").hex,
                        goal["id"],
                        day,
                        value,
                        note,
                        self._stamp(),
                    ),
                )
            elif row["value"] != value or row["deleted_at"] is not None:
                conn.execute(
                    "UPDATE checkins SET value = ?, note = ?, deleted_at = NULL WHERE id = ?", (value, note, row["id"])
                )

    def _release_counted_checkins(self, conn: sqlite3.Connection, goal_id: int) -> None:
        """A goal that stops counting keeps its history as ordinary check-ins (with fresh uuids:
        the derived ones are reserved for the goal's counted days, should it count again)."""
        for (checkin_id,) in conn.execute(
            "SELECT id FROM checkins WHERE goal_id = ? AND source = 'interactions'", (goal_id,)
        ).fetchall():
            conn.execute("UPDATE checkins SET source = NULL, uuid = ? WHERE id = ?", (new_uuid(), checkin_id))

    # -- people in exports and the report -----------------------------------------------------

    def people_activity(self, first: date, last: date, *, open_until: date) -> Any:
        """What the report's "People and conversations" needs for ``first``..``last``: the
        conversations held, the people first met, the follow-ups done in the period and those
        still open and due by ``open_until`` (see core.report.PeopleActivity)."""
        from goaljournal.core.report import PeopleActivity

        lo, hi = format_day(first), format_day(last)
        with self.snapshot():
            people = {person.id: person for person in self.people()}
            held = list(reversed(self.interactions(since=lo, until=hi)))
            done = self._with_goals(self._rows(
                f"{_INTERACTION_SELECT} WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL "
                "AND i.follow_up_done BETWEEN ? AND ? ORDER BY i.follow_up_done, i.id",
                (lo, hi),
            ))  # fmt: skip
            still_open = self.follow_ups_due(open_until)
        new = sorted(
            (p for p in people.values() if p.first_met and lo <= p.first_met <= hi), key=lambda p: (p.first_met, p.id)
        )
        return PeopleActivity(held, people, [p.id for p in new], done, still_open)

    def interactions_for_export(self, *, include_private: bool = False) -> list[Interaction]:
        """Live conversations of live people, oldest first; those with private people only
        when asked for."""
        private = "" if include_private else " AND p.private = 0"
        rows = self._rows(
            f"{_INTERACTION_SELECT} WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL{private} ORDER BY i.at, i.id"
        )
        return self._with_goals(rows)
