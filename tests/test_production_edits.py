"""The production core as the editor drives it: marks carried edit by edit over only the
lines an edit touched, Chinese and Japanese changes marked per character, the draft as it
goes out (numbers written under a lock), revision mode kept in the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay import data_block, production_file
from reelwright.screenplay.emphasis import plain_text
from reelwright.screenplay.page_lock import LockedPage, PageLock, Position
from reelwright.screenplay.production_file import Draft, ProductionData
from reelwright.screenplay.revisions import (
    Span,
    joined_over_spaces,
    mark_changes,
    plain_offsets,
    source_columns,
)
from reelwright.screenplay.scene_lock import lock_scenes
from reelwright.screenplay.textdiff import diff_line, split_lines, tokens

BLUE, PINK = 1, 2

WORDS = st.sampled_from(
    ["Maya", "walks", "to", "the", "window", "RAIN", "张伟", "赶到", "医院", "。", "*bold*", ""]
)
LINE = st.lists(WORDS, min_size=0, max_size=6).map(" ".join)
LINES = st.lists(LINE, min_size=1, max_size=14)


def _marks_for(lines: list[str], draw: st.DrawFn) -> dict[int, tuple[Span, ...]]:
    marks: dict[int, tuple[Span, ...]] = {}
    for number, line in enumerate(lines):
        if line and draw(st.booleans()):
            start = draw(st.integers(0, len(line)))
            end = draw(st.integers(start, len(line)))
            marks[number] = (Span(start, end, draw(st.sampled_from([BLUE, PINK]))),)
    return marks


@st.composite
def edits(draw: st.DrawFn) -> tuple[list[str], dict[int, tuple[Span, ...]], int, int, list[str]]:
    """A script, its marks, and an edit: lines first..last (exclusive) replaced."""
    lines = draw(LINES)
    first = draw(st.integers(0, len(lines)))
    last = draw(st.integers(first, min(len(lines), first + 4)))
    new = draw(st.lists(LINE, min_size=0, max_size=4))
    if first == last and not new:
        new = [draw(LINE)]
    return lines, _marks_for(lines, draw), first, last, new


def _apply(lines: list[str], first: int, last: int, new: list[str]) -> list[str]:
    result = lines[:first] + new + lines[last:]
    return result or [""]


def _regional(
    data: ProductionData,
    lines: list[str],
    first: int,
    last: int,
    new: list[str],
    level: int | None,
    characters: bool = False,
) -> None:
    """What the editor's document does: the edit's lines and one line of context before,
    two after."""
    after = _apply(lines, first, last, new)
    shift = len(after) - len(lines)
    start = max(0, first - 1)
    old_end = min(len(lines), last + 2)
    data.carry_lines(
        start, lines[start:old_end], after[start : old_end + shift], level, characters=characters
    )


def _marked_text(lines: list[str], marks: dict[int, tuple[Span, ...]]) -> list[tuple[str, ...]]:
    """What is marked, by text (where lines repeat, two alignments of an edit are both
    right: the marks then sit on equal lines)."""
    return sorted(
        (lines[n], lines[n][s.start : s.end], str(s.start), str(s.level))
        for n, spans in marks.items()
        for s in spans
    )


@settings(max_examples=150, deadline=None)
@given(edits())
def test_carrying_an_edits_lines_is_carrying_the_whole_text(case) -> None:
    """Without marking, carrying only the lines an edit touched gives the marks and page
    beginnings a comparison of the whole drafts gives (the same text marked, pages
    beginning on the same text)."""
    lines, marks, first, last, new = case
    after = _apply(lines, first, last, new)
    pages = PageLock(
        [LockedPage("1", None)]
        + [LockedPage(str(n + 2), Position(n, 0)) for n in range(0, len(lines), 3)]
    )
    whole = ProductionData(pages=pages)
    whole.revisions.marks = dict(marks)
    part = whole.copy()
    whole.carry("\n".join(lines), "\n".join(after))
    _regional(part, lines, first, last, new, None)
    assert _marked_text(after, part.revisions.marks) == _marked_text(after, whole.revisions.marks)
    assert part.pages is not None and whole.pages is not None

    def starts(lock: PageLock) -> list[tuple[str, int] | None]:
        found: list[tuple[str, int] | None] = []
        for page in lock.pages:
            where = page.start
            text = after[where.line] if where is not None and where.line < len(after) else ""
            found.append(None if where is None else (text, where.column))
        return found

    assert starts(part.pages) == starts(whole.pages)


@settings(max_examples=150, deadline=None)
@given(edits(), st.sampled_from([BLUE, PINK]), st.booleans())
def test_marking_an_edits_lines_marks_what_the_whole_drafts_mark(case, level, characters) -> None:
    """In revision mode too, where the next line with text is within the context (the
    drafts here have no blank lines, as a paragraph's lines), word by word or, for the
    editor's one edit, character by character."""
    lines, marks, first, last, new = case
    lines = [line or "x" for line in lines]
    new = [line or "y" for line in new]
    marks = {n: s for n, s in marks.items() if n < len(lines)}
    after = _apply(lines, first, last, new)
    whole = ProductionData()
    whole.revisions.marks = dict(marks)
    part = whole.copy()
    whole.carry("\n".join(lines), "\n".join(after), level, characters=characters)
    _regional(part, lines, first, last, new, level, characters)
    assert _marked_text(after, part.revisions.marks) == _marked_text(after, whole.revisions.marks)
    for number, spans in part.revisions.marks.items():
        assert all(0 <= s.start <= s.end <= len(after[number]) for s in spans)


def test_a_typed_line_is_marked_whole_and_undoing_the_typing_leaves_no_mark() -> None:
    data = ProductionData()
    lines = ["INT. HOUSE - DAY", "", "She waits."]
    typed = ["INT. HOUSE - DAY", "", "She waits.", "", "A dog barks."]
    data.carry_lines(1, lines[1:], typed[1:], BLUE)
    assert data.revisions.marks == {4: (Span(0, 12, BLUE),)}
    data.carry_lines(1, typed[1:], lines[1:], None)  # the undo's text, not a revision
    assert data.revisions.marks == {}


def test_letters_typed_onto_a_word_mark_the_letters_not_the_word() -> None:
    previous = base = "Fog. A bell."
    data = ProductionData()
    for typed in ("T", "Th", "Thi", "Thic", "Thick", "Thick "):
        data.carry_lines(0, [previous], [typed + base], BLUE, characters=True)
        previous = typed + base
    assert data.revisions.marks == {0: (Span(0, 5, BLUE),)}  # "Thick", not "Thick Fog"
    # The same drafts compared as drafts mark words.
    assert mark_changes("Fog. A bell.", "Thickfog. A bell.", {}, BLUE) == {0: (Span(0, 8, BLUE),)}
    # Backspace leaves the place; typing over a selection marks what was typed.
    data = ProductionData()
    data.carry_lines(0, ["Maya walks home."], ["Maya walk home."], BLUE, characters=True)
    assert data.revisions.marks == {0: (Span(9, 9, BLUE),)}
    data = ProductionData()
    data.carry_lines(0, ["Maya walks home."], ["Maya r home."], BLUE, characters=True)
    assert data.revisions.marks == {0: (Span(5, 6, BLUE),)}


def test_chinese_changes_are_marked_per_character() -> None:
    assert tokens("张伟赶到医院。") == ["张", "伟", "赶", "到", "医", "院", "。"]
    edit = diff_line("张伟赶到医院。", "张伟跑到医院。")
    assert edit.changed == [(2, 3)]  # 跑, not the whole sentence
    marks = mark_changes("张伟赶到医院。Tom来了。", "张伟赶到诊所。Tom来了。", {}, BLUE)
    assert marks == {0: (Span(4, 6, BLUE),)}  # 诊所
    japanese = mark_changes("ミカは駅へ行く。", "ミカは港へ行く。", {}, BLUE)
    assert japanese == {0: (Span(3, 4, BLUE),)}
    # Latin words keep their apostrophes; an emphasis marker is a token of its own.
    assert tokens("don't _stop_") == ["don't", " ", "_", "stop", "_"]


@given(st.text(alphabet=st.sampled_from("ab 张伟。,'_*-\t\\"), max_size=40))
def test_tokens_cover_the_line(line: str) -> None:
    assert "".join(tokens(line)) == line


@given(st.text(alphabet=st.sampled_from("ab *_\\[]张"), max_size=30))
def test_plain_columns_and_source_columns_are_inverse(line: str) -> None:
    plain = plain_text(line)
    offsets = plain_offsets(line)
    columns = source_columns(line)
    assert len(offsets) == len(line) + 1 and len(columns) == len(plain) + 1
    for index, char in enumerate(plain):
        assert line[columns[index]] == char
        assert offsets[columns[index]] == index
    assert offsets[-1] == len(plain)


def test_words_typed_one_by_one_are_one_mark() -> None:
    text = "She sits down."
    spans = (Span(0, 3, BLUE), Span(4, 8, BLUE), Span(9, 14, BLUE))
    assert joined_over_spaces(spans, text) == (Span(0, 14, BLUE),)
    # Rounds stay apart, and so do words that unchanged text parts.
    assert joined_over_spaces((Span(0, 3, BLUE), Span(4, 8, PINK)), text) == (
        Span(0, 3, BLUE),
        Span(4, 8, PINK),
    )
    assert joined_over_spaces((Span(0, 3, BLUE), Span(9, 14, BLUE)), text) == (
        Span(0, 3, BLUE),
        Span(9, 14, BLUE),
    )


def test_the_draft_for_export_writes_the_locked_numbers_and_keeps_the_marks() -> None:
    script = "INT. A - DAY\n\nOne.\n\nINT. B - DAY\n\nTwo.\n\nINT. C - DAY\n\nThree.\n"
    locked, lock = lock_scenes(script)
    edited = locked.replace("INT. B - DAY #2#\n\nTwo.\n\n", "")  # scene 2 deleted
    edited = edited.replace("Three.", "Three.\n\nINT. D - NIGHT\n\nFour.")
    data = ProductionData(scenes=lock)
    data.revisions.start_round(date="2025-03-10")
    data.carry(locked, edited, BLUE)
    draft = Draft(edited, data).for_export()
    assert ".OMITTED #2#" in draft.body and "INT. D - NIGHT #3A#" in draft.body
    lines = split_lines(draft.body)
    four = lines.index("Four.")
    assert draft.data.revisions.marks[four] == (Span(0, 5, BLUE),)
    assert data.revisions.marks != draft.data.revisions.marks  # the document's own untouched
    unlocked = Draft(edited, ProductionData())
    assert unlocked.for_export() is unlocked


def test_revision_mode_off_is_kept_in_the_file_and_copies_are_independent() -> None:
    data = ProductionData()
    data.revisions.start_round(date="2025-03-10")
    assert data.marking_level == BLUE
    data.marking = False
    assert data.marking_level is None
    text = production_file.write("INT. A - DAY\n", data)
    assert "marking off" in text
    loaded = production_file.read(text)
    assert loaded.data.marking is False and not loaded.warnings
    copy = loaded.data.copy()
    copy.revisions.rounds.append(copy.revisions.round(PINK))
    copy.others.set_section("dictionary", ["Zorblax"])
    assert len(loaded.data.revisions.rounds) == 1 and loaded.data.others.is_empty()


def test_an_autosave_keeps_the_block_after_an_unclosed_comment() -> None:
    data = ProductionData()
    data.revisions.start_round(date="2025-03-10")
    body = "INT. A - DAY\n\n/* an idea never closed\n"
    text = production_file.write(body, data, strict=False)
    back = production_file.read(text)
    assert back.body == body and back.data.revisions.rounds == data.revisions.rounds
    block = data_block.DataBlock([("dictionary", ["Zorblax"])])
    assert data_block.join(body, block, strict=False).endswith("Zorblax\n*/\n")
