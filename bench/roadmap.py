"""How long the timeline's roadmap takes to draw: the demo journal, and a journal of 200 goals.

    python bench/roadmap.py [--runs N]

At 80x24 and 200x50 it times reading the goals and their dated milestones (two queries), laying
the roadmap out (``core.roadmap``), and drawing the axis's two lines and the rows a screen shows as
Content and then as segments (``ui.timeline.roadmap``; the list draws only the rows on screen):
what ``m``, a resize or ``[``/``]`` cost before the terminal is written to; then every row, as a
list scrolled through would. Prints the median and the slowest of the runs, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from demo_app import NOW, make_demo_journal  # noqa: E402

from goaljournal.core import roadmap  # noqa: E402
from goaljournal.store import Store  # noqa: E402
from goaljournal.ui.timeline.roadmap import row_content  # noqa: E402

TODAY = NOW.date()
SCREEN_LINES = 7  # the title, two strips, the axis's two lines and the key bar


def many_goals(path: Path, count: int = 200) -> Path:
    """``count`` goals over six years around today, every fourth a stepping stone of the one before
    it, each with three milestones, a quarter of them without a deadline, some achieved."""
    with Store.open(path, clock=lambda: NOW) as store:
        parent = None
        for n in range(count):
            start = TODAY - timedelta(days=900) + timedelta(days=n * 9)
            deadline = None if n % 4 == 3 else start + timedelta(days=60 + n % 7 * 45)
            status = "achieved" if deadline is not None and deadline < TODAY and n % 3 == 0 else "active"
            goal = store.add_goal(
                f"Goal number {n}: a title long enough to be cut at 80 columns", start_date=start, deadline=deadline,
                baseline=0, target=10, status=status, parent_id=parent if n % 4 else None,
            )
            parent = goal if n % 4 == 0 else parent
            for m in range(3):
                store.add_milestone(goal, f"Step {m}", due=start + timedelta(days=20 * (m + 1)))
            store.add_checkin(goal, n % 11, at=min(start + timedelta(days=10), TODAY))
    return path


def draw(store: Store, width: int, height: int) -> tuple[float, float, float, float, int]:
    """Milliseconds to read, lay out and draw the roadmap at ``width``: a screen ``height`` lines
    high (the axis's two lines and the rows under the strips and the key bar), then every row; and
    how many rows it has."""
    started = time.perf_counter()
    goals, milestones = store.goals(), store.dated_milestones()
    read = time.perf_counter()
    first, last = roadmap.window(TODAY, "month", width)
    laid = roadmap.layout(goals, milestones, TODAY, first, last, width, zoom="month")
    laid_out = time.perf_counter()
    shown = height - SCREEN_LINES
    for row in [*laid.header, *laid.rows[:shown]]:
        list(row_content(laid, row).render_segments())
    screen = time.perf_counter()
    for row in laid.rows[shown:]:
        list(row_content(laid, row).render_segments())
    drawn = time.perf_counter()
    ms = [(b - a) * 1000 for a, b in ((started, read), (read, laid_out), (laid_out, screen), (laid_out, drawn))]
    return ms[0], ms[1], ms[2], ms[3], len(laid.rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    print(f"roadmap at month zoom, today {TODAY}; median (slowest) of {runs} runs, ms")
    print("| journal | screen | goals | read | layout | draw a screen | read + layout + screen | draw every row |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        journals = {
            "demo": make_demo_journal(Path(folder) / "demo.db"),
            "200 goals": many_goals(Path(folder) / "many.db"),
        }
        for name, path in journals.items():
            with Store.open(path, clock=lambda: NOW) as store:
                for width, height in ((80, 24), (200, 50)):
                    draw(store, width, height)  # warm-up: imports, the page cache
                    times = [draw(store, width, height) for _ in range(runs)]
                    columns = [[t[i] for t in times] for i in range(4)]
                    columns.insert(3, [t[0] + t[1] + t[2] for t in times])
                    cells = " | ".join(f"{statistics.median(c):.1f} ({max(c):.1f})" for c in columns)
                    print(f"| {name} | {width}x{height} | {times[0][4]} | {cells} |")

if __name__ == "__main__":
    main()
