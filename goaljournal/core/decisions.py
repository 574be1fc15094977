"""Goals that need a decision, as Today lists them: past the deadline (extend, achieved or
abandon?), target reached (achieved?), no check-in for a while (pause?), and the self-assessment
due again.

Pure functions over the store's goals: no SQL, no Textual, and ``today`` is always passed in.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from goaljournal.core.assessment import ASSESSMENT_EVERY_DAYS, assessment_due
from goaljournal.core.models import Goal
from goaljournal.core.periods import Period
from goaljournal.core.progress import progress_fraction
from goaljournal.core.review import REVIEW_NAMES
from goaljournal.core.words import overdue_text

# The prompts, in the order Today lists them; each is also the name a snooze is kept under.
PAST_DEADLINE = "past-deadline"
TARGET_REACHED = "target-reached"
NO_CHECKIN = "no-checkin"
REVIEW_DUE = "review-due"
ASSESSMENT_DUE = "assessment-due"
PROMPTS = (PAST_DEADLINE, TARGET_REACHED, NO_CHECKIN, REVIEW_DUE, ASSESSMENT_DUE)

QUIET_DAYS = 21  # an active goal without a check-in for this long is offered a pause
SNOOZE_DAYS = 7  # "later" puts a prompt away for a week

# The subject of a prompt about the whole journal (a goal's prompt has the goal's id).
JOURNAL = 0


@dataclass(frozen=True, slots=True)
class Decision:
    """One prompt. ``days``: past the deadline, since the last check-in (or the start), or since
    the last completed self-assessment (None: there has never been one)."""

    prompt: str
    subject_id: int
    days: int | None = None
    goal: Goal | None = None
    # A review's prompt: which review ("week", "month", "quarter") and the period it covers.
    review_kind: str | None = None
    period_label: str = ""

    @property
    def key(self) -> tuple[str, int]:
        """What a snooze of this prompt is kept under."""
        return (self.prompt, self.subject_id)


def _days(days: int | None) -> str:
    """``1 day``, ``4 days``."""
    return f"{days} day{'s' if days != 1 else ''}"


def situation(decision: Decision, *, short: bool = False) -> str:
    """What calls for the decision, in words (fewer with ``short``): the one way Today and
    ``goaljournal remind`` say it."""
    if decision.prompt == PAST_DEADLINE:
        return overdue_text(decision.days or 0) if short else f"{_days(decision.days)} past its deadline"
    if decision.prompt == TARGET_REACHED:
        return "target reached" if short else "reached its target"
    if decision.prompt == NO_CHECKIN:
        return f"quiet {_days(decision.days)}" if short else f"no check-in for {_days(decision.days)}"
    if decision.prompt == REVIEW_DUE:
        name = REVIEW_NAMES.get(decision.review_kind or "", "review").capitalize()
        return f"{name} due" if short else f"{name} due: {decision.period_label}"
    if decision.days is None:
        return "No self-assessment yet"
    return f"Self-assessment due (last one {_days(decision.days)} ago)"


def _started(goal: Goal) -> date | None:
    """The day a goal's silence counts from when it has no check-in: its start, else its creation."""
    text = goal.start_date or goal.created_at[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def goal_decision(goal: Goal, today: date, *, progress: float | None = None) -> Decision | None:
    """The one decision an active goal needs today, if any: past its deadline first, then target
    reached, then no check-in for QUIET_DAYS. ``progress`` (0..1) stands in for the goal's own
    progress when it is measured another way (a goal without a target, by its milestones)."""
    if goal.status != "active":
        return None
    if goal.deadline and goal.deadline < today.isoformat():
        return Decision(PAST_DEADLINE, goal.id, (today - date.fromisoformat(goal.deadline)).days, goal)
    # A rate ("5 a week") is never reached once and for all. A target is reached by a check-in:
    # a goal whose baseline already equals its target has not been worked on yet.
    if goal.cadence is None:
        fraction = progress if progress is not None else (progress_fraction(goal) if goal.current is not None else None)
        if fraction is not None and fraction >= 1.0:
            return Decision(TARGET_REACHED, goal.id, None, goal)
    last = date.fromisoformat(goal.current_at) if goal.current_at else _started(goal)
    if last is not None and (today - last).days >= QUIET_DAYS:
        return Decision(NO_CHECKIN, goal.id, (today - last).days, goal)
    return None


def decisions(
    goals: Iterable[Goal],
    today: date,
    *,
    last_assessment: date | None,
    snoozed: Collection[tuple[str, int]] = (),
    progress: Mapping[int, float] | None = None,
    assessment_every: int = ASSESSMENT_EVERY_DAYS,
    review: tuple[str, Period] | None = None,
) -> list[Decision]:
    """What Today asks the user to decide, in a stable order: goals past their deadline (longest
    past first), goals that reached their target, goals without a check-in for QUIET_DAYS
    (longest first), the ``review`` due (its kind and period, :meth:`Store.review_due`), then
    the self-assessment when one is due (:func:`assessment_due`: ``assessment_every`` days
    after ``last_assessment`` (90 unless the user's preferences say otherwise), the day of the last completed session; a journal that never had one is
    asked once it has a goal). A goal gets one prompt at most, and a snoozed prompt (``snoozed``
    holds ``Decision.key`` values) stays away without another taking its place: "later" quiets the
    goal until the snooze ends, or until something new happens to it."""
    progress = progress or {}
    goals = list(goals)
    found = [
        decision
        for goal in goals
        if (decision := goal_decision(goal, today, progress=progress.get(goal.id))) is not None
    ]
    found.sort(key=lambda d: (PROMPTS.index(d.prompt), -(d.days or 0), d.subject_id))
    if review is not None:
        kind, period = review
        found.append(Decision(REVIEW_DUE, JOURNAL, max((today - period.last).days, 0), review_kind=kind, period_label=period.label))
    if goals and assessment_due(last_assessment, today, assessment_every):
        days = None if last_assessment is None else (today - last_assessment).days
        found.append(Decision(ASSESSMENT_DUE, JOURNAL, days))
    return [decision for decision in found if decision.key not in snoozed]
