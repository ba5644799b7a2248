"""Setting an element writes the Fountain that the parser reads as that element (no Qt)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay.element_change import (
    Target,
    apply_change,
    around,
    change_element,
    split_markup,
)
from reelwright.screenplay.lines import caseless_cues_for
from reelwright.screenplay.parser import parse

T = Target


def changed(text: str, index: int, target: Target) -> tuple[str, list[tuple[str, str]]]:
    lines = text.split("\n")
    change = change_element(lines, index, target)
    assert change.reached
    new = "\n".join(apply_change(lines, change))
    return new, [(str(e.type), e.text) for e in parse(new).elements]


@pytest.mark.parametrize(
    ("text", "index", "target", "written", "element"),
    [
        # Scene headings: upper case; a "." only when the words do not start with INT/EXT;
        # the blank lines a heading needs are added.
        ("Rain.\nkitchen\nMore.", 1, T.SCENE_HEADING, "Rain.\n\n.KITCHEN\n\nMore.", None),
        ("A.\n\nint. hall - day #3a#", 2, T.SCENE_HEADING, "A.\n\nINT. HALL - DAY #3a#", None),
        ("A.\n\n.kitchen", 2, T.SCENE_HEADING, "A.\n\n.KITCHEN", None),
        # A shot is written as a forced heading, as Final Draft's FDX import reads one.
        (
            "A.\n\nangle on maya",
            2,
            T.SHOT,
            "A.\n\n.ANGLE ON MAYA",
            ("scene_heading", "ANGLE ON MAYA"),
        ),
        # Action: "!" only where the plain line would be something else.
        ("MAYA\nHi.", 0, T.ACTION, "!MAYA\nHi.", ("action", "MAYA\nHi.")),
        ("A.\n\nMAYA", 2, T.ACTION, "A.\n\n!MAYA", ("action", "MAYA")),
        ("A.\n\n@Maya\nHi.", 2, T.ACTION, "A.\n\nMaya\nHi.", ("action", "Maya\nHi.")),
        ("A.\n\nINT. HALL", 2, T.ACTION, "A.\n\n!INT. HALL", ("action", "INT. HALL")),
        ("Title: Rain\n\nA.", 0, T.ACTION, "!Title: Rain\n\nA.", ("action", "Title: Rain")),
        ("MAYA\nHi.\nBye.", 2, T.ACTION, "MAYA\nHi.\n\nBye.", ("action", "Bye.")),
        # Character: the name in capitals, the extension as written; "@" where capitals
        # cannot make a cue.
        ("A.\n\nmaya\nHello.", 2, T.CHARACTER, "A.\n\nMAYA\nHello.", ("character", "MAYA")),
        (
            "A.\n\nMaya (cont'd)\nHi.",
            2,
            T.CHARACTER,
            "A.\n\nMAYA (cont'd)\nHi.",
            ("character", "MAYA (cont'd)"),
        ),
        ("Rain.\n\n张伟\nHi.", 2, T.CHARACTER, "Rain.\n\n@张伟\nHi.", ("character", "张伟")),
        ("雨。\n\n张伟\n你好。", 2, T.CHARACTER, "雨。\n\n张伟\n你好。", ("character", "张伟")),
        ("A.\nbob\nHi.", 1, T.CHARACTER, "A.\n\nBOB\nHi.", ("character", "BOB")),
        # Parenthetical and dialogue join the speech above.
        ("MAYA\nHi.\n\nsoftly", 3, T.PARENTHETICAL, "MAYA\nHi.\n(softly)", None),
        ("MAYA\n(softly)\nHi.", 1, T.DIALOGUE, "MAYA\nsoftly\nHi.", ("dialogue", "softly\nHi.")),
        # Transitions: upper case, ">" unless it ends in TO:.
        ("A.\n\ncut to:\n\nB.", 2, T.TRANSITION, "A.\n\nCUT TO:\n\nB.", ("transition", "CUT TO:")),
        ("A.\ncut to:\nB.", 1, T.TRANSITION, "A.\n\nCUT TO:\n\nB.", ("transition", "CUT TO:")),
        (
            "A.\n\nslow fade to blue.",
            2,
            T.TRANSITION,
            "A.\n\n>SLOW FADE TO BLUE.",
            ("transition", "SLOW FADE TO BLUE."),
        ),
    ],
)
def test_the_written_line_is_read_as_the_element(text, index, target, written, element):
    new, elements = changed(text, index, target)
    assert new == written
    if element is None:
        element = (str(target.element_type), next(e[1] for e in elements if e[0] == target))
    assert element in elements


def test_a_cue_without_its_speech_waits_for_it():
    lines = ["Rain.", "", "john (40s) sits."]
    change = change_element(lines, 2, T.CHARACTER)
    assert change.pending and change.lines == ("@JOHN (40s) sits.",)
    # Once the speech is typed below it, the parser reads the cue.
    new = [*apply_change(lines, change), "Hello."]
    assert [str(e.type) for e in parse("\n".join(new)).elements] == [
        "action",
        "character",
        "dialogue",
    ]


def test_an_empty_line_waits_for_its_words():
    change = change_element(["Rain.", ""], 1, T.SCENE_HEADING)
    assert change.pending and change.lines == ("", "")  # a blank line above, then the line
    assert change.line == 2
    # Under a cue the editor shows before its speech exists: the parenthetical opens.
    change = change_element(["MAYA", ""], 1, T.PARENTHETICAL, marked_cues={0})
    assert change.lines == ("()",) and change.column == 1


def test_dialogue_needs_a_speech_above():
    change = change_element(["Rain.", "More rain."], 1, T.DIALOGUE)
    assert not change.reached


def test_the_caret_keeps_its_place_in_the_words():
    change = change_element(["A.", "", "the kitchen"], 2, T.SCENE_HEADING, column=4)
    assert change.lines == (".THE KITCHEN",) and change.column == 5
    change = change_element(["MAYA", "Hi.", "softly"], 2, T.PARENTHETICAL, column=6)
    assert change.column == 7  # before the closing parenthesis


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("!MAYA", "MAYA"),
        ("@McClane (V.O.) ^", "McClane (V.O.)"),
        (".SNIPER SCOPE POV", "SNIPER SCOPE POV"),
        ("...and then", "...and then"),
        ("> THE END <", "THE END"),
        ("(softly)", "softly"),
        ("INT. HALL - DAY #12#", "INT. HALL - DAY"),
        ("  indented", "indented"),
    ],
)
def test_split_markup(line, words):
    start, found, end = split_markup(line)
    assert found == words and line[start:end] == words


@pytest.mark.parametrize("target", list(Target))
def test_every_element_on_every_corpus_shape(target):
    """Whatever the line was, the change gives the element asked for (or says it can't)."""
    text = (
        "Title: X\n\nINT. A - DAY\n\nRain.\nMore.\n\nMAYA\n(softly)\nHi.\n\nCUT TO:\n\n"
        "> THE END <\n\n~la la\n\n@张伟\n你好。\n"
    )
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        change = change_element(lines, index, target)
        if not change.reached:
            assert target in (T.DIALOGUE, T.PARENTHETICAL)
            continue
        new = apply_change(lines, change)
        if change.pending:
            new.insert(change.line + 1, "Speech.")
        types = {}
        for element in parse("\n".join(new)).elements:
            for number in range(element.start_line, element.end_line):
                types[number] = element.type
        assert types.get(change.line) is target.element_type, (line, new[change.line])


# Reading only the paragraphs around the line --------------------------------------------

_LINES = [
    "  ",
    "Title: X",
    "Caseless cues: yes",
    "INT. HALL - DAY",
    ".KITCHEN",
    "MAYA",
    "BOB ^",
    "@Maya",
    "(quietly)",
    "Hello there.",
    "CUT TO:",
    "> THE END <",
    "/* cut",
    "*/",
    "old /* gone */ text",
    "[[ a note",
    "goes on ]]",
    "张伟",
    "李娜（画外音）",
    "你来了。",
    "！张伟",
    "= synopsis",
    "# Act",
    "===",
    "~la la",
]
_GAPS = [[""], [""], [" "], ["", ""]]
_NEW = [
    "",
    "MAYA",
    "Hello.",
    "(softly)",
    "INT. ROOM - NIGHT",
    "张伟",
    "!BOB",
    "@Bob",
    "…",
    "/* x",
    "y */",
]


def _types(script_lines: list[str], first_line: int, choice: bool) -> dict[int, object]:
    script = parse("\n".join(script_lines), first_line=first_line, caseless_cues=choice)
    return {
        number: element.type
        for element in script.elements
        for number in range(element.start_line, element.end_line)
    }


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_GAPS), st.lists(st.sampled_from(_LINES), min_size=1, max_size=3)
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=2),
    st.lists(st.sampled_from(_NEW), max_size=3),
)
def test_the_lines_around_read_as_in_the_whole_script(
    paragraphs: list[tuple[list[str], list[str]]], index: int, back: int, new: list[str]
) -> None:
    """What ``change_element`` parses (the paragraphs around the line, with its edit put
    in) reads every line as the whole script, so edited, does."""
    lines = [line for gap, paragraph in paragraphs for line in (*gap, *paragraph)]
    index = min(index, len(lines) - 1)
    first = max(0, index - back)
    window = around(lines, index - 2, index + 1, new)
    assert window.start <= first and index < window.end <= len(lines)
    probe = [*lines[window.start : first], *new, *lines[index + 1 : window.end]]
    read, _choice = window.read(probe)
    whole = [*lines[:first], *new, *lines[index + 1 :]]
    choice = bool(window.caseless)
    expected = _types(whole, 0, choice)
    for number in range(window.start, window.start + len(probe)):
        assert read.get(number) == expected.get(number), (number, whole[number])
    if window.caseless is not None:
        assert window.caseless == caseless_cues_for(lines)


def test_the_change_is_the_one_the_whole_script_gives(monkeypatch, corpus_dir: Path) -> None:
    """Every element on sampled lines of the corpus: the same change as when the whole
    script is parsed."""
    import reelwright.screenplay.element_change as module

    whole_window = module.Around
    scripts = ["Big-Fish.fountain", "Brick-and-Steel.fountain", "boneyard.fountain"]
    cases = []
    for name in scripts:
        lines = (corpus_dir / name).read_text("utf-8").split("\n")
        step = max(1, len(lines) // 15)
        cases += [(lines, index) for index in range(0, len(lines), step)]
    local = [[change_element(lines, i, target) for target in Target] for lines, i in cases]
    monkeypatch.setattr(
        module,
        "around",
        lambda lines, first, last, also=(): whole_window(0, len(lines), caseless_cues_for(lines)),
    )
    for (lines, index), changes in zip(cases, local, strict=True):
        for target, change in zip(Target, changes, strict=True):
            reference = change_element(lines, index, target)
            if change.caseless is None or reference.caseless is None:
                reference = replace(reference, caseless=change.caseless)
            assert change == reference, (index, target, lines[index])


@pytest.mark.parametrize(
    ("text", "index"),
    [
        # A comment opened above the paragraph before, closed below the paragraph after.
        ("A.\n\n/* cut\n\nB.\n\nMAYA\nHi.\n\nC.\n\nD.\n*/\n\nEnd.", 6),
        # A comment opened in the paragraph after, closed further down.
        ("MAYA\nHi.\n\nB.\n/* cut\n\nC.\n\nE.\n*/\n\nEnd.", 0),
        # A note over blank lines (two spaces keep them in it).
        ("[[ a note\n  \nstill ]]\n\nA.\n\nBOB\nHi.", 6),
        # The title page after blank lines at the top, read only from the top.
        ("\n\nTitle: X\nAuthor: Y\n\nMAYA\nHi.", 5),
        ("\n\nTitle: X\nAuthor: Y\n\nA.\n\nMAYA\nHi.", 7),
        # The line itself opens a comment that another closes far below.
        ("MAYA\nHi. /* cut\n\nA.\n\nB.\n\nC. */\n\nEnd.", 1),
    ],
)
def test_comments_notes_and_the_title_page_are_read_whole(text: str, index: int) -> None:
    lines = text.split("\n")
    window = around(lines, index - 2, index + 1)
    read, _ = window.read(lines[window.start : window.end])
    whole = _types(lines, 0, False)
    for number in range(window.start, window.end):
        assert read.get(number) == whole.get(number), (number, lines[number])
    for target in Target:
        change = change_element(lines, index, target)
        if change.reached:
            new = apply_change(lines, change)
            if change.pending:
                new.insert(change.line + 1, "Speech.")
            assert _types(new, 0, False).get(change.line) is target.element_type, target
