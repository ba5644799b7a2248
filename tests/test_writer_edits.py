"""A writer's edits in the real window: Find's "n of N", Replace All, Rename Character."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from reelwright.desktop.app import create_window
from reelwright.desktop.rename_dialog import RenameCharacterDialog
from reelwright.desktop.settings import Settings
from reelwright.screenplay.parser import parse, parse_file

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

SCRIPT = """INT. JENNY'S KITCHEN - NIGHT

Jenny pours tea. JENNY (30s) hums. Jennyfer watches.

JENNY
(to Jennyfer)
You knew. jenny knew.

BOB
Jenny?

JENNY (CONT'D) ^
Jenny's gone.
"""


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "jenny.fountain"
    path.write_text(SCRIPT, "utf-8")
    win = create_window(path, Settings(), offer_recovery=False)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.editor.setFocus()
    return win


def types(text: str) -> list[str]:
    return [str(e.type) for e in parse(text).elements]


def _button(bar, text: str) -> QPushButton:
    return next(b for b in bar.findChildren(QPushButton) if b.text() == text)


def test_find_counts_n_of_n_and_walks_them(qtbot, window):
    qtbot.keyClick(window.editor, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.find_edit.hasFocus()
    qtbot.keyClicks(bar.find_edit, "jenny")
    assert bar.result.text() == "10 found"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.result.text() == "1 of 10"
    assert window.editor.textCursor().selectedText() == "JENNY"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert bar.result.text() == "2 of 10"
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, SHIFT)  # Shift+Enter: back
    assert bar.result.text() == "1 of 10"
    bar.words.setChecked(True)  # Jennyfer no longer counts
    assert bar.result.text() == "1 of 8"
    bar.case.setChecked(True)
    assert bar.result.text() == "1 found"  # only "jenny" in lower case
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert window.editor.textCursor().selectedText() == "jenny"
    assert bar.result.text() == "1 of 1"


def test_replace_all_keeps_cues_cues_and_is_one_step(qtbot, window, tmp_path):
    before = parse(SCRIPT)
    qtbot.keyClick(window.editor, Qt.Key.Key_H, CTRL)
    bar = window.find_bar
    qtbot.keyClicks(bar.find_edit, "Jenny")
    qtbot.keyClicks(bar.replace_edit, "Jenna")
    qtbot.mouseClick(_button(bar, "Replace All"), Qt.MouseButton.LeftButton)
    assert bar.result.text() == "10 replaced"
    text = window.editor.script_text()
    assert "\nJENNA\n(to Jennafer)" in text and "\nJENNA (CONT'D) ^\n" in text
    assert "INT. JENNA'S KITCHEN - NIGHT" in text
    assert types(text) == types(SCRIPT)  # no cue became action: the page count stays
    assert window.save()
    saved = parse_file(window.document.path)
    assert [e.text for e in saved.elements if str(e.type) == "character"] == [
        "JENNA",
        "BOB",
        "JENNA (CONT'D)",
    ]
    assert len(saved.elements) == len(before.elements)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert window.editor.script_text() == SCRIPT


def test_replace_one_with_keep_case(qtbot, window):
    bar = window.find_bar
    bar.open_bar(replace=True)
    bar.find_edit.setText("jenny")
    bar.replace_edit.setText("jenna")
    bar.words.setChecked(True)
    bar.keep_case.setChecked(True)
    assert bar.find_next()
    bar.replace_one()  # JENNY in the heading
    assert window.editor.script_text().startswith("INT. JENNA'S KITCHEN")
    assert bar.result.text() == "1 of 7"
    bar.replace_one()  # "Jenny pours"
    assert "\nJenna pours tea." in window.editor.script_text()


def test_rename_character_from_the_script_menu(qtbot, window, tmp_path):
    window.analyzer.run_now()
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RenameCharacterDialog)
        assert dialog.old_name.currentText() == "JENNY"
        qtbot.keyClicks(dialog.new_name, "Jenna")
        seen["summary"] = dialog.summary.text()
        seen["preview"] = dialog.preview.toPlainText()
        dialog.accept()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(window.editor, Qt.Key.Key_R, CTRL | SHIFT)
    assert seen["summary"] == "Renames JENNY to Jenna: 2 cues and 6 mentions"
    assert "1: INT. JENNY'S KITCHEN - NIGHT\n   → INT. JENNA'S KITCHEN - NIGHT" in seen["preview"]
    text = window.editor.script_text()
    assert "Jenna pours tea. JENNA (30s) hums. Jennyfer watches." in text
    assert "You knew. jenna knew." in text and "\nJenna?\n" in text
    assert types(text) == types(SCRIPT)
    assert window.statusBar().currentMessage().startswith("Renamed JENNY to Jenna")
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)  # one undo step
    assert window.editor.script_text() == SCRIPT


def test_the_rename_dialog_refuses_markup_and_unknown_names(qtbot):
    dialog = RenameCharacterDialog(SCRIPT, ["JENNY", "BOB"], "BOB")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    dialog.new_name.setText("Bob (V.O.)")
    assert not ok.isEnabled() and "markup" in dialog.summary.text()
    dialog.old_name.setEditText("ZED")
    dialog.new_name.setText("Zack")
    assert not ok.isEnabled() and dialog.summary.text() == "ZED is not in the script"
    dialog.old_name.setEditText("BOB")
    assert ok.isEnabled() and dialog.summary.text() == "Renames BOB to Zack: 1 cue and 0 mentions"
