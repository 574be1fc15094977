"""Reads and writes for interoperability and reports: bulk import, export and the review report."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from goaljournal.core.dates import BadDate, format_day, format_moment, strict_moment
from goaljournal.core.models import CheckIn, Entry, Goal, Milestone
from goaljournal.core.tags import extract_tags
from goaljournal.store.errors import InvalidInput
from goaljournal.store.values import _check_text, _day, new_uuid

if TYPE_CHECKING:  # only its import and report commands need these
    from goaljournal.core.jrnl import ImportedEntry
    from goaljournal.core.report import ReportCharts, ReportData
from goaljournal.store.base import StoreBase


class InteropMixin(StoreBase):
    """Bulk import of entries, the rows exports need, and the report's data."""

    def import_entries(
        self, entries: Iterable[ImportedEntry], *, progress: Callable[[int, int], None] | None = None
    ) -> tuple[int, int]:
        """Add entries read from another journal app, all in one transaction; returns
        ``(added, already there)``.

        An entry is already there when its uuid is (a second import of the same file), or when
        the journal holds an entry with the same moment and text, or of the same minute with a
        text that reads the same once written to jrnl and read back (``jrnl_text``: a journal
        exported to jrnl, perhaps rewritten by jrnl, which keeps minutes only, and read back).
        Entries are matched one for one, so three identical entries in a file are three entries.
        ``progress(done, total)`` is called as the work goes on (``done == total`` at the end). Tags are the text's ``@tags``
        plus each entry's own ``tags``."""
        rows = list(entries)
        for index, entry in enumerate(rows):
            _check_text(entry.text, f"entry {index + 1}'s text", required=True)
            for tag in entry.tags:
                _check_text(tag, f"a tag of entry {index + 1}", required=True)
            try:
                entry.at = format_moment(strict_moment(entry.at))
            except BadDate as err:
                raise InvalidInput(f"import refused: entry {index + 1}: {err}; nothing was imported") from None
        total = len(rows)
        stamp = self._stamp()
        with self.transaction() as conn:
            rows_new = self._not_present(conn, rows)
            first_new = conn.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
            # Progress in steps of work: the rows (n), then the search index and the tags (n/2 each).
            steps = 2 * len(rows_new)
            chunk = 5000
            for start in range(0, len(rows_new), chunk):
                conn.executemany(
                    "INSERT OR IGNORE INTO entries (uuid, at, text, kind, starred, private, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'reflection', ?, 0, ?, ?)",
                    [(e.uuid or new_uuid(), e.at, e.text, int(e.starred), stamp, stamp) for e in rows_new[start : start + chunk]],
                )
                if progress:
                    progress(min(start + chunk, len(rows_new)), steps)
            # New rows get ids above every old one (rowid is max + 1), so they are found by id.
            conn.execute("INSERT INTO entries_fts (rowid, text) SELECT id, text FROM entries WHERE id > ?", (first_new,))
            if progress and rows_new:
                progress(len(rows_new) * 3 // 2, steps)
            ids = dict(conn.execute("SELECT uuid, id FROM entries WHERE id > ?", (first_new,)).fetchall())
            links: list[tuple[int, str]] = []
            for entry in rows_new:
                entry_id = ids.get(entry.uuid)
                if entry_id is not None:
                    ids.pop(entry.uuid)  # a uuid twice in the file: its first entry only
                    names = {name.casefold(): name for name in reversed([*extract_tags(entry.text), *entry.tags])}
                    links.extend((entry_id, name) for name in names.values())
            conn.executemany(
                "INSERT OR IGNORE INTO tags (uuid, name) VALUES (?, ?)", [(new_uuid(), name) for name in {n for _, n in links}]
            )
            conn.executemany(
                "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT ?, id FROM tags WHERE name = ?", links
            )
            added = conn.execute("SELECT count(*) FROM entries WHERE id > ?", (first_new,)).fetchone()[0]
        if progress:
            progress(steps, steps)
        return int(added), total - int(added)

    @staticmethod
    def _not_present(conn: sqlite3.Connection, rows: list[ImportedEntry]) -> list[ImportedEntry]:
        """The entries of ``rows`` the journal lacks, matched one for one: first by moment and
        text as they are, then what is left by minute and ``jrnl_text`` (whose tags are read
        only then, so a first import or a second one of the same file costs no more)."""
        if not rows:
            return []
        from goaljournal.core.jrnl import jrnl_text

        lo, hi = min(e.at for e in rows)[:16], max(e.at for e in rows)[:16] + "~"
        range_sql = "FROM entries e WHERE e.at >= ? AND e.at < ?"
        stored = Counter((at, text) for at, text in conn.execute(f"SELECT e.at, e.text {range_sql}", (lo, hi)))
        unmatched = []
        for entry in rows:
            if stored[(entry.at, entry.text)] > 0:
                stored[(entry.at, entry.text)] -= 1
            else:
                unmatched.append(entry)
        minutes = {entry.at[:16] for entry in unmatched}
        if not +stored or not minutes & {at[:16] for at, _ in +stored}:
            return unmatched
        left = Counter()
        for at, text, tag_names in conn.execute(
            "SELECT e.at, e.text, (SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            f"WHERE et.entry_id = e.id) {range_sql}",
            (lo, hi),
        ):
            if at[:16] in minutes and stored[(at, text)] > 0:
                stored[(at, text)] -= 1
                left[(at[:16], jrnl_text(text, sorted(tag_names.split("\x1f"), key=str.casefold) if tag_names else ()))] += 1
        new = []
        for entry in unmatched:
            key = (entry.at[:16], jrnl_text(entry.text, sorted(entry.tags, key=str.casefold)))
            if left[key] > 0:
                left[key] -= 1
            else:
                new.append(entry)
        return new

    def entries_for_export(
        self, *, include_private: bool = False, date_from: date | str | None = None, date_to: date | str | None = None
    ) -> list[Entry]:
        """Live entries, oldest first, with their tags and goal links, for the export formats;
        private entries only when asked for."""
        clauses, params = ["e.deleted_at IS NULL"], []
        if not include_private:
            clauses.append("e.private = 0")
        if date_from is not None:
            clauses.append("e.at >= ?")
            params.append(_day(date_from))
        if date_to is not None:
            clauses.append("e.at < date(?, '+1 day')")
            params.append(_day(date_to))
        rows = self._rows(
            "SELECT e.*, (SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
            "WHERE et.entry_id = e.id) AS tag_names, "
            "(SELECT group_concat(goal_id) FROM entry_goals eg WHERE eg.entry_id = e.id) AS goal_list "
            f"FROM entries e WHERE {' AND '.join(clauses)} ORDER BY e.at, e.id",
            params,
        )
        entries = []
        for row in rows:
            entry = Entry.from_row(row)
            entry.tags = sorted(row["tag_names"].split("\x1f"), key=str.casefold) if row["tag_names"] else []
            entry.goal_ids = sorted(int(n) for n in row["goal_list"].split(",")) if row["goal_list"] else []
            entries.append(entry)
        return entries

    def all_checkins(self) -> list[CheckIn]:
        """Every live check-in of every live goal, oldest first."""
        rows = self._rows(
            "SELECT c.* FROM checkins c JOIN goals g ON g.id = c.goal_id "
            "WHERE c.deleted_at IS NULL AND g.deleted_at IS NULL ORDER BY c.at, c.id"
        )
        return [CheckIn.from_row(row) for row in rows]

    def all_milestones(self) -> list[Milestone]:
        """Every live milestone of every live goal, by goal and position."""
        rows = self._rows(f"{self._MILESTONE_SELECT} ORDER BY m.goal_id, m.position, m.id")
        return [Milestone.from_row(row) for row in rows]

    def report_data(self, first: date, last: date, *, include_private: bool = False, charts: bool = False) -> ReportData:
        """What a review packet for the days ``first`` to ``last`` needs (see core/report.py).

        Goals: not drafts, started by ``last``, and still pursued or due, changed or checked in
        on within the period. Entries: the period's wins, lessons, feedback and starred ones.
        With ``charts``, also what the HTML report draws (``ReportCharts``), in the same read."""
        from goaljournal.core.report import GoalReport, ReportData, ReviewSummary, SessionData

        lo, hi = format_day(first), format_day(last)
        with self.snapshot():
            goal_rows = self._rows(
                f"{self._GOAL_SELECT} WHERE g.deleted_at IS NULL AND g.status <> 'draft' "
                "AND coalesce(g.start_date, substr(g.created_at, 1, 10)) <= :hi AND ("
                "g.status IN ('active', 'paused') OR coalesce(g.deadline, '9999') >= :lo "
                "OR EXISTS (SELECT 1 FROM checkins c WHERE c.goal_id = g.id AND c.at BETWEEN :lo AND :hi) "
                "OR EXISTS (SELECT 1 FROM revisions r WHERE r.goal_id = g.id AND r.at >= :lo AND r.at < :hi_end)) "
                "ORDER BY g.deadline IS NULL, g.deadline, g.id",
                {"lo": lo, "hi": hi, "hi_end": f"{hi}~"},
            )
            goals = [Goal.from_row(row) for row in goal_rows]
            reports = []
            for goal in goals:
                checkins = [c for c in self.checkins(goal.id) if c.at <= hi]
                revisions = [r for r in self.revisions(goal.id) if lo <= r.at[:10] <= hi]
                reports.append(GoalReport(goal, checkins, self.milestones(goal.id), revisions))
            private = "" if include_private else " AND private = 0"
            entry_rows = self._rows(
                "SELECT * FROM entries WHERE deleted_at IS NULL AND at >= ? AND at < ? "
                f"AND (kind IN ('win', 'lesson', 'feedback') OR starred = 1){private} ORDER BY at, id",
                (lo, f"{hi}~"),
            )
            entry_count = self._one(
                f"SELECT count(*) FROM entries WHERE deleted_at IS NULL AND at >= ? AND at < ?{private}", (lo, f"{hi}~")
            )[0]  # type: ignore[index]
            checkin_days = self.count_active_days(lo, hi)  # type: ignore[attr-defined]  (GoalsMixin, beside this one in Store)
            sessions = [a for a in self.assessments() if a.completed_at is not None and a.at <= hi][:2]
            data = [SessionData(a.at, self.assessment_items(a.id), self.ratings(a.id)) for a in sessions]
            reviews = [
                ReviewSummary(row["kind"], row["period_start"], row["period_end"], row["completed_at"], row["summary"],
                              [(goal.title, goal.decision) for goal in self.reviewed_goals(row["id"]) if goal.decision],
                              [item.title for item in self.review_focus(row["id"])])  # type: ignore[attr-defined]
                for row in self._rows(
                    "SELECT * FROM reviews WHERE deleted_at IS NULL AND completed_at >= ? AND completed_at < ? "
                    "ORDER BY completed_at, id",
                    (lo, f"{hi}~"),
                )
            ]  # fmt: skip
            drawn = self._report_charts(first, last) if charts else None
        return ReportData(
            goals=reports,
            entries=self._with_links(entry_rows),
            entry_count=int(entry_count),
            checkin_days=checkin_days,
            latest_assessment=data[0] if data else None,
            previous_assessment=data[1] if len(data) > 1 else None,
            goal_titles={goal.id: goal.title for goal in goals},
            reviews=reviews,
            charts=drawn,
        )

    def _report_charts(self, first: date, last: date) -> ReportCharts:
        """The HTML report's series, read in report_data's transaction: check-ins a day for the
        year up to ``last`` (each goal check-in, and a day's mood or energy as one), the streak
        as of ``last`` (or today, within the period), the period's mood and energy, and every
        finished self-assessment's ratings up to ``last``."""
        from goaljournal.core.heatmap import first_day
        from goaljournal.core.progress import streak
        from goaljournal.core.report import ReportCharts

        counts = self.activity_by_day(first_day(last, week_start=self.week_start), last)  # type: ignore[attr-defined]
        as_of = min(last, self.today())
        # The streak as Today counts it, over at most ten years back.
        days = self.active_days(since=date.fromordinal(as_of.toordinal() - 3660))  # type: ignore[attr-defined]
        scores = [(date.fromisoformat(day.day), day.mood, day.energy) for day in self.day_scores_between(first, last)]  # type: ignore[attr-defined]
        hi = format_day(last)
        sessions = [a for a in reversed(self.assessments()) if a.completed_at is not None and a.at <= hi]  # type: ignore[attr-defined]
        ratings = self.all_ratings(until=hi)  # type: ignore[attr-defined]
        history = [(a.at, [r for r in ratings if r.assessment_id == a.id]) for a in sessions]
        return ReportCharts(counts, streak(days, as_of), scores, history)
