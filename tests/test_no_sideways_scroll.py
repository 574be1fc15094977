"""Every screen and main dialog of the demo journal, at 80x24 and 120x40: nothing needs a horizontal
scrollbar, and the key bar's keys fit on its line (a key cut off the right edge is a key nobody sees).

The shots are the snapshot tests' (tests/demo_app.py), so a screen added there is checked here too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from demo_app import SHOTS, Shot, demo_app, make_demo_journal, show
from textual.widget import Widget

from goaljournal.ui.shared.widgets.footer import KeyBar

SIZES = ((80, 24), (120, 40))


@pytest.fixture(scope="session")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_journal(tmp_path_factory.mktemp("demo") / "demo.db")


def sideways(widget: Widget) -> str | None:
    """What is wrong with ``widget``'s width, or None when it fits."""
    if widget.show_horizontal_scrollbar and widget.styles.scrollbar_size_horizontal > 0:
        return f"{widget!r} shows a horizontal scrollbar ({widget.virtual_size.width} columns in {widget.size.width})"
    if isinstance(widget, KeyBar) and widget.virtual_size.width > widget.size.width:
        return f"the key bar needs {widget.virtual_size.width} columns and has {widget.size.width}"
    return None


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("shot", SHOTS, ids=lambda shot: shot.name)
async def test_nothing_scrolls_sideways(shot: Shot, size: tuple[int, int], demo_journal: Path, tmp_path: Path) -> None:
    app = demo_app(shutil.copy(demo_journal, tmp_path / "journal.db"))
    try:
        async with app.run_test(size=size) as pilot:
            await show(pilot, shot)
            problems = [
                problem
                for screen in app.screen_stack
                for widget in screen.walk_children(with_self=True)
                if isinstance(widget, Widget) and widget.display and (problem := sideways(widget))
            ]
    finally:
        app.store.close()
    assert problems == []


def test_the_check_sees_a_table_wider_than_the_screen(tmp_path: Path) -> None:
    """The check itself: a table wider than its screen is reported."""
    import asyncio

    from textual.app import App, ComposeResult
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
