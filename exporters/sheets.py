"""Drawing a print plan's sheets on a surface: the one drawing of the PDF and the printer.

``draw_plan(surface, plan)`` puts every glyph, mark and tint of a
:class:`~reelwright.screenplay.page_plan.PrintPlan` where the layout and the pagination
say, on any :class:`Surface`: ``exporters.pdf`` implements one with reportlab, the app's
print preview one with Qt's painter, so the preview and the printer draw exactly the pages
the PDF has. Positions are in points from the paper's bottom-left corner, as in PDF.

What a sheet holds, bottom to top: the coloured-paper hint of a revised page (a tint, or a
band naming the colour across the top), the watermark (large, faint, diagonal), the header
text at the top left and the revision header (``Blue Revision - 2025-03-10``) at the top
right beside the page number (``23A.``), the script's lines with their scene numbers, the
revision mark (``*``) in the right margin beside each changed line, and the footer text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol

from reelwright.exporters.fonts import FontSet
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis, plain_text, strip_notes
from reelwright.screenplay.layout import POINTS_PER_INCH, Layout, columns_between
from reelwright.screenplay.page_plan import PlannedPage, PrintPlan
from reelwright.screenplay.pagination import PrintedLine, Run, text_columns, wrap_ranges
from reelwright.screenplay.revisions import MARK

PT = POINTS_PER_INCH
BASELINE = 9.6
"""Points from the top of a line slot down to the baseline (0.8 of the 12 pt line)."""
TITLE_CENTRE_KEYS = ("title", "credit", "author", "authors", "source")
TITLE_LOWER_KEYS = ("draft date", "contact", "copyright", "notes")
MARK_X = 7.75
"""Where the revision mark stands, in inches from the left edge: right of the text column
(7.5 in) and of the right-hand scene numbers (ending at 7.375 in), as Final Draft puts it."""
BAND_HEIGHT = 0.3
"""The coloured band across the top of a revised page, in inches (above the page number)."""
BAND_SIZE = 8.0
WATERMARK_COLOUR = "#808080"
WATERMARK_ALPHA = 0.16
WATERMARK_MAX_SIZE = 96.0
WATERMARK_MIN_SIZE = 14.0
SCENE_NUMBER_MIN_SIZE = 6.0
EDGE = 0.25 * PT
"""No text nearer the paper's edge than this."""


class Surface(Protocol):
    """Where sheets are drawn: a PDF canvas, a printer, a preview."""

    layout: Layout
    fonts: FontSet
    language: str
    """Which CJK face suits the script's Han characters (``fonts.script_language``)."""
    size: float
    """The script's font size in points."""
    cell: float
    """Points per column of the monospace grid."""

    def begin_page(self) -> None:
        """Start a sheet (the next one after the last ended)."""

    def end_page(self) -> None:
        """Finish the sheet."""

    def draw_runs(self, runs: Iterable[Run], x: float, y: float) -> float:
        """Draw ``runs`` on the grid from ``x`` on baseline ``y``; the x where they end."""
        ...

    def text_width(self, text: str, font: str, size: float) -> float:
        """The natural width of ``text`` in the registered ``font`` at ``size`` points."""
        ...

    def draw_string(
        self,
        text: str,
        x: float,
        y: float,
        font: str,
        size: float,
        *,
        colour: str = "#000000",
        alpha: float = 1.0,
        angle: float = 0.0,
    ) -> None:
        """Draw ``text`` in one font from (x, y), turned ``angle`` degrees about it."""

    def fill_rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        """Fill a rectangle (lower-left corner x, y) with ``colour`` (``#rrggbb``)."""

    def bookmark(self, key: str, title: str, top: float) -> None:
        """An outline entry ``title`` for this sheet at height ``top`` (PDF only)."""


def baseline(layout: Layout, slot: float) -> float:
    """The baseline of line slot ``slot`` of a page, in points from the bottom."""
    top = layout.line_top(0) * PT + slot * layout.line_height * PT
    return layout.page_height * PT - top - BASELINE


def plain(text: str) -> str:
    return plain_text(strip_notes(text)).strip()


# The plan ---------------------------------------------------------------------------------


def draw_plan(surface: Surface, plan: PrintPlan) -> None:
    """Every sheet of ``plan``, the title page first."""
    script = plan.script
    if script.title_page:
        for lines in title_pages(surface, script):
            surface.begin_page()
            _draw_watermark(surface, plan.setup.watermark)
            for x, slot, runs in lines:
                surface.draw_runs(runs, x, baseline(surface.layout, slot))
            surface.end_page()
    pagination = plan.pagination
    headings = {
        index: plain(script.elements[index].text).upper() for index in pagination.scene_pages
    }
    for page in plan.pages:
        surface.begin_page()
        draw_page(surface, plan, page, headings)
        surface.end_page()


def draw_page(
    surface: Surface, plan: PrintPlan, planned: PlannedPage, headings: dict[int, str]
) -> None:
    """One page of the script with what the plan adds to it. ``headings`` (element index ->
    outline title) loses each heading given its bookmark."""
    layout = surface.layout
    pagination = plan.pagination
    page = pagination.pages[planned.index]
    setup = plan.setup
    if planned.revision is not None and setup.revision_colour != "none":
        _draw_paper_hint(surface, planned, setup.revision_colour)
    _draw_watermark(surface, setup.watermark)
    _draw_top(surface, planned, setup.header)
    scene_numbers = pagination.options.scene_numbers
    for line in page.lines:
        y = baseline(layout, line.slot)
        if line.scene_number is not None and line.element_index is not None:
            draw_scene_number(surface, line, y, scene_numbers)
        if (
            line.type is ElementType.SCENE_HEADING
            and line.element_index in headings
            and pagination.scene_pages.get(line.element_index) == page.number
        ):
            title = headings.pop(line.element_index) or "SCENE"
            surface.bookmark(f"scene-{line.element_index}", title, y + BASELINE + 6)
        surface.draw_runs(line.runs, line.x * PT, y)
    mark_x = min(MARK_X * PT, layout.page_width * PT - EDGE - surface.cell)
    for slot in sorted(planned.marks):
        surface.draw_runs((Run(MARK),), mark_x, baseline(layout, slot))
    if setup.footer:
        _draw_footer(surface, setup.footer)


# Margins ----------------------------------------------------------------------------------


def _fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` columns, an ellipsis marking the cut."""
    if text_columns(text) <= cells:
        return text
    out = ""
    for char in text:
        if text_columns(out + char) > cells - 1:
            break
        out += char
    return out.rstrip() + "…" if cells > 0 else ""


def _draw_top(surface: Surface, planned: PlannedPage, header: str) -> None:
    """The page number at the top right, the revision header left of it, the header text
    at the top left; the revision header goes a line lower when they would meet."""
    layout = surface.layout
    cell = surface.cell
    y = layout.page_height * PT - layout.page_number_top * PT - BASELINE
    right = layout.page_number_right * PT
    number = planned.number_text
    number_x = right - text_columns(number) * cell
    if number:
        surface.draw_runs((Run(number),), number_x, y)
    left = layout.left_margin * PT
    end = left
    if header:
        room = int((number_x - left) / cell) - 2
        text = _fit(header, room)
        if text:
            end = surface.draw_runs((Run(text),), left, y)
    revision = planned.header
    if not revision:
        return
    before = number_x - (2 * cell if number else 0)
    width = text_columns(revision) * cell
    if before - width >= end + 2 * cell:
        surface.draw_runs((Run(revision),), before - width, y)
        return
    # No room beside the header: the line below, ending where the page number ends.
    room = int((right - left) / cell)
    text = _fit(revision, room)
    lower = y - layout.line_height * PT
    surface.draw_runs((Run(text),), right - text_columns(text) * cell, lower)


def _draw_footer(surface: Surface, footer: str) -> None:
    layout = surface.layout
    cell = surface.cell
    room = columns_between(layout.left_margin, layout.page_width - layout.right_margin)
    text = _fit(footer, room)
    x = layout.page_width * PT / 2 - text_columns(text) * cell / 2
    y = layout.page_number_top * PT
    surface.draw_runs((Run(text),), x, y)


def _draw_paper_hint(surface: Surface, planned: PlannedPage, how: str) -> None:
    """The colour of the page's round: the whole page tinted, or a band across its top
    naming the colour (for a copy printed on white paper)."""
    revision = planned.revision
    assert revision is not None
    layout = surface.layout
    width, height = layout.page_width * PT, layout.page_height * PT
    if how == "tint":
        surface.fill_rect(0, 0, width, height, revision.paper)
        return
    band = BAND_HEIGHT * PT
    surface.fill_rect(0, height - band, width, band, revision.paper)
    text = f"{revision.name.upper()} PAGE"
    _draw_free(
        surface,
        text,
        width / 2,
        height - band / 2 - BAND_SIZE / 3,
        BAND_SIZE,
        colour=revision.ink,
        align="centre",
    )


def _draw_watermark(surface: Surface, text: str) -> None:
    """``text`` large and faint across the page's diagonal, under everything else."""
    text = " ".join(text.split())
    if not text:
        return
    layout = surface.layout
    width, height = layout.page_width * PT, layout.page_height * PT
    angle = math.degrees(math.atan2(height, width))
    diagonal = math.hypot(width, height)
    natural = _free_width(surface, text, 1.0)
    size = min(WATERMARK_MAX_SIZE, 0.75 * diagonal / natural) if natural else WATERMARK_MAX_SIZE
    if size < WATERMARK_MIN_SIZE:
        size = WATERMARK_MIN_SIZE
        while len(text) > 1 and _free_width(surface, text + "…", size) > 0.85 * diagonal:
            text = text[: max(1, int(len(text) * 0.9))]
        text = text.rstrip() + "…"
    # The baseline's middle at the page's centre, a third of the size below it.
    rad = math.radians(angle)
    x = width / 2 + math.sin(rad) * size / 3
    y = height / 2 - math.cos(rad) * size / 3
    _draw_free(
        surface,
        text,
        x,
        y,
        size,
        colour=WATERMARK_COLOUR,
        alpha=WATERMARK_ALPHA,
        angle=angle,
        align="centre",
    )


def _pieces(surface: Surface, text: str, size: float) -> list[tuple[str, str, float]]:
    """``text`` as (font, text, width) pieces, each in a face that has its characters."""
    return [
        (piece.font, piece.text, surface.text_width(piece.text, piece.font, size))
        for piece in surface.fonts.runs(text, False, False, surface.language)
    ]


def _free_width(surface: Surface, text: str, size: float) -> float:
    return sum(width for _font, _text, width in _pieces(surface, text, size))


def _draw_free(
    surface: Surface,
    text: str,
    x: float,
    y: float,
    size: float,
    *,
    colour: str = "#000000",
    alpha: float = 1.0,
    angle: float = 0.0,
    align: str = "left",
) -> None:
    """Text off the grid (in its faces' own advances), from or centred on (x, y), turned
    ``angle`` degrees: the watermark, the colour band's name."""
    pieces = _pieces(surface, text, size)
    total = sum(width for _font, _text, width in pieces)
    rad = math.radians(angle)
    offset = -total / 2 if align == "centre" else 0.0
    for font, piece, width in pieces:
        surface.draw_string(
            piece,
            x + math.cos(rad) * offset,
            y + math.sin(rad) * offset,
            font,
            size,
            colour=colour,
            alpha=alpha,
            angle=angle,
        )
        offset += width


# Scene numbers ----------------------------------------------------------------------------


def draw_scene_number(surface: Surface, line: PrintedLine, y: float, where: str) -> None:
    """Scene numbers in Courier's own advance, as Final Draft draws them: the left one from
    0.75 in, the right one ending at 7.375 in. A number too long for its margin is set
    smaller, and past a readable size cut in the middle with an ellipsis, so that no
    number of any length leaves the page or covers the heading (issue 18)."""
    assert line.scene_number is not None
    layout = surface.layout
    if where in ("left", "both"):
        left = layout.scene_number_left * PT
        end = layout.left_margin * PT - surface.cell / 2  # before the heading's column
        font = surface.fonts.main()
        if surface.text_width(line.scene_number, font, surface.size) <= end - left:
            _draw_fitted(surface, line.scene_number, left, y, end - left, "left")
        else:  # a long one ends before the column and may start nearer the edge
            _draw_fitted(surface, line.scene_number, end, y, end - EDGE, "right")
    if where in ("right", "both"):
        right = layout.scene_number_right * PT
        room = right - (layout.page_width / 2) * PT
        _draw_fitted(surface, line.scene_number, right, y, room, "right")


def _draw_fitted(
    surface: Surface, text: str, anchor: float, y: float, room: float, align: str
) -> None:
    size = surface.size
    font = surface.fonts.main()
    width = surface.text_width(text, font, size)
    if width > room:
        size = max(SCENE_NUMBER_MIN_SIZE, size * room / width)
        width = surface.text_width(text, font, size)
    if width > room:  # still too long: keep its head and tail
        keep = max(1, int(room / surface.text_width("0", font, size)) - 1)
        text = f"{text[: (keep + 1) // 2]}…{text[len(text) - keep // 2 :]}" if keep > 1 else "…"
        width = surface.text_width(text, font, size)
    x = anchor if align == "left" else anchor - width
    surface.draw_string(text, x, y, font, size)


# The title page ---------------------------------------------------------------------------


def _title_lines(text: str, width: int, upper: bool = False) -> list[tuple[Run, ...]]:
    """Each line of a title-page value as runs, wrapped to ``width`` characters."""
    lines: list[tuple[Run, ...]] = []
    for raw in strip_notes(text).split("\n"):
        spans = parse_emphasis(raw.strip())
        runs = tuple(
            Run(s.text.upper() if upper else s.text, s.bold, s.italic, s.underline)
            for s in spans
            if s.text
        )
        whole = "".join(r.text for r in runs)
        for start, end, _cells in wrap_ranges(whole, width):
            lines.append(_cut(runs, start, end))
    return lines


def _cut(runs: tuple[Run, ...], start: int, end: int) -> tuple[Run, ...]:
    out: list[Run] = []
    offset = 0
    for run in runs:
        stop = offset + len(run.text)
        if stop > start and offset < end:
            out.append(run._replace(text=run.text[max(start, offset) - offset : end - offset]))
        offset = stop
    return tuple(out)


TITLE_SLOT = 18
"""The title's line on the title page (4.0 in from the top), as Final Draft prints it."""
TITLE_GAPS = {"credit": 4, "author": 2, "authors": 2, "source": 5}
"""Lines from the entry before to this one in the centred block (Final Draft's title page)."""


def title_pages(surface: Surface, script: Script) -> list[list[tuple[float, int, tuple[Run, ...]]]]:
    """The title page's lines as (x in points, slot, runs), on as many pages as they need:
    title, credit, author and source centred on the page from 4.0 in down; draft date,
    contact, copyright and notes at the lower left (FORMAT.md). A block longer than the
    page (a title of thousands of characters) starts higher, then goes on to another
    page: nothing is lost and nothing runs off the page (issue 18)."""
    layout = surface.layout
    capacity = layout.lines_per_page
    width = columns_between(layout.left_margin, layout.page_width - layout.right_margin)
    centre_x = layout.page_width / 2 * PT
    centre: list[tuple[float, int, tuple[Run, ...]]] = []  # (x, gap before, runs)
    for key in TITLE_CENTRE_KEYS:
        value = script.title_value(key)
        if not value or not value.strip():
            continue
        gap = TITLE_GAPS.get(key, 2) if centre else 0
        for number, runs in enumerate(_title_lines(value, width, upper=key == "title")):
            cells = sum(text_columns(r.text) for r in runs)
            x = math.ceil(centre_x - cells * surface.cell / 2 - 0.5)
            centre.append((x, gap if number == 0 else 1, runs))
    lower: list[tuple[Run, ...]] = []
    for key in TITLE_LOWER_KEYS:
        value = script.title_value(key)
        if not value or not value.strip():
            continue
        if lower:
            lower.append(())
        lower.extend(_title_lines(value, width // 2 + 10))
    slots: list[int] = []  # of the centred lines, counted over all title pages
    for _x, gap, _runs in centre:
        slots.append(slots[-1] + gap if slots else 0)
    height = slots[-1] + 1 if slots else 0
    room = capacity - len(lower) - 1 if lower else capacity
    start = TITLE_SLOT if TITLE_SLOT + height <= room else max(0, room - height)
    pages: list[list[tuple[float, int, tuple[Run, ...]]]] = [[]]
    for (x, _gap, runs), slot in zip(centre, slots, strict=True):
        page, row = divmod(start + slot, capacity)
        while len(pages) <= page:
            pages.append([])
        pages[page].append((x, row, runs))
    if lower:
        last = pages[-1]
        bottom = max((row for _x, row, _runs in last), default=-1)
        first = capacity - len(lower) if len(lower) <= capacity else 0
        if bottom >= first:
            pages.append([])
        page = len(pages) - 1
        for number, runs in enumerate(lower):
            extra, row = divmod(first + number, capacity)
            while len(pages) <= page + extra:
                pages.append([])
            pages[page + extra].append((layout.left_margin * PT, row, runs))
    return pages


__all__ = [
    "BASELINE",
    "MARK_X",
    "PT",
    "Surface",
    "baseline",
    "draw_page",
    "draw_plan",
    "draw_scene_number",
    "title_pages",
]
