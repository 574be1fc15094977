"""`--db` naming something that is not a file: a FIFO, a device, a socket, a folder.

Each is refused in one line, exit 1, before anything opens it (opening a FIFO could block)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # The timeout is the test that nothing hangs.
    return subprocess.run([sys.executable, "-m", "goaljournal", *args], capture_output=True, text=True, timeout=20)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "journal.fifo"
    os.mkfifo(path)
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "journal.sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    try:
        yield path
    finally:
        listener.close()


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("goaljournal: ") and result.stderr.count("\n") == 1
    for word in words:
        assert word in result.stderr


@pytest.mark.parametrize("command", [["search", "x"], ["log", "hello"], ["doctor"]])
def test_a_fifo_is_refused_without_opening_it(fifo: Path, command: list[str]) -> None:
    assert_refused(run("--db", str(fifo), *command), "named pipe", "not a journal file")


def test_a_link_to_a_fifo_is_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "journal.db"
    link.symlink_to(fifo)
    assert_refused(run("--db", str(link), "log", "hello"), "named pipe")


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
@pytest.mark.parametrize("command", [["search", "x"], ["log", "hello"], ["doctor"]])
def test_a_device_is_refused(device: str, command: list[str]) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    assert_refused(run("--db", device, *command), f"{device} is a character device", "not a journal file")


def test_a_socket_is_refused(unix_socket: Path) -> None:
    assert_refused(run("--db", str(unix_socket), "search", "x"), "is a socket", "not a journal file")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert_refused(run("--db", str(tmp_path), "search", "x"), "is a folder", "not a journal file")
    assert_refused(run("--db", str(tmp_path), "log", "hello"), "is a folder")
