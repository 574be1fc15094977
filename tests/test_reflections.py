"""The reflections screen by keys (search, filters, editor, delete, undo, trash) and the
command line's log and search options, on a real journal file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, TextArea

from conftest import NOW

from goaljournal.cli import main
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.reflections.screen import ReflectionsScreen
from goaljournal.ui.shared.widgets.entry_editor import EntryEditor
from goaljournal.ui.shared.widgets.entry_reader import MATCH_STYLE, MarkdownText, highlighted_line, markdown_source
from goaljournal.ui.reflections.filters import known_tag
from goaljournal.ui.shared.widgets.tags import tag_completion
from goaljournal.ui.shared.widgets.virtual_list import VirtualList

TODAY = date(2026, 11, 25)
SIZE = (120, 36)


@pytest.fixture
def journal(store: Store) -> dict[str, int]:
    """A goal and six entries of every kind, two of them about a mentor, one starred."""
    goal = store.add_goal("Earn the PMP certification", target=50, unit="hours", deadline="2027-05-25")
    ids = {"goal": goal}
    for name, text, at, kind, starred, goals in [
        ("coffee", "Coffee with my mentor about the PMP @mentoring @networking", "2026-11-20 09:00:00", "reflection", False, [goal]),
        ("review", "Quarterly review went well @career", "2026-11-21 09:00:00", "win", True, []),
        ("lesson", "Estimates need a buffer. Mentors said so twice. @planning", "2026-10-02 17:00:00", "lesson", False, []),
        ("feedback", "Priya: slow down when presenting @presenting", "2026-11-22 12:00:00", "feedback", False, []),
        ("note", "Renew the SHRM membership", "2026-11-23 08:00:00", "note", False, []),
        ("study", "Studied risk management @pmp", "2026-11-24 07:00:00", "reflection", False, [goal]),
    ]:
        ids[name] = store.add_entry(text, at=at, kind=kind, starred=starred, goal_ids=goals)
    return ids


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


async def open_reflections(app: GoalJournalApp, pilot) -> VirtualList:  # type: ignore[no-untyped-def]
    await pilot.press("r")
    await pilot.pause()
    assert isinstance(app.screen, ReflectionsScreen)
    return app.screen.query_one("#entries", VirtualList)


def shown_ids(entries: VirtualList) -> list[int]:
    return [entries.row_at(i).id for i in range(entries.row_count)]


# -- search ---------------------------------------------------------------------------------


async def test_search_finds_stemmed_words_and_highlights_them(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        assert entries.row_count == 6
        await pilot.press("slash", *"mentor", "enter")
        await pilot.pause()
        assert shown_ids(entries) == [journal["coffee"], journal["lesson"]]  # "Mentors" too, newest first
        assert app.focused is entries
        text = screen_text(app)
        assert "2 matches" in text
        assert "Coffee with my mentor about the PMP" in text
        # The row and the reader show the match styled, on the user's own characters.
        row = entries.source.render_row(entries.row_at(1), 70)
        marked = [row.plain[span.start : span.end] for span in row.spans if span.style == MATCH_STYLE]
        assert marked == ["Mentors"]
        reader_matches = app.screen.query_one("#reader-matches")
        assert "mentor" in str(reader_matches.render()) and reader_matches.display

        await pilot.press("slash", "ctrl+u", *"ris* manag", "enter")
        await pilot.pause()
        assert shown_ids(entries) == [journal["study"]]
        await pilot.press("slash", "ctrl+u", *'"a AND', "enter")  # search syntax is taken literally
        await pilot.pause()
        assert entries.row_count == 0 and "No entries match" in screen_text(app)
        await pilot.press("escape")  # the list: clears the search
        await pilot.pause()
        assert entries.row_count == 6 and "6 entries" in screen_text(app)


def test_highlighted_line_keeps_the_users_characters() -> None:
    text = "a [b]bold[/b] line\nabout my Mentors and \x1b[31mred\x1b[0m " + "x" * 100
    start = text.index("Mentors")
    line = highlighted_line(text, [(start, start + 7)], 40)
    assert line.cell_length <= 40
    assert line.plain.startswith("… about my Mentors and ␛[31mred")  # the newline became a space
    assert [line.plain[s.start : s.end] for s in line.spans if s.style == MATCH_STYLE] == ["Mentors"]
    late = highlighted_line("x " * 200 + "match here", [(400, 405)], 30)
    assert late.plain.startswith("…") and "match" in late.plain and late.cell_length <= 30
    assert "\x1b" not in highlighted_line("\x1b[2Jboom", [(4, 8)], 20).plain


# -- filters --------------------------------------------------------------------------------


async def test_tag_filter_with_completion_then_escape_clears_it(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("f", "tab", *"@net")  # the kind filter, then the tag field
        await pilot.pause()
        await pilot.press("right", "enter")  # @net → @networking
        await pilot.pause()
        assert app.screen.query_one("#filter-tag", Input).value == "@networking"
        assert shown_ids(entries) == [journal["coffee"]]
        assert "1 match" in screen_text(app)
        await pilot.press("escape", "escape")  # back to the list, then clear the filters
        await pilot.pause()
        assert entries.row_count == 6
        assert app.screen.query_one("#filter-tag", Input).value == ""


async def test_a_tag_filter_typed_without_its_at_finds_the_tag_it_starts(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("f", "tab", *"pres")  # no `@`, and only the start of the tag
        await pilot.pause()
        filter_line = next(line for line in screen_text(app).splitlines() if "any kind" in line)
        assert "presenting" in filter_line  # the rest of it offered, greyed
        await pilot.press("enter")
        await pilot.pause()
        assert shown_ids(entries) == [journal["feedback"]]
        assert app.screen.query_one("#filter-tag", Input).value == "@presenting"
        app.screen.query_one("#filter-tag", Input).value = "career"  # a whole tag, still without its `@`
        await pilot.press("enter")
        await pilot.pause()
        assert shown_ids(entries) == [journal["review"]]


def test_the_tag_filter_reads_a_bare_word_or_a_tags_start() -> None:
    tags = ["reporting", "reports", "hr"]  # most used first
    assert known_tag("rep", tags) == "reporting"
    assert known_tag("@reports", tags) == "reports"
    assert known_tag("HR", tags) == "HR"  # a tag named so, whatever its case
    assert known_tag("nothing", tags) == "nothing"  # no tag starts so: nothing will match
    assert known_tag(" @ ", tags) == ""


async def test_kind_star_goal_and_date_filters_combine(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("f", "enter")  # open the kind list
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # any kind → reflection → win
        await pilot.pause()
        assert app.screen.query_one("#filter-kind", Select).value == "win"
        assert shown_ids(entries) == [journal["review"]]

        await pilot.press("enter", "up", "up", "enter")  # back to any kind
        await pilot.pause()
        await pilot.press("tab", "tab", "space")  # starred only
        await pilot.pause()
        assert app.screen.query_one("#filter-starred", Checkbox).value
        assert shown_ids(entries) == [journal["review"]]
        await pilot.press("space", "tab", "enter", "down", "enter")  # not starred; the goal
        await pilot.pause()
        assert shown_ids(entries) == [journal["study"], journal["coffee"]]
        await pilot.press("tab", *"2026-11-21", "enter")  # from
        await pilot.pause()
        assert shown_ids(entries) == [journal["study"]]
        await pilot.press("tab", *"yesterday", "enter")  # to: a phrase shows as its day
        await pilot.pause()
        assert app.screen.query_one("#filter-to", Input).value == "2026-11-24"
        assert shown_ids(entries) == [journal["study"]]
        await pilot.press("ctrl+u", *"soon", "enter")  # not a date: said, and ignored
        await pilot.pause()
        assert any("not a date" in str(n.message) for n in app._notifications)
        assert "1 match" in screen_text(app)


# -- editor ---------------------------------------------------------------------------------


async def test_new_entry_with_tag_completion_kind_star_and_goal(store: Store, journal: dict[str, int]) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        await pilot.press(*"Passed! ", "enter", *"Thanks @ment")
        await pilot.pause()
        await pilot.press("tab")  # completes @mentoring instead of leaving the editor
        await pilot.press(*" done")
        await pilot.press("tab", "enter", "down", "enter")  # kind: win
        await pilot.press("tab", "space")  # starred
        await pilot.press("tab", "space")  # link the goal
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        assert entries.row_count == 7 and entries.cursor == 0
    newest = store.entries(limit=1)[0]
    assert newest.text == "Passed! \nThanks @mentoring done"
    assert (newest.kind, newest.starred, newest.goal_ids, newest.tags) == ("win", 1, [journal["goal"]], ["mentoring"])


async def test_edit_changes_text_tags_kind_and_links(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("end")  # the oldest: the lesson
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        assert editor.text == "Estimates need a buffer. Mentors said so twice. @planning"
        assert app.screen.query_one("#editor-kind", Select).value == "lesson"
        await pilot.press(*" @estimates", "tab", "tab", "tab", "space", "ctrl+s")  # and link the goal
        await pilot.pause()
        assert entries.highlighted_row.id == journal["lesson"]
        assert "@estimates" in screen_text(app)
    edited = store.get_entry(journal["lesson"])
    assert edited.text == "Estimates need a buffer. Mentors said so twice. @planning @estimates"
    assert (edited.tags, edited.goal_ids, edited.kind) == (["estimates", "planning"], [journal["goal"]], "lesson")
    assert [e.id for e in store.search("estimates")] == [journal["lesson"]]


async def test_escape_in_the_editor_asks_before_discarding(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_reflections(app, pilot)
        await pilot.press("e", *" more words", "escape")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)  # still there: a second escape is needed
        assert "press escape again to discard" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        await pilot.press("e", "escape")  # nothing changed: one escape is enough
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        await pilot.press("n", "ctrl+s")  # an empty entry is not saved
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
    assert store.get_entry(journal["study"]).text == "Studied risk management @pmp"
    assert store.count_entries() == 6


async def test_star_and_reader(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert store.get_entry(journal["study"]).starred == 1
        text = screen_text(app)
        assert "★ starred" in text and "Earn the PMP certification" in text  # the linked goal
        assert app.screen.query_one("#reader-text", MarkdownText).source == "Studied risk management @pmp"
        await pilot.press("enter")  # read: focus moves to the reader, escape comes back
        assert app.focused is app.screen.query_one("#reader")
        await pilot.press("escape")
        assert app.focused is entries


# -- delete, undo, trash --------------------------------------------------------------------


async def test_delete_then_undo_by_keys(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("down", "d")  # the note of 23 Nov
        await pilot.pause()
        assert store.get_entry(journal["note"]).deleted_at is not None
        assert entries.row_count == 5 and journal["note"] not in shown_ids(entries)
        assert any("u brings it back" in str(n.message) for n in app._notifications)
        assert "5 entries" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert store.get_entry(journal["note"]).deleted_at is None
        assert entries.row_count == 6 and journal["note"] in shown_ids(entries)
        await pilot.press("u")  # nothing more to undo
        await pilot.pause()
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)
    assert store.count_entries() == 6 and store.count_entries(trashed=True) == 0


async def test_restore_from_the_trash_by_keys(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("d")  # the study note (newest)
        await pilot.press("end", "d")  # the lesson (oldest)
        await pilot.pause()
        assert store.count_entries(trashed=True) == 2
        await pilot.press("T")
        await pilot.pause()
        # The last deleted first (to the second: both went in the same second here).
        assert sorted(shown_ids(entries)) == sorted([journal["lesson"], journal["study"]])
        text = screen_text(app)
        assert "trash · 2 entries" in text and "in the trash since" in text
        await pilot.press("e")  # a trashed entry cannot be edited before it is restored
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen)
        if entries.highlighted_row.id != journal["study"]:
            await pilot.press("down")
        await pilot.press("u")  # restore the study note
        await pilot.pause()
        assert store.get_entry(journal["study"]).deleted_at is None
        assert shown_ids(entries) == [journal["lesson"]]
        await pilot.press("escape")  # leave the trash
        await pilot.pause()
        assert entries.row_count == 5 and "5 entries" in screen_text(app)
        await pilot.press("T", "u", "T")  # the trash's last entry comes back too
        await pilot.pause()
        assert entries.row_count == 6
    assert store.count_entries(trashed=True) == 0
    assert store.get_entry(journal["lesson"]).text.startswith("Estimates")


async def test_the_trash_is_still_shown_after_leaving_the_screen_and_the_log_keeps_its_row(store: Store, journal: dict[str, int], screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("d", "down", "down")  # the study note to the trash; the third row highlighted
        await pilot.pause()
        log_row = entries.highlighted_row.id
        await pilot.press("T")
        await pilot.pause()
        assert shown_ids(entries) == [journal["study"]]
        await pilot.press("t")  # Today, and back
        await pilot.pause()
        assert not isinstance(app.screen, ReflectionsScreen)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#entries", VirtualList) is entries
        assert shown_ids(entries) == [journal["study"]] and "trash · 1 entry" in screen_text(app)
        await pilot.press("T")  # back to the log, on the row it had
        await pilot.pause()
        assert entries.row_count == 5 and entries.highlighted_row.id == log_row


async def test_at_80_columns_the_list_has_the_width_and_enter_reads_in_its_place(store: Store, journal: dict[str, int], screen_text) -> None:
    store.add_entry("# Coffee with Dana\n\nShe said **clear numbers** win the room. @a-rather-long-tag @another-long-one @third",
                    at="2026-11-25 08:00:00")  # fmt: skip
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        entries = await open_reflections(app, pilot)
        reader = app.screen.query_one("#reader")
        assert entries.region.width == 80 and not reader.display
        assert not entries.show_horizontal_scrollbar
        first = next(line for line in screen_text(app).splitlines() if "2026-11-25" in line)
        assert "Coffee with Dana She said clear" in first  # plain text, not Markdown
        assert "#" not in first and "**" not in first
        assert "@a-rather-long-tag" in first and first.rstrip(" │").endswith("…")  # the tags cut, and said so
        await pilot.press("enter")
        await pilot.pause()
        assert reader.display and not entries.display and app.focused is reader
        assert reader.region.width == 80 and "clear numbers" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert entries.display and not reader.display and app.focused is entries


async def test_an_empty_log_says_what_it_is_for_and_n_writes_the_first_entry(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "Reflections is your log" in text and "press n to write the first one" in text
        assert not app.screen.query_one("#reflections-main").display
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        app.screen.query_one(TextArea).insert("First entry @start")
        await pilot.press("ctrl+s")
        await pilot.pause()
        entries = app.screen.query_one("#entries", VirtualList)
        assert entries.display and entries.row_count == 1 and app.focused is entries
        assert "Reflections is your log" not in screen_text(app)


async def test_an_empty_lists_line_has_the_lists_background_to_its_end(store: Store, journal: dict[str, int]) -> None:
    """Regression: after "The trash is empty." the line was padded without a style, drawn in the
    terminal's own background (a black bar on a light theme)."""
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        entries = await open_reflections(app, pilot)
        await pilot.press("T")
        await pilot.pause()
        assert entries.row_count == 0
        line = list(entries.render_line(0))
        assert "The trash is empty." in "".join(segment.text for segment in line)
        background = entries.get_visual_style().rich_style.bgcolor
        assert line[-1].style is not None and line[-1].style.bgcolor == background


async def test_the_list_reads_only_the_pages_it_shows(store: Store, screen_text) -> None:
    with store.transaction():
        for n in range(1200):
            store.add_entry(f"Entry number {n} @bulk", at=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d} 08:{n % 60:02d}:00")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        assert entries.row_count == 1200
        assert len(entries._pages) == 1
        for _ in range(10):
            await pilot.press("pagedown")
        await pilot.press("end")
        await pilot.pause()
        assert entries.cursor == 1199 and "1,200 entries" in screen_text(app)
        assert len(entries._pages) <= 3  # the first pages, and the last: never all six
        assert entries.highlighted_row.text == store.entries(offset=1199, limit=1)[0].text


# -- pieces ---------------------------------------------------------------------------------


def test_tag_completion_rules() -> None:
    tags = ["networking", "mentoring", "net-zero", "Naïve"]
    assert tag_completion("Met @net", tags) == "working"
    assert tag_completion("Met @NET", tags) == "working"  # any case; the tag's own case is added
    assert tag_completion("Met @n", tags) == "etworking"  # the most used first
    assert tag_completion("Met @networking", tags) == ""  # complete already
    assert tag_completion("mail me@net", tags) == ""  # not a tag: inside a word
    assert tag_completion("Met @net ", tags) == ""  # the word is finished
    assert tag_completion("@naï", tags) == "ve"
    assert tag_completion("no tags", []) == ""


def test_markdown_source_is_cut_for_long_entries() -> None:
    assert markdown_source("short **text**") == ("short **text**", 0)
    source, left = markdown_source("- item\n" * 5000)
    assert left > 0 and source.count("\n") < 400
    source, left = markdown_source("x" * 1_000_000)
    assert len(source) + left == 1_000_000 and len(source) <= 12_000


# -- command line ---------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(["--db", str(db), *args])
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_search_filters(store: Store, journal: dict[str, int], db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store.close()

    def ids(*args: str) -> list[int]:
        code, out, err = run_cli(capsys, db_path, "search", *args, "--json")
        assert code == 0, err
        return [entry["id"] for entry in json.loads(out)]

    assert ids("mentor") == [journal["coffee"], journal["lesson"]]
    assert ids("mentor", "--tag", "networking") == [journal["coffee"]]
    assert ids("--tag", "@CAREER") == [journal["review"]]  # a leading @ and any case
    assert ids("--starred") == [journal["review"]]
    assert ids("--kind", "feedback") == [journal["feedback"]]
    assert ids("--goal", str(journal["goal"])) == [journal["study"], journal["coffee"]]
    assert ids("--from", "2026-11-21", "--to", "2026-11-22") == [journal["feedback"], journal["review"]]
    assert ids("--to", "2026-10-31") == [journal["lesson"]]
    assert ids("--from", "yesterday") == [journal["study"]] or ids("--from", "yesterday") == []  # the real clock
    assert ids("mentor", "--from", "2026-11-01", "--limit", "1") == [journal["coffee"]]

    code, out, err = run_cli(capsys, db_path, "search")
    assert code == 2 and "a filter" in err
    for args, says in [
        (["--from", "2026-12-01", "--to", "2026-11-01"], "is after"),
        (["--from", "soon"], "not a date"),
        (["--tag", "@"], "tag name"),
        (["--goal", "99"], "99"),
    ]:
        code, out, err = run_cli(capsys, db_path, "search", *args)
        assert code == 1 and out == "" and err.startswith("goaljournal: ") and says in err and err.count("\n") == 1


def test_cli_log_and_checkin_refuse_a_goal_in_the_trash(store: Store, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    goal = store.add_goal("Old goal", target=3)
    store.trash("goals", goal)
    store.close()
    for args in (["log", "x", "--goal", str(goal)], ["checkin", str(goal), "1"]):
        code, out, err = run_cli(capsys, db_path, *args)
        assert code == 1 and "in the trash" in err
    with Store.open(db_path, clock=lambda: NOW) as reopened:
        assert reopened.count_entries() == 0 and reopened.checkins(goal) == []
    code, out, err = run_cli(capsys, db_path, "log", "Won the pitch", "--kind", "win", "--at", "2026-11-02 10:00", "--json")
    assert code == 0 and json.loads(out)["kind"] == "win" and json.loads(out)["at"] == "2026-11-02 10:00:00"


async def test_at_80_columns_every_filter_is_on_screen(store: Store, journal: dict[str, int], screen_text) -> None:
    """Regression: the filter bar was 130 columns wide, so at 80 the date filters were off screen."""
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_reflections(app, pilot)
        for name in ("kind", "tag", "starred", "goal", "from", "to"):
            region = app.screen.query_one(f"#filter-{name}").region
            assert region.width >= 4 and region.right <= 80, (name, region)
        filter_bar = next(line for line in screen_text(app).splitlines() if "any kind" in line)
        assert "starred" in filter_bar and "from date" in filter_bar and "to date" in filter_bar


async def test_a_from_date_after_the_to_date_is_said(store: Store, journal: dict[str, int]) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        entries = await open_reflections(app, pilot)
        app.screen.query_one("#filter-from", Input).focus()
        await pilot.press(*"2026-11-24", "tab", *"30 days ago", "enter")
        await pilot.pause()
        assert app.screen.query_one("#filter-to", Input).value == "2026-10-26"
        assert any("'from' date is after the 'to' date" in str(n.message) for n in app._notifications)
        assert entries.row_count == 0
