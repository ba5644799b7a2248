"""The script editor: typing gives the right elements, indents, formats and completions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCharFormat

from reelwright.desktop.completion import CompletionData
from reelwright.desktop.editor import ScriptEditor, is_cue_marked
from reelwright.desktop.highlighter import block_kind
from reelwright.screenplay.lines import Kind
from reelwright.screenplay.parser import parse


@pytest.fixture
def editor(qtbot):
    widget = ScriptEditor()
    widget.resize(900, 700)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def kinds(editor: ScriptEditor) -> list[tuple[Kind | None, str]]:
    out = []
    block = editor.document().begin()
    while block.isValid():
        out.append((block_kind(block), block.text()))
        block = block.next()
    return out


def type_lines(qtbot, editor: ScriptEditor, *lines: str) -> None:
    for index, line in enumerate(lines):
        if index:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)


def test_typing_a_short_scene_gives_elements_and_indents(qtbot, editor):
    type_lines(qtbot, editor, "int. kitchen - night")
    # Enter after a heading leaves the blank line Fountain needs.
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Maya stirs a pot.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "MAYA")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "(quietly)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "It needs salt.")
    assert editor.script_text() == (
        "INT. KITCHEN - NIGHT\n\nMaya stirs a pot.\n\nMAYA\n(quietly)\nIt needs salt."
    )
    assert [k for k, _ in kinds(editor)] == [
        Kind.SCENE_HEADING,
        Kind.BLANK,
        Kind.ACTION,
        Kind.BLANK,
        Kind.CHARACTER,
        Kind.PARENTHETICAL,
        Kind.DIALOGUE,
    ]
    # The core parser agrees with what the editor shows.
    types = [str(e.type) for e in parse(editor.script_text()).elements]
    assert types == ["scene_heading", "action", "character", "parenthetical", "dialogue"]
    doc = editor.document()
    width = editor.char_width
    margins = {
        kind: doc.findBlockByNumber(n).blockFormat().leftMargin()
        for n, (kind, _) in enumerate(kinds(editor))
    }
    # The page's columns in characters (Final Draft's 7.0 pt pitch): the cue at 3.5 in is
    # 21 characters in from the 1.5 in margin, dialogue at 2.5 in 10.
    assert margins[Kind.SCENE_HEADING] == 0
    assert margins[Kind.ACTION] == 0
    assert margins[Kind.CHARACTER] == pytest.approx(21 * width)
    assert margins[Kind.DIALOGUE] == pytest.approx(10 * width)
    # Dialogue wraps at 35 characters: 61 of action - 10 left - 16 right.
    dialogue = doc.findBlockByNumber(6).blockFormat()
    assert dialogue.rightMargin() == pytest.approx(16 * width)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_line_of_the_screen_holds_a_line_of_the_page(qtbot, editor, paper):
    """61 characters of action, 35 of dialogue and 26 of a parenthetical (its hanging
    "(" counted) on one line, as the layout prints them; one more wraps."""
    from reelwright.screenplay.elements import ElementType
    from reelwright.screenplay.layout import layout_for

    layout = layout_for(paper)
    editor.set_page_layout(layout)
    editor.resize(1400, 900)
    editor.show()
    widths = {
        2: layout.width_chars(ElementType.ACTION),
        5: layout.width_chars(ElementType.DIALOGUE),
        6: layout.width_chars(ElementType.PARENTHETICAL),
    }
    assert widths == {2: 61, 5: 35, 6: 26}

    def text(extra: int) -> str:
        action = "x" * (widths[2] + extra)
        dialogue = "y" * (widths[5] + extra)
        aside = "(" + "z" * (widths[6] - 2 + extra) + ")"
        return f"INT. HOUSE - DAY\n\n{action}\n\nMAYA\n{dialogue}\n{aside}\nHi.\n"

    for extra, lines in ((0, 1), (1, 2)):
        editor.set_script_text(text(extra))
        editor.document().documentLayout().documentSize()  # laid out
        for number in widths:
            block = editor.document().findBlockByNumber(number)
            assert block.layout().lineCount() == lines, (paper, number, extra, block.text())


def test_highlighter_formats(qtbot, editor):
    editor.set_script_text(
        "INT. HOUSE - DAY #12#\n\nShe reads **the letter** [[check this]].\n\n/* cut\nscene */\n"
    )
    doc = editor.document()

    def format_at(line: int, column: int):
        block = doc.findBlockByNumber(line)
        ranges = block.layout().formats()
        for fmt_range in ranges:
            if fmt_range.start <= column < fmt_range.start + fmt_range.length:
                return QTextCharFormat(fmt_range.format)
        return None

    heading = format_at(0, 0)
    assert heading is not None and heading.fontWeight() == QFont.Weight.Bold
    theme = editor.theme
    number = format_at(0, len("INT. HOUSE - DAY #"))
    assert number.foreground().color().name() == theme.markup
    bold = format_at(2, len("She reads **t"))
    assert bold.fontWeight() == QFont.Weight.Bold
    marker = format_at(2, len("She reads *"))
    assert marker.foreground().color().name() == theme.markup
    note = format_at(2, len("She reads **the letter** [[c"))
    assert note.foreground().color().name() == theme.note and note.fontItalic()
    for line in (4, 5):
        assert format_at(line, 1).foreground().color().name() == theme.boneyard
    assert block_kind(doc.findBlockByNumber(5)) is Kind.BONEYARD


def test_utf16_offsets_after_emoji(qtbot, editor):
    editor.set_script_text("Ana 🎬 waves **hello** there.\n")
    block = editor.document().begin()
    ranges = block.layout().formats()
    bold = [(r.start, r.length) for r in ranges if r.format.fontWeight() == QFont.Weight.Bold]
    # "Ana 🎬 waves **" is 14 Python characters but 15 UTF-16 units.
    assert bold == [(15, 5)]


def test_tab_on_empty_line_starts_a_cue_and_enter_goes_to_dialogue(qtbot, editor):
    type_lines(qtbot, editor, "Rain on the window.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # inserts the blank line, then a cue
    cue = editor.textCursor().block()
    assert is_cue_marked(cue)
    assert block_kind(cue) is Kind.CHARACTER
    qtbot.keyClicks(editor, "maya")  # upper-cased as typed
    assert cue.text() == "MAYA"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert block_kind(editor.textCursor().block()) is Kind.DIALOGUE
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # Tab under a cue opens a parenthetical
    assert editor.textCursor().block().text() == "()"
    qtbot.keyClicks(editor, "softly")
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Hello.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter on an empty dialogue line: action
    qtbot.keyClicks(editor, "She leaves.")
    assert editor.script_text() == "Rain on the window.\n\nMAYA\n(softly)\nHello.\n\nShe leaves."
    assert [k for k, _ in kinds(editor)] == [
        Kind.ACTION,
        Kind.BLANK,
        Kind.CHARACTER,
        Kind.PARENTHETICAL,
        Kind.DIALOGUE,
        Kind.BLANK,
        Kind.ACTION,
    ]


def test_enter_on_an_empty_cue_goes_back_to_action(qtbot, editor):
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert block_kind(editor.textCursor().block()) is Kind.CHARACTER
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    block = editor.textCursor().block()
    assert not is_cue_marked(block)
    assert editor.script_text() == ""
    qtbot.keyClicks(editor, "Thunder.")
    assert block_kind(editor.textCursor().block()) is Kind.ACTION


def test_heading_is_uppercased_when_it_becomes_a_heading(qtbot, editor):
    qtbot.keyClicks(editor, "ext. pier")
    assert editor.script_text() == "EXT. PIER"
    assert block_kind(editor.document().begin()) is Kind.SCENE_HEADING


def test_a_typed_cue_is_one_undo_step_with_its_format(qtbot, editor):
    qtbot.keyClicks(editor, "Waves.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "BOB")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Hi.")
    assert block_kind(editor.document().findBlockByNumber(2)) is Kind.CHARACTER
    while editor.document().isUndoAvailable():
        editor.undo()
    assert editor.script_text() == ""


def test_character_completion_ranks_the_current_scene_first(qtbot, editor):
    text = (
        "INT. A - DAY\n\nZED\nOne.\n\nZED\nTwo.\n\nZELDA\nThree.\n\nINT. B - DAY\n\nZOE\nFour.\n\n"
    )
    editor.set_script_text(text)
    editor.completion_data = CompletionData.from_script(parse(text))
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "z")
    popup = editor.completer().popup()
    assert popup.isVisible()
    model = editor.completer().model()
    names = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert names[:3] == ["ZOE", "ZED", "ZELDA"]
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    # Taking a name finishes the cue: the caret is on the speech line under it.
    assert editor.textCursor().block().previous().text() == "ZOE"
    assert block_kind(editor.textCursor().block()) is Kind.DIALOGUE


def test_location_and_time_completion(qtbot, editor):
    text = "INT. LIGHTHOUSE - NIGHT\n\nWaves.\n\nEXT. LIGHTHOUSE - DAWN\n\nGulls.\n\n"
    editor.set_script_text(text)
    editor.completion_data = CompletionData.from_script(parse(text))
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "int. li")
    model = editor.completer().model()
    assert model.index(0, 0).data() == "LIGHTHOUSE"
    qtbot.keyClick(editor.completer().popup(), Qt.Key.Key_Return)
    # A location taken goes on to the time of day: " - " and the times are offered.
    assert editor.textCursor().block().text() == "INT. LIGHTHOUSE - "
    assert editor.completer().popup().isVisible()
    names = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert names[0] in ("NIGHT", "DAWN") and "DAY" in names
    qtbot.keyClicks(editor, "da")
    names = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert names[0] == "DAWN"


def test_a_key_lays_the_page_out_once(qtbot, editor):
    """Enter, Tab and typed characters give the lines around the caret the indents of
    their kind inside the key's own edit: no second layout pass waits on a timer (a pass
    walks every line below the edit: 7 ms in the middle of 500 pages)."""
    editor.set_script_text("INT. KITCHEN - NIGHT\n\nMaya stirs a pot.\n\n")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    changes: list[int] = []  # each is a layout pass over the lines below
    editor.document().contentsChange.connect(lambda *_args: changes.append(1))
    for key in ("M", "A", "Y", "A", Qt.Key.Key_Return, "I", "t", Qt.Key.Key_Return):
        changes.clear()
        if isinstance(key, str):
            qtbot.keyClicks(editor, key)
        else:
            qtbot.keyClick(editor, key)
        assert len(changes) == 1, key
        assert not editor._apply_timer.isActive(), key  # nothing left for later
    assert [k for k, _ in kinds(editor)][4:7] == [Kind.CHARACTER, Kind.DIALOGUE, Kind.BLANK]
    assert editor.script_text().endswith("\n\nMAYA\nIt\n\n")  # after dialogue: action
    # Undo takes the formats back with the text, word by word.
    for _ in range(10):
        if editor.script_text().endswith("MAYA\n"):
            break
        editor.undo()
    assert editor.script_text().endswith("\n\nMAYA\n")
    assert block_kind(editor.document().findBlockByNumber(4)) is Kind.CHARACTER
    assert block_kind(editor.document().findBlockByNumber(5)) is not Kind.CHARACTER
