"""How long the terminal charts take to draw, and what the drawing approach costs to import.

Draws, for the sizes a chart gets at 80x24 and 200x50 (and a whole 200x50 screen as the worst
case), with goaljournal's own braille renderer (``core.chart``): a goal's progress chart from a
year of daily check-ins with its pace line, projection and milestones; a counted goal's bars; the
heat map of a year. With ``--content`` also the step into Textual ``Content`` the screen shows.
If ``plotext`` is importable (``pip install plotext``) it draws the same line chart with plotext,
side by side. Then the import time of each approach, in fresh interpreters (``-X importtime``).

    python bench/charts.py [--runs N] [--content]

A benchmark, not a test: it prints a Markdown table. The target is every chart under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from goaljournal.core.goal_chart import chart_rows, goal_chart  # noqa: E402
from goaljournal.core.heatmap import heat_map, heat_map_rows  # noqa: E402
from goaljournal.core.models import CheckIn, Goal, Milestone  # noqa: E402

TODAY = date(2026, 11, 25)
# (what, width, height): the goal page's chart panel at 80x24 (given the panel) and at 200x50
# (under the detail), and a chart as big as a 200x50 screen.
SIZES = (("80x24 panel", 36, 12), ("200x50 panel", 118, 22), ("200x50 whole", 200, 50))


def year_goal() -> tuple[Goal, list[CheckIn], list[Milestone]]:
    start = TODAY - timedelta(days=365)
    goal = Goal(id=1, uuid="g", title="Study", status="active", baseline=0, target=500, start_date=start.isoformat(),
                deadline=(TODAY + timedelta(days=120)).isoformat(), created_at=start.isoformat())  # fmt: skip
    checkins = [CheckIn(id=n, uuid=str(n), goal_id=1, at=(start + timedelta(days=n)).isoformat(), value=n * 1.1 + (n % 7)) for n in range(365)]
    milestones = [Milestone(id=n, uuid=str(n), goal_id=1, title=f"step {n}", due_date=(start + timedelta(days=40 * n)).isoformat(),
                            done_at="x" if n < 8 else None) for n in range(12)]  # fmt: skip
    return goal, checkins, milestones


def cadence_goal() -> tuple[Goal, list[CheckIn]]:
    start = TODAY - timedelta(days=200)
    goal = Goal(id=2, uuid="c", title="Reports", status="active", target=5, cadence="week", start_date=start.isoformat())
    return goal, [CheckIn(id=n, uuid=str(n), goal_id=2, at=(start + timedelta(days=n)).isoformat(), value=1) for n in range(0, 200, 2)]


def best_ms(draw, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        draw()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), min(times)


def import_ms(module: str, after: str | None = None) -> float | None:
    """What importing ``module`` adds, in a fresh interpreter that has imported ``after`` first
    (the modules every screen has already): the sum of the self times ``-X importtime`` gives the
    modules imported for it; best of five. None when it is not installed."""
    best = None
    for _ in range(5):
        code = (f"import {after}; " if after else "") + f"import {module}"
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            return None
        rows = [row.split("|") for row in done.stderr.splitlines() if row.startswith("import time:") and "self" not in row]
        names = [row[2].strip() for row in rows]
        first = names.index(after) + 1 if after else 0
        micros = sum(int(row[0].split(":")[1]) for row in rows[first:])
        best = micros if best is None else min(best, micros)
    return best / 1000 if best is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--content", action="store_true", help="also time the rows' conversion to Textual Content")
    args = parser.parse_args()
    goal, checkins, milestones = year_goal()
    counted, counted_checkins = cadence_goal()
    activity = {TODAY - timedelta(days=n): n % 5 for n in range(371)}
    weekdays = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    rows_content = None
    if args.content:
        from goaljournal.ui.shared.widgets.chart import rows_content

    cases = []
    for label, width, height in SIZES:
        cases.append((f"goal chart, 365 check-ins, {label} ({width}×{height})",
                      lambda w=width, h=height: chart_rows(goal_chart(goal, checkins, milestones, TODAY), w, h)))  # fmt: skip
        cases.append((f"counted goal's bars, {label}", lambda w=width, h=height: chart_rows(goal_chart(counted, counted_checkins, [], TODAY), w, h)))
    cases.append(("heat map, 53 weeks", lambda: heat_map_rows(heat_map(activity, TODAY), weekdays)))
    if rows_content is not None:
        for label, width, height in SIZES:
            cases.append((f"goal chart as Content, {label}",
                          lambda w=width, h=height: rows_content(chart_rows(goal_chart(goal, checkins, milestones, TODAY), w, h))))  # fmt: skip
    try:
        import plotext
    except ImportError:
        plotext = None
    if plotext is not None:
        xs = list(range(365))
        ys = [n * 1.1 + (n % 7) for n in xs]

        def plotext_chart(width: int, height: int) -> str:
            plotext.clear_figure()
            plotext.plotsize(width, height)
            plotext.theme("clear")
            plotext.plot(xs, ys, marker="braille")
            plotext.plot([0, 485], [0, 500], marker="braille")
            plotext.vline(365)
            return plotext.build()

        for label, width, height in SIZES:
            cases.append((f"plotext, the same line chart, {label}", lambda w=width, h=height: plotext_chart(w, h)))

    print("| chart | median ms | min ms |\n| --- | ---: | ---: |")
    for label, draw in cases:
        draw()  # warm
        median, least = best_ms(draw, args.runs)
        print(f"| {label} | {median:.2f} | {least:.2f} |")
    print("\n| import, on top of what is already imported (fresh interpreter, best of 5) | ms |\n| --- | ---: |")
    base = "goaljournal.core.progress"  # every goal screen has it (and the store) already
    for module, after in (("goaljournal.core.chart", base), ("goaljournal.core.goal_chart", base), ("goaljournal.core.heatmap", base),
                          ("plotext", None), ("goaljournal.core.progress", None)):  # fmt: skip
        took = import_ms(module, after)
        where = f" after `{after}`" if after else " (all of it)"
        print(f"| `{module}`{where} | {'not installed' if took is None else f'{took:.1f}'} |")


if __name__ == "__main__":
    main()
