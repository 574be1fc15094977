"""A keyboard-driven list of any length that reads only the rows it shows.

A ``DataTable`` of 100,000 rows takes seconds to fill and over 100 MiB (DESIGN §7); this list
asks its source for one page of rows at a time, keeps a few pages, and draws each visible line
with the Line API. One row is one line.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Generic, Protocol, TypeVar

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = TypeVar("Row")


class RowSource(Protocol[Row]):
    """What a VirtualList shows: a count, pages of rows, and how one row looks."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int) -> list[Row]: ...

    def render_row(self, row: Row, width: int) -> Content: ...


class VirtualList(ScrollView, Generic[Row], can_focus=True):
    """A scrolling list backed by a RowSource, with a cursor row."""

    DEFAULT_CSS = """
    VirtualList {
        height: 1fr;
        background: $surface;
    }
    VirtualList > .virtual-list--cursor {
        background: $block-cursor-blurred-background;
    }
    VirtualList:focus > .virtual-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    VirtualList > .virtual-list--empty {
        color: $text-muted;
        text-style: italic;
    }
    """
    COMPONENT_CLASSES = {"virtual-list--cursor", "virtual-list--empty"}
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=True),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, virtual_list: VirtualList[Any], index: int, row: Any) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index
            self.row = row

        @property
        def control(self) -> VirtualList[Any]:
            return self.virtual_list

    class Selected(Highlighted):
        """Enter on a row."""

    def __init__(
        self,
        source: RowSource[Row],
        *,
        page_size: int = 200,
        cached_pages: int = 8,
        empty_text: str = "Nothing here yet.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.source = source
        self.page_size = page_size
        self.cached_pages = cached_pages
        self.empty_text = empty_text
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._count = 0

    # -- data -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.reload()

    def reload(self, *, keep_cursor: bool = False) -> None:
        """Forget every cached page and re-read the count (after a write or a new filter)."""
        self._pages.clear()
        self._count = self.source.count()
        self.virtual_size = Size(self.size.width, self._count)
        cursor = min(self.cursor, max(self._count - 1, 0)) if keep_cursor else 0
        if not keep_cursor:
            self.scroll_to(y=0, animate=False)
        self.cursor = cursor
        self.refresh()

    @property
    def row_count(self) -> int:
        return self._count

    def row_at(self, index: int) -> Row | None:
        if not 0 <= index < self._count:
            return None
        page_number, offset = divmod(index, self.page_size)
        page = self._pages.get(page_number)
        if page is None:
            page = self.source.fetch(page_number * self.page_size, self.page_size)
            self._pages[page_number] = page
            while len(self._pages) > self.cached_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    @property
    def highlighted_row(self) -> Row | None:
        return self.row_at(self.cursor)

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self.get_visual_style()
        if self._count == 0:
            if y == 0:
                style = self.get_visual_style("virtual-list--empty")
                return Strip(Content(" " + self.empty_text).render_segments(style)).crop_extend(0, width, base.rich_style)
            return Strip.blank(width, base.rich_style)
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, base.rich_style)
        style = self.get_visual_style("virtual-list--cursor") if index == self.cursor else base
        content = self.source.render_row(row, width)
        strip = Strip(content.render_segments(style), content.cell_length)
        return strip.crop_extend(scroll_x, scroll_x + width, style.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self._count)

    # -- movement ---------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self._count - 1)) if self._count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh()
        if self._count:
            self.post_message(self.Highlighted(self, new, self.row_at(new)))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._count - 1

    def action_select(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Selected(self, self.cursor, row))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < self._count:
            if index == self.cursor:
                self.action_select()
            self.cursor = index
