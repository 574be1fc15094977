"""The review of a week, month or quarter: five steps, one at a time, every answer written as it
is given, so that a review left at any step (escape, another screen's key, even ``q``) resumes
there.

1. The period in numbers, each against the period before (a month's or quarter's review adds the
   period's report).
2. Each active goal in turn: progress since the last review and pace; keep going (k), adjust the
   target, deadline or horizon with a reason (a), pause (s), achieved (d), abandon (b); enter opens
   the goal, where its milestones are edited.
3. Wins, and what got in the way: entries of their kinds (win, lesson), `@tags` welcome.
4. The next period's focus: up to three goals or milestones, shown at the top of Today.
5. The summary, a line to sum up, and the comparison with an earlier review (c: the one before, or
   four before); f finishes.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import ContentSwitcher, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from goaljournal.core.dates import day_or_phrase, human_date
from goaljournal.core.models import HORIZONS, Goal, Review
from goaljournal.core.progress import goal_horizon
from goaljournal.core.review import FOCUS_LIMIT, STEP_COUNT, STEP_TITLES, STEPS, decision_words
from goaljournal.core.words import extend_examples, new_deadline_problem, plural
from goaljournal.ui import nav
from goaljournal.ui.review.render import (
    comparison_content,
    goal_line,
    numbers_content,
    period_label,
    review_name,
    review_period_of,
    summary_content,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.fitted_list import FittedList
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.tags import TagSuggester

PROMPTS = {
    "numbers": "How did the {period} go? Each number against the {period} before.",
    "goals": "k keep · a adjust · s pause · d achieved · b abandon · enter opens the goal",
    "notes": "What went well, and what got in the way? Enter keeps each as an entry (@tags welcome); "
             "enter on an empty line goes on.",
    "focus": "Pick up to three goals or milestones for the next {period} (space picks); Today shows them.",
    "summary": "A line to sum up (enter keeps it), then f to finish. c compares with an earlier review.",
}
HORIZON_QUESTION = "\nDoes each goal's horizon (short, medium, long) still fit? a changes it."
DECISION_KEYS = {"keep": "k", "adjust": "a", "pause": "s", "achieved": "d", "abandon": "b"}
DECISION_TOLD = {"keep": "keeps going", "pause": "paused", "achieved": "achieved. Well done!", "abandon": "abandoned"}


class AdjustDialog(UnsavedTextGuard, ModalScreen[tuple[dict[str, object], str] | None]):
    """A goal's new target, deadline (a date or a phrase) or horizon, and why; dismisses with the
    changes and the reason, or None."""

    CSS_PATH = "review.tcss"
    SAVE_KEY = "enter on the reason"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, goal: Goal, today: date) -> None:
        super().__init__()
        self.goal = goal
        self.today = today

    def compose(self) -> ComposeResult:
        goal = self.goal
        with Vertical(id="adjust-dialog") as dialog:
            dialog.border_title = "Adjust the goal"
            yield Static(user_content(goal.title, style="bold", single_line=True, width=70))
            target = "none" if goal.target is None else f"{goal.target:g}"
            yield Label(Content(f"New target (now {target}; empty keeps it)"))
            yield SafeInput(placeholder="a number", id="adjust-target")
            deadline = human_date(date.fromisoformat(goal.deadline)) if goal.deadline else "none"
            yield Label(Content(f"New deadline (now {deadline}; empty keeps it)"))
            yield SafeInput(placeholder=f"a date or a phrase: {extend_examples(self.today)}", id="adjust-deadline")
            yield Label(Content(f"Horizon (now {goal_horizon(goal) or 'none'}; short, medium or long; empty keeps it)"))
            yield SafeInput(placeholder="short, medium or long", id="adjust-horizon")
            yield Label(Content("Why? A few words, kept with the revision"))
            yield SafeInput(placeholder="e.g. the project moved; two a month is what the team can do", id="adjust-reason")
            yield Static(id="adjust-problem", classes="hint")
            yield Label(Content("enter next · enter on the reason saves · escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#adjust-target", Input).focus()

    def changes(self) -> tuple[dict[str, object], str | None]:
        """The changes typed, or a problem with them."""
        changes: dict[str, object] = {}
        raw_target = self.query_one("#adjust-target", Input).value.strip()
        if raw_target:
            try:
                target = float(raw_target)
            except ValueError:
                return {}, f"'{raw_target}' is not a number"
            if target != target or target in (float("inf"), float("-inf")):
                return {}, f"'{raw_target}' is not a number"
            changes["target"] = target
        raw_day = self.query_one("#adjust-deadline", Input).value.strip()
        if raw_day:
            day = day_or_phrase(raw_day, self.today)
            problem = new_deadline_problem(day, self.today)
            if problem is not None or day is None:
                return {}, problem
            changes["deadline"] = day.isoformat()
        raw_horizon = self.query_one("#adjust-horizon", Input).value.strip().lower()
        if raw_horizon:
            if raw_horizon not in HORIZONS:
                return {}, "a horizon is short, medium or long"
            changes["horizon"] = raw_horizon
        if not changes:
            return {}, "nothing to change: type a new target, deadline or horizon"
        return changes, None

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "adjust-reason":
            self.focus_next()
            return
        changes, problem = self.changes()
        reason = event.value.strip()
        if problem is None and not reason:
            problem = "say in a few words why: it is kept with the revision"
        if problem is not None:
            self.query_one("#adjust-problem", Static).update(Content.styled(problem, "$text-error"))
            return
        self.dismiss((changes, reason))


class GoalDecisions(FittedList):
    """The goals step: two lines a goal (its decision and title; its progress since the last
    review and its pace), cut to the width there is."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[tuple[Goal, str | None, float | None]] = []  # a goal, its decision, its progress then
        self.today = date.min
        self.week_start = 0
        self.horizon = False

    def show(self, rows: list[tuple[Goal, str | None, float | None]], *, today: date, week_start: int, horizon: bool) -> None:
        self.rows, self.today, self.week_start, self.horizon = rows, today, week_start, horizon
        self.refill()

    def lines(self, width: int) -> list[Option]:
        return [
            Option(goal_line(goal, decision, since, self.today, self.week_start, width - 2, horizon=self.horizon), id=f"goal-{goal.id}")
            for goal, decision, since in self.rows
        ]


class ReviewSession(UnsavedTextGuard, JournalScreen[None]):
    """One review, step by step."""

    SCREEN_NAME = "Review"
    CSS_PATH = "review.tcss"
    # Under 110 columns the summary and the comparison stack (review.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    SAVE_KEY = "enter"
    BINDINGS = [
        # Priority: the lists would otherwise take left and right; in a text field they move the
        # cursor (check_action hands them back).
        Binding("right", "next_step", "Next", priority=True),
        Binding("left", "previous_step", "Back", priority=True),
        Binding("k", "decide('keep')", "Keep"),
        Binding("a", "adjust", "Adjust"),
        Binding("s", "decide('pause')", "Pause"),
        Binding("d", "decide('achieved')", "Achieved"),
        Binding("b", "decide('abandon')", "Abandon"),
        Binding("c", "compare", "Compare"),
        Binding("f", "finish", "Finish"),
        Binding("escape", "leave", "Save, finish later"),
        Binding("ctrl+s", "leave", "Save, finish later", show=False),
    ]

    def __init__(self, review_id: int) -> None:
        super().__init__()
        self.review_id = review_id
        self.step = 1
        self.compare_back = 1  # how many reviews back the summary compares with: 1, or 4
        self._tags: list[str] = []

    @property
    def review(self) -> Review:
        return self.store.get_review(self.review_id)

    @property
    def step_key(self) -> str:
        return STEPS[self.step - 1]

    @property
    def undo_owner(self) -> str:
        return f"review-{self.review_id}"

    def compose(self) -> ComposeResult:
        self.SCREEN_NAME = review_name(self.review)
        yield from self.compose_title()
        with Vertical(id="review-head"):
            yield Static(id="review-step-title")
            yield Static(id="review-step-prompt")
        with ContentSwitcher(id="review-steps", initial="step-numbers"):
            with VerticalScroll(id="step-numbers", classes="panel") as numbers:
                numbers.border_title = "In numbers"
                yield Static(id="review-numbers")
                yield Static(id="review-report")
            goals = GoalDecisions(id="step-goals", classes="panel")
            goals.border_title = "Goals"
            yield goals
            with Vertical(id="step-notes"):
                win = SafeInput(placeholder="a win, big or small — enter keeps it", id="review-win", suggester=TagSuggester(lambda: self._tags))
                win.border_title = "Wins"
                yield win
                obstacle = SafeInput(placeholder="what got in the way — enter keeps it (as a lesson)", id="review-obstacle",
                                     suggester=TagSuggester(lambda: self._tags))  # fmt: skip
                obstacle.border_title = "What got in the way"
                yield obstacle
                with VerticalScroll(id="review-notes", classes="panel") as notes:
                    notes.border_title = "Written in this review"
                    yield Static(id="review-notes-text")
            focus = SelectionList[str](id="step-focus", classes="panel")
            focus.border_title = f"Focus (up to {FOCUS_LIMIT})"
            yield focus
            with Vertical(id="step-summary"):
                with Horizontal(id="review-summary-panes"):
                    with VerticalScroll(id="review-summary", classes="panel") as summary:
                        summary.border_title = "This review"
                        yield Static(id="review-summary-text")
                    with VerticalScroll(id="review-compare", classes="panel") as compare:
                        compare.border_title = "Compared"
                        yield Static(id="review-compare-text")
                line = SafeInput(placeholder="one line to sum up the period — enter keeps it", id="review-summary-line")
                line.border_title = "To sum up"
                yield line
        yield KeyBar()

    def _read_tags(self) -> None:
        """The tags the note lines complete, read when the review opens and after each note."""
        self._tags = [name for name, _ in self.store.tag_counts()]

    def on_mount(self) -> None:
        self._read_tags()
        review = self.review
        self.step = max(1, min(review.step or 1, STEP_COUNT))
        if review.summary:
            self.query_one("#review-summary-line", Input).value = review.summary
        self._show_step()

    def title_status(self) -> str:
        return period_label(self.review)

    def form_state(self) -> object:
        # Only the two note lines hold text that is not kept as it is typed: the summary line is
        # kept on leaving.
        return tuple(self.query_one(selector, Input).value for selector in ("#review-win", "#review-obstacle"))

    # -- showing ------------------------------------------------------------------------------

    def refresh_data(self) -> None:
        super().refresh_data()
        if not self.is_mounted:
            return
        self._show_step_content()

    def _show_step(self) -> None:
        key = self.step_key
        review = self.review
        period = review.kind
        self.query_one("#review-step-title", Static).update(Content.assemble(
            (STEP_TITLES[key].format(period=period), "bold $text-accent"), (f"  ·  step {self.step} of {STEP_COUNT}", "$text-muted"),
        ))  # fmt: skip
        prompt = PROMPTS[key].format(period=period)
        if key == "goals" and review.kind != "week":
            prompt += HORIZON_QUESTION
        self.query_one("#review-step-prompt", Static).update(Content.styled(prompt, "$text-muted"))
        self.query_one(ContentSwitcher).current = f"step-{key}"
        self._show_step_content()
        self._focus_step()
        self.refresh_bindings()

    def _focus_step(self) -> None:
        targets = {"numbers": "#step-numbers", "goals": "#step-goals", "notes": "#review-win", "focus": "#step-focus",
                   "summary": "#review-summary-line"}  # fmt: skip
        self.query_one(targets[self.step_key]).focus()

    def _show_step_content(self) -> None:
        key = self.step_key
        if key == "numbers":
            self._show_numbers()
        elif key == "goals":
            self._show_goals()
        elif key == "notes":
            self._show_notes()
        elif key == "focus":
            self._show_focus()
        else:
            self._show_summary()

    def _show_numbers(self) -> None:
        review = self.review
        self.query_one("#review-numbers", Static).update(numbers_content(self.store, review))
        report = self.query_one("#review-report", Static)
        if review.kind == "week":
            report.display = False
            return
        from goaljournal.core.report import build_report

        period = review_period_of(review)
        text = build_report(self.store.report_data(period.first, period.last), period, today=self.today)
        report.display = True
        # The report is Markdown meant for a file: shown here as the text it is, never as markup.
        report.update(Content.assemble("\n", ("The period's report", "bold $text-accent"), "\n\n", text))

    def _show_goals(self) -> None:
        """The active goals, and those this review already paused, achieved or abandoned (shown,
        so that the decision can be changed)."""
        decided = self.store.review_decisions(self.review_id)
        since = self._progress_at_last_review()
        goals = [goal for goal in self.store.goals() if goal.status == "active" or goal.id in decided]
        widget = self.query_one(GoalDecisions)
        widget.show([(goal, decided.get(goal.id), since.get(goal.id)) for goal in goals],
                    today=self.today, week_start=self.store.week_start, horizon=self.review.kind != "week")  # fmt: skip
        widget.border_subtitle = f"{plural(len(decided), 'decision')} of {len(goals)}"

    def _progress_at_last_review(self) -> dict[int, float]:
        """Each goal's progress as the latest other finished review recorded it."""
        earlier = sorted((r for r in self.store.reviews(completed=True) if r.id != self.review_id),
                         key=lambda r: r.completed_at or "", reverse=True)  # fmt: skip
        found: dict[int, float] = {}
        for review in earlier:  # the latest first
            for goal in self.store.reviewed_goals(review.id):
                if goal.fraction is not None:
                    found.setdefault(goal.goal_id, goal.fraction)
            if found:
                break
        return found

    def _show_notes(self) -> None:
        entries = [self.store.get_entry(entry_id) for entry_id in self.store.review_entry_ids(self.review_id)]
        lines = [
            Content.assemble(("▲ win " if entry.kind == "win" else "◇ in the way ", "$text-accent"), user_content(entry.text, single_line=True))
            for entry in entries
        ]
        text = Content("\n").join(lines) if lines else Content.styled("Nothing yet: type a win above, or what got in the way.", "$text-muted")
        self.query_one("#review-notes-text", Static).update(text)

    def _focus_choices(self) -> list[tuple[Content, str]]:
        choices: list[tuple[Content, str]] = []
        for goal in self.store.goals(status="active"):
            choices.append((user_content(goal.title, style="bold", single_line=True), f"goal:{goal.id}"))
            for milestone in self.store.milestones(goal.id):
                if milestone.done_at is None:
                    due = f" · due {human_date(date.fromisoformat(milestone.due_date))}" if milestone.due_date else ""
                    choices.append((Content.assemble("    ", user_content(milestone.title, single_line=True), (due, "$text-muted")),
                                    f"milestone:{milestone.id}"))  # fmt: skip
        return choices

    def _show_focus(self) -> None:
        widget = self.query_one("#step-focus", SelectionList)
        chosen = {f"milestone:{item.milestone_id}" if item.milestone_id else f"goal:{item.goal_id}"
                  for item in self.store.review_focus(self.review_id)}  # fmt: skip
        keep = widget.highlighted or 0
        with widget.prevent(SelectionList.SelectedChanged):
            widget.clear_options()
            widget.add_options([Selection(prompt, value, value in chosen) for prompt, value in self._focus_choices()])
        if widget.option_count:
            widget.highlighted = min(keep, widget.option_count - 1)
        widget.border_subtitle = f"{len(chosen)} of {FOCUS_LIMIT} picked · space picks"

    def _show_summary(self) -> None:
        review = self.review
        self.query_one("#review-summary-text", Static).update(summary_content(self.store, review, self.today))
        earlier = self.store.review_before(review, periods=self.compare_back)
        compare = self.query_one("#review-compare", VerticalScroll)
        compare.border_title = "Compared with the one before" if self.compare_back == 1 else f"Compared with {self.compare_back} {review.kind}s ago"
        compare.border_subtitle = "c: 4 back" if self.compare_back == 1 else "c: the one before"
        self.query_one("#review-compare-text", Static).update(comparison_content(self.store, review, earlier))

    # -- keys ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_field = isinstance(self.focused, Input)
        if action == "next_step":
            return not in_field and self.step < STEP_COUNT
        if action == "previous_step":
            return not in_field and self.step > 1
        if action in ("decide", "adjust"):
            return self.step_key == "goals"
        if action in ("compare", "finish"):
            return self.step_key == "summary" and not in_field
        return True

    def _move(self, step: int) -> None:
        self._keep_summary_line()
        self.step = step
        self.attempt(self.store.set_review_step, self.review_id, step)
        self._show_step()

    def action_next_step(self) -> None:
        if self.step < STEP_COUNT:
            self._move(self.step + 1)

    def action_previous_step(self) -> None:
        if self.step > 1:
            self._move(self.step - 1)

    def _highlighted_goal(self) -> Goal | None:
        widget = self.query_one(GoalDecisions)
        if widget.highlighted is None or widget.highlighted >= len(widget.rows):
            return None
        # Read again: another window may have changed the goal since the list was drawn.
        return self.outcome(self.store.get_goal, widget.rows[widget.highlighted][0].id)

    def action_decide(self, decision: str) -> None:
        goal = self._highlighted_goal()
        if goal is None:
            return
        if decision == "abandon":
            from goaljournal.ui.shared.reason import ReasonDialog

            def reasoned(reason: str | None) -> None:
                if reason:
                    self._decide(goal, "abandon", reason=reason)

            self.app.push_screen(ReasonDialog("Abandon the goal", subject=goal.title, required=True), reasoned)
            return
        self._decide(goal, decision, reason=f"{review_name(self.review).lower()}: {decision_words(decision)}")

    def _decide(self, goal: Goal, decision: str, **kwargs: object) -> None:
        if self.attempt(self.store.decide_in_review, self.review_id, goal.id, decision, **kwargs):  # type: ignore[arg-type]
            told = DECISION_TOLD.get(decision, "adjusted; the reason is kept with the revision")
            self.journal_app.tell(f"{goal.title}: {told}")
            self._show_goals()
            self._highlight_next_undecided()

    def _highlight_next_undecided(self) -> None:
        widget = self.query_one(GoalDecisions)
        start = widget.highlighted or 0
        for index in [*range(start + 1, len(widget.rows)), *range(0, start + 1)]:
            if widget.rows[index][1] is None:
                widget.highlighted = index
                return

    def action_adjust(self) -> None:
        goal = self._highlighted_goal()
        if goal is None:
            return

        def adjusted(result: tuple[dict[str, object], str] | None) -> None:
            if result is not None:
                changes, reason = result
                self._decide(goal, "adjust", reason=reason, changes=changes)

        self.app.push_screen(AdjustDialog(goal, self.today), adjusted)

    @on(OptionList.OptionSelected, "#step-goals")
    def _open_goal(self, event: OptionList.OptionSelected) -> None:
        goal_id = int((event.option.id or "goal-0").removeprefix("goal-"))
        self.post_message(nav.OpenGoal(goal_id))

    @on(Input.Submitted, "#review-win, #review-obstacle")
    def _keep_note(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:  # nothing more to say here: on to what got in the way, then the next step
            if event.input.id == "review-win":
                self.query_one("#review-obstacle", Input).focus()
            else:
                self.action_next_step()
            return
        kind = "win" if event.input.id == "review-win" else "lesson"
        if self.attempt(self.store.add_review_entry, self.review_id, text, kind=kind):
            event.input.value = ""
            self._read_tags()
            self._show_notes()

    @on(SelectionList.SelectedChanged, "#step-focus")
    def _focus_changed(self, event: SelectionList.SelectedChanged) -> None:
        widget = event.selection_list
        picked = list(widget.selected)
        if len(picked) > FOCUS_LIMIT:
            widget.deselect(picked[-1])
            self.journal_app.tell(f"A focus is {FOCUS_LIMIT} at most: unpick one first (space).", severity="warning")
            return
        # In the order they were picked, as SelectionList keeps them.
        items = [(what, int(number)) for what, number in (value.split(":") for value in picked)]
        if self.attempt(self.store.set_review_focus, self.review_id, items):
            widget.border_subtitle = f"{len(items)} of {FOCUS_LIMIT} picked · space picks"

    @on(Input.Submitted, "#review-summary-line")
    def _summary_submitted(self) -> None:
        self._keep_summary_line()
        self._show_summary()
        self.query_one("#review-summary", VerticalScroll).focus()

    def _keep_summary_line(self) -> None:
        line = self.query_one("#review-summary-line", Input).value.strip()
        if line != (self.review.summary or ""):
            self.attempt(self.store.set_review_summary, self.review_id, line or None)

    def action_compare(self) -> None:
        self.compare_back = 4 if self.compare_back == 1 else 1
        self._show_summary()

    def action_finish(self) -> None:
        self._keep_summary_line()
        if not self.attempt(self.store.complete_review, self.review_id):
            return
        review = self.review
        focus = self.store.review_focus(review.id)
        then = f" Next {review.kind}'s focus is on Today." if focus else ""
        self.journal_app.tell(f"{review_name(review)} saved.{then}")
        self.dismiss(None)

    def action_leave(self) -> None:
        if not self.may_discard():
            return
        self._keep_summary_line()
        if not self.review.completed_at:
            self.journal_app.tell(f"{review_name(self.review)} kept at step {self.step}: it resumes there.")
        self.dismiss(None)

