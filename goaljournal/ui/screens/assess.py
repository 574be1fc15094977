"""Self-assessment: past sessions, and one session's items and skill ratings against the one before."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core.models import Assessment
from goaljournal.store import Store
from goaljournal.ui.screens.base import JournalScreen
from goaljournal.ui.text import user_content

SECTIONS = (
    ("strength", "Strengths"),
    ("weakness", "Weaknesses"),
    ("success", "Successes"),
    ("failure", "Failures"),
    ("feedback", "Feedback received"),
)


def assessment_detail(store: Store, assessment: Assessment, previous: Assessment | None) -> Content:
    """A session's skill ratings (with the change since ``previous``) and its items."""
    lines: list[Content] = [Content.styled(f"Self-assessment of {assessment.at}", "bold")]
    if assessment.summary:
        lines.append(user_content(assessment.summary))
    before = {rating.skill_id: rating.rating for rating in store.ratings(previous.id)} if previous else {}
    ratings = store.ratings(assessment.id)
    if ratings:
        heading = "Skills (1–5)" + (f", compared with {previous.at}" if previous else "")
        lines += [Content(""), Content.styled(heading, "bold")]
        for rating in ratings:
            dots = "●" * rating.rating + "○" * (5 - rating.rating)
            change: tuple[str, str] | str = ""
            if rating.skill_id in before:
                delta = rating.rating - before[rating.skill_id]
                change = (f"  was {before[rating.skill_id]}  ▲ {delta}", "$success") if delta > 0 else (
                    (f"  was {before[rating.skill_id]}  ▼ {-delta}", "$error") if delta < 0 else ("  same", "$text-muted")
                )
            lines.append(
                Content.assemble(
                    "  ", user_content(rating.skill_name or "", single_line=True, width=28).pad_right(0),
                    " " * max(1, 30 - len(rating.skill_name or "")), (dots, "$accent"), change,
                )
            )
    items = store.assessment_items(assessment.id)
    for kind, title in SECTIONS:
        chosen = [item for item in items if item.kind == kind]
        if not chosen:
            continue
        lines += [Content(""), Content.styled(title, "bold")]
        for item in chosen:
            source = f"[{item.source}] " if item.source else ""
            lines.append(user_content(f"  • {source}{item.text}"))
            for label, value in (("evidence", item.evidence), ("cost", item.cost), ("learned", item.learned), ("will do", item.action)):
                if value:
                    lines.append(user_content(f"      {label}: {value}", style="$text-muted"))
    return Content("\n").join(lines)


class AssessScreen(JournalScreen):
    SCREEN_NAME = "Self-assessment"

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="assess-main"):
            sessions = OptionList(id="sessions", classes="panel")
            sessions.border_title = "Sessions"
            yield sessions
            with VerticalScroll(id="assessment", classes="panel") as detail:
                detail.border_title = "Session"
                yield Static(id="assessment-text")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#sessions", OptionList).focus()

    def refresh_data(self) -> None:
        super().refresh_data()
        self.sessions = self.store.assessments()
        option_list = self.query_one("#sessions", OptionList)
        highlighted = option_list.highlighted or 0
        option_list.clear_options()
        for session in self.sessions:
            state = "done" if session.completed_at else f"in progress (step {session.step})"
            option_list.add_option(
                Option(Content(f"{session.at}  {session.item_count} items · {session.rating_count} skills · {state}"), id=str(session.id))
            )
        if self.sessions:
            option_list.highlighted = min(highlighted, len(self.sessions) - 1)
        self._show(option_list.highlighted)

    def title_status(self) -> str:
        return f"{len(self.store.assessments())} sessions"

    @on(OptionList.OptionHighlighted, "#sessions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int | None) -> None:
        text = self.query_one("#assessment-text", Static)
        if index is None or not self.sessions:
            text.update(Content.styled("No self-assessments yet.", "$text-muted italic"))
            return
        previous = self.sessions[index + 1] if index + 1 < len(self.sessions) else None
        text.update(assessment_detail(self.store, self.sessions[index], previous))
