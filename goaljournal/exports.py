"""Exports and the review packet, put together from the store's rows and core's formats.

Shared by the command line (``export``, ``report``) and the app's command palette. Every file is
written through ``goaljournal.files``: atomically, private (0600), never over the journal or its
backups nor through a symbolic link; the app's go to an ``exports/`` folder beside the journal (0700).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from goaljournal import files
from goaljournal.core.models import Person
from goaljournal.store import Store

FORMATS = ("json", "markdown", "csv", "ics", "jrnl")
SUFFIXES = {"json": "json", "markdown": "md", "csv": "csv", "ics": "ics", "jrnl": "txt"}


def export_text(
    store: Store,
    fmt: str,
    *,
    include_private: bool = False,
    time_format: str | None = None,
    table: str | None = None,
    checkins: bool = False,
    entries: bool = False,
) -> Iterator[str]:
    """One export as text, piece by piece. CSV gives one ``table`` (see ``export_csv_files``
    for all of them)."""
    if fmt == "json":
        from goaljournal.store.transfer import json_chunks

        yield from json_chunks(store)
    elif fmt == "jrnl":
        from goaljournal.core.jrnl import MINUTES_FORMAT, format_jrnl

        rows = ((e.at, e.text, bool(e.starred), e.tags) for e in store.entries_for_export(include_private=include_private))
        yield from format_jrnl(rows, time_format or MINUTES_FORMAT)
    elif fmt == "markdown":
        from goaljournal.core.markdown_export import format_markdown

        yield from format_markdown(
            store.goals(), store.all_milestones(), store.entries_for_export(include_private=include_private),
            people=shareable_people(store, include_private), interactions=store.interactions_for_export(include_private=include_private),
        )  # fmt: skip
    elif fmt == "csv":
        yield from _csv_table(store, table or "entries", include_private)
    elif fmt == "ics":
        yield ics_bytes(store, include_private=include_private, checkins=checkins, entries=entries).decode("utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}")


def _csv_table(store: Store, table: str, include_private: bool) -> Iterator[str]:
    from goaljournal.core import csv_export

    if table == "goals":
        return csv_export.goals_csv(store.goals())
    if table == "checkins":
        titles = {goal.id: goal.title for goal in store.goals()}
        return csv_export.checkins_csv(store.all_checkins(), titles)
    if table == "entries":
        return csv_export.entries_csv(store.entries_for_export(include_private=include_private))
    if table == "people":
        return csv_export.people_csv(shareable_people(store, include_private))
    if table == "interactions":
        return csv_export.interactions_csv(store.interactions_for_export(include_private=include_private))
    raise ValueError(f"unknown table {table!r}")


def ics_bytes(store: Store, *, include_private: bool = False, checkins: bool = False, entries: bool = False) -> bytes:
    from goaljournal.core.ics_export import build_calendar

    private = frozenset() if include_private else frozenset(p.id for p in store.people() if p.private)
    return build_calendar(
        store.goals(),
        store.all_milestones(),
        checkins=store.all_checkins() if checkins else (),
        entries=store.entries_for_export(include_private=include_private) if entries else (),
        follow_ups=store.interactions_for_export(include_private=True),
        private_people=private,
    )


def shareable_people(store: Store, include_private: bool) -> list[Person]:
    """Live people an export may name: those not marked private, or everyone when asked."""
    return [person for person in store.people() if include_private or not person.private]


def write_private(path: Path, pieces: Iterable[str], *, journal: Path | None = None, managed: bool = False) -> Path:
    """Write ``pieces`` to ``path`` atomically, private (0600) whether or not it existed; the
    files of ``journal`` and symbolic links are refused (see ``goaljournal.files``)."""
    return files.write_text(Path(path), pieces, journal=journal, managed=managed)


def write_private_bytes(path: Path, data: bytes, *, journal: Path | None = None, managed: bool = False) -> Path:
    """``write_private`` for bytes, such as an encrypted export (encrypted in memory: the
    temporary file never holds the plaintext)."""

    def fill(part: files.Partial) -> None:
        with open(os.dup(part.fd), "wb") as handle:
            handle.write(data)

    return files.write_with(Path(path), fill, journal=journal, managed=managed)


def export_csv_files(
    store: Store, folder: Path, *, include_private: bool = False, stem: str = "", managed: bool = False
) -> list[Path]:
    """goals.csv, checkins.csv, entries.csv, people.csv and interactions.csv in ``folder``
    (created private if missing), written as one set: every name is checked before the first is
    written, and none replaces an old file until all are written (``files.write_texts``)."""
    from goaljournal.core.csv_export import TABLES

    tables = [(f"{stem}{table}.csv", _csv_table(store, table, include_private)) for table in TABLES]
    return files.write_texts(Path(folder), tables, journal=store.path, managed=managed, create_folder=True)


def exports_folder(store: Store) -> Path:
    """``exports/`` beside the journal, created private (0700) on first use; refused if it is a
    symbolic link, someone else's, or writable by others."""
    folder = store.path.parent / "exports"
    files.make_private_dir(folder)
    return folder


def export_to_folder(store: Store, fmt: str, now: datetime) -> list[Path]:
    """The app's exports: a dated file (one per table for CSV) in ``exports/``; private entries
    and people left out."""
    folder = exports_folder(store)
    stem = f"journal-{now:%Y%m%d-%H%M%S}"
    if fmt == "csv":
        return export_csv_files(store, folder, stem=f"{stem}-", managed=True)
    return [write_private(folder / f"{stem}.{SUFFIXES[fmt]}", export_text(store, fmt), journal=store.path, managed=True)]


def report_markdown(store: Store, period: str, at: date, *, include_private: bool = False) -> str:
    from goaljournal.core.report import build_report, report_period

    span = report_period(period, at)
    data = store.report_data(span.first, span.last, include_private=include_private)
    people = store.people_activity(span.first, span.last, open_until=span.shifted(1).last)
    return build_report(data, span, today=store.today(), include_private=include_private, people=people)


def report_html(store: Store, period: str, at: date, *, include_private: bool = False) -> str:
    """The report as one self-contained HTML page with its charts."""
    from goaljournal.core.html_report import build_html
    from goaljournal.core.report import report_period

    span = report_period(period, at)
    data = store.report_data(span.first, span.last, include_private=include_private, charts=True)
    people = store.people_activity(span.first, span.last, open_until=span.shifted(1).last)
    return build_html(data, span, today=store.today(), include_private=include_private, people=people, week_start=store.week_start)


def report_to_folder(store: Store, period: str, at: date) -> Path:
    from goaljournal.core.report import period_title, report_period

    name = "report-" + period_title(report_period(period, at)).replace(" ", "-").lower() + ".md"
    text = report_markdown(store, period, at)
    return write_private(exports_folder(store) / name, [text], journal=store.path, managed=True)
