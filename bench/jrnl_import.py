"""How long `goaljournal import --format jrnl` takes on a 100,000-entry jrnl journal.

Writes (once, cached in bench/out/) a jrnl journal of N entries about an hour apart, in jrnl's
own layout: a title line, a body of one to four lines (some with a blank line inside), 0–3 of 16
@tags and about 5% starred. Then runs the import as a fresh process into a new journal (the
first import: every entry added), and again into the same journal (the second import: nothing
added), and the export back to jrnl; each --runs times, reporting the median and minimum wall
time. Prints a Markdown table and writes it to bench/out/jrnl_import.md.

    python bench/jrnl_import.py [--entries N] [--runs N] [--rebuild]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
TAGS = ["pmp", "networking", "mentoring", "study", "review", "career", "analytics", "presenting",
        "feedback", "wellbeing", "reading", "writing", "team", "excel", "leadership", "travel"]  # fmt: skip
WORDS = ["the", "of", "and", "to", "in", "a", "met", "with", "my", "team", "about", "plan", "review", "the", "draft", "outline", "for", "next", "week", "mentor", "feedback", "study", "hours", "practice", "exam", "dashboard", "stakeholder", "meeting", "lesson", "learned"]  # fmt: skip


def build(path: Path, entries: int) -> None:
    rng = random.Random(8)
    moment = datetime(2009, 1, 1, 8, 0)
    with path.open("w", encoding="utf-8") as out:
        for number in range(entries):
            moment += timedelta(minutes=rng.randint(30, 90))
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))).capitalize() + "."
            star = " *" if rng.random() < 0.05 else ""
            lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))) for _ in range(rng.randint(1, 4))]
            if len(lines) > 2:
                lines.insert(1, "")
            tags = " ".join("@" + tag for tag in rng.sample(TAGS, rng.randint(0, 3)))
            lines[-1] += f" {tags}" if tags else ""
            separator = "\n" if number else ""
            out.write(f"{separator}[{moment:%Y-%m-%d %H:%M}] {title}{star}\n" + "\n".join(lines) + "\n")


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source = OUT / f"jrnl-{options.entries}.txt"
    if options.rebuild or not source.exists():
        build(source, options.entries)
    cli = [sys.executable, "-m", "goaljournal"]
    first, second, export = [], [], []
    for run in range(options.runs):
        db = OUT / f"jrnl-import-{run}.db"
        for stale in OUT.glob(f"{db.name}*"):
            stale.unlink()
        first.append(timed([*cli, "--db", str(db), "import", "--format", "jrnl", str(source)]))
        second.append(timed([*cli, "--db", str(db), "import", "--format", "jrnl", str(source)]))
        back = OUT / f"jrnl-export-{run}.txt"
        export.append(timed([*cli, "--db", str(db), "export", "--format", "jrnl", "-o", str(back)]))
        if back.read_bytes() != source.read_bytes():
            sys.exit("the exported journal differs from the imported one")
    rows = [
        (f"first import of {options.entries:,} entries (new journal)", first),
        ("second import of the same file (adds nothing)", second),
        ("export back to jrnl (byte-identical to the source)", export),
    ]
    lines = ["| operation | median s | min s |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {statistics.median(times):.2f} | {min(times):.2f} |" for name, times in rows]
    table = "\n".join(lines)
    print(table)
    (OUT / "jrnl_import.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
