"""The drafting form's hint lines, as pure functions of what is typed and today (no app)."""

from __future__ import annotations

from conftest import TODAY

from goaljournal.core.deadlines import deadline_from_field
from goaljournal.core.smart import GoalFields, smart_report
from goaljournal.ui.goals.coach import sentence_metric
from goaljournal.ui.goals.render import deadline_line, metric_hint, progress_hint


def test_the_deadline_line_reads_the_field_or_the_sentence() -> None:
    report = smart_report("Read 12 books by March", TODAY)
    assert deadline_line("", None, "auto", report, TODAY).plain == "from the sentence 'by March' → Wed 31 Mar 2027 · in 126 days · short horizon"
    typed = deadline_from_field("2027-12-31", TODAY)
    assert deadline_line("2027-12-31", typed, "long", report, TODAY).plain == "→ Fri 31 Dec 2027 · in 401 days · long horizon"
    assert deadline_line("blue moon", None, "auto", report, TODAY).plain.startswith("not a date I can read")
    assert deadline_line("", None, "auto", smart_report("Read more", TODAY), TODAY).plain == "no deadline yet"


def test_the_metric_hint_says_what_the_sentence_fills_in() -> None:
    report = smart_report("Read 12 books in 2027", TODAY)
    assert metric_hint(sentence_metric(report.metric), GoalFields()).plain == "from the sentence: target 12 · books (used if left empty)"
    assert metric_hint(sentence_metric(report.metric), GoalFields(target=10)).plain == ""


def test_the_progress_hint_names_the_count_and_who_suggested_it() -> None:
    hint = progress_hint("people", "hr", "people", suggested=True).plain
    assert "@hr" in hint and "suggested by the goal" in hint
    assert "suggested" not in progress_hint("people", "", "people", suggested=False).plain
    assert progress_hint("typed", "", None, suggested=True).plain == ""
