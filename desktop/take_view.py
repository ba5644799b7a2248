"""One take of the co-writer: what it is (:class:`Take`, in a :class:`Run`) and its tab
(:class:`TakeView`).

A run is one request: a writing action asked for at a place (a ``HeldPlace``), with its
options. Each of its alternatives is a take, numbered per action across runs ("Next Scene
3"), so that Regenerate adds takes beside the old ones instead of replacing them. A take is
"writing", then "ready" (passed its check), "failed" (did not, even after retries) or
"stopped" (the writer pressed Stop: what was written is kept, to edit and accept). Whether
it is inserted is not stored but read from its insertions, so an Undo makes it "not
inserted" again.

The registry's texts (``models/action_registry.py``, English) are shown through
:func:`action_text`: the take's name in its tab and messages, and every menu, toolbar and
context-menu entry the co-writer makes from the registry. What the model layer says in
sentences (a check's problems and notes, a retry's reason, what was trimmed from the
prompt, a refused request: :class:`~reelwright.models.phrases.Phrase`) is shown through
:func:`phrase_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.editor import FONT_FAMILIES, ScriptEditor
from reelwright.desktop.themes import Theme
from reelwright.exporters.promo_pdf import PromoBeat, audio_text, clock
from reelwright.models.action_registry import A_CHARACTER, WritingAction
from reelwright.models.phrases import text_in

if TYPE_CHECKING:
    from reelwright.desktop.held_place import HeldPlace, Insertion

PREVIEW_POINTS = 8
MARKS = {"writing": "…", "ready": "✓", "failed": "✗", "stopped": "■"}


def action_text(text: str) -> str:
    """A text of the writing-action registry (a title, menu, toolbar label, context-menu
    entry or tip) in the interface's language."""
    return QCoreApplication.translate("WritingAction", text)


def phrase_text(text: str) -> str:
    """A sentence of the model layer in the interface's language (each template of a
    phrase translated in its context); text that is no phrase (an engine's own message,
    what the model wrote) as it is."""
    return text_in(text, QCoreApplication.translate)


def context_entry(action: WritingAction, character: str = "") -> str:
    """The action's context-menu entry in the interface's language, naming ``character``
    (or "a Character") where the entry names one."""
    text = action_text(action.context)
    if "{character}" in text:
        return text.format(character=character or action_text(A_CHARACTER))
    return text


@dataclass(eq=False)
class Run:
    """One request: ``action`` asked for at ``place`` with ``options``."""

    action: WritingAction
    place: HeldPlace | None
    options: dict[str, Any] = field(default_factory=dict)
    takes: list[Take] = field(default_factory=list)


@dataclass(eq=False)
class Take:
    run: Run
    alternative: int
    """Its index in the run (the model's alternative)."""
    number: int
    """Its number among the takes of its action, from 1."""
    raw: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    attempt: int = 1
    suggestion: Any = None
    state: str = "writing"
    edited: bool = False
    insertions: list[Insertion] = field(default_factory=list)
    inserted_rows: set[int] = field(default_factory=set)

    @property
    def raw_text(self) -> str:
        return "".join(self.raw)

    @property
    def action(self) -> WritingAction:
        return self.run.action

    @property
    def name(self) -> str:
        """``Next Scene 3``: the action's toolbar label and the take's number."""
        return f"{action_text(self.action.toolbar)} {self.number}"

    @property
    def acceptable(self) -> bool:
        """Ready, or stopped with something written."""
        if self.state == "ready":
            return True
        return self.state == "stopped" and bool(self.raw_text.strip())

    @property
    def inserted(self) -> bool:
        return any(insertion.present for insertion in self.insertions)

    @property
    def kind(self) -> str:
        """How it is shown and accepted: the action's kind; a stopped structured take is
        half-written JSON, so it is text to accept as notes."""
        kind = self.action.take
        if self.state == "stopped" and kind != "script":
            return "notes"
        return kind

    def tab_text(self) -> str:
        mark = MARKS[self.state]
        if self.inserted:
            mark += " " + QCoreApplication.translate("TakeView", "inserted")
        return f"{self.name} {mark}"


class TakeView(QWidget):
    """One tab: the streaming text, then the take's final form, and a line about it."""

    def __init__(self, kind: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        self.trailer_bar = QLabel("", self)
        self.trailer_bar.setObjectName("runningTime")
        self.trailer_bar.hide()
        self.stack = QStackedWidget(self)
        self.text: QPlainTextEdit | ScriptEditor
        if kind == "script":
            # The script's own editor at a smaller size: the take reads (and edits) as a page.
            editor = ScriptEditor(theme, self)
            editor.set_font_size(PREVIEW_POINTS)
            editor.page_rules_visible = False
            self.text = editor
        else:
            plain = QPlainTextEdit(self)
            plain.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            font = QFont()
            font.setFamilies(list(FONT_FAMILIES))
            font.setStyleHint(QFont.StyleHint.TypeWriter)
            font.setPointSizeF(10)
            plain.setFont(font)
            plain.document().setDocumentMargin(10)
            self.text = plain
        self.text.setObjectName("takeText")
        self.text.setReadOnly(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("takeTable")
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.fit_rows())
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.table)
        note = QHBoxLayout()
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setObjectName("takeMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.at_caret = QPushButton(self.tr("Insert at the Cursor Instead"), self)
        self.at_caret.setObjectName("insertAtCaret")
        self.at_caret.hide()
        note.addWidget(self.message, 1)
        note.addWidget(self.at_caret, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.trailer_bar)
        column.addWidget(self.stack, 1)
        column.addLayout(note)
        self.say("")

    def say(self, text: str, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setProperty("problem", problem)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def show_shots(self, rows: Sequence[tuple[str, str]], insert: Callable[[int], Any]) -> None:
        """A shot list, each row with its own Insert button (``insert(row)``)."""
        table = self.table
        table.clear()
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Shot"), self.tr("Action"), ""])
        table.setRowCount(len(rows))
        for row, (line, action) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(line))
            table.setItem(row, 1, QTableWidgetItem(action))
            button = QPushButton(self.tr("Insert"), table)
            button.setObjectName(f"insertShot{row}")
            button.setFixedHeight(button.sizeHint().height())
            button.clicked.connect(lambda _c=False, r=row: insert(r))
            table.setCellWidget(row, 2, button)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.show_table(True)

    def mark_row_used(self, row: int, dim: QColor) -> None:
        button = self.table.cellWidget(row, 2)
        if isinstance(button, QPushButton):
            button.setText(self.tr("Inserted"))
            button.setEnabled(False)
        for column in (0, 1):
            item = self.table.item(row, column)
            if item is not None:
                item.setForeground(dim)

    def show_trailer(self, beats: Sequence[PromoBeat], target: int, fountain: str) -> None:
        """The trailer as a timed table over its Fountain, with the running time."""
        table = self.table
        table.clear()
        headers = [
            self.tr("Time"),
            self.tr("Shot"),
            self.tr("Picture"),
            self.tr("Voice-over"),
            self.tr("On-screen text"),
            self.tr("Music"),
        ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(beats))
        for row, beat in enumerate(beats):
            cells = [
                f"{clock(beat.start)}–{clock(beat.end)}",
                beat.shot,
                beat.picture,
                audio_text(beat),
                beat.on_screen_text,
                beat.music,
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((76, 96, 190, 170, 120)):
            table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.text.setPlainText(fountain.rstrip("\n"))
        running = beats[-1].end if beats else 0
        mark = "✓" if running == target else "✗"
        self.trailer_bar.setText(
            self.tr("<b>Running time {running}</b> of {target} target {mark}").format(
                running=clock(running), target=clock(target), mark=mark
            )
            + " &nbsp;·&nbsp; "
            + self.tr("{count} beats").format(count=len(beats))
        )
        self.trailer_bar.show()
        self.show_table(True)

    def show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.text)
        QTimer.singleShot(0, self.fit_rows)  # once the columns have their widths

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.stack.currentWidget() is self.table:
            QTimer.singleShot(0, self.fit_rows)

    def fit_rows(self) -> None:
        """Row heights that show every cell's text wrapped to its column (measured here:
        the view's own size hint does not wrap inside the styled window)."""
        table = self.table
        metrics = QFontMetrics(table.font())
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(table.rowCount()):
            height = metrics.height()
            for column in range(table.columnCount()):
                item = table.item(row, column)
                widget = table.cellWidget(row, column)
                if widget is not None:
                    height = max(height, widget.sizeHint().height())
                if item is None or not item.text():
                    continue
                width = max(20, table.columnWidth(column) - 14)
                box = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, item.text())
                height = max(height, box.height())
            table.setRowHeight(row, height + 12)
