"""The status bar: page, scene, estimated runtime and word count, quietly at the bottom.

Every text is the writer's language (``ScriptStatusBar`` context): ``Page 23A of 118`` is
``第 23A 页，共 118 页`` in Chinese, numbers follow the locale (``QLocale``: ``12,345``), and
the words are a counted noun with Qt's plural forms. Under locked pages the page is the
label it prints with and the count is ``Analysis.count_label`` (the last page's label);
the tooltip gives the sheets to print.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from reelwright.desktop.analysis import Analysis


def format_runtime(minutes: float) -> str:
    """``95 min``, ``1 h 35 min`` (in the interface's language)."""
    whole = round(minutes)
    if whole < 60:
        return QCoreApplication.translate("ScriptStatusBar", "{minutes} min").format(minutes=whole)
    return QCoreApplication.translate("ScriptStatusBar", "{hours} h {minutes} min").format(
        hours=whole // 60, minutes=f"{whole % 60:02d}"
    )


def format_words(words: int) -> str:
    """``12,345 words``: the number as the locale writes it, the noun in its plural form
    (English has two; a language with more gets them from its translation's forms)."""
    if words == 1:
        return QCoreApplication.translate("ScriptStatusBar", "%Ln word", "", words)
    return QCoreApplication.translate("ScriptStatusBar", "%Ln words", "", words)


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
        self._analysis: Analysis | None = None

    @property
    def _page_count(self) -> int:
        """The sheets of the analysis shown (0 before the first)."""
        return self._analysis.page_count if self._analysis is not None else 0

    def show_analysis(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self.runtime_label.setText(f"≈ {format_runtime(analysis.runtime_minutes)}")
        self.words_label.setText(format_words(analysis.words))
        sheets = analysis.page_count
        if not analysis.page_labels:
            self.page_label.setToolTip("")
        elif sheets == 1:
            self.page_label.setToolTip(self.tr("Locked pages: %n sheet to print", "", sheets))
        else:
            self.page_label.setToolTip(
                self.tr(
                    "Locked pages: %Ln sheets to print, numbered as they were locked", "", sheets
                )
            )

    def show_position(self, page: int | None, scene: str | None) -> None:
        """``page``: the number of the page the caret is on (a page of the analysis:
        under locked pages it shows as its label)."""
        analysis = self._analysis
        if analysis is not None and analysis.page_count:
            self.page_label.setText(
                self.tr("Page {page} of {count}").format(
                    page=analysis.page_label(page or 1), count=analysis.count_label()
                )
            )
        else:
            self.page_label.setText("")
        self.scene_label.setText(self.tr("Scene {number}").format(number=scene) if scene else "")
