"""Entries as text: the heading a reader shows above an entry. Pure functions of the store."""

from __future__ import annotations

from textual.content import Content

from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.widgets.entry_reader import entry_header


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
