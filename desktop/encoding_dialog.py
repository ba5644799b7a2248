"""Opening a script that is not UTF-8: choose its encoding, seeing the text first.

The choices come from the core (:func:`reelwright.screenplay.textio.encoding_guesses`:
charset-normalizer's guesses, then common encodings, each kept only if it reads the whole
file); the preview shows the script as each one reads it, so the writer sees ``Café`` or
``CafÃ©`` before choosing. Any other encoding Python knows can be typed. Saving writes UTF-8.
"""

from __future__ import annotations

import codecs
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.screenplay.textio import encoding_guesses

PREVIEW_CHARS = 6000

NAMES = {
    "cp1252": QT_TRANSLATE_NOOP("EncodingDialog", "Western European (Windows-1252)"),
    "latin_1": QT_TRANSLATE_NOOP("EncodingDialog", "Western European (ISO 8859-1)"),
    "iso8859-15": QT_TRANSLATE_NOOP("EncodingDialog", "Western European (ISO 8859-15)"),
    "mac-roman": QT_TRANSLATE_NOOP("EncodingDialog", "Western European (Mac OS Roman)"),
    "cp1250": QT_TRANSLATE_NOOP("EncodingDialog", "Central European (Windows-1250)"),
    "iso8859-2": QT_TRANSLATE_NOOP("EncodingDialog", "Central European (ISO 8859-2)"),
    "cp1251": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic (Windows-1251)"),
    "koi8-r": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic (KOI8-R)"),
    "cp1253": QT_TRANSLATE_NOOP("EncodingDialog", "Greek (Windows-1253)"),
    "cp1254": QT_TRANSLATE_NOOP("EncodingDialog", "Turkish (Windows-1254)"),
    "cp1255": QT_TRANSLATE_NOOP("EncodingDialog", "Hebrew (Windows-1255)"),
    "cp1256": QT_TRANSLATE_NOOP("EncodingDialog", "Arabic (Windows-1256)"),
    "cp1257": QT_TRANSLATE_NOOP("EncodingDialog", "Baltic (Windows-1257)"),
    "shift_jis": QT_TRANSLATE_NOOP("EncodingDialog", "Japanese (Shift JIS)"),
    "cp932": QT_TRANSLATE_NOOP("EncodingDialog", "Japanese (Windows-31J)"),
    "euc_jp": QT_TRANSLATE_NOOP("EncodingDialog", "Japanese (EUC-JP)"),
    "gb18030": QT_TRANSLATE_NOOP("EncodingDialog", "Chinese, simplified (GB 18030)"),
    "gbk": QT_TRANSLATE_NOOP("EncodingDialog", "Chinese, simplified (GBK)"),
    "big5": QT_TRANSLATE_NOOP("EncodingDialog", "Chinese, traditional (Big5)"),
    "cp949": QT_TRANSLATE_NOOP("EncodingDialog", "Korean (Windows-949)"),
    "euc_kr": QT_TRANSLATE_NOOP("EncodingDialog", "Korean (EUC-KR)"),
    "utf-16-le": QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-16, little-endian)"),
    "utf-16-be": QT_TRANSLATE_NOOP("EncodingDialog", "Unicode (UTF-16, big-endian)"),
}


def describe(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    label = NAMES.get(name)
    if not label:
        return name
    return f"{QCoreApplication.translate('EncodingDialog', label)} — {name}"


class EncodingDialog(QDialog):
    """Asks which encoding ``data`` (the bytes of ``path``) is in; ``encoding()`` after."""

    def __init__(self, path: Path, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encodingDialog")
        self.setWindowTitle(self.tr("Choose the Encoding"))
        self.resize(680, 520)
        self._data = data
        self._texts: dict[str, str] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>{name}</b> is not UTF-8 text. Choose the encoding it was written in: "
                "the preview shows the script as it would be read. Saving it writes UTF-8."
            ).format(name=html.escape(path.name)),
            self,
        )
        intro.setWordWrap(True)
        self.choice = QComboBox(self)
        self.choice.setObjectName("encodingChoice")
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for guess in encoding_guesses(data):
            self._texts[guess.encoding] = guess.text
            self.choice.addItem(describe(guess.encoding), guess.encoding)
        self.problem = QLabel("", self)
        self.problem.setObjectName("encodingProblem")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("encodingPreview")
        self.preview.setReadOnly(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.choice)
        layout.addWidget(self.problem)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.choice.currentIndexChanged.connect(self._show)
        self.choice.editTextChanged.connect(self._show)
        self._show()

    def encoding(self) -> str | None:
        """The chosen encoding when it reads the whole file, else None."""
        index = self.choice.currentIndex()
        if index >= 0 and self.choice.itemText(index) == self.choice.currentText():
            return str(self.choice.itemData(index))
        typed = self.choice.currentText().strip()
        return typed if self._decode(typed) is not None else None

    def text(self) -> str | None:
        encoding = self.encoding()
        return None if encoding is None else self._decode(encoding)

    def _decode(self, encoding: str) -> str | None:
        if not encoding:
            return None
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            return None
        if name not in self._texts:
            try:
                self._texts[name] = self._data.decode(name)
            except (UnicodeDecodeError, LookupError):
                return None
        return self._texts[name]

    def _show(self) -> None:
        open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        typed = self.choice.currentText().strip()
        encoding = self.encoding()
        text = self.text()
        if text is None:
            self.preview.setPlainText("")
            self.problem.setText(
                self.tr("Choose an encoding.")
                if not typed
                else self.tr(
                    "{encoding} does not read this file (unknown, or bytes it cannot hold)."
                ).format(encoding=repr(typed))
            )
            open_button.setEnabled(False)
            return
        self.problem.setText(self.tr("Read as {encoding}.").format(encoding=encoding))
        self.preview.setPlainText(text[:PREVIEW_CHARS])
        open_button.setEnabled(True)
