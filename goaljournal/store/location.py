"""Where the journal lives: ``--db``, then ``GOALJOURNAL_DB``, then the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from goaljournal.store.connection import make_private_dir
from goaljournal.store.errors import InvalidInput

APP_NAME = "goaljournal"
FILE_NAME = "journal.db"


def user_data_dir() -> Path:
    """The per-user data folder for goaljournal.

    On Linux this is the XDG rule, spelled out here because importing platformdirs costs ~15 ms
    on every command; elsewhere platformdirs knows the platform's conventions. A test checks
    that both agree on Linux.
    """
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "share"
        return root / APP_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_journal_path() -> Path:
    return user_data_dir() / FILE_NAME


def resolve_journal_path(option: str | None) -> Path:
    """The journal file to use; the default folder is created (0700) when it is missing.

    An explicit path's folder is not created: a typo should not silently start a new journal
    somewhere unexpected. For the same reason an empty ``--db`` (``--db "$UNSET_VARIABLE"``) is
    refused rather than read as "the default journal"; an empty GOALJOURNAL_DB is unset, as an
    empty environment variable conventionally is.
    """
    if option is not None and not option.strip():
        raise InvalidInput("--db is empty: give the journal file's path, or leave --db out for the default journal")
    from_environment = os.environ.get("GOALJOURNAL_DB", "")
    chosen = option or (from_environment if from_environment.strip() else None)
    if chosen:
        return Path(chosen).expanduser()
    path = default_journal_path()
    make_private_dir(path.parent)
    return path
