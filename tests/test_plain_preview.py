"""plain_preview: an entry's Markdown as one line of plain text for lists, the timeline and the
report; cell_width / pad_cells: columns that line up whatever the characters."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goaljournal.core.text import cell_width, fit_cells, pad_cells, plain_preview, plain_text

MARKDOWN = [
    ("# Coffee with Dana\n\nShe asked for **clear numbers**.", "Coffee with Dana — She asked for clear numbers."),
    ("## Retro ##\nwent _well_", "Retro — went well"),
    ("Read [the guide](https://example.org/guide) and ![a chart](c.png)", "Read the guide and a chart"),
    ("See <https://example.org> and [the spec][spec]\n\n[spec]: https://example.org/spec", "See https://example.org and the spec"),
    ("- first *point*\n* second\n+ third\n1. fourth\n2) fifth", "first point second third fourth fifth"),
    ("- [x] shipped the `fix`\n- [ ] write it up", "shipped the fix write it up"),
    ("> quoted\n> > nested **bold**", "quoted nested bold"),
    ("```python\nprint('hi')\n```\n~~~\nmore\n~~~", "print('hi') more"),
    ("Title\n=====\n\n---\n\n***\nbody", "Title body"),
    ("| who | what |\n|-----|:----:|\n| Dana | 1:1 |", "who what Dana 1:1"),
    ("~~dropped~~ and ***both***", "dropped and both"),
    ("an escaped \\*star\\* stays", "an escaped *star* stays"),
    ("   lots   of\n\n\n   space\t\there  ", "lots of space here"),
]


@pytest.mark.parametrize("markdown, plain", MARKDOWN)
def test_markdown_syntax_is_taken_off(markdown, plain):
    assert plain_text(markdown) == plain


@pytest.mark.parametrize(
    "text",
    ["snake_case_name", "2*3*4 = 24", "#hashtag is not a heading", "@rep with Priya", "C# and F#", "a_b and c_d", "[x] done"],
)
def test_text_that_only_looks_like_markup_is_kept(text):
    assert plain_text(text) == text


def test_the_preview_is_cut_with_an_ellipsis_at_its_width():
    shown = plain_preview("# Coffee with Dana\n\nShe asked for **clear numbers** before the review.", 24)
    assert shown == "Coffee with Dana — She…"
    assert cell_width(shown) <= 24
    assert plain_preview("short", 24) == "short"
    assert plain_preview("anything", 1) == "…"
    assert plain_preview("anything", 0) == ""


def test_wide_characters_count_two_cells():
    assert cell_width("漢字") == 4
    assert cell_width("e\u0301") == 1  # e and a combining acute accent: one cell
    assert plain_preview("漢字漢字漢字", 7) == "漢字漢…"
    assert pad_cells("漢字", 6) + "|" == "漢字  |"
    assert pad_cells("漢字", 6, ">") == "  漢字"
    assert fit_cells("漢字漢字", 5) == "漢字…"


def test_control_characters_show_as_data():
    assert plain_preview("\x1b[31mred\x07", 40) == "\u241b[31mred\u2407"


def test_a_line_of_unmatched_markers_costs_linear_time():
    started = time.perf_counter()
    for marker in ("**a ", "*a ", "_a ", "`a ", "[a](", "~~a", "![a](b", "<http:"):
        plain_text(marker * 5000)
    assert time.perf_counter() - started < 5


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300), width=st.integers(0, 120))
def test_a_preview_is_one_line_never_wider_than_its_width(text, width):
    shown = plain_preview(text, width)
    assert cell_width(shown) <= width
    assert "\n" not in shown and "\r" not in shown
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in shown)
    assert shown == shown.strip()


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz漢字éü0123456789", min_size=1, max_size=12), min_size=1, max_size=12))
def test_plain_words_come_back_as_written(words):
    # Text without any Markdown character is data: the preview gives it back word for word.
    text = " ".join(words)
    assert plain_text(text) == text
    assert plain_preview(text, 400) == text
