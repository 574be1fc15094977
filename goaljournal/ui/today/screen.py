"""Today, the home screen: the daily check-in in under thirty seconds, by keys alone.

Above it all, when there is any, what needs a decision (``decisions``): goals past their
deadline, at their target or quiet for three weeks, and the self-assessment when it is due.

What is due (Enter ticks a milestone or a follow-up with a person done, or unticks one ticked
today), each active goal with its progress, pace and a check-in field (`33` sets the value, `+1`
adds one; Enter saves and moves on; a goal that counts conversations says so instead), a
reflection line with `@tag` completion under a prompt of the day, the day's mood and energy, and the streak of days with a
check-in. Tab, shift+tab, up and down move from field to field.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from goaljournal.core.cadence import amount_text
from goaljournal.core.progress import LIMIT_TEXT, format_number, within_limit
from goaljournal.store import JournalError
from goaljournal.ui import nav
from goaljournal.ui.shared.checkin_doubt import ask_if_doubtful
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.widgets.entry_editor import EntryDraft, EntryEditor
from goaljournal.ui.shared.widgets.footer import KeyBar
from goaljournal.ui.shared.widgets.scale import ScalePicker
from goaljournal.ui.shared.widgets.tags import TagSuggester
from goaljournal.ui.today.decisions import DecisionList, NeedsDecision, settle
from goaljournal.ui.today.on_this_day import OnThisDay
from goaljournal.ui.today.render import REFLECTION_PROMPT, cadence_of, prompt_for, reflection_hints, streak_status
from goaljournal.ui.today.widgets import (
    CheckinInput,
    DueList,
    GoalRow,
    GoalsPanel,
    ReflectionInput,
)


def parse_checkin(raw: str) -> dict[str, float]:
    """What a check-in field asks for, as ``add_checkin`` arguments: ``33`` is ``value=33``,
    ``+2`` is ``delta=2`` (two more than the latest value, which the store reads as it writes).
    Raises ValueError for anything else."""
    text = raw.strip()
    relative = text.startswith("+")
    number = float(text[1:] if relative else text)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(text)
    return {"delta": number} if relative else {"value": number}


GOALS_HINT = "33 sets · +1 adds · enter saves"


class TodayScreen(JournalScreen[None]):
    SCREEN_NAME = "Today"
    CSS_PATH = "today.tcss"
    # On a short terminal "On this day" shows one line, leaving the due list its room.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("n", "app.new_goal", "New goal", show=True),
        Binding("ctrl+r", "focus_reflection", "Reflection", show=True),
        # ctrl+o types nothing in a field, so it works from the reflection line as from anywhere.
        Binding("ctrl+o", "next_prompt", "Another prompt", show=False),
        Binding("escape", "leave_field", "Leave field", show=False),
        # Inputs and the mood and energy pickers leave up and down alone: they move between
        # fields. The due list keeps them for its own cursor.
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._tags: list[str] = []
        self._prompts: list[str] = []
        self._prompt_turn = 0  # asks for another prompt since the screen opened

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield NeedsDecision(self.store, lambda: self.today, id="decisions-panel", classes="panel")
        with Horizontal(id="today-main"):
            with Vertical(id="due-panel", classes="panel") as due:
                due.border_title = "Due this week"
                due.border_subtitle = "enter ticks done"
                yield DueList(self.store, lambda: self.today, id="due-list")
                yield OnThisDay(self.store, lambda: self.today, id="on-this-day")
            with GoalsPanel(self.store, lambda: self.today, id="goals-panel", classes="panel") as goals:
                goals.border_title = "Active goals"
                goals.border_subtitle = GOALS_HINT
        reflection = ReflectionInput(
            placeholder=REFLECTION_PROMPT,
            id="reflection",
            suggester=TagSuggester(lambda: self._tags),
        )
        yield reflection
        with Horizontal(id="day-scores"):
            yield ScalePicker("mood", id="mood")
            yield ScalePicker("energy", id="energy")
            yield Static(id="scores-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        # JournalScreen.on_mount runs too (Textual calls the handler of every class in the MRO).
        # The day starts on the due list, not in a field: the screen keys (r, g, ...) still work.
        self.query_one(DueList).focus()

    def action_leave_field(self) -> None:
        """Escape from a field: back to the due list, where the screen keys work again."""
        self.query_one(DueList).focus()

    # -- reading ----------------------------------------------------------------------------

    def title_status(self) -> str:
        return streak_status(self.store, self.today)

    def refresh_data(self) -> None:
        super().refresh_data()
        self._tags = [name for name, _ in self.store.tag_counts()]
        self._show_decisions()
        self._show_due()
        self._show_goals()
        self._show_scores()
        self._show_written()
        self.query_one(OnThisDay).show()
        self._prompts = [prompt.text for prompt in self.store.reflection_prompts()]
        self._show_prompt()

    def _show_prompt(self) -> None:
        reflection = self.query_one("#reflection", ReflectionInput)
        reflection.show_prompt(prompt_for(self._prompts, self.today, self._prompt_turn), another=len(self._prompts) > 1)

    def action_next_prompt(self) -> None:
        """Offer the next prompt; the entry is saved as written either way."""
        self._prompt_turn += 1
        self._show_prompt()

    def _show_decisions(self) -> None:
        section = self.query_one(NeedsDecision)
        had_focus = isinstance(self.focused, DecisionList)
        section.show()
        if had_focus and not section.display:  # the last one settled: back where the day starts
            self.query_one(DueList).focus()

    def _show_due(self) -> None:
        self.query_one(DueList).show()

    def _show_goals(self) -> None:
        panel = self.query_one(GoalsPanel)
        panel.border_subtitle = GOALS_HINT
        panel.show()

    def _show_scores_hint(self, *, saved: bool = False) -> None:
        hint = Content.styled("1–5 sets · ←/→ change · 0 clears", "$text-muted")
        if saved:
            hint = Content.assemble(("✓ reflection saved", "$text-success"), (" · now mood and energy: ", "$text-muted"), hint)
        self.query_one("#scores-hint", Static).update(hint)

    def _show_scores(self) -> None:
        self._show_scores_hint()
        scores = self.store.day_scores(self.today)
        for picker, value in (("#mood", scores and scores.mood), ("#energy", scores and scores.energy)):
            self.query_one(picker, ScalePicker).set_reactive(ScalePicker.value, value or None)
            self.query_one(picker, ScalePicker).refresh()

    def _refresh_header(self) -> None:
        JournalScreen.refresh_data(self)

    # -- writing ----------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#due-list")
    def toggle_milestone(self, event: OptionList.OptionSelected) -> None:
        if not event.option.id:
            return
        if event.option.id.startswith("focus-"):
            self._open_focus(event.option.id)
            return
        if event.option.id.startswith("follow-up-"):
            self.toggle_follow_up(event.option.id)
            return
        done = event.option.id.endswith("-done")
        milestone_id = int(event.option.id.removeprefix("milestone-").removesuffix("-done"))
        if self.attempt(self.store.set_milestone_done, milestone_id, None if done else self.today):
            before = self.today if done else None  # a ticked one on this list was ticked today
            self.remember("reopening the milestone" if done else "ticking the milestone done",
                          lambda: self.store.set_milestone_done(milestone_id, before))  # fmt: skip
            self.journal_app.tell("Milestone reopened." if done else "Milestone done. Well done!")
        self._show_due()
        self._show_goals()
        self._show_decisions()

    def _open_focus(self, option_id: str) -> None:
        """Enter on the focus: the goal's page (a milestone's goal's)."""
        number = int(option_id.rsplit("-", 1)[1])
        try:
            goal_id = self.store.get_milestone(number).goal_id if option_id.startswith("focus-milestone-") else number
        except JournalError as err:
            self.journal_app.tell(str(err), severity="warning")
            return
        self.post_message(nav.OpenGoal(goal_id))

    def toggle_follow_up(self, option_id: str) -> None:
        done = option_id.endswith("-done")
        interaction_id = int(option_id.removeprefix("follow-up-").removesuffix("-done"))
        if self.attempt(self.store.set_follow_up_done, interaction_id, None if done else self.today):
            before = self.today if done else None
            self.remember("opening the follow-up again" if done else "ticking the follow-up done",
                          lambda: self.store.set_follow_up_done(interaction_id, before))  # fmt: skip
            self.journal_app.tell("Follow-up open again." if done else "Follow-up done.")
        self._show_due()

    @on(Input.Submitted, ".checkin")
    def check_in(self, event: Input.Submitted) -> None:
        row = next(widget for widget in event.input.ancestors if isinstance(widget, GoalRow))
        raw = event.value.strip()
        if not raw:  # an empty field: nothing to record today, go on to the next
            self.focus_next()
            return
        try:
            amount = parse_checkin(raw)
        except ValueError:
            self.journal_app.tell(f"'{raw}' is not a number: type 33 to set the value, +1 to add one", severity="warning")
            return
        field = event.input
        try:
            goal = self.store.get_goal(row.goal.id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            return
        relative = "delta" in amount
        added_to = (goal.current if goal.current is not None else goal.baseline or 0.0) if relative else None

        def save(number: float) -> None:
            self._save_checkin(row, field, {"delta" if relative else "value": number})

        typed = amount["delta"] if relative else amount["value"]
        # A value the store would refuse is said before anything asks whether it was meant.
        resulting = typed + added_to if added_to is not None and goal.cadence is None else typed
        if not within_limit(resulting):
            self.journal_app.tell(f"'{raw}' is too large: a check-in value must be {LIMIT_TEXT}", severity="warning")
            return
        ask_if_doubtful(self.app, goal, raw, typed, added_to=added_to, save=save, back=field.focus)

    def _save_checkin(self, row: GoalRow, field: Input, amount: dict[str, float]) -> None:
        added: list[int] = []
        set_to, delta = amount.get("value"), amount.get("delta")
        if not self.attempt(lambda: added.append(self.store.add_checkin(row.goal.id, set_to, delta=delta, at=self.today))):
            return
        field.value = ""
        goal = self.store.get_goal(row.goal.id)
        unit = f" {goal.unit}" if goal.unit else ""
        value = format_number(self.store.get_checkin(added[0]).value)
        self.remember(f"the check-in of {value}{unit} on {goal.title}", lambda: self.store.trash("checkins", added[0]))
        cadence = cadence_of(goal)
        if cadence is not None:
            said = f"+{value} · {amount_text(goal.current or 0.0, goal.target, cadence, goal.unit)}"
        else:
            said = f"{value}{unit}"
        row.show(goal, checked_today=True)
        self._refresh_header()
        self._show_decisions()
        self.focus_next()
        # In the next goal's field `u` undoes; in the reflection box it is a letter.
        undo = "u undoes" if isinstance(self.focused, CheckinInput) else "esc, u undoes"
        # Said on the goals' own border, below the fields: a toast would sit over the reflection
        # line. The goal's title first when there is room for it and the amount.
        panel = self.query_one(GoalsPanel)
        room = panel.size.width - 6 - len(undo) - 5
        if len(goal.title) + 2 + len(said) <= room:
            said = f"{goal.title}: {said}"
        panel.border_subtitle = Content.assemble(("✓ ", "$text-success"), user_content(said, single_line=True, width=max(room, 8)), f" · {undo}")

    @on(Input.Submitted, "#reflection")
    def save_reflection(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            self.focus_next()
            return
        if not self.attempt(self.store.add_entry, text):
            return
        event.input.value = ""
        self._tags = [name for name, _ in self.store.tag_counts()]
        # Said on the line itself, where the user is looking (a toast would cover it), and again
        # beside mood and energy, where Enter goes on to, as it does from a check-in field.
        self._show_written(saved=text)
        self._show_scores_hint(saved=True)
        self.focus_next()

    @on(ReflectionInput.MultiLinePaste)
    def write_in_the_editor(self, event: ReflectionInput.MultiLinePaste) -> None:
        reflection = self.query_one("#reflection", Input)

        def save(draft: EntryDraft | None) -> None:
            if draft is None:
                return
            if self.attempt(
                self.store.add_entry, draft.text, kind=draft.kind, starred=draft.starred, goal_ids=draft.goal_ids
            ):
                reflection.value = ""
                self._show_written(saved=draft.text)

        goals = [(goal.id, goal.title) for goal in self.store.goals(status="active")]
        editor = EntryEditor(
            EntryDraft(event.text), title="Today's reflection", tags=self._tags, goals=goals,
            templates=self.store.entry_templates(), text_unsaved=True,
        )  # fmt: skip
        self.app.push_screen(editor, save)

    def _show_written(self, *, saved: str | None = None) -> None:
        """What was written today, on the reflection line: how many entries and the latest, or
        ``saved`` just now."""
        reflection = self.query_one("#reflection", ReflectionInput)
        written = self.store.entries(date_from=self.today, date_to=self.today, limit=1, links=False)
        count = self.store.count_entries(date_from=self.today, date_to=self.today) if written else 0
        reflection.placeholder, reflection.border_subtitle = reflection_hints(written[0].text if written else None, count, saved=saved is not None)

    @on(ScalePicker.Changed)
    def save_score(self, event: ScalePicker.Changed) -> None:
        name = event.picker.id or ""
        if not self.attempt(self.store.set_day_scores, self.today, **{name: event.value}):
            self._show_scores()
            return
        self._refresh_header()

    @on(DecisionList.Chosen)
    def decide(self, event: DecisionList.Chosen) -> None:
        # A goal's decision is made in a dialog: its goals are read again when Today resumes from
        # it (re-reading them here too would rebuild the goal rows twice at once).
        settle(self, event.decision, event.action, self._show_decisions)

    def action_focus_reflection(self) -> None:
        self.query_one("#reflection", Input).focus()
