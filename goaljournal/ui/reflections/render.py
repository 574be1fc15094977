"""Entries as text: the heading a reader shows above an entry. Pure functions of the store."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from goaljournal.core.periods import long_date
from goaljournal.core.text import printable
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.text import user_content


def entry_heading(store: Store, entry_id: int) -> tuple[Content, str]:
    """The reader's heading (date, kind, tags, linked goals) and the entry's Markdown."""
    entry = store.get_entry(entry_id)
    moment = date.fromisoformat(entry.at[:10])
    parts: list[str | tuple[str, str] | Content] = [
        (f"{long_date(moment)} {entry.at[11:16]}", "bold"), f" · {entry.kind}",
    ]  # fmt: skip
    if entry.starred:
        parts.append((" · starred", "$warning"))
    lines = [Content.assemble(*parts)]
    if entry.tags:
        lines.append(user_content(" ".join(f"@{tag}" for tag in entry.tags), style="$accent", single_line=True))
    for goal_id in entry.goal_ids:
        try:
            lines.append(user_content(f"goal: {store.get_goal(goal_id).title}", style="$text-muted", single_line=True))
        except JournalError:
            continue
    return Content("\n").join(lines), printable(entry.text)
