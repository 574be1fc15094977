"""What encryption at rest costs: the quick commands and the app's first frame, plain and encrypted.

Takes bench/cli_speed.py's 100,000-entry journal (built through that script's own builder if it
is not cached) and makes (once, cached in bench/out/) an encrypted copy of it with the command
users run, ``goaljournal --db COPY encrypt`` with GOALJOURNAL_PASSPHRASE set; the conversion's
time and both files' sizes are reported. Then, side by side on the plain and the encrypted
journal, each as a fresh process on a fresh copy of its journal (through bench/_measure.py, a
tiny process, so wall time, CPU and peak RSS are the command's own), the plain and encrypted runs
interleaved (and their order swapped every run) so that the machine's load falls on both alike:

- ``log``, ``search`` (one word and two), ``tags``: the median and minimum of N runs (default
  20) after one uncounted warm-up run of each;
- the app's first frame of Today from process start (bench/first_frame.py's child, which derives
  the key from GOALJOURNAL_PASSPHRASE as the command line does and opens the store with it),
  N runs (default 5).

Every encrypted command derives its key once from the passphrase (PBKDF2-HMAC-SHA512, 256,000
iterations): a fixed cost a user pays per command, whatever the journal's size. So the commands of
both sides run as ``python -c`` of the ``goaljournal`` script's two lines with a timer around
``driver.derive_key``, and each encrypted run is given with its derivation (as users wait for it)
and less it; the app's child times its ``encryption.unlock``. ``driver.derive_key`` is also timed
in this process (the median of 10, half before the runs and half after). Wall and CPU time are
both reported: on a loaded machine CPU time is the steadier. The target: encrypted within 15 % of
plain in wall time, the derivation left out. A child that counts the calls (``driver.derive_key``,
``hashlib.pbkdf2_hmac`` and SQLCipher connections) runs each command once, and the app once
through the command line's own path to it (``goaljournal --db PATH``, run headless to its first
idle frame), to show the key is derived once. A row of ``python -c`` importing ``sqlite3``, and
``sqlite3`` with ``sqlcipher3``, gives what loading SQLCipher costs any encrypted process.

``--sql STATEMENT`` (repeatable) runs the statements on copies of both journals before the runs, to
measure a change to the schema (an index, say) on both sides alike; that report goes to
bench/out/encryption-with-sql.md.

    python bench/encryption.py [--entries N] [--runs N] [--frame-runs N] [--kdf-runs N] [--sql STATEMENT ...] [--rebuild] [--reconvert]

A benchmark, not a test: it prints a Markdown table and writes it to bench/out/encryption.md
(every run to bench/out/encryption.json).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import platform
import shlex
import shutil
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))  # this checkout's goaljournal, before an installed one
sys.path.insert(0, str(HERE))

import first_frame  # noqa: E402  (bench/ is this script's folder)
from cli_speed import OUT, child_env, goaljournal_command, journal_for  # noqa: E402
from timeline_tui import NOW  # noqa: E402

TARGET = 0.15  # encrypted at most 15 % slower than plain, the key derivation left out
# Fixed, so that the cached encrypted copy opens on the next run.
PASSPHRASE = "bench: correct horse battery staple"
PASSPHRASE_VARIABLES = ("GOALJOURNAL_PASSPHRASE", "GOALJOURNAL_PASSPHRASE_COMMAND", "GOALJOURNAL_NEW_PASSPHRASE")
COMMANDS = (
    ('`log "Benchmark entry @bench"`', ["log", "Benchmark entry @bench"]),
    ("`search mentor --limit 20`", ["search", "mentor", "--limit", "20"]),
    ('`search "mentor feedback" --limit 20`', ["search", "mentor feedback", "--limit", "20"]),
    ("`tags`", ["tags"]),
)
FRAME = "first frame of Today (the app)"
# What loading SQLCipher costs a process (the encrypted side imports both libraries, as the
# command line does); not a command, so not in the verdict.
FLOOR = "floor: `python -c 'import sqlite3'`; encrypted: `+ from sqlcipher3 import dbapi2`"
FLOOR_CODE = {"plain": "import sqlite3", "encrypted": "import sqlite3; from sqlcipher3 import dbapi2"}
SIDES = ("plain", "encrypted")
# Both sides' commands run through this instead of the `goaljournal` script (which is the same two
# lines, less the timer): it times each key derivation, wall and CPU, into BENCH_KDF_FILE, so that
# every encrypted run is given less its own derivation (on a loaded machine the derivation's time
# varies from run to run, and a median taken elsewhere would not be that run's).
CLI = """\
import os, sys, time
from goaljournal.store import driver
derive = driver.derive_key
def timed(*args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    key = derive(*args, **kwargs)
    with open(os.environ["BENCH_KDF_FILE"], "a") as out:
        out.write(f"{time.perf_counter() - wall} {time.process_time() - cpu}\\n")
    return key
driver.derive_key = timed
from goaljournal.cli import main
sys.exit(main())
"""


# -- the counting child ---------------------------------------------------------------------------


def count_child(report: str, argv: list[str]) -> int:
    """Run ``goaljournal ARGV`` in this process with the key derivation and SQLCipher's connect
    wrapped to count their calls; the app (no command) runs headless to its first idle frame.
    The counts go to ``report`` as JSON."""
    import asyncio
    import hashlib
    import threading

    from goaljournal import cli
    from goaljournal.store import driver

    counts = {"derive_key": 0, "pbkdf2_hmac": 0, "connections": 0}

    def counting(name, function):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            counts[name] += 1
            return function(*args, **kwargs)

        return counted

    driver.derive_key = counting("derive_key", driver.derive_key)
    hashlib.pbkdf2_hmac = counting("pbkdf2_hmac", hashlib.pbkdf2_hmac)  # any derivation, by any path
    cipher = driver.sqlcipher()
    cipher.connect = counting("connections", cipher.connect)

    from goaljournal.ui.app import GoalJournalApp

    def headless(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        async def drive() -> None:
            async with self.run_test(size=first_frame.SIZE) as pilot:
                await pilot.pause()

        asyncio.run(drive())

    GoalJournalApp.run = headless  # type: ignore[method-assign]
    status = cli.main(argv)
    for thread in threading.enumerate():  # the app's rolling backup opens a connection too
        if thread.name == "goaljournal-rolling-backup":
            thread.join()
    Path(report).write_text(json.dumps({"status": status, **counts}))
    return 0


# -- the parent -----------------------------------------------------------------------------------


def spawn(argv: list[str], journal: Path, work: Path, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    """One fresh process through bench/_measure.py on a fresh copy of ``journal`` (work/journal.db,
    its -wal, -shm and backups removed first); the run, with the command's standard output."""
    work.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(work / "backups", ignore_errors=True)
    return first_frame.measure_fresh(argv, journal, work, env)


def environments() -> dict[str, dict[str, str]]:
    """The children's environments: this checkout's goaljournal first, animations off, and the
    passphrase only on the encrypted side."""
    base = child_env()
    for name in PASSPHRASE_VARIABLES:
        base.pop(name, None)
    base["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [base.get("PYTHONPATH")])])
    base["TEXTUAL_ANIMATIONS"] = "none"
    base["GOALJOURNAL_CONFIG"] = str(OUT / "encryption" / "no-config.toml")  # the defaults, not the user's
    return {
        side: dict(base, BENCH_KDF_FILE=str(OUT / "encryption" / f"kdf-{side}.txt"), **({"GOALJOURNAL_PASSPHRASE": PASSPHRASE} if side == "encrypted" else {}))
        for side in SIDES
    }


def encrypted_copy(plain: Path, count: int, again: bool, envs: dict[str, dict[str, str]]) -> tuple[Path, dict]:  # type: ignore[type-arg]
    """The cached encrypted copy of ``plain``, made by ``goaljournal --db COPY encrypt`` (timed as a
    fresh process) when it is missing, older than ``plain``, or ``again``; what its making cost."""
    from goaljournal.store import Store, driver, encryption

    cached = OUT / f"journal-{count}.encrypted.db"
    stamp = OUT / f"journal-{count}.encrypted.json"
    if not again and cached.exists() and stamp.exists() and cached.stat().st_mtime >= plain.stat().st_mtime:
        made = json.loads(stamp.read_text())
        if "journal_mode" in made:  # a copy from before it was opened once (below) is made again
            return cached, dict(made, cached=True)
    print(f"encrypting a copy of {plain.name} ...", file=sys.stderr, flush=True)
    work = OUT / "encryption" / "convert"
    run = spawn([*goaljournal_command(), "--db", str(work / "journal.db"), "encrypt"], plain, work, envs["encrypted"])
    if not driver.is_encrypted(work / "journal.db"):
        raise SystemExit(f"`encrypt` left {work / 'journal.db'} plain: {run['stdout']}")
    made = {
        "seconds": run["wall_s"], "cpu_s": run["cpu_s"], "rss_mib": run["rss_mib"], "said": run["stdout"].strip(),
        "plain_bytes": plain.stat().st_size, "encrypted_bytes": (work / "journal.db").stat().st_size,
        "when": f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
    }  # fmt: skip
    # `encrypt` leaves the new file in rollback-journal mode, and the first opening switches it to
    # WAL (a synced write, about 50 ms). A user pays that once; the plain journal is cached in WAL
    # mode, so the encrypted one is opened once here and cached as it is after a first use.
    copy = work / "journal.db"
    key = encryption.unlock(copy, PASSPHRASE)
    with contextlib.closing(driver.connect(copy, key=key)) as conn:
        made["journal_mode"] = conn.execute("PRAGMA journal_mode").fetchone()[0]
    Store.open(copy, clock=datetime.now, key=key).close()
    if driver.file_header(copy) != key.salt or Path(f"{copy}-wal").exists():
        raise SystemExit(f"{copy} was not left whole after its first opening")
    (work / "journal.db").replace(cached)
    stamp.write_text(json.dumps(made) + "\n")
    return cached, dict(made, cached=False)


def time_kdf(salt: bytes, runs: int) -> list[float]:
    from goaljournal.store import driver

    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        driver.derive_key(PASSPHRASE, salt)
        seconds.append(time.perf_counter() - began)
    return seconds


def counts(journals: dict[str, Path], envs: dict[str, dict[str, str]]) -> list[dict]:  # type: ignore[type-arg]
    """How often each command and the app derive a key and open a SQLCipher connection."""
    rows = []
    for label, args in [*COMMANDS, ("the app (`goaljournal --db PATH`, to its first idle frame)", [])]:
        row: dict = {"label": label}  # type: ignore[type-arg]
        for side in SIDES:
            work = OUT / "encryption" / "count"
            report = work / "counts.json"
            report.unlink(missing_ok=True)
            argv = [sys.executable, str(Path(__file__).resolve()), "--count", str(report), "--db", str(work / "journal.db"), *args]
            spawn(argv, journals[side], work, envs[side])
            found = json.loads(report.read_text())
            if found["status"] != 0:
                raise SystemExit(f"{label} on the {side} journal exited {found['status']}")
            row[side] = found
        rows.append(row)
    return rows


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def report(results: dict, meta: dict) -> tuple[str, bool]:  # type: ignore[type-arg]
    kdf = statistics.median(meta["kdf_s"])
    made = meta["made"]
    plain_mib, cipher_mib = made["plain_bytes"] / 2**20, made["encrypted_bytes"] / 2**20
    lines = [
        "# What encryption at rest costs",
        "",
        f"Run on {meta['started']} with `{meta['command']}`: each command a fresh process on a fresh copy of "
        f"its journal, plain and encrypted runs interleaved; {meta['python']}, SQLCipher {meta['cipher']}, "
        f"{os.cpu_count()} cores, load average (1 min) {meta['load'][0]} at the start and {meta['load'][1]} at the end.",
        "",
        f"Journal: `{meta['journal']}` ({meta['journal_note']}), {made['plain_bytes']:,} bytes ({plain_mib:.1f} MiB); "
        f"encrypted by `goaljournal --db COPY encrypt` in {made['seconds']:.2f} s ({made['cpu_s']:.2f} s CPU, "
        f"peak RSS {made['rss_mib']:.0f} MiB; {made['when']}{', cached' if made['cached'] else ''}) to "
        f"{made['encrypted_bytes']:,} bytes ({cipher_mib:.1f} MiB, {made['encrypted_bytes'] / made['plain_bytes'] - 1:+.1%}), "
        f"in journal mode `{made['journal_mode']}`; opened once before it was cached (switched to `wal`, as the plain "
        "journal is), as a first use leaves it.",
        "",
        *([f"Both journals changed first by: {'; '.join(f'`{x}`' for x in meta['sql'])}.", ""] if meta["sql"] else []),
        "Wall time (as users wait for it):",
        "",
        "| operation | runs | plain median ms | plain min ms | encrypted median ms | encrypted min ms "
        "| its key derivation, median ms | encrypted less it, median ms | cost with the KDF | cost without |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    cpu_lines = [
        "",
        "CPU time (user + system; less disturbed by the machine's other work than wall time):",
        "",
        "| operation | plain median ms | encrypted median ms | encrypted less its KDF, median ms "
        "| cost with the KDF | cost without | peak RSS MiB, plain → encrypted |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    worst, worst_cpu = ("", -1.0), ("", -1.0)
    for label, sides in results.items():
        row = {}
        for clock, at in (("wall", 0), ("cpu", 1)):
            measure = f"{clock}_s" if clock == "wall" else "cpu_s"
            plain = [r[measure] for r in sides["plain"]]
            cipher = [r[measure] for r in sides["encrypted"]]
            # Each encrypted run less the derivation it timed itself.
            less = [r[measure] - sum(k[at] for k in r["kdf"]) for r in sides["encrypted"]]
            own = [sum(k[at] for k in r["kdf"]) for r in sides["encrypted"]]
            p, c, l = statistics.median(plain), statistics.median(cipher), statistics.median(less)
            row[clock] = (plain, cipher, less, own, p, c, l, c / p - 1, l / p - 1)
        plain, cipher, less, own, p, c, l, with_kdf, without = row["wall"]
        if label != FLOOR and without > worst[1]:
            worst = (label, without)
        if label != FLOOR and row["cpu"][8] > worst_cpu[1]:
            worst_cpu = (label, row["cpu"][8])
        derivation = "—" if label == FLOOR else ms(statistics.median(own))
        lines.append(
            f"| {label} | {len(plain)} | {ms(p)} | {ms(min(plain))} | {ms(c)} | {ms(min(cipher))} | {derivation} | {ms(l)} "
            f"| {with_kdf:+.0%} | **{without:+.1%}** |"
        )
        _, _, _, _, p, c, l, with_kdf, without = row["cpu"]
        rss = [statistics.median(r["rss_mib"] for r in sides[side]) for side in SIDES]
        cpu_lines.append(
            f"| {label} | {ms(p)} | {ms(c)} | {ms(l)} | {with_kdf:+.0%} | {without:+.1%} | {rss[0]:.1f} → {rss[1]:.1f} |"
        )
    lines += cpu_lines
    cli_kdf = [k for label, sides in results.items() if label not in (FLOOR, FRAME) for r in sides["encrypted"] for k in r["kdf"]]
    frame_kdf = [k for r in results.get(FRAME, {}).get("encrypted", []) for k in r["kdf"]]
    lines += [
        "",
        "| key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, 32 bytes) | times | median ms | min ms | CPU median ms |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| `driver.derive_key` in this process, half before the runs and half after | {len(meta['kdf_s'])} "
        f"| {ms(kdf)} | {ms(min(meta['kdf_s']))} | — |",
    ]
    for name, found in (("inside the encrypted commands above", cli_kdf), ("inside the app's runs above (`encryption.unlock`)", frame_kdf)):
        if found:
            lines.append(
                f"| {name} | {len(found)} | {ms(statistics.median(k[0] for k in found))} | {ms(min(k[0] for k in found))} "
                f"| {ms(statistics.median(k[1] for k in found))} |"
            )
    per_run = sorted({len(r["kdf"]) for label, sides in results.items() if label != FLOOR for r in sides["encrypted"]})
    plain_runs = sorted({len(r["kdf"]) for label, sides in results.items() for r in sides["plain"]})
    def times(counts: list[int]) -> str:
        return {(0,): "never", (1,): "once"}.get(tuple(counts), " or ".join(map(str, counts)) + " times")

    meta["per_run"] = f"every timed encrypted run derived a key {times(per_run)}, every plain run {times(plain_runs)}"
    lines += [
        "",
        "| run once, counting calls | `derive_key` plain → encrypted | `pbkdf2_hmac` | SQLCipher connections |",
        "| --- | ---: | ---: | ---: |",
    ]
    once = True
    for row in meta["counts"]:
        p, c = row["plain"], row["encrypted"]
        once = once and c["derive_key"] == 1 and c["pbkdf2_hmac"] == 1 and p["pbkdf2_hmac"] == 0
        lines.append(
            f"| {row['label']} | {p['derive_key']} → {c['derive_key']} | {p['pbkdf2_hmac']} → {c['pbkdf2_hmac']} "
            f"| {p['connections']} → {c['connections']} |"
        )
    passed = worst[1] <= TARGET
    lines += [
        "",
        f"Target: encrypted within {TARGET:.0%} of plain, the key derivation left out. In wall time **{'PASS' if passed else 'FAIL'}**: "
        f"the worst, {worst[0]}, is {worst[1]:+.1%}; in CPU time **{'PASS' if worst_cpu[1] <= TARGET else 'FAIL'}**: "
        f"the worst, {worst_cpu[0]}, is {worst_cpu[1]:+.1%}. "
        "The key is derived " + ("once in every command and in the app" if once else "**more than once** somewhere: see the counts")
        + f" ({meta['per_run']}).",
        "",
        "Same answers: " + meta["same"] + ".",
        "",
        "Wall time: from the spawn to the exit of the command (bench/_measure.py: perf_counter around Popen + "
        "os.wait4), or for the app from its spawn to the last frame it handed to the terminal driver before it was "
        "first idle (bench/first_frame.py's child). Both sides' commands run as `python -c` of the two lines of the "
        "`goaljournal` script plus a timer around `driver.derive_key`; each encrypted run is given less the derivation "
        "it timed itself (the app's child times `encryption.unlock`). CPU: the process's user + system time (the app's "
        "at its first frame). Peak RSS: os.wait4's ru_maxrss of the command, spawned from that tiny process.",
    ]
    return "\n".join(lines) + "\n", passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000, help="journal size (default 100000)")
    parser.add_argument("--runs", type=int, default=20, help="runs per command and side (default 20)")
    parser.add_argument("--frame-runs", type=int, default=5, help="first-frame runs per side (default 5; 0 skips it)")
    parser.add_argument("--kdf-runs", type=int, default=10, help="timings of the key derivation (default 10)")
    parser.add_argument("--rebuild", action="store_true", help="build the journal and its encrypted copy again")
    parser.add_argument("--reconvert", action="store_true", help="make the encrypted copy again (and time it)")
    parser.add_argument("--sql", action="append", default=[], metavar="STATEMENT",
                        help="run STATEMENT on a copy of both journals first, to measure a change (repeatable)")  # fmt: skip
    args = parser.parse_args()
    if args.entries < 1 or args.runs < 1 or args.frame_runs < 0 or args.kdf_runs < 1:
        parser.error("--entries, --runs and --kdf-runs must be at least 1, --frame-runs at least 0")

    from importlib.metadata import version

    from goaljournal.store import driver, encryption

    started = datetime.now(timezone.utc)
    load = [Path("/proc/loadavg").read_text().split()[0]]
    OUT.mkdir(exist_ok=True)
    work_copy, note = journal_for(args.entries, args.rebuild)
    work_copy.unlink()  # journal_for's working copy: every run here makes its own
    plain = OUT / f"journal-{args.entries}.db"
    envs = environments()
    Path(envs["plain"]["GOALJOURNAL_CONFIG"]).parent.mkdir(parents=True, exist_ok=True)
    compileall.compile_dir(REPO / "goaljournal", quiet=1)  # as installed: no run compiles the package
    cipher, made = encrypted_copy(plain, args.entries, args.rebuild or args.reconvert, envs)
    journals = {"plain": plain, "encrypted": cipher}
    for side in SIDES if args.sql else ():
        # A what-if (an index, say): both journals changed alike, the cached ones left as they are.
        variant = OUT / "encryption" / f"{side}-with-sql.db"
        shutil.copyfile(journals[side], variant)
        key = encryption.unlock(variant, PASSPHRASE) if side == "encrypted" else None
        with contextlib.closing(driver.connect(variant, key=key, isolation_level=None)) as conn:
            for statement in args.sql:
                conn.execute(statement)
        journals[side] = variant

    cases = {FLOOR: lambda side: [sys.executable, "-c", FLOOR_CODE[side]]}
    cases.update({label: (lambda side, args=words: [sys.executable, "-c", CLI, "--db", str(OUT / "encryption" / side / "journal.db"), *args]) for label, words in COMMANDS})
    if args.frame_runs:
        cases[FRAME] = lambda side: [
            sys.executable, str(HERE / "first_frame.py"), "--child", str(REPO), "today",
            str(OUT / "encryption" / side / "journal.db"), "{started}", NOW.isoformat(),
        ]  # fmt: skip

    salt = driver.salt_of(cipher)
    kdf = time_kdf(salt, args.kdf_runs // 2)
    results: dict = {label: {side: [] for side in SIDES} for label in cases}  # type: ignore[type-arg]
    outputs: dict = {label: {} for label in cases}  # type: ignore[type-arg]
    rounds = max(args.runs, args.frame_runs)
    for number in range(rounds + 1):  # round 0 warms up (page cache, SQLCipher's library): not counted
        for label, argv in cases.items():
            wanted = args.frame_runs if label == FRAME else args.runs
            if number > wanted:
                continue
            # The order swaps every round, so that neither side always runs just after the other.
            for side in SIDES if number % 2 else reversed(SIDES):
                kdf_file = Path(envs[side]["BENCH_KDF_FILE"])
                kdf_file.unlink(missing_ok=True)
                run = spawn(argv(side), journals[side], OUT / "encryption" / side, envs[side])
                if label == FRAME:
                    child = json.loads(run.pop("stdout").strip().splitlines()[-1])
                    # The child's own clocks: spawn to the frame, and its CPU time by then.
                    run.update(wall_s=child["first_frame_s"], cpu_s=child["cpu_s"], kdf=[[child["unlock_s"], child["unlock_cpu_s"]]] if child["unlock_s"] else [])
                else:
                    outputs[label][side] = run.pop("stdout")
                    derived = kdf_file.read_text().split("\n") if kdf_file.exists() else []
                    run["kdf"] = [[float(x) for x in line.split()] for line in derived if line]
                if number:
                    results[label][side].append(run)
            if number:
                print(f"round {number}/{rounds} {label}: " + ", ".join(
                    f"{side} {results[label][side][-1]['wall_s'] * 1000:.0f} ms" for side in SIDES
                ), file=sys.stderr, flush=True)  # fmt: skip
    kdf += time_kdf(salt, args.kdf_runs - args.kdf_runs // 2)
    print("counting key derivations ...", file=sys.stderr, flush=True)
    counted = counts(journals, envs)
    load.append(Path("/proc/loadavg").read_text().split()[0])

    differ = [label for label, said in outputs.items() if said and said.get("plain") != said.get("encrypted")]
    same = (
        "every command printed the same on the encrypted journal as on the plain one"
        if not differ
        else "**different output** from " + ", ".join(differ)
    )
    meta = {
        "started": f"{started:%Y-%m-%d %H:%M} UTC",
        "command": "python bench/encryption.py" + "".join(f" {shlex.quote(a)}" for a in sys.argv[1:]),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "cipher": f"{driver.sqlcipher().connect(':memory:').execute('PRAGMA cipher_version').fetchone()[0]} "
        f"(sqlcipher3 {version('sqlcipher3')})",
        "load": load, "journal": plain.relative_to(REPO), "journal_note": note, "made": made,
        "kdf_s": kdf, "counts": counted, "same": same, "sql": args.sql,
    }  # fmt: skip
    text, passed = report(results, meta)
    print(text)
    name = "encryption-with-sql" if args.sql else "encryption"  # a what-if never overwrites the report
    (OUT / f"{name}.md").write_text(text)
    (OUT / f"{name}.json").write_text(json.dumps({"meta": meta, "runs": results}, indent=1, default=str) + "\n")
    print(f"written to {OUT / f'{name}.md'} (the runs in {OUT / f'{name}.json'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--count"]:
        sys.exit(count_child(sys.argv[2], sys.argv[3:]))
    sys.exit(main())
