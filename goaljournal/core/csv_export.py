"""Goals, check-ins and entries as CSV tables (one file each), for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from goaljournal.core.models import CheckIn, Entry, Goal
from goaljournal.core.progress import progress_fraction

TABLES = ("goals", "checkins", "entries")
GOAL_COLUMNS = (
    "id", "uuid", "title", "status", "category", "horizon", "metric", "unit", "baseline", "target",
    "current", "progress", "start_date", "deadline", "why", "confidence", "parent_id",
)  # fmt: skip
CHECKIN_COLUMNS = ("id", "uuid", "goal_id", "goal", "at", "value", "note", "confidence")
ENTRY_COLUMNS = ("id", "uuid", "at", "kind", "starred", "private", "tags", "goal_ids", "text")


def _cell(value: Any) -> Any:
    # A cell starting with = + - @ is run as a formula by spreadsheets: user text is data.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _rows(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(row.get(column)) for column in columns])
        yield buffer.getvalue()


def goals_csv(goals: Iterable[Goal]) -> Iterator[str]:
    def row(goal: Goal) -> dict[str, Any]:
        values = {column: getattr(goal, column, None) for column in GOAL_COLUMNS}
        share = progress_fraction(goal)
        values["progress"] = None if share is None else round(share, 4)
        return values

    return _rows(GOAL_COLUMNS, (row(goal) for goal in goals))


def checkins_csv(checkins: Iterable[CheckIn], goal_titles: dict[int, str]) -> Iterator[str]:
    return _rows(CHECKIN_COLUMNS, (
        {"id": c.id, "uuid": c.uuid, "goal_id": c.goal_id, "goal": goal_titles.get(c.goal_id), "at": c.at,
         "value": c.value, "note": c.note, "confidence": c.confidence}
        for c in checkins
    ))  # fmt: skip


def entries_csv(entries: Iterable[Entry]) -> Iterator[str]:
    return _rows(ENTRY_COLUMNS, (
        {"id": e.id, "uuid": e.uuid, "at": e.at, "kind": e.kind, "starred": int(e.starred),
         "private": int(e.private), "tags": " ".join(e.tags), "goal_ids": " ".join(map(str, e.goal_ids)),
         "text": e.text}
        for e in entries
    ))  # fmt: skip
