"""The Reports window in the real app: tables, charts, jumping to scenes, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_support import analyse_now, open_desk
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor


def test_tables_and_charts(qtbot, tmp_path: Path) -> None:
    _window, desk = open_desk(qtbot, tmp_path)
    reports = desk.show_reports()
    qtbot.waitExposed(reports)
    assert reports.summary.text().startswith("Harbour Lights: 1 pages · 3 scenes")
    scenes = reports.tables["scenes"]
    assert scenes.rowCount() == 3
    header = [scenes.horizontalHeaderItem(c).text() for c in range(scenes.columnCount())]
    assert header[:3] == ["Scene", "Heading", "INT/EXT"]
    assert scenes.item(0, header.index("Synopsis")).text() == "Nora finds the ledger."
    assert scenes.item(0, header.index("Characters")).text() == "NORA, TOMAS"
    assert scenes.item(1, header.index("Day/Night")).text() == "Night"  # CONTINUOUS
    cast = reports.tables["cast"]
    names = {cast.item(r, 0).text() for r in range(cast.rowCount())}
    assert names == {"NORA", "TOMAS"}
    locations = reports.tables["locations"]
    assert locations.rowCount() == 3
    charts = reports.charts
    assert charts.report is reports.report
    picture = charts.grab()  # painted without errors, at its own height
    assert picture.height() >= charts.minimumHeight() > 300


def test_sorting_and_jumping_to_a_scene(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    reports = desk.show_reports()
    qtbot.waitExposed(reports)
    scenes = reports.tables["scenes"]
    header = [scenes.horizontalHeaderItem(c).text() for c in range(scenes.columnCount())]
    scenes.sortItems(header.index("Heading"))
    assert scenes.item(0, header.index("Heading")).text() == "EXT. PIER - CONTINUOUS"
    reports._row_activated("scenes", 0)  # what a double click on the row does
    assert window.editor.textCursor().blockNumber() == reports.report.scenes[1].line
    scenes.sortItems(header.index("Eighths"), Qt.SortOrder.DescendingOrder)
    values = [int(scenes.item(r, header.index("Eighths")).text()) for r in range(3)]
    assert values == sorted(values, reverse=True)
    # A click on the third bar of the scene-length chart goes to the third scene.
    reports.tabs.setCurrentIndex(0)
    charts = reports.charts
    charts.grab()
    rect, index = charts._bars[2]
    qtbot.mouseClick(charts, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert index == 2
    assert window.editor.textCursor().blockNumber() == reports.report.scenes[2].line
    assert charts.bar_at(QPoint(1, 1)) is None


def test_the_window_follows_the_script(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path)
    reports = desk.show_reports()
    qtbot.waitExposed(reports)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nEXT. OPEN SEA - DAY\n\nWATER\nSo much of me.\n")
    analyse_now(window)
    assert reports.tables["scenes"].rowCount() == 4
    assert reports.report is not None
    assert [c.name for c in reports.report.cast] == ["TOMAS", "WATER", "NORA"]  # most words first
    reports.hide()
    cursor.insertText("\nINT. BOAT - NIGHT\n\nDark.\n")
    analyse_now(window)
    assert reports.tables["scenes"].rowCount() == 4  # hidden: not rebuilt for nothing


def test_export_pdf_and_csv(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _window, desk = open_desk(qtbot, tmp_path)
    reports = desk.show_reports()
    reports.export_pdf(tmp_path / "out.pdf")
    reader = PdfReader(tmp_path / "out.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Who speaks how much" in text and "INT. LIGHTHOUSE - DAWN" in text
    written = reports.export_csv(tmp_path / "out.csv")
    assert sorted(Path(p).name for p in written) == [
        "out-cast.csv",
        "out-locations.csv",
        "out-scenes.csv",
    ]
    # A folder that cannot be written: one message, nothing else happens.
    messages: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    reports._export(lambda: reports.export_pdf(tmp_path / "missing" / "x.pdf"), "done")
    assert len(messages) == 1 and messages[0].startswith("The reports were not written")
