"""Reviews of a week, month or quarter: started, answered step by step (every answer written as it
is given), completed, and read back to be compared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from goaljournal.core.dates import format_day, format_moment
from goaljournal.core.models import Review, ReviewFocus
from goaljournal.core.periods import Period
from goaljournal.core.progress import progress_fraction
from goaljournal.core.review import (
    FOCUS_LIMIT,
    GOAL_DECISIONS,
    REVIEW_KINDS,
    STEP_COUNT,
    DoneReview,
    PeriodNumbers,
    ReviewedGoal,
    review_due,
    review_period,
    reviewed_period,
)
from goaljournal.store.decisions import DecisionsMixin
from goaljournal.store.entries import EntriesMixin
from goaljournal.store.errors import InvalidInput, NotFound
from goaljournal.store.values import _check_choice, _check_text, new_uuid

# A goal's decision and the status it puts the goal in.
DECIDED_STATUS = {"pause": "paused", "achieved": "achieved", "abandon": "abandoned"}


class ReviewsMixin(EntriesMixin, DecisionsMixin):
    """Reviews, their goals' decisions, the focus they set and the entries written in them."""

    # -- starting and answering ---------------------------------------------------------------

    def start_review(self, kind: str, today: date | None = None, *, week_start: int | None = None) -> int:
        """The review of ``kind`` for the period a review taken ``today`` covers: the one already
        started for that period if there is one (it is resumed, not doubled), else a new one."""
        _check_choice(kind, REVIEW_KINDS, "the review")
        day = today or self.today()
        period = review_period(kind, day, self.week_start if week_start is None else week_start)
        stamp = self._stamp()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT id FROM reviews WHERE kind = ? AND period_start = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1",
                (kind, format_day(period.first)),
            ).fetchone()
            if row is not None:
                return int(row[0])
            return self._insert(conn, "reviews", {
                "kind": kind, "period_start": format_day(period.first), "period_end": format_day(period.last),
                "step": 1, "created_at": stamp, "updated_at": stamp,
            })  # fmt: skip

    def get_review(self, review_id: int) -> Review:
        row = self._one("SELECT * FROM reviews WHERE id = ? AND deleted_at IS NULL", (review_id,))
        if row is None:
            raise NotFound(f"no review with id {review_id}")
        return Review.from_row(row)

    def reviews(self, *, kind: str | None = None, completed: bool | None = None) -> list[Review]:
        """Live reviews, the newest period first."""
        where, params = ["deleted_at IS NULL"], []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if completed is not None:
            where.append("completed_at IS NOT NULL" if completed else "completed_at IS NULL")
        rows = self._rows(f"SELECT * FROM reviews WHERE {' AND '.join(where)} ORDER BY period_start DESC, id DESC", params)
        return Review.from_rows(rows)

    def set_review_step(self, review_id: int, step: int) -> None:
        if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= STEP_COUNT:
            raise InvalidInput(f"a review's step is 1 to {STEP_COUNT}")
        with self.transaction() as conn:
            self._require_review(review_id)
            conn.execute("UPDATE reviews SET step = ?, updated_at = ? WHERE id = ?", (step, self._stamp(), review_id))

    def set_review_summary(self, review_id: int, summary: str | None) -> None:
        _check_text(summary, "the summary")
        with self.transaction() as conn:
            self._require_review(review_id)
            conn.execute(
                "UPDATE reviews SET summary = ?, updated_at = ? WHERE id = ?",
                ((summary or "").strip() or None, self._stamp(), review_id),
            )

    def decide_in_review(
        self,
        review_id: int,
        goal_id: int,
        decision: str,
        *,
        reason: str | None = None,
        changes: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> int | None:
        """What the review decided for a goal, with the goal's progress as it stands, and the
        change it makes, all in one transaction: ``adjust`` revises the goal's ``changes`` (target,
        deadline, horizon) with ``reason``; ``pause``, ``achieved`` and ``abandon`` change its status
        (a reason is needed to abandon). Returns the revision's id, if one was made."""
        _check_choice(decision, GOAL_DECISIONS, "the decision")
        _check_text(reason, "the reason")
        _check_text(note, "the note")
        changes = dict(changes or {})
        if set(changes) - {"target", "deadline", "horizon"}:
            raise InvalidInput("a review adjusts a goal's target, deadline or horizon")
        if decision == "adjust" and not changes:
            raise InvalidInput("say what changes: a new target, deadline or horizon")
        if decision != "adjust" and changes:
            raise InvalidInput(f"'{decision}' changes nothing but the goal's status")
        if decision == "abandon" and not (reason and reason.strip()):
            raise InvalidInput("say in a few words why the goal is abandoned: it is kept with the revision")
        with self.transaction() as conn:
            review = self._require_review(review_id)
            if review["completed_at"] is not None:
                raise InvalidInput("this review is finished; start a new one to decide again")
            current = self._require("goals", goal_id, "goal")["status"]
            if current != "active" and goal_id not in self.review_decisions(review_id):
                raise InvalidInput(f"goal {goal_id} is {current}: a review decides on active goals")
            # Keeping a goal this review had paused (or marked) makes it active again.
            status = DECIDED_STATUS.get(decision, "active")
            if current != status:
                changes["status"] = status
            revision = self.update_goal(goal_id, reason=(reason or "").strip() or None, **changes) if changes else None
            goal = self.get_goal(goal_id)
            conn.execute(
                "INSERT INTO review_goals (uuid, review_id, goal_id, decision, value, fraction, note) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (review_id, goal_id) DO UPDATE SET decision = excluded.decision, value = excluded.value, "
                "fraction = excluded.fraction, note = excluded.note",
                (new_uuid(), review_id, goal_id, decision, goal.current, progress_fraction(goal), (note or "").strip() or None),
            )
            conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (self._stamp(), review_id))
        return revision

    def review_decisions(self, review_id: int) -> dict[int, str]:
        """Each goal's decision in the review so far."""
        rows = self._rows("SELECT goal_id, decision FROM review_goals WHERE review_id = ?", (review_id,))
        return {row[0]: row[1] for row in rows if row[1] is not None}

    def reviewed_goals(self, review_id: int) -> list[ReviewedGoal]:
        """The goals the review saw, with the decision and the progress it recorded."""
        rows = self._rows(
            "SELECT rg.goal_id, g.title, rg.decision, rg.fraction FROM review_goals rg JOIN goals g ON g.id = rg.goal_id "
            "WHERE rg.review_id = ? ORDER BY g.id",
            (review_id,),
        )
        return [ReviewedGoal(row[0], row[1], row[2], row[3]) for row in rows]

    def add_review_entry(self, review_id: int, text: str, *, kind: str, at: datetime | str | None = None) -> int:
        """A win or an obstacle written in the review: an entry of its kind, linked to the review."""
        if kind not in ("win", "lesson"):
            raise InvalidInput("a review keeps wins and lessons")
        with self.transaction() as conn:
            self._require_review(review_id)
            entry_id = self.add_entry(text, kind=kind, at=at)
            conn.execute("INSERT INTO review_entries (review_id, entry_id) VALUES (?, ?)", (review_id, entry_id))
        return entry_id

    def review_entry_ids(self, review_id: int) -> list[int]:
        rows = self._rows(
            "SELECT re.entry_id FROM review_entries re JOIN entries e ON e.id = re.entry_id "
            "WHERE re.review_id = ? AND e.deleted_at IS NULL ORDER BY e.at, e.id",
            (review_id,),
        )
        return [row[0] for row in rows]

    def set_review_focus(self, review_id: int, items: Sequence[tuple[str, int]]) -> None:
        """The next period's focus: up to three ("goal", id) or ("milestone", id), in order."""
        items = list(dict.fromkeys(items))
        if len(items) > FOCUS_LIMIT:
            raise InvalidInput(f"a focus is {FOCUS_LIMIT} goals or milestones at most")
        with self.transaction() as conn:
            self._require_review(review_id)
            for what, item_id in items:
                if what == "goal":
                    self._require("goals", item_id, "goal")
                elif what == "milestone":
                    self._require("milestones", item_id, "milestone")
                else:
                    raise InvalidInput("a focus is a goal or a milestone")
            conn.execute("DELETE FROM review_focus WHERE review_id = ?", (review_id,))
            conn.executemany(
                "INSERT INTO review_focus (uuid, review_id, position, goal_id, milestone_id) VALUES (?, ?, ?, ?, ?)",
                [(new_uuid(), review_id, position, item_id if what == "goal" else None, item_id if what == "milestone" else None)
                 for position, (what, item_id) in enumerate(items, start=1)],
            )  # fmt: skip
            conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (self._stamp(), review_id))

    def review_focus(self, review_id: int) -> list[ReviewFocus]:
        """The focus a review set, in order, each with its title (a milestone's with its goal's)."""
        rows = self._rows(
            "SELECT f.position, f.goal_id, f.milestone_id, coalesce(g.title, m.title) AS title, mg.title AS goal_title, "
            "mg.id AS milestone_goal_id, m.done_at, coalesce(g.deleted_at, m.deleted_at) AS deleted_at "
            "FROM review_focus f LEFT JOIN goals g ON g.id = f.goal_id LEFT JOIN milestones m ON m.id = f.milestone_id "
            "LEFT JOIN goals mg ON mg.id = m.goal_id WHERE f.review_id = ? ORDER BY f.position",
            (review_id,),
        )
        return [
            ReviewFocus(row["goal_id"] or row["milestone_goal_id"], row["milestone_id"], row["title"],
                        row["goal_title"], row["done_at"])
            for row in rows if row["deleted_at"] is None
        ]  # fmt: skip

    def complete_review(self, review_id: int, *, at: datetime | None = None) -> None:
        """Finish the review (``at``: when, by default now): the period's numbers are kept with
        it, and each goal's progress as it stood then (a goal passed over without a word is kept
        too, undecided)."""
        moment = at or self.clock()
        with self.transaction() as conn:
            review = self._require_review(review_id)
            numbers = self._period_numbers(date.fromisoformat(review["period_start"]), date.fromisoformat(review["period_end"]))
            decided = self.review_decisions(review_id)
            goals = [goal for goal in self.goals() if goal.status == "active" or goal.id in decided]
            if at is not None:  # a review of the past: progress as the check-ins then had it
                values = self.checkin_values_as_of([goal.id for goal in goals], moment.date())
                goals = [goal if goal.cadence else replace(goal, current=values.get(goal.id)) for goal in goals]
            conn.executemany(
                "INSERT INTO review_goals (uuid, review_id, goal_id, value, fraction) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (review_id, goal_id) DO UPDATE SET value = excluded.value, fraction = excluded.fraction",
                [(new_uuid(), review_id, goal.id, goal.current, progress_fraction(goal)) for goal in goals],
            )
            conn.execute(
                "UPDATE reviews SET completed_at = ?, numbers = ?, step = ?, updated_at = ? WHERE id = ?",
                (format_moment(moment), numbers.as_json(), STEP_COUNT, self._stamp(), review_id),
            )

    def _require_review(self, review_id: int) -> Any:
        row = self._require("reviews", review_id, "review")
        if row["deleted_at"] is not None:
            raise NotFound(f"review {review_id} is in the trash")
        return row

    # -- reading ------------------------------------------------------------------------------

    def period_numbers(self, first: date, last: date) -> PeriodNumbers:
        """The days ``first`` to ``last`` in numbers, read from one state of the journal."""
        with self.snapshot():
            return self._period_numbers(first, last)

    def _period_numbers(self, first: date, last: date) -> PeriodNumbers:
        """The numbers, read in the caller's transaction."""
        start, end = format_day(first), format_day(last)
        after = format_day(last + timedelta(days=1)) if last < date.max else "9999-12-31T99"
        checkins = self._one(
            "SELECT count(*) FROM checkins c JOIN goals g ON g.id = c.goal_id "
            "WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN ? AND ?",
            (start, end),
        )[0]  # fmt: skip
        done = self._one(
            "SELECT count(*) FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL "
            "AND g.deleted_at IS NULL AND m.done_at BETWEEN ? AND ?",
            (start, end),
        )[0]  # fmt: skip
        missed = self._one(
            "SELECT count(*) FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL "
            "AND g.deleted_at IS NULL AND g.status IN ('active', 'paused') AND m.due_date BETWEEN ? AND ? "
            "AND (m.done_at IS NULL OR m.done_at > ?)",
            (start, end, end),
        )[0]  # fmt: skip
        entries = self._one(
            "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND at >= ? AND at < ?", (start, after)
        )[0]  # fmt: skip
        conversations = self._one(
            "SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE i.deleted_at IS NULL "
            "AND p.deleted_at IS NULL AND i.at >= ? AND i.at < ?",
            (start, after),
        )[0]  # fmt: skip
        scores = self._one(
            "SELECT avg(mood), avg(energy) FROM daily_checkins WHERE day BETWEEN ? AND ?", (start, end)
        )  # fmt: skip
        return PeriodNumbers(
            checkins=checkins, checkin_days=self.count_active_days(start, end), milestones_done=done, milestones_missed=missed,
            entries=entries, conversations=conversations, mood=scores[0], energy=scores[1],
        )  # fmt: skip

    def review_due(self, today: date) -> tuple[str, Period] | None:
        """The review Today asks for (see :func:`goaljournal.core.review.review_due`), and its period."""
        with self.snapshot():
            done = [
                DoneReview(row[0], date.fromisoformat(row[1]), date.fromisoformat(row[2][:10]))
                for row in self._rows(
                    "SELECT kind, period_start, completed_at FROM reviews WHERE completed_at IS NOT NULL "
                    "AND deleted_at IS NULL AND completed_at >= ?",
                    (format_day(today - timedelta(days=200)),),
                )
            ]
            first_goal = self._one(
                "SELECT min(substr(created_at, 1, 10)) FROM goals WHERE status = 'active' AND deleted_at IS NULL"
            )[0]  # fmt: skip
        since = date.fromisoformat(first_goal) if first_goal else None
        return review_due(today, done, week_start=self.week_start, goals_since=since)

    def current_focus(self, today: date) -> tuple[Review, list[ReviewFocus]] | None:
        """The focus Today shows: the one the latest completed review that chose one set, until the
        period after the one it reviewed has passed (a week's focus for the week after it)."""
        row = self._one(
            "SELECT * FROM reviews r WHERE completed_at IS NOT NULL AND deleted_at IS NULL AND period_start <= ? "
            "AND EXISTS (SELECT 1 FROM review_focus f WHERE f.review_id = r.id) ORDER BY completed_at DESC, id DESC LIMIT 1",
            (format_day(today),),
        )
        if row is None:
            return None
        review = Review.from_row(row)
        if today > reviewed_period(review.kind, date.fromisoformat(review.period_start)).shifted(1).last:
            return None
        focus = self.review_focus(review.id)
        return (review, focus) if focus else None

    def review_before(self, review: Review, *, periods: int = 1) -> Review | None:
        """The completed review of the same kind ``periods`` earlier, or the nearest before it."""
        rows = self._rows(
            "SELECT * FROM reviews WHERE kind = ? AND completed_at IS NOT NULL AND deleted_at IS NULL "
            "AND period_start < ? ORDER BY period_start DESC LIMIT ?",
            (review.kind, review.period_start, periods),
        )
        return Review.from_row(rows[-1]) if rows else None
