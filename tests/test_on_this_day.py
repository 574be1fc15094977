"""On this day: the earlier days today looks back on, what the journal held on them, and Today's
section that shows it (Enter opens a record)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from goaljournal.core.on_this_day import decision_line, earlier_days, how_long_ago, same_days
from goaljournal.store import InvalidInput, Store


@pytest.mark.parametrize(
    ("day", "today", "words"),
    [
        (date(2025, 12, 7), date(2026, 12, 7), "1 year ago"),
        (date(2024, 12, 7), date(2026, 12, 7), "2 years ago"),
        (date(2026, 11, 7), date(2026, 12, 7), "a month ago"),
        (date(2026, 9, 7), date(2026, 12, 7), "3 months ago"),
        (date(2024, 2, 29), date(2025, 2, 28), "1 year ago"),  # the last day of a shorter February
        (date(2026, 1, 31), date(2026, 2, 28), "a month ago"),
        (date(2025, 12, 8), date(2026, 12, 7), "11 months ago"),
        (date(2026, 12, 4), date(2026, 12, 7), "3 days ago"),
    ],
)
def test_how_long_ago_in_words(day: date, today: date, words: str) -> None:
    assert how_long_ago(day, today) == words


def test_a_day_a_shorter_month_lacks_comes_round_on_its_last_day() -> None:
    assert same_days(2024, 2, date(2025, 2, 28)) == (date(2024, 2, 28), date(2024, 2, 29))
    assert same_days(2024, 2, date(2028, 2, 28)) == (date(2024, 2, 28), date(2024, 2, 28))
    assert same_days(2027, 2, date(2028, 2, 29)) is None
    # A month ago from 31 March: February's last days showed on its own last day's date.
    assert [(p.first, p.last) for p in earlier_days(date(2026, 3, 31), date(2026, 1, 1))] == []
    assert [(p.first, p.last, p.ago) for p in earlier_days(date(2026, 4, 30), date(2026, 1, 1))] == [
        (date(2026, 3, 30), date(2026, 3, 31), "a month ago")
    ]
    assert [p.first for p in earlier_days(date(2026, 1, 7), date(2020, 5, 1))] == [
        date(2025, 12, 7), *(date(year, 1, 7) for year in range(2025, 2019, -1))
    ]


def test_a_decision_says_what_changed_and_why() -> None:
    moved = decision_line("Pass the PMP exam", '{"deadline": ["2027-01-31", "2027-05-24"]}', "The reorg ate six weeks ")
    assert moved == "Pass the PMP exam: deadline moved to 24 May 2027 — The reorg ate six weeks"
    assert decision_line("Give talks", '{"target": [3.0, 4.0]}', "One more") == "Give talks: target 3 → 4 — One more"
    assert decision_line("Learn Spanish", '{"status": ["paused", "active"]}', "Back") == "Learn Spanish: resumed — Back"
    assert decision_line("Broken", "not json", "Why") == "Broken: changed — Why"


def at(day: str, hour: int = 12) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour))


def fill(store: Store) -> dict[str, int]:
    """Records on 7 December of earlier years and a month before, their neighbours, and a leap day."""
    ids: dict[str, int] = {}
    ids["year"] = store.add_entry("Presented the Q3 numbers to the VP", kind="win", at=at("2025-12-07", 16))
    ids["year-note"] = store.add_entry("# Planning\n\nQuiet day of planning", at=at("2025-12-07", 9))
    ids["trashed"] = store.add_entry("Wrote this by mistake", at=at("2025-12-07", 10))
    store.trash("entries", ids["trashed"])
    store.add_entry("The day before", at=at("2025-12-06", 23))
    store.add_entry("The day after", at=at("2025-12-08", 0))
    ids["month"] = store.add_entry("Mentor session on delegation", kind="lesson", at=at("2026-11-07"))
    store.add_entry("A month and a day ago", at=at("2026-11-06"))
    ids["leap"] = store.add_entry("A leap day retrospective", at=at("2024-02-29"))
    ids["goal"] = store.add_goal("Run a half marathon", start_date="2024-01-10", deadline="2024-12-31", target=21, unit="km")
    store.update_goal(ids["goal"], status="achieved", at=at("2024-12-07", 18))
    ids["paused"] = store.add_goal("Learn Spanish", start_date="2024-01-10")
    store.update_goal(ids["paused"], status="paused", reason="No time during the move", at=at("2024-12-07", 8))
    store.update_goal(ids["paused"], target=5, at=at("2024-12-07", 9))  # no reason: not a decision
    ids["milestone"] = store.add_milestone(ids["goal"], "Ran 15 km without stopping")
    store.set_milestone_done(ids["milestone"], "2025-12-07")
    ids["assessment"] = store.add_assessment("2024-12-07", summary="Strong year: presenting is up")
    store.update_assessment(ids["assessment"], completed_at=at("2024-12-07"))
    store.add_assessment("2025-12-07", summary="Started, never finished")
    return ids


def test_on_this_day_finds_each_period_newest_first(store: Store) -> None:
    ids = fill(store)
    found = [(m.ago, m.day.isoformat(), m.kind, m.text) for m in store.on_this_day(date(2026, 12, 7))]
    assert found == [
        ("a month ago", "2026-11-07", "lesson", "Mentor session on delegation"),
        ("1 year ago", "2025-12-07", "win", "Presented the Q3 numbers to the VP"),
        ("1 year ago", "2025-12-07", "milestone", "Ran 15 km without stopping (Run a half marathon)"),
        ("1 year ago", "2025-12-07", "reflection", "Planning — Quiet day of planning"),
        ("2 years ago", "2024-12-07", "achieved", "Run a half marathon"),
        ("2 years ago", "2024-12-07", "assessment", "Strong year: presenting is up"),
        ("2 years ago", "2024-12-07", "decision", "Learn Spanish: paused — No time during the move"),
    ]
    opened = {m.kind: (m.entry_id, m.goal_id, m.assessment_id) for m in store.on_this_day(date(2026, 12, 7))}
    assert opened["win"] == (ids["year"], None, None)
    assert opened["achieved"] == (None, ids["goal"], None)
    assert opened["decision"] == (None, ids["paused"], None)
    assert opened["milestone"] == (None, ids["goal"], None)
    assert opened["assessment"] == (None, None, ids["assessment"])


def test_the_leap_day_shows_on_28_february_and_each_kind_is_bounded(store: Store) -> None:
    fill(store)
    leap = store.on_this_day(date(2025, 2, 28))
    assert [(m.ago, m.day, m.text) for m in leap] == [("1 year ago", date(2024, 2, 29), "A leap day retrospective")]
    assert [m.ago for m in store.on_this_day(date(2026, 2, 28))] == ["2 years ago"]
    # In a leap year it waits for its own day.
    assert store.on_this_day(date(2028, 2, 28)) == []
    assert [m.ago for m in store.on_this_day(date(2028, 2, 29))] == ["4 years ago"]
    for hour in range(10):
        store.add_entry(f"Entry {hour}", at=at("2026-11-07", hour))
    month_ago = [m.text for m in store.on_this_day(date(2026, 12, 7), per_kind=3) if m.ago == "a month ago"]
    assert month_ago == ["Mentor session on delegation", "Entry 9", "Entry 8"]


def test_an_empty_journal_remembers_nothing(store: Store) -> None:
    assert store.on_this_day(date(2026, 12, 7)) == []
    with pytest.raises(InvalidInput):
        store.on_this_day(date(2026, 12, 7), per_kind=0)  # SQLite would read a limit below one as none


# -- Today's section ------------------------------------------------------------------------------

TODAY = date(2026, 11, 25)


@pytest.fixture
def remembered(store: Store) -> dict[str, int]:
    """A win a year ago today, a goal achieved two years ago today, an active goal, and markup-like text."""
    ids = {"win": store.add_entry("# Q3 numbers\n\nPresented the [b]Q3[/b] numbers to the VP", kind="win", at=at("2025-11-25", 16))}
    ids["goal"] = store.add_goal("Run a half marathon", start_date="2024-01-10", deadline="2024-12-31")
    store.update_goal(ids["goal"], status="achieved", at=at("2024-11-25", 18))
    ids["active"] = store.add_goal("Give three talks", target=3, baseline=0, unit="talks", deadline="2027-03-31")
    return ids


async def test_today_shows_the_lines_and_enter_opens_each(store: Store, remembered: dict[str, int], screen_text) -> None:
    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.shared.reader import ReaderDialog
    from goaljournal.ui.shared.widgets.entry_reader import MarkdownText
    from goaljournal.ui.today.on_this_day import MemoryList
    from goaljournal.ui.today.screen import TodayScreen

    async with GoalJournalApp(store, today=TODAY).run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "On this day (2)" in text
        assert "1 year ago  · ▲ win: Q3 numbers — Presented the [b]Q3[/b] numbers to the VP" in text
        assert "2 years ago · ⚑ achieved: Run a half marathon" in text
        await pilot.press("tab")  # from the due list, where the day starts
        assert isinstance(pilot.app.focused, MemoryList)
        assert "On this day (2) · enter opens" in screen_text(pilot.app)
        await pilot.press("enter")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ReaderDialog) and dialog.kind == "entry"
        assert dialog.query_one(MarkdownText).source.startswith("# Q3 numbers")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TodayScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ReaderDialog) and dialog.kind == "goal"
        assert "Run a half marathon" in screen_text(pilot.app)
        await pilot.press("escape", "tab")
        await pilot.pause()
        assert pilot.app.focused.id == f"checkin-{remembered['active']}"  # then on to the goals


async def test_the_section_hides_with_nothing_to_remember(store: Store, remembered: dict[str, int], screen_text) -> None:
    from goaljournal.ui.app import GoalJournalApp
    from goaljournal.ui.today.on_this_day import MemoryList, OnThisDay
    from goaljournal.ui.today.widgets import DueList

    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("tab")
        assert isinstance(pilot.app.focused, MemoryList)
        # Gone meanwhile (moved to the trash in another window, say): Today shows it when it next reads.
        store.trash("entries", remembered["win"])
        store.trash("goals", remembered["goal"])
        pilot.app.screen.refresh_data()
        await pilot.pause()
        assert not pilot.app.screen.query_one(OnThisDay).display
        assert "On this day" not in screen_text(pilot.app)
        assert isinstance(pilot.app.focused, DueList)
