"""Self-assessment: past sessions, one session in detail, each skill's trajectory; from here a
session is started or resumed (``assess_session``) and two are compared (``assess_compare``)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core import assessment as core
from goaljournal.core.assessment import STEP_COUNT, Trajectory
from goaljournal.core.models import Assessment
from goaljournal.store import Store
from goaljournal.ui.assess.compare import CompareScreen
from goaljournal.ui.assess.session import (
    AssessmentSession,
    attempt,
    change_text,
    day_label,
    item_prompt,
    outcome,
    padded,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import user_content

SECTIONS = (
    ("strength", "Strengths"),
    ("weakness", "Weaknesses"),
    ("success", "Successes"),
    ("failure", "Failures"),
    ("feedback", "Feedback received"),
)
TRAJECTORY_NAME_WIDTH = 22
SPARK_WIDTH = 10  # the latest sessions; older ones scroll off the left


def assessment_detail(store: Store, assessment: Assessment, previous: Assessment | None) -> Content:
    """A session: its summary, skill ratings with the change since ``previous`` and the
    trajectory so far, the app's digest, and its items (with the goals made from them)."""
    state = "finished" if assessment.completed_at else f"in progress, step {max(assessment.step, 1)} of {STEP_COUNT}"
    lines: list[Content] = [Content.assemble((f"Self-assessment of {day_label(assessment.at)}", "bold"), (f"  {state}", "$text-muted"))]
    items = store.assessment_items(assessment.id)
    ratings = store.ratings(assessment.id)
    if assessment.summary:
        lines += [Content(""), user_content(assessment.summary)]
    before = {rating.skill_id: rating.rating for rating in store.ratings(previous.id)} if previous else {}
    trajectories = {t.skill_id: t for t in store.skill_trajectories(until=assessment.at)}
    if ratings:
        heading = "Skills (1–5)" + (f", compared with {day_label(previous.at)}" if previous else "")
        lines += [Content(""), Content.styled(heading, "bold")]
        for rating in ratings:
            change, style = change_text(before.get(rating.skill_id), rating.rating)
            trajectory = trajectories.get(rating.skill_id)
            lines.append(Content.assemble(
                "  ", padded(user_content(rating.skill_name or "", single_line=True, width=28), 28), "  ",
                (core.rating_dots(rating.rating), "$accent"), "  ", padded(Content.styled(change, style), 11), " ",
                (trajectory.sparkline[-SPARK_WIDTH:] if trajectory else "", "$accent"),
            ))  # fmt: skip
    digest = core.digest(
        items, ratings,
        previous_items=store.assessment_items(previous.id) if previous else None,
        previous_ratings=store.ratings(previous.id) if previous else None,
        previous_at=day_label(previous.at) if previous else None,
        items_with_goals=store.items_with_goals(assessment.id),
    )  # fmt: skip
    lines += [Content(""), Content.styled("The app's digest", "bold")]
    lines += [user_content(f"  • {line}", style="$text-muted") for line in digest]
    goals = store.goals_from_items(assessment.id)
    for kind, title in SECTIONS:
        chosen = [item for item in items if item.kind == kind]
        if not chosen:
            continue
        lines += [Content(""), Content.styled(title, "bold")]
        for item in chosen:
            lines.append(Content("  ") + item_prompt(item, goals.get(item.id, [])).first_line)
            lines.extend(Content("  ") + line for line in item_prompt(item, []).split("\n")[1:])
    return Content("\n").join(lines)


def trajectory_line(trajectory: Trajectory) -> Content:
    change = trajectory.change
    first, latest = trajectory.first, trajectory.latest
    span = f"{first} → {latest}" if change is not None else f"{latest}"
    style = "$success" if (change or 0) > 0 else "$error" if (change or 0) < 0 else "$text-muted"
    return Content.assemble(
        padded(user_content(trajectory.name, single_line=True, width=TRAJECTORY_NAME_WIDTH), TRAJECTORY_NAME_WIDTH), " ",
        padded(Content.styled(trajectory.sparkline[-SPARK_WIDTH:], "$accent"), SPARK_WIDTH), " ",
        (span, ""), (f"  {core.delta_text(change)}" if change else "", style),
        ("  retired", "$text-muted italic") if trajectory.retired else "",
    )  # fmt: skip


class AssessScreen(JournalScreen):
    SCREEN_NAME = "Self-assessment"
    CSS_PATH = "assess.tcss"
    BINDINGS = [
        Binding("n", "start", "New"),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[Assessment] = []
        self.marked: list[int] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="assess-main"):
            with Vertical(id="assess-left"):
                sessions = OptionList(id="sessions", classes="panel")
                sessions.border_title = "Sessions"
                sessions.border_subtitle = "n new · enter open · space mark · c compare"
                yield sessions
                with VerticalScroll(id="assess-trajectories", classes="panel") as skills:
                    skills.border_title = "Skills over time"
                    yield Static(id="assess-trajectories-text")
            with VerticalScroll(id="assessment", classes="panel") as detail:
                detail.border_title = "Session"
                yield Static(id="assessment-text")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#sessions", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark", "compare", "delete"):
            return bool(self.sessions)
        return True

    def title_status(self) -> str:
        count = len(self.sessions)
        return f"{count} session{'s' if count != 1 else ''}"

    def refresh_data(self) -> None:
        self.sessions = self.store.assessments()
        live = {session.id for session in self.sessions}
        self.marked = [i for i in self.marked if i in live]
        super().refresh_data()
        option_list = self.query_one("#sessions", OptionList)
        highlighted = option_list.highlighted or 0
        option_list.clear_options()
        for session in self.sessions:
            option_list.add_option(Option(self._session_label(session), id=str(session.id)))
        if self.sessions:
            option_list.highlighted = min(highlighted, len(self.sessions) - 1)
        self._show(option_list.highlighted)
        self._show_trajectories()
        self.refresh_bindings()

    def _session_label(self, session: Assessment) -> Content:
        mark = ("◆ ", "$warning") if session.id in self.marked else ("  ", "")
        if session.completed_at:
            state = (f"✓ {session.item_count} items · {session.rating_count} skills", "$text-muted")
        else:
            state = (f"◐ in progress · step {max(session.step, 1)} of {STEP_COUNT}", "$warning")
        return Content.assemble(mark, (f"{day_label(session.at):<12}", "bold"), " ", state)

    def _show_trajectories(self) -> None:
        lines = self.store.skill_trajectories()
        panel = self.query_one("#assess-trajectories", VerticalScroll)
        panel.border_title = f"Skills over time ({len(self.sessions)} sessions)"
        text = self.query_one("#assess-trajectories-text", Static)
        if not lines:
            text.update(Content.styled("Rate your skills in a session to see them change here.", "$text-muted italic"))
            return
        text.update(Content("\n").join(trajectory_line(line) for line in lines))

    @on(OptionList.OptionHighlighted, "#sessions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    @on(OptionList.OptionSelected, "#sessions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        session = self.sessions[event.option_index]
        self.app.push_screen(AssessmentSession(session.id))

    def _show(self, index: int | None) -> None:
        text = self.query_one("#assessment-text", Static)
        if index is None or not self.sessions:
            text.update(Content.styled("No self-assessments yet: press n to start your first.", "$text-muted italic"))
            return
        previous = self.sessions[index + 1] if index + 1 < len(self.sessions) else None
        text.update(assessment_detail(self.store, self.sessions[index], previous))

    def _highlighted_session(self) -> Assessment | None:
        index = self.query_one("#sessions", OptionList).highlighted
        return self.sessions[index] if index is not None and self.sessions else None

    def action_start(self) -> None:
        """Resume the session in progress, or start a new one dated today."""
        current = self.store.assessment_in_progress()
        if current is not None:
            self.journal_app.tell(f"Resuming the session of {day_label(current.at)} at step {max(current.step, 1)} of {STEP_COUNT}.")
            self.app.push_screen(AssessmentSession(current.id))
            return
        session_id = outcome(self, self.store.add_assessment, self.today)
        if session_id is None:  # a read-only or busy journal: said so, nothing changed
            return
        self.store.update_assessment(session_id, step=1)
        self.app.push_screen(AssessmentSession(session_id, step=1))

    def action_mark(self) -> None:
        session = self._highlighted_session()
        if session is None:
            return
        if session.id in self.marked:
            self.marked.remove(session.id)
        else:
            self.marked = [*self.marked, session.id][-2:]
        self.refresh_data()

    def action_compare(self) -> None:
        """Compare the two marked sessions; with one marked, it and the highlighted one; with
        none, the highlighted session and the one before it."""
        session = self._highlighted_session()
        if session is None:
            return
        pair = list(self.marked)
        if len(pair) < 2 and session.id not in pair:
            pair.append(session.id)
        if len(pair) < 2:
            index = self.sessions.index(session)
            if index + 1 >= len(self.sessions):
                self.journal_app.tell("Only one session here: mark two with space, or add another session.", severity="warning")
                return
            pair.append(self.sessions[index + 1].id)
        self.app.push_screen(CompareScreen(pair[0], pair[1]))

    def action_delete(self) -> None:
        session = self._highlighted_session()
        if session is not None and attempt(self, self.store.trash, "assessments", session.id):
            self.remember(f"deleting the session of {day_label(session.at)}", lambda: self.store.restore("assessments", session.id))
            self.journal_app.tell(f"Moved the session of {day_label(session.at)} to the trash. Press u to undo.")
            self.refresh_data()
