"""Forced page breaks inside elements: the paginator cuts a speech where it is told, the
way a page end cuts one ((MORE) under it, NAME (CONT'D) over the rest), and action goes on
on the next page; locked pages that began inside a speech keep beginning at the same
words after edits on the pages before them, on the pagination and in the PDF."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from hypothesis import given, settings
from hypothesis import strategies as st

from reelwright.exporters import export
from reelwright.screenplay.elements import ElementType
from reelwright.screenplay.layout import layout_for
from reelwright.screenplay.page_lock import (
    PageLayout,
    PageLock,
    lock_pages,
    paginate_locked,
    rebase,
)
from reelwright.screenplay.pagination import Page, Pagination, paginate
from reelwright.screenplay.parser import parse
from reelwright.screenplay.print_setup import PrintSetup
from reelwright.screenplay.production_file import Draft, ProductionData

T = ElementType
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LETTER = layout_for("letter")
SAID = "I keep talking because the silence would be worse. "
STORM = "The storm keeps on over the roofs of the little town, and nobody sleeps. "


def rows(page: Page) -> list[str]:
    return [line.text for line in page.lines]


def contents(pagination: Pagination) -> list[list[str]]:
    return [rows(page) for page in pagination.pages]


def spoken(pagination: Pagination) -> list[str]:
    """Every word printed as dialogue or action, in order: nothing lost, nothing twice."""
    return [
        word
        for page in pagination.pages
        for line in page.lines
        if line.type in (T.DIALOGUE, T.ACTION)
        for word in line.text.split()
    ]


# The paginator ----------------------------------------------------------------------------


def one_speech(sentences: int = 12) -> str:
    return f"INT. HALL - DAY\n\nTom waits.\n\nMAYA\n{SAID * sentences}\n\nTom nods.\n"


def test_a_speech_is_cut_at_the_forced_break_with_more_and_contd() -> None:
    text = one_speech()
    script = parse(text)
    offset = len(SAID * 4)  # before the fifth sentence
    pagination = paginate(script, LETTER, breaks=[(5, offset)])
    assert len(pagination.pages) == 2
    first, second = pagination.pages
    assert first.lines[-1].more and first.lines[-1].text == "(MORE)"
    assert first.lines[-1].slot == first.lines[-2].slot + 1
    assert " ".join(rows(first)[3:-1]) == (SAID * 4).strip()
    cue = second.lines[0]
    assert (cue.text, cue.contd, cue.slot, cue.type) == ("MAYA (CONT'D)", True, -1, T.CHARACTER)
    assert second.first_source_line == 5
    body = [line.text for line in second.lines if line.type is T.DIALOGUE]
    assert " ".join(body) == (SAID * 8).strip()
    assert rows(second)[-1] == "Tom nods."
    # (MORE) and the repeated cue are where a page end puts them: the same x as a cut
    # the paginator chose itself.
    natural = paginate(parse(f"INT. HALL - DAY\n\nMAYA\n{SAID * 80}\n"), LETTER)
    more = next(line for line in natural.pages[0].lines if line.more)
    again = next(line for line in natural.pages[1].lines if line.contd)
    assert (first.lines[-1].x, cue.x) == (more.x, again.x)


def test_a_break_inside_a_printed_line_rewraps_the_rest() -> None:
    text = one_speech()
    offset = len(SAID * 2) + len("I keep talking ")  # mid-sentence, mid-row
    pagination = paginate(parse(text), LETTER, breaks=[(5, offset)])
    second = pagination.pages[1]
    assert second.lines[1].text.startswith("because the silence would be worse.")
    first_body = [line.text for line in pagination.pages[0].lines if line.type is T.DIALOGUE]
    assert " ".join(first_body).endswith("I keep talking")


def test_action_goes_on_on_the_next_page() -> None:
    text = f"EXT. TOWN - NIGHT\n\n{STORM * 6}\n\nMAYA\nStill raining.\n"
    offset = len(STORM * 3)
    pagination = paginate(parse(text), LETTER, breaks=[(2, offset)])
    first, second = pagination.pages
    assert not any(line.more for line in first.lines)
    assert second.lines[0].text.startswith("The storm keeps on")
    assert second.lines[0].slot == 0 and second.first_source_line == 2
    words = " ".join(rows(first)[1:] + [line.text for line in second.lines[:-2]])
    assert words.split() == (STORM * 6).split()


def test_two_breaks_in_one_speech_and_a_head_longer_than_a_page() -> None:
    text = one_speech(120)
    breaks = [(5, len(SAID * 100)), (5, len(SAID * 110))]
    pagination = paginate(parse(text), LETTER, breaks=breaks)
    starts = [
        next(line.text for line in page.lines if line.type is T.DIALOGUE)
        for page in pagination.pages[1:]
    ]
    # The first 100 sentences fill their pages as the paginator cuts them; the breaks
    # then start a page each.
    assert len(pagination.pages) >= 4
    for page in pagination.pages[:-1]:
        assert page.lines[-1].more
    for page in pagination.pages[1:]:
        assert page.lines[0].text == "MAYA (CONT'D)"
    assert all(start.startswith("I keep talking") for start in starts)
    tail = [line.text for line in pagination.pages[-2].lines if line.type is T.DIALOGUE]
    assert " ".join(tail) == (SAID * 10).strip()
    spoken = [
        line.text for page in pagination.pages for line in page.lines if line.type is T.DIALOGUE
    ]
    assert " ".join(spoken).split() == (SAID * 120).split()


def test_breaks_on_no_body_change_nothing() -> None:
    text = one_speech() + "\nTOM\nWhat?\n\nMAYA ^\nNothing.\n"
    script = parse(text)
    plain = paginate(script, LETTER)
    lines = text.split("\n")
    cue = lines.index("MAYA")
    dual = lines.index("Nothing.")
    for line in (0, cue, dual, len(lines) + 4):
        assert contents(paginate(script, LETTER, breaks=[(line, 0)])) == contents(plain)
    # At the start of a speech's body the whole speech goes to the next page.
    moved = paginate(script, LETTER, breaks=[(cue + 1, 0)])
    assert rows(moved.pages[1])[0] == "MAYA" and not moved.pages[0].lines[-1].more


# Locked pages -------------------------------------------------------------------------------


def speeches(scenes: int = 14) -> str:
    """Scenes whose long speeches run over pages."""
    return "".join(
        f"INT. HALL {n} - DAY\n\n{STORM * 2}\n\nTom waits by the door.\n\n"
        f"MAYA\n{SAID * (20 + 3 * (n % 5))}\n\nTom nods.\n\n"
        for n in range(scenes)
    )


def locked(text: str) -> tuple[PageLock, Pagination]:
    script = parse(text)
    pagination = paginate(script, LETTER)
    return lock_pages(script, text, pagination), pagination


def mid_speech(pagination: Pagination) -> list[int]:
    """Pages that begin inside a speech whose cue is on the page before."""
    found = []
    for index, page in enumerate(pagination.pages):
        if index < 2 or not page.lines or not page.lines[0].contd or page.lines[0].slot != -1:
            continue
        cue = page.lines[0].element_index
        if any(line.element_index == cue for line in pagination.pages[index - 1].lines):
            found.append(index)
    return found


def page_labelled(result: PageLayout, label: str) -> Page:
    for page, name in zip(result.pagination.pages, result.labels, strict=True):
        if label in name.split("-"):
            return page
    raise AssertionError(f"no page {label}: {result.labels}")


def before(result: PageLayout, label: str) -> Page:
    index = next(i for i, name in enumerate(result.labels) if label in name.split("-"))
    return result.pagination.pages[index - 1]


def action_line_on(pagination: Pagination, page: int, text: str) -> int:
    for line in pagination.pages[page].lines:
        if line.type is T.ACTION and line.text.startswith(text) and line.source_line:
            return line.source_line
    raise AssertionError(f"no {text!r} on page {page + 1}")


def test_a_page_begun_inside_a_speech_keeps_its_words_after_lines_are_added() -> None:
    text = speeches()
    lock, pagination = locked(text)
    targets = mid_speech(pagination)
    assert targets, "the script should have pages that begin inside a speech"
    target = targets[0]
    label = lock.labels[target]
    at = action_line_on(pagination, target - 1, "Tom waits")
    lines = text.split("\n")
    new = "\n".join([*lines[:at], STORM * 3, "", "Thunder.", "", *lines[at:]])
    result = paginate_locked(parse(new), new, rebase(lock, text, new))
    assert result.adjusted == 0 and result.lost == []
    assert spoken(result.pagination) == spoken(paginate(parse(new), LETTER))
    page = page_labelled(result, label)
    assert rows(page) == rows(pagination.pages[target])
    assert page.lines[0].text == "MAYA (CONT'D)" and page.lines[0].contd
    assert before(result, label).lines[-1].more
    assert f"{int(label) - 1}A" in result.labels  # the added lines spilled onto an A-page
    old = dict(zip(lock.labels, contents(pagination), strict=True))
    for name, lines_ in zip(result.labels, contents(result.pagination), strict=True):
        if name in old and int(name) > int(label) - 1:
            assert lines_ == old[name], name


def test_a_page_begun_inside_a_speech_keeps_its_words_after_lines_are_removed() -> None:
    text = speeches()
    lock, pagination = locked(text)
    target = mid_speech(pagination)[0]
    label = lock.labels[target]
    at = action_line_on(pagination, target - 1, "Tom waits")
    lines = text.split("\n")
    new = "\n".join([*lines[:at], *lines[at + 2 :]])
    result = paginate_locked(parse(new), new, rebase(lock, text, new))
    assert result.adjusted == 0
    assert spoken(result.pagination) == spoken(paginate(parse(new), LETTER))
    assert result.labels == lock.labels
    assert rows(page_labelled(result, label)) == rows(pagination.pages[target])
    previous = before(result, label)
    assert previous.lines[-1].more and previous.used_slots < pagination.pages[target - 1].used_slots


def pdf_lines(path: Path) -> list[list[str]]:
    """Each PDF page's lines, top to bottom."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            found: dict[int, list[dict[str, object]]] = {}
            for char in page.chars:
                found.setdefault(round(float(char["bottom"])), []).append(dict(char))
            pages.append(
                [
                    "".join(
                        str(c["text"]) for c in sorted(found[b], key=lambda c: float(str(c["x0"])))
                    )
                    for b in sorted(found)
                ]
            )
    return pages


def test_the_pdf_prints_the_forced_split_like_a_natural_one(tmp_path: Path) -> None:
    text = speeches()
    script = parse(text)
    setup = PrintSetup(paper="letter").for_script(script)
    pagination = paginate(script, setup.layout, setup.options)
    data = ProductionData(pages=lock_pages(script, text, pagination))
    target = mid_speech(pagination)[0]
    label = data.pages.labels[target] if data.pages else ""
    at = action_line_on(pagination, target - 1, "Tom waits")
    lines = text.split("\n")
    new = "\n".join([*lines[:at], STORM * 3, "", *lines[at:]])
    data.carry(text, new)
    out = tmp_path / "locked.pdf"
    plan = export(parse(new), out, setup=PrintSetup(paper="letter"), draft=Draft(new, data))
    assert plan is not None
    pages = pdf_lines(out)
    labels = [page.label for page in plan.pages]
    index = labels.index(label)
    page = pages[index]
    assert page[0].strip().endswith(f"{label}.")  # the page number, above the margin
    assert page[1].strip() == "MAYA (CONT'D)"
    first_words = pagination.pages[target].lines[1].text
    assert page[2].strip() == first_words
    assert pages[index - 1][-1].strip() == "(MORE)"
    assert labels[index - 1] == f"{int(label) - 1}A"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 1), st.sampled_from(["insert", "delete", "edit"]), st.integers(0, 4)
        ),
        min_size=1,
        max_size=6,
    )
)
def test_edits_before_the_break_keep_the_locked_start(edits: list[tuple[float, str, int]]) -> None:
    """Any paragraphs added, cut or changed before the speech: the locked page still
    begins with the same words, under the repeated cue."""
    text = speeches(8)
    lock, pagination = locked(text)
    target = mid_speech(pagination)[0]
    label = lock.labels[target]
    paragraphs = text.split("\n\n")
    cue = pagination.pages[target].lines[0].element_index
    cue_line = parse(text).elements[cue or 0].start_line
    speech = next(
        i
        for i in range(len(paragraphs))
        if "\n\n".join(paragraphs[: i + 1]).count("\n") >= cue_line
    )
    new_paragraphs = [
        STORM * 2,
        "Thunder.",
        "TOM\nWhat was that?",
        "EXT. YARD - NIGHT",
        "MAYA\nNothing. Go back to sleep.",
    ]
    for where, action, choice in edits:
        index = min(int(where * speech), speech - 1)
        if action == "insert":
            paragraphs.insert(index, new_paragraphs[choice])
            speech += 1
        elif action == "delete" and speech > 1 and not paragraphs[index].startswith("INT."):
            del paragraphs[index]
            speech -= 1
        elif not paragraphs[index].startswith(("INT.", "MAYA", "TOM")):
            paragraphs[index] = " ".join(paragraphs[index].split()[: choice + 1])
    new = "\n\n".join(paragraphs)
    result = paginate_locked(parse(new), new, rebase(lock, text, new))
    page = page_labelled(result, label)
    assert page.lines[0].text == "MAYA (CONT'D)" and page.lines[0].slot == -1
    assert rows(page) == rows(pagination.pages[target])
    assert before(result, label).lines[-1].more
    assert spoken(result.pagination) == spoken(paginate(parse(new), LETTER))


def test_a_break_the_paginator_cannot_make_falls_back_to_the_speech_start() -> None:
    """A speech turned into dual dialogue moves whole: the locked page begins at its cue."""
    text = speeches()
    lock, pagination = locked(text)
    target = mid_speech(pagination)[0]
    label = lock.labels[target]
    start = lock.pages[target].start
    assert start is not None
    lines = text.split("\n")
    new = "\n".join([*lines[: start.line + 1], "", "TOM ^", "What?", *lines[start.line + 1 :]])
    result = paginate_locked(parse(new), new, rebase(lock, text, new))
    assert result.adjusted == 1
    page = page_labelled(result, label)
    assert page.lines[0].text == "MAYA" and page.lines[0].dual == "left"
    assert spoken(result.pagination) == spoken(paginate(parse(new), LETTER))


def test_a_speech_with_emphasis_and_notes_keeps_its_locked_start() -> None:
    said = "I keep *talking* because the _silence_ would be worse. [[a note]] "
    text = speeches().replace(SAID, said)
    lock, pagination = locked(text)
    target = mid_speech(pagination)[0]
    start = lock.pages[target].start
    assert start is not None and start.column > 0
    at = action_line_on(pagination, target - 1, "Tom waits")
    lines = text.split("\n")
    new = "\n".join([*lines[:at], STORM * 3, "", *lines[at:]])
    result = paginate_locked(parse(new), new, rebase(lock, text, new))
    assert result.adjusted == 0
    page = page_labelled(result, lock.labels[target])
    assert rows(page) == rows(pagination.pages[target])
    assert page.lines[1].runs != (page.lines[1].runs[0],)  # the emphasis prints
    assert spoken(result.pagination) == spoken(paginate(parse(new), LETTER))


def printed_text(pagination: Pagination) -> str:
    """The script's printed text without spaces, cues and (MORE): what no break may change."""
    return "".join(
        line.text.replace(" ", "")
        for page in pagination.pages
        for line in page.lines
        if not line.more and line.type is not T.CHARACTER
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 200)), min_size=1, max_size=12))
def test_any_forced_breaks_lose_no_text_and_overfill_no_page(
    breaks: list[tuple[float, int]],
) -> None:
    text = (CORPUS / "Brick-and-Steel.fountain").read_text(encoding="utf-8")
    script = parse(text)
    lines = text.split("\n")
    forced = [(min(int(at * len(lines)), len(lines) - 1), offset) for at, offset in breaks]
    pagination = paginate(script, LETTER, breaks=forced)
    assert printed_text(pagination) == printed_text(paginate(script, LETTER))
    for page in pagination.pages:
        assert page.lines and page.used_slots <= LETTER.lines_per_page + 1
        more = [line for line in page.lines if line.more]
        assert all(line is page.lines[-1] for line in more)  # (MORE) only at the foot
