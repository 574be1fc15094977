"""Networking goals: what a goal's sentence says it counts, so the drafting form can offer to
take its progress from the people log instead of typed check-ins."""

from __future__ import annotations

import re

# Most specific first: "coffee chats" are coffees before they are chats, "events" are events
# even when people are met at them. Each key is a key of models.PROGRESS_SOURCES.
_SIGNS: tuple[tuple[str, str], ...] = (
    ("coffee", r"\bcoffees?\b"),
    ("event", r"\b(?:events?|conferences?|meet-?ups?|summits?|webinars?|workshops?|networking nights?)\b"),
    ("feedback", r"\bfeedback (?:sessions?|conversations?|meetings?|chats?)\b|\b(?:ask|asking|get|seek) (?:for )?feedback\b"),
    ("call", r"\b(?:phone |video )?calls\b|\bcall \w+ (?:people|contacts|leaders|mentors|peers)\b"),
    ("meeting", r"\bmeetings\b|\bone-on-ones?\b|\b1:1s?\b"),
    ("message", r"\b(?:messages|emails|linkedin messages|thank-you notes)\b"),
    ("interactions", r"\b(?:conversations?|chats?|catch-?ups?|informational interviews?|talks? with)\b"),
    ("people", r"\b(?:connect(?:ions?)? with|meet|get to know|network with|introduc\w+ to|new (?:people|contacts)|people met|contacts|mentors?)\b"),
)
_COMPILED = tuple((source, re.compile(pattern)) for source, pattern in _SIGNS)


def suggest_progress_from(
    title: str, metric: str | None = None, unit: str | None = None, category: str | None = None
) -> str | None:
    """The PROGRESS_SOURCES key a goal seems to count, from its sentence, metric and unit:
    "connect with five HR leaders" → "people", "attend two industry events per month" →
    "event", "hold 10 coffee chats" → "coffee", "have 6 conversations with mentors" →
    "interactions". None when nothing says so, or when the goal is of another category than
    networking (a "meeting" in a performance goal is not a conversation to log)."""
    if category is not None and category != "networking":
        return None
    text = " ".join(part for part in (title, metric, unit) if part).casefold()
    for source, pattern in _COMPILED:
        if pattern.search(text):
            return source
    return None
