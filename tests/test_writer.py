"""Canonical Fountain out of the element model, and the parse/write/parse round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.parser import parse, parse_file
from reelwright.screenplay.writer import write

T = ElementType
SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample.fountain"


def key(script: Script) -> list[tuple[object, ...]]:
    return [(e.type, e.text, e.scene_number, e.depth, e.dual) for e in script.elements]


def script_of(*elements: Element, title: dict[str, str] | None = None) -> Script:
    return Script(title_page=title or {}, elements=list(elements))


def test_canonical_layout() -> None:
    text = (
        "Title: Short\nAuthor: Me\n\nINT. ROOM - DAY #4A#\n\nA chair.\n\nBOB\n(quietly)\n"
        "Hi.\n\nAMY ^\nHey.\n\nCUT TO:\n\n# Act\n\n= Gist.\n\n===\n\n[[A note]]\n\n>END<\n"
    )
    assert write(parse(text)) == text


def test_upper_case_action_line_is_forced() -> None:
    written = write(script_of(Element(T.ACTION, "SCANNING THE AISLES...\nNothing.", 0, 2)))
    assert written == "!SCANNING THE AISLES...\nNothing.\n"


@pytest.mark.parametrize(
    "text",
    [
        "INT. NOT A HEADING",
        "CUT TO:",
        "~not a lyric",
        "# not a section",
        "= nor a synopsis",
        ">nor centered<",
        "@nor a cue",
        ".NOR A HEADING",
        "===",
        "[[not a note]]",
        "",
    ],
)
def test_action_that_would_be_read_as_something_else_is_forced(text: str) -> None:
    written = write(script_of(Element(T.ACTION, text, 0, 1)))
    assert written.startswith("!")
    assert key(parse(written)) == [(T.ACTION, text, None, 0, False)]


def test_later_action_lines_that_look_special_are_forced() -> None:
    element = Element(T.ACTION, "He types:\n# not a section\n\nand waits.", 0, 4)
    written = write(script_of(element))
    assert written == "He types:\n!# not a section\n  \nand waits.\n"
    assert parse(written).elements[0].text == element.text


def test_cue_that_would_not_be_recognised_gets_an_at() -> None:
    written = write(
        script_of(Element(T.CHARACTER, "McClane", 0, 1), Element(T.DIALOGUE, "Yippee.", 1, 2))
    )
    assert written == "@McClane\nYippee.\n"


def test_heading_without_int_ext_gets_a_dot() -> None:
    written = write(script_of(Element(T.SCENE_HEADING, "SNIPER SCOPE POV", 0, 1, "7")))
    assert written == ".SNIPER SCOPE POV #7#\n"


def test_transition_without_to_gets_a_chevron() -> None:
    assert write(script_of(Element(T.TRANSITION, "DISSOLVE.", 0, 1))) == ">DISSOLVE.\n"
    assert write(script_of(Element(T.TRANSITION, "FADE OUT.", 0, 1))) == "FADE OUT.\n"
    assert write(script_of(Element(T.ACTION, "FADE OUT.", 0, 1))) == "!FADE OUT.\n"
    assert write(script_of(Element(T.TRANSITION, "CUT TO:", 0, 1))) == "CUT TO:\n"


def test_empty_lines_inside_dialogue_are_two_spaces() -> None:
    script = parse("DEALER\nDealer gets a seven.\n  \nHit or stand sir?")
    assert write(script) == "DEALER\nDealer gets a seven.\n  \nHit or stand sir?\n"


def test_first_paragraph_that_looks_like_a_title_page_is_forced() -> None:
    written = write(script_of(Element(T.ACTION, "Title: a sign on the door", 0, 1)))
    assert written == "!Title: a sign on the door\n"
    assert parse(written).title_page == {}


def test_multi_line_title_values() -> None:
    script = script_of(title={"Title": "ONE\nTWO", "Contact": "a\nb", "Draft date": ""})
    written = write(script)
    assert written == "Title:\n    ONE\n    TWO\nContact:\n    a\n    b\nDraft date:\n"
    assert parse(written).title_page == script.title_page


def test_lyrics_inside_a_speech_stay_in_it() -> None:
    text = "TOMASZ\n~Oh the tide\nThat's all.\n"
    assert write(parse(text)) == text


def test_empty_script() -> None:
    assert write(Script()) == ""


def test_round_trip_on_every_corpus_script_and_the_sample(corpus_dir: Path) -> None:
    for path in [*sorted(corpus_dir.glob("*.fountain")), SAMPLE]:
        first = parse_file(path)
        written = write(first)
        second = parse(written)
        assert key(second) == key(first), path.name
        assert second.title_page == first.title_page, path.name
        assert write(second) == written, path.name


@pytest.mark.parametrize(
    "text",
    [
        # Cases hypothesis found: an empty line inside a note that spans lyric lines, a
        # forced cue with no name, action of empty lines, lyrics ending a speech.
        "~la la[[\n  \nINT. HOUSE - DAY",
        "@^\nINT. HOUSE - DAY",
        "!\n!",
        "INT. HOUSE - DAY\n[[\n\n~",
        "INT. HOUSE - DAY\n~la la",
        "~la la[[\nINT. HOUSE - DAY",
    ],
)
def test_round_trip_regressions(text: str) -> None:
    first = parse(text)
    assert key(parse(write(first))) == key(first)


def test_a_forced_cue_needs_a_name() -> None:
    assert [e.type for e in parse("@^\nHello.").elements] == [T.ACTION]


def test_a_speech_that_reads_as_notes_only_gets_an_at() -> None:
    # The cue opens a note the dialogue closes: without "@" the paragraph is one note.
    text = "[[ .FLASHBACK\n>\nCUT TO:[[ b]]\n~BOB"
    first = parse(text)
    assert [e.type for e in first.elements] == [T.CHARACTER, T.DIALOGUE, T.LYRICS]
    written = write(first)
    assert written.startswith("@[[ .FLASHBACK\n")
    assert key(parse(written)) == key(first)


def test_title_like_first_paragraph_up_to_a_line_of_spaces_is_forced() -> None:
    first = parse("Title: T\n!\nEXT. ROAD")
    assert first.title_page == {}
    written = write(first)
    assert written.startswith("!Title: T\n  \n")
    assert key(parse(written)) == key(first)
