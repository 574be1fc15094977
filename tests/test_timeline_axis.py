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


def test_rows_oldest_first_with_goal_spans_under_each_header() -> None:
    layout = AxisLayout(DAYS, [goal(2, start="2026-11-01"), goal(1)], zoom="month", today=TODAY, newest_first=False)
    slots = [layout.slot(i) for i in range(layout.row_count)]
    assert [(s.kind, s.goal.id if s.goal else None) for s in slots] == [
        ("period", None), ("item", None),
        ("period", None), ("span", 1), ("item", None),
        ("period", None), ("span", 1), ("span", 2), ("item", None), ("item", None), ("today", None),
    ]  # fmt: skip
    assert slots[0].day == date(2026, 8, 1)  # a header stands at its period's first day, oldest first


@pytest.mark.parametrize(
    ("typed", "row", "inside"),
    [
        ("2026-11-20", 2, True),  # that day's first item
        ("October 2026", 4, True),  # a whole month: its header
        ("September 2026", 6, False),  # nothing then: the nearest older period
        ("2026-11-22", 2, False),  # a quiet day: the next older item
        ("2020", 7, False),  # before the journal began: its last row
    ],
)
def test_a_jump_lands_on_the_row_that_shows_the_date(typed: str, row: int, inside: bool) -> None:
    layout = AxisLayout(DAYS, [], zoom="month", today=TODAY)
    assert layout.jump_row(parse_jump(typed, TODAY)) == (row, inside)


def test_a_jump_oldest_first_goes_to_the_oldest_end_of_the_target() -> None:
    layout = AxisLayout(DAYS, [], zoom="month", today=TODAY, newest_first=False)
    assert layout.jump_row(parse_jump("November 2026", TODAY)) == (4, True)  # its header
    assert layout.jump_row(parse_jump("2026-11-21", TODAY)) == (7, False)  # the next later row: today


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
    crowded = AxisLayout(DAYS, [goal(n) for n in range(1, 9)], zoom="month", today=TODAY)
    assert crowded.today_row() == 9  # under November's header and its eight goal spans
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


@pytest.mark.parametrize("width", [40, 80, 130])
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
    assert span.cell_length <= width and "Oct 2026 → Dec 2026 · draft" in span.plain
    assert "40%" in span_line(goal(1, target=10.0, baseline=0.0), 4.0, None, TODAY, 130).plain


def test_the_strip_above_the_axis_has_short_forms_for_80_columns() -> None:
    one_goal = TimelineFilter(goal_id=1, goal_title="Give talks")
    full, bare, no_keys, one_zoom = (zoom_line("month", True, one_goal, form=form).plain for form in ZOOM_LINE_FORMS)
    assert "-/+ zoom  [/] period  . today  : jump" in full and len(full) > 78
    assert "[month]" in bare and "-/+ [/] . :" in bare and "newest first" in bare
    assert len(zoom_line("month", True, TimelineFilter(), form="bare keys")) <= 78  # 80 columns less the strip's padding
    assert no_keys == " week [month] quarter  year  o newest first  f filter: goal “Give talks”  esc clears it"
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
