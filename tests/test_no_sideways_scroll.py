"""Nothing needs a horizontal scrollbar, and the key bar's keys fit on its line (a key cut off the
right edge is a key nobody sees): ``sideways`` says what is wrong with a widget's width.

The snapshot tests (tests/test_snapshots.py) run it over every widget of every shot, at each of the
shot's sizes, in the same run as the picture; this file checks the check itself.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widget import Widget

from goaljournal.ui.shared.widgets.footer import KeyBar


def sideways(widget: Widget) -> str | None:
    """What is wrong with ``widget``'s width, or None when it fits."""
    if widget.show_horizontal_scrollbar and widget.styles.scrollbar_size_horizontal > 0:
        return f"{widget!r} shows a horizontal scrollbar ({widget.virtual_size.width} columns in {widget.size.width})"
    if isinstance(widget, KeyBar) and widget.virtual_size.width > widget.size.width:
        return f"the key bar needs {widget.virtual_size.width} columns and has {widget.size.width}"
    return None


def sideways_problems(app: App[None]) -> list[str]:
    """What scrolls sideways on any screen of ``app``'s stack (a dialog and the screens under it)."""
    return [
        problem
        for screen in app.screen_stack
        for widget in screen.walk_children(with_self=True)
        if isinstance(widget, Widget) and widget.display and (problem := sideways(widget))
    ]


def test_the_check_sees_a_table_wider_than_the_screen(tmp_path: Path) -> None:
    """The check itself: a table wider than its screen is reported."""
    import asyncio

    from textual.app import ComposeResult
    from textual.widgets import DataTable

    class Wide(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_column("x" * 200)
            table.add_row("y")

    async def run() -> list[str | None]:
        app = Wide()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return [sideways(widget) for widget in app.screen.walk_children(with_self=True) if isinstance(widget, Widget)]

    assert any(asyncio.run(run()))
