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
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat

from reelwright.desktop.themes import Theme
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

    # Decorators: formats other modules lay over blocks ---------------------------------------
    def add_decorator(self, decorator: Decorator, refresh: bool = True) -> None:
        """Lay ``decorator``'s spans over every block from now on (all blocks are redone
        at once unless ``refresh`` is False)."""
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

    def refresh_blocks(self, blocks: Iterable[QTextBlock | int] | None = None) -> None:
        """Highlight these blocks (block objects or numbers) again, or every block."""
        if blocks is None:
            self.rehighlight()
            return
        doc = self.document()
        for item in blocks:
            block = doc.findBlockByNumber(item) if isinstance(item, int) else item
            if block.isValid():
                self.rehighlightBlock(block)

    def _decorate(self, text: str, block: QTextBlock, to16: Callable[[int], int]) -> None:
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
                    self._merge(to16(first), to16(end), fmt)

    def set_theme(self, theme: Theme) -> None:
        self._formats = build_formats(theme)
        self.rehighlight()

    def set_caseless(self, caseless: bool) -> bool:
        """Follow the parser's choice for the script; True (and every block redone) when it
        changed."""
        if caseless == self.caseless:
            return False
        self.caseless = caseless
        self.rehighlight()
        return True

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
        to16 = utf16_offsets(text)
        formats = self._formats

        def apply(start: int, end: int, name: str) -> None:
            if end > start:
                self.setFormat(to16(start), to16(end) - to16(start), formats[name])

        base = BASE_FORMAT.get(info.kind)
        if base is not None:
            apply(0, len(text), base)
        for span in _emphasis_spans(text):
            if span[2].startswith("emph:"):
                self._merge(to16(span[0]), to16(span[1]), formats[span[2]])
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
            self._decorate(text, block, to16)

    def _merge(self, start: int, end: int, extra: QTextCharFormat) -> None:
        """Lay emphasis over whatever format the characters already have."""
        pos = start
        while pos < end:
            current = self.format(pos)
            run_end = pos + 1
            while run_end < end and self.format(run_end) == current:
                run_end += 1
            merged = QTextCharFormat(current)
            merged.merge(extra)
            self.setFormat(pos, run_end - pos, merged)
            pos = run_end
