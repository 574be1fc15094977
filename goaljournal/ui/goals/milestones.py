"""A goal's milestones in the app: the list (on the goal's page and in the drafting form) and the
dialog for one milestone. The list changes its ``items`` and says so (``MilestoneList.Changed``);
the screen holding it decides when that reaches the journal."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.dates import human_date
from goaljournal.core.deadlines import deadline_from_field
from goaljournal.core.words import due_examples
from goaljournal.store.milestones import DraftMilestone
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput

__all__ = ["DraftMilestone", "MilestoneDialog", "MilestoneList"]

# Under this many cells for a title, dates are written short ("02 Feb 26") and "done" is left to the ✓.
SHORT_DATES_BELOW = 16


class MilestoneDialog(UnsavedTextGuard, ModalScreen[DraftMilestone | None]):
    """A milestone's title and due day (a date or a phrase: "Dec 15", "in two weeks")."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, milestone: DraftMilestone | None = None, *, today: date) -> None:
        super().__init__()
        self.milestone = milestone or DraftMilestone("")
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="milestone-dialog", classes="goal-dialog") as dialog:
            dialog.border_title = "Edit milestone" if self.milestone.title else "New milestone"
            yield Label(Content("Step"))
            yield SafeInput(self.milestone.title, placeholder="e.g. Join the regional SHRM chapter", id="milestone-title")
            yield Label(Content("Due (optional)"))
            due = self.milestone.due.isoformat() if self.milestone.due else ""
            soon = human_date(self.today + timedelta(days=20), "%b %d")
            yield SafeInput(due, placeholder=f"a date or a phrase: {soon}, in two weeks, end of Q1", id="milestone-due")
            yield Static(id="milestone-due-shown", classes="hint")
            yield Label(Content("enter next / save · ctrl+s save · escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#milestone-title", Input).focus()
        self._show_due()

    def _due(self) -> tuple[bool, date | None]:
        """Whether the due field reads, and its date."""
        text = self.query_one("#milestone-due", Input).value.strip()
        if not text:
            return True, None
        found = deadline_from_field(text, self.today)
        return (found is not None), (found.day if found else None)

    @on(Input.Changed, "#milestone-due")
    def _show_due(self) -> None:
        ok, day = self._due()
        shown = self.query_one("#milestone-due-shown", Static)
        if not ok:
            shown.update(Content.styled(f"not a date I can read: try {due_examples(self.today)}", "$text-error"))
        else:
            shown.update(Content(f"→ {human_date(day, '%a %d %b %Y')}" if day else "no due day"))

    @on(Input.Submitted, "#milestone-title")
    def _next(self) -> None:
        self.query_one("#milestone-due", Input).focus()

    @on(Input.Submitted, "#milestone-due")
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        title = self.query_one("#milestone-title", Input).value.strip()
        if not title:
            self.app.notify("Name the step first.", severity="warning", markup=False)
            self.query_one("#milestone-title", Input).focus()
            return
        ok, day = self._due()
        if not ok:
            self.app.notify("The due day is not a date I can read; fix it or clear it.", severity="warning", markup=False)
            self.query_one("#milestone-due", Input).focus()
            return
        self.dismiss(replace(self.milestone, title=title, due=day))


class MilestoneList(OptionList):
    """A goal's milestones in order, with a last row to add one.

    `n` adds, `enter` edits (on the last row: adds), `space` marks done or not done,
    `shift+up`/`shift+down` move a step, `d` or `delete` removes it and `u` puts it back. Changes
    are made to ``items`` and announced with ``MilestoneList.Changed``; the screen decides when
    they reach the journal.
    """

    BINDINGS = [
        Binding("n", "add", "Add step", show=True),
        Binding("space", "toggle", "Done", show=True),
        Binding("shift+up", "move(-1)", "Move up", show=True),
        Binding("shift+down", "move(1)", "Move down", show=False),
        Binding("d,delete", "remove", "Remove", show=True),
        Binding("u", "undo", "Undo", show=True),
    ]

    @dataclass
    class Changed(Message):
        milestones: MilestoneList
        change: str  # added, edited, done, moved, removed, restored
        item: DraftMilestone
        index: int
        # The list as the change left it: the screen may re-read ``items`` before this arrives.
        items: tuple[DraftMilestone, ...] = ()

        @property
        def control(self) -> MilestoneList:
            return self.milestones

    def __init__(
        self, items: list[DraftMilestone] | None = None, *, today: date, id: str | None = None, undo_here: bool = True, add_key: str = "n"
    ) -> None:
        super().__init__(id=id)
        self.add_key = add_key  # the key the add row names: the form around the list may add from anywhere
        self.items: list[DraftMilestone] = list(items or [])
        self.today = today
        # A draft's milestones are put back here; stored ones by the screen's `u` (the app's undo).
        self.undo_here = undo_here
        self.removed: list[tuple[int, DraftMilestone]] = []  # what `u` puts back, latest last

    def on_mount(self) -> None:
        self.show_items()

    def show_items(self, *, highlight: int | None = None) -> None:
        previous = self.highlighted
        whens = [self._when(item) for item in self.items]
        if self._title_room(max((len(when[0]) for when in whens), default=0)) < SHORT_DATES_BELOW:
            whens = [self._when(item, short=True) for item in self.items]  # a narrow pane: the title keeps room
        date_width = max((len(when[0]) for when in whens), default=0)
        options = [
            Option(self._line(number, item, when, date_width))
            for number, (item, when) in enumerate(zip(self.items, whens, strict=True), start=1)
        ]
        options.append(Option(Content.styled(f"+ add a milestone ({self.add_key})", "$text-muted"), id="add"))
        self.set_options(options)
        target = highlight if highlight is not None else (previous if previous is not None else 0)
        self.highlighted = max(0, min(target, len(options) - 1))

    def _when(self, item: DraftMilestone, *, short: bool = False) -> tuple[str, str]:
        """The date a milestone shows: when it was done (its ✓ says so when ``short``), else when it is due."""
        pattern = "%d %b %y" if short else "%d %b %Y"
        if item.done_on:
            return f"{'' if short else 'done '}{human_date(item.done_on, pattern)}", "$text-success"
        overdue = item.due is not None and item.due < self.today
        return (human_date(item.due, pattern) if item.due else "no date"), ("$text-error" if overdue else "$text-muted")

    def _title_room(self, date_width: int) -> int:
        # Before the first layout the width is 0: lines short enough not to wrap keep the list's
        # height right; the resize that follows fits them to the real width.
        width = self.scrollable_content_region.width or 34
        return width - 6 - date_width - 3

    def _line(self, number: int, item: DraftMilestone, when: tuple[str, str], date_width: int) -> Content:
        overdue = item.done_on is None and item.due is not None and item.due < self.today
        mark = ("✓", "$text-success") if item.done_on else (("!", "bold $text-error") if overdue else ("○", "$text-muted"))
        room = max(self._title_room(date_width), 8)
        title = user_content(item.title, single_line=True, width=room)
        gap = " " * (room - title.cell_length + 2 + date_width - len(when[0]))
        return Content.assemble(mark, f" {number:>2}. ", title, gap, when)

    def on_resize(self) -> None:
        if self.items:
            self.show_items()

    @property
    def current(self) -> int | None:
        """The index of the highlighted milestone (None on the add row)."""
        if self.highlighted is None or self.highlighted >= len(self.items):
            return None
        return self.highlighted

    def _announce(self, change: str, item: DraftMilestone, index: int) -> None:
        self.show_items(highlight=index)
        self.post_message(self.Changed(self, change, item, index, tuple(self.items)))

    def action_add(self) -> None:
        def added(item: DraftMilestone | None) -> None:
            if item is not None:
                self.items.append(item)
                self._announce("added", item, len(self.items) - 1)

        self.app.push_screen(MilestoneDialog(today=self.today), added)

    def action_edit(self) -> None:
        index = self.current
        if index is None:
            self.action_add()
            return

        def edited(item: DraftMilestone | None) -> None:
            if item is not None and item != self.items[index]:
                self.items[index] = item
                self._announce("edited", item, index)

        self.app.push_screen(MilestoneDialog(self.items[index], today=self.today), edited)

    def action_select(self) -> None:  # enter
        self.action_edit()

    def action_toggle(self) -> None:
        index = self.current
        if index is None:
            return
        item = self.items[index]
        self.items[index] = replace(item, done_on=None if item.done_on else self.today)
        self._announce("done", self.items[index], index)

    def action_move(self, steps: int) -> None:
        index = self.current
        if index is None:
            return
        target = max(0, min(len(self.items) - 1, index + steps))
        if target == index:
            return
        item = self.items.pop(index)
        self.items.insert(target, item)
        self._announce("moved", item, target)

    def action_remove(self) -> None:
        index = self.current
        if index is None:
            return
        item = self.items.pop(index)
        self.removed.append((index, item))
        self._announce("removed", item, min(index, max(len(self.items) - 1, 0)))

    def action_undo(self) -> None:
        if not self.undo_here:
            undo = getattr(self.screen, "action_undo", None)
            if undo is not None:
                undo()
            return
        if not self.removed:
            return
        index, item = self.removed.pop()
        index = min(index, len(self.items))
        self.items.insert(index, item)
        self._announce("restored", item, index)

