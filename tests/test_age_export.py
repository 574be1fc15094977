"""Encrypted backups: ``export --format json --encrypt`` writes the JSON export as an age file
(passphrase mode) and ``import`` reads it back; refusals are one line, exit status 1, and leave
the journal and the folder as they were.

scrypt takes about a second each way, so the source journal and its encrypted exports are made
once for the module, and each test decrypts as little as it can.
"""

from __future__ import annotations

import contextlib
import io
import os
import pty
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import NOW, journal_state
from test_transfer import fill

from goaljournal import agefile, passphrase
from goaljournal.cli import main
from goaljournal.core import import_limits
from goaljournal.store import Store, driver

pytestmark = pytest.mark.plain_journal("it sets the passphrases itself, and encrypts its own journal where it needs one")

PASSPHRASE = "correct horse battery staple"
# Words of the journal that must not be readable in an encrypted export.
CANARIES = ["Quokka-canary-7141", "Become a team lead", "Mid-year: speaking holds me back", "First talk done"]


@dataclass(frozen=True)
class Sealed:
    journal: Path  # the source journal
    state: dict[str, Any]  # its journal_state
    binary: Path  # export --encrypt -o FILE
    armored: bytes  # export --encrypt to a pipe
    plain: bytes  # the plain JSON export, the plaintext of both


def _in_process(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args, clock=lambda: NOW)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sealed]:
    folder = tmp_path_factory.mktemp("sealed")
    journal = folder / "source.db"
    with Store.open(journal, clock=lambda: NOW) as store:
        fill(store)
        store.add_entry(f"Met the {CANARIES[0]} at the zoo @animals")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("XDG_CONFIG_HOME", str(folder / "config"))
        env.setenv("XDG_DATA_HOME", str(folder / "data"))
        for variable in ("GOALJOURNAL_PASSPHRASE", "GOALJOURNAL_PASSPHRASE_COMMAND"):
            env.delenv(variable, raising=False)
        env.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
        binary = folder / "backup.age"
        assert _in_process(["--db", str(journal), "export", "--encrypt", "-o", str(binary)])[0] == 0
        code, armored, _ = _in_process(["--db", str(journal), "export", "--encrypt"])
        assert code == 0
        plain = folder / "backup.json"
        assert _in_process(["--db", str(journal), "export", "-o", str(plain)])[0] == 0
        yield Sealed(journal, journal_state(journal), binary, armored.encode("ascii"), plain.read_bytes())


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A journal that already holds an entry, to import into."""
    path = tmp_path / "target.db"
    with Store.open(path, clock=lambda: NOW) as store:
        store.add_entry("Already here")
    return path


@pytest.fixture
def no_passphrases(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("GOALJOURNAL_EXPORT_PASSPHRASE", "GOALJOURNAL_PASSPHRASE", "GOALJOURNAL_PASSPHRASE_COMMAND"):
        monkeypatch.delenv(variable, raising=False)


def assert_one_line(result: Any, says: str) -> None:
    assert (result.code, result.out) == (1, ""), result.err
    assert result.err.startswith("goaljournal: ") and result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err and says in result.err, result.err


def assert_refused(result: Any, target: Path, before: dict[str, Any], says: str) -> None:
    assert_one_line(result, says)
    assert journal_state(target) == before


# -- the round trip -------------------------------------------------------------------------------


def test_an_encrypted_export_round_trips_into_a_new_journal(sealed: Sealed, cli: Any, tmp_path: Path, no_passphrases: None, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = tmp_path / "fresh.db"
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    done = cli("--db", fresh, "import", sealed.binary)
    assert done.code == 0, done.err
    assert journal_state(fresh) == sealed.state
    assert cli("--db", fresh, "import", sealed.binary).out.startswith("nothing new to import")


def test_the_file_is_binary_age_private_and_holds_none_of_the_journals_words(sealed: Sealed) -> None:
    data = sealed.binary.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert stat.S_IMODE(sealed.binary.stat().st_mode) == 0o600
    for canary in CANARIES:
        assert canary.encode() in sealed.plain  # the positive control: the export does hold them
        assert canary.encode() not in data and canary.encode() not in sealed.armored
    assert b'"goaljournal"' in sealed.plain and b'"goaljournal"' not in data
    assert [name for name in os.listdir(sealed.binary.parent) if name.endswith(".partial")] == []


def test_a_pipe_gets_ascii_armor_that_imports_from_standard_input(sealed: Sealed, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sealed.armored.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    assert sealed.armored.endswith(b"-----END AGE ENCRYPTED FILE-----\n")
    fresh = tmp_path / "fresh.db"
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n" + sealed.armored)))  # pasted after a blank line
    done = cli("--db", fresh, "import", "-")
    assert done.code == 0, done.err
    assert journal_state(fresh) == sealed.state


# -- where the passphrase comes from --------------------------------------------------------------


def test_the_export_variable_comes_before_the_journals_passphrase(gj: Any, cli: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gj("log", "A line to carry")
    out = tmp_path / "backup.age"
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", "for exports")
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", "for journals")
    assert gj("export", "--encrypt", "-o", out).code == 0
    fresh = tmp_path / "fresh.db"
    monkeypatch.delenv("GOALJOURNAL_PASSPHRASE")  # the export variable alone opens it
    assert cli("--db", fresh, "import", out).code == 0
    assert journal_state(fresh) == journal_state(db_path)


def test_a_passphrase_command_serves_when_no_variable_is_set(gj: Any, cli: Any, db_path: Path, tmp_path: Path, no_passphrases: None, monkeypatch: pytest.MonkeyPatch) -> None:
    gj("log", f"Saw a {CANARIES[0]}")
    out = tmp_path / "backup.age"
    out.write_text("an old, readable file")
    out.chmod(0o644)
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE_COMMAND", f"{sys.executable} -c \"print('from a command')\"")
    done = gj("export", "--format", "json", "--encrypt", "-o", out)
    assert done.code == 0 and "exported the journal, encrypted, to" in done.err, done.err
    # The old file is replaced, private like a new one.
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(agefile.MAGIC) and CANARIES[0].encode() not in out.read_bytes()
    fresh = tmp_path / "fresh.db"
    monkeypatch.delenv("GOALJOURNAL_PASSPHRASE_COMMAND")
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", "from a command")
    assert cli("--db", fresh, "import", out).code == 0
    assert journal_state(fresh) == journal_state(db_path)


def test_an_encrypted_journal_exports_encrypted(gj: Any, cli: Any, db_path: Path, tmp_path: Path, no_passphrases: None, monkeypatch: pytest.MonkeyPatch) -> None:
    gj("log", f"A secret about the {CANARIES[0]}")
    gj("goal", "add", "Read 12 books by December 2027")
    state = journal_state(db_path)
    monkeypatch.setenv("GOALJOURNAL_PASSPHRASE", "pw")
    assert gj("encrypt").code == 0
    assert driver.is_encrypted(db_path)
    # No export variable: the journal's own passphrase locks the export too.
    out = tmp_path / "backup.age"
    done = gj("export", "--encrypt", "-o", out)
    assert done.code == 0, done.err
    assert out.read_bytes().startswith(agefile.MAGIC) and CANARIES[0].encode() not in out.read_bytes()
    fresh = tmp_path / "fresh.db"
    assert cli("--db", fresh, "import", out).code == 0  # a plain journal; the variable opens the export
    assert journal_state(fresh) == state


# -- refusals -------------------------------------------------------------------------------------


def test_a_wrong_passphrase_is_one_line_and_imports_nothing(sealed: Sealed, cli: Any, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", "not it")
    before = journal_state(target)
    assert_refused(cli("--db", target, "import", sealed.binary), target, before, f"wrong passphrase for {sealed.binary} (from GOALJOURNAL_EXPORT_PASSPHRASE)")


def _run_python(*args: Any) -> subprocess.CompletedProcess[str]:
    """Python in a new session (no controlling terminal), with no passphrase in its environment."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("GOALJOURNAL_") or name == "GOALJOURNAL_NOW"}
    return subprocess.run(
        [sys.executable, "-c", *map(str, args)], capture_output=True, text=True, timeout=120,
        env=env, stdin=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


def _run(*args: Any) -> subprocess.CompletedProcess[str]:
    return _run_python("from goaljournal.cli import main; raise SystemExit(main())", *args)


def test_no_passphrase_and_no_terminal_is_one_line_and_writes_nothing(sealed: Sealed, tmp_path: Path) -> None:
    # A new session has no controlling terminal: nothing can be asked.
    probe = _run_python("from goaljournal import passphrase; print(passphrase.has_terminal())")
    assert probe.stdout == "False\n", probe.stderr
    out = tmp_path / "backup.age"
    done = _run("--db", sealed.journal, "export", "--encrypt", "-o", out)
    assert (done.returncode, done.stdout) == (1, "") and done.stderr.count("\n") == 1, done.stderr
    assert "no terminal to ask at: set GOALJOURNAL_EXPORT_PASSPHRASE" in done.stderr
    assert [name for name in os.listdir(tmp_path) if "backup" in name] == []
    fresh = tmp_path / "fresh.db"
    done = _run("--db", fresh, "import", sealed.binary)
    assert (done.returncode, done.stdout) == (1, "") and done.stderr.count("\n") == 1, done.stderr
    assert f"{sealed.binary} is encrypted and there is no terminal" in done.stderr
    assert journal_state(fresh)["entries"] == []


def test_the_test_process_has_no_terminal(gj: Any, tmp_path: Path, no_passphrases: None) -> None:
    # In this process too (pytest's, or xdist's workers): the command says so rather than hang.
    if passphrase.has_terminal():
        pytest.skip("run from a terminal: the subprocess test covers it")
    gj("log", "A line")
    assert_one_line(gj("export", "--encrypt", "-o", tmp_path / "backup.age"), "no terminal to ask at")
    assert not (tmp_path / "backup.age").exists()


def test_standard_output_on_a_terminal_is_refused(sealed: Sealed, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "goaljournal", "--db", str(sealed.journal), "export", "--encrypt"],
            stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, timeout=60,
            env={**os.environ, "GOALJOURNAL_EXPORT_PASSPHRASE": PASSPHRASE}, start_new_session=True,
        )  # fmt: skip
        os.set_blocking(leader, False)
        with contextlib.suppress(BlockingIOError):
            assert os.read(leader, 1024) == b""
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "an encrypted export is not for the terminal: give -o FILE" in done.stderr


def _header_length(data: bytes) -> int:
    return data.index(b"\n", data.index(b"\n---")) + 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[: _header_length(data) - 10],
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),
    ],
    ids=["cut-in-half", "cut-in-the-header", "a-flipped-bit"],
)
def test_a_damaged_or_truncated_file_is_one_line(sealed: Sealed, cli: Any, target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Any) -> None:
    bad = tmp_path / "bad.age"
    bad.write_bytes(damage(sealed.binary.read_bytes()))
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    assert_refused(cli("--db", target, "import", bad), target, journal_state(target), f"{bad} cannot be decrypted: it is damaged or cut short")


def test_a_cut_armored_file_is_one_line(sealed: Sealed, cli: Any, target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.age"
    bad.write_bytes(sealed.armored[: len(sealed.armored) // 2])
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    assert_refused(cli("--db", target, "import", bad), target, journal_state(target), "cannot be decrypted: it is damaged or cut short")


def test_an_age_file_for_a_key_is_refused(cli: Any, target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyrage

    bad = tmp_path / "keyed.age"
    bad.write_bytes(pyrage.encrypt(b"{}", [pyrage.x25519.Identity.generate().to_public()]))
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    assert_refused(cli("--db", target, "import", bad), target, journal_state(target), "it is not encrypted with a passphrase")


def test_a_header_made_to_take_minutes_is_refused_before_any_work(sealed: Sealed, cli: Any, target: Path, tmp_path: Path, no_passphrases: None) -> None:
    data = sealed.binary.read_bytes()
    stanza = data.split(b"\n")[1]
    assert agefile.work_factor(data) == int(stanza.rsplit(b" ", 1)[1]) <= import_limits.AGE_WORK_FACTOR_LIMIT
    bad = tmp_path / "slow.age"
    bad.write_bytes(data.replace(stanza, stanza.rsplit(b" ", 1)[0] + b" 23", 1))  # pyrage would spend about a minute
    # No passphrase anywhere and no terminal: the refusal comes first.
    assert_refused(cli("--db", target, "import", bad), target, journal_state(target), "asks scrypt for a work factor of 23, above 22")


def test_the_work_factor_is_read_from_armor_too(sealed: Sealed) -> None:
    assert agefile.work_factor(sealed.armored) is not None
    assert agefile.work_factor(b"-----BEGIN AGE ENCRYPTED FILE-----\n!!!!\n") is None


# -- sizes ----------------------------------------------------------------------------------------


def test_a_plaintext_past_the_limit_is_refused(sealed: Sealed, cli: Any, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file itself is within its limit; what it decrypts to is one byte past FILE_LIMIT.
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(import_limits, "FILE_LIMIT", len(sealed.plain) - 1)
    monkeypatch.setattr(import_limits, "AGE_FILE_LIMIT", sealed.binary.stat().st_size)
    assert_refused(cli("--db", target, "import", sealed.binary), target, journal_state(target), f"it decrypts to more than {len(sealed.plain) - 1:,} bytes")


def test_an_age_file_past_its_limit_is_refused_unread(sealed: Sealed, cli: Any, target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    big = tmp_path / "big.age"
    with big.open("wb") as out:
        out.write(sealed.binary.read_bytes()[:100])
        out.truncate(import_limits.AGE_FILE_LIMIT + 1)  # sparse: no disk blocks
    assert_refused(cli("--db", target, "import", big), target, journal_state(target), "the file is larger than 348 MB")


def test_armor_may_be_larger_than_the_limit_its_plaintext_keeps(sealed: Sealed, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An export just under FILE_LIMIT is a third larger armored: the file's own limit allows it.
    assert len(sealed.armored) > len(sealed.plain) * 4 // 3
    limit = len(sealed.plain)
    monkeypatch.setattr(import_limits, "FILE_LIMIT", limit)
    monkeypatch.setattr(import_limits, "AGE_FILE_LIMIT", limit * 136 // 100 + 4096)
    armored = tmp_path / "armored.age"
    armored.write_bytes(sealed.armored)
    plain = tmp_path / "plain.json"
    plain.write_bytes(sealed.plain + b" ")  # the positive control: a plain file one byte past is refused
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    fresh = tmp_path / "fresh.db"
    assert_refused(cli("--db", fresh, "import", plain), fresh, journal_state(fresh), f"larger than {limit:,} bytes")
    done = cli("--db", fresh, "import", armored)
    assert done.code == 0, done.err
    assert journal_state(fresh) == sealed.state


def test_the_age_file_limit_covers_an_armored_export_of_the_largest_plaintext() -> None:
    armored = import_limits.FILE_LIMIT * 4 // 3 * 65 // 64  # base64, 64 columns and a newline
    chunks = import_limits.FILE_LIMIT // (64 * 1024) + 1
    assert armored + chunks * 16 * 4 // 3 + 1024 <= import_limits.AGE_FILE_LIMIT


# -- usage ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["markdown", "csv", "ics", "jrnl"])
def test_encrypt_is_for_json_only(gj: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    gj("log", "A line")
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    assert_one_line(gj("export", "--format", fmt, "--encrypt", "-o", tmp_path / "out"), "--encrypt is for --format json")
    assert not (tmp_path / "out").exists()


def test_without_pyrage_one_line_names_the_extra(sealed: Sealed, gj: Any, cli: Any, target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyrage", None)  # what an install without the extra sees
    monkeypatch.setenv("GOALJOURNAL_EXPORT_PASSPHRASE", PASSPHRASE)
    gj("log", "A line")
    assert_one_line(gj("export", "--encrypt", "-o", tmp_path / "backup.age"), "pip install 'goaljournal[encrypted]'")
    assert not (tmp_path / "backup.age").exists()
    assert_refused(cli("--db", target, "import", sealed.binary), target, journal_state(target), "pip install 'goaljournal[encrypted]'")
    # A plain export still imports without it.
    plain, fresh = tmp_path / "plain.json", tmp_path / "fresh.db"
    plain.write_bytes(sealed.plain)
    assert cli("--db", fresh, "import", plain).code == 0
    assert journal_state(fresh) == sealed.state
