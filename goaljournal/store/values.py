"""Checks and conversions of the values the store is given, shared by its modules."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime

from goaljournal.core.dates import BadDate, check_range, format_day, format_moment, iso_day, strict_day, strict_moment
from goaljournal.core.progress import LIMIT_TEXT, within_limit
from goaljournal.store.errors import InvalidInput


# SQLite's INTEGER is 64-bit: a larger id can name no row, and binding it raises OverflowError.
ID_MAX = 2**63 - 1


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


def _number(value: object, what: str) -> float:
    """A target, baseline or check-in value: a finite number no bigger than NUMBER_LIMIT either
    way, so sums, spans and ratios of stored numbers stay finite and exact to the unit."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInput(f"{what} must be a number")
    try:
        number = float(value)
    except OverflowError:  # an int beyond float's range
        number = math.inf
    if not within_limit(number):
        raise InvalidInput(f"{what} must be {LIMIT_TEXT}; nothing was saved")
    return number


def _moment(value: datetime | str | None) -> str | None:
    """A moment as stored (YYYY-MM-DD HH:MM:SS), in the journal's years; text must be an ISO
    day or date-time (``2026-11-25 09:30``, ``2026-11-25T09:30:00``)."""
    if value is None:
        return None
    try:
        if isinstance(value, str) and len(value) == 10:  # a bare day: its first moment
            return format_moment(datetime.combine(strict_day(value), datetime.min.time()))
        if isinstance(value, str):
            return format_moment(strict_moment(value))
        if not isinstance(value, datetime):
            raise InvalidInput("a date and time must be a datetime or text (YYYY-MM-DD HH:MM:SS)")
        check_range(value.date())
    except BadDate as err:
        raise InvalidInput(str(err)) from None
    return format_moment(value)


def _day(value: date | str | None) -> str | None:
    """A day as stored (YYYY-MM-DD, zero-padded), in the journal's years."""
    if value is None:
        return None
    try:
        if isinstance(value, str):
            return format_day(strict_day(value))
        if isinstance(value, datetime):
            value = value.date()
        elif not isinstance(value, date):
            raise InvalidInput("a day must be a date or text (YYYY-MM-DD)")
        return format_day(check_range(value))
    except BadDate as err:
        raise InvalidInput(str(err)) from None


def _bound_day(value: date | str) -> str:
    """A day that bounds a query (any real date, 0001 to 9999): a week or a follow-up window
    may reach past the journal's years, and asking about them is harmless."""
    if isinstance(value, str):
        try:
            value = iso_day(value)
        except BadDate as err:
            raise InvalidInput(str(err)) from None
    return format_day(value)
