"""The names of a journal's backups in ``backups/`` beside it, and which of them is the newest.

Backups are named after the journal's file name without its suffix: ``work.db`` has
``work-20261125-093000.db`` (``goaljournal backup``; ``-2``, ``-3``… for more in the same second)
and ``work-auto-2026-11-25.db`` (the app's daily backup). Journals that share a folder share
``backups/``, and each takes only its own; the default ``journal.db``'s are ``journal-….db``, as
they always were. Standard library only: ``doctor`` reads these on a journal it cannot open.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime, time
from pathlib import Path
from typing import NamedTuple

from goaljournal.core.dates import format_day

FOLDER = "backups"
SAME_SECOND = 20  # how many backups one second's name takes (-2 … -20) before giving up


def backups_folder(journal: Path) -> Path:
    return Path(journal).parent / FOLDER


def name_stem(journal: Path) -> str:
    return Path(journal).stem


def same_second_names(base: str, suffix: str) -> list[str]:
    """``base`` + ``suffix``, then ``base-2`` … ``base-20`` with it: the names to try, in order,
    for a copy named after the second it was taken in."""
    return [f"{base}{suffix}"] + [f"{base}-{number}{suffix}" for number in range(2, SAME_SECOND + 1)]


def manual_names(journal: Path, now: datetime) -> list[str]:
    """The names a backup taken at ``now`` may have, in the order to try them."""
    return same_second_names(f"{name_stem(journal)}-{now:%Y%m%d-%H%M%S}", ".db")


def automatic_name(journal: Path, day: date) -> str:
    return f"{name_stem(journal)}-auto-{format_day(day)}.db"


class Named(NamedTuple):
    """What a backup's name says: the day it was taken, the moment (manual backups only) and
    its number within that second (1 for the first)."""

    day: date
    moment: datetime | None
    number: int

    @property
    def automatic(self) -> bool:
        return self.moment is None


def read_name(journal: Path, name: str) -> Named | None:
    """What ``name`` says if it is one of ``journal``'s backups, else None."""
    match = re.fullmatch(
        re.escape(name_stem(journal)) + r"-(?:auto-(?P<day>\d{4}-\d{2}-\d{2})|(?P<stamp>\d{8}-\d{6})(?:-(?P<number>[1-9]\d*))?)\.db",
        name,
    )  # fmt: skip
    if match is None:
        return None
    try:
        if match["day"]:
            return Named(date.fromisoformat(match["day"]), None, 1)
        moment = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:  # digits that are no date (month 13)
        return None
    return Named(moment.date(), moment, int(match["number"] or 1))


def newest_first(journal: Path, names: list[str], folder: Path) -> list[Path]:
    """``journal``'s backups among ``names`` (regular files in ``folder``), newest first.

    The order is the moment in the name: a copy or a rewrite (a purge) changes a file's time but
    not what it holds. An automatic backup's name gives only its day; within that day its file
    time places it, if that time falls on the day (else it counts from the day's start). The
    file time breaks what ties are left."""
    found = []
    for name in names:
        named = read_name(journal, name)
        if named is None:
            continue
        try:
            info = os.lstat(folder / name)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        moment = named.moment
        if moment is None:
            written = datetime.fromtimestamp(info.st_mtime)
            moment = written if written.date() == named.day else datetime.combine(named.day, time.min)
        found.append((moment, named.number, info.st_mtime_ns, name))
    return [folder / name for *_, name in sorted(found, reverse=True)]
