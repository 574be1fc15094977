"""Text that looks like markup, escape codes, a megabyte, emoji and right-to-left script: stored
byte for byte, shown literally (never parsed, never sent raw to the terminal), and nothing crashes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from conftest import NOW

from goaljournal.cli import main
from goaljournal.core.text import printable
from goaljournal.store import Store
from goaljournal.store.transfer import export_data, import_data
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.reflections.screen import ReflectionsScreen
from goaljournal.ui.shared.widgets.entry_editor import EntryEditor
from goaljournal.ui.shared.widgets.entry_reader import MarkdownText
from goaljournal.ui.shared.widgets.virtual_list import VirtualList

TODAY = date(2026, 11, 25)
SIZE = (120, 36)

HOSTILE = {
    "closing tag": "todo [/] done [/bold] [",
    "action": "[@click=app.quit]x[/] and [bold]not bold[/bold] [link='https://x.example']l[/link] $accent",
    "escapes": "\x1b[31mred\x1b[0m \x1b]0;pwned\x07 \x1b[2J\x1b[H \x9b31m C1 \x00 nul",
    "emoji": "🎉 👩🏽‍💻 done ✅ 🇳🇱 @🎉notatag",
    "right to left": "שלום עולם — مرحبا بالعالم @שלום ‮reversed‬",
    "combining": "e\u0301 Z̴̡a̷l̸g̶o zero\u200bwidth \ufeffbom",
}
# What each shows as: control characters become visible stand-ins (ESC as ␛).
SHOWN = {name: printable(text) for name, text in HOSTILE.items()}
MEGABYTE_LINE = "A long single line of words that never ends " * 23_832  # 1,048,608 characters
MEGABYTE_LINES = "Line of a long entry about [/] and @tags\n" * 25_600  # 1,024,000 characters


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


def paste(app: GoalJournalApp, text: str) -> None:
    """What a terminal sends when text is pasted: one Paste event to the focused field."""
    app.post_message(events.Paste(text))


def no_raw_controls(text: str) -> bool:
    return not any(ch in text for ch in "\x1b\x9b\x00\x07")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_store_the_export_and_the_command_line_keep_every_byte(
    name: str, store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HOSTILE[name]
    entry_id = store.add_entry(text, at="2026-11-24 08:00:00")
    assert store.get_entry(entry_id).text == text
    with Store.open(tmp_path / "copy.db", clock=lambda: NOW) as copy:
        import_data(copy, json.loads(json.dumps(export_data(store), ensure_ascii=False)))
        assert [e.text for e in copy.entries()] == [text]
    store.close()
    assert main(["--db", str(db_path), "log", text, "--json"]) == 0
    logged = json.loads(capsys.readouterr().out)
    assert logged["text"] == text
    assert main(["--db", str(db_path), "search", "--from", "2026-01-01", "--json"]) == 0
    assert [e["text"] for e in json.loads(capsys.readouterr().out)] == [text, text]


async def test_hostile_entries_written_in_the_editor_are_kept_and_shown_literally(store: Store, screen_text) -> None:
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        for text in HOSTILE.values():
            await pilot.press("n")
            await pilot.pause()
            paste(app, text)
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ReflectionsScreen)
        assert sorted(e.text for e in store.entries()) == sorted(HOSTILE.values())

        entries = app.screen.query_one("#entries", VirtualList)
        for index in range(len(HOSTILE)):
            entries.cursor = index
            await pilot.pause()
            entry = entries.highlighted_row
            shown = screen_text(app)
            assert no_raw_controls(shown)
            # The row shows the start of the text, literally; the reader renders it as Markdown.
            assert " ".join(printable(entry.text).split())[:12] in shown
            assert app.screen.query_one("#reader-text", MarkdownText).source == printable(entry.text)
        entries.cursor = [e.text for e in store.entries()].index(HOSTILE["action"])
        await pilot.pause()
        assert "[@click=app.quit]x[/] and [bold]not bold" in screen_text(app)
        await pilot.click(VirtualList, offset=(20, entries.cursor))  # a would-be action does nothing

        # Opened in the editor, escape codes show as ␛ and the text is saved back unchanged.
        entries.cursor = [e.text for e in store.entries()].index(HOSTILE["escapes"])
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        editor_shown = screen_text(app)
        assert "␛[31mred␛[0m" in editor_shown and no_raw_controls(editor_shown)
        await pilot.press("end", *" ok", "ctrl+s")
        await pilot.pause()
        assert app.is_running
    assert HOSTILE["escapes"] + " ok" in [e.text for e in store.entries()]


async def test_searching_hostile_text_highlights_it_literally(store: Store, screen_text) -> None:
    for text in HOSTILE.values():
        store.add_entry(text, at="2026-11-24 08:00:00")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "slash", *"עולם", "enter")
        await pilot.pause()
        entries = app.screen.query_one("#entries", VirtualList)
        assert entries.row_count == 1 and "שלום עולם" in screen_text(app)
        await pilot.press("slash", "ctrl+u", *"pwned", "enter")
        await pilot.pause()
        assert entries.row_count == 1
        shown = screen_text(app)
        assert "␛]0;pwned" in shown and no_raw_controls(shown)
        await pilot.press("slash", "ctrl+u", *"[/]", "enter")  # punctuation only: no words, no match
        await pilot.pause()
        assert entries.row_count == 0 and app.is_running


async def test_a_megabyte_entry_is_listed_read_searched_and_edited(store: Store, screen_text) -> None:
    line_id = store.add_entry(MEGABYTE_LINE + " zebra", at="2026-11-23 08:00:00")
    lines_id = store.add_entry(MEGABYTE_LINES, at="2026-11-24 08:00:00")
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()  # the reader lays out a dozen thousand characters of Markdown
        shown = screen_text(app)
        assert "Line of a long entry about [/] and" in shown
        assert "Showing the start" in shown  # the reader renders the start and says how much is left
        reader = app.screen.query_one("#reader-text", MarkdownText)
        assert len(reader.source) <= 12_000

        await pilot.press("slash", *"zebra", "enter")  # the last word of a megabyte
        await pilot.pause()
        entries = app.screen.query_one("#entries", VirtualList)
        assert entries.row_count == 1 and entries.highlighted_row.id == line_id
        assert "never ends zebra" in screen_text(app)  # the row shows the match, not the start

        await pilot.press("escape", "escape", "e")  # the whole megabyte in the editor
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        assert editor.text == MEGABYTE_LINES
        await pilot.press("ctrl+end", "!", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReflectionsScreen) and app.is_running
    edited = store.get_entry(lines_id)
    assert edited.text == MEGABYTE_LINES + "!" and edited.tags == ["tags"]
    assert store.get_entry(line_id).text == MEGABYTE_LINE + " zebra"


async def test_other_line_breaks_survive_an_unchanged_edit_and_a_change_is_announced(store: Store) -> None:
    text = "Windows\r\nline\u2028separator\x0bvertical tab"
    entry_id = store.add_entry(text)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "e")
        await pilot.pause()
        warning = app.screen.query_one("#editor-warning")
        assert warning.display
        await pilot.press("ctrl+s")  # nothing changed: nothing is written
        await pilot.pause()
        assert store.get_entry(entry_id).text == text
        await pilot.press("e", "end", "!", "ctrl+s")
        await pilot.pause()
    # Changed, the text takes the editor's line breaks: the document's own (\r\n) for all of them.
    assert store.get_entry(entry_id).text == "Windows\r\nline\r\nseparator\r\nvertical tab!"


async def test_hostile_goals_milestones_and_pastes_on_today(store: Store, screen_text) -> None:
    goal = store.add_goal(HOSTILE["action"], target=5, unit="[b]units[/b]", deadline="2027-01-31")
    store.add_milestone(goal, HOSTILE["escapes"], due="2026-11-26")
    store.add_goal(HOSTILE["right to left"], target=3)
    app = app_for(store)
    async with app.run_test(size=SIZE) as pilot:
        shown = screen_text(app)
        assert "[@click=app.quit]x[/] and [bold]" in shown and "שלום עולם" in shown
        assert "␛[31mred␛[0m" in shown and no_raw_controls(shown)
        await pilot.click("#goals-panel", offset=(5, 1))
        await pilot.press("ctrl+r")
        paste(app, HOSTILE["escapes"])  # one line: into the box, drawn with stand-ins
        await pilot.pause()
        assert app.screen.query_one("#reflection", Input).value == HOSTILE["escapes"]
        assert no_raw_controls(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+r")
        paste(app, "first line\nsecond line [/]\n")  # several lines: the full editor takes them
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
    assert [e.text for e in store.entries()] == ["first line\nsecond line [/]\n", HOSTILE["escapes"]]


async def test_escape_codes_typed_into_a_goal_draft_are_drawn_visibly(store: Store, screen_text) -> None:
    """Regression: the drafting form's fields drew a pasted ESC sequence raw."""
    from textual.widgets import Input

    from goaljournal.ui.app import GoalJournalApp

    app = GoalJournalApp(store, today=date(2026, 11, 25))
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("g", "n")
        await pilot.pause()
        title = app.screen.query_one("#draft-title", Input)
        title.value = "Give \x1b[31mthree talks\x1b[0m by March 31"
        await pilot.pause()
        text = screen_text(app)
        assert "Give ␛[31mthree talks" in text
        assert "\x1b" not in text
        assert title.value == "Give \x1b[31mthree talks\x1b[0m by March 31"
