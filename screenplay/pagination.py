"""Pagination: wrap every element to its column and cut the script into pages.

Computed once, in the core, and shared by the PDF writer, the page count in the status bar,
the navigator's page numbers and the editor's page rules. The rules are Final Draft's, as
its PDFs in ``../shared/final-draft/`` show them and as SimonGZ/jumpcut's documents write
them down (``docs/pagination-spec.md``, ``docs/final-draft-dialogue-splitting-rules.md``);
``benchmarks/compare_pages.py`` measures how far our pages are from Final Draft's.

- **Spacing.** Each element has its blank lines before it (two before a scene heading, one
  before action, a cue or a transition, none inside a speech); at the top of a page they
  are dropped. A page holds the layout's lines (54 on Letter).
- **Keeping together.** A scene heading keeps with the block after it: when both do not fit,
  the block under it may be cut (if it is five lines or more), else both move on. A
  transition that does not fit takes the block before it along to the next page.
- **Action** is cut only at the end of a sentence, with two lines or more on each side and
  a last line on the page longer than twelve characters; the fullest page wins.
- **Speeches** are cut between their parts (cue, parenthetical, dialogue) or at the end of a
  sentence inside a dialogue of three lines or more, with two lines of dialogue or
  parenthetical on each side. A sentence end is preferred, then a substantial rest on the
  next page, then the fullest page, then the most even cut. ``(MORE)`` goes under the cut
  and the cue is repeated with ``(CONT'D)`` above the next page's first line; neither counts
  against the page's lines (Final Draft draws them in the margins).
- **Dual dialogue** moves whole; a dual block taller than a page is cut at the same line on
  both sides, each side with its ``(MORE)`` and ``(CONT'D)``.
- A forced break (``===``) starts a new page, and so do a centred act marker
  (``> ACT TWO <``) and, in the multi-camera template, each scene heading. Locked pages
  also force breaks inside a speech or a paragraph (``paginate``'s ``breaks``): a speech is
  cut there with ``(MORE)`` and ``(CONT'D)`` exactly as above, whatever the rules would pick.
- Anything taller than a page is cut where the rules allow, else at a line, so nothing is
  ever lost or printed off the page.

The work is plain Python over plain data, in three modules: ``page_blocks`` (elements to
wrapped rows), ``page_breaks`` (rows to pages) and this entry point. Nothing recurses; a
source line is wrapped once (a cut re-wraps only until the new lines meet the old); with a
:class:`PaginationCache` an analysis after an edit re-wraps only changed lines and takes
over the pages before the change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reelwright.screenplay.elements import Element, Script
from reelwright.screenplay.layout import Layout, layout_for
from reelwright.screenplay.linebreak import char_columns, text_columns, wrap_ranges
from reelwright.screenplay.page_blocks import Block, Builder, BuildState, TextCache, build_blocks
from reelwright.screenplay.page_breaks import Checkpoint, Paginator
from reelwright.screenplay.page_model import (
    Page,
    Pagination,
    PrintedLine,
    PrintOptions,
    Run,
    SceneNumbers,
    Side,
    runs_for_line,
    slice_runs,
)

__all__ = [
    "Page",
    "Pagination",
    "PaginationCache",
    "PrintOptions",
    "PrintedLine",
    "Run",
    "SceneNumbers",
    "Side",
    "char_columns",
    "paginate",
    "runs_for_line",
    "slice_runs",
    "text_columns",
    "wrap_ranges",
]


@dataclass(slots=True)
class _Previous:
    """The last pagination a cache saw, to take its pages over."""

    layout: Layout
    options: PrintOptions
    elements: list[Element]
    line_count: int
    blocks: list[Block]
    states: list[BuildState]
    pages: list[Page]
    checkpoints: list[Checkpoint]
    scene_pages: dict[int, int]


@dataclass(slots=True)
class PaginationCache:
    """What one pagination keeps for the next (the editor's analysis after each pause):
    wrapped source lines, so an unchanged line is not wrapped again, and the last blocks
    and pages. After an edit only the blocks of the changed elements are built again, the
    pages before the change are taken over, and so are the pages after it as soon as a
    page starts where one started before (renumbered, and moved down when lines were
    added above them).

    A cache serves any layout and options; it only reuses pages of the same ones.
    """

    texts: TextCache = field(default_factory=TextCache)
    previous: _Previous | None = None
    reused_pages: int = 0
    """Pages the last pagination took over (for tests and benchmarks)."""
    built_blocks: int = 0
    """Blocks the last pagination built (the rest it took over)."""


def _first_change(old: Sequence[Element], new: Sequence[Element]) -> int:
    """Index of the first element that differs (identical objects are not compared)."""
    for index in range(min(len(old), len(new))):
        a, b = old[index], new[index]
        if a is not b and a != b:
            return index
    return min(len(old), len(new))


def _same(old: Element, new: Element, lines: int) -> bool:
    """``new`` is ``old`` moved down ``lines`` lines."""
    return (
        old.start_line + lines == new.start_line
        and old.end_line + lines == new.end_line
        and old.type is new.type
        and old.text == new.text
        and old.scene_number == new.scene_number
        and old.dual == new.dual
        and old.depth == new.depth
    )


def _joins(old: BuildState, new: BuildState, elements: int, numbered: bool) -> bool:
    """The builder reaches an old block in the state it was in then (the scene count only
    matters when scene numbers print: it is otherwise nowhere in the rows)."""
    moved = old.shifted(elements)
    if not numbered:
        moved = moved._replace(scene_counter=new.scene_counter)
    return moved == new


def _shifted_page(page: Page, number: int, elements: int, lines: int) -> Page:
    if not elements and not lines:
        return Page(number, list(page.lines), page.first_source_line)
    moved = [
        PrintedLine(
            line.slot,
            line.type,
            line.text,
            line.runs,
            line.x,
            line.align,
            None if line.element_index is None else line.element_index + elements,
            None if line.source_line is None else line.source_line + lines,
            line.more,
            line.contd,
            line.scene_number,
            line.dual,
        )
        for line in page.lines
    ]
    return Page(number, moved, page.first_source_line + lines)


def paginate(
    script: Script,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    *,
    cache: PaginationCache | None = None,
    pause: Callable[[], None] | None = None,
    breaks: Sequence[tuple[int, int]] = (),
) -> Pagination:
    """Wrap and break ``script`` into pages (the title page is not one of them).

    ``cache`` keeps work for the next call (see :class:`PaginationCache`); ``pause`` is
    called between steps (the editor's worker hands the interpreter back there).

    ``breaks`` are forced page breaks inside elements, each ``(source line, offset)``: a
    page begins there, at that offset of the line's printed text (emphasis markers and
    notes left out). A speech is cut there as a page end cuts one (``(MORE)`` under the
    part before, ``NAME (CONT'D)`` over the rest), action goes on on the next page; a
    break at an element's start breaks before it; one on no speech's body or action (a
    cue, a heading, dual dialogue) is not made. Locked pages use them (``page_lock``); a
    pagination with breaks neither reads nor feeds the cache's pages."""
    options = options or PrintOptions()
    layout = layout or layout_for(None)
    if options.heading_blanks is not None and options.heading_blanks != layout.heading_blanks:
        layout = layout.with_heading_blanks(options.heading_blanks)
    texts = cache.texts if cache is not None else None
    previous = cache.previous if cache is not None else None
    paginator = Paginator(layout, options, pause)
    blocks: list[Block]
    states: list[BuildState]
    reused = 0
    built = 0
    if breaks:
        blocks, states, _at, _state = build_blocks(script, layout, options, texts, pause=pause)
        paginator.run(paginator.force(blocks, breaks))
        result = paginator.finish()
        if cache is not None:
            cache.reused_pages = 0
            cache.built_blocks = len(blocks)
        return result
    if previous is not None and previous.layout == layout and previous.options == options:
        blocks, states, built, reused = _again(script, previous, paginator, texts)
    else:
        blocks, states, _at, _state = build_blocks(script, layout, options, texts, pause=pause)
        built = len(blocks)
        paginator.run(blocks)
    result = paginator.finish()
    if cache is not None:
        cache.reused_pages = reused
        cache.built_blocks = built
        cache.previous = _Previous(
            layout,
            options,
            list(script.elements),
            script.line_count,
            blocks,
            states,
            result.pages,
            paginator.checkpoints,
            dict(result.scene_pages),
        )
    return result


def _again(
    script: Script, previous: _Previous, paginator: Paginator, texts: TextCache | None
) -> tuple[list[Block], list[BuildState], int, int]:
    """Paginate ``script`` again after an edit: blocks, states, blocks built, pages taken
    over."""
    layout, options = previous.layout, previous.options
    old, new = previous.elements, script.elements
    changed = _first_change(old, new)
    elements = len(new) - len(old)
    lines = script.line_count - previous.line_count
    tail = len(new)  # the first element of the unchanged end of the script
    while tail > changed and tail - 1 - elements >= changed:
        if not _same(old[tail - 1 - elements], new[tail - 1], lines):
            break
        tail -= 1
    # The block before the change may change too (a ``^`` cue makes it dual dialogue).
    keep = 0
    while keep < len(previous.blocks) and previous.blocks[keep].last_element < changed - 1:
        keep += 1
    keep = max(0, keep - 1)
    if keep == 0:
        start, state = 0, None
    else:
        start, state = previous.blocks[keep].element_index, previous.states[keep]
    pause = paginator.pause
    builder = Builder(script, layout, options, texts)
    built, built_states, at, after = build_blocks(
        script, layout, options, texts, start, state, stop=tail + 1, pause=pause, builder=builder
    )
    numbered = options.scene_numbers != "none"
    old_starts: dict[int, int] = {}
    for index, block in enumerate(previous.blocks):
        old_starts.setdefault(block.element_index, index)
    rest: list[Block] = []
    rest_states: list[BuildState] = []
    while at < len(new):
        match = old_starts.get(at - elements)
        if (
            match is not None
            and match >= keep
            and _joins(previous.states[match], after, elements, numbered)
        ):
            rest = [block.moved(elements, lines) for block in previous.blocks[match:]]
            rest_states = [st.shifted(elements) for st in previous.states[match:]]
            break
        more, more_states, at, after = build_blocks(
            script, layout, options, texts, at, after, stop=at + 1, pause=pause, builder=builder
        )
        built += more
        built_states += more_states
    head = previous.blocks[:keep]
    blocks = head + built + rest
    states = previous.states[:keep] + built_states + rest_states
    tail_block = len(head) + len(built)
    block_shift = len(blocks) - len(previous.blocks)
    old_pages_at = {
        checkpoint.block: page
        for page, checkpoint in enumerate(previous.checkpoints)
        if checkpoint.pending is None
    }

    spliced = 0

    def splice(pages: Paginator, index: int) -> bool:
        """Take the old pages over from a page that starts where an old one did."""
        if not rest or index < tail_block:
            return False
        page = old_pages_at.get(index - block_shift)
        if page is None or page >= len(previous.pages):
            return False
        number = pages.page.number - previous.pages[page].number
        pages.pages.pop()
        pages.checkpoints.pop()
        for old_page in previous.pages[page:]:
            pages.pages.append(_shifted_page(old_page, old_page.number + number, elements, lines))
        for checkpoint in previous.checkpoints[page:]:
            pending = checkpoint.pending
            pages.checkpoints.append(
                Checkpoint(
                    checkpoint.block + block_shift,
                    None if pending is None else pending.moved(elements, lines),
                )
            )
        first_number = previous.pages[page].number
        for element, scene_page in previous.scene_pages.items():
            if scene_page >= first_number:
                pages.scene_pages[element + elements] = scene_page + number
        nonlocal spliced
        spliced = len(previous.pages) - page
        return True

    # Pages that start at or before block ``keep`` are as they were, but the last of them
    # may lose its last block to a transition: start again one page earlier.
    page = 0
    while page + 1 < len(previous.checkpoints) and previous.checkpoints[page + 1].block <= keep:
        page += 1
    page = max(0, page - 1)
    paginator.splice = splice
    if page > 0:
        checkpoint = previous.checkpoints[page]
        paginator.pages = [
            Page(p.number, list(p.lines), p.first_source_line) for p in previous.pages[:page]
        ]
        paginator.pages.append(Page(previous.pages[page].number))
        paginator.checkpoints = list(previous.checkpoints[: page + 1])
        last_number = paginator.page.number
        paginator.scene_pages = {
            element: number
            for element, number in previous.scene_pages.items()
            if number < last_number
        }
        paginator.run(blocks, checkpoint.block, checkpoint.pending)
    else:
        paginator.run(blocks)
    return blocks, states, len(built), page + spliced
