"""Self-assessments as text: a session's items, its ratings against the session before, the
comparison of two sessions, each skill's trajectory, a session's summary as a reader shows it.
Pure functions of the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len

from textual.content import Content

from goaljournal.core import assessment as core
from goaljournal.core.assessment import STEP_COUNT, Trajectory
from goaljournal.core.models import Assessment, AssessmentItem, Rating, Skill
from goaljournal.core.periods import long_date, short_date
from goaljournal.core.scale import rating_dots
from goaljournal.store import Store
from goaljournal.ui.shared.text import compose_line, hanging, user_content

SECTIONS = (
    ("strength", "Strengths"),
    ("weakness", "Weaknesses"),
    ("success", "Successes"),
    ("failure", "Failures"),
    ("feedback", "Feedback received"),
)
TRAJECTORY_NAME_WIDTH = 22
SPARK_WIDTH = 10  # the latest sessions; older ones scroll off the left
SKILL_NAME_WIDTH = 26
MIN_SKILL_NAME = 12
CHANGE_WIDTH = 10  # "was 2  ▲ 1"
MIN_NOTE = 16  # a note narrower than this goes under its row
NAME_WIDTH = 24
CHANGE_STYLES = {"up": "$text-success", "down": "$text-error", "same": "$text-muted", "new": "$text-accent", "dropped": "$text-muted"}
ITEM_MARKS = {
    "added": ("+ new     ", "$text-success"), "dropped": ("− dropped ", "$text-error"), "kept": ("= kept    ", "$text-muted"),
    "reworded": ("~ reworded ", "$text-accent"),
}  # fmt: skip
THEME_WORDS = {"new": "new", "gone": "gone", "more": "more", "fewer": "fewer", "same": "same"}

def day_label(iso_day: str) -> str:
    """``2026-11-25`` → ``25 Nov 2026``, whatever the locale."""
    return short_date(date.fromisoformat(iso_day[:10]))


def previous_session(store: Store, session: Assessment) -> Assessment | None:
    """The live session just before ``session`` (by date, then by order of creation)."""
    earlier = [a for a in store.assessments() if (a.at, a.id) < (session.at, session.id)]
    return earlier[0] if earlier else None


def previous_completed(store: Store, session: Assessment) -> Assessment | None:
    """The last finished session before ``session``: the one "still true?" starts from."""
    earlier = [a for a in store.assessments() if a.completed_at and (a.at, a.id) < (session.at, session.id)]
    return earlier[0] if earlier else None


def padded(content: Content, width: int) -> Content:
    return content.pad_right(max(0, width - content.cell_length))


def item_prompt(item: AssessmentItem, goals: list[int], width: int | None = None) -> Content:
    """One item as a list option: its text, then its fields on indented lines, each wrapped to
    ``width`` under its own start."""
    head = [user_content(item.text, style="bold")]
    if item.kind == "feedback" and item.source:
        head.insert(0, Content.styled(f"{item.source}: ", "$text-accent"))
    if goals:
        head.append(Content.styled("  → goal " + ", ".join(f"#{g}" for g in goals), "$text-success"))
    lines = [hanging("", Content("").join(head), width)]
    labels = (("evidence", "evidence"), ("cost", "costs"), ("learned", "learned"), ("action", "will do"))
    for name, label in labels:
        value = getattr(item, name)
        if value:
            lines.append(hanging((f"   {label}: ", "$text-muted"), user_content(value, single_line=True), width))
    return Content("\n").join(lines)


def change_text(before: int | None, after: int | None) -> tuple[str, str]:
    """``was 2  ▲ 1`` and its style, for a rating against the previous session's."""
    if before is None:
        return ("new" if after is not None else "", "$text-muted")
    if after is None:
        return (f"was {before}", "$text-muted")
    delta = after - before
    style = "$text-success" if delta > 0 else "$text-error" if delta < 0 else "$text-muted"
    return (f"was {before}  {core.delta_text(delta)}", style)


def session_digest(store: Store, assessment: Assessment, previous: Assessment | None) -> list[str]:
    """The app's digest of a session, against ``previous`` when there is one."""
    return core.digest(
        store.assessment_items(assessment.id), store.ratings(assessment.id),
        previous_items=store.assessment_items(previous.id) if previous else None,
        previous_ratings=store.ratings(previous.id) if previous else None,
        previous_at=day_label(previous.at) if previous else None,
        items_with_goals=store.items_with_goals(assessment.id),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SkillColumns:
    """The widths of the skills step's rows, worked out for the list's width: the name as long as
    the longest (within bounds), the trajectory as long as the longest, the note the rest. Where
    the rest is too narrow for a note, the note goes on a line of its own under the name."""

    width: int
    name: int
    spark: int

    @classmethod
    def fit(cls, width: int, names: list[str], sparklines: list[str]) -> SkillColumns:
        longest = max((cell_len(name) for name in names), default=0)
        spark = min(max((len(line) for line in sparklines), default=0), SPARK_WIDTH)
        return cls(width, max(MIN_SKILL_NAME, min(longest, SKILL_NAME_WIDTH)), spark)

    @property
    def note(self) -> int:
        """The cells left for the note on the row itself (0: it goes on its own line)."""
        room = self.width - (self.name + 2 + 5 + 2 + CHANGE_WIDTH + 2 + (self.spark + 2 if self.spark else 0))
        return room if room >= MIN_NOTE else 0


def skill_row(skill: Skill, rating: Rating | None, before: int | None, sparkline: str, columns: SkillColumns) -> Content:
    """A row of the skills step: the name, the rating as dots, the change since the session
    before, the trajectory so far, and the note on the rating (under the row when it is narrow)."""
    value = rating.rating if rating else None
    change, style = change_text(before, value)
    row = Content.assemble(
        padded(user_content(skill.name, single_line=True, width=columns.name), columns.name), "  ",
        (rating_dots(value), "$text-accent" if value else "$text-muted"), "  ",
        padded(Content.styled(change, style), CHANGE_WIDTH), "  ",
        padded(Content.styled(sparkline[-columns.spark:] if columns.spark else "", "$text-accent"), columns.spark + 2 if columns.spark else 0),
    )  # fmt: skip
    note = rating.note if rating else None
    if not note:
        return row.rstrip()
    if columns.note:
        return row + user_content(note, style="$text-muted", single_line=True, width=columns.note)
    indent = "    "
    return Content("\n").join([row.rstrip(), Content(indent) + user_content(note, style="$text-muted", single_line=True, width=max(1, columns.width - len(indent)))])


def suggestion_row(name: str, category: str, columns: SkillColumns | None = None) -> Content:
    """A skill suggested for the goals' categories, not on the list yet."""
    name_width = columns.name if columns else SKILL_NAME_WIDTH
    return Content.assemble(("+ ", "$text-muted"), padded(Content(name), name_width - 2), "  ",
                            (f"suggested for {category} goals", "$text-muted italic"))  # fmt: skip


def summary_text(session: Assessment) -> Content:
    """The summary step's own words, or how to write them."""
    if session.summary:
        return user_content(session.summary)
    return Content.styled("Nothing written yet: press e to write your summary.", "$text-muted italic")


def weakness_candidate(item: AssessmentItem, goals: list[int]) -> Content:
    """The review step's row for a weakness that could become a goal."""
    return Content.assemble(("weakness  ", "$text-warning"), item_prompt(item, goals).first_line)


def skill_candidate(rating: Rating) -> Content:
    """The review step's row for a low-rated skill that could become a goal."""
    return compose_line((f"skill {rating.rating}/5  ", "$text-warning"), user_content(rating.skill_name or "", single_line=True))


def first_session_text() -> Content:
    """What the sessions screen says before the first session: what one is for, and the key."""
    return Content("\n").join([
        Content.styled("Take stock of where you stand, once a quarter.", "bold"),
        Content(""),
        Content("A self-assessment walks you through seven steps: your strengths and weaknesses with the "
                "evidence for each, your skills rated 1–5, successes and failures and what you learned, the "
                "feedback you received, and a summary in your own words."),
        Content(""),
        Content("Each session is compared with the one before, so you see what moved; a weakness or a "
                "low-rated skill becomes a goal with one key. Every answer is saved as you give it: stop "
                "at any step and resume later."),
        Content(""),
        Content.assemble("Press ", ("n", "bold $text-accent"), " to start your first self-assessment."),
    ])  # fmt: skip


def assessment_detail(store: Store, assessment: Assessment, previous: Assessment | None, width: int | None = None) -> Content:
    """A session: its summary, skill ratings with the change since ``previous`` and the
    trajectory so far, the app's digest, and its items (with the goals made from them); lists
    wrap to ``width`` with a hanging indent."""
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
                (rating_dots(rating.rating), "$text-accent"), "  ", padded(Content.styled(change, style), 11), " ",
                (trajectory.sparkline[-SPARK_WIDTH:] if trajectory else "", "$text-accent"),
            ))  # fmt: skip
    lines += [Content(""), Content.styled("The app's digest", "bold")]
    lines += [hanging("  • ", user_content(line, style="$text-muted"), width) for line in session_digest(store, assessment, previous)]
    goals = store.goals_from_items(assessment.id)
    for kind, title in SECTIONS:
        chosen = [item for item in items if item.kind == kind]
        if not chosen:
            continue
        lines += [Content(""), Content.styled(title, "bold")]
        for item in chosen:
            inner = width - 2 if width else None
            lines.extend(Content("  ") + line for line in item_prompt(item, goals.get(item.id, []), inner).split("\n"))
    return Content("\n").join(lines)


def trajectory_line(trajectory: Trajectory) -> Content:
    change = trajectory.change
    first, latest = trajectory.first, trajectory.latest
    span = f"{first} → {latest}" if change is not None else f"{latest}"
    style = "$text-success" if (change or 0) > 0 else "$text-error" if (change or 0) < 0 else "$text-muted"
    return Content.assemble(
        padded(user_content(trajectory.name, single_line=True, width=TRAJECTORY_NAME_WIDTH), TRAJECTORY_NAME_WIDTH), " ",
        padded(Content.styled(trajectory.sparkline[-SPARK_WIDTH:], "$text-accent"), SPARK_WIDTH), " ",
        (span, ""), (f"  {core.delta_text(change)}" if change else "", style),
        ("  retired", "$text-muted italic") if trajectory.retired else "",
    )  # fmt: skip


# -- two sessions compared -------------------------------------------------------------------


def comparison_of(store: Store, before: Assessment, after: Assessment) -> core.Comparison:
    """How ``after`` differs from ``before``: skills, strengths and weaknesses, feedback themes."""
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
            padded(Content(f"{_rating(change.before)}  {rating_dots(change.before)}"), 12),
            padded(Content(f"{_rating(change.after)}  {rating_dots(change.after)}"), 12),
            padded(Content.styled(word, CHANGE_STYLES[change.direction]), 9),
            (trajectory.sparkline if trajectory else "", "$text-accent"),
        ))  # fmt: skip
    if not comparison.skills:
        out.append(Content.styled("No skill was rated in either session.", "$text-muted italic"))
    return out


def _item_lines(title: str, changes: core.ItemChanges, items: list[AssessmentItem], width: int | None) -> list[Content]:
    lines = [Content(""), Content.styled(title, "bold")]
    for item in items:
        lines.append(hanging(ITEM_MARKS[changes.status_of(item)], user_content(item.text, single_line=True), width))
    if not items:
        lines.append(Content.styled("  none", "$text-muted italic"))
    return lines


def side_content(store: Store, session: Assessment, comparison: core.Comparison, *, after: bool, width: int | None = None) -> Content:
    """One side of the comparison: that session's strengths, weaknesses and feedback themes,
    wrapped to ``width`` with a hanging indent."""
    items = store.assessment_items(session.id)
    strengths = [i for i in items if i.kind == "strength"]
    weaknesses = [i for i in items if i.kind == "weakness"]
    lines = _item_lines("Strengths", comparison.strengths, strengths, width)
    lines += _item_lines("Weaknesses", comparison.weaknesses, weaknesses, width)
    lines += [Content(""), Content.styled("Feedback themes", "bold")]
    shown = [t for t in comparison.themes if (t.after if after else t.before)]
    for theme in shown:
        count = theme.after if after else theme.before
        note = ("  " + THEME_WORDS[theme.status]) if after and theme.status != "same" else ""
        lines.append(Content.assemble(f"  {theme.name}  ", (f"×{count}", "$text-accent"), (note, "$text-muted")))
    gone = [t for t in comparison.themes if after and t.status == "gone"]
    if gone:
        lines.append(Content.styled("  no longer heard: " + ", ".join(t.name for t in gone), "$text-muted"))
    if not shown and not gone:
        lines.append(Content.styled("  no feedback recorded", "$text-muted italic"))
    return Content("\n").join(lines[1:])


def comparison_content(store: Store, before: Assessment, after: Assessment, width: int | None = None) -> Content:
    """The whole comparison in one column (the session's review step), items wrapped to ``width``."""
    comparison = comparison_of(store, before, after)
    counts = f"{comparison.count('up')} up, {comparison.count('down')} down, {comparison.count('same')} the same"
    lines = [Content.styled(f"Skills since {day_label(before.at)}: {counts}", "bold")]
    lines += skill_lines(store, before, after, comparison)
    for title, changes in (("Strengths", comparison.strengths), ("Weaknesses", comparison.weaknesses)):
        lines += [Content(""), Content.styled(title, "bold")]
        for item in changes.added:
            lines.append(hanging(ITEM_MARKS["added"], user_content(item.text, single_line=True), width))
        for _, item in changes.kept:
            lines.append(hanging(ITEM_MARKS["kept"], user_content(item.text, single_line=True), width))
        for old, item in changes.reworded:
            lines.append(hanging(ITEM_MARKS["reworded"], user_content(item.text, single_line=True), width))
            lines.append(hanging(("           was: ", "$text-muted"), user_content(old.text, single_line=True, style="$text-muted"), width))
        for item in changes.dropped:
            lines.append(hanging(ITEM_MARKS["dropped"], user_content(item.text, single_line=True), width))
    if comparison.themes:
        lines += [Content(""), Content.styled("Feedback themes", "bold")]
        for theme in comparison.themes:
            lines.append(Content.assemble(f"  {theme.name}  {theme.before} → {theme.after}  ", (theme.status, "$text-muted")))
    return Content("\n").join(lines)


# -- a session read back ---------------------------------------------------------------------


ITEM_SECTIONS = (
    ("strength", "Strengths"), ("weakness", "Weaknesses"), ("success", "Successes"),
    ("failure", "Failures"), ("feedback", "Feedback"),
)  # fmt: skip


def assessment_summary(store: Store, assessment_id: int) -> Content:
    assessment = next((a for a in store.assessments() if a.id == assessment_id), None)
    if assessment is None:
        return Content.styled("This self-assessment is no longer in the journal.", "$text-muted italic")
    state = f"completed {assessment.completed_at[:10]}" if assessment.completed_at else f"in progress, step {assessment.step}"
    lines = [
        Content.styled(f"Self-assessment of {long_date(date.fromisoformat(assessment.at))}", "bold"),
        Content.styled(state, "$text-muted"),
        Content(""),
        user_content(assessment.summary) if assessment.summary else Content.styled("No summary yet.", "$text-muted italic"),
    ]
    ratings = store.ratings(assessment.id)
    if ratings:
        lines += [Content(""), Content.styled("Skills (1–5)", "bold")]
        for rating in ratings:
            name = rating.skill_name or ""
            lines.append(
                Content.assemble(
                    "  ", user_content(name, single_line=True, width=30), " " * max(1, 32 - min(len(name), 30)),
                    (rating_dots(rating.rating), "$text-accent"), f"  {rating.rating}",
                )
            )
    items = store.assessment_items(assessment.id)
    for kind, title in ITEM_SECTIONS:
        chosen = [item for item in items if item.kind == kind]
        if chosen:
            lines += [Content(""), Content.styled(f"{title} ({len(chosen)})", "bold")]
            lines += [user_content(f"  • {item.text}") for item in chosen]
    return Content("\n").join(lines)
