"""Reports as a PDF: charts first (drawn with reportlab's own graphics), then the scene,
cast and location tables.

The charts: who speaks how much (words of dialogue per speaker), scene lengths along the
script (one bar per scene, in eighths of a page, coloured by day or night), and the share
of day and night and of interior and exterior (in pages). Text is set in the bundled
typewriter face of the script PDF (``exporters.fonts``, with its fallbacks for other
alphabets), so names in Cyrillic, Greek or Chinese print, never as boxes. Qt-free; written
atomically.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.fileio import atomic_writer
from reelwright.screenplay.reports import (
    KINDS,
    PERIOD_COLORS,
    SETTING_COLORS,
    SPEAKER_COLOR,
    ScriptReport,
    Share,
    format_eighths,
    report_table,
)

SECTIONS = ("charts", *KINDS)
"""What a report PDF can hold, in the order it prints them."""

INK = "#222222"
GRID = "#d0d0d0"

# Columns of each table: relative widths and which columns wrap as paragraphs.
_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "scenes": (
        ("Scene", "Heading", "Page", "Length", "Characters", "Synopsis"),
        (0.07, 0.30, 0.06, 0.08, 0.23, 0.26),
    ),
    "cast": (
        (
            "Character",
            "Speeches",
            "Words",
            "Dialogue share %",
            "Scenes",
            "First scene",
            "First page",
        ),
        (0.30, 0.10, 0.10, 0.14, 0.10, 0.13, 0.13),
    ),
    "locations": (
        ("Location", "INT/EXT", "Day/Night", "Scenes", "Pages", "First scene"),
        (0.38, 0.14, 0.20, 0.09, 0.09, 0.10),
    ),
}
_TITLES = {
    "scenes": "Scene report",
    "cast": "Cast report",
    "locations": "Location report",
}


def render_report_pdf(report: ScriptReport, sections: Sequence[str] = SECTIONS) -> bytes:
    """The PDF bytes of ``report`` with ``sections`` (see :data:`SECTIONS`)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import inch
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from reelwright.exporters.fonts import font_set, script_language

    unknown = [s for s in sections if s not in SECTIONS]
    if unknown or not sections:
        raise ReelwrightError(
            f"unknown report {', '.join(unknown) or '(none)'}; choose from {', '.join(SECTIONS)}"
        )
    fonts = font_set()
    language = script_language(
        " ".join(
            [report.title] + [c.name for c in report.cast] + [s.heading for s in report.scenes]
        )
    )

    def markup(text: str, bold: bool = False) -> str:
        return "".join(
            f'<font name="{run.font}">{escape(run.text)}</font>'
            for run in fonts.runs(text, bold, False, language)
        )

    def face(text: str, bold: bool = False) -> str:
        """One font for a chart label: the one that draws most of it."""
        runs = list(fonts.runs(text, bold, False, language)) or []
        if not runs:
            return fonts.main(bold)
        return max(runs, key=lambda run: len(run.text)).font

    page = A4 if report.paper == "a4" else LETTER
    margin = 0.75 * inch
    width = page[0] - 2 * margin
    regular = fonts.main()
    base = ParagraphStyle("report", fontName=regular, fontSize=8.5, leading=10.5, textColor=INK)
    head = ParagraphStyle("head", parent=base, textColor="#ffffff")
    title_style = ParagraphStyle("title", parent=base, fontSize=18, leading=22, spaceAfter=2)
    small = ParagraphStyle("small", parent=base, fontSize=9, leading=12, textColor="#555555")
    h2 = ParagraphStyle("h2", parent=base, fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=6)

    story: list[Any] = [
        Paragraph(markup(report.title.upper(), bold=True), title_style),
        Paragraph(
            markup(
                f"{report.pages} pages · {len(report.scenes)} scenes · "
                f"{len(report.cast)} speaking characters · {len(report.locations)} locations · "
                f"{report.words:,} words · {time.strftime('%Y-%m-%d')}"
            ),
            small,
        ),
        Spacer(1, 0.12 * inch),
    ]
    for section in SECTIONS:
        if section not in sections:
            continue
        if section == "charts":
            story.extend(_charts(report, width, face, markup, h2, base))
            continue
        header, rows = report_table(report, section)
        names, fractions = _COLUMNS[section]
        picks = [header.index(name) for name in names]
        data: list[list[Any]] = [[Paragraph(markup(name, bold=True), head) for name in names]]
        for row in rows:
            cells = []
            for column in picks:
                value = row[column]
                cells.append(Paragraph(markup(str(value)), base))
            data.append(cells)
        if len(data) == 1:
            data.append([Paragraph(markup("(none)"), base)] + [""] * (len(names) - 1))
        table = Table(data, colWidths=[width * f for f in fractions], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#2b2b2b")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    (
                        "ROWBACKGROUNDS",
                        (0, 1),
                        (-1, -1),
                        [colors.white, colors.HexColor("#f3f3f3")],
                    ),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(GRID)),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story.append(CondPageBreak(1.5 * inch))
        story.append(KeepTogether([Paragraph(markup(_TITLES[section], bold=True), h2)]))
        story.append(table)
    buffer = io.BytesIO()

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(colors.HexColor("#888888"))
        canvas.drawString(margin, 0.5 * inch, f"{report.title} — reports")
        canvas.drawRightString(page[0] - margin, 0.5 * inch, f"{doc.page}.")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{report.title} — reports",
        author="Reelwright",
        subject="Scene, cast and location reports",
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _charts(
    report: ScriptReport, width: float, face: Any, markup: Any, h2: Any, base: Any
) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    out: list[Any] = []
    speakers = report.dialogue_share()
    if speakers:
        out.append(Paragraph(markup("Who speaks how much", bold=True), h2))
        out.append(speaker_chart(speakers, width, face))
    if report.scenes:
        out.append(Paragraph(markup("Scene lengths along the script", bold=True), h2))
        out.append(scene_length_chart(report, width, face))
        out.append(Spacer(1, 6))
        out.append(
            Paragraph(
                markup("Day and night, interior and exterior (share of pages)", bold=True), h2
            )
        )
        out.append(share_pies(report, width, face))
    if not out:
        out.append(Paragraph(markup("The script has no scenes or dialogue to chart yet."), base))
    return out


def speaker_chart(shares: Sequence[Share], width: float, face: Any) -> Any:
    """Horizontal bars: words of dialogue per speaker, with the share of all dialogue."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    row = 17
    label_width = 130
    height = row * len(shares) + 36
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 26
    chart.width = width - label_width - 100
    chart.height = row * len(shares)
    ordered = list(reversed(shares))  # reportlab draws the first category at the bottom
    chart.data = [[share.value for share in ordered]]
    chart.bars[0].fillColor = colors.HexColor(SPEAKER_COLOR)
    chart.bars[0].strokeColor = None
    chart.barWidth = row * 0.7
    chart.categoryAxis.categoryNames = ["" for _ in ordered]
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.strokeColor = colors.HexColor(GRID)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = face("0123456789")
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = colors.HexColor(GRID)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#eeeeee")
    total = sum(share.value for share in shares) or 1
    top = max(share.value for share in shares) or 1
    step = _step(top)
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * -(-top // step)
    drawing.add(chart)
    for index, share in enumerate(ordered):
        y = chart.y + (index + 0.5) * row - 3
        label = share.label if len(share.label) <= 22 else share.label[:21] + "…"
        drawing.add(
            String(label_width - 6, y, label, fontName=face(label), fontSize=8, textAnchor="end")
        )
        x = chart.x + chart.width * share.value / chart.valueAxis.valueMax + 4
        percent = f"{share.value:,.0f} words · {share.value / total:.0%}"
        drawing.add(
            String(
                x,
                y,
                percent,
                fontName=face(percent),
                fontSize=7,
                fillColor=colors.HexColor("#555555"),
            )
        )
    drawing.add(
        String(
            chart.x + chart.width / 2,
            0,
            "words of dialogue",
            fontName=face("words"),
            textAnchor="middle",
            fontSize=7,
            fillColor=colors.HexColor("#777777"),
        )
    )
    return drawing


def _step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if top / step <= 6:
            return step
    return 10 ** len(str(int(top)))


def scene_length_chart(report: ScriptReport, width: float, face: Any) -> Any:
    """One bar per scene in script order, its height the scene's length in pages,
    coloured by day or night; a legend below."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    scenes = report.scenes
    height = 170
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = 42
    chart.width = width - 40
    chart.height = height - 55
    chart.data = [[scene.eighths / 8 for scene in scenes]]
    chart.barSpacing = 0
    chart.groupSpacing = 0.6 if len(scenes) > 60 else 2
    chart.bars.strokeColor = None
    for index, scene in enumerate(scenes):
        chart.bars[(0, index)].fillColor = colors.HexColor(PERIOD_COLORS[scene.period])
    every = max(1, round(len(scenes) / 24))
    chart.categoryAxis.categoryNames = [
        scene.number if index % every == 0 else "" for index, scene in enumerate(scenes)
    ]
    chart.categoryAxis.labels.fontName = face("0123456789")
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 0
    chart.categoryAxis.visibleTicks = False
    chart.categoryAxis.strokeColor = colors.HexColor(GRID)
    longest = max(scene.eighths for scene in scenes) / 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(1.0, (int(longest * 2) + 1) / 2)
    chart.valueAxis.valueStep = 0.5 if chart.valueAxis.valueMax <= 4 else 1
    chart.valueAxis.labels.fontName = face("0123456789")
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#eeeeee")
    chart.valueAxis.strokeColor = colors.HexColor(GRID)
    drawing.add(chart)
    drawing.add(String(0, height - 8, "pages", fontName=face("pages"), fontSize=7))
    drawing.add(
        String(
            chart.x + chart.width / 2,
            chart.y - 20,
            "scenes in script order (scene numbers)",
            fontName=face("scenes"),
            fontSize=7,
            textAnchor="middle",
            fillColor=colors.HexColor("#777777"),
        )
    )
    x = chart.x
    for share in report.period_share():
        drawing.add(
            Rect(
                x, 2, 8, 8, fillColor=colors.HexColor(PERIOD_COLORS[share.label]), strokeColor=None
            )
        )
        label = f"{share.label} ({share.count})"
        drawing.add(String(x + 11, 3, label, fontName=face(label), fontSize=7))
        x += 30 + 5.2 * len(label)
    return drawing


def share_pies(report: ScriptReport, width: float, face: Any) -> Any:
    """Two pies side by side: day/night and INT/EXT, each slice labelled with its pages."""
    from reportlab.graphics.charts.piecharts import Pie
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    height = 150
    drawing = Drawing(width, height)
    for column, (title, shares, palette) in enumerate(
        (
            ("Day / night", report.period_share(), PERIOD_COLORS),
            ("Interior / exterior", report.setting_share(), SETTING_COLORS),
        )
    ):
        left = column * width / 2
        drawing.add(String(left, height - 10, title, fontName=face(title, True), fontSize=9))
        if not shares:
            continue
        pie = Pie()
        pie.x = left + 6
        pie.y = 12
        pie.width = pie.height = 105
        pie.data = [max(share.value, 0.0001) for share in shares]
        pie.labels = None
        pie.slices.strokeColor = colors.white
        pie.slices.strokeWidth = 1
        for index, share in enumerate(shares):
            pie.slices[index].fillColor = colors.HexColor(palette[share.label])
        drawing.add(pie)
        total = sum(share.value for share in shares) or 1
        y = 104
        for share in shares:
            color = colors.HexColor(palette[share.label])
            drawing.add(Rect(left + 128, y, 8, 8, fillColor=color, strokeColor=None))
            label = f"{share.label} {share.value / total:.0%}"
            drawing.add(String(left + 140, y + 1, label, fontName=face(label, True), fontSize=7.5))
            detail = (
                f"{format_eighths(int(share.value))} pp, "
                f"{share.count} scene{'s' if share.count != 1 else ''}"
            )
            drawing.add(
                String(
                    left + 140,
                    y - 8,
                    detail,
                    fontName=face(detail),
                    fontSize=6.5,
                    fillColor=colors.HexColor("#555555"),
                )
            )
            y -= 24
    return drawing


def write_report_pdf(
    report: ScriptReport, path: str | os.PathLike[str], sections: Sequence[str] = SECTIONS
) -> None:
    """Write the report PDF at ``path`` atomically (the old file survives a failure)."""
    data = render_report_pdf(report, sections)
    with atomic_writer(path) as handle:
        handle.write(data)
