"""Page breaks in the editor: a thin rule with the page number where each page starts.

The page starts come from the core's pagination (computed after typing pauses); only the
rules that fall inside the visible blocks are looked up and painted, so a repaint costs
the same on page 1 and on page 120. Each rule is labelled as its page prints: ``23.``, and
under locked pages ``23A.`` or ``24-25.`` (the analysis' page numbers read as their labels:
``analysis.PageNumber``), the PDF's own page numbers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from reelwright.desktop.themes import Theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit


def visible_block_range(editor: QTextEdit) -> tuple[int, int]:
    """First and last block numbers that intersect the viewport."""
    top = editor.cursorForPosition(editor.viewport().rect().topLeft()).blockNumber()
    bottom = editor.cursorForPosition(editor.viewport().rect().bottomLeft()).blockNumber()
    return top, bottom


def paint_page_rules(
    painter: QPainter,
    editor: QTextEdit,
    page_starts: list[tuple[int, int]],
    theme: Theme,
    lines: list[int] | None = None,
) -> None:
    """``lines``: the block numbers of ``page_starts`` (made once per analysis by the
    editor, not on every paint)."""
    first, last = visible_block_range(editor)
    if lines is None:
        lines = [line for line, _ in page_starts]
    lo = bisect_left(lines, first)
    hi = bisect_right(lines, last + 1)
    if lo >= hi:
        return
    doc = editor.document()
    layout = doc.documentLayout()
    offset = editor.verticalScrollBar().value()
    width = editor.viewport().width()
    margin = doc.documentMargin()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(QColor(theme.page_rule))
    pen.setWidth(1)
    pen.setStyle(Qt.PenStyle.SolidLine)
    font = QFont(editor.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    for line, page in page_starts[lo:hi]:
        block = doc.findBlockByNumber(line)
        if not block.isValid():
            continue
        y = layout.blockBoundingRect(block).top() - offset
        label = f"{page}."  # a locked page's label (PageNumber), else its number
        label_width = metrics.horizontalAdvance(label) + 10
        painter.setPen(pen)
        painter.drawLine(QPointF(0, y), QPointF(width - label_width - margin / 2, y))
        painter.setPen(QColor(theme.page_number))
        box = QRectF(width - label_width - margin / 2, y - metrics.height() / 2, label_width, 1)
        box.setHeight(metrics.height())
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
