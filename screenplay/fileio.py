"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

Write a temporary file in the same folder, flush and fsync it, ``os.replace`` it over the
target, then fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reelwright.screenplay.errors import ReelwrightError


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


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Yield a binary file whose content replaces ``path`` only if the block succeeds."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(_explain(target, error)) from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
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
        os.replace(tmp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise WriteError(_explain(target, error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(folder)


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
