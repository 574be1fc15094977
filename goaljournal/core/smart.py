"""SMART analysis of a goal: its sentence together with its structured fields.

Each criterion is met (True), not met (False) or cannot be told from what was given (None), with
a one-line reason and, when not met, a concrete suggestion. Specific, Measurable and Time-bound
come mostly from the sentence; Achievable and Relevant mostly from the fields (a confidence, a
"why", a link to an assessment item or a longer-term goal, the load of other active goals), and
the reason says so when only the sentence is known.

Pure and quick (well under a millisecond for a sentence; ``bench/smart_speed.py``), so the
drafting form can run it on every keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from goaljournal.core.dates import human_date
from goaljournal.core.deadlines import (
    NUMBER,
    DeadlineMatch,
    UNIT_ABBREVIATIONS,
    event_time,
    find_deadline,
    number_value,
    unit_name,
    vague_time,
)
from goaljournal.core.models import CADENCES
from goaljournal.core.progress import NUMBER_LIMIT, format_number
from goaljournal.core.text import one_line

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
LABELS = {
    "specific": "Specific",
    "measurable": "Measurable",
    "achievable": "Achievable",
    "relevant": "Relevant",
    "time_bound": "Time-bound",
}
# More active goals than this compete for the same evenings and weekends.
ACTIVE_GOAL_LIMIT = 5
# How much of a goal sentence the analysis reads. A goal is a sentence or two (the longest of the
# examples is under 200 characters); past a thousand characters the text is a pasted document,
# and the measure's patterns take time that grows with the square of the length (39 s for
# 100,000 characters; 16 ms for a thousand), which the drafting form would pay on every keystroke.
SENTENCE_LIMIT = 1_000


@dataclass(frozen=True, slots=True)
class Verdict:
    """One criterion: met (True), not met (False) or cannot tell (None), why, and what to do."""

    ok: bool | None
    why: str
    suggestion: str | None = None

    @property
    def mark(self) -> str:
        return {True: "✓", False: "✗", None: "?"}[self.ok]


@dataclass(frozen=True, slots=True)
class Metric:
    """What a sentence measures: "5 client reports per week", "15%", "$5,000", "from 6 to 2 hours"."""

    amount: float | None
    unit: str | None
    rate: str | None
    phrase: str
    start: int
    end: int
    kind: str  # count, percent, money, change, level, rate; too_large: past NUMBER_LIMIT (amount None)
    baseline: float | None = None

    @property
    def per(self) -> str | None:
        """The period of a target stated as a rate, when it is one a goal can track (week,
        month, quarter: ``CADENCES``); None for a total, or a rate like "a day" or "every two weeks"."""
        if self.rate in WEEKDAY_NAMES:
            return "week"  # "every Friday": once a week
        return self.rate if self.rate in CADENCES else None

    def as_json(self) -> dict[str, Any]:
        """``{"target", "unit", "per"}`` for ``smart --json``."""
        return {"target": self.amount, "unit": self.unit, "per": self.per}

    def describe(self) -> str:
        if self.kind == "money" and self.amount is not None:
            unit = self.unit or "$"
            amount = f"{self.amount:,.0f}" if self.amount == int(self.amount) else f"{self.amount:,.2f}"
            text = f"{unit}{amount}" if len(unit) == 1 else f"{amount} {unit}"
        elif self.kind == "level":
            text = f"level: {self.unit}"
        elif self.kind == "rate":
            text = f"a habit, every {self.rate}" if self.rate and self.rate.isalpha() else f"a habit, {self.phrase}"
        elif self.kind == "percent":
            text = f"{format_number(self.amount)}%"
        elif self.kind == "change" and self.baseline is not None:
            unit = ("" if self.unit == "%" else " ") + self.unit if self.unit else ""
            text = f"from {format_number(self.baseline)} to {format_number(self.amount)}{unit}"
        elif self.unit == "times" and self.amount in (1, 2):
            text = "once" if self.amount == 1 else "twice"
        elif self.amount is not None:
            text = format_number(self.amount) + (f" {self.unit}" if self.unit else "")
        else:
            text = self.phrase
        if self.rate and self.kind not in ("rate", "level"):
            text += f" per {self.rate}"
        return text


@dataclass(frozen=True, slots=True)
class GoalFields:
    """A goal's structured fields, as far as they are known (the drafting form knows them all).

    ``assessment_item`` is the text of the assessment item the goal answers ("" if linked but
    unknown); ``parent_title`` the longer-term goal it serves; ``active_goals`` how many other
    active goals compete for time.
    """

    metric: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    deadline: date | None = None
    deadline_phrase: str | None = None
    category: str | None = None
    why: str | None = None
    confidence: int | None = None
    assessment_item: str | None = None
    parent_title: str | None = None
    active_goals: int | None = None
    cadence: str | None = None  # the target is per week, month or quarter


@dataclass(frozen=True, slots=True)
class SmartReport:
    """The five verdicts on a goal, with the deadline and the measure found in its sentence."""

    text: str
    today: date
    specific: Verdict
    measurable: Verdict
    achievable: Verdict
    relevant: Verdict
    time_bound: Verdict
    deadline: date | None = None
    deadline_match: DeadlineMatch | None = None
    metric: Metric | None = None
    partial: bool = False  # only the first SENTENCE_LIMIT characters were read

    @property
    def criteria(self) -> tuple[tuple[str, Verdict], ...]:
        return tuple((name, getattr(self, name)) for name in CRITERIA)

    @property
    def met(self) -> int:
        return sum(verdict.ok is True for _, verdict in self.criteria)

    @property
    def gaps(self) -> list[str]:
        """What the sentence clearly misses of Specific, Measurable and Time-bound, by label: a
        goal with a gap is kept as a draft (Achievable and Relevant are for its owner to weigh)."""
        return [LABELS[name] for name in ("specific", "measurable", "time_bound") if getattr(self, name).ok is False]

    @property
    def letters(self) -> str:
        """``Sm??T``: a criterion's letter in capitals when it is met, in lower case when it is not, and
        ``?`` where the coach cannot tell (never a letter that reads as met)."""
        pairs = zip(self.criteria, "SMART", strict=True)
        return "".join(
            letter if verdict.ok is True else letter.lower() if verdict.ok is False else "?" for (_, verdict), letter in pairs
        )

    @property
    def is_smart(self) -> bool:
        return self.met == len(CRITERIA)

    @property
    def suggestions(self) -> list[str]:
        return [verdict.suggestion for _, verdict in self.criteria if verdict.ok is not True and verdict.suggestion]

    def as_json(self) -> dict[str, Any]:
        """The object of ``goaljournal smart --json`` (DESIGN §5)."""
        data: dict[str, Any] = {
            "text": self.text,
            "today": self.today.isoformat(),
            # A deadline already past is no deadline to plan by; time_bound says it has passed.
            "deadline": self.deadline.isoformat() if self.deadline and self.deadline >= self.today else None,
        }
        for name, verdict in self.criteria:
            data[name] = {"ok": verdict.ok, "why": verdict.why}
        data["suggestions"] = self.suggestions
        data["metric"] = self.metric.as_json() if self.metric is not None else None
        return data


# -- words ----------------------------------------------------------------------------------


def _forms(verb: str) -> set[str]:
    """A verb's base, -s, -ed and -ing forms (regular spelling; irregular forms are listed)."""
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(verb[:-1] + "ing")
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", verb):  # run → running, plan → planned
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}
    return forms


# Done or not done with any concrete object: "finish the onboarding guide" is measurable as it is.
OUTCOME_VERBS = set("""
complete finish earn pass obtain secure attain land publish launch ship submit graduate renew
attend join enrol enroll register deliver present win sign host organise organize release sit
hire open found apply book visit buy migrate automate reach certify close sell implement deploy
finalise finalize introduce redesign replace switch move translate produce record
update revise rewrite author co-author coauthor clear fix tell negotiate share send grade file
""".split())
# Verbs whose object can be checked off but that also take vague objects ("get better").
ACTION_VERBS = OUTCOME_VERBS | set("""
connect meet send read write give lead run build create mentor volunteer take save pay invest
train teach speak hit walk exercise meditate sleep leave schedule
practice practise study interview negotiate ask request document contribute review call email post
track log limit cap block delegate onboard coach recruit generate collect get become make design
start lose gain double triple halve score rank prepare draft plan set shadow refactor update clear
stop quit drop cook swim cycle bike hike climb travel edit film answer hold watch audit put go
check spend attend follow share present
""".split())
IRREGULAR = {
    "ran": "run", "met": "meet", "sent": "send", "led": "lead", "gave": "give", "given": "give",
    "wrote": "write", "written": "write", "got": "get", "gotten": "get", "won": "win", "built": "build",
    "took": "take", "taken": "take", "spoke": "speak", "spoken": "speak", "became": "become",
    "made": "make", "paid": "pay", "left": "leave", "sold": "sell", "taught": "teach", "lost": "lose",
    "sat": "sit", "went": "go", "held": "hold", "spent": "spend", "put": "put", "set": "set", "cut": "cut",
    "hit": "hit", "read": "read",
}  # fmt: skip
# Verbs that name a direction, not an outcome: "improve my presentation skills".
IMPROVE_VERBS = set("""
improve develop enhance strengthen grow boost advance expand sharpen polish learn master upskill
broaden deepen refine level explore understand reduce increase cut raise lower decrease network
socialise socialize mingle
""".split())
IMPROVE_PHRASE = re.compile(
    r"(?:get(?:ting)?|be(?:come)?|becoming)\s+(?:better|good|great|stronger|faster|more\s+confident|comfortable)\s+(?:at|in|with)"
    r"|work(?:ing)?\s+on|focus(?:ing)?\s+on|brush(?:ing)?\s+up\s+(?:on)?|get(?:ting)?\s+into"
    r"|keep(?:ing)?\s+(?:on\s+)?(?:learning|improving|growing|developing|working\s+on|getting\s+better\s+at)"
    r"|get(?:ting)?\s+(?:my\s+head|to\s+grips)\s+(?:around|round|with)|read(?:ing)?\s+up\s+on|pick(?:ing)?\s+up"
    r"|dig(?:ging)?\s+into|invest(?:ing)?\s+in\s+(?:my|myself)\b",
    re.IGNORECASE,
)
# Verbs of being and having: concrete only with a role or a result ("become a director").
STATE_VERBS = {"be", "am", "is", "are", "being", "been", "have", "has", "having", "feel", "stay", "keep"}
# States that are plainly true or not on a given day: "be home for dinner", "be debt-free".
CHECKABLE_STATES = {"home", "debt-free", "offline", "asleep", "bed", "on-time", "punctual", "smoke-free", "sober"}
ROLES = set("""
director manager lead leader head partner vp principal architect analyst engineer consultant planner
specialist coordinator officer executive owner founder member mentor speaker author chair fellow
scientist developer designer supervisor president ceo cto cfo coo associate nurse teacher professor lecturer
editor recruiter controller trainer instructor auditor accountant
""".split())
# What others grant or think of you: a status to hope for, not something to do ("get a raise",
# "become a thought leader", "be seen as the go-to person"), unless an amount makes it a target.
STATUS_WORDS = set("""
raise promotion recognition recognised recognized noticed respected respect visibility visible
expert go-to influencer guru authority reputation name seen known thought trust seat step leader paid
""".split())
# After a verb, what makes it a whole action with no object: "log off", "switch off", "sign out".
PARTICLES = {"off", "out", "in", "down", "over"}
# Asking for a status is something you do: "ask for a promotion", "negotiate a raise".
ASKING = {"ask", "request", "negotiate", "apply", "pitch", "propose"}
# "A professional association" is a body one can join; "professional growth" is vague.
PROFESSIONAL_BODIES = {"association", "body", "society", "network", "group", "organisation", "organization",
                       "membership", "certification", "certificate", "exam", "license", "licence", "qualification"}  # fmt: skip
# What a person can have with someone, done or not: "have a frank talk with my lead".
MEETINGS = set("""
conversation conversations chat talk 1:1 one-on-one one-to-one meeting call coffee lunch discussion
check-in catch-up sync
""".split())
# Words that sound like a goal but name nothing to do or reach.
VAGUE_WORDS = set("""
successful success succeed better best more most good great happier happy healthier healthy fit
productive career life things stuff myself everything something anything goals skills harder
smarter well confident organised organized growth professional improvement progress potential
balance money rich famous wealthy efficient effective motivated disciplined valuable visible known
respected stronger faster ahead further forward busy involved less fewer relationships rapport
presence brand coding programming communicating communication finances order work-life bigger greater
larger higher impact difference someone somebody
""".split())
# Words between a verb and its object.
FILLER = set("""
a an the my our your their his her its this that these those some any all every each of to with
for on in at into about up down out off new online own one two three four five six seven eight
nine ten twelve few couple several first second third next another other extra additional least
much lot lots really truly way far even
""".split())
STOP = set("""
and or but so because by before after until within over during per from than then while when as if
which who that i we you they it is am are be been being will would should could can may might
must want wanted wants need needs hope plan planning going try trying really just also very
""".split())
# Openings to skip to reach the main verb: "I want to", "My goal is to", "I'll", "Don't".
PREFIX = re.compile(
    r"^(?:(?:i|we)(?:['’](?:ll|d|m))?\s+|my\s+goal\s+is\s+|(?:really|also|finally|definitely|maybe|perhaps|ideally)\s+|"
    r"(?:want|would\s+like|like|love|plan|need|hope|intend|aim|going|will|shall|must|should|have(?=\s+to\b)|try|"
    r"wish|am|may|might|could|can)\s+|to\s+|(?:don['’]t|do\s+not|never|no\s+longer)\s+)*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[$€£]?\d[\d,.]*%?(?:-[A-Za-z]+)?|[A-Za-z][A-Za-z'’-]*|[$€£]\s?\d[\d,.]*")
# Weak verbs ("get", "take", "build", ...) are done-or-not only with one of these objects.
OUTCOME = re.compile(
    r"\b(?:get(?:ting)?|got|becom(?:e|ing)|became|take|taking|took|build(?:ing)?|built|creat(?:e|ing)|"
    r"writ(?:e|ing)|wrote|run(?:ning)?|ran|lead(?:ing)?|led|speak(?:ing)?|give|giving|gave|find(?:ing)?|"
    r"set(?:ting)?\s+up|start(?:ing)?|mak(?:e|ing)|do(?:ing)?|hav(?:e|ing)|enter(?:ing)?|go(?:ing)?|went)\b"
    r"(?:\s+(?:for|up|to|on|in|with|into|at|as))?"
    r"(?:\s+[\w'’,-]+){0,5}?"
    r"\s+(?P<thing>certifications?|certificates?|certified|degree|diploma|masters?|mba|phd|exam|course|"
    r"program|programme|class|bootcamp|position|role|job|title|mentorship|mentor|coach|sponsor|book|"
    r"article|paper|blog|talk|presentation|keynote|workshop|webinar|website|portfolio|app|tool|"
    r"dashboard|pipeline|project|product|feature|prototype|report|proposal|thesis|dissertation|"
    r"licen[cs]e|accreditation|membership|marathon|half-marathon|5k|10k|triathlon|race|trip|vacation|"
    r"holiday|sabbatical|fund|loan|raise|offer|contract|deal|interview|application|module|meetup|"
    r"conference|event|podcast|newsletter|channel|business|startup|company|level|charter|handbook|policy|guide|"
    r"playbook|checklist|template|roadmap|budget|tracker|runbook|deck|strategy|curriculum|manual|wiki|memo|"
    r"framework|spreadsheet|survey|documentation|campaign|plan|post-mortem|postmortem|retro|retrospective|belt|cdl|"
    r"kickoff|kick-off|offsite|off-site|mixer|fair|summit|expo|gala|pto|leave|time\s+off|(?:day|week)s?\s+off|tests|"
    + "|".join(sorted(ROLES)) + r")(?:s|es)?\b",
    re.IGNORECASE,
)
# Done or not, whatever the numbers: "roll out the new policy", "have a frank talk with my lead".
CHECKABLE = re.compile(
    r"\b(?:roll(?:s|ed|ing)?\s+out|max(?:es|ed|ing)?\s+out|pa(?:y|ys|id|ying)\s+off|set(?:s|ting)?\s+up|"
    r"sign(?:s|ed|ing)?\s+up\s+for|hand(?:s|ed|ing)?\s+in|put(?:s|ting)?\s+together|wrap(?:s|ped|ping)?\s+up|"
    r"kick(?:s|ed|ing)?\s+off)\s+(?:the|a|an|my|our|\w+['’]s)\s+[\w'’ ,-]+"
    r"|\btak(?:e|es|ing)\s+over\s+[\w'’ -]+|\b(?:turn|switch)(?:s|ed|ing|es)?\s+off\s+[\w'’ -]+|\b(?:turn|switch)(?:s|ed|ing|es)?\s+(?:my|the)\s+[\w'’-]+\s+off\b"
    r"|\b(?:talk|speak|spoke|talked)\s+(?:to|with)\s+[\w'’ &-]+?\s+about\s+[\w'’-]+"
    r"|\bintroduce\s+myself\s+to\s+[\w'’ -]+"
    r"|\bask(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,3}?for\s+(?:a|an|the|my)\s+[\w'’ -]+"
    r"|\b(?:have|had|having|hold|schedule|book|set\s+up)\s+(?:a|an|the|my|our|one)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:" + "|".join(sorted(re.escape(word) for word in MEETINGS)) + r")\b(?:\s+with\s+[\w'’-]+(?:\s+[\w'’-]+)?)?",
    re.IGNORECASE,
)
_ACTION_FORMS = {form: verb for verb in sorted(ACTION_VERBS) for form in _forms(verb)} | IRREGULAR
_IMPROVE_FORMS = {form: verb for verb in sorted(IMPROVE_VERBS) for form in _forms(verb)}
PROMOTED = re.compile(
    r"\b(?:be|get|getting|got|being|am|is)\s+promoted\b|\bstep(?:ping)?\s+up\s+(?:to|into)\b"
    r"|\bmake\s+(?:director|partner|vp|principal|senior|lead|manager)\b|\bmov(?:e|ing)\s+up\s+(?:to|from|into)\b",
    re.IGNORECASE,
)
# A sentence that says why: "so that I can lead", "to prepare for the senior role".
RELEVANCE = re.compile(
    r"\b(?:so\s+that|so\s+(?:i|we)\s+can|in\s+order\s+to|because|since\s+(?:i|my|our|we)\b|which\s+will|"
    r"that\s+will\s+help|to\s+become|to\s+qualify\s+for|to\s+prepare\s+for|to\s+be\s+ready\s+for|"
    r"to\s+move\s+(?:into|up)|to\s+support|to\s+help\s+(?:me|my|our|the)|to\s+get\s+(?:promoted|ready)|"
    r"to\s+grow\s+(?:into|my)|to\s+stand\s+out|to\s+spend\s+(?:more\s+)?time\s+with|to\s+(?:protect|improve)\s+my\s+"
    r"(?:health|sleep|family|wellbeing|well-being)|"
    r"(?:for|towards?)\s+my\s+(?:next\s+|future\s+)?(?:promotion|career|move|transition|growth|development|"
    r"family|kids|children|health|wellbeing|retirement|future|dream)|as\s+(?:a\s+)?(?:step|part)\s+(?:towards?|of)|"
    r"for\s+(?:a|my|the)\s+(?:move|transition|switch|career\s+change)|to\s+build\s+(?:my|a)\s+(?:profile|reputation|"
    r"portfolio|network|brand|credibility|track\s+record)|required\s+for|needed\s+for|a\s+requirement\s+for)\b",
    re.IGNORECASE,
)
# "... to lead my own team": a purpose after the goal itself (never its first words: "learn to
# lead", "I want to lead" name the goal, not why).
PURPOSE = re.compile(
    r"(?<!\blearn\s)(?<!\bhow\s)(?<!\bready\s)\bto\s+(?:lead|qualify|prepare|become|earn|land|apply|switch|transition|"
    r"move\s+(?:into|up|to)|free\s+up|make\s+room|strengthen|position\s+myself|open\s+(?:up\s+)?(?:the\s+)?doors?|"
    r"take\s+on|step\s+into|be\s+considered|stay\s+(?:current|relevant|ahead|employable)|build\s+(?:my|a|the)\s+case|"
    r"afford|pay\s+for|make\s+partner|automate|hit\s+(?:my|our|the)|raise\s+my\s+profile|get\s+noticed|cover\s+my|"
    r"make\s+(?:fewer|less|better)|avoid|save\s+(?:time|hours|money)|pad\s+out\s+my|strengthen\s+my|"
    r"get\s+(?:my|a|the)\s+(?:[\w-]+\s+){0,2}(?:licen[cs]e|certification|cert|degree|role|job|promotion|place)|"
    r"learn\s+(?:the|how|our|more\s+about))\b"
    r"|\bfor\s+(?:a|my|our)\s+(?:house|home|flat|car|wedding|mortgage)(?:\s+deposit)?\b|\bfor\s+my\s+(?:cv|resume|résumé)\b"
    r"|\bso\s+(?:that\s+)?(?:they|he|she|everyone|my\s+[\w-]+|the\s+team|i|we)(?:\s+|['’])(?:can|could|have|get|will|won['’]t|don['’]t|"
    r"no\s+longer|stop|never|am|m|re|feel|spend|hit|qualify|make|reach|land|earn)\b"
    r"|\bsince\s+(?:the|our|my)\s+[\w-]+\s+(?:is|are|has|have|will|needs?)\b",
    re.IGNORECASE,
)
# A plan of how: "by completing relevant training programs", "through weekly practice".
PATH = re.compile(
    r"\b(?:by\s+\w+ing\b[\w'’ -]*|through\s+[\w'’ -]+|with\s+the\s+help\s+of\s+[\w'’ -]+|with\s+my\s+(?:mentor|coach|manager)\b)",
    re.IGNORECASE,
)
_WEEKDAY_PLURAL = r"mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays|weekends|workdays|weeknights"
RATE = re.compile(
    r"\b(?:(?:per|a|an|each|every|every\s+other|every\s+second|every\s+third)\s+(?P<every_n>" + NUMBER + r"\s+)?"
    r"(?P<unit>day|week|wk|month|mo|mth|quarter|qtr|year|yr|weekday|weekend|morning|evening|night|workday|working\s+day|"
    r"sprint|fortnight|hour|minute|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"(?!\s+(?:course|class|classes|program|programme|degree|job|shift|event|school|session|seminar|workshop)s?\b)"
    r"|(?<=\w)\s?/\s?(?P<slash>day|week|wk|month|mo|mth|quarter|qtr|year|yr)\b"
    r"|(?P<weekly>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*(?:\s?/\s?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)+"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:mornings|afternoons|evenings|nights))"
    r"|every\s+(?P<daily>lunch\s*(?:break|time)?|lunchtime|workday\s+morning)"
    r"|on\s+(?P<days>" + _WEEKDAY_PLURAL + r")"
    r"|(?P<adverb>daily|weekly|monthly|quarterly|yearly|annually|nightly|fortnightly|biweekly|bi-weekly))\b",
    re.IGNORECASE,
)
_RATE_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year",
                 "annually": "year", "nightly": "night", "fortnightly": "fortnight", "biweekly": "fortnight",
                 "bi-weekly": "fortnight"}  # fmt: skip
_MONEY = re.compile(
    r"(?P<cur>[$€£])\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<mult>k|m|million|thousand|bn)?\b"
    r"|\b(?P<n2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<mult2>k|m|million|thousand)?\s+"
    r"(?P<cur2>dollars|euros|pounds|usd|eur|gbp|chf)\b"
    r"|\b(?P<n3>\d+(?:\.\d+)?)(?P<mult3>k)\s+(?P<what>raise|bonus|salary|pay\s+rise|budget|savings|fund|increase)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.IGNORECASE)
_CHANGE = re.compile(
    r"\bfrom\s+(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<unit_a>%|[a-z]+)?\s+(?:down\s+|up\s+)?to\s+(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<unit_b>%|[a-z]+)?",
    re.IGNORECASE,
)
_MULTIPLY = re.compile(
    r"\b(?:double|triple|halve|quadruple)[sd]?\b|\b(?:in|by)\s+half\b|\bby\s+(?:a|one)\s+(?:third|quarter|fifth|tenth)\b", re.IGNORECASE
)
# A score out of a scale: "4.5/5", "9/10".
_SCORE = re.compile(r"(?<![\w/.])(?P<n>\d+(?:\.\d+)?)\s?/\s?(?P<of>5|7|10|100)\b(?![/.]\d)")
_LEVEL = re.compile(
    r"\b(?:to|at|reach(?:ing)?)\s+(?:an?\s+|the\s+)?(?P<level>[ABC][12]|level\s+\d+|conversational|fluent|fluency|"
    r"intermediate|advanced|proficient|native)(?:\s+level)?\b|\b(?P<fluent>fluent|conversational|proficient)\s+in\b"
    r"|\bfrom\s+(?:partially\s+)?(?:meets|good|solid|below|developing)\w*\s+to\s+(?P<rating>meets|exceeds|outstanding|strong|exceptional)\w*",
    re.IGNORECASE,
)
_COUNT = re.compile(r"(?<![\w$€£.,:/#-])(?P<n>" + NUMBER + r")(?!(?!x\b)[\w%-]|[.,:/]\d)", re.IGNORECASE)
# "once a week", "twice a month": how many times, in a word.
_TIMES_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_TIMES = re.compile(r"\b(?P<n>once|twice|thrice)\b", re.IGNORECASE)
# Before a number, what makes it part of a description or a name rather than an amount to reach.
_NAMED_NUMBER = re.compile(
    r"(?:\b(?:my|our|your|their|his|her)\s+(?:top\s+)?|(?<=\s)[A-Z][\w-]*\s+|"
    r"(?i:\b(?:iso|level|tier|phase|version|python|windows|ios|android|web|grade|band|step)\s+))$"
)
# After a number, units that make it an amount even after a name: "LinkedIn 2x a week", "GMAT 6 hrs".
_AMOUNT_UNITS = {"hours", "hrs", "hour", "hr", "h", "minutes", "mins", "min", "days", "weeks", "sessions", "posts", "pages",
                 "words", "steps", "km", "miles", "kg", "lbs", "problems", "books", "articles", "calls", "times"}  # fmt: skip
_NOT_UNITS = {"am", "pm", "o'clock", "oclock", "percent", "day", "time", "of"}
_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\b\d{1,2}:\d\d\b", re.IGNORECASE)
_UNIT_BREAK = STOP | set(_RATE_ADVERBS) | {"to", "for", "in", "on", "at", "with", "of", "a", "an", "the", "every", "each", "per",
                      "times", "time", "by", "my", "our", "this", "next", "or", "and"}  # fmt: skip


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked out, offsets unchanged."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# "by a quarter", "a quarter of": a fraction, not a period.
_FRACTION_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_FRACTION_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


# "set up a monthly budget", "automate the weekly export", "delegate the monthly report": a thing
# changed once, not a habit (but "set up a weekly 1:1" is a meeting that recurs).
_MADE_ONCE = re.compile(
    r"\b(?:set(?:s|ting)?\s+up|creat(?:e|es|ing)|build(?:s|ing)?|automat(?:e|es|ing)|design(?:s|ing)?|draft(?:s|ing)?|"
    r"put(?:s|ting)?\s+together|mak(?:e|es|ing)|delegat(?:e|es|ing)|hand(?:s|ing)?\s+(?:over|off)|outsourc(?:e|es|ing)|"
    r"redesign(?:s|ing)?|streamlin(?:e|es|ing)|simplif(?:y|ies|ying)|document(?:s|ing)?|replac(?:e|es|ing)|migrat(?:e|es|ing)|"
    r"cancel(?:s|ling|ing)?)\s+(?:a|an|the|my|our)\s+(?:new\s+)?$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s*([\w:'’-]+)")


def _made_once(text: str, found: re.Match[str]) -> bool:
    """Whether "weekly", "monthly"... names a kind of thing here ("delegate the monthly budget
    report") rather than how often the goal is done."""
    if not found["adverb"]:
        return False
    following = _NEXT_WORD.match(text, found.end())
    if following and following[1].lower() in MEETINGS | _PHRASE_BREAK:
        return False
    return bool(_MADE_ONCE.search(text, 0, found.start()))


def _rate(text: str) -> tuple[str, int, int] | None:
    for found in RATE.finditer(text):
        if _made_once(text, found):
            continue
        if found.group().lower().startswith(("a quarter", "an quarter")) and (
            _FRACTION_BEFORE.search(text[: found.start()]) or _FRACTION_AFTER.match(text, found.end())
        ):
            continue
        return _rate_of(found)
    return None


def _rate_of(found: re.Match[str]) -> tuple[str, int, int]:
    if found["adverb"]:
        return _RATE_ADVERBS[found["adverb"].lower()], found.start(), found.end()
    if found["days"]:
        return found["days"].lower().rstrip("s"), found.start(), found.end()
    if found["weekly"]:  # "Mon/Wed/Fri", "Friday afternoons"
        return "week", found.start(), found.end()
    if found["daily"]:  # "every lunch break"
        return "day", found.start(), found.end()
    if found["slash"]:  # "2 posts/month", "5/wk"
        return unit_name(found["slash"]), found.start(), found.end()
    unit = " ".join(found["unit"].lower().split())
    unit = unit_name(unit) if unit in UNIT_ABBREVIATIONS else unit
    every = (found["every_n"] or "").strip()
    step = found.group().lower().split()[1] if found.group().lower().startswith("every ") else ""
    if step in ("other", "second"):
        unit = f"2 {unit}s"
    elif step == "third":
        unit = f"3 {unit}s"
    elif every and number_value(every) not in (None, 1.0):
        unit = f"{every} {unit}s"
    return unit, found.start(), found.end()


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The noun phrase after a number: "client reports" of "five client reports per week"."""
    words: list[str] = []
    position = end
    for match in re.finditer(r"[A-Za-z][\w'’&-]*", text[end:]):
        if text[position : end + match.start()].strip() or len(words) >= 4:
            break  # punctuation or another number ends the phrase
        word = match.group()
        if word.lower() in _UNIT_BREAK:
            break
        words.append(word)
        position = end + match.end()
    return (" ".join(words) or None), position


def extract_metric(text: str, *, skip: list[tuple[int, int]] | None = None) -> Metric | None:
    """The measure a goal sentence names, if any; spans in ``skip`` (the deadline) are ignored.

    A number past NUMBER_LIMIT (a trillion; 309 digits are past a float, which reads them as
    infinity) is no target a goal can hold: its measure is of kind ``too_large``, with no amount.
    """
    metric = _metric(text, skip)
    if metric is not None and any(
        value is not None and not abs(value) <= NUMBER_LIMIT for value in (metric.amount, metric.baseline)
    ):
        return Metric(None, None, metric.rate, metric.phrase, metric.start, metric.end, "too_large")
    return metric


def _metric(text: str, skip: list[tuple[int, int]] | None) -> Metric | None:
    masked = _mask(text, skip or [])
    masked = _TIME_OF_DAY.sub(lambda m: " " * len(m.group()), masked)
    rate = _rate(masked)
    rate_unit = rate[0] if rate else None

    change = _CHANGE.search(masked)
    if change:
        unit = change["unit_b"] or change["unit_a"]
        if unit and unit.lower() in _UNIT_BREAK:
            unit = None
        if rate and re.search(r"\b(?:my|our|the|a)\s+$", masked[: rate[1]], re.IGNORECASE) and rate[2] < change.start():
            rate_unit = None  # "cut my weekly overtime from 12 hours to 4": a level to reach, not a count per week
        return Metric(
            float(change["b"].replace(",", "")), unit, rate_unit, change.group().strip(), change.start(), change.end(),
            "change", baseline=float(change["a"].replace(",", "")),
        )  # fmt: skip
    score = _SCORE.search(masked)
    if score:
        return Metric(float(score["n"]), f"out of {score['of']}", rate_unit, score.group(), score.start(), score.end(), "count")
    percent = _PERCENT.search(masked)
    if percent:
        return Metric(float(percent["n"]), "%", rate_unit, percent.group(), percent.start(), percent.end(), "percent")
    money = _MONEY.search(masked)
    if money:
        digits = (money["n"] or money["n2"] or money["n3"]).replace(",", "")
        multiplier = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9}.get(
            (money["mult"] or money["mult2"] or money["mult3"] or "").lower(), 1
        )
        currency = money["cur"] or (money["cur2"] or "").lower() or "$"
        return Metric(float(digits) * multiplier, currency, rate_unit, money.group().strip(), money.start(), money.end(), "money")
    body = PREFIX.match(masked).end()  # type: ignore[union-attr]
    for found in _COUNT.finditer(masked):
        word = found["n"]
        if word.lower() in ("a", "an") or (rate and rate[1] <= found.start() < rate[2]):
            continue  # "a", or the "two" of "every two weeks"
        amount = number_value(word)
        if amount is None:
            continue
        times = re.match(r"\s+times?\b|x\b", masked[found.end() :], re.IGNORECASE)
        if times:  # "three times a week"
            unit, unit_end = "times", found.end() + times.end()
        else:
            unit, unit_end = _unit_after(masked, found.end())
        if unit and unit.split()[0].lower() in _NOT_UNITS:
            continue
        if _NAMED_NUMBER.search(masked, body, found.start()) and not (times or unit and unit.split()[0].lower() in _AMOUNT_UNITS):
            continue  # "my 2 kids", "our top 10 clients", "the Level 2 team", "ISO 27001": a description
        if word.lower() == "one" and not unit:
            continue
        if re.fullmatch(r"(?:19|20|21)\d\d", word) and (not unit or unit[0].isupper()):
            continue  # a year ("the 2027 HR Tech conference"), not an amount
        if unit is None and not re.search(
            r"\b(?:score|reach|hit|rank|rate|rating|level|at\s+least|under|below|over|above|to)\s*$",
            masked[: found.start()], re.IGNORECASE,
        ):  # fmt: skip
            continue  # a bare number ("Python 3", "top 10") measures nothing by itself
        end = unit_end
        if rate and rate[1] >= unit_end and not masked[unit_end : rate[1]].strip():
            end = rate[2]
        return Metric(amount, unit, rate_unit, text[found.start() : end].strip(), found.start(), end, "count")
    if rate:
        times_word = _TIMES.search(masked)
        if times_word and not masked[times_word.end() : rate[1]].strip():  # "twice a month"
            amount = _TIMES_WORDS[times_word["n"].lower()]
            return Metric(amount, "times", rate_unit, text[times_word.start() : rate[2]], times_word.start(), rate[2], "count")
    level = _LEVEL.search(masked)
    if level:
        return Metric(None, level["level"] or level["fluent"] or level["rating"], rate_unit, level.group().strip(), level.start(), level.end(), "level")
    multiply = _MULTIPLY.search(masked)
    if multiply:
        return Metric(None, None, rate_unit, multiply.group(), multiply.start(), multiply.end(), "change")
    if rate:
        return Metric(None, None, rate_unit, text[rate[1] : rate[2]], rate[1], rate[2], "rate")
    return None


# -- the action a sentence names ------------------------------------------------------------


@dataclass(slots=True)
class _Action:
    """What the sentence says the person will do: a concrete action, an improvement of an area,
    a vague wish, or nothing recognisable."""

    kind: str  # action, improve, status, state, vague, none
    lemma: str | None = None
    phrase: str | None = None
    vague: str | None = None
    start: int = 0  # where its verb is in the sentence


def _tokens(text: str, start: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text, start)]


def _object(tokens: list[tuple[str, int, int]], index: int) -> tuple[int | None, str | None]:
    """The index of the first content word after the verb at ``index`` (or the vague word met
    first); an amount with nothing after it is an object too ("save $5,000")."""
    amount = None
    for position in range(index + 1, min(index + 8, len(tokens))):
        word = tokens[position][0]
        if word == "myself" and position + 1 < len(tokens) and tokens[position + 1][0] == "to":
            continue  # "introduce myself to the VP"
        if word.endswith("'s") and position + 1 < len(tokens):
            continue  # "my team's trust": the thing is what follows
        following = tokens[position + 1][0] if position + 1 < len(tokens) else None
        if word in VAGUE_WORDS and not any(later in MEETINGS for later, _, _ in tokens[position + 1 : position + 3]) and not (
            word == "professional" and following in PROFESSIONAL_BODIES
        ):
            return None, word
        if re.fullmatch(r"[$€£]?\d[\w,.%$-]*", word):
            amount = position
            continue
        if word in FILLER or number_value(word) is not None:
            continue
        if word in STOP:
            return amount, None
        return position, None
    return amount, None


_PHRASE_BREAK = (STOP - {"plan", "planning", "need", "needs", "hope"}) | {
    "by", "within", "per", "every", "each", "in", "at", "for", "to", "from", "on", "with", "of", "into", "w", "through"}  # fmt: skip


def _quote(text: str, tokens: list[tuple[str, int, int]], verb: int, obj: int, stop_at: int) -> str:
    """The verb and its object as written: "earning the PMP certification"."""
    end = tokens[obj][2]
    for word, start, word_end in tokens[obj + 1 : obj + 5]:
        if word in _PHRASE_BREAK or start >= stop_at or text[end:start].strip():
            break
        if word not in FILLER and number_value(word) is None:  # never end on "a" or "20": "... 20 minutes a"
            end = word_end
    return text[tokens[verb][1] : end]


def _find_action(text: str, stop_at: int) -> _Action:
    tokens = _tokens(text, PREFIX.match(text).end())  # type: ignore[union-attr]
    if not tokens:
        return _Action("none")
    candidates = [0] + [i + 1 for i, (word, _, _) in enumerate(tokens[:-1]) if word in ("by", "through", "and", "then", "via", "while")]
    improve: _Action | None = None
    vague: str | None = None
    state: _Action | None = None
    for index in candidates:
        word, start, _ = tokens[index]
        rest = text[start:]
        phrase = IMPROVE_PHRASE.match(rest)
        if phrase:
            after = len(_tokens(rest[: phrase.end()]))
            obj, vague_word = _object(tokens, index + after - 1)
            if obj is not None and improve is None:
                improve = _Action("improve", "improve", _quote(text, tokens, index, max(obj, index + after - 1), stop_at))
            vague = vague or vague_word
            continue
        if PROMOTED.match(rest) or (word in ("be", "get", "getting", "got", "being") and index + 1 < len(tokens) and tokens[index + 1][0] == "promoted"):
            end = index + 1
            return _Action("action", "promote", _quote(text, tokens, index, end, stop_at), start=start)
        if word == "get" and index + 2 < len(tokens) and tokens[index + 1][0] == "to" and tokens[index + 2][0] == "know":
            index += 2  # "get to know more people" is about knowing
            word = "know"
        lemma = _ACTION_FORMS.get(word)
        if word in _IMPROVE_FORMS:
            obj, vague_word = _object(tokens, index)
            if obj is not None and tokens[obj][0] not in ("as",) and improve is None:
                improve = _Action("improve", _IMPROVE_FORMS[word], _quote(text, tokens, index, obj, stop_at))
            vague = vague or vague_word
            continue
        is_state = word in STATE_VERBS
        if lemma is None and not is_state:
            if index != 0 or word in FILLER or word in STOP or word in VAGUE_WORDS or not word.replace("-", "").isalpha():
                if index == 0 and word in VAGUE_WORDS:
                    vague = vague or word
                continue
            lemma = word  # the sentence's first word, in the imperative: "Audit two lectures"
        obj, vague_word = _object(tokens, index)
        if obj is None:
            following = tokens[index + 1][0] if index + 1 < len(tokens) else None
            if vague_word is None and following in PARTICLES:
                after, _ = _object(tokens, index + 1) if index + 2 < len(tokens) else (None, None)
                if index + 2 >= len(tokens) or tokens[index + 2][0] in _PHRASE_BREAK or after is not None:
                    # "log off by 6pm", "take over chairing the stand-up"
                    return _Action("action", word, _quote(text, tokens, index, after or index + 1, stop_at), start=start)
            vague = vague or vague_word
            continue
        thing = tokens[obj][0]
        if (improve is not None or vague is not None) and index > 0 and tokens[index - 1][0] in ("by", "through", "via", "while"):
            # "improve my writing by reading more", "spend more time with my kids by leaving on time": a
            # way to a wish is no result, unless the way is one ("by earning the PMP certification").
            if lemma not in OUTCOME_VERBS and not OUTCOME.match(text, start):
                continue
        if is_state and thing in CHECKABLE_STATES:
            return _Action("action", "be", _quote(text, tokens, index, obj, stop_at), start=start)
        if is_state and any(later in MEETINGS for later, _, _ in tokens[obj : obj + 3]):
            return _Action("action", "meet", _quote(text, tokens, index, obj, stop_at), start=start)  # "have a frank talk with my lead"
        if thing in STATUS_WORDS and lemma not in ASKING:
            state = state or _Action("status", lemma or word, _quote(text, tokens, index, obj, stop_at), start=start)
            continue
        if is_state and thing not in ROLES:
            state = state or _Action("state", word, _quote(text, tokens, index, obj, stop_at), start=start)
            continue
        return _Action("action", lemma or word, _quote(text, tokens, index, obj, stop_at), start=start)
    if improve is not None:
        return improve
    if state is not None and state.kind == "status":
        return state
    if vague is not None:
        return _Action("vague", vague=vague)
    if state is not None:
        return state
    return _Action("none")


# -- the five criteria ----------------------------------------------------------------------


# A mentor's one-line advice for a goal that names a direction or a status, by what it is about:
# the first pattern found in the sentence decides (compiled on first use: a goal that is specific
# never needs them).
ADVICE = (
    (r"\bdashboards?|\btableau\b|power\s*bi\b|\blooker\b|visuali[sz]",
     "Name the dashboard you will ship and who will use it"),
    (r"\bpresent|public\s+speaking|\bspeak|\btalks?\b|\bpitch|powerpoint|\bslides?\b|\bdecks?\b",
     "Name the talk you will give, to whom and by when: 'present the Q1 results to the leadership team'"),
    (r"\bhealth|\bfit(?:ness)?\b|\bexercise|\bstress|\bsleep|\bbalance\b|\bburn|\bwell-?being|\brest\b|\bafter\s+\d|"
     r"\blate\s+nights?|\bevenings?\b|\bweekends?\b|\bswitch\s+off|\blog\s+off|\bnotifications?\b|\bovertime\b",
     "Name the habit and how often: 'a 20-minute walk at lunch, four days a week'"),
    (r"\bwrit|\bemails?\b|\bblog|\barticles?\b|\bdocumentation\b",
     "Name what you will write and who will read it: 'publish two posts on the team blog'"),
    (r"\bthought\s+leader|\bexpert|\bgo-to\b|\bknown\b|\bseen\b|\breputation|\brecogni[sz]|\brespect|\bauthority",
     "Name what people will see you do: 'give a talk at the all-hands', 'write the team's guide to it'"),
    (r"\blead(?:er|ership|ing)?\b|\bmanag|\bdelegat|\bcoach|\bmentor",
     "Name something your team will see you do: run the retro, mentor a new hire, lead one project to launch"),
    (r"\bcommunicat|\blisten|\bfeedback\b|\bconflict|\bnegotiat|\bobjections?\b",
     "Name the conversation or update you will own: 'run the weekly status update for my team'"),
    (r"\bnetwork|\bpeople\b|\bcontacts\b|\bconnections\b|\brelationships?\b|\bvisible|\bvisibility\b",
     "Say who you will meet and how many: 'have coffee with five product managers this quarter'"),
    (r"\b(?:a|my|pay)\s+raise\b|\bsalary|\bpay\b|\bpaid\b|\bpromot|\bbonus",
     "Name the amount or the role, and the step you will take: 'ask for a 10% raise at my March review'"),
    (r"\b(?:spanish|german|french|english|italian|portuguese|japanese|mandarin|chinese|arabic|korean|dutch|language)s?\b",
     "Name the level you will reach or the exam you will pass: 'B1 in Spanish, with the DELE exam'"),
    (r"\binvest|\bfinances?\b|\bmoney\b|\bbudget|\bsav(?:e|ing|ings)\b|\bdebt\b|\bspending\b",
     "Name the amount and where it goes: 'put $200 a month into an index fund'"),
    (r"\bpython|\bsql\b|\bexcel\b|\bkubernetes|\bcod(?:e|ing)\b|\bprogramming|\bjava|\brust\b|\baws\b|"
     r"\bazure\b|\bcloud\b|\bstatistics|\bmachine\s+learning|\bai\b|\bdata\b|\banalytics",
     "Name what you will build with it, or the course you will finish: 'automate the weekly report', 'finish the SQL course on Coursera'"),
)  # fmt: skip
GENERIC_ADVICE = "Name one result others could see when it has worked: a course finished, a talk given, a project shipped"


@cache
def _advice_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), line) for pattern, line in ADVICE)


def advice(text: str) -> str:
    """A mentor's one-line advice on making a vague goal concrete, by what the sentence is about."""
    return next((line for pattern, line in _advice_patterns() if pattern.search(text)), GENERIC_ADVICE)


def _specific(text: str, action: _Action, metric: Metric | None, fields: GoalFields | None) -> Verdict:
    amount = None
    if fields is not None and fields.target is not None:
        unit = fields.unit or fields.metric
        amount = format_number(fields.target) + (f" {unit}" if unit else "")
    elif metric is not None and metric.kind in ("percent", "money", "change", "count", "level"):
        amount = metric.describe()
    if action.kind == "action":
        return Verdict(True, f"names what you will do: {action.phrase}")
    if action.kind == "improve":
        if amount:
            return Verdict(True, f"names what will change and by how much: {action.phrase}, {amount}")
        return Verdict(False, f"'{action.phrase}' is a direction, not a result you could point to", advice(text))
    if action.kind == "status":
        if amount:
            return Verdict(True, f"names what you will get and how much: {action.phrase}, {amount}")
        return Verdict(False, f"'{action.phrase}' is what others decide, not something you do", advice(text))
    stated = metric is not None and amount is not None and (metric.kind != "count" or bool(metric.unit))
    if action.kind in ("state", "vague", "none") and stated:
        # "no more than 2 late nights a week", "keep my utilisation between 75 and 85%": the amount is the result
        return Verdict(True, f"names the result and how much: {amount}")
    if action.kind == "state":
        return Verdict(False, f"'{action.phrase}' is how you want to be, not something you do", advice(text))
    if action.kind == "vague":
        return Verdict(False, f"'{action.vague}' is vague: it names no result you could point to", advice(text))
    return Verdict(False, "names no action or result", "Start with what you will do: complete, earn, give, connect with ...")


CREDENTIAL = re.compile(
    r"\b(?:get|getting|got|earn|earning|pass|passing|obtain|obtaining|achieve|achieving|do|take|sit)\s+(?:my\s+|the\s+|a\s+|an\s+)?"
    r"(?:(?-i:[A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]+)?)|(?:pmp|cpa|cfa|cissp|ccna|ccnp|cdl|rn|bsn|msn|lpn|phr|sphr|shrm-cp|shrm-scp|cma|"
    r"cia|frm|acca|cima|itil|csm|psm|ckad|cka|comptia|tefl|celta|cipd))\b"
    r"(?!\s+(?:team|department|group|project|report|data|tickets?)\b)",
    re.IGNORECASE,
)
_JOINED = re.compile(r".*\b(?:and|then)\s+", re.IGNORECASE)


def _measurable(text: str, action: _Action, metric: Metric | None, fields: GoalFields | None, event: str | None) -> Verdict:
    if fields is not None and fields.target is not None:
        unit = f" {fields.unit}" if fields.unit else (f" {fields.metric}" if fields.metric else "")
        start = f"from {format_number(fields.baseline)} to " if fields.baseline is not None else ""
        per = f" per {fields.cadence}" if fields.cadence else ""
        return Verdict(True, f"target {start}{format_number(fields.target)}{unit}{per}")
    if metric is not None and metric.kind == "too_large":
        return Verdict(
            False,
            f"'{one_line(metric.phrase, 30)}' is too large to track: a goal's target is at most a trillion",
            "Count in a larger unit (thousands, millions), or name a smaller number",
        )
    if metric is not None:
        return Verdict(True, metric.describe())
    if action.kind == "action" and action.lemma in OUTCOME_VERBS | {"promote", "be"}:
        return Verdict(True, f"done or not done: {action.phrase}")
    checkable = (CHECKABLE.search(text) or CREDENTIAL.search(text)) if action.kind == "action" else None
    if checkable:
        return Verdict(True, f"done or not done: {one_line(checkable.group().strip(), 60)}")
    if action.kind in ("action", "state"):
        # The result must be what a verb of the goal makes (its first, the action's, or one joined
        # to it by "and"): in "prepare for
        # the ISO lead auditor certification", "lead" is no verb.
        first = PREFIX.match(text).end()  # type: ignore[union-attr]
        outcome = next(
            (found for found in OUTCOME.finditer(text, first)
             if found.start() in (first, action.start) or _JOINED.fullmatch(text, action.start, found.start())),
            None,
        )  # fmt: skip
        if outcome and "more" not in outcome.group().lower().split():
            return Verdict(True, f"done or not done: {outcome.group().strip()}")
        if event and action.kind == "action" and re.match(r"(?:after|before)\s+(?:each|every)|(?:within|w/in|in)\s", event, re.I):
            return Verdict(True, f"checkable each time: {action.phrase} {event}")
    suggestion = "Add a number (how many, how much?) or a result you can tick off"
    if fields is not None:
        suggestion += ", or fill in Target"
    return Verdict(False, "no number or checkable result", suggestion)


def _when(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} ago"
    if days < 120:
        return f"in {days} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"in {days} days, about {round(days / 30.44)} months"
    return f"in about {round(days / 365.25)} years"


def _time_bound(
    text: str, today: date, deadline: date | None, match: DeadlineMatch | None, fields: GoalFields | None, rate: bool
) -> Verdict:
    if deadline is not None:
        source = ""
        if match is not None:
            source = f"'{match.phrase}' → "
        elif fields is not None and fields.deadline_phrase:
            source = f"'{fields.deadline_phrase}' → "
        when = f"{source}{human_date(deadline, '%a %d %b %Y')}, {_when(deadline, today)}"
        if deadline < today:
            return Verdict(False, f"the deadline {human_date(deadline)} has passed", "Pick a new deadline, and note why it moved")
        return Verdict(True, when)
    vague = vague_time(text)
    if vague:
        return Verdict(False, f"'{vague}' is not a date", f"Swap '{vague}' for a date: by when, exactly?")
    event = event_time(text)
    if event:
        return Verdict(
            None,
            f"'{event}' is tied to an event, not a date",
            "Add an end date too: 'for the next three months', 'by March 31'",
        )
    if rate:
        return Verdict(False, "says how often, not until when", "Say for how long, then review it: 'for the next three months'")
    return Verdict(False, "no deadline", "Pick a date to aim for: 'within three months', 'by March 31', 'by the end of Q2'")


# Roughly the most a person keeps up for each kind of target: (amount, per days).
PACE_LIMITS = {
    "book": (1, 7), "books": (1, 7), "course": (1, 14), "courses": (1, 14), "certification": (1, 21),
    "certifications": (1, 21), "certificates": (1, 7), "kg": (1, 7), "kilos": (1, 7), "pounds": (2, 7), "lbs": (2, 7),
    "talks": (1, 7), "presentations": (1, 7), "articles": (2, 7), "posts": (3, 7), "modules": (3, 7),
    "languages": (1, 180), "marathons": (1, 28), "hours": (40, 7), "study hours": (30, 7),
    "events": (3, 7), "people": (30, 7), "contacts": (30, 7), "interviews": (5, 7), "chapters": (7, 7),
}  # fmt: skip
# How long some outcomes take at the least, in days.
MIN_DAYS = (
    (re.compile(
        r"\b(?:complete|completing|finish|finishing|earn|earning|get|getting|obtain|do|graduate\s+with)\s+(?:an?\s+|the\s+|my\s+)?"
        r"(?:[\w'-]+\s+){0,3}?(?:degree|master'?s|mba|phd|doctorate|bachelor'?s|msn|bsn|msc|bsc)\b(?!\s+(?:thesis|modules?|programs?|programmes?|"
        r"applications?|courses?|class(?:es)?|dissertation|project|assignments?|essays?|exams?))", re.I), 180, "a degree"),
    (re.compile(r"\b(?:fluent|fluency)\b", re.I), 180, "fluency in a language"),
    (re.compile(
        r"\b(?:(?:be|get|getting|got)\s+promoted|(?:become|attain|reach|land|secure|get|step\s+up\s+to|make)\s+"
        r"(?:a\s+|an\s+|the\s+)?(?:(?!my\b|our\b)[\w-]+\s+)?(?:manager|managerial|director|senior|lead|head|vp)\b)", re.I),
     45, "a promotion"),
    (re.compile(r"\bmarathon\b", re.I), 42, "a marathon"),
    (re.compile(r"\b(?:certification|certified|certificate|pmp|cpa|cfa|aws)\b", re.I), 14, "a certification"),
    (CREDENTIAL, 14, "a certification"),
    (re.compile(r"\bpass(?:ing)?\s+(?:the|my)\s+(?:[\w+-]+\s+){0,4}?exam\b", re.I), 14, "an exam"),
)


def _pace_limit(unit: str) -> tuple[float, float] | None:
    """The most a person keeps up of ``unit`` ("study hours", or its last word "hours"), if known."""
    return PACE_LIMITS.get(unit.lower()) or PACE_LIMITS.get(unit.lower().split()[-1])


_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.3}


def _too_fast(metric: Metric | None) -> str | None:
    """Why a rate ("15 books a week") is more than a person keeps up, if it is."""
    if metric is None or metric.amount is None or not metric.unit or metric.rate not in _PERIOD_DAYS:
        return None
    limit = _pace_limit(metric.unit)
    if limit and metric.amount > 1.5 * limit[0] * _PERIOD_DAYS[metric.rate] / limit[1]:
        return f"{metric.describe()} is more than most people keep up"
    return None


def _too_soon(text: str, metric: Metric | None, fields: GoalFields | None, days: int) -> str | None:
    """Why the deadline is too near for the size of the target, if it is."""
    target = fields.target if fields is not None and fields.target is not None else (metric.amount if metric else None)
    baseline = fields.baseline if fields is not None and fields.baseline is not None else (metric.baseline if metric else None)
    unit = (fields.unit if fields is not None and fields.unit else None) or (metric.unit if metric else None)
    per = metric.rate if metric else None
    if target is not None and unit and not per:
        limit = _pace_limit(unit)
        if limit:
            needed = abs(target - (baseline or 0))
            possible = limit[0] * max(days, 1) / limit[1]
            if needed > possible * 1.5:
                return f"{format_number(needed)} {unit} in {days} day{'s' if days != 1 else ''} is a lot"
    for pattern, minimum, what in MIN_DAYS:
        if days < minimum and pattern.search(text):
            return f"{days} day{'s' if days != 1 else ''} is very little time for {what}"
    if metric and metric.kind == "change" and metric.amount is None and days < 60 and not metric.phrase.lower().startswith("by"):
        return f"'{metric.phrase}' in {days} day{'s' if days != 1 else ''} is a big jump"
    return None


def _achievable(
    text: str, today: date, deadline: date | None, metric: Metric | None, fields: GoalFields | None, stop_at: int
) -> Verdict:
    too_fast = _too_fast(metric) if fields is None or fields.target is None else None
    if too_fast:
        return Verdict(False, too_fast, "Start with a pace you can keep, and raise it once it is a habit")
    if deadline is not None and deadline >= today:
        too_soon = _too_soon(text, metric, fields, (deadline - today).days)
        if too_soon:
            return Verdict(False, too_soon, "Give it more time, or make the target smaller")
    confidence = fields.confidence if fields is not None else None
    if confidence is not None and confidence <= 2:
        return Verdict(False, f"you rate your confidence {confidence}/5", "Make the target smaller, move the deadline, or line up help")
    active = fields.active_goals if fields is not None else None
    if active is not None and active >= ACTIVE_GOAL_LIMIT:
        return Verdict(
            False,
            f"{active} active goals already compete for your time",
            "Pause or finish one first, or keep this one as a draft",
        )
    if confidence is not None:
        load = f", {active} other active goal{'s' if active != 1 else ''}" if active is not None else ""
        return Verdict(True, f"confidence {confidence}/5{load}")
    path = PATH.search(text, 0, stop_at)
    known = "not rated yet" if fields is not None else "cannot tell from the text alone"
    if path:
        words = path.group().split()
        shown = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
        return Verdict(None, f"{known}; it names a path ({shown})", "Rate how sure you are, from 1 to 5")
    return Verdict(None, f"{known}: how sure are you? (1–5)", "Rate how sure you are, from 1 to 5")


def _reason(text: str) -> re.Match[str] | None:
    """Where the sentence says why ("so that I can lead", "... to automate my reports"), if it does."""
    reason = RELEVANCE.search(text)
    if reason is None:
        body = PREFIX.match(text).end()  # type: ignore[union-attr]
        first_word = text.find(" ", body)
        reason = PURPOSE.search(text, first_word) if first_word > 0 else None
    return reason


def _relevant(fields: GoalFields | None, reason: re.Match[str] | None) -> Verdict:
    if fields is not None:
        if fields.why and len(fields.why.split()) >= 2:
            return Verdict(True, f"why: {one_line(fields.why, 60)}")
        if fields.assessment_item is not None:
            item = f": {one_line(fields.assessment_item, 60)}" if fields.assessment_item.strip() else ""
            return Verdict(True, f"answers an assessment item{item}")
        if fields.parent_title:
            return Verdict(True, f"a step towards: {one_line(fields.parent_title, 60)}")
    if reason:
        return Verdict(True, f"the sentence says why: {one_line(reason.string[reason.start():], 60)}")
    # A blank Why field says no more than a sentence without one: the form and `goaljournal
    # smart` both leave the verdict open (not met, not failed) until a reason is given.
    return Verdict(
        None,
        "no reason given yet" if fields is not None else "cannot tell from the text alone",
        "Say why it matters to you, or link it to an assessment item or a longer-term goal",
    )


def smart_report(text: str, today: date, *, fields: GoalFields | None = None) -> SmartReport:
    """Judge a goal sentence (and, when given, its structured fields) against SMART.

    ``today`` anchors every relative date. Without ``fields`` only the sentence is known, so
    Achievable and Relevant are mostly "cannot tell" (None), and the reason says so. Only the
    first SENTENCE_LIMIT characters are read (``partial`` says so); ``text`` is the whole.
    """
    whole = " ".join(text.split())
    text = analysed_text(whole)
    match = find_deadline(text, today)
    if fields is not None and fields.deadline is not None:
        deadline: date | None = fields.deadline
        if match is not None and match.day != fields.deadline:
            match = None  # the Deadline field wins over the sentence
    else:
        deadline = match.day if match else None
    skip = [(match.start, match.end)] if match else []
    event = event_time(text)
    if event:
        start = text.find(event)
        skip.append((start, start + len(event)))
    reason = _reason(text)
    if reason is not None and reason.start() > 0:
        skip.append((reason.start(), len(text)))  # "... so I don't do the weekly reports by hand" measures nothing
    metric = extract_metric(text, skip=skip)
    action = _find_action(text, match.start if match else len(text))
    if not text:
        empty = Verdict(False, "the goal is empty", "Write the goal as one sentence: what, how much, by when")
        specific = measurable = empty
    else:
        specific = _specific(text, action, metric, fields)
        measurable = _measurable(text, action, metric, fields, event)
    return SmartReport(
        text=whole,
        today=today,
        specific=specific,
        measurable=measurable,
        achievable=_achievable(text, today, deadline, metric, fields, match.start if match else len(text)),
        relevant=_relevant(fields, reason),
        time_bound=_time_bound(text, today, deadline, match, fields, bool(metric and metric.rate)),
        deadline=deadline,
        deadline_match=match,
        metric=metric,
        partial=len(text) < len(whole),
    )


def analysed_text(text: str) -> str:
    """What the analysis reads of a goal sentence: its words, one space apart, up to
    SENTENCE_LIMIT characters (cut at a space when there is one)."""
    text = " ".join(text.split())
    if len(text) <= SENTENCE_LIMIT:
        return text
    head = text[: SENTENCE_LIMIT + 1]
    space = head.rfind(" ")
    return head[:space] if space > 0 else head[:SENTENCE_LIMIT]
