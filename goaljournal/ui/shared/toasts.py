"""Where toasts go: never over the field the user types in next.

Toasts sit at the top right, under the title bar (app.tcss). When the focused widget reaches into
that corner (a search box, a check-in near the top), the screen takes the ``-toasts-low`` class and
they go to the bottom right instead, above the key bar. The place is chosen again when a toast is
shown and whenever the focus moves. Only the newest few toasts stay, so they never stack up over
the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ScreenStackError
from textual.geometry import Region
from textual.notifications import Notify

if TYPE_CHECKING:
    from textual.screen import Screen

MAX_TOASTS = 2
LOW = "-toasts-low"
# The share of the screen's width a toast may take (Toast's max-width in app.tcss).
TOAST_SHARE = 0.6


def toast_corner(screen_size: tuple[int, int], *, low: bool) -> Region:
    """Where toasts may reach: the right of the top half under the title bar, or the right of
    the bottom half above the key bar (generous: they stack, and a long one wraps)."""
    width, height = screen_size
    toast_width = max(1, int(width * TOAST_SHARE))
    half = max(1, height // 2 - 1)
    top = height - 1 - half if low else 1
    return Region(width - toast_width, top, toast_width, half)


def place_toasts(screen: Screen[Any]) -> None:
    """Put ``screen``'s toasts where they do not cover its focused widget."""
    focused = screen.focused
    low = False
    if focused is not None and focused.region:
        low = focused.region.overlaps(toast_corner(screen.size, low=False))
        if low and focused.region.overlaps(toast_corner(screen.size, low=True)):
            low = False  # a field as tall as the screen: it is covered somewhere either way
    screen.set_class(low, LOW)


class ToastPlacement(App[Any]):
    """The app's half of it: a new toast is placed, and the oldest past ``MAX_TOASTS`` dropped,
    before it is shown; a focus change moves the toasts out of the way."""

    def on_notify(self, event: Notify) -> None:
        # Runs before App's own handler adds the new notification and shows the toasts.
        try:
            place_toasts(self.screen)
        except ScreenStackError:
            pass  # no screen yet: the toast waits for one
        for old in list(self._notifications)[: max(0, len(self._notifications) - MAX_TOASTS + 1)]:
            self._unnotify(old, refresh=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self._notifications:
            # After the layout, so the newly focused widget's region is where it is drawn.
            self.call_after_refresh(self._place_toasts_again)

    def _place_toasts_again(self) -> None:
        try:
            place_toasts(self.screen)
        except ScreenStackError:
            pass
