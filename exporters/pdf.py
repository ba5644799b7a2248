"""PDF export: draw the core's pagination with reportlab, nothing re-decided here.

Every position comes from the layout profile, the :class:`Pagination` and the print plan
(``page_plan``: which pages, their labels, revision marks and headers); ``sheets`` draws
them on a surface and this module is that surface for reportlab: it only puts glyphs
where those say. It draws straight onto a reportlab canvas (no platypus), which keeps a
120-page feature well under a second. The app's print preview draws the same plan through
``sheets`` on Qt's painter.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from reelwright.exporters.fonts import FontSet, font_set, script_language
from reelwright.exporters.sheets import PT, draw_plan, plain
from reelwright.screenplay.elements import Script
from reelwright.screenplay.fileio import atomic_writer
from reelwright.screenplay.layout import Layout
from reelwright.screenplay.page_plan import PrintPlan, plan_print
from reelwright.screenplay.pagination import (
    Pagination,
    PrintOptions,
    Run,
    char_columns,
    text_columns,
)


class PdfSurface:
    """A reportlab canvas as a :class:`~reelwright.exporters.sheets.Surface`: runs of text on
    the monospace grid of one layout, in one text object per page."""

    def __init__(self, canvas: Canvas, layout: Layout, fonts: FontSet, language: str) -> None:
        self.canvas = canvas
        self.layout = layout
        self.fonts = fonts
        self.language = language
        self.size = layout.font_size
        self.cell = layout.char_width * PT
        self.outlined = False
        """An outline entry was added (a scene heading printed)."""
        self._widths: dict[str, float] = {}

    def char_space(self, font: str) -> float:
        """Extra spacing that puts a face exactly on the 10-per-inch grid."""
        space = self._widths.get(font)
        if space is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            space = self.cell - stringWidth("M", font, self.size)
            self._widths[font] = space
        return space

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
        self.canvas.showPage()

    def text_width(self, text: str, font: str, size: float) -> float:
        return float(self.canvas.stringWidth(text, font, size))

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
        canvas = self.canvas
        if colour == "#000000" and alpha >= 1.0 and not angle:
            canvas.setFont(font, size)
            canvas.drawString(x, y, text)
            return
        canvas.saveState()
        canvas.setFillColor(HexColor(colour))
        if alpha < 1.0:
            canvas.setFillAlpha(alpha)
        canvas.translate(x, y)
        if angle:
            canvas.rotate(angle)
        canvas.setFont(font, size)
        canvas.drawString(0, 0, text)
        canvas.restoreState()

    def fill_rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(HexColor(colour))
        canvas.rect(x, y, width, height, stroke=0, fill=1)
        canvas.restoreState()

    def bookmark(self, key: str, title: str, top: float) -> None:
        self.canvas.bookmarkPage(key, fit="XYZ", left=0, top=top)
        self.canvas.addOutlineEntry(title, key, level=0)
        self.outlined = True

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
    if pagination is not None:
        layout, options = pagination.layout, pagination.options
    plan = plan_print(script, layout=layout, options=options, pagination=pagination)
    return render_plan(plan), plan.pagination


def write_plan(plan: PrintPlan, path: str | os.PathLike[str]) -> None:
    """Write the sheets of ``plan`` as a PDF at ``path`` (atomically)."""
    data = render_plan(plan)
    with atomic_writer(path) as handle:
        handle.write(data)


def render_plan(plan: PrintPlan) -> bytes:
    """The PDF bytes of the sheets of ``plan`` (``page_plan.plan_print``)."""
    # Binary (zlib only) streams: reportlab's pure-Python ASCII85 step would cost more than
    # the rest of the drawing. Restored afterwards so no other reportlab user is affected.
    saved_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        return _render(plan)
    finally:
        rl_config.useA85 = saved_a85


def _render(plan: PrintPlan) -> bytes:
    layout = plan.layout
    script = plan.script
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(layout.page_width * PT, layout.page_height * PT),
        pageCompression=1,
    )
    title = plain(script.title_value("title") or "")
    author = plain(script.title_value("author") or script.title_value("authors") or "")
    canvas.setTitle(title.replace("\n", " ") or "Untitled screenplay")
    if author:
        canvas.setAuthor(author.replace("\n", ", "))
    canvas.setCreator("Reelwright")
    canvas.setSubject("Screenplay")
    sample = "".join(e.text for e in script.elements[:400])
    surface = PdfSurface(canvas, layout, font_set(), script_language(sample))
    draw_plan(surface, plan)
    if surface.outlined:
        canvas.showOutline()
    canvas.save()
    return buffer.getvalue()


__all__ = ["PdfSurface", "render_pdf", "render_plan", "write_pdf", "write_plan"]
