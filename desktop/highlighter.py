"""The script highlighter: a rule table per line kind plus block state for multi-line constructs.

Each block is classified by :func:`reelwright.screenplay.lines.classify` from its text,
the state left by the block above (title page, open boneyard, open note, dialogue after a
cue) and a look at the block below. Formats are then laid over the line: the kind's base
format, quiet markup characters, emphasis, inline notes and boneyard. Offsets passed to
``setFormat`` are UTF-16 code units, as Qt counts them.

The highlighter also notices when a block's kind differs from the kind its block format
was made for and reports it through ``on_kind_change``; the editor then updates the block's
indents. It never edits the document itself (that would re-enter Qt's change handling).

Other parts of the program lay their own character formats over a block without owning
the highlighter (spell check underlines, search hits): :meth:`ScriptHighlighter.add_decorator`
installs a function ``fn(block_text, block)`` that returns ``(start, length, format)`` spans
in Python string indices; each format is merged over the script's own formats, last. A
decorator whose answer changed without an edit (a word added to the dictionary) asks for
:meth:`ScriptHighlighter.refresh_blocks`. Without decorators, nothing of this runs.

A refresh never waits on the length of the script. ``QSyntaxHighlighter.rehighlightBlock``
makes Qt lay the document out again from that block to the end (about 3 ms a block in the
middle of 500 pages; ``rehighlight()`` of such a script held the window for a minute), so
:meth:`~ScriptHighlighter.refresh_blocks` hands the finished formats of a run of
neighbouring blocks to their layouts and asks for one layout pass for the run. The blocks
on screen are done at once; the others when they scroll into view or, a few at a time,
while the window is idle.

Characters sit on the page's grid: a Chinese, Japanese or Korean character takes two
columns in print (``screenplay.linebreak.char_columns``), but its glyph comes from a
fallback font whose advance is not two of the typewriter face's (16 px against 2 x 9.6 at
12 pt). The highlighter lays letter spacing over each character whose advance differs from
its columns (:meth:`ScriptHighlighter.set_grid`), so that a line of the screen holds the
characters a line of the page holds, and Qt breaks it where the page does (see
``tests/test_cjk_screen.py`` for what still differs).
"""

from __future__ import annotations

import logging
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextLayout,
)

from reelwright.desktop.themes import Theme
from reelwright.screenplay.linebreak import char_columns
from reelwright.screenplay.lines import (
    SCENE_NUMBER_RE,
    Kind,
    LineInfo,
    classify,
    is_spacer,
)
from reelwright.screenplay.vocabulary import (
    BONEYARD_CLOSE,
    BONEYARD_OPEN,
    NOTE_CLOSE,
    NOTE_OPEN,
    boneyard_spans,
    note_spans,
)

KIND_PROPERTY = 0x100100
"""QTextFormat user property on a block format: the Kind (+1) its indents were made for."""

log = logging.getLogger(__name__)

Span = tuple[int, int, str]
"""(start, end, format name) in Python string indices."""

Decoration = tuple[int, int, QTextCharFormat]
"""(start, length, format) in Python string indices, from a decorator."""

Decorator = Callable[[str, QTextBlock], Iterable[Decoration]]
"""Called with a block's text and the block; returns the spans to lay over it."""

VisibleRange = Callable[[], "tuple[int, int] | None"]
"""First and last block numbers on screen, or None when the text is not on screen."""

REFRESH_GAP = 48
"""Pending blocks this close are always laid out in one pass."""
PASS_PER_GAP = 10
"""A pass costs about a tenth of laying out one block for each block after it (0.8 and
7 us measured on 500 pages), so pending blocks farther apart than ``REFRESH_GAP`` are
still laid out together while the gap is under a tenth of the blocks after them."""
REFRESH_STEP_BLOCKS = 8
"""Pending blocks one idle step highlights again at most (each can take a millisecond
with spell check: a long line full of names)."""
REFRESH_SPAN = 300
"""Blocks one idle step lays out at most: with the pass that follows (up to 15 ms at the
top of 500 pages) a step stays under about 20 ms."""
QUIET_SECONDS = 0.5
"""Idle steps wait until the text has not changed for this long (typing goes first)."""


class _Runs:
    """The character formats of one line as runs of UTF-16 units, built as
    ``QSyntaxHighlighter.setFormat`` builds them (a later format replaces, ``merge`` lays
    one over what is there), so that the finished ranges can go to the block's layout in
    one call."""

    __slots__ = ("formats", "size", "starts")

    def __init__(self, size: int) -> None:
        self.size = size
        self.starts = [0]
        self.formats: list[QTextCharFormat | None] = [None]

    def _cut(self, at: int) -> int:
        """Index of the run starting at ``at`` (made by splitting one if needed)."""
        if at >= self.size:
            return len(self.starts)
        index = bisect_right(self.starts, at) - 1
        if self.starts[index] != at:
            index += 1
            self.starts.insert(index, at)
            self.formats.insert(index, self.formats[index - 1])
        return index

    def set(self, start: int, end: int, fmt: QTextCharFormat) -> None:
        start, end = max(0, start), min(self.size, end)
        if end <= start:
            return
        first, last = self._cut(start), self._cut(end)
        self.starts[first:last] = [start]
        self.formats[first:last] = [fmt]

    def merge(self, start: int, end: int, extra: QTextCharFormat) -> None:
        start, end = max(0, start), min(self.size, end)
        if end <= start:
            return
        first, last = self._cut(start), self._cut(end)
        for index in range(first, last):
            current = self.formats[index]
            merged = QTextCharFormat(current) if current is not None else QTextCharFormat()
            merged.merge(extra)
            self.formats[index] = merged

    def ranges(self) -> list[tuple[int, int, QTextCharFormat]]:
        """(start, length, format) of each run with a format, neighbours of one format
        joined (what QSyntaxHighlighter hands the layout)."""
        out: list[tuple[int, int, QTextCharFormat]] = []
        starts, formats = self.starts, self.formats
        for index, fmt in enumerate(formats):
            if fmt is None or fmt.isEmpty():
                continue
            start = starts[index]
            end = starts[index + 1] if index + 1 < len(starts) else self.size
            if out and out[-1][0] + out[-1][1] == start and out[-1][2] == fmt:
                out[-1] = (out[-1][0], end - out[-1][0], fmt)
            else:
                out.append((start, end - start, fmt))
        return out


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Map a Python index to a UTF-16 offset (they differ after characters beyond U+FFFF)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return lambda index: index
    table = [0]
    for ch in text:
        table.append(table[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return lambda index: table[index]


def _emphasis_spans(text: str) -> Iterable[Span]:
    """Bold/italic/underline runs and their quiet markers, from the core's emphasis parser.

    The core returns styled text without the marker characters; walking the line and the
    spans side by side recovers where each run sits and which characters were markers.
    """
    if "*" not in text and "_" not in text:
        return ()
    from reelwright.screenplay.emphasis import parse_emphasis

    spans: list[Span] = []
    pos = 0
    for span in parse_emphasis(text):
        style = "b" * span.bold + "i" * span.italic + "u" * span.underline
        run_start: int | None = None
        for ch in span.text:
            while pos < len(text) and text[pos] != ch:
                spans.append((pos, pos + 1, "markup"))
                pos += 1
            if pos >= len(text):
                break
            if run_start is None:
                run_start = pos
            pos += 1
        if style and run_start is not None:
            spans.append((run_start, pos, "emph:" + style))
    spans.extend((index, index + 1, "markup") for index in range(pos, len(text)))
    return spans


def markup_spans(kind: Kind, text: str) -> list[Span]:
    """The characters that force or mark an element: visible, but quiet."""
    spans: list[Span] = []
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    if not stripped:
        return spans
    first = stripped[0]
    if kind is Kind.SCENE_HEADING:
        if first == ".":
            spans.append((lead, lead + 1, "markup"))
        match = SCENE_NUMBER_RE.search(text)
        if match:
            spans.append((match.start(), match.end(), "markup"))
    elif kind is Kind.CHARACTER:
        if first == "@":
            spans.append((lead, lead + 1, "markup"))
        end = len(text.rstrip())
        if end and text[end - 1] == "^":
            spans.append((end - 1, end, "markup"))
        paren = min((p for p in (text.find("("), text.find("（")) if p > 0), default=-1)
        if paren > 0:
            spans.append((paren, end, "extension"))
    elif (
        (kind is Kind.ACTION and first == "!")
        or (kind is Kind.LYRICS and first == "~")
        or (kind is Kind.TRANSITION and first == ">")
    ):
        spans.append((lead, lead + 1, "markup"))
    elif kind is Kind.CENTERED:
        spans.append((lead, lead + 1, "markup"))
        end = len(text.rstrip())
        spans.append((end - 1, end, "markup"))
    elif kind is Kind.SECTION:
        hashes = len(stripped) - len(stripped.lstrip("#"))
        spans.append((lead, lead + hashes, "markup"))
    elif kind is Kind.SYNOPSIS:
        spans.append((lead, lead + 1, "markup"))
    elif kind is Kind.PAGE_BREAK:
        spans.append((0, len(text), "markup"))
    elif kind is Kind.TITLE_PAGE:
        colon = text.find(":")
        if colon > 0 and not text[:1].isspace():
            spans.append((0, colon + 1, "title_key"))
    return spans


def inline_spans(text: str, note_open: bool, boneyard_open: bool) -> list[Span]:
    """Notes and boneyard inside a line, including ones continued from the lines above and
    one left open at its end (it goes on below). Linear in the line, whatever it holds
    (the core's scans: a line of thousands of unclosed ``[[`` cannot stall typing)."""
    spans: list[Span] = []
    pos = 0
    if boneyard_open:
        end = text.find(BONEYARD_CLOSE)
        pos = len(text) if end < 0 else end + 2
        spans.append((0, pos, "boneyard"))
    elif note_open:
        end = text.find(NOTE_CLOSE)
        pos = len(text) if end < 0 else end + 2
        spans.append((0, pos, "note"))
    for opening, scan, name in (
        (NOTE_OPEN, note_spans, "note"),
        (BONEYARD_OPEN, boneyard_spans, "boneyard"),
    ):
        if opening not in text[pos:]:
            continue
        rest = text[pos:]
        last = 0
        for start, end in scan(rest):
            spans.append((pos + start, pos + end, name))
            last = end
        unclosed = rest.find(opening, last)
        if unclosed >= 0:
            spans.append((pos + unclosed, len(text), name))
    return spans


BASE_FORMAT = {
    Kind.SCENE_HEADING: "heading",
    Kind.PARENTHETICAL: "parenthetical",
    Kind.TRANSITION: "transition",
    Kind.SECTION: "section",
    Kind.SYNOPSIS: "synopsis",
    Kind.NOTE: "note",
    Kind.BONEYARD: "boneyard",
    Kind.LYRICS: "lyrics",
    Kind.TITLE_PAGE: "title",
    Kind.CHARACTER: "character",
}


def build_formats(theme: Theme) -> dict[str, QTextCharFormat]:
    def fmt(
        color: str, bold: bool = False, italic: bool = False, underline: bool = False
    ) -> QTextCharFormat:
        out = QTextCharFormat()
        out.setForeground(QColor(color))
        if bold:
            out.setFontWeight(QFont.Weight.Bold)
        if italic:
            out.setFontItalic(True)
        if underline:
            out.setFontUnderline(True)
        return out

    formats = {
        "heading": fmt(theme.heading, bold=True),
        "character": fmt(theme.heading),
        "parenthetical": fmt(theme.parenthetical),
        "extension": fmt(theme.parenthetical),
        "transition": fmt(theme.transition),
        "section": fmt(theme.section, bold=True),
        "synopsis": fmt(theme.synopsis, italic=True),
        "note": fmt(theme.note, italic=True),
        "boneyard": fmt(theme.boneyard),
        "lyrics": fmt(theme.text, italic=True),
        "title": fmt(theme.text),
        "title_key": fmt(theme.title_key),
        "markup": fmt(theme.markup),
    }
    for style in ("b", "i", "u", "bi", "bu", "iu", "biu"):
        out = QTextCharFormat()
        if "b" in style:
            out.setFontWeight(QFont.Weight.Bold)
        if "i" in style:
            out.setFontItalic(True)
        if "u" in style:
            out.setFontUnderline(True)
        formats["emph:" + style] = out
    return formats


def block_kind(block: QTextBlock) -> Kind | None:
    """The kind the block's format was made for, or None before the editor set one."""
    value = block.blockFormat().intProperty(KIND_PROPERTY)
    return Kind(value - 1) if value > 0 else None


def following_text(block: QTextBlock) -> str | None:
    """The line to classify ``block`` against: the next one, or the first after a run of
    lines of spaces (they keep a paragraph going); None at the end."""
    following = block.next()
    if not following.isValid():
        return None
    while following.isValid() and is_spacer(following.text()):
        following = following.next()
    return following.text() if following.isValid() else ""


class ScriptHighlighter(QSyntaxHighlighter):
    """Highlights one block at a time; ``mark_kind`` tells it the element the writer chose
    for a line whose text does not say it yet (a cue before its speech, an empty heading)."""

    def __init__(
        self,
        document: object,
        theme: Theme,
        mark_kind: Callable[[QTextBlock], Kind | None] = lambda block: None,
    ) -> None:
        super().__init__(document)  # type: ignore[call-overload]
        self._formats = build_formats(theme)
        self._mark_kind = mark_kind
        self.caseless = False
        """Names without letter case are cues in this script (Chinese, Japanese): the
        parser's per-script choice (``lines.caseless_cues_for``)."""
        self.changed_kinds: set[int] = set()
        """Block numbers whose kind differs from their block format; the editor drains it."""
        self.on_kind_change: Callable[[], None] = lambda: None
        self._decorators: list[Decorator] = []
        self.visible_range: VisibleRange = lambda: None
        """The blocks on screen (the editor sets it); None: refresh every block at once."""
        self._pending: list[int] = []
        """Sorted numbers of blocks to highlight again (see :meth:`refresh_blocks`)."""
        self._refreshing = False
        self._block_count = self.document().blockCount()
        self._changed_at = 0.0
        """When the text last changed (``time.monotonic``)."""
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._refresh_step)
        self.document().contentsChange.connect(self._follow_lines)
        self._cell = 0.0
        """Pixels of one column of the page's grid (the typewriter face's advance)."""
        self._metrics: QFontMetricsF | None = None
        self._spacing: dict[str, float] = {}
        """Letter spacing that puts each character on the grid, by character."""
        self._spacing_formats: dict[float, QTextCharFormat] = {}

    # The page's grid ---------------------------------------------------------------------
    def set_grid(self, font: QFont) -> None:
        """Put characters on the grid of ``font``'s ``M`` (the editor's face at its zoom):
        every line holding a character of another advance is redone."""
        metrics = QFontMetricsF(font)
        cell = metrics.horizontalAdvance("M")
        if cell == self._cell:
            return
        self._cell, self._metrics = cell, metrics
        self._spacing.clear()
        self._spacing_formats.clear()
        doc = self.document()
        if doc is None or doc.isEmpty():
            return
        lines = doc.toRawText().split("\u2029")
        self.refresh_blocks(n for n, line in enumerate(lines) if not line.isascii())

    def _grid_spacing(self, char: str) -> float:
        spacing = self._spacing.get(char)
        if spacing is None:
            columns = char_columns(char)
            spacing = 0.0
            if columns and self._metrics is not None:
                spacing = columns * self._cell - self._metrics.horizontalAdvance(char)
                if abs(spacing) < 0.01:
                    spacing = 0.0
            self._spacing[char] = spacing
        return spacing

    def _on_grid(self, text: str, to16: Callable[[int], int], runs: _Runs) -> None:
        """Letter spacing over the characters whose advance is not their columns."""
        start, current = 0, 0.0
        for index, char in enumerate(text):
            spacing = 0.0 if char < "\u0300" else self._grid_spacing(char)
            if spacing != current:
                if current:
                    runs.merge(to16(start), to16(index), self._spacing_format(current))
                start, current = index, spacing
        if current:
            runs.merge(to16(start), to16(len(text)), self._spacing_format(current))

    def _spacing_format(self, spacing: float) -> QTextCharFormat:
        fmt = self._spacing_formats.get(spacing)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
            fmt.setFontLetterSpacing(spacing)
            self._spacing_formats[spacing] = fmt
        return fmt

    # Decorators: formats other modules lay over blocks ---------------------------------------
    def add_decorator(self, decorator: Decorator, refresh: bool = True) -> None:
        """Lay ``decorator``'s spans over every block from now on (every block is redone,
        the ones on screen first, unless ``refresh`` is False)."""
        if decorator not in self._decorators:
            self._decorators.append(decorator)
        if refresh:
            self.refresh_blocks()

    def remove_decorator(self, decorator: Decorator, refresh: bool = True) -> None:
        if decorator in self._decorators:
            self._decorators.remove(decorator)
            if refresh:
                self.refresh_blocks()

    def decorators(self) -> tuple[Decorator, ...]:
        return tuple(self._decorators)

    # Refreshing without an edit ------------------------------------------------------------
    def refresh_blocks(self, blocks: Iterable[QTextBlock | int] | None = None) -> None:
        """Highlight these blocks (block objects or numbers) again, or every block: those
        on screen now, the others before they come on screen and while the window is idle.
        When the text is not on screen (``visible_range`` says None), all of them now."""
        doc = self.document()
        if doc is None:
            return
        if blocks is None:
            numbers: Iterable[int] = range(doc.blockCount())
        else:
            numbers = (
                item if isinstance(item, int) else (item.blockNumber() if item.isValid() else -1)
                for item in blocks
            )
        count = doc.blockCount()
        wanted = {n for n in numbers if 0 <= n < count}
        if not wanted:
            return
        self._block_count = count
        self._pending = sorted(wanted.union(self._pending))
        self.refresh_visible()

    def refresh_visible(self) -> None:
        """Redo the pending blocks now on screen (the editor calls it when it scrolls), and
        leave the others to idle time; every pending block at once when nothing is on
        screen."""
        if not self._pending or self._refreshing:
            return
        shown = self.visible_range()
        if shown is None:
            numbers, self._pending = self._pending, []
        else:
            first = bisect_left(self._pending, shown[0])
            last = bisect_right(self._pending, shown[1])
            numbers = self._pending[first:last]
            del self._pending[first:last]
        if numbers:
            self._redo(numbers)
        if self._pending and not self._idle.isActive():
            self._idle.start(0)

    def finish_refresh(self) -> None:
        """Redo every pending block now (tests, a picture of the window)."""
        self._idle.stop()
        numbers, self._pending = self._pending, []
        if numbers:
            self._redo(numbers)

    def refresh_pending(self) -> bool:
        """Are blocks waiting to be highlighted again?"""
        return bool(self._pending)

    def _merge_gap(self, number: int) -> int:
        """How far apart two pending blocks may be, ending at block ``number``, and still
        be laid out in one pass (see ``PASS_PER_GAP``)."""
        return max(REFRESH_GAP, (self._block_count - number) // PASS_PER_GAP)

    def _refresh_step(self) -> None:
        """One idle step, once the text has not changed for ``QUIET_SECONDS``: the last
        pending blocks (a pass costs less near the end), neighbours laid out together."""
        quiet = time.monotonic() - self._changed_at
        if quiet < QUIET_SECONDS:
            self._idle.start(int((QUIET_SECONDS - quiet) * 1000) + 1)
            return
        pending = self._pending
        if not pending:
            return
        end = len(pending)
        start = end - 1
        while (
            start > 0
            and end - start < REFRESH_STEP_BLOCKS
            and pending[end - 1] - pending[start - 1] <= REFRESH_SPAN
            and pending[start] - pending[start - 1] <= self._merge_gap(pending[start])
        ):
            start -= 1
        numbers = pending[start:end]
        del pending[start:end]
        self._redo(numbers)
        if pending:
            self._idle.start(0)

    def _follow_lines(self, position: int, _removed: int, _added: int) -> None:
        """Pending block numbers move with the lines an edit adds or removes."""
        self._changed_at = time.monotonic()
        doc = self.document()
        count = doc.blockCount()
        moved, self._block_count = count - self._block_count, count
        if not moved or not self._pending:
            return
        at = doc.findBlock(position).blockNumber()
        pending: list[int] = []
        for number in self._pending:
            if number > at:
                number = max(at, number + moved)
            if number < count and (not pending or pending[-1] != number):
                pending.append(number)
        self._pending = pending

    def _redo(self, numbers: list[int]) -> None:
        """Highlight the blocks ``numbers`` (ascending) again: their formats go to their
        layouts, and each run of neighbours is laid out in one pass."""
        doc = self.document()
        self._refreshing = True
        try:
            run: tuple[int, int] | None = None  # document positions of the dirty run
            last = -(1 << 30)
            block = QTextBlock()
            for number in numbers:
                if block.isValid() and number == block.blockNumber() + 1:
                    block = block.next()
                else:
                    block = doc.findBlockByNumber(number)
                if not block.isValid():
                    continue
                if not self._restyle(block):
                    continue
                start, end = block.position(), block.position() + block.length()
                if run is not None and number - last > self._merge_gap(number):
                    doc.markContentsDirty(run[0], run[1] - run[0])
                    run = None
                run = (start, end) if run is None else (run[0], end)
                last = number
            if run is not None:
                doc.markContentsDirty(run[0], run[1] - run[0])
        finally:
            self._refreshing = False

    def _restyle(self, block: QTextBlock) -> bool:
        """Give ``block``'s layout the formats it has now; True when they changed (the
        layout then needs a pass). A block whose state or kind changed too is highlighted
        the whole way (the lines below it may follow)."""
        text = block.text()
        prior = block.previous()
        prev_state = prior.userState() if prior.isValid() else -1
        info = self._line_info(block, text, prev_state)
        if info.state != block.userState() or block_kind(block) is not info.kind:
            self.rehighlightBlock(block)
            return False
        ranges = []
        for start, length, fmt in self._runs(block, text, info, prev_state).ranges():
            item = QTextLayout.FormatRange()
            item.start, item.length, item.format = start, length, fmt
            ranges.append(item)
        layout = block.layout()
        if layout.formats() == ranges:
            return False
        layout.setFormats(ranges)
        return True

    def set_theme(self, theme: Theme) -> None:
        self._formats = build_formats(theme)
        self.refresh_blocks()

    def set_caseless(self, caseless: bool) -> bool:
        """Follow the parser's choice for the script; True (and every block redone) when it
        changed."""
        if caseless == self.caseless:
            return False
        self.caseless = caseless
        self.refresh_blocks()
        return True

    # Classifying and formatting ---------------------------------------------------------------
    def line_info(self, block: QTextBlock, text: str | None = None) -> LineInfo:
        """What ``block`` is, from its text, the state of the block above, the line below
        and the writer's mark (an empty marked line shows as the element it waits for)."""
        prior = block.previous()
        prev_state = prior.userState() if prior.isValid() else -1
        return self._line_info(block, block.text() if text is None else text, prev_state)

    def _line_info(self, block: QTextBlock, text: str, prev_state: int) -> LineInfo:
        mark = self._mark_kind(block)
        info = classify(
            text,
            prev_state,
            following_text(block),
            first=not block.previous().isValid(),
            cue_mark=mark is Kind.CHARACTER,
            caseless=self.caseless,
        )
        if mark is not None and mark is not Kind.CHARACTER and not text.strip():
            return LineInfo(mark, info.state, info.visible)
        return info

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        prev_state = self.previousBlockState()
        info = self._line_info(block, text, prev_state)
        self.setCurrentBlockState(info.state)
        if block_kind(block) is not info.kind:
            self.changed_kinds.add(block.blockNumber())
            self.on_kind_change()
        if not text:
            return
        for start, length, fmt in self._runs(block, text, info, prev_state).ranges():
            self.setFormat(start, length, fmt)

    def _runs(self, block: QTextBlock, text: str, info: LineInfo, prev_state: int) -> _Runs:
        """The formats of one line: its kind's, quiet markup, emphasis, notes and boneyard,
        then the decorators' (UTF-16 offsets, as Qt counts)."""
        to16 = utf16_offsets(text)
        runs = _Runs(to16(len(text)))
        if not text:
            return runs
        formats = self._formats

        def apply(start: int, end: int, name: str) -> None:
            runs.set(to16(start), to16(end), formats[name])

        base = BASE_FORMAT.get(info.kind)
        if base is not None:
            apply(0, len(text), base)
        for span in _emphasis_spans(text):
            if span[2].startswith("emph:"):
                runs.merge(to16(span[0]), to16(span[1]), formats[span[2]])
            else:
                apply(*span)
        for span in markup_spans(info.kind, text):
            apply(*span)
        if prev_state >= 0:
            note_open = bool(prev_state & (1 << 9))
            boneyard_open = bool(prev_state & (1 << 8))
        else:
            note_open = boneyard_open = False
        if note_open or boneyard_open or "[[" in text or "/*" in text:
            for span in inline_spans(text, note_open, boneyard_open):
                apply(*span)
        if self._decorators:
            self._decorate(text, block, to16, runs)
        if self._cell and not text.isascii():
            self._on_grid(text, to16, runs)
        return runs

    def _decorate(
        self, text: str, block: QTextBlock, to16: Callable[[int], int], runs: _Runs
    ) -> None:
        size = len(text)
        for decorator in self._decorators:
            try:
                spans = list(decorator(text, block))
            except Exception:  # someone else's bug must not stop the script from showing
                log.exception("highlighter decorator %r failed", decorator)
                continue
            for start, length, fmt in spans:
                first = max(0, start)
                end = min(size, start + length)
                if end > first:
                    runs.merge(to16(first), to16(end), fmt)
