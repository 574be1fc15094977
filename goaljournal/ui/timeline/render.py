"""The timeline's rows as text: pure functions of an item, a goal or the store, and today.

An item is a dict from ``Store.timeline_items``; every line fits the width it is given, its
state right-aligned, and every piece of user text is shown literally.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from typing import Any

from textual.content import Content

from goaljournal.core.cadence import CadenceSummary, rate_text
from goaljournal.core.models import CADENCES, Goal
from goaljournal.core.periods import (
    DAY_ABBRS,
    MONTH_ABBRS,
    ZOOMS,
    Period,
    long_date,
    month_year,
    short_date,
)
from goaljournal.core.progress import (
    format_number,
    goal_horizon,
    pace_status,
    progress_fraction,
)
from goaljournal.core.timeline_axis import TimelineFilter, goal_dates
from goaljournal.core.words import change_text, overdue_since, plural
from goaljournal.store import Store
from goaljournal.ui.shared.marks import MARKS
from goaljournal.ui.shared.text import progress_bar, user_content

ENTRY_WORDS = {"win": "win", "lesson": "lesson", "feedback": "feedback", "note": "note"}
INDENT = "   "

Piece = str | tuple[str, str] | Content


def assemble(*pieces: Piece) -> Content:
    """``Content.assemble``, with the spaces that open a piece moved to the end of the piece before
    it, in that piece's style. A terminal draws the line the same; an SVG renderer that drops the
    spaces a run of text starts with (rsvg-convert, which draws the screenshots) would otherwise
    draw two pieces together: "○Sun 29", "2026" against "7 goals active"."""
    out: list[Content] = []
    for piece in pieces:
        content = piece if isinstance(piece, Content) else Content.styled(*piece) if isinstance(piece, tuple) else Content(piece)
        lead = len(content.plain) - len(content.plain.lstrip(" "))
        if out and lead:
            before, end = out[-1], len(out[-1].plain)
            spaced = before + Content(" " * lead)
            for span in before.spans:
                if span.end >= end and span.start < end:
                    spaced = spaced.stylize(span.style, end, end + lead)
            out[-1], content = spaced, content[lead:]
        if content.plain:
            out.append(content)
    return Content.assemble(*out)


# Markdown that a one-line preview shows as plain text: a heading's or list item's or quote's
# marker, emphasis, inline code, links and images (their text stays), a fence.
_BLOCK_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d{1,9}[.)]\s+)")
_INLINE = (
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),  # [text](url), ![alt](src)
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **strong**, __strong__
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _emphasis_, not snake_case
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_\[\]#+\-.!>~|])"), r"\1"),  # a backslash escape shows its character
)


def plain_preview(markdown: str) -> str:
    """An entry's Markdown as one line of plain text for a preview: ``# Coffee with Dana`` and
    ``**clear numbers**`` read "Coffee with Dana: … clear numbers". A heading ends with a colon,
    the other lines are joined by spaces; fences and rules are left out."""
    parts: list[str] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or line.startswith(("```", "~~~")) or re.fullmatch(r"([-*_])(\s*\1){2,}", line):
            continue
        heading = re.match(r"#{1,6}\s", line) is not None
        line = _BLOCK_MARK.sub("", line, count=1)
        for pattern, replacement in _INLINE:
            line = pattern.sub(replacement, line)
        line = line.strip()
        if line:
            parts.append(line + (":" if heading and not line.endswith((":", ".", "?", "!")) else ""))
    return " ".join(parts)


# -- the axis's own lines -------------------------------------------------------------------------


def today_line(today: date, width: int) -> Content:
    """`` ━━ today · Wed 25 Nov 2026 ━━━━…`` across the line."""
    label = f" ━━ today · {long_date(today)} "
    return Content.styled(label + "━" * max(0, width - len(label) - 1), "bold $text-warning")


# The strip above the axis, from the whole of it to what a narrow screen has room for.
ZOOM_LINE_FORMS = ("named keys", "bare keys", "no keys", "one zoom")


def zoom_line(
    zoom: str, newest_first: bool, timeline_filter: TimelineFilter | None, *, form: str = "named keys", roadmap: bool = False
) -> Content:
    """The strip above the axis: the zoom levels, the keys that move through time, the order, and
    the filter (None: a goal's story, whose filter cannot change). A narrower ``form`` (see
    ZOOM_LINE_FORMS) leaves out the keys' names, then the keys (the help screen names them all),
    then the zoom levels not chosen: what is shown, and how, stays. Over the ``roadmap``, which has
    no order, the key back to the list takes the order's place."""
    key = "bold $text-accent"
    levels: list[Piece] = []
    for level in ZOOMS:
        if level == zoom:
            levels += [(f"[{level}]", key), " "]
        elif form != "one zoom":
            levels.append(f"{level} ")
    keys: list[Piece] = [
        (" -/+", key), " zoom  ", ("[/]", key), " period  ", (".", key), " today  ", (":", key), " jump  ",
    ]  # fmt: skip
    if form == "bare keys":
        keys = [(" -/+ [/] . :", key), "  "]
    elif form in ("no keys", "one zoom"):
        keys = [" "]
    chosen: list[Piece] = []
    if timeline_filter is not None:
        chosen = [("f", key), " filter: ", user_content(timeline_filter.describe(), style="bold", single_line=True)]
        if timeline_filter.active:
            chosen += [("  esc", key), " clears it"]
    order = "newest first" if newest_first else "oldest first"
    if roadmap:
        return assemble(*levels, *keys, ("m", key), " list  ", *chosen)
    return assemble(*levels, *keys, ("o", key), f" {order}  ", *chosen)


def header_line(period: Period, counts: dict[str, int] | None, width: int) -> Content:
    """A period's header: its name, a rule, and its numbers where they were read."""
    label = Content.styled(f" ── {period.label} ", "bold $text-accent")
    room = width - label.cell_length - 8  # a rule of a few dashes stays between them
    stats = Content.styled(f" {counts_text(counts, room)} ──", "$text-muted") if counts else Content("")
    rule = max(1, width - label.cell_length - stats.cell_length - 1)
    return assemble(label, ("─" * rule, "$text-accent"), stats)


def span_line(goal: Goal, value: float | None, periods: CadenceSummary | None, today: date, width: int) -> Content:
    """A goal's span: its title, its progress (``value``), or for a cadence goal the ``periods`` it
    met; its dates and status on the right. The title takes the room the line has; the dates
    shorten on a narrow line (to the deadline, then the status alone). Every span at one width has
    the same columns, so their progress lines up."""
    shown = replace(goal, current=value)
    fraction = progress_fraction(shown)
    start, end = goal_dates(goal, today)
    ends = month_year(end) if goal.deadline else "no deadline"
    if width >= 140:
        right, right_room = f"{month_year(start)} → {ends} · {goal.status}", 36
    elif width >= 64:
        right, right_room = f"→ {ends} · {goal.status}", 25
    else:
        right, right_room = goal.status, 9
    column = 17 if width >= 64 else 9  # a bar and its percentage, or on a narrow line the percentage
    if periods is not None:
        progress = Content.styled(f"{periods.met_text():<{column}}", "$text-accent")
    elif fraction is None:
        progress = Content.styled(f"{'no target':<{column}}", "$text-muted")
    elif width >= 64:
        progress = assemble((progress_bar(fraction), "$text-accent"), f" {round(fraction * 100):3d}%")
    else:
        progress = Content(f"{round(fraction * 100):3d}%".ljust(column))
    room = max(min(width - len(INDENT) - 2 - 2 - column - right_room - 1, 90), 10)
    title = user_content(goal.title, style="bold", single_line=True, width=room)
    left = assemble(INDENT, MARKS["span"], " ", title.pad_right(room - title.cell_length), "  ", progress)
    return fit(left, Content.styled(right, "$text-muted"), width)


def month_line(month: Period, counts: dict[str, int] | None, width: int) -> Content:
    """A month's summary in a year: its name and its numbers, as much of them as the line holds."""
    name = f"{MONTH_ABBRS[month.first.month - 1]} {month.first.year}"
    label = assemble(INDENT, ("▸", "$text-accent"), " ", (name, "bold"), "  ")
    if counts is None:
        return assemble(label, ("…", "$text-muted"))
    return assemble(label, counts_text(counts, width - label.cell_length - 1, goals_first=False))


def unread_line() -> Content:
    """An item whose page could not be read (the journal busy for a moment)."""
    return Content.styled(f"{INDENT}…", "$text-muted")


def story_summary(store: Store, goal: Goal, today: date) -> Content:
    """The lines above a goal's story: its title, status, dates, progress, and what it holds."""
    start, end = goal_dates(goal, today)
    fraction = progress_fraction(goal)
    counts = store.timeline_counts("0001-01-01", "9999-12-31", goal_id=goal.id)
    revisions = len(store.revisions(goal.id))
    facts = [goal.status, goal.category or "no category", f"{goal_horizon(goal) or 'no'} horizon",
             f"{short_date(start)} → {short_date(end) if goal.deadline else 'no deadline'}"]  # fmt: skip
    lines = [user_content(goal.title, style="bold", single_line=True), Content.styled(" · ".join(facts), "$text-muted")]
    if fraction is not None:
        current = goal.current if goal.current is not None else goal.baseline
        lines.append(
            assemble(
                (progress_bar(fraction, 20), "$text-accent"), f" {fraction:.0%}  ",
                user_content(amount_text(current or 0.0, goal.target, goal.unit), single_line=True),
                (f"  {pace_status(goal, today, store.week_start) or ''}", "bold"),
            )
        )
    lines.append(
        Content(
            f"{revisions} {'revision' if revisions == 1 else 'revisions'} · "
            f"milestones {counts['milestones_done']}/{counts['milestones_due']} done · "
            f"{counts['checkin_days']} check-in days · {counts['entries']} linked entries"
        )
    )
    return Content("\n").join(lines)


# -- numbers and items ------------------------------------------------------------------------------


def date_range_text(first: date, last: date) -> str:
    """``Wed 25 Nov 2026``, ``16–30 Nov 2026``, ``16 Oct – 30 Nov 2026``, ``3 Dec 2025 – 2 Jan 2026``."""
    if first == last:
        return long_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{short_date(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTH_ABBRS[first.month - 1]} – {short_date(last)}"
    return f"{short_date(first)} – {short_date(last)}"


def counts_text(counts: dict[str, int], width: int | None = None, *, goals_first: bool = True) -> str:
    """``3 goals active · milestones 2/4 done · 18 check-in days · 21 entries · 4 conversations
    · follow-ups 1/2 done``; where ``width`` has no room for all of it, the last parts are left out.
    Without ``goals_first`` what was done comes first (``21 entries · 18 check-in days ·
    milestones 2/4 done · …``, leaving out what is none) and the goals last: a month's summary in a year."""
    goals, days, entries = counts["goals_active"], counts["checkin_days"], counts["entries"]
    # Counts from an older store have no conversations: .get keeps the strip drawing.
    talks = counts.get("conversations", 0)
    active = f"{goals} {'goal' if goals == 1 else 'goals'} active"
    milestones = f"milestones {counts['milestones_done']}/{counts['milestones_due']} done" if counts["milestones_due"] else ""
    checkins = f"{days} check-in {'day' if days == 1 else 'days'}"
    written = f"{entries} {'entry' if entries == 1 else 'entries'}"
    talked = f"{talks} {'conversation' if talks == 1 else 'conversations'}" if talks else ""
    follow_ups = ""
    if counts.get("follow_ups_due"):
        follow_ups = f"follow-ups {counts['follow_ups_done']}/{counts['follow_ups_due']} done"
    if goals_first:
        parts = [active, milestones, checkins, written, talked, follow_ups]
    else:
        parts = [written if entries else "", checkins if days else "", milestones, talked, follow_ups, active]
    parts = [part for part in parts if part]
    kept = len(parts)
    while width is not None and kept > 1 and len(" · ".join(parts[:kept])) > width:
        kept -= 1
    return " · ".join(parts[:kept])


def fit(left: Content, right: Content, width: int) -> Content:
    """``left`` and ``right`` on one line of ``width`` cells: right-aligned, left cut to fit."""
    room = width - right.cell_length - 2
    if left.cell_length > room:
        left = left.truncate(max(room - 1, 1)) + Content("…")
    gap = max(width - left.cell_length - right.cell_length - 1, 1)
    return assemble(left, " " * gap, right)


def day_label(day: date, zoom: str) -> str:
    """``Wed 25`` in a week or month; ``25 Nov`` in a quarter or a year (the day alone is
    ambiguous there)."""
    if zoom in ("week", "month"):
        return f"{DAY_ABBRS[day.weekday()]} {day.day:>2}"
    return f"{day.day:>2} {MONTH_ABBRS[day.month - 1]}"


def days_word(days: int) -> str:
    return f"{days} {'day' if days == 1 else 'days'}"


def amount_text(value: float | None, target: float | None, unit: str | None) -> str:
    unit_text = f" {unit}" if unit else ""
    if value is None:
        return ""
    if target is None:
        return f"{format_number(value)}{unit_text}"
    return f"{format_number(value)} / {format_number(target)}{unit_text}"


def revision_text(changes: str | None) -> str:
    """``deadline 25 Mar 2027 → 24 May 2027; target 3 → 4`` from a revision's JSON."""
    try:
        parsed = json.loads(changes or "{}")
        pairs = [(name, old, new) for name, (old, new) in parsed.items()]
    except (ValueError, TypeError, AttributeError):
        return "changed"

    def shown(name: str, value: Any) -> str:
        if value is None:
            return "none"
        if name == "deadline":
            try:
                return short_date(date.fromisoformat(str(value)))
            except ValueError:
                return str(value)
        if isinstance(value, float):
            return format_number(value)
        return str(value)

    # A new title is the line's subject already; say only that it changed.
    return "; ".join(
        "title reworded" if name == "title" else change_text(name, old, new, lambda value, name=name: shown(name, value)) for name, old, new in pairs
    )


def item_parts(
    item: dict[str, Any], today: date, zoom: str, width: int = 200, *, one_goal: bool = False
) -> tuple[Content, Content]:
    """An item's line: the mark, day and text on the left, its state on the right. With
    ``one_goal`` (a goal's story) check-ins, milestones and revisions leave out the goal's title."""

    def shown(text: str, style: str = "") -> Content:
        # Cut to the line's width first: measuring a 300-character entry costs more than drawing it.
        return user_content(text, style=style, single_line=True, width=width)

    def written(text: str, style: str = "") -> Content:
        # What the user wrote in Markdown (entries, conversation notes), as the plain text it reads as.
        return shown(plain_preview(text[: width * 4]), style)

    kind = item["kind"]
    day = date.fromisoformat(item["day"])
    when = day_label(day, zoom)
    right: tuple[str, str] = ("", "$text-muted")
    if kind == "entry":
        entry_kind = item["entry_kind"] or "reflection"
        mark = MARKS.get(entry_kind, MARKS["reflection"])
        word = ENTRY_WORDS.get(entry_kind)
        text: list[Piece] = [f"{word} · " if word else "", written(item["text"])]
        if item["starred"]:
            right = ("starred", "$text-warning")
    elif kind == "checkin":
        mark = MARKS["checkin"]
        amount = amount_text(item["value"], item["target"], item["unit"])
        if item.get("entry_kind") in CADENCES:  # the goal's cadence: an amount added to its period
            amount = f"+{format_number(item['value'])}" + (f" {item['unit']}" if item["unit"] else "")
        # The goal's title gives way to the amount, which is what the line is about.
        title = [] if one_goal else [user_content(item["title"] or "", single_line=True, width=max(16, width - 50)), "  "]
        text = ["check-in · ", *title, (amount, "bold")]
        if item["note"]:
            text += [("  · ", "$text-muted"), shown(item["note"], "$text-muted")]
    elif kind == "milestone":
        due = date.fromisoformat(item["due"]) if item["due"] else None
        if item["done"]:
            mark = MARKS["milestone-done"]
            right = ("done" if due in (None, day) else f"done · was due {short_date(due)}", "$text-success")
        elif item["status"] in ("achieved", "abandoned"):
            mark, right = MARKS["milestone-due"], (f"not done · goal {item['status']}", "$text-muted")
        elif day < today:
            mark, right = MARKS["milestone-overdue"], (overdue_since(day, today), "bold $text-error")
        else:
            mark = MARKS["milestone-due"]
            right = ("due today" if day == today else f"due in {days_word((day - today).days)}", "$text-secondary")
        text = ["milestone · ", shown(item["text"] or "")]
        if not one_goal:
            text += [(" · ", "$text-muted"), shown(item["title"] or "", "$text-muted")]
    elif kind == "deadline":
        mark = MARKS["deadline"]
        status = item["status"]
        # A cadence goal's last check-in is an amount, not where it got to: its span counts periods met.
        reached = "" if item.get("entry_kind") in CADENCES else amount_text(item["value"], item["target"], item["unit"])
        text = ["deadline · ", shown(item["title"] or "")]
        if reached:
            text.append((f"  reached {reached}", "$text-muted"))
        if status in ("achieved", "abandoned"):
            right = (status, "$text-success" if status == "achieved" else "$text-muted")
        elif day < today:
            right = ("passed", "$text-error")
        elif day == today:
            right = ("today", "bold $text-warning")
        else:
            right = (f"in {days_word((day - today).days)}", "$text-warning")
    elif kind == "goal-start":
        mark = MARKS["goal-start"]
        text = ["goal set · ", shown(item["text"] or item["title"] or "")]
        if item.get("entry_kind") in CADENCES:
            text.append((f"  {rate_text(item['target'], item['unit'], item['entry_kind'])}", "$text-muted"))
        elif item["target"] is not None:
            text.append((f"  from {amount_text(item['value'] or 0.0, item['target'], item['unit'])}", "$text-muted"))
        right = (f"now {item['status']}", "$text-muted")
    elif kind == "revision":
        mark = MARKS["revision"]
        text = ["revised · ", *([] if one_goal else [shown(item["title"] or ""), ": "]), shown(revision_text(item["text"]))]
        if item["note"]:
            text += [("  because ", "$text-muted"), shown(item["note"], "$text-muted")]
    elif kind == "assessment":
        mark = MARKS["assessment"]
        text = ["self-assessment · "]
        if item["note"]:
            text.append(shown(f"this goal answers its {item['note']}"))
        else:
            text.append(shown(item["text"] or "no summary yet"))
        state = "done" if item["done"] else "in progress"
        right = (f"{plural(item['value'] or 0, 'item')} · {plural(item['target'] or 0, 'skill')} · {state}", "$text-muted")
    elif kind == "review":
        mark = MARKS["review"]
        name = {"week": "weekly review", "month": "monthly review", "quarter": "quarterly review"}.get(item["title"] or "", "review")
        text = [f"{name} · ", shown(item["text"] or f"{item['note']} to {item['due']}")]
        right = (f"{item['value'] or 0} decided · {item['target'] or 0} in focus", "$text-muted")
    elif kind == "conversation":
        mark = MARKS["conversation"]
        # "coffee with Priya Shah: notes…", or what was learned when there are no notes.
        text = ["conversation · ", f"{item['entry_kind']} with ", shown(item["title"] or "", "bold")]
        said = item["text"] or item["note"]
        if said:
            text += [": ", written(said)]
        if item["status"] and item["status"] != "contact":
            right = (item["status"], "$text-muted")
    elif kind == "follow-up":
        text = ["follow-up: ", shown(item["text"] or ""), ("  (", "$text-muted"), shown(item["title"] or "", "$text-muted"),
                (")", "$text-muted")]  # fmt: skip
        if item["done"]:
            mark = MARKS["follow-up-done"]
            done_on = item["note"] or ""
            right = ("done" if done_on == item["day"] else f"done {short_date(date.fromisoformat(done_on))}", "$text-success")
        elif day < today:
            mark, right = MARKS["follow-up-overdue"], (overdue_since(day, today), "bold $text-error")
        else:
            mark = MARKS["follow-up"]
            right = ("due today" if day == today else f"due in {days_word((day - today).days)}", "$text-secondary")
    else:  # a kind from a newer version of the store: show it plainly rather than fail
        mark = ("?", "")
        text = [user_content(str(item.get("text") or item.get("title") or kind), single_line=True)]
    left = assemble(INDENT, mark, f" {when}  ", *text)
    return left, Content.styled(right[0], right[1])


def item_line(item: dict[str, Any], today: date, zoom: str, width: int, *, one_goal: bool = False) -> Content:
    """An item's whole line, ``width`` cells: see ``item_parts``."""
    left, right = item_parts(item, today, zoom, width, one_goal=one_goal)
    return fit(left, right, width)
