"""How long the Trends screen takes to draw its heat map and its mood and energy chart.

On two journals: the demo, and a large one (built in a temporary folder through the Store API:
ten years of 40 goals with up to six check-ins a day, and a mood and energy on most days). For
each, at 80 and at 200 columns (the chart as tall as it is at 80x24 and at 200x50), the median
of several runs of:

- reading the year: ``activity_by_day`` and ``day_scores_between`` over the 53 weeks;
- the heat map: laid out, its streaks counted, drawn for the width and made into the Content
  the screen shows (what ChartView does on a resize);
- the chart: mood and energy as series, drawn for the width and height, made into Content.

    python bench/trends.py [--runs N]

A benchmark, not a test: it prints a Markdown table. Target: each draw well under 50 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo's goaljournal, if it is not installed

from goaljournal.core.heatmap import heat_map  # noqa: E402
from goaljournal.core.trends import heat_facts, score_rows, score_series, year_rows  # noqa: E402
from goaljournal.demo import fill_demo_journal  # noqa: E402
from goaljournal.store import Store  # noqa: E402
from goaljournal.ui.shared.widgets.chart import rows_content  # noqa: E402

SEED = 20_261_125
NOW = datetime(2026, 11, 25, 9, 30)
TODAY = NOW.date()
# (columns, the chart's rows) as the screen gives them at 80x24 and 200x50.
SIZES = ((80, 9), (200, 33))


def large_journal(path: Path, years: int = 10, goals: int = 40) -> Path:
    rng = random.Random(SEED)
    with Store.open(path, clock=lambda: NOW) as store, store.transaction():
        ids = [store.add_goal(f"Goal {n}", start_date=TODAY - timedelta(days=365 * years)) for n in range(goals)]
        for offset in range(365 * years, 0, -1):
            day = TODAY - timedelta(days=offset)
            for _ in range(rng.choice((0, 1, 2, 3, 6))):
                store.add_checkin(rng.choice(ids), rng.randint(1, 100), at=day)
            if rng.random() < 0.85:
                store.set_day_scores(day, mood=rng.randint(1, 5), energy=rng.randint(1, 5))
    return path


def demo_journal(path: Path) -> Path:
    with Store.open(path, clock=lambda: NOW) as store:
        fill_demo_journal(store, today=TODAY)
    return path


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(path: Path, runs: int) -> list[tuple[int, float, float, float]]:
    with Store.open(path, clock=lambda: NOW) as store:
        first = heat_map({}, TODAY).first

        def read() -> tuple[dict[date, int], list]:  # type: ignore[type-arg]
            return store.activity_by_day(first, TODAY), store.day_scores_between(first, TODAY)

        counts, scores = read()
        read_ms = median_ms(read, runs)
        rows = []
        for width, chart_rows in SIZES:

            def heat() -> object:
                drawn = heat_map(counts, TODAY)
                return rows_content(year_rows(drawn, heat_facts(drawn, TODAY), 0, width))

            def chart() -> object:
                return rows_content(score_rows(score_series(scores, first, TODAY), width, chart_rows))

            rows.append((width, read_ms, median_ms(heat, runs), median_ms(chart, runs)))
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        journals = {
            "demo": demo_journal(Path(folder) / "demo.db"),
            "large (10 years, 40 goals)": large_journal(Path(folder) / "large.db"),
        }
        print("| journal | columns | read the year (ms) | heat map (ms) | mood and energy (ms) |")
        print("|---|---:|---:|---:|---:|")
        for name, path in journals.items():
            for width, read_ms, heat_ms, chart_ms in measure(path, args.runs):
                print(f"| {name} | {width} | {read_ms:.1f} | {heat_ms:.1f} | {chart_ms:.1f} |")


if __name__ == "__main__":
    main()
