"""A seeded monkey: 1,200 random key presses and pastes across every screen of the app on the demo
journal (more with GOALJOURNAL_ATTACK_SCALE: ``python bench/attacks.py``). Nothing may crash, and
the journal must pass its integrity check afterwards.

``Pilot.press`` settles after every key (about 70 ms); the monkey instead queues a burst of keys
the way a fast typist or a paste would (``send_keys``) and settles once per burst, so a thousand
keys take seconds, not minutes.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, attack_rounds
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.screen import Screen

from goaljournal.demo import fill_demo_journal
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

SEED = 20261125
PRESSES = attack_rounds(1_200)
BURST = 50
SCREEN_KEYS = ["t", "a", "g", "l", "r", "p", "question_mark"]
KEYS = [
    *SCREEN_KEYS, "n", "e", "enter", "escape", "escape", "tab", "shift+tab", "up", "down", "left", "right",
    "pageup", "pagedown", "home", "end", "space", "backspace", "delete", "d", "u", "s", "c", "h", "f", "o", "m",
    "b", "x", "S", "G", "T", "P", "slash", "colon", "full_stop", "minus", "plus", "left_square_bracket",
    "right_square_bracket", "0", "1", "2", "3", "4", "5", "ctrl+s", "ctrl+n", "ctrl+r", "f2", "shift+up",
    "shift+down", "ctrl+p", "w", "y", "z", "@", "*",
]  # fmt: skip
PASTES = [
    "[/]", "[/", "x [/ y", "[[nested] [brackets]]", "[$accent]x[/]", "[@click=app.quit]x[/]",
    "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;pwned\x07", "\x1b[31mred\x1b[0m", "\x07bell", "line one\nline two\r\nthree",
    "@tag @other", "2025-03-14", "Q3 2025", "within three months", "\udc80"[:0] + "\u202eevil", "\U0001f600 " * 20,
    "x" * 5000,
]  # fmt: skip


def key_event(key: str) -> events.Key:
    """A key event built exactly as ``App._press_keys`` builds it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def send_keys(pilot: Pilot, keys: Iterable[str | events.Paste], *, settle: bool = True) -> None:
    """Queue key presses (or pastes) without waiting after each one; settle once at the end."""
    app = pilot.app
    assert app._driver is not None
    for key in keys:
        event = key if isinstance(key, events.Paste) else key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    if settle:
        await pilot.pause()


async def test_a_thousand_random_keys_and_pastes_break_nothing(db_path: Path) -> None:
    chance = random.Random(SEED)
    with Store.open(db_path, clock=lambda: NOW) as store:
        fill_demo_journal(store, today=NOW.date())
        before = store.counts()
        app = GoalJournalApp(store, today=NOW.date())
        seen: set[str] = set()
        sent = 0
        async with app.run_test(size=(120, 36)) as pilot:
            while sent < PRESSES:
                burst: list[str | events.Paste] = []
                # Start most bursts on a screen key, so every screen gets its share.
                if chance.random() < 0.6:
                    opening = ["escape", "escape", chance.choice(SCREEN_KEYS)]
                    await send_keys(pilot, opening)
                    sent += len(opening)
                    seen.update(type(screen).__name__ for screen in app.screen_stack)
                while len(burst) < BURST:
                    if chance.random() < 0.05:
                        burst.append(events.Paste(chance.choice(PASTES)))
                    else:
                        burst.append(chance.choice(KEYS))
                await send_keys(pilot, burst)
                sent += len(burst)
                # A screen under a dialog (the help, the welcome, a form) had the keys before it opened.
                seen.update(type(screen).__name__ for screen in app.screen_stack)
                assert app.is_running
            await pilot.pause()
        assert app.return_code in (None, 0)
        assert store.check() == []
        after = store.counts()
    assert {"TodayScreen", "AssessScreen", "GoalsScreen", "TimelineScreen", "ReflectionsScreen", "PeopleScreen"} <= seen
    # Goals may be added or trashed, never lost outright: deletes are soft. (Entries could be
    # purged on purpose, P twice in the trash, so only goals are counted.)
    assert after["goals"] >= before["goals"] and after["assessments"] >= before["assessments"]
    assert sent >= PRESSES


async def test_page_keys_in_a_command_palette_just_opened_do_not_crash(store: Store) -> None:
    """Regression: Textual's OptionList paged through a list not yet laid out (KeyError)."""
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 36)) as pilot:
        await send_keys(pilot, ["ctrl+p", "pagedown", "pageup", "pagedown"])
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")


@pytest.mark.parametrize("then", [[], ["p"]], ids=["same screen", "another mode"])
async def test_ctrl_p_over_a_command_palette_covered_by_a_late_screen_opens_one_palette(store: Store, then: list[str]) -> None:
    """Regression: enter on the goal table, then ctrl+p, typed fast: the table's RowSelected was
    handled after the palette opened, so the goal's detail screen covered the palette. Textual's
    ``CommandPalette.is_open`` looks only at the current screen, so the next ctrl+p (there, or in
    another mode) pushed a second palette with the same id: DuplicateIds, and the app closed."""
    from textual.command import CommandPalette
    from textual.widgets import DataTable

    fill_demo_journal(store, today=NOW.date())
    app = GoalJournalApp(store, today=NOW.date())

    def palettes() -> list[Screen[Any]]:
        return [screen for stack in app._screen_stacks.values() for screen in stack if isinstance(screen, CommandPalette)]

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("g")
        await pilot.press("ctrl+p")
        covered = app.screen
        assert isinstance(covered, CommandPalette)
        app.screen_stack[-2].query_one("#goal-table", DataTable).action_select_cursor()  # the late enter
        await pilot.pause()
        assert [type(screen).__name__ for screen in app.screen_stack] == ["GoalsScreen", "CommandPalette", "GoalDetailScreen"]
        await send_keys(pilot, [*then, "ctrl+p"])
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, CommandPalette) and palettes() == [app.screen] and app.screen is not covered
        await pilot.press("escape")
        assert palettes() == []
        await pilot.press("g", "escape")
        assert app.is_running and [type(screen).__name__ for screen in app.screen_stack] == ["GoalsScreen"]


async def test_ctrl_p_while_the_command_palette_is_still_closing_does_nothing(store: Store) -> None:
    """Regression: a dismissed palette keeps its id until it has been removed; ctrl+p in between
    pushed a second palette with the same id (DuplicateIds), closing the app."""
    from textual.command import CommandPalette

    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        closing = app.screen
        assert isinstance(closing, CommandPalette)
        closing.dismiss()
        assert closing not in app.screen_stack and closing.is_attached  # popped, not yet removed
        await app.run_action("app.command_palette")
        await pilot.pause()
        assert app.is_running and [type(screen).__name__ for screen in app.screen_stack] == ["TodayScreen"]


async def test_a_screen_told_to_close_twice_closes_only_itself(store: Store) -> None:
    """Regression: Screen.dismiss popped whatever was on top, so a second dismiss (fast keys)
    popped the screen underneath, or raised ScreenStackError on a mode's last screen."""
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert type(help_screen).__name__ == "HelpScreen"
        help_screen.dismiss()
        help_screen.dismiss()
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "TodayScreen"
        assert len(app.screen_stack) == 1


async def test_command_palette_results_arriving_after_it_closed_are_dropped(store: Store) -> None:
    """Regression: the palette's search worker delivered results after the palette was closed,
    and its query for the (removed) command list raised NoMatches, closing the app."""
    from textual.command import CommandList, CommandPalette

    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        command_list = palette.query_one(CommandList)
        await pilot.press("escape")
        await pilot.pause()
        assert not palette.is_attached
        palette._refresh_command_list(command_list, [], True)
        palette._watch__list_visible()
        await palette._watch__show_busy()  # a slow search's busy indicator, shown late
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "TodayScreen"
