"""The script editor: Fountain text shown as a page, formatted as the writer types.

A ``QTextEdit`` rather than a ``QPlainTextEdit``: the plain-text layout ignores block
margins, and the script's indents (cue at 3.5 in, dialogue 2.5-6.0 in...) are block
margins measured in character widths from the layout profile. The highlighter classifies
each block; when a block's kind changes, the editor updates that block's format right
after the keystroke, in the same undo step (``joinPreviousEditBlock``).

Typing conventions (Final Draft, Trelby): Tab on an empty line starts a cue, Tab on an
empty line under speech opens a parenthetical, Enter after a cue goes to dialogue, Enter
on an empty dialogue line goes back to action, Enter after a scene heading leaves the
blank line Fountain needs. Headings and cues are upper-cased as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextBlockUserData,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QMenu, QTextEdit, QWidget

from reelwright.desktop import scene_access
from reelwright.desktop.completion import CompletionData, completion_context
from reelwright.desktop.highlighter import KIND_PROPERTY, ScriptHighlighter, block_kind
from reelwright.desktop.linekinds import SPEECH, Kind, classify, is_heading, looks_like_cue
from reelwright.desktop.scene_access import SceneSnapshot, Where
from reelwright.desktop.themes import LIGHT, Theme
from reelwright.desktop.undo import edit_block
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.layout import Layout, layout_for

FONT_FAMILIES = ("Reelwright Typewriter", "Courier Prime", "Courier New", "Liberation Mono")

_KIND_TO_ELEMENT = {
    Kind.SCENE_HEADING: ElementType.SCENE_HEADING,
    Kind.CHARACTER: ElementType.CHARACTER,
    Kind.PARENTHETICAL: ElementType.PARENTHETICAL,
    Kind.DIALOGUE: ElementType.DIALOGUE,
    Kind.TRANSITION: ElementType.TRANSITION,
    Kind.CENTERED: ElementType.CENTERED,
    Kind.LYRICS: ElementType.LYRICS,
}


class CueMark(QTextBlockUserData):
    """Attached to a block the writer made a cue before its dialogue exists."""


def is_cue_marked(block: QTextBlock) -> bool:
    return isinstance(block.userData(), CueMark)


class ScriptEditor(QTextEdit):
    """Edits Fountain text; see the module docstring for the conventions."""

    scene_line_changed = Signal(int)
    """The block number of the heading of the scene the caret is in (-1 before any)."""
    zoom_changed = Signal(int)

    def __init__(self, theme: Theme = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scriptEditor")
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.setFrameStyle(0)
        self.setCursorWidth(2)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._theme = theme
        self._layout: Layout = layout_for("letter")
        self._base_size = 12
        self._zoom = 0
        self._loading = False
        self._scene_line = -2
        self._last_block = -1
        self.page_starts: list[tuple[int, int]] = []
        """(block number, page number) where pages 2.. start, from the last pagination."""
        self.page_rules_visible = True
        self.completion_data = CompletionData()
        self.context_menu_providers: list[Callable[[QMenu, QTextCursor], None]] = []
        """Called with the context menu and the cursor under the mouse before it shows."""
        self.paint_hooks: list[Callable[[], None]] = []
        """Called after each paint of the page (the benchmark times repaints with it)."""

        doc = self.document()
        doc.setUndoRedoEnabled(True)
        self._highlighter = ScriptHighlighter(doc, theme, is_cue_marked)
        self._highlighter.on_kind_change = self._kinds_changed
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self.apply_block_formats)
        doc.contentsChange.connect(self._contents_change)
        self.cursorPositionChanged.connect(self._cursor_moved)

        self._completer = QCompleter(self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setModel(QStringListModel(self._completer))
        self._completer.activated[str].connect(self._insert_completion)  # type: ignore[index]
        self._completion_start = 0

        self._apply_font()
        self.set_theme(theme)

    @property
    def highlighter(self) -> ScriptHighlighter:
        """The block highlighter; others add formats with ``highlighter.add_decorator``."""
        return self._highlighter

    # Appearance ------------------------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def char_width(self) -> float:
        return QFontMetricsF(self.document().defaultFont()).horizontalAdvance("M")

    @property
    def page_layout(self) -> Layout:
        return self._layout

    def set_page_layout(self, layout: Layout) -> None:
        self._layout = layout
        self._refresh_all_formats()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.desk))
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.paper))
        palette.setColor(QPalette.ColorRole.Text, QColor(theme.text))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(theme.selection))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(theme.text))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)
        self._highlighter.set_theme(theme)
        # A new application style sheet re-polishes widgets and can reset the page's font.
        wanted = max(6.0, self._base_size + self._zoom)
        if self.document().defaultFont().pointSizeF() != wanted:
            self._apply_font()
        self.viewport().update()

    def set_font_size(self, points: int) -> None:
        self._base_size = points
        self._apply_font()

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-6, min(24, steps))
        if steps == self._zoom:
            return
        self._zoom = steps
        self._apply_font()
        self.zoom_changed.emit(steps)

    def _apply_font(self) -> None:
        font = QFont()
        font.setFamilies(list(FONT_FAMILIES))
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setFixedPitch(True)
        font.setPointSizeF(max(6.0, self._base_size + self._zoom))
        font.setKerning(False)
        # A new font or margin is not an edit of the script: keep the modified flag.
        was_modified = self.document().isModified()
        self.document().setDefaultFont(font)
        self.setFont(font)
        width = self.char_width
        self.document().setDocumentMargin(round(width * 4))
        self.setLineWrapColumnOrWidth(round(self._column_chars() * width + width * 8 + 2))
        self.setTabStopDistance(width * 4)
        self._refresh_all_formats()
        self.document().setModified(was_modified)
        self._center_page()

    def _column_chars(self) -> int:
        layout = self._layout
        return round((layout.page_width - layout.right_margin - layout.left_margin) * 10)

    def _center_page(self) -> None:
        page = self.lineWrapColumnOrWidth() + 2
        scrollbar = self.verticalScrollBar().sizeHint().width()
        free = max(0, self.width() - page - scrollbar)
        left = free // 2
        self.setViewportMargins(left, 0, max(0, free - left), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._center_page()

    def block_format_for(self, kind: Kind) -> QTextBlockFormat:
        """Indents of one kind of line, in character widths of the layout profile."""
        fmt = QTextBlockFormat()
        fmt.setProperty(KIND_PROPERTY, int(kind) + 1)
        element = _KIND_TO_ELEMENT.get(kind)
        width = self.char_width
        if element is not None:
            style = self._layout.style(element)
            text_left = self._layout.left_margin
            text_right = self._layout.page_width - self._layout.right_margin
            fmt.setLeftMargin(round((style.left - text_left) * 10) * width)
            fmt.setRightMargin(max(0, round((text_right - style.right) * 10)) * width)
            if kind is Kind.PARENTHETICAL:
                fmt.setTextIndent(-width * style.hanging)
                fmt.setLeftMargin(fmt.leftMargin() + width * style.hanging)
            if style.align == "right":
                fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
            elif style.align == "center":
                fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if kind is Kind.SECTION:
            fmt.setTopMargin(width * 0.5)
        return fmt

    # Block formats follow the highlighter's kinds --------------------------------------------
    def _kinds_changed(self) -> None:
        if not self._loading and not self._apply_timer.isActive():
            self._apply_timer.start()

    def _contents_change(self, position: int, removed: int, added: int) -> None:
        if self._loading:
            # Inside the load's single change: formats join it and the layout runs once.
            self.apply_block_formats()
            return
        block = self.document().findBlock(position)
        previous = block.previous()
        if previous.isValid():
            # A cue is a cue because of the line below it: look again at the line above.
            info = self._classify(previous)
            if block_kind(previous) is not info:
                self._highlighter.rehighlightBlock(previous)

    def _classify(self, block: QTextBlock) -> Kind:
        following = block.next()
        prior = block.previous()
        return classify(
            block.text(),
            prior.userState() if prior.isValid() else -1,
            following.text() if following.isValid() else None,
            first=not prior.isValid(),
            cue_mark=is_cue_marked(block),
        ).kind

    def apply_block_formats(self) -> None:
        """Give every block the highlighter flagged the indents of its kind (one undo step
        with the edit that caused it)."""
        self._apply_timer.stop()
        pending = self._highlighter.changed_kinds
        if not pending:
            return
        numbers = sorted(pending)
        pending.clear()
        doc = self.document()
        was_modified = doc.isModified()  # formats are no change of the text: a save stays
        formats: dict[Kind, QTextBlockFormat] = {}
        with edit_block(doc, join=not self._loading) as cursor:
            for number in numbers:
                block = doc.findBlockByNumber(number)
                if not block.isValid():
                    continue
                kind = self._classify(block)
                if block_kind(block) is kind:
                    continue
                fmt = formats.get(kind)
                if fmt is None:
                    fmt = formats[kind] = self.block_format_for(kind)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
        doc.setModified(was_modified)

    def _refresh_all_formats(self) -> None:
        """After a font or paper change: every block's indents in the new character width."""
        doc = self.document()
        if doc.isEmpty():
            return
        formats = {kind: self.block_format_for(kind) for kind in Kind}
        was_modified = doc.isModified()
        with edit_block(doc, join=doc.isUndoAvailable()) as cursor:
            block = doc.begin()
            while block.isValid():
                kind = block_kind(block)
                if kind is not None:
                    cursor.setPosition(block.position())
                    cursor.setBlockFormat(formats[kind])
                block = block.next()
        doc.setModified(was_modified)

    # Text in and out -------------------------------------------------------------------------
    def set_script_text(self, text: str) -> None:
        """Replace the whole text (opening a file): no undo history, not modified."""
        doc = self.document()
        self._loading = True
        doc.setUndoRedoEnabled(False)
        try:
            self.setPlainText(text)
            self.apply_block_formats()
        finally:
            self._loading = False
            doc.setUndoRedoEnabled(True)
        doc.setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._scene_line = -2
        self._cursor_moved()

    def script_text(self) -> str:
        """The text as written: ``toPlainText`` would turn no-break spaces into spaces."""
        return self.document().toRawText().replace("\u2029", "\n")

    # Keys --------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._popup()
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if popup.isVisible() and (enter or key in (Qt.Key.Key_Tab, Qt.Key.Key_Escape)):
            event.ignore()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        shift = Qt.KeyboardModifier.ShiftModifier
        if enter and not (event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | shift)):
            if not self._handle_enter():
                # Qt swallows Return on an empty block that has a block format (it resets
                # the format instead), and Shift+Return would insert U+2028: insert a plain
                # line break ourselves.
                cursor = self.textCursor()
                cursor.insertText("\n")
                self.setTextCursor(cursor)
            self.ensureCursorVisible()
            self._after_edit(complete=False)
            return
        if key == Qt.Key.Key_Tab and plain and self._handle_tab():
            self._after_edit(complete=False)
            return
        if key == Qt.Key.Key_Backtab and self._unmark_empty_cue():
            return
        event = self._uppercased(event)
        super().keyPressEvent(event)
        self._after_edit(complete=bool(event.text()) and event.text().isprintable())

    def undo(self) -> None:
        self._restore(self.document().undo)

    def redo(self) -> None:
        self._restore(self.document().redo)

    def _restore(self, step: Callable[[], None]) -> None:
        """Undo and redo bring back each block's format with its text; adding a format change
        now would join the step being undone (and make undo endless), so none is made."""
        step()
        self._highlighter.changed_kinds.clear()
        self._apply_timer.stop()
        self._popup().hide()

    def _after_edit(self, complete: bool) -> None:
        self._uppercase_heading()
        self.apply_block_formats()
        if complete:
            self._update_completion()
        else:
            self._popup().hide()

    def _current_kind(self) -> Kind:
        block = self.textCursor().block()
        return block_kind(block) or self._classify(block)

    def _uppercased(self, event: QKeyEvent) -> QKeyEvent:
        text = event.text()
        if not text or text == text.upper() or not text.isprintable():
            return event
        cursor = self.textCursor()
        block = cursor.block()
        line = block.text()
        column = cursor.positionInBlock()
        new_line = line[:column] + text + line[column:]
        upper = False
        if is_cue_marked(block) or self._current_kind() is Kind.CHARACTER:
            upper = "(" not in line[:column] and self._current_kind() is Kind.CHARACTER
        if not upper and is_heading(new_line) and self._after_blank(block):
            upper = "#" not in line[:column]
        if not upper:
            return event
        return QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            text.upper(),
            event.isAutoRepeat(),
            event.count(),
        )

    def _uppercase_heading(self) -> None:
        """``int.`` becomes ``INT.`` the moment the line turns into a heading."""
        cursor = self.textCursor()
        block = cursor.block()
        line = block.text()
        if not line or line == line.upper() or not is_heading(line):
            return
        if not self._after_blank(block) or line.lstrip().startswith("."):
            return
        hash_at = line.find(" #")
        cut = hash_at if hash_at >= 0 and line.rstrip().endswith("#") else len(line)
        upper = line[:cut].upper() + line[cut:]
        if upper == line:
            return
        column = cursor.positionInBlock()
        with edit_block(QTextCursor(block), join=True) as edit:
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(upper)
        cursor.setPosition(block.position() + column)
        self.setTextCursor(cursor)

    def _after_blank(self, block: QTextBlock) -> bool:
        prior = block.previous()
        return not prior.isValid() or not prior.text().strip()

    def _set_cue_mark(self, block: QTextBlock, marked: bool) -> None:
        if marked == is_cue_marked(block):
            return
        block.setUserData(CueMark() if marked else None)  # type: ignore[arg-type]
        self._highlighter.rehighlightBlock(block)

    def _handle_enter(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        line = block.text()
        at_end = cursor.positionInBlock() == len(line)
        kind = self._current_kind()
        if not line.strip():
            if is_cue_marked(block):
                self._set_cue_mark(block, False)  # an empty cue: back to action
                return True
            prior = block.previous()
            if kind is Kind.DIALOGUE and prior.isValid() and block_kind(prior) is Kind.CHARACTER:
                self._set_cue_mark(prior, False)  # a cue without speech is not a cue
            return False
        if not at_end:
            return False
        if kind in (Kind.SCENE_HEADING, Kind.TRANSITION):
            cursor.insertText("\n\n")
            self.setTextCursor(cursor)
            return True
        if kind is Kind.CHARACTER or (
            kind is Kind.ACTION
            and self._after_blank(block)
            and looks_like_cue(line)
            and not is_heading(line)
        ):
            self._set_cue_mark(block, True)
            cursor.insertText("\n")
            self.setTextCursor(cursor)
            return True
        return False

    def _handle_tab(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        if block.text().strip():
            self._update_completion(force=True)
            return True
        if is_cue_marked(block):
            self._set_cue_mark(block, False)
            return True
        prior = block.previous()
        prior_kind = block_kind(prior) if prior.isValid() else None
        if prior.isValid() and prior.text().strip() and prior_kind in SPEECH:
            cursor.insertText("()")
            cursor.movePosition(QTextCursor.MoveOperation.Left)
            self.setTextCursor(cursor)
            return True
        if prior.isValid() and prior.text().strip():
            cursor.insertText("\n")
            self.setTextCursor(cursor)
            block = cursor.block()
        self._set_cue_mark(block, True)
        return True

    def _unmark_empty_cue(self) -> bool:
        block = self.textCursor().block()
        if block.text().strip() or not is_cue_marked(block):
            return False
        self._set_cue_mark(block, False)
        self.apply_block_formats()
        return True

    # Completion --------------------------------------------------------------------------------
    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None
        return popup

    def completer(self) -> QCompleter:
        return self._completer

    def _update_completion(self, force: bool = False) -> None:
        cursor = self.textCursor()
        block = cursor.block()
        context = completion_context(
            block.text(),
            cursor.positionInBlock(),
            self._current_kind(),
            self.completion_data,
            self.scene_line(),
            self._after_blank(block),
        )
        popup = self._popup()
        if context is None or not context.candidates:
            popup.hide()
            return
        model = self._completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(context.candidates)
        self._completion_start = block.position() + context.start
        self._completer.setCompletionPrefix("")
        rect = self.cursorRect()
        rect.setWidth(
            popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 24
        )
        self._completer.complete(rect)
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _insert_completion(self, text: str) -> None:
        with edit_block(self) as cursor:
            end = cursor.position()
            cursor.setPosition(self._completion_start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            suffix = (
                " " if text in ("INT.", "EXT.", "INT./EXT.", "EXT./INT.", "I/E.", "EST.") else ""
            )
            cursor.insertText(text + suffix)
        self.setTextCursor(cursor)
        self.apply_block_formats()

    # The scene around the caret ---------------------------------------------------------------
    def scene_line(self) -> int | None:
        """Block number of the heading above the caret (None before the first heading)."""
        block = self.textCursor().block()
        while block.isValid():
            if block_kind(block) is Kind.SCENE_HEADING:
                return block.blockNumber()
            block = block.previous()
        return None

    def _cursor_moved(self) -> None:
        number = self.textCursor().blockNumber()
        if number == self._last_block:
            return
        self._last_block = number
        line = self.scene_line()
        value = -1 if line is None else line
        if value != self._scene_line:
            self._scene_line = value
            self.scene_line_changed.emit(value)

    def go_to_line(self, line: int) -> None:
        """Put the caret at the start of block ``line`` and show it near the top."""
        block = self.document().findBlockByNumber(max(0, line))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        top = self.document().documentLayout().blockBoundingRect(block).top()
        bar.setValue(int(max(0, top - self.viewport().height() * 0.2)))
        self.setFocus()

    # For the co-writer (the work is done in scene_access) --------------------------------------
    def current_scene(self) -> SceneSnapshot:
        """A plain copy of the scene around the caret (safe to hand to a worker thread)."""
        return scene_access.current_scene(self)

    def selected_text(self) -> str:
        return self.textCursor().selection().toPlainText()

    def text_before_cursor(self, max_chars: int = 4000) -> str:
        position = self.textCursor().selectionStart()
        return self.toPlainText()[max(0, position - max_chars) : position]

    def insert_suggestion(self, text: str, where: Where = "cursor", join: bool = False) -> int:
        """Insert accepted text as ONE undo step (``join=True``: part of the previous one).

        ``where``: "cursor", "replace_selection", "after_paragraph" (with the blank line
        Fountain needs) or "end_of_scene". Returns the position after the inserted text.
        """
        return scene_access.insert_suggestion(self, text, where, join)

    # Menus and painting ------------------------------------------------------------------------
    def contextMenuEvent(self, event: object) -> None:
        menu = self.createStandardContextMenu()
        position = event.pos()  # type: ignore[attr-defined]
        cursor = self.cursorForPosition(position)
        for provider in self.context_menu_providers:
            provider(menu, cursor)
        menu.exec(event.globalPos())  # type: ignore[attr-defined]
        menu.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            # Hairline page edges, so the column reads as a sheet on the desk.
            painter.setPen(QColor(self._theme.page_rule))
            height = self.viewport().height()
            painter.drawLine(0, 0, 0, height)
            right = self.viewport().width() - 1
            painter.drawLine(right, 0, right, height)
            if self.page_rules_visible and self.page_starts:
                from reelwright.desktop.page_rules import paint_page_rules

                paint_page_rules(painter, self, self.page_starts, self._theme)
        finally:
            painter.end()
        for hook in self.paint_hooks:
            hook()
