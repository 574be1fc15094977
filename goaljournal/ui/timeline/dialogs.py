"""Choosing what the timeline shows: the filter dialog, and which goal's story to tell."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList, SelectionList
from textual.widgets.option_list import Option

from goaljournal.core.models import Goal
from goaljournal.core.timeline_axis import KIND_LABELS, TimelineFilter
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.timeline.render import assemble
from goaljournal.ui.timeline.view import Tell


def goal_options(goals: Sequence[Goal], screen_width: int) -> list[Option]:
    """A line for each goal, its title cut to what the dialog has room for on a screen
    ``screen_width`` wide: a title that wrapped made its status look like the next goal."""
    # The dialog is 96 columns at most, 95% of the screen; its border, padding and scrollbar, the
    # list's frame, padding and scrollbar take 14 of them, and the status ("  abandoned") 11.
    room = max(min(96, screen_width * 95 // 100) - 14 - 11, 12)
    return [
        Option(
            assemble(user_content(goal.title, single_line=True, width=room), (f"  {goal.status}", "$text-muted")),
            id=str(goal.id),
        )
        for goal in goals
    ]


class TimelineFilterDialog(UnsavedTextGuard, ModalScreen[TimelineFilter | None]):
    """Which goal, tag and kinds the timeline shows."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "apply", "Apply", priority=True),
        Binding("ctrl+r", "clear", "Show everything"),
    ]

    def __init__(
        self, current: TimelineFilter, goals: Sequence[Goal], tags: Sequence[str], tell: Tell, *, suggested_goal: int | None = None
    ) -> None:
        super().__init__()
        self.tell = tell
        self.current = current
        self.goals = list(goals)
        self.tags = list(tags)
        self.suggested_goal = suggested_goal if current.goal_id is None else current.goal_id

    def compose(self) -> ComposeResult:
        # It scrolls: at 24 lines the kinds are below the goals, and tab must bring them into view.
        with VerticalScroll(id="timeline-filter-dialog", classes="timeline-dialog") as dialog:
            dialog.border_title = "Filter the timeline"
            yield Label(Content.styled("Goal — enter picks one", "bold"))
            yield OptionList(
                Option(Content("All goals"), id="all"), *goal_options(self.goals, self.app.size.width), id="timeline-filter-goal"
            )
            yield Label(Content.styled("Tag — only entries carry tags", "bold"))
            yield SafeInput(
                self.current.tag or "", placeholder="any tag, e.g. networking",
                suggester=SuggestFromList(self.tags, case_sensitive=False), id="timeline-filter-tag",
            )  # fmt: skip
            yield Label(Content.styled("Show — space turns a kind on or off", "bold"))
            kinds = self.current.kinds
            yield SelectionList[str](
                *((label, kind, kinds is None or kind in kinds) for kind, label in KIND_LABELS.items()), id="timeline-filter-kinds"
            )
            # Docked: inside the border, and still there when the fields scroll.
            hint = "tab next field · ctrl+s apply · ctrl+r show everything · escape cancel"
            yield Label(Content(hint), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        goals = self.query_one("#timeline-filter-goal", OptionList)
        ids = [goal.id for goal in self.goals]
        goals.highlighted = ids.index(self.suggested_goal) + 1 if self.suggested_goal in ids else 0
        goals.focus()

    @on(OptionList.OptionSelected, "#timeline-filter-goal")
    def _goal_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_apply()

    @on(Input.Submitted, "#timeline-filter-tag")
    def _tag_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        goals = self.query_one("#timeline-filter-goal", OptionList)
        chosen = goals.highlighted
        goal = self.goals[chosen - 1] if chosen else None
        tag = self.query_one("#timeline-filter-tag", Input).value.strip().lstrip("@").strip()
        known = {name.lower(): name for name in self.tags}
        if tag and tag.lower() not in known:
            message = f"No entry is tagged @{tag}; pick a tag from the suggestions or leave it empty."
            self.tell(message, severity="warning")
            return
        kinds = frozenset(self.query_one(SelectionList).selected)
        if not kinds:
            self.tell("Choose at least one kind to show (space turns one on).", severity="warning")
            return
        self.dismiss(
            TimelineFilter(
                goal_id=goal.id if goal else None,
                goal_title=goal.title if goal else "",
                tag=known[tag.lower()] if tag else None,
                kinds=None if kinds == frozenset(KIND_LABELS) else kinds,
            )
        )

    def action_clear(self) -> None:
        self.dismiss(TimelineFilter())


class GoalPicker(ModalScreen[int | None]):
    """Which goal's story to tell, when the row under the cursor belongs to none."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, goals: Sequence[Goal]) -> None:
        super().__init__()
        self.goals = list(goals)

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-goal-picker", classes="timeline-dialog") as dialog:
            dialog.border_title = "Whose story? Enter picks a goal"
            yield OptionList(*goal_options(self.goals, self.app.size.width), id="timeline-picker-goals")
            yield Label(Content("enter tell this goal's story · escape cancel"), classes="timeline-dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))
