"""From elements to blocks of wrapped rows: the first half of the pagination.

Each printable element is laid out in its column by the one line breaker
(:mod:`reelwright.screenplay.linebreak`) and gathered into blocks that the page breaker
(``page_breaks``) places or cuts: a scene heading, an action paragraph, a speech (cue,
parentheticals, dialogue), dual dialogue, a transition, an act marker. What a block is
built from decides the Final Draft rules that apply to it: ``(CONT'D)`` on a cue whose
speaker spoke last with only action between, the columns of dual dialogue, act breaks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from reelwright.screenplay.elements import Element, ElementType, RegionKind, Script
from reelwright.screenplay.emphasis import strip_notes
from reelwright.screenplay.layout import POINTS_PER_INCH, Align, ElementStyle, Layout
from reelwright.screenplay.linebreak import Breaker, text_columns
from reelwright.screenplay.page_model import (
    PrintOptions,
    Run,
    Side,
    centred_x,
    runs_for_line,
    slice_runs,
)
from reelwright.screenplay.vocabulary import character_name, split_cue

T = ElementType
_CONTINUED = frozenset({"CONTD", "CONTINUED"})
_VOICE_OVER = frozenset({"VO"})
_ACT_WORDS = re.compile(r"[0-9a-z]+")
_ACT_LABELS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "vii",
        "viii",
        "ix",
        "x",
        "xi",
        "xii",
    ]
)


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
    """The source line this row was wrapped from, so that a cut can rewrap its tail."""
    start: int = 0
    end: int = 0
    """The row's range in ``para.plain``."""
    lead: int = 0
    """Blank slots above the row inside its block (double-spaced lines)."""


class _Text(NamedTuple):
    """One source line as printed: its runs, its plain text and its lines (cacheable)."""

    runs: tuple[Run, ...]
    plain: str
    ranges: tuple[tuple[int, int, int], ...]


class _Para:
    """One source line of an element laid out in a column."""

    __slots__ = (
        "_breaker",
        "align",
        "anchor",
        "continues",
        "element_index",
        "hang",
        "layout",
        "left",
        "next_width",
        "plain",
        "ranges",
        "runs",
        "source_line",
        "spacing",
        "type",
        "width",
    )

    def __init__(
        self,
        kind: ElementType,
        text: _Text,
        left: float,
        width: int,
        next_width: int,
        align: Align,
        anchor: float,
        layout: Layout,
        element_index: int,
        source_line: int,
        spacing: int,
        continues: bool = False,
    ) -> None:
        self.type = kind
        self.runs = text.runs
        self.plain = text.plain
        self.ranges = text.ranges
        self.left = left
        self.width = width
        self.next_width = next_width
        self.hang = width - next_width
        self.align = align
        self.anchor = anchor
        self.layout = layout
        self.element_index = element_index
        self.source_line = source_line
        self.spacing = spacing
        self.continues = continues
        """A later group of lines of a very long source line: no first line here."""
        self._breaker: Breaker | None = None

    def row(self, start: int, end: int, cells: int, first: bool) -> _Row:
        cell = self.layout.char_width
        if self.align == "right":  # on whole points, as Final Draft places them
            x = math.floor((self.anchor - cells * cell) * POINTS_PER_INCH + 1e-6) / POINTS_PER_INCH
        elif self.align == "center":
            x = centred_x(self.anchor, cells, self.layout.pitch)
        else:
            x = self.left if first else self.left + self.hang * cell
        return _Row(
            self.type,
            self.plain[start:end],
            slice_runs(self.runs, start, end),
            x,
            self.align,
            self.element_index,
            self.source_line,
            para=self,
            start=start,
            end=end,
            lead=self.spacing - 1,
        )

    def rows(self) -> list[_Row]:
        first = not self.continues
        return [self.row(a, b, c, first and n == 0) for n, (a, b, c) in enumerate(self.ranges)]

    def lines_from(self, offset: int) -> Iterator[tuple[int, int, int]]:
        """The lines of ``plain[offset:]`` re-wrapped (the rest of a line cut by a page),
        all as later lines of the paragraph; the caller stops when they meet old ones."""
        if self._breaker is None:
            self._breaker = Breaker(self.plain, dashes=self.layout.dash_breaks)
        return self._breaker.lines(offset, self.next_width, self.next_width)


GROUP = 200
"""Lines of a very long source line wrapped as one paragraph. A page cut re-wraps the
rest of its paragraph; a line of megabytes is cut into groups of this many lines (at line
starts, so the lines are the same), so that no cut re-wraps more than a group."""


def _groups(text: _Text) -> list[_Text]:
    """``text`` cut into groups of :data:`GROUP` lines (itself when shorter)."""
    ranges = text.ranges
    if len(ranges) <= GROUP:
        return [text]
    groups: list[_Text] = []
    for first in range(0, len(ranges), GROUP):
        start = ranges[first][0]
        stop = ranges[first + GROUP][0] if first + GROUP < len(ranges) else len(text.plain)
        shifted = tuple((a - start, b - start, c) for a, b, c in ranges[first : first + GROUP])
        groups.append(_Text(slice_runs(text.runs, start, stop), text.plain[start:stop], shifted))
    return groups


class TextCache:
    """Wrapped source lines kept between paginations (the editor's analysis after each
    pause), so that a line that did not change is not wrapped again."""

    def __init__(self, limit: int = 200_000) -> None:
        self.texts: dict[tuple[object, ...], _Text] = {}
        self.limit = limit

    def get(self, key: tuple[object, ...], make: Callable[[], _Text]) -> _Text:
        found = self.texts.get(key)
        if found is None:
            if len(self.texts) >= self.limit:
                self.texts.clear()
            found = self.texts[key] = make()
        return found


def _make_text(
    line: str, style: ElementStyle, width: int, next_width: int, dashes: bool
) -> Callable[[], _Text]:
    def make() -> _Text:
        runs = runs_for_line(
            line,
            upper=style.uppercase,
            bold=style.bold,
            italic=style.italic,
            underline=style.underline,
        )
        plain = runs[0].text if len(runs) == 1 else "".join(run.text for run in runs)
        breaker = Breaker(plain, dashes=dashes)
        return _Text(runs, plain, tuple(breaker.lines(0, width, next_width)))

    return make


@dataclass(slots=True)
class Block:
    """Rows that the page breaker places or cuts as one."""

    kind: str
    """heading, action, speech, dual, transition, act, other or break."""
    rows: list[_Row]
    blank_before: int
    element_index: int = 0
    right: list[_Row] | None = None
    """Dual dialogue: the right-hand column (``rows`` is the left)."""
    keep_with_next: bool = False
    new_page: bool = False
    contd: bool = False
    """A speech whose cue got (CONT'D) for following its own speaker's speech."""
    continued: bool = False
    """The rest of a block cut by the previous page (a speech's cue repeated first)."""
    last_element: int = 0
    """The last element the block was built from."""
    shift: tuple[int, int] = (0, 0)
    """Elements and lines to add to its rows' (a block taken over from the pagination
    before an edit that added or removed lines above it)."""
    more: bool = False
    """A speech cut by a forced page break (``paginate``'s ``breaks``): ``(MORE)`` goes
    under its last row, in the slot after it, as under a speech the page cut."""

    def moved(self, elements: int, lines: int) -> Block:
        """This block with text added above it: ``elements`` more elements, ``lines`` more
        source lines (its rows are shared, not copied)."""
        if not elements and not lines:
            return self
        return replace(
            self,
            element_index=self.element_index + elements,
            last_element=self.last_element + elements,
            shift=(self.shift[0] + elements, self.shift[1] + lines),
        )

    def height(self, top: bool = False, limit: int | None = None) -> int:
        """Slots the block takes; at the top of a page the first row's lead is dropped.
        With ``limit``, counting stops past it (a block of thousands of lines is measured
        only as far as a page needs)."""
        height = rows_height(self.rows, top, limit)
        if self.right is not None:
            height = max(height, rows_height(self.right, top, limit))
        return height


def rows_height(rows: Sequence[_Row], top: bool = False, limit: int | None = None) -> int:
    """Slots ``rows`` take; at the top of a page the first row's lead is dropped. With
    ``limit``, a number over ``limit`` as soon as the count passes it."""
    if not rows:
        return 0
    if limit is None:
        return len(rows) + sum(row.lead for row in rows) - (rows[0].lead if top else 0)
    total = -rows[0].lead if top else 0
    for row in rows:
        total += 1 + row.lead
        if total > limit:
            return total
    return total


def _extensions(text: str) -> set[str]:
    """A cue's extensions as compared: ``(V.O.)``, ``(V. O.)``, ``(v/o)`` are all ``VO``."""
    return {re.sub(r"[^0-9A-Z]", "", extension.upper()) for extension in split_cue(text).extensions}


def written_contd(text: str) -> bool:
    """The cue already says it continues: ``(CONT'D)``, ``(CONTINUED)``."""
    return bool(_extensions(text) & _CONTINUED)


def continuing_name(text: str) -> str | None:
    """The speaker a cue continues for (CONT'D), or None for a voice-over: Final Draft
    never marks a voice-over as continued, nor a speech after one."""
    if _extensions(text) & _VOICE_OVER:
        return None
    return character_name(text)


def act_marker(text: str) -> str | None:
    """``new`` for a centred act marker (``ACT TWO``, ``TEASER``, ``COLD OPEN``, ``TAG``),
    ``end`` for its end (``END OF ACT TWO``), None for other centred text (JumpCut reads
    Final Draft's New Act and End of Act elements so)."""
    words = _ACT_WORDS.findall(text.casefold())
    end = bool(words) and words[0] == "end"
    if end:
        words = words[1:]
        while words and words[0] == "of":
            words = words[1:]
    if not words:
        return None
    first = words[0]
    marker = (
        first in ("teaser", "tag", "pilot", "prologue", "epilogue")
        or (first == "cold" and len(words) > 1 and words[1] in ("open", "opening"))
        or (
            first == "act"
            and len(words) > 1
            and ((words[1].isdigit() and len(words[1]) < 3) or words[1] in _ACT_LABELS)
        )
    )
    if not marker:
        return None
    return "end" if end else "new"


class Builder:
    """Turns a script's elements into blocks of wrapped rows."""

    def __init__(
        self, script: Script, layout: Layout, options: PrintOptions, cache: TextCache | None
    ) -> None:
        self.script = script
        self.layout = layout
        self.options = options
        self.cache = cache or TextCache()
        self.gaps = blank_gaps(script)
        self._widths = {kind: layout.width_chars(kind) for kind in layout.styles}

    # Rows ------------------------------------------------------------------------------------
    def rows_for(
        self,
        element: Element,
        index: int,
        style: ElementStyle,
        left: float,
        width: int,
        text: str,
        align: Align | None = None,
        anchor: float | None = None,
        kind: ElementType | None = None,
    ) -> list[_Row]:
        """Rows of ``text`` (an element's) in a column; ``kind`` is what they print as
        (dialogue with no cue above prints as action)."""
        if "[[" in text and not self.options.print_notes:
            text = strip_notes(text)
        layout = self.layout
        align = align or style.align
        if anchor is None:
            anchor = style.right if align == "right" else (style.left + style.right) / 2
        next_width = width - style.hanging
        dashes = layout.dash_breaks
        key_style = (style.uppercase, style.bold, style.italic, style.underline)
        rows: list[_Row] = []
        last_line = max(element.end_line - 1, element.start_line)
        for offset, line in enumerate(text.split("\n")):
            wrapped = self.cache.get(
                (line, key_style, width, next_width, dashes),
                _make_text(line, style, width, next_width, dashes),
            )
            source_line = min(element.start_line + offset, last_line)
            for number, group in enumerate(_groups(wrapped)):
                para = _Para(
                    kind or element.type,
                    group,
                    left,
                    width,
                    next_width,
                    align,
                    anchor,
                    layout,
                    index,
                    source_line,
                    style.line_spacing,
                    continues=number > 0,
                )
                rows.extend(para.rows())
        return rows

    def empty_row(self, index: int, line: int) -> _Row:
        """An empty line of action (a blank line the writer added)."""
        style = self.layout.style(T.ACTION)
        return _Row(T.ACTION, "", (Run(""),), style.left, "left", index, line)

    def simple_rows(
        self, element: Element, index: int, kind: ElementType | None = None
    ) -> list[_Row]:
        kind = kind or element.type
        style = self.layout.style(kind)
        return self.rows_for(
            element, index, style, style.left, self._widths[kind], element.text, kind=kind
        )

    def speech_rows(self, start: int, end: int, side: Side | None, contd: bool) -> list[_Row]:
        layout = self.layout
        rows: list[_Row] = []
        for index in range(start, end):
            element = self.script.elements[index]
            style = layout.style(element.type)
            text = element.text
            if index == start and contd and side is None:
                text = f"{text} {self.options.contd}"
            if side is None:
                rows.extend(
                    self.rows_for(
                        element, index, style, style.left, self._widths[element.type], text
                    )
                )
                continue
            if element.type is T.CHARACTER:
                left = layout.dual.dialogue[0 if side == "left" else 1][0]
                width = layout.dual_column(side, T.DIALOGUE)[1]
                anchor = layout.dual.cue_centre[0 if side == "left" else 1]
                cue = self.rows_for(element, index, style, left, width, text, "center", anchor)
                mark = f" {self.options.contd}"
                if index == start and contd and cue:
                    last = cue[-1]
                    if text_columns(last.text + mark) <= width:
                        # Centred on the name; (CONT'D) runs on to its right (Final Draft).
                        runs = (*last.runs, Run(mark))
                        cue[-1] = last._replace(text=last.text + mark, runs=runs)
                    else:  # too long for the column: the whole cue wraps and is centred
                        cue = self.rows_for(
                            element, index, style, left, width, text + mark, "center", anchor
                        )
                rows.extend(cue)
                continue
            left, width = layout.dual_column(side, element.type)
            dual_style = style if element.type is T.PARENTHETICAL else _plain_left(style)
            rows.extend(self.rows_for(element, index, dual_style, left, width, text, "left"))
        if contd and rows:
            rows[0] = rows[0]._replace(contd=True)
        return rows


def _plain_left(style: ElementStyle) -> ElementStyle:
    return ElementStyle(
        style.left,
        style.right,
        style.blank_before,
        "left",
        style.uppercase,
        0,
        style.bold,
        style.italic,
        style.underline,
        style.line_spacing,
    )


def more_row(layout: Layout, text: str, last: _Row, side: Side | None) -> _Row:
    """The ``(MORE)`` line under a speech cut by a page."""
    if side is None:
        x = layout.more_left
    else:
        x = centred_x(
            layout.dual.cue_centre[0 if side == "left" else 1], text_columns(text), layout.pitch
        )
    return _Row(
        T.CHARACTER, text, (Run(text),), x, "left", last.element_index, last.source_line, more=True
    )


def blank_gaps(script: Script) -> dict[int, int]:
    """Blank lines that end at each line (line -> how many), from the parser's regions."""
    return {
        region.end_line: region.end_line - region.start_line
        for region in script.regions
        if region.kind is RegionKind.BLANK
    }


def printable(element: Element, options: PrintOptions) -> bool:
    kind = element.type
    if kind in (T.SECTION, T.SYNOPSIS):
        return options.print_sections
    if kind is T.NOTE:
        return options.print_notes
    return True


def next_scene_number(written: str | None, counter: int) -> int:
    """The count the automatic numbers go on from (``12A`` -> 12): any length of digits."""
    if written is not None:
        digits = re.match(r"\d+", written)
        if digits and len(digits.group()) <= 18:
            return int(digits.group())
        return counter + 1
    return counter + 1


def build_blocks(
    script: Script,
    layout: Layout,
    options: PrintOptions,
    cache: TextCache | None = None,
    start: int = 0,
    state: BuildState | None = None,
    stop: int | None = None,
    pause: Callable[[], None] | None = None,
    builder: Builder | None = None,
) -> tuple[list[Block], list[BuildState], int, BuildState]:
    """Blocks of ``script`` from element ``start`` on (up to element ``stop``, exclusive),
    the builder's state before each block (so that a later build can start again at any
    block), the element it stopped at and the state there. A ``builder`` of the same
    script may be passed in to build on in small steps."""
    builder = builder or Builder(script, layout, options, cache)
    elements = script.elements
    count = len(elements)
    blocks: list[Block] = []
    states: list[BuildState] = []
    st = state or BuildState()
    speakers, scene_counter, previous_index, last_speech = (
        st.speakers,
        st.scene_counter,
        st.previous,
        st.last_speech,
    )
    gaps = builder.gaps
    i = start
    end = count if stop is None else min(stop, count)
    while i < end:
        if pause is not None and i % 64 == 0:
            pause()
        element = elements[i]
        kind = element.type
        if not printable(element, options):
            i += 1
            continue
        states.append(BuildState(speakers, scene_counter, previous_index, last_speech))
        gap = gaps.get(element.start_line, 0)
        if gap > 1 and previous_index is not None and kind is not T.PAGE_BREAK:
            # Blank lines the writer added are empty paragraphs (Fountain takes every
            # line break as intent): each pair of blank lines is one, as JumpCut writes
            # and reads Final Draft's empty action paragraphs, which print as a blank
            # line with its own line before it. Before a forced page break they would
            # only fill the end of the page: none is made.
            for pair in range(gap // 2):
                blank_line = element.start_line - gap + 1 + 2 * pair
                blocks.append(
                    Block("action", [builder.empty_row(i, blank_line)], 1, i, last_element=i - 1)
                )
                states.append(BuildState(speakers, scene_counter, previous_index, None))
            last_speech = None
        if kind is T.DIALOGUE:
            kind = T.ACTION  # orphan dialogue prints as action
        if kind is T.CHARACTER:
            j = i + 1
            while j < count and elements[j].type in (T.PARENTHETICAL, T.DIALOGUE):
                j += 1
            name = continuing_name(element.text)
            if element.dual and last_speech is not None and blocks and blocks[-1].kind == "speech":
                left_start, left_end = last_speech
                block = blocks[-1]
                block.kind = "dual"
                block.rows = builder.speech_rows(left_start, left_end, "left", block.contd)
                written = written_contd(element.text)
                right_contd = options.contd_after_action and name in speakers and not written
                block.right = builder.speech_rows(i, j, "right", right_contd)
                block.last_element = j - 1
                speakers = frozenset(
                    filter(None, (continuing_name(elements[left_start].text), name))
                )
                last_speech = None
                states.pop()  # the right side joins the block before it
            else:
                contd = (
                    options.contd_after_action
                    and name in speakers
                    and not written_contd(element.text)
                )
                rows = builder.speech_rows(i, j, None, contd)
                blank = layout.style(T.CHARACTER).blank_before
                blocks.append(Block("speech", rows, blank, i, contd=contd, last_element=j - 1))
                speakers = frozenset({name}) if name else frozenset()
                last_speech = (i, j)
            previous_index = j - 1
            i = j
            continue
        last_speech = None
        if kind is T.PAGE_BREAK:
            blocks.append(Block("break", [], 0, i, last_element=i))
            speakers = frozenset()
            previous_index = i
            i += 1
            continue
        style = layout.style(kind if kind is not T.PARENTHETICAL else T.PARENTHETICAL)
        blank = style.blank_before
        previous = elements[previous_index] if previous_index is not None else None
        if (
            previous is not None
            and previous.type is element.type
            and kind in (T.LYRICS, T.CENTERED, T.ACTION)
            and previous.end_line >= element.start_line
        ):
            blank = 0
        rows = builder.simple_rows(element, i, kind)
        block_kind = "other"
        keep = new_page = False
        if kind is T.SCENE_HEADING:
            scene_counter = next_scene_number(element.scene_number, scene_counter)
            number = element.scene_number or str(scene_counter)
            if options.scene_numbers != "none" and rows:
                rows[0] = rows[0]._replace(scene_number=number)
            block_kind, keep, new_page = "heading", True, style.new_page
            speakers = frozenset()
        elif kind is T.ACTION:
            block_kind = "action"
        elif kind is T.TRANSITION:
            block_kind = "transition"
            speakers = frozenset()
        elif kind is T.CENTERED and layout.act_breaks and (act := act_marker(element.text)):
            block_kind = "act"
            new_page = act == "new"
            blank = 2 if act == "end" else blank
            speakers = frozenset()
        elif kind not in (T.NOTE, T.SECTION, T.SYNOPSIS):
            speakers = frozenset()
        if rows:
            blocks.append(
                Block(
                    block_kind,
                    rows,
                    blank,
                    i,
                    keep_with_next=keep,
                    new_page=new_page,
                    last_element=i,
                )
            )
        else:
            states.pop()
        previous_index = i
        i += 1
    return blocks, states, i, BuildState(speakers, scene_counter, previous_index, last_speech)


class BuildState(NamedTuple):
    """What the block builder remembers from one block to the next."""

    speakers: frozenset[str] = frozenset()
    """Who spoke in the last speech (two names after dual dialogue), for (CONT'D)."""
    scene_counter: int = 0
    previous: int | None = None
    """Index of the last element built."""
    last_speech: tuple[int, int] | None = None
    """Elements of the speech just built, which a ``^`` cue turns into dual dialogue."""

    def shifted(self, elements: int) -> BuildState:
        """The same state with element indices moved by ``elements`` (text inserted above)."""
        speech = self.last_speech
        return BuildState(
            self.speakers,
            self.scene_counter,
            None if self.previous is None else self.previous + elements,
            None if speech is None else (speech[0] + elements, speech[1] + elements),
        )
