"""What helps a user write: the reflection prompts Today offers and the templates an entry can
start from. The method's own ones come with every journal (schema step 007); the user adds more,
edits templates, and retires any of them. Retiring is not deleting: a retired row stays, so a
built-in the user put away stays away, through an export and an import too."""

from __future__ import annotations

import sqlite3

from goaljournal.core.models import ENTRY_KINDS, EntryTemplate, ReflectionPrompt
from goaljournal.store.base import StoreBase
from goaljournal.store.errors import InvalidInput
from goaljournal.store.values import _check_choice, _check_text

# Characters at most: a prompt is one question on Today's reflection line, a name one line of
# the template picker; a template's text is the start of an entry, not the entry.
PROMPT_LIMIT = 200
TEMPLATE_NAME_LIMIT = 80
TEMPLATE_TEXT_LIMIT = 10_000


def _one_line(value: str | None, what: str, limit: int) -> str:
    """A prompt or a name as kept: required, its runs of spaces and line breaks made one space."""
    text = " ".join((_check_text(value, what, required=True) or "").split())
    if len(text) > limit:
        raise InvalidInput(f"{what} is {len(text):,} characters long; keep it to {limit:,}")
    return text


def _template_text(value: str | None) -> str:
    # Kept exactly as written: a template's "- " at the end of a line is where the user types.
    text = _check_text(value, "the template's text", required=True) or ""
    if len(text) > TEMPLATE_TEXT_LIMIT:
        raise InvalidInput(f"the template's text is {len(text):,} characters long; keep it to {TEMPLATE_TEXT_LIMIT:,}")
    return text


class WritingAidsMixin(StoreBase):
    """Reflection prompts and entry templates: list, add, edit, retire and restore."""

    # -- reflection prompts -------------------------------------------------------------------

    def reflection_prompts(self, *, retired: bool = False) -> list[ReflectionPrompt]:
        """The prompts Today offers, in their order; with ``retired``, the retired ones too, in
        their places."""
        where = "" if retired else "WHERE retired_at IS NULL"
        return ReflectionPrompt.from_rows(self._rows(f"SELECT * FROM reflection_prompts {where} ORDER BY position, id"))

    def add_reflection_prompt(self, text: str) -> int:
        """Add a prompt after the others; its id. A prompt that reads the same (case ignored) as
        one already there, retired or not, is refused."""
        text = _one_line(text, "the prompt", PROMPT_LIMIT)
        with self.transaction() as conn:
            self._refuse_same(conn, "reflection_prompts", "text", text, f"a prompt “{text}”")
            return self._insert(conn, "reflection_prompts", {
                "text": text, "position": self._next_position(conn, "reflection_prompts"), "created_at": self._stamp(),
            })  # fmt: skip

    def retire_reflection_prompt(self, prompt_id: int) -> None:
        """Stop offering a prompt; it stays in the journal, retired, and can be restored."""
        self._retire("reflection_prompts", prompt_id, "prompt", retired=True)

    def restore_reflection_prompt(self, prompt_id: int) -> None:
        """Offer a retired prompt again."""
        self._retire("reflection_prompts", prompt_id, "prompt", retired=False)

    # -- entry templates ----------------------------------------------------------------------

    def entry_templates(self, *, retired: bool = False) -> list[EntryTemplate]:
        """The templates the editor offers, in their order; with ``retired``, the retired ones
        too, in their places."""
        where = "" if retired else "WHERE retired_at IS NULL"
        return EntryTemplate.from_rows(self._rows(f"SELECT * FROM entry_templates {where} ORDER BY position, id"))

    def get_entry_template(self, template_id: int) -> EntryTemplate:
        return EntryTemplate.from_row(self._require("entry_templates", template_id, "template"))

    def add_entry_template(self, name: str, kind: str, text: str) -> int:
        """Add a template after the others; its id. ``kind`` is the kind of entry it makes; a
        name already taken (case ignored), by a retired template too, is refused."""
        name = _one_line(name, "the template's name", TEMPLATE_NAME_LIMIT)
        _check_choice(kind, ENTRY_KINDS, "entry kind")
        text = _template_text(text)
        stamp = self._stamp()
        with self.transaction() as conn:
            self._refuse_same(conn, "entry_templates", "name", name, f"a template called “{name}”")
            return self._insert(conn, "entry_templates", {
                "name": name, "kind": kind, "text": text, "position": self._next_position(conn, "entry_templates"),
                "created_at": stamp, "updated_at": stamp,
            })  # fmt: skip

    def update_entry_template(
        self, template_id: int, *, name: str | None = None, kind: str | None = None, text: str | None = None
    ) -> bool:
        """Change a template's name, kind or text (what is None stays); True if anything changed."""
        changes: dict[str, str] = {}
        if name is not None:
            changes["name"] = _one_line(name, "the template's name", TEMPLATE_NAME_LIMIT)
        if kind is not None:
            changes["kind"] = _check_choice(kind, ENTRY_KINDS, "entry kind") or kind
        if text is not None:
            changes["text"] = _template_text(text)
        with self.transaction() as conn:
            row = self._require("entry_templates", template_id, "template")
            changes = {column: value for column, value in changes.items() if row[column] != value}
            if not changes:
                return False
            if "name" in changes:
                self._refuse_same(conn, "entry_templates", "name", changes["name"], f"a template called “{changes['name']}”", template_id)
            assignments = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(
                f"UPDATE entry_templates SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), self._stamp(), template_id],
            )
        return True

    def retire_entry_template(self, template_id: int) -> None:
        """Stop offering a template; it stays in the journal, retired, and can be restored."""
        self._retire("entry_templates", template_id, "template", retired=True)

    def restore_entry_template(self, template_id: int) -> None:
        """Offer a retired template again."""
        self._retire("entry_templates", template_id, "template", retired=False)

    # -- shared -------------------------------------------------------------------------------

    def _retire(self, table: str, row_id: int, what: str, *, retired: bool) -> None:
        with self.transaction() as conn:
            self._require(table, row_id, what)
            # A row already retired keeps the day it was retired on.
            state = "retired_at IS NULL" if retired else "retired_at IS NOT NULL"
            conn.execute(
                f"UPDATE {table} SET retired_at = ? WHERE id = ? AND {state}", (self._stamp() if retired else None, row_id)
            )

    @staticmethod
    def _refuse_same(conn: sqlite3.Connection, table: str, column: str, value: str, what: str, row_id: int = 0) -> None:
        # The column is COLLATE NOCASE: "what did I learn today?" is the built-in prompt again.
        row = conn.execute(f"SELECT retired_at FROM {table} WHERE {column} = ? AND id <> ?", (value, row_id)).fetchone()
        if row is not None:
            retired = ", retired: restore it instead" if row[0] is not None else ""
            raise InvalidInput(f"there is already {what}{retired}; nothing was saved")

    @staticmethod
    def _next_position(conn: sqlite3.Connection, table: str) -> int:
        return int(conn.execute(f"SELECT coalesce(max(position), 0) + 1 FROM {table}").fetchone()[0])
