"""SMART analysis (goaljournal.core.smart) and the `smart` command.

The table below is the main check: goal sentences across the eight categories, with the verdicts
and deadline expected for today = Wed 25 Nov 2026, numbers that are not dates included. Verdict
letters: y met, n not met, ? cannot tell from the text alone. Achievable and Relevant are "?"
unless the sentence itself settles them (a reason given; a deadline far too near for the target).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli

from goaljournal.core.models import CATEGORIES
from goaljournal.core.smart import GoalFields, extract_metric, smart_report

TODAY = date(2026, 11, 25)
LETTERS = {True: "y", False: "n", None: "?"}

TABLE: list[tuple[str, str, str, str | None]] = [
    # -- skill ------------------------------------------------------------------------------
    ("skill", "I want to improve my presentation skills within three months", "n n ? ? y", "2027-02-25"),
    ("skill", "Give three presentations at team meetings by the end of Q1", "y y ? ? y", "2027-03-31"),
    ("skill", "Learn Python", "n n ? ? n", None),
    ("skill", "I'll learn coding soon", "n n ? ? n", None),
    ("skill", "Complete a 40-hour Excel course in six weeks", "y y ? ? y", "2027-01-06"),
    ("skill", "Practise public speaking for 20 minutes a day for the next 30 days", "y y ? ? y", "2026-12-25"),
    ("skill", "Get better at Excel", "n n ? ? n", None),
    ("skill", "Write 4 blog posts about data visualisation by March 31", "y y ? ? y", "2027-03-31"),
    ("skill", "Learn Spanish to B2 level by next June", "y y ? ? y", "2027-06-30"),
    ("skill", "Be better at communicating", "n n ? ? n", None),
    ("skill", "Finish the SQL for Data Analysis course on Coursera in 2027", "y y ? ? y", "2027-12-31"),
    ("skill", "Read 12 books on product management in 2027", "y y ? ? y", "2027-12-31"),
    ("skill", "Master Kubernetes", "n n ? ? n", None),
    ("skill", "Level up my SQL", "n n ? ? n", None),
    ("skill", "Get my typing speed to 80 words per minute", "y y ? ? n", None),
    # -- performance ------------------------------------------------------------------------
    ("performance", "Complete five client reports per week", "y y ? ? n", None),
    ("performance", "Increase my sales by 15% by next June", "y y ? ? y", "2027-06-30"),
    ("performance", "Do better at work", "n n ? ? n", None),
    ("performance", "Cut the monthly dashboard refresh from 6 hours to 2 hours by the end of Q1", "y y ? ? y", "2027-03-31"),
    ("performance", "Close 10 new deals this quarter", "y y ? ? y", "2026-12-31"),
    ("performance", "Reduce customer response time to under 4 hours within two months", "y y ? ? y", "2027-01-25"),
    ("performance", "Be more productive", "n n ? ? n", None),
    ("performance", "Hit 120% of my sales quota in 2027", "y y ? ? y", "2027-12-31"),
    ("performance", "Ship the reporting API to production by Friday", "y y ? ? y", "2026-11-27"),
    ("performance", "Work harder", "n n ? ? n", None),
    ("performance", "Raise my customer satisfaction score from 82 to 90 by the end of the year", "y y ? ? y", "2026-12-31"),
    ("performance", "Improve code review turnaround", "n n ? ? n", None),
    ("performance", "Get a 4.5 rating or higher in my annual review", "y y ? ? ?", None),
    ("performance", "Answer 20 support tickets a day", "y y ? ? n", None),
    ("performance", "Publish a 2,000-word article on our attrition model by the end of the month", "y y ? ? y", "2026-11-30"),
    # -- leadership -------------------------------------------------------------------------
    ("leadership", "Attain a managerial position within the next two years by completing relevant training "
     "programs and taking on leadership responsibilities", "y y ? ? y", "2028-11-25"),
    ("leadership", "Be a better leader", "n n ? ? n", None),
    ("leadership", "Mentor two junior analysts for the next six months", "y y ? ? y", "2027-05-25"),
    ("leadership", "Lead a cross-team project from kickoff to launch by the end of 2027", "y y ? ? y", "2027-12-31"),
    ("leadership", "Hold a one-to-one with each of my 6 reports every two weeks", "y y ? ? n", None),
    ("leadership", "Delegate more", "n n ? ? n", None),
    ("leadership", "Get promoted to team lead by Q3 2027", "y y ? ? y", "2027-09-30"),
    ("leadership", "Run a monthly retrospective with my team starting in January", "y y ? ? n", None),
    ("leadership", "Give feedback to each team member at least once a month", "y y ? ? n", None),
    ("leadership", "Improve my leadership skills", "n n ? ? n", None),
    ("leadership", "Become a director someday", "y y ? ? n", None),
    ("leadership", "Shadow the VP of Operations for two days this quarter", "y y ? ? y", "2026-12-31"),
    ("leadership", "Grow as a leader", "n n ? ? n", None),
    ("leadership", "Get promoted to director in two weeks", "y y n ? y", "2026-12-09"),
    ("leadership", "Be promoted to senior analyst", "y y ? ? n", None),
    # -- education --------------------------------------------------------------------------
    ("education", "Finish an online course in two months", "y y ? ? y", "2027-01-25"),
    ("education", "Complete a master's degree in data science by 2029", "y y ? ? y", "2029-12-31"),
    ("education", "Take more classes", "n n ? ? n", None),
    ("education", "Study for 5 hours a week until the exam", "y y ? ? ?", None),
    ("education", "Read one research paper every week for the next quarter", "y y ? ? y", "2027-03-31"),
    ("education", "Finish the last 4 modules of the data course by the end of January", "y y ? ? y", "2027-01-31"),
    ("education", "Learn more about machine learning", "n n ? ? n", None),
    ("education", "Enroll in an evening MBA program by September 2027", "y y ? ? y", "2027-09-30"),
    ("education", "Complete 3 Kaggle competitions in 2027", "y y ? ? y", "2027-12-31"),
    ("education", "Get a degree eventually", "y y ? ? n", None),
    ("education", "Audit two lectures at the local university this semester", "y y ? ? ?", None),
    ("education", "Watch 10 hours of Python tutorials within 30 days", "y y ? ? y", "2026-12-25"),
    ("education", "Earn an MBA within a month", "y y n ? y", "2026-12-25"),
    ("education", "Learn about investing", "n n ? ? n", None),
    # -- certification ----------------------------------------------------------------------
    ("certification", "Improve project management skills by earning the PMP certification within the next 6 months",
     "y y ? ? y", "2027-05-25"),
    ("certification", "Pass the AWS Solutions Architect exam by Q2", "y y ? ? y", "2027-06-30"),
    ("certification", "Get AWS certified by Q1 2027", "y y ? ? y", "2027-03-31"),
    ("certification", "Earn the Google Data Analytics certificate by 31 March", "y y ? ? y", "2027-03-31"),
    ("certification", "Study for the CPA exam", "y n ? ? n", None),
    ("certification", "Pass all four CPA exam sections by the end of 2027", "y y ? ? y", "2027-12-31"),
    ("certification", "Renew my Scrum Master certification before it expires in March", "y y ? ? y", "2027-03-31"),
    ("certification", "Become a Certified Financial Planner within 18 months", "y y ? ? y", "2028-05-25"),
    ("certification", "Get more certifications", "n n ? ? n", None),
    ("certification", "Sit the CFA Level I exam in February 2027", "y y ? ? y", "2027-02-28"),
    ("certification", "Obtain my SHRM-CP credential by the end of next quarter", "y y ? ? y", "2027-03-31"),
    ("certification", "Complete the Azure Fundamentals certification in 2 weeks", "y y ? ? y", "2026-12-09"),
    ("certification", "Pass the PMP exam by Friday", "y y n ? y", "2026-11-27"),
    ("certification", "Complete the PMP by June so that I can lead the migration project", "y y ? y y", "2027-06-30"),
    # -- networking -------------------------------------------------------------------------
    ("networking", "Network more", "n n ? ? n", None),
    ("networking", "Improve networking skills", "n n ? ? n", None),
    ("networking", "Connect with five HR leaders in my industry over the next quarter", "y y ? ? y", "2027-03-31"),
    ("networking", "Attend two HR industry events per month", "y y ? ? n", None),
    ("networking", "Send follow-up emails within a week of meeting new contacts", "y y ? ? ?", None),
    ("networking", "Secure a mentorship by year's end", "y y ? ? y", "2026-12-31"),
    ("networking", "Meet a new person in my field for coffee every week", "y y ? ? n", None),
    ("networking", "Grow my LinkedIn network to 500 connections by June", "y y ? ? y", "2027-06-30"),
    ("networking", "Speak at one industry meetup in the first half of 2027", "y y ? ? y", "2027-06-30"),
    ("networking", "Get to know more people", "n n ? ? n", None),
    ("networking", "Join the regional SHRM chapter by December 15", "y y ? ? y", "2026-12-15"),
    ("networking", "Reach out to 3 former colleagues a month", "y y ? ? n", None),
    ("networking", "Build relationships", "n n ? ? n", None),
    ("networking", "Attend the 2027 HR Tech conference to meet people for my move into HR analytics", "y y ? y n", None),
    # -- work-life balance ------------------------------------------------------------------
    ("work-life balance", "Leave the office by 6pm four days a week", "y y ? ? n", None),
    ("work-life balance", "Have a better work-life balance", "n n ? ? n", None),
    ("work-life balance", "Take a 20-minute walk every day at lunch for the next three months", "y y ? ? y", "2027-02-25"),
    ("work-life balance", "Don't check email after 8 pm on weekdays", "y y ? ? n", None),
    ("work-life balance", "Take all 25 days of my annual leave in 2027", "y y ? ? y", "2027-12-31"),
    ("work-life balance", "Sleep at least 7 hours a night for the next 8 weeks", "y y ? ? y", "2027-01-20"),
    ("work-life balance", "Be less stressed", "n n ? ? n", None),
    ("work-life balance", "Meditate for 10 minutes every morning this month", "y y ? ? y", "2026-11-30"),
    ("work-life balance", "Exercise more", "n n ? ? n", None),
    ("work-life balance", "Go to the gym three times a week until the end of March", "y y ? ? y", "2027-03-31"),
    ("work-life balance", "Take a full week of vacation this summer", "y y ? ? y", "2027-08-31"),
    ("work-life balance", "Work less", "n n ? ? n", None),
    ("work-life balance", "Run a 5k in under 25 minutes by June", "y y ? ? y", "2027-06-30"),
    ("work-life balance", "Stop working at 6pm on Fridays", "y y ? ? n", None),
    ("work-life balance", "Hit 10,000 steps a day", "y y ? ? n", None),
    # -- financial --------------------------------------------------------------------------
    ("financial", "Save $5,000 by December 2027", "y y ? ? y", "2027-12-31"),
    ("financial", "Be rich", "n n ? ? n", None),
    ("financial", "Pay off my $3,200 credit card balance within 9 months", "y y ? ? y", "2027-08-25"),
    ("financial", "Build a 6-month emergency fund by the end of next year", "y y ? ? y", "2027-12-31"),
    ("financial", "Invest 10% of every paycheck into my retirement account", "y y ? ? n", None),
    ("financial", "Negotiate a 5k raise at my next review", "y y ? ? ?", None),
    ("financial", "Spend less money", "n n ? ? n", None),
    ("financial", "Increase my savings rate from 5% to 15% this year", "y y ? ? y", "2026-12-31"),
    ("financial", "Earn $90,000 a year as a senior analyst by 2028", "y y ? ? y", "2028-12-31"),
    ("financial", "Cut my monthly spending on takeaways by half over the next two months", "y y ? ? y", "2027-01-25"),
    ("financial", "Put $200 into an index fund every month for the next year", "y y ? ? y", "2027-11-25"),
    ("financial", "Have my finances in order soon", "n n ? ? n", None),
    # -- dates, and numbers that are not dates ----------------------------------------------
    ("performance", "Score 85% on the practice exam by 2027-01-15", "y y ? ? y", "2027-01-15"),
    ("education", "Complete 1,000 minutes of Duolingo Spanish in 60 days", "y y ? ? y", "2027-01-24"),
    ("leadership", "Reach senior analyst level within 2 years", "y y ? ? y", "2028-11-25"),
    ("skill", "Launch my portfolio website by spring", "y y ? ? y", "2027-03-01"),
    ("skill", "Finish the book draft over the winter", "y y ? ? y", "2027-02-28"),
    ("skill", "Present my project at the all-hands next month", "y y ? ? y", "2026-12-31"),
    ("leadership", "Submit my application for the lead role by the end of this week", "y y ? ? y", "2026-11-29"),
    ("performance", "Finish the onboarding guide by tomorrow", "y y ? ? y", "2026-11-26"),
    ("education", "Finish my thesis by 2026-06-30", "y y ? ? n", "2026-06-30"),
    ("skill", "Read 20 books by next week", "y y n ? y", "2026-12-06"),
    ("financial", "Save 2000 dollars before 2028", "y y ? ? y", "2027-12-31"),
    ("networking", "Host a 90-minute meetup for 30 analysts in May", "y y ? ? y", "2027-05-31"),
    ("skill", "I may finish the Rust book one day", "y y ? ? n", None),
    ("work-life balance", "Take every second Friday off for the next 6 months to spend time with my kids", "y y ? y y", "2027-05-25"),
    # -- written after the rules above were tuned, and first run as a held-out check ------------
    ("skill", "Complete the Kotlin Koans exercises by January 10", "y y ? ? y", "2027-01-10"),
    ("skill", "Become fluent in German within two years", "y y ? ? y", "2028-11-25"),
    ("skill", "Get good at SQL", "n n ? ? n", None),
    ("skill", "Record and review one practice pitch every Friday until the end of February", "y y ? ? y", "2027-02-28"),
    ("skill", "Write better emails", "n n ? ? n", None),
    ("performance", "Reduce my bug backlog from 40 to 10 tickets by the end of Q1", "y y ? ? y", "2027-03-31"),
    ("performance", "Deliver every sprint commitment on time for the next two quarters", "y y ? ? y", "2027-06-30"),
    ("performance", "Be the best analyst on the team", "n n ? ? n", None),
    ("performance", "Automate the weekly payroll export in 3 weeks", "y y ? ? y", "2026-12-16"),
    ("performance", "Grow revenue from my accounts by 20% in 2027", "y y ? ? y", "2027-12-31"),
    ("leadership", "Run my first workshop for new managers by the end of March", "y y ? ? y", "2027-03-31"),
    ("leadership", "Step up as a leader", "n n ? ? n", None),
    ("leadership", "Hire and onboard two data engineers this quarter", "y y ? ? y", "2026-12-31"),
    ("leadership", "Become head of people analytics within five years", "y y ? ? y", "2031-11-25"),
    ("leadership", "Lead more meetings", "n n ? ? n", None),
    ("education", "Finish reading Thinking, Fast and Slow by Christmas", "y y ? ? y", "2026-12-25"),
    ("education", "Take an evening course in statistics next semester", "y y ? ? ?", None),
    ("education", "Complete 30 LeetCode problems in 6 weeks", "y y ? ? y", "2027-01-06"),
    ("education", "Learn more", "n n ? ? n", None),
    ("education", "Graduate with my master's in June 2028", "y y ? ? y", "2028-06-30"),
    ("certification", "Pass the Google Cloud Associate exam on the first try by April 30", "y y ? ? y", "2027-04-30"),
    ("certification", "Get the ITIL Foundation certificate in Q1 2027", "y y ? ? y", "2027-03-31"),
    ("certification", "Obtain two Salesforce certifications before the end of the year", "y y ? ? y", "2026-12-31"),
    ("certification", "Be certified", "n n ? ? n", None),
    ("certification", "Study 6 hours a week for the CISSP exam until summer", "y y ? ? y", "2027-06-01"),  # until it starts
    ("networking", "Have coffee with one person from another department every two weeks", "y y ? ? n", None),
    ("networking", "Meet more people in tech", "n n ? ? n", None),
    ("networking", "Post one article on LinkedIn every month to build my profile for a move into product management", "y y ? y n", None),
    ("networking", "Volunteer at two community tech events by the end of spring", "y y ? ? y", "2027-05-31"),
    ("networking", "Find a mentor in data science within 60 days", "y y ? ? y", "2027-01-24"),
    ("work-life balance", "Switch off work notifications after 7pm every weekday", "y y ? ? n", None),
    ("work-life balance", "Be healthier", "n n ? ? n", None),
    ("work-life balance", "Take a two-week holiday in August", "y y ? ? y", "2027-08-31"),
    ("work-life balance", "Cycle to work three days a week from March", "y y ? ? n", None),
    ("work-life balance", "Spend more time with family", "n n ? ? n", None),
    ("financial", "Save 15% of my salary every month for the next 12 months", "y y ? ? y", "2027-11-25"),
    ("financial", "Pay off my student loan of $12,000 by 2029", "y y ? ? y", "2029-12-31"),
    ("financial", "Make more money", "n n ? ? n", None),
    ("financial", "Ask for a 10% raise at my annual review", "y y ? ? ?", None),
    ("financial", "Open a retirement account this month", "y y ? ? y", "2026-11-30"),
]


def verdict_letters(text: str, today: date = TODAY, fields: GoalFields | None = None) -> str:
    report = smart_report(text, today, fields=fields)
    return " ".join(LETTERS[verdict.ok] for _, verdict in report.criteria)


def test_the_table_is_big_enough_and_covers_every_category() -> None:
    assert len(TABLE) >= 100
    assert len({sentence for _, sentence, _, _ in TABLE}) == len(TABLE)
    per_category = Counter(category for category, _, _, _ in TABLE)
    assert set(per_category) == set(CATEGORIES)
    assert min(per_category.values()) >= 10


@pytest.mark.parametrize(("category", "sentence", "expected", "deadline"), TABLE, ids=[row[1][:48] for row in TABLE])
def test_goal_sentence(category: str, sentence: str, expected: str, deadline: str | None) -> None:
    report = smart_report(sentence, TODAY)
    assert (verdict_letters(sentence), report.deadline.isoformat() if report.deadline else None) == (expected, deadline)


def test_accuracy_over_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    """The same table, as the numbers a release note quotes (run with -s to see them)."""
    rows = criteria = deadlines = 0
    for _, sentence, expected, deadline in TABLE:
        report = smart_report(sentence, TODAY)
        got = verdict_letters(sentence)
        found = report.deadline.isoformat() if report.deadline else None
        rows += got == expected and found == deadline
        criteria += sum(a == b for a, b in zip(got.split(), expected.split(), strict=True))
        deadlines += found == deadline
    with capsys.disabled():
        print(f"\nSMART table: {rows}/{len(TABLE)} sentences exactly right, {criteria}/{5 * len(TABLE)} verdicts, "
              f"{deadlines}/{len(TABLE)} deadlines")  # fmt: skip
    assert rows == len(TABLE)


# -- the issue's own examples -----------------------------------------------------------------

NOT_SMART = ["I want to be successful", "I want to grow in my career", "I'll learn coding soon", "Network more",
             "Improve networking skills"]  # fmt: skip


@pytest.mark.parametrize("sentence", NOT_SMART)
def test_vague_goals_are_not_specific_measurable_or_time_bound(sentence: str) -> None:
    report = smart_report(sentence, TODAY)
    assert report.specific.ok is not True
    assert report.measurable.ok is False and report.time_bound.ok is False
    assert report.suggestions and any("number" in s for s in report.suggestions)


def test_suggestions_are_concrete() -> None:
    report = smart_report("Network more", TODAY)
    assert "Add a number (how many, how much?) or a result you can tick off" in report.suggestions
    assert any(s.startswith("Pick a date to aim for:") for s in report.suggestions)
    assert "'more' is vague" in report.specific.why
    assert smart_report("I'll learn coding soon", TODAY).time_bound.why == "'soon' is not a date"
    assert "says how often, not until when" in smart_report("Attend two HR industry events per month", TODAY).time_bound.why


# -- metrics ----------------------------------------------------------------------------------

METRICS = [
    ("Complete five client reports per week", "5 client reports per week"),
    ("Increase my sales by 15% by next June", "15%"),
    ("Attend two HR industry events per month", "2 HR industry events per month"),
    ("Read 12 books in 2027", "12 books"),
    ("Save $5,000 by December 2027", "$5,000"),
    ("Negotiate a 5k raise at my next review", "$5,000"),
    ("Cut the dashboard refresh from 6 hours to 2 hours by the end of Q1", "from 6 to 2 hours"),
    ("Hit 10,000 steps a day", "10000 steps per day"),
    ("Go to the gym three times a week until the end of March", "3 times per week"),
    ("Learn Spanish to B2 level by next June", "level: B2"),
    ("Meet a new person in my field for coffee every week", "a habit, every week"),
    ("Have coffee with someone new every two weeks", "a habit, every two weeks"),
]


@pytest.mark.parametrize(("sentence", "described"), METRICS)
def test_metric(sentence: str, described: str) -> None:
    metric = smart_report(sentence, TODAY).metric
    assert metric is not None and metric.describe() == described


@pytest.mark.parametrize(
    "sentence",
    [
        "Get promoted to senior analyst",  # no number at all
        "Take a walk at 6pm",  # a time of day
        "Upgrade the team to Python 3",  # a version
        "Attend the 2027 HR Tech conference",  # a year in a name
        "Finish the thesis within the next 6 months",  # the number is the deadline's
        "Send follow-up emails within a week of meeting new contacts",  # an event's window
    ],
)
def test_numbers_that_are_not_a_measure(sentence: str) -> None:
    assert extract_metric(sentence, skip=[]) is None or smart_report(sentence, TODAY).metric is None


def test_a_metric_keeps_its_place_in_the_sentence() -> None:
    metric = extract_metric("Complete five client reports per week")
    assert metric is not None
    assert (metric.amount, metric.unit, metric.rate, metric.kind) == (5, "client reports", "week", "count")
    assert "Complete five client reports per week"[metric.start : metric.end] == "five client reports per week"


# -- Achievable and Relevant from the structured fields ---------------------------------------

GOAL = "Connect with five HR leaders over the next quarter"


def test_fields_settle_achievable_and_relevant() -> None:
    assert verdict_letters(GOAL) == "y y ? ? y"
    # An empty form says no more than the sentence: the same verdicts as `goaljournal smart`.
    assert verdict_letters(GOAL, fields=GoalFields()) == "y y ? ? y"
    full = GoalFields(confidence=4, why="grow my network outside the company", active_goals=2)
    report = smart_report(GOAL, TODAY, fields=full)
    assert report.is_smart
    assert report.achievable.why == "confidence 4/5, 2 other active goals"
    assert report.relevant.why == "why: grow my network outside the company"


@pytest.mark.parametrize(
    ("fields", "ok", "why"),
    [
        (GoalFields(confidence=2), False, "you rate your confidence 2/5"),
        (GoalFields(confidence=5, active_goals=5), False, "5 active goals already compete for your time"),
        (GoalFields(confidence=3, active_goals=4), True, "confidence 3/5, 4 other active goals"),
        (GoalFields(), None, "not rated yet: how sure are you? (1–5)"),
        (GoalFields(confidence=5, target=40, unit="books", deadline=date(2026, 12, 25)), False, "40 books in 30 days is a lot"),
        (GoalFields(confidence=5, target=4, unit="books", deadline=date(2026, 12, 25)), True, "confidence 5/5"),
    ],
)
def test_achievable(fields: GoalFields, ok: bool | None, why: str) -> None:
    verdict = smart_report("Read the books on my list", TODAY, fields=fields).achievable
    assert (verdict.ok, verdict.why) == (ok, why)
    assert verdict.ok is True or verdict.suggestion


def test_a_deadline_too_near_for_the_target_is_not_achievable() -> None:
    assert smart_report("Earn an MBA within a month", TODAY).achievable.why == "30 days is very little time for a degree"
    assert smart_report("Read 20 books by next week", TODAY).achievable.why == "20 books in 11 days is a lot"
    assert smart_report("Read 20 books in 2027", TODAY).achievable.ok is None


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        (GoalFields(why="the senior role needs it"), "why: the senior role needs it"),
        (GoalFields(assessment_item="weakness: Presenting to senior leaders"), "answers an assessment item: weakness: Presenting to senior leaders"),
        (GoalFields(parent_title="Become a senior analytics lead"), "a step towards: Become a senior analytics lead"),
    ],
)
def test_relevant_from_a_why_an_assessment_item_or_a_parent_goal(fields: GoalFields, why: str) -> None:
    verdict = smart_report(GOAL, TODAY, fields=fields).relevant
    assert (verdict.ok, verdict.why) == (True, why)


def test_the_fields_win_over_the_sentence() -> None:
    fields = GoalFields(target=8, unit="people", deadline=date(2027, 6, 30), deadline_phrase="end of Q2")
    report = smart_report(GOAL, TODAY, fields=fields)
    assert report.deadline == date(2027, 6, 30)
    assert report.measurable.why == "target 8 people"
    assert report.time_bound.why.startswith("'end of Q2' → Wed 30 Jun 2027")
    past = smart_report(GOAL, TODAY, fields=GoalFields(deadline=date(2026, 11, 1)))
    assert (past.time_bound.ok, past.time_bound.why) == (False, "the deadline 01 Nov 2026 has passed")


def test_an_empty_goal() -> None:
    report = smart_report("   ", TODAY)
    assert report.specific.ok is False and report.met == 0


def test_the_help_examples_say_what_the_coach_says() -> None:
    from goaljournal.ui.help import SMART_GUIDE

    rows = [line for line in SMART_GUIDE.splitlines() if line.startswith("| ") and not line.startswith("| Not yet")]
    assert len(rows) >= 5
    for row in rows:
        vague, _, good = (cell.strip() for cell in row.strip("|").split("|"))
        assert not smart_report(vague, TODAY).met >= 3 or smart_report(vague, TODAY).time_bound.ok is False, vague
        report = smart_report(good, TODAY)
        assert (report.specific.ok, report.measurable.ok, report.time_bound.ok) == (True, True, True), good


# -- the command line (DESIGN §5) -------------------------------------------------------------


def test_smart_json_is_the_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "never.db"), "smart", GOAL, "--today", "2026-11-25", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == [
        "text", "today", "deadline", "specific", "measurable", "achievable", "relevant", "time_bound", "suggestions", "metric"
    ]  # fmt: skip
    assert (data["text"], data["today"], data["deadline"]) == (GOAL, "2026-11-25", "2027-03-31")
    for name in ("specific", "measurable", "achievable", "relevant", "time_bound"):
        assert set(data[name]) == {"ok", "why"} and isinstance(data[name]["why"], str)
    assert [data[name]["ok"] for name in ("specific", "measurable", "achievable", "relevant", "time_bound")] == [True, True, None, None, True]
    assert all(isinstance(s, str) for s in data["suggestions"])
    assert not (tmp_path / "never.db").exists()  # the analysis reads no journal, and makes none


def test_smart_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "smart", "I want to be successful", "--today", "2026-11-25")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "I want to be successful"
    assert lines[1].startswith("  ✗ Specific")
    assert "verdict: 0 of 5 met, not yet SMART" in out
    assert "  - Add a number (how many, how much?) or a result you can tick off" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [(["smart", "x", "--today", "25/11/2026"], "--today must be a date"), (["smart", "  "], "empty")],
)
def test_smart_user_errors(capsys: pytest.CaptureFixture[str], args: list[str], says: str) -> None:
    code, out, err = run_cli(capsys, *args)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("goaljournal: ") and says in err


def test_goal_add_reads_deadline_phrases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "journal.db")
    # Phrases whose date does not depend on the day the test runs.
    code, out, err = run_cli(capsys, "--db", db, "goal", "add", "Publish a paper", "--deadline", "end of Q3 2031", "--json")
    assert code == 0 and json.loads(out)["deadline"] == "2031-09-30"
    code, out, err = run_cli(capsys, "--db", db, "goal", "add", "Read 12 books in 2031")
    assert code == 0 and out == "added goal 2: Read 12 books in 2031 · deadline 2031-12-31 (from 'in 2031')\n"
    assert err == ""  # S, M and T are met: no note
    code, out, err = run_cli(capsys, "--db", db, "goal", "add", "Network more")
    assert code == 0 and err == "note: goal 3 is not yet SMART (specific, measurable, time-bound); `goaljournal smart TEXT` says why\n"
    code, out, err = run_cli(capsys, "--db", db, "goal", "add", "Read", "--deadline", "when pigs fly")
    assert (code, out) == (1, "") and "deadline: 'when pigs fly' is not a date" in err
    code, out, _ = run_cli(capsys, "--db", db, "goals", "--json")
    assert [goal["title"] for goal in json.loads(out)] == ["Publish a paper", "Read 12 books in 2031", "Network more"]
