"""The PySide6 desktop application.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from every void method without taking a
reference to it, so each call such as ``label.setText()`` lowers ``None``'s reference count
by one; after a few thousand calls CPython aborts with "deallocating None". CPython 3.12
made ``None`` immortal (PEP 683), which hides the bug there. Until a fixed PySide6 is
required, importing this package makes ``None`` effectively immortal on the affected
versions, the way 3.12 does, so that the editor cannot crash after a few minutes of typing.
``Signal.emit()`` has the same bug with its ``True`` result, so ``True`` and ``False`` are
made immortal as well.
"""

from __future__ import annotations

import sys


def _immortalize_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    try:
        import PySide6
    except ImportError:
        return
    if tuple(PySide6.__version_info__[:2]) != (6, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every CPython object: a Py_ssize_t.
    # ``SignalInstance.emit()`` returns ``True`` the same way (one reference lost per emit;
    # a streamed suggestion emits once per token), so the two bools get the same treatment.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_immortalize_none()
