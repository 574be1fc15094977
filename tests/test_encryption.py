"""Encrypted journals: encrypt, decrypt and rekey in place (and every copy), the passphrase's
sources, refusals that leave the file untouched, kills half-way, and no plain text anywhere."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import NOW, Cli, attack_rounds

from goaljournal.store import Store, driver, encryption
from goaljournal.store.errors import EncryptedJournal, WrongPassphrase

PASSPHRASE = "tangerine submarine 42"


def run(*args: Any, env: dict[str, str] | None = None, **options: Any) -> subprocess.CompletedProcess[str]:
    """The command line as a separate process (no controlling terminal of the test's)."""
    return subprocess.run(
        [sys.executable, "-m", "goaljournal", *map(str, args)],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}, **options,
    )  # fmt: skip


def state(path: Path, secret: str | None = None) -> dict[str, Any]:
    """Everything the journal holds, as its JSON export (less the moment of the export)."""
    from goaljournal.store.transfer import export_data

    key = encryption.unlock(path, secret) if secret is not None else None
    with Store.open(path, clock=lambda: NOW, key=key) as store:
        data = export_data(store)
    data.pop("exported_at", None)
    return data


def one_line_failure(done: Any) -> str:
    code, out, err = (done.returncode, done.stdout, done.stderr) if hasattr(done, "returncode") else (done.code, done.out, done.err)
    assert code == 1, (code, out, err)
    assert err.count("\n") == 1 and err.startswith("goaljournal: ") and "Traceback" not in err, err
    return err


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A journal of this module's own, plain to start with whatever kind the suite runs with."""
    return tmp_path / "journal.db"


@pytest.fixture
def plain(tmp_path: Path, gj: Cli, db_path: Path) -> Path:
    """A plain journal with an entry, a goal and a check-in, a backup, today's automatic backup and
    a copy an upgrade kept."""
    assert gj("log", "Quarterly feedback from Dana: tangerine-canary @feedback").code == 0
    assert gj("goal", "add", "Present the zebra-canary roadmap", "--target", "3", "--deadline", "2027-03-01").code == 0
    assert gj("checkin", "1", "1", "--note", "walrus-canary rehearsal").code == 0
    assert gj("backup").code == 0
    with Store.open(db_path, clock=lambda: NOW) as store:
        store.rolling_backup()
        store.backup(db_path.with_name("journal.db.v6-20261120-090000.bak"))
    return db_path


CANARIES = (b"tangerine-canary", b"zebra-canary", b"walrus-canary")


def files_holding(folder: Path, words: tuple[bytes, ...] = CANARIES) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            found += [f"{path.relative_to(folder)}: {word.decode()}" for word in words if word in data]
    return found


def copies(journal: Path) -> list[Path]:
    return encryption.journal_copies(journal)


def test_encrypt_rekey_and_decrypt_keep_every_row_and_convert_every_copy(plain: Path, gj: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state(plain)
    assert len(copies(plain)) == 3 and files_holding(plain.parent)

    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    done = gj("encrypt", "--json")
    assert done.code == 0, done.err
    report = done.json()
    assert report["changed"] and report["encrypted"] and len(report["converted"]) == 3 and report["left"] == []
    assert driver.is_encrypted(plain) and all(driver.is_encrypted(copy) for copy in copies(plain))
    assert files_holding(plain.parent) == []
    assert sorted(p.name for p in plain.parent.iterdir()) == ["backups", "journal.db", "journal.db.v6-20261120-090000.bak"]
    assert state(plain, PASSPHRASE) == before
    for copy in copies(plain):  # each copy opens with the journal's passphrase, and holds the entry
        with Store.open(copy, clock=lambda: NOW, key=encryption.unlock(copy, PASSPHRASE)) as opened:
            assert [e.text for e in opened.search("feedback")] == ["Quarterly feedback from Dana: tangerine-canary @feedback"]
    with pytest.raises(EncryptedJournal):
        Store.open(plain, clock=lambda: NOW)

    monkeypatch.setenv("GOALJOURNAL_NEW_PASSPHRASE", "a new one")
    assert gj("rekey").out == "re-keyed " + str(plain) + "; 3 backups too\n"
    with pytest.raises(WrongPassphrase):
        Store.open(plain, clock=lambda: NOW, key=encryption.unlock(plain, PASSPHRASE))
    assert state(plain, "a new one") == before
    assert all(encryption._open_problem(copy, encryption.unlock(copy, "a new one")) is None for copy in copies(plain))

    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", "a new one")
    assert gj("decrypt").code == 0
    assert not driver.is_encrypted(plain) and not any(driver.is_encrypted(copy) for copy in copies(plain))
    assert state(plain) == before
    monkeypatch.delenv("GOALJOURNAL_PASSPHRASE")
    assert gj("search", "feedback").code == 0


def test_encrypt_can_delete_the_copies_instead(plain: Path, gj: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    done = gj("encrypt", "--delete-backups")
    assert done.code == 0 and done.out == f"encrypted {plain}; 3 backups deleted\n"
    assert copies(plain) == [] and files_holding(plain.parent) == []


def test_encrypt_again_finishes_the_copies_a_kill_left(plain: Path, gj: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    key = driver.derive_key(PASSPHRASE, driver.new_salt())
    encryption._convert_journal(plain, None, key)  # as if killed before the copies
    assert files_holding(plain.parent) and driver.is_encrypted(plain)
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    done = gj("encrypt")
    assert done.code == 0 and done.out == f"{plain} was encrypted already; 3 backups too\n"
    assert files_holding(plain.parent) == []


def test_a_journal_open_in_another_program_is_not_converted(plain: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM entries').fetchone(); print('open', flush=True); time.sleep(60)", str(plain)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        before = plain.read_bytes()
        done = run("--db", plain, "encrypt", env={"GOALJOURNAL_PASSPHRASE": PASSPHRASE})
        assert "is open in another program" in one_line_failure(done)
        assert not driver.is_encrypted(plain) and plain.read_bytes() == before
        assert not any(name.endswith(".partial") for name in os.listdir(plain.parent))
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def encrypted(plain: Path, gj: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    assert gj("encrypt").code == 0
    monkeypatch.delenv("GOALJOURNAL_PASSPHRASE")
    return plain


def untouched(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    ("env", "said"),
    [
        ({"GOALJOURNAL_PASSPHRASE": "not it"}, "the passphrase from GOALJOURNAL_PASSPHRASE does not open"),
        ({"GOALJOURNAL_PASSPHRASE_COMMAND": "echo not it"}, "the passphrase from GOALJOURNAL_PASSPHRASE_COMMAND does not open"),
        ({"GOALJOURNAL_PASSPHRASE_COMMAND": "false"}, "GOALJOURNAL_PASSPHRASE_COMMAND failed (exit status 1)"),
        ({"GOALJOURNAL_PASSPHRASE_COMMAND": "no-such-password-manager get"}, "no-such-password-manager was not found"),
        ({}, "is encrypted (or damaged) and there is no terminal to ask at: set GOALJOURNAL_PASSPHRASE_COMMAND"),
    ],
    ids=["wrong", "wrong-from-command", "command-fails", "no-command", "no-terminal"],
)
def test_no_right_passphrase_is_one_line_and_leaves_the_journal_untouched(encrypted: Path, env: dict[str, str], said: str) -> None:
    before = untouched(encrypted)
    for args in (["search", "feedback"], ["log", "more"], ["doctor"], ["rekey"], ["decrypt"]):
        # start_new_session: no controlling terminal, as under cron or a script
        done = run("--db", encrypted, *args, env=env, start_new_session=True)
        assert said in one_line_failure(done), args
    assert untouched(encrypted) == before


def test_the_passphrase_from_a_command(encrypted: Path) -> None:
    done = run("--db", encrypted, "search", "feedback", "--json", env={"GOALJOURNAL_PASSPHRASE_COMMAND": f"printf '{PASSPHRASE}\\n'"})
    assert done.returncode == 0, done.stderr
    assert [entry["text"] for entry in json.loads(done.stdout)] == ["Quarterly feedback from Dana: tangerine-canary @feedback"]


def test_without_the_extra_an_encrypted_journal_says_what_to_install(encrypted: Path) -> None:
    before = untouched(encrypted)
    # The import machinery finds no sqlcipher3, as on an install without the extra.
    code = "import sys; sys.modules['sqlcipher3'] = None; from goaljournal.cli import main; sys.exit(main(sys.argv[1:]))"
    for args in (["tags"], ["decrypt"], ["encrypt"]):
        done = subprocess.run([sys.executable, "-c", code, "--db", str(encrypted), *args], capture_output=True, text=True, timeout=60,
                              env={**os.environ, "GOALJOURNAL_PASSPHRASE": PASSPHRASE})  # fmt: skip
        assert "pip install 'goaljournal[encrypted]'" in one_line_failure(done), args
    assert untouched(encrypted) == before


class MemoryKeyring:
    """A keyring backend that keeps passwords in this process (the system's is not there in CI)."""

    def __new__(cls) -> Any:
        from keyring.backend import KeyringBackend
        from keyring.errors import PasswordDeleteError

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.kept: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.kept.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.kept[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                if self.kept.pop((service, username), None) is None:
                    raise PasswordDeleteError(username)

        return Backend()


def test_remember_keeps_the_passphrase_in_the_keyring_until_lock(encrypted: Path, gj: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
        assert gj("--remember", "tags").code == 0
        assert backend.kept == {("goaljournal", str(encrypted)): PASSPHRASE}
        monkeypatch.delenv("GOALJOURNAL_PASSPHRASE")
        assert gj("search", "feedback", "--json").json()[0]["text"].startswith("Quarterly feedback")
        monkeypatch.setenv("GOALJOURNAL_NEW_PASSPHRASE", "changed")
        assert gj("rekey").code == 0  # the keyring's passphrase is replaced with the new one
        assert backend.kept == {("goaljournal", str(encrypted)): "changed"}
        assert gj("tags").code == 0
        backend.kept[("goaljournal", str(encrypted))] = "stale"
        assert "remembered in the system keyring does not open" in one_line_failure(gj("tags"))
        assert gj("lock").out == f"forgot the passphrase remembered for {encrypted}\n"
        assert backend.kept == {}
    finally:
        keyring.set_keyring(previous)


def test_remember_on_a_plain_journal_is_refused(plain: Path, gj: Cli) -> None:
    assert "is not encrypted" in one_line_failure(gj("--remember", "tags"))


def test_killed_while_encrypting_the_journal_is_whole_plain_or_encrypted(tmp_path: Path) -> None:
    journal = tmp_path / "journal.db"
    with Store.open(journal, clock=lambda: NOW) as store:
        for number in range(1500):
            store.add_entry(f"Entry {number} about the lighthouse-canary and more words to fill a page or two " * 3)
        store.backup(tmp_path / "backups-made-by-hand.db")
    before = state(journal)
    chance = random.Random(22)
    env = {**os.environ, "GOALJOURNAL_PASSPHRASE": PASSPHRASE}
    start = time.monotonic()
    whole = run("--db", journal, "encrypt", env={"GOALJOURNAL_PASSPHRASE": PASSPHRASE})
    assert whole.returncode == 0, whole.stderr
    took = time.monotonic() - start
    assert run("--db", journal, "decrypt", env={"GOALJOURNAL_PASSPHRASE": PASSPHRASE}).returncode == 0
    outcomes = set()
    for _ in range(attack_rounds(6)):
        process = subprocess.Popen([sys.executable, "-m", "goaljournal", "--db", str(journal), "encrypt"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(chance.uniform(0.1, took))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if driver.is_encrypted(journal):
            outcomes.add("encrypted")
            assert state(journal, PASSPHRASE) == before
            assert run("--db", journal, "decrypt", env={"GOALJOURNAL_PASSPHRASE": PASSPHRASE}).returncode == 0
        else:
            outcomes.add("plain")
            assert state(journal) == before
        assert not any(name.endswith((".partial", "-journal")) for name in os.listdir(tmp_path) if not name.startswith(".journal.db."))
    assert outcomes  # which ones depends on timing; each outcome is whole
    assert run("--db", journal, "encrypt", env={"GOALJOURNAL_PASSPHRASE": PASSPHRASE}).returncode == 0
    assert state(journal, PASSPHRASE) == before


def canary_texts(data: Any) -> set[bytes]:
    """The long texts a journal's export holds: its words, in every kind of record."""
    found: set[bytes] = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= canary_texts(value)
    elif isinstance(data, list):
        for value in data:
            found |= canary_texts(value)
    elif isinstance(data, str) and len(data) >= 20 and " " in data:
        found.add(data.encode())
    return found


async def test_no_plain_text_anywhere_after_the_app_every_command_and_backups(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from goaljournal.demo import fill_demo_journal
    from goaljournal.store.transfer import export_data
    from goaljournal.ui.app import SCREENS, GoalJournalApp

    folder = tmp_path / "journal"
    folder.mkdir(mode=0o700)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    journal = folder / "journal.db"
    key = driver.derive_key(PASSPHRASE, driver.new_salt())
    with Store.open(journal, clock=lambda: NOW, key=key) as store:
        fill_demo_journal(store, today=NOW.date())
    # Unique words, so that a search index leaking its terms would be seen too.
    tokens = (b"xylophonecanary", b"quokkacanary", b"narwhalcanary", b"okapicanary", b"pangolincanary", b"axolotlcanary", b"jackalcanary")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "old.txt").write_text("[2025-03-01 09:00] Imported from jrnl: jackalcanary notes\n", encoding="utf-8")
    commands = [
        ["log", "Feedback from my manager on the xylophonecanary launch @feedback"],
        ["goal", "add", "Lead the quokkacanary migration by March", "--target", "5", "--deadline", "2027-03-31", "--why", "narwhalcanary reasons"],
        ["checkin", "1", "+1", "--note", "okapicanary progress"],
        ["milestone", "add", "1", "Draft the pangolincanary plan", "--due", "2027-01-15"],
        ["met", "Axel Lotl", "--note", "axolotlcanary coffee chat", "--follow-up", "in a week"],
        ["import", "--format", "jrnl", str(outside / "old.txt")],
        ["search", "xylophonecanary"], ["tags"], ["goals"], ["goal", "show", "1"], ["people"], ["followups"], ["remind"],
        ["report", "--period", "year"], ["export", "--format", "json"], ["export", "--format", "markdown"], ["doctor"], ["backup"],
    ]  # fmt: skip
    for args in commands:
        done = cli("--db", journal, *args)
        assert done.code == 0, (args, done.err)
    with Store.open(journal, clock=lambda: NOW, key=encryption.unlock(journal, PASSPHRASE)) as store:
        texts = canary_texts(export_data(store)) | set(tokens)
        assert len(texts) > 100
        store.add_entry("Written while the app is open: the -wal holds it too")
        store.rolling_backup()
        app = GoalJournalApp(store, today=NOW.date())
        async with app.run_test(size=(120, 40)) as pilot:
            for _, screen_key, *_ in SCREENS:
                await pilot.press(screen_key)
                await pilot.pause()
            leaks = files_holding(folder, tuple(texts)) + files_holding(temporary, tuple(texts))  # the app and its -wal open
    assert sorted(p.name for p in folder.iterdir()) == ["backups", "journal.db"]
    assert len(list((folder / "backups").iterdir())) == 2
    leaks += files_holding(folder, tuple(texts)) + files_holding(temporary, tuple(texts))
    assert leaks == []
    # The same words are found in a plain journal: the scan can see them.
    decrypted = cli("--db", journal, "decrypt")
    assert decrypted.code == 0
    assert {line.partition(": ")[2] for line in files_holding(folder, tokens)} == {t.decode() for t in tokens}


def test_an_encrypted_journal_of_an_older_format_is_upgraded_and_its_copy_stays_encrypted(tmp_path: Path) -> None:
    import shutil

    from goaljournal.store.connection import SCHEMA_VERSION

    journal = Path(shutil.copy(Path(__file__).parent / "fixtures" / "journal_v6.db", tmp_path / "journal.db"))
    before = state_at_version(journal)
    key = driver.derive_key(PASSPHRASE, driver.new_salt())
    encryption.convert(journal, source=None, target=key)
    with Store.open(journal, clock=lambda: NOW, key=encryption.unlock(journal, PASSPHRASE)) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert {goal.title for goal in store.goals()} >= before
        assert store.check() == []
    (copy,) = tmp_path.glob("journal.db.v6-*.bak")
    assert driver.is_encrypted(copy) and encryption._open_problem(copy, key) is None
    assert files_holding(tmp_path, tuple(title.encode() for title in before)) == []


def state_at_version(journal: Path) -> set[str]:
    """The goal titles a journal of an older format holds, read with plain SQLite."""
    import sqlite3

    with sqlite3.connect(journal) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM goals")}
    conn.close()
    return titles


def test_doctor_checks_every_page_of_an_encrypted_journal(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = tmp_path / "journal.db"
    with Store.open(journal, clock=lambda: NOW, key=driver.derive_key(PASSPHRASE, driver.new_salt())) as store:
        for number in range(200):
            store.add_entry(f"Entry {number} " + "with enough words to fill pages " * 10)
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    healthy = cli("--db", journal, "doctor", "--json").json()
    assert healthy["ok"] and healthy["encrypted"]
    data = bytearray(journal.read_bytes())
    data[len(data) - 4096 + 100] ^= 0x01  # a bit of the last page, which SQLite's own check does not read
    journal.write_bytes(bytes(data))
    damaged = cli("--db", journal, "doctor", "--json")
    problems = damaged.json()["problems"]
    assert damaged.code == 1 and any(problem.startswith("encryption: ") and "HMAC" in problem for problem in problems), problems


def test_encrypt_with_no_journal_yet_makes_a_new_encrypted_one(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = tmp_path / "new.db"
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    assert cli("--db", journal, "encrypt").out == f"made a new encrypted journal at {journal}\n"
    assert driver.is_encrypted(journal)
    assert cli("--db", journal, "log", "The first words are secret from the start").code == 0
    assert files_holding(tmp_path, (b"secret from the start",)) == []
    assert state(journal, PASSPHRASE)["entries"][0]["text"] == "The first words are secret from the start"


def test_doctor_tells_a_damaged_encrypted_journal_from_a_wrong_passphrase(encrypted: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytearray(encrypted.read_bytes())
    for index in range(16, 64):  # the first page, past the salt: SQLCipher can no longer read the file
        data[index] ^= 0xFF
    encrypted.write_bytes(bytes(data))
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", PASSPHRASE)
    said = one_line_failure(cli("--db", encrypted, "doctor"))
    assert "is damaged: its passphrase opens its backups but not the journal" in said
    assert "copy the newest backup that passes the integrity check" in said and "journal-20261125-093000.db" in said
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", "not it")  # a wrong passphrase opens no backup either
    assert "does not open" in one_line_failure(cli("--db", encrypted, "doctor"))
