"""The user's preferences: config.toml parsed and checked, written back when the theme changes,
and applied by the app (theme, first screen, week start, date style, self-assessment interval)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import TODAY, render_screen_text

from goaljournal.core import dates
from goaljournal.core.cadence import period_pace, summarise
from goaljournal.core.config import DEFAULTS, Preferences, config_path, parse_preferences, read_preferences, with_value
from goaljournal.core.decisions import ASSESSMENT_DUE, decisions
from goaljournal.core.periods import parse_jump, period_of
from goaljournal.core.timeline_axis import AxisLayout
from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp

SIZE = (120, 40)
SUNDAY = date(2026, 11, 22)  # TODAY is Wednesday 25 November 2026


# -- parsing -----------------------------------------------------------------------------------


def test_every_key_valid() -> None:
    text = (
        'theme = "nord"\ndefault_screen = "Goals"\nweek_start = "sunday"\n'
        'date_style = "iso"\nassessment_interval_days = 30\n'
    )
    preferences, problems = parse_preferences(text)
    assert problems == []
    assert preferences == Preferences("nord", "goals", "sunday", "iso", 30)
    assert preferences.first_weekday == 6 and DEFAULTS.first_weekday == 0


def test_an_empty_file_is_the_defaults() -> None:
    assert parse_preferences("") == (DEFAULTS, [])
    assert DEFAULTS == Preferences(None, "today", "monday", "day-month-year", 90)


@pytest.mark.parametrize(
    ("line", "key", "says"),
    [
        ("theme = 3", "theme", "must be a theme's name"),
        ('theme = ""', "theme", "must be a theme's name"),
        ('theme = "a\\u0007b"', "theme", "must be a theme's name"),
        ('default_screen = "settings"', "default_screen", "must be one of today, goals, timeline, reflections, people, assess, not 'settings'"),
        ("default_screen = true", "default_screen", "must be text"),
        ('week_start = "friday"', "week_start", "must be one of monday, sunday, not 'friday'"),
        ("week_start = 0", "week_start", "must be text"),
        ('date_style = "%d/%m"', "date_style", "must be one of day-month-year, iso, month-day-year"),
        ("date_style = ['iso']", "date_style", "must be text"),
        ("assessment_interval_days = 0", "assessment_interval_days", "must be from 7 to 730 days, not 0"),
        ("assessment_interval_days = 5000", "assessment_interval_days", "must be from 7 to 730 days, not 5000"),
        ("assessment_interval_days = 30.5", "assessment_interval_days", "must be a whole number of days"),
        ("assessment_interval_days = true", "assessment_interval_days", "must be a whole number of days"),
        ('assessment_interval_days = "90"', "assessment_interval_days", "must be a whole number of days"),
        ("assessment_interval_days = inf", "assessment_interval_days", "must be a whole number of days"),
    ],
)
def test_a_bad_value_gives_that_keys_default_and_says_so(line: str, key: str, says: str) -> None:
    preferences, problems = parse_preferences(f'{line}\nweek_start_ok = 1\ndate_style = "iso"\n' if key != "date_style" else line)
    assert getattr(preferences, key) == getattr(DEFAULTS, key)
    assert any(problem.startswith(f"{key} {says}") for problem in problems), problems
    if key != "date_style":  # the good values beside it are kept
        assert preferences.date_style == "iso"


def test_unknown_keys_are_ignored_with_a_warning() -> None:
    preferences, problems = parse_preferences('colour = "red"\n[extra]\nx = 1\nweek_start = "sunday"\n')
    assert preferences == DEFAULTS  # week_start inside [extra] is not the top-level key
    assert problems == [
        "unknown key 'colour' ignored (known: theme, default_screen, week_start, date_style, assessment_interval_days)",
        "unknown key 'extra' ignored (known: theme, default_screen, week_start, date_style, assessment_interval_days)",
    ]


def test_broken_toml_gives_every_default() -> None:
    preferences, problems = parse_preferences('week_start = "sunday"\ntheme = "nord\n')
    assert preferences == DEFAULTS
    assert len(problems) == 1 and problems[0].startswith("not valid TOML (") and "every preference is at its default" in problems[0]


def test_reading_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert read_preferences(path) == (DEFAULTS, None)  # missing: the defaults, silently
    path.write_text('week_start = "sunday"\n')
    assert read_preferences(path) == (Preferences(week_start="sunday"), None)
    path.write_bytes('\ufeffweek_start = "sunday"\n'.encode())  # with a byte-order mark
    assert read_preferences(path) == (Preferences(week_start="sunday"), None)
    path.write_bytes(b'theme = "\xff"\n')
    assert read_preferences(path) == (DEFAULTS, f"{path}: not UTF-8 text; using the default preferences")
    path.write_text("week_start = [\n")
    preferences, problem = read_preferences(path)
    assert preferences == DEFAULTS and problem is not None and problem.startswith(f"{path}: not valid TOML")
    assert "\n" not in problem
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    preferences, problem = read_preferences(folder)
    assert preferences == DEFAULTS and problem is not None and problem.startswith(f"{folder}: cannot read it")


def test_where_the_file_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert config_path() == tmp_path / "xdg-config" / "goaljournal" / "config.toml"  # conftest's XDG_CONFIG_HOME
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/ignored")
    assert config_path() == tmp_path / "home" / ".config" / "goaljournal" / "config.toml"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert config_path() == tmp_path / "home" / ".config" / "goaljournal" / "config.toml"
    monkeypatch.setenv("GOALJOURNAL_CONFIG", str(tmp_path / "elsewhere.toml"))
    assert config_path() == tmp_path / "elsewhere.toml"


def test_the_linux_rule_agrees_with_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert config_path().parent == Path(platformdirs.user_config_dir("goaljournal", appauthor=False))


def test_setting_a_value_keeps_the_rest_of_the_file() -> None:
    text = '# my settings\nweek_start = "sunday"   # church\ntheme = "nord"\n\n[later]\ntheme = 1\n'
    assert with_value(text, "theme", "dracula") == '# my settings\nweek_start = "sunday"   # church\ntheme = "dracula"\n\n[later]\ntheme = 1\n'
    # A key not there yet goes before the first table, where it is a top-level key.
    assert with_value('# only\n[later]\nx = 1', "theme", 'a "q"') == '# only\ntheme = "a \\"q\\""\n[later]\nx = 1\n'
    assert with_value("", "theme", "nord") == 'theme = "nord"\n'
    with pytest.raises(ValueError):
        with_value('theme = "nord\n', "theme", "dracula")  # a broken file is never written over
    with pytest.raises(ValueError):
        with_value('theme = """nord\n"""\n', "theme", "dracula")  # nor one the line edit would break


# -- what each preference changes -----------------------------------------------------------


def test_date_styles() -> None:
    day = date(2026, 11, 5)
    assert dates.human_date(day) == "05 Nov 2026"
    for style, full, short_year, weekday, no_year in [
        ("day-month-year", "05 Nov 2026", "05 Nov 26", "Thu 05 Nov 2026", "! overdue 05 Nov"),
        ("iso", "2026-11-05", "2026-11-05", "Thu 2026-11-05", "! overdue 11-05"),
        ("month-day-year", "Nov 05, 2026", "Nov 05 '26", "Thu Nov 05, 2026", "! overdue Nov 05"),
    ]:
        dates.use_date_style(style)
        assert dates.human_date(day) == full
        assert dates.human_day("2026-11-05", "%d %b %y") == short_year
        assert dates.human_date(day, "%a %d %b %Y") == weekday
        assert dates.human_date(day, "! overdue %d %b") == no_year
        assert dates.human_date(day, "due %a %d") == "due Thu 05"  # no date of the style's in it


def test_week_start_moves_the_week() -> None:
    assert period_of(TODAY, "week").first == date(2026, 11, 23)
    sunday_week = period_of(TODAY, "week", 6)
    assert (sunday_week.first, sunday_week.last) == (SUNDAY, date(2026, 11, 28))
    assert period_of(SUNDAY, "week", 6) == sunday_week and period_of(SUNDAY, "week").first == date(2026, 11, 16)
    assert sunday_week.label == "Week 48 · 22–28 Nov 2026"
    assert sunday_week.shifted(-1).first == date(2026, 11, 15)
    assert parse_jump("this week", TODAY, 6).first == SUNDAY
    assert parse_jump("last week", TODAY, 6).label == "Week 47 · 15–21 Nov 2026"
    # A check-in on Sunday is in this week when weeks start on Sunday, in the last one otherwise.
    assert summarise("week", 5, [(SUNDAY, 2.0)], TODAY, start="2026-11-01").current == 0
    sunday = summarise("week", 5, [(SUNDAY, 2.0)], TODAY, start="2026-11-01", week_start=6)
    assert sunday.current == 2 and sunday.results(1)[0].period.first == SUNDAY
    assert period_pace(1, 7, "week", TODAY) == "at risk"  # two days of seven behind
    assert period_pace(1, 7, "week", TODAY, 6) == "off track"  # three days behind
    axis = AxisLayout([(SUNDAY, 1)], [], zoom="week", today=TODAY, week_start=6)
    assert axis.periods == [sunday_week]


def test_the_assessment_interval_decides_when_one_is_due(store: Store) -> None:
    goal_id = store.add_goal("A goal")
    store.add_checkin(goal_id, 1, at=TODAY.isoformat())
    goal = store.get_goal(goal_id)
    last = TODAY - timedelta(days=40)
    assert [d.prompt for d in decisions([goal], TODAY, last_assessment=last)] == []
    assert [d.prompt for d in decisions([goal], TODAY, last_assessment=last, assessment_every=30)] == [ASSESSMENT_DUE]


# -- the app ----------------------------------------------------------------------------------


def _config(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "xdg-config" / "goaljournal" / "config.toml"
    if text is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return path


async def test_a_theme_chosen_is_kept_for_the_next_start(store: Store, tmp_path: Path) -> None:
    path = _config(tmp_path, '# chosen by hand\ndefault_screen = "goals"\n')
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme", "enter")  # "Change theme": a palette of themes
        await pilot.pause()
        await pilot.press(*"nord", "enter")
        await pilot.pause()
        assert app.theme == "nord"
        assert not list(app._notifications)
    assert path.read_text() == '# chosen by hand\ndefault_screen = "goals"\ntheme = "nord"\n'
    again = GoalJournalApp(store, today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
        assert again.current_mode == "goals"
        assert not list(again._notifications)


async def test_the_first_theme_change_creates_the_file(store: Store, tmp_path: Path) -> None:
    path = _config(tmp_path)
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert path.read_text() == 'theme = "textual-light"\n'
    assert path.stat().st_mode & 0o777 == 0o600


async def test_a_config_the_app_cannot_update_is_left_alone_and_said_so(store: Store, tmp_path: Path) -> None:
    path = _config(tmp_path, 'theme = "nord"\nweek_start = [\n')
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        messages = [n.message for n in app._notifications]
    assert path.read_text() == 'theme = "nord"\nweek_start = [\n'
    assert any(m.startswith(f"The theme is not kept for next time: {path}") for m in messages), messages


async def test_a_broken_file_starts_with_the_defaults_and_one_notification(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('default_screen = "goals\n')
    monkeypatch.setenv("GOALJOURNAL_CONFIG", str(path))
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "today" and app.theme == "textual-dark"
        messages = [n.message for n in app._notifications]
    assert len(messages) == 1 and messages[0].startswith(f"{path}: not valid TOML")


async def test_an_unknown_theme_is_one_notification_with_the_other_problems(store: Store, tmp_path: Path) -> None:
    path = _config(tmp_path, 'theme = "no-such-theme"\nweek_start = "friday"\ndefault_screen = "people"\n')
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark" and app.current_mode == "people"
        messages = [n.message for n in app._notifications]
    assert len(messages) == 1
    assert messages[0].startswith(f"{path}: week_start must be one of monday, sunday, not 'friday'")
    assert "theme 'no-such-theme' is not one of the app's themes" in messages[0]


@pytest.mark.parametrize("screen", ["today", "goals", "timeline", "reflections", "people", "assess"])
async def test_the_default_screen_is_where_the_app_opens(store: Store, tmp_path: Path, screen: str) -> None:
    _config(tmp_path, f'default_screen = "{screen}"\n')
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == screen
        assert not list(app._notifications)


async def test_the_date_style_shows_on_the_goals_screen(store: Store, tmp_path: Path) -> None:
    store.add_goal("Run a half marathon", deadline="2027-04-18", target=21, unit="km")
    _config(tmp_path, 'default_screen = "goals"\ndate_style = "iso"\n')
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = render_screen_text(app)
    assert "2027-04-18" in shown and "18 Apr 27" not in shown
    assert "Wed 2026-11-25" in shown  # the title bar's date


async def test_week_start_changes_the_cadence_week_and_the_timeline_week(store: Store, tmp_path: Path) -> None:
    goal_id = store.add_goal("Write client reports", target=5, unit="reports", cadence="week", start_date="2026-11-01")
    store.add_checkin(goal_id, 2, at=SUNDAY.isoformat())
    for week_start, this_week, header in [("monday", "0 of 5 reports this week", "23–29 Nov 2026"),
                                          ("sunday", "2 of 5 reports this week", "22–28 Nov 2026")]:  # fmt: skip
        _config(tmp_path, f'week_start = "{week_start}"\n')
        app = GoalJournalApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert this_week in render_screen_text(app), week_start  # Today's goal summary
            await pilot.press("l", "1")  # the timeline, by week
            await pilot.pause()
            assert f"Week 48 · {header}" in render_screen_text(app), week_start


async def test_the_assessment_interval_decides_todays_prompt(store: Store, tmp_path: Path) -> None:
    goal_id = store.add_goal("A goal worked on", target=5)
    store.add_checkin(goal_id, 1, at=TODAY.isoformat())
    session = store.add_assessment(TODAY - timedelta(days=40), step=1)
    store.update_assessment(session, completed_at=f"{TODAY - timedelta(days=40)} 10:00:00")
    for interval, due in [(None, False), (30, True)]:
        _config(tmp_path, "" if interval is None else f"assessment_interval_days = {interval}\n")
        app = GoalJournalApp(store, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert ("Self-assessment due (last one 40 days ago)" in render_screen_text(app)) is due, interval


def test_the_command_line_repeats_the_problem_once_the_app_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from goaljournal import cli

    _config(tmp_path, 'week_start = "friday"\n')
    monkeypatch.setenv("GOALJOURNAL_DB", str(tmp_path / "j.db"))
    monkeypatch.setattr(GoalJournalApp, "run", lambda self: None)  # the app itself is tested above
    assert cli.main([]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"goaljournal: {_config(tmp_path)}: week_start must be one of monday, sunday")
    assert os.path.exists(tmp_path / "j.db")


async def test_a_new_theme_recolours_the_goals_table_and_the_high_contrast_one_is_offered(store: Store, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    store.add_goal("Run 5 km by 2027-01-01", target=5, deadline="2027-01-01")
    _config(tmp_path, 'default_screen = "goals"\n')
    app = GoalJournalApp(store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        before = app.theme_variables["text-success"]
        assert str(table.get_row_at(0)[3].spans[0].style) == f"bold {before}"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme", "enter")
        await pilot.pause()
        await pilot.press(*"goaljournal-high-contrast", "enter")
        await pilot.pause()
        assert app.theme == "goaljournal-high-contrast"
        after = app.theme_variables["text-success"]  # the SMART letters, in its colour for success
        assert after != before and str(table.get_row_at(0)[3].spans[0].style) == f"bold {after}"
    assert 'theme = "goaljournal-high-contrast"' in _config(tmp_path).read_text()
