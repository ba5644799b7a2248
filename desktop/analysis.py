"""Whole-script analysis after typing pauses: parse, paginate, count.

A single-shot timer is restarted on every change; when it fires (the writer paused),
the text is parsed by the core parser, paginated and counted, and ``ready`` delivers one
:class:`Analysis` to the navigator, the page rules, the status bar and the completer. Nothing
here runs per keystroke.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from reelwright.desktop.completion import CompletionData
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.layout import Layout

log = logging.getLogger(__name__)

PAUSE_MS = 700


@dataclass(slots=True)
class Analysis:
    script: Script
    page_count: int = 0
    scene_pages: dict[int, int] = field(default_factory=dict)
    """Element index of each scene heading -> the page it starts on."""
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    """(source line, page number) for pages after the first."""
    words: int = 0
    runtime_minutes: float = 0.0
    scenes: int = 0
    completion: CompletionData = field(default_factory=CompletionData)
    seconds: float = 0.0


_UNPRINTED = frozenset(
    {ElementType.NOTE, ElementType.SECTION, ElementType.SYNOPSIS, ElementType.PAGE_BREAK}
)


def count_printed_words(script: Script) -> int:
    """Words the way ``screenplay.stats`` counts them (without paginating a second time)."""
    from reelwright.screenplay.stats import count_words, printed

    return sum(count_words(printed(e.text)) for e in script.elements if e.type not in _UNPRINTED)


def analyse(text: str, layout: Layout) -> Analysis:
    """Parse and paginate ``text``; the core does the work, this only gathers it."""
    from reelwright.screenplay.pagination import paginate
    from reelwright.screenplay.parser import parse

    started = time.perf_counter()
    script = parse(text)
    result = Analysis(script=script)
    try:
        pagination = paginate(script, layout)
        result.page_count = pagination.page_count
        result.scene_pages = dict(pagination.scene_pages)
        result.page_starts = [(line, page) for line, page in pagination.page_starts if page > 1]
    except Exception:  # a pagination bug must not take the editor down
        log.exception("pagination failed")
    result.words = count_printed_words(script)
    result.scenes = sum(1 for e in script.elements if e.type is ElementType.SCENE_HEADING)
    result.runtime_minutes = float(result.page_count)  # a page a minute, as stats says
    result.completion = CompletionData.from_script(script)
    result.seconds = time.perf_counter() - started
    return result


class Analyzer(QObject):
    """Runs :func:`analyse` once typing pauses (``schedule``) or at once (``run_now``).

    After a pause the work runs on one worker thread with a copy of the text (a string,
    never the live document), so a long script's parse never holds up the keyboard; a
    result for text that has changed since is dropped, and the next pause brings a new one.
    """

    ready = Signal(object)
    _finished = Signal(int, object)

    def __init__(self, text_source: object, layout: Layout, parent: QObject | None = None):
        super().__init__(parent)
        self._text_source = text_source
        self.layout = layout
        self.latest: Analysis | None = None
        self._revision = 0
        self._executor: ThreadPoolExecutor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._run_in_background)
        self._finished.connect(self._deliver)

    def schedule(self) -> None:
        self._revision += 1
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def _run_in_background(self) -> None:
        if self._executor is None:
            # The worker is pure Python: hand the GIL back to the keyboard every 0.5 ms
            # (CPython's default is 5 ms, long enough to delay a keystroke's repaint).
            sys.setswitchinterval(min(sys.getswitchinterval(), 0.0005))
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="reelwright-analysis")
        text = self._text_source()  # type: ignore[operator]
        self._executor.submit(self._work, self._revision, text, self.layout)

    def _work(self, revision: int, text: str, layout: Layout) -> None:
        try:
            result: Analysis | None = analyse(text, layout)
        except Exception:  # the editor keeps working without an outline
            log.exception("analysis failed")
            result = None
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished.emit(revision, result)

    def _deliver(self, revision: int, result: Analysis | None) -> None:
        if result is None or revision != self._revision:
            return  # stale: the text changed while it was analysed
        self.latest = result
        self.ready.emit(result)

    def run_now(self) -> Analysis | None:
        """Analyse the current text on this thread (opening a file, screenshots, tests)."""
        self._timer.stop()
        self._revision += 1
        text = self._text_source()  # type: ignore[operator]
        try:
            result = analyse(text, self.layout)
        except Exception:
            log.exception("analysis failed")
            return None
        self.latest = result
        self.ready.emit(result)
        return result

    def shutdown(self) -> None:
        """Stop the timer and wait for a running analysis (window closing, test teardown)."""
        self._timer.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
