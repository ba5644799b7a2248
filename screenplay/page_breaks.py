"""From blocks to pages: where pages break, by Final Draft's rules.

The second half of the pagination (``page_blocks`` makes the blocks). One loop, no
recursion: a block that fits is placed; one that does not is cut where the rules allow
(:func:`split_flow` for action, :func:`split_speech` for a speech) or moved to the next
page; a block taller than a page is cut on an empty page where the rules allow, else at a
line. The rules themselves are listed in ``pagination``'s docstring.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.layout import Layout
from reelwright.screenplay.page_blocks import (
    Block,
    _Para,
    _Row,
    _Text,
    more_row,
    rows_height,
    written_contd,
)
from reelwright.screenplay.page_model import (
    Page,
    Pagination,
    PrintedLine,
    PrintOptions,
    Run,
    Side,
    slice_runs,
)

T = ElementType
_SENTENCE = re.compile(r"""[.!?]["'”’)\]}]*(?:\s+|$)|[。！？][」』）”’"')]*\s*""")
_SENTENCE_END = re.compile(r"""(?:[.!?]["'”’)\]}]*|[。！？][」』）”’"')]*)\s*$""")
_CONTENT = frozenset({T.PARENTHETICAL, T.DIALOGUE, T.LYRICS})
_SPOKEN = frozenset({T.DIALOGUE, T.LYRICS})

RUNT = 12
"""Action is not cut after a last line of this many characters or fewer."""
LEAST = 2
"""Lines a cut leaves on each side (of dialogue and parentheticals, for a speech)."""
SPLITTABLE_UNDER_HEADING = 5
"""A block kept with the heading above it is cut under it only when this tall."""
SUBSTANTIAL = 3
"""Lines of dialogue on the next page that make a speech's rest substantial."""
SUBSTANTIAL_CHARS = 16
PAUSE_EVERY = 32
"""Blocks between two calls of the paginator's ``pause``."""


class Checkpoint(NamedTuple):
    """Where a page starts: the next block to place and the rest of a cut block."""

    block: int
    pending: Block | None


def _sentence_ends(row: _Row) -> list[int]:
    """Offsets in ``row.para.plain`` where a sentence ends within the row: the start of
    what follows (after the spaces), up to the end of the source line."""
    para = row.para
    if para is None:
        return []
    plain = para.plain
    found: list[int] = []
    for match in _SENTENCE.finditer(plain, row.start, min(len(plain), row.end + 1)):
        if match.start() >= row.end:
            break
        end = match.end()
        while end < len(plain) and plain[end] == " ":
            end += 1
        found.append(end)
    return found


def _ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


class _Cut(NamedTuple):
    """One place to cut a list of rows: after row ``row``, or inside it at ``offset``."""

    row: int
    offset: int | None
    sentence: bool
    inside: bool
    """A sentence end inside a part of a speech (not between its parts)."""


class _Plan(NamedTuple):
    top: list[_Row]
    bottom: list[_Row]


def _top_rows(rows: Sequence[_Row], cut: _Cut) -> list[_Row] | None:
    """The rows above ``cut`` (None when the cut leaves nothing of its row)."""
    if cut.offset is None:
        return list(rows[: cut.row + 1])
    row = rows[cut.row]
    assert row.para is not None
    text = row.para.plain[row.start : cut.offset].rstrip()
    if not text:
        return None
    stop = row.start + len(text)
    cut_row = row._replace(text=text, runs=_slice(row, stop), end=stop)
    return [*rows[: cut.row], cut_row]


def _slice(row: _Row, stop: int) -> tuple[Run, ...]:
    assert row.para is not None
    return slice_runs(row.para.runs, row.start, stop)


class _Rest(NamedTuple):
    """What follows a cut: re-wrapped rows (the rest of the cut source line, until its new
    lines meet its old ones), then ``rows[kept:]`` as they were."""

    head: list[_Row]
    kept: int

    def count(self, total: int) -> int:
        return len(self.head) + total - self.kept

    def rows(self, rows: Sequence[_Row]) -> list[_Row]:
        return [*self.head, *rows[self.kept :]]


LOOKAHEAD = 8
"""New lines a candidate cut re-wraps to count what follows it; past them the old lines
stand in for the count (a paragraph that does not meet its old lines is a long one, and
the count only ranks cuts). The chosen cut re-wraps to the end of its paragraph."""


def _rest(rows: Sequence[_Row], cut: _Cut, lookahead: int | None = None) -> _Rest:
    """What follows ``cut``. The old rows of the cut line are walked alongside its new
    lines, so the cost is the lines re-wrapped, not the length of the line; with
    ``lookahead``, at most that many (then the count is close, not exact)."""
    if cut.offset is None:
        return _Rest([], cut.row + 1)
    para = rows[cut.row].para
    assert para is not None
    old = cut.row + 1
    count = len(rows)
    head: list[_Row] = []
    for start, end, cells in para.lines_from(cut.offset):
        while old < count and rows[old].para is para and rows[old].start < start:
            old += 1
        if head and old < count and rows[old].para is para and rows[old].start == start:
            return _Rest(head, old)
        head.append(para.row(start, end, cells, False))
        if lookahead is not None and len(head) >= lookahead:
            return _Rest(head, old)  # for counting only
    while old < count and rows[old].para is para:
        old += 1  # re-wrapped to its end: its old rows are all replaced
    return _Rest(head, old)


def _reach(rows: Sequence[_Row], room: int) -> int:
    """How many of ``rows`` a cut may keep on a page of ``room`` slots (leads counted,
    the first row's too: it follows something on the page)."""
    used = 0
    for index, row in enumerate(rows):
        used += 1 + row.lead
        if used > room:
            return index
    return len(rows)


def _visible(text: str) -> int:
    return len(text.strip())


def split_flow(rows: Sequence[_Row], room: int, runt_ok: bool) -> _Plan | None:
    """Cut action at the end of a sentence: two lines or more on each side, a last line on
    the page longer than twelve characters (unless ``runt_ok`` and the page is filled to
    its last line), as full a page as can be, then the most even. Only the rows a page can
    hold are looked at, so a paragraph of any length costs a page's worth."""
    reach = _reach(rows, room + (rows[0].lead if rows else 0))
    best: tuple[tuple[int, int], list[_Row], _Cut] | None = None
    # The fullest page wins: from the last reachable row up, the first row with a place to
    # cut decides (its cuts differ only in how even they are).
    for index in range(min(reach, len(rows)) - 1, -1, -1):
        if best is not None:
            break
        row = rows[index]
        for offset in _sentence_ends(row):
            cut = _Cut(index, None if offset >= row.end else offset, True, True)
            if cut.offset is None and index + 1 >= len(rows):
                continue  # the end of the block is no cut
            top = _top_rows(rows, cut)
            if top is None or len(top) < LEAST:
                continue
            rest = _rest(rows, cut, LOOKAHEAD)
            bottom_count = rest.count(len(rows))
            if bottom_count < LEAST:
                continue
            if _visible(top[-1].text) <= RUNT and not (runt_ok and len(top) == room):
                continue
            score = (len(top), -abs(len(top) - bottom_count))
            if best is None or score > best[0]:
                best = (score, top, cut)
    if best is None:
        return None
    _score, top, cut = best
    return _Plan(top, _rest(rows, cut).rows(rows))


def split_speech(rows: Sequence[_Row], cue: int, budget: int) -> _Plan | None:
    """Cut a speech's body (``rows[cue:]``, under ``cue`` rows of cue) with ``budget`` slots
    for the body on this page: between parts, or at a sentence end inside a dialogue of
    three lines or more; two lines of dialogue or parenthetical on each side. Ranked by
    sentence end, a substantial rest, a fuller page, an even cut, more text on the page."""
    body = rows[cue:]
    if len(body) < 2 * LEAST or budget < LEAST:
        return None
    reach = _reach(body, budget)
    # The parts (elements) the reachable rows belong to: (first row, end), the end capped
    # a few rows past the reach (enough to tell a part of three lines or more).
    parts: list[tuple[int, int]] = []
    index = 0
    limit = min(len(body), reach + 3)
    while index < limit:
        first = index
        element = body[index].element_index
        while index < len(body) and body[index].element_index == element and index < limit:
            index += 1
        parts.append((first, index))
    cuts: list[_Cut] = []
    for number, (first, end) in enumerate(parts):
        kind = body[first].type
        long_speech = kind in _SPOKEN and end - first >= 3
        if long_speech:
            for index in range(first, min(end, reach)):
                row = body[index]
                for offset in _sentence_ends(row):
                    at_end = offset >= row.end
                    if at_end and index + 1 >= end:
                        continue  # the part's end: below
                    cuts.append(_Cut(index, None if at_end else offset, True, True))
        last_part = number + 1 == len(parts) and end >= len(body)
        if not last_part and end <= reach and end < len(body):
            text = body[end - 1].text
            cuts.append(_Cut(end - 1, None, long_speech and _ends_sentence(text), False))
    best: tuple[tuple[object, ...], list[_Row], _Cut] | None = None
    seen: set[tuple[int, int]] = set()  # (part, lines on the page) of sentence cuts so far
    # From the last reachable row up; within a row in text order. A row whose best cut
    # ends a sentence and leaves a substantial rest decides: rows above can only give a
    # page with fewer lines.
    ordered = sorted(cuts, key=lambda c: (-c.row, 1 << 60 if c.offset is None else c.offset))
    for position, cut in enumerate(ordered):
        if (
            best is not None
            and best[0][0]
            and best[0][1]
            and (position == 0 or ordered[position - 1].row != cut.row)
        ):
            break
        top = _top_rows(body, cut)
        if top is None or rows_height(top) > budget:
            continue
        top_content = sum(1 for row in top if row.type in _CONTENT)
        rest = _rest(body, cut, LOOKAHEAD)
        bottom_count = rest.count(len(body))
        if top_content < LEAST or bottom_count < LEAST:
            continue
        bottom_spoken = _spoken(rest.head, 0, SUBSTANTIAL) + _spoken(body, rest.kept, SUBSTANTIAL)
        opening = rest.head[0] if rest.head else body[rest.kept] if rest.kept < len(body) else None
        terminal = _last_spoken(body, rest)
        part = next(n for n, (a, b) in enumerate(parts) if a <= cut.row < b)
        extension = cut.inside and (part, len(top)) in seen
        if cut.sentence:
            seen.add((part, len(top)))
        substantial = (
            bottom_spoken >= SUBSTANTIAL
            or extension
            or (
                cut.inside
                and bottom_spoken >= 1
                and opening is not None
                and len(opening.text.rstrip()) >= SUBSTANTIAL_CHARS
                and len(terminal.rstrip()) >= SUBSTANTIAL_CHARS
            )
        )
        score = (
            cut.sentence,
            substantial,
            len(top),
            -abs(top_content - bottom_count),
            sum(len(row.text) for row in top),
        )
        if best is None or score > best[0]:
            best = (score, top, cut)
    if best is None:
        return None
    _score, top, cut = best
    return _Plan(top, _rest(body, cut).rows(body))


def _spoken(rows: Sequence[_Row], start: int, enough: int) -> int:
    """Lines of dialogue in ``rows[start:]``, counted up to ``enough``."""
    count = 0
    for index in range(start, len(rows)):
        if rows[index].type in _SPOKEN:
            count += 1
            if count >= enough:
                break
    return count


def _last_spoken(body: Sequence[_Row], rest: _Rest) -> str:
    """The last line of dialogue after a cut (re-wrapped if the cut's line is the last)."""
    for index in range(len(body) - 1, rest.kept - 1, -1):
        if body[index].type in _SPOKEN:
            return body[index].text
    for row in reversed(rest.head):
        if row.type in _SPOKEN:
            return row.text
    return ""


def _cue_rows(rows: Sequence[_Row]) -> int:
    """Rows of the cue that opens a speech's rows (a long cue wraps and stays whole)."""
    if not rows or rows[0].type is not T.CHARACTER or rows[0].more:
        return 0
    cue = 0
    while (
        cue < len(rows)
        and rows[cue].type is T.CHARACTER
        and rows[cue].element_index == rows[0].element_index
    ):
        cue += 1
    return cue


def _break_block(block: Block) -> Block:
    return Block("break", [], 0, block.element_index, last_element=block.element_index)


def _ending(rows: list[_Row]) -> list[_Row]:
    """``rows`` whose last source line a forced break cut short: their rows get a copy of
    its paragraph that ends where they end, so that a page that cuts them again re-wraps
    no further than the break."""
    last = rows[-1] if rows else None
    para = last.para if last is not None else None
    if last is None or para is None or last.end >= len(para.plain.rstrip()):
        return rows
    end = last.end
    short = copy.copy(para)
    short.plain = para.plain[:end]
    short.runs = slice_runs(para.runs, 0, end)
    short.ranges = tuple(r for r in para.ranges if r[1] <= end)
    short._breaker = None
    return [row._replace(para=short) if row.para is para else row for row in rows]


def _in_word(text: str, offset: int) -> bool:
    """``offset`` falls inside a word, its punctuation included (of a script that spaces
    its words: Chinese and Japanese may break between any two characters)."""
    if offset >= len(text):
        return False
    before, after = text[offset - 1], text[offset]
    return not (before.isspace() or after.isspace() or _unspaced(before) or _unspaced(after))


def _unspaced(char: str) -> bool:
    """A character of a script that does not space its words (Korean does)."""
    return char >= "\u2e80" and not ("\uac00" <= char <= "\ud7af" or "\u3130" <= char <= "\u318f")


def _forced_cut(
    rows: Sequence[_Row], cue: int, pending: set[tuple[int | None, int]]
) -> tuple[tuple[int | None, int], list[_Row], list[_Row]] | None:
    """The first forced break in ``rows[cue:]`` (a speech's body, or action): the break,
    the rows before it and the rows after it (the cut line's rest re-wrapped)."""
    for index in range(cue, len(rows)):
        row = rows[index]
        para = row.para
        if para is None or row.more:
            continue
        for key in sorted(k for k in pending if k[0] == row.source_line):
            offset = key[1]
            if offset <= row.start:  # rows before it ended before it
                return key, list(rows[:index]), list(rows[index:])
            if offset >= row.end:
                continue
            plain = para.plain
            while offset < row.end and plain[offset] == " ":
                offset += 1
            while offset > row.start and _in_word(plain, offset):
                offset -= 1  # a page never begins inside a word: at its start
            if offset <= row.start:
                return key, list(rows[:index]), list(rows[index:])
            if offset >= row.end:
                if index + 1 == len(rows):
                    continue
                return key, list(rows[: index + 1]), list(rows[index + 1 :])
            cut = _Cut(index, offset, False, True)
            top = _top_rows(rows, cut)
            if top is None:
                return key, list(rows[:index]), list(rows[index:])
            return key, top, _rest(rows, cut).rows(rows)
    return None


class Paginator:
    """Places blocks on pages (see the module's docstring)."""

    def __init__(
        self, layout: Layout, options: PrintOptions, pause: Callable[[], None] | None = None
    ) -> None:
        self.pause = pause
        """Called every few blocks (the editor's worker lets the keyboard's thread run)."""
        self.layout = layout
        self.options = options
        self.capacity = layout.lines_per_page
        self.pages: list[Page] = [Page(options.first_page_number)]
        self.used = 0
        self.placed: list[tuple[int | None, int, int]] = []
        """On this page: (block index or None for a cut block's rest, its first line in
        ``page.lines``, slots used before it)."""
        self.scene_pages: dict[int, int] = {}
        self.checkpoints: list[Checkpoint] = [Checkpoint(0, None)]
        self.splice: Callable[[Paginator, int], bool] | None = None
        """Called at the start of each page with nothing carried over: True when it took
        the rest of the pages over (from the pagination before an edit), ending the run."""
        self._consumed: int | None = None
        """Blocks of the last chunk a cut took care of (None: the whole chunk)."""
        self._started = False
        """The page's first source line is known."""

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def turn(self, index: int, pending: Block | None) -> None:
        """Start a new page; ``index`` and ``pending`` say where it starts."""
        self.pages.append(Page(self.page.number + 1))
        self.used = 0
        self.placed = []
        self._started = False
        self.checkpoints.append(Checkpoint(index, pending))

    # Measures ------------------------------------------------------------------------------
    def _margin_cue(self, block: Block) -> bool:
        """A continued speech's one-line cue, drawn above the top margin (Final Draft)."""
        return (
            block.continued
            and self.used == 0
            and block.right is None
            and _cue_rows(block.rows) == 1
            and len(block.rows) > 1
        )

    def need(self, block: Block, first: bool) -> int:
        """Slots ``block`` takes here with its blank lines (``first``: first of a chunk)."""
        top = self.used == 0 and first
        blank = 0 if top else block.blank_before
        height = block.height(top, self.capacity + 1)
        return blank + height - (1 if self._margin_cue(block) else 0)

    def chunk_need(self, chunk: Sequence[Block]) -> int:
        total = 0
        for position, block in enumerate(chunk):
            if position == 0:
                total += self.need(block, True)
            else:
                total += block.blank_before + block.height(limit=self.capacity + 1)
        return total

    # Placing --------------------------------------------------------------------------------
    def put(self, block: Block, index: int | None) -> None:
        page = self.page
        top = self.used == 0
        blank = 0 if top else block.blank_before
        self.placed.append((index, len(page.lines), self.used))
        base = self.used + blank
        if block.kind == "heading":
            self.scene_pages[block.element_index] = page.number
        rows = block.rows
        shift = block.shift
        if self._margin_cue(block):
            self._place(rows[:1], -1, None, True, shift)
            rows = rows[1:]
            top = False  # the speech goes on below its cue: a double-spaced line keeps its blank
        height = self._place(rows, base, "left" if block.right is not None else None, top, shift)
        if block.right is not None:
            height = max(height, self._place(block.right, base, "right", top, shift))
        elif block.more and rows:
            more = more_row(self.layout, self.options.more, rows[-1], None)
            height += self._place([more], base + height, None, False, shift)
        self.used = base + height

    def _place(
        self,
        rows: Sequence[_Row],
        base: int,
        side: Side | None,
        top: bool,
        shift: tuple[int, int] = (0, 0),
    ) -> int:
        page = self.page
        slot = base
        elements, lines = shift
        for position, row in enumerate(rows):
            if position or not top:
                slot += row.lead
            element = row.element_index
            source = row.source_line
            if elements and element is not None:
                element += elements
            if lines and source is not None:
                source += lines
            if slot >= 0 and source is not None and not self._started:
                page.first_source_line = source  # not the cue above the margin
                self._started = True
            page.lines.append(
                PrintedLine(
                    slot=slot,
                    type=row.type,
                    text=row.text,
                    runs=row.runs,
                    x=row.x,
                    align=row.align,
                    element_index=element,
                    source_line=source,
                    more=row.more,
                    contd=row.contd,
                    scene_number=row.scene_number,
                    dual=side,
                )
            )
            slot += 1
        return slot - base

    # The loop -------------------------------------------------------------------------------
    def run(self, blocks: Sequence[Block], index: int = 0, pending: Block | None = None) -> None:
        count = len(blocks)
        steps = 0
        while pending is not None or index < count:
            steps += 1
            if self.pause is not None and steps % PAUSE_EVERY == 0:
                self.pause()
            if (
                pending is None
                and not self.page.lines
                and self.splice is not None
                and self.splice(self, index)
            ):
                return
            if pending is not None:
                chunk: Sequence[Block] = (pending,)
                chunk_index: int | None = None
                after = index
                pending = None
            else:
                block = blocks[index]
                if block.kind == "break":
                    index += 1
                    if self.page.lines:
                        self.turn(index, None)
                    continue
                if block.new_page and self.page.lines:
                    self.turn(index, None)
                end = index
                while (
                    blocks[end].keep_with_next
                    and end + 1 < count
                    and blocks[end + 1].kind != "break"
                    and not blocks[end + 1].new_page
                ):
                    end += 1
                chunk, chunk_index, after = blocks[index : end + 1], index, end + 1
            if self.chunk_need(chunk) <= self.capacity - self.used:
                for offset, block in enumerate(chunk):
                    self.put(block, None if chunk_index is None else chunk_index + offset)
                index = after
                continue
            rest = self.cut_chunk(chunk, chunk_index, forced=False)
            if (
                rest is None
                and chunk_index is not None
                and chunk[0].kind == "transition"
                and self.pull_back(blocks, chunk, chunk_index)
            ):
                index = after
                continue
            if rest is None and self.used:
                if chunk_index is None:
                    pending = chunk[0]
                self.turn(index if chunk_index is not None else after, pending)
                continue
            if rest is None:
                rest = self.cut_chunk(chunk, chunk_index, forced=True)
            index = after
            if self._consumed is not None and chunk_index is not None:
                index = chunk_index + self._consumed  # a heading taller than a page was cut
            if rest is not None:
                self.turn(index, rest)
                pending = rest

    def pull_back(self, blocks: Sequence[Block], chunk: Sequence[Block], index: int) -> bool:
        """A transition that does not fit takes the block before it to the next page (with
        the headings kept with that block, so that none is left at the page's foot)."""
        take = 1
        while take < len(self.placed) and self._kept_with_next(blocks, self.placed[-take - 1]):
            take += 1
        if take >= len(self.placed):
            return False  # nothing would be left on this page
        placed = self.placed[-take:]
        if any(block_index is None for block_index, _line, _used in placed):
            return False
        pulled = [
            blocks[block_index] for block_index, _line, _used in placed if block_index is not None
        ]
        if pulled[-1].kind == "heading" or pulled[-1].continued:
            return False
        limit = self.capacity + 1
        total = sum(block.blank_before + block.height(limit=limit) for block in [*pulled, *chunk])
        if total - pulled[0].blank_before > self.capacity:
            return False
        first_index, first_line, used_before = placed[0]
        assert first_index is not None
        del self.page.lines[first_line:]
        self.used = used_before
        del self.placed[-take:]
        self.turn(first_index, None)
        for offset, block in enumerate(pulled):
            self.put(block, first_index + offset)
        for offset, block in enumerate(chunk):
            self.put(block, index + offset)
        return True

    @staticmethod
    def _kept_with_next(blocks: Sequence[Block], placed: tuple[int | None, int, int]) -> bool:
        return placed[0] is not None and blocks[placed[0]].keep_with_next

    # Cutting --------------------------------------------------------------------------------
    def cut_chunk(self, chunk: Sequence[Block], index: int | None, forced: bool) -> Block | None:
        """Put what the rules allow of ``chunk`` on this page and return the rest (None:
        nothing could be cut and nothing was placed). ``forced``: an empty page, and the
        chunk does not fit even so: cut it where the rules allow, else at a line."""
        self._consumed = None
        *heads, last = chunk
        used = self.used
        for position, head in enumerate(heads):
            blank = 0 if used == 0 and position == 0 else head.blank_before
            used += blank + head.height(used == 0, self.capacity + 1)
        if heads and used >= self.capacity:
            if not forced:
                return None
            return self._cut_headings(list(chunk), index)
        blank = 0 if used == 0 else last.blank_before
        room = self.capacity - used - blank
        if (
            heads
            and not forced
            and last.height(limit=SPLITTABLE_UNDER_HEADING) < SPLITTABLE_UNDER_HEADING
        ):
            return None
        plan: tuple[Block, Block] | None = None
        if room >= 1:
            plan = self._split(last, room, at_top=used == 0, runt_ok=bool(heads))
            if plan is None and forced:
                plan = self._force(last, room, at_top=used == 0)
        if plan is None:
            if forced and heads:
                for position, head in enumerate(heads):
                    self.put(head, None if index is None else index + position)
                return last
            return None
        for position, head in enumerate(heads):
            self.put(head, None if index is None else index + position)
        top, rest = plan
        self.put(top, None)
        return rest

    def _cut_headings(self, chunk: list[Block], index: int | None) -> Block | None:
        """Headings taller than a page (thousands of characters): the headings that fit,
        then what fits of the next one; its rest goes on the next page, and the blocks
        after it follow as usual (``_consumed`` says how many of the chunk are done)."""
        heads = chunk[:-1]
        for position, block in enumerate(heads):
            room = self.capacity - self.used - (block.blank_before if self.used else 0)
            if block.height(self.used == 0, self.capacity + 1) <= room:
                self.put(block, None if index is None else index + position)
                continue
            if room < 1:  # the page is full: this heading starts the next one
                self._consumed = position
                return None
            cut = _fitting(block.rows, room, self.used == 0)
            self.put(replace(block, rows=block.rows[:cut], keep_with_next=False), None)
            self._consumed = position + 1
            return replace(
                block, rows=block.rows[cut:], blank_before=0, kind="other", keep_with_next=False
            )
        self._consumed = len(heads)  # the block under them is placed as any other
        return None

    def _split(
        self, block: Block, room: int, at_top: bool, runt_ok: bool
    ) -> tuple[Block, Block] | None:
        if block.kind == "action":
            plan = split_flow(block.rows, room, runt_ok)
            if plan is None:
                return None
            return (
                replace(block, rows=plan.top, keep_with_next=False),
                replace(block, rows=plan.bottom, blank_before=0, new_page=False),
            )
        if block.kind == "speech":
            cue = _cue_rows(block.rows)
            if cue == 0 or cue >= len(block.rows):
                return None
            margin = block.continued and at_top and cue == 1
            budget = room - (0 if margin else rows_height(block.rows[:cue], at_top))
            plan = split_speech(block.rows, cue, budget)
            if plan is None:
                return None
            return self._speech_parts(block, cue, plan.top, plan.bottom)
        return None

    def _speech_parts(
        self, block: Block, cue: int, top: list[_Row], bottom: list[_Row]
    ) -> tuple[Block, Block]:
        cue_rows = block.rows[:cue]
        more = more_row(self.layout, self.options.more, top[-1], None)
        head = replace(block, rows=[*cue_rows, *top, more], more=False)
        rest = replace(
            block,
            rows=[*self._contd_cue(cue_rows), *bottom],
            blank_before=0,
            continued=True,
            new_page=False,
        )
        return head, rest

    def _force(self, block: Block, room: int, at_top: bool) -> tuple[Block, Block] | None:
        """Cut ``block`` at a line: what fits in ``room`` here, the rest after. A speech
        keeps its cue with a line of it (None: not here, on the next page), unless the cue
        alone fills a whole page."""
        if block.right is not None:
            return self._force_dual(block, room, at_top)
        rows = block.rows
        cue = _cue_rows(rows) if block.kind == "speech" else 0
        margin = block.continued and at_top and cue == 1
        cue_height = 0 if margin else rows_height(rows[:cue], at_top)
        if cue and cue < len(rows):
            if cue_height + 1 <= room:
                body = rows[cue:]
                fit = _fitting(body, room - cue_height, top=False)
                if fit < len(body):
                    return self._speech_parts(block, cue, list(body[:fit]), list(body[fit:]))
            elif not at_top:
                return None
        fit = _fitting(rows, room, at_top)
        kind = "other" if block.kind in ("speech", "heading") else block.kind
        return replace(block, rows=list(rows[:fit]), keep_with_next=False, more=False), replace(
            block,
            rows=list(rows[fit:]),
            blank_before=0,
            kind=kind,
            continued=False,
            new_page=False,
            keep_with_next=False,
        )

    def _force_dual(self, block: Block, room: int, at_top: bool) -> tuple[Block, Block] | None:
        """Dual dialogue taller than a page: both sides cut at the same line, each with its
        (MORE) and its cue repeated with (CONT'D)."""
        assert block.right is not None
        cues = max(_cue_rows(block.rows), _cue_rows(block.right))
        if not at_top and cues + 1 > room:
            return None  # the cues and a line of each on the next page
        sides: list[tuple[list[_Row], list[_Row]]] = []
        side: Side
        for side, rows in (("left", block.rows), ("right", block.right)):
            cue = _cue_rows(rows)
            fit = min(len(rows), _fitting(rows, room, at_top))
            top, rest = list(rows[:fit]), list(rows[fit:])
            if rest and cue and fit > cue:
                top.append(more_row(self.layout, self.options.more, top[-1], side))
                rest = [*self._contd_cue(rows[:cue]), *rest]
            sides.append((top, rest))
        (left_top, left_rest), (right_top, right_rest) = sides
        head = replace(block, rows=left_top, right=right_top, keep_with_next=False)
        if not left_rest and not right_rest:
            left_rest = [left_top.pop()]  # nothing to cut: at least one line moves on
        rest = replace(
            block,
            rows=left_rest,
            right=right_rest,
            blank_before=0,
            continued=True,
            new_page=False,
        )
        return head, rest

    # Forced breaks -----------------------------------------------------------------------------
    def force(self, blocks: Sequence[Block], breaks: Iterable[tuple[int, int]]) -> list[Block]:
        """``blocks`` with a page break at each forced break, ``(source line, offset in the
        line's printed text)``. Inside a speech the speech is cut there as a page end cuts
        it: ``(MORE)`` under the part before, the cue again with ``(CONT'D)`` over the rest;
        an action paragraph goes on at the top of the next page. A break at the start of a
        block comes before it; one that falls on no row of a speech's body or of action
        (a cue, a heading, dual dialogue) is not made."""
        wanted: dict[int, list[int]] = {}
        for line, offset in breaks:
            wanted.setdefault(line, []).append(max(offset, 0))
        out: list[Block] = []
        for block in blocks:
            if (
                block.kind in ("speech", "action")
                and block.right is None
                and any(row.source_line in wanted for row in block.rows)
            ):
                out.extend(self._forced_pieces(block, wanted))
            else:
                out.append(block)
        return out

    def _forced_pieces(self, block: Block, wanted: dict[int, list[int]]) -> list[Block]:
        """``block`` cut at the forced breaks that fall in it, with a break block before
        each piece after the first."""
        pending = {
            (row.source_line, offset)
            for row in block.rows
            if row.source_line is not None
            for offset in wanted.get(row.source_line, ())
        }
        pieces: list[Block] = []
        while pending:
            speech = block.kind == "speech"
            cue = _cue_rows(block.rows) if speech else 0
            if speech and (cue == 0 or cue >= len(block.rows)):
                break
            found = _forced_cut(block.rows, cue, pending)
            if found is None:
                break
            key, top, bottom = found
            pending.discard(key)
            if len(top) <= cue:  # at the block's start: the page breaks before it
                if not pieces:
                    pieces.extend([_break_block(block), block])
                continue
            top = _ending(top)
            if speech:
                head = replace(block, rows=top, keep_with_next=False, more=True)
                rest = replace(
                    block,
                    rows=[*self._contd_cue(block.rows[:cue]), *bottom],
                    blank_before=0,
                    continued=True,
                    new_page=False,
                )
            else:
                head = replace(block, rows=top, keep_with_next=False)
                rest = replace(block, rows=bottom, blank_before=0, new_page=False)
            if pieces and pieces[-1] is block:
                pieces[-1] = head
            else:
                pieces.append(head)
            pieces.extend([_break_block(block), rest])
            block = rest
        return pieces or [block]

    def _contd_cue(self, cue: Sequence[_Row]) -> list[_Row]:
        """The cue repeated over a cut speech: the whole cue with (CONT'D) at its end,
        re-wrapped in the cue's column."""
        text = " ".join(row.text for row in cue)
        contd = self.options.contd
        if cue[0].contd or written_contd(text) or (contd and contd in text):
            return [cue[0]._replace(contd=True), *cue[1:]]
        mark = f" {contd}"
        last = cue[-1]
        para = last.para
        if para is None:
            rows = [*cue[:-1], last._replace(text=last.text + mark, runs=(*last.runs, Run(mark)))]
        else:
            from reelwright.screenplay.linebreak import Breaker

            plain = para.plain + mark
            breaker = Breaker(plain, dashes=self.layout.dash_breaks)
            wrapped = _Text(
                (*para.runs, Run(mark)), plain, tuple(breaker.lines(0, para.width, para.next_width))
            )
            grown = _Para(
                para.type,
                wrapped,
                para.left,
                para.width,
                para.next_width,
                para.align,
                para.anchor,
                para.layout,
                para.element_index,
                para.source_line,
                para.spacing,
            )
            rows = [row for row in cue if row.para is not para] + grown.rows()
        rows[0] = rows[0]._replace(contd=True)
        return rows

    def finish(self) -> Pagination:
        if len(self.pages) > 1 and not self.page.lines:
            self.pages.pop()  # a trailing forced break leaves no empty page
            self.checkpoints.pop()
        starts = [(page.first_source_line, page.number) for page in self.pages]
        return Pagination(self.pages, self.layout, self.options, self.scene_pages, starts)


def _fitting(rows: Sequence[_Row], room: int, top: bool) -> int:
    """How many of ``rows`` fit in ``room`` slots (at least one)."""
    used = 0
    for position, row in enumerate(rows):
        used += 1 + (row.lead if position or not top else 0)
        if used > room:
            return max(1, position)
    return len(rows)
