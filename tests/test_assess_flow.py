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


# -- a second session starts from the first ----------------------------------------------------


@pytest.fixture
def first_session(store: Store) -> dict[str, int]:
    """A finished session in May with two strengths and three weaknesses."""
    may = store.add_assessment("2026-05-09")
    ids = {
        "excel": store.add_assessment_item(may, "strength", "Excel modelling", evidence="forecast within 2%"),
        "writing": store.add_assessment_item(may, "strength", "Clear writing"),
        "presenting": store.add_assessment_item(may, "weakness", "Presenting to senior audiences", cost="others present my work"),
        "timelines": store.add_assessment_item(may, "weakness", "Negotiating timelines"),
        "evenings": store.add_assessment_item(may, "weakness", "Working late evenings"),
    }
    store.update_assessment(may, completed_at="2026-05-10 20:40:00", step=7)
    return {"may": may, **ids}


async def test_still_true_keep_reword_and_drop_by_keys(store: Store, first_session: dict[str, int], screen_text) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_session(pilot)
        text = screen_text(app)
        assert "Still true? From your session of 9 May 2026" in text
        assert "Excel modelling" in text and "Clear writing" in text
        await pilot.press("k")  # Excel modelling: kept, with its evidence
        await pilot.pause()
        await pilot.press("d")  # Clear writing: dropped
        await pilot.pause()
        assert "Still true?" not in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        shot(app, "still-true-weaknesses")
        assert "Still true? From your session of 9 May 2026" in screen_text(app)
        await pilot.press("e")  # Presenting…: reworded, the form prefilled with its text and cost
        await pilot.pause()
        await pilot.press("end", *" to the board")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("d")  # Negotiating timelines: dropped
        await pilot.pause()
        await pilot.press("k")  # Working late evenings: kept
        await pilot.pause()
        shot(app, "still-true-done")
        assert "Still true?" not in screen_text(app)
    items = {i.text: i for i in store.assessment_items(session.assessment_id)}
    assert set(items) == {"Excel modelling", "Presenting to senior audiences to the board", "Working late evenings"}
    assert items["Excel modelling"].carried_from_id == first_session["excel"]
    assert items["Excel modelling"].evidence == "forecast within 2%"
    reworded = items["Presenting to senior audiences to the board"]
    assert (reworded.carried_from_id, reworded.cost) == (first_session["presenting"], "others present my work")
    assert items["Working late evenings"].carried_from_id == first_session["evenings"]
