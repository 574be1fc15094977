"""The review ritual: which week, month or quarter a review covers, when one is due, the period in
numbers and how two reviews compare.

Pure: the store hands in what it read, ``today`` is always passed in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta

from goaljournal.core.periods import Period, period_of
from goaljournal.core.progress import format_number

REVIEW_KINDS = ("week", "month", "quarter")
REVIEW_NAMES = {"week": "weekly review", "month": "monthly review", "quarter": "quarterly review"}
# What the review decided for a goal; the last three change the goal's status.
GOAL_DECISIONS = ("keep", "adjust", "pause", "achieved", "abandon")
FOCUS_LIMIT = 3

# A review is taken at the end of its period or just after. From LEAD days before the period ends
# a review covers the period under way, before that the one just ended; it is due (Today asks
# for it) from then until GRACE days after the end. A stale week is let go rather than nagged
# about: the next one is due a few days later.
LEAD = {"week": 3, "month": 3, "quarter": 7}
GRACE = {"week": 2, "month": 7, "quarter": 14}

# The steps of every review, in order.
STEPS = ("numbers", "goals", "notes", "focus", "summary")
STEP_TITLES = {
    "numbers": "The {period} in numbers",
    "goals": "Each goal in turn",
    "notes": "Wins, and what got in the way",
    "focus": "Next {period}'s focus",
    "summary": "Summary",
}
STEP_COUNT = len(STEPS)


def review_period(kind: str, today: date, week_start: int = 0) -> Period:
    """The period a review of ``kind`` taken on ``today`` covers."""
    if kind not in REVIEW_KINDS:
        raise ValueError(f"unknown review {kind!r}: choose one of {', '.join(REVIEW_KINDS)}")
    current = period_of(today, kind, week_start)
    if (current.last - today).days < LEAD[kind]:
        return current
    return current.shifted(-1)


def reviewed_period(kind: str, first: date) -> Period:
    """The period of ``kind`` a review starting on ``first`` covers (a week from that weekday)."""
    return period_of(first, kind, first.weekday())


def percent(fraction: float | None) -> str:
    """``65%``; ``–`` for no progress known."""
    return "–" if fraction is None else f"{round(fraction * 100)}%"


@dataclass(frozen=True, slots=True)
class DoneReview:
    """What due-ness needs to know of a completed review."""

    kind: str
    period_start: date
    completed_on: date


def review_due(
    today: date, done: Iterable[DoneReview], *, week_start: int = 0, goals_since: date | None = None
) -> tuple[str, Period] | None:
    """The review Today asks for, if any: the longest kind due (a quarter's review asks every
    question a week's does). A period is done by its own review, or by a longer review completed
    since it began. ``goals_since``: the day the first active goal was made (None: no active goal,
    nothing to review)."""
    if goals_since is None:
        return None
    done = list(done)
    for kind in reversed(REVIEW_KINDS):
        period = review_period(kind, today, week_start)
        if today > period.last + timedelta(days=GRACE[kind]) or goals_since > period.last:
            continue
        longer = REVIEW_KINDS[REVIEW_KINDS.index(kind) + 1 :]
        if any(
            (review.kind == kind and review.period_start == period.first)
            or (review.kind in longer and review.completed_on >= period.first)
            for review in done
        ):
            continue
        return kind, period
    return None


# -- the period in numbers --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PeriodNumbers:
    """What happened in a period, as counts and averages (None: no day was scored)."""

    checkins: int = 0
    checkin_days: int = 0
    milestones_done: int = 0
    milestones_missed: int = 0
    entries: int = 0
    conversations: int = 0
    mood: float | None = None
    energy: float | None = None

    def as_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> PeriodNumbers | None:
        """Numbers a review kept; None when there are none or they cannot be read (a file edited
        by hand): a comparison then says it has nothing to compare."""
        if not text:
            return None
        try:
            raw = json.loads(text)
        except ValueError:
            return None
        if not isinstance(raw, dict):
            return None
        values: dict[str, object] = {}
        for field in fields(cls):
            value = raw.get(field.name)
            if field.name in ("mood", "energy"):
                ok = value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))
            else:
                ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            if not ok:
                return None
            values[field.name] = value
        return cls(**values)  # type: ignore[arg-type]


# (field, label, more is better) in the order the numbers are shown.
NUMBER_ROWS = (
    ("checkins", "check-ins", True),
    ("checkin_days", "days with a check-in", True),
    ("milestones_done", "milestones done", True),
    ("milestones_missed", "milestones missed", False),
    ("entries", "entries written", True),
    ("conversations", "conversations", True),
    ("mood", "mood (1–5)", True),
    ("energy", "energy (1–5)", True),
)


@dataclass(frozen=True, slots=True)
class NumberRow:
    label: str
    now: str
    before: str
    change: str
    better: bool | None  # None: no change, or nothing to compare


def _shown(value: float | None) -> str:
    if value is None:
        return "–"
    return format_number(round(value, 1))


def compare_numbers(now: PeriodNumbers, before: PeriodNumbers | None) -> list[NumberRow]:
    """Each number against the period before: ``12``, ``9``, ``+3``."""
    rows = []
    for name, label, more_is_better in NUMBER_ROWS:
        value = getattr(now, name)
        earlier = getattr(before, name) if before is not None else None
        if value is None or earlier is None:
            rows.append(NumberRow(label, _shown(value), _shown(earlier), "", None))
            continue
        difference = round(value - earlier, 1)
        if difference == 0:
            rows.append(NumberRow(label, _shown(value), _shown(earlier), "=", None))
            continue
        sign = "+" if difference > 0 else "−"
        rows.append(NumberRow(label, _shown(value), _shown(earlier), f"{sign}{_shown(abs(difference))}",
                              (difference > 0) == more_is_better))  # fmt: skip
    return rows


# -- comparing two reviews --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewedGoal:
    """A goal as one review saw it."""

    goal_id: int
    title: str
    decision: str | None
    fraction: float | None


@dataclass(frozen=True, slots=True)
class GoalChange:
    title: str
    before: float | None
    now: float | None
    decision: str | None

    @property
    def moved(self) -> str:
        """``40% → 65% (+25 points)``, or what is known of it."""
        if self.before is None or self.now is None:
            return f"{percent(self.before)} → {percent(self.now)}"
        points = round((self.now - self.before) * 100)
        sign = "+" if points > 0 else "−" if points < 0 else "±"
        return f"{percent(self.before)} → {percent(self.now)} ({sign}{abs(points)} points)"


def compare_goals(now: Iterable[ReviewedGoal], before: Iterable[ReviewedGoal]) -> list[GoalChange]:
    """Every goal either review saw, in the later review's order, then the ones only the earlier
    one saw."""
    earlier: Mapping[int, ReviewedGoal] = {goal.goal_id: goal for goal in before}
    changes, seen = [], set()
    for goal in now:
        seen.add(goal.goal_id)
        then = earlier.get(goal.goal_id)
        changes.append(GoalChange(goal.title, then.fraction if then else None, goal.fraction, goal.decision))
    for goal_id, then in earlier.items():
        if goal_id not in seen:
            changes.append(GoalChange(then.title, then.fraction, None, None))
    return changes


def decision_words(decision: str | None) -> str:
    return {"keep": "kept going", "adjust": "adjusted", "pause": "paused", "achieved": "achieved",
            "abandon": "abandoned"}.get(decision or "", "not decided")  # fmt: skip
