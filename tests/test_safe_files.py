"""Every file goaljournal writes goes through one path (goaljournal.files): never onto the journal
or its backups, never through a symbolic link, always whole (a temporary file renamed into place),
always private; and a backup is checked before anything calls it one."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import NOW

from goaljournal import cli, exports, files
from goaljournal.store import JournalError, Store

MONTH_REPORT = "report-november-2026.md"
STAMP = f"{NOW:%Y%m%d-%H%M%S}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name) if folder.is_dir() else []


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A journal whose exports and report all pass 40 KB (see the full-disk test); made once."""
    path = tmp_path_factory.mktemp("template") / "journal.db"
    with Store.open(path, clock=lambda: NOW) as store:
        goal = store.add_goal("Give three conference talks", target=3, unit="talks")
        for number in range(300):
            text = f"entry {number}: a page about mentoring and growth, long enough to fill the file and the report; " * 2 + f"@t{number % 7}"
            store.add_entry(text, kind="win", goal_ids=[goal])
    assert not Path(f"{path}-wal").exists()
    return path.read_bytes()


@pytest.fixture
def journal(db_path: Path, template: bytes) -> Path:
    db_path.write_bytes(template)
    db_path.chmod(0o600)
    return db_path


# A child process runs the command line, or what the app calls (goaljournal.exports, the
# automatic backup). With HOLD_BEFORE_RENAME it stops at the fsync before the rename, the file
# written but not yet in place, and says so: the test then kills it (-9) at a known point.
CHILD = r"""
import os, signal, sys
if os.environ.get("HOLD_BEFORE_RENAME"):
    def hold(fd):
        sys.stdout.write("holding\n")
        sys.stdout.flush()
        signal.pause()
    os.fsync = hold
from datetime import datetime
kind, journal, *rest = sys.argv[1:]
if kind == "cli":
    from goaljournal.cli import main
    sys.exit(main(["--db", journal, *rest]))
from goaljournal import exports
from goaljournal.files import OutputError
from goaljournal.store import JournalError, Store
now = datetime.fromisoformat(os.environ["GOALJOURNAL_NOW"])
with Store.open(journal, clock=lambda: now) as store:
    try:
        if kind == "app-export":
            exports.export_to_folder(store, "json", now)
        elif kind == "app-report":
            exports.report_to_folder(store, "month", now.date())
        else:
            store.rolling_backup()
    except (OutputError, JournalError) as err:  # as the app shows it: a message
        sys.stderr.write(f"goaljournal: {err}\n")
        sys.exit(1)
"""


@dataclass(frozen=True)
class Command:
    """One way goaljournal writes a file: how to run it, and the file it writes (relative to the
    journal's folder)."""

    id: str
    kind: str
    args: tuple[str, ...]
    target: str
    managed: str | None = None  # the folder goaljournal manages that holds the target
    replaces: bool = True  # exports and reports replace a file; backups only ever make new ones

    def run(self, journal: Path, *, hold: bool = False, preexec: Callable[[], None] | None = None) -> subprocess.Popen[str]:
        # No .pyc writing: under the file-size limit Python would leave truncated ones behind.
        env = {**os.environ, "HOLD_BEFORE_RENAME": "1" if hold else "", "PYTHONDONTWRITEBYTECODE": "1"}
        return subprocess.Popen(
            [sys.executable, "-c", CHILD, self.kind, str(journal), *self.args], cwd=journal.parent, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=preexec,
        )  # fmt: skip

    def complete(self, journal: Path, **how) -> tuple[int, str]:  # type: ignore[no-untyped-def]
        child = self.run(journal, **how)
        _, err = child.communicate(timeout=60)
        return child.returncode, err


COMMANDS = [
    Command("export-json", "cli", ("export", "-o", "out/file"), "out/file"),
    Command("export-markdown", "cli", ("export", "--format", "markdown", "-o", "out/file"), "out/file"),
    Command("export-csv-folder", "cli", ("export", "--format", "csv", "-o", "out"), "out/entries.csv"),
    Command("export-csv-table", "cli", ("export", "--format", "csv", "--table", "entries", "-o", "out/file"), "out/file"),
    Command("export-ics", "cli", ("export", "--format", "ics", "--entries", "-o", "out/file"), "out/file"),
    Command("export-jrnl", "cli", ("export", "--format", "jrnl", "-o", "out/file"), "out/file"),
    Command("report", "cli", ("report", "--include-private", "-o", "out/file"), "out/file"),
    Command("backup-dest", "cli", ("backup", "out/file"), "out/file", replaces=False),
    Command("backup-default", "cli", ("backup",), f"backups/journal-{STAMP}.db", "backups", replaces=False),
    Command("app-export", "app-export", (), f"exports/journal-{STAMP}.json", "exports"),
    Command("app-report", "app-report", (), f"exports/{MONTH_REPORT}", "exports"),
    Command("rolling-backup", "rolling", (), f"backups/journal-auto-{NOW.date()}.db", "backups", replaces=False),
]  # fmt: skip
IDS = [command.id for command in COMMANDS]
OLD = "the old contents, which must survive\n"


def prepare(journal: Path, command: Command, old: bool = True) -> Path:
    """The folders the command writes into, and (when ``old``) an old 0644 file at its target."""
    target = journal.parent / command.target
    target.parent.mkdir(mode=0o700, exist_ok=True)
    (journal.parent / "out").mkdir(mode=0o700, exist_ok=True)
    if old:
        target.write_text(OLD)
        target.chmod(0o644)
    return target


def assert_one_line(code: int, err: str, *words: str) -> None:
    assert code == 1, err
    assert "Traceback" not in err and err.count("\n") == 1 and err.startswith("goaljournal: "), err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_link_planted_at_the_target_or_its_folder_is_refused_and_nothing_is_written(journal: Path, command: Command) -> None:
    before = digest(journal)
    decoy = journal.parent / "decoy"
    decoy.write_text(OLD)
    decoy.chmod(0o644)
    if command.managed:  # the folder beside the journal is a link to somewhere else
        elsewhere = journal.parent / "elsewhere"
        elsewhere.mkdir()
        (journal.parent / command.managed).symlink_to(elsewhere)
        code, err = command.complete(journal)
        assert_one_line(code, err, "symbolic link")
        assert list(elsewhere.iterdir()) == []
    else:
        target = prepare(journal, command, old=False)
        target.symlink_to(decoy)
        code, err = command.complete(journal)
        assert_one_line(code, err, "symbolic link")
        assert target.is_symlink() and partials(target.parent) == []
    assert decoy.read_text() == OLD and mode(decoy) == 0o644
    assert digest(journal) == before


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_an_old_0644_file_at_the_target_ends_0600_with_the_new_contents_or_is_left_alone(journal: Path, command: Command) -> None:
    before = digest(journal)
    target = prepare(journal, command)
    code, err = command.complete(journal)
    if command.replaces:
        assert code == 0, err
        assert mode(target) == 0o600 and target.read_text() != OLD and "entry 299" in target.read_text()
    else:  # a backup never replaces a file: refused, a new name, or (automatic) already done today
        assert target.read_text() == OLD and mode(target) == 0o644
        if command.id == "backup-dest":
            assert_one_line(code, err, "already exists")
        else:
            assert code == 0, err
    assert partials(target.parent) == []
    assert digest(journal) == before


def _disk_full_at(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # With SIGXFSZ ignored, a write past the limit fails (EFBIG) instead of killing the child.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_full_disk_leaves_the_old_file_and_no_partial_file(journal: Path, command: Command) -> None:
    before = digest(journal)
    target = prepare(journal, command, old=command.replaces)
    # Above the -shm file SQLite maps (32 KB), below every output and the journal.
    code, err = command.complete(journal, preexec=_disk_full_at(40_000))
    assert_one_line(code, err)
    assert "nothing was written" in err or "left as it was" in err, err
    if command.replaces:
        assert target.read_text() == OLD and mode(target) == 0o644
    else:
        assert not target.exists()
    assert partials(target.parent) == [] and partials(journal.parent) == []
    assert digest(journal) == before


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_kill_mid_write_leaves_the_old_file_and_the_next_write_sweeps_the_leftover(journal: Path, command: Command) -> None:
    before = digest(journal)
    target = prepare(journal, command, old=command.replaces)
    child = command.run(journal, hold=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "holding\n"
        assert partials(target.parent), "the temporary file exists: the kill comes mid-write"
    finally:
        child.kill()
        child.wait(timeout=30)
    if command.replaces:
        assert target.read_text() == OLD and mode(target) == 0o644
    else:
        assert not target.exists()
    assert digest(journal) == before
    code, err = command.complete(journal)  # the next run finishes the job and sweeps the leftover
    assert code == 0, err
    assert partials(target.parent) == [] and mode(target) == 0o600
    assert digest(journal) == before


@pytest.mark.parametrize("args", [("export", "-o", "target"), ("backup", "target")], ids=["export", "backup"])
def test_a_kill_during_a_big_write_never_leaves_a_cut_short_file(db_path: Path, args: tuple[str, ...]) -> None:
    # No hook here: the child writes a journal of a few MB and is killed the moment anything
    # appears, under the target's name (a file cut short) or beside it (a temporary file).
    with Store.open(db_path, clock=lambda: NOW) as store:
        for number in range(24):
            store.add_entry(f"entry {number} " + "a long page of notes " * 12_000)
    before = digest(db_path)
    target = db_path.parent / "target"
    if args[0] == "export":
        target.write_text(OLD)
    child = subprocess.Popen([sys.executable, "-m", "goaljournal", "--db", str(db_path), *args], cwd=db_path.parent,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    try:
        while child.poll() is None:
            cut_short = target.exists() and (args[0] == "backup" or target.stat().st_size != len(OLD))
            if cut_short or partials(db_path.parent):
                break
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "killed before it finished"
    assert (target.read_text() == OLD) if args[0] == "export" else not target.exists()
    assert digest(db_path) == before and not Path(f"{target}-journal").exists()


@pytest.mark.parametrize("cut", ["full disk", "kill"])
def test_the_upgrade_backup_cut_short_leaves_the_old_journal_and_no_bak(db_path: Path, cut: str) -> None:
    db_path.write_bytes((Path(__file__).parent / "fixtures" / "journal_v4.db").read_bytes())
    conn = sqlite3.connect(db_path)  # in WAL mode already, as goaljournal leaves it: opening changes nothing
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    before = digest(db_path)
    upgrade = Command("upgrade", "cli", ("tags",), f"journal.db.v4-{STAMP}.bak", replaces=False)
    if cut == "full disk":
        code, err = upgrade.complete(db_path, preexec=_disk_full_at(40_000))
        assert_one_line(code, err, "nothing was written")
    else:
        child = upgrade.run(db_path, hold=True)
        try:
            assert child.stdout is not None and child.stdout.readline() == "holding\n"
            assert partials(db_path.parent)
        finally:
            child.kill()
            child.wait(timeout=30)
    assert digest(db_path) == before and not list(db_path.parent.glob("*.bak"))
    code, err = upgrade.complete(db_path)  # the next open upgrades, and sweeps what the kill left
    assert code == 0, err
    assert partials(db_path.parent) == [] and mode(db_path.parent / upgrade.target) == 0o600


# -- writing onto the journal ------------------------------------------------------------------


def _name_the_journal(journal: Path, how: str) -> Path:
    if how == "journal":
        return journal
    if how in ("-wal", "-shm"):
        return Path(f"{journal}{how}")
    if how == "hard link":
        os.link(journal, journal.parent / "alias.db")
        return journal.parent / "alias.db"
    if how == "symbolic link":
        (journal.parent / "alias.json").symlink_to(journal.name)
        return journal.parent / "alias.json"
    if how == "through a linked folder":
        (journal.parent / "same").symlink_to(journal.parent)
        return journal.parent / "same" / journal.name
    if how == "backup":
        assert cli.main(["--db", str(journal), "backup"]) == 0
        return journal.parent / "backups" / f"journal-{STAMP}.db"
    with Store.open(journal, clock=lambda: NOW) as store:
        made = store.rolling_backup()
    assert made is not None
    return made


KINDS = ["json", "markdown", "ics", "jrnl", "csv"]
WAYS = ["journal", "-wal", "-shm", "hard link", "symbolic link", "through a linked folder", "backup", "automatic backup"]


@pytest.mark.parametrize("way", WAYS)
def test_an_export_or_report_onto_the_journal_or_its_backups_is_refused(journal: Path, way: str, capsys) -> None:
    target = _name_the_journal(journal, way)
    capsys.readouterr()
    existed = target.exists()
    protected = {path: path.read_bytes() for path in (journal, target) if path.exists()}
    for fmt in KINDS:
        table = ["--table", "entries"] if fmt == "csv" else []
        assert cli.main(["--db", str(journal), "export", "--format", fmt, *table, "-o", str(target)]) == 1
    assert cli.main(["--db", str(journal), "report", "-o", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 6 and all("writing there would destroy it; nothing was written" in line for line in err), err
    assert {path: path.read_bytes() for path in protected} == protected
    assert target.exists() == existed
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.check() == [] and store.count_entries() == 300


def test_an_upgrade_backup_is_protected_too(journal: Path, capsys) -> None:
    bak = journal.with_name(f"{journal.name}.v4-20261101-090000.bak")
    bak.write_bytes(journal.read_bytes())
    before = digest(bak)
    assert cli.main(["--db", str(journal), "export", "-o", str(bak)]) == 1
    assert "a backup of the journal" in capsys.readouterr().err and digest(bak) == before


# -- atomic and private ------------------------------------------------------------------------


def test_an_export_that_fails_half_way_leaves_the_old_file_whole(tmp_path: Path) -> None:
    old = tmp_path / "export.json"
    old.write_text(OLD)

    def pieces() -> Iterator[str]:
        yield "the first half of a new export\n" * 1000
        raise JournalError("the journal could not be read further")

    with pytest.raises(JournalError):
        exports.write_private(old, pieces())
    assert old.read_text() == OLD and partials(tmp_path) == []


def test_an_existing_0644_export_ends_private(journal: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "existing.json"
    out.write_text("{}")
    out.chmod(0o644)
    assert cli.main(["--db", str(journal), "export", "-o", str(out)]) == 0
    assert mode(out) == 0o600 and '"entries"' in out.read_text()


def test_the_temporary_file_is_never_read_by_others_even_with_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    seen = []
    try:

        def pieces() -> Iterator[str]:
            seen.extend(mode(tmp_path / name) for name in partials(tmp_path))
            yield "words"

        files.write_text(tmp_path / "out.txt", pieces())
    finally:
        os.umask(old)
    assert seen == [0o600] and mode(tmp_path / "out.txt") == 0o600


def test_a_leftover_of_a_live_process_is_kept_and_of_a_gone_one_swept(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, live = int(gone.stdout), os.getppid()
    (tmp_path / f".out.txt.{dead}.0badcafe.partial").write_text("half")
    (tmp_path / f".out.txt.{dead}.0badcafe.partial-journal").write_text("half")
    (tmp_path / f".out.txt.{live}.0badcafe.partial").write_text("being written")
    files.write_text(tmp_path / "out.txt", ["words"])
    assert partials(tmp_path) == [f".out.txt.{live}.0badcafe.partial"]


# -- backups -----------------------------------------------------------------------------------


def test_a_backup_is_one_checked_file_with_nothing_beside_it(journal: Path, tmp_path: Path, capsys) -> None:
    dest = tmp_path / "copies"
    dest.mkdir()
    assert cli.main(["--db", str(journal), "backup", str(dest / "copy.db")]) == 0
    assert [p.name for p in dest.iterdir()] == ["copy.db"] and mode(dest / "copy.db") == 0o600
    conn = sqlite3.connect(f"file:{dest / 'copy.db'}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    assert [p.name for p in dest.iterdir()] == ["copy.db"]


def test_a_backup_onto_a_dangling_link_is_refused(journal: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "dangling.db").symlink_to(tmp_path / "nowhere.db")
    assert cli.main(["--db", str(journal), "backup", str(tmp_path / "dangling.db")]) == 1
    assert "symbolic link" in capsys.readouterr().err and not (tmp_path / "nowhere.db").exists()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for index in range(len(data) // 2, len(data) // 2 + 4096):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


def _doctor(journal: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "goaljournal", "--db", str(journal), "doctor"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize("unopenable", [False, True], ids=["damaged", "unopenable"])
def test_doctor_recommends_only_a_backup_that_passes_the_check(journal: Path, unopenable: bool) -> None:
    backups = journal.parent / "backups"
    backups.mkdir(mode=0o700)
    good = backups / "journal-20261120-090000.db"
    with Store.open(journal, clock=lambda: NOW) as store:
        store.backup(good)
    cut_short = backups / "journal-20261124-090000.db"  # newer, but cut short
    cut_short.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = backups / f"journal-auto-{NOW.date()}.db"  # newest, and empty (a full disk, before)
    empty.write_bytes(b"")
    for age, path in enumerate((good, cut_short, empty)):
        os.utime(path, (1_700_000_000 + age, 1_700_000_000 + age))
    if unopenable:
        data = bytearray(journal.read_bytes())
        for index in range(100, 116):
            data[index] ^= 0xFF
        journal.write_bytes(bytes(data))
    else:
        damage(journal)
    advice = _doctor(journal)
    assert f"copy the newest backup that passes the integrity check, {good}" in advice
    assert "2 newer one(s) failed the check" in advice
    assert str(cut_short) not in advice and str(empty) not in advice
    good.unlink()
    advice = _doctor(journal)
    assert "no backup passes the integrity check" in advice and ".recover" in advice
    assert str(cut_short) not in advice and str(empty) not in advice


# -- folders beside the journal ----------------------------------------------------------------


def test_a_planted_exports_link_cannot_redirect_the_report(journal: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    bashrc = home / ".bashrc"
    bashrc.write_text("alias ll='ls -l'\n")
    bashrc.chmod(0o644)
    (journal.parent / "exports").mkdir(mode=0o700)
    (journal.parent / "exports" / MONTH_REPORT).symlink_to(bashrc)
    with Store.open(journal, clock=lambda: NOW) as store:
        with pytest.raises(files.OutputError, match="symbolic link"):
            exports.report_to_folder(store, "month", NOW.date())
        (journal.parent / "exports" / MONTH_REPORT).unlink()
        (journal.parent / "exports").rmdir()
        (journal.parent / "exports").symlink_to(home)
        with pytest.raises(files.OutputError, match="symbolic link"):
            exports.report_to_folder(store, "month", NOW.date())
    assert bashrc.read_text() == "alias ll='ls -l'\n" and mode(bashrc) == 0o644
    assert sorted(p.name for p in home.iterdir()) == [".bashrc"]


def test_a_planted_file_at_the_report_name_does_not_receive_the_report(journal: Path) -> None:
    folder = journal.parent / "exports"
    folder.mkdir(mode=0o700)
    planted = folder / MONTH_REPORT
    planted.write_text("")
    planted.chmod(0o666)
    with open(planted) as kept_open:  # someone else's handle on the planted file
        with Store.open(journal, clock=lambda: NOW) as store:
            written = exports.report_to_folder(store, "month", NOW.date())
        assert kept_open.read() == ""
    assert written == planted and mode(written) == 0o600 and "entry" in written.read_text()


@pytest.mark.parametrize("folder", ["exports", "backups"])
def test_a_managed_folder_open_to_others_is_refused(journal: Path, folder: str) -> None:
    (journal.parent / folder).mkdir()
    (journal.parent / folder).chmod(0o777)
    with Store.open(journal, clock=lambda: NOW) as store:
        with pytest.raises((files.OutputError, JournalError), match="written by other users"):
            if folder == "exports":
                exports.export_to_folder(store, "json", NOW)
            else:
                store.rolling_backup()
    assert list((journal.parent / folder).iterdir()) == []


def test_the_default_journal_folder_may_not_be_a_link(tmp_path: Path, capsys) -> None:
    data = tmp_path / "xdg-data"
    data.mkdir()
    (tmp_path / "shared").mkdir()
    (data / "goaljournal").symlink_to(tmp_path / "shared")
    assert cli.main(["log", "words"]) == 1
    assert "symbolic link" in capsys.readouterr().err and list((tmp_path / "shared").iterdir()) == []


# -- automatic backups -------------------------------------------------------------------------


def test_backups_dated_in_the_future_do_not_crowd_out_today(db_path: Path) -> None:
    day = [NOW + timedelta(days=7)]  # the clock ran a week ahead
    with Store.open(db_path, clock=lambda: day[0]) as store:
        store.add_entry("kept in every backup")
        for offset in range(7):
            day[0] = NOW + timedelta(days=7 + offset)
            assert store.rolling_backup() is not None
        day[0] = NOW  # the clock is set right again
        made = store.rolling_backup()
    folder = db_path.parent / "backups"
    assert made is not None and made.exists()
    assert len(list(folder.iterdir())) == 8


def test_old_automatic_backups_go_but_never_the_newest_good_one(db_path: Path) -> None:
    folder = db_path.parent / "backups"
    day = [NOW - timedelta(days=30)]
    with Store.open(db_path, clock=lambda: day[0]) as store:
        store.add_entry("kept in every backup")
        good = store.rolling_backup()
        day[0] = NOW
        (folder / f"journal-auto-{NOW.date()}.db").write_bytes(b"")  # today's, cut short by an old version
        assert store.rolling_backup() is None
        assert good is not None and good.exists()  # the only good one stays, however old
        day[0] = NOW + timedelta(days=1)
        assert store.rolling_backup() is not None
    assert sorted(p.name for p in folder.iterdir()) == [f"journal-auto-{NOW.date()}.db", f"journal-auto-{(NOW + timedelta(days=1)).date()}.db"]


def test_a_journal_path_that_is_a_dangling_link_is_not_followed(tmp_path: Path, capsys) -> None:
    (tmp_path / "journal.db").symlink_to(tmp_path / "planted.db")
    assert cli.main(["--db", str(tmp_path / "journal.db"), "log", "words"]) == 1
    assert "symbolic link" in capsys.readouterr().err and not (tmp_path / "planted.db").exists()


# -- journals sharing a folder, and which backup is the newest ---------------------------------


def test_doctor_recommends_only_the_damaged_journals_own_backups(tmp_path: Path, monkeypatch, capsys) -> None:
    work, home = tmp_path / "work.db", tmp_path / "home.db"

    def backup(journal: Path) -> Path:
        capsys.readouterr()
        assert cli.main(["--db", str(journal), "--json", "backup"]) == 0
        return Path(json.loads(capsys.readouterr().out)["backup"])

    assert cli.main(["--db", str(work), "log", "w"]) == 0
    work_backup = backup(work)
    monkeypatch.setenv("GOALJOURNAL_NOW", (NOW + timedelta(seconds=1)).isoformat())  # home's is the newer
    assert cli.main(["--db", str(home), "log", "h"]) == 0
    home_backup = backup(home)
    damage(work)
    advice = _doctor(work)
    assert f"copy the newest backup that passes the integrity check, {work_backup}, over it" in advice
    assert str(home_backup) not in advice
    assert (work_backup.name, home_backup.name) == (f"work-{STAMP}.db", f"home-{NOW + timedelta(seconds=1):%Y%m%d-%H%M%S}.db")
    work_backup.unlink()  # with none of its own, home's backup is still not offered
    advice = _doctor(work)
    assert str(home_backup) not in advice and ".recover" in advice


def test_a_rolling_backup_prunes_only_its_own_journals_backups(tmp_path: Path) -> None:
    work, home = tmp_path / "work.db", tmp_path / "home.db"
    day = [NOW - timedelta(days=30)]
    with Store.open(home, clock=lambda: day[0]) as store:
        store.add_entry("home")
        old_home = store.rolling_backup()
    day[0] = NOW - timedelta(days=20)
    with Store.open(work, clock=lambda: day[0]) as store:
        store.add_entry("work")
        old_work = store.rolling_backup()
        day[0] = NOW
        new_work = store.rolling_backup()
    assert old_home is not None and old_home.exists()
    assert old_work is not None and not old_work.exists()
    assert old_home.name == f"home-auto-{(NOW - timedelta(days=30)).date()}.db"
    assert new_work is not None and new_work.name == f"work-auto-{NOW.date()}.db"


def test_purging_rewrites_only_the_journals_own_automatic_backups(tmp_path: Path) -> None:
    work = tmp_path / "work.db"
    with Store.open(work, clock=lambda: NOW) as store:
        entry = store.add_entry("a secret to purge, sixteen letters or more")
        backups = tmp_path / "backups"
        backups.mkdir(mode=0o700)
        own = store.backup(backups / f"work-auto-{NOW.date()}.db")
        other = store.backup(backups / f"home-auto-{NOW.date()}.db")  # another journal's, holding a copy
        uuid = store.get_entry(entry).uuid
        store.trash("entries", entry)
        store.purge_entry(entry)
        before = digest(other)
        assert store.purge_from_backups(uuid) == [own]
    assert digest(other) == before


def _backup_at(journal: Path, name: str, mtime: int) -> Path:
    backups = journal.parent / "backups"
    backups.mkdir(mode=0o700, exist_ok=True)
    with Store.open(journal, clock=lambda: NOW) as store:
        made = store.backup(backups / name)
    os.utime(made, (mtime, mtime))
    return made


@pytest.mark.parametrize("newer", ["manual", "automatic"])
def test_doctor_takes_the_newest_backup_by_the_moment_in_its_name_not_its_file_time(journal: Path, newer: str) -> None:
    old = _backup_at(journal, "journal-20261120-090000.db", 1_800_000_000)  # copied back into the folder: a new file time
    new = _backup_at(journal, "journal-20261124-090000.db" if newer == "manual" else "journal-auto-2026-11-24.db", 1_700_000_000)
    damage(journal)
    advice = _doctor(journal)
    assert f"integrity check, {new}, over it" in advice and str(old) not in advice


def test_within_a_day_an_automatic_backup_is_placed_by_its_file_time(journal: Path) -> None:
    def at(hour: int) -> int:
        return int(NOW.replace(day=24, hour=hour).timestamp())

    manual = _backup_at(journal, "journal-20261124-120000.db", at(12))
    automatic = _backup_at(journal, "journal-auto-2026-11-24.db", at(18))
    damage(journal)
    assert f"integrity check, {automatic}, over it" in _doctor(journal)
    os.utime(automatic, (at(8), at(8)))
    assert f"integrity check, {manual}, over it" in _doctor(journal)
    os.utime(automatic, (1_800_000_000, 1_800_000_000))  # a file time off its day tells nothing
    assert f"integrity check, {manual}, over it" in _doctor(journal)


def test_purging_a_backup_keeps_its_file_time(journal: Path) -> None:
    backups = journal.parent / "backups"
    backups.mkdir(mode=0o700)
    with Store.open(journal, clock=lambda: NOW) as store:
        entry = store.add_entry("a secret to purge, sixteen letters or more")
        backup = store.backup(backups / "journal-auto-2026-11-24.db")
        os.utime(backup, ns=(1_700_000_000_123_456_789, 1_700_000_000_123_456_789))
        uuid = store.get_entry(entry).uuid
        store.trash("entries", entry)
        store.purge_entry(entry)
        assert store.purge_from_backups(uuid) == [backup]
    assert b"a secret to purge" not in backup.read_bytes()
    assert backup.stat().st_mtime_ns == 1_700_000_000_123_456_789


# -- a set of files written as one -------------------------------------------------------------

CSV_TABLES = ["goals.csv", "checkins.csv", "entries.csv", "people.csv", "interactions.csv"]


def test_a_csv_folder_export_cut_short_leaves_every_old_file(journal: Path) -> None:
    out = journal.parent / "out"
    out.mkdir(mode=0o700)
    for name in CSV_TABLES:
        (out / name).write_text(OLD)
    command = Command("export-csv-folder", "cli", ("export", "--format", "csv", "-o", "out"), "out/entries.csv")
    # goals.csv and checkins.csv fit under the limit, entries.csv does not.
    code, err = command.complete(journal, preexec=_disk_full_at(40_000))
    assert code == 1 and {name: (out / name).read_text() for name in CSV_TABLES} == dict.fromkeys(CSV_TABLES, OLD)
    assert_one_line(code, err, "entries.csv", "every file was left as it was")
    assert partials(out) == []
    code, err = command.complete(journal)
    assert code == 0, err
    assert all((out / name).read_text() != OLD for name in CSV_TABLES) and partials(out) == []


def test_a_set_of_files_is_renamed_into_place_only_once_every_one_is_written(tmp_path: Path) -> None:
    for name in "abc":
        (tmp_path / name).write_text(OLD)

    def fails(part: files.Partial) -> None:
        assert len(partials(tmp_path)) == 3 and (tmp_path / "a").read_text() == OLD  # a and b wait, unrenamed
        raise OSError(28, "No space left on device")

    def fill(text: str) -> Callable[[files.Partial], None]:
        return lambda part: os.write(part.fd, text.encode()) and None

    with pytest.raises(files.OutputError, match=r"cannot write .*/c: No space left on device; every file was left as it was"):
        files.write_together(tmp_path, [("a", fill("new a")), ("b", fill("new b")), ("c", fails)])
    assert [(tmp_path / name).read_text() for name in "abc"] == [OLD] * 3 and partials(tmp_path) == []
    written = files.write_together(tmp_path, [(name, fill(f"new {name}")) for name in "abc"])
    assert written == [tmp_path / name for name in "abc"]
    assert [(tmp_path / name).read_text() for name in "abc"] == ["new a", "new b", "new c"]
    assert all(mode(path) == 0o600 for path in written) and partials(tmp_path) == []


# -- backups that cannot be written, and backups taken at once ---------------------------------

BACKUPS = [command for command in COMMANDS if command.id in ("backup-dest", "backup-default", "rolling-backup")]


@pytest.mark.parametrize("command", BACKUPS, ids=[command.id for command in BACKUPS])
def test_a_backup_on_a_full_disk_names_the_backup_and_leaves_the_journal_untouched(journal: Path, command: Command) -> None:
    prepare(journal, command, old=False)
    code, err = command.complete(journal, preexec=_disk_full_at(40_000))
    assert_one_line(code, err, "cannot write ", command.target.split("/")[-1], f"the journal {journal} is untouched")
    assert not err.startswith(f"goaljournal: {journal}")


def landing_as_the_copy_is_sealed(taken: Path) -> tuple[object, str, Callable[..., object]]:
    """The copy is written; before it gets its name, another backup of this second takes it."""
    fsync = os.fsync

    def hook(fd: int) -> None:
        if not taken.exists():
            taken.write_bytes(b"another backup")
        fsync(fd)

    return os, "fsync", hook


def landing_between_the_look_and_the_check(taken: Path) -> tuple[object, str, Callable[..., object]]:
    """The name was free when looked at; it is one of the journal's backups when checked."""
    exists = files._exists

    def hook(folder_fd: int, name: str) -> bool:
        found = exists(folder_fd, name)
        if name == taken.name and not found:
            taken.write_bytes(b"another backup")
        return found

    return files, "_exists", hook


@pytest.mark.parametrize("another_backup", [landing_as_the_copy_is_sealed, landing_between_the_look_and_the_check])
def test_a_default_backup_whose_name_is_taken_meanwhile_takes_the_next(
    journal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    another_backup: Callable[[Path], tuple[object, str, Callable[..., object]]],
) -> None:
    taken = journal.parent / "backups" / f"journal-{STAMP}.db"
    monkeypatch.setattr(*another_backup(taken))
    assert cli.main(["--db", str(journal), "backup"]) == 0
    assert capsys.readouterr().out == f"backed up the journal to {taken.with_name(f'journal-{STAMP}-2.db')}\n"
    assert taken.read_bytes() == b"another backup" and partials(taken.parent) == []


def test_three_backups_started_at_once_all_succeed(journal: Path) -> None:
    children = [subprocess.Popen([sys.executable, "-m", "goaljournal", "--db", str(journal), "backup"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(3)]  # fmt: skip
    results = [child.communicate(timeout=60) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0], results
    names = sorted(p.name for p in (journal.parent / "backups").iterdir())
    assert names == [f"journal-{STAMP}-2.db", f"journal-{STAMP}-3.db", f"journal-{STAMP}.db"]


def test_an_upgrade_backup_whose_name_is_taken_meanwhile_takes_the_next(db_path: Path, monkeypatch) -> None:
    db_path.write_bytes((Path(__file__).parent / "fixtures" / "journal_v4.db").read_bytes())
    taken = db_path.with_name(f"journal.db.v4-{STAMP}.bak")
    fsync = os.fsync

    def another_upgrade_lands(fd: int) -> None:
        if not taken.exists():
            taken.write_bytes(b"another process's backup")
        fsync(fd)

    monkeypatch.setattr(os, "fsync", another_upgrade_lands)
    Store.open(db_path, clock=lambda: NOW).close()
    assert taken.read_bytes() == b"another process's backup"
    assert db_path.with_name(f"journal.db.v4-{STAMP}-2.bak").stat().st_size > 0
