"""Making user text safe to print on a terminal without changing what it says."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 controls (0x9b is a one-byte CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"


def printable(text: str) -> str:
    """``text`` with every terminal control character replaced by a visible stand-in.

    Escape sequences stored in the journal are data: printed raw they could move the cursor,
    change the title or hide text. Tabs and newlines are kept.
    """
    return _CONTROL.sub(_visible, text)


def one_line(text: str, width: int | None = None) -> str:
    """``text`` as a single printable line, shortened with an ellipsis to ``width``."""
    line = " ".join(printable(text).split())
    if width is not None and len(line) > width:
        line = line[: max(width - 1, 0)] + "…"
    return line
