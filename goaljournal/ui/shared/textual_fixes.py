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
  widgets removed; ``query_one(CommandList)`` (or the busy indicator's ``LoadingIndicator``, when
  the search outlasted its busy delay) then raises ``NoMatches``. Late results are dropped.
- ``App.action_command_palette``: a screen pushed by a late message (the goal table's enter,
  handled after a fast ctrl+p) can cover the open palette, and a mode switch leaves it on that
  mode's stack. ``CommandPalette.is_open`` looks only at the current screen, so the next ctrl+p
  pushed a second palette with the same id: ``DuplicateIds``, which closes the app. A palette the
  user can no longer see is now closed before the new one opens; one still closing makes ctrl+p
  do nothing.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
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


_watch_show_busy = CommandPalette._watch__show_busy


async def _watch_show_busy_while_open(self: CommandPalette) -> None:
    try:
        await _watch_show_busy(self)
    except NoMatches:
        pass  # the palette's widgets are gone: it has closed


CommandPalette._refresh_command_list = _refresh_while_open  # type: ignore[method-assign]
CommandPalette._watch__show_busy = _watch_show_busy_while_open  # type: ignore[method-assign]
CommandPalette._watch__list_visible = _watch_list_visible_while_open  # type: ignore[method-assign]

_action_command_palette = App.action_command_palette


async def _command_palette_only_one(self: App[Any]) -> None:
    if CommandPalette.is_open(self):
        return
    for hidden in [node for node in self._nodes if isinstance(node, CommandPalette)]:
        stacks = [stack for stack in self._screen_stacks.values() if hidden in stack]
        if not stacks:
            return  # dismissed and still being removed: its id is taken until then
        for stack in stacks:
            stack.remove(hidden)  # covered by another screen, or left on another mode's stack
        await hidden.remove()
    _action_command_palette(self)


App.action_command_palette = _command_palette_only_one  # type: ignore[method-assign]
