"""People, conversations, follow-ups and goals that count them, at the store."""

from __future__ import annotations

from datetime import date

import pytest

from goaljournal.store import InvalidInput, NotFound, Store

TODAY = date(2026, 11, 25)  # the conftest store's clock


def test_a_person_is_private_by_default_and_keeps_tags_and_fields(store: Store) -> None:
    pid = store.add_person(
        "  Priya Shah ", role="HR Director", organisation="Acme", how_met="PMI chapter meetup",
        relationship="mentor", notes="Prefers mornings", tags=["@hr", "Mentoring", "hr"],
    )  # fmt: skip
    person = store.get_person(pid)
    assert (person.name, person.role, person.organisation, person.how_met) == (
        "Priya Shah", "HR Director", "Acme", "PMI chapter meetup",
    )  # fmt: skip
    assert (person.relationship, person.private, person.tags) == ("mentor", 1, ["hr", "Mentoring"])
    assert (person.first_met, person.last_met, person.interaction_count, person.open_follow_ups) == (None, None, 0, 0)

    store.update_person(pid, tags=["analytics"], private=False, role="  ")
    person = store.get_person(pid)
    assert (person.tags, person.private, person.role) == (["analytics"], 0, None)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "   "}, "the name is empty"),
        ({"name": "Sam", "relationship": "friend"}, "unknown relationship 'friend'"),
        ({"name": "Sam", "tags": ["two words"]}, "'two words' is not a tag"),
        ({"name": "Sam\ud800"}, "not valid Unicode"),
    ],
)
def test_bad_person_fields_are_refused_with_a_message(store: Store, fields: dict, message: str) -> None:
    name = fields.pop("name")
    with pytest.raises(InvalidInput, match=message):
        store.add_person(name, **fields)
    assert store.people() == []


def test_people_search_matches_every_word_anywhere_literally(store: Store) -> None:
    priya = store.add_person("Priya Shah", role="HR Director", organisation="Acme", tags=["hr"])
    sam = store.add_person("Sam Ortiz", role="Data analyst", notes="100% into SQL_tuning", relationship="peer")
    store.add_person("Lee", organisation="Globex")
    assert [p.id for p in store.people(query="acme hr")] == [priya]
    assert [p.id for p in store.people(query="HR")] == [priya]  # role and tag, case ignored
    assert [p.id for p in store.people(query="100%")] == [sam]
    assert [p.id for p in store.people(query="sql_")] == [sam]
    assert [p.id for p in store.people(query="%")] == [sam]  # no LIKE wildcards: "%" is a character
    assert [p.id for p in store.people(query="_")] == [sam]
    assert [p.id for p in store.people(relationship="peer")] == [sam]
    assert [p.id for p in store.people(tag="@HR")] == [priya]
    assert [p.name for p in store.people()] == ["Lee", "Priya Shah", "Sam Ortiz"]
    assert [p.id for p in store.people_named("priya shah")] == [priya]


def test_a_conversation_with_a_follow_up_is_due_and_can_be_done(store: Store) -> None:
    pid = store.add_person("Priya")
    first = store.add_interaction(pid, "coffee", notes="Talk outline", follow_up="Send the outline")
    second = store.add_interaction(pid, "call", at="2026-11-10", follow_up_due="2026-11-20")
    plain = store.add_interaction(pid, "message", at="2026-11-12")
    one = store.get_interaction(first)
    assert (one.at, one.follow_up, one.follow_up_due, one.follow_up_open) == (
        "2026-11-25", "Send the outline", "2026-12-02", True,
    )  # fmt: skip
    assert store.get_interaction(second).follow_up == "Follow up with Priya"

    assert [i.id for i in store.follow_ups_due(TODAY)] == [second]  # overdue since the 20th
    assert [i.id for i in store.follow_ups_due(date(2026, 12, 2))] == [second, first]
    store.set_follow_up_done(second, TODAY)
    assert [i.id for i in store.follow_ups_due(date(2026, 12, 2))] == [first]
    assert store.get_person(pid).open_follow_ups == 1
    store.set_follow_up_done(second, None)
    assert store.get_person(pid).open_follow_ups == 2
    with pytest.raises(InvalidInput, match="no follow-up"):
        store.set_follow_up_done(plain, TODAY)

    assert [i.id for i in store.interactions(pid)] == [first, plain, second]  # newest first
    assert [i.id for i in store.interactions(kind="call")] == [second]
    assert [i.id for i in store.interactions(since="2026-11-11", until="2026-11-30")] == [first, plain]


def test_conversations_refuse_bad_kinds_dates_and_unknown_people(store: Store) -> None:
    pid = store.add_person("Priya")
    with pytest.raises(InvalidInput, match="unknown kind 'lunch'"):
        store.add_interaction(pid, "lunch")
    with pytest.raises(InvalidInput, match="not a date"):
        store.add_interaction(pid, "coffee", at="next tuesday")
    with pytest.raises(NotFound, match="no person with id 99"):
        store.add_interaction(99, "coffee")
    with pytest.raises(NotFound, match="no goal with id 7"):
        store.add_interaction(pid, "coffee", goal_ids=[7])
    assert store.interactions() == []


def test_trashed_people_and_conversations_leave_every_list_and_come_back(store: Store) -> None:
    pid = store.add_person("Priya")
    iid = store.add_interaction(pid, "coffee", follow_up="Say thanks")
    store.trash_person(pid)
    assert (store.people(), store.interactions(), store.follow_ups_due(date(2027, 1, 1))) == ([], [], [])
    assert [p.id for p in store.people(trashed=True)] == [pid]
    store.restore_person(pid)
    store.trash_interaction(iid)
    assert store.interactions() == [] and store.get_person(pid).interaction_count == 0
    store.restore_interaction(iid)
    assert [i.id for i in store.follow_ups_due(date(2027, 1, 1))] == [iid]


def hr_goal(store: Store, **fields: object) -> int:
    values = {"category": "networking", "baseline": 0, "target": 5, "start_date": "2026-10-01",
              "deadline": "2026-12-31", "progress_from": "people", "progress_tag": "hr", **fields}  # fmt: skip
    return store.add_goal("Connect with five HR leaders this quarter", **values)


def test_a_goal_counting_new_people_fills_up_as_meetings_are_logged(store: Store) -> None:
    goal = hr_goal(store)
    assert store.get_goal(goal).current is None
    priya = store.add_person("Priya", tags=["hr"])
    sam = store.add_person("Sam", tags=["HR"])
    other = store.add_person("Lee", tags=["analytics"])
    store.add_interaction(priya, "coffee", at="2026-11-02")
    store.add_interaction(priya, "meeting", at="2026-11-09")  # the same person again: not new
    store.add_interaction(other, "coffee", at="2026-11-10")  # not tagged hr
    store.add_interaction(sam, "event", at="2026-11-12")
    assert store.get_goal(goal).current == 2.0
    assert [(c.at, c.value, c.source, c.note) for c in store.checkins(goal)] == [
        ("2026-11-02", 1.0, "interactions", "new people met: 1 (@hr)"),
        ("2026-11-12", 2.0, "interactions", "new people met: 2 (@hr)"),
    ]  # fmt: skip
    assert store.count_for_goal(goal) == 2 and store.count_for_goal(goal, until="2026-11-05") == 1

    store.update_person(other, tags=["analytics", "hr"])  # a tag added later counts her
    assert store.get_goal(goal).current == 3.0
    store.trash_person(sam)
    assert store.get_goal(goal).current == 2.0
    with pytest.raises(InvalidInput, match="log a conversation instead"):
        store.add_checkin(goal, 4)


def test_someone_first_met_before_the_goal_started_is_not_new(store: Store) -> None:
    goal = hr_goal(store)
    old_friend = store.add_person("Ana", tags=["hr"])
    store.add_interaction(old_friend, "coffee", at="2026-09-15")
    store.add_interaction(old_friend, "coffee", at="2026-11-15")
    store.add_interaction(store.add_person("Late", tags=["hr"]), "call", at="2027-01-05")  # after the deadline
    assert store.get_goal(goal).current is None
    store.update_goal(goal, deadline="2027-01-31", reason="More time")  # the window grows: recount
    assert store.get_goal(goal).current == 1.0


def test_a_goal_can_count_conversations_of_one_kind_or_all(store: Store) -> None:
    events = store.add_goal("Attend two industry events per month", category="networking", baseline=1,
                            target=12, start_date="2026-11-01", progress_from="event")  # fmt: skip
    talks = store.add_goal("Hold ten conversations", category="networking", target=10, start_date="2026-11-01",
                           progress_from="interactions")  # fmt: skip
    pid = store.add_person("Priya")
    store.add_interaction(pid, "event", at="2026-11-03")
    store.add_interaction(pid, "event", at="2026-11-03")
    store.add_interaction(pid, "coffee", at="2026-11-04")
    mistake = store.add_interaction(pid, "event", at="2026-11-05")
    assert store.get_goal(events).current == 4.0  # baseline 1 + three events
    assert store.get_goal(talks).current == 4.0
    store.trash_interaction(mistake)
    assert (store.get_goal(events).current, store.get_goal(talks).current) == (3.0, 3.0)
    store.update_interaction(mistake, kind="call")  # still in the trash: nothing changes
    assert [(c.at, c.value) for c in store.checkins(events)] == [("2026-11-03", 3.0)]


def test_a_goal_that_stops_counting_keeps_its_history_and_can_count_again(store: Store) -> None:
    goal = hr_goal(store, progress_tag=None)
    store.add_interaction(store.add_person("Priya"), "coffee", at="2026-11-02")
    store.update_goal(goal, progress_from=None)
    assert [(c.value, c.source) for c in store.checkins(goal)] == [(1.0, None)]
    store.add_checkin(goal, 2, at="2026-11-20")  # typed check-ins work again
    store.update_goal(goal, progress_from="people")
    assert [(c.at, c.value, c.source) for c in store.checkins(goal)] == [
        ("2026-11-02", 1.0, None), ("2026-11-02", 1.0, "interactions"), ("2026-11-20", 2.0, None),
    ]  # fmt: skip
    assert store.check() == []
    with pytest.raises(InvalidInput, match="unknown progress source 'likes'"):
        store.update_goal(goal, progress_from="likes")


def test_feedback_is_filed_into_the_session_in_progress_once(store: Store) -> None:
    mentor = store.add_person("Priya", relationship="mentor")
    manager = store.add_person("Max", relationship="manager")
    done = store.add_assessment("2026-06-01")
    store.update_assessment(done, completed_at="2026-06-01 10:00:00")
    current = store.add_assessment("2026-11-20")
    advice = store.add_interaction(mentor, "feedback", notes="Review of my talk", learned="Slow down; fewer slides",
                                   outcome="Cut the deck to 10 slides")  # fmt: skip
    assessment_id, item_id = store.file_feedback(advice)
    assert assessment_id == current
    item = store.get_assessment_item(item_id)
    assert (item.kind, item.text, item.source, item.action) == (
        "feedback", "Slow down; fewer slides", "mentor", "Cut the deck to 10 slides",
    )  # fmt: skip
    assert "Priya" in (item.evidence or "") and "2026-11-25" in (item.evidence or "")
    assert store.file_feedback(advice) == (current, item_id)  # not twice
    assert store.get_interaction(advice).assessment_item_id == item_id

    store.update_assessment(current, completed_at="2026-11-21 10:00:00")
    review = store.add_interaction(manager, "meeting", notes="Asked for more visibility")
    assert store.file_feedback(review)[0] == current  # no session in progress: the newest one
    assert store.get_assessment_item(store.file_feedback(review)[1]).source == "supervisor"

    store.remove_assessment_item(item_id)  # the conversation stays, unlinked
    assert store.get_interaction(advice).assessment_item_id is None
    with pytest.raises(InvalidInput, match="no notes or advice"):
        store.file_feedback(store.add_interaction(manager, "call"))


def test_feedback_with_no_assessment_yet_starts_one(store: Store) -> None:
    pid = store.add_person("Priya", relationship="peer")
    assessment_id, item_id = store.file_feedback(store.add_interaction(pid, "feedback", notes="Great demo"))
    assert [a.id for a in store.assessments()] == [assessment_id]
    assert store.get_assessment_item(item_id).source == "peer"


def test_purging_an_entry_keeps_a_tag_people_still_use(store: Store) -> None:
    pid = store.add_person("Priya", tags=["hr"])
    entry = store.add_entry("Met Priya @hr")
    store.trash("entries", entry)
    store.purge_entry(entry)
    assert store.get_person(pid).tags == ["hr"]
    assert store.check() == []
