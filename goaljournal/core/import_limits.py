"""How much an import reads, at most: a file past any of these is refused before it is read whole.

The limits are generous: a journal of 100,000 entries (27 years at ten a day) makes a JSON export
of about 40 MB and a jrnl file of about 15 MB, and Day One's JSON for as many entries about 150 MB.
What they stop is a file made to exhaust memory or time, like a zip of a few hundred kilobytes
that inflates to gigabytes.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from typing import Any, BinaryIO

MIB = 1024 * 1024
# A file (or a jrnl folder, or standard input) read whole: JSON, jrnl text or a Day One .json.
FILE_LIMIT = 256 * MIB
# An age-encrypted export (see goaljournal/agefile.py): the file, up to what an export of FILE_LIMIT
# makes armored (base64 in lines of 64: 4/3 x 65/64, and age's 16 bytes a 64 KiB chunk); what it
# decrypts to is held to FILE_LIMIT. scrypt's work factor (each step doubles the time a passphrase
# takes to check) at most age's own limit: exports are made with about 18, a second's work.
AGE_FILE_LIMIT = FILE_LIMIT * 136 // 100 + 4096
AGE_WORK_FACTOR_LIMIT = 22
# Inside a Day One zip: the uncompressed size of one .json member and of all of them, how many
# members the zip may list (its photos included), and how far one member may inflate. JSON text
# deflates 5 to 20 times; a member that inflates more than ZIP_RATIO_LIMIT times is a zip bomb.
ZIP_MEMBER_LIMIT = 256 * MIB
ZIP_TOTAL_LIMIT = 512 * MIB
ZIP_MEMBERS_LIMIT = 200_000
ZIP_RATIO_LIMIT = 100
# JSON nesting: goaljournal's export is 3 levels deep, Day One's about 6.
JSON_DEPTH_LIMIT = 64
# Rows of one table of a JSON export, or entries of a jrnl or Day One journal.
ROWS_LIMIT = 1_000_000
# Digits of one JSON integer. No value a journal holds has more than 19 (ids are 64-bit, numbers at
# most 1e12); Python's int() refuses more than 4,300 digits (a ValueError out of json.loads) and
# takes quadratic time up to that.
JSON_DIGITS_LIMIT = 100


class TooLarge(ValueError):
    """An import past one of the limits; the message names the limit."""


def _size(count: int) -> str:
    return f"{count // MIB:,} MB" if count >= MIB else f"{count:,} bytes"


def check_file_size(size: int, limit: int | None = None) -> None:
    """Refuse (TooLarge) a file of ``size`` bytes past ``limit`` (default FILE_LIMIT)."""
    limit = FILE_LIMIT if limit is None else limit
    if size > limit:
        raise TooLarge(f"the file is larger than {_size(limit)}, more than an import reads")


def read_limited(stream: BinaryIO, already: int = 0, limit: int | None = None) -> bytes:
    """All of ``stream``, refused (TooLarge) once ``already`` plus what it holds passes ``limit``
    (default FILE_LIMIT)."""
    limit = FILE_LIMIT if limit is None else limit
    data = stream.read(max(limit - already, 0) + 1)
    check_file_size(already + len(data), limit)
    return data


def check_decrypted_size(size: int) -> None:
    if size > FILE_LIMIT:
        raise TooLarge(f"it decrypts to more than {_size(FILE_LIMIT)}, more than an import reads")


def check_rows(count: int, what: str) -> None:
    if count > ROWS_LIMIT:
        raise TooLarge(f"{what} holds more than {ROWS_LIMIT:,} rows, more than an import reads")


def json_int(literal: str) -> int:
    """``parse_int`` for json.loads: an integer of more than JSON_DIGITS_LIMIT digits is refused
    (TooLarge) before int() reads it."""
    if len(literal) - literal.startswith("-") > JSON_DIGITS_LIMIT:
        raise TooLarge(f"the file holds a number of more than {JSON_DIGITS_LIMIT} digits, more than an import reads")
    return int(literal)


def too_deep(value: Any, limit: int = JSON_DEPTH_LIMIT) -> bool:
    """Whether parsed JSON nests lists and objects more than ``limit`` levels deep."""
    level: list[Iterator[Any]] = [iter((value,))]
    while level:
        item = next(level[-1], level)
        if item is level:
            level.pop()
        elif isinstance(item, (list, dict)):
            if len(level) > limit:
                return True
            level.append(iter(item.values() if isinstance(item, dict) else item))
    return False


def deep_json_message() -> str:
    return f"it nests lists and objects more than {JSON_DEPTH_LIMIT} levels deep"


def zip_member_count(archive: BinaryIO) -> int | None:
    """How many members a zip's end record says it holds, read before the zip's directory is;
    None when there is no end record (not a zip)."""
    archive.seek(0, io.SEEK_END)
    size = archive.tell()
    tail_size = min(size, 22 + 65535)  # the end record and its longest comment
    archive.seek(size - tail_size)
    tail = archive.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    count = struct.unpack("<H", tail[at + 10 : at + 12])[0]
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
        # ZIP64: the locator gives the ZIP64 end record, which holds the full count.
        (record,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        archive.seek(record)
        head = archive.read(56)
        if head[:4] == b"PK\x06\x06" and len(head) == 56:
            count = struct.unpack("<Q", head[32:40])[0]
    return count


def check_zip_members(count: int) -> None:
    if count > ZIP_MEMBERS_LIMIT:
        raise TooLarge(f"the zip lists more than {ZIP_MEMBERS_LIMIT:,} files, more than an import reads")


def check_zip_total(declared: int) -> None:
    if declared > ZIP_TOTAL_LIMIT:
        raise TooLarge(f"the zip's .json files are larger than {_size(ZIP_TOTAL_LIMIT)} uncompressed")


def read_member(member: BinaryIO, name: str, declared: int, compressed: int, total: int) -> bytes:
    """One zip member, read in pieces and refused as soon as it passes a limit, whatever sizes
    the zip declares; ``total`` is what the zip's other members gave so far."""
    room = min(ZIP_MEMBER_LIMIT, ZIP_TOTAL_LIMIT - total)
    inflate_room = max(ZIP_RATIO_LIMIT * compressed, MIB)  # tiny members may compress well

    def check(size: int) -> None:
        if size > ZIP_MEMBER_LIMIT:
            raise TooLarge(f"{name} in the zip is larger than {_size(ZIP_MEMBER_LIMIT)} uncompressed")
        if size > room:
            raise TooLarge(f"the zip's .json files are larger than {_size(ZIP_TOTAL_LIMIT)} uncompressed")
        if size > inflate_room:
            raise TooLarge(f"{name} in the zip inflates more than {ZIP_RATIO_LIMIT} times (a zip bomb?)")

    check(declared)
    pieces, size = [], 0
    while piece := member.read(MIB):
        size += len(piece)
        check(size)
        pieces.append(piece)
    return b"".join(pieces)
