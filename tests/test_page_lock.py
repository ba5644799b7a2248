"""Locked pages: added text makes A-pages, emptied pages combine (24-25), every other page
stays exactly as it was printed, and the lock survives save, reopen and edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.screenplay import production_file
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.page_lock import (
    PageLayout,
    PageLock,
    Position,
    lock_pages,
    paginate_locked,
    rebase,
)
from reelwright.screenplay.pagination import Pagination, paginate
from reelwright.screenplay.parser import parse
from reelwright.screenplay.scene_lock import SceneLabel

LETTER = layout_for("letter")
ADDED = (
    "A long new paragraph of action, written into a locked page, long enough to run over "
    "several printed lines of the page so that what was below it must move somewhere."
)


def script_text(scenes: int = 30) -> str:
    parts = []
    for n in range(1, scenes + 1):
        parts.append(
            f"INT. ROOM {n} - DAY\n\n"
            f"Maya walks into room {n}. She looks around, slowly, taking it all in.\n\n"
            f"MAYA\nThis is room {n}. I remember it.\n\n"
            f"TOM\nYou remember every room.\n\n"
        )
    return "".join(parts)


def contents(pagination: Pagination) -> list[list[str]]:
    return [[line.text for line in page.lines] for page in pagination.pages]


def locked(text: str) -> tuple[PageLock, Pagination]:
    script = parse(text)
    pagination = paginate(script, LETTER)
    return lock_pages(script, text, pagination), pagination


def relayout(lock: PageLock, old: str, new: str) -> PageLayout:
    return paginate_locked(parse(new), new, rebase(lock, old, new))


def by_label(result: PageLayout) -> dict[str, list[str]]:
    return dict(zip(result.labels, contents(result.pagination), strict=True))


def unchanged_except(
    before: Pagination, lock: PageLock, after: PageLayout, expected: set[str]
) -> None:
    """Every locked page other than ``expected`` prints exactly as it did."""
    old = dict(zip(lock.labels, contents(before), strict=True))
    new = by_label(after)
    changed = {label for label, lines in new.items() if old.get(label) != lines}
    assert changed == expected


def page_line(pagination: Pagination, page: int, row: int = 3) -> int:
    line = pagination.pages[page].lines[row].source_line
    assert line is not None
    return line


def insert(text: str, line: int, paragraph: str) -> str:
    lines = text.split("\n")
    return "\n".join([*lines[:line], paragraph, "", *lines[line:]])


def test_an_unchanged_script_keeps_its_pages_and_numbers() -> None:
    text = script_text()
    lock, pagination = locked(text)
    result = paginate_locked(parse(text), text, lock)
    assert result.labels == [str(n) for n in range(1, len(pagination.pages) + 1)]
    assert contents(result.pagination) == contents(pagination)
    assert result.adjusted == 0 and result.lost == []
    reused = paginate_locked(parse(text), text, lock, unlocked=pagination)
    assert reused.labels == result.labels
    assert contents(reused.pagination) == contents(pagination)


def test_text_added_to_a_page_spills_onto_a_pages() -> None:
    text = script_text()
    lock, pagination = locked(text)
    new = insert(text, page_line(pagination, 2), ADDED)
    result = relayout(lock, text, new)
    assert result.labels[:5] == ["1", "2", "3", "3A", "4"]
    unchanged_except(pagination, lock, result, {"3", "3A"})
    # The forced breaks: where each locked page after the first begins now.
    assert [label for label, _position in result.breaks] == lock.labels[1:]
    starts = {page.first_source_line for page in result.pagination.pages}
    assert all(position.line in starts for _label, position in result.breaks)
    more = insert(new, page_line(pagination, 2), "\n\n".join([ADDED] * 14))
    result = relayout(lock, text, more)
    assert result.labels[:6] == ["1", "2", "3", "3A", "3B", "4"]
    unchanged_except(pagination, lock, result, {"3", "3A", "3B"})


def test_a_page_emptied_by_cuts_combines_with_the_next() -> None:
    text = script_text(60)
    lock, pagination = locked(text)
    lines = text.split("\n")
    start = pagination.pages[4].first_source_line
    end = pagination.pages[5].first_source_line
    cut = "\n".join(lines[:start] + lines[end:])
    result = relayout(lock, text, cut)
    assert result.labels[3:6] == ["4", "5-6", "7"]
    unchanged_except(pagination, lock, result, {"5-6"})
    # Page 6 as it was (a cue may now follow its own speaker's speech: CONT'D).
    assert [t.replace(" (CONT'D)", "") for t in by_label(result)["5-6"]] == contents(pagination)[5]
    # Two pages gone at once.
    end = pagination.pages[6].first_source_line
    cut = "\n".join(lines[:start] + lines[end:])
    assert relayout(lock, text, cut).labels[3:6] == ["4", "5-7", "8"]


def test_the_last_page_emptied_combines_with_the_one_before() -> None:
    text = script_text()
    lock, pagination = locked(text)
    last = pagination.pages[-1].first_source_line
    cut = "\n".join(text.split("\n")[:last])
    result = relayout(lock, text, cut)
    count = len(pagination.pages)
    assert result.labels[-1] == f"{count - 1}-{count}"


def test_text_removed_inside_a_page_leaves_it_short() -> None:
    text = script_text()
    lock, pagination = locked(text)
    shorter = text.replace("MAYA\nThis is room 9. I remember it.\n\n", "")
    result = relayout(lock, text, shorter)
    assert result.labels == lock.labels
    page = next(
        i for i, p in enumerate(contents(pagination)) if "This is room 9. I remember it." in p
    )
    unchanged_except(pagination, lock, result, {str(page + 1)})


def test_locking_again_keeps_a_pages_and_letters_new_ones_between() -> None:
    text = script_text()
    lock, pagination = locked(text)
    new = insert(text, page_line(pagination, 2), ADDED)
    first = relayout(lock, text, new)
    relock = lock_pages(parse(new), new, first.pagination, first.labels)
    assert relock.labels[:5] == ["1", "2", "3", "3A", "4"]
    # More text on page 3 now goes before the locked 3A: 3AA.
    page3 = first.pagination.pages[2]
    again = insert(new, page3.lines[2].source_line or 0, "\n\n".join([ADDED] * 5))
    result = paginate_locked(parse(again), again, rebase(relock, new, again))
    assert result.labels[:6] == ["1", "2", "3", "3AA", "3A", "4"]
    # More text on 3A goes after it: 3B.
    page3a = first.pagination.pages[3]
    later = insert(new, page3a.lines[-1].source_line or 0, "\n\n".join([ADDED] * 20))
    result = paginate_locked(parse(later), later, rebase(relock, new, later))
    assert "3B" in result.labels and result.labels.index("3B") == result.labels.index("3A") + 1


def long_action_script() -> str:
    """Pages that begin inside a long action paragraph (one source line over two pages)."""
    sentence = "The storm keeps on and on over the roofs of the little town, and nobody sleeps. "
    return "".join(
        f"EXT. TOWN {n} - NIGHT\n\n{sentence * 30}\n\nMAYA\nStill raining.\n\n" for n in range(12)
    )


def test_a_page_that_began_mid_paragraph_still_begins_there() -> None:
    text = long_action_script()
    lock, pagination = locked(text)
    inline = [p for p in lock.pages if p.start is not None and p.start.column > 0]
    assert inline, "the script should have pages that begin inside a line"
    target = lock.pages.index(inline[0])
    new = insert(text, page_line(pagination, target - 1, 0), "Thunder.")
    result = relayout(lock, text, new)
    assert result.labels[target - 1 : target + 2] == [
        str(target),
        f"{target}A",
        str(target + 1),
    ]
    unchanged_except(pagination, lock, result, {str(target), f"{target}A"})


def speech_script() -> str:
    """Long speeches that run over pages with (MORE) and (CONT'D)."""
    said = "I keep talking because the silence would be worse. "
    return "".join(
        f"INT. HALL {n} - DAY\n\nTom waits.\n\nMAYA\n{said * 70}\n\nTom nods.\n\n"
        for n in range(10)
    )


def continued_pages(pagination: Pagination) -> list[int]:
    """Pages that begin inside a speech (under a repeated cue)."""
    return [
        index
        for index, page in enumerate(pagination.pages)
        if index
        and any(
            line.contd
            and line.type.value == "character"
            and line.source_line != page.first_source_line
            for line in page.lines[:1]
        )
    ]


def test_pages_that_began_inside_a_speech_keep_their_labels() -> None:
    text = speech_script()
    lock, pagination = locked(text)
    assert continued_pages(pagination), "the script should have speeches continued over a page"
    # Unchanged pages before them: the breaks fall where they did, nothing adjusted.
    result = paginate_locked(parse(text), text, lock)
    assert result.adjusted == 0 and contents(result.pagination) == contents(pagination)
    # Text added on page 1: the overflow goes to 1A, which ends with (MORE); every later
    # page still begins inside its speech at the same words, as printed before.
    new = insert(text, page_line(pagination, 0, 1), ADDED)
    result = relayout(lock, text, new)
    assert result.adjusted == 0
    assert result.labels[:3] == ["1", "1A", "2"]
    assert result.pagination.pages[1].lines[-1].more
    unchanged_except(pagination, lock, result, {"1", "1A"})


def test_big_fish_a_page_begun_inside_a_speech_leaves_later_pages_alone(corpus_dir: Path) -> None:
    text = (corpus_dir / "Big-Fish.fountain").read_text(encoding="utf-8")
    lock, pagination = locked(text)
    targets = [t for t in continued_pages(pagination) if t + 1 not in continued_pages(pagination)]
    assert targets
    target = targets[0]
    new = insert(text, page_line(pagination, target - 1, 4), ADDED)
    result = relayout(lock, text, new)
    old = dict(zip(lock.labels, contents(pagination), strict=True))
    later = lock.labels[target + 1 :]
    assert all(by_label(result)[label] == old[label] for label in later)
    assert [label for label in result.labels if label in lock.labels] == lock.labels


def test_the_lock_follows_edits_and_survives_save_and_reopen(tmp_path: Path) -> None:
    text = script_text()
    lock, pagination = locked(text)
    data = production_file.ProductionData(pages=lock)
    edited = "Title: Rooms\nAuthor: Maya\n\n" + text  # lines above, nothing printed
    data.carry(text, edited)
    assert data.pages is not None
    assert data.pages.pages[1].start == Position((lock.pages[1].start or Position(0)).line + 3, 0)
    path = tmp_path / "locked.fountain"
    path.write_text(production_file.write(edited, data), encoding="utf-8")
    loaded = production_file.read(path.read_text(encoding="utf-8"))
    assert loaded.warnings == [] and loaded.data.pages is not None
    result = paginate_locked(parse(loaded.body), loaded.body, loaded.data.pages)
    assert result.labels == lock.labels
    assert contents(result.pagination)[1:] == contents(pagination)[1:]


def test_another_programs_edit_is_followed_by_the_lines_text() -> None:
    text = script_text()
    lock, pagination = locked(text)
    saved = production_file.write(text, production_file.ProductionData(pages=lock))
    edited = "Title: Rooms\n\n" + saved.replace("room 20. I remember", "room twenty. I remember")
    loaded = production_file.read(edited)
    assert loaded.data.pages is not None
    assert any("changed by another program" in w for w in loaded.warnings)
    result = paginate_locked(parse(loaded.body), loaded.body, loaded.data.pages)
    assert result.labels[: len(lock.labels)] == lock.labels[: len(result.labels)]
    assert contents(result.pagination)[0] == contents(pagination)[0]


def test_a_deleted_first_line_moves_the_page_start_to_the_next_line() -> None:
    text = script_text()
    lock, _pagination = locked(text)
    start = lock.pages[3].start
    assert start is not None
    lines = text.split("\n")
    del lines[start.line]
    moved = rebase(lock, text, "\n".join(lines))
    assert moved.pages[3].start == Position(start.line, 0)
    assert moved.pages[4].start == Position((lock.pages[4].start or start).line - 1, 0)


def test_element_indexes_are_the_scripts_own() -> None:
    text = long_action_script()
    lock, _pagination = locked(text)
    new = insert(text, 2, "Thunder.")
    script = parse(new)
    result = paginate_locked(script, new, rebase(lock, text, new))
    for page in result.pagination.pages:
        for line in page.lines:
            if line.element_index is not None and line.source_line is not None:
                element = script.elements[line.element_index]
                assert (
                    element.start_line
                    <= line.source_line
                    < max(element.end_line, element.start_line + 1)
                )
    headings = [i for i, e in enumerate(script.elements) if e.type.value == "scene_heading"]
    assert sorted(result.pagination.scene_pages) == headings


@pytest.mark.parametrize("page", [23, 60])
def test_big_fish_a_page_leaves_the_rest_as_printed(corpus_dir: Path, page: int) -> None:
    text = (corpus_dir / "Big-Fish.fountain").read_text(encoding="utf-8")
    lock, pagination = locked(text)
    new = insert(text, page_line(pagination, page - 1, 8), ADDED)
    result = relayout(lock, text, new)
    index = result.labels.index(str(page))
    assert result.labels[index + 1] == f"{page}A"
    unchanged_except(pagination, lock, result, {str(page), f"{page}A"})


EDIT_LINES = [
    "",
    "MAYA",
    "Hello there *friend*.",
    "INT. NEW PLACE - DAY",
    "(beat)",
    "> CUT TO:",
    "===",
    "[[a note",
    "a note ends]]",
    "word " * 40,
]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 1), st.sampled_from(["insert", "delete", "edit"]), st.integers(0, 9)
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_edits_keep_every_locked_label_in_order(edits: list[tuple[float, str, int]]) -> None:
    """Whatever is added, cut or changed: one label per page, labels in order and unique,
    and every locked label still printed (alone or inside a combined range)."""
    text = script_text(12)
    lock, _pagination = locked(text)
    lines = text.split("\n")
    for where, action, choice in edits:
        index = min(int(where * len(lines)), len(lines) - 1)
        if action == "insert":
            lines.insert(index, EDIT_LINES[choice])
        elif action == "delete" and len(lines) > 1:
            del lines[index]
        else:
            lines[index] = lines[index][: choice * 3] + EDIT_LINES[choice]
    new = "\n".join(lines)
    result = relayout(lock, text, new)
    assert len(result.labels) == len(result.pagination.pages) and all(result.labels)
    parts = [part for label in result.labels for part in label.split("-")]
    keys = [SceneLabel.parse(part).key for part in parts]  # type: ignore[union-attr]
    assert keys == sorted(keys) and len(set(parts)) == len(parts)
    covered: set[str] = set()
    for label in result.labels:
        first, _, last = label.partition("-")
        if last:
            covered |= set(lock.labels[lock.labels.index(first) : lock.labels.index(last) + 1])
        else:
            covered.add(first)
    assert set(lock.labels) <= covered
