"""goaljournal side by side with jrnl 4.6 on journals of 10, 100 and 274 years.

One command does it all:

1. writes (once, cached in bench/out/vs/) a jrnl journal of N entries, one a day ending on
   2025-06-30, in jrnl's own file format: cli_speed.py's ~300-character professional-growth
   entries, 0–3 of 16 @tags, ~5 % starred, ~15 % mentioning a mentor (a subprocess streams it to
   disk, so this script never holds a journal);
2. installs jrnl 4.6 in its own virtualenv (bench/out/jrnl-venv, kept) with a config of its own
   (XDG_CONFIG_HOME in bench/out/vs/, timeformat "%Y-%m-%d %H:%M", no encryption, no colours,
   no editor, the journal path per N);
3. times goaljournal's import of that file (a new journal each run); the last import is the
   journal goaljournal answers from, so both tools answer about the same entries;
4. times the same operations in both tools, in the same run, each command a fresh process on a
   fresh copy of its journal (copied outside the timed section), and checks each exit status and
   answer (how many entries, tags, ...) so that a misconfigured run cannot give a fast number;
5. times goaljournal's TUI: the first frame of Today, Reflections and the timeline from process
   start, and pages in Reflections and the timeline (bench/reflections_tui.py's and
   bench/timeline_tui.py's own measuring children), with the peak RSS of each process.

Every figure is the median of 5 runs (``--runs``) of wall time and of peak RSS (``os.wait4`` in
bench/_measure.py, a tiny process, so that the RSS is the command's own), with ``python -c
pass`` beside them. jrnl's quadratic operations (add, --tags, --export) at 100,000 entries take
minutes: they run once there. A command whose first run takes under 2 s gets one uncounted
warm-up run first; a slower one's first run counts.

    python bench/jrnl_vs.py            # N = 3,650, 36,500 and 100,000: writes bench/RESULTS.md
    python bench/jrnl_vs.py --quick    # N = 3,650 only, about a minute: bench/out/RESULTS-quick.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # the repo's goaljournal, if it is not installed

from cli_speed import LAST_ENTRY, OUT, SEED, child_env, gnu_time, goaljournal_command, peak_rss  # noqa: E402

VS = OUT / "vs"
JRNL_VENV = OUT / "jrnl-venv"
JRNL_VERSION = "4.6"
SIZES = (3_650, 36_500, 100_000)
QUADRATIC = {"add", "tags", "export"}  # jrnl's operations that take minutes at 100,000 entries
SIZE = (120, 36)
NOW = LAST_ENTRY.replace(hour=22)  # the journal's last day is the app's today
ADD_TEXT = "Today I met my mentor. @networking"
BIG = "1000000"  # --limit: every match

# (key, what it answers, jrnl arguments, goaljournal arguments)
OPS = (
    ("last10", "the last 10 entries", ["-n", "10"], ["search", "--to", "today", "--limit", "10"]),
    ("add", "add an entry", [ADD_TEXT], ["log", ADD_TEXT]),
    ("search", "search a word (every match)", ["-contains", "mentor"], ["search", "mentor", "--limit", BIG]),
    ("search50", "search a word (50 newest)", ["-contains", "mentor", "-n", "50"], ["search", "mentor"]),
    ("tag", "filter by a tag (20 newest)", ["@networking", "-n", "20"], ["search", "--tag", "networking", "--limit", "20"]),
    ("range", "a year as JSON", ["-from", "2020-01-01", "-to", "2020-12-31", "--format", "json"],
     ["search", "--from", "2020-01-01", "--to", "2020-12-31", "--json", "--limit", BIG]),
    ("tags", "list tags with counts", ["--tags"], ["tags"]),
    ("export", "export JSON (stdout)", ["--export", "json"], ["export", "--format", "json"]),
)  # fmt: skip
TARGETED_FLOOR = {"add", "search", "search50", "tag", "tags"}  # within 100 ms of the floor at 100,000


# -- the journal: written by a child process, streamed to disk ------------------------------------

CLOSING = (
    "book an hour for it on Thursday", "ask for feedback before Friday", "write the summary tonight",
    "share the draft with the team", "review this again in a week", "block the morning for deep work",
    "talk it through at the next one-on-one", "turn this into a checklist",
)  # fmt: skip
SENTENCE_END = re.compile(r"[?!.]+ +")  # jrnl's own title split (jrnl.journals.Entry.split_title)


def generate(count: int, path: Path) -> None:
    """Write ``count`` entries, one a day ending on LAST_ENTRY's day, as jrnl writes its file:
    ``[YYYY-MM-DD HH:MM] Title *`` (the star when starred), the body on the next line, a blank
    line between entries."""
    import random

    from cli_speed import entry_text

    rng = random.Random(SEED + count)
    first = LAST_ENTRY.date() - timedelta(days=count - 1)
    partial = path.with_name(path.name + ".partial")
    stats = {"entries": count, "chars": 0, "starred": 0, "mentor": 0, "tagged": 0, "first": str(first)}
    with partial.open("w", encoding="utf-8") as out:
        for day in range(count):
            at = datetime.combine(first + timedelta(days=day), datetime.min.time())
            at += timedelta(minutes=rng.randint(7 * 60, 22 * 60 + 59))
            text = entry_text(rng)
            # cli_speed's texts are 200-300 characters: a closing line brings them to ~300
            tags_at = text.find(" @")
            closing = f" Next: {rng.choice(CLOSING)}."
            text = text + closing if tags_at < 0 else text[:tags_at] + closing + text[tags_at:]
            cut = SENTENCE_END.search(text)
            title, body = (text[: cut.end()].strip(), text[cut.end() :].strip()) if cut else (text, "")
            star = " *" if rng.random() < 0.05 else ""
            stats["chars"] += len(text)
            stats["starred"] += bool(star)
            stats["mentor"] += "mentor" in text.lower()
            stats["tagged"] += "@" in text
            out.write(("\n" if day else "") + f"[{at:%Y-%m-%d %H:%M}] {title}{star}" + (f"\n{body}" if body else "") + "\n")
    partial.replace(path)
    path.with_suffix(".stats.json").write_text(json.dumps(stats))


def journal_file(count: int) -> Path:
    VS.mkdir(parents=True, exist_ok=True)
    path = VS / f"jrnl-{count}.txt"
    if not path.exists() or not path.with_suffix(".stats.json").exists():
        log(f"writing a jrnl journal of {count:,} entries ...")
        subprocess.run([sys.executable, __file__, "--generate", str(count), str(path)], check=True)
    return path


# -- jrnl in its own virtualenv -------------------------------------------------------------------


def jrnl_bin() -> Path:
    binary = JRNL_VENV / "bin" / "jrnl"
    if not binary.exists():
        log(f"installing jrnl {JRNL_VERSION} in {JRNL_VENV} ...")
        base = shutil.which("python3") or sys.executable
        subprocess.run([base, "-m", "venv", str(JRNL_VENV)], check=True)
        subprocess.run([str(JRNL_VENV / "bin" / "pip"), "install", "-q", f"jrnl=={JRNL_VERSION}"], check=True)
    return binary


def jrnl_env(count: int, journal: Path) -> dict[str, str]:
    """An environment whose XDG folders are in bench/out/vs/: jrnl reads its config there and
    never touches the user's own."""
    root = VS / f"xdg-{count}"
    (root / "config" / "jrnl").mkdir(parents=True, exist_ok=True)
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "config" / "jrnl" / "jrnl.yaml").write_text(
        f"version: v{JRNL_VERSION}\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        'editor: ""\nencrypt: false\ntemplate: false\ndefault_hour: 9\ndefault_minute: 0\n'
        'timeformat: "%Y-%m-%d %H:%M"\ntagsymbols: "#@"\nhighlight: false\nlinewrap: 79\nindent_character: "|"\n'
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
    )
    env = dict(os.environ, XDG_CONFIG_HOME=str(root / "config"), XDG_DATA_HOME=str(root / "data"))
    env.pop("VISUAL", None)
    env.pop("EDITOR", None)
    return env


# -- measuring ------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def measure(name: str, argv: list[str], *, runs: int, env: dict[str, str] | None = None, copies=(), remove=(),
            warmup: bool = True, append: bool = False) -> dict:  # type: ignore[no-untyped-def]
    """Runs ``argv`` through bench/_measure.py; its standard output goes to VS/<name>.out."""
    spec = VS / f"{name}.spec.json"
    stdout, stderr = VS / f"{name}.out", VS / f"{name}.err"
    stdout.unlink(missing_ok=True)
    spec.write_text(json.dumps({
        "argv": argv, "env": env or child_env(), "runs": runs, "warmup": warmup, "warmup_under_s": 2.0,
        "copies": [[str(a), str(b)] for a, b in copies], "remove": [str(p) for p in remove],
        "stdout": str(stdout), "stderr": str(stderr), "append": append,
    }))  # fmt: skip
    done = subprocess.run([sys.executable, str(HERE / "_measure.py"), str(spec)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the measurer failed on {name}:\n{done.stderr}")
    result = json.loads(done.stdout)
    bad = [r for r in result["runs"] if r["rc"] != 0]
    if bad:
        raise SystemExit(f"{name}: {' '.join(argv)} exited {bad[0]['rc']}:\n{stderr.read_text()[-2000:]}")
    result["wall"] = statistics.median(r["wall_s"] for r in result["runs"])
    result["cpu"] = statistics.median(r["cpu_s"] for r in result["runs"])
    result["rss"] = statistics.median(r["rss_mib"] for r in result["runs"])
    result["n"] = len(result["runs"])
    result["stdout"], result["stderr"] = stdout, stderr
    return result


def sqlite_files(db: Path) -> list[Path]:
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm")]


def count_json(path: Path, key: str | None) -> int:
    """How many items a JSON output holds, read in a child process (this one stays small)."""
    code = "import json,sys; d=json.load(open(sys.argv[1])); k=sys.argv[2]; print(len(d[k] if k else d))"
    done = subprocess.run([sys.executable, "-c", code, str(path), key or ""], capture_output=True, text=True, check=True)
    return int(done.stdout)


JRNL_HEADER = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} ")


def count_lines(path: Path, pattern: re.Pattern[str] | None = None) -> int:
    with path.open(encoding="utf-8", errors="replace") as lines:
        return sum(1 for line in lines if line.strip() and (pattern is None or pattern.match(line)))


def answers(key: str, tool: str, result: dict, work: Path, count: int) -> str:  # type: ignore[type-arg]
    """What the command answered, checked: raises SystemExit on an answer that cannot be right."""
    out: Path = result["stdout"]
    if key == "add":
        if tool == "jrnl":
            tail = work.read_text(encoding="utf-8")[-300:]
            found = ADD_TEXT.split(". ")[0] in tail
        else:
            done = subprocess.run([*goaljournal_command(), "--db", str(work), "search", "met my mentor", "--tag", "networking", "--json"],
                                  capture_output=True, text=True, env=child_env(), check=True)  # fmt: skip
            found = any(ADD_TEXT in item["text"] for item in json.loads(done.stdout))
        if not found:
            raise SystemExit(f"{tool} add: the new entry is not in the journal")
        return "added"
    if key in ("range", "export"):
        n = count_json(out, "entries" if tool == "jrnl" or key == "export" else None)
    elif key == "tags":
        n = count_lines(out)
    else:
        n = count_lines(out, JRNL_HEADER if tool == "jrnl" else None)
    expected = {"last10": 10, "tag": 20, "search50": 50, "tags": 16, "export": count}.get(key)
    if n == 0 or (expected is not None and n != expected):
        raise SystemExit(f"{tool} {key}: {n} items in the answer, expected {expected or 'some'} ({out})")
    return {"tags": f"{n} tags", "export": f"{n:,} entries"}.get(key, f"{n:,} entries")


# -- the TUI: first frame of a screen, from process start ------------------------------------------


async def first_frame(screen: str, journal: Path, started: float) -> dict[str, object]:
    """In the child: open the app straight on ``screen``; the first frame is the last frame the
    app hands to the terminal driver before it is first idle (the screen complete), timed from
    the moment the parent spawned this process."""
    import inspect

    from timeline_tui import peak_rss_mib

    from goaljournal.store import Store
    from goaljournal.ui.app import GoalJournalApp

    frames: list[tuple[float, float]] = []

    class BenchApp(GoalJournalApp):
        DEFAULT_MODE = screen
        CSS_PATH = str(Path(inspect.getfile(GoalJournalApp)).parent / GoalJournalApp.CSS_PATH)

        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if renderable is not None and hasattr(renderable, "render_segments"):
                renderable.render_segments(self.console)  # what a real terminal driver would write
                frames.append((time.time(), time.process_time()))
            super()._display(screen, renderable)

    store = Store.open(journal, clock=lambda: NOW)
    app = BenchApp(store, today=NOW.date())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        wall, cpu = frames[-1]
        shown = type(app.screen).__name__
    store.close()
    return {"first_frame_s": wall - started, "cpu_s": cpu, "frames": len(frames), "screen": shown, "rss_mib": peak_rss_mib()}


# -- the run --------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    import importlib.metadata
    import sqlite3

    def first(path: str, prefix: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip('"')
        except OSError:
            pass
        return "?"

    jrnl = subprocess.run([str(jrnl_bin()), "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    gj = subprocess.run([*goaljournal_command(), "--version"], capture_output=True, text=True, env=child_env()).stdout.strip()
    jrnl_py = subprocess.run([str(JRNL_VENV / "bin" / "python"), "--version"], capture_output=True, text=True).stdout.strip()
    mem_kib = int(first("/proc/meminfo", "MemTotal").split()[0]) if first("/proc/meminfo", "MemTotal") != "?" else 0
    return {
        "CPU": f"{first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores",
        "RAM": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "OS": f"{first('/etc/os-release', 'PRETTY_NAME=')}, Linux {platform.release()}",
        "Python (goaljournal)": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "Python (jrnl)": f"{jrnl_py} ({JRNL_VENV / 'bin' / 'python'})",
        "jrnl": jrnl,
        "goaljournal": gj,
        "SQLite": sqlite3.sqlite_version,
        "textual": importlib.metadata.version("textual"),
    }


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def run_size(count: int, runs: int, pages: int, tui_runs: int) -> dict:  # type: ignore[type-arg]
    source = journal_file(count)
    jrnl = jrnl_bin()
    gj = goaljournal_command()
    r: dict = {"count": count, "stats": json.loads(source.with_suffix(".stats.json").read_text())}  # type: ignore[type-arg]

    # goaljournal's import: a new journal each run; the last one is the journal the ops use.
    import_db = VS / f"gj-{count}.import.db"
    log(f"N={count:,}: goaljournal import ...")
    r["import"] = measure(f"import-{count}", [*gj, "--db", str(import_db), "import", "--format", "jrnl", str(source)],
                          runs=runs, remove=sqlite_files(import_db))  # fmt: skip
    pristine_db = VS / f"gj-{count}.db"
    for stale in sqlite_files(pristine_db):
        stale.unlink(missing_ok=True)
    for src, dst in zip(sqlite_files(import_db), sqlite_files(pristine_db)):
        if src.exists():
            shutil.copyfile(src, dst)

    work_txt, work_db = VS / f"jrnl-{count}.work.txt", VS / f"gj-{count}.work.db"
    env = jrnl_env(count, work_txt)
    r["ops"] = {}
    for key, _, jrnl_args, gj_args in OPS:
        one = key in QUADRATIC and count >= 100_000
        try:
            log(f"N={count:,}: jrnl {' '.join(jrnl_args)}" + (" (one run)" if one else ""))
            j = measure(f"jrnl-{key}-{count}", [str(jrnl), *jrnl_args], runs=1 if one else runs, env=env,
                        copies=[(source, work_txt)], warmup=not one)  # fmt: skip
            j["answer"] = answers(key, "jrnl", j, work_txt, count)
            log(f"N={count:,}: goaljournal {' '.join(gj_args)}")
            g = measure(f"gj-{key}-{count}", [*gj, "--db", str(work_db), *gj_args], runs=runs,
                        copies=[(pristine_db, work_db)], remove=sqlite_files(work_db)[1:])  # fmt: skip
            g["answer"] = answers(key, "goaljournal", g, work_db, count)
        except SystemExit as failure:  # reported, and the run goes on
            log(f"FAILED: {failure}")
            r.setdefault("failures", []).append(f"N={count:,} {key}: {failure}")
            continue
        r["ops"][key] = (j, g)
    try:
        tui(r, count, pristine_db, work_db, pages, tui_runs)
    except SystemExit as failure:
        log(f"FAILED: {failure}")
        r.setdefault("failures", []).append(f"N={count:,} TUI: {failure}")

    # Cross-check of os.wait4's RSS with GNU time (a small C process forks the command itself).
    timer = gnu_time()
    if timer:
        shutil.copyfile(pristine_db, work_db)
        r["gnu_time"] = {
            "floor": statistics.median(peak_rss([sys.executable, "-c", "pass"], timer) for _ in range(3)),
            "search": statistics.median(peak_rss([*gj, "--db", str(work_db), *OPS[2][3]], timer) for _ in range(3)),
        }
    return r


def tui(r: dict, count: int, pristine_db: Path, work_db: Path, pages: int, tui_runs: int) -> None:  # type: ignore[type-arg]
    """The TUI, on fresh copies of the imported journal."""
    tui_env = dict(child_env(), TEXTUAL_ANIMATIONS="none")
    fresh = {"copies": [(pristine_db, work_db)], "remove": sqlite_files(work_db)[1:]}
    r["first"] = {}
    for screen in ("today", "reflections", "timeline"):
        log(f"N={count:,}: TUI first frame, {screen} ...")
        m = measure(f"tui-{screen}-{count}", [sys.executable, __file__, "--tui-first", screen, str(work_db), "{started}"],
                    runs=tui_runs, env=tui_env, warmup=False, append=True, **fresh)  # fmt: skip
        children = [json.loads(line) for line in m["stdout"].read_text().strip().splitlines()]
        if len(children) != m["n"]:
            raise SystemExit(f"TUI {screen}: {len(children)} answers from {m['n']} runs")
        m["child"] = {
            "first_frame_s": statistics.median(c["first_frame_s"] for c in children),
            "cpu_s": statistics.median(c["cpu_s"] for c in children),
            "screen": children[-1]["screen"],
        }
        r["first"][screen] = m
    log(f"N={count:,}: reflections pages ...")
    m = measure(f"tui-refl-pages-{count}", [sys.executable, str(HERE / "reflections_tui.py"), "--child", str(work_db),
                "--pages", str(pages), "--started", "{started}"], runs=1, env=tui_env, warmup=False, **fresh)  # fmt: skip
    m["child"] = json.loads(m["stdout"].read_text().strip().splitlines()[-1])
    r["refl_pages"] = m
    log(f"N={count:,}: timeline pages ...")
    m = measure(f"tui-tl-pages-{count}", [sys.executable, str(HERE / "timeline_tui.py"), "--child", str(work_db),
                "--pages", str(pages)], runs=1, env=tui_env, warmup=False, **fresh)  # fmt: skip
    m["child"] = json.loads(m["stdout"].read_text().strip().splitlines()[-1])
    r["tl_pages"] = m


# -- the report -----------------------------------------------------------------------------------


def fmt_s(seconds: float) -> str:
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.0f} ms"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(results: list[dict], floor: dict, meta: dict, command: str, started: datetime, minutes: float,  # type: ignore[type-arg]
           loads: tuple[str, str], quick: bool, note: str = "") -> tuple[str, list[tuple[str, bool, str]]]:
    gj_cmd = "goaljournal"
    lines = [
        "# goaljournal and jrnl side by side" + (" (quick mode)" if quick else ""),
        "",
        f"Run on {started:%Y-%m-%d %H:%M} UTC, {minutes:.1f} minutes, with `{command}`. "
        f"Load average (1 min) {loads[0]} at the start, {loads[1]} at the end.",
        "",
        *([note, ""] if note else []),
        f"Floor: `python -c pass` on goaljournal's interpreter, median of {floor['n']}: "
        f"**{fmt_s(floor['wall'])}**, peak RSS {floor['rss']:.1f} MiB (os.wait4; the measuring process's own "
        f"peak was {floor['measurer_rss_at_start_mib']:.1f} MiB when it spawned the first run and "
        f"{floor['measurer_rss_mib']:.1f} MiB at its end).",
        "",
    ]
    verdicts: list[tuple[str, bool, str]] = []
    for r in results:
        n = r["count"]
        years = n / 365.25
        st = r["stats"]
        lines += [
            f"## N = {n:,} entries (one a day, {years:.0f} years)",
            "",
            f"jrnl file `bench/out/vs/jrnl-{n}.txt`: one entry a day from {st['first']} to {NOW.date()}, "
            f"{st['chars'] / n:.0f} characters of text on average, {st['starred'] / n:.1%} starred, "
            f"{st['mentor'] / n:.1%} mentioning \"mentor\", {st['tagged'] / n:.0%} with 1–3 of 16 @tags.",
            "",
            "| op | jrnl command | jrnl median | goaljournal command | goaljournal median | ratio jrnl / goaljournal | answer (jrnl / goaljournal) | peak RSS jrnl / goaljournal MiB |",
            "| --- | --- | ---: | --- | ---: | ---: | --- | ---: |",
            f"| floor | `python -c pass` | {fmt_s(floor['wall'])} | `python -c pass` | {fmt_s(floor['wall'])} | — | — | {floor['rss']:.1f} |",
        ]
        for key, what, jrnl_args, gj_args in OPS:
            if key not in r["ops"]:
                lines.append(f"| {what} | `jrnl {shell(jrnl_args)}` | failed | `{gj_cmd} {shell(gj_args)}` | failed | — | — | — |")
                verdicts.append((f"N={n:,} {what}: measured", False, "failed (see below)"))
                continue
            j, g = r["ops"][key]
            runs = f" ({j['n']} run{'s' if j['n'] > 1 else ''})" if j["n"] != g["n"] else ""
            ratio = j["wall"] / g["wall"]
            lines.append(
                f"| {what} | `jrnl {shell(jrnl_args)}` | {fmt_s(j['wall'])}{runs} | `{gj_cmd} {shell(gj_args)}` | "
                f"{fmt_s(g['wall'])} | **{ratio:,.0f}×** | {j['answer']} / {g['answer']} | {j['rss']:.0f} / {g['rss']:.0f} |"
            )
            if n >= 36_500:
                verdicts.append((f"N={n:,} {what}: ≥ 10× faster", ratio >= 10, f"{ratio:,.0f}×"))
            if n >= 100_000 and key in QUADRATIC:
                verdicts.append((f"N={n:,} {what}: ≥ 100× faster", ratio >= 100, f"{ratio:,.0f}×"))
            if (n >= 100_000 or quick) and key in TARGETED_FLOOR:
                above = (g["wall"] - floor["wall"]) * 1000
                verdicts.append((f"N={n:,} {what}: within 100 ms of the floor", above <= 100, f"+{above:.0f} ms"))
        imp = r["import"]
        lines += [
            "",
            "| goaljournal only | command | median | CPU | peak RSS MiB |",
            "| --- | --- | ---: | ---: | ---: |",
            f"| import the jrnl file ({imp['n']} runs, a new journal each) | `{gj_cmd} import --format jrnl jrnl-{n}.txt` | "
            f"{fmt_s(imp['wall'])} | {fmt_s(imp['cpu'])} | {imp['rss']:.0f} |",
        ]
        for screen, label in (("today", "Today"), ("reflections", "Reflections"), ("timeline", "timeline")):
            m = r.get("first", {}).get(screen)
            if m is None:
                lines.append(f"| TUI first frame, {label} | failed | — | — | — |")
                verdicts.append((f"N={n:,} first frame, {label}: measured", False, "failed (see below)"))
                continue
            first_s = statistics.median(float(x["wall_s"]) for x in m["runs"])  # process wall, see below
            child = m["child"]
            lines.append(
                f"| TUI first frame, {label} ({m['n']} fresh processes) | app started on {label}, from process start "
                f"to the screen drawn ({child['screen']}) | {fmt_s(child['first_frame_s'])} (whole process {fmt_s(first_s)}) | "
                f"{fmt_s(child['cpu_s'])} | {m['rss']:.0f} |"
            )
            verdicts.append((f"N={n:,} first frame, {label}: ≤ 1 s", child["first_frame_s"] <= 1.0, fmt_s(child["first_frame_s"])))
            verdicts.append((f"N={n:,} {label} peak RSS ≤ 150 MiB", m["rss"] <= 150, f"{m['rss']:.0f} MiB"))
        if "tl_pages" not in r:
            lines.append("| TUI pages | failed | — | — | — |")
            verdicts.append((f"N={n:,} TUI pages: measured", False, "failed (see below)"))
            lines.append("")
            continue
        rp = r["refl_pages"]["child"]
        pages = rp["browse_ms"] + rp["search_ms"]
        lines.append(
            f"| Reflections page (page-down × {len(rp['browse_ms'])} browsing + × {len(rp['search_ms'])} in "
            f"{rp['matches']:,} \"mentor\" matches) | key to the page on screen: median / p95 / max | "
            f"{statistics.median(pages):.1f} / {pct(pages, 0.95):.1f} / {max(pages):.1f} ms | — | {r['refl_pages']['rss']:.0f} |"
        )
        verdicts.append((f"N={n:,} Reflections page ≤ 50 ms (p95)", pct(pages, 0.95) <= 50, f"{pct(pages, 0.95):.1f} ms"))
        tl = r["tl_pages"]["child"]
        noop_wall = statistics.median(w for w, _ in tl["noop"])
        samples = [s for zoom in ("month", "year", "week") for s in tl[f"pages_{zoom}"]]
        cpus = [c for _, c in samples]
        above = statistics.median(w for w, _ in samples) - noop_wall
        lines.append(
            f"| timeline page (page-down × {len(samples)} at month, year, week zoom) | CPU per key: median / p95 / max; "
            f"wall above Pilot's idle floor | {statistics.median(cpus):.1f} / {pct(cpus, 0.95):.1f} / {max(cpus):.1f} ms CPU; "
            f"+{above:.1f} ms wall | — | {r['tl_pages']['rss']:.0f} |"
        )
        verdicts.append((f"N={n:,} timeline page ≤ 50 ms (max CPU, wall above floor)", max(cpus) <= 50 and above <= 50,
                         f"{max(cpus):.1f} ms CPU, +{above:.1f} ms wall"))  # fmt: skip
        if "gnu_time" in r and "search" in r["ops"]:
            gt = r["gnu_time"]
            g = r["ops"]["search"][1]
            lines += [
                "",
                f"RSS cross-check with GNU time (`/usr/bin/time -f %M`, median of 3): `python -c pass` {gt['floor']:.1f} MiB "
                f"(os.wait4 here: {floor['rss']:.1f}); `goaljournal search mentor` {gt['search']:.1f} MiB (os.wait4: {g['rss']:.1f}).",
            ]
        lines.append("")
    failures = [f for r in results for f in r.get("failures", [])]
    if failures:
        lines += ["## Failures", "", *(f"- {f}" for f in failures), ""]
    lines += [
        "## Targets",
        "",
        "| target | result | verdict |",
        "| --- | ---: | --- |",
        *(f"| {name} | {value} | {'PASS' if ok else '**FAIL**'} |" for name, ok, value in verdicts),
        "",
    ]
    if quick:
        lines += ["Quick mode: the ratio targets are for 36,500 and 100,000 entries; the floor target is checked here at 3,650.", ""]
    lines += ["## Machine and versions", "", *(f"- {k}: {v}" for k, v in meta.items()), ""]
    return "\n".join(lines), verdicts


def shell(args: list[str]) -> str:
    import shlex

    return " ".join(shlex.quote(a) for a in args)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N=3,650 only (about a minute); writes bench/out/RESULTS-quick.md")
    parser.add_argument("--sizes", type=int, nargs="+", help="journal sizes (default 3650 36500 100000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per command; medians are reported (default 5)")
    parser.add_argument("--pages", type=int, help="pages down per TUI screen (default 50, quick 20)")
    parser.add_argument("--tui-runs", type=int, help="fresh processes per TUI first frame (default 5, quick 3)")
    parser.add_argument("--note", default="", help="a sentence for the report (e.g. that the machine was shared)")
    parser.add_argument("--generate", nargs=2, metavar=("N", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--tui-first", nargs=3, metavar=("SCREEN", "JOURNAL", "STARTED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(int(args.generate[0]), Path(args.generate[1]))
        return 0
    if args.tui_first:
        import asyncio

        screen, journal, started = args.tui_first
        print(json.dumps(asyncio.run(first_frame(screen, Path(journal), float(started)))))
        return 0

    # Measure goaljournal as installed: pip byte-compiles a package, while an editable checkout
    # run with PYTHONDONTWRITEBYTECODE would compile every module again in every run (~20 ms).
    import compileall

    import goaljournal

    compileall.compile_dir(Path(goaljournal.__file__).parent, quiet=1)
    started, clock = datetime.utcnow(), time.perf_counter()
    loads = [load()]
    sizes = tuple(args.sizes or ((SIZES[0],) if args.quick else SIZES))
    pages = args.pages or (20 if args.quick else 50)
    tui_runs = args.tui_runs or (3 if args.quick else 5)
    VS.mkdir(parents=True, exist_ok=True)
    meta = machine()
    floor = measure("floor", [sys.executable, "-c", "pass"], runs=max(args.runs, 5))
    results = [run_size(n, args.runs, pages, tui_runs) for n in sizes]
    loads.append(load())
    command = "python bench/jrnl_vs.py" + (" --quick" if args.quick else "")
    if args.sizes or args.runs != 5 or args.pages or args.tui_runs:
        command = "python bench/jrnl_vs.py " + " ".join(a for a in sys.argv[1:] if not a.startswith("--note"))
    text, verdicts = report(results, floor, meta, command, started, (time.perf_counter() - clock) / 60, (loads[0], loads[1]), args.quick or set(sizes) == {3650}, args.note)
    text += "\n" + HOW
    print(text)
    target = OUT / "RESULTS-quick.md" if (args.quick or args.sizes) else HERE / "RESULTS.md"
    target.write_text(text)
    log(f"written to {target}")
    return 0 if all(ok for _, ok, _ in verdicts) else 1


HOW = """## How it is measured

- Each command is a fresh process on a fresh copy of its journal (jrnl's text file, goaljournal's
  SQLite file), copied before the clock starts. Wall time is `time.perf_counter` around
  `subprocess.Popen` + `os.wait4`; peak RSS is wait4's `ru_maxrss`. Both are taken by
  `bench/_measure.py`, a process that imports only what spawning needs: Linux starts a child's
  `ru_maxrss` at the peak of the process it was (v)forked from, so a big measuring process would
  inflate every figure. The floor row's RSS is therefore the least this setup can report; GNU
  time (a small C program that forks the command itself) gives the cross-check figures above.
- Median of 5 runs; a command whose first run takes under 2 s gets one more, uncounted, warm-up
  run first. jrnl's add, `--tags` and `--export` at 100,000 entries run once (minutes each).
- Standard output goes to a file in `bench/out/vs/`, and every answer is checked: exit status 0,
  10 / 20 entries for `-n`, 16 tags, every entry in the export, the added entry in the journal.
- "Search a word": jrnl `-contains mentor` prints every entry whose text contains "mentor"
  (case-insensitive substring: mentoring, mentor's); goaljournal prints every full-text match
  (`--limit 1000000`; the porter stemmer matches mentor, mentors, mentoring and mentor's).
  jrnl prints whole entries, goaljournal one line per entry.
- TUI: a fresh interpreter drives the real app with Textual's Pilot at 120×36, animations off.
  First frame: from the moment the measuring process spawned the interpreter to the last frame
  the app handed to the terminal driver before it was first idle (frames turned into terminal
  text as a real driver would); "whole process" is the wall time of the process, which also
  includes Pilot's idle wait and shutting the app down. Pages: `bench/reflections_tui.py`'s child
  (key to the first frame after it) and `bench/timeline_tui.py`'s child (CPU per key, and wall
  time above a key bound to nothing: Pilot's idle detection sleeps in 20 ms steps).
- jrnl runs from its own virtualenv (`bench/out/jrnl-venv`) with its config in
  `bench/out/vs/xdg-N/` (timeformat `%Y-%m-%d %H:%M`, no encryption, no colours, no editor).
"""


if __name__ == "__main__":
    sys.exit(main())
