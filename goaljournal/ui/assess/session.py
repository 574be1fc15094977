"""The guided self-assessment: seven steps, one at a time, every answer saved as it is given.

A session can be left at any step (``ctrl+s``, ``escape``, another screen's key, even ``q``) and
resumed later at that step: items and ratings are written as they are entered, and the step is
written on every move.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core import assessment as core
from goaljournal.core.assessment import LOW_RATING, STEP_COUNT, STEPS
from goaljournal.core.dates import format_moment
from goaljournal.core.models import (
    CATEGORIES,
    Assessment,
    AssessmentItem,
    Rating,
    Skill,
)
from goaljournal.core.text import one_line
from goaljournal.store import JournalError, Store
from goaljournal.ui import nav
from goaljournal.ui.assess.forms import (
    ITEM_FIELDS,
    FieldForm,
    item_form,
    rating_note_form,
    skill_name_form,
    summary_form,
)
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.text import compose_line, user_content

T = TypeVar("T")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The item kinds each step lists; the outcomes step shows two lists side by side.
STEP_KINDS = {"strengths": ("strength",), "weaknesses": ("weakness",), "outcomes": ("success", "failure"), "feedback": ("feedback",)}
SKILL_NAME_WIDTH = 26
ITEM_FIELD_NAMES = ("evidence", "cost", "learned", "source", "action")


def day_label(iso_day: str) -> str:
    """``2026-11-25`` → ``25 Nov 2026``, whatever the locale."""
    day = date.fromisoformat(iso_day[:10])
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


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


def item_prompt(item: AssessmentItem, goals: list[int]) -> Content:
    """One item as a list option: its text, then its fields on indented lines."""
    head = [user_content(item.text, style="bold")]
    if item.kind == "feedback" and item.source:
        head.insert(0, Content.styled(f"{item.source}: ", "$accent"))
    if goals:
        head.append(Content.styled("  → goal " + ", ".join(f"#{g}" for g in goals), "$success"))
    lines = [Content("").join(head)]
    labels = (("evidence", "evidence"), ("cost", "costs"), ("learned", "learned"), ("action", "will do"))
    for name, label in labels:
        value = getattr(item, name)
        if value:
            lines.append(compose_line((f"   {label}: ", "$text-muted"), user_content(value, single_line=True)))
    return Content("\n").join(lines)


def change_text(before: int | None, after: int | None) -> tuple[str, str]:
    """``was 2  ▲ 1`` and its style, for a rating against the previous session's."""
    if before is None:
        return ("new" if after is not None else "", "$text-muted")
    if after is None:
        return (f"was {before}", "$text-muted")
    delta = after - before
    style = "$success" if delta > 0 else "$error" if delta < 0 else "$text-muted"
    return (f"was {before}  {core.delta_text(delta)}", style)


def goal_category(skill: Skill | None) -> str:
    return skill.category if skill is not None and skill.category in CATEGORIES else "skill"


class AssessmentSession(JournalScreen):
    """One self-assessment session, step by step."""

    SCREEN_NAME = "Self-assessment"
    CSS_PATH = "assess.tcss"
    BINDINGS = [
        # Priority: the lists would otherwise take left/right to scroll sideways.
        Binding("left", "previous_step", "Back", priority=True),
        Binding("right", "next_step", "Next", priority=True),
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("d", "delete", "Delete"),
        Binding("d", "drop", "Drop"),
        Binding("k", "keep", "Keep"),
        Binding("u", "undo", "Undo"),
        Binding("1", "rate(1)", "Rate", key_display="1–5"),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(2, 6)),
        Binding("0", "rate(0)", "Clear", show=False),
        Binding("f2", "rename_skill", "Rename"),
        Binding("x", "retire_skill", "Retire"),
        Binding("G", "make_goal", "Make a goal"),
        Binding("f", "finish", "Finish"),
        Binding("f", "finish_hint", show=False),
        Binding("ctrl+s", "leave", "Save, finish later"),
        Binding("escape", "leave", "Save, finish later", show=False),
    ]

    def __init__(self, assessment_id: int, *, step: int | None = None) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.start_step = step
        self.step = 1
        # The skills step's rows in the order shown when it was entered (None: sort afresh), and
        # the skills suggested then: rating a row neither moves it nor changes the suggestions.
        self.skill_order: list[str] | None = None
        self.suggestions: list[tuple[str, str]] = []
        self.finish_warned = False

    @property
    def undo_owner(self) -> str:
        return f"assessment-{self.assessment_id}"

    # -- layout -----------------------------------------------------------------------------

    @property
    def session(self) -> Assessment:
        return self.store.get_assessment(self.assessment_id)

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Horizontal(id="assess-step-head"):
            with Vertical(id="assess-step-text"):
                yield Static(id="assess-step-title")
                yield Static(id="assess-step-prompt")
            yield Static(id="assess-step-progress")
        with ContentSwitcher(id="assess-steps", initial="step-strengths"):
            yield self._item_list("strengths", "strength", "Strengths")
            yield self._item_list("weaknesses", "weakness", "Weaknesses")
            skills = OptionList(id="step-skills", classes="panel assess-list")
            skills.border_title = "Skills"
            yield skills
            with Horizontal(id="step-outcomes"):
                yield self._list_widget("success", "Successes")
                yield self._list_widget("failure", "Failures")
            yield self._item_list("feedback", "feedback", "Feedback received")
            with Horizontal(id="step-summary"):
                with VerticalScroll(id="assess-summary", classes="panel") as mine:
                    mine.border_title = "Your summary"
                    mine.border_subtitle = "e write"
                    yield Static(id="assess-summary-text")
                with VerticalScroll(id="assess-digest", classes="panel") as digest:
                    digest.border_title = "The app's digest"
                    yield Static(id="assess-digest-text")
            with Horizontal(id="step-review"):
                with VerticalScroll(id="assess-review", classes="panel") as review:
                    review.border_title = "Compared with your last session"
                    yield Static(id="assess-review-text")
                candidates = OptionList(id="assess-candidates", classes="panel assess-list")
                candidates.border_title = "Turn into a goal"
                yield candidates
        yield Footer()

    def _list_widget(self, kind: str, title: str) -> OptionList:
        widget = OptionList(id=f"assess-list-{kind}", classes="panel assess-list")
        widget.border_title = title
        return widget

    def _item_list(self, step_key: str, kind: str, title: str) -> Vertical:
        return Vertical(self._list_widget(kind, title), id=f"step-{step_key}")

    def on_mount(self) -> None:
        session = self.session
        saved = session.step if not session.completed_at else 1
        self.step = max(1, min(self.start_step or saved or 1, STEP_COUNT))
        super().on_mount()
        self._focus_step()

    @property
    def step_key(self) -> str:
        return STEPS[self.step - 1].key

    def title_status(self) -> str:
        session = self.session
        return f"session of {day_label(session.at)}" + ("" if session.completed_at else " · in progress")

    # -- reading the store --------------------------------------------------------------------

    def refresh_data(self) -> None:
        super().refresh_data()
        session = self.session
        self.previous = previous_session(self.store, session)
        step = STEPS[self.step - 1]
        self.query_one("#assess-step-title", Static).update(Content.styled(step.title, "bold $accent"))
        self.query_one("#assess-step-prompt", Static).update(Content.styled(step.prompt, "$text-muted"))
        progress = [f"step {self.step} of {STEP_COUNT}  {core.step_marks(self.step)}"]
        progress.append(f"last session {day_label(self.previous.at)}" if self.previous else "first session")
        self.query_one("#assess-step-progress", Static).update(Content("\n".join(progress)))
        self.query_one(ContentSwitcher).current = f"step-{step.key}"
        loader = getattr(self, f"_show_{step.key}", None)
        if loader is None:
            for kind in STEP_KINDS[step.key]:
                self._show_items(kind)
        else:
            loader()
        self.refresh_bindings()

    def _items(self, kind: str) -> list[AssessmentItem]:
        return [item for item in self.store.assessment_items(self.assessment_id) if item.kind == kind]

    def _fill(self, widget: OptionList, options: list[Option]) -> None:
        """Replace a list's options, keeping the highlight on the same option (or place)."""
        highlighted = widget.highlighted
        kept_id = widget.get_option_at_index(highlighted).id if highlighted is not None and widget.option_count else None
        widget.clear_options()
        widget.add_options(options)
        ids = [option.id for option in options]
        if kept_id in ids:
            widget.highlighted = ids.index(kept_id)
        elif options:
            index = min(highlighted or 0, len(options) - 1)
            enabled = [i for i, option in enumerate(options) if not option.disabled]
            widget.highlighted = min(enabled, key=lambda i: abs(i - index)) if enabled else None

    def _show_items(self, kind: str) -> None:
        items = self._items(kind)
        goals = self.store.goals_from_items(self.assessment_id)
        widget = self.query_one(f"#assess-list-{kind}", OptionList)
        title = widget.border_title or ""
        widget.border_title = f"{title.split(' (')[0]} ({len(items)})"
        options = [Option(item_prompt(item, goals.get(item.id, [])), id=str(item.id)) for item in items]
        offers = self._offers(kind)
        if not options and not offers:
            options = [Option(Content.styled(f"Nothing yet: press n to add a {kind}.", "$text-muted italic"), disabled=True)]
        source = previous_completed(self.store, self.session) if offers else None
        if source is not None:
            head = f"Still true? From your session of {day_label(source.at)}: k keep · e reword · d drop"
            options.append(Option(Content.styled(head, "bold $warning"), disabled=True, id=f"offers-{kind}"))
            options += [Option(Content.styled("? ", "$warning") + item_prompt(item, []), id=f"carry-{item.id}") for item in offers]
        self._fill(widget, options)

    def _offers(self, kind: str) -> list[AssessmentItem]:
        """The last finished session's items of ``kind`` not yet kept, reworded or dropped here."""
        if kind not in ("strength", "weakness") or self.session.completed_at:
            return []
        source = previous_completed(self.store, self.session)
        if source is None:
            return []
        carried = {item.carried_from_id for item in self._items(kind)}
        # Drops are kept in the journal, so a resumed session does not offer them again.
        dropped = self.store.dropped_offered_items(self.assessment_id)
        return [
            item for item in self.store.assessment_items(source.id)
            if item.kind == kind and item.id not in carried and item.id not in dropped
        ]  # fmt: skip

    def _skill_rows(self) -> tuple[list[Skill], dict[int, Rating], dict[int, int]]:
        skills = self.store.skills()
        ratings = {r.skill_id: r for r in self.store.ratings(self.assessment_id)}
        before = {r.skill_id: r.rating for r in self.store.ratings(self.previous.id)} if self.previous else {}
        return skills, ratings, before

    def _show_skills(self) -> None:
        skills, ratings, before = self._skill_rows()
        lines = {t.skill_id: t for t in self.store.skill_trajectories(until=self.session.at)}
        options: dict[str, Option] = {}
        for skill in skills:
            rating = ratings.get(skill.id)
            value = rating.rating if rating else None
            change, style = change_text(before.get(skill.id), value)
            trajectory = lines.get(skill.id)
            options[f"skill-{skill.id}"] = Option(Content.assemble(
                padded(user_content(skill.name, single_line=True, width=SKILL_NAME_WIDTH), SKILL_NAME_WIDTH), "  ",
                (core.rating_dots(value), "$accent" if value else "$text-muted"), "  ",
                padded(Content.styled(change, style), 12), "  ",
                padded(Content.styled(trajectory.sparkline[-12:] if trajectory else "", "$accent"), 12), "  ",
                user_content(rating.note or "", style="$text-muted", single_line=True, width=40) if rating else "",
            ), id=f"skill-{skill.id}")  # fmt: skip
        known = {s.name.casefold() for s in self.store.skills(include_retired=True)}
        if self.skill_order is None:
            goal_categories = [g.category for g in self.store.goals(status=("active", "draft"))]
            self.suggestions = core.suggested_skills(goal_categories, known, limit=4 if skills else 8)
        for name, category in self.suggestions:
            if name.casefold() not in known:
                options[f"suggest-{name}"] = Option(
                    Content.assemble(("+ ", "$text-muted"), padded(Content(name), SKILL_NAME_WIDTH - 2), "  ",
                                     (f"suggested for {category} goals", "$text-muted italic")),
                    id=f"suggest-{name}",
                )  # fmt: skip
        if self.skill_order is None:
            self.skill_order = list(options)
        widget = self.query_one("#step-skills", OptionList)
        widget.border_title = f"Skills ({len(ratings)} of {len(skills)} rated)"
        widget.border_subtitle = "1–5 rates and moves on to the next unrated skill"
        self._fill(widget, [*self._in_step_order(options, skills), Option(Content.styled("+ add a skill", "$accent"), id="add-skill")])

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

    def _show_summary(self) -> None:
        session = self.session
        summary = self.query_one("#assess-summary-text", Static)
        if session.summary:
            summary.update(user_content(session.summary))
        else:
            summary.update(Content.styled("Nothing written yet: press e to write your summary.", "$text-muted italic"))
        self.query_one("#assess-digest-text", Static).update(Content("\n").join(
            Content(f"• {line}") for line in self._digest()
        ))  # fmt: skip

    def _digest(self) -> list[str]:
        previous = self.previous
        return core.digest(
            self.store.assessment_items(self.assessment_id), self.store.ratings(self.assessment_id),
            previous_items=self.store.assessment_items(previous.id) if previous else None,
            previous_ratings=self.store.ratings(previous.id) if previous else None,
            previous_at=day_label(previous.at) if previous else None,
            items_with_goals=self.store.items_with_goals(self.assessment_id),
        )  # fmt: skip

    def _show_review(self) -> None:
        from goaljournal.ui.assess.compare import comparison_content

        text = self.query_one("#assess-review-text", Static)
        if self.previous is None:
            text.update(Content.styled("This is your first session: the next one will be compared with it.", "$text-muted italic"))
        else:
            text.update(comparison_content(self.store, self.previous, self.session))
        goals = self.store.goals_from_items(self.assessment_id)
        options: list[Option] = []
        for item in self._items("weakness"):
            options.append(Option(Content.assemble(("weakness  ", "$warning"), item_prompt(item, goals.get(item.id, [])).first_line), id=f"item-{item.id}"))
        for rating in self.store.ratings(self.assessment_id):
            if rating.rating <= LOW_RATING:
                options.append(Option(compose_line((f"skill {rating.rating}/5  ", "$warning"), user_content(rating.skill_name or "", single_line=True)), id=f"skill-{rating.skill_id}"))
        if not options:
            options = [Option(Content.styled("No weakness or low-rated skill in this session.", "$text-muted italic"), disabled=True)]
        self._fill(self.query_one("#assess-candidates", OptionList), options)

    # -- which keys apply where --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        key = self.step_key
        if action in ("add", "edit"):
            return key != "review"
        if action == "delete":
            return key in STEP_KINDS and not self._on_offer()
        if action in ("keep", "drop"):
            return self._on_offer()
        if action == "finish_hint":
            return key != "review"
        if action in ("rate", "rename_skill", "retire_skill"):
            return key == "skills"
        if action == "make_goal":
            return key in ("weaknesses", "skills", "review")
        if action == "finish":
            return key == "review"
        if action == "next_step":
            return self.step < STEP_COUNT
        if action == "previous_step":
            return self.step > 1
        return True

    def _focus_step(self) -> None:
        key = self.step_key
        targets = {"skills": "#step-skills", "summary": "#assess-summary", "review": "#assess-candidates"}
        selector = targets.get(key) or f"#assess-list-{STEP_KINDS[key][0]}"
        self.query_one(selector).focus()
        if key in ("strengths", "weaknesses"):
            self._highlight_next_offer(STEP_KINDS[key][0])

    def _highlight_next_offer(self, kind: str) -> bool:
        """Put the cursor on the first item still offered ("still true?"), if any is left."""
        widget = self.query_one(f"#assess-list-{kind}", OptionList)
        for index in range(widget.option_count):
            if (widget.get_option_at_index(index).id or "").startswith("carry-"):
                widget.highlighted = index
                return True
        return False

    @on(OptionList.OptionHighlighted)
    def _row_changed(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()  # keep / drop / delete depend on the row

    # -- moving between steps --------------------------------------------------------------------

    def go_to(self, step: int) -> None:
        self.step = max(1, min(step, STEP_COUNT))
        self.skill_order = None
        if not self.store.read_only:
            attempt(self, self.store.update_assessment, self.assessment_id, step=self.step)
        self.refresh_data()
        self._focus_step()

    def action_next_step(self) -> None:
        self.go_to(self.step + 1)

    def action_previous_step(self) -> None:
        self.go_to(self.step - 1)

    def action_leave(self) -> None:
        session = self.session
        if not session.completed_at:
            self.journal_app.tell(f"Saved at step {self.step} of {STEP_COUNT}: press n on Self-assessment to resume.")
        self.dismiss()

    def action_finish_hint(self) -> None:
        self.journal_app.tell(f"f finishes the session on its last step ({STEP_COUNT}); → goes to the next step.")

    def action_finish(self) -> None:
        session = self.session
        undecided = len(self._offers("strength")) + len(self._offers("weakness"))
        if undecided and not self.finish_warned:
            self.finish_warned = True
            self.journal_app.tell(
                f"{undecided} of your last session's strengths and weaknesses are neither kept nor dropped (steps 1–2): "
                "press f again to finish, and they will show as dropped.",
                severity="warning",
            )
            return
        changes: dict[str, object] = {"step": STEP_COUNT}
        if not session.completed_at:
            changes["completed_at"] = format_moment(self.store.clock())
        if attempt(self, self.store.update_assessment, self.assessment_id, **changes):
            self.journal_app.tell(f"Self-assessment of {day_label(session.at)} finished.")
            self.dismiss()

    # -- items ---------------------------------------------------------------------------------

    def _focused_list(self) -> OptionList | None:
        focused = self.focused
        return focused if isinstance(focused, OptionList) else None

    def _current_kind(self) -> str:
        kinds = STEP_KINDS[self.step_key]
        focused = self._focused_list()
        if focused is not None and focused.id and focused.id.removeprefix("assess-list-") in kinds:
            return focused.id.removeprefix("assess-list-")
        return kinds[0]

    def _highlighted_id(self, widget: OptionList | None = None) -> str | None:
        widget = widget or self._focused_list()
        if widget is None or widget.highlighted is None or not widget.option_count:
            return None
        option = widget.get_option_at_index(widget.highlighted)
        return None if option.disabled else option.id

    def _highlighted_item(self) -> AssessmentItem | None:
        option_id = self._highlighted_id()
        if option_id is None or not option_id.isdigit():
            return None
        return self.store.get_assessment_item(int(option_id))

    def action_add(self) -> None:
        key = self.step_key
        if key == "skills":
            self._add_skill()
        elif key == "summary":
            self.action_edit()
        elif key in STEP_KINDS:
            kind = self._current_kind()

            def save(values: dict[str, str] | None) -> None:
                if values is None:
                    return
                fields = {name: value for name, value in values.items() if name != "text" and value}
                item_id = outcome(self, self.store.add_assessment_item, self.assessment_id, kind, values["text"], **fields)
                if item_id is not None:
                    self.refresh_data()
                    self._highlight_option(f"#assess-list-{kind}", str(item_id))
                    self.query_one(f"#assess-list-{kind}", OptionList).focus()

            self.app.push_screen(item_form(kind), save)

    def action_edit(self) -> None:
        key = self.step_key
        if key == "summary":
            self.app.push_screen(summary_form(self.session.summary), self._save_summary)
        elif key == "skills":
            self._edit_skill_row()
        elif key in STEP_KINDS:
            offer = self._highlighted_offer()
            if offer is not None:
                self._reword(offer)
                return
            item = self._highlighted_item()
            if item is None:
                self.action_add()
                return
            values = {name: getattr(item, name) for name in ("text", "evidence", "cost", "learned", "source", "action")}

            def save(values: dict[str, str] | None) -> None:
                if values is not None and attempt(self, self.store.update_assessment_item, item.id, **values):
                    before = {name: getattr(item, name) for name in values}
                    self.remember(f"the edit of the {item.kind} '{core_one_line(item.text)}'",
                                  lambda: self.store.update_assessment_item(item.id, **before))  # fmt: skip
                    self.refresh_data()

            self.app.push_screen(item_form(item.kind, values), save)

    def _save_summary(self, values: dict[str, str] | None) -> None:
        if values is not None and attempt(self, self.store.update_assessment, self.assessment_id, summary=values["summary"] or None):
            self.refresh_data()

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "assess-candidates":
            self.action_make_goal()
        else:
            self.action_edit()

    def action_delete(self) -> None:
        item = self._highlighted_item()
        if item is None:
            return
        removed = outcome(self, self.store.remove_assessment_item, item.id)
        if removed is None:
            return
        self.remember(f"deleting the {item.kind} '{core_one_line(item.text)}'", lambda: self.store.put_back_assessment_item(removed))
        self.journal_app.tell(f"Deleted the {item.kind} '{core_one_line(item.text)}'. Press u to undo.")
        self.refresh_data()

    # -- "still true?": the last session's strengths and weaknesses --------------------------------

    def _on_offer(self) -> bool:
        return self.step_key in ("strengths", "weaknesses") and (self._highlighted_id() or "").startswith("carry-")

    def _highlighted_offer(self) -> AssessmentItem | None:
        if not self._on_offer():
            return None
        option_id = self._highlighted_id() or ""
        return next((i for i in self._offers(self._current_kind()) if i.id == int(option_id.removeprefix("carry-"))), None)

    def _carry(self, offer: AssessmentItem, values: dict[str, str | None]) -> None:
        fields = {name: value for name, value in values.items() if name != "text" and value}
        text = values["text"] or offer.text
        carried = outcome(self, self.store.add_assessment_item, self.assessment_id, offer.kind, text, carried_from_id=offer.id, **fields)
        if carried is None:
            return
        said = "Kept" if text == offer.text else "Reworded"
        self.remember(f"{said.lower()} {offer.kind} '{core_one_line(text)}'", lambda: self.store.remove_assessment_item(carried))
        self.journal_app.tell(f"{said} the {offer.kind} '{core_one_line(text)}' in this session.")
        self._after_offer(offer.kind)

    def _after_offer(self, kind: str) -> None:
        self.refresh_data()
        if not self._highlight_next_offer(kind):
            widget = self.query_one(f"#assess-list-{kind}", OptionList)
            widget.highlighted = max(0, widget.option_count - 1) if widget.option_count else None
        self.refresh_bindings()

    def action_keep(self) -> None:
        offer = self._highlighted_offer()
        if offer is not None:
            self._carry(offer, {name: getattr(offer, name) for name in ("text", *ITEM_FIELD_NAMES)})

    def _reword(self, offer: AssessmentItem) -> None:
        values = {f.name: getattr(offer, f.name) for f in ITEM_FIELDS[offer.kind]}

        def save(values: dict[str, str] | None) -> None:
            if values is not None:
                self._carry(offer, dict(values))

        self.app.push_screen(FieldForm(f"Reword: is this {offer.kind} still true?", ITEM_FIELDS[offer.kind], values), save)

    def action_drop(self) -> None:
        offer = self._highlighted_offer()
        if offer is None:
            return
        if not self.attempt(self.store.drop_offered_item, self.assessment_id, offer.id):
            return
        self.remember(
            f"dropping the {offer.kind} '{core_one_line(offer.text)}'",
            lambda: self.store.undrop_offered_item(self.assessment_id, offer.id),
        )
        self.journal_app.tell(f"Dropped the {offer.kind} '{core_one_line(offer.text)}': the comparison shows it as dropped.")
        self._after_offer(offer.kind)

    # -- skills --------------------------------------------------------------------------------

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
            skill_id = outcome(self, self.store.add_skill, values["name"])
            if skill_id is None:
                return
            self.refresh_data()
            self._highlight_option("#step-skills", f"skill-{skill_id}")

        self.app.push_screen(skill_name_form(name), save)

    def _highlight_option(self, selector: str, option_id: str) -> None:
        widget = self.query_one(selector, OptionList)
        for index in range(widget.option_count):
            if widget.get_option_at_index(index).id == option_id:
                widget.highlighted = index
                return

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
            if values is not None and attempt(self, 
                self.store.rate_skill, self.assessment_id, skill.id, rating.rating, note=values["note"] or None
            ):
                self.refresh_data()

        self.app.push_screen(rating_note_form(skill.name, rating.note), save)

    def _adopt_suggestion(self, option_id: str) -> int | None:
        name = option_id.removeprefix("suggest-")
        category = next((c for c, names in core.CATEGORY_SKILLS.items() if name in names), None)
        skill_id = outcome(self, self.store.add_skill, name, category=category)
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
            if attempt(self, self.store.unrate_skill, self.assessment_id, skill_id) and before is not None:
                self.remember("clearing the rating", lambda: self._put_back_rating(skill_id, before))
            self.refresh_data()
            self._highlight_option("#step-skills", f"skill-{skill_id}")
            return
        if not attempt(self, self.store.rate_skill, self.assessment_id, skill_id, value, note=before.note if before else None):
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
            if values is not None and attempt(self, self.store.rename_skill, skill.id, values["name"]):
                self.remember(f"renaming '{core_one_line(skill.name)}'", lambda: self.store.rename_skill(skill.id, skill.name))
                self.refresh_data()

        self.app.push_screen(skill_name_form(skill.name), save)

    def action_retire_skill(self) -> None:
        skill = self._highlighted_skill()
        if skill is not None and attempt(self, self.store.retire_skill, skill.id):
            self.remember(f"retiring '{core_one_line(skill.name)}'", lambda: self.store.retire_skill(skill.id, retired=False))
            self.journal_app.tell(
                f"Retired '{core_one_line(skill.name)}': it leaves your list, its past ratings stay. u brings it back."
            )
            self.refresh_data()

    # -- turning a weakness or a low-rated skill into a goal ---------------------------------------

    def action_make_goal(self) -> None:
        key = self.step_key
        if key == "weaknesses":
            item = self._highlighted_item()
            if item is not None:
                self._goal_from_weakness(item)
        elif key == "skills":
            skill = self._highlighted_skill()
            if skill is not None:
                self._goal_from_skill(skill)
        elif key == "review":
            option_id = self._highlighted_id(self.query_one("#assess-candidates", OptionList)) or ""
            if option_id.startswith("item-"):
                self._goal_from_weakness(self.store.get_assessment_item(int(option_id.removeprefix("item-"))))
            elif option_id.startswith("skill-"):
                skill_id = int(option_id.removeprefix("skill-"))
                skill = next((s for s in self.store.skills(include_retired=True) if s.id == skill_id), None)
                if skill is not None:
                    self._goal_from_skill(skill)

    def _goal_from_weakness(self, item: AssessmentItem) -> None:
        open_goal_draft(self, core.goal_title_for_weakness(item.text), "skill", item.id)

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
        item_id = outcome(self, self.store.skill_gap_item, self.assessment_id, skill.id)
        if item_id is None:
            return
        # The weakness standing for the skill exists for the goal's sake: a cancelled draft takes it away.
        made_here = item_id if item_id not in existing else None
        open_goal_draft(self, core.goal_title_for_skill(skill.name, rating.rating), goal_category(skill), item_id, made_here)


def core_one_line(text: str) -> str:
    return one_line(text, 60)


def outcome(screen: JournalScreen, call: Callable[..., T], /, *args: Any, **kwargs: Any) -> T | None:
    """``call``'s result, or None when the store refused (the reason is shown to the user).

    Unlike ``JournalScreen.attempt`` it takes any keyword, ``action`` included (a feedback field).
    """
    try:
        return call(*args, **kwargs)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return None


def attempt(screen: JournalScreen, call: Callable[..., object], /, *args: Any, **kwargs: Any) -> bool:
    """Whether the store call worked; a refusal is shown to the user and nothing is half-written."""
    try:
        call(*args, **kwargs)
    except JournalError as err:
        screen.journal_app.tell(str(err), severity="error")
        return False
    return True


def open_goal_draft(screen: JournalScreen, title: str, category: str, item_id: int, made_item: int | None = None) -> None:
    """Open goal drafting prefilled from an assessment item; the goal saved there links to it.

    ``made_item``, an item added only for this goal, is removed again if the draft is cancelled.
    """

    def drafted(goal_id: int | None) -> None:
        if goal_id is not None:
            screen.journal_app.tell(f"Goal #{goal_id} made from it; it is on Goals (g).")
        elif made_item is not None:
            outcome(screen, screen.store.remove_assessment_item, made_item)
        screen.refresh_data()

    screen.post_message(nav.DraftGoal(title=title, category=category, assessment_item_id=item_id, then=drafted))
