"""A chart drawn from ``core.chart`` rows: each segment's role becomes a theme style."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from textual.content import Content
from textual.widget import Widget

from goaljournal.core.chart import Row

# Theme styles by role. Lines and marks also differ by glyph, so the chart reads without colour.
ROLE_STYLES: Mapping[str, str] = {
    "axis": "$text-muted",
    "label": "$text-muted",
    "value": "$text-accent",
    "pace": "$text-muted",
    "projection": "$text-secondary",
    "today": "$text-error",
    "milestone": "$text-primary",
    "done": "$text-success",
    "target": "$text-warning",
    "series1": "$text-accent",
    "series2": "$text-success",
    "series3": "$text-warning",
    "series4": "$text-primary",
    "level0": "$text-muted",
    "level1": "$text-success 40%",
    "level2": "$text-success 65%",
    "level3": "$text-success 85%",
    "level4": "$text-success",
}

Draw = Callable[[int, int], Sequence[Row]]


def rows_content(rows: Sequence[Row], styles: Mapping[str, str] = ROLE_STYLES) -> Content:
    """The rows as one Content, a line each. Every text is literal (a label may be user text)."""
    lines = []
    for row in rows:
        lines.append(Content.assemble(*((text, styles.get(role, "")) if role else text for text, role in row)))
    return Content("\n").join(lines)


class ChartView(Widget):
    """Draws ``draw(width, height)`` at the size it is given; drawn again only when that size
    (or the drawing, through ``show``) changes."""

    DEFAULT_CSS = """
    ChartView { height: 12; width: 1fr; }
    """

    def __init__(self, draw: Draw | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._draw = draw
        self._drawn: tuple[int, int, Content] | None = None

    def show(self, draw: Draw | None) -> None:
        """Draw something else (None: nothing)."""
        self._draw, self._drawn = draw, None
        self.refresh()

    def render(self) -> Content:
        width, height = self.content_region.width, self.content_region.height
        if self._draw is None or width < 10 or height < 3:
            return Content("")
        if self._drawn is None or self._drawn[:2] != (width, height):
            self._drawn = (width, height, rows_content(self._draw(width, height)))
        return self._drawn[2]
