"""The journal's domain objects, as the store hands them out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Self

CATEGORIES = (
    "skill",
    "performance",
    "leadership",
    "education",
    "certification",
    "networking",
    "work-life balance",
    "financial",
)
GOAL_STATUSES = ("draft", "active", "paused", "achieved", "abandoned")
# A status as one cell, where a list or the roadmap has no room for the word.
STATUS_MARKS = {"active": "●", "draft": "◌", "paused": "‖", "achieved": "✓", "abandoned": "✗"}
# A goal stated as a rate has a target per one of these periods.
CADENCES = ("week", "month", "quarter")
HORIZONS = ("short", "medium", "long")
ENTRY_KINDS = ("reflection", "win", "lesson", "feedback", "note")
ITEM_KINDS = ("strength", "weakness", "success", "failure", "feedback")
FEEDBACK_SOURCES = ("self", "peer", "supervisor", "mentor", "formal test")
RELATIONSHIPS = ("mentor", "mentee", "peer", "manager", "contact")
INTERACTION_KINDS = ("coffee", "meeting", "event", "call", "message", "feedback")
# What a goal may count instead of typed check-ins (goals.progress_from), and how it reads.
PROGRESS_SOURCES = {
    "people": "new people met",
    "interactions": "conversations",
    "coffee": "coffees",
    "meeting": "meetings",
    "event": "events attended",
    "call": "calls",
    "message": "messages",
    "feedback": "feedback sessions",
}
# Who gave feedback, as the self-assessment's feedback step names it.
FEEDBACK_SOURCE_OF = {"mentor": "mentor", "manager": "supervisor", "peer": "peer", "mentee": "peer", "contact": "peer"}
# Changes to these fields are the goal's substance: each is kept as a revision with its reason.
REVISED_FIELDS = ("title", "target", "deadline", "status")


class _FromRow:
    @classmethod
    def from_row(cls, row: Any, **extra: Any) -> Self:
        names = cls._field_names()
        values = {key: row[key] for key in row.keys() if key in names}
        values.update(extra)
        return cls(**values)

    @classmethod
    def from_rows(cls, rows: Sequence[Any]) -> list[Self]:
        """Many rows of one query: the columns are matched to fields once, not per row (a
        search printing 15,000 entries spent a third of its time here)."""
        if not rows:
            return []
        keys = tuple(rows[0].keys())
        if keys == cls._field_order()[: len(keys)]:  # SELECT * of a table laid out like the class
            return [cls(*row) for row in rows]
        names = cls._field_names()
        picked = [(index, key) for index, key in enumerate(rows[0].keys()) if key in names]
        return [cls(**{key: row[index] for index, key in picked}) for row in rows]

    @classmethod
    def _field_order(cls) -> tuple[str, ...]:
        cached = cls.__dict__.get("_order")
        if cached is None:
            cached = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
            setattr(cls, "_order", cached)
        return cached

    @classmethod
    def _field_names(cls) -> frozenset[str]:
        cached = cls.__dict__.get("_names")
        if cached is None:
            cached = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
            setattr(cls, "_names", cached)
        return cached


@dataclass(slots=True)
class Goal(_FromRow):
    id: int
    uuid: str
    title: str
    status: str = "draft"
    category: str | None = None
    horizon: str | None = None
    metric: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    start_date: str | None = None
    deadline: str | None = None
    why: str | None = None
    confidence: int | None = None
    parent_id: int | None = None
    assessment_item_id: int | None = None
    progress_from: str | None = None
    progress_tag: str | None = None
    cadence: str | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    # Derived by the store's goal queries: the latest check-in value and its date.
    current: float | None = None
    current_at: str | None = None


@dataclass(slots=True)
class Milestone(_FromRow):
    id: int
    uuid: str
    goal_id: int
    title: str
    due_date: str | None = None
    done_at: str | None = None
    position: int = 0
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    goal_title: str | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(slots=True)
class Revision(_FromRow):
    id: int
    uuid: str
    goal_id: int
    at: str
    changes: str
    reason: str | None = None


@dataclass(slots=True)
class CheckIn(_FromRow):
    id: int
    uuid: str
    goal_id: int
    at: str
    value: float
    note: str | None = None
    confidence: int | None = None
    created_at: str = ""
    deleted_at: str | None = None
    # "interactions" when the store wrote it from logged conversations (Goal.progress_from).
    source: str | None = None
    updated_at: str | None = None


@dataclass(slots=True)
class Entry(_FromRow):
    id: int
    uuid: str
    at: str
    text: str
    kind: str = "reflection"
    starred: int = 0
    private: int = 0
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    tags: list[str] = field(default_factory=list)
    goal_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Skill(_FromRow):
    id: int
    uuid: str
    name: str
    category: str | None = None
    retired_at: str | None = None
    created_at: str = ""


@dataclass(slots=True)
class Assessment(_FromRow):
    id: int
    uuid: str
    at: str
    summary: str | None = None
    step: int = 0
    completed_at: str | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    item_count: int = 0
    rating_count: int = 0


@dataclass(slots=True)
class Review(_FromRow):
    """A review of a week, month or quarter; ``numbers`` is the period in numbers (JSON) as the
    review saw them when it was completed."""

    id: int
    uuid: str
    kind: str
    period_start: str
    period_end: str
    step: int = 1
    summary: str | None = None
    numbers: str | None = None
    completed_at: str | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewFocus:
    """One of a review's focus: a goal, or a milestone (``goal_id`` is then its goal's)."""

    goal_id: int
    milestone_id: int | None
    title: str
    goal_title: str | None = None
    done_at: str | None = None


@dataclass(slots=True)
class AssessmentItem(_FromRow):
    id: int
    uuid: str
    assessment_id: int
    kind: str
    text: str
    evidence: str | None = None
    cost: str | None = None
    learned: str | None = None
    source: str | None = None
    action: str | None = None
    position: int = 0
    created_at: str = ""
    carried_from_id: int | None = None


@dataclass(slots=True)
class Rating(_FromRow):
    id: int
    uuid: str
    assessment_id: int
    skill_id: int
    rating: int
    note: str | None = None
    skill_name: str | None = None


@dataclass(slots=True)
class DailyCheckin(_FromRow):
    """A day's mood and energy (1–5 each, either may be unset), recorded on the Today screen."""

    id: int
    uuid: str
    day: str
    mood: int | None = None
    energy: int | None = None
    created_at: str = ""
    updated_at: str = ""


@dataclass(slots=True)
class Person(_FromRow):
    id: int
    uuid: str
    name: str
    role: str | None = None
    organisation: str | None = None
    how_met: str | None = None
    relationship: str = "contact"
    notes: str | None = None
    private: int = 1
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    tags: list[str] = field(default_factory=list)
    # Derived by the store's people queries.
    first_met: str | None = None
    last_met: str | None = None
    interaction_count: int = 0
    open_follow_ups: int = 0


@dataclass(slots=True)
class Interaction(_FromRow):
    id: int
    uuid: str
    person_id: int
    at: str
    kind: str
    notes: str | None = None
    learned: str | None = None
    outcome: str | None = None
    follow_up: str | None = None
    follow_up_due: str | None = None
    follow_up_done: str | None = None
    assessment_item_id: int | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    person_name: str | None = None
    relationship: str | None = None
    goal_ids: list[int] = field(default_factory=list)

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_due is not None and self.follow_up_done is None


@dataclass(frozen=True, slots=True)
class ReflectionPrompt(_FromRow):
    """A question Today offers above the reflection line; the built-in ones come with every journal."""

    id: int
    uuid: str
    text: str
    position: int = 0
    retired_at: str | None = None
    created_at: str = ""

    @property
    def retired(self) -> bool:
        return self.retired_at is not None


@dataclass(frozen=True, slots=True)
class EntryTemplate(_FromRow):
    """The start of an entry written often (a 1:1, a course module, a conference day): its text
    and the kind of entry it makes."""

    id: int
    uuid: str
    name: str
    kind: str = "note"
    text: str = ""
    position: int = 0
    retired_at: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def retired(self) -> bool:
        return self.retired_at is not None
