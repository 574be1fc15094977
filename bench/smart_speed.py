"""How fast the SMART analysis is, and what it adds to a keystroke in the goal drafting form.

    python bench/smart_speed.py [--runs N]

1. One analysis: ``smart_report`` on every sentence of the table in tests/test_smart.py and of
   the labelled sets in tests/smart_sentences/, each
   run N times (warm), alone and with a full set of structured fields: median, p99 and worst
   single call. The target: every analysis under 5 ms.
2. Cold start: importing goaljournal.core.smart in a fresh interpreter, and its first analysis
   (which imports pendulum, ~50 ms, once).
3. Typing: the drafting form driven by Pilot, 60 keystrokes into the goal field with the live
   SMART panel, then the same with the panel switched off. The difference is what the panel costs
   a keystroke (analysis, and redrawing what changed); ``update_smart`` is also timed alone.

This is a benchmark, not a test: it prints a Markdown table and writes it to
bench/out/smart_speed.md.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent))  # the repo's goaljournal, if it is not installed
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

TARGET_MS = 5.0
TODAY = date(2026, 11, 25)
TYPED = "Connect with five HR leaders in my industry over the next quarter"[:60]


OVERSIZED = ["within three " * 9000, "9" * 100_000]


def sentences() -> list[str]:
    """The goal sentences of the test table and of the labelled sets (the bench and the tests
    judge the same text)."""
    tests = HERE.parent / "tests"
    sys.path.insert(0, str(tests))  # the table's module imports the tests' conftest
    spec = importlib.util.spec_from_file_location("smart_table", tests / "test_smart.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    labelled = []
    for name in ("tune.tsv", "heldout.tsv"):
        rows = (tests / "smart_sentences" / name).read_text(encoding="utf-8").splitlines()[1:]
        labelled += [row.split("\t")[3] for row in rows if row.strip()]
    return [sentence for _, sentence, _, _ in module.TABLE] + labelled


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_analyses(texts: list[str], runs: int, *, with_fields: bool) -> dict[str, list[float]]:
    """Each sentence's N timings in ms; the collector is off meanwhile, as in timeit, so a
    collection pass started by other work does not land on one unlucky call."""
    from goaljournal.core.smart import GoalFields, smart_report

    fields = GoalFields(
        metric="people met", unit="people", baseline=0, target=5, deadline=date(2027, 3, 31),
        why="grow my network outside the company", confidence=4, active_goals=3,
    ) if with_fields else None  # fmt: skip
    for text in texts:  # warm: pendulum imported, regexes compiled
        smart_report(text, TODAY, fields=fields)
    timings: dict[str, list[float]] = {}
    gc.disable()
    try:
        for text in texts:
            runs_of_text = timings[text] = []
            for _ in range(runs):
                started = time.perf_counter()
                smart_report(text, TODAY, fields=fields)
                runs_of_text.append((time.perf_counter() - started) * 1000)
    finally:
        gc.enable()
    return timings


def cold_start() -> tuple[float, float]:
    """Milliseconds to import goaljournal.core.smart, and for its first analysis, in a fresh process."""
    code = (
        "import time\n"
        "t = time.perf_counter()\n"
        "import goaljournal.core.smart as s\n"
        "t1 = time.perf_counter()\n"
        "import datetime\n"
        "s.smart_report('Connect with five HR leaders over the next quarter', datetime.date(2026, 11, 25))\n"
        "t2 = time.perf_counter()\n"
        "print((t1 - t) * 1000, (t2 - t1) * 1000)\n"
    )
    imports, firsts = [], []
    for _ in range(7):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=HERE.parent)
        first_import, first_call = map(float, done.stdout.split())
        imports.append(first_import)
        firsts.append(first_call)
    return statistics.median(imports), statistics.median(firsts)


async def typing(with_panel: bool) -> tuple[float, list[float]]:
    """Milliseconds per keystroke typing TYPED into a new goal, and update_smart's own times."""
    from goaljournal.store import Store
    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.goals import draft as goal_draft

    original = goal_draft.GoalDraftScreen.update_smart
    own: list[float] = []

    def timed(screen: goal_draft.GoalDraftScreen) -> None:
        started = time.perf_counter()
        original(screen)
        own.append((time.perf_counter() - started) * 1000)

    goal_draft.GoalDraftScreen.update_smart = timed if with_panel else (lambda screen: None)  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as folder:
            store = Store.open(Path(folder) / "bench.db", clock=lambda: datetime(2026, 11, 25, 9, 30))
            app = GoalJournalApp(store, today=TODAY)
            async with app.run_test(size=(120, 36)) as pilot:
                await pilot.press("g")
                await pilot.pause()
                await pilot.press("n")
                await pilot.pause()
                own.clear()
                started = time.perf_counter()
                await pilot.press(*TYPED)
                elapsed = (time.perf_counter() - started) * 1000 / len(TYPED)
            store.close()
    finally:
        goal_draft.GoalDraftScreen.update_smart = original  # type: ignore[method-assign]
    return elapsed, own


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="analyses of each sentence (default 50)")
    args = parser.parse_args()

    texts = sentences()
    alone = time_analyses(texts, args.runs, with_fields=False)
    fielded = time_analyses(texts, args.runs, with_fields=True)
    import_ms, first_ms = cold_start()
    # Alternate the two typing runs, three of each: other work on the machine hits both alike.
    with_panel, without_panel, own = [], [], []
    for _ in range(3):
        per_key, times = asyncio.run(typing(True))
        with_panel.append(per_key)
        own += times
        without_panel.append(asyncio.run(typing(False))[0])
    # One analysis of a sentence takes its median time; the slowest sentence is what the target
    # is about. Single worst calls are listed too: on a shared machine they are mostly other work.
    slowest_text, slowest = max(((text, statistics.median(t)) for text, t in {**alone, **fielded}.items()), key=lambda pair: pair[1])
    # Pasted walls of text: the analysis reads only a goal's first characters, so these stay fast.
    oversized = time_analyses(OVERSIZED, 5, with_fields=False)
    every_alone = [value for values in alone.values() for value in values]
    every_fielded = [value for values in fielded.values() for value in values]

    def row(name: str, values: list[float]) -> str:
        return f"| {name} | {statistics.median(values):.3f} | {percentile(values, 0.99):.3f} | {max(values):.3f} |"

    lines = [
        f"SMART analysis on {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores; {len(texts)} sentences × {args.runs} runs each.",
        "",
        "| measure | median ms | p99 ms | worst single call ms |",
        "| --- | ---: | ---: | ---: |",
        row("`smart_report(sentence)`", every_alone),
        row("`smart_report(sentence, fields=...)`", every_fielded),
        row("`GoalDraftScreen.update_smart` (analysis, and redraws of what changed)", own),
        row("`smart_report` of a pasted 117,000- or 100,000-character text", [v for values in oversized.values() for v in values]),
        "",
        f"Slowest sentence (median of its runs): {slowest:.3f} ms, \"{slowest_text[:70]}\".",
        "",
        f"Cold start in a fresh interpreter (median of 7): importing goaljournal.core.smart {import_ms:.1f} ms; "
        f"its first analysis {first_ms:.1f} ms (pendulum is imported then, once).",
        "",
        f"Typing {len(TYPED)} keys into the drafting form with Pilot (median of 3 runs each): "
        f"{statistics.median(with_panel):.1f} ms a key with the live SMART panel, "
        f"{statistics.median(without_panel):.1f} ms without it; the panel adds "
        f"{statistics.median(with_panel) - statistics.median(without_panel):+.1f} ms a key. (Most of a "
        "Pilot keystroke is Pilot waiting for the app to be idle.)",
        "",
        f"Verdict: {'PASS' if slowest < TARGET_MS else 'FAIL'}, one analysis of the slowest sentence takes "
        f"{slowest:.2f} ms (target < {TARGET_MS:g} ms).",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    OUT.mkdir(exist_ok=True)
    (OUT / "smart_speed.md").write_text(report)
    return 0 if slowest < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
