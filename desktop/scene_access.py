"""The co-writer's view of the editor: a copy of the scene, and one-step insertion.

Plain data goes out (:class:`SceneSnapshot`, safe to hand to a worker thread); accepted
text comes back through :func:`insert_suggestion` as a single undo step
(:func:`~reelwright.desktop.undo.edit_block`, joined to the previous step on request).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from reelwright.desktop.highlighter import block_kind
from reelwright.desktop.undo import edit_block
from reelwright.screenplay.lines import Kind

if TYPE_CHECKING:
    from reelwright.desktop.editor import ScriptEditor


@dataclass(frozen=True, slots=True)
class SceneSnapshot:
    """A copy of the scene around the caret: plain data, safe to send to another thread."""

    heading: str
    start_line: int
    """Block number of the heading (or 0 before the first heading)."""
    end_line: int
    """Block number after the scene's last line."""
    text: str
    cursor_line: int
    cursor_column: int


Where = Literal["cursor", "replace_selection", "after_paragraph", "end_of_scene"]


def current_scene(editor: ScriptEditor) -> SceneSnapshot:
    """A plain copy of the scene around the caret (safe to hand to a worker thread)."""
    cursor = editor.textCursor()
    doc = editor.document()
    start = editor.scene_line()
    first = doc.findBlockByNumber(start) if start is not None else doc.begin()
    block = first.next() if start is not None else first
    while block.isValid() and block_kind(block) is not Kind.SCENE_HEADING:
        block = block.next()
    end_line = block.blockNumber() if block.isValid() else doc.blockCount()
    lines: list[str] = []
    walk = first
    while walk.isValid() and walk.blockNumber() < end_line:
        lines.append(walk.text())
        walk = walk.next()
    heading = first.text().strip() if start is not None else ""
    return SceneSnapshot(
        heading=heading,
        start_line=start if start is not None else 0,
        end_line=end_line,
        text="\n".join(lines),
        cursor_line=cursor.blockNumber(),
        cursor_column=cursor.positionInBlock(),
    )


def insert_suggestion(editor: ScriptEditor, text: str, where: Where, join: bool) -> int:
    """Insert accepted text as ONE undo step; ``join=True`` adds to the previous step.

    ``where``: at the caret, over the selection, after the caret's paragraph (with the
    blank line Fountain needs), or at the end of the caret's scene. Returns the position
    just after the inserted text, where the caret goes.
    """
    doc = editor.document()
    with edit_block(editor, join=join) as cursor:
        if where == "cursor":
            cursor.clearSelection()
        elif where == "after_paragraph":
            block = cursor.block()
            while block.next().isValid() and block.next().text().strip():
                block = block.next()
            cursor.setPosition(block.position() + block.length() - 1)
            text = "\n\n" + text.strip("\n")
        elif where == "end_of_scene":
            scene = editor.current_scene()
            last = doc.findBlockByNumber(scene.end_line - 1)
            while last.isValid() and not last.text().strip() and last.blockNumber() > 0:
                last = last.previous()
            cursor.setPosition(last.position() + last.length() - 1)
            text = "\n\n" + text.strip("\n")
        cursor.insertText(text)
    editor.setTextCursor(cursor)
    editor.apply_block_formats()
    return cursor.position()
