"""Script → Rename Character: a name everywhere, previewed with a count, one undo step.

The work is the core's (:func:`reelwright.screenplay.rename.rename_character`); this dialog
asks for the two names, shows how many cues and mentions change and the first changed
lines, and hands the plan back. The window applies it with ``editor.apply_edits``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reelwright.screenplay.rename import RenamePlan, apply_edits, rename_character

PREVIEW_LINES = 12


class RenameCharacterDialog(QDialog):
    def __init__(
        self,
        text: str,
        names: list[str],
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("renameCharacter")
        self.setWindowTitle(self.tr("Rename Character"))
        self.setMinimumWidth(520)
        self._text = text
        self.plan = RenamePlan()
        form = QFormLayout(self)
        self.old_name = QComboBox(self)
        self.old_name.setEditable(True)
        self.old_name.addItems(names)
        if current:
            index = self.old_name.findText(current)
            if index >= 0:
                self.old_name.setCurrentIndex(index)
            else:
                self.old_name.setEditText(current)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText(self.tr("New name"))
        self.summary = QLabel("", self)
        self.summary.setObjectName("renameSummary")
        self.summary.setWordWrap(True)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("renamePreview")
        self.preview.setReadOnly(True)
        self.preview.setFixedHeight(180)
        form.addRow(self.tr("Character:"), self.old_name)
        form.addRow(self.tr("New name:"), self.new_name)
        form.addRow(self.summary)
        form.addRow(self.preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Rename"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.old_name.currentTextChanged.connect(self._update)
        self.new_name.textChanged.connect(self._update)
        self._update()
        self.new_name.setFocus()

    def _update(self) -> None:
        old = self.old_name.currentText().strip()
        new = self.new_name.text().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.plan = RenamePlan()
        if not old or not new:
            self.summary.setText(self.tr("Choose a character and type the new name."))
            self.preview.setPlainText("")
            ok.setEnabled(False)
            return
        try:
            self.plan = rename_character(self._text, old, new)
        except ValueError as error:
            self.summary.setText(self.tr("Cannot rename: {reason}.").format(reason=error))
            self.preview.setPlainText("")
            ok.setEnabled(False)
            return
        self.summary.setText(self.summary_text(old, new))
        self.preview.setPlainText(self._preview())
        ok.setEnabled(self.plan.count > 0)

    def _preview(self) -> str:
        before = self._text.split("\n")
        after = apply_edits(self._text, self.plan.edits).split("\n")
        numbers = sorted({edit.line for edit in self.plan.edits})
        shown = [f"{n + 1}: {before[n].strip()}\n   → {after[n].strip()}" for n in numbers]
        more = len(numbers) - PREVIEW_LINES
        if more > 0:
            shown = [*shown[:PREVIEW_LINES], self.tr("… and {count} more lines").format(count=more)]
        return "\n".join(shown)

    def summary_text(self, old: str, new: str) -> str:
        """What the rename will do: the plan's counts, in the interface's language."""
        if not self.plan.count:
            return self.tr("{old} is not in the script").format(old=old)
        return self.tr("Renames {old} to {new}: {cues} and {mentions}").format(
            old=old, new=new, cues=self._cues(), mentions=self._mentions()
        )

    def done_text(self, old: str, new: str) -> str:
        """The status bar's line once the rename is made."""
        return self.tr("Renamed {old} to {new}: {cues} and {mentions}").format(
            old=old, new=new, cues=self._cues(), mentions=self._mentions()
        )

    def _cues(self) -> str:
        count = self.plan.cues
        return (self.tr("{n} cue") if count == 1 else self.tr("{n} cues")).format(n=count)

    def _mentions(self) -> str:
        count = self.plan.mentions
        return (self.tr("{n} mention") if count == 1 else self.tr("{n} mentions")).format(n=count)
