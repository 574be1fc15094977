"""Text fields that never send a control character of the user's text to the terminal.

Input and TextArea draw their value as it is: a pasted ESC sequence reaches the terminal raw and
can recolour, move the cursor or retitle the window (measured with textual 8.2.8). The fields
here keep the value byte for byte and only draw it differently: each control character as a
visible stand-in (ESC as ␛), as ``core.text.printable`` does everywhere else.

The stand-ins are one cell wide where the terminal counted the control character as none, so a
line holding one can be drawn a cell longer than the field thought; it is cut at the edge.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input, TextArea

from goaljournal.core.text import printable


def visible_controls(strip: Strip) -> Strip:
    """``strip`` with the control characters of its text replaced by visible stand-ins."""
    segments: list[Segment] = []
    changed = False
    for segment in strip:
        if segment.control is None and segment.text:
            shown = printable(segment.text)
            if shown != segment.text:
                changed = True
                segment = Segment(shown, segment.style)
        segments.append(segment)
    if not changed:
        return strip
    return Strip(segments).crop_extend(0, strip.cell_length, None)


class SafeInput(Input):
    """An Input whose value is drawn with control characters made visible.

    Focus puts the cursor at the end instead of selecting the value (Textual's default), so one
    key typed into a prefilled form field adds to its text rather than replacing all of it. Search
    boxes ask for the selection (``select_on_focus=True``): a new query replaces the last one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    def render_line(self, y: int) -> Strip:
        return visible_controls(super().render_line(y))


class SafeTextArea(TextArea):
    """A TextArea whose text is drawn with control characters made visible."""

    def render_line(self, y: int) -> Strip:
        return visible_controls(super().render_line(y))
