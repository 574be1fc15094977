"""Conversations and follow-ups on the timeline: the store's paged queries and the screen by keys."""

from __future__ import annotations

from datetime import date

import pytest

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.reader import ReaderDialog
from goaljournal.ui.timeline.screen import (
    KIND_LABELS,
    TimelineFilter,
    TimelineFilterDialog,
    TimelineScreen,
    TimelineView,
    counts_text,
    item_parts,
)

TODAY = date(2026, 11, 25)
SIZE = (130, 40)
HOSTILE = "[bold]Ada[/] [@click=app.quit]x[/] \x1b[31mL"


@pytest.fixture
def talks(store: Store) -> dict[str, int]:
    """A goal, a mentor met twice (one follow-up overdue, one done), a peer with a follow-up due Friday."""
    goal = store.add_goal("Connect with five HR leaders", target=5, baseline=0, start_date="2026-10-01", deadline="2027-03-31")
    priya = store.add_person("Priya Shah", relationship="mentor")
    omar = store.add_person("Omar Haddad", relationship="peer")
    first = store.add_interaction(
        priya, "coffee", at="2026-11-10", notes="talk outline review", learned="Lead with the story", goal_ids=[goal],
        follow_up="Send the outline", follow_up_due="2026-11-17",
    )  # fmt: skip
    second = store.add_interaction(priya, "meeting", at="2026-11-18", follow_up="Book the next session", follow_up_due="2026-11-20")
    store.set_follow_up_done(second, "2026-11-21")
    third = store.add_interaction(omar, "event", at="2026-11-24", notes="HR summit", follow_up="Thank Omar", follow_up_due="2026-11-27")
    store.add_entry("Met Priya @networking", at="2026-11-10 18:00:00")
    return {"goal": goal, "priya": priya, "omar": omar, "first": first, "second": second, "third": third}


def kinds_by_day(store: Store, **filters) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(i["day"], i["kind"]) for i in store.timeline_items("2026-11-01", "2026-11-30", **filters) if i["kind"] != "checkin"]


def test_conversations_sit_on_their_day_and_follow_ups_on_their_due_day(store: Store, talks: dict[str, int]) -> None:
    assert kinds_by_day(store, kinds=["conversation", "follow-up"]) == [
        ("2026-11-27", "follow-up"),
        ("2026-11-24", "conversation"),
        ("2026-11-20", "follow-up"),
        ("2026-11-18", "conversation"),
        ("2026-11-17", "follow-up"),
        ("2026-11-10", "conversation"),
    ]
    first = next(i for i in store.timeline_items("2026-11-10", "2026-11-10") if i["kind"] == "conversation")
    assert (first["id"], first["title"], first["text"], first["entry_kind"], first["goal_id"]) == (
        talks["first"], "Priya Shah", "talk outline review", "coffee", talks["goal"],
    )  # fmt: skip
    done = next(i for i in store.timeline_items("2026-11-20", "2026-11-20") if i["kind"] == "follow-up")
    assert (done["text"], done["done"], done["note"]) == ("Book the next session", 1, "2026-11-21")


def test_day_counts_pages_and_header_counts_include_them_under_every_filter(store: Store, talks: dict[str, int]) -> None:
    for chosen in ({}, {"kinds": ["conversation"]}, {"kinds": ["follow-up", "win"]}, {"goal_id": talks["goal"]}, {"tag": "networking"}):
        counts = store.timeline_day_counts(**chosen)
        everything = store.timeline_items("0001-01-01", "9999-12-31", **chosen)
        assert sum(n for _, n in counts) == len(everything), chosen
        for size in (1, 2):  # page through, each page starting inside a day, as the screen does
            paged: list[dict] = []
            while len(paged) < len(everything):
                first_day = everything[len(paged)]["day"]
                within = sum(1 for item in paged if item["day"] == first_day)
                paged += store.timeline_items("0001-01-01", first_day, offset=within, limit=size, **chosen)
            assert [(i["kind"], i["id"]) for i in paged] == [(i["kind"], i["id"]) for i in everything], chosen
    # Only entries carry tags; one goal's story holds the conversation that discussed it.
    assert {i["kind"] for i in store.timeline_items("2026-11-01", "2026-11-30", tag="networking")} == {"entry"}
    story = [(i["kind"], i["id"]) for i in store.timeline_items("2026-11-01", "2026-11-30", goal_id=talks["goal"])]
    assert ("conversation", talks["first"]) in story and ("follow-up", talks["first"]) in story
    assert ("conversation", talks["third"]) not in story
    november = store.timeline_counts("2026-11-01", "2026-11-30")
    assert (november["conversations"], november["follow_ups_due"], november["follow_ups_done"]) == (3, 3, 1)
    assert "3 conversations · follow-ups 1/3 done" in counts_text(november)
    one_goal = store.timeline_counts("2026-11-01", "2026-11-30", goal_id=talks["goal"])
    assert (one_goal["conversations"], one_goal["follow_ups_due"]) == (1, 1)
    store.trash_person(talks["priya"])  # her conversations leave the axis with her
    assert sum(n for _, n in store.timeline_day_counts(kinds=["conversation", "follow-up"])) == 2


def test_lines_read_without_colour() -> None:
    base = {"id": 1, "goal_id": None, "value": None, "target": None, "unit": None, "starred": 0, "due": None}
    talk = {**base, "kind": "conversation", "day": "2026-11-10", "title": "Priya Shah", "text": "outline", "note": None,
            "done": None, "status": "mentor", "entry_kind": "coffee"}  # fmt: skip
    left, right = item_parts(talk, TODAY, "month")
    assert left.plain == "   ⇄ Tue 10  conversation · coffee with Priya Shah: outline" and right.plain == "mentor"
    due = {**base, "kind": "follow-up", "day": "2026-11-17", "title": "Priya Shah", "text": "Send the outline",
           "note": None, "done": 0, "status": "mentor", "entry_kind": "coffee"}  # fmt: skip
    left, right = item_parts(due, TODAY, "month")
    assert left.plain == "   ↪ Tue 17  follow-up: Send the outline  (Priya Shah)" and right.plain == "8 days overdue"
    assert item_parts({**due, "day": "2026-11-27"}, TODAY, "month")[1].plain == "due in 2 days"
    assert item_parts({**due, "done": 1, "note": "2026-11-21"}, TODAY, "month")[1].plain == "done 21 Nov 2026"


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


async def open_timeline(pilot) -> TimelineView:  # type: ignore[no-untyped-def]
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TimelineScreen)
    return pilot.app.screen.query_one(TimelineView)


async def test_the_timeline_shows_them_and_enter_reads_a_conversation(store: Store, talks: dict[str, int], screen_text) -> None:
    async with app_for(store).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        text = screen_text(pilot.app)
        assert "↪ Fri 27  follow-up: Thank Omar  (Omar Haddad)" in text and "due in 2 days" in text
        assert "⇄ Tue 24  conversation · event with Omar Haddad: HR summit" in text
        assert "follow-up: Send the outline  (Priya Shah)" in text and "8 days overdue" in text
        assert "follow-up: Book the next session" in text and "done 21 Nov 2026" in text
        assert "3 conversations · follow-ups 1/3 done" in text
        while not (view.axis.highlighted_row.item and view.axis.highlighted_row.item["kind"] == "conversation"):
            await pilot.press("down")
        assert view.axis.highlighted_row.item["id"] == talks["third"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderDialog) and pilot.app.screen.kind == "conversation"
        reader = screen_text(pilot.app)
        assert "event with Omar Haddad · peer" in reader and "HR summit" in reader
        assert "Follow-up: Thank Omar" in reader and "due 27 Nov 2026" in reader
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)


async def test_filter_by_kind_shows_only_conversations(store: Store, talks: dict[str, int], screen_text) -> None:
    assert list(KIND_LABELS)[-2:] == ["conversation", "follow-up"]
    async with app_for(store).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineFilterDialog)
        assert "conversations with people" in screen_text(pilot.app)
        pilot.app.screen.query_one("#timeline-filter-kinds").deselect_all()
        pilot.app.screen.query_one("#timeline-filter-kinds").select("conversation")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert view.filter.kinds == frozenset({"conversation"})
        rows = [view.axis.row_at(i) for i in range(view.axis.row_count)]
        assert [row.item["id"] for row in rows if row.item is not None] == [talks["third"], talks["second"], talks["first"]]
        text = screen_text(pilot.app)
        assert "3 items match the filter" in text and "follow-up:" not in text
        view.set_filter(TimelineFilter(kinds=frozenset({"follow-up"})))
        await pilot.pause()
        rows = [view.axis.row_at(i) for i in range(view.axis.row_count)]
        assert {row.item["kind"] for row in rows if row.item is not None} == {"follow-up"}


async def test_markup_in_a_name_shows_literally_on_the_timeline(store: Store, screen_text) -> None:
    person = store.add_person(HOSTILE)
    store.add_interaction(person, "call", at="2026-11-24", notes="[red]notes[/red]", follow_up="[b]reply[/b]", follow_up_due="2026-11-26")
    async with app_for(store).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        text = screen_text(pilot.app)
        assert "call with [bold]Ada[/] [@click=app.quit]x[/] ␛[31mL: [red]notes[/red]" in text
        assert "follow-up: [b]reply[/b]  ([bold]Ada[/]" in text
        while not (view.axis.highlighted_row.item and view.axis.highlighted_row.item["kind"] == "conversation"):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert "call with [bold]Ada[/] [@click=app.quit]x[/]" in screen_text(pilot.app)
        assert pilot.app.is_running


async def test_p_in_the_conversation_reader_opens_the_person_page(store: Store, talks: dict[str, int]) -> None:
    from goaljournal.ui.people.screen import PersonScreen

    async with app_for(store).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        while not (view.axis.highlighted_row.item and view.axis.highlighted_row.item["kind"] == "follow-up"):
            await pilot.press("down")
        await pilot.press("enter")  # a follow-up opens its conversation
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderDialog) and pilot.app.screen.kind == "conversation"
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PersonScreen)
        assert pilot.app.screen.person_id == talks["priya"]  # below today: her follow-up of 20 Nov
