"""The self-assessment's flow by keys: rating keeps the list still, a second session starts from
the first ("still true?"), the comparison and digest follow what the user decided."""

from __future__ import annotations

import os
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from conftest import open_new_session

from goaljournal.core import assessment as core
from goaljournal.core.models import AssessmentItem, Rating
from goaljournal.store import InvalidInput, Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.assess.session import AssessmentSession

TODAY = date(2026, 11, 25)
SIZE = (80, 24)
SHOTS = os.environ.get("GOALJOURNAL_SHOTS")  # a folder: the tests save their screens there as SVG


def shot(app: GoalJournalApp, name: str) -> None:
    if SHOTS:
        app.save_screenshot(filename=f"{name}.svg", path=SHOTS)


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
        session = await open_new_session(pilot)
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
        session = await open_new_session(pilot)
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
        await pilot.press("left")  # back at the strengths: what was decided is not offered again
        await pilot.pause()
        assert "Still true?" not in screen_text(app) and "Clear writing" not in screen_text(app)
    items = {i.text: i for i in store.assessment_items(session.assessment_id)}
    assert set(items) == {"Excel modelling", "Presenting to senior audiences to the board", "Working late evenings"}
    assert items["Excel modelling"].carried_from_id == first_session["excel"]
    assert items["Excel modelling"].evidence == "forecast within 2%"
    reworded = items["Presenting to senior audiences to the board"]
    assert (reworded.carried_from_id, reworded.cost) == (first_session["presenting"], "others present my work")
    assert items["Working late evenings"].carried_from_id == first_session["evenings"]


async def test_a_drop_holds_when_the_session_is_left_and_resumed_and_u_takes_it_back(
    store: Store, first_session: dict[str, int], screen_text
) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_new_session(pilot)
        await pilot.press("d")  # the first strength offered: dropped
        await pilot.pause()
        offered = {item.text for item in store.assessment_items(first_session["may"]) if item.kind == "strength"}
        dropped = [text for text in offered if text not in screen_text(app)]
        assert len(dropped) == 1
        await pilot.press("ctrl+s")  # save, finish later
        await pilot.pause()
        await open_new_session(pilot)  # resumed: the dropped strength is not offered again
        assert dropped[0] not in screen_text(app) and "Still true?" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert dropped[0] in screen_text(app)  # undone: offered again
    assert store.dropped_offered_items(session.assessment_id) == set()


# -- the store: carrying an item over --------------------------------------------------------------


def test_an_item_is_carried_only_from_an_earlier_session_of_the_same_kind_and_once(store: Store, first_session: dict[str, int]) -> None:
    now = store.add_assessment("2026-11-25")
    kept = store.add_assessment_item(now, "strength", "Excel modelling", carried_from_id=first_session["excel"])
    assert store.get_assessment_item(kept).carried_from_id == first_session["excel"]
    refused = {
        "a weakness carried as a strength": dict(kind="strength", carried_from_id=first_session["presenting"]),
        "carried twice into one session": dict(kind="strength", carried_from_id=first_session["excel"]),
        "no such item": dict(kind="strength", carried_from_id=99999),
        "an item of this same session": dict(kind="strength", carried_from_id=kept),
        "not an id": dict(kind="strength", carried_from_id="3"),
        "a flag, not an id": dict(kind="strength", carried_from_id=True),
    }
    for why, arguments in refused.items():
        kind = arguments.pop("kind")
        with pytest.raises(InvalidInput):
            store.add_assessment_item(now, kind, "text", **arguments)
            pytest.fail(why)
    earlier = store.add_assessment("2026-01-10")  # a session before May cannot carry May's items
    with pytest.raises(InvalidInput, match="earlier session"):
        store.add_assessment_item(earlier, "strength", "Excel modelling", carried_from_id=first_session["excel"])
    assert [i.id for i in store.assessment_items(now)] == [kept]  # nothing refused was written
    assert store.assessment_items(earlier) == []


def test_a_carried_item_put_back_keeps_its_link(store: Store, first_session: dict[str, int]) -> None:
    now = store.add_assessment("2026-11-25")
    kept = store.add_assessment_item(now, "weakness", "Working late evenings", carried_from_id=first_session["evenings"])
    removed = store.remove_assessment_item(kept)
    again = store.put_back_assessment_item(removed)
    assert store.get_assessment_item(again).carried_from_id == first_session["evenings"]


def test_items_with_goals_follow_the_carried_chain_and_skip_the_trash(store: Store, first_session: dict[str, int]) -> None:
    aug = store.add_assessment("2026-08-01")
    via_aug = store.add_assessment_item(aug, "weakness", "Presenting to seniors", carried_from_id=first_session["presenting"])
    store.update_assessment(aug, completed_at="2026-08-01 20:00:00")
    now = store.add_assessment("2026-11-25")
    presenting = store.add_assessment_item(now, "weakness", "Presenting", carried_from_id=via_aug)
    evenings = store.add_assessment_item(now, "weakness", "Working late evenings", carried_from_id=first_session["evenings"])
    fresh = store.add_assessment_item(now, "weakness", "Saying no")
    assert store.items_with_goals(now) == set()
    store.add_goal("Present to the board", assessment_item_id=first_session["presenting"])  # two sessions back
    trashed = store.add_goal("Leave by six", assessment_item_id=evenings)
    store.trash("goals", trashed)
    assert store.items_with_goals(now) == {presenting}
    store.add_goal("Say no once a week", assessment_item_id=fresh)
    assert store.items_with_goals(now) == {presenting, fresh}


# -- core: the comparison, the digest and when a session is due -------------------------------------


def made(item_id: int, kind: str, text: str, carried_from_id: int | None = None, **fields: object) -> AssessmentItem:
    return AssessmentItem(id=item_id, uuid="", assessment_id=0, kind=kind, text=text, carried_from_id=carried_from_id, **fields)  # type: ignore[arg-type]


def test_a_carried_item_is_kept_or_reworded_never_dropped_and_added() -> None:
    before = [made(1, "weakness", "Presenting to senior audiences"), made(2, "weakness", "Negotiating timelines"),
              made(3, "weakness", "Working late evenings")]  # fmt: skip
    after = [made(11, "weakness", "Board readouts make me freeze", carried_from_id=1),
             made(13, "weakness", "working  late evenings", carried_from_id=3), made(14, "weakness", "Saying no")]  # fmt: skip
    changes = core.item_changes(before, after)
    assert [(old.id, new.id) for old, new in changes.reworded] == [(1, 11)]
    assert [(old.id, new.id) for old, new in changes.kept] == [(3, 13)]
    assert [i.id for i in changes.dropped] == [2] and [i.id for i in changes.added] == [14]
    assert changes.status_of(after[0]) == "reworded" and changes.status_of(before[0]) == "reworded"
    assert changes.status_of(before[1]) == "dropped"


def test_the_digest_suggests_no_goal_from_a_weakness_that_has_one() -> None:
    items = [made(1, "weakness", "Presenting", cost="credit"), made(2, "weakness", "Saying no")]
    assert core.digest(items, [])[-1] == "A goal could start from: Presenting."
    assert core.digest(items, [], items_with_goals={1})[-1] == "A goal could start from: Saying no."
    low = [Rating(id=0, uuid="", assessment_id=0, skill_id=5, rating=1, skill_name="Negotiation")]
    gap = made(3, "weakness", core.skill_gap_text("Negotiation", 1))
    assert core.digest([*items, gap], low, items_with_goals={1, 2})[-1] == "A goal could start from: Negotiation (rated 1 of 5)."
    assert not any(line.startswith("A goal") for line in core.digest([*items, gap], low, items_with_goals={1, 2, 3}))


def test_assessment_due_ninety_days_after_the_last_one() -> None:
    last = date(2026, 8, 27)
    assert core.assessment_due(None, date(2026, 11, 25)) is True
    assert core.assessment_due(last, date(2026, 11, 24)) is False  # 89 days
    assert core.assessment_due(last, date(2026, 11, 25)) is True  # 90 days
    assert core.assessment_due(last, date(2026, 9, 26), every_days=30) is True
    assert core.assessment_due(last, last) is False
    with pytest.raises(ValueError):
        core.assessment_due(last, last, every_days=0)


# -- finishing, the review and the digest by keys ----------------------------------------------------


async def test_f_before_the_last_step_says_what_it_does(store: Store, screen_text) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_new_session(pilot)
        await pilot.press("right", "f")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession) and "step 2 of 7" in screen_text(app)
        assert str(list(app._notifications)[-1].message) == "f finishes the session on its last step (7); → goes to the next step."
    assert store.get_assessment(session.assessment_id).completed_at is None


async def test_finishing_with_items_neither_kept_nor_dropped_asks_once(store: Store, first_session: dict[str, int]) -> None:
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_new_session(pilot)
        await pilot.press("k")  # Excel modelling kept; Clear writing and the three weaknesses left undecided
        await pilot.press(*["right"] * 6, "f")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentSession)
        assert "4 of your last session's strengths and weaknesses are neither kept nor dropped" in str(list(app._notifications)[-1].message)
        assert store.get_assessment(session.assessment_id).completed_at is None
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, AssessmentSession)
    assert store.get_assessment(session.assessment_id).completed_at == "2026-11-25 09:30:00"


async def test_the_review_and_digest_follow_what_was_carried(store: Store, first_session: dict[str, int], screen_text) -> None:
    now = store.add_assessment("2026-11-25")
    store.add_assessment_item(now, "strength", "Excel modelling", carried_from_id=first_session["excel"])
    board = store.add_assessment_item(now, "weakness", "Board readouts make me freeze", carried_from_id=first_session["presenting"])
    store.add_assessment_item(now, "weakness", "Working late evenings", carried_from_id=first_session["evenings"])
    store.add_goal("Present to the board", assessment_item_id=first_session["presenting"])
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_new_session(pilot)
        await pilot.press("d", "right", "d")  # Clear writing and Negotiating timelines dropped
        await pilot.press(*["right"] * 4)
        await pilot.pause()
        digest = screen_text(app)
        assert "A goal could start from: Working late evenings." in digest  # not from the one with a goal
        await pilot.press("right")
        await pilot.pause()
        review = screen_text(app)
    assert "= kept    Excel modelling" in review
    assert "~ reworded Board readouts make me freeze" in review and "was: Presenting to senior audiences" in review
    assert "− dropped Clear writing" in review and "− dropped Negotiating timelines" in review
    assert "dropped Presenting" not in review and "new     Board" not in review
    assert board in store.items_with_goals(now)


async def test_rewording_types_after_the_earlier_text_instead_of_replacing_it(store: Store, first_session: dict[str, int]) -> None:
    """A prefilled field focused by the form keeps its text when the user starts typing: Textual's
    Input selected it all on focus, so the first key replaced the whole strength being reworded."""
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        session = await open_new_session(pilot)
        await pilot.press("e", *" well", "ctrl+s")
        await pilot.pause()
        items = {item.text: item for item in store.assessment_items(session.assessment_id)}
    assert "Excel modelling well" in items, list(items)
