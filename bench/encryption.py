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
iterations): a fixed cost a user pays per command, whatever the journal's size. So the key
derivation is timed on its own (``driver.derive_key``, the median of 10, half before the runs and
half after) and each encrypted time is given with it (as users run it) and without it. The
target: encrypted within 15 % of plain without the derivation. A child that counts the calls
(``driver.derive_key``, ``hashlib.pbkdf2_hmac`` and SQLCipher connections) runs each command once,
and the app once through the command line's own path to it (``goaljournal --db PATH``, the app
run headless to its first idle), to show the key is derived once.

    python bench/encryption.py [--entries N] [--runs N] [--frame-runs N] [--kdf-runs N] [--rebuild] [--reconvert]

A benchmark, not a test: it prints a Markdown table and writes it to bench/out/encryption.md
(every run to bench/out/encryption.json).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
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
SIDES = ("plain", "encrypted")


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
    spec, stdout, stderr = work / "spec.json", work / "child.out", work / "child.err"
    copy = work / "journal.db"
    spec.write_text(json.dumps({
        "argv": argv, "env": env, "runs": 1, "warmup": False,
        "copies": [[str(journal), str(copy)]], "remove": [f"{copy}-wal", f"{copy}-shm"],
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


def environments() -> dict[str, dict[str, str]]:
    """The children's environments: this checkout's goaljournal first, animations off, and the
    passphrase only on the encrypted side."""
    base = child_env()
    for name in PASSPHRASE_VARIABLES:
        base.pop(name, None)
    base["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [base.get("PYTHONPATH")])])
    base["TEXTUAL_ANIMATIONS"] = "none"
    base["GOALJOURNAL_CONFIG"] = str(OUT / "encryption" / "no-config.toml")  # the defaults, not the user's
    return {"plain": base, "encrypted": dict(base, GOALJOURNAL_PASSPHRASE=PASSPHRASE)}


def encrypted_copy(plain: Path, count: int, again: bool, envs: dict[str, dict[str, str]]) -> tuple[Path, dict]:  # type: ignore[type-arg]
    """The cached encrypted copy of ``plain``, made by ``goaljournal --db COPY encrypt`` (timed as a
    fresh process) when it is missing, older than ``plain``, or ``again``; what its making cost."""
    from goaljournal.store import driver

    cached = OUT / f"journal-{count}.encrypted.db"
    stamp = OUT / f"journal-{count}.encrypted.json"
    if not again and cached.exists() and stamp.exists() and cached.stat().st_mtime >= plain.stat().st_mtime:
        return cached, dict(json.loads(stamp.read_text()), cached=True)
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
        f"{made['encrypted_bytes']:,} bytes ({cipher_mib:.1f} MiB, {made['encrypted_bytes'] / made['plain_bytes'] - 1:+.1%}).",
        "",
        "| operation | runs | plain median ms | plain min ms | encrypted median ms | encrypted min ms "
        "| encrypted less the KDF, median ms | cost with the KDF | cost without | peak RSS MiB, plain → encrypted |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    worst = ("", -1.0)
    for label, sides in results.items():
        plain = [r["wall_s"] for r in sides["plain"]]
        cipher = [r["wall_s"] for r in sides["encrypted"]]
        if label == FRAME:  # the child timed its own derivation, run by run
            plain = [r["first_frame_s"] for r in sides["plain"]]
            cipher = [r["first_frame_s"] for r in sides["encrypted"]]
            less = statistics.median(r["first_frame_s"] - r["unlock_s"] for r in sides["encrypted"])
        else:
            less = statistics.median(cipher) - kdf
        p, c = statistics.median(plain), statistics.median(cipher)
        without = less / p - 1
        if without > worst[1]:
            worst = (label, without)
        rss = [statistics.median(r["rss_mib"] for r in sides[side]) for side in SIDES]
        lines.append(
            f"| {label} | {len(plain)} | {ms(p)} | {ms(min(plain))} | {ms(c)} | {ms(min(cipher))} | {ms(less)} "
            f"| {c / p - 1:+.0%} | **{without:+.1%}** | {rss[0]:.1f} → {rss[1]:.1f} |"
        )
    unlocks = [r["unlock_s"] for r in results[FRAME]["encrypted"]] if FRAME in results else []
    lines += [
        "",
        "| key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, 32 bytes) | runs | median ms | min ms |",
        "| --- | ---: | ---: | ---: |",
        f"| `driver.derive_key`, in this process (half before the runs, half after) | {len(meta['kdf_s'])} | {ms(kdf)} | {ms(min(meta['kdf_s']))} |",
    ]
    if unlocks:
        lines.append(
            f"| `encryption.unlock` in the first-frame child (reads the salt, derives) | {len(unlocks)} "
            f"| {ms(statistics.median(unlocks))} | {ms(min(unlocks))} |"
        )
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
        f"Target: encrypted within {TARGET:.0%} of plain, the key derivation left out. **{'PASS' if passed else 'FAIL'}**: "
        f"the worst, {worst[0]}, is {worst[1]:+.1%}. The key is derived "
        + ("once in every command and in the app." if once else "**more than once** somewhere: see the counts."),
        "",
        "Same answers: " + meta["same"] + ".",
        "",
        "Wall time: from the spawn to the exit of the command (bench/_measure.py: perf_counter around Popen + "
        "os.wait4), or for the app from its spawn to the last frame it handed to the terminal driver before it was "
        "first idle (bench/first_frame.py's child). Less the KDF: a command's median less the median of "
        "`driver.derive_key` above; the app's runs each less the derivation that run timed. Peak RSS: os.wait4's "
        "ru_maxrss of the command, spawned from that tiny process.",
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
    args = parser.parse_args()
    if args.entries < 1 or args.runs < 1 or args.frame_runs < 0 or args.kdf_runs < 1:
        parser.error("--entries, --runs and --kdf-runs must be at least 1, --frame-runs at least 0")

    from importlib.metadata import version

    from goaljournal.store import driver

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

    gj = goaljournal_command()
    cases = {label: (lambda side, args=words: [*gj, "--db", str(OUT / "encryption" / side / "journal.db"), *args]) for label, words in COMMANDS}
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
                run = spawn(argv(side), journals[side], OUT / "encryption" / side, envs[side])
                if label == FRAME:
                    run.update(json.loads(run.pop("stdout").strip().splitlines()[-1]))
                    run.pop("ui_module_names", None)
                else:
                    outputs[label][side] = run.pop("stdout")
                if number:
                    results[label][side].append(run)
            if number:
                print(f"round {number}/{rounds} {label}: " + ", ".join(
                    f"{side} {results[label][side][-1].get('first_frame_s', results[label][side][-1]['wall_s']) * 1000:.0f} ms"
                    for side in SIDES), file=sys.stderr, flush=True)  # fmt: skip
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
        "kdf_s": kdf, "counts": counted, "same": same,
    }  # fmt: skip
    text, passed = report(results, meta)
    print(text)
    (OUT / "encryption.md").write_text(text)
    (OUT / "encryption.json").write_text(json.dumps({"meta": meta, "runs": results}, indent=1, default=str) + "\n")
    print(f"written to {OUT / 'encryption.md'} (the runs in {OUT / 'encryption.json'})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--count"]:
        sys.exit(count_child(sys.argv[2], sys.argv[3:]))
    sys.exit(main())
