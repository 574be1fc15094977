"""The passphrase screen an encrypted journal opens with, before anything of it is shown.

A small app of its own: it asks for the passphrase (never echoed), derives the key and checks it
against the file in a worker thread (the derivation is slow on purpose), and returns the key and
passphrase; the journal app then opens with that key. Three wrong tries end it.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, Static

from goaljournal.core.config import config_path, read_preferences
from goaljournal.core.words import plural
from goaljournal.store import JournalError
from goaljournal.store.driver import Key
from goaljournal.ui.shared.themes import THEMES


class UnlockApp(App[tuple[Key, str] | None]):
    """Ask for ``path``'s passphrase; the app's result is (key, passphrase), or None when the
    user left or ran out of tries (``tries_left`` tells which)."""

    TITLE = "goaljournal"
    TRIES = 3
    CSS = """
    Screen { align: center middle; }
    #unlock { width: 72; max-width: 100%; height: auto; border: round $primary; padding: 1 2; }
    #unlock-title { text-style: bold; }
    #unlock-path { color: $text-muted; margin-bottom: 1; }
    #unlock-status { height: auto; margin-top: 1; }
    #unlock-status.wrong { color: $error; }
    """
    BINDINGS = [Binding("escape", "leave", "Quit"), Binding("ctrl+q", "leave", "Quit", show=False)]

    def __init__(self, path: Path, *, config: Path | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.tries_left = self.TRIES
        for theme in THEMES:
            self.register_theme(theme)
        preferences, _ = read_preferences(config or config_path())
        if preferences.theme in self.available_themes:
            self.theme = preferences.theme

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock"):
            yield Static(Content("This journal is encrypted"), id="unlock-title")
            yield Static(Content(str(self.path)), id="unlock-path")
            yield Input(placeholder="Passphrase", password=True, id="unlock-passphrase")
            yield Static(Content("Type its passphrase and press Enter."), id="unlock-status")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value or self.query_one(Input).disabled:
            return
        self.query_one(Input).disabled = True
        self._say("Opening…", wrong=False)
        self.check(event.value)

    @work(thread=True, exclusive=True)
    def check(self, secret: str) -> None:
        from goaljournal.store import encryption

        try:
            key = encryption.unlock(self.path, secret)
            encryption.check_key(self.path, key)
        except JournalError:
            self.call_from_thread(self._wrong)
            return
        self.call_from_thread(self.exit, (key, secret))

    def _wrong(self) -> None:
        self.tries_left -= 1
        if self.tries_left == 0:
            self.exit(None, return_code=1)
            return
        field = self.query_one(Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self._say(f"Wrong passphrase: {plural(self.tries_left, 'try', 'tries')} left.", wrong=True)

    def _say(self, text: str, *, wrong: bool) -> None:
        status = self.query_one("#unlock-status", Static)
        status.update(Content(text))
        status.set_class(wrong, "wrong")

    def action_leave(self) -> None:
        self.exit(None)
