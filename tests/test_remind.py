"""`goaljournal remind`: what needs attention today, each kind present while due and gone once
done, on a real journal file as of the tests' fixed today (Wed 25 Nov 2026)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import NOW, TODAY, Cli

from goaljournal.core.reminders import systemd_units
from goaljournal.store import Store


def opened(path: Path) -> Store:
    return Store.open(path, clock=lambda: NOW)


def kinds(gj: Cli) -> list[tuple[str, int | None]]:
    result = gj("remind", "--json")
    assert result.code == 0 and result.err == "", result
    return [(item["kind"], item["id"]) for item in result.json()["items"]]


def test_an_empty_journal_needs_nothing_and_says_nothing(gj: Cli) -> None:
    result = gj("remind")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert gj("remind", "--json").json() == {"items": []}


def test_each_kind_is_there_while_due_and_gone_once_done(gj: Cli, db_path: Path) -> None:
    with opened(db_path) as store:
        goal = store.add_goal("Read 12 books by June", target=12, baseline=0, unit="books", start_date="2026-11-20",
                              deadline="2027-06-30")  # fmt: skip
        late = store.add_goal("Ship the reporting API", start_date="2026-09-01", deadline="2026-11-20")
        milestone = store.add_milestone(goal, "Finish book one", due="2026-11-24")
        store.add_milestone(goal, "Finish book two", due="2026-12-20")  # not due yet: not listed
        person = store.add_person("Priya Shah")
        follow_up = store.add_interaction(person, "coffee", at="2026-11-10", follow_up="send the deck", follow_up_due="2026-11-25")
    assert kinds(gj) == [("checkin", None), ("milestone", milestone), ("follow_up", follow_up), ("assessment", None),
                         ("decision", late)]  # fmt: skip
    items = gj("remind", "--json").json()["items"]
    assert items[0] == {"kind": "checkin", "text": "No check-in yet today (2 active goals)", "due": "2026-11-25", "id": None}
    assert items[1]["text"] == "Finish book one (Read 12 books by June)" and items[1]["due"] == "2026-11-24"
    assert items[2]["text"] == "Follow up with Priya Shah: send the deck"
    assert "5 days past its deadline" in items[4]["text"]

    with opened(db_path) as store:
        store.add_checkin(goal, 1, at=TODAY.isoformat())
        store.set_milestone_done(milestone, TODAY)
        store.set_follow_up_done(follow_up, TODAY)
        store.update_assessment(store.add_assessment("2026-11-20", step=1), completed_at="2026-11-20 18:00")
        store.update_goal(late, status="achieved", reason="shipped on the 24th")
    assert kinds(gj) == []
    assert gj("remind").out == ""


def test_the_text_lists_one_line_each_with_its_day_when_it_is_not_today(gj: Cli, db_path: Path) -> None:
    with opened(db_path) as store:
        goal = store.add_goal("Read 12 books by June", start_date="2026-11-20", deadline="2027-06-30")
        store.add_milestone(goal, "Finish [b]book[/b] one\nnow", due="2026-11-23")
        store.update_assessment(store.add_assessment("2026-11-20", step=1), completed_at="2026-11-20 18:00")
    lines = gj("remind").out.splitlines()
    assert lines[0] == "checkin    No check-in yet today (1 active goal)"
    assert lines[1].startswith("milestone  ") and "23 Nov 2026" in lines[1]
    assert lines[1].endswith("Finish [b]book[/b] one now (Read 12 books by June)")  # user text as written, one line
    assert len(lines) == 2


def test_a_broken_config_file_is_one_line_and_the_list_still_comes(gj: Cli, db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "xdg-config" / "goaljournal" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("assessment_interval_days = [\n")
    with opened(db_path) as store:
        store.add_goal("Read 12 books by June", start_date="2026-11-20", deadline="2027-06-30")
    result = gj("remind", "--json")
    assert result.code == 0 and len(result.err.splitlines()) == 1 and "config" in result.err
    assert [item["kind"] for item in result.json()["items"]] == ["checkin", "assessment"]


def test_unless_checked_in_says_nothing_once_today_s_check_in_is_done(gj: Cli, db_path: Path) -> None:
    with opened(db_path) as store:
        goal = store.add_goal("Read 12 books by June", start_date="2026-11-20", deadline="2027-06-30")
    assert "No check-in yet today" in gj("remind", "--unless-checked-in").out
    with opened(db_path) as store:
        store.add_checkin(goal, 1, at=TODAY.isoformat())
    assert gj("remind", "--unless-checked-in").out == ""


def test_notify_without_a_notification_service_is_one_line_and_the_list(
    gj: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    with opened(db_path) as store:
        store.add_goal("Read 12 books by June", start_date="2026-11-20", deadline="2027-06-30")
    result = gj("remind", "--notify")
    assert result.code == 0 and "No check-in yet today" in result.out
    [line] = result.err.splitlines()  # the extra missing, or no service to send to: one line either way
    assert line.startswith("goaljournal: ") and ("goaljournal[notify]" in line or "no desktop notification" in line)


def test_install_dry_run_prints_a_daily_timer_or_the_crontab_line(gj: Cli, db_path: Path) -> None:
    result = gj("remind", "--install", "--at", "07:30", "--dry-run")
    assert result.code == 0 and result.err == ""
    if "OnCalendar" in result.out:
        assert "OnCalendar=*-*-* 07:30:00" in result.out and "Persistent=true" in result.out
    else:
        assert result.out.startswith("30 7 * * * ") and "remind --notify --unless-checked-in" in result.out
    assert str(db_path) in result.out
    assert not (db_path.parent / "xdg-config" / "systemd").exists()  # a dry run writes nothing


@pytest.mark.parametrize("args", [["--install", "--at", "7:30"], ["--install", "--at", "24:00"], ["--at", "07:30"], ["--dry-run"]])
def test_a_bad_time_or_a_lone_option_is_one_line(gj: Cli, args: list[str]) -> None:
    result = gj("remind", *args)
    assert result.code == 1 and result.out == "" and len(result.err.splitlines()) == 1


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_units_are_valid_for_systemd(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "goaljournal", "--db", str(tmp_path / "a journal 100%.db"), "remind", "--notify"]
    units = systemd_units(command, 7, 30)
    for name, text in units.items():
        (tmp_path / name).write_text(text)
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", *(str(tmp_path / name) for name in units)],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Persistent=true" in units["goaljournal-remind.timer"]
    assert '"--db" "' + str(tmp_path / "a journal 100%%.db") + '"' in units["goaljournal-remind.service"]


def test_the_review_is_there_at_the_week_s_end_and_gone_once_taken(gj: Cli, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    friday = "2026-11-27T17:00:00"
    monkeypatch.setenv("GOALJOURNAL_NOW", friday)
    with opened(db_path) as store:
        goal = store.add_goal("Read 12 books by June", start_date="2026-11-02", deadline="2027-06-30")
        store.add_checkin(goal, 1, at="2026-11-27")
        store.update_assessment(store.add_assessment("2026-11-20", step=1), completed_at="2026-11-20 18:00")
    items = gj("remind", "--json").json()["items"]
    assert items == [{"kind": "review", "text": "Weekly review due: Week 48 · 23–29 Nov 2026", "due": "2026-11-27", "id": None}]
    with opened(db_path) as store:
        store.complete_review(store.start_review("week", date(2026, 11, 27)))
    assert kinds(gj) == []
