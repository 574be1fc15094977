"""First frame of every screen on the 100,000-entry journal, from process start; one tree or several.

For each screen (today, goals, timeline, reflections, people, assess), N fresh processes (default
5) each open the real app straight on that screen with Textual's Pilot (headless, 120×36,
animations off) on a fresh copy of bench/timeline_tui.py's journal (100,000 entries and 50 goals
with their milestones, check-ins and revisions; built through that script's own builder and
cached as bench/out/timeline-100000-50.db). Each process reports:

- the first frame: from the moment the measuring process spawned it to the last frame the app
  handed to the terminal driver before it was first idle (the screen complete), the frame turned
  into terminal text there as a real driver would (bench/jrnl_vs.py's ``--tui-first`` approach);
- the CPU time the process had used by then;
- how many ``goaljournal.ui`` modules were in ``sys.modules`` at that frame, of how many the tree
  has: the app imports a feature's package only when its screen is first shown;
- its peak RSS over its whole life (``os.wait4`` in bench/_measure.py, a tiny process, so that
  the measuring process's own memory is not counted in).

``--repo PATH`` (repeatable) names a checkout whose ``goaljournal`` is put first on the child's
``sys.path``, so the same script measures an older commit beside this one; the runs of all trees
are interleaved (run 1 of every screen on every tree, then run 2, ...) so that a change in the
machine's load falls on all of them alike. Every tree's package is byte-compiled first, and each
tree gets one uncounted warm-up run.

    python bench/first_frame.py [--repo PATH ...] [--runs N] [--screens S ...] [--entries N] [--goals N] [--rebuild]

A benchmark, not a test: it prints a Markdown table and writes it to bench/out/first_frame.md
(the runs themselves, with the ui modules each imported, to bench/out/first_frame.json).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREENS = {
    "today": "TodayScreen", "goals": "GoalsScreen", "timeline": "TimelineScreen",
    "reflections": "ReflectionsScreen", "people": "PeopleScreen", "assess": "AssessScreen",
}  # fmt: skip
SIZE = (120, 36)
UI = "goaljournal.ui"


# -- the measuring child: stdlib only until the tree's goaljournal is first on sys.path -----------


def ui_modules() -> list[str]:
    return sorted(name for name in list(sys.modules) if name == UI or name.startswith(UI + "."))


async def first_frame(screen: str, journal: Path, started: float, now: str) -> dict[str, object]:
    """Open the app straight on ``screen``; the first frame is the last one the app hands to the
    terminal driver before it is first idle, timed from ``started`` (when the parent spawned this
    process)."""
    from datetime import datetime

    import goaljournal
    from goaljournal.store import Store
    from goaljournal.ui.app import GoalJournalApp

    imported = time.time()
    frames: list[tuple[float, float, list[str]]] = []  # wall, CPU, the ui modules loaded

    class BenchApp(GoalJournalApp):
        DEFAULT_MODE = screen
        CSS_PATH = str(Path(sys.modules[GoalJournalApp.__module__].__file__ or "").with_name("app.tcss"))


        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(self.console)  # what a real terminal driver would write
                frames.append((time.time(), time.process_time(), ui_modules()))
            super()._display(screen, renderable)

    # The app opens on the user's default screen from its config file (a tree from before the
    # config file reads DEFAULT_MODE above instead).
    config = journal.with_name(f"first-frame-{screen}.toml")
    config.write_text(f'default_screen = "{screen}"\n', encoding="utf-8")
    os.environ["GOALJOURNAL_CONFIG"] = str(config)
    moment = datetime.fromisoformat(now)
    # An encrypted journal (bench/encryption.py) is opened as the command line opens it: the key
    # derived once from GOALJOURNAL_PASSPHRASE (timed on its own), then the store opened with it.
    key, unlock_s, unlock_cpu_s = None, 0.0, 0.0
    secret = os.environ.get("GOALJOURNAL_PASSPHRASE")
    if secret is not None:
        from goaljournal.store import driver, encryption

        if driver.is_encrypted(journal):
            began, began_cpu = time.perf_counter(), time.process_time()
            key = encryption.unlock(journal, secret)
            unlock_s, unlock_cpu_s = time.perf_counter() - began, time.process_time() - began_cpu
    # A tree from before encryption has no key argument.
    store = Store.open(journal, clock=lambda: moment, key=key) if key else Store.open(journal, clock=lambda: moment)
    app = BenchApp(store, today=moment.date())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = type(app.screen).__name__
    store.close()
    if not frames:
        raise SystemExit(f"{screen}: the app drew no frame")
    if shown != SCREENS[screen]:
        raise SystemExit(f"{screen}: the app showed {shown}, not {SCREENS[screen]}")
    wall, cpu, modules = frames[-1]
    return {
        "first_frame_s": wall - started, "cpu_s": cpu, "imported_s": imported - started, "frames": len(frames),
        "unlock_s": unlock_s, "unlock_cpu_s": unlock_cpu_s,
        "screen": shown, "ui_modules": len(modules), "ui_module_names": modules,
        "package": str(Path(goaljournal.__file__).resolve().parent),
    }  # fmt: skip


def child(repo: str, screen: str, journal: str, started: str, now: str) -> int:
    import asyncio

    sys.path.insert(0, repo)  # before anything imports goaljournal: this tree, not the installed one
    import goaljournal

    package = Path(goaljournal.__file__).resolve().parent
    if package != Path(repo).resolve() / "goaljournal":
        raise SystemExit(f"imported goaljournal from {package}, not from {repo}")
    print(json.dumps(asyncio.run(first_frame(screen, Path(journal), float(started), now))))
    return 0


# -- the parent -----------------------------------------------------------------------------------


def tree_label(repo: Path) -> str:
    import subprocess

    done = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no", "--", "goaljournal"],
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    commit = done.stdout.strip() or "?"
    return f"{repo.name} @ {commit}" + (" (modified)" if dirty else "")


def ui_module_count(repo: Path) -> int:
    """How many modules the tree's goaljournal.ui has (a package's __init__ is its module)."""
    return sum(1 for _ in (repo / "goaljournal" / "ui").rglob("*.py"))


def measure_fresh(argv: list[str], journal: Path, work: Path, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    """One fresh process through bench/_measure.py, on a fresh copy of ``journal`` (work/journal.db,
    its -wal and -shm removed first): the run, with the command's standard output."""
    import shlex
    import subprocess

    spec, stdout, stderr = work / "spec.json", work / "child.out", work / "child.err"
    work_db = work / "journal.db"
    spec.write_text(json.dumps({
        "argv": argv, "env": env, "runs": 1, "warmup": False,
        "copies": [[str(journal), str(work_db)]], "remove": [f"{work_db}-wal", f"{work_db}-shm"],
        "stdout": str(stdout), "stderr": str(stderr),
    }))  # fmt: skip
    done = subprocess.run([sys.executable, str(HERE / "_measure.py"), str(spec)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the measurer failed:\n{done.stderr}")
    run = json.loads(done.stdout)["runs"][0]
    if run["rc"] != 0:
        raise SystemExit(f"{shlex.join(argv)} exited {run['rc']}:\n{stderr.read_text()[-3000:]}")
    run["stdout"] = stdout.read_text(errors="replace")
    return run


def measure_once(argv: list[str], journal: Path, work: Path, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    """One fresh process through bench/_measure.py, on a fresh copy of ``journal``: the child's
    report (its last line), with the wall time and peak RSS."""
    run = measure_fresh(argv, journal, work, env)
    result = json.loads(run["stdout"].strip().splitlines()[-1])
    result.update(wall_s=run["wall_s"], rss_mib=run["rss_mib"])
    return result


def report(rows: list[dict], trees: list[dict], meta: dict) -> str:  # type: ignore[type-arg]
    import statistics

    compare = len(trees) > 1
    lines = [
        "# First frame of every screen, from process start",
        "",
        f"Run on {meta['started']} UTC with `{meta['command']}`: {meta['runs']} fresh process"
        f"{'es' if meta['runs'] > 1 else ''} per screen and tree, at {SIZE[0]}×{SIZE[1]}, animations off; "
        f"load average (1 min) {meta['load'][0]} at the start, {meta['load'][1]} at the end. "
        f"{meta['python']}, Textual {meta['textual']}, {os.cpu_count()} cores.",
        "",
        f"Journal: `{meta['journal']}` ({meta['journal_note']}).",
        "",
        "Trees: " + "; ".join(f"**{t['label']}** (`{t['repo']}`, {t['modules']} goaljournal.ui modules)" for t in trees) + ".",
        "",
        "| screen | tree | first frame median ms | min ms | CPU ms | peak RSS MiB | ui modules at first frame |"
        + (f" median vs {trees[0]['label'].split(' @ ')[0]} |" if compare else ""),
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if compare else ""),
    ]
    base: dict[str, float] = {}
    for screen in meta["screens"]:
        for tree in trees:
            runs = [r for r in rows if r["screen_name"] == screen and r["tree"] == tree["label"]]
            first = [r["first_frame_s"] * 1000 for r in runs]
            median = statistics.median(first)
            counts = sorted({r["ui_modules"] for r in runs})
            modules = f"{counts[0]}" if len(counts) == 1 else f"{counts[0]}–{counts[-1]}"
            line = (
                f"| {screen} | {tree['label']} | {median:.0f} | {min(first):.0f} | "
                f"{statistics.median(r['cpu_s'] for r in runs) * 1000:.0f} | {statistics.median(r['rss_mib'] for r in runs):.1f} | "
                f"{modules} of {tree['modules']} |"
            )
            if compare:
                base.setdefault(screen, median)
                line += " — |" if tree is trees[0] else f" {median - base[screen]:+.0f} ms ({median / base[screen] - 1:+.0%}) |"
            lines.append(line)
    lines += [
        "",
        "First frame: from the spawn of the process (interpreter start, imports, opening the journal, "
        "the screen's queries) to the last frame the app handed to the terminal driver before it was first "
        "idle. CPU: the process's CPU time at that frame. Peak RSS: the whole process's (`os.wait4`). "
        "ui modules: `goaljournal.ui` and its submodules in `sys.modules` at that frame.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    import argparse
    import compileall
    import platform
    import shlex
    from datetime import datetime, timezone
    from importlib.metadata import version

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", action="append", type=Path,
                        help="a checkout to measure (repeat for several; default: this one)")  # fmt: skip
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per screen and tree (default 5)")
    parser.add_argument("--screens", nargs="+", choices=tuple(SCREENS), default=list(SCREENS), help="default: all six")
    parser.add_argument("--entries", type=int, default=100_000, help="journal entries (default 100000)")
    parser.add_argument("--goals", type=int, default=50, help="goals added to the journal (default 50)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached journal again")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    repos = [repo.resolve() for repo in (args.repo or [HERE.parent])]
    for repo in repos:
        if not (repo / "goaljournal" / "ui" / "app.py").is_file():
            parser.error(f"{repo} has no goaljournal/ui/app.py")

    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))  # the builder uses this checkout's goaljournal
    from cli_speed import OUT, child_env
    from timeline_tui import NOW, journal

    started = datetime.now(timezone.utc)
    load = [Path("/proc/loadavg").read_text().split()[0]]
    db, note = journal(args.entries, args.goals, args.rebuild)
    work = OUT / "first_frame"
    work.mkdir(parents=True, exist_ok=True)
    env = dict(child_env(), TEXTUAL_ANIMATIONS="none")
    trees = []
    for repo in repos:
        # As installed packages are: compiled once, so that no run pays for compiling the tree.
        compileall.compile_dir(repo / "goaljournal", quiet=1)
        trees.append({"repo": str(repo), "label": tree_label(repo), "modules": ui_module_count(repo)})
    labels = [tree["label"] for tree in trees]
    if len(set(labels)) != len(labels):
        parser.error("two trees with the same name and commit")

    def argv(repo: str, screen: str) -> list[str]:
        # The copy measure_once makes before each run, so that no run sees what another wrote.
        copy = work / "journal.db"
        return [sys.executable, str(Path(__file__).resolve()), "--child", repo, screen, str(copy), "{started}", NOW.isoformat()]

    for tree in trees:
        print(f"warm-up: {tree['label']} ...", file=sys.stderr, flush=True)
        measure_once(argv(tree["repo"], args.screens[0]), db, work, env)
    rows = []
    for number in range(1, args.runs + 1):
        for screen in args.screens:
            for tree in trees:
                result = measure_once(argv(tree["repo"], screen), db, work, env)
                result.update(screen_name=screen, tree=tree["label"], run=number)
                rows.append(result)
                print(f"run {number}/{args.runs} {screen:<11} {tree['label']}: {result['first_frame_s'] * 1000:.0f} ms, "
                      f"{result['ui_modules']} ui modules, {result['rss_mib']:.1f} MiB", file=sys.stderr, flush=True)  # fmt: skip
    load.append(Path("/proc/loadavg").read_text().split()[0])

    command = "python bench/first_frame.py" + "".join(f" {shlex.quote(a)}" for a in sys.argv[1:])
    meta = {
        "started": f"{started:%Y-%m-%d %H:%M}", "command": command, "runs": args.runs, "load": load,
        "python": f"{platform.python_implementation()} {platform.python_version()}", "textual": version("textual"),
        "journal": db.relative_to(HERE.parent) if db.is_relative_to(HERE.parent) else db, "journal_note": note,
        "screens": args.screens,
    }  # fmt: skip
    text = report(rows, trees, meta)
    print(text)
    (OUT / "first_frame.md").write_text(text)
    (OUT / "first_frame.json").write_text(json.dumps({"trees": trees, "runs": rows}, indent=1) + "\n")
    print(f"written to {OUT / 'first_frame.md'} (the runs in {OUT / 'first_frame.json'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(child(*sys.argv[2:7]))
    sys.exit(main())
