"""Pagination: wrap every element to its column and cut the script into pages.

Computed once, in the core, and shared by the PDF writer, the page count in the status bar
and the navigator. The rules are FORMAT.md's (Final Draft's): scene headings and cues never
stranded at a page foot, no page ending on a parenthetical, action split with two lines a
side (at a sentence end when one is there), dialogue split between sentences with
``(MORE)`` and ``NAME (CONT'D)``, dual dialogue moved whole, forced breaks honoured.

Everything here is plain Python over plain data, fast enough to run after every typing
pause in the editor (Big Fish, 120 pages, in a few tens of milliseconds).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis, strip_notes
from reelwright.screenplay.layout import Align, ElementStyle, Layout, layout_for

SceneNumbers = Literal["none", "left", "right", "both"]
Side = Literal["left", "right"]

T = ElementType
_SENTENCE_END = re.compile(r"""(?:[.!?…。！？]|--|—)["'”’)\]]*\s*$""")
_SENTENCE_INSIDE = re.compile(r"""(?:[.!?…]|--)["'”’)\]]*(?= )|[。！？]["'”’」』)]*""")
_WRITTEN_CONTD = re.compile(r"\(\s*CONT(?:['’]D|INUED)\s*\)", re.IGNORECASE)
_EXTENSION = re.compile(r"\s*\([^)]*\)")
_MARKUP = re.compile(r"[*_\\]")


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """What the writer chose to print. Defaults are Final Draft's."""

    scene_numbers: SceneNumbers = "none"
    print_notes: bool = False
    print_sections: bool = False
    """Sections and synopses."""
    more: str = "(MORE)"
    contd: str = "(CONT'D)"
    first_page_number: int = 1
    heading_blanks: int | None = None
    """Blank lines before scene headings (1 or 2); None keeps the layout's (2)."""
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
    """Line slot on the page, 0 = the first line (at the top margin)."""
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
        return round((self.x - 1.5) * 10)

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
        return self.lines[-1].slot + 1 if self.lines else 0


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


# Wrapping ---------------------------------------------------------------------------------


def char_columns(char: str) -> int:
    """Monospace cells a character takes: 2 for wide East Asian, 0 for combining marks."""
    if char < "\u0300":
        return 1
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_columns(text: str) -> int:
    return len(text) if text.isascii() else sum(char_columns(c) for c in text)


def wrap_ranges(text: str, width: int, next_width: int | None = None) -> list[tuple[int, int, int]]:
    """Cut ``text`` into lines of at most ``width`` cells: (start, end, cells) per line.

    Breaks at spaces (dropped at the break); a word longer than the line is cut; wide
    characters (Chinese, Japanese) may break anywhere. Leading spaces of the first line
    are kept because Fountain keeps indentation in action.
    """
    if next_width is None:
        next_width = width
    width = max(1, width)
    next_width = max(1, next_width)
    n = len(text)
    if n == 0:
        return [(0, 0, 0)]
    if text.isascii():
        return _wrap_ascii(text, width, next_width)
    lines: list[tuple[int, int, int]] = []
    pos = 0
    limit = width
    while pos < n:
        cells = 0
        i = pos
        last_break = -1  # index where the line may end (exclusive)
        last_break_cells = 0
        while i < n:
            c = text[i]
            w = char_columns(c)
            if c == " ":
                if i > pos and text[i - 1] != " ":
                    last_break, last_break_cells = i, cells
            elif w == 2 and i > pos:
                last_break, last_break_cells = i, cells
            if cells + w > limit and c != " ":
                break
            cells += w
            i += 1
            if w == 2 or (
                c == "-" and i - 1 > pos and text[i - 2] != " " and i < n and text[i] not in " -"
            ):
                last_break, last_break_cells = i, cells
        if i >= n:
            end, used = n, cells
            while end > pos and text[end - 1] == " ":
                end -= 1
                used -= 1
            lines.append((pos, end, used))
            break
        if last_break > pos:
            end, used = last_break, last_break_cells
        else:
            end, used = max(i, pos + 1), max(cells, 1)
        while end > pos and text[end - 1] == " ":
            end -= 1
            used -= 1
        lines.append((pos, end, used))
        pos = end
        while pos < n and text[pos] == " ":
            pos += 1
        limit = next_width
    return lines


def _wrap_ascii(text: str, width: int, next_width: int) -> list[tuple[int, int, int]]:
    lines: list[tuple[int, int, int]] = []
    n = len(text)
    pos = 0
    limit = width
    while True:
        if n - pos <= limit:
            end = len(text.rstrip(" ")) if pos < n else n
            end = max(end, pos)
            lines.append((pos, end, end - pos))
            return lines
        cut = pos + limit
        brk = text.rfind(" ", pos, cut + 1)
        end = brk
        while end > pos and text[end - 1] == " ":
            end -= 1
        # A hyphen inside a word is a break too ("hundred-" / "dollar"), as in Final Draft.
        hyphen = text.rfind("-", pos + 1, cut)
        if hyphen > end and text[hyphen - 1] != " " and text[hyphen + 1] not in " -":
            end = brk = hyphen + 1
        if brk <= pos or end <= pos:
            end = cut
            brk = cut
        lines.append((pos, end, end - pos))
        pos = brk
        while pos < n and text[pos] == " ":
            pos += 1
        if pos >= n:
            return lines
        limit = next_width


def runs_for_line(line: str, *, upper: bool, bold: bool, italic: bool) -> tuple[Run, ...]:
    """Emphasis runs of one source line, with the element's own style added."""
    if not _MARKUP.search(line):
        return (Run(line.upper() if upper else line, bold, italic, False),)
    runs: list[Run] = []
    for span in parse_emphasis(line):
        text = span.text.upper() if upper else span.text
        run = Run(text, span.bold or bold, span.italic or italic, span.underline)
        if runs and runs[-1][1:] == run[1:]:
            runs[-1] = runs[-1]._replace(text=runs[-1].text + text)
        elif text:
            runs.append(run)
    return tuple(runs) or (Run("", bold, italic, False),)


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
    return tuple(out)


# Blocks -----------------------------------------------------------------------------------


class _Row(NamedTuple):
    """A wrapped line before it is given a slot."""

    type: ElementType
    text: str
    runs: tuple[Run, ...]
    x: float
    align: Align
    element_index: int | None
    source_line: int | None
    scene_number: str | None = None
    contd: bool = False
    more: bool = False
    para: _Para | None = None
    """The source line this row was wrapped from, so that a split can rewrap its tail."""
    start: int = 0
    end: int = 0
    """The row's range in ``para.plain``."""


@dataclass(frozen=True, slots=True)
class _Para:
    """One source line of an element as wrapped into a column."""

    type: ElementType
    runs: tuple[Run, ...]
    plain: str
    left: float
    width: int
    hanging: int
    right: float
    align: Align
    char_width: float
    element_index: int
    source_line: int

    def rows(self, start: int = 0) -> list[_Row]:
        """Wrapped rows of ``plain[start:]`` (spaces at ``start`` skipped)."""
        plain = self.plain
        while start < len(plain) and plain[start] == " " and start:
            start += 1
        tail = plain[start:] if start else plain
        rows: list[_Row] = []
        width = self.width
        for n, (a, b, cells) in enumerate(wrap_ranges(tail, width, width - self.hanging)):
            a += start
            b += start
            x = self.left + (self.hanging * self.char_width if n else 0.0)
            if self.align == "right":
                x = self.right - cells * self.char_width
            elif self.align == "center":
                x = self.left + max(0, width - cells) // 2 * self.char_width
            rows.append(
                _Row(
                    self.type,
                    plain[a:b],
                    slice_runs(self.runs, a, b),
                    x,
                    self.align,
                    self.element_index,
                    self.source_line,
                    para=self,
                    start=a,
                    end=b,
                )
            )
        return rows


@dataclass(slots=True)
class _Block:
    kind: str
    """heading, action, speech, dual, other or break."""
    rows: list[_Row]
    blank_before: int
    right: list[_Row] | None = None
    """Dual dialogue: the right-hand column (``rows`` is the left)."""
    element_index: int = 0
    contd: bool = False
    """A speech whose cue got (CONT'D) for following its own speaker's earlier speech."""

    @property
    def height(self) -> int:
        if self.right is not None:
            return max(len(self.rows), len(self.right))
        return len(self.rows)


def _cue_name(text: str) -> str:
    return _EXTENSION.sub("", text).strip().upper()


class _Builder:
    """Turns elements into blocks of wrapped rows."""

    def __init__(self, script: Script, layout: Layout, options: PrintOptions) -> None:
        self.script = script
        self.layout = layout
        self.options = options

    def rows_for(
        self, element: Element, index: int, style: ElementStyle, left: float, width: int, text: str
    ) -> list[_Row]:
        if "[[" in text and not self.options.print_notes:
            text = strip_notes(text)
        rows: list[_Row] = []
        last_line = max(element.end_line - 1, element.start_line)
        for offset, line in enumerate(text.split("\n")):
            runs = runs_for_line(line, upper=style.uppercase, bold=style.bold, italic=style.italic)
            plain = runs[0].text if len(runs) == 1 else "".join(run.text for run in runs)
            para = _Para(
                element.type,
                runs,
                plain,
                left,
                width,
                style.hanging,
                style.right,
                style.align,
                self.layout.char_width,
                index,
                min(element.start_line + offset, last_line),
            )
            rows.extend(para.rows())
        return rows

    def simple_rows(self, element: Element, index: int) -> list[_Row]:
        style = self.layout.style(element.type)
        width = self.layout.width_chars(element.type)
        return self.rows_for(element, index, style, style.left, width, element.text)

    def speech_rows(self, start: int, end: int, side: Side | None, contd: bool) -> list[_Row]:
        rows: list[_Row] = []
        for index in range(start, end):
            element = self.script.elements[index]
            style = self.layout.style(element.type)
            if side is None:
                left, width = style.left, self.layout.width_chars(element.type)
            else:
                left, width = self.layout.dual_column(side, element.type)
            text = element.text
            if index == start and contd:
                text = f"{text} {self.options.contd}"
            rows.extend(self.rows_for(element, index, style, left, width, text))
        if contd and rows:
            rows[0] = rows[0]._replace(contd=True)
        return rows


def _printable(element: Element, options: PrintOptions) -> bool:
    kind = element.type
    if kind in (T.SECTION, T.SYNOPSIS):
        return options.print_sections
    if kind is T.NOTE:
        return options.print_notes
    return True


def _build_blocks(script: Script, layout: Layout, options: PrintOptions) -> list[_Block]:
    builder = _Builder(script, layout, options)
    elements = script.elements
    count = len(elements)
    blocks: list[_Block] = []
    last_speaker: str | None = None
    scene_counter = 0
    previous: Element | None = None
    last_speech: tuple[int, int] | None = None  # element range of the block just added
    i = 0
    while i < count:
        element = elements[i]
        kind = element.type
        if not _printable(element, options):
            i += 1
            continue
        if kind in (T.PARENTHETICAL, T.DIALOGUE):
            kind = T.ACTION if kind is T.DIALOGUE else kind  # orphan dialogue prints as action
        if kind is T.CHARACTER:
            j = i + 1
            while j < count and elements[j].type in (T.PARENTHETICAL, T.DIALOGUE):
                j += 1
            name = _cue_name(element.text)
            if element.dual and last_speech is not None and blocks[-1].kind == "speech":
                left_start, left_end = last_speech
                block = blocks[-1]
                block.kind = "dual"
                block.rows = builder.speech_rows(left_start, left_end, "left", block.contd)
                block.right = builder.speech_rows(i, j, "right", False)
                last_speaker = None
                last_speech = None
            else:
                contd = (
                    options.contd_after_action
                    and last_speaker == name
                    and not _WRITTEN_CONTD.search(element.text)
                )
                rows = builder.speech_rows(i, j, None, contd)
                blocks.append(_Block("speech", rows, layout.style(T.CHARACTER).blank_before))
                blocks[-1].element_index = i
                blocks[-1].contd = contd
                last_speaker = name
                last_speech = (i, j)
            previous = elements[j - 1]
            i = j
            continue
        last_speech = None
        if kind is T.PAGE_BREAK:
            blocks.append(_Block("break", [], 0))
            last_speaker = None
            previous = element
            i += 1
            continue
        style = layout.style(element.type)
        blank = style.blank_before
        if (
            previous is not None
            and previous.type is element.type
            and kind in (T.LYRICS, T.CENTERED, T.ACTION)
            and previous.end_line >= element.start_line
        ):
            blank = 0
        if kind is T.PARENTHETICAL:  # an orphan parenthetical keeps its column
            rows = builder.simple_rows(element, i)
        else:
            act = element if kind is element.type else _as_action(element)
            rows = builder.simple_rows(act, i)
        block_kind = "other"
        if kind is T.SCENE_HEADING:
            scene_counter = _next_scene_number(element.scene_number, scene_counter)
            number = element.scene_number or str(scene_counter)
            if options.scene_numbers != "none" and rows:
                rows[0] = rows[0]._replace(scene_number=number)
            block_kind = "heading"
            last_speaker = None
        elif kind is T.ACTION:
            block_kind = "action"
        elif kind is not T.NOTE:
            last_speaker = None
        if rows:
            blocks.append(_Block(block_kind, rows, blank, element_index=i))
        previous = element
        i += 1
    return blocks


def _as_action(element: Element) -> Element:
    return Element(T.ACTION, element.text, element.start_line, element.end_line)


def _next_scene_number(written: str | None, counter: int) -> int:
    if written is not None:
        digits = re.match(r"\d+", written)
        return int(digits.group()) if digits else counter
    return counter + 1


# Breaking pages ---------------------------------------------------------------------------


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _sentence_ends(row: _Row) -> list[int]:
    """Offsets in the row's source line where a sentence ends inside or at the end of it."""
    text = row.text
    ends = [row.start + m.end() for m in _SENTENCE_INSIDE.finditer(text) if m.end() < len(text)]
    if _ends_sentence(text):
        ends.append(row.end)
    return ends


def _cut(body: list[_Row], room: int, mode: str) -> tuple[list[_Row], list[_Row]] | None:
    """Cut ``body`` into a head of at most ``room`` rows and a tail, two rows at least on
    each side, never after a parenthetical. ``mode``: ``sentence`` (at a sentence end,
    possibly inside a line, whose rest is rewrapped, or at the end of a source line),
    ``line`` (after any row) or ``any`` (no rules: a block taller than a page)."""
    count = len(body)
    if mode == "any":
        k = max(1, min(room, count - 1))
        return body[:k], body[k:]
    for r in range(min(room, count) - 1, 0, -1):
        row = body[r]
        if row.type is T.PARENTHETICAL:
            continue
        at_line_end = r + 1 < count and body[r + 1].para is not row.para
        if mode == "line":
            offsets = [row.end]
        else:
            offsets = _sentence_ends(row)
            if at_line_end:
                offsets.append(row.end)
        for offset in sorted(set(offsets), reverse=True):
            para = row.para
            if offset >= row.end or para is None:
                head, tail = body[: r + 1], body[r + 1 :]
            else:
                text = para.plain[row.start : offset].rstrip()
                stop = row.start + len(text)
                cut_row = row._replace(
                    text=text, runs=slice_runs(para.runs, row.start, stop), end=stop
                )
                head = [*body[:r], cut_row]
                tail = para.rows(offset) + [x for x in body[r + 1 :] if x.para is not para]
            if len(head) >= 2 and len(tail) >= 2:
                return head, tail
    return None


def _cue_length(rows: list[_Row]) -> int:
    """Rows of the cue that opens a speech's rows (a long cue wraps, and stays whole); 0
    for the rest of a speech cut without (MORE), which does not start with its cue."""
    cue = 0
    while (
        cue < len(rows)
        and rows[cue].type is T.CHARACTER
        and rows[cue].element_index == rows[0].element_index
    ):
        cue += 1
    return cue


class _Paginator:
    def __init__(self, layout: Layout, options: PrintOptions) -> None:
        self.layout = layout
        self.options = options
        self.capacity = layout.lines_per_page
        self.pages: list[Page] = [Page(options.first_page_number)]
        self.used = 0
        self.scene_pages: dict[int, int] = {}

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self, carry: bool = True) -> None:
        """Start a page. Scene headings left at the foot of the old page move with it
        (``carry``): a heading is never the last thing on a page."""
        old = self.page
        moved: list[PrintedLine] = []
        if carry:
            keep = len(old.lines)
            while keep and old.lines[keep - 1].type is T.SCENE_HEADING:
                keep -= 1
            if keep:  # a page of nothing but headings keeps them
                moved = old.lines[keep:]
                del old.lines[keep:]
        page = Page(old.number + 1)
        self.pages.append(page)
        self.used = 0
        if moved:
            first = moved[0].slot
            page.lines = [replace(line, slot=line.slot - first) for line in moved]
            page.first_source_line = moved[0].source_line or 0
            self.used = page.lines[-1].slot + 1
            for line in moved:
                if line.element_index in self.scene_pages:
                    self.scene_pages[line.element_index] = page.number

    def place(self, rows: list[_Row], side: Side | None = None, advance: bool = True) -> None:
        page = self.page
        if not page.lines and rows and rows[0].source_line is not None:
            page.first_source_line = rows[0].source_line
        base = self.used
        for offset, row in enumerate(rows):
            page.lines.append(
                PrintedLine(
                    slot=base + offset,
                    type=row.type,
                    text=row.text,
                    runs=row.runs,
                    x=row.x,
                    align=row.align,
                    element_index=row.element_index,
                    source_line=row.source_line,
                    more=row.more,
                    contd=row.contd,
                    scene_number=row.scene_number,
                    dual=side,
                )
            )
        if advance:
            self.used += len(rows)

    def more_row(self, last: _Row) -> _Row:
        text = self.options.more
        return _Row(
            T.CHARACTER,
            text,
            (Run(text),),
            self.layout.more_left,
            "left",
            last.element_index,
            last.source_line,
            more=True,
        )

    def contd_cue(self, cue: list[_Row]) -> list[_Row]:
        """The rows of a cue repeated over a cut speech: the whole cue, ``(CONT'D)`` at its
        end, rewrapped in the cue's column (a long cue wraps to more than one row)."""
        text = " ".join(row.text for row in cue)
        if cue[0].contd or _WRITTEN_CONTD.search(text) or self.options.contd in text:
            return [cue[0]._replace(contd=True), *cue[1:]]
        mark = f" {self.options.contd}"
        last = cue[-1]
        para = last.para
        if para is None:
            end = last._replace(text=last.text + mark, runs=(*last.runs, Run(mark)))
            rows = [*cue[:-1], end]
        else:
            more = replace(para, plain=para.plain + mark, runs=(*para.runs, Run(mark)))
            rows = [row for row in cue if row.para is not para] + more.rows()
        rows[0] = rows[0]._replace(contd=True)
        return rows

    def repeatable(self, cue: list[_Row]) -> bool:
        """Whether a cue repeated with (CONT'D) leaves room for two lines on a page."""
        return len(self.contd_cue(cue)) + 2 <= self.capacity

    def least_cut(self, block: _Block) -> int:
        """The fewest rows a cut anywhere leaves on a page: a speech keeps its cue, a line
        and (MORE), unless its cue is too long to repeat."""
        if block.kind == "speech":
            cue = _cue_length(block.rows)
            if 0 < cue < len(block.rows) and self.repeatable(block.rows[:cue]):
                return cue + 2
        return 1

    def min_first(self, block: _Block | None) -> int:
        """The fewest slots ``block`` may put on a page (its blank lines included)."""
        if block is None or block.kind == "break":
            return 0
        height = block.height
        if block.kind == "action" and height >= 4:
            least = 2
        elif block.kind == "speech" and height >= 5:
            least = 4  # cue, two lines, (MORE)
        elif block.kind == "heading":
            least = height
        else:
            least = height
        return block.blank_before + least

    def add(self, block: _Block, following: _Block | None) -> None:
        if block.kind == "break":
            if self.used:
                self.new_page(carry=False)
            return
        blank = block.blank_before if self.used else 0
        avail = self.capacity - self.used - blank
        if block.kind == "heading":
            need = block.height + self.min_first(following)
            if need > avail and self.used:
                self.new_page()
                blank, avail = 0, self.capacity - self.used  # below headings carried over
            if block.height > avail:  # longer than the page: what fits, the rest after
                if avail < 1:
                    self.new_page(carry=False)
                    blank, avail = 0, self.capacity
                self.scene_pages[block.element_index] = self.page.number
                self.used += blank
                self.place(block.rows[:avail])
                self.new_page(carry=False)
                rest = _Block("other", block.rows[avail:], 0, element_index=block.element_index)
                self.add(rest, following)
                return
            self.scene_pages[block.element_index] = self.page.number
            self.used += blank
            self.place(block.rows)
            return
        if block.height <= avail:
            self.used += blank
            self.put(block)
            return
        if self.split(block, avail, blank, strict=True):
            return
        if self.used and not all(line.type is T.SCENE_HEADING for line in self.page.lines):
            self.new_page()
            self.add(block, following)
            return
        # Longer than a whole page (under its heading): split where the rules allow, then
        # anywhere; on the next page when the headings leave too little room for a cut.
        if avail < self.least_cut(block):
            self.new_page(carry=False)
            self.add(block, following)
            return
        if not self.split(block, avail, blank, strict=False):
            self.split(block, avail, blank, strict=None)

    def put(self, block: _Block) -> None:
        if block.right is not None:
            self.place(block.rows, "left", advance=False)
            self.place(block.right, "right", advance=False)
            self.used += block.height
        else:
            self.place(block.rows)

    def split(self, block: _Block, avail: int, blank: int, strict: bool | None) -> bool:
        """Put the head of ``block`` on this page and the rest on the next; False if the
        rules leave no place to cut. ``strict`` True cuts only where the rules prefer
        (a sentence end), False at any line, None anywhere (a block taller than a page)."""
        rows = block.rows
        if block.kind == "dual" and block.right is not None:
            if strict:
                return False
            cut = max(1, avail)
            self.used += blank
            self.put(_Block("dual", block.rows[:cut], 0, block.right[:cut]))
            self.new_page()
            self.add(_Block("dual", block.rows[cut:], 0, block.right[cut:]), None)
            return True
        speech = block.kind == "speech"
        if not speech and block.kind != "action" and strict:
            return False
        modes: tuple[str, ...] = {True: ("sentence",), False: ("line",), None: ("any",)}[strict]
        if block.kind == "action" and strict:
            modes = ("sentence", "line")
        cue = _cue_length(rows) if speech else 0
        # A cue alone (before lyrics), or one too long to repeat, is cut as it is.
        speech = speech and 0 < cue < len(rows) and self.repeatable(rows[:cue])
        body = rows[cue:] if speech else rows
        room = avail - cue - 1 if speech else avail
        for mode in modes:
            parts = _cut(body, room, mode)
            if parts is not None:
                break
        else:
            return False
        head, tail = parts
        self.used += blank
        repeated: list[_Row] = []
        if speech:
            self.place([*rows[:cue], *head, self.more_row(head[-1])])
            repeated = self.contd_cue(rows[:cue])
            tail = [*repeated, *tail]
        else:
            self.place(head)
        self.new_page()
        page = self.page
        self.add(_Block(block.kind, tail, 0, element_index=block.element_index), None)
        speech_line = tail[len(repeated)].source_line if speech else None
        if speech_line is not None:
            # The repeated cue is not where the page starts in the source: its speech is.
            page.first_source_line = speech_line
        return True

    def finish(self) -> Pagination:
        starts = [(page.first_source_line, page.number) for page in self.pages]
        return Pagination(self.pages, self.layout, self.options, self.scene_pages, starts)


def paginate(
    script: Script, layout: Layout | None = None, options: PrintOptions | None = None
) -> Pagination:
    """Wrap and break ``script`` into pages (the title page is not one of them)."""
    options = options or PrintOptions()
    layout = layout or layout_for(None)
    if options.heading_blanks is not None and options.heading_blanks != layout.heading_blanks:
        layout = layout.with_heading_blanks(options.heading_blanks)
    blocks = _build_blocks(script, layout, options)
    paginator = _Paginator(layout, options)
    for index, block in enumerate(blocks):
        paginator.add(block, blocks[index + 1] if index + 1 < len(blocks) else None)
    if len(paginator.pages) > 1 and not paginator.page.lines:
        paginator.pages.pop()  # a trailing forced break leaves no empty page
    return paginator.finish()
