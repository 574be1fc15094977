"""A typed check-in far outside its goal's range is doubted before it is saved."""

from __future__ import annotations

import pytest

from goaljournal.core.progress import checkin_doubt


@pytest.mark.parametrize(
    ("typed", "baseline", "target", "added_to", "meant"),
    [
        (30, 0, 3, None, 3),  # an extra zero: exactly ten spans from the baseline
        (3000, 0, 3, None, 3),
        (-3, 0, 3, None, 3),  # below zero on a count: the stray minus sign
        (800, 80, 70, None, 80),  # a goal that goes down: 80 → 70
        (30, None, 3, 0, 3),  # "+30" on a goal at 0: "+3"
        (-2, 0, 5, 1, 2),  # "+-2" from 1 would be -1 on a count
        (1e9, 0, 3, None, None),  # nothing obvious lands near the range
    ],
)
def test_a_value_far_outside_the_range_is_doubted_with_what_was_likely_meant(typed, baseline, target, added_to, meant) -> None:
    doubt = checkin_doubt(typed, baseline, target, added_to=added_to)
    assert doubt is not None and doubt.meant == meant and doubt.reason


@pytest.mark.parametrize(
    ("typed", "baseline", "target", "added_to"),
    [
        (3, 0, 3, None),
        (29, 0, 3, None),  # under ten spans: an overshoot, not a slip
        (0, 0, 3, None),
        (-5, 10, 0, None),  # a goal that goes down past zero: negatives are no slip there
        (-1, -5, 5, None),  # a range that includes negatives
        (7, None, None, None),  # no target: nothing to judge by
        (50, 5, 5, None),  # a target equal to the baseline has no span
        (2, 0, 3, 1),
        (float("inf"), 0, 3, None),  # not finite: the store refuses it anyway
    ],
)
def test_a_plausible_value_or_a_goal_without_a_range_is_not_doubted(typed, baseline, target, added_to) -> None:
    assert checkin_doubt(typed, baseline, target, added_to=added_to) is None
