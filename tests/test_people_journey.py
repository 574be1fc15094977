"""Issue 11 end to end, by keys only: a person added on the People screen, two conversations
logged on their page (one with a follow-up), the follow-up due on Today and completed there, and a
networking goal that fills up as the meetings are logged."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.people.screen import PeopleScreen, PersonScreen
from goaljournal.ui.people.forms import ConversationForm, PersonForm
from goaljournal.ui.today.screen import TodayScreen

TODAY = date(2026, 11, 25)


async def test_a_person_two_conversations_a_follow_up_due_on_today_and_a_goal_filling_up(store: Store, screen_text) -> None:
    goal = store.add_goal(
        "Connect with five HR leaders over the next quarter", category="networking", baseline=0, target=5,
        start_date="2026-11-01", deadline="2027-02-28", progress_from="people", progress_tag="hr",
    )  # fmt: skip
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, TodayScreen)
        assert "0 of 5 new people met (@hr)" in screen_text(app)

        # A person, by typing into the form.
        await pilot.press("p", "n")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Priya Raman", "enter", *"HR Director", "enter", *"Northwind", "enter", *"Chapter meetup", "enter")
        await pilot.press("tab", *"hr")  # past the relationship (a contact), into the tags
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        [person] = store.people()
        assert (person.name, person.tags) == ("Priya Raman", ["hr"])

        # Her page; a coffee today with a follow-up by Friday.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)
        form = app.screen
        for field_id, text in (("talk-notes", "Coffee near her office"), ("talk-follow-up", "Send her my talk outline"),
                               ("talk-follow-up-when", "by Friday")):  # fmt: skip
            form.query_one(f"#{field_id}").focus()
            await pilot.press(*text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)

        # A second conversation: a meeting, no follow-up.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter", "down", "enter")  # kind: the one after coffee (meeting)
        app.screen.query_one("#talk-notes").focus()
        await pilot.press(*"Planned the chapter talk", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        talks = store.interactions(person.id)
        assert sorted(t.kind for t in talks) == ["coffee", "meeting"]
        coffee = next(t for t in talks if t.kind == "coffee")
        assert (coffee.follow_up, coffee.follow_up_due, coffee.follow_up_done) == ("Send her my talk outline", "2026-11-27", None)
        assert store.get_goal(goal).current == 1.0  # one new person tagged hr, however many meetings

        # Today lists the follow-up; Enter completes it.
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "Follow-ups with people" in text and "Send her my talk outline" in text and "due Fri 27" in text
        assert "coffee with Priya Raman" in text
        assert "1 of 5 new people met (@hr)" in text
        due_list = app.screen.query_one("#due-list", OptionList)
        due_list.focus()
        option_ids = [due_list.get_option_at_index(i).id for i in range(due_list.option_count)]
        due_list.highlighted = option_ids.index(f"follow-up-{coffee.id}")
        await pilot.press("enter")
        await pilot.pause()
        assert store.get_interaction(coffee.id).follow_up_done == TODAY.isoformat()
        assert "☑ done today" in screen_text(app)
        assert store.follow_ups_due(date(2026, 12, 2)) == []

        # A second HR person met: the goal rises again, on Today after its refresh.
        other = store.add_person("Tom Okafor", tags=["hr"])
        store.add_interaction(other, "event")
        await pilot.press("g", "t")
        await pilot.pause()
        assert "2 of 5 new people met (@hr)" in screen_text(app)
    assert store.check() == []
