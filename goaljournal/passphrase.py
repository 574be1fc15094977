"""Where an encrypted journal's passphrase comes from, in order: ``GOALJOURNAL_PASSPHRASE`` (for
scripts), ``GOALJOURNAL_PASSPHRASE_COMMAND`` (a command that prints it, such as a password
manager's), the system keyring (the optional ``keyring`` package, when the user chose to be
remembered), and last the terminal, asked without echo.

Standard library only; ``keyring`` is imported only when a passphrase is looked up or remembered.
A problem is a ``PassphraseError`` with one line for the user.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

PASSPHRASE_VARIABLE = "GOALJOURNAL_PASSPHRASE"
COMMAND_VARIABLE = "GOALJOURNAL_PASSPHRASE_COMMAND"
NEW_PASSPHRASE_VARIABLE = "GOALJOURNAL_NEW_PASSPHRASE"
KEYRING_SERVICE = "goaljournal"
KEYRING_HINT = "pip install 'goaljournal[keyring]'"
COMMAND_TIMEOUT_SECONDS = 120  # a password manager may ask the user to unlock it first
LONGEST = 4096


class PassphraseError(Exception):
    """No passphrase could be had; the message is one line for the user."""


def keyring_name(journal: Path) -> str:
    """The keyring's name for a journal: its absolute path, so two journals keep two passphrases."""
    return str(Path(os.path.abspath(Path(journal).expanduser())))


def _checked(passphrase: str, source: str) -> str:
    if not passphrase:
        raise PassphraseError(f"{source} gave an empty passphrase")
    if len(passphrase) > LONGEST:
        raise PassphraseError(f"{source} gave a passphrase longer than {LONGEST} characters")
    if "\0" in passphrase:
        raise PassphraseError(f"{source} gave a passphrase with a NUL character")
    return passphrase


def from_command(command: str) -> str:
    """The first line a passphrase command prints; its own prompts and errors go to the terminal."""
    try:
        words = shlex.split(command)
    except ValueError as err:
        raise PassphraseError(f"{COMMAND_VARIABLE} cannot be read ({err})") from None
    if not words:
        raise PassphraseError(f"{COMMAND_VARIABLE} is empty")
    try:
        done = subprocess.run(words, stdout=subprocess.PIPE, timeout=COMMAND_TIMEOUT_SECONDS, check=False)
    except FileNotFoundError:
        raise PassphraseError(f"{COMMAND_VARIABLE}: {words[0]} was not found") from None
    except (OSError, subprocess.TimeoutExpired) as err:
        raise PassphraseError(f"{COMMAND_VARIABLE} failed ({err})") from None
    if done.returncode != 0:
        raise PassphraseError(f"{COMMAND_VARIABLE} failed (exit status {done.returncode})")
    try:
        text = done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise PassphraseError(f"{COMMAND_VARIABLE} printed something that is not UTF-8 text") from None
    return _checked(text.split("\n", 1)[0].rstrip("\r"), COMMAND_VARIABLE)


def from_environment() -> tuple[str, str] | None:
    """The passphrase given in the environment, and where from; None when it gives none."""
    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return _checked(given, PASSPHRASE_VARIABLE), PASSPHRASE_VARIABLE
    command = os.environ.get(COMMAND_VARIABLE, "")
    if command.strip():
        return from_command(command), COMMAND_VARIABLE
    return None


def from_keyring(journal: Path) -> str | None:
    """The passphrase remembered for ``journal``, or None (no keyring package, none remembered,
    or no keyring service to ask)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, keyring_name(journal))
    except (KeyringError, RuntimeError, OSError):
        return None
    return found or None


def remember(journal: Path, passphrase: str) -> None:
    """Keep the passphrase in the system keyring for ``journal``."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        raise PassphraseError(f"remembering the passphrase needs the keyring package: {KEYRING_HINT}") from None
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_name(journal), passphrase)
    except (KeyringError, RuntimeError, OSError) as err:
        raise PassphraseError(f"the system keyring did not keep the passphrase ({err})") from None


def forget(journal: Path) -> bool:
    """Remove the passphrase remembered for ``journal``; True when there was one."""
    try:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError
    except ImportError:
        return False
    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_name(journal))
    except PasswordDeleteError:
        return False
    except (KeyringError, RuntimeError, OSError):
        return False
    return True


def has_terminal() -> bool:
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return False
    os.close(fd)
    return True


def ask(prompt: str, *, confirm: str | None = None, why: str = "") -> str:
    """Ask at the terminal without echo (and again with ``confirm``, which must match). Without a
    terminal, say where else a passphrase can come from."""
    if not has_terminal():
        raise PassphraseError(
            f"{why or 'a passphrase is needed'} and there is no terminal to ask at: "
            f"set {COMMAND_VARIABLE} (a command that prints it) or {PASSPHRASE_VARIABLE}"
        )
    import getpass

    try:
        first = getpass.getpass(prompt)
        if confirm is not None and getpass.getpass(confirm) != first:
            raise PassphraseError("the two passphrases differ; nothing was changed")
    except EOFError:
        raise PassphraseError("no passphrase was given") from None
    return _checked(first, "the terminal")


def new_passphrase(journal: Path, *, variable: str = NEW_PASSPHRASE_VARIABLE) -> str:
    """A new passphrase for ``journal``: from the environment ``variable``, else asked twice at
    the terminal."""
    given = os.environ.get(variable)
    if given:
        return _checked(given, variable)
    return ask(
        f"New passphrase for {journal}: ",
        confirm="Again, to be sure: ",
        why=f"{journal} needs a new passphrase",
    )
