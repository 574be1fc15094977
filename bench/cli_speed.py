"""How fast the quick commands start on a big journal.

Builds (once, cached in bench/out/) a journal of 100,000 entries, then times each command as a
fresh process: the median and minimum wall time of N runs (perf_counter around Popen and
``os.wait4``), and the median peak RSS of N more runs under GNU time (see ``run_once`` for why
not os.wait4's own figure). ``python -c pass`` on the same interpreter is the floor no command
can go under. The target: log and search within 100 ms of that floor.

    python bench/cli_speed.py [--entries N] [--runs N] [--rebuild]

This is a benchmark, not a test: it prints a Markdown table and writes it to
bench/out/cli_speed.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent))  # the repo's goaljournal, if it is not installed

TARGET_MS = 100.0
SEED = 20240601
# A fixed end makes the journal the same on every machine and every day it is built.
LAST_ENTRY = datetime(2025, 6, 30, 18, 0)

TAGS = (
    "leadership", "communication", "python", "architecture", "career", "learning", "health",
    "writing", "hiring", "feedback", "planning", "networking", "sql", "testing", "speaking",
    "focus",
)  # fmt: skip

TOPICS = (
    "the quarterly roadmap", "our on-call rotation", "the data migration", "the hiring loop",
    "the design review", "the incident postmortem", "the onboarding guide", "the API redesign",
    "the performance review", "the conference talk", "the team offsite", "the budget proposal",
    "the release checklist", "the customer escalation", "the flaky test suite", "the search index",
)  # fmt: skip
PEOPLE = ("Priya", "Marcus", "Elena", "Tom", "Aisha", "Jonas", "Wei", "Sofia", "Daniel", "Keiko")
FEELINGS = ("energised", "drained", "focused", "scattered", "confident", "uneasy", "calm", "proud")
SKILLS = (
    "delegating", "saying no", "writing clearly", "estimating", "asking for help", "giving feedback",
    "running meetings", "reading code", "pairing", "prioritising",
)  # fmt: skip

# Plain templates: none of them says "mentor" (nor a word the porter stemmer folds into it).
PLAIN = (
    "Spent most of the afternoon on {topic}. I kept getting pulled into chat threads, so next time "
    "I will block two hours and close everything else. Felt {feeling} by the end, but the draft is "
    "finally in a shape I can share with {person} tomorrow.",
    "Reflection on {topic}: I said yes too quickly when {person} asked for one more change. The "
    "work itself was fine; the problem is that my estimate was never revisited. Practise {skill} "
    "before the next planning session.",
    "Small win today. {person} thanked me for the notes on {topic} and said they saved a full day "
    "of digging. Writing things down as I go is paying off; keep the habit even when it feels slow "
    "in the moment.",
    "Lesson from {topic}: the first plan assumed the happy path everywhere. We lost a day to an "
    "edge case that a ten-minute review would have caught. I want to get better at {skill} and at "
    "asking what could go wrong.",
    "Got feedback from {person} on how I ran the review of {topic}: clear agenda, but I talked for "
    "most of it and the quieter people barely spoke. Next time ask each person for one concern "
    "before giving my own view.",
    "Energy check: {feeling}. Three meetings back to back, then an hour of real work on {topic}. "
    "Protecting the mornings for deep work is still the single change that helps most; I let it "
    "slip this week and it showed.",
    "Read two chapters about {skill} on the train and tried one idea straight away with {person}. "
    "It went better than expected. The hard part is remembering to do it when the pressure is on "
    "and {topic} is late again.",
    "Weekly review: finished the first milestone of {topic}, skipped the study hour twice, and "
    "still owe {person} a reply about the offsite. Overall {feeling}. Priority for next week is "
    "{skill}, and nothing new until that is done.",
)  # fmt: skip

# Mentor templates: each says "mentor" (or a form the porter stemmer folds into it).
MENTOR = (
    "Monthly call with my mentor about {topic}. Her advice: stop polishing the plan and ship the "
    "smallest useful part, then let feedback steer the rest. She also pushed me on {skill}, which "
    "I keep avoiding. Felt {feeling} afterwards.",
    "My mentor asked what I would do if {person} left the team tomorrow. I had no good answer, "
    "which says a lot about how much of {topic} lives only in two heads. Start writing the runbook "
    "this week and share it early.",
    "Started mentoring {person} on {topic}. Explaining the decisions out loud showed me which ones "
    "I cannot actually justify. Mentor feedback from last month was to listen more than I speak; "
    "today I mostly managed it.",
    "Took my mentor's suggestion and asked {person} for direct feedback on {skill}. It was "
    "uncomfortable and useful: I interrupt when I think I know the answer. Writing it here so I "
    "remember the next time {topic} comes up.",
)  # fmt: skip


def entry_text(rng: random.Random) -> str:
    """A 200–300 character entry with 0–3 @tags; about 15% of them mention a mentor."""
    template = rng.choice(MENTOR) if rng.random() < 0.15 else rng.choice(PLAIN)
    text = template.format(
        topic=rng.choice(TOPICS), person=rng.choice(PEOPLE), feeling=rng.choice(FEELINGS), skill=rng.choice(SKILLS)
    )
    tags = rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3)))
    if tags:
        text += " " + " ".join(f"@{tag}" for tag in tags)
    return text


def entry_moments(rng: random.Random, count: int) -> list[datetime]:
    """``count`` moments, oldest first, ending at LAST_ENTRY: mostly about an hour apart, now and
    then a day or more (100,000 entries reach back about 14 years)."""
    moments = []
    at = LAST_ENTRY
    for _ in range(count):
        moments.append(at)
        if rng.random() < 0.98:
            at -= timedelta(minutes=rng.randint(20, 70))
        else:
            at -= timedelta(days=rng.choice((1, 1, 1, 2, 3)), minutes=rng.randint(-120, 120))
    moments.reverse()
    return [moment.replace(second=0, microsecond=0) for moment in moments]


def build_journal(path: Path, count: int) -> float:
    """Write a journal of ``count`` entries to ``path``; returns the seconds the inserts took."""
    from goaljournal.store import Store

    rng = random.Random(SEED)
    moments = entry_moments(rng, count)
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
        stale.unlink(missing_ok=True)
    with Store.open(partial, clock=datetime.now) as store:
        started = time.perf_counter()
        with store.transaction():
            for at in moments:
                store.add_entry(entry_text(rng), at=at, starred=rng.random() < 0.05)
        elapsed = time.perf_counter() - started
    partial.replace(path)  # only a complete journal is ever cached
    return elapsed


def journal_for(count: int, rebuild: bool) -> tuple[Path, str]:
    """A fresh working copy of the cached ``count``-entry journal (log adds to the copy, so the
    cache stays as built), and a line saying how it was made."""
    OUT.mkdir(exist_ok=True)
    cached = OUT / f"journal-{count}.db"
    if rebuild or not cached.exists():
        print(f"building a journal of {count:,} entries in {cached} ...", file=sys.stderr, flush=True)
        seconds = build_journal(cached, count)
        note = f"built {count:,} entries in {seconds:.1f} s, one transaction of Store.add_entry calls"
        (OUT / f"journal-{count}.built").write_text(note + "\n")
        print(note, file=sys.stderr)
    else:
        stamp = OUT / f"journal-{count}.built"
        note = stamp.read_text().strip() if stamp.exists() else "cached"
        note = f"cached; {note} (--rebuild builds it again)"
    work = OUT / f"journal-{count}.work.db"
    for old in (work, work.with_name(work.name + "-wal"), work.with_name(work.name + "-shm")):
        old.unlink(missing_ok=True)
    shutil.copyfile(cached, work)
    os.chmod(work, 0o600)
    return work, note


def goaljournal_command() -> list[str]:
    script = Path(sys.executable).parent / "goaljournal"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "goaljournal"]


def child_env() -> dict[str, str]:
    """The commands' environment: this one, less PYTHONDONTWRITEBYTECODE.

    With it set, nothing writes goaljournal's .pyc files (an editable install has none until
    Python writes them) and every run compiles the package from source, about 10 ms. An
    installed wheel has them, so the warm-up run writes them (to the gitignored __pycache__
    folders) and the timed runs use them.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


ENV = child_env()


def run_once(argv: list[str]) -> tuple[float, float]:
    """One run: wall milliseconds, and the peak RSS in MiB that ``os.wait4`` reports.

    That peak is an upper bound: Linux starts a child's maxrss at its parent's RSS (the memory
    it was forked or vforked from is counted before exec), so it is never below this script's own
    peak. ``peak_rss`` gives the child's own figure.
    """
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if proc.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {message}")
    return elapsed * 1000, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def gnu_time() -> str | None:
    """GNU time, if it is here and reports %M (peak RSS in KiB) for a child it forks itself."""
    path = shutil.which("time", path="/usr/bin:/bin")
    if not path:
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        try:
            done = subprocess.run([path, "-f", "%M", "-o", report.name, "true"], capture_output=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return path if done.returncode == 0 and report.read().strip().isdigit() else None


def peak_rss(argv: list[str], timer: str) -> float:
    """The child's own peak RSS in MiB: GNU time, a tiny process, forks it and reads wait4's
    ru_maxrss, so this script's memory is not counted in."""
    with tempfile.NamedTemporaryFile("r") as report:
        done = subprocess.run([timer, "-f", "%M", "-o", report.name, *argv], capture_output=True, env=ENV)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")
        return int(report.read().split()[-1]) / 1024


def measure(argv: list[str], runs: int, timer: str | None) -> dict[str, float]:
    """Median and minimum wall time of ``runs`` direct runs; the median peak RSS of as many runs
    under GNU time (or, without it, the upper bound os.wait4 gives for the direct runs)."""
    run_once(argv)  # warm-up (page cache, .pyc files): not counted
    times, rss = [], []
    for _ in range(runs):
        ms, bound = run_once(argv)
        times.append(ms)
        rss.append(peak_rss(argv, timer) if timer else bound)
    return {"median": statistics.median(times), "min": min(times), "rss": statistics.median(rss)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="journal size (default 100000)")
    parser.add_argument("--runs", type=int, default=20, help="runs per command; the median is reported (default 20)")
    parser.add_argument("--rebuild", action="store_true", help="build the journal again even if it is cached")
    args = parser.parse_args()
    if args.entries < 1 or args.runs < 1:
        parser.error("--entries and --runs must be at least 1")

    journal, how = journal_for(args.entries, args.rebuild)
    gj = goaljournal_command()
    db = ["--db", str(journal)]
    cases = [
        ("`python -c pass` (floor)", [sys.executable, "-c", "pass"], False),
        ('`log "Benchmark entry @bench"`', [*gj, *db, "log", "Benchmark entry @bench"], True),
        ("`search mentor --limit 20`", [*gj, *db, "search", "mentor", "--limit", "20"], True),
        ('`search "mentor feedback" --limit 20`', [*gj, *db, "search", "mentor feedback", "--limit", "20"], True),
        ("`tags`", [*gj, *db, "tags"], False),
        ("`--version`", [*gj, "--version"], False),
    ]
    timer = gnu_time()
    results = []
    for label, argv, targeted in cases:
        print(f"timing {label} ...", file=sys.stderr, flush=True)
        results.append((label, targeted, measure(argv, args.runs, timer)))
    floor = results[0][2]["median"]

    lines = [
        f"goaljournal CLI speed: {args.entries:,}-entry journal, median of {args.runs} runs "
        f"({platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{datetime.now():%Y-%m-%d})",
        "",
        "| operation | median ms | min ms | ms above floor | peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, _, r in results:
        above = "—" if r is results[0][2] else f"{r['median'] - floor:+.1f}"
        lines.append(f"| {label} | {r['median']:.1f} | {r['min']:.1f} | {above} | {r['rss']:.1f} |")
    worst_label, _, worst = max((x for x in results if x[1]), key=lambda x: x[2]["median"])
    worst_above = worst["median"] - floor
    verdict = "PASS" if worst_above <= TARGET_MS else "FAIL"
    lines += [
        "",
        f"Target: log and search within {TARGET_MS:.0f} ms of the `python -c pass` floor. "
        f"**{verdict}**: the slowest, {worst_label}, is {worst_above:.1f} ms above it.",
        "",
        f"Journal: {how}. Command: `{' '.join(gj)}`, run without PYTHONDONTWRITEBYTECODE so that "
        "goaljournal's .pyc files are written by a warm-up run and used, as an installed wheel's are.",
        "",
        "Wall time: time.perf_counter around Popen + os.wait4 of the command itself. "
        + (
            "Peak RSS: the median of as many runs under GNU time (`-f %M`), which forks the "
            "command from its own small process: os.wait4 from this script would count this "
            "script's memory too (Linux starts a child's maxrss at its parent's RSS)."
            if timer
            else "Peak RSS: os.wait4's ru_maxrss, an upper bound (GNU time not found): it is never "
            f"below this script's own peak, {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB."
        ),
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    (OUT / "cli_speed.md").write_text(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
