"""Drafting a goal: the sentence and its fields on the left, the SMART coach live on the right.

The verdicts change as the sentence is typed (coach.py). The deadline may be typed as a phrase
("over the next quarter") and is shown resolved to a date. Milestones are kept in the form until
the goal is saved, with them, in one write; editing a goal asks for a short reason when its
substance (title, target, deadline) changes, and that reason is kept with the revision.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from goaljournal.core.deadlines import DeadlineMatch, deadline_from_field
from goaljournal.core.models import CADENCES, CATEGORIES, PROGRESS_SOURCES, Goal
from goaljournal.core.networking import suggest_progress_from
from goaljournal.core.progress import format_number
from goaljournal.core.smart import GoalFields, Metric, SmartReport, smart_report
from goaljournal.core.words import change_text, deadline_examples
from goaljournal.store import JournalError
from goaljournal.store.goals import GoalEdit
from goaljournal.ui.goals.coach import SmartPanel, sentence_metric
from goaljournal.ui.goals.milestones import MilestoneList
from goaljournal.ui.goals.render import (
    deadline_line,
    metric_hint,
    plain_value,
    progress_hint,
)
from goaljournal.ui.shared.reason import ReasonDialog
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.scale import ScalePicker

T = TypeVar("T")
NUMBER_PATTERN = r"-?[0-9]*[.]?[0-9]*"
# Where a goal's progress comes from: typed check-ins, or a count from the people log.
TYPED = "typed"
PROGRESS_CHOICES = [("typed check-ins", TYPED), *((label, source) for source, label in PROGRESS_SOURCES.items())]
# A target is a total, or a rate: so many per week, month or quarter (goals.cadence).
TOTAL = "total"
CADENCE_CHOICES = [("in total", TOTAL), *((f"per {cadence}", cadence) for cadence in CADENCES)]


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


class GoalDraftScreen(UnsavedTextGuard, JournalScreen[int | None]):
    """A new goal, or an existing one (``goal_id``) edited; dismisses with the saved goal's id, or
    None. An edit saved is kept in ``saved_edit``, to be undone.

    ``title``, ``category``, ``assessment_item_id`` and ``parent_id`` prefill a new goal (the
    self-assessment turns a weakness into a goal this way).
    """

    SCREEN_NAME = "New goal"
    CSS_PATH = "goals.tcss"
    # Narrow, the coach takes a fixed third so the fields keep room for what is typed; short, the
    # fields stand without a blank line between them so the whole form fits on one screen.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
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
        self.saved_edit: GoalEdit | None = None
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
                yield MilestoneList(store.draft_milestones(goal.id) if goal else [], today=self.today, id="draft-milestones", add_key="ctrl+n")
            with VerticalScroll(id="draft-smart", classes="panel") as panel:
                panel.border_title = "SMART"
                yield SmartPanel(id="draft-smart-panel")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        if self.missing:
            self.journal_app.tell(f"Goal {self.goal_id} is no longer in the journal.", severity="error")
            self.dismiss(None)
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
        text, typed = self._deadline()
        self._set("#draft-deadline-shown", deadline_line(text, typed, self._select("#draft-horizon"), report, self.today))
        hint = metric_hint(sentence_metric(report.metric), fields)
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
        tag = self._value("#draft-progress-tag").strip().lstrip("@")
        return progress_hint(select.value, tag, suggestion, suggested=not self.progress_chosen)

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
                f"'{text}' is not a date I can read: try {deadline_examples(self.today)}.", severity="warning"
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
        for name, value in sentence_metric(report.metric).items():
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
        gaps = (self.report or smart_report(values["title"], self.today)).gaps
        fields = {name: value for name, value in values.items() if value is not None and name != "title"}
        if self.assessment_item_id is not None:
            fields["assessment_item_id"] = self.assessment_item_id
        milestones = self.query_one(MilestoneList).items
        goal_id = self._write(lambda: self.store.add_goal(
            values["title"], status="draft" if gaps else "active", start_date=self.today.isoformat(), milestones=milestones, **fields
        ))  # fmt: skip
        if goal_id is None:
            return
        if gaps:
            self.journal_app.tell(f"Saved as a draft: not yet SMART ({', '.join(gaps)}).", severity="warning")
        else:
            self.journal_app.tell("Goal saved and active.")
        self.dismiss(goal_id)

    def _save_edit(self, goal: Goal, values: dict[str, Any]) -> None:
        changes = {name: value for name, value in values.items() if getattr(goal, name) != value}
        milestones = list(self.query_one(MilestoneList).items)
        if not changes and milestones == self.store.draft_milestones(goal.id):
            self.dismiss(goal.id)  # nothing to write (and nothing refused in a read-only journal)
            return
        substance = [
            change_text(name, getattr(goal, name), changes[name], plain_value)
            for name in ("title", "target", "deadline")
            if name in changes
        ]

        def finish(reason: str | None) -> None:
            if substance and reason is None:
                return  # back to editing: nothing was written
            edit = self._write(lambda: self.store.revise_goal(goal.id, changes, milestones, reason=reason))
            if edit is not None:
                self.saved_edit = edit
                self.journal_app.tell("Goal updated." + (" The change is kept as a revision." if substance else ""))
                self.dismiss(goal.id)

        if substance:
            dialog = ReasonDialog("What changed, and why?", changes=substance, example="exam slots moved to June", escape_means="back to editing")
            self.app.push_screen(dialog, finish)
        else:
            finish(None)

    def _write(self, action: Callable[[], T]) -> T | None:
        """Run a write: its result, or None when the journal refused it (read-only, a bad value);
        the refusal is shown and, in one transaction, nothing is half-written."""
        try:
            return action()
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            return None

    def action_add_milestone(self) -> None:
        self.query_one(MilestoneList).action_add()


def edit_goal(screen: JournalScreen[Any], goal_id: int, then: Callable[[], None]) -> None:
    """The drafting form for a stored goal; what it changed (fields and milestones) can be undone with `u`."""
    try:
        screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return
    draft = GoalDraftScreen(goal_id=goal_id)

    def done(saved: int | None) -> None:
        edit = draft.saved_edit
        if saved is None:
            return
        if edit is not None and edit.changed:
            store = screen.store
            screen.remember(f"the edit of goal #{goal_id}", lambda: store.revise_goal(goal_id, edit.fields, edit.milestones, reason="undone"))
        then()

    screen.app.push_screen(draft, done)
