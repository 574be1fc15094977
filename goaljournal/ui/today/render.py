"""Today as text: the due list's lines, a goal's summary beside its check-in field, the streak,
the lines of what needs a decision. Pure functions of the store and the day: tested without the app."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from textual.content import Content

from goaljournal.core.cadence import CadenceSummary, amount_text, summarise
from goaljournal.core.dates import human_date, human_day
from goaljournal.core.decisions import (
    ASSESSMENT_DUE,
    NO_CHECKIN,
    PAST_DEADLINE,
    REVIEW_DUE,
    TARGET_REACHED,
    Decision,
    situation,
)
from goaljournal.core.models import (
    CADENCES,
    PROGRESS_SOURCES,
    Goal,
    Interaction,
    Milestone,
    ReviewFocus,
)
from goaljournal.core.progress import (
    format_number,
    pace_status,
    progress_fraction,
    streak,
)
from goaljournal.core.words import counted_unit, overdue_since
from goaljournal.core.text import one_line
from goaljournal.store import Store
from goaljournal.ui.shared.text import progress_bar, user_content

STATUS_STYLES = {"on track": "$text-success", "at risk": "$text-warning", "off track": "$text-error", "done": "$text-success", "met": "$text-success"}
# A streak longer than this is shown as "at least": the query stays small after years of use.
STREAK_WINDOW_DAYS = 3660
# Where a counted goal has no check-in field, it says how its progress is logged instead.
COUNTED_HINT = Content.styled("from conversations · log one: p, or goaljournal met NAME", "$text-muted")

Part = str | Content | tuple[str, str]
# The least room an amount is cut to beside a goal's deadline.
AMOUNT_ROOM = 8


def streak_status(store: Store, today: date) -> str:
    """The title bar's ``check-in streak 3 days``; while goals are active and today is not yet one
    of the streak's days, ``streak 3 days · no check-in yet today`` (in the half of an 80-column
    bar the status has)."""
    days = store.active_days(since=today - timedelta(days=STREAK_WINDOW_DAYS))
    count = streak(days, today)
    days_text = f"{count} day{'s' if count != 1 else ''}"
    if today not in days and store.count_active_goals():
        return f"streak {days_text} · no check-in yet today"
    return f"check-in streak {days_text}"


# The due list's columns where it has room: the box and when (20 cells), then the title, which
# takes the rest of the line and wraps onto TITLE_LINES at most, under itself.
WHEN_COLUMN, TITLE_CELLS, TITLE_LINES = 20, 34, 2


def hanging(text: Content, first: int, indent: int, width: int, lines: int) -> Content:
    """``text`` wrapped to ``width`` cells, its first line starting at ``first`` and the others at
    ``indent`` (a hanging indent: never back at the left edge), on ``lines`` lines at most, the
    last one cut with an ellipsis when there is more."""
    room = max(width - max(first, indent), 4)
    wrapped = [line.rstrip() for line in text.wrap(room)] or [Content("")]
    if len(wrapped) > lines:
        rest = Content(" ").join(wrapped[lines - 1 :])
        wrapped = [*wrapped[: lines - 1], rest.truncate(room - 1).rstrip() + Content("…") if rest.cell_length > room else rest]
    return Content("\n" + " " * indent).join(wrapped)


def _due_item(title: str, due_day: str | None, done: bool, below: Content, today: date, width: int, *,
              overdue: str, on_today: str, ahead: str) -> Content:  # fmt: skip
    """Lines on the due list, ``width`` cells at most: a box, when it is due and what to do
    (wrapped under itself); then, below, what it is for. ``ahead`` is a human_date pattern for the
    due date; ``overdue`` holds ``{overdue}``, where the one wording of lateness goes ("3 days
    overdue"). A list too narrow for two columns puts the title right after the date."""
    if done:
        box, when, style = Content.styled("☑ ", "$text-success"), Content.styled("done today", "$text-success"), "strike $text-muted"
    else:
        due = date.fromisoformat(due_day or today.isoformat())
        if due < today:
            when = Content.styled(overdue.format(overdue=overdue_since(due, today)), "bold $text-error")
        elif due == today:
            when = Content.styled(on_today, "bold $text-warning")
        else:
            when = Content(human_date(due, ahead))
        box, style = Content("☐ "), ""
    columns = width >= WHEN_COLUMN + TITLE_CELLS
    lead = max(WHEN_COLUMN, when.cell_length + 3) if columns else when.cell_length + 3
    indent = WHEN_COLUMN if columns else 2
    shown = hanging(user_content(title, style=style, single_line=True), lead, lead, width, TITLE_LINES)
    return Content.assemble(box, when.pad_right(lead - 2 - when.cell_length), shown, "\n" + " " * indent,
                            below.truncate(max(width - indent, 4), ellipsis=True))  # fmt: skip


def due_label(milestone: Milestone, today: date, width: int = 76) -> Content:
    """A milestone: when it is due, and below, its goal."""
    goal = user_content(milestone.goal_title or "", style="$text-muted", single_line=True)
    return _due_item(milestone.title, milestone.due_date, milestone.done, goal, today, width,
                     overdue="! {overdue}", on_today="today", ahead="%a %d %b")  # fmt: skip


def follow_up_label(follow_up: Interaction, today: date, width: int = 76) -> Content:
    """A follow-up, like a milestone: when it is due, and below, with whom."""
    who = Content.assemble(
        (f"{follow_up.kind} with ", "$text-muted"), user_content(follow_up.person_name or "", style="$text-muted", single_line=True)
    )
    return _due_item(follow_up.follow_up or "", follow_up.follow_up_due, bool(follow_up.follow_up_done), who, today, width,
                     overdue="! {overdue}", on_today="due today", ahead="due %a %d")  # fmt: skip


def focus_heading(kind: str) -> Content:
    """``Focus this week``: the heading over what the latest review chose."""
    return Content.styled(f"Focus this {kind} (from your review)", "bold $text-accent")


def focus_label(item: ReviewFocus, width: int = 76) -> Content:
    """One of the focus a review set: a star and the goal, or the milestone and, below where there
    is room, its goal; a milestone done since is ticked."""
    mark = ("✓ ", "$text-success") if item.done_at else ("★ ", "bold $text-accent")
    title = user_content(item.title, style="bold" if item.milestone_id is None else "", single_line=True)
    line = Content.assemble(mark, title.truncate(max(width - 2, 8), ellipsis=True))
    if item.goal_title and width >= 50:  # a narrow list keeps each of the three to one line
        below = user_content(item.goal_title, style="$text-muted", single_line=True).truncate(max(width - 4, 8), ellipsis=True)
        line = Content.assemble(line, "\n    ", below)
    return line


def cadence_of(goal: Goal) -> str | None:
    """The goal's cadence ("week", "month", "quarter"), or None for a goal measured as a whole."""
    return goal.cadence if goal.cadence in CADENCES else None


def counted_amount(goal: Goal) -> str:
    """``2 of 5 new people met (@hr)``: the count first, so a narrow panel cuts the label; a goal
    with a cadence counts its period: ``1 of 2 events attended this month``."""
    label = PROGRESS_SOURCES.get(goal.progress_from or "", goal.progress_from or "")
    tag = f" (@{goal.progress_tag})" if goal.progress_tag else ""
    cadence = cadence_of(goal)
    if cadence is not None:
        return amount_text(goal.current or 0.0, goal.target, cadence, label) + tag
    current = goal.current if goal.current is not None else (goal.baseline or 0.0)
    amount = f"{format_number(current)} of {format_number(goal.target)}" if goal.target is not None else f"{format_number(current)} so far"
    return f"{amount} {counted_unit(label, goal.target)}{tag}"


def cadence_lines(goal: Goal, summary: CadenceSummary, width: int) -> tuple[str, str]:
    """A cadence goal's two lines: ``2 of 5 client reports this week`` (the unit left out when
    the line has no room for it) and ``3 weeks in a row · 4 of 6 weeks met``, as much as fits."""
    amount = summary.this_period(goal.unit or goal.metric)
    if len(amount) > width:
        amount = summary.this_period()
    parts = [part for part in (summary.streak_text(), summary.met_text()) if part]
    kept = [parts[0]]
    for part in parts[1:]:
        if len(" · ".join([*kept, part])) <= width:
            kept.append(part)
    return amount, " · ".join(kept)


def milestone_progress(goal: Goal, milestones: list[Milestone]) -> Goal:
    """A goal without a numeric target, measured by its milestones done out of all of them, so
    that its bar and pace read like any other goal's."""
    done = sum(milestone.done for milestone in milestones)
    return replace(goal, baseline=0.0, target=float(len(milestones)), current=float(done))


def _deadline(goal: Goal, today: date) -> tuple[str, str]:
    if not goal.deadline:
        return ("no deadline", "$text-muted")
    if goal.deadline < today.isoformat():
        return (f"was due {human_day(goal.deadline)}", "$text-error")
    return (f"by {human_day(goal.deadline)}", "$text-muted")


def goal_title(goal: Goal, width: int) -> Content:
    """An active goal's title, on one line of ``width`` cells."""
    return user_content(goal.title, style="bold", single_line=True, width=width)


def goal_summary(store: Store, goal: Goal, today: date, width: int, *, title: bool = True, checked_today: bool | None = None) -> Content:
    """An active goal beside its check-in field, every line cut to ``width``: its title (unless
    ``title`` is False: Today shows it across the row); the bar, percentage and pace; how much so
    far and the deadline (a cadence goal: this period's amount, then its streak); and for a goal
    that counts conversations, how to log one. ``checked_today``: whether a check-in was made
    today (by default, whether the goal's latest value is today's)."""
    counted = goal.progress_from is not None
    cadence = cadence_of(goal)
    unit = goal.unit or goal.metric or ""
    if checked_today is None:
        checked_today = goal.current_at == today.isoformat()
    if goal.target is None:
        milestones = store.milestones(goal.id)
        measured = milestone_progress(goal, milestones) if milestones else goal
        amount = f"{int(measured.current or 0)} / {len(milestones)} milestones" if milestones else "no target yet"
    else:
        measured = goal
        current = goal.current if goal.current is not None else goal.baseline
        amount = f"{format_number(current)} / {format_number(goal.target)} {unit}".rstrip()
    if counted:
        amount = counted_amount(goal)
    fraction = progress_fraction(measured)
    pace = pace_status(measured, today, store.week_start)
    percent = f"{fraction:4.0%}" if fraction is not None else "   –"
    deadline = _deadline(goal, today)
    details: list[Part]
    if cadence is not None:  # its own line for this period's amount; the deadline goes under it
        amounts = store.checkin_amounts([goal.id])[goal.id]
        periods = summarise(cadence, goal.target, amounts, today, start=goal.start_date, deadline=goal.deadline, week_start=store.week_start)
        period_amount, streak_line = cadence_lines(goal, periods, width)
        shown = amount if counted else period_amount
        tick = "  ✓ today" if checked_today and not counted and len(shown) + 9 <= width else ""
        details = [user_content(shown, single_line=True, width=width), (tick, "$text-success"), "\n", streak_line]
        if width - len(streak_line) - 3 >= len(deadline[0]):
            details += [" · ", deadline]
    else:
        # "✓ today" is for a typed check-in; a counted goal's come from conversations.
        checked = "  ✓ today" if checked_today and not counted else ""
        room = width - len(deadline[0]) - 3 - len(checked)
        if room < AMOUNT_ROOM and checked:  # a narrow panel: the tick alone says it
            checked = "  ✓"
            room = width - len(deadline[0]) - 3 - len(checked)
        if room < AMOUNT_ROOM:  # narrower still: the amount before the deadline, which Goals shows
            details = [user_content(amount, single_line=True, width=max(width - len(checked), 1)), (checked, "$text-success")]
        else:
            details = [user_content(amount, single_line=True, width=room), " · ", deadline, (checked, "$text-success")]
    if counted:
        details += ["\n", COUNTED_HINT.truncate(width, ellipsis=True)]
    # The bar gives way to the percentage and the pace, so the line never wraps into the next.
    # Too narrow for a bar of 3 cells, the percentage and the pace are enough.
    bar = min(16, width - len(percent) - len(pace or "") - 3)
    return Content.assemble(
        *((goal_title(goal, width), "\n") if title else ()),
        (progress_bar(fraction, bar) + " " if bar >= 3 else "", "$text-accent"),
        f"{percent}  ",
        (pace or "", STATUS_STYLES.get(pace or "", "")),
        "\n",
        *details,
    )


# -- empty panels ----------------------------------------------------------------------------

NOTHING_DUE = Content.styled(
    "Nothing due this week.\nYour goals' milestones and the follow-ups you promised people show here as they come due.",
    "$text-muted italic",
)


def no_active_goals(any_goal: bool) -> Content:
    """What the goals panel is for, and the key that fills it; ``any_goal``: the journal has goals,
    none of them active (drafts, paused or done)."""
    if any_goal:
        return Content.assemble(
            ("No active goals. ", "$text-muted italic"), ("n", "bold $text-accent"), (" drafts a new one; ", "$text-muted italic"),
            ("g", "bold $text-accent"), (" lists the drafts and paused ones, where S makes one active.", "$text-muted italic"),
        )  # fmt: skip
    return Content.assemble(
        ("Today is the daily check-in: a number for each active goal, the milestones due this week, "
         "a line of reflection, mood and energy. Under a minute a day.\n\n", "$text-muted"),
        ("Press ", ""), ("n", "bold $text-accent"), (" to draft your first goal", "bold"),
        (": one sentence, and the SMART coach helps as you type.", "$text-muted"),
    )  # fmt: skip


# -- the reflection line ---------------------------------------------------------------------

REFLECTION_PROMPT = "A line or two on today, @tags welcome (→ completes a tag) — Enter saves"


# The key that offers another prompt, as the reflection line's title names it.
NEXT_PROMPT_HINT = "ctrl+o another"


def prompt_for(prompts: Sequence[str], today: date, turn: int = 0) -> str | None:
    """The prompt offered on ``today``: each day the next of ``prompts`` in their order, and
    ``turn`` further on after as many asks for another; None when there are none."""
    if not prompts:
        return None
    return prompts[(today.toordinal() + turn) % len(prompts)]


def reflection_title(prompt: str | None, width: int, *, another: bool = True) -> Content:
    """The reflection line's title, ``width`` cells at most: the prompt offered, with the key for
    ``another`` when there is another to offer."""
    if prompt is None:
        return Content("Reflection")
    # The border's corners and the spaces Textual puts around a title.
    room = width - 6 - len(NEXT_PROMPT_HINT) - 2
    if room < 12 or not another:  # too narrow for both: the question matters more than the key
        return user_content(prompt, single_line=True, width=max(width - 6, 4))
    return Content.assemble(user_content(prompt, single_line=True, width=room), ("  " + NEXT_PROMPT_HINT, "$text-muted"))


def reflection_hints(latest: str | None, count: int, *, saved: bool = False) -> tuple[str, str]:
    """The reflection line's placeholder and subtitle: what was written today (``count``
    entries, the ``latest`` one's start), or the prompt when nothing was. ``saved``: the latest
    was saved just now, from this line."""
    if latest is None:
        return REFLECTION_PROMPT, ""
    written = f"{count} written today · r opens the log"
    quoted = one_line(latest, 40)
    if saved:
        return f"Saved: “{quoted}” — another line? Enter saves", f"✓ saved · {written}"
    return f"Today: “{quoted}” — add a line, Enter saves", written


# -- Needs a decision ------------------------------------------------------------------------

# What each prompt offers: (key, label) pairs, as the line shows them.
KEYS = {
    PAST_DEADLINE: (("x", "extend"), ("d", "done"), ("b", "abandon"), ("z", "later")),
    TARGET_REACHED: (("d", "mark achieved"), ("z", "later")),
    NO_CHECKIN: (("s", "pause"), ("b", "abandon"), ("z", "later")),
}
SITUATION_STYLES = {PAST_DEADLINE: "$text-error", TARGET_REACHED: "$text-success", NO_CHECKIN: "$text-warning",
                    REVIEW_DUE: "$text-accent", ASSESSMENT_DUE: "$text-accent"}  # fmt: skip
TITLE_ROOM = 20  # a title cut shorter than this makes the situation say it in fewer words


def key_hints(pairs: tuple[tuple[str, str], ...]) -> Content:
    """``x extend  z later``, the keys picked out."""
    return Content("  ").join(Content.assemble((key, "bold $text-accent"), (f" {label}", "$text-muted")) for key, label in pairs)


def decision_line(decision: Decision, width: int, *, session_open: bool = False) -> Content:
    """One line of at most ``width`` cells: the goal, what calls for a decision, and its keys. The
    goal's title takes the room the rest leaves, the rest saying less when that room is small."""
    style = SITUATION_STYLES[decision.prompt]
    if decision.prompt == ASSESSMENT_DUE:
        start = "resumes it" if session_open else ("starts one" if decision.days is None else "starts it")
        keys = key_hints((("enter", start), ("z", "later")))
        return Content.assemble((situation(decision), style), " — ", keys).truncate(width, ellipsis=True)
    if decision.prompt == REVIEW_DUE:
        keys = key_hints((("enter", "starts it"), ("z", "later")))
        words = situation(decision)
        if len(words) + keys.cell_length + 3 > width:
            words = situation(decision, short=True)
        return Content.assemble((words, style), " — ", keys).truncate(width, ellipsis=True)
    assert decision.goal is not None
    keys = key_hints(KEYS[decision.prompt])
    title = user_content(decision.goal.title, style="bold", single_line=True)
    words = situation(decision)
    room = width - len(words) - keys.cell_length - 6  # the " · " and " — " between the parts
    if room < min(title.cell_length, TITLE_ROOM):
        words = situation(decision, short=True)
        room = width - len(words) - keys.cell_length - 6
    title = title.truncate(max(room, 8), ellipsis=True)
    return Content.assemble(title, " · ", (words, style), " — ", keys).truncate(width, ellipsis=True)
