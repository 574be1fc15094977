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


# Characters that start Markdown inline markup (emphasis, code, links and images, raw HTML,
# entities, GFM tables and strikethrough) or close an ATX heading; escaped wherever they appear.
_MARKDOWN_INLINE = re.compile(r"[\\`*_\[\]<>&#|~]")
# At the start of a line (or of a list item or heading's text) these open a list, a quote, a
# setext underline or a definition; digits then "." or ")" open an ordered list.
_MARKDOWN_LEADING = re.compile(r"([+\-=:])|(\d{1,9})([.)])")


def _markdown_literal(line: str) -> str:
    line = _MARKDOWN_INLINE.sub(lambda match: "\\" + match.group(), line)
    lead = _MARKDOWN_LEADING.match(line)
    if lead is None:
        return line
    if lead.group(1):
        return "\\" + line
    return lead.group(2) + "\\" + line[lead.end(2) :]


def markdown_inline(text: str) -> str:
    """User text as literal text on one Markdown line (a heading, a list item, a table cell):
    line breaks folded into spaces, and every character that Markdown would read as markup
    escaped, so the text shows as written and cannot change the document around it."""
    return _markdown_literal(" ".join(text.split()))


def markdown_block(text: str) -> str:
    """User text as literal Markdown paragraphs: each line kept as a line (a hard break), blank
    lines separating paragraphs, leading indentation kept as no-break spaces, and every marker
    that would make a heading, list, quote, code block, fence, table, HTML or link definition
    escaped. Nothing in it can open a block that runs past its end."""
    lines: list[str] = []
    for raw in text.splitlines():
        stripped = raw.lstrip()
        if not stripped:
            lines.append("")
            continue
        indent = raw[: len(raw) - len(stripped)].replace("\t", "    ")
        lines.append("&nbsp;" * len(indent) + _markdown_literal(stripped.rstrip()))
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    # A backslash at a line's end is a hard break; the text's own backslashes are all escaped.
    return "\n".join(
        line + "\\" if line and index + 1 < len(lines) and lines[index + 1] else line
        for index, line in enumerate(lines)
    )
