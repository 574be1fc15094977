"""The timeline laid out for its screen: no sideways scroll, dialogs whose words stay inside their
border, previews as plain text, jumps that say truly where they went, readable colours, and an
empty timeline that says what it is for."""

from __future__ import annotations

from datetime import date

from conftest import NOW
from textual.content import Content
from textual.widgets import Label

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.timeline.dialogs import TimelineFilterDialog, goal_options
from goaljournal.ui.timeline.render import MARKS, assemble, item_line, item_parts, plain_preview, zoom_line
from goaljournal.ui.timeline.screen import TimelineScreen
from goaljournal.ui.timeline.view import TimelineList

TODAY = NOW.date()
LONG_TITLE = "Present the people analytics findings to the leadership team four times by January"


def busy(store: Store) -> Store:
    goal = store.add_goal(LONG_TITLE, target=4, baseline=0, start_date="2026-10-01", deadline="2027-01-31")
    store.add_milestone(goal, "Book the boardroom for the second readout", due="2026-11-28")
    store.add_checkin(goal, 1, at="2026-11-20")
    store.add_entry("# Coffee with Dana\n\nShe wants **clear numbers** and a [one-pager](https://example.com).", at="2026-11-24 08:00:00")
    for n in range(46):  # more rows than the screen has lines: the list has a vertical scrollbar
        store.add_entry(f"Note {n} of November", at=f"2026-11-{n // 2 + 1:02d} 08:00:00")
    return store


async def test_the_axis_never_scrolls_sideways(store: Store) -> None:
    for size in ((80, 24), (120, 40)):
        async with GoalJournalApp(busy(store) if size == (80, 24) else store, today=TODAY).run_test(size=size) as pilot:
            await pilot.press("l")
            await pilot.pause()
            axis = pilot.app.screen.query_one(TimelineList)
            assert axis.show_vertical_scrollbar and not axis.show_horizontal_scrollbar, size


async def test_the_filter_dialogs_hint_is_inside_its_border(store: Store) -> None:
    async with GoalJournalApp(busy(store), today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "f")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, TimelineFilterDialog)
        frame = dialog.query_one("#timeline-filter-dialog")
        hint = dialog.query_one(".timeline-dialog-hint", Label)
        assert frame.region.contains_region(hint.region) and hint.region.height == 2  # its rule and its line


def test_a_goal_in_the_pickers_takes_one_line_at_80_columns(store: Store) -> None:
    goal = store.get_goal(store.add_goal(LONG_TITLE + " and beyond", status="abandoned"))
    (option,) = goal_options([goal], 80)
    # The dialog at 80 columns: 76 wide, 62 for the option's text (border, padding, the list's frame, scrollbars).
    prompt = option.prompt
    assert isinstance(prompt, Content) and prompt.cell_length <= 62 and prompt.plain.endswith("…  abandoned")


def test_previews_show_markdown_as_the_text_it_reads_as() -> None:
    assert plain_preview("# Coffee with Dana\n\nShe wants **clear numbers** and a [one-pager](https://x.org).") == (
        "Coffee with Dana: She wants clear numbers and a one-pager."
    )
    assert plain_preview("- one *thing*\n- `two`\n> quoted\n```\ncode\n```\n---\n1. first") == "one thing two quoted code first"
    # What is not Markdown stays as written: snake_case, square brackets, a lone star.
    assert plain_preview("fix my_var_name [b]bold[/b] 5 * 3") == "fix my_var_name [b]bold[/b] 5 * 3"
    entry = {"id": 1, "kind": "entry", "day": "2026-11-24", "entry_kind": "reflection", "starred": 0,
             "text": "# Coffee with Dana\n**clear numbers**"}  # fmt: skip
    line = item_line(entry, TODAY, "month", 80).plain
    assert "Coffee with Dana: clear numbers" in line and "#" not in line and "**" not in line


def test_no_piece_of_a_line_starts_with_a_space() -> None:
    """A run of text that starts with spaces is drawn without them by rsvg-convert, which draws the
    screenshots: "○Sun 29", "2026" against "7 goals". The spaces go at the end of the run before."""
    follow_up = {"id": 1, "kind": "follow-up", "day": "2026-11-28", "text": "Send the outline", "title": "Priya Raman",
                 "done": 0, "note": None}  # fmt: skip
    lines = [
        item_line(follow_up, TODAY, "month", 80),
        assemble(("On screen ", "bold"), ("1–30 Nov 2026", "bold"), "  ", "8 goals active"),
        zoom_line("month", True, None),
    ]
    reflection = {"id": 1, "kind": "entry", "day": "2026-11-24", "entry_kind": "reflection", "starred": 0, "text": "A day"}
    indented = item_line(reflection, TODAY, "month", 80)
    assert indented.plain.startswith("   ✎ Tue 24  A day")
    for line in [*lines, indented]:
        runs = [segment.text for segment in line.render_segments()]
        # The line's own indent is a run of spaces alone, drawn as nothing: what follows keeps its place.
        assert not [run for run in runs[1:] if run.startswith(" ") and run.strip()], line.plain
        assert not runs[0].startswith(" ") or not runs[0].strip(), line.plain
    assert "(Priya Raman)" in lines[0].plain and "1–30 Nov 2026  8 goals active" in lines[1].plain


def test_states_and_marks_are_drawn_in_text_colours() -> None:
    """$primary and $secondary are colours for backgrounds: "due in 3 days" in $secondary was dark
    blue on near-black. Text uses the theme's text colours, made to be read on its background."""
    milestone = {"id": 1, "kind": "milestone", "day": "2026-11-28", "due": "2026-11-28", "done": 0, "status": "active",
                 "text": "Rehearse", "title": "Talks"}  # fmt: skip
    _, right = item_parts(milestone, TODAY, "month")
    assert right.plain == "due in 3 days" and [str(span.style) for span in right.spans] == ["$text-secondary"]
    styles = {style for _, style in MARKS.values()}
    assert not {style for style in styles if style.split()[-1] in ("$primary", "$secondary", "$accent", "$warning", "$error", "$success")}


async def test_a_jump_past_the_oldest_row_says_it_shows_a_later_one(store: Store) -> None:
    store.add_entry("The first thing written", at="2026-11-10 08:00:00")
    async with GoalJournalApp(store, today=TODAY).run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "colon", *"last", "space", *"month", "enter")
        await pilot.pause()
        told = [str(note.message) for note in pilot.app._notifications]
        assert told == ["Nothing on the timeline in October 2026; the nearest later is Tue 10 Nov 2026."]
        assert pilot.app.screen.query_one(TimelineList).highlighted_row.day == date(2026, 11, 10)


async def test_an_empty_timeline_says_what_it_is_for_and_n_sets_a_first_goal(store: Store, screen_text) -> None:
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "The timeline is your journal on one time axis" in text and "Press n to set a first goal" in text
        await pilot.press("n")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "GoalDraftScreen"
    store.add_entry("Something", at="2026-11-24 08:00:00")
    async with GoalJournalApp(store, today=TODAY).run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TimelineScreen)
        assert "one time axis" not in screen_text(pilot.app)  # once there is something, the axis has the room


def test_year_rows_count_a_month(store: Store) -> None:
    """A year's month summary reads its numbers from the store (through the source)."""
    from goaljournal.core.timeline_axis import AxisLayout
    from goaljournal.ui.timeline.source import TimelineSource

    busy(store)
    counts = [(date.fromisoformat(day), n) for day, n in store.timeline_day_counts()]
    layout = AxisLayout(counts, store.goals(), zoom="year", today=TODAY)
    source = TimelineSource(store, layout)
    rows = source.fetch(0, layout.row_count)
    november = next(row for row in rows if row.kind == "month" and row.day == date(2026, 11, 1))
    line = source.render_row(november, 100).plain
    assert line.startswith("   ▸ Nov 2026  47 entries · 1 check-in day · milestones 0/1 done · 1 goal active")


def test_a_span_drawn_once_shows_where_the_goal_got_to(store: Store) -> None:
    """Oldest first (a goal's story) the span sits in the goal's first period: it shows today's
    progress, not the progress at that period's end (0% for most goals)."""
    from goaljournal.core.timeline_axis import AxisLayout, TimelineFilter
    from goaljournal.ui.timeline.source import TimelineSource

    goal = store.add_goal("Give four talks", target=4, baseline=0, start_date="2026-10-01", deadline="2026-12-31")
    store.add_checkin(goal, 1, at="2026-10-20")
    store.add_checkin(goal, 3, at="2026-11-18")
    only = TimelineFilter(goal_id=goal)
    counts = [(date.fromisoformat(day), n) for day, n in store.timeline_day_counts(goal_id=goal)]
    layout = AxisLayout(counts, store.goals(), zoom="month", today=TODAY, newest_first=False)
    source = TimelineSource(store, layout, only)
    (span,) = [row for row in source.fetch(0, layout.row_count) if row.kind == "span"]
    assert span.period.label == "October 2026" and "75%" in source.render_row(span, 120).plain
