"""Checks and conversions of the values the store is given, shared by its modules."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, date, datetime

from goaljournal.core.dates import format_day, format_moment
from goaljournal.store.errors import InvalidInput


def new_uuid() -> str:
    """A random (version 4) UUID as 32 hex digits; built by hand because importing ``uuid``
    (which imports ``platform``) costs 2 ms of every command's start."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    return raw.hex()


def utc_stamp(moment: datetime) -> str:
    """A record's created/updated stamp: ``moment`` (naive means local time) in UTC."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_text(value: str | None, what: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise InvalidInput(f"{what} is empty; nothing was saved")
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            f"{what} contains characters that are not valid Unicode (a lone surrogate); nothing was saved"
        ) from None
    if required and not value.strip():
        raise InvalidInput(f"{what} is empty; nothing was saved")
    return value


def _check_choice(value: str | None, choices: Sequence[str], what: str) -> str | None:
    if value is not None and value not in choices:
        raise InvalidInput(f"unknown {what} '{value}': choose one of {', '.join(choices)}")
    return value


def _check_scale(value: int | None, what: str) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5):
        raise InvalidInput(f"{what} must be a whole number from 1 to 5")
    return value


def _moment(value: datetime | str | None) -> str | None:
    """A moment as stored (YYYY-MM-DD HH:MM:SS); text must already be an ISO date-time."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return format_moment(datetime.fromisoformat(value))
        except ValueError:
            raise InvalidInput(f"'{value}' is not a date and time (YYYY-MM-DD HH:MM:SS)") from None
    return format_moment(value)


def _day(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        if isinstance(value, str):
            try:
                date.fromisoformat(value)
            except ValueError:
                raise InvalidInput(f"'{value}' is not a date (YYYY-MM-DD)") from None
        return value
    return format_day(value)
