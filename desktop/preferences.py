"""Preferences: the few settings a writer changes, each read from and written to Settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from reelwright.desktop.settings import OPTIONS, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        form = QFormLayout(self)
        self.paper = QComboBox(self)
        for label, value in (("Follow the system", ""), ("US Letter", "letter"), ("A4", "a4")):
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.get("editor/paper"))))
        self.font_size = QSpinBox(self)
        option = OPTIONS["editor/font_size"]
        self.font_size.setRange(int(option.minimum or 6), int(option.maximum or 48))
        self.font_size.setValue(settings.get("editor/font_size"))
        self.font_size.setSuffix(" pt")
        self.theme = QComboBox(self)
        self.theme.addItem("Light", "light")
        self.theme.addItem("Dark", "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("editor/theme"))))
        self.autosave = QSpinBox(self)
        self.autosave.setRange(5, 3600)
        self.autosave.setValue(settings.get("files/autosave_seconds"))
        self.autosave.setSuffix(" s")
        self.scene_numbers = QComboBox(self)
        for value in OPTIONS["export/scene_numbers"].choices:
            self.scene_numbers.addItem(str(value).capitalize(), value)
        self.scene_numbers.setCurrentIndex(
            max(0, self.scene_numbers.findData(settings.get("export/scene_numbers")))
        )
        self.open_pdf = QCheckBox("Open the PDF after exporting", self)
        self.open_pdf.setChecked(settings.get("export/open_pdf"))
        form.addRow("Paper size:", self.paper)
        form.addRow("Font size:", self.font_size)
        form.addRow("Theme:", self.theme)
        form.addRow("Autosave every:", self.autosave)
        form.addRow("Scene numbers in exports:", self.scene_numbers)
        form.addRow("", self.open_pdf)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        """Store the choices; the window follows ``Settings.changed``."""
        self.settings.set("editor/paper", self.paper.currentData())
        self.settings.set("editor/font_size", self.font_size.value())
        self.settings.set("editor/theme", self.theme.currentData())
        self.settings.set("files/autosave_seconds", self.autosave.value())
        self.settings.set("export/scene_numbers", self.scene_numbers.currentData())
        self.settings.set("export/open_pdf", self.open_pdf.isChecked())
