"""File → Print Preview… and Print…: the preview and the printer draw the PDF's own sheets
(the same count, each glyph where the PDF has it), the preview's options change the sheets
and are kept, Save PDF writes what it shows, and File → Export's path carries the draft."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter

from reelwright.desktop.app import create_window
from reelwright.desktop.print_preview import Printing, configure_printer, draw_on_printer
from reelwright.desktop.settings import Settings
from reelwright.exporters.pdf import write_plan
from reelwright.screenplay import production_file
from reelwright.screenplay.production_file import Draft, ProductionData, mark_against

TITLE = "Title: Brick & Steel\nAuthor: Stu Maschwitz\nDraft date: 1/27/2012\n\n"


def script_text(scenes: int = 16) -> str:
    return "".join(
        f"INT. ROOM {n} - DAY\n\n"
        f"Maya walks into room {n}. She looks around, slowly, taking it all in.\n\n"
        f"MAYA\nThis is room {n}. I **remember** it.\n\nTOM\nYou remember every room.\n\n"
        for n in range(1, scenes + 1)
    )


@pytest.fixture
def window(qtbot, tmp_path: Path):
    old = TITLE + script_text()
    new = old.replace("This is room 12.", "This is room twelve.")
    draft, _round = mark_against(
        Draft(new, ProductionData()), Draft(old, ProductionData()), 1, "2025-03-10"
    )
    path = tmp_path / "brick.fountain"
    path.write_text(production_file.write(draft.body, draft.data))
    settings = Settings(tmp_path / "settings.ini")
    settings.set("export/open_pdf", False)
    win = create_window(path, settings, offer_recovery=False)
    qtbot.addWidget(win)
    yield win
    win.document.editor.document().setModified(False)
    win.close()
    win.analyzer.shutdown()


def printing(window) -> Printing:
    found = window.findChild(Printing)
    assert found is not None
    return found


def test_print_and_preview_are_in_the_file_menu_before_quit(window) -> None:
    names = [
        action.objectName() or ("-" if action.isSeparator() else action.text())
        for action in window.menu("&File").actions()
    ]
    at = names.index("file.export_fountain")
    assert names[at : at + 6] == ["file.export_fountain", "-", "file.print_preview",
                                  "file.print", "-", "file.quit"]  # fmt: skip
    assert window.actions_by_id["file.print"].shortcut() == QKeySequence(
        QKeySequence.StandardKey.Print
    )
    assert window.actions_by_id["file.print_preview"].shortcut().toString() == "Ctrl+Alt+P"


def _colour(value: object) -> tuple[int, ...]:
    components = value if isinstance(value, (tuple, list)) else (value,)
    grey = [round(float(c) * 255) for c in components]
    return tuple(grey * 3 if len(grey) == 1 else grey)


def _fills(path: Path, page: int) -> list[tuple[float, float, float, float, tuple[int, ...]]]:
    """The filled rectangles of a page (a tint, a band): place, size and colour."""
    with pdfplumber.open(path) as pdf:
        return sorted(
            (
                round(float(rect["x0"]), 1),
                round(float(rect["top"]), 1),
                round(float(rect["width"]), 1),
                round(float(rect["height"]), 1),
                _colour(rect["non_stroking_color"]),
            )
            for rect in pdf.pages[page].rects
        )


def _glyphs(path: Path, page: int) -> Counter[tuple[object, ...]]:
    """Each glyph drawn: its character, origin (x, baseline), face's style and colour."""
    with pdfplumber.open(path) as pdf:
        return Counter(
            (
                str(char["text"]),
                round(float(char["matrix"][4]), 1),
                round(float(char["matrix"][5]), 1),
                "bold" if "Bold" in str(char["fontname"]) else "",
                _colour(char["non_stroking_color"]),
            )
            for char in pdf.pages[page].chars
            if str(char["text"]).strip()
        )


def test_the_printer_draws_the_pdfs_sheets(window, tmp_path: Path) -> None:
    window.settings.set("print/watermark", "Jane Doe")
    window.settings.set("print/revision_colour", "band")
    window.settings.set("print/header", "BRICK & STEEL")
    plan = printing(window).plan()
    ours = tmp_path / "reportlab.pdf"
    write_plan(plan, ours)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(printed))
    configure_printer(printer, plan.layout)
    sheets = draw_on_printer(printer, plan)
    assert sheets == len(pypdf.PdfReader(ours).pages) == len(pypdf.PdfReader(printed).pages)
    assert sheets == plan.page_count + 1
    revised = next(i for i, page in enumerate(plan.pages) if page.revision is not None) + 1
    for sheet in (0, 1, revised):
        # Every glyph where the PDF has it, in the same face: the script's lines, bold
        # words, the page number, header, revision header and mark, the watermark.
        assert _glyphs(ours, sheet) == _glyphs(printed, sheet), sheet
        # And the same colour band across the top of the revised page, nowhere else.
        assert _fills(ours, sheet) == _fills(printed, sheet), sheet
        assert bool(_fills(ours, sheet)) == (sheet == revised)


def test_the_preview_shows_the_pdfs_pages_and_its_options_change_them(
    window, qtbot, tmp_path: Path
) -> None:
    dialog = printing(window).preview()
    qtbot.waitUntil(lambda: dialog.sheets > 0)
    assert dialog.plan is not None
    whole = dialog.sheets
    saved = tmp_path / "preview.pdf"
    assert dialog.save_pdf(saved)
    assert len(pypdf.PdfReader(saved).pages) == whole == dialog.preview.pageCount()
    exported = tmp_path / "export.pdf"
    assert window.document.export(exported)
    assert len(pypdf.PdfReader(exported).pages) == whole
    # Revised pages only: the title page and the one revised page.
    dialog.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.preview.pageCount() == 2)
    assert dialog.sheets == 2
    assert [page.label for page in dialog.plan.pages] == [
        page.label for page in printing(window).plan().pages if page.revision is not None
    ]
    label = dialog.plan.pages[0].label
    assert dialog.summary.text() == f"The title page and pages {label}"
    only = tmp_path / "only.pdf"
    assert dialog.save_pdf(only)
    assert len(pypdf.PdfReader(only).pages) == 2
    # A watermark typed is kept as the preference (File → Export prints it too).
    dialog.watermark.setText("Jane Doe")
    dialog.watermark.textEdited.emit("Jane Doe")
    qtbot.waitUntil(lambda: window.settings.get("print/watermark") == "Jane Doe")
    assert dialog.plan.setup.watermark == "Jane Doe"
    dialog.close()


def test_nothing_revised_in_the_round_is_said_in_the_preview(window, qtbot) -> None:
    def clear(data: ProductionData) -> None:
        data.revisions.clear()

    window.document.change_data(clear)
    dialog = printing(window).preview()
    dialog.pages.setCurrentIndex(1)
    assert dialog.plan is None
    assert "no page is revised in the Blue round" in dialog.summary.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.pages.setCurrentIndex(0)
    assert dialog.plan is not None and dialog.print_button.isEnabled()
    dialog.close()


def test_file_export_carries_the_drafts_marks_and_locks(window, tmp_path: Path) -> None:
    from reelwright.exporters.fdx import read_fdx_draft

    pdf = tmp_path / "marked.pdf"
    assert window.document.export(pdf)
    with pdfplumber.open(pdf) as doc:
        stars = [
            page.page_number
            for page in doc.pages
            for char in page.chars
            if char["text"] == "*" and char["x0"] > 7.5 * 72
        ]
    assert len(stars) == 1
    fdx = tmp_path / "marked.fdx"
    assert window.document.export(fdx)
    assert [r.name for r in read_fdx_draft(fdx).data.revisions.rounds] == ["Blue"]
    fountain = tmp_path / "marked.fountain"
    assert window.document.export(fountain)
    assert production_file.read(fountain.read_text()).data.revisions.marks
