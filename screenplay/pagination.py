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
  (``> ACT TWO <``) and, in the multi-camera template, each scene heading.
- Anything taller than a page is cut where the rules allow, else at a line, so nothing is
  ever lost or printed off the page.

The work is plain Python over plain data, in three modules: ``page_blocks`` (elements to
wrapped rows), ``page_breaks`` (rows to pages) and this entry point. Nothing recurses; a
source line is wrapped once (a cut re-wraps only until the new lines meet the old); with a
:class:`PaginationCache` an analysis after an edit re-wraps only changed lines and takes
over the pages before the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reelwright.screenplay.elements import Element, Script
from reelwright.screenplay.layout import Layout, layout_for
from reelwright.screenplay.linebreak import char_columns, text_columns, wrap_ranges
from reelwright.screenplay.page_blocks import Block, BuildState, TextCache, build_blocks
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
    """The last pagination a cache saw, to take its first pages over."""

    layout: Layout
    options: PrintOptions
    elements: list[Element]
    blocks: list[Block]
    states: list[BuildState]
    pages: list[Page]
    checkpoints: list[Checkpoint]
    scene_pages: dict[int, int]


@dataclass(slots=True)
class PaginationCache:
    """What one pagination keeps for the next (the editor's analysis after each pause):
    wrapped source lines, so an unchanged line is not wrapped again, and the last blocks
    and pages, so the pages before the first changed element are taken over as they were.

    A cache serves any layout and options; it only reuses pages of the same ones.
    """

    texts: TextCache = field(default_factory=TextCache)
    previous: _Previous | None = None
    reused_pages: int = 0
    """Pages the last pagination took over (for tests and benchmarks)."""


def _first_change(old: Sequence[Element], new: Sequence[Element]) -> int:
    """Index of the first element that differs (identical objects are not compared)."""
    for index in range(min(len(old), len(new))):
        a, b = old[index], new[index]
        if a is not b and a != b:
            return index
    return min(len(old), len(new))


def paginate(
    script: Script,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    *,
    cache: PaginationCache | None = None,
) -> Pagination:
    """Wrap and break ``script`` into pages (the title page is not one of them)."""
    options = options or PrintOptions()
    layout = layout or layout_for(None)
    if options.heading_blanks is not None and options.heading_blanks != layout.heading_blanks:
        layout = layout.with_heading_blanks(options.heading_blanks)
    texts = cache.texts if cache is not None else None
    previous = cache.previous if cache is not None else None
    paginator = Paginator(layout, options)
    blocks: list[Block]
    states: list[BuildState]
    reused = 0
    if previous is not None and previous.layout == layout and previous.options == options:
        changed = _first_change(previous.elements, script.elements)
        # The block before the change may change too (a ``^`` cue makes it dual dialogue).
        keep = 0
        while keep < len(previous.blocks) and previous.blocks[keep].last_element < changed - 1:
            keep += 1
        keep = max(0, keep - 1)
        start = previous.blocks[keep].element_index if keep < len(previous.blocks) else 0
        state = previous.states[keep] if keep < len(previous.states) else None
        if keep == 0:
            start, state = 0, None
        tail, tail_states = build_blocks(script, layout, options, texts, start, state)
        blocks = previous.blocks[:keep] + tail
        states = previous.states[:keep] + tail_states
        # Pages that start at or before block ``keep`` are as they were, but the last of
        # them may lose its last block to a transition: start again one page earlier.
        page = 0
        while page + 1 < len(previous.checkpoints) and previous.checkpoints[page + 1].block <= keep:
            page += 1
        page = max(0, page - 1)
        if page > 0:
            reused = page
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
    else:
        blocks, states = build_blocks(script, layout, options, texts)
        paginator.run(blocks)
    result = paginator.finish()
    if cache is not None:
        cache.reused_pages = reused
        cache.previous = _Previous(
            layout,
            options,
            list(script.elements),
            blocks,
            states,
            result.pages,
            paginator.checkpoints,
            dict(result.scene_pages),
        )
    return result
