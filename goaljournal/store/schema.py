"""The journal's schema as forward-only migrations.

Migrations are sqlite-utils ``Migrations`` steps (recorded in ``_sqlite_migrations``); their count
is mirrored in ``PRAGMA user_version`` so that opening an up-to-date journal is one cheap read and
never imports sqlite_utils (~100 ms). Only this module imports sqlite_utils, and only when a
journal is created or upgraded. Append new steps at the end; never edit a released one.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from goaljournal.store.connection import SCHEMA_VERSION

migrations = Migrations("goaljournal")

# DDL runs statement by statement: ``executescript`` (and so sqlite-utils' ``enable_fts``) commits
# the open transaction first, and all pending steps must apply atomically or not at all.


def _run(db: Database, statements: list[str]) -> None:
    for statement in statements:
        db.execute(statement)


@migrations(name="001_goals_entries")
def _goals_entries(db: Database) -> None:
    _run(
        db,
        [
            """CREATE TABLE goals (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL CHECK (trim(title) <> ''),
                category TEXT,
                horizon TEXT CHECK (horizon IN ('short', 'medium', 'long')),
                metric TEXT,
                unit TEXT,
                baseline REAL,
                target REAL,
                start_date TEXT,
                deadline TEXT,
                why TEXT,
                confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
                status TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'active', 'paused', 'achieved', 'abandoned')),
                parent_id INTEGER REFERENCES goals(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            "CREATE INDEX goals_parent ON goals(parent_id)",
            """CREATE TABLE milestones (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                goal_id INTEGER NOT NULL REFERENCES goals(id),
                title TEXT NOT NULL CHECK (trim(title) <> ''),
                due_date TEXT,
                done_at TEXT,
                position INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            "CREATE INDEX milestones_goal ON milestones(goal_id)",
            "CREATE INDEX milestones_due ON milestones(due_date)",
            """CREATE TABLE revisions (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                goal_id INTEGER NOT NULL REFERENCES goals(id),
                at TEXT NOT NULL,
                changes TEXT NOT NULL,
                reason TEXT
            )""",
            "CREATE INDEX revisions_goal ON revisions(goal_id)",
            """CREATE TABLE checkins (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                goal_id INTEGER NOT NULL REFERENCES goals(id),
                at TEXT NOT NULL,
                value REAL NOT NULL,
                note TEXT,
                confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
                created_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            "CREATE INDEX checkins_goal_at ON checkins(goal_id, at)",
            "CREATE INDEX checkins_at ON checkins(at)",
            """CREATE TABLE entries (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                at TEXT NOT NULL,
                text TEXT NOT NULL CHECK (trim(text) <> ''),
                kind TEXT NOT NULL DEFAULT 'reflection'
                    CHECK (kind IN ('reflection', 'win', 'lesson', 'feedback', 'note')),
                starred INTEGER NOT NULL DEFAULT 0,
                private INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            # Newest-first paging over live entries is the hottest read in the app.
            "CREATE INDEX entries_live_at ON entries(at, id) WHERE deleted_at IS NULL",
            """CREATE TABLE tags (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE
            )""",
            """CREATE TABLE entry_tags (
                entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
                tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                PRIMARY KEY (entry_id, tag_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX entry_tags_tag ON entry_tags(tag_id, entry_id)",
            """CREATE TABLE entry_goals (
                entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
                goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
                PRIMARY KEY (entry_id, goal_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX entry_goals_goal ON entry_goals(goal_id, entry_id)",
        ],
    )


@migrations(name="002_assessments")
def _assessments(db: Database) -> None:
    _run(
        db,
        [
            """CREATE TABLE skills (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
                category TEXT,
                retired_at TEXT,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE assessments (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                at TEXT NOT NULL,
                summary TEXT,
                step INTEGER NOT NULL DEFAULT 0,
                completed_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            """CREATE TABLE assessment_items (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                assessment_id INTEGER NOT NULL REFERENCES assessments(id),
                kind TEXT NOT NULL
                    CHECK (kind IN ('strength', 'weakness', 'success', 'failure', 'feedback')),
                text TEXT NOT NULL CHECK (trim(text) <> ''),
                evidence TEXT,
                cost TEXT,
                learned TEXT,
                source TEXT CHECK (source IN ('self', 'peer', 'supervisor', 'mentor', 'formal test')),
                action TEXT,
                position INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX assessment_items_assessment ON assessment_items(assessment_id)",
            """CREATE TABLE ratings (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                assessment_id INTEGER NOT NULL REFERENCES assessments(id),
                skill_id INTEGER NOT NULL REFERENCES skills(id),
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                note TEXT,
                UNIQUE (assessment_id, skill_id)
            )""",
            "CREATE INDEX ratings_skill ON ratings(skill_id)",
            # A goal can come from a weakness or a low-rated skill of an assessment.
            "ALTER TABLE goals ADD COLUMN assessment_item_id INTEGER REFERENCES assessment_items(id)",
        ],
    )


@migrations(name="003_entries_fts")
def _entries_fts(db: Database) -> None:
    # External-content FTS5 over entries.text. No triggers keep it in step: with
    # trusted_schema=OFF SQLite refuses a trigger that writes to an FTS5 table ("unsafe use of
    # virtual table"), so the store updates the index itself, in the same transaction.
    _run(
        db,
        [
            """CREATE VIRTUAL TABLE entries_fts USING fts5(
                text, content='entries', content_rowid='id', tokenize='porter unicode61'
            )""",
            "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
        ],
    )


@migrations(name="004_daily_checkins")
def _daily_checkins(db: Database) -> None:
    # A day's mood and energy from the Today screen: one row per day, so the JSON import can
    # match a day it already holds instead of failing on the UNIQUE day.
    _run(
        db,
        [
            """CREATE TABLE daily_checkins (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                day TEXT NOT NULL UNIQUE,
                mood INTEGER CHECK (mood BETWEEN 1 AND 5),
                energy INTEGER CHECK (energy BETWEEN 1 AND 5),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ],
    )


@migrations(name="005_people")
def _people(db: Database) -> None:
    # People and the conversations held with them. A goal may count its progress from
    # these conversations: the store then writes its check-ins itself (checkins.source), so every
    # view of progress (Today, timeline, reports) reads them like typed ones.
    _run(
        db,
        [
            """CREATE TABLE people (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL CHECK (trim(name) <> ''),
                role TEXT,
                organisation TEXT,
                how_met TEXT,
                relationship TEXT NOT NULL DEFAULT 'contact'
                    CHECK (relationship IN ('mentor', 'mentee', 'peer', 'manager', 'contact')),
                notes TEXT,
                private INTEGER NOT NULL DEFAULT 1 CHECK (private IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            "CREATE INDEX people_name ON people(name COLLATE NOCASE)",
            """CREATE TABLE person_tags (
                person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                PRIMARY KEY (person_id, tag_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX person_tags_tag ON person_tags(tag_id)",
            """CREATE TABLE interactions (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
                at TEXT NOT NULL,
                kind TEXT NOT NULL
                    CHECK (kind IN ('coffee', 'meeting', 'event', 'call', 'message', 'feedback')),
                notes TEXT,
                learned TEXT,
                outcome TEXT,
                follow_up TEXT,
                follow_up_due TEXT,
                follow_up_done TEXT,
                assessment_item_id INTEGER REFERENCES assessment_items(id) ON DELETE SET NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            "CREATE INDEX interactions_person ON interactions(person_id, at)",
            "CREATE INDEX interactions_at ON interactions(at)",
            """CREATE INDEX interactions_follow_up ON interactions(follow_up_due)
                WHERE follow_up_due IS NOT NULL AND follow_up_done IS NULL""",
            """CREATE TABLE interaction_goals (
                interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
                goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
                PRIMARY KEY (interaction_id, goal_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX interaction_goals_goal ON interaction_goals(goal_id)",
            # What a goal counts instead of typed check-ins: new people met, every conversation,
            # or conversations of one kind; progress_tag narrows it to people with that tag.
            """ALTER TABLE goals ADD COLUMN progress_from TEXT CHECK (progress_from IN
                ('people', 'interactions', 'coffee', 'meeting', 'event', 'call', 'message', 'feedback'))""",
            "ALTER TABLE goals ADD COLUMN progress_tag TEXT",
            "ALTER TABLE checkins ADD COLUMN source TEXT CHECK (source IN ('interactions'))",
        ],
    )

@migrations(name="006_corrections_cadence_prompts")
def _corrections_cadence_prompts(db: Database) -> None:
    _run(
        db,
        [
            # A goal stated as a rate ("5 reports per week"): its target is per period, and its
            # check-ins are amounts added to the period they fall in.
            "ALTER TABLE goals ADD COLUMN cadence TEXT CHECK (cadence IN ('week', 'month', 'quarter'))",
            # Check-ins can be corrected; the stamp of the last correction.
            "ALTER TABLE checkins ADD COLUMN updated_at TEXT",
            # A strength or weakness carried into a later self-assessment ("still true?"), kept
            # or reworded there: the comparison matches it with the one it came from.
            """ALTER TABLE assessment_items ADD COLUMN carried_from_id INTEGER
                REFERENCES assessment_items(id) ON DELETE SET NULL""",
            # Prompts dismissed until a day: Today's decisions (``subject_id`` is the goal's id,
            # or 0 for a prompt about the whole journal), and a self-assessment's "still true?"
            # items dropped for good (``still-true:<session id>``, the earlier item's id).
            """CREATE TABLE prompt_snoozes (
                prompt TEXT NOT NULL CHECK (trim(prompt) <> ''),
                subject_id INTEGER NOT NULL DEFAULT 0,
                until TEXT NOT NULL,
                PRIMARY KEY (prompt, subject_id)
            ) WITHOUT ROWID""",
        ],
    )


# Reflection prompts and entry templates offered before the user adds any: the method's questions
# and the entries its users write most. Rows, not constants, so that each can be edited or retired.
BUILTIN_PROMPTS = (
    "What did I learn today?",
    "What moved one of my goals forward?",
    "Who helped me, and how?",
    "What would I do differently?",
    "What feedback did I get, and what will I do with it?",
    "What am I proud of this week?",
    "What got in my way, and what would remove it?",
)
BUILTIN_TEMPLATES = (
    ("1:1 with my manager", "note",
     "1:1 with my manager @one-on-one\n\n## Discussed\n- \n\n## Feedback I got\n- \n\n## Agreed next steps\n- "),
    ("Course module finished", "lesson",
     "Finished a module: \n\n## What I learned\n- \n\n## What I will apply, and where\n- "),
    ("Conference day", "note",
     "Conference day: @conference\n\n## Talks worth remembering\n- \n\n## People I met\n- \n\n## Ideas to try\n- "),
    ("Feedback conversation", "feedback",
     "Feedback from : \n\n## What was said\n- \n\n## What I think of it\n- \n\n## What I will do\n- "),
)


@migrations(name="007_reviews_prompts_templates")
def _reviews_prompts_templates(db: Database) -> None:
    import uuid

    _run(
        db,
        [
            # A review of a week, month or quarter, taken step by step like a self-assessment:
            # ``step`` is where it was left, ``numbers`` the period in numbers (JSON) as the
            # review saw them, kept so that two reviews can be compared later.
            """CREATE TABLE reviews (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('week', 'month', 'quarter')),
                period_start TEXT NOT NULL,
                period_end TEXT NOT NULL CHECK (period_end >= period_start),
                step INTEGER NOT NULL DEFAULT 1,
                summary TEXT,
                numbers TEXT,
                completed_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            )""",
            "CREATE INDEX reviews_period ON reviews(kind, period_start)",
            # What the review decided for each goal, and the goal's progress as it stood then.
            """CREATE TABLE review_goals (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
                goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
                decision TEXT CHECK (decision IN ('keep', 'adjust', 'pause', 'achieved', 'abandon')),
                value REAL,
                fraction REAL,
                note TEXT,
                UNIQUE (review_id, goal_id)
            )""",
            "CREATE INDEX review_goals_goal ON review_goals(goal_id)",
            # The next period's focus: up to three goals or milestones, in order.
            """CREATE TABLE review_focus (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
                goal_id INTEGER REFERENCES goals(id) ON DELETE CASCADE,
                milestone_id INTEGER REFERENCES milestones(id) ON DELETE CASCADE,
                CHECK ((goal_id IS NULL) <> (milestone_id IS NULL)),
                UNIQUE (review_id, position)
            )""",
            "CREATE INDEX review_focus_goal ON review_focus(goal_id)",
            "CREATE INDEX review_focus_milestone ON review_focus(milestone_id)",
            # Wins and obstacles written during a review are ordinary entries, linked to it.
            """CREATE TABLE review_entries (
                review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
                entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
                PRIMARY KEY (review_id, entry_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX review_entries_entry ON review_entries(entry_id)",
            """CREATE TABLE reflection_prompts (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(text) <> ''),
                position INTEGER NOT NULL DEFAULT 0,
                retired_at TEXT,
                created_at TEXT NOT NULL
            )""",
            """CREATE TABLE entry_templates (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) <> ''),
                kind TEXT NOT NULL DEFAULT 'note'
                    CHECK (kind IN ('reflection', 'win', 'lesson', 'feedback', 'note')),
                text TEXT NOT NULL CHECK (trim(text) <> ''),
                position INTEGER NOT NULL DEFAULT 0,
                retired_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ],
    )
    # Not the clock nor random ids: a built-in is the same row in every journal, so that an import
    # or a merge from another journal matches it instead of adding a second copy.
    stamp = "2026-01-01T00:00:00"
    namespace = uuid.UUID("6f1c1f2e-8c1d-4f7a-9a43-2b1f0c6d9e01")
    for position, text in enumerate(BUILTIN_PROMPTS, start=1):
        db.execute(
            "INSERT INTO reflection_prompts (uuid, text, position, created_at) VALUES (?, ?, ?, ?)",
            (uuid.uuid5(namespace, f"prompt:{text}").hex, text, position, stamp),
        )
    for position, (name, kind, text) in enumerate(BUILTIN_TEMPLATES, start=1):
        db.execute(
            "INSERT INTO entry_templates (uuid, name, kind, text, position, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (uuid.uuid5(namespace, f"template:{name}").hex, name, kind, text, position, stamp, stamp),
        )


@migrations(name="008_entries_trashed")
def _entries_trashed(db: Database) -> None:
    # Tag counts leave out trashed entries (``NOT IN`` their ids); without an index on
    # ``deleted_at`` that reads every entry row, which SQLCipher must decrypt page by page. The
    # trash is small, so this index is too.
    _run(db, ["CREATE INDEX entries_trashed ON entries(id) WHERE deleted_at IS NOT NULL"])


# connection.py keeps the number without importing this module; they must agree.
assert len(migrations._migrations) == SCHEMA_VERSION, "update SCHEMA_VERSION"


def migrate(conn: sqlite3.Connection, stop_before: str | None = None) -> None:
    """Apply every pending step inside the caller's open transaction and record the version.

    The caller holds ``BEGIN IMMEDIATE`` so that two processes opening an old journal at once
    cannot both upgrade it; sqlite-utils nests each step in a savepoint.
    """
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before=stop_before)
    applied = len(migrations.applied(db))
    conn.execute(f"PRAGMA user_version = {applied:d}")
