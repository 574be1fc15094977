"""The key bar at the foot of every screen, fitted to the terminal's width."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

# Under this many columns the keys sit closer together, so more of them show.
COMPACT_BELOW = 120
# Under this many, the palette's ^p (in the help, and in every terminal's muscle memory) leaves its
# place to the screen's own keys: beside a full bar it was drawn over the last key.
PALETTE_KEY_FROM = 100


class KeyBar(Footer):
    """Textual's footer, compact on a narrow terminal. The screen's own keys come first and the
    app's screen keys after them, so what a narrow bar cuts is what works everywhere."""

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        self.compact = width < COMPACT_BELOW
        palette = width >= PALETTE_KEY_FROM
        if palette != self.show_command_palette:
            self.show_command_palette = palette
            self.refresh(recompose=True)
