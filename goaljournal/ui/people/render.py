"""People and conversations as text: who a person is, what came of the talks with them, one
conversation as a panel or a reader shows it. Pure functions of the store and today."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.content import Content

from goaljournal.core.dates import human_day
from goaljournal.core.models import Goal, Interaction, Person
from goaljournal.core.periods import long_date, short_date
from goaljournal.core.progress import progress_fraction
from goaljournal.core.words import overdue_since, overdue_text
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.text import compose_line, progress_bar, user_content

RELATIONSHIP_STYLES = {"mentor": "bold $text-accent", "manager": "$text-warning", "mentee": "$text-success", "peer": "", "contact": "$text-muted"}
NO_TALKS_HINT = "No conversations yet: c logs one (a coffee, a meeting, an event, a call…)."


def how_long_ago(day: str, today: date) -> str:
    """A past day said the way people say it: today, yesterday, 5 days ago, 3 weeks ago…"""
    days = (today - date.fromisoformat(day)).days
    if days < 0:
        return "tomorrow" if days == -1 else f"in {-days} days"
    if days < 2:
        return ("today", "yesterday")[days]
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return f"{years} year{'s' if years > 1 else ''} ago"


def follow_up_state(interaction: Interaction, today: date) -> tuple[str, str]:
    """A follow-up's state and its style: done on …, due in N days, due today, N days overdue."""
    if not interaction.follow_up_due:
        return "", ""
    if interaction.follow_up_done:
        return f"done {human_day(interaction.follow_up_done)}", "$text-success"
    days = (date.fromisoformat(interaction.follow_up_due) - today).days
    if days < 0:
        return overdue_text(-days), "$text-error"
    if days == 0:
        return "due today", "$text-warning"
    return f"due in {days} day{'s' if days > 1 else ''}", "$text-muted"


def role_line(person: Person) -> str:
    return " · ".join(part for part in (person.role, person.organisation) if part)


def live_goal(store: Store, goal_id: int) -> Goal | None:
    """The goal, unless it is gone or in the trash (a conversation keeps the ids it discussed)."""
    try:
        goal = store.get_goal(goal_id)
    except JournalError:
        return None
    return goal if goal.deleted_at is None else None


# -- fitting a table to its width -------------------------------------------------------------

# A DataTable pads every cell with a space on each side; a column costs its width and these.
CELL_PADDING = 2


@dataclass(frozen=True, slots=True)
class Column:
    """A table column as its content asks: ``need`` shows every cell whole, ``least`` is the width
    under which it is not worth showing (the cells are cut with an ellipsis in between)."""

    key: str
    need: int
    least: int


def fit_columns(room: int, columns: Sequence[Column], grow: Sequence[str] = ()) -> dict[str, int]:
    """Each column shown in ``room`` cells and its width. ``columns`` come most useful first: each
    is shown if it fits at its least width beside those before it, so the least useful go first
    when the table is narrow. What is left widens them towards their need, in the order of
    ``grow`` (by default the columns' own), so the text uses the room it has."""
    widths: dict[str, int] = {}
    left = room
    for column in columns:
        if column.least + CELL_PADDING <= left:
            widths[column.key] = column.least
            left -= column.least + CELL_PADDING
    by_key = {column.key: column for column in columns}
    for key in grow or [column.key for column in columns]:
        if key in widths:
            more = min(left, max(by_key[key].need - widths[key], 0))
            widths[key] += more
            left -= more
    return widths


# -- a person --------------------------------------------------------------------------------


def person_summary(person: Person, today: date) -> list[Content]:
    """Who a person is, in a few lines: name, relationship, role, how we met, tags, notes."""
    lines = [
        compose_line((person.name, "bold"), "  ", (person.relationship, RELATIONSHIP_STYLES.get(person.relationship, ""))),
    ]
    if role_line(person):
        lines.append(user_content(role_line(person), single_line=True))
    if person.how_met:
        lines.append(compose_line(("Met: ", "$text-muted"), user_content(person.how_met, single_line=True)))
    if person.tags:
        lines.append(user_content(" ".join(f"@{tag}" for tag in person.tags), style="$text-accent", single_line=True))
    talks = f"{person.interaction_count} conversation{'s' if person.interaction_count != 1 else ''}"
    if person.first_met and person.last_met:
        talks += f" · first {human_day(person.first_met)} · last {human_day(person.last_met)} ({how_long_ago(person.last_met, today)})"
    if person.open_follow_ups:
        talks += f" · {person.open_follow_ups} follow-up{'s' if person.open_follow_ups > 1 else ''} open"
    lines.append(Content.styled(talks, "$text-muted"))
    lines.append(
        Content.styled("Private: left out of exports and reports", "$text-muted")
        if person.private
        else Content.styled("Shared in exports and reports", "$text-warning")
    )
    if person.notes:
        lines += [Content(""), user_content(person.notes)]
    return lines


def person_preview(store: Store, person: Person, today: date) -> Content:
    """The list's preview of the highlighted person: who they are and the latest conversation."""
    lines = person_summary(person, today)
    latest = store.interactions(person.id, limit=1)
    if latest:
        talk = latest[0]
        lines.append(compose_line(("Last: ", "$text-muted"), f"{human_day(talk.at)} {talk.kind}  ",
                                  user_content(talk.notes or talk.learned or "", single_line=True, width=90)))  # fmt: skip
    return Content("\n").join(lines)


def hanging(lead: Content | str, text: Content, width: int) -> Content:
    """``lead`` then ``text`` wrapped to ``width`` cells, its further lines indented to where the
    text starts (as a list item's are), so a long goal or piece of advice still reads as one."""
    lead = Content(lead) if isinstance(lead, str) else lead
    indent = lead.cell_length if lead.cell_length <= width // 2 else 4
    lines = text.wrap(max(width - indent, 8))
    return Content("\n").join([lead + lines[0], *(Content(" " * indent) + line for line in lines[1:])])


def person_about(store: Store, person: Person, talks: list[Interaction], today: date, width: int = 80) -> Content:
    """A person's page's left panel: who they are, the goals discussed with them, and each piece
    of advice with what came of it. ``talks`` are their conversations, newest first; goals and
    advice are wrapped to ``width`` (the panel's) with a hanging indent."""
    lines = person_summary(person, today)
    mentor = person.relationship == "mentor"
    discussed = Counter(goal_id for talk in talks for goal_id in talk.goal_ids)
    if discussed:
        last_discussed: dict[int, str] = {}
        for talk in talks:  # newest first: the first seen is the latest
            for goal_id in talk.goal_ids:
                last_discussed.setdefault(goal_id, talk.at)
        lines += [Content(""), Content.styled("Goals discussed with your mentor" if mentor else "Goals discussed", "bold")]
        for goal_id, times in discussed.most_common():
            goal = live_goal(store, goal_id)
            if goal is None:
                continue
            fraction = progress_fraction(goal)
            bar = f"{progress_bar(fraction, 8)} {fraction:4.0%}" if fraction is not None else " " * 13
            state = "" if goal.status == "active" else f" · {goal.status}"
            lines.append(hanging(compose_line("  ", (bar, "$text-accent"), " "), user_content(goal.title, single_line=True), width))
            lines.append(Content.styled(f"    discussed {times}× · last {human_day(last_discussed[goal_id])}{state}", "$text-muted"))
    advised = [talk for talk in talks if talk.learned]
    if advised:
        lines += [Content(""), Content.styled("Advice and what came of it" if mentor else "What I learned and what came of it", "bold")]
        for talk in advised:
            lines.append(hanging(Content.styled(f"  {human_day(talk.at)} ", "$text-muted"), user_content(talk.learned or "", single_line=True), width))
            lines.append(came_of_it(talk, today, width))
    return Content("\n").join(lines)


def came_of_it(talk: Interaction, today: date, width: int = 80) -> Content:
    """Under a piece of advice: what was done about it, else the follow-up, else a hint; wrapped
    to ``width`` cells with a hanging indent."""
    if talk.outcome:
        return hanging(Content.styled("    → done: ", "$text-success"), user_content(talk.outcome, single_line=True), width)
    if talk.follow_up:
        state, style = follow_up_state(talk, today)
        said = compose_line(user_content(talk.follow_up, single_line=True), "  ", (state, style))
        return hanging(Content.styled("    → ", "$text-muted"), said, width)
    return hanging(Content("    → "), Content.styled("nothing recorded yet: e adds what was done about it", "$text-muted italic"), width)


# -- a conversation --------------------------------------------------------------------------


def conversation_panel(store: Store, talk: Interaction | None, today: date) -> Content:
    """A person's page's panel for the highlighted conversation (the person is on the page)."""
    if talk is None:
        return Content.styled(NO_TALKS_HINT, "$text-muted italic")
    lines = [Content.assemble((human_day(talk.at, "%a %d %b %Y"), "bold"), f" · {talk.kind} · ",
                              (how_long_ago(talk.at, today), "$text-muted"))]  # fmt: skip
    if talk.notes:
        lines.append(user_content(talk.notes))
    if talk.learned:
        lines.append(compose_line(("Learned: ", "$text-accent"), user_content(talk.learned)))
    if talk.outcome:
        lines.append(compose_line(("Done about it: ", "$text-success"), user_content(talk.outcome)))
    if talk.follow_up_due:
        state, style = follow_up_state(talk, today)
        lines.append(compose_line(("Follow-up: ", "$text-accent"), user_content(talk.follow_up or "", single_line=True, width=60),
                                  f" · by {human_day(talk.follow_up_due)} · ", (state, style)))  # fmt: skip
    titles = [goal.title for goal in (live_goal(store, goal_id) for goal_id in talk.goal_ids) if goal is not None]
    if titles:
        lines.append(compose_line(("Goals: ", "$text-muted"), user_content("; ".join(titles), single_line=True, width=100)))
    if talk.assessment_item_id is not None:
        lines.append(Content.styled("Filed as feedback in the self-assessment", "$text-muted"))
    return Content("\n").join(lines)


def conversation_detail(store: Store, talk: Interaction, today: date) -> Content:
    """A conversation as the reader shows it. Every field is the user's text, shown literally."""
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
            state = (f"done {short_date(date.fromisoformat(talk.follow_up_done))}", "$text-success")
        elif due < today:
            state = (f"{overdue_since(due, today)} (due {short_date(due)})", "bold $text-error")
        else:
            state = (f"due {short_date(due)}", "$text-secondary")
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
