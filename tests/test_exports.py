"""Markdown, CSV and iCalendar exports from the command line, and every export and report from
the app's command palette."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from goaljournal.cli import main
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

TODAY = date(2026, 11, 25)


def run(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def journal(store: Store) -> Store:
    """Two goals with deadlines and milestones (one done), a goal without a deadline, check-ins,
    and entries: a public one, a starred win, a private one and one in the trash."""
    pmp = store.add_goal("Pass the PMP exam", target=100, baseline=0, unit="hours", category="certification",
                         start_date="2026-06-01", deadline="2027-05-24")  # fmt: skip
    net = store.add_goal("Meet five HR leaders, say hi", target=5, unit="people", deadline="2026-12-30")
    store.add_goal("Read more", status="draft")
    store.add_milestone(pmp, "Submit the PMP application", due="2026-11-28")
    done = store.add_milestone(pmp, "Finish the 35 contact hours", due="2026-10-31")
    store.set_milestone_done(done, "2026-10-29")
    store.add_milestone(net, "Join the SHRM chapter; then, ask Priya", due="2026-12-05")
    store.add_milestone(net, "An undated step")
    store.add_checkin(pmp, 40, at="2026-11-20", note="weekend study")
    store.add_checkin(pmp, 44, at="2026-11-24")
    store.add_checkin(net, 2, at="2026-11-24")
    store.add_entry("Met Priya @networking\nShe will introduce me to two leaders.", at="2026-11-10 18:00:00")
    store.add_entry("=cmd|' /C calc'!A0 passed the practice exam @pmp", at="2026-11-18 12:00:00", kind="win", starred=True)
    store.add_entry("My private worries about the reorg", at="2026-11-19 22:00:00", private=True)
    trashed = store.add_entry("Deleted thought", at="2026-11-20 08:00:00")
    store.trash("entries", trashed)
    return store


def test_ics_parses_back_with_every_deadline_and_milestone(journal: Store, db_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "journal.ics"
    assert run(capsys, "--db", db_path, "export", "--format", "ics", "-o", out)[0] == 0
    calendar = Calendar.from_ical(out.read_bytes())
    todos = {str(todo["uid"]): todo for todo in calendar.walk("VTODO")}
    goals_with_deadline = [g for g in journal.goals() if g.deadline]
    milestones = [m for g in journal.goals() for m in journal.milestones(g.id)]
    assert len(todos) == len(goals_with_deadline) + len(milestones) == 2 + 4
    for goal in goals_with_deadline:
        todo = todos[f"goal-{goal.uuid}@goaljournal"]
        assert str(todo["summary"]) == f"Deadline: {goal.title}"
        assert todo.decoded("due") == date.fromisoformat(goal.deadline)
    for milestone in milestones:
        todo = todos[f"milestone-{milestone.uuid}@goaljournal"]
        assert str(todo["summary"]) == milestone.title  # commas and semicolons survive escaping
        if milestone.due_date:
            assert todo.decoded("due") == date.fromisoformat(milestone.due_date)
        else:
            assert "due" not in todo
        assert str(todo["status"]) == ("COMPLETED" if milestone.done_at else "NEEDS-ACTION")
    # Check-ins and entries only when asked for.
    assert not list(calendar.walk("VEVENT")) and not list(calendar.walk("VJOURNAL"))
    assert out.stat().st_mode & 0o777 == 0o600


def test_ics_with_checkin_days_and_entries(journal: Store, db_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", db_path, "export", "--format", "ics", "--checkins", "--entries")
    assert code == 0
    calendar = Calendar.from_ical(out)
    days = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert days == [date(2026, 11, 20), date(2026, 11, 24)]
    journals = [str(j["description"]) for j in calendar.walk("VJOURNAL")]
    assert len(journals) == 2 and not any("private worries" in text or "Deleted" in text for text in journals)


def test_markdown_has_goals_with_milestones_and_the_journal_by_year_and_month(journal: Store, db_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", db_path, "export", "--format", "markdown")
    assert code == 0
    assert "### Pass the PMP exam\n\n- active · certification · by Mon 24 May 2027\n- Progress: 44 of 100 hours (44%)\n" in out
    assert "- [x] Finish the 35 contact hours (due Sat 31 Oct 2026), done Thu 29 Oct 2026\n" in out
    assert "- [ ] Submit the PMP application (due Sat 28 Nov 2026)\n" in out
    assert "### 2026\n\n#### November 2026\n\n**Tue 10 Nov 2026, 18:00**\n\nMet Priya @networking\\\nShe will introduce me" in out
    assert "**Wed 18 Nov 2026, 12:00** · win ★" in out
    assert "private worries" not in out and "Deleted thought" not in out
    code, with_private, _ = run(capsys, "--db", db_path, "export", "--format", "markdown", "--include-private")
    assert "My private worries about the reorg" in with_private


def test_csv_writes_three_files_or_the_table_asked_for(journal: Store, db_path: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "csv"
    code, _, err = run(capsys, "--db", db_path, "export", "--format", "csv", "-o", folder)
    assert code == 0 and "goals.csv, checkins.csv, entries.csv" in err
    goals = list(csv.DictReader((folder / "goals.csv").open(encoding="utf-8", newline="")))
    assert [g["title"] for g in goals] == [g.title for g in journal.goals()]
    assert goals[0]["title"] == "Meet five HR leaders, say hi" and goals[0]["progress"] == "0.4"
    checkins = list(csv.DictReader((folder / "checkins.csv").open(encoding="utf-8", newline="")))
    assert [(c["goal"], c["at"], c["value"]) for c in checkins] == [
        ("Pass the PMP exam", "2026-11-20", "40.0"), ("Pass the PMP exam", "2026-11-24", "44.0"),
        ("Meet five HR leaders, say hi", "2026-11-24", "2.0"),
    ]  # fmt: skip
    entries = list(csv.DictReader((folder / "entries.csv").open(encoding="utf-8", newline="")))
    assert [e["at"] for e in entries] == ["2026-11-10 18:00:00", "2026-11-18 12:00:00"]
    assert entries[0]["text"] == "Met Priya @networking\nShe will introduce me to two leaders."
    assert entries[1]["text"].startswith("'=cmd")  # never a formula in a spreadsheet
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    code, out, _ = run(capsys, "--db", db_path, "export", "--format", "csv", "--table", "entries", "--include-private")
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--format", "csv"], "give -o FOLDER"),
        (["export", "--format", "markdown", "--table", "goals"], "--table is for --format csv"),
        (["export", "--format", "jrnl", "--checkins"], "are for --format ics"),
        (["export", "--format", "ics", "--time-format", "%H"], "--time-format is for --format jrnl"),
        (["report", "--at", "someday"], "--at"),
    ],
)
def test_export_mistakes_are_one_line_errors(journal: Store, db_path: Path, args: list[str], message: str, capsys) -> None:
    code, out, err = run(capsys, "--db", db_path, *args)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1


async def test_every_export_and_report_from_the_palette_lands_in_exports(journal: Store, db_path: Path, screen_text) -> None:
    app = GoalJournalApp(journal, today=TODAY)
    # Two are chosen by typing into the palette; the others run the command the palette runs.
    typed = ["markdown", "report quarter"]
    commands = {f"Export: {label}" for _, label, _ in GoalJournalApp.EXPORTS} - {"Export: Markdown"}
    toasts: list[str] = []
    async with app.run_test(size=(130, 40)) as pilot:
        listed = {command.title: command for command in app.get_system_commands(app.screen)}
        assert {"Report: this month", "Report: this year"} <= set(listed) and commands <= set(listed)
        for words in typed:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*words)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            toasts.append(str(list(app._notifications)[-1].message))
        for title in sorted(commands):
            listed[title].callback()
            await app.workers.wait_for_complete()
            await pilot.pause()
            toasts.append(str(list(app._notifications)[-1].message))
    folder = db_path.parent / "exports"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = sorted(p.name for p in folder.iterdir())
    stamp = "journal-20261125-093000"
    assert names == sorted([f"{stamp}.md", f"{stamp}-goals.csv", f"{stamp}-checkins.csv", f"{stamp}-entries.csv",
                            f"{stamp}-people.csv", f"{stamp}-interactions.csv",
                            f"{stamp}.ics", f"{stamp}.txt", f"{stamp}.json", "report-q4-2026.md"])  # fmt: skip
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    assert f"Exported markdown to {folder / (stamp + '.md')}" in toasts
    assert f"The quarter report is in {folder / 'report-q4-2026.md'}" in toasts
    assert len(set(toasts)) == len(typed) + len(commands)
    assert "private worries" not in (folder / f"{stamp}.md").read_text(encoding="utf-8")
    assert (folder / "report-q4-2026.md").read_text(encoding="utf-8").startswith("# Progress report · Q4 2026\n")


@pytest.mark.parametrize("text", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1",
    " =1+1", "  @SUM(A1)", "\n=1+1", "\r\n+1", "\t-1", "\u00a0=1", "\u200b=1", "\u3000=1",
    "\uff1d1+1", "\uff0b1", "\uff0d1", "\uff20SUM(A1)", " \uff1dHYPERLINK(\"http://x\")",
])  # fmt: skip
def test_csv_never_starts_a_formula(store: Store, db_path: Path, tmp_path: Path, capsys, text: str) -> None:
    store.add_entry(text)
    goal = store.add_goal(text)
    store.add_checkin(goal, -1.5, note=text)
    folder = tmp_path / "csv"  # files, not the terminal, which shows controls as symbols
    assert run(capsys, "--db", db_path, "export", "--format", "csv", "-o", folder)[0] == 0
    entries = list(csv.DictReader((folder / "entries.csv").open(encoding="utf-8", newline="")))
    assert [row["text"] for row in entries] == ["'" + text]
    [row] = csv.DictReader((folder / "checkins.csv").open(encoding="utf-8", newline=""))
    assert (row["goal"], row["note"], row["value"]) == ("'" + text, "'" + text, "-1.5")  # the number stays a number


@pytest.mark.parametrize("text", ["Plain words", "a=b", "x + y - z", "e-mail@work", "1-2 hours", "\u00e9=mc2"])
def test_csv_leaves_ordinary_text_as_it_is(store: Store, db_path: Path, capsys, text: str) -> None:
    store.add_entry(text)
    code, out, _ = run(capsys, "--db", db_path, "export", "--format", "csv", "--table", "entries")
    assert [row["text"] for row in csv.DictReader(io.StringIO(out))] == [text]
