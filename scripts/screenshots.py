"""Regenerate screenshots/*.svg: every screen of the app on the demo journal.

    python scripts/screenshots.py

The demo data and the app's "today" are fixed, so the pictures only change when the app does.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from goaljournal.demo import fill_demo_journal  # noqa: E402
from goaljournal.store import Store  # noqa: E402
from goaljournal.ui.app import GoalJournalApp  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30)
SIZE = (120, 36)
# (file name, keys pressed from the previous shot)
SHOTS = [
    ("today", ()),
    ("reflections", ("r",)),
    # A search with its matches highlighted, the editor on a monthly review, then that entry in
    # the reader, rendered as Markdown (escape closes the unchanged editor; enter reads).
    ("reflections-search", ("slash", *"mentor", "enter")),
    ("reflections-editor", ("slash", "ctrl+u", *"october review", "enter", "e")),
    ("reflections-reader", ("escape", "enter")),
    ("goals", ("g",)),
    ("assess", ("a",)),
    # The September session at its skills step, then September against May side by side.
    ("assess-session", ("enter", "right", "right")),
    ("assess-compare", ("escape", "c")),
    ("timeline", ("l",)),
    ("help", ("question_mark",)),
    # The timeline a zoom level out, then the story of the goal checked in on yesterday.
    ("timeline-quarter", ("escape", "minus")),
    ("timeline-goal-story", ("down", "s")),
    # The long-term career goal with its stepping stones; the course goal's check-ins, one
    # highlighted to correct; the weekly reports goal with its weeks met and missed.
    ("goal-detail", ("g", "down", "down", "down", "down", "enter")),
    ("goal-detail-checkins", ("escape", "up", "up", "up", "up", "enter", "c", "down")),
    ("goal-detail-cadence", ("escape", "down", "down", "down", "enter")),
    # Then a goal drafted as in DESIGN §3 (tabs pass Counted and the deadline the sentence filled).
    ("goal-draft", (
        "escape", "n", *"Connect with five HR leaders over the next quarter", "tab", "enter", *"net", "enter",
        "tab", "tab", *"people met", "tab", *"people", "tab", "0", "tab", "5", "tab", "tab", "tab",
        *"grow my network outside the company", "tab", "3",
        "ctrl+n", *"Join the regional SHRM chapter", "enter", *"Dec 15", "enter",
        "ctrl+n", *"Meet the first two leaders", "enter", *"end of January", "enter",
    )),  # fmt: skip
    # The exports and reports in the command palette (the draft above cancelled first).
    ("palette-exports", ("escape", "escape", "ctrl+p", *"export")),
    # An entry moved to the trash, and the trash asking before P deletes it for good.
    ("reflections-trash", ("escape", "escape", "r", "escape", "d", "T", "P")),
    # The people list, then the mentor's page (f filters the list to mentors; enter opens the first).
    ("people", ("escape", "escape", "p")),
    ("person-mentor", ("f", "enter")),
    # Today: a check-in far outside the course goal's range asks before it is saved, then the
    # "Needs a decision" list chosen with shift+tab.
    ("today-did-you-mean", ("escape", "escape", "t", "tab", *"900", "enter")),
    ("today-decisions", ("n", "shift+tab", "shift+tab")),
]


async def take(folder: Path, out: Path) -> list[Path]:
    store = Store.open(folder / "demo.db", clock=lambda: NOW)
    fill_demo_journal(store, today=NOW.date())
    app = GoalJournalApp(store, today=NOW.date())
    written = []
    async with app.run_test(size=SIZE) as pilot:
        for name, keys in SHOTS:
            await pilot.press(*keys)
            await pilot.pause()
            path = out / f"{name}.svg"
            app.save_screenshot(str(path))
            written.append(path)
        await pilot.press("escape", "q")
    store.close()
    return written


def main() -> None:
    out = REPO / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for path in asyncio.run(take(Path(folder), out)):
            print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
