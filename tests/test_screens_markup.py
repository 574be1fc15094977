"""Markup and control characters in every place the app shows user text, and on the command line.

Every kind of user text (goal title, why, unit, milestone, check-in note, revision reason, entry,
tag, assessment item, skill, summary) holds a string from the corpus. Each screen is visited by
keys: nothing raises, the text shown is the text stored (with control characters drawn as
visible stand-ins), clicking it fires no action, and no escape sequence from the data reaches the
terminal's output stream.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW

from goaljournal import cli
from goaljournal.core.text import printable
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

MARKUP = ["[/]", "[/", "x [/ y", "[[a] [b [c]]]", "[$accent]x[/]", "[@click=app.quit]quitme[/]", "[bold]b[/bold]"]
CONTROLS = ["\x1b]52;c;c2VjcmV0\x07clip", "\x1b]0;pwned title\x07", "\x1b[31mred\x1b[0m", "ring\x07bell", "\x9b31mcsi"]
# Raw bytes that must never come from the data: OSC (clipboard, title), BEL, a C1 CSI.
FORBIDDEN = re.compile(r"\x1b\]|\x07|\x9b|pwned title\x07")


def corpus_journal(store: Store) -> dict[str, int]:
    texts = MARKUP + CONTROLS
    goal = store.add_goal(
        "Goal " + MARKUP[5], why="why " + MARKUP[3], unit="u[/]", metric="m " + CONTROLS[2], target=10, baseline=0,
        deadline="2027-05-25", start_date="2026-06-01", status="active", category="skill",
    )  # fmt: skip
    other = store.add_goal("Second " + CONTROLS[1], status="active", target=5, deadline="2027-01-31")
    for number, text in enumerate(texts):
        store.add_milestone(goal, f"step {number} {text}", due=f"2026-11-{20 + number % 8:02d}")
        store.add_entry(f"entry {number} {text} @tag{number}", at=f"2026-11-{10 + number:02d} 09:00:00", goal_ids=[goal])
        store.add_checkin(goal, number, at=f"2026-11-{10 + number:02d}", note=f"note {text}")
    store.update_goal(other, target=6, reason="reason " + MARKUP[0])
    session = store.add_assessment("2026-11-01", summary="summary " + MARKUP[4])
    for kind, text in zip(("strength", "weakness", "success", "failure", "feedback"), texts, strict=False):
        store.add_assessment_item(session, kind, f"{kind} {text}", evidence="ev " + CONTROLS[0])
    store.rate_skill(session, store.skill_id("Skill " + MARKUP[2]), 3, note="n " + CONTROLS[3])
    store.update_assessment(session, step=7, completed_at="2026-11-01")
    person = store.add_person("Person " + MARKUP[5], role="role " + MARKUP[0], notes="notes " + CONTROLS[1], tags=["tag0"])
    store.add_interaction(person, "coffee", at="2026-11-20", notes="talk " + CONTROLS[2], learned="learned " + MARKUP[3],
                          follow_up="follow " + MARKUP[6], goal_ids=[goal])  # fmt: skip
    review = store.start_review("week", NOW.date() - timedelta(days=5))
    store.add_review_entry(review, "win " + CONTROLS[1], kind="win")
    store.set_review_focus(review, [("goal", goal)])
    store.set_review_summary(review, "review " + MARKUP[5])
    store.complete_review(review)
    return {"goal": goal, "other": other, "session": session}


def terminal_output(app: GoalJournalApp) -> str:
    """Every character the screen draws, in Textual's SVG screenshot: a raw escape byte that came
    from the data would be there unchanged."""
    return app.export_screenshot()


# Two tours, so that the two test workers take one each: (name, keys from a fresh start) per visit,
# and the screens each tour must have shown.
TOURS = {
    "daily": (
        [("today", ["t"]), ("goals", ["g"]), ("goal detail", ["g", "enter"]), ("timeline", ["l"]),
         ("timeline week", ["l", "1"]), ("roadmap", ["l", "m"]), ("reflections", ["r"]), ("reader", ["r", "enter"])],
        {"TodayScreen", "GoalsScreen", "TimelineScreen", "ReflectionsScreen"},
    ),
    "periodic": (
        [("assess", ["a"]), ("assess session", ["a", "enter"]), ("help", ["question_mark"]), ("people", ["p"]),
         ("person", ["p", "enter"]), ("review read", ["ctrl+p", *"weekly review", "enter"]),
         ("review goals", ["ctrl+p", *"quarterly review", "enter", "right"]), ("trends", ["i"])],
        {"AssessScreen", "HelpScreen", "PeopleScreen", "PersonScreen", "ReviewSession", "TrendsScreen"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("tour", TOURS)
async def test_every_screen_shows_markup_and_controls_literally(tour: str, store: Store, screen_text) -> None:
    visits, screens = TOURS[tour]
    corpus_journal(store)
    app = GoalJournalApp(store, today=NOW.date())
    seen = set()
    async with app.run_test(size=(160, 50)) as pilot:
        for name, keys in visits:
            await pilot.press("escape", "escape", *keys)
            await pilot.pause()
            seen.add(type(app.screen).__name__)
            shown = screen_text(app)
            assert not FORBIDDEN.search(terminal_output(app)), name
            assert "\x1b" not in shown, name
            if name in ("reflections", "timeline", "timeline week"):
                literal = [printable(text) for text in MARKUP + CONTROLS]
                assert sum(text in shown for text in literal) >= 6, (name, shown)
            if name in ("people", "person"):
                assert "Person [@click=app.quit]quitme[/]" in shown, name
            if name == "today":
                assert "Goal [@click=app.quit]quitme[/]" in shown
            if name == "review read":
                assert "review [@click=app.quit]quitme[/]" in shown and printable("win " + CONTROLS[1]) in shown
            if name == "roadmap":
                assert "Goal [@click=app.quit]quitme[/]" in shown and printable("Second " + CONTROLS[1]) in shown
            if name == "assess":  # the skill chart's legend names the highlighted skill
                assert "Skill x [/ y" in shown
            if name == "review goals":
                assert "Goal [@click=app.quit]quitme[/]" in shown
            if name == "goal detail":  # whichever goal is highlighted, its title as typed
                assert printable("Second " + CONTROLS[1]) in shown or "Goal [@click=app.quit]quitme[/]" in shown
            # Click on each markup string shown: it is text, never a link to an action.
            for row, line in enumerate(shown.splitlines()):
                column = line.find("quitme")
                if column >= 0:
                    await pilot.click(offset=(column, row))
                    await pilot.pause()
                    assert app.is_running, name
            assert app.is_running and app.return_code is None, name
    assert screens <= seen, seen


async def test_the_entry_editor_and_notifications_keep_hostile_text_literal(store: Store, screen_text) -> None:
    corpus_journal(store)
    app = GoalJournalApp(store, today=NOW.date())
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("r", "e")
        await pilot.pause()
        assert not FORBIDDEN.search(terminal_output(app))
        await pilot.press("escape", "d")  # the notification quotes the entry
        await pilot.pause()
        assert not FORBIDDEN.search(terminal_output(app))
        assert app.is_running


async def test_the_screen_readers_see_what_is_drawn_and_a_raw_escape_byte(screen_text) -> None:  # type: ignore[no-untyped-def]
    """The readers the tests above rely on: text in its columns (a wide character takes two), and a
    raw escape sequence, had one reached the screen, in what goes out."""
    from rich.segment import Segment
    from rich.style import Style
    from textual.app import App, ComposeResult
    from textual.strip import Strip
    from textual.widget import Widget

    class Raw(Widget):
        def render_line(self, y: int) -> Strip:
            drawn = [[Segment("界", Style(bold=True)), Segment(" <b>&amp;")], [Segment("   two  spaces")],
                     [Segment("x \x1b]0;pwned title\x07 y")]]  # fmt: skip
            return Strip(drawn[y] if y < len(drawn) else [])

    class Drawn(App[None]):
        def compose(self) -> ComposeResult:
            yield Raw()

    app = Drawn()
    async with app.run_test(size=(20, 4)):
        lines = screen_text(app).split("\n")
        assert lines[:2] == ["界 <b>&amp;" + " " * 9, "   two  spaces" + " " * 6] and len(lines) == 4
        assert FORBIDDEN.search(terminal_output(app))


@pytest.mark.parametrize(
    "argv",
    [["search", "entry"], ["search", "entry", "--json"], ["tags"], ["goals"], ["goals", "--json"], ["export"],
     ["export", "--format", "markdown"], ["export", "--format", "csv", "--table", "entries"], ["export", "--format", "ics"],
     ["export", "--format", "jrnl"], ["doctor"], ["report", "--at", "2026-11-25"]],
    ids=lambda argv: " ".join(argv),
)  # fmt: skip
def test_the_command_line_never_prints_raw_control_characters(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        corpus_journal(store)
    try:
        code = cli.main(["--db", str(db_path), *argv])
    except SystemExit as exit:  # a format not built yet: bad usage
        pytest.skip(f"not available: {exit}")
    out, err = capsys.readouterr()
    assert code == 0, err
    for stream in (out, err):
        assert not re.search(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]", stream.replace("\r\n", "\n")), argv
