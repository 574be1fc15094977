"""Day One's JSON export, read: the ``Journal.json`` inside its export zip, or the zip itself.

Day One writes ``{"metadata": {...}, "entries": [...]}`` with each entry's ``uuid``,
``creationDate`` (ISO 8601 in UTC, ``2026-11-24T08:00:00Z``), ``timeZone`` (an IANA name),
``text`` (Markdown, with Markdown punctuation backslash-escaped), ``tags`` and ``starred``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from goaljournal.core.dates import FIRST_DAY, LAST_DAY, RANGE_TEXT
from goaljournal.core.import_limits import (
    TooLarge,
    check_rows,
    check_zip_members,
    check_zip_total,
    deep_json_message,
    json_int,
    read_member,
    too_deep,
    zip_member_count,
)
from goaljournal.core.jrnl import ImportedEntry, entry_uuid

# Day One escapes Markdown punctuation in plain text ("Done\." "\- item"); the user typed none.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


class NotDayOne(ValueError):
    """The file is not a Day One JSON export, or holds an entry goaljournal cannot take; the
    message says why."""


def _bad(index: int, field: str, reason: str) -> NotDayOne:
    return NotDayOne(f"import refused: entries[{index}].{field}: {reason}")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _text(value: object, index: int, field: str) -> str:
    if not isinstance(value, str):
        raise _bad(index, field, f"{_shown(value)} is not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _bad(index, field, "holds characters that are not valid Unicode (a lone surrogate)") from None
    return value


def _local_time(stamp: str, zone: str | None, index: int) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        raise _bad(index, "creationDate", f"{_shown(stamp)} is not an ISO date") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    # A day short of each end, so that no time zone can carry the moment out of range.
    if not FIRST_DAY < moment.date() < LAST_DAY:
        raise _bad(index, "creationDate", f"{_shown(stamp)} is outside the dates a journal holds ({RANGE_TEXT})")
    try:
        local = moment.astimezone(ZoneInfo(zone)) if zone else moment.astimezone()
    except (ZoneInfoNotFoundError, ValueError):
        local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S")


def parse_dayone_json(text: str) -> Iterator[ImportedEntry]:
    """The entries of one Day One JSON export, oldest first; entries with no text are skipped.
    Every field goaljournal reads is checked first: NotDayOne names the first bad one."""
    try:
        data = json.loads(text, parse_int=json_int)  # TooLarge past a hundred digits
    except json.JSONDecodeError as err:
        raise NotDayOne(f"not a Day One export (invalid JSON at line {err.lineno})") from None
    except RecursionError:
        raise NotDayOne(f"not a Day One export: {deep_json_message()}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise NotDayOne('not a Day One export (no "entries" list)')
    check_rows(len(data["entries"]), "the export's entries list")
    if too_deep(data):
        raise NotDayOne(f"not a Day One export: {deep_json_message()}")
    entries = []
    for index, raw in enumerate(data["entries"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("creationDate"), str):
            raise NotDayOne(f"not a Day One export (entry {index + 1} has no creationDate)")
        body = _ESCAPED.sub(r"\1", _text(raw.get("text") or "", index, "text")).strip()
        zone = raw.get("timeZone")
        if zone is not None and not isinstance(zone, str):
            raise _bad(index, "timeZone", f"{_shown(zone)} is not a time zone name")
        at = _local_time(raw["creationDate"], zone, index)
        if raw.get("starred") not in (None, True, False):
            raise _bad(index, "starred", f"{_shown(raw['starred'])} is not true or false")
        tags = raw.get("tags") or []
        if not isinstance(tags, list):
            raise _bad(index, "tags", f"{_shown(tags)} is not a list of tags")
        tags = ["-".join(_text(tag, index, "tags").split()) for tag in tags]
        if not body:
            continue
        uid = raw.get("uuid")
        uid = uid.lower() if isinstance(uid, str) else ""
        if not re.fullmatch(r"[0-9a-f]{32}", uid):
            uid = entry_uuid(at, body)
        entries.append(ImportedEntry(at=at, text=body, starred=bool(raw.get("starred")), tags=[t for t in tags if t], uuid=uid))
    entries.sort(key=lambda entry: entry.at)
    yield from entries


def parse_dayone(source: bytes | BinaryIO) -> Iterator[ImportedEntry]:
    """A Day One export: a zip (every journal's ``.json`` in it; bytes or a seekable binary file,
    read member by member within core/import_limits.py's limits) or the JSON itself as bytes."""
    if isinstance(source, bytes):
        if source[:4] != b"PK\x03\x04":
            try:
                text = source.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise NotDayOne("the file is neither a zip nor UTF-8 JSON") from None
            yield from parse_dayone_json(text)
            return
        source = io.BytesIO(source)
    for text in _zip_texts(source):
        yield from parse_dayone_json(text)


def _zip_texts(archive_file: BinaryIO) -> list[str]:
    count = zip_member_count(archive_file)
    if count is None:
        raise NotDayOne("the file is not a readable zip")
    check_zip_members(count)
    archive_file.seek(0)
    texts, total = [], 0
    try:
        with zipfile.ZipFile(archive_file) as archive:
            members = archive.infolist()
            check_zip_members(len(members))
            jsons = sorted(
                (m for m in members if m.filename.lower().endswith(".json") and not m.filename.startswith("__MACOSX")),
                key=lambda member: member.filename,
            )
            if not jsons:
                raise NotDayOne("the zip holds no .json file: is it a Day One JSON export?")
            check_zip_total(sum(member.file_size for member in jsons))
            for member in jsons:
                with archive.open(member) as stream:
                    data = read_member(stream, member.filename, member.file_size, member.compress_size, total)
                total += len(data)
                texts.append(data.decode("utf-8-sig"))
    except (NotDayOne, TooLarge):
        raise
    except UnicodeDecodeError:
        raise NotDayOne("a .json file in the zip is not UTF-8 text") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error, ValueError, OSError):
        # zipfile meets a damaged zip with any of these (a negative seek is a ValueError).
        raise NotDayOne("the file is not a readable zip") from None
    return texts
