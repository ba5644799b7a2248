"""PDF export: draw the core's pagination with reportlab, nothing re-decided here.

Every position comes from the layout profile and the :class:`Pagination`; this module
only puts glyphs where those say. It draws straight onto a reportlab canvas (no
platypus), which keeps a 120-page feature well under a second.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterable

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from reelwright.exporters.fonts import FontSet, font_set, script_language
from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.emphasis import parse_emphasis, plain_text, strip_notes
from reelwright.screenplay.fileio import atomic_writer
from reelwright.screenplay.layout import POINTS_PER_INCH, Layout, columns_between
from reelwright.screenplay.pagination import (
    Pagination,
    PrintedLine,
    PrintOptions,
    Run,
    char_columns,
    paginate,
    text_columns,
    wrap_ranges,
)

PT = POINTS_PER_INCH
BASELINE = 9.6
"""Points from the top of a line slot down to the baseline (0.8 of the 12 pt line)."""
TITLE_CENTRE_KEYS = ("title", "credit", "author", "authors", "source")
TITLE_LOWER_KEYS = ("draft date", "contact", "copyright", "notes")


class _Painter:
    """Draws runs of text on the monospace grid of one layout."""

    def __init__(self, canvas: Canvas, layout: Layout, fonts: FontSet, language: str) -> None:
        self.canvas = canvas
        self.layout = layout
        self.fonts = fonts
        self.language = language
        self.size = layout.font_size
        self.cell = layout.char_width * PT
        self._widths: dict[str, float] = {}

    def char_space(self, font: str) -> float:
        """Extra spacing that puts a face exactly on the 10-per-inch grid."""
        space = self._widths.get(font)
        if space is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            space = self.cell - stringWidth("M", font, self.size)
            self._widths[font] = space
        return space

    def slot_baseline(self, slot: float) -> float:
        top = self.layout.line_top(0) * PT + slot * self.layout.line_height * PT
        return self.layout.page_height * PT - top - BASELINE

    def begin_page(self) -> None:
        """All text of a page goes into one text object: far fewer operators than one
        ``drawString`` per piece, which is what keeps a feature export fast."""
        self.text = self.canvas.beginText()
        self.font: str | None = None
        self.spacing: float | None = None
        self.underlines: list[tuple[float, float, float]] = []

    def end_page(self) -> None:
        self.canvas.drawText(self.text)
        if self.underlines:
            self.canvas.setLineWidth(0.6)
            for x0, x1, y in self.underlines:
                self.canvas.line(x0, y - 1.6, x1, y - 1.6)

    def _use(self, font: str, spacing: float) -> None:
        if font != self.font:
            self.text.setFont(font, self.size)
            self.font = font
        if spacing != self.spacing:
            self.text.setCharSpace(spacing)
            self.spacing = spacing

    def draw_runs(self, runs: Iterable[Run], x: float, y: float) -> float:
        """Draw ``runs`` from ``x`` points on baseline ``y``; returns the x where it ended."""
        text = self.text
        code = text._code
        cell = self.cell
        for run in runs:
            start_x = x
            for piece in self.fonts.runs(run.text, run.bold, run.italic, self.language):
                if piece.cjk:
                    self._use(piece.font, 0.0)
                    for char in piece.text:
                        cells = char_columns(char)
                        width = self.canvas.stringWidth(char, piece.font, self.size)
                        code.append(f"1 0 0 1 {x + (cells * cell - width) / 2:.3f} {y:.3f} Tm")
                        code.append(text._formatText(char))
                        x += cells * cell
                    continue
                self._use(piece.font, self.char_space(piece.font))
                code.append(f"1 0 0 1 {x:.3f} {y:.3f} Tm")  # setTextOrigin, without its cost
                # textOut() would also measure the string to move its cursor; every
                # piece gets its own origin, so the formatted operator is all we need.
                code.append(text._formatText(piece.text))
                x += text_columns(piece.text) * cell
            if run.underline and x > start_x:
                self.underlines.append((start_x, x, y))
        return x


def _plain(text: str) -> str:
    return plain_text(strip_notes(text)).strip()


def write_pdf(
    script: Script,
    path: str | os.PathLike[str],
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    pagination: Pagination | None = None,
) -> Pagination:
    """Write ``script`` as a PDF at ``path`` (atomically); returns the pagination used."""
    data, pagination = render_pdf(script, layout, options, pagination)
    with atomic_writer(path) as handle:
        handle.write(data)
    return pagination


def render_pdf(
    script: Script,
    layout: Layout | None = None,
    options: PrintOptions | None = None,
    pagination: Pagination | None = None,
) -> tuple[bytes, Pagination]:
    """The PDF bytes of ``script`` and the pagination they were drawn from."""
    if pagination is None:
        pagination = paginate(script, layout, options)
    # Binary (zlib only) streams: reportlab's pure-Python ASCII85 step would cost more than
    # the rest of the drawing. Restored afterwards so no other reportlab user is affected.
    saved_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        return _render(script, pagination), pagination
    finally:
        rl_config.useA85 = saved_a85


def _render(script: Script, pagination: Pagination) -> bytes:
    layout = pagination.layout
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(layout.page_width * PT, layout.page_height * PT),
        pageCompression=1,
    )
    title = _plain(script.title_value("title") or "")
    author = _plain(script.title_value("author") or script.title_value("authors") or "")
    canvas.setTitle(title.replace("\n", " ") or "Untitled screenplay")
    if author:
        canvas.setAuthor(author.replace("\n", ", "))
    canvas.setCreator("Reelwright")
    canvas.setSubject("Screenplay")
    sample = "".join(e.text for e in script.elements[:400])
    painter = _Painter(canvas, layout, font_set(), script_language(sample))
    if script.title_page:
        painter.begin_page()
        _draw_title_page(painter, script)
        painter.end_page()
        canvas.showPage()
    headings = {
        index: _plain(script.elements[index].text).upper() for index in pagination.scene_pages
    }
    for page_index in range(len(pagination.pages)):
        painter.begin_page()
        _draw_page(painter, pagination, page_index, headings)
        painter.end_page()
        canvas.showPage()
    if headings:
        canvas.showOutline()
    canvas.save()
    return buffer.getvalue()


def _draw_page(
    painter: _Painter, pagination: Pagination, page_index: int, headings: dict[int, str]
) -> None:
    canvas = painter.canvas
    layout = painter.layout
    page = pagination.pages[page_index]
    options = pagination.options
    if page_index > 0 or page.number != 1:
        label = f"{page.number}."
        x = layout.page_number_right * PT - len(label) * painter.cell
        y = layout.page_height * PT - layout.page_number_top * PT - BASELINE
        painter.draw_runs((Run(label),), x, y)
    for line in page.lines:
        y = painter.slot_baseline(line.slot)
        if line.scene_number is not None and line.element_index is not None:
            _draw_scene_number(painter, line, y, options.scene_numbers)
        if (
            line.type is ElementType.SCENE_HEADING
            and line.element_index in headings
            and pagination.scene_pages.get(line.element_index) == page.number
        ):
            key = f"scene-{line.element_index}"
            canvas.bookmarkPage(key, fit="XYZ", left=0, top=y + BASELINE + 6)
            canvas.addOutlineEntry(headings.pop(line.element_index) or "SCENE", key, level=0)
        painter.draw_runs(line.runs, line.x * PT, y)


def _draw_scene_number(painter: _Painter, line: PrintedLine, y: float, where: str) -> None:
    """Scene numbers in Courier's own advance, as Final Draft draws them: the left one from
    0.75 in, the right one ending at 7.375 in. A number too long for its margin is set
    smaller, and past a readable size cut in the middle with an ellipsis, so that no
    number of any length leaves the page or covers the heading (issue 18)."""
    assert line.scene_number is not None
    layout = painter.layout
    if where in ("left", "both"):
        left = layout.scene_number_left * PT
        end = layout.left_margin * PT - painter.cell / 2  # before the heading's column
        font = painter.fonts.main()
        if painter.canvas.stringWidth(line.scene_number, font, painter.size) <= end - left:
            _draw_fitted(painter, line.scene_number, left, y, end - left, "left")
        else:  # a long one ends before the column and may start nearer the edge
            _draw_fitted(painter, line.scene_number, end, y, end - EDGE, "right")
    if where in ("right", "both"):
        right = layout.scene_number_right * PT
        room = right - (layout.page_width / 2) * PT
        _draw_fitted(painter, line.scene_number, right, y, room, "right")


SCENE_NUMBER_MIN_SIZE = 6.0
EDGE = 0.25 * PT
"""No text nearer the paper's edge than this."""


def _draw_fitted(
    painter: _Painter, text: str, anchor: float, y: float, room: float, align: str
) -> None:
    canvas = painter.canvas
    size = painter.size
    font = painter.fonts.main()
    width = canvas.stringWidth(text, font, size)
    if width > room:
        size = max(SCENE_NUMBER_MIN_SIZE, size * room / width)
        width = canvas.stringWidth(text, font, size)
    if width > room:  # still too long: keep its head and tail
        keep = max(1, int(room / canvas.stringWidth("0", font, size)) - 1)
        text = f"{text[: (keep + 1) // 2]}…{text[len(text) - keep // 2 :]}" if keep > 1 else "…"
        width = canvas.stringWidth(text, font, size)
    x = anchor if align == "left" else anchor - width
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


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
        plain = "".join(r.text for r in runs)
        for start, end, _cells in wrap_ranges(plain, width):
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


def _title_pages(
    painter: _Painter, script: Script
) -> list[list[tuple[float, int, tuple[Run, ...]]]]:
    """The title page's lines as (x in points, slot, runs), on as many pages as they need:
    title, credit, author and source centred on the page from 4.0 in down; draft date,
    contact, copyright and notes at the lower left (FORMAT.md). A block longer than the
    page (a title of thousands of characters) starts higher, then goes on to another
    page: nothing is lost and nothing runs off the page (issue 18)."""
    layout = painter.layout
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
            x = math.ceil(centre_x - cells * painter.cell / 2 - 0.5)
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


def _draw_title_page(painter: _Painter, script: Script) -> None:
    """Draws every title page, each on its own canvas page."""
    pages = _title_pages(painter, script)
    for number, lines in enumerate(pages):
        if number:
            painter.canvas.showPage()
            painter.begin_page()
        for x, slot, runs in lines:
            painter.draw_runs(runs, x, painter.slot_baseline(slot))
        if number + 1 < len(pages):
            painter.end_page()


__all__ = ["render_pdf", "write_pdf"]
