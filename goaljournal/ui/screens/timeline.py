"""Timeline: goals, milestones, check-ins, entries, revisions and assessments by month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer

from goaljournal.core.progress import format_number
from goaljournal.ui.screens.base import JournalScreen
from goaljournal.ui.text import user_content
from goaljournal.ui.widgets.virtual_list import VirtualList

# Each kind has its own mark, so the timeline reads without colour too.
MARKS = {
    "goal-start": ("▶", "$accent"),
    "deadline": ("⚑", "$warning"),
    "milestone": ("◆", "$secondary"),
    "checkin": ("●", "$success"),
    "entry": ("✎", ""),
    "revision": ("↻", "$warning"),
    "assessment": ("◎", "$accent"),
}
ENTRY_MARKS = {"win": "★", "lesson": "◇", "feedback": "❝"}


def month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class TimelineSource:
    """A fixed list of timeline lines (month headers and items) for a VirtualList."""

    lines: list[dict[str, Any]]
    today: date

    def count(self) -> int:
        return len(self.lines)

    def fetch(self, offset: int, limit: int) -> list[dict[str, Any]]:
        return self.lines[offset : offset + limit]

    def render_row(self, item: dict[str, Any], width: int) -> Content:
        if item["kind"] == "month":
            label = f" ── {item['label']} "
            return Content.styled(label + "─" * max(0, width - len(label) - 1), "bold $accent")
        kind = item["kind"]
        mark, style = MARKS[kind]
        if kind == "entry":
            mark = ENTRY_MARKS.get(item["entry_kind"], mark)
        day = date.fromisoformat(item["day"])
        text = item["text"] or ""
        extra = ""
        if kind == "checkin":
            text = f"check-in · {text}"
            extra = f"  {format_number(item['value'])}"
        elif kind == "milestone":
            extra = "  done" if item["done"] else ("  overdue" if day < self.today else "  due")
        elif kind == "deadline":
            text = f"deadline · {text}"
        elif kind == "goal-start":
            text = f"goal started · {text}"
        elif kind == "revision":
            text = f"revised · {text}"
        return Content.assemble(
            "   ", (mark, style), f" {day:%d}  ",
            user_content(text, single_line=True, width=max(width - 24, 10)),
            (extra, "$error" if extra == "  overdue" else "$text-muted"),
        )


class TimelineScreen(JournalScreen):
    SCREEN_NAME = "Timeline"
    BINDINGS = [
        Binding("left_square_bracket", "older", "Older", show=True),
        Binding("right_square_bracket", "newer", "Newer", show=True),
        Binding("full_stop", "to_today", "Today", show=True),
    ]
    MONTHS_SHOWN = 3

    def __init__(self) -> None:
        super().__init__()
        self.months_back = 0  # 0: the window ends with the current month

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield VirtualList(TimelineSource([], date.today()), id="timeline", empty_text="Nothing on the timeline here.")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(VirtualList).focus()

    def window(self) -> tuple[date, date]:
        last = month_start(self.today, self.months_back)
        first = month_start(last, self.MONTHS_SHOWN - 1)
        end = month_start(last, -1)
        return first, date.fromordinal(end.toordinal() - 1)

    def title_status(self) -> str:
        first, last = self.window()
        return f"{first:%b %Y} – {last:%b %Y}"

    def refresh_data(self) -> None:
        first, last = self.window()
        items = self.store.timeline_items(first, last)
        lines: list[dict[str, Any]] = []
        current_month = None
        for item in items:
            month = item["day"][:7]
            if month != current_month:
                current_month = month
                label = date.fromisoformat(month + "-01").strftime("%b %Y")
                lines.append({"kind": "month", "label": label})
            lines.append(item)
        timeline = self.query_one(VirtualList)
        timeline.source = TimelineSource(lines, self.today)
        timeline.reload()
        super().refresh_data()

    def action_older(self) -> None:
        self.months_back += self.MONTHS_SHOWN
        self.refresh_data()

    def action_newer(self) -> None:
        self.months_back = max(0, self.months_back - self.MONTHS_SHOWN)
        self.refresh_data()

    def action_to_today(self) -> None:
        self.months_back = 0
        self.refresh_data()
