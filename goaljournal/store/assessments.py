"""Self-assessment sessions: strengths, weaknesses, feedback and skill ratings over time."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from goaljournal.core.dates import LAST_DAY, format_day
from goaljournal.core.models import (
    FEEDBACK_SOURCES,
    ITEM_KINDS,
    Assessment,
    AssessmentItem,
    Rating,
    Skill,
)
from goaljournal.store.base import StoreBase
from goaljournal.store.errors import InvalidInput, NotFound
from goaljournal.store.values import (
    _check_choice,
    _check_scale,
    _check_text,
    _day,
    _moment,
    new_uuid,
)

if TYPE_CHECKING:  # the command line never needs the assessment maths: imported when used
    from goaljournal.core.assessment import Trajectory

ITEM_FIELDS = ("evidence", "cost", "learned", "source", "action")


class AssessmentsMixin(StoreBase):
    """Assessment sessions, their items and ratings, and skills' trajectories."""

    # -- sessions, items and ratings ----------------------------------------------------------

    def add_assessment(self, at: date | str | None = None, *, summary: str | None = None, step: int = 0) -> int:
        """A new session; ``step`` 1 for one started at its first step (0: not started, as one
        made only to hold feedback filed from a conversation)."""
        _check_text(summary, "the summary")
        stamp = self._stamp()
        with self.transaction() as conn:
            return self._insert(conn, "assessments", {
                "at": _day(at) or format_day(self.today()), "summary": summary, "step": step,
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
                [*changes.values(), self._stamp(), assessment_id],
            )

    def add_assessment_item(
        self, assessment_id: int, kind: str, text: str, *, carried_from_id: int | None = None, **fields: Any
    ) -> int:
        """A strength, weakness, success, failure or piece of feedback in an assessment.

        ``carried_from_id``: the item of an earlier session (same kind) that this one goes on from,
        kept or reworded ("still true?"); each earlier item is carried into a session once."""
        _check_choice(kind, ITEM_KINDS, "assessment item kind")
        _check_text(text, f"the {kind}", required=True)
        unknown = set(fields) - set(ITEM_FIELDS)
        if unknown:
            raise ValueError(f"not assessment item fields: {', '.join(sorted(unknown))}")
        for name in ITEM_FIELDS:
            _check_text(fields.get(name), f"the {name}")
        _check_choice(fields.get("source"), FEEDBACK_SOURCES, "feedback source")
        if carried_from_id is not None and (isinstance(carried_from_id, bool) or not isinstance(carried_from_id, int)):
            raise InvalidInput(f"an item is carried from an item id, not {carried_from_id!r}")
        self._require("assessments", assessment_id, "assessment")
        with self.transaction() as conn:
            if carried_from_id is not None:
                self._check_carry(conn, assessment_id, kind, carried_from_id)
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM assessment_items WHERE assessment_id = ?",
                (assessment_id,),
            ).fetchone()[0]
            return self._insert(conn, "assessment_items", {
                "assessment_id": assessment_id, "kind": kind, "text": text, **fields,
                "position": position, "created_at": self._stamp(), "carried_from_id": carried_from_id,
            })  # fmt: skip

    @staticmethod
    def _check_carry(conn: Any, assessment_id: int, kind: str, carried_from_id: int) -> None:
        """An item is carried from an item of the same kind in an earlier live session, once."""
        origin = conn.execute(
            "SELECT i.kind, i.assessment_id, a.at, a.deleted_at FROM assessment_items i "
            "JOIN assessments a ON a.id = i.assessment_id WHERE i.id = ?",
            (carried_from_id,),
        ).fetchone()
        if origin is None:
            raise InvalidInput(f"no assessment item with id {carried_from_id} to carry from")
        if origin[0] != kind:
            raise InvalidInput(f"assessment item {carried_from_id} is a {origin[0]}: a {kind} is carried from a {kind}")
        session = conn.execute("SELECT at FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
        if origin[3] is not None or (origin[2], origin[1]) >= (session[0], assessment_id):
            raise InvalidInput(f"assessment item {carried_from_id} is not from an earlier session: only those are carried")
        taken = conn.execute(
            "SELECT 1 FROM assessment_items WHERE assessment_id = ? AND carried_from_id = ?",
            (assessment_id, carried_from_id),
        ).fetchone()
        if taken is not None:
            raise InvalidInput(f"assessment item {carried_from_id} is already carried into this session")

    def skill_id(self, name: str, *, category: str | None = None) -> int:
        """The id of the skill called ``name`` (any case), adding it if it is new."""
        _check_text(name, "the skill name", required=True)
        name = " ".join(name.split())
        with self.transaction() as conn:
            row = conn.execute("SELECT id FROM skills WHERE name = ?", (name,)).fetchone()
            if row:
                return int(row[0])
            return self._insert(conn, "skills", {"name": name, "category": category, "created_at": self._stamp()})

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
        fields = ("uuid", "assessment_id", "kind", "text", *ITEM_FIELDS, "position", "created_at", "carried_from_id")
        values = {name: getattr(item, name) for name in fields}
        with self.transaction() as conn:
            origin = item.carried_from_id
            if origin is not None and conn.execute("SELECT 1 FROM assessment_items WHERE id = ?", (origin,)).fetchone() is None:
                values["carried_from_id"] = None  # the item it came from is gone meanwhile
            return self._insert(conn, "assessment_items", values)

    def unrate_skill(self, assessment_id: int, skill_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM ratings WHERE assessment_id = ? AND skill_id = ?", (assessment_id, skill_id))

    # -- skills over time ---------------------------------------------------------------------

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
                "UPDATE skills SET retired_at = ? WHERE id = ?", (self._stamp() if retired else None, skill_id)
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
        from goaljournal.core.assessment import SessionRef, trajectories

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
        from goaljournal.core.assessment import skill_gap_text

        text = skill_gap_text(rating["name"], rating["rating"])
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

    # -- "still true?": the last finished session's items offered again ------------------------

    @staticmethod
    def _still_true_prompt(assessment_id: int) -> str:
        # A drop is the "still true?" prompt about an item put away for good, for this session.
        return f"still-true:{assessment_id}"

    def drop_offered_item(self, assessment_id: int, item_id: int) -> None:
        """Record that the user dropped an earlier session's item offered in ``assessment_id``,
        so that resuming the session does not offer it again."""
        with self.transaction() as conn:
            self._require("assessments", assessment_id, "assessment")
            self._require("assessment_items", item_id, "assessment item")
            conn.execute(
                "INSERT OR REPLACE INTO prompt_snoozes (prompt, subject_id, until) VALUES (?, ?, ?)",
                (self._still_true_prompt(assessment_id), item_id, format_day(LAST_DAY)),
            )

    def undrop_offered_item(self, assessment_id: int, item_id: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM prompt_snoozes WHERE prompt = ? AND subject_id = ?",
                (self._still_true_prompt(assessment_id), item_id),
            )

    def dropped_offered_items(self, assessment_id: int) -> set[int]:
        rows = self._rows("SELECT subject_id FROM prompt_snoozes WHERE prompt = ?", (self._still_true_prompt(assessment_id),))
        return {row[0] for row in rows}

    def items_with_goals(self, assessment_id: int) -> set[int]:
        """The session's items that a live goal came from: the item itself, or an item of an
        earlier session it was carried from (kept or reworded, any number of sessions back)."""
        rows = self._rows(
            "WITH RECURSIVE chain(item_id, origin_id) AS ("
            " SELECT id, id FROM assessment_items WHERE assessment_id = ?"
            " UNION"
            " SELECT chain.item_id, i.carried_from_id FROM chain JOIN assessment_items i ON i.id = chain.origin_id"
            " WHERE i.carried_from_id IS NOT NULL"
            ") SELECT DISTINCT chain.item_id FROM chain JOIN goals g ON g.assessment_item_id = chain.origin_id"
            " WHERE g.deleted_at IS NULL",
            (assessment_id,),
        )
        return {row[0] for row in rows}
