"""The timeline's periods and the dates a user can jump to (goaljournal.core.periods)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from goaljournal.core.periods import (
    ZOOMS,
    BadJump,
    JumpTarget,
    Period,
    long_date,
    parse_jump,
    period_of,
    zoom_in,
    zoom_out,
)

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("day", "zoom", "first", "last", "label"),
    [
        (TODAY, "week", date(2026, 11, 23), date(2026, 11, 29), "Week 48 · 23–29 Nov 2026"),
        (date(2026, 12, 1), "week", date(2026, 11, 30), date(2026, 12, 6), "Week 49 · 30 Nov – 6 Dec 2026"),
        (date(2026, 1, 1), "week", date(2025, 12, 29), date(2026, 1, 4), "Week 1 · 29 Dec 2025 – 4 Jan 2026"),
        (TODAY, "month", date(2026, 11, 1), date(2026, 11, 30), "November 2026"),
        (date(2024, 2, 10), "month", date(2024, 2, 1), date(2024, 2, 29), "February 2024"),
        (TODAY, "quarter", date(2026, 10, 1), date(2026, 12, 31), "Q4 2026 · Oct–Dec"),
        (date(2025, 2, 28), "quarter", date(2025, 1, 1), date(2025, 3, 31), "Q1 2025 · Jan–Mar"),
        (TODAY, "year", date(2026, 1, 1), date(2026, 12, 31), "2026"),
    ],
)
def test_period_of_a_day(day: date, zoom: str, first: date, last: date, label: str) -> None:
    period = period_of(day, zoom)
    assert (period.first, period.last, period.zoom) == (first, last, zoom)
    assert period.label == label
    assert day in period and first - timedelta(days=1) not in period and last + timedelta(days=1) not in period


@pytest.mark.parametrize("zoom", ZOOMS)
def test_periods_tile_the_calendar_without_gaps_or_overlaps(zoom: str) -> None:
    period = period_of(date(2023, 12, 20), zoom)
    for _ in range(60):
        following = period.shifted(1)
        assert following.first == period.last + timedelta(days=1)
        assert following.shifted(-1) == period
        period = following


def test_shifting_a_month_keeps_to_month_boundaries() -> None:
    january = period_of(date(2025, 1, 31), "month")
    assert january.shifted(1) == Period(date(2025, 2, 1), date(2025, 2, 28), "month")
    assert january.shifted(-13).label == "December 2023"
    assert period_of(TODAY, "quarter").shifted(2).label == "Q2 2027 · Apr–Jun"


def test_zooming_in_and_out_stops_at_the_ends() -> None:
    assert [zoom_in(z) for z in ZOOMS] == ["week", "week", "month", "quarter"]
    assert [zoom_out(z) for z in ZOOMS] == ["month", "quarter", "year", "year"]


def test_an_unknown_zoom_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown zoom 'decade'"):
        period_of(TODAY, "decade")


def test_long_date_ignores_the_locale() -> None:
    assert long_date(TODAY) == "Wed 25 Nov 2026"


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("today", TODAY, TODAY, "day"),
        ("  Yesterday ", TODAY - timedelta(days=1), TODAY - timedelta(days=1), "day"),
        ("tomorrow", TODAY + timedelta(days=1), TODAY + timedelta(days=1), "day"),
        ("2025-03-14", date(2025, 3, 14), date(2025, 3, 14), "day"),
        ("2025/3/4", date(2025, 3, 4), date(2025, 3, 4), "day"),
        ("2025-03", date(2025, 3, 1), date(2025, 3, 31), "month"),
        ("March 2025", date(2025, 3, 1), date(2025, 3, 31), "month"),
        ("mar 2025", date(2025, 3, 1), date(2025, 3, 31), "month"),
        ("2025 March", date(2025, 3, 1), date(2025, 3, 31), "month"),
        ("Sept 2024", date(2024, 9, 1), date(2024, 9, 30), "month"),
        ("Mar '25", date(2025, 3, 1), date(2025, 3, 31), "month"),
        ("14 March 2025", date(2025, 3, 14), date(2025, 3, 14), "day"),
        ("March 14, 2025", date(2025, 3, 14), date(2025, 3, 14), "day"),
        ("14th Mar 2025", date(2025, 3, 14), date(2025, 3, 14), "day"),
        ("29 Feb 2024", date(2024, 2, 29), date(2024, 2, 29), "day"),
        ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
        ("2025 q3", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), "quarter"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("2025-W12", date(2025, 3, 17), date(2025, 3, 23), "week"),
        ("week 12 2025", date(2025, 3, 17), date(2025, 3, 23), "week"),
        ("this week", date(2026, 11, 23), date(2026, 11, 29), "week"),
        ("last month", date(2026, 10, 1), date(2026, 10, 31), "month"),
        ("next quarter", date(2027, 1, 1), date(2027, 3, 31), "quarter"),
        ("previous year", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("3 weeks ago", date(2026, 11, 4), date(2026, 11, 4), "day"),
        ("two months ago", date(2026, 9, 25), date(2026, 9, 25), "day"),
        ("in 10 days", date(2026, 12, 5), date(2026, 12, 5), "day"),
    ],
)
def test_parse_jump_understands_dates_and_periods(text: str, first: date, last: date, precision: str) -> None:
    assert parse_jump(text, TODAY) == JumpTarget(first, last, precision)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # Without a year: the latest one that has begun by today.
        ("March", TODAY, date(2026, 3, 1)),
        ("December", date(2026, 1, 10), date(2025, 12, 1)),
        ("14 Mar", TODAY, date(2026, 3, 14)),
        ("31 Dec", date(2026, 1, 10), date(2025, 12, 31)),
        ("Q4", date(2026, 1, 10), date(2025, 10, 1)),
        ("Q1", date(2026, 1, 10), date(2026, 1, 1)),
        ("week 50", date(2026, 1, 10), date(2025, 12, 8)),
    ],
)
def test_a_date_without_a_year_is_the_latest_that_has_begun(text: str, today: date, expected: date) -> None:
    assert parse_jump(text, today).first == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "type a date to jump to"),
        ("someday", "'someday' is not a date I can jump to: try 2025-03-14"),
        ("12", "'12' is not a date I can jump to"),
        ("31 Feb 2025", "February 2025 has no day 31"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("2025-13-01", "the month must be 1 to 12"),
        ("week 54 2025", "2025 has no week 54"),
        ("March April 2025", "is not a date I can jump to"),
        ("March 2025 2026", "is not a date I can jump to"),
        ("in 99999999 years", "too far away"),
    ],
)
def test_parse_jump_refuses_what_it_does_not_understand_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(BadJump, match=message):
        parse_jump(text, TODAY)


def test_jump_target_labels() -> None:
    assert parse_jump("2025-03-14", TODAY).label == "Fri 14 Mar 2025"
    assert parse_jump("Q3 2025", TODAY).label == "Q3 2025 · Jul–Sep"
    assert parse_jump("March 2025", TODAY).label == "March 2025"


def test_the_ends_of_the_calendar_do_not_overflow() -> None:
    assert period_of(date.max, "week").last == date.max
    assert period_of(date.min, "week").first == date.min
    assert period_of(date.max, "quarter").last == date.max
    assert period_of(date.max, "month").last == date.max
    # A jump stays inside the years a journal holds.
    assert parse_jump("9998-12-31", TODAY).last == date(9998, 12, 31)
    with pytest.raises(BadJump, match="outside the dates a journal holds"):
        parse_jump("9999-12-31", TODAY)
