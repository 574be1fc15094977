"""The one way goaljournal writes a file: exports, reports, backups, the upgrade's ``.bak``.

Each file is written to a private (0600) temporary file created beside it with O_EXCL|O_NOFOLLOW,
fsynced, then renamed into place and the folder fsynced: a write cut short (an error, a full disk,
a kill) leaves the old file as it was and at most a ``.NAME.PID.RANDOM.partial`` file, which the
next write in that folder removes once its process is gone. Everything happens relative to an
open folder descriptor, so a folder swapped for a symbolic link half-way cannot redirect it.

A file is refused, before anything is written, when it is a symbolic link, or when it is the
journal, its -wal, -shm or -journal, or a backup of it (by path and by inode, so links are caught).
The folders goaljournal manages beside the journal (``exports/``, ``backups/``, the default journal
folder) must be real folders of the user's, not writable by anyone else.

Standard library only: the store imports it, and the command line's quick paths stay quick.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

PRIVATE = 0o600
# A temporary file (and what SQLite may leave beside one); compiled on first use, not at import.
_LEFTOVER = r"\.(?P<name>.+)\.(?P<pid>\d+)\.[0-9a-f]+\.partial(?:-journal|-wal|-shm)?"
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class OutputError(Exception):
    """A file goaljournal was asked to write and did not; the message is one line for the user."""


class OutputRefused(OutputError):
    """The file or folder asked for is not one goaljournal will write: nothing was tried."""


# -- what must never be written over ---------------------------------------------------------


class Protected:
    """The journal's own files, by resolved path and by (device, inode)."""

    def __init__(self) -> None:
        self.paths: dict[str, str] = {}
        self.inodes: dict[tuple[int, int], str] = {}

    @classmethod
    def of(cls, journal: Path | None) -> Protected:
        if journal is None:
            return cls()
        protected = cls()
        journal = Path(os.path.realpath(journal))
        for suffix, what in (("", "the journal"), ("-wal", "the journal's -wal file"),
                             ("-shm", "the journal's -shm file"), ("-journal", "the journal's -journal file")):  # fmt: skip
            protected._add(Path(f"{journal}{suffix}"), what)
        with contextlib.suppress(OSError):
            for name in os.listdir(journal.parent):
                if name.startswith(f"{journal.name}.v") and name.endswith(".bak"):
                    protected._add(journal.parent / name, "a backup of the journal")
        backups = journal.parent / "backups"
        with contextlib.suppress(OSError):
            for name in os.listdir(backups):
                protected._add(backups / name, "a backup of the journal")
        return protected

    def _add(self, path: Path, what: str) -> None:
        self.paths.setdefault(os.path.realpath(path), what)
        with contextlib.suppress(OSError):
            found = os.stat(path)
            self.inodes.setdefault((found.st_dev, found.st_ino), what)

    def what_is(self, resolved: str, found: os.stat_result | None) -> str | None:
        if resolved in self.paths:
            return self.paths[resolved]
        if found is not None and (found.st_dev, found.st_ino) in self.inodes:
            return "a link to " + self.inodes[(found.st_dev, found.st_ino)]
        return None


# -- folders ---------------------------------------------------------------------------------


def open_folder(folder: Path, *, managed: bool = False, create: bool = False) -> int:
    """An open descriptor of ``folder``, for writing inside it. The caller closes it.

    A managed folder is created private (0700) if missing, is never reached through a symbolic
    link, and must belong to the user and be writable by nobody else. A folder the user named is
    taken as it is (it may be reached through links), and is created (0700) if ``create``.
    """
    folder = Path(folder)
    if not managed:
        if create and not folder.is_dir():
            try:
                folder.mkdir(mode=0o700, parents=True)
            except FileExistsError:
                pass
            except OSError as err:
                raise OutputError(f"cannot create the folder {folder}: {err.strerror}") from None
        try:
            return os.open(folder, _DIR_FLAGS)
        except FileNotFoundError:
            raise OutputRefused(f"cannot write in {folder}: the folder does not exist") from None
        except NotADirectoryError:
            raise OutputRefused(f"cannot write in {folder}: it is not a folder") from None
        except OSError as err:
            raise OutputRefused(f"cannot write in {folder}: {err.strerror}") from None
    parent = open_folder(folder.parent, create=create)
    try:
        return open_managed(parent, folder, create=create)
    finally:
        os.close(parent)


def open_managed(parent: int, folder: Path, *, create: bool = True) -> int:
    """``folder`` (a name inside the open folder ``parent``) checked as a managed folder."""
    name = folder.name
    if create:
        try:
            os.mkdir(name, 0o700, dir_fd=parent)  # mkdir never follows a link: a planted one is EEXIST
        except FileExistsError:
            pass
        except OSError as err:
            raise OutputError(f"cannot create the folder {folder}: {err.strerror}") from None
    try:
        fd = os.open(name, _DIR_FLAGS | _NOFOLLOW, dir_fd=parent)
    except OSError as err:
        if os.path.islink(folder):
            raise OutputRefused(f"{folder} is a symbolic link; goaljournal keeps its files only in a real folder (remove the link)") from None
        if isinstance(err, NotADirectoryError):
            raise OutputRefused(f"{folder} is not a folder; move it away so goaljournal can make its folder there") from None
        raise OutputRefused(f"cannot use the folder {folder}: {err.strerror}") from None
    try:
        check_managed(fd, folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


def check_managed(fd: int, folder: Path) -> None:
    found = os.fstat(fd)
    if found.st_uid != os.geteuid():
        raise OutputRefused(f"the folder {folder} belongs to someone else; goaljournal will not write in it (remove it)")
    if found.st_mode & 0o022:
        raise OutputRefused(f"the folder {folder} can be written by other users; make it private (chmod 700) or remove it")


def make_private_dir(folder: Path) -> None:
    """Create a managed folder (and missing parents, as usual) and check it; see ``open_folder``."""
    os.close(open_folder(Path(folder), managed=True, create=True))


# -- writing ---------------------------------------------------------------------------------


class Partial(NamedTuple):
    """The temporary file a write goes to: its descriptor, its name in the folder, and a path
    SQLite can open that stays inside the folder opened."""

    fd: int
    name: str
    path: str


def check_target(folder_fd: int, folder: Path, name: str, protected: Protected, *, replace: bool = True) -> bool:
    """Refuse ``name`` in the open folder if it is a link, a folder, or one of the journal's own
    files; return whether it exists."""
    dest = folder / name
    try:
        found: os.stat_result | None = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    except FileNotFoundError:
        found = None
    except OSError as err:
        raise OutputRefused(f"cannot write {dest}: {err.strerror}") from None
    resolved = os.path.join(_real_folder(folder_fd, folder), name)
    what = protected.what_is(resolved, found)
    if what is None and found is not None and stat.S_ISLNK(found.st_mode) and os.path.realpath(resolved) in protected.paths:
        what = "a link to " + protected.paths[os.path.realpath(resolved)]
    if what is not None:
        raise OutputRefused(f"{dest} is {what}; writing there would destroy it; nothing was written (choose another file)")
    if found is None:
        return False
    if stat.S_ISLNK(found.st_mode):
        raise OutputRefused(f"{dest} is a symbolic link; goaljournal does not write through links; nothing was written")
    if not stat.S_ISREG(found.st_mode):
        raise OutputRefused(f"{dest} is not a regular file; nothing was written")
    if not replace:
        raise OutputRefused(f"{dest} already exists; choose another name")
    return True


def _real_folder(folder_fd: int, folder: Path) -> str:
    link = f"/proc/self/fd/{folder_fd}"
    with contextlib.suppress(OSError):
        return os.readlink(link)
    return os.path.realpath(folder)


def _sqlite_path(folder_fd: int, folder: Path, name: str) -> str:
    # /proc/self/fd/N names the folder opened, whatever its path now points to.
    link = f"/proc/self/fd/{folder_fd}"
    return f"{link}/{name}" if os.path.isdir(link) else str(folder / name)


@contextlib.contextmanager
def atomic_file(
    dest: Path,
    *,
    journal: Path | None = None,
    managed: bool = False,
    replace: bool = True,
    create_folder: bool = False,
    alternatives: Sequence[str] = (),
) -> Iterator[Partial]:
    """Write ``dest`` all at once: the block fills the ``Partial`` file, then it is renamed over
    ``dest`` (with ``replace=False``, linked, so an existing file is never replaced).

    Any failure leaves ``dest`` as it was and no temporary file; an ``OSError`` becomes an
    ``OutputError`` saying so in one line. ``journal`` names the journal whose files are refused.
    ``alternatives`` (with ``replace=False``): other names in ``dest``'s folder, taken in order
    when the name before is taken, before the write or while it ran (see ``write_with``).
    """
    with _atomic_file(Path(dest), journal, managed, replace, create_folder, alternatives) as (part, _):
        yield part


@contextlib.contextmanager
def _atomic_file(
    dest: Path, journal: Path | None, managed: bool, replace: bool, create_folder: bool, alternatives: Sequence[str]
) -> Iterator[tuple[Partial, list[Path]]]:
    """``atomic_file``, also yielding a list that holds, once the block is done, the file written."""
    folder = dest.parent
    names = [dest.name] if replace else [dest.name, *alternatives]
    folder_fd = open_folder(folder, managed=managed, create=create_folder)
    try:
        existed = _check_first_free(folder_fd, folder, names, journal, replace)
        dest = folder / names[0]
        sweep_leftovers(folder_fd)
        try:
            fd, name = _open_partial(folder_fd, dest.name)
        except OSError as err:
            raise OutputError(f"cannot write {dest}: {err.strerror}; {_left(existed)}") from None
        try:
            written: list[Path] = []
            yield Partial(fd, name, _sqlite_path(folder_fd, folder, name)), written
            _seal(folder_fd, fd, name, dest, _left(existed))
            while True:
                _check_first_free(folder_fd, folder, names, journal, replace)  # taken while this one was written?
                dest = folder / names[0]
                try:
                    if replace:
                        os.rename(name, dest.name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
                    else:
                        _put_new(folder_fd, name, dest.name)
                except FileExistsError:
                    if len(names) == 1:
                        raise
                    names.pop(0)  # taken between the look and the link: the link refused it
                    continue
                break
            os.fsync(folder_fd)
            written.append(dest)
        except BaseException as err:
            _discard(folder_fd, name)
            if isinstance(err, FileExistsError) and not replace:
                raise OutputRefused(f"{dest} already exists; choose another name") from None
            if isinstance(err, OSError):
                raise OutputError(f"cannot write {dest}: {err.strerror or err}; {_left(existed)}") from None
            raise
        finally:
            os.close(fd)
    finally:
        os.close(folder_fd)


def _check_first_free(folder_fd: int, folder: Path, names: list[str], journal: Path | None, replace: bool) -> bool:
    """Check ``names[0]`` as a target (see ``check_target``), first dropping the names taken
    meanwhile while another remains: a backup that lands between the look and the check is
    another process's backup, so this one moves on rather than refuse. Returns whether the
    target exists."""
    while True:
        while len(names) > 1 and _exists(folder_fd, names[0]):
            names.pop(0)
        try:
            return check_target(folder_fd, folder, names[0], Protected.of(journal), replace=replace)
        except OutputRefused:
            if len(names) > 1 and _exists(folder_fd, names[0]):
                continue
            raise


def write_together(
    folder: Path,
    fills: Sequence[tuple[str, Callable[[Partial], None]]],
    *,
    journal: Path | None = None,
    managed: bool = False,
    create_folder: bool = False,
) -> list[Path]:
    """Write several files in ``folder`` as one set: each ``(name, fill)`` fills a temporary
    file of its own, and only once every one is written and fsynced are they renamed into place.

    A failure before the renames (an error, a full disk, a file too large) leaves every old file
    as it was and no temporary file. POSIX has no rename of several files at once: a rename that
    fails half-way through the set (it needs no space, so hardly ever) says which were replaced.
    Every name is checked (see ``check_target``) before the first is written, and again before
    the renames; an existing file is replaced, private (0600) like a new one.
    """
    folder = Path(folder)
    folder_fd = open_folder(folder, managed=managed, create=create_folder)
    pending: list[tuple[str, int, str]] = []  # the name, and the temporary file that takes it
    try:
        protected = Protected.of(journal)
        existed = [check_target(folder_fd, folder, name, protected) for name, _ in fills]
        left = "every file was left as it was" if any(existed) else "nothing was written"
        sweep_leftovers(folder_fd)
        try:
            for name, fill in fills:
                dest = folder / name
                try:
                    fd, temporary = _open_partial(folder_fd, name)
                    pending.append((name, fd, temporary))
                    fill(Partial(fd, temporary, _sqlite_path(folder_fd, folder, temporary)))
                    _seal(folder_fd, fd, temporary, dest, left)
                except OSError as err:
                    raise OutputError(f"cannot write {dest}: {err.strerror or err}; {left}") from None
            protected = Protected.of(journal)
            for name, _, _ in pending:
                check_target(folder_fd, folder, name, protected)
        except BaseException:
            for _, _, temporary in pending:
                _discard(folder_fd, temporary)
            raise
        placed: list[str] = []
        for name, _, temporary in pending:
            try:
                os.rename(temporary, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
            except OSError as err:
                for _, _, rest in pending[len(placed) :]:
                    _discard(folder_fd, rest)
                done = f"{', '.join(placed)} were replaced, the others left as they were" if placed else left
                raise OutputError(f"cannot write {folder / name}: {err.strerror or err}; {done}") from None
            placed.append(name)
        with contextlib.suppress(OSError):  # every file is in place; only their names' durability is at stake
            os.fsync(folder_fd)
        return [folder / name for name in placed]
    finally:
        for _, fd, _ in pending:
            os.close(fd)
        os.close(folder_fd)


def _open_partial(folder_fd: int, name: str) -> tuple[int, str]:
    """A new private temporary file for ``name`` in the open folder: its descriptor and name."""
    temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}.partial"
    fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0), PRIVATE, dir_fd=folder_fd)
    try:
        os.fchmod(fd, PRIVATE)  # O_CREAT's mode is narrowed by the umask, never widened; be exact
    except BaseException:
        os.close(fd)
        _discard(folder_fd, temporary)
        raise
    return fd, temporary


def _seal(folder_fd: int, fd: int, temporary: str, dest: Path, left: str) -> None:
    """The temporary file on disk, and still the one this process wrote (not swapped meanwhile)."""
    os.fsync(fd)
    mine = os.fstat(fd)
    now = os.stat(temporary, dir_fd=folder_fd, follow_symlinks=False)
    if (now.st_dev, now.st_ino) != (mine.st_dev, mine.st_ino):
        raise OutputError(f"{dest}: the temporary file was replaced while it was written; {left}")


def _discard(folder_fd: int, temporary: str) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):  # and what SQLite may have left beside it
        with contextlib.suppress(OSError):
            os.unlink(temporary + suffix, dir_fd=folder_fd)


def _exists(folder_fd: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # let check_target say what is wrong with it
    return True


def _put_new(folder_fd: int, name: str, new: str) -> None:
    """Give the temporary file ``name`` the name ``new``, never replacing a file already there."""
    try:
        # A hard link fails if ``new`` exists, where a rename would replace it.
        os.link(name, new, src_dir_fd=folder_fd, dst_dir_fd=folder_fd, follow_symlinks=False)
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        # A file system without hard links (a FAT USB stick): check, then rename.
        try:
            os.stat(new, dir_fd=folder_fd, follow_symlinks=False)
        except FileNotFoundError:
            pass
        else:
            raise FileExistsError(errno.EEXIST, "File exists") from None
        os.rename(name, new, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
        return
    os.unlink(name, dir_fd=folder_fd)


def _left(existed: bool) -> str:
    return "the file was left as it was" if existed else "nothing was written"


def write_text(dest: Path, pieces: Iterable[str], **where: object) -> Path:
    """``pieces`` as UTF-8 text, written atomically and privately (see ``atomic_file``)."""
    try:
        with atomic_file(dest, **where) as part:  # type: ignore[arg-type]
            _write_pieces(part, pieces)
    finally:
        _close(pieces)
    return Path(dest)


def write_texts(folder: Path, texts: Sequence[tuple[str, Iterable[str]]], **where: object) -> list[Path]:
    """Several UTF-8 text files in ``folder``, written as one set (see ``write_together``)."""
    try:
        fills = [(name, lambda part, pieces=pieces: _write_pieces(part, pieces)) for name, pieces in texts]
        return write_together(folder, fills, **where)  # type: ignore[arg-type]
    finally:
        for _, pieces in texts:
            _close(pieces)


def _write_pieces(part: Partial, pieces: Iterable[str]) -> None:
    with open(os.dup(part.fd), "w", encoding="utf-8", newline="") as handle:
        handle.writelines(pieces)


def _close(pieces: Iterable[str]) -> None:
    # A generator stopped by a failed write is closed now, while the journal it reads is open.
    close = getattr(pieces, "close", None)
    if close is not None:
        close()


def write_with(
    dest: Path,
    fill: Callable[[Partial], None],
    *,
    journal: Path | None = None,
    managed: bool = False,
    replace: bool = True,
    create_folder: bool = False,
    alternatives: Sequence[str] = (),
) -> Path:
    """The file ``fill`` writes, put at ``dest`` atomically (see ``atomic_file``); returns where
    it went: ``dest``, or one of the ``alternatives`` when ``dest`` was taken."""
    with _atomic_file(Path(dest), journal, managed, replace, create_folder, alternatives) as (part, written):
        fill(part)
    return written[0]


def sweep_leftovers(folder_fd: int) -> None:
    """Remove the temporary files of writes whose process is gone (a kill cannot clean up)."""
    try:
        names = os.listdir(folder_fd)
    except OSError:
        return
    for name in names:
        match = re.fullmatch(_LEFTOVER, name)
        if match is None or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            found = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
            if stat.S_ISREG(found.st_mode) and found.st_uid == os.geteuid():
                os.unlink(name, dir_fd=folder_fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # this process's own writes in other threads
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
