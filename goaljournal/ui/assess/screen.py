"""Self-assessment: past sessions, one session in detail, each skill's trajectory; from here a
session is started or resumed (``assess.session``) and two are compared (``assess.compare``)."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.assessment import STEP_COUNT, Trajectory
from goaljournal.core.models import Assessment
from goaljournal.core.trends import skill_rows
from goaljournal.core.words import plural
from goaljournal.ui.assess.compare import CompareScreen
from goaljournal.ui.assess.base import WIDTHS, text_room
from goaljournal.ui.assess.render import assessment_detail, day_label, first_session_text, trajectory_line
from goaljournal.ui.assess.session import AssessmentSession
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.widgets.chart import ChartView
from goaljournal.ui.shared.widgets.footer import KeyBar


class AssessScreen(JournalScreen[None]):
    SCREEN_NAME = "Self-assessment"
    CSS_PATH = "assess.tcss"
    HORIZONTAL_BREAKPOINTS = WIDTHS
    # Most used first: the key bar shows what fits, in this order.
    BINDINGS = [
        Binding("n", "start", "New"),
        Binding("enter", "open", "Open"),
        Binding("c", "compare", "Compare"),
        Binding("space", "mark", "Mark"),
        Binding("d", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        # Under 100 columns the skills and their chart take the session's place while `v` is on.
        Binding("v", "toggle_chart", "Skills chart"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[Assessment] = []
        self.marked: list[int] = []
        self.trajectories: list[Trajectory] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="assess-main"):
            with Vertical(id="assess-left"):
                sessions = OptionList(id="sessions", classes="panel")
                sessions.border_title = "Sessions"
                sessions.border_subtitle = "n new · enter open · space mark · c compare"
                yield sessions
                with Vertical(id="assess-trajectories", classes="panel") as skills:
                    skills.border_title = "Skills over time"
                    yield Static(Content.styled("Rate your skills in a session to see them change here.", "$text-muted italic"),
                                 id="assess-trajectories-text")  # fmt: skip
                    yield OptionList(id="skills-over-time")
                    yield ChartView(id="skill-chart")
            with VerticalScroll(id="assessment", classes="panel") as detail:
                detail.border_title = "Session"
                yield Static(id="assessment-text")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#sessions", OptionList).focus()
        self.on_resize()  # laid out after this: the session then wraps to its panel's width

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "mark", "compare", "delete"):
            return bool(self.sessions)
        if action == "toggle_chart":  # wider, the chart is always beside the session
            return self.has_class("-narrow")
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
        mark = ("◆ ", "$text-warning") if session.id in self.marked else ("  ", "")
        if session.completed_at:
            state = (f"✓ {plural(session.item_count, 'item')} · {plural(session.rating_count, 'skill')}", "$text-muted")
        else:
            state = (f"◐ in progress · step {max(session.step, 1)} of {STEP_COUNT}", "$text-warning")
        return Content.assemble(mark, (f"{day_label(session.at):<12}", "bold"), " ", state)

    def _show_trajectories(self) -> None:
        self.trajectories = lines = self.store.skill_trajectories()
        panel = self.query_one("#assess-trajectories", Vertical)
        panel.border_title = f"Skills over time ({plural(len(self.sessions), 'session')})"
        panel.set_class(not lines, "-empty")
        skills = self.query_one("#skills-over-time", OptionList)
        highlighted = skills.highlighted or 0
        skills.clear_options()
        skills.add_options(Option(trajectory_line(line), id=f"skill-{line.skill_id}") for line in lines)
        if lines:
            skills.highlighted = min(highlighted, len(lines) - 1)
        self._show_skill_chart(skills.highlighted)

    @on(OptionList.OptionHighlighted, "#skills-over-time")
    def _skill_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_skill_chart(event.option_index)

    def _show_skill_chart(self, index: int | None) -> None:
        """The highlighted skill's ratings across the sessions, a ● each."""
        chart = self.query_one("#skill-chart", ChartView)
        if index is None or not self.trajectories:
            chart.show(None)
            return
        line = self.trajectories[min(index, len(self.trajectories) - 1)]
        # The trajectories' ratings follow the live sessions, oldest first.
        days = [date.fromisoformat(session.at[:10]) for session in reversed(self.sessions)]
        chart.show(lambda width, height: skill_rows(line.name, line.ratings, days, width, height))

    def action_toggle_chart(self) -> None:
        """Under 100 columns: the skills and the chart of the highlighted one in the session's
        place, or the session back."""
        self.toggle_class("-chart")
        if self.has_class("-chart"):
            self.query_one("#skills-over-time", OptionList).focus()
        elif self.focused is not None and self.focused.id == "skills-over-time":
            self.query_one("#sessions", OptionList).focus()

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
            text.update(first_session_text())
            return
        previous = self.sessions[index + 1] if index + 1 < len(self.sessions) else None
        room = text_room(self.query_one("#assessment", VerticalScroll))
        text.update(assessment_detail(self.store, self.sessions[index], previous, room))

    def on_resize(self) -> None:
        # The session's lists wrap to the panel's width: draw them again at the new one. Whether
        # `v` does anything depends on the width too.
        if self.is_mounted:
            self.refresh_bindings()
            self.call_after_refresh(self._show, self.query_one("#sessions", OptionList).highlighted)

    def _highlighted_session(self) -> Assessment | None:
        index = self.query_one("#sessions", OptionList).highlighted
        return self.sessions[index] if index is not None and self.sessions else None

    def action_open(self) -> None:
        session = self._highlighted_session()
        if session is not None:
            self.app.push_screen(AssessmentSession(session.id))

    def action_start(self) -> None:
        """Resume the session in progress, or start a new one dated today."""
        current = self.store.assessment_in_progress()
        if current is not None:
            self.journal_app.tell(f"Resuming the session of {day_label(current.at)} at step {max(current.step, 1)} of {STEP_COUNT}.")
            self.app.push_screen(AssessmentSession(current.id))
            return
        session_id = self.outcome(self.store.add_assessment, self.today, step=1)
        if session_id is None:  # a read-only or busy journal: said so, nothing changed
            return
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
        if session is not None and self.attempt(self.store.trash, "assessments", session.id):
            self.remember(f"deleting the session of {day_label(session.at)}", lambda: self.store.restore("assessments", session.id))
            self.journal_app.tell(f"Moved the session of {day_label(session.at)} to the trash. Press u to undo.")
            self.refresh_data()
