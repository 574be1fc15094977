"""The user's preferences: a small TOML file in the platform's config folder.

    theme = "nord"                     # any Textual theme the app offers (ctrl+p → "Change theme")
    default_screen = "goals"           # today, goals, timeline, reflections, people or assess
    week_start = "sunday"              # monday or sunday: cadence weeks and the timeline's week zoom
    date_style = "month-day-year"      # day-month-year (25 Nov 2026), iso (2026-11-25), month-day-year (Nov 25, 2026)
    assessment_interval_days = 90      # Today asks for a self-assessment this long after the last one

Every key is optional. A file that cannot be read or parsed gives every default; a value of the
wrong type or out of range gives that key's default; either way the problems come back as one
line for the user, never an exception. Stdlib only (tomllib): the command line reads it at launch.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from goaljournal.core.dates import DATE_STYLES, DEFAULT_DATE_STYLE

APP_NAME = "goaljournal"
FILE_NAME = "config.toml"
ENVIRONMENT = "GOALJOURNAL_CONFIG"

SCREEN_NAMES = ("today", "goals", "timeline", "reflections", "people", "assess")
WEEK_STARTS = {"monday": 0, "sunday": 6}  # the weekday() a week starts on
INTERVAL_RANGE = (7, 730)  # a week to two years between self-assessments


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the config file says, each value checked; ``theme`` None leaves Textual's own."""

    theme: str | None = None
    default_screen: str = "today"
    week_start: str = "monday"
    date_style: str = DEFAULT_DATE_STYLE
    assessment_interval_days: int = 90

    @property
    def first_weekday(self) -> int:
        """The weekday() weeks start on: 0 Monday, 6 Sunday."""
        return WEEK_STARTS[self.week_start]


DEFAULTS = Preferences()


def _choice(allowed: tuple[str, ...]) -> Any:
    def check(value: object) -> str:
        if not isinstance(value, str):
            raise ValueError(f"must be text, one of {', '.join(allowed)}")
        if value.strip().lower() not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}, not {_shown(value)}")
        return value.strip().lower()

    return check


def _theme(value: object) -> str:
    # Which themes exist is the app's to say (it knows Textual's and its own); here only the form.
    if not isinstance(value, str) or not value.strip() or len(value) > 100 or not value.isprintable():
        raise ValueError(f"must be a theme's name, like \"textual-dark\", not {_shown(value)}")
    return value.strip()


def _interval(value: object) -> int:
    low, high = INTERVAL_RANGE
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number of days from {low} to {high}, not {_shown(value)}")
    if not low <= value <= high:
        raise ValueError(f"must be from {low} to {high} days, not {value}")
    return value


CHECKS = {
    "theme": _theme,
    "default_screen": _choice(SCREEN_NAMES),
    "week_start": _choice(tuple(WEEK_STARTS)),
    "date_style": _choice(tuple(DATE_STYLES)),
    "assessment_interval_days": _interval,
}


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:39] + "…"


def parse_preferences(text: str) -> tuple[Preferences, list[str]]:
    """The preferences ``text`` (TOML) sets, and what was wrong with it: each problem a short
    phrase (``week_start must be monday or sunday, not 'friday'``). Never raises."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        return DEFAULTS, [f"not valid TOML ({err}); every preference is at its default"]
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in table.items():
        check = CHECKS.get(key)
        if check is None:
            problems.append(f"unknown key '{_printable(key)}' ignored (known: {', '.join(CHECKS)})")
            continue
        try:
            values[key] = check(value)
        except ValueError as err:
            problems.append(f"{key} {err}; using {getattr(DEFAULTS, key) or 'the default'}")
    return replace(DEFAULTS, **values), problems


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)[:40]


def read_preferences(path: Path) -> tuple[Preferences, str | None]:
    """The preferences in the file at ``path``, and one line for the user when something in it
    was wrong (naming the file); a missing file is the defaults, silently."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return DEFAULTS, None
    except OSError as err:
        return DEFAULTS, f"{path}: cannot read it ({err.strerror or err}); using the default preferences"
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (Notepad writes one) is no error
    except UnicodeDecodeError:
        return DEFAULTS, f"{path}: not UTF-8 text; using the default preferences"
    preferences, problems = parse_preferences(text)
    return preferences, (f"{path}: {'; '.join(problems)}" if problems else None)


def config_path() -> Path:
    """Where the config file is: GOALJOURNAL_CONFIG, else ``config.toml`` in the user's config
    folder. On Linux the XDG rule is spelled out (as store.location does for the data folder) to
    keep platformdirs' import off the launch; elsewhere platformdirs knows the conventions."""
    chosen = os.environ.get(ENVIRONMENT, "")
    if chosen.strip():
        return Path(chosen).expanduser()
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CONFIG_HOME", "").strip()
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
        return root / APP_NAME / FILE_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


_TABLE_HEADER = re.compile(r"\s*\[")


def with_value(text: str, key: str, value: str) -> str:
    """``text`` (a config file) with ``key`` set to the string ``value``, everything else (other
    keys, comments, tables) kept as it was. Raises ValueError when ``text`` is not valid TOML,
    rather than write over a file the user is still editing."""
    tomllib.loads(text)  # raises on a broken file
    line = f"{key} = {_toml_string(value)}"
    lines = text.splitlines()
    assignment = re.compile(rf"\s*{re.escape(key)}\s*=")
    first_table = next((i for i, current in enumerate(lines) if _TABLE_HEADER.match(current)), len(lines))
    found = next((i for i in range(first_table) if assignment.match(lines[i])), None)
    if found is None:
        lines.insert(first_table, line)  # a top-level key goes before the first table
    else:
        lines[found] = line
    written = "\n".join(lines) + "\n"
    if tomllib.loads(written).get(key) != value:  # a multi-line value, say: refuse, never corrupt
        raise ValueError(f"cannot set {key} in this file by hand-editing one line")
    return written


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'
