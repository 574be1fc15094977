"""The 1–5 scale the journal rates on (a skill, a goal's confidence, a day's mood and energy),
and the one way it is drawn, ●●●○○ for 3, so a rating reads the same on every screen."""

from __future__ import annotations

SCALE = 5
FILLED, EMPTY, UNRATED = "●", "○", "·"


def rating_dots(rating: int | None) -> str:
    """``●●●○○`` for 3 of 5; ``·····`` when there is no rating. Out-of-range values are held to the scale."""
    if rating is None or rating < 1:
        return UNRATED * SCALE
    filled = min(rating, SCALE)
    return FILLED * filled + EMPTY * (SCALE - filled)
