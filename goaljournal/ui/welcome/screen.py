"""The welcome a first run opens with (and the command palette or the help reopen): what the
journal is for, the daily loop, and the one key that starts each part of it.

It offers a first goal (drafted with the SMART coach), a first self-assessment, or an import of
an existing jrnl or Day One journal (a command-line job: the dialog says the exact command).
Leaving it by any of its keys puts it away for good in the journal: a second start on the same
file opens on Today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from goaljournal.store import JournalError
from goaljournal.ui import nav

if TYPE_CHECKING:
    from goaljournal.ui.app import GoalJournalApp

# The method, one step a line: (what, how often and what it asks of you).
LOOP = (
    ("Goals", "what you aim for, made SMART: specific, measurable, dated"),
    ("Milestones", "the steps on the way, each due on a day"),
    ("Check-in", "daily, on Today: a number for each goal, your mood and energy"),
    ("Reflection", "a line on what went well, what did not, what you learned"),
    ("Assessment", "every quarter: strengths, weaknesses, skills rated 1–5"),
)

# The journals the command line imports: (--format, what the FILE is).
IMPORTS = (
    ("jrnl", "jrnl's plain-text journal"),
    ("dayone", "a Day One JSON export, or its .zip"),
)


class WelcomeScreen(ModalScreen[None]):
    """The first run's welcome, over Today. Its offers close it, then ask the app (through a
    ``ui.nav`` message) for the drafting form or the self-assessment."""

    CSS_PATH = "welcome.tcss"
    BINDINGS = [
        Binding("n", "offer('goal')", "First goal"),
        Binding("a", "offer('assessment')", "Self-assessment"),
        Binding("escape", "skip", "Skip"),
        # A dialog takes no app keys: these two are said in the text, so they work here too.
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.help", "Help"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-dialog") as dialog:
            dialog.border_title = "Welcome to goaljournal"
            yield Static(
                Content("Grow at work: set goals, take a small step each day, look back to learn."),
                id="welcome-intro",
            )
            for number, (name, what) in enumerate(LOOP, 1):
                yield self._row(Content.assemble((f"{number} {name}", "bold")), what, "loop")
            yield Static(Content("Start here:"), classes="welcome-heading")
            yield self._key_row("n", "Draft your first goal; the SMART coach checks it as you type")
            yield self._key_row("a", "Start your first self-assessment (about a quarter of an hour)")
            yield self._key_row("escape", "Skip for now; ctrl+p \"welcome\" or ? then w opens this again")
            yield Static(Content("Already keep a journal? Quit (q) and import its entries:"), classes="welcome-heading")
            for fmt, what in IMPORTS:
                yield self._row(Content(f"goaljournal import --format {fmt} FILE"), what, "import")

    @staticmethod
    def _key_row(key: str, what: str) -> Horizontal:
        return WelcomeScreen._row(Content.styled(key, "bold $text-accent"), what, "offer")

    @staticmethod
    def _row(left: Content, right: str, kind: str) -> Horizontal:
        # Two columns: a long line wraps under its own text, not under the key.
        return Horizontal(Static(left, classes="left"), Static(Content(right), classes="right"), classes=f"welcome-row {kind}")

    def action_offer(self, what: str) -> None:
        self._leave(nav.DraftGoal() if what == "goal" else nav.StartAssessment())

    def action_skip(self) -> None:
        self._leave(None)

    def _leave(self, then: Message | None) -> None:
        if not self.is_active:  # a key that arrived after the welcome closed
            return
        try:
            cast("GoalJournalApp", self.app).store.put_welcome_away()
        except JournalError:  # a read-only or busy journal: the welcome shows again next time, no harm
            pass
        self.dismiss()
        if then is not None:
            # Posted after the pop: the screen it asks for goes over the one below, not over this.
            self.app.post_message(then)
