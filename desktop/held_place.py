"""Where an accepted suggestion goes: decided when it was asked for, kept with cursors.

When the writer asks for a suggestion, :class:`HeldPlace` takes hold of the caret, the
selection, the caret's paragraph and the heading of the caret's scene with ``QTextCursor``
objects. Qt moves them with every edit, so the writer can go on typing elsewhere (or in
the same scene) while the model writes, and Accept still puts the take where it was asked
for, not wherever the caret happens to be. If that place is gone (its scene or paragraph
deleted, the selection deleted, another script opened), :meth:`HeldPlace.insert` says so
in one sentence (in the interface's language) and inserts nothing; the panel then offers
the caret instead.

"Insert after this scene" ends the scene before the next scene heading *or* section
heading, read by the core parser: a next scene for the last scene of Act One goes before
``# ACT TWO``. Every insertion is one undo step (``desktop/undo.py``), and it is
remembered as an :class:`Insertion` whose ``present`` turns false when Undo (or the
writer) takes the text out again, and true again on Redo.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from reelwright.desktop.undo import edit_block
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.parser import parse

if TYPE_CHECKING:
    from reelwright.desktop.editor import ScriptEditor

SCENE_ENDS = (ElementType.SCENE_HEADING, ElementType.SECTION)
"""What ends a scene for "Insert after This Scene"."""


def _span(doc: QTextDocument, start: int, end: int) -> QTextCursor:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _end_of(block: QTextBlock) -> int:
    return block.position() + block.length() - 1


def _blank(block: QTextBlock) -> bool:
    return not block.text().strip()


@dataclass
class Insertion:
    """Text an accept put into the script. ``start`` stays before it when text is inserted
    there (so Redo brings the range back), ``end`` moves after it."""

    start: QTextCursor
    end: QTextCursor
    where: str

    @property
    def present(self) -> bool:
        """Whether the inserted text is (still, or again) in the script."""
        return self.end.position() > self.start.position()


class HeldPlace:
    """The place a request was made at; see the module docstring."""

    def __init__(self, editor: ScriptEditor, at: QTextCursor | None = None) -> None:
        self.editor = editor
        self.document = editor.document()
        doc = self.document
        mark = QTextCursor(at) if at is not None else editor.textCursor()
        self.selection: QTextCursor | None = QTextCursor(mark) if mark.hasSelection() else None
        self.caret = QTextCursor(doc)
        self.caret.setPosition(mark.position())
        self._start = QTextCursor(doc)
        self._start.setPosition(mark.selectionStart())
        block = doc.findBlock(mark.selectionStart())
        self.line = block.blockNumber()
        """The line asked at (0-based; the selection's first), when it was asked."""
        self.paragraph = self._paragraph_around(block)
        self._paragraph_text = bool(self.paragraph is not None and self.paragraph.hasSelection())
        self.heading, self.heading_text, self.scene_number = self._scene_heading(self.line)
        self._followers: dict[str, list[Insertion]] = {}

    # What was held -----------------------------------------------------------------------
    def _paragraph_around(self, block: QTextBlock) -> QTextCursor | None:
        """The run of non-blank lines holding ``block``, or the nearest one above it."""
        while block.isValid() and _blank(block):
            block = block.previous()
        if not block.isValid():
            return None
        first = last = block
        while first.previous().isValid() and not _blank(first.previous()):
            first = first.previous()
        while last.next().isValid() and not _blank(last.next()):
            last = last.next()
        return _span(self.document, first.position(), _end_of(last))

    def _scene_heading(self, line: int) -> tuple[QTextCursor | None, str, int]:
        headings = [
            e
            for e in parse(self.editor.script_text()).elements
            if e.type is ElementType.SCENE_HEADING
        ]
        above = [e for e in headings if e.start_line <= line]
        if not above:
            return None, "", 0
        heading = above[-1]
        block = self.document.findBlockByNumber(heading.start_line)
        return _span(self.document, block.position(), _end_of(block)), heading.text, len(above)

    @property
    def label(self) -> str:
        """The scene, as the panel names it: "scene 3 (INT. LIGHTHOUSE - NIGHT)"."""
        if not self.scene_number:
            return QCoreApplication.translate("HeldPlace", "the start of the script")
        return QCoreApplication.translate("HeldPlace", "scene {number} ({heading})").format(
            number=self.scene_number, heading=self.heading_text
        )

    def line_now(self) -> int:
        """The line asked at, as the script reads now (edits above it moved it)."""
        return self.document.findBlock(self._start.position()).blockNumber()

    # Where a take goes now ---------------------------------------------------------------
    def gone(self, where: str) -> str | None:
        """Why ``where`` can no longer be found (one sentence), or None when it can."""
        target = self.target(where)
        return target if isinstance(target, str) else None

    def target(self, where: str) -> QTextCursor | str:
        """A cursor at the spot for ``where`` (over the text to replace), or why it is gone."""
        if self.editor.document() is not self.document:
            return QCoreApplication.translate(
                "HeldPlace", "another script was opened since it was asked for"
            )
        if where == "replace_selection":
            if self.selection is None:
                return QCoreApplication.translate(
                    "HeldPlace", "no text was selected when it was asked for"
                )
            if not self.selection.hasSelection():
                return QCoreApplication.translate(
                    "HeldPlace", "the text that was selected has been deleted or replaced"
                )
            return QTextCursor(self.selection)
        if where == "cursor":
            held = self.paragraph
            if self._paragraph_text and held is not None and not held.hasSelection():
                return QCoreApplication.translate(
                    "HeldPlace", "the paragraph at the cursor has been deleted"
                )
            return QTextCursor(self.caret)
        followed = self._followed(where)
        if followed is not None:
            return followed
        if where == "after_paragraph":
            if self.paragraph is None or not self.paragraph.hasSelection():
                return QCoreApplication.translate(
                    "HeldPlace", "the paragraph it was asked for has been deleted"
                )
            block = self.document.findBlock(self.paragraph.selectionEnd())
            while block.next().isValid() and not _blank(block.next()):
                block = block.next()
            return self._at(_end_of(block))
        if where == "end_of_scene":
            return self._scene_end()
        raise ValueError(f"unknown place {where!r}")

    def _at(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.document)
        cursor.setPosition(position)
        return cursor

    def _followed(self, where: str) -> QTextCursor | None:
        """After the last take accepted at ``where`` from here, while it is still there:
        a shot list accepted line by line keeps its order."""
        for insertion in reversed(self._followers.get(where, [])):
            if insertion.present:
                return self._at(insertion.end.position())
        return None

    def _scene_end(self) -> QTextCursor | str:
        elements = parse(self.editor.script_text()).elements
        start_line = 0
        if self.heading is not None:
            if not self.heading.hasSelection():
                return QCoreApplication.translate("HeldPlace", "{scene} has been deleted").format(
                    scene=self.label
                )
            start_line = self.document.findBlock(self.heading.selectionStart()).blockNumber()
            if not any(
                e.start_line == start_line and e.type is ElementType.SCENE_HEADING for e in elements
            ):
                return QCoreApplication.translate(
                    "HeldPlace", "the heading of {scene} is no longer a scene heading"
                ).format(scene=self.label)
        after = [e for e in elements if e.start_line > start_line and e.type in SCENE_ENDS]
        end_line = after[0].start_line if after else self.document.blockCount()
        block = self.document.findBlockByNumber(max(start_line, end_line - 1))
        while block.isValid() and _blank(block) and block.blockNumber() > start_line:
            block = block.previous()
        return self._at(_end_of(block))

    # Inserting -------------------------------------------------------------------------------
    def insert(self, text: str, where: str) -> Insertion | str:
        """Insert ``text`` at ``where`` as one undo step; the Insertion, or why not."""
        target = self.target(where)
        if isinstance(target, str):
            return target
        insertion = insert_at(self.editor, target, text, where)
        if where in ("after_paragraph", "end_of_scene"):
            self._followers.setdefault(where, []).append(insertion)
        return insertion


def insert_at(editor: ScriptEditor, target: QTextCursor, text: str, where: str) -> Insertion:
    """Insert ``text`` at ``target`` (over its selection) as ONE undo step, as its own
    Fountain paragraphs; the caret goes after it."""
    doc = editor.document()
    if where == "cursor":
        body = padded(target, text)
    elif where == "replace_selection":
        # The selected lines' own line breaks around the text stay where they were.
        selected = target.selectedText().replace("\u2029", "\n")
        leading = len(selected) - len(selected.lstrip("\n"))
        trailing = len(selected) - len(selected.rstrip("\n")) if selected.strip() else 0
        body = "\n" * leading + text.strip("\n") + "\n" * trailing
    else:
        body = "\n\n" + text.strip("\n")
    start_position = target.selectionStart()
    with edit_block(target) as cursor:
        cursor.insertText(body)
    start = QTextCursor(doc)
    start.setPosition(start_position)
    start.setKeepPositionOnInsert(True)
    end = QTextCursor(doc)
    end.setPosition(cursor.position())
    caret = QTextCursor(doc)
    caret.setPosition(cursor.position())
    editor.setTextCursor(caret)
    editor.apply_block_formats()
    return Insertion(start, end, where)


def padded(at: QTextCursor, text: str) -> str:
    """``text`` with the blank lines it needs around it at ``at`` to stay its own
    Fountain paragraphs."""
    block = at.block()
    before = block.text()[: at.positionInBlock()]
    after = block.text()[at.positionInBlock() :]
    body = text.strip("\n")
    if before.strip():
        body = "\n\n" + body
    elif block.previous().isValid() and block.previous().text().strip():
        body = "\n" + body
    following = block.next()
    if after.strip():
        body += "\n\n"
    elif following.isValid() and following.text().strip():
        body += "\n"
    return body
