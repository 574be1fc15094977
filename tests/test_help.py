"""The help lists the keys the screens bind: read from their BINDINGS, so it follows them."""

from __future__ import annotations

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
    text = help_markdown([("somewhere", [Somewhere])])
    assert "| `w` | somewhere | Wave |" in text
    assert "| `ctrl+k` `delete` | somewhere | Keep |" in text
    assert "| `1`–`5` `0` | somewhere | Pick / Clear |" in text
    assert "| `?` | somewhere | Explain\\|more |" in text  # a label's | is not a column


def test_a_key_rebound_changes_the_help() -> None:
    class Elsewhere(Somewhere):
        BINDINGS = [Binding("v", "wave", "Wave")]

    text = help_markdown([("somewhere", [Elsewhere])])
    assert "| `v` | somewhere | Wave |" in text and "`w`" not in text


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
        assert app.screen.query_one(Markdown).source == HELP
        text = screen_text(app)
        assert "Today: what is due, check in on goals, reflect" in text
        pages = []
        for _ in range(20):  # page down to the person's keys
            pages.append(screen_text(app))
            await pilot.press("pagedown")
            await pilot.pause()
        assert any("File the conversation as feedback" in page for page in pages)
