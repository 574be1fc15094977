"""The look every screen shares, driven through Pilot on a real journal: the title bar is never cut,
fields look and focus the same in every form, toasts keep off the focused field and do not pile up,
and a rating is drawn one way everywhere."""

from __future__ import annotations

import pytest
from conftest import NOW
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widget import Widget
from textual.widgets import Input, Select
from textual.widgets._toast import Toast

from goaljournal.core.scale import rating_dots
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.shared.toasts import MAX_TOASTS
from goaljournal.ui.shared.widgets.scale import ScalePicker

TODAY = NOW.date()


def app_for(store: Store) -> GoalJournalApp:
    return GoalJournalApp(store, today=TODAY)


@pytest.fixture
def two_goals(store: Store) -> dict[str, int]:
    pmp = store.add_goal("Earn the PMP certification", target=50, baseline=0, unit="hours", deadline="2027-05-25")
    people = store.add_goal("Connect with five HR leaders", target=5, baseline=0, unit="people", deadline="2027-03-31")
    return {"pmp": pmp, "people": people}


# -- the title bar ------------------------------------------------------------------------------


@pytest.mark.parametrize("key, name", [("a", "Self-assessment"), ("r", "Reflections"), ("t", "Today")])
async def test_the_title_bar_shows_the_screen_name_whole_at_80_columns(store: Store, screen_text, key: str, name: str) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        first_line = screen_text(app).splitlines()[0]
        assert f"goaljournal · {name}" in first_line
        assert "Wed 25 Nov 2026" in first_line


# -- fields ------------------------------------------------------------------------------------


class Form(App[None]):
    """A plain field, a compact one (as the goal and person forms make them) and a list."""

    CSS_PATH = "../goaljournal/ui/app.tcss"

    def compose(self) -> ComposeResult:
        yield Input("tall by default", id="plain")
        yield Input("compact", id="compact", compact=True)
        yield Select([("one", 1), ("two", 2)], value=1, allow_blank=False, id="choice")


def bar(widget: Widget) -> tuple[str, Color]:
    edge, colour = widget.styles.border_left
    return edge, colour


async def test_every_field_is_one_line_with_a_bar_that_takes_the_accent_colour_when_focused() -> None:
    app = Form()
    async with app.run_test(size=(60, 10)) as pilot:
        accent = Color.parse(app.theme_variables["accent"])
        plain, compact = app.query_one("#plain", Input), app.query_one("#compact", Input)
        current = app.query_one("#choice", Select).query_one("SelectCurrent")
        plain.focus()
        await pilot.pause()
        assert plain.outer_size.height == compact.outer_size.height == current.outer_size.height == 1
        assert bar(plain)[1] == accent and plain.styles.border_top[0] == ""
        # Unfocused, the compact field and the list have the same quiet bar as each other.
        assert bar(compact) == bar(current) and bar(compact)[0] == "tall" and bar(compact)[1] != accent
        compact.focus()
        await pilot.pause()
        assert bar(compact)[1] == accent and bar(plain) == bar(current)
        # The focused field takes a tint of the accent, not one grey step lighter.
        assert compact.styles.background.rgb == accent.rgb and compact.styles.background.a >= 0.15
        assert plain.styles.background.rgb != accent.rgb
        app.query_one("#choice", Select).focus()
        await pilot.pause()
        assert bar(current)[1] == accent


async def test_a_choice_in_a_form_stays_in_its_list(store: Store) -> None:
    """Enter opens the list and chooses; the focus stays on the list, showing the choice."""
    from goaljournal.ui.assess.forms import ITEM_FIELDS, FieldForm

    app = app_for(store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(FieldForm("New feedback", ITEM_FIELDS["feedback"]))
        await pilot.pause()
        source = app.screen.query_one("#field-source", Select)
        assert app.focused is source
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.focused is source and source.value == "peer"
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#field-text", Input)


# -- toasts ------------------------------------------------------------------------------------


def toast_regions(app: App[None]) -> list:
    return [toast.region for toast in app.screen.query(Toast) if toast.region]


async def test_a_toast_after_a_reflection_leaves_it_and_the_focused_field_clear(store: Store, two_goals: dict[str, int]) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+r", *"Calm day.", "enter")
        await pilot.pause()
        reflection = app.screen.query_one("#reflection", Input)
        focused = app.focused  # mood, where Enter goes on to
        assert focused is not None
        app.tell("Something to say while the day's scores are being given")
        await pilot.pause()
        await pilot.pause()
        toasts = toast_regions(app)
        assert toasts, "the toast is shown"
        assert not any(region.overlaps(reflection.region) or region.overlaps(focused.region) for region in toasts)


async def test_a_toast_goes_low_while_a_field_near_the_top_right_has_the_focus(store: Store, two_goals: dict[str, int]) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        field = app.screen.query_one(f"#checkin-{two_goals['pmp']}", Input)
        field.focus()
        await pilot.pause()
        assert field.region.y < app.size.height // 2 and field.region.right > app.size.width // 2
        app.tell("A goal's check-in field sits at the top right")
        await pilot.pause()
        await pilot.pause()
        toasts = toast_regions(app)
        assert toasts and not any(region.overlaps(field.region) for region in toasts)
        assert all(region.y > app.size.height // 2 for region in toasts)
        # The focus goes down to the reflection line: the toast moves up out of its way.
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.pause()
        toasts = toast_regions(app)
        reflection = app.screen.query_one("#reflection", Input)
        assert app.focused is reflection
        assert toasts and not any(region.overlaps(reflection.region) for region in toasts)
        assert all(region.y < app.size.height // 2 for region in toasts)


async def test_toasts_do_not_pile_up(store: Store) -> None:
    app = app_for(store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for n in range(5):
            app.tell(f"message {n}")
        await pilot.pause()
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert shown == [f"message {n}" for n in range(5 - MAX_TOASTS, 5)]
        assert len(app.screen.query(Toast)) == MAX_TOASTS


# -- ratings ------------------------------------------------------------------------------------


def test_a_rating_is_drawn_as_filled_then_empty_dots() -> None:
    assert rating_dots(3) == "●●●○○"
    assert rating_dots(5) == "●●●●●" and rating_dots(1) == "●○○○○"
    assert rating_dots(None) == "·····" == rating_dots(0)
    assert rating_dots(9) == "●●●●●"


async def test_the_mood_picker_a_goal_s_confidence_and_a_skill_rating_show_the_same_dots(store: Store, screen_text) -> None:
    goal = store.add_goal("Earn the PMP certification", target=50, baseline=0, unit="hours", deadline="2027-05-25", confidence=4)
    store.set_day_scores(TODAY, mood=4)
    session = store.add_assessment("2026-09-06")
    store.rate_skill(session, store.skill_id("Negotiation"), 4)
    store.update_assessment(session, completed_at="2026-09-06 20:00:00", step=7)
    app = app_for(store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.screen.query_one("#mood", ScalePicker).value == 4
        assert "mood ●●●●○ 4/5" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert "Confidence: ●●●●○" in screen_text(app), goal
        await pilot.press("a")
        await pilot.pause()
        assert "●●●●○" in screen_text(app)


def test_no_screen_draws_its_own_dots() -> None:
    """Every rating goes through rating_dots: no other module builds dots from ● and ○ itself
    (the assessment's step marks, a progress through seven steps, are not a rating)."""
    from pathlib import Path

    root = Path(__file__).parent.parent / "goaljournal"
    drawn = {
        str(path.relative_to(root)) for path in root.rglob("*.py")
        for pattern in ("'●' *", '"●" *', "'○' *", '"○" *', '"●" if', '"○" for')
        if pattern in path.read_text(encoding="utf-8")
    }  # fmt: skip
    assert drawn <= {"core/scale.py", "core/assessment.py"}
