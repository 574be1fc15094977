"""The complete JSON export and its import: the journal's lossless backup format.

Rows are written with their UUIDs and with links as the linked row's UUID (never the local
integer id), so a file can be merged into any journal: importing matches on UUID and adds only
what is missing, which makes a second import of the same file a no-op.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any, TextIO

from goaljournal.core.import_limits import TooLarge, check_rows, deep_json_message, json_int, too_deep
from goaljournal.store import driver
from goaljournal.store.entries import index_entry
from goaljournal.store.errors import InvalidInput
from goaljournal.store.fields import BadValue, check_row, shown
from goaljournal.store.journal import Store

FORMAT_NAME = "goaljournal"
FORMAT_VERSION = 1

# Tables in an order where every link points to a table already imported, with each
# link column and the table it points to. Goals link to goals, so their parents come in a
# second pass.
TABLES: tuple[tuple[str, dict[str, str]], ...] = (
    ("skills", {}),
    ("assessments", {}),
    ("assessment_items", {"assessment_id": "assessments", "carried_from_id": "assessment_items"}),
    ("ratings", {"assessment_id": "assessments", "skill_id": "skills"}),
    ("goals", {"parent_id": "goals", "assessment_item_id": "assessment_items"}),
    ("milestones", {"goal_id": "goals"}),
    ("revisions", {"goal_id": "goals"}),
    ("checkins", {"goal_id": "goals"}),
    ("tags", {}),
    ("entries", {}),
    ("daily_checkins", {}),
    ("people", {}),
    ("interactions", {"person_id": "people", "assessment_item_id": "assessment_items"}),
    ("reviews", {}),
    ("review_goals", {"review_id": "reviews", "goal_id": "goals"}),
    ("review_focus", {"review_id": "reviews", "goal_id": "goals", "milestone_id": "milestones"}),
    ("reflection_prompts", {}),
    ("entry_templates", {}),
)
# Columns that are unique within a journal besides the uuid: a row of the file that matches one
# already present is the same row (a tag or skill of that name, the record of that day, a prompt
# that reads the same, a template of that name).
NATURAL_KEYS = {
    "tags": "name", "skills": "name", "daily_checkins": "day", "reflection_prompts": "text", "entry_templates": "name",
}  # fmt: skip
# Links a row cannot be without (NOT NULL in the schema).
REQUIRED_LINKS = frozenset({"assessment_id", "skill_id", "goal_id", "person_id", "review_id"})
# ... but for these: a review's focus is a goal or a milestone.
OPTIONAL_LINKS = frozenset({("review_focus", "goal_id")})
LINK_TABLES: tuple[tuple[str, tuple[str, str], tuple[str, str]], ...] = (
    ("entry_tags", ("entry_id", "entries"), ("tag_id", "tags")),
    ("entry_goals", ("entry_id", "entries"), ("goal_id", "goals")),
    ("person_tags", ("person_id", "people"), ("tag_id", "tags")),
    ("interaction_goals", ("interaction_id", "interactions"), ("goal_id", "goals")),
    ("review_entries", ("review_id", "reviews"), ("entry_id", "entries")),
)


def _uuid_key(column: str) -> str:
    return column[: -len("_id")] + "_uuid"


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _table_queries(conn: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """Each exported table with the query that reads it, links as the linked row's uuid."""
    for table, links in TABLES:
        columns = [c for c in _columns(conn, table) if c != "id" and c not in links]
        selects = [f"t.{c}" for c in columns]
        joins = []
        for index, (column, target) in enumerate(links.items()):
            selects.append(f"l{index}.uuid AS {_uuid_key(column)}")
            joins.append(f"LEFT JOIN {target} l{index} ON l{index}.id = t.{column}")
        yield table, f"SELECT {', '.join(selects)} FROM {table} t {' '.join(joins)} ORDER BY t.id"
    for table, (left, left_table), (right, right_table) in LINK_TABLES:
        yield table, (
            f"SELECT a.uuid AS {_uuid_key(left)}, b.uuid AS {_uuid_key(right)} FROM {table} t "
            f"JOIN {left_table} a ON a.id = t.{left} JOIN {right_table} b ON b.id = t.{right} "
            f"ORDER BY a.id, b.id"
        )


def _header(store: Store) -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "schema": store.schema_version()}


def export_data(store: Store) -> dict[str, Any]:
    """Every row of the journal, trash included, as plain JSON-able data."""
    data = _header(store)
    with store.snapshot() as conn:
        for table, sql in _table_queries(conn):
            data[table] = [dict(row) for row in conn.execute(sql)]
    return data


def json_chunks(store: Store) -> Iterator[str]:
    """The export as JSON text, piece by piece, one row to a line.

    Rows are encoded one at a time by json's C encoder (``indent`` would switch to the pure-Python
    one, 3× slower) and never held all at once, so a 100,000-entry journal exports in about a
    second at a steady memory; the text parses to exactly ``export_data``.
    """
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    with store.snapshot() as conn:
        yield "{" + ", ".join(f"{dumps(key)}: {dumps(value)}" for key, value in _header(store).items())
        for table, sql in _table_queries(conn):
            separator = "\n  "
            yield f",\n {dumps(table)}: ["
            for row in conn.execute(sql):
                yield separator + dumps(dict(row))
                separator = ",\n  "
            yield "]" if separator == "\n  " else "\n ]"
        yield "\n}\n"


def write_json(store: Store, out: TextIO) -> None:
    out.writelines(json_chunks(store))


def read_json(text: str) -> dict[str, Any]:
    """Parse an export and check its header and shape; raise InvalidInput with a plain message
    when it is not one. Its values are checked by ``check_export``, which ``import_data`` runs."""
    try:
        data = json.loads(text, parse_int=json_int)
    except json.JSONDecodeError as err:
        raise InvalidInput(f"not a goaljournal JSON export (invalid JSON at line {err.lineno})") from None
    except RecursionError:
        raise InvalidInput(f"not a goaljournal JSON export: {deep_json_message()}") from None
    except TooLarge as err:
        raise InvalidInput(f"import refused: {err}; nothing was imported") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise InvalidInput("not a goaljournal JSON export (no \"format\": \"goaljournal\")")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version > FORMAT_VERSION:
        raise InvalidInput(
            f"this export is format version {shown(version)}; this goaljournal reads up to "
            f"{FORMAT_VERSION}: upgrade goaljournal"
        )
    if version < 1:
        raise InvalidInput(f"not a goaljournal JSON export (format version {version})")
    tables = [name for name, _ in TABLES] + [name for name, _, _ in LINK_TABLES]
    # The tables are checked flat below; the rest (header, keys of other versions) here.
    if too_deep({key: value for key, value in data.items() if key not in tables}):
        raise InvalidInput(f"not a goaljournal JSON export: {deep_json_message()}")
    for table in tables:
        rows = data.get(table, [])
        if not isinstance(rows, list):
            raise InvalidInput(f"not a goaljournal JSON export: '{table}' must be a list of rows")
        try:
            check_rows(len(rows), f"'{table}'")
        except TooLarge as err:
            raise InvalidInput(f"import refused: {err}; nothing was imported") from None
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                raise InvalidInput(f"not a goaljournal JSON export: {table}[{index}] is not an object")
            for key, value in row.items():
                if isinstance(value, (dict, list)):
                    raise InvalidInput(f"not a goaljournal JSON export: {table}[{index}].{key} holds a list or an object")
    return data


def _refused(where: str, reason: object) -> InvalidInput:
    return InvalidInput(f"import refused: {where}: {reason}; nothing was imported")


def check_export(data: dict[str, Any]) -> dict[str, Any]:
    """The export's rows with every value checked against store/fields.py and in its stored form,
    every link pointing at a row of the file, and no goal its own ancestor; InvalidInput names
    the first bad row (``goals[3].deadline``) and nothing is written."""
    checked: dict[str, Any] = {key: value for key, value in data.items() if not isinstance(value, list)}
    uuids: dict[str, set[str]] = {}
    for table, links in TABLES:
        rows, seen = [], set()
        for index, row in enumerate(data.get(table, [])):
            where = f"{table}[{index}]"
            try:
                row = check_row(table, row)
            except BadValue as err:
                column, _, reason = str(err).partition(": ")  # check_row says "column: reason"
                raise _refused(f"{where}.{column}", reason) from None
            if row["uuid"] in seen:
                raise _refused(f"{where}.uuid", f"{row['uuid']!r} is the uuid of an earlier row of {table}")
            seen.add(row["uuid"])
            for column, target in links.items():
                key = _uuid_key(column)
                linked = row.get(key)
                if linked is None:
                    if column in REQUIRED_LINKS and (table, column) not in OPTIONAL_LINKS:
                        raise _refused(f"{where}.{key}", "missing: the row it belongs to must be named")
                    continue
                if target == table and column == "parent_id":  # may come later in the file: see _check_parents
                    continue
                if target == table and (linked not in seen or linked == row["uuid"]):
                    raise _refused(f"{where}.{key}", f"{shown(linked)} is no earlier row of {table} in the file")
                if linked not in uuids[target]:
                    raise _refused(f"{where}.{key}", f"{shown(linked)} is no row of {target} in the file")
            rows.append(row)
        uuids[table] = seen
        checked[table] = rows
    _check_parents(checked["goals"], uuids["goals"])
    for table, (left, left_table), (right, right_table) in LINK_TABLES:
        ends = ((_uuid_key(left), uuids[left_table], left_table), (_uuid_key(right), uuids[right_table], right_table))
        for index, row in enumerate(data.get(table, [])):
            for key, known, target in ends:
                if row.get(key) not in known:
                    raise _refused(f"{table}[{index}].{key}", f"{shown(row.get(key))} is no row of {target} in the file")
        checked[table] = data.get(table, [])
    return checked


def _check_parents(goals: list[dict[str, Any]], known: set[str]) -> None:
    """Every parent is a goal of the file, and following parents never comes back to a goal
    (each goal is walked once: a chain of a hundred thousand goals is no slower to check)."""
    parents = {row["uuid"]: row.get("parent_uuid") for row in goals}
    for index, row in enumerate(goals):
        parent = row.get("parent_uuid")
        if parent is not None and parent not in known:
            raise _refused(f"goals[{index}].parent_uuid", f"{shown(parent)} is no row of goals in the file")
    walking, clear = set(), set()  # on the walk under way; known to lead to no loop
    for index, row in enumerate(goals):
        path, goal = [], row["uuid"]
        while goal is not None and goal not in clear:
            if goal in walking:
                raise _refused(f"goals[{index}].parent_uuid", "the goal would be its own parent's parent (a loop)")
            walking.add(goal)
            path.append(goal)
            goal = parents.get(goal)
        walking.difference_update(path)
        clear.update(path)


def import_data(store: Store, data: dict[str, Any]) -> dict[str, int]:
    """Add every row of ``data`` that the journal lacks, in one transaction.

    Returns how many rows of each table were added. Tags and skills are matched by name as well
    as UUID, since their names are unique in a journal.
    """
    data = check_export(data)
    added: dict[str, int] = {}
    try:
        with store.transaction() as conn:
            ids: dict[str, dict[str, int]] = {}
            new_uuids: set[str] = set()
            for table, links in TABLES:
                ids[table] = _import_table(conn, table, links, data.get(table, []), ids, added, new_uuids)
            new_goals = [row for row in data.get("goals", []) if row["uuid"] in new_uuids]
            _link_parents(conn, new_goals, ids["goals"])
            for table, (left, left_table), (right, right_table) in LINK_TABLES:
                count = 0
                for row in data.get(table, []):
                    left_id = ids[left_table].get(row.get(_uuid_key(left)))
                    right_id = ids[right_table].get(row.get(_uuid_key(right)))
                    if left_id is None or right_id is None:
                        raise InvalidInput(f"{table} links a row that is not in the file")
                    count += conn.execute(
                        f"INSERT OR IGNORE INTO {table} ({left}, {right}) VALUES (?, ?)", (left_id, right_id)
                    ).rowcount
                added[table] = count
    except driver.IntegrityError as err:
        raise InvalidInput(f"import refused: the export holds a row this journal cannot accept ({err}); nothing was imported") from None
    return added


def _import_table(
    conn: sqlite3.Connection,
    table: str,
    links: dict[str, str],
    rows: list[dict[str, Any]],
    ids: dict[str, dict[str, int]],
    added: dict[str, int],
    new_uuids: set[str],
) -> dict[str, int]:
    """Insert the missing rows of one table; return uuid → local id for every row in the file."""
    columns = [c for c in _columns(conn, table) if c != "id"]
    local: dict[str, int] = {}
    count = 0
    for row in rows:
        existing = conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (row["uuid"],)).fetchone()
        if existing is None and table in NATURAL_KEYS:
            key = NATURAL_KEYS[table]
            existing = conn.execute(f"SELECT id FROM {table} WHERE {key} = ?", (row.get(key),)).fetchone()
        if existing is not None:
            local[row["uuid"]] = existing[0]
            if table in ("reflection_prompts", "entry_templates"):
                _merge_writing_aid(conn, table, existing[0], row)
            continue
        values: dict[str, Any] = {}
        for column in columns:
            if column in links:
                if column == "parent_id":  # set in a second pass, once every goal exists
                    continue
                linked = row.get(_uuid_key(column))
                known = local if links[column] == table else ids[links[column]]  # an earlier row of this table
                values[column] = None if linked is None else known.get(linked)
                if linked is not None and values[column] is None:
                    raise InvalidInput(f"a row of {table} links to {linked}, which is not in the file")
            elif column in row:
                values[column] = row[column]
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values()))
        local[row["uuid"]] = int(cursor.lastrowid or 0)
        new_uuids.add(row["uuid"])
        if table == "entries":
            index_entry(conn, local[row["uuid"]], row.get("text", ""))
        count += 1
    added[table] = count
    return local


def _merge_writing_aid(conn: sqlite3.Connection, table: str, row_id: int, row: dict[str, Any]) -> None:
    """A prompt or template the journal has already (every journal has the built-ins) takes what
    the file says was done to it: retired there is retired here, and a template edited there later
    than here takes the file's name, kind and text. Nothing else present is ever overwritten."""
    if row.get("retired_at") is not None:
        conn.execute(f"UPDATE {table} SET retired_at = ? WHERE id = ? AND retired_at IS NULL", (row["retired_at"], row_id))
    if table == "entry_templates":
        conn.execute(
            "UPDATE entry_templates SET name = ?, kind = coalesce(?, kind), text = ?, updated_at = ? WHERE id = ? AND updated_at < ?",
            (row["name"], row.get("kind"), row["text"], row["updated_at"], row_id, row["updated_at"]),
        )


def _link_parents(conn: sqlite3.Connection, goals: list[dict[str, Any]], goal_ids: dict[str, int]) -> None:
    for row in goals:
        parent = row.get("parent_uuid")
        if parent is None:
            continue
        if parent not in goal_ids:
            raise InvalidInput(f"goal {row['uuid']} has a parent that is not in the file")
        conn.execute(
            "UPDATE goals SET parent_id = ? WHERE id = ?",
            (goal_ids[parent], goal_ids[row["uuid"]]),
        )
