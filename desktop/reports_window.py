"""The Reports window: charts, and the scene, cast and location tables.

Everything shown comes from ``screenplay.reports.build_report`` over the latest analysis
(the same numbers and columns as ``reelwright report`` and the report PDF); the window
refreshes after each analysis while it is open, never while hidden. A double click on a
row, or a click on a scene's bar, puts the caret at that scene. The charts are painted
here with QPainter; the PDF draws the same ones with reportlab's graphics.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.reports import (
    KINDS,
    PERIOD_COLORS,
    SETTING_COLORS,
    SPEAKER_COLOR,
    ScriptReport,
    Share,
    build_report,
    format_eighths,
    report_table,
)

if TYPE_CHECKING:
    from reelwright.desktop.analysis import Analysis
    from reelwright.desktop.main_window import MainWindow

HIDDEN_COLUMNS = {"scenes": ("INT/EXT", "Location", "Time", "Eighths"), "locations": ("Eighths",)}
"""Columns the CSV keeps for spreadsheets that the window leaves out (the heading and the
length say the same)."""
TAB_TITLES = {
    "charts": QT_TRANSLATE_NOOP("ReportsWindow", "Charts"),
    "scenes": QT_TRANSLATE_NOOP("ReportsWindow", "Scenes"),
    "cast": QT_TRANSLATE_NOOP("ReportsWindow", "Cast"),
    "locations": QT_TRANSLATE_NOOP("ReportsWindow", "Locations"),
}
SHOWN = (
    # The report's columns (``report_table``) ...
    QT_TRANSLATE_NOOP("Reports", "Scene"),
    QT_TRANSLATE_NOOP("Reports", "Heading"),
    QT_TRANSLATE_NOOP("Reports", "INT/EXT"),
    QT_TRANSLATE_NOOP("Reports", "Location"),
    QT_TRANSLATE_NOOP("Reports", "Time"),
    QT_TRANSLATE_NOOP("Reports", "Day/Night"),
    QT_TRANSLATE_NOOP("Reports", "Page"),
    QT_TRANSLATE_NOOP("Reports", "Length"),
    QT_TRANSLATE_NOOP("Reports", "Eighths"),
    QT_TRANSLATE_NOOP("Reports", "Characters"),
    QT_TRANSLATE_NOOP("Reports", "Synopsis"),
    QT_TRANSLATE_NOOP("Reports", "Words"),
    QT_TRANSLATE_NOOP("Reports", "Character"),
    QT_TRANSLATE_NOOP("Reports", "Speeches"),
    QT_TRANSLATE_NOOP("Reports", "Dialogue share %"),
    QT_TRANSLATE_NOOP("Reports", "Scenes"),
    QT_TRANSLATE_NOOP("Reports", "Speaking scenes"),
    QT_TRANSLATE_NOOP("Reports", "First scene"),
    QT_TRANSLATE_NOOP("Reports", "First page"),
    QT_TRANSLATE_NOOP("Reports", "Times"),
    QT_TRANSLATE_NOOP("Reports", "Pages"),
    # ... and its categories (``PERIODS``, ``SETTINGS``, ``OTHERS``).
    QT_TRANSLATE_NOOP("Reports", "Day"),
    QT_TRANSLATE_NOOP("Reports", "Night"),
    QT_TRANSLATE_NOOP("Reports", "Dawn/Dusk"),
    QT_TRANSLATE_NOOP("Reports", "Unspecified"),
    QT_TRANSLATE_NOOP("Reports", "Others"),
    QT_TRANSLATE_NOOP("Reports", "INT"),
    QT_TRANSLATE_NOOP("Reports", "EXT"),
)
"""The core report's own words, which the window shows in the interface's language (the
CSV and the PDF keep them); a test checks this list against the core's columns."""


def shown(word: str) -> str:
    """A column name or category of the core report in the interface's language."""
    return QCoreApplication.translate("Reports", word)


_NUMERIC = {
    "Page",
    "Eighths",
    "Words",
    "Speeches",
    "Dialogue share %",
    "Scenes",
    "Speaking scenes",
    "First page",
}


class _SortItem(QTableWidgetItem):
    """Sorts numbers as numbers and lengths (``1 3/8``) by their eighths."""

    def __init__(self, text: str, key: float | str) -> None:
        super().__init__(text)
        self._key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _SortItem) and type(self._key) is type(other._key):
            return self._key < other._key  # type: ignore[operator]
        return super().__lt__(other)


class ChartsView(QWidget):
    """Who speaks how much, scene lengths along the script, day/night and INT/EXT."""

    scene_clicked = Signal(int)
    """Index of the scene whose bar was clicked."""

    MARGIN = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCharts")
        self.report: ScriptReport | None = None
        self._bars: list[tuple[QRectF, int]] = []
        self.setMouseTracking(True)
        self.setMinimumWidth(560)

    def set_report(self, report: ScriptReport) -> None:
        self.report = report
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def _height(self) -> int:
        speakers = len(self.report.dialogue_share()) if self.report else 0
        return self.MARGIN * 2 + 30 + speakers * 22 + 60 + 190 + 60 + 120

    def sizeHint(self) -> QSize:
        return QSize(760, self._height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        report = self.report
        if report is None:
            painter.end()
            return
        ink = self.palette().text().color()
        dim = QColor(ink)
        dim.setAlpha(150)
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        width = self.width() - 2 * self.MARGIN
        x0 = self.MARGIN
        y = self.MARGIN
        self._bars = []

        def title(text: str) -> None:
            nonlocal y
            painter.setFont(title_font)
            painter.setPen(ink)
            painter.drawText(QRectF(x0, y, width, 24), Qt.AlignmentFlag.AlignLeft, text)
            painter.setFont(self.font())
            y += 30

        metrics = QFontMetrics(self.font())
        # Who speaks how much.
        title(self.tr("Who speaks how much"))
        speakers = report.dialogue_share()
        total = sum(s.value for s in speakers) or 1
        top = max((s.value for s in speakers), default=1) or 1
        name_width = min(
            200, max((metrics.horizontalAdvance(s.label) for s in speakers), default=0) + 12
        )
        bar_room = width - name_width - 150
        for share in speakers:
            painter.setPen(ink)
            painter.drawText(
                QRectF(x0, y, name_width - 8, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(share.label, Qt.TextElideMode.ElideRight, name_width - 8),
            )
            length = max(1.0, bar_room * share.value / top)
            painter.fillRect(QRectF(x0 + name_width, y + 3, length, 13), QColor(SPEAKER_COLOR))
            painter.setPen(dim)
            painter.drawText(
                QRectF(x0 + name_width + length + 6, y, 150, 18),
                Qt.AlignmentFlag.AlignVCenter,
                self.tr("{words} words · {share}").format(
                    words=f"{share.value:,.0f}", share=f"{share.value / total:.0%}"
                ),
            )
            y += 22
        if not speakers:
            painter.setPen(dim)
            painter.drawText(QRectF(x0, y, width, 18), 0, self.tr("No dialogue yet."))
            y += 22
        y += 20
        # Scene lengths along the script.
        title(self.tr("Scene lengths along the script"))
        scenes = report.scenes
        chart_height = 150.0
        if scenes:
            longest = max(s.eighths for s in scenes) / 8
            scale = max(1.0, float(int(longest * 2) + 1) / 2)
            left = x0 + 36
            room = width - 36
            step = room / len(scenes)
            painter.setPen(QColor(dim.red(), dim.green(), dim.blue(), 60))
            ticks = (
                [t * 0.5 for t in range(int(scale * 2) + 1)]
                if scale <= 4
                else list(range(int(scale) + 1))
            )
            for tick in ticks:
                ty = y + chart_height - chart_height * tick / scale
                painter.setPen(QColor(dim.red(), dim.green(), dim.blue(), 50))
                painter.drawLine(int(left), int(ty), int(left + room), int(ty))
                painter.setPen(dim)
                painter.drawText(
                    QRectF(x0, ty - 8, 32, 16), Qt.AlignmentFlag.AlignRight, f"{tick:g}"
                )
            for index, scene in enumerate(scenes):
                height = chart_height * (scene.eighths / 8) / scale
                rect = QRectF(
                    left + index * step + step * 0.1,
                    y + chart_height - height,
                    max(1.0, step * 0.8),
                    height,
                )
                painter.fillRect(rect, QColor(PERIOD_COLORS[scene.period]))
                self._bars.append((QRectF(left + index * step, y, step, chart_height), index))
            y += int(chart_height) + 6
            painter.setPen(dim)
            painter.drawText(
                QRectF(left, y, room, 16),
                Qt.AlignmentFlag.AlignHCenter,
                self.tr(
                    "{count} scenes in script order; bar height: pages (click a bar to go there)"
                ).format(count=len(scenes)),
            )
            y += 22
            self._legend(painter, x0, y, report.period_share(), PERIOD_COLORS, count_only=True)
            y += 30
        else:
            painter.setPen(dim)
            painter.drawText(QRectF(x0, y, width, 18), 0, self.tr("No scenes yet."))
            y += 30
        # Day and night, interior and exterior.
        title(self.tr("Day and night, interior and exterior (share of pages)"))
        for label, shares, colors in (
            (self.tr("Day / night"), report.period_share(), PERIOD_COLORS),
            (self.tr("INT / EXT"), report.setting_share(), SETTING_COLORS),
        ):
            painter.setPen(ink)
            painter.drawText(QRectF(x0, y, 110, 20), Qt.AlignmentFlag.AlignVCenter, label)
            whole = sum(s.value for s in shares) or 1
            left = x0 + 110
            room = width - 110
            for share in shares:
                part = room * share.value / whole
                painter.fillRect(QRectF(left, y + 2, part, 16), QColor(colors[share.label]))
                left += part
            y += 24
            self._legend(painter, x0 + 110, y, shares, colors)
            y += 28
        painter.end()

    def _legend(
        self,
        painter: QPainter,
        x: float,
        y: float,
        shares: list[Share],
        colors: dict[str, str],
        count_only: bool = False,
    ) -> None:
        metrics = QFontMetrics(self.font())
        total = sum(s.value for s in shares) or 1
        painter.setPen(self.palette().text().color())
        for share in shares:
            painter.fillRect(QRectF(x, y + 3, 10, 10), QColor(colors[share.label]))
            if count_only:
                text = f"{shown(share.label)} ({share.count})"
            else:
                text = self.tr("{label} {share}: {pages} pp, {scenes} sc.").format(
                    label=shown(share.label),
                    share=f"{share.value / total:.0%}",
                    pages=format_eighths(int(share.value)),
                    scenes=share.count,
                )
            painter.drawText(QRectF(x + 14, y, 400, 16), Qt.AlignmentFlag.AlignVCenter, text)
            x += 14 + metrics.horizontalAdvance(text) + 18

    def bar_at(self, point: QPoint) -> int | None:
        for rect, index in self._bars:
            if rect.contains(point.toPointF()):
                return index
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index is not None and self.report is not None:
            scene = self.report.scenes[index]
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"{scene.number}. {scene.heading}\n"
                + self.tr("page {page}, {length} pp, {period}").format(
                    page=scene.page,
                    length=format_eighths(scene.eighths),
                    period=shown(scene.period),
                ),
                self,
            )
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.scene_clicked.emit(index)
        super().mousePressEvent(event)


class ReportsWindow(QWidget):
    """See the module docstring."""

    refreshed = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("reportsWindow")
        self.main_window = window
        self.setWindowTitle(self.tr("Reports — Reelwright"))
        self.resize(980, 720)
        self.report: ScriptReport | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel("", self)
        self.summary.setObjectName("reportSummary")
        font = QFont(self.summary.font())
        font.setBold(True)
        self.summary.setFont(font)
        top.addWidget(self.summary, 1)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.pdf_button.clicked.connect(self.export_pdf_dialog)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.csv_button.clicked.connect(self.export_csv_dialog)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        layout.addLayout(top)
        self.tabs = QTabWidget(self)
        self.charts = ChartsView(self)
        self.charts.scene_clicked.connect(self._go_to_scene)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        self.tabs.addTab(scroll, self.tr(TAB_TITLES["charts"]))
        self.tables: dict[str, QTableWidget] = {}
        for kind in KINDS:
            table = QTableWidget(self)
            table.setObjectName(f"report-{kind}")
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.verticalHeader().setVisible(False)
            table.setWordWrap(False)
            table.cellDoubleClicked.connect(lambda row, _col, k=kind: self._row_activated(k, row))
            self.tables[kind] = table
            self.tabs.addTab(table, self.tr(TAB_TITLES[kind]))
        layout.addWidget(self.tabs, 1)
        window.analysis_ready.connect(self._analysis)

    def _analysis(self, analysis: Analysis) -> None:
        if self.isVisible():
            self.refresh(analysis)

    def refresh(self, analysis: Analysis | None = None) -> ScriptReport:
        """Rebuild every report from ``analysis`` (default: the latest, made now if none)."""
        analyzer = self.main_window.analyzer
        analysis = analysis or analyzer.latest or analyzer.run_now()
        from reelwright.screenplay.parser import parse

        script = (
            analysis.script
            if analysis is not None
            else parse(self.main_window.editor.script_text())
        )
        report = build_report(script, analyzer.layout)
        self.report = report
        self.summary.setText(
            self.tr(
                "{title}: {pages} pages · {scenes} scenes · {cast} speaking characters · "
                "{locations} locations · {words} words"
            ).format(
                title=report.title,
                pages=report.pages,
                scenes=len(report.scenes),
                cast=len(report.cast),
                locations=len(report.locations),
                words=f"{report.words:,}",
            )
        )
        self.charts.set_report(report)
        for kind, table in self.tables.items():
            self._fill(table, kind, report)
        self.refreshed.emit(report)
        return report

    def _fill(self, table: QTableWidget, kind: str, report: ScriptReport) -> None:
        header, rows = report_table(report, kind)
        table.setSortingEnabled(False)
        table.clear()
        table.setColumnCount(len(header))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([shown(name) for name in header])
        period_column = header.index("Day/Night") if "Day/Night" in header else -1
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                name = header[c]
                key: float | str
                if name in ("Length", "Pages"):
                    key = float(row[header.index("Eighths")])
                elif name in _NUMERIC:
                    try:
                        key = float(str(value))
                    except (TypeError, ValueError):
                        key = str(value)
                elif name == "Scene":
                    key = float(r)  # script order
                else:
                    key = str(value).casefold()
                text = str(value)
                if c == period_column:
                    text = " / ".join(shown(part) for part in text.split(" / "))
                item = _SortItem(text, key)
                item.setData(Qt.ItemDataRole.UserRole, r)
                if name in _NUMERIC or name in ("Length", "Pages"):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        head = table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.resizeColumnsToContents()
        for c, name in enumerate(header):
            if name in ("Heading", "Synopsis", "Characters", "Location"):
                table.setColumnWidth(c, min(max(table.columnWidth(c), 120), 320))
        head.setStretchLastSection(True)
        for c, name in enumerate(header):
            table.setColumnHidden(c, name in HIDDEN_COLUMNS.get(kind, ()))

    def _row_activated(self, kind: str, row: int) -> None:
        if self.report is None:
            return
        item = self.tables[kind].item(row, 0)
        if item is None:
            return
        original = int(item.data(Qt.ItemDataRole.UserRole))
        if kind == "scenes":
            self._go_to_scene(original)
        elif kind == "cast":
            self.main_window.editor.go_to_line(self.report.cast[original].first_line)
        else:
            number = self.report.locations[original].first_scene
            for index, scene in enumerate(self.report.scenes):
                if scene.number == number:
                    self._go_to_scene(index)
                    break

    def _go_to_scene(self, index: int) -> None:
        if self.report is not None and 0 <= index < len(self.report.scenes):
            self.main_window.editor.go_to_line(self.report.scenes[index].line)
            self.main_window.activateWindow()

    # Export ------------------------------------------------------------------------------------
    def _stem(self) -> Path:
        document = self.main_window.document
        folder = document.path.parent if document.path else Path.home()
        stem = document.path.stem if document.path else self.tr("Untitled")
        return folder / self.tr("{stem} reports").format(stem=stem)

    def export_pdf(self, path: str | Path) -> None:
        from reelwright.exporters.report_pdf import write_report_pdf

        write_report_pdf(self.report or self.refresh(), path)

    def export_csv(self, path: str | Path) -> list[str]:
        from reelwright.exporters.report_csv import write_csvs

        return write_csvs(self.report or self.refresh(), path)

    def export_pdf_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Reports"),
            str(self._stem().with_suffix(".pdf")),
            self.tr("PDF (*.pdf)"),
        )
        if name:
            self._export(
                lambda: self.export_pdf(name), self.tr("Wrote {name}").format(name=Path(name).name)
            )

    def export_csv_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Reports as CSV"),
            str(self._stem().with_suffix(".csv")),
            self.tr("CSV (*.csv)"),
        )
        if name:
            self._export(
                lambda: self.export_csv(name),
                self.tr("Wrote the scene, cast and location CSV files beside {name}").format(
                    name=Path(name).name
                ),
            )

    def _export(self, work: object, done: str) -> None:
        try:
            work()  # type: ignore[operator]
        except (ReelwrightError, OSError) as error:
            QMessageBox.warning(
                self,
                self.tr("Export Reports"),
                self.tr("The reports were not written: {reason}").format(reason=error),
            )
            return
        self.main_window.statusBar().showMessage(done, 6000)


__all__ = ["ChartsView", "ReportsWindow"]
