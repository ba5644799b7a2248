"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

Write a temporary file in the same folder, flush and fsync it, ``os.replace`` it over the
target, then fsync the folder so the rename itself survives a power cut.

What the target is decides first: a symbolic link is followed (the file it points to is
replaced, the link stays a link), and a read-only file, a folder or a special file (a
device, a pipe, a socket) is refused with one sentence, since replacing it would silently
undo what its owner chose.

The temporary file is ``.NAME.XXXXXXXX.tmp`` beside the target, locked (``flock``) by its
writer until it has been renamed. A process killed mid-write leaves one behind; the next
write of the same target removes every such leftover that no live writer holds
(``remove_leftovers``), so kills never pile up hidden files beside a script.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reelwright.screenplay.errors import ReelwrightError

LEFTOVER_SECONDS = 3600.0
"""Where files cannot be locked (Windows): a temporary file untouched this long is left
over (a live writer's cannot be deleted there anyway while it is open)."""


class WriteError(ReelwrightError):
    """A file could not be written; the previous version on disk is untouched."""


def _explain(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        why = "the disk is full"
    elif error.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
    elif error.errno == errno.EROFS:
        why = "the disk is read-only"
    elif error.errno == errno.ENOENT:
        why = "the folder does not exist"
    elif error.errno == errno.EISDIR:
        why = "it is a folder"
    else:
        why = error.strerror or str(error)
    return f"could not write {path}: {why}; the file on disk was left as it was"


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (``os.stat``'s ``st_mode``):
    "a folder", "a named pipe (FIFO)", "a character device"...; None for a regular file.
    Reading one as a script or a model would block (a pipe) or never end (``/dev/zero``)."""
    for test, words in (
        (stat.S_ISREG, None),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def writable_target(path: str | os.PathLike[str]) -> Path:
    """The file a write of ``path`` replaces: ``path`` itself, or the file its symbolic
    link points to. Raises ``WriteError`` for a folder, a special file or a read-only file.
    """
    given = Path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target  # a new file (or a link to one still to be made)
    except OSError as error:
        raise WriteError(_explain(given, error)) from error
    if stat.S_ISDIR(info.st_mode):
        raise WriteError(_explain(given, OSError(errno.EISDIR, "is a folder")))
    kind = special_kind(info.st_mode)
    if kind:
        raise WriteError(
            f"could not write {given}: it is {kind}, not a regular file; nothing was written"
        )
    if not info.st_mode & 0o222:
        raise WriteError(
            f"could not write {given}: it is read-only; the file on disk was left as it was"
        )
    if not os.access(target, os.W_OK) and not _on_read_only_disk(target):
        # Another user's file: replacing it would take it over. (On a read-only disk the
        # write itself fails below, and says so.)
        raise WriteError(_explain(given, OSError(errno.EACCES, "permission denied")))
    return target


def _on_read_only_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file whose content replaces ``path`` only if the block succeeds.

    A symbolic link is written through; a read-only or special target is refused before
    anything is written (see the module docstring).
    """
    given = Path(path)
    target = writable_target(given)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(_explain(given, error)) from error
    _lock(fd)
    tmp = Path(tmp_name)
    handle = os.fdopen(fd, "wb")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        if os.name != "posix":
            handle.close()  # Windows renames no open file; POSIX keeps the lock to the end
        os.replace(tmp, target)
    except OSError as error:
        handle.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteError(_explain(given, error)) from error
    except BaseException:
        handle.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    handle.close()
    fsync_folder(folder)
    remove_leftovers(target)


def _lock(fd: int) -> None:
    """Mark a temporary file as being written (released when the file is closed)."""
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_leftovers(path: str | os.PathLike[str]) -> list[Path]:
    """Delete the temporary files that interrupted writes of ``path`` left beside it.

    Only names this module makes for this very file (``.NAME.XXXXXXXX.tmp``), only regular
    files, and only those no live writer holds (its lock can be taken; where there are no
    locks, those untouched for ``LEFTOVER_SECONDS``). Returns what was removed; a file that
    cannot be removed is left alone. Meant for the next save or open of the file.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        leftover = Path(entry.path)
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            if _abandoned(leftover):
                leftover.unlink()
                removed.append(leftover)
    return removed


def _abandoned(path: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        return time.time() - path.stat().st_mtime > LEFTOVER_SECONDS
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a live writer holds it
    finally:
        os.close(fd)  # the lock goes with it; the name is unlinked just after
    return True


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
