"""Work-arounds for bugs in the Qt bindings, applied on purpose before Qt is used.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from every void method without taking a
reference to it, so each call such as ``label.setText()`` lowers ``None``'s reference count
by one; after a few thousand calls CPython aborts with "deallocating None". CPython 3.12
made ``None`` immortal (PEP 683), which hides the bug there. ``Signal.emit()`` has the same
bug with its ``True`` result (one reference lost per emit; a streamed suggestion emits once
per token). Until a fixed PySide6 is required, :func:`apply` makes ``None``, ``True`` and
``False`` effectively immortal on the affected versions, the way 3.12 does, so that the
editor cannot crash after a few minutes of typing.

Nothing happens at import: :func:`apply` is called by ``desktop.app.application()`` and by
the test set-up, before any ``QApplication`` exists. It is idempotent.
"""

from __future__ import annotations

import sys

_applied = False


def affected(version: tuple[int, ...] | None = None) -> bool:
    """Whether this interpreter with this PySide6 (``version``: major, minor) needs it."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if version is None:
        try:
            import PySide6
        except ImportError:
            return False
        version = tuple(PySide6.__version_info__[:2])
    return tuple(version[:2]) == (6, 12)


def apply() -> bool:
    """Apply the work-arounds this PySide6 needs, once; True if any was applied."""
    global _applied
    if _applied:
        return True
    if not affected():
        return False
    import ctypes

    # ob_refcnt is the first field of every CPython object: a Py_ssize_t.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    _applied = True
    return True


def applied() -> bool:
    return _applied
