"""What each stored column may hold, declared once per table.

The declaration serves two readers: the JSON import checks every value of a file against it
before anything is written (``Field.check``), and ``doctor`` asks SQLite for the stored rows that
break it (``Field.sql``), e.g. in a journal edited by another tool. Links between rows are not
declared here: the import checks them by uuid, and SQLite's ``foreign_key_check`` in the journal.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from goaljournal.core.assessment import STEP_COUNT
from goaljournal.core.dates import FIRST_DAY, LAST_DAY, BadDate, format_moment, strict_day, strict_moment
from goaljournal.core.models import (
    CADENCES,
    CATEGORIES,
    ENTRY_KINDS,
    FEEDBACK_SOURCES,
    GOAL_STATUSES,
    HORIZONS,
    INTERACTION_KINDS,
    ITEM_KINDS,
    PROGRESS_SOURCES,
    RELATIONSHIPS,
)
from goaljournal.core.progress import NUMBER_LIMIT  # one limit for the store, the import and doctor
from goaljournal.core.review import FOCUS_LIMIT, GOAL_DECISIONS, REVIEW_KINDS
from goaljournal.core.review import STEP_COUNT as REVIEW_STEP_COUNT

# Positions order a goal's milestones or a session's items; SQLite's 32-bit-safe range is plenty.
POSITION_LIMIT = 2**31 - 1
# Rows of one table that doctor names before it counts the rest.
SHOWN_PER_TABLE = 10

_UUID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_DIGITS_DAY = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
_DIGITS_TIME = "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
_IN_RANGE = f"BETWEEN '{FIRST_DAY.isoformat()}' AND '{LAST_DAY.isoformat()}~'"


class BadValue(ValueError):
    """A value a column cannot hold; the message says what it is and what is expected."""


def shown(value: Any) -> str:
    """A value quoted for a one-line message: short, with control characters escaped."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True, slots=True)
class Field:
    """One column: ``required`` (NOT NULL with no default), ``nullable``; subclasses say what a
    value is (``check`` returns it as stored) and how SQL recognises one (``valid_sql``)."""

    required: bool = False
    nullable: bool = True

    def check(self, value: Any) -> Any:
        if value is None:
            if not self.nullable:
                raise BadValue("must not be null")
            return None
        return self.convert(value)

    def convert(self, value: Any) -> Any:
        raise NotImplementedError

    def valid_sql(self, column: str) -> str:
        raise NotImplementedError

    def sql(self, column: str) -> str:
        """A condition true (never NULL) for a stored value this column may hold."""
        null = f"{column} IS NULL OR " if self.nullable else ""
        return f"coalesce({null}({self.valid_sql(column)}), 0)"


@dataclass(frozen=True, slots=True)
class Text(Field):
    blank: bool = True  # may the text be empty or only spaces?

    def convert(self, value: Any) -> str:
        if not isinstance(value, str):
            raise BadValue(f"{shown(value)} is not text")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise BadValue("holds characters that are not valid Unicode (a lone surrogate)") from None
        if not self.blank and not value.strip():
            raise BadValue("is empty")
        return value

    def valid_sql(self, column: str) -> str:
        return f"typeof({column}) = 'text'" + ("" if self.blank else f" AND trim({column}) <> ''")


@dataclass(frozen=True, slots=True)
class Uuid(Field):
    def convert(self, value: Any) -> str:
        if not isinstance(value, str) or not _UUID.fullmatch(value):
            raise BadValue(f"{shown(value)} is not a uuid (1 to 64 letters, digits, '-' or '_')")
        return value

    def valid_sql(self, column: str) -> str:
        return f"typeof({column}) = 'text' AND length({column}) BETWEEN 1 AND 64 AND {column} NOT GLOB '*[^0-9A-Za-z_-]*'"


@dataclass(frozen=True, slots=True)
class Day(Field):
    def convert(self, value: Any) -> str:
        return _day(value)

    def valid_sql(self, column: str) -> str:
        # Through julianday(), 2026-02-30 rolls over to March and month 13 gives NULL: equal means real.
        return f"typeof({column}) = 'text' AND {column} GLOB '{_DIGITS_DAY}' AND date(julianday({column})) = {column} AND {column} {_IN_RANGE}"


@dataclass(frozen=True, slots=True)
class Moment(Field):
    """A local date and time, stored ``YYYY-MM-DD HH:MM:SS`` (the import also reads ``T`` and no seconds)."""

    def convert(self, value: Any) -> str:
        return _moment(value)

    def valid_sql(self, column: str) -> str:
        return (
            f"typeof({column}) = 'text' AND {column} GLOB '{_DIGITS_DAY} {_DIGITS_TIME}' "
            f"AND datetime(julianday({column})) = {column} AND {column} {_IN_RANGE}"
        )


@dataclass(frozen=True, slots=True)
class DayOrMoment(Field):
    """A day or a moment: an assessment's completion, which older journals kept as a day."""

    def convert(self, value: Any) -> str:
        if isinstance(value, str) and len(value) == 10:
            return Day.convert(self, value)  # type: ignore[arg-type]
        return Moment.convert(self, value)  # type: ignore[arg-type]

    def valid_sql(self, column: str) -> str:
        return f"({Day.valid_sql(self, column)}) OR ({Moment.valid_sql(self, column)})"  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Stamp(Field):
    """A record's created, updated or deleted stamp: UTC, ``YYYY-MM-DDTHH:MM:SSZ``."""

    def convert(self, value: Any) -> str:
        return _stamp(value)

    def valid_sql(self, column: str) -> str:
        return (
            f"typeof({column}) = 'text' AND {column} GLOB '{_DIGITS_DAY}T{_DIGITS_TIME}Z' "
            f"AND strftime('%Y-%m-%dT%H:%M:%SZ', julianday({column})) = {column} AND {column} {_IN_RANGE}"
        )


# The stamp the journal format 7 step (schema.py) gave the built-in prompts and templates: written
# without the Z, and the same in every journal, so that the built-ins match from one to another.
BUILTIN_STAMP = "2026-01-01T00:00:00"


@dataclass(frozen=True, slots=True)
class RowStamp(Stamp):
    """A created or updated stamp of a row that may be a built-in one (``BUILTIN_STAMP``)."""

    def convert(self, value: Any) -> str:
        return value if value == BUILTIN_STAMP else _stamp(value)

    def valid_sql(self, column: str) -> str:
        return f"{column} = '{BUILTIN_STAMP}' OR ({Stamp.valid_sql(self, column)})"


@dataclass(frozen=True, slots=True)
class Number(Field):
    def convert(self, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise BadValue(f"{shown(value)} is not a number")
        if isinstance(value, float) and not math.isfinite(value):
            raise BadValue(f"{shown(value)} is not a finite number")
        if not -NUMBER_LIMIT <= value <= NUMBER_LIMIT:
            raise BadValue(f"{shown(value)} is beyond ±{NUMBER_LIMIT:.0e}")
        return float(value)

    def valid_sql(self, column: str) -> str:
        # SQLite keeps NaN as NULL and infinity as a REAL that no BETWEEN bound holds.
        return f"typeof({column}) IN ('real', 'integer') AND {column} BETWEEN {-NUMBER_LIMIT:.0f} AND {NUMBER_LIMIT:.0f}"


@dataclass(frozen=True, slots=True)
class Whole(Field):
    low: int = 0
    high: int = POSITION_LIMIT

    def convert(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValue(f"{shown(value)} is not a whole number")
        if not self.low <= value <= self.high:
            raise BadValue(f"{shown(value)} is not from {self.low} to {self.high}")
        return value

    def valid_sql(self, column: str) -> str:
        return f"typeof({column}) = 'integer' AND {column} BETWEEN {self.low} AND {self.high}"


@dataclass(frozen=True, slots=True)
class Flag(Field):
    """0 or 1 (the import also reads true and false)."""

    def convert(self, value: Any) -> int:
        if value in (0, 1) and not isinstance(value, float):
            return int(value)
        raise BadValue(f"{shown(value)} is not 0 or 1")

    def valid_sql(self, column: str) -> str:
        return f"typeof({column}) = 'integer' AND {column} IN (0, 1)"


@dataclass(frozen=True, slots=True)
class Choice(Field):
    choices: tuple[str, ...] = ()

    def convert(self, value: Any) -> str:
        if not isinstance(value, str) or value not in self.choices:
            raise BadValue(f"{shown(value)} is not one of {', '.join(self.choices)}")
        return value

    def valid_sql(self, column: str) -> str:
        return f"typeof({column}) = 'text' AND {column} IN ({', '.join(_sql_text(c) for c in self.choices)})"


@dataclass(frozen=True, slots=True)
class Changes(Field):
    """A revision's changes: JSON, ``{"field": [old, new], ...}`` with plain values."""

    def convert(self, value: Any) -> str:
        if not isinstance(value, str):
            raise BadValue(f"{shown(value)} is not text")
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            raise BadValue(f"{shown(value)} is not JSON") from None
        if not isinstance(parsed, dict) or not all(
            isinstance(pair, list) and len(pair) == 2 and not any(isinstance(v, (dict, list)) for v in pair)
            for pair in parsed.values()
        ):
            raise BadValue(f"{shown(value)} is not an object of [old, new] pairs")
        return Text.convert(Text(), value)

    def valid_sql(self, column: str) -> str:
        # CASE, not AND: SQLite may evaluate json_type() of text that is not JSON, which raises.
        return (
            f"CASE WHEN typeof({column}) = 'text' AND json_valid({column}) THEN json_type({column}) = 'object' "
            f"AND NOT EXISTS (SELECT 1 FROM json_each({column}) WHERE type <> 'array' OR json_array_length(value) <> 2) ELSE 0 END"
        )


# The same day or stamp comes back row after row (a bulk import stamps every row alike), so the
# checked texts are remembered; only text is ever accepted, so 1 == True == 1.0 cannot mislead.
@functools.lru_cache(maxsize=4096)
def _day(value: Any) -> str:
    try:
        return strict_day(value).isoformat()
    except BadDate as err:
        raise BadValue(str(err)) from None


@functools.lru_cache(maxsize=4096)
def _moment(value: Any) -> str:
    try:
        return format_moment(strict_moment(value))
    except BadDate as err:
        raise BadValue(str(err)) from None


@functools.lru_cache(maxsize=4096)
def _stamp(value: Any) -> str:
    if not isinstance(value, str) or not _STAMP.fullmatch(value):
        raise BadValue(f"{shown(value)} is not a UTC stamp (YYYY-MM-DDTHH:MM:SSZ)")
    try:
        strict_moment(value[:-1])
    except BadDate as err:
        raise BadValue(str(err)) from None
    return value


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _choice(choices: Iterable[str], **kwargs: Any) -> Choice:
    return Choice(choices=tuple(choices), **kwargs)


UUID = Uuid(required=True, nullable=False)
NAME = Text(required=True, nullable=False, blank=False)
TEXT = Text()
DAY = Day(required=True, nullable=False)
MAYBE_DAY = Day()
STAMP = Stamp(required=True, nullable=False)
MAYBE_STAMP = Stamp()
ROW_STAMP = RowStamp(required=True, nullable=False)
SCALE = Whole(low=1, high=5)
POSITION = Whole(nullable=False)

# Every column of every table the JSON export holds, but ``id`` and the links (``*_id``).
SCHEMA: dict[str, dict[str, Field]] = {
    "skills": {"uuid": UUID, "name": NAME, "category": TEXT, "retired_at": MAYBE_STAMP, "created_at": STAMP},
    "assessments": {
        "uuid": UUID, "at": DAY, "summary": TEXT, "step": Whole(nullable=False, high=STEP_COUNT),
        "completed_at": DayOrMoment(), "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
    },
    "assessment_items": {
        "uuid": UUID, "kind": _choice(ITEM_KINDS, required=True, nullable=False), "text": NAME,
        "evidence": TEXT, "cost": TEXT, "learned": TEXT, "source": _choice(FEEDBACK_SOURCES), "action": TEXT,
        "position": POSITION, "created_at": STAMP,
    },
    "ratings": {"uuid": UUID, "rating": Whole(required=True, nullable=False, low=1, high=5), "note": TEXT},
    "goals": {
        "uuid": UUID, "title": NAME, "category": _choice(CATEGORIES), "horizon": _choice(HORIZONS),
        "metric": TEXT, "unit": TEXT, "baseline": Number(), "target": Number(), "start_date": MAYBE_DAY,
        "deadline": MAYBE_DAY, "why": TEXT, "confidence": SCALE, "status": _choice(GOAL_STATUSES, nullable=False),
        "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
        "progress_from": _choice(PROGRESS_SOURCES), "progress_tag": TEXT, "cadence": _choice(CADENCES),
    },
    "milestones": {
        "uuid": UUID, "title": NAME, "due_date": MAYBE_DAY, "done_at": MAYBE_DAY, "position": POSITION,
        "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
    },
    "revisions": {"uuid": UUID, "at": Moment(required=True, nullable=False), "changes": Changes(required=True, nullable=False), "reason": TEXT},
    "checkins": {
        "uuid": UUID, "at": DAY, "value": Number(required=True, nullable=False), "note": TEXT, "confidence": SCALE,
        "created_at": STAMP, "deleted_at": MAYBE_STAMP, "source": _choice(("interactions",)), "updated_at": MAYBE_STAMP,
    },
    "tags": {"uuid": UUID, "name": NAME},
    "entries": {
        "uuid": UUID, "at": Moment(required=True, nullable=False), "text": NAME,
        "kind": _choice(ENTRY_KINDS, nullable=False), "starred": Flag(nullable=False), "private": Flag(nullable=False),
        "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
    },
    "daily_checkins": {"uuid": UUID, "day": DAY, "mood": SCALE, "energy": SCALE, "created_at": STAMP, "updated_at": STAMP},
    "people": {
        "uuid": UUID, "name": NAME, "role": TEXT, "organisation": TEXT, "how_met": TEXT,
        "relationship": _choice(RELATIONSHIPS, nullable=False), "notes": TEXT, "private": Flag(nullable=False),
        "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
    },
    "interactions": {
        "uuid": UUID, "at": DAY, "kind": _choice(INTERACTION_KINDS, required=True, nullable=False),
        "notes": TEXT, "learned": TEXT, "outcome": TEXT, "follow_up": TEXT, "follow_up_due": MAYBE_DAY,
        "follow_up_done": MAYBE_DAY, "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
    },
    "reviews": {
        "uuid": UUID, "kind": _choice(REVIEW_KINDS, required=True, nullable=False), "period_start": DAY,
        "period_end": DAY, "step": Whole(nullable=False, low=1, high=REVIEW_STEP_COUNT), "summary": TEXT,
        "numbers": TEXT, "completed_at": Moment(), "created_at": STAMP, "updated_at": STAMP, "deleted_at": MAYBE_STAMP,
    },
    "review_goals": {
        "uuid": UUID, "decision": _choice(GOAL_DECISIONS), "value": Number(), "fraction": Number(), "note": TEXT,
    },
    "review_focus": {"uuid": UUID, "position": Whole(required=True, nullable=False, low=1, high=FOCUS_LIMIT)},
    "reflection_prompts": {"uuid": UUID, "text": NAME, "position": POSITION, "retired_at": MAYBE_STAMP, "created_at": ROW_STAMP},
    "entry_templates": {
        "uuid": UUID, "name": NAME, "kind": _choice(ENTRY_KINDS, nullable=False), "text": NAME, "position": POSITION,
        "retired_at": MAYBE_STAMP, "created_at": ROW_STAMP, "updated_at": ROW_STAMP,
    },
}  # fmt: skip


_MISSING = object()


def check_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with each declared value checked and in its stored form; other keys are kept as
    they are. Raises BadValue with ``column: reason``."""
    checked = dict(row)
    for column, field in SCHEMA[table].items():
        value = row.get(column, _MISSING)
        try:
            if value is None:
                if not field.nullable:
                    raise BadValue("must not be null")
            elif value is _MISSING:
                if field.required:
                    raise BadValue("missing")
            else:
                checked[column] = field.convert(value)
        except BadValue as err:
            raise BadValue(f"{column}: {err}") from None
    return checked


def value_problems(conn: sqlite3.Connection) -> list[str]:
    """Stored values their column may not hold, one line per row (the first bad column named),
    at most SHOWN_PER_TABLE rows a table and then how many more: one scan of each table."""
    problems: list[str] = []
    for table, fields in SCHEMA.items():
        conditions = [(column, field.sql(column)) for column, field in fields.items()]
        cases = " ".join(f"WHEN NOT {sql} THEN '{column}'" for column, sql in conditions)
        everything = " AND ".join(sql for _, sql in conditions)
        rows = conn.execute(f"SELECT id, CASE {cases} END FROM {table} WHERE NOT ({everything}) ORDER BY id").fetchall()
        for row_id, column in rows[:SHOWN_PER_TABLE]:
            (value,) = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()
            try:
                fields[column].check(value)
                reason = f"{shown(value)} is out of range"
            except BadValue as err:
                reason = str(err)
            problems.append(f"bad value: {table} row {row_id}, {column}: {reason}")
        if len(rows) > SHOWN_PER_TABLE:
            problems.append(f"bad value: {len(rows) - SHOWN_PER_TABLE} more rows of {table} hold values like these")
    return problems
