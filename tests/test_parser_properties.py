"""Property tests: any text parses, elements and regions cover it, write/parse round trip."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reelwright.screenplay.elements import Script
from reelwright.screenplay.parser import parse
from reelwright.screenplay.writer import write

# Pieces of lines that exercise every rule, so random text hits the interesting paths.
_FRAGMENTS = [
    "INT. HOUSE - DAY",
    "EXT. ROAD",
    "I/E CAR",
    "int. kitchen",
    ".FLASHBACK",
    "...",
    "#1A#",
    " #2#",
    "BOB",
    "BOB (V.O.)",
    "@mary",
    "@张伟",
    "ИВАН",
    "^",
    " ^",
    "(beat)",
    "（beat）",
    "([[)",
    "(",
    ")",
    "CUT TO:",
    "> FADE OUT",
    ">THE END<",
    "~la la",
    "!",
    "!LOUD",
    "# Act",
    "## Scene",
    "= synopsis",
    "===",
    "==",
    "[[note]]",
    "[[",
    "]]",
    "/*",
    "*/",
    "*it*",
    "**b**",
    "_u_",
    "\\*",
    "Title: X",
    "Author: Y",
    "Key:",
    "   value",
    "\t",
    "  ",
    " ",
    "word",
    "Some action.",
    "lower case",
    "é",
    "TO:",
    ":",
    "@",
    ".",
    "=",
    "#",
    "~",
    ">",
    "<",
    "[",
    "\r",
]

_CJK_FRAGMENTS = [
    "＠",
    "！",
    "～",
    "＃",
    "＝",
    "＞",
    "＜",
    "．",
    "＾",
    "（",
    "）",
    "［［",
    "］］",
    "：",
    "。",
    "张伟",
    "约翰",
    "门开了",
    "你好。",
    "INT。 医院-天",
    "．医院",
    "Title：电影",
    "Caseless cues: ",
    "yes",
    "no",
    "　",
]
"""Chinese and Japanese input: full-width marks, names without letter case (issue 21)."""
_ALL_FRAGMENTS = _FRAGMENTS + _CJK_FRAGMENTS

_line = st.lists(st.sampled_from(_ALL_FRAGMENTS), min_size=0, max_size=4).map("".join)
_fountainish = st.lists(
    st.one_of(_line, st.just(""), st.just(""), st.just("  ")), min_size=0, max_size=30
).map("\n".join)
_any_text = st.one_of(_fountainish, st.text(max_size=300))


def assert_covers(script: Script, first_line: int = 0) -> None:
    """Element ranges and regions cover every line once, in order, with no gap."""
    spans = sorted(
        [(e.start_line, e.end_line) for e in script.elements]
        + [(r.start_line, r.end_line) for r in script.regions]
    )
    position = first_line
    for start, end in spans:
        assert start == position, (start, end, position)
        assert end > start
        position = end
    assert position == first_line + script.line_count
    # Elements come in source order.
    starts = [e.start_line for e in script.elements]
    assert starts == sorted(starts)


def element_key(script: Script) -> list[tuple[object, ...]]:
    return [(e.type, e.text, e.scene_number, e.depth, e.dual) for e in script.elements]


def marks_kept(first: Script, second: Script) -> bool:
    """The full-width marks written back are the ones typed (a forcing mark that is not
    needed is left out, as an ASCII one is), and the title page keeps its colons."""
    return first.title_marks == second.title_marks and all(
        set(b.marks) <= set(a.marks) for a, b in zip(first.elements, second.elements, strict=True)
    )


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text)
def test_any_text_parses_and_is_covered(text: str) -> None:
    script = parse(text)
    assert_covers(script)


@settings(max_examples=150)
@given(_any_text, st.integers(min_value=0, max_value=5000))
def test_first_line_offsets_everything(text: str, first_line: int) -> None:
    script = parse(text, first_line=first_line)
    assert_covers(script, first_line)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(_any_text)
@example("N\n([[)\n]]\nr")  # issue 18 item 9: a note from a parenthetical into the speech
@example("BOB [[NOTE\n~still]] here\nHello.")
@example("JOHN (40s) sits on a hay bale.\nHe waits.")
def test_write_parse_round_trip(text: str) -> None:
    first = parse(text)
    written = write(first)
    second = parse(written)
    assert element_key(second) == element_key(first), written
    assert marks_kept(first, second), written
    assert second.title_page == first.title_page
    # Canonical text is a fixed point.
    assert write(second) == written
