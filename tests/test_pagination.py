"""Pagination by Final Draft's rules, on scripts built element by element.

The rules are the ones ``screenplay/pagination.py`` lists; the real Final Draft pages they
reproduce are measured by ``benchmarks/compare_pages.py`` and pinned by
``tests/test_pagination_final_draft.py``.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.layout import A4, CELL, LETTER, MULTICAM_LETTER
from reelwright.screenplay.pagination import Pagination, PrintOptions, paginate, wrap_ranges
from reelwright.screenplay.parser import parse

T = ElementType


def build(*items: tuple[ElementType, str] | tuple[ElementType, str, dict[str, object]]) -> Script:
    """A script whose elements are separated by one blank source line each."""
    elements: list[Element] = []
    line = 0
    for item in items:
        kind, text = item[0], item[1]
        extra = item[2] if len(item) > 2 else {}
        count = text.count("\n") + 1
        elements.append(Element(kind, text, line, line + count, **extra))  # type: ignore[arg-type]
        line += count + 1
    return Script(elements=elements, line_count=line)


def sentence(n: int) -> str:
    return f"Sentence number {n} is here."


def speech(name: str, lines: int) -> list[tuple[ElementType, str]]:
    """A cue and a speech that wraps to about ``lines`` lines of 35 characters."""
    text = " ".join(sentence(n) for n in range(lines))
    return [(T.CHARACTER, name), (T.DIALOGUE, text)]


def filler(count: int) -> list[tuple[ElementType, str]]:
    """``count`` one-line action paragraphs: ``2 * count - 1`` slots."""
    return [(T.ACTION, f"Filler {n}.") for n in range(count)]


def wrap_text(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b, _ in wrap_ranges(text, width)]


def body(page_lines: list, kind: ElementType) -> list[str]:
    return [line.text for line in page_lines if line.type is kind and not line.more]


def check_rules(result: Pagination, script: Script | None = None) -> None:
    """What holds on every page: slots in the page (the repeated cue above it and the
    (MORE) under its last line excepted), no heading or bare cue at a page's foot."""
    capacity = result.layout.lines_per_page
    for page in result.pages:
        assert page.lines or result.page_count == 1, "no empty pages"
        for line in page.lines:
            if line.slot == -1:
                assert line.type is T.CHARACTER and line.contd, f"page {page.number}"
            elif line.slot == capacity:
                assert line.more, f"page {page.number}"
            else:
                assert 0 <= line.slot < capacity, f"page {page.number}: slot {line.slot}"
        if not page.lines:
            continue
        last = max(page.lines, key=lambda line: line.slot)
        if last.type is T.SCENE_HEADING and script is not None:
            # Allowed only where nothing can follow it on the page: the end or a forced break.
            after = script.elements[last.element_index + 1 :]
            assert not after or after[0].type is T.PAGE_BREAK, f"page {page.number}"
        else:
            assert last.type is not T.SCENE_HEADING, f"page {page.number} ends on a heading"
        if last.type is T.CHARACTER and last.dual is None:
            assert last.more, f"page {page.number} ends on a cue"


def test_element_columns() -> None:
    script = build(
        (T.SCENE_HEADING, "int. kitchen - day"),
        (T.ACTION, "A long line of action " * 5),
        (T.CHARACTER, "maya (v.o.)"),
        (T.PARENTHETICAL, "(whispering to nobody in particular, at length)"),
        (T.DIALOGUE, "Words " * 20),
        (T.TRANSITION, "CUT TO:"),
        (T.CENTERED, "THE END"),
        (T.LYRICS, "La la la"),
    )
    page = paginate(script, LETTER).pages[0]
    by_type: dict[ElementType, list] = {}
    for line in page.lines:
        by_type.setdefault(line.type, []).append(line)
    assert by_type[T.SCENE_HEADING][0].text == "INT. KITCHEN - DAY"
    assert by_type[T.CHARACTER][0].text == "MAYA (V.O.)"
    assert by_type[T.CHARACTER][0].x == 3.5
    assert all(line.x == 1.5 and len(line.text) <= 61 for line in by_type[T.ACTION])
    parens = by_type[T.PARENTHETICAL]
    # The "(" hangs one character left of 3.0 in; wrapped lines start at 3.0 in.
    assert abs(parens[0].x - (3.0 - CELL)) < 1e-9 and abs(parens[1].x - 3.0) < 1e-9
    assert len(parens[0].text) <= 26 and all(len(p.text) <= 25 for p in parens[1:])
    assert all(line.x == 2.5 and len(line.text) <= 35 for line in by_type[T.DIALOGUE])
    cut_to = by_type[T.TRANSITION][0]
    assert abs(cut_to.x * 72 - 462) < 1e-6  # right-aligned on 7.1 in, whole points
    centred = by_type[T.CENTERED][0]
    assert abs(centred.x * 72 - 299) < 1e-6  # centred on 4.5 in, as Final Draft prints it
    lyric = by_type[T.LYRICS][0]
    assert lyric.x == 2.5 and lyric.runs[0].italic
    # Blank lines: heading first on the page, one blank before action, none before dialogue.
    slots = {line.type: line.slot for line in reversed(page.lines)}
    assert slots[T.SCENE_HEADING] == 0
    assert slots[T.ACTION] == 2
    assert slots[T.PARENTHETICAL] == slots[T.CHARACTER] + 1


def test_spaces_are_kept_and_hyphens_hang() -> None:
    script = build((T.ACTION, "He stops.  She waits.  " + "word " * 6 + "big half-hearted wave."))
    lines = [line.text for line in paginate(script, LETTER).pages[0].lines]
    assert lines[0].startswith("He stops.  She waits.  word")  # two spaces, as typed
    assert lines[0].endswith(" half-")  # a line may end after a hyphen
    assert len(lines[0]) == 62  # ... which does not count toward its 61 characters
    assert lines[1] == "hearted wave."


def test_page_count_and_capacity() -> None:
    items = filler(200)
    letter = paginate(build(*items), LETTER)
    a4 = paginate(build(*items), A4)
    # 200 one-line paragraphs with a blank between: 27 per 54-line page, 29 per 58.
    assert letter.page_count == 8
    assert a4.page_count == 7
    assert [len(page.lines) for page in letter.pages[:-1]] == [27] * 7
    check_rules(letter)


def test_speech_split_with_more_and_contd() -> None:
    items = [*filler(23), *speech("MAYA (V.O.)", 12)]  # 45 slots, then a blank
    result = paginate(build(*items), LETTER)
    first, second = result.pages[0], result.pages[1]
    last = max(first.lines, key=lambda line: line.slot)
    assert last.more and last.text == "(MORE)" and last.x == 3.5
    before_more = next(line for line in first.lines if line.slot == last.slot - 1)
    assert before_more.type is T.DIALOGUE and before_more.text.endswith(".")
    # The cue is repeated above the top margin (slot -1): it costs the page no line.
    cue = min(second.lines, key=lambda line: line.slot)
    assert cue.text == "MAYA (V.O.) (CONT'D)" and cue.contd and cue.slot == -1
    assert min(line.slot for line in second.lines if line.type is T.DIALOGUE) == 0
    kept = body(first.lines, T.DIALOGUE)
    moved = body(second.lines, T.DIALOGUE)
    assert len(kept) >= 2 and len(moved) >= 2
    assert " ".join(kept + moved).split() == " ".join(sentence(n) for n in range(12)).split()
    # The page starts in the source where the speech goes on, not at the repeated cue.
    assert second.first_source_line == result.pages[1].lines[1].source_line
    check_rules(result)


def test_more_may_stand_under_the_last_line() -> None:
    """(MORE) is outside the page's count: a speech may fill the page to its last line."""
    items = [*filler(24), *speech("MAYA", 20)]  # 47 slots, blank, cue at 48
    result = paginate(build(*items), LETTER)
    first = result.pages[0]
    more = next(line for line in first.lines if line.more)
    last_dialogue = max(line.slot for line in first.lines if line.type is T.DIALOGUE)
    assert more.slot == last_dialogue + 1 <= LETTER.lines_per_page
    check_rules(result)


def test_custom_more_and_contd_strings() -> None:
    items = [*filler(23), *speech("MAYA", 12)]
    options = PrintOptions(more="(PLUS)", contd="(SUITE)")
    result = paginate(build(*items), LETTER, options)
    assert any(line.text == "(PLUS)" for line in result.pages[0].lines)
    assert min(result.pages[1].lines, key=lambda line: line.slot).text == "MAYA (SUITE)"


def test_speech_cuts_only_at_sentences_or_between_parts() -> None:
    """Dialogue is never cut at a line that does not end a sentence: without a sentence
    end in reach, the speech moves whole."""
    words = "word " * 60  # no sentence end: one part of ten lines
    items = [*filler(23), (T.CHARACTER, "BOB"), (T.DIALOGUE, words.strip() + ".")]
    result = paginate(build(*items), LETTER)
    assert not any(line.type is T.DIALOGUE for line in result.pages[0].lines)
    assert result.pages[1].lines[0].text == "BOB"
    # Between parts is a place to cut, with two lines of dialogue or parenthetical a side.
    items = [
        *filler(24),
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "word " * 12 + "done"),
        (T.PARENTHETICAL, "(beat)"),
        (T.DIALOGUE, "word " * 20 + "done"),
    ]
    result = paginate(build(*items), LETTER)
    first, second = result.pages
    assert body(first.lines, T.PARENTHETICAL) == ["(beat)"]
    assert len(body(first.lines, T.DIALOGUE)) == 2
    assert len(body(second.lines, T.DIALOGUE)) >= 2
    check_rules(result)


def test_speech_prefers_a_substantial_rest() -> None:
    """Between two sentence ends, Final Draft leaves a rest worth a new page rather than
    one short line (Big Fish's page 54: "Probably just as well." then (MORE))."""
    text = (
        "Probably just as well.  He would have told it wrong anyway.  "
        "All the facts and none of the flavor."
    )
    items = [
        *filler(24),
        (T.CHARACTER, "EDWARD"),
        (T.DIALOGUE, "Will never told you that?  Will never told you that?"),
        (T.PARENTHETICAL, "(she shakes her head)"),
        (T.DIALOGUE, text),
    ]
    result = paginate(build(*items), LETTER)
    kept = body(result.pages[0].lines, T.DIALOGUE)
    assert kept[-1] == "Probably just as well."
    moved = body(result.pages[1].lines, T.DIALOGUE)
    assert moved[0].startswith("He would have told it wrong")


def test_heading_is_never_stranded() -> None:
    items = [*filler(26), (T.SCENE_HEADING, "EXT. FIELD - NIGHT"), (T.ACTION, "Wind.\nRain.")]
    result = paginate(build(*items), LETTER)  # 51 slots used: heading and action move on
    assert result.pages[1].lines[0].type is T.SCENE_HEADING
    assert result.scene_pages == {26: 2}
    check_rules(result)


def test_block_under_a_heading_may_be_cut_when_five_lines_or_more() -> None:
    long = " ".join(f"Sentence {n} ends right here." for n in range(20))  # 10 lines
    items = [*filler(22), (T.SCENE_HEADING, "EXT. FIELD - NIGHT"), (T.ACTION, long)]
    result = paginate(build(*items), LETTER)
    first = result.pages[0].lines
    assert first[-1].element_index == 23 and first[-1].text.endswith(".")
    assert sum(1 for line in first if line.element_index == 23) >= 2
    short = "One.  Two.  Three.  " + "Four goes on and on and on " * 6 + "to the end."
    items = [*filler(24), (T.SCENE_HEADING, "EXT. FIELD - NIGHT"), (T.ACTION, short)]
    result = paginate(build(*items), LETTER)
    assert result.pages[1].lines[0].type is T.SCENE_HEADING  # four lines: moved whole


def test_action_cuts_at_sentence_ends_with_two_lines_a_side() -> None:
    items = [*filler(25), (T.ACTION, " ".join(f"Sentence {n} ends here." for n in range(30)))]
    result = paginate(build(*items), LETTER)
    long_index = 25
    first = [line for line in result.pages[0].lines if line.element_index == long_index]
    rest = [line for line in result.pages[1].lines if line.element_index == long_index]
    assert len(first) >= 2 and len(rest) >= 2
    assert first[-1].text.endswith(".")
    # No sentence end on the page: the paragraph moves whole.
    items = [*filler(25), (T.ACTION, "word " * 80 + "end.")]
    result = paginate(build(*items), LETTER)
    assert all(line.element_index != 25 for line in result.pages[0].lines)


def test_action_is_not_cut_after_a_short_last_line() -> None:
    # The only sentence end on the page leaves "It stops." (9 characters) as the last line.
    text = "word " * 12 + "It stops.  " + "More words follow " * 12 + "end."
    assert wrap_text(text, 61)[1].startswith("It stops.  More")
    items = [*filler(25), (T.ACTION, text)]
    result = paginate(build(*items), LETTER)
    assert all(line.element_index != 25 for line in result.pages[0].lines)


def test_transition_takes_the_block_before_it() -> None:
    items = [*filler(26), (T.ACTION, "Two lines of action that end the page\nright here."),
             (T.TRANSITION, "CUT TO:")]  # fmt: skip
    result = paginate(build(*items), LETTER)
    second = result.pages[1].lines
    assert [line.type for line in second] == [T.ACTION, T.ACTION, T.TRANSITION]
    assert second[0].slot == 0 and second[-1].slot == 3


def test_forced_page_break_and_page_starts() -> None:
    script = build(
        (T.ACTION, "One."),
        (T.PAGE_BREAK, ""),
        (T.ACTION, "Two."),
        (T.SCENE_HEADING, "INT. HALL - DAY"),
        (T.ACTION, "Three."),
    )
    result = paginate(script, LETTER)
    assert result.page_count == 2
    assert [p.number for p in result.pages] == [1, 2]
    assert result.page_starts == [(0, 1), (4, 2)]
    assert result.page_of_line(0) == 1
    assert result.page_of_line(3) == 1
    assert result.page_of_line(6) == 2
    assert result.page_of_line(1000) == 2
    assert result.scene_pages == {3: 2}


def test_dual_dialogue_moves_whole() -> None:
    items: list = [*filler(26), *speech("BRICK", 3)]  # 51 slots used
    items += [(T.CHARACTER, "STEEL", {"dual": True}), (T.DIALOGUE, "Screw retirement.")]
    result = paginate(build(*items), LETTER)
    duals = [line for page in result.pages for line in page.lines if line.dual]
    assert {line.dual for line in duals} == {"left", "right"}
    pages = {page.number for page in result.pages for line in page.lines if line.dual}
    assert pages == {2}
    page = result.pages[1]
    left_cue = next(line for line in page.lines if line.dual == "left")
    right_cue = next(line for line in page.lines if line.dual == "right")
    assert left_cue.slot == right_cue.slot == 0
    # Cues centred on 2.93 in and 6.06 in; dialogue from 1.5 in and 4.625 in.
    assert abs(left_cue.x * 72 - (211.25 - 2.5 * 7)) <= 0.5
    assert abs(right_cue.x * 72 - (436.25 - 2.5 * 7)) <= 0.5
    dialogue = [line for line in page.lines if line.dual and line.type is T.DIALOGUE]
    assert {line.x for line in dialogue} == {1.5, 4.625}


def test_dual_dialogue_taller_than_a_page_is_cut_on_both_sides() -> None:
    items: list = [
        (T.CHARACTER, "BRICK"),
        (T.DIALOGUE, " ".join(sentence(n) for n in range(70))),
        (T.CHARACTER, "STEEL", {"dual": True}),
        (T.DIALOGUE, " ".join(sentence(n) for n in range(60))),
    ]
    script = build(*items)
    result = paginate(script, LETTER)
    assert result.page_count >= 2
    check_rules(result, script)
    first, second = result.pages[0], result.pages[1]
    for side, name in (("left", "BRICK"), ("right", "STEEL")):
        mores = [line for line in first.lines if line.dual == side and line.more]
        assert len(mores) == 1, side
        cue = next(line for line in second.lines if line.dual == side)
        assert cue.text == f"{name} (CONT'D)" and cue.contd
    # Nothing lost: every sentence of both sides is printed once.
    for side, count in (("left", 70), ("right", 60)):
        words = " ".join(
            line.text
            for page in result.pages
            for line in sorted(page.lines, key=lambda line: line.slot)
            if line.dual == side and line.type is T.DIALOGUE
        ).split()
        assert words == " ".join(sentence(n) for n in range(count)).split()


def test_contd_after_action_setting() -> None:
    items = [
        (T.SCENE_HEADING, "INT. ROOM - DAY"),
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "Hi."),
        (T.ACTION, "He waits."),
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "Hello?"),
        (T.SCENE_HEADING, "INT. HALL - DAY"),
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "New scene."),
    ]
    cues = body(paginate(build(*items), LETTER).pages[0].lines, T.CHARACTER)
    assert cues == ["BOB", "BOB (CONT'D)", "BOB"]
    off = PrintOptions(contd_after_action=False)
    cues = body(paginate(build(*items), LETTER, off).pages[0].lines, T.CHARACTER)
    assert cues == ["BOB", "BOB", "BOB"]


def test_no_contd_for_a_voice_over() -> None:
    """Final Draft never continues a voice-over, nor a speech after one (Big Fish)."""
    items = [
        (T.CHARACTER, "WILL (V.O.)"),
        (T.DIALOGUE, "Once."),
        (T.ACTION, "A river."),
        (T.CHARACTER, "WILL (V.O.)"),
        (T.DIALOGUE, "Twice."),
        (T.ACTION, "A fish."),
        (T.CHARACTER, "WILL"),
        (T.DIALOGUE, "Here."),
        (T.ACTION, "He waits."),
        (T.CHARACTER, "WILL (O.S.)"),
        (T.DIALOGUE, "There."),
    ]
    cues = body(paginate(build(*items), LETTER).pages[0].lines, T.CHARACTER)
    assert cues == ["WILL (V.O.)", "WILL (V.O.)", "WILL", "WILL (O.S.) (CONT'D)"]


def test_options_numbers_notes_sections() -> None:
    script = build(
        (T.SECTION, "Act One", {"depth": 1}),
        (T.SYNOPSIS, "Where it starts."),
        (T.SCENE_HEADING, "INT. A - DAY"),
        (T.ACTION, "Text [[a note]] more."),
        (T.SCENE_HEADING, "INT. B - DAY", {"scene_number": "7A"}),
        (T.NOTE, "A standalone note."),
    )
    plain = paginate(script, LETTER)
    texts = [line.text for line in plain.pages[0].lines]
    assert "Act One" not in texts and "A standalone note." not in texts
    assert "Text  more." in texts
    assert all(line.scene_number is None for line in plain.pages[0].lines)
    full = paginate(
        script,
        LETTER,
        PrintOptions(scene_numbers="both", print_notes=True, print_sections=True),
    )
    lines = full.pages[0].lines
    texts = [line.text for line in lines]
    assert "Act One" in texts and "Where it starts." in texts
    assert "Text [[a note]] more." in texts and "A standalone note." in texts
    numbers = [line.scene_number for line in lines if line.scene_number]
    assert numbers == ["1", "7A"]


def test_scene_numbers_of_any_length() -> None:
    """Issue 18, item 4: a written number of thousands of digits is a number, not an error."""
    huge = "9" * 5000
    script = build(
        (T.SCENE_HEADING, "INT. A - DAY", {"scene_number": huge}),
        (T.SCENE_HEADING, "INT. B - DAY"),
        (T.SCENE_HEADING, "INT. C - DAY", {"scene_number": "12A"}),
        (T.SCENE_HEADING, "INT. D - DAY"),
    )
    result = paginate(script, LETTER, PrintOptions(scene_numbers="right"))
    numbers = [line.scene_number for line in result.pages[0].lines if line.scene_number]
    assert numbers == [huge, numbers[1], "12A", "13"]
    assert numbers[1] and numbers[1].isdigit()


def test_first_page_number_and_heading_blanks() -> None:
    script = build((T.ACTION, "A."), (T.SCENE_HEADING, "INT. X - DAY"), (T.PAGE_BREAK, ""))
    result = paginate(script, LETTER, PrintOptions(first_page_number=5, heading_blanks=1))
    assert [p.number for p in result.pages] == [5]
    heading = next(line for line in result.pages[0].lines if line.type is T.SCENE_HEADING)
    assert heading.slot == 2
    result = paginate(script, LETTER)
    heading = next(line for line in result.pages[0].lines if line.type is T.SCENE_HEADING)
    assert heading.slot == 3


def test_extra_blank_lines_are_empty_paragraphs() -> None:
    """Every two blank lines between paragraphs print as an empty action paragraph (a blank
    line with its own line before it), as JumpCut reads Final Draft's empty paragraphs."""
    slots = {}
    for blanks in (1, 2, 3, 4):
        script = parse("Before." + "\n" * (blanks + 1) + "After.\n")
        page = paginate(script, LETTER).pages[0]
        slots[blanks] = next(line.slot for line in page.lines if line.text == "After.")
    assert slots == {1: 2, 2: 4, 3: 4, 4: 6}
    # At the top of the script they are not printed.
    first = paginate(parse("\n\n\n\nAfter.\n"), LETTER).pages[0].lines
    assert [(line.slot, line.text) for line in first] == [(0, "After.")]


def test_act_markers_and_multicam_scenes_start_pages() -> None:
    script = parse("Teaser text.\n\n> ACT ONE <\n\nText.\n\n> END OF ACT ONE <\n\nMore.\n")
    result = paginate(script, LETTER)
    assert [page.lines[0].text for page in result.pages] == ["Teaser text.", "ACT ONE"]
    end = next(line for line in result.pages[1].lines if line.text == "END OF ACT ONE")
    assert end.slot == 5  # two blank lines before an end of act
    plain = parse("One.\n\n> THE END <\n")
    assert paginate(plain, LETTER).page_count == 1
    scenes = parse("INT. A - DAY\n\nOne.\n\nINT. B - DAY\n\nTwo.\n")
    assert paginate(scenes, LETTER).page_count == 1
    multicam = paginate(scenes, MULTICAM_LETTER)
    assert [page.lines[0].text for page in multicam.pages] == ["INT. A - DAY", "INT. B - DAY"]
    assert multicam.pages[0].lines[0].runs[0].underline


def test_double_spaced_dialogue() -> None:
    script = parse("BOB\nWords " + "and more words " * 6 + "end.\n")
    lines = paginate(script, MULTICAM_LETTER).pages[0].lines
    assert [line.slot for line in lines] == [0, 2, 4, 6]
    assert {line.x for line in lines if line.type is T.DIALOGUE} == {2.25}


def test_emphasis_runs() -> None:
    page = paginate(build((T.ACTION, "A **bold** and *slanted* _word_.")), LETTER).pages[0]
    line = page.lines[0]
    assert line.text == "A bold and slanted word."
    styles = {run.text: (run.bold, run.italic, run.underline) for run in line.runs}
    assert styles["bold"] == (True, False, False)
    assert styles["slanted"] == (False, True, False)
    assert styles["word"] == (False, False, True)


block_kinds = st.sampled_from(
    ["heading", "action", "speech", "paren-speech", "dual", "break", "transition", "words"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(block_kinds, st.integers(1, 14)), min_size=1, max_size=60))
def test_rules_hold_for_any_script(blocks: list[tuple[str, int]]) -> None:
    items: list = []
    for kind, size in blocks:
        if kind == "heading":
            items.append((T.SCENE_HEADING, f"INT. ROOM {size} - DAY"))
        elif kind == "action":
            items.append((T.ACTION, " ".join(sentence(n) for n in range(size * 2))))
        elif kind == "words":
            items.append((T.ACTION, "word " * size * 40))
        elif kind == "speech":
            items += speech("ANNA", size)
        elif kind == "paren-speech":
            items += [(T.CHARACTER, "BO"), (T.PARENTHETICAL, "(softly)")]
            items += [(T.DIALOGUE, " ".join(sentence(n) for n in range(size)))]
        elif kind == "dual":
            items += speech("ANNA", size % 4 + 1)
            items += [(T.CHARACTER, "BO", {"dual": True}), (T.DIALOGUE, "Yes.")]
        elif kind == "transition":
            items.append((T.TRANSITION, "CUT TO:"))
        else:
            items.append((T.PAGE_BREAK, ""))
    script = build(*items)
    result = paginate(script, LETTER)
    check_rules(result, script)
    # Nothing is lost: every printable element shows up, in order.
    seen = []
    for page in result.pages:
        for line in sorted(page.lines, key=lambda line: (line.slot, line.dual or "")):
            fresh = not seen or seen[-1] != line.element_index
            if line.element_index is not None and not line.more and fresh:
                seen.append(line.element_index)
    printable = [i for i, e in enumerate(script.elements) if e.type is not T.PAGE_BREAK]
    assert sorted(set(seen)) == printable


def test_speech_splits_inside_a_line_at_a_sentence_end() -> None:
    """A sentence ending mid-line is a legal cut: the rest of the line moves and rewraps."""
    items: list = filler(24)  # 47 slots used
    text = (
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu. Nu xi omicron "
        "pi rho sigma ta. Upsilon phi chi psi omega and then "
        + "a very long sentence that runs on " * 6
        + "to here."
    )
    items += [(T.CHARACTER, "ANNA"), (T.DIALOGUE, text)]
    result = paginate(build(*items), LETTER)
    first, second = result.pages[0], result.pages[1]
    kept = body(first.lines, T.DIALOGUE)
    moved = body(second.lines, T.DIALOGUE)
    assert kept and moved and second.lines[0].contd
    assert kept[-1].endswith("ta.")
    assert not any(line.endswith("ta.") for line in wrap_text(text, 35))  # cut mid-line
    assert moved[0].startswith("Upsilon")
    assert " ".join(kept + moved).split() == text.split()
    check_rules(result)


def test_heading_chain_moves_together() -> None:
    items: list = filler(25)  # 49 slots used
    items += [
        (T.SCENE_HEADING, "INT. A - DAY"),
        (T.SCENE_HEADING, "INT. B - DAY"),
        (T.ACTION, " ".join(sentence(n) for n in range(20))),
    ]
    script = build(*items)
    result = paginate(script, LETTER)
    check_rules(result, script)
    assert result.scene_pages == {25: 2, 26: 2}


def test_written_contd_is_not_doubled() -> None:
    items: list = [*filler(23), *speech("EDWARD (CONT'D)", 12)]
    result = paginate(build(*items), LETTER)
    cue = min(result.pages[1].lines, key=lambda line: line.slot)
    assert cue.text == "EDWARD (CONT'D)" and cue.contd


def test_contd_after_action_on_the_left_of_dual_dialogue() -> None:
    items: list = [
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "Hi."),
        (T.ACTION, "He waits."),
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "Again."),
        (T.CHARACTER, "ALICE", {"dual": True}),
        (T.DIALOGUE, "Together."),
        (T.CHARACTER, "ALICE"),
        (T.DIALOGUE, "Me again."),
    ]
    lines = paginate(build(*items), LETTER).pages[0].lines
    cues = [(line.text, line.dual) for line in lines if line.type is T.CHARACTER]
    assert cues == [
        ("BOB", None),
        ("BOB (CONT'D)", "left"),
        ("ALICE", "right"),
        ("ALICE (CONT'D)", None),  # either speaker of dual dialogue spoke last
    ]
    # The cue is centred on its name; the (CONT'D) runs on to its right.
    left = next(line for line in lines if line.dual == "left")
    assert abs(left.x * 72 - (211.25 - 1.5 * 7)) <= 0.5
