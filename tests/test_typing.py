"""Typing a screenplay with the keys, in the real window, the way Final Draft users do.

Every test types with real key events (pytest-qt), saves through the window, and compares
the saved Fountain and what the core parser reads from it with what the writer meant.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reelwright.desktop.app import create_window
from reelwright.desktop.completion import CompletionData
from reelwright.desktop.editor import ScriptEditor
from reelwright.desktop.highlighter import block_kind
from reelwright.desktop.settings import Settings
from reelwright.screenplay.lines import Kind
from reelwright.screenplay.parser import parse, parse_file
from reelwright.screenplay.textio import read_script_text

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot):
    win = create_window(settings=Settings(), offer_recovery=False)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    win.document.new()
    win.editor.setFocus()
    return win


class Typist:
    """Keys into the window's editor."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window
        self.editor = window.editor

    def type(self, text: str) -> Typist:
        run = ""
        for ch in text + "\0":
            if ch != "\0" and ord(ch) < 0x80:
                run += ch
                continue
            if run:
                self.qtbot.keyClicks(self.editor, run)
                run = ""
            if ch != "\0":  # QTest types Latin-1 only: what an input method sends
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                    QApplication.sendEvent(self.editor, event)
        return self

    def key(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> Typist:
        self.qtbot.keyClick(self.editor, key, modifiers)
        return self

    def enter(self, times: int = 1) -> Typist:
        for _ in range(times):
            self.key(K.Key_Return)
        return self

    def tab(self, times: int = 1) -> Typist:
        for _ in range(times):
            self.key(K.Key_Tab)
        return self

    def element(self, number: int) -> Typist:
        return self.key(getattr(K, f"Key_{number}"), CTRL)

    @property
    def text(self) -> str:
        return self.editor.script_text()

    def caret_kind(self) -> Kind | None:
        return block_kind(self.editor.textCursor().block())

    def shown(self) -> list[tuple[Kind | None, str]]:
        """What the editor shows: each non-blank line's kind."""
        self.editor.apply_block_formats()
        out = []
        block = self.editor.document().begin()
        while block.isValid():
            if block.text().strip():
                out.append((block_kind(block), block.text()))
            block = block.next()
        return out

    def saved(self, tmp_path: Path) -> tuple[str, list[tuple[str, str]]]:
        """Save through the window; the file's text and what the parser reads from it."""
        path = tmp_path / "typed.fountain"
        assert self.window.document.save_as(path)
        script = parse_file(path)
        return path.read_text("utf-8"), [(str(e.type), e.text) for e in script.elements]


_SHOWN_AS = {
    "scene_heading": Kind.SCENE_HEADING,
    "action": Kind.ACTION,
    "character": Kind.CHARACTER,
    "parenthetical": Kind.PARENTHETICAL,
    "dialogue": Kind.DIALOGUE,
    "transition": Kind.TRANSITION,
}


def assert_shown_as_parsed(typist: Typist) -> None:
    """The editor shows each line as the element the parser reads it as."""
    script = parse(typist.text)
    lines = typist.text.split("\n")
    shown = {}
    block = typist.editor.document().begin()
    while block.isValid():
        shown[block.blockNumber()] = block_kind(block)
        block = block.next()
    for element in script.elements:
        for number in range(element.start_line, element.end_line):
            if lines[number].strip():
                assert shown[number] is _SHOWN_AS[str(element.type)], (number, lines[number])


@pytest.fixture
def typist(qtbot, window) -> Typist:
    return Typist(qtbot, window)


def test_a_scene_typed_with_enter_and_tab(typist, tmp_path):
    typist.type("int. kitchen - night").enter()
    assert typist.caret_kind() in (Kind.ACTION, Kind.BLANK)
    typist.type("Maya stirs a pot.").enter()  # action -> action
    typist.tab().type("maya").enter()  # Tab on an empty action line: a cue; Enter: dialogue
    assert typist.caret_kind() is Kind.DIALOGUE
    typist.tab().type("quietly").enter()  # Tab in empty dialogue: a parenthetical
    typist.type("It needs salt.").enter()  # dialogue -> action
    typist.tab(2).type("cut to:").enter()  # Tab twice: a transition; Enter: a heading
    assert typist.caret_kind() is Kind.SCENE_HEADING
    typist.type("ext. garden - day").enter().type("Rain.")
    text, elements = typist.saved(tmp_path)
    assert text == (
        "INT. KITCHEN - NIGHT\n\nMaya stirs a pot.\n\nMAYA\n(quietly)\nIt needs salt.\n\n"
        "CUT TO:\n\nEXT. GARDEN - DAY\n\nRain.\n"
    )
    assert elements == [
        ("scene_heading", "INT. KITCHEN - NIGHT"),
        ("action", "Maya stirs a pot."),
        ("character", "MAYA"),
        ("parenthetical", "(quietly)"),
        ("dialogue", "It needs salt."),
        ("transition", "CUT TO:"),
        ("scene_heading", "EXT. GARDEN - DAY"),
        ("action", "Rain."),
    ]
    assert_shown_as_parsed(typist)


def test_a_name_with_an_age_in_action_stays_action(typist, tmp_path):
    typist.type("EXT. FARM - DAY").enter()
    typist.type("JOHN (40s) sits on a hay bale.").enter()
    typist.type("He whittles.")
    text, elements = typist.saved(tmp_path)
    assert text == "EXT. FARM - DAY\n\nJOHN (40s) sits on a hay bale.\n\nHe whittles.\n"
    assert [t for t, _ in elements] == ["scene_heading", "action", "action"]
    assert_shown_as_parsed(typist)
    # Typed as a cue (nothing after the extension), the same name is a cue.
    typist.enter().type("JOHN (V.O.)").enter().type("Hello?")
    _, elements = typist.saved(tmp_path)
    assert elements[-2:] == [("character", "JOHN (V.O.)"), ("dialogue", "Hello?")]


def test_a_cue_made_with_tab_is_typed_in_capitals_extension_too(typist, tmp_path):
    typist.tab().type("maya (v.o.)").enter().type("Hello?")
    text, elements = typist.saved(tmp_path)
    assert text == "MAYA (V.O.)\nHello?\n"
    assert elements[0] == ("character", "MAYA (V.O.)")


@pytest.mark.parametrize("close", ["enter", "paren", "tab"])
def test_a_parenthetical_has_exactly_one_closing_parenthesis(typist, tmp_path, close):
    typist.tab().type("maya").enter().tab()
    assert typist.editor.textCursor().block().text() == "()"
    typist.type("softly")
    if close == "paren":
        typist.type(")").enter()  # typed over the one already there
    elif close == "tab":
        typist.tab()
    else:
        typist.enter()
    typist.type("Hello.")
    text, elements = typist.saved(tmp_path)
    assert text == "MAYA\n(softly)\nHello.\n"
    assert elements == [
        ("character", "MAYA"),
        ("parenthetical", "(softly)"),
        ("dialogue", "Hello."),
    ]


def test_an_opening_parenthesis_in_empty_dialogue_opens_a_parenthetical(typist, tmp_path):
    typist.tab().type("maya").enter().type("(beat)").enter().type("Fine.")
    text, _ = typist.saved(tmp_path)
    assert text == "MAYA\n(beat)\nFine.\n"


def test_a_parenthetical_is_closed_in_the_parenthesis_it_was_opened_with(typist, tmp_path):
    typist.type("雨。").enter().tab().type("张伟").enter()
    typist.type("（").type("小声").enter().type("你好。")
    text, elements = typist.saved(tmp_path)
    assert text == "雨。\n\n张伟\n（小声）\n你好。\n"
    assert [t for t, _ in elements] == ["action", "character", "parenthetical", "dialogue"]
    typist.key(K.Key_End).enter(2).tab().type("maya").enter().type("(softly").enter()
    typist.type("Hi.")
    text, _ = typist.saved(tmp_path)
    assert text.endswith("\n\nMAYA\n(softly)\nHi.\n")


def test_an_empty_parenthetical_goes_back_to_dialogue(typist):
    typist.tab().type("maya").enter().tab()
    typist.enter()  # nothing inside: no parenthetical
    assert typist.editor.textCursor().block().text() == ""
    typist.type("Hi.")
    assert typist.text == "MAYA\nHi."


def test_accepting_a_name_moves_on_to_the_dialogue(typist, tmp_path):
    typist.editor.set_script_text("INT. DECK - DAY\n\nMAYA\nWind.\n\nMARCUS\nSails.\n\n")
    typist.editor.completion_data = CompletionData.from_script(parse(typist.text))
    cursor = typist.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    typist.editor.setTextCursor(cursor)
    typist.tab().type("may")
    popup = typist.editor.completer().popup()
    assert popup.isVisible()
    typist.qtbot.keyClick(popup, K.Key_Return)
    assert typist.caret_kind() is Kind.DIALOGUE
    typist.type("Almost.").enter().tab().type("mar")
    typist.qtbot.keyClick(popup, K.Key_Tab)  # Tab takes the name too
    typist.type("There.")
    text, elements = typist.saved(tmp_path)
    assert text.endswith("\n\nMAYA\nAlmost.\n\nMARCUS\nThere.\n")
    assert elements[-4:] == [
        ("character", "MAYA"),
        ("dialogue", "Almost."),
        ("character", "MARCUS"),
        ("dialogue", "There."),
    ]


def test_names_typed_since_the_last_analysis_complete_too(typist, tmp_path):
    # The window opened on the sample script first: none of its names are offered here.
    typist.type("int. deck - night").enter()
    typist.tab().type("keeper").enter().type("Storm.").enter()
    typist.tab().type("maya").enter().type("Dad?").enter()
    typist.tab().type("ke")  # no analysis has run: the scene's own cues are offered
    popup = typist.editor.completer().popup()
    assert popup.isVisible()
    # The list opens under the name being typed, on the page (which is centred).
    editor = typist.editor
    line = editor.textCursor()
    line.movePosition(line.MoveOperation.StartOfBlock)
    name_at = editor.viewport().mapToGlobal(editor.cursorRect(line).bottomLeft())
    assert abs(popup.geometry().left() - name_at.x()) <= 4
    assert 0 <= popup.geometry().top() - name_at.y() <= 8
    typist.qtbot.keyClick(popup, K.Key_Return)
    typist.type("Go home.")
    text, _ = typist.saved(tmp_path)
    assert text.endswith("\n\nKEEPER\nGo home.\n")
    typist.enter().tab(2).type("cut to:").enter().type("ext. pier - day").enter()
    typist.tab().type("ma")  # a name from an earlier scene, still before any analysis
    typist.qtbot.keyClick(popup, K.Key_Return)
    assert typist.editor.textCursor().block().previous().text() == "MAYA"


def test_the_cue_completer_offers_names_never_transitions(typist):
    text = "INT. A - DAY\n\nMATCH CUT TO:\nBang.\n\nMAYA\nHi.\n\nMAX\nHo.\n\n"
    typist.editor.set_script_text(text)
    typist.editor.completion_data = CompletionData.from_script(parse(text))
    cursor = typist.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    typist.editor.setTextCursor(cursor)
    typist.tab().type("ma")
    model = typist.editor.completer().model()
    names = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert sorted(names) == ["MAX", "MAYA"]


def test_transitions_complete_in_a_transition(typist, tmp_path):
    typist.type("Rain.").enter().tab(2).type("sm")
    popup = typist.editor.completer().popup()
    model = typist.editor.completer().model()
    assert model.index(0, 0).data() == "SMASH CUT TO:"
    typist.qtbot.keyClick(popup, K.Key_Return)
    assert typist.caret_kind() is Kind.SCENE_HEADING  # moved on: a transition is done
    typist.type("int. hall - night")
    text, elements = typist.saved(tmp_path)
    assert text == "Rain.\n\nSMASH CUT TO:\n\nINT. HALL - NIGHT\n"
    assert [t for t, _ in elements] == ["action", "transition", "scene_heading"]


def test_heading_location_then_time_then_action(typist, tmp_path):
    text = "INT. LIGHTHOUSE - NIGHT\n\nWaves.\n\n"
    typist.editor.set_script_text(text)
    typist.editor.completion_data = CompletionData.from_script(parse(text))
    cursor = typist.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    typist.editor.setTextCursor(cursor)
    popup = typist.editor.completer().popup()
    typist.type("ext. ")  # the script's places are offered at once
    assert popup.isVisible()
    typist.type("li")
    typist.qtbot.keyClick(popup, K.Key_Return)  # the location; the time comes next
    assert typist.editor.textCursor().block().text() == "EXT. LIGHTHOUSE - "
    assert popup.isVisible()
    typist.type("da")
    typist.qtbot.keyClick(popup, K.Key_Return)  # the time of day: the heading is done
    typist.type("Gulls.")
    saved, _ = typist.saved(tmp_path)
    assert saved.endswith("\n\nEXT. LIGHTHOUSE - DAY\n\nGulls.\n")


def test_undo_takes_back_about_a_word(typist):
    typist.type("She runs to the door.")
    steps = []
    while typist.editor.document().isUndoAvailable():
        typist.key(K.Key_Z, CTRL)
        steps.append(typist.text)
    assert steps == ["She runs to the ", "She runs to ", "She runs ", "She ", ""]


def test_typing_after_a_redo_is_its_own_step(typist):
    typist.type("Door")
    typist.key(K.Key_Z, CTRL)
    typist.key(K.Key_Z, CTRL | SHIFT)
    typist.type("s")
    typist.key(K.Key_Z, CTRL)
    assert typist.text == "Door"


def test_undo_in_a_typed_scene_never_takes_a_whole_sentence(typist):
    typist.type("int. bar - night").enter().type("A man waits.").enter()
    typist.tab().type("joe").enter().type("Another one.")
    typist.key(K.Key_Z, CTRL)
    assert typist.text.endswith("JOE\nAnother ")
    typist.key(K.Key_Z, CTRL)
    assert typist.text.endswith("JOE\n")


def test_undo_and_redo_keep_what_the_editor_shows(typist):
    typist.type("int. bar - night").enter().type("Smoke.")
    while typist.editor.document().isUndoAvailable():
        typist.key(K.Key_Z, CTRL)
    assert typist.text == ""
    while typist.editor.document().isRedoAvailable():
        typist.key(K.Key_Z, CTRL | SHIFT)
    assert typist.text == "INT. BAR - NIGHT\n\nSmoke."
    assert_shown_as_parsed(typist)


def test_a_paste_is_one_undo_step(typist):
    typist.type("Before. ")
    QApplication.clipboard().setText("INT. HALL - DAY\r\n\r\nA door.\r\n")
    typist.key(K.Key_V, CTRL)
    assert typist.text == "Before. INT. HALL - DAY\n\nA door.\n"
    typist.type("More")
    typist.key(K.Key_Z, CTRL)
    typist.key(K.Key_Z, CTRL)
    assert typist.text == "Before. "


def test_enter_on_an_empty_element_goes_back_to_action(typist):
    typist.type("Rain.").enter().tab()  # an empty cue
    assert typist.caret_kind() is Kind.CHARACTER
    typist.enter()
    assert typist.caret_kind() in (Kind.ACTION, Kind.BLANK)
    assert typist.text == "Rain.\n\n"
    typist.tab(2)  # an empty transition
    assert typist.caret_kind() is Kind.TRANSITION
    typist.enter()
    assert typist.caret_kind() in (Kind.ACTION, Kind.BLANK)
    typist.type("Thunder.")
    assert typist.text == "Rain.\n\nThunder."


def test_tab_and_shift_tab_walk_the_elements_of_an_empty_line(typist):
    typist.type("Rain.").enter()
    seen = []
    for _ in range(3):
        typist.tab()
        seen.append(typist.caret_kind())
    assert seen == [Kind.CHARACTER, Kind.TRANSITION, Kind.BLANK]
    typist.tab(2)
    back = []
    for _ in range(2):
        typist.key(K.Key_Backtab, SHIFT)
        back.append(typist.caret_kind())
    assert back == [Kind.CHARACTER, Kind.BLANK]
    assert typist.text == "Rain.\n\n"


def test_a_marked_heading_is_written_as_a_heading(typist, tmp_path):
    typist.type("Rain.").enter().key(K.Key_Backtab, SHIFT)  # back from action: a heading
    assert typist.caret_kind() is Kind.SCENE_HEADING
    typist.type("sniper scope pov").enter().type("Crosshairs.")
    text, elements = typist.saved(tmp_path)
    assert text == "Rain.\n\n.SNIPER SCOPE POV\n\nCrosshairs.\n"
    assert elements[1] == ("scene_heading", "SNIPER SCOPE POV")
    assert_shown_as_parsed(typist)
    # Words that make a heading on their own lose the forcing dot when finished.
    typist.enter().tab(2).type("cut to:").enter().type("int. hall - day").enter()
    text, _ = typist.saved(tmp_path)
    assert text.endswith("Crosshairs.\n\nCUT TO:\n\nINT. HALL - DAY\n\n")


def test_a_name_without_capitals_is_a_cue_as_the_parser_reads_the_script(typist, tmp_path):
    # In a script written without letter case a name is a cue as it stands...
    typist.type("雨。").enter().tab().type("张伟").enter().type("你好。")
    text, elements = typist.saved(tmp_path)
    assert text == "雨。\n\n张伟\n你好。\n"
    assert elements[1:] == [("character", "张伟"), ("dialogue", "你好。")]
    typist.window.analyzer.run_now()  # the pause after typing: the script's choice arrives
    assert_shown_as_parsed(typist)
    typist.editor.set_script_text(text)  # opened as a file: known at once
    assert_shown_as_parsed(typist)


def test_a_name_without_capitals_in_an_english_script_is_forced(typist, tmp_path):
    # ...in a script with capitals, the cue rule needs them: the name gets a forcing @.
    typist.type("Rain on the harbour.").enter().tab().type("张伟").enter().type("Hello.")
    text, elements = typist.saved(tmp_path)
    assert text == "Rain on the harbour.\n\n@张伟\nHello.\n"
    assert elements[1:] == [("character", "张伟"), ("dialogue", "Hello.")]
    assert_shown_as_parsed(typist)


# Ctrl+1..7 -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("number", "line", "written", "element"),
    [
        (1, "int. kitchen - day", "INT. KITCHEN - DAY", ("scene_heading", "INT. KITCHEN - DAY")),
        (1, "the kitchen", ".THE KITCHEN", ("scene_heading", "THE KITCHEN")),
        (2, "MAYA", "!MAYA", ("action", "MAYA")),
        (3, "maya", "MAYA", ("character", "MAYA")),
        (3, "McClane (V.O.)", "MCCLANE (V.O.)", ("character", "MCCLANE (V.O.)")),
        (6, "cut to:", "CUT TO:", ("transition", "CUT TO:")),
        (6, "back to the house", ">BACK TO THE HOUSE", ("transition", "BACK TO THE HOUSE")),
        (7, "angle on maya", ".ANGLE ON MAYA", ("scene_heading", "ANGLE ON MAYA")),
    ],
)
def test_ctrl_number_sets_the_element(typist, tmp_path, number, line, written, element):
    typist.type("Rain falls.").enter().type(line)
    if number == 3:
        typist.key(K.Key_Home)
    typist.element(number)
    if number == 3:
        typist.key(K.Key_End).enter().type("Over here.")
    else:
        typist.key(K.Key_End).enter().type("Over here.")
    text, elements = typist.saved(tmp_path)
    lines = text.split("\n")
    assert lines[2] == written
    assert elements[1] == element
    assert_shown_as_parsed(typist)


def test_ctrl_4_and_5_inside_a_speech(typist, tmp_path):
    typist.tab().type("maya").enter().type("quietly").element(4)
    assert typist.editor.textCursor().block().text() == "(quietly)"
    typist.key(K.Key_End).enter().type("Hello.").enter()
    typist.type("(turning)").element(5)
    text, elements = typist.saved(tmp_path)
    assert text == "MAYA\n(quietly)\nHello.\nturning\n"
    assert [t for t, _ in elements] == ["character", "parenthetical", "dialogue"]


def test_dialogue_with_no_cue_above_is_refused_with_a_message(typist):
    typist.type("Rain falls.").element(5)
    assert typist.text == "Rain falls."
    assert "character cue" in typist.window.statusBar().currentMessage()


def test_an_element_change_is_one_undo_step(typist):
    typist.type("Rain.").enter().type("kitchen").element(1)
    assert typist.text == "Rain.\n\n.KITCHEN"
    typist.key(K.Key_Z, CTRL)
    assert typist.text == "Rain.\n\nkitchen"


def test_the_element_menu_lists_the_seven(window):
    menu = window.menu("E&lement")
    titles = [a.text().replace("&", "") for a in menu.actions()]
    assert titles == [
        "Scene Heading",
        "Action",
        "Character",
        "Parenthetical",
        "Dialogue",
        "Transition",
        "Shot",
    ]


# What the editor shows is what the parser reads ------------------------------------------------
_PRINTED = {
    "scene_heading": Kind.SCENE_HEADING,
    "action": Kind.ACTION,
    "character": Kind.CHARACTER,
    "parenthetical": Kind.PARENTHETICAL,
    "dialogue": Kind.DIALOGUE,
    "transition": Kind.TRANSITION,
    "centered": Kind.CENTERED,
    "lyrics": Kind.LYRICS,
    "section": Kind.SECTION,
    "synopsis": Kind.SYNOPSIS,
    "page_break": Kind.PAGE_BREAK,
}


def test_every_corpus_script_shows_as_the_parser_reads_it(qtbot, corpus_dir):
    editor = ScriptEditor()
    qtbot.addWidget(editor)
    for path in sorted(corpus_dir.glob("*.fountain")):
        text = read_script_text(path).replace("\r\n", "\n").replace("\r", "\n")
        editor.set_script_text(text)
        lines = editor.script_text().split("\n")
        kinds = []
        block = editor.document().begin()
        while block.isValid():
            kinds.append(block_kind(block))
            block = block.next()
        wrong = []
        for element in parse(editor.script_text()).elements:
            want = _PRINTED.get(str(element.type))
            if want is None:
                continue
            for number in range(element.start_line, element.end_line):
                line = lines[number]
                if not line.strip() or kinds[number] in (Kind.NOTE, Kind.BONEYARD):
                    continue  # spacer lines; lines that are all note or boneyard are dimmed
                if kinds[number] is not want:
                    wrong.append((number, line, kinds[number], want))
        assert wrong == [], path.name
