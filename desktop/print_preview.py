"""File → Print… and Print Preview…: the PDF's own sheets on the system's printers.

Qt's print support (``QtPrintSupport``, in PySide6-Essentials) gives the printers, the print
dialog and the preview; what is drawn is the core's print plan (``page_plan.plan_print``:
the pages, their labels, revision marks and headers, the title page) through the same
drawing as the PDF (``exporters.sheets.draw_plan``), here on Qt's painter
(:class:`QtSurface`). So the preview, the printer and the PDF show the same sheets: the same
pages, each glyph where the PDF has it (the PDF's font files, the PDF's metrics for every
choice of size and fit). PySide6-Essentials has no QtPdf to draw the PDF file itself.

The preview is also the PDF preview before saving: its options (whole script or revised
pages only, revision marks, coloured-paper hints, rounds and draft date on the title page,
watermark, header and footer) change the sheets at once, and **Save PDF…** writes exactly
what it shows. The sheet options are preferences (``print/...``: File → Export uses them
too); revised-only and the draft date are for one print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QPointF, QRectF, QSizeF, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reelwright.screenplay.errors import ReelwrightError

if TYPE_CHECKING:
    from reelwright.desktop.main_window import MainWindow
    from reelwright.exporters.fonts import FontSet
    from reelwright.screenplay.layout import Layout
    from reelwright.screenplay.page_plan import PrintPlan
    from reelwright.screenplay.pagination import Run
    from reelwright.screenplay.print_setup import PrintSetup

translate = QCoreApplication.translate

PT = 72.0
"""Points per inch: the plan's unit."""
_FAMILIES: dict[str, str] = {}
"""A bundled font file's name (``ReelwrightTypewriter-Bold``) -> its family in Qt."""


def _family(name: str) -> str | None:
    """The Qt family of the bundled face registered in reportlab as ``name`` (the file is
    added to Qt's font database once); None for reportlab's CID fonts, which have no file
    (Qt's own fallback draws those characters)."""
    if name in _FAMILIES:
        return _FAMILIES[name]
    node = resources.files("reelwright.resources") / "fonts" / f"{name}.ttf"
    family = None
    if node.is_file():
        with resources.as_file(node) as path:
            found = QFontDatabase.applicationFontFamilies(
                QFontDatabase.addApplicationFont(str(path))
            )
        family = found[0] if found else None
    if family is not None:
        _FAMILIES[name] = family
    return family


def _style_name(family: str, bold: bool, italic: bool) -> str | None:
    """The family's style called Regular, Bold, Italic or Bold Italic, as it is spelt."""
    wanted = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
    for style in QFontDatabase.styles(family):
        if style.casefold().replace(" ", "") == wanted:
            return style
    return None


class QtSurface:
    """A Qt paint device (a printer, the preview's pages, an image) as a
    :class:`~reelwright.exporters.sheets.Surface`: the plan's points from the paper's
    bottom-left corner put on the device's pixels, its fonts the PDF's font files, its
    widths the PDF's (reportlab's metrics), so every choice the drawing makes is the PDF's."""

    def __init__(
        self,
        painter: QPainter,
        layout: Layout,
        fonts: FontSet,
        language: str,
        new_page: Callable[[], object] | None = None,
    ) -> None:
        self.painter = painter
        self.layout = layout
        self.fonts = fonts
        self.language = language
        self.size = layout.font_size
        self.cell = layout.char_width * PT
        self._new_page = new_page
        self._started = False
        device = painter.device()
        self.scale = device.logicalDpiX() / PT
        """Device pixels per point."""
        self._height = layout.page_height * PT
        self._fonts: dict[tuple[str, float, bool], QFont] = {}
        self.sheets = 0
        """Sheets begun (the preview's and the printer's page count)."""

    # Coordinates and fonts -----------------------------------------------------------------
    def _point(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.scale, (self._height - y) * self.scale)

    def font(self, name: str, size: float, grid: bool = False) -> QFont:
        """The QFont of the registered face ``name`` at ``size`` points; ``grid``: spaced so
        that every character advances one cell of the 10-per-inch grid, as in the PDF."""
        key = (name, size, grid)
        found = self._fonts.get(key)
        if found is not None:
            return found
        family = _family(name)
        bold = name.endswith(("-Bold", "-BoldItalic"))
        italic = name.endswith(("-Italic", "-BoldItalic"))
        font = QFont(family) if family else QFont()
        style = _style_name(family, bold, italic) if family else None
        if style is not None:
            # By its style name: the bundled faces' weights do not say which is bold, and
            # a weight Qt cannot match is drawn twice over (a synthetic bold), not the PDF's.
            font.setStyleName(style)
        else:
            font.setBold(bold)
            font.setItalic(italic)
        font.setPointSizeF(size * self.scale * PT / max(self.painter.device().logicalDpiY(), 1))
        font.setKerning(False)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        if grid:  # the face's own advance (the PDF's metrics) scaled onto the cell
            advance = self.text_width("M", name, size)
            if advance > 0:
                spacing = 100.0 * self.cell / advance
                font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
        self._fonts[key] = font
        return font

    # The surface ----------------------------------------------------------------------------
    def begin_page(self) -> None:
        if self._started and self._new_page is not None:
            self._new_page()
        self._started = True
        self.sheets += 1
        self.painter.save()

    def end_page(self) -> None:
        self.painter.restore()

    def text_width(self, text: str, font: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(stringWidth(text, font, size))

    def draw_runs(self, runs: Iterable[Run], x: float, y: float) -> float:
        from reelwright.screenplay.pagination import char_columns, text_columns

        painter = self.painter
        painter.setPen(QColor("#000000"))
        cell = self.cell
        for run in runs:
            start_x = x
            for piece in self.fonts.runs(run.text, run.bold, run.italic, self.language):
                if piece.cjk:
                    painter.setFont(self.font(piece.font, self.size))
                    for char in piece.text:
                        cells = char_columns(char)
                        width = self.text_width(char, piece.font, self.size)
                        painter.drawText(self._point(x + (cells * cell - width) / 2, y), char)
                        x += cells * cell
                    continue
                painter.setFont(self.font(piece.font, self.size, grid=True))
                painter.drawText(self._point(x, y), piece.text)
                x += text_columns(piece.text) * cell
            if run.underline and x > start_x:
                pen = QPen(QColor("#000000"))
                pen.setWidthF(0.6 * self.scale)
                painter.setPen(pen)
                painter.drawLine(self._point(start_x, y - 1.6), self._point(x, y - 1.6))
                painter.setPen(QColor("#000000"))
        return x

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
        painter = self.painter
        painter.save()
        painter.translate(self._point(x, y))
        if angle:
            painter.rotate(-angle)  # the plan turns counter-clockwise, Qt's y runs down
        painter.setOpacity(alpha)
        painter.setPen(QColor(colour))
        painter.setFont(self.font(font, size))
        # Glyph by glyph at the PDF's advances (Qt's own would round them otherwise).
        offset = 0.0
        for char in text:
            painter.drawText(QPointF(offset * self.scale, 0), char)
            offset += self.text_width(char, font, size)
        painter.restore()

    def fill_rect(self, x: float, y: float, width: float, height: float, colour: str) -> None:
        top_left = self._point(x, y + height)
        self.painter.fillRect(
            QRectF(top_left, QSizeF(width * self.scale, height * self.scale)), QColor(colour)
        )

    def bookmark(self, key: str, title: str, top: float) -> None:
        """Paper has no outline."""


def configure_printer(printer: QPrinter, layout: Layout) -> None:
    """The plan's paper, portrait, drawn from the paper's corner (no margins of Qt's): the
    printer's own unprintable edge is the only difference from the PDF."""
    size = QPageSize(
        QSizeF(layout.page_width, layout.page_height),
        QPageSize.Unit.Inch,
        layout.name,
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)


def draw_on_printer(printer: QPrinter, plan: PrintPlan) -> int:
    """Every sheet of ``plan`` on ``printer`` (a real printer, a PDF file, the preview's
    pages); returns how many sheets."""
    from reelwright.exporters.fonts import font_set, script_language
    from reelwright.exporters.sheets import draw_plan

    painter = QPainter()
    if not painter.begin(printer):
        raise ReelwrightError(
            translate("PrintPreview", "the printer could not be started (is it connected?)")
        )
    try:
        sample = "".join(e.text for e in plan.script.elements[:400])
        surface = QtSurface(
            painter, plan.layout, font_set(), script_language(sample), printer.newPage
        )
        draw_plan(surface, plan)
    finally:
        painter.end()
    return surface.sheets


# The dialog ------------------------------------------------------------------------------------


class PrintPreview(QDialog):
    """The sheets as they print, with the options that change them; Print… and Save PDF…
    from there. ``plan_for(setup)`` makes the plan of the window's draft."""

    def __init__(
        self,
        setup: PrintSetup,
        plan_for: Callable[[PrintSetup], PrintPlan],
        store: Callable[[str, object], None],
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print Preview"))
        self.setup = setup
        self._plan_for = plan_for
        self._store = store
        self._name = name or "Untitled"
        self.plan: PrintPlan | None = None
        self.sheets = 0
        """Sheets the preview drew last."""
        self.error = ""
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("previewPages")
        self.preview.paintRequested.connect(self._paint)
        self.preview.previewChanged.connect(self._update_page)
        view = self.preview.findChild(QAbstractScrollArea)
        if view is not None:  # the preview has no signal of its own for the page shown
            view.verticalScrollBar().valueChanged.connect(lambda _value: self._update_page())
            view.horizontalScrollBar().valueChanged.connect(lambda _value: self._update_page())

        self.pages = QComboBox(self)
        self.pages.setObjectName("printPages")
        self.pages.addItem(self.tr("The whole script"), False)
        self.pages.addItem(self.tr("Revised pages (this round)"), True)
        self.pages.setCurrentIndex(1 if setup.revised_only else 0)
        self.marks = QCheckBox(self.tr("Revision &marks (*) beside changed lines"), self)
        self.marks.setObjectName("printMarks")
        self.marks.setChecked(setup.revision_marks)
        self.colour = QComboBox(self)
        self.colour.setObjectName("printColour")
        for value, text in (
            ("none", self.tr("None: print on coloured paper")),
            ("tint", self.tr("Tint revised pages")),
            ("band", self.tr("A band naming the colour")),
        ):
            self.colour.addItem(text, value)
        self.colour.setCurrentIndex(max(0, self.colour.findData(setup.revision_colour)))
        self.rounds = QCheckBox(self.tr("Revision &rounds on the title page"), self)
        self.rounds.setObjectName("printRounds")
        self.rounds.setChecked(setup.title_revisions)
        self.draft_date = QLineEdit(setup.draft_date, self)
        self.draft_date.setObjectName("printDraftDate")
        self.draft_date.setPlaceholderText(self.tr("the title page's own"))
        self.watermark = QLineEdit(setup.watermark, self)
        self.watermark.setObjectName("printWatermark")
        self.watermark.setPlaceholderText(self.tr("say, the recipient's name"))
        self.header = QLineEdit(setup.header, self)
        self.header.setObjectName("printHeader")
        self.footer = QLineEdit(setup.footer, self)
        self.footer.setObjectName("printFooter")
        self.summary = QLabel(self)
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Pa&ges:"), self.pages)
        form.addRow(self.marks)
        form.addRow(self.tr("&Coloured paper:"), self.colour)
        form.addRow(self.rounds)
        form.addRow(self.tr("&Draft date:"), self.draft_date)
        form.addRow(self.tr("&Watermark:"), self.watermark)
        form.addRow(self.tr("&Header:"), self.header)
        form.addRow(self.tr("&Footer:"), self.footer)
        form.addRow(self.summary)
        side = QWidget(self)
        side.setLayout(form)
        side.setMinimumWidth(340)
        side.setMaximumWidth(420)

        tools = QHBoxLayout()
        for text, tip, slot in (
            ("⇤", self.tr("First page"), lambda: self._step(-self.sheets)),
            ("←", self.tr("Previous page"), lambda: self._step(-1)),
            ("→", self.tr("Next page"), lambda: self._step(1)),
            ("⇥", self.tr("Last page"), lambda: self._step(self.sheets)),
            ("−", self.tr("Zoom out"), lambda: self.preview.zoomOut()),
            ("+", self.tr("Zoom in"), lambda: self.preview.zoomIn()),
            ("↔", self.tr("Fit the width"), self.preview.fitToWidth),
            ("▯", self.tr("Whole page"), self.preview.fitInView),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            tools.addWidget(button)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("printPageLabel")
        tools.addWidget(self.page_label)
        tools.addStretch(1)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton(self.tr("&Save PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self.save_dialog)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for push in (self.print_button, self.save_button, close):
            tools.addWidget(push)

        pages = QVBoxLayout()
        pages.addWidget(self.preview, 1)
        pages.addLayout(tools)
        outer = QHBoxLayout(self)
        outer.addLayout(pages, 1)
        outer.addWidget(side)
        self.resize(1100, 800)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.refresh)
        self.pages.currentIndexChanged.connect(lambda _index: self.refresh())
        self.marks.toggled.connect(lambda _on: self.refresh())
        self.colour.currentIndexChanged.connect(lambda _index: self.refresh())
        self.rounds.toggled.connect(lambda _on: self.refresh())
        for edit in (self.draft_date, self.watermark, self.header, self.footer):
            edit.textEdited.connect(lambda _text: self._timer.start())
        self.refresh()

    # The options -----------------------------------------------------------------------------
    def chosen(self) -> PrintSetup:
        """The setup with the dialog's choices."""
        return replace(
            self.setup,
            revised_only=bool(self.pages.currentData()),
            revision_marks=self.marks.isChecked(),
            revision_colour=str(self.colour.currentData()),
            title_revisions=self.rounds.isChecked(),
            draft_date=self.draft_date.text().strip(),
            watermark=self.watermark.text().strip(),
            header=self.header.text().strip(),
            footer=self.footer.text().strip(),
        )

    def refresh(self) -> None:
        """Plan the sheets again with the options as they are now, and redraw them; the
        sheet preferences keep the choice (File → Export prints the same)."""
        self._timer.stop()
        setup = self.chosen()
        for key, value in (
            ("print/revision_marks", setup.revision_marks),
            ("print/revision_colour", setup.revision_colour),
            ("print/title_revisions", setup.title_revisions),
            ("print/watermark", setup.watermark),
            ("print/header", setup.header),
            ("print/footer", setup.footer),
        ):
            self._store(key, value)
        try:
            self.plan = self._plan_for(setup)
            self.error = ""
        except ReelwrightError as error:
            self.plan = None
            self.error = str(error)
        if self.plan is not None:
            configure_printer(self.printer, self.plan.layout)
        self.print_button.setEnabled(self.plan is not None)
        self.save_button.setEnabled(self.plan is not None)
        self._summarise()
        self.preview.updatePreview()

    def _summarise(self) -> None:
        plan = self.plan
        if plan is None:
            self.summary.setText(self.error)
            return
        labels = [page.label for page in plan.pages]
        shown = ", ".join(labels if len(labels) <= 12 else [*labels[:10], "…", labels[-1]])
        if plan.title_page:
            text = self.tr("The title page and pages {labels}").format(labels=shown)
        else:
            text = self.tr("Pages {labels}").format(labels=shown)
        for warning in plan.warnings:
            text += "\n" + warning
        self.summary.setText(text)

    # Pages -----------------------------------------------------------------------------------
    def _paint(self, printer: QPrinter) -> None:
        if self.plan is None:
            self.sheets = 0
            painter = QPainter(printer)  # one blank sheet: the message is beside it
            painter.end()
            return
        self.sheets = draw_on_printer(printer, self.plan)

    def _step(self, delta: int) -> None:
        self.preview.setCurrentPage(
            max(1, min(self.preview.currentPage() + delta, self.preview.pageCount()))
        )
        self._update_page()

    def _update_page(self) -> None:
        plan = self.plan
        if plan is None:
            self.page_label.setText("")
            return
        current = self.preview.currentPage()
        titles = self.preview.pageCount() - plan.page_count
        if current <= titles:
            label = self.tr("title page")
        else:
            label = self.tr("page {label}").format(label=plan.pages[current - titles - 1].label)
        self.page_label.setText(
            self.tr("Sheet {current} of {count}: {label}").format(
                current=current, count=self.preview.pageCount(), label=label
            )
        )

    # Print and save ---------------------------------------------------------------------------
    def print_dialog(self) -> bool:
        """The system's print dialog for the sheets shown; they print as shown."""
        if self.plan is None:
            return False
        return print_with_dialog(self.plan, self.printer, self)

    def save_dialog(self) -> bool:
        """Save exactly the sheets shown as a PDF."""
        if self.plan is None:
            return False
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), f"{Path(self._name).stem}.pdf", self.tr("PDF (*.pdf)")
        )
        if not name:
            return False
        return self.save_pdf(name)

    def save_pdf(self, path: str | Path) -> bool:
        from reelwright.exporters.pdf import write_plan

        if self.plan is None:
            return False
        target = Path(path)
        if target.suffix.casefold() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            write_plan(self.plan, target)
        except ReelwrightError as error:
            self.summary.setText(str(error))
            return False
        self.summary.setText(self.tr("Saved {name}").format(name=target.name))
        return True


def print_with_dialog(plan: PrintPlan, printer: QPrinter, parent: QWidget | None) -> bool:
    """Ask the system's print dialog, then print ``plan``'s sheets; False when cancelled."""
    configure_printer(printer, plan.layout)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("PrintPreview", "Print"))
    if not dialog.exec():
        return False
    draw_on_printer(printer, plan)
    return True


# In the window -----------------------------------------------------------------------------


class Printing(QObject):
    """The window's File → Print Preview… and Print… (see the module)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("printing")
        self.window = window
        menu = window.menu("&File")
        quit_action = next((a for a in menu.actions() if a.objectName() == "file.quit"), None)
        preview = window.keyed_action(menu, "file.print_preview", self.preview)
        printing = window.keyed_action(menu, "file.print", self.print_dialog)
        if quit_action is not None:  # before Quit, after the exports
            actions = menu.actions()
            at = actions.index(quit_action)
            before = actions[at - 1] if at and actions[at - 1].isSeparator() else quit_action
            for action in (preview, printing):
                menu.removeAction(action)
            separator = QAction(menu)
            separator.setSeparator(True)
            menu.insertActions(before, [separator, preview, printing])
        self.dialog: PrintPreview | None = None

    def setup(self) -> PrintSetup:
        """The preferences' print setup with what they add to the sheets."""
        from reelwright.screenplay.print_setup import PrintSetup

        return PrintSetup.from_settings(self.window.settings.get, sheet=True)

    def plan(self, setup: PrintSetup | None = None) -> PrintPlan:
        """The print plan of the window's draft (text and production data) with ``setup``."""
        from reelwright.screenplay.page_plan import plan_print
        from reelwright.screenplay.parser import parse

        draft = self.window.document.draft()
        return plan_print(parse(draft.body), setup or self.setup(), draft)

    def preview(self) -> PrintPreview:
        """Open the preview (non-modal: the script stays at hand)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        document = self.window.document
        name = document.path.name if document.path is not None else document.display_name
        self.dialog = PrintPreview(
            self.setup(), self.plan, self.window.settings.set, self.window, name
        )
        self.dialog.show()
        return self.dialog

    def print_dialog(self) -> bool:
        try:
            plan = self.plan()
        except ReelwrightError as error:
            self.window.prompts.error(str(error))
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return print_with_dialog(plan, printer, self.window)


def install_print(window: MainWindow) -> Printing:
    """Add File → Print Preview… and Print… to ``window``; once per window."""
    existing = window.findChild(Printing)
    if existing is not None:
        return existing
    return Printing(window)


__all__ = [
    "PrintPreview",
    "Printing",
    "QtSurface",
    "configure_printer",
    "draw_on_printer",
    "install_print",
    "print_with_dialog",
]
