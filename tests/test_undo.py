"""desktop/undo.py: several edits are one undo step, and the step always closes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reelwright.desktop.undo import edit_block


def _document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setPlainText(text)
    doc.clearUndoRedoStacks()
    return doc


def test_several_edits_undo_as_one_step(qapp):
    doc = _document("one two three")
    with edit_block(doc) as cursor:
        cursor.insertText("zero ")
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(" four")
        other = QTextCursor(doc)  # another cursor's edit inside the block belongs to it
        other.insertText(">")
    assert doc.toPlainText() == ">zero one two three four"
    doc.undo()
    assert doc.toPlainText() == "one two three"
    assert not doc.isUndoAvailable()


def test_join_adds_to_the_previous_step(qapp):
    doc = _document("a")
    with edit_block(doc) as cursor:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("b")
    with edit_block(cursor, join=True) as same:
        assert same is cursor  # a cursor is used as given, so its moves show to the caller
        same.insertText("c")
    assert doc.toPlainText() == "abc"
    doc.undo()
    assert doc.toPlainText() == "a"


def test_an_exception_inside_still_closes_the_step(qapp):
    doc = _document("keep")
    with pytest.raises(RuntimeError), edit_block(doc) as cursor:
        cursor.insertText("1")
        raise RuntimeError("boom")
    # Had the block stayed open, this edit would join the failed one.
    QTextCursor(doc).insertText("2")
    doc.undo()
    assert doc.toPlainText() == "1keep"
    doc.undo()
    assert doc.toPlainText() == "keep"


def test_nested_blocks_make_one_step(qapp):
    doc = _document("x")
    with edit_block(doc) as outer:
        outer.insertText("1")
        with edit_block(doc) as inner:
            inner.movePosition(QTextCursor.MoveOperation.End)
            inner.insertText("2")
        outer.insertText("3")
    assert doc.toPlainText() == "13x2"
    doc.undo()
    assert doc.toPlainText() == "x"


def test_an_editor_gives_a_copy_of_its_caret_with_the_selection(qtbot):
    editor = QTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("Jenny waves.")
    caret = editor.textCursor()
    caret.setPosition(0)
    caret.setPosition(5, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(caret)
    with edit_block(editor) as cursor:
        assert cursor.selectedText() == "Jenny"
        cursor.insertText("Jenna")
    assert editor.toPlainText() == "Jenna waves."
    editor.undo()
    assert editor.toPlainText() == "Jenny waves."
