"""Everything dated, on one axis, read a page of days at a time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from goaljournal.core.models import ENTRY_KINDS
from goaljournal.core.on_this_day import (
    ACHIEVED,
    ASSESSMENT,
    DECISION,
    MILESTONE,
    Memory,
    assessment_line,
    decision_line,
    earlier_days,
    entry_line,
    milestone_line,
)
from goaljournal.store.base import StoreBase
from goaljournal.store.errors import InvalidInput
from goaljournal.store.values import _bound_day, _check_text, _day

# On this day, within a period: what was achieved first, then wins, then the rest.
_MEMORY_ORDER = {kind: rank for rank, kind in enumerate((ACHIEVED, "win", MILESTONE, ASSESSMENT, DECISION))}


class TimelineMixin(StoreBase):
    """Everything dated, on one axis. The timeline never reads the whole journal: it asks once how
    many items each day holds (timeline_day_counts: one index scan, about 30 ms for 100,000
    entries), lays its rows out from those counts, and then reads only the days of the rows on
    screen (timeline_items with a day range, an offset into the first day and a limit)."""

    # What the timeline can show, as its filter names them: "goal" is a goal's start and deadline.
    TIMELINE_KINDS = ("goal", "milestone", "checkin", "revision", "assessment", "review", *ENTRY_KINDS, "conversation", "follow-up")

    # ``entry_kind`` is an entry's kind, a conversation's kind, and for a goal's check-ins, start
    # and deadline the goal's cadence (a check-in of a goal with one is an amount).
    TIMELINE_COLUMNS = (
        "day", "kind", "id", "goal_id", "title", "text", "note", "value", "target", "unit", "done",
        "status", "due", "entry_kind", "starred", "sort_at",
    )  # fmt: skip

    def _timeline_arms(
        self, kinds: Iterable[str] | None, goal_id: int | None, tag: str | None, *, paging: bool = False
    ) -> tuple[list[tuple[str, str, str, str]], dict[str, Any]]:
        """One SELECT per kind of dated thing, narrowed by the filters, as (day expression,
        columns, "table … WHERE …", day-range condition); and the named parameters they use.

        The day counts and the item pages are both built from these, so they always agree.
        """
        chosen = set(self.TIMELINE_KINDS) if kinds is None else set(kinds)
        unknown = sorted(chosen - set(self.TIMELINE_KINDS))
        if unknown:
            raise InvalidInput(f"unknown timeline kind '{unknown[0]}': choose from {', '.join(self.TIMELINE_KINDS)}")
        _check_text(tag, "the tag")
        params: dict[str, Any] = {"goal": goal_id, "tag": tag.lstrip("@") if tag else None}
        arms: list[tuple[str, str, str, str]] = []

        def arm(day: str, exprs: tuple[str, ...], source: str, day_range: str) -> None:
            assert len(exprs) == len(self.TIMELINE_COLUMNS) - 1
            columns = ", ".join(f"{expr} AS {name}" for expr, name in zip((day, *exprs), self.TIMELINE_COLUMNS))
            arms.append((day, columns, source, day_range))

        entry_kinds = [kind for kind in ENTRY_KINDS if kind in chosen]
        if entry_kinds:
            where = ["e.deleted_at IS NULL"]
            if len(entry_kinds) < len(ENTRY_KINDS):
                params.update({f"entry_kind_{n}": kind for n, kind in enumerate(entry_kinds)})
                where.append(f"e.kind IN ({', '.join(f':entry_kind_{n}' for n in range(len(entry_kinds)))})")
            if goal_id is not None:
                where.append("e.id IN (SELECT entry_id FROM entry_goals WHERE goal_id = :goal)")
            # A page (a few days) checks each of its entries for the tag: 0.5 ms for a common tag
            # at 100,000 entries, where reading the tag's whole list first takes 11 ms; counting
            # every day is the other way round.
            if tag and paging:
                where.append(
                    "EXISTS (SELECT 1 FROM entry_tags et WHERE et.entry_id = e.id "
                    "AND et.tag_id = (SELECT id FROM tags WHERE name = :tag))"
                )
            elif tag:
                where.append(
                    "e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = :tag)"
                )
            linked_goal = ":goal" if goal_id is not None else "(SELECT min(eg.goal_id) FROM entry_goals eg WHERE eg.entry_id = e.id)"
            arm("substr(e.at, 1, 10)",
                ("'entry'", "e.id", linked_goal, "NULL", "e.text", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
                 "NULL", "e.kind", "e.starred", "e.at"),
                f"entries e WHERE {' AND '.join(where)}",
                "e.at >= :lo AND e.at < :hi_end")  # fmt: skip
        if tag:  # only entries carry tags
            return arms, params

        # Conversations on their day, follow-ups on their due day (done or not). A journal holds
        # a few thousand conversations at most: reading them for a page is cheap without an index
        # on done follow-ups (interactions_follow_up covers the open ones only).
        talked = "i.deleted_at IS NULL AND p.deleted_at IS NULL" + (
            " AND i.id IN (SELECT interaction_id FROM interaction_goals WHERE goal_id = :goal)" if goal_id is not None else ""
        )
        discussed = ":goal" if goal_id is not None else "(SELECT min(ig.goal_id) FROM interaction_goals ig WHERE ig.interaction_id = i.id)"
        if "conversation" in chosen:
            arm("i.at",
                ("'conversation'", "i.id", discussed, "p.name", "i.notes", "i.learned", "NULL", "NULL", "NULL",
                 "NULL", "p.relationship", "i.follow_up_due", "i.kind", "0", "i.at || ' 12:00:01'"),
                f"interactions i JOIN people p ON p.id = i.person_id WHERE {talked}",
                "i.at BETWEEN :lo AND :hi")  # fmt: skip
        if "follow-up" in chosen:
            arm("i.follow_up_due",
                ("'follow-up'", "i.id", discussed, "p.name", "i.follow_up", "i.follow_up_done", "NULL", "NULL", "NULL",
                 "i.follow_up_done IS NOT NULL", "p.relationship", "i.follow_up_due", "i.kind", "0",
                 "i.follow_up_due || ' 23:59:57'"),
                f"interactions i JOIN people p ON p.id = i.person_id WHERE {talked} AND i.follow_up_due IS NOT NULL",
                "i.follow_up_due BETWEEN :lo AND :hi")  # fmt: skip

        live = "g.deleted_at IS NULL" + (" AND g.id = :goal" if goal_id is not None else "")
        if "checkin" in chosen:
            arm("c.at",
                ("'checkin'", "c.id", "c.goal_id", "g.title", "NULL", "c.note", "c.value", "g.target", "g.unit",
                 "NULL", "g.status", "NULL", "g.cadence", "0", "c.at || ' 23:59:58'"),
                f"checkins c JOIN goals g ON g.id = c.goal_id WHERE c.deleted_at IS NULL AND {live}",
                "c.at BETWEEN :lo AND :hi")  # fmt: skip
        if "milestone" in chosen:
            day = "coalesce(m.done_at, m.due_date)"
            arm(day,
                ("'milestone'", "m.id", "m.goal_id", "g.title", "m.title", "NULL", "NULL", "NULL", "NULL",
                 "m.done_at IS NOT NULL", "g.status", "m.due_date", "NULL", "0", f"{day} || ' 23:59:59'"),
                f"milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL AND {live} AND {day} IS NOT NULL",
                f"{day} BETWEEN :lo AND :hi")  # fmt: skip
        if "revision" in chosen:
            arm("substr(r.at, 1, 10)",
                ("'revision'", "r.id", "r.goal_id", "g.title", "r.changes", "r.reason", "NULL", "NULL", "NULL",
                 "NULL", "g.status", "NULL", "NULL", "0", "r.at"),
                f"revisions r JOIN goals g ON g.id = r.goal_id WHERE {live}",
                "r.at >= :lo AND r.at < :hi_end")  # fmt: skip
        if "assessment" in chosen:
            # In one goal's story: the assessment the goal came from, with the item it answers.
            origin = "FROM assessment_items i JOIN goals og ON og.assessment_item_id = i.id WHERE og.id = :goal"
            arm("a.at",
                ("'assessment'", "a.id", "NULL", "NULL", "a.summary",
                 f"(SELECT i.kind || ': ' || i.text {origin})" if goal_id is not None else "NULL",
                 "(SELECT count(*) FROM assessment_items i WHERE i.assessment_id = a.id)",
                 "(SELECT count(*) FROM ratings rt WHERE rt.assessment_id = a.id)",
                 "NULL", "a.completed_at IS NOT NULL", "NULL", "NULL", "NULL", "0", "a.at || ' 12:00:00'"),
                "assessments a WHERE a.deleted_at IS NULL"
                + (f" AND a.id IN (SELECT i.assessment_id {origin})" if goal_id is not None else ""),
                "a.at BETWEEN :lo AND :hi")  # fmt: skip
        if "review" in chosen:
            # A finished review on the day it was finished: the period it covered, its summary, the
            # goals it decided on (in one goal's story: the reviews that decided on it).
            decided = "SELECT review_id FROM review_goals WHERE decision IS NOT NULL"
            arm("substr(rv.completed_at, 1, 10)",
                ("'review'", "rv.id", ":goal" if goal_id is not None else "NULL", "rv.kind", "rv.summary", "rv.period_start",
                 "(SELECT count(*) FROM review_goals rg WHERE rg.review_id = rv.id AND rg.decision IS NOT NULL)",
                 "(SELECT count(*) FROM review_focus rf WHERE rf.review_id = rv.id)", "NULL", "1", "NULL", "rv.period_end",
                 "NULL", "0", "rv.completed_at"),
                "reviews rv WHERE rv.deleted_at IS NULL AND rv.completed_at IS NOT NULL"
                + (f" AND rv.id IN ({decided} AND goal_id = :goal)" if goal_id is not None else ""),
                "rv.completed_at >= :lo AND rv.completed_at < :hi_end")  # fmt: skip
        if "goal" in chosen:
            start = "coalesce(g.start_date, substr(g.created_at, 1, 10))"
            # The goal as first written: the old title of its first title revision, if any.
            first_title = (
                "coalesce((SELECT json_extract(CASE WHEN json_valid(r.changes) THEN r.changes END, '$.title[0]') "
                "FROM revisions r WHERE r.goal_id = g.id AND r.changes LIKE '%\"title\"%' ORDER BY r.at, r.id LIMIT 1), g.title)"
            )
            arm(start,
                ("'goal-start'", "g.id", "g.id", "g.title", first_title, "NULL", "g.baseline", "g.target", "g.unit",
                 "NULL", "g.status", "g.deadline", "g.cadence", "0", f"{start} || ' 00:00:00'"),
                f"goals g WHERE {live}",
                f"{start} BETWEEN :lo AND :hi")  # fmt: skip
            reached = (
                "(SELECT c.value FROM checkins c WHERE c.goal_id = g.id AND c.deleted_at IS NULL AND c.at <= g.deadline "
                "ORDER BY c.at DESC, c.id DESC LIMIT 1)"
            )
            arm("g.deadline",
                ("'deadline'", "g.id", "g.id", "g.title", "NULL", "NULL", reached, "g.target", "g.unit",
                 "g.status = 'achieved'", "g.status", "g.deadline", "g.cadence", "0", "g.deadline || ' 23:59:59'"),
                f"goals g WHERE {live} AND g.deadline IS NOT NULL",
                "g.deadline BETWEEN :lo AND :hi")  # fmt: skip
        return arms, params

    def timeline_day_counts(
        self, *, kinds: Iterable[str] | None = None, goal_id: int | None = None, tag: str | None = None
    ) -> list[tuple[str, int]]:
        """How many timeline items each day holds (days with none are left out), oldest first."""
        arms, params = self._timeline_arms(kinds, goal_id, tag)
        if not arms:
            return []
        per_arm = " UNION ALL ".join(f"SELECT {day} AS day, count(*) AS n FROM {source} GROUP BY 1" for day, _, source, _ in arms)
        rows = self._rows(f"SELECT day, sum(n) FROM ({per_arm}) WHERE day IS NOT NULL GROUP BY day ORDER BY day", params)
        return [(row[0], int(row[1])) for row in rows]

    def timeline_items(
        self,
        start: date | str,
        end: date | str,
        *,
        newest_first: bool = True,
        offset: int = 0,
        limit: int | None = None,
        kinds: Iterable[str] | None = None,
        goal_id: int | None = None,
        tag: str | None = None,
    ) -> list[dict[str, Any]]:
        """The timeline items dated ``start`` to ``end`` (inclusive), in display order.

        Each is a dict with the keys of TIMELINE_COLUMNS: ``day`` (YYYY-MM-DD), ``kind``
        (entry, checkin, milestone, revision, assessment, goal-start, deadline), ``id``,
        ``goal_id`` and what each kind shows (see ``_timeline_arms``). ``offset`` and ``limit``
        page through the range; with a range of a few days, a page costs a few milliseconds
        however big the journal is. ``kinds`` narrows to some of TIMELINE_KINDS, ``goal_id`` to
        one goal's story, ``tag`` to the entries with that tag.
        """
        arms, params = self._timeline_arms(kinds, goal_id, tag, paging=True)
        if not arms:
            return []
        lo, hi = _bound_day(start), _bound_day(end)
        # "~" sorts after any time of day, so a moment on ``hi`` is still before ``hi_end``.
        params.update(lo=lo, hi=hi, hi_end=f"{hi}~", limit=-1 if limit is None else limit, offset=offset)
        direction = "DESC" if newest_first else "ASC"
        union = " UNION ALL ".join(f"SELECT {columns} FROM {source} AND {day_range}" for _, columns, source, day_range in arms)
        sql = f"{union} ORDER BY sort_at {direction}, kind {direction}, id {direction} LIMIT :limit OFFSET :offset"
        return [dict(row) for row in self._rows(sql, params)]

    def timeline_counts(
        self, start: date | str, end: date | str, *, goal_id: int | None = None, tag: str | None = None
    ) -> dict[str, int]:
        """What the days ``start`` to ``end`` (inclusive) held: ``goals_active`` (goals, drafts
        aside, whose start-to-deadline span meets the range), ``milestones_due`` and, of those,
        ``milestones_done``, ``checkin_days``, ``entries``, ``conversations`` and
        ``follow_ups_due`` and, of those, ``follow_ups_done``. ``goal_id`` narrows everything to
        one goal (conversations: those that discussed it); ``tag`` counts only the entries with
        that tag (nothing else has tags)."""
        _check_text(tag, "the tag")
        lo, hi = _bound_day(start), _bound_day(end)
        params: dict[str, Any] = {"lo": lo, "hi": hi, "hi_end": f"{hi}~", "goal": goal_id, "tag": tag.lstrip("@") if tag else None}
        one_goal = " AND g.id = :goal" if goal_id is not None else ""
        entry_where = ""
        if goal_id is not None:
            entry_where += " AND e.id IN (SELECT entry_id FROM entry_goals WHERE goal_id = :goal)"
        if tag:
            entry_where += " AND e.id IN (SELECT et.entry_id FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = :tag)"
        due = (
            "FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE m.deleted_at IS NULL AND g.deleted_at IS NULL "
            f"AND m.due_date BETWEEN :lo AND :hi{one_goal}"
        )
        talked = (
            "FROM interactions i JOIN people p ON p.id = i.person_id WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL"
            + (" AND i.id IN (SELECT interaction_id FROM interaction_goals WHERE goal_id = :goal)" if goal_id is not None else "")
        )
        row = self._one(
            f"""SELECT
            (SELECT count(*) FROM goals g WHERE g.deleted_at IS NULL AND g.status <> 'draft'
                AND coalesce(g.start_date, substr(g.created_at, 1, 10)) <= :hi
                AND coalesce(g.deadline, '9999-12-31') >= :lo{one_goal}) AS goals_active,
            (SELECT count(*) {due}) AS milestones_due,
            (SELECT count(*) {due} AND m.done_at IS NOT NULL) AS milestones_done,
            (SELECT count(DISTINCT c.at) FROM checkins c JOIN goals g ON g.id = c.goal_id
              WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL AND c.at BETWEEN :lo AND :hi{one_goal}) AS checkin_days,
            (SELECT count(*) FROM entries e WHERE e.deleted_at IS NULL AND e.at >= :lo AND e.at < :hi_end{entry_where}) AS entries,
            (SELECT count(*) {talked} AND i.at BETWEEN :lo AND :hi) AS conversations,
            (SELECT count(*) {talked} AND i.follow_up_due BETWEEN :lo AND :hi) AS follow_ups_due,
            (SELECT count(*) {talked} AND i.follow_up_due BETWEEN :lo AND :hi AND i.follow_up_done IS NOT NULL) AS follow_ups_done
            """,
            params,  # type: ignore[arg-type]
        )
        assert row is not None
        return {key: int(row[key]) for key in row.keys()}

    def checkin_values_as_of(self, goal_ids: Iterable[int], day: date | str) -> dict[int, float]:
        """Each goal's latest check-in value on or before ``day``; goals without one are left out."""
        ids = list(dict.fromkeys(goal_ids))
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self._rows(
            "SELECT g.id, (SELECT c.value FROM checkins c WHERE c.goal_id = g.id AND c.deleted_at IS NULL "
            f"AND c.at <= ? ORDER BY c.at DESC, c.id DESC LIMIT 1) FROM goals g WHERE g.id IN ({marks})",
            [_bound_day(day), *ids],
        )
        return {row[0]: row[1] for row in rows if row[1] is not None}

    # -- on this day --------------------------------------------------------------------------

    ON_THIS_DAY_PER_KIND = 5

    def on_this_day(self, today: date, *, per_kind: int = ON_THIS_DAY_PER_KIND) -> list[Memory]:
        """What was written, achieved or decided on ``today``'s date in earlier years, and a month
        ago (see :mod:`goaljournal.core.on_this_day` for which days those are), newest period
        first: live entries, goals achieved, decisions (a revision with a reason: a deadline
        moved, a goal paused or abandoned), milestones done and self-assessments completed. At
        most ``per_kind`` of each kind a period; within a period achievements and wins first.

        One query a period, each arm a range on its day: entries through ``entries_live_at``, the
        few revisions, milestones and assessments scanned. 26 years of a journal of 100,000
        entries, 3,000 milestones and 1,500 revisions take 40 ms; the demo journal, 1 ms."""
        _day(today)  # in the journal's years, so that the month before it is one too
        if per_kind < 1:
            raise InvalidInput("on this day needs at least one record of each kind to show")
        with self.snapshot():
            since = self._one(
                "SELECT min(day) FROM (SELECT min(at) AS day FROM entries WHERE deleted_at IS NULL "
                "UNION ALL SELECT min(at) FROM revisions UNION ALL SELECT min(done_at) FROM milestones "
                "UNION ALL SELECT min(at) FROM assessments)"
            )[0]  # fmt: skip
            if since is None:
                return []
            memories: list[Memory] = []
            for period in earlier_days(today, date.fromisoformat(since[:10])):
                lo, hi = period.first.isoformat(), period.last.isoformat()
                rows = self._rows(self._ON_THIS_DAY_SQL, {"lo": lo, "hi": hi, "hi_end": f"{hi}~", "n": per_kind})
                found = [self._memory(row, period.ago) for row in rows]
                memories += sorted(found, key=lambda memory: _MEMORY_ORDER.get(memory.kind, len(_MEMORY_ORDER)))
        return memories

    # Each arm keeps its own limit, newest first; ``detail`` is a revision's changes, a milestone's goal.
    _ON_THIS_DAY_SQL = """
        SELECT * FROM (SELECT e.kind AS kind, e.at AS at, e.id AS id, NULL AS goal_id, e.text AS text,
            NULL AS detail, NULL AS reason
            FROM entries e WHERE e.deleted_at IS NULL AND e.at >= :lo AND e.at < :hi_end
            ORDER BY e.kind = 'win' DESC, e.starred DESC, e.at DESC LIMIT :n)
        UNION ALL SELECT * FROM (SELECT 'achieved', r.at, r.id, r.goal_id, g.title, r.changes, r.reason
            FROM revisions r JOIN goals g ON g.id = r.goal_id
            WHERE g.deleted_at IS NULL AND r.at >= :lo AND r.at < :hi_end
            AND CASE WHEN json_valid(r.changes) THEN json_extract(r.changes, '$.status[1]') END = 'achieved'
            ORDER BY r.at DESC LIMIT :n)
        UNION ALL SELECT * FROM (SELECT 'decision', r.at, r.id, r.goal_id, g.title, r.changes, r.reason
            FROM revisions r JOIN goals g ON g.id = r.goal_id
            WHERE g.deleted_at IS NULL AND r.at >= :lo AND r.at < :hi_end AND trim(coalesce(r.reason, '')) <> ''
            AND coalesce(CASE WHEN json_valid(r.changes) THEN json_extract(r.changes, '$.status[1]') END, '') <> 'achieved'
            ORDER BY r.at DESC LIMIT :n)
        UNION ALL SELECT * FROM (SELECT 'milestone', m.done_at, m.id, m.goal_id, m.title, g.title, NULL
            FROM milestones m JOIN goals g ON g.id = m.goal_id
            WHERE m.deleted_at IS NULL AND g.deleted_at IS NULL AND m.done_at BETWEEN :lo AND :hi
            ORDER BY m.done_at DESC, m.id DESC LIMIT :n)
        UNION ALL SELECT * FROM (SELECT 'assessment', a.at, a.id, NULL, a.summary, NULL, NULL
            FROM assessments a WHERE a.deleted_at IS NULL AND a.completed_at IS NOT NULL AND a.at BETWEEN :lo AND :hi
            ORDER BY a.at DESC, a.id DESC LIMIT :n)
    """

    @staticmethod
    def _memory(row: Any, ago: str) -> Memory:
        kind, day = row["kind"], date.fromisoformat(row["at"][:10])
        if kind == ACHIEVED:
            return Memory(day, ago, kind, row["text"], goal_id=row["goal_id"])
        if kind == DECISION:
            return Memory(day, ago, kind, decision_line(row["text"], row["detail"], row["reason"]), goal_id=row["goal_id"])
        if kind == MILESTONE:
            return Memory(day, ago, kind, milestone_line(row["text"], row["detail"]), goal_id=row["goal_id"])
        if kind == ASSESSMENT:
            return Memory(day, ago, kind, assessment_line(row["text"]), assessment_id=row["id"])
        return Memory(day, ago, kind, entry_line(row["text"]), entry_id=row["id"])
