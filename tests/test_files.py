"""Files the real world hands us: read-only, missing folders, not SQLite, too new, a full disk.

Each gets one clear line and leaves the file as it was; every file goaljournal makes is private.
"""

from __future__ import annotations

import hashlib
import os
import resource
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import NOW, raw_connect

from goaljournal.store import Store
from goaljournal.ui.app import GoalJournalApp


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None, **popen) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "goaljournal", *args], input=stdin, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=60, **popen,
    )  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("goaljournal: ")
    for word in words:
        assert word in result.stderr


@pytest.fixture
def journal(db_path: Path) -> Path:
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.add_entry("Kept safe through every refusal @safety")
    return db_path


def test_a_read_only_journal_reads_refuses_writes_and_stays_unchanged(journal: Path) -> None:
    os.chmod(journal, 0o400)
    before = digest(journal)
    result = run("--db", str(journal), "log", "one more")
    assert_one_clear_line(result, "read-only")
    found = run("--db", str(journal), "search", "safe")
    assert found.returncode == 0 and "Kept safe" in found.stdout
    assert digest(journal) == before
    assert not Path(f"{journal}-wal").exists()


# Root ignores file permissions (CAP_DAC_OVERRIDE), so a test run as root runs the command line
# with those capabilities dropped: it then meets a read-only folder as any user would.
AS_A_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all"]


def run_as_a_user(*args: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        return run(*args)
    return subprocess.run([*AS_A_USER, sys.executable, "-m", "goaljournal", *args], capture_output=True, text=True, timeout=60)


def skip_unless_the_folder_refuses_a_user(folder: Path) -> None:
    if os.geteuid() == 0:
        probe = subprocess.run(
            [*AS_A_USER, sys.executable, "-c", f"open({str(folder / 'probe')!r}, 'w')"], capture_output=True, text=True
        )
        if probe.returncode == 0 or "PermissionError" not in probe.stderr:
            pytest.skip(f"cannot run a command without root's file permissions here (setpriv: {probe.stderr.strip()[-200:]})")


@pytest.fixture
def read_only_folder(journal: Path) -> Iterator[Path]:
    """The journal (still writable itself) in a folder that cannot be written."""
    folder = journal.parent
    for side in ("-wal", "-shm"):
        assert not Path(f"{journal}{side}").exists()
    os.chmod(folder, 0o500)
    try:
        skip_unless_the_folder_refuses_a_user(folder)
        yield journal
    finally:
        os.chmod(folder, 0o700)


@pytest.mark.parametrize("command", [
    ["search", "safe"], ["goals"], ["tags"], ["doctor"], ["export", "--format", "markdown"], ["export", "--format", "json"],
])  # fmt: skip
def test_a_journal_in_a_read_only_folder_can_be_read(read_only_folder: Path, command: list[str]) -> None:
    before = digest(read_only_folder)
    result = run_as_a_user("--db", str(read_only_folder), *command)
    assert result.returncode == 0 and result.stderr == ""
    if command[0] in ("search", "export"):
        assert "Kept safe through every refusal" in result.stdout
    if command == ["tags"]:
        assert "safety" in result.stdout
    if command == ["doctor"]:
        assert "read-only" in result.stdout and "healthy" in result.stdout
    assert digest(read_only_folder) == before
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == [read_only_folder.name]


@pytest.mark.parametrize("command", [["log", "one more"], ["goal", "add", "Ship it"]])
def test_a_write_to_a_journal_in_a_read_only_folder_says_why(read_only_folder: Path, command: list[str]) -> None:
    before = digest(read_only_folder)
    result = run_as_a_user("--db", str(read_only_folder), *command)
    assert_one_clear_line(result, f"the folder {read_only_folder.parent.resolve()} is read-only", "cannot be written")
    assert digest(read_only_folder) == before
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == [read_only_folder.name]


def test_a_leftover_wal_without_its_shm_in_a_read_only_folder_says_what_to_do(journal: Path) -> None:
    # A -wal with frames and no -shm, as a writer that stopped before folding it back leaves it.
    writer = raw_connect(journal)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE entries SET text = text || ' (edited)'")
    writer.commit()
    frames = Path(f"{journal}-wal").read_bytes()
    writer.close()  # the last connection folds the -wal back and removes it
    Path(f"{journal}-wal").write_bytes(frames)
    Path(f"{journal}-shm").unlink(missing_ok=True)
    before = digest(journal)
    os.chmod(journal.parent, 0o500)
    try:
        skip_unless_the_folder_refuses_a_user(journal.parent)
        for command in (["search", "safe"], ["doctor"], ["log", "more"]):
            result = run_as_a_user("--db", str(journal), *command)
            assert_one_clear_line(result, "-wal", "make the folder writable once")
    finally:
        os.chmod(journal.parent, 0o700)
    assert digest(journal) == before and Path(f"{journal}-wal").read_bytes() == frames


async def test_the_app_says_up_front_that_a_journal_is_read_only(journal: Path, screen_text) -> None:
    os.chmod(journal, 0o400)
    with Store.open(journal, clock=lambda: NOW) as store:
        app = GoalJournalApp(store, today=NOW.date())
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert any("reading only" in str(n.message) for n in app._notifications)
            assert app.sub_title == "read-only"


def test_the_default_folder_is_created_private(tmp_path: Path) -> None:
    result = run("log", "first words", env={"XDG_DATA_HOME": str(tmp_path / "xdg")})
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "xdg" / "goaljournal"
    assert mode(folder) == 0o700 and mode(folder / "journal.db") == 0o600


def test_a_missing_folder_named_by_the_user_is_refused_and_not_created(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "journal.db"
    assert_one_clear_line(run("--db", str(target), "log", "hello"), "does not exist")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("content", [b"hello, I am a text file\n" * 50, b"SQLite format 3\x00" + bytes(4080), bytes(range(256)) * 32])
def test_a_file_that_is_not_a_journal_is_refused_and_unchanged(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    for args in (["log", "hello"], ["search", "hello"], ["doctor"]):
        result = run("--db", str(db_path), *args)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert db_path.read_bytes() == content


def test_a_journal_from_a_newer_version_is_refused_and_unchanged(journal: Path) -> None:
    conn = raw_connect(journal)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(journal)
    assert_one_clear_line(run("--db", str(journal), "log", "hello"), "newer goaljournal")
    assert digest(journal) == before


def _file_size_limit(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG instead of killing.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_gives_a_message_and_loses_nothing(journal: Path) -> None:
    with Store.open(journal, clock=lambda: NOW) as store:
        store.add_entry("A second entry before the disk fills @safety")
    before = digest(journal)
    big = "a long entry that will not fit " * 40_000  # about 1.2 MB
    result = run("--db", str(journal), "log", "-", stdin=big, preexec_fn=_file_size_limit(256 * 1024))
    assert_one_clear_line(result)
    assert "nothing was written" in result.stderr or "full" in result.stderr
    assert digest(journal) == before
    with Store.open(journal, clock=lambda: NOW) as store:
        assert store.check() == []
        assert sorted(e.text[:20] for e in store.entries()) == ["A second entry befor", "Kept safe through ev"]


def test_with_umask_022_every_file_and_folder_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        folder = tmp_path / "data"
        result = run("log", "private words", env={"XDG_DATA_HOME": str(folder)})
        assert result.returncode == 0, result.stderr
        journal = folder / "goaljournal" / "journal.db"
        with Store.open(journal, clock=lambda: NOW) as store:
            store.add_entry("more private words")
            assert mode(Path(f"{journal}-wal")) == 0o600 and mode(Path(f"{journal}-shm")) == 0o600
            rolled = store.rolling_backup()
        backup = run("--db", str(journal), "backup")
        assert backup.returncode == 0, backup.stderr
        exported = run("--db", str(journal), "export", "-o", str(tmp_path / "export.json"))
        assert exported.returncode == 0
    finally:
        os.umask(old)
    assert mode(journal) == 0o600 and mode(journal.parent) == 0o700
    backups = journal.parent / "backups"
    assert mode(backups) == 0o700
    assert rolled is not None and rolled.parent == backups
    made = sorted(backups.iterdir())
    assert len(made) == 2 and all(mode(path) == 0o600 for path in made)
    assert mode(tmp_path / "export.json") == 0o600
