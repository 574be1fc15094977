"""No test, and no module but the command line's entry point, reads the real clock: the suite
passes on any date, and every date the code uses is passed in."""

from __future__ import annotations

import re
from pathlib import Path

import goaljournal

TESTS = Path(__file__).parent
PACKAGE = Path(goaljournal.__file__).parent
REAL_CLOCK = re.compile(r"\b(?:date|datetime)\.(?:today|now|utcnow)\b|\btime\.(?:time|localtime|gmtime)\(")
ENTRY_POINT = PACKAGE / "cli.py"


def clock_reads(path: Path) -> list[str]:
    return [f"{path.name}:{number}: {line.strip()}"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if REAL_CLOCK.search(line) and not line.lstrip().startswith("#")]  # fmt: skip


def test_no_test_module_reads_the_real_clock() -> None:
    reads = [read for path in sorted(TESTS.rglob("*.py")) if path != Path(__file__) for read in clock_reads(path)]
    assert reads == []


def test_only_the_entry_point_reads_the_real_clock() -> None:
    reads = [read for path in sorted(PACKAGE.rglob("*.py")) if path != ENTRY_POINT for read in clock_reads(path)]
    assert reads == []
    assert clock_reads(ENTRY_POINT)  # the control: the probe does see the entry point's reads


def test_the_probe_sees_each_way_of_reading_the_clock(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("a = date.today()\nb = datetime.now()\nc = time.time()\nclock = datetime.now\n# date.today()\n")
    assert [line.split(": ", 1)[1] for line in clock_reads(sample)] == [
        "a = date.today()", "b = datetime.now()", "c = time.time()", "clock = datetime.now",
    ]  # fmt: skip
