"""Revision rounds and marks: the colour sequence, marking changes between drafts, marks
carried through later edits, printed marks per wrapped line, and where marks live in the
file (they survive save and reopen, and another program's edits as far as they can)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay import production_file
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.pagination import paginate
from reelwright.screenplay.parser import parse
from reelwright.screenplay.revisions import (
    COLOURS,
    Revisions,
    Round,
    Span,
    line_levels,
    mark_changes,
    normalize,
    page_levels,
    printed_marks,
    revised_pages,
    round_level,
    round_name,
)

BLUE, PINK, YELLOW = 1, 2, 3

DRAFT = """INT. KITCHEN - NIGHT

Maya stands at the window. Rain runs down the glass.

MAYA
Where were you?

TOM
Out.

Tom drops his keys on the table.

EXT. STREET - NIGHT

A car waits with its lights off.
"""


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def marked_text(text: str, marks: dict[int, tuple[Span, ...]]) -> dict[int, list[str]]:
    lines = lines_of(text)
    return {line: [lines[line][s.start : s.end] for s in spans] for line, spans in marks.items()}


# Rounds ---------------------------------------------------------------------------------


def test_round_sequence_is_the_industry_order() -> None:
    names = [round_name(level) for level in range(20)]
    assert names[:9] == [
        "White",
        "Blue",
        "Pink",
        "Yellow",
        "Green",
        "Goldenrod",
        "Buff",
        "Salmon",
        "Cherry",
    ]
    assert names[9:12] == ["Double White", "Double Blue", "Double Pink"]
    assert names[18] == "Triple White"
    assert len(COLOURS) == 9


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("blue", 1),
        ("Cherry", 8),
        ("double white", 9),
        ("Double Blue", 10),
        ("2nd pink", 11),
        ("second-yellow", 12),
        ("triple white", 18),
        ("3", 3),
    ],
)
def test_round_names_are_read_back(name: str, level: int) -> None:
    assert round_level(name) == level
    assert round_level(round_name(level)) == level


def test_unknown_round_name_is_one_clear_message() -> None:
    with pytest.raises(ReelwrightError, match=r"'mauve' is not a revision round.*blue"):
        round_level("mauve")


def test_rounds_start_in_order_from_blue() -> None:
    revisions = Revisions()
    first = revisions.start_round(date="2025-03-10")
    assert (first.name, first.date) == ("Blue", "2025-03-10")
    assert revisions.start_round().name == "Pink"
    assert revisions.start_round(round_level("green")).name == "Green"
    with pytest.raises(ReelwrightError, match=r"Green round is already under way.*Goldenrod"):
        revisions.start_round(round_level("yellow"))
    header = Round(BLUE, "3/10/25").header()
    assert header == "Blue Revision - 3/10/25"
    assert Round(BLUE).paper.startswith("#") and Round(BLUE).ink != Round(PINK).ink


# Marking ----------------------------------------------------------------------------------


def test_a_changed_word_is_marked_and_nothing_else() -> None:
    new = DRAFT.replace("Rain runs down", "Rain streams down")
    marks = mark_changes(DRAFT, new, {}, BLUE)
    assert marked_text(new, marks) == {2: ["streams"]}
    assert marks[2][0].level == BLUE


def test_new_lines_are_marked_whole_and_blank_lines_not() -> None:
    new = DRAFT.replace("Out.\n", "Out.\n(beat)\nWalking.\n\nA dog barks outside.\n")
    marks = mark_changes(DRAFT, new, {}, BLUE)
    text = marked_text(new, marks)
    assert sorted(piece for pieces in text.values() for piece in pieces) == [
        "(beat)",
        "A dog barks outside.",
        "Walking.",
    ]


def test_removed_text_leaves_a_mark_where_it_was() -> None:
    new = DRAFT.replace("Tom drops his keys on the table.\n\n", "")
    marks = mark_changes(DRAFT, new, {}, BLUE)
    lines = lines_of(new)
    (line,) = marks
    assert lines[line] == "EXT. STREET - NIGHT"
    assert marks[line] == (Span(0, 0, BLUE),)
    # Words removed inside a line: a point where they were.
    cut = DRAFT.replace("Maya stands at the window.", "Maya stands.")
    marks = mark_changes(DRAFT, cut, {}, BLUE)
    assert [(s.start, s.end) for s in marks[2]] == [(11, 11)]


def test_whitespace_only_changes_are_not_revisions() -> None:
    new = DRAFT.replace("TOM\n", "TOM   \n").replace("Where were you?", "  Where were you?")
    assert mark_changes(DRAFT, new, {}, BLUE) == {}


def test_earlier_rounds_keep_their_marks_and_move_with_their_text() -> None:
    blue_draft = DRAFT.replace("Out.", "Out. Walking.")
    blue = mark_changes(DRAFT, blue_draft, {}, BLUE)
    assert marked_text(blue_draft, blue) == {8: ["Walking."]}
    pink_draft = blue_draft.replace(
        "INT. KITCHEN - NIGHT\n\n", "INT. KITCHEN - NIGHT\n\nThunder.\n\n"
    )
    pink = mark_changes(blue_draft, pink_draft, blue, PINK)
    text = marked_text(pink_draft, pink)
    assert text[2] == ["Thunder."] and pink[2][0].level == PINK
    assert text[10] == ["Walking."] and pink[10][0].level == BLUE


def test_a_later_round_wins_where_it_changes_marked_words_again() -> None:
    blue_draft = DRAFT.replace("A car waits", "A black car waits")
    blue = mark_changes(DRAFT, blue_draft, {}, BLUE)
    pink_draft = blue_draft.replace("A black car waits", "A black van waits")
    pink = mark_changes(blue_draft, pink_draft, blue, PINK)
    line = 14
    assert [(lines_of(pink_draft)[line][s.start : s.end], s.level) for s in pink[line]] == [
        ("black", BLUE),
        ("van", PINK),
    ]


def test_undoing_a_change_removes_its_mark() -> None:
    opened = DRAFT
    typed = DRAFT.replace("Out.", "Out there.")
    assert mark_changes(opened, typed, {}, BLUE)
    assert mark_changes(opened, DRAFT, {}, BLUE) == {}


def test_edits_outside_revision_mode_only_carry_marks() -> None:
    blue_draft = DRAFT.replace("Out.", "Out there.")
    blue = mark_changes(DRAFT, blue_draft, {}, BLUE)
    moved = "FADE IN:\n\n" + blue_draft.replace("A car waits", "A van waits")
    carried = mark_changes(blue_draft, moved, blue, None)
    assert marked_text(moved, carried) == {10: ["there"]}
    assert line_levels(carried) == {10: BLUE}


def test_an_edited_line_is_paired_even_when_much_longer() -> None:
    new = DRAFT.replace(
        "Tom drops his keys on the table.",
        "Tom drops his keys on the table, then his coat, then himself into the chair.",
    )
    marks = mark_changes(DRAFT, new, {}, BLUE)
    (line,) = marks
    assert all(span.start > 30 for span in marks[line])  # the old words are not marked


# Printed marks --------------------------------------------------------------------------


LONG = (
    "The storm has been building all evening and now it breaks over the town with a "
    "noise like the end of the world. Shutters bang. Dogs howl. Somewhere a child "
    "laughs at all of it, delighted, and the sound carries down the empty street."
)


def test_only_the_printed_lines_holding_a_change_get_the_mark() -> None:
    old = f"EXT. TOWN - NIGHT\n\n{LONG}\n\nMAYA\nWhat a night.\n"
    new = old.replace("Dogs howl.", "Dogs bark.")
    marks = mark_changes(old, new, {}, BLUE)
    script = parse(new)
    pagination = paginate(script, layout_for("letter"))
    slots = printed_marks(pagination, script, new, marks)
    page = pagination.pages[0]
    action_rows = [line for line in page.lines if line.source_line == 2]
    assert len(action_rows) == 4
    marked = [row.text for row in action_rows if row.slot in slots[0]]
    assert marked == [next(row.text for row in action_rows if "bark" in row.text)]
    assert slots[0][marked and action_rows[[r.text for r in action_rows].index(marked[0])].slot]
    assert page_levels(slots) == [BLUE]
    assert revised_pages(slots) == [0]
    assert revised_pages(slots, PINK) == []


def test_removal_marks_print_on_the_line_where_text_went() -> None:
    old = f"EXT. TOWN - NIGHT\n\n{LONG}\n\nMAYA\nWhat a night.\n"
    new = old.replace(" Shutters bang.", "")
    marks = mark_changes(old, new, {}, BLUE)
    script = parse(new)
    pagination = paginate(script, layout_for("letter"))
    slots = printed_marks(pagination, script, new, marks)
    rows = {line.slot: line.text for line in pagination.pages[0].lines}
    assert [rows[slot] for slot in slots[0]] == [
        next(text for text in rows.values() if "world." in text)
    ]


def test_marked_headings_and_cues_print_their_mark() -> None:
    new = DRAFT.replace("EXT. STREET - NIGHT", "EXT. ALLEY - NIGHT").replace("TOM\n", "TOMAS\n")
    marks = mark_changes(DRAFT, new, {}, YELLOW)
    script = parse(new)
    pagination = paginate(script, layout_for("letter"))
    slots = printed_marks(pagination, script, new, marks)
    texts = {line.text for line in pagination.pages[0].lines if line.slot in slots[0]}
    assert texts == {"EXT. ALLEY - NIGHT", "TOMAS"}
    assert set(slots[0].values()) == {YELLOW}


# In the file --------------------------------------------------------------------------------


def save(body: str, data: production_file.ProductionData) -> str:
    return production_file.write(body, data)


def test_marks_survive_save_and_reopen(tmp_path: Path) -> None:
    data = production_file.ProductionData()
    data.revisions.start_round(date="2025-03-10")
    blue_draft = DRAFT.replace("Out.", "Out there.")
    data.carry(DRAFT, blue_draft, BLUE)
    path = tmp_path / "draft.fountain"
    path.write_text(save(blue_draft, data), encoding="utf-8")

    loaded = production_file.read(path.read_text(encoding="utf-8"))
    assert loaded.warnings == []
    assert loaded.body == blue_draft
    assert loaded.data.revisions.rounds == [Round(BLUE, "2025-03-10")]
    assert loaded.data.revisions.marks == data.revisions.marks

    # A second round on the reopened file: Blue keeps its marks.
    loaded.data.revisions.start_round(date="2025-04-01")
    pink_draft = blue_draft.replace("A car waits", "A van waits")
    loaded.data.carry(blue_draft, pink_draft, PINK)
    again = production_file.read(save(pink_draft, loaded.data))
    assert {s.level for spans in again.data.revisions.marks.values() for s in spans} == {
        BLUE,
        PINK,
    }
    assert [r.name for r in again.data.revisions.rounds] == ["Blue", "Pink"]


def test_the_block_is_invisible_to_fountain_readers() -> None:
    data = production_file.ProductionData()
    data.revisions.start_round(date="*/ odd date /*")
    data.carry(DRAFT, DRAFT.replace("Out.", "Gone."), BLUE)
    text = save(DRAFT.replace("Out.", "Gone."), data)
    assert text.count("*/") == 1  # the date's "*/" cannot end the comment early
    body = production_file.read(text).body
    assert parse(text).elements == parse(body).elements
    assert production_file.read(text).data.revisions.rounds[0].date == "*/ odd date /*"


def test_marks_are_found_again_after_another_program_edits() -> None:
    data = production_file.ProductionData()
    data.revisions.start_round(date="2025-03-10")
    blue_draft = DRAFT.replace("Out.", "Out there.").replace("A car waits", "A van waits")
    data.carry(DRAFT, blue_draft, BLUE)
    saved = save(blue_draft, data)
    # Another program adds a scene at the top and rewrites the van line.
    edited = "INT. HALL - DAY\n\nQuiet.\n\n" + saved.replace(
        "A van waits with its lights off.", "A van idles."
    )
    loaded = production_file.read(edited)
    assert marked_text(loaded.body, loaded.data.revisions.marks) == {12: ["there"]}
    (warning,) = loaded.warnings
    assert "changed by another program" in warning and "1 marked line of 2" in warning


def test_damaged_records_are_kept_and_reported() -> None:
    data = production_file.ProductionData()
    data.revisions.start_round(date="2025-03-10")
    saved = save(DRAFT, data)
    damaged = saved.replace("version 1", 'version 1\nmark {not json\nfuture {"x": 1}')
    loaded = production_file.read(damaged)
    assert any("could not be read" in w for w in loaded.warnings)
    rewritten = save(loaded.body, loaded.data)
    assert "mark {not json" in rewritten and 'future {"x": 1}' in rewritten


def test_an_unclosed_boneyard_stops_the_save_with_a_message() -> None:
    data = production_file.ProductionData()
    data.revisions.start_round()
    with pytest.raises(ReelwrightError, match=r"line 3 opens a boneyard.*never closed"):
        save("INT. A - DAY\n\n/* unfinished thought\n\nMore.\n", data)


def test_no_production_data_leaves_the_file_alone() -> None:
    text = "INT. A - DAY\n\nMore.\n\n\n"
    assert save(text, production_file.ProductionData()) == text
    assert production_file.read(text).body == text


def test_crlf_files_keep_their_line_ends() -> None:
    crlf = DRAFT.replace("\n", "\r\n")
    data = production_file.ProductionData()
    data.revisions.start_round()
    new = crlf.replace("Out.", "Gone.")
    data.carry(crlf, new, BLUE)
    text = save(new, data)
    assert "\n" not in text.replace("\r\n", "")
    loaded = production_file.read(text)
    assert loaded.body == new and loaded.data.revisions.marks == data.revisions.marks


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["", "MAYA", "Out.", "Rain *runs* down.", "  ", "word word"]), max_size=12
    ),
    st.lists(st.sampled_from(["", "MAYA", "Out!", "Rain runs down.", "\t", "word"]), max_size=12),
)
def test_marks_always_fit_their_lines(old_lines: list[str], new_lines: list[str]) -> None:
    old = DRAFT + "\n".join(old_lines)
    new = "\n".join(new_lines) + DRAFT.replace("Out.", "Out there.")
    first = mark_changes(DRAFT, old, {}, BLUE)
    marks = mark_changes(old, new, first, PINK)
    lines = lines_of(new)
    for line, spans in marks.items():
        assert spans and spans == normalize(spans, len(lines[line]))
        assert all(0 <= s.start <= s.end <= len(lines[line]) for s in spans)
    assert mark_changes(new, new, marks, YELLOW) == marks
