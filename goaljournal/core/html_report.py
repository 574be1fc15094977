"""The review packet as one self-contained HTML page: the Markdown report's sections with charts.

Pure: ``ReportData`` (read with ``charts=True``) in, text out. The words are the Markdown
report's own (``report_sections``), turned into HTML by a CommonMark parser with raw HTML, links
and images switched off, so user text, escaped once for Markdown, is escaped again for HTML and
can never become markup or a URL. Between the sections go inline SVG charts (``core/svg.py``):
each goal's progress, the year's check-ins, mood and energy, and the skills across
self-assessments. Nothing is fetched: no font, image, script or stylesheet by URL (the page's
Content-Security-Policy forbids them too), and a print stylesheet keeps charts whole on a page.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from goaljournal.core import svg
from goaljournal.core.goal_chart import GoalChart, chart_caption, goal_chart
from goaljournal.core.heatmap import LEVEL_WORDS, heat_map
from goaljournal.core.periods import Period, long_date, short_date
from goaljournal.core.progress import format_number
from goaljournal.core.report import GoalReport, PeopleActivity, ReportCharts, ReportData, Section, period_title, report_sections
from goaljournal.core.svg import esc
from goaljournal.core.words import plural

if TYPE_CHECKING:  # imported when a page is built (about 35 ms)
    from markdown_it import MarkdownIt

STYLE = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #222; background: #fff; max-width: 820px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.15em; margin-top: 1.6em; }
h3 { font-size: 1.1em; margin-bottom: 0.3em; }
ul { padding-left: 1.4em; }
li { margin: 0.15em 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.95em; }
figure { margin: 0.6em 0 1.2em; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figcaption { font-size: 0.9em; color: #444; margin-top: 0.3em; }
figcaption ol { margin: 0.2em 0; padding-left: 1.6em; }
svg text { font-family: inherit; fill: #333; }
svg .axis { font-size: 11px; }
svg .legend { font-size: 12px; }
svg .tick { font-size: 10px; font-weight: bold; }
.heat svg, figure.heat svg { max-width: 760px; }
.note { color: #555; font-size: 0.9em; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; color: #000; background: #fff; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, li, svg, .keep { break-inside: avoid; page-break-inside: avoid; }
  figcaption ol { columns: 2; column-gap: 1.5em; }
  h2 { break-before: auto; }
  * { background: transparent !important; box-shadow: none !important; }
}
""".strip()

# No fetch of any kind, and no script: what is left is inline style and inline SVG.
POLICY = "default-src 'none'; style-src 'unsafe-inline'"

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # The report writes no HTML, link or image of its own: off, so none can come from user text.
    return MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline", "link", "image", "autolink"])


def build_html(
    data: ReportData,
    period: Period,
    *,
    today: date,
    include_private: bool = False,
    people: PeopleActivity | None = None,
    week_start: int = 0,
) -> str:
    """The review packet for ``period`` as one HTML page."""
    markdown = _markdown()
    sections = report_sections(data, period, today=today, include_private=include_private, people=people)
    as_of = min(period.last, today)
    body: list[str] = []
    for section in sections:
        text = markdown.render("\n".join(section.lines))
        if section.name == "goal" and section.goal is not None:  # a goal and its chart on one printed page
            body.append(f'<section class="goal keep">{text}{goal_figure(section.goal, as_of, week_start)}</section>')
            continue
        body.append(f'<section class="{section.name}">{text}</section>')
        body.extend(_charts_after(section, data, period, as_of, week_start))
    title = f"Progress report · {period_title(period)}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _charts_after(section: Section, data: ReportData, period: Period, as_of: date, week_start: int) -> list[str]:
    charts = data.charts
    if charts is None:
        return []
    if section.name == "summary":
        return [check_in_figure(charts, as_of, week_start), scores_figure(charts, period, as_of)]
    if section.name == "assessment":
        return [skills_figure(charts)]
    return []


def _figure(chart: str, caption: str = "", css: str = "") -> str:
    kind = f' class="{css}"' if css else ""
    said = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure{kind}>{chart}{said}</figure>"


def _titled(title: str, figure: str) -> str:
    return f'<div class="keep"><h3>{esc(title)}</h3>{figure}</div>'


def _amount(value: float, unit: str | None) -> str:
    return format_number(value) + (f" {unit}" if unit else "")


def goal_figure(report: GoalReport, as_of: date, week_start: int = 0) -> str:
    """A goal's progress chart: its check-ins, pace to the target, projection, today and its
    milestones; a goal counted per period, its periods as bars against the target."""
    goal = report.goal
    chart = goal_chart(goal, report.checkins, report.milestones, as_of, week_start)
    label = f"Progress of {goal.title}"
    if chart.kind == "cadence":
        if not chart.bars:
            return _figure("", '<span class="note">No periods to draw yet.</span>')
        per = chart.cadence or "period"
        bars = [(text, total, f"{text}: {format_number(total)}" + (f" of {format_number(chart.per_period)}" if chart.per_period is not None else ""))
                for _, text, total in chart.bars]  # fmt: skip
        target = f"target {_amount(chart.per_period, chart.unit)} a {per}" if chart.per_period is not None else "target"
        drawn = svg.bar_chart(bars, target=chart.per_period, target_label=target, y_format=format_number, label=label)
        return _figure(drawn, esc(f"Each {per}'s total against the target, the latest {plural(len(bars), per)}."))
    if not chart.points and chart.pace is None:
        return _figure("", '<span class="note">No check-ins to draw yet.</span>')
    series = _goal_series(chart)
    values = [y for s in series for _, y in s.points]
    y_range = svg.padded_range(values, floor=0.0)
    x_range = (float(chart.first.toordinal()), float(max(chart.last, chart.first + timedelta(days=1)).toordinal()))
    ticks = [
        svg.Tick(day.toordinal(), str(number), f"{number}. {title}, due {short_date(day)}" + (" (done)" if done else ""), done)
        for number, (day, title, done) in enumerate(chart.milestones, start=1)
    ]
    drawn = svg.line_chart(
        series, x_range=x_range, y_range=y_range, x_labels=svg.month_ticks(chart.first, chart.last), y_format=format_number,
        rules=[(float(chart.today.toordinal()), "today")], ticks=ticks, label=label,
        point_titles=lambda s, p: f"{short_date(date.fromordinal(int(p[0])))}: {format_number(p[1])}" + (f" {chart.unit}" if chart.unit else ""),
    )  # fmt: skip
    return _figure(drawn, _goal_caption(chart))


def _goal_series(chart: GoalChart) -> list[svg.Series]:
    unit = f" ({chart.unit})" if chart.unit else ""
    series = []
    if chart.target is not None:
        ends = ((chart.first.toordinal(), chart.target), (chart.last.toordinal(), chart.target))
        series.append(svg.Series(ends, f"target {format_number(chart.target)}", "dashdot", colour=svg.MUTED, width=1.2))
    if chart.pace is not None:
        (start, low), (end, high) = chart.pace
        series.append(svg.Series(((start.toordinal(), low), (end.toordinal(), high)), "pace to the deadline", "dotted", colour=svg.PALETTE[2]))
    if chart.projection is not None:
        (start, low), (end, high) = chart.projection
        series.append(svg.Series(((start.toordinal(), low), (end.toordinal(), high)), "projection at the recent pace", "dashed", colour=svg.PALETTE[1]))
    points = tuple((float(day.toordinal()), value) for day, value in chart.points)
    series.append(svg.Series(points, f"check-ins{unit}", "solid", marker="dot", colour=svg.PALETTE[0]))
    return series


def _goal_caption(chart: GoalChart) -> str:
    said = chart_caption(chart)
    text = esc(said[:1].upper() + said[1:] + ".") if said else ""
    if chart.milestones:
        items = "".join(
            f"<li>{esc(title)}: due {esc(short_date(day))}{' · done' if done else ''}</li>" for day, title, done in chart.milestones
        )
        text += f"<br>Milestones (◆ done, ◇ open):<ol>{items}</ol>"
    return text


def check_in_figure(charts: ReportCharts, as_of: date, week_start: int = 0) -> str:
    """The year of check-ins up to ``as_of`` as a calendar heat map, with the count and streak in words."""
    shown = heat_map(charts.day_counts, as_of, week_start=week_start)
    columns = [
        [None if day is None else (shown.level(day), f"{short_date(day)}: {plural(shown.counts.get(day, 0), 'check-in')}") for day in week]
        for week in shown.columns
    ]
    rows = [(row, WEEKDAYS[(week_start + row) % 7]) for row in (0, 2, 4, 6)]
    label = f"Check-ins a day, {short_date(shown.first)} to {short_date(shown.last)}"
    drawn = svg.heat_grid(columns, months=shown.months, row_labels=rows, level_names=LEVEL_WORDS, label=label)
    words = f"{plural(shown.active_days, 'check-in day')} from {long_date(shown.first)} to {long_date(shown.last)}, streak {plural(charts.streak, 'day')}."
    return _titled("Check-ins over the year", _figure(drawn, esc(words), "heat"))


def scores_figure(charts: ReportCharts, period: Period, as_of: date) -> str:
    """The period's mood and energy, 1 to 5, as two lines."""
    if not charts.scores:
        return '<p class="note">No mood or energy was recorded in this period.</p>'
    mood = tuple((float(day.toordinal()), float(m)) for day, m, _ in charts.scores if m is not None)
    energy = tuple((float(day.toordinal()), float(e)) for day, _, e in charts.scores if e is not None)
    series = [svg.Series(mood, "mood", "solid", marker="dot", colour=svg.PALETTE[0]),
              svg.Series(energy, "energy", "dashed", marker="square", colour=svg.PALETTE[1])]  # fmt: skip
    last = max(min(period.last, max(as_of, charts.scores[-1][0])), period.first + timedelta(days=1))
    drawn = svg.line_chart(
        [s for s in series if s.points], x_range=(period.first.toordinal(), last.toordinal()), y_range=(0.6, 5.4),
        y_ticks=[1, 2, 3, 4, 5], x_labels=svg.month_ticks(period.first, last), label="Mood and energy, 1 to 5", height=200,
        point_titles=lambda s, p: f"{short_date(date.fromordinal(int(p[0])))}: {s.label} {p[1]:g}",
    )  # fmt: skip
    return _titled("Mood and energy", _figure(drawn, esc(f"{plural(len(charts.scores), 'day')} with a mood or energy, 1 (low) to 5 (high).")))


# A skill's line: a dash and a marker of its own, so up to 20 skills differ without colour.
SKILL_DASHES = ("solid", "dashed", "dotted", "dashdot")
SKILL_MARKERS = ("dot", "square", "ring", "diamond", "cross")


def skills_figure(charts: ReportCharts) -> str:
    """Each skill's rating across the finished self-assessments, one line a skill."""
    sessions = [(day, ratings) for day, ratings in charts.ratings if ratings]
    if not sessions:
        return ""
    names: dict[int, str] = {}
    for _, ratings in sessions:
        for rating in ratings:
            names.setdefault(rating.skill_id, rating.skill_name or "")
    series = []
    for index, (skill_id, name) in enumerate(sorted(names.items(), key=lambda item: item[1].casefold())):
        # Ratings are whole numbers, so lines often coincide: each is nudged a little up or down
        # (less than a third of a point) to stay visible beside the others.
        nudge = (index - (len(names) - 1) / 2) * min(0.08, 0.6 / max(len(names), 1))
        points = tuple(
            (float(number), r.rating + nudge) for number, (_, ratings) in enumerate(sessions) for r in ratings if r.skill_id == skill_id
        )
        series.append(svg.Series(points, name, SKILL_DASHES[index % len(SKILL_DASHES)], marker=SKILL_MARKERS[index % len(SKILL_MARKERS)],
                                 colour=svg.PALETTE[index % len(svg.PALETTE)]))  # fmt: skip
    labels = [(float(number), short_date(date.fromisoformat(day[:10]))) for number, (day, _) in enumerate(sessions)]
    x_range = (-0.3, len(sessions) - 0.7) if len(sessions) > 1 else (-1.0, 1.0)
    drawn = svg.line_chart(
        series, x_range=x_range, y_range=(0.6, 5.4), y_ticks=[1, 2, 3, 4, 5], x_labels=labels, label="Skills across self-assessments",
        point_titles=lambda s, p: f"{s.label}: {round(p[1])} of 5 on {labels[int(p[0])][1]}", height=280,
    )  # fmt: skip
    caption = f"Each skill rated 1 to 5 in {plural(len(sessions), 'self-assessment')}; lines of equal ratings are drawn a little apart."
    return _titled("Skills across self-assessments", _figure(drawn, esc(caption)))
