"""Two self-assessment sessions side by side: skills up and down, strengths and weaknesses
added and dropped, and the themes of the feedback in each."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from goaljournal.core.models import Assessment
from goaljournal.ui.assess.base import text_room
from goaljournal.ui.assess.render import (
    comparison_of,
    day_label,
    side_content,
    skill_lines,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.widgets.footer import KeyBar


class CompareScreen(JournalScreen[None]):
    """Two sessions side by side, the older on the left."""

    SCREEN_NAME = "Compare sessions"
    CSS_PATH = "assess.tcss"
    BINDINGS = [Binding("escape", "back", "Back to sessions")]

    def __init__(self, first_id: int, second_id: int) -> None:
        super().__init__()
        self.session_ids = (first_id, second_id)

    def sessions(self) -> tuple[Assessment, Assessment]:
        first, second = (self.store.get_assessment(i) for i in self.session_ids)
        return (first, second) if (first.at, first.id) <= (second.at, second.id) else (second, first)

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with VerticalScroll(id="compare-skills", classes="panel") as skills:
            skills.border_title = "Skills"
            yield Static(id="compare-skills-text")
        with Horizontal(id="compare-sides"):
            with VerticalScroll(id="compare-before", classes="panel"):
                yield Static(id="compare-before-text")
            with VerticalScroll(id="compare-after", classes="panel"):
                yield Static(id="compare-after-text")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#compare-skills").focus()
        self.call_after_refresh(self.refresh_data)  # laid out now: the sides wrap to their width

    def title_status(self) -> str:
        before, after = self.sessions()
        return f"{day_label(before.at)} → {day_label(after.at)}"

    def refresh_data(self) -> None:
        super().refresh_data()
        before, after = self.sessions()
        comparison = comparison_of(self.store, before, after)
        counts = f"{comparison.count('up')} up · {comparison.count('down')} down · {comparison.count('same')} same"
        skills = self.query_one("#compare-skills", VerticalScroll)
        skills.border_title = f"Skills: {counts}"
        self.query_one("#compare-skills-text", Static).update(Content("\n").join(skill_lines(self.store, before, after, comparison)))
        for side, session, is_after in (("before", before, False), ("after", after, True)):
            panel = self.query_one(f"#compare-{side}", VerticalScroll)
            panel.border_title = f"{'Then' if not is_after else 'Now'} · {day_label(session.at)}"
            room = text_room(panel)
            self.query_one(f"#compare-{side}-text", Static).update(side_content(self.store, session, comparison, after=is_after, width=room))

    def on_resize(self) -> None:
        # The sides wrap to their panels' width: draw them again at the new one.
        if self.is_mounted:
            self.call_after_refresh(self.refresh_data)

    def action_back(self) -> None:
        self.dismiss()
