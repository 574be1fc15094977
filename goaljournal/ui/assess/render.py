"""Self-assessments as text: a session's summary as a reader shows it. Pure functions of the store."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from goaljournal.core.periods import long_date
from goaljournal.store import Store
from goaljournal.ui.shared.text import user_content

ITEM_SECTIONS = (
    ("strength", "Strengths"), ("weakness", "Weaknesses"), ("success", "Successes"),
    ("failure", "Failures"), ("feedback", "Feedback"),
)  # fmt: skip


def assessment_summary(store: Store, assessment_id: int) -> Content:
    assessment = next((a for a in store.assessments() if a.id == assessment_id), None)
    if assessment is None:
        return Content.styled("This self-assessment is no longer in the journal.", "$text-muted italic")
    state = f"completed {assessment.completed_at[:10]}" if assessment.completed_at else f"in progress, step {assessment.step}"
    lines = [
        Content.styled(f"Self-assessment of {long_date(date.fromisoformat(assessment.at))}", "bold"),
        Content.styled(state, "$text-muted"),
        Content(""),
        user_content(assessment.summary) if assessment.summary else Content.styled("No summary yet.", "$text-muted italic"),
    ]
    ratings = store.ratings(assessment.id)
    if ratings:
        lines += [Content(""), Content.styled("Skills (1–5)", "bold")]
        for rating in ratings:
            name = rating.skill_name or ""
            lines.append(
                Content.assemble(
                    "  ", user_content(name, single_line=True, width=30), " " * max(1, 32 - min(len(name), 30)),
                    ("●" * rating.rating + "○" * (5 - rating.rating), "$accent"), f"  {rating.rating}",
                )
            )
    items = store.assessment_items(assessment.id)
    for kind, title in ITEM_SECTIONS:
        chosen = [item for item in items if item.kind == kind]
        if chosen:
            lines += [Content(""), Content.styled(f"{title} ({len(chosen)})", "bold")]
            lines += [user_content(f"  • {item.text}") for item in chosen]
    return Content("\n").join(lines)
