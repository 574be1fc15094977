"""The log's text, without the app: a row of the list, the count in the title bar."""

from __future__ import annotations

import pytest

from goaljournal.core.models import Entry
from goaljournal.store import Store
from goaljournal.ui.reflections.render import ROW_LEAD, entry_row, log_status, plain_text
from goaljournal.ui.shared.widgets.entry_reader import MATCH_STYLE


@pytest.fixture
def entry_id(store: Store) -> int:
    return store.add_entry("Shipped the [b]budget[/b] review @work @q4", at="2026-11-24 17:05:00", kind="win", starred=True)


def test_a_row_has_the_day_star_kind_text_and_tags_in_its_width(store: Store, entry_id: int) -> None:
    row = entry_row(store.get_entry(entry_id), 70)
    assert row.cell_length == 70  # the text padded: the tags line up in a column on the right
    assert row.plain.startswith(" 2026-11-24 ★ ▲ Shipped the [b]budget[/b] review")
    assert row.plain.endswith("   @q4 @work")
    assert row.plain[ROW_LEAD:].startswith("Shipped")


def test_a_row_in_the_trash_shows_the_day_it_was_deleted(store: Store, entry_id: int) -> None:
    store.trash("entries", entry_id)
    entry = store.trashed_entries()[0]
    assert entry_row(entry, 70, trashed=True).plain.startswith(f" {entry.deleted_at[:10]} ★ ▲ ")


def test_a_searched_row_shows_the_match_picked_out(store: Store, entry_id: int) -> None:
    entry = store.get_entry(entry_id)
    spans = store.match_spans("budget", [entry_id])[entry_id]
    row = entry_row(entry, 60, spans)
    start = row.plain.index("budget")
    assert any(span.start <= start and span.end >= start + 6 and str(span.style) == MATCH_STYLE for span in row.spans)
    assert row.cell_length <= 60


def test_a_narrow_row_still_shows_some_text_and_is_never_wider_than_its_width() -> None:
    entry = Entry(id=1, uuid="u", at="2026-11-24 17:05:00", text="A long line " * 20, kind="note", tags=["one", "two"])
    assert entry_row(entry, 20).plain == " 2026-11-24   · A l…"
    for width in range(10, 120):
        assert entry_row(entry, width).cell_length <= width


def test_tags_too_long_for_their_column_are_cut_with_an_ellipsis() -> None:
    entry = Entry(id=1, uuid="u", at="2026-11-24 17:05:00", text="Met Dana", kind="note", tags=["mentoring", "networking", "presenting"])
    row = entry_row(entry, 78)
    assert row.cell_length == 78 and row.plain.endswith("@mentoring @networ…")
    assert entry_row(entry, 160).plain.endswith("@mentoring @networking @presenting")  # the room there is


def test_a_row_shows_the_entry_as_plain_text_not_markdown() -> None:
    text = "# Coffee with Dana\n\n- She said **clear numbers** win; see [the deck](https://x.example/d) and `q4.xlsx`\n> quoted"
    entry = Entry(id=1, uuid="u", at="2026-11-24 17:05:00", text=text, kind="note")
    shown = entry_row(entry, 160).plain[ROW_LEAD:].rstrip()
    assert shown == "Coffee with Dana She said clear numbers win; see the deck and q4.xlsx quoted"


@pytest.mark.parametrize("text", ["2*3*4 = 24", "snake_case_name stays", "[b]not markdown[/b]", "a - b", "#hashtag"])
def test_plain_text_leaves_what_is_not_markdown_as_written(text: str) -> None:
    assert plain_text(text) == (text, [])


def test_a_searched_row_is_plain_text_too_with_the_match_where_the_words_are() -> None:
    text = "**October review** - Best: [Aisha](https://x.example) shipped her first _report_ alone"
    entry = Entry(id=1, uuid="u", at="2026-11-24 17:05:00", text=text, kind="note")
    row = entry_row(entry, 100, [(2, 9), (10, 16), (73, 79)])  # October, review, report
    assert row.plain[ROW_LEAD:].startswith("October review - Best: Aisha shipped her first report alone")
    picked = sorted(row.plain[span.start : span.end] for span in row.spans if str(span.style) == MATCH_STYLE)
    assert picked == ["October", "report", "review"]


def test_the_count_says_entries_matches_or_the_trash() -> None:
    assert log_status(1, trash=False, filtered=False) == "1 entry"
    assert log_status(12_345, trash=False, filtered=False) == "12,345 entries"
    assert log_status(1, trash=False, filtered=True) == "1 match"
    assert log_status(0, trash=True, filtered=True) == "trash · 0 entries · u restores · P purges · T leaves"
