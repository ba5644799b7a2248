"""The index cards' Qt-free core (``screenplay.outline``): scenes and sections with their
lines, moving a scene, writing a synopsis, colouring a scene, and the minimal edit."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.outline import (
    build_outline,
    changed_span,
    move_scene,
    scene_color,
    set_scene_color,
    set_synopsis,
)
from reelwright.screenplay.parser import parse

SCRIPT = """Title: Cards
Author: Test

# Act One

INT. KITCHEN - DAY

= Maya finds the letter.

Maya reads.

MAYA
It was him.

# Act Two

EXT. HARBOUR - NIGHT [[red]]

Waves.

INT. CAR - NIGHT #7#

Rain.

/* Reelwright dictionary: Kestrel */"""


def headings(text: str) -> list[str]:
    return [s.heading for s in build_outline(parse(text)).scenes]


def body_lines(text: str) -> Counter[str]:
    return Counter(line for line in text.split("\n") if line.strip())


def test_outline_scenes_sections_and_tail() -> None:
    outline = build_outline(parse(SCRIPT))
    assert [s.title for s in outline.sections] == ["Act One", "Act Two"]
    kitchen, harbour, car = outline.scenes
    assert kitchen.heading == "INT. KITCHEN - DAY"
    assert kitchen.synopsis == "Maya finds the letter."
    assert kitchen.speakers == ("MAYA",)
    assert kitchen.first_lines == ("Maya reads.", "MAYA: It was him.")
    assert kitchen.section == 0 and harbour.section == 1 and car.section == 1
    assert harbour.color == "red" and harbour.heading == "EXT. HARBOUR - NIGHT"
    assert car.number == "7" and car.heading == "INT. CAR - NIGHT"
    lines = SCRIPT.split("\n")
    assert lines[outline.tail_line].startswith("/* Reelwright dictionary")
    assert car.end_line == outline.tail_line  # the dictionary block is never part of a scene
    assert kitchen.end_line == outline.sections[1].line


def test_move_a_scene_to_the_start_keeps_every_line() -> None:
    outline = build_outline(parse(SCRIPT))
    moved = move_scene(SCRIPT, outline, 2, outline.scenes[0].start_line)
    assert headings(moved) == ["INT. CAR - NIGHT", "INT. KITCHEN - DAY", "EXT. HARBOUR - NIGHT"]
    assert body_lines(moved) == body_lines(SCRIPT)
    assert moved.split("\n")[-1].startswith("/* Reelwright dictionary")  # the tail stays last
    again = build_outline(parse(moved))
    assert again.scenes[0].section == 0  # now under Act One
    assert again.scenes[1].synopsis == "Maya finds the letter."


def test_move_a_scene_to_the_end_and_into_an_empty_place() -> None:
    outline = build_outline(parse(SCRIPT))
    moved = move_scene(SCRIPT, outline, 0, outline.tail_line)
    assert headings(moved) == ["EXT. HARBOUR - NIGHT", "INT. CAR - NIGHT", "INT. KITCHEN - DAY"]
    assert body_lines(moved) == body_lines(SCRIPT)
    parsed = parse(moved)
    # Every heading still has a blank line before and after it: the parser reads it back.
    assert sum(e.type is ElementType.SCENE_HEADING for e in parsed.elements) == 3
    assert "\n\n/* Reelwright dictionary" in moved
    # Act One is now empty: a scene dropped into it lands before Act Two.
    emptied = build_outline(parsed)
    target = emptied.section_end(emptied.sections[0])
    back = move_scene(moved, emptied, 1, target)
    assert build_outline(parse(back)).scenes[0].heading == "INT. CAR - NIGHT"
    assert build_outline(parse(back)).scenes[0].section == 0


def test_move_rejects_a_line_inside_a_scene() -> None:
    outline = build_outline(parse(SCRIPT))
    with pytest.raises(ValueError, match="not the start of a scene"):
        move_scene(SCRIPT, outline, 0, outline.scenes[0].start_line + 2)
    with pytest.raises(IndexError):
        move_scene(SCRIPT, outline, 9, outline.tail_line)
    assert move_scene(SCRIPT, outline, 1, outline.scenes[1].start_line) == SCRIPT


def test_blank_lines_belong_to_places_not_scenes() -> None:
    # The last scene has no line break after it; moved first, it gets the blank line the
    # heading after it needs, and the script still ends the way it did.
    text = "INT. A - DAY\n\nOne.\n\n\nINT. B - DAY\n\nTwo."
    outline = build_outline(parse(text))
    moved = move_scene(text, outline, 1, 0)
    assert moved == "INT. B - DAY\n\nTwo.\n\n\nINT. A - DAY\n\nOne."
    assert headings(moved) == ["INT. B - DAY", "INT. A - DAY"]


@pytest.mark.parametrize(
    "name", ["Big-Fish.fountain", "The-Last-Birthday-Card.fountain", "sections.fountain"]
)
def test_moves_on_real_scripts_keep_the_text(corpus_dir: Path, name: str) -> None:
    text = (corpus_dir / name).read_text("utf-8").replace("\r\n", "\n")
    outline = build_outline(parse(text))
    count = len(outline.scenes)
    for source, target in ((0, count - 1), (count - 1, 0), (count // 2, 1)):
        outline = build_outline(parse(text))
        before = [s.heading for s in outline.scenes]
        line = outline.scenes[target].start_line
        moved = move_scene(text, outline, source, line)
        after = headings(moved)
        expected = list(before)
        expected.insert(target - (1 if target > source else 0), expected.pop(source))
        assert after == expected
        assert body_lines(moved) == body_lines(text)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_move_keeps_lines_and_order(data: st.DataObject) -> None:
    scenes = data.draw(st.integers(min_value=2, max_value=6))
    parts = []
    for index in range(scenes):
        if data.draw(st.booleans()):
            parts.append(f"# Part {index}")
        body = data.draw(st.sampled_from(["Action.", "BOB\nHello.", "= A synopsis.\n\nAction."]))
        parts.append(f"INT. PLACE {index} - DAY\n\n{body}")
    text = "\n\n".join(parts) + data.draw(st.sampled_from(["", "\n", "\n\n/* tail */"]))
    outline = build_outline(parse(text))
    source = data.draw(st.integers(min_value=0, max_value=scenes - 1))
    target = data.draw(st.sampled_from(outline.boundaries()))
    moved = move_scene(text, outline, source, target)
    assert body_lines(moved) == body_lines(text)
    assert sorted(headings(moved)) == sorted(headings(text))
    if text.endswith("/* tail */"):
        assert moved.endswith("/* tail */")


def test_synopsis_written_replaced_and_removed() -> None:
    outline = build_outline(parse(SCRIPT))
    added = set_synopsis(SCRIPT, outline, 1, "The boat is gone.")
    assert "EXT. HARBOUR - NIGHT [[red]]\n\n= The boat is gone.\n\nWaves." in added
    assert build_outline(parse(added)).scenes[1].synopsis == "The boat is gone."
    replaced = set_synopsis(SCRIPT, outline, 0, "She knows.\nHe lied.")
    assert "INT. KITCHEN - DAY\n\n= She knows.\n= He lied.\n\nMaya reads." in replaced
    assert build_outline(parse(replaced)).scenes[0].synopsis == "She knows. He lied."
    removed = set_synopsis(SCRIPT, outline, 0, "  ")
    assert "INT. KITCHEN - DAY\n\nMaya reads." in removed
    assert build_outline(parse(removed)).scenes[0].synopsis == ""


def test_colour_notes_in_the_heading() -> None:
    outline = build_outline(parse(SCRIPT))
    blue = set_scene_color(SCRIPT, outline, 2, "blue")
    assert "INT. CAR - NIGHT [[color blue]] #7#" in blue
    scene = build_outline(parse(blue)).scenes[2]
    assert scene.color == "blue" and scene.number == "7"
    recoloured = set_scene_color(SCRIPT, outline, 1, "green")
    assert "EXT. HARBOUR - NIGHT [[color green]]\n" in recoloured
    cleared = set_scene_color(SCRIPT, outline, 1, None)
    assert "EXT. HARBOUR - NIGHT\n" in cleared
    assert scene_color("INT. A - DAY [[a note about red herrings]]") is None
    assert scene_color("INT. A - DAY [[COLOR: #AA00ff]]") == "#aa00ff"
    with pytest.raises(ValueError):
        set_scene_color(SCRIPT, outline, 0, "plaid")


def test_changed_span_is_one_run_of_lines() -> None:
    assert changed_span("a\nb\nc\nd", "a\nX\nY\nd") == (1, 3, ["X", "Y"])
    assert changed_span("a\nb", "a\nb\nc") == (2, 2, ["c"])
    assert changed_span("a\nb\nc", "a\nc") == (1, 2, [])
    assert changed_span("same", "same") == (1, 1, [])
