"""People in the exports and the report: private people (the default) stay out of
Markdown, CSV, iCalendar and the report unless --include-private; shareable ones appear. The
report's people figures are checked against the demo journal with plain SQL."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from goaljournal.cli import main
from goaljournal.demo import fill_demo_journal
from goaljournal.store import Store

TODAY = date(2026, 11, 25)


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    capsys.readouterr()
    assert main(["--db", str(db), *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def journal(store: Store) -> Store:
    """A shareable mentor and a private contact (the default), each with a conversation and an
    open follow-up; a counted goal."""
    store.add_goal("Meet five HR leaders", target=5, start_date="2026-11-01", deadline="2027-01-31",
                   progress_from="people", progress_tag="hr")  # fmt: skip
    mentor = store.add_person("Priya Public", relationship="mentor", tags=["hr"], private=False)
    secret = store.add_person("Victor Secret", role="Recruiter", tags=["hr"])
    store.add_interaction(mentor, "coffee", at="2026-11-10", learned="Lead with the ask", follow_up="Send Priya the deck",
                          follow_up_due="2026-11-30")  # fmt: skip
    store.add_interaction(secret, "call", at="2026-11-12", notes="Victor's confidential offer", follow_up="Call Victor back",
                          follow_up_due="2026-11-20")  # fmt: skip
    return store


def test_store_export_reads_leave_private_people_out(journal: Store) -> None:
    assert [i.person_name for i in journal.interactions_for_export()] == ["Priya Public"]
    assert [i.person_name for i in journal.interactions_for_export(include_private=True)] == ["Priya Public", "Victor Secret"]
    activity = journal.people_activity(date(2026, 11, 1), date(2026, 11, 30), open_until=date(2026, 12, 31))
    assert [i.kind for i in activity.interactions] == ["coffee", "call"]
    assert [activity.people[pid].name for pid in activity.new_people] == ["Priya Public", "Victor Secret"]
    assert [i.follow_up for i in activity.follow_ups_open] == ["Call Victor back", "Send Priya the deck"]
    assert activity.follow_ups_done == []


def test_markdown_names_private_people_only_when_asked(journal: Store, db_path: Path, capsys) -> None:
    text = run(capsys, db_path, "export", "--format", "markdown")
    assert "## People\n\n### Priya Public\n\n- mentor · @hr\n" in text
    assert "- Tue 10 Nov 2026 · coffee — learned: Lead with the ask — follow-up: Send Priya the deck (due Mon 30 Nov 2026)\n" in text
    assert "Victor" not in text
    everything = run(capsys, db_path, "export", "--format", "markdown", "--include-private")
    assert "### Victor Secret" in everything and "Victor's confidential offer" in everything


def test_csv_people_and_interactions_tables(journal: Store, db_path: Path, tmp_path: Path, capsys) -> None:
    people = list(csv.DictReader(io.StringIO(run(capsys, db_path, "export", "--format", "csv", "--table", "people"))))
    assert [(p["name"], p["relationship"], p["private"], p["tags"]) for p in people] == [("Priya Public", "mentor", "0", "hr")]
    talks = list(csv.DictReader(io.StringIO(run(capsys, db_path, "export", "--format", "csv", "--table", "interactions"))))
    assert [(t["person"], t["kind"], t["learned"], t["follow_up_due"]) for t in talks] == [
        ("Priya Public", "coffee", "Lead with the ask", "2026-11-30")
    ]
    everyone = run(capsys, db_path, "export", "--format", "csv", "--table", "interactions", "--include-private")
    assert [t["person"] for t in csv.DictReader(io.StringIO(everyone))] == ["Priya Public", "Victor Secret"]
    folder = tmp_path / "csv"
    run(capsys, db_path, "export", "--format", "csv", "-o", str(folder))
    assert {p.name for p in folder.iterdir()} == {"goals.csv", "checkins.csv", "entries.csv", "people.csv", "interactions.csv"}
    assert "Victor" not in (folder / "people.csv").read_text() + (folder / "interactions.csv").read_text()


def test_ics_has_follow_ups_naming_only_shareable_people(journal: Store, db_path: Path, capsys) -> None:
    def follow_ups(*extra: str) -> dict[str, Any]:
        calendar = Calendar.from_ical(run(capsys, db_path, "export", "--format", "ics", *extra))
        return {str(t["summary"]): t for t in calendar.walk("VTODO") if "follow-up" in str(t["uid"])}

    todos = follow_ups()
    assert set(todos) == {"Send Priya the deck", "Follow up with a private contact"}
    assert todos["Send Priya the deck"].decoded("due") == date(2026, 11, 30)
    assert str(todos["Send Priya the deck"]["status"]) == "NEEDS-ACTION"
    hidden = todos["Follow up with a private contact"]
    assert hidden.decoded("due") == date(2026, 11, 20) and "description" not in hidden
    assert set(follow_ups("--include-private")) == {"Send Priya the deck", "Call Victor back"}


def test_report_counts_private_people_without_naming_them(journal: Store, db_path: Path, capsys) -> None:
    text = run(capsys, db_path, "report", "--period", "month", "--at", "2026-11-25")
    part = text.split("## People and conversations", 1)[1].split("\n## ", 1)[0]
    assert "- Conversations: 2 (1 coffee, 1 call)\n" in part
    assert "- New people met: 2 (Priya Public, 1 private contact)\n" in part
    assert "- Follow-ups: 0 done in the period; 2 open, 1 overdue\n" in part
    assert "- Counted goal · Meet five HR leaders: new people met (@hr) +2 this period, 2 of 5 in all\n" in part
    assert "- Tue 10 Nov 2026 · coffee with Priya Public (mentor) — learned: Lead with the ask\n" in part
    assert "1 conversation with 1 private contact not shown." in part
    assert "- [ ] a follow-up with a private contact, due Fri 20 Nov 2026 (5 days overdue)\n" in part
    assert "Victor" not in text
    everything = run(capsys, db_path, "report", "--period", "month", "--at", "2026-11-25", "--include-private")
    assert "- [ ] Call Victor back, due Fri 20 Nov 2026 (5 days overdue)" in everything
    assert "call with Victor Secret (contact) — Victor's confidential offer" in everything


def test_a_journal_without_people_has_no_people_section(store: Store, db_path: Path, capsys) -> None:
    store.add_goal("Run 100 km", target=100)
    assert "People and conversations" not in run(capsys, db_path, "report")


# -- the demo journal's quarter, checked with plain SQL -------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "journal.db"
    with Store.open(path, clock=lambda: datetime(2026, 11, 25, 9, 30)) as store:
        fill_demo_journal(store, today=TODAY)
    return path


def sql(db: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, params).fetchall()


def test_the_demo_quarter_people_figures_match_the_database(demo_db: Path, capsys, monkeypatch) -> None:
    from goaljournal import cli

    monkeypatch.setattr(cli, "_now", lambda: datetime(2026, 11, 25, 9, 30))
    text = run(capsys, demo_db, "report", "--period", "quarter", "--at", "2026-11-25")
    part = text.split("## People and conversations", 1)[1].split("\n## ", 1)[0]
    lo, hi = "2026-10-01", "2026-12-31"
    live = "i.deleted_at IS NULL AND p.deleted_at IS NULL"
    held = sql(demo_db, f"SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE {live} AND i.at BETWEEN ? AND ?", lo, hi)[0][0]
    assert f"- Conversations: {held} (" in part and held > 5
    new = sql(demo_db, f"SELECT count(*) FROM (SELECT min(i.at) AS first FROM interactions i JOIN people p ON p.id = i.person_id "
              f"WHERE {live} GROUP BY p.id) WHERE first BETWEEN ? AND ?", lo, hi)[0][0]  # fmt: skip
    assert f"- New people met: {new} (" in part and new >= 3
    done = sql(demo_db, f"SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE {live} "
               "AND i.follow_up_done BETWEEN ? AND ?", lo, hi)[0][0]  # fmt: skip
    still_open = sql(demo_db, f"SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE {live} "
                     "AND i.follow_up_due IS NOT NULL AND i.follow_up_done IS NULL AND i.follow_up_due <= '2027-03-31'")[0][0]  # fmt: skip
    overdue = sql(demo_db, f"SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE {live} "
                  "AND i.follow_up_due < '2026-11-25' AND i.follow_up_done IS NULL")[0][0]  # fmt: skip
    assert f"- Follow-ups: {done} done in the period; {still_open} open, {overdue} overdue\n" in part
    assert (done, still_open, overdue) == (2, 3, 1)
    # The shareable people (mentor and manager) are named with what they said; the rest are counted.
    shareable = sql(demo_db, f"SELECT count(*) FROM interactions i JOIN people p ON p.id = i.person_id WHERE {live} "
                    "AND p.private = 0 AND i.at BETWEEN ? AND ?", lo, hi)[0][0]  # fmt: skip
    assert part.count(" with Priya Raman (mentor)") + part.count(" with Daniel Okafor (manager)") == shareable > 0
    private_names = [name for (name,) in sql(demo_db, "SELECT name FROM people WHERE private = 1")]
    assert private_names and not any(name in text for name in private_names)
    assert f"{held - shareable} conversations with " in part
    for title, current, target in sql(demo_db, "SELECT g.title, (SELECT value FROM checkins c WHERE c.goal_id = g.id "
                                      "ORDER BY c.at DESC LIMIT 1), g.target FROM goals g WHERE g.progress_from IS NOT NULL "
                                      "AND g.cadence IS NULL"):  # fmt: skip
        assert f"- Counted goal · {title}: " in part and f"{current:g} of {target:g} in all" in part
    # A goal counted per month sums the quarter's count, and says how many months met their target.
    for title, counted, target in sql(demo_db, "SELECT g.title, (SELECT total(value) FROM checkins c WHERE c.goal_id = g.id "
                                      "AND c.deleted_at IS NULL AND c.at BETWEEN ? AND ?), g.target FROM goals g "
                                      "WHERE g.progress_from IS NOT NULL AND g.cadence = 'month'", lo, hi):  # fmt: skip
        assert f"- Counted goal · {title}: events attended +{counted:g} this period, {target:g} events attended per month · " in part
