"""jrnl's plain-text journal format, read and written: pure text in, text out.

A jrnl journal is a run of entries, each ``[<date>] Title`` on one line (`` *`` after the title
stars it) with the body on the lines below, entries separated by a blank line. jrnl itself splits
the file wherever a line starts with ``[<a date>] ``; so does this reader, trying both time formats
jrnl users have (``%Y-%m-%d %H:%M`` and the first-run default ``%F %r``) whatever the file uses.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

MINUTES_FORMAT = "%Y-%m-%d %H:%M"
# jrnl's first-run default is "%F %r": the same moment with seconds and AM/PM.
AMPM_FORMAT = "%Y-%m-%d %I:%M:%S %p"
TIME_FORMATS = (MINUTES_FORMAT, AMPM_FORMAT, "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
# strftime shorthands jrnl configs use, spelled out (Python's strptime lacks %F and %r).
_SHORTHANDS = {"%F": "%Y-%m-%d", "%r": "%I:%M:%S %p", "%T": "%H:%M:%S", "%R": "%H:%M"}

_ENTRY_START = re.compile(r"^\[([^\]\n]+)\] ", re.MULTILINE)
# jrnl's default tag symbols are "#@": goaljournal reads @tags itself, #tags are added here.
_HASH_TAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")
# Entries imported from jrnl get a uuid from their date and text, so a second import of the
# same file finds them already there.
IMPORT_NAMESPACE = uuid.UUID("5b0c7f4e-3a55-4c51-9d0e-6a1f2f0b7c11")


@dataclass(slots=True)
class ImportedEntry:
    """One entry read from another journal app, ready for the store's bulk import."""

    at: str  # YYYY-MM-DD HH:MM:SS, local time
    text: str
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    uuid: str = ""


def expand_time_format(time_format: str) -> str:
    for short, full in _SHORTHANDS.items():
        time_format = time_format.replace(short, full)
    return time_format


# The two common formats without strptime, which costs a second per 100,000 entries.
_FAST_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?(?: ([AP]M))?")


def _parse_date(text: str) -> datetime | None:
    fast = _FAST_DATE.fullmatch(text)
    if fast:
        year, month, day, hour, minute = (int(part) for part in fast.groups()[:5])
        second, half = int(fast.group(6) or 0), fast.group(7)
        if half:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half == "PM" else 0)
        try:
            return datetime(year, month, day, hour, minute, second)
        except ValueError:
            return None
    for time_format in TIME_FORMATS:
        try:
            return datetime.strptime(text, time_format)
        except ValueError:
            continue
    return None


def entry_uuid(at: str, text: str) -> str:
    return uuid.uuid5(IMPORT_NAMESPACE, f"{at}\n{text}").hex


def parse_jrnl(text: str) -> Iterator[ImportedEntry]:
    """The entries of a jrnl journal, in file order; text before the first entry is ignored.

    As in jrnl, the title is the first line (a trailing ``*`` stars the entry and is dropped) and
    the body is the rest, without surrounding blank lines; the entry's text is title and body
    joined by a newline. Blank lines inside a body are kept.
    """
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    starts = [(match, moment) for match in _ENTRY_START.finditer(text) if (moment := _parse_date(match.group(1)))]
    for index, (match, moment) in enumerate(starts):
        end = starts[index + 1][0].start() if index + 1 < len(starts) else len(text)
        raw = text[match.end() : end]
        title, _, body = raw.partition("\n")
        title = title.strip()
        starred = title.endswith("*")
        if starred:
            title = title.strip(" *")
        # jrnl writes no blank line after a title; one that is there came from goaljournal.
        body = body.rstrip()
        entry_text = f"{title}\n{body}" if body else title
        if not entry_text.strip():
            continue
        at = moment.strftime("%Y-%m-%d %H:%M:%S")
        tags = list(dict.fromkeys(m.group(1).rstrip("-") for m in _HASH_TAG.finditer(entry_text)))
        yield ImportedEntry(at=at, text=entry_text, starred=starred, tags=tags, uuid=entry_uuid(at, entry_text))


def text_tags(text: str) -> set[str]:
    """The tags written in ``text`` (``@tag`` and ``#tag``), compared without case."""
    from goaljournal.core.tags import extract_tags

    return {name.casefold() for name in extract_tags(text)} | {m.group(1).rstrip("-").casefold() for m in _HASH_TAG.finditer(text)}


def format_entry(at: str, text: str, starred: bool, time_format: str = MINUTES_FORMAT, tags: Iterable[str] = ()) -> str:
    """One entry as jrnl writes it: ``[date] Title[ *]``, then the body, ending in a newline.

    jrnl keeps tags only in the text: ``tags`` the text does not mention (from Day One, say) are
    added at its end as ``@tag``."""
    written = text_tags(text)
    missing = [tag for tag in tags if tag.casefold() not in written and " " not in tag]
    if missing:
        text = text.rstrip() + " " + " ".join("@" + tag for tag in missing)
    moment = datetime.fromisoformat(at)
    title, _, body = text.strip("\n").partition("\n")
    head = f"[{moment.strftime(expand_time_format(time_format))}] {title.rstrip()}"
    if starred:
        head += " *"
    body = body.rstrip()
    return f"{head}\n{body}\n" if body else f"{head}\n"


def format_jrnl(entries: Iterable[tuple[str, str, bool, list[str]]], time_format: str = MINUTES_FORMAT) -> Iterator[str]:
    """A jrnl journal from ``(at, text, starred, tags)`` rows, oldest first, piece by piece:
    entries separated by a blank line, as jrnl joins them."""
    for index, (at, text, starred, tags) in enumerate(entries):
        yield ("\n" if index else "") + format_entry(at, text, starred, time_format, tags)
