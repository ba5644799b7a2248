"""The Fountain vocabulary: one answer for every view (headings, cues, notes, title page)."""

from __future__ import annotations

import pytest

from reelwright.screenplay.vocabulary import (
    Cue,
    character_name,
    could_be_cue,
    cue_name,
    is_cue_text,
    is_heading_text,
    is_time_of_day,
    is_transition_name,
    is_transition_text,
    note_open_after,
    notes_in,
    printed_text,
    split_cue,
    split_heading,
    split_scene_number,
    strip_boneyard,
    strip_notes,
    title_page_entries,
    title_value_text,
)


@pytest.mark.parametrize(
    ("heading", "parts"),
    [
        ("INT. HOUSE - KITCHEN - DAY", ("INT", "HOUSE - KITCHEN", "DAY")),
        ("INT. / EXT. CAR -- NIGHT", ("INT/EXT", "CAR", "NIGHT")),
        ("INT./EXT. CAR - NIGHT", ("INT/EXT", "CAR", "NIGHT")),
        ("I/E CAR", ("INT/EXT", "CAR", "")),
        ("EXT/INT. PORCH - DUSK", ("INT/EXT", "PORCH", "DUSK")),
        ("INT. WILL'S BEDROOM - NIGHT (1973)", ("INT", "WILL'S BEDROOM", "NIGHT (1973)")),
        ("INT. HOUSE - DAY - CONTINUOUS", ("INT", "HOUSE", "DAY - CONTINUOUS")),
        ("INT. SCHOOL - DAY CARE CENTER - DAY", ("INT", "SCHOOL - DAY CARE CENTER", "DAY")),
        ("EXT. ROAD--NIGHT", ("EXT", "ROAD", "NIGHT")),
        ("EXT. X-RAY ROOM - LATER THAT NIGHT", ("EXT", "X-RAY ROOM", "LATER THAT NIGHT")),
        ("int. kitchen - night", ("INT", "kitchen", "night")),
        ("INSERT - THE LOGBOOK", ("", "INSERT - THE LOGBOOK", "")),
        (".FLASHBACK - NIGHT #12A#", ("", "FLASHBACK", "NIGHT")),
        ("INT. HOUSE [[fix]] - DAY", ("INT", "HOUSE", "DAY")),
        ("EST. SKYLINE, DAWN", ("EST", "SKYLINE", "DAWN")),
        ("INTERIOR DESIGNER - DAY", ("", "INTERIOR DESIGNER", "DAY")),
    ],
)
def test_one_location_and_time_split(heading: str, parts: tuple[str, str, str]) -> None:
    assert split_heading(heading) == parts


@pytest.mark.parametrize(
    ("part", "is_time"),
    [
        ("DAY", True),
        ("NIGHT (1973)", True),
        ("EARLY MORNING", True),
        ("DAY 2", True),
        ("DAY CARE CENTER", False),
        ("KITCHEN", False),
        ("", False),
    ],
)
def test_times_of_day(part: str, is_time: bool) -> None:
    assert is_time_of_day(part) is is_time


@pytest.mark.parametrize(
    "line",
    ["INT. HOUSE", "ext road", "EST. CITY", "INT./EXT. CAR", "I/E VAN", "I./E. VAN", "E/I. X"],
)
def test_heading_prefixes(line: str) -> None:
    assert is_heading_text(line)


@pytest.mark.parametrize("line", ["INTERIOR", "ESTATE SALE", "INT", "EXTRA! EXTRA!", "I/EXIT"])
def test_words_that_only_start_like_a_prefix(line: str) -> None:
    assert not is_heading_text(line)


def test_scene_numbers_of_any_length_split_off() -> None:
    assert split_scene_number("INT. HOUSE - DAY #12A#") == ("INT. HOUSE - DAY", "12A")
    assert split_scene_number("INT. HOUSE#12#") == ("INT. HOUSE#12#", None)
    long = "1" * 50_000
    assert split_scene_number(f"INT. HOUSE #{long}#") == ("INT. HOUSE", long)


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("MAYA", True),
        ("MAYA (V.O.) (CONT'D) ^", True),
        ("MAYA (cont'd)", True),
        ("MICHAEL (as DOROTHY)", True),
        ("BILL / THE MONSTER", True),
        ("C-3PO", True),
        ("张伟（画外音）", False),  # no cased letter: the caseless rule decides, not this one
        ("MAYA [[who?]]", True),
        ("JOHN (40s) sits on a hay bale.", False),
        ("SARAH (30s, tired) enters.", False),
        ("MAYA (V.O.", False),
        ("(V.O.)", False),
        ("McClane", False),
        ("123", False),
    ],
)
def test_the_cue_rule(line: str, cue: bool) -> None:
    assert is_cue_text(line) is cue


def test_a_cue_being_typed() -> None:
    assert could_be_cue("MAYA (V.O")
    assert could_be_cue("MAYA")
    assert not could_be_cue("MAYA (V.O.) says")
    assert not could_be_cue("(V.O")


def test_cue_parts() -> None:
    assert split_cue("@McCLANE (V.O.) (CONT'D) ^") == Cue("McCLANE", ("V.O.", "CONT'D"), True, True)
    assert split_cue("MAYA") == Cue("MAYA", (), False, False)
    assert split_cue("张伟（画外音）") == Cue("张伟", ("画外音",), False, False)


@pytest.mark.parametrize(
    ("text", "name", "printed"),
    [
        ("MAYA (V.O.) (CONT'D) ^", "MAYA", "MAYA"),
        ("@McClane (O.S.)", "McClane", "MCCLANE"),
        ("MAYA (cont'd) [[loud]]", "MAYA", "MAYA"),
        ("  MARY  ANN  ", "MARY ANN", "MARY ANN"),
        ("*MAYA*", "MAYA", "MAYA"),
        ("张伟（画外音）", "张伟", "张伟"),
    ],
)
def test_cue_names(text: str, name: str, printed: str) -> None:
    assert cue_name(text) == name
    assert character_name(text) == printed


def test_transitions() -> None:
    assert is_transition_text("CUT TO:")
    assert not is_transition_text("cut to:")
    assert is_transition_name("MATCH CUT TO:")
    assert is_transition_name("> FADE OUT.")
    assert is_transition_name("fade to black.")
    assert not is_transition_name("MAYA")


def test_notes() -> None:
    assert strip_notes("A [[one]] b [[two]] c") == "A  b  c"
    assert strip_notes("A [[open") == "A [[open"
    assert strip_notes("[[[x]]]") == "]"
    assert strip_notes("a [[x\ny]] b") == "a  b"
    assert notes_in("A [[one]] b [[ two ]]") == ["one", " two "]
    assert note_open_after("A [[x", False)
    assert not note_open_after("x]] b", True)
    assert note_open_after("x]] b [[c", True)


def test_boneyard_line_by_line() -> None:
    assert strip_boneyard("a /* b */ c", False) == ("a  c", False)
    assert strip_boneyard("a /* b", False) == ("a ", True)
    assert strip_boneyard("b */ c", True) == (" c", False)
    assert strip_boneyard("/*/", False) == ("", True)


def test_title_page_values() -> None:
    assert title_value_text("*The* Last [[draft?]]\n   Crossing") == "The Last Crossing"
    assert title_value_text("Line one\n\nLine _two_", one_line=False) == "Line one\nLine two"
    assert printed_text("**Bold** [[note]] \\*star") == "Bold  *star"
    assert title_page_entries(["Title: X", "   more", "Custom: y"]) == [
        ("Title", ["X", "more"]),
        ("Custom", ["y"]),
    ]
    assert title_page_entries(["FADE IN:"]) is None
    assert title_page_entries(["Title: X", "Some action"]) is None


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("张伟", "张伟赶到医院。", ["张伟"]),  # no spaces in Chinese: found in its sentence
        ("Tom", "Tom来了，Tomas没来。", ["Tom"]),  # a Latin name against Chinese is whole
        ("Jenny", "Jenny, Jennyfer and jenny", ["Jenny"]),
        ("민수", "민수가 왔다", ["민수"]),  # Korean particles join the name
        ("(V.O.)", "MAYA (V.O.)", ["(V.O.)"]),
    ],
)
def test_bounded_whole_words(name: str, text: str, found: list[str]) -> None:
    import re

    from reelwright.screenplay.vocabulary import bounded

    assert re.findall(bounded(re.escape(name), name), text) == found


@pytest.mark.parametrize(
    ("time", "period"),
    [
        ("NIGHT", "night"),
        ("LATER THAT NIGHT", "night"),
        ("DAY - CONTINUOUS", "day"),
        ("EARLY MORNING (1973)", "day"),
        ("MAGIC HOUR", "dawn/dusk"),
        ("CONTINUOUS", "carried"),
        ("MOMENTS LATER", "carried"),
        ("DAYS", None),
        ("黎明", "dawn/dusk"),
        ("次日清晨", "dawn/dusk"),
        ("深夜", "night"),
        ("同時刻", "carried"),
        ("", None),
    ],
)
def test_time_period(time: str, period: str | None) -> None:
    from reelwright.screenplay.vocabulary import CJK_TIMES_OF_DAY, TIMES_OF_DAY, time_period

    assert time_period(time) == period
    assert all(time_period(t) is not None for t in (*TIMES_OF_DAY, *CJK_TIMES_OF_DAY))
