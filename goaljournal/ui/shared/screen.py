"""What every screen of the app shares: the title bar, the store, and refreshing on return."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from goaljournal.core.dates import human_date
from goaljournal.store import JournalError, Store

if TYPE_CHECKING:
    from goaljournal.ui.app import GoalJournalApp


class TitleBar(Horizontal):
    """One line: the app and screen name, the date in the middle, the screen's status on the right.
    On a demo journal a warning-coloured mark says so, so that nobody types their real day into a
    journal that is thrown away on quitting."""

    # The demo mark, from wide to narrow: the longest that leaves the name and date whole.
    DEMO_MARKS = (" DEMO (temporary journal) ", " DEMO ")

    def __init__(self, screen_name: str, *, demo: bool = False) -> None:
        super().__init__(id="title-bar", classes="-demo" if demo else "")
        self.screen_name = screen_name
        self.demo = demo

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("goaljournal", "bold"), " · ", (self.screen_name, "bold $text-accent")), id="title-name")
        if self.demo:
            yield Static(Content(self.DEMO_MARKS[-1]), id="title-demo")
        yield Static(id="title-date")
        yield Static(id="title-status")

    def on_resize(self) -> None:
        if self.demo:
            wide = self.size.width >= 100
            self.query_one("#title-demo", Static).update(Content(self.DEMO_MARKS[0] if wide else self.DEMO_MARKS[-1]))

    def show(self, today: date, status: str = "") -> None:
        self.query_one("#title-date", Static).update(Content(human_date(today, "%a %d %b %Y")))
        self.query_one("#title-status", Static).update(Content(status))


ResultType = TypeVar("ResultType")
T = TypeVar("T")


class JournalScreen(Screen[ResultType]):
    """A screen of the journal app, dismissed with a ``ResultType`` (``JournalScreen[None]`` for
    one that gives nothing back). ``refresh_data`` re-reads what it shows from the store."""

    SCREEN_NAME = ""
    # `u` takes back this screen's latest change (the app keeps them: GoalJournalApp.remember).
    BINDINGS = [Binding("u", "undo", "Undo", show=False)]

    @classmethod
    def _merge_bindings(cls) -> BindingsMap:
        """The bindings of the class and its bases, as Textual merges them, except that a key a
        class binds again takes the place that class gives it: Textual keeps it where the most
        basic class put it, so the `u` every screen has from here came first on the key bar."""
        keys: dict[str, list[Binding]] = {}
        for base in reversed(cls.__mro__):
            if issubclass(base, DOMNode):
                if not base._inherit_bindings:
                    keys.clear()
                for key, bindings in BindingsMap(base.__dict__.get("BINDINGS", [])).key_to_bindings.items():
                    keys.pop(key, None)
                    keys[key] = bindings
        return BindingsMap.from_keys(keys)

    @property
    def journal_app(self) -> GoalJournalApp:
        return cast("GoalJournalApp", self.app)

    @property
    def store(self) -> Store:
        return self.journal_app.store

    @property
    def today(self) -> date:
        return self.journal_app.today

    def compose_title(self) -> ComposeResult:
        yield TitleBar(self.SCREEN_NAME, demo=self.journal_app.demo)

    def on_mount(self) -> None:
        self.refresh_data()
        self._just_mounted = True

    def on_screen_resume(self) -> None:
        # The first resume follows the mount's refresh at once: reading the journal again there
        # would only slow the first frame.
        if getattr(self, "_just_mounted", False):
            self._just_mounted = False
            return
        # Another screen (or the command line, in another window) may have written meanwhile.
        if self.is_mounted:
            self.refresh_data()

    def refresh_data(self) -> None:
        self.query_one(TitleBar).show(self.today, self.title_status())

    def title_status(self) -> str:
        return ""

    def themed(self, style: str) -> str:
        """``style`` with its theme variables ("bold $text-error") as the colours a rich Text cell
        (a DataTable's) understands; a variable the theme lacks is left out."""
        colours = self.app.theme_variables
        words = (colours.get(word[1:], "") if word.startswith("$") else word for word in style.split())
        return " ".join(word for word in words if word)

    @property
    def undo_owner(self) -> str:
        """Whose changes `u` undoes here: the screen's; a page of one goal or person says which."""
        return type(self).__name__

    def remember(self, what: str, undo: Callable[[], object]) -> None:
        """Keep a change just made here, for `u`. ``what`` completes "Undone: …"."""
        self.journal_app.remember(self.undo_owner, what, undo)

    def action_undo(self) -> None:
        if self.journal_app.undo_last(self.undo_owner):
            self.refresh_data()

    def outcome(self, call: Callable[..., T], /, *args: Any, **kwargs: Any) -> T | None:
        """Run a store call and give its result, or None when it was refused. A user-facing error
        (a read-only or busy journal, a bad value) becomes a notification instead of a crash, and
        nothing is half-written. ``call`` is positional-only, so any keyword reaches it."""
        try:
            return call(*args, **kwargs)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            return None

    def attempt(self, call: Callable[..., object], /, *args: Any, **kwargs: Any) -> bool:
        """Run a store call; True if it worked (a refusal is told as ``outcome`` tells it)."""
        try:
            call(*args, **kwargs)
        except JournalError as err:
            self.journal_app.tell(str(err), severity="error")
            return False
        return True
