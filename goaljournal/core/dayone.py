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
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from goaljournal.core.jrnl import ImportedEntry, entry_uuid

# Day One escapes Markdown punctuation in plain text ("Done\." "\- item"); the user typed none.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


class NotDayOne(ValueError):
    """The file is not a Day One JSON export; the message says why."""


def _local_time(stamp: str, zone: str | None) -> str:
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        local = moment.astimezone(ZoneInfo(zone)) if zone else moment.astimezone()
    except (ZoneInfoNotFoundError, ValueError):
        local = moment.astimezone()
    return local.strftime("%Y-%m-%d %H:%M:%S")


def parse_dayone_json(text: str) -> Iterator[ImportedEntry]:
    """The entries of one Day One JSON export, oldest first; entries with no text are skipped."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise NotDayOne(f"not a Day One export (invalid JSON at line {err.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise NotDayOne('not a Day One export (no "entries" list)')
    entries = []
    for number, raw in enumerate(data["entries"], start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("creationDate"), str):
            raise NotDayOne(f"not a Day One export (entry {number} has no creationDate)")
        body = _ESCAPED.sub(r"\1", str(raw.get("text") or "")).strip()
        if not body:
            continue
        try:
            at = _local_time(raw["creationDate"], raw.get("timeZone"))
        except ValueError:
            raise NotDayOne(f"entry {number}: '{raw['creationDate']}' is not an ISO date") from None
        tags = ["-".join(str(tag).split()) for tag in raw.get("tags") or [] if str(tag).strip()]
        uid = str(raw.get("uuid") or "").lower()
        if not re.fullmatch(r"[0-9a-f]{32}", uid):
            uid = entry_uuid(at, body)
        entries.append(ImportedEntry(at=at, text=body, starred=bool(raw.get("starred")), tags=tags, uuid=uid))
    entries.sort(key=lambda entry: entry.at)
    yield from entries


def parse_dayone(data: bytes) -> Iterator[ImportedEntry]:
    """A Day One export as bytes: a zip (every journal's ``.json`` in it) or the JSON itself."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = sorted(n for n in archive.namelist() if n.lower().endswith(".json") and not n.startswith("__MACOSX"))
                if not names:
                    raise NotDayOne("the zip holds no .json file: is it a Day One JSON export?")
                texts = [archive.read(name).decode("utf-8") for name in names]
        except zipfile.BadZipFile:
            raise NotDayOne("the file is not a readable zip") from None
        except UnicodeDecodeError:
            raise NotDayOne("a .json file in the zip is not UTF-8 text") from None
        for text in texts:
            yield from parse_dayone_json(text)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotDayOne("the file is neither a zip nor UTF-8 JSON") from None
    yield from parse_dayone_json(text)
