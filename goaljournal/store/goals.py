"""Goals (saved with their milestones in one go, or changed field by field), their check-ins,
and the day's mood and energy. The milestones themselves are in :mod:`goaljournal.store.milestones`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from goaljournal.core.dates import format_day, format_moment
from goaljournal.core.models import (
    CADENCES,
    CATEGORIES,
    GOAL_STATUSES,
    HORIZONS,
    PROGRESS_SOURCES,
    REVISED_FIELDS,
    CheckIn,
    DailyCheckin,
    Goal,
    Revision,
)
from goaljournal.core.periods import period_of
from goaljournal.store.errors import InvalidInput, NotFound, ReasonRequired
from goaljournal.store.milestones import DraftMilestone, MilestonesMixin
from goaljournal.store.people import COUNT_FIELDS
from goaljournal.store.values import (
    _check_choice,
    _check_scale,
    _check_text,
    _day,
    _moment,
    _number,
)

_UNCHANGED: Any = object()  # "keep this field as it is" in update_checkin

GOAL_FIELDS = (
    "title", "category", "horizon", "metric", "unit", "baseline", "target", "start_date",
    "deadline", "why", "confidence", "status", "parent_id", "assessment_item_id", "progress_from",
    "progress_tag", "cadence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class GoalEdit:
    """What :meth:`GoalsMixin.revise_goal` changed, as it was before; given back to it, it undoes
    the change: ``store.revise_goal(edit.goal_id, edit.fields, edit.milestones, reason="undone")``."""

    goal_id: int
    fields: dict[str, Any]  # the earlier value of each field that changed
    milestones: list[DraftMilestone] | None  # the milestones before, None when they did not change
    revision_id: int | None = None  # the revision kept for a change of substance

    @property
    def changed(self) -> bool:
        return bool(self.fields) or self.milestones is not None


class GoalsMixin(MilestonesMixin):
    """Goals with revisions kept for every change of substance, milestones and check-ins."""

    # -- goals --------------------------------------------------------------------------------

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
        _check_choice(fields.get("cadence"), CADENCES, "cadence")
        if "progress_tag" in fields:
            tag = _check_text(fields["progress_tag"], "the tag")
            fields["progress_tag"] = (tag.strip().lstrip("@").strip() or None) if tag else None
        for name in ("start_date", "deadline"):
            if name in fields:
                fields[name] = _day(fields[name])
        for name in ("baseline", "target"):
            if fields.get(name) is not None:
                fields[name] = _number(fields[name], f"the {name}")
        for name, table, what in (("parent_id", "goals", "goal"), ("assessment_item_id", "assessment_items", "assessment item")):
            if fields.get(name) is not None:
                self._require(table, fields[name], what)
        return fields

    def add_goal(self, title: str, *, milestones: Sequence[DraftMilestone] = (), **fields: Any) -> int:
        """Add a goal, and its ``milestones`` in that order, in one transaction; it starts today
        unless ``start_date`` says otherwise."""
        fields = self._check_goal_fields({"title": title, **fields})
        fields.setdefault("start_date", format_day(self.today()))
        fields.setdefault("status", "active")
        stamp = self._stamp()
        with self.transaction() as conn:
            goal_id = self._insert(conn, "goals", {**fields, "created_at": stamp, "updated_at": stamp})
            if fields.get("progress_from"):
                self._recount_goals(conn, [goal_id])
            if milestones:
                self.save_milestones(goal_id, milestones)
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
        return self._with_period_totals([Goal.from_row(row)])[0]

    def _with_period_totals(self, goals: list[Goal]) -> list[Goal]:
        """A goal with a cadence is as far as the period under way has got: its ``current`` is
        the total of that week's, month's or quarter's check-ins (each an amount), 0 before any."""
        rated = [goal for goal in goals if goal.cadence in CADENCES]
        if not rated:
            return goals
        periods = [period_of(self.today(), cadence, self.week_start) for cadence in CADENCES]
        firsts, lasts = [format_day(p.first) for p in periods], [format_day(p.last) for p in periods]
        ids = [goal.id for goal in rated]
        bound = "CASE g.cadence " + " ".join(f"WHEN '{cadence}' THEN ?" for cadence in CADENCES) + " END"
        rows = self._rows(
            "SELECT c.goal_id, total(c.value) FROM checkins c JOIN goals g ON g.id = c.goal_id "
            f"WHERE c.deleted_at IS NULL AND c.goal_id IN ({', '.join('?' for _ in ids)}) "
            f"AND c.at BETWEEN {bound} AND {bound} GROUP BY c.goal_id",
            [*ids, *firsts, *lasts],
        )
        totals = {row[0]: row[1] for row in rows}
        for goal in rated:
            goal.current = totals.get(goal.id, 0.0)
        return goals

    def checkin_amounts(self, goal_ids: Sequence[int], *, until: date | str | None = None) -> dict[int, list[tuple[str, float]]]:
        """Each goal's check-ins summed by day, oldest first, up to ``until``: what a cadence
        goal's periods are counted from (core.cadence.summarise)."""
        ids = list(dict.fromkeys(goal_ids))
        found: dict[int, list[tuple[str, float]]] = {goal_id: [] for goal_id in ids}
        if not ids:
            return found
        rows = self._rows(
            "SELECT goal_id, at, total(value) FROM checkins WHERE deleted_at IS NULL AND at <= ? "
            f"AND goal_id IN ({', '.join('?' for _ in ids)}) GROUP BY goal_id, at ORDER BY goal_id, at",
            [_day(until) or "9999-12-31", *ids],
        )
        for goal_id, day, amount in rows:
            found[goal_id].append((day, amount))
        return found

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
        return self._with_period_totals([Goal.from_row(row) for row in rows])

    def update_goal(
        self,
        goal_id: int,
        *,
        reason: str | None = None,
        at: datetime | str | None = None,
        reason_required: bool = False,
        **changes: Any,
    ) -> int | None:
        """Change a goal. A change to its title, target, deadline or status is kept as a
        revision with ``reason``, dated ``at`` (default now); returns that revision's id, if one
        was made. With ``reason_required``, such a change without a reason is refused (what
        changes is known only in the write transaction)."""
        return self.revise_goal(goal_id, changes, reason=reason, at=at, reason_required=reason_required).revision_id

    def revise_goal(
        self,
        goal_id: int,
        changes: dict[str, Any],
        milestones: Sequence[DraftMilestone] | None = None,
        *,
        reason: str | None = None,
        at: datetime | str | None = None,
        reason_required: bool = False,
    ) -> GoalEdit:
        """Change a goal's fields and make its milestones ``milestones`` (None leaves them as they
        are), in one transaction: a form's save. A change to its title, target, deadline or status is
        kept as a revision with ``reason``, dated ``at`` (default now); with ``reason_required``,
        such a change without a reason is refused. Returns what changed, as it was before."""
        self._require("goals", goal_id, "goal")
        changes = self._check_goal_fields(dict(changes))
        _check_text(reason, "the reason")
        with self.transaction() as conn:
            revision_id, before = self._change_goal(conn, goal_id, changes, reason=reason, at=at, reason_required=reason_required)
            earlier = self.save_milestones(goal_id, milestones) if milestones is not None else None
            changed = milestones is not None and earlier != list(milestones)
            return GoalEdit(goal_id, before, earlier if changed else None, revision_id)

    def _change_goal(
        self,
        conn: sqlite3.Connection,
        goal_id: int,
        changes: dict[str, Any],
        *,
        reason: str | None,
        at: datetime | str | None = None,
        reason_required: bool = False,
    ) -> tuple[int | None, dict[str, Any]]:
        """Write checked ``changes`` in the caller's transaction: the revision's id (if one was
        kept) and the earlier value of each field that changed."""
        # What changed (and the revision's "before" values) is read inside the write transaction,
        # so a change saved meanwhile by another program is neither undone nor misrecorded.
        current = self._require("goals", goal_id, "goal")
        if changes.get("parent_id") is not None and goal_id in self._ancestors(changes["parent_id"]):
            raise InvalidInput("a goal cannot be its own parent, directly or through its parents")
        changed = {name: value for name, value in changes.items() if current[name] != value}
        if not changed:
            return None, {}
        before = {name: current[name] for name in changed}
        revised = {name: [current[name], changed[name]] for name in REVISED_FIELDS if name in changed}
        if revised and reason_required and not (reason and reason.strip()):
            raise ReasonRequired(
                f"changing the {' and '.join(revised)} of goal {goal_id} needs a reason, kept with the revision"
            )
        assignments = ", ".join(f"{name} = ?" for name in changed)
        conn.execute(
            f"UPDATE goals SET {assignments}, updated_at = ? WHERE id = ?",
            [*changed.values(), self._stamp(), goal_id],
        )
        if "progress_from" in changed and changed["progress_from"] is None:
            self._release_counted_checkins(conn, goal_id)
        elif any(name in changed for name in COUNT_FIELDS):
            self._recount_goals(conn, [goal_id])
        if not revised:
            return None, before
        return self._insert(conn, "revisions", {
            "goal_id": goal_id, "at": _moment(at) or format_moment(self.clock()),
            "changes": json.dumps(revised, ensure_ascii=False), "reason": reason,
        }), before  # fmt: skip

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
        return self._with_period_totals([Goal.from_row(row) for row in rows])

    def count_active_goals(self, *, besides: int | None = None) -> int:
        """How many goals are active (leaving out ``besides``): the load a new goal joins."""
        row = self._one(
            "SELECT count(*) FROM goals WHERE status = 'active' AND deleted_at IS NULL AND id IS NOT ?",
            (besides,),
        )
        return int(row[0]) if row else 0

    # -- check-ins and the day's mood and energy ----------------------------------------------

    _LATEST_VALUE = (
        "SELECT value FROM checkins WHERE goal_id = ? AND deleted_at IS NULL ORDER BY at DESC, id DESC LIMIT 1"
    )

    def add_checkin(
        self,
        goal_id: int,
        value: float | None = None,
        *,
        delta: float | None = None,
        at: date | str | None = None,
        note: str | None = None,
        confidence: int | None = None,
    ) -> int:
        """Record a goal's value: ``value`` as given, or ``delta`` added to its latest value (its
        baseline, or 0, before any check-in). The latest value is read inside the write
        transaction, so two programs adding at once both count. For a goal with a cadence each
        check-in is an amount added to its period, so ``value`` and ``delta`` both record it."""
        if (value is None) == (delta is None):
            raise ValueError("give a value or a delta, not both")
        given = _number(value if delta is None else delta, "a check-in value")
        _check_text(note, "the note")
        _check_scale(confidence, "confidence")
        day = _day(at) or format_day(self.today())
        with self.transaction() as conn:
            goal = self._require("goals", goal_id, "goal")
            if goal["progress_from"] is not None:
                raise InvalidInput(
                    f"goal #{goal_id} counts {PROGRESS_SOURCES[goal['progress_from']]} from the people log; "
                    "log a conversation instead (goaljournal met NAME)"
                )
            if delta is not None and goal["cadence"] is None:
                latest = conn.execute(self._LATEST_VALUE, (goal_id,)).fetchone()
                start = latest[0] if latest is not None else (goal["baseline"] or 0.0)
                given = _number(start + given, "a check-in value")  # the sum, too, within the limit
            return self._insert(conn, "checkins", {
                "goal_id": goal_id, "at": day, "value": given,
                "note": note, "confidence": confidence, "created_at": self._stamp(),
            })  # fmt: skip

    def update_checkin(
        self, checkin_id: int, *, value: float = _UNCHANGED, note: str | None = _UNCHANGED, at: date | str = _UNCHANGED
    ) -> CheckIn:
        """Correct a typed check-in's value, note or day (what is not given is kept); returns the
        check-in as it was, so the correction can be undone. Check-ins counted from the people log
        are the log's: correct the conversation instead."""
        changes: dict[str, Any] = {}
        if value is not _UNCHANGED:
            changes["value"] = _number(value, "a check-in value")
        if note is not _UNCHANGED:
            _check_text(note, "the note")
            changes["note"] = note
        if at is not _UNCHANGED:
            changes["at"] = _day(at)
            if changes["at"] is None:
                raise InvalidInput("a check-in needs a day")
        with self.transaction() as conn:
            row = self._require("checkins", checkin_id, "check-in")
            if row["source"] is not None:
                raise InvalidInput(
                    f"check-in #{checkin_id} was counted from the people log; correct the conversation instead"
                )
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                conn.execute(
                    f"UPDATE checkins SET {assignments}, updated_at = ? WHERE id = ?",
                    [*changes.values(), self._stamp(), checkin_id],
                )
            return CheckIn.from_row(row)

    def get_checkin(self, checkin_id: int) -> CheckIn:
        return CheckIn.from_row(self._require("checkins", checkin_id, "check-in"))

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
        day_text, stamp = _day(day), self._stamp()
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

    def count_active_days(self, lo: str, hi: str) -> int:
        """How many days from ``lo`` to ``hi`` (ISO days) have a check-in, as the streak counts them
        (a goal's progress, or the day's mood or energy); a trashed goal's check-ins do not count.
        Read in the caller's transaction, if any."""
        return int(self._one(
            "SELECT count(*) FROM (SELECT c.at FROM checkins c JOIN goals g ON g.id = c.goal_id "
            "WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN ? AND ? "
            "UNION SELECT day FROM daily_checkins WHERE (mood IS NOT NULL OR energy IS NOT NULL) AND day BETWEEN ? AND ?)",
            (lo, hi, lo, hi),
        )[0])  # type: ignore[index]

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

    def activity_by_day(self, first: date, last: date) -> dict[date, int]:
        """For each day from ``first`` to ``last`` with any: how many check-ins it has (a trashed
        goal's do not count), and one more when the day's mood or energy was recorded; the days
        the streak counts, with how much was done on them (for the heat map)."""
        lo, hi = format_day(first), format_day(last)
        rows = self._rows(
            "SELECT day, sum(n) FROM ("
            " SELECT c.at AS day, count(*) AS n FROM checkins c JOIN goals g ON g.id = c.goal_id"
            " WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN ? AND ? GROUP BY c.at"
            " UNION ALL SELECT day, 1 FROM daily_checkins"
            " WHERE (mood IS NOT NULL OR energy IS NOT NULL) AND day BETWEEN ? AND ?"
            ") GROUP BY day",
            (lo, hi, lo, hi),
        )
        return {date.fromisoformat(row[0]): int(row[1]) for row in rows}

    def day_scores_between(self, first: date, last: date) -> list[DailyCheckin]:
        """The days from ``first`` to ``last`` with a mood or energy recorded, oldest first."""
        rows = self._rows(
            "SELECT * FROM daily_checkins WHERE day BETWEEN ? AND ? AND (mood IS NOT NULL OR energy IS NOT NULL) ORDER BY day",
            (format_day(first), format_day(last)),
        )
        return [DailyCheckin.from_row(row) for row in rows]
