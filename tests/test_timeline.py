"""The timeline: the store's paged queries, the axis layout, and the screen driven by keys."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from conftest import NOW

from goaljournal.demo import fill_demo_journal
from goaljournal.store import InvalidInput, Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.reader import ReaderDialog
from goaljournal.ui.shared.widgets.entry_reader import MarkdownText
from goaljournal.ui.timeline.screen import (
    AxisLayout,
    GoalStoryScreen,
    TimelineFilter,
    TimelineFilterDialog,
    TimelineScreen,
    TimelineSource,
    TimelineView,
)

TODAY = NOW.date()
SIZE = (130, 40)
HOSTILE = "todo [/] then [@click=app.quit]x[/] and \x1b[31mred\x1b[0m [bold]not bold"


# -- a small journal whose every number is known -------------------------------------------------


@pytest.fixture
def small(store: Store) -> dict[str, int]:
    """Two goals in October–November 2026, with milestones, check-ins, a revision, entries."""
    talk = store.add_goal("Give three talks", target=3, baseline=0, unit="talks", start_date="2026-10-01", deadline="2026-12-31")
    books = store.add_goal("Read four books", target=4, baseline=0, unit="books", start_date="2026-11-10", deadline="2027-02-28")
    store.add_goal("A vague draft", status="draft", start_date="2026-11-01")
    done = store.add_milestone(talk, "Book the room", due="2026-11-05")
    store.set_milestone_done(done, "2026-11-04")
    store.add_milestone(talk, "Rehearse", due="2026-11-20")  # overdue on 25 Nov
    store.add_milestone(books, "Pick the list", due="2026-12-02")
    store.add_checkin(talk, 1, at="2026-10-20")
    store.add_checkin(talk, 2, at="2026-11-18", note="second talk")
    store.add_checkin(books, 1, at="2026-11-18")
    store.update_goal(talk, title="Give four talks", target=4, reason="going well", at="2026-11-19 18:00:00")
    store.add_entry("Rehearsed the talk @speaking", at="2026-11-18 20:00:00", goal_ids=[talk])
    store.add_entry("A quiet day @rest", at="2026-11-21 08:00:00", kind="note")
    store.add_entry("Won the pitch @speaking", at="2026-10-02 10:00:00", kind="win", starred=True)
    return {"talk": talk, "books": books}


def test_items_are_every_dated_thing_in_display_order(store: Store, small: dict[str, int]) -> None:
    items = store.timeline_items("2026-10-01", "2026-12-31")
    kinds = [(item["day"], item["kind"]) for item in items]
    assert kinds == [
        ("2026-12-31", "deadline"),
        ("2026-12-02", "milestone"),
        ("2026-11-21", "entry"),
        ("2026-11-20", "milestone"),
        ("2026-11-19", "revision"),
        ("2026-11-18", "checkin"),
        ("2026-11-18", "checkin"),
        ("2026-11-18", "entry"),
        ("2026-11-10", "goal-start"),
        ("2026-11-04", "milestone"),
        ("2026-11-01", "goal-start"),
        ("2026-10-20", "checkin"),
        ("2026-10-02", "entry"),
        ("2026-10-01", "goal-start"),
    ]
    oldest = store.timeline_items("2026-10-01", "2026-12-31", newest_first=False)
    assert [(i["kind"], i["id"]) for i in oldest] == [(i["kind"], i["id"]) for i in reversed(items)]
    talk_start = next(i for i in items if i["kind"] == "goal-start" and i["id"] == small["talk"])
    assert talk_start["text"] == "Give three talks"  # as first written, before the revision
    assert talk_start["title"] == "Give four talks"
    done = next(i for i in items if i["kind"] == "milestone" and i["done"])
    assert (done["day"], done["due"]) == ("2026-11-04", "2026-11-05")


def test_day_counts_and_pages_agree_under_every_filter(store: Store, small: dict[str, int]) -> None:
    filters = [
        {},
        {"goal_id": small["talk"]},
        {"tag": "speaking"},
        {"tag": "@SPEAKING"},
        {"kinds": ["checkin", "win"]},
        {"kinds": ["note"], "tag": "rest"},
        {"goal_id": small["books"], "kinds": ["milestone", "goal"]},
    ]
    for chosen in filters:
        counts = store.timeline_day_counts(**chosen)
        everything = store.timeline_items("0001-01-01", "9999-12-31", **chosen)
        assert sum(n for _, n in counts) == len(everything), chosen
        assert [day for day, _ in counts] == sorted({item["day"] for item in everything}), chosen
        # Read back a page at a time, each page starting inside a day, as the screen does.
        for size in (1, 2, 3):
            paged = []
            while len(paged) < len(everything):
                first_day = everything[len(paged)]["day"]
                within = sum(1 for item in paged if item["day"] == first_day)
                page = store.timeline_items("0001-01-01", first_day, offset=within, limit=size, **chosen)
                assert page, chosen
                paged += page
            assert [(i["kind"], i["id"]) for i in paged] == [(i["kind"], i["id"]) for i in everything], chosen


def test_filters_narrow_to_a_goal_a_tag_or_some_kinds(store: Store, small: dict[str, int]) -> None:
    talk = store.timeline_items("2026-01-01", "2027-12-31", goal_id=small["talk"])
    assert {item["kind"] for item in talk} == {"deadline", "milestone", "revision", "checkin", "entry", "goal-start"}
    assert all(item["goal_id"] == small["talk"] for item in talk)
    tagged = store.timeline_items("2026-01-01", "2027-12-31", tag="speaking")
    assert [item["text"] for item in tagged] == ["Rehearsed the talk @speaking", "Won the pitch @speaking"]
    wins = store.timeline_items("2026-01-01", "2027-12-31", kinds=["win"])
    assert [item["entry_kind"] for item in wins] == ["win"]
    assert store.timeline_items("2026-01-01", "2027-12-31", tag="nobody") == []
    with pytest.raises(InvalidInput, match="unknown timeline kind 'meeting'"):
        store.timeline_day_counts(kinds=["meeting"])


def test_a_trashed_entry_or_goal_leaves_the_timeline(store: Store, small: dict[str, int]) -> None:
    before = sum(n for _, n in store.timeline_day_counts())
    store.trash("goals", small["books"])
    # its start, deadline, milestone and check-in go with it
    assert sum(n for _, n in store.timeline_day_counts()) == before - 4


def test_counts_for_a_range(store: Store, small: dict[str, int]) -> None:
    november = store.timeline_counts("2026-11-01", "2026-11-30")
    assert november == {
        "goals_active": 2,  # the draft is not counted
        "milestones_due": 2,
        "milestones_done": 1,
        "checkin_days": 1,
        "entries": 2,
        "conversations": 0,
        "follow_ups_due": 0,
        "follow_ups_done": 0,
    }
    assert store.timeline_counts("2026-10-01", "2026-10-31", goal_id=small["books"])["goals_active"] == 0
    assert store.timeline_counts("2026-10-01", "2026-11-30", tag="speaking")["entries"] == 2


def test_checkin_values_as_of_a_day(store: Store, small: dict[str, int]) -> None:
    assert store.checkin_values_as_of([small["talk"], small["books"]], "2026-10-31") == {small["talk"]: 1.0}
    assert store.checkin_values_as_of([small["talk"]], date(2026, 11, 30)) == {small["talk"]: 2.0}


def test_the_change_token_moves_with_every_write_from_anywhere(store: Store, db_path: Path) -> None:
    first = store.change_token()
    assert store.change_token() == first
    store.add_entry("mine")
    second = store.change_token()
    assert second != first
    with Store.open(db_path, clock=lambda: NOW) as other:
        other.add_entry("from another process")
    assert store.change_token() != second


# -- the layout -------------------------------------------------------------------------------


def test_the_layout_places_headers_spans_today_and_items(store: Store, small: dict[str, int]) -> None:
    counts = [(date.fromisoformat(day), n) for day, n in store.timeline_day_counts()]
    layout = AxisLayout(counts, store.goals(), zoom="month", today=TODAY)
    assert [p.label for p in layout.periods] == ["February 2027", "December 2026", "November 2026", "October 2026"]
    assert layout.row_count == sum(n for _, n in counts) + len(layout.periods) + sum(map(len, layout.spans)) + 1
    slots = [layout.slot(i) for i in range(layout.row_count)]
    assert [s.kind for s in slots].count("today") == 1
    assert slots[layout.today_row()].kind == "today"
    november = layout.starts[2]
    assert slots[november].kind == "period" and slots[november + 1].kind == "today"  # a period opens with its days
    # Each goal's span shows once, in the first period it overlaps (the newest, newest first), after that period's items.
    spans = [(i, layout.periods[s.period_index].label, s.goal.title) for i, s in enumerate(slots) if s.kind == "span"]
    assert [span[1:] for span in spans] == [
        ("February 2027", "Read four books"), ("December 2026", "Give four talks"), ("November 2026", "A vague draft"),
    ]  # fmt: skip
    assert all(i + 1 == layout.row_count or slots[i + 1].kind in ("period", "span") for i, _, _ in spans)
    # rows are in display order: days never increase going down
    days = [s.day for s in slots if s.kind in ("item", "today")]
    assert days == sorted(days, reverse=True)
    assert layout.first_row_from(date(2026, 11, 19)) == layout.day_rows(date(2026, 11, 19)).start
    assert layout.first_row_from(date(2026, 11, 30), header=True) == november
    assert slots[layout.first_row_from(date(2026, 11, 15))].day == date(2026, 11, 10)  # the next older day


def test_an_empty_journal_still_has_today(store: Store) -> None:
    layout = AxisLayout([], [], zoom="week", today=TODAY)
    assert layout.row_count == 2
    assert [layout.slot(0).kind, layout.slot(1).kind] == ["period", "today"]


def test_a_page_reads_only_its_own_days(store: Store, small: dict[str, int]) -> None:
    counts = [(date.fromisoformat(day), n) for day, n in store.timeline_day_counts()]
    layout = AxisLayout(counts, store.goals(), zoom="week", today=TODAY, newest_first=False)
    source = TimelineSource(store, layout)
    whole = source.fetch(0, layout.row_count)
    for size in (1, 4, 7):
        paged = [row for start in range(0, layout.row_count, size) for row in source.fetch(start, size)]
        assert [row.key for row in paged] == [row.key for row in whole]
    assert not source.stale
    assert all(row.item is not None for row in whole if row.kind == "item")


# -- the screen ----------------------------------------------------------------------------------


@pytest.fixture
def demo(store: Store) -> Store:
    fill_demo_journal(store, today=TODAY)
    return store


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


async def open_timeline(pilot) -> TimelineView:  # type: ignore[no-untyped-def]
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TimelineScreen)
    return pilot.app.screen.query_one(TimelineView)


async def test_the_timeline_opens_on_today_in_the_demo_journal(demo: Store, screen_text) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        text = screen_text(pilot.app)
        assert "━━ today · Wed 25 Nov 2026" in text
        assert "── November 2026 ──" in text and "20 check-in days" in text  # the demo's client reports add two
        assert "[month]" in text and "newest first" in text and "filter: all" in text
        assert "On screen" in text and "goals active" in text
        assert "check-in · Pass the PMP exam" in text
        assert "milestone · Submit the PMP application" in text and "due in 3 days" in text
        assert "3 days overdue" in text  # Module 9, due 22 Nov
        lines = text.splitlines()
        header = next(i for i, line in enumerate(lines) if "── November 2026 ──" in line)
        assert "milestone · Ask Priya to review the talk outline" in lines[header + 1]  # events first, not spans
        assert view.axis.highlighted_row.kind == "today"


async def test_zoom_keeps_the_same_item_under_the_cursor(demo: Store, screen_text) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("down", "down", "down")
        chosen = view.axis.highlighted_row
        assert chosen.kind == "item"
        screen_row = view.axis.cursor - int(view.axis.scroll_y)
        await pilot.press("minus")
        await pilot.pause()
        assert view.zoom == "quarter"
        assert "[quarter]" in screen_text(pilot.app)
        assert view.axis.highlighted_row.key == chosen.key
        assert view.axis.cursor - int(view.axis.scroll_y) == screen_row
        await pilot.press("1")  # straight to week
        await pilot.pause()
        assert view.zoom == "week"
        assert view.axis.highlighted_row.key == chosen.key
        assert "Week 48 · 23–29 Nov 2026" in screen_text(pilot.app)
        await pilot.press("plus", "4")
        await pilot.pause()
        assert view.zoom == "year"
        month = view.axis.highlighted_row  # a year shows months: the one that holds the item
        assert month.kind == "month" and month.day == chosen.day.replace(day=1)
        assert "[year]" in screen_text(pilot.app)
        await pilot.press("enter")  # that month, its items
        await pilot.pause()
        assert view.zoom == "month" and view.axis.highlighted_row.day.month == chosen.day.month


async def test_jump_to_a_typed_date_and_back_to_today(demo: Store, screen_text) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("colon")
        await pilot.pause()
        jump = view.query_one("#timeline-jump", Input)
        assert jump.has_focus
        await pilot.press(*"March 2026", "enter")
        await pilot.pause()
        assert not jump.display and view.axis.has_focus
        row = view.axis.highlighted_row
        assert row.kind == "period" and row.period.label == "March 2026"
        assert int(view.axis.scroll_y) == view.axis.cursor  # the month's header at the top
        assert "On screen" in screen_text(pilot.app) and "Mar 2026" in screen_text(pilot.app)

        await pilot.press("colon")
        jump.value = "2026-04-07"  # typed key by key above; set here to keep the test quick
        await pilot.press("enter")
        await pilot.pause()
        assert view.axis.highlighted_row.day <= date(2026, 4, 7)

        await pilot.press("colon")
        jump.value = "31 Feb 2026"
        await pilot.press("enter")
        await pilot.pause()
        assert jump.display and jump.value == "31 Feb 2026"  # kept, to be corrected
        assert any("February 2026 has no day 31" in str(n.message) for n in pilot.app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert not jump.display and view.axis.has_focus
        assert isinstance(pilot.app.screen, TimelineScreen)

        await pilot.press("full_stop")
        await pilot.pause()
        assert view.axis.highlighted_row.kind == "today"


async def test_a_jump_before_the_journal_began_says_so(demo: Store) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("colon", *"2019", "enter")
        await pilot.pause()
        assert view.axis.cursor == view.axis.row_count - 1
        assert any("Nothing on the timeline in 2019" in str(n.message) for n in pilot.app._notifications)


async def test_older_and_newer_periods(demo: Store) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.axis.highlighted_row.period.label == "October 2026"
        await pilot.press("left")
        await pilot.pause()
        assert view.axis.highlighted_row.period.label == "September 2026"
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert view.axis.highlighted_row.period.label == "November 2026"
        assert view.axis.highlighted_row.kind == "period"


async def test_enter_on_a_header_zooms_into_that_period(demo: Store) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("minus", "left_square_bracket")
        await pilot.pause()
        assert view.axis.highlighted_row.period.label == "Q3 2026 · Jul–Sep"
        await pilot.press("enter")
        await pilot.pause()
        assert view.zoom == "month"
        row = view.axis.highlighted_row
        assert row.kind == "period" and row.period.label == "September 2026"
        await pilot.press("enter")  # September: its weeks; the last one runs into October
        await pilot.pause()
        assert view.zoom == "week"
        assert date(2026, 9, 1) <= view.axis.highlighted_row.day <= date(2026, 9, 30)


async def test_filter_by_a_goal_then_clear_it(demo: Store, screen_text) -> None:
    pmp = next(goal for goal in demo.goals() if goal.title.startswith("Pass the PMP"))
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        everything = view.axis.row_count
        await pilot.press("f")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, TimelineFilterDialog)
        goals = [goal.id for goal in dialog.goals]
        await pilot.press("home", *["down"] * (goals.index(pmp.id) + 1), "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert view.filter.goal_id == pmp.id
        text = screen_text(pilot.app)
        assert "filter: goal “Pass the PMP exam" in text and "items match the filter" in text
        rows = [view.axis.row_at(i) for i in range(view.axis.row_count)]
        items = [row.item for row in rows if row is not None and row.item is not None]
        assert items and all(item["goal_id"] == pmp.id for item in items)
        assert {item["kind"] for item in items} >= {"checkin", "milestone", "revision", "entry", "goal-start", "deadline"}
        assert view.axis.row_count < everything
        await pilot.press("escape")
        await pilot.pause()
        assert not view.filter.active and view.axis.row_count == everything


async def test_filter_by_tag_and_kind(demo: Store, screen_text) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("f", "tab", *"nosuch", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineFilterDialog)  # refused, still open
        assert any("No entry is tagged @nosuch" in str(n.message) for n in pilot.app._notifications)
        tag = pilot.app.screen.query_one("#timeline-filter-tag", Input)
        assert tag.has_focus
        tag.value = "NETWORKING"
        await pilot.press("enter")
        await pilot.pause()
        assert view.filter.tag == "networking"
        rows = [view.axis.row_at(i) for i in range(view.axis.row_count)]
        assert all(row.item["kind"] == "entry" for row in rows if row.item is not None)
        assert not any(row.kind == "span" for row in rows)
        await pilot.press("f", "ctrl+r")  # show everything
        await pilot.pause()
        assert not view.filter.active
        view.set_filter(TimelineFilter(kinds=frozenset({"win"})))
        await pilot.pause()
        rows = [view.axis.row_at(i) for i in range(view.axis.row_count)]
        assert {row.item["entry_kind"] for row in rows if row.item is not None} == {"win"}


async def test_open_an_entry_and_come_back_to_the_same_place(demo: Store) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("minus")  # quarter zoom
        await pilot.press("pagedown", "pagedown")
        while view.axis.highlighted_row.item is None or view.axis.highlighted_row.item["kind"] != "entry":
            await pilot.press("down")
        await pilot.pause()
        place = (view.axis.cursor, int(view.axis.scroll_y), view.zoom)
        entry = demo.get_entry(view.axis.highlighted_row.item["id"])
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderDialog) and reader.kind == "entry"
        assert reader.query_one(MarkdownText).source == entry.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert (view.axis.cursor, int(view.axis.scroll_y), view.zoom) == place

        # the same after another screen, and after a write from the command line meanwhile
        await pilot.press("t")
        await pilot.pause()
        demo.add_entry("Written while the timeline was away", at="2026-11-25 09:00:00")
        await pilot.press("l")
        await pilot.pause()
        assert view.axis.highlighted_row.key[1:] == ("entry", entry.id)
        assert view.zoom == "quarter"


async def test_open_a_goal_its_story_and_back(demo: Store, screen_text) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        while view.axis.highlighted_row.item is None or view.axis.highlighted_row.item["kind"] != "checkin":
            await pilot.press("down")
        place = (view.axis.cursor, int(view.axis.scroll_y))
        goal_id = view.axis.highlighted_row.goal_id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderDialog) and pilot.app.screen.kind == "goal"
        assert "Milestones (" in screen_text(pilot.app)
        await pilot.press("s")
        await pilot.pause()
        story = pilot.app.screen
        assert isinstance(story, GoalStoryScreen) and story.goal_id == goal_id
        text = screen_text(pilot.app)
        assert "goaljournal · Goal story" in text and "oldest first" in text
        story_view = story.query_one(TimelineView)
        rows = [story_view.axis.row_at(i) for i in range(story_view.axis.row_count)]
        kinds = [row.item["kind"] for row in rows if row is not None and row.item is not None]
        assert kinds[0] == "goal-start" and kinds[-1] == "deadline"  # from its first draft to its end
        assert "revision" in kinds and "checkin" in kinds and "milestone" in kinds
        first = next(row.item for row in rows if row.item is not None)
        assert first["text"] == "Pass the PMP exam by 25 Mar 2027"  # the title as first written
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert (view.axis.cursor, int(view.axis.scroll_y)) == place


async def test_story_of_a_goal_picked_from_a_list(demo: Store) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        await pilot.press("s")  # on the today line: which goal?
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GoalStoryScreen)
        assert pilot.app.screen.goal_id == demo.goals()[0].id


async def test_open_an_assessment(demo: Store, screen_text) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        assessment = demo.assessments()[-1]  # the first one
        view.set_filter(TimelineFilter(kinds=frozenset({"assessment"})))
        await pilot.press("colon", *assessment.at, "enter")
        await pilot.pause()
        assert view.axis.highlighted_row.item["id"] == assessment.id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReaderDialog) and pilot.app.screen.kind == "assessment"
        text = screen_text(pilot.app)
        assert "Presentation skills" in text and "Weaknesses (3)" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)


async def test_flip_the_order_keeps_the_item(demo: Store) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("down", "down")
        chosen = view.axis.highlighted_row.key
        await pilot.press("o")
        await pilot.pause()
        assert not view.newest_first
        assert view.axis.highlighted_row.key == chosen
        above = view.axis.row_at(view.axis.cursor - 1)
        assert above is not None and above.day <= view.axis.highlighted_row.day


async def test_hostile_text_on_the_timeline_is_literal(store: Store, screen_text) -> None:
    store.add_entry(HOSTILE, at="2026-11-24 08:00:00")
    store.add_goal(HOSTILE, start_date="2026-11-20", deadline="2026-12-20")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        text = screen_text(app)
        assert "todo [/] then [@click=app.quit]x[/]" in text
        assert "\x1b" not in text and "␛[31mred" in text
        await pilot.press("f")
        await pilot.pause()
        assert "todo [/] then" in screen_text(app)
        await pilot.press("escape")
        while view.axis.highlighted_row.item is None or view.axis.highlighted_row.item["kind"] != "entry":
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert "␛[31mred" in pilot.app.screen.query_one(MarkdownText).source
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_an_empty_journal_says_how_to_start(store: Store, screen_text) -> None:
    async with app_for(store).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        text = screen_text(pilot.app)
        assert "Nothing here yet: n sets a first goal." in text
        assert "The timeline is your journal on one time axis" in " ".join(text.split())
        assert "━━ today · Wed 25 Nov 2026" in text
        for key in ("minus", "left_square_bracket", "right_square_bracket", "full_stop", "enter", "o", "s"):
            await pilot.press(key)
        await pilot.pause()
        assert pilot.app.is_running and view.axis.row_count == 2


async def test_scrolling_a_big_journal_reads_only_what_it_shows(db_path: Path, screen_text) -> None:
    read: list[int] = []

    class CountingStore(Store):
        """The real store, counting the timeline items it reads."""

        def timeline_items(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            found = super().timeline_items(*args, **kwargs)
            read.append(len(found))
            return found

    with CountingStore.open(db_path, clock=lambda: NOW) as store:
        with store.transaction():
            for n in range(4000):
                store.add_entry(f"entry {n} @bulk", at=datetime(2020, 1, 1, 8) + (NOW - datetime(2020, 1, 1)) * n / 4000)
        async with app_for(store).run_test(size=SIZE) as pilot:
            view = await open_timeline(pilot)
            assert view.axis.row_count > 4000
            for _ in range(10):
                await pilot.press("pagedown")
            await pilot.pause()
            assert "entry 3" in screen_text(pilot.app)
            assert sum(read) <= 2 * view.axis.page_size  # two pages of 200 rows, not 4,000
            await pilot.press("colon", *"2021", "enter")
            await pilot.pause()
            assert view.axis.highlighted_row.period.first.year == 2021
            assert sum(read) <= 4 * view.axis.page_size


async def test_a_write_from_another_process_shows_up_in_place(demo: Store, db_path: Path) -> None:
    async with app_for(demo).run_test(size=SIZE) as pilot:
        view = await open_timeline(pilot)
        await pilot.press("down", "down")
        chosen = view.axis.highlighted_row.key
        with Store.open(db_path, clock=lambda: NOW) as command_line:
            command_line.add_entry("Logged from the shell @cli", at="2026-11-24 23:00:00")
        view._poll()  # what the view's two-second timer does
        await pilot.pause()
        rows = [view.axis.row_at(i) for i in view.axis.visible_rows()]
        assert any(row.item and row.item["text"] == "Logged from the shell @cli" for row in rows)
        assert view.axis.highlighted_row.key == chosen


def test_the_filter_offers_every_kind_the_store_knows() -> None:
    from goaljournal.ui.timeline.screen import KIND_LABELS

    assert list(KIND_LABELS) == list(Store.TIMELINE_KINDS)
