"""Reading an entry: its header, the search matches highlighted, and its text as Markdown.

The text is the user's own Markdown, so the reader renders it; control characters are made
visible first (``printable``) and nothing of it is parsed as Textual markup. It is drawn by Rich's
Markdown renderer in one Static: Textual's Markdown widget mounts a widget per block, which takes
three more frames (about 50 ms) every time the highlighted entry changes, and seconds for an entry
of 2,000 list items. A long entry is rendered up to ``MARKDOWN_LIMIT`` characters and the reader
says how much more there is: the editor shows all of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from goaljournal.core.dates import human_date
from goaljournal.core.models import Entry
from goaljournal.core.text import printable
from goaljournal.ui.shared.text import user_content

MATCH_STYLE = "bold reverse $warning"
MARKDOWN_LIMIT = 12_000
MARKDOWN_LINE_LIMIT = 300
# A win is ▲, not ★: the star column beside it marks starred entries.
KIND_MARKS = {"reflection": "✎", "win": "▲", "lesson": "◇", "feedback": "❝", "note": "·"}
_SPACE = re.compile(r"\s+")

Span = tuple[int, int]


def _flat(text: str) -> str:
    """A piece of user text on one line: every run of white space one space, controls visible."""
    return _SPACE.sub(" ", printable(text))


def highlighted_line(text: str, spans: Sequence[Span], width: int, *, lead: int | None = None) -> Content:
    """One line of ``text`` (at most ``width`` cells) around its first match, matches styled.

    The window starts a little before the first span so the match has some context; every
    character shown is the user's own, literally.
    """
    width = max(width, 1)
    spans = sorted(spans)
    first = spans[0][0] if spans else 0
    lead = min(first, width // 4 if lead is None else lead)
    # Fill the line: a match near the end of the text gets more of what comes before it.
    start = max(0, min(first - lead, len(text) - width + 1))
    if len(_flat(text[: first + width])) <= width:
        start = 0
    # Enough of the text to fill the line even after runs of white space shrink to one space.
    window_end = min(len(text), start + width * 4)
    pieces: list[Content] = [Content("…")] if start > 0 else []
    position = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, position), min(span_end, window_end)
        if span_start >= window_end:
            break
        if span_end <= span_start:
            continue
        pieces.append(Content(_flat(text[position:span_start])))
        pieces.append(Content.styled(_flat(text[span_start:span_end]), MATCH_STYLE))
        position = span_end
    pieces.append(Content(_flat(text[position:window_end])))
    line = Content("").join(pieces)
    if line.cell_length > width or window_end < len(text):
        line = line.truncate(width, ellipsis=True)
    return line


def match_lines(text: str, spans: Sequence[Span], width: int, *, most: int = 3) -> list[Content]:
    """Up to ``most`` lines of context, each around a match not shown on a line before it."""
    lines: list[Content] = []
    shown_until = -1
    ordered = sorted(spans)
    for index, (start, _) in enumerate(ordered):
        if start < shown_until:
            continue
        lines.append(highlighted_line(text, ordered[index:], width, lead=width // 4))
        shown_until = start + width - width // 4
        if len(lines) == most:
            break
    return lines


def markdown_source(text: str) -> tuple[str, int]:
    """The part of ``text`` the reader renders as Markdown, and how many characters are left out.

    A long text is cut at a line break near the limit, so no block is cut in half needlessly.
    Only the start is made printable: a megabyte entry is never processed whole here.
    """
    shown = printable(text[: MARKDOWN_LIMIT + 1])
    cut = min(len(shown), MARKDOWN_LIMIT)
    position, lines = -1, 0
    while (position := shown.find("\n", position + 1, cut)) != -1:
        lines += 1
        if lines >= MARKDOWN_LINE_LIMIT:
            cut = position
            break
    if cut == len(shown):
        return shown, 0
    newline = shown.rfind("\n", 0, cut)
    if newline > cut // 2:
        cut = newline
    return shown[:cut], max(len(text) - cut, 1)


def entry_header(entry: Entry, goal_titles: Sequence[str], *, trashed: bool = False) -> Content:
    moment = datetime.fromisoformat(entry.at)
    parts: list[Content | str | tuple[str, str]] = [
        (human_date(moment, "%a %d %b %Y · %H:%M"), "bold"),
        "\n",
        (f"{KIND_MARKS.get(entry.kind, '·')} {entry.kind}", "$text-accent"),
    ]
    if entry.starred:
        parts.append((" · ★ starred", "$text-warning"))
    if trashed and entry.deleted_at:
        parts.append((f"\nin the trash since {entry.deleted_at[:10]}", "$text-error"))
    if entry.tags:
        parts += ["\n", user_content(" ".join(f"@{tag}" for tag in entry.tags), style="$text-accent")]
    for title in goal_titles:
        parts += ["\n", ("◎ ", "$text-success"), user_content(title, style="$text-muted", single_line=True)]
    return Content.assemble(*parts)


class MarkdownText(Static):
    """Markdown source rendered in place; ``source`` is what it was given."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = ""

    def show_markdown(self, source: str) -> None:
        self.source = source
        self.update(Markdown(source, hyperlinks=False) if source else "")


class EntryReader(VerticalScroll):
    """The highlighted entry, read-only: header, search matches, Markdown text."""

    def compose(self) -> ComposeResult:
        yield Static(id="reader-head")
        yield Static(id="reader-matches")
        yield Static(id="reader-more")  # above the text: a long entry says at once it is cut
        yield MarkdownText(id="reader-text")

    def show(
        self,
        entry: Entry | None,
        *,
        goal_titles: Sequence[str] = (),
        spans: Sequence[Span] = (),
        trashed: bool = False,
    ) -> None:
        if not self.children:  # not composed yet: the screen shows the entry once it is
            return
        head = self.query_one("#reader-head", Static)
        matches = self.query_one("#reader-matches", Static)
        more = self.query_one("#reader-more", Static)
        markdown = self.query_one("#reader-text", MarkdownText)
        if entry is None:
            head.update(Content.styled("Nothing to read here.", "$text-muted italic"))
            matches.display = more.display = False
            markdown.show_markdown("")
            return
        head.update(entry_header(entry, goal_titles, trashed=trashed))
        width = max((self.content_size.width or 60) - 2, 20)
        matches.display = bool(spans)
        if spans:
            matches.update(Content("\n").join(match_lines(entry.text, spans, width)))
        source, left_out = markdown_source(entry.text)
        markdown.show_markdown(source)
        more.display = left_out > 0
        if left_out:
            more.update(
                Content.styled(
                    f"Showing the start: {left_out:,} more characters ({len(entry.text):,} in all); "
                    "e opens the whole entry",
                    "$text-muted italic",
                )
            )
        self.scroll_home(animate=False)
