"""The self-assessment's flow by keys: rating keeps the list still, a second session starts from
the first ("still true?"), the comparison and digest follow what the user decided."""

from __future__ import annotations

import os
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.screens.assess_session import AssessmentSession

TODAY = date(2026, 11, 25)
SIZE = (80, 24)
SHOTS = os.environ.get("GOALJOURNAL_SHOTS")  # a folder: the tests save their screens there as SVG


def shot(app: GoalJournalApp, name: str) -> None:
    if SHOTS:
        app.save_screenshot(filename=f"{name}.svg", path=SHOTS)


async def open_session(pilot: Pilot) -> AssessmentSession:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AssessmentSession)
    return screen


async def fill_form(pilot: Pilot, *values: str) -> None:
    for value in values:
        await pilot.press(*value)
        await pilot.press("enter")
    await pilot.pause()


def highlighted_row(screen: AssessmentSession) -> str:
    widget = screen.query_one("#step-skills", OptionList)
    assert widget.highlighted is not None
    return str(widget.get_option_at_index(widget.highlighted).prompt)


# -- the rating step --------------------------------------------------------------------------


async def test_rating_the_suggested_skills_never_overwrites_one_already_rated(store: Store, screen_text) -> None:
    app = GoalJournalApp(store, today=TODAY)
    typed: dict[str, int] = {}
    async with app.run_test(size=SIZE) as pilot:
        session = await open_session(pilot)
        await pilot.press("right", "right")
        await pilot.pause()
        assert "step 3 of 7" in screen_text(app)
        rows_before = [str(o.prompt).split("  ")[0].removeprefix("+ ") for o in session.query_one("#step-skills", OptionList).options]
        for key in ("3", "down", "4", "down", "4", "down", "2"):
            if key.isdigit():
                typed[highlighted_row(session).removeprefix("+ ").split("  ")[0].strip()] = int(key)
            await pilot.press(key)
            await pilot.pause()
        shot(app, "rating-step")
        rows_after = [str(o.prompt).split("  ")[0].removeprefix("+ ") for o in session.query_one("#step-skills", OptionList).options]
        ratings = {r.skill_name: r.rating for r in store.ratings(session.assessment_id)}
        assert ratings == typed  # each digit rated the skill it was typed on
        assert ratings == {"Presentation skills": 3, "Data analysis": 4, "Prioritisation": 4, "Delegation": 2}
        told = [str(n.message) for n in app._notifications]
        assert told[-1] == "Rated Delegation 2; next unrated: Coaching others."
        assert "moves on to the next unrated skill" in screen_text(app)
        assert "Coaching others" in highlighted_row(session)
    assert rows_after == rows_before  # the list kept its order while rating
