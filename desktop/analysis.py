"""Whole-script analysis after typing pauses: parse, paginate, count.

A single-shot timer is restarted on every change; when it fires (the writer paused), a
copy of the text (a string, never the live document) is parsed by the core parser,
paginated with the one print setup and counted on a worker thread, and ``ready`` delivers
one :class:`Analysis` to the navigator, the page rules, the status bar and the completer.
Nothing here runs per keystroke.

Typing never waits for it (issue 18):

- **One analysis in flight.** A pause while one runs marks the text as stale; when the
  running one ends, one more starts on the newest text. A result for text that changed
  since is not delivered.
- **Incremental.** The parse starts again at the last scene heading before the first
  changed line (the elements above it are taken over as they were), and the pagination
  keeps its wrapped lines and the pages before the change (:class:`PaginationCache`).
  After an edit in the middle of a 500-page script the worker re-does a scene and a few
  pages, not the script.
- **It yields.** The worker hands the interpreter back between steps (``time.sleep(0)``),
  so the keyboard's thread gets it within a step even while a long first analysis runs;
  the process-wide switch interval is left alone.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from reelwright.desktop.completion import CompletionData
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.layout import Layout
from reelwright.screenplay.print_setup import PrintSetup

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
    layout: Layout | None = None
    """The layout the pages were made with: the print setup's, with the script's own
    ``fmt:`` title-page options."""
    setup: PrintSetup | None = None
    reused_pages: int = 0
    """Pages taken over from the analysis before (an incremental run)."""
    outline: list[Any] | None = None
    """The navigator's entries (``navigator.outline_entries``), made on the worker so that
    the window has only to show them."""


_UNPRINTED = frozenset(
    {ElementType.NOTE, ElementType.SECTION, ElementType.SYNOPSIS, ElementType.PAGE_BREAK}
)


def count_printed_words(script: Script, known: dict[str, int] | None = None) -> int:
    """Words the way ``screenplay.stats`` counts them (without paginating a second time);
    ``known`` keeps each element text's count for the next analysis."""
    from reelwright.screenplay.stats import count_words, printed

    if known is None:
        return sum(
            count_words(printed(e.text)) for e in script.elements if e.type not in _UNPRINTED
        )
    total = 0
    for element in script.elements:
        if element.type in _UNPRINTED:
            continue
        count = known.get(element.text)
        if count is None:
            count = known[element.text] = count_words(printed(element.text))
        total += count
    if len(known) > 4 * len(script.elements) + 1000:
        known.clear()  # texts long gone
    return total


def _yield() -> None:
    """Let the keyboard's thread run (the worker is pure Python and holds the GIL)."""
    time.sleep(0)


class _Previous:
    """The last text analysed and its parse, for the next incremental parse."""

    __slots__ = ("script", "text")

    def __init__(self, text: str, script: Script) -> None:
        self.text = text
        self.script = script


def _common_prefix(old: str, new: str) -> int:
    """Length of the common start of two strings (bisection over C comparisons)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[low:middle] == new[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _closed(text: str) -> bool:
    """No boneyard or note left open at the end of ``text`` (read from a neutral start):
    each ``/*`` pairs with the first ``*/`` after it, each ``[[`` with the first ``]]``."""
    for opening, closing in (("/*", "*/"), ("[[", "]]")):
        position = 0
        while (start := text.find(opening, position)) >= 0:
            end = text.find(closing, start + 2)
            if end < 0:
                return False
            position = end + 2
    return True


def _common_suffix(old: str, new: str, limit: int) -> int:
    """Length of the common end of two strings, at most ``limit`` (bisection)."""
    low, high = 0, min(len(old), len(new), limit)
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle :] == new[len(new) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


def _line_offset(text: str, line: int) -> int:
    """Where ``line`` starts in ``text`` (-1 past the end)."""
    pieces = text.split("\n", line)
    return len(text) - len(pieces[-1]) if len(pieces) > line else -1


def parse_incrementally(text: str, previous: _Previous | None) -> Script:
    """Parse ``text``, re-using the last parse above and below the changed lines.

    Only the scenes around the change are parsed again: from the last scene heading that
    begins at least two lines before the first changed line to the first heading at least
    two lines after the last one. A heading stands after a blank line and resets every
    speech, so the text on each side of such a stretch reads the same whatever it holds,
    unless a boneyard or a note is left open in it: then the whole text is parsed. The
    elements below are the old ones, moved by the lines the edit added or removed.
    """
    from reelwright.screenplay.elements import Element, Region
    from reelwright.screenplay.parser import parse

    if previous is None or previous.text == text:
        return parse(text) if previous is None else previous.script
    old_text = previous.text
    old = previous.script
    prefix = _common_prefix(old_text, text)
    suffix = _common_suffix(old_text, text, min(len(old_text), len(text)) - prefix)
    first_changed = old_text.count("\n", 0, prefix)
    moved = text.count("\n") - old_text.count("\n")
    last_changed = old_text.count("\n", 0, len(old_text) - suffix)  # in the old text
    elements = old.elements
    starts = [e.start_line for e in elements]
    first = bisect.bisect_right(starts, first_changed - 2) - 1
    while first >= 0 and elements[first].type is not ElementType.SCENE_HEADING:
        first -= 1
    if first <= 0:
        return parse(text)
    last = bisect.bisect_left(starts, last_changed + 2)
    while last < len(elements) and elements[last].type is not ElementType.SCENE_HEADING:
        last += 1
    line = elements[first].start_line
    end_line = elements[last].start_line if last < len(elements) else old.line_count
    start = _line_offset(text, line)
    stop = _line_offset(text, end_line + moved) if last < len(elements) else len(text)
    if start < 0 or stop < start or not (_closed(text[:start]) and _closed(text[:stop])):
        return parse(text)
    try:
        middle = parse(text[start:stop], first_line=line)
    except TypeError:  # a parser that cannot start at a line
        return parse(text)
    tail: list[Element] = []
    tail_regions: list[Region] = []
    if last >= len(elements):
        count = line + middle.line_count
        cut = count
    else:
        count = old.line_count + moved
        cut = end_line + moved  # the middle ends where the kept heading starts
        tail = [
            Element(
                e.type,
                e.text,
                e.start_line + moved,
                e.end_line + moved,
                e.scene_number,
                e.depth,
                e.dual,
                e.forced,
            )
            if moved
            else e
            for e in elements[last:]
        ]
        tail_regions = [
            Region(r.kind, r.start_line + moved, r.end_line + moved) if moved else r
            for r in old.regions
            if r.start_line >= end_line
        ]
    head_regions = [r for r in old.regions if r.end_line <= line]
    middle_regions = [
        r if r.end_line <= cut else Region(r.kind, r.start_line, cut)
        for r in middle.regions
        if r.start_line < cut
    ]
    regions = head_regions + middle_regions + tail_regions
    return Script(dict(old.title_page), elements[:first] + middle.elements + tail, regions, count)


def analyse(
    text: str,
    setup: PrintSetup | Layout,
    *,
    cache: object | None = None,
    previous: _Previous | None = None,
    words: dict[str, int] | None = None,
) -> Analysis:
    """Parse and paginate ``text``; the core does the work, this only gathers it.

    ``cache`` is a :class:`~reelwright.screenplay.pagination.PaginationCache` kept between
    runs and ``previous`` the text and parse of the last run, for an incremental one.
    """
    from reelwright.screenplay.pagination import PaginationCache, paginate

    started = time.perf_counter()
    if isinstance(setup, Layout):
        setup = setup_for_layout(PrintSetup(), setup)
    script = parse_incrementally(text, previous)
    _yield()
    setup = setup.for_script(script)
    result = Analysis(script=script, setup=setup, layout=setup.layout)
    try:
        pagination = paginate(
            script,
            setup.layout,
            setup.options,
            cache=cache if isinstance(cache, PaginationCache) else None,
            pause=_yield,
        )
        result.page_count = pagination.page_count
        result.scene_pages = dict(pagination.scene_pages)
        result.page_starts = [(line, page) for line, page in pagination.page_starts if page > 1]
        if isinstance(cache, PaginationCache):
            result.reused_pages = cache.reused_pages
    except Exception:  # a pagination bug must not take the editor down
        log.exception("pagination failed")
    _yield()
    result.words = count_printed_words(script, words)
    result.scenes = sum(1 for e in script.elements if e.type is ElementType.SCENE_HEADING)
    result.runtime_minutes = float(result.page_count)  # a page a minute, as stats says
    _yield()
    result.completion = CompletionData.from_script(script)
    _yield()
    from reelwright.desktop.navigator import outline_entries

    result.outline = outline_entries(result)
    result.seconds = time.perf_counter() - started
    return result


def setup_for_layout(setup: PrintSetup, layout: Layout) -> PrintSetup:
    """``setup`` with the paper, profile and heading blanks of ``layout`` (a layout made by
    ``layout_for``: those three are all it can differ in)."""
    return replace(
        setup, paper=layout.name, profile=layout.profile, heading_blanks=layout.heading_blanks
    )


class Analyzer(QObject):
    """Runs :func:`analyse` once typing pauses (``schedule``) or at once (``run_now``).

    After a pause the work runs on one worker thread with a copy of the text, one run at a
    time (see the module's docstring); ``latest`` is the last delivered analysis.
    """

    ready = Signal(object)
    _finished = Signal(int, object)

    def __init__(
        self,
        text_source: Callable[[], str],
        setup: PrintSetup | Layout,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._text_source = text_source
        self._setup = (
            setup if isinstance(setup, PrintSetup) else setup_for_layout(PrintSetup(), setup)
        )
        self.latest: Analysis | None = None
        self._revision = 0
        self._executor: ThreadPoolExecutor | None = None
        self._running: Future[None] | None = None
        self._again = False
        self._lock = threading.Lock()  # the cache and the last parse: one user at a time
        from reelwright.screenplay.pagination import PaginationCache

        self._cache = PaginationCache()
        self._previous: _Previous | None = None
        self._words: dict[str, int] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self._run_in_background)
        self._finished.connect(self._deliver)

    # The print setup ------------------------------------------------------------------------
    @property
    def setup(self) -> PrintSetup:
        return self._setup

    @setup.setter
    def setup(self, setup: PrintSetup) -> None:
        self._setup = setup

    @property
    def layout(self) -> Layout:
        """The setup's layout (the script's own ``fmt:`` options come on top of it)."""
        return self._setup.layout

    @layout.setter
    def layout(self, layout: Layout) -> None:
        self._setup = setup_for_layout(self._setup, layout)

    # Running --------------------------------------------------------------------------------
    def schedule(self) -> None:
        self._revision += 1
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def busy(self) -> bool:
        """An analysis is running on the worker."""
        return self._running is not None and not self._running.done()

    def _run_in_background(self) -> None:
        if self.busy():
            self._again = True  # the running one is stale: one more when it ends
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="reelwright-analysis")
        self._again = False
        text = self._text_source()
        self._running = self._executor.submit(self._work, self._revision, text, self._setup)

    def _analyse(self, text: str, setup: PrintSetup) -> Analysis:
        with self._lock:
            result = analyse(
                text, setup, cache=self._cache, previous=self._previous, words=self._words
            )
            self._previous = _Previous(text, result.script)
        return result

    def _work(self, revision: int, text: str, setup: PrintSetup) -> None:
        try:
            result: Analysis | None = self._analyse(text, setup)
        except Exception:  # the editor keeps working without an outline
            log.exception("analysis failed")
            result = None
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished.emit(revision, result)

    def _deliver(self, revision: int, result: Analysis | None) -> None:
        self._running = None
        if result is not None and revision == self._revision:
            self.latest = result
            self.ready.emit(result)
        if self._again and not self._timer.isActive():
            self._run_in_background()  # the text changed while it was analysed

    def start(self) -> None:
        """Analyse the current text on the worker now, without waiting for a pause (a
        script just opened: its window shows before a long analysis ends)."""
        self._timer.stop()
        self._revision += 1
        if self.busy():
            self._again = True
            return
        self._run_in_background()

    def run_now(self) -> Analysis | None:
        """Analyse the current text on this thread (opening a file, screenshots, tests)."""
        self._timer.stop()
        self._revision += 1
        text = self._text_source()
        try:
            result = self._analyse(text, self._setup)
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
        self._running = None
