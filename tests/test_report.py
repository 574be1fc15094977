"""The review packet (`goaljournal report`) on the demo journal: its figures checked against
the database with plain SQL, not through the code that wrote them."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from goaljournal.cli import main
from goaljournal.core.progress import format_number
from goaljournal.demo import fill_demo_journal
from goaljournal.store import Store

TODAY = date(2026, 11, 25)
Q4 = ("2026-10-01", "2026-12-31")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import datetime

    path = tmp_path_factory.mktemp("demo") / "journal.db"
    with Store.open(path, clock=lambda: datetime(2026, 11, 25, 9, 30)) as store:
        fill_demo_journal(store, today=TODAY)
        # One private win in the quarter: the report must not show it.
        store.add_entry("Private: salary talk went well", at="2026-11-12 20:00:00", kind="win", private=True)
    return path


def report(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    capsys.readouterr()
    assert main(["--db", str(db), "report", *args]) == 0
    return capsys.readouterr().out


def sql(db: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, params).fetchall()


def section(text: str, title: str) -> str:
    return text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def assert_periods_met(demo_db: Path, text: str, goal_id: int, target: float, unit: str, cadence: str) -> None:
    """A cadence goal's periods met in Q4 so far, counted here in SQL: each week (from its Monday)
    or month of the quarter that has ended, and the one under way only once met."""
    assert f"- Target: {format_number(target)} {unit} per {cadence}\n" in text
    key = {"week": "date(at, '-6 days', 'weekday 1')", "month": "substr(at, 1, 7)"}[cadence]
    totals = dict(sql(demo_db, f"SELECT {key}, total(value) FROM checkins WHERE goal_id = ? AND deleted_at IS NULL GROUP BY 1", goal_id))
    if cadence == "month":
        ended, running = ["2026-10"], "2026-11"
    else:  # the weeks holding 1 Oct (from Monday 28 Sep) to the one before this week
        ended = [(date(2026, 9, 28) + timedelta(weeks=n)).isoformat() for n in range(8)]
        running = "2026-11-23"
    met = sum(totals.get(period, 0) >= target for period in ended)
    running_met = totals.get(running, 0) >= target
    words = "weeks" if cadence == "week" else "months"
    assert f"- This period: {met + running_met} of {len(ended) + running_met} {words} met" in text


def test_the_quarter_report_matches_the_database(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, demo_db, "--period", "quarter", "--at", "2026-11-25")
    lo, hi = Q4
    assert text.startswith("# Progress report · Q4 2026\n\nThu 1 Oct 2026 – Thu 31 Dec 2026")

    entries = sql(demo_db, "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND private = 0 AND at >= ? AND at < ?", lo, hi + "~")[0][0]
    assert f"- Journal entries: {entries}\n" in text
    days = sql(demo_db, "SELECT count(*) FROM (SELECT at FROM checkins WHERE deleted_at IS NULL AND at BETWEEN ?1 AND ?2 "
               "UNION SELECT day FROM daily_checkins WHERE (mood IS NOT NULL OR energy IS NOT NULL) AND day BETWEEN ?1 AND ?2)", lo, hi)[0][0]  # fmt: skip
    assert f"- Check-in days: {days}\n" in text
    done = sql(demo_db, "SELECT count(*) FROM milestones WHERE deleted_at IS NULL AND done_at BETWEEN ? AND ?", lo, hi)[0][0]
    due = sql(demo_db, "SELECT count(*) FROM milestones WHERE deleted_at IS NULL AND due_date BETWEEN ? AND ?", lo, hi)[0][0]
    missed = sql(demo_db, "SELECT count(*) FROM milestones WHERE deleted_at IS NULL AND due_date BETWEEN ? AND ? "
                 "AND done_at IS NULL", lo, "2026-11-25")[0][0]  # fmt: skip
    assert f"- Milestones done: {done}; due in the period: {due}, missed: {missed}\n" in text
    assert section(text, "Milestones").count("- ✓ ") == done and section(text, "Milestones").count("- ✗ ") == missed

    # Each active goal: its latest check-in by the end of the quarter, against its target.
    goals = sql(demo_db, "SELECT id, title, baseline, target, unit, cadence FROM goals WHERE deleted_at IS NULL AND status = 'active'")
    assert goals
    for goal_id, title, baseline, target, unit, cadence in goals:
        assert f"### {title}\n" in text
        if cadence is not None:
            assert_periods_met(demo_db, text, goal_id, target, unit, cadence)
            continue
        latest = sql(demo_db, "SELECT value FROM checkins WHERE goal_id = ? AND deleted_at IS NULL AND at <= ? "
                     "ORDER BY at DESC, id DESC LIMIT 1", goal_id, hi)  # fmt: skip
        now = latest[0][0] if latest else baseline
        share = (now - (baseline or 0)) / (target - (baseline or 0))
        line = (f"- Progress: baseline {format_number(baseline or 0)} {unit} → now {format_number(now)} {unit} "
                f"of target {format_number(target)} {unit} ({min(max(share, 0), 1):.0%} of the way)")  # fmt: skip
        assert line in text, title
        in_period = sql(demo_db, "SELECT count(*) FROM checkins WHERE goal_id = ? AND deleted_at IS NULL AND at BETWEEN ? AND ?", goal_id, lo, hi)[0][0]
        assert re.search(rf"### {re.escape(title)}\n(?:.*\n)*?- Check-ins: {in_period} this period · `[▁▂▃▄▅▆▇█]+`", text), title

    # Revisions of the quarter, each with its reason.
    revisions = sql(demo_db, "SELECT reason FROM revisions WHERE at >= ? AND at < ?", lo, hi + "~")
    assert section(text, "Revisions").count("\n- ") == len(revisions) > 0
    assert all(reason in text for (reason,) in revisions if reason)

    # Wins of the quarter, none of them private.
    wins = sql(demo_db, "SELECT count(*) FROM entries WHERE kind = 'win' AND deleted_at IS NULL AND private = 0 AND at >= ? AND at < ?", lo, hi + "~")[0][0]
    assert section(text, "Wins").count("\n- ") == wins > 0
    assert "salary talk" not in text

    # What changed since the previous assessment: the two latest finished sessions' ratings.
    sessions = sql(demo_db, "SELECT id, at FROM assessments WHERE completed_at IS NOT NULL AND deleted_at IS NULL AND at <= ? ORDER BY at DESC LIMIT 2", hi)
    assert len(sessions) == 2
    after = dict(sql(demo_db, "SELECT s.name, r.rating FROM ratings r JOIN skills s ON s.id = r.skill_id WHERE r.assessment_id = ?", sessions[0][0]))
    before = dict(sql(demo_db, "SELECT s.name, r.rating FROM ratings r JOIN skills s ON s.id = r.skill_id WHERE r.assessment_id = ?", sessions[1][0]))
    changes = section(text, "Since the previous assessment")
    for name in after.keys() & before.keys():
        assert f"- {name}: {before[name]} → {after[name]}" in changes

    # Next period: open milestones of active goals due by the end of the next quarter.
    upcoming = sql(demo_db, "SELECT m.title FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL "
                   "AND g.deleted_at IS NULL AND g.status IN ('active', 'draft') AND m.done_at IS NULL "
                   "AND (m.due_date IS NULL OR m.due_date <= '2027-03-31')")  # fmt: skip
    next_part = section(text, "Next period · Q1 2027")
    assert next_part.count("- [ ] ") == min(len(upcoming), 12) > 0


def test_private_entries_appear_only_when_asked_for(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "salary talk" in report(capsys, demo_db, "--period", "month", "--at", "2026-11-25", "--include-private")
    month = report(capsys, demo_db, "--period", "month", "--at", "2026-11-25")
    assert month.startswith("# Progress report · November 2026\n") and "salary talk" not in month


def test_a_year_report_goes_to_a_private_file(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "review.md"
    capsys.readouterr()
    assert main(["--db", str(demo_db), "report", "--period", "year", "--at", "2026-06-01", "-o", str(out)]) == 0
    assert "wrote the year report to" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("# Progress report · 2026\n")
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_period_before_any_goal_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = report(capsys, tmp_path / "empty.db", "--period", "month", "--at", "2020-01-15")
    assert "No goals were being pursued in this period." in text and "No self-assessment yet." in text
