"""Goals stated as a rate ("5 client reports per week"): the period arithmetic every view shares.

A goal with a cadence (week, month or quarter) has a target per period. Each of its check-ins is
an amount added to the period its day falls in (weeks start on Monday, or on Sunday when the
user prefers: ``week_start`` is the weekday() they start on; months and quarters
are calendar ones, as ``core.periods.period_of`` has them), and a period is met when its total
reaches the target.

Periods are counted from the goal's start (its start date, or its first check-in if that is
earlier) to today, or to its deadline once that has passed. A period the goal does not cover
whole — the one under way, the one it started in part-way, the one its deadline cuts short — is
never missed: it counts once it is met. So "3 of 4 weeks met" never blames a week still running.

Pure and stdlib only; nothing here reads the clock (every function that needs a day takes it).
Counting is arithmetic over the periods that hold check-ins, so a goal dated centuries back
costs no more than one started last week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from goaljournal.core.models import CADENCES
from goaljournal.core.periods import Period, period_of, short_date
from goaljournal.core.progress import format_number
from goaljournal.core.words import counted_unit

# "this week", "3 weeks in a row", "3 of 4 weeks met".
NOUNS = {"week": ("week", "weeks"), "month": ("month", "months"), "quarter": ("quarter", "quarters")}
_MONDAY_ZERO = date(1, 1, 1).toordinal()  # 1 January of year 1 was a Monday


def period_index(day: date, cadence: str, week_start: int = 0) -> int:
    """A number per period, one apart from the next: weeks, months or quarters since year 1."""
    if cadence == "week":
        return (day.toordinal() - _MONDAY_ZERO - week_start) // 7
    if cadence == "month":
        return day.year * 12 + day.month - 1
    if cadence == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    raise ValueError(f"unknown cadence {cadence!r}: choose one of {', '.join(CADENCES)}")


def period_at(index: int, cadence: str, week_start: int = 0) -> Period:
    """The period numbered ``index`` (see period_index)."""
    if cadence == "week":
        return period_of(date.fromordinal(_MONDAY_ZERO + week_start + index * 7), "week", week_start)
    if cadence == "month":
        year, month = divmod(index, 12)
        return period_of(date(year, month + 1, 1), "month")
    year, quarter = divmod(index, 4)
    return period_of(date(year, quarter * 3 + 1, 1), "quarter")


def period_name(period: Period) -> str:
    """A period in a list, short: ``week of 23 Nov 2026``, ``November 2026``, ``Q4 2026``."""
    if period.zoom == "week":
        return f"week of {short_date(period.first)}"
    if period.zoom == "quarter":
        return f"Q{(period.first.month - 1) // 3 + 1} {period.first.year}"
    return period.label


def period_totals(amounts: Iterable[tuple[str | date, float]], cadence: str, week_start: int = 0) -> dict[int, float]:
    """The sum of the amounts in each period, by period index; ``amounts`` are (day, amount)."""
    totals: dict[int, float] = {}
    for day, amount in amounts:
        when = date.fromisoformat(day[:10]) if isinstance(day, str) else day
        index = period_index(when, cadence, week_start)
        totals[index] = totals.get(index, 0.0) + amount
    return totals


def this_period_words(cadence: str) -> str:
    return f"this {NOUNS[cadence][0]}"


def count_words(count: int, cadence: str) -> str:
    """``1 week``, ``3 weeks``."""
    one, many = NOUNS[cadence]
    return f"{count} {one if count == 1 else many}"


def amount_text(total: float, target: float | None, cadence: str, unit: str | None = None) -> str:
    """``2 of 5 this week``; with a unit, ``2 of 5 client reports this week``."""
    unit = counted_unit(unit, target if target is not None else total)
    unit_text = f" {unit}" if unit else ""
    if target is None:
        return f"{format_number(total)}{unit_text} {this_period_words(cadence)}"
    return f"{format_number(total)} of {format_number(target)}{unit_text} {this_period_words(cadence)}"


def streak_text(streak: int, cadence: str) -> str:
    """``3 weeks in a row``; nothing for no streak."""
    return f"{count_words(streak, cadence)} in a row" if streak else ""


def met_text(met: int, counted: int, cadence: str) -> str:
    """``3 of 4 weeks met``; ``no month ended yet`` before a period has counted."""
    if not counted:
        return f"no {NOUNS[cadence][0]} ended yet"
    return f"{met} of {count_words(counted, cadence)} met"


def rate_text(target: float | None, unit: str | None, cadence: str) -> str:
    """``5 client reports per week``."""
    amount = format_number(target) if target is not None else "some"
    unit = counted_unit(unit, target)
    return f"{amount}{f' {unit}' if unit else ''} per {NOUNS[cadence][0]}"


@dataclass(frozen=True, slots=True)
class PeriodResult:
    """One period of a cadence goal: its total, whether it met the target, and whether it is
    still under way (``running``) or was only partly the goal's (``partial``): neither is
    missed until it is met."""

    period: Period
    total: float
    met: bool
    running: bool = False
    partial: bool = False

    @property
    def missed(self) -> bool:
        return not self.met and not self.running and not self.partial


@dataclass(frozen=True, slots=True)
class CadenceSummary:
    """A cadence goal's periods, as of ``today``: this period's total, how many periods were met
    of those counted so far, and the streak of periods met."""

    cadence: str
    target: float | None
    first: int  # index of the goal's first period
    last: int  # index of its last period so far: today's, or the deadline's once passed
    running: bool  # the last period is still under way
    partial_first: bool  # the goal started after its first period began
    partial_last: bool  # its deadline cut its last period short
    totals: dict[int, float] = field(default_factory=dict)
    today_index: int = 0
    week_start: int = 0  # the weekday() weeks start on

    @property
    def current(self) -> float:
        """The total of the period holding today (0 when the goal is over or not begun)."""
        return self.totals.get(self.today_index, 0.0)

    @property
    def current_met(self) -> bool:
        return self._met(self.today_index)

    def _met(self, index: int) -> bool:
        return self.target is not None and self.totals.get(index, 0.0) >= self.target

    def _partial(self, index: int) -> bool:
        return (index == self.first and self.partial_first) or (index == self.last and (self.partial_last or self.running))

    @property
    def met(self) -> int:
        """Periods met, from the first to the last."""
        if self.target is None:
            return 0
        if self.target <= 0:  # every period is met, with or without a check-in
            return self.period_count
        return sum(1 for index, total in self.totals.items() if self.first <= index <= self.last and total >= self.target)

    @property
    def counted(self) -> int:
        """Periods so far: those the goal covered whole and that have ended, and any other once met."""
        if self.target is None or self.last < self.first:
            return 0
        edges = {self.first, self.last}
        whole = self.last - self.first + 1 - sum(1 for index in edges if self._partial(index))
        return whole + sum(1 for index in edges if self._partial(index) and self._met(index))

    @property
    def streak(self) -> int:
        """Periods met in a row, back from the last; the one under way adds once it is met and
        breaks nothing until it ends."""
        if self.target is None:
            return 0
        index = self.last
        if self.running and not self._met(index):
            index -= 1
        if self.target <= 0:
            return max(index - self.first + 1, 0)
        count = 0
        while index >= self.first and self._met(index):
            count += 1
            index -= 1
        return count

    def results(self, limit: int | None = None) -> list[PeriodResult]:
        """The periods, newest first, ``limit`` of them at most."""
        shown: list[PeriodResult] = []
        index = self.last
        while index >= self.first and (limit is None or len(shown) < limit):
            shown.append(
                PeriodResult(
                    period_at(index, self.cadence, self.week_start),
                    self.totals.get(index, 0.0),
                    self._met(index),
                    running=self.running and index == self.last,
                    partial=(index == self.first and self.partial_first) or (index == self.last and self.partial_last),
                )
            )
            index -= 1
        return shown

    @property
    def period_count(self) -> int:
        return max(self.last - self.first + 1, 0)

    def this_period(self, unit: str | None = None) -> str:
        """``2 of 5 this week``."""
        return amount_text(self.current, self.target, self.cadence, unit)

    def met_text(self) -> str:
        """``3 of 4 weeks met``."""
        return met_text(self.met, self.counted, self.cadence)

    def streak_text(self) -> str:
        """``3 weeks in a row``, or nothing."""
        return streak_text(self.streak, self.cadence)


def summarise(
    cadence: str,
    target: float | None,
    amounts: Iterable[tuple[str | date, float]],
    today: date,
    *,
    start: str | date | None = None,
    deadline: str | date | None = None,
    since: date | None = None,
    week_start: int = 0,
) -> CadenceSummary:
    """A cadence goal's periods as of ``today`` from its check-ins (``amounts``: day, amount).

    Check-ins after ``today`` (or after a passed deadline) count in no period so far. ``since``
    narrows the count to the periods from the one holding it (a report's month or quarter): the
    first of those is whole unless the goal started part-way into it.
    """
    days = [(date.fromisoformat(day[:10]) if isinstance(day, str) else day, amount) for day, amount in amounts]
    start_day = date.fromisoformat(start[:10]) if isinstance(start, str) else start
    end_day = date.fromisoformat(deadline[:10]) if isinstance(deadline, str) else deadline
    first_day = min([day for day, _ in days] + ([start_day] if start_day else []), default=today)
    last_day = today if end_day is None or end_day >= today else end_day
    first_period = period_of(first_day, cadence, week_start)
    last_period = period_of(last_day, cadence, week_start)
    first, last = period_index(first_day, cadence, week_start), period_index(last_day, cadence, week_start)
    partial_first = first_day != first_period.first
    if since is not None and period_index(since, cadence, week_start) > first:
        first, partial_first = period_index(since, cadence, week_start), False
    running = last_day == today and today < last_period.last
    partial_last = not running and last_day < last_period.last
    # A check-in dated later in the week under way counts in it; none counts past a passed deadline.
    cutoff = last_period.last if last_day == today else last_day
    totals = period_totals(((day, amount) for day, amount in days if day <= cutoff), cadence, week_start)
    return CadenceSummary(
        cadence, target, first, last, running, partial_first, partial_last, totals,
        period_index(today, cadence, week_start), week_start,
    )


def period_pace(total: float, target: float, cadence: str, today: date, week_start: int = 0) -> str:
    """How this period goes: 'met', or 'on track' / 'at risk' / 'off track' from its total
    against the share of the period already behind us (the days before today)."""
    if total >= target:
        return "met"
    period = period_of(today, cadence, week_start)
    elapsed = (today - period.first).days / ((period.last - period.first).days + 1)
    done = max(total, 0.0) / target if target > 0 else 1.0
    behind = elapsed - done
    if behind <= 0.10:
        return "on track"
    if behind <= 0.25:
        return "at risk"
    return "off track"

