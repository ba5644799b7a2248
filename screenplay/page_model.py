"""The pages a pagination produces, as plain data: what every view of the pages reads.

:class:`Pagination` holds the :class:`Page` list, each with its :class:`PrintedLine` rows
(text, emphasis runs, position), the page each scene starts on and the source line each
page starts at. :class:`PrintOptions` are the print choices the pagination follows. The
rules that make the pages are in ``page_blocks`` (elements to wrapped rows) and
``page_breaks`` (rows to pages); ``pagination`` is the entry point.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.emphasis import parse_emphasis
from reelwright.screenplay.layout import CELL, POINTS_PER_INCH, Align, Layout

SceneNumbers = Literal["none", "left", "right", "both"]
Side = Literal["left", "right"]

T = ElementType
_MARKUP = re.compile(r"[*_\\]")


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """What the writer chose to print. Defaults are Final Draft's. The desktop and the
    command line build these from one :class:`~reelwright.screenplay.print_setup.PrintSetup`."""

    scene_numbers: SceneNumbers = "none"
    print_notes: bool = False
    print_sections: bool = False
    """Sections and synopses."""
    more: str = "(MORE)"
    contd: str = "(CONT'D)"
    first_page_number: int = 1
    heading_blanks: int | None = None
    """Blank lines before scene headings (1 or 2); None keeps the layout's."""
    contd_after_action: bool = True
    """Mark a cue ``(CONT'D)`` when the same character speaks again after only action."""


class Run(NamedTuple):
    """A piece of a printed line in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False

    def marked(self) -> str:
        text = self.text
        if self.underline:
            text = f"_{text}_"
        if self.bold and self.italic:
            return f"***{text}***"
        if self.bold:
            return f"**{text}**"
        if self.italic:
            return f"*{text}*"
        return text


@dataclass(frozen=True, slots=True)
class PrintedLine:
    """One line of text in one line slot of a page (dual dialogue puts two in a slot)."""

    slot: int
    """Line slot on the page, 0 = the first line (at the top margin). The cue repeated over
    a continued speech stands in slot -1 and a ``(MORE)`` may stand in the slot after the
    last: Final Draft draws them in the margins, outside the page's count of lines."""
    type: ElementType
    text: str
    """The visible text, emphasis markers removed, upper-cased where the element is."""
    runs: tuple[Run, ...]
    """``text`` cut into runs of one style (bold, italic, underline) for the PDF."""
    x: float
    """Left edge of the text in inches from the page's left edge, alignment applied."""
    align: Align
    element_index: int | None
    source_line: int | None
    more: bool = False
    """The ``(MORE)`` line under a speech cut by the page break."""
    contd: bool = False
    """This cue carries ``(CONT'D)`` (continued across a page, or after action)."""
    scene_number: str | None = None
    """Scene headings' first line: the number to print when scene numbers are on."""
    dual: Side | None = None

    @property
    def indent(self) -> int:
        """Characters from the left margin (1.5 in) to the text, for the editor."""
        return round((self.x - 1.5) / CELL)

    @property
    def marked_text(self) -> str:
        """The text with Fountain emphasis markers put back."""
        return "".join(run.marked() for run in self.runs)


@dataclass(slots=True)
class Page:
    number: int
    """The printed page number."""
    lines: list[PrintedLine] = field(default_factory=list)
    first_source_line: int = 0

    @property
    def used_slots(self) -> int:
        return max(line.slot for line in self.lines) + 1 if self.lines else 0


@dataclass(slots=True)
class Pagination:
    pages: list[Page]
    layout: Layout
    options: PrintOptions
    scene_pages: dict[int, int] = field(default_factory=dict)
    """Element index of each scene heading -> page number where the scene starts."""
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    """(source line where each page begins, page number), in order."""
    _start_lines: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._start_lines = [line for line, _ in self.page_starts]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_of_line(self, source_line: int) -> int:
        """The printed number of the page that holds ``source_line`` (a binary search, so
        the editor may ask for every line)."""
        if not self.page_starts:
            return self.options.first_page_number
        index = max(0, bisect.bisect_right(self._start_lines, source_line) - 1)
        return self.page_starts[index][1]


# Text of one line -----------------------------------------------------------------------------


def runs_for_line(
    line: str, *, upper: bool, bold: bool, italic: bool, underline: bool = False
) -> tuple[Run, ...]:
    """Emphasis runs of one source line, with the element's own style added."""
    if not _MARKUP.search(line):
        return (Run(line.upper() if upper else line, bold, italic, underline),)
    runs: list[Run] = []
    for span in parse_emphasis(line):
        text = span.text.upper() if upper else span.text
        run = Run(text, span.bold or bold, span.italic or italic, span.underline or underline)
        if runs and runs[-1][1:] == run[1:]:
            runs[-1] = runs[-1]._replace(text=runs[-1].text + text)
        elif text:
            runs.append(run)
    return tuple(runs) or (Run("", bold, italic, underline),)


def slice_runs(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    if len(runs) == 1:
        return (runs[0]._replace(text=runs[0].text[start:end]),)
    out: list[Run] = []
    offset = 0
    for run in runs:
        run_end = offset + len(run.text)
        if run_end > start and offset < end:
            piece = run.text[max(start, offset) - offset : min(end, run_end) - offset]
            if piece:
                out.append(run._replace(text=piece))
        offset = run_end
        if offset >= end:
            break
    return tuple(out) or (runs[0]._replace(text=""),)


def centred_x(anchor: float, cells: int, pitch: float) -> float:
    """Left edge of ``cells`` characters centred on ``anchor`` (inches), on whole points."""
    return math.ceil(anchor * POINTS_PER_INCH - cells * pitch / 2 - 0.5) / POINTS_PER_INCH
