"""An option list whose lines are cut to the width it has, so that none wraps into two."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option


class FittedList(OptionList):
    """One line per option, each cut to the list's width: subclasses say what the lines are
    (``lines(width)``); the list draws them again when its width changes, or when a scrollbar
    comes or goes with them. The cursor stays where it was (or on the last line)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._width = 0  # the width the lines were cut to

    def lines(self, width: int) -> Sequence[Option]:
        raise NotImplementedError

    def refill(self) -> None:
        """Draw the lines now, and again once laid out if the width was not known yet."""
        self._render_lines()
        self.call_after_refresh(self._fit)

    def _render_lines(self) -> None:
        keep = self.highlighted or 0
        width = self._width = self.scrollable_content_region.width or 76
        self.clear_options()
        self.add_options(self.lines(width))
        if self.option_count:
            self.highlighted = min(keep, self.option_count - 1)

    def on_resize(self) -> None:
        self._render_lines()

    def _fit(self) -> None:
        if self.scrollable_content_region.width not in (0, self._width):
            self._render_lines()
