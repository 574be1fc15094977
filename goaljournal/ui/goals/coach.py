"""The SMART coach: a goal's verdicts, from the form as it is typed or from the journal, and the
panel that shows them. Every keystroke in the form re-runs the analysis (pure, well under a
millisecond: bench/smart_speed.py), so the verdicts change as the sentence does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from goaljournal.core.models import Goal
from goaljournal.core.smart import (
    LABELS,
    GoalFields,
    Metric,
    SmartReport,
    Verdict,
    smart_report,
)
from goaljournal.store import JournalError, Store
from goaljournal.ui.shared.text import user_content

MARK_STYLES = {True: "bold $text-success", False: "bold $text-error", None: "bold $text-warning"}


def smart_summary(report: SmartReport) -> Content:
    """``SMART: all five met.``, or how many are."""
    if report.is_smart:
        return Content.styled("SMART: all five met.", "bold $text-success")
    return Content.styled(f"{report.met} of 5 met: not yet SMART.", "bold $text-warning")


def smart_head(name: str, verdict: Verdict) -> Content:
    """A criterion's mark and name."""
    return Content.assemble((verdict.mark, MARK_STYLES[verdict.ok]), " ", (LABELS[name], "bold"))


def smart_body(verdict: Verdict) -> Content:
    """Why a criterion is met or not, and what to do when it is not."""
    body = [user_content(verdict.why)]
    if verdict.ok is not True and verdict.suggestion:
        body.append(user_content(f"→ {verdict.suggestion}", style="$text-muted"))
    return Content("\n").join(body)


# A criterion's letter by its verdict: met in capitals, not met in lower case, and one the coach
# cannot tell (Achievable without a confidence, say) a question mark, never a letter that reads as met.
LETTER_STYLES = {True: "bold $text-success", False: "$text-error", None: "$text-warning"}


def smart_letters(report: SmartReport) -> list[tuple[str, bool | None]]:
    """``S``, ``m``, ``?``...: each criterion's letter as shown, with its verdict."""
    return [(letter, verdict.ok) for (_, verdict), letter in zip(report.criteria, report.letters, strict=True)]


def smart_marks(report: SmartReport) -> Content:
    """S M A R T in one short line, each letter coloured by its verdict: for lists."""
    return Content("").join(Content.styled(letter, LETTER_STYLES[ok]) for letter, ok in smart_letters(report))


def goal_fields(store: Store, goal: Goal) -> GoalFields:
    """A stored goal's fields as the SMART analysis wants them."""
    item = None
    if goal.assessment_item_id is not None:
        try:
            item = store.get_assessment_item(goal.assessment_item_id).text
        except JournalError:
            item = ""
    parent = None
    if goal.parent_id is not None:
        try:
            parent = store.get_goal(goal.parent_id).title
        except JournalError:
            parent = None
    return GoalFields(
        metric=goal.metric, unit=goal.unit, baseline=goal.baseline, target=goal.target,
        deadline=date.fromisoformat(goal.deadline) if goal.deadline else None, category=goal.category,
        why=goal.why, confidence=goal.confidence, assessment_item=item, parent_title=parent,
        active_goals=store.count_active_goals(besides=goal.id), cadence=goal.cadence,
    )  # fmt: skip


def goal_report(store: Store, goal: Goal, today: date) -> SmartReport:
    """A stored goal's SMART verdicts. A goal that is over (achieved, abandoned) is judged as it
    was set: on its start day, and without the load of the goals active now."""
    fields = goal_fields(store, goal)
    if goal.status in ("achieved", "abandoned"):
        start = date.fromisoformat(goal.start_date) if goal.start_date else today
        return smart_report(goal.title, min(start, today), fields=replace(fields, active_goals=None))
    return smart_report(goal.title, today, fields=fields)


class SmartPanel(Vertical):
    """The summary, then each criterion: its mark and name, and below them (indented, so a long
    reason wraps under itself) why, and what to do when it is not met."""

    DEFAULT_CSS = """
    SmartPanel {
        height: auto;
    }
    SmartPanel > .smart-summary {
        margin-bottom: 1;
    }
    SmartPanel > .smart-body {
        padding-left: 2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield Static(classes="smart-summary")
        for name in LABELS:
            yield Static(classes="smart-head", id=f"smart-{name}-head")
            yield Static(classes="smart-body", id=f"smart-{name}")

    def _update(self, selector: str, key: object, content: Callable[[], Content]) -> None:
        # Most keystrokes change one verdict or none: the others are not redrawn.
        if selector not in self._shown or self._shown[selector] != key:
            self._shown[selector] = key
            self.query_one(selector, Static).update(content())

    def show(self, report: SmartReport) -> None:
        self._update(".smart-summary", (report.is_smart, report.met), lambda: smart_summary(report))
        for name, verdict in report.criteria:
            self._update(f"#smart-{name}-head", verdict.ok, partial(smart_head, name, verdict))
            self._update(f"#smart-{name}", verdict, partial(smart_body, verdict))


def sentence_metric(metric: Metric | None) -> dict[str, Any]:
    """What the sentence's measure fills in when the fields are left empty. A rate over a period
    the goal can track leaves the unit plain: the period is the cadence field's."""
    if metric is not None and metric.kind == "rate" and metric.per:
        return {"target": 1.0}  # "every week", "weekly": at least once a week
    if metric is None or metric.amount is None or metric.kind not in ("count", "percent", "money", "change"):
        return {}
    filled: dict[str, Any] = {"target": metric.amount}
    if metric.kind == "change" and metric.baseline is not None:
        filled["baseline"] = metric.baseline
    if metric.unit:
        filled["unit"] = metric.unit
    if metric.rate and not metric.per:
        filled["unit"] = f"{metric.unit or 'times'} per {metric.rate}"
    return filled
