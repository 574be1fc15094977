"""The command line: parse, call the store, print. Exit 0 on success, 1 on a user error (one
line on stderr), 2 on bad usage.

Quick commands (log, search, checkin, ...) must start fast, so this module imports only the
standard library and the store at the top; Textual, sqlite_utils and pendulum are imported
inside the commands that need them.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from goaljournal import __version__
from goaljournal.core.cadence import amount_text
from goaljournal.core.dates import BadDate, check_range, day_or_phrase, days_after, format_day, parse_day, parse_moment
from goaljournal.core.models import (
    CADENCES,
    CATEGORIES,
    ENTRY_KINDS,
    GOAL_STATUSES,
    INTERACTION_KINDS,
    PROGRESS_SOURCES,
    RELATIONSHIPS,
    CheckIn,
    Entry,
    Goal,
    Interaction,
    Milestone,
    Person,
    Revision,
)
from goaljournal.core.progress import LIMIT_TEXT, format_number, goal_horizon, progress_fraction, within_limit
from goaljournal.core.text import cell_width, one_line, pad_cells, plain_preview, printable
from goaljournal.core.words import change_text, overdue_since, plural, table_count
from goaljournal import passphrase
from goaljournal.files import OutputError, open_folder
from goaljournal.store import CorruptJournal, JournalError, Store
from goaljournal.store.backup_names import backups_folder, manual_names, newest_first
from goaljournal.store import driver
from goaljournal.store.connection import copy_problem, make_private_dir
from goaljournal.store.driver import Key
from goaljournal.store.errors import ReasonRequired, WrongPassphrase
from goaljournal.store.goals import GOAL_FIELDS
from goaljournal.store.location import resolve_journal_path
from goaljournal.store.values import ID_MAX

if TYPE_CHECKING:
    from goaljournal.core.cadence import CadenceSummary

PROG = "goaljournal"


class UserError(Exception):
    """A mistake in what the user asked for; printed as one line, exit status 1."""


# -- output ---------------------------------------------------------------------------------


def _json_text(data: Any) -> str:
    # json escapes C0 controls itself; C1 controls (a one-byte CSI is 0x9b) would otherwise pass
    # through to the terminal, so they are escaped too. The output stays valid JSON.
    # One regex pass, not a generator over every character (4 s of a 100,000-entry export).
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _C1_CONTROLS.sub(_escape_c1, text)


_C1_CONTROLS = re.compile("[\x7f-\x9f]")


def _escape_c1(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


# Control characters but tab, newline and a CRLF's carriage return (ICS lines end in CRLF).
_UNSAFE_CONTROLS = re.compile(r"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _terminal_safe(text: str) -> str:
    """Text for standard output, which may be a terminal: an escape code stored in an entry is
    shown (as ␛, ...) rather than obeyed. ``-o FILE`` keeps the bytes as they are."""
    return _UNSAFE_CONTROLS.sub(lambda match: printable(match.group()), text)


def print_json(data: Any) -> None:
    sys.stdout.write(_json_text(data) + "\n")


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id, "uuid": entry.uuid, "at": entry.at, "text": entry.text, "kind": entry.kind,
        "starred": bool(entry.starred), "private": bool(entry.private), "tags": entry.tags,
        "goal_ids": entry.goal_ids,
    }  # fmt: skip


def _json_number(value: float | None) -> float | None:
    """A stored number for JSON, which has no infinity: a journal written before values were
    bounded may hold one, shown as null."""
    return value if value is None or math.isfinite(value) else None


def goal_json(goal: Goal, periods: CadenceSummary | None = None) -> dict[str, Any]:
    """A goal for ``--json``. A goal with a cadence has its ``current`` period's total, and with
    ``periods`` (core.cadence.summarise) how many periods it met so far."""
    progress = progress_fraction(goal)
    data = {
        "id": goal.id, "uuid": goal.uuid, "title": goal.title, "status": goal.status,
        "category": goal.category, "horizon": goal_horizon(goal), "metric": goal.metric, "unit": goal.unit,
        "baseline": _json_number(goal.baseline), "target": _json_number(goal.target), "current": _json_number(goal.current),
        "progress": None if progress is None else round(progress, 4), "start_date": goal.start_date,
        "deadline": goal.deadline, "why": goal.why, "confidence": goal.confidence,
        "parent_id": goal.parent_id, "progress_from": goal.progress_from, "progress_tag": goal.progress_tag,
        "cadence": goal.cadence,
    }  # fmt: skip
    if periods is not None:
        data["periods"] = {"met": periods.met, "counted": periods.counted, "streak": periods.streak}
    return data


def goal_periods(store: Store, goals: Sequence[Goal]) -> dict[int, CadenceSummary]:
    """The periods of the goals with a cadence, as of the journal's today, by goal id."""
    from goaljournal.core.cadence import summarise

    rated = [goal for goal in goals if goal.cadence in CADENCES]
    if not rated:
        return {}
    amounts = store.checkin_amounts([goal.id for goal in rated])
    today = store.today()
    return {
        goal.id: summarise(goal.cadence, goal.target, amounts[goal.id], today, start=goal.start_date, deadline=goal.deadline)  # type: ignore[arg-type]
        for goal in rated
    }


def person_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id, "uuid": person.uuid, "name": person.name, "relationship": person.relationship,
        "role": person.role, "organisation": person.organisation, "how_met": person.how_met,
        "notes": person.notes, "private": bool(person.private), "tags": person.tags,
        "first_met": person.first_met, "last_met": person.last_met,
        "conversations": person.interaction_count, "open_follow_ups": person.open_follow_ups,
    }  # fmt: skip


def interaction_json(item: Interaction) -> dict[str, Any]:
    return {
        "id": item.id, "uuid": item.uuid, "person_id": item.person_id, "person": item.person_name,
        "at": item.at, "kind": item.kind, "notes": item.notes, "learned": item.learned, "outcome": item.outcome,
        "follow_up": item.follow_up, "follow_up_due": item.follow_up_due, "follow_up_done": item.follow_up_done,
        "goal_ids": item.goal_ids,
    }  # fmt: skip


def entry_line(entry: Entry) -> str:
    star = "*" if entry.starred else " "
    kind = "" if entry.kind == "reflection" else f"[{entry.kind}] "
    # A preview, as the app's lists show it: the Markdown read as plain text (--json has the text as written).
    return f"{entry.id:>6} {entry.at[:16]} {star} {kind}{plain_preview(entry.text, 200)}"


def goal_cells(goal: Goal) -> tuple[str, str, str, str, str, str]:
    """A goal's columns in ``goaljournal goals``: id, status, share done, title, amount, deadline."""
    progress = progress_fraction(goal)
    amount = ""
    if goal.target is not None:
        unit = f" {one_line(goal.unit)}" if goal.unit else ""
        amount = f"{format_number(goal.current if goal.current is not None else goal.baseline)}/{format_number(goal.target)}{unit}"
        if goal.cadence in CADENCES:  # this period's total
            amount += f" this {goal.cadence}"
    percent = f"{progress:.0%}" if progress is not None else ""
    deadline = f"by {goal.deadline}" if goal.deadline else "no deadline"
    return str(goal.id), goal.status, percent, one_line(goal.title), one_line(amount), deadline


# The widest a title or an amount column grows: a long one is cut with "…" so the deadline stays in reach.
GOAL_TITLE_CELLS, GOAL_AMOUNT_CELLS = 60, 32


def goal_lines(goals: list[Goal]) -> list[str]:
    """``goaljournal goals``: one line a goal, each column as wide as its widest cell (measured in
    terminal cells, so wide characters and accents keep the columns straight), numbers on the right."""
    rows = [goal_cells(goal) for goal in goals]
    if not rows:
        return []
    limits = (None, None, None, GOAL_TITLE_CELLS, GOAL_AMOUNT_CELLS, None)
    widths = [max(cell_width(row[column]) for row in rows) for column in range(6)]
    widths = [min(width, limit) if limit else width for width, limit in zip(widths, limits, strict=True)]
    aligns = (">", "<", ">", "<", ">", "<")
    return [
        "  ".join(pad_cells(cell, width, align) for cell, width, align in zip(row, widths, aligns, strict=True)).rstrip()
        for row in rows
    ]


# -- helpers --------------------------------------------------------------------------------


# The command line's "now": the real clock, or GOALJOURNAL_NOW (an ISO date-time) so scripts and
# tests can run as of a fixed moment. Read once, in main().
_clock: Callable[[], datetime] = datetime.now


def _now() -> datetime:
    return _clock().replace(microsecond=0)


def clock_from_environment() -> Callable[[], datetime]:
    """The real clock, unless GOALJOURNAL_NOW fixes the moment (``2027-01-31T09:00``)."""
    fixed = os.environ.get("GOALJOURNAL_NOW")
    if not fixed:
        return datetime.now
    try:
        moment = datetime.fromisoformat(fixed)
        if moment.tzinfo is not None:
            moment = moment.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise UserError(f"GOALJOURNAL_NOW must be a date and time like 2027-01-31T09:00, not '{fixed}'") from None
    try:
        check_range(moment.date())  # every date a command computes starts here
    except BadDate as err:
        raise UserError(f"GOALJOURNAL_NOW: {err}") from None
    return lambda: moment


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return parse_moment(text, _now())
    except BadDate as err:
        raise UserError(str(err)) from None


def _number(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise UserError(f"{what} must be a number, not '{text}'") from None
    if not within_limit(value):
        raise UserError(f"{what} must be {LIMIT_TEXT}, not '{one_line(text, 40)}'; nothing was saved")
    return value


def _text_argument(words: Sequence[str], what: str) -> str:
    text = " ".join(words)
    if text == "-":
        try:
            text = sys.stdin.read().rstrip("\n")
        except UnicodeDecodeError:
            raise UserError(f"{what} on standard input is not UTF-8 text; nothing was saved") from None
    if not text.strip():
        raise UserError(f"{what} is empty; nothing was saved")
    return text


# -- commands -------------------------------------------------------------------------------


def cmd_log(store: Store, args: argparse.Namespace) -> int:
    text = _text_argument(args.text, "the entry text")
    for goal_id in args.goal or ():
        _live_goal(store, goal_id)
    entry_id = store.add_entry(
        text, at=_moment(args.at), kind=args.kind, goal_ids=args.goal or (), starred=args.star
    )
    entry = store.get_entry(entry_id)
    if args.json:
        print_json(entry_json(entry))
    else:
        tags = f" with {', '.join('@' + printable(t) for t in entry.tags)}" if entry.tags else ""
        print(f"logged entry {entry.id} at {entry.at[:16]}{tags}")
    return 0


def _live_goal(store: Store, goal_id: int) -> Goal:
    """The goal, refused if it is in the trash: writing to it would be lost from sight."""
    goal = store.get_goal(goal_id)
    if goal.deleted_at is not None:
        raise UserError(f"goal {goal_id} is in the trash; restore it first")
    return goal


def cmd_checkin(store: Store, args: argparse.Namespace) -> int:
    goal = _live_goal(store, args.goal_id)
    raw = args.value.strip()
    # "+1": one more than the latest value, which the store reads in the same write transaction.
    number = _number(raw[1:] if raw.startswith("+") else raw, "the value")
    amount = {"delta": number} if raw.startswith("+") else {"value": number}
    at = _moment(args.at)
    checkin_id = store.add_checkin(
        goal.id, **amount, at=format_day(at.date()) if at else None, note=args.note, confidence=args.confidence
    )
    value = store.get_checkin(checkin_id).value
    goal = store.get_goal(goal.id)
    if args.json:
        print_json({"id": checkin_id, "goal": goal_json(goal)})
    else:
        if goal.cadence:
            share = f" ({amount_text(goal.current or 0.0, goal.target, goal.cadence)})"
        else:
            progress = progress_fraction(goal)
            share = f" ({progress:.0%} of the way)" if progress is not None else ""
        print(f"checked in {format_number(value)} on goal {goal.id}: {one_line(goal.title, 60)}{share}")
    return 0


def cmd_goal_add(store: Store, args: argparse.Namespace) -> int:
    title = _text_argument(args.text, "the goal")
    fields: dict[str, Any] = {
        "category": args.category, "unit": args.unit, "metric": args.metric, "why": args.why,
        "status": args.status, "parent_id": args.parent,
    }  # fmt: skip
    if args.per is not None:
        fields["cadence"] = None if args.per == "none" else args.per
    if args.target is not None:
        fields["target"] = _number(args.target, "the target")
    if args.baseline is not None:
        fields["baseline"] = _number(args.baseline, "the baseline")
    if args.progress_tag is not None and args.progress_from is None:
        raise UserError("--progress-tag needs --progress-from (what the goal counts)")
    fields["progress_from"], fields["progress_tag"] = args.progress_from, args.progress_tag
    today = _now().date()
    if args.deadline is not None:
        fields["deadline"] = format_day(_deadline_option(args.deadline, today))
    from_sentence = None
    if args.deadline is None:
        from goaljournal.core.deadlines import find_deadline
        from goaljournal.core.smart import analysed_text

        from_sentence = find_deadline(analysed_text(title), today)  # where the SMART analysis finds it
        if from_sentence is not None:
            try:
                fields["deadline"] = format_day(check_range(from_sentence.day))
            except BadDate as err:
                raise UserError(f"the deadline '{one_line(from_sentence.phrase)}': {err}; nothing was saved") from None
    gaps = _smart_gaps(title, fields, today)  # before the goal is saved: a failure here saves nothing
    goal_id = store.add_goal(title, **{k: v for k, v in fields.items() if v is not None})
    goal = store.get_goal(goal_id)
    if args.json:
        print_json(goal_json(goal))
    else:
        found = f" · deadline {goal.deadline} (from '{one_line(from_sentence.phrase)}')" if from_sentence else ""
        if goal.progress_from:
            tag = f" with @{one_line(goal.progress_tag)}" if goal.progress_tag else ""
            found += f" · counts {PROGRESS_SOURCES[goal.progress_from]}{tag} from the people log"
        print(f"added goal {goal.id}: {one_line(goal.title, 70)}{found}")
    if gaps:
        labels = ", ".join(gap.lower() for gap in gaps)
        sys.stderr.write(f"note: goal {goal.id} is not yet SMART ({labels}); `{PROG} smart TEXT` says why\n")
    return 0


def _deadline_option(text: str, today: date) -> date:
    """A --deadline: a date or a phrase."""
    day = day_or_phrase(text, today)
    if day is None:
        raise UserError(
            f"deadline: '{text}' is not a date: use YYYY-MM-DD or a phrase like 'within three months', "
            "'by March 31', 'end of Q2'"
        )
    try:
        return check_range(day)
    except BadDate as err:
        raise UserError(f"deadline: {err}") from None


def _smart_gaps(title: str, fields: dict[str, Any], today: date) -> list[str]:
    """The SMART criteria a new goal misses (Specific, Measurable, Time-bound), by label."""
    from goaljournal.core.smart import GoalFields, smart_report

    deadline = fields.get("deadline")
    known = GoalFields(
        metric=fields.get("metric"), unit=fields.get("unit"), baseline=fields.get("baseline"), target=fields.get("target"),
        deadline=date.fromisoformat(deadline) if deadline else None, why=fields.get("why"),
    )  # fmt: skip
    return smart_report(title, today, fields=known).gaps


def cmd_smart(store: Store | None, args: argparse.Namespace) -> int:
    from goaljournal.core.smart import LABELS, SENTENCE_LIMIT, smart_report

    text = _text_argument(args.text, "the goal")
    if args.today is None:
        today = _now().date()
    else:
        try:
            today = date.fromisoformat(args.today)
        except ValueError:
            raise UserError(f"--today must be a date (YYYY-MM-DD), not '{args.today}'") from None
    report = smart_report(text, today)
    if args.json:
        print_json(report.as_json())
        return 0
    print(one_line(report.text))
    if report.partial:
        print(f"  (a goal is a sentence: only its first {SENTENCE_LIMIT:,} characters are read)")
    for name, verdict in report.criteria:
        print(f"  {verdict.mark} {LABELS[name]:<11} {one_line(verdict.why)}")
    if report.deadline and report.deadline >= report.today:
        print(f"deadline: {report.deadline.isoformat()}")
    if report.suggestions:
        print("suggestions:")
        for suggestion in report.suggestions:
            print(f"  - {one_line(suggestion)}")
    verdict = "SMART" if report.is_smart else f"{report.met} of 5 met, not yet SMART"
    print(f"verdict: {verdict}")
    return 0


def cmd_goals(store: Store, args: argparse.Namespace) -> int:
    goals = store.goals(status=args.status)
    if args.json:
        periods = goal_periods(store, goals)
        print_json([goal_json(goal, periods.get(goal.id)) for goal in goals])
    else:
        for line in goal_lines(goals):
            print(line)
    return 0


# -- corrections: goal show/edit/status, milestones, check-in edit/delete, restore ------------


def checkin_json(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.id, "goal_id": checkin.goal_id, "at": checkin.at, "value": _json_number(checkin.value),
        "note": checkin.note, "confidence": checkin.confidence, "from_people_log": checkin.source is not None,
    }  # fmt: skip


def milestone_json(milestone: Milestone) -> dict[str, Any]:
    return {"id": milestone.id, "goal_id": milestone.goal_id, "title": milestone.title, "due": milestone.due_date,
            "done_on": milestone.done_at}  # fmt: skip


def revision_json(revision: Revision) -> dict[str, Any]:
    changes = {name: {"before": before, "after": after} for name, (before, after) in json.loads(revision.changes).items()}
    return {"id": revision.id, "at": revision.at, "changes": changes, "reason": revision.reason}


def goal_record_json(store: Store, goal: Goal) -> dict[str, Any]:
    """A goal with everything hanging from it, as ``goal show --json`` prints it."""
    return {
        **goal_json(goal), "cadence": goal.cadence, "in_trash": goal.deleted_at is not None,
        "milestones": [milestone_json(m) for m in store.milestones(goal.id)],
        "checkins": [checkin_json(c) for c in store.checkins(goal.id)],
        "revisions": [revision_json(r) for r in store.revisions(goal.id)],
    }  # fmt: skip


def _shown_value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return one_line(str(value), 30)


def goal_record_lines(store: Store, goal: Goal) -> list[str]:
    """``goal show``: the goal and what hangs from it, every line within 80 columns."""
    lines = [f"goal {goal.id}: {one_line(goal.title, 70)}"]
    horizon = goal_horizon(goal)
    about = [f"status {goal.status}", f"category {goal.category}" if goal.category else None,
             f"target per {goal.cadence}" if goal.cadence else None, f"horizon {horizon}" if horizon else None]  # fmt: skip
    lines.append("  " + " · ".join(part for part in about if part))
    progress = progress_fraction(goal)
    amounts = []
    if goal.target is not None:
        unit = one_line(goal.unit, 16) if goal.unit else None
        share = f" ({progress:.0%})" if progress is not None else ""
        if goal.cadence:  # a rate: the period under way, "2 of 5 reports this week"; no baseline
            amounts.append(f"progress {amount_text(goal.current or 0.0, goal.target, goal.cadence, unit)}{share}")
        else:
            current = goal.current if goal.current is not None else goal.baseline
            amounts.append(f"progress {format_number(current)} / {format_number(goal.target)}{f' {unit}' if unit else ''}{share}")
            amounts.append(f"baseline {format_number(goal.baseline)}")
    amounts.append(f"by {goal.deadline}" if goal.deadline else "no deadline")
    lines.append("  " + " · ".join(amounts))
    if goal.metric:
        lines.append(f"  measures: {one_line(goal.metric, 66)}")
    if goal.why:
        lines.append(f"  why: {one_line(goal.why, 71)}")
    if goal.deleted_at:
        lines.append(f"  in the trash since {goal.deleted_at[:16]}")
    milestones = store.milestones(goal.id)
    lines.append(f"milestones ({len(milestones)})" if milestones else "milestones: none")
    for m in milestones:
        state = f"done {m.done_at}" if m.done_at else "open"
        due = f"due {m.due_date}" if m.due_date else ""
        lines.append(f"  {m.id:>6}  {state:<15}  {due:<14}  {one_line(m.title, 34)}")
    checkins = store.checkins(goal.id)
    lines.append(f"check-ins ({len(checkins)})" if checkins else "check-ins: none")
    for c in checkins:
        note = one_line(c.note, 44) if c.note else ""
        counted = "(people log) " if c.source else ""
        lines.append(f"  {c.id:>6}  {c.at}  {format_number(c.value):>10}  {counted}{note}".rstrip())
    revisions = store.revisions(goal.id)
    lines.append(f"revisions ({len(revisions)})" if revisions else "revisions: none")
    for r in revisions:
        changes = "; ".join(change_text(name, before, after, _shown_value)
                            for name, (before, after) in json.loads(r.changes).items())  # fmt: skip
        lines.append(f"  {r.id:>6}  {r.at[:16]}  {one_line(changes, 52)}")
        if r.reason:
            lines.append(f"{'':>10}because: {one_line(r.reason, 61)}")
    return lines


def cmd_goal_show(store: Store, args: argparse.Namespace) -> int:
    goal = store.get_goal(args.goal_id)
    if args.json:
        print_json(goal_record_json(store, goal))
    else:
        sys.stdout.write("\n".join(goal_record_lines(store, goal)) + "\n")
    return 0


def _optional_text(text: str | None) -> str | None:
    """A text option where an empty string clears the field."""
    return None if text is None or not text.strip() else text


def _reason(args: argparse.Namespace) -> str | None:
    if args.reason is not None and not args.reason.strip():
        raise UserError("the reason is empty; nothing was saved")
    return args.reason


def _update_goal(store: Store, goal: Goal, changes: dict[str, Any], reason: str | None) -> None:
    try:
        store.update_goal(goal.id, reason=reason, reason_required=True, **changes)
    except ReasonRequired as err:
        raise UserError(f"{err}: add --reason TEXT; nothing was saved") from None


def _print_goal_change(store: Store, before: Goal, args: argparse.Namespace) -> None:
    after = store.get_goal(before.id)
    if args.json:
        print_json(goal_record_json(store, after))
        return
    changed = [
        change_text(name, getattr(before, name), getattr(after, name), _shown_value)
        for name in GOAL_FIELDS if getattr(before, name) != getattr(after, name)
    ]  # fmt: skip
    if changed:
        print(f"changed goal {after.id}: {one_line('; '.join(changed), 200)}")
    else:
        print(f"goal {after.id} already was as asked; nothing changed")


def cmd_goal_edit(store: Store, args: argparse.Namespace) -> int:
    goal = _live_goal(store, args.goal_id)
    changes: dict[str, Any] = {}
    if args.title is not None:
        if not args.title.strip():
            raise UserError("the title is empty; nothing was saved")
        changes["title"] = args.title
    for name in ("target", "baseline"):
        if getattr(args, name) is not None:
            changes[name] = _number(getattr(args, name), f"the {name}")
    if args.deadline is not None:
        changes["deadline"] = format_day(_deadline_option(args.deadline, store.today()))
    for name in ("unit", "metric", "why"):
        if getattr(args, name) is not None:
            changes[name] = _optional_text(getattr(args, name))
    if args.category is not None:
        changes["category"] = args.category
    if args.per is not None:
        changes["cadence"] = None if args.per == "none" else args.per
    if not changes:
        raise UserError("nothing to change: give --title, --target, --baseline, --unit, --metric, --deadline, --category, --why or --per")
    _update_goal(store, goal, changes, _reason(args))
    _print_goal_change(store, goal, args)
    return 0


def cmd_goal_status(store: Store, args: argparse.Namespace) -> int:
    goal = _live_goal(store, args.goal_id)
    _update_goal(store, goal, {"status": args.status}, _reason(args))
    _print_goal_change(store, goal, args)
    return 0


def _live_milestone(store: Store, milestone_id: int) -> Milestone:
    milestone = store.get_milestone(milestone_id)
    if milestone.deleted_at is not None:
        raise UserError(f"milestone {milestone_id} is in the trash; restore it first (`{PROG} restore milestone {milestone_id}`)")
    _live_goal(store, milestone.goal_id)
    return milestone


def _print_milestone(store: Store, milestone_id: int, args: argparse.Namespace, said: str) -> None:
    """The milestone as JSON, or ``said`` (which may name {done_on}) and the milestone."""
    milestone = store.get_milestone(milestone_id)
    if args.json:
        print_json(milestone_json(milestone))
    else:
        said = said.format(done_on=milestone.done_at)
        print(f"milestone {milestone.id} of goal {milestone.goal_id} {said}: {one_line(milestone.title, 50)}")


def cmd_milestone_add(store: Store, args: argparse.Namespace) -> int:
    goal = _live_goal(store, args.goal_id)
    title = _text_argument(args.text, "the milestone")
    due = None
    if args.due is not None:
        due = day_or_phrase(args.due, store.today())
        if due is None:
            raise UserError(f"--due: '{one_line(args.due, 40)}' is not a date: use YYYY-MM-DD or a phrase like 'in two weeks'")
        try:
            check_range(due)
        except BadDate as err:
            raise UserError(f"--due: {err}") from None
    milestone_id = store.add_milestone(goal.id, title, due=due)
    _print_milestone(store, milestone_id, args, "added")
    return 0


def cmd_milestone_done(store: Store, args: argparse.Namespace) -> int:
    milestone = _live_milestone(store, args.milestone_id)
    if milestone.done_at is None:
        store.set_milestone_done(milestone.id, store.today())
    _print_milestone(store, milestone.id, args, "done {done_on}" if milestone.done_at is None else "was already done {done_on}")
    return 0


def cmd_milestone_reopen(store: Store, args: argparse.Namespace) -> int:
    milestone = _live_milestone(store, args.milestone_id)
    if milestone.done_at is not None:
        store.set_milestone_done(milestone.id, None)
    _print_milestone(store, milestone.id, args, "reopened" if milestone.done_at is not None else "was already open")
    return 0


def cmd_milestone_delete(store: Store, args: argparse.Namespace) -> int:
    store.trash("milestones", args.milestone_id, strict=True)
    _print_moved(args.milestone_id, "milestone", args)
    return 0


def _print_moved(row_id: int, kind: str, args: argparse.Namespace, *, restored: bool = False) -> None:
    if args.json:
        print_json({"kind": kind, "id": row_id, "in_trash": not restored})
    elif restored:
        print(f"restored {kind} {row_id} from the trash")
    else:
        print(f"moved {kind} {row_id} to the trash; `{PROG} restore {kind} {row_id}` puts it back")


def _print_checkin_change(before: CheckIn, after: CheckIn, args: argparse.Namespace) -> None:
    if args.json:
        print_json({**checkin_json(after), "before": checkin_json(before)})
        return
    changed = [change_text(name, getattr(before, name), getattr(after, name), _shown_value)
               for name in ("value", "note", "at") if getattr(before, name) != getattr(after, name)]  # fmt: skip
    said = one_line("; ".join(changed), 200) if changed else "nothing changed"
    print(f"corrected check-in {after.id} of goal {after.goal_id}: {said}")


def cmd_checkin_edit(store: Store, args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    if args.value is not None:
        changes["value"] = _number(args.value, "the value")
    if args.note is not None:
        changes["note"] = _optional_text(args.note)
    if args.at is not None:
        changes["at"] = _day_option(args.at, "--at")
    if not changes:
        raise UserError("nothing to change: give --value, --note or --at")
    checkin = store.get_checkin(args.checkin_id)
    if checkin.deleted_at is not None:
        raise UserError(f"check-in {checkin.id} is in the trash; restore it first (`{PROG} restore checkin {checkin.id}`)")
    _live_goal(store, checkin.goal_id)
    before = store.update_checkin(checkin.id, **changes)
    _print_checkin_change(before, store.get_checkin(checkin.id), args)
    return 0


def cmd_checkin_delete(store: Store, args: argparse.Namespace) -> int:
    store.trash("checkins", args.checkin_id, strict=True)
    _print_moved(args.checkin_id, "checkin", args)
    return 0


# What `restore KIND ID` names, and the table it restores from.
RESTORABLE = {
    "goal": "goals", "milestone": "milestones", "checkin": "checkins", "entry": "entries",
    "person": "people", "conversation": "interactions", "assessment": "assessments",
}  # fmt: skip


def cmd_restore(store: Store, args: argparse.Namespace) -> int:
    if args.kind == "person":
        store.restore_person(args.id, strict=True)
    elif args.kind == "conversation":
        store.restore_interaction(args.id, strict=True)
    else:
        store.restore(RESTORABLE[args.kind], args.id, strict=True)
    _print_moved(args.id, args.kind, args, restored=True)
    return 0


def _day_option(text: str | None, option: str) -> str | None:
    if text is None:
        return None
    try:
        return format_day(parse_day(text, _now().date()))
    except BadDate as err:
        raise UserError(f"{option}: {err}") from None


def check_search_usage(args: argparse.Namespace) -> None:
    """Before the journal is opened (bad usage touches nothing): words to search for, or a filter."""
    filters = (args.tag, args.kind, args.goal, args.date_from, args.date_to)
    if not args.query and not args.starred and all(value is None for value in filters):
        args.parser.error("give words to search for, or a filter: --tag, --kind, --goal, --from, --to, --starred")


def cmd_search(store: Store, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    filters: dict[str, Any] = {
        "tag": args.tag.lstrip("@") if args.tag else None, "kind": args.kind,
        "starred": True if args.starred else None, "goal_id": args.goal,
        "date_from": _day_option(args.date_from, "--from"), "date_to": _day_option(args.date_to, "--to"),
    }  # fmt: skip
    filters = {name: value for name, value in filters.items() if value is not None}
    if args.tag is not None and not filters.get("tag"):
        raise UserError("--tag needs a tag name, like --tag networking")
    if "date_from" in filters and "date_to" in filters and filters["date_from"] > filters["date_to"]:
        raise UserError(f"--from {filters['date_from']} is after --to {filters['date_to']}")
    if args.goal is not None:
        store.get_goal(args.goal)  # an unknown goal is a mistake, not an empty result
    # Lines show no tags or goals: only --json needs them looked up.
    if args.query:
        entries = store.search(" ".join(args.query), limit=args.limit, links=args.json, **filters)
    else:
        entries = store.entries(limit=args.limit, links=args.json, **filters)
    if args.json:
        print_json([entry_json(entry) for entry in entries])
    elif entries:
        sys.stdout.write("\n".join(map(entry_line, entries)) + "\n")
    return 0


def cmd_tags(store: Store, args: argparse.Namespace) -> int:
    counts = store.tag_counts()
    if args.json:
        print_json([{"tag": name, "count": count} for name, count in counts])
    else:
        for name, count in counts:
            print(f"{count:>6}  @{printable(name)}")
    return 0


def _day_text(text: str | None) -> str:
    # Imported here: only met and followups print dates this way, and it is 1 ms to import.
    from goaljournal.core.periods import long_date

    return long_date(date.fromisoformat(text)) if text else "–"


def check_met_usage(args: argparse.Namespace) -> None:
    """Before the journal is opened: a name or --person, not both."""
    if not args.name and args.person is None:
        args.parser.error("give the person's NAME, or --person ID")
    if args.name and args.person is not None:
        args.parser.error("give NAME or --person ID, not both")


def _follow_up_day(phrase: str, today: date) -> date:
    """A --follow-up: read with the deadline rules of goals ("in a week", "by Friday", a date)."""
    day = day_or_phrase(phrase, today)
    if day is None:
        example = days_after(today, 7).isoformat()
        raise UserError(f"cannot read '{phrase}' as a date; try 'in a week', 'by Friday' or {example}; nothing was saved")
    try:
        return check_range(day)
    except BadDate as err:
        raise UserError(f"--follow-up: {err}; nothing was saved") from None


def _met_person(store: Store, args: argparse.Namespace) -> tuple[Person | None, str]:
    """The person the conversation was with, and their name; None when the name is new."""
    if args.person is not None:
        person = store.get_person(args.person)
        if person.deleted_at is not None:
            raise UserError(f"person {person.id} is in the trash; restore them first")
        return person, person.name
    name = " ".join(" ".join(args.name).split())
    if not name:
        raise UserError("the name is empty; nothing was saved")
    found = store.people_named(name)
    if len(found) > 1:
        ids = ", ".join(str(person.id) for person in found)
        raise UserError(f"{len(found)} people are named {name} (ids {ids}); say which with --person ID; nothing was saved")
    return (found[0], found[0].name) if found else (None, name)


def cmd_met(store: Store, args: argparse.Namespace) -> int:
    """Quick capture of a conversation: the person is found by name or added."""
    today = store.today()
    person, name = _met_person(store, args)
    # Everything is checked before anything is written: a bad phrase saves no new person.
    at = _day_option(args.at, "--at") or today.isoformat()
    fields: dict[str, Any] = {"notes": args.note, "learned": args.learned, "follow_up": args.follow_up_text}
    if args.follow_up is not None:
        due = _follow_up_day(args.follow_up, today)
        if due.isoformat() < at:
            raise UserError(f"the follow-up ({due.isoformat()}) is before the conversation ({at}); nothing was saved")
        fields["follow_up_due"] = due.isoformat()
    for goal_id in args.goal or ():
        _live_goal(store, goal_id)
    with store.transaction():
        person_id = person.id if person else store.add_person(name)
        interaction_id = store.add_interaction(
            person_id, args.kind, at=at, goal_ids=args.goal or (), **{k: v for k, v in fields.items() if v is not None}
        )
    item = store.get_interaction(interaction_id)
    if person is None:
        sys.stderr.write(f"added {one_line(name)} to your people (person {person_id}, a private contact)\n")
    if args.json:
        print_json({**interaction_json(item), "person": person_json(store.get_person(person_id)), "person_added": person is None})
        return 0
    follow = f"; follow up by {_day_text(item.follow_up_due)}" if item.follow_up_due else ""
    print(f"logged {item.kind} with {one_line(name)} on {_day_text(item.at)} (conversation {item.id}){follow}")
    return 0


def person_line(person: Person) -> str:
    where = ", ".join(part for part in (person.role, person.organisation) if part)
    last = f"last met {person.last_met}" if person.last_met else "not met yet"
    follow = f"  {person.open_follow_ups} open follow-up{'s' if person.open_follow_ups != 1 else ''}" if person.open_follow_ups else ""
    tags = " ".join("@" + tag for tag in person.tags)
    return (f"{person.id:>4}  {one_line(person.name, 28):<28}  {person.relationship:<8}  {one_line(where, 40):<40}  "
            f"{last}{follow}{'  ' + one_line(tags, 40) if tags else ''}")  # fmt: skip


def cmd_people(store: Store, args: argparse.Namespace) -> int:
    people = store.people(query=" ".join(args.query) or None, relationship=args.relationship, tag=args.tag)
    if args.json:
        print_json([person_json(person) for person in people])
    else:
        for person in people:
            print(person_line(person))
    return 0


def cmd_followups(store: Store, args: argparse.Namespace) -> int:
    if args.within < 0:
        raise UserError("--within must be 0 or more days")
    today = store.today()
    due = store.follow_ups_due(days_after(today, args.within))  # a huge --within: everything open
    if args.json:
        print_json([{**interaction_json(item), "overdue": item.follow_up_due < today.isoformat()} for item in due])  # type: ignore[operator]
        return 0
    states = [overdue_since(date.fromisoformat(item.follow_up_due or ""), today) if (item.follow_up_due or "") < today.isoformat()
              else "due" for item in due]  # fmt: skip
    column = max(map(len, states), default=0)
    for item, when in zip(due, states, strict=True):
        print(f"{item.id:>6}  {when:<{column}}  {_day_text(item.follow_up_due)}  {one_line(item.follow_up or '', 60)}  "
              f"({item.kind} with {one_line(item.person_name or '', 30)} on {_day_text(item.at)})")  # fmt: skip
    return 0


def cmd_remind(store: Store, args: argparse.Namespace) -> int:
    """What needs attention today; nothing at all when nothing does (exit 0 either way)."""
    from goaljournal.core.config import config_path, read_preferences
    from goaljournal.core.reminders import reminders

    if args.install or args.uninstall:
        return _remind_timer(store, args)
    if args.at is not None or args.dry_run:
        raise UserError(f"{'--at' if args.at is not None else '--dry-run'} goes with --install")
    preferences, problem = read_preferences(config_path())
    if problem:  # as the app does: say so once, and go on with the defaults
        _note(problem)
    today = store.today()
    checked_in_today = bool(store.checkin_days(since=today))
    if args.unless_checked_in and checked_in_today:
        return 0  # the daily timer's run: today's check-in is done, nothing to remind of
    items = reminders(
        today,
        active_goals=store.count_active_goals(),
        checked_in_today=checked_in_today,
        milestones=store.milestones_for_today(today, until=today),
        follow_ups=store.follow_ups_due(today),
        decisions=store.needed_decisions(today, assessment_every=preferences.assessment_interval_days),
    )
    if args.json:
        print_json({"items": [item.as_json() for item in items]})
    else:
        column = max((len(item.kind) for item in items), default=0)
        for item in items:
            due = f"{_day_text(item.due)}  " if item.due and item.due != today.isoformat() else ""
            print(f"{item.kind.replace('_', ' '):<{column}}  {due}{one_line(item.text)}")
    if args.notify and items:
        _notify(items)
    return 0


def _notify(items: list[Any]) -> None:
    """A desktop notification of the reminders; one line on stderr when none can be sent."""
    try:
        from desktop_notifier import DesktopNotifierSync  # the optional extra goaljournal[notify]
    except ImportError:
        _note("desktop notifications need an extra: pip install 'goaljournal[notify]'")
        return
    import logging

    # desktop-notifier logs a failure with its traceback instead of raising: keep what it logs
    # and say it in one line.
    failures: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: failures.append(str(record.exc_info[1]) if record.exc_info else record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("desktop_notifier")
    logger.addHandler(handler)
    logger.propagate = False
    lines = [one_line(item.text, 80) for item in items[:5]] + ([f"and {len(items) - 5} more"] if len(items) > 5 else [])
    try:
        DesktopNotifierSync(app_name="goaljournal").send(title=f"goaljournal: {len(items)} to attend to today", message="\n".join(lines))
    except Exception as err:  # noqa: BLE001 - whatever the backend raises, the list is printed already
        failures.append(str(err) or type(err).__name__)
    finally:
        logger.removeHandler(handler)
    if failures:  # no notification service (a server, a bare console): the list is printed anyway
        _note(f"no desktop notification: {failures[0][:160]}")


def _remind_timer(store: Store, args: argparse.Namespace) -> int:
    """``remind --install [--at HH:MM] [--dry-run]`` and ``remind --uninstall [--dry-run]``: a daily
    systemd user timer where systemd runs, else the crontab line to add."""
    import shutil
    import subprocess

    from goaljournal.core.reminders import TIMER_NAME, crontab_line, parse_time_of_day, systemd_units

    if args.install and args.uninstall:
        raise UserError("--install or --uninstall, not both")
    when = parse_time_of_day(args.at or "18:00")
    if when is None:
        raise UserError(f"--at must be a time of day as HH:MM (00:00 to 23:59), not '{printable(args.at)}'")
    command = [sys.executable, "-m", "goaljournal", "--db", str(store.path.resolve()), "remind", "--notify", "--unless-checked-in"]
    folder = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "systemd" / "user"
    systemd = shutil.which("systemctl") is not None and Path("/run/systemd/system").is_dir()
    units = systemd_units(command, *when)
    if args.dry_run:
        if args.uninstall:
            print("\n".join(str(folder / name) for name in units))
        elif systemd:
            for name, text in units.items():
                print(f"# {folder / name}\n{text}")
        else:
            print(crontab_line(command, *when))
        return 0
    if not systemd:
        if args.uninstall:
            print(f"remove this line with crontab -e:\n{crontab_line(command, *when)}")
        else:
            print(f"systemd is not running here: add this line with crontab -e:\n{crontab_line(command, *when)}")
        return 0
    systemctl = ["systemctl", "--user"]
    if args.uninstall:
        subprocess.run([*systemctl, "disable", "--now", f"{TIMER_NAME}.timer"], capture_output=True, check=False)
        for name in units:
            (folder / name).unlink(missing_ok=True)
        subprocess.run([*systemctl, "daemon-reload"], capture_output=True, check=False)
        print(f"removed the daily reminder ({TIMER_NAME}.timer)")
        return 0
    from goaljournal import files

    for name, text in units.items():
        files.write_text(folder / name, [text], create_folder=True)
    done = subprocess.run([*systemctl, "daemon-reload"], capture_output=True, text=True, check=False)
    if done.returncode == 0:
        done = subprocess.run([*systemctl, "enable", "--now", f"{TIMER_NAME}.timer"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise UserError(f"wrote {folder / (TIMER_NAME + '.timer')} but systemctl refused it: {printable(done.stderr.strip())[:160]}")
    print(f"a reminder every day at {args.at or '18:00'} ({TIMER_NAME}.timer; a missed one comes after wake-up)")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    if args.format != "json":
        return _export_other(store, args)
    from goaljournal.store.transfer import json_chunks

    # C1 controls escaped as in every --json output (see _json_text); json escapes the C0 ones.
    chunks = (_C1_CONTROLS.sub(_escape_c1, chunk) for chunk in json_chunks(store))
    if args.encrypt:
        return _export_encrypted(store, args, lambda: "".join(chunks))
    if args.output in (None, "-"):
        sys.stdout.writelines(chunks)
        return 0
    from goaljournal.exports import write_private

    out = Path(args.output).expanduser()
    # The export holds the whole journal: written atomically and private (0600), like the journal.
    write_private(out, chunks, journal=store.path)
    print(f"exported the journal to {out}", file=sys.stderr)
    return 0


EXPORT_PASSPHRASE = "GOALJOURNAL_EXPORT_PASSPHRASE"


def _export_passphrase(what: Path | str, *, new: bool) -> tuple[str, str | None]:
    """The passphrase of an encrypted export, and where it came from (None: typed): from
    GOALJOURNAL_EXPORT_PASSPHRASE, else the journal's own in the environment, else the terminal
    (twice for a new export)."""
    given = os.environ.get(EXPORT_PASSPHRASE)
    if given:
        if len(given) > passphrase.LONGEST:
            raise UserError(f"{EXPORT_PASSPHRASE} is longer than {passphrase.LONGEST} characters")
        return given, EXPORT_PASSPHRASE
    found = passphrase.from_environment()
    if found is not None:
        return found
    if not passphrase.has_terminal():
        raise UserError(
            f"{what} needs a passphrase and there is no terminal to ask at: set {EXPORT_PASSPHRASE}, "
            f"or {passphrase.COMMAND_VARIABLE} (a command that prints it); nothing was written" if new else
            f"{what} is encrypted and there is no terminal to ask its passphrase at: set {EXPORT_PASSPHRASE}, "
            f"or {passphrase.COMMAND_VARIABLE} (a command that prints it); nothing was imported"
        )  # fmt: skip
    if new:
        return passphrase.ask(f"Passphrase for {what}: ", confirm="Again, to be sure: "), None
    return passphrase.ask(f"Passphrase for {what}: "), None


def _export_encrypted(store: Store, args: argparse.Namespace, json_text: Callable[[], str]) -> int:
    """The JSON export (``json_text`` makes it), age-encrypted with a passphrase in memory and
    only then written: no plaintext reaches the disk. A file is binary (age's own form); standard
    output gets age's ASCII armor, which survives pipes, mail and the clipboard."""
    from goaljournal import agefile, exports

    out = None if args.output in (None, "-") else Path(args.output).expanduser()
    if out is None and sys.stdout.isatty():
        raise UserError("an encrypted export is not for the terminal: give -o FILE, or redirect standard output to a file")
    try:
        agefile.pyrage()  # a missing extra is said before a passphrase is asked for
    except agefile.AgeError as err:
        raise UserError(f"{err}; nothing was written") from None
    secret, _ = _export_passphrase(out or "the encrypted export", new=True)
    try:
        sealed = agefile.encrypt(json_text().encode("utf-8"), secret, armored=out is None)
    except agefile.AgeError as err:
        raise UserError(f"{err}; nothing was written") from None
    if out is None:
        sys.stdout.write(sealed.decode("ascii"))
        return 0
    exports.write_private_bytes(out, sealed, journal=store.path)
    print(f"exported the journal, encrypted, to {out}", file=sys.stderr)
    return 0


def _export_other(store: Store, args: argparse.Namespace) -> int:
    """markdown, csv, ics and jrnl: private entries only with --include-private."""
    from goaljournal import exports

    if args.encrypt:
        raise UserError("--encrypt is for --format json (the complete backup)")
    if args.time_format is not None and args.format != "jrnl":
        raise UserError("--time-format is for --format jrnl")
    if args.table is not None and args.format != "csv":
        raise UserError("--table is for --format csv")
    if (args.checkins or args.entries) and args.format != "ics":
        raise UserError("--checkins and --entries are for --format ics")
    if args.time_format is not None:
        try:
            datetime(2026, 1, 2, 13, 4, 5).strftime(args.time_format)
        except ValueError:
            raise UserError(f"--time-format '{args.time_format}' is not a strftime format") from None
    out = None if args.output in (None, "-") else Path(args.output).expanduser()
    if args.format == "csv" and args.table is None:
        if out is None:
            raise UserError("csv writes one file per table (goals, checkins, entries, people, interactions): give -o FOLDER, or --table to pick one")
        if out.exists() and not out.is_dir():
            raise UserError(f"{out} is a file: -o names a folder for the CSV files (or use --table)")
        written = exports.export_csv_files(store, out, include_private=args.include_private)
        print(f"exported {', '.join(p.name for p in written)} to {out}", file=sys.stderr)
        return 0
    pieces = exports.export_text(
        store, args.format, include_private=args.include_private, time_format=args.time_format,
        table=args.table, checkins=args.checkins, entries=args.entries,
    )  # fmt: skip
    if out is None:
        for piece in pieces:
            sys.stdout.write(_terminal_safe(piece))
        return 0
    exports.write_private(out, pieces, journal=store.path)
    print(f"exported the journal as {args.format} to {out}", file=sys.stderr)
    return 0


def _progress_bar(label: str) -> Callable[[int, int], None] | None:
    """A progress bar on stderr, only when stderr is a terminal (scripts and logs stay clean)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width if total == 0 else width * done // total
        share = 1.0 if total == 0 else done / total
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {share:4.0%}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _read_import(args: argparse.Namespace, source: Path, *, sealed: bool = False) -> bytes:
    """The bytes an import reads, refused past FILE_LIMIT before they are read (core/import_limits.py).
    With ``sealed``, an age-encrypted file (told by its first bytes) may be up to AGE_FILE_LIMIT."""
    from goaljournal.agefile import HEAD_BYTES, is_age
    from goaljournal.core.import_limits import AGE_FILE_LIMIT, check_file_size, read_limited

    def read(stream: Any, size: int | None) -> bytes:
        head = stream.read(HEAD_BYTES) if sealed else b""
        limit = AGE_FILE_LIMIT if sealed and is_age(head) else None
        if size is not None:
            check_file_size(size, limit)
        return head + read_limited(stream, len(head), limit)

    if args.file == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # a text stream in its place
            return read(io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape")), None)
        return read(stdin, None)
    if args.format == "jrnl" and source.is_dir():
        # A jrnl "folder" journal: one file a day, YYYY/MM/DD.txt, each in the same format.
        days = sorted(source.glob("*/*/*.txt"))
        check_file_size(sum(path.stat().st_size for path in days))
        return b"\n".join(path.read_bytes() for path in days)
    with source.open("rb") as handle:
        return read(handle, os.fstat(handle.fileno()).st_size)


def _import_entries(store: Store, args: argparse.Namespace) -> int:
    """jrnl and Day One: entries only, matched so that a second import adds nothing."""
    from goaljournal.core.dayone import NotDayOne, parse_dayone
    from goaljournal.core.import_limits import TooLarge
    from goaljournal.core.jrnl import NotJrnl, parse_jrnl

    source = Path(args.file).expanduser()
    try:
        if args.format == "dayone" and args.file != "-" and _is_zip(source):
            with source.open("rb") as handle:  # a zip is read member by member, never whole
                entries = list(parse_dayone(handle))
        elif args.format == "jrnl":
            try:
                text = _read_import(args, source).decode("utf-8")
            except UnicodeDecodeError:
                raise UserError(f"cannot read {source}: it is not UTF-8 text (an encrypted jrnl journal? decrypt it first)") from None
            entries = list(parse_jrnl(text))
            if not entries:
                raise UserError(
                    f"{source} holds no jrnl entries (lines like '[2026-11-24 09:00] Title'; an encrypted journal "
                    "must be decrypted first with jrnl --decrypt); nothing was imported"
                )
        else:
            entries = list(parse_dayone(_read_import(args, source)))
    except OSError as err:
        raise UserError(f"cannot read {err.filename or source}: {err.strerror}") from None
    except (TooLarge, NotDayOne, NotJrnl) as err:
        raise UserError(f"{source}: {err}; nothing was imported") from None
    added, present = store.import_entries(entries, progress=_progress_bar("importing"))
    if args.json:
        print_json({"entries": added, "already_present": present})
    elif added:
        print(f"imported {plural(added, 'entry')}" + (f" ({present:,} already in the journal)" if present else ""))
    else:
        print("nothing new to import: every entry is already in the journal")
    return 0


def _is_zip(source: Path) -> bool:
    try:
        with source.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # reading it again says why


def cmd_report(store: Store, args: argparse.Namespace) -> int:
    """The review packet for the month, quarter or year holding --at: Markdown, or one HTML page."""
    from goaljournal import exports

    at = store.today()
    if args.at is not None:
        try:
            at = parse_day(args.at, at)
        except BadDate as err:
            raise UserError(f"--at: {err}") from None
    build = exports.report_html if args.format == "html" else exports.report_markdown
    text = build(store, args.period, at, include_private=args.include_private)
    if args.output in (None, "-"):
        sys.stdout.write(printable(text))
        return 0
    out = Path(args.output).expanduser()
    exports.write_private(out, [text], journal=store.path)
    print(f"wrote the {args.period} report to {out}", file=sys.stderr)
    return 0


def cmd_import(store: Store, args: argparse.Namespace) -> int:
    if args.format != "json":
        return _import_entries(store, args)
    from goaljournal import agefile
    from goaljournal.core.import_limits import TooLarge
    from goaljournal.store.transfer import import_data, read_json

    source = Path(args.file).expanduser()
    try:
        data = _read_import(args, source, sealed=True)
        if agefile.is_age(data[: agefile.HEAD_BYTES]):
            data = _decrypted(source, data)
        text = data.decode("utf-8-sig")
    except OSError as err:
        raise UserError(f"cannot read {err.filename or source}: {err.strerror}") from None
    except UnicodeDecodeError:
        raise UserError(f"cannot read {source}: it is not UTF-8 text") from None
    except TooLarge as err:
        raise UserError(f"{source}: {err}; nothing was imported") from None
    if not text.strip():
        raise UserError(f"{source} is empty: not a goaljournal JSON export; nothing was imported")
    added = import_data(store, read_json(text))
    if args.json:
        print_json(added)
    else:
        total = sum(added.values())
        parts = ", ".join(table_count(count, table) for table, count in added.items() if count)
        print(f"imported {plural(total, 'row')} ({parts})" if total else "nothing new to import: every row is already in the journal")
    return 0


def _decrypted(source: Path, data: bytes) -> bytes:
    """An age-encrypted JSON export, decrypted in memory; what it holds is capped like a file."""
    from goaljournal import agefile
    from goaljournal.core.import_limits import AGE_WORK_FACTOR_LIMIT, check_decrypted_size

    try:
        agefile.pyrage()  # a missing extra, or a file made to hang, is said before a passphrase is asked for
        agefile.check_work_factor(data, AGE_WORK_FACTOR_LIMIT)
    except agefile.Damaged as err:
        raise UserError(f"{source} cannot be decrypted: {err}; nothing was imported") from None
    except agefile.AgeError as err:
        raise UserError(f"{source} is encrypted: {err}") from None
    secret, given_by = _export_passphrase(source, new=False)
    try:
        plaintext = agefile.decrypt(data, secret)
    except agefile.WrongPassphrase:
        where = f" (from {given_by})" if given_by else ""
        raise UserError(f"wrong passphrase for {source}{where}; nothing was imported") from None
    except agefile.AgeError as err:
        raise UserError(f"{source} cannot be decrypted: {err}; nothing was imported") from None
    check_decrypted_size(len(plaintext))
    return plaintext


def cmd_backup(store: Store, args: argparse.Namespace) -> int:
    managed = not args.dest
    alternatives: list[str] = []
    if args.dest:
        dest = Path(args.dest).expanduser()
    else:
        dest = backups_folder(store.path)
        make_private_dir(dest)  # refused if it is a link, someone else's, or open to others
    if not args.dest or dest.is_dir():
        # The name is goaljournal's: if another backup takes it in the same second, the next one.
        first, *alternatives = manual_names(store.path, _now())
        dest = dest / first
    written = store.backup(dest, managed=managed, alternatives=alternatives)
    if args.json:
        print_json({"backup": str(written)})
    else:
        print(f"backed up the journal to {written}")
    return 0


def cmd_doctor(store: Store, args: argparse.Namespace) -> int:
    problems = store.check()
    try:
        counts = store.counts()
    except CorruptJournal:  # a damaged table cannot be counted; check() has said what is wrong
        counts = {}
    report = {
        "path": str(store.path), "ok": not problems, "problems": problems,
        "schema_version": store.schema_version(), "read_only": store.read_only,
        "journal_mode": store.pragma("journal_mode"), "encrypted": store.encrypted, "counts": counts,
    }  # fmt: skip
    if args.json:
        print_json(report)
    else:
        how = "".join((", encrypted" if store.encrypted else "", ", read-only" if store.read_only else ""))
        print(f"journal: {printable(str(store.path))} (format {report['schema_version']}{how})")
        print("contents: " + ", ".join(table_count(n, table) for table, n in report["counts"].items()))
        for problem in problems:
            print(f"problem: {problem}")
        print("verdict: healthy" if not problems else f"verdict: {plural(len(problems), 'problem')} found")
        if any(not problem.startswith("bad value:") for problem in problems):
            print(_recovery_advice(store.path, store.key))
        elif problems:  # the file is sound; only values written by another program are wrong
            print("to repair: correct or delete the rows named above (sqlite3 can), or copy a backup over the journal")
    return 0 if not problems else 1


def _recovery_advice(path: Path, key: Key | None = None) -> str:
    """How to get a damaged journal's writing back: the newest of its own backups that passes
    SQLite's integrity check (newest first), else SQLite's .recover. A backup is never recommended
    unchecked, nor one of another journal sharing the folder."""
    shown = printable(str(path))
    if key is None:
        salvage = f"salvage what is readable with `sqlite3 {shown} .recover | sqlite3 recovered.db`"
    else:  # the sqlite3 shell cannot read it; SQLCipher's shell can, given the key
        salvage = f"salvage what is readable with SQLCipher's shell (`sqlcipher {shown}`, PRAGMA key, then .recover)"
    checked, skipped = 0, ""
    try:
        for backup in _backups_newest_first(path):
            checked += 1
            if copy_problem(backup, key=key) is None:
                failed = f" ({checked - 1} newer one(s) failed the check)" if checked > 1 else ""
                return (f"to recover: keep a copy of {shown}, then copy the newest backup that passes the integrity "
                        f"check, {printable(str(backup))}, over it{failed}; or {salvage}")  # fmt: skip
    except OutputError as err:
        skipped = f" (backups/ was not used: {err})"
    none_good = f"no backup passes the integrity check{skipped}; " if checked or skipped else ""
    return f"to recover: {none_good}keep a copy of {shown}, then {salvage} and open it with --db recovered.db"


def _backups_newest_first(journal: Path) -> list[Path]:
    """The journal's own backups in the backups folder beside it, newest first by the moment in
    their name (see store/backup_names.py); the folder is trusted only as a managed one (a real
    folder of the user's)."""
    folder = backups_folder(journal)
    if not os.path.lexists(folder):
        return []
    os.close(open_folder(folder, managed=True))
    return newest_first(journal, os.listdir(folder), folder)


def _opens_a_backup(path: Path, key: Key | None) -> bool:
    """Whether ``key`` opens one of the journal's backups: then a journal it does not open is
    damaged, not locked with another passphrase (SQLCipher cannot tell the two apart)."""
    if key is None:
        return False
    try:
        return any(copy_problem(backup, key=key) is None for backup in _backups_newest_first(path))
    except OutputError:
        return False


def doctor_unopenable(path: Path, err: JournalError, as_json: bool, key: Key | None = None) -> int:
    """``doctor`` on a file SQLite cannot even open: the verdict, and how to recover."""
    problem = str(err).split("; run `")[0]
    if as_json:
        print_json({"path": str(path), "ok": False, "problems": [problem], "recovery": _recovery_advice(path, key)})
        return 1
    # Like every refusal, one line on stderr: the verdict and the way back.
    return _fail(f"{problem}; it cannot be opened; {_recovery_advice(path, key)}")


# -- parser ---------------------------------------------------------------------------------


# More entries than any journal holds (100,000 is 27 years at ten a day).
SEARCH_LIMIT_MAX = 1_000_000


def _whole_number(text: str, what: str, highest: int) -> int:
    """``text`` as a whole number no further from zero than ``highest``; else an argparse type
    error (usage, exit 2) of one line that quotes at most 40 characters of ``text``."""
    shown = one_line(text, 40)
    try:
        value = int(text)
    except ValueError:
        if not re.fullmatch(r"\s*[+-]?\d+\s*", text):
            raise argparse.ArgumentTypeError(f"{what} is a whole number, not '{shown}'") from None
        value = highest + 1  # more digits than int() reads (4,300): too large either way
    if abs(value) > highest:
        raise argparse.ArgumentTypeError(f"{what} is a whole number up to {highest:,}, not '{shown}'")
    return value


def _goal_id(text: str) -> int:
    # Zero and negative ids pass: the store answers "no goal with id N", as for any unknown id.
    return _whole_number(text, "a goal id", ID_MAX)


def _checkin_id(text: str) -> int:
    return _whole_number(text, "a check-in id", ID_MAX)


def _milestone_id(text: str) -> int:
    return _whole_number(text, "a milestone id", ID_MAX)


def _row_id(text: str) -> int:
    return _whole_number(text, "an id", ID_MAX)


def _person_id(text: str) -> int:
    return _whole_number(text, "a person id", ID_MAX)


def _search_limit(text: str) -> int:
    return _whole_number(text, "a limit", SEARCH_LIMIT_MAX)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a subcommand from resetting options given before the command.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="journal file to use")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument("--remember", action="store_true", default=argparse.SUPPRESS,
                        help="keep an encrypted journal's passphrase in the system keyring (pip install 'goaljournal[keyring]')")  # fmt: skip

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A keyboard-driven journal for professional growth. With no command, opens the app.",
        epilog="The journal is GOALJOURNAL_DB or ~/.local/share/goaljournal/journal.db unless --db says otherwise.",
    )
    parser.add_argument("--db", metavar="PATH", help="journal file to use (default: $GOALJOURNAL_DB or the user data folder)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--remember", action="store_true", help="keep an encrypted journal's passphrase in the system keyring")
    parser.add_argument("--demo", action="store_true", help="open the app on a new demo journal (yours is untouched)")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Callable[[Store, argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(handler=handler)
        return sub

    log = command("log", cmd_log, "add a journal entry; @word in the text is a tag")
    log.add_argument("text", nargs="+", metavar="TEXT", help="the entry ('-' reads standard input)")
    log.add_argument("--at", metavar="DATE", help="when: YYYY-MM-DD, 'YYYY-MM-DD HH:MM', yesterday (default: now)")
    log.add_argument("--goal", type=_goal_id, action="append", metavar="ID", help="link to a goal (repeatable)")
    log.add_argument("--kind", choices=ENTRY_KINDS, default="reflection")
    log.add_argument("--star", action="store_true", help="star the entry")

    checkin = command("checkin", cmd_checkin, "record progress on a goal")
    checkin.epilog = f"To correct a check-in: {PROG} checkin edit CHECKIN_ID ...; to delete one: {PROG} checkin delete CHECKIN_ID."
    checkin.add_argument("goal_id", type=_goal_id, metavar="GOAL_ID")
    checkin.add_argument("value", metavar="VALUE", help="the current value, or +N to add to the latest")
    checkin.add_argument("--note", metavar="TEXT")
    checkin.add_argument("--at", metavar="DATE", help="the day (default: today)")
    checkin.add_argument("--confidence", type=int, choices=range(1, 6), metavar="1-5")

    # `checkin edit 4` and `checkin 4 5`: main() reads the two words "checkin edit" as this one
    # command before argparse sees them (see _joined_commands), so a goal id is never taken for
    # an action, nor an action for a goal id.
    checkin_edit = command("checkin edit", cmd_checkin_edit, "correct a check-in's value, note or day")
    checkin_edit.add_argument("checkin_id", type=_checkin_id, metavar="CHECKIN_ID")
    checkin_edit.add_argument("--value", metavar="V", help="the value it should have been")
    checkin_edit.add_argument("--note", metavar="TEXT", help="the note ('' removes it)")
    checkin_edit.add_argument("--at", metavar="DATE", help="the day it belongs to")
    checkin_delete = command("checkin delete", cmd_checkin_delete, "move a check-in to the trash")
    checkin_delete.add_argument("checkin_id", type=_checkin_id, metavar="CHECKIN_ID")

    goal = command("goal", lambda store, args: 2, "manage goals")
    goal_commands = goal.add_subparsers(dest="goal_command", metavar="ACTION", required=True)
    add = goal_commands.add_parser("add", parents=[common], help="add a goal", description="add a goal")
    add.set_defaults(handler=cmd_goal_add)
    add.add_argument("text", nargs="+", metavar="TEXT", help="the goal as a sentence")
    add.add_argument("--deadline", metavar="DATE", help="YYYY-MM-DD or a phrase: 'within three months', 'end of Q2'")
    add.add_argument("--target", metavar="N")
    add.add_argument("--baseline", metavar="N")
    add.add_argument("--unit", metavar="U")
    add.add_argument("--metric", metavar="WHAT", help="what is measured, e.g. 'study hours'")
    add.add_argument("--category", choices=CATEGORIES)
    add.add_argument("--why", metavar="TEXT", help="why it matters")
    add.add_argument("--status", choices=GOAL_STATUSES)
    add.add_argument("--parent", type=_goal_id, metavar="ID", help="the longer-term goal this one serves")
    add.add_argument("--progress-from", choices=tuple(PROGRESS_SOURCES), metavar="SOURCE",
                     help=f"count progress from logged conversations: {', '.join(PROGRESS_SOURCES)}")
    add.add_argument("--progress-tag", metavar="TAG", help="with --progress-from: count only people with this tag")
    add.add_argument("--per", choices=(*CADENCES, "none"), help="the target is per week, month or quarter")

    def goal_action(name: str, handler: Callable[[Store, argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = goal_commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(handler=handler)
        sub.add_argument("goal_id", type=_goal_id, metavar="ID")
        return sub

    goal_action("show", cmd_goal_show, "a goal with its progress, milestones, check-ins and revisions")
    edit = goal_action("edit", cmd_goal_edit, "correct a goal; a change of title, target or deadline needs --reason")
    edit.add_argument("--title", metavar="TEXT")
    edit.add_argument("--target", metavar="N")
    edit.add_argument("--baseline", metavar="N")
    edit.add_argument("--unit", metavar="U", help="('' removes it)")
    edit.add_argument("--metric", metavar="WHAT", help="what is measured ('' removes it)")
    edit.add_argument("--deadline", metavar="DATE", help="YYYY-MM-DD or a phrase: 'within three months', 'end of Q2'")
    edit.add_argument("--category", choices=CATEGORIES)
    edit.add_argument("--why", metavar="TEXT", help="why it matters ('' removes it)")
    edit.add_argument("--per", choices=(*CADENCES, "none"), help="the target is per week, month or quarter (none: in all)")
    edit.add_argument("--reason", metavar="TEXT", help="why it changes, kept as a revision")
    status = goal_action("status", cmd_goal_status, "change a goal's status, with the reason kept as a revision")
    status.add_argument("status", choices=GOAL_STATUSES, metavar="STATUS", help=", ".join(GOAL_STATUSES))
    status.add_argument("--reason", metavar="TEXT", help="why, kept as a revision")

    milestone = command("milestone", lambda store, args: 2, "add, tick, reopen or delete a goal's milestones")
    milestone_commands = milestone.add_subparsers(dest="milestone_command", metavar="ACTION", required=True)

    def milestone_action(name: str, handler: Callable[[Store, argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = milestone_commands.add_parser(name, parents=[common], help=help, description=help)
        sub.set_defaults(handler=handler)
        if name != "add":
            sub.add_argument("milestone_id", type=_milestone_id, metavar="ID")
        return sub

    milestone_add = milestone_action("add", cmd_milestone_add, "add a milestone to a goal")
    milestone_add.add_argument("goal_id", type=_goal_id, metavar="GOAL_ID")
    milestone_add.add_argument("text", nargs="+", metavar="TEXT", help="the milestone ('-' reads standard input)")
    milestone_add.add_argument("--due", metavar="DATE", help="YYYY-MM-DD or a phrase: 'in two weeks', 'by Friday'")
    milestone_action("done", cmd_milestone_done, "mark a milestone done today")
    milestone_action("reopen", cmd_milestone_reopen, "mark a milestone not done")
    milestone_action("delete", cmd_milestone_delete, "move a milestone to the trash")

    restore = command("restore", cmd_restore, "put something back from the trash")
    restore.add_argument("kind", choices=tuple(RESTORABLE), metavar="KIND", help=", ".join(RESTORABLE))
    restore.add_argument("id", type=_row_id, metavar="ID")

    goals = command("goals", cmd_goals, "list goals")
    goals.add_argument("--status", choices=GOAL_STATUSES)

    search = command("search", cmd_search, "full-text search of entries, newest first")
    search.add_argument("query", nargs="*", metavar="QUERY", help="words that must all appear (optional with a filter)")
    search.add_argument("--limit", type=_search_limit, default=50, metavar="N")
    search.add_argument("--tag", metavar="TAG", help="only entries with this @tag")
    search.add_argument("--kind", choices=ENTRY_KINDS, help="only entries of this kind")
    search.add_argument("--goal", type=_goal_id, metavar="ID", help="only entries linked to this goal")
    search.add_argument("--from", dest="date_from", metavar="DATE", help="only entries on or after DATE")
    search.add_argument("--to", dest="date_to", metavar="DATE", help="only entries on or before DATE")
    search.add_argument("--starred", action="store_true", help="only starred entries")
    search.set_defaults(parser=search, check_usage=check_search_usage)

    command("tags", cmd_tags, "each tag with its count, most used first")

    met = command("met", cmd_met, "log a conversation with someone; a new name adds the person")
    met.add_argument("name", nargs="*", metavar="NAME", help="who, by name (case ignored)")
    met.add_argument("--person", type=_person_id, metavar="ID", help="who, by id (when two people share a name)")
    met.add_argument("--kind", choices=INTERACTION_KINDS, default="coffee", help="what it was (default: coffee)")
    met.add_argument("--note", metavar="TEXT", help="what you talked about")
    met.add_argument("--learned", metavar="TEXT", help="advice given, or what you learned")
    met.add_argument("--at", metavar="DATE", help="the day (default: today)")
    met.add_argument("--follow-up", metavar="PHRASE", help="follow up by then: 'in a week', 'by Friday', YYYY-MM-DD")
    met.add_argument("--follow-up-text", metavar="TEXT", help="what the follow-up is (default: 'Follow up with NAME')")
    met.add_argument("--goal", type=_goal_id, action="append", metavar="ID", help="a goal you discussed (repeatable)")
    met.set_defaults(parser=met, check_usage=check_met_usage)

    people = command("people", cmd_people, "list people, by name; QUERY words must all match")
    people.add_argument("query", nargs="*", metavar="QUERY", help="words in the name, role, organisation, notes or tags")
    people.add_argument("--relationship", choices=RELATIONSHIPS)
    people.add_argument("--tag", metavar="TAG", help="only people with this tag")

    followups = command("followups", cmd_followups, "open follow-ups: overdue and due within a week")
    followups.add_argument("--within", type=int, default=7, metavar="DAYS", help="how far ahead to look (default: 7)")

    remind = command("remind", cmd_remind, "what needs attention today: check-in, milestones, follow-ups, decisions (nothing when nothing does)")
    remind.add_argument("--notify", action="store_true", help="also send a desktop notification (pip install 'goaljournal[notify]')")
    remind.add_argument("--unless-checked-in", action="store_true", help="say nothing once today's check-in is done")
    remind.add_argument("--install", action="store_true", help="remind every day (a systemd user timer, or the crontab line)")
    remind.add_argument("--uninstall", action="store_true", help="stop the daily reminder")
    remind.add_argument("--at", metavar="HH:MM", help="the time of the daily reminder (default: 18:00)")
    remind.add_argument("--dry-run", action="store_true", help="with --install or --uninstall: print what would be written, change nothing")

    export = command("export", cmd_export, "export the journal")
    export.add_argument("--format", choices=["json", "markdown", "csv", "ics", "jrnl"], default="json")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output (a folder for csv)")
    export.add_argument("--include-private", action="store_true", help="include entries and people marked private (json always does)")
    export.add_argument("--table", choices=["goals", "checkins", "entries", "people", "interactions"],
                        help="csv: only this table, as one file")
    export.add_argument("--time-format", metavar="FMT", help="jrnl: the timeformat of your jrnl config (default '%%Y-%%m-%%d %%H:%%M')")
    export.add_argument("--checkins", action="store_true", help="ics: check-in days as all-day events")
    export.add_argument("--entries", action="store_true", help="ics: entries as VJOURNAL")
    export.add_argument("--encrypt", action="store_true",
                        help="json: encrypt with a passphrase (age; $GOALJOURNAL_EXPORT_PASSPHRASE or asked; pip install 'goaljournal[encrypted]')")  # fmt: skip

    imp = command("import", cmd_import, "import a journal export (rows already present are skipped)")
    imp.add_argument("--format", choices=["json", "jrnl", "dayone"], default="json")
    imp.add_argument("file", metavar="FILE", help="the file ('-' reads standard input); an encrypted export is decrypted first")

    report = command("report", cmd_report, "a progress report for a month, quarter or year (Markdown, or HTML with charts)")
    report.add_argument("--period", choices=["month", "quarter", "year"], default="month")
    report.add_argument("--format", choices=["markdown", "html"], default="markdown",
                        help="html: one self-contained page with charts, for a browser or to print")  # fmt: skip
    report.add_argument("--at", metavar="DATE", help="a day in the period (default: today)")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    report.add_argument("--include-private", action="store_true", help="include entries marked private")

    backup = command("backup", cmd_backup, "copy the journal to a new private file")
    backup.add_argument("dest", nargs="?", metavar="DEST", help="file or folder (default: backups/ beside the journal)")

    command("doctor", cmd_doctor, "check the journal's integrity and give a verdict")

    def conversion(name: str, handler: Callable[[Store | None, argparse.Namespace], int], help: str) -> None:
        sub = command(name, handler, help)  # type: ignore[arg-type]
        sub.add_argument("--delete-backups", action="store_true",
                         help="delete the journal's backups and upgrade copies instead of converting them")  # fmt: skip
        sub.set_defaults(without_journal=True)

    conversion("encrypt", cmd_encrypt, "encrypt the journal and its backups with a passphrase (pip install 'goaljournal[encrypted]')")
    conversion("decrypt", cmd_decrypt, "make an encrypted journal and its backups plain again")
    conversion("rekey", cmd_rekey, "give an encrypted journal and its backups a new passphrase")
    command("lock", cmd_lock, "forget the passphrase remembered in the system keyring").set_defaults(without_journal=True)  # type: ignore[arg-type]

    smart = command("smart", cmd_smart, "the SMART analysis of a goal sentence (reads no journal)")
    smart.add_argument("text", nargs="+", metavar="TEXT", help="the goal as a sentence ('-' reads standard input)")
    smart.add_argument("--today", metavar="YYYY-MM-DD", help="the day relative dates count from (default: today)")
    smart.set_defaults(without_journal=True)
    return parser


# Two-word commands beside a one-word command that takes a number: `checkin edit 4` beside `checkin 4 5`.
JOINED_COMMANDS = {("checkin", "edit"), ("checkin", "delete")}


def _joined_commands(argv: list[str]) -> list[str]:
    """``argv`` with a two-word command (``checkin edit``) as the one word its parser is named by.
    Only the command's own position counts: the first word that is neither an option of the
    program nor --db's value."""
    index = 0
    while index < len(argv) and argv[index].startswith("-") and argv[index] != "-":
        index += 2 if argv[index] == "--db" else 1
    if tuple(argv[index : index + 2]) in JOINED_COMMANDS:
        return [*argv[:index], " ".join(argv[index : index + 2]), *argv[index + 2 :]]
    return argv


def _note(message: str) -> None:
    """A warning that does not stop the command: one line on stderr, newlines as spaces."""
    sys.stderr.write(f"{PROG}: {printable(message).replace(chr(10), ' ')}\n")


def _fail(message: str) -> int:
    # One line, whatever the message quotes: printable() keeps newlines, so show them as ␊.
    sys.stderr.write(f"{PROG}: {printable(message).replace(chr(10), chr(0x240A))}\n")
    return 1


def main(argv: Sequence[str] | None = None, *, clock: Callable[[], datetime] | None = None) -> int:
    """Run one command. ``clock`` (default: the real one, or GOALJOURNAL_NOW) is the moment
    every date the command reads or writes is relative to."""
    global _clock
    parser = build_parser()
    args = parser.parse_args(_joined_commands(sys.argv[1:] if argv is None else list(argv)))
    args.json = getattr(args, "json", False)
    args.remember = getattr(args, "remember", False)
    if getattr(args, "check_usage", None):
        args.check_usage(args)  # exits 2 on bad usage, before any journal is opened
    try:
        _clock = clock or clock_from_environment()
        if args.command is None:
            return run_app(args)
        if getattr(args, "without_journal", False):
            return int(args.handler(None, args))
        path = resolve_journal_path(getattr(args, "db", None))
        unlocked = journal_key(path, remember=args.remember)
        key = unlocked.key if unlocked else None
        try:
            # The command line's clock is _now, so "today" is one thing for every command.
            store = open_store(path, unlocked)
        except (CorruptJournal, WrongPassphrase) as err:
            if args.handler is not cmd_doctor:
                raise
            if isinstance(err, WrongPassphrase):
                if not _opens_a_backup(path, key):
                    raise
                err = CorruptJournal(f"{path} is damaged: its passphrase opens its backups but not the journal")
            return doctor_unopenable(path, err, args.json, key)
        with store:
            return int(args.handler(store, args))
    except (UserError, JournalError, OutputError, passphrase.PassphraseError) as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly.
        sys.stderr.close()
        return 0


# -- encrypted journals ---------------------------------------------------------------------


class Unlocked(NamedTuple):
    """An encrypted journal's key, the passphrase it came from and where that came from (a
    variable's name, ``KEYRING``, or None when it was typed)."""

    key: Key
    secret: str
    source: str | None
    remember: bool = False


KEYRING = "the keyring"


def journal_key(path: Path, *, remember: bool = False, ask: Callable[[Path], Unlocked | None] | None = None) -> Unlocked | None:
    """The key for the journal at ``path``, or None when it is plain (or ``ask`` got none).

    The passphrase comes from the environment, then the keyring, then ``ask`` (the app's
    passphrase screen, which checks it) or the terminal. The slow derivation runs once here; the
    key then opens every connection the command makes."""
    if not driver.is_encrypted(path):
        if remember:
            raise UserError(f"--remember: {path} is not encrypted, so there is no passphrase to remember")
        return None
    driver.sqlcipher()  # a missing extra is said before a passphrase is asked for
    from goaljournal.store import encryption

    given = passphrase.from_environment()
    secret, source = given if given else (passphrase.from_keyring(path), KEYRING)
    if secret is None:
        if ask is not None:
            unlocked = ask(path)
            return unlocked._replace(remember=remember) if unlocked else None
        secret, source = passphrase.ask(f"Passphrase for {path}: ", why=f"{path} is encrypted (or damaged)"), None
    return Unlocked(encryption.unlock(path, secret), secret, source, remember)


def _wrong_passphrase(path: Path, source: str | None) -> str:
    if source is None:
        return f"wrong passphrase for {path} (or the file is damaged); nothing was changed"
    if source == KEYRING:
        return f"the passphrase remembered in the system keyring does not open {path} (or the file is damaged); `{PROG} lock` forgets it; nothing was changed"
    return f"the passphrase from {source} does not open {path} (or the file is damaged); nothing was changed"


def open_store(path: Path, unlocked: Unlocked | None) -> Store:
    """The journal at ``path``, opened with its key when it is encrypted (and the passphrase
    kept in the keyring once it has opened it, when asked to remember it)."""
    if unlocked is None:
        return Store.open(path, clock=_now)
    try:
        store = Store.open(path, clock=_now, key=unlocked.key)
    except WrongPassphrase:
        raise WrongPassphrase(_wrong_passphrase(path, unlocked.source)) from None
    if unlocked.remember and unlocked.source != KEYRING:
        try:
            passphrase.remember(path, unlocked.secret)
        except BaseException:
            store.close()
            raise
    return store


def _ask_on_screen(path: Path) -> Unlocked | None:
    """The app's passphrase screen, before anything of the journal is shown: three tries."""
    from goaljournal.ui.unlock import UnlockApp

    app = UnlockApp(path)
    found = app.run()
    if found is None:
        if app.problem is not None:  # the journal unreadable (one line), or a bug (its traceback)
            raise app.problem
        if app.tries_left == 0:
            raise WrongPassphrase(f"wrong passphrase for {path}, {UnlockApp.TRIES} times; nothing was opened")
        return None
    key, secret = found
    return Unlocked(key, secret, None)


def _converted(path: Path, verb: str, done: Any, args: argparse.Namespace) -> int:
    """What an encrypt, decrypt or rekey did; status 1 when a copy of the journal was left as it was."""
    if args.json:
        print_json({
            "journal": str(path), "changed": done.journal_changed, "encrypted": driver.is_encrypted(path),
            "converted": [str(p) for p in done.converted], "deleted": [str(p) for p in done.deleted],
            "left": [{"path": str(p), "problem": why} for p, why in done.left],
        })  # fmt: skip
    else:
        said = f"{verb} {printable(str(path))}" if done.journal_changed else f"{printable(str(path))} was {verb} already"
        if done.converted:
            said += f"; {plural(len(done.converted), 'backup')} too"
        if done.deleted:
            said += f"; {plural(len(done.deleted), 'backup')} deleted"
        print(said)
    if done.left:
        named = ", ".join(f"{printable(str(p))} ({why})" for p, why in done.left)
        return _fail(f"{plural(len(done.left), 'backup')} left as they were: {named}; run the command again, or add --delete-backups")
    return 0


def _existing_journal(path: Path) -> Path:
    if not path.is_file():
        raise UserError(f"there is no journal at {path}")
    return path


def _chosen_passphrase(path: Path) -> str:
    """The passphrase a journal is first encrypted with: the one the environment gives (so that
    it then opens with it), else asked twice at the terminal."""
    given = passphrase.from_environment()
    return given[0] if given else passphrase.new_passphrase(path, variable=passphrase.PASSPHRASE_VARIABLE)


def cmd_encrypt(_: Store | None, args: argparse.Namespace) -> int:
    from goaljournal.store import encryption

    path = resolve_journal_path(getattr(args, "db", None))
    driver.sqlcipher()
    if not path.exists():
        return _new_encrypted(path, args)
    if driver.is_encrypted(_existing_journal(path)):  # done already, perhaps but for copies a kill left plain
        unlocked = _unlocked_journal(path)
        source, target, secret = unlocked.key, unlocked.key, unlocked.secret
    else:
        secret = _chosen_passphrase(path)
        source, target = None, driver.derive_key(secret, driver.new_salt())
    done = encryption.convert(path, source=source, target=target, delete_copies=args.delete_backups)
    if args.remember:
        passphrase.remember(path, secret)
    return _converted(path, "encrypted", done, args)


def _new_encrypted(path: Path, args: argparse.Namespace) -> int:
    """A new journal, encrypted from its first byte."""
    secret = _chosen_passphrase(path)
    with Store.open(path, clock=_now, key=driver.derive_key(secret, driver.new_salt())):
        pass
    if args.remember:
        passphrase.remember(path, secret)
    if args.json:
        print_json({"journal": str(path), "changed": True, "encrypted": True, "converted": [], "deleted": [], "left": []})
    else:
        print(f"made a new encrypted journal at {printable(str(path))}")
    return 0


def _unlocked_journal(path: Path) -> Unlocked:
    """The key of the encrypted journal at ``path``, checked against it (read, nothing written)."""
    from goaljournal.store import encryption

    if not driver.is_encrypted(path):
        raise UserError(f"{path} is not encrypted; `{PROG} encrypt` encrypts it")
    unlocked = journal_key(path)
    assert unlocked is not None
    try:
        encryption.check_key(path, unlocked.key)
    except WrongPassphrase:
        raise WrongPassphrase(_wrong_passphrase(path, unlocked.source)) from None
    return unlocked


def cmd_decrypt(_: Store | None, args: argparse.Namespace) -> int:
    from goaljournal.store import encryption

    path = _existing_journal(resolve_journal_path(getattr(args, "db", None)))
    unlocked = _unlocked_journal(path)
    done = encryption.convert(path, source=unlocked.key, target=None, delete_copies=args.delete_backups)
    passphrase.forget(path)
    return _converted(path, "decrypted", done, args)


def cmd_rekey(_: Store | None, args: argparse.Namespace) -> int:
    from goaljournal.store import encryption

    path = _existing_journal(resolve_journal_path(getattr(args, "db", None)))
    unlocked = _unlocked_journal(path)
    secret = passphrase.new_passphrase(path)
    done = encryption.convert(path, source=unlocked.key, target=driver.derive_key(secret, driver.new_salt()), delete_copies=args.delete_backups)
    if args.remember or unlocked.source == KEYRING:
        passphrase.remember(path, secret)
    return _converted(path, "re-keyed", done, args)


def cmd_lock(_: Store | None, args: argparse.Namespace) -> int:
    path = resolve_journal_path(getattr(args, "db", None))
    forgot = passphrase.forget(path)
    if args.json:
        print_json({"journal": str(path), "forgotten": forgot})
    else:
        print(f"forgot the passphrase remembered for {printable(str(path))}" if forgot else f"no passphrase was remembered for {printable(str(path))}")
    return 0


def run_app(args: argparse.Namespace) -> int:
    """Open the TUI on the user's journal, or on a new demo journal with ``--demo``."""
    import tempfile

    if args.demo:
        with tempfile.TemporaryDirectory(prefix="goaljournal-demo-") as folder:
            from goaljournal.demo import fill_demo_journal

            store = Store.open(Path(folder) / "demo.db", clock=_now)
            fill_demo_journal(store, today=store.today())
            return _run_tui(store, demo=True)
    path = resolve_journal_path(args.db)
    unlocked = journal_key(path, remember=args.remember, ask=_ask_on_screen)
    if unlocked is None and driver.is_encrypted(path):
        return 0  # the passphrase screen was left: nothing was opened
    store = open_store(path, unlocked)
    store.start_rolling_backup()  # daily, the last 7, in backups/ beside the journal
    return _run_tui(store, demo=False)


def _run_tui(store: Store, *, demo: bool) -> int:
    """The app on ``store``: a demo says so in its title bar; the user's new journal opens on
    the welcome."""
    from goaljournal.ui.app import GoalJournalApp

    try:
        # The app reads the preferences (core/config.py) and toasts a problem with them; the line
        # is repeated here, where it stays once the app's screen is gone.
        app = GoalJournalApp(store, demo=demo, welcome=not demo)
        app.run()
    finally:
        store.close()
    if app.config_problem:
        _note(app.config_problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
