"""The editor's line-by-line classifier agrees with the core parser on the whole corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.desktop.linekinds import Kind, classify
from reelwright.screenplay.parser import parse

CHECKED = {
    "scene_heading",
    "character",
    "dialogue",
    "parenthetical",
    "transition",
    "action",
    "centered",
    "lyrics",
    "section",
    "synopsis",
}
CORPUS = sorted(
    (Path(__file__).resolve().parent.parent.parent / "shared" / "corpus").glob("*.fountain")
)


def classify_all(lines: list[str]) -> list[Kind]:
    state = -1
    kinds = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        info = classify(line, state, following, first=index == 0)
        state = info.state
        kinds.append(info.kind)
    return kinds


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_line_kinds_match_the_parser(path: Path):
    text = path.read_text("utf-8-sig").replace("\r\n", "\n")
    lines = text.split("\n")
    expected: dict[int, str] = {}
    for element in parse(text).elements:
        for line in range(element.start_line, element.end_line):
            expected[line] = str(element.type)
    kinds = classify_all(lines)
    wrong = [
        (line, kind, kinds[line].name, lines[line])
        for line, kind in expected.items()
        if kind in CHECKED
        and kinds[line] is not Kind.NOTE  # note-only lines are dimmed as notes on purpose
        and kinds[line].name.lower() != kind
    ]
    assert wrong == []
    assert sum(1 for line, kind in expected.items() if kind in CHECKED) > 0


def test_cue_mark_and_the_line_under_a_cue():
    # A cue the writer marked is a cue before its dialogue exists...
    assert classify("MAYA", 0, "", cue_mark=True).kind is Kind.CHARACTER
    # ...and the empty line under it is where the speech goes.
    state = classify("MAYA", 0, "", cue_mark=True).state
    assert classify("", state, None).kind is Kind.DIALOGUE
    # Without the mark, Fountain's rule holds: no dialogue, no cue.
    assert classify("MAYA", 0, "").kind is Kind.ACTION


def test_boneyard_and_notes_keep_state_across_lines():
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
    kinds = classify_all(lines)
    assert kinds[2:7] == [
        Kind.TRANSITION,
        Kind.BONEYARD,
        Kind.BONEYARD,
        Kind.BONEYARD,
        Kind.SCENE_HEADING,
    ]
    assert kinds[8] is Kind.ACTION and kinds[9] is Kind.ACTION
