"""Trends: a year of check-in days as a calendar heat map (a column a week, a row a weekday), its
streaks and active days, and the day's mood and energy over the same span as two lines."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical

from goaljournal.core.dates import human_date
from goaljournal.core.heatmap import first_day, heat_map
from goaljournal.core.trends import heat_facts, score_rows, score_series, year_rows
from goaljournal.ui.shared.screen import JournalScreen
from goaljournal.ui.shared.widgets.chart import ChartView
from goaljournal.ui.shared.widgets.footer import KeyBar


def years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class TrendsScreen(JournalScreen[None]):
    SCREEN_NAME = "Trends"
    CSS_PATH = "trends.tcss"
    BINDINGS = [
        Binding("left_square_bracket", "year(1)", "Year back", key_display="["),
        Binding("right_square_bracket", "year(-1)", "Year on", key_display="]"),
        Binding("full_stop", "to_today", "To today", key_display="."),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.years_back = 0  # 0: the year up to today; 1: the year before it, ...

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        with Vertical(id="trends-main"):
            with Vertical(id="trends-year", classes="panel"):
                yield ChartView(id="trends-heat")
            with Vertical(id="trends-scores", classes="panel"):
                yield ChartView(id="trends-scores-chart")
        yield KeyBar()

    @property
    def last(self) -> date:
        """The last day shown: today, or the same day a year or more before."""
        return years_before(self.today, self.years_back)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing lies after today: the keys towards it show only once the map has gone back.
        return bool(self.years_back) or not (action == "to_today" or parameters == (-1,))

    def title_status(self) -> str:
        return "" if not self.years_back else f"the year to {human_date(self.last)}"

    def refresh_data(self) -> None:
        super().refresh_data()
        last, week_start = self.last, self.store.week_start
        first = first_day(last, week_start=week_start)
        heat = heat_map(self.store.activity_by_day(first, last), last, week_start=week_start)
        year = self.query_one("#trends-year")
        year.border_title = f"Check-in days · {human_date(heat.first)} to {human_date(last)}"
        facts = heat_facts(heat, self.today)
        self.query_one("#trends-heat", ChartView).show(lambda width, height: year_rows(heat, facts, week_start, width))
        series = score_series(self.store.day_scores_between(first, last), first, last)
        scores = self.query_one("#trends-scores")
        span = "" if series.empty else " · the last 90 days" if series.step == 1 else " · the same weeks"
        scores.border_title = f"Mood and energy{span}"
        self.query_one("#trends-scores-chart", ChartView).show(lambda width, height: score_rows(series, width, height))
        self.refresh_bindings()

    def action_year(self, years: int) -> None:
        """A year further back (``years`` 1) or nearer today (-1)."""
        self.years_back = max(self.years_back + years, 0)
        self.refresh_data()

    def action_to_today(self) -> None:
        self.years_back = 0
        self.refresh_data()
