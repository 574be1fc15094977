"""Drafting a goal: the sentence and its fields on the left, the SMART coach live on the right.

Every keystroke re-runs the SMART analysis (pure, well under a millisecond: bench/smart_speed.py),
so the verdicts change as the sentence does. The deadline may be typed as a phrase ("over the
next quarter") and is shown resolved to a date. Milestones are kept in the form until the goal is
saved; editing a goal asks for a short reason when its substance (title, target, deadline)
changes, and that reason is kept with the revision.

Also here, because the goal detail uses them too: the milestone list, and the dialogs for a
milestone, a reason and a status change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from goaljournal.core.dates import human_date
from goaljournal.core.deadlines import DeadlineMatch, deadline_from_field
from goaljournal.core.models import (
    CADENCES,
    CATEGORIES,
    GOAL_STATUSES,
    PROGRESS_SOURCES,
    Goal,
)
from goaljournal.core.networking import suggest_progress_from
from goaljournal.core.progress import derived_horizon, format_number
from goaljournal.core.smart import (
    LABELS,
    GoalFields,
    Metric,
    SmartReport,
    Verdict,
    smart_report,
)
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.scale import ScalePicker

T = TypeVar("T")
MARK_STYLES = {True: "bold $success", False: "bold $error", None: "bold $warning"}
NUMBER_PATTERN = r"-?[0-9]*[.]?[0-9]*"
# What a status change is called on the keys and in the dialog.
# Where a goal's progress comes from: typed check-ins, or a count from the people log.
TYPED = "typed"
PROGRESS_CHOICES = [("typed check-ins", TYPED), *((label, source) for source, label in PROGRESS_SOURCES.items())]
# A target is a total, or a rate: so many per week, month or quarter (goals.cadence).
TOTAL = "total"
CADENCE_CHOICES = [("in total", TOTAL), *((f"per {cadence}", cadence) for cadence in CADENCES)]
STATUS_ACTIONS = {"active": "Activate", "paused": "Pause", "achieved": "Achieve", "abandoned": "Abandon", "draft": "Back to draft"}


class SmartPanel(Vertical):
    """The summary, then each criterion: its mark and name, and below them (indented, so a long
    reason wraps under itself) why, and what to do when it is not met."""

    DEFAULT_CSS = """
    SmartPanel {
        height: auto;
    }
    SmartPanel > .smart-summary {
        margin-bottom: 1;
    }
    SmartPanel > .smart-body {
        padding-left: 2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield Static(classes="smart-summary")
        for name in LABELS:
            yield Static(classes="smart-head", id=f"smart-{name}-head")
            yield Static(classes="smart-body", id=f"smart-{name}")

    def _update(self, selector: str, key: object, content: Callable[[], Content]) -> None:
        # Most keystrokes change one verdict or none: the others are not redrawn.
        if selector not in self._shown or self._shown[selector] != key:
            self._shown[selector] = key
            self.query_one(selector, Static).update(content())

    def show(self, report: SmartReport) -> None:
        self._update(
            ".smart-summary",
            (report.is_smart, report.met),
            lambda: Content.styled("SMART: all five met.", "bold $success")
            if report.is_smart
            else Content.styled(f"{report.met} of 5 met: not yet SMART.", "bold $warning"),
        )
        for name, verdict in report.criteria:
            self._update(f"#smart-{name}-head", verdict.ok, lambda name=name, verdict=verdict: self._head(name, verdict))
            self._update(f"#smart-{name}", verdict, lambda verdict=verdict: self._body(verdict))

    @staticmethod
    def _head(name: str, verdict: Verdict) -> Content:
        return Content.assemble((verdict.mark, MARK_STYLES[verdict.ok]), " ", (LABELS[name], "bold"))

    @staticmethod
    def _body(verdict: Verdict) -> Content:
        body = [user_content(verdict.why)]
        if verdict.ok is not True and verdict.suggestion:
            body.append(user_content(f"→ {verdict.suggestion}", style="$text-muted"))
        return Content("\n").join(body)


def smart_marks(report: SmartReport) -> Content:
    """S M A R T in one short line, each letter coloured by its verdict: for lists."""
    pieces: list[Content] = []
    for (name, verdict), letter in zip(report.criteria, "SMART", strict=True):
        style = {True: "bold $success", False: "$error", None: "$text-muted"}[verdict.ok]
        pieces.append(Content.styled(letter if verdict.ok is not False else letter.lower(), style))
    return Content("").join(pieces)


def goal_fields(store: Store, goal: Goal) -> GoalFields:
    """A stored goal's fields as the SMART analysis wants them."""
    item = None
    if goal.assessment_item_id is not None:
        try:
            item = store.get_assessment_item(goal.assessment_item_id).text
        except JournalError:
            item = ""
    parent = None
    if goal.parent_id is not None:
        try:
            parent = store.get_goal(goal.parent_id).title
        except JournalError:
            parent = None
    return GoalFields(
        metric=goal.metric, unit=goal.unit, baseline=goal.baseline, target=goal.target,
        deadline=date.fromisoformat(goal.deadline) if goal.deadline else None, category=goal.category,
        why=goal.why, confidence=goal.confidence, assessment_item=item, parent_title=parent,
        active_goals=store.count_active_goals(besides=goal.id), cadence=goal.cadence,
    )  # fmt: skip


def goal_report(store: Store, goal: Goal, today: date) -> SmartReport:
    """A stored goal's SMART verdicts. A goal that is over (achieved, abandoned) is judged as it
    was set: on its start day, and without the load of the goals active now."""
    fields = goal_fields(store, goal)
    if goal.status in ("achieved", "abandoned"):
        start = date.fromisoformat(goal.start_date) if goal.start_date else today
        return smart_report(goal.title, min(start, today), fields=replace(fields, active_goals=None))
    return smart_report(goal.title, today, fields=fields)


# -- milestones ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DraftMilestone:
    """A milestone as the form holds it; ``id`` is None until it is saved."""

    title: str
    due: date | None = None
    done_on: date | None = None
    id: int | None = None


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
            yield SafeInput(due, placeholder="a date or a phrase: Dec 15, in two weeks, end of Q1", id="milestone-due")
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
            shown.update(Content.styled("not a date I can read: try 2026-12-15, Dec 15, in two weeks", "$error"))
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

        @property
        def control(self) -> MilestoneList:
            return self.milestones

    def __init__(self, items: list[DraftMilestone] | None = None, *, today: date, id: str | None = None, undo_here: bool = True) -> None:
        super().__init__(id=id)
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
        date_width = max((len(when[0]) for when in whens), default=0)
        options = [
            Option(self._line(number, item, when, date_width))
            for number, (item, when) in enumerate(zip(self.items, whens, strict=True), start=1)
        ]
        options.append(Option(Content.styled("+ add a milestone (n)", "$text-muted"), id="add"))
        self.set_options(options)
        target = highlight if highlight is not None else (previous if previous is not None else 0)
        self.highlighted = max(0, min(target, len(options) - 1))

    def _when(self, item: DraftMilestone) -> tuple[str, str]:
        """The date a milestone shows: when it was done, else when it is due."""
        if item.done_on:
            return f"done {human_date(item.done_on)}", "$success"
        overdue = item.due is not None and item.due < self.today
        return (human_date(item.due) if item.due else "no date"), ("$error" if overdue else "$text-muted")

    def _line(self, number: int, item: DraftMilestone, when: tuple[str, str], date_width: int) -> Content:
        overdue = item.done_on is None and item.due is not None and item.due < self.today
        mark = ("✓", "$success") if item.done_on else (("!", "bold $error") if overdue else ("○", "$text-muted"))
        # Before the first layout the width is 0: lines short enough not to wrap keep the list's
        # height right; the resize that follows fits them to the real width.
        width = self.scrollable_content_region.width or 34
        room = max(width - 6 - date_width - 3, 8)
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
        self.post_message(self.Changed(self, change, item, index))

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


def stored_milestones(store: Store, goal_id: int) -> list[DraftMilestone]:
    return [
        DraftMilestone(
            m.title,
            date.fromisoformat(m.due_date) if m.due_date else None,
            date.fromisoformat(m.done_at) if m.done_at else None,
            m.id,
        )
        for m in store.milestones(goal_id)
    ]


# -- dialogs --------------------------------------------------------------------------------


class ReasonDialog(UnsavedTextGuard, ModalScreen[str | None]):
    """Asks for the short reason a change is kept with; dismisses with it, or None."""

    SAVE_KEY = "enter"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, heading: str, changes: list[str]) -> None:
        super().__init__()
        self.heading = heading
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-dialog", classes="goal-dialog") as dialog:
            dialog.border_title = self.heading
            for change in self.changes:
                yield Static(user_content(f"• {change}"))
            yield Label(Content("Why? A few words, kept with the revision"))
            yield SafeInput(placeholder="e.g. exam slots moved to June", id="reason")
            yield Label(Content("enter save · escape back to editing"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    @on(Input.Submitted, "#reason")
    def _submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self.app.notify("Say in a few words why: it is kept with the revision.", severity="warning", markup=False)
            return
        self.dismiss(reason)


class StatusDialog(UnsavedTextGuard, ModalScreen[tuple[str, str] | None]):
    """Pick a new status, then say why; dismisses with (status, reason), or None."""

    SAVE_KEY = "enter"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, goal: Goal) -> None:
        super().__init__()
        self.goal = goal
        self.choice: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="status-dialog", classes="goal-dialog") as dialog:
            dialog.border_title = "Change status"
            yield Static(Content.assemble("Now ", (self.goal.status, "bold $accent"), ": ", user_content(self.goal.title, single_line=True, width=50)))
            options = [
                Option(Content.assemble((f"{STATUS_ACTIONS[status]:<14}", "bold"), f"→ {status}"), id=status)
                for status in ("active", "paused", "achieved", "abandoned", "draft")
                if status != self.goal.status
            ]
            yield OptionList(*options, id="status-choice")
            yield Label(Content("Why? A few words, kept with the revision"))
            yield SafeInput(placeholder="e.g. passed the exam on 3 June", id="status-reason")
            yield Label(Content("↑↓ pick · enter next · enter save · escape cancel"), classes="hint")

    def on_mount(self) -> None:
        choice = self.query_one("#status-choice", OptionList)
        choice.highlighted = 0
        choice.focus()

    @on(OptionList.OptionSelected, "#status-choice")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.choice = event.option.id
        self.query_one("#status-reason", Input).focus()

    @on(Input.Submitted, "#status-reason")
    def _submitted(self, event: Input.Submitted) -> None:
        choice = self.choice
        if choice is None:
            highlighted = self.query_one("#status-choice", OptionList).highlighted_option
            choice = highlighted.id if highlighted else None
        if choice not in GOAL_STATUSES:
            return
        reason = event.value.strip()
        if not reason:
            self.app.notify("Say in a few words why: it is kept with the revision.", severity="warning", markup=False)
            return
        self.dismiss((choice, reason))


# -- the form -------------------------------------------------------------------------------


def _text(goal: Goal | None, name: str) -> str:
    return (getattr(goal, name) or "") if goal is not None else ""


def _number(text: str) -> float | None:
    text = text.strip()
    if text in ("", "-", ".", "-."):
        return None
    try:
        return float(text)
    except ValueError:
        return None


class GoalDraftScreen(UnsavedTextGuard, JournalScreen):
    """A new goal, or an existing one (``goal_id``) edited; dismisses with the goal's id, or None.

    ``title``, ``category``, ``assessment_item_id`` and ``parent_id`` prefill a new goal (the
    self-assessment turns a weakness into a goal this way).
    """

    SCREEN_NAME = "New goal"
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "add_milestone", "Add milestone", priority=True),
        Binding("escape", "cancel", "Cancel"),
        Binding("q", "cancel", "Cancel", show=False),
    ]

    def __init__(
        self,
        *,
        title: str = "",
        category: str | None = None,
        assessment_item_id: int | None = None,
        parent_id: int | None = None,
        goal_id: int | None = None,
    ) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.initial_title = title
        self.initial_category = category if category in CATEGORIES else None
        self.assessment_item_id = assessment_item_id
        self.parent_id = parent_id
        self.goal: Goal | None = None
        self.initial_state: tuple[Any, ...] | None = None
        self.report: SmartReport | None = None
        self.missing = False
        # The sentence may suggest where progress comes from; once the user picks (or the goal
        # already has a choice) the suggestion is only shown, never applied over it.
        self.progress_chosen = goal_id is not None
        self.progress_auto = TYPED
        # Likewise the period of a rate the sentence states ("5 reports per week").
        self.cadence_chosen = goal_id is not None
        self.cadence_auto = TOTAL
        if goal_id is not None:
            self.SCREEN_NAME = "Edit goal"

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        store = self.store
        goal = None
        if self.goal_id is not None:
            try:
                goal = store.get_goal(self.goal_id)
            except JournalError:
                self.missing = True  # gone meanwhile (trashed from the command line, say)
        self.goal = goal
        if goal is not None:
            self.assessment_item_id = goal.assessment_item_id
            self.parent_id = goal.parent_id
        yield from self.compose_title()
        with Horizontal(id="draft-main"):
            with VerticalScroll(id="draft-form", classes="panel") as form:
                form.border_title = "Edit goal" if goal else "New goal"
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Goal"), classes="draft-label")
                    yield SafeInput(
                        goal.title if goal else self.initial_title,
                        placeholder="one sentence: what, how much, by when",
                        id="draft-title",
                        compact=True,
                    )
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Category"), classes="draft-label")
                    yield Select(
                        [(name, name) for name in CATEGORIES],
                        prompt="choose…",
                        value=(goal.category if goal and goal.category else self.initial_category) or Select.NULL,
                        id="draft-category",
                        compact=True,
                    )
                    yield Label(Content("Horizon"), classes="draft-label-short")
                    yield Select(
                        [("from the deadline", "auto"), ("short, 3–6 months", "short"),
                         ("medium, 1–3 years", "medium"), ("long, 5–10 years", "long")],  # fmt: skip
                        allow_blank=False,
                        value=(goal.horizon if goal and goal.horizon else "auto"),
                        id="draft-horizon",
                        compact=True,
                    )
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Metric"), classes="draft-label")
                    yield SafeInput(_text(goal, "metric"), placeholder="what you count", id="draft-metric", compact=True)
                    yield SafeInput(_text(goal, "unit"), placeholder="unit", id="draft-unit", compact=True)
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Baseline"), classes="draft-label")
                    yield SafeInput(
                        format_number(goal.baseline) if goal and goal.baseline is not None else "",
                        placeholder="now", id="draft-baseline", restrict=NUMBER_PATTERN, compact=True,
                    )  # fmt: skip
                    yield Label(Content("Target"), classes="draft-label-short")
                    yield SafeInput(
                        format_number(goal.target) if goal and goal.target is not None else "",
                        placeholder="goal", id="draft-target", restrict=NUMBER_PATTERN, compact=True,
                    )  # fmt: skip
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Counted"), classes="draft-label")
                    yield Select(
                        CADENCE_CHOICES,
                        allow_blank=False,
                        value=(goal.cadence if goal and goal.cadence in CADENCES else TOTAL),
                        id="draft-cadence",
                        compact=True,
                    )
                    yield Static(id="draft-cadence-aside", classes="draft-aside")
                yield Static(id="draft-metric-hint", classes="draft-hint")
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Deadline"), classes="draft-label")
                    yield SafeInput(
                        _text(goal, "deadline"),
                        placeholder="a date or a phrase: over the next quarter, by March 31",
                        id="draft-deadline",
                        compact=True,
                    )
                yield Static(id="draft-deadline-shown", classes="draft-hint")
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Why"), classes="draft-label")
                    yield SafeInput(_text(goal, "why"), placeholder="why it matters to you", id="draft-why", compact=True)
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Confidence"), classes="draft-label")
                    yield ScalePicker("", goal.confidence if goal else None, id="draft-confidence")
                    yield Static(Content.styled("1–5: how sure are you?", "$text-muted"), classes="draft-aside")
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Serves"), classes="draft-label")
                    yield Select(
                        self._parent_options(),
                        prompt="no longer-term goal",
                        value=self.parent_id if self.parent_id in {value for _, value in self._parent_options()} else Select.NULL,
                        id="draft-parent",
                        compact=True,
                    )
                with Horizontal(classes="draft-row"):
                    yield Label(Content("Progress"), classes="draft-label")
                    yield Select(
                        PROGRESS_CHOICES,
                        allow_blank=False,
                        value=(goal.progress_from if goal and goal.progress_from in PROGRESS_SOURCES else TYPED),
                        id="draft-progress",
                        compact=True,
                    )
                    yield Label(Content("tagged"), classes="draft-label-short")
                    yield SafeInput(
                        _text(goal, "progress_tag"), placeholder="only people tagged… (optional)", id="draft-progress-tag", compact=True
                    )
                yield Static(id="draft-progress-hint", classes="draft-hint")
                yield Static(self._assessment_line(), id="draft-assessment", classes="draft-hint")
                yield Label(Content.styled("Milestones", "bold"), id="draft-milestones-label")
                yield MilestoneList(
                    stored_milestones(store, goal.id) if goal else [], today=self.today, id="draft-milestones"
                )
            with VerticalScroll(id="draft-smart", classes="panel") as panel:
                panel.border_title = "SMART"
                yield SmartPanel(id="draft-smart-panel")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        if self.missing:
            self.journal_app.tell(f"Goal {self.goal_id} is no longer in the journal.", severity="error")
            self.dismiss(None)  # type: ignore[arg-type]
            return
        self.query_one("#draft-title", Input).focus()
        self.update_smart()
        self.initial_state = self._state()

    def refresh_data(self) -> None:
        # Only the title bar: the form keeps what the user typed when a dialog closes.
        super().refresh_data()

    def title_status(self) -> str:
        return "ctrl+s save · escape cancel"

    def _parent_options(self) -> list[tuple[Content, int]]:
        cached = getattr(self, "_parents", None)
        if cached is not None:
            return cached
        own = self.goal_id
        below = self._descendants(own) if own is not None else set()
        options = [
            (user_content(f"#{goal.id} {goal.title}", single_line=True, width=60), goal.id)
            for goal in self.store.goals(status=("active", "draft", "paused"))
            if goal.id != own and goal.id not in below
        ]
        self._parents = options
        return options

    def _descendants(self, goal_id: int) -> set[int]:
        found: set[int] = set()
        waiting = [goal_id]
        while waiting:
            for child in self.store.child_goals(waiting.pop()):
                if child.id not in found:
                    found.add(child.id)
                    waiting.append(child.id)
        return found

    def _assessment_text(self) -> str | None:
        if self.assessment_item_id is None:
            return None
        try:
            item = self.store.get_assessment_item(self.assessment_item_id)
        except JournalError:
            return ""
        return f"{item.kind}: {item.text}"

    def _assessment_line(self) -> Content:
        text = self._assessment_text()
        if text is None:
            return Content("")
        return Content.assemble(("From your self-assessment ", "$text-muted"), user_content(text, single_line=True, width=70))

    # -- reading the form -------------------------------------------------------------------

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def _deadline(self) -> tuple[str, DeadlineMatch | None]:
        """The deadline field's text, and what it reads as (None: empty or unreadable)."""
        text = self._value("#draft-deadline").strip()
        return text, (deadline_from_field(text, self.today) if text else None)

    def _select(self, selector: str) -> Any:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value

    def fields(self) -> GoalFields:
        _, deadline = self._deadline()
        parent_id = self._select("#draft-parent")
        parent_title = None
        if parent_id is not None:
            try:
                parent_title = self.store.get_goal(parent_id).title
            except JournalError:
                parent_title = None
        return GoalFields(
            metric=self._value("#draft-metric").strip() or None,
            unit=self._value("#draft-unit").strip() or None,
            baseline=_number(self._value("#draft-baseline")),
            target=_number(self._value("#draft-target")),
            deadline=deadline.day if deadline else None,
            deadline_phrase=deadline.phrase if deadline else None,
            category=self._select("#draft-category"),
            why=self._value("#draft-why").strip() or None,
            confidence=self.query_one("#draft-confidence", ScalePicker).value,
            assessment_item=self._assessment_text(),
            parent_title=parent_title,
            active_goals=self._active_goals(),
            cadence=None if self._select("#draft-cadence") in (None, TOTAL) else self._select("#draft-cadence"),
        )

    def _active_goals(self) -> int:
        cached = getattr(self, "_active", None)
        if cached is None:
            cached = self._active = self.store.count_active_goals(besides=self.goal_id)
        return cached

    # -- live analysis ----------------------------------------------------------------------

    def _state(self) -> tuple[Any, ...]:
        """Everything the user can change in the form, to tell whether anything was."""
        inputs = tuple(widget.value for widget in self.query(Input))
        selects = tuple(widget.value for widget in self.query(Select))
        return (inputs, selects, self.query_one(ScalePicker).value, tuple(self.query_one(MilestoneList).items))

    @property
    def dirty(self) -> bool:
        return self.initial_state is not None and self._state() != self.initial_state

    def form_state(self) -> tuple[Any, ...]:
        return self._state()

    def has_unsaved_text(self) -> bool:
        return self.dirty

    @on(Input.Changed)
    @on(Select.Changed)
    @on(ScalePicker.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self.update_smart()

    def update_smart(self) -> None:
        title = self._value("#draft-title")
        fields = self.fields()
        report = self.report = smart_report(title, self.today, fields=fields)
        self.query_one(SmartPanel).show(report)
        self._set("#draft-deadline-shown", self._deadline_line(report))
        hint = self._metric_hint(report.metric, fields)
        self._set("#draft-metric-hint", hint)
        self.query_one("#draft-metric-hint").display = bool(hint.plain)
        self._fill_cadence(report.metric)
        progress = self._progress_hint(title, fields)
        self._set("#draft-progress-hint", progress)
        self.query_one("#draft-progress-hint").display = bool(progress.plain)
        subtitle = "SMART" if report.is_smart else f"{report.met}/5"
        panel = self.query_one("#draft-smart")
        if panel.border_subtitle != subtitle:
            panel.border_subtitle = subtitle

    def _set(self, selector: str, content: Content) -> None:
        """Show ``content`` in a hint line, if it is not what the line shows already: every
        redraw a keystroke spares keeps typing smooth."""
        key = (content.plain, tuple(content.spans))
        shown = getattr(self, "_hints", {})
        if shown.get(selector) != key:
            shown[selector] = key
            self._hints = shown
            self.query_one(selector, Static).update(content)

    def _deadline_line(self, report: SmartReport) -> Content:
        text, typed = self._deadline()
        horizon_choice = self._select("#draft-horizon")
        day = typed.day if typed else None
        source: Content | None = None
        if text and typed is None:
            return Content.styled("not a date I can read: try 2027-03-31, by March 31, end of Q2, within 3 months", "$error")
        if day is None and report.deadline_match is not None:
            day = report.deadline_match.day
            source = Content.assemble(
                ("from the sentence ", "$text-muted"),
                user_content(f"'{report.deadline_match.phrase}'", single_line=True, width=40),
                " ",
            )
        if day is None:
            return Content.styled("no deadline yet", "$text-muted")
        days = (day - self.today).days
        when = f"in {days} days" if days >= 0 else f"{-days} days ago"
        horizon = horizon_choice if horizon_choice not in (None, "auto") else derived_horizon(self.today, day)
        return Content.assemble(
            source or "", ("→ ", "$accent"), (human_date(day, '%a %d %b %Y'), "bold"), f" · {when} · {horizon} horizon"
        )

    def _progress_hint(self, title: str, fields: GoalFields) -> Content:
        """Say where progress will come from; for a networking goal whose sentence says what it
        counts, choose that for the user until they choose themselves."""
        select = self.query_one("#draft-progress", Select)
        if select.value != self.progress_auto or select.has_focus_within:  # only the user sets anything else
            self.progress_chosen = True
        suggestion = suggest_progress_from(title, fields.metric, fields.unit, fields.category) if fields.category == "networking" else None
        if not self.progress_chosen and select.value != (suggestion or TYPED):
            self.progress_auto = suggestion or TYPED
            select.value = self.progress_auto
        chosen = select.value
        tag = self._value("#draft-progress-tag").strip().lstrip("@")
        if chosen in PROGRESS_SOURCES:
            who = f" @{tag}" if tag else ""
            why = " · suggested by the goal" if not self.progress_chosen and chosen == suggestion else ""
            return Content.assemble(
                user_content(f"counts {PROGRESS_SOURCES[chosen]}{who}", single_line=True, width=40),
                (why, "$text-muted"),
                ("\nfilled by conversations you log: p, or goaljournal met", "$text-muted"),
            )
        if suggestion:
            return Content.styled(f"reads like it counts {PROGRESS_SOURCES[suggestion]}: choose it to count them", "$text-muted")
        return Content("")

    def _fill_cadence(self, metric: Metric | None) -> None:
        """Choose the period of the rate the sentence states, until the user chooses one, and
        say what the choice means for check-ins."""
        select = self.query_one("#draft-cadence", Select)
        if select.value != self.cadence_auto or select.has_focus_within:  # only the user sets anything else
            self.cadence_chosen = True
        wanted = (metric.per if metric is not None else None) or TOTAL
        if not self.cadence_chosen and select.value != wanted:
            self.cadence_auto = wanted
            select.value = wanted
        # What a check-in means; short: at 80 columns the row leaves it about 12 cells.
        aside = "adds up" if select.value in CADENCES else "latest value"
        self._set("#draft-cadence-aside", Content.styled(aside, "$text-muted"))

    def _sentence_metric(self, metric: Metric | None) -> dict[str, Any]:
        """What the sentence's measure fills in when the fields are left empty. A rate over a
        period the goal can track leaves the unit plain: the period is the cadence field's."""
        if metric is not None and metric.kind == "rate" and metric.per:
            return {"target": 1.0}  # "every week", "weekly": at least once a week
        if metric is None or metric.amount is None or metric.kind not in ("count", "percent", "money", "change"):
            return {}
        filled: dict[str, Any] = {"target": metric.amount}
        if metric.kind == "change" and metric.baseline is not None:
            filled["baseline"] = metric.baseline
        if metric.unit:
            filled["unit"] = metric.unit
        if metric.rate and not metric.per:
            filled["unit"] = f"{metric.unit or 'times'} per {metric.rate}"
        return filled

    def _metric_hint(self, metric: Metric | None, fields: GoalFields) -> Content:
        filled = self._sentence_metric(metric)
        if fields.target is not None or not filled:
            return Content("")
        parts = []
        if "baseline" in filled and fields.baseline is None:
            parts.append(f"baseline {format_number(filled['baseline'])}")
        parts.append(f"target {format_number(filled['target'])}")
        if "unit" in filled and not fields.unit:
            parts.append(filled["unit"])
        return Content.assemble(
            ("from the sentence: ", "$text-muted"),
            user_content(" · ".join(parts), single_line=True, width=40),
            (" (used if left empty)", "$text-muted"),
        )

    # -- saving -----------------------------------------------------------------------------

    def _values(self) -> dict[str, Any] | None:
        """The goal's fields to store, or None (with a message) if one does not read."""
        title = " ".join(self._value("#draft-title").split())
        if not title:
            self.journal_app.tell("The goal is empty: write it as one sentence.", severity="warning")
            self.query_one("#draft-title", Input).focus()
            return None
        text, typed = self._deadline()
        if text and typed is None:
            self.journal_app.tell(
                f"'{text}' is not a date I can read: try 2027-03-31, by March 31 or end of Q2.", severity="warning"
            )
            self.query_one("#draft-deadline", Input).focus()
            return None
        for selector, name in (("#draft-baseline", "baseline"), ("#draft-target", "target")):
            raw = self._value(selector).strip()
            if raw not in ("", "-", ".", "-.") and _number(raw) is None:
                self.journal_app.tell(f"The {name} must be a number.", severity="warning")
                self.query_one(selector, Input).focus()
                return None
        report = smart_report(title, self.today, fields=self.fields())
        deadline = typed.day if typed else (report.deadline_match.day if report.deadline_match else None)
        values: dict[str, Any] = {
            "title": title,
            "category": self._select("#draft-category"),
            "horizon": None if self._select("#draft-horizon") in (None, "auto") else self._select("#draft-horizon"),
            "metric": self._value("#draft-metric").strip() or None,
            "unit": self._value("#draft-unit").strip() or None,
            "baseline": _number(self._value("#draft-baseline")),
            "target": _number(self._value("#draft-target")),
            "deadline": deadline.isoformat() if deadline else None,
            "why": self._value("#draft-why").strip() or None,
            "confidence": self.query_one("#draft-confidence", ScalePicker).value,
            "parent_id": self._select("#draft-parent"),
            "progress_from": None if self._select("#draft-progress") in (None, TYPED) else self._select("#draft-progress"),
            "progress_tag": None,
            "cadence": None if self._select("#draft-cadence") in (None, TOTAL) else self._select("#draft-cadence"),
        }
        tag = self._value("#draft-progress-tag").strip().lstrip("@").strip()
        if values["progress_from"] is not None and tag:
            if any(ch.isspace() for ch in tag):
                self.journal_app.tell(f"'{tag}' is not a tag: one word, like hr.", severity="warning")
                self.query_one("#draft-progress-tag", Input).focus()
                return None
            values["progress_tag"] = tag
        for name, value in self._sentence_metric(report.metric).items():
            if values[name] is None:
                values[name] = value
        return values

    def action_save(self) -> None:
        values = self._values()
        if values is None:
            return
        if self.goal is None:
            self._save_new(values)
        else:
            self._save_edit(self.goal, values)

    def _save_new(self, values: dict[str, Any]) -> None:
        report = self.report or smart_report(values["title"], self.today)
        gaps = report.gaps
        status = "draft" if gaps else "active"
        store = self.store
        milestones = self.query_one(MilestoneList).items
        fields = {name: value for name, value in values.items() if value is not None and name != "title"}
        if self.assessment_item_id is not None:
            fields["assessment_item_id"] = self.assessment_item_id

        def write() -> int:
            with store.transaction():
                goal_id = store.add_goal(values["title"], status=status, start_date=self.today.isoformat(), **fields)
                for item in milestones:
                    milestone_id = store.add_milestone(goal_id, item.title, due=item.due)
                    if item.done_on:
                        store.set_milestone_done(milestone_id, item.done_on)
                return goal_id

        ok, goal_id = self._write(write)
        if not ok:
            return
        if gaps:
            self.journal_app.tell(f"Saved as a draft: not yet SMART ({', '.join(gaps)}).", severity="warning")
        else:
            self.journal_app.tell("Goal saved and active.")
        self.dismiss(goal_id)  # type: ignore[arg-type]

    def _save_edit(self, goal: Goal, values: dict[str, Any]) -> None:
        changes = {name: value for name, value in values.items() if getattr(goal, name) != value}
        milestones = self.query_one(MilestoneList).items
        before = stored_milestones(self.store, goal.id)
        if not changes and milestones == before:
            self.dismiss(goal.id)  # type: ignore[arg-type]
            return
        substance = [
            f"{name}: {self._shown(getattr(goal, name))} → {self._shown(changes[name])}"
            for name in ("title", "target", "deadline")
            if name in changes
        ]

        def write(reason: str | None) -> None:
            store = self.store
            with store.transaction():
                if changes:
                    store.update_goal(goal.id, reason=reason, **changes)
                kept = {item.id for item in milestones if item.id is not None}
                for old in before:
                    if old.id not in kept:
                        store.trash("milestones", old.id)  # type: ignore[arg-type]
                old_by_id = {old.id: old for old in before}
                order = []
                for item in milestones:
                    if item.id is None:
                        milestone_id = store.add_milestone(goal.id, item.title, due=item.due)
                        if item.done_on:
                            store.set_milestone_done(milestone_id, item.done_on)
                        order.append(milestone_id)
                        continue
                    old = old_by_id[item.id]
                    if (old.title, old.due) != (item.title, item.due):
                        store.update_milestone(item.id, title=item.title, due=item.due, clear_due=item.due is None)
                    if old.done_on != item.done_on:
                        store.set_milestone_done(item.id, item.done_on)
                    order.append(item.id)
                store.order_milestones(goal.id, order)

        def finish(reason: str | None) -> None:
            if substance and reason is None:
                return  # back to editing: nothing was written
            if self._write(lambda: write(reason))[0]:
                self.journal_app.tell("Goal updated." + (" The change is kept as a revision." if substance else ""))
                self.dismiss(goal.id)  # type: ignore[arg-type]

        if substance:
            self.app.push_screen(ReasonDialog("What changed, and why?", substance), finish)
        else:
            finish(None)

    @staticmethod
    def _shown(value: Any) -> str:
        if value is None:
            return "none"
        if isinstance(value, float):
            return format_number(value)
        return str(value)

    def _write(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a write: (True, its result), or (False, None) when the journal refused it (read-only,
        a bad value); the refusal is shown and, in one transaction, nothing is half-written."""
        try:
            return True, action()
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            return False, None

    def action_add_milestone(self) -> None:
        self.query_one(MilestoneList).action_add()


