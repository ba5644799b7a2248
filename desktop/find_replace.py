"""Find and replace: a slim bar under the page, like a browser's, not a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from reelwright.desktop.undo import edit_block


class FindBar(QWidget):
    """Searches ``editor``; Enter finds the next match, Shift+Enter the previous one."""

    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("Find")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText("Replace with")
        self.case = QCheckBox("Match case", self)
        self.words = QCheckBox("Whole words", self)
        self.result = QLabel("", self)
        previous = QPushButton("Previous", self)
        following = QPushButton("Next", self)
        replace = QPushButton("Replace", self)
        replace_all = QPushButton("Replace All", self)
        close = QPushButton("Done", self)
        for widget in (
            self.find_edit,
            previous,
            following,
            self.replace_edit,
            replace,
            replace_all,
            self.case,
            self.words,
            self.result,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        replace.clicked.connect(self.replace_one)
        replace_all.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)

    def open_bar(self, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.words.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def find_next(self, backward: bool = False) -> bool:
        needle = self.find_edit.text()
        if not needle:
            return False
        doc = self.editor.document()
        cursor = self.editor.textCursor()
        found = doc.find(needle, cursor, self._flags(backward))
        if found.isNull():
            wrap = QTextCursor(doc)
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, wrap, self._flags(backward))
        if found.isNull():
            self.result.setText("Not found")
            return False
        self.result.setText("")
        self.editor.setTextCursor(found)
        return True

    def find_previous(self) -> bool:
        return self.find_next(backward=True)

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_edit.text()
        if self.case.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_one(self) -> bool:
        if not self._selection_matches() and not self.find_next():
            return False
        cursor = self.editor.textCursor()
        cursor.insertText(self.replace_edit.text())
        self.editor.setTextCursor(cursor)
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many."""
        needle = self.find_edit.text()
        if not needle:
            return 0
        doc = self.editor.document()
        count = 0
        with edit_block(doc):
            found = doc.find(needle, 0, self._flags())
            while not found.isNull():
                found.insertText(self.replace_edit.text())
                count += 1
                found = doc.find(needle, found, self._flags())
        self.result.setText(f"{count} replaced")
        return count
