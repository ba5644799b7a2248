"""The scene navigator: sections, numbered scenes, synopses and the page each scene starts on.

Built from an :class:`~reelwright.desktop.analysis.Analysis` (so only after typing pauses),
never from the live document. A click asks the window to jump; the window tells the
navigator which scene the caret is in. The filter keeps the scenes whose text holds the
words typed (heading, synopsis, action, dialogue: any of the scene's text) or one of whose
speakers' names starts with them.

Under locked scene numbers (``set_scene_lock``) each scene shows the number the lock gives
it, 12A for one added after 12, and a locked number whose scene was deleted shows as an
``OMITTED`` entry where the scene was (display only: locking again writes the heading).
Under locked pages the page column shows the label the scene's page prints with (23A,
24-25), as the analysis gives it.

Scenes can be dragged to another place in the outline. The tree never moves its own
items: a drop becomes ``scene_move_requested(heading line, before line)`` (before a scene
or section, or -1 for the end), the desk moves the scene in the text as one undo step,
and the tree is rebuilt from the next analysis like any other edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.analysis import Analysis
from reelwright.desktop.themes import LIGHT, Theme
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.scene_lock import OMITTED, SceneLock, dropped_scenes, scene_numbers
from reelwright.screenplay.vocabulary import cue_name

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SCENE_MIME = "application/x-reelwright-scene-line"
"""A dragged scene: the line of its heading, as decimal text."""


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    kind: str
    """"section", "scene" or "omitted" (a locked number whose scene is gone)."""
    text: str
    line: int
    depth: int = 0
    number: str = ""
    synopsis: str = ""
    page: int | None = None
    """The page the scene starts on (a page of the analysis)."""
    page_label: str = ""
    """What that page prints as: its number, or under locked pages its label (``23A``)."""
    characters: frozenset[str] = field(default_factory=frozenset)
    body: str = field(default="", compare=False, repr=False)
    """The scene's text after its heading, folded for the filter."""

    def matches(self, needle: str) -> bool:
        if not needle:
            return True
        wanted = " ".join(needle.casefold().split())
        if wanted in self.text.casefold() or wanted in self.synopsis.casefold():
            return True
        if wanted in self.body:
            return True
        return any(name.casefold().startswith(wanted) for name in self.characters)


def _locked_numbers(
    analysis: Analysis, lock: SceneLock | None
) -> tuple[dict[int, str], dict[int, list[str]], list[str]]:
    """Under ``lock``: each heading's number (by element index), the dropped numbers by
    the heading line they stood before, and those dropped at the end."""
    if lock is None:
        return {}, {}, []
    try:
        numbered = scene_numbers(analysis.script, lock)
    except ReelwrightError:  # a lock the headings no longer fit: number them as usual
        return {}, {}, []
    before: dict[int, list[str]] = {}
    at_end: list[str] = []
    for number, line in dropped_scenes(numbered, lock):
        if line is None:
            at_end.append(number)
        else:
            before.setdefault(line, []).append(number)
    return {scene.element_index: scene.number for scene in numbered}, before, at_end


def outline_entries(
    analysis: Analysis,
    lock: SceneLock | None = None,
    pause: Callable[[], None] | None = None,
) -> list[OutlineEntry]:
    """Sections and scenes in script order, with synopses, speakers and start pages; under
    ``lock``, the lock's numbers and an entry for each dropped scene. ``pause`` is called
    every few elements (the analysis' worker hands the interpreter over in it)."""
    entries: list[OutlineEntry] = []
    elements = analysis.script.elements
    numbers, dropped_before, dropped_at_end = _locked_numbers(analysis, lock)
    scene_count = 0
    current: dict[str, object] | None = None

    body: list[str] = []

    def close() -> None:
        if current is not None:
            current["body"] = " ".join(" ".join(body).casefold().split())
            entries.append(OutlineEntry(**current))  # type: ignore[arg-type]
        body.clear()

    last_was_heading = False
    for index, element in enumerate(elements):
        if pause is not None and index % 32 == 0:
            pause()
        kind = element.type
        if kind is ElementType.SCENE_HEADING:
            close()
            for number in dropped_before.get(element.start_line, ()):
                entries.append(_omitted(number, element.start_line - 1))
            scene_count += 1
            page = analysis.scene_pages.get(index)
            current = {
                "kind": "scene",
                "text": " ".join(element.text.split()),
                "line": element.start_line,
                "number": numbers.get(index) or element.scene_number or str(scene_count),
                "page": page,
                "page_label": "" if page is None else analysis.page_label(page),
                "synopsis": "",
                "characters": frozenset(),
            }
            last_was_heading = True
            continue
        if kind is ElementType.SECTION:
            close()
            current = None
            entries.append(
                OutlineEntry("section", element.text.strip(), element.start_line, element.depth)
            )
            last_was_heading = False
            continue
        if kind is ElementType.SYNOPSIS and current is not None and last_was_heading:
            synopsis = str(current["synopsis"])
            current["synopsis"] = (synopsis + " " + element.text.strip()).strip()
            continue
        if kind is ElementType.CHARACTER and current is not None:
            names = set(current["characters"])  # type: ignore[call-overload]
            names.add(cue_name(element.text))
            current["characters"] = frozenset(names)
        if current is not None and kind is not ElementType.PAGE_BREAK:
            body.append(element.text)
        last_was_heading = False
    close()
    end = max(0, analysis.script.line_count - 1)
    entries.extend(_omitted(number, end) for number in dropped_at_end)
    return entries


def _omitted(number: str, line: int) -> OutlineEntry:
    """A dropped scene's entry, at the line before the heading it stood before (never a
    heading's line, which the window looks scenes up by)."""
    return OutlineEntry("omitted", OMITTED, max(0, line), number=number)


class _EntryDelegate(QStyledItemDelegate):
    """Scene number, heading and page on one line; the synopsis below in a quieter voice."""

    def __init__(self, navigator: Navigator) -> None:
        super().__init__(navigator)
        self._navigator = navigator

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        entry: OutlineEntry = index.data(ENTRY_ROLE)
        metrics = QFontMetrics(option.font)
        height = metrics.height() + 10
        if entry is not None and entry.synopsis:
            height += metrics.height() + 1
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry: OutlineEntry = index.data(ENTRY_ROLE)
        theme = self._navigator.theme
        painter.save()
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(theme.selection))
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line_height = metrics.height()
        x = rect.left() + 4
        y = rect.top() + 5
        if entry.kind == "section":
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(theme.section))
            text = metrics.elidedText(entry.text, Qt.TextElideMode.ElideRight, rect.width() - 8)
            painter.drawText(QRect(x, y, rect.width() - 8, line_height), 0, text)
            painter.restore()
            return
        number_width = metrics.horizontalAdvance("000") + 6
        page_text = entry.page_label
        page_width = (
            max(
                metrics.horizontalAdvance("000"),
                metrics.horizontalAdvance(self._navigator.widest_page),
            )
            + 4
        )
        painter.setFont(font)
        painter.setPen(QColor(theme.chrome_dim))
        painter.drawText(
            QRect(x, y, number_width - 6, line_height), Qt.AlignmentFlag.AlignRight, entry.number
        )
        painter.drawText(
            QRect(rect.right() - page_width - 4, y, page_width, line_height),
            Qt.AlignmentFlag.AlignRight,
            page_text,
        )
        heading_x = x + number_width
        heading_width = rect.right() - page_width - 10 - heading_x
        omitted = entry.kind == "omitted" or entry.text.upper().startswith(OMITTED)
        if omitted:  # a dropped scene: its number stays, quietly
            font.setItalic(True)
            painter.setFont(font)
        painter.setPen(QColor(theme.chrome_dim if omitted else theme.chrome_text))
        heading = metrics.elidedText(entry.text, Qt.TextElideMode.ElideRight, heading_width)
        painter.drawText(QRect(heading_x, y, heading_width, line_height), 0, heading)
        if entry.synopsis:
            small = QFont(font)
            small.setItalic(True)
            painter.setFont(small)
            painter.setPen(QColor(theme.synopsis))
            synopsis = QFontMetrics(small).elidedText(
                entry.synopsis, Qt.TextElideMode.ElideRight, heading_width
            )
            painter.drawText(
                QRect(heading_x, y + line_height + 1, heading_width, line_height), 0, synopsis
            )
        painter.restore()


_Position = QAbstractItemView.DropIndicatorPosition


class _OutlineTree(QTreeWidget):
    """The navigator's tree: scenes can be dragged, and a drop is a request, never a move
    of the tree's own items (the text is the one owner of the order).

    The drag mode is DragDrop, not InternalMove: Qt's InternalMove would move the items
    itself, and its drop checks need a live drag; here the mime data names the tree it
    came from, so only this tree's scenes are taken (not another window's)."""

    scene_dropped = Signal(int, int)
    """(heading line of the dragged scene, line to put it before; -1: the end)."""

    def __init__(self, parent: QWidget, entries: Callable[[], list[OutlineEntry]]) -> None:
        super().__init__(parent)
        self._entries = entries
        self._token = f"{id(self):x}"
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:
        return [SCENE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, items: Sequence[QTreeWidgetItem]) -> QMimeData:
        data = QMimeData()
        for item in items:
            entry: OutlineEntry | None = item.data(0, ENTRY_ROLE)
            if entry is not None and entry.kind == "scene":
                payload = f"{self._token}:{entry.line}".encode("ascii")
                data.setData(SCENE_MIME, QByteArray(payload))
                break
        return data

    def _dragged_line(self, event: QDropEvent | QDragMoveEvent) -> int | None:
        """The heading line of the scene this tree's drag carries, or None."""
        source = event.mimeData()
        if source is None or not source.hasFormat(SCENE_MIME):
            return None
        token, _, line = (
            bytes(source.data(SCENE_MIME).data()).decode("ascii", "replace").partition(":")
        )
        return int(line) if token == self._token and line.isdigit() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dragged_line(event) is None:
            event.ignore()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dragged_line(event) is None:
            event.ignore()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        line = self._dragged_line(event)
        before = self.drop_target(event.position().toPoint()) if line is not None else None
        # Qt must not move the item: the drop is taken with no action, so neither this
        # view nor the drag's source changes the tree.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if line is not None and before is not None and before != line:
            self.scene_dropped.emit(line, before)

    def drop_target(self, point: QPoint) -> int:
        """The line a scene dropped at ``point`` goes before (-1: the end), where the drop
        indicator showed it: above an entry, before it; below one, before the entry that
        follows it in the outline; on a section, at the end of that section's scenes."""
        item = self.itemAt(point)
        where = self.dropIndicatorPosition()
        if item is None or where is _Position.OnViewport:
            return -1  # below the last entry
        entry: OutlineEntry = item.data(0, ENTRY_ROLE)
        if where is _Position.AboveItem or (where is _Position.OnItem and entry.kind == "scene"):
            return entry.line
        later = [e for e in self._entries() if e.line > entry.line and e.kind != "omitted"]
        if where is _Position.OnItem:
            later = [e for e in later if e.kind == "section"]
        return later[0].line if later else -1


class Navigator(QDockWidget):
    """The dock. ``jump_requested(line)`` when the writer picks an entry;
    ``scene_move_requested(heading line, before line)`` when a scene is dragged."""

    jump_requested = Signal(int)
    scene_move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scenes"))
        self.setObjectName("navigator")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.theme = theme
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(6)
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setPlaceholderText(self.tr("Filter: words in the scene, or a character"))
        self.filter_edit.setToolTip(
            self.tr(
                "Shows the scenes whose heading, synopsis or text holds these words, "
                "or where a character whose name starts with them speaks"
            )
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.tree = _OutlineTree(body, lambda: self.entries)
        self.tree.scene_dropped.connect(self.scene_move_requested)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(_EntryDelegate(self))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self.entries: list[OutlineEntry] = []
        self._items_by_line: dict[int, QTreeWidgetItem] = {}
        self._omitted_items: list[QTreeWidgetItem] = []
        self._items: list[QTreeWidgetItem] = []
        """Every entry's item, in the order of ``entries``."""
        self._scene_lines: list[int] = []
        self._analysis: Analysis | None = None
        self._lock: SceneLock | None = None
        self.widest_page = ""
        """The longest label under locked pages (the page column is at least three digits
        wide)."""
        self.filled = False

    def sizeHint(self) -> QSize:
        return QSize(300, 600)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.tree.viewport().update()

    def set_scene_lock(self, lock: SceneLock | None) -> None:
        """Number the scenes under ``lock`` (None: as the script writes them)."""
        self._lock = lock
        if self._analysis is not None:
            self.set_analysis(self._analysis)

    def set_analysis(self, analysis: Analysis) -> None:
        """Show ``analysis``'s outline: the entries made on its worker (unless a scene lock
        numbers them), written into the items in place when the tree keeps its shape (an
        edit inside scenes: 2,000 entries cost a few milliseconds, not a new tree)."""
        self._analysis = analysis
        self.widest_page = max(analysis.page_labels.values(), key=len, default="")
        if self._lock is None and analysis.outline is not None:
            entries: list[OutlineEntry] = analysis.outline
        else:
            entries = outline_entries(analysis, self._lock)
        if self.filled and self._same_shape(entries):
            self._update_items(entries)
            return
        self.entries = entries
        scroll = self.tree.verticalScrollBar().value()
        selected = self.current_line()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self._items_by_line = {}
        self._omitted_items = []
        self._items = []
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for entry in entries:
            if entry.kind == "section":
                while parents and parents[-1][0] >= entry.depth:
                    parents.pop()
            parent = parents[-1][1] if parents else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            self._items.append(item)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if entry.kind == "scene":
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            elif entry.kind == "omitted":
                flags = Qt.ItemFlag.ItemIsEnabled
            else:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            item.setFlags(flags)
            self._show_entry(item, entry)
            if entry.kind == "omitted":
                self._omitted_items.append(item)
                continue
            self._items_by_line[entry.line] = item
            if entry.kind == "section":
                parents.append((entry.depth, item))
        self.tree.expandAll()
        self._scene_lines = sorted(self._items_by_line)
        self._apply_filter(self.filter_edit.text())
        self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(scroll)
        if selected is not None:
            self.set_current_line(selected)
        self.filled = True

    def _show_entry(self, item: QTreeWidgetItem, entry: OutlineEntry) -> None:
        item.setData(0, ENTRY_ROLE, entry)
        if entry.kind == "omitted":
            tip = self.tr("Scene {number} was omitted").format(number=entry.number)
        else:
            tip = entry.text if not entry.synopsis else f"{entry.text}\n{entry.synopsis}"
        item.setToolTip(0, tip)

    def _same_shape(self, entries: list[OutlineEntry]) -> bool:
        """Would ``entries`` make the tree there is (the same kinds and depths in order,
        rows of the same height)?"""
        old = self.entries
        if len(entries) != len(old) or len(self._items) != len(old):
            return False
        return all(
            a.kind == b.kind and a.depth == b.depth and bool(a.synopsis) == bool(b.synopsis)
            for a, b in zip(old, entries, strict=True)
        )

    def _update_items(self, entries: list[OutlineEntry]) -> None:
        """The tree has the shape ``entries`` need: write the entries that changed."""
        changed = False
        for item, old, new in zip(self._items, self.entries, entries, strict=True):
            if old == new and old.body == new.body:
                continue
            self._show_entry(item, new)
            changed = True
        self.entries = entries
        if not changed:
            return
        self._items_by_line = {
            entry.line: item
            for item, entry in zip(self._items, entries, strict=True)
            if entry.kind != "omitted"
        }
        self._scene_lines = sorted(self._items_by_line)
        if self.filter_edit.text().strip():
            self._apply_filter(self.filter_edit.text())
        self.tree.viewport().update()

    def _apply_filter(self, text: str) -> None:
        needle = text.strip()
        for item in self._omitted_items:
            item.setHidden(bool(needle))
        for item in self._items_by_line.values():
            entry: OutlineEntry = item.data(0, ENTRY_ROLE)
            if entry.kind == "scene":
                item.setHidden(not entry.matches(needle))
        for item in self._items_by_line.values():
            entry = item.data(0, ENTRY_ROLE)
            if entry.kind == "section":
                children = (item.child(i) for i in range(item.childCount()))
                visible_child = any(c is not None and not c.isHidden() for c in children)
                item.setHidden(bool(needle) and not visible_child and not entry.matches(needle))

    def visible_entries(self) -> list[OutlineEntry]:
        return [
            item.data(0, ENTRY_ROLE) for item in self._items_by_line.values() if not item.isHidden()
        ]

    def _clicked(self, item: QTreeWidgetItem) -> None:
        entry: OutlineEntry = item.data(0, ENTRY_ROLE)
        self.jump_requested.emit(entry.line)

    def current_line(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        entry: OutlineEntry = item.data(0, ENTRY_ROLE)
        return entry.line

    def set_current_line(self, line: int) -> None:
        """Select the scene whose heading is at ``line`` (the caret's scene), quietly."""
        item = self._items_by_line.get(line)
        self.tree.blockSignals(True)
        try:
            if item is None:
                self.tree.clearSelection()
            else:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
        finally:
            self.tree.blockSignals(False)
