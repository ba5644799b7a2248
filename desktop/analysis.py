"""Whole-script analysis after typing pauses: parse, paginate, count.

A single-shot timer is restarted on every change; when it fires (the writer paused),
the text is parsed by the core parser, paginated and counted, and ``ready`` delivers one
:class:`Analysis` to the navigator, the page rules, the status bar and the completer. Nothing
here runs per keystroke.
"""

from __future__ import annotations

import logging
import time
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
    """Runs :func:`analyse` once typing pauses (``schedule``) or at once (``run_now``)."""

    ready = Signal(object)

    def __init__(self, text_source: object, layout: Layout, parent: QObject | None = None):
        super().__init__(parent)
        self._text_source = text_source
        self.layout = layout
        self.latest: Analysis | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.run_now)

    def schedule(self) -> None:
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> Analysis | None:
        self._timer.stop()
        text = self._text_source()  # type: ignore[operator]
        try:
            result = analyse(text, self.layout)
        except Exception:  # the editor keeps working without an outline
            log.exception("analysis failed")
            return None
        self.latest = result
        self.ready.emit(result)
        return result
