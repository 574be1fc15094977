"""Entries as text: a row of the log, the log's count, the heading a reader shows above an entry.
Pure functions of the store and the entries: tested without the app."""

from __future__ import annotations

import re
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

# Markdown that says how text looks, not what it says: a preview line leaves it out.
_MARKDOWN_LINE_START = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+\[[ xX/]\]\s+|[-*+]\s+|\d{1,9}[.)]\s+|```\w*|~~~\w*)+", re.MULTILINE)
_MARKDOWN_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.MULTILINE)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|~~|`+)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")


def _markup_mask(text: str) -> list[bool]:
    """For each character of ``text``: whether it is kept as words (False: it is Markdown markup)."""
    keep = [True] * len(text)

    def drop(start: int, end: int) -> None:
        keep[start:end] = [False] * (end - start)

    for pattern in (_MARKDOWN_RULE, _MARKDOWN_LINE_START):
        for match in pattern.finditer(text):
            drop(*match.span())
    for match in _MARKDOWN_LINK.finditer(text):  # [words](target): the words stay
        drop(match.start(), match.start(1))
        drop(match.end(1), match.end())
    for match in _MARKDOWN_EMPHASIS.finditer(text):  # **words**: the words stay
        inner = next(group for group in range(2, 5) if match.group(group) is not None)
        drop(match.start(), match.start(inner))
        drop(match.end(inner), match.end())
    return keep


def plain_text(text: str, spans: Sequence[Span] = ()) -> tuple[str, list[Span]]:
    """The start of an entry as a list shows it: its words, without the Markdown that shapes them
    (heading marks, emphasis, link targets, list and quote markers, fences, rules), and ``spans``
    of ``text`` (search matches) moved to where they are in those words."""
    keep = _markup_mask(text)
    before = [0] * (len(text) + 1)  # how many characters are kept before each position
    for index, kept in enumerate(keep):
        before[index + 1] = before[index] + kept
    moved = [(before[start], before[end]) for start, end in spans if before[end] > before[start]]
    return "".join(char for char, kept in zip(text, keep, strict=True) if kept), moved


def entry_row(entry: Entry, width: int, spans: Sequence[Span] = (), *, trashed: bool = False) -> Content:
    """One line of ``width`` cells: the day (the day it was deleted, in the trash), the star, the
    kind, the start of the text as plain text (around the first search match, if ``spans``), and
    the tags in a column on the right, cut with an ellipsis to the room there is."""
    tags = user_content(" ".join(f"@{tag}" for tag in entry.tags), style="$text-accent", single_line=True, width=max(width // 4, 6))  # a quarter of the row
    room = max(width - ROW_LEAD - tags.cell_length - 2, 10)
    # Only what can show is read: a megabyte entry is not flattened whole for every frame.
    if spans:
        shown = entry.text[: min(spans)[0] + room * 4]
        words, spans = plain_text(shown, [span for span in spans if span[0] < len(shown)])
        text = highlighted_line(words, spans, room)
    else:
        text = user_content(plain_text(entry.text[: room * 4])[0], single_line=True, width=room)
    text = text.truncate(room, ellipsis=True, pad=True)
    day = (entry.deleted_at or "")[:10] if trashed else entry.at[:10]
    row = Content.assemble(
        (f" {day} ", "$text-error" if trashed else "$text-muted"),
        ("★" if entry.starred else " ", "$text-warning"),
        f" {KIND_MARKS.get(entry.kind, '·')} ",
        text,
        "  ",
        tags,
    )
    return row.truncate(width, ellipsis=True) if row.cell_length > width else row


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
