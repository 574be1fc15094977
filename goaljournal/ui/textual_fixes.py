"""Guards around Textual 8.2.8 bugs that a user's keys can reach. Imported once, by the app.

- ``OptionList._move_page``: page up / page down pressed before the list has been laid out (the
  command palette just opened, its commands still arriving) looks up a line map that is still
  empty and raises ``KeyError``, which closes the app. Found by tests/test_random_keys.py.
"""

from __future__ import annotations

from textual.widgets import OptionList

_move_page = OptionList._move_page


def _move_page_when_laid_out(self: OptionList, direction: int) -> None:
    if (self.highlighted or 0) not in self._index_to_line or not self._lines:
        return  # not laid out yet: nothing to page through
    _move_page(self, direction)


OptionList._move_page = _move_page_when_laid_out  # type: ignore[method-assign]
