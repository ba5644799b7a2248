"""Enter, Tab and Shift+Tab move from element to element as in Final Draft; Ctrl+1..7 set one.

Final Draft's defaults (its ``ReturnKey`` settings): Enter after a scene heading gives
action, after action action, after a character dialogue, after a parenthetical dialogue,
after dialogue action, after a transition a scene heading; Enter on an empty element goes
back to action. Tab on an empty line walks action → character → transition → action, and
in an empty line of a speech opens a parenthetical; Shift+Tab walks back.

Fountain has no element field, so every step is written as the text that makes it so
(``screenplay.element_change``). An empty line cannot be a scene heading or a cue in
Fountain yet: the writer's choice waits on the block as an :class:`ElementMark`, shown as
that element, and is written as markup with the first character typed (``.`` before a
heading that does not start with INT/EXT, ``>`` before a transition) and tidied when the
element is finished (the ``.`` goes when the words turned out to be a heading anyway).

Every key is one undo step (:func:`reelwright.desktop.undo.edit_block`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextBlock, QTextBlockUserData, QTextCursor

from reelwright.desktop.i18n import QT_TRANSLATE_NOOP
from reelwright.desktop.undo import edit_block
from reelwright.screenplay.element_change import Target, change_element
from reelwright.screenplay.lines import HEADING_RE, Kind, is_heading, looks_like_cue
from reelwright.screenplay.vocabulary import FORCE_CHARACTER, is_cue_text, is_transition_text

if TYPE_CHECKING:
    from reelwright.desktop.editor import ScriptEditor

TARGET_KIND = {
    Target.SCENE_HEADING: Kind.SCENE_HEADING,
    Target.SHOT: Kind.SCENE_HEADING,
    Target.ACTION: Kind.ACTION,
    Target.CHARACTER: Kind.CHARACTER,
    Target.PARENTHETICAL: Kind.PARENTHETICAL,
    Target.DIALOGUE: Kind.DIALOGUE,
    Target.TRANSITION: Kind.TRANSITION,
}
FORCING = {Target.SCENE_HEADING: ".", Target.SHOT: ".", Target.TRANSITION: ">"}
ELEMENT_NAMES = {
    Target.SCENE_HEADING: QT_TRANSLATE_NOOP("ElementKeys", "scene heading"),
    Target.ACTION: QT_TRANSLATE_NOOP("ElementKeys", "action"),
    Target.CHARACTER: QT_TRANSLATE_NOOP("ElementKeys", "character"),
    Target.PARENTHETICAL: QT_TRANSLATE_NOOP("ElementKeys", "parenthetical"),
    Target.DIALOGUE: QT_TRANSLATE_NOOP("ElementKeys", "dialogue"),
    Target.TRANSITION: QT_TRANSLATE_NOOP("ElementKeys", "transition"),
    Target.SHOT: QT_TRANSLATE_NOOP("ElementKeys", "shot"),
}
"""Each element's name in a sentence (the messages of Ctrl+1..7)."""
"""What the first typed character of a marked empty line gets in front of it."""


class ElementMark(QTextBlockUserData):
    """The element the writer chose for a line whose text does not say it yet."""

    def __init__(self, target: Target, typed: bool = False) -> None:
        super().__init__()
        self.target = target
        self.typed = typed
        """Its markup was written in front of the first character typed (tidied on Enter)."""


def mark_of(block: QTextBlock) -> ElementMark | None:
    data = block.userData()
    return data if isinstance(data, ElementMark) else None


def marked_target(block: QTextBlock) -> Target | None:
    mark = mark_of(block)
    return mark.target if mark is not None else None


def marked_kind(block: QTextBlock) -> Kind | None:
    """The kind the writer's mark shows the block as (the highlighter asks)."""
    mark = mark_of(block)
    return TARGET_KIND[mark.target] if mark is not None else None


def _blank(block: QTextBlock) -> bool:
    return not block.isValid() or not block.text().strip()


def _empty_parenthetical(text: str) -> bool:
    return text.strip() in ("()", "（）")


def _insert(editor: ScriptEditor, text: str, cursor: QTextCursor) -> None:
    cursor.insertText(text)
    editor.setTextCursor(cursor)


# Enter --------------------------------------------------------------------------------------
def enter(editor: ScriptEditor) -> None:
    """Finish the element at the caret and start the one that follows it."""
    with edit_block(editor) as cursor:
        if cursor.hasSelection():
            cursor.removeSelectedText()
        block = cursor.block()
        line = block.text()
        mark = mark_of(block)
        if not line.strip():
            _enter_on_empty(editor, cursor, block, mark)
            return
        kind = editor.current_kind()
        if kind is Kind.PARENTHETICAL and _empty_parenthetical(line):
            _clear_line(editor, block)  # an empty parenthetical: back to dialogue
            return
        column = cursor.positionInBlock()
        if kind is Kind.PARENTHETICAL and line.lstrip()[:1] in "(（":
            rest = line[column:].strip()
            if rest in ("", ")", "）"):
                if not line.rstrip().endswith((")", "）")):
                    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                    closing = "）" if line.lstrip().startswith("（") else ")"
                    cursor.insertText(closing)  # a parenthetical is closed when finished
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                column = cursor.positionInBlock()
                line = block.text()
        if line[column:].strip():
            _insert(editor, "\n", cursor)  # Enter inside a line splits it
            return
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.setTextCursor(cursor)
        if mark is not None and _needs_markup(mark, line):
            set_element(editor, mark.target, quiet=True)  # write or tidy its markup
            cursor = editor.textCursor()
            block = cursor.block()
            line = block.text()
        kind = editor.classify(block)
        if marked_target(block) is Target.CHARACTER:
            kind = Kind.CHARACTER  # a cue waiting for its speech (forced with @ or not)
        _start_next(editor, cursor, block, line, kind)


def _needs_markup(mark: ElementMark, line: str) -> bool:
    """Whether a marked line's text must change to be its element when finished: a cue
    that capitals cannot make (``张伟``, ``McClane``) needs ``@``; a transition typed after
    ``>`` that ends in ``TO:`` needs none. (A heading's ``.`` went while it was typed.)"""
    words = line.strip()
    if mark.target is Target.CHARACTER:
        return not words.startswith(FORCE_CHARACTER) and not is_cue_text(words)
    if mark.typed and mark.target is Target.TRANSITION:
        return is_transition_text(words[1:].strip()) if words.startswith(">") else True
    return False


def _enter_on_empty(
    editor: ScriptEditor, cursor: QTextCursor, block: QTextBlock, mark: ElementMark | None
) -> None:
    if mark is not None:
        editor.set_block_mark(block, None)  # an empty element goes back to action
        return
    prior = block.previous()
    if _blank(prior):
        return  # already an action line after a blank line
    if editor.block_kind(prior) is Kind.CHARACTER:
        editor.set_block_mark(prior, None)  # a cue without speech is no cue
    _insert(editor, "\n", cursor)  # the empty line ends the paragraph above


def _start_next(
    editor: ScriptEditor, cursor: QTextCursor, block: QTextBlock, line: str, kind: Kind
) -> None:
    after_blank = _blank(block.previous())
    forced = line.lstrip()[:1] in "!>~=#"  # the writer's own markup says what it is
    if (
        kind is Kind.ACTION
        and after_blank
        and not forced
        and looks_like_cue(line)
        and not is_heading(line)
    ):
        kind = Kind.CHARACTER  # a name typed in capitals on its own line: the speech follows
    if kind is Kind.CHARACTER:
        editor.set_block_mark(block, Target.CHARACTER)
        _insert(editor, "\n", cursor)
    elif kind in (Kind.PARENTHETICAL, Kind.TITLE_PAGE, Kind.NOTE, Kind.BONEYARD, Kind.LYRICS):
        _insert(editor, "\n", cursor)
    elif kind is Kind.TRANSITION:
        _insert(editor, "\n\n", cursor)
        editor.set_block_mark(cursor.block(), Target.SCENE_HEADING)
    else:  # heading, action, dialogue, centered text, sections, synopses, page breaks
        _insert(editor, "\n\n", cursor)


# Tab and Shift+Tab ----------------------------------------------------------------------------
def tab(editor: ScriptEditor) -> None:
    cursor = editor.textCursor()
    if cursor.hasSelection():
        return
    block = cursor.block()
    line = block.text()
    if _empty_parenthetical(line):
        _clear_line(editor, block)  # back to dialogue
        return
    if line.strip():
        rest = line[cursor.positionInBlock() :].strip(" )）")
        if editor.current_kind() is Kind.PARENTHETICAL and not rest:
            enter(editor)  # Tab at the end of a parenthetical: on to the dialogue
            return
        editor.show_completions(force=True)
        return
    target = marked_target(block)
    if target is Target.CHARACTER:
        editor.set_block_mark(block, Target.TRANSITION)
    elif target is not None:
        editor.set_block_mark(block, None)
    elif editor.current_kind() is Kind.DIALOGUE and not _blank(block.previous()):
        with edit_block(editor) as edit:
            edit.insertText("()")
            edit.movePosition(QTextCursor.MoveOperation.Left)
        editor.setTextCursor(edit)
    else:
        _new_paragraph_mark(editor, block, Target.CHARACTER)


def backtab(editor: ScriptEditor) -> None:
    cursor = editor.textCursor()
    if cursor.hasSelection():
        return
    block = cursor.block()
    line = block.text()
    if _empty_parenthetical(line):
        _clear_line(editor, block)
        return
    if line.strip():
        return
    target = marked_target(block)
    if target is Target.TRANSITION:
        editor.set_block_mark(block, Target.CHARACTER)
    elif target is Target.CHARACTER:
        editor.set_block_mark(block, None)
    elif target in (Target.SCENE_HEADING, Target.SHOT):
        editor.set_block_mark(block, Target.TRANSITION)
    elif editor.current_kind() is Kind.DIALOGUE and not _blank(block.previous()):
        prior = block.previous()
        with edit_block(editor) as edit:
            if editor.block_kind(prior) is Kind.CHARACTER:
                # Back up to the cue: the empty speech line goes.
                edit.setPosition(prior.position() + prior.length() - 1)
                edit.setPosition(block.position() + block.length() - 1, edit.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            else:
                edit.insertText("\n")  # a new speaker after this speech
        editor.setTextCursor(edit)
        if editor.block_kind(prior) is not Kind.CHARACTER:
            editor.set_block_mark(edit.block(), Target.CHARACTER)
    else:
        _new_paragraph_mark(editor, block, Target.SCENE_HEADING)


def _clear_line(editor: ScriptEditor, block: QTextBlock) -> None:
    with edit_block(editor) as edit:
        edit.setPosition(block.position())
        edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        edit.removeSelectedText()
    editor.setTextCursor(edit)


def _new_paragraph_mark(editor: ScriptEditor, block: QTextBlock, target: Target) -> None:
    """Mark the empty caret line, after adding the blank line above it that it needs."""
    if not _blank(block.previous()):
        with edit_block(editor) as edit:
            edit.insertText("\n")
        editor.setTextCursor(edit)
        block = edit.block()
    editor.set_block_mark(block, target)


# Typing into a marked line ----------------------------------------------------------------------
def markup_before_typing(editor: ScriptEditor, cursor: QTextCursor) -> None:
    """Write the forcing character of a marked empty line in front of the first one typed.

    Called inside the keystroke's edit block, before the character goes in.
    """
    block = cursor.block()
    mark = mark_of(block)
    if mark is None or mark.typed or block.text().strip():
        return
    prefix = FORCING.get(mark.target)
    if prefix is None:
        return
    mark.typed = True
    edit = QTextCursor(block)
    edit.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.insertText(prefix)
    cursor.setPosition(edit.position())
    editor.setTextCursor(cursor)


def tidy_typed_markup(editor: ScriptEditor) -> None:
    """A heading typed after a forcing ``.`` that turned out to start with INT/EXT needs no
    ``.``: it goes as soon as the words say heading themselves (part of the keystroke)."""
    cursor = editor.textCursor()
    block = cursor.block()
    mark = mark_of(block)
    if mark is None or not mark.typed or mark.target is not Target.SCENE_HEADING:
        return
    line = block.text()
    if not line.startswith(".") or HEADING_RE.match(line[1:]) is None:
        return
    column = cursor.positionInBlock()
    with edit_block(QTextCursor(block), join=True) as edit:
        edit.deleteChar()
    editor.set_block_mark(block, None)
    cursor.setPosition(block.position() + max(0, column - 1))
    editor.setTextCursor(cursor)


# Ctrl+1..7 ----------------------------------------------------------------------------------------
def set_element(editor: ScriptEditor, target: Target, quiet: bool = False) -> bool:
    """Make the caret's line ``target``, written in Fountain; one undo step. False (and a
    message) when Fountain cannot have that element there."""
    cursor = editor.textCursor()
    block = cursor.block()
    doc = editor.document()
    lines = editor.script_text().split("\n")
    marked = editor.marked_cue_lines(block.blockNumber() - 2, block.blockNumber())
    change = change_element(
        lines, block.blockNumber(), target, cursor.positionInBlock(), marked_cues=marked
    )
    editor.set_caseless_cues(change.caseless)
    if not change.reached:
        if not quiet:
            editor.message.emit(
                QCoreApplication.translate(
                    "ElementKeys", "A {element} goes inside a speech: put a character cue above it"
                ).format(element=QCoreApplication.translate("ElementKeys", ELEMENT_NAMES[target]))
            )
        return False
    first = doc.findBlockByNumber(change.start)
    last = doc.findBlockByNumber(change.end - 1)
    old = [doc.findBlockByNumber(n).text() for n in range(change.start, change.end)]
    with edit_block(editor) as edit:
        if old != list(change.lines):
            edit.setPosition(first.position())
            edit.setPosition(last.position() + last.length() - 1, edit.MoveMode.KeepAnchor)
            edit.insertText("\n".join(change.lines))
        changed = doc.findBlockByNumber(change.line)
        editor.set_block_mark(changed, target if change.pending else None)
        edit.setPosition(changed.position() + min(change.column, changed.length() - 1))
    editor.setTextCursor(edit)
    editor.apply_block_formats()
    return True
