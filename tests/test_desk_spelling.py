"""Spell check as you type in the real window: underlines, the context menu, dictionaries."""

from __future__ import annotations

import os
from pathlib import Path

from desk_support import analyse_now, open_desk
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from reelwright.desktop.main_window import MainWindow
from reelwright.screenplay.data_block import MARK
from reelwright.screenplay.spelling import UserDictionary

TEXT = """INT. HARBOUR OFFICE - NIGHT

Nora finds the ledgre. [[a notte to myself]]

NORA
Who signd this? Tomas knows.

TOMAS
Your fathr.
"""

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(window: MainWindow, line: int) -> list[str]:
    block = window.editor.document().findBlockByNumber(line)
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == WAVY
    ]


def menu_at(window: MainWindow, line: int, word: str) -> QMenu:
    """The editor's context menu over ``word`` on ``line``, with every provider's entries."""
    block = window.editor.document().findBlockByNumber(line)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index(word) + 1)
    menu = window.editor.createStandardContextMenu()
    for provider in window.editor.context_menu_providers:
        provider(menu, cursor)
    return menu


def action(menu: QMenu, name: str, text: str | None = None) -> QAction:
    found = [
        a for a in menu.actions() if a.objectName() == name and (text is None or a.text() == text)
    ]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def test_misspellings_are_underlined_names_and_notes_are_not(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT)
    assert desk.spelling.wait_until_loaded()
    assert underlined(window, 2) == ["ledgre"]  # the note's misspellings are skipped
    assert underlined(window, 5) == ["signd"]  # Tomas is a character: known
    assert underlined(window, 8) == ["fathr"]
    assert underlined(window, 0) == []


def test_suggestion_replaces_the_word_in_one_undo_step(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT)
    desk.spelling.wait_until_loaded()
    menu = menu_at(window, 5, "signd")
    first = menu.actions()[0]
    assert first.objectName() == "spelling-suggestion" and first.text() == "signed"
    first.trigger()
    assert window.editor.document().findBlockByNumber(5).text() == "Who signed this? Tomas knows."
    assert underlined(window, 5) == []
    window.editor.undo()
    assert window.editor.document().findBlockByNumber(5).text() == "Who signd this? Tomas knows."


def test_add_to_the_scripts_dictionary_writes_the_block(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT)
    desk.spelling.wait_until_loaded()
    action(menu_at(window, 2, "ledgre"), "spelling-add-script").trigger()
    text = window.document.file_text()  # the block is saved after the script ...
    assert f"/* {MARK}" in text and text.endswith("\n[dictionary]\nledgre\n*/\n")
    assert MARK not in window.editor.script_text()  # ... and never shown in the editor
    assert underlined(window, 2) == []
    assert window.document.modified  # it is part of the script: saved with it
    window.editor.undo()  # one step takes the word back out
    assert MARK not in window.document.file_text()
    analyse_now(window)
    assert underlined(window, 2) == ["ledgre"]


def test_add_to_my_dictionary_and_ignore(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT)
    desk.spelling.wait_until_loaded()
    action(menu_at(window, 8, "fathr"), "spelling-add-user").trigger()
    assert underlined(window, 8) == []
    assert UserDictionary.in_folder(os.environ["REELWRIGHT_HOME"]).words() == ["fathr"]
    assert not window.document.modified  # the writer's dictionary is not the script
    action(menu_at(window, 2, "ledgre"), "spelling-ignore").trigger()
    assert underlined(window, 2) == []


def test_the_word_being_typed_waits_for_the_caret_to_leave(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT)
    desk.spelling.wait_until_loaded()
    editor = window.editor
    block = editor.document().findBlockByNumber(2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClicks(editor, " Spleling")
    assert underlined(window, 2) == ["ledgre"]  # not yet: the caret is still on it
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert underlined(window, 2) == ["ledgre", "Spleling"]
    qtbot.keyClicks(editor, "wrng")
    qtbot.keyClick(editor, Qt.Key.Key_Home)  # the caret leaves: now it is judged
    assert underlined(window, 2) == ["ledgre", "Spleling", "wrng"]


def test_a_new_character_becomes_known_after_the_pause(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT + "\nThey wait for Quillfeather.\n")
    desk.spelling.wait_until_loaded()
    assert underlined(window, 10) == ["Quillfeather"]
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nQUILLFEATHER\nHello.\n")
    analyse_now(window)
    assert underlined(window, 10) == []


def test_turning_it_off_and_choosing_languages(qtbot, tmp_path: Path) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT + "\nEl niño llega.\n")
    desk.spelling.wait_until_loaded()
    toggle = desk.actions["spelling"]
    assert toggle.isChecked()
    toggle.trigger()
    assert underlined(window, 2) == [] and not window.settings.get("spelling/enabled")
    toggle.trigger()
    desk.spelling.wait_until_loaded()
    assert underlined(window, 2) == ["ledgre"]
    assert underlined(window, 10) == ["niño", "llega"]
    tools = window.menu("&Tools")
    options = next(a.menu() for a in tools.actions() if a.menu() is desk.spelling_menu)
    languages = next(a.menu() for a in options.actions() if a.menu() is not None)
    spanish = next(a for a in languages.actions() if a.objectName() == "spelling-language-es")
    spanish.trigger()
    assert window.settings.get("spelling/languages") == ["en", "es"]
    desk.spelling.wait_until_loaded()
    assert underlined(window, 10) == []
    assert underlined(window, 2) == ["ledgre"]


def test_the_data_block_is_never_checked_even_with_boneyard_checked(qtbot, tmp_path: Path) -> None:
    from reelwright.screenplay import production_file

    data = production_file.ProductionData()
    data.revisions.start_round(date="2025-03-10")
    text = production_file.write(TEXT + "\n/* a boneyard thougt */\n", data)
    text = text.replace("[production]", "[production]\nmore recrds typed here")
    window, desk = open_desk(qtbot, tmp_path, text)
    window.settings.set("spelling/check_boneyard", True)
    assert desk.spelling.wait_until_loaded()
    assert MARK not in window.editor.script_text()  # the document keeps the block aside
    cursor = window.editor.textCursor()  # one pasted into the text is not checked either
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text[text.index(f"/* {MARK}") :])
    lines = window.editor.script_text().split("\n")
    boneyard = lines.index("/* a boneyard thougt */")
    assert underlined(window, boneyard) == ["thougt"]  # boneyard is checked ...
    start = next(i for i, line in enumerate(lines) if line.startswith(f"/* {MARK}"))
    window.editor.highlighter.refresh_blocks()
    document = window.editor.document()
    for number in range(start, len(lines)):  # ... the data block is not
        assert underlined(window, number) == [], lines[number]
        assert desk.spelling.misspellings(document.findBlockByNumber(number)) == []


def test_a_script_with_an_unclosed_boneyard_says_why_the_word_was_not_added(
    qtbot, tmp_path: Path
) -> None:
    window, desk = open_desk(qtbot, tmp_path, TEXT + "\n/* unfinished\n")
    desk.spelling.wait_until_loaded()
    action(menu_at(window, 2, "ledgre"), "spelling-add-script").trigger()
    assert MARK not in window.editor.script_text()
    message = window.statusBar().currentMessage()
    assert "ledgre" in message and "line 11 opens a boneyard" in message


def test_a_chinese_script_is_not_underlined(qtbot, tmp_path: Path) -> None:
    text = "INT。 医院 - 夜\n\n张伟赶到医院。Tom来了，Tmo没来。\n\n张伟\n你来晚了。\n"
    window, desk = open_desk(qtbot, tmp_path, text, name="chinese.fountain")
    assert desk.spelling.wait_until_loaded()
    window.editor.highlighter.refresh_blocks()
    assert [underlined(window, n) for n in range(6)] == [[], [], ["Tmo"], [], [], []]
