"""The passphrase screen an encrypted journal opens with (goaljournal/ui/unlock.py), and the
command line that runs it before the journal app (cli.run_app).

Every test works on a real encrypted journal in tmp_path. The key check runs in a thread worker,
so a test waits for the workers before it looks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import NOW, render_screen_text
from textual.pilot import Pilot
from textual.widgets import Input

from goaljournal.store import Store, driver
from goaljournal.store.errors import JournalUnavailable
from goaljournal.ui.app import GoalJournalApp
from goaljournal.core.text import fit_cells_from_end
from goaljournal.ui.unlock import UnlockApp

PASSPHRASE = "correct horse"
ENTRY = "First entry of the encrypted journal"


def make_encrypted(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(path, clock=lambda: NOW, key=driver.derive_key(PASSPHRASE, driver.new_salt())) as store:
        store.add_entry(ENTRY, at=NOW)
    assert driver.is_encrypted(path)
    return path


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return make_encrypted(tmp_path / "journal.db")


def unlock_app(path: Path, tmp_path: Path) -> UnlockApp:
    return UnlockApp(path, config=tmp_path / "none.toml")  # no preferences: the default theme


async def submit(pilot: Pilot[object], text: str) -> None:
    """Type ``text`` in the passphrase field, press Enter, and wait for the check to finish."""
    field = pilot.app.query_one(Input)
    field.focus()
    field.value = text
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def status(app: UnlockApp) -> str:
    return str(app.query_one("#unlock-status").render())


# -- the screen ------------------------------------------------------------------------------


async def test_the_right_passphrase_gives_a_key_that_opens_the_journal(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*PASSPHRASE, "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_value is not None
    key, secret = app.return_value
    assert secret == PASSPHRASE
    with Store.open(journal, clock=lambda: NOW, key=key) as store:
        assert store.encrypted
        assert [entry.text for entry in store.entries()] == [ENTRY]


async def test_a_wrong_passphrase_says_so_and_clears_the_field(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert status(app) == "Type its passphrase and press Enter."
        await submit(pilot, "wrong one")
        field = app.query_one(Input)
        assert (field.value, field.disabled, field.has_focus) == ("", False, True)
        assert status(app) == "Wrong passphrase: 2 tries left."
        assert "Wrong passphrase: 2 tries left." in render_screen_text(app)
        assert app.tries_left == 2
        assert app.is_running
        await submit(pilot, "wrong two")
        assert status(app) == "Wrong passphrase: 1 try left."
        # The right one still opens it after two wrong ones.
        await submit(pilot, PASSPHRASE)
    assert app.return_value is not None
    assert app.return_value[1] == PASSPHRASE


async def test_three_wrong_passphrases_end_it_with_none(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        for n in range(3):
            await submit(pilot, f"wrong {n}")
    assert (app.return_value, app.tries_left, app.return_code, app.problem) == (None, 0, 1, None)


async def test_escape_leaves_with_none_and_tries_left(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await submit(pilot, "wrong")
        assert app.return_code is None
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code == 0  # it left by itself
    assert (app.return_value, app.tries_left, app.return_code) == (None, 2, 0)


async def test_ctrl_c_leaves_as_at_a_terminal_prompt(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"half typed")
        assert app.return_code is None
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0  # it left by itself
    assert (app.return_value, app.tries_left, app.return_code) == (None, 3, 0)
    assert "half typed" not in app.clipboard


async def test_an_empty_passphrase_is_not_a_try(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await submit(pilot, "")
        assert app.tries_left == 3
        assert status(app) == "Type its passphrase and press Enter."


async def test_the_typed_passphrase_never_shows(journal: Path, tmp_path: Path) -> None:
    app = unlock_app(journal, tmp_path)
    secret = "hunter2-zebra"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*secret)
        await pilot.pause()
        assert app.query_one(Input).value == secret
        shown = render_screen_text(app)
        assert secret not in shown
        assert "•" * len(secret) in shown  # masked, one dot a character
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert secret not in render_screen_text(app)


async def test_the_check_does_not_name_the_passphrase(journal: Path, tmp_path: Path) -> None:
    """The worker that checks it is described in logs and reports without it."""
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        worker = app.check("hunter2")
        assert "hunter2" not in repr(worker) + worker.description
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "hunter2" not in repr(worker)


async def test_the_passphrase_cannot_be_copied_or_cut_out_of_its_field(journal: Path, tmp_path: Path) -> None:
    """Select it all, then copy and cut: nothing reaches the clipboard, the field keeps it."""
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"hunter2")
        await pilot.press("ctrl+shift+a")  # select all
        assert app.query_one(Input).selected_text == "hunter2"
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert "hunter2" not in app.clipboard
        assert app.query_one(Input).value == "hunter2"
        await pilot.press("ctrl+shift+a", "ctrl+c")  # leaves, and copies nothing on the way
        await pilot.pause()
        assert "hunter2" not in app.clipboard
        assert app.return_code == 0


async def test_the_command_palette_is_not_offered(journal: Path, tmp_path: Path) -> None:
    """The screen offers the passphrase and leaving, nothing else (no themes, no screenshots)."""
    from textual.command import CommandPalette

    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        assert "palette" not in render_screen_text(app).splitlines()[-1]  # the key bar


async def test_the_journal_gone_meanwhile_is_said_and_spends_no_try(journal: Path, tmp_path: Path) -> None:
    """The file removed while the screen waits: not a wrong passphrase; the screen ends with why."""
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        journal.unlink()
        await submit(pilot, PASSPHRASE)
    assert (app.return_value, app.tries_left, app.return_code) == (None, 3, 1)
    assert isinstance(app.problem, JournalUnavailable)
    assert str(journal) in str(app.problem)


# -- the path on the screen ------------------------------------------------------------------


def test_fit_cells_from_end_keeps_the_end() -> None:
    assert fit_cells_from_end("/a/b/journal.db", 20) == "/a/b/journal.db"
    assert fit_cells_from_end("/a/b/journal.db", 12) == "…/journal.db"
    assert fit_cells_from_end("/a/b/journal.db", 11) == "…journal.db"
    assert fit_cells_from_end("/漢字/journal.db", 14) == "…字/journal.db"  # a wide character is two cells
    assert fit_cells_from_end("/漢字/journal.db", 13) == "…/journal.db"
    assert fit_cells_from_end("abc", 1) == "…"
    assert fit_cells_from_end("abc", 0) == ""


def region_inside(app: UnlockApp, selector: str) -> bool:
    region = app.query_one(selector).region
    width, height = app.size
    return region.x >= 0 and region.y >= 0 and region.right <= width and region.bottom <= height


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_path_keeps_the_screen_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    """A path far wider than the box (near SQLite's longest, 512): one line, its end shown, and
    the field and the status still on screen."""
    folders = [f"{n}-" + "deep-folder-" * 10 for n in range(3)]
    journal = make_encrypted(tmp_path.joinpath(*folders) / "my-journal.db")
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = render_screen_text(app)
        [line] = [line for line in shown.splitlines() if "my-journal.db" in line]
        assert "…" in line and "/my-journal.db" in line
        assert app.query_one("#unlock-path").region.height == 1
        for selector in ("#unlock", "#unlock-passphrase", "#unlock-status"):
            assert region_inside(app, selector), selector
        await submit(pilot, "wrong")
        assert "Wrong passphrase: 2 tries left." in render_screen_text(app)


async def test_control_characters_in_the_path_are_shown_not_sent(tmp_path: Path) -> None:
    journal = make_encrypted(tmp_path / "odd\x1b[31mname\nhere" / "journal.db")
    app = unlock_app(journal, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = render_screen_text(app)
        assert "odd␛[31mname␊here/journal.db" in shown
        assert "\x1b" not in shown


# -- pictures --------------------------------------------------------------------------------
# The journal is named relative to tmp_path, so the pictures do not depend on where pytest put it.


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_picture(here: Path, size: tuple[int, int], snap_compare: Callable[..., bool]) -> None:
    journal = make_encrypted(Path("journals/work.db"))
    assert snap_compare(unlock_app(journal, here), terminal_size=size)


def test_picture_after_a_wrong_try(here: Path, snap_compare: Callable[..., bool]) -> None:
    journal = make_encrypted(Path("journals/work.db"))
    assert snap_compare(unlock_app(journal, here), terminal_size=(80, 24), run_before=lambda pilot: submit(pilot, "wrong"))


def test_picture_with_a_long_path(here: Path, snap_compare: Callable[..., bool]) -> None:
    journal = make_encrypted(Path("journals", *["a-long-folder-name-" * 5] * 2, "work.db"))
    assert snap_compare(unlock_app(journal, here), terminal_size=(80, 24))


# -- the command line: the screen, then the journal app ---------------------------------------

RUN = UnlockApp.run


@pytest.fixture
def no_passphrase_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither variable, and a keyring that has nothing: the screen is what asks."""
    monkeypatch.delenv("GOALJOURNAL_PASSPHRASE", raising=False)
    monkeypatch.delenv("GOALJOURNAL_PASSPHRASE_COMMAND", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture
def journal_app(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The journal app the command line starts, recorded with the entries its store reads
    instead of run (a terminal app cannot run here)."""
    opened: list[list[str]] = []
    monkeypatch.setattr(GoalJournalApp, "run", lambda self: opened.append([entry.text for entry in self.store.entries()]))
    return opened


def type_on_screen(monkeypatch: pytest.MonkeyPatch, *passphrases: str | Callable[[], object]) -> list[UnlockApp]:
    """Run the passphrase screen as the command line does (``App.run``), but headless at 80x24
    and with these passphrases typed, each followed by Enter ("escape" presses escape, a
    function is called while the screen is up)."""
    started: list[UnlockApp] = []

    async def typing(pilot: Pilot[object]) -> None:
        for typed in passphrases:
            if callable(typed):
                typed()
                continue
            if typed == "escape":
                await pilot.press("escape")
                return
            await submit(pilot, typed)
            if pilot.app.return_value is not None or pilot.app.tries_left == 0 or pilot.app.problem:
                return
        pilot.app.exit(None, return_code=99)  # ran out of keys with the screen still up

    def run(self: UnlockApp) -> object:
        started.append(self)
        return RUN(self, headless=True, size=(80, 24), auto_pilot=typing)

    monkeypatch.setattr(UnlockApp, "run", run)
    return started


@pytest.mark.usefixtures("no_passphrase_given")
def test_the_command_line_opens_the_journal_after_the_screen(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaljournal.cli import main

    started = type_on_screen(monkeypatch, "wrong", PASSPHRASE)
    assert main(["--db", str(journal)]) == 0
    [screen] = started
    assert screen.tries_left == 2
    assert journal_app == [[ENTRY]]
    assert capsys.readouterr().err == ""


@pytest.mark.usefixtures("no_passphrase_given")
def test_the_command_line_says_three_wrong_tries_in_one_line(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaljournal.cli import main

    type_on_screen(monkeypatch, "one", "two", "three")
    assert main(["--db", str(journal)]) == 1
    assert journal_app == []
    out, err = capsys.readouterr()
    assert err == f"goaljournal: wrong passphrase for {journal}, 3 times; nothing was opened\n"
    assert out == ""


@pytest.mark.usefixtures("no_passphrase_given")
def test_the_command_line_leaves_quietly_on_escape(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaljournal.cli import main

    type_on_screen(monkeypatch, "wrong", "escape")
    assert main(["--db", str(journal)]) == 0
    assert journal_app == []
    assert capsys.readouterr() == ("", "")


@pytest.mark.usefixtures("no_passphrase_given")
def test_the_command_line_says_why_when_the_journal_went_meanwhile(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Removed while the screen waited: one line that says so, not "wrong passphrase"; exit 1."""
    from goaljournal.cli import main

    started = type_on_screen(monkeypatch, journal.unlink, PASSPHRASE)
    assert main(["--db", str(journal)]) == 1
    assert len(started) == 1 and journal_app == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("goaljournal: ") and str(journal) in err
    assert "wrong passphrase" not in err


def test_the_command_line_with_the_passphrase_in_the_environment_skips_the_screen(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaljournal.cli import main

    started = type_on_screen(monkeypatch)
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    assert main(["--db", str(journal)]) == 0
    assert started == []
    assert journal_app == [[ENTRY]]
    assert capsys.readouterr().err == ""


def test_a_wrong_passphrase_in_the_environment_is_one_line_and_no_screen(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from goaljournal.cli import main

    started = type_on_screen(monkeypatch)
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", "not it")
    assert main(["--db", str(journal)]) == 1
    assert started == [] and journal_app == []
    err = capsys.readouterr().err
    assert err.startswith(f"goaljournal: the passphrase from GOALJOURNAL_PASSPHRASE does not open {journal}")
    assert err.count("\n") == 1 and err.endswith("\n")


@pytest.mark.usefixtures("no_passphrase_given")
def test_a_bug_in_the_check_is_raised_without_showing_the_passphrase(
    journal: Path, journal_app: list[list[str]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug in the check (made here by a key derivation that raises) leaves the screen and is
    raised by the command line as any bug is; Textual's report of a failed worker, which shows
    the worker's locals, would print the passphrase."""
    from goaljournal.cli import main
    from goaljournal.store import encryption

    def broken(path: Path, secret: str) -> driver.Key:
        raise RuntimeError("a bug in the check")

    monkeypatch.setattr(encryption, "unlock", broken)
    type_on_screen(monkeypatch, PASSPHRASE)
    with pytest.raises(RuntimeError, match="a bug in the check"):
        main(["--db", str(journal)])
    assert journal_app == []
    out, err = capsys.readouterr()
    assert PASSPHRASE not in out + err
