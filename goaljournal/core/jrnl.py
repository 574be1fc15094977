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

from goaljournal.core.dates import MAX_YEAR, MIN_YEAR, RANGE_TEXT, format_moment
from goaljournal.core.import_limits import check_rows

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


def entry_uuid(at: str, text: str, occurrence: int = 0) -> str:
    """The uuid of an imported entry with no uuid of its own; the second and later entries with
    the same moment and text in one file are told apart by ``occurrence``."""
    name = f"{at}\n{text}" if occurrence == 0 else f"{at}\n{text}\n{occurrence}"
    return uuid.uuid5(IMPORT_NAMESPACE, name).hex


class NotJrnl(ValueError):
    """A jrnl file goaljournal cannot take as it is; the message names the line."""


# How the writer keeps a text's own lines from being read as something else (the reader undoes
# each): a body line that starts like an entry, "[anything] ", gets a backslash in front (jrnl
# would split there, for any date it can read in the brackets; a line already so escaped gets
# one more); a title ending in "*", which reads as a star, gets a backslash after it.
_HEADER_LIKE = re.compile(r"\\*\[[^\]\n]+\] ")
_ESCAPED_HEADER = re.compile(r"\\+\[[^\]\n]+\] ")
_STAR_END = re.compile(r"\*\\*\Z")
_ESCAPED_STAR_END = re.compile(r"\*\\+\Z")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _write_text(text: str, tags: Iterable[str] = ()) -> tuple[str, str]:
    """The title and body ``format_entry`` writes for ``text``: its first line trimmed, then
    the rest without trailing blanks, escaped as above; ``tags`` the text lacks are added."""
    written = text_tags(text)
    missing = [tag for tag in tags if tag.casefold() not in written and " " not in tag]
    if missing:
        text = text.rstrip() + " " + " ".join("@" + tag for tag in missing)
    title, _, body = _lines(text).partition("\n")
    title = title.strip()
    if _STAR_END.search(title):
        title += "\\"
    body = "\n".join("\\" + line if _HEADER_LIKE.match(line) else line for line in body.rstrip().split("\n"))
    return title, body


def _read_text(title: str, body: str) -> tuple[str, bool]:
    """An entry's text and star from the rest of its first line and the lines below it."""
    title = title.strip()
    starred = title.endswith("*")
    if starred:
        title = title.rstrip(" *")
    if _ESCAPED_STAR_END.search(title):
        title = title[:-1]
    body = "\n".join(line[1:] if _ESCAPED_HEADER.match(line) else line for line in body.rstrip().split("\n"))
    return (f"{title}\n{body}" if body else title), starred


def jrnl_text(text: str, tags: Iterable[str] = ()) -> str:
    """``text`` as it reads back from a jrnl file ``format_entry`` wrote: the same, but for a
    trimmed first line, no blank lines at the end, CR line ends as LF and the missing tags
    added. The import compares entries by it, so reading back an export adds nothing."""
    return _read_text(*_write_text(text, tags))[0]


def parse_jrnl(text: str) -> Iterator[ImportedEntry]:
    """The entries of a jrnl journal, in file order; text before the first entry is ignored.

    As in jrnl, the title is the first line (a trailing ``*`` stars the entry and is dropped) and
    the body is the rest, without trailing blank lines; the entry's text is title and body
    joined by a newline. Blank lines inside a body are kept; lines end in LF, CRLF or CR. Raises
    NotJrnl for an entry dated outside the years a journal holds, TooLarge past ROWS_LIMIT.
    """
    text = _lines(text).lstrip("\ufeff")
    check_rows(sum(1 for _ in _ENTRY_START.finditer(text)), "the journal")  # counted before any is kept
    starts = [(match, moment) for match in _ENTRY_START.finditer(text) if (moment := _parse_date(match.group(1)))]
    seen: dict[tuple[str, str], int] = {}
    for index, (match, moment) in enumerate(starts):
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            line = text.count("\n", 0, match.start()) + 1
            raise NotJrnl(f"import refused: line {line}: [{match.group(1)}] is outside the dates a journal holds ({RANGE_TEXT})")
        end = starts[index + 1][0].start() if index + 1 < len(starts) else len(text)
        title, _, body = text[match.end() : end].partition("\n")
        entry_text, starred = _read_text(title, body)
        if not entry_text.strip():
            continue
        at = format_moment(moment)
        occurrence = seen.get((at, entry_text), 0)
        seen[(at, entry_text)] = occurrence + 1
        tags = list(dict.fromkeys(m.group(1).rstrip("-") for m in _HASH_TAG.finditer(entry_text)))
        yield ImportedEntry(at=at, text=entry_text, starred=starred, tags=tags, uuid=entry_uuid(at, entry_text, occurrence))


def text_tags(text: str) -> set[str]:
    """The tags written in ``text`` (``@tag`` and ``#tag``), compared without case."""
    from goaljournal.core.tags import extract_tags

    return {name.casefold() for name in extract_tags(text)} | {m.group(1).rstrip("-").casefold() for m in _HASH_TAG.finditer(text)}


def header_time(moment: datetime, time_format: str = MINUTES_FORMAT) -> str:
    """The date in an entry's first line, in ``time_format``; with its seconds, in ISO form, when
    the format would drop them (jrnl reads that form whatever its config says)."""
    full = expand_time_format(time_format)
    shown = moment.strftime(full)
    if moment.second and shown == moment.replace(second=0).strftime(full):
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    return shown


def format_entry(at: str, text: str, starred: bool, time_format: str = MINUTES_FORMAT, tags: Iterable[str] = ()) -> str:
    """One entry as jrnl writes it: ``[date] Title[ *]``, then the body, ending in a newline.

    jrnl keeps tags only in the text: ``tags`` the text does not mention (from Day One, say) are
    added at its end as ``@tag``. Lines that would read back as something else are escaped (see
    ``_write_text``), so ``parse_jrnl`` gives back ``jrnl_text(text, tags)``, the star and the moment."""
    title, body = _write_text(text, tags)
    head = f"[{header_time(datetime.fromisoformat(at), time_format)}] {title}"
    if starred:
        head += " *"
    return f"{head}\n{body}\n" if body else f"{head}\n"


def format_jrnl(entries: Iterable[tuple[str, str, bool, list[str]]], time_format: str = MINUTES_FORMAT) -> Iterator[str]:
    """A jrnl journal from ``(at, text, starred, tags)`` rows, oldest first, piece by piece:
    entries separated by a blank line, as jrnl joins them."""
    for index, (at, text, starred, tags) in enumerate(entries):
        yield ("\n" if index else "") + format_entry(at, text, starred, time_format, tags)
