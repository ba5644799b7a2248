"""One test per Fountain rule and per edge case of FORMAT.md (the traps included)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_parser_properties import assert_covers

from reelwright.screenplay.elements import ElementType, RegionKind, Script
from reelwright.screenplay.parser import parse, parse_file, scene_at_line

T = ElementType


def kinds(text: str) -> list[tuple[str, str]]:
    script = parse(text)
    assert_covers(script)
    return [(str(e.type), e.text) for e in script.elements]


# Rule 1: action ------------------------------------------------------------------------


def test_anything_else_is_action_and_line_breaks_are_kept() -> None:
    assert kinds("It's a sunny day.\nSunnier than normal.") == [
        ("action", "It's a sunny day.\nSunnier than normal.")
    ]


def test_tabs_become_four_spaces_and_leading_spaces_in_action_are_kept() -> None:
    assert kinds("\tIndented\n\n  two") == [("action", "    Indented"), ("action", "  two")]


# Rule 2: scene headings ---------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "INT. HOUSE - DAY",
        "EXT. ROAD - NIGHT",
        "EST. CITY SKYLINE",
        "INT./EXT. CAR - MOVING",
        "INT/EXT CAR",
        "I/E TRAIN",
        "int. kitchen - day",
        "INT HOUSE",
        # Decisions: more spellings of "inside and outside".
        "I./E. PORCH",
        "E/I BARN",
        "EXT./INT. SHED",
        "EXT/INT SHED",
        "INT. / EXT. VAN",
    ],
)
def test_scene_heading_prefixes(heading: str) -> None:
    assert kinds(f"Action.\n\n{heading}\n\nMore action.")[1] == ("scene_heading", heading)


@pytest.mark.parametrize("line", ["INTERIOR DESIGNER", "ESTATE SALE", "INT", "EXTRA! EXTRA!"])
def test_words_that_only_start_like_a_heading_are_not_one(line: str) -> None:
    assert kinds(line)[0][0] != "scene_heading"


def test_heading_needs_a_blank_line_after() -> None:
    # Without the blank line after it is action: a line that starts like a heading is
    # never a character's name (the Fountain authors' parser reads it so; screenplain
    # makes it a cue).
    assert kinds("INT. HOUSE - DAY\nJohn enters.") == [("action", "INT. HOUSE - DAY\nJohn enters.")]
    assert kinds("INT. HOUSE - DAY\nEXT. HOUSE - DAY") == [
        ("action", "INT. HOUSE - DAY\nEXT. HOUSE - DAY")
    ]
    assert kinds("int. house - day\nJohn enters.") == [("action", "int. house - day\nJohn enters.")]


def test_heading_needs_a_blank_line_before() -> None:
    assert kinds("John waits.\nINT. HOUSE - DAY\n") == [("action", "John waits.\nINT. HOUSE - DAY")]


def test_heading_at_the_start_and_end_of_the_script() -> None:
    assert kinds("EXT. FIELD") == [("scene_heading", "EXT. FIELD")]


# Rule 3: forced headings --------------------------------------------------------------


def test_forced_heading() -> None:
    script = parse("\n.SNIPER SCOPE POV\n\nA gun.")
    heading = script.elements[0]
    assert (heading.type, heading.text, heading.forced) == (
        T.SCENE_HEADING,
        "SNIPER SCOPE POV",
        True,
    )


def test_forced_heading_only_needs_the_blank_line_before() -> None:
    assert kinds(".FLASHBACK\nJohn runs.") == [
        ("scene_heading", "FLASHBACK"),
        ("action", "John runs."),
    ]


@pytest.mark.parametrize("line", ["...and then nothing.", ". Not a heading", ".-dash"])
def test_a_dot_not_followed_by_a_letter_or_digit_does_not_force(line: str) -> None:
    assert kinds(line) == [("action", line)]


# Rule 4: scene numbers ----------------------------------------------------------------


@pytest.mark.parametrize("number", ["1", "1A", "A1", "I-1-A", "2-B", "110.5"])
def test_scene_numbers(number: str) -> None:
    element = parse(f"INT. HOUSE - DAY #{number}#").elements[0]
    assert (element.text, element.scene_number) == ("INT. HOUSE - DAY", number)


def test_scene_number_on_a_forced_heading() -> None:
    element = parse(".MONTAGE #12#").elements[0]
    assert (element.text, element.scene_number) == ("MONTAGE", "12")


def test_scene_number_needs_a_space_before_it() -> None:
    element = parse("INT. ROOM#1#").elements[0]
    assert (element.text, element.scene_number) == ("INT. ROOM#1#", None)


# Rule 5: forced action ----------------------------------------------------------------


def test_forced_action() -> None:
    script = parse("!THIS IS FORCED ACTION\nThis is another line of action!")
    element = script.elements[0]
    assert (element.type, element.forced) == (T.ACTION, True)
    assert element.text == "THIS IS FORCED ACTION\nThis is another line of action!"


def test_forced_action_keeps_a_heading_as_action() -> None:
    assert kinds("!INT. NOT A HEADING") == [("action", "INT. NOT A HEADING")]


# Rule 6: characters -------------------------------------------------------------------


@pytest.mark.parametrize(
    "cue",
    [
        "MAYA",
        "MAYA (cont'd)",
        "MAYA (V.O.)",
        "C-3PO",
        "GROUPIE #1",
        "SARAH'S FRIEND",
        "BILL / THE MONSTER",
        "MICHAEL (as DOROTHY)",
        "HANS (on the radio)",
        "ÉMILE",
    ],
)
def test_character_cues(cue: str) -> None:
    assert kinds(f"{cue}\nHello.") == [("character", cue), ("dialogue", "Hello.")]


@pytest.mark.parametrize(
    ("line", "cue"),
    [("@McCLANE", "McCLANE"), ("@张伟", "张伟"), ("@lowercase name", "lowercase name")],
)
def test_forced_character(line: str, cue: str) -> None:
    script = parse(f"{line}\nYippee.")
    element = script.elements[0]
    assert (element.type, element.text, element.forced) == (T.CHARACTER, cue, True)


@pytest.mark.parametrize(
    "line",
    [
        "JOHN (40s) sits on a hay bale.",
        "SARAH (30s, tired) enters.",
        "BOB (V.O.) and then he leaves",
        "MAYA (V.O.",
        "ANNA (20s) ^ waves",
    ],
)
def test_text_after_the_extension_makes_the_line_action(line: str) -> None:
    # FORMAT.md rule 6 (Beat's reading): after the last ")" only whitespace or a "^".
    assert kinds(f"{line}\nHe waits.") == [("action", f"{line}\nHe waits.")]


@pytest.mark.parametrize(
    ("line", "cue", "dual"),
    [
        ("MAYA (V.O.) (CONT'D)", "MAYA (V.O.) (CONT'D)", False),
        ("MAYA (V.O.) (CONT'D) ^", "MAYA (V.O.) (CONT'D)", True),
        ("MAYA (V.O.)   ", "MAYA (V.O.)", False),
        ("MAYA（画外音）", "MAYA（画外音）", False),
    ],
)
def test_extensions_then_only_whitespace_or_a_caret(line: str, cue: str, dual: bool) -> None:
    text = f"BOB\nHi.\n\n{line}\nHello."
    element = parse(text).elements[2]
    assert (element.type, element.text, element.dual) == (T.CHARACTER, cue, dual)


def test_cue_needs_a_line_after_it() -> None:
    assert kinds("Action.\n\nBOB\n\nMore.") == [
        ("action", "Action."),
        ("action", "BOB"),
        ("action", "More."),
    ]


def test_cue_needs_a_blank_line_before_it() -> None:
    assert kinds("John waits.\nBOB\nHello.") == [("action", "John waits.\nBOB\nHello.")]


def test_cue_needs_a_letter() -> None:
    assert kinds("123\nfour") == [("action", "123\nfour")]
    # The letters must be in the name, not only in the extension (the Fountain authors'
    # parser makes this a cue; FORMAT.md rule 6 does not).
    assert kinds("23 (O.S.)\nfour") == [("action", "23 (O.S.)\nfour")]


def test_mixed_case_name_is_not_a_cue() -> None:
    assert kinds("McClane\nYippee.") == [("action", "McClane\nYippee.")]


def test_trap_upper_case_action_followed_by_action_is_a_cue() -> None:
    # FORMAT.md's trap: by the rules this is a character cue; "!" is the way out.
    assert kinds("SCANNING THE AISLES...\nHe finds nothing.") == [
        ("character", "SCANNING THE AISLES..."),
        ("dialogue", "He finds nothing."),
    ]
    assert kinds("!SCANNING THE AISLES...\nHe finds nothing.") == [
        ("action", "SCANNING THE AISLES...\nHe finds nothing.")
    ]


# Rules 7 and 8: dialogue and parentheticals ------------------------------------------


def test_dialogue_runs_to_the_blank_line() -> None:
    assert kinds("GURL\nNothing much.\nJust thinking.\n\nShe leaves.") == [
        ("character", "GURL"),
        ("dialogue", "Nothing much.\nJust thinking."),
        ("action", "She leaves."),
    ]


def test_two_spaces_keep_an_empty_line_in_dialogue() -> None:
    script = parse("DEALER\nDealer gets a seven.\n  \nHit or stand sir?")
    assert [(e.type, e.text, e.start_line, e.end_line) for e in script.elements] == [
        (T.CHARACTER, "DEALER", 0, 1),
        (T.DIALOGUE, "Dealer gets a seven.\n\nHit or stand sir?", 1, 4),
    ]


def test_one_space_is_a_blank_line() -> None:
    assert kinds("BOB\nHi.\n \nShe leaves.") == [
        ("character", "BOB"),
        ("dialogue", "Hi."),
        ("action", "She leaves."),
    ]


def test_parentheticals_between_dialogue() -> None:
    assert kinds("STEEL\n(beer raised)\nTo retirement.\n(pause)\nAgain.") == [
        ("character", "STEEL"),
        ("parenthetical", "(beer raised)"),
        ("dialogue", "To retirement."),
        ("parenthetical", "(pause)"),
        ("dialogue", "Again."),
    ]


def test_indented_speech_is_read_without_its_indent() -> None:
    assert kinds("\t\t\tJACK\n\t\t(quietly)\n\t*Did you know?*") == [
        ("character", "JACK"),
        ("parenthetical", "(quietly)"),
        ("dialogue", "*Did you know?*"),
    ]


# Rule 9: dual dialogue ----------------------------------------------------------------


def test_dual_dialogue_marks_the_second_cue() -> None:
    script = parse("BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.")
    cues = [e for e in script.elements if e.type is T.CHARACTER]
    assert [(c.text, c.dual) for c in cues] == [("BRICK", False), ("STEEL", True)]


def test_dual_caret_without_a_speech_before_is_dropped() -> None:
    script = parse("A field.\n\nGUY^\nHello!")
    assert (script.elements[1].text, script.elements[1].dual) == ("GUY", False)


def test_a_third_caret_does_not_make_three_columns() -> None:
    script = parse("A\nOne.\n\nB^\nTwo.\n\nC^\nThree.")
    assert [e.dual for e in script.elements if e.type is T.CHARACTER] == [False, True, False]


def test_forced_cue_with_dual_caret() -> None:
    script = parse("@张伟\n你好。\n\n@李娜 ^\n你好！")
    assert [(e.text, e.dual) for e in script.elements if e.type is T.CHARACTER] == [
        ("张伟", False),
        ("李娜", True),
    ]


# Rule 10: lyrics ----------------------------------------------------------------------


def test_lyrics() -> None:
    assert kinds("~Willy Wonka!\n~Willy Wonka!") == [("lyrics", "Willy Wonka!\nWilly Wonka!")]


def test_lyrics_inside_a_speech() -> None:
    assert kinds("TOMASZ\n(sings)\n~Oh the tide\nThat's all.") == [
        ("character", "TOMASZ"),
        ("parenthetical", "(sings)"),
        ("lyrics", "Oh the tide"),
        ("dialogue", "That's all."),
    ]


# Rule 11: transitions -----------------------------------------------------------------


def test_transition() -> None:
    assert kinds("Bang.\n\nSMASH CUT TO:\n\nINT. ROOM") == [
        ("action", "Bang."),
        ("transition", "SMASH CUT TO:"),
        ("scene_heading", "INT. ROOM"),
    ]


def test_transition_must_be_upper_case_and_alone() -> None:
    assert kinds("Cut to:") == [("action", "Cut to:")]
    assert kinds("Fade out.") == [("action", "Fade out.")]
    assert kinds("FADE OUT") == [("action", "FADE OUT")]


@pytest.mark.parametrize("line", ["FADE OUT.", "FADE TO BLACK.", "CUT TO BLACK."])
def test_transitions_that_end_a_script(line: str) -> None:
    # The Fountain authors' parser (and their tests) know these without ">".
    assert kinds(f"Rain.\n\n{line}\n\nTHE END") == [
        ("action", "Rain."),
        ("transition", line),
        ("action", "THE END"),
    ]
    assert kinds("He walks.\nCUT TO:")[0][0] == "action"


def test_spaces_after_a_transition_do_not_change_it() -> None:
    # screenplain, Jouvence and the Fountain authors' parser read "CUT TO:  " as action;
    # spaces nobody can see should not change what prints, so it stays a transition here.
    assert kinds("CUT TO:  ") == [("transition", "CUT TO:")]


def test_indented_transition() -> None:
    assert kinds("\t\t\t\tCUT TO:") == [("transition", "CUT TO:")]


def test_forced_transition() -> None:
    script = parse("> Black screen indicating a discontinuity of time.")
    element = script.elements[0]
    assert (element.type, element.text, element.forced) == (
        T.TRANSITION,
        "Black screen indicating a discontinuity of time.",
        True,
    )


# Rule 12: centered text ---------------------------------------------------------------


def test_centered_text() -> None:
    assert kinds("> BRICK BRADDOCK <\n> & DICK STEEL IN <") == [
        ("centered", "BRICK BRADDOCK\n& DICK STEEL IN")
    ]


def test_centered_inside_action() -> None:
    assert kinds("She reads:\n>THE END<\nAnd smiles.") == [
        ("action", "She reads:"),
        ("centered", "THE END"),
        ("action", "And smiles."),
    ]


# Rule 13: emphasis stays in the text (tests/test_emphasis.py parses it) -----------------


def test_emphasis_markers_are_kept_in_element_text() -> None:
    assert kinds("_Steel's face FILLS the *Leupold Mark 4* scope_.") == [
        ("action", "_Steel's face FILLS the *Leupold Mark 4* scope_.")
    ]


# Rule 14: title page ------------------------------------------------------------------


def test_title_page_keys_and_multi_line_values() -> None:
    text = (
        "Title:\n\t_**BRICK & STEEL**_\n\t_**FULL RETIRED**_\nCredit: Written by\n"
        "Author: Stu Maschwitz\nContact:\n    Next Level Productions\n    Solvang, CA\n"
        "Revision: Blue\n\nEXT. PATIO - DAY\n"
    )
    script = parse(text)
    assert script.title_page == {
        "Title": "_**BRICK & STEEL**_\n_**FULL RETIRED**_",
        "Credit": "Written by",
        "Author": "Stu Maschwitz",
        "Contact": "Next Level Productions\nSolvang, CA",
        "Revision": "Blue",
    }
    assert script.title_value("draft DATE") is None
    assert script.title_value("contact") == "Next Level Productions\nSolvang, CA"
    assert [(e.type, e.start_line) for e in script.elements] == [(T.SCENE_HEADING, 10)]
    assert script.regions[0].kind is RegionKind.TITLE_PAGE
    assert (script.regions[0].start_line, script.regions[0].end_line) == (0, 9)
    assert_covers(script)


def test_title_value_on_the_key_line_and_continued() -> None:
    script = parse("Title: One\n   Two\nAuthor: Me")
    assert script.title_page == {"Title": "One\nTwo", "Author": "Me"}


def test_fade_in_alone_is_not_a_title_page() -> None:
    script = parse("FADE IN:\n\nEXT. ROAD")
    assert script.title_page == {}
    assert script.elements[0].text == "FADE IN:"


def test_title_page_only_at_the_top() -> None:
    script = parse("EXT. ROAD\n\nTitle: Not a title\nAuthor: Nobody")
    assert script.title_page == {}
    assert script.elements[1].type is T.ACTION


def test_part_of_a_document_has_no_title_page() -> None:
    assert parse("Title: X\nAuthor: Y", first_line=10).title_page == {}


# Rule 15: page breaks -----------------------------------------------------------------


@pytest.mark.parametrize("line", ["===", "====", "=========="])
def test_page_break(line: str) -> None:
    assert kinds(f"First.\n\n{line}\n\nINT. SOMEWHERE - DAY") == [
        ("action", "First."),
        ("page_break", ""),
        ("scene_heading", "INT. SOMEWHERE - DAY"),
    ]


def test_two_equals_are_action() -> None:
    assert kinds("==") == [("action", "==")]


# Rule 16: notes -----------------------------------------------------------------------


def test_inline_notes_stay_in_the_text() -> None:
    assert kinds("Before1 [[some notes]]After1") == [("action", "Before1 [[some notes]]After1")]


def test_note_as_its_own_paragraph() -> None:
    script = parse("Before.\n\n[[Note as its own paragraph\non several lines]]\n\nAfter.")
    note = script.elements[1]
    assert (note.type, note.text, note.start_line, note.end_line) == (
        T.NOTE,
        "Note as its own paragraph\non several lines",
        2,
        4,
    )


def test_note_with_two_space_line() -> None:
    assert kinds("[[multiline\nnote\n  \nwith a blank line]]") == [
        ("note", "multiline\nnote\n\nwith a blank line")
    ]


def test_a_blank_line_ends_a_note() -> None:
    assert kinds("This is not [[\na proper note\n\nbecause\n]]") == [
        ("action", "This is not [[\na proper note"),
        ("action", "because\n]]"),
    ]


def test_a_cue_with_a_note_is_still_a_cue() -> None:
    assert kinds("BOB [[he shouts]]\nHey!")[0] == ("character", "BOB [[he shouts]]")


def test_lines_inside_a_spanning_note_continue_the_element() -> None:
    assert kinds("He waits [[check this\n# not a section]] and leaves.") == [
        ("action", "He waits [[check this\n# not a section]] and leaves.")
    ]


# Rule 17: boneyard --------------------------------------------------------------------


def test_boneyard_spanning_paragraphs(corpus_dir: Path) -> None:
    script = parse_file(corpus_dir / "boneyard.fountain")
    assert [(str(e.type), e.text) for e in script.elements] == [
        (
            "action",
            "As he rattles off the long list, Brick and Steel share a look.  "
            "This is going to be BAD.",
        ),
        ("transition", "CUT TO:"),
        ("scene_heading", "EXT. PALATIAL MANSION - DAY"),
        ("action", "An EXTREMELY HANDSOME MAN drinks a beer.  Shirtless, unfortunately."),
    ]
    boneyard = [r for r in script.regions if r.kind is RegionKind.BONEYARD]
    assert [(r.start_line, r.end_line) for r in boneyard] == [(3, 19)]
    assert_covers(script)


def test_inline_boneyard_is_removed() -> None:
    assert kinds("He /* very slowly */ walks.") == [("action", "He  walks.")]


def test_boneyard_inside_a_line_across_lines() -> None:
    assert kinds("BOB\nHello /* cut\nthis */ there.") == [
        ("character", "BOB"),
        ("dialogue", "Hello\nthere."),
    ]


def test_unclosed_boneyard_is_kept_as_typed() -> None:
    assert kinds("A /* forever") == [("action", "A /* forever")]


# Rule 18: sections and synopses -------------------------------------------------------


def test_sections_with_depth_and_synopses() -> None:
    script = parse("# ACT I\n\n= Set up.\n\n## Meet Scott\n### His flat\n\nINT. FLAT - DAY")
    assert [(e.type, e.text, e.depth) for e in script.elements] == [
        (T.SECTION, "ACT I", 1),
        (T.SYNOPSIS, "Set up.", 0),
        (T.SECTION, "Meet Scott", 2),
        (T.SECTION, "His flat", 3),
        (T.SCENE_HEADING, "INT. FLAT - DAY", 0),
    ]


# Rule 19: punctuation as typed --------------------------------------------------------


def test_punctuation_prints_as_typed() -> None:
    text = "\"Quotes\" -- and 'dashes' ... stay."
    assert kinds(text) == [("action", text)]


# Text encodings and line ends ---------------------------------------------------------


def test_bom_crlf_and_cr_line_ends() -> None:
    for text in ("\ufeffEXT. A\r\n\r\nB.\r\n", "EXT. A\r\rB.\r", "EXT. A\n\nB.\n"):
        script = parse(text)
        assert [(e.type, e.text) for e in script.elements] == [
            (T.SCENE_HEADING, "EXT. A"),
            (T.ACTION, "B."),
        ]
        assert script.line_count == 4
        assert_covers(script)


def test_chinese_script_with_forced_cues() -> None:
    text = (
        "内景. 咖啡馆 - 白天\n\n张伟坐在窗边。\n\n@张伟\n（低声）\n你来晚了。\n\n@李娜\n路上堵车。"
    )
    script = parse(text)
    assert [(str(e.type), e.text) for e in script.elements] == [
        ("action", "内景. 咖啡馆 - 白天"),
        ("action", "张伟坐在窗边。"),
        ("character", "张伟"),
        ("parenthetical", "（低声）"),
        ("dialogue", "你来晚了。"),
        ("character", "李娜"),
        ("dialogue", "路上堵车。"),
    ]


def test_cyrillic_script_with_upper_case_and_forced_cues() -> None:
    text = "INT. КУХНЯ - НОЧЬ\n\nИВАН\n(шёпотом)\nТы спишь?\n\n@Маша\nНет."
    assert kinds(text) == [
        ("scene_heading", "INT. КУХНЯ - НОЧЬ"),
        ("character", "ИВАН"),
        ("parenthetical", "(шёпотом)"),
        ("dialogue", "Ты спишь?"),
        ("character", "Маша"),
        ("dialogue", "Нет."),
    ]


# Line ranges, regions and helpers ------------------------------------------------------


def test_line_ranges_and_regions() -> None:
    script = parse("INT. A\n\nBOB\nHi.\nThere.\n\n\nEnd.\n")
    assert [(e.type, e.start_line, e.end_line) for e in script.elements] == [
        (T.SCENE_HEADING, 0, 1),
        (T.CHARACTER, 2, 3),
        (T.DIALOGUE, 3, 5),
        (T.ACTION, 7, 8),
    ]
    assert [(r.kind, r.start_line, r.end_line) for r in script.regions] == [
        (RegionKind.BLANK, 1, 2),
        (RegionKind.BLANK, 5, 7),
        (RegionKind.BLANK, 8, 9),
    ]


def test_first_line_offsets_all_line_numbers() -> None:
    script = parse("EXT. A\n\nB.", first_line=100)
    assert [(e.start_line, e.end_line) for e in script.elements] == [(100, 101), (102, 103)]
    assert_covers(script, 100)


def test_empty_text() -> None:
    script = parse("")
    assert (script.elements, script.line_count) == ([], 1)
    assert_covers(script)


def test_scene_at_line() -> None:
    script = parse("Cold open.\n\nINT. A\n\nBOB\nHi.\n\nEXT. B\n\nRain.")
    assert scene_at_line(script, 0) is None
    assert scene_at_line(script, 2) == 1
    assert scene_at_line(script, 5) == 1
    assert script.elements[scene_at_line(script, 9) or 0].text == "EXT. B"


def test_every_corpus_script_parses_and_is_covered(corpus_dir: Path) -> None:
    scripts = sorted(corpus_dir.glob("*.fountain"))
    assert len(scripts) >= 18
    for path in scripts:
        script: Script = parse_file(path)
        assert_covers(script)
        assert script.elements or script.title_page, path.name


def test_big_fish(corpus_dir: Path) -> None:
    script = parse_file(corpus_dir / "Big-Fish.fountain")
    counts: dict[ElementType, int] = {}
    for element in script.elements:
        counts[element.type] = counts.get(element.type, 0) + 1
    assert script.title_value("author") == "John August"
    assert counts[T.SCENE_HEADING] == 192  # SOURCES.md: about 190 scenes
    assert counts[T.CHARACTER] > 700
    assert counts[T.CENTERED] == 2


def test_the_sample_script_has_everything_it_should_show() -> None:
    sample = Path(__file__).resolve().parent.parent / "resources" / "sample.fountain"
    script = parse_file(sample)
    present = {e.type for e in script.elements}
    assert present == set(ElementType) - {T.PAGE_BREAK}
    assert any(e.dual for e in script.elements)
    assert script.title_value("title") == "THE LAST CROSSING"
    assert any(e.forced and e.type is T.SCENE_HEADING for e in script.elements)
