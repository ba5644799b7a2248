"""Locked scene numbers: A-numbers between locked ones, OMITTED for dropped scenes,
unlocking renumbers, and the text around the headings is never touched."""

from __future__ import annotations

import random
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.exporters.pdf import write_pdf
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.errors import ReelwrightError
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.pagination import PrintOptions
from reelwright.screenplay.parser import parse
from reelwright.screenplay.scene_lock import (
    LETTERS_WITHOUT_IO,
    SceneLabel,
    SceneLock,
    apply_lock,
    label_between,
    lock_scenes,
    omit_scene,
    scene_numbers,
    unlock_scenes,
    with_number,
)


def scenes(count: int, prefix: str = "ROOM") -> str:
    return "".join(
        f"INT. {prefix} {n} - DAY\n\nSomething happens in room {n}.\n\n"
        for n in range(1, count + 1)
    )


def numbers(text: str) -> list[str | None]:
    return [e.scene_number for e in parse(text).elements if e.type is ElementType.SCENE_HEADING]


def headings(text: str) -> list[tuple[str, str | None]]:
    return [
        (e.text, e.scene_number)
        for e in parse(text).elements
        if e.type is ElementType.SCENE_HEADING
    ]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("12", "13", "12A"),
        ("12A", "13", "12B"),
        ("12B", "13", "12C"),
        ("12", None, "12A"),
        (None, "1", "A1"),
        ("A1", "1", "B1"),
        ("12", "12A", "12AA"),
        ("12AA", "12A", "12AB"),
        ("12A", "12B", "12BA"),
        ("12Z", "13", "A13"),
        ("A13", "13", "B13"),
        (None, None, "1"),
    ],
)
def test_a_new_scene_is_numbered_between_its_neighbours(
    before: str | None, after: str | None, expected: str
) -> None:
    assert label_between(before, after) == expected


def test_labels_sort_the_way_they_are_inserted() -> None:
    order = ["A1", "B1", "1", "12", "12AA", "12AB", "12A", "12BA", "12B", "12Z", "A13", "13"]
    keys = [SceneLabel.parse(label).key for label in order]
    assert keys == sorted(keys)


def test_letters_i_and_o_can_be_left_out() -> None:
    assert label_between("12H", "13", letters=LETTERS_WITHOUT_IO) == "12J"
    assert label_between("12N", "13", letters=LETTERS_WITHOUT_IO) == "12P"


def test_taken_numbers_are_not_given_twice() -> None:
    assert label_between("12", "13", {"12A", "12b"}) == "12C"


def test_no_room_left_is_one_clear_message() -> None:
    with pytest.raises(ReelwrightError, match="no scene number fits between 12AZ and 12A"):
        label_between("12AZ", "12A", {f"{p}12A" for p in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


def test_lock_numbers_every_scene_and_touches_nothing_else() -> None:
    text = "Title: Test\nAuthor: Me\n\n" + scenes(3) + ".SNIPER SCOPE POV\n\nCrosshairs.\n"
    locked, lock = lock_scenes(text)
    assert lock.numbers == ["1", "2", "3", "4"]
    assert numbers(locked) == ["1", "2", "3", "4"]
    before = text.split("\n")
    after = locked.split("\n")
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert [after[i] for i in changed] == [
        "INT. ROOM 1 - DAY #1#",
        "INT. ROOM 2 - DAY #2#",
        "INT. ROOM 3 - DAY #3#",
        ".SNIPER SCOPE POV #4#",
    ]


def test_lock_keeps_numbers_a_production_office_wrote() -> None:
    text = "INT. A - DAY #101#\n\nOne.\n\nINT. B - DAY\n\nTwo.\n\nINT. C - DAY #102#\n\nThree.\n"
    locked, lock = lock_scenes(text)
    assert numbers(locked) == ["101", "101A", "102"]
    assert lock.numbers == ["101", "101A", "102"]
    relocked, fresh = lock_scenes(text, renumber=True)
    assert numbers(relocked) == ["1", "2", "3"] and fresh.numbers == ["1", "2", "3"]


def test_new_scenes_get_a_numbers_and_keep_them_when_locked_again() -> None:
    locked, lock = lock_scenes(scenes(3))
    added = locked.replace(
        "Something happens in room 1.\n",
        "Something happens in room 1.\n\nEXT. YARD - DAY\n\nA.\n\nEXT. ROAD - DAY\n\nB.\n",
    )
    added = "EXT. PROLOGUE - NIGHT\n\nBefore.\n\n" + added
    assert numbers(apply_lock(added, lock)) == ["A1", "1", "1A", "1B", "2", "3"]
    # Lock again: 1A is now locked; a scene squeezed in before it is 1AA.
    relocked, lock2 = lock_scenes(added, lock)
    assert lock2.numbers == ["A1", "1", "1A", "1B", "2", "3"]
    squeezed = relocked.replace("#1A#\n\nA.\n", "#1A#\n\nA.\n\nINT. CAR - DAY\n\nC.\n").replace(
        "Something happens in room 1.\n", "Something happens in room 1.\n\nINT. HALL - DAY\n\nH.\n"
    )
    assert numbers(apply_lock(squeezed, lock2)) == ["A1", "1", "1AA", "1A", "1BA", "1B", "2", "3"]


def test_a_deleted_scene_leaves_omitted_with_its_number() -> None:
    locked, lock = lock_scenes(scenes(4))
    cut = locked.replace("INT. ROOM 2 - DAY #2#\n\nSomething happens in room 2.\n\n", "")
    cut = cut.replace("INT. ROOM 4 - DAY #4#\n\nSomething happens in room 4.\n\n", "")
    applied = apply_lock(cut, lock)
    assert headings(applied) == [
        ("INT. ROOM 1 - DAY", "1"),
        ("OMITTED", "2"),
        ("INT. ROOM 3 - DAY", "3"),
        ("OMITTED", "4"),
    ]
    assert ".OMITTED #2#\n\nINT. ROOM 3" in applied
    # A second pass changes nothing; the omitted numbers stay locked.
    assert apply_lock(applied, lock) == applied
    numbered = scene_numbers(parse(applied), lock)
    assert [(s.number, s.omitted) for s in numbered][1] == ("2", True)


def test_omitted_goes_where_the_scene_was_even_after_new_scenes() -> None:
    locked, lock = lock_scenes(scenes(3))
    edited = locked.replace(
        "INT. ROOM 2 - DAY #2#\n\nSomething happens in room 2.\n",
        "EXT. NEW - DAY\n\nNew.\n",
    )
    assert [n for _h, n in headings(apply_lock(edited, lock))] == ["1", "1A", "2", "3"]
    assert headings(apply_lock(edited, lock))[2] == ("OMITTED", "2")


def test_unlock_renumbers_and_drops_omitted() -> None:
    locked, lock = lock_scenes(scenes(3))
    cut = apply_lock(
        locked.replace("INT. ROOM 2 - DAY #2#\n\nSomething happens in room 2.\n\n", "").replace(
            "Something happens in room 3.\n",
            "Something happens in room 3.\n\nEXT. END - DAY\n\nEnd.\n",
        ),
        lock,
    )
    assert numbers(cut) == ["1", "2", "3", "3A"]
    unlocked = unlock_scenes(cut)
    assert headings(unlocked) == [
        ("INT. ROOM 1 - DAY", "1"),
        ("INT. ROOM 3 - DAY", "2"),
        ("EXT. END - DAY", "3"),
    ]
    assert "OMITTED" not in unlocked and "\n\n\n" not in unlocked
    assert numbers(unlock_scenes(cut, clear=True)) == [None, None, None]


def test_omit_scene_replaces_it_with_omitted() -> None:
    locked, _lock = lock_scenes(scenes(3))
    line = next(e.start_line for e in parse(locked).elements if e.text == "INT. ROOM 2 - DAY")
    omitted = omit_scene(locked, line)
    assert headings(omitted)[1] == ("OMITTED", "2")
    assert "room 2" not in omitted and "room 3" in omitted
    last = next(e.start_line for e in parse(locked).elements if e.text == "INT. ROOM 3 - DAY")
    assert omit_scene(locked, last).endswith(".OMITTED #3#\n")
    with pytest.raises(ReelwrightError, match="no number yet"):
        omit_scene(scenes(2), 0)
    with pytest.raises(ReelwrightError, match="no scene heading on line 2"):
        omit_scene(locked, 1)


def test_numbers_are_written_around_notes_boneyard_and_line_ends() -> None:
    assert with_number("INT. A - DAY [[check]]  ", "4") == "INT. A - DAY [[check]] #4#"
    assert with_number("INT. A - DAY #3#", "3A") == "INT. A - DAY #3A#"
    assert with_number("INT. A - DAY /* open", "5") == "INT. A - DAY #5# /* open"
    assert with_number("INT. A - DAY #3#", None) == "INT. A - DAY"
    crlf = scenes(2).replace("\n", "\r\n")
    locked, _lock = lock_scenes(crlf)
    assert locked.count("\r\n") == crlf.count("\r\n") and "\n" not in locked.replace("\r\n", "")
    assert numbers(locked) == ["1", "2"]


def test_a_duplicated_number_counts_as_a_new_scene() -> None:
    locked, lock = lock_scenes(scenes(2))
    pasted = locked + "INT. ROOM 1 - DAY #1#\n\nAgain.\n"
    assert numbers(apply_lock(pasted, lock))[:2] == ["1", "2"]
    result = scene_numbers(parse(pasted), lock)
    assert [s.number for s in result] == ["1", "2", "2A"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.booleans()), min_size=1, max_size=25))
def test_any_sequence_of_edits_keeps_numbers_unique_and_in_order(
    edits: list[tuple[int, bool]],
) -> None:
    """Add and delete scenes anywhere, locking again now and then: every heading's number
    is unique, sorts in script order, and locked numbers never change or vanish."""
    text, lock = lock_scenes(scenes(4))
    ever_locked = set(lock.numbers)
    rng = random.Random(len(edits))
    for position, relock in edits:
        script = parse(text)
        heads = [e for e in script.elements if e.type is ElementType.SCENE_HEADING]
        lines = text.split("\n")
        target = heads[position % len(heads)].start_line
        if rng.random() < 0.7:
            lines[target:target] = [f"EXT. PLACE {rng.randint(0, 999)} - DAY", "", "New.", ""]
        elif not heads[position % len(heads)].text.startswith("OMITTED"):
            end = next((h.start_line for h in heads if h.start_line > target), len(lines) - 1)
            del lines[target:end]
        text = apply_lock("\n".join(lines), lock)
        if relock:
            text, lock = lock_scenes(text, lock)
            ever_locked |= set(lock.numbers)
        found = [n for n in numbers(text)]
        assert all(n is not None for n in found)
        keys = [SceneLabel.parse(n).key for n in found]
        assert keys == sorted(keys) and len(set(found)) == len(found)
        assert set(lock.numbers) <= set(found)
    assert ever_locked >= set(lock.numbers)


def test_pdf_prints_a_numbers_and_omitted(tmp_path: Path) -> None:
    locked, lock = lock_scenes(scenes(3))
    edited = locked.replace("INT. ROOM 2 - DAY #2#\n\nSomething happens in room 2.\n\n", "")
    edited = edited.replace(
        "Something happens in room 1.\n", "Something happens in room 1.\n\nEXT. YARD - DAY\n\nA.\n"
    )
    final = apply_lock(edited, lock)
    out = tmp_path / "locked.pdf"
    write_pdf(parse(final), out, layout_for("letter"), PrintOptions(scene_numbers="both"))
    with pdfplumber.open(out) as pdf:
        words = [w["text"] for w in pdf.pages[0].extract_words()]
        text = pdf.pages[0].extract_text()
    assert words.count("1A") == 2 and words.count("2") >= 2
    assert "OMITTED" in text and "EXT. YARD - DAY" in text


def test_scene_lock_state_is_plain_data() -> None:
    lock = SceneLock(["1", "2"])
    assert lock.numbers == ["1", "2"] and lock.letters.startswith("ABC")
