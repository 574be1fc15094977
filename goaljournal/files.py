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
from collections.abc import Callable, Iterable, Iterator
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
    dest: Path, *, journal: Path | None = None, managed: bool = False, replace: bool = True, create_folder: bool = False
) -> Iterator[Partial]:
    """Write ``dest`` all at once: the block fills the ``Partial`` file, then it is renamed over
    ``dest`` (with ``replace=False``, linked, so an existing file is never replaced).

    Any failure leaves ``dest`` as it was and no temporary file; an ``OSError`` becomes an
    ``OutputError`` saying so in one line. ``journal`` names the journal whose files are refused.
    """
    dest = Path(dest)
    folder_fd = open_folder(dest.parent, managed=managed, create=create_folder)
    try:
        existed = check_target(folder_fd, dest.parent, dest.name, Protected.of(journal), replace=replace)
        sweep_leftovers(folder_fd)
        name = f".{dest.name}.{os.getpid()}.{os.urandom(4).hex()}.partial"
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0), PRIVATE, dir_fd=folder_fd)
        except OSError as err:
            raise OutputError(f"cannot write {dest}: {err.strerror}; {_left(existed)}") from None
        try:
            os.fchmod(fd, PRIVATE)  # O_CREAT's mode is narrowed by the umask, never widened; be exact
            yield Partial(fd, name, _sqlite_path(folder_fd, dest.parent, name))
            os.fsync(fd)
            mine = os.fstat(fd)
            now = os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
            if (now.st_dev, now.st_ino) != (mine.st_dev, mine.st_ino):
                raise OutputError(f"{dest}: the temporary file was replaced while it was written; {_left(existed)}")
            check_target(folder_fd, dest.parent, dest.name, Protected.of(journal), replace=replace)
            if replace:
                os.rename(name, dest.name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
            else:
                _put_new(folder_fd, name, dest.name)
            os.fsync(folder_fd)
        except BaseException as err:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(name + suffix, dir_fd=folder_fd)
            if isinstance(err, FileExistsError) and not replace:
                raise OutputRefused(f"{dest} already exists; choose another name") from None
            if isinstance(err, OSError):
                raise OutputError(f"cannot write {dest}: {err.strerror or err}; {_left(existed)}") from None
            raise
        finally:
            os.close(fd)
    finally:
        os.close(folder_fd)


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
            with open(os.dup(part.fd), "w", encoding="utf-8", newline="") as handle:
                handle.writelines(pieces)
    finally:
        # A generator stopped by a failed write is closed now, while the journal it reads is open.
        close = getattr(pieces, "close", None)
        if close is not None:
            close()
    return Path(dest)


def write_with(dest: Path, fill: Callable[[Partial], None], **where: object) -> Path:
    with atomic_file(dest, **where) as part:  # type: ignore[arg-type]
        fill(part)
    return Path(dest)


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
