"""The guided self-assessment: seven steps, one at a time, every answer saved as it is given.

A session can be left at any step (``ctrl+s``, ``escape``, another screen's key, even ``q``) and
resumed later at that step: items and ratings are written as they are entered, and the step is
written on every move. The skills step is ``assess.skills``; the text shown, ``assess.render``.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from goaljournal.core import assessment as core
from goaljournal.core.assessment import LOW_RATING, STEP_COUNT, STEPS
from goaljournal.core.dates import format_moment
from goaljournal.core.models import AssessmentItem
from goaljournal.core.words import with_article
from goaljournal.ui.assess.base import STEP_KINDS, WIDTHS, core_one_line, text_room
from goaljournal.ui.assess.forms import ITEM_FIELDS, FieldForm, item_form, summary_form
from goaljournal.ui.assess.render import (
    comparison_content,
    day_label,
    item_prompt,
    previous_completed,
    previous_session,
    session_digest,
    skill_candidate,
    summary_text,
    weakness_candidate,
)
from goaljournal.ui.assess.skills import SkillsStep
from goaljournal.ui.shared.text import hanging
from goaljournal.ui.shared.widgets.footer import KeyBar

ITEM_FIELD_NAMES = ("evidence", "cost", "learned", "source", "action")


class AssessmentSession(SkillsStep):
    """One self-assessment session, step by step."""

    SCREEN_NAME = "Self-assessment"
    CSS_PATH = "assess.tcss"
    HORIZONTAL_BREAKPOINTS = WIDTHS
    # Most used first (the key bar shows what fits, in this order); check_action hides the keys
    # that do nothing on the step shown.
    BINDINGS = [
        # Priority: the lists would otherwise take left/right to scroll sideways.
        Binding("right", "next_step", "Next", priority=True),
        Binding("left", "previous_step", "Back", priority=True),
        Binding("1", "rate(1)", "Rate", key_display="1–5"),
        *(Binding(str(n), f"rate({n})", show=False) for n in range(2, 6)),
        Binding("0", "rate(0)", "Clear", show=False),
        Binding("n", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("k", "keep", "Keep"),
        Binding("d", "drop", "Drop"),
        Binding("d", "delete", "Delete"),
        Binding("G", "make_goal", "Make a goal"),
        Binding("f", "finish", "Finish"),
        Binding("f", "finish_hint", show=False),
        Binding("ctrl+s", "leave", "Save, finish later"),
        Binding("escape", "leave", "Save, finish later", show=False),
        Binding("u", "undo", "Undo"),
        Binding("f2", "rename_skill", "Rename"),
        Binding("x", "retire_skill", "Retire"),
    ]

    def __init__(self, assessment_id: int, *, step: int | None = None) -> None:
        super().__init__(assessment_id, step=step)
        self.finish_warned = False

    # -- layout -----------------------------------------------------------------------------

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
        yield KeyBar()

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
        self.on_resize()  # laid out after this: the lists then fit their width

    def title_status(self) -> str:
        session = self.session
        return f"session of {day_label(session.at)}" + ("" if session.completed_at else " · in progress")

    # -- reading the store --------------------------------------------------------------------

    def refresh_data(self) -> None:
        super().refresh_data()
        session = self.session
        self.previous = previous_session(self.store, session)
        step = STEPS[self.step - 1]
        self.query_one("#assess-step-title", Static).update(Content.styled(step.title, "bold $text-accent"))
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

    def _show_items(self, kind: str) -> None:
        items = self._items(kind)
        goals = self.store.goals_from_items(self.assessment_id)
        widget = self.query_one(f"#assess-list-{kind}", OptionList)
        title = widget.border_title or ""
        widget.border_title = f"{title.split(' (')[0]} ({len(items)})"
        room = text_room(widget, option_padding=2)
        options = [Option(item_prompt(item, goals.get(item.id, []), room), id=str(item.id)) for item in items]
        offers = self._offers(kind)
        if not options and not offers:
            options = [Option(Content.styled(f"Nothing yet: press n to add {with_article(kind)}.", "$text-muted italic"), disabled=True)]
        source = previous_completed(self.store, self.session) if offers else None
        if source is not None:
            head = f"Still true? From your session of {day_label(source.at)}: k keep · e reword · d drop"
            options.append(Option(Content.styled(head, "bold $text-warning"), disabled=True, id=f"offers-{kind}"))
            offered = room - 2 if room else None
            options += [Option(Content.styled("? ", "$text-warning") + item_prompt(item, [], offered), id=f"carry-{item.id}") for item in offers]
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

    def _show_summary(self) -> None:
        session = self.session
        self.query_one("#assess-summary-text", Static).update(summary_text(session))
        room = text_room(self.query_one("#assess-digest", VerticalScroll))
        self.query_one("#assess-digest-text", Static).update(Content("\n").join(
            hanging("• ", Content(line), room) for line in session_digest(self.store, session, self.previous)
        ))  # fmt: skip

    def _show_review(self) -> None:
        text = self.query_one("#assess-review-text", Static)
        if self.previous is None:
            text.update(Content.styled("This is your first session: the next one will be compared with it.", "$text-muted italic"))
        else:
            text.update(comparison_content(self.store, self.previous, self.session, text_room(self.query_one("#assess-review", VerticalScroll))))
        goals = self.store.goals_from_items(self.assessment_id)
        options: list[Option] = []
        for item in self._items("weakness"):
            options.append(Option(weakness_candidate(item, goals.get(item.id, [])), id=f"item-{item.id}"))
        for rating in self.store.ratings(self.assessment_id):
            if rating.rating <= LOW_RATING:
                options.append(Option(skill_candidate(rating), id=f"skill-{rating.skill_id}"))
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
            self.attempt(self.store.update_assessment, self.assessment_id, step=self.step)
        self.refresh_data()
        self._focus_step()
        self.on_resize()  # the step's lists are laid out after this: they then fit their width

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
        if self.attempt(self.store.update_assessment, self.assessment_id, **changes):
            self.journal_app.tell(f"Self-assessment of {day_label(session.at)} finished.")
            self.dismiss()

    # -- items ---------------------------------------------------------------------------------

    def _current_kind(self) -> str:
        kinds = STEP_KINDS[self.step_key]
        focused = self._focused_list()
        if focused is not None and focused.id and focused.id.removeprefix("assess-list-") in kinds:
            return focused.id.removeprefix("assess-list-")
        return kinds[0]

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
                item_id = self.outcome(self.store.add_assessment_item, self.assessment_id, kind, values["text"], **fields)
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
                if values is not None and self.attempt(self.store.update_assessment_item, item.id, **values):
                    before = {name: getattr(item, name) for name in values}
                    self.remember(f"the edit of the {item.kind} '{core_one_line(item.text)}'",
                                  lambda: self.store.update_assessment_item(item.id, **before))  # fmt: skip
                    self.refresh_data()

            self.app.push_screen(item_form(item.kind, values), save)

    def _save_summary(self, values: dict[str, str] | None) -> None:
        if values is not None and self.attempt(self.store.update_assessment, self.assessment_id, summary=values["summary"] or None):
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
        removed = self.outcome(self.store.remove_assessment_item, item.id)
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
        carried = self.outcome(self.store.add_assessment_item, self.assessment_id, offer.kind, text, carried_from_id=offer.id, **fields)
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
        self.draft_goal(core.goal_title_for_weakness(item.text), "skill", item.id)
