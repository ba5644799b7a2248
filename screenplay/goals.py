"""Writing goals: a page or word target for this session or for the whole draft.

Qt-free: the status bar shows :meth:`Progress.text`. A session goal counts what was added
since the session started (the script opened, or the goal set); a draft goal counts the
whole script. Pages are counted to the eighth of a page, from where the pagination puts
page starts (the same data as the editor's page rules and the PDF).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["pages", "words"]
Scope = Literal["session", "draft"]


@dataclass(frozen=True, slots=True)
class Goal:
    kind: Kind
    scope: Scope
    target: float

    @property
    def active(self) -> bool:
        return self.target > 0


@dataclass(frozen=True, slots=True)
class Count:
    """Where the script stands: printed words and pages (to the eighth)."""

    words: int = 0
    pages: float = 0.0


def pages_to_eighths(pages: float) -> str:
    """``2.375`` -> ``2 3/8``; ``0.5`` -> ``4/8``; always to the nearest eighth."""
    eighths = round(pages * 8)
    whole, rest = divmod(eighths, 8)
    if not rest:
        return str(whole)
    return f"{rest}/8" if not whole else f"{whole} {rest}/8"


def printed_pages(
    page_count: int, page_starts: Sequence[tuple[int, int]], line_count: int
) -> float:
    """The script's length in pages, the last page counted by how full it is.

    ``page_starts``: (source line, page number) where pages 2.. begin, as the editor's
    analysis gives them. The last page's fill is its source lines over the average
    source lines of the pages before it (one page of script: its lines over a printed
    page's 55), to the nearest eighth.
    """
    if page_count <= 0 or line_count <= 0:
        return 0.0
    if not page_starts or page_count == 1:
        fill = min(1.0, line_count / 55)
        return round(fill * 8) / 8 or (1 / 8)
    last_start = page_starts[-1][0]
    full_pages = page_count - 1
    per_page = max(1.0, last_start / full_pages)
    fill = min(1.0, max(0.0, (line_count - last_start) / per_page))
    return full_pages + max(1, round(fill * 8)) / 8


@dataclass(frozen=True, slots=True)
class Progress:
    goal: Goal
    done: float

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.goal.target) if self.goal.target > 0 else 0.0

    @property
    def reached(self) -> bool:
        return self.goal.target > 0 and self.done >= self.goal.target

    def amount(self, value: float) -> str:
        if self.goal.kind == "pages":
            return pages_to_eighths(value)
        return f"{round(value):,}"

    def text(self) -> str:
        """``312 / 500 words this session``; ``87 / 110 pages in the draft``."""
        unit = "pages" if self.goal.kind == "pages" else "words"
        where = "this session" if self.goal.scope == "session" else "in the draft"
        return f"{self.amount(self.done)} / {self.amount(self.goal.target)} {unit} {where}"


def progress(goal: Goal, current: Count, baseline: Count) -> Progress:
    """How far ``goal`` is: a session goal counts from ``baseline``, never below zero."""
    value = current.pages if goal.kind == "pages" else float(current.words)
    if goal.scope == "session":
        start = baseline.pages if goal.kind == "pages" else float(baseline.words)
        value = max(0.0, value - start)
    return Progress(goal, value)
