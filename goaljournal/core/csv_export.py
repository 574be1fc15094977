"""Goals, check-ins, entries, people and conversations as CSV tables (one file each), for spreadsheets."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from goaljournal.core.models import CheckIn, Entry, Goal, Interaction, Person
from goaljournal.core.progress import progress_fraction

TABLES = ("goals", "checkins", "entries", "people", "interactions")
TABLE_WORDS = {"goals": "goals", "checkins": "check-ins", "entries": "entries", "people": "people",
               "interactions": "conversations"}  # fmt: skip


def files_description() -> str:
    """What a CSV export holds, for the palette: ``Goals, check-ins, …: 5 spreadsheet files``."""
    words = [TABLE_WORDS[table] for table in TABLES]
    listed = ", ".join(words[:-1]) + " and " + words[-1]
    return f"{listed[:1].upper()}{listed[1:]}: {len(TABLES)} spreadsheet files, one per table"
GOAL_COLUMNS = (
    "id", "uuid", "title", "status", "category", "horizon", "metric", "unit", "baseline", "target",
    "current", "progress", "start_date", "deadline", "why", "confidence", "parent_id",
)  # fmt: skip
CHECKIN_COLUMNS = ("id", "uuid", "goal_id", "goal", "at", "value", "note", "confidence")
ENTRY_COLUMNS = ("id", "uuid", "at", "kind", "starred", "private", "tags", "goal_ids", "text")
PERSON_COLUMNS = (
    "id", "uuid", "name", "relationship", "role", "organisation", "how_met", "tags", "notes", "private",
    "first_met", "last_met", "conversations", "open_follow_ups",
)  # fmt: skip
INTERACTION_COLUMNS = (
    "id", "uuid", "at", "person_id", "person", "kind", "notes", "learned", "outcome", "follow_up",
    "follow_up_due", "follow_up_done", "goal_ids",
)  # fmt: skip


def _is_formula(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` as a formula (OWASP's CSV injection rules).

    Spreadsheets skip leading blanks and controls, and some read a full-width ＝ ＋ － ＠ as the
    ASCII sign, so the first character that is neither is judged after NFKC normalisation.
    """
    if text[:1] in ("\t", "\r"):
        return True
    for char in text:
        if char.isspace() or unicodedata.category(char)[0] in "CZ":
            continue
        return unicodedata.normalize("NFKC", char)[:1] in ("=", "+", "-", "@")
    return False


def _cell(value: Any) -> Any:
    # User text is data: a cell that could start a formula gets a leading ' (numbers are numbers,
    # so a negative check-in value stays a number).
    if isinstance(value, str) and _is_formula(value):
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


def people_csv(people: Iterable[Person]) -> Iterator[str]:
    return _rows(PERSON_COLUMNS, (
        {"id": p.id, "uuid": p.uuid, "name": p.name, "relationship": p.relationship, "role": p.role,
         "organisation": p.organisation, "how_met": p.how_met, "tags": " ".join(p.tags), "notes": p.notes,
         "private": int(p.private), "first_met": p.first_met, "last_met": p.last_met,
         "conversations": p.interaction_count, "open_follow_ups": p.open_follow_ups}
        for p in people
    ))  # fmt: skip


def interactions_csv(interactions: Iterable[Interaction]) -> Iterator[str]:
    return _rows(INTERACTION_COLUMNS, (
        {"id": i.id, "uuid": i.uuid, "at": i.at, "person_id": i.person_id, "person": i.person_name, "kind": i.kind,
         "notes": i.notes, "learned": i.learned, "outcome": i.outcome, "follow_up": i.follow_up,
         "follow_up_due": i.follow_up_due, "follow_up_done": i.follow_up_done,
         "goal_ids": " ".join(map(str, i.goal_ids))}
        for i in interactions
    ))  # fmt: skip
