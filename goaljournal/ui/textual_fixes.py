"""Guards around Textual 8.2.8 bugs that a user's keys can reach. Imported once, by the app.
Each was found by tests/test_random_keys.py and has a regression test there.

- ``OptionList._move_page``: page up / page down pressed before the list has been laid out (the
  command palette just opened, its commands still arriving) looks up a line map that is still
  empty and raises ``KeyError``, which closes the app.
- ``Screen.dismiss`` pops whatever screen is on top, not necessarily the one dismissed: a screen
  told to close twice by fast keys (escape queued behind enter), or the command palette closing
  after its command switched mode, popped the screen underneath, and popping a mode's last
  screen raises ``ScreenStackError``. A screen that is no longer on top now dismisses nothing.
- ``CommandPalette``: its search worker can deliver results after the palette was closed and its
  widgets removed; ``query_one(CommandList)`` then raises ``NoMatches``. Late results are dropped.
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import OptionList

_move_page = OptionList._move_page


def _move_page_when_laid_out(self: OptionList, direction: int) -> None:
    if (self.highlighted or 0) not in self._index_to_line or not self._lines:
        return  # not laid out yet: nothing to page through
    _move_page(self, direction)


OptionList._move_page = _move_page_when_laid_out  # type: ignore[method-assign]

_dismiss = Screen.dismiss


def _dismiss_if_on_top(self: Screen[Any], result: Any = None) -> AwaitComplete:
    if not self.is_active:
        return AwaitComplete.nothing()
    return _dismiss(self, result)


Screen.dismiss = _dismiss_if_on_top  # type: ignore[method-assign]

_refresh_command_list = CommandPalette._refresh_command_list
_watch_list_visible = CommandPalette._watch__list_visible


def _refresh_while_open(self: CommandPalette, command_list: Any, commands: Any, clear_current: bool) -> None:
    if not self.is_attached or not command_list.is_attached:
        return  # the palette closed while its search was still running
    _refresh_command_list(self, command_list, commands, clear_current)


def _watch_list_visible_while_open(self: CommandPalette) -> None:
    try:
        _watch_list_visible(self)
    except NoMatches:
        pass  # the palette's widgets are gone: it has closed


CommandPalette._refresh_command_list = _refresh_while_open  # type: ignore[method-assign]
CommandPalette._watch__list_visible = _watch_list_visible_while_open  # type: ignore[method-assign]
