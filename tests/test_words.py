"""How the app, the command line and the exports word things: counts that agree with their
nouns, one way to say "overdue", revisions without Python's None, examples dated from today,
the ICS export's categories, `goaljournal goals` columns, and one SMART verdict for a sentence
whether the app or `goaljournal smart` reads it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import NOW
from textual.widgets import Input

from goaljournal import exports
from goaljournal.core.cadence import amount_text, rate_text
from goaljournal.core.csv_export import TABLES, files_description
from goaljournal.core.dates import LAST_DAY
from goaljournal.core.smart import smart_report
from goaljournal.core.text import cell_width
from goaljournal.core.words import (
    deadline_examples,
    due_examples,
    example_day,
    extend_examples,
    follow_up_examples,
    overdue_text,
    plural,
    table_count,
    with_article,
)
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp
from goaljournal.ui.goals.coach import smart_marks
from goaljournal.ui.goals.draft import GoalDraftScreen
from goaljournal.ui.people.forms import ConversationForm
from goaljournal.ui.people.render import follow_up_state
from goaljournal.ui.today.render import counted_amount, due_label, follow_up_label

TODAY = NOW.date()


# -- counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "noun", "shown"),
    [(1, "item", "1 item"), (2, "item", "2 items"), (1, "person", "1 person"), (2, "person", "2 people"),
     (1, "entry", "1 entry"), (1204, "entry", "1,204 entries"), (0, "session", "0 sessions"), (1.0, "coffee", "1 coffee"),
     (2.5, "hour", "2.5 hours")],
)  # fmt: skip
def test_a_count_agrees_with_its_noun(count: float, noun: str, shown: str) -> None:
    assert plural(count, noun) == shown


def test_table_counts_and_articles() -> None:
    assert (table_count(1, "goals"), table_count(2, "goals")) == ("1 goal", "2 goals")
    assert (table_count(1, "checkins"), table_count(3, "interactions")) == ("1 check-in", "3 conversations")
    assert (with_article("feedback"), with_article("strength"), with_article("outcome")) == ("feedback", "a strength", "an outcome")


def test_counted_goals_say_one_new_person() -> None:
    assert rate_text(1, "new people met", "week") == "1 new person met per week"
    assert rate_text(2, "new people met", "week") == "2 new people met per week"
    assert amount_text(0, 1, "month", "coffees") == "0 of 1 coffee this month"
    assert rate_text(1, "reports", "week") == "1 reports per week"  # the user's own unit stays as typed


def test_today_counts_one_new_person(store: Store) -> None:
    one = store.get_goal(store.add_goal("Meet one new person", target=1, progress_from="people"))
    two = store.get_goal(store.add_goal("Meet two new people", target=2, progress_from="people"))
    assert counted_amount(one).endswith("of 1 new person met")
    assert counted_amount(two).endswith("of 2 new people met")


def test_the_import_and_doctor_counts_agree(gj, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gj("log", "One entry")
    exported = tmp_path / "one.json"
    assert gj("export", "-o", exported).code == 0
    other = tmp_path / "other.db"
    result = gj("--db", other, "import", exported)
    assert result.code == 0 and result.out == "imported 1 row (1 entry)\n", result.out
    doctor = gj("doctor")
    assert "1 entry," in doctor.out and "0 goals," in doctor.out and "entries," not in doctor.out.split("contents:")[1].split("1 entry")[0]


def test_the_csv_palette_entry_counts_the_files_the_export_writes(store: Store) -> None:
    paths = exports.export_to_folder(store, "csv", NOW)
    assert len(paths) == len(TABLES)
    palette = dict((fmt, description) for fmt, _, description in GoalJournalApp.EXPORTS)
    assert palette["csv"] == files_description()
    assert f"{len(paths)} spreadsheet files" in palette["csv"]


# -- overdue, said one way ------------------------------------------------------------------


def test_overdue_is_said_one_way(store: Store) -> None:
    late = (TODAY - timedelta(days=13)).isoformat()
    goal_id = store.add_goal("Ship the report", target=1)
    store.add_milestone(goal_id, "Draft it", due=late)
    person = store.add_person("Grace Hopper")
    store.add_interaction(person, "coffee", at=(TODAY - timedelta(days=20)).isoformat(), follow_up="Send the paper", follow_up_due=late)
    milestone = store.milestones(goal_id)[0]
    follow_up = store.follow_ups_due(TODAY)[0]
    assert overdue_text(13) == "13 days overdue" and overdue_text(1) == "1 day overdue"
    assert "! 13 days overdue" in due_label(milestone, TODAY).plain
    assert "! 13 days overdue" in follow_up_label(follow_up, TODAY).plain
    assert follow_up_state(follow_up, TODAY)[0] == "13 days overdue"


def test_followups_on_the_command_line_say_how_late(gj) -> None:  # type: ignore[no-untyped-def]
    logged = gj("met", "Grace Hopper", "--at", (TODAY - timedelta(days=8)).isoformat(), "--follow-up", (TODAY - timedelta(days=1)).isoformat())
    assert logged.code == 0, logged.err
    out = gj("followups").out
    assert "1 day overdue" in out, out


# -- the review packet ----------------------------------------------------------------------


def test_the_report_never_says_none_and_shows_entries_as_plain_text(store: Store) -> None:
    goal_id = store.add_goal("Read more books", start_date="2026-10-01")
    store.update_goal(goal_id, target=3, reason="three is enough to start")
    store.update_goal(goal_id, deadline="2027-03-31", reason="a quarter to do it")
    store.add_entry("# Coffee with Dana\n\nShe asked for **clear numbers** and [a plan](https://x.org).", kind="win")
    text = exports.report_markdown(store, "quarter", TODAY)
    assert "None" not in text
    revisions = text.split("## Revisions", 1)[1].split("\n## ", 1)[0]
    assert "target set to 3" in revisions and "deadline set to" in revisions
    wins = text.split("## Wins", 1)[1].split("\n## ", 1)[0]
    assert "Coffee with Dana — She asked for clear numbers and a plan." in wins
    assert "\\*" not in wins and "\\#" not in wins and "https" not in wins


# -- ICS ------------------------------------------------------------------------------------


def test_ics_categories_are_listed_once(store: Store) -> None:
    store.add_goal("Run a 10k", deadline="2027-06-01")
    store.add_goal("Pass the PMP exam", deadline="2027-05-01", category="certification")
    store.add_entry("# Heading only\n\n**bold** news", tags=["rep", "rep"])
    ics = "".join(exports.export_text(store, "ics", entries=True))
    lines = ics.replace("\r\n ", "").splitlines()
    categories = sorted(line for line in lines if line.startswith("CATEGORIES"))
    assert "CATEGORIES:goal" in categories and "CATEGORIES:goal,certification" in categories
    assert "CATEGORIES:goal,goal" not in categories
    assert "SUMMARY:Heading only — bold news" in lines


# -- goaljournal goals ----------------------------------------------------------------------


def test_goals_columns_line_up_with_wide_characters(store: Store, gj) -> None:  # type: ignore[no-untyped-def]
    store.add_goal("Read 12 books", target=12, unit="books", deadline="2027-03-31")
    store.add_goal("漢字を100個覚える", target=100, unit="字", deadline="2027-06-30")
    store.add_goal("Write client reports every week", target=2, unit="client reports", cadence="week", deadline="2027-01-31")
    store.add_goal("Café crème résumé", deadline="2027-02-28")
    lines = gj("goals").out.splitlines()
    assert len(lines) == 4
    # Each deadline starts in the same terminal column, whatever the titles are made of.
    starts = {cell_width(line[: line.index("by 20")]) for line in lines}
    assert len(starts) == 1, lines
    assert len({cell_width(line) for line in lines}) == 1


# -- examples in hints ----------------------------------------------------------------------


@pytest.mark.parametrize("today", [date(2026, 11, 25), date(2027, 12, 30), date(2031, 2, 28), LAST_DAY])
def test_example_dates_are_never_in_the_past(today: date) -> None:
    for hint in (follow_up_examples(today), due_examples(today), deadline_examples(today), extend_examples(today)):
        day = date.fromisoformat(hint.split(", ")[0] if hint[0].isdigit() else hint.rsplit(", ", 1)[1])
        assert day >= today, hint
    assert date.fromisoformat(example_day(today)) >= today


async def test_the_conversation_form_dates_its_example_from_today(store: Store) -> None:
    later = date(2031, 5, 2)  # years after any date written into the code
    store.add_person("Priya Raman")
    app = GoalJournalApp(store, today=later)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationForm)
        assert app.screen.query_one("#talk-follow-up-when", Input).placeholder == "in a week, by Friday, 2031-05-12"
        assert app.screen.query_one("#talk-at", Input).placeholder == "2031-05-01, yesterday, 3 days ago"


# -- SMART: the app and the command line agree ----------------------------------------------

SENTENCES = [
    "Run a 10k by June 2027",
    "Get better at public speaking",
    "Publish 2 blog posts per month",
    "Mentor 3 juniors within three months because the team grows",
    "Increase NPS from 30 to 45 by the end of 2027",
]


async def test_the_app_and_goaljournal_smart_give_the_same_verdicts(store: Store, gj) -> None:  # type: ignore[no-untyped-def]
    from_cli = {}
    for sentence in SENTENCES:
        data = json.loads(gj("smart", "--json", "--today", TODAY.isoformat(), sentence).out)
        from_cli[sentence] = [data[name]["ok"] for name in ("specific", "measurable", "achievable", "relevant", "time_bound")]
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GoalDraftScreen)
        for sentence in SENTENCES:
            app.screen.query_one("#draft-title", Input).value = sentence
            await pilot.pause()
            report = app.screen.report
            assert report is not None and report.text == sentence
            assert [verdict.ok for _, verdict in report.criteria] == from_cli[sentence], sentence


def test_cannot_tell_is_not_shown_as_met() -> None:
    report = smart_report("Run a 10k by June 2027", TODAY)
    assert (report.achievable.ok, report.relevant.ok) == (None, None)
    assert report.letters == "SM??T"
    assert smart_marks(report).plain == "SM??T"


def test_entry_lists_on_the_command_line_show_plain_text(gj) -> None:  # type: ignore[no-untyped-def]
    gj("log", "# Coffee with Dana\n\nShe asked for **clear numbers** @rep")
    [line] = gj("search", "coffee").out.splitlines()
    assert line.endswith("Coffee with Dana — She asked for clear numbers @rep"), line
    assert gj("search", "coffee", "--json").json()[0]["text"].startswith("# Coffee with Dana\n")


def test_goal_changes_on_the_command_line_say_set_and_cleared(gj) -> None:  # type: ignore[no-untyped-def]
    gj("goal", "add", "Read more books")
    assert gj("goal", "edit", "1", "--target", "3", "--reason", "a start").out == "changed goal 1: target set to 3\n"
    shown = gj("goal", "show", "1").out
    assert "target set to 3" in shown and "none" not in shown.split("revisions", 1)[1]


def test_the_timeline_and_the_goal_page_say_set_and_cleared(store: Store) -> None:
    from goaljournal.ui.goals.render import goal_detail
    from goaljournal.ui.timeline.render import revision_text

    assert revision_text('{"target": [null, 3], "deadline": ["2027-03-31", null]}') == "target set to 3; deadline cleared (was 31 Mar 2027)"
    goal_id = store.add_goal("Read more books")
    store.update_goal(goal_id, target=3, reason="a start")
    page = goal_detail(store, store.get_goal(goal_id), TODAY).plain
    assert "target set to 3" in page and "none" not in page.split("Revisions", 1)[1]
