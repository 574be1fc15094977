"""Today's "On this day": what was written, achieved or decided on this date in earlier years, and a
month ago, one line each ("1 year ago · ▲ win: Presented the Q3 numbers"); Enter opens the record.

Below the due list, in the same column, and after it when tabbing. A few lines show (one on a short
terminal) and the rest scroll; the section hides itself when there is nothing to remember.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from goaljournal.core.on_this_day import ACHIEVED, ASSESSMENT, DECISION, MILESTONE, Memory
from goaljournal.store import Store
from goaljournal.ui import nav
from goaljournal.ui.shared.marks import MARKS
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.widgets.fitted_list import FittedList
from goaljournal.ui.shared.widgets.entry_reader import KIND_MARKS

# A record's mark (in its style) and the word before its text; a reflection, the commonest entry,
# goes without one.
LOOKS: dict[str, tuple[str, str, str]] = {
    ACHIEVED: (*MARKS["deadline"], "achieved"),
    DECISION: (*MARKS["revision"], "decided"),
    MILESTONE: (*MARKS["milestone-done"], "milestone"),
    ASSESSMENT: (*MARKS["assessment"], "self-assessment"),
    **{kind: (mark, MARKS[kind][1], "" if kind == "reflection" else kind) for kind, mark in KIND_MARKS.items()},
}


def memory_line(memory: Memory, width: int, ago_cells: int = 0) -> Content:
    """``1 year ago · ▲ win: Presented the Q3 numbers to the VP``, cut to ``width`` cells; the
    time ago padded to ``ago_cells``, so that the marks line up."""
    mark, style, word = LOOKS.get(memory.kind, ("·", "$text-muted", memory.kind))
    # Each piece ends with its spaces: an SVG renderer drops those a run of text starts with.
    head = Content.assemble((f"{memory.ago:<{ago_cells}} · ", "$text-muted"), (f"{mark} ", style), f"{word}: " if word else "")
    return head + user_content(memory.text, single_line=True, width=max(width - head.cell_length, 4))


class MemoryList(FittedList):
    """The records, one line each, cut to the width there is."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.memories: list[Memory] = []

    def show(self, memories: list[Memory]) -> None:
        self.memories = memories
        self.refill()

    def lines(self, width: int) -> list[Option]:
        ago_cells = max((len(memory.ago) for memory in self.memories), default=0)
        return [Option(memory_line(memory, width, ago_cells)) for memory in self.memories]

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        memory = self.memories[event.option_index]
        if memory.entry_id is not None:
            self.post_message(nav.ReadEntry(memory.entry_id))
        elif memory.assessment_id is not None:
            self.post_message(nav.ReadAssessment(memory.assessment_id))
        elif memory.goal_id is not None:
            self.post_message(nav.ReadGoal(memory.goal_id))


class OnThisDay(Vertical):
    """The section around the list, hidden while there is nothing to show. ``today`` is read each
    time it shows: the day turns while the app runs."""

    def __init__(self, store: Store, today: Callable[[], date], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.today = today

    def compose(self) -> ComposeResult:
        yield MemoryList(id="memory-list")

    def on_mount(self) -> None:
        self._title(inside=False)

    def on_descendant_focus(self) -> None:
        self._title(inside=True)

    def on_descendant_blur(self) -> None:
        self._title(inside=False)

    def _title(self, *, inside: bool) -> None:
        # Short enough for the due list's column at 80x24.
        said = f"({len(self.query_one(MemoryList).memories)})" + (" · enter opens" if inside else "")
        self.border_title = Content.assemble("On this day ", (said, "$text-muted"))

    def show(self) -> None:
        """Read what happened on this date before, and show it (or hide the section)."""
        memories = self.store.on_this_day(self.today())
        if not memories and self.has_focus_within:  # the last one went: back to the due list, above
            self.screen.focus_previous()
        self.display = bool(memories)
        self.query_one(MemoryList).show(memories)
        self._title(inside=self.has_focus_within)
