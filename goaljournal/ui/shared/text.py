"""The one place where user text becomes something Textual shows.

Textual parses markup in plain strings given to Static, Label, Button, OptionList, Select,
notify() and DataTable/Tree str cells: "todo [/]" raises MarkupError at render time and stops the
app, "[x] done" loses text, "[@click=app.quit]x[/]" becomes a live action. ``escape()`` does not
cover every case (Textual issues 6155, 6614). So user text is wrapped here, never interpolated
into markup: ``Content`` for widgets, ``rich.text.Text`` for DataTable cells, and control
characters made visible first so stored escape codes cannot act on the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from goaljournal.core.text import one_line, printable


def user_content(text: str, *, style: str = "", single_line: bool = False, width: int | None = None) -> Content:
    """User text as Content, shown literally."""
    shown = one_line(text, width) if single_line else printable(text)
    return Content.styled(shown, style) if style else Content(shown)


def user_cell(text: str, *, style: str = "", width: int | None = None) -> Text:
    """User text for a DataTable cell or Tree label: one line, literal."""
    return Text(one_line(text, width), style=style, no_wrap=True, overflow="ellipsis")


def compose_line(*parts: str | tuple[str, str] | Content) -> Content:
    """Join plain pieces, (text, style) pairs and Content into one line of Content.

    Every piece is literal text: nothing here is parsed as markup.
    """
    pieces: list[Content] = []
    for part in parts:
        if isinstance(part, Content):
            pieces.append(part)
        elif isinstance(part, tuple):
            pieces.append(Content.styled(printable(part[0]), part[1]))
        else:
            pieces.append(Content(printable(part)))
    return Content("").join(pieces)


def progress_bar(fraction: float | None, width: int = 12) -> str:
    """A text progress bar, ████░░░░; blank-ish when there is no target to measure against."""
    if fraction is None:
        return "·" * width
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def hanging(head: str | tuple[str, str] | Content, body: Content, width: int | None) -> Content:
    """``head`` (a bullet, a mark, a label) then ``body`` wrapped to ``width`` cells, each further
    line indented to where the body starts: a hanging indent. Without a width (a widget not laid
    out yet), the line as it is, left to wrap where it falls."""
    first = compose_line(head)
    if not width:
        return first + body
    lines = body.wrap(max(8, width - first.cell_length)) or [Content("")]
    indent = Content(" " * first.cell_length)
    return Content("\n").join([first + lines[0], *(indent + line for line in lines[1:])])
