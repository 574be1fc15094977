"""Errors the store raises for conditions a user can act on.

Each carries a one-line message meant to be shown as is; the command line prints it and exits 1,
the TUI shows it in a notification. Anything else is a bug and may show a traceback.
"""


class JournalError(Exception):
    """A problem with the journal or the user's input that the user can fix."""


class InvalidInput(JournalError):
    """Input that cannot be stored: an empty text, an unknown goal, a rating out of range."""


class NotFound(InvalidInput):
    """An id or uuid that names nothing in this journal."""


class ReasonRequired(InvalidInput):
    """A change to a goal's substance asked for without the reason its revision keeps."""


class JournalUnavailable(JournalError):
    """The journal file cannot be opened or used as it is."""


class NewerJournal(JournalUnavailable):
    """The file was written by a newer goaljournal; it is left untouched."""


class CorruptJournal(JournalUnavailable):
    """The file is not a SQLite database, or SQLite reports it damaged."""


class ReadOnlyJournal(JournalUnavailable):
    """A write was asked of a journal that is read-only."""


class JournalBusy(JournalUnavailable):
    """Another process held the journal locked past the busy timeout."""


class EncryptedJournal(CorruptJournal):
    """The file is no plain SQLite database and no key was given: an encrypted journal (or, since
    both look like noise, a damaged file)."""


class WrongPassphrase(JournalUnavailable):
    """The passphrase given does not open the encrypted journal."""
