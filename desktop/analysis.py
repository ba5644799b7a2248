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
- **It yields.** The worker is pure Python and holds the interpreter while it runs; a
  thread waiting for it (the keyboard's) would wait up to the switch interval (5 ms) each
  time it needs it, several times a keystroke. So the worker hands it over itself at least
  every :data:`YIELD_EVERY` seconds of work (:class:`Pacer`: a short sleep, which lets the
  waiting thread in), between steps and inside them (the pagination's ``pause``, and every
  few hundred elements of the counts, the vocabulary and the outline). The process-wide
  switch interval is left alone.
- **The window only shows.** Everything a listener needs is made here, on the worker:
  the navigator's entries (``outline``), the words spell check takes as known
  (``vocabulary``), the completer's names; delivering an analysis of 500 pages costs the
  window's thread a few milliseconds.

Under locked pages the pages are the ones the PDF prints (``page_lock.paginate_locked``,
the rule ``page_plan.plan_print`` follows): the document's data owns the lock, and the
window hands the analysis a copy of it with the text at each request (``lock_source``),
so text and lock are of the same moment. Each page's label (``23A``, ``24-25``) comes with
it (``Analysis.page_labels``), and the page numbers the analysis gives out
(``page_starts``, ``scene_pages``) are :class:`PageNumber` values that read as their
labels; the page rules, the navigator and the status bar show them. Without a lock none of
this runs.

Under locked scene numbers the text paginated is the one the PDF prints: a scene deleted
by typing prints as an ``OMITTED`` heading with its number before Lock Scene Numbers
writes it into the text. The window hands a copy of the scene lock with the page lock;
``page_plan.paginate_draft`` (the step ``plan_print`` takes) makes the printed text and
its pages, and the page starts and scene pages are mapped back to the editor's lines
(``scene_lock.source_lines``: an inserted OMITTED heading stands for the heading it comes
before). Without a scene lock none of this runs.
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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from reelwright.desktop.completion import CompletionData
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.layout import Layout
from reelwright.screenplay.print_setup import PrintSetup

if TYPE_CHECKING:
    from reelwright.screenplay.page_lock import PageLock
    from reelwright.screenplay.pagination import Pagination
    from reelwright.screenplay.production_file import ProductionData
    from reelwright.screenplay.scene_lock import SceneLock

log = logging.getLogger(__name__)

PAUSE_MS = 700
YIELD_EVERY = 0.001
"""Seconds of work after which the worker hands the interpreter to a waiting thread."""
YIELD_FOR = 0.0001
"""How long it then sleeps: long enough for the waiting thread to take the interpreter."""
HOLD_SECONDS = 0.05
"""After each edit the worker stands back this long (a keystroke is laid out and painted
well within it), so that typing never waits for the interpreter; the analysis goes on in
the gaps between keys and finishes once typing pauses, when its result is wanted."""


class PageNumber(int):
    """A page of the pagination under locked pages: its place among the sheets (1, 2, 3
    ...: what is counted, compared and looked up) that reads as the label it prints with
    (``str``, ``f"{page}"``: ``23A``, ``24-25``). The editor's page rules and the index
    cards write the numbers they are given as text, so they print labels with no rule of
    their own. Equal to its plain number: a view that must notice a label change compares
    labels (``Analysis.page_label``)."""

    label: str

    def __new__(cls, number: int, label: str) -> PageNumber:
        page = super().__new__(cls, number)
        page.label = label
        return page

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"PageNumber({int(self)}, {self.label!r})"

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]
        return int(self), self.label


@dataclass(slots=True)
class Analysis:
    script: Script
    page_count: int = 0
    """The sheets the script prints on (under locked pages, A-pages included and combined
    pages counted once, as the PDF has them)."""
    scene_pages: dict[int, int] = field(default_factory=dict)
    """Element index of each scene heading -> the page it starts on."""
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    """(source line, page number) for pages after the first."""
    page_labels: dict[int, str] = field(default_factory=dict)
    """Under locked pages, each page number's printed label (``23``, ``23A``, ``24-25``:
    the PDF's); empty without a lock, when a page prints its number."""
    words: int = 0
    runtime_minutes: float = 0.0
    """A page a minute, of the text's own pages (without the breaks of a page lock: an
    A-page is a short one)."""
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
    vocabulary: frozenset[str] | None = None
    """The words the script makes known to spell check (``spelling.script_vocabulary``:
    names, places, transitions, title-page names), made on the worker."""

    def page_label(self, number: int) -> str:
        """What page ``number`` prints as: its label under locked pages, else its number."""
        return self.page_labels.get(number) or str(int(number))

    def count_label(self) -> str:
        """The script's length in pages as a production reads it (``Page 23A of 118``):
        without a lock the page count; under locked pages the last page's label, the last
        number of a combined one (``117-118``: 118), so A-pages added in a revision do not
        lengthen the script and a page emptied at the end does not shorten it. The sheets
        to print are ``page_count``."""
        if not self.page_labels or not self.page_count:
            return str(self.page_count)
        last = self.page_labels[max(self.page_labels)]
        return last.rsplit("-", 1)[-1]


_UNPRINTED = frozenset(
    {ElementType.NOTE, ElementType.SECTION, ElementType.SYNOPSIS, ElementType.PAGE_BREAK}
)


class Pacer:
    """Called often by the worker. While the writer types (``held()``: until when the
    window asked the worker to stand back) it sleeps; otherwise, at least every
    ``YIELD_EVERY`` seconds of work it sleeps ``YIELD_FOR``, so that a thread waiting for
    the interpreter gets it at once. (``time.sleep(0)`` lets go of it too, but the worker
    usually takes it back before the waiting thread wakes.)"""

    __slots__ = ("_held", "_last")

    def __init__(self, held: Callable[[], float] = lambda: 0.0) -> None:
        self._held = held
        self._last = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self._last < YIELD_EVERY:
            return
        time.sleep(YIELD_FOR)
        while (wait := self._held() - time.monotonic()) > 0:
            time.sleep(min(wait, HOLD_SECONDS))
        self._last = time.perf_counter()


def _no_pause() -> None:
    """The pause of an analysis on the window's own thread (``run_now``): none."""


def count_printed_words(
    script: Script,
    known: dict[str, int] | None = None,
    pause: Callable[[], None] = _no_pause,
) -> int:
    """Words the way ``screenplay.stats`` counts them (without paginating a second time);
    ``known`` keeps each element text's count for the next analysis."""
    from reelwright.screenplay.stats import count_words, printed

    if known is None:
        known = {}
    total = 0
    for index, element in enumerate(script.elements):
        if index % 32 == 0:
            pause()
        if element.type in _UNPRINTED:
            continue
        count = known.get(element.text)
        if count is None:
            count = known[element.text] = count_words(printed(element.text))
        total += count
    if len(known) > 4 * len(script.elements) + 1000:
        known.clear()  # texts long gone
    return total


_VOCABULARY_TYPES = frozenset(
    {ElementType.CHARACTER, ElementType.SCENE_HEADING, ElementType.TRANSITION}
)


def script_vocabulary(
    script: Script,
    known: dict[tuple[ElementType, str], frozenset[str]] | None = None,
    pause: Callable[[], None] = _no_pause,
) -> frozenset[str]:
    """``spelling.script_vocabulary`` (the one rule), asked element by element so that
    ``known`` keeps each cue's, heading's and transition's words for the next analysis."""
    from reelwright.screenplay.spelling import script_vocabulary as vocabulary_of

    if known is None:
        known = {}
    words: set[str] = set(vocabulary_of(Script(title_page=dict(script.title_page))))
    for index, element in enumerate(script.elements):
        if index % 32 == 0:
            pause()
        if element.type not in _VOCABULARY_TYPES:
            continue
        key = (element.type, element.text)
        found = known.get(key)
        if found is None:
            found = known[key] = frozenset(vocabulary_of(Script(elements=[element])))
        words.update(found)
    if len(known) > 2 * len(script.elements) + 1000:
        known.clear()
    return frozenset(words)


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


def parse_incrementally(
    text: str, previous: _Previous | None, pause: Callable[[], None] = _no_pause
) -> Script:
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
    pause()
    elements = old.elements
    starts = [e.start_line for e in elements]
    pause()
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
        # The script's choice on names without letter case is the whole text's: the last
        # parse's answer is kept (an edit between two scenes does not turn a script's
        # letters around); a part that needs an answer the last parse never made is read
        # with the whole text.
        middle = parse(text[start:stop], first_line=line, caseless_cues=old.caseless_cues)
    except TypeError:  # a parser that cannot start at a line
        return parse(text)
    if old.caseless_cues is None and middle.caseless_cues is not None:
        return parse(text)
    pause()
    tail: list[Element] = []
    tail_regions: list[Region] = []
    if last >= len(elements):
        count = line + middle.line_count
        cut = count
    else:
        count = old.line_count + moved
        cut = end_line + moved  # the middle ends where the kept heading starts
        tail = elements[last:]
        if moved:
            tail = []
            for index, e in enumerate(elements[last:]):
                if index % 256 == 0:
                    pause()
                tail.append(
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
                )
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
    return Script(
        dict(old.title_page),
        elements[:first] + middle.elements + tail,
        regions,
        count,
        title_marks=dict(old.title_marks),
        caseless_cues=old.caseless_cues,
    )


@dataclass(slots=True)
class Memory:
    """What one analysis keeps for the next: per-text word counts and vocabularies."""

    words: dict[str, int] = field(default_factory=dict)
    vocabulary: dict[tuple[ElementType, str], frozenset[str]] = field(default_factory=dict)


def analyse(
    text: str,
    setup: PrintSetup | Layout,
    *,
    cache: object | None = None,
    previous: _Previous | None = None,
    words: dict[str, int] | None = None,
    memory: Memory | None = None,
    pause: Callable[[], None] = _no_pause,
    lock: PageLock | None = None,
    scenes: SceneLock | None = None,
) -> Analysis:
    """Parse and paginate ``text``; the core does the work, this only gathers it.

    ``cache`` is a :class:`~reelwright.screenplay.pagination.PaginationCache` kept between
    runs, ``previous`` the text and parse of the last run and ``memory`` its counts, for an
    incremental one (``words``: only the word counts). ``pause`` is called often (the
    worker's :class:`Pacer`). ``lock``: the script's locked pages (a copy, of the same
    moment as ``text``): the pages are then the ones the PDF prints, with their labels.
    ``scenes``: the script's locked scene numbers (a copy too): the text paginated is then
    the one the PDF prints, OMITTED headings included.
    """
    from reelwright.desktop.navigator import outline_entries

    started = time.perf_counter()
    if memory is None:
        memory = Memory(words if words is not None else {})
    if isinstance(setup, Layout):
        setup = setup_for_layout(PrintSetup(), setup)
    script = parse_incrementally(text, previous, pause)
    pause()
    given = setup
    setup = setup.for_script(script)
    if lock is not None:  # what the writer left to the locale or profile follows the lock
        setup = setup.for_page_lock(lock.paper, lock.heading_blanks)
    result = Analysis(script=script, setup=setup, layout=setup.layout)
    try:
        printed = scenes is not None and _printed_pages(
            result, script, text, given, scenes, lock, cache, pause
        )
        if not printed:
            _own_pages(result, script, text, lock, setup, cache, pause)
    except Exception:  # a pagination bug must not take the editor down
        log.exception("pagination failed")
    pause()
    result.words = count_printed_words(script, memory.words, pause)
    result.scenes = sum(1 for e in script.elements if e.type is ElementType.SCENE_HEADING)
    pause()
    result.completion = CompletionData.from_script(script, pause)
    pause()
    result.vocabulary = script_vocabulary(script, memory.vocabulary, pause)
    pause()
    result.outline = outline_entries(result, pause=pause)
    result.seconds = time.perf_counter() - started
    return result


def _own_pages(
    result: Analysis,
    script: Script,
    text: str,
    lock: PageLock | None,
    setup: PrintSetup,
    cache: object | None,
    pause: Callable[[], None],
) -> None:
    """The text's own pages (under ``lock``, the locked pages) written into ``result``."""
    from reelwright.screenplay.pagination import PaginationCache, paginate

    pagination = paginate(
        script,
        setup.layout,
        setup.options,
        cache=cache if isinstance(cache, PaginationCache) else None,
        pause=pause,
    )
    if isinstance(cache, PaginationCache):
        result.reused_pages = cache.reused_pages
    result.runtime_minutes = float(pagination.page_count)  # a page a minute, as stats says
    result.page_count = pagination.page_count
    result.scene_pages = dict(pagination.scene_pages)
    result.page_starts = [(line, page) for line, page in pagination.page_starts if page > 1]
    if lock is not None:
        pause()
        _locked_pages(result, script, text, lock, setup, pagination, pause)


def _printed_pages(
    result: Analysis,
    script: Script,
    text: str,
    setup: PrintSetup,
    scenes: SceneLock,
    lock: PageLock | None,
    cache: object | None,
    pause: Callable[[], None],
) -> bool:
    """Under locked scene numbers: the pages of the text the PDF prints (the script as
    ``page_plan.paginate_draft`` makes it for ``plan_print``: OMITTED headings for the
    dropped scenes, the locked pages on it), written into ``result`` with lines and scenes
    of the editor's text. False (``result`` untouched) should that fail."""
    from reelwright.screenplay.page_plan import paginate_draft
    from reelwright.screenplay.pagination import PaginationCache
    from reelwright.screenplay.production_file import Draft, ProductionData
    from reelwright.screenplay.scene_lock import is_omitted, source_lines

    try:
        printed = paginate_draft(
            script,
            setup,
            Draft(text, ProductionData(scenes=scenes, pages=lock)),
            cache=cache if isinstance(cache, PaginationCache) else None,
            pause=pause,
        )
    except Exception:
        log.exception("pagination of the printed draft failed")
        return False
    if isinstance(cache, PaginationCache):
        result.reused_pages = cache.reused_pages
    pause()
    lines = (
        source_lines(text, printed.body)
        if printed.body is not None and printed.body != text
        else None
    )
    last = max(script.line_count - 1, 0)

    def line_of(line: int) -> int:
        if lines is None:
            return line
        return lines[line] if 0 <= line < len(lines) else last

    pagination = printed.pagination
    numbers = [page.number for page in pagination.pages]
    pages: dict[int, int] = {}
    if printed.data is not None and printed.data.pages is not None:
        labels = dict(zip(numbers, printed.labels, strict=True))
        result.page_labels = labels
        pages = {number: PageNumber(number, label) for number, label in labels.items()}
    first = numbers[0] if numbers else 1
    result.runtime_minutes = float(printed.own_pages)  # a page a minute, as stats says
    result.page_count = pagination.page_count
    headings = {
        element.start_line: index
        for index, element in enumerate(script.elements)
        if element.type is ElementType.SCENE_HEADING
    }
    shown = printed.script.elements
    scene_pages: dict[int, int] = {}
    for index, number in sorted(pagination.scene_pages.items()):
        heading = shown[index]
        own = headings.get(line_of(heading.start_line))
        # An inserted OMITTED heading stands before the editor's heading: not its page.
        if own is not None and is_omitted(heading) == is_omitted(script.elements[own]):
            scene_pages[own] = pages.get(number, number)
    result.scene_pages = scene_pages
    result.page_starts = [
        (line_of(line), pages.get(number, number))
        for line, number in pagination.page_starts
        if number > first
    ]
    return True


def _locked_pages(
    result: Analysis,
    script: Script,
    text: str,
    lock: PageLock,
    setup: PrintSetup,
    unlocked: Pagination,
    pause: Callable[[], None] | None = None,
) -> None:
    """The pages under ``lock`` (``page_lock.paginate_locked`` with ``setup``, reading the
    text's own pagination ``unlocked``) written into ``result``: the sheets, their labels,
    and page numbers that read as them. Should the locked pagination fail, ``result``
    keeps the text's own pages (the window keeps working; the PDF says what is wrong)."""
    from reelwright.screenplay.page_lock import paginate_locked

    try:
        placed = paginate_locked(
            script, text, lock, setup.layout, setup.options, unlocked=unlocked, pause=pause
        )
    except Exception:
        log.exception("pagination under the page lock failed")
        return
    pagination = placed.pagination
    numbers = [page.number for page in pagination.pages]
    labels = dict(zip(numbers, placed.labels, strict=True))
    pages = {number: PageNumber(number, label) for number, label in labels.items()}
    first = numbers[0] if numbers else 1
    result.page_count = pagination.page_count
    result.page_labels = labels
    result.scene_pages = {
        index: pages.get(number, number) for index, number in pagination.scene_pages.items()
    }
    result.page_starts = [
        (line, pages.get(number, number))
        for line, number in pagination.page_starts
        if number > first
    ]


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
        self.lock_source: Callable[[], ProductionData | None] = lambda: None
        """The script's production data as it is now (the document owns it): read with the
        text at each request, and a copy of its locked pages and locked scene numbers goes
        to the worker."""
        self._revision = 0
        self._executor: ThreadPoolExecutor | None = None
        self._running: Future[tuple[int, Analysis | None]] | None = None
        self._delivered = 0
        """The newest revision delivered (or dropped as stale)."""
        self._held_until = 0.0
        """``time.monotonic()`` until which the worker stands back (``hold``)."""
        self._again = False
        self._lock = threading.Lock()  # the cache and the last parse: one user at a time
        from reelwright.screenplay.pagination import PaginationCache

        self._cache = PaginationCache()
        self._previous: _Previous | None = None
        self._memory = Memory()
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
        """The text changed: analyse it once typing pauses; meanwhile a running analysis
        stands back (``hold``)."""
        self._revision += 1
        self.hold()
        self._timer.start()

    def hold(self) -> None:
        """The writer is at the keyboard: the worker sleeps at its next pause point for
        ``HOLD_SECONDS`` (a plain float shared with the worker thread)."""
        self._held_until = time.monotonic() + HOLD_SECONDS

    def _held(self) -> float:
        return self._held_until

    def pending(self) -> bool:
        return self._timer.isActive()

    def up_to_date(self) -> bool:
        """Is ``latest`` the analysis of the text and setup as they are now?"""
        return self.latest is not None and self._delivered == self._revision

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
        text, (lock, scenes) = self._text_source(), self._locks()
        self._running = self._executor.submit(
            self._work, self._revision, text, self._setup, lock, scenes
        )

    def _locks(self) -> tuple[PageLock | None, SceneLock | None]:
        """A copy of the locked pages and the locked scene numbers as they are now, for the
        worker (the document goes on carrying its own through the edits that follow)."""
        data = self.lock_source()
        if data is None:
            return None, None
        from reelwright.screenplay.page_lock import LockedPage, PageLock
        from reelwright.screenplay.scene_lock import SceneLock

        lock, scenes = data.pages, data.scenes
        return (
            None
            if lock is None
            else PageLock(
                [LockedPage(page.label, page.start) for page in lock.pages],
                lock.paper,
                lock.heading_blanks,
            ),
            None if scenes is None else SceneLock(list(scenes.numbers), scenes.letters),
        )

    def _analyse(
        self,
        text: str,
        setup: PrintSetup,
        pause: Callable[[], None] = _no_pause,
        lock: PageLock | None = None,
        scenes: SceneLock | None = None,
    ) -> Analysis:
        with self._lock:
            result = analyse(
                text,
                setup,
                cache=self._cache,
                previous=self._previous,
                memory=self._memory,
                pause=pause,
                lock=lock,
                scenes=scenes,
            )
            self._previous = _Previous(text, result.script)
        return result

    def _work(
        self,
        revision: int,
        text: str,
        setup: PrintSetup,
        lock: PageLock | None = None,
        scenes: SceneLock | None = None,
    ) -> tuple[int, Analysis | None]:
        try:
            result: Analysis | None = self._analyse(text, setup, Pacer(self._held), lock, scenes)
        except Exception:  # the editor keeps working without an outline
            log.exception("analysis failed")
            result = None
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._finished.emit(revision, result)
        return revision, result

    def _deliver(self, revision: int, result: Analysis | None) -> None:
        if self._running is not None and self._running.done():
            self._running = None
        # Once only (``wait`` may have taken it from the worker before the signal came),
        # and only for the text as it is now.
        if revision > self._delivered:
            self._delivered = revision
            if result is not None and revision == self._revision:
                self.latest = result
                self.ready.emit(result)
        if self._again and not self._timer.isActive() and not self.busy():
            self._run_in_background()  # the text changed while it was analysed

    def wait(self, timeout: float | None = 60.0) -> None:
        """Wait for the analysis running on the worker and deliver it now (tests, a
        picture of the window, a command that needs the pages)."""
        running = self._running
        if running is None:
            return
        try:
            revision, result = running.result(timeout)
        except Exception:  # a timeout: the result comes with the event loop later
            log.exception("the analysis did not finish in time")
            return
        self._deliver(revision, result)

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
        text, (lock, scenes) = self._text_source(), self._locks()
        try:
            result = self._analyse(text, self._setup, lock=lock, scenes=scenes)
        except Exception:
            log.exception("analysis failed")
            return None
        self._delivered = self._revision
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
