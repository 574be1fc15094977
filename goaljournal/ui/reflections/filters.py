"""The log's filter bar: kind, `@tag`, starred, goal, from and to, on one line under the search box."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Select

from goaljournal.core.dates import BadDate, format_day, parse_day
from goaljournal.core.models import ENTRY_KINDS
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.widgets.safe_text import SafeInput
from goaljournal.ui.shared.widgets.tags import TagSuggester, tag_completion


def known_tag(typed: str, tags: Sequence[str]) -> str:
    """The tag the filter field means: what was typed, `@` or not, or, when no tag is named that,
    the most used one it starts (so "rep" finds @reporting)."""
    name = typed.strip().lstrip("@").strip()
    if not name or any(tag.casefold() == name.casefold() for tag in tags):
        return name
    return name + tag_completion("@" + name, tags)


class FilterTagSuggester(TagSuggester):
    """The filter field holds one tag: its `@` is optional, so a bare word is completed too."""

    async def get_suggestion(self, value: str) -> str | None:
        if value.startswith("@"):
            return await super().get_suggestion(value)
        rest = tag_completion("@" + value, self.tags()) if value else ""
        return value + rest if rest else None


class FilterBar(Horizontal):
    """The filters; ``read`` gives them as ``Store.entries`` keyword arguments. ``today`` (read when
    a date phrase is) and ``tags`` (most used first, for `@tag` completion) are functions: both
    change while the screen is open."""

    def __init__(self, today: Callable[[], date], tags: Callable[[], Sequence[str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.tags = tags

    def compose(self) -> ComposeResult:
        yield Select([(kind, kind) for kind in ENTRY_KINDS], prompt="any kind", compact=True, id="filter-kind")
        yield SafeInput(placeholder="@tag", compact=True, id="filter-tag", suggester=FilterTagSuggester(self.tags), select_on_focus=True)
        yield Checkbox("starred", compact=True, id="filter-starred")
        yield Select([], prompt="any goal", compact=True, id="filter-goal")
        yield SafeInput(placeholder="from date", compact=True, id="filter-from", select_on_focus=True)
        yield SafeInput(placeholder="to date", compact=True, id="filter-to", select_on_focus=True)

    def offer_goals(self, titles: dict[int, str]) -> None:
        """The goals to filter by, keeping the one chosen if it is still among them."""
        goal_filter = self.query_one("#filter-goal", Select)
        chosen = goal_filter.value
        with goal_filter.prevent(Select.Changed):
            goal_filter.set_options((user_content(title, single_line=True, width=40), goal_id) for goal_id, title in titles.items())
            if chosen in titles:
                goal_filter.value = chosen

    def read(self) -> tuple[dict[str, Any], list[str]]:
        """The filters set, and what is wrong with them: a date that cannot be read (left out), or
        a 'from' after the 'to'. A date phrase is shown as the day it stands for."""
        filters: dict[str, Any] = {}
        problems: list[str] = []
        kind = self.query_one("#filter-kind", Select).value
        if isinstance(kind, str):
            filters["kind"] = kind
        tag_input = self.query_one("#filter-tag", Input)
        tag = known_tag(tag_input.value, self.tags())
        if tag:
            filters["tag"] = tag
            if tag_input.value.strip().lstrip("@") != tag:
                tag_input.value = f"@{tag}"  # show the tag a few letters stood for
        if self.query_one("#filter-starred", Checkbox).value:
            filters["starred"] = True
        goal = self.query_one("#filter-goal", Select).value
        if isinstance(goal, int):
            filters["goal_id"] = goal
        for name, key in (("#filter-from", "date_from"), ("#filter-to", "date_to")):
            field_input = self.query_one(name, Input)
            text = field_input.value.strip()
            if not text:
                continue
            try:
                day = format_day(parse_day(text, self.today()))
            except BadDate as err:
                problems.append(str(err))
                continue
            if field_input.value != day:
                field_input.value = day  # show the day a phrase like "30 days ago" stands for
            filters[key] = day
        if "date_from" in filters and "date_to" in filters and filters["date_from"] > filters["date_to"]:
            problems.append("The 'from' date is after the 'to' date: nothing can match.")
        return filters, problems

    def clear(self) -> None:
        """Every filter back to none, without a message for each."""
        with self.prevent(Select.Changed, Checkbox.Changed):
            self.query_one("#filter-kind", Select).clear()
            self.query_one("#filter-goal", Select).clear()
            self.query_one("#filter-starred", Checkbox).value = False
            for name in ("#filter-tag", "#filter-from", "#filter-to"):
                self.query_one(name, Input).value = ""
