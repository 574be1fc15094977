"""The journal store: SQLite schema, migrations and queries. The only package that speaks SQL."""

from goaljournal.store.errors import (
    CorruptJournal,
    InvalidInput,
    JournalBusy,
    JournalError,
    JournalUnavailable,
    NewerJournal,
    NotFound,
    ReadOnlyJournal,
)
from goaljournal.store.journal import Store

__all__ = [
    "CorruptJournal",
    "InvalidInput",
    "JournalBusy",
    "JournalError",
    "JournalUnavailable",
    "NewerJournal",
    "NotFound",
    "ReadOnlyJournal",
    "Store",
]
