"""What needs attention today, as ``goaljournal remind`` lists it: no check-in yet while goals are
active, milestones and follow-ups due (or overdue), goals that need a decision, and the
self-assessment when it is due again.

Pure: the command line reads the journal and passes what it read, with ``today``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from goaljournal.core.decisions import ASSESSMENT_DUE, NO_CHECKIN, PAST_DEADLINE, REVIEW_DUE, TARGET_REACHED, Decision, situation
from goaljournal.core.models import Interaction, Milestone
from goaljournal.core.text import one_line
from goaljournal.core.words import plural

# The kinds of the contract (README: `goaljournal remind --json`), in the order they are listed.
KINDS = ("checkin", "milestone", "follow_up", "review", "assessment", "decision")


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing to attend to: its kind, a line saying what, the day it is or was due (ISO), and
    the id of what it is about (a milestone, a conversation, a goal; None for the journal)."""

    kind: str
    text: str
    due: str | None = None
    id: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "due": self.due, "id": self.id}


# What each decision asks of the user, after what calls for it (``situation``, as Today says it).
_ASKS = {
    PAST_DEADLINE: "extend it, mark it achieved or abandon it",
    TARGET_REACHED: "mark it achieved?",
    NO_CHECKIN: "pause it, or check in",
}


def _decision_text(decision: Decision) -> str:
    title = one_line(decision.goal.title if decision.goal else "", 70)
    return f"{title}: {situation(decision)}: {_ASKS[decision.prompt]}"


def reminders(
    today: date,
    *,
    active_goals: int,
    checked_in_today: bool,
    milestones: Iterable[Milestone],
    follow_ups: Iterable[Interaction],
    decisions: Sequence[Decision],
) -> list[Reminder]:
    """Everything that needs attention today, in ``KINDS`` order; empty when nothing does.

    ``milestones`` are Today's (``Store.milestones_for_today``: those ticked today come too, and
    are left out here); ``follow_ups`` the open ones due by today (``Store.follow_ups_due``)."""
    items: list[Reminder] = []
    if active_goals and not checked_in_today:
        items.append(Reminder("checkin", f"No check-in yet today ({plural(active_goals, 'active goal')})", today.isoformat()))
    for milestone in milestones:
        if milestone.done_at is None:
            goal = f" ({one_line(milestone.goal_title, 50)})" if milestone.goal_title else ""
            items.append(Reminder("milestone", f"{one_line(milestone.title, 70)}{goal}", milestone.due_date, milestone.id))
    for interaction in follow_ups:
        who = one_line(interaction.person_name or "someone", 40)
        text = f"Follow up with {who}: {one_line(interaction.follow_up or '', 70)}"
        items.append(Reminder("follow_up", text, interaction.follow_up_due, interaction.id))
    for decision in decisions:
        if decision.prompt == ASSESSMENT_DUE:
            items.append(Reminder("assessment", situation(decision), today.isoformat()))
        elif decision.prompt == REVIEW_DUE:
            items.append(Reminder("review", situation(decision), today.isoformat()))
        else:
            items.append(Reminder("decision", _decision_text(decision), today.isoformat(), decision.subject_id))
    return sorted(items, key=lambda item: KINDS.index(item.kind))  # stable: each kind keeps its order


# -- a daily reminder when the app is closed --------------------------------------------------

TIMER_NAME = "goaljournal-remind"
_HH_MM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def parse_time_of_day(text: str) -> tuple[int, int] | None:
    """"18:30" → (18, 30); None for anything but a zero-padded 24-hour HH:MM."""
    found = _HH_MM.fullmatch(text)
    return (int(found[1]), int(found[2])) if found else None


def _quoted(argument: str) -> str:
    """One argument of a systemd ExecStart= line: quoted, with what systemd expands escaped."""
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def systemd_units(command: Sequence[str], hour: int, minute: int) -> dict[str, str]:
    """The user service and timer that run ``command`` every day at ``hour:minute``. The timer is
    persistent, so a reminder missed while the machine slept comes after it wakes; the service
    finds the session's bus, which a desktop notification needs."""
    service = (
        "[Unit]\n"
        "Description=goaljournal: what needs attention today\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "Environment=DBUS_SESSION_BUS_ADDRESS=unix:path=%t/bus\n"
        f"ExecStart={' '.join(_quoted(part) for part in command)}\n"
    )
    timer = (
        "[Unit]\n"
        "Description=goaljournal: a daily reminder\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00\n"
        "Persistent=true\n"
        f"Unit={TIMER_NAME}.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{TIMER_NAME}.service": service, f"{TIMER_NAME}.timer": timer}


def crontab_line(command: Sequence[str], hour: int, minute: int) -> str:
    """The line to add with ``crontab -e`` where systemd does not run."""
    import shlex

    return f"{minute} {hour} * * * {shlex.join(command)}"
