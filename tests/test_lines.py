"""The per-line classifier (screenplay/lines.py) agrees with the core parser line by line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from test_parser_properties import _ALL_FRAGMENTS as FRAGMENTS

from reelwright.screenplay.elements import RegionKind
from reelwright.screenplay.lines import (
    OPEN_BONEYARD,
    Kind,
    LineInfo,
    classify,
    classify_lines,
    following_line,
    title_page_extent,
)
from reelwright.screenplay.parser import parse, split_lines

CORPUS = sorted(
    (Path(__file__).resolve().parent.parent.parent / "shared" / "corpus").glob("*.fountain")
)


def disagreements(text: str) -> list[tuple[int, str, str, str]]:
    """(line, parser's type, classifier's kind, line) wherever the two differ.

    Lines the classifier dims as notes are left out (a note-only line is part of the
    parser's action or dialogue), so are lines outside every element and the title page.
    """
    lines = split_lines(text)
    script = parse(text)
    expected: dict[int, str] = {}
    for element in script.elements:
        for line in range(element.start_line, element.end_line):
            expected[line] = str(element.type)
    for region in script.regions:
        if region.kind is RegionKind.TITLE_PAGE:
            for line in range(region.start_line, region.end_line):
                expected[line] = "title_page"
    infos = classify_lines(lines)
    wrong = []
    for line, kind in sorted(expected.items()):
        got = infos[line].kind
        if got is Kind.NOTE or kind == "note":
            continue
        if got.name.lower() != kind:
            wrong.append((line, kind, got.name, lines[line]))
    return wrong


def unclosed_boneyard(text: str) -> bool:
    infos = classify_lines(split_lines(text))
    return bool(infos and infos[-1].state & OPEN_BONEYARD)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_line_kinds_match_the_parser_on_the_corpus(path: Path) -> None:
    text = path.read_text("utf-8-sig")
    assert disagreements(text) == []
    assert len(parse(text).elements) > 0


_line = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=4).map("".join)
_fountainish = st.lists(
    st.one_of(_line, st.just(""), st.just(""), st.just("  ")), min_size=0, max_size=24
).map("\n".join)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_fountainish, st.text(max_size=200)))
@example("JOHN (40s) sits on a hay bale.\nHe waits.")
@example("N\n([[)\n]]\nr")
@example("# Act\nINT. HOUSE - DAY\n\nBOB\n~la la\nhello")
@example("Title: X\nSome action\n\nBOB\nhi")
@example("A [[x\n~foo]] bar")
@example("BOB\n  \nhello\n\nINT. HOUSE\nSome action")
@example("Title:BOB [[x\nx]]CUT TO:")  # a title page holds no notes
@example("]]INT. HOUSE - DAY\n~la la\n  \n~la la")
@example("开场。\n\n张伟\n你好。\n～啦\n\n＠约翰 ＾\n嗨。")
def test_classifier_agrees_with_the_parser(text: str) -> None:
    # An unclosed /* hides the rest in the editor and is printed as typed: documented.
    assume(not unclosed_boneyard(text))
    assert disagreements(text) == []


def test_the_cue_rule_is_the_same_in_both() -> None:
    text = "JOHN (40s) sits on a hay bale.\nHe waits.\n\nMAYA (V.O.) (CONT'D) ^\nHi.\n"
    kinds = [info.kind for info in classify_lines(split_lines(text))]
    assert kinds[:2] == [Kind.ACTION, Kind.ACTION]
    assert kinds[3:5] == [Kind.CHARACTER, Kind.DIALOGUE]
    assert [e.type for e in parse(text).elements][:2] == ["action", "character"]


def test_cue_mark_and_the_line_under_a_cue() -> None:
    # A cue the writer marked is a cue before its dialogue exists...
    assert classify("MAYA", 0, "", cue_mark=True).kind is Kind.CHARACTER
    # ... and while its extension is being typed.
    assert classify("MAYA (V.O", 0, "", cue_mark=True).kind is Kind.CHARACTER
    assert classify("MAYA (V.O", 0, "Hello.").kind is Kind.ACTION
    # The empty line under it is where the speech goes.
    state = classify("MAYA", 0, "", cue_mark=True).state
    assert classify("", state, None).kind is Kind.DIALOGUE
    # Without the mark, Fountain's rule holds: no dialogue, no cue.
    assert classify("MAYA", 0, "").kind is Kind.ACTION


def test_boneyard_and_notes_keep_state_across_lines() -> None:
    lines = [
        "Rain.",
        "",
        "CUT TO:",
        "/*",
        "INT. GONE - DAY",
        "*/",
        "EXT. KEPT - DAY",
        "",
        "A [[note",
        "more]] b",
    ]
    kinds = [info.kind for info in classify_lines(lines)]
    assert kinds[2:7] == [
        Kind.TRANSITION,
        Kind.BONEYARD,
        Kind.BONEYARD,
        Kind.BONEYARD,
        Kind.SCENE_HEADING,
    ]
    assert kinds[8] is Kind.ACTION and kinds[9] is Kind.ACTION


def test_a_blank_line_ends_a_note() -> None:
    # Fountain: a note keeps an empty line only with two spaces in it.
    lines = ["A [[note", "", "BOB", "Hello."]
    kinds = [info.kind for info in classify_lines(lines)]
    assert kinds[2:] == [Kind.CHARACTER, Kind.DIALOGUE]


def test_lines_of_spaces_keep_a_paragraph_going() -> None:
    lines = ["BOB", "  ", "Hello.", "  ", "Again."]
    assert following_line(lines, 0) == "Hello."
    kinds = [info.kind for info in classify_lines(lines)]
    assert kinds == [Kind.CHARACTER, Kind.DIALOGUE, Kind.DIALOGUE, Kind.DIALOGUE, Kind.DIALOGUE]


def test_title_page_extent_follows_the_parser() -> None:
    assert title_page_extent(["", "Title: X", "   Sub", "Author: Y", "", "Rain."]) == (1, 4)
    assert title_page_extent(["FADE IN:", "", "Rain."]) is None
    assert title_page_extent(["Title: X", "Some action"]) is None
    # Without the caller's answer the first line guesses.
    guess = classify("Title: X", -1, "Author: Y", first=True)
    assert guess.kind is Kind.TITLE_PAGE
    assert classify("FADE IN:", -1, "", first=True).kind is not Kind.TITLE_PAGE


def test_line_info_is_plain_data() -> None:
    info = classify("INT. HOUSE - DAY", -1, None)
    assert info == LineInfo(Kind.SCENE_HEADING, int(Kind.SCENE_HEADING), "INT. HOUSE - DAY")


def test_importing_the_classifier_does_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import reelwright.screenplay.lines, reelwright.screenplay.vocabulary\n"
        "import reelwright.screenplay.parser, reelwright.screenplay.stats\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
