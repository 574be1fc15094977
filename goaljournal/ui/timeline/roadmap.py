"""The timeline's roadmap: the goals as bars across the months (``m`` from the list and back).

``core.roadmap`` lays the cells out; here each cell's role gets its style, titles are fitted to
their column as the user wrote them (never as markup), and a VirtualList gives the rows a
cursor. The window moves with the timeline's own keys (see ``view.TimelineView``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from goaljournal.core import roadmap as layout
from goaljournal.core.models import Goal, Milestone
from goaljournal.core.roadmap import Roadmap, RoadmapRow
from goaljournal.ui.shared.text import user_content
from goaljournal.ui.shared.widgets.virtual_list import VirtualList
from goaljournal.ui.timeline.render import assemble

ROLE_STYLES = {
    "done": "$text-accent",
    "bar": "$text-accent",
    "open": "$text-muted",
    "edge": "bold $text-accent",
    "today": "bold $text-warning",
    "milestone": "bold $text-secondary",
    "milestone-done": "bold $text-success",
    "overdue": "bold $text-error",
    "label": "bold $text-accent",
    "status": "bold",
    "blank": "",
}
# What keeps its colour on an achieved or abandoned goal's row: the line and marks that read across rows.
KEEPS_STYLE = ("today", "milestone-done", "overdue", "milestone")


def _style(role: str, dimmed: bool) -> str:
    if dimmed and role in ("status", "label"):
        return "$text-muted"
    if dimmed and role not in KEEPS_STYLE and role != "blank":
        return "$accent-muted"  # a colour of its own: a translucent one is drawn over black, not the row
    return ROLE_STYLES.get(role, "")


def row_content(roadmap: Roadmap, row: RoadmapRow) -> Content:
    """One line of the roadmap: the label fitted to the title column (a space kept before the
    bars), then the bars' runs of cells, each in its role's style."""
    label = [(cell.text, _style(cell.role, row.dimmed)) for cell in row.label]
    used = sum(len(text) for text, _ in label)
    room = max(roadmap.title_width - used - 1, 1)
    title_style = "$text-muted" if row.dimmed else "bold" if row.depth == 0 else ""
    title = user_content(row.title, style=title_style, single_line=True, width=room).truncate(room, ellipsis=True, pad=True)
    # The bars' runs go in as they are, quicker than moving spaces about: a run of spaces has a
    # role of its own, apart from text. The label's space before the title does not (see assemble).
    return Content.assemble(
        assemble(*label, title), " ", *((text, _style(role, row.dimmed)) for text, role in row.runs())
    )


@dataclass
class RoadmapSource:
    """The roadmap's rows for a VirtualList, laid out for the list's width."""

    goals: list[Goal]
    milestones: list[Milestone]
    today: date
    anchor: date  # the day the window is placed around: today until the window moves
    zoom: str
    week_start: int = 0
    width: int = 0
    roadmap: Roadmap | None = None
    _drawn: dict[int, Content] = field(default_factory=dict)

    def relayout(self, width: int) -> Roadmap:
        """The roadmap at ``width``, laid out again only when it changed."""
        if self.roadmap is None or width != self.width:
            self.width = width
            first, last = layout.window(self.anchor, self.zoom, width, self.week_start)
            self.roadmap = layout.layout(
                self.goals, self.milestones, self.today, first, last, width, zoom=self.zoom, week_start=self.week_start
            )
            self._drawn = {}
        return self.roadmap

    def count(self) -> int:
        return len(self.relayout(self.width).rows)

    def fetch(self, offset: int, limit: int) -> list[RoadmapRow]:
        return self.relayout(self.width).rows[offset : offset + limit]

    def render_row(self, row: RoadmapRow, width: int) -> Content:
        roadmap = self.relayout(self.width)
        if id(row) not in self._drawn:
            self._drawn[id(row)] = row_content(roadmap, row)
        return self._drawn[id(row)]

    def header(self) -> Content:
        roadmap = self.relayout(self.width)
        return Content("\n").join(row_content(roadmap, row) for row in roadmap.header)


class RoadmapList(VirtualList[RoadmapRow]):
    """The goals' rows; left and right move the window as ``[`` and ``]`` do."""

    DEFAULT_CSS = """
    RoadmapList {
        /* The bars are laid out for one width: the scrollbar's room is kept whether it shows or not. */
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """
    BINDINGS = [
        Binding("left", "older", "Older period", show=False),
        Binding("right", "newer", "Newer period", show=False),
    ]

    source: RoadmapSource

    def layout_width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def relayout(self) -> None:
        """Lay the bars out again for the list's width (the window or the journal changed)."""
        self.source.roadmap = None
        self.source.relayout(self.layout_width())
        self.reload(keep_cursor=True)
        self.post_message(self.Relaid())

    def on_resize(self) -> None:
        # VirtualList's own handler runs too; this one lays the bars out for the new width.
        if self.source.width != self.layout_width():
            self.relayout()

    def action_older(self) -> None:
        self.query_ancestor("TimelineView").action_older()  # type: ignore[attr-defined]

    def action_newer(self) -> None:
        self.query_ancestor("TimelineView").action_newer()  # type: ignore[attr-defined]

    class Relaid(Message):
        """The bars were laid out again: the window, the goals or the width changed."""


class RoadmapHeader(Widget):
    """The roadmap's two lines of years and periods, over the list's columns."""

    DEFAULT_CSS = "RoadmapHeader { height: 2; padding-right: 1; }"

    def render(self) -> Content:
        listed = self.parent.query_one(RoadmapList) if self.parent is not None else None
        return listed.source.header() if listed is not None else Content("")
