"""The key bar at the foot of every screen, fitted to the terminal's width."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Under this many columns the keys sit closer together, so more of them show.
COMPACT_BELOW = 120
# Under this many, the palette's ^p (in the help, and in every terminal's muscle memory) leaves its
# place to the screen's own keys: beside a full bar it was drawn over the last key.
PALETTE_KEY_FROM = 100
# Always on the bar, whatever the width: the help lists every key the bar had no room for.
ALWAYS_SHOWN = frozenset({"help", "app.help", "quit", "app.quit"})


class KeyBar(Footer):
    """Textual's footer, compact on a narrow terminal, showing only the keys that fit whole.

    The screen's own keys come first (in the order of its BINDINGS, most important first) and the
    app's keys after them; what does not fit is hidden from the end, except help and quit, which
    always show: help lists every key, so a hidden key is one key press away.
    """

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        self.compact = width < COMPACT_BELOW
        palette = width >= PALETTE_KEY_FROM
        if palette != self.show_command_palette:
            self.show_command_palette = palette
            self.refresh(recompose=True)
        else:
            self.call_after_refresh(self.fit_keys)

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self.fit_keys)

    def fit_keys(self) -> None:
        """Hide the keys that would not fit on the line, from the end, keeping help and quit."""
        if not self.is_attached or not self.size.width:
            return
        docked = [child for child in self.children if child.has_class("-command-palette")]
        items = [child for child in self.children if not child.has_class("-command-palette")]
        room = self.size.width - sum(self._width_of(child) for child in docked)
        widths = [self._width_of(item) for item in items]
        kept = {index for index, item in enumerate(items) if _always_shown(item)}
        used = sum(widths[index] for index in kept)
        for index, width in enumerate(widths):
            if index in kept:
                continue
            if used + width > room:
                break
            kept.add(index)
            used += width
        for index, item in enumerate(items):
            # A group's label stays only with the keys just before it: alone it would describe nothing.
            label_alone = not isinstance(item, FooterKey) and index > 0 and (index - 1) not in kept
            item.display = index in kept and not label_alone

    def _width_of(self, widget: Widget) -> int:
        """The cells ``widget`` takes on the bar, margins included, whether or not it shows now."""
        # A key's width depends only on what it says and how compact the bar is; the bar is
        # rebuilt at every change of focus, so measuring each key once saves the first frame time.
        if isinstance(widget, FooterKey):
            key = (widget.key_display, widget.description, widget.compact, self.compact)
            if (known := _KEY_WIDTHS.get(key)) is not None:
                return known
        content = widget.get_content_width(Size(self.size.width, 1), self.app.size)
        margin = widget.styles.margin
        width = content + widget.styles.gutter.width + margin.left + margin.right
        if isinstance(widget, FooterKey):
            _KEY_WIDTHS[key] = width
        return width


_KEY_WIDTHS: dict[tuple[str, str, bool, bool], int] = {}


def _always_shown(item: Widget) -> bool:
    return isinstance(item, FooterKey) and item.action in ALWAYS_SHOWN
