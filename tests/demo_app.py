"""The demo journal on screen: one journal, one "today", and the keys that reach each screen.

The snapshot tests (tests/test_snapshots.py) and scripts/screenshots.py both use these: each shot
starts a fresh app on a copy of the demo journal, on Today, and presses its keys. Nothing here
reads the clock or draws a random number (the demo data comes from a fixed seed and ``NOW``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from goaljournal.demo import fill_demo_journal
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

if TYPE_CHECKING:
    from textual.pilot import Pilot

NOW = datetime(2026, 11, 25, 9, 30)
SIZES = ((80, 24), (120, 40), (200, 50))


@dataclass(frozen=True, slots=True)
class Typed:
    """Text put in the focused field at once, as a paste would (a key per letter is slow)."""

    text: str


@dataclass(frozen=True, slots=True)
class Shot:
    """A screen (or a dialog over one): its file name, the class of the screen the keys lead to, and
    the keys from a fresh start on Today."""

    name: str
    screen: str
    keys: tuple[str | Typed, ...] = ()
    sizes: tuple[tuple[int, int], ...] = SIZES  # the snapshot tests' sizes for it


# The October monthly review, found by search (enter on the search box shows the matches).
OCTOBER_REVIEW = ("r", "slash", *"october review", "enter")
# The mentor's page: f filters the people to mentors, enter opens the first.
MENTOR = ("p", "f", "enter")

SHOTS = (
    Shot("today", "TodayScreen"),
    # A check-in far outside the course goal's range asks before it is saved (the first tab goes
    # to "On this day", below the due list).
    Shot("today-did-you-mean", "DoubtDialog", ("tab", "tab", *"900", "enter")),
    # "Needs a decision" chosen with shift+tab, then x: extend the deadline of the late course.
    Shot("today-decisions", "TodayScreen", ("shift+tab",)),
    Shot("today-decision-extend", "ExtendDialog", ("shift+tab", "x")),
    Shot("reflections", "ReflectionsScreen", ("r",)),
    # A search with its matches highlighted, the editor on a monthly review, that entry in the
    # reader (rendered as Markdown), and the trash asking before P deletes an entry for good.
    Shot("reflections-search", "ReflectionsScreen", ("r", "slash", *"mentor", "enter")),
    Shot("reflections-editor", "EntryEditor", (*OCTOBER_REVIEW, "e")),
    Shot("reflections-reader", "ReflectionsScreen", (*OCTOBER_REVIEW, "enter")),
    Shot("reflections-trash", "ReflectionsScreen", ("r", "escape", "d", "T", "P")),
    Shot("goals", "GoalsScreen", ("g",)),
    # The long-term career goal with its stepping stones; the course goal's check-ins, one
    # highlighted, then the form correcting it; the weekly reports goal with its weeks met and missed.
    Shot("goal-detail", "GoalDetailScreen", ("g", "down", "down", "down", "down", "enter")),
    Shot("goal-detail-checkins", "GoalDetailScreen", ("g", "enter", "c", "down")),
    Shot("goal-checkin-correction", "CheckinForm", ("g", "enter", "c", "down", "enter")),
    Shot("goal-detail-cadence", "GoalDetailScreen", ("g", "down", "down", "down", "enter")),
    # The late course goal's progress chart given the panel (v): its pace, milestones and projection.
    Shot("goal-chart", "GoalDetailScreen", ("g", "enter", "v"), sizes=SIZES[:2]),
    # A goal drafted as in DESIGN §3, the SMART coach beside it (tabs pass Counted and the
    # deadline the sentence filled).
    Shot("goal-draft", "GoalDraftScreen", (
        "g", "n", Typed("Connect with five HR leaders over the next quarter"), "tab", "enter", *"net", "enter",
        "tab", "tab", Typed("people met"), "tab", Typed("people"), "tab", "0", "tab", "5", "tab", "tab", "tab",
        Typed("grow my network outside the company"), "tab", "3",
        "ctrl+n", Typed("Join the regional SHRM chapter"), "enter", Typed("Dec 15"), "enter",
        "ctrl+n", Typed("Meet the first two leaders"), "enter", Typed("end of January"), "enter",
    )),  # fmt: skip
    Shot("assess", "AssessScreen", ("a",)),
    # The September session at its skills step, then September against May side by side.
    Shot("assess-session", "AssessmentSession", ("a", "enter", "right", "right")),
    Shot("assess-compare", "CompareScreen", ("a", "c")),
    # The skills over time with the chart of the highlighted one (v brings them up under 100 columns).
    Shot("assess-chart", "AssessScreen", ("a", "v"), sizes=SIZES[:1]),
    Shot("timeline", "TimelineScreen", ("l",)),
    # The timeline a zoom level out, then the story of the goal checked in on yesterday.
    Shot("timeline-quarter", "TimelineScreen", ("l", "minus")),
    Shot("timeline-goal-story", "GoalStoryScreen", ("l", "minus", "down", "s")),
    # The goals as bars across the months, the career goal above its stepping stones.
    Shot("roadmap", "TimelineScreen", ("l", "m"), sizes=SIZES[:2]),
    Shot("people", "PeopleScreen", ("p",)),
    Shot("trends", "TrendsScreen", ("i",), sizes=SIZES[:2]),
    Shot("person-mentor", "PersonScreen", MENTOR),
    Shot("person-conversation-form", "ConversationForm", (*MENTOR, "c")),
    Shot("help", "HelpScreen", ("question_mark",)),
    # The welcome a new journal opens with, reopened here from the help (the demo never shows it by itself).
    Shot("welcome", "WelcomeScreen", ("question_mark", "w")),
    # The quarterly review of Q3 (the demo's weekly and monthly ones are done) at its goals step, and
    # the latest weekly review read from the timeline, compared with the one before.
    Shot("review-goals", "ReviewSession", ("ctrl+p", *"quarterly review", "enter", "right")),
    Shot("review-on-timeline", "ReaderDialog", ("l", "1", "left_square_bracket", *["down"] * 7, "enter")),
    # The exports and reports in the command palette.
    Shot("palette-exports", "CommandPalette", ("ctrl+p", *"export")),
)


def make_demo_journal(path: Path) -> Path:
    """Write the demo journal (a year up to ``NOW``) to ``path``."""
    with Store.open(path, clock=lambda: NOW) as store:
        fill_demo_journal(store, today=NOW.date())
    return path


def demo_app(path: Path) -> GoalJournalApp:
    """The app on the journal at ``path``, its today fixed to ``NOW``'s day (close its store after)."""
    app = GoalJournalApp(Store.open(path, clock=lambda: NOW), today=NOW.date())
    # A toast stays until the picture is taken, however slowly a busy machine gets there.
    app.NOTIFICATION_TIMEOUT = 3600
    return app


async def show(pilot: Pilot[None], shot: Shot) -> None:
    """Press ``shot``'s keys, wait until the app is still, and stop text cursors blinking, so the
    screen is drawn the same every time."""
    from textual.widgets import Input, TextArea

    async def press(keys: list[str]) -> None:
        await pilot.press(*keys)
        await pilot.pause()

    keys: list[str] = []
    for key in shot.keys:
        if isinstance(key, str):
            keys.append(key)
            continue
        await press(keys)
        keys = []
        field = pilot.app.focused
        assert isinstance(field, Input), f"{shot.name}: {key.text!r} typed into {field!r}"
        field.insert_text_at_cursor(key.text)
    await press(keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()
    assert type(pilot.app.screen).__name__ == shot.screen, f"{shot.name}: the keys led to {pilot.app.screen!r}"
