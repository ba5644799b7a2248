"""The script editor: Fountain text shown as a page, formatted as the writer types.

A ``QTextEdit`` rather than a ``QPlainTextEdit``: the plain-text layout ignores block
margins, and the script's indents (cue at 3.5 in, dialogue 2.5-6.0 in...) are block
margins measured in character widths from the layout profile. The highlighter classifies
each block; when a block's kind changes, the editor updates that block's format right
after the keystroke, in the same undo step (``joinPreviousEditBlock``).

Typing follows Final Draft: Enter, Tab and Shift+Tab move from element to element and
Ctrl+1..7 set one (:mod:`element_keys`, writing the Fountain markup that
``screenplay.element_change`` checks with the parser); headings, cues and transitions are
upper-cased as typed; an accepted completion moves on as if the element were finished.
Undo takes back about a word: a typed character joins the undo step of the one before
unless a word starts or anything else happened in between; a paste, a replace-all, a
rename and an element change are one step each (:func:`undo.edit_block`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QStringListModel, Qt, QTimer, Signal
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
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QMenu, QTextEdit, QWidget

from reelwright.desktop import element_keys
from reelwright.desktop.completion import (
    CompletionData,
    Context,
    LiveNames,
    completion_context,
)
from reelwright.desktop.element_keys import marked_target
from reelwright.desktop.highlighter import KIND_PROPERTY, ScriptHighlighter, block_kind
from reelwright.desktop.themes import LIGHT, Theme
from reelwright.desktop.undo import edit_block
from reelwright.screenplay.element_change import Target
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.layout import Layout, layout_for
from reelwright.screenplay.lines import Kind, caseless_cues_for, is_heading
from reelwright.screenplay.rename import Edit
from reelwright.screenplay.vocabulary import SCENE_NUMBER_RE, cue_name, is_transition_name

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


def is_cue_marked(block: QTextBlock) -> bool:
    """The writer made this line a cue (Tab, Enter after a name, Ctrl+3) before its speech."""
    return element_keys.marked_target(block) is Target.CHARACTER


class ScriptEditor(QTextEdit):
    """Edits Fountain text; see the module docstring for the conventions."""

    scene_line_changed = Signal(int)
    """The block number of the heading of the scene the caret is in (-1 before any)."""
    zoom_changed = Signal(int)
    message = Signal(str)
    """A short note for the status bar (an element Fountain cannot have where asked)."""

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
        self._page_starts: list[tuple[int, int]] = []
        self._page_lines: list[int] = []
        self.page_rules_visible = True
        self.completion_data = CompletionData()
        self.context_menu_providers: list[Callable[[QMenu, QTextCursor], None]] = []
        """Called with the context menu and the cursor under the mouse before it shows."""
        self.paint_hooks: list[Callable[[], None]] = []
        """Called after each paint of the page (the benchmark times repaints with it)."""

        doc = self.document()
        doc.setUndoRedoEnabled(True)
        self._highlighter = ScriptHighlighter(doc, theme, element_keys.marked_kind)
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
        self._completion: Context | None = None
        self._speakers_cache: tuple[tuple[int, int], LiveNames] | None = None
        """((block number, position), names above it) of the last cue completion."""
        self._word_step: tuple[int, int] | None = None
        """(undo steps, caret position) after the last typed character: the next one joins
        its undo step unless a new word starts or anything else happened in between."""

        self._apply_font()
        self.set_theme(theme)
        # Blocks whose highlighting waits (a refresh of a long script) are done when they
        # come on screen.
        self._highlighter.visible_range = self.visible_block_range
        self.verticalScrollBar().valueChanged.connect(self._highlighter.refresh_visible)

    @property
    def page_starts(self) -> list[tuple[int, int]]:
        """(block number, page number) where pages 2.. start, from the last pagination."""
        return self._page_starts

    @page_starts.setter
    def page_starts(self, starts: list[tuple[int, int]]) -> None:
        self._page_starts = list(starts)
        self._page_lines = [line for line, _ in self._page_starts]

    @property
    def page_lines(self) -> list[int]:
        """The block numbers of ``page_starts`` alone (ascending), for bisecting."""
        return self._page_lines

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
        self._highlighter.set_grid(font)  # wide characters take two columns, as printed
        self._refresh_all_formats()
        self.document().setModified(was_modified)
        self._center_page()

    def _column_chars(self) -> int:
        """Characters from the left margin to the right edge of the widest element (61 on
        Final Draft's pages: action and headings)."""
        layout = self._layout
        return max(
            layout.indent_chars(element) + layout.width_chars(element)
            for element in _KIND_TO_ELEMENT.values()
        )

    def _center_page(self) -> None:
        page = self.lineWrapColumnOrWidth() + 2
        scrollbar = self.verticalScrollBar().sizeHint().width()
        free = max(0, self.width() - page - scrollbar)
        left = free // 2
        self.setViewportMargins(left, 0, max(0, free - left), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._center_page()
        self._highlighter.refresh_visible()

    def visible_block_range(self) -> tuple[int, int] | None:
        """First and last block numbers on screen; None while the editor is not shown."""
        if not self.isVisible():
            return None
        rect = self.viewport().rect()
        first = self.cursorForPosition(rect.topLeft()).blockNumber()
        last = self.cursorForPosition(rect.bottomLeft()).blockNumber()
        return first, last

    def block_format_for(self, kind: Kind) -> QTextBlockFormat:
        """Indents of one kind of line: the page's columns in characters (the layout's
        ``indent_chars`` and ``width_chars``), so that a line of the screen holds what a
        line of the page holds (61 characters of action, 35 of dialogue)."""
        fmt = QTextBlockFormat()
        fmt.setProperty(KIND_PROPERTY, int(kind) + 1)
        element = _KIND_TO_ELEMENT.get(kind)
        width = self.char_width
        if element is not None:
            layout = self._layout
            style = layout.style(element)
            indent = layout.indent_chars(element)
            right = max(0, self._column_chars() - indent - layout.width_chars(element))
            fmt.setLeftMargin(indent * width)
            fmt.setRightMargin(right * width)
            if style.hanging:  # a parenthetical's "(" hangs left of its wrapped lines
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
        cached = self._speakers_cache
        if cached is not None and position < cached[0][1]:
            self._speakers_cache = None  # a line above the cached caret line changed
        if self._loading:
            # Inside the load's single change: formats join it and the layout runs once.
            self.apply_block_formats()
            return
        block = self.document().findBlock(position)
        previous = block.previous()
        # A cue is a cue because of the line below it: look again at the line above.
        if previous.isValid() and block_kind(previous) is not self.classify(previous):
            self._highlighter.rehighlightBlock(previous)

    def classify(self, block: QTextBlock) -> Kind:
        """What ``block`` is now, as the highlighter sees it (its format may lag a key)."""
        return self._highlighter.line_info(block).kind

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
                kind = self.classify(block)
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
    def set_caseless_cues(self, caseless: bool | None) -> None:
        """Whether names without letter case are cues in this script, as the last parse
        decided (None: the parse did not need to; nothing changes)."""
        if caseless is not None and self._highlighter.set_caseless(caseless):
            self.apply_block_formats()

    def set_script_text(self, text: str) -> None:
        """Replace the whole text (opening a file): no undo history, not modified."""
        doc = self.document()
        self._highlighter.caseless = caseless_cues_for(text.split("\n"))
        self._loading = True
        doc.setUndoRedoEnabled(False)
        try:
            self.setPlainText(text)
            self.apply_block_formats()
        finally:
            self._loading = False
            doc.setUndoRedoEnabled(True)
        # Switching the undo stack back on clears the modified flag without a signal, so
        # the window's title could keep the "modified" mark of the load: go through a
        # change of the flag that every listener hears (a new script is not modified).
        doc.setModified(True)
        doc.setModified(False)
        self._word_step = None
        self.completion_data = CompletionData()  # the last script's names are not this one's
        self._speakers_cache = None
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
            event.ignore()  # the completer takes them
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        if enter and modifiers in (Qt.KeyboardModifier.NoModifier, shift):
            with edit_block(self):  # the key's edits and formats: one layout of the page
                if modifiers == shift:
                    # A line break inside the element (Qt would insert U+2028).
                    with edit_block(self) as cursor:
                        cursor.insertText("\n")
                    self.setTextCursor(cursor)
                else:
                    element_keys.enter(self)
                self._settle_kinds()
            self._finish_key()
            return
        if key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            with edit_block(self):
                element_keys.tab(self)
                self._settle_kinds()
            self._finish_key()
            return
        if key == Qt.Key.Key_Backtab:
            with edit_block(self):
                element_keys.backtab(self)
                self._settle_kinds()
            self._finish_key()
            return
        text = event.text()
        if text and text.isprintable() and not modifiers & ~shift:
            self._type(event, text)
            return
        super().keyPressEvent(event)
        self._after_edit(complete=False)

    def _type(self, event: QKeyEvent, text: str) -> None:
        """A typed character: undo steps of about a word; markup a marked line needs; the
        closing parenthesis typed over; upper case where the element wants it."""
        doc = self.document()
        cursor = self.textCursor()
        column = cursor.positionInBlock()
        line = cursor.block().text()
        if (
            text in ")）"
            and not cursor.hasSelection()
            and line[column : column + 1] == text
            and self.current_kind() is Kind.PARENTHETICAL
        ):
            cursor.movePosition(QTextCursor.MoveOperation.Right)  # type over the ")"
            self.setTextCursor(cursor)
            self._after_edit(complete=False)
            return
        word_starts = not text.isspace() and (column == 0 or line[column - 1].isspace())
        join = (
            not cursor.hasSelection()
            and not word_starts
            and self._word_step == (doc.availableUndoSteps(), cursor.position())
        )
        with edit_block(cursor, join=join):
            element_keys.markup_before_typing(self, cursor)
            if (
                text in "(（"
                and not line.strip()
                and self.current_kind() is Kind.DIALOGUE
                and not cursor.hasSelection()
            ):
                edit = self.textCursor()
                edit.insertText(text + (")" if text == "(" else "）"))
                edit.movePosition(QTextCursor.MoveOperation.Left)
                self.setTextCursor(edit)
            else:
                super().keyPressEvent(self._uppercased(event))
                element_keys.tidy_typed_markup(self)
            self._settle_kinds()
            self._after_edit(complete=True)
        self._word_step = (doc.availableUndoSteps(), self.textCursor().position())

    def _settle_kinds(self) -> None:
        """Inside a key's edit block: give the caret's line and its neighbours the indents
        of what they are now, so that Qt lays the page out once for the key (the formats
        the highlighter asks for after the edit would be a second pass over the rest of
        the script: 7 ms in the middle of 500 pages). A guess the highlighter does not
        confirm is corrected as before."""
        block = self.textCursor().block()
        for near in (block.previous(), block, block.next()):
            if not near.isValid():
                continue
            kind = self.classify(near)
            if block_kind(near) is not kind:
                QTextCursor(near).setBlockFormat(self.block_format_for(kind))

    def _finish_key(self) -> None:
        self.ensureCursorVisible()
        self._after_edit(complete=False)

    def undo(self) -> None:
        self._restore(self.document().undo)

    def redo(self) -> None:
        self._restore(self.document().redo)

    def _restore(self, step: Callable[[], None]) -> None:
        """Undo and redo bring back each block's format with its text; adding a format change
        now would join the step being undone (and make undo endless), so none is made."""
        step()
        self._word_step = None  # typing after an undo or a redo starts its own step
        self._highlighter.changed_kinds.clear()
        self._apply_timer.stop()
        self._popup().hide()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A paste is plain text, one undo step, with its line ends made Fountain's."""
        if not source.hasText():
            return
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\u2029", "\n").replace("\u2028", "\n")
        with edit_block(self) as cursor:
            cursor.insertText(text)
        self.setTextCursor(cursor)
        self.apply_block_formats()
        self.ensureCursorVisible()

    def _after_edit(self, complete: bool) -> None:
        self._uppercase_heading()
        self.apply_block_formats()
        if complete:
            self._update_completion()
        else:
            self._popup().hide()

    def current_kind(self) -> Kind:
        """What the caret's line is (as shown)."""
        block = self.textCursor().block()
        return block_kind(block) or self.classify(block)

    def block_kind(self, block: QTextBlock) -> Kind | None:
        """The kind a block is shown as (None before its format is set)."""
        return block_kind(block) if block.isValid() else None

    def _uppercased(self, event: QKeyEvent) -> QKeyEvent:
        text = event.text()
        if not text or text == text.upper() or not text.isprintable():
            return event
        cursor = self.textCursor()
        block = cursor.block()
        line = block.text()
        column = cursor.positionInBlock()
        new_line = line[:column] + text + line[column:]
        kind = self.current_kind()
        upper = False
        if is_cue_marked(block) or kind is Kind.CHARACTER:
            # A cue is in capitals, as Final Draft types it; in a line the writer did not
            # make a cue, an extension keeps the case it is typed in (MAYA (cont'd)).
            before = line[:column]
            upper = kind is Kind.CHARACTER and (
                is_cue_marked(block) or ("(" not in before and "（" not in before)
            )
        elif kind is Kind.TRANSITION or marked_target(block) is Target.TRANSITION:
            upper = True
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
        number = SCENE_NUMBER_RE.search(line)
        cut = number.start() if number else len(line)
        upper = line[:cut].upper() + line[cut:]
        if upper == line:
            return
        column = cursor.positionInBlock()
        with edit_block(QTextCursor(block), join=True) as edit:
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(upper)
        cursor.setPosition(block.position() + min(column, len(upper)))
        self.setTextCursor(cursor)

    def _after_blank(self, block: QTextBlock) -> bool:
        prior = block.previous()
        return not prior.isValid() or not prior.text().strip()

    def set_block_mark(self, block: QTextBlock, target: Target | None) -> None:
        """Show ``block`` as ``target`` until its text says so (None: no mark)."""
        mark = element_keys.mark_of(block)
        if (mark.target if mark else None) == target:
            return
        block.setUserData(element_keys.ElementMark(target) if target else None)  # type: ignore[arg-type]
        self._highlighter.rehighlightBlock(block)

    def document_position(self, line: int, column: int) -> int:
        """The document position of ``column`` (a Python index) in block ``line``."""
        block = self.document().findBlockByNumber(line)
        if not block.isValid():
            return max(0, self.document().characterCount() - 1)
        text = block.text()[:column]
        return block.position() + len(text.encode("utf-16-le")) // 2

    def apply_edits(self, edits: list[Edit]) -> None:
        """Make line edits (a rename, a replace-all) as ONE undo step; the caret stays."""
        if not edits:
            return
        caret = self.textCursor().position()
        with edit_block(self.document()) as cursor:
            for edit in sorted(edits, reverse=True):
                cursor.setPosition(self.document_position(edit.line, edit.start))
                cursor.setPosition(
                    self.document_position(edit.line, edit.end), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.insertText(edit.text)
            self.apply_block_formats()
        cursor = self.textCursor()
        cursor.setPosition(min(caret, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def marked_cue_lines(self, first: int, last: int) -> list[int]:
        """Block numbers from ``first`` to ``last`` the writer marked as cues."""
        doc = self.document()
        return [
            n for n in range(max(0, first), last + 1) if is_cue_marked(doc.findBlockByNumber(n))
        ]

    def set_element(self, target: Target) -> bool:
        """Ctrl+1..7: make the caret's paragraph ``target``, in Fountain markup."""
        self._popup().hide()
        done = element_keys.set_element(self, target)
        self.ensureCursorVisible()
        return done

    # Completion --------------------------------------------------------------------------------
    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None
        return popup

    def completer(self) -> QCompleter:
        return self._completer

    def show_completions(self, force: bool = False) -> None:
        self._update_completion(force)

    def _update_completion(self, force: bool = False) -> None:
        cursor = self.textCursor()
        block = cursor.block()
        kind = self.current_kind()
        column = cursor.positionInBlock()
        after_blank = self._after_blank(block)
        typed = block.text()[:column].strip()
        names_wanted = kind is Kind.CHARACTER or (
            kind in (Kind.ACTION, Kind.BLANK) and after_blank and typed.isupper() and column <= 8
        )
        context = completion_context(
            block.text(),
            column,
            kind,
            self.completion_data,
            self.scene_line(),
            after_blank,
            self._speakers_above(block) if names_wanted else LiveNames(),
        )
        popup = self._popup()
        if context is None or not context.candidates:
            popup.hide()
            self._completion = None
            return
        model = self._completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(context.candidates)
        self._completion = context
        self._completion_start = block.position() + context.start
        self._completer.setCompletionPrefix("")
        # Under the first letter of the word being completed; cursorRect is in the
        # viewport's coordinates, the completer wants the editor's (the page is centred).
        start = QTextCursor(self.textCursor())
        start.setPosition(self._completion_start)
        rect = self.cursorRect(start).translated(self.viewport().pos())
        rect.setWidth(
            popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 24
        )
        self._completer.complete(rect)
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _speakers_above(self, block: QTextBlock, limit: int = 600) -> LiveNames:
        """Cue names shown above ``block`` (at most ``limit`` lines up), latest first: this
        scene's and the earlier scenes'. Names typed since the last analysis complete too.

        Kept while the lines above do not change (typing a cue changes only its line)."""
        key = (block.blockNumber(), block.position())
        if self._speakers_cache is not None and self._speakers_cache[0] == key:
            return self._speakers_cache[1]
        scene: list[str] = []
        earlier: list[str] = []
        names = scene
        walk = block.previous()
        heading, cue = int(Kind.SCENE_HEADING) + 1, int(Kind.CHARACTER) + 1  # KIND_PROPERTY
        while walk.isValid() and limit > 0:
            kind = walk.blockFormat().intProperty(KIND_PROPERTY)
            if kind == heading:
                names = earlier
            elif kind == cue:
                name = cue_name(walk.text())
                fresh = name and name not in scene and name not in earlier
                if fresh and not is_transition_name(name):
                    names.append(name)
            walk = walk.previous()
            limit -= 1
        names = LiveNames(tuple(scene), tuple(earlier))
        self._speakers_cache = (key, names)
        return names

    def _insert_completion(self, text: str) -> None:
        """Take the chosen word and move on as if the element were finished: a name goes on
        to its speech, a transition to the next heading, a time of day to the action; a
        heading's prefix and location go on to what follows them in the heading."""
        context = self._completion
        what = context.what if context is not None else "name"
        suffix = {"prefix": " ", "location": " - "}.get(what, "")
        with edit_block(self) as cursor:
            end = cursor.position()
            cursor.setPosition(self._completion_start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text + suffix)
            self.setTextCursor(cursor)
            self.apply_block_formats()
            if what in ("name", "transition", "time"):
                element_keys.enter(self)
        self._word_step = None
        self._after_edit(complete=what in ("prefix", "location"))

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

                paint_page_rules(painter, self, self.page_starts, self._theme, self.page_lines)
        finally:
            painter.end()
        for hook in self.paint_hooks:
            hook()
