"""Compare drafts: another version of the script against the one in the editor.

The other version is the saved file (what changed since the last save), any script file
(Fountain or Final Draft), or an autosaved recovery copy. The list on the left holds every
scene of the current draft and the removed ones where they stood, marked added, removed,
moved or changed; the right shows the chosen scene with deleted words struck through in
red and inserted words in green. Double-click a scene to go to it in the editor. The
comparison is ``screenplay.compare`` (Qt-free; ``reelwright compare`` prints the same).
"""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.screenplay.compare import (
    PREAMBLE,
    Change,
    Comparison,
    compare_texts,
    read_version,
)
from reelwright.screenplay.errors import ReelwrightError

if TYPE_CHECKING:
    from reelwright.desktop.main_window import MainWindow

STATUS_COLORS = {
    "added": "#2e8b57",
    "removed": "#c0392b",
    "changed": "#d08a1a",
    "moved": "#3d7bd9",
    "moved and changed": "#8e5bc2",
    "unchanged": "#9a9a9a",
}
DESCRIPTIONS = {
    "added": QT_TRANSLATE_NOOP("CompareWindow", "added"),
    "removed": QT_TRANSLATE_NOOP("CompareWindow", "removed"),
    "changed": QT_TRANSLATE_NOOP("CompareWindow", "changed"),
    "moved": QT_TRANSLATE_NOOP("CompareWindow", "moved"),
    "moved and changed": QT_TRANSLATE_NOOP("CompareWindow", "moved and changed"),
    "unchanged": QT_TRANSLATE_NOOP("CompareWindow", "unchanged"),
}
"""The core's words for a change (``Change.description``), in the order of its summary."""
_PREAMBLE = QT_TRANSLATE_NOOP("CompareWindow", "Before the first scene")
INSERT_STYLE = "background:#d8f3dc;color:#1b5e20;"
DELETE_STYLE = "background:#fbe0e0;color:#a31515;text-decoration:line-through;"


def segments_html(change: Change) -> str:
    """The scene's text as HTML with deletions struck through and insertions marked."""
    if change.status == "changed":
        pieces = []
        for tag, text in change.segments:
            escaped = html.escape(text)
            if tag == "insert":
                pieces.append(f'<span style="{INSERT_STYLE}">{escaped}</span>')
            elif tag == "delete":
                pieces.append(f'<span style="{DELETE_STYLE}">{escaped}</span>')
            else:
                pieces.append(escaped)
        body = "".join(pieces)
    else:
        scene = change.new or change.old
        assert scene is not None
        style = {"added": INSERT_STYLE, "removed": DELETE_STYLE}.get(change.status, "")
        body = f'<span style="{style}">{html.escape(scene.text)}</span>'
    return (
        "<pre style=\"font-family: 'Reelwright Typewriter', 'Courier Prime', monospace; "
        f'white-space: pre-wrap;">{body}</pre>'
    )


class CompareWindow(QWidget):
    """See the module docstring."""

    compared = Signal(object)
    """Each new :class:`Comparison`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.setObjectName("compareWindow")
        self.main_window = window
        self.setWindowTitle(self.tr("Compare Drafts — Reelwright"))
        self.resize(1100, 720)
        self.comparison: Comparison | None = None
        self.source_label = ""
        self._other_text: str | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(
            self.tr("Choose a version to compare with the script in the editor."), self
        )
        self.heading.setObjectName("compareHeading")
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        for label, slot in (
            (self.tr("Saved Version"), self.compare_with_saved),
            (self.tr("File…"), self.choose_file),
            (self.tr("Autosave…"), self.choose_autosave),
            (self.tr("Refresh"), self.refresh),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            top.addWidget(button)
        layout.addLayout(top)
        self.summary = QLabel("", self)
        self.summary.setObjectName("compareSummary")
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        layout.addWidget(self.summary)
        splitter = QSplitter(self)
        left = QWidget(splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.show_unchanged = QCheckBox(self.tr("Show unchanged scenes"), left)
        self.show_unchanged.toggled.connect(lambda _on: self._fill())
        self.list = QTreeWidget(left)
        self.list.setObjectName("compareList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Change"), self.tr("Scene")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(lambda item, _old: self._show_change(item))
        self.list.itemDoubleClicked.connect(lambda item, _column: self._go_to(item))
        column.addWidget(self.show_unchanged)
        column.addWidget(self.list, 1)
        self.view = QTextBrowser(splitter)
        self.view.setObjectName("compareView")
        self.view.setOpenLinks(False)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setSizes([380, 720])
        layout.addWidget(splitter, 1)

    # Choosing the other version ------------------------------------------------------------
    def compare_with_text(self, other: str, label: str) -> Comparison:
        """Compare ``other`` (the earlier draft) with the editor's text."""
        self._other_text = other
        self.source_label = label
        return self.refresh()

    def compare_with_path(self, path: str | Path) -> Comparison | None:
        try:
            other = read_version(path)
        except (ReelwrightError, OSError) as error:
            message = str(error)
            self._error(message[:1].upper() + message[1:] + ("" if message.endswith(".") else "."))
            return None
        return self.compare_with_text(other, Path(path).name)

    def compare_with_saved(self) -> Comparison | None:
        path = self.main_window.document.path
        if path is None:
            self._error(
                self.tr(
                    "The script has not been saved yet: there is no saved version to compare with."
                )
            )
            return None
        comparison = self.compare_with_path(path)
        if comparison is not None:
            self.source_label = self.tr("the saved file {name}").format(name=path.name)
            self._update_heading()
        return comparison

    def choose_file(self) -> None:
        document = self.main_window.document
        folder = str(document.path.parent) if document.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Compare with"),
            folder,
            self.tr("Scripts (*.fountain *.spmd *.txt *.fdx);;All files (*)"),
        )
        if name:
            self.compare_with_path(name)

    def autosaves(self) -> list[tuple[str, Path]]:
        """(label, file) of the autosaved copies: this session's first, then crashed
        sessions' copies of this script, then the others."""
        document = self.main_window.document
        store = document.recovery
        found: list[tuple[int, float, str, Path]] = []
        if store.text_path.is_file():
            found.append(
                (
                    0,
                    -store.text_path.stat().st_mtime,
                    self.tr("This session's autosave"),
                    store.text_path,
                )
            )
        for entry in store.orphans():
            mine = (
                document.path is not None
                and entry.original is not None
                and (Path(entry.original).resolve() == document.path.resolve())
            )
            found.append((1 if mine else 2, -entry.saved_at, entry.label, entry.text_path))
        found.sort()
        return [(label, path) for _rank, _when, label, path in found]

    def choose_autosave(self) -> None:
        copies = self.autosaves()
        if not copies:
            self._error(
                self.tr(
                    "There are no autosaved copies (they exist while a script has unsaved changes)."
                )
            )
            return
        labels = [label for label, _ in copies]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Compare with an Autosave"), self.tr("Autosaved copy:"), labels, 0, False
        )
        if ok and choice:
            path = copies[labels.index(choice)][1]
            if self.compare_with_path(path) is not None:
                self.source_label = choice
                self._update_heading()

    # Showing ---------------------------------------------------------------------------------
    def refresh(self) -> Comparison:
        """Compare again (the editor's text may have changed)."""
        if self._other_text is None:
            self.comparison = Comparison()
            self._fill()
            return self.comparison
        started = time.perf_counter()
        self.comparison = compare_texts(self._other_text, self.main_window.editor.script_text())
        elapsed = time.perf_counter() - started
        self._update_heading()
        summary = self.summary_text() if self.comparison.differs else self.tr("No differences")
        self.summary.setText(
            summary + "  ·  " + self.tr("compared in {seconds} s").format(seconds=f"{elapsed:.2f}")
        )
        self._fill()
        self.compared.emit(self.comparison)
        return self.comparison

    def summary_text(self) -> str:
        """How many scenes changed in each way (the core's ``Comparison.summary``, in
        the interface's language)."""
        assert self.comparison is not None
        parts = [
            self.tr("{count} {what}").format(count=count, what=self.tr(word))
            for key, word in DESCRIPTIONS.items()
            if (count := self.comparison.count(key))
        ]
        return self.tr(", ").join(parts) if parts else self.tr("both drafts are empty")

    def _label(self, change: Change) -> str:
        return self.tr(_PREAMBLE) if change.label == PREAMBLE else change.label

    def _update_heading(self) -> None:
        name = self.main_window.document.display_name
        self.heading.setText(
            self.tr("Changes from {source} to {name} in the editor").format(
                source=self.source_label, name=name
            )
        )

    def visible_changes(self) -> list[Change]:
        if self.comparison is None:
            return []
        if self.show_unchanged.isChecked():
            return list(self.comparison.changes)
        return [c for c in self.comparison.changes if c.description != "unchanged"]

    def _fill(self) -> None:
        self.list.clear()
        for change in self.visible_changes():
            detail = self.tr(DESCRIPTIONS[change.description])
            if change.status == "changed":
                detail += f" +{change.words_added} −{change.words_removed}"
            label = self._label(change)
            item = QTreeWidgetItem([detail, label])
            item.setForeground(0, QColor(STATUS_COLORS[change.description]))
            item.setToolTip(
                0,
                self.tr("{change}: words added / removed").format(
                    change=self.tr(DESCRIPTIONS[change.description])
                ),
            )
            item.setToolTip(1, label)
            item.setData(0, Qt.ItemDataRole.UserRole, change)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        else:
            self.view.setHtml(
                "<p>{}</p>".format(html.escape(self.tr("No differences to show.")))
                if self.comparison
                else ""
            )

    def rows(self) -> list[tuple[str, str]]:
        """(change, scene) as the list shows them."""
        return [
            (item.text(0), item.text(1))
            for item in (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
            if item is not None
        ]

    def _show_change(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        change: Change = item.data(0, Qt.ItemDataRole.UserRole)
        where = []
        if change.old is not None:
            where.append(
                self.tr("was scene {number} (line {line})").format(
                    number=change.old.number or "—", line=change.old.start_line + 1
                )
            )
        if change.new is not None:
            where.append(
                self.tr("now scene {number} (line {line})").format(
                    number=change.new.number or "—", line=change.new.start_line + 1
                )
            )
        color = STATUS_COLORS[change.description]
        header = (
            f'<p><b style="color:{color}">'
            f"{html.escape(self.tr(DESCRIPTIONS[change.description]).upper())}</b> "
            f"{html.escape(self._label(change))}<br/>"
            f"<small>{html.escape(self.tr('; ').join(where))}</small></p>"
        )
        self.view.setHtml(header + segments_html(change))

    def _go_to(self, item: QTreeWidgetItem) -> None:
        change: Change = item.data(0, Qt.ItemDataRole.UserRole)
        if change.new is not None:
            self.main_window.editor.go_to_line(change.new.start_line)
            self.main_window.activateWindow()

    def _error(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Compare Drafts"), message)


__all__ = ["CompareWindow", "segments_html"]
