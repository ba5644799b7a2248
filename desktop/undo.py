"""The one way to make several edits of the script a single undo step.

Every place that changes the text in more than one edit (a paste that is cleaned up, a
replace-all, a character rename, an accepted suggestion, an element change, moving a scene)
goes through :func:`edit_block`::

    with edit_block(editor) as cursor:
        cursor.insertText("...")
        cursor.movePosition(...)
        cursor.insertText("...")

The block is opened with ``beginEditBlock()`` (a new undo step) or, with ``join=True``,
``joinPreviousEditBlock()`` (the edits become part of the step before: a streamed
suggestion's later chunks, the block format that follows a keystroke), and it is always
closed in ``finally``: an exception inside never leaves the document with an open edit
block, which would swallow every later edit into one endless undo step.

Qt nests edit blocks, so a helper that opens one may be called inside another: the
outermost block is the undo step. (The habit is Frescobaldi's ``cursortools.compress_undo``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

EditTarget = QTextCursor | QTextEdit | QPlainTextEdit | QTextDocument


def cursor_for(target: EditTarget) -> QTextCursor:
    """The cursor the edits go through.

    A ``QTextCursor`` is used as it is (its moves stay visible to the caller); an editor
    gives a copy of its caret (selection included), which the caller may hand back with
    ``setTextCursor``; a document gives a cursor at its start.
    """
    if isinstance(target, QTextCursor):
        return target
    if isinstance(target, QTextDocument):
        return QTextCursor(target)
    return target.textCursor()


@contextmanager
def edit_block(target: EditTarget, *, join: bool = False) -> Iterator[QTextCursor]:
    """Group every edit made inside the ``with`` into one undo step; yields the cursor.

    ``join=True`` adds the edits to the previous undo step instead of starting one. Edits
    made through any cursor of the same document while the block is open belong to it.
    """
    cursor = cursor_for(target)
    if join:
        cursor.joinPreviousEditBlock()
    else:
        cursor.beginEditBlock()
    try:
        yield cursor
    finally:
        cursor.endEditBlock()
