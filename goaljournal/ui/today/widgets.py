"""Today's panels: what is due this week, the active goals with their check-in fields, and the
reflection line. Each reads the journal through the store it is given; ``today`` is a function
because the day turns while the app runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.models import CADENCES, Goal, Interaction, Milestone, ReviewFocus
from goaljournal.store import Store
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.today.render import (
    NOTHING_DUE,
    due_label,
    focus_heading,
    focus_label,
    follow_up_label,
    goal_summary,
    goal_title,
    no_active_goals,
    reflection_title,
)

DUE_WITHIN_DAYS = 7
CHECKIN_CELLS = 15  # a goal's check-in field and the gap before it (today.tcss)


class DueList(OptionList):
    """Milestones and follow-ups with people due within DUE_WITHIN_DAYS, and those ticked today.

    One list, so the daily keys stay as they were: the follow-ups come after the milestones, under
    a heading the cursor steps over. An option's id names what it is: ``milestone-4``,
    ``follow-up-7``, with ``-done`` after one ticked today. Above them all, under a heading of its
    own, the focus the latest review set (``focus-goal-3``, ``focus-milestone-5``: enter opens the
    goal).
    """

    def __init__(self, store: Store, today: Callable[[], date], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.today = today
        self._due: tuple[date, list[Milestone], list[Interaction]] | None = None  # as last read
        self._focus: tuple[str, list[ReviewFocus]] | None = None
        self._width = 0  # the width the lines were cut to

    def show(self) -> None:
        """Read what is due and list it, the cursor staying where it was."""
        today = self.today()
        until = today + timedelta(days=DUE_WITHIN_DAYS)
        self._due = (today, self.store.milestones_for_today(today, until=until), self.store.follow_ups_due(until, done_on=today))
        focus = self.store.current_focus(today)
        self._focus = (focus[0].kind, focus[1]) if focus else None
        self._list()
        self.call_after_refresh(self._fit)

    def _list(self) -> None:
        if self._due is None:
            return
        today, milestones, follow_ups = self._due
        keep = self.highlighted
        width = self._width = self._room()
        self.clear_options()
        if self._focus is not None:
            kind, focus = self._focus
            self.add_option(Option(focus_heading(kind), id="focus", disabled=True))
            self.add_options(
                Option(focus_label(item, width), id=f"focus-milestone-{item.milestone_id}" if item.milestone_id else f"focus-goal-{item.goal_id}")
                for item in focus
            )
            if milestones or follow_ups:
                self.add_option(Option(Content.styled("Due", "bold $text-accent"), id="due", disabled=True))
        if not milestones and not follow_ups:
            self.add_option(Option(NOTHING_DUE, disabled=True))
            self._highlight(keep)
            return
        self.add_options(Option(due_label(m, today, width), id=f"milestone-{m.id}" + ("-done" if m.done else "")) for m in milestones)
        if follow_ups:
            self.add_option(Option(Content.styled("Follow-ups with people", "bold $text-accent"), id="follow-ups", disabled=True))
            self.add_options(
                Option(follow_up_label(f, today, width), id=f"follow-up-{f.id}" + ("-done" if f.follow_up_done else ""))
                for f in follow_ups
            )
        self._highlight(keep)

    def _highlight(self, keep: int | None) -> None:
        if keep is None:  # the day starts on what is due (enter ticks it), not on the focus above it
            due = [i for i in range(self.option_count) if (self.get_option_at_index(i).id or "").startswith(("milestone-", "follow-up-"))]
            keep = due[0] if due else None
        chosen = min(keep or 0, self.option_count - 1)
        if self.get_option_at_index(chosen).disabled:  # a heading: the first item below it
            below = [i for i in range(chosen, self.option_count) if not self.get_option_at_index(i).disabled]
            if not below:
                return
            chosen = below[0]
        self.highlighted = chosen

    def on_resize(self) -> None:
        # Each item is cut to the width there is, so none wraps onto more lines.
        self._list()

    def _room(self) -> int:
        """The width the items are cut to: room is kept for a scrollbar that the items may bring,
        as a line one cell too long would be wrapped again, back to the left edge."""
        width = self.scrollable_content_region.width
        if not width:
            return 76
        return width if self.show_vertical_scrollbar else width - self.styles.scrollbar_size_vertical

    def _fit(self) -> None:
        """Cut the items again if a scrollbar came (or went) with them."""
        if self.scrollable_content_region.width and self._room() != self._width:
            self._list()


class CheckinInput(Input):
    """A goal's check-in field. It takes numbers only, so `u` here is the screen's undo (of the
    check-in just saved, say) rather than a letter the field would refuse."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "u":
            event.stop()
            event.prevent_default()
            await self.screen.run_action("undo")


class GoalRow(Vertical):
    """One active goal: its title across the whole row; below it the progress bar and pace, and
    the numbers, beside its check-in field."""

    def __init__(self, goal: Goal, store: Store, today: Callable[[], date], *, checked_today: bool = False) -> None:
        # A goal that counts conversations has no field: the store refuses a typed check-in.
        self.counted = goal.progress_from is not None
        # A goal with a cadence has a line more: this period's total, then its streak.
        self.rated = goal.cadence in CADENCES
        classes = ["goal-row"] + ["counted"] * self.counted + ["rated"] * self.rated
        super().__init__(classes=" ".join(classes))
        self.goal = goal
        self.store = store
        self.today = today
        self.checked_today = checked_today

    def compose(self) -> ComposeResult:
        yield Static(classes="goal-title")
        with Horizontal(classes="goal-line"):
            yield Static(classes="goal-summary")
            if self.counted:
                return
            yield CheckinInput(
                # A cadence goal's check-ins are amounts: 2 and +2 both add two to this period.
                placeholder="+1 adds" if self.rated else "33 or +1",
                classes="checkin",
                id=f"checkin-{self.goal.id}",
                restrict=r"\+?-?[0-9]*[.]?[0-9]*",
                select_on_focus=False,
                compact=True,
            )

    def on_mount(self) -> None:
        self.show(self.goal)

    def on_resize(self) -> None:
        # Lines are cut to the width there is, so they never wrap into the lines below.
        self.show(self.goal)

    def show(self, goal: Goal, *, checked_today: bool | None = None) -> None:
        self.goal = goal
        if checked_today is not None:
            self.checked_today = checked_today
        title = next(self.query(".goal-title").results(Static), None)
        summary = next(self.query(".goal-summary").results(Static), None)
        if title is None or summary is None:
            return  # removed before it was shown: a rebuild of the rows put a newer one in its place
        # Widths from the row's own: its children take theirs in the same layout, after this.
        width = self.content_size.width or 40
        room = width if self.counted else width - CHECKIN_CELLS
        title.update(goal_title(goal, width))
        summary.update(goal_summary(self.store, goal, self.today(), max(room, 8), title=False, checked_today=self.checked_today))


class GoalsPanel(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The active goals. Not a stop of its own when tabbing, and without VerticalScroll's
    arrow keys: up and down move between check-in fields, and the panel scrolls to follow."""

    def __init__(self, store: Store, today: Callable[[], date], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.store = store
        self.today = today

    def show(self) -> None:
        """Read the active goals and show them, keeping each row (and what is typed in its field)
        while the goals are the same ones."""
        goals = self.store.goals(status="active")
        today = self.today().isoformat()
        amounts = self.store.checkin_amounts([goal.id for goal in goals], until=today)
        checked = {goal_id for goal_id, days in amounts.items() if days and days[-1][0] == today}
        rows = {row.goal.id: row for row in self.query(GoalRow)}
        # A goal that started or stopped counting conversations (or a cadence) needs its row built anew.
        shown = {(row.goal.id, row.counted, row.rated) for row in rows.values()}
        if rows and shown == {(goal.id, goal.progress_from is not None, goal.cadence in CADENCES) for goal in goals}:
            for goal in goals:
                rows[goal.id].show(goal, checked_today=goal.id in checked)
            return
        self.remove_children()
        if not goals:
            self.mount(Static(no_active_goals(bool(self.store.goals())), classes="empty"))
        self.mount_all(GoalRow(goal, self.store, self.today, checked_today=goal.id in checked) for goal in goals)


class ReflectionInput(SafeInput):
    """The one-line reflection box, titled with the prompt of the day. A paste of several lines
    would lose all but the first in an Input, so it goes to the full editor instead, with what
    was typed so far."""

    class MultiLinePaste(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    prompt: str | None = None
    _another = False

    def show_prompt(self, prompt: str | None, *, another: bool) -> None:
        """Title the box with ``prompt`` (None: no prompt to offer); ``another``: the key for the
        next one is worth naming."""
        self.prompt, self._another = prompt, another
        self.border_title = reflection_title(prompt, self.size.width or 80, another=another)

    def on_resize(self) -> None:
        self.show_prompt(self.prompt, another=self._another)

    def _on_paste(self, event: events.Paste) -> None:
        if len(event.text.splitlines()) > 1:
            event.stop()
            event.prevent_default()  # Input's own handler would keep the first line only
            self.post_message(self.MultiLinePaste(self.value + event.text))
