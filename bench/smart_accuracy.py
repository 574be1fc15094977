"""How often the SMART coach agrees with hand-labelled goal sentences, per criterion.

    python bench/smart_accuracy.py [SET ...] [--misses]

A SET is a tab-separated file with the header ``id category class sentence S M A R T deadline per``
(verdict letters y, n, ?; deadline an ISO date or ``-``; per week, month, quarter or ``-``),
judged for today = Wed 25 Nov 2026. By default every set in tests/smart_sentences/ is read:
``tune.tsv`` (80 sentences the rules were tuned on), ``probe*.tsv`` (sentences written to break the
coach, tuned on in turn) and ``heldout*.tsv`` (written apart from the rules and kept aside; see
bench/README.md for the score each had when first seen). ``--misses`` lists each wrong verdict.

This is a measurement, not a test: tests/test_smart_sentences.py holds the coach to the sets.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = HERE.parent / "tests" / "smart_sentences"
sys.path.insert(0, str(HERE.parent))  # the repo's goaljournal, if it is not installed

TODAY = date(2026, 11, 25)
COLUMNS = ("S", "M", "A", "R", "T", "deadline", "per")
LETTERS = {True: "y", False: "n", None: "?"}


@dataclass(frozen=True)
class Labelled:
    id: str
    category: str
    kind: str
    sentence: str
    expected: dict[str, str]


def read_set(path: Path) -> list[Labelled]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Labelled(row["id"], row["category"], row["class"], row["sentence"], {c: row[c] for c in COLUMNS}) for row in rows]


def judged(sentence: str) -> dict[str, str]:
    """The coach's answer in the sets' letters."""
    from goaljournal.core.smart import smart_report

    report = smart_report(sentence, TODAY)
    answer = {letter: LETTERS[verdict.ok] for letter, (_, verdict) in zip("SMART", report.criteria, strict=True)}
    answer["deadline"] = report.deadline.isoformat() if report.deadline else "-"
    answer["per"] = (report.metric.per if report.metric else None) or "-"
    return answer


def score(rows: list[Labelled]) -> tuple[dict[str, int], int, list[tuple[Labelled, str, str, str]]]:
    """Right answers per column, rows right in every column, and the misses."""
    right = dict.fromkeys(COLUMNS, 0)
    whole = 0
    misses = []
    for row in rows:
        answer = judged(row.sentence)
        wrong = [column for column in COLUMNS if answer[column] != row.expected[column]]
        for column in COLUMNS:
            right[column] += column not in wrong
        whole += not wrong
        misses += [(row, column, row.expected[column], answer[column]) for column in wrong]
    return right, whole, misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="labelled sets (default: all in tests/smart_sentences)")
    parser.add_argument("--misses", action="store_true", help="list every wrong verdict")
    args = parser.parse_args()
    paths = args.sets or [SETS / "tune.tsv", *sorted(SETS.glob("probe*.tsv")), *sorted(SETS.glob("heldout*.tsv"))]
    print("| set | sentences | " + " | ".join(COLUMNS) + " | all right |")
    print("| --- | ---: | " + " | ".join("---:" for _ in COLUMNS) + " | ---: |")
    every_miss = []
    for path in paths:
        rows = read_set(path)
        right, whole, misses = score(rows)
        cells = " | ".join(f"{100 * right[c] / len(rows):.1f}%" for c in COLUMNS)
        print(f"| {path.stem} | {len(rows)} | {cells} | {100 * whole / len(rows):.1f}% |")
        every_miss += [(path.stem, *miss) for miss in misses]
    if args.misses:
        for name, row, column, expected, got in every_miss:
            print(f"{name} #{row.id} [{row.kind}] {column}: expected {expected}, got {got}: {row.sentence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
