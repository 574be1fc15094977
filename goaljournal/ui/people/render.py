"""Conversations as text: one conversation as a reader shows it. Pure functions of the store and today."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from goaljournal.core.periods import long_date, short_date
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.text import user_content


def conversation_detail(store: Store, interaction_id: int, today: date) -> Content:
    """A conversation as the reader shows it. Every field is the user's text, shown literally."""
    talk = store.get_interaction(interaction_id)
    lines = [
        Content.assemble(
            (f"{talk.kind} with ", "bold"), user_content(talk.person_name or "", style="bold", single_line=True),
            (f" · {talk.relationship}" if talk.relationship else "", "$text-muted"),
        ),
        Content.styled(long_date(date.fromisoformat(talk.at)), "$text-muted"),
    ]  # fmt: skip
    for heading, value in (("Notes", talk.notes), ("Learned / advice", talk.learned), ("What was done about it", talk.outcome)):
        if value:
            lines += [Content(""), Content.styled(heading, "bold"), user_content(value)]
    if talk.follow_up_due:
        due = date.fromisoformat(talk.follow_up_due)
        if talk.follow_up_done:
            state = (f"done {short_date(date.fromisoformat(talk.follow_up_done))}", "$success")
        elif due < today:
            state = (f"overdue since {short_date(due)}", "bold $error")
        else:
            state = (f"due {short_date(due)}", "$secondary")
        lines += [Content(""), Content.assemble(("Follow-up: ", "bold"), user_content(talk.follow_up or ""), "  ", state)]
    titles = []
    for goal_id in talk.goal_ids:
        try:
            titles.append(store.get_goal(goal_id).title)
        except JournalError:
            continue
    if titles:
        lines += [Content(""), Content.styled("Goals discussed", "bold")]
        lines += [user_content(f"  • {title}", single_line=True) for title in titles]
    if talk.assessment_item_id is not None:
        lines += [Content(""), Content.styled("Filed as feedback in a self-assessment.", "$text-muted")]
    return Content("\n").join(lines)
