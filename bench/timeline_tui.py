"""How the timeline behaves on years of journal: first frame, paging, memory.

Builds (once, cached in bench/out/) a journal of 100,000 entries (cli_speed.py's journal,
built or reused through its own builder) plus 50 goals spread over its 14 years, each with
milestones, check-ins every few days, revisions and linked entries, all written through the
Store API. Then, in a fresh interpreter driving the real app with Pilot (headless, animations
off):

- the time to the first frame of the timeline: the app started straight on the timeline, and
  the switch to it from Today (key ``l``);
- the time per page: ``pagedown`` 50 times at month, year and week zoom, each timed from the key
  press until the app is idle again (the new page drawn);
- a jump to a date, a zoom change, a filter by goal, and opening an entry and coming back;
- how many timeline items were read from the journal for all of that, against its size;
- the peak RSS of that interpreter (VmHWM: its own peak, from its own /proc entry).

    python bench/timeline_tui.py [--entries N] [--goals N] [--pages N] [--rebuild]

A benchmark, not a test: it prints a Markdown table and writes it to bench/out/timeline_tui.md.
Targets: first frame < 1 s, a page < 50 ms, RSS < 150 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the repo's goaljournal, if it is not installed

from cli_speed import LAST_ENTRY, OUT, journal_for  # noqa: E402  (bench/ is this script's folder)

SEED = 20_261_125
TODAY = LAST_ENTRY.date()  # the journal's last day is the app's "today"
NOW = datetime.combine(TODAY, datetime.min.time()).replace(hour=19)
SIZE = (120, 36)
TARGETS = {"first frame": 1000.0, "page": 50.0, "rss": 150.0}

GOAL_SHAPES = (
    ("Pass the {s} certification exam", "certification", "study hours", "hours", 100),
    ("Give {n} talks on {s} at team meetings", "skill", "talks given", "talks", 6),
    ("Read {n} books on {s}", "education", "books read", "books", 12),
    ("Meet {n} people from the {s} community", "networking", "people met", "people", 10),
    ("Cut the {s} report time to one hour", "performance", "hours saved", "hours", 5),
    ("Mentor {n} junior engineers in {s}", "leadership", "people mentored", "people", 3),
    ("Save {n} EUR for a {s} course", "financial", "saved", "EUR", 2000),
    ("Leave by 6 pm {n} days a week", "work-life balance", "days out by 6", "days", 4),
)  # fmt: skip
SUBJECTS = ("PMP", "AWS", "data", "Kubernetes", "design", "Python", "SQL", "security", "cloud", "team", "ML", "Go")


def add_goals(store, count: int, first: date, last: date) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """``count`` goals between ``first`` and ``last``, with their milestones, check-ins, revisions
    and linked entries, through the Store API (inside the caller's transaction)."""
    rng = random.Random(SEED)
    made = {"goals": 0, "milestones": 0, "checkins": 0, "revisions": 0, "entries": 0}
    span_days = (last - first).days
    for number in range(count):
        shape = GOAL_SHAPES[number % len(GOAL_SHAPES)]
        start = first + timedelta(days=rng.randint(0, span_days - 120))
        deadline = start + timedelta(days=rng.randint(90, 720))
        title_template, category, metric, unit, target = shape
        goal_id = store.add_goal(
            title_template.format(s=rng.choice(SUBJECTS), n=target),
            category=category, metric=metric, unit=unit, baseline=0, target=target,
            start_date=start, deadline=deadline, status="active", confidence=rng.randint(2, 5),
        )  # fmt: skip
        made["goals"] += 1
        steps = rng.randint(4, 8)
        for step in range(1, steps + 1):
            due = start + (deadline - start) * step / (steps + 1)
            milestone_id = store.add_milestone(goal_id, f"Step {step} of {steps}", due=due)
            made["milestones"] += 1
            if due < TODAY and rng.random() < 0.8:
                store.set_milestone_done(milestone_id, min(TODAY, due + timedelta(days=rng.randint(-5, 5))))
        value, day = 0.0, start
        while day <= min(deadline, TODAY):
            value = min(float(target), value + rng.random() * target / 40)
            store.add_checkin(goal_id, round(value, 1), at=day, note="steady" if rng.random() < 0.2 else None)
            made["checkins"] += 1
            day += timedelta(days=rng.randint(2, 5))
        for _ in range(10):
            moment = datetime.combine(start + timedelta(days=rng.randint(0, (deadline - start).days)), datetime.min.time())
            store.add_entry(f"Worked on goal {goal_id}: {metric} @goal{goal_id}", at=min(moment, NOW), goal_ids=[goal_id])
            made["entries"] += 1
        for _ in range(rng.randint(1, 3)):
            moved = deadline + timedelta(days=rng.randint(14, 60))
            when = start + timedelta(days=rng.randint(1, max(1, (deadline - start).days - 1)))
            store.update_goal(goal_id, deadline=moved, reason="more time needed", at=datetime.combine(when, datetime.min.time()))
            deadline = moved
            made["revisions"] += 1
        if deadline < TODAY:
            store.update_goal(goal_id, status=rng.choice(("achieved", "achieved", "abandoned")), reason="closed",
                              at=datetime.combine(deadline, datetime.min.time()))  # fmt: skip
            made["revisions"] += 1
    return made


def journal(entries: int, goals: int, rebuild: bool) -> tuple[Path, str]:
    """The cached benchmark journal, built on cli_speed's journal of ``entries`` entries."""
    from goaljournal.store import Store

    path = OUT / f"timeline-{entries}-{goals}.db"
    stamp = path.with_suffix(".built")
    if path.exists() and not rebuild:
        return path, f"cached; {stamp.read_text().strip() if stamp.exists() else ''} (--rebuild builds it again)"
    journal_for(entries, rebuild)  # builds cli_speed's cached journal if it is not there yet
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(OUT / f"journal-{entries}.db", partial)
    os.chmod(partial, 0o600)
    print(f"adding {goals} goals to a copy of the {entries:,}-entry journal ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    with Store.open(partial, clock=lambda: NOW) as store:
        days = store.timeline_day_counts(kinds=["reflection"])
        first = date.fromisoformat(days[0][0])
        with store.transaction():
            made = add_goals(store, goals, first, TODAY)
    partial.replace(path)
    note = (
        f"{entries:,} entries from cli_speed.py, {first} to {TODAY}, plus "
        + ", ".join(f"{n:,} {what.replace('checkins', 'check-ins')}" for what, n in made.items())
        + f" added in {time.perf_counter() - started:.1f} s"
    )
    stamp.write_text(note + "\n")
    return path, note


# -- the measuring child ------------------------------------------------------------------------


def peak_rss_mib() -> float:
    """This process's own peak RSS: VmHWM belongs to the address space exec made, so unlike
    ru_maxrss it does not count the parent this process was forked from."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def drive(db: Path, pages: int) -> dict[str, object]:
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    started = time.perf_counter()
    from goaljournal.store import Store
    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.timeline.screen import TimelineScreen, TimelineView

    import_ms = (time.perf_counter() - started) * 1000

    read = {"items": 0, "queries": 0}
    original = Store.timeline_items

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        found = original(self, *args, **kwargs)
        read["items"] += len(found)
        read["queries"] += 1
        return found

    Store.timeline_items = counted  # type: ignore[method-assign]

    class StartOnTimeline(GoalJournalApp):
        DEFAULT_MODE = "timeline"
        CSS_PATH = str(Path(sys.modules[GoalJournalApp.__module__].__file__ or "").with_name("app.tcss"))

    results: dict[str, object] = {"import_ms": import_ms}
    store = Store.open(db, clock=lambda: NOW)
    size = store.counts()
    results["journal"] = {name: size[name] for name in ("entries", "goals", "milestones", "checkins", "revisions")}

    started, started_cpu = time.perf_counter(), time.process_time()
    app = StartOnTimeline(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results["cold_first_frame_ms"] = (time.perf_counter() - started) * 1000
        results["cold_first_frame_cpu_ms"] = (time.process_time() - started_cpu) * 1000
        assert isinstance(app.screen, TimelineScreen)
        view = app.screen.query_one(TimelineView)
        assert view.axis.row_count > 0

        async def timed(key: str) -> tuple[float, float]:
            """Wall and CPU milliseconds from pressing ``key`` until the app is idle again."""
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

        # The harness's own cost: a key nothing is bound to, pressed and waited for the same way.
        results["noop"] = [await timed("z") for _ in range(20)]
        for zoom_key, zoom in (("2", "month"), ("4", "year"), ("1", "week")):
            await timed(zoom_key)
            await timed("full_stop")
            results[f"pages_{zoom}"] = [await timed("pagedown") for _ in range(pages)]
        await pilot.press("2", "colon", *"March 2013")
        results["jump"] = await timed("enter")
        results["zoom"] = await timed("minus")
        await pilot.press("f", "down", "down")
        results["filter_goal"] = await timed("enter")
        await pilot.press("escape")
        await pilot.pause()
        await timed("full_stop")
        await pilot.press("down", "down", "down")
        results["open_entry"] = await timed("enter")
        results["back"] = await timed("escape")
    store.close()

    store = Store.open(db, clock=lambda: NOW)
    started = time.perf_counter()
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results["today_ms"] = (time.perf_counter() - started) * 1000
        begun, begun_cpu = time.perf_counter(), time.process_time()
        await pilot.press("l")
        await pilot.pause()
        results["switch_first_frame_ms"] = (time.perf_counter() - begun) * 1000
        results["switch_first_frame_cpu_ms"] = (time.process_time() - begun_cpu) * 1000
        assert isinstance(app.screen, TimelineScreen)
    store.close()
    results["items_read"] = read["items"]
    results["item_queries"] = read["queries"]
    results["rss_mib"] = peak_rss_mib()
    return results


def child(db: Path, pages: int) -> int:
    import asyncio

    print(json.dumps(asyncio.run(drive(db, pages))))
    return 0


# -- the report ---------------------------------------------------------------------------------


def stats(samples: list[list[float]]) -> dict[str, float]:
    """Median wall, median CPU, 95th-percentile and maximum CPU of (wall, cpu) samples."""
    walls, cpus = sorted(w for w, _ in samples), sorted(c for _, c in samples)
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "cpu_p95": cpus[min(len(cpus) - 1, round(0.95 * (len(cpus) - 1)))],
        "cpu_max": cpus[-1],
        "wall_max": walls[-1],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="entries in the journal (default 100000)")
    parser.add_argument("--goals", type=int, default=50, help="goals added to it (default 50)")
    parser.add_argument("--pages", type=int, default=50, help="pages down at each zoom (default 50)")
    parser.add_argument("--rebuild", action="store_true", help="build the journals again even if they are cached")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.pages)
    if args.entries < 1 or args.goals < 1 or args.pages < 1:
        parser.error("--entries, --goals and --pages must be at least 1")

    db, how = journal(args.entries, args.goals, args.rebuild)
    work = OUT / f"timeline-{args.entries}-{args.goals}.work.db"
    for old in (work, Path(f"{work}-wal"), Path(f"{work}-shm")):
        old.unlink(missing_ok=True)
    shutil.copyfile(db, work)
    os.chmod(work, 0o600)
    print("driving the app ...", file=sys.stderr, flush=True)
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(work), "--pages", str(args.pages)], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        raise SystemExit(f"the measuring run failed:\n{done.stderr}")
    r = json.loads(done.stdout.strip().splitlines()[-1])

    floor = stats(r["noop"])
    pages = {zoom: stats(r[f"pages_{zoom}"]) for zoom in ("month", "year", "week")}
    worst_cpu = max(p["cpu_max"] for p in pages.values())
    worst_net = max(p["wall"] - floor["wall"] for p in pages.values())
    first = r["cold_first_frame_ms"]
    verdicts = {
        "first frame": max(first, r["switch_first_frame_ms"]) < TARGETS["first frame"],
        "page": worst_cpu < TARGETS["page"] and worst_net < TARGETS["page"],
        "rss": r["rss_mib"] < TARGETS["rss"],
    }
    size = r["journal"]
    total_items = size["entries"] + size["checkins"] + size["milestones"] + size["revisions"] + 2 * size["goals"]

    def action(label: str, key: str) -> str:
        wall, cpu = r[key]
        return f"| {label} | {wall:.0f} | {cpu:.1f} |"

    lines = [
        f"goaljournal timeline: {size['entries']:,} entries, {size['goals']} goals, {size['milestones']:,} milestones, "
        f"{size['checkins']:,} check-ins, {size['revisions']} revisions; {SIZE[0]}×{SIZE[1]} terminal "
        f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, {datetime.now():%Y-%m-%d})",
        "",
        "| first frame of the timeline | wall ms | CPU ms |",
        "| --- | ---: | ---: |",
        f"| app started straight on the timeline, to the axis drawn | {first:.0f} | {r['cold_first_frame_cpu_ms']:.0f} |",
        f"| `l` from Today (app already running), to the axis drawn | {r['switch_first_frame_ms']:.0f} | {r['switch_first_frame_cpu_ms']:.0f} |",
        f"| (importing the app, before either) | {r['import_ms']:.0f} | |",
        "",
        f"| {args.pages} × `pagedown` | median wall ms | median CPU ms | p95 CPU ms | max CPU ms | wall above the floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *(
            f"| {zoom} zoom | {p['wall']:.1f} | {p['cpu']:.1f} | {p['cpu_p95']:.1f} | {p['cpu_max']:.1f} | {p['wall'] - floor['wall']:.1f} |"
            for zoom, p in pages.items()
        ),
        f"| floor: a key bound to nothing (20 ×) | {floor['wall']:.1f} | {floor['cpu']:.1f} | {floor['cpu_p95']:.1f} | {floor['cpu_max']:.1f} | — |",
        "",
        "| one key | wall ms | CPU ms |",
        "| --- | ---: | ---: |",
        action("`enter` on \"March 2013\" typed after `:` (jump)", "jump"),
        action("`-` (zoom out)", "zoom"),
        action("`enter` on a goal in the filter (`f`)", "filter_goal"),
        action("`enter` on an entry (reader)", "open_entry"),
        action("`escape` back from it", "back"),
        "",
        f"Peak RSS: {r['rss_mib']:.1f} MiB. Timeline items read from the journal for all of the above: "
        f"{r['items_read']:,} in {r['item_queries']} queries ({r['items_read'] / total_items:.1%} of the "
        f"{total_items:,} on the axis).",
        "",
        "Targets: first frame < 1 s **{}** ({:.0f} ms started on the timeline, {:.0f} ms from Today); a page < 50 ms "
        "**{}** (slowest page {:.1f} ms of CPU; median wall time at most {:.1f} ms above the floor); RSS < 150 MiB "
        "**{}** ({:.1f} MiB).".format(
            "PASS" if verdicts["first frame"] else "FAIL", first, r["switch_first_frame_ms"],
            "PASS" if verdicts["page"] else "FAIL", worst_cpu, worst_net,
            "PASS" if verdicts["rss"] else "FAIL", r["rss_mib"],
        ),  # fmt: skip
        "",
        f"Journal: {how}.",
        "",
        "Each key is timed from the press until the app is idle again (Pilot's `pause`), so the new "
        "screen has been drawn. Wall time includes Pilot's way of deciding the app is idle: it sleeps "
        "in 20 ms steps until a step passes with under 1 ms of CPU, which puts a floor of several steps "
        "under any key (the floor row). CPU time is the work the key caused. TEXTUAL_ANIMATIONS=none.",
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    (OUT / "timeline_tui.md").write_text(table)
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
