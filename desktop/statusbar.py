"""The status bar: page, scene, estimated runtime and word count, quietly at the bottom."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from reelwright.desktop.analysis import Analysis


def format_runtime(minutes: float) -> str:
    whole = round(minutes)
    if whole < 60:
        return f"{whole} min"
    return f"{whole // 60} h {whole % 60:02d} min"


class ScriptStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.page_label = QLabel("", self)
        self.scene_label = QLabel("", self)
        self.runtime_label = QLabel("", self)
        self.words_label = QLabel("", self)
        for label in (self.page_label, self.scene_label, self.runtime_label, self.words_label):
            self.addPermanentWidget(label)
        self._page_count = 0

    def show_analysis(self, analysis: Analysis) -> None:
        self._page_count = analysis.page_count
        self.runtime_label.setText(f"≈ {format_runtime(analysis.runtime_minutes)}")
        self.words_label.setText(f"{analysis.words:,} words")

    def show_position(self, page: int | None, scene: str | None) -> None:
        if self._page_count:
            self.page_label.setText(f"Page {page or 1} of {self._page_count}")
        else:
            self.page_label.setText("")
        self.scene_label.setText(f"Scene {scene}" if scene else "")
