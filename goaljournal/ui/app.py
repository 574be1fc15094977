"""The goaljournal Textual app: one screen per job, each a mode reachable by one key."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget

from goaljournal.core import dates
from goaljournal.core.config import config_path, read_preferences, with_value
from goaljournal.core.csv_export import files_description
from goaljournal.core.text import printable
from goaljournal.core.words import plural
from goaljournal.files import OutputError, write_text
from goaljournal.store import JournalError, Store
from goaljournal.ui import nav
from goaljournal.ui.help import HelpScreen, KeyPlace, help_markdown
from goaljournal.ui.shared import textual_fixes  # noqa: F401  (guards around Textual bugs keys can reach)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.themes import THEMES
from goaljournal.ui.shared.toasts import ToastPlacement

if TYPE_CHECKING:
    from textual.content import Content

    from goaljournal.ui.people.page import PeoplePage
    from goaljournal.ui.shared.reader import ReaderKey

# (mode, key, label, "module:Screen", description). A feature's package is imported when its
# screen is first shown, so the app starts with only the screen it opens on.
SCREENS = (
    ("today", "t", "Today", "today.screen:TodayScreen", "Due milestones, quick check-ins and today's reflection"),
    ("assess", "a", "Assess", "assess.screen:AssessScreen", "Self-assessment sessions and how skills changed"),
    ("goals", "g", "Goals", "goals.screen:GoalsScreen", "Goals with their milestones, check-ins and revisions"),
    ("timeline", "l", "Timeline", "timeline.screen:TimelineScreen", "Everything on one time axis"),
    ("reflections", "r", "Reflect", "reflections.screen:ReflectionsScreen", "The reflection log: search, read, write"),
    ("people", "p", "People", "people.screen:PeopleScreen", "Mentors and contacts, the conversations held and the follow-ups"),
    ("trends", "i", "Trends", "trends.screen:TrendsScreen", "A year of check-in days as a heat map, and mood and energy over time"),
)


def feature(where: str) -> Any:
    """``"goals.screen:GoalsScreen"``: that name from that module of a feature package, imported
    on first use."""
    module, _, name = where.partition(":")
    return getattr(import_module(f"goaljournal.ui.{module}"), name)


def _mode_screen(where: str) -> Callable[[], Screen[Any]]:
    return lambda: feature(where)()


# Where keys work, and the classes whose BINDINGS the help lists there ("module:Name" as above).
HELP_PLACES = (
    ("anywhere", ("app:GoalJournalApp",)),
    ("anywhere but a text field", ("shared.screen:JournalScreen",)),
    ("a form or dialog", ("shared.widgets.entry_editor:EntryEditor",)),
    ("today", ("today.screen:TodayScreen", "shared.widgets.scale:ScalePicker")),
    ("a decision", ("today.decisions:DecisionList",)),
    ("reflections", ("reflections.screen:ReflectionsScreen",)),
    ("goals", ("goals.screen:GoalsScreen",)),
    ("a goal", ("goals.screen:GoalDetailScreen",)),
    ("a goal's milestones", ("goals.draft:MilestoneList",)),
    ("a goal's check-ins", ("goals.checkins:CheckinList",)),
    ('"did you mean …?"', ("shared.checkin_doubt:DoubtDialog",)),
    ("drafting", ("goals.draft:GoalDraftScreen",)),
    ("assess", ("assess.screen:AssessScreen",)),
    ("a session", ("assess.session:AssessmentSession",)),
    ("timeline", ("timeline.screen:TimelineScreen", "timeline.view:TimelineView", "timeline.view:TimelineList")),
    ("people", ("people.screen:PeopleScreen",)),
    ("a person", ("people.screen:PersonScreen",)),
    ("trends", ("trends.screen:TrendsScreen",)),
    ("the welcome", ("welcome.screen:WelcomeScreen",)),
    ("a review", ("review.screen:ReviewSession",)),
    ("reflection prompts", ("writing.screen:PromptsScreen",)),
    ("entry templates", ("writing.screen:TemplatesScreen",)),
)


def help_places() -> list[KeyPlace]:
    """The help's places with their classes (this imports every feature: the help shows them all)."""
    return [(where, [feature(name) for name in names]) for where, names in HELP_PLACES]


def __getattr__(name: str) -> str:
    """``HELP``: the help's text, built when first asked for, since it imports every feature."""
    if name == "HELP":
        try:
            return help_markdown(help_places())
        except AttributeError as gone:  # not "no HELP here": a class HELP_PLACES names has moved
            raise LookupError(f"HELP_PLACES names a class that is not there: {gone}") from gone
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# How many changes `u` can take back, all screens together: the oldest are forgotten first.
UNDO_DEPTH = 100


@dataclass(frozen=True, slots=True)
class Undoable:
    """A change a screen made, and how to take it back. ``owner`` names the screen (or the one
    goal's or person's page) whose `u` undoes it; ``what`` completes "Undone: …"."""

    owner: str
    what: str
    undo: Callable[[], object]


class GoalJournalApp(ToastPlacement, App[None]):
    """The journal app, working on the ``store`` it is given (tests hand it a temporary one)."""

    TITLE = "goaljournal"
    CSS_PATH = "app.tcss"
    MODES = {name: _mode_screen(where) for name, _, _, where, _ in SCREENS}
    DEFAULT_MODE = "today"
    BINDINGS = [
        *(Binding(key, f"switch_mode('{name}')", label) for name, key, label, _, _ in SCREENS),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self, store: Store, *, today: date | None = None, config: Path | None = None, demo: bool = False, welcome: bool = False
    ) -> None:
        """``demo``: the journal is a temporary demo, and the title bar says so. ``welcome``: open
        with the welcome when the journal is new (the command line asks it on the user's journal)."""
        # The user's preferences (core/config.py), read before anything is drawn; ``config``
        # stands in for the config file's usual place.
        self.config_file = config or config_path()
        self.preferences, self.config_problem = read_preferences(self.config_file)
        self.DEFAULT_MODE = self.preferences.default_screen  # the App reads it as it starts
        super().__init__()
        self.store = store
        self._today = today
        self.demo = demo
        self.offer_welcome = welcome and not demo
        self.undo_stack: list[Undoable] = []  # every screen's changes, newest last
        for theme in THEMES:
            self.register_theme(theme)
        store.week_start = self.preferences.first_weekday
        dates.use_date_style(self.preferences.date_style)
        self._apply_theme(self.preferences.theme)

    @property
    def today(self) -> date:
        """The app's today: fixed when given (tests, screenshots), else the store's clock."""
        return self._today or self.store.today()

    def tell(self, message: str, *, severity: SeverityLevel = "information") -> None:
        """Notify without parsing markup: messages often quote the user's own text."""
        self.notify(printable(message), severity=severity, markup=False)

    def remember(self, owner: str, what: str, undo: Callable[[], object]) -> None:
        """Keep a change for `u` on the screen ``owner`` names."""
        self.undo_stack.append(Undoable(owner, what, undo))
        del self.undo_stack[:-UNDO_DEPTH]

    def forget(self, owner: str, what: str) -> None:
        """Drop the changes described so (one that can no longer be undone, as a purged entry)."""
        self.undo_stack = [item for item in self.undo_stack if (item.owner, item.what) != (owner, what)]

    def undo_last(self, owner: str) -> bool:
        """Undo the newest change made on ``owner``'s screen, once, and say so; True if it was."""
        for index in range(len(self.undo_stack) - 1, -1, -1):
            if self.undo_stack[index].owner == owner:
                item = self.undo_stack.pop(index)
                break
        else:
            self.tell("Nothing to undo.")
            return False
        try:
            item.undo()
        except JournalError as err:
            self.tell(f"Could not undo {item.what}: {err}", severity="error")
            return False
        self.tell(f"Undone: {item.what}.")
        return True

    def _apply_theme(self, name: str | None) -> None:
        if name is None:
            return
        if name in self.available_themes:
            self.theme = name
            return
        problem = f"theme '{name}' is not one of the app's themes (ctrl+p, then \"theme\", lists them); using {self.theme}"
        self.config_problem = f"{self.config_problem}; {problem}" if self.config_problem else f"{self.config_file}: {problem}"

    def _theme_chosen(self, theme: object) -> None:
        """Redraw in the new colours, and keep the theme chosen in the config file, its other lines
        as they were."""
        for screen in self.screen_stack:
            # A table's cells (Goals, People) hold the colours of the theme they were drawn in.
            if isinstance(screen, JournalScreen) and screen.is_mounted:
                screen.refresh_data()
        if self.theme == (self.preferences.theme or "textual-dark"):
            return
        try:
            try:
                text = self.config_file.read_text(encoding="utf-8-sig")
            except FileNotFoundError:
                text = ""
            written = with_value(text, "theme", self.theme)
            # A config file linked from elsewhere (a dotfiles folder) is written where it lives.
            write_text(Path(os.path.realpath(self.config_file)), [written], create_folder=True)
        except (OSError, ValueError, OutputError) as err:
            self.tell(f"The theme is not kept for next time: {self.config_file}: {err}", severity="warning")
            return
        self.preferences = replace(self.preferences, theme=self.theme)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_chosen)
        if self.config_problem:
            self.tell(self.config_problem, severity="warning")
        if self.demo:
            self.title = "goaljournal (demo)"
        if self.store.read_only:  # say so up front, not only when a write is refused
            self.sub_title = "read-only"
            self.tell("Opened for reading only: the journal file or its folder is not writable, so nothing can be saved.", severity="warning")
        elif self.offer_welcome and self.store.welcome_due():
            self.action_welcome()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_places(), here=self._help_here()))

    def _help_here(self) -> list[str]:
        """The help's places the screen on top is: its own class, or a widget of it shown there (a
        decision list on Today, a goal's milestones)."""
        screen = self.screen

        def shown(widget: Widget) -> bool:
            return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))

        def is_here(cls: type) -> bool:
            if issubclass(cls, Screen):
                return type(screen) is cls
            return issubclass(cls, Widget) and any(shown(widget) for widget in screen.query(cls))

        return [where for where, classes in help_places() if any(is_here(cls) for cls in classes)]

    def action_welcome(self) -> None:
        """The welcome: the daily loop, a first goal, a first self-assessment, an import."""
        welcome = feature("welcome.screen:WelcomeScreen")
        if isinstance(self.screen, HelpScreen):  # opened from the help: it takes the help's place
            self.pop_screen()
        if not isinstance(self.screen, welcome):
            self.push_screen(welcome())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for name, key, label, _, description in SCREENS:
            yield SystemCommand(f"Go to {label} ({key})", description, lambda name=name: self.switch_mode(name))
        yield SystemCommand("Help (?)", "Every key, and a guide to SMART goals", self.action_help)
        yield SystemCommand("Welcome / getting started", "The daily loop in a minute; draft a first goal, start a "
                            "self-assessment, or import a jrnl or Day One journal", self.action_welcome)  # fmt: skip
        yield SystemCommand("New goal (n on Goals)", "Draft a goal with the live SMART coach", self.action_new_goal)
        yield SystemCommand("New person (n on People)", "Someone you met: role, organisation, how you met", self.action_new_person)
        yield SystemCommand("Log a conversation (c on People)", "A coffee, meeting, event, call, message or feedback session, "
                            "with what you learned and a follow-up", self.action_log_conversation)  # fmt: skip
        for kind, label in (("week", "Weekly"), ("month", "Monthly"), ("quarter", "Quarterly")):
            yield SystemCommand(f"{label} review", f"Step back: the {kind} in numbers, each goal (keep, adjust, pause…), "
                                f"wins and obstacles, next {kind}'s focus", lambda kind=kind: self.post_message(nav.StartReview(kind)))  # fmt: skip
        yield SystemCommand("Compare reviews", "The latest review against the one four before: numbers, goals, focus",
                            self.compare_reviews)  # fmt: skip
        yield SystemCommand("Reflection prompts…", "The questions Today offers above the reflection line: add, retire, "
                            "restore", lambda: self.open_writing_aids("PromptsScreen"))  # fmt: skip
        yield SystemCommand("Entry templates…", "Entries that start from a template (a 1:1, a course, a conference): add, "
                            "edit, retire, restore", lambda: self.open_writing_aids("TemplatesScreen"))  # fmt: skip
        yield from self._export_commands()

    # -- exports and reports ------------------------------------------------------------------

    EXPORTS = (
        ("markdown", "Markdown", "Goals with milestones and progress, and the journal by year and month"),
        ("csv", "CSV", files_description()),
        ("ics", "iCalendar", "Deadlines and milestones as to-dos with due dates, for any calendar"),
        ("jrnl", "jrnl", "The entries as a jrnl plain-text journal"),
        ("json", "JSON backup", "The complete, lossless backup (private entries and trash included)"),
    )

    def _export_commands(self) -> Iterable[SystemCommand]:
        for fmt, label, description in self.EXPORTS:
            yield SystemCommand(f"Export: {label}", f"{description}; into exports/ beside the journal",
                                lambda fmt=fmt: self.export_journal(fmt))  # fmt: skip
        for period in ("month", "quarter", "year"):
            yield SystemCommand(f"Report: this {period}", f"A Markdown review packet for this {period}; into exports/",
                                lambda period=period: self.write_report(period))  # fmt: skip

    def export_journal(self, fmt: str) -> None:
        """Export in a worker (a big journal takes a moment); a toast says where the file went."""
        from goaljournal import exports

        self._in_background(lambda: exports.export_to_folder(self.store, fmt, self.store.clock()), f"Exported {fmt} to")

    def write_report(self, period: str) -> None:
        from goaljournal import exports

        self._in_background(lambda: [exports.report_to_folder(self.store, period, self.today)], f"The {period} report is in")

    def _in_background(self, work: Callable[[], list[Path]], done: str) -> None:
        def run() -> None:
            try:
                paths = work()
            except (OSError, JournalError, OutputError) as err:
                self.call_from_thread(self.tell, f"Nothing was exported: {err}", severity="error")
                return
            where = str(paths[0]) if len(paths) == 1 else f"{paths[0].parent}: {plural(len(paths), 'file')} ({', '.join(p.name for p in paths)})"
            self.call_from_thread(self.tell, f"{done} {where}")

        self.run_worker(run, thread=True, group="exports", exit_on_error=False)

    def action_new_goal(self) -> None:
        """The goal drafting form, over the Goals screen (which shows the goal once it is saved)."""
        if isinstance(self.screen, feature("goals.draft:GoalDraftScreen")):
            return
        self.switch_mode("goals")
        self.call_after_refresh(self.post_message, nav.DraftGoal())

    def open_writing_aids(self, name: str) -> None:
        """The list of reflection prompts or of entry templates, over the screen on top."""
        dialog = feature(f"writing.screen:{name}")
        if not isinstance(self.screen, dialog):
            self.push_screen(dialog())

    def action_new_person(self) -> None:
        self.post_message(nav.NewPerson())

    def action_log_conversation(self) -> None:
        self.post_message(nav.LogConversation())

    # -- navigation: a feature asks, the app opens the feature that owns the record -------------

    def on_open_goal(self, message: nav.OpenGoal) -> None:
        self.push_screen(feature("goals.screen:GoalDetailScreen")(message.goal_id))

    def on_read_goal(self, message: nav.ReadGoal) -> None:
        from goaljournal.ui.shared.reader import ReaderKey

        def build() -> tuple[Content | Widget, list[ReaderKey]]:
            goal = self.store.get_goal(message.goal_id)
            story = ReaderKey("s", "this goal's story on the timeline", nav.OpenGoalStory(goal.id))
            return feature("goals.render:goal_detail")(self.store, goal, self.today), [story] if message.with_story else []

        self._read("goal", "Goal", build)

    def on_open_goal_story(self, message: nav.OpenGoalStory) -> None:
        try:
            goal = self.store.get_goal(message.goal_id)
        except JournalError as err:  # gone meanwhile (deleted in another window, say)
            self.tell(str(err), severity="warning")
            return
        self.push_screen(feature("timeline.story:GoalStoryScreen")(goal.id, goal.title))

    def on_draft_goal(self, message: nav.DraftGoal) -> None:
        draft = feature("goals.draft:GoalDraftScreen")(
            title=message.title, category=message.category, assessment_item_id=message.assessment_item_id, parent_id=message.parent_id
        )
        self.push_screen(draft, message.then)

    def on_open_person(self, message: nav.OpenPerson) -> None:
        self.push_screen(feature("people.person:PersonScreen")(message.person_id))

    def on_new_person(self, message: nav.NewPerson) -> None:
        self._on_people_page(lambda page: page.new_person())

    def on_log_conversation(self, message: nav.LogConversation) -> None:
        self._on_people_page(lambda page: page.new_conversation())

    def _on_people_page(self, ask: Callable[[PeoplePage], None]) -> None:
        """Switch to People, then ``ask`` the page on top there (the list, or a person's page)."""
        if not isinstance(self.screen, JournalScreen):
            # A form, the help or another palette is open (keys typed ahead can open one before this
            # command runs): switching modes under it would strand it.
            return
        self.switch_mode("people")

        def on_top() -> None:
            page = self.screen
            if isinstance(page, feature("people.page:PeoplePage")):
                ask(page)

        self.call_after_refresh(on_top)

    def on_read_entry(self, message: nav.ReadEntry) -> None:
        from goaljournal.ui.shared.reader import MarkdownBody

        def build() -> tuple[Content | Widget, list[ReaderKey]]:
            heading, text = feature("reflections.render:entry_heading")(self.store, message.entry_id)
            return MarkdownBody(heading, text), []

        self._read("entry", "Entry", build)

    def on_read_assessment(self, message: nav.ReadAssessment) -> None:
        def build() -> tuple[Content | Widget, list[ReaderKey]]:
            return feature("assess.render:assessment_summary")(self.store, message.session_id), []

        self._read("assessment", "Self-assessment", build)

    def on_read_conversation(self, message: nav.ReadConversation) -> None:
        from goaljournal.ui.shared.reader import ReaderKey

        def build() -> tuple[Content | Widget, list[ReaderKey]]:
            talk = self.store.get_interaction(message.interaction_id)
            person = ReaderKey("p", "this person's page", nav.OpenPerson(talk.person_id))
            return feature("people.render:conversation_detail")(self.store, talk, self.today), [person]

        self._read("conversation", "Conversation", build)

    def _read(self, kind: str, title: str, build: Callable[[], tuple[Content | Widget, list[ReaderKey]]]) -> None:
        """A record read-only, its body rendered by the feature that owns it, over the screen that
        asked. A record gone meanwhile (an entry purged from the trash in another window, say) is a
        warning, not a crash."""
        from goaljournal.ui.shared.reader import ReaderDialog

        try:
            body, keys = build()
        except JournalError as err:
            self.tell(str(err), severity="warning")
            return
        self.push_screen(ReaderDialog(kind, title, body, keys))

    def on_start_review(self, message: nav.StartReview) -> None:
        """The review for the period under review: begun, or resumed where it was left."""
        if isinstance(self.screen, feature("review.screen:ReviewSession")):
            return
        try:
            review_id = self.store.start_review(message.kind, self.today)
            finished = self.store.get_review(review_id).completed_at is not None
        except JournalError as err:
            self.tell(str(err), severity="error")
            return
        if finished:  # this period's review is done: shown, not taken again
            self.tell(f"This {message.kind}'s review is done; here it is. The next one opens at the {message.kind}'s end.")
            self.post_message(nav.ReadReview(review_id))
            return
        self.push_screen(feature("review.screen:ReviewSession")(review_id))

    def on_read_review(self, message: nav.ReadReview) -> None:
        def build() -> tuple[Content | Widget, list[ReaderKey]]:
            return feature("review.render:review_reading")(self.store, message.review_id, self.today), []

        self._read("review", "Review", build)

    def compare_reviews(self) -> None:
        """The latest finished review against the one four before it (or the earliest there is)."""
        finished = self.store.reviews(completed=True)
        if not finished:
            self.tell("No finished review yet: the palette's \"Weekly review\" starts one.")
            return

        def build() -> tuple[Content | Widget, list[ReaderKey]]:
            latest = finished[0]
            earlier = self.store.review_before(latest, periods=4)
            return feature("review.render:comparison_content")(self.store, latest, earlier), []

        self._read("review", "Reviews compared", build)

    def on_start_assessment(self, message: nav.StartAssessment) -> None:
        self.switch_mode("assess")
        self.call_after_refresh(self._start_assessment)

    def _start_assessment(self) -> None:
        screen = self.screen
        if isinstance(screen, feature("assess.screen:AssessScreen")):
            screen.action_start()
