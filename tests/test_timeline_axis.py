"""The timeline's maths and text without Textual: the filter, the axis layout and the moves through
it (core.timeline_axis), and the rows drawn from items (ui.timeline.render)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import NOW

from goaljournal.core.cadence import summarise
from goaljournal.core.models import Goal
from goaljournal.core.periods import parse_jump, period_of
from goaljournal.core.timeline_axis import (
    KIND_LABELS,
    AxisLayout,
    TimelineFilter,
    goal_dates,
    placeable_days,
    placeable_goals,
)
from goaljournal.store import Store
from goaljournal.ui.timeline.render import ZOOM_LINE_FORMS, counts_text, header_line, item_line, span_line, story_summary, today_line, zoom_line

TODAY = NOW.date()  # Wed 25 Nov 2026


def goal(goal_id: int, start: str | None = "2026-10-01", deadline: str | None = "2026-12-31", **fields: object) -> Goal:
    fields.setdefault("title", f"Goal {goal_id}")
    return Goal(id=goal_id, uuid=f"g{goal_id}", start_date=start, deadline=deadline, **fields)  # type: ignore[arg-type]


# -- the filter -----------------------------------------------------------------------------------


def test_the_filter_says_what_it_keeps() -> None:
    everything = TimelineFilter()
    assert not everything.active and everything.describe() == "all" and everything.shows_spans
    assert everything.store_args() == {"goal_id": None, "tag": None, "kinds": None}
    narrow = TimelineFilter(goal_id=3, goal_title="x" * 40, tag="pmp", kinds=frozenset({"win", "checkin"}))
    assert narrow.active
    assert narrow.describe() == f"goal “{'x' * 31}…” · @pmp · 2 of {len(KIND_LABELS)} kinds"
    assert narrow.store_args() == {"goal_id": 3, "tag": "pmp", "kinds": ["checkin", "win"]}


@pytest.mark.parametrize(
    ("timeline_filter", "spans"),
    [
        (TimelineFilter(goal_id=1), True),
        (TimelineFilter(tag="pmp"), False),  # goals carry no tags
        (TimelineFilter(kinds=frozenset({"win"})), False),
        (TimelineFilter(kinds=frozenset({"goal", "win"})), True),
    ],
)
def test_goal_spans_show_only_where_goals_do(timeline_filter: TimelineFilter, spans: bool) -> None:
    assert timeline_filter.shows_spans is spans


def test_days_and_goals_the_axis_cannot_place_are_left_off() -> None:
    assert placeable_days([("2026-11-25", 2), ("2026-02-30", 1), ("", 4), ("2026-11-02", 1)]) == [
        (date(2026, 11, 25), 2), (date(2026, 11, 2), 1),
    ]  # fmt: skip
    fine, bad_start, bad_deadline = goal(1), goal(2, start="2026-13-01"), goal(3, deadline="someday")
    undated = goal(4, start=None, created_at="2026-11-01 10:00:00")
    assert placeable_goals([fine, bad_start, bad_deadline, undated], TimelineFilter()) == [fine, undated]
    assert placeable_goals([fine, undated], TimelineFilter(goal_id=4)) == [undated]


def test_a_goal_spans_its_start_to_its_deadline_or_today() -> None:
    assert goal_dates(goal(1), TODAY) == (date(2026, 10, 1), date(2026, 12, 31))
    assert goal_dates(goal(1, deadline=None), TODAY) == (date(2026, 10, 1), TODAY)
    assert goal_dates(goal(1, start="2027-01-10", deadline=None), TODAY) == (date(2027, 1, 10), date(2027, 1, 10))
    assert goal_dates(goal(1, start="2026-10-01", deadline="2026-09-01"), TODAY) == (date(2026, 10, 1), date(2026, 10, 1))


# -- the layout and the moves through it ------------------------------------------------------------

# Two items on 20 Nov, one on 5 Oct, one on 10 Aug; nothing in September.
DAYS = [(date(2026, 11, 20), 2), (date(2026, 10, 5), 1), (date(2026, 8, 10), 1)]


def test_rows_newest_first_leave_out_empty_periods() -> None:
    layout = AxisLayout(DAYS, [], zoom="month", today=TODAY)
    assert [p.label for p in layout.periods] == ["November 2026", "October 2026", "August 2026"]
    assert [(s.kind, s.day, s.position) for s in map(layout.slot, range(layout.row_count))] == [
        ("period", date(2026, 11, 30), 0), ("today", TODAY, 0), ("item", date(2026, 11, 20), 0), ("item", date(2026, 11, 20), 1),
        ("period", date(2026, 10, 31), 0), ("item", date(2026, 10, 5), 0),
        ("period", date(2026, 8, 31), 0), ("item", date(2026, 8, 10), 0),
    ]  # fmt: skip
    assert layout.item_count == 4 and not layout.is_empty
    assert AxisLayout([], [], zoom="month", today=TODAY).is_empty
    assert not AxisLayout([], [goal(1)], zoom="month", today=TODAY).is_empty


def test_each_goal_span_shows_once_after_the_items_of_its_first_period() -> None:
    layout = AxisLayout(DAYS, [goal(2, start="2026-11-01"), goal(1)], zoom="month", today=TODAY, newest_first=False)
    slots = [layout.slot(i) for i in range(layout.row_count)]
    assert [(s.kind, s.goal.id if s.goal else None) for s in slots] == [
        ("period", None), ("item", None),
        ("period", None), ("item", None), ("span", 1),
        ("period", None), ("item", None), ("item", None), ("today", None), ("span", 2),
    ]  # fmt: skip
    assert slots[0].day == date(2026, 8, 1)  # a header stands at its period's first day, oldest first
    # Newest first, both goals are running in November: their spans close November, and October,
    # which goal 1 overlaps too, does not repeat it.
    newest = AxisLayout(DAYS, [goal(2, start="2026-11-01"), goal(1)], zoom="week", today=TODAY)
    spans = [(newest.slot(i).period_index, newest.slot(i).goal.id) for i in range(newest.row_count) if newest.slot(i).kind == "span"]
    assert spans == [(0, 1), (0, 2)]
    assert [newest.slot(i).kind for i in range(4)] == ["period", "today", "span", "span"]


def test_a_year_is_an_overview_of_its_months() -> None:
    days = [*DAYS, (date(2026, 11, 2), 3), (date(2025, 12, 31), 5)]
    layout = AxisLayout(days, [goal(1)], zoom="year", today=TODAY)
    slots = [layout.slot(i) for i in range(layout.row_count)]
    assert [(s.kind, s.day) for s in slots] == [
        ("period", date(2026, 12, 31)), ("today", TODAY), ("month", date(2026, 11, 1)), ("month", date(2026, 10, 1)),
        ("month", date(2026, 8, 1)), ("span", date(2026, 12, 31)),
        ("period", date(2025, 12, 31)), ("month", date(2025, 12, 1)),
    ]  # fmt: skip
    assert layout.item_count == 12
    assert layout.slot_days(2) == (date(2026, 11, 1), date(2026, 11, 30))
    assert layout.jump_row(parse_jump("2026-10-15", TODAY)) == (3, "inside")  # October's summary
    assert layout.jump_row(parse_jump("September 2026", TODAY)) == (4, "earlier")  # August's
    oldest = AxisLayout(days, [], zoom="year", today=TODAY, newest_first=False)
    assert oldest.jump_row(parse_jump("2026-10-15", TODAY)) == (oldest.day_rows(date(2026, 10, 1)).start, "inside")
    assert oldest.slot(oldest.day_rows(date(2026, 10, 15)).start).kind == "month"


@pytest.mark.parametrize(
    ("typed", "row", "where"),
    [
        ("2026-11-20", 2, "inside"),  # that day's first item
        ("October 2026", 4, "inside"),  # a whole month: its header
        ("September 2026", 6, "earlier"),  # nothing then: the nearest older period
        ("2026-11-22", 2, "earlier"),  # a quiet day: the next older item
        ("2020", 7, "later"),  # before the journal began: its last row, which is later than 2020
    ],
)
def test_a_jump_lands_on_the_row_that_shows_the_date(typed: str, row: int, where: str) -> None:
    layout = AxisLayout(DAYS, [], zoom="month", today=TODAY)
    assert layout.jump_row(parse_jump(typed, TODAY)) == (row, where)


def test_a_jump_oldest_first_goes_to_the_oldest_end_of_the_target() -> None:
    layout = AxisLayout(DAYS, [], zoom="month", today=TODAY, newest_first=False)
    assert layout.jump_row(parse_jump("November 2026", TODAY)) == (4, "inside")  # its header
    assert layout.jump_row(parse_jump("2026-11-21", TODAY)) == (7, "later")  # the next later row: today
    assert layout.jump_row(parse_jump("2027", TODAY)) == (7, "earlier")  # past the newest row: the newest


@pytest.mark.parametrize(
    ("cursor", "older", "row"),
    [
        (3, True, 4),  # inside November, older: October's header
        (4, True, 6),  # on October's header, older: August's
        (5, False, 4),  # inside October, newer: its own header first
        (4, False, 0),  # on its header, newer: November's
        (0, False, None),  # the newest period already
        (7, True, None),  # the oldest
    ],
)
def test_period_steps(cursor: int, older: bool, row: int | None) -> None:
    layout = AxisLayout(DAYS, [], zoom="month", today=TODAY)
    assert layout.period_step(cursor, older=older) == row


def test_today_shows_under_its_header_when_both_fit() -> None:
    assert AxisLayout(DAYS, [], zoom="month", today=TODAY).today_place(20) == (1, 1)
    crowded = AxisLayout([*DAYS, (date(2026, 11, 28), 8)], [goal(n) for n in range(1, 9)], zoom="month", today=TODAY)
    assert crowded.today_row() == 9  # under November's header and the eight items still ahead
    assert crowded.today_place(12) == (9, 4)  # too far below the header: a third down the screen
    assert crowded.today_place(15) == (9, 9)


# -- drawing the rows -------------------------------------------------------------------------------

ITEM = {"id": 1, "goal_id": None, "value": None, "target": None, "unit": None, "starred": 0, "due": None, "done": 0,
        "note": None, "status": None, "entry_kind": None, "title": None, "text": None}  # fmt: skip
ITEMS = [
    {**ITEM, "kind": "entry", "day": "2026-11-24", "entry_kind": "win", "text": "Shipped [bold]it[/] " * 20, "starred": 1},
    {**ITEM, "kind": "checkin", "day": "2026-11-24", "title": "Read " * 30, "value": 3.0, "target": 12.0, "unit": "books",
     "note": "a note " * 20},
    {**ITEM, "kind": "milestone", "day": "2026-11-20", "text": "Rehearse " * 10, "title": "Give talks", "status": "active"},
    {**ITEM, "kind": "deadline", "day": "2026-12-31", "title": "Give talks " * 10, "status": "active", "value": 1.0, "target": 3.0},
    {**ITEM, "kind": "goal-start", "day": "2026-10-01", "text": "Give three talks", "status": "active", "target": 3.0},
    {**ITEM, "kind": "revision", "day": "2026-11-19", "title": "Give four talks",
     "text": '{"deadline": ["2026-12-31", "2027-01-31"], "target": [3.0, 4.0]}', "note": "going well"},
    {**ITEM, "kind": "assessment", "day": "2026-09-01", "text": "Strong on data", "value": 12, "target": 5, "done": 1},
    {**ITEM, "kind": "conversation", "day": "2026-11-23", "entry_kind": "coffee", "title": "Priya " * 10, "text": "notes " * 30,
     "status": "mentor"},
    {**ITEM, "kind": "follow-up", "day": "2026-11-20", "text": "Send the outline", "title": "Priya"},
    {**ITEM, "kind": "from-a-newer-store", "day": "2026-11-20", "text": "something new"},
]  # fmt: skip


@pytest.mark.parametrize("width", [40, 78, 130])
@pytest.mark.parametrize("item", ITEMS, ids=[item["kind"] for item in ITEMS])
def test_every_item_fits_its_line(item: dict[str, object], width: int) -> None:
    line = item_line(item, TODAY, "month", width)
    assert line.cell_length <= width
    assert "\n" not in line.plain


def test_item_lines_say_their_state() -> None:
    entry, checkin, milestone, deadline, _, revision, _, _, follow_up, unknown = (item_line(i, TODAY, "month", 200).plain for i in ITEMS)
    assert "win · Shipped [bold]it[/]" in entry and entry.rstrip().endswith("starred")
    assert "3 / 12 books" in checkin
    assert milestone.rstrip().endswith("5 days overdue")
    assert deadline.rstrip().endswith("in 36 days") and "reached 1 / 3" in deadline
    assert "revised · Give four talks: deadline 31 Dec 2026 → 31 Jan 2027; target 3 → 4  because going well" in revision
    assert follow_up.rstrip().endswith("5 days overdue")
    assert "something new" in unknown
    story = item_line(ITEMS[1], TODAY, "month", 200, one_goal=True).plain
    assert "Read" not in story and "3 / 12 books" in story  # a goal's story leaves its title out


@pytest.mark.parametrize("width", [40, 80, 130, 200])
def test_the_axis_lines_fit(width: int) -> None:
    line = today_line(TODAY, width)
    assert line.plain.startswith(" ━━ today · Wed 25 Nov 2026 ━") and line.cell_length == width - 1
    counts = {"goals_active": 3, "milestones_due": 4, "milestones_done": 2, "checkin_days": 18, "entries": 21,
              "conversations": 4, "follow_ups_due": 2, "follow_ups_done": 1}  # fmt: skip
    header = header_line(period_of(TODAY, "month"), counts, width)
    assert header.plain.startswith(" ── November 2026 ") and header.cell_length <= width
    if width == 130:
        assert "3 goals active · milestones 2/4 done · 18 check-in days · 21 entries · 4 conversations" in header.plain
    span = span_line(goal(1, title="Learn " * 30, target=10.0, baseline=0.0), 4.0, None, TODAY, width)
    assert span.cell_length <= width and span.plain.rstrip().endswith("draft")
    assert "40%" in span_line(goal(1, target=10.0, baseline=0.0), 4.0, None, TODAY, width).plain


@pytest.mark.parametrize(
    ("width", "title", "dates"),
    [(80, 30, "→ Dec 2026 · draft"), (120, 70, "→ Dec 2026 · draft"), (200, 90, "Oct 2026 → Dec 2026 · draft")],
)
def test_a_goal_span_gives_its_title_the_room_the_line_has(width: int, title: int, dates: str) -> None:
    """The title takes what the progress and the dates leave (up to 90 columns); the dates shorten
    on a narrower line. At 80 columns a title used to get 11 of them."""
    span = span_line(goal(1, title="Learn " * 30, target=10.0, baseline=0.0), 4.0, None, TODAY, width).plain
    assert span.index("…") - len("   ▌ ") + 1 == title and span.rstrip().endswith(dates)
    assert len(span) <= width


def test_the_strip_above_the_axis_has_short_forms_for_80_columns() -> None:
    one_goal = TimelineFilter(goal_id=1, goal_title="Give talks")
    full, bare, no_keys, one_zoom = (zoom_line("month", True, one_goal, form=form).plain for form in ZOOM_LINE_FORMS)
    assert "-/+ zoom  [/] period  . today  : jump" in full and len(full) > 78
    assert "[month]" in bare and "-/+ [/] . :" in bare and "newest first" in bare
    assert len(zoom_line("month", True, TimelineFilter(), form="bare keys")) <= 78  # 80 columns less the strip's padding
    assert no_keys == "week [month] quarter year  o newest first  f filter: goal “Give talks”  esc clears it"
    assert one_zoom == "[month]  o newest first  f filter: goal “Give talks”  esc clears it"
    assert "filter" not in zoom_line("month", False, None).plain  # a goal's story keeps its goal


def test_the_numbers_leave_out_what_the_width_has_no_room_for() -> None:
    counts = {"goals_active": 1, "milestones_due": 4, "milestones_done": 2, "checkin_days": 18, "entries": 21,
              "conversations": 4, "follow_ups_due": 2, "follow_ups_done": 1}  # fmt: skip
    assert counts_text(counts).endswith("21 entries · 4 conversations · follow-ups 1/2 done")
    assert counts_text(counts, 40) == "1 goal active · milestones 2/4 done"
    assert counts_text(counts, 5) == "1 goal active"  # never nothing


def test_a_cadence_goals_span_counts_periods_met() -> None:
    weekly = goal(1, cadence="week", target=2.0)
    periods = summarise("week", 2.0, [("2026-11-02", 2.0), ("2026-11-10", 1.0)], TODAY, start="2026-10-01", since=date(2026, 11, 2))
    assert "1 of 3 weeks met" in span_line(weekly, None, periods, TODAY, 130).plain


def test_a_goals_story_summary(store: Store) -> None:
    talks = store.add_goal("Give three talks", target=3, baseline=0, unit="talks", start_date="2026-10-01", deadline="2026-12-31")
    store.add_milestone(talks, "Book the room", due="2026-11-05")
    store.add_checkin(talks, 1, at="2026-10-20")
    store.update_goal(talks, title="Give four [b]talks[/b]", target=4, reason="going well", at="2026-11-19 18:00:00")
    text = story_summary(store, store.get_goal(talks), TODAY).plain.splitlines()
    assert text[0] == "Give four [b]talks[/b]"
    assert text[1] == "active · no category · short horizon · 1 Oct 2026 → 31 Dec 2026"
    assert "25%  1 / 4 talks" in text[2]
    assert text[3] == "1 revision · milestones 0/1 done · 1 check-in days · 0 linked entries"
