"""Deadline phrases in goal sentences (goaljournal.core.deadlines), always with an explicit today."""

from __future__ import annotations

from datetime import date

import pytest

from goaljournal.core.deadlines import deadline_from, deadline_from_field, event_time, find_deadline, number_value, vague_time

TODAY = date(2026, 11, 25)  # a Wednesday in the fourth quarter, in autumn

PHRASES = [
    # within / in / over N units: today + N
    ("Improve my presentation skills within three months", "2027-02-25"),
    ("Finish an online course in two months", "2027-01-25"),
    ("Earn the PMP within the next 6 months", "2027-05-25"),
    ("Attain a managerial position within the next two years", "2028-11-25"),
    ("Launch the newsletter in a fortnight", "2026-12-09"),
    ("Meet two mentors within a couple of months", "2027-01-25"),
    ("Learn the basics in a few weeks", "2026-12-16"),
    ("Practise daily for the next 30 days", "2026-12-25"),
    ("Ship it in 90 days", "2027-02-23"),
    ("Get fit within twenty-one days", "2026-12-16"),
    ("Write the book over the next year", "2027-11-25"),
    ("Build the business within a decade", "2036-11-25"),
    ("Finish it in half a year", "2027-05-25"),
    ("Publish three months from now", "2027-02-25"),
    ("Run 3 times a week for 2 months", "2027-01-25"),
    # the units as people shorten them
    ("Improve my PowerPoint skills in 6 wks", "2027-01-06"),
    ("Brush up on my SQL w/in a month", "2026-12-25"),
    ("Become fluent in German w/in 3 mos", "2027-02-25"),
    ("Get my error rate under 1% in 2 mos", "2027-01-25"),
    ("Become an engineering manager w/in 2 yrs", "2028-11-25"),
    ("Ship the beta in 1 wk", "2026-12-02"),
    ("Close the books within 1 mo", "2026-12-25"),
    ("Hire a lead in 2 qtrs", "2027-06-30"),
    ("Pay off the loan in 18 mths", "2028-05-25"),
    ("Finish the course in 6wks", "2027-01-06"),
    ("Send my manager the Q1 hiring plan within 48 hrs", "2026-11-27"),
    ("Pay off my car loan by EOQ", "2026-12-31"),
    ("Close the books by month-end", "2026-11-30"),
    ("Ship the fix by EOM", "2026-11-30"),
    ("Finish the draft by the end of the wk", "2026-11-29"),
    ("Renew the badge before March", "2027-02-28"),  # counted back, as "before 2028" is
    ("Hire two data engineers before Q2", "2027-03-31"),
    ("Submit the report by 15/01", "2027-01-15"),
    ("Pass the exam by 31/03/2027", "2027-03-31"),
    ("Ship the release on 12/15", "2026-12-15"),  # month first: 15 is no month
    ("Hand in the budget forecast on the 15th", "2026-12-15"),
    ("Cut my hours from 55 to 45 by mid-March", "2027-03-15"),
    ("Finish the module by early February", "2027-02-10"),
    ("Cut resolution time from 3 days to under 1 day by end of next month", "2026-12-31"),
    # quarters
    ("Connect with five HR leaders over the next quarter", "2027-03-31"),
    ("Close ten deals this quarter", "2026-12-31"),
    ("Close ten deals by the end of the quarter", "2026-12-31"),
    ("Give three talks by the end of Q2", "2027-06-30"),
    ("Give three talks in Q4", "2026-12-31"),  # the current Q4 is not yet past
    ("Get certified by Q1 2027", "2027-03-31"),
    ("Get certified by Q3 of next year", "2027-09-30"),
    ("Get certified in Q2 '28", "2028-06-30"),
    ("Hire two engineers by the end of the third quarter", "2027-09-30"),
    ("Read a paper a week over the next two quarters", "2027-06-30"),
    # the year
    ("Secure a mentorship by year's end", "2026-12-31"),
    ("Secure a mentorship by year’s end", "2026-12-31"),  # a typographic apostrophe
    ("Secure a mentorship by the end of the year", "2026-12-31"),
    ("Secure a mentorship by the end of next year", "2027-12-31"),
    ("Secure a mentorship before year-end", "2026-12-31"),
    ("Read 12 books in 2027", "2027-12-31"),
    ("Become a director by 2030", "2030-12-31"),
    ("Finish the degree before 2028", "2027-12-31"),
    ("Finish the degree by the end of 2028", "2028-12-31"),
    ("Publish a paper in the first half of 2027", "2027-06-30"),
    ("Publish a paper in the second half of the year", "2026-12-31"),
    ("Publish a paper by mid-2027", "2027-06-30"),
    ("Publish a paper in H1 2027", "2027-06-30"),
    # months and days
    ("Pass the exam by March 31", "2027-03-31"),
    ("Pass the exam by Mar 31st", "2027-03-31"),
    ("Pass the exam by 31 March", "2027-03-31"),
    ("Pass the exam by the 15th of January", "2027-01-15"),
    ("Join the chapter by December 15", "2026-12-15"),
    ("Submit it by November 30", "2026-11-30"),
    ("Submit it by November 25", "2026-11-25"),  # today is not past
    ("Submit it by November 24", "2027-11-24"),  # yesterday: next year's
    ("Save $5,000 by December 2027", "2027-12-31"),
    ("Start the course by the end of March 2027", "2027-03-31"),
    ("Pass the exam on June 5, 2027", "2027-06-05"),
    ("Run a 5k by June", "2027-06-30"),
    ("Increase sales by 15% by next June", "2027-06-30"),
    ("Finish by the end of January", "2027-01-31"),
    ("Finish by November", "2026-11-30"),
    ("Finish by next November", "2027-11-30"),
    ("Finish by 2027-02-14", "2027-02-14"),
    # seasons (northern hemisphere, meteorological)
    ("Get fit by summer", "2027-06-01"),
    ("Ship the beta this summer", "2027-08-31"),
    ("Ship the beta by the end of summer", "2027-08-31"),
    ("Ship the beta this autumn", "2026-11-30"),
    ("Ship the beta this fall", "2026-11-30"),
    ("Finish the draft over the winter", "2027-02-28"),
    ("Launch by spring", "2027-03-01"),
    ("Launch by next spring", "2027-03-01"),
    ("Launch in spring 2028", "2028-05-31"),
    # calendar periods, weekdays, named days
    ("Finish the report this month", "2026-11-30"),
    ("Finish the report next month", "2026-12-31"),
    ("Finish the report by the end of this week", "2026-11-29"),
    ("Finish the report next week", "2026-12-06"),
    ("Finish the report by Friday", "2026-11-27"),
    ("Finish the report by next Wednesday", "2026-12-02"),
    ("Finish the report by tomorrow", "2026-11-26"),
    ("Finish the report by Christmas", "2026-12-25"),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[text for text, _ in PHRASES])
def test_phrase(text: str, expected: str) -> None:
    assert deadline_from(text, TODAY) == date.fromisoformat(expected)


NOT_DEADLINES = [
    "Run a 5k",
    "Save $5,000",
    "Take a 20-minute walk every day",
    "Increase sales by 15%",
    "Leave the office at 6pm",
    "Leave the office by 6 pm four days a week",
    "Get promoted to senior analyst",
    "Read 12 books",
    "Complete five client reports per week",
    "Attend two HR industry events per month",
    "Send follow-up emails within a week of meeting new contacts",
    "Work in 2-week sprints",
    "Hit 2027 steps on the first day",  # a number that looks like a year
    "Host Q&A sessions twice a month",
    "I may finish the course one day",  # "may" is a verb here, "one day" no date
    "Don't fall behind on email",  # "fall" is no season here
    "Learn coding soon",
    "Grow the team within weeks",  # no number: vague
    "Grow the team in the coming months",
    "Write the post-mortem for the Q3 outage",  # a quarter that names a thing
    "Prepare for my mid-year review",
    "Apply to the summer school",
    "Make fewer mistakes in the month-end reconciliations",
    "Raise my score to 4.5/5",
    "Be available 24/7",
    "Become a director by age 40",
    "Study every day for the exam",
    "Run a monthly retrospective starting in January",  # when it starts, not when it is due
    "Get a 4.5 rating in my annual review",
    "Upgrade to Python 3.12",
    "Cut lead time from 6 to 2 days",
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_numbers_and_words_that_are_not_deadlines(text: str) -> None:
    assert deadline_from(text, TODAY) is None


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2027, 5, 10), "Give a talk by the end of Q2", "2027-06-30"),  # in Q2 now
        (date(2027, 7, 1), "Give a talk by the end of Q2", "2028-06-30"),  # Q2 is past
        (date(2027, 3, 31), "Close the deals this quarter", "2027-03-31"),  # the quarter's last day
        (date(2027, 3, 31), "Close the deals next quarter", "2027-06-30"),
        (date(2027, 6, 10), "Finish by June", "2027-06-30"),
        (date(2027, 6, 10), "Finish by next June", "2028-06-30"),
        (date(2027, 3, 10), "Finish by next June", "2027-06-30"),
        (date(2027, 7, 15), "Get fit by summer", "2028-06-01"),  # summer has begun: the next one
        (date(2027, 7, 15), "Ship this summer", "2027-08-31"),
        (date(2027, 1, 10), "Ship this winter", "2027-02-28"),
        (date(2026, 1, 31), "Renew it within a month", "2026-02-28"),  # month ends are clamped
        (date(2027, 3, 1), "Submit it by Feb 29", "2028-02-29"),  # the next leap day
        (date(2027, 12, 30), "Wrap up by year's end", "2027-12-31"),
    ],
)
def test_phrases_are_relative_to_the_given_today(today: date, text: str, expected: str) -> None:
    assert deadline_from(text, today) == date.fromisoformat(expected)


def test_a_lead_word_is_a_whole_word() -> None:
    found = find_deadline("Post twice on LinkedIn this month", TODAY)
    assert found is not None and found.phrase == "this month"


def test_the_match_says_where_the_phrase_is() -> None:
    text = "Connect with five HR leaders over the next quarter, then rest"
    found = find_deadline(text, TODAY)
    assert found is not None
    assert (found.phrase, found.rule, found.day) == ("over the next quarter", "next quarter", date(2027, 3, 31))
    assert text[found.start : found.end] == "over the next quarter"


def test_an_explicit_date_outranks_a_relative_one() -> None:
    found = find_deadline("Finish the course in two months, by March 31", TODAY)
    assert found is not None and (found.day, found.phrase) == (date(2027, 3, 31), "by March 31")


def test_impossible_dates_are_not_deadlines() -> None:
    assert deadline_from("Finish by 2027-02-30", TODAY) is None
    assert deadline_from("Finish by February 30", TODAY) is None


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("2027-03-31", "2027-03-31"),
        ("March 31", "2027-03-31"),
        ("end of Q2", "2027-06-30"),
        ("over the next quarter", "2027-03-31"),
        ("3 months", "2027-02-25"),
        ("2027", "2027-12-31"),
        ("next June", "2027-06-30"),
        ("  Dec   15 ", "2026-12-15"),
        ("year's end", "2026-12-31"),
    ],
)
def test_a_deadline_field_reads_a_date_or_a_phrase(field: str, expected: str) -> None:
    found = deadline_from_field(field, TODAY)
    assert found is not None and found.day == date.fromisoformat(expected)


@pytest.mark.parametrize("field", ["", "   ", "blue moon", "blue moon 2027", "soon", "5k", "2027-13-01", "$5,000"])
def test_a_deadline_field_that_names_no_date(field: str) -> None:
    assert deadline_from_field(field, TODAY) is None


def test_time_words_that_name_no_date() -> None:
    assert vague_time("I'll learn coding soon") == "soon"
    assert vague_time("Write a book someday") == "someday"
    assert vague_time("Grow the team in the coming months") == "in the coming months"
    assert vague_time("Read 12 books in 2027") is None
    assert event_time("Send follow-up emails within a week of meeting new contacts") == "within a week of meeting new contacts"
    assert event_time("Ask for a raise at my annual review") == "at my annual review"
    assert event_time("Be a director by age 40") == "by age 40"
    assert event_time("Reply to every lead w/in 2 hrs of the call") == "w/in 2 hrs of the call"
    assert event_time("Introduce myself to the VP of Sales at the next all-hands") == "at the next all-hands"
    assert event_time("Renew my nursing license before it expires") == "before it expires"
    assert event_time("Brush up on my CPR skills before my recertification") == "before my recertification"
    assert event_time("Get my portfolio ready before my contract ends") == "before my contract ends"
    assert event_time("Train a backup when Maria goes on maternity leave") == "when Maria goes on maternity leave"
    assert event_time("Run the sprint retro the sprint after next") is None


@pytest.mark.parametrize(
    ("words", "value"),
    [("five", 5), ("twenty-four", 24), ("a couple of", 2), ("a few", 3), ("1,000", 1000), ("2.5", 2.5), ("a dozen", 12), ("lots", None)],
)
def test_number_words(words: str, value: float | None) -> None:
    assert number_value(words) == value


def test_a_year_that_is_over_is_never_a_deadline_but_the_coach_says_it_passed() -> None:
    """Issue 10: the extractor and the SMART analysis never return a past deadline."""
    from goaljournal.core.smart import smart_report

    assert deadline_from("Read 12 books in 2025", TODAY) is None
    assert deadline_from("Read 12 books by 2026-06-30", TODAY) is None
    report = smart_report("Read 12 books by 2026-06-30", TODAY)
    assert report.as_json()["deadline"] is None
    assert report.time_bound.ok is False and "has passed" in report.time_bound.why
