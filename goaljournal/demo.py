"""A year of realistic sample data for ``goaljournal --demo``.

The journal belongs to an HR / people analyst working toward a senior people analytics role: a
long-term career goal with short-term stepping stones (the PMP, presenting to leadership), a
networking push, an automation win, a course running late, a paused work-life goal and one vague
draft; milestones, check-ins, revisions, two completed self-assessments, a few hundred
reflections, and a people log: a mentor, a manager, a mentee, peers and a dozen contacts, whose
conversations fill the two networking goals.

Everything is deterministic: a fixed random seed, and every date is computed from ``today`` (the
real clock is never read here). All writes go through the public methods of
:class:`~goaljournal.store.journal.Store`, inside one transaction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from goaljournal.core.dates import format_moment
from goaljournal.core.on_this_day import same_days
from goaljournal.core.progress import streak
from goaljournal.store.journal import Store

SEED = 20_261_125
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _day_text(day: date) -> str:
    """``24 May 2027``, without depending on the process locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _month_text(day: date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class _Window:
    """The days on which a goal is being worked on (inclusive)."""

    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


# -- text pools -------------------------------------------------------------------------------

STUDY_TOPICS = (
    "risk management", "stakeholder engagement", "earned value", "the agile chapters",
    "procurement", "schedule management", "scope management", "quality management",
    "resource management", "integration management", "the situational questions",
)  # fmt: skip
STUDY_SPANS = ("45 minutes", "an hour", "90 minutes", "two hours", "half an hour before work")
CONTACTS = (
    "Omar from finance", "a recruiter from our agency", "a former colleague who moved to a hospital network",
    "two people from the payroll team", "the new HRBP for operations", "a data engineer from IT",
    "an old classmate who now works in compensation",
)  # fmt: skip
EVENTS = (
    "regional SHRM chapter breakfast", "People Analytics meetup", "HR Tech webinar",
    "chamber of commerce mixer", "CIPD branch evening", "workforce planning roundtable",
)  # fmt: skip
TALK_TOPICS = (
    "how they run engagement surveys", "moving from HRBP work into analytics",
    "skills-based hiring", "retention analytics", "building a small HR data team",
    "pay transparency rules", "getting managers to use dashboards", "hybrid work policies",
)  # fmt: skip
PRIYA_ADVICE = (
    "pick one message per slide", "ask for the stretch project instead of waiting to be offered it",
    "write down three wins every Friday", "say the recommendation first, then the evidence",
    "treat networking as giving, not asking", "find a sponsor, not just a mentor",
    "prepare the three hardest questions before every review", "keep a brag document for my review",
)  # fmt: skip
DECKS = ("attrition", "engagement survey", "pay equity", "hiring funnel", "workforce plan", "absence trends")
ANALYSES = (
    "a logistic regression on 90-day attrition", "a hiring-funnel conversion chart",
    "a span-of-control breakdown by department", "a cohort view of new-hire retention",
    "an overtime heatmap by site", "a pay-gap analysis by job level",
    "a sickness-absence trend by team", "a time-to-fill report by recruiter",
)  # fmt: skip
SYSTEMS = ("the HRIS export", "the payroll file", "the ATS data", "the survey platform export", "the learning system")
ISSUES = (
    "duplicate employee IDs after the merger", "contractors counted as headcount",
    "leave dates in two formats", "blank cost centres for 40 people",
    "terminations back-dated by a month", "managers listed as their own manager",
)  # fmt: skip
EXCEL_TASKS = (
    "replaced a VLOOKUP chain with XLOOKUP", "moved the payroll pull into Power Query",
    "built a pivot-based headcount bridge", "added data validation to the request form",
    "cleaned up the named ranges in the forecast model", "wrote a small macro that exports the PDF pack",
    "turned the turnover tab into a proper table with slicers",
)  # fmt: skip
PEOPLE = ("Daniel", "Lena", "Jordan", "Priya", "Omar", "Sam", "the CHRO")
FEEDBACK_SAID = (
    "my charts are clearer since I dropped the 3D effects", "I should send the pre-read a day earlier",
    "I talk too fast when I get a hard question", "the attrition model was the most useful thing HR shipped this quarter",
    "I should put the recommendation at the top of the email", "I could push back more on scope",
    "my summary was the first one the ops directors actually read", "I over-explain the method",
    "the new dashboard saves the HRBPs an hour every Monday",
)  # fmt: skip
LESSONS = (
    "Check the denominator before anyone else does.", "A number without a decision attached is just trivia.",
    "Book the room and the rehearsal at the same time.", "Ask what decision the report is for before building it.",
    "Saying 'let me check and come back to you' is fine.", "Small weekly study beats a big Sunday cram.",
    "Follow up within 48 hours or the contact goes cold.",
    "If I cannot explain the chart in one sentence, it is the wrong chart.",
    "Reconcile headcount against payroll before publishing anything.",
    "Agree the definitions with HR business partners first; the maths is the easy part.",
)  # fmt: skip
NOTES = (
    "Renew the SHRM membership before the end of the month.", "Ask IT for read access to the ATS tables.",
    "Send Jordan the cleaned turnover file.", "Update the data dictionary for the new cost centres.",
    "Look up the CIPD people analytics course dates.", "Book a 1:1 with Daniel about the development plan.",
    "Archive last year's survey exports.", "Draft questions for the skip-level meeting.",
)  # fmt: skip
WELLBEING = (
    "Left at 5:40 today and went for a run.", "Worked until 8 pm again for the board pack; need to protect evenings.",
    "No-meeting Friday afternoon actually worked this week.", "Took a proper lunch break away from the desk three days in a row.",
    "Answered email on Sunday. Not again.", "Slept badly before the review; energy low all day.",
    "Walked to work twice this week; clearer head in the mornings.",
)  # fmt: skip
LEADERSHIP = (
    "Ran the team stand-up while Daniel was out and kept it to 15 minutes.",
    "Walked Aisha through building her first pivot table.",
    "Helped Tom scope his first analysis request; he presented it himself.",
    "Covered the HR leadership meeting and took the actions.",
    "Gave Aisha feedback on her survey summary: strong data, buried conclusion.",
    "Chaired the data governance call for the first time.",
)  # fmt: skip
POLICIES = ("flexible working", "parental leave", "remote work", "overtime", "performance review", "recruitment")
DEPARTMENTS = ("finance", "operations", "customer service", "warehouse", "sales")
REFLECTIONS = (
    "Quiet day of data cleaning. Not exciting, but the numbers are finally right. @analytics",
    "I keep saying yes to ad-hoc requests. Need a simple intake form. @career",
    "Good week overall; the hard part was saying no to two meetings. @wellbeing",
    "Realised I prefer building the model to presenting it. That is exactly why I should present more. @presenting",
    "Thinking about what a senior role actually needs: judgement, influence, and fewer spreadsheets. @career",
    "Read a chapter of Work Rules! on the train. The section on structured interviews is useful for the hiring data. @learning",
    "Listened to an HR analytics podcast on the commute: predictive models are only as good as the exit survey data. @learning",
    "The reorg makes everyone nervous; my job this week was to keep the headcount numbers boring and correct. @hr",
)  # fmt: skip

CHECKIN_NOTES = {
    "pmp": ("Two chapters done", "Practice questions on risk", "Flashcards on the bus", "Slow week, reorg",
            "Mock exam review", "Agile section finished", "Study group on Thursday"),
    "network": ("Emailed two chapter members", "Priya sent an intro", "Coffee booked for next week",
                "No reply yet", "Chapter breakfast: nobody senior there"),
    "present": ("Deck drafted", "Rehearsed with Lena", "Slot confirmed with the CHRO's office", "Asked for feedback on the last one"),
    "course": ("Module done", "Behind: reorg week", "Quiz passed", "Caught up a little"),
    "career": ("Talked promotion criteria with Daniel", "Led the pay equity review", "Still missing: team lead experience"),
    "dashboard": ("Power Query pulls working", "Data model replaces lookups", "Refresh timed at the month end",
                  "Sam ran it alone"),
    "balance": ("Two late nights for the board pack", "Good week", "Month end, no chance", "Friday afternoons protected"),
}  # fmt: skip


_Made = tuple[str, str, tuple[str, ...]]  # kind, text, goal keys
_Maker = Callable[[date], _Made]


class _DemoBuilder:
    def __init__(self, store: Store, today: date) -> None:
        self.store = store
        self.today = today
        self.rng = random.Random(SEED)
        self.goal: dict[str, int] = {}
        self.window: dict[str, _Window] = {}
        self.used_texts: set[str] = set()

    # helpers ------------------------------------------------------------------------------

    def d(self, offset: int) -> date:
        """The day ``offset`` days from today (negative: in the past)."""
        return self.today + timedelta(days=offset)

    def moment(self, day: date, *, earliest: int = 7 * 60 + 15, latest: int = 22 * 60) -> datetime:
        minutes = self.rng.randint(earliest, latest)
        return datetime.combine(day, time(minutes // 60, minutes % 60, self.rng.randint(0, 59)))

    def pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(seq)

    # building blocks ------------------------------------------------------------------------

    def run(self) -> None:
        with self.store.transaction():
            first, second = self.assessments()
            self.goals(first, second)
            self.milestones()
            self.checkins()
            self.people_log()  # before the entries: the streak one of them quotes counts its check-ins
            self.day_scores()  # before the reviews: a finished review keeps its period's moods
            self.story_entries()
            self.filler_entries()
            self.revisions()
            self.reviews()
            self.on_this_day()
            self.writing_aids()

    def assessments(self) -> tuple[dict[str, int], dict[str, int]]:
        """Two completed sessions, 120 days apart; returns the ids of the weaknesses by key."""
        s = self.store
        skills = [
            "Presentation skills", "Excel and dashboards", "Stakeholder management", "People analytics",
            "Negotiation", "Public speaking", "Project management", "Time management",
        ]  # fmt: skip
        skill_ids = {name: s.skill_id(name) for name in skills}

        first_day = self.d(-200)
        a1 = s.add_assessment(first_day)
        items1: dict[str, int] = {}
        add = s.add_assessment_item
        add(a1, "strength", "Turning messy HR data into clear numbers",
            evidence="Built the attrition dataset from three HRIS exports; finance now reuses it")
        add(a1, "strength", "Trusted by the HR business partners",
            evidence="Jordan and two other HRBPs bring me their questions before anyone else")
        add(a1, "strength", "Excel modelling",
            evidence="Headcount forecast landed within 2% of actuals for the first quarter")
        items1["presenting"] = add(
            a1, "weakness", "Presenting to senior audiences",
            evidence="Froze when the CFO asked about sample size in the spring review",
            cost="Others present my findings, and my name is not attached to the work")
        add(a1, "weakness", "Saying no to ad-hoc requests",
            evidence="Took 14 ad-hoc report requests last month and missed the dashboard date twice",
            cost="Evenings, and the strategic projects that would get me promoted")
        add(a1, "weakness", "Negotiating timelines",
            evidence="Accepted a two-day turnaround on the pay equity extract without asking why",
            cost="A rushed result with a filter error that I had to correct in public")
        add(a1, "success", "Delivered the engagement survey analysis two weeks early",
            learned="Agreeing the questions with Jordan up front removed most of the rework")
        add(a1, "success", "Automated the weekly new-starter report",
            learned="Half an hour of automation pays back within a month")
        add(a1, "failure", "The first-quarter turnover report used the wrong denominator",
            learned="Always reconcile headcount against payroll before publishing")
        add(a1, "feedback", "Your analysis is solid; lead with the 'so what' instead of the method",
            source="supervisor", action="Open every deck with one recommendation slide")
        add(a1, "feedback", "Your dashboards are the only ones people actually use",
            source="peer", action="Write down how I build them so others can copy the pattern")
        add(a1, "feedback", "You need visibility outside the analytics team",
            source="mentor", action="Present to the leadership team at least three times this year")
        add(a1, "feedback", "StrengthsFinder top five: Analytical, Learner, Achiever, Deliberative, Input",
            source="formal test", action="Pair with a strong communicator on big presentations")
        add(a1, "feedback", "I avoid the hard conversations about scope",
            source="self", action="Ask 'what decision is this for?' on every new request")
        ratings1 = {
            "Presentation skills": (2, "Nervous with senior audiences; fine with my own team"),
            "Excel and dashboards": (4, "Strong, but the monthly refresh is still manual"),
            "Stakeholder management": (3, "Good with HRBPs, weaker with finance"),
            "People analytics": (3, "Descriptive work is solid; little predictive work yet"),
            "Negotiation": (2, "I accept deadlines as given"),
            "Public speaking": (2, "Avoided the all-hands slot"),
            "Project management": (2, "No formal method; I rely on lists"),
            "Time management": (3, "OK until month end, then chaos"),
        }
        for name, (rating, note) in ratings1.items():
            s.rate_skill(a1, skill_ids[name], rating, note=note)
        s.update_assessment(
            a1,
            completed_at=format_moment(datetime.combine(first_day + timedelta(days=1), time(20, 40))),
            summary=(
                "Strong analyst, weak at being seen. Biggest gap: presenting to senior people. "
                "Turn that into a goal, and stop accepting every ad-hoc request."
            ),
        )

        second_day = self.d(-80)
        a2 = s.add_assessment(second_day)
        items2: dict[str, int] = {}
        add(a2, "strength", "Data storytelling is improving",
            evidence="After the engagement readout the CHRO asked for the deck to share with the board")
        add(a2, "strength", "Automation",
            evidence="Dashboard refresh down from 6 hours to 3 with Power Query and a data model")
        add(a2, "strength", "Coaching junior analysts",
            evidence="Aisha now builds the weekly absence report on her own")
        # Kept from the first session, so that comparing the two shows what stayed as well.
        add(a2, "strength", "Excel modelling",
            evidence="The new data model replaced forty lookup formulas; Sam runs the refresh alone")
        add(a2, "weakness", "Still saying yes to ad-hoc requests",
            evidence="Nine ad-hoc requests last month, all accepted the same day",
            cost="The skills inventory slipped while I built one-off reports")
        add(a2, "weakness", "Stakeholder management after the reorg",
            evidence="Lost both sponsors of the skills project when finance and operations merged",
            cost="The skills inventory is on hold with no owner")
        add(a2, "weakness", "Protecting my evenings",
            evidence="Worked past 7 pm on 11 of the last 20 workdays",
            cost="Skipped the gym for a month; tired and short-tempered in Monday meetings")
        items2["network"] = add(
            a2, "weakness", "Small network outside the company",
            evidence="I know almost nobody in HR outside our own team",
            cost="Hard to benchmark our practices or hear about senior roles early")
        add(a2, "success", "Presented the engagement survey results to the leadership team",
            learned="Rehearsing out loud twice matters more than polishing the slides")
        add(a2, "success", "Passed the first PMP practice exam",
            learned="Short daily study sessions stick better than weekend cramming")
        add(a2, "failure", "Missed the skills-inventory deadline after the reorg",
            learned="When sponsors change, re-contract the scope in writing within a week")
        add(a2, "failure", "Let the course slip for three weeks",
            learned="Book study time like a meeting or it disappears")
        add(a2, "feedback", "Much better in the engagement readout; slow down on the numbers slide",
            source="supervisor", action="Pause after each key number; rehearse with a timer")
        add(a2, "feedback", "Meet people outside the company before you need them",
            source="mentor", action="Set a goal to meet five HR leaders next quarter")
        add(a2, "feedback", "You answer messages at 9 pm, so we think we should too",
            source="peer", action="Schedule send for the morning; leave by 6 pm on most days")
        add(a2, "feedback", "PMP practice exam 1: 68%, weakest on procurement and risk",
            source="formal test", action="Two extra sessions a week on risk and procurement")
        ratings2 = {
            "Presentation skills": (3, "Two leadership presentations done; still rushing the numbers"),
            "Excel and dashboards": (5, "Refresh automated; others copy the template"),
            "Stakeholder management": (2, "The reorg reset most of my relationships"),
            "People analytics": (4, "First predictive attrition model in use"),
            "Negotiation": (2, "Still saying yes too fast"),
            "Public speaking": (3, "Spoke at the team offsite without notes"),
            "Project management": (3, "PMP study is giving me a vocabulary and a method"),
            "Time management": (2, "Evenings are slipping again"),
        }
        for name, (rating, note) in ratings2.items():
            s.rate_skill(a2, skill_ids[name], rating, note=note)
        s.update_assessment(
            a2,
            completed_at=format_moment(datetime.combine(second_day, time(21, 15))),
            summary=(
                "Presenting and automation are clearly up; stakeholder relationships and evenings "
                "went backwards with the reorg. Next: an external network and protected evenings."
            ),
        )
        return items1, items2

    def goals(self, first: dict[str, int], second: dict[str, int]) -> None:
        s, d = self.store, self.d
        year = self.today.year

        career_deadline = date(year + 4, 12, 31)
        self.goal["career"] = s.add_goal(
            f"Become a senior people analytics lead by December {career_deadline.year}",
            category="leadership", metric="promotion criteria met", unit="criteria",
            baseline=1, target=6, start_date=d(-330), deadline=career_deadline,
            why="I want to shape people decisions with data, not just report on them",
            confidence=3, status="active",
        )  # fmt: skip
        self.window["career"] = _Window(d(-330), d(-1))

        pmp_deadline = d(120)
        self.goal["pmp"] = s.add_goal(
            f"Pass the PMP exam by {_day_text(pmp_deadline)}",
            category="certification", metric="study hours", unit="hours", baseline=0, target=100,
            start_date=d(-150), deadline=pmp_deadline,
            why="Senior roles here run cross-team projects; the PMP gives me the method and the credibility",
            confidence=4, status="active", parent_id=self.goal["career"],
        )  # fmt: skip
        self.window["pmp"] = _Window(d(-150), d(-1))

        present_deadline = d(45)
        self.goal["present"] = s.add_goal(
            f"Present analytics findings to the leadership team three times by {_day_text(present_deadline)}",
            category="skill", metric="presentations given", unit="presentations", baseline=0, target=3,
            start_date=d(-190), deadline=present_deadline,
            why="My weakest area in the assessment; others present my work and get the credit",
            confidence=3, status="active", parent_id=self.goal["career"],
            assessment_item_id=first["presenting"],
        )  # fmt: skip
        self.window["present"] = _Window(d(-190), d(-1))

        network_deadline = d(35)
        self.goal["network"] = s.add_goal(
            f"Connect with five HR leaders outside the company by {_day_text(network_deadline)}",
            category="networking", metric="people met", unit="people", baseline=0, target=5,
            start_date=d(-60), deadline=network_deadline,
            why="Grow my network outside the company before I go for a senior role",
            confidence=3, status="active", assessment_item_id=second["network"],
            progress_from="people", progress_tag="hr",
        )  # fmt: skip
        self.window["network"] = _Window(d(-60), d(-1))

        # Counts the events logged in the people log (see people_log), like the goal above, and
        # counts them per month: its target is a rate.
        events_deadline = d(36)
        self.goal["events"] = s.add_goal(
            f"Attend two HR industry events per month until {_day_text(events_deadline)}",
            category="networking", metric="events attended", unit="events", target=2, cadence="month",
            start_date=d(-90), deadline=events_deadline,
            why="Events are where I meet the HR leaders I would never meet at work",
            confidence=3, status="active", progress_from="event",
        )  # fmt: skip
        self.window["events"] = _Window(d(-90), d(-1))

        reports_review = d(97)
        self.goal["reports"] = s.add_goal(
            f"Complete 5 client reports per week until {_day_text(reports_review)}",
            category="performance", metric="client reports", unit="client reports", target=5, cadence="week",
            start_date=d(-70), deadline=reports_review,
            why="Clients renew when the monthly reports land on time; last quarter they slipped",
            confidence=4, status="active",
        )  # fmt: skip
        self.window["reports"] = _Window(d(-70), d(-1))

        course_deadline = d(-4)
        self.goal["course"] = s.add_goal(
            f"Complete the 10-module People Analytics course by {_day_text(course_deadline)}",
            category="education", metric="modules completed", unit="modules", baseline=0, target=10,
            start_date=d(-120), deadline=course_deadline,
            why="Move from descriptive reports to predictive models",
            confidence=4, status="active",
        )  # fmt: skip
        self.window["course"] = _Window(d(-120), d(-1))

        dashboard_deadline = d(-40)
        self.goal["dashboard"] = s.add_goal(
            f"Cut the monthly HR dashboard refresh from 6 hours to 2 hours by {_day_text(dashboard_deadline)}",
            category="performance", metric="hours per refresh", unit="hours", baseline=6, target=2,
            start_date=d(-250), deadline=dashboard_deadline,
            why="Six hours of copy and paste every month is time I could spend on analysis",
            confidence=4, status="achieved",
        )  # fmt: skip
        self.window["dashboard"] = _Window(d(-250), d(-45))

        balance_deadline = d(-10)
        self.goal["balance"] = s.add_goal(
            f"Leave work by 6 pm on four days a week, every week through {_month_text(balance_deadline)}",
            category="work-life balance", metric="days out by 6 pm", unit="days per week",
            baseline=1, target=4, start_date=d(-170), deadline=balance_deadline,
            why="Late evenings cost me sleep, the gym and patience with my family",
            confidence=2, status="active",
        )  # fmt: skip
        self.window["balance"] = _Window(d(-170), d(-46))

        self.goal["draft"] = s.add_goal("I want to be more successful", start_date=d(-15), status="draft")

    def milestones(self) -> None:
        s, d = self.store, self.d
        plan: dict[str, list[tuple[str, int, int | None]]] = {
            # (title, due offset, done offset or None)
            "career": [
                ("Agree a senior-role development plan with Daniel", -300, -296),
                ("Write an internal article on our attrition model", -30, -21),
                ("Lead a cross-team analytics project end to end", 150, None),
                ("Mentor a junior analyst for six months", 330, None),
                ("Apply for the senior people analytics role", 900, None),
            ],
            "pmp": [
                ("Finish the online prep course (35 contact hours)", -90, -92),
                ("Score 70% on the first practice exam", -75, -78),
                ("Submit the PMP application", 3, None),
                ("Score 75% on two full practice exams", 60, None),
                ("Sit the exam", 175, None),
            ],
            "present": [
                ("Present the attrition findings", -150, -150),
                ("Present the engagement survey results", -95, -95),
                ("Present the pay equity review", -40, -40),
                ("Ask Priya to review the talk outline", 4, None),
                ("Present the workforce plan readout", 18, None),
            ],
            "network": [
                ("Join the regional SHRM chapter", -50, -48),
                ("Ask Priya for three introductions", -35, -33),
                ("Follow up with Grace about the analytics roundtable", -5, None),
                ("Meet the third HR leader", 2, None),
                ("Meet leaders four and five", 33, None),
            ],
            "reports": [
                ("Agree the report template with the account leads", -66, -64),
                ("Automate the headcount tables in the client reports", -30, -26),
                ("Review the cadence with Jordan at the quarter's end", 36, None),
            ],
            "events": [
                ("Pick the chapter and meetup events for the quarter", -88, -86),
                ("Go to the People Analytics meetup", -62, -62),
                ("Give a five-minute talk at a chapter breakfast", 30, None),
            ],
            "course": [
                ("Modules 1-4", -90, -88),
                ("Modules 5-8", -30, -24),
                ("Module 9: predictive attrition", -3, None),
                ("Module 10 and the final project", 6, None),
            ],
            "dashboard": [
                ("Map every manual step of the refresh", -240, -243),
                ("Move the source pulls into Power Query", -180, -172),
                ("Replace the VLOOKUP chains with a data model", -110, -105),
                ("Hand the refresh runbook over to Sam", -50, -47),
            ],
            "balance": [
                ("Block 5:30 pm wrap-up time in the calendar", -165, -166),
                ("Agree no-meeting Friday afternoons with the team", -120, -118),
                ("Move ad-hoc report requests to the shared queue", -60, None),
                ("Four weeks running at four days out by 6 pm", -10, None),
            ],
        }
        for key, steps in plan.items():
            for title, due, done in steps:
                milestone_id = s.add_milestone(self.goal[key], title, due=d(due))
                if done is not None:
                    s.set_milestone_done(milestone_id, d(done))

    def checkins(self) -> None:
        s, d, rng = self.store, self.d, self.rng

        def weekly(first: date, last: date) -> list[date]:
            days, day = [], first
            while day <= last:
                days.append(day)
                day += timedelta(days=rng.choice((6, 7, 7, 7, 8)))
            return days

        def note(key: str, chance: float = 0.35) -> str | None:
            return rng.choice(CHECKIN_NOTES[key]) if rng.random() < chance else None

        def confidence(low: int, high: int, chance: float = 0.5) -> int | None:
            return rng.randint(low, high) if rng.random() < chance else None

        # Client reports: a week's reports spread over its working days, each check-in an amount
        # (the goal has a cadence). Drawn from a generator of their own, so the rest of the demo
        # (and its screenshots) is as it was before this goal. Made first, so on a day shared with the
        # PMP's the timeline (newest first) shows the PMP's check-in above them.
        reports_rng = random.Random(f"{SEED}:reports")
        monday = d(-70) - timedelta(days=d(-70).weekday())
        while monday < self.today:
            workdays = [monday + timedelta(days=i) for i in range(5) if d(-70) <= monday + timedelta(days=i) < self.today]
            made = reports_rng.choice((3, 4, 5, 5, 5, 6, 6))
            if monday + timedelta(days=4) >= self.today:  # the week under way: about one a day so far
                made = len(workdays)
            for _ in range(made):
                day = reports_rng.choice(workdays)
                s.add_checkin(self.goal["reports"], 1, at=day, note=None)
            monday += timedelta(days=7)

        streak_start = d(-12)

        # PMP: weekly study totals, then daily in the last twelve days (the check-in streak).
        hours = 0.0
        for day in weekly(d(-146), streak_start - timedelta(days=1)):
            hours += rng.choice((1.5, 2, 2.5, 3, 3, 3.5, 4))
            s.add_checkin(self.goal["pmp"], hours, at=day, note=note("pmp"), confidence=confidence(3, 5))
        streak_days = [streak_start + timedelta(days=i) for i in range(12)]
        for day in streak_days:
            if rng.random() < 0.8:
                hours += rng.choice((0.5, 1, 1, 1.5))
                s.add_checkin(self.goal["pmp"], hours, at=day, note=note("pmp", 0.2), confidence=confidence(3, 5, 0.3))
            else:  # a day without study still has a check-in on another goal
                s.add_checkin(self.goal["course"], 8, at=day, note="Module 9 quiz retake booked", confidence=3)

        # Leadership presentations: a step up on each presentation day.
        talks = [d(-150), d(-95), d(-40)]
        for day in weekly(d(-183), d(-2))[::2]:
            given = sum(1 for talk in talks if talk <= day)
            s.add_checkin(self.goal["present"], given, at=day, note=note("present", 0.3), confidence=confidence(2, 4))
        for talk in talks:
            s.add_checkin(self.goal["present"], talks.index(talk) + 1, at=talk, note="Presented!", confidence=4)

        # Networking counts the people log (people_log): the store writes its check-ins. The
        # random draws its typed weekly check-ins once made are still made, so every later
        # choice (the rest of the demo, and so its screenshots) stays as it was.
        for _day in weekly(d(-56), d(-1)):
            note("network", 0.5)
            rng.choice((2, 2, 3))

        # The course: steady, then slipping behind its deadline.
        done_days = [d(-112), d(-103), d(-95), d(-88), d(-60), d(-45), d(-32), d(-24)]
        for day in weekly(d(-113), d(-13)):
            modules = sum(1 for when in done_days if when <= day)
            s.add_checkin(self.goal["course"], modules, at=day, note=note("course"), confidence=confidence(2, 4))

        # The long-term goal: monthly, one more criterion met every few months.
        criteria = [(d(-296), 2), (d(-150), 3), (d(-21), 4)]
        day = d(-325)
        while day < d(-1):
            value = max([1] + [n for when, n in criteria if when <= day])
            s.add_checkin(self.goal["career"], value, at=day, note=note("career", 0.4), confidence=confidence(2, 4))
            day += timedelta(days=rng.randint(28, 33))

        # The dashboard refresh: hours going down until the goal was achieved.
        value = 6.0
        for day in weekly(d(-246), d(-45))[::2]:
            s.add_checkin(self.goal["dashboard"], value, at=day, note=note("dashboard"), confidence=confidence(3, 5))
            value = max(2.0, value - rng.choice((0, 0.25, 0.5, 0.5, 0.75)))
        s.add_checkin(self.goal["dashboard"], 2, at=d(-45), note="Two hours, second month running", confidence=5)

        # Work-life balance: up and down, then paused for the year-end crunch.
        for day in weekly(d(-163), d(-46)):
            out = rng.choice((1, 2, 2, 3, 3, 3, 4))
            s.add_checkin(self.goal["balance"], out, at=day, note=note("balance"), confidence=confidence(1, 3))

    def day_scores(self) -> None:
        """Mood and energy on most past days since the career goal was written down (never today:
        Today opens with its pickers empty): an autumn lift after the talks, a dip with the reorg,
        Mondays lower, a fortnight's holiday unrecorded. The day before the check-in streak stays
        empty, so the streak Today shows is the check-ins' alone. Drawn from a generator of their
        own, so the rest of the demo is as it was."""
        s, d = self.store, self.d
        rng = random.Random(f"{SEED}:moods")
        active = s.active_days(since=d(-60))
        before_streak = d(-1) - timedelta(days=streak(active, d(-1)))
        holiday = _Window(d(-130), d(-117))
        for offset in range(-300, 0):
            day = d(offset)
            if day == before_streak or day in holiday or rng.random() < 0.18:
                continue
            # A slow rise through the year, lower in the reorg's weeks and the year-end crunch.
            base = 2.8 + 0.6 * (offset + 300) / 300 - (0.8 if -80 <= offset <= -60 else 0) - (0.4 if offset > -20 else 0)
            monday = 0.5 if day.weekday() == 0 else 0
            friday = 0.4 if day.weekday() == 4 else 0
            mood = round(min(max(base + friday - monday / 2 + rng.gauss(0, 0.6), 1), 5))
            energy = round(min(max(base - monday + rng.gauss(0, 0.7), 1), 5)) if rng.random() < 0.9 else None
            s.set_day_scores(day, mood=mood, energy=energy)

    def entry(
        self,
        day: date,
        text: str,
        *,
        kind: str = "reflection",
        goals: tuple[str, ...] = (),
        starred: bool = False,
        at: datetime | None = None,
    ) -> None:
        self.used_texts.add(text)
        self.store.add_entry(
            text,
            at=at or self.moment(day),
            kind=kind,
            goal_ids=[self.goal[key] for key in goals],
            starred=starred,
        )

    def story_entries(self) -> None:
        """The entries that tell the year's story, on fixed days."""
        d, e = self.d, self.entry
        e(d(-364), "New journal. The aim for this year: move from reporting numbers to shaping people decisions. @career",
          starred=True)
        e(d(-330), "Wrote down the big one: senior people analytics lead within five years. Scary, but now it is on paper. @career",
          goals=("career",))
        e(d(-296), "Daniel agreed a development plan for a senior role: lead a project, mentor someone, present more. @career @leadership",
          kind="win", goals=("career",))
        e(d(-250), "The monthly dashboard refresh took six hours of copy and paste again. Time to automate it. @excel @analytics",
          goals=("dashboard",))
        e(d(-199), "Finished my first self-assessment. Biggest gap: presenting to senior people. @feedback @career",
          kind="lesson")
        e(d(-190), "Turned the presenting weakness into a goal: three leadership presentations. Priya will review my first deck. @presenting @mentoring",
          goals=("present",))
        e(d(-172), "Power Query now pulls the payroll and HRIS files; refresh down to four and a half hours. @excel",
          kind="win", goals=("dashboard",))
        e(d(-170), "Starting a work-life goal: out by 6 pm four days a week. Telling the team so they hold me to it. @wellbeing",
          goals=("balance",))
        e(d(-150), "Presented the attrition findings to the leadership team. Hands shaking, but the CFO asked for the model. @presenting",
          kind="win", goals=("present",), starred=True)
        e(d(-150), "Booked the PMP prep course. 35 contact hours, then the application. @pmp @learning",
          goals=("pmp", "career"))
        e(d(-120), "Signed up for the People Analytics course: ten modules, one a fortnight. @learning @analytics",
          goals=("course",))
        e(d(-95), "Engagement survey readout went well. The CHRO wants the deck for the board. @presenting",
          kind="win", goals=("present",), starred=True)
        e(d(-80), "Second self-assessment done. Presenting and Excel are up; stakeholder management is down after the reorg. @feedback",
          kind="lesson")
        e(d(-78), "Practice exam 1: 71%. Weakest on procurement and risk. @pmp", kind="win", goals=("pmp",))
        e(d(-60), "New goal from the assessment: meet five HR leaders outside the company. Priya promised three introductions. @networking @mentoring",
          goals=("network",))
        e(d(-48), "Joined the regional SHRM chapter. First breakfast is next month. @networking @hr", goals=("network",))
        e(d(-45), "Dashboard refresh is down to two hours for the second month running. Goal achieved! @excel @analytics",
          kind="win", goals=("dashboard",), starred=True)
        e(d(-44), "Pausing the 6 pm goal until the year-end reporting crunch is over. Not giving up, just being honest. @wellbeing",
          kind="lesson", goals=("balance",))
        e(d(-41), "Coffee with Marcus, HR director at a logistics firm. He runs quarterly pulse surveys with a 70% response rate. @networking",
          goals=("network",))
        e(d(-40), "Presented the pay equity review. Slowed down on the numbers slide like Daniel said; no awkward silence. @presenting",
          kind="win", goals=("present",))
        e(d(-21), "Published the internal article on the attrition model. 140 reads on the first day. @analytics @career",
          kind="win", goals=("career",), starred=True)
        e(d(-20), "Met Grace, head of people ops at a fintech, at the analytics roundtable. Must follow up this week. @networking",
          goals=("network",))
        e(d(-9), "Checklist: [x] draft [ ] review [/] rehearse -- the workforce plan deck, in that order. @presenting",
          kind="note", goals=("present",))
        e(d(-7), "The vendor template prints [b]Total headcount[/b] and [red]attrition[/red] literally; must fix before Friday. @excel",
          kind="note")
        e(d(-2), "Met Priya for coffee; she offered to review my talk outline. @networking @mentoring",
          goals=("present",))
        days = streak(self.store.checkin_days(since=d(-60)), d(-1))
        e(d(-1), f"{days} days of check-ins in a row. Small daily study beats a big weekend cram. @pmp @learning",
          kind="lesson", goals=("pmp",))

        # A short Markdown review at the end of every month.
        bests = (
            "finished the data model for the dashboard", "a good 1:1 with Priya", "the leadership presentation",
            "two study sessions every week", "Aisha shipped her first report alone", "the survey analysis landed early",
        )  # fmt: skip
        hards = (
            "too many ad-hoc requests", "month-end crunch", "the reorg uncertainty", "late evenings again",
            "finance pushing back on the numbers", "no time for the course",
        )  # fmt: skip
        nexts = (
            "protect two study blocks a week", "book the next presentation slot", "follow up with every new contact within 48 hours",
            "say no to one meeting a week", "finish the next course module", "ask Daniel for a stretch project",
        )  # fmt: skip
        first_of_month = date(self.d(-364).year, self.d(-364).month, 1)
        month = first_of_month
        while True:
            next_month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            last_day = next_month - timedelta(days=1)
            if last_day >= self.today:
                break
            if last_day >= self.d(-364):
                text = (
                    f"**{MONTH_NAMES[month.month - 1]} review**\n\n"
                    f"- Best: {self.pick(bests)}\n"
                    f"- Hardest: {self.pick(hards)}\n"
                    f"- Next month: {self.pick(nexts)}\n\n@career"
                )
                e(last_day, text, at=datetime.combine(last_day, time(21, self.rng.randint(0, 45))))
            month = next_month

    def filler_entries(self) -> None:
        """The everyday entries: about one a weekday, fewer at weekends."""
        rng, d = self.rng, self.d
        makers = self._makers()
        for offset in range(-364, 0):
            day = d(offset)
            weekend = day.weekday() >= 5
            count = rng.choice((0, 0, 1) if weekend else (0, 1, 1, 1, 1, 2))
            eligible = [(weight, make) for weight, key, make in makers if key is None or day in self.window[key]]
            for _ in range(count):
                for _attempt in range(6):  # avoid repeating an earlier text if we can
                    make = rng.choices([m for _, m in eligible], weights=[wt for wt, _ in eligible])[0]
                    kind, text, goals = make(day)
                    if text not in self.used_texts:
                        break
                starred = rng.random() < (0.2 if kind == "win" else 0.025)
                self.entry(day, text, kind=kind, goals=goals, starred=starred)

    def _makers(self) -> list[tuple[int, str | None, _Maker]]:
        """Weighted entry makers, each with the goal window it needs (None: any day)."""
        rng, pick, w = self.rng, self.pick, self.window

        def linked(key: str, day: date) -> tuple[str, ...]:
            return (key,) if day in w[key] and rng.random() < 0.7 else ()

        def pmp(day: date) -> _Made:
            roll = rng.random()
            if roll < 0.6:
                text = f"Studied {pick(STUDY_TOPICS)} for {pick(STUDY_SPANS)}. @pmp @learning"
                return "reflection", text, linked("pmp", day)
            if roll < 0.8:
                score = rng.randint(58, 88)
                text = f"Practice quiz on {pick(STUDY_TOPICS)}: {score}%. @pmp"
                return ("win" if score >= 75 else "note"), text, linked("pmp", day)
            angle = pick(("people", "trade-offs", "early warnings", "writing things down"))
            text = f"Lesson from PMP study: {pick(STUDY_TOPICS)} is really about {angle}, not forms. @pmp"
            return "lesson", text, linked("pmp", day)

        def networking(day: date) -> _Made:
            roll = rng.random()
            if day in w["network"] and roll < 0.5:
                options = (
                    "Sent follow-up notes to everyone from last week's chapter event. @networking",
                    "Priya forwarded an intro to an HR director; no reply yet. @networking",
                    "Updated my LinkedIn headline and posted the attrition article summary. @networking",
                    "Asked Priya which HR leaders she would call first; she named two. @networking",
                )
                return "reflection", pick(options), linked("network", day)
            if roll < 0.7:
                text = f"Coffee with {pick(CONTACTS)}; we talked about {pick(TALK_TOPICS)}. @networking"
            else:
                text = (f"Went to the {pick(EVENTS)}; met {rng.randint(2, 6)} people and followed up "
                        f"with {pick(('one', 'two', 'three'))} on LinkedIn. @networking")  # fmt: skip
            return "reflection", text, linked("network", day)

        def mentoring(day: date) -> _Made:
            if rng.random() < 0.6:
                text = f"Monthly session with Priya. Her advice: {pick(PRIYA_ADVICE)}. @mentoring"
                return ("feedback" if rng.random() < 0.4 else "reflection"), text, ()
            return "reflection", f"{pick(LEADERSHIP)} @leadership @mentoring", linked("career", day)

        def presenting(day: date) -> _Made:
            deck, slides = pick(DECKS), rng.randint(14, 24)
            options = (
                f"Rehearsed the {deck} deck twice; cut it from {slides} to {slides - rng.randint(4, 9)} slides. @presenting",
                f"Recorded myself presenting the {deck} summary. Too many 'so, basically'. @presenting",
                f"Rewrote the {deck} deck so the first slide is the recommendation. @presenting @feedback",
                f"Spoke for five minutes at the team meeting about the {deck} numbers without notes. @presenting",
            )
            return "reflection", pick(options), linked("present", day)

        def analytics(day: date) -> _Made:
            roll = rng.random()
            if roll < 0.45:
                return "reflection", f"Built {pick(ANALYSES)} for Jordan. @analytics", linked("course", day)
            if roll < 0.75:
                return "lesson", f"Found a data quality issue in {pick(SYSTEMS)}: {pick(ISSUES)}. @analytics", ()
            text = f"Shipped {pick(ANALYSES)}; {pick(DEPARTMENTS)} already asked for a monthly version. @analytics"
            return "win", text, ()

        def excel(day: date) -> _Made:
            if day in w["dashboard"]:
                return "reflection", f"Dashboard work: {pick(EXCEL_TASKS)}. @excel", linked("dashboard", day)
            return "note", f"Small Excel fix for Lena: {pick(EXCEL_TASKS)}. @excel", ()

        def feedback(day: date) -> _Made:
            who = pick(PEOPLE)
            return "feedback", f"{who[0].upper()}{who[1:]} said {pick(FEEDBACK_SAID)}. @feedback", ()

        def lesson(day: date) -> _Made:
            return "lesson", f"Lesson: {pick(LESSONS)} @{pick(('career', 'analytics', 'learning'))}", ()

        def note(day: date) -> _Made:
            text = pick(NOTES)
            return "note", (text if rng.random() < 0.5 else f"{text} @career"), ()

        def wellbeing(day: date) -> _Made:
            return "reflection", f"{pick(WELLBEING)} @wellbeing", linked("balance", day)

        def hr(day: date) -> _Made:
            if rng.random() < 0.5:
                return "note", f"Reviewed the {pick(POLICIES)} policy numbers for Jordan. @hr", ()
            return "reflection", f"Helped with the headcount numbers for the {pick(DEPARTMENTS)} restructure. @hr @analytics", ()

        def reflection(day: date) -> _Made:
            return "reflection", pick(REFLECTIONS), ()

        def course(day: date) -> _Made:
            topic = pick(("survival analysis", "survey design", "causal thinking", "regression", "data ethics"))
            options = (
                f"Course module on {topic} done; the quiz was harder than expected. @learning @analytics",
                "Course evening: watched two lectures, skipped the exercises. Must go back. @learning",
                "Applied the course's survival curves to our own leavers data. Tenure month 9 is the cliff. @analytics @learning",
            )
            return "reflection", pick(options), linked("course", day)

        return [
            (14, "pmp", pmp), (8, None, networking), (7, None, mentoring), (8, None, presenting),
            (12, None, analytics), (7, None, excel), (7, None, feedback), (7, None, lesson), (8, None, note),
            (7, None, wellbeing), (5, None, hr), (5, None, reflection), (8, "course", course),
        ]  # fmt: skip

    def revisions(self) -> None:
        """'Evaluate and adjust': the changes made to goals along the way."""
        s, d = self.store, self.d
        pushed = d(180)
        s.update_goal(
            self.goal["pmp"],
            title=f"Pass the PMP exam by {_day_text(pushed)}",
            deadline=pushed,
            reason="The reorg ate six study weeks; moved the exam to a later window instead of cramming",
            at=datetime.combine(d(-95), time(18, 5)),
        )
        s.update_goal(
            self.goal["present"],
            title=f"Present analytics findings to the leadership team four times by {_day_text(d(45))}",
            target=4,
            reason="Three went well; adding the workforce plan readout as a fourth",
            at=datetime.combine(d(-30), time(17, 40)),
        )
        s.update_goal(
            self.goal["balance"],
            status="paused",
            reason="Year-end reporting crunch; restarting in January",
            at=datetime.combine(d(-12), time(21, 10)),
        )

    def reviews(self) -> None:
        """'Evaluate and adjust', weekly: five weekly reviews, each finished on its Friday, and
        October's monthly review; the latest set this week's focus."""
        s = self.store
        monday = self.today - timedelta(days=self.today.weekday())
        wins = (
            "Shipped the attrition dashboard refresh on time @dashboard", "Jordan used my numbers in the exec pack",
            "First PMP mock exam: 68% @pmp", "Lena said the workforce plan deck was the clearest yet @presenting",
            "Marcus introduced me to two HR directors @networking",
        )
        obstacles = (
            "Three ad-hoc requests ate Wednesday", "Month-end close: no study time for four days @pmp",
            "Said yes to a rush extract again", "Board pack late nights", "The ATS export broke twice",
        )
        summaries = (
            "Busy but steady; protect the study evenings.", "A good week for presenting; PMP behind.",
            "Networking is working: keep asking for introductions.", "Slow week: month end. Reset on Monday.",
            "The workforce plan deck is the priority; everything else can wait.",
        )
        ids = []
        for back in range(5, 0, -1):
            friday = monday - timedelta(days=7 * back - 4)
            review = s.start_review("week", friday, week_start=0)
            finished = datetime.combine(friday, time(16, 30))
            s.add_review_entry(review, wins[back - 1], kind="win", at=finished - timedelta(minutes=5))
            s.add_review_entry(review, obstacles[back - 1], kind="lesson", at=finished - timedelta(minutes=3))
            s.set_review_summary(review, summaries[back - 1])
            ids.append((review, finished))
        latest, finished = ids[-1]
        for key in ("present", "pmp", "network"):
            s.decide_in_review(latest, self.goal[key], "keep")
        rehearsal = next(m.id for m in s.milestones(self.goal["present"]) if m.done_at is None)
        s.set_review_focus(latest, [("milestone", rehearsal), ("goal", self.goal["pmp"]), ("goal", self.goal["network"])])
        for review, at in ids:
            s.complete_review(review, at=at)
        first_of_month = self.today.replace(day=1)
        october = s.start_review("month", first_of_month + timedelta(days=1), week_start=0)
        s.set_review_summary(october, "October: two talks given, the PMP plan reset, three new contacts. November: the workforce plan.")
        s.complete_review(october, at=datetime.combine(first_of_month + timedelta(days=1), time(10, 15)))


    def on_this_day(self) -> None:
        """What Today's "On this day" remembers: a win on this date a year ago (just before the
        journal's first page) and a lesson a month ago, when those months have the day."""
        year_ago = same_days(self.today.year - 1, self.today.month, self.today)
        if year_ago:
            self.entry(year_ago[0], "Daniel put my turnover dashboard forward for the analytics award. A year in the role, and "
                       "people outside HR use my numbers. @career @analytics", kind="win", starred=True,
                       at=datetime.combine(year_ago[0], time(17, 20)))  # fmt: skip
        last_month = date(self.today.year, self.today.month, 1) - timedelta(days=1)
        month_ago = same_days(last_month.year, last_month.month, self.today)
        if month_ago:
            self.entry(month_ago[0], "Asked three people what they remembered from my last presentation: all three named the "
                       "one chart with a headline. Fewer slides, each making one point. @presenting", kind="lesson",
                       goals=("present",), at=datetime.combine(month_ago[0], time(20, 5)))  # fmt: skip

    def people_log(self) -> None:
        """A mentor, a manager, a mentee, peers and contacts met at events, with a year of
        conversations of every kind: advice and what came of it, goals discussed, follow-ups
        done, one overdue and two due this week, and a feedback session filed into the latest
        self-assessment. The networking goals count from here."""
        s, d, goal = self.store, self.d, self.goal
        who: dict[str, int] = {}
        for key, name, relationship, role, organisation, how_met, tags, notes, private in (
            ("priya", "Priya Raman", "mentor", "HR Director", "Northwind Health", "The company mentoring scheme",
             ("hr", "mentoring"), "Monthly sessions; send a one-page agenda the day before", False),
            ("daniel", "Daniel Okafor", "manager", "Head of People Analytics", None, "My manager since I joined",
             ("analytics",), "Weekly 1:1 on Tuesdays", False),
            ("aisha", "Aisha Khan", "mentee", "Junior HR analyst", None, "Joined the team in spring; I am her buddy",
             ("analytics", "mentoring"), None, True),
            ("lena", "Lena Fischer", "peer", "HR business partner, operations", None, "Same floor", ("presenting",),
             "Best rehearsal audience: asks the CFO's questions", True),
            ("jordan", "Jordan Blake", "peer", "HR business partner", None, "Brings me most of the analysis requests",
             ("analytics",), None, True),
            ("sam", "Sam Patel", "peer", "Reporting analyst", None, "Runs the dashboard refresh", ("analytics",), None, True),
            ("omar", "Omar Haddad", "peer", "Finance business partner", None, "Headcount reconciliations", (), None, True),
            ("hannah", "Hannah Moore", "contact", "Compensation analyst", "Castle Insurance", "An old classmate", ("hr",),
             None, True),
            ("ben", "Ben Carter", "contact", "Data engineer", "Our IT team", "The ATS access request", ("analytics",), None, True),
            ("kofi", "Kofi Mensah", "contact", "Organiser, People Analytics meetup", None, "HR Tech webinar",
             ("analytics", "events"), None, True),
            ("marcus", "Marcus Webb", "contact", "HR Director", "Atlas Logistics", "Introduced by Priya", ("hr",),
             "Runs quarterly pulse surveys with a 70% response rate", True),
            ("elena", "Elena Sorensen", "contact", "Recruiter", "Harbor Talent", "Regional SHRM chapter breakfast",
             ("events",), None, True),
            ("grace", "Grace Liu", "contact", "Head of People Operations", "Brightpay", "The analytics roundtable",
             ("hr", "events"), "Building a people analytics team at a fintech", True),
            ("ravi", "Ravi Desai", "contact", "Chair, CIPD branch", None, "CIPD branch evening", ("events",), None, True),
        ):  # fmt: skip
            who[key] = s.add_person(name, relationship=relationship, role=role, organisation=organisation,
                                    how_met=how_met, tags=tags, notes=notes, private=private)  # fmt: skip

        def talk(offset: int, key: str, kind: str, notes: str | None = None, *, learned: str | None = None,
                 outcome: str | None = None, goals: tuple[str, ...] = (), follow_up: str | None = None,
                 due: int | None = None, done: int | None = None) -> int:  # fmt: skip
            fields = {"notes": notes, "learned": learned, "outcome": outcome, "follow_up": follow_up,
                      "follow_up_due": d(due) if due is not None else None,
                      "follow_up_done": d(done) if done is not None else None}  # fmt: skip
            return s.add_interaction(
                who[key], kind, at=d(offset), goal_ids=[goal[g] for g in goals],
                **{name: value for name, value in fields.items() if value is not None},
            )

        # The mentor: about one conversation every six weeks, advice and what was done about it.
        talk(-330, "priya", "meeting", "First session: where I want to be in five years",
             learned="Write the five-year goal down and make it specific", outcome="Wrote the senior people analytics lead goal",
             goals=("career",))
        talk(-280, "priya", "coffee", "How to get visible work", learned="Ask for the stretch project instead of waiting to be offered it",
             outcome="Asked Daniel for the pay equity review; he said yes", goals=("career",))
        talk(-205, "priya", "meeting", "Went through my first self-assessment",
             learned="Say the recommendation first, then the evidence", outcome="Opened the attrition deck with one recommendation slide",
             goals=("present",))
        talk(-150, "priya", "call", "Called her after the attrition presentation", learned="Write down three wins every Friday",
             outcome="Keeping a brag document for my review", goals=("present", "career"))
        talk(-120, "priya", "coffee", "Promotion criteria", learned="Find a sponsor, not just a mentor",
             outcome="Asked Daniel to sponsor me for the cross-team project", goals=("career",))
        feedback = talk(-84, "priya", "feedback", "Feedback on my monthly updates",
                        learned="Your updates are thorough but long: one paragraph, with the ask in the first line",
                        outcome="Rewrote my monthly update to Daniel as five lines")
        s.file_feedback(feedback)
        talk(-58, "priya", "meeting", "Planning the networking goal", learned="Treat networking as giving, not asking",
             outcome="She introduced me to Marcus and Grace", goals=("network",),
             follow_up="Send Priya the list of HR leaders to approach", due=-51, done=-52)
        talk(-2, "priya", "coffee", "She offered to review my talk outline",
             learned="Prepare the three hardest questions before every review", goals=("present", "network"),
             follow_up="Send Priya the talk outline", due=3)

        # The manager, the mentee and peers at work.
        talk(-296, "daniel", "meeting", "Development plan for a senior role", outcome="Plan agreed: lead a project, mentor someone, present more",
             goals=("career",))
        talk(-95, "daniel", "meeting", "Moving the PMP exam", learned="Better a later exam than cramming through the reorg",
             outcome="Booked the later exam window", goals=("pmp",))
        talk(-40, "daniel", "feedback", "After the pay equity review", learned="Slowing down on the numbers slide worked; keep the pauses",
             goals=("present",))
        talk(-9, "daniel", "message", "Asked to lead the workforce plan project", goals=("career",))
        talk(-200, "aisha", "meeting", "First buddy session: pivot tables")
        talk(-70, "aisha", "meeting", "Reviewed her survey summary", learned="Teaching the method shows me the gaps in my own",
             goals=("career",))
        talk(-16, "aisha", "call", "She built the weekly absence report alone")
        talk(-97, "lena", "meeting", "Rehearsed the engagement readout", goals=("present",))
        talk(-12, "lena", "meeting", "Rehearsed the workforce plan deck", learned="Cut the methods slide; keep it for questions",
             goals=("present",))
        talk(-230, "jordan", "meeting", "Agreed the engagement survey questions up front")
        talk(-33, "jordan", "message", "Sent the cleaned turnover file")
        talk(-50, "sam", "meeting", "Handed over the refresh runbook", goals=("dashboard",))
        talk(-180, "omar", "coffee", "Reconciled headcount against payroll", learned="Finance counts contractors; we do not")
        talk(-210, "hannah", "call", "Catching up; she moved into compensation", learned="Their pay bands are public to every employee")
        talk(-140, "ben", "message", "Asked for read access to the ATS tables", follow_up="Check the ATS access request",
             due=-133, done=-130)

        # Contacts met at events: the two networking goals fill up from these.
        talk(-75, "kofi", "event", "HR Tech webinar on skills-based hiring", goals=("events",))
        talk(-62, "kofi", "event", "People Analytics meetup: a talk on survival curves",
             learned="Tenure cliffs show up better in survival curves than in averages", goals=("events",))
        talk(-41, "marcus", "coffee", "Pulse surveys at a logistics firm", learned="Short quarterly pulses beat one annual survey",
             outcome="Proposed a quarterly pulse to Jordan", goals=("network",),
             follow_up="Send Marcus the attrition article", due=-34, done=-21)
        talk(-21, "elena", "event", "Regional SHRM chapter breakfast", goals=("events", "network"))
        talk(-20, "grace", "event", "The analytics roundtable", goals=("events", "network"),
             follow_up="Send Grace the roundtable slides and ask to meet her HR team", due=-13)
        talk(-14, "marcus", "event", "Workforce planning roundtable; he introduced me to two HR directors",
             goals=("events", "network"))
        talk(-6, "ravi", "event", "CIPD branch evening on hybrid work policies", goals=("events",),
             follow_up="Send Ravi the hybrid work survey questions", due=1)
        talk(-5, "kofi", "message", "Asked whether the meetup wants a talk on our attrition model")

    def writing_aids(self) -> None:
        """A reflection prompt and an entry template of the user's own, and a built-in prompt retired."""
        s = self.store
        s.add_reflection_prompt("What did the data tell me that surprised me?")
        proud = next(p.id for p in s.reflection_prompts() if p.text == "What am I proud of this week?")
        s.retire_reflection_prompt(proud)
        s.add_entry_template("Ad-hoc request", "note", "Ad-hoc request from : @ad-hoc\n\n## What they asked for\n- "
                             "\n\n## The deadline I agreed, and why\n- \n\n## What I said no to\n- ")  # fmt: skip


def fill_demo_journal(store: Store, today: date) -> None:
    """Fill an empty journal with about a year of sample data ending on ``today``.

    Deterministic: the same ``today`` always gives the same goals, texts and dates (only row
    uuids and the store's own timestamps differ).
    """
    _DemoBuilder(store, today).run()
