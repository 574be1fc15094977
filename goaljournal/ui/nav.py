"""Navigation between features, as messages.

A feature package never imports another: to show a record that belongs to another feature (a goal
from the timeline, a person from a conversation, a goal drafted from a self-assessment) it posts
one of these messages. They bubble up to the app, whose handlers import the feature that owns the
record and push its screen or switch to its mode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual.message import Message


@dataclass
class OpenGoal(Message):
    """The goal's page (milestones, check-ins, revisions)."""

    goal_id: int


@dataclass
class ReadGoal(Message):
    """A goal's detail read-only, over the screen that asked; ``with_story`` offers its story."""

    goal_id: int
    with_story: bool = True


@dataclass
class OpenGoalStory(Message):
    """The goal's story: everything that happened to it, on its own timeline."""

    goal_id: int


@dataclass
class DraftGoal(Message):
    """Goal drafting with the SMART coach, prefilled; ``then`` gets the saved goal's id (None if
    the draft was cancelled)."""

    title: str = ""
    category: str = ""
    assessment_item_id: int | None = None
    parent_id: int | None = None
    then: Callable[[int | None], None] | None = field(default=None, repr=False)


@dataclass
class OpenPerson(Message):
    """A person's page: who they are, the conversations held, the follow-ups."""

    person_id: int


@dataclass
class NewPerson(Message):
    """The form for someone new, on the People screen."""


@dataclass
class LogConversation(Message):
    """The conversation form: with the person whose page is open, else it asks who with."""


@dataclass
class ReadEntry(Message):
    """A journal entry read-only."""

    entry_id: int


@dataclass
class ReadAssessment(Message):
    """A self-assessment session's summary read-only."""

    session_id: int


@dataclass
class ReadConversation(Message):
    """A conversation read-only, offering the person's page."""

    interaction_id: int


@dataclass
class StartReview(Message):
    """The review of a week, month or quarter: the one for the period under review, resumed if it
    was begun."""

    kind: str = "week"


@dataclass
class ReadReview(Message):
    """A finished review read-only: its summary and how it compares with the one before."""

    review_id: int


@dataclass
class StartAssessment(Message):
    """The self-assessment: a new session, or the one in progress resumed."""
