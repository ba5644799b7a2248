"""Preferences: the few settings a writer changes, each read from and written to Settings.

The language of the interface is one of them: the choice is stored at once and shows
fully from the next start (the menus and windows already made keep their text)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from reelwright.desktop import i18n
from reelwright.desktop.settings import OPTIONS, Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        form = QFormLayout(self)
        self.paper = QComboBox(self)
        papers = (
            (self.tr("Follow the system"), ""),
            (self.tr("US Letter"), "letter"),
            (self.tr("A4"), "a4"),
        )
        for label, value in papers:
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.get("editor/paper"))))
        self.font_size = QSpinBox(self)
        option = OPTIONS["editor/font_size"]
        self.font_size.setRange(int(option.minimum or 6), int(option.maximum or 48))
        self.font_size.setValue(settings.get("editor/font_size"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("editor/theme"))))
        self.autosave = QSpinBox(self)
        self.autosave.setRange(5, 3600)
        self.autosave.setValue(settings.get("files/autosave_seconds"))
        self.autosave.setSuffix(self.tr(" s"))
        self.scene_numbers = QComboBox(self)
        scene_number_names = {
            "none": self.tr("None"),
            "left": self.tr("Left"),
            "right": self.tr("Right"),
            "both": self.tr("Both"),
        }
        for value in OPTIONS["export/scene_numbers"].choices:
            self.scene_numbers.addItem(scene_number_names.get(value, str(value)), value)
        self.scene_numbers.setCurrentIndex(
            max(0, self.scene_numbers.findData(settings.get("export/scene_numbers")))
        )
        self.open_pdf = QCheckBox(self.tr("Open the PDF after exporting"), self)
        self.open_pdf.setChecked(settings.get("export/open_pdf"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        app = QApplication.instance()
        system = i18n.language_for("")
        self.language.addItem(
            self.tr("Follow the system ({language})").format(
                language=i18n.LANGUAGE_NAMES.get(system, system)
            ),
            "",
        )
        for code in i18n.shipped_languages():
            self.language.addItem(i18n.LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.language_note = QLabel(self.tr("The language changes when Reelwright starts again."))
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda _index: self.language_note.setVisible(
                i18n.language_for(self.language.currentData())
                != (i18n.installed_language(app) if app is not None else i18n.ENGLISH)
            )
        )
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Paper size:"), self.paper)
        form.addRow(self.tr("Font size:"), self.font_size)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Autosave every:"), self.autosave)
        form.addRow(self.tr("Scene numbers in exports:"), self.scene_numbers)
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
        self.settings.set("ui/language", self.language.currentData())
