"""Shared fixtures: every test works on a real journal file in its own tmp_path."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from goaljournal.core import dates
from goaljournal.store import Store

# Tests never read the real clock: the journal's "now" is fixed.
NOW = datetime(2026, 11, 25, 9, 30, 0)
TODAY: date = NOW.date()


def attack_rounds(rounds: int) -> int:
    """How many rounds a long attack loop runs: ``rounds`` in the suite, which must stay short;
    more when GOALJOURNAL_ATTACK_SCALE asks (bench/attacks.py runs them at 5)."""
    import os

    scale = float(os.environ.get("GOALJOURNAL_ATTACK_SCALE", "1") or "1")
    return max(1, round(rounds * scale))


def pytest_report_header(config: pytest.Config) -> list[str]:
    from importlib.metadata import version

    return [
        f"sqlite {sqlite3.sqlite_version}, textual {version('textual')}, "
        f"sqlite-utils {version('sqlite-utils')}, pendulum {version('pendulum')}"
    ]


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the user's real journal and data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("GOALJOURNAL_DB", raising=False)
    monkeypatch.delenv("GOALJOURNAL_CONFIG", raising=False)
    # An app started with another date style sets it for the process: every test starts from the default.
    monkeypatch.setattr(dates, "_date_style", dates.DATE_STYLES[dates.DEFAULT_DATE_STYLE])
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # The command line, in this process or a child, runs as of NOW: no test reads the real clock.
    monkeypatch.setenv("GOALJOURNAL_NOW", NOW.isoformat())


# -- plain and encrypted journals -------------------------------------------------------------
#
# The shared fixtures (db_path, store, and the cli and gj commands through them) make a plain
# journal, or an encrypted one (SQLCipher, its passphrase in GOALJOURNAL_PASSPHRASE as a script
# would set it). GOALJOURNAL_TEST_JOURNALS chooses for the whole suite: "plain" (the default),
# "encrypted" or "both"; the modules in BOTH_KINDS always run with both.
TEST_PASSPHRASE = "correct horse battery staple"
TEST_SALT = bytes(range(16))
BOTH_KINDS = {"test_store", "test_cli", "test_app"}


def _kinds_for(module: str) -> list[str]:
    import os

    chosen = os.environ.get("GOALJOURNAL_TEST_JOURNALS", "plain").strip() or "plain"
    if chosen == "both" or module in BOTH_KINDS:
        return ["plain", "encrypted"]
    return [chosen]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "plain_journal(why): the test needs a plain journal (it reads the file's bytes, or a child process opens it without a key)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "journal_kind" in metafunc.fixturenames and not metafunc.definition.get_closest_marker("plain_journal"):
        kinds = _kinds_for(metafunc.module.__name__.rpartition(".")[2])
        if kinds != ["plain"]:
            metafunc.parametrize("journal_kind", kinds, indirect=True)


@pytest.fixture
def journal_kind(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "plain")


@pytest.fixture
def db_path(tmp_path: Path, journal_kind: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.db"
    if journal_kind == "encrypted":
        _make_encrypted(path, monkeypatch)
    return path


def _make_encrypted(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty encrypted journal at ``path``; the command line finds its passphrase in the
    environment, and a test's own ``Store.open`` gets its key (see ``_open_with_test_key``)."""
    from goaljournal.store import driver

    # One salt for every test journal: the slow derivation runs once per test process.
    with Store.open(path, clock=lambda: NOW, key=driver.derive_key(TEST_PASSPHRASE, TEST_SALT)):
        pass
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setattr(Store, "open", classmethod(_open_with_test_key))


_plain_open = Store.open.__func__  # type: ignore[attr-defined]


def _open_with_test_key(cls: type[Store], path: Any, *, clock: Callable[[], datetime], key: Any = None) -> Store:
    """``Store.open`` as the tests call it, given the test passphrase's key for an encrypted file
    when a test (never goaljournal's own code, which must pass its key) opens one without."""
    import sys

    caller = sys._getframe(1).f_globals.get("__name__", "")
    if key is None and not caller.startswith("goaljournal"):
        key = _test_key(Path(path))
    return _plain_open(cls, path, clock=clock, key=key)


def _test_key(path: Path) -> Any:
    """The test passphrase's key for an encrypted file at ``path``; None for a plain one."""
    from goaljournal.store import driver, encryption

    return encryption.unlock(path, TEST_PASSPHRASE) if driver.is_encrypted(path) else None


def raw_connect(path: Path, **options: Any) -> Any:
    """A connection behind the store's back: sqlite3 for a plain file, SQLCipher with the test
    passphrase's key for an encrypted one (the test journals'). ``path`` may be a ``file:`` URI
    with ``uri=True``."""
    from urllib.parse import unquote, urlsplit

    from goaljournal.store import driver

    file = Path(unquote(urlsplit(str(path)).path)) if options.get("uri") else Path(path)
    return driver.connect(str(path), key=_test_key(file), **options)


def dump_lines(conn: Any) -> Iterator[str]:
    """Everything a connection's database holds, as lines: its SQL dump (SQLCipher's connections
    have no ``iterdump``: there, each table's schema and its rows, sorted)."""
    if hasattr(conn, "iterdump"):
        yield from conn.iterdump()
        return
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall():
        yield sql
        if sql.startswith("CREATE TABLE") and "VIRTUAL" not in sql:
            yield from sorted(repr(tuple(row)) for row in conn.execute(f'SELECT * FROM "{name}"'))


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path, clock=lambda: NOW) as opened:
        yield opened


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command line in this process: its exit status (argparse's exits too), stdout, stderr.
    Any other exception fails the test."""
    from goaljournal.cli import main

    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Cli = Callable[..., CliResult]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``main`` in-process with the given arguments (paths and numbers as text); argparse
    exits become exit codes."""
    return lambda *args: CliResult(*run_cli(capsys, *(str(arg) for arg in args)))


@pytest.fixture
def gj(cli: Cli, db_path: Path) -> Cli:
    """``cli`` on the test's journal file (``--db`` first)."""
    return lambda *args: cli("--db", db_path, *args)


def journal_state(path: Path) -> dict[str, Any]:
    """Everything a journal holds, as its JSON export: equal before and after means untouched."""
    from goaljournal.store.transfer import export_data

    with Store.open(path, clock=lambda: NOW) as store:
        return export_data(store)


# One <text> element of an SVG screenshot: its left edge in pixels, its line, and the characters
# it draws (Rich's export_svg writes a cell per 0.61 x 20 pixels and leaves blank runs out).
_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>', re.S)
_SVG_CELL_WIDTH = 20 * 0.61


def svg_screen_text(svg: str, width: int, height: int) -> str:
    """The characters an SVG screenshot draws, as ``height`` lines of ``width`` cells."""
    from rich.cells import cell_len

    lines = [""] * height
    for x, row, drawn in _SVG_TEXT.findall(svg):
        text = html.unescape(drawn.replace("&#160;", " ").replace("\n", ""))  # spaces are written as &#160;
        if text:
            line = lines[int(row)]
            lines[int(row)] = line + " " * (round(float(x) / _SVG_CELL_WIDTH) - cell_len(line)) + text
    return "\n".join(line + " " * (width - cell_len(line)) for line in lines)


def render_screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the app's current screen shows, as plain text: read from Textual's public screenshot
    export, so the text is what a screenshot of the screen holds."""
    width, height = app.size
    return svg_screen_text(app.export_screenshot(simplify=True), width, height)


async def open_new_session(pilot):  # type: ignore[no-untyped-def]
    """From anywhere in the app: the Self-assessment screen, then `n`: the session started (or
    the one in progress, resumed)."""
    from goaljournal.ui.assess.session import AssessmentSession

    await pilot.press("a")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AssessmentSession)
    return screen


@pytest.fixture
def screen_text():  # type: ignore[no-untyped-def]
    return render_screen_text
