"""Every screen and the main dialogs, on the demo journal, at 80x24, 120x40 and 200x50, against the
pictures in tests/__snapshots__/test_snapshots/.

A change meant to alter the screens: run this file, look at the differences it reports
(snapshot_report.html), then accept them with ``pytest tests/test_snapshots.py --snapshot-update``.
The shots (the keys that reach each screen) are shared with scripts/screenshots.py (tests/demo_app.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from demo_app import SHOTS, Shot, demo_app, make_demo_journal, show
from test_no_sideways_scroll import sideways_problems
from textual.pilot import Pilot


@pytest.fixture(scope="session")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo journal, written once per test process; each shot works on a copy."""
    return make_demo_journal(tmp_path_factory.mktemp("demo") / "demo.db")


@pytest.mark.parametrize(
    ("shot", "size"),
    [pytest.param(shot, size, id=f"{shot.name}-{size[0]}x{size[1]}") for shot in SHOTS for size in shot.sizes],
)
def test_screen(shot: Shot, size: tuple[int, int], demo_journal: Path, tmp_path: Path, snap_compare: Callable[..., bool]) -> None:
    """The shot's picture, and (in the same run, to save starting the app twice) nothing on it
    scrolls sideways and the key bar fits."""
    journal = shutil.copy(demo_journal, tmp_path / "journal.db")
    app = demo_app(journal)
    problems: list[str] = []

    async def run_before(pilot: Pilot[None]) -> None:
        await show(pilot, shot)
        problems.extend(sideways_problems(pilot.app))

    try:
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        app.store.close()
    assert problems == []


def test_the_template_picker(demo_journal: Path, tmp_path: Path, snap_compare: Callable[..., bool]) -> None:
    """A new entry's ctrl+t, the second template highlighted: one size, as the picker is one dialog."""
    journal = shutil.copy(demo_journal, tmp_path / "journal.db")
    app = demo_app(journal)
    picker = Shot("template-picker", "TemplatePicker", ("r", "n", "ctrl+t", "down"))
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=lambda pilot: show(pilot, picker))
    finally:
        app.store.close()


def test_every_screen_and_main_dialog_has_a_shot() -> None:
    shown = {shot.screen for shot in SHOTS}
    screens = {"TodayScreen", "GoalsScreen", "GoalDetailScreen", "GoalDraftScreen", "TimelineScreen", "ReflectionsScreen",
               "PeopleScreen", "PersonScreen", "AssessScreen", "AssessmentSession", "HelpScreen", "WelcomeScreen",
               "ReviewSession", "TrendsScreen"}  # fmt: skip
    dialogs = {"CheckinForm", "DoubtDialog", "ExtendDialog", "ConversationForm", "EntryEditor"}
    assert screens | dialogs <= shown
    assert len({shot.name for shot in SHOTS}) == len(SHOTS)


def test_today_on_this_day_chosen(demo_journal: Path, tmp_path: Path, snap_compare: Callable[..., bool]) -> None:
    """Today at 80x24 with "On this day" chosen (tab from the due list): one line, the rest a scroll away."""
    journal = shutil.copy(demo_journal, tmp_path / "journal.db")
    app = demo_app(journal)
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=lambda pilot: show(pilot, Shot("on-this-day", "TodayScreen", ("tab",))))
    finally:
        app.store.close()
