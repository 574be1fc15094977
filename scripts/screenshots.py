"""Regenerate screenshots/*.svg: every screen of the app on the demo journal.

    python scripts/screenshots.py            # every shot
    python scripts/screenshots.py roadmap    # only the shots named

The shots are the snapshot tests' (tests/demo_app.py): the same demo journal, the same "today"
and the same keys from a fresh start, so the pictures only change when the app does.
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

from demo_app import SHOTS, Shot, demo_app, make_demo_journal, show  # noqa: E402

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


def main() -> None:
    out = REPO / "screenshots"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        demo = make_demo_journal(Path(folder) / "demo.db")
        named = set(sys.argv[1:])
        unknown = named - {shot.name for shot in SHOTS}
        if unknown:
            sys.exit(f"no shot named {', '.join(sorted(unknown))}")
        for shot in SHOTS:
            if named and shot.name not in named:
                continue
            journal = shutil.copy(demo, Path(folder) / "journal.db")  # each shot on the untouched demo
            print(asyncio.run(take(shot, journal, out)).relative_to(REPO))


if __name__ == "__main__":
    main()
