"""Two self-assessment sessions side by side: skills up and down, strengths and weaknesses
added and dropped, and the themes of the feedback in each."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from goaljournal.core import assessment as core
from goaljournal.core.models import Assessment, AssessmentItem
from goaljournal.store import Store
from goaljournal.ui.assess.session import day_label, padded
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import compose_line, user_content

NAME_WIDTH = 24
CHANGE_STYLES = {"up": "$success", "down": "$error", "same": "$text-muted", "new": "$accent", "dropped": "$text-muted"}
ITEM_MARKS = {
    "added": ("+ new     ", "$success"), "dropped": ("− dropped ", "$error"), "kept": ("= kept    ", "$text-muted"),
    "reworded": ("~ reworded ", "$accent"),
}  # fmt: skip
THEME_WORDS = {"new": "new", "gone": "gone", "more": "more", "fewer": "fewer", "same": "same"}


def _comparison(store: Store, before: Assessment, after: Assessment) -> core.Comparison:
    return core.compare_sessions(
        store.assessment_items(before.id), store.ratings(before.id),
        store.assessment_items(after.id), store.ratings(after.id),
    )  # fmt: skip


def _rating(value: int | None) -> str:
    return "–" if value is None else str(value)


def skill_lines(store: Store, before: Assessment, after: Assessment, comparison: core.Comparison) -> list[Content]:
    """A line per skill: its rating in each session, the change, and its trajectory so far."""
    lines = {t.skill_id: t for t in store.skill_trajectories(until=after.at)}
    out = [
        Content.assemble(
            padded(Content("Skill"), NAME_WIDTH), "  ", padded(Content(day_label(before.at)), 12),
            padded(Content(day_label(after.at)), 12), padded(Content("change"), 9), "trend",
        ).stylize("bold")
    ]
    for change in comparison.skills:
        trajectory = lines.get(change.skill_id)
        word = core.delta_text(change.delta) or change.direction
        out.append(Content.assemble(
            padded(user_content(change.name, single_line=True, width=NAME_WIDTH), NAME_WIDTH), "  ",
            padded(Content(f"{_rating(change.before)}  {core.rating_dots(change.before)}"), 12),
            padded(Content(f"{_rating(change.after)}  {core.rating_dots(change.after)}"), 12),
            padded(Content.styled(word, CHANGE_STYLES[change.direction]), 9),
            (trajectory.sparkline if trajectory else "", "$accent"),
        ))  # fmt: skip
    if not comparison.skills:
        out.append(Content.styled("No skill was rated in either session.", "$text-muted italic"))
    return out


def _item_lines(title: str, changes: core.ItemChanges, items: list[AssessmentItem]) -> list[Content]:
    lines = [Content(""), Content.styled(title, "bold")]
    for item in items:
        mark, style = ITEM_MARKS[changes.status_of(item)]
        lines.append(compose_line((mark, style), user_content(item.text, single_line=True)))
    if not items:
        lines.append(Content.styled("  none", "$text-muted italic"))
    return lines


def side_content(store: Store, session: Assessment, comparison: core.Comparison, *, after: bool) -> Content:
    """One side of the comparison: that session's strengths, weaknesses and feedback themes."""
    items = store.assessment_items(session.id)
    strengths = [i for i in items if i.kind == "strength"]
    weaknesses = [i for i in items if i.kind == "weakness"]
    lines = _item_lines("Strengths", comparison.strengths, strengths)
    lines += _item_lines("Weaknesses", comparison.weaknesses, weaknesses)
    lines += [Content(""), Content.styled("Feedback themes", "bold")]
    shown = [t for t in comparison.themes if (t.after if after else t.before)]
    for theme in shown:
        count = theme.after if after else theme.before
        note = ("  " + THEME_WORDS[theme.status]) if after and theme.status != "same" else ""
        lines.append(Content.assemble(f"  {theme.name}  ", (f"×{count}", "$accent"), (note, "$text-muted")))
    gone = [t for t in comparison.themes if after and t.status == "gone"]
    if gone:
        lines.append(Content.styled("  no longer heard: " + ", ".join(t.name for t in gone), "$text-muted"))
    if not shown and not gone:
        lines.append(Content.styled("  no feedback recorded", "$text-muted italic"))
    return Content("\n").join(lines[1:])


def comparison_content(store: Store, before: Assessment, after: Assessment) -> Content:
    """The whole comparison in one column (the session's review step)."""
    comparison = _comparison(store, before, after)
    counts = f"{comparison.count('up')} up, {comparison.count('down')} down, {comparison.count('same')} the same"
    lines = [Content.styled(f"Skills since {day_label(before.at)}: {counts}", "bold")]
    lines += skill_lines(store, before, after, comparison)
    for title, changes in (("Strengths", comparison.strengths), ("Weaknesses", comparison.weaknesses)):
        lines += [Content(""), Content.styled(title, "bold")]
        for item in changes.added:
            lines.append(compose_line(ITEM_MARKS["added"], user_content(item.text, single_line=True)))
        for _, item in changes.kept:
            lines.append(compose_line(ITEM_MARKS["kept"], user_content(item.text, single_line=True)))
        for old, item in changes.reworded:
            lines.append(compose_line(ITEM_MARKS["reworded"], user_content(item.text, single_line=True)))
            lines.append(compose_line(("           was: ", "$text-muted"), user_content(old.text, single_line=True, style="$text-muted")))
        for item in changes.dropped:
            lines.append(compose_line(ITEM_MARKS["dropped"], user_content(item.text, single_line=True)))
    if comparison.themes:
        lines += [Content(""), Content.styled("Feedback themes", "bold")]
        for theme in comparison.themes:
            lines.append(Content.assemble(f"  {theme.name}  {theme.before} → {theme.after}  ", (theme.status, "$text-muted")))
    return Content("\n").join(lines)


class CompareScreen(JournalScreen):
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
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#compare-skills").focus()

    def title_status(self) -> str:
        before, after = self.sessions()
        return f"{day_label(before.at)} → {day_label(after.at)}"

    def refresh_data(self) -> None:
        super().refresh_data()
        before, after = self.sessions()
        comparison = _comparison(self.store, before, after)
        counts = f"{comparison.count('up')} up · {comparison.count('down')} down · {comparison.count('same')} same"
        skills = self.query_one("#compare-skills", VerticalScroll)
        skills.border_title = f"Skills: {counts}"
        self.query_one("#compare-skills-text", Static).update(Content("\n").join(skill_lines(self.store, before, after, comparison)))
        for side, session, is_after in (("before", before, False), ("after", after, True)):
            panel = self.query_one(f"#compare-{side}", VerticalScroll)
            panel.border_title = f"{'Then' if not is_after else 'Now'} · {day_label(session.at)}"
            self.query_one(f"#compare-{side}-text", Static).update(side_content(self.store, session, comparison, after=is_after))

    def action_back(self) -> None:
        self.dismiss()
