"""Pagination of the real corpus scripts: the rules hold on every page of every script, on
both papers and both profiles, and the paginated text is pinned by golden files.

``tests/golden/pages/NAME.txt`` holds the pages of corpus script ``NAME.fountain`` as
:func:`paged_text` writes them (Letter, Final Draft's profile); a new golden file is a new
case. ``REELWRIGHT_GOLDEN=write`` rewrites them after a deliberate change of the rules.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reelwright.screenplay.elements import ElementType, Script
from reelwright.screenplay.layout import A4, LETTER, MULTICAM_LETTER
from reelwright.screenplay.pagination import Pagination, PrintOptions, paginate
from reelwright.screenplay.parser import parse_file

T = ElementType
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SCRIPTS = sorted(p.name for p in CORPUS.glob("*.fountain"))
GOLDEN = Path(__file__).resolve().parent / "golden" / "pages"


def assert_rules(result: Pagination, script: Script) -> None:
    capacity = result.layout.lines_per_page
    for page in result.pages:
        for line in page.lines:
            if line.slot == -1:
                assert line.contd and line.type is T.CHARACTER, f"page {page.number}"
            elif line.slot == capacity:
                assert line.more, f"page {page.number}"
            else:
                assert 0 <= line.slot < capacity, f"page {page.number}"
        if not page.lines:
            assert result.page_count == 1
            continue
        last = max(page.lines, key=lambda line: line.slot)
        if last.type is T.SCENE_HEADING:
            assert last.element_index is not None
            after = script.elements[last.element_index + 1 :]
            assert not after or after[0].type is T.PAGE_BREAK, f"page {page.number}"
        if last.type is T.CHARACTER and last.dual is None:
            assert last.more, f"page {page.number} ends on a cue"


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_corpus_script_paginates_by_the_rules(name: str) -> None:
    script = parse_file(CORPUS / name)
    for layout in (LETTER, A4, MULTICAM_LETTER):
        result = paginate(script, layout, PrintOptions(scene_numbers="both"))
        assert_rules(result, script)
        headings = [i for i, e in enumerate(script.elements) if e.type is T.SCENE_HEADING]
        assert sorted(result.scene_pages) == headings
        pages = [result.scene_pages[i] for i in headings]
        assert pages == sorted(pages)


def test_big_fish_pages_like_final_draft() -> None:
    """The corpus Big Fish (its cues carry written (CONT'D)s) prints on Final Draft's 127
    pages; Final Draft's own pages are compared line by line in
    ``test_pagination_final_draft.py``."""
    script = parse_file(CORPUS / "Big-Fish.fountain")
    result = paginate(script, LETTER)
    assert result.page_count == 127
    splits = sum(1 for page in result.pages for line in page.lines if line.more)
    contd = sum(1 for page in result.pages[1:] if page.lines[0].contd)
    assert splits >= 1 and contd >= splits
    a4 = paginate(script, A4)
    assert a4.page_count < result.page_count
    starts = [line for line, _ in result.page_starts]
    assert starts == sorted(starts)
    # page_of_line agrees with the pages' own first lines.
    for page in result.pages:
        assert result.page_of_line(page.first_source_line) == page.number
    heading = next(i for i, e in enumerate(script.elements) if e.type is T.SCENE_HEADING)
    line = script.elements[heading].start_line
    assert result.page_of_line(line) == result.scene_pages[heading]


def test_page_breaks_in_corpus() -> None:
    script = parse_file(CORPUS / "page-break.fountain")
    breaks = sum(1 for e in script.elements if e.type is T.PAGE_BREAK)
    assert breaks >= 1
    assert paginate(script, LETTER).page_count >= breaks


def paged_text(result: Pagination) -> str:
    """The pages as text: a header per page, then each line as ``slot|column|text`` (the
    column in characters from the left margin; dual dialogue marked ``<`` and ``>``)."""
    out: list[str] = []
    for page in result.pages:
        out.append(f"=== page {page.number} (starts at line {page.first_source_line + 1})")
        for line in sorted(page.lines, key=lambda line: (line.slot, line.dual == "right")):
            side = {"left": "<", "right": ">"}.get(line.dual or "", " ")
            number = f" #{line.scene_number}" if line.scene_number else ""
            out.append(f"{line.slot:3d}|{line.indent:3d}{side}|{line.marked_text}{number}")
    return "\n".join(out) + "\n"


GOLDEN_CASES = sorted(path.stem for path in GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("name", GOLDEN_CASES)
def test_golden_pages(name: str) -> None:
    script = parse_file(CORPUS / f"{name}.fountain")
    got = paged_text(paginate(script, LETTER, PrintOptions(scene_numbers="both")))
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("REELWRIGHT_GOLDEN") == "write":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


def test_golden_cases_exist() -> None:
    assert {"Big-Fish", "Brick-and-Steel", "The-Last-Birthday-Card"} <= set(GOLDEN_CASES)
