"""Follow-ups with people on Today, and goals that count conversations: Pilot on a real journal file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, OptionList

from goaljournal.store import InvalidInput, Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.today.screen import GoalRow, TodayScreen

TODAY = date(2026, 11, 25)
SIZE = (120, 36)


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


@pytest.fixture
def follow_ups(store: Store) -> dict[str, int]:
    """A milestone due this week, an overdue follow-up, one due on Friday and one due after the week."""
    goal = store.add_goal("Earn the PMP certification", target=50, baseline=0, unit="hours", deadline="2027-05-25")
    store.add_milestone(goal, "Submit the PMP application", due="2026-11-27")
    priya = store.add_person("Priya Shah", relationship="mentor")
    omar = store.add_person("Omar Haddad", relationship="peer")
    outline = store.add_interaction(priya, "coffee", at="2026-11-15", follow_up="Send the talk outline")  # due 22 Nov
    thanks = store.add_interaction(omar, "event", at="2026-11-24", follow_up="Thank Omar for the intro", follow_up_due="2026-11-27")
    later = store.add_interaction(omar, "call", at="2026-11-25", follow_up="Share the slides", follow_up_due="2026-12-20")
    return {"goal": goal, "priya": priya, "omar": omar, "outline": outline, "thanks": thanks, "later": later}


async def test_follow_ups_due_show_on_today_and_enter_ticks_one_done_and_back(store: Store, follow_ups, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "Follow-ups with people" in text
        assert "! 3 days overdue" in text and "Send the talk outline" in text and "coffee with Priya Shah" in text
        assert "due Fri 27" in text and "Thank Omar for the intro" in text and "event with Omar Haddad" in text
        assert "Share the slides" not in text  # due after the week
        due_list = app.screen.query_one("#due-list", OptionList)
        assert app.focused is due_list
        # The milestone first, then the heading (stepped over), then the overdue follow-up.
        await pilot.press("down")
        assert due_list.highlighted_option is not None and due_list.highlighted_option.id == f"follow-up-{follow_ups['outline']}"
        await pilot.press("enter")
        await pilot.pause()
        assert store.get_interaction(follow_ups["outline"]).follow_up_done == TODAY.isoformat()
        assert store.get_milestone(store.milestones(follow_ups["goal"])[0].id).done_at is None  # the milestone untouched
        text = screen_text(app)
        assert "☑ done today" in text and "! 3 days overdue" not in text
        assert [f.id for f in store.follow_ups_due(TODAY)] == []  # no longer open
        await pilot.press("enter")  # ticked by mistake: Enter again opens it again, as milestones do
        await pilot.pause()
        assert store.get_interaction(follow_ups["outline"]).follow_up_done is None
        assert "! 3 days overdue" in screen_text(app)


async def test_the_daily_keys_still_start_on_the_milestones(store: Store, follow_ups) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first row is the milestone, as before follow-ups existed
        await pilot.pause()
        assert store.milestones(follow_ups["goal"])[0].done_at == TODAY.isoformat()
        assert store.get_interaction(follow_ups["outline"]).follow_up_done is None
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(f"#checkin-{follow_ups['goal']}", Input)


async def test_a_follow_up_logged_meanwhile_appears_after_a_refresh(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "Nothing due this week." in screen_text(app)
        person = store.add_person("Lena Park")
        store.add_interaction(person, "meeting", at=TODAY - timedelta(days=1), follow_up="Send the notes", follow_up_due=TODAY)
        app.screen.refresh_data()
        await pilot.pause()
        text = screen_text(app)
        assert "due today" in text and "Send the notes" in text and "Nothing due this week." not in text
        await pilot.press("enter")  # the heading is stepped over: the follow-up is highlighted
        await pilot.pause()
        assert store.follow_ups_due(TODAY) == []


async def test_markup_in_a_name_and_a_follow_up_shows_literally(store: Store, screen_text) -> None:
    person = store.add_person("[bold]Ada[/] [red]L\x1b[31m")
    store.add_interaction(person, "call", at="2026-11-24", follow_up="Reply to [link=x]the offer[/link]", follow_up_due=TODAY)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "call with [bold]Ada[/] [red]L" in text
        assert "Reply to [link=x]the offer[/link]" in text
        assert app.is_running


def test_follow_ups_for_today_holds_the_open_ones_due_and_those_done_today(store: Store, follow_ups) -> None:
    until = TODAY + timedelta(days=7)
    assert [f.id for f in store.follow_ups_due(until, done_on=TODAY)] == [follow_ups["outline"], follow_ups["thanks"]]
    store.set_follow_up_done(follow_ups["outline"], TODAY)
    store.set_follow_up_done(follow_ups["thanks"], TODAY - timedelta(days=1))  # done yesterday: gone
    found = store.follow_ups_due(until, done_on=TODAY)
    assert [(f.id, f.follow_up_done) for f in found] == [(follow_ups["outline"], TODAY.isoformat())]
    store.trash_person(follow_ups["priya"])
    assert store.follow_ups_due(until, done_on=TODAY) == []


# -- goals that count conversations ---------------------------------------------------------------


async def test_a_networking_goal_fills_up_as_people_are_met(store: Store, screen_text) -> None:
    goal_id = store.add_goal(
        "Connect with five HR leaders over the next quarter", target=5, baseline=0, unit="people",
        category="networking", start_date="2026-10-01", deadline="2027-03-31", progress_from="people", progress_tag="hr",
    )  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "0 of 5 new people met (@hr) · by 31 Mar 2027" in text
        assert "from conversations · log one: p, or goaljournal met NAME" in text
        # No check-in field for it: the store would refuse a typed value.
        assert not app.screen.query(f"#checkin-{goal_id}")
        with pytest.raises(InvalidInput):
            store.add_checkin(goal_id, 1)
        row = app.screen.query_one(GoalRow)
        assert row.counted
        for name, day in (("Priya Shah", "2026-11-20"), ("Omar Haddad", "2026-11-24")):
            person = store.add_person(name, tags=["hr"])
            store.add_interaction(person, "meeting", at=day)
        store.add_interaction(store.people_named("Priya Shah")[0].id, "coffee", at="2026-11-25")  # the same person again
        outsider = store.add_person("Sam Lee", tags=["design"])
        store.add_interaction(outsider, "coffee", at="2026-11-25")  # not tagged hr
        assert isinstance(app.screen, TodayScreen)
        app.screen.refresh_data()
        await pilot.pause()
        text = screen_text(app)
        assert "2 of 5 new people met (@hr)" in text and "40%" in text
        assert store.get_goal(goal_id).current == 2


async def test_a_counted_goal_among_typed_ones_keeps_tab_order_to_the_typed_field(store: Store) -> None:
    counted = store.add_goal("Attend two industry events per month", target=6, deadline="2027-01-31", progress_from="event")
    typed = store.add_goal("Earn the PMP certification", target=50, baseline=0, deadline="2027-05-25")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")  # from the due list, past the counted goal, to the typed goal's field
        assert app.focused is app.screen.query_one(f"#checkin-{typed}", Input)
        await pilot.press("3", "enter")
        await pilot.pause()
        assert store.get_goal(typed).current == 3
        assert store.get_goal(counted).current is None
