"""The key bar at the foot of the screens: every key it shows is whole at 80 columns."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets._footer import FooterKey

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.widgets.footer import KeyBar

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize("keys", [(), ("r",), ("g",), ("l",), ("p",), ("a",)], ids=["today", "reflections", "goals", "timeline", "people", "assess"])
async def test_at_80_columns_the_bar_is_compact_and_nothing_is_drawn_over_its_keys(store: Store, screen_text, keys) -> None:  # type: ignore[no-untyped-def]
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        # The palette's key took the bar's right end and was drawn over the last key ("^ppalet te").
        assert "^p" not in bar and "palette" not in bar
        # However many keys the screen has, help (which lists the ones left out) and quit show.
        assert "q Quit" in bar and "? Help" in bar
        bar_widget = app.screen.query_one(KeyBar)
        assert bar_widget.virtual_size.width <= bar_widget.size.width


async def test_the_keys_that_do_not_fit_are_left_out_from_the_end(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    """On the goal list at 80 columns the first keys (the screen's most important) show and the
    last ones make way; widened, the bar shows them again."""
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        keys = list(bar.query(FooterKey))
        shown = [key.key for key in keys if key.display]
        hidden = [key.key for key in keys if not key.display]
        assert shown[0] == keys[0].key and hidden, "at 80 columns some of the goal list's keys make way"
        assert keys.index(next(key for key in keys if not key.display)) > 0
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        assert all(key.display for key in app.screen.query_one(KeyBar).query(FooterKey))


async def test_a_wide_terminal_keeps_the_palette_key(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        assert "^p palette" in bar and "q Quit" in bar
