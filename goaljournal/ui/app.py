"""The goaljournal Textual app: one screen per job, each a mode reachable by one key."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from goaljournal.core.text import printable
from goaljournal.store import Store
from goaljournal.ui.screens.assess import AssessScreen
from goaljournal.ui.screens.goals import GoalsScreen
from goaljournal.ui.screens.help import HelpScreen
from goaljournal.ui.screens.reflections import ReflectionsScreen
from goaljournal.ui.screens.timeline import TimelineScreen
from goaljournal.ui.screens.today import TodayScreen

SCREENS = (
    ("today", "t", "Today", TodayScreen, "Due milestones, quick check-ins and today's reflection"),
    ("assess", "a", "Assess", AssessScreen, "Self-assessment sessions and how skills changed"),
    ("goals", "g", "Goals", GoalsScreen, "Goals with their milestones, check-ins and revisions"),
    ("timeline", "l", "Timeline", TimelineScreen, "Everything on one time axis"),
    ("reflections", "r", "Reflect", ReflectionsScreen, "The reflection log: search, read, write"),
)


class GoalJournalApp(App[None]):
    """The journal app, working on the ``store`` it is given (tests hand it a temporary one)."""

    TITLE = "goaljournal"
    CSS_PATH = "app.tcss"
    MODES = {name: screen for name, _, _, screen, _ in SCREENS}
    DEFAULT_MODE = "today"
    BINDINGS = [
        *(Binding(key, f"switch_mode('{name}')", label) for name, key, label, _, _ in SCREENS),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store, *, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self._today = today

    @property
    def today(self) -> date:
        """The app's today: fixed when given (tests, screenshots), else the store's clock."""
        return self._today or self.store.today()

    def tell(self, message: str, *, severity: str = "information") -> None:
        """Notify without parsing markup: messages often quote the user's own text."""
        self.notify(printable(message), severity=severity, markup=False)  # type: ignore[arg-type]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for name, key, label, _, description in SCREENS:
            yield SystemCommand(f"Go to {label} ({key})", description, lambda name=name: self.switch_mode(name))
        yield SystemCommand("Help (?)", "Every key, and a guide to SMART goals", self.action_help)
        yield SystemCommand("New goal (n on Goals)", "Draft a goal with the live SMART coach", self.action_new_goal)

    def action_new_goal(self) -> None:
        """The goal drafting form, over the Goals screen (which shows the goal once it is saved)."""
        from goaljournal.ui.screens.goal_draft import GoalDraftScreen

        if isinstance(self.screen, GoalDraftScreen):
            return
        self.switch_mode("goals")
        self.call_after_refresh(self.push_screen, GoalDraftScreen())
