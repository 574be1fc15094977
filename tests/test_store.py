"""The store on real journal files: every table, the trash, paging, search, hostile text, refusals,
connection settings, file permissions and backups."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import platformdirs
import pytest

from goaljournal.core.models import FEEDBACK_SOURCES, ITEM_KINDS
from goaljournal.store import InvalidInput, NotFound, Store, driver
from goaljournal.store.location import default_journal_path, resolve_journal_path, user_data_dir
from conftest import NOW, TODAY, raw_connect

NOW_TEXT = "2026-11-25 09:30:00"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def raw_rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read the file behind the store's back, with a connection of its own."""
    conn = raw_connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def umask_zero() -> Iterator[None]:
    """A permissive umask: private files must be private because the store says so."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# -- goals, milestones, revisions, check-ins ----------------------------------------------------


def test_goal_round_trips_every_field_with_parent_and_assessment_item(store: Store) -> None:
    assessment = store.add_assessment(TODAY, summary="Q4 look back")
    weakness = store.add_assessment_item(assessment, "weakness", "I avoid public speaking", evidence="Skipped 3 demos")
    parent = store.add_goal(
        "Become a team lead within three years",
        category="leadership", horizon="medium", start_date="2026-01-01", deadline=date(2029, 1, 1),
        why="I enjoy growing people", status="active",
    )  # fmt: skip
    child = store.add_goal(
        "Give five internal talks by March 31",
        category="skill", metric="talks given", unit="talks", baseline=0, target=5,
        deadline="2027-03-31", why="Public speaking is my weakest skill", confidence=3,
        status="draft", parent_id=parent, assessment_item_id=weakness,
    )  # fmt: skip

    goal = store.get_goal(child)
    assert (goal.title, goal.category, goal.metric, goal.unit) == ("Give five internal talks by March 31", "skill", "talks given", "talks")
    assert (goal.baseline, goal.target, goal.confidence, goal.status) == (0, 5, 3, "draft")
    assert (goal.start_date, goal.deadline) == ("2026-11-25", "2027-03-31")  # start defaults to today
    assert goal.why == "Public speaking is my weakest skill"
    assert (goal.parent_id, goal.assessment_item_id) == (parent, weakness)
    assert goal.deleted_at is None and len(goal.uuid) == 32
    top = store.get_goal(parent)
    assert (top.horizon, top.deadline, top.start_date, top.parent_id) == ("medium", "2029-01-01", "2026-01-01", None)
    assert [g.id for g in store.child_goals(parent)] == [child]
    assert store.get_goal(parent).uuid != goal.uuid


def test_goal_defaults_to_active_and_today(store: Store) -> None:
    goal = store.get_goal(store.add_goal("Write a blog post every month"))
    assert (goal.status, goal.start_date, goal.deadline) == ("active", "2026-11-25", None)


def test_goals_are_listed_soonest_deadline_first_and_filtered_by_status(store: Store) -> None:
    late = store.add_goal("Late", deadline="2028-01-01")
    none = store.add_goal("No deadline")
    soon = store.add_goal("Soon", deadline="2027-01-01", status="paused")
    assert [g.id for g in store.goals()] == [soon, late, none]
    assert [g.id for g in store.goals(status="paused")] == [soon]
    assert [g.id for g in store.goals(status=["active", "paused"])] == [soon, late, none]


def test_milestones_done_and_undone(store: Store) -> None:
    goal = store.add_goal("Earn the AWS Solutions Architect certificate by June 2027")
    first = store.add_milestone(goal, "Finish the course", due=date(2026, 12, 15))
    second = store.add_milestone(goal, "Pass a practice exam", due="2027-03-01")

    assert [(m.id, m.position, m.done) for m in store.milestones(goal)] == [(first, 1, False), (second, 2, False)]
    store.set_milestone_done(first, TODAY)
    done = store.milestones(goal)[0]
    assert (done.done, done.done_at, done.due_date, done.goal_title) == (
        True, "2026-11-25", "2026-12-15", "Earn the AWS Solutions Architect certificate by June 2027",
    )  # fmt: skip
    assert [m.id for m in store.open_milestones_due(date(2027, 12, 31))] == [second]

    store.set_milestone_done(first, None)
    assert store.milestones(goal)[0].done_at is None
    assert [m.id for m in store.open_milestones_due(date(2026, 12, 31))] == [first]


def test_revisions_are_kept_only_for_title_target_deadline_and_status(store: Store) -> None:
    goal = store.add_goal("Read 10 books", target=10, deadline="2026-12-31", why="Learn", metric="books")

    assert store.update_goal(goal, why="Learn faster", metric="books read", unit="books", confidence=4) is None
    assert store.revisions(goal) == []
    assert store.get_goal(goal).why == "Learn faster"

    assert store.update_goal(goal, target=10, title="Read 10 books") is None  # nothing really changed
    assert store.revisions(goal) == []

    revision_id = store.update_goal(
        goal, reason="Too ambitious with the new job", title="Read 8 books", target=8,
        deadline="2027-01-31", status="paused", why="Learn steadily",
    )  # fmt: skip
    assert revision_id is not None
    (revision,) = store.revisions(goal)
    assert revision.id == revision_id
    assert revision.reason == "Too ambitious with the new job"
    assert revision.at == NOW_TEXT
    assert json.loads(revision.changes) == {
        "title": ["Read 10 books", "Read 8 books"],
        "target": [10.0, 8],
        "deadline": ["2026-12-31", "2027-01-31"],
        "status": ["active", "paused"],
    }
    goal_now = store.get_goal(goal)
    assert (goal_now.title, goal_now.target, goal_now.deadline, goal_now.status, goal_now.why) == (
        "Read 8 books", 8, "2027-01-31", "paused", "Learn steadily",
    )  # fmt: skip
    store.update_goal(goal, status="active")
    assert [json.loads(r.changes) for r in store.revisions()][1] == {"status": ["paused", "active"]}


def test_checkins_round_trip_and_feed_progress(store: Store) -> None:
    goal = store.add_goal("Run 100 km this month", baseline=0, target=100, unit="km")
    store.add_checkin(goal, 12.5, at="2026-11-20", note="Slow start", confidence=2)
    store.add_checkin(goal, 40, at=date(2026, 11, 24))
    store.add_checkin(goal, 31, at="2026-11-22", confidence=5)
    store.add_checkin(goal, 55)  # today

    checkins = store.checkins(goal)
    assert [(c.at, c.value, c.note, c.confidence) for c in checkins] == [
        ("2026-11-20", 12.5, "Slow start", 2),
        ("2026-11-22", 31.0, None, 5),
        ("2026-11-24", 40.0, None, None),
        ("2026-11-25", 55.0, None, None),
    ]
    assert (store.get_goal(goal).current, store.get_goal(goal).current_at) == (55.0, "2026-11-25")
    assert store.checkin_days(since=date(2026, 11, 22)) == [TODAY, date(2026, 11, 24), date(2026, 11, 22)]


# -- entries and tags ---------------------------------------------------------------------------


def test_entry_round_trips_with_tags_and_goal_links(store: Store) -> None:
    one = store.add_goal("Grow my network")
    two = store.add_goal("Speak at a meetup")
    entry_id = store.add_entry(
        "Met my mentor today @networking, then prepped the talk @speaking",
        kind="win", goal_ids=[two, one, two], tags=["Q4"], starred=True, private=True,
    )  # fmt: skip
    entry = store.get_entry(entry_id)
    assert entry.text == "Met my mentor today @networking, then prepped the talk @speaking"
    assert (entry.at, entry.kind, entry.starred, entry.private) == (NOW_TEXT, "win", 1, 1)
    assert entry.tags == ["networking", "Q4", "speaking"]
    assert entry.goal_ids == [one, two]

    other = store.get_entry(store.add_entry("Plain note", at="2026-01-02 03:04:05"))
    assert (other.at, other.kind, other.starred, other.tags, other.goal_ids) == ("2026-01-02 03:04:05", "reflection", 0, [], [])


def test_tags_are_case_insensitive(store: Store) -> None:
    first = store.add_entry("Coffee chat @Networking")
    second = store.add_entry("Conference @networking and @NETWORKING again")
    third = store.add_entry("Nothing tagged", tags=["networKING"])

    assert raw_rows(store.path, "SELECT name FROM tags") == [("Networking",)]
    for spelling in ("networking", "NETWORKING", "@Networking"):
        assert {e.id for e in store.entries(tag=spelling)} == {first, second, third}
        assert store.count_entries(tag=spelling) == 3
    assert store.get_entry(second).tags == ["Networking"]
    assert store.tag_counts() == [("Networking", 3)]


def test_email_addresses_are_not_tags(store: Store) -> None:
    entry = store.add_entry("Mail jane.doe@example.com and me@corp.io about @growth, cc @team-lead.")
    assert store.get_entry(entry).tags == ["growth", "team-lead"]
    assert store.count_entries(tag="example") == 0
    assert sorted(name for (name,) in raw_rows(store.path, "SELECT name FROM tags")) == ["growth", "team-lead"]


def test_update_entry_rereads_tags_and_keeps_the_rest(store: Store) -> None:
    goal = store.add_goal("Grow")
    entry = store.add_entry("Old words @old", goal_ids=[goal], kind="lesson")
    store.update_entry(entry, text="New words @new @New2")
    updated = store.get_entry(entry)
    assert (updated.text, updated.tags, updated.goal_ids, updated.kind) == ("New words @new @New2", ["new", "New2"], [goal], "lesson")
    assert store.count_entries(tag="old") == 0
    assert store.tag_counts() == [("new", 1), ("New2", 1)]
    store.update_entry(entry, starred=True, kind="win", at="2026-11-01 08:00:00")
    assert (store.get_entry(entry).starred, store.get_entry(entry).kind, store.get_entry(entry).at) == (1, "win", "2026-11-01 08:00:00")


# -- assessments, skills and ratings ------------------------------------------------------------


def test_assessment_items_of_every_kind_round_trip(store: Store) -> None:
    assessment = store.add_assessment("2026-10-01", summary="First look")
    made = {}
    for kind in ITEM_KINDS:
        made[kind] = store.add_assessment_item(
            assessment, kind, f"A {kind}", evidence=f"evidence {kind}", cost=f"cost {kind}",
            learned=f"learned {kind}", action=f"action {kind}",
        )  # fmt: skip
    for source in FEEDBACK_SOURCES:
        store.add_assessment_item(assessment, "feedback", f"Feedback from {source}", source=source)

    items = store.assessment_items(assessment)
    assert len(items) == len(ITEM_KINDS) + len(FEEDBACK_SOURCES)
    by_id = {item.id: item for item in items}
    for kind, item_id in made.items():
        item = by_id[item_id]
        assert (item.kind, item.text, item.evidence, item.cost, item.learned, item.action, item.source) == (
            kind, f"A {kind}", f"evidence {kind}", f"cost {kind}", f"learned {kind}", f"action {kind}", None,
        )  # fmt: skip
    assert sorted(i.source for i in items if i.source) == sorted(FEEDBACK_SOURCES)
    assert [i.position for i in sorted(items, key=lambda i: i.id)] == list(range(1, len(items) + 1))

    store.update_assessment(assessment, summary="Done", step=4, completed_at="2026-10-01 10:00:00")
    (listed,) = store.assessments()
    assert (listed.at, listed.summary, listed.step, listed.completed_at, listed.item_count) == (
        "2026-10-01", "Done", 4, "2026-10-01 10:00:00", len(items),
    )  # fmt: skip


def test_skills_are_shared_and_ratings_upsert(store: Store) -> None:
    first = store.add_assessment("2026-01-10")
    second = store.add_assessment("2026-07-10")
    sql = store.skill_id("SQL", category="technical")
    assert store.skill_id("sql") == sql
    assert store.skill_id("  SQL ") == sql
    speaking = store.skill_id("Public   speaking")
    assert store.skill_id("public speaking") == speaking
    assert [(s.name, s.category) for s in store.skills()] == [("Public speaking", None), ("SQL", "technical")]

    store.rate_skill(first, sql, 2, note="shaky joins")
    store.rate_skill(first, speaking, 1)
    store.rate_skill(first, sql, 3, note="better")  # the same skill again: replaced, not added
    store.rate_skill(second, sql, 4)

    assert [(r.skill_name, r.rating, r.note) for r in store.ratings(first)] == [("Public speaking", 1, None), ("SQL", 3, "better")]
    assert [(r.skill_id, r.rating) for r in store.ratings(second)] == [(sql, 4)]
    assert store.counts()["ratings"] == 3
    assert [(a.id, a.rating_count) for a in store.assessments()] == [(second, 1), (first, 2)]


# -- trash ---------------------------------------------------------------------------------------


def test_trashed_entry_leaves_lists_and_search_and_comes_back(store: Store) -> None:
    keep = store.add_entry("Mentor meeting went well @mentoring")
    gone = store.add_entry("Mentor cancelled @mentoring", starred=True)

    store.trash("entries", gone)
    assert [e.id for e in store.entries()] == [keep]
    assert [e.id for e in store.search("mentor")] == [keep]
    assert store.count_entries() == 1 and store.count_entries(starred=True) == 0
    assert store.tag_counts() == [("mentoring", 1)]
    assert [e.id for e in store.entries(trashed=True)] == [gone]
    assert store.get_entry(gone).deleted_at is not None
    assert store.counts()["entries"] == 2  # soft: the row is still there

    store.restore("entries", gone)
    assert [e.id for e in store.entries()] == [gone, keep]
    assert {e.id for e in store.search("mentor")} == {keep, gone}
    assert store.tag_counts() == [("mentoring", 2)]
    assert store.entries(trashed=True) == []
    assert store.get_entry(gone).tags == ["mentoring"]


def test_tag_counts_find_the_trash_through_its_index(store: Store) -> None:
    # Leaving trashed entries out must not read every entry row: SQLCipher decrypts each page read.
    for number in range(20):
        store.add_entry(f"Note {number} @t{number % 2}")
    store.trash("entries", store.entries(query="0")[0].id)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        counts = store.tag_counts()
    finally:
        store.conn.set_trace_callback(None)
    assert counts == [("t1", 10), ("t0", 9)]
    (query,) = [s for s in statements if "entry_tags" in s]
    plan = [row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {query}")]
    on_entries = [step for step in plan if step.split()[1:2] == ["entries"]]
    assert on_entries and all("INDEX entries_trashed" in step for step in on_entries), plan


def test_trashed_goal_leaves_lists_and_comes_back(store: Store) -> None:
    goal = store.add_goal("Learn Rust", deadline="2027-01-01")
    other = store.add_goal("Learn Go")
    store.add_milestone(goal, "Read the book", due="2026-12-01")
    store.add_checkin(goal, 3)

    store.trash("goals", goal)
    assert [g.id for g in store.goals()] == [other]
    assert [g.id for g in store.goals(trashed=True)] == [goal]
    assert store.open_milestones_due(date(2027, 1, 1)) == []

    store.restore("goals", goal)
    assert [g.id for g in store.goals()] == [goal, other]
    assert store.goals(trashed=True) == []
    assert len(store.open_milestones_due(date(2027, 1, 1))) == 1
    assert store.get_goal(goal).current == 3


def test_trash_refuses_unknown_tables_and_ids(store: Store) -> None:
    with pytest.raises(ValueError):
        store.trash("tags; DROP TABLE entries", 1)
    with pytest.raises(NotFound):
        store.trash("entries", 404)
    with pytest.raises(NotFound):
        store.restore("goals", 404)


# -- paging and filters --------------------------------------------------------------------------


def test_entries_page_newest_first_without_gaps_or_repeats(store: Store) -> None:
    start = date(2026, 1, 1)
    # Inserted out of order, and with ties on `at` that must fall back to the id.
    order = [17, 3, 24, 0, 9, 12, 12, 5, 21, 1, 8, 8, 15, 2, 19, 22, 6, 11, 4, 23, 14, 7, 10, 13, 16]
    made = []
    for day_offset in order:
        moment = f"{(start + timedelta(days=day_offset)).isoformat()} 12:00:00"
        made.append((moment, store.add_entry(f"Day {day_offset}", at=moment)))
    expected = [entry_id for _, entry_id in sorted(made, key=lambda pair: (pair[0], pair[1]), reverse=True)]

    pages = [store.entries(offset=offset, limit=10) for offset in (0, 10, 20, 30)]
    assert [len(page) for page in pages] == [10, 10, 5, 0]
    assert [e.id for page in pages for e in page] == expected
    assert store.count_entries() == 25


def test_count_entries_and_entries_agree_on_every_filter(store: Store) -> None:
    goal = store.add_goal("Ship more")
    other_goal = store.add_goal("Learn more")
    store.add_entry("Shipped @work", at="2026-11-01 09:00:00", kind="win", starred=True, goal_ids=[goal])
    store.add_entry("Late night @work", at="2026-11-10 23:59:59", kind="lesson")
    store.add_entry("Read a paper", at="2026-11-11 00:00:00", kind="lesson", goal_ids=[other_goal])
    store.add_entry("Feedback from boss @work @review", at="2026-11-20 17:00:00", kind="feedback", starred=True, goal_ids=[goal, other_goal])
    store.add_entry("Old note", at="2025-12-31 10:00:00", kind="note")

    cases = [
        ({}, 5),
        ({"tag": "work"}, 3),
        ({"tag": "review"}, 1),
        ({"tag": "missing"}, 0),
        ({"kind": "lesson"}, 2),
        ({"kind": "reflection"}, 0),
        ({"starred": True}, 2),
        ({"starred": False}, 3),
        ({"goal_id": goal}, 2),
        ({"goal_id": other_goal}, 2),
        ({"date_from": "2026-11-10"}, 3),
        ({"date_to": "2026-11-10"}, 3),  # the whole last day counts, up to 23:59:59
        ({"date_from": date(2026, 11, 10), "date_to": date(2026, 11, 11)}, 2),
        ({"date_from": "2026-11-11", "date_to": "2026-11-11"}, 1),
        ({"tag": "work", "starred": True, "goal_id": goal}, 2),
        ({"tag": "work", "kind": "lesson", "date_to": "2026-11-30"}, 1),
        ({"query": "feedback", "tag": "review"}, 1),
    ]
    for filters, expected in cases:
        assert store.count_entries(**filters) == expected, filters
        assert len(store.entries(**filters)) == expected, filters
    with pytest.raises(InvalidInput):
        store.count_entries(kind="rant")
    with pytest.raises(InvalidInput):
        store.count_entries(date_from="last week")


# -- search --------------------------------------------------------------------------------------


def test_search_stems_words_and_takes_prefixes(store: Store) -> None:
    mentor = store.add_entry("Lunch with my mentor")
    mentors = store.add_entry("Thanked both mentors", at="2026-11-26 08:00:00")
    mentoring = store.add_entry("Mentoring a new hire", at="2026-11-24 08:00:00")
    mention = store.add_entry("She mentioned a new role", at="2026-11-23 08:00:00")
    store.add_entry("Unrelated words")

    assert {e.id for e in store.search("mentors")} == {mentor, mentors, mentoring}
    assert {e.id for e in store.search("MENTOR")} == {mentor, mentors, mentoring}
    assert [e.id for e in store.search("ment*")] == [mentors, mentor, mentoring, mention]  # newest first
    assert [e.id for e in store.search("new mentoring")] == [mentoring]  # every word must match
    assert store.search("mentor", limit=1)[0].id == mentors


ODD_QUERIES = [
    "", '"', '""', '""""', "'\"\"'", "   ", "\t\n", "\x00", "mentor\x00", "a\x00b", "*", "**", "ment**",
    "AND", "OR", "NOT", "AND OR NOT", "NEAR(", "NEAR(a b, 2)", "col:x", "text:mentor", "^y", "-x", "+x",
    "(", ")", "{a b}", "a:b:c", "\\", "%", "_", "mentor OR", "NOT mentor", "'", "😀", "ש", "[bold]",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_search_never_raises_on_odd_input(store: Store, query: str) -> None:
    store.add_entry("Mentor said: and, or, not. Look near the text column")
    found = store.search(query)
    assert isinstance(found, list)
    assert store.count_entries(query=query) == len(found)


def test_search_takes_fts_syntax_literally(store: Store) -> None:
    literal = store.add_entry("To be or not to be, and near the end: text")
    store.add_entry("Something else entirely")
    assert [e.id for e in store.search("AND OR NOT")] == [literal]
    assert [e.id for e in store.search("NEAR(")] == [literal]
    assert [e.id for e in store.search("end:text")] == [literal]  # a phrase, not a column filter
    assert store.search("NOT else") == []  # both words are required, NOT is a word
    assert store.search('"') == [] and store.search("") == []


def test_search_index_follows_update_entry(store: Store) -> None:
    entry = store.add_entry("Negotiated my salary")
    store.update_entry(entry, text="Presented the roadmap")
    assert store.search("salary") == []
    assert [e.id for e in store.search("roadmap")] == [entry]
    store.update_entry(entry, starred=True)  # no text: the index is left alone
    assert [e.id for e in store.search("present")] == [entry]
    store.trash("entries", entry)
    store.restore("entries", entry)
    assert [e.id for e in store.search("roadmap")] == [entry]
    assert store.check() == []  # includes the FTS integrity check


# -- hostile and unusual text -------------------------------------------------------------------

ODD_TEXTS = {
    "markup": "Rich markup [bold]is data[/] and [/] and [link=http://x]y[/link] @tag",
    "escape": "Escape \x1b[31mred\x1b[0m, title \x1b]0;pwned\x07 and CSI \x9b2J, bell \x07",
    "controls": "tab\there\r\nnew line, DEL \x7f, NUL-free but \x01\x02 and form\x0cfeed",
    "emoji": "Shipped it 🚀🎉 👩🏽‍💻 family 👨‍👩‍👧‍👦 flags 🇳🇱",
    "rtl": "שלום עולם — مرحبا بالعالم \u202egnitirw desrever\u202c mixed",
    "combining": "e\u0301 vs \u00e9, zero\u200bwidth, BOM \ufeff, noncharacter \uffff",
    "astral": "math 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and CJK 汉字 and ᚠᚢᚦ",
    "quotes": "It's \"quoted\" ; DROP TABLE entries; -- ' OR '1'='1",
    "big": ("A long reflection line with words. " * 2900)[:99_996] + " END",
}


@pytest.mark.parametrize("name", list(ODD_TEXTS))
def test_user_text_is_stored_byte_for_byte(store: Store, name: str) -> None:
    text = ODD_TEXTS[name]
    entry = store.add_entry(text)
    goal = store.add_goal(text)
    assert store.get_entry(entry).text == text
    assert store.get_goal(goal).title == text
    stored = raw_rows(store.path, "SELECT CAST(text AS BLOB) FROM entries WHERE id = ?", (entry,))[0][0]
    assert stored == text.encode("utf-8")
    assert raw_rows(store.path, "SELECT typeof(text) FROM entries WHERE id = ?", (entry,)) == [("text",)]


def test_big_text_is_searchable(store: Store) -> None:
    entry = store.add_entry(ODD_TEXTS["big"])
    assert len(store.get_entry(entry).text) == 100_000
    assert [e.id for e in store.search("reflection end")] == [entry]


LONE_SURROGATE = "half a pair \udc80 here"


def test_lone_surrogate_is_refused_and_nothing_is_stored(store: Store) -> None:
    goal = store.add_goal("Valid goal")
    entry = store.add_entry("Valid entry")
    assessment = store.add_assessment()
    before = store.counts()

    attempts = [
        lambda: store.add_entry(LONE_SURROGATE),
        lambda: store.add_entry("fine text", tags=["bad\udc80"]),
        lambda: store.add_goal(LONE_SURROGATE),
        lambda: store.add_goal("fine", why="\udc80"),
        lambda: store.update_goal(goal, title=LONE_SURROGATE),
        lambda: store.update_goal(goal, title="New", reason="\ud800"),
        lambda: store.update_entry(entry, text=LONE_SURROGATE),
        lambda: store.add_milestone(goal, LONE_SURROGATE),
        lambda: store.add_checkin(goal, 1, note=LONE_SURROGATE),
        lambda: store.add_assessment(summary=LONE_SURROGATE),
        lambda: store.add_assessment_item(assessment, "strength", LONE_SURROGATE),
        lambda: store.add_assessment_item(assessment, "strength", "ok", evidence=LONE_SURROGATE),
        lambda: store.skill_id(LONE_SURROGATE),
        lambda: store.search(LONE_SURROGATE),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidInput, match="not valid Unicode"):
            attempt()
    assert store.counts() == before
    assert store.get_goal(goal).title == "Valid goal"
    assert store.get_entry(entry).text == "Valid entry"
    assert store.revisions() == []


# -- refusals ------------------------------------------------------------------------------------


def test_invalid_input_is_refused_and_nothing_is_stored(store: Store) -> None:
    goal = store.add_goal("Valid goal", target=10)
    entry = store.add_entry("Valid entry")
    milestone = store.add_milestone(goal, "Step")
    assessment = store.add_assessment()
    skill = store.skill_id("SQL")
    before = store.counts()

    attempts = [
        lambda: store.add_entry("text", kind="rant"),
        lambda: store.add_entry(""),
        lambda: store.add_entry("  \n\t "),
        lambda: store.add_entry("text", tags=[" "]),
        lambda: store.update_entry(entry, kind="diary"),
        lambda: store.update_entry(entry, text=" "),
        lambda: store.add_goal(""),
        lambda: store.add_goal("   "),
        lambda: store.add_goal("Goal", status="done"),
        lambda: store.add_goal("Goal", category="hobby"),
        lambda: store.add_goal("Goal", horizon="forever"),
        lambda: store.add_goal("Goal", confidence=0),
        lambda: store.add_goal("Goal", confidence=6),
        lambda: store.add_goal("Goal", deadline="next year"),
        lambda: store.add_goal("Goal", deadline="2027-02-30"),
        lambda: store.add_goal("Goal", target="ten"),
        lambda: store.update_goal(goal, status="finished", reason="x"),
        lambda: store.update_goal(goal, title="", reason="x"),
        lambda: store.update_goal(goal, parent_id=goal),
        lambda: store.add_milestone(goal, ""),
        lambda: store.add_milestone(goal, "Step", due="soon"),
        lambda: store.set_milestone_done(milestone, "yesterday"),
        lambda: store.add_checkin(goal, "12"),
        lambda: store.add_checkin(goal, float("nan")),
        lambda: store.add_checkin(goal, True),
        lambda: store.add_checkin(goal, 1, confidence=9),
        lambda: store.add_assessment_item(assessment, "opinion", "text"),
        lambda: store.add_assessment_item(assessment, "feedback", "text", source="manager"),
        lambda: store.add_assessment_item(assessment, "strength", " "),
        lambda: store.skill_id(" "),
        lambda: store.rate_skill(assessment, skill, 0),
        lambda: store.rate_skill(assessment, skill, 6),
        lambda: store.rate_skill(assessment, skill, -1),
        lambda: store.rate_skill(assessment, skill, 2.5),
        lambda: store.rate_skill(assessment, skill, "3"),
        lambda: store.goals(status="done"),
    ]
    for number, attempt in enumerate(attempts):
        with pytest.raises(InvalidInput):
            attempt()
        assert store.counts() == before, number
    assert store.get_goal(goal).title == "Valid goal"
    assert store.get_entry(entry).kind == "reflection"
    assert store.milestones(goal)[0].done_at is None
    assert store.revisions() == []


def test_unknown_ids_raise_not_found_and_nothing_is_stored(store: Store) -> None:
    goal = store.add_goal("Real goal")
    assessment = store.add_assessment()
    skill = store.skill_id("SQL")
    before = store.counts()
    missing = 4040

    attempts = [
        lambda: store.get_goal(missing),
        lambda: store.get_entry(missing),
        lambda: store.add_entry("Linked to nothing", goal_ids=[goal, missing]),
        lambda: store.add_checkin(missing, 1),
        lambda: store.add_milestone(missing, "Step"),
        lambda: store.set_milestone_done(missing, TODAY),
        lambda: store.update_goal(missing, title="x"),
        lambda: store.update_entry(missing, text="x"),
        lambda: store.add_goal("Child", parent_id=missing),
        lambda: store.add_goal("From item", assessment_item_id=missing),
        lambda: store.update_goal(goal, parent_id=missing),
        lambda: store.add_assessment_item(missing, "strength", "Kind"),
        lambda: store.rate_skill(missing, skill, 3),
        lambda: store.rate_skill(assessment, missing, 3),
        lambda: store.update_assessment(missing, summary="x"),
    ]
    for number, attempt in enumerate(attempts):
        with pytest.raises(NotFound):
            attempt()
        assert store.counts() == before, number
    assert store.get_goal(goal).parent_id is None


# -- the file: connection settings, permissions, location, backups ------------------------------


def test_connection_settings(store: Store) -> None:
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("synchronous") == 2  # FULL
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("busy_timeout") >= 5000
    assert store.pragma("trusted_schema") == 0
    with pytest.raises(ValueError):
        store.pragma("user_version; DROP TABLE entries")


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(driver.IntegrityError), store.transaction() as conn:
        conn.execute("INSERT INTO checkins (uuid, goal_id, at, value, created_at) VALUES ('u', 999, '2026-01-01', 1, 'x')")
    assert store.counts()["checkins"] == 0


def test_journal_file_and_side_files_are_private(db_path: Path, umask_zero: None) -> None:
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("Private thoughts")
        assert mode_of(db_path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = Path(f"{db_path}{suffix}")
            assert side.exists(), suffix
            assert mode_of(side) == 0o600, suffix
    assert mode_of(db_path) == 0o600


def test_default_location_is_created_private(tmp_path: Path, umask_zero: None) -> None:
    folder = tmp_path / "xdg-data" / "goaljournal"
    assert not folder.exists()
    path = resolve_journal_path(None)
    assert path == folder / "journal.db" == default_journal_path()
    assert folder.is_dir() and mode_of(folder) == 0o700
    with Store.open(path, clock=lambda: NOW) as store:
        store.add_entry("First")
    assert mode_of(path) == 0o600


def test_explicit_paths_win_and_their_folder_is_not_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_journal_path(str(tmp_path / "typo" / "j.db")) == tmp_path / "typo" / "j.db"
    monkeypatch.setenv("GOALJOURNAL_DB", str(tmp_path / "env.db"))
    assert resolve_journal_path(None) == tmp_path / "env.db"
    assert resolve_journal_path(str(tmp_path / "option.db")) == tmp_path / "option.db"
    assert not (tmp_path / "typo").exists()
    assert not (tmp_path / "xdg-data").exists()


def test_user_data_dir_agrees_with_platformdirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG shortcut is Linux only")
    assert user_data_dir() == Path(platformdirs.user_data_dir("goaljournal", appauthor=False))
    assert user_data_dir() == tmp_path / "xdg-data" / "goaljournal"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert user_data_dir() == Path(platformdirs.user_data_dir("goaljournal", appauthor=False))
    assert user_data_dir() == tmp_path / "home" / ".local" / "share" / "goaljournal"


def test_backup_is_a_private_self_contained_copy(store: Store, tmp_path: Path, umask_zero: None) -> None:
    goal = store.add_goal("Back me up", target=3)
    store.add_checkin(goal, 1)
    store.add_entry("Saved in the backup @safe", goal_ids=[goal])
    dest = tmp_path / "copies" / "backup.db"
    dest.parent.mkdir()

    assert store.backup(dest) == dest
    assert mode_of(dest) == 0o600
    assert sorted(p.name for p in dest.parent.iterdir()) == ["backup.db"]  # no -wal, no -shm
    header = dest.read_bytes()[:100]
    if store.encrypted:  # encrypted with the journal's key and salt; the rest of the header too
        assert header[:16] == store.key.salt and b"Saved in the backup" not in dest.read_bytes()
    else:
        assert header[:16] == b"SQLite format 3\x00"
        assert (header[18], header[19]) == (1, 1)  # rollback journal, not WAL
    assert raw_rows(dest, "PRAGMA journal_mode") == [("delete",)]
    assert raw_rows(dest, "PRAGMA integrity_check") == [("ok",)]
    for table in ("goals", "checkins", "entries", "tags", "entry_tags", "entry_goals", "_sqlite_migrations"):
        assert raw_rows(dest, f"SELECT * FROM {table}") == raw_rows(store.path, f"SELECT * FROM {table}"), table
    assert raw_rows(dest, "PRAGMA user_version") == [(store.schema_version(),)]

    with Store.open(dest, clock=lambda: NOW) as copy:
        assert [e.text for e in copy.search("backup")] == ["Saved in the backup @safe"]


def test_backup_refuses_to_overwrite_or_to_invent_folders(store: Store, tmp_path: Path) -> None:
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"precious")
    with pytest.raises(InvalidInput, match="already exists"):
        store.backup(existing)
    assert existing.read_bytes() == b"precious"
    with pytest.raises(InvalidInput):
        store.backup(store.path)
    with pytest.raises(InvalidInput):
        store.backup(tmp_path / "missing" / "b.db")
    assert not (tmp_path / "missing").exists()


# -- regressions found while building the demo journal ------------------------------------


def test_a_revision_can_be_dated_and_numbers_are_recorded_as_numbers(store: Store) -> None:
    goal_id = store.add_goal("Give three talks", target=3)
    store.update_goal(goal_id, target=4, reason="one more", at="2026-10-01 18:05:00")
    (revision,) = store.revisions(goal_id)
    assert revision.at == "2026-10-01 18:05:00"
    assert json.loads(revision.changes) == {"target": [3.0, 4.0]}
    assert isinstance(json.loads(revision.changes)["target"][1], float)


def test_a_parent_cycle_is_refused(store: Store) -> None:
    top = store.add_goal("Become a people analytics lead")
    middle = store.add_goal("Pass the PMP exam", parent_id=top)
    bottom = store.add_goal("Study 100 hours", parent_id=middle)
    with pytest.raises(InvalidInput, match="its own parent"):
        store.update_goal(top, parent_id=bottom)
    with pytest.raises(InvalidInput, match="its own parent"):
        store.update_goal(top, parent_id=top)
    assert store.get_goal(top).parent_id is None


@pytest.mark.parametrize("bad", ["not a date", "2026-13-01 10:00:00", "yesterday"])
def test_entry_dates_given_as_text_are_checked(store: Store, bad: str) -> None:
    with pytest.raises(InvalidInput, match="is not a (real )?date"):
        store.add_entry("Something happened", at=bad)
    assert store.count_entries() == 0


def test_true_is_not_a_confidence(store: Store) -> None:
    goal_id = store.add_goal("Read 12 books", target=12)
    with pytest.raises(InvalidInput):
        store.add_checkin(goal_id, 3, confidence=True)  # type: ignore[arg-type]
    assert store.checkins(goal_id) == []


def test_counts_cover_every_exported_table(store: Store) -> None:
    """doctor prints these counts: a table added to the journal must be counted too."""
    from goaljournal.store.transfer import TABLES

    assert set(store.counts()) == {table for table, _ in TABLES}
