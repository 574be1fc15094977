"""The people screens driven by keys through Pilot, on a real journal file: the list, search and
filter, the person form, a person's page with conversations, follow-ups, feedback filed into the
self-assessment, trash and undo, a mentor's goals and advice, and hostile text shown literally."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Select, SelectionList

from goaljournal.core.dates import day_or_phrase
from goaljournal.core.models import Interaction
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.people.screen import PeopleScreen, PersonScreen
from goaljournal.ui.people.render import follow_up_state, how_long_ago, person_about
from goaljournal.ui.people.forms import (
    ConversationForm,
    PersonForm,
    split_tags,
)
from goaljournal.ui.today.screen import TodayScreen

# A conversation's day and a follow-up's due day are read alike: a date or a deadline phrase.
read_day = read_due = day_or_phrase

TODAY = date(2026, 11, 25)
SIZE = (120, 40)


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


@pytest.fixture
def priya(store: Store) -> int:
    return store.add_person(
        "Priya Raman", role="Head of People Analytics", organisation="Northwind Bank", relationship="mentor",
        tags=["hr", "mentoring"], how_met="SHRM regional meetup",
    )  # fmt: skip


@pytest.fixture
def contacts(store: Store, priya: int) -> dict[str, int]:
    return {
        "priya": priya,
        "tom": store.add_person("Tom Okafor", role="HR Business Partner", organisation="Contoso", tags=["hr"]),
        "ana": store.add_person("Ana Silva", role="Data Engineer", organisation="Fabrikam", relationship="peer"),
    }


async def open_person(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """From anywhere: the People screen, search for ``name``, open the page."""
    await pilot.press("p", "slash", *name, "enter")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PersonScreen)


async def type_field(pilot, field_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#{field_id}").focus()
    await pilot.pause()
    await pilot.press(*text)


# -- the list --------------------------------------------------------------------------------


async def test_p_from_today_opens_people_and_a_person_is_added_by_typing(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        text = screen_text(app)
        assert "People keeps the mentors, managers, peers and contacts" in text  # what the screen is for
        assert "No people yet — press n to add someone you met" in text
        assert not app.screen.query_one("#people-table").display  # no empty table beside it

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Priya Raman", "enter", *"Head of People Analytics", "enter", *"Northwind Bank", "enter")
        await pilot.press(*"SHRM regional meetup", "enter")
        assert app.focused is not None and app.focused.id == "person-relationship"
        await pilot.press("enter", "home", "enter")  # open the choices, the first one (mentor)
        await pilot.pause()
        await pilot.press("tab", *"@hr, mentoring", "tab", *"Offered to review my talk outline")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)

        [person] = store.people()
        assert (person.name, person.role, person.organisation, person.how_met) == (
            "Priya Raman", "Head of People Analytics", "Northwind Bank", "SHRM regional meetup")  # fmt: skip
        assert person.relationship == "mentor"
        assert person.tags == ["hr", "mentoring"]
        assert person.notes == "Offered to review my talk outline"
        assert person.private == 1  # private unless the share box is ticked
        text = screen_text(app)
        assert "Priya Raman" in text and "mentor" in text and "@hr @mentoring" in text
        assert "No people yet" not in text


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_list_keeps_its_most_useful_columns_at_every_width(store: Store, contacts, screen_text, size) -> None:
    store.add_interaction(contacts["tom"], "coffee", at="2026-11-01", follow_up="Send the survey", follow_up_due="2026-11-10")
    store.add_interaction(contacts["priya"], "call", at="2026-11-23")
    app = app_for(store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one("#people-table")
        assert not table.show_horizontal_scrollbar and table.virtual_size.width <= table.size.width
        lines = screen_text(app).splitlines()
        tom = next(line for line in lines if "Tom Okafor" in line)
        assert "3 weeks ago" in tom and "1 overdue" in tom  # the last conversation and the follow-up stay
        assert "contact" in tom and "HR Business" in tom  # and, at 80 columns too, relationship and role
        if size[0] >= 120:  # with the room, roles and organisations whole, and the tags
            assert "HR Business Partner · Contoso" in tom and "@hr" in tom
            priya = next(line for line in lines if "Priya Raman" in line)
            assert "Head of People Analytics · Northwind Bank" in priya and "@hr @mentoring" in priya


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_persons_page_and_the_conversation_form_fit_the_screen(store: Store, priya: int, screen_text, size) -> None:
    goal = store.add_goal("Give three talks at team meetings", status="active", target=3, deadline="2027-03-31")
    store.add_interaction(priya, "coffee", at="2026-11-05", notes="Talked through the whole of the talk outline, slide by slide " * 2,
                          learned="Practise on a friendly audience first", follow_up="Book the PMP exam", follow_up_due="2026-11-20",
                          goal_ids=[goal])  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=size) as pilot:
        await open_person(pilot, "priya")
        table = app.screen.query_one("#conversations")
        assert not table.show_horizontal_scrollbar and table.virtual_size.width <= table.size.width
        row = next(line for line in screen_text(app).splitlines() if "05 Nov 2026" in line and "coffee" in line)
        assert "Talked through" in row and "5 days overdue" in row
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)
        dialog = app.screen.query_one(".people-dialog")
        assert dialog.region.right <= size[0] and not dialog.show_horizontal_scrollbar


async def test_the_form_keeps_what_was_typed_when_the_name_is_missing(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "n", "tab", *"Recruiter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert "The name is empty" in screen_text(app)
        assert app.screen.query_one("#person-role", Input).value == "Recruiter"
        assert app.focused is not None and app.focused.id == "person-name"
        # A tag the store refuses (a lone surrogate, from a bad paste) keeps the form open with the message.
        await pilot.press(*"Sam Lee")
        app.screen.query_one("#person-tags", Input).value = "ok\udc80"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert store.people() == []
        app.screen.query_one("#person-tags", Input).value = "recruiting"
        app.screen.query_one("#person-shared").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        [person] = store.people()
        assert (person.name, person.role, person.tags, person.private) == ("Sam Lee", "Recruiter", ["recruiting"], 0)


async def test_search_narrows_the_list_and_f_filters_by_relationship(store: Store, contacts, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert screen.table.row_count == 3
        await pilot.press("slash", *"hr")  # the tag, live as it is typed
        await pilot.pause()
        assert screen.table.row_count == 2 and set(screen.listed) == {contacts["priya"], contacts["tom"]}
        await pilot.press(*" contoso")
        await pilot.pause()
        assert list(screen.listed) == [contacts["tom"]]
        await pilot.press(*"zzz")
        await pilot.pause()
        assert screen.table.row_count == 0 and "No one matches" in screen_text(app)
        await pilot.press("escape", "escape")  # back to the list, then clear the search
        await pilot.pause()
        assert screen.table.row_count == 3 and screen.query_one("#people-search", Input).value == ""
        await pilot.press("f")  # mentor
        await pilot.pause()
        assert list(screen.listed) == [contacts["priya"]] and "filter: mentor" in screen_text(app)
        await pilot.press("f", "f")  # mentee, then peer
        await pilot.pause()
        assert list(screen.listed) == [contacts["ana"]]


async def test_escape_from_a_person_returns_to_the_same_row(store: Store, contacts, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "down", "down", "enter")  # by name: Ana, Priya, Tom
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == contacts["tom"]
        assert "HR Business Partner · Contoso" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen) and app.screen.highlighted_person_id() == contacts["tom"]


async def test_a_person_moves_to_the_trash_and_u_brings_them_back(store: Store, contacts) -> None:
    store.add_interaction(contacts["ana"], "coffee", at="2026-11-20", notes="pipelines")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "d")  # Ana, the first by name
        await pilot.pause()
        assert [p.name for p in store.people()] == ["Priya Raman", "Tom Okafor"]
        assert [p.name for p in store.people(trashed=True)] == ["Ana Silva"]
        assert store.interactions() == []  # her conversations go with her
        await pilot.press("u")
        await pilot.pause()
        assert len(store.people()) == 3 and len(store.interactions()) == 1
        assert app.screen.highlighted_person_id() == contacts["ana"]  # type: ignore[attr-defined]


async def test_edit_a_person_with_e(store: Store, contacts) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "down", "e")  # Priya
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert app.screen.query_one("#person-name", Input).value == "Priya Raman"
        assert app.screen.query_one("#person-tags", Input).value == "@hr @mentoring"
        await pilot.press("tab", "ctrl+u", *"VP People", "ctrl+s")
        await pilot.pause()
        person = store.get_person(contacts["priya"])
        assert person.role == "VP People" and person.tags == ["hr", "mentoring"] and person.relationship == "mentor"


# -- a person's page -------------------------------------------------------------------------


async def test_log_two_conversations_with_a_follow_up_and_complete_it(store: Store, priya: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "priya")
        assert "No conversations yet" in screen_text(app)

        # The first: a coffee yesterday, with advice and a follow-up "in a week".
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)
        await type_field(pilot, "talk-at", "")
        await pilot.press("ctrl+u", *"yesterday")
        await type_field(pilot, "talk-notes", "Coffee near her office")
        await type_field(pilot, "talk-learned", "Lead with the so-what")
        await type_field(pilot, "talk-follow-up", "Send her the talk outline")
        await type_field(pilot, "talk-follow-up-when", "in a week")
        await pilot.pause()
        assert "→ Wed 02 Dec 2026" in screen_text(app)  # the phrase read live
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)

        # The second: a call today with a follow-up phrase it cannot read, then one it can.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter", "down", "down", "down", "enter")  # kind: call
        await pilot.pause()
        await type_field(pilot, "talk-notes", "Quick call about the chapter")
        await type_field(pilot, "talk-follow-up", "Register for the chapter")
        await type_field(pilot, "talk-follow-up-when", "when pigs fly")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)  # kept open, nothing lost
        assert "'when pigs fly' is not a date I can read" in screen_text(app)
        assert app.screen.query_one("#talk-follow-up", Input).value == "Register for the chapter"
        assert app.focused is not None and app.focused.id == "talk-follow-up-when"
        await pilot.press("ctrl+u", *"by Friday", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)

        call, coffee = store.interactions(priya)
        assert (coffee.kind, coffee.at, coffee.learned) == ("coffee", "2026-11-24", "Lead with the so-what")
        assert (coffee.follow_up, coffee.follow_up_due, coffee.follow_up_done) == ("Send her the talk outline", "2026-12-02", None)
        assert (call.kind, call.at, call.follow_up_due) == ("call", "2026-11-25", "2026-11-27")
        # Both follow-ups are due this week: what Today lists.
        assert [talk.id for talk in store.follow_ups_due("2026-12-02")] == [call.id, coffee.id]
        text = screen_text(app)
        assert "due in 2 days" in text and "due in 7 days" in text

        # x marks the highlighted (newest: the call) follow-up done, and again opens it.
        await pilot.press("x")
        await pilot.pause()
        assert store.get_interaction(call.id).follow_up_done == "2026-11-25"
        assert "done 25 Nov 2026" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert store.get_interaction(call.id).follow_up_done is None
        await pilot.press("down", "space")
        await pilot.pause()
        assert store.get_interaction(coffee.id).follow_up_done == "2026-11-25"
        assert [talk.id for talk in store.follow_ups_due("2026-12-02")] == [call.id]


async def test_e_edits_a_conversation_with_what_was_done_about_it(store: Store, priya: int, screen_text) -> None:
    goal = store.add_goal("Give three talks at team meetings", status="active", target=3, baseline=0, deadline="2027-03-31")
    talk = store.add_interaction(priya, "meeting", at="2026-11-20", learned="Open with one recommendation")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "priya")
        assert "nothing recorded yet" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConversationForm)
        assert form.query_one("#talk-kind", Select).value == "meeting"
        await type_field(pilot, "talk-outcome", "Rewrote the first slide of the deck")
        form.query_one("#talk-goals", SelectionList).focus()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        saved = store.get_interaction(talk)
        assert saved.outcome == "Rewrote the first slide of the deck" and saved.goal_ids == [goal]
        assert saved.kind == "meeting" and saved.at == "2026-11-20" and saved.learned == "Open with one recommendation"
        assert "Done about it: Rewrote the first slide of the deck" in screen_text(app)


async def test_a_conversation_is_trashed_and_brought_back(store: Store, priya: int) -> None:
    older = store.add_interaction(priya, "coffee", at="2026-11-01", notes="first")
    newer = store.add_interaction(priya, "event", at="2026-11-15", notes="second")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "priya")
        await pilot.press("d")
        await pilot.pause()
        assert [talk.id for talk in store.interactions(priya)] == [older]
        await pilot.press("u")
        await pilot.pause()
        assert [talk.id for talk in store.interactions(priya)] == [newer, older]
        assert app.screen.highlighted_id() == newer  # type: ignore[attr-defined]


async def test_F_files_feedback_into_the_current_self_assessment(store: Store, screen_text) -> None:
    manager = store.add_person("Daniel Ortiz", relationship="manager")
    store.add_interaction(manager, "feedback", at="2026-11-23", notes="Mid-year review", learned="Speak up earlier in meetings",
                          outcome="Asked the first question at Monday's meeting")  # fmt: skip
    session = store.add_assessment("2026-11-20")  # in progress: not completed
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "daniel")
        await pilot.press("F")
        await pilot.pause()
        [item] = [item for item in store.assessment_items(session) if item.kind == "feedback"]
        assert item.text == "Speak up earlier in meetings"
        assert item.source == "supervisor"  # from the relationship
        assert item.action == "Asked the first question at Monday's meeting"
        assert any("Filed as feedback in the self-assessment of 20 Nov 2026 (in progress)" in str(n.message)
                   for n in app._notifications)  # fmt: skip
        assert "Filed as feedback in the self-assessment" in screen_text(app)
        await pilot.press("F")  # twice files once
        await pilot.pause()
        assert len([item for item in store.assessment_items(session) if item.kind == "feedback"]) == 1


async def test_F_on_a_conversation_with_nothing_to_file_says_so(store: Store, priya: int) -> None:
    store.add_interaction(priya, "message", at="2026-11-23")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "priya")
        await pilot.press("F")
        await pilot.pause()
        assert app.is_running and store.assessments() == []
        assert any("no notes or advice" in str(n.message) for n in app._notifications)


async def test_a_mentor_page_shows_goals_discussed_and_what_came_of_the_advice(store: Store, priya: int, screen_text) -> None:
    talk_goal = store.add_goal("Give three talks at team meetings", status="active", target=3, baseline=0, deadline="2027-03-31")
    store.add_checkin(talk_goal, 1, at="2026-11-01")
    pmp = store.add_goal("Earn the PMP certification", status="active", target=50, baseline=0, deadline="2027-05-25")
    store.add_interaction(priya, "coffee", at="2026-10-10", learned="Practise on a friendly audience first", goal_ids=[talk_goal],
                          outcome="Presented to my own team")  # fmt: skip
    store.add_interaction(priya, "meeting", at="2026-11-05", learned="Book the exam to make it real", goal_ids=[talk_goal, pmp],
                          follow_up="Book the PMP exam", follow_up_due="2026-11-20")  # fmt: skip
    store.add_interaction(priya, "call", at="2026-11-18", learned="Ask the CFO's analyst what they need")
    app = app_for(store)
    async with app.run_test(size=(140, 45)) as pilot:
        await open_person(pilot, "priya")
        text = screen_text(app)
        assert "Goals discussed with your mentor" in text
        assert "Give three talks at team meetings" in text and "discussed 2× · last 05 Nov 2026" in text
        assert "33%" in text  # its progress: 1 of 3
        assert "Earn the PMP certification" in text and "discussed 1× · last 05 Nov 2026" in text
        assert "Advice and what came of it" in text
        assert "Practise on a friendly audience first" in text and "→ done: Presented to my own team" in text
        assert "Book the exam to make it real" in text and "Book the PMP exam  5 days overdue" in text
        assert "Ask the CFO's analyst what they need" in text and "nothing recorded yet" in text


async def test_a_peer_page_titles_the_sections_for_a_peer(store: Store, contacts, screen_text) -> None:
    store.add_interaction(contacts["ana"], "coffee", at="2026-11-10", learned="dbt makes the tests cheap")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "ana")
        text = screen_text(app)
        assert "What I learned and what came of it" in text and "Advice and what came of it" not in text


async def test_a_networking_goal_fills_up_as_meetings_are_logged(store: Store, contacts) -> None:
    goal = store.add_goal(
        "Connect with five HR leaders over the next quarter", status="active", category="networking", target=5, baseline=0,
        start_date="2026-11-01", deadline="2027-02-28", progress_from="people", progress_tag="hr",
    )  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        for name in ("priya", "tom"):
            await open_person(pilot, name)
            await pilot.press("c")
            await pilot.pause()
            await type_field(pilot, "talk-notes", f"Met {name}")
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        assert store.get_goal(goal).current == 2
        await open_person(pilot, "ana")  # not tagged @hr: does not count
        await pilot.press("c", "ctrl+s")
        await pilot.pause()
        assert store.get_goal(goal).current == 2 and len(store.interactions()) == 3


async def test_a_conversation_date_that_cannot_be_read_keeps_the_form(store: Store, priya: int, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "priya")
        await pilot.press("c")
        await pilot.pause()
        await type_field(pilot, "talk-notes", "Lunch")
        await type_field(pilot, "talk-at", "")
        await pilot.press("ctrl+u", *"the other day", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)
        assert "'the other day' is not a date I can read" in screen_text(app)
        assert store.interactions() == []
        await pilot.press("ctrl+u", *"3 days ago", "ctrl+s")
        await pilot.pause()
        [talk] = store.interactions()
        assert (talk.at, talk.notes) == ("2026-11-22", "Lunch")


# -- hostile text, the palette, the help ----------------------------------------------------


async def test_names_and_notes_with_markup_and_escape_codes_show_literally(store: Store, screen_text) -> None:
    person = store.add_person("[bold]Priya[/]", role="[@click=app.quit]quit[/]", notes="red \x1b[31mtext", tags=["x"])
    store.add_interaction(person, "coffee", at="2026-11-24", notes="[/] and \x1b]0;pwned\x07", learned="[b]advice[/b]",
                          follow_up="[red]ping[/]")  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Priya[/]" in text and "[@click=app.quit]quit[/]" in text
        assert "red ␛[31mtext" in text and "\x1b" not in text
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert isinstance(app.screen, PersonScreen) and "\x1b" not in text and "\x07" not in text
        assert "[bold]Priya[/]" in text and "[b]advice[/b]" in text and "[red]ping[/]" in text and "[/] and ␛]0;pwned" in text
        await pilot.press("e")  # the form's title quotes the name
        await pilot.pause()
        assert "with [bold]Priya[/]" in screen_text(app)
        await pilot.press("escape", "E", "ctrl+s")
        await pilot.pause()
        assert app.is_running and store.get_person(person).name == "[bold]Priya[/]"
    # Typed into the form, too.
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "n", *"[/]Sam [i]", "ctrl+s")
        await pilot.pause()
        assert "[/]Sam [i]" in screen_text(app)
    assert "[/]Sam [i]" in [p.name for p in store.people()]


async def test_the_palette_offers_new_person_and_log_a_conversation(store: Store, contacts) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "New person (n on People)" in titles and "Log a conversation (c on People)" in titles
        assert "Go to People (p)" in titles

        app.action_new_person()  # from Today
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)

        await pilot.press("t")
        await pilot.pause()
        app.action_log_conversation()  # not on a person's page: the form asks who with
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConversationForm)
        assert form.query_one("#talk-person", Select).value == contacts["ana"]  # the highlighted person first
        await pilot.press("enter", "down", "enter")  # Priya
        await pilot.pause()
        await type_field(pilot, "talk-notes", "Bumped into her at the SHRM event")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [talk] = store.interactions()
        assert talk.person_id == contacts["priya"] and talk.notes == "Bumped into her at the SHRM event"


async def test_the_palette_on_a_persons_page_logs_with_them_and_adds_someone_new_from_the_list(store: Store, contacts) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_person(pilot, "Tom")
        app.action_log_conversation()  # with the person whose page is open: the form does not ask who
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ConversationForm) and form.person_id == contacts["tom"] and not form.query("#talk-person")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)

        app.action_new_person()  # back to the list first: someone new is added there
        for _ in range(4):
            await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Lena Park", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen) and len(app.screen_stack) == 1
        assert "Lena Park" in [person.name for person in store.people()]
        assert app.screen.highlighted_person_id() == store.people(query="Lena")[0].id


async def test_help_lists_the_people_keys(store: Store, screen_text) -> None:
    from goaljournal.ui.app import HELP, help_places
    from goaljournal.ui.help import help_markdown

    assert "| `p` | People: " in HELP and "`F` Feedback" in HELP
    assert "file the conversation as feedback" in help_markdown(help_places(), here=["a person"]).lower()


# -- the pure helpers ------------------------------------------------------------------------


def test_how_long_ago_says_it_the_way_people_do() -> None:
    assert [how_long_ago(day, TODAY) for day in ("2026-11-25", "2026-11-24", "2026-11-20", "2026-11-04", "2026-08-01", "2024-11-01")] == [
        "today", "yesterday", "5 days ago", "3 weeks ago", "3 months ago", "2 years ago"]  # fmt: skip


def test_follow_up_state_names_done_due_and_overdue() -> None:
    def talk(due: str | None, done: str | None = None) -> Interaction:
        return Interaction(id=1, uuid="u", person_id=1, at="2026-11-01", kind="coffee", follow_up_due=due, follow_up_done=done)

    assert follow_up_state(talk(None), TODAY) == ("", "")
    assert follow_up_state(talk("2026-11-20", "2026-11-21"), TODAY)[0] == "done 21 Nov 2026"
    assert follow_up_state(talk("2026-11-25"), TODAY)[0] == "due today"
    assert follow_up_state(talk("2026-11-26"), TODAY)[0] == "due in 1 day"
    assert follow_up_state(talk("2026-12-02"), TODAY)[0] == "due in 7 days"
    assert follow_up_state(talk("2026-11-24"), TODAY) == ("1 day overdue", "$text-error")


def test_form_readers() -> None:
    assert split_tags("@hr, mentoring  @HR shrm,,") == ("hr", "mentoring", "shrm")
    assert read_due("in a week", TODAY) == date(2026, 12, 2)
    assert read_due("by Friday", TODAY) == date(2026, 11, 27)
    assert read_due("today", TODAY) == TODAY
    assert read_due("when pigs fly", TODAY) is None
    assert read_day("yesterday", TODAY) == date(2026, 11, 24)
    assert read_day("2026-10-01", TODAY) == date(2026, 10, 1)
    assert read_day("the other day", TODAY) is None


def test_a_persons_page_text_comes_from_the_store_alone_and_leaves_out_goals_in_the_trash(store: Store, priya: int) -> None:
    talks_goal = store.add_goal("Give three talks at team meetings", status="active", target=3, baseline=0, deadline="2027-03-31")
    binned = store.add_goal("Learn SQL window functions", status="active")
    store.add_interaction(priya, "coffee", at="2026-11-10", learned="Practise on a friendly audience first", goal_ids=[talks_goal, binned])
    store.trash("goals", binned)
    text = person_about(store, store.get_person(priya), store.interactions(priya), TODAY).plain
    assert "Goals discussed with your mentor" in text and "Give three talks at team meetings" in text
    assert "Learn SQL window functions" not in text
    assert "Practise on a friendly audience first" in text and "nothing recorded yet" in text


def test_long_goals_and_advice_wrap_under_their_own_start(store: Store, priya: int) -> None:
    goal = store.add_goal("Give three talks at team meetings before the end of the financial year", status="active", target=3)
    store.add_interaction(priya, "coffee", at="2026-11-10", goal_ids=[goal], learned="Practise on a friendly audience first, then on a harder one",
                          outcome="Presented to my own team, then to the whole department in the town hall")  # fmt: skip
    lines = person_about(store, store.get_person(priya), store.interactions(priya), TODAY, width=40).plain.splitlines()
    lines = lines[lines.index("Goals discussed with your mentor") :]  # above: who they are, wrapped by the panel
    assert all(len(line) <= 40 for line in lines)
    at = next(index for index, line in enumerate(lines) if "Practise on" in line)
    text_starts = lines[at].index("Practise")
    assert lines[at + 1].startswith(" " * text_starts) and lines[at + 1][text_starts] != " "  # a hanging indent
    done = next(index for index, line in enumerate(lines) if "→ done:" in line)
    assert lines[done + 1].startswith(" " * lines[done].index("Presented"))
    titled = next(index for index, line in enumerate(lines) if "Give three talks" in line)
    assert lines[titled + 1].strip().startswith("meetings before")
    assert lines[titled + 1].startswith(" " * lines[titled].index("Give"))
