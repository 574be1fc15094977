"""A goal's milestones: its steps in order, each with a due day and the day it was done, written one
at a time (the command line) or all at once, as a form holds them (:meth:`save_milestones`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from goaljournal.core.dates import format_day
from goaljournal.core.models import Milestone
from goaljournal.store.base import StoreBase
from goaljournal.store.errors import InvalidInput, NotFound
from goaljournal.store.values import _check_text, _day


@dataclass(frozen=True, slots=True)
class DraftMilestone:
    """A milestone as a form holds it, and as :meth:`MilestonesMixin.save_milestones` makes it;
    ``id`` is None until it is saved."""

    title: str
    due: date | None = None
    done_on: date | None = None
    id: int | None = None

    @classmethod
    def of(cls, milestone: Milestone) -> DraftMilestone:
        """A stored milestone as a form holds it."""
        due = date.fromisoformat(milestone.due_date) if milestone.due_date else None
        done_on = date.fromisoformat(milestone.done_at) if milestone.done_at else None
        return cls(milestone.title, due, done_on, milestone.id)


class MilestonesMixin(StoreBase):
    """A goal's milestones, one at a time or all of them at once."""

    def add_milestone(self, goal_id: int, title: str, *, due: date | str | None = None) -> int:
        _check_text(title, "the milestone", required=True)
        self._require("goals", goal_id, "goal")
        stamp = self._stamp()
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
                (_day(done_on), self._stamp(), milestone_id),
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

    def dated_milestones(self) -> list[Milestone]:
        """Every milestone with a due day, of goals not in the trash: the marks on the roadmap."""
        rows = self._rows(f"{self._MILESTONE_SELECT} AND m.due_date IS NOT NULL ORDER BY m.goal_id, m.due_date, m.id")
        return [Milestone.from_row(row) for row in rows]

    def open_milestones_due(self, until: date) -> list[Milestone]:
        """Milestones not done, of goals still being pursued, due on or before ``until``."""
        rows = self._rows(
            f"{self._MILESTONE_SELECT} AND m.done_at IS NULL AND m.due_date IS NOT NULL "
            "AND m.due_date <= ? AND g.status IN ('draft', 'active') ORDER BY m.due_date, m.id",
            (format_day(until),),
        )
        return [Milestone.from_row(row) for row in rows]

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

    def get_milestone(self, milestone_id: int) -> Milestone:
        row = self._one(
            "SELECT m.*, g.title AS goal_title FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.id = ?",
            (milestone_id,),
        )
        if row is None:
            raise NotFound(f"no milestone with id {milestone_id}")
        return Milestone.from_row(row)

    # -- all of a goal's milestones at once ---------------------------------------------------

    def draft_milestones(self, goal_id: int) -> list[DraftMilestone]:
        """A goal's milestones in order, as a form holds them."""
        return [DraftMilestone.of(milestone) for milestone in self.milestones(goal_id)]

    def save_milestones(self, goal_id: int, milestones: Sequence[DraftMilestone]) -> list[DraftMilestone]:
        """Make a goal's milestones ``milestones``, in that order, in one transaction: one without
        an id is added, one with an id is changed to match (and taken out of the trash if it was
        there), and a milestone of the goal left out goes to the trash. Returns the milestones as
        they were: saved in turn, they undo the change."""
        wanted = [self._milestone_values(item) for item in milestones]  # all checked before any is written
        named = [item.id for item in milestones if item.id is not None]
        if len(named) != len(set(named)):
            raise InvalidInput("a milestone is listed twice; nothing was saved")
        stamp = self._stamp()
        # The goal's milestones are read inside the write transaction: what another program
        # saved meanwhile is seen, and the diff is written against it.
        with self.transaction() as conn:
            self._require("goals", goal_id, "goal")
            stored = {row["id"]: row for row in conn.execute(
                "SELECT * FROM milestones WHERE goal_id = ? ORDER BY position, id", (goal_id,)
            )}  # fmt: skip
            before = [DraftMilestone.of(Milestone.from_row(row)) for row in stored.values() if row["deleted_at"] is None]
            if before == list(milestones):
                return before
            strangers = [milestone_id for milestone_id in named if milestone_id not in stored]
            if strangers:
                raise InvalidInput(f"milestone {strangers[0]} is not a step of goal {goal_id}; nothing was saved")
            order: list[int] = []
            for item, values in zip(milestones, wanted, strict=True):
                if item.id is None:
                    order.append(self._insert(conn, "milestones", {
                        "goal_id": goal_id, **values, "position": 0, "created_at": stamp, "updated_at": stamp,
                    }))  # fmt: skip
                    continue
                old = stored[item.id]
                changed = {name: value for name, value in values.items() if old[name] != value}
                if changed:
                    assignments = ", ".join(f"{name} = ?" for name in changed)
                    conn.execute(
                        f"UPDATE milestones SET {assignments}, updated_at = ? WHERE id = ?",
                        [*changed.values(), stamp, item.id],
                    )
                if old["deleted_at"] is not None:
                    conn.execute("UPDATE milestones SET deleted_at = NULL WHERE id = ?", (item.id,))
                order.append(item.id)
            kept = set(order)
            conn.executemany(
                "UPDATE milestones SET deleted_at = ? WHERE id = ?",
                [(stamp, old.id) for old in before if old.id not in kept],
            )
            # The listed ones first, then those in the trash in the order they had.
            ordered = order + [milestone_id for milestone_id in stored if milestone_id not in kept]
            positions = {milestone_id: position for position, milestone_id in enumerate(ordered, start=1)}
            conn.executemany(
                "UPDATE milestones SET position = ?, updated_at = ? WHERE id = ?",
                [(position, stamp, milestone_id) for milestone_id, position in positions.items()
                 if milestone_id not in stored or stored[milestone_id]["position"] != position],
            )  # fmt: skip
            return before

    @staticmethod
    def _milestone_values(item: DraftMilestone) -> dict[str, Any]:
        """A milestone's columns as ``save_milestones`` writes them, checked."""
        if not isinstance(item, DraftMilestone):
            raise InvalidInput("a milestone must be a DraftMilestone")
        return {
            "title": _check_text(item.title, "the milestone", required=True),
            "due_date": _day(item.due),
            "done_at": _day(item.done_on),
        }
