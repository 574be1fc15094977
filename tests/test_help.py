"""The help lists the keys the screens bind: read from their BINDINGS, so it follows them."""

from __future__ import annotations

import pytest
from conftest import NOW
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Markdown

from goaljournal.store import Store
from goaljournal.ui.app import HELP, HELP_PLACES, GoalJournalApp, help_places
from goaljournal.ui.help import DETAILS, HelpScreen, bound_actions, help_markdown, key_text


class Somewhere(Screen[None]):
    BINDINGS = [
        Binding("w", "wave", "Wave"),
        Binding("ctrl+k,delete", "keep", "Keep"),
        *(Binding(str(n), f"pick({n})", "Pick" if n == 1 else "", show=n == 1) for n in range(1, 6)),
        Binding("0", "pick(0)", "Clear", show=False),
        Binding("question_mark", "explain", "Explain|more"),
    ]


def test_a_screens_bindings_are_its_rows_in_the_help() -> None:
    text = help_markdown([("somewhere", [Somewhere])], here=["somewhere"])
    assert "| `w` | Wave |" in text
    assert "| `ctrl+k` `delete` | Keep |" in text
    assert "| `1`–`5` `0` | Pick / Clear |" in text
    assert "| `?` | Explain\\|more |" in text  # a label's | is not a column


def test_another_screens_keys_are_one_line_with_their_short_labels() -> None:
    text = help_markdown([("somewhere", [Somewhere])])
    assert "| somewhere | `w` Wave · `ctrl+k` `delete` Keep · `1`–`5` `0` Pick / Clear · `?` Explain\\|more |" in text


def test_the_keys_of_everywhere_say_where_they_work() -> None:
    text = help_markdown([("anywhere", [Somewhere]), ("a form or dialog", [Somewhere])])
    assert "| `w` | Wave |" in text and "| `w` | *a form or dialog*: Wave |" in text


def test_a_key_rebound_changes_the_help() -> None:
    class Elsewhere(Somewhere):
        BINDINGS = [Binding("v", "wave", "Wave")]

    text = help_markdown([("somewhere", [Elsewhere])], here=["somewhere"])
    assert "| `v` | Wave |" in text and "| `w` |" not in text


def test_every_detail_says_more_about_a_bound_action() -> None:
    """A detail left behind by a renamed or removed action fails here, not silently in the help."""
    assert set(DETAILS) - bound_actions(help_places()) == set()


def test_every_screen_of_the_app_has_its_keys_in_the_help() -> None:
    from goaljournal.ui.app import SCREENS, feature

    listed = {cls for _, classes in help_places() for cls in classes}
    assert {feature(where) for _, _, _, where, _ in SCREENS} <= listed
    assert len(HELP_PLACES) == len({where for where, _ in HELP_PLACES})


def test_keys_are_written_as_people_read_them() -> None:
    assert [key_text(key) for key in ("question_mark", "ctrl+s", "shift+up", "enter", "left_square_bracket")] == [
        "?", "ctrl+s", "shift+↑", "enter", "["]  # fmt: skip


async def test_question_mark_shows_the_keys_of_every_screen(store: Store, screen_text) -> None:  # type: ignore[no-untyped-def]
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # Nothing needs a decision in a new journal: the decisions' keys are not this screen's.
        assert app.screen.query_one(Markdown).source == help_markdown(help_places(), here=["today"])
        text = screen_text(app)
        assert "Jump to the reflection box" in text
        pages = []
        for _ in range(10):  # page down to the person's keys
            pages.append(screen_text(app))
            await pilot.press("pagedown")
            await pilot.pause()
        assert any("Today: what is due, check in on goals, reflect" in page for page in pages)
        assert any("a person" in page for page in pages) and "`F` Feedback" in app.screen.query_one(Markdown).source


@pytest.mark.parametrize(
    ("keys", "here", "first"),
    [
        ((), "today", "Jump to the reflection box"),
        (("shift+tab",), "today, a decision", "Put it away for 7 days"),
        (("g",), "goals", "Draft a new goal"),
        (("g", "enter", "m"), "a goal, a goal's milestones", "Go to its milestones"),
        (("p",), "people", "Search name, role, organisation"),
    ],
    ids=["today", "a decision", "goals", "a goal", "people"],
)
async def test_the_help_starts_with_the_keys_of_the_screen_it_was_opened_on(
    store: Store, screen_text, keys: tuple[str, ...], here: str, first: str  # type: ignore[no-untyped-def]
) -> None:
    store.add_goal("Read 12 books", status="active", deadline="2026-11-01")  # past its deadline: a decision
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        source = app.screen.query_one(Markdown).source
        assert source.index(f"## This screen: {here}") < source.index(first) < source.index("## Everywhere")
        top = screen_text(app)  # the first screenful starts with them
        assert f"This screen: {here}" in top and (first in top or "," in here)


async def test_the_help_of_a_screen_without_keys_of_its_own_starts_with_those_of_everywhere(store: Store) -> None:
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(HelpScreen(help_places()))
        await pilot.pause()
        source = app.screen.query_one(Markdown).source
        assert "## This screen" not in source and source.index("## Everywhere") < source.index("## Other screens")


def test_the_help_is_compact() -> None:
    """A reference card, not a row per key of every screen: the other screens are a line each."""
    keys = HELP[: HELP.index("## SMART goals")]
    assert len([line for line in keys.splitlines() if line.startswith("| ")]) <= 40
