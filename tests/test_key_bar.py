"""The key bar at the foot of the screens: every key it shows is whole at 80 columns."""

from __future__ import annotations

from datetime import date

import pytest

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

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
        if not keys:  # Today's own keys are few: every screen's key shows, and quitting too
            assert "q Quit" in bar and "? Help" in bar


async def test_a_wide_terminal_keeps_the_palette_key(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        bar = screen_text(app).splitlines()[-1]
        assert "^p palette" in bar and "q Quit" in bar
