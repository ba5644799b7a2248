"""The writing goal in the status bar: a page or word target for the session or the draft.

The goal itself is a preference (``goals/kind``, ``goals/scope``, ``goals/target``); the
counting is ``screenplay.goals``. The session starts when the window opens a script (or
starts a new one) and when the goal is set; its baseline is the count at that moment.
Progress updates after each analysis (typing paused), never per keystroke. Reaching the
goal says so once in the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.screenplay.goals import Count, Goal, Progress, printed_pages, progress

PROGRESS_TEXTS = {
    ("pages", "session"): QT_TRANSLATE_NOOP("Goals", "{done} / {target} pages this session"),
    ("pages", "draft"): QT_TRANSLATE_NOOP("Goals", "{done} / {target} pages in the draft"),
    ("words", "session"): QT_TRANSLATE_NOOP("Goals", "{done} / {target} words this session"),
    ("words", "draft"): QT_TRANSLATE_NOOP("Goals", "{done} / {target} words in the draft"),
}


def progress_text(state: Progress) -> str:
    """``312 / 500 words this session`` in the interface's language (the core's
    ``Progress.text`` is the command line's English)."""
    kind = "pages" if state.goal.kind == "pages" else "words"
    scope = "session" if state.goal.scope == "session" else "draft"
    return QCoreApplication.translate("Goals", PROGRESS_TEXTS[(kind, scope)]).format(
        done=state.amount(state.done), target=state.amount(state.goal.target)
    )


if TYPE_CHECKING:
    from reelwright.desktop.analysis import Analysis
    from reelwright.desktop.main_window import MainWindow


class GoalReadout(QWidget):
    """``312 / 500 words this session`` and a thin bar; a click opens the goal dialog."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalReadout")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(6)
        self.label = QLabel("", self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedSize(70, 8)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Writing goal: click to change it"))

    def show_progress(self, state: Progress | None) -> None:
        if state is None:
            self.hide()
            return
        text = progress_text(state)
        self.label.setText(
            "✓ " + text if state.reached else self.tr("Goal: {progress}").format(progress=text)
        )
        self.bar.setValue(round(state.fraction * 1000))
        self.label.setStyleSheet("color: #2e8b57;" if state.reached else "")
        self.show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class GoalDialog(QDialog):
    """Target, what it counts (pages or words) and over what (session or draft)."""

    def __init__(self, goal: Goal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Writing Goal"))
        form = QFormLayout(self)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("No goal"), "")
        self.kind.addItem(self.tr("Pages"), "pages")
        self.kind.addItem(self.tr("Words"), "words")
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("This session"), "session")
        self.scope.addItem(self.tr("The whole draft"), "draft")
        self.target = QDoubleSpinBox(self)
        self.target.setRange(0, 100000)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Goal:"), self.kind)
        form.addRow(self.tr("Target:"), self.target)
        form.addRow(self.tr("Counted over:"), self.scope)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.setCurrentIndex(max(0, self.kind.findData(goal.kind if goal.active else "")))
        self.scope.setCurrentIndex(max(0, self.scope.findData(goal.scope)))
        self._kind_changed()
        if goal.active:
            self.target.setValue(goal.target)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.target.setEnabled(bool(kind))
        self.scope.setEnabled(bool(kind))
        if kind == "pages":
            self.target.setDecimals(3)
            self.target.setSingleStep(0.125)
            self.target.setSuffix(self.tr(" pages"))
            if not self.target.value() or self.target.value() > 1000:
                self.target.setValue(3)
        elif kind == "words":
            self.target.setDecimals(0)
            self.target.setSingleStep(100)
            self.target.setSuffix(self.tr(" words"))
            if self.target.value() < 10:
                self.target.setValue(1000)

    def values(self) -> tuple[str, str, float]:
        kind = str(self.kind.currentData())
        return kind, str(self.scope.currentData()), self.target.value() if kind else 0.0


class GoalTracker(QObject):
    """Counts toward the goal and shows it (see the module docstring)."""

    reached = Signal(object)
    """The Progress that reached the goal, once per session."""

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalTracker")
        self.window = window
        self.settings = window.settings
        self.readout = GoalReadout(window)
        self.readout.clicked.connect(self.edit_goal)
        window.add_status_widget(self.readout)
        self.current: Count | None = None
        self.baseline: Count | None = None
        self.state: Progress | None = None
        self._announced = False
        window.analysis_ready.connect(self._analysis)
        window.document.path_changed.connect(lambda _path: self.start_session())
        self.settings.changed.connect(self._setting_changed)
        latest = window.analyzer.latest
        if latest is not None:
            self._analysis(latest)
        self._show()

    def goal(self) -> Goal:
        kind = self.settings.get("goals/kind")
        target = self.settings.get("goals/target") if kind else 0.0
        return Goal(kind or "words", self.settings.get("goals/scope"), target)

    def set_goal(self, kind: str, scope: str, target: float) -> None:
        """Set (or with ``kind=""`` clear) the goal; a session goal counts from now."""
        self.settings.set("goals/kind", kind)
        self.settings.set("goals/scope", scope)
        self.settings.set("goals/target", target)
        self.start_session(from_now=True)

    def start_session(self, from_now: bool = False) -> None:
        """Count the session from the script as it is now (``from_now``: the goal was just
        set) or as the next analysis finds it (another script is being opened)."""
        self.baseline = self.current if from_now else None
        self._announced = False
        self._show()

    def edit_goal(self) -> None:
        dialog = GoalDialog(self.goal(), self.window)
        if dialog.exec():
            self.set_goal(*dialog.values())

    def _setting_changed(self, key: str) -> None:
        if key.startswith("goals/"):
            self._show()

    def _analysis(self, analysis: Analysis) -> None:
        pages = printed_pages(analysis.page_count, analysis.page_starts, analysis.script.line_count)
        self.current = Count(analysis.words, pages)
        if self.baseline is None:
            self.baseline = self.current
        self._show()

    def _show(self) -> None:
        goal = self.goal()
        if not goal.active or self.current is None:
            self.state = None
            self.readout.show_progress(None)
            return
        self.state = progress(goal, self.current, self.baseline or self.current)
        self.readout.show_progress(self.state)
        if self.state.reached and not self._announced:
            self._announced = True
            self.window.statusBar().showMessage(
                self.tr("Goal reached: {progress}").format(progress=progress_text(self.state)), 8000
            )
            self.reached.emit(self.state)


__all__ = ["GoalDialog", "GoalReadout", "GoalTracker"]
