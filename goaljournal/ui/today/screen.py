"""Today, the home screen: the daily check-in in under thirty seconds, by keys alone.

Above it all, when there is any, what needs a decision (``today_decisions``): goals past their
deadline, at their target or quiet for three weeks, and the self-assessment when it is due.

What is due (Enter ticks a milestone or a follow-up with a person done, or unticks one ticked
today), each active goal with its progress, pace and a check-in field (`33` sets the value, `+1`
adds one; Enter saves and moves on; a goal that counts conversations says so instead), a
reflection line with `@tag` completion, the day's mood and energy, and the streak of days with a
check-in. Tab, shift+tab, up and down move from field to field.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.cadence import CadenceSummary, amount_text, summarise
from goaljournal.core.dates import human_date
from goaljournal.core.models import (
    CADENCES,
    PROGRESS_SOURCES,
    Goal,
    Interaction,
    Milestone,
)
from goaljournal.core.progress import (
    LIMIT_TEXT,
    format_number,
    pace_status,
    progress_fraction,
    streak,
    within_limit,
)
from goaljournal.store import JournalError
from goaljournal.ui.shared.checkin_doubt import ask_if_doubtful
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import progress_bar, user_content
from goaljournal.ui.shared.widgets.entry_editor import EntryDraft, EntryEditor
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.scale import ScalePicker
from goaljournal.ui.shared.widgets.tags import TagSuggester
from goaljournal.ui.today.decisions import DecisionList, NeedsDecision, settle

STATUS_STYLES = {"on track": "$success", "at risk": "$warning", "off track": "$error", "done": "$success", "met": "$success"}
DUE_WITHIN_DAYS = 7
# A streak longer than this is shown as "at least": the query stays small after years of use.
STREAK_WINDOW_DAYS = 3660


def _due_item(title: str, due_day: str | None, done: bool, below: Content, today: date, *, overdue: str, on_today: str, ahead: str) -> Content:
    """Two lines on the due list: a box, when it is due and what to do; then, below, what it is
    for. ``overdue`` and ``ahead`` are human_date patterns for the due date (``{days}`` is the days late)."""
    if done:
        box, when = Content.styled("☑ ", "$success"), Content.styled("done today", "$success")
        shown = user_content(title, style="strike $text-muted", single_line=True, width=34)
    else:
        due = date.fromisoformat(due_day or today.isoformat())
        if due < today:
            when = Content.styled(human_date(due, overdue).format(days=(today - due).days), "bold $error")
        elif due == today:
            when = Content.styled(on_today, "bold $warning")
        else:
            when = Content(human_date(due, ahead))
        box, shown = Content("☐ "), user_content(title, single_line=True, width=34)
    return Content.assemble(box, when.pad_right(max(1, 18 - when.cell_length)), shown, "\n" + " " * 20, below)


def due_label(milestone: Milestone, today: date) -> Content:
    """A milestone: when it is due, and below, its goal."""
    goal = user_content(milestone.goal_title or "", style="$text-muted", single_line=True, width=34)
    return _due_item(milestone.title, milestone.due_date, milestone.done, goal, today,
                     overdue="! overdue %d %b", on_today="today", ahead="%a %d %b")  # fmt: skip


def follow_up_label(follow_up: Interaction, today: date) -> Content:
    """A follow-up, like a milestone: when it is due, and below, with whom."""
    who = Content.assemble(
        (f"{follow_up.kind} with ", "$text-muted"), user_content(follow_up.person_name or "", style="$text-muted", single_line=True, width=28)
    )
    return _due_item(follow_up.follow_up or "", follow_up.follow_up_due, bool(follow_up.follow_up_done), who, today,
                     overdue="! overdue {days} d", on_today="due today", ahead="due %a %d")  # fmt: skip


def counted_amount(goal: Goal) -> str:
    """``2 of 5 new people met (@hr)``: the count first, so a narrow panel cuts the label; a goal
    with a cadence counts its period: ``1 of 2 events attended this month``."""
    label = PROGRESS_SOURCES.get(goal.progress_from or "", goal.progress_from or "")
    tag = f" (@{goal.progress_tag})" if goal.progress_tag else ""
    if goal.cadence in CADENCES:
        return amount_text(goal.current or 0.0, goal.target, goal.cadence, label) + tag  # type: ignore[arg-type]
    current = goal.current if goal.current is not None else (goal.baseline or 0.0)
    amount = f"{format_number(current)} of {format_number(goal.target)}" if goal.target is not None else f"{format_number(current)} so far"
    return f"{amount} {label}{tag}"


def cadence_lines(goal: Goal, summary: CadenceSummary, width: int) -> tuple[str, str]:
    """A cadence goal's two lines: ``2 of 5 client reports this week`` (the unit left out when
    the line has no room for it) and ``3 weeks in a row · 4 of 6 weeks met``, as much as fits."""
    amount = summary.this_period(goal.unit or goal.metric)
    if len(amount) > width:
        amount = summary.this_period()
    parts = [part for part in (summary.streak_text(), summary.met_text()) if part]
    kept = [parts[0]]
    for part in parts[1:]:
        if len(" · ".join([*kept, part])) <= width:
            kept.append(part)
    return amount, " · ".join(kept)


# Where a counted goal has no check-in field, it says how its progress is logged instead.
COUNTED_HINT = Content.styled("from conversations · log one: p, or goaljournal met NAME", "$text-muted")


def milestone_progress(goal: Goal, milestones: list[Milestone]) -> Goal:
    """A goal without a numeric target, measured by its milestones done out of all of them, so
    that its bar and pace read like any other goal's."""
    done = sum(milestone.done for milestone in milestones)
    return replace(goal, baseline=0.0, target=float(len(milestones)), current=float(done))


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


class CheckinInput(Input):
    """A goal's check-in field. It takes numbers only, so `u` here is the screen's undo (of the
    check-in just saved, say) rather than a letter the field would refuse."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "u":
            event.stop()
            event.prevent_default()
            await self.screen.run_action("undo")


class GoalRow(Horizontal):
    """One active goal: title, progress bar and pace, numbers, and its check-in field."""

    def __init__(self, goal: Goal) -> None:
        # A goal that counts conversations has no field: the store refuses a typed check-in.
        self.counted = goal.progress_from is not None
        # A goal with a cadence has a line more: this period's total, then its streak.
        self.rated = goal.cadence in CADENCES
        classes = ["goal-row"] + ["counted"] * self.counted + ["rated"] * self.rated
        super().__init__(classes=" ".join(classes))
        self.goal = goal

    def compose(self) -> ComposeResult:
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
        )

    def on_mount(self) -> None:
        self.show(self.goal)

    def on_resize(self) -> None:
        # Titles are cut to the width there is, so they never wrap into the lines below.
        self.show(self.goal)

    def show(self, goal: Goal) -> None:
        self.goal = goal
        summaries = self.query(".goal-summary").results(Static)
        summary = next(summaries, None)
        if summary is None:
            return  # removed before it was shown: a rebuild of the rows put a newer one in its place
        screen: TodayScreen = self.screen  # type: ignore[assignment]
        today = screen.today
        unit = goal.unit or goal.metric or ""
        if goal.target is None:
            milestones = screen.store.milestones(goal.id)
            measured = milestone_progress(goal, milestones) if milestones else goal
            amount = f"{int(measured.current or 0)} / {len(milestones)} milestones" if milestones else "no target yet"
        else:
            measured = goal
            current = goal.current if goal.current is not None else goal.baseline
            amount = f"{format_number(current)} / {format_number(goal.target)} {unit}".rstrip()
        if self.counted:
            amount = counted_amount(goal)
        fraction = progress_fraction(measured)
        pace = pace_status(measured, today)
        percent = f"{fraction:4.0%}" if fraction is not None else "   –"
        width = summary.content_size.width or 40
        cadence_line: tuple[str, ...] = ()
        if self.rated:
            amounts = screen.store.checkin_amounts([goal.id])[goal.id]
            periods = summarise(goal.cadence, goal.target, amounts, today, start=goal.start_date, deadline=goal.deadline)  # type: ignore[arg-type]
            amount, streak_line = cadence_lines(goal, periods, width)
            if self.counted:
                amount = counted_amount(goal)
            cadence_line = ("\n", streak_line)
        if not goal.deadline:
            deadline = ("no deadline", "$text-muted")
        elif goal.deadline < today.isoformat():
            deadline = (f"was due {human_date(date.fromisoformat(goal.deadline))}", "$error")
        else:
            deadline = (f"by {human_date(date.fromisoformat(goal.deadline))}", "$text-muted")
        # "✓ today" is for a typed check-in; a counted goal's come from conversations.
        checked = ("  ✓ today", "$success") if goal.current_at == today.isoformat() and not self.counted else ""
        # The bar gives way to the percentage and the pace, so the line never wraps into the next.
        bar = max(min(16, width - len(percent) - len(pace or "") - 3), 4)
        if self.rated:  # its own line for this period's amount; the deadline goes under it
            amount_line = user_content(amount, single_line=True, width=width)
            deadline_room = width - len(cadence_line[1]) - 3
            tail = (" · ", deadline) if deadline_room >= len(deadline[0]) else ()
            details: tuple[object, ...] = (amount_line, *cadence_line, *tail)
        else:
            details = (
                user_content(amount, single_line=True, width=max(width - len(deadline[0]) - 3 - len(checked and checked[0]), 8)),
                " · ",
                deadline,
                checked,
            )
        summary.update(
            Content.assemble(
                user_content(goal.title, style="bold", single_line=True, width=width),
                "\n",
                (progress_bar(fraction, bar), "$accent"),
                f" {percent}  ",
                (pace or "", STATUS_STYLES.get(pace or "", "")),
                "\n",
                *details,  # type: ignore[arg-type]
                *(("\n", COUNTED_HINT.truncate(width, ellipsis=True)) if self.counted else ()),
            )
        )


class ReflectionInput(SafeInput):
    """The one-line reflection box. A paste of several lines would lose all but the first in an
    Input, so it goes to the full editor instead, with what was typed so far."""

    class MultiLinePaste(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def _on_paste(self, event: events.Paste) -> None:
        if len(event.text.splitlines()) > 1:
            event.stop()
            event.prevent_default()  # Input's own handler would keep the first line only
            self.post_message(self.MultiLinePaste(self.value + event.text))


class GoalsPanel(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The active goals. Not a stop of its own when tabbing, and without VerticalScroll's
    arrow keys: up and down move between check-in fields, and the panel scrolls to follow."""


class TodayScreen(JournalScreen):
    SCREEN_NAME = "Today"
    CSS_PATH = "today.tcss"
    BINDINGS = [
        Binding("ctrl+r", "focus_reflection", "Reflection", show=False),
        Binding("escape", "leave_field", "Leave field", show=False),
        # Inputs and the mood and energy pickers leave up and down alone: they move between
        # fields. The due list keeps them for its own cursor.
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._tags: list[str] = []
        self._saved_today = 0

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield NeedsDecision(id="decisions-panel", classes="panel")
        with Horizontal(id="today-main"):
            with Vertical(id="due-panel", classes="panel") as due:
                due.border_title = "Due this week"
                due.border_subtitle = "enter ticks done"
                yield OptionList(id="due-list")
            with GoalsPanel(id="goals-panel", classes="panel") as goals:
                goals.border_title = "Active goals"
                goals.border_subtitle = "33 sets · +1 adds · enter saves"
        reflection = ReflectionInput(
            placeholder="A line or two on today, @tags welcome (→ completes a tag) — Enter saves",
            id="reflection",
            suggester=TagSuggester(lambda: self._tags),
        )
        reflection.border_title = "Reflection"
        yield reflection
        with Horizontal(id="day-scores"):
            yield ScalePicker("mood", id="mood")
            yield ScalePicker("energy", id="energy")
            yield Static(Content.styled("1–5 sets · ←/→ change · 0 clears", "$text-muted"), id="scores-hint")
        yield Footer()

    def on_mount(self) -> None:
        # JournalScreen.on_mount runs too (Textual calls the handler of every class in the MRO).
        # The day starts on the due list, not in a field: the screen keys (r, g, ...) still work.
        self.query_one("#due-list", OptionList).focus()

    def action_leave_field(self) -> None:
        """Escape from a field: back to the due list, where the screen keys work again."""
        self.query_one("#due-list", OptionList).focus()

    # -- reading ----------------------------------------------------------------------------

    def title_status(self) -> str:
        days = self.store.active_days(since=self.today - timedelta(days=STREAK_WINDOW_DAYS))
        count = streak(days, self.today)
        return f"check-in streak {count} day{'s' if count != 1 else ''}"

    def refresh_data(self) -> None:
        super().refresh_data()
        self._tags = [name for name, _ in self.store.tag_counts()]
        self._show_decisions()
        self._show_due()
        self._show_goals()
        self._show_scores()

    def _show_decisions(self) -> None:
        section = self.query_one(NeedsDecision)
        had_focus = self.focused is not None and self.focused in section.query(DecisionList)
        section.show(self.store.needed_decisions(self.today), session_open=self.store.assessment_in_progress() is not None)
        if had_focus and not section.display:  # the last one settled: back where the day starts
            self.query_one("#due-list", OptionList).focus()

    def _show_due(self) -> None:
        due_list = self.query_one("#due-list", OptionList)
        keep = due_list.highlighted
        until = self.today + timedelta(days=DUE_WITHIN_DAYS)
        milestones = self.store.milestones_for_today(self.today, until=until)
        follow_ups = self.store.follow_ups_due(until, done_on=self.today)
        due_list.clear_options()
        if not milestones and not follow_ups:
            due_list.add_option(Option(Content.styled("Nothing due this week.", "$text-muted italic"), disabled=True))
            return
        due_list.add_options(
            Option(due_label(m, self.today), id=f"milestone-{m.id}" + ("-done" if m.done else "")) for m in milestones
        )
        if follow_ups:
            # One list, so the daily keys stay as they were: the follow-ups come after the
            # milestones, under a heading the cursor steps over.
            due_list.add_option(Option(Content.styled("Follow-ups with people", "bold $accent"), id="follow-ups", disabled=True))
            due_list.add_options(
                Option(follow_up_label(f, self.today), id=f"follow-up-{f.id}" + ("-done" if f.follow_up_done else ""))
                for f in follow_ups
            )
        chosen = min(keep or 0, due_list.option_count - 1)
        if due_list.get_option_at_index(chosen).disabled:  # the heading: the first follow-up below it
            chosen = min(chosen + 1, due_list.option_count - 1)
        due_list.highlighted = chosen

    def _show_goals(self) -> None:
        panel = self.query_one("#goals-panel", GoalsPanel)
        goals = self.store.goals(status="active")
        rows = {row.goal.id: row for row in panel.query(GoalRow)}
        # A goal that started or stopped counting conversations (or a cadence) needs its row built anew.
        shown = {(row.goal.id, row.counted, row.rated) for row in rows.values()}
        if rows and shown == {(goal.id, goal.progress_from is not None, goal.cadence in CADENCES) for goal in goals}:
            for goal in goals:
                rows[goal.id].show(goal)
            return
        panel.remove_children()
        if not goals:
            panel.mount(
                Static(
                    Content.styled(
                        "No active goals yet. Press g, then n, to draft one\n"
                        "(the SMART coach helps as you type).",
                        "$text-muted italic",
                    )
                )
            )
        panel.mount_all(GoalRow(goal) for goal in goals)

    def _show_scores(self) -> None:
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
        row = event.input.parent
        assert isinstance(row, GoalRow)
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
        resulting = typed + added_to if relative and added_to is not None and goal.cadence is None else typed
        if not within_limit(resulting):
            self.journal_app.tell(f"'{raw}' is too large: a check-in value must be {LIMIT_TEXT}", severity="warning")
            return
        ask_if_doubtful(self.app, goal, raw, typed, added_to=added_to, save=save, back=field.focus)

    def _save_checkin(self, row: GoalRow, field: Input, amount: dict[str, float]) -> None:
        added: list[int] = []
        if not self.attempt(lambda: added.append(self.store.add_checkin(row.goal.id, **amount, at=self.today))):
            return
        field.value = ""
        goal = self.store.get_goal(row.goal.id)
        unit = f" {goal.unit}" if goal.unit else ""
        value = format_number(self.store.get_checkin(added[0]).value)
        self.remember(f"the check-in of {value}{unit} on {goal.title}", lambda: self.store.trash("checkins", added[0]))
        if goal.cadence in CADENCES:
            total = amount_text(goal.current or 0.0, goal.target, goal.cadence, goal.unit)  # type: ignore[arg-type]
            said = f"{goal.title}: +{value} · {total}"
        else:
            said = f"{goal.title}: {value}{unit}"
        row.show(goal)
        self._refresh_header()
        self._show_decisions()
        self.focus_next()
        # In the next goal's field `u` undoes; in the reflection box it is a letter.
        undo = "u undoes" if isinstance(self.focused, CheckinInput) else "escape, then u undoes"
        self.journal_app.tell(f"{said} ({undo})")

    @on(Input.Submitted, "#reflection")
    def save_reflection(self, event: Input.Submitted) -> None:
        text = event.value
        if not text.strip():
            self.focus_next()
            return
        if not self.attempt(self.store.add_entry, text):
            return
        event.input.value = ""
        self._saved_today += 1
        event.input.border_subtitle = f"saved · {self._saved_today} today · r opens the log"
        self.journal_app.tell("Reflection saved.")
        self._tags = [name for name, _ in self.store.tag_counts()]
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
                self._saved_today += 1
                reflection.border_subtitle = f"saved · {self._saved_today} today · r opens the log"
                self.journal_app.tell("Reflection saved.")

        goals = [(goal.id, goal.title) for goal in self.store.goals(status="active")]
        self.app.push_screen(EntryEditor(EntryDraft(event.text), title="Today's reflection", tags=self._tags, goals=goals, text_unsaved=True), save)

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
