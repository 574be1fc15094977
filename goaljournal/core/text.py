"""Making user text safe to print on a terminal without changing what it says."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

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


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (East Asian wide and full-width) characters
    take two, combining marks and zero-width characters none. Stdlib only, for the quick commands
    that must not import rich."""
    return sum(map(_char_cells, text))


def _char_cells(char: str) -> int:
    if _zero_width(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _zero_width(char: str) -> bool:
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me", "Cf") or char in "\u200b\u200c\u200d\ufeff"


def fit_cells(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, with "…" where it was cut."""
    width = max(width, 0)
    if cell_width(text) <= width:
        return text
    kept = _fitting(text, width - 1)
    return "".join(kept).rstrip() + "…" if width else ""


def fit_cells_from_end(text: str, width: int) -> str:
    """``text`` cut from its start to at most ``width`` cells, with "…" where it was cut: for a
    path, whose end (the file and its folders) says most about it."""
    width = max(width, 0)
    if cell_width(text) <= width:
        return text
    kept = _fitting(reversed(text), width - 1)
    return "…" + "".join(reversed(kept)) if width else ""


def _fitting(chars: Iterable[str], width: int) -> list[str]:
    """The first of ``chars`` that fit in ``width`` cells together."""
    kept: list[str] = []
    used = 0
    for char in chars:
        size = _char_cells(char)
        if used + size > width:
            break
        kept.append(char)
        used += size
    return kept


def pad_cells(text: str, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` cells (cut first if it is wider): ``str.ljust``
    counts characters, so a column holding 漢字 or é written as e + accent would drift."""
    shown = fit_cells(text, width)
    gap = " " * (width - cell_width(shown))
    return gap + shown if align == ">" else shown + gap


# Markdown that opens a line: a fence (its content is kept), a thematic break or setext underline,
# a link reference definition, a table's delimiter row.
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_RULE = re.compile(r"^([-*_=])(\s*\1){2,}\s*$")
_REFERENCE = re.compile(r"^\[[^\]]+\]:\s+\S")
_TABLE_DELIMITER = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
# Markers in front of a line's text: quotes, list bullets and numbers, task boxes, a heading's #s.
_QUOTE = re.compile(r"^(>\s?)+")
_LIST = re.compile(r"^([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^#{1,6}(\s+|$)")
_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
# Inline markup, taken off in this order: images and links keep their text, autolinks their
# address, code spans their content; emphasis markers go where they flank a word. Every span is
# bounded so that a line of unmatched markers costs linear time, not quadratic.
_IMAGE = re.compile(r"!\[([^\]]{0,300})\]\([^()]{0,500}\)")
_LINK = re.compile(r"\[([^\]]{1,300})\](\([^()]{0,500}\)|\[[^\]]{0,300}\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]{1,500})>")
_CODE = re.compile(r"(`{1,3})(.{1,500}?)\1")
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.{1,500}?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.{1,500}?)(?<=\S)\1(?![\w*])")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


# An escaped character is held as a noncharacter (U+FDD0..U+FDEF, one per ASCII punctuation
# mark) while the markup is taken off, so that \\* is never read as emphasis.
_PUNCTUATION = "".join(chr(code) for code in range(0x21, 0x7F) if not chr(code).isalnum())
_HELD = str.maketrans({char: chr(0xFDD0 + index) for index, char in enumerate(_PUNCTUATION)})
_RELEASED = str.maketrans({chr(0xFDD0 + index): char for index, char in enumerate(_PUNCTUATION)})
_NONCHARACTERS = str.maketrans(dict.fromkeys(range(0xFDD0, 0xFDF0)))


def _plain_inline(text: str) -> str:
    text = _ESCAPED.sub(lambda match: match.group(1).translate(_HELD), text.translate(_NONCHARACTERS))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(lambda match: match.group(2).strip(), text)
    for _ in range(2):  # ***both*** is strong around emphasis
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\2", text)
    return text.translate(_RELEASED)


def plain_text(markdown_text: str) -> str:
    """An entry written in Markdown as one line of plain text: headings, quotes, list markers,
    fences, rules and inline markup taken off, links kept as their text, whitespace collapsed,
    control characters made visible. A heading is set off from what follows by " — "."""
    parts: list[str] = []
    after_heading = False
    for raw in markdown_text.splitlines():
        line = raw.strip()
        if not line or _FENCE.match(line) or _RULE.match(line) or _REFERENCE.match(line) or _TABLE_DELIMITER.match(line):
            continue
        line = _QUOTE.sub("", line).strip()
        line = _LIST.sub("", line)
        heading = _HEADING.match(line)
        if heading:
            line = _HEADING_CLOSE.sub("", line[heading.end() :])
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            line = " ".join(cell.strip() for cell in line[1:-1].split("|"))
        line = _plain_inline(line).strip()
        if not line:
            continue
        if after_heading:
            parts.append("—")
        parts.append(line)
        after_heading = bool(heading)
    return " ".join(printable(" ".join(parts)).split())


def plain_preview(markdown_text: str, width: int) -> str:
    """The start of an entry as one line of plain text, at most ``width`` terminal cells,
    cut with "…": what a list, the timeline or the report shows of it."""
    # Only the first few thousand characters can ever be shown: a long entry costs no more.
    return fit_cells(plain_text(markdown_text[: max(width, 0) * 4 + 2000]), width)
