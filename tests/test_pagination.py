"""Pagination by FORMAT.md's rules, on scripts built element by element."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay.elements import Element, ElementType, Script
from reelwright.screenplay.layout import A4, LETTER
from reelwright.screenplay.pagination import (
    Pagination,
    PrintOptions,
    paginate,
    text_columns,
    wrap_ranges,
)

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


def wrap_text(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b, _ in wrap_ranges(text, width)]


def check_rules(result: Pagination, script: Script | None = None) -> None:
    capacity = result.layout.lines_per_page
    for page in result.pages:
        assert page.lines or result.page_count == 1, "no empty pages"
        assert all(0 <= line.slot < capacity for line in page.lines)
        if not page.lines:
            continue
        last = max(page.lines, key=lambda line: line.slot)
        if last.type is T.SCENE_HEADING and script is not None:
            # Allowed only where nothing can follow it on the page: the end or a forced break.
            after = script.elements[last.element_index + 1 :]
            assert not after or after[0].type is T.PAGE_BREAK, f"page {page.number}"
        else:
            assert last.type is not T.SCENE_HEADING, f"page {page.number} ends on a heading"
        assert last.type is not T.PARENTHETICAL, f"page {page.number} ends on a parenthetical"
        if last.type is T.CHARACTER and last.dual is None:
            assert last.more, f"page {page.number} ends on a cue"


def test_wrap_widths() -> None:
    text = "word " * 30
    lines = wrap_ranges(text, 35)
    assert all(cells <= 35 for _, _, cells in lines)
    assert " ".join(text[a:b] for a, b, _ in lines) == text.strip()
    # A word longer than the line is cut rather than overflowing.
    assert [c for _, _, c in wrap_ranges("x" * 80, 60)] == [60, 20]
    # Wide characters take two cells: 35 cells hold 17 Chinese characters.
    chinese = "你" * 40
    assert [b - a for a, b, _ in wrap_ranges(chinese, 35)] == [17, 17, 6]
    assert text_columns("你好") == 4
    # A hyphen inside a word is a break opportunity; a spaced dash is not split.
    hyphenated = "He had taken more hundred-dollar lures than any fish -- in Alabama."
    assert [hyphenated[a:b] for a, b, _ in wrap_ranges(hyphenated, 30)] == [
        "He had taken more hundred-",
        "dollar lures than any fish --",
        "in Alabama.",
    ]
    # Leading spaces of indented action are kept.
    assert wrap_ranges("    indented", 60) == [(0, 12, 12)]


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
    by_type = {}
    for line in page.lines:
        by_type.setdefault(line.type, []).append(line)
    assert by_type[T.SCENE_HEADING][0].text == "INT. KITCHEN - DAY"
    assert by_type[T.CHARACTER][0].text == "MAYA (V.O.)"
    assert by_type[T.CHARACTER][0].x == 3.5
    assert all(line.x == 1.5 and len(line.text) <= 60 for line in by_type[T.ACTION])
    parens = by_type[T.PARENTHETICAL]
    assert parens[0].x == 3.0 and abs(parens[1].x - 3.1) < 1e-9
    assert all(line.x == 2.5 and len(line.text) <= 35 for line in by_type[T.DIALOGUE])
    cut_to = by_type[T.TRANSITION][0]
    assert abs(cut_to.x + len("CUT TO:") / 10 - 7.1) < 1e-9
    centred = by_type[T.CENTERED][0]
    assert abs((centred.x - 1.5) * 10 + len("THE END") / 2 - 30) <= 0.5 + 1e-9
    lyric = by_type[T.LYRICS][0]
    assert lyric.x == 2.5 and lyric.runs[0].italic
    # Blank lines: heading first on the page, one blank before action, none before dialogue.
    slots = {line.type: line.slot for line in reversed(page.lines)}
    assert slots[T.SCENE_HEADING] == 0
    assert slots[T.ACTION] == 2
    assert slots[T.PARENTHETICAL] == slots[T.CHARACTER] + 1


def test_page_count_and_capacity() -> None:
    items = []
    for n in range(200):
        items.append((T.ACTION, f"Line {n}."))
    letter = paginate(build(*items), LETTER)
    a4 = paginate(build(*items), A4)
    # 200 one-line paragraphs with a blank between: 28 per 55-line page, 29 per 57.
    assert letter.page_count == 8
    assert a4.page_count == 7
    check_rules(letter)


def test_speech_split_with_more_and_contd() -> None:
    items = [(T.ACTION, f"Filler {n}.") for n in range(24)]  # 47 slots used
    items += speech("MAYA (V.O.)", 12)
    result = paginate(build(*items), LETTER)
    first, second = result.pages[0], result.pages[1]
    last = max(first.lines, key=lambda line: line.slot)
    assert last.more and last.text == "(MORE)" and last.x == 3.5
    before_more = next(line for line in first.lines if line.slot == last.slot - 1)
    assert before_more.type is T.DIALOGUE
    assert before_more.text.endswith(".")
    cue = second.lines[0]
    assert cue.text == "MAYA (V.O.) (CONT'D)" and cue.contd and cue.slot == 0
    kept = [line for line in first.lines if line.type is T.DIALOGUE]
    moved = [line for line in second.lines if line.type is T.DIALOGUE]
    assert len(kept) >= 2 and len(moved) >= 2
    check_rules(result)


def test_custom_more_and_contd_strings() -> None:
    items = [(T.ACTION, f"Filler {n}.") for n in range(24)]
    items += speech("MAYA", 12)
    options = PrintOptions(more="(PLUS)", contd="(SUITE)")
    result = paginate(build(*items), LETTER, options)
    assert any(line.text == "(PLUS)" for line in result.pages[0].lines)
    assert result.pages[1].lines[0].text == "MAYA (SUITE)"


def test_heading_is_never_stranded() -> None:
    items = [(T.ACTION, f"Filler {n}.") for n in range(26)]  # 51 slots used
    items += [(T.SCENE_HEADING, "EXT. FIELD - NIGHT"), (T.ACTION, "Wind.\nMore wind.\nRain.")]
    result = paginate(build(*items), LETTER)
    assert result.pages[1].lines[0].type is T.SCENE_HEADING
    assert result.scene_pages == {26: 2}
    check_rules(result)


def test_no_page_ends_on_parenthetical_or_cue() -> None:
    for filler in range(20, 28):
        items = [(T.ACTION, f"Filler {n}.") for n in range(filler)]
        items += [
            (T.CHARACTER, "BOB"),
            (T.PARENTHETICAL, "(a long parenthetical that wraps onto two lines)"),
            (T.DIALOGUE, "Short."),
            (T.PARENTHETICAL, "(beat)"),
            (T.DIALOGUE, "Then a second sentence that goes on. And on. And on and on."),
        ]
        check_rules(paginate(build(*items), LETTER))


def test_action_splits_two_lines_a_side() -> None:
    items = [(T.ACTION, f"Filler {n}.") for n in range(25)]  # 49 slots used
    items += [(T.ACTION, " ".join(f"Sentence {n} ends here." for n in range(30)))]
    result = paginate(build(*items), LETTER)
    long_index = 25
    first = [line for line in result.pages[0].lines if line.element_index == long_index]
    rest = [line for line in result.pages[1].lines if line.element_index == long_index]
    assert len(first) >= 2 and len(rest) >= 2
    assert first[-1].text.endswith(".")


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
    items: list = [(T.ACTION, f"Filler {n}.") for n in range(26)]  # 51 used
    items += speech("BRICK", 3)
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
    assert left_cue.x < 4.5 < right_cue.x


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
    cues = [
        line.text
        for line in paginate(build(*items), LETTER).pages[0].lines
        if line.type is T.CHARACTER
    ]
    assert cues == ["BOB", "BOB (CONT'D)", "BOB"]
    off = PrintOptions(contd_after_action=False)
    cues = [
        line.text
        for line in paginate(build(*items), LETTER, off).pages[0].lines
        if line.type is T.CHARACTER
    ]
    assert cues == ["BOB", "BOB", "BOB"]


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


def test_first_page_number_and_heading_blanks() -> None:
    script = build((T.ACTION, "A."), (T.SCENE_HEADING, "INT. X - DAY"), (T.PAGE_BREAK, ""))
    result = paginate(script, LETTER, PrintOptions(first_page_number=5, heading_blanks=1))
    assert [p.number for p in result.pages] == [5]
    heading = next(line for line in result.pages[0].lines if line.type is T.SCENE_HEADING)
    assert heading.slot == 2
    result = paginate(script, LETTER)
    heading = next(line for line in result.pages[0].lines if line.type is T.SCENE_HEADING)
    assert heading.slot == 3


def test_emphasis_runs() -> None:
    page = paginate(build((T.ACTION, "A **bold** and *slanted* _word_.")), LETTER).pages[0]
    line = page.lines[0]
    assert line.text == "A bold and slanted word."
    styles = {run.text: (run.bold, run.italic, run.underline) for run in line.runs}
    assert styles["bold"] == (True, False, False)
    assert styles["slanted"] == (False, True, False)
    assert styles["word"] == (False, False, True)


block_kinds = st.sampled_from(["heading", "action", "speech", "paren-speech", "dual", "break"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(block_kinds, st.integers(1, 14)), min_size=1, max_size=60))
def test_rules_hold_for_any_script(blocks: list[tuple[str, int]]) -> None:
    items: list = []
    for kind, size in blocks:
        if kind == "heading":
            items.append((T.SCENE_HEADING, f"INT. ROOM {size} - DAY"))
        elif kind == "action":
            items.append((T.ACTION, " ".join(sentence(n) for n in range(size * 2))))
        elif kind == "speech":
            items += speech("ANNA", size)
        elif kind == "paren-speech":
            items += [(T.CHARACTER, "BO"), (T.PARENTHETICAL, "(softly)")]
            items += [(T.DIALOGUE, " ".join(sentence(n) for n in range(size)))]
        elif kind == "dual":
            items += speech("ANNA", size % 4 + 1)
            items += [(T.CHARACTER, "BO", {"dual": True}), (T.DIALOGUE, "Yes.")]
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
    items: list = [(T.ACTION, f"Filler {n}.") for n in range(24)]  # 47 slots used
    text = (
        "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu. Nu xi omicron "
        "pi rho sigma ta. Upsilon phi chi psi omega and then "
        + "a very long sentence that runs on " * 6
        + "to here."
    )
    items += [(T.CHARACTER, "ANNA"), (T.DIALOGUE, text)]
    result = paginate(build(*items), LETTER)
    first, second = result.pages[0], result.pages[1]
    kept = [line.text for line in first.lines if line.type is T.DIALOGUE]
    moved = [line.text for line in second.lines if line.type is T.DIALOGUE]
    assert kept and moved and second.lines[0].contd
    assert kept[-1].endswith("ta.")
    assert not any(line.endswith("ta.") for line in wrap_text(text, 35))  # cut mid-line
    assert moved[0].startswith("Upsilon")
    assert " ".join(kept + moved).split() == text.split()
    check_rules(result)


def test_heading_chain_moves_together() -> None:
    items: list = [(T.ACTION, f"Filler {n}.") for n in range(25)]  # 49 slots used
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
    items: list = [(T.ACTION, f"Filler {n}.") for n in range(24)]
    items += speech("EDWARD (CONT'D)", 12)
    result = paginate(build(*items), LETTER)
    assert result.pages[1].lines[0].text == "EDWARD (CONT'D)"
    assert result.pages[1].lines[0].contd


def test_contd_after_action_on_the_left_of_dual_dialogue() -> None:
    items: list = [
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "Hi."),
        (T.ACTION, "He waits."),
        (T.CHARACTER, "BOB"),
        (T.DIALOGUE, "Again."),
        (T.CHARACTER, "ALICE", {"dual": True}),
        (T.DIALOGUE, "Together."),
    ]
    lines = paginate(build(*items), LETTER).pages[0].lines
    cues = [(line.text, line.dual) for line in lines if line.type is T.CHARACTER]
    assert cues == [("BOB", None), ("BOB (CONT'D)", "left"), ("ALICE", "right")]
