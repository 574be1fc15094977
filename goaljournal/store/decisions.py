"""The decisions Today asks for: a goal's lifecycle changes (each kept as a revision with its
reason), and prompts put away until a later day."""

from __future__ import annotations

from datetime import date

from goaljournal.core.assessment import ASSESSMENT_EVERY_DAYS
from goaljournal.core.dates import LAST_DAY, format_day
from goaljournal.core.decisions import PROMPTS, Decision, decisions
from goaljournal.store.errors import InvalidInput
from goaljournal.store.goals import GoalsMixin
from goaljournal.store.values import ID_MAX, _check_text, _day


class DecisionsMixin(GoalsMixin):
    """What needs a decision; extend, achieve, abandon or pause a goal; snooze a prompt; the
    first run's welcome."""

    def needed_decisions(self, today: date, *, assessment_every: int = ASSESSMENT_EVERY_DAYS) -> list[Decision]:
        """The prompts Today shows (see :func:`goaljournal.core.decisions.decisions`; a
        self-assessment is due ``assessment_every`` days after the last), read from one state of the journal. A goal without a target is measured by its milestones, as Today
        shows it."""
        with self.snapshot():
            goals = self.goals()
            milestones = {row[0]: (row[1], row[2]) for row in self._rows(
                "SELECT goal_id, count(*), count(done_at) FROM milestones WHERE deleted_at IS NULL GROUP BY goal_id"
            )}  # fmt: skip
            last = self._one(
                "SELECT max(at) FROM assessments WHERE completed_at IS NOT NULL AND deleted_at IS NULL"
            )[0]  # fmt: skip
            snoozed = self.prompt_snoozes(today)
        progress = {goal.id: done / total for goal in goals if goal.target is None
                    for total, done in [milestones.get(goal.id, (0, 0))] if total}  # fmt: skip
        last_day = date.fromisoformat(last) if last else None
        review = self.review_due(today)  # type: ignore[attr-defined]  (ReviewsMixin, beside this one in Store)
        return decisions(goals, today, last_assessment=last_day, snoozed=snoozed, progress=progress,
                         assessment_every=assessment_every, review=review)  # fmt: skip

    # -- a goal's lifecycle -------------------------------------------------------------------

    def extend_deadline(self, goal_id: int, deadline: date | str, reason: str) -> int:
        """Move a goal's deadline later, saying why; returns the revision's id. A day not after the
        current deadline is no extension and is refused."""
        _check_text(reason, "the reason", required=True)
        new_day = _day(deadline)
        if new_day is None:
            raise InvalidInput("a new deadline is needed; nothing was saved")
        with self.transaction():  # the current deadline is read where the new one is written
            current = self._require("goals", goal_id, "goal")["deadline"]
            if current is not None and new_day <= current:
                raise InvalidInput(f"{new_day} is not later than the deadline {current}; nothing was saved")
            revision = self.update_goal(goal_id, deadline=new_day, reason=reason)
        assert revision is not None  # the deadline changed, and a deadline is a revised field
        return revision

    def mark_goal_achieved(self, goal_id: int, reason: str | None = None) -> int | None:
        """Mark a goal achieved; returns the revision's id (None if it already was)."""
        return self._decide_status(goal_id, "achieved", reason)

    def abandon_goal(self, goal_id: int, reason: str) -> int | None:
        """Abandon a goal, saying why; returns the revision's id (None if it already was)."""
        _check_text(reason, "the reason", required=True)
        return self._decide_status(goal_id, "abandoned", reason)

    def pause_goal(self, goal_id: int, reason: str | None = None) -> int | None:
        """Pause a goal; returns the revision's id (None if it already was)."""
        return self._decide_status(goal_id, "paused", reason)

    def _decide_status(self, goal_id: int, status: str, reason: str | None) -> int | None:
        _check_text(reason, "the reason")
        return self.update_goal(goal_id, status=status, reason=(reason or "").strip() or None)

    # -- prompts put away ---------------------------------------------------------------------

    def snooze_prompt(self, prompt: str, subject_id: int, until: date | str) -> None:
        """Keep Today's ``prompt`` about ``subject_id`` (a goal's id, 0 for the whole journal)
        away until the day ``until``, when it may show again. Snoozes already over are cleared."""
        if prompt not in PROMPTS:
            raise InvalidInput(f"unknown prompt {prompt!r}: choose one of {', '.join(PROMPTS)}")
        if isinstance(subject_id, bool) or not isinstance(subject_id, int) or not 0 <= subject_id <= ID_MAX:
            raise InvalidInput("a prompt's subject must be a goal's id, or 0")
        until_day = _day(until)
        if until_day is None:
            raise InvalidInput("a snooze needs a day to end on; nothing was saved")
        with self.transaction() as conn:
            conn.execute("DELETE FROM prompt_snoozes WHERE until <= ?", (format_day(self.today()),))
            conn.execute(
                "INSERT INTO prompt_snoozes (prompt, subject_id, until) VALUES (?, ?, ?) "
                "ON CONFLICT (prompt, subject_id) DO UPDATE SET until = excluded.until",
                (prompt, subject_id, until_day),
            )

    def prompt_snoozes(self, today: date) -> dict[tuple[str, int], date]:
        """The prompts put away on ``today``, each (prompt, subject id) with the day it returns."""
        rows = self._rows("SELECT prompt, subject_id, until FROM prompt_snoozes WHERE until > ?", (format_day(today),))
        snoozes: dict[tuple[str, int], date] = {}
        for prompt, subject_id, until in rows:
            try:
                snoozes[(prompt, subject_id)] = date.fromisoformat(until)
            except (TypeError, ValueError):  # a day edited by hand into something else: the prompt shows
                continue
        return snoozes

    # -- the first run's welcome ----------------------------------------------------------------

    # The welcome put away is a prompt put away for good: no table of its own, no migration.
    WELCOME = "welcome"

    def welcome_due(self) -> bool:
        """True on a first run: nothing written yet (no goal, entry, self-assessment or person,
        not even in the trash) and the welcome not put away before."""
        return self._one(
            "SELECT NOT EXISTS (SELECT 1 FROM goals) AND NOT EXISTS (SELECT 1 FROM entries)"
            " AND NOT EXISTS (SELECT 1 FROM assessments) AND NOT EXISTS (SELECT 1 FROM people)"
            " AND NOT EXISTS (SELECT 1 FROM prompt_snoozes WHERE prompt = ? AND subject_id = 0)",
            (self.WELCOME,),
        )[0] == 1

    def put_welcome_away(self) -> None:
        """Remember that the welcome was seen and left, so that it does not open by itself again."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO prompt_snoozes (prompt, subject_id, until) VALUES (?, 0, ?)",
                (self.WELCOME, format_day(LAST_DAY)),
            )
