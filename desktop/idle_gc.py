"""Garbage collection in the writer's pauses, never between two keystrokes.

CPython's cyclic collector runs when enough objects have been made, on whichever thread
makes them, and holds the interpreter while it runs. With a 500-page script open, a full
collection walks every object of the document's data, the last parse and the pagination
cache: 80-95 ms, measured in ``benchmarks/bench_editor.py`` as keystrokes that took as
long while the analysis ran on its worker.

So once typing has paused for :data:`IDLE_MS` (and no analysis is running), the window
collects and freezes what survives (``gc.freeze``): the collections that then run on
their own look only at objects made since, a few milliseconds at most. A pause collects
what was made since the last one (cheap) and freezes it too; at most every
:data:`FULL_SECONDS` a pause unfreezes everything first, so that cycles among frozen
objects that became garbage are found too (the first pause after opening is such a
one). When the last window closes, the frozen objects go back to the collector.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

IDLE_MS = 2000
"""Milliseconds without an edit before the collection runs."""
FULL_SECONDS = 600.0
"""Seconds between two collections of every object, frozen ones included."""

_alive: set[int] = set()
"""Collectors open in this process (the frozen objects are given back after the last)."""


def _release(key: int) -> None:
    _alive.discard(key)
    if not _alive:
        gc.unfreeze()


class IdleCollector(QObject):
    """``poke()`` on every edit; ``busy()`` says when to wait longer (an analysis running
    on the worker is still making objects)."""

    def __init__(self, busy: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = id(self)
        _alive.add(key)
        self.destroyed.connect(lambda *_args, key=key: _release(key))
        self._key = key
        self._busy = busy
        self._closed = False
        self.seconds = 0.0
        """How long the last collection took."""
        self._full_at = -FULL_SECONDS
        """``time.perf_counter()`` of the last collection of every object."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.collect)

    def poke(self) -> None:
        """An edit or a new analysis: collect after the next pause."""
        if not self._closed:
            self._timer.start()

    def collect(self) -> None:
        """Collect now and freeze what survives (later if the worker is busy)."""
        if self._closed:
            return
        if self._busy():
            self._timer.start()
            return
        started = time.perf_counter()
        if started - self._full_at >= FULL_SECONDS:
            gc.unfreeze()  # every object: cycles among the frozen ones are found too
            self._full_at = started
        gc.collect()
        gc.freeze()
        self.seconds = time.perf_counter() - started
        log.debug("idle collection: %.0f ms", self.seconds * 1000)

    def close(self) -> None:
        """The window closes: no more collections from it; the last one gives the frozen
        objects back to the collector."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        _release(self._key)


__all__ = ["IDLE_MS", "IdleCollector"]
