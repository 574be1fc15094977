"""The Today screen and the daily check-in, driven by keys through Pilot on a real journal file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, OptionList, Static

from conftest import NOW

from goaljournal.core.progress import streak
from goaljournal.store import Store
from goaljournal.store.transfer import export_data, import_data
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.reflections.screen import ReflectionsScreen
from goaljournal.ui.today.screen import TodayScreen, parse_checkin
from goaljournal.ui.shared.widgets.scale import ScalePicker

TODAY = date(2026, 11, 25)
YESTERDAY = TODAY - timedelta(days=1)
SIZE = (120, 36)

# The whole daily check-in, key by key (see the test below): tick the overdue milestone, check in
# on two goals, write a reflection with two tags (the second completed from one used before), set
# mood and energy.
REFLECTION_KEYS = [*"Met Priya for coffee @mentoring @net"]
DAILY_CHECK_IN = [
    "enter",  # the due list has focus: tick the first (overdue) milestone done
    "tab",  # to the first goal's check-in field (goals come soonest deadline first)
    "+", "1", "enter",  # people met: one more; Enter saves and moves to the next goal
    "3", "3", "enter",  # study hours: 33; on to the reflection
    *REFLECTION_KEYS,
    "right",  # accept the completion: @net → @networking
    "enter",  # save the reflection; on to mood
    "4",  # mood 4 of 5
    "tab", "3",  # energy 3 of 5
]  # fmt: skip


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


@pytest.fixture
def goals(store: Store) -> dict[str, int]:
    """Two active goals with a check-in yesterday, a milestone overdue and one due this week."""
    pmp = store.add_goal(
        "Earn the PMP certification", target=50, baseline=0, unit="hours", metric="study hours",
        start_date="2026-06-01", deadline="2027-05-25", category="certification",
    )  # fmt: skip
    people = store.add_goal(
        "Connect with five HR leaders", target=5, baseline=0, unit="people", start_date="2026-10-01",
        deadline="2027-03-31", category="networking",
    )  # fmt: skip
    store.add_checkin(pmp, 31, at=YESTERDAY)
    store.add_checkin(people, 2, at="2026-11-20")
    outline = store.add_milestone(pmp, "Draft the conference talk outline", due="2026-11-20")
    application = store.add_milestone(pmp, "Submit the PMP application", due="2026-11-27")
    store.add_milestone(pmp, "Book the exam", due="2027-02-01")  # not due this week
    store.add_entry("Lunch with the HR network @networking", at="2026-11-10 12:00:00")
    return {"pmp": pmp, "people": people, "outline": outline, "application": application}


async def test_a_whole_daily_check_in_by_keys_only(store: Store, goals: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "streak 1 day · no check-in yet today" in screen_text(app)
        typed_tag = DAILY_CHECK_IN.index("right")
        await pilot.press(*DAILY_CHECK_IN[:typed_tag])
        await pilot.pause()  # the tag completion is worked out off the key path
        await pilot.press(*DAILY_CHECK_IN[typed_tag:])
        await pilot.pause()
        text = screen_text(app)
        assert "check-in streak 2 days" in text
        assert "33 / 50 hours" in text and "3 / 5 people" in text
        assert "mood ●●●●○ 4/5" in text and "energy ●●●○○ 3/5" in text
        assert app.is_running

    assert len(DAILY_CHECK_IN) == 13 + len(REFLECTION_KEYS) == 49  # the number given in the closing note
    assert [(c.at, c.value) for c in store.checkins(goals["pmp"])][-1] == (TODAY.isoformat(), 33.0)
    assert [(c.at, c.value) for c in store.checkins(goals["people"])][-1] == (TODAY.isoformat(), 3.0)
    milestones = {m.id: m.done_at for m in store.milestones(goals["pmp"])}
    assert milestones[goals["outline"]] == TODAY.isoformat()
    assert milestones[goals["application"]] is None
    entry = store.entries(limit=1)[0]
    assert entry.text == "Met Priya for coffee @mentoring @networking"
    assert entry.at.startswith(TODAY.isoformat())
    assert entry.tags == ["mentoring", "networking"]
    assert store.count_entries(tag="networking") == 2
    scores = store.day_scores(TODAY)
    assert scores is not None and (scores.mood, scores.energy) == (4, 3)
    assert streak(store.active_days(), TODAY) == 2


async def test_enter_on_an_empty_field_moves_on_and_arrows_move_between_fields(store: Store, goals: dict[str, int]) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused is app.screen.query_one("#due-list", OptionList)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(f"#checkin-{goals['people']}", Input)
        await pilot.press("enter")  # nothing typed: nothing saved, next field
        assert app.focused is app.screen.query_one(f"#checkin-{goals['pmp']}", Input)
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#reflection", Input)
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#mood", ScalePicker)
        await pilot.press("up", "up")
        assert app.focused is app.screen.query_one(f"#checkin-{goals['pmp']}", Input)
        await pilot.press("escape")  # out of the field: the screen keys work again
        assert app.focused is app.screen.query_one("#due-list", OptionList)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
    assert [c.at for c in store.checkins(goals["pmp"])] == [YESTERDAY.isoformat()]


async def test_a_milestone_ticked_by_mistake_is_unticked(store: Store, goals: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")  # the application, due Friday
        await pilot.pause()
        assert store.milestones(goals["pmp"])[1].done_at == TODAY.isoformat()
        text = screen_text(app)
        assert "☑ done today" in text and "Submit the PMP application" in text
        await pilot.press("enter")  # the highlight stays on it: Enter again unticks it
        await pilot.pause()
        assert store.milestones(goals["pmp"])[1].done_at is None
        assert "☐ Fri 27 Nov" in screen_text(app)


async def test_check_in_values_set_add_and_refuse_what_is_not_a_number(store: Store, goals: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one(f"#checkin-{goals['people']}", Input)
        field.focus()
        await pilot.press("+", "2", "enter")
        await pilot.pause()
        assert store.get_goal(goals["people"]).current == 4
        assert "4 / 5 people" in screen_text(app) and "✓ today" in screen_text(app)
        field.focus()
        await pilot.press(".", "enter")  # half a number: refused, and kept to be fixed
        await pilot.pause()
        assert field.value == "." and app.focused is field
        assert any("not a number" in str(n.message) for n in app._notifications)
        await pilot.press("backspace", "a", "b", "c", "1", ".", "5", "enter")  # letters are not taken
        await pilot.pause()
    assert store.get_goal(goals["people"]).current == 1.5
    assert len(store.checkins(goals["people"])) == 3


def test_parse_checkin() -> None:
    # "+2" is a delta the store adds to the latest value as it writes, not a value worked out here.
    assert parse_checkin("33") == {"value": 33}
    assert parse_checkin(" +2 ") == {"delta": 2}
    assert parse_checkin("-1.5") == {"value": -1.5}
    for bad in ("", "+", "-", ".", "1e999", "nan", "abc"):
        with pytest.raises(ValueError):
            parse_checkin(bad)


async def test_mood_and_energy_are_kept_for_the_day_and_count_for_the_streak(store: Store, screen_text) -> None:
    store.set_day_scores(YESTERDAY, mood=2)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "check-in streak 1 day" in screen_text(app)  # yesterday's mood counts
        app.screen.query_one("#mood", ScalePicker).focus()
        await pilot.press("5", "left")
        await pilot.pause()
        assert store.day_scores(TODAY).mood == 4
        assert "check-in streak 2 days" in screen_text(app)
        await pilot.press("tab", "right", "right")  # energy from nothing: 1, then 2
        await pilot.pause()
        assert store.day_scores(TODAY).energy == 2
        await pilot.press("0")  # cleared
        await pilot.pause()
        await pilot.press("r", "t")  # leave and come back: read again from the journal
        await pilot.pause()
        assert "mood ●●●●○ 4/5" in screen_text(app) and "energy ····· –" in screen_text(app)
    scores = store.day_scores(TODAY)
    assert (scores.mood, scores.energy) == (4, None)
    assert store.day_scores(YESTERDAY).mood == 2


async def test_a_goal_without_a_target_is_measured_by_its_milestones(store: Store, screen_text) -> None:
    goal = store.add_goal("Build a mentoring habit", start_date="2026-09-01", deadline="2027-02-28")
    first = store.add_milestone(goal, "Pick a mentor", due="2026-09-15")
    store.add_milestone(goal, "First monthly call", due="2026-12-20")
    store.set_milestone_done(first, "2026-09-14")
    async with app_for(store).run_test(size=SIZE) as pilot:
        text = screen_text(pilot.app)
        assert "1 / 2 milestones" in text and "50%" in text and "on track" in text
        assert "by 28 Feb 2027" in text


async def test_a_reflection_from_today_keeps_the_text_and_an_empty_one_saves_nothing(store: Store, goals: dict[str, int]) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r", "enter")  # empty: nothing saved, on to mood
        assert app.focused is app.screen.query_one("#mood", ScalePicker)
        await pilot.press("ctrl+r", *"Calm day.", "enter")
        await pilot.pause()
        reflection = app.screen.query_one("#reflection", Input)
        assert reflection.value == "" and "✓ saved · 1 written today" in str(reflection.border_subtitle)
        # Said on the line, where the user looks, and beside mood, where Enter goes on to; no toast over the line.
        assert reflection.placeholder.startswith("Saved: “Calm day.”")
        assert app.focused is app.screen.query_one("#mood", ScalePicker)
        assert "✓ reflection saved · now mood and energy" in str(app.screen.query_one("#scores-hint", Static).render())
        assert not app._notifications
    assert [e.text for e in store.entries(limit=5)][0] == "Calm day."
    assert store.count_entries() == 2


async def test_today_shows_what_was_written_today(store: Store, goals: dict[str, int], screen_text) -> None:
    """Opened again later in the day, Today shows the day's reflections and the check-ins made."""
    store.add_entry("Coffee with Dana: **clear numbers** win the room", at="2026-11-25T08:10")
    store.add_entry("A second thought", at="2026-11-25T09:00")
    store.add_checkin(goals["pmp"], 34, at="2026-11-25")
    async with app_for(store).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reflection = pilot.app.screen.query_one("#reflection", Input)
        assert reflection.placeholder.startswith("Today: “A second thought”")
        text = screen_text(pilot.app)
        assert "2 written today" in text and "Today: “A second thought”" in text
        pmp = pilot.app.screen.query_one(f"#checkin-{goals['pmp']}", Input).parent
        assert "34 / 50 hours" in str(pmp.query_one(".goal-summary", Static).render()) and "✓" in str(pmp.query_one(".goal-summary", Static).render())


async def test_a_read_only_journal_keeps_what_was_typed_and_says_why(db_path, goals: dict[str, int], store: Store) -> None:
    store.close()
    db_path.chmod(0o444)
    with Store.open(db_path, clock=lambda: NOW) as read_only:
        app = app_for(read_only)
        async with app.run_test(size=SIZE) as pilot:
            field = app.screen.query_one(f"#checkin-{goals['pmp']}", Input)
            field.focus()
            await pilot.press("4", "0", "enter")
            await pilot.pause()
            assert field.value == "40" and app.focused is field
            app.screen.query_one("#mood", ScalePicker).focus()
            await pilot.press("3")
            await pilot.pause()
            assert app.screen.query_one("#mood", ScalePicker).value is None
            assert sum("read-only" in str(n.message) for n in app._notifications) == 2
            assert app.is_running and isinstance(app.screen, TodayScreen)


def test_day_scores_are_checked_and_travel_in_the_json_export(store: Store, tmp_path) -> None:
    from goaljournal.store import InvalidInput

    store.set_day_scores(TODAY, mood=3, energy=4)
    store.set_day_scores(TODAY, energy=None)
    for bad in ({"mood": 0}, {"mood": 6}, {"energy": True}, {"energy": 2.5}):
        with pytest.raises(InvalidInput):
            store.set_day_scores(TODAY, **bad)
    assert (store.day_scores(TODAY).mood, store.day_scores(TODAY).energy) == (3, None)
    assert store.day_scores(YESTERDAY) is None
    data = export_data(store)
    assert [(r["day"], r["mood"], r["energy"]) for r in data["daily_checkins"]] == [(TODAY.isoformat(), 3, None)]

    with Store.open(tmp_path / "other.db", clock=lambda: NOW) as other:
        other.set_day_scores(TODAY, mood=1)  # the same day, written on another machine
        other.set_day_scores(YESTERDAY, mood=5)
        added = import_data(other, data)
        assert added["daily_checkins"] == 0  # matched by its day: the journal's own row is kept
        assert other.day_scores(TODAY).mood == 1
        assert import_data(other, data)["daily_checkins"] == 0
    with Store.open(tmp_path / "empty.db", clock=lambda: NOW) as empty:
        assert import_data(empty, data)["daily_checkins"] == 1
        assert export_data(empty)["daily_checkins"] == data["daily_checkins"]


async def test_goal_rows_built_anew_twice_before_they_were_shown_do_not_close_the_app(store: Store, goals: dict[str, int]) -> None:
    """Regression: a second rebuild of the goal rows removed the first one's rows before they had
    mounted, and their on_mount found no summary to fill (NoMatches), closing the app."""
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        store.update_goal(next(iter(goals.values())), cadence="week")  # another kind of row: rebuilt
        screen._show_goals()
        screen._show_goals()
        await pilot.pause()
        assert app.is_running
        assert len(screen.query(".goal-row")) == len(store.goals(status="active"))


async def test_at_80_by_24_due_items_wrap_under_themselves_and_goal_amounts_show_whole(store: Store, goals: dict[str, int], screen_text) -> None:
    """Regression: at 80 columns each due item wrapped onto three or four lines back to the left
    edge, and a goal's amount was cut to "31 / 50…" to leave room for a deadline that did not fit
    either. A title now wraps once, under itself; its goal follows, indented under the box."""
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        due = [line[:40].rstrip("│ ").removeprefix("│ ") for line in screen_text(app).splitlines()[5:11]]
        assert due == [
            "☐ ! 5 days overdue Draft the", "                   conference tal…", "  Earn the PMP certification",
            "☐ Fri 27 Nov Submit the PMP", "             application", "  Earn the PMP certification",
        ]  # fmt: skip
        assert "│ 31 / 50 hours " in screen_text(app) and "│ 2 / 5 people " in screen_text(app)


async def test_the_entry_editor_opened_from_today_looks_as_it_does_from_reflections(store: Store, goals: dict[str, int], screen_text) -> None:
    """Regression: the editor's layout was in the Reflections stylesheet, read only once that screen
    had opened; from Today the text box got four lines, an empty warning and a blank block took the
    rest, and the hint was cut."""
    from textual import events
    from textual.widgets import TextArea

    from goaljournal.ui.shared.widgets.entry_editor import EntryEditor
    from goaljournal.ui.today.screen import ReflectionInput

    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(ReflectionInput).post_message(events.Paste("Line one\nline two"))
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EntryEditor)
        from_today = (editor.query_one("#editor-dialog").region, editor.query_one(TextArea).region.height)
        assert not editor.query_one("#editor-warning").display
        assert from_today[1] >= 8
        assert "on to kind, star, goals" in screen_text(app)  # the hint whole, on two lines
        await pilot.press("escape", "escape")
        await pilot.press("r", "n")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        assert (app.screen.query_one("#editor-dialog").region, app.screen.query_one(TextArea).region.height) == from_today
