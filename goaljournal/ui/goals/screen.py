"""Goals: the list (filtered by status, category and horizon, long-term goals over their stepping
stones), the selected goal's detail beside it, and a goal's own screen with its milestones."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Static
from textual.widgets.data_table import RowDoesNotExist

from goaljournal.core.cadence import (
    NOUNS,
    CadenceSummary,
    count_words,
    period_name,
    rate_text,
    summarise,
)
from goaljournal.core.dates import human_date
from goaljournal.core.models import (
    CADENCES,
    CATEGORIES,
    HORIZONS,
    PROGRESS_SOURCES,
    CheckIn,
    Goal,
)
from goaljournal.core.progress import (
    format_number,
    goal_horizon,
    pace_status,
    progress_fraction,
    sparkline,
)
from goaljournal.core.smart import SmartReport
from goaljournal.store import JournalError, Store
from goaljournal.store.goals import GOAL_FIELDS
from goaljournal.ui.goals.checkins import CheckinForm, CheckinList
from goaljournal.ui.goals.draft import (
    DraftMilestone,
    GoalDraftScreen,
    MilestoneList,
    SmartPanel,
    StatusDialog,
    goal_report,
    smart_marks,
    stored_milestones,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import progress_bar, user_cell, user_content

# "all" first, then the filter people want most.
FILTERS = ("all", "active", "draft", "paused", "achieved", "abandoned")
CATEGORY_FILTERS = ("all", *CATEGORIES)
HORIZON_FILTERS = ("all", *HORIZONS)
STATUS_STYLES = {"active": "$accent", "draft": "$warning", "paused": "$text-muted", "achieved": "$success", "abandoned": "$text-muted"}
STATUS_ORDER = ("active", "draft", "paused", "achieved", "abandoned")
RECENT_CHECKINS = 5
# The periods a cadence goal's detail lists (newest first); the count says how many came before.
PERIODS_SHOWN = 12


def _day(text: str | None) -> str:
    return human_date(date.fromisoformat(text)) if text else "–"


def goal_detail(store: Store, goal: Goal, today: date, *, milestones: bool = True, checkins: bool = True) -> Content:
    """Everything about one goal: its numbers, SMART verdicts, milestones, check-ins and revisions
    (the goal's own screen lists milestones and check-ins apart, where they can be changed)."""
    fraction = progress_fraction(goal)
    report = goal_report(store, goal, today)
    lines: list[Content] = [
        user_content(goal.title, style="bold"),
        Content.assemble(
            (goal.status, STATUS_STYLES.get(goal.status, "$accent")),
            f" · {goal.category or 'no category'} · {goal_horizon(goal) or 'no'} horizon · ",
            smart_marks(report),
            (f" {report.met}/5", "$text-muted"),
        ),
        Content(""),
    ]
    periods = cadence_summary(store, goal, today)
    if periods is not None:
        lines += cadence_overview(goal, periods, today)
    elif goal.target is not None:
        current = goal.current if goal.current is not None else goal.baseline
        lines.append(
            Content.assemble(
                (progress_bar(fraction, 20), "$accent"),
                f" {fraction or 0:.0%}  {format_number(current)} of {format_number(goal.target)} ",
                user_content(goal.unit or "", single_line=True),
                f" (from {format_number(goal.baseline or 0)})",
                f"  {pace_status(goal, today) or ''}",
            )
        )
    if goal.metric:
        lines.append(user_content(f"Measured by: {goal.metric}", single_line=True))
    if goal.progress_from:
        lines.append(counted_text(store, goal))
    span = f"From {_day(goal.start_date)} to {_day(goal.deadline) if goal.deadline else 'no deadline'}"
    if goal.deadline and goal.status in ("active", "draft", "paused"):
        left = (date.fromisoformat(goal.deadline) - today).days
        span += f" · {left} days left" if left >= 0 else f" · {-left} days overdue"
    lines.append(Content(span))
    if goal.why:
        lines.append(user_content(f"Why it matters: {goal.why}"))
    if goal.confidence:
        lines.append(Content(f"Confidence: {'●' * goal.confidence}{'○' * (5 - goal.confidence)}"))
    if goal.parent_id is not None:
        try:
            parent = store.get_goal(goal.parent_id)
            lines.append(Content.assemble("Serves: ", user_content(f"#{parent.id} {parent.title}", single_line=True, width=70)))
        except JournalError:
            pass
    if goal.assessment_item_id is not None:
        try:
            item = store.get_assessment_item(goal.assessment_item_id)
            lines.append(Content.assemble("From the self-assessment: ", user_content(f"{item.kind}: {item.text}", single_line=True, width=70)))
        except JournalError:
            pass
    children = store.child_goals(goal.id)
    if children:
        lines += [Content(""), Content.styled(f"Stepping stones ({sum(c.status == 'achieved' for c in children)}/{len(children)} achieved)", "bold")]
        for child in children:
            share = progress_fraction(child)
            lines.append(
                Content.assemble(
                    "  ", (f"{child.status:<9}", STATUS_STYLES.get(child.status, "")), " ",
                    (f"{share:4.0%} " if share is not None else "     ", "$text-muted"),
                    user_content(child.title, single_line=True, width=48),
                )  # fmt: skip
            )
    if milestones:
        items = store.milestones(goal.id)
        lines += [Content(""), Content.styled(f"Milestones ({sum(m.done for m in items)}/{len(items)} done)", "bold")]
        for milestone in items:
            overdue = not milestone.done and milestone.due_date and milestone.due_date < today.isoformat()
            mark = ("✓", "$success") if milestone.done else (("!", "$error") if overdue else ("○", ""))
            if milestone.done:
                when = (f"done {_day(milestone.done_at)}", "$success")
            elif milestone.due_date:
                when = (f"{'overdue' if overdue else 'due'} {_day(milestone.due_date)}", "$error" if overdue else "$text-muted")
            else:
                when = ("no date", "$text-muted")
            lines.append(Content.assemble("  ", mark, " ", user_content(milestone.title, single_line=True), "  ", when))
    if periods is not None:
        lines += period_lines(goal, periods)
    made = store.checkins(goal.id) if checkins else []
    if made:
        values = [checkin.value for checkin in made]
        lines += [
            Content(""),
            Content.styled(f"Check-ins ({len(made)})", "bold"),
            Content.assemble(("  " + sparkline(values[-40:]), "$accent"), f"  latest {format_number(values[-1])} on {_day(made[-1].at)}"),
        ]
        for checkin in reversed(made[-RECENT_CHECKINS:]):
            lines.append(
                Content.assemble(
                    (f"  {_day(checkin.at)}  ", "$text-muted"), f"{format_number(checkin.value):>5}  ",
                    user_content(checkin.note, style="$text-muted", single_line=True, width=60) if checkin.note else "",
                )  # fmt: skip
            )
    talks = store.interactions(goal_id=goal.id, limit=RECENT_CHECKINS)
    if talks:
        lines += [Content(""), Content.styled("Recent conversations about this goal", "bold")]
        for talk in talks:
            said = talk.learned or talk.notes
            lines.append(
                Content.assemble(
                    (f"  {_day(talk.at)}  {talk.kind} with ", "$text-muted"),
                    user_content(talk.person_name or "", single_line=True, width=30),
                    *((": ", user_content(said, style="$text-muted", single_line=True, width=50)) if said else ()),
                )
            )
    revisions = store.revisions(goal.id)
    if revisions:
        lines += [Content(""), Content.styled("Revisions", "bold")]
        for revision in revisions:
            changes = json.loads(revision.changes)
            what = "; ".join(f"{name}: {_plain(old)} → {_plain(new)}" for name, (old, new) in changes.items())
            lines.append(user_content(f"  {revision.at[:10]}  {what}", single_line=True))
            if revision.reason:
                lines.append(user_content(f"      because {revision.reason}", style="$text-muted", single_line=True))
    return Content("\n").join(lines)


def cadence_summary(store: Store, goal: Goal, today: date) -> CadenceSummary | None:
    """A cadence goal's periods as of ``today`` (None for a goal counted as a total)."""
    if goal.cadence not in CADENCES:
        return None
    amounts = store.checkin_amounts([goal.id])[goal.id]
    return summarise(goal.cadence, goal.target, amounts, today, start=goal.start_date, deadline=goal.deadline)  # type: ignore[arg-type]


def cadence_overview(goal: Goal, periods: CadenceSummary, today: date) -> list[Content]:
    """``████░░ 40%  2 of 5 client reports this week  on track``, then the rate, the periods
    met so far and the streak."""
    fraction = progress_fraction(goal)
    unit = goal.unit or PROGRESS_SOURCES.get(goal.progress_from or "")
    lines = []
    if goal.target is not None:
        lines.append(Content.assemble((progress_bar(fraction, 20), "$accent"), f" {fraction or 0:.0%}  {pace_status(goal, today) or ''}"))
    lines.append(user_content(periods.this_period(unit), single_line=True))
    facts = [rate_text(goal.target, unit, periods.cadence), periods.met_text(), periods.streak_text()]
    lines.append(user_content(" · ".join(fact for fact in facts if fact), single_line=True))
    return lines


def period_lines(goal: Goal, periods: CadenceSummary) -> list[Content]:
    """Each period met or missed, newest first, the latest PERIODS_SHOWN of them."""
    noun = NOUNS[periods.cadence][1].capitalize()
    lines = [Content(""), Content.styled(f"{noun} ({periods.met_text()})", "bold")]
    target = f"/{format_number(goal.target)}" if goal.target is not None else ""
    shown = periods.results(limit=PERIODS_SHOWN)
    names = [period_name(result.period) for result in shown]
    room = max((len(name) for name in names), default=0)
    for result, name in zip(shown, names, strict=True):
        if result.met:
            mark, state = ("✓", "$success"), ("met", "$success")
        elif result.running:
            mark, state = ("…", "$accent"), ("under way", "$accent")
        elif result.partial:
            mark, state = ("·", "$text-muted"), ("part of it", "$text-muted")
        else:
            mark, state = ("✗", "$error"), ("missed", "$error")
        lines.append(
            Content.assemble("  ", mark, f" {name:<{room}}  {format_number(result.total):>3}{target}  ", state)
        )
    earlier = periods.period_count - PERIODS_SHOWN
    if earlier > 0:
        lines.append(Content.styled(f"  … and {count_words(earlier, periods.cadence)} before", "$text-muted"))
    return lines


def counted_text(store: Store, goal: Goal) -> Content:
    """``Counts new people met @hr: 2 of 5``, and below, ``2 counted so far``: where a counted
    goal's progress comes from, and how much of it the people log has given."""
    label = PROGRESS_SOURCES.get(goal.progress_from or "", goal.progress_from or "")
    current = goal.current if goal.current is not None else (goal.baseline or 0.0)
    amount = f": {format_number(current)} of {format_number(goal.target)}" if goal.target is not None else ""
    try:
        counted = store.count_for_goal(goal.id)
    except JournalError:
        counted = 0
    return Content.assemble(
        user_content(f"Counts {label}{f' @{goal.progress_tag}' if goal.progress_tag else ''}{amount}", single_line=True),
        (f"\n  {counted} counted so far · log with goaljournal met", "$text-muted"),
    )


def _plain(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def in_tree_order(goals: list[Goal]) -> Iterator[tuple[Goal, int]]:
    """Each goal with its depth: a goal right after the goal it serves (when both are listed)."""
    listed = {goal.id for goal in goals}
    children: dict[int, list[Goal]] = {}
    roots = []
    for goal in goals:
        if goal.parent_id in listed and goal.parent_id != goal.id:
            children.setdefault(goal.parent_id, []).append(goal)  # type: ignore[arg-type]
        else:
            roots.append(goal)
    seen: set[int] = set()

    def walk(goal: Goal, depth: int) -> Iterator[tuple[Goal, int]]:
        if goal.id in seen:  # a cycle the store refused to make, but never loop on one
            return
        seen.add(goal.id)
        yield goal, depth
        for child in children.get(goal.id, []):
            yield from walk(child, depth + 1)

    for root in roots:
        yield from walk(root, 0)
    for goal in goals:  # anything only reachable through a cycle
        if goal.id not in seen:
            yield goal, 0


class GoalsScreen(JournalScreen):
    SCREEN_NAME = "Goals"
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("n", "new_goal", "New", show=True),
        Binding("b", "new_step", "Stepping stone", show=True),
        Binding("e", "edit_goal", "Edit", show=True),
        Binding("S", "change_status", "Status…", show=True),
        Binding("s", "cycle_filter", "Status filter", show=True),
        Binding("c", "cycle_category", "Category", show=True),
        Binding("h", "cycle_horizon", "Horizon", show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = "all"
        self.category_filter = "all"
        self.horizon_filter = "all"

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="goals-main"):
            table: DataTable[Text] = DataTable(id="goal-table", cursor_type="row", zebra_stripes=True)
            yield table
            with VerticalScroll(id="goal-detail", classes="panel") as detail:
                detail.border_title = "Goal"
                yield Static(id="goal-detail-text")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "Status", "Goal", "SMART", "Progress", "Deadline")
        super().on_mount()
        table.focus()

    def title_status(self) -> str:
        extra = [value for value in (self.category_filter, self.horizon_filter) if value != "all"]
        return "filter: " + " · ".join([self.status_filter, *extra])

    def listed_goals(self) -> list[Goal]:
        status = None if self.status_filter == "all" else self.status_filter
        goals = self.store.goals(status=status)
        if self.category_filter != "all":
            goals = [goal for goal in goals if goal.category == self.category_filter]
        if self.horizon_filter != "all":
            goals = [goal for goal in goals if goal_horizon(goal) == self.horizon_filter]
        # Goals being pursued first; within a status, the store's order (soonest deadline first).
        return sorted(goals, key=lambda goal: STATUS_ORDER.index(goal.status) if goal.status in STATUS_ORDER else 9)

    def refresh_data(self, *, select: int | None = None) -> None:
        super().refresh_data()
        table = self.query_one(DataTable)
        selected = table.cursor_row
        if select is None and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            select = int(key) if key else None
        table.clear()
        accent = self.app.theme_variables.get("accent", "")
        # The title takes what the other columns leave (id, status, SMART, progress, deadline
        # and the cells' padding need about 45 cells).
        title_width = max(24, (table.size.width or 76) - 45)
        for goal, depth in in_tree_order(self.listed_goals()):
            fraction = progress_fraction(goal)
            indent = "  " * (depth - 1) + "└ " if depth else ""
            marks = self._marks(goal_report(self.store, goal, self.today))
            table.add_row(
                Text(str(goal.id), style="dim"),
                Text(goal.status),
                user_cell(indent + goal.title, width=title_width),
                marks,
                Text(f"{progress_bar(fraction, 5)} {fraction:4.0%}", style=accent) if fraction is not None else Text(""),
                Text(human_date(date.fromisoformat(goal.deadline), '%d %b %y') if goal.deadline else ""),
                key=str(goal.id),
            )
        if table.row_count:
            row = selected
            if select is not None:
                try:
                    row = table.get_row_index(str(select))
                except RowDoesNotExist:  # filtered out: keep the place
                    row = selected
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_detail()

    def _marks(self, report: SmartReport) -> Text:
        """S M A R T for a table cell, coloured by verdict (a lower-case letter is not met)."""
        colours = self.app.theme_variables
        styles = {True: f"bold {colours.get('success', 'green')}", False: colours.get("error", "red"), None: "dim"}
        marks = Text(no_wrap=True)
        for (_, verdict), letter in zip(report.criteria, "SMART", strict=True):
            marks.append(letter if verdict.ok is not False else letter.lower(), style=styles[verdict.ok])
        return marks

    def on_resize(self) -> None:
        if self.is_mounted:
            self.refresh_data()

    @on(DataTable.RowHighlighted, "#goal-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#goal-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is not None:
            self.app.push_screen(GoalDetailScreen(goal_id))

    def highlighted_goal_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def _show_detail(self) -> None:
        detail = self.query_one("#goal-detail-text", Static)
        goal_id = self.highlighted_goal_id()
        if goal_id is None:
            detail.update(Content.styled("No goals here yet. Press n to draft one.", "$text-muted italic"))
            return
        try:
            detail.update(goal_detail(self.store, self.store.get_goal(goal_id), self.today))
        except JournalError as err:
            detail.update(user_content(str(err), style="$error"))

    def _open_draft(self, screen: GoalDraftScreen) -> None:
        def done(goal_id: int | None) -> None:
            if goal_id is not None:
                self.refresh_data(select=goal_id)

        self.app.push_screen(screen, done)  # type: ignore[arg-type]

    def action_new_goal(self) -> None:
        self._open_draft(GoalDraftScreen())

    def action_new_step(self) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is None:
            self.journal_app.tell("Pick the longer-term goal first; b adds a stepping stone under it.")
            return
        self._open_draft(GoalDraftScreen(parent_id=goal_id))

    def action_edit_goal(self) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is not None:
            edit_goal(self, goal_id, lambda: self.refresh_data(select=goal_id))

    def action_change_status(self) -> None:
        goal_id = self.highlighted_goal_id()
        if goal_id is not None:
            change_status(self, goal_id, lambda: self.refresh_data(select=goal_id))

    def action_cycle_filter(self) -> None:
        self.status_filter = FILTERS[(FILTERS.index(self.status_filter) + 1) % len(FILTERS)]
        self.refresh_data()

    def action_cycle_category(self) -> None:
        self.category_filter = CATEGORY_FILTERS[(CATEGORY_FILTERS.index(self.category_filter) + 1) % len(CATEGORY_FILTERS)]
        self.refresh_data()

    def action_cycle_horizon(self) -> None:
        self.horizon_filter = HORIZON_FILTERS[(HORIZON_FILTERS.index(self.horizon_filter) + 1) % len(HORIZON_FILTERS)]
        self.refresh_data()


def edit_goal(screen: JournalScreen, goal_id: int, then: Callable[[], object]) -> None:
    """The drafting form for a stored goal; what it changed can be undone with `u`."""
    try:
        before = screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return

    def done(saved: int | None) -> None:
        if saved is None:
            return
        try:
            after = screen.store.get_goal(goal_id)
        except JournalError:
            return
        changed = {name: getattr(before, name) for name in GOAL_FIELDS if getattr(before, name) != getattr(after, name)}
        if changed:
            screen.remember(f"the edit of goal #{goal_id}", lambda: screen.store.update_goal(goal_id, reason="undone", **changed))
        then()

    screen.app.push_screen(GoalDraftScreen(goal_id=goal_id), done)  # type: ignore[arg-type]


def change_status(screen: JournalScreen, goal_id: int, then: object) -> None:
    """Ask for the new status and the reason, and keep the change as a revision."""
    try:
        goal = screen.store.get_goal(goal_id)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return

    def chosen(choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        status, reason = choice
        if screen.attempt(screen.store.update_goal, goal_id, status=status, reason=reason):
            if status != goal.status:
                screen.remember(f"goal {goal_id} made {status}",
                                lambda: screen.store.update_goal(goal_id, status=goal.status, reason="undone"))  # fmt: skip
            screen.journal_app.tell(f"Goal {goal_id} is now {status}; the reason is kept with the revision (u undoes).")
            then()  # type: ignore[operator]

    screen.app.push_screen(StatusDialog(goal), chosen)


class GoalDetailScreen(JournalScreen):
    """One goal: its detail, its check-ins (corrected or deleted here), its milestones (edited in
    place), and its SMART verdicts. `u` undoes the latest change made on this goal's page."""

    SCREEN_NAME = "Goal"
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", show=True),
        Binding("e", "edit_goal", "Edit", show=True),
        Binding("S", "change_status", "Status…", show=True),
        Binding("m", "focus_milestones", "Milestones", show=True),
        Binding("c", "focus_checkins", "Check-ins", show=True),
        Binding("b", "new_step", "Stepping stone", show=True),
    ]

    def __init__(self, goal_id: int) -> None:
        super().__init__()
        self.goal_id = goal_id

    @property
    def undo_owner(self) -> str:
        return f"goal-{self.goal_id}"

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="goal-view"):
            with Vertical(id="goal-view-main"):
                with VerticalScroll(id="goal-view-detail", classes="panel") as detail:
                    detail.border_title = f"Goal #{self.goal_id}"
                    yield Static(id="goal-view-text")
                with Vertical(id="goal-view-checkins", classes="panel") as checkins:
                    checkins.border_title = "Check-ins"
                    checkins.border_subtitle = "enter correct · d delete · u undo"
                    yield CheckinList(id="goal-checkins")
            with Vertical(id="goal-view-side"):
                with Vertical(id="goal-view-milestones", classes="panel") as milestones:
                    milestones.border_title = "Milestones"
                    milestones.border_subtitle = "n add · enter edit · space done · shift+↑↓ move · d remove · u undo"
                    yield MilestoneList(today=self.today, id="goal-milestones", undo_here=False)
                with VerticalScroll(id="goal-view-smart", classes="panel") as smart:
                    smart.border_title = "SMART"
                    yield SmartPanel(id="goal-view-smart-panel")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#goal-view-detail").focus()

    def title_status(self) -> str:
        return f"goal #{self.goal_id}"

    def refresh_data(self) -> None:
        super().refresh_data()
        try:
            goal = self.store.get_goal(self.goal_id)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            self.app.pop_screen()
            return
        self.query_one("#goal-view-text", Static).update(goal_detail(self.store, goal, self.today, milestones=False, checkins=False))
        self.query_one(SmartPanel).show(goal_report(self.store, goal, self.today))
        milestones = self.query_one(MilestoneList)
        milestones.items = stored_milestones(self.store, self.goal_id)
        if milestones.is_mounted:
            milestones.show_items()
        done = sum(item.done_on is not None for item in milestones.items)
        self.query_one("#goal-view-milestones").border_title = f"Milestones {done}/{len(milestones.items)}"
        self._show_checkins()

    def _show_checkins(self) -> None:
        checkins = self.store.checkins(self.goal_id)
        self.query_one(CheckinList).show(checkins)
        title = Content.assemble(f"Check-ins ({len(checkins)})")
        if checkins:
            values = [checkin.value for checkin in checkins]
            title = Content.assemble(title, " ", (sparkline(values[-20:]), "$accent"), f" latest {format_number(values[-1])}")
        self.query_one("#goal-view-checkins").border_title = title

    # -- check-ins ---------------------------------------------------------------------------

    def _correctable(self) -> CheckIn | None:
        """The highlighted check-in, if it is one typed here (the people log's are corrected there)."""
        checkin = self.query_one(CheckinList).current
        if checkin is not None and checkin.source is not None:
            self.journal_app.tell(
                "This check-in was counted from the people log: it cannot be edited here; "
                "correct or delete the conversation on the People screen (p).", severity="warning",
            )  # fmt: skip
            return None
        return checkin

    def action_edit_checkin(self) -> None:
        checkin = self._correctable()
        if checkin is None:
            return
        goal = self.store.get_goal(self.goal_id)
        store = self.store

        def save(changes: dict[str, object]) -> None:
            before = store.update_checkin(checkin.id, **changes)  # type: ignore[arg-type]
            self.remember(
                f"the correction of the check-in of {_day(before.at)}",
                lambda: store.update_checkin(checkin.id, value=before.value, note=before.note, at=before.at),
            )

        def done(changes: dict[str, object] | None) -> None:
            if changes:
                self.journal_app.tell("Check-in corrected (u undoes).")
                self.refresh_data()

        self.app.push_screen(CheckinForm(checkin, goal, today=self.today, save=save), done)

    def action_delete_checkin(self) -> None:
        checkin = self._correctable()
        if checkin is None:
            return
        if self.attempt(self.store.trash, "checkins", checkin.id):
            what = f"{format_number(checkin.value)} on {_day(checkin.at)}"
            self.remember(f"deleting the check-in of {what}", lambda: self.store.restore("checkins", checkin.id))
            self.journal_app.tell(f"Moved the check-in of {what} to the trash: u brings it back.")
            self.refresh_data()

    def action_focus_checkins(self) -> None:
        self.query_one(CheckinList).focus()

    # -- milestones --------------------------------------------------------------------------

    @on(MilestoneList.Changed, "#goal-milestones")
    def _milestone_changed(self, event: MilestoneList.Changed) -> None:
        store, item = self.store, event.item
        stored = {m.id: m for m in store.milestones(self.goal_id)}
        order = list(stored)
        old = stored.get(item.id) if item.id is not None else None
        if event.change == "added":
            self._save_added(item)
        elif event.change == "edited" and old is not None:
            if self.attempt(store.update_milestone, old.id, title=item.title, due=item.due, clear_due=item.due is None):
                self.remember(f"the edit of the milestone '{old.title}'", lambda: store.update_milestone(
                    old.id, title=old.title, due=old.due_date, clear_due=old.due_date is None))  # fmt: skip
        elif event.change == "done" and old is not None:
            if self.attempt(store.set_milestone_done, old.id, item.done_on):
                self.remember(f"marking '{old.title}' {'done' if item.done_on else 'not done'}",
                              lambda: store.set_milestone_done(old.id, old.done_at))  # fmt: skip
        elif event.change == "moved":
            if self.attempt(store.order_milestones, self.goal_id, [m.id for m in event.milestones.items if m.id is not None]):
                self.remember("the move of a milestone", lambda: store.order_milestones(self.goal_id, order))
        elif event.change == "removed" and old is not None:
            if self.attempt(store.trash, "milestones", old.id):
                self.remember(f"removing the milestone '{old.title}'", lambda: self._put_back(old.id, order))
                self.journal_app.tell("Milestone moved to the trash: u puts it back.")
        self.refresh_data()

    def _put_back(self, milestone_id: int, order: list[int]) -> None:
        with self.store.transaction():
            self.store.restore("milestones", milestone_id)
            self.store.order_milestones(self.goal_id, order)

    def _save_added(self, item: DraftMilestone) -> None:
        added: list[int] = []

        def write() -> None:
            with self.store.transaction():
                added.append(self.store.add_milestone(self.goal_id, item.title, due=item.due))
                if item.done_on:
                    self.store.set_milestone_done(added[0], item.done_on)

        if self.attempt(write):
            self.remember(f"adding the milestone '{item.title}'", lambda: self.store.trash("milestones", added[0]))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_focus_milestones(self) -> None:
        self.query_one(MilestoneList).focus()

    def action_edit_goal(self) -> None:
        edit_goal(self, self.goal_id, self.refresh_data)

    def action_new_step(self) -> None:
        self.app.push_screen(GoalDraftScreen(parent_id=self.goal_id))

    def action_change_status(self) -> None:
        change_status(self, self.goal_id, self.refresh_data)
