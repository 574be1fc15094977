"""The guided self-assessment: its steps, suggested skills, and what two sessions say together.

Pure functions over the store's domain objects: comparing two sessions (skill deltas, strengths
and weaknesses added and dropped, feedback themes), the app's digest of a session, and each
skill's trajectory across sessions. No SQL, no Textual; ``today`` is never read from a clock.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from goaljournal.core.models import AssessmentItem, Rating

# -- the guided session ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: str
    prompt: str


STEPS: tuple[Step, ...] = (
    Step("strengths", "Strengths", "What are you good at? For each strength, the evidence: what happened that shows it."),
    Step("weaknesses", "Weaknesses", "Where do you fall short? For each, the evidence and what it costs you."),
    Step("skills", "Skills — rate yourself today (1–5)", "Rate each of your skills from 1 to 5, with a one-line note."),
    Step("outcomes", "Successes and failures", "Since your last session: what happened, and what you learned from it."),
    Step("feedback", "Feedback received", "From whom (self, peer, supervisor, mentor, formal test), what was said, and what you will do."),
    Step("summary", "Summary", "Where do you stand, in a few lines of your own? The app's digest is beside it."),
    Step("review", "Review and next steps", "How this session compares with the last one, and what to turn into a goal."),
)
STEP_COUNT = len(STEPS)

# A skill rated this low (of 5) is offered as a goal, like a weakness.
LOW_RATING = 2

# Suggested starting skills for each goal category (DESIGN §2), for users with no skill list yet.
CATEGORY_SKILLS: dict[str, tuple[str, ...]] = {
    "skill": ("Presentation skills", "Writing", "Data analysis"),
    "performance": ("Time management", "Prioritisation", "Quality of work"),
    "leadership": ("Delegation", "Coaching others", "Decision making"),
    "education": ("Learning discipline", "Applying new knowledge"),
    "certification": ("Exam preparation", "Project management"),
    "networking": ("Building relationships", "Following up", "Public speaking"),
    "work-life balance": ("Setting boundaries", "Managing energy"),
    "financial": ("Budgeting", "Negotiation"),
}


def step_marks(step: int, total: int = STEP_COUNT) -> str:
    """``●●●○○○○`` for step 3 of 7 (steps count from 1)."""
    step = max(1, min(step, total))
    return "●" * step + "○" * (total - step)


def suggested_skills(categories: Iterable[str | None], existing: Iterable[str], *, limit: int = 6) -> list[tuple[str, str]]:
    """Skills to start from, as (name, category): those of ``categories`` first (the user's goals),
    then the rest, leaving out names the user already has (in any case)."""
    have = {name.casefold() for name in existing}
    wanted = [c for c in dict.fromkeys(categories) if c in CATEGORY_SKILLS]
    order = wanted + [c for c in CATEGORY_SKILLS if c not in wanted]
    chosen: list[tuple[str, str]] = []
    for category in order:
        for name in CATEGORY_SKILLS[category]:
            if name.casefold() not in have:
                have.add(name.casefold())
                chosen.append((name, category))
    return chosen[:limit]


# A session is due again this many days after the last completed one.
ASSESSMENT_EVERY_DAYS = 90


def assessment_due(last_completed: date | None, today: date, every_days: int = ASSESSMENT_EVERY_DAYS) -> bool:
    """Whether a new self-assessment is due: ``every_days`` or more after the last completed one
    (on that day itself, not the day before). A journal that never completed one is due."""
    if every_days < 1:
        raise ValueError(f"every_days must be at least 1, not {every_days}")
    return last_completed is None or (today - last_completed).days >= every_days


def skill_gap_text(name: str, rating: int) -> str:
    """The weakness that stands for a low-rated skill when a goal is made from it."""
    return f"{name} (rated {rating} of 5)"


def goal_title_for_weakness(text: str) -> str:
    return f"Improve: {' '.join(text.split())}"


def goal_title_for_skill(name: str, rating: int) -> str:
    return f"Raise my {' '.join(name.split())} rating from {rating} to {min(rating + 1, 5)} (of 5)"


# -- ratings and trajectories ----------------------------------------------------------------

RATING_BARS = "▁▂▄▆█"  # 1..5, on a fixed scale so that every skill's line reads the same way
NOT_RATED = "·"


def rating_sparkline(ratings: Sequence[int | None]) -> str:
    """One character per session: ▁ for 1 up to █ for 5, · where the skill was not rated."""
    return "".join(NOT_RATED if r is None else RATING_BARS[max(1, min(r, 5)) - 1] for r in ratings)


@dataclass(frozen=True, slots=True)
class SessionRef:
    """A session as trajectories need it: its id and date."""

    id: int
    at: str


@dataclass(slots=True)
class Trajectory:
    """One skill's ratings across sessions, oldest first (None: not rated in that session)."""

    skill_id: int
    name: str
    ratings: list[int | None]
    retired: bool = False

    @property
    def rated(self) -> list[int]:
        return [r for r in self.ratings if r is not None]

    @property
    def first(self) -> int | None:
        return self.rated[0] if self.rated else None

    @property
    def latest(self) -> int | None:
        return self.rated[-1] if self.rated else None

    @property
    def change(self) -> int | None:
        """Latest against first rating; None with fewer than two ratings."""
        rated = self.rated
        return rated[-1] - rated[0] if len(rated) >= 2 else None

    @property
    def sparkline(self) -> str:
        return rating_sparkline(self.ratings)


def trajectories(
    sessions: Sequence[SessionRef],
    ratings: Iterable[Rating],
    *,
    retired: Iterable[int] = (),
) -> list[Trajectory]:
    """Each rated skill's trajectory over ``sessions`` (in the order given: oldest first),
    by skill name (any case)."""
    column = {session.id: index for index, session in enumerate(sessions)}
    retired_ids = set(retired)
    by_skill: dict[int, Trajectory] = {}
    for rating in ratings:
        if rating.assessment_id not in column:
            continue
        line = by_skill.get(rating.skill_id)
        if line is None:
            line = by_skill[rating.skill_id] = Trajectory(
                rating.skill_id, rating.skill_name or f"skill {rating.skill_id}", [None] * len(sessions),
                retired=rating.skill_id in retired_ids,
            )
        line.ratings[column[rating.assessment_id]] = rating.rating
    return sorted(by_skill.values(), key=lambda t: (t.retired, t.name.casefold()))


# -- comparing two sessions -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkillChange:
    skill_id: int
    name: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def direction(self) -> str:
        """'up', 'down', 'same', 'new' (rated only after) or 'dropped' (rated only before)."""
        if self.before is None:
            return "new"
        if self.after is None:
            return "dropped"
        delta = self.after - self.before
        return "up" if delta > 0 else "down" if delta < 0 else "same"


def skill_changes(before: Iterable[Rating], after: Iterable[Rating]) -> list[SkillChange]:
    """Every skill rated in either session, by name, with its rating in each."""
    old = {r.skill_id: r for r in before}
    new = {r.skill_id: r for r in after}
    changes = []
    for skill_id in old.keys() | new.keys():
        name = (new.get(skill_id) or old[skill_id]).skill_name or f"skill {skill_id}"
        changes.append(SkillChange(
            skill_id, name,
            old[skill_id].rating if skill_id in old else None,
            new[skill_id].rating if skill_id in new else None,
        ))  # fmt: skip
    return sorted(changes, key=lambda c: c.name.casefold())


def delta_text(delta: int | None) -> str:
    """▲ 1, ▼ 2, = (no change); empty when there is nothing to compare."""
    if delta is None:
        return ""
    return f"▲ {delta}" if delta > 0 else f"▼ {-delta}" if delta < 0 else "="


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be by for from i in is it my of on or so that the to with me i'm am "
    "not no too very more less than this".split()
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.casefold()) if w not in _STOP)


def same_item(a: str, b: str) -> bool:
    """Whether two strengths (or weaknesses) written in different sessions say the same thing:
    most of their words (stemmed, without filler) are shared."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return a.strip().casefold() == b.strip().casefold()
    shared = len(wa & wb)
    return shared / len(wa | wb) >= 0.5 or shared == min(len(wa), len(wb))


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


@dataclass(slots=True)
class ItemChanges:
    """Items of one kind in two sessions: added (only after), dropped (only before), kept (both),
    reworded (carried into the later session with new words: the earlier item, then the later)."""

    added: list[AssessmentItem] = field(default_factory=list)
    dropped: list[AssessmentItem] = field(default_factory=list)
    kept: list[tuple[AssessmentItem, AssessmentItem]] = field(default_factory=list)
    reworded: list[tuple[AssessmentItem, AssessmentItem]] = field(default_factory=list)

    @property
    def still_there(self) -> list[AssessmentItem]:
        """The later session's items that go on from the earlier one, kept or reworded."""
        return [new for _, new in self.kept + self.reworded]

    def status_of(self, item: AssessmentItem) -> str:
        if item in self.added:
            return "added"
        if item in self.dropped:
            return "dropped"
        if any(item in pair for pair in self.reworded):
            return "reworded"
        return "kept"


def item_changes(before: Iterable[AssessmentItem], after: Iterable[AssessmentItem]) -> ItemChanges:
    """Match each later item with the earlier one it was carried from (kept or reworded there);
    items written without that link (sessions before "still true?") match by their words."""
    changes = ItemChanges()
    unmatched = list(before)
    by_id = {item.id: item for item in unmatched}
    loose = []
    for item in after:
        origin = by_id.pop(item.carried_from_id, None) if item.carried_from_id is not None else None
        if origin is None:
            loose.append(item)
            continue
        unmatched.remove(origin)
        (changes.kept if _same_text(origin.text, item.text) else changes.reworded).append((origin, item))
    for item in loose:
        match = next((old for old in unmatched if same_item(old.text, item.text)), None)
        if match is None:
            changes.added.append(item)
        else:
            unmatched.remove(match)
            changes.kept.append((match, item))
    changes.dropped = unmatched
    return changes


# Feedback themes: a theme is named when one of its word stems starts a word of the feedback.
THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("communication", ("present", "slide", "deck", "talk", "speak", "readout", "explain", "email",
                       "summar", "story", "storytell", "audience", "so what", "message", "chart", "recommend")),
    ("visibility and network", ("network", "visib", "outside", "meet people", "contact", "connect", "known")),
    ("time and boundaries", ("evening", "late", "9 pm", "overtime", "weekend", "deadline", "time",
                             "say no", "saying no", "prioriti", "leave by", "schedule")),
    ("stakeholders and influence", ("stakeholder", "sponsor", "push back", "scope", "negotiat", "influenc",
                                    "relationship", "hard conversation")),
    ("analysis and tools", ("analys", "analytic", "model", "dashboard", "data", "excel", "sql", "automat")),
    ("learning and exams", ("exam", "course", "study", "certif", "pmp", "practice", "learn")),
    ("leadership and coaching", ("leader", "team lead", "coach", "mentor", "delegat", "junior", "manage people")),
    ("working style", ("strengthsfinder", "analytical", "achiever", "deliberative", "personality",
                       "communicator", "pair with")),
)  # fmt: skip
OTHER_THEME = "other"


def themes_of(text: str) -> list[str]:
    folded = " ".join(text.casefold().split())
    found = [
        name for name, stems in THEMES
        if any(re.search(r"(?<![a-z0-9])" + re.escape(stem), folded) for stem in stems)
    ]  # fmt: skip
    return found or [OTHER_THEME]


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    count: int
    sources: tuple[str, ...]


def feedback_themes(items: Iterable[AssessmentItem]) -> list[Theme]:
    """The themes of a session's feedback (what was said and what I will do), most frequent first."""
    counts: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    for item in items:
        if item.kind != "feedback":
            continue
        for theme in themes_of(item.text):  # what was said; the action is the user's answer
            counts[theme] = counts.get(theme, 0) + 1
            if item.source and item.source not in sources.setdefault(theme, []):
                sources[theme].append(item.source)
    order = [name for name, _ in THEMES] + [OTHER_THEME]
    return sorted(
        (Theme(name, count, tuple(sources.get(name, ()))) for name, count in counts.items()),
        key=lambda t: (-t.count, order.index(t.name)),
    )


@dataclass(frozen=True, slots=True)
class ThemeChange:
    name: str
    before: int
    after: int

    @property
    def status(self) -> str:
        if not self.before:
            return "new"
        if not self.after:
            return "gone"
        return "more" if self.after > self.before else "fewer" if self.after < self.before else "same"


@dataclass(slots=True)
class Comparison:
    skills: list[SkillChange]
    strengths: ItemChanges
    weaknesses: ItemChanges
    themes: list[ThemeChange]

    def count(self, direction: str) -> int:
        return sum(change.direction == direction for change in self.skills)


def compare_sessions(
    before_items: Sequence[AssessmentItem],
    before_ratings: Sequence[Rating],
    after_items: Sequence[AssessmentItem],
    after_ratings: Sequence[Rating],
) -> Comparison:
    """What changed from one session (``before``) to another (``after``)."""
    old_themes = {t.name: t.count for t in feedback_themes(before_items)}
    new_themes = {t.name: t.count for t in feedback_themes(after_items)}
    order = [name for name, _ in THEMES] + [OTHER_THEME]
    themes = [
        ThemeChange(name, old_themes.get(name, 0), new_themes.get(name, 0))
        for name in order if name in old_themes or name in new_themes
    ]  # fmt: skip
    themes.sort(key=lambda t: -(t.before + t.after))
    return Comparison(
        skills=skill_changes(before_ratings, after_ratings),
        strengths=item_changes(_of(before_items, "strength"), _of(after_items, "strength")),
        weaknesses=item_changes(_of(before_items, "weakness"), _of(after_items, "weakness")),
        themes=themes,
    )


def _of(items: Iterable[AssessmentItem], kind: str) -> list[AssessmentItem]:
    return [item for item in items if item.kind == kind]


# -- the digest ------------------------------------------------------------------------------


def _names(changes: Sequence[SkillChange]) -> str:
    return ", ".join(f"{c.name} {delta_text(c.delta)}" for c in changes)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def digest(
    items: Sequence[AssessmentItem],
    ratings: Sequence[Rating],
    *,
    previous_items: Sequence[AssessmentItem] | None = None,
    previous_ratings: Sequence[Rating] | None = None,
    previous_at: str | None = None,
    items_with_goals: Collection[int] = (),
) -> list[str]:
    """The app's own summary of a session, a line per point, against the previous one if given.

    ``items_with_goals``: the session's items that a goal already came from (itself or an item it
    was carried from); no goal is suggested from those again."""
    kinds = {kind: _of(items, kind) for kind in ("strength", "weakness", "success", "failure", "feedback")}
    lines = [
        f"{_plural(len(kinds['strength']), 'strength')}, {_plural(len(kinds['weakness']), 'weakness', 'weaknesses')}, "
        f"{_plural(len(kinds['success']), 'success', 'successes')}, {_plural(len(kinds['failure']), 'failure')}, "
        f"{_plural(len(kinds['feedback']), 'piece')} of feedback."
    ]
    if ratings:
        average = sum(r.rating for r in ratings) / len(ratings)
        line = f"{_plural(len(ratings), 'skill')} rated, average {average:.1f} of 5"
        if previous_ratings:
            before = sum(r.rating for r in previous_ratings) / len(previous_ratings)
            line += f" (was {before:.1f})"
        lines.append(line + ".")
    else:
        lines.append("No skills rated yet.")
    if previous_ratings is not None and ratings:
        changes = skill_changes(previous_ratings, ratings)
        ups = [c for c in changes if c.direction == "up"]
        downs = [c for c in changes if c.direction == "down"]
        since = f" since {previous_at}" if previous_at else ""
        if ups:
            lines.append(f"Up{since}: {_names(ups)}.")
        if downs:
            lines.append(f"Down{since}: {_names(downs)}.")
        if not ups and not downs and any(c.direction == "same" for c in changes):
            lines.append(f"No skill moved{since}.")
    low = sorted((r for r in ratings if r.rating <= LOW_RATING), key=lambda r: (r.rating, (r.skill_name or "").casefold()))
    if low:
        lines.append("Lowest: " + ", ".join(f"{r.skill_name} {r.rating}" for r in low) + ".")
    weak = item_changes(_of(previous_items or [], "weakness"), kinds["weakness"])
    if previous_items is not None and kinds["weakness"]:
        if weak.still_there:
            lines.append("Still a weakness: " + "; ".join(new.text for new in weak.still_there) + ".")
        if weak.dropped:
            lines.append("No longer listed as a weakness: " + "; ".join(d.text for d in weak.dropped) + ".")
    themes = feedback_themes(items)
    if themes:
        top = ", ".join(f"{t.name} ({t.count})" for t in themes[:3])
        sources = sorted({i.source for i in kinds["feedback"] if i.source})
        lines.append(f"Feedback themes: {top}" + (f"; from {', '.join(sources)}." if sources else "."))
    # A weakness that outlived the last session and has a known cost is the likeliest goal; one
    # that a goal already came from is being worked on.
    lasting = weak.still_there
    open_weaknesses = [w for w in kinds["weakness"] if w.id not in items_with_goals]
    ranked = sorted(open_weaknesses, key=lambda w: (w not in lasting, w.cost is None))
    gaps_with_goals = {w.text for w in kinds["weakness"] if w.id in items_with_goals}
    open_low = [r for r in low if skill_gap_text(r.skill_name or "", r.rating) not in gaps_with_goals]
    if ranked:
        lines.append(f"A goal could start from: {ranked[0].text}.")
    elif open_low:
        lines.append(f"A goal could start from: {open_low[0].skill_name}.")
    return lines
