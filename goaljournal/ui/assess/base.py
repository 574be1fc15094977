"""What the self-assessment's screens share: store calls whose refusal is said, not raised, and
the session screen's base (its session, step, lists and goal drafting)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from goaljournal.core.assessment import STEPS
from goaljournal.core.models import Assessment, AssessmentItem
from goaljournal.core.text import one_line
from goaljournal.ui import nav
from goaljournal.ui.shared.screen import JournalScreen

# The assessment screens' layouts by terminal width (a class on the screen, used in assess.tcss):
# under 100 columns panes stack, from 160 the side panes widen.
WIDTHS = [(0, "-narrow"), (100, "-wide"), (160, "-roomy")]

# The item kinds each step lists; the outcomes step shows two lists side by side.
STEP_KINDS = {"strengths": ("strength",), "weaknesses": ("weakness",), "outcomes": ("success", "failure"), "feedback": ("feedback",)}


def text_room(widget: Widget, *, option_padding: int = 0) -> int | None:
    """The cells a line of text has in ``widget``, a scrollbar's room kept whether or not one is
    shown yet (and, in an option list, the option's padding); None before it is laid out."""
    width = widget.scrollable_content_region.width
    if not width:
        return None
    scrollbar = 0 if widget.show_vertical_scrollbar else widget.styles.scrollbar_size_vertical
    return max(8, width - scrollbar - option_padding)


def core_one_line(text: str) -> str:
    return one_line(text, 60)


class SessionScreen(JournalScreen[None]):
    """A self-assessment session's screen, before its steps: the session and the step shown,
    the option lists' highlighted rows, and goal drafting from an item."""

    def __init__(self, assessment_id: int, *, step: int | None = None) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.start_step = step
        self.step = 1
        self.previous: Assessment | None = None  # the session before, read by refresh_data

    @property
    def undo_owner(self) -> str:
        return f"assessment-{self.assessment_id}"

    @property
    def session(self) -> Assessment:
        return self.store.get_assessment(self.assessment_id)

    @property
    def step_key(self) -> str:
        return STEPS[self.step - 1].key

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

    def _focused_list(self) -> OptionList | None:
        focused = self.focused
        return focused if isinstance(focused, OptionList) else None

    def _highlighted_id(self, widget: OptionList | None = None) -> str | None:
        widget = widget or self._focused_list()
        if widget is None or widget.highlighted is None or not widget.option_count:
            return None
        option = widget.get_option_at_index(widget.highlighted)
        return None if option.disabled else option.id

    def _highlight_option(self, selector: str, option_id: str) -> None:
        widget = self.query_one(selector, OptionList)
        for index in range(widget.option_count):
            if widget.get_option_at_index(index).id == option_id:
                widget.highlighted = index
                return

    def draft_goal(self, title: str, category: str, item_id: int, made_item: int | None = None) -> None:
        """Open goal drafting prefilled from an assessment item; the goal saved there links to it.

        ``made_item``, an item added only for this goal, is removed again if the draft is cancelled.
        """

        def drafted(goal_id: int | None) -> None:
            if goal_id is not None:
                self.journal_app.tell(f"Goal #{goal_id} made from it; it is on Goals (g).")
            elif made_item is not None:
                self.outcome(self.store.remove_assessment_item, made_item)
            self.refresh_data()

        self.post_message(nav.DraftGoal(title=title, category=category, assessment_item_id=item_id, then=drafted))
