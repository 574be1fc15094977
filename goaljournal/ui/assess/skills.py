"""The self-assessment's skills step: every skill rated 1–5 against the session before, with
skills suggested for the goals' categories; a skill added, renamed, retired, or turned into a goal."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from goaljournal.core import assessment as core
from goaljournal.core.assessment import LOW_RATING
from goaljournal.core.models import CATEGORIES, Rating, Skill
from goaljournal.ui.assess.base import SessionScreen, core_one_line
from goaljournal.ui.assess.forms import rating_note_form, skill_name_form
from goaljournal.ui.assess.render import SkillColumns, skill_row, suggestion_row


def goal_category(skill: Skill | None) -> str:
    return skill.category if skill is not None and skill.category in CATEGORIES else "skill"


class SkillsStep(SessionScreen):
    """A session screen with its skills step. The step's rows keep the order they had when it was
    entered, so rating a row never moves it from under the cursor."""

    def __init__(self, assessment_id: int, *, step: int | None = None) -> None:
        super().__init__(assessment_id, step=step)
        # The skills step's rows in the order shown when it was entered (None: sort afresh), and
        # the skills suggested then: rating a row neither moves it nor changes the suggestions.
        self.skill_order: list[str] | None = None
        self.suggestions: list[tuple[str, str]] = []

    def _skill_rows(self) -> tuple[list[Skill], dict[int, Rating], dict[int, int]]:
        skills = self.store.skills()
        ratings = {r.skill_id: r for r in self.store.ratings(self.assessment_id)}
        before = {r.skill_id: r.rating for r in self.store.ratings(self.previous.id)} if self.previous else {}
        return skills, ratings, before

    def _show_skills(self) -> None:
        skills, ratings, before = self._skill_rows()
        lines = {t.skill_id: t for t in self.store.skill_trajectories(until=self.session.at)}
        known = {s.name.casefold() for s in self.store.skills(include_retired=True)}
        if self.skill_order is None:
            goal_categories = [g.category for g in self.store.goals(status=("active", "draft"))]
            self.suggestions = core.suggested_skills(goal_categories, known, limit=4 if skills else 8)
        suggested = [(name, category) for name, category in self.suggestions if name.casefold() not in known]
        widget = self.query_one("#step-skills", OptionList)
        columns = SkillColumns.fit(
            self._row_width(widget), [s.name for s in skills] + [f"+ {name}" for name, _ in suggested],
            [line.sparkline for line in lines.values()],
        )  # fmt: skip
        options: dict[str, Option] = {}
        for skill in skills:
            trajectory = lines.get(skill.id)
            row = skill_row(skill, ratings.get(skill.id), before.get(skill.id), trajectory.sparkline if trajectory else "", columns)
            options[f"skill-{skill.id}"] = Option(row, id=f"skill-{skill.id}")
        for name, category in suggested:
            options[f"suggest-{name}"] = Option(suggestion_row(name, category, columns), id=f"suggest-{name}")
        if self.skill_order is None:
            self.skill_order = list(options)
        widget.border_title = f"Skills ({len(ratings)} of {len(skills)} rated)"
        widget.border_subtitle = "1–5 rates and moves on to the next unrated skill"
        self._fill(widget, [*self._in_step_order(options, skills), Option(Content.styled("+ add a skill", "$text-accent"), id="add-skill")])

    def _row_width(self, widget: OptionList) -> int:
        """The cells a row of ``widget`` has: inside its border and padding, less the scrollbar and
        the option's own padding (before the list is laid out, as it will be on this screen)."""
        inside = widget.size.width or (self.size.width or self.app.size.width) - widget.styles.gutter.width
        return max(20, inside - widget.styles.scrollbar_size_vertical - 2)

    def on_resize(self) -> None:
        # Rows are fitted to the list's width: draw the step again at the new one.
        if self.is_mounted:
            self.call_after_refresh(self.refresh_data)

    def _in_step_order(self, options: dict[str, Option], skills: list[Skill]) -> list[Option]:
        """The rows in the order they had when the step was entered, so that rating never moves
        a row under the cursor: a suggestion once rated keeps its place as the skill it became;
        skills added meanwhile come last."""
        as_skill = {f"suggest-{s.name}".casefold(): f"skill-{s.id}" for s in skills}
        placed: list[str] = []
        for key in self.skill_order or []:
            key = key if key in options else as_skill.get(key.casefold(), key)
            if key in options and key not in placed:
                placed.append(key)
        placed += [key for key in options if key not in placed]
        return [options[key] for key in placed]

    def _highlighted_skill(self) -> Skill | None:
        option_id = self._highlighted_id(self.query_one("#step-skills", OptionList))
        if option_id is None or not option_id.startswith("skill-"):
            return None
        skill_id = int(option_id.removeprefix("skill-"))
        return next((s for s in self.store.skills(include_retired=True) if s.id == skill_id), None)

    def _add_skill(self, name: str = "") -> None:
        def save(values: dict[str, str] | None) -> None:
            if values is None:
                return
            skill_id = self.outcome(self.store.add_skill, values["name"])
            if skill_id is None:
                return
            self.refresh_data()
            self._highlight_option("#step-skills", f"skill-{skill_id}")

        self.app.push_screen(skill_name_form(name), save)

    def _edit_skill_row(self) -> None:
        widget = self.query_one("#step-skills", OptionList)
        option_id = self._highlighted_id(widget) or ""
        if option_id == "add-skill":
            self._add_skill()
            return
        if option_id.startswith("suggest-"):
            self._adopt_suggestion(option_id)
            return
        skill = self._highlighted_skill()
        if skill is None:
            return
        rating = next((r for r in self.store.ratings(self.assessment_id) if r.skill_id == skill.id), None)
        if rating is None:
            self.journal_app.tell(f"Rate {core_one_line(skill.name)} first (1–5), then add a note.", severity="warning")
            return

        def save(values: dict[str, str] | None) -> None:
            if values is not None and self.attempt(
                self.store.rate_skill, self.assessment_id, skill.id, rating.rating, note=values["note"] or None
            ):
                self.refresh_data()

        self.app.push_screen(rating_note_form(skill.name, rating.note), save)

    def _adopt_suggestion(self, option_id: str) -> int | None:
        name = option_id.removeprefix("suggest-")
        category = next((c for c, names in core.CATEGORY_SKILLS.items() if name in names), None)
        skill_id = self.outcome(self.store.add_skill, name, category=category)
        self.refresh_data()
        return skill_id

    def action_rate(self, value: int) -> None:
        widget = self.query_one("#step-skills", OptionList)
        option_id = self._highlighted_id(widget) or ""
        if option_id.startswith("suggest-") and value:
            skill_id = self._adopt_suggestion(option_id)
        elif option_id.startswith("skill-"):
            skill_id = int(option_id.removeprefix("skill-"))
        else:
            return
        if skill_id is None:
            return
        before = next((r for r in self.store.ratings(self.assessment_id) if r.skill_id == skill_id), None)
        if value == 0:
            if self.attempt(self.store.unrate_skill, self.assessment_id, skill_id) and before is not None:
                self.remember("clearing the rating", lambda: self._put_back_rating(skill_id, before))
            self.refresh_data()
            self._highlight_option("#step-skills", f"skill-{skill_id}")
            return
        if not self.attempt(self.store.rate_skill, self.assessment_id, skill_id, value, note=before.note if before else None):
            return
        if (before.rating if before else None) != value:
            self.remember("the rating", lambda: self._put_back_rating(skill_id, before))
        self.refresh_data()
        self._highlight_option("#step-skills", f"skill-{skill_id}")
        rated = next((s.name for s in self.store.skills(include_retired=True) if s.id == skill_id), "")
        following = self._next_unrated()
        if following is None:
            self.journal_app.tell(f"Rated {core_one_line(rated)} {value}: every skill on the list is rated.")
        else:
            widget.highlighted = following[0]
            self.journal_app.tell(f"Rated {core_one_line(rated)} {value}; next unrated: {core_one_line(following[1])}.")

    def _next_unrated(self) -> tuple[int, str] | None:
        """The row of the first unrated skill (or suggestion) after the highlighted one, wrapping
        round to the top, and its name; None when every row is rated."""
        widget = self.query_one("#step-skills", OptionList)
        rated = {r.skill_id for r in self.store.ratings(self.assessment_id)}
        names = {f"skill-{s.id}": s.name for s in self.store.skills()}
        start = widget.highlighted or 0
        count = widget.option_count
        for step in range(1, count):
            index = (start + step) % count
            option_id = widget.get_option_at_index(index).id or ""
            if option_id.startswith("suggest-"):
                return index, option_id.removeprefix("suggest-")
            if option_id in names and int(option_id.removeprefix("skill-")) not in rated:
                return index, names[option_id]
        return None

    def _put_back_rating(self, skill_id: int, before: Rating | None) -> None:
        if before is None:
            self.store.unrate_skill(self.assessment_id, skill_id)
        else:
            self.store.rate_skill(self.assessment_id, skill_id, before.rating, note=before.note)

    def action_rename_skill(self) -> None:
        skill = self._highlighted_skill()
        if skill is None:
            return

        def save(values: dict[str, str] | None) -> None:
            if values is not None and self.attempt(self.store.rename_skill, skill.id, values["name"]):
                self.remember(f"renaming '{core_one_line(skill.name)}'", lambda: self.store.rename_skill(skill.id, skill.name))
                self.refresh_data()

        self.app.push_screen(skill_name_form(skill.name), save)

    def action_retire_skill(self) -> None:
        skill = self._highlighted_skill()
        if skill is not None and self.attempt(self.store.retire_skill, skill.id):
            self.remember(f"retiring '{core_one_line(skill.name)}'", lambda: self.store.retire_skill(skill.id, retired=False))
            self.journal_app.tell(
                f"Retired '{core_one_line(skill.name)}': it leaves your list, its past ratings stay. u brings it back."
            )
            self.refresh_data()

    def _goal_from_skill(self, skill: Skill) -> None:
        rating = next((r for r in self.store.ratings(self.assessment_id) if r.skill_id == skill.id), None)
        if rating is None:
            self.journal_app.tell(f"Rate {core_one_line(skill.name)} first: a goal starts from a rated skill.", severity="warning")
            return
        if rating.rating > LOW_RATING:
            self.journal_app.tell(
                f"{core_one_line(skill.name)} is rated {rating.rating}: goals are offered for skills rated {LOW_RATING} or lower.",
                severity="warning",
            )
            return
        existing = {item.id for item in self._items("weakness")}
        item_id = self.outcome(self.store.skill_gap_item, self.assessment_id, skill.id)
        if item_id is None:
            return
        # The weakness standing for the skill exists for the goal's sake: a cancelled draft takes it away.
        made_here = item_id if item_id not in existing else None
        self.draft_goal(core.goal_title_for_skill(skill.name, rating.rating), goal_category(skill), item_id, made_here)
