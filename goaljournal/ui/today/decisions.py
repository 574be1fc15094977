"""Today's "Needs a decision" section: goals past their deadline, at their target or quiet for
three weeks, and the self-assessment when it is due, one line each with the keys that settle it.

``x`` extends the deadline (a new day and a reason), ``d`` marks the goal achieved ("done"), ``b``
abandons it (with a reason), ``s`` pauses it, ``z`` puts the prompt away for a week; ``enter``
opens the goal, or starts the self-assessment. Each change is kept as a revision with its reason.
The section hides itself when nothing needs deciding.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.dates import day_or_phrase, human_date, human_day
from goaljournal.core.decisions import PAST_DEADLINE, REVIEW_DUE, SNOOZE_DAYS, Decision
from goaljournal.core.models import Goal
from goaljournal.core.words import extend_examples, new_deadline_problem
from goaljournal.store import Store
from goaljournal.ui import nav
from goaljournal.ui.shared.reason import ReasonDialog
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.unsaved import UnsavedTextGuard
from goaljournal.ui.shared.widgets.fitted_list import FittedList
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.today.render import KEYS, decision_line, situation

if TYPE_CHECKING:
    from goaljournal.ui.shared.screen import JournalScreen

# The key each action is bound to, as KEYS offers it on a prompt's line.
ACTIONS = {"extend": "x", "achieve": "d", "abandon": "b", "pause": "s"}


class DecisionList(FittedList):
    """The prompts, one line each; the keys act on the highlighted one."""

    BINDINGS = [
        Binding("x", "decide('extend')", "Extend", show=False),
        Binding("d", "decide('achieve')", "Achieved", show=False),
        Binding("b", "decide('abandon')", "Abandon", show=False),
        Binding("s", "decide('pause')", "Pause", show=False),
        Binding("z", "later", "Later", show=False),
    ]

    class Chosen(Message):
        """A key was pressed on a prompt: ``action`` is one of ACTIONS, "later" (z) or "open" (enter)."""

        def __init__(self, decision: Decision, action: str) -> None:
            super().__init__()
            self.decision = decision
            self.action = action

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.decisions: list[Decision] = []
        self.session_open = False

    @property
    def current(self) -> Decision | None:
        index = self.highlighted
        return self.decisions[index] if index is not None and index < len(self.decisions) else None

    def show(self, decisions: list[Decision], *, session_open: bool) -> None:
        """List ``decisions``, keeping the cursor where it was (or on the last line)."""
        self.decisions, self.session_open = decisions, session_open
        self.refill()

    def lines(self, width: int) -> list[Option]:
        return [Option(decision_line(d, width, session_open=self.session_open), id=f"{d.prompt}-{d.subject_id}") for d in self.decisions]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "decide":
            return True
        decision = self.current
        offered = {key for key, _ in KEYS.get(decision.prompt, ())} if decision else set()
        return ACTIONS.get(str(parameters[0])) in offered

    def action_decide(self, action: str) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current, action))

    def action_later(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current, "later"))

    @on(OptionList.OptionSelected)
    def _opened(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.current is not None:
            self.post_message(self.Chosen(self.current, "open"))


class NeedsDecision(Vertical):
    """The section around the list, hidden while it is empty. ``today`` is read each time it shows:
    the day turns while the app runs."""

    def __init__(self, store: Store, today: Callable[[], date], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.store = store
        self.today = today

    def compose(self) -> ComposeResult:
        yield DecisionList(id="decision-list")

    def on_mount(self) -> None:
        self.border_title = "Needs a decision"
        self._hint(inside=False)

    def on_descendant_focus(self) -> None:
        self._hint(inside=True)

    def on_descendant_blur(self) -> None:
        self._hint(inside=False)

    def _hint(self, *, inside: bool) -> None:
        # Today starts on the due list: from there, the decisions are one shift+tab away.
        way = "escape back" if inside else "shift+tab to choose"
        self.border_subtitle = f"{way} · enter opens · z: away for {SNOOZE_DAYS} days"

    def show(self) -> None:
        """Read what needs a decision today, and show it (or hide the section)."""
        every = self.app.preferences.assessment_interval_days  # type: ignore[attr-defined]
        decisions = self.store.needed_decisions(self.today(), assessment_every=every)
        self.display = bool(decisions)
        self.query_one(DecisionList).show(decisions, session_open=self.store.assessment_in_progress() is not None)


# -- the small forms a decision asks for ----------------------------------------------------


class ExtendDialog(UnsavedTextGuard, ModalScreen[tuple[date, str] | None]):
    """A goal's new deadline (a date or a phrase: "2027-01-31", "in a month", "end of Q1") and
    why; dismisses with both, or None."""

    CSS_PATH = "today.tcss"
    SAVE_KEY = "enter"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, goal: Goal, today: date) -> None:
        super().__init__()
        self.goal = goal
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="extend-dialog", classes="decision-dialog") as dialog:
            dialog.border_title = "Extend the deadline"
            was = human_day(self.goal.deadline) if self.goal.deadline else "none"
            yield Static(Content.assemble(user_content(self.goal.title, style="bold", single_line=True, width=50), f" · was due {was}"))
            yield Label(Content("New deadline"))
            yield SafeInput(placeholder=f"a date or a phrase: {extend_examples(self.today)}", id="extend-day")
            yield Static(id="extend-day-shown", classes="hint")
            yield Label(Content("Why? A few words, kept with the revision"))
            yield SafeInput(placeholder="e.g. the course moved to January", id="extend-reason")
            yield Label(Content("enter next / save · escape cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#extend-day", Input).focus()
        self._show_day()

    def _day(self) -> date | None:
        return day_or_phrase(self.query_one("#extend-day", Input).value.strip(), self.today)

    def _problem(self, day: date | None) -> str | None:
        problem = new_deadline_problem(day, self.today)
        if problem is not None or day is None:
            return problem
        if self.goal.deadline and day.isoformat() <= self.goal.deadline:
            return f"{human_date(day)} is no later than the deadline"
        return None

    @on(Input.Changed, "#extend-day")
    def _show_day(self) -> None:
        shown = self.query_one("#extend-day-shown", Static)
        if not self.query_one("#extend-day", Input).value.strip():
            shown.update(Content(""))
            return
        day = self._day()
        problem = self._problem(day)
        if problem or day is None:
            shown.update(Content.styled(problem or "", "$text-error"))
        else:
            shown.update(Content(f"→ {human_date(day, '%a %d %b %Y')}"))

    @on(Input.Submitted, "#extend-day")
    def _next(self) -> None:
        self.query_one("#extend-reason", Input).focus()

    @on(Input.Submitted, "#extend-reason")
    def _submitted(self) -> None:
        day = self._day()
        problem = self._problem(day)
        if problem or day is None:
            self.app.notify(f"New deadline: {problem}", severity="warning", markup=False)
            self.query_one("#extend-day", Input).focus()
            return
        reason = self.query_one("#extend-reason", Input).value.strip()
        if not reason:
            self.app.notify("Say in a few words why: it is kept with the revision.", severity="warning", markup=False)
            return
        self.dismiss((day, reason))


# -- carrying a decision out ------------------------------------------------------------------


def snooze(screen: JournalScreen, decision: Decision, then: Callable[[], None]) -> None:
    """Put the prompt away for SNOOZE_DAYS."""
    until = screen.today + timedelta(days=SNOOZE_DAYS)
    if screen.attempt(screen.store.snooze_prompt, decision.prompt, decision.subject_id, until):
        # A prompt put away until today shows today: that is how `u` brings it back.
        back = (decision.prompt, decision.subject_id, screen.today)
        screen.remember("putting the prompt away", lambda: screen.store.snooze_prompt(*back))
        screen.journal_app.tell(f"Put away until {human_date(until, '%a %d %b')}.")
        then()


def settle(screen: JournalScreen, decision: Decision, action: str, then: Callable[[], None]) -> None:
    """Carry out ``action`` (one of ACTIONS, "later" or "open") on ``decision``, asking for what it
    needs first; ``then`` runs once the journal has changed."""
    goal = decision.goal
    if action == "later":
        snooze(screen, decision, then)
        return
    if action == "open":
        if decision.prompt == REVIEW_DUE:
            screen.post_message(nav.StartReview(decision.review_kind or "week"))
        else:
            screen.post_message(nav.StartAssessment() if goal is None else nav.OpenGoal(goal.id))
        return
    if goal is None:
        return

    def done(message: str) -> None:
        screen.journal_app.tell(f"{goal.title}: {message}")
        then()

    if action == "extend":

        def extended(choice: tuple[date, str] | None) -> None:
            if choice is not None and screen.attempt(screen.store.extend_deadline, goal.id, choice[0], choice[1]):
                screen.remember(f"extending the deadline of {goal.title}",
                                lambda: screen.store.update_goal(goal.id, deadline=goal.deadline, reason="undone"))  # fmt: skip
                done(f"now due {human_date(choice[0])}; the reason is kept with the revision.")

        screen.app.push_screen(ExtendDialog(goal, screen.today), extended)
        return
    change = {
        "achieve": ("Mark achieved", screen.store.mark_goal_achieved, False, "achieved. Well done!"),
        "abandon": ("Abandon the goal", screen.store.abandon_goal, True, "abandoned; the reason is kept with the revision."),
        "pause": ("Pause the goal", screen.store.pause_goal, False, "paused; S on Goals makes it active again."),
    }  # fmt: skip
    if action not in change:
        return
    heading, write, required, message = change[action]
    # What called for the decision is a fair reason to keep, offered for the user to keep or edit.
    suggested = "" if decision.prompt == PAST_DEADLINE or action == "abandon" else situation(decision)

    def reasoned(reason: str | None) -> None:
        if reason is not None and screen.attempt(write, goal.id, reason):
            screen.remember(f"{heading.lower()} ({goal.title})",
                            lambda: screen.store.update_goal(goal.id, status=goal.status, reason="undone"))  # fmt: skip
            done(message)

    screen.app.push_screen(ReasonDialog(heading, subject=goal.title, required=required, suggested=suggested), reasoned)
