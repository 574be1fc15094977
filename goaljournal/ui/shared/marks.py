"""The marks that say what a dated record is, shared by the timeline and Today's "On this day"."""

from __future__ import annotations

# Every kind has its own mark and word, so a line reads without colour too: (mark, style).
MARKS: dict[str, tuple[str, str]] = {
    "span": ("▌", "$text-accent"),
    "goal-start": ("▶", "$text-accent"),
    "deadline": ("⚑", "$text-warning"),
    "milestone-done": ("✓", "$text-success"),
    "milestone-due": ("○", "$text-secondary"),
    "milestone-overdue": ("!", "bold $text-error"),
    "checkin": ("●", "$text-success"),
    "revision": ("↻", "$text-warning"),
    "assessment": ("◎", "$text-accent"),
    "review": ("⟲", "$text-accent"),
    # Bold: a mark in the style of the text after it would join its run, and rsvg-convert drops the
    # spaces a run starts with, the line's indent.
    "reflection": ("✎", "bold $foreground"),
    "win": ("★", "$text-warning"),
    "lesson": ("◇", "$text-secondary"),
    "feedback": ("❝", "$text-primary"),
    "note": ("·", "$text-muted"),
    "conversation": ("⇄", "$text-primary"),
    "follow-up": ("↪", "$text-secondary"),
    "follow-up-done": ("↪", "$text-success"),
    "follow-up-overdue": ("↪", "bold $text-error"),
}
