"""`@tag` completion from the tags already in the journal, for one-line and multi-line fields.

Both show the rest of the best tag greyed after the cursor, the way a shell does: `right`
accepts it (and `tab` in the multi-line editor). The best tag is the most used one that starts
with what was typed after the `@`, compared without case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual import events
from textual.suggester import Suggester

from goaljournal.ui.shared.widgets.safe_text import SafeTextArea

# The `@word` being typed at the end of the text before the cursor; the same rule as
# core.tags.TAG_PATTERN: a tag starts a word, so "me@example" is not one.
TYPING_TAG = re.compile(r"(?<![\w@])@([\w-]*)$")


def tag_completion(before_cursor: str, tags: Sequence[str]) -> str:
    """What to add after the cursor to finish the `@tag` being typed; '' if nothing fits.

    ``tags`` are in order of preference (most used first).
    """
    typing = TYPING_TAG.search(before_cursor)
    if typing is None:
        return ""
    prefix = typing.group(1).casefold()
    for tag in tags:
        if tag.casefold().startswith(prefix) and len(tag) > len(prefix):
            return tag[len(prefix) :]
    return ""


def tag_candidates(before_cursor: str, tags: Sequence[str], limit: int = 6) -> list[str]:
    """The tags that could finish the `@tag` being typed, best first."""
    typing = TYPING_TAG.search(before_cursor)
    if typing is None:
        return []
    prefix = typing.group(1).casefold()
    return [tag for tag in tags if tag.casefold().startswith(prefix) and len(tag) > len(prefix)][:limit]


class TagSuggester(Suggester):
    """Suggests the end of the `@tag` at the end of an Input's value."""

    def __init__(self, tags: Callable[[], Sequence[str]]) -> None:
        # The value's case must be kept: the suggestion is the whole value plus the tag's end.
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        rest = tag_completion(value, self.tags())
        return value + rest if rest else None


class TagTextArea(SafeTextArea):
    """A TextArea that completes `@tags`: `tab` or `right` accepts the greyed suggestion.

    Without a suggestion, `tab` moves to the next field as usual. Control characters in the text
    are drawn as visible stand-ins (see ``safe_text``), never sent to the terminal.
    """

    def __init__(
        self, text: str = "", *, tags: Sequence[str] = (), soft_wrap: bool = True, show_line_numbers: bool = False, id: str | None = None
    ) -> None:
        self.tags: Sequence[str] = tags  # before TextArea's init, which already asks for a suggestion
        super().__init__(text, soft_wrap=soft_wrap, show_line_numbers=show_line_numbers, id=id)

    def typed_before_cursor(self) -> str:
        row, column = self.cursor_location
        return self.document.get_line(row)[:column]

    def update_suggestion(self) -> None:
        if not self.tags or not self.selection.is_empty:
            self.suggestion = ""
            return
        self.suggestion = tag_completion(self.typed_before_cursor(), self.tags)

    def watch_selection(self) -> None:
        # The suggestion is drawn at the cursor: when the cursor moves, it must follow the text.
        self.update_suggestion()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "tab" and self.suggestion and not self.read_only:
            event.stop()
            event.prevent_default()
            self.insert(self.suggestion)
            return
        await super()._on_key(event)
