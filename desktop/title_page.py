"""The title page: the dialog that edits the ``Key: value`` block at the top of the
Fountain text, and the one-key edit that script settings kept there use
(:func:`with_title_value`, e.g. ``Caseless cues: yes``)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.desktop.undo import edit_block
from reelwright.screenplay.lines import title_page_extent
from reelwright.screenplay.parser import parse
from reelwright.screenplay.vocabulary import (
    is_title_continuation,
    title_colon,
    title_key,
    title_page_entries,
)

FIELDS = ("Title", "Credit", "Author", "Source", "Draft date", "Contact", "Copyright", "Notes")
FIELD_LABELS = {
    "Title": QT_TRANSLATE_NOOP("TitlePageDialog", "Title:"),
    "Credit": QT_TRANSLATE_NOOP("TitlePageDialog", "Credit:"),
    "Author": QT_TRANSLATE_NOOP("TitlePageDialog", "Author:"),
    "Source": QT_TRANSLATE_NOOP("TitlePageDialog", "Source:"),
    "Draft date": QT_TRANSLATE_NOOP("TitlePageDialog", "Draft date:"),
    "Contact": QT_TRANSLATE_NOOP("TitlePageDialog", "Contact:"),
    "Copyright": QT_TRANSLATE_NOOP("TitlePageDialog", "Copyright:"),
    "Notes": QT_TRANSLATE_NOOP("TitlePageDialog", "Notes:"),
}
"""The dialog's labels; the keys written in the script stay Fountain's (English)."""
MULTILINE = frozenset({"Contact", "Notes"})


def title_block_end(lines: list[str]) -> int:
    """How many lines the title page takes at the top (0 when there is none), by the
    parser's rule: ``FADE IN:`` alone is no title page, and stays where it is."""
    extent = title_page_extent(lines)
    return extent[1] if extent is not None else 0


def read_title_page(text: str) -> dict[str, str]:
    """Keys in file order, as the parser reads them (continuation lines joined with
    newlines)."""
    lines = text.split("\n")
    end = title_block_end(lines)
    if not end:
        return {}
    return dict(parse("\n".join(lines[:end])).title_page)


def title_page_lines(fields: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for key, value in fields.items():
        value = value.strip()
        if not value:
            continue
        parts = value.split("\n")
        if len(parts) == 1:
            lines.append(f"{key}: {parts[0]}")
        else:
            lines.append(f"{key}:")
            lines.extend(f"    {part.strip()}" for part in parts)
    return lines


def title_entries(text: str) -> dict[str, str]:
    """The title page's keys and values as written (first line of each value), without
    a parse of the script; empty when there is no title page."""
    lines = text.split("\n")
    extent = title_page_extent(lines)
    if extent is None:
        return {}
    block = [line.replace("\t", "    ") for line in lines[extent[0] : extent[1]]]
    return {key: "\n".join(values) for key, values in title_page_entries(block) or []}


def with_title_value(text: str, key: str, value: str | None, title: str = "Untitled") -> str:
    """``text`` with the title page's ``key`` set to ``value`` (None: the key removed),
    every other line as it was.

    An existing key keeps its place and the colon the writer typed (``：`` too); a new one
    goes at the end of the title page, with the page's own colon. Without a title page,
    one is made at the top: the key alone where that is a title page by the parser's rule,
    else with ``Title: title`` above it (a title page needs a key Fountain knows)."""
    lines = text.split("\n")
    extent = title_page_extent(lines)
    if extent is None:
        if value is None:
            return text
        block = [f"{key}: {value}"]
        if title_page_extent(block) is None:
            block.insert(0, f"Title: {title}")
        if not text:
            return "\n".join(block)
        if lines[0].strip():
            block.append("")  # else the text's own blank line separates them
        return "\n".join(block + lines)
    start, end = extent
    wanted = key.strip().casefold()
    for index in range(start, end):
        found = title_key(lines[index])
        if found is None or is_title_continuation(lines[index]):
            continue
        if found[0].strip().casefold() != wanted:
            continue
        stop = index + 1
        while stop < end and is_title_continuation(lines[stop].replace("\t", "    ")):
            stop += 1
        if value is None:
            replacement: list[str] = []
        else:
            colon = title_colon(lines[index])
            replacement = [f"{found[0]}{colon}{' ' if colon == ':' else ''}{value}"]
        new_lines = lines[:index] + replacement + lines[stop:]
        return "\n".join(new_lines)
    if value is None:
        return text
    colon = title_colon(lines[start])
    new_lines = [*lines[:end], f"{key}{colon}{' ' if colon == ':' else ''}{value}", *lines[end:]]
    return "\n".join(new_lines)


def replace_title_page(editor: QTextEdit, fields: dict[str, str]) -> None:
    """Rewrite the title block in place, as one undo step; the rest of the text is untouched."""
    doc = editor.document()
    lines = editor.toPlainText().split("\n")
    end = title_block_end(lines)
    new_lines = title_page_lines(fields)
    with edit_block(doc) as cursor:
        cursor.setPosition(0)
        if end:
            last = doc.findBlockByNumber(end - 1)
            cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText("\n".join(new_lines))
        elif new_lines:
            cursor.insertText("\n".join(new_lines) + "\n\n")


class TitlePageDialog(QDialog):
    def __init__(self, fields: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Title Page"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        extra = [key for key in fields if key.casefold() not in {f.casefold() for f in FIELDS}]
        for key in (*FIELDS, *extra):
            value = next((v for k, v in fields.items() if k.casefold() == key.casefold()), "")
            widget: QLineEdit | QPlainTextEdit
            if key in MULTILINE or "\n" in value:
                widget = QPlainTextEdit(value, self)
                widget.setFixedHeight(72)
            else:
                widget = QLineEdit(value, self)
            self.editors[key] = widget
            label = FIELD_LABELS.get(key)
            form.addRow(self.tr(label) if label else key + ":", widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def fields(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, widget in self.editors.items():
            out[key] = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        return out
