"""Entries as text: a row of the log, the log's count, the heading a reader shows above an entry.
Pure functions of the store and the entries: tested without the app."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from goaljournal.core.models import Entry
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.widgets.entry_reader import (
    KIND_MARKS,
    Span,
    entry_header,
    highlighted_line,
)

# Columns before an entry's text in a row: " 2026-11-24 ★ ✎ ".
ROW_LEAD = 16


def entry_row(entry: Entry, width: int, spans: Sequence[Span] = (), *, trashed: bool = False) -> Content:
    """One line of ``width`` cells: the day (the day it was deleted, in the trash), the star, the
    kind, the start of the text (around the first search match, if ``spans``), and the tags in a
    column on the right."""
    tags = user_content(" ".join(f"@{tag}" for tag in entry.tags), style="$text-accent", single_line=True, width=28)
    room = max(width - ROW_LEAD - tags.cell_length - 2, 10)
    if spans:
        text = highlighted_line(entry.text, spans, room)
    else:  # only the start can show: a megabyte entry is not flattened whole for every frame
        text = user_content(entry.text[: room * 4], single_line=True, width=room)
    text = text.truncate(room, ellipsis=True, pad=True)
    day = (entry.deleted_at or "")[:10] if trashed else entry.at[:10]
    return Content.assemble(
        (f" {day} ", "$text-error" if trashed else "$text-muted"),
        ("★" if entry.starred else " ", "$text-warning"),
        f" {KIND_MARKS.get(entry.kind, '·')} ",
        text,
        "  ",
        tags,
    )


def log_status(total: int, *, trash: bool, filtered: bool) -> str:
    """The title bar's count: entries, matches of a search, or what the trash holds and its keys."""
    if trash:
        return f"trash · {total} {'entry' if total == 1 else 'entries'} · u restores · P purges · T leaves"
    if filtered:
        return f"{total:,} {'match' if total == 1 else 'matches'}"
    return f"{total:,} {'entry' if total == 1 else 'entries'}"


def entry_heading(store: Store, entry_id: int) -> tuple[Content, str]:
    """The reader's heading (the reflection log's: date, kind, starred, tags, linked goals) and
    the entry's text, its Markdown as written."""
    entry = store.get_entry(entry_id)
    titles = []
    for goal_id in entry.goal_ids:
        try:
            titles.append(store.get_goal(goal_id).title)
        except JournalError:
            continue
    return entry_header(entry, titles), entry.text
