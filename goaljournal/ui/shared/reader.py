"""One dialog to read any record over the screen that asked: a goal, an entry, a self-assessment,
a conversation.

The feature that owns the record renders its body; the dialog shows it under a title, scrolls it,
and offers a few keys that lead on (``s`` a goal's story, ``p`` a person's page): each closes the
dialog, then posts its ``ui.nav`` message, which the app turns into the screen asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static

from goaljournal.ui.shared.widgets.entry_reader import MarkdownText, markdown_source


@dataclass(frozen=True)
class ReaderKey:
    """A key offered by a ReaderDialog: ``s`` "this goal's story" posts ``message`` once closed."""

    key: str
    description: str
    message: Message


class MarkdownBody(Vertical):
    """A heading over Markdown text, as the reflection log's reader draws them (a long text shows
    its start and says how much is left out)."""

    DEFAULT_CSS = """
    MarkdownBody { height: auto; }
    MarkdownBody > #reader-heading { margin-bottom: 1; }
    MarkdownBody > #reader-more { color: $text-muted; text-style: italic; }
    """

    def __init__(self, heading: Content, text: str) -> None:
        super().__init__()
        self.heading = heading
        self.text = text

    def compose(self) -> ComposeResult:
        source, left_out = markdown_source(self.text)
        yield Static(self.heading, id="reader-heading")
        more = Static(Content(f"Showing the start: {left_out:,} more characters ({len(self.text):,} in all)"), id="reader-more")
        more.display = left_out > 0
        yield more
        markdown = MarkdownText(id="reader-text")
        markdown.show_markdown(source)
        yield markdown


class ReaderDialog(ModalScreen[None]):
    """A record read-only: ``title`` on the border, ``body`` (Content, or a widget such as a
    MarkdownBody) scrolling inside, and under it a hint naming every key. ``kind`` says what is
    read ("goal", "entry", "assessment", "conversation")."""

    DEFAULT_CSS = """
    ReaderDialog { align: center middle; }
    ReaderDialog > #reader-dialog {
        width: 96;
        max-width: 95%;
        height: 80%;
        border: round $accent;
        border-title-color: $text-accent;
        background: $surface;
        padding: 0 1;
    }
    ReaderDialog > #reader-dialog:focus { border: round $accent-lighten-1; }
    ReaderDialog > #reader-hint {
        width: 96;
        max-width: 95%;
        color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q", "dismiss", "Back")]

    def __init__(self, kind: str, title: str, body: Content | Widget, keys: Sequence[ReaderKey] = ()) -> None:
        super().__init__()
        self.kind = kind
        self.title_text = title
        self.body = body
        self.keys = {key.key: key for key in keys}
        for key in keys:
            self._bindings.bind(key.key, f"follow('{key.key}')", key.description, show=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reader-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(self.body) if isinstance(self.body, Content) else self.body
        yield Label(Content(" · ".join(["escape back", *(f"{key.key} {key.description}" for key in self.keys.values())])), id="reader-hint")

    def on_mount(self) -> None:
        self.query_one("#reader-dialog").focus()

    def action_follow(self, key: str) -> None:
        if not self.is_active:  # a key that arrived after the dialog closed: it leads nowhere now
            return
        self.dismiss()
        # Posted after the pop: the screen it asks for goes over the one below, not over this.
        self.app.post_message(self.keys[key].message)
