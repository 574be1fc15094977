"""Encrypted exports: the age file format (https://age-encryption.org/v1) with a passphrase,
through ``pyrage`` (the ``encrypted`` extra), which is imported only when a file is encrypted or
decrypted.

Both ways work in memory on whole files: the plaintext never reaches the disk, and the caller
writes the ciphertext through ``goaljournal.files``. Any age tool reads the files
(``age -d backup.age``). A problem is an ``AgeError`` with one line for the user.
"""

from __future__ import annotations

import base64
import binascii
import re
from types import ModuleType

MAGIC = b"age-encryption.org/v1"
ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
# Enough of a file to tell it is age, binary or armored (which may follow blank lines).
HEAD_BYTES = 64
INSTALL_HINT = "pip install 'goaljournal[encrypted]'"
_WHITESPACE = b" \t\r\n"
# The passphrase stanza, "-> scrypt SALT WORK_FACTOR": a 16-byte salt in unpadded base64 and the
# number in decimal; pyrage refuses any other spelling before any work.
_SCRYPT_STANZA = re.compile(rb"^-> scrypt [A-Za-z0-9+/]{22} ([1-9][0-9]{0,2})$", re.MULTILINE)


class AgeError(Exception):
    """An encrypted export that could not be made or read; the message is one line."""


class WrongPassphrase(AgeError):
    """The passphrase does not decrypt the file (age cannot tell this from a damaged key stanza)."""


class Damaged(AgeError):
    """The file is not a whole age file encrypted with a passphrase."""


def is_age(head: bytes) -> bool:
    """Whether a file starting with ``head`` is an age file, binary or armored."""
    return head.startswith(MAGIC) or head.lstrip(_WHITESPACE).startswith(ARMOR_BEGIN)


def pyrage() -> ModuleType:
    """The ``pyrage`` module; a missing extra is one line naming it."""
    try:
        import pyrage
    except ImportError:
        raise AgeError(f"encrypted exports need the pyrage package: {INSTALL_HINT}") from None
    return pyrage


def encrypt(plaintext: bytes, passphrase: str, *, armored: bool = False) -> bytes:
    """``plaintext`` encrypted with ``passphrase`` (scrypt, with the work factor age picks for
    this computer: about a second); ``armored``: as ASCII text, for pipes and mail."""
    age = pyrage()
    try:
        return bytes(age.passphrase.encrypt(plaintext, passphrase, armored=armored))
    except age.EncryptError as err:
        raise AgeError(f"the export could not be encrypted ({_one_line(err)})") from None


def check_work_factor(ciphertext: bytes, limit: int) -> None:
    """Refuse (Damaged) a file whose header asks scrypt for a work factor above ``limit``: each
    step doubles the time a passphrase takes to check, and pyrage allows minutes of it."""
    factor = work_factor(ciphertext)
    if factor is not None and factor > limit:
        raise Damaged(f"its header asks scrypt for a work factor of {factor}, above {limit}, more than an import spends")


def decrypt(ciphertext: bytes, passphrase: str) -> bytes:
    """The plaintext of an age file encrypted with ``passphrase`` (see ``check_work_factor``)."""
    age = pyrage()
    if not ciphertext.startswith(MAGIC):
        ciphertext = ciphertext.lstrip(_WHITESPACE)  # armor pasted after blank lines; pyrage wants none
    try:
        return bytes(age.passphrase.decrypt(ciphertext, passphrase))
    except age.DecryptError as err:
        detail = _one_line(err)
        if detail == "Decryption failed":  # the file key did not unwrap: the passphrase is not this file's
            raise WrongPassphrase(detail) from None
        if detail == "No matching keys found":
            raise Damaged("it is not encrypted with a passphrase (an age file for a key?) or its header is damaged") from None
        raise Damaged(f"it is damaged or cut short ({detail})") from None


def work_factor(data: bytes) -> int | None:
    """The scrypt work factor an age file's header names, or None when it names none."""
    header = data[: HEAD_BYTES * 4]
    if not header.startswith(MAGIC):
        header = _armored_head(data)
    found = _SCRYPT_STANZA.search(header.split(b"\n---", 1)[0])
    return int(found[1]) if found else None


def _armored_head(data: bytes) -> bytes:
    # The first lines of base64 (64 columns each) hold the header's first bytes; a line that is
    # not whole base64 ends the look, and pyrage then says what is wrong.
    lines = data.lstrip(_WHITESPACE)[: HEAD_BYTES * 12].split(b"\n")[1:6]
    try:
        return base64.b64decode(b"".join(line.rstrip(b"\r") for line in lines if len(line.rstrip(b"\r")) == 64), validate=True)
    except (binascii.Error, ValueError):
        return b""


def _one_line(err: BaseException) -> str:
    # rage's messages may hold newlines and bidi isolates around numbers.
    return " ".join(str(err).replace("\u2068", "").replace("\u2069", "").split()).rstrip(".")
