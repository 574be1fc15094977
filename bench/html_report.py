"""The HTML report on the demo journal: how long it takes, how big it is, and how it looks.

Builds the demo journal (``goaljournal.demo``, a year ending 2026-11-25) in bench/out/, adds six
weeks of mood and energy (the demo records none, and the page draws them), then for the month,
quarter and year holding that day:

- times ``goaljournal report --format html -o FILE`` as a fresh process (the median of N runs
  after one to warm up, import and journal opening included) and the page's building alone,
  in this process;
- checks the page: an ``<svg`` per chart, no ``<script``, no ``src=``/``href=``/``url(``;
- if ``chromium`` is on PATH, renders the quarter's page headless to a PNG and a PDF
  (``--png``/``--pdf`` choose where; by default bench/out/).

    python bench/html_report.py [--runs N] [--png FILE] [--pdf FILE]

A benchmark, not a test: it prints a Markdown table and writes it to bench/out/html_report.md.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent))  # the repo's goaljournal, if it is not installed

from goaljournal import exports  # noqa: E402
from goaljournal.demo import fill_demo_journal  # noqa: E402
from goaljournal.store import Store  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30)
TODAY = NOW.date()
SEED = 20_261_125
PERIODS = ("month", "quarter", "year")
# Anything that would make the page load something: it must have none.
FETCHES = re.compile(r"<script|\bsrc\s*=|\bhref\s*=|url\(|@import", re.I)


def build_journal(path: Path) -> None:
    path.unlink(missing_ok=True)
    with Store.open(path, clock=lambda: NOW) as store:
        fill_demo_journal(store, TODAY)
        # A drifting mood and energy on most days, as people record them, rather than noise.
        pick, mood, energy = random.Random(SEED), 3, 3
        for back in range(41, -1, -1):
            mood = min(5, max(1, mood + pick.choice((-1, 0, 0, 1))))
            energy = min(5, max(1, energy + pick.choice((-1, 0, 0, 1))))
            if pick.random() < 0.8:
                store.set_day_scores(TODAY - timedelta(days=back), mood=mood, energy=energy)


def time_cli(journal: Path, period: str, out: Path, runs: int) -> float:
    # Bytecode cached as an installed copy has it (a shell may say not to write it), warmed once.
    env = {**os.environ, "GOALJOURNAL_NOW": NOW.isoformat(), "PYTHONPATH": str(HERE.parent)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "goaljournal", "--db", str(journal), "report", "--format", "html",
               "--period", period, "--at", TODAY.isoformat(), "-o", str(out)]  # fmt: skip
    subprocess.run(command, env=env, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_build(journal: Path, period: str, runs: int) -> tuple[float, str]:
    times, page = [], ""
    with Store.open(journal, clock=lambda: NOW) as store:
        for _ in range(runs):
            started = time.perf_counter()
            page = exports.report_html(store, period, TODAY)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), page


def render(page: Path, png: Path, pdf: Path) -> list[str]:
    """The page in headless Chromium, as a PNG and a PDF; what happened, a line each."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return ["chromium is not on PATH (Debian: apt-get install chromium): no PNG or PDF"]
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    said = []
    for args, target in (([f"--screenshot={png}", "--window-size=1200,3000"], png), ([f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], pdf)):
        target.unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run([*base, *args, page.resolve().as_uri()], capture_output=True, timeout=120, check=False)
        took = time.perf_counter() - started
        size = f"{target.stat().st_size / 1024:.0f} KiB" if target.exists() else "NOT WRITTEN"
        said.append(f"{target}: {size}, {took:.1f} s")
    return said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--png", type=Path, default=OUT / "html_report.png")
    parser.add_argument("--pdf", type=Path, default=OUT / "html_report.pdf")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    journal = OUT / "html-report-demo.db"
    started = time.perf_counter()
    build_journal(journal)
    built = time.perf_counter() - started
    rows = ["| period | `report --format html -o` median ms | page built median ms | page KiB | charts (`<svg`) | fetches or scripts |",
            "| --- | ---: | ---: | ---: | ---: | --- |"]  # fmt: skip
    for period in PERIODS:
        out = OUT / f"html_report-{period}.html"
        cli_ms = time_cli(journal, period, out, args.runs)
        build_ms, page = time_build(journal, period, args.runs)
        assert out.read_text(encoding="utf-8") == page, "the command wrote another page than the one built here"
        found = sorted({m.group().lower() for m in FETCHES.finditer(page)})
        rows.append(f"| {period} | {cli_ms:.0f} | {build_ms:.0f} | {len(page.encode()) / 1024:.0f} | {page.count('<svg')} | {', '.join(found) or 'none'} |")
    rendered = render(OUT / "html_report-quarter.html", args.png, args.pdf)
    text = "\n".join([
        f"The demo journal (a year to {TODAY}, six weeks of mood and energy added), built in {built:.1f} s;",
        f"median of {args.runs} runs each, Python {sys.version.split()[0]}.", "", *rows, "",
        "Chromium, the quarter's page:", "", *(f"- {line}" for line in rendered), "",
    ])  # fmt: skip
    print(text)
    (OUT / "html_report.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
