"""The JSON export as a lossless backup: round trips, repeat imports, merges and bad files."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from goaljournal.core.models import FEEDBACK_SOURCES, ITEM_KINDS
from goaljournal.store import InvalidInput, Store
from goaljournal.store.connection import SCHEMA_VERSION
from goaljournal.store.schema import BUILTIN_PROMPTS, BUILTIN_TEMPLATES
from goaljournal.store.transfer import (
    FORMAT_NAME,
    FORMAT_VERSION,
    LINK_TABLES,
    TABLES,
    export_data,
    import_data,
    read_json,
    write_json,
)
from conftest import NOW

ALL_TABLES = [name for name, _ in TABLES] + [name for name, _, _ in LINK_TABLES]


@pytest.fixture
def open_journal(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    opened: list[Store] = []

    def make(name: str) -> Store:
        store = Store.open(tmp_path / f"{name}.db", clock=lambda: NOW)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def fill(store: Store) -> None:
    """One or more rows of every kind, links of every kind, trash of every kind."""
    q3 = store.add_assessment("2026-07-01", summary="Mid-year: speaking holds me back")
    items = {kind: store.add_assessment_item(q3, kind, f"My {kind}", evidence=f"because {kind}") for kind in ITEM_KINDS}
    for source in FEEDBACK_SOURCES:
        store.add_assessment_item(q3, "feedback", f"Heard from {source}", source=source, action="Act on it")
    store.add_assessment_item(q3, "failure", "Missed a deadline", cost="A week", learned="Pad estimates")
    store.update_assessment(q3, step=5, completed_at="2026-07-01 11:00:00")
    q4 = store.add_assessment("2026-10-01")
    sql, speaking = store.skill_id("SQL", category="technical"), store.skill_id("Public speaking")
    store.rate_skill(q3, sql, 3, note="joins are fine")
    store.rate_skill(q3, speaking, 1)
    store.rate_skill(q4, speaking, 2)
    abandoned = store.add_assessment("2026-08-01", summary="Started by mistake")
    store.trash("assessments", abandoned)

    lead = store.add_goal(
        "Become a team lead by December 2029", category="leadership", horizon="long",
        deadline="2029-12-31", why="I like growing people", start_date="2026-01-01",
    )  # fmt: skip
    talks = store.add_goal(
        "Give five internal talks by March 31", category="skill", metric="talks", unit="talks",
        baseline=0, target=5, deadline="2027-03-31", confidence=3, parent_id=lead,
        assessment_item_id=items["weakness"], status="active",
    )  # fmt: skip
    books = store.add_goal("Read 12 books in 2027", category="education", target=12, unit="books", status="draft")
    dropped = store.add_goal("Learn the banjo", category="work-life balance")
    store.trash("goals", dropped)

    first = store.add_milestone(talks, "Pick a topic", due=date(2026, 12, 1))
    store.set_milestone_done(first, "2026-11-20")
    store.add_milestone(talks, "Book a room", due="2027-01-15")
    scrapped = store.add_milestone(books, "Make a list")
    store.trash("milestones", scrapped)

    store.update_goal(talks, reason="Be realistic", target=4, deadline="2027-04-30")
    store.update_goal(books, reason="Committed", status="active", why="Read more")

    store.add_checkin(talks, 1, at="2026-11-01", note="First talk done", confidence=4)
    store.add_checkin(talks, 2, at="2026-11-20")
    wrong = store.add_checkin(books, 30, at="2026-11-21", note="typo")
    store.trash("checkins", wrong)
    store.set_day_scores("2026-11-20", mood=4, energy=2)
    store.set_day_scores("2026-11-21", energy=5)

    store.add_entry("Met my mentor about talks @mentoring @speaking", at="2026-11-02 08:00:00", goal_ids=[talks, lead], starred=True)
    store.add_entry("Gave the first talk! 🎉 @speaking", at="2026-11-01 17:00:00", kind="win", goal_ids=[talks])
    store.add_entry("Feedback: slow down [bold]a lot[/] @Feedback", at="2026-11-05 12:00:00", kind="feedback", private=True)
    store.add_entry("שלום — RTL text and \x1b[31mescapes\x1b[0m", at="2026-11-06 09:00:00", kind="note")
    oops = store.add_entry("Deleted thought @mentoring", at="2026-11-07 09:00:00", kind="lesson")
    store.trash("entries", oops)

    # People: a mentor, tags, conversations with goals and a follow-up, feedback filed
    # into an assessment, a goal counting new people, and trash.
    hr_goal = store.add_goal(
        "Connect with five HR leaders this quarter", category="networking", baseline=0, target=5,
        start_date="2026-10-01", deadline="2026-12-31", progress_from="people", progress_tag="hr",
    )  # fmt: skip
    priya = store.add_person("Priya [b]Shah[/b]", role="HR Director", organisation="Acme", relationship="mentor",
                             how_met="Conference 2025", notes="Prefers mornings", tags=["hr", "mentoring"], private=False)  # fmt: skip
    sam = store.add_person("Sam", tags=["hr"])
    gone = store.add_person("Wrong person")
    store.trash_person(gone)
    coffee = store.add_interaction(priya, "coffee", at="2026-11-03", notes="Talked about talks",
                                   learned="Start with a story", follow_up="Send the outline", goal_ids=[talks, hr_goal])  # fmt: skip
    store.set_follow_up_done(coffee, "2026-11-08")
    store.update_interaction(coffee, outcome="Outline sent; she liked it")
    store.file_feedback(coffee)
    store.add_interaction(sam, "event", at="2026-11-10", follow_up_due="2026-11-17")
    mistake = store.add_interaction(sam, "call", at="2026-11-11")
    store.trash_interaction(mistake)

    # A weekly review: a decision, a win written in it, a focus of a goal and a milestone; and one
    # begun by mistake, in the trash.
    review = store.start_review("week", date(2026, 11, 22))
    store.decide_in_review(review, talks, "keep")
    store.add_review_entry(review, "Booked the room @rooms", kind="win", at="2026-11-22 18:00:00")
    store.set_review_focus(review, [("goal", talks), ("milestone", first)])
    store.set_review_summary(review, "A good week <b>for talks</b>")
    store.complete_review(review)
    started = store.start_review("month", date(2026, 11, 2))
    store.trash("reviews", started)

    # Writing aids: a prompt and a template of the user's own, a built-in prompt retired and a
    # built-in template reworded (every journal has the built-ins: an import matches them).
    store.add_reflection_prompt("Which conversation changed my mind?")
    store.retire_reflection_prompt(store.reflection_prompts()[0].id)
    store.add_entry_template("Sprint retro", "lesson", "Retro @team\n\n## Keep\n- \n\n## Change\n- ")
    store.update_entry_template(store.entry_templates()[0].id, text="1:1 @one-on-one\n\n## My questions\n- ")


def through_json(store: Store) -> dict[str, Any]:
    out = io.StringIO()
    write_json(store, out)
    return read_json(out.getvalue())


def test_fill_covers_every_table(open_journal: Callable[[str], Store]) -> None:
    source = open_journal("source")
    fill(source)
    data = export_data(source)
    assert (data["format"], data["version"], data["schema"]) == (FORMAT_NAME, FORMAT_VERSION, SCHEMA_VERSION)
    for table in ALL_TABLES:
        assert data[table], table
    for table in ("goals", "milestones", "checkins", "entries", "assessments", "people", "interactions"):
        assert any(row["deleted_at"] for row in data[table]), table


def test_json_round_trip_reproduces_everything(open_journal: Callable[[str], Store]) -> None:
    source = open_journal("source")
    fill(source)
    exported = export_data(source)

    target = open_journal("target")
    added = import_data(target, through_json(source))
    built_in = {"reflection_prompts": len(BUILTIN_PROMPTS), "entry_templates": len(BUILTIN_TEMPLATES)}
    assert added == {table: len(exported[table]) - built_in.get(table, 0) for table in ALL_TABLES}

    again = export_data(target)
    assert again == exported
    assert json.dumps(again, sort_keys=True) == json.dumps(exported, sort_keys=True)
    assert target.counts() == source.counts()
    assert target.check() == []

    # The imported journal works like the original: links, search, trash.
    talks = next(g for g in target.goals() if g.title.startswith("Give five"))
    assert talks.parent_id == next(g.id for g in target.goals() if g.title.startswith("Become"))
    assert (talks.current, talks.target) == (2.0, 4.0)
    assert [e.text for e in target.search("mentor")] == ["Met my mentor about talks @mentoring @speaking"]
    assert [e.text for e in target.search("deleted")] == []
    assert target.count_entries(tag="SPEAKING") == 2
    assert target.tag_counts() == source.tag_counts()
    assert [(a.at, a.item_count, a.rating_count) for a in target.assessments()] == [
        (a.at, a.item_count, a.rating_count) for a in source.assessments()
    ]


def test_importing_the_same_file_twice_adds_nothing(open_journal: Callable[[str], Store]) -> None:
    source = open_journal("source")
    fill(source)
    data = through_json(source)
    target = open_journal("target")
    assert sum(import_data(target, data).values()) > 0
    first = export_data(target)

    second = import_data(target, copy.deepcopy(data))
    assert set(second) == set(ALL_TABLES)
    assert all(count == 0 for count in second.values()), second
    assert export_data(target) == first


def test_import_merges_into_a_journal_with_rows_of_its_own(open_journal: Callable[[str], Store]) -> None:
    source = open_journal("source")
    fill(source)
    data = through_json(source)

    target = open_journal("target")
    own_goal = target.add_goal("Run a marathon", target=42, unit="km")
    own_entry = target.add_entry("Long run today @MENTORING @running", goal_ids=[own_goal])
    target.skill_id("sql")  # the same skill name as in the file, another uuid
    own = export_data(target)

    added = import_data(target, data)
    assert added["tags"] == len(data["tags"]) - 1  # "mentoring" matched by name, not added
    assert added["skills"] == len(data["skills"]) - 1  # so is the skill "SQL"
    assert added["ratings"] == len(data["ratings"])
    assert added["entries"] == len(data["entries"])
    merged = export_data(target)

    for table in ("goals", "milestones", "revisions", "checkins", "entries", "assessments", "assessment_items"):
        uuids = {row["uuid"] for row in merged[table]}
        assert {row["uuid"] for row in own[table]} <= uuids, table
        assert {row["uuid"] for row in data[table]} <= uuids, table
        assert len(merged[table]) == len(own[table]) + len(data[table]), table
    names = [row["name"].casefold() for row in merged["tags"]]
    assert len(names) == len(set(names))
    assert target.count_entries(tag="mentoring") == 2  # one of ours, one imported (the other is trashed)
    assert target.get_entry(own_entry).goal_ids == [own_goal]
    assert [s.name for s in target.skills()] == ["Public speaking", "sql"]
    mid_year = next(a for a in target.assessments() if a.at == "2026-07-01")
    assert [(r.skill_name, r.rating) for r in target.ratings(mid_year.id)] == [("Public speaking", 1), ("sql", 3)]
    assert target.get_goal(own_goal).title == "Run a marathon"
    assert len(target.search("mentor*")) == 2

    assert all(count == 0 for count in import_data(target, data).values())
    assert export_data(target) == merged


def test_rows_already_present_are_not_overwritten(open_journal: Callable[[str], Store]) -> None:
    source = open_journal("source")
    entry = source.add_entry("Original words")
    data = through_json(source)
    target = open_journal("target")
    import_data(target, data)
    (copied,) = target.entries()
    target.update_entry(copied.id, text="Edited after the import")

    assert import_data(target, data)["entries"] == 0
    assert [e.text for e in target.entries()] == ["Edited after the import"]
    assert [e.uuid for e in target.entries()] == [source.get_entry(entry).uuid]
    assert [e.id for e in target.search("original")] == []


def _valid_export() -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "schema": SCHEMA_VERSION}


def mutate(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], str]:
    def apply(data: dict[str, Any]) -> str:
        data = copy.deepcopy(data)
        change(data)
        return json.dumps(data)

    return apply


def _first(table: str, **values: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[table][0].update(values)

    return change


BAD_FILES: dict[str, Callable[[dict[str, Any]], str]] = {
    "not json": lambda data: "{ this is not JSON",
    "empty": lambda data: "",
    "a list": lambda data: "[]",
    "jrnl text": lambda data: "[2026-11-25 09:30] Met my mentor @networking\n",
    "no format": mutate(lambda d: d.pop("format")),
    "wrong format": mutate(lambda d: d.update(format="jrnl")),
    "newer version": mutate(lambda d: d.update(version=FORMAT_VERSION + 1)),
    "version as text": mutate(lambda d: d.update(version="1")),
    "no version": mutate(lambda d: d.pop("version")),
    "row without uuid": mutate(lambda d: d["entries"][1].pop("uuid")),
    "row with empty uuid": mutate(_first("goals", uuid="")),
    "table not a list": mutate(lambda d: d.update(goals={"uuid": "x"})),
    "row not an object": mutate(lambda d: d["checkins"].append("a row")),
    "link table not a list": mutate(lambda d: d.update(entry_tags="oops")),
    "link row not an object": mutate(lambda d: d["entry_goals"].append(["a", "b"])),
    "value is an object": mutate(_first("entries", text={"bold": True})),
    "uuid is a list": mutate(_first("entries", uuid=["x"])),
    "entry_tags to an unknown entry": mutate(lambda d: d["entry_tags"].append({"entry_uuid": "f" * 32, "tag_uuid": d["tags"][0]["uuid"]})),
    "entry_tags to an unknown tag": mutate(lambda d: d["entry_tags"].append({"entry_uuid": d["entries"][0]["uuid"], "tag_uuid": "f" * 32})),
    "entry_goals to an unknown goal": mutate(lambda d: d["entry_goals"].append({"entry_uuid": d["entries"][0]["uuid"], "goal_uuid": "f" * 32})),
    "milestone of an unknown goal": mutate(_first("milestones", goal_uuid="f" * 32)),
    "milestone without its goal": mutate(_first("milestones", goal_uuid=None)),
    "goal with an unknown parent": mutate(_first("goals", parent_uuid="f" * 32)),
    "goal from an unknown item": mutate(_first("goals", assessment_item_uuid="f" * 32)),
    "rating of an unknown skill": mutate(_first("ratings", skill_uuid="f" * 32)),
    "rating out of range": mutate(_first("ratings", rating=9)),
    "entry without a time": mutate(_first("entries", at=None)),
    "unknown entry kind": mutate(_first("entries", kind="rant")),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_file_is_refused_and_the_journal_is_unchanged(open_journal: Callable[[str], Store], name: str) -> None:
    source = open_journal("source")
    fill(source)
    target = open_journal("target")
    target.add_goal("Already here")
    target.add_entry("Already written @mentoring")
    before = export_data(target)
    text = BAD_FILES[name](export_data(source))

    with pytest.raises(InvalidInput):
        import_data(target, read_json(text))
    assert export_data(target) == before
    assert target.check() == []
    assert [e.text for e in target.search("already")] == ["Already written @mentoring"]


def test_bad_file_mutations_start_from_a_good_file(open_journal: Callable[[str], Store]) -> None:
    """The bad files above differ from a good one only by their flaw."""
    source = open_journal("source")
    fill(source)
    target = open_journal("target")
    assert sum(import_data(target, read_json(mutate(lambda d: None)(export_data(source)))).values()) > 0
    assert read_json(json.dumps(_valid_export())) == _valid_export()
