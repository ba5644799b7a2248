"""Find and replace: a slim bar under the page, like a browser's, not a modal dialog.

The matches are counted over the whole script ("3 of 12"); "Whole words" and "Keep case"
(``jenny`` → ``jenna``, ``Jenny`` → ``Jenna``, ``JENNY`` → ``JENNA``) are options, and Replace
All is one undo step that never changes what a line is: where capitals make a line a cue,
a heading or a transition, the replacement goes in capitals (:mod:`screenplay.rename`).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reelwright.screenplay.rename import Edit, find_matches, keep_case_of, plan_replace

if TYPE_CHECKING:
    from reelwright.desktop.editor import ScriptEditor


class FindBar(QWidget):
    """Searches ``editor``; Enter finds the next match, Shift+Enter the previous one."""

    closed = Signal()

    def __init__(self, editor: ScriptEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case = QCheckBox(self.tr("Match case"), self)
        self.words = QCheckBox(self.tr("Whole words"), self)
        self.keep_case = QCheckBox(self.tr("Keep case"), self)
        self.keep_case.setToolTip(self.tr("jenny → jenna, Jenny → Jenna, JENNY → JENNA"))
        self.result = QLabel("", self)
        self.result.setObjectName("findResult")
        self.result.setMinimumWidth(90)
        previous = QPushButton(self.tr("Previous"), self)
        following = QPushButton(self.tr("Next"), self)
        replace = QPushButton(self.tr("Replace"), self)
        replace_all = QPushButton(self.tr("Replace All"), self)
        close = QPushButton(self.tr("Done"), self)
        for widget in (
            self.find_edit,
            previous,
            following,
            self.result,
            self.replace_edit,
            replace,
            replace_all,
            self.case,
            self.words,
            self.keep_case,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.find_edit.returnPressed.connect(self._return_pressed)
        self.replace_edit.returnPressed.connect(self.replace_one)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        replace.clicked.connect(self.replace_one)
        replace_all.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        self.find_edit.textChanged.connect(self._search_changed)
        for box in (self.case, self.words):
            box.toggled.connect(self._search_changed)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(250)
        self._recount.timeout.connect(self._show_count)
        editor.document().contentsChanged.connect(self._text_changed)
        self._matches: list[Edit] | None = None
        """Every match in the script (None: to be counted again)."""
        self._starts: list[int] = []
        """Document position of each match, for "n of N" and finding the next one."""

    # Matches ---------------------------------------------------------------------------------
    def _search_changed(self) -> None:
        self._matches = None
        self._show_count()

    def _text_changed(self) -> None:
        self._matches = None
        if self.isVisible():
            self._recount.start()  # after typing pauses, not on every key

    def matches(self) -> list[Edit]:
        if self._matches is None:
            self._matches = find_matches(
                self.editor.script_text(),
                self.find_edit.text(),
                match_case=self.case.isChecked(),
                whole_words=self.words.isChecked(),
            )
            self._starts = [self._position(m.line, m.start) for m in self._matches]
        return self._matches

    def _position(self, line: int, column: int) -> int:
        return self.editor.document_position(line, column)

    def _current_index(self) -> int | None:
        """Which match is selected, if the selection is one."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        self.matches()
        index = bisect_left(self._starts, cursor.selectionStart())
        if index < len(self._starts) and self._starts[index] == cursor.selectionStart():
            match = self._matches[index] if self._matches else None
            end = self._position(match.line, match.end) if match else -1
            if end == cursor.selectionEnd():
                return index
        return None

    def _show_count(self) -> None:
        if not self.find_edit.text():
            self.result.setText("")
            return
        total = len(self.matches())
        if not total:
            self.result.setText(self.tr("Not found"))
            return
        index = self._current_index()
        if index is not None:
            self.result.setText(self._n_of(index, total))
        else:
            self.result.setText(self.tr("{count} found").format(count=total))

    def _n_of(self, index: int, total: int) -> str:
        return self.tr("{n} of {total}").format(n=index + 1, total=total)

    # Commands -----------------------------------------------------------------------------------
    def open_bar(self, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()
        self._show_count()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _return_pressed(self) -> None:
        """Enter: the next match; Shift+Enter: the previous one."""
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.find_next(backward=bool(shift))

    def find_next(self, backward: bool = False) -> bool:
        matches = self.matches()
        if not self.find_edit.text():
            return False
        if not matches:
            self.result.setText(self.tr("Not found"))
            return False
        cursor = self.editor.textCursor()
        if backward:
            index = bisect_left(self._starts, cursor.selectionStart()) - 1
        else:
            after = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
            index = bisect_left(self._starts, after)
        index %= len(matches)
        self._select(index)
        return True

    def find_previous(self) -> bool:
        return self.find_next(backward=True)

    def _select(self, index: int) -> None:
        match = self.matches()[index]
        cursor = self.editor.textCursor()
        cursor.setPosition(self._starts[index])
        cursor.setPosition(self._position(match.line, match.end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.result.setText(self._n_of(index, len(self.matches())))

    def _replacement_for(self, index: int) -> Edit:
        """The selected match's replacement, by the same rules as Replace All."""
        match = self.matches()[index]
        for edit in self._plan():
            if (edit.line, edit.start) == (match.line, match.start):
                return edit
        text = self.replace_edit.text()
        if self.keep_case.isChecked():
            text = keep_case_of(match.text, text)
        return Edit(match.line, match.start, match.end, text)

    def _plan(self) -> list[Edit]:
        return plan_replace(
            self.editor.script_text(),
            self.find_edit.text(),
            self.replace_edit.text(),
            match_case=self.case.isChecked(),
            whole_words=self.words.isChecked(),
            keep_case=self.keep_case.isChecked(),
        )

    def replace_one(self) -> bool:
        index = self._current_index()
        if index is None:
            return self.find_next()
        self.editor.apply_edits([self._replacement_for(index)])
        return self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many."""
        if not self.find_edit.text():
            return 0
        edits = self._plan()
        if edits:
            self.editor.apply_edits(edits)
        self.result.setText(self.tr("{count} replaced").format(count=len(edits)))
        return len(edits)
