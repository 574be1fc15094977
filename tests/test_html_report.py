"""`goaljournal report --format html`: one self-contained page, its charts, and user text kept as text."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from conftest import NOW, Cli

from goaljournal.core import svg
from goaljournal.store import Store

HOSTILE_GOAL = "</svg><script>alert(1)</script>"
HOSTILE_MILESTONE = "<img src=http://x>"
HOSTILE_SKILL = '"><svg onload=alert(1)>'
HOSTILE_WIN = "Shipped <a href='https://evil.example'>it</a> & more @launch"


def test_the_pace_line_runs_from_its_start_to_its_deadline_in_pixels() -> None:
    # Baseline 0 on 1 Jan to target 10 on 11 Jan, in a chart spanning 1 to 21 Jan and 0 to 20.
    start, deadline, end = datetime(2026, 1, 1).toordinal(), datetime(2026, 1, 11).toordinal(), datetime(2026, 1, 21).toordinal()
    pace = svg.Series(((start, 0.0), (deadline, 10.0)), "pace to the deadline", "dotted")
    drawn = svg.line_chart([pace], x_range=(start, end), y_range=(0.0, 20.0), width=448, height=242)
    # The plot area is x 48..432 (448 less 48 left, 16 right) and y 12..212 (242 less 12 top, 30 below):
    # the start at its left edge and bottom, the deadline halfway across and halfway up.
    assert re.search(r'<polyline class="series" points="48,212 240,112"', drawn), drawn
    assert 'stroke-dasharray="1.5 3.5"' in drawn  # dotted, so it reads without colour
    assert ">pace to the deadline</text>" in drawn  # named in the legend


def test_a_line_past_the_chart_stops_at_its_edge() -> None:
    projection = svg.Series(((0.0, 0.0), (40.0, 40.0)), "projection", "dashed")
    drawn = svg.line_chart([projection], x_range=(0.0, 10.0), y_range=(0.0, 10.0), width=448, height=242)
    assert 'points="48,212 432,12"' in drawn


@pytest.fixture
def journal(db_path: Path) -> Path:
    """A goal, a milestone, a win, mood and energy and two self-assessments, with text that
    would be markup if it were pasted into HTML."""
    with Store.open(db_path, clock=lambda: NOW) as store:
        goal = store.add_goal(HOSTILE_GOAL, unit="km", baseline=0, target=100, start_date="2026-09-01", deadline="2026-12-31")
        store.add_milestone(goal, HOSTILE_MILESTONE, due="2026-11-10")
        for day, value in (("2026-10-05", 20), ("2026-11-02", 45), ("2026-11-20", 60)):
            store.add_checkin(goal, value, at=day)
        store.add_entry(HOSTILE_WIN, at="2026-11-12 18:00:00", kind="win")
        store.set_day_scores("2026-11-20", mood=4, energy=2)
        store.set_day_scores("2026-11-21", mood=3, energy=3)
        skill = store.skill_id(HOSTILE_SKILL)
        for day, rating in (("2026-06-01", 2), ("2026-09-01", 4)):
            session = store.add_assessment(day)
            store.rate_skill(session, skill, rating)
            store.update_assessment(session, completed_at=f"{day} 20:00:00")
    return db_path


def page_for(gj: Cli, tmp_path: Path) -> str:
    out = tmp_path / "report.html"
    done = gj("report", "--format", "html", "--period", "quarter", "-o", out)
    assert done.code == 0, done.err
    assert "wrote the quarter report to" in done.err
    return out.read_text(encoding="utf-8")


def test_the_html_report_is_one_page_with_its_charts_and_user_text_as_text(gj: Cli, journal: Path, tmp_path: Path) -> None:
    page = page_for(gj, tmp_path)
    assert page.startswith("<!DOCTYPE html>")
    for heading in ("Progress report · Q4 2026", "Summary", "Goals", "Milestones", "Revisions", "Wins", "Since the previous assessment",
                    "Check-ins over the year", "Mood and energy", "Skills across self-assessments"):  # fmt: skip
        assert f">{heading}</h" in page, heading
    # The goal's progress, the year's check-ins, mood and energy, the skills: a chart each.
    assert page.count("<svg") == 4
    assert "4 check-in days from" in page  # three check-ins and two days' mood, one day shared
    # User text is shown as written, escaped, wherever it appears (headings, lists, chart titles).
    for raw, shown in ((HOSTILE_GOAL, "&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
                       (HOSTILE_MILESTONE, "&lt;img src=http://x&gt;"),
                       (HOSTILE_SKILL, "&quot;&gt;&lt;svg onload=alert(1)&gt;"),
                       (HOSTILE_WIN, "Shipped &lt;a href='https://evil.example'&gt;it&lt;/a&gt; &amp; more @launch")):  # fmt: skip
        assert shown in page or shown.replace("'", "&#x27;") in page, raw
        assert raw not in page
    assert "<script" not in page.lower() and "<img" not in page.lower() and "<a " not in page.lower()
    # Nothing is fetched: no attribute or style names a URL; URLs only inside the escaped text.
    assert not re.search(r"\b(src|href)\s*=|url\(|@import", page.replace("src=http://x", "").replace("href='https", ""))
    rest = page.replace("http://x", "").replace("https://evil.example", "")
    assert "http:" not in rest and "https:" not in rest and "//" not in rest


def test_report_format_must_be_markdown_or_html(gj: Cli, journal: Path) -> None:
    done = gj("report", "--format", "pdf")
    assert done.code == 2 and "Traceback" not in done.err
    assert "argument --format: invalid choice: 'pdf' (choose from" in done.err


def png_pixels(path: Path) -> bytes:
    """The decompressed image data of a PNG (filter bytes included)."""
    data, chunks, at = path.read_bytes(), [], 8
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    while at < len(data):
        (length,), kind = struct.unpack(">I", data[at : at + 4]), data[at + 4 : at + 8]
        if kind == b"IDAT":
            chunks.append(data[at + 8 : at + 8 + length])
        at += 12 + length
    return zlib.decompress(b"".join(chunks))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_chromium_draws_the_page(gj: Cli, journal: Path, tmp_path: Path) -> None:
    page_for(gj, tmp_path)
    png = tmp_path / "report.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={png}", "--window-size=900,1400",
                    (tmp_path / "report.html").as_uri()], capture_output=True, timeout=90, check=False)  # fmt: skip
    pixels = png_pixels(png)
    # A blank page is one or two byte values (white and the row filters); text and charts are many.
    assert len(set(pixels)) > 32
