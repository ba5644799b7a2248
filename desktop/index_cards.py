"""The index-card board: one card per scene, grouped by sections, in script order.

A card shows the scene's number, start page, colour, heading, synopsis and first lines.
Dragging a card before or after another (or into a section's empty space) moves the
scene's text in the script; double-clicking a card's synopsis edits it in place and writes
the scene's ``=`` line; the context menu colours the card (a ``[[color ...]]`` note in the
heading, as Beat writes it) and moves it with the keyboard (Alt+Left / Alt+Right). Every
change is one undo step in the editor (``desk.apply_text``), computed by the Qt-free
``screenplay.outline``. The board is rebuilt from the script after each analysis while it
is open, and at once after its own edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from reelwright.desktop.desk import apply_text, current_outline
from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.screenplay.outline import (
    COLORS,
    Outline,
    Scene,
    move_scene,
    set_scene_color,
    set_synopsis,
)

if TYPE_CHECKING:
    from reelwright.desktop.analysis import Analysis
    from reelwright.desktop.main_window import MainWindow

MIME = "application/x-reelwright-scene"
COLOR_NAMES = {
    "red": QT_TRANSLATE_NOOP("IndexCardsWindow", "Red"),
    "orange": QT_TRANSLATE_NOOP("IndexCardsWindow", "Orange"),
    "yellow": QT_TRANSLATE_NOOP("IndexCardsWindow", "Yellow"),
    "green": QT_TRANSLATE_NOOP("IndexCardsWindow", "Green"),
    "cyan": QT_TRANSLATE_NOOP("IndexCardsWindow", "Cyan"),
    "blue": QT_TRANSLATE_NOOP("IndexCardsWindow", "Blue"),
    "purple": QT_TRANSLATE_NOOP("IndexCardsWindow", "Purple"),
    "pink": QT_TRANSLATE_NOOP("IndexCardsWindow", "Pink"),
    "brown": QT_TRANSLATE_NOOP("IndexCardsWindow", "Brown"),
    "gray": QT_TRANSLATE_NOOP("IndexCardsWindow", "Gray"),
}
"""The colour menu's names for the core's colours (a colour without one shows its key)."""
CARD_SIZE = QSize(230, 158)


class FlowLayout(QLayout):
    """Children left to right, wrapping to the next row (Qt's flow layout example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_widget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize(CARD_SIZE.width(), 0)
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x = rect.x()
                y += row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


@dataclass(frozen=True, slots=True)
class DropTarget:
    line: int
    """The boundary line the scene goes to (``Outline.boundaries``)."""
    card: IndexCard | None
    after: bool


class SynopsisEditor(QPlainTextEdit):
    """In-place synopsis editing: Enter keeps it, Shift+Enter starts a line, Esc drops it."""

    done = Signal(bool)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.done.emit(True)
            return
        if key == Qt.Key.Key_Escape:
            self.done.emit(False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.done.emit(True)


class IndexCard(QFrame):
    """One scene's card; see the module docstring."""

    def __init__(self, board: Board, scene: Scene, page: int | None) -> None:
        super().__init__(board)
        self.board = board
        self.scene = scene
        self.page = page
        self.setObjectName(f"card-{scene.index}")
        self.setFixedSize(CARD_SIZE)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setToolTip(scene.heading + (f"\n{scene.synopsis}" if scene.synopsis else ""))
        self._press: QPoint | None = None
        self.editor: SynopsisEditor | None = None
        self.selected = False

    def synopsis_rect(self) -> QRect:
        return QRect(10, 56, self.width() - 20, 48)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme = self.board.theme
        paper = QColor(theme.paper)
        rect = self.rect().adjusted(1, 1, -1, -1)
        painter.setPen(QColor(theme.accent) if self.selected else QColor(theme.markup))
        painter.setBrush(paper)
        painter.drawRoundedRect(rect, 4, 4)
        if self.selected:
            pen = painter.pen()
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        color = self.scene.color
        if color:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(COLORS.get(color, color)))
            painter.drawRect(QRect(2, 2, self.width() - 4, 7))
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        bold = QFont(font)
        bold.setBold(True)
        italic = QFont(small)
        italic.setItalic(True)
        ink = QColor(theme.text)
        dim = QColor(ink)
        dim.setAlpha(140)
        width = self.width() - 20
        painter.setFont(small)
        painter.setPen(dim)
        painter.drawText(QRect(10, 12, width, 16), Qt.AlignmentFlag.AlignLeft, self.scene.number)
        if self.page:
            painter.drawText(
                QRect(10, 12, width, 16),
                Qt.AlignmentFlag.AlignRight,
                self.tr("p. {page}").format(page=self.page),
            )
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(
            QRect(10, 28, width, 30),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
            _elide_lines(self.scene.heading, bold, width, 2),
        )
        synopsis = self.synopsis_rect()
        if self.editor is None:
            painter.setFont(italic)
            painter.setPen(QColor(theme.synopsis))
            text = self.scene.synopsis or self.tr("Double-click to write a synopsis")
            if not self.scene.synopsis:
                painter.setPen(dim)
            painter.drawText(
                synopsis,
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
                _elide_lines(text, italic, synopsis.width(), 3),
            )
        painter.setFont(small)
        painter.setPen(dim)
        body = " / ".join(self.scene.first_lines)
        painter.drawText(
            QRect(10, 108, width, 44),
            Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop,
            _elide_lines(body, small, width, 3),
        )
        painter.end()

    # Mouse: select, drag, edit --------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self.board.select(self.scene.index)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        if (
            event.position().toPoint() - self._press
        ).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        data = QMimeData()
        data.setData(MIME, QByteArray(str(self.scene.index).encode()))
        drag.setMimeData(data)
        drag.setPixmap(self.grab())
        drag.setHotSpot(event.position().toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            if self.synopsis_rect().adjusted(0, -30, 0, 0).contains(event.position().toPoint()):
                self.edit_synopsis()
            else:
                self.board.go_to(self.scene.index)

    def edit_synopsis(self) -> SynopsisEditor:
        if self.editor is None:
            editor = SynopsisEditor(self)
            editor.setObjectName("synopsisEditor")
            editor.setPlainText(self.scene.synopsis)
            editor.setGeometry(self.synopsis_rect().adjusted(-4, -2, 4, 2))
            editor.setFrameStyle(QFrame.Shape.Box)
            editor.done.connect(self._synopsis_done)
            self.editor = editor
            editor.show()
            editor.setFocus()
            editor.selectAll()
            self.update()
        return self.editor

    def _synopsis_done(self, keep: bool) -> None:
        editor = self.editor
        if editor is None:
            return
        self.editor = None
        text = editor.toPlainText().strip()
        editor.hide()
        editor.deleteLater()
        self.update()
        if keep and text != self.scene.synopsis:
            self.board.window_.set_synopsis(self.scene.index, text)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.board.select(self.scene.index)
        menu = self.board.window_.card_menu(self.scene.index, self)
        menu.exec(event.globalPos())
        menu.deleteLater()


def _elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` cut to fit ``lines`` wrapped lines of ``width`` pixels, with an ellipsis."""
    metrics = QFontMetrics(font)
    words = text.split()
    out: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width:
            current = trial
            continue
        out.append(current)
        current = word
        if len(out) == lines:
            break
    if len(out) < lines and current:
        out.append(current)
        current = ""
    if len(out) >= lines and (current or len(" ".join(out).split()) < len(words)):
        out = out[:lines]
        out[-1] = metrics.elidedText(out[-1] + " …", Qt.TextElideMode.ElideRight, width)
    return "\n".join(out)


class Group(QWidget):
    """A section's heading and its scenes' cards."""

    def __init__(self, board: Board, title: str, depth: int, end_line: int) -> None:
        super().__init__(board)
        self.end_line = end_line
        """Where a card dropped in this group's empty space goes."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16 * max(0, depth - 1), 6, 0, 10)
        self.title = QLabel(title, self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.25 if depth <= 1 else 1.1))
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.cards_area = QWidget(self)
        self.flow = FlowLayout(self.cards_area)
        self.cards_area.setMinimumHeight(40)
        self.cards_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.cards_area)


class Board(QWidget):
    """The scroll area's content: groups of cards; takes the drops."""

    def __init__(self, window: IndexCardsWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.theme = window.main_window.theme
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(16, 12, 16, 16)
        self.column.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.cards: list[IndexCard] = []
        self.groups: list[Group] = []
        self.selected: int | None = None
        self.indicator = QFrame(self)
        self.indicator.setObjectName("dropIndicator")
        self.indicator.setStyleSheet("background: #3d7bd9;")
        self.indicator.hide()

    def fill(self, outline: Outline, pages: dict[int, int]) -> None:
        for group in self.groups:
            self.column.removeWidget(group)
            group.hide()  # until deleted it would still take clicks and drops
            group.setParent(None)
            group.deleteLater()
        self.groups = []
        self.cards = []
        title = self.window_.main_window.document.display_name
        buckets: list[tuple[str, int, int, list[Scene]]] = []
        loose = [s for s in outline.scenes if s.section is None]
        if loose or not outline.sections:
            end = loose[-1].end_line if loose else outline.tail_line
            buckets.append((title, 1, end, loose))
        for section in outline.sections:
            scenes = [s for s in outline.scenes if s.section == section.index]
            end = scenes[-1].end_line if scenes else outline.section_end(section)
            name = section.title or self.tr("(untitled section)")
            buckets.append((name, section.depth, end, scenes))
        for name, depth, end, scenes in buckets:
            group = Group(self, name, depth, end)
            for scene in scenes:
                card = IndexCard(self, scene, pages.get(scene.index))
                group.flow.add_widget(card)
                self.cards.append(card)
            self.column.addWidget(group)
            self.groups.append(group)
        self.cards.sort(key=lambda c: c.scene.index)
        if self.selected is not None:
            self.select(min(self.selected, len(self.cards) - 1) if self.cards else None)

    def select(self, index: int | None) -> None:
        self.selected = index
        for card in self.cards:
            selected = card.scene.index == index
            if selected != card.selected:
                card.selected = selected
                card.update()
        if index is not None and 0 <= index < len(self.cards):
            scroll = self.window_.scroll_area
            scroll.ensureWidgetVisible(self.cards[index], 20, 20)

    def go_to(self, index: int) -> None:
        self.window_.go_to(index)

    # Keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.selected is None or not self.cards:
            super().keyPressEvent(event)
            return
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down):
            step = -1 if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else 1
            if alt:
                self.window_.move_by(self.selected, step)
            else:
                self.select(max(0, min(len(self.cards) - 1, self.selected + step)))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cards[self.selected].edit_synopsis()
            return
        super().keyPressEvent(event)

    # Drops ---------------------------------------------------------------------------------
    def target_at(self, pos: QPoint) -> DropTarget | None:
        """Where a card dropped at ``pos`` (board coordinates) would go."""
        child = self.childAt(pos)
        while child is not None and not isinstance(child, (IndexCard, Group)) and child is not self:
            child = child.parentWidget()
        if isinstance(child, IndexCard):
            local = child.mapFrom(self, pos)
            after = local.x() > child.width() / 2
            line = child.scene.end_line if after else child.scene.start_line
            return DropTarget(line, child, after)
        group = child if isinstance(child, Group) else None
        if group is None:
            for candidate in self.groups:
                if candidate.geometry().contains(pos):
                    group = candidate
                    break
        if group is None:
            return None
        return DropTarget(group.end_line, None, True)

    def _show_indicator(self, target: DropTarget | None) -> None:
        if target is None or target.card is None:
            self.indicator.hide()
            return
        card = target.card
        top_left = card.mapTo(self, QPoint(0, 0))
        x = top_left.x() + (card.width() + 4 if target.after else -8)
        self.indicator.setGeometry(x, top_left.y(), 4, card.height())
        self.indicator.show()
        self.indicator.raise_()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not event.mimeData().hasFormat(MIME):
            return
        target = self.target_at(event.position().toPoint())
        self._show_indicator(target)
        if target is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: object) -> None:
        self.indicator.hide()

    def dropEvent(self, event: QDropEvent) -> None:
        self.indicator.hide()
        data = event.mimeData()
        if not data.hasFormat(MIME):
            return
        target = self.target_at(event.position().toPoint())
        if target is None:
            return
        index = int(bytes(data.data(MIME).data()).decode())
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.window_.move_to_line(index, target.line)


class IndexCardsWindow(QWidget):
    """See the module docstring."""

    changed = Signal()
    """The board was rebuilt."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("indexCardsWindow")
        self.main_window = window
        self.editor = window.editor
        self.setWindowTitle(self.tr("Index Cards — Reelwright"))
        self.resize(1080, 760)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self._hint(), self)
        self.hint.setContentsMargins(16, 8, 16, 4)
        layout.addWidget(self.hint)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.board = Board(self)
        self.scroll_area.setWidget(self.board)
        layout.addWidget(self.scroll_area, 1)
        self.outline: Outline | None = None
        window.analysis_ready.connect(self._analysis)

    def _analysis(self, analysis: Analysis) -> None:
        if self.isVisible():
            self.rebuild(analysis)

    def rebuild(self, analysis: Analysis | None = None) -> Outline:
        """The board for the editor's text as it is now."""
        _text, outline = current_outline(self.editor)
        analysis = analysis or self.main_window.analyzer.latest
        pages: dict[int, int] = {}
        if analysis is not None and analysis.script.line_count == outline.line_count:
            elements = analysis.script.elements
            for scene in outline.scenes:
                if scene.element_index < len(elements) and (
                    elements[scene.element_index].start_line == scene.start_line
                ):
                    page = analysis.scene_pages.get(scene.element_index)
                    if page is not None:
                        pages[scene.index] = page
        self.outline = outline
        self.board.theme = self.main_window.theme
        self.board.fill(outline, pages)
        self.hint.setText(self._hint(len(outline.scenes)))
        self.changed.emit()
        return outline

    def _hint(self, scenes: int | None = None) -> str:
        how = self.tr(
            "drag a card to move its scene · double-click a synopsis to edit it · "
            "Alt+arrows move the selected card · right-click for colours"
        )
        if scenes is None:
            return how[:1].upper() + how[1:]
        return self.tr("{count} scenes · {how}").format(count=scenes, how=how)

    # Edits, each one undo step ------------------------------------------------------------
    def move_to_line(self, index: int, target_line: int) -> bool:
        """Move scene ``index`` to the boundary ``target_line``; False if nothing moved."""
        text, outline = current_outline(self.editor)
        if not 0 <= index < len(outline.scenes) or target_line not in outline.boundaries():
            return False
        new_text = move_scene(text, outline, index, target_line)
        if apply_text(self.editor, new_text) is None:
            return False
        after = self.rebuild()
        moved = outline.scenes[index]
        landed = next(
            (
                s.index
                for s in after.scenes
                if s.heading == moved.heading and s.first_lines == moved.first_lines
            ),
            None,
        )
        self.board.select(landed)
        return True

    def move_by(self, index: int, step: int) -> bool:
        """Move scene ``index`` one place earlier (``step=-1``) or later (``+1``)."""
        _text, outline = current_outline(self.editor)
        scenes = outline.scenes
        if step < 0 and index > 0:
            return self.move_to_line(index, scenes[index - 1].start_line)
        if step > 0 and index + 1 < len(scenes):
            return self.move_to_line(index, scenes[index + 1].end_line)
        return False

    def set_synopsis(self, index: int, synopsis: str) -> None:
        text, outline = current_outline(self.editor)
        if 0 <= index < len(outline.scenes):
            apply_text(self.editor, set_synopsis(text, outline, index, synopsis))
            self.rebuild()
            self.board.select(index)

    def set_color(self, index: int, color: str | None, _checked: bool = False) -> None:
        text, outline = current_outline(self.editor)
        if 0 <= index < len(outline.scenes):
            apply_text(self.editor, set_scene_color(text, outline, index, color))
            self.rebuild()
            self.board.select(index)

    def go_to(self, index: int) -> None:
        if self.outline is not None and 0 <= index < len(self.outline.scenes):
            self.editor.go_to_line(self.outline.scenes[index].start_line)
            self.main_window.activateWindow()

    def card_menu(self, index: int, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.addAction(self.tr("Go to Scene")).triggered.connect(lambda: self.go_to(index))
        menu.addAction(self.tr("Edit Synopsis")).triggered.connect(
            lambda: self.board.cards[index].edit_synopsis()
        )
        colors = menu.addMenu(self.tr("Colour"))
        colors.addAction(self.tr("None")).triggered.connect(partial(self.set_color, index, None))
        for name, value in COLORS.items():
            action = colors.addAction(self.tr(COLOR_NAMES.get(name, name.capitalize())))
            action.setObjectName(f"color-{name}")
            action.setIcon(_swatch(value))
            action.triggered.connect(partial(self.set_color, index, name))
        menu.addSeparator()
        earlier = menu.addAction(self.tr("Move Earlier"))
        earlier.setShortcut("Alt+Left")
        earlier.triggered.connect(lambda: self.move_by(index, -1))
        later = menu.addAction(self.tr("Move Later"))
        later.setShortcut("Alt+Right")
        later.triggered.connect(lambda: self.move_by(index, 1))
        return menu


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


__all__ = ["MIME", "Board", "DropTarget", "FlowLayout", "IndexCard", "IndexCardsWindow"]
