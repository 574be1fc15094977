"""Regenerate screenshots/*.svg: every screen of the app on the demo journal.

    python scripts/screenshots.py            # every shot
    python scripts/screenshots.py roadmap    # only the shots named

The shots are the snapshot tests' (tests/demo_app.py): the same demo journal, the same "today"
and the same keys from a fresh start, so the pictures only change when the app does. One more,
``unlock``, is the passphrase screen an encrypted journal opens with, a passphrase half typed.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
# The pictures show what a new user sees, whatever this machine's own preferences (a theme) say.
os.environ["GOALJOURNAL_CONFIG"] = os.path.join(tempfile.gettempdir(), "goaljournal-screenshots-no-config.toml")

from demo_app import NOW, SHOTS, Shot, demo_app, make_demo_journal, show  # noqa: E402

SIZE = (120, 36)


async def take(shot: Shot, journal: Path, out: Path) -> Path:
    app = demo_app(journal)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await show(pilot, shot)
            path = out / f"{shot.name}.svg"
            app.save_screenshot(str(path))
    finally:
        app.store.close()
    return path


async def take_unlock(folder: Path, out: Path) -> Path:
    from goaljournal.store import Store, driver
    from goaljournal.ui.unlock import UnlockApp

    here = Path.cwd()
    os.chdir(folder)  # the journal named relative to it, so the picture shows no temporary folder
    try:
        journal = Path("journals/work.db")
        journal.parent.mkdir()
        Store.open(journal, clock=lambda: NOW, key=driver.derive_key("correct horse", driver.new_salt())).close()
        app = UnlockApp(journal, config=folder / "none.toml")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"correct ho")
            path = out / "unlock.svg"
            app.save_screenshot(str(path))
    finally:
        os.chdir(here)
    return path


def main() -> None:
    out = REPO / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        named = set(sys.argv[1:])
        unknown = named - {shot.name for shot in SHOTS} - {"unlock"}
        if unknown:
            sys.exit(f"no shot named {', '.join(sorted(unknown))}")
        if named - {"unlock"} or not named:
            demo = make_demo_journal(Path(folder) / "demo.db")
        for shot in SHOTS:
            if named and shot.name not in named:
                continue
            journal = shutil.copy(demo, Path(folder) / "journal.db")  # each shot on the untouched demo
            print(asyncio.run(take(shot, journal, out)).relative_to(REPO))
        if not named or "unlock" in named:
            print(asyncio.run(take_unlock(Path(folder), out)).relative_to(REPO))


if __name__ == "__main__":
    main()
